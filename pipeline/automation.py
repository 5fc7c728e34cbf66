"""The job every trigger runs, the sensor that watches the raw directory, the daily schedule."""

import dagster as dg

from pipeline import ingest
from pipeline.settings import NewsfactsPaths

JOB_NAME = "ingest_articles"
SENSOR_INTERVAL_SECONDS = 30
DAILY_CRON = "0 3 * * *"

# In-process: a typical sensor-triggered batch is a handful of files, and starting a Python
# process per step would cost more than the work. Runs still proceed in parallel with each
# other; the loader's concurrency pool serialises only the DuckDB write.
ingest_job = dg.define_asset_job(
    JOB_NAME,
    selection=dg.AssetSelection.all(),
    executor_def=dg.in_process_executor,
    description="Ingest what is new or changed under the raw directory and load the warehouse.",
)


@dg.sensor(
    job=ingest_job,
    minimum_interval_seconds=SENSOR_INTERVAL_SECONDS,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Requests a run when files under the raw directory are added, changed or "
    "removed. The cursor is a digest of the listing (paths, sizes, mtimes).",
)
def raw_dir_sensor(
    context: dg.SensorEvaluationContext, paths: NewsfactsPaths
) -> dg.SensorResult | dg.SkipReason:
    raw_dir = paths.raw_path()
    if not raw_dir.is_dir():
        return dg.SkipReason(f"raw directory {raw_dir} does not exist")
    files = ingest.scan_raw_dir(raw_dir)
    fingerprint = ingest.listing_fingerprint(files)
    if fingerprint == context.cursor:
        return dg.SkipReason(f"no change in {raw_dir} ({len(files)} files)")
    return dg.SensorResult(
        # No run_key: Dagster runs a key only once ever, and a listing can return to an
        # earlier state (a file moved out and back). The cursor alone prevents repeats.
        run_requests=[dg.RunRequest(tags={"newsfacts/trigger": "sensor"})],
        cursor=fingerprint,
    )


daily_reingest = dg.ScheduleDefinition(
    name="daily_reingest",
    job=ingest_job,
    cron_schedule=DAILY_CRON,
    execution_timezone="UTC",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    tags={"newsfacts/trigger": "schedule"},
    description="Re-ingests the raw directory daily, catching changes the sensor may have missed.",
)
