"""The ``newsfacts`` command: run the pipeline, extract from files, query the warehouse."""

from __future__ import annotations

import argparse
import csv
import json
import logging
import os
import signal
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
# Dagster's console log level when not --verbose: nothing; warnings come through StepProgress.
QUIET = "CRITICAL"
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
# A shell's convention for a process ended by a signal: 130 after Ctrl-C, 143 after SIGTERM.
SIGNAL_EXIT_BASE = 128
EXIT_INSTANCE_REFUSED = 2
# How Dagster's engine event for a step waiting on its pool begins (first notice only).
POOL_BLOCKED = "Step blocked by limit for pool"
# What Dagster raises in a step it interrupts: a stop the user asked for, not a failure.
INTERRUPT_ERRORS = frozenset({"DagsterExecutionInterruptedError", "KeyboardInterrupt"})


# ---------------------------------------------------------------------------- run


class StepProgress:
    """Turns Dagster's step events into one status line a person can follow.

    Dagster's own console log is silenced unless --verbose; warnings (a locked warehouse being
    waited for) are printed from here instead, without the step-by-step log around them.
    """

    def __init__(self, status: Any, verbose: bool, watch: SignalWatch) -> None:
        self.status = status
        self.verbose = verbose
        self.watch = watch
        self.stopping = False

    def __call__(self, entry: Any) -> None:
        event = entry.dagster_event
        self.stop_if_signalled(event)
        if event is None:
            if not self.verbose and entry.level >= logging.WARNING:
                console.print(f"[yellow]{escape(entry.user_message)}[/]")
            return
        if event.step_key is None:
            return
        step = event.step_key.split(".")[0]
        if event.event_type_value == "STEP_START":
            self.status.update(f"[bold]{STEP_LABELS.get(step, step)}[/] ({step})")
        elif event.event_type_value == "STEP_FAILURE" and not is_interrupt(event):
            console.print(f"[red]step {step} failed[/]")
        elif (event.message or "").startswith(POOL_BLOCKED):
            console.print(
                f"[yellow]{step} waits for a slot of its concurrency pool in DAGSTER_HOME "
                "(another run is loading, or a run that died on another machine holds it)[/]"
            )

    def stop_if_signalled(self, event: Any) -> None:
        """Raise KeyboardInterrupt at the first event after a stop signal Dagster let pass.

        Dagster raises an interrupt at once only inside an asset's code; between steps it
        notes it, and the in-process executor never looks. DuckDB may also take the signal
        for itself. Either way the run would go on to its end; this stops it at its next event
        instead (Dagster handles the KeyboardInterrupt as it does its own interrupts).
        """
        if self.stopping or not self.watch.arrived():
            return
        self.stopping = True
        if event is not None and event.is_step_failure and is_interrupt(event):
            return  # Dagster has taken it already
        raise KeyboardInterrupt


def root_cause(error: Any) -> Any:
    """The error our code raised, not Dagster's wrapper around it ("Error occurred while
    executing op ..."): its message is the one a person can act on."""
    while error.cause is not None:
        error = error.cause
    return error


def is_interrupt(event: Any) -> bool:
    error = event.event_specific_data.error
    return error is not None and error.cls_name in INTERRUPT_ERRORS


class SignalWatch:
    """Notes which stop signals (SIGINT, SIGTERM) reach the process, whoever handles them.

    While it executes a run, Dagster sets one handler for both signals (so the handler cannot
    tell which came), and an interrupt arriving after the last step is dropped when the run
    ends. Python also writes every signal's number to its wakeup file descriptor, whatever the
    handler: reading that pipe afterwards says which signal came, and that one did. Outside
    Dagster's run, SIGTERM is made to raise KeyboardInterrupt like SIGINT.
    """

    def __enter__(self) -> SignalWatch:
        self.read_fd, self.write_fd = os.pipe()
        os.set_blocking(self.read_fd, False)
        os.set_blocking(self.write_fd, False)
        self.previous_fd = signal.set_wakeup_fd(self.write_fd, warn_on_full_buffer=False)
        self.previous_term = signal.signal(signal.SIGTERM, raise_keyboard_interrupt)
        self.received: list[int] = []
        return self

    def __exit__(self, *exc_info: object) -> None:
        signal.signal(signal.SIGTERM, self.previous_term or signal.SIG_DFL)
        signal.set_wakeup_fd(self.previous_fd)
        self.arrived()
        os.close(self.read_fd)
        os.close(self.write_fd)
        self.read_fd = -1

    def arrived(self) -> int | None:
        """The first stop signal received so far, if any."""
        if self.read_fd >= 0:
            self.received += [s for s in self.drain() if s in STOP_SIGNALS]
        return self.received[0] if self.received else None

    def drain(self) -> bytes:
        data = b""
        while True:
            try:
                chunk = os.read(self.read_fd, 512)
            except BlockingIOError:
                return data
            if not chunk:
                return data
            data += chunk


def raise_keyboard_interrupt(_signum: int, _frame: Any) -> None:
    raise KeyboardInterrupt


def run_pipeline(raw_dir: str, warehouse_file: str, verbose: bool) -> int:
    """Materialize every asset in-process through the same definitions the UI shows.

    Ctrl-C or SIGTERM stops the run within seconds: the exit code is 128 plus the signal's
    number (130, 143), and the message says whether the batch was loaded (the load commits in
    one transaction, so it was wholly or not at all).
    """
    from pipeline.defs.resources import NewsfactsPaths

    paths = NewsfactsPaths(raw_dir=raw_dir, warehouse=warehouse_file)
    run_id = str(uuid.uuid4())
    with SignalWatch() as watch:
        try:
            status = execute_run(paths, run_id, verbose, watch)
        except KeyboardInterrupt:
            status = None
    if status is None:
        signum = watch.arrived() or signal.SIGINT
        print_interrupted(paths, run_id, signum)
        return SIGNAL_EXIT_BASE + signum
    return status


def execute_run(paths: Any, run_id: str, verbose: bool, watch: SignalWatch) -> int | None:
    """The run's exit status, or None when a stop signal came (however Dagster took it)."""
    from pipeline.definitions import build_definitions
    from pipeline.defs.automation import JOB_NAME
    from pipeline.defs.instance import InstanceMisconfigured, cli_run_tags

    job = build_definitions(paths).resolve_job_def(JOB_NAME)
    try:
        with console.status("starting") as status, dagster_instance() as instance:
            instance.add_event_listener(run_id, StepProgress(status, verbose, watch))
            result = job.execute_in_process(
                instance=instance,
                run_id=run_id,
                raise_on_error=False,
                tags=cli_run_tags(),
                run_config={
                    "loggers": {"console": {"config": {"log_level": "INFO" if verbose else QUIET}}}
                },
            )
    except InstanceMisconfigured as exc:
        console.print(f"[red]{escape(str(exc))}[/]", soft_wrap=True)
        return EXIT_INSTANCE_REFUSED
    if watch.arrived():
        return None
    checks = [(e.check_name, e.passed) for e in result.get_asset_check_evaluations()]
    print_summary(paths, result.success, checks, result.run_id)
    if not result.success:
        for event in result.all_events:
            if event.is_step_failure and not is_interrupt(event):
                message = root_cause(event.event_specific_data.error).message.strip()
                console.print(f"[red]{event.step_key}[/]: {escape(message)}")
        return 1
    return 0


def print_interrupted(paths: Any, run_id: str, signum: int) -> None:
    from pipeline.warehouse.staging import Batch, is_loaded

    name = signal.Signals(signum).name
    if is_loaded(Batch(paths.staging_path(), run_id)):
        console.print(
            f"[yellow]interrupted ({name}) after this run's batch was loaded: the warehouse "
            "holds it; run again to load anything newer[/]"
        )
    else:
        console.print(
            f"[yellow]interrupted ({name}): nothing of this batch was loaded; "
            "run again to finish[/]"
        )


@contextmanager
def dagster_instance() -> Iterator[Any]:
    """The instance of DAGSTER_HOME when set (runs show in the UI), else an ephemeral one.

    A DAGSTER_HOME without settings gets the project's; one whose settings disagree (telemetry
    on, no limit of 1 on the writer's pool) is refused with InstanceMisconfigured. Runs of
    this command that were killed are marked failed first, freeing their pool slots.
    """
    from dagster import DagsterInstance

    from pipeline.defs.assets import WRITER_POOL
    from pipeline.defs.automation import JOB_NAME
    from pipeline.defs.instance import ensure_instance, home_from_env, release_killed_runs

    home = home_from_env()
    if home is None:
        with DagsterInstance.ephemeral() as instance:
            yield instance
        return
    ensure_instance(home)
    with DagsterInstance.get() as instance:
        released = release_killed_runs(instance, JOB_NAME)
        if released:
            console.print(
                f"[yellow]marked {len(released)} killed run(s) failed and freed their "
                f"'{WRITER_POOL}' slot: {', '.join(released)}[/]"
            )
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


# ---------------------------------------------------------------------------- instance


def check_instance() -> int:
    """Give DAGSTER_HOME the project's settings if it has none, or say what to fix."""
    from pipeline.defs.instance import (
        HOME_ENV,
        INSTANCE_FILE,
        InstanceMisconfigured,
        ensure_instance,
        home_from_env,
    )

    home = home_from_env()
    if home is None:
        console.print(
            f"{HOME_ENV} is not set: `newsfacts run` uses a throwaway instance (telemetry off) "
            "and its runs do not show in the UI. To share one instance with the UI:\n"
            f"  export {HOME_ENV}=$PWD/.dagster_home; newsfacts instance; "
            "dagster dev -w workspace.yaml",
            soft_wrap=True,  # a command to copy: never broken across lines
        )
        return 1
    try:
        report = ensure_instance(home)
    except InstanceMisconfigured as exc:
        console.print(f"[red]{escape(str(exc))}[/]", soft_wrap=True)
        return EXIT_INSTANCE_REFUSED
    done = "wrote the project's settings to" if report.wrote_settings else "settings agree in"
    console.print(
        f"[green]{done} {escape(str(home / INSTANCE_FILE))}[/]: telemetry off, "
        "the warehouse writer's pool limited to 1",
        soft_wrap=True,
    )
    return 0


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
    sub.add_parser(
        "instance",
        help="give $DAGSTER_HOME the project's Dagster settings, or say what to fix in it",
    )
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
    if args.command == "instance":
        return check_instance()
    if args.command == "extract":
        return extract_files(args.files)
    if args.command == "report":
        return write_story_reports(
            args.story, args.warehouse or resources.warehouse_from_env(), args.open
        )
    return run_sql(args.query, args.warehouse or resources.warehouse_from_env(), args.format)


def entry() -> None:
    """The `newsfacts` command: the process ends as soon as the command has said its outcome.

    Everything it wrote is closed by then. Tearing the interpreter's heap down took a second
    on an idle machine and several on a busy one, and a Ctrl-C landing in that time, after
    the run had said what it left, turned a truthful exit into a traceback.
    """
    status = main()
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


if __name__ == "__main__":
    entry()
