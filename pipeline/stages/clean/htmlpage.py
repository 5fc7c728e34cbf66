"""Saved HTML pages: the main text and metadata trafilatura finds, and the labels of that
text (every line kept but confident boilerplate)."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Final, NamedTuple
from urllib.parse import urlsplit

from pipeline.stages.clean.labels import blank_label, line_label
from pipeline.stages.clean.language import page_language, stopwords_for
from pipeline.stages.clean.lines import features
from pipeline.stages.clean.metadata import (
    agency_of,
    headline_of_title,
    names_only,
    page_wire_service,
)
from pipeline.stages.clean.outlet import page_outlet, title_parts
from pipeline.stages.clean.page import Page
from pipeline.stages.clean.patterns import strip_code
from pipeline.stages.clean.wordscan import WORD
from schemas import ArticleMetadata, LineLabel

if TYPE_CHECKING:
    from lxml.html import HtmlElement

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


class HtmlPage(NamedTuple):
    """What a saved HTML page yields: its main text (paragraphs separated by "\n"), its
    metadata, and the address it states for itself (canonical link or og:url), if any."""

    text: str
    metadata: ArticleMetadata
    url: str | None


def extract_html(html: str) -> tuple[str, ArticleMetadata]:
    """Main text (paragraphs separated by "\n") and metadata of a saved HTML page; see
    read_html_page."""
    page = read_html_page(html)
    return page.text, page.metadata


def read_html_page(html: str) -> HtmlPage:
    """Main text, metadata and URL of a saved HTML page.

    trafilatura finds the text, title, author and site name in one pass; the date is the one
    the markup states (meta tags, structured data, <time>), not htmldate's guess from free
    text (a "© 2024" footer is no publication date). The outlet is weighed like a text page's
    (the site name the markup states, the <title>'s site part, branding lines, the URL's
    host); the byline keeps person names only. Raises ValueError when the page has no
    article text.
    """
    import trafilatura  # heavy import, only HTML input needs it
    from trafilatura.utils import load_html

    if not html or not html.strip():
        raise ValueError("the HTML page is empty")
    try:
        tree = load_html(html)
        url = _stated_url(tree) if tree is not None else None
        found = trafilatura.bare_extraction(
            tree if tree is not None else html,
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
    language = page_language(page)
    title = getattr(found, "title", None) or None
    title_tag = _html_title(html)
    # trafilatura falls back on parts of the <title> for the title and the site name: only
    # what the markup states apart from it is evidence of its own.
    tag_parts = {_norm(part) for part in title_parts(title_tag)} if title_tag else set()
    tag_parts.add(_norm(title_tag or ""))
    site_name = getattr(found, "sitename", None)
    outlet = page_outlet(
        page.stripped,
        page.lowered,
        title_tag,
        headline=title if title and _norm(title) not in tag_parts else None,
        title_is_tag=True,
        site_name=site_name if site_name and _norm(site_name) not in tag_parts else None,
        url=url,
        language=language,
    )
    metadata = ArticleMetadata(
        outlet=outlet,
        wire_service=page_wire_service(page.stripped, page.lowered) or agency_of(outlet),
        # trafilatura's title may be the <title>'s, sections and site name included.
        title=headline_of_title(title) if title else None,
        standfirst=getattr(found, "description", None) or None,
        byline=names_only(getattr(found, "author", None), language),
        published_on=_iso_date(getattr(found, "date", None)),
        language=language,
    )
    return HtmlPage("\n".join(lines), metadata, url)


def _stated_url(tree: HtmlElement) -> str | None:
    """The address the page states for itself: its canonical link, else its og:url; only an
    absolute http(s) address."""
    for xpath in _URL_XPATHS:
        for value in tree.xpath(xpath):
            value = str(value).strip()
            parts = urlsplit(value)
            if parts.scheme in ("http", "https") and parts.netloc:
                return value
    return None


_URL_XPATHS: Final = (
    '//link[contains(concat(" ", normalize-space(translate(@rel, "CANONICAL", "canonical")), " "),'
    ' " canonical ")]/@href',
    '//meta[@property="og:url"]/@content',
)


_HTML_TITLE: Final = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


def _html_title(html: str) -> str | None:
    """The raw <title> ("Headline | Site"), whose suffix names the outlet."""
    import html as html_entities

    match = _HTML_TITLE.search(html[:HTML_TITLE_SEARCH_CHARS])
    return " ".join(html_entities.unescape(match.group(1)).split()) if match else None


def _norm(text: str) -> str:
    return " ".join(WORD.findall(strip_code(text).lower()))


def _iso_date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None
