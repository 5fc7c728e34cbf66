"""The publication date a page states: date shapes in short lines, parsed by month names
from dateparser's locale data or by dateparser itself."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Final

from pipeline.stages.clean.data import FLAGS, PATTERNS
from pipeline.stages.clean.wordscan import WORD

DATE_PREFIX: Final = re.compile(PATTERNS["date_prefix"], FLAGS)
# Words that say a date is the publication's or an update's.
_DATE_LABELS: Final = {
    kind: re.compile(PATTERNS["date_labels"][kind], FLAGS) for kind in ("published", "updated")
}

# A date written out: "5 Jan 2024", "5 de enero de 2024", "November 19th, 2019", ISO and
# numeric forms ("11/13/19" with a two-digit year too), "2018년 8월 25일".
_DATE_ATOMS: Final = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?[^\W\d]{3,}\.?,?\s+(?:de\s+)?\d{4}"
    r"|[^\W\d]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2}"
    r"|\d{4}[./]\d{1,2}[./]\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{4}년\s*\d{1,2}월\s*\d{1,2}일"
    r"|\d{1,2}/\d{1,2}/\d{2}(?![\d/]))",
    re.UNICODE,
)


# A date glued to the word before it ("Jane DoeNovember 19, 2019", "Jane Doe19 Nov 2019").
_GLUED_DATE: Final = re.compile(
    r"(?<=[a-z])(?=[A-Z][a-z]{2,}\.?\s+\d{1,2}\b|\d{1,2}(?:\s+[^\W\d]{3,}\.?,?\s+\d{4}"
    r"|[./-]\d{1,2}[./-]\d{2})|\d{4}-\d{2}-\d{2})"
)


def unglue_date(text: str) -> str:
    """The text with a space before a date glued to the word before it."""
    return _GLUED_DATE.sub(" ", text)


def date_atom(text: str) -> re.Match[str] | None:
    """The first date in the text."""
    return _DATE_ATOMS.search(text)


# Lines that state a date: a labelled dateline, or a short line that is mostly a date.
DATELINE_MAX_WORDS: Final = 14
# ... and of its words that are not numbers, at most this many.
DATELINE_MAX_OTHER_WORDS: Final = 10


def detect_published_on(
    lines: list[str], language: str, stop_before: int | None = None
) -> dt.date | None:
    """The publication date the page states in its header, parsed with dateparser."""
    limit = stop_before if stop_before is not None else len(lines)
    dates: list[tuple[dt.date | None, str | None]] = []
    for text in lines[:limit]:
        text = unglue_date(text.strip())
        if not text or len(text.split()) > DATELINE_MAX_WORDS:
            continue
        labelled = DATE_PREFIX.match(text)
        atoms = _labelled_atoms(text)
        if not atoms:
            continue
        # A short line that is mostly a date: numbers (days, years, clock times) aside.
        words = [w for w in WORD.findall(text) if not w.isdigit()]
        if not labelled and len(words) > DATELINE_MAX_OTHER_WORDS:
            continue
        dates += [(parse_date(match.group(0), language), label) for match, label in atoms]
    return _publication_date(dates)


def stated_date(lines: list[str], language: str) -> dt.date | None:
    """The publication date written in lines known to date the article (its dateline, its
    byline "By Jane Doe On 11/13/19 at 4:00 PM"), however many other words they hold: the
    first date labelled as published, else the first not labelled as updated, else the
    first ("Tue 19 Nov 2019 / First published on Mon 18 Nov 2019" -> 18 November)."""
    return _publication_date(
        [
            (parse_date(match.group(0), language), label)
            for text in map(unglue_date, lines)
            for match, label in _labelled_atoms(text)
        ]
    )


def _labelled_atoms(text: str) -> list[tuple[re.Match[str], str | None]]:
    """The dates of a line, each with the label the words before it give it ("published",
    "updated"), if any: the closest label word since the previous date."""
    out = []
    start = 0
    for match in _DATE_ATOMS.finditer(text):
        out.append((match, _last_label(text[start : match.start()])))
        start = match.end()
    return out


def _last_label(words: str) -> str | None:
    found = [(m.start(), kind) for kind, rx in _DATE_LABELS.items() for m in rx.finditer(words)]
    return max(found)[1] if found else None


def _publication_date(dates: list[tuple[dt.date | None, str | None]]) -> dt.date | None:
    """Of dates and their labels in page order, the one that says when the page was
    published (see stated_date)."""
    parsed = [(date, label) for date, label in dates if date is not None]
    for wanted in ("published", None):
        for date, label in parsed:
            if label == wanted:
                return date
    return parsed[0][0] if parsed else None


@lru_cache(maxsize=4096)
def parse_date(text: str, language: str) -> dt.date | None:
    """The day a date string names: common shapes by dateparser's own month names for the
    page's language (fast), anything else by dateparser itself, restricted to that language."""
    quick = _quick_date(text, language)
    if quick is not None:
        return quick
    import dateparser  # slow to import; only pages with an unusual date shape need it

    try:
        parsed = dateparser.parse(
            text,
            languages=[language],
            settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]},
        )
    except (ValueError, TypeError, OverflowError, KeyError):
        parsed = None
    if parsed is None and language != "en":
        return parse_date(text, "en")
    return parsed.date() if parsed else None


_ISO_DATE: Final = re.compile(r"(\d{4})[-./](\d{1,2})[-./](\d{1,2})")
_NUMERIC_DATE: Final = re.compile(r"(\d{1,2})([./-])(\d{1,2})\2(\d{4})")
_KOREAN_DATE: Final = re.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일")
_DAY_MONTH_YEAR: Final = re.compile(
    r"(\d{1,2})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?([^\W\d]+)\.?,?\s+(?:de\s+)?(\d{4})"
)
_MONTH_DAY_YEAR: Final = re.compile(r"([^\W\d]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_MONTH_KEYS: Final = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)


@lru_cache(maxsize=64)
def _month_names(language: str) -> dict[str, int]:
    """Month name (lower-case, no final dot) -> month number, from dateparser's locale data."""
    from dateparser.languages import default_loader

    try:
        info = default_loader.get_locale(language).info
    except (ValueError, KeyError, AttributeError):
        return {}
    names: dict[str, int] = {}
    for number, key in enumerate(_MONTH_KEYS, start=1):
        for name in info.get(key, []):
            names[name.lower().rstrip(".")] = number
    return names


_WEEKDAY_KEYS: Final = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
# Today and yesterday, in dateparser's relative dates.
_DAY_NAME_KEYS: Final = ("0 day ago", "1 day ago")
# Words of relative times and clock times ("2 days ago", "4:00 PM").
_TIME_KEYS: Final = ("am", "pm", "year", "month", "week", "day", "hour", "minute", "second", "ago")


def _locale_words(language: str, keys: tuple[str, ...]) -> frozenset[str]:
    """Lower-case words under ``keys`` of dateparser's locale data for the language and for
    English, with the one-word relative day names ("today", "yesterday")."""
    from dateparser.languages import default_loader

    words: set[str] = set()
    for code in dict.fromkeys((language, "en")):
        try:
            info = default_loader.get_locale(code).info
        except (ValueError, KeyError, AttributeError):
            continue
        for key in keys:
            words.update(w.lower().rstrip(".") for w in info.get(key, []) if isinstance(w, str))
        for key in _DAY_NAME_KEYS:
            relative = info.get("relative-type", {}).get(key, [])
            words.update(w.lower() for w in relative if isinstance(w, str) and " " not in w)
    return frozenset(words)


@lru_cache(maxsize=64)
def date_words(language: str) -> frozenset[str]:
    """Words that name months, weekdays, clock halves and spans of time ("november", "wed",
    "pm", "days", "ago"): words a date or a relative time is made of, and no name is."""
    return _locale_words(language, (*_MONTH_KEYS, *_WEEKDAY_KEYS, *_TIME_KEYS))


@lru_cache(maxsize=64)
def _day_names(language: str) -> frozenset[str]:
    """Weekdays and "today", "yesterday" of the language and of English."""
    return _locale_words(language, _WEEKDAY_KEYS)


_TIME_STAMP: Final = re.compile(
    r"^(\w+),?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?$", re.IGNORECASE
)


def is_time_stamp(text: str, language: str = "en") -> bool:
    """A line that dates a post by weekday and clock time ("Monday 5:30PM", "Yesterday 2:45
    PM"), without a date to parse."""
    match = _TIME_STAMP.match(text.strip())
    return match is not None and match.group(1).lower() in _day_names(language)


def _quick_date(text: str, language: str) -> dt.date | None:
    for pattern in (_ISO_DATE, _KOREAN_DATE):
        match = pattern.search(text)
        if match:
            return _safe_date(int(match[1]), int(match[2]), int(match[3]))
    match = _NUMERIC_DATE.fullmatch(text)
    if match:
        # Only one order makes a date when one number is over 12; dateparser decides the rest
        # by the language's usual order.
        first, second, year = int(match[1]), int(match[3]), int(match[4])
        if first > 12 >= second:
            return _safe_date(year, second, first)
        if second > 12 >= first:
            return _safe_date(year, first, second)
    months = _month_names(language)
    match = _DAY_MONTH_YEAR.search(text)
    if match and match[2].lower() in months:
        return _safe_date(int(match[3]), months[match[2].lower()], int(match[1]))
    match = _MONTH_DAY_YEAR.search(text)
    if match and match[1].lower() in months:
        return _safe_date(int(match[3]), months[match[1].lower()], int(match[2]))
    return None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
