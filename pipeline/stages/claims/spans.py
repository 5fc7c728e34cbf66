"""Span, a (start, end) stretch of a line, and small helpers reading spans without copying them."""

from __future__ import annotations

import re as stdre
from itertools import islice
from typing import Final, NamedTuple

from pipeline.stages.claims.lexicon import ABBREVIATIONS

NON_SPACE: Final = stdre.compile(r"\S\S*")
# The word before a full stop: an initial ("U.S."), a single letter, or a word ("Gen.").
ABBREVIATION_END: Final = stdre.compile(r"(?:^|[\s(])([A-Za-z](?:\.[A-Za-z])*|[A-Za-z]+)\.$")


class Span(NamedTuple):
    """``line[start:end]``: a sentence, a speaker phrase, a part of a clause."""

    start: int
    end: int


def more_words_than(line: str, start: int, end: int, limit: int) -> bool:
    """Whether ``line[start:end].split()`` has more than ``limit`` words; reads no further."""
    return next(islice(NON_SPACE.finditer(line, start, end), limit, None), None) is not None


def stripped_length(line: str, start: int, end: int) -> int:
    """``len(line[start:end].strip())`` without copying a long span."""
    first = NON_SPACE.search(line, start, end)
    if first is None:
        return 0
    while end > first.start() and line[end - 1].isspace():
        end -= 1
    return end - first.start()


def is_abbreviation(word: str) -> bool:
    """Whether a word before a full stop is an abbreviation, so the stop ends no sentence."""
    return word.lower() in ABBREVIATIONS or len(word) == 1 or "." in word
