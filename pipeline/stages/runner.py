"""Run each stage over one part of a batch: rows in, rows out, bad articles as rejects.

Each article runs inside a guard that catches data errors only (``ValueError``, which bad
input raises, pydantic's validation errors included): that article is rejected with the error
and the stage goes on with the rest, so one bad page never stops a run. Any other exception is
a bug in our code and fails the run at once. A stage that fails on most articles of a batch
(``check_stage_health``) fails the run too: that is a broken stage or data file, not bad pages.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pipeline.stages import actors, claims, clean, dates, numbers
from pipeline.stages.article import article_id_for, article_id_of, build_article
from pipeline.stages.rejects import InputRejected, Row, describe_error, reject_row
from pipeline.warehouse.staging import Batch
from schemas import ActorMention, ArticleText, DateMention, SourceDocument

PREVIEW_ROWS = 5
# A stage that fails on more than this share of a batch's articles, and on at least
# MIN_FAILURES of them, is broken: the run fails with the first error instead of rejecting all.
MAX_FAILED_SHARE = 0.5
MIN_FAILURES = 2


class StageFailed(RuntimeError):
    """A stage failed on most articles of a batch: a bug or a broken data file, not bad input."""


@dataclass
class StageOutput:
    """What a stage made of one part: rows per table, and the errors of the articles it failed
    on (input verdicts such as "no article body" are rejects but not failures)."""

    rows: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    articles: int = 0
    failures: list[str] = field(default_factory=list)


def duplicate_copies(batch: Batch) -> dict[int, dict[int, str]]:
    """Later copies of an article version in the batch: part -> row -> the first copy's file.

    Found before cleaning, so each part is cleaned on its own, and no stage spends time on a
    copy.
    """
    first: dict[str, str] = {}
    copies: dict[int, dict[int, str]] = defaultdict(dict)
    for part in batch.parts("documents"):
        columns = ["source_path", "source_id", "kind", "outlet", "text"]
        for row_no, row in enumerate(batch.read("documents", part, columns=columns)):
            article_id = article_id_of(row["outlet"], row["text"])
            if article_id in first:
                copies[part][row_no] = first[article_id]
            elif row["kind"] == "jsonl":  # a feed holds many documents: name the record
                first[article_id] = f"{row['source_path']} (record {row['source_id']})"
            else:
                first[article_id] = row["source_path"]
    return dict(copies)


def clean_part(
    doc_rows: Iterable[Row], copies: Mapping[int, str], now: dt.datetime | None = None
) -> StageOutput:
    """Clean every document of a part: articles, their lines and texts, and rejects.

    ``copies`` maps the row number of each later copy of an article version to the file of
    its first copy: those are rejected here, before any stage spends time on them.
    """
    now = now or dt.datetime.now(dt.UTC)
    result = StageOutput()
    out = result.rows
    for row_no, row in enumerate(doc_rows):
        doc = SourceDocument.model_validate(row)
        article_id = article_id_for(doc)
        if row_no in copies:
            # The first copy may still fail cleaning; its own reject then says why.
            error = f"duplicate article: same text as {copies[row_no]}, processed in its place"
            out["rejects"].append(
                reject_row(doc.source_path, "clean", error, article_id, None, now)
            )
            continue
        result.articles += 1
        try:
            article, lines, text = build_article(doc, clean.clean_document(doc), now)
        except InputRejected as exc:  # a verdict on the page: its message says it all
            out["rejects"].append(
                reject_row(doc.source_path, "clean", str(exc), article_id, None, now)
            )
            continue
        except ValueError as exc:  # bad input: reject this page, go on with the others
            error = describe_error(exc)
            result.failures.append(f"{doc.source_path}: {error}")
            out["rejects"].append(
                reject_row(doc.source_path, "clean", error, article_id, doc.text, now)
            )
            continue
        out["articles"].append(article.model_dump())
        out["article_lines"].extend(line.model_dump() for line in lines)
        out["article_texts"].append({**text.model_dump(), "source_path": doc.source_path})
    return result


# ---------------------------------------------------------------------------- extraction


def article_text(row: Row) -> ArticleText:
    return ArticleText.model_validate({k: v for k, v in row.items() if k != "source_path"})


def extract_part(
    text_rows: Iterable[Row], stage: str, extractor: Callable[[ArticleText], list[Any]]
) -> StageOutput:
    """Run one extractor over every article of a part; an article whose text makes it raise a
    data error is rejected, any other exception propagates."""
    result = StageOutput()
    for row in text_rows:
        result.articles += 1
        try:
            records = extractor(article_text(row))
        except ValueError as exc:
            error = describe_error(exc)
            result.failures.append(f"{row['source_path']}: {error}")
            result.rows["rejects"].append(
                reject_row(row["source_path"], stage, error, row["article_id"])
            )
            continue
        result.rows[stage].extend(r.model_dump() for r in records)
    return result


def actors_part(text_rows: Iterable[Row]) -> StageOutput:
    return extract_part(text_rows, "actor_mentions", actors.extract_actor_mentions)


def numbers_part(text_rows: Iterable[Row]) -> StageOutput:
    return extract_part(text_rows, "numbers", numbers.extract_numbers)


def dates_part(text_rows: Iterable[Row]) -> StageOutput:
    return extract_part(text_rows, "date_mentions", dates.extract_dates)


def claims_part(
    text_rows: Iterable[Row], mention_rows: Iterable[Row], date_rows: Iterable[Row]
) -> StageOutput:
    """Claims need the article's actor mentions (speakers) and date mentions (when)."""
    mentions_by_article: dict[str, list[ActorMention]] = defaultdict(list)
    for row in mention_rows:
        mentions_by_article[row["article_id"]].append(ActorMention.model_validate(row))
    dates_by_article: dict[str, list[DateMention]] = defaultdict(list)
    for row in date_rows:
        dates_by_article[row["article_id"]].append(DateMention.model_validate(row))

    def extractor(text: ArticleText) -> list[Any]:
        return claims.extract_claims(
            text, mentions_by_article[text.article_id], dates_by_article[text.article_id]
        )

    return extract_part(text_rows, "claims", extractor)


# ---------------------------------------------------------------------------- batch parts
# One part of a staged batch, read from and written to its Parquet files. Each returns what the
# asset reports: counts and a few rows to preview.


@dataclass
class PartSummary:
    records: int = 0
    rejects: int = 0
    articles: int = 0
    failures: list[str] = field(default_factory=list)
    preview: list[Row] = field(default_factory=list)
    line_kinds: Counter[str] = field(default_factory=Counter)


def check_stage_health(stage: str, summaries: Sequence[PartSummary]) -> None:
    """Raise StageFailed when the stage failed on most articles of the batch."""
    articles = sum(s.articles for s in summaries)
    failures = [error for s in summaries for error in s.failures]
    if len(failures) >= MIN_FAILURES and len(failures) > MAX_FAILED_SHARE * articles:
        raise StageFailed(
            f"stage {stage!r} failed on {len(failures)} of {articles} articles, which points "
            f"to a bug or a broken data file rather than bad pages; first error: {failures[0]}"
        )


def clean_batch_part(batch: Batch, part: int, copies: Mapping[int, str]) -> PartSummary:
    result = clean_part(batch.read("documents", part), copies)
    out = result.rows
    batch.write("article_lines", part, out["article_lines"])
    batch.write("article_texts", part, out["article_texts"])
    return PartSummary(
        records=batch.write("articles", part, out["articles"]),
        rejects=batch.write("rejects_clean", part, out["rejects"], schema="rejects"),
        articles=result.articles,
        failures=result.failures,
        preview=out["articles"][:PREVIEW_ROWS],
        line_kinds=Counter(
            line["kind"] for line in out["article_lines"] if line["reason"] != "blank line"
        ),
    )


def _extract_rows(batch: Batch, table: str, part: int) -> StageOutput:
    texts = batch.read("article_texts", part)
    if table == "actor_mentions":
        return actors_part(texts)
    if table == "numbers":
        return numbers_part(texts)
    if table == "date_mentions":
        return dates_part(texts)
    if table == "claims":
        mentions = batch.read("actor_mentions", part)
        return claims_part(texts, mentions, batch.read("date_mentions", part))
    raise KeyError(f"no extraction stage writes {table!r}")


def extract_batch_part(batch: Batch, table: str, part: int) -> PartSummary:
    result = _extract_rows(batch, table, part)
    out = result.rows
    return PartSummary(
        records=batch.write(table, part, out[table]),
        rejects=batch.write(f"rejects_{table}", part, out["rejects"], schema="rejects"),
        articles=result.articles,
        failures=result.failures,
        preview=out[table][:PREVIEW_ROWS],
    )
