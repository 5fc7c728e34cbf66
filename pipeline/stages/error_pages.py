"""Error pages, block pages and bot walls saved as if they were articles.

A "404 - page not found" or "Access denied" page holds a phrase that says so near its top and
little else. Such a page is rejected with that reason rather than loaded as an article (or
reported only as "no article body found", which hides what happened).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

PATTERNS_FILE = "error_pages.txt"
# Where an error page says so: its title and its first lines.
LEAD_LINES = 8
# A real article that mentions "access denied" in its lead is longer than this.
MAX_BODY_WORDS = 150


@cache
def error_phrases() -> re.Pattern[str]:
    path = resources.files("pipeline").joinpath("data", PATTERNS_FILE)
    try:
        rows = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise RuntimeError(f"cannot load pipeline/data/{PATTERNS_FILE}: {exc}") from exc
    patterns = [r.strip() for r in rows if r.strip() and not r.lstrip().startswith("#")]
    if not patterns:
        raise RuntimeError(f"pipeline/data/{PATTERNS_FILE} holds no patterns")
    try:
        return re.compile("|".join(rf"(?:\b{p}\b)" for p in patterns), re.IGNORECASE | re.MULTILINE)
    except re.error as exc:
        raise RuntimeError(f"pipeline/data/{PATTERNS_FILE}: bad pattern: {exc}") from exc


def error_page_phrase(title: str | None, lines: list[str], body_words: int) -> str | None:
    """The phrase by which the page says it is an error page, or None for an article."""
    if body_words > MAX_BODY_WORDS:
        return None
    lead = [line.strip() for line in lines if line.strip()][:LEAD_LINES]
    for text in (title or "", *lead):
        match = error_phrases().search(text)
        if match:
            return match.group(0)
    return None
