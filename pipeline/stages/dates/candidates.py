"""The candidate date spans of one English line: the applicable patterns run in windows around
their anchor words, tried only where a match can begin; longer and earlier patterns win overlaps.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from typing import Final, NamedTuple

import regex as re

from pipeline.stages.dates.features import _features
from pipeline.stages.dates.patterns import (
    _CASE_ODDITIES,
    _PATTERN_ORDER,
    _START_PATTERNS,
    PATTERN_NEEDS,
    PATTERNS,
    _StartFinder,
)
from pipeline.stages.dates.spans import _Candidate, _non_overlapping

# A pattern only runs in windows this many characters either side of its anchor words.
ANCHOR_WINDOW: Final = 60


class _Window(NamedTuple):
    start: int
    end: int


def _windows(anchors: list[int], length: int) -> list[_Window]:
    """The spans ANCHOR_WINDOW characters either side of the anchors, overlapping ones merged."""
    merged: list[_Window] = []
    for at in sorted(anchors):
        start, end = max(0, at - ANCHOR_WINDOW), min(length, at + ANCHOR_WINDOW)
        if merged and start <= merged[-1].end:
            merged[-1] = _Window(merged[-1].start, max(merged[-1].end, end))
        else:
            merged.append(_Window(start, end))
    return merged


@lru_cache(maxsize=1024)
def _applicable_patterns(
    present: frozenset[str],
) -> list[tuple[str, re.Pattern[str], set[str]]]:
    """The patterns whose needed features are all present (few combinations exist)."""
    return [
        (kind, pattern, PATTERN_NEEDS[kind][0])
        for kind, pattern in PATTERNS
        if all(group & present for group in PATTERN_NEEDS[kind])
    ]


def _matches_at_starts(
    pattern: re.Pattern[str],
    text: str,
    lowered: str,
    starts: _StartFinder,
    digits: list[int],
    window_start: int,
    window_end: int,
) -> list[re.Match[str]]:
    """What ``pattern.finditer(text, window_start, window_end)`` finds, trying the pattern only
    where a match can begin (see PATTERN_STARTS): the leftmost match, then the next one at or
    after its end. ``digits`` are the starts of the line's runs of digits, in order."""
    at_line_start, after_non_word = starts.at_line_start, starts.after_non_word
    points = []
    if at_line_start is not None and after_non_word is not None:
        if window_start == 0 and at_line_start.match(lowered, 0, window_end):
            points.append(0)
        scan_from = max(0, window_start - 1)
        points += [m.start() + 1 for m in after_non_word.finditer(lowered, scan_from, window_end)]
    if starts.at_digits:
        first = bisect_left(digits, window_start)
        points += digits[first : bisect_left(digits, window_end, first)]
        points.sort()
    found = []
    cursor = window_start
    for at in points:
        if at >= cursor:
            match = pattern.match(text, at, window_end)
            if match:
                found.append(match)
                cursor = match.end()
    return found


def _candidates(text: str) -> list[_Candidate]:
    """Non-overlapping candidate spans; earlier patterns win ties, longer spans win overlaps."""
    found: list[_Candidate] = []
    lowered = text.lower()
    starts_known = text.isascii() or not _CASE_ODDITIES.search(text)
    positions = _features(text, lowered, starts_known)
    if not positions:
        return []
    seen: set[tuple[int, int, str]] = set()
    digits = positions.get("digit", [])
    for kind, pattern, anchor_features in _applicable_patterns(frozenset(positions)):
        # The first need is the anchor: the pattern runs only around those words.
        anchors = [at for feature in anchor_features for at in positions.get(feature, [])]
        starts = _START_PATTERNS.get(kind) if starts_known else None
        for window_start, window_end in _windows(anchors, len(text)):
            if starts is None:
                matches = pattern.finditer(text, window_start, window_end)
            else:
                matches = _matches_at_starts(
                    pattern, text, lowered, starts, digits, window_start, window_end
                )
            for match in matches:
                key = (match.start(), match.end(), kind)
                if match.end() > match.start() and key not in seen:
                    seen.add(key)
                    found.append(_Candidate(match.start(), match.end(), kind, match.groupdict()))
    found.sort(key=lambda c: (-(c.end - c.start), _PATTERN_ORDER[c.kind], c.start))
    kept = _non_overlapping([(c.start, c.end) for c in found])
    chosen = sorted((found[i] for i in kept), key=lambda c: c.start)
    # "Friday 2018-7-6": a weekday right before a full date is part of it, not a date of its own.
    return [
        c
        for c, following in zip(chosen, [*chosen[1:], None], strict=False)
        if not (
            c.kind == "weekday"
            and following is not None
            and _WEEKDAY_JOINER.fullmatch(text[c.end : following.start])
        )
    ]


_WEEKDAY_JOINER: Final = re.compile(r"\s*,?\s*")
