"""The claims of an article: paragraph by paragraph, speakers resolved in reading order, a bare
quotation continuing the last speaker, each claim dated; then the ``Claim`` records."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, NamedTuple

from pipeline.ids import stable_id
from pipeline.stages.claims.cues import line_cue_matches
from pipeline.stages.claims.paragraph import (
    Paragraph,
    claims_in_paragraph,
    introduces_document,
    quote_introducer,
)
from pipeline.stages.claims.quotes import MARK, find_quotes
from pipeline.stages.claims.records import FoundClaim
from pipeline.stages.claims.resolve import SpeakerResolver
from pipeline.stages.claims.when import NO_DATE, ArticleDates, claim_date
from schemas import ActorMention, ArticleText, Claim, DateMention

# How many body paragraphs back a bare quotation may look for its speaker.
CONTINUATION_PARAGRAPHS: Final = 2


class _LastSpeaker(NamedTuple):
    """The last claim with a speaker, which a bare quotation may continue."""

    par_index: int
    claim: FoundClaim


def find_claims(
    article: ArticleText, mentions: Sequence[ActorMention] = (), dates: Sequence[DateMention] = ()
) -> list[FoundClaim]:
    """Claims of an article with speakers resolved, before they become records."""
    resolver = SpeakerResolver(article, mentions)
    article_dates = ArticleDates(article, dates)
    found: list[FoundClaim] = []
    open_quote = False
    recent: _LastSpeaker | None = None
    for par_index, (line_no, line) in enumerate(article.body_lines()):
        if not line.strip():
            continue
        if not (MARK.search(line) or line_cue_matches(line) or introduces_document(line)):
            # Neither a quotation mark nor a cue: no claim can start here.
            resolver.note_line(line_no)
            open_quote = False
            continue
        quotes = find_quotes(line)
        starts_with_quote = bool(quotes) and not line[: quotes[0].open_at].strip()
        paragraph = Paragraph(line_no, line, quotes, open_quote and starts_with_quote)
        claims = claims_in_paragraph(paragraph)
        reportedly = [c for c in claims if c.extra.get("reportedly")]
        for claim in claims:
            if claim.extra.get("reportedly"):
                continue
            if claim.speaker_start is not None:
                claim.speaker_actor_id = resolver.resolve(claim)
                resolver.remember(claim, claim.speaker_actor_id)
                recent = _LastSpeaker(par_index, claim)
            elif (
                claim.is_direct
                and recent
                and par_index - recent.par_index <= CONTINUATION_PARAGRAPHS
            ):
                source = recent.claim
                if claim.continues_quote or claim.extra.get("bare") or claim.cue is None:
                    claim.speaker_actor_id = source.speaker_actor_id
                    claim.inherited_speaker_text = (
                        source.speaker_text or source.inherited_speaker_text
                    )
                    claim.extra["same_line_source"] = source.line_no == claim.line_no
                    if source.line_no == claim.line_no and claim.cue is None:
                        claim.speaker_start, claim.speaker_end = (
                            source.speaker_start,
                            source.speaker_end,
                        )
                        claim.speaker_text, claim.cue = source.speaker_text, source.cue
                    recent = _LastSpeaker(par_index, source)
            elif claim.is_direct:
                continue
            if claim.speaker_start is None and claim.inherited_speaker_text is None:
                continue
            claim.extra["when"] = claim_date(claim, line, article_dates)
            found.append(claim)
        for claim in reportedly:
            # "X is reportedly ... According to Reuters, ...": the paragraph's named source.
            source = _reported_source(claims)
            if source is not None:
                claim.speaker_actor_id = source.speaker_actor_id
                claim.inherited_speaker_text = source.speaker_text
                claim.extra["when"] = claim_date(claim, line, article_dates)
                found.append(claim)
        introducer = None if claims else quote_introducer(paragraph)
        if introducer is not None:
            # "Trump said in a statement:" then a paragraph of quotation: the quote's speaker.
            introducer.speaker_actor_id = resolver.resolve(introducer)
            resolver.remember(introducer, introducer.speaker_actor_id)
            recent = _LastSpeaker(par_index, introducer)
        resolver.note_line(line_no)
        open_quote = bool(quotes) and quotes[-1].close_at is None
    return found


# Cues that name the source of a report: the speaker a "reportedly" of the paragraph cites.
_SOURCE_CUES: Final = frozenset(["according to", "reported", "reports", "reporting"])


def _reported_source(claims: list[FoundClaim]) -> FoundClaim | None:
    """The paragraph's claim naming a report's source ("According to Reuters", "Bloomberg
    reported"), when there is exactly one such source."""
    sources = {
        (c.speaker_actor_id, c.speaker_text): c
        for c in claims
        if c.speaker_start is not None
        and c.cue is not None
        and " ".join(c.cue.lower().split()) in _SOURCE_CUES
    }
    return next(iter(sources.values())) if len(sources) == 1 else None


def extract_claims(
    article: ArticleText, mentions: list[ActorMention], dates: list[DateMention]
) -> list[Claim]:
    """Every attributed statement in the article's body lines, as ``Claim`` records."""
    records = []
    for claim in find_claims(article, mentions, dates):
        line = article.lines[claim.line_no - 1]
        when = claim.extra.get("when", NO_DATE)
        records.append(
            Claim(
                article_id=article.article_id,
                line_no=claim.line_no,
                start=claim.start,
                end=claim.end,
                text=line[claim.start : claim.end],
                claim_id=stable_id(
                    "claim", article.article_id, claim.line_no, claim.start, claim.end
                ),
                speaker_actor_id=claim.speaker_actor_id,
                speaker_text=claim.speaker_text,
                cue=claim.cue,
                is_direct=claim.is_direct,
                when_text=when.text,
                claimed_on=when.value,
            )
        )
    return records
