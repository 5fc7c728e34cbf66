"""Where newsfacts reads and writes: the raw directory and the warehouse file.

Both come from the environment (``NEWSFACTS_RAW_DIR``, ``NEWSFACTS_WAREHOUSE``); unset, they
default to ``raw/`` and ``warehouse/news.duckdb`` under the working directory.
``NEWSFACTS_WORKERS`` caps the processes a large batch is spread over (default: every core).
"""

import os
from pathlib import Path

import dagster as dg
from pydantic import Field

RAW_DIR_ENV = "NEWSFACTS_RAW_DIR"
WAREHOUSE_ENV = "NEWSFACTS_WAREHOUSE"
DEFAULT_RAW_DIR = "raw"
WORKERS_ENV = "NEWSFACTS_WORKERS"
DEFAULT_WAREHOUSE = "warehouse/news.duckdb"


def raw_dir_from_env() -> str:
    return os.environ.get(RAW_DIR_ENV) or DEFAULT_RAW_DIR


def warehouse_from_env() -> str:
    return os.environ.get(WAREHOUSE_ENV) or DEFAULT_WAREHOUSE


def workers_from_env() -> int:
    value = os.environ.get(WORKERS_ENV, "").strip()
    if not value:
        return 0
    if not value.isdigit():
        raise ValueError(f"{WORKERS_ENV} must be a whole number of processes, not {value!r}")
    return int(value)


class NewsfactsPaths(dg.ConfigurableResource):
    """The raw directory, the warehouse file, the staging folder beside it, and the workers."""

    raw_dir: str = DEFAULT_RAW_DIR
    warehouse: str = DEFAULT_WAREHOUSE
    workers: int = Field(
        default=0,
        ge=0,
        description="Processes a batch of several parts is spread over; 0 means every core.",
    )

    @classmethod
    def from_env(cls) -> "NewsfactsPaths":
        return cls(
            raw_dir=raw_dir_from_env(), warehouse=warehouse_from_env(), workers=workers_from_env()
        )

    def raw_path(self) -> Path:
        return Path(self.raw_dir).expanduser().resolve()

    def warehouse_path(self) -> Path:
        return Path(self.warehouse).expanduser().resolve()

    def staging_path(self) -> Path:
        return self.warehouse_path().parent / "staging"
