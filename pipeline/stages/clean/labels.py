"""Line labels: one shared instance per (kind, reason), and counts of kinds for reports."""

from __future__ import annotations

from collections import Counter
from functools import cache
from typing import Final

from schemas import LineLabel

BLANK_REASON: Final = "blank line"


@cache
def line_label(kind: str, reason: str | None) -> LineLabel:
    """Labels are immutable, so one instance per (kind, reason) serves every line."""
    return LineLabel(kind=kind, reason=reason)  # type: ignore[arg-type]


def kind_counts(labels: list[LineLabel]) -> dict[str, int]:
    """How many non-blank lines got each kind ("body" included), for cleaning reports."""
    counts = Counter(label.kind for label in labels if label.reason != BLANK_REASON)
    return dict(sorted(counts.items()))


def blank_label() -> LineLabel:
    """The label of a blank line."""
    return line_label("other", BLANK_REASON)
