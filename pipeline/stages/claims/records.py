"""Part of the claims stage (moved unchanged from __init__.py; docstring follows)."""

from __future__ import annotations

from dataclasses import dataclass, field


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
    sentence: tuple[int, int] = (0, 0)
    extra: dict = field(default_factory=dict)
