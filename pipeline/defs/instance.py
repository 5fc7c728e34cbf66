"""The Dagster instance newsfacts runs in: telemetry off, the warehouse writer's pool at 1.

Dagster reads an instance's settings from ``$DAGSTER_HOME/dagster.yaml``; a folder without one
(as Dagster's docs have users create) means telemetry on and no pool limit. So before a run
records anything in DAGSTER_HOME, ``ensure_instance`` writes the project's settings into a
folder that has none, and refuses an instance whose settings disagree, saying how to fix it.
Without DAGSTER_HOME, ``newsfacts run`` uses an ephemeral instance: Dagster keeps telemetry off
there, and one process needs no pool.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from pathlib import Path

import dagster as dg

from pipeline.defs.assets import WRITER_POOL
from pipeline.warehouse.run_lock import file_lock

HOME_ENV = "DAGSTER_HOME"
INSTANCE_FILE = "dagster.yaml"
SETUP_LOCK = ".newsfacts-setup.lock"
WRITER_POOL_LIMIT = 1
RUN_GRANULARITY = "run"  # pools claimed per run by the queue, not by each step
# The project's dagster.yaml, written into a DAGSTER_HOME that has none. The copy at the root
# of the repository (read by `dagster dev` started there) must say the same (a test checks).
INSTANCE_YAML = """\
# Instance settings used by `dagster dev -w workspace.yaml` started in this folder (Dagster
# reads ./dagster.yaml when DAGSTER_HOME is unset). With DAGSTER_HOME set, `newsfacts instance`
# (or `newsfacts run`) writes these settings there, and refuses an instance that disagrees.
telemetry:
  enabled: false

concurrency:
  pools:
    # The warehouse loader runs in pool "duckdb_writer": DuckDB allows one writer per file.
    # A default of 1 holds on a fresh instance, before anyone runs `dagster instance concurrency`.
    default_limit: 1
  runs:
    max_concurrent_runs: 4
"""


class InstanceMisconfigured(RuntimeError):
    """The instance in DAGSTER_HOME disagrees with the settings newsfacts needs."""


@dataclass(frozen=True)
class InstanceReport:
    home: Path
    wrote_settings: bool  # the folder had no dagster.yaml and now has ours


def home_from_env() -> Path | None:
    home = os.environ.get(HOME_ENV)
    return Path(home).expanduser().resolve() if home else None


def ensure_instance(home: Path) -> InstanceReport:
    """Give ``home`` our settings if it has none; raise InstanceMisconfigured if it disagrees."""
    # One process at a time: ten runs started together on a new home would otherwise each
    # create Dagster's SQLite storage, and their migrations leave it broken ("more than one
    # head"). Once made, the storage is opened by many processes at once without harm.
    with file_lock(home / SETUP_LOCK, "another newsfacts command setting up this instance"):
        settings_file = home / INSTANCE_FILE
        wrote = not settings_file.exists()
        if wrote:
            write_atomically(settings_file, INSTANCE_YAML)
        with dg.DagsterInstance.from_config(str(home)) as instance:
            problems = settings_problems(instance)
    if problems:
        raise InstanceMisconfigured(
            f"the Dagster instance in {home} ({HOME_ENV}) does not have the settings newsfacts "
            "needs:\n" + "\n".join(f"- {p}" for p in problems)
        )
    return InstanceReport(home, wrote)


def write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)  # two runs starting at once never see half a file


def settings_problems(instance: dg.DagsterInstance) -> list[str]:
    """What is wrong with the instance's settings, each with how to fix it; empty when fine."""
    settings_file = Path(instance.root_directory) / INSTANCE_FILE
    problems = []
    if instance.telemetry_enabled:
        problems.append(
            f"telemetry is on: in {settings_file}, add\n    telemetry:\n      enabled: false"
        )
    problems += writer_pool_problems(instance, settings_file)
    return problems


def writer_pool_problems(instance: dg.DagsterInstance, settings_file: Path) -> list[str]:
    storage = instance.event_log_storage
    if not storage.supports_global_concurrency_limits:
        return [
            f"its event log storage cannot limit concurrency, so the pool '{WRITER_POOL}' would "
            f"not hold the warehouse to one writer: use the default storage in {settings_file}"
        ]
    pool_config = storage.get_pool_config()
    problems = []
    granularity = pool_config.pool_granularity
    if granularity is not None and granularity.value == RUN_GRANULARITY:
        problems.append(
            "pools are limited per run (concurrency: pools: granularity: run), so an in-process "
            f"run never claims the '{WRITER_POOL}' slot: remove that line from {settings_file}"
        )
    explicit = {p.name: p.limit for p in storage.get_pool_limits() if not p.from_default}
    if WRITER_POOL in explicit:
        if explicit[WRITER_POOL] != WRITER_POOL_LIMIT:
            problems.append(
                f"the pool '{WRITER_POOL}' is limited to {explicit[WRITER_POOL]} in this "
                f"instance: run `dagster instance concurrency set {WRITER_POOL} "
                f"{WRITER_POOL_LIMIT}`"
            )
    elif pool_config.default_pool_limit != WRITER_POOL_LIMIT:
        found = pool_config.default_pool_limit
        problems.append(
            f"the pool '{WRITER_POOL}' has "
            + ("no limit" if found is None else f"a default limit of {found}")
            + f": in {settings_file}, add\n    concurrency:\n      pools:\n"
            f"        default_limit: {WRITER_POOL_LIMIT}\n"
            f"  or run `dagster instance concurrency set {WRITER_POOL} {WRITER_POOL_LIMIT}`"
        )
    return problems


# ---------------------------------------------------------------------------- killed runs

TRIGGER_TAG = "newsfacts/trigger"
PID_TAG = "newsfacts/pid"
HOST_TAG = "newsfacts/host"
UNFINISHED = [dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.STARTED]


def cli_run_tags() -> dict[str, str]:
    """Tags of a `newsfacts run`: who runs it, so a later run can tell if it was killed."""
    return {TRIGGER_TAG: "cli", PID_TAG: str(os.getpid()), HOST_TAG: socket.gethostname()}


def release_killed_runs(instance: dg.DagsterInstance, job_name: str) -> list[str]:
    """Mark failed the `newsfacts run`s of this machine whose process is gone, and free their
    pool slots; returns their run ids.

    A run killed (SIGKILL, a lost machine) stays STARTED in the instance and keeps its
    'duckdb_writer' slot if it died while loading: every later run would wait for that slot
    for good. Dagster's run monitoring frees slots of runs its daemon launched, not of runs
    executed in-process by a command.
    """
    records = instance.get_run_records(
        filters=dg.RunsFilter(
            job_name=job_name,
            statuses=UNFINISHED,
            tags={TRIGGER_TAG: "cli", HOST_TAG: socket.gethostname()},
        )
    )
    released = []
    for record in records:
        run = record.dagster_run
        pid = int(run.tags.get(PID_TAG, "0"))
        if not pid or process_alive(pid):
            continue
        instance.report_run_failed(
            run, f"its `newsfacts run` process (pid {pid}) ended without finishing the run"
        )
        instance.event_log_storage.free_concurrency_slots_for_run(run.run_id)
        released.append(run.run_id)
    return released


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True
