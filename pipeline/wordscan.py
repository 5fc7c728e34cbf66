"""The line classifier's word scan: a line's word count, how many of its words are function
words, its words joined by single spaces (to compare lines) and the gate words it holds (which
send it to the phrasing tests those words open).

``Lexicon`` is the C version from ``_wordscan.c`` when it is built and fresh: it reads each line
once without making a Python object per word, which is most of what the cleaner spends on a
line. ``PythonLexicon`` is the same scan in Python: the reference the tests compare the C
version with, and what runs where the C one is not built, stale, or switched off with
NEWSFACTS_PURE_PYTHON (then every stage runs as Python, see native.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol

from pipeline import native

# A word is what ``re`` calls \\w+ on a str; the C scan tests the same characters.
WORD = re.compile(r"\w+")

Scan = tuple[int, int, str, tuple[str, ...]]


class LineScanner(Protocol):
    def scan(self, line: str, limit: int | None = None, /) -> Scan: ...


class PythonLexicon:
    """Function words and gate words to look up while scanning a line."""

    def __init__(self, function_words: Iterable[str], gate_words: Iterable[str]) -> None:
        self.function_words = frozenset(function_words)
        self.gate_words = frozenset(gate_words)

    def scan(self, line: str, limit: int | None = None, /) -> Scan:
        """(words, function words, the words joined by single spaces, the distinct gate words
        in the order they first occur) of the line, or of its first ``limit`` words."""
        if limit is not None and limit < 0:
            raise ValueError("the word limit must not be negative")
        tokens = WORD.findall(line)[:limit]
        gates = tuple(dict.fromkeys(t for t in tokens if t in self.gate_words))
        function_words = sum(map(self.function_words.__contains__, tokens))
        return len(tokens), function_words, " ".join(tokens), gates


def _native_lexicon() -> type | None:
    if native.sources_preferred():
        return None
    try:
        from pipeline._wordscan import Lexicon as CLexicon
    except ImportError:  # not built: no C compiler at install, or a plain-Python install
        return None
    return CLexicon


NativeLexicon = _native_lexicon()


def lexicon(function_words: Iterable[str], gate_words: Iterable[str]) -> LineScanner:
    """The fastest scanner available here."""
    if NativeLexicon is not None:
        return NativeLexicon(function_words, gate_words)  # type: ignore[no-any-return]
    return PythonLexicon(function_words, gate_words)
