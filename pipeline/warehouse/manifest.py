"""What the last load saw of each source file, kept beside the warehouse in Parquet so that
ingestion can plan a run without opening the database (and so without waiting on its lock)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl

from pipeline.stages.ingest import ManifestEntry


def manifest_path(warehouse: Path) -> Path:
    return warehouse.with_name(warehouse.stem + ".manifest.parquet")



def read_manifest(warehouse: Path) -> dict[str, ManifestEntry]:
    """What the last load saw of each source file; empty when there is no warehouse yet."""
    path = manifest_path(warehouse)
    if not warehouse.exists() or not path.exists():
        return {}
    frame = pl.read_parquet(path)
    return {
        r["source_path"]: ManifestEntry(r["size"], r["mtime_ns"], r["content_hash"])
        for r in frame.iter_rows(named=True)
    }



def write_manifest(con: duckdb.DuckDBPyConnection, warehouse: Path) -> None:
    """Written after each commit (atomically) so ingestion can read it without a DB lock."""
    path = manifest_path(warehouse)
    tmp = path.with_suffix(".tmp")
    frame = con.sql("SELECT source_path, size, mtime_ns, content_hash FROM sources").pl()
    frame.write_parquet(tmp)
    tmp.replace(path)
