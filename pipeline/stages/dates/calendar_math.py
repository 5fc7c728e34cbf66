"""Calendar arithmetic: valid dates, adding months, Easter, the nth weekday of a month, holidays
in a given year, and the latest date with a given month and day on or before a reference.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Final

from pipeline.stages.dates.lexicon import EASTER_HOLIDAYS, FIXED_HOLIDAYS, WEEKDAY_HOLIDAYS

# Two-digit years below this pivot are 20xx, others 19xx ("3-7-27" -> 2027, "05/05/89" -> 1989).
TWO_DIGIT_YEAR_PIVOT: Final = 30
# How many years back we look for a weekday + day-of-month combination ("Sunday 31").
WEEKDAY_SEARCH_YEARS: Final = 30


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
