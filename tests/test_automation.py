"""The sensor, the schedule, the definitions, and the real webserver and daemon."""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import nullcontext
from pathlib import Path

import dagster as dg
import duckdb
import pytest
from conftest import ROOT

from pipeline.definitions import build_definitions, defs
from pipeline.defs import automation
from pipeline.defs.automation import JOB_NAME, daily_reingest, raw_dir_sensor
from pipeline.defs.resources import NewsfactsPaths

DAEMON_TIMEOUT_SECONDS = 300
STOP_TIMEOUT_SECONDS = 60
FAILURE = dg.DagsterRunStatus.FAILURE
SUCCESS = dg.DagsterRunStatus.SUCCESS
GRAPHQL_QUERY = """
{ repositoriesOrError { ... on RepositoryConnection { nodes {
    sensors { name sensorState { status } }
    schedules { name scheduleState { status } }
    assetNodes { assetKey { path } }
} } } }
"""


def evaluate_sensor(
    raw: Path, cursor: str | None, instance: dg.DagsterInstance | None = None
) -> dg.SensorResult | dg.SkipReason:
    with dg.instance_for_test() if instance is None else nullcontext(instance) as active:
        context = dg.build_sensor_context(
            instance=active,
            cursor=cursor,
            resources={"paths": NewsfactsPaths(raw_dir=str(raw), warehouse="x.duckdb")},
        )
        return raw_dir_sensor(context)


def run_requested(
    request: dg.RunRequest, raw: Path, db: Path, instance: dg.DagsterInstance
) -> dg.DagsterRunStatus:
    """Runs the job as the daemon would for this request, with the request's tags."""
    job = build_definitions(NewsfactsPaths(raw_dir=str(raw), warehouse=str(db))).resolve_job_def(
        JOB_NAME
    )
    result = job.execute_in_process(instance=instance, tags=request.tags, raise_on_error=False)
    return instance.get_run_by_id(result.run_id).status


@pytest.mark.slow
def test_sensor_requests_a_run_only_when_the_raw_directory_changes(sample_raw: Path) -> None:
    first = evaluate_sensor(sample_raw, None)
    assert isinstance(first, dg.SensorResult)
    assert len(first.run_requests) == 1
    assert isinstance(evaluate_sensor(sample_raw, first.cursor), dg.SkipReason)

    (sample_raw / "new.txt").write_text("A new article.\n", encoding="utf-8")
    second = evaluate_sensor(sample_raw, first.cursor)
    assert isinstance(second, dg.SensorResult)
    assert second.cursor != first.cursor

    # Back to an earlier listing: still a change to load, so still a run.
    (sample_raw / "new.txt").unlink()
    third = evaluate_sensor(sample_raw, second.cursor)
    assert isinstance(third, dg.SensorResult)
    assert third.cursor == first.cursor
    assert third.run_requests[0].run_key is None


def first_request(raw: Path, instance: dg.DagsterInstance) -> tuple[str, dg.RunRequest]:
    """The cursor and the run the sensor requests on its first look at ``raw``."""
    first = evaluate_sensor(raw, None, instance)
    assert isinstance(first, dg.SensorResult)
    assert first.cursor is not None
    return first.cursor, first.run_requests[0]


@pytest.fixture
def no_retry_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(automation, "RETRY_DELAY_SECONDS", 0)


@pytest.fixture
def broken_db(tmp_path: Path) -> Path:
    """A warehouse path no run can write: its folder is a file, so the run fails."""
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the warehouse directory should be", encoding="utf-8")
    return blocker / "news.duckdb"


@pytest.mark.slow
def test_sensor_retries_a_failed_run_a_few_times_then_waits_for_the_schedule(
    sample_raw: Path, tmp_path: Path, broken_db: Path, no_retry_delay: None
) -> None:
    with dg.instance_for_test() as instance:
        cursor, request = first_request(sample_raw, instance)
        assert run_requested(request, sample_raw, broken_db, instance) == FAILURE
        for attempt in range(2, automation.MAX_ATTEMPTS_PER_LISTING + 1):
            retry = evaluate_sensor(sample_raw, cursor, instance)
            assert isinstance(retry, dg.SensorResult), retry
            request = retry.run_requests[0]
            assert request.tags["newsfacts/attempt"] == str(attempt)
            assert run_requested(request, sample_raw, broken_db, instance) == FAILURE
        gave_up = evaluate_sensor(sample_raw, cursor, instance)
        assert isinstance(gave_up, dg.SkipReason)
        assert "daily schedule" in (gave_up.skip_message or "")

        # Once a run of the listing succeeds, there is nothing to retry.
        healed = tmp_path / "warehouse" / "news.duckdb"
        assert run_requested(request, sample_raw, healed, instance) == SUCCESS
        assert isinstance(evaluate_sensor(sample_raw, cursor, instance), dg.SkipReason)


@pytest.mark.slow
def test_sensor_counts_only_the_latest_streak_of_failures(
    sample_raw: Path, tmp_path: Path, broken_db: Path, no_retry_delay: None
) -> None:
    with dg.instance_for_test() as instance:
        cursor, request = first_request(sample_raw, instance)
        # The listing loaded once; later (a file moved out and back) the same listing fails.
        assert run_requested(request, sample_raw, tmp_path / "ok" / "n.duckdb", instance) == SUCCESS
        for _ in range(automation.MAX_ATTEMPTS_PER_LISTING - 1):
            assert run_requested(request, sample_raw, broken_db, instance) == FAILURE
        retry = evaluate_sensor(sample_raw, cursor, instance)
        assert isinstance(retry, dg.SensorResult), retry
        assert retry.run_requests[0].tags["newsfacts/attempt"] == str(
            automation.MAX_ATTEMPTS_PER_LISTING
        )


@pytest.mark.slow
def test_sensor_does_not_retry_after_another_run_succeeded(
    sample_raw: Path, tmp_path: Path, broken_db: Path, no_retry_delay: None
) -> None:
    with dg.instance_for_test() as instance:
        cursor, request = first_request(sample_raw, instance)
        assert run_requested(request, sample_raw, broken_db, instance) == FAILURE
        # The daily schedule (no listing tag) then loads the same directory.
        by_schedule = dg.RunRequest(tags=dict(daily_reingest.tags))
        healed = tmp_path / "warehouse" / "news.duckdb"
        assert run_requested(by_schedule, sample_raw, healed, instance) == SUCCESS
        skipped = evaluate_sensor(sample_raw, cursor, instance)
        assert isinstance(skipped, dg.SkipReason)
        assert "later run" in (skipped.skip_message or "")


@pytest.mark.slow
def test_sensor_waits_before_retrying_a_run_that_just_failed(
    sample_raw: Path, broken_db: Path
) -> None:
    with dg.instance_for_test() as instance:
        cursor, request = first_request(sample_raw, instance)
        assert run_requested(request, sample_raw, broken_db, instance) == FAILURE
        waiting = evaluate_sensor(sample_raw, cursor, instance)
        assert isinstance(waiting, dg.SkipReason)
        assert "retrying" in (waiting.skip_message or "")


def test_sensor_skips_a_missing_raw_directory(tmp_path: Path) -> None:
    result = evaluate_sensor(tmp_path / "nowhere", None)
    assert isinstance(result, dg.SkipReason)
    assert "does not exist" in result.skip_message


def test_sensor_and_schedule_are_on_by_default() -> None:
    assert raw_dir_sensor.default_status == dg.DefaultSensorStatus.RUNNING
    assert daily_reingest.default_status == dg.DefaultScheduleStatus.RUNNING
    context = dg.build_schedule_context(scheduled_execution_time=None)
    requests = daily_reingest.evaluate_tick(context).run_requests
    assert requests is not None and len(requests) == 1
    assert requests[0].tags["newsfacts/trigger"] == "schedule"
    assert (daily_reingest.job_name, daily_reingest.cron_schedule) == (JOB_NAME, "0 3 * * *")
    assert daily_reingest.execution_timezone == "UTC"


def test_definitions_load_with_every_asset_and_check() -> None:
    repo = defs.get_repository_def()
    keys = {k.to_user_string() for k in repo.asset_graph.get_all_asset_keys()}
    assert {"raw_documents", "articles", "actors", "claims", "rejects"} <= keys
    assert len(list(repo.asset_graph.asset_check_keys)) == 3


@pytest.mark.slow
def test_dagster_definitions_validate() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "dagster", "definitions", "validate", "-w", "workspace.yaml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr[-3000:]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def restore_default_signals() -> None:
    # `dagster dev` started in the background inherits ignored SIGINT/SIGTERM; reset them so
    # the test can stop it cleanly.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def graphql(port: int) -> dict:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql",
        data=json.dumps({"query": GRAPHQL_QUERY}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)["data"]["repositoriesOrError"]["nodes"][0]


def wait_for(predicate, timeout: float, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"dagster dev exited early:\n{log.read_text()[-3000:]}")
        try:
            if predicate():
                return
        except Exception:  # not up yet, or the warehouse is being written
            pass
        time.sleep(2)
    pytest.fail(f"timed out after {timeout} s:\n{log.read_text()[-3000:]}")


def warehouse_articles(db: Path) -> int:
    if not db.exists():
        return 0
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]


@pytest.mark.daemon
@pytest.mark.timeout(DAEMON_TIMEOUT_SECONDS + 120)
def test_dagster_dev_shows_everything_and_the_sensor_loads_new_files(
    sample_raw: Path, tmp_path: Path
) -> None:
    db = tmp_path / "wh" / "news.duckdb"
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "DAGSTER_HOME"}
    env.update(NEWSFACTS_RAW_DIR=str(sample_raw), NEWSFACTS_WAREHOUSE=str(db))
    log = tmp_path / "dagster-dev.log"
    # Started in a folder of its own (dagster dev keeps its temporary instance in the working
    # directory), with the project's dagster.yaml and a workspace pointing at the project.
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(ROOT / "dagster.yaml", home / "dagster.yaml")
    workspace = (ROOT / "workspace.yaml").read_text(encoding="utf-8")
    (home / "workspace.yaml").write_text(
        workspace.replace("working_directory: .", f"working_directory: {ROOT}"), encoding="utf-8"
    )
    with log.open("w") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "dagster",
                "dev",
                "-w",
                "workspace.yaml",
                "-h",
                "127.0.0.1",
                "-p",
                str(port),
            ],
            cwd=home,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            preexec_fn=restore_default_signals,
            start_new_session=True,
        )
    try:
        wait_for(lambda: graphql(port), 120, proc, log)
        repo = graphql(port)
        assert {s["name"]: s["sensorState"]["status"] for s in repo["sensors"]} == {
            "raw_dir_sensor": "RUNNING"
        }
        assert {s["name"]: s["scheduleState"]["status"] for s in repo["schedules"]} == {
            "daily_reingest": "RUNNING"
        }
        keys = {"/".join(a["assetKey"]["path"]) for a in repo["assetNodes"]}
        assert {"raw_documents", "cleaned_articles", "articles", "claims", "actors"} <= keys

        # The daemon's sensor notices the corpus and a run loads it ...
        wait_for(lambda: warehouse_articles(db) == 5, DAEMON_TIMEOUT_SECONDS, proc, log)
        # ... and a file dropped in later is picked up by itself.
        seed = sorted(sample_raw.glob("*.txt"))[0]
        text = seed.read_text(encoding="utf-8")
        (sample_raw / "later.txt").write_text(
            text + "\nA later paragraph of body text that makes this a new article version.\n",
            encoding="utf-8",
        )
        wait_for(lambda: warehouse_articles(db) == 6, DAEMON_TIMEOUT_SECONDS, proc, log)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(STOP_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode is not None
