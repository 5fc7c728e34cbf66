"""Cleaning a document: its lines labelled by the classifier (text pages) or kept whole
(feed items, text extracted from HTML), and its metadata."""

from __future__ import annotations

from pipeline.stages.clean.classify import classify
from pipeline.stages.clean.header import normalised
from pipeline.stages.clean.htmlpage import html_labels
from pipeline.stages.clean.labels import blank_label, line_label
from pipeline.stages.clean.language import page_language
from pipeline.stages.clean.lines import clear_line_readings
from pipeline.stages.clean.metadata import metadata_from_fields, page_metadata
from pipeline.stages.clean.page import Page
from pipeline.stages.clean.patterns import strip_code
from pipeline.stages.clean.published import parse_date
from schemas import CleanedDocument, SourceDocument


def clear_caches() -> None:
    """Forget cached line readings and parsed dates (for benchmarks that time cold pages)."""
    clear_line_readings()
    strip_code.cache_clear()
    normalised.cache_clear()
    parse_date.cache_clear()


def clean_document(doc: SourceDocument) -> CleanedDocument:
    """Label every line of the document's text and infer its metadata."""
    page = Page(doc.text.split("\n"))
    language = doc.language or page_language(page)
    if doc.kind == "txt":
        labels = classify(page, language)
        meta = page_metadata(page, labels, language)
    elif doc.kind == "jsonl":
        labels = [
            line_label("body", "feed text") if text else blank_label() for text in page.stripped
        ]
        meta = metadata_from_fields(doc, page, labels, language)
    else:
        labels = html_labels(page, language)
        meta = metadata_from_fields(doc, page, labels, language)
    return CleanedDocument(labels=labels, metadata=meta)
