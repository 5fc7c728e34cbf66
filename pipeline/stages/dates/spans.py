"""Spans of text that may hold a date: the records for a pattern's match (``_Candidate``) and a
found date (``FoundDate``), and the choice of non-overlapping spans in order of preference.
"""

from __future__ import annotations

import datetime as dt
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

    A span overlaps a kept one that starts within it, or that started before it and runs on
    past its start (an empty kept span at its start counts, one at its end does not). Two maps
    of the line's characters say both: where kept spans start, and which characters lie inside
    one after its start. A test and a mark cost the span's length, not the number of spans kept
    (a sorted list of kept spans took a shift of the whole list per insert: quadratic on a long
    line). Each pattern's matches in a line never overlap one another, so the spans' lengths add
    up to a few times the line's.
    """
    size = max((end for _, end in spans), default=0) + 1
    kept_starts = bytearray(size)
    inside = bytearray(size)  # characters after a kept span's first and before its end
    kept = []
    for index, (start, end) in enumerate(spans):
        if inside[start] or kept_starts.find(1, start, end) >= 0:
            continue
        kept_starts[start] = 1
        inside[start + 1 : end] = b"\x01" * (end - start - 1)
        kept.append(index)
    return kept
