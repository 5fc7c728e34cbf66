"""The ``newsfacts`` command: run the pipeline, extract from files, query the warehouse."""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from pipeline.defs import resources

console = Console(stderr=True)
STEP_LABELS = {
    "raw_documents": "reading new and changed files",
    "cleaned_articles": "cleaning pages",
    "actor_mentions_staged": "finding actors",
    "numbers_staged": "finding figures",
    "date_mentions_staged": "finding dates",
    "claims_staged": "finding claims",
    "validated_records": "validating records",
    "warehouse_tables": "loading DuckDB",
}
REJECTS_SHOWN = 10


# ---------------------------------------------------------------------------- run


class StepProgress:
    """Turns Dagster's step events into one status line a person can follow."""

    def __init__(self, status: Any) -> None:
        self.status = status

    def __call__(self, entry: Any) -> None:
        event = entry.dagster_event
        if event is None or event.step_key is None:
            return
        step = event.step_key.split(".")[0]
        if event.event_type_value == "STEP_START":
            self.status.update(f"[bold]{STEP_LABELS.get(step, step)}[/] ({step})")
        elif event.event_type_value == "STEP_FAILURE":
            console.print(f"[red]step {step} failed[/]")


def run_pipeline(raw_dir: str, warehouse_file: str, verbose: bool) -> int:
    """Materialize every asset in-process through the same definitions the UI shows."""
    from pipeline.definitions import build_definitions
    from pipeline.defs.automation import JOB_NAME
    from pipeline.defs.resources import NewsfactsPaths

    paths = NewsfactsPaths(raw_dir=raw_dir, warehouse=warehouse_file)
    job = build_definitions(paths).resolve_job_def(JOB_NAME)
    run_id = str(uuid.uuid4())
    with console.status("starting") as status, dagster_instance() as instance:
        instance.add_event_listener(run_id, StepProgress(status))
        result = job.execute_in_process(
            instance=instance,
            run_id=run_id,
            raise_on_error=False,
            tags={"newsfacts/trigger": "cli"},
            run_config={
                # WARNING shows what a person should know of (a locked warehouse being waited
                # for) without the step-by-step log.
                "loggers": {"console": {"config": {"log_level": "INFO" if verbose else "WARNING"}}}
            },
        )
    checks = [(e.check_name, e.passed) for e in result.get_asset_check_evaluations()]
    print_summary(paths, result.success, checks, result.run_id)
    if not result.success:
        for event in result.all_events:
            if event.is_step_failure:
                console.print(
                    f"[red]{event.step_key}[/]: {escape(event.event_specific_data.error.message)}"
                )
        return 1
    return 0


@contextmanager
def dagster_instance() -> Iterator[Any]:
    """The instance of DAGSTER_HOME when set (runs show in the UI), else an ephemeral one."""
    from dagster import DagsterInstance

    home = os.environ.get("DAGSTER_HOME")
    with DagsterInstance.get() if home else DagsterInstance.ephemeral() as instance:
        yield instance


def print_summary(paths: Any, success: bool, checks: list[tuple[str, bool]], run_id: str) -> None:
    from pipeline.warehouse import connection, load

    db = paths.warehouse_path()
    out = Console()
    if not db.exists():
        out.print(f"[red]no warehouse was written at {escape(str(db))}[/]")
        return
    counts = connection.query(db, load.COUNTS_SQL)
    out.print(f"warehouse: {escape(str(db))}")
    table = Table(show_lines=False)
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, n in counts[1]:
        table.add_row(name, f"{n:,}")
    out.print(table)
    for name, passed in checks:
        out.print(f"check {name}: {'[green]passed[/]' if passed else '[red]FAILED[/]'}")
    columns, rejects = connection.query(db, load.RECENT_REJECTS_SQL)
    if rejects:
        out.print(
            f"[yellow]{len(rejects)} rejects in the warehouse[/] (newest first; "
            'all of them: newsfacts sql "SELECT * FROM rejects")'
        )
        for row in rejects[:REJECTS_SHOWN]:
            record = dict(zip(columns, row, strict=True))
            where, stage, error = (
                escape(str(record[k])) for k in ("source_path", "stage", "error")
            )
            out.print(f"  {where} \\[{stage}]: {error}")
    out.print(
        f"[{'green' if success else 'red'}]run {run_id} {'succeeded' if success else 'failed'}[/]"
    )


# ---------------------------------------------------------------------------- extract


def extract_files(files: Sequence[str]) -> int:
    """Print what each file yields as JSON lines, without touching the warehouse.

    Exits 1 when any file or record could not be read, after printing everything else.
    """
    from pipeline.stages import extract

    status = 0
    for name in files:
        path = Path(name)
        try:
            data = path.read_bytes()
        except OSError as exc:
            console.print(f"[red]{escape(name)}: {escape(str(exc.strerror or exc))}[/]")
            status = 1
            continue
        for record in extract.extract_file(path.name, data):
            print(json.dumps(record, ensure_ascii=False, default=str))
            if record.get("errors"):
                status = 1
    return status


# ---------------------------------------------------------------------------- sql


def run_sql(query: str, warehouse_file: str, output: str) -> int:
    from pipeline.warehouse import connection

    try:
        columns, rows = connection.query(Path(warehouse_file), query)
    except FileNotFoundError as exc:
        console.print(f"[red]{escape(str(exc))}[/]")
        return 1
    except Exception as exc:  # a user's SQL error: show it, don't dump a traceback
        console.print(f"[red]{type(exc).__name__}: {escape(str(exc))}[/]")
        return 1
    if output == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    elif output == "json":
        for row in rows:
            print(json.dumps(dict(zip(columns, row, strict=True)), default=str, ensure_ascii=False))
    else:
        print_rows(Console(), columns, [["" if v is None else str(v) for v in r] for r in rows])
        console.print(f"{len(rows)} rows")
    return 0


# A column narrower than this in a table is unreadable; past it, each row is shown as a
# record of "column: value" lines instead, like psql's expanded display.
MIN_READABLE_COLUMN = 12


def print_rows(out: Console, columns: list[str], rows: list[list[str]]) -> None:
    if len(columns) * MIN_READABLE_COLUMN <= out.width:
        table = Table(show_lines=False)
        for column in columns:
            table.add_column(Text(column))
        for row in rows:
            table.add_row(*(Text(value) for value in row))  # values are data, never markup
        out.print(table)
        return
    label_width = max(len(c) for c in columns)
    for n, row in enumerate(rows, start=1):
        out.rule(f"row {n}", align="left")
        for column, value in zip(columns, row, strict=True):
            out.print(Text.assemble((f"{column:<{label_width}}", "bold"), " ", value))


# ---------------------------------------------------------------------------- report


def write_story_reports(story: str | None, warehouse_file: str, open_page: bool) -> int:
    """Write the story reports (every story two or more outlets covered, or the one STORY,
    given by its id or the start of it) and the index; print their paths; open one."""
    import webbrowser

    from pipeline.report import write
    from pipeline.warehouse.connection import WarehouseLocked

    db = Path(warehouse_file).expanduser().resolve()
    try:
        story_id = write.resolve_story(db, story) if story else None
        result = write.write_reports(db, story_id=story_id)
    except (FileNotFoundError, WarehouseLocked, write.UnknownStory) as exc:
        console.print(f"[red]{escape(str(exc))}[/]")
        return 1
    pages = [result.pages[story_id]] if story_id else list(result.pages.values())
    print(result.index)
    for page in pages:
        print(page)
    console.print(
        f"{result.rendered} pages written, {result.unchanged} unchanged, {result.removed} "
        f"removed; {len(result.summaries)} stories with two or more outlets in the index"
    )
    if open_page:
        webbrowser.open((pages[0] if story_id else result.index).as_uri())
    return 0


# ---------------------------------------------------------------------------- entry point


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsfacts",
        description="Turn raw news pages into a DuckDB dataset of actors, numbers and claims.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser(
        "run", help="ingest what is new under the raw directory into the warehouse"
    )
    run.add_argument("--raw-dir", default=None, help=f"default: ${resources.RAW_DIR_ENV} or raw/")
    run.add_argument(
        "--warehouse",
        default=None,
        help=f"default: ${resources.WAREHOUSE_ENV} or warehouse/news.duckdb",
    )
    run.add_argument("-v", "--verbose", action="store_true", help="show Dagster's log")
    ext = sub.add_parser("extract", help="print what files yield, as JSON lines (no warehouse)")
    ext.add_argument("files", nargs="+")
    q = sub.add_parser("sql", help="run a read-only SQL query on the warehouse")
    q.add_argument("query")
    q.add_argument("--warehouse", default=None)
    q.add_argument("--format", choices=["table", "csv", "json"], default="table")
    rep = sub.add_parser(
        "report", help="write the story reports (HTML, beside the warehouse) and print their paths"
    )
    rep.add_argument("story", nargs="?", help="one story: its id or the start of it")
    rep.add_argument("--open", action="store_true", help="open the page (or the index)")
    rep.add_argument("--warehouse", default=None)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "run":
        return run_pipeline(
            args.raw_dir or resources.raw_dir_from_env(),
            args.warehouse or resources.warehouse_from_env(),
            args.verbose,
        )
    if args.command == "extract":
        return extract_files(args.files)
    if args.command == "report":
        return write_story_reports(
            args.story, args.warehouse or resources.warehouse_from_env(), args.open
        )
    return run_sql(args.query, args.warehouse or resources.warehouse_from_env(), args.format)


if __name__ == "__main__":
    sys.exit(main())
