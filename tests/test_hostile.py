"""Hostile files beside good ones, through a real `newsfacts run` (bench/hostile_inputs.py)."""

from pathlib import Path

import pytest
from hostile_inputs import outcomes, run, write_corpus


@pytest.mark.slow
def test_every_good_file_loads_every_hostile_one_is_rejected_nothing_leaks(tmp_path: Path):
    raw, warehouse = tmp_path / "raw", tmp_path / "wh" / "news.duckdb"
    good, bad = write_corpus(raw, tmp_path / "outside")
    assert len(bad) >= 25
    _, done = run(raw, warehouse)
    assert done.returncode == 0, done.stderr[-3000:]
    rejects, loaded, leaked = outcomes(warehouse)
    assert not leaked
    assert good <= loaded
    assert bad <= set(rejects)
    assert not bad & loaded
    assert "outside the raw directory" in rejects["link-etc.txt"][0]
    assert "/etc/passwd" in rejects["link-etc.txt"][0]
