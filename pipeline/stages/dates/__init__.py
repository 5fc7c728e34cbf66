"""Date mentions: find date expressions in body lines and resolve them to calendar dates.

Candidate spans come from our own patterns (fast, bounded: never the whole page), and are
resolved against the article's publication date. Forms our resolver does not know are handed to
dateparser, restricted to the article's language with ``RELATIVE_BASE`` set, one short span at a
time (``search_dates`` on whole pages is slow and can hang). News convention: an ambiguous day
("Friday", "Oct. 2") is the latest such day on or before the reference date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import importlib
import json
import re as stdre
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Final

import dateparser
import regex as re
from dateparser.date import DateDataParser

from pipeline.stages.text import word_positions
from schemas import ArticleText, DateMention, Granularity


def _load_words() -> dict:
    text = resources.files("pipeline").joinpath("data", "dates_words.json").read_text("utf-8")
    return json.loads(text)


WORDS: Final = _load_words()
MONTHS: dict[str, int] = WORDS["months"]
WEEKDAYS: dict[str, int] = WORDS["weekdays"]
ORDINALS: dict[str, int] = WORDS["ordinals"]
COUNTS: dict[str, int] = WORDS["counts"]
FIXED_HOLIDAYS: dict[str, list[int]] = WORDS["fixed_holidays"]
WEEKDAY_HOLIDAYS: dict[str, list[int]] = WORDS["weekday_holidays"]
EASTER_HOLIDAYS: dict[str, int] = WORDS["easter_holidays"]

# Two-digit years below this pivot are 20xx, others 19xx ("3-7-27" -> 2027, "05/05/89" -> 1989).
TWO_DIGIT_YEAR_PIVOT: Final = 30
# How many years back we look for a weekday + day-of-month combination ("Sunday 31").
WEEKDAY_SEARCH_YEARS: Final = 30
# Longest span handed to dateparser: it only ever sees short candidates.
DATEPARSER_MAX_CHARS: Final = 60
DATEPARSER_SETTINGS: Final = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
# Prepositions that make a bare four-digit number a year ("in 2014", "since 2011").
# Words before "New Year" that name another calendar's feast, which we do not compute.
NOT_HOLIDAY_PREFIXES: Final = "(?:islamic|hijri|arabic|chinese|lunar|jewish|persian)"
YEAR_PREPOSITIONS: Final = (
    "in|since|by|until|till|from|of|during|before|after|early|late|mid|end of|"
    "start of|beginning of|summer|winter|spring|autumn|fall|between|and|to|through"
)


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of the words, longest first, with escaped dots and flexible spaces.

    ASCII word lists are written as a prefix tree ("mon(?:day)?" for "monday|mon"): the engine
    tries the same words in the same order, but one test per distinct letter at each step
    instead of one per word, which is most of the cost of a case-insensitive alternation.
    """
    ordered = sorted(words, key=len, reverse=True)
    if all(w.isascii() for w in ordered):
        return _prefix_tree_pattern(ordered)
    return "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in ordered)


_WORD_GAP: Final = r"[\s-]+"


def _prefix_tree_pattern(ordered: list[str]) -> str:
    """The longest-first alternation of ASCII words as a prefix tree with the same preference.

    Words sharing a prefix become one branch whose longer continuations are tried first (greedy
    ``?``), as the longest-first alternation tries them; distinct letters never match the same
    character, so the order of sibling branches does not matter.
    """
    root: dict[str, dict] = {}
    for word in ordered:
        node = root
        for index, part in enumerate(word.split(" ")):
            for token in ([_WORD_GAP] if index else []) + [re.escape(ch) for ch in part]:
                node = node.setdefault(token, {})
        node[""] = {}  # the word may end here
    return _tree_pattern(root)


def _tree_pattern(node: dict[str, dict]) -> str:
    branches = [token + _tree_pattern(child) for token, child in node.items() if token]
    if not branches:
        return ""
    if "" in node:
        return f"(?:{'|'.join(branches)})?"
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


_MONTH: Final = rf"(?P<month>{_alternation(MONTHS)})\.?"
_MONTH2: Final = rf"(?P<month2>{_alternation(MONTHS)})\.?"
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
def _compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """The stdlib engine where it takes the pattern (faster); ``regex`` for variable lookbehind."""
    try:
        return stdre.compile(pattern, flags)  # type: ignore[return-value]
    except stdre.error:
        return re.compile(pattern, flags)


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
        _compile(
            rf"\b(?:on\s+)?{_WEEKDAY}\s+(?:of\s+)?(?P<wmod>next|last|this|previous)\s+week\b|"
            rf"\b(?P<wmod2>next|last|this|previous)\s+week(?:\s*,?\s*(?:maybe|preferably|say)?,?"
            rf"\s*(?:say\s+)?(?:on\s+)?)\s*(?P<weekday2>{_alternation(WEEKDAYS)})\b",
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


# Words of holiday names too common to anchor the holiday pattern on.
COMMON_HOLIDAY_WORDS: Final = frozenset(
    [
        "of",
        "s",
        "day",
        "days",
        "year",
        "years",
        "the",
        "new",
        "may",
        "good",
        "st",
        "saint",
        "international",
        "int",
        "l",
        "eve",
        "sunday",
        "monday",
        "friday",
        "king",
        "martin",
        "fourth",
        "july",
        "workers",
    ]
)
# Date words that count only when capitalised, being ordinary words in lower case.
CAPITALISED_ONLY: Final = frozenset(["may", "march", "mar", "sun", "sat", "wed", "mon"])
# Cheap tests (stdlib ``re``, one pass each) that say which patterns can match at all, so
# most lines never reach the costly patterns above.
_FEATURE_WORDS: dict[str, frozenset[str]] = {
    "month": frozenset(MONTHS),
    "weekday": frozenset(WEEKDAYS),
    "ordinal": frozenset(words.split()[0] for words in ORDINALS),
    "holiday": frozenset(
        w
        for name in (*FIXED_HOLIDAYS, *WEEKDAY_HOLIDAYS, *EASTER_HOLIDAYS)
        for w in stdre.findall(r"[a-z]+", name)
    )
    - COMMON_HOLIDAY_WORDS,
    "unit": frozenset(
        ["day", "days", "week", "weeks", "month", "months", "year", "years", "business"]
    ),
    "named": frozenset(["today", "yesterday", "tomorrow", "tmrw", "tonight"]),
}
# Holiday names whose words are all common ("New Year", "May Day") are found by this instead.
_HOLIDAY_PAIRS: Final = stdre.compile(
    r"\b(?:new\s+years?|may\s+day|good\s+friday|int'?l\s+workers|international\s+workers)\b",
    stdre.I,
)
_WORD_FEATURES: dict[str, tuple[str, ...]] = {}
for _name, _vocabulary in _FEATURE_WORDS.items():
    for _word in _vocabulary:
        _WORD_FEATURES[_word] = (*_WORD_FEATURES.get(_word, ()), _name)
_HOLIDAY_PAIR_WORDS: Final = frozenset(["new", "may", "good", "international", "workers"])
# Each pair above needs both its words among the line's words ("int'l workers": "workers").
_HOLIDAY_PAIR_TOKENS: Final = (
    ("new", frozenset(["year", "years"])),
    ("may", frozenset(["day"])),
    ("good", frozenset(["friday"])),
    ("workers", frozenset(["workers"])),
)
_ALL_FEATURE_WORDS: Final = frozenset(_WORD_FEATURES) | _HOLIDAY_PAIR_WORDS | {"the"}
# "for the 27", "on the 20th of next month": the only context the day_of_month pattern reads.
# Written to begin with a literal ("the", then the words before it), so the engine jumps from
# one "the" to the next; the same as r"\b(?:for|on)\sthe\s".
_ON_THE: Final = stdre.compile(r"the(?:(?<=\bfor\sthe)|(?<=\bon\sthe))\s")
# "x" then "x*" rather than "x+": a pattern that begins with a character class lets the engine
# skip to the next candidate character instead of trying a match at every position.
# Bytes a-z kept, every other byte a space ("?" stands for a non-ASCII character).
_LETTERS_ONLY: Final = bytes(code if 0x61 <= code <= 0x7A else 0x20 for code in range(256))
_FEATURE_WORD_BYTES: Final = {word.encode("ascii"): word for word in _ALL_FEATURE_WORDS}
_FEATURE_BYTES: Final = frozenset(_FEATURE_WORD_BYTES)
_NUMBER: Final = stdre.compile(r"\d\d*")
# A pattern only runs in windows this many characters either side of its anchor words.
ANCHOR_WINDOW: Final = 60


def _features(text: str, lowered: str, plain_case: bool = False) -> dict[str, list[int]]:
    """Where each kind of date word occurs, found without running the costly patterns.

    Most lines hold no date word at all: one ``findall`` and a set intersection say so.
    ``lowered`` is ``text.lower()``; ``plain_case``: the text holds none of _CASE_ODDITIES.
    """
    positions: dict[str, list[int]] = {}
    hits = _feature_words_in(lowered)
    feature_hits = hits & _WORD_FEATURES.keys()
    if feature_hits:
        for word in feature_hits:
            for at in word_positions(lowered, [word]):
                # "may", "sun", "wed" in lower case are a verb, a star, a marriage.
                if word in CAPITALISED_ONLY and not text[at].isupper():
                    continue
                for feature in _WORD_FEATURES[word]:
                    positions.setdefault(feature, []).append(at)
    for token in _NUMBER.finditer(text):
        word, at = token.group(), token.start()
        positions.setdefault("digit", []).append(at)
        if len(word) == 4 and word[0] in "12":
            positions.setdefault("year4", []).append(at)
        elif len(word) == 8:
            positions.setdefault("digit8", []).append(at)
        after = text[token.end() : token.end() + 2]
        if len(after) == 2 and after[0] in "/.-" and after[1].isdigit():
            positions.setdefault("digitsep", []).append(at)
    if "the" in hits and _ON_THE.search(lowered):
        positions["on_the"] = []
    if _may_hold_holiday_pair(hits, lowered, plain_case):
        for pair in _HOLIDAY_PAIRS.finditer(text):
            positions.setdefault("holiday", []).append(pair.start())
    return positions


def _feature_words_in(lowered: str) -> set[str]:
    """The feature words among the runs of letters a-z of the lower-cased text.

    The same words as ``_ALL_FEATURE_WORDS.intersection(re.findall("[a-z]+", lowered))``, found by
    byte translation and ``split`` (every other character becomes a space), several times
    faster than building a string per word with a pattern.
    """
    ascii_text = lowered.encode("ascii", "replace").translate(_LETTERS_ONLY)
    return {_FEATURE_WORD_BYTES[word] for word in _FEATURE_BYTES.intersection(ascii_text.split())}


def _may_hold_holiday_pair(hits: set[str], lowered: str, plain_case: bool) -> bool:
    """Whether _HOLIDAY_PAIRS can match: both words of a pair are among the line's words."""
    if plain_case:
        return any(
            first in hits and not hits.isdisjoint(second) for first, second in _HOLIDAY_PAIR_TOKENS
        )
    return bool(hits & _HOLIDAY_PAIR_WORDS) or "int" in lowered


def _windows(anchors: list[int], length: int) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for at in sorted(anchors):
        start, end = max(0, at - ANCHOR_WINDOW), min(length, at + ANCHOR_WINDOW)
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


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


# Where a match of a pattern can begin: the words it may begin with (lower case; each also
# stands for any longer word it begins) and whether it may begin at a run of digits. A listed
# pattern is tried only there, not at every position of its windows. The third field says the
# words are whole words in every match ("in 3 weeks"), which rules out "inside", "again".
# Unlisted patterns (their start is set by a lookbehind) are scanned at every position.
_WEEKDAY_WORDS: Final = tuple(WEEKDAYS)
_MONTH_WORDS: Final = tuple(MONTHS)
PATTERN_STARTS: dict[str, tuple[tuple[str, ...], bool, bool]] = {
    "iso": ((), True, False),
    "compact": ((), True, False),
    "numeric": ((), True, False),
    "year_month_day": ((), True, False),
    "year_day_month": ((), True, False),
    "month_day": (("next", "last", *_WEEKDAY_WORDS, *_MONTH_WORDS), False, False),
    "day_month": (
        ("next", "last", "the", *_WEEKDAY_WORDS, *(w.split()[0] for w in ORDINALS)),
        True,
        False,
    ),
    "month_year": (("early", "mid", "late", "end", "beginning", *_MONTH_WORDS), False, False),
    "weekday_numeric": (("next", *_WEEKDAY_WORDS), False, False),
    "weekday_day": (_WEEKDAY_WORDS, False, False),
    "weekday_week": (("on", "next", "last", "this", "previous", *_WEEKDAY_WORDS), False, False),
    "nth_weekday": (("the", "first", "second", "third", "fourth", "last"), False, True),
    "weekday": (
        ("this", "upcoming", "coming", "next", "last", "past", "previous", *_WEEKDAY_WORDS),
        False,
        False,
    ),
    "relative": (("in", *(w.split()[0] for w in COUNTS)), True, True),
    "named_day": (("the", "today", "yesterday", "tomorrow", "tmrw", "tonight"), False, True),
    "period": (("earlier", "later", "this", "next", "last", "past", "previous"), False, True),
    "month_alone": (_MONTH_WORDS, False, False),
}


def _start_patterns(
    words: tuple[str, ...], whole: bool
) -> tuple[stdre.Pattern[str], stdre.Pattern[str]] | None:
    """Two finders of the words in lower-cased text: at the line's start, and after a non-word
    character (the engine skips from one such character to the next, most of the line)."""
    if not words:
        return None
    word = f"(?:{_alternation(words)}){'(?![a-z])' if whole else ''}"
    return stdre.compile(word), stdre.compile(f"\\W{word}")


_START_PATTERNS: dict[str, tuple[tuple[stdre.Pattern[str], stdre.Pattern[str]] | None, bool]] = {
    kind: (_start_patterns(words, whole), digits)
    for kind, (words, digits, whole) in PATTERN_STARTS.items()
}
# Characters that lower-case to two characters or match an ASCII letter only case-insensitively
# ("\u017f" is a long s): on a line holding one, lower-cased offsets or letters could mislead
# the start finder, so its patterns are scanned at every position instead.
_CASE_ODDITIES: Final = stdre.compile("[\u0130\u0131\u017f\u212a]")


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


# ---------------------------------------------------------------- calendar helpers


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def _easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    if nth < 0:
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def _holiday_in(name: str, year: int) -> dt.date:
    if name in FIXED_HOLIDAYS:
        month, day = FIXED_HOLIDAYS[name]
        return dt.date(year, month, day)
    if name in WEEKDAY_HOLIDAYS:
        month, weekday, nth = WEEKDAY_HOLIDAYS[name]
        return _nth_weekday(year, month, weekday, nth)
    return _easter(year) + dt.timedelta(days=EASTER_HOLIDAYS[name])


def _week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _latest_on_or_before(
    month: int, day: int, ref: dt.date, weekday: int | None = None
) -> dt.date | None:
    """The latest date with this month/day (and weekday) on or before ``ref``."""
    for year in range(ref.year, ref.year - WEEKDAY_SEARCH_YEARS, -1):
        found = _valid(year, month, day)
        if found and found <= ref and (weekday is None or found.weekday() == weekday):
            return found
    return None


def _two_digit_year(text: str) -> int:
    value = int(text)
    return 2000 + value if value < TWO_DIGIT_YEAR_PIVOT else 1900 + value


_SPACES_OR_HYPHENS: Final = stdre.compile(r"[\s-]+")


def _norm(text: str | None) -> str:
    return _SPACES_OR_HYPHENS.sub(" ", (text or "").lower()).strip(". ")


def _day_of_month(groups: dict[str, str | None]) -> int:
    """The day in digits ("21st") or words ("the twenty-first"); 0 when neither is there."""
    digits = groups.get("day")
    return int(digits) if digits else ORDINALS.get(_norm(groups.get("dayword")), 0)


def _count(text: str) -> int:
    text = _norm(text)
    return int(text) if text.isdigit() else COUNTS.get(text, 1)


# ---------------------------------------------------------------- resolution


def _resolve_day(
    groups: dict[str, str | None], month: int, ref: dt.date | None, day_hint: int | None = None
) -> tuple[dt.date | None, Granularity]:
    """A month/day with optional year, weekday and next/last modifier."""
    day = day_hint
    if day is None:
        day = _day_of_month(groups)
    weekday = WEEKDAYS.get(_norm(groups.get("weekday"))) if groups.get("weekday") else None
    if groups.get("year"):
        return _valid(int(groups["year"] or 0), month, day), "day"
    if groups.get("year2"):
        return _valid(_two_digit_year(groups["year2"] or "0"), month, day), "day"
    if ref is None:
        return None, "day"
    mod = _norm(groups.get("mod"))
    if mod == "next" and weekday is None:
        return _valid(ref.year + 1, month, day), "day"
    if mod == "last" and weekday is None:
        return _valid(ref.year - 1, month, day), "day"
    if weekday is not None and mod != "next":
        # The explicit weekday may pin the date to a later day of the reference week.
        this_year = _valid(ref.year, month, day)
        if this_year and this_year.weekday() == weekday and 0 <= (this_year - ref).days < 7:
            return this_year, "day"
    if mod == "next":
        return _valid(ref.year, month, day), "day"
    return _latest_on_or_before(month, day, ref, weekday), "day"


def _resolve_weekday(weekday: int, mod: str, ref: dt.date) -> dt.date:
    back = (ref.weekday() - weekday) % 7
    if mod in ("", "past"):
        return ref - dt.timedelta(days=back)
    if mod in ("last", "previous"):
        return _week_start(ref) - dt.timedelta(days=7 - weekday)
    if mod == "this":
        return _week_start(ref) + dt.timedelta(days=weekday)
    if mod == "next":
        return _week_start(ref) + dt.timedelta(days=7 + weekday)
    # coming / upcoming: the next such day strictly after the reference
    return ref + dt.timedelta(days=(weekday - ref.weekday() - 1) % 7 + 1)


def _offset(day: dt.date, unit: str, count: int) -> dt.date:
    unit = _norm(unit).rstrip("s")
    if unit == "day":
        return day + dt.timedelta(days=count)
    if unit == "week":
        return day + dt.timedelta(weeks=count)
    if unit == "month":
        return _add_months(day, count)
    if unit == "business day":
        step = 1 if count >= 0 else -1
        for _ in range(abs(count)):
            day += dt.timedelta(days=step)
            while day.weekday() >= 5:
                day += dt.timedelta(days=step)
        return day
    return _add_months(day, 12 * count)


_PART: Final = re.compile(rf"{_COUNT}\s+{_UNIT}", re.I)
_NAMED_OFFSETS: Final = {
    "today": 0,
    "tonight": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "tmrw": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
    "the day after tmrw": 2,
}
_DIRECTION_BASE: Final = {"from tomorrow": 1, "from tmrw": 1, "from yesterday": -1}


def _resolve_relative(
    groups: dict[str, str | None], text: str, ref: dt.date
) -> tuple[dt.date | None, Granularity]:
    direction = _norm(groups.get("dir"))
    lowered = text.lower().lstrip()
    if not direction and not lowered.startswith("in "):
        return None, "day"
    sign = -1 if direction in ("ago", "earlier", "before yesterday") else 1
    day = ref + dt.timedelta(days=_DIRECTION_BASE.get(direction, 0))
    if direction == "before yesterday":
        day = ref - dt.timedelta(days=1)
    for part in _PART.finditer(groups.get("parts") or ""):
        day = _offset(day, part.group("unit"), sign * _count(part.group("count")))
    return day, "day"


def _resolve_period(groups: dict[str, str | None], ref: dt.date) -> tuple[dt.date, Granularity]:
    mod, period = _norm(groups.get("pmod")), _norm(groups.get("period"))
    step = {"next": 1, "last": -1, "past": -1, "previous": -1}.get(mod, 0)
    if period == "week":
        return _week_start(ref) + dt.timedelta(weeks=step), "week"
    if period == "month":
        return _add_months(ref.replace(day=1), step), "month"
    return dt.date(ref.year + step, 1, 1), "year"


def _resolve_holiday(
    groups: dict[str, str | None], text: str, ref: dt.date | None
) -> tuple[dt.date | None, Granularity]:
    name = _norm(groups.get("holiday")).replace(" s ", "'s ")
    name = next(
        (
            h
            for h in (*FIXED_HOLIDAYS, *WEEKDAY_HOLIDAYS, *EASTER_HOLIDAYS)
            if _norm(h) == _norm(groups.get("holiday"))
        ),
        name,
    )
    if groups.get("year"):
        return _holiday_in(name, int(groups["year"] or 0)), "day"
    if ref is None:
        return None, "day"
    if "this year" in text.lower():
        return _holiday_in(name, ref.year), "day"
    mod = _norm(groups.get("mod"))
    this_year = _holiday_in(name, ref.year)
    if mod in ("next", "following"):
        return this_year if this_year > ref else _holiday_in(name, ref.year + 1), "day"
    if mod == "last":
        return this_year if this_year < ref else _holiday_in(name, ref.year - 1), "day"
    return this_year if this_year <= ref else _holiday_in(name, ref.year - 1), "day"


def _resolve(
    cand: _Candidate, text: str, ref: dt.date | None
) -> tuple[dt.date | None, Granularity]:
    """The date a candidate denotes, resolved against ``ref`` (None: absolute dates only)."""
    g = cand.groups
    kind = cand.kind
    month = MONTHS.get(_norm(g.get("month"))) if g.get("month") else None
    if kind in ("iso", "compact"):
        return _valid(int(g["year"] or 0), int(g["mnum"] or 0), int(g["day"] or 0)), "day"
    if kind == "numeric":
        first, second, year_text = int(g["a"] or 0), int(g["b"] or 0), g["y"] or ""
        year = int(year_text) if len(year_text) == 4 else _two_digit_year(year_text)
        month_first = _valid(year, first, second)
        return (month_first or _valid(year, second, first)), "day"
    if kind in ("year_month_day", "year_day_month", "month_day", "day_month") and month:
        return _resolve_day(g, month, ref)
    if kind in ("weekday_numeric", "slash_date"):
        month_num, day_num = int(g["mnum"] or 0), int(g["day"] or 0)
        if month_num > 12:
            month_num, day_num = day_num, month_num
        if g.get("y2"):
            return _valid(_two_digit_year(g["y2"] or "0"), month_num, day_num), "day"
        if ref is None:
            return None, "day"
        if _norm(g.get("mod")) == "next" and not g.get("weekday"):
            return _valid(ref.year + 1, month_num, day_num), "day"
        # The numbers decide; a weekday given with them is not checked ("friday 5/12").
        return _resolve_day({**g, "mod": None, "weekday": None}, month_num, ref, day_num)
    if kind == "month_year" and month:
        return dt.date(int(g["year"] or 0), month, 1), "month"
    if kind == "year":
        return dt.date(int(g["year"] or 0), 1, 1), "year"
    if kind == "holiday":
        return _resolve_holiday(g, text, ref)
    if ref is None:
        return None, ("month" if kind == "month_alone" else "week" if kind == "period" else "day")
    if kind == "weekday_day":
        return _resolve_weekday_day(g, ref)
    if kind == "weekday_week":
        weekday = WEEKDAYS[_norm(g.get("weekday") or g.get("weekday2"))]
        mod = _norm(g.get("wmod") or g.get("wmod2"))
        return _resolve_weekday(weekday, "last" if mod == "previous" else mod, ref), "day"
    if kind == "nth_weekday":
        return _resolve_nth_weekday(g, ref), "day"
    if kind == "day_of_month":
        return _resolve_day_of_month(g, ref), "day"
    if kind == "weekday":
        return _resolve_weekday(WEEKDAYS[_norm(g["weekday"])], _norm(g.get("mod")), ref), "day"
    if kind == "relative":
        return _resolve_relative(g, text, ref)
    if kind == "named_day":
        return ref + dt.timedelta(days=_NAMED_OFFSETS[_norm(g["named"])]), "day"
    if kind == "period":
        return _resolve_period(g, ref)
    if kind == "month_alone" and month:
        year = ref.year if month <= ref.month else ref.year - 1
        return dt.date(year, month, 1), "month"
    return _dateparser_fallback(text, ref, "en"), "day"


def _safe_resolve(
    cand: _Candidate, text: str, ref: dt.date | None
) -> tuple[dt.date | None, Granularity]:
    """Resolution that gives up (value None) on dates outside the calendar ("10000 years ago")."""
    try:
        return _resolve(cand, text, ref)
    except (ValueError, OverflowError):
        return None, "day"


def _resolve_weekday_day(
    groups: dict[str, str | None], ref: dt.date
) -> tuple[dt.date | None, Granularity]:
    """ "Thursday the 21st", "Sun 14th": the latest month whose day carries that weekday."""
    weekday = WEEKDAYS[_norm(groups["weekday"])]
    day = _day_of_month(groups)
    this_month = _valid(ref.year, ref.month, day)
    if this_month and this_month.weekday() == weekday and 0 <= (this_month - ref).days < 7:
        return this_month, "day"
    cursor = ref.replace(day=1)
    for _ in range(12 * WEEKDAY_SEARCH_YEARS):
        found = _valid(cursor.year, cursor.month, day)
        if found and found <= ref and found.weekday() == weekday:
            return found, "day"
        cursor = _add_months(cursor, -1)
    return None, "day"


_MONTH_STEPS: Final = {"this": 0, "next": 1, "previous": -1, "last": -1}


def _resolve_nth_weekday(groups: dict[str, str | None], ref: dt.date) -> dt.date:
    """ "the third Wednesday of previous month": counted in the (shifted) reference month."""
    month = _add_months(ref.replace(day=1), _MONTH_STEPS.get(_norm(groups.get("mmod")), 0))
    nth = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}[_norm(groups["nth"])]
    return _nth_weekday(month.year, month.month, WEEKDAYS[_norm(groups["weekday"])], nth)


def _resolve_day_of_month(groups: dict[str, str | None], ref: dt.date) -> dt.date | None:
    """ "the 27", "the 20th of next month": a day of the reference month, or the latest past one."""
    day = _day_of_month(groups)
    if groups.get("mmod"):
        month = _add_months(ref.replace(day=1), _MONTH_STEPS[_norm(groups["mmod"])])
        return _valid(month.year, month.month, day)
    cursor = ref.replace(day=1)
    for _ in range(24):
        found = _valid(cursor.year, cursor.month, day)
        if found and found <= ref:
            return found
        cursor = _add_months(cursor, -1)
    return None


@lru_cache(maxsize=4096)
def _dateparser_fallback(text: str, ref: dt.date | None, language: str) -> dt.date | None:
    """dateparser on one short span, for forms our own patterns do not resolve."""
    if ref is None or len(text) > DATEPARSER_MAX_CHARS:
        return None
    settings = {**DATEPARSER_SETTINGS, "RELATIVE_BASE": dt.datetime.combine(ref, dt.time())}
    parsed = dateparser.parse(text, languages=[language], settings=settings)
    return parsed.date() if parsed else None


# ---------------------------------------------------------------- finding


_RELATION_BEFORE: Final = stdre.compile(r"(?:from|after|before)\s+$", stdre.I)
_COMPOSED_OFFSET: Final = re.compile(
    rf"\b{_COUNT}\s+{_UNIT}\s+(?P<rel>from|after|before)\s+$", re.I
)


_PATTERN_ORDER: Final = {kind: i for i, (kind, _) in enumerate(PATTERNS)}


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
    starts: tuple[tuple[stdre.Pattern[str], stdre.Pattern[str]] | None, bool],
    digits: list[int],
    window_start: int,
    window_end: int,
) -> list[re.Match[str]]:
    """What ``pattern.finditer(text, window_start, window_end)`` finds, trying the pattern only
    where a match can begin (see PATTERN_STARTS): the leftmost match, then the next one at or
    after its end. ``digits`` are the starts of the line's runs of digits, in order."""
    words, at_digits = starts
    points = []
    if words:
        at_line_start, after_non_word = words
        if window_start == 0 and at_line_start.match(lowered, 0, window_end):
            points.append(0)
        scan_from = max(0, window_start - 1)
        points += [m.start() + 1 for m in after_non_word.finditer(lowered, scan_from, window_end)]
    if at_digits:
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
    spans: list[tuple[int, int, str]] = []
    for kind, pattern in patterns:
        spans.extend((m.start(), m.end(), kind) for m in pattern.finditer(text))
    # Longest spans win overlaps, as for English.
    spans.sort(key=lambda span: (span[0] - span[1], span[0]))
    chosen = [spans[i] for i in _non_overlapping([(a, b) for a, b, _ in spans])]
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


def _phrase_pattern(phrase: str) -> str:
    return stdre.escape(phrase).replace(r"\ ", r"\s+")


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
            relative_patterns += [f.replace(" ", r"\s+") for f in forms]
    connector = rf"(?:\s+(?:{'|'.join(_OTHER['connectors'])})\s+|\s*[,.]?\s*)"
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


# ---------------------------------------------------------------- article level


def _article_anchor(article: ArticleText, found: list[tuple[int, FoundDate]]) -> dt.date | None:
    """Without a publication date, the latest absolute date the article itself states."""
    absolute = [f.value for _, f in found if f.value is not None]
    return max(absolute) if absolute else None


def extract_dates(article: ArticleText) -> list[DateMention]:
    """Every date expression in the article's body lines, as ``DateMention`` records."""
    ref = article.published_on
    per_line = [
        (line_no, found)
        for line_no, line in article.body_lines()
        for found in find_dates(line, ref, article.language)
    ]
    if ref is None:
        per_line = _resolve_without_publication_date(article, per_line)
    return [
        DateMention(
            article_id=article.article_id,
            line_no=line_no,
            start=f.start,
            end=f.end,
            text=f.text,
            value=f.value,
            granularity=f.granularity,
        )
        for line_no, f in per_line
        if f.end > f.start
    ]


def _resolve_without_publication_date(
    article: ArticleText, found: list[tuple[int, FoundDate]]
) -> list[tuple[int, FoundDate]]:
    """Resolve what the article itself fixes when it has no publication date.

    A year-less day ("Jan. 5") takes the first year on or after the latest year the article
    states that agrees with any weekday given with it; a bare weekday ("on Thursday") takes the
    date the article pairs with that weekday elsewhere ("Thursday, Jan. 4"). Everything else
    relative stays unresolved.
    """
    lines = dict(article.body_lines())
    # A bare year ("in 2014") is too coarse to place "Jan. 3" after it: months or days only.
    latest_stated = max(
        (
            f.value
            for _, f in found
            if f.value is not None and f.kind in _YEAR_KINDS and f.granularity != "year"
        ),
        default=None,
    )
    resolved: list[tuple[int, FoundDate]] = []
    for line_no, f in found:
        if f.value is None and latest_stated and f.kind in ("month_day", "day_month"):
            f = _with_inferred_year(f, lines[line_no], latest_stated)
        resolved.append((line_no, f))
    by_weekday = {
        weekday: f.value
        for _, f in resolved
        if f.value is not None
        and f.kind in ("month_day", "day_month")
        and (weekday := _leading_weekday(f.text)) is not None
    }
    return [
        (line_no, _with_value(f, by_weekday.get(WEEKDAYS[_norm(f.text.split()[-1])])))
        if f.value is None and f.kind == "weekday" and _norm(f.text.split()[-1]) in WEEKDAYS
        else (line_no, f)
        for line_no, f in resolved
    ]


_YEAR_KINDS: Final = ("iso", "compact", "numeric", "month_day", "day_month", "month_year", "year")


def _leading_weekday(text: str) -> int | None:
    first = _norm(stdre.split(r"[\s,]+", text.strip())[0])
    return WEEKDAYS.get(first)


def _with_value(f: FoundDate, value: dt.date | None) -> FoundDate:
    return FoundDate(f.start, f.end, f.text, value, f.granularity, f.kind)


def _with_inferred_year(f: FoundDate, line: str, latest_stated: dt.date) -> FoundDate:
    cand = next((c for c in _candidates(line) if c.start <= f.start < c.end), None)
    if cand is None or not cand.groups.get("month"):
        return f
    month = MONTHS[_norm(cand.groups["month"])]
    day = _day_of_month(cand.groups)
    weekday = (
        WEEKDAYS.get(_norm(cand.groups.get("weekday"))) if cand.groups.get("weekday") else None
    )
    floor = latest_stated.replace(day=1)
    for year in range(latest_stated.year, latest_stated.year + WEEKDAY_SEARCH_YEARS):
        value = _valid(year, month, day)
        if value and value >= floor and (weekday is None or value.weekday() == weekday):
            return _with_value(f, value)
    return f
