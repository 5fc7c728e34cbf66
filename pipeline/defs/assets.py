"""Dagster assets: thin wrappers that read a staged batch, call a stage, write its output.

The graph: raw_documents -> cleaned_articles -> (actor_mentions_staged, numbers_staged,
date_mentions_staged) -> claims_staged -> validated_records -> the warehouse tables.
A run processes one batch: the files that are new, changed or deleted since the last load.
When nothing changed, ``raw_documents`` emits no output and the rest of the run is skipped.
"""

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import dagster as dg

from pipeline.defs.resources import NewsfactsPaths, WarehouseRunLock
from pipeline.markdown_tables import markdown_table, records_table
from pipeline.stages import ingest, runner, validate
from pipeline.warehouse import connection, load, manifest
from pipeline.warehouse.staging import PART_SIZE, Batch, dump, prune_staging

STAGING_GROUP = "staging"
WAREHOUSE_GROUP = "warehouse"
WRITER_POOL = "duckdb_writer"
LOAD_RETRY = dg.RetryPolicy(max_retries=3, delay=5, backoff=dg.Backoff.EXPONENTIAL)
PREVIEW_ROWS = runner.PREVIEW_ROWS


@dataclass(frozen=True)
class StagedBatch:
    """What flows between assets: where a batch's Parquet lives. The data stays on disk."""

    root: str
    batch_id: str

    def open(self) -> Batch:
        batch = Batch(self.root, self.batch_id)
        if not batch.dir.is_dir():
            raise dg.Failure(
                f"staging folder {batch.dir} is gone (loaded batches are pruned after an hour); "
                "materialize from raw_documents again to stage a new batch",
                allow_retries=False,
            )
        return batch


def counts_markdown(counts: Counter[str], header: tuple[str, str]) -> str:
    return markdown_table(header, counts.most_common())


# ---------------------------------------------------------------------------- ingestion


@dg.asset(
    group_name=STAGING_GROUP,
    kinds={"python", "parquet"},
    output_required=False,
    description="Files under the raw directory that are new, changed or deleted since the last "
    "load, read into documents (.txt page text, .html pages, .jsonl feeds).",
)
def raw_documents(
    context: dg.AssetExecutionContext, paths: NewsfactsPaths, run_lock: WarehouseRunLock
) -> Iterator[dg.Output[StagedBatch]]:
    # run_lock is held for the whole run, so this plan stays true until its batch is loaded.
    raw_dir, db = paths.raw_path(), paths.warehouse_path()
    if not raw_dir.is_dir():
        raise dg.Failure(f"raw directory {raw_dir} does not exist (set NEWSFACTS_RAW_DIR)")
    changes = ingest.plan_changes(ingest.scan_raw_dir(raw_dir), manifest.read_manifest(db), raw_dir)
    actions = Counter(c.action for c in changes)
    if not changes:
        context.log.info(f"nothing new in {raw_dir}: the warehouse is up to date")
        return
    batch = Batch(paths.staging_path(), context.run.run_id)
    batch.write("changes", 0, [c.__dict__ for c in changes])
    docs = rejects = 0
    parts = ingest.in_parts(ingest.read_changed(raw_dir, changes), PART_SIZE)
    for part, (part_docs, part_rejects) in enumerate(parts):
        docs += batch.write("documents", part, dump(part_docs))
        rejects += batch.write("rejects_ingest", part, dump(part_rejects), schema="rejects")
    context.log.info(
        f"batch {batch.batch_id}: {dict(actions)}; {docs} documents, {rejects} rejects"
    )
    yield dg.Output(
        StagedBatch(str(paths.staging_path()), batch.batch_id),
        metadata={
            "new_or_changed_files": actions["replace"],
            "deleted_files": actions["delete"],
            "touched_files": actions["touch"],
            "documents": docs,
            "rejected_files": rejects,
            "batch_dir": dg.MetadataValue.path(str(batch.dir)),
        },
    )


# ---------------------------------------------------------------------------- cleaning


@dg.asset(
    group_name=STAGING_GROUP,
    kinds={"python", "parquet"},
    description="Each line of each page classified as body or a boilerplate kind; article "
    "metadata (outlet, title, standfirst, byline, wire service, published date).",
)
def cleaned_articles(
    context: dg.AssetExecutionContext, raw_documents: StagedBatch
) -> dg.Output[StagedBatch]:
    batch = raw_documents.open()
    copies = runner.duplicate_copies(batch)
    parts = batch.parts("documents")
    summaries = [runner.clean_batch_part(batch, part, copies.get(part, {})) for part in parts]
    runner.check_stage_health("clean", summaries)
    articles = sum(s.records for s in summaries)
    rejects = sum(s.rejects for s in summaries)
    kinds: Counter[str] = sum((s.line_kinds for s in summaries), Counter())
    preview = [row for s in summaries for row in s.preview][:PREVIEW_ROWS]
    kept = kinds["body"]
    context.log.info(
        f"cleaned {articles} articles: {kept} body lines kept, "
        f"{sum(kinds.values()) - kept} dropped; {rejects} rejected"
    )
    return dg.Output(
        raw_documents,
        metadata={
            "articles": articles,
            "rejected": rejects,
            "body_lines_kept": kept,
            "lines_dropped": sum(kinds.values()) - kept,
            "lines_by_kind": dg.MetadataValue.md(counts_markdown(kinds, ("kind", "lines"))),
            "preview": dg.MetadataValue.md(
                records_table(
                    preview,
                    ["source_id", "outlet", "title", "byline", "published_on"],
                    PREVIEW_ROWS,
                )
            ),
        },
    )


# ---------------------------------------------------------------------------- extraction


def run_extraction(
    context: dg.AssetExecutionContext,
    staged: StagedBatch,
    table: str,
    preview_columns: list[str],
) -> dg.Output[StagedBatch]:
    """Shared body of the extraction assets: run a stage over every part, report counts."""
    batch = staged.open()
    summaries = [
        runner.extract_batch_part(batch, table, part) for part in batch.parts("article_texts")
    ]
    runner.check_stage_health(table, summaries)
    records = sum(s.records for s in summaries)
    rejects = sum(s.rejects for s in summaries)
    preview = [row for s in summaries for row in s.preview][:PREVIEW_ROWS]
    context.log.info(f"{table}: {records} records, {rejects} articles failed")
    return dg.Output(
        staged,
        metadata={
            "records": records,
            "failed_articles": rejects,
            "preview": dg.MetadataValue.md(records_table(preview, preview_columns, PREVIEW_ROWS)),
        },
    )


def extraction_asset(
    table: str,
    description: str,
    preview_columns: list[str],
    source: str = "cleaned_articles",
    after: tuple[str, ...] = (),
) -> dg.AssetsDefinition:
    """The asset ``<table>_staged``: one extraction stage over the batch ``source`` names,
    run once the assets in ``after`` are staged (records it reads from their tables)."""

    @dg.asset(
        name=f"{table}_staged",
        group_name=STAGING_GROUP,
        kinds={"python", "parquet"},
        description=description,
        ins={"staged": dg.AssetIn(source)},
        deps=list(after),
    )
    def staged_asset(
        context: dg.AssetExecutionContext, staged: StagedBatch
    ) -> dg.Output[StagedBatch]:
        return run_extraction(context, staged, table, preview_columns)

    return staged_asset


actor_mentions_staged = extraction_asset(
    "actor_mentions",
    "Mentions of people, organisations, armed groups, government bodies, countries and "
    "places, each resolved to a cross-article actor key.",
    ["text", "name", "type", "role", "line_no"],
)
numbers_staged = extraction_asset(
    "numbers",
    "Figures with value, qualifier, unit and a measure key shared across outlets.",
    ["text", "value", "qualifier", "unit", "measure"],
)
date_mentions_staged = extraction_asset(
    "date_mentions",
    "Date expressions resolved against each article's published date.",
    ["text", "value", "granularity", "line_no"],
)
# Claims read the batch's actor mentions and dates: speakers and claim dates come from them.
claims_staged = extraction_asset(
    "claims",
    "Direct quotes and reported statements with speaker, cue and date.",
    ["speaker_text", "cue", "is_direct", "text", "when_text"],
    source="actor_mentions_staged",
    after=("date_mentions_staged",),
)


# ---------------------------------------------------------------------------- validation


@dg.asset(
    group_name=STAGING_GROUP,
    kinds={"pydantic", "parquet"},
    description="Every record through its pydantic model and the invariants tying it to its "
    "article; failures become rejects.",
    deps=["numbers_staged"],
)
def validated_records(
    context: dg.AssetExecutionContext, claims_staged: StagedBatch
) -> dg.Output[StagedBatch]:
    batch = claims_staged.open()
    # A batch of deletions only has no parts; part 0 still carries its rejects.
    parts = batch.parts("article_texts") or [0]
    counts = [validate.validate_batch_part(batch, part) for part in parts]
    kept: Counter[str] = sum(counts, Counter())
    context.log.info(f"validated: {dict(kept)}")
    return dg.Output(claims_staged, metadata={f"{t}_valid": n for t, n in kept.items()})


# ---------------------------------------------------------------------------- warehouse


TABLE_DESCRIPTIONS = {
    "articles": "One row per article version, with cleaned body and metadata.",
    "stories": "Articles reporting the same real-world event; each article has its story_id.",
    "article_lines": "Every line of every article with its kind and the reason for it.",
    "actors": "One row per real-world actor across all articles, with its aliases.",
    "actor_mentions": "Each mention of an actor, located by line and offsets.",
    "numbers": "Each figure with value, qualifier, unit and measure key.",
    "claims": "Each attributed statement with speaker, cue and date.",
    "claim_groups": "Claims reporting the same statement across outlets share a group.",
    "date_mentions": "Each date expression, resolved against the published date.",
    "rejects": "Inputs and records that were refused, with the reason.",
}
WAREHOUSE_SPECS = [
    dg.AssetSpec(
        name,
        deps=["validated_records"],
        group_name=WAREHOUSE_GROUP,
        kinds={"duckdb"},
        description=text,
    )
    for name, text in TABLE_DESCRIPTIONS.items()
]


@dg.multi_asset(
    specs=WAREHOUSE_SPECS,
    ins={"validated_records": dg.AssetIn()},
    pool=WRITER_POOL,
    retry_policy=LOAD_RETRY,
    description="Upserts the validated batch into DuckDB in one short transaction. Runs in a "
    f"concurrency pool '{WRITER_POOL}' of limit 1: DuckDB allows one writer per file.",
)
def warehouse_tables(
    context: dg.AssetExecutionContext,
    paths: NewsfactsPaths,
    run_lock: WarehouseRunLock,  # held while loading, also when this step is run on its own
    validated_records: StagedBatch,
) -> Iterator[dg.MaterializeResult]:
    db = paths.warehouse_path()
    batch = validated_records.open()
    try:
        report = load.load_batch(db, batch, paths.raw_path(), on_wait=context.log.warning)
    except connection.WarehouseLocked:
        raise  # worth a retry: the other process may be gone by then
    except Exception as exc:  # a bug or a broken file: retrying would fail the same way
        raise dg.Failure(f"loading {db} failed: {exc}", allow_retries=False) from exc
    context.log.info(
        f"loaded into {db}: inserted {report.inserted}, replaced {report.removed_articles} "
        f"article versions, {report.duplicates} duplicates rejected, {report.people_merged} "
        f"surname-only people (re)assigned, {report.story_update.stories_written} stories "
        f"written for {report.story_update.new_articles} new articles, {report.stale_sources} "
        "files skipped because they changed again during the run (the next run loads them)"
    )
    for name in TABLE_DESCRIPTIONS:
        yield dg.MaterializeResult(
            asset_key=name,
            metadata={
                "dagster/row_count": report.totals.get(name, 0),
                "inserted_rows": report.inserted.get(name, 0),
                "preview": dg.MetadataValue.md(report.previews.get(name, "_no rows_")),
                "warehouse": dg.MetadataValue.path(str(db)),
            },
        )
    prune_staging(paths.staging_path(), keep=validated_records.batch_id)
