"""FoundClaim: a claim as the stage builds it, before it becomes a ``Claim`` record."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from pipeline.stages.claims.spans import Span

_NO_SENTENCE: Final = Span(0, 0)


@dataclass
class FoundClaim:
    """A claim before it becomes a record; offsets are into the line."""

    line_no: int
    start: int
    end: int
    is_direct: bool
    cue: str | None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_text: str | None = None
    speaker_actor_id: str | None = None
    continues_quote: bool = False  # a paragraph of a quote opened in an earlier paragraph
    inherited_speaker_text: str | None = None  # the speaker string a bare quote continues
    sentence: Span = _NO_SENTENCE
    extra: dict = field(default_factory=dict)
