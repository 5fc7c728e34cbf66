#!/usr/bin/env python3
"""Many `newsfacts run` processes at once on one raw directory and warehouse, with a reader.

Starts --runs real `newsfacts run` processes together on a corpus of --pages distinct pages
(bench/corpus.py), --base-share of them already loaded, while a reader opens a read-only
session every --reader-every seconds and holds it --reader-hold seconds. Every run must
succeed (or wait its turn), and the warehouse must end equal to one run's on the same files
(load timestamps aside). Reports each run's wall time and whether it waited, the reader's
sessions and waits, and the comparison.

    python bench/concurrent_runs.py [--runs 10] [--pages 300] [--json results.json]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus import build_corpus  # noqa: E402
from newsfacts_runs import run_env, start_run  # noqa: E402

from pipeline.warehouse.compare import differences, table_digests  # noqa: E402
from pipeline.warehouse.connection import is_lock_error  # noqa: E402

# What the loader prints when it waits for the warehouse, and a run for another run.
WAIT_MARKERS = ("locked by another process", "another newsfacts run")
READER_QUERY = "SELECT count(*) FROM articles"


@dataclass
class Reader:
    """An analyst who opens short read-only sessions while the runs go on."""

    db: Path
    every: float
    hold: float
    sessions: int = 0
    lock_waits: int = 0
    longest_wait: float = 0.0
    errors: list[str] = field(default_factory=list)

    def run(self, stop: threading.Event) -> None:
        while not stop.wait(self.every):
            if self.db.exists():
                self.one_session(stop)

    def one_session(self, stop: threading.Event) -> None:
        start = time.monotonic()
        waited = False
        while not stop.is_set():
            try:
                con = duckdb.connect(str(self.db), read_only=True)
            except duckdb.Error as exc:
                if not is_lock_error(exc):
                    self.errors.append(str(exc))
                    return
                waited = True
                time.sleep(0.2)
                continue
            try:
                con.execute(READER_QUERY).fetchone()
                time.sleep(self.hold)
            except duckdb.Error as exc:
                self.errors.append(str(exc))
            finally:
                con.close()
            self.sessions += 1
            if waited:
                self.lock_waits += 1
                self.longest_wait = max(self.longest_wait, time.monotonic() - start)
            return


@dataclass
class RunOutcome:
    returncode: int
    seconds: float
    waited: bool
    tail: str


def single_run(raw: Path, work: Path, name: str = "reference") -> tuple[float, dict]:
    """One run alone into ``work/name``: its wall time and the tables it leaves."""
    db = work / name / "news.duckdb"
    log = work / f"{name}.log"
    start = time.monotonic()
    if start_run(run_env(raw, db, None), log).wait() != 0:
        sys.exit(f"run {name} failed:\n{log.read_text()[-3000:]}")
    return time.monotonic() - start, table_digests(db)


def corpus_with_a_loaded_base(work: Path, pages: int, base_share: float) -> Path:
    """A raw directory of ``pages`` pages whose first ``base_share`` are already loaded in
    ``work/base``, so that a reader has a warehouse to read from the start."""
    corpus, raw = work / "corpus", work / "raw"
    corpus.mkdir()
    raw.mkdir()
    build_corpus(corpus, pages)
    files = sorted(corpus.iterdir())
    cut = int(len(files) * base_share)
    for f in files[:cut]:
        shutil.copy2(f, raw / f.name)
    if cut:
        single_run(raw, work, "base")
    for f in files[cut:]:
        shutil.copy2(f, raw / f.name)
    return raw


def from_base(work: Path, name: str) -> Path:
    """A copy of the base warehouse (and manifest) as ``work/name``; its database path."""
    if (work / "base").is_dir():
        shutil.copytree(work / "base", work / name, ignore=shutil.ignore_patterns("staging"))
    return work / name / "news.duckdb"


def concurrent(
    raw: Path, work: Path, runs: int, reader: Reader, dagster_home: Path | None
) -> list[RunOutcome]:
    env = run_env(raw, reader.db, dagster_home)
    stop = threading.Event()
    thread = threading.Thread(target=reader.run, args=(stop,))
    thread.start()
    start = time.monotonic()
    logs = [work / f"run-{i}.log" for i in range(runs)]
    procs = [start_run(env, log) for log in logs]
    ended: dict[int, float] = {}
    while len(ended) < runs:
        for i, proc in enumerate(procs):
            if i not in ended and proc.poll() is not None:
                ended[i] = time.monotonic() - start
        time.sleep(0.1)
    stop.set()
    thread.join()
    outcomes = []
    for i, proc in enumerate(procs):
        text = logs[i].read_text(errors="replace")
        outcomes.append(
            RunOutcome(
                proc.returncode, round(ended[i], 1), any(m in text for m in WAIT_MARKERS), text
            )
        )
    return outcomes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument(
        "--base-share", type=float, default=0.2, help="part of the pages loaded beforehand"
    )
    parser.add_argument("--reader-every", type=float, default=3.0)
    parser.add_argument("--reader-hold", type=float, default=1.0)
    parser.add_argument(
        "--dagster-home", action="store_true", help="record the runs in one shared DAGSTER_HOME"
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        raw = corpus_with_a_loaded_base(work, args.pages, args.base_share)
        print(f"corpus: {args.pages} pages, {args.base_share:.0%} of them loaded", flush=True)
        from_base(work, "reference")
        single_seconds, reference = single_run(raw, work)
        print(f"one run alone: {single_seconds:.1f} s", flush=True)
        home = work / "dagster_home" if args.dagster_home else None
        reader = Reader(from_base(work, "shared"), args.reader_every, args.reader_hold)
        start = time.monotonic()
        outcomes = concurrent(raw, work, args.runs, reader, home)
        total = time.monotonic() - start
        diffs = differences(reference, table_digests(reader.db))
        report_runs(outcomes, total, reader, diffs)
        if args.json:
            args.json.write_text(
                json.dumps(
                    {
                        "runs": args.runs,
                        "pages": args.pages,
                        "dagster_home": args.dagster_home,
                        "single_run_seconds": round(single_seconds, 1),
                        "all_runs_seconds": round(total, 1),
                        "outcomes": [
                            {k: v for k, v in asdict(o).items() if k != "tail"} for o in outcomes
                        ],
                        "reader": {k: v for k, v in asdict(reader).items() if k != "db"},
                        "differences": diffs,
                    },
                    indent=2,
                )
            )
    failed = [o for o in outcomes if o.returncode != 0]
    sys.exit(1 if failed or diffs or reader.errors else 0)


def report_runs(outcomes: list[RunOutcome], total: float, reader: Reader, diffs: list[str]) -> None:
    for i, o in enumerate(outcomes):
        print(
            f"run {i}: exit {o.returncode} after {o.seconds} s"
            + (" (waited for the warehouse or another run)" if o.waited else "")
        )
        if o.returncode != 0:
            print("  " + o.tail[-2000:].replace("\n", "\n  "))
    ok = sum(o.returncode == 0 for o in outcomes)
    print(f"{ok}/{len(outcomes)} runs succeeded; all done after {total:.1f} s")
    print(
        f"reader: {reader.sessions} sessions, {reader.lock_waits} waited for a writer "
        f"(longest {reader.longest_wait:.1f} s), {len(reader.errors)} errors"
    )
    for error in reader.errors[:5]:
        print(f"  reader error: {error}")
    print("tables equal to one run's" if not diffs else f"tables DIFFER: {diffs}")


if __name__ == "__main__":
    main()
