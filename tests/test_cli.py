"""The newsfacts command: extract, run, sql, and runs at once with a reader in the way."""

import io
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest
from concurrent_runs import Reader, concurrent, corpus_with_a_loaded_base, from_base, single_run
from conftest import RAW
from rich.console import Console

from pipeline import cli
from pipeline.warehouse.compare import differences, table_digests

SEED = sorted(RAW.glob("*.txt"))[0]
CONCURRENT_RUNS = 4
CONCURRENT_PAGES = 60


def newsfacts(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pipeline.cli", *args],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, **(env or {})},
    )


def test_extract_prints_records_as_json_lines(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1}\n', encoding="utf-8")
    assert cli.main(["extract", str(SEED), str(bad)]) == 1  # one input had an error
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    page, broken = lines
    assert page["source_id"] == SEED.stem
    assert page["article"]["article_id"]
    assert page["actor_mentions"] and page["dropped_lines"]
    line_texts = SEED.read_text(encoding="utf-8").split("\n")
    for mention in page["actor_mentions"]:
        line = line_texts[mention["line_no"] - 1]
        assert line[mention["start"] : mention["end"]] == mention["text"]
    assert broken == {
        "source_path": "bad.jsonl",
        "errors": ["line 1: missing required field(s): text"],
    }


def test_extract_reports_a_missing_file(capsys) -> None:
    assert cli.main(["extract", "no/such/file.txt"]) == 1


@pytest.mark.slow
def test_run_then_sql_through_environment_variables(sample_raw: Path, tmp_path: Path) -> None:
    env = {
        "NEWSFACTS_RAW_DIR": str(sample_raw),
        "NEWSFACTS_WAREHOUSE": str(tmp_path / "w" / "news.duckdb"),
    }
    run = newsfacts("run", env=env)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "succeeded" in run.stdout
    assert "articles" in run.stdout
    query = newsfacts("sql", "SELECT count(*) AS n FROM articles", "--format", "csv", env=env)
    assert query.returncode == 0, query.stderr
    assert query.stdout.splitlines() == ["n", "5"]
    broken = newsfacts("sql", "SELECT nope FROM articles", env=env)
    assert broken.returncode == 1
    assert "nope" in broken.stderr


@pytest.mark.slow
def test_sql_without_a_warehouse_says_what_to_do(tmp_path: Path) -> None:
    out = newsfacts("sql", "SELECT 1", "--warehouse", str(tmp_path / "none.duckdb"))
    assert out.returncode == 1
    assert "newsfacts run" in out.stderr


@pytest.mark.slow
def test_two_runs_at_once_with_an_open_reader(sample_raw: Path, tmp_path: Path) -> None:
    """Two runs start together while an analyst holds a read-only session: one waits for the
    reader to close before it loads, the other waits for that run, then has nothing to do."""
    db = tmp_path / "w" / "news.duckdb"
    env = {"NEWSFACTS_RAW_DIR": str(sample_raw), "NEWSFACTS_WAREHOUSE": str(db)}
    assert newsfacts("run", env=env).returncode == 0
    for i, seed in enumerate(sorted(sample_raw.glob("*.txt"))[:2]):
        (sample_raw / f"variant-{i}.txt").write_text(
            seed.read_text(encoding="utf-8")
            + f"\nVariant {i}: one added paragraph of body text.\n",
            encoding="utf-8",
        )

    staging = db.parent / "staging"

    def validated_batches() -> int:
        return sum(1 for d in staging.glob("*/valid") if d.is_dir())

    already_loaded = validated_batches()  # the first run's batch
    reader_released = threading.Event()

    def hold_reader() -> None:
        # Hold a read-only session until a run is ready to load, so that it must wait.
        with duckdb.connect(str(db), read_only=True) as con:
            con.execute("SELECT count(*) FROM articles").fetchone()
            deadline = time.monotonic() + 300
            while validated_batches() < already_loaded + 1 and time.monotonic() < deadline:
                time.sleep(0.2)
            time.sleep(2)
        reader_released.set()

    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "pipeline.cli", "run"],
            env={**os.environ, **env},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    reader = threading.Thread(target=hold_reader)
    reader.start()
    results = [p.communicate(timeout=600) for p in procs]
    reader.join()
    assert reader_released.is_set()
    for proc, (_, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err[-3000:]
    errors = [err for _, err in results]
    assert sum("locked by another process" in err for err in errors) == 1
    assert sum("another newsfacts run" in err for err in errors) == 1
    assert validated_batches() == already_loaded + 1  # the second run found nothing left
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 7
        assert (
            con.execute(
                "SELECT count(*) FROM "
                "(SELECT article_id FROM articles GROUP BY 1 HAVING count(*) > 1)"
            ).fetchone()[0]
            == 0
        )


@pytest.mark.slow
def test_runs_started_together_with_a_reader_end_like_one_run(tmp_path: Path) -> None:
    """The small version of bench/concurrent_runs.py: every run succeeds, tables as one run's."""
    raw = corpus_with_a_loaded_base(tmp_path, CONCURRENT_PAGES, base_share=0.3)
    from_base(tmp_path, "reference")
    _, reference = single_run(raw, tmp_path)
    reader = Reader(from_base(tmp_path, "shared"), every=1.0, hold=0.5)
    outcomes = concurrent(raw, tmp_path, CONCURRENT_RUNS, reader, dagster_home=None)
    for outcome in outcomes:
        assert outcome.returncode == 0, outcome.tail[-3000:]
    assert sum(o.waited for o in outcomes) >= CONCURRENT_RUNS - 1
    assert reader.errors == [] and reader.sessions > 0
    assert differences(reference, table_digests(reader.db)) == []


@pytest.mark.parametrize(
    ("width", "expected_lines"),
    [
        (80, ["┃ outlet ┃ title     ┃", "│ Ahram  │ PM speaks │"]),  # room for a table
        (20, ["row 1", "outlet Ahram", "title  PM speaks"]),  # too narrow: one record per row
    ],
)
def test_sql_rows_as_a_table_or_as_records(width: int, expected_lines: list[str]) -> None:
    out = Console(width=width, record=True, file=io.StringIO())
    cli.print_rows(out, ["outlet", "title"], [["Ahram", "PM speaks"]])
    lines = [line.strip(" ─") for line in out.export_text().splitlines()]
    for expected in expected_lines:
        assert any(expected in line for line in lines), (expected, lines)


@pytest.mark.parametrize("width", [80, 20])
def test_sql_values_are_shown_as_written_not_as_markup(width: int) -> None:
    out = Console(width=width, record=True, file=io.StringIO())
    cli.print_rows(out, ["[b]"], [["a [photo] b"], ["x [/] y"]])
    text = out.export_text()
    assert "[b]" in text and "a [photo] b" in text and "x [/] y" in text
