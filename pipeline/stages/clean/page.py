"""A page's lines, stripped and lower-cased once for every step that reads them."""

from __future__ import annotations

import re
from functools import cached_property

_WORD = re.compile(r"\w+")


class Page:
    """A page's lines as given, stripped, and stripped and lower-cased: made once per page,
    shared by the language vote, the line features and the metadata."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.stripped = [raw.strip() for raw in lines]  # also removes non-breaking spaces
        self.lowered = [text.lower() for text in self.stripped]

    @cached_property
    def lowercase_words(self) -> frozenset[str]:
        """The words the page writes in lower case somewhere: common words of its text, as
        opposed to names ("john" is a common word of no English page)."""
        return frozenset(w for text in self.stripped for w in _WORD.findall(text) if w.islower())

    def common_words(self, stopwords: frozenset[str]) -> frozenset[str]:
        """Those of a language's function words (``stopwords``) the page writes in lower case:
        the stoplists hold frequent names too ("john", "carlos"), which no page writes so."""
        return stopwords & self.lowercase_words
