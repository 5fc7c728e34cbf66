"""``extract_dates``: the date mentions of an article's body lines, with what the article itself
fixes when it has no publication date.
"""

from __future__ import annotations

import datetime as dt
import re as stdre
from bisect import bisect_right
from typing import Final

from pipeline.stages.dates.calendar_math import WEEKDAY_SEARCH_YEARS, _valid
from pipeline.stages.dates.candidates import _candidates
from pipeline.stages.dates.find import find_dates
from pipeline.stages.dates.lexicon import MONTHS, WEEKDAYS
from pipeline.stages.dates.resolve import _day_of_month, _norm
from pipeline.stages.dates.spans import FoundDate, _Candidate
from schemas import ArticleText, DateMention


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
    # A line's candidates, found once for all its dates (once per date was quadratic).
    line_candidates: dict[int, list[_Candidate]] = {}
    resolved: list[tuple[int, FoundDate]] = []
    for line_no, f in found:
        if f.value is None and latest_stated and f.kind in ("month_day", "day_month"):
            if line_no not in line_candidates:
                line_candidates[line_no] = _candidates(lines[line_no])
            f = _with_inferred_year(f, line_candidates[line_no], latest_stated)
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


def _candidate_at(candidates: list[_Candidate], pos: int) -> _Candidate | None:
    """The candidate holding ``pos``: they do not overlap and are sorted by start."""
    at = bisect_right(candidates, pos, key=_candidate_start) - 1
    return candidates[at] if at >= 0 and pos < candidates[at].end else None


def _candidate_start(candidate: _Candidate) -> int:
    return candidate.start


def _with_inferred_year(
    f: FoundDate, candidates: list[_Candidate], latest_stated: dt.date
) -> FoundDate:
    """``f`` with the year inferred from the latest date stated (``candidates``: its line's)."""
    cand = _candidate_at(candidates, f.start)
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
