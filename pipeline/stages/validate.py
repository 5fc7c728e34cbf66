"""Validation: every record through its pydantic model, and through the invariants that tie it
to its article (its text is the slice of the line it points at; its line is body text; its
article and speaker exist). What fails becomes a reject a person can act on.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict

from pydantic import BaseModel, TypeAdapter, ValidationError

from pipeline.stages.rejects import Row, reject_row
from pipeline.warehouse.staging import RECORD_TABLES, Batch
from schemas import ActorMention, Article, ArticleLine, Claim, DateMention, NumberMention

RECORD_MODELS: dict[str, type[BaseModel]] = {
    "articles": Article,
    "article_lines": ArticleLine,
    "actor_mentions": ActorMention,
    "numbers": NumberMention,
    "date_mentions": DateMention,
    "claims": Claim,
}
LIST_ADAPTERS = {table: TypeAdapter(list[model]) for table, model in RECORD_MODELS.items()}
VALIDATION_CHUNK = 500
SPAN_TABLES = ("actor_mentions", "numbers", "date_mentions", "claims")


def first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"]) or "record"
    return f"{where}: {err['msg']}"


def span_problem(row: Row, lines: list[str], body: set[int]) -> str | None:
    """Why a span record does not point at what it claims to, or None when it does."""
    line_no, start, end = row["line_no"], row["start"], row["end"]
    if not 1 <= line_no <= len(lines):
        return f"line_no {line_no} is outside the article's {len(lines)} lines"
    actual = lines[line_no - 1][start:end]
    if actual != row["text"]:
        return f"text {row['text']!r} differs from line {line_no}[{start}:{end}] = {actual!r}"
    if line_no not in body:
        return f"line {line_no} is not body text"
    return None


def payload(row: Row) -> str:
    return json.dumps(row, default=str, ensure_ascii=False)


class Validator:
    """Validates the records of one part against the articles of that part."""

    def __init__(self, texts: list[Row], now: dt.datetime | None = None) -> None:
        self.now = now or dt.datetime.now(dt.UTC)
        self.lines = {t["article_id"]: t["lines"] for t in texts}
        self.body = {t["article_id"]: set(t["body_line_nos"]) for t in texts}
        self.source = {t["article_id"]: t["source_path"] for t in texts}
        self.rejects: list[Row] = []
        self.actor_ids: dict[str, set[str]] = defaultdict(set)

    def drop_articles_not_in(self, kept_ids: set[str]) -> None:
        """Forget articles whose own row was rejected, so their records are rejected too."""
        for article_id in set(self.lines) - kept_ids:
            del self.lines[article_id]

    def reject(self, table: str, row: Row, error: str) -> None:
        article_id = row.get("article_id")
        source = row.get("source_path") or self.source.get(article_id or "", "")
        self.rejects.append(
            reject_row(source, "validate", f"{table}: {error}", article_id, payload(row), self.now)
        )

    def check(self, table: str, row: Row, model_ok: bool = False) -> str | None:
        if not model_ok:
            try:
                RECORD_MODELS[table].model_validate(row)
            except ValidationError as exc:
                return first_error(exc)
        article_id = row["article_id"]
        if article_id not in self.lines:
            return f"article_id {article_id} is not an article of this batch"
        if table in SPAN_TABLES:
            problem = span_problem(row, self.lines[article_id], self.body[article_id])
            if problem:
                return problem
        speaker = row.get("speaker_actor_id") if table == "claims" else None
        if speaker is not None and speaker not in self.actor_ids[article_id]:
            return f"speaker_actor_id {speaker} is not an actor mentioned in the article"
        return None

    def filter(self, table: str, rows: list[Row]) -> list[Row]:
        kept = []
        for start in range(0, len(rows), VALIDATION_CHUNK):
            chunk = rows[start : start + VALIDATION_CHUNK]
            # Fast path: one pydantic call per chunk; only a chunk holding a bad record is
            # checked record by record to find which ones.
            try:
                LIST_ADAPTERS[table].validate_python(chunk)
                model_ok = True
            except ValidationError:
                model_ok = False
            for row in chunk:
                problem = self.check(table, row, model_ok)
                if problem:
                    self.reject(table, row, problem)
                else:
                    kept.append(row)
        if table == "actor_mentions":
            for row in kept:
                self.actor_ids[row["article_id"]].add(row["actor_id"])
        return kept


def validate_part(tables: dict[str, list[Row]]) -> dict[str, list[Row]]:
    """Validate all record tables of one part. ``tables`` must include ``article_texts``."""
    validator = Validator(tables.get("article_texts", []))
    out: dict[str, list[Row]] = {}
    for table in RECORD_TABLES:
        out[table] = validator.filter(table, tables.get(table, []))
        if table == "articles":
            validator.drop_articles_not_in({a["article_id"] for a in out[table]})
    out["rejects"] = [*tables.get("rejects", []), *validator.rejects]
    return out


REJECTING_STAGES = ("ingest", "clean", "actor_mentions", "numbers", "date_mentions", "claims")


def validate_batch_part(batch: Batch, part: int) -> Counter[str]:
    """Validate one part of a staged batch; the kept records go to its ``valid`` layer."""
    tables = {t: batch.read(t, part) for t in RECORD_MODELS}
    tables["article_texts"] = batch.read("article_texts", part)
    tables["rejects"] = [r for s in REJECTING_STAGES for r in batch.read(f"rejects_{s}", part)]
    return Counter(
        {
            table: batch.write(table, part, rows, layer="valid")
            for table, rows in validate_part(tables).items()
        }
    )
