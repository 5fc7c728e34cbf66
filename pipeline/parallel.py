"""Run a function over the parts of a batch, in worker processes when there are several parts.

Parts are independent by construction (each reads its own input files and writes its own
output files), so a large first load uses every core while a sensor's batch of a few files,
one part, runs in the calling process with no start-up cost.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def available_cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def worker_count(requested: int) -> int:
    """``requested`` processes, or every core available to this process when it is 0."""
    if requested < 0:
        raise ValueError(f"workers must be 0 (all cores) or more, not {requested}")
    return requested or available_cores()


def map_calls(fn: Callable[..., T], calls: Sequence[tuple[Any, ...]], workers: int) -> list[T]:
    """``[fn(*args) for args in calls]``, spread over up to ``workers`` processes.

    ``fn`` must be a module-level function. Workers are spawned, not forked: the caller may be
    a Dagster run with threads of its own, which a fork would copy mid-flight.
    """
    if workers <= 1 or len(calls) <= 1:
        return [fn(*args) for args in calls]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(workers, len(calls)), mp_context=context) as pool:
        futures = [pool.submit(fn, *args) for args in calls]
        return [future.result() for future in futures]
