"""A page's lines, stripped and lower-cased once for every step that reads them."""

from __future__ import annotations


class Page:
    """A page's lines as given, stripped, and stripped and lower-cased: made once per page,
    shared by the language vote, the line features and the metadata."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.stripped = [raw.strip() for raw in lines]  # also removes non-breaking spaces
        self.lowered = [text.lower() for text in self.stripped]
