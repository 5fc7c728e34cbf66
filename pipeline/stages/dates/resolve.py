"""Resolution: the calendar date (and granularity) an English candidate denotes, against the
reference (publication) date; forms our resolver does not know go to dateparser.
"""

from __future__ import annotations

import datetime as dt
import re as stdre
from functools import lru_cache
from typing import Final

import dateparser
import regex as re

from pipeline.stages.dates.calendar_math import (
    WEEKDAY_SEARCH_YEARS,
    _add_months,
    _holiday_in,
    _latest_on_or_before,
    _nth_weekday,
    _two_digit_year,
    _valid,
    _week_start,
)
from pipeline.stages.dates.lexicon import (
    COUNTS,
    EASTER_HOLIDAYS,
    FIXED_HOLIDAYS,
    MONTHS,
    ORDINALS,
    WEEKDAY_HOLIDAYS,
    WEEKDAYS,
)
from pipeline.stages.dates.patterns import _COUNT, _UNIT
from pipeline.stages.dates.spans import _Candidate
from schemas import Granularity

# Longest span handed to dateparser: it only ever sees short candidates.
DATEPARSER_MAX_CHARS: Final = 60
DATEPARSER_SETTINGS: Final = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}


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
        return _add_business_days(day, count)
    return _add_months(day, 12 * count)


# Business days in a week: from a weekday, this many business days on is the same weekday
# a week later.
BUSINESS_DAYS_A_WEEK: Final = 5


def _add_business_days(day: dt.date, count: int) -> dt.date:
    """``count`` business days after ``day`` (before it if negative), Saturdays and Sundays
    skipped. The first step lands on a weekday; from there whole weeks are added at once (a
    step per day took seconds for "in 2000000 business days")."""
    step = 1 if count >= 0 else -1
    steps = abs(count)
    if steps == 0:
        return day
    day = _next_business_day(day, step)
    weeks, rest = divmod(steps - 1, BUSINESS_DAYS_A_WEEK)
    day += dt.timedelta(weeks=step * weeks)
    for _ in range(rest):
        day = _next_business_day(day, step)
    return day


def _next_business_day(day: dt.date, step: int) -> dt.date:
    day += dt.timedelta(days=step)
    while day.weekday() >= 5:
        day += dt.timedelta(days=step)
    return day


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
