"""Sentences: a line's sentence spans; a full stop inside a quotation or after an abbreviation
does not end one."""

from __future__ import annotations

import re as stdre
from bisect import bisect_left
from collections.abc import Sequence
from typing import Final

from pipeline.stages.claims.lexicon import CLAUSE_CUES, alternation
from pipeline.stages.claims.quotes import Quote
from pipeline.stages.claims.spans import ABBREVIATION_END, NON_SPACE, Span, is_abbreviation

# "[x][x]*", not "[x]+": a pattern that begins with a character class skips to its candidates.
# A closing curly quotation mark run into a capitalised word or an opening mark ("voters!\u201dAfter
# his rally", "born.\u201d\u201cYour") ends its sentence too: page scrapes lose the space between
# two paragraphs' texts.
_SENTENCE_END: Final = stdre.compile(
    r"[.!?][.!?]*(?:[\u201d\u2019\"')\]]*(?=\s+[\u201c\u2018\"'A-Z0-9(]|\s*$)"
    r"|\u201d(?=[A-Z][a-z]|\u201c))"
)
# After "U.S." a new sentence still starts with a quotation mark or a pronoun subject.
_ENDS_SENTENCE_ANYWAY: Final = stdre.compile(
    r"\s+(?:[\u201c\"]|(?:The|He|She|It|They|We|But|In|On)\s)"
)


# "“Why not?” Smith asked.": a quotation ending in its own question or exclamation mark (or
# full stop), then its attribution, is one sentence with it (the mark belongs to the quote).
_QUOTE_CLOSE_BEFORE: Final = stdre.compile(r"[\u201d\u2019\"']")
_ATTRIBUTION_AFTER: Final = stdre.compile(
    rf"\s+[A-Z][\w.\u2019'-]*(?:\s+[\w.\u2019'-]+){{0,4}}?\s+(?:{alternation(CLAUSE_CUES)})\b"
)


# After a full stop inside the quotation, only a bare tag ends with it ("“...” Trump said."):
# "“We won.” Smith said the vote was close." is two sentences, and so is "“We won.” Smith
# added, “They lost.”" (the tag introduces the next quotation).
_TAG_END: Final = stdre.compile(r"\s*(?:[.;]|,(?!\s*[\u201c\u2018\"'])|$)")


def split_sentences(line: str, quotes: Sequence[Quote]) -> list[Span]:
    """Sentence spans of a line; a full stop inside a quotation does not end the sentence."""
    opens = [q.open_at for q in quotes]
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(line):
        end = match.end()
        # A full stop inside a quotation ends the sentence only when the quotation closes there.
        # Top-level quotations do not overlap: only the last one opened before it can hold it.
        holder = bisect_left(opens, match.start()) - 1
        if holder >= 0:
            close = quotes[holder].close_at
            close = len(line) if close is None else close
            if match.start() < close and end <= close:
                continue
        attribution = (
            _ATTRIBUTION_AFTER.match(line, end)
            if _QUOTE_CLOSE_BEFORE.match(line, end - 1)
            else None
        )
        if attribution and (line[match.start()] in "!?" or _TAG_END.match(line, attribution.end())):
            continue
        head = line[max(0, match.start() - 12) : match.start() + 1]
        abbrev = ABBREVIATION_END.search(head)
        if (
            abbrev
            and is_abbreviation(abbrev.group(1))
            and not _ENDS_SENTENCE_ANYWAY.match(line, end)
        ):
            continue
        spans.append((start, end))
        start = end
    spans.append((start, len(line)))
    # Each sentence from its first non-blank character; blank ones dropped.
    firsts = (NON_SPACE.search(line, a, b) for a, b in spans)
    return [Span(first.start(), b) for first, (_, b) in zip(firsts, spans, strict=True) if first]
