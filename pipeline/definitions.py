"""The Dagster definitions the UI, the daemon and ``newsfacts run`` all load."""

import dagster as dg

from pipeline.defs import assets, reports
from pipeline.defs.automation import daily_reingest, ingest_job, raw_dir_sensor
from pipeline.defs.checks import WAREHOUSE_CHECKS
from pipeline.defs.resources import NewsfactsPaths, WarehouseRunLock

ALL_ASSETS = [
    assets.raw_documents,
    assets.cleaned_articles,
    assets.actor_mentions_staged,
    assets.numbers_staged,
    assets.date_mentions_staged,
    assets.claims_staged,
    assets.validated_records,
    assets.warehouse_tables,
    reports.story_reports,
]


def build_definitions(paths: NewsfactsPaths | None = None) -> dg.Definitions:
    paths = paths or NewsfactsPaths.from_env()
    return dg.Definitions(
        assets=ALL_ASSETS,
        asset_checks=WAREHOUSE_CHECKS,
        jobs=[ingest_job],
        sensors=[raw_dir_sensor],
        schedules=[daily_reingest],
        resources={"paths": paths, "run_lock": WarehouseRunLock(warehouse=paths.warehouse)},
    )


defs = build_definitions()
