"""Best-of-N CPU time per small chunk of items, summed: the timing the per-stage scripts share.

Taking the best run of each small chunk filters out the time slices other processes on a shared
machine steal, which a single best-of over the whole set does not.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
CHUNK = 5


def best_chunk_seconds(
    items: Sequence[T],
    run: Callable[[Sequence[T]], int],
    repeat: int,
    before_each: Callable[[], None] = lambda: None,
) -> tuple[float, int]:
    """(CPU seconds, what ``run`` counted) over all items, chunk by chunk, best of ``repeat``.

    ``run`` processes one chunk and returns how many records it found; ``before_each`` runs
    before every timed pass (clearing caches, so repeats don't flatter the figure).
    """
    total, found = 0.0, 0
    for first in range(0, len(items), CHUNK):
        chunk = items[first : first + CHUNK]
        best, counted = float("inf"), 0
        for _ in range(repeat):
            before_each()
            started = time.process_time()
            counted = run(chunk)
            best = min(best, time.process_time() - started)
        total += best
        found += counted
    return total, found


def pin_to_one_core() -> None:
    """Run on one core, where the OS allows it, so a figure is per core."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def repeat_argument(default: int = 5) -> int:
    """The ``--repeat N`` of the command line: timed passes per chunk."""
    return int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else default
