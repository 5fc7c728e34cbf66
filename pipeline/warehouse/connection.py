"""Opening the DuckDB warehouse: waiting out another process's lock, and one-query sessions.

DuckDB lets one process write a file, and any open session (even read-only) blocks a writer,
so a connection that meets a lock waits and retries instead of failing.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

LOCK_RETRY_SECONDS = 600.0


LOCK_RETRY_INTERVAL = 0.5


class WarehouseLocked(RuntimeError):
    """Another process held the warehouse for longer than we were willing to wait."""


def is_lock_error(exc: Exception) -> bool:
    text = str(exc).lower()
    return "lock" in text and ("conflicting" in text or "could not set" in text)


@contextmanager
def connect(
    path: Path,
    read_only: bool = False,
    wait_seconds: float = LOCK_RETRY_SECONDS,
    on_wait: Callable[[str], None] | None = None,
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the warehouse, waiting while another process holds its lock."""
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_seconds
    warned = False
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            break
        except duckdb.Error as exc:
            if not is_lock_error(exc):
                raise
            if time.monotonic() > deadline:
                raise WarehouseLocked(
                    f"{path} stayed locked by another process for {wait_seconds:.0f} s: {exc}"
                ) from exc
            if not warned and on_wait:
                on_wait(f"warehouse is locked by another process, waiting: {exc}")
                warned = True
            time.sleep(LOCK_RETRY_INTERVAL)
    try:
        yield con
    finally:
        con.close()


def query(warehouse: Path, sql: str, wait_seconds: float = 60.0) -> tuple[list[str], list[tuple]]:
    """Run one read-only query and close the session at once, so writers are not held up."""
    if not warehouse.exists():
        raise FileNotFoundError(f"no warehouse at {warehouse}: run 'newsfacts run' first")
    with connect(warehouse, read_only=True, wait_seconds=wait_seconds) as con:
        cur = con.execute(sql)
        columns = [d[0] for d in cur.description] if cur.description else []
        return columns, cur.fetchall()
