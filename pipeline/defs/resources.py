"""Where newsfacts reads and writes: the raw directory and the warehouse file.

Both come from the environment (``NEWSFACTS_RAW_DIR``, ``NEWSFACTS_WAREHOUSE``); unset, they
default to ``raw/`` and ``warehouse/news.duckdb`` under the working directory.
"""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Self

import dagster as dg

from pipeline.warehouse.run_lock import run_lock

RAW_DIR_ENV = "NEWSFACTS_RAW_DIR"
WAREHOUSE_ENV = "NEWSFACTS_WAREHOUSE"
DEFAULT_RAW_DIR = "raw"
DEFAULT_WAREHOUSE = "warehouse/news.duckdb"


def raw_dir_from_env() -> str:
    return os.environ.get(RAW_DIR_ENV) or DEFAULT_RAW_DIR


def warehouse_from_env() -> str:
    return os.environ.get(WAREHOUSE_ENV) or DEFAULT_WAREHOUSE


def resolved(path: str) -> Path:
    return Path(path).expanduser().resolve()


class NewsfactsPaths(dg.ConfigurableResource):
    """The raw directory, the warehouse file, and the staging folder beside the warehouse."""

    raw_dir: str = DEFAULT_RAW_DIR
    warehouse: str = DEFAULT_WAREHOUSE

    @classmethod
    def from_env(cls) -> "NewsfactsPaths":
        return cls(raw_dir=raw_dir_from_env(), warehouse=warehouse_from_env())

    def raw_path(self) -> Path:
        return resolved(self.raw_dir)

    def warehouse_path(self) -> Path:
        return resolved(self.warehouse)

    def staging_path(self) -> Path:
        return self.warehouse_path().parent / "staging"


class WarehouseRunLock(dg.ConfigurableResource):
    """Held from a run's start to its end: one run at a time per warehouse (see run_lock.py).

    A resource, so Dagster takes it when the run starts and lets it go when the run ends, and
    only the steps of a run (never the sensor) take it. It names the warehouse itself rather
    than nesting NewsfactsPaths: Dagster's nested resources use an API it deprecates.
    """

    warehouse: str = DEFAULT_WAREHOUSE

    @contextmanager
    def yield_for_execution(self, context: dg.InitResourceContext) -> Iterator[Self]:
        on_wait = context.log.warning if context.log else None
        with run_lock(resolved(self.warehouse), on_wait=on_wait):
            yield self
