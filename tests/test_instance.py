"""The Dagster instance newsfacts runs in: telemetry off and the writer's pool at 1, always."""

import subprocess
import sys
import uuid
from pathlib import Path

import dagster as dg
import pytest
import yaml
from conftest import ROOT
from newsfacts_runs import run_to_end

from pipeline import cli
from pipeline.defs.assets import WRITER_POOL
from pipeline.defs.automation import JOB_NAME
from pipeline.defs.instance import (
    INSTANCE_FILE,
    INSTANCE_YAML,
    PID_TAG,
    InstanceMisconfigured,
    cli_run_tags,
    ensure_instance,
    settings_problems,
)

TELEMETRY_ON = "telemetry:\n  enabled: true\n"
STARTED = dg.DagsterRunStatus.STARTED


def test_the_repository_dagster_yaml_holds_the_settings_written_to_a_new_home() -> None:
    assert yaml.safe_load((ROOT / "dagster.yaml").read_text()) == yaml.safe_load(INSTANCE_YAML)


@pytest.mark.slow  # each makes a Dagster instance (SQLite storage): 1-2 s
def test_an_empty_home_gets_the_project_settings(tmp_path: Path) -> None:
    report = ensure_instance(tmp_path)
    assert report.wrote_settings
    assert (tmp_path / INSTANCE_FILE).read_text() == INSTANCE_YAML
    with dg.DagsterInstance.from_config(str(tmp_path)) as instance:
        assert not instance.telemetry_enabled
        assert instance.event_log_storage.get_pool_config().default_pool_limit == 1
        assert settings_problems(instance) == []


@pytest.mark.slow  # each makes a Dagster instance (SQLite storage): 1-2 s
def test_a_missing_home_folder_is_made(tmp_path: Path) -> None:
    home = tmp_path / "not" / "yet"
    assert ensure_instance(home).wrote_settings
    assert (home / INSTANCE_FILE).exists()


@pytest.mark.slow  # each makes a Dagster instance (SQLite storage): 1-2 s
def test_an_agreeing_file_is_left_alone(tmp_path: Path) -> None:
    # Other settings of the user's own stay; only the two that matter are checked.
    text = "# mine\n" + INSTANCE_YAML.replace("max_concurrent_runs: 4", "max_concurrent_runs: 9")
    (tmp_path / INSTANCE_FILE).write_text(text)
    assert not ensure_instance(tmp_path).wrote_settings
    assert (tmp_path / INSTANCE_FILE).read_text() == text


@pytest.mark.slow  # each makes a Dagster instance (SQLite storage): 1-2 s
def test_an_explicit_pool_limit_of_one_is_enough(tmp_path: Path) -> None:
    (tmp_path / INSTANCE_FILE).write_text("telemetry:\n  enabled: false\n")
    with dg.DagsterInstance.from_config(str(tmp_path)) as instance:
        instance.event_log_storage.set_concurrency_slots(WRITER_POOL, 1)
    ensure_instance(tmp_path)


@pytest.mark.slow  # each makes a Dagster instance (SQLite storage): 1-2 s
@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        (TELEMETRY_ON, ["telemetry is on", "enabled: false", "has no limit", "default_limit: 1"]),
        ("", ["telemetry is on", "has no limit"]),  # Dagster's defaults: both wrong
        (
            "telemetry:\n  enabled: false\nconcurrency:\n  pools:\n    default_limit: 3\n",
            ["a default limit of 3", f"dagster instance concurrency set {WRITER_POOL} 1"],
        ),
        (
            INSTANCE_YAML.replace("default_limit: 1", "default_limit: 1\n    granularity: run"),
            ["granularity: run"],
        ),
    ],
)
def test_a_conflicting_file_is_refused_with_the_fix(
    tmp_path: Path, settings: str, expected: list[str]
) -> None:
    (tmp_path / INSTANCE_FILE).write_text(settings)
    with pytest.raises(InstanceMisconfigured) as refused:
        ensure_instance(tmp_path)
    message = str(refused.value)
    for fix in expected:
        assert fix in message
    assert (tmp_path / INSTANCE_FILE).read_text() == settings  # never rewritten behind one's back


@pytest.mark.slow  # each makes a Dagster instance (SQLite storage): 1-2 s
def test_a_pool_limit_set_in_the_instance_is_checked_too(tmp_path: Path) -> None:
    ensure_instance(tmp_path)
    with dg.DagsterInstance.from_config(str(tmp_path)) as instance:
        instance.event_log_storage.set_concurrency_slots(WRITER_POOL, 4)
    with pytest.raises(InstanceMisconfigured, match="limited to 4"):
        ensure_instance(tmp_path)


def test_instance_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    assert cli.main(["instance"]) == 1
    assert "export DAGSTER_HOME" in capsys.readouterr().err
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    assert cli.main(["instance"]) == 0
    assert "wrote the project's settings" in capsys.readouterr().err
    assert cli.main(["instance"]) == 0
    assert "settings agree" in capsys.readouterr().err
    (tmp_path / "home" / INSTANCE_FILE).write_text(TELEMETRY_ON)
    assert cli.main(["instance"]) == cli.EXIT_INSTANCE_REFUSED
    assert "telemetry is on" in capsys.readouterr().err


@pytest.mark.slow
def test_run_refuses_a_conflicting_instance_and_sets_up_an_empty_one(
    sample_raw: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / INSTANCE_FILE).write_text(TELEMETRY_ON)

    def run() -> subprocess.CompletedProcess:
        return run_to_end(sample_raw, tmp_path / "w" / "news.duckdb", dagster_home=home)

    refused = run()
    assert refused.returncode == cli.EXIT_INSTANCE_REFUSED, refused.stderr[-3000:]
    assert "telemetry is on" in refused.stderr
    assert not (tmp_path / "w" / "news.duckdb").exists()

    (home / INSTANCE_FILE).unlink()
    ran = run()
    assert ran.returncode == 0, ran.stderr[-3000:]
    assert (home / INSTANCE_FILE).read_text() == INSTANCE_YAML
    with dg.DagsterInstance.from_config(str(home)) as instance:
        records = instance.get_run_records()
        assert [r.dagster_run.status for r in records] == [dg.DagsterRunStatus.SUCCESS]


def dead_pid() -> int:
    """The pid of a process that has ended."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


@pytest.mark.slow
def test_a_killed_cli_run_is_marked_failed_and_its_writer_slot_freed(
    sample_raw: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What SIGKILL during the load leaves in DAGSTER_HOME: a run still STARTED, holding the
    one 'duckdb_writer' slot. The next `newsfacts run` must not wait for it forever."""
    home = tmp_path / "home"
    ensure_instance(home)
    killed = {**cli_run_tags(), PID_TAG: str(dead_pid())}
    alive = cli_run_tags()  # this very process: still running, left alone
    with dg.DagsterInstance.from_config(str(home)) as instance:
        for tags in (killed, alive):
            run = dg.DagsterRun(
                job_name=JOB_NAME, run_id=str(uuid.uuid4()), status=STARTED, tags=tags
            )
            instance.add_run(run)
            tags["run_id"] = run.run_id
        storage = instance.event_log_storage
        storage.initialize_concurrency_limit_to_default(WRITER_POOL)
        assert storage.claim_concurrency_slot(
            WRITER_POOL, killed["run_id"], "warehouse_tables"
        ).is_claimed

    monkeypatch.setenv("DAGSTER_HOME", str(home))
    warehouse = str(tmp_path / "w" / "news.duckdb")
    assert cli.main(["run", "--raw-dir", str(sample_raw), "--warehouse", warehouse]) == 0

    with dg.DagsterInstance.from_config(str(home)) as instance:
        status = {r.dagster_run.run_id: r.dagster_run.status for r in instance.get_run_records()}
        assert status[killed["run_id"]] == dg.DagsterRunStatus.FAILURE
        assert status[alive["run_id"]] == STARTED
        assert instance.event_log_storage.get_concurrency_info(WRITER_POOL).claimed_slots == []
