"""Boxes set inside an article's text that are not its text: a teaser over a "Read more"
link, a list of links under a "More:" heading, a teaser cut short ("..."), a caption that
ends with its credit ("... legalized. Statista", "... the Moon [SpaceX via Nasa]") and the
lines of an image block (a counter, captions)."""

from __future__ import annotations

import re
from typing import Final

from pipeline.stages.clean.labels import line_label
from pipeline.stages.clean.lines import Line
from schemas import LineLabel

# Lines over a "Read more" link that its teaser may take.
TEASER_MAX_LINES: Final = 2
# A link in a list, or a teaser cut short, is shorter than a paragraph of this many words.
LINK_MAX_WORDS: Final = 20
# Words of a credit after a caption's last sentence ("... use. Statista", "... Getty Images").
CREDIT_MAX_WORDS: Final = 3

_READ_MORE: Final = re.compile(r"^(?:read|see|view|watch) more\b", re.IGNORECASE)
# A heading a list of links hangs from: short, ending with a colon ("More:", "Read more:").
_LINKS_HEADING_KINDS: Final = frozenset({"navigation", "related"})
# A teaser cut short ends in an ellipsis glued to its last word ("the plague,..."); an ellipsis
# after a space is a pause.
_CUT_SHORT: Final = re.compile(r"[\w,;](?:\.\.\.|\u2026)$")
_SENTENCE_END: Final = '.!?"\u201d\u2019)'
# A credit after the caption's last sentence: a few capitalised words, no full stop.
_CREDIT_WORD: Final = r"[A-Z][\w&'\u2019-]*"
_CREDIT_TAIL: Final = re.compile(
    rf"[.!?][\"\u201d\u2019]?\s+{_CREDIT_WORD}(?:\s+{_CREDIT_WORD}){{0,{CREDIT_MAX_WORDS - 1}}}$"
)
# A credit in brackets that names a source ("[SpaceX via Nasa]", "[Jane Doe/AFP]").
_BRACKET_CREDIT: Final = re.compile(r"\[[^\[\]]{1,60}(?:\bvia\b|/)[^\[\]]{1,60}\]$")


def box_labels(feats: list[Line], in_body: list[bool]) -> dict[int, LineLabel]:
    """Labels of the lines of the body's run that belong to boxes set inside it."""
    out: dict[int, LineLabel] = {}
    body = [i for i, inside in enumerate(in_body) if inside and not feats[i].blank]
    _image_blocks(feats, body, out)
    for k, i in enumerate(body):
        f = feats[i]
        if f.pattern_kind is not None:
            if _READ_MORE.match(f.text):
                _teaser_over(feats, body, k, out)
            if f.pattern_kind in _LINKS_HEADING_KINDS and f.text.endswith(":"):
                _links_under(feats, body, k, out)
            continue
        if i in out:
            continue
        if f.words < LINK_MAX_WORDS and _CUT_SHORT.search(f.text):
            out[i] = line_label("related", "teaser cut short")
        elif _CREDIT_TAIL.search(f.text) or _BRACKET_CREDIT.search(f.text):
            out[i] = line_label("caption", "caption ending with its credit")
    return out


def _teaser_over(feats: list[Line], body: list[int], k: int, out: dict[int, LineLabel]) -> None:
    """The lines of a teaser over its "Read more" link: a headline, maybe its opening words,
    none ending like a sentence."""
    for i in reversed(body[max(0, k - TEASER_MAX_LINES) : k]):
        f = feats[i]
        if f.pattern_kind is not None or f.text.endswith(tuple(_SENTENCE_END)):
            break
        out[i] = line_label("related", "teaser over a read-more link")


def _links_under(feats: list[Line], body: list[int], k: int, out: dict[int, LineLabel]) -> None:
    """The links a "More:" heading introduces: short lines, none ending like a sentence."""
    for i in body[k + 1 :]:
        f = feats[i]
        if f.pattern_kind is not None or f.words >= LINK_MAX_WORDS:
            break
        if f.text.endswith(tuple(_SENTENCE_END)):
            break
        out[i] = line_label("related", "link under a links heading")


def _image_blocks(feats: list[Line], body: list[int], out: dict[int, LineLabel]) -> None:
    """Blocks of image text inside the text: a block of several lines with a counter ("6")
    or a credit among them; its lines that do not end like a sentence are the captions."""
    blocks: dict[int, list[int]] = {}
    for i in body:
        blocks.setdefault(feats[i].block, []).append(i)
    for rows in blocks.values():
        if len(rows) < 2:
            continue
        if not any(feats[i].text.isdigit() or feats[i].pattern_kind == "caption" for i in rows):
            continue
        for i in rows:
            f = feats[i]
            if f.pattern_kind is None and not f.text.endswith(tuple(_SENTENCE_END)):
                out[i] = line_label("caption", "image text inside the text")
