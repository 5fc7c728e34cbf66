"""Parquet staging between stages: each batch is a folder, each table a folder of numbered parts.

Stages read part ``i`` of their inputs and write part ``i`` of their outputs, so any number of
articles is processed a bounded part at a time, and parallel runs never share a file.
"""

from __future__ import annotations

import datetime as dt
import shutil
import time
import types
import typing
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import polars as pl
from pydantic import BaseModel

from schemas import (
    ActorMention,
    Article,
    ArticleLine,
    Claim,
    DateMention,
    NumberMention,
    Reject,
    SourceDocument,
)

PART_SIZE = 500  # articles per part: bounds a stage's memory; Parquet files stay large enough
# The per-article record tables, parents first: the order validation and loading follow
# (a claim's speaker must be a mention already kept or loaded).
RECORD_TABLES = (
    "articles",
    "article_lines",
    "actor_mentions",
    "numbers",
    "date_mentions",
    "claims",
)

_SCALARS: dict[Any, pl.DataType] = {
    str: pl.Utf8(),
    int: pl.Int64(),
    float: pl.Float64(),
    bool: pl.Boolean(),
    dt.date: pl.Date(),
    dt.datetime: pl.Datetime("us", "UTC"),
}


def polars_type(annotation: Any) -> pl.DataType:
    """The Polars type of a pydantic field annotation (optional, literal and list included)."""
    origin = get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in get_args(annotation) if a is not type(None)]
        return polars_type(inner)
    if origin is Literal:
        return pl.Utf8()
    if origin is list:
        return pl.List(polars_type(get_args(annotation)[0]))
    return _SCALARS[annotation]


def model_schema(model: type[BaseModel]) -> pl.Schema:
    return pl.Schema({name: polars_type(f.annotation) for name, f in model.model_fields.items()})


ARTICLE_TEXT_SCHEMA = pl.Schema(
    {
        "article_id": pl.Utf8(),
        "source_path": pl.Utf8(),
        "lines": pl.List(pl.Utf8()),
        "body_line_nos": pl.List(pl.Int64()),
        "published_on": pl.Date(),
        "language": pl.Utf8(),
    }
)
CHANGES_SCHEMA = pl.Schema(
    {
        "path": pl.Utf8(),
        "action": pl.Utf8(),
        "size": pl.Int64(),
        "mtime_ns": pl.Int64(),
        "content_hash": pl.Utf8(),
    }
)

SCHEMAS: dict[str, pl.Schema] = {
    "changes": CHANGES_SCHEMA,
    "documents": model_schema(SourceDocument),
    "article_texts": ARTICLE_TEXT_SCHEMA,
    "articles": model_schema(Article),
    "article_lines": model_schema(ArticleLine),
    "actor_mentions": model_schema(ActorMention),
    "numbers": model_schema(NumberMention),
    "date_mentions": model_schema(DateMention),
    "claims": model_schema(Claim),
    "rejects": model_schema(Reject),
}


class Batch:
    """The staging folder of one run: ``<root>/<batch_id>/<table>/part-NNNNN.parquet``."""

    def __init__(self, root: Path | str, batch_id: str) -> None:
        self.dir = Path(root) / batch_id
        self.batch_id = batch_id

    def table_dir(self, table: str, layer: str = "stage") -> Path:
        return self.dir / layer / table

    def write(
        self,
        table: str,
        part: int,
        rows: Sequence[dict[str, Any]],
        layer: str = "stage",
        schema: str | None = None,
    ) -> int:
        """Write one part (even an empty one, so readers can tell 'nothing' from 'not run').

        ``schema`` names the table whose columns the rows have, when it differs from ``table``.
        """
        folder = self.table_dir(table, layer)
        folder.mkdir(parents=True, exist_ok=True)
        frame = pl.DataFrame(list(rows), schema=SCHEMAS[schema or table])
        tmp = folder / f".part-{part:05d}.parquet.tmp"
        frame.write_parquet(tmp)
        tmp.replace(folder / f"part-{part:05d}.parquet")  # readers never see half a file
        return frame.height

    def parts(self, table: str, layer: str = "stage") -> list[int]:
        folder = self.table_dir(table, layer)
        return sorted(int(p.stem.split("-")[1]) for p in folder.glob("part-*.parquet"))

    def read(
        self, table: str, part: int, layer: str = "stage", columns: list[str] | None = None
    ) -> list[dict[str, Any]]:
        path = self.table_dir(table, layer) / f"part-{part:05d}.parquet"
        if not path.exists():
            return []
        return pl.read_parquet(path, columns=columns).to_dicts()

    def glob(self, table: str, layer: str = "stage") -> str:
        return str(self.table_dir(table, layer) / "part-*.parquet")

    def count(self, table: str, layer: str = "stage") -> int:
        if not self.parts(table, layer):
            return 0
        return pl.scan_parquet(self.glob(table, layer)).select(pl.len()).collect().item()


def dump(records: Iterable[BaseModel]) -> list[dict[str, Any]]:
    return [r.model_dump() for r in records]


# Loaded batches are kept this long (a run re-executed from the UI may read one again);
# a batch never loaded (its run failed) is kept a day, for a person to look into.
STAGING_GRACE_SECONDS = 3600


ABANDONED_BATCH_SECONDS = 86_400


LOADED_MARKER = "LOADED"


def mark_loaded(batch: Batch) -> None:
    (batch.dir / LOADED_MARKER).touch()


def is_loaded(batch: Batch) -> bool:
    return (batch.dir / LOADED_MARKER).exists()


def prune_staging(staging: Path, keep: str, grace_seconds: float = STAGING_GRACE_SECONDS) -> None:
    """Remove loaded batches older than the grace period, and abandoned ones (a failed run's)
    after a day; the batch just loaded, and any run still in flight, stay."""
    if not staging.is_dir():
        return
    now = time.time()
    for folder in staging.iterdir():
        if not folder.is_dir() or folder.name == keep:
            continue
        marker = folder / LOADED_MARKER
        age = now - (marker.stat().st_mtime if marker.exists() else newest_mtime(folder))
        if age > (grace_seconds if marker.exists() else ABANDONED_BATCH_SECONDS):
            shutil.rmtree(folder, ignore_errors=True)


def newest_mtime(folder: Path) -> float:
    return max((p.stat().st_mtime for p in folder.rglob("*")), default=folder.stat().st_mtime)
