"""Quotations: the top-level quotations of a line and the bounds of their words.

Curly, straight, doubled ('') and single marks are read; an inner quotation belongs to its outer
one, and a quotation left open runs to the end of the line (and may continue in the next
paragraph).
"""

from __future__ import annotations

import re as stdre
from dataclasses import dataclass
from typing import Final, NamedTuple

OPEN_MARKS: Final = "\u201c\u201e\u00ab"
CLOSE_MARKS: Final = "\u201d\u00bb"
# Any character that may open or close a quotation.
MARK: Final = stdre.compile("[\"'\u2018\u2019\u201c\u201d\u201e\u00ab\u00bb]")


@dataclass(frozen=True)
class Quote:
    """One top-level quotation on a line: ``line[start:end]`` is its inner text."""

    open_at: int
    start: int
    end: int
    close_at: int | None  # index of the closing mark; None: left open at the line's end


class _OpenMark(NamedTuple):
    """A quotation mark waiting for its closing one."""

    kind: str  # d: curly or guillemet, s: straight, dd: doubled '', q: single
    open_at: int
    inner: int  # where the quotation's text starts


class _OpenMarks:
    """The marks waiting for their closing ones, innermost last.

    Where the single marks and the others stand is kept too, so a closing mark finds its
    opening one without a pass over the marks a long line leaves open.
    """

    def __init__(self) -> None:
        self.marks: list[_OpenMark] = []
        self.singles: list[int] = []  # indices of the single (kind q) marks
        self.doubles: list[int] = []  # indices of the others: curly, straight, doubled ''

    def top_is(self, kind: str) -> bool:
        return bool(self.marks) and self.marks[-1].kind == kind

    def push(self, mark: _OpenMark) -> None:
        (self.singles if mark.kind == "q" else self.doubles).append(len(self.marks))
        self.marks.append(mark)

    def opening(self, kind: str) -> int | None:
        """The open mark a closing mark of ``kind`` closes: a curly one closes straight ones too.

        A straight or doubled '' mark closes only when the mark on top is of its kind.
        """
        if kind == "q":
            return self.singles[-1] if self.singles else None
        if kind == "d":
            return self.doubles[-1] if self.doubles else None
        return len(self.marks) - 1 if self.top_is(kind) else None

    def close(self, at: int) -> _OpenMark:
        """Removes the mark at ``at`` and the inner ones, and returns it."""
        mark = self.marks[at]
        del self.marks[at:]
        for indices in (self.singles, self.doubles):
            while indices and indices[-1] >= at:
                indices.pop()
        return mark


def find_quotes(line: str) -> list[Quote]:
    """Top-level quotations of a line; inner quotations belong to their outer one."""
    quotes: list[Quote] = []
    stack = _OpenMarks()
    n = len(line)
    skip_to = 0
    for mark in MARK.finditer(line):
        i = mark.start()
        if i < skip_to:
            continue
        ch = line[i]
        prev = line[i - 1] if i else " "
        nxt = line[i + 1] if i + 1 < n else " "
        width, kind, role = 1, "", ""
        if line.startswith("''", i) and not (prev.isalpha() and line[i + 2 : i + 3].isalpha()):
            width, kind = 2, "dd"
            role = "close" if stack.top_is("dd") else "open"
        elif ch in OPEN_MARKS:
            kind, role = "d", "open"
            if stack.top_is("d") and _ends_words(prev, nxt):
                role = "close"  # an opening mark typed for the closing one: "“rapists“ while"
        elif ch in CLOSE_MARKS:
            kind, role = "d", "close"
        elif ch == '"':
            kind = "s"
            role = "close" if stack.top_is("s") else "open"
            if role == "open" and stack.top_is("d") and _ends_words(prev, nxt):
                kind, role = "d", "close"  # a curly opening closed by a straight mark
            elif role == "open" and nxt.isspace() and i + 1 < n:
                role = ""
        elif ch == "\u2018":
            kind, role = "q", "open"
        elif ch in "\u2019'":
            opened = bool(stack.singles)
            if opened and not nxt.isalnum() and not prev.isspace():
                kind, role = "q", "close"
            elif (
                not opened
                and (prev.isspace() or prev in "([\u2014\u2013-" or i == 0)
                and nxt.isalpha()
            ):
                kind, role = "q", "open"
        if role == "open":
            stack.push(_OpenMark(kind, i, i + width))
        elif role == "close":
            match_at = stack.opening(kind)
            if match_at is not None:
                _, open_at, inner = stack.close(match_at)
                if not stack.marks:
                    quotes.append(Quote(open_at, inner, i, i))
        skip_to = i + width
    outer = [entry for entry in stack.marks if entry.kind != "q"] or stack.marks
    if outer:
        _, open_at, inner = outer[0]
        if not quotes or open_at > quotes[-1].end:
            quotes.append(Quote(open_at, inner, len(line.rstrip()), None))
    return quotes


def _ends_words(prev: str, nxt: str) -> bool:
    """A mark right after a word or its punctuation and before no word: a closing one."""
    return not prev.isspace() and not nxt.isalnum()


def quote_text_bounds(line: str, quote: Quote) -> tuple[int, int]:
    """The quote's words without the comma or full stop that closes it."""
    start, end = quote.start, quote.end
    while start < end and line[start].isspace():
        start += 1
    while end > start and (line[end - 1].isspace() or line[end - 1] in ",.;:"):
        end -= 1
    return start, end
