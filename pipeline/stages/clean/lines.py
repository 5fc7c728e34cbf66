"""Each line's features, read once per page: words, share of function words, the
boilerplate kind its phrasing gives away, whether it is a barrier, its block, and whether
it sits in a menu-like run of short lines."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, NamedTuple

from pipeline.stages.clean.page import Page
from pipeline.stages.clean.patterns import ALL_GATE_WORDS, BARRIER, pattern_kind
from pipeline.stages.clean.wordscan import Lexicon, joined_words

# Shorter lines count as prose when they end like a sentence and have at least this many words.
SENTENCE_MIN_WORDS: Final = 7

# Longest line that may open comments or related links (a barrier the body stops at).
BARRIER_MAX_WORDS: Final = 8

# A block of this many short lines or more, none reading as prose, is a menu.
MENU_BLOCK_MIN_LINES: Final = 3

# Distinct lines (by function words) whose reading is kept in memory.
PHRASING_CACHE_LINES: Final = 65536
# Characters of a CJK line worth one word (no spaces between words in those scripts).
CJK_CHARS_PER_WORD: Final = 2.0

# ASCII and CJK full stops, closing quotes.
SENTENCE_END: Final = '.!?\u3002\uff01\uff1f\u2026"\u201d\u2019\u00bb)]:;'

CJK: Final = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@dataclass(slots=True)
class Line:
    """A line's features."""

    text: str  # stripped
    words: float  # word count, CJK characters counted by CJK_CHARS_PER_WORD
    stop_share: float  # share of tokens that are function words (-1 when unknown)
    ends_sentence: bool
    pattern_kind: str | None  # boilerplate kind by phrasing, if any
    pattern_reason: str | None
    block: int  # index of its run of consecutive non-blank lines
    blank: bool
    lone: bool = False  # alone between blank lines (a paragraph or heading, not a list item)
    barrier: bool = False  # opens the comments, related links or footer: the body stops here
    menu_block: bool = False  # its block is 3+ short lines, none reading as prose
    norm: str = ""  # lower-cased words joined by single spaces, to compare lines


BLANK_LINE: Final = Line(
    text="",
    words=0.0,
    stop_share=-1.0,
    ends_sentence=False,
    pattern_kind=None,
    pattern_reason=None,
    block=-1,
    blank=True,
)


def _word_count(text: str, tokens: int) -> float:
    """Words of a line of ``tokens`` words, each CJK character counting CJK_CHARS_PER_WORD."""
    cjk = len(CJK.findall(text)) if not text.isascii() else 0
    if cjk:
        return tokens + cjk / CJK_CHARS_PER_WORD
    return float(tokens)


def features(page: Page, stopwords: frozenset[str]) -> list[Line]:
    """The features of each line of a page whose language has these function words."""
    stripped = page.stripped
    lowered = page.lowered
    menu_lines = _menu_block_lines(stripped)
    out: list[Line] = []
    block = -1
    block_start = 0  # index of the current block's first line in ``out``
    previous_blank = True
    for i, text in enumerate(stripped):
        if not text:
            if not previous_blank and i - block_start == 1:
                out[block_start].lone = True
            out.append(BLANK_LINE)
            previous_blank = True
            continue
        if previous_blank:
            block += 1
            block_start = i
        previous_blank = False
        if i in menu_lines:
            # A run of short lines is a menu whatever its words say: skip the phrasing tests.
            line = Line(
                text=text,
                words=float(len(text.split())),
                stop_share=-1.0,
                ends_sentence=False,
                pattern_kind=None,
                pattern_reason=None,
                block=block,
                blank=False,
                menu_block=True,
                norm=joined_words(lowered[i]),
            )
        else:
            reading = _line_reading(lowered[i], stopwords)
            line = Line(
                text=text,
                words=reading.words,
                stop_share=reading.stop_share,
                ends_sentence=text[-1] in SENTENCE_END,
                pattern_kind=reading.kind,
                pattern_reason=reading.reason,
                block=block,
                blank=False,
                barrier=reading.barrier,
                norm=reading.norm,
            )
        out.append(line)
    if not previous_blank and len(stripped) - block_start == 1:
        out[block_start].lone = True
    return out


# A menu line has fewer words than this.
MENU_LINE_WORDS: Final = SENTENCE_MIN_WORDS * 2


def _menu_block_lines(stripped: list[str]) -> set[int]:
    """Indexes of lines in blocks of 3+ consecutive short lines none of which reads as prose
    (ends with a full stop or is long) and which no sentence ending in ":" introduces."""
    out: set[int] = set()
    start = 0
    n = len(stripped)
    while start < n:
        if not stripped[start]:
            start += 1
            continue
        end = start
        while end < n and stripped[end]:
            end += 1
        block = stripped[start:end]
        before = stripped[start - 2] if start >= 2 and not stripped[start - 1] else ""
        if (
            len(block) >= MENU_BLOCK_MIN_LINES
            and not (before.endswith(":") and len(before.split()) >= SENTENCE_MIN_WORDS)
            and all(not t.endswith((".", ":")) and len(t.split()) < MENU_LINE_WORDS for t in block)
        ):
            out.update(range(start, end))
        start = end
    return out


class _Reading(NamedTuple):
    """What a lower-cased line says by itself."""

    words: float  # CJK characters counted by CJK_CHARS_PER_WORD
    stop_share: float  # share of its words that are function words, -1 when unknown
    kind: str | None  # the boilerplate kind its phrasing gives away
    reason: str | None
    barrier: bool
    norm: str


# A function of its arguments only, so the cache's key (both arguments) is all the reading
# depends on. Menus, footers and promos repeat within a page and across a site's pages.
@lru_cache(maxsize=PHRASING_CACHE_LINES)
def _line_reading(lower: str, stopwords: frozenset[str]) -> _Reading:
    """The reading of a lower-cased line on a page whose language has these function words
    (none: the language has no stoplist)."""
    scan = scanner_for(stopwords).scan(lower)
    words = _word_count(lower, scan.words)
    found = pattern_kind(lower, words, scan.gates)
    kind, reason = (found.kind, found.reason) if found is not None else (None, None)
    barrier = words <= BARRIER_MAX_WORDS and BARRIER.match(lower) is not None
    if barrier and kind is None:
        kind, reason = "related", "opens comments or related links"
    stop_share = scan.function_words / scan.words if stopwords and scan.words else -1.0
    return _Reading(words, stop_share, kind, reason, barrier, scan.norm)


def clear_line_readings() -> None:
    """Forget the cached line readings."""
    _line_reading.cache_clear()


@lru_cache(maxsize=128)
def scanner_for(stopwords: frozenset[str]) -> Lexicon:
    """The word scan for a page of these function words (one per language)."""
    return Lexicon(stopwords, ALL_GATE_WORDS)
