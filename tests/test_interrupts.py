"""Stopping newsfacts run: Ctrl-C and SIGTERM end it in seconds with nothing half-loaded, and
after SIGKILL at any moment the next run brings the warehouse to where one run would have.

The end-to-end tests start real `newsfacts run` processes (bench/kill_runs.py holds the
helpers; `python bench/kill_runs.py` is the long version with many kill points).
"""

import os
import random
import shutil
import signal
import subprocess
import time
from pathlib import Path

import dagster as dg
import duckdb
import pytest
from kill_runs import (
    LOAD_DELAY_SPAN,
    PHASES,
    Scenario,
    copy_start,
    kill_trial,
    phase_at_kill,
    prepare,
    run,
)

from pipeline import cli
from pipeline.definitions import build_definitions
from pipeline.defs.automation import JOB_NAME
from pipeline.defs.resources import NewsfactsPaths
from pipeline.warehouse import load, manifest
from pipeline.warehouse.compare import differences, table_digests
from pipeline.warehouse.signals import signals_deferred

# Enough distinct pages that a run takes 20 s or more on a 2-core machine: the signal lands
# while a stage is busy, not between runs.
INTERRUPT_PAGES = 1000
KILL_PAGES = 100
KILLS = 4
EXIT_SECONDS = 5.0
NOTHING_LOADED = "nothing of this batch was loaded; run again to finish"
POLL_SECONDS = 0.05


@pytest.fixture(scope="module")
def long_run(tmp_path_factory: pytest.TempPathFactory) -> Scenario:
    """A warehouse holding part of a big corpus, the rest to load, and one run's result."""
    (scenario,) = prepare(tmp_path_factory.mktemp("long"), INTERRUPT_PAGES, 0, empty_start=False)
    return scenario


def wait_for_phase(proc: subprocess.Popen, db: Path, phase: str, timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while PHASES.index(phase_at_kill(db, had_manifest=True)) < PHASES.index(phase):
        assert proc.poll() is None, f"the run ended before {phase}"
        assert time.monotonic() < deadline, f"no {phase} after {timeout} s"
        time.sleep(POLL_SECONDS)


def stop(proc: subprocess.Popen, signum: int) -> float:
    """Send the signal; how long the run took to exit."""
    start = time.monotonic()
    proc.send_signal(signum)
    proc.wait(timeout=60)
    return time.monotonic() - start


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_stops_a_run_with_nothing_loaded_and_a_rerun_finishes(
    long_run: Scenario, tmp_path: Path, signum: int
) -> None:
    db = copy_start(long_run, tmp_path / "w")
    log = tmp_path / "run.log"
    proc = run(long_run.raw, db, log)
    wait_for_phase(proc, db, "cleaning")
    seconds = stop(proc, signum)
    output = log.read_text()
    assert seconds < EXIT_SECONDS, output[-3000:]
    assert proc.returncode == cli.SIGNAL_EXIT_BASE + signum, output[-3000:]
    assert f"interrupted ({signal.Signals(signum).name}): {NOTHING_LOADED}" in output
    assert "Traceback" not in output
    assert table_digests(db) == long_run.before

    rerun = run(long_run.raw, db, tmp_path / "rerun.log")
    assert rerun.wait() == 0, (tmp_path / "rerun.log").read_text()[-3000:]
    assert differences(long_run.reference, table_digests(db)) == []


@pytest.fixture(scope="module")
def short_runs(tmp_path_factory: pytest.TempPathFactory) -> list[Scenario]:
    """A small corpus from an empty warehouse and from a partly loaded one, with references."""
    return prepare(tmp_path_factory.mktemp("short"), KILL_PAGES, 0)


@pytest.mark.slow
@pytest.mark.parametrize(
    "after_validation",
    [0.0, 0.2, 0.4],
)
def test_ctrl_c_at_the_load_says_truly_whether_the_batch_went_in(
    short_runs: list[Scenario], tmp_path: Path, after_validation: float
) -> None:
    scenario = short_runs[1]
    db = copy_start(scenario, tmp_path / "w")
    log = tmp_path / "run.log"
    proc = run(scenario.raw, db, log)
    wait_for_phase(proc, db, "validating")
    time.sleep(after_validation)
    if proc.poll() is not None:
        pytest.skip("the run ended before the signal")
    seconds = stop(proc, signal.SIGINT)
    output = log.read_text()
    assert seconds < EXIT_SECONDS
    assert proc.returncode == 130, output[-3000:]
    loaded = "after this run's batch was loaded" in output
    assert loaded or NOTHING_LOADED in output, output[-3000:]
    assert table_digests(db) == (scenario.reference if loaded else scenario.before)


@pytest.mark.slow
def test_runs_killed_at_random_moments_recover_to_one_runs_tables(
    short_runs: list[Scenario], tmp_path: Path
) -> None:
    rng = random.Random(0)
    for i in range(KILLS):
        scenario = short_runs[i % len(short_runs)]
        near_load = i >= KILLS // 2
        span = LOAD_DELAY_SPAN * scenario.load_seconds() if near_load else 1.1 * scenario.seconds
        trial = kill_trial(scenario, tmp_path / f"trial-{i}", rng.uniform(0, span), near_load)
        assert trial.at_kill in ("before", "after"), trial
        assert trial.recovered, trial


# ---------------------------------------------------------------------------- recovery


def run_job(raw: Path, db: Path) -> bool:
    job = build_definitions(NewsfactsPaths(raw_dir=str(raw), warehouse=str(db))).resolve_job_def(
        JOB_NAME
    )
    with dg.DagsterInstance.ephemeral() as instance:
        return job.execute_in_process(instance=instance, raise_on_error=False).success


class Killed(Exception):
    """Stands for the process dying where it is raised."""


@pytest.mark.slow
def test_a_run_dead_between_commit_and_manifest_is_completed_by_the_next(
    sample_raw: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a kill between the DuckDB commit and the manifest write leaves, made on purpose.

    Then the raw directory changes in the two ways an outdated manifest would get wrong: a file
    loaded by the dead run is deleted, and a file it deleted comes back unchanged (moved out and
    back, same size and mtime).
    """
    files = sorted(sample_raw.glob("*.txt"))
    moved, seed = files[0], files[1]
    aside = tmp_path / "aside"
    aside.mkdir()
    outcome = {}
    for name in ("reference", "recovered"):
        db = tmp_path / name / "news.duckdb"
        assert run_job(sample_raw, db)
        added = sample_raw / "added.txt"
        added.write_text(seed.read_text() + "\nA new paragraph for a new version.\n")
        shutil.move(moved, aside / moved.name)
        if name == "recovered":

            def die(*_args: object) -> None:
                raise Killed

            with monkeypatch.context() as patched:
                patched.setattr(load, "write_manifest", die)
                assert not run_job(sample_raw, db)
            assert not manifest.manifest_path(db).exists()
        else:
            assert run_job(sample_raw, db)
        added.unlink()
        shutil.move(aside / moved.name, moved)  # keeps its size and mtime
        assert run_job(sample_raw, db)
        outcome[name] = table_digests(db)
    assert differences(outcome["reference"], outcome["recovered"]) == []
    with duckdb.connect(str(tmp_path / "recovered" / "news.duckdb"), read_only=True) as con:
        paths = {p for (p,) in con.execute("SELECT source_path FROM articles").fetchall()}
    assert "added.txt" not in paths and moved.name in paths


def test_a_missing_manifest_is_rebuilt_from_the_warehouse(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    with duckdb.connect(str(db)) as con:
        load.apply_schema(con)
        con.execute("INSERT INTO sources VALUES ('a.txt', 3, 7, 'h', now())")
    assert not manifest.manifest_path(db).exists()
    expected = {"a.txt": manifest.ManifestEntry(3, 7, "h")}
    assert manifest.read_manifest(db) == expected
    assert manifest.manifest_path(db).exists()  # written for the next runs
    assert manifest.read_manifest(db) == expected


def test_a_warehouse_without_tables_has_an_empty_manifest(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    duckdb.connect(str(db)).close()
    assert manifest.read_manifest(db) == {}


def test_stop_signals_wait_for_the_end_of_a_deferred_block() -> None:
    received: list[int] = []
    previous = signal.signal(signal.SIGTERM, lambda signum, _frame: received.append(signum))
    try:
        with signals_deferred():
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(0.05)
            assert received == []
        assert received == [signal.SIGTERM]
    finally:
        signal.signal(signal.SIGTERM, previous)


def test_the_watch_tells_which_signal_came_and_sigterm_interrupts() -> None:
    before = signal.getsignal(signal.SIGTERM)
    with cli.SignalWatch() as watch, pytest.raises(KeyboardInterrupt):
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(1)
    assert watch.arrived() == signal.SIGTERM
    assert signal.getsignal(signal.SIGTERM) == before


def test_a_warehouse_of_empty_tables_is_the_same_state_as_none(tmp_path: Path) -> None:
    """A first load killed in its transaction leaves the schema it made before it: no rows."""
    empty = tmp_path / "empty.duckdb"
    with duckdb.connect(str(empty)) as con:
        load.apply_schema(con)
    assert table_digests(empty) == table_digests(tmp_path / "absent.duckdb")


def test_differences_name_the_table_and_the_columns_that_differ(tmp_path: Path) -> None:
    def warehouse(name: str, story: str) -> Path:
        path = tmp_path / f"{name}.duckdb"
        with duckdb.connect(str(path)) as con:
            load.apply_schema(con)
            con.execute(
                "INSERT INTO articles (article_id, source_path, source_id, kind, content_hash, "
                "body, story_id, ingested_at) VALUES ('a', 'a.txt', 'a', 'txt', '', 'x', ?, now())",
                [story],
            )
        return path

    same, other = warehouse("one", "s1"), warehouse("two", "s2")
    assert differences(table_digests(same), table_digests(warehouse("three", "s1"))) == []
    assert differences(table_digests(same), table_digests(other)) == [
        "articles: 1 rows vs 1 (story_id)"
    ]
