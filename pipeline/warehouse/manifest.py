"""What the last load saw of each source file, kept beside the warehouse in Parquet so that
ingestion can plan a run without opening the database (and so without waiting on its lock).

The manifest is a copy of the warehouse's ``sources`` table, and only ever a true one: the
loader deletes it before it commits and writes it again after, so a run killed in between
leaves none rather than an outdated one. Without a manifest beside an existing warehouse,
``read_manifest`` rebuilds it from ``sources``. (An outdated manifest would plan against old
knowledge: a file loaded since and then deleted would keep its records.)
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import duckdb
import polars as pl

from pipeline.stages.ingest import ManifestEntry
from pipeline.warehouse.connection import connect

SOURCES_SQL = "SELECT source_path, size, mtime_ns, content_hash FROM sources"
MANIFEST_SCHEMA = {
    "source_path": pl.Utf8,
    "size": pl.Int64,
    "mtime_ns": pl.Int64,
    "content_hash": pl.Utf8,
}


def manifest_path(warehouse: Path) -> Path:
    return warehouse.with_name(warehouse.stem + ".manifest.parquet")


def read_manifest(warehouse: Path) -> dict[str, ManifestEntry]:
    """What the last load saw of each source file; empty when there is no warehouse yet."""
    if not warehouse.exists():
        return {}
    path = manifest_path(warehouse)
    frame = read_frame(path) if path.exists() else rebuild_manifest(warehouse)
    return {
        r["source_path"]: ManifestEntry(r["size"], r["mtime_ns"], r["content_hash"])
        for r in frame.iter_rows(named=True)
    }


def read_frame(path: Path) -> pl.DataFrame:
    return pl.read_parquet(path)


def rebuild_manifest(warehouse: Path) -> pl.DataFrame:
    """The manifest from the warehouse's ``sources`` table, written for the next runs.

    Done under a read-only session: no writer is then between its commit and its manifest,
    so a manifest that appeared meanwhile is a writer's finished one, and one missing still
    was lost by a run that died there.
    """
    path = manifest_path(warehouse)
    with connect(warehouse, read_only=True) as con:
        if path.exists():
            return read_frame(path)
        frame = sources_frame(con)
        write_frame(frame, path)
    return frame


def sources_frame(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    # fetchall: DuckDB refuses con.sql while an execute() result is not read to its end.
    tables = con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_name = 'sources'"
    ).fetchall()
    if not tables:  # a warehouse whose first load died before creating its tables
        return pl.DataFrame(schema=MANIFEST_SCHEMA)
    return con.sql(SOURCES_SQL).pl().cast(MANIFEST_SCHEMA)


def remove_manifest(warehouse: Path) -> None:
    """Called before a commit: from then until write_manifest, no manifest is better than an
    outdated one."""
    manifest_path(warehouse).unlink(missing_ok=True)


def write_manifest(con: duckdb.DuckDBPyConnection, warehouse: Path) -> None:
    """Written after each commit (atomically) so ingestion can read it without a DB lock."""
    write_frame(sources_frame(con), manifest_path(warehouse))


def write_frame(frame: pl.DataFrame, path: Path) -> None:
    # A name of its own: two sessions rebuilding at once must not write one temporary file.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    frame.write_parquet(tmp)
    tmp.replace(path)  # readers never see half a file
