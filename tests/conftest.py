"""Shared fixtures: the sample corpus, the gold annotations and the benchmark folder."""

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "raw"
SHARED = ROOT.parent / "shared"
GOLD_DIR = SHARED / "gold"
BENCH_DIR = SHARED / "bench"

# The gold-seed loader lives with the benchmarks, which use it too.
sys.path.insert(0, str(ROOT / "bench"))
from gold_seeds import gold_articles  # noqa: E402

__all__ = ["BENCH_DIR", "GOLD_DIR", "RAW", "ROOT", "SHARED", "gold_articles", "requires_shared"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A daemon test (the real webserver and daemon) is a slow test too."""
    for item in items:
        if item.get_closest_marker("daemon"):
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def sample_raw(tmp_path: Path) -> Path:
    """A private copy of the sample corpus, safe to add to and change."""
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    return raw


def requires_shared(path: Path) -> pytest.MarkDecorator:
    return pytest.mark.skipif(not path.exists(), reason=f"{path} is not available")
