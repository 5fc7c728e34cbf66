"""The job every trigger runs, the sensor that watches the raw directory, the daily schedule."""

import itertools
import time

import dagster as dg

from pipeline.defs.resources import NewsfactsPaths
from pipeline.stages import ingest

JOB_NAME = "ingest_articles"
SENSOR_INTERVAL_SECONDS = 30
DAILY_CRON = "0 3 * * *"

# In-process: a typical sensor-triggered batch is a handful of files, and starting a Python
# process per step would cost more than the work. Runs on one warehouse take turns (the
# run_lock resource): each plans against the last load, so runs in parallel would each process
# the same new files. The loader's concurrency pool keeps DuckDB to one writer besides.
ingest_job = dg.define_asset_job(
    JOB_NAME,
    selection=dg.AssetSelection.all(),
    executor_def=dg.in_process_executor,
    description="Ingest what is new or changed under the raw directory and load the warehouse.",
)


LISTING_TAG = "newsfacts/listing"
# A run can fail for reasons outside the files (the warehouse locked for too long, a full
# disk). The sensor tries the same listing again a few times, spaced out, then leaves it to
# the daily schedule rather than hammering a broken warehouse.
MAX_ATTEMPTS_PER_LISTING = 3
RETRY_DELAY_SECONDS = 120


@dg.sensor(
    job=ingest_job,
    minimum_interval_seconds=SENSOR_INTERVAL_SECONDS,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Requests a run when files under the raw directory are added, changed or "
    "removed (the cursor is a digest of paths, sizes and mtimes), and retries a failed run "
    f"of the same listing up to {MAX_ATTEMPTS_PER_LISTING - 1} times.",
)
def raw_dir_sensor(
    context: dg.SensorEvaluationContext, paths: NewsfactsPaths
) -> dg.SensorResult | dg.SkipReason:
    raw_dir = paths.raw_path()
    if not raw_dir.is_dir():
        return dg.SkipReason(f"raw directory {raw_dir} does not exist")
    files = ingest.scan_raw_dir(raw_dir)
    fingerprint = ingest.listing_fingerprint(files)
    if fingerprint != context.cursor:
        return dg.SensorResult(
            run_requests=[listing_run(fingerprint, attempt=1)], cursor=fingerprint
        )
    retry = retry_of_failed_run(context.instance, fingerprint)
    if isinstance(retry, str):
        return dg.SkipReason(f"no change in {raw_dir} ({len(files)} files); {retry}")
    return dg.SensorResult(run_requests=[retry], cursor=fingerprint)


def listing_run(fingerprint: str, attempt: int) -> dg.RunRequest:
    # No run_key: Dagster runs a key only once ever, and a listing can return to an earlier
    # state (a file moved out and back). The cursor alone prevents repeats.
    return dg.RunRequest(
        tags={
            "newsfacts/trigger": "sensor",
            LISTING_TAG: fingerprint,
            "newsfacts/attempt": str(attempt),
        }
    )


def retry_of_failed_run(instance: dg.DagsterInstance, fingerprint: str) -> dg.RunRequest | str:
    """A new run for this listing if its latest runs failed and attempts remain; else why not.

    Only the unbroken streak of failures since the listing's last other outcome counts: a
    listing seen again later (a file moved out and back) starts afresh.
    """
    records = instance.get_run_records(
        filters=dg.RunsFilter(job_name=JOB_NAME, tags={LISTING_TAG: fingerprint}),
        limit=MAX_ATTEMPTS_PER_LISTING,
    )
    failures = list(
        itertools.takewhile(lambda r: r.dagster_run.status == dg.DagsterRunStatus.FAILURE, records)
    )
    if not failures:
        latest = records[0].dagster_run.status.value.lower() if records else "none"
        return f"nothing to retry (its last run: {latest})"
    if _succeeded_since(instance, failures[0]):
        return "a later run (schedule or by hand) succeeded; nothing to retry"
    if len(failures) >= MAX_ATTEMPTS_PER_LISTING:
        return f"its last {len(failures)} runs failed; the daily schedule will try again"
    if time.time() - (failures[0].end_time or 0.0) < RETRY_DELAY_SECONDS:
        return f"its last run failed; retrying {RETRY_DELAY_SECONDS} s after the failure"
    return listing_run(fingerprint, attempt=len(failures) + 1)


def _succeeded_since(instance: dg.DagsterInstance, failure: dg.RunRecord) -> bool:
    """Whether any run of the job, whatever started it, succeeded after this failed one was
    created: it read the same raw directory, so retrying would load nothing."""
    later = instance.get_run_records(
        filters=dg.RunsFilter(
            job_name=JOB_NAME,
            statuses=[dg.DagsterRunStatus.SUCCESS],
            created_after=failure.create_timestamp,
        ),
        limit=1,
    )
    return bool(later)


daily_reingest = dg.ScheduleDefinition(
    name="daily_reingest",
    job=ingest_job,
    cron_schedule=DAILY_CRON,
    execution_timezone="UTC",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    tags={"newsfacts/trigger": "schedule"},
    description="Re-ingests the raw directory daily, catching changes the sensor may have missed.",
)
