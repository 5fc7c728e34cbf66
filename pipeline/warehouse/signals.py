"""Holding Ctrl-C and SIGTERM back while the loader commits and records what it loaded.

An interrupt between the DuckDB commit and the manifest write would stop a run after its
batch is in the warehouse but before it says so. The loader is crash-safe there anyway (see
load.py), but an interrupt, unlike a kill, can wait a few milliseconds: it is delivered again
as soon as the commit is recorded, to whatever handler was in place (Dagster's, or Python's).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


@contextmanager
def signals_deferred() -> Iterator[None]:
    """Run the block to its end; a stop signal received meanwhile is raised again after it."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread receives signals (and may set their handlers)
        return
    received: list[int] = []

    def note(signum: int, _frame: FrameType | None) -> None:
        received.append(signum)

    previous = {s: signal.signal(s, note) for s in STOP_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            # None: a handler not set from Python; the default is the closest we can restore.
            signal.signal(signum, signal.SIG_DFL if handler is None else handler)
        if received:
            signal.raise_signal(received[0])
