"""An article from a cleaned document: its row, its lines and the text the extractors read."""

from __future__ import annotations

import datetime as dt

from pipeline.ids import stable_id
from pipeline.stages.error_pages import error_page_phrase
from pipeline.stages.rejects import InputRejected
from schemas import Article, ArticleLine, ArticleText, CleanedDocument, SourceDocument


def article_id_for(doc: SourceDocument) -> str:
    """Derived from content: the same text from the same outlet is the same article version.

    A feed names its outlet, so one agency story carried by two outlets stays two articles;
    a saved page's outlet is only known after cleaning, so its text alone decides.
    """
    return article_id_of(doc.outlet, doc.text)


def article_id_of(outlet: str | None, text: str) -> str:
    return stable_id("article", outlet or "", text)


def build_article(
    doc: SourceDocument, cleaned: CleanedDocument, now: dt.datetime
) -> tuple[Article, list[ArticleLine], ArticleText]:
    article_id = article_id_for(doc)
    lines = doc.text.split("\n")
    if len(cleaned.labels) != len(lines):  # the cleaner's contract broken: a bug, not bad input
        raise RuntimeError(f"cleaner labelled {len(cleaned.labels)} lines of {len(lines)}")
    body_nos = [n for n, label in enumerate(cleaned.labels, start=1) if label.is_body]
    body_words = sum(len(lines[n - 1].split()) for n in body_nos)
    phrase = error_page_phrase(cleaned.metadata.title, lines, body_words)
    if phrase:
        raise InputRejected(f'an error page, not an article: it says "{phrase}"')
    if not body_nos:
        kinds = sorted({label.kind for label in cleaned.labels if label.reason != "blank line"})
        raise InputRejected(
            "no article body found: every line was classified as boilerplate "
            f"({', '.join(kinds) or 'blank'}); is this page an article?"
        )
    meta = cleaned.metadata
    article = Article(
        article_id=article_id,
        source_path=doc.source_path,
        source_id=doc.source_id,
        kind=doc.kind,
        content_hash=doc.content_hash,
        outlet=meta.outlet,
        wire_service=meta.wire_service,
        title=meta.title,
        standfirst=meta.standfirst,
        byline=meta.byline,
        published_on=meta.published_on,
        language=meta.language,
        url=doc.url,
        encoding=doc.encoding,
        body="\n".join(lines[n - 1].strip() for n in body_nos),
        ingested_at=now,
    )
    article_lines = [
        ArticleLine(
            article_id=article_id,
            line_no=n,
            text=line,
            is_body=label.is_body,
            kind=label.kind,
            reason=label.reason,
        )
        for n, (line, label) in enumerate(zip(lines, cleaned.labels, strict=True), start=1)
    ]
    text = ArticleText(
        article_id=article_id,
        lines=lines,
        body_line_nos=body_nos,
        published_on=meta.published_on,
        language=meta.language,
    )
    return article, article_lines, text
