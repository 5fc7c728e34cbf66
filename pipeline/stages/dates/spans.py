"""Spans of text that may hold a date: the records for a pattern's match (``_Candidate``) and a
found date (``FoundDate``), and the choice of non-overlapping spans in order of preference.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from dataclasses import dataclass

from schemas import Granularity


@dataclass(frozen=True)
class FoundDate:
    """A date expression in a piece of text; ``value`` is None where it cannot be resolved."""

    start: int
    end: int
    text: str
    value: dt.date | None
    granularity: Granularity
    kind: str = ""


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    kind: str
    groups: dict[str, str | None]


def _non_overlapping(spans: list[tuple[int, int]]) -> list[int]:
    """Indices of the spans kept when each, in order, is kept unless it overlaps a kept one.

    Kept spans never overlap, so sorted by start one bisection finds the only two neighbours
    that could overlap a new span: linear-logarithmic, not quadratic, on a very long line.
    """
    starts: list[int] = []
    ends: list[int] = []
    kept = []
    for index, (start, end) in enumerate(spans):
        at = bisect_left(starts, start)
        if at > 0 and ends[at - 1] > start:
            continue
        if at < len(starts) and starts[at] < end:
            continue
        starts.insert(at, start)
        ends.insert(at, end)
        kept.append(index)
    return kept
