"""newsfacts: raw news pages to an analytical DuckDB warehouse.

- ``pipeline.stages``: the processing, plain Python over text and records (no Dagster).
- ``pipeline.warehouse``: staged Parquet batches and the DuckDB load.
- ``pipeline.defs``: the Dagster assets, checks, sensor, schedule and resources;
  ``pipeline.definitions`` is the entry point that gathers them.
- ``pipeline.cli``: the ``newsfacts`` command.
"""
