"""Everything newsfacts extracts from one file, as plain dicts: no Dagster, no warehouse.

Used by ``newsfacts extract`` and handy in notebooks and tests.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pipeline.stages import actors, claims, clean, dates, ingest, numbers
from pipeline.stages.article import build_article
from pipeline.stages.rejects import describe_error
from schemas import SourceDocument


def extract_document(doc: SourceDocument, now: dt.datetime | None = None) -> dict[str, Any]:
    """Clean one document and run every extractor on it."""
    now = now or dt.datetime.now(dt.UTC)
    article, lines, text = build_article(doc, clean.clean_document(doc), now)
    mentions = actors.extract_actor_mentions(text)
    date_mentions = dates.extract_dates(text)
    return {
        "article": article.model_dump(exclude={"body"}),
        "dropped_lines": [
            {"line_no": line.line_no, "kind": line.kind, "reason": line.reason}
            for line in lines
            if not line.is_body and line.text.strip()
        ],
        "actor_mentions": [m.model_dump() for m in mentions],
        "numbers": [n.model_dump() for n in numbers.extract_numbers(text)],
        "date_mentions": [d.model_dump() for d in date_mentions],
        "claims": [c.model_dump() for c in claims.extract_claims(text, mentions, date_mentions)],
    }


def extract_file(name: str, data: bytes) -> list[dict[str, Any]]:
    """One result per article in the file; a file or article that fails yields its errors."""
    docs, errors = ingest.read_source(name, data, ingest.content_hash(data))
    results: list[dict[str, Any]] = [
        {"source_path": name, "errors": [message]} for message, _ in errors
    ]
    for doc in docs:
        try:
            results.append(
                {"source_path": name, "source_id": doc.source_id, **extract_document(doc)}
            )
        except ValueError as exc:  # bad input: report it and go on with the other articles
            results.append(
                {"source_path": name, "source_id": doc.source_id, "errors": [describe_error(exc)]}
            )
    return results
