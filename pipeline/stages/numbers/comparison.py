"""Comparing two outlets' figures for the same measure: the interval each allows and the
verdict, by the same rule as ``sql/views/number_comparison.sql`` (approximate = +-10%)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final, Literal

from schemas.records import NumberMention, Qualifier

# Tolerance used for "approximate" by the comparison view (documented there too).
APPROXIMATE_TOLERANCE: Final = 0.10
Verdict = Literal["agree", "compatible", "conflict"]


@dataclass(frozen=True, slots=True)
class Interval:
    low: float
    high: float
    low_open: bool = False
    high_open: bool = False


def interval(value: float, qualifier: Qualifier, value_max: float | None = None) -> Interval:
    """The values a figure allows: 'more than 100' -> (100, inf); 'some 2,500' -> +-10%."""
    top = value if value_max is None else value_max
    if qualifier == "approximate":
        return Interval(
            min(value * (1 - APPROXIMATE_TOLERANCE), value * (1 + APPROXIMATE_TOLERANCE)),
            max(top * (1 + APPROXIMATE_TOLERANCE), top * (1 - APPROXIMATE_TOLERANCE)),
        )
    if qualifier in {"more_than", "at_least"}:
        return Interval(value, math.inf, low_open=qualifier == "more_than")
    if qualifier in {"less_than", "at_most"}:
        return Interval(-math.inf, value, high_open=qualifier == "less_than")
    return Interval(value, top)


def compare(a: NumberMention, b: NumberMention) -> Verdict:
    """'agree' (same figure and qualifier), 'compatible' (both can be true) or 'conflict'."""
    if (a.value, a.value_max, a.qualifier) == (b.value, b.value_max, b.qualifier):
        return "agree"
    x = interval(a.value, a.qualifier, a.value_max)
    y = interval(b.value, b.qualifier, b.value_max)
    return "compatible" if _overlap(x, y) and _overlap(y, x) else "conflict"


def _overlap(x: Interval, y: Interval) -> bool:
    """x starts before y ends."""
    return x.low < y.high or (x.low == y.high and not x.low_open and not y.high_open)
