"""The date of a claim: the day-date phrase of its sentence outside the claim text ("said on
Friday", "said in a Jan. 5 statement"), or, when the sentence has none, the date the article
gives an event the sentence refers to ("shortly before the minister's news conference", dated
elsewhere in the article as "a Jan. 4 news conference" or "the news conference on Thursday").
The events are the event nouns of claims_lexicon.json."""

from __future__ import annotations

import datetime as dt
import re as stdre
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Final, NamedTuple

from pipeline.stages.claims.lexicon import EVENT_NOUNS, alternation
from pipeline.stages.claims.records import FoundClaim
from pipeline.stages.claims.spans import Span
from schemas import ArticleText, DateMention

_DATE_PREPOSITION: Final = stdre.compile(r"(?:\b(?:on|in|at|during)\s+(?:a\s+|the\s+)?)$")
_EVENTS: Final = alternation(EVENT_NOUNS)
# A date naming an event: "a Jan. 4 press briefing", "Friday's televised speech".
_EVENT_AFTER_DATE: Final = stdre.compile(
    rf"(?:[\u2019']s)?(?:\s+[a-z][\w-]*){{0,2}}?\s+(?P<event>{_EVENTS})\b", stdre.I
)
_EVENT_BEFORE_DATE: Final = stdre.compile(rf"\b(?P<event>{_EVENTS})\s+(?:on|of)\s+$", stdre.I)
# A reference to an event by time: "shortly before Mr. Ryder's press briefing", "after the
# minister's speech", "during a news conference".
_EVENT_REFERENCE: Final = stdre.compile(
    r"\b(?:(?:shortly|just|soon|hours|minutes|moments|days|weeks|right|immediately)\s+)?"
    r"(?:before|after|during|at|following|ahead\s+of|since)"
    r"\s+(?:(?:the|a|an|his|her|their|its|this|that)\s+|(?:the\s+)?[\w.-]+(?:\s+[\w.-]+){0,3}?"
    r"[\u2019']s\s+)(?:[a-z][\w-]*\s+){0,2}?"
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


class _EventDates:
    """The dates the article gives one event (its key), to date a reference to it."""

    def __init__(self, events: Sequence[DatedEvent]) -> None:
        self.distinct = len({event.value for event in events})
        self.last = events[-1].value
        # By line: latest[i] is the value of the last listed of the first i + 1 events.
        by_line = sorted(range(len(events)), key=lambda i: events[i].line_no)
        self.line_nos = [events[i].line_no for i in by_line]
        self.latest: list[dt.date] = []
        last_listed = -1
        for i in by_line:
            last_listed = max(last_listed, i)
            self.latest.append(events[last_listed].value)

    def on_or_before(self, line_no: int) -> dt.date | None:
        """The value of the last listed event dated on or before the line."""
        count = bisect_right(self.line_nos, line_no)
        return self.latest[count - 1] if count else None


class _References(NamedTuple):
    """A sentence's references to events the article dates ("shortly before the briefing")."""

    starts: list[int]
    dates: list[ClaimDate]


class ArticleDates:
    """The article's day dates by line and its dated events by key.

    A long line has many dates and a long article many events: what a claim asks is answered
    by bisection or a dict look-up, not by a pass over all of them.
    """

    def __init__(self, article: ArticleText, dates: Sequence[DateMention]) -> None:
        # Each line's day dates in order of start; the listed order breaks ties.
        listed: dict[int, list[tuple[int, int, DateMention]]] = {}
        for position, mention in enumerate(dates):
            if mention.granularity == "day":
                listed.setdefault(mention.line_no, []).append((mention.start, position, mention))
        self.by_line = {line_no: sorted(line) for line_no, line in listed.items()}
        self.starts = {
            line_no: [start for start, _, _ in line] for line_no, line in self.by_line.items()
        }
        by_key: dict[str, list[DatedEvent]] = {}
        for event in dated_events(article, dates):
            by_key.setdefault(event.key, []).append(event)
        self.events = {key: _EventDates(events) for key, events in by_key.items()}
        # A sentence's references, found once for all its claims.
        self.references: dict[tuple[int, int, int], _References] = {}

    def nearest(self, line_no: int, sentence: Span, skip: Span, anchor: int) -> DateMention | None:
        """The sentence's day date nearest ``anchor`` that starts outside ``skip``; of two as
        near, the one listed first."""
        starts = self.starts.get(line_no, [])
        on_line = self.by_line.get(line_no, [])
        first, stop = bisect_left(starts, sentence.start), bisect_left(starts, sentence.end)
        skip_first, skip_stop = bisect_left(starts, skip.start), bisect_left(starts, skip.end)
        found = []
        for lo, hi in ((first, min(stop, skip_first)), (max(first, skip_stop), stop)):
            if lo >= hi:
                continue
            after = bisect_left(starts, anchor, lo, hi)
            if after < hi:
                found.append(on_line[after])  # the nearest at or after the anchor
            if after > lo:
                # The nearest before it (the first listed of those at the same start).
                found.append(on_line[bisect_left(starts, starts[after - 1], lo, after)])
        if not found:
            return None
        _, _, best = min(found, key=lambda date: (abs(date[0] - anchor), date[1]))
        return best

    def sentence_references(self, line_no: int, line: str, sentence: Span) -> _References:
        """The sentence's references to an event the article dates, each with that date."""
        key = (line_no, sentence.start, sentence.end)
        if key not in self.references:
            starts, dates = [], []
            for reference in _EVENT_REFERENCE.finditer(line, sentence.start, sentence.end):
                event = self.events.get(_event_key(reference.group("event")))
                if event is None:
                    continue
                earlier = event.on_or_before(line_no)
                if event.distinct == 1 or earlier:
                    starts.append(reference.start())
                    dates.append(ClaimDate(reference.group(), earlier or event.last))
            self.references[key] = _References(starts, dates)
        return self.references[key]


def _claim_date_by_event(claim: FoundClaim, line: str, dates: ArticleDates) -> ClaimDate:
    """ "Shortly before Mr. Ryder's press briefing": the date the article gave that event."""
    references = dates.sentence_references(claim.line_no, line, claim.sentence)
    if not references.starts:
        return NO_DATE
    # The first reference that does not start inside the claim.
    first = 0 if references.starts[0] < claim.start else bisect_left(references.starts, claim.end)
    return references.dates[first] if first < len(references.dates) else NO_DATE


def claim_date(claim: FoundClaim, line: str, dates: ArticleDates) -> ClaimDate:
    """The date phrase of the claim's sentence that lies outside the claim text."""
    anchor = claim.speaker_end if claim.speaker_end is not None else claim.start
    best = dates.nearest(claim.line_no, claim.sentence, Span(claim.start, claim.end), anchor)
    if best is None:
        return _claim_date_by_event(claim, line, dates)
    start = best.start
    prep = _DATE_PREPOSITION.search(line[max(0, start - 12) : start])
    if prep:
        start -= len(prep.group())
    end = best.end
    follow = _EVENT_AFTER_DATE.match(line, end)
    if follow and prep:
        end = follow.end()
    return ClaimDate(line[start:end], best.value)
