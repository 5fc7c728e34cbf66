"""Opening a page in headless Chromium through the DevTools protocol: what it logged as an
error, every URL it requested, and what a script finds in its DOM.

Used by the report tests; Chromium is Debian's package (``apt-get install chromium``).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import queue
import re
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from websockets.sync.client import connect

BINARIES = ("chromium", "chromium-browser", "google-chrome")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--remote-debugging-port=0",
    # Nothing may leave the machine: any host name fails to resolve.
    "--host-resolver-rules=MAP * ~NOTFOUND",
)
DEVTOOLS_URL = re.compile(r"DevTools listening on (ws://\S+)")
START_TIMEOUT = 30.0
LOAD_TIMEOUT = 30.0
ERROR_CONSOLE_TYPES = {"error", "assert"}


def find_chromium() -> str | None:
    return next((path for name in BINARIES if (path := shutil.which(name))), None)


@dataclass
class PageVisit:
    errors: list[str] = field(default_factory=list)  # console errors, exceptions, failed loads
    requests: list[str] = field(default_factory=list)  # every URL the page asked for
    result: Any = None  # what the script evaluated in the loaded page returned


class Chromium:
    """A headless Chromium for one test: started with a fresh profile, stopped on exit."""

    def __init__(self, binary: str) -> None:
        self.profile = tempfile.TemporaryDirectory(prefix="chromium-profile-")
        self.process = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={self.profile.name}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.closing = contextlib.ExitStack()
        try:
            self.socket = self.closing.enter_context(connect(self._devtools_url(), max_size=None))
        except BaseException:
            self.process.kill()
            self.process.wait()
            self.profile.cleanup()
            raise
        self.ids = itertools.count(1)
        self.events: list[dict[str, Any]] = []  # what arrived while waiting for answers

    def _devtools_url(self) -> str:
        lines: queue.Queue[str] = queue.Queue()
        stderr = self.process.stderr
        assert stderr is not None
        threading.Thread(target=lambda: [lines.put(x) for x in stderr], daemon=True).start()
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=0.5)
            except queue.Empty:
                if self.process.poll() is not None:
                    break
                continue
            if found := DEVTOOLS_URL.search(line):
                return found.group(1)
        raise RuntimeError("chromium did not start its DevTools endpoint")

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.socket.send(json.dumps({"id": next(self.ids), "method": "Browser.close"}))
            self.process.wait(timeout=10)
        except Exception:
            self.process.kill()
            self.process.wait()
        finally:
            self.closing.close()
            self.profile.cleanup()

    def send(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        """Send one command and wait for its answer (events meanwhile go to ``self.events``)."""
        message_id = next(self.ids)
        message: dict[str, Any] = {"id": message_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        self.socket.send(json.dumps(message))
        while True:
            reply = self.receive(LOAD_TIMEOUT)
            if reply.get("id") == message_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def receive(self, timeout: float) -> dict[str, Any]:
        return json.loads(self.socket.recv(timeout=timeout))

    def visit(self, url: str, script: str) -> PageVisit:
        """Load ``url`` in a new tab, wait for its load event, evaluate ``script`` there."""
        self.events = []
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        session = self.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable", session)
        self.send("Page.navigate", session, url=url)
        deadline = time.monotonic() + LOAD_TIMEOUT
        while not any(e.get("method") == "Page.loadEventFired" for e in self.events):
            self.events.append(self.receive(max(deadline - time.monotonic(), 0.1)))
        result = self.send(
            "Runtime.evaluate", session, expression=script, returnByValue=True, awaitPromise=True
        )
        visit = PageVisit(result=result.get("result", {}).get("value"))
        for event in self.events:
            record(visit, event.get("method", ""), event.get("params", {}))
        self.send("Target.closeTarget", targetId=target)
        return visit


def record(visit: PageVisit, method: str, params: dict[str, Any]) -> None:
    if method == "Runtime.consoleAPICalled" and params.get("type") in ERROR_CONSOLE_TYPES:
        visit.errors.append(" ".join(str(a.get("value", a)) for a in params.get("args", [])))
    elif method == "Runtime.exceptionThrown":
        visit.errors.append(params["exceptionDetails"].get("text", "exception"))
    elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
        visit.errors.append(f"{params['entry'].get('text')} ({params['entry'].get('url')})")
    elif method == "Network.loadingFailed":
        visit.errors.append(f"failed to load: {params.get('errorText')}")
    elif method == "Network.requestWillBeSent":
        visit.requests.append(params["request"]["url"])
