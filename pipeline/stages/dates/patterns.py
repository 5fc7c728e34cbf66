"""The English date patterns, in order of preference, with what each needs to be tried at all
(``PATTERN_NEEDS``) and where its matches can begin (``PATTERN_STARTS``).
"""

from __future__ import annotations

import re as stdre
from typing import Final, NamedTuple

import regex as re

from pipeline.stages.dates.lexicon import (
    COUNTS,
    EASTER_HOLIDAYS,
    FIXED_HOLIDAYS,
    MONTHS,
    ORDINALS,
    WEEKDAY_HOLIDAYS,
    WEEKDAYS,
    _alternation,
    _compile,
)

# Words before "New Year" that name another calendar's feast, which we do not compute.
NOT_HOLIDAY_PREFIXES: Final = "(?:islamic|hijri|arabic|chinese|lunar|jewish|persian)"
# Prepositions that make a bare four-digit number a year ("in 2014", "since 2011").
YEAR_PREPOSITIONS: Final = (
    "in|since|by|until|till|from|of|during|before|after|early|late|mid|end of|"
    "start of|beginning of|summer|winter|spring|autumn|fall|between|and|to|through"
)

_MONTH: Final = rf"(?P<month>{_alternation(MONTHS)})\.?"
_WEEKDAY: Final = rf"(?P<weekday>{_alternation(WEEKDAYS)})\.?"
_DAYNUM: Final = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:%])"
_DAYWORD: Final = rf"(?P<dayword>{_alternation(ORDINALS)})"
_DAY: Final = rf"(?:{_DAYNUM}|{_DAYWORD})"
_YEAR: Final = r"(?P<year>1\d{3}|20\d{2})(?![\d%])"
_YEAR_TAIL: Final = (
    rf"(?:\s*,\s*|\s+|-|/)(?:of\s+|in\s+)?(?:{_YEAR}|'?(?P<year2>\d{{2}})(?![\d%,.]\d))"
)
_WEEKDAY_LEAD: Final = rf"(?:{_WEEKDAY}(?:\s*,\s*|\s+|-)(?:the\s+)?)?"
_MODIFIER: Final = (
    r"(?P<mod>this\s+upcoming|this\s+coming|upcoming|coming|this|next|last|past|previous)"
)
_UNIT: Final = r"(?P<unit>day|week|month|year|business\s+day)s?"
_COUNT: Final = rf"(?P<count>\d+|{_alternation(COUNTS)})"

# Order matters: the first pattern that matches at a position wins, longest forms first.
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "iso",
        _compile(
            r"(?<![\d.])(?<!\d-)(?P<year>1\d{3}|20\d{2})[-/. ](?P<mnum>[01]?\d)[-/. ]"
            r"(?P<day>[0-3]?\d)(?!-?\d)"
        ),
    ),
    (
        "compact",
        _compile(r"(?<!\d)(?P<year>19\d{2}|20\d{2})(?P<mnum>[01]\d)(?P<day>[0-3]\d)(?!\d)"),
    ),
    (
        "numeric",
        _compile(
            r"(?<![\d./-])(?<!\d-)(?P<a>[0-3]?\d)(?P<sep>[/-])(?P<b>[0-3]?\d)(?P=sep)"
            r"(?P<y>\d{4}|\d{2})(?![\d/]|-\d)"
        ),
    ),
    (
        "year_month_day",
        _compile(
            rf"(?<!\d)(?P<year>1\d{{3}}|20\d{{2}})[/-]{_MONTH}[/-](?P<day>[0-3]?\d)(?!\d)", re.I
        ),
    ),
    (
        "year_day_month",
        _compile(rf"(?<!\d)(?P<year>1\d{{3}}|20\d{{2}})[/-](?P<day>[0-3]?\d)[/-]{_MONTH}\b", re.I),
    ),
    (
        "month_day",
        _compile(
            rf"\b(?:(?P<mod>next|last)\s+)?{_WEEKDAY_LEAD}{_MONTH}(?:\s*[-/.,]?\s*|-)(?:the\s+)?"
            rf"{_DAY}(?:{_YEAR_TAIL})?(?![\w])",
            re.I,
        ),
    ),
    (
        "day_month",
        _compile(
            rf"\b(?:(?P<mod>next|last)\s+)?{_WEEKDAY_LEAD}(?:the\s+)?{_DAY}\.?(?:\s+of\s+|\s*-\s*|\s*)"
            rf"{_MONTH}(?:{_YEAR_TAIL})?(?![\w])",
            re.I,
        ),
    ),
    (
        "month_year",
        _compile(
            rf"\b(?:(?P<part>early|mid|late|end\s+of|beginning\s+of)[-\s]+)?{_MONTH}"
            rf"(?:\s*,\s*|\s+)(?:of\s+)?{_YEAR}",
            re.I,
        ),
    ),
    (
        "weekday_numeric",
        _compile(
            rf"\b(?:(?P<mod>next)\s+)?{_WEEKDAY}\s+(?P<mnum>[01]?\d)[/.](?P<day>[0-3]?\d)(?![\d/])",
            re.I,
        ),
    ),
    (
        "weekday_day",
        _compile(rf"\b{_WEEKDAY}(?:\s*,\s*|\s+)(?:the\s+)?{_DAY}(?![\w/.]\d)(?!\s+of\b)", re.I),
    ),
    (
        "slash_date",
        _compile(
            r"(?:(?<=\bon\s)|(?<=\bin\s)|(?<=\bmeet\s)|(?<=\bnext\s)|(?<=\d\d,\s)|(?<=\?\s)|(?<=\bdone\s)"
            r"|(?<=\bback\s))\s*(?P<mod>next\s+)?(?P<mnum>[01]?\d)[/.-](?P<day>[0-3]?\d)"
            r"(?:,(?P<y2>\d{2}))?(?![\d/.]|\s*(?:%|percent|per\b))",
            re.I,
        ),
    ),
    (
        "holiday",
        _compile(
            rf"(?<!{NOT_HOLIDAY_PREFIXES}\s)\b(?:(?P<mod>last|next|following|this)\s+)?(?P<holiday>"
            rf"{_alternation([*FIXED_HOLIDAYS, *WEEKDAY_HOLIDAYS, *EASTER_HOLIDAYS])})"
            rf"(?:\s+(?:of\s+)?(?:this\s+year|{_YEAR}))?\b",
            re.I,
        ),
    ),
    (
        "weekday_week",
        # The spaces between "next week" and its weekday are possessive ("*+"): no word here
        # starts with a space, and when no weekday followed, each way of splitting a run of
        # spaces among the four space runs was tried (its length to the fourth power).
        _compile(
            rf"\b(?:on\s+)?{_WEEKDAY}\s+(?:of\s+)?(?P<wmod>next|last|this|previous)\s+week\b|"
            rf"\b(?P<wmod2>next|last|this|previous)\s+week(?:\s*+,?\s*+(?:maybe|preferably|say)?,?"
            rf"\s*+(?:say\s++)?(?:on\s++)?)\s*+(?P<weekday2>{_alternation(WEEKDAYS)})\b",
            re.I,
        ),
    ),
    (
        "nth_weekday",
        _compile(
            rf"\b(?:the\s+)?(?P<nth>first|second|third|fourth|last)\s+{_WEEKDAY}"
            rf"(?:\s+(?:of|in)\s+(?P<mmod>this|next|previous|last)\s+month)?\b",
            re.I,
        ),
    ),
    (
        "day_of_month",
        _compile(
            rf"(?<=\b(?:for|on)\s)the\s+{_DAY}(?:\s+(?:of\s+)?(?P<mmod>this|next|last)\s+month)?"
            rf"(?![\w.,]\d)(?!\s+(?:of\s+)?(?:{_alternation(MONTHS)})\b)",
            re.I,
        ),
    ),
    ("weekday", _compile(rf"\b(?:{_MODIFIER}\s+)?{_WEEKDAY}(?![\w-])", re.I)),
    (
        "relative",
        _compile(
            rf"\b(?:in\s+)?(?P<parts>(?:{_COUNT.replace('?P<count>', '?:')}\s+"
            rf"{_UNIT.replace('?P<unit>', '?:')}\s*,?\s*(?:and\s+)?)+)"
            r"(?P<dir>ago|earlier|later|from\s+now|from\s+today|from\s+tomorrow|from\s+tmrw|"
            r"after\s+today|from\s+yesterday|before\s+yesterday)?",
            re.I,
        ),
    ),
    (
        "named_day",
        _compile(
            r"\b(?P<named>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+(?:tomorrow|tmrw)|"
            r"today|yesterday|tomorrow|tmrw|tonight)\b",
            re.I,
        ),
    ),
    (
        "period",
        _compile(
            r"\b(?P<pmod>earlier\s+this|later\s+this|this|next|last|past|previous)\s+"
            r"(?P<period>week|month|year)\b",
            re.I,
        ),
    ),
    (
        "month_alone",
        _compile(
            rf"(?:(?<=\bin\s)|(?<=\bsince\s)|(?<=\bearly\s)|(?<=\blate\s)|(?<=\bmid-)|(?<=\buntil\s)"
            rf"|(?<=\bby\s)|(?<=\blast\s)|(?<=\bthis\s)|(?<=\bnext\s))(?P<month>{_alternation(MONTHS)})"
            r"\.?(?![\w-])"
        ),
    ),
    (
        "year",
        _compile(rf"(?:(?<=\b(?:{YEAR_PREPOSITIONS})\s)|(?<=\bmid-)){_YEAR}(?![\w-])", re.I),
    ),
]

_PATTERN_ORDER: Final = {kind: i for i, (kind, _) in enumerate(PATTERNS)}


# Per pattern: every listed group needs one of its features present in the text.
PATTERN_NEEDS: dict[str, list[set[str]]] = {
    "iso": [{"year4"}],
    "compact": [{"digit8"}],
    "numeric": [{"digitsep"}],
    "year_month_day": [{"month"}, {"year4"}],
    "year_day_month": [{"month"}, {"year4"}],
    "month_day": [{"month"}, {"digit", "ordinal"}],
    "day_month": [{"month"}, {"digit", "ordinal"}],
    "month_year": [{"month"}, {"digit"}],
    "weekday_numeric": [{"weekday"}, {"digitsep"}],
    "weekday_day": [{"weekday"}, {"digit", "ordinal"}],
    "slash_date": [{"digitsep"}],
    "holiday": [{"holiday"}],
    "weekday_week": [{"unit"}, {"weekday"}],
    "nth_weekday": [{"weekday"}, {"ordinal"}],
    "day_of_month": [{"digit", "ordinal"}, {"on_the"}],
    "weekday": [{"weekday"}],
    "relative": [{"unit"}],
    "named_day": [{"named"}],
    "period": [{"unit"}],
    "month_alone": [{"month"}],
    "year": [{"year4"}],
}


class PatternStart(NamedTuple):
    """Where a match of a pattern can begin."""

    # The words it may begin with (lower case; each also stands for any longer word it begins).
    words: tuple[str, ...]
    # Whether it may begin at a run of digits.
    at_digits: bool
    # The words are whole words in every match ("in 3 weeks"): rules out "inside", "again".
    whole_words: bool


# A listed pattern is tried only where a match can begin, not at every position of its windows.
# Unlisted patterns (their start is set by a lookbehind) are scanned at every position.
_WEEKDAY_WORDS: Final = tuple(WEEKDAYS)
_MONTH_WORDS: Final = tuple(MONTHS)
PATTERN_STARTS: dict[str, PatternStart] = {
    "iso": PatternStart((), True, False),
    "compact": PatternStart((), True, False),
    "numeric": PatternStart((), True, False),
    "year_month_day": PatternStart((), True, False),
    "year_day_month": PatternStart((), True, False),
    "month_day": PatternStart(("next", "last", *_WEEKDAY_WORDS, *_MONTH_WORDS), False, False),
    "day_month": PatternStart(
        ("next", "last", "the", *_WEEKDAY_WORDS, *(w.split()[0] for w in ORDINALS)),
        True,
        False,
    ),
    "month_year": PatternStart(
        ("early", "mid", "late", "end", "beginning", *_MONTH_WORDS), False, False
    ),
    "weekday_numeric": PatternStart(("next", *_WEEKDAY_WORDS), False, False),
    "weekday_day": PatternStart(_WEEKDAY_WORDS, False, False),
    "weekday_week": PatternStart(
        ("on", "next", "last", "this", "previous", *_WEEKDAY_WORDS), False, False
    ),
    "nth_weekday": PatternStart(("the", "first", "second", "third", "fourth", "last"), False, True),
    "weekday": PatternStart(
        ("this", "upcoming", "coming", "next", "last", "past", "previous", *_WEEKDAY_WORDS),
        False,
        False,
    ),
    "relative": PatternStart(("in", *(w.split()[0] for w in COUNTS)), True, True),
    "named_day": PatternStart(
        ("the", "today", "yesterday", "tomorrow", "tmrw", "tonight"), False, True
    ),
    "period": PatternStart(
        ("earlier", "later", "this", "next", "last", "past", "previous"), False, True
    ),
    "month_alone": PatternStart(_MONTH_WORDS, False, False),
}


class _StartFinder(NamedTuple):
    """Finders of a pattern's start words in lower-cased text: at the line's start, and after a
    non-word character (the engine skips from one such character to the next, most of the line).
    Both are None for a pattern that begins at digits only."""

    at_line_start: stdre.Pattern[str] | None
    after_non_word: stdre.Pattern[str] | None
    at_digits: bool


def _start_finder(start: PatternStart) -> _StartFinder:
    if not start.words:
        return _StartFinder(None, None, start.at_digits)
    word = f"(?:{_alternation(start.words)}){'(?![a-z])' if start.whole_words else ''}"
    return _StartFinder(stdre.compile(word), stdre.compile(f"\\W{word}"), start.at_digits)


_START_PATTERNS: dict[str, _StartFinder] = {
    kind: _start_finder(start) for kind, start in PATTERN_STARTS.items()
}
# Characters that lower-case to two characters or match an ASCII letter only case-insensitively
# ("\u017f" is a long s): on a line holding one, lower-cased offsets or letters could mislead
# the start finder, so its patterns are scanned at every position instead.
_CASE_ODDITIES: Final = stdre.compile("[\u0130\u0131\u017f\u212a]")
