"""Part of the claims stage (moved unchanged from __init__.py; docstring follows)."""

from __future__ import annotations

import re as stdre
from itertools import islice
from typing import Final

from pipeline.stages.claims.lexicon import ABBREVIATIONS

ABBREVIATION_END: Final = stdre.compile(r"(?:^|[\s(])([A-Za-z](?:\.[A-Za-z])*|[A-Za-z]+)\.$")


NON_SPACE: Final = stdre.compile(r"\S\S*")


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
    return word.lower() in ABBREVIATIONS or len(word) == 1 or "." in word
