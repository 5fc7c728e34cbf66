"""Direct claims: a cue next to a quotation ("“...,” X said", "X said: “...”", "“...,” said X").

A quotation pairs with a cue when only a short speaker phrase lies between its closing mark and
the cue, or only a place, time or audience between the cue and its opening mark. A quotation run
into by reported words ("..., X said") makes a mixed claim, built as a reported one.
"""

from __future__ import annotations

import re as stdre
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from pipeline.stages.claims.cues import Cue
from pipeline.stages.claims.phrases import (
    DATE_LEAD,
    LEADING_NOISE,
    MAX_SPEAKER_WORDS,
    quote_side_nominal,
)
from pipeline.stages.claims.quotes import Quote, quote_text_bounds
from pipeline.stages.claims.records import FoundClaim
from pipeline.stages.claims.reported import (
    make_reported,
    participle_cue_comma,
    participle_speaker,
)
from pipeline.stages.claims.spans import (
    ABBREVIATION_END,
    NON_SPACE,
    Span,
    is_abbreviation,
    more_words_than,
)
from pipeline.stages.claims.speakers import reporting_speaker, speaker_after, speaker_before

# Words allowed between a cue and the quotation it introduces ("said in a statement to X").
MAX_WORDS_CUE_TO_QUOTE: Final = 12

_WORDS_OF: Final = stdre.compile(r"in\s+the\s+words\s+of", stdre.I)
# What may stand between a cue and the quotation it introduces: a place, time or audience.
_CUE_TO_QUOTE: Final = stdre.compile(
    r"\s*(?:(?:in|at|on|to|during|from|via|through|with|after|before|earlier|later|last|this|"
    r"while|when|as|about|of|regarding)\s[^\u201c\"]*?)?\s*[:,]?\s*",
    stdre.I,
)
_PUNCTUATION_ONLY: Final = stdre.compile(r"[\s.,;:!?\u201d\u2019\"')\]]*")
_DOUBLE_QUOTE_MARK: Final = stdre.compile(r"[\u201c\u201d\"]")
_STOP_BEFORE_SPACE: Final = stdre.compile(r"[.;:!?](?=\s)")
# Where a phrase after an inverted cue ends: a comma, a sentence stop or a dash.
_AFTER_CUE_STOP: Final = stdre.compile(r",|[.;:!?](?:\s|$)|\s[\u2013\u2014-]\s")
_REPORTING_WORD: Final = stdre.compile(r"\b(?:that|said|says)\b")


@dataclass(frozen=True)
class QuoteBounds:
    """Where a sentence's quotations open and close, in order, to find those near a cue."""

    opens: list[int]
    closes: list[int]


def quote_bounds(quotes: Sequence[Quote], s_end: int) -> QuoteBounds:
    """The bounds of a sentence's quotations; one left open closes at the sentence's end."""
    closes = [q.close_at if q.close_at is not None else s_end for q in quotes]
    return QuoteBounds([q.open_at for q in quotes], closes)


def direct_claim(
    line: str,
    line_no: int,
    sentence: Span,
    quotes: list[Quote],
    cue: Cue,
    used: set[int],
    bounds: QuoteBounds | None = None,
    cues: Sequence[Cue] = (),
) -> FoundClaim | None:
    """A cue next to a quotation: "“...,” X said", "X said: “...”", "“...,” said X"."""
    s_start, s_end = sentence
    if bounds is None:
        bounds = quote_bounds(quotes, s_end)
    for index in _quotes_near_cue(line, bounds, cue):
        if index in used:
            continue
        quote = quotes[index]
        close = bounds.closes[index]
        if close < cue.start:
            # Past the whole closing mark: two apostrophes ('') close a quotation in some papers.
            gap_start = close + (2 if line.startswith("''", close) else 1)
            gap = line[gap_start : cue.start]
            if not _is_attribution_gap(gap):
                continue
            speaker = speaker_before(line, gap_start, cue.start) if gap.strip(" ,") else None
            if speaker is None:
                speaker = speaker_after(line, cue.end, s_end)
            if speaker is None and cue.kind != "according":
                speaker = _nominal_next_to_quote(line, gap_start, cue, s_end)
            if speaker is None and cue.kind != "according":
                continue
            # Text before the quotation is its subject when short ("The premier on Friday “...”").
            before = (
                speaker_before(line, s_start, quote.open_at) if cue.kind == "according" else None
            )
            has_lead = NON_SPACE.search(line, s_start, quote.open_at) is not None
            if (
                has_lead
                and cue.kind != "according"
                and not _is_mixed_lead(line, s_start, quote.open_at)
            ):
                if speaker is None or quote.close_at is None:
                    continue
                # Mixed: reported words running into a quotation, "..., X said".
                used.add(index)
                close_end = close + (2 if line.startswith("''", close) else 1)
                return make_reported(line, line_no, s_start, close_end, cue, speaker)
            speaker = before or speaker
        elif quote.open_at >= cue.end and _WORDS_OF.match(cue.text):
            # "in the words of the patient: “...”": the speaker stands between cue and quote.
            speaker = speaker_after(line, cue.end, quote.open_at)
            if speaker is None or line[speaker.end : quote.open_at].strip(" ,:"):
                continue
        elif quote.open_at >= cue.end:
            between = line[cue.end : quote.open_at]
            if len(between.split()) > MAX_WORDS_CUE_TO_QUOTE or not _CUE_TO_QUOTE.fullmatch(
                between
            ):
                continue
            if quote.close_at is not None and not _PUNCTUATION_ONLY.fullmatch(
                line, close + 1, s_end
            ):
                continue
            if cue.kind == "according":
                continue
            comma = participle_cue_comma(line, s_start, cue)
            if comma is not None:
                # "Flea shared the news, writing “...”": the participle's subject speaks.
                speaker = participle_speaker(line, s_start, cue, list(cues), comma)
            else:
                # "The former pollster said, “...”": a description opening the sentence.
                speaker = speaker_before(line, s_start, cue.start) or quote_side_nominal(
                    line, _after_leading_noise(line, s_start, cue.start), cue.start
                )
            if speaker is None:
                continue
            speaker = reporting_speaker(line, s_start, cues, speaker)
        else:
            continue
        start, end = quote_text_bounds(line, quote)
        if end <= start:
            continue
        used.add(index)
        return (
            FoundClaim(
                line_no,
                start,
                end,
                True,
                _cue_text(line, cue, s_end),
                *speaker,
                line[speaker.start : speaker.end],
            )
            if speaker
            else FoundClaim(line_no, start, end, True, _cue_text(line, cue, s_end))
        )
    return None


def _nominal_next_to_quote(line: str, gap_start: int, cue: Cue, s_end: int) -> Span | None:
    """A description with no known head word beside a quotation's cue: between the closing
    mark and the cue ("“...,” the host said"), or, with nothing between, after the cue up to
    its comma or stop ("“...,” said the 46-year-old.")."""
    if line[gap_start : cue.start].strip(" ,"):
        return quote_side_nominal(line, gap_start, cue.start)
    stop = _AFTER_CUE_STOP.search(line, cue.end, s_end)
    return quote_side_nominal(line, cue.end, stop.start() if stop else s_end)


def _after_leading_noise(line: str, start: int, end: int) -> int:
    """Where a sentence's subject may start: past "But", "Then", a date."""
    lead = LEADING_NOISE.match(line, start, end) or DATE_LEAD.match(line, start, end)
    while lead and lead.end() > start:
        start = lead.end()
        lead = LEADING_NOISE.match(line, start, end) or DATE_LEAD.match(line, start, end)
    return start


def _is_attribution_gap(gap: str) -> bool:
    """What sits between a closing quote mark and its cue: a short name, or nothing."""
    words = gap.split()
    if len(words) > MAX_SPEAKER_WORDS or _DOUBLE_QUOTE_MARK.search(gap):
        return False
    for stop in _STOP_BEFORE_SPACE.finditer(gap):
        abbreviation = ABBREVIATION_END.search(gap[: stop.end()])
        if stop.group() != "." or not abbreviation or not is_abbreviation(abbreviation.group(1)):
            return False
    return True


def _is_mixed_lead(line: str, start: int, end: int) -> bool:
    """A short subject before a quotation ("The Iraqi premier on Friday") still makes it direct."""
    return not more_words_than(line, start, end, 8) and not _REPORTING_WORD.search(line, start, end)


def _quotes_near_cue(line: str, bounds: QuoteBounds, cue: Cue) -> list[int]:
    """Indices of the quotations that may pair with a cue, in order.

    Before the cue only those closing within a speaker phrase's length of it (the gap grows as we
    go back), after it only those opening within MAX_WORDS_CUE_TO_QUOTE words (likewise), so a
    line with hundreds of quotations is not scanned once per cue.
    """
    before_end = bisect_left(bounds.closes, cue.start)
    first = before_end
    while first > 0 and not more_words_than(
        line, bounds.closes[first - 1] + 1, cue.start, MAX_SPEAKER_WORDS
    ):
        first -= 1
    after = bisect_left(bounds.opens, cue.end)
    stop = after
    while stop < len(bounds.opens) and not more_words_than(
        line, cue.end, bounds.opens[stop], MAX_WORDS_CUE_TO_QUOTE
    ):
        stop += 1
    return [*range(first, before_end), *range(after, stop)]


def _cue_text(line: str, cue: Cue, s_end: int) -> str:
    """The cue as written, with "in a statement ..." kept when the gold-style cue runs on."""
    return line[cue.start : cue.end]
