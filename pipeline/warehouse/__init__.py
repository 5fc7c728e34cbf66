"""Staged Parquet batches (``staging``) and the DuckDB warehouse they are loaded into."""
