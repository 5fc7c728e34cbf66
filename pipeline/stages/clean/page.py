"""A page's lines, stripped and lower-cased once for every step that reads them."""

from __future__ import annotations

import re
from functools import cached_property


class Page:
    """A page's lines as given, stripped, and stripped and lower-cased: made once per page,
    shared by the language vote, the line features and the metadata."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.stripped = [raw.strip() for raw in lines]  # also removes non-breaking spaces
        self.lowered = [text.lower() for text in self.stripped]
        self._lowercase: dict[str, bool] = {}

    @cached_property
    def text(self) -> str:
        """The stripped lines joined by newlines."""
        return "\n".join(self.stripped)

    def writes_lowercase(self, word: str) -> bool:
        """Whether the page writes this lower-case word as it is somewhere: a common word of
        its text, as opposed to a name ("john" is a common word of no English page)."""
        if word not in self._lowercase:
            found = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", self.text)
            self._lowercase[word] = found is not None
        return self._lowercase[word]

    def common_words(self, stopwords: frozenset[str]) -> CommonWords:
        """Those of a language's function words (``stopwords``) the page writes in lower case:
        the stoplists hold frequent names too ("john", "carlos"), which no page writes so."""
        return CommonWords(self, stopwords)


class CommonWords:
    """The function words of a language that a page writes in lower case, looked up one word
    at a time (a byline's few words), not listed."""

    def __init__(self, page: Page, stopwords: frozenset[str]) -> None:
        self._page = page
        self._stopwords = stopwords

    def __contains__(self, word: object) -> bool:
        return (
            isinstance(word, str) and word in self._stopwords and self._page.writes_lowercase(word)
        )
