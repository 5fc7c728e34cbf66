"""The date of a claim: the day-date phrase of its sentence outside the claim text ("said on
Friday"), or the date the article gave an event the sentence refers to ("shortly before Mr.
Ryder's press briefing", dated elsewhere as "a Jan. 4 press briefing")."""

from __future__ import annotations

import datetime as dt
import re as stdre
from collections.abc import Sequence
from typing import Final, NamedTuple

from pipeline.stages.claims.lexicon import EVENT_NOUNS, alternation
from pipeline.stages.claims.records import FoundClaim
from schemas import ArticleText, DateMention

_DATE_PREPOSITION: Final = stdre.compile(r"(?:\b(?:on|in|at|during)\s+(?:a\s+|the\s+)?)$")
_DATED_EVENT_NOUN: Final = stdre.compile(
    r"\s+(?:statement|press\s+briefing|briefing|news\s+conference|speech|interview)\b"
)
_EVENTS: Final = alternation(EVENT_NOUNS)
_EVENT_AFTER_DATE: Final = stdre.compile(rf"\s+(?P<event>{_EVENTS})\b", stdre.I)
_EVENT_BEFORE_DATE: Final = stdre.compile(rf"\b(?P<event>{_EVENTS})\s+(?:on|of)\s+$", stdre.I)
_EVENT_REFERENCE: Final = stdre.compile(
    r"\b(?:(?:shortly|just|soon|hours|minutes)\s+)?(?:before|after|during|at|following|ahead\s+of)"
    r"\s+(?:(?:the|a|an|his|her|their|its)\s+|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*[\u2019']s\s+)"
    rf"(?P<event>{_EVENTS})\b",
    stdre.I,
)


class DatedEvent(NamedTuple):
    """An event the article dates: "the speech on Friday" (its key is "speech")."""

    line_no: int
    key: str
    value: dt.date


class ClaimDate(NamedTuple):
    """When a claim was made: the date phrase as written and its value (both None: unknown)."""

    text: str | None
    value: dt.date | None


NO_DATE: Final = ClaimDate(None, None)


def _event_key(noun: str) -> str:
    """The event's last word, lower case: "press briefing" and "briefing" are one event."""
    return noun.lower().split()[-1]


def dated_events(article: ArticleText, dates: Sequence[DateMention]) -> list[DatedEvent]:
    """Events the article dates ("a Jan. 4 press briefing", "the speech on Friday")."""
    events = []
    for mention in dates:
        if mention.value is None or mention.granularity != "day":
            continue
        line = article.lines[mention.line_no - 1]
        after = _EVENT_AFTER_DATE.match(line, mention.end)
        before = _EVENT_BEFORE_DATE.search(line[max(0, mention.start - 40) : mention.start])
        for found in (after, before):
            if found:
                events.append(
                    DatedEvent(mention.line_no, _event_key(found.group("event")), mention.value)
                )
    return events


def _claim_date_by_event(claim: FoundClaim, line: str, events: Sequence[DatedEvent]) -> ClaimDate:
    """ "Shortly before Mr. Ryder's press briefing": the date the article gave that event."""
    s_start, s_end = claim.sentence
    for reference in _EVENT_REFERENCE.finditer(line, s_start, s_end):
        if claim.start <= reference.start() < claim.end:
            continue
        key = _event_key(reference.group("event"))
        dated = [event.value for event in events if event.key == key]
        earlier = [e.value for e in events if e.key == key and e.line_no <= claim.line_no]
        if len(set(dated)) == 1 or earlier:
            return ClaimDate(reference.group(), (earlier or dated)[-1])
    return NO_DATE


def claim_date(
    claim: FoundClaim,
    dates: Sequence[DateMention],
    line: str,
    events: Sequence[DatedEvent] = (),
) -> ClaimDate:
    """The date phrase of the claim's sentence that lies outside the claim text."""
    s_start, s_end = claim.sentence
    candidates = [
        d
        for d in dates
        if d.line_no == claim.line_no
        and s_start <= d.start < s_end
        and not (claim.start <= d.start < claim.end)
        and d.granularity == "day"
    ]
    if not candidates:
        return _claim_date_by_event(claim, line, events) if events else NO_DATE
    anchor = claim.speaker_end if claim.speaker_end is not None else claim.start
    best = min(candidates, key=lambda d: abs(d.start - anchor))
    start = best.start
    prep = _DATE_PREPOSITION.search(line[max(0, start - 12) : start])
    if prep:
        start -= len(prep.group())
    end = best.end
    follow = _DATED_EVENT_NOUN.match(line, end)
    if follow and prep:
        end += follow.end()
    return ClaimDate(line[start:end], best.value)
