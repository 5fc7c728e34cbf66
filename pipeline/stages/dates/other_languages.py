"""Dates on pages in other languages than English: spans found with the language's date words
(from dateparser's data), each parsed by dateparser against the reference date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import importlib
import re as stdre
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Final, NamedTuple

import regex as re
from dateparser.date import DateDataParser

from pipeline.stages.dates.lexicon import WORDS, _alternation, _compile
from pipeline.stages.dates.resolve import DATEPARSER_SETTINGS
from pipeline.stages.dates.spans import FoundDate, _non_overlapping
from schemas import Granularity


class _Span(NamedTuple):
    start: int
    end: int
    kind: str


def _find_dates_other_language(text: str, ref: dt.date | None, language: str) -> list[FoundDate]:
    """Other languages: spans found with the language's date words, each parsed by dateparser.

    The words (month and weekday names, "yesterday", "3 days ago") come from dateparser's data
    for that language; a line with no digit and none of those words costs one set lookup.
    Unknown languages (no dateparser data) get numeric dates only.
    """
    lexicon = _other_language_lexicon(language)
    has_digit = _ANY_DIGIT.search(text) is not None
    has_word = lexicon.has_word(text)
    if not (has_digit or has_word):
        return []
    patterns = (lexicon.digit_patterns if has_digit else []) + (
        lexicon.word_patterns if has_word else []
    )
    spans: list[_Span] = []
    for kind, pattern in patterns:
        spans.extend(_Span(m.start(), m.end(), kind) for m in pattern.finditer(text))
    # Longest spans win overlaps, as for English.
    spans.sort(key=lambda span: (span.start - span.end, span.start))
    chosen = [spans[i] for i in _non_overlapping([(s.start, s.end) for s in spans])]
    results = []
    for start, end, kind in sorted(chosen):
        value, granularity = _parse_span(text[start:end], language, ref, kind)
        if value is not None:
            results.append(FoundDate(start, end, text[start:end], value, granularity, kind))
    return results


_ANY_DIGIT: Final = stdre.compile(r"\d")
_OTHER: Final = WORDS["other_languages"]
_RELATIVE_KEY: Final = stdre.compile(
    rf"^(?:in )?(?:\d+|\\1) ({'|'.join(_OTHER['relative_units'])})(?: ago)?$"
)
# Numeric dates read the same in every language; dateparser orders day and month by locale.
_NUMERIC_DATE: Final = (
    r"(?<![\d./-])(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}[./-]\d{1,2}[./-]\d{1,2})"
    r"(?![\d/-]|\.\d)"
)
_CJK_DATE: Final = (
    r"\d{4}\s*[\u5e74\ub144]\s*\d{1,2}\s*[\u6708\uc6d4](?:\s*\d{1,2}\s*[\u65e5\uc77c])?"
)


@dataclass(frozen=True)
class _Lexicon:
    """One language's date words and the patterns built from them."""

    words: frozenset[str]  # single lower-case words that may start a date span
    phrases: tuple[str, ...]  # lower-case words or phrases looked for as substrings
    word_bounded: bool
    digit_patterns: list[tuple[str, re.Pattern[str]]]
    word_patterns: list[tuple[str, re.Pattern[str]]]

    def has_word(self, text: str) -> bool:
        lowered = text.lower()
        if self.word_bounded:
            return not self.words.isdisjoint(_UNICODE_WORD.findall(lowered))
        return any(phrase in lowered for phrase in self.phrases)


_UNICODE_WORD: Final = stdre.compile(r"[^\W\d_]+")


@cache
def _language_info(language: str) -> dict:
    """dateparser's date words for a language (its shipped data tables); {} when it has none."""
    if not stdre.fullmatch(r"[a-z]{2,3}", language or ""):
        return {}
    try:
        module = importlib.import_module(f"dateparser.data.date_translation_data.{language}")
    except ImportError:
        return {}
    return getattr(module, "info", {})


def _from_digit_run_start(form: str) -> str:
    """A relative form that starts with its count, a possessive run of digits ("(\\d++...)天前"),
    tried only where a run of digits starts: from inside the run it reads the same digits to
    the same end, so it fails where it failed from the run's start, but only after reading the
    rest of the run (quadratic in a long run of digits where words have no boundaries)."""
    return rf"(?<!\d){form}" if form.startswith(r"(\d++") else form


@cache
def _other_language_lexicon(language: str) -> _Lexicon:
    info = _language_info(language)
    bounded = language not in _OTHER["no_word_boundary"]
    before, after = (r"(?<!\w)", r"(?!\w)") if bounded else ("", "")
    months = [
        form.lower()
        for name in calendar.month_name[1:]
        for form in info.get(name.lower(), [])
        if len(form.rstrip(".")) >= _OTHER["min_month_chars"]
    ]
    weekdays = []
    for name in calendar.day_name:
        forms = sorted(info.get(name.lower(), []), key=len)
        weekdays += [f.lower() for f in forms if len(f) >= _OTHER["min_weekday_chars"]]
        if forms and len(forms[-1]) >= 3:
            weekdays.append(forms[-1].lower())
    relative_words, relative_patterns = [], []
    for key, forms in info.get("relative-type", {}).items():
        if _RELATIVE_KEY.match(key):
            relative_words += [f.lower() for f in forms]
    for key, forms in info.get("relative-type-regex", {}).items():
        if _RELATIVE_KEY.match(key):
            relative_patterns += [_from_digit_run_start(f.replace(" ", r"\s+")) for f in forms]
    # Possessive spaces ("*+"): no date word starts with a space, so giving spaces back never
    # helps, and trying each split of a long run of them was quadratic in its length.
    connector = rf"(?:\s+(?:{'|'.join(_OTHER['connectors'])})\s+|\s*+[,.]?\s*+)"
    month = rf"(?:{_alternation(months)})\.?" if months else None
    digit_patterns: list[tuple[str, re.Pattern[str]]] = [
        ("numeric", _compile(_NUMERIC_DATE)),
        ("numeric", _compile(_CJK_DATE)),
    ]
    if month:
        day = r"\d{1,2}(?:\.|er|º|°)?"
        digit_patterns.append(
            (
                "month_name",
                _compile(
                    rf"{before}(?:{day}{connector})?{before}{month}{after}"
                    rf"(?:{connector}\d{{4}}(?!\d)|\s*\d{{1,2}}[\u65e5\uc77c]?(?!\d)"
                    rf"(?:,?\s*\d{{4}}(?!\d))?)?",
                    re.I,
                ),
            )
        )
    if relative_patterns:
        joined = "|".join(relative_patterns)
        digit_patterns.append(("relative", _compile(rf"{before}(?:{joined}){after}", re.I)))
    word_patterns: list[tuple[str, re.Pattern[str]]] = []
    named = [*relative_words, *weekdays]
    if named:
        word_patterns.append(
            ("named_day", _compile(rf"{before}(?:{_alternation(named)}){after}", re.I))
        )
    first_words = {w for phrase in [*months, *named] for w in _UNICODE_WORD.findall(phrase)[:1]}
    return _Lexicon(
        frozenset(first_words),
        tuple(sorted({p.rstrip(".") for p in [*months, *named]})),
        bounded,
        digit_patterns,
        word_patterns,
    )


@lru_cache(maxsize=64)
def _date_parser(language: str, ref: dt.date | None) -> DateDataParser:
    """One dateparser parser per language and reference day (a batch shares a few days)."""
    settings: dict[str, object] = dict(DATEPARSER_SETTINGS)
    if ref is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(ref, dt.time())
    # A language dateparser has no data for still has numeric dates: read them as English does.
    known = language if _language_info(language) else "en"
    return DateDataParser(languages=[known], settings=settings)


_PERIODS: dict[str, Granularity] = {"day": "day", "week": "week", "month": "month", "year": "year"}


@lru_cache(maxsize=4096)
def _parse_span(
    span: str, language: str, ref: dt.date | None, kind: str
) -> tuple[dt.date | None, Granularity]:
    """dateparser on one short span of the article's language; relative spans need ``ref``."""
    if ref is None and kind != "numeric" and not _YEAR_IN_SPAN.search(span):
        return None, "day"
    try:
        data = _date_parser(language, ref).get_date_data(span)
    except ValueError:  # a language dateparser does not know
        return None, "day"
    if data.date_obj is None:
        return None, "day"
    value, granularity = data.date_obj.date(), _PERIODS.get(data.period or "day", "day")
    # A month or a year stands for its first day, as in the English resolver.
    if granularity == "month":
        value = value.replace(day=1)
    elif granularity == "year":
        value = value.replace(month=1, day=1)
    return value, granularity


_YEAR_IN_SPAN: Final = stdre.compile(r"\d{4}")
