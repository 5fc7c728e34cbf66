"""Links, e-mail addresses and phone numbers, whose digits are no figures: found as sorted
spans, so that a position is tested by bisection."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import Final

# An address is tried only where a run of non-spaces starts: "\S+@\S+" tried at every
# character of a long run without an "@" read the rest of the run each time (quadratic).
# It matches inside a run only if it matches from the run's start, which comes first and
# reads to the same end (the next space).
URL_RE: Final = re.compile(r"(?:https?://|www\.)\S+|(?<!\S)\S+@\S+")


class _Spans:
    """Sorted, disjoint spans of regex matches (links, phone numbers): membership by
    bisection, so that a line full of them is not read once per figure."""

    __slots__ = ("ends", "starts")

    def __init__(self, matches: Iterable[re.Match[str]]) -> None:
        spans = [m.span() for m in matches]
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]

    def __bool__(self) -> bool:
        return bool(self.starts)

    def contain(self, pos: int) -> bool:
        k = bisect.bisect_right(self.starts, pos) - 1
        return k >= 0 and pos < self.ends[k]


def _may_hold_link(text: str) -> bool:
    return "http" in text or "www." in text or "@" in text


# Phone numbers: with a country code, an area code in brackets, or as 555-123-4567.
PHONE_RE: Final = re.compile(
    r"\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}"
    r"|\(\d{2,5}\)\s?\d{3,4}[\s.-]?\d{3,4}"
    r"|\b\d{3}[.-]\d{3}[.-]\d{4}\b"
)
PHONE_HINT: Final = re.compile(r"\+\d|\(\d{2,5}\)")


def _phone_spans(text: str, start: int, end: int) -> _Spans | None:
    if text.find("+", start, end) < 0 and text.find("(", start, end) < 0:
        return None  # cheap test before the pattern
    if PHONE_HINT.search(text, start, end) is None:
        return None
    return _Spans(PHONE_RE.finditer(text, start, end))
