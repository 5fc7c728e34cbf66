"""Where newsfacts reads and writes: the raw directory and the warehouse file.

Both come from the environment (``NEWSFACTS_RAW_DIR``, ``NEWSFACTS_WAREHOUSE``); unset, they
default to ``raw/`` and ``warehouse/news.duckdb`` under the working directory.
"""

import os
from pathlib import Path

import dagster as dg

RAW_DIR_ENV = "NEWSFACTS_RAW_DIR"
WAREHOUSE_ENV = "NEWSFACTS_WAREHOUSE"
DEFAULT_RAW_DIR = "raw"
DEFAULT_WAREHOUSE = "warehouse/news.duckdb"


def raw_dir_from_env() -> str:
    return os.environ.get(RAW_DIR_ENV) or DEFAULT_RAW_DIR


def warehouse_from_env() -> str:
    return os.environ.get(WAREHOUSE_ENV) or DEFAULT_WAREHOUSE


class NewsfactsPaths(dg.ConfigurableResource):
    """The raw directory, the warehouse file, and the staging folder beside the warehouse."""

    raw_dir: str = DEFAULT_RAW_DIR
    warehouse: str = DEFAULT_WAREHOUSE

    @classmethod
    def from_env(cls) -> "NewsfactsPaths":
        return cls(raw_dir=raw_dir_from_env(), warehouse=warehouse_from_env())

    def raw_path(self) -> Path:
        return Path(self.raw_dir).expanduser().resolve()

    def warehouse_path(self) -> Path:
        return Path(self.warehouse).expanduser().resolve()

    def staging_path(self) -> Path:
        return self.warehouse_path().parent / "staging"
