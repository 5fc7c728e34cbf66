"""The line classifier's word scan: a line's word count, how many of its words are function
words, its words joined by single spaces (to compare lines) and the gate words it holds (which
send it to the phrasing tests those words open)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

# A word is what ``re`` calls \\w+ on a str.
WORD = re.compile(r"\w+")


def joined_words(line: str) -> str:
    """The line's words joined by single spaces (the norm of its scan)."""
    return " ".join(WORD.findall(line))


class Scan(NamedTuple):
    """What a word scan reads of a line."""

    words: int
    function_words: int
    norm: str  # the words joined by single spaces
    gates: tuple[str, ...]  # the distinct gate words, in the order they first occur


class CountingScan(NamedTuple):
    """A word scan that counts each gate word."""

    words: int
    function_words: int
    norm: str
    gate_counts: dict[str, int]  # in the order the gate words first occur


class Lexicon:
    """Function words and gate words to look up while scanning a line."""

    def __init__(self, function_words: Iterable[str], gate_words: Iterable[str]) -> None:
        self.function_words = frozenset(function_words)
        self.gate_words = frozenset(gate_words)

    def scan(self, line: str, limit: int | None = None) -> Scan:
        """The scan of the line, or of its first ``limit`` words."""
        tokens = self._tokens(line, limit)
        gates = tuple(dict.fromkeys(filter(self.gate_words.__contains__, tokens)))
        return Scan(len(tokens), self._function_words(tokens), " ".join(tokens), gates)

    def scan_counting(self, line: str, limit: int | None = None) -> CountingScan:
        """The scan of the line (or of its first ``limit`` words), with each gate word's count."""
        tokens = self._tokens(line, limit)
        counts: dict[str, int] = {}
        for token in tokens:
            if token in self.gate_words:
                counts[token] = counts.get(token, 0) + 1
        return CountingScan(len(tokens), self._function_words(tokens), " ".join(tokens), counts)

    @staticmethod
    def _tokens(line: str, limit: int | None) -> list[str]:
        if limit is not None and limit < 0:
            raise ValueError("the word limit must not be negative")
        return WORD.findall(line)[:limit]

    def _function_words(self, tokens: list[str]) -> int:
        return sum(map(self.function_words.__contains__, tokens))
