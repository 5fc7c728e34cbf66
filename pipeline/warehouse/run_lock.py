"""One run at a time per warehouse: the others wait their turn, then do only what is left.

Every run plans against the last load, so runs in flight together on one warehouse would each
read, clean and extract the same new files, and all but one would load them again: ten runs
started at once did ten times the work of one. A run therefore holds an exclusive lock on a
file beside the warehouse from its plan to its load; a run that finds it held waits, then
plans against what the run before it loaded. The lock is an OS file lock, so a run that dies,
even by SIGKILL, releases it with its process. (Where the OS has no ``fcntl``, runs are not
serialised; DuckDB's own lock still keeps their loads apart.)
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

# A run waits this long for the one before it; a run longer than this is more likely stuck.
RUN_LOCK_WAIT_SECONDS = 3 * 3600.0
RUN_LOCK_POLL_SECONDS = 0.5


class RunLockTimeout(RuntimeError):
    """Another run held the warehouse for longer than a run will wait."""


def run_lock_path(warehouse: Path) -> Path:
    return warehouse.with_name(warehouse.stem + ".run.lock")


@contextmanager
def run_lock(
    warehouse: Path,
    wait_seconds: float = RUN_LOCK_WAIT_SECONDS,
    on_wait: Callable[[str], None] | None = None,
) -> Iterator[None]:
    """Hold the warehouse's run lock for the block, waiting for the run that holds it."""
    with file_lock(run_lock_path(warehouse), "another newsfacts run", wait_seconds, on_wait):
        yield


@contextmanager
def file_lock(
    path: Path,
    holder_kind: str,
    wait_seconds: float = RUN_LOCK_WAIT_SECONDS,
    on_wait: Callable[[str], None] | None = None,
) -> Iterator[None]:
    """Hold an exclusive OS lock on ``path`` for the block, waiting while another process
    holds it; ``holder_kind`` names that process in the messages."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if fcntl is not None:
            wait_for_lock(fd, path, holder_kind, wait_seconds, on_wait)
            record_holder(fd)
        yield
    finally:
        os.close(fd)  # releases the lock


def wait_for_lock(
    fd: int,
    path: Path,
    holder_kind: str,
    wait_seconds: float,
    on_wait: Callable[[str], None] | None,
) -> None:
    deadline = time.monotonic() + wait_seconds
    warned = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        holder = read_holder(path)
        if time.monotonic() > deadline:
            raise RunLockTimeout(
                f"{holder_kind} ({holder}) held {path} for over {wait_seconds:.0f} s; "
                "if it is stuck, stop it and run again"
            )
        if not warned and on_wait:
            on_wait(f"{holder_kind} ({holder}) holds {path}; waiting for it to finish")
            warned = True
        time.sleep(RUN_LOCK_POLL_SECONDS)


def record_holder(fd: int) -> None:
    """Say who holds the lock, for the message of a run that waits."""
    since = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"pid {os.getpid()}, since {since}".encode(), 0)


def read_holder(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip() or "starting"
    except OSError:
        return "unknown"
