"""newsfacts: raw news pages to an analytical DuckDB warehouse."""

from pipeline.native import prefer_fresh_sources

prefer_fresh_sources()
