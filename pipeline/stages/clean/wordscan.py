"""The line classifier's word scan: a line's word count, how many of its words are function
words, its words joined by single spaces (to compare lines) and the gate words it holds (which
send it to the phrasing tests those words open); and a quick look for wide characters."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from functools import lru_cache
from typing import Literal, Protocol, overload

# A word is what ``re`` calls \\w+ on a str.
WORD = re.compile(r"\w+")

Scan = tuple[int, int, str, tuple[str, ...]]
CountingScan = tuple[int, int, str, dict[str, int]]


class LineScanner(Protocol):
    @overload
    def scan(self, line: str, limit: int | None = None, /) -> Scan: ...
    @overload
    def scan(self, line: str, limit: int | None, count_gates: Literal[True], /) -> CountingScan: ...


class PythonLexicon:
    """Function words and gate words to look up while scanning a line."""

    def __init__(self, function_words: Iterable[str], gate_words: Iterable[str]) -> None:
        self.function_words = frozenset(function_words)
        self.gate_words = frozenset(gate_words)

    @overload
    def scan(self, line: str, limit: int | None = None, /) -> Scan: ...
    @overload
    def scan(self, line: str, limit: int | None, count_gates: Literal[True], /) -> CountingScan: ...
    def scan(
        self, line: str, limit: int | None = None, count_gates: bool = False, /
    ) -> Scan | CountingScan:
        """(words, function words, the words joined by single spaces, the distinct gate words
        in the order they first occur) of the line, or of its first ``limit`` words. With
        ``count_gates``, the last item is each gate word's count instead, in the same order."""
        if limit is not None and limit < 0:
            raise ValueError("the word limit must not be negative")
        tokens = WORD.findall(line)[:limit]
        counts: dict[str, int] = {}
        for token in tokens:
            if token in self.gate_words:
                counts[token] = counts.get(token, 0) + 1
        function_words = sum(map(self.function_words.__contains__, tokens))
        norm = " ".join(tokens)
        if count_gates:
            return len(tokens), function_words, norm, counts
        return len(tokens), function_words, norm, tuple(counts)


def python_holds_char_from(text: str, low: int, high: int = sys.maxunicode) -> bool:
    """Whether any character of the text has a code point from ``low`` to ``high``."""
    low = max(low, 0)
    if high < low or low > sys.maxunicode:
        return False
    return _chars_between(low, min(high, sys.maxunicode)).search(text) is not None


@lru_cache(maxsize=16)
def _chars_between(low: int, high: int) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(chr(low))}-{re.escape(chr(high))}]")


# Used on whole pages before a regex that looks for characters of far-off scripts (CJK...).
holds_char_from = python_holds_char_from


def lexicon(function_words: Iterable[str], gate_words: Iterable[str]) -> LineScanner:
    """A scanner for these function and gate words."""
    return PythonLexicon(function_words, gate_words)
