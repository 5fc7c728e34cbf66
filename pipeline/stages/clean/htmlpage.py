"""Saved HTML pages: the main text and metadata trafilatura finds, and the labels of that
text (every line kept but confident boilerplate)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from pipeline.stages.clean.labels import blank_label, line_label
from pipeline.stages.clean.language import page_language, stopwords_for
from pipeline.stages.clean.lines import features
from pipeline.stages.clean.metadata import names_only, page_outlet, page_wire_service
from pipeline.stages.clean.page import Page
from pipeline.stages.clean.wordscan import WORD
from schemas import ArticleMetadata, LineLabel

# htmldate settings for HTML input: the date the markup states, no guessing from free text.
HTML_DATE_PARAMS: Final = {"original_date": True, "extensive_search": False}
HTML_TITLE_SEARCH_CHARS: Final = 200_000
# Fewer words than this extracted from HTML is a page without an article (a menu, an error).
HTML_MIN_TEXT_WORDS: Final = 5


def html_labels(page: Page, language: str) -> list[LineLabel]:
    """trafilatura already removed the page chrome: keep every line but confident leftovers."""
    feats = features(page, stopwords_for(language))
    labels = []
    for f in feats:
        if f.blank:
            labels.append(blank_label())
        elif f.pattern_kind is not None and f.pattern_kind != "caption":
            labels.append(line_label(f.pattern_kind, f.pattern_reason))
        else:
            labels.append(line_label("body", "main text found by trafilatura"))
    return labels


def extract_html(html: str) -> tuple[str, ArticleMetadata]:
    """Main text (paragraphs separated by "\n") and metadata of a saved HTML page.

    trafilatura finds the text, title, author and site name in one pass; the date is the one
    the markup states (meta tags, structured data, <time>), not htmldate's guess from free
    text (a "© 2024" footer is no publication date). Raises ValueError when the page has no
    article text.
    """
    import trafilatura  # heavy import, only HTML input needs it

    if not html or not html.strip():
        raise ValueError("the HTML page is empty")
    try:
        found = trafilatura.bare_extraction(
            html,
            include_comments=False,
            include_tables=False,
            with_metadata=True,
            date_extraction_params=HTML_DATE_PARAMS,
        )
    except Exception as exc:  # trafilatura raises many parser errors on broken markup
        raise ValueError(f"trafilatura could not parse the page: {exc}") from exc
    text = getattr(found, "text", None) or ""
    words = len(WORD.findall(text))
    if words < HTML_MIN_TEXT_WORDS:
        raise ValueError(f"trafilatura found no article text in the page ({words} words)")
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    page = Page(lines)
    return "\n".join(lines), ArticleMetadata(
        outlet=getattr(found, "sitename", None)
        or page_outlet(page.stripped, page.lowered, _html_title(html)),
        wire_service=page_wire_service(page.stripped, page.lowered),
        title=getattr(found, "title", None) or None,
        standfirst=getattr(found, "description", None) or None,
        byline=names_only(getattr(found, "author", None)),
        published_on=_iso_date(getattr(found, "date", None)),
        language=page_language(page),
    )


_HTML_TITLE: Final = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


def _html_title(html: str) -> str | None:
    """The raw <title> ("Headline | Site"), whose suffix names the outlet."""
    import html as html_entities

    match = _HTML_TITLE.search(html[:HTML_TITLE_SEARCH_CHARS])
    return " ".join(html_entities.unescape(match.group(1)).split()) if match else None


def _iso_date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None
