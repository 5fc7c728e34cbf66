"""``find_dates``: every date expression in one line of text, resolved against a reference date
(English through our own patterns and resolver, other languages through dateparser).
"""

from __future__ import annotations

import datetime as dt
import re as stdre
from typing import Final

import regex as re

from pipeline.stages.dates.calendar_math import _valid
from pipeline.stages.dates.candidates import ANCHOR_WINDOW, _candidates
from pipeline.stages.dates.other_languages import _find_dates_other_language
from pipeline.stages.dates.patterns import _COUNT, _UNIT
from pipeline.stages.dates.resolve import _count, _offset, _safe_resolve
from pipeline.stages.dates.spans import FoundDate, _Candidate

_RELATION_BEFORE: Final = stdre.compile(r"(?:from|after|before)\s+$", stdre.I)
_COMPOSED_OFFSET: Final = re.compile(
    rf"\b{_COUNT}\s+{_UNIT}\s+(?P<rel>from|after|before)\s+$", re.I
)


_ABBREVIATION_BEFORE_DOT: Final = re.compile(r"(?<![A-Za-z])[A-Za-z]{1,4}\.$")


def _without_full_stop(cand: _Candidate, text: str) -> _Candidate:
    """Drop a sentence's full stop caught by an optional abbreviation dot ("on 22 December.")."""
    span = text[cand.start : cand.end]
    if span.endswith(".") and not _ABBREVIATION_BEFORE_DOT.search(span):
        return _Candidate(cand.start, cand.end - 1, cand.kind, cand.groups)
    return cand


def _plausible(cand: _Candidate, span: str) -> bool:
    """Reject bare forms that are usually not dates ("may", "sun", "sat", "mar")."""
    if cand.kind == "weekday" and not cand.groups.get("mod"):
        word = (cand.groups.get("weekday") or "").rstrip(".")
        return len(word) > 3 or (word[0].isupper() and word.lower() not in ("sun", "sat", "wed"))
    if cand.kind == "month_alone":
        return span[0].isupper() and span.lower().rstrip(".") not in ("may", "mar")
    if cand.kind == "relative":
        return bool(cand.groups.get("dir")) or span.lower().startswith("in ")
    return True


def find_dates(
    text: str, reference: dt.datetime | dt.date | None, language: str = "en"
) -> list[FoundDate]:
    """Every date expression in ``text``, resolved against ``reference`` (None: absolute only)."""
    ref = reference.date() if isinstance(reference, dt.datetime) else reference
    if language != "en":
        return _find_dates_other_language(text, ref, language)
    results: list[FoundDate] = []
    for cand in _candidates(text):
        cand = _without_full_stop(cand, text)
        span = text[cand.start : cand.end]
        if not _plausible(cand, span):
            continue
        start, value, granularity = cand.start, *_safe_resolve(cand, span, ref)
        # "3 days after ...": only looked for when the word before is one of those.
        composed = (
            _COMPOSED_OFFSET.search(text, max(0, cand.start - ANCHOR_WINDOW), cand.start)
            if _RELATION_BEFORE.search(text, max(0, cand.start - 8), cand.start)
            else None
        )
        if composed and value is not None and granularity == "day":
            try:
                value = _compose(composed, cand, span, ref, value)
            except (ValueError, OverflowError):
                value = None
            start = composed.start()
        results.append(
            FoundDate(start, cand.end, text[start : cand.end], value, granularity, cand.kind)
        )
    return results


def _compose(
    composed: re.Match[str], cand: _Candidate, span: str, ref: dt.date | None, value: dt.date
) -> dt.date:
    """ "3 days after January 12th": an offset from an anchor, which is then read forwards."""
    if ref is not None and value < ref and not cand.groups.get("year"):
        if cand.kind == "weekday":
            value += dt.timedelta(days=7)
        elif cand.kind in ("month_day", "day_month"):
            value = _valid(value.year + 1, value.month, value.day) or value
    sign = -1 if composed.group("rel").lower() == "before" else 1
    return _offset(value, composed.group("unit"), sign * _count(composed.group("count")))
