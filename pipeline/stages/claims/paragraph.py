"""The claims of one paragraph: sentence by sentence, each cue makes a direct claim (with a
quotation) or a reported one; quotations no cue claimed are bare quotes continuing a speaker. A
paragraph ending "X said:" introduces the next paragraph's quotation."""

from __future__ import annotations

import re as stdre
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import islice
from typing import Final

from pipeline.stages.claims.cues import Cue, cues_in
from pipeline.stages.claims.direct import direct_claim, quote_bounds
from pipeline.stages.claims.lexicon import (
    BELIEF_CUES,
    DOCUMENT_NOUNS,
    DOCUMENT_VERBS,
    alternation,
)
from pipeline.stages.claims.quotes import Quote, quote_text_bounds
from pipeline.stages.claims.records import FoundClaim
from pipeline.stages.claims.reported import reported_claim
from pipeline.stages.claims.sentences import split_sentences
from pipeline.stages.claims.spans import Span, stripped_length
from pipeline.stages.claims.speakers import speaker_before

# A quotation of at most this many words inside reporting prose is a scare quote.
SCARE_QUOTE_MAX_WORDS: Final = 4
# Characters a quotation may leave outside itself and still be "the whole sentence".
BARE_QUOTE_SLACK: Final = 3
# Written "[x][x]*" rather than "[x]+" so the engine skips ahead to a possible first character.
WORD: Final = stdre.compile(r"[\w'\u2019.-][\w'\u2019.-]*")


@dataclass
class Paragraph:
    """A body paragraph with a quotation mark or a cue."""

    line_no: int
    line: str
    quotes: list[Quote]
    continues_open_quote: bool  # it opens with the rest of a quote left open before


def claims_in_paragraph(par: Paragraph) -> list[FoundClaim]:
    """The paragraph's claims, speakers not yet resolved, each span once."""
    line, quotes = par.line, par.quotes
    opens = [q.open_at for q in quotes]
    found: list[FoundClaim] = []
    introducer: FoundClaim | None = None
    for sentence in split_sentences(line, quotes):
        in_sentence = quotes[bisect_left(opens, sentence.start) : bisect_left(opens, sentence.end)]
        cues = cues_in(line, sentence, quotes, opens)
        claims = _claims_in_sentence(line, par.line_no, sentence, in_sentence, cues)
        if not claims and not cues:
            claims = _reportedly_claim(line, par.line_no, sentence, in_sentence)
        if introducer is not None and claims and all(_is_bare(c) for c in claims):
            # "Bystrom agreed. “Republicans are running out of time.”": her words.
            for claim in claims:
                _take_speaker(claim, introducer)
        introducer = None if claims else _introducer(line, par.line_no, sentence, in_sentence, cues)
        found.extend(claims)
    if par.continues_open_quote and quotes and not any(c.is_direct for c in found):
        first = quotes[0]
        start, end = quote_text_bounds(line, first)
        if end > start:
            found.insert(0, FoundClaim(par.line_no, start, end, True, None, continues_quote=True))
    return _dedupe(found)


# "X is reportedly being investigated": a report whose source the paragraph names elsewhere.
_REPORTEDLY: Final = stdre.compile(r"\breportedly\b")
REPORTEDLY_CUE: Final = "reportedly"


def _reportedly_claim(
    line: str, line_no: int, sentence: Span, quotes: list[Quote]
) -> list[FoundClaim]:
    """A sentence reported with "reportedly" and no cue: a claim without a speaker yet, which
    the source of the paragraph's "according to" or "reported" claim may speak (extract)."""
    found = _REPORTEDLY.search(line, sentence.start, sentence.end)
    if found is None or any(
        q.open_at < found.start() < (q.close_at or sentence.end) for q in quotes
    ):
        return []
    start, end = sentence.start, sentence.end
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1] in " .;:!?":
        end -= 1
    claim = FoundClaim(line_no, start, end, False, REPORTEDLY_CUE, sentence=sentence)
    claim.extra["reportedly"] = True
    return [claim]


def _is_bare(claim: FoundClaim) -> bool:
    return claim.is_direct and claim.cue is None and claim.speaker_start is None


def _take_speaker(claim: FoundClaim, source: FoundClaim) -> None:
    claim.speaker_start, claim.speaker_end = source.speaker_start, source.speaker_end
    claim.speaker_text, claim.cue = source.speaker_text, source.cue
    claim.extra.pop("bare", None)


def _introducer(
    line: str, line_no: int, sentence: Span, quotes: list[Quote], cues: list[Cue]
) -> FoundClaim | None:
    """A sentence that is only a speaker and a cue ("Bystrom agreed.", "He added:"): it
    introduces the quotation of the next sentence."""
    if quotes or not cues:
        return None
    cue = cues[-1]
    if not _INTRODUCER_END.fullmatch(line, cue.end, sentence.end):
        return None
    speaker = speaker_before(line, sentence.start, cue.start)
    if speaker is None:
        return None
    return FoundClaim(
        line_no,
        cue.end,
        cue.end,
        False,
        cue.text,
        speaker.start,
        speaker.end,
        line[speaker.start : speaker.end],
        sentence=sentence,
    )


# "X issued the following statement:", "released a statement:": the document that follows is
# X's, as after "X said:".
_DOCUMENT_INTRODUCER: Final = stdre.compile(
    rf"(?<!\w)(?P<cue>(?:{alternation(DOCUMENT_VERBS)})\s+(?:a|an|the|this|its|his|her|their)\s+"
    rf"(?:[\w-]+\s+){{0,2}}?(?:{alternation(DOCUMENT_NOUNS)}))\b[^:.]{{0,60}}:\s*$"
)


# What may follow an introducing cue to the end of its sentence: a stop or a colon.
_INTRODUCER_END: Final = stdre.compile(r"[\s.:;!]*")


def _dedupe(found: list[FoundClaim]) -> list[FoundClaim]:
    kept: list[FoundClaim] = []
    seen: set[tuple[int, int]] = set()
    for claim in found:
        if (claim.start, claim.end) not in seen:
            seen.add((claim.start, claim.end))
            kept.append(claim)
    return kept


def _claims_in_sentence(
    line: str, line_no: int, sentence: Span, quotes: list[Quote], cues: list[Cue]
) -> list[FoundClaim]:
    s_end = sentence.end
    claims: list[FoundClaim] = []
    if not (quotes or cues):
        return claims  # most sentences of a line with a cue elsewhere
    real_quotes = [q for q in quotes if not _is_scare_quote(line, q, sentence)]
    used_quotes: set[int] = set()
    bounds = quote_bounds(real_quotes, s_end)
    taken = _TakenSpans()
    for cue in cues:
        claim = direct_claim(line, line_no, sentence, real_quotes, cue, used_quotes, bounds, cues)
        if claim is None:
            claim = reported_claim(line, line_no, sentence, cue, cues)
        # One statement, one claim: a second cue for the same words ("..., the statement said").
        if claim is not None and taken.overlaps(claim.start, claim.end):
            inner = _claims_inside(claims, claim, cue)
            if inner:
                # "Investigators believe the fire started there, the fire chief said": the
                # inverted source reports the whole clause, the inner cue's claim with it.
                claims = [c for c in claims if c not in inner]
                taken = _TakenSpans()
                for kept in claims:
                    taken.add(kept.start, kept.end)
            else:
                claim = None
        if claim is not None:
            claim.sentence = sentence
            claims.append(claim)
            taken.add(claim.start, claim.end)
    # Quotations no cue claimed: the rest of a split quote, or a bare quoted sentence. (A bare
    # claim lies inside its quotation, so only the cues' claims can hold a later quotation.)
    for index, quote in enumerate(real_quotes):
        if index in used_quotes or taken.holds(quote.start):
            continue
        start, end = quote_text_bounds(line, quote)
        if end <= start:
            continue
        introduced = None if claims else _colon_introduced(line, sentence, quote)
        if introduced is not None:
            # "She then addressed the supporters: “Here is what I regret.”": the subject's words.
            speaker, cue_span = introduced
            claims.append(
                FoundClaim(
                    line_no,
                    start,
                    end,
                    True,
                    line[cue_span.start : cue_span.end],
                    speaker.start,
                    speaker.end,
                    line[speaker.start : speaker.end],
                    sentence=sentence,
                )
            )
        elif _outside_length(line, quote, sentence) <= BARE_QUOTE_SLACK or claims:
            claims.append(FoundClaim(line_no, start, end, True, None, sentence=sentence))
            claims[-1].extra["bare"] = len(claims) == 1
    return claims


# "She then addressed the supporters again:", "Clinton has since apologized for it:": a subject
# (a pronoun or a name), a few adverbs, a finite verb and at most a few more words, then a colon.
_INTRODUCING_SUBJECT: Final = stdre.compile(
    r"(?:(?:But|And|Then|So|Later|Now)\s*,?\s+)?"
    r"(?P<subject>He|She|They|We|I|he|she|they|we"
    r"|(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.\s+)?[A-Z][\w\u2019'-]+(?:\s+[A-Z][\w\u2019'-]+){0,3})"
    r"(?:\s+(?:then|also|later|again|once|since|has|had|have|[a-z]+ly))*"
    r"\s+(?P<verb>(?:[a-z]+ed|[a-z]+[^s\W]s|wrote|spoke|gave|put|took|made|went|sent|began|hit|struck|"
    r"read|held|told|said|offered|continues|adds)\b[^:.;!?\u201c\u201d\"]{0,80}?)\s*:\s*$"
)
# Capitalised words that open a sentence but name no one.
_NO_SUBJECT_WORDS: Final = frozenset(
    ["The", "This", "That", "It", "There", "Here", "What", "Why", "How", "When", "In", "On", "At"]
)


def _colon_introduced(line: str, sentence: Span, quote: Quote) -> tuple[Span, Span] | None:
    """The subject and verb phrase before a colon that introduces a whole quoted sentence
    running to the sentence's end, when no cue does: (speaker, cue) spans, else None."""
    if _outside_length(line, quote, Span(quote.open_at, sentence.end)) > BARE_QUOTE_SLACK:
        return None
    if not line[quote.start : quote.start + 1].isupper():
        return None
    match = _INTRODUCING_SUBJECT.fullmatch(line, sentence.start, quote.open_at)
    if match is None:
        leading = len(line[sentence.start : quote.open_at]) - len(
            line[sentence.start : quote.open_at].lstrip()
        )
        match = _INTRODUCING_SUBJECT.fullmatch(line, sentence.start + leading, quote.open_at)
    if match is None or match.group("subject").split()[0] in _NO_SUBJECT_WORDS:
        return None
    return Span(match.start("subject"), match.end("subject")), Span(*match.span("verb"))


def _claims_inside(claims: list[FoundClaim], outer: FoundClaim, cue: Cue) -> list[FoundClaim]:
    """The claims an inverted reported claim ("CLAUSE, X said") overlaps, when all lie inside
    its clause, their cues with them; empty when any does not (or the claim is no such one)."""
    if outer.is_direct or outer.end > cue.start:
        return []
    overlapping = [c for c in claims if c.start < outer.end and outer.start < c.end]
    inside = all(
        not c.is_direct
        and outer.start <= c.start
        and c.end <= outer.end
        and (c.cue or "").lower() in BELIEF_CUES
        for c in overlapping
    )
    return overlapping if inside else []


class _TakenSpans:
    """The spans of a sentence's claims so far: disjoint, kept in order, so a new claim is
    tested by bisection rather than against every claim of a long sentence."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span overlaps ``[start, end)``: only the first one ending after start can."""
        first = bisect_right(self.ends, start)
        return first < len(self.starts) and self.starts[first] < end

    def holds(self, at: int) -> bool:
        """Whether a span holds the position ``at``."""
        first = bisect_right(self.ends, at)
        return first < len(self.starts) and self.starts[first] <= at

    def add(self, start: int, end: int) -> None:
        """Adds a span that overlaps none (claims come in about reading order: mostly appended)."""
        at = bisect_left(self.starts, start)
        self.starts.insert(at, start)
        self.ends.insert(at, end)


_TITLE_BEFORE: Final = stdre.compile(r"(?<![\w-])(?:the|a|an|its|their|his|her|our)\s+$", stdre.I)
_NOUN_AFTER: Final = stdre.compile(r"\s+[a-z]+(?![\w'\u2019-])(?!\s+(?:he|she|they|said|says)\b)")


def _is_scare_quote(line: str, quote: Quote, sentence: Span) -> bool:
    # Counts words only up to the limit: a long quotation is not read to its end.
    words = WORD.finditer(line, quote.start, quote.end)
    if next(islice(words, SCARE_QUOTE_MAX_WORDS, None), None) is not None:
        return False
    inner = line[quote.start : quote.end].strip()
    if _is_title(line, quote, inner):
        return True  # "on Fox News Channel's “Hannity,”": a programme's or a work's title
    if _TITLE_BEFORE.search(line, max(0, quote.open_at - 8), quote.open_at) and (
        quote.close_at is not None and _NOUN_AFTER.match(line, quote.close_at + 1)
    ):
        return True  # a name between an article and its noun: the "Meth. We're on it." campaign
    # A short but whole sentence ("Never again," he said.) is a quotation, not a scare quote.
    if inner[:1].isupper() and inner[-1:] in ".,!?":
        return False
    if inner.rstrip(",")[-1:] in "!?":
        return False  # an exclamation or a question is uttered words: "shouting “she wins!”"
    return _outside_length(line, quote, sentence) > BARE_QUOTE_SLACK


# What stands before a title in quotation marks: an owner's possessive, or a word naming it.
_BEFORE_TITLE: Final = stdre.compile(
    r"(?:[A-Z][\w.&-]*[\u2019']s|\b(?:show|program|programme|titled|entitled|book|film|"
    r"series|song|album|column|podcast))\s*$"
)
_TITLE_SMALL_WORDS: Final = frozenset(["of", "the", "a", "an", "and", "in", "on", "for", "to"])


def _is_title(line: str, quote: Quote, inner: str) -> bool:
    """A short Title-Case quotation after a possessive or a word naming a work ("ABC's “Good
    Morning America”", "the show “Hannity”"): a title, not quoted words."""
    words = inner.strip(" ,.").split()
    if not words or len(words) > SCARE_QUOTE_MAX_WORDS:
        return False
    if not all(w[:1].isupper() or w in _TITLE_SMALL_WORDS for w in words):
        return False
    return _BEFORE_TITLE.search(line, max(0, quote.open_at - 40), quote.open_at) is not None


def _outside_length(line: str, quote: Quote, sentence: Span) -> int:
    """How much of the sentence, stripped, lies outside the quotation."""
    after = (quote.close_at or sentence.end) + 1
    return stripped_length(line, sentence.start, quote.open_at) + stripped_length(
        line, after, sentence.end
    )


def introduces_document(line: str) -> bool:
    """Whether a line ends "X issued the following statement:" (it holds no cue word)."""
    return line.rstrip().endswith(":") and _DOCUMENT_INTRODUCER.search(line) is not None


def quote_introducer(par: Paragraph) -> FoundClaim | None:
    """A paragraph ending "X said:" introduces the quotation of the next paragraph."""
    line = par.line
    if not line.rstrip().endswith(":"):
        return None
    sentences = split_sentences(line, par.quotes)
    if not sentences:
        return None
    sentence = sentences[-1]
    cues = cues_in(line, sentence, par.quotes)
    document = None if cues else _DOCUMENT_INTRODUCER.search(line, sentence.start, sentence.end)
    if not cues and document is None:
        return None
    cue_start, end, cue_text = (
        (cues[-1].start, cues[-1].end, cues[-1].text)
        if cues
        else (document.start(), document.end("cue"), document.group("cue"))
    )
    speaker = speaker_before(line, sentence.start, cue_start)
    if speaker is None:
        return None
    return FoundClaim(
        par.line_no,
        end,
        end,
        False,
        cue_text,
        speaker.start,
        speaker.end,
        line[speaker.start : speaker.end],
        sentence=sentence,
    )
