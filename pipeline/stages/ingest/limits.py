"""How much one input may hold: bytes per file, lines per page, characters per line.

The defaults lie far above any real article (the largest of several thousand real pages is
under 1 MB, 2,000 lines and 20,000 characters a line), so they only stop files that would
hold a run up: a log file, a dump, one page pasted a thousand times. Each is set in the
environment (NEWSFACTS_MAX_FILE_BYTES, NEWSFACTS_MAX_PAGE_LINES, NEWSFACTS_MAX_LINE_CHARS).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from pipeline.stages.ingest.errors import InputError

MAX_FILE_BYTES_ENV = "NEWSFACTS_MAX_FILE_BYTES"
MAX_PAGE_LINES_ENV = "NEWSFACTS_MAX_PAGE_LINES"
MAX_LINE_CHARS_ENV = "NEWSFACTS_MAX_LINE_CHARS"
# A feed file holds many articles, so only each record's text meets the page limits; the file
# limit still applies to it as a whole.
DEFAULT_MAX_FILE_BYTES = 200_000_000
DEFAULT_MAX_PAGE_LINES = 20_000
DEFAULT_MAX_LINE_CHARS = 100_000


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    max_page_lines: int = DEFAULT_MAX_PAGE_LINES
    max_line_chars: int = DEFAULT_MAX_LINE_CHARS

    @classmethod
    def from_env(cls) -> Limits:
        return cls(
            max_file_bytes=_positive_int(MAX_FILE_BYTES_ENV, DEFAULT_MAX_FILE_BYTES),
            max_page_lines=_positive_int(MAX_PAGE_LINES_ENV, DEFAULT_MAX_PAGE_LINES),
            max_line_chars=_positive_int(MAX_LINE_CHARS_ENV, DEFAULT_MAX_LINE_CHARS),
        )

    def check_file_size(self, size: int) -> None:
        if size > self.max_file_bytes:
            raise InputError(
                f"file is {size:,} bytes, over the limit of {self.max_file_bytes:,} "
                f"(set {MAX_FILE_BYTES_ENV} to raise it)"
            )

    def check_text(self, text: str) -> None:
        """Refuse a document whose text has too many lines or too long a line."""
        lines = text.count("\n") + 1
        if lines > self.max_page_lines:
            raise InputError(
                f"page has {lines:,} lines, over the limit of {self.max_page_lines:,} "
                f"(is it many pages in one file? set {MAX_PAGE_LINES_ENV} to raise it)"
            )
        longest = max(map(len, text.split("\n")))
        if longest > self.max_line_chars:
            raise InputError(
                f"page has a line of {longest:,} characters, over the limit of "
                f"{self.max_line_chars:,} (set {MAX_LINE_CHARS_ENV} to raise it)"
            )


def _positive_int(variable: str, default: int) -> int:
    value = os.environ.get(variable)
    if not value:
        return default
    try:
        number = int(value.replace("_", "").replace(",", ""))
    except ValueError:
        number = 0
    if number <= 0:
        raise ValueError(f"{variable} must be a positive whole number, not {value!r}")
    return number
