#!/usr/bin/env python3
"""Kill real `newsfacts run` processes at many moments; each rerun must end where one
uninterrupted run does.

Two starting points: an empty warehouse (the first load), and a warehouse holding part of
the corpus, with the rest added, one loaded file edited and one deleted (an incremental load
of every kind of change). For each, one uninterrupted run gives the reference (and when each
phase began). Then, --kills times, a run starts from a copy of a starting point and gets
SIGKILL after a random delay (seeded): half from its start, up to 1.1 times the reference
run's duration; half from when it starts validating, up to 3 times the time the reference
took from there to its batch loaded (so the short load phases are hit too). At the kill, the
warehouse must hold either nothing of the batch or all of it; a rerun must then succeed and
leave tables equal to the reference (load timestamps aside). Reports, per phase the kill hit
(start-up, reading, cleaning, extracting, validating, loading, between the commit and the
manifest, after the load), how many kills and how many recovered. With --signal INT or TERM
the runs get Ctrl-C or SIGTERM instead, and each must also exit with 130 or 143, saying
truly whether its batch went in; the time from the signal to the exit is reported.

    python bench/kill_runs.py [--pages 300] [--kills 30] [--seed 0] [--signal KILL|INT|TERM]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus import build_corpus  # noqa: E402
from newsfacts_runs import run_env, start_run  # noqa: E402

from pipeline.cli import SIGNAL_EXIT_BASE  # noqa: E402
from pipeline.warehouse.compare import differences, table_digests  # noqa: E402
from pipeline.warehouse.manifest import manifest_path  # noqa: E402
from pipeline.warehouse.staging import LOADED_MARKER  # noqa: E402

WAREHOUSE_NAME = "news.duckdb"
BASE_SHARE = 0.2
# Half the kills aim at the load, whose phases are short: they wait for the run to validate,
# then kill within this many times the reference run's time from validation to loaded (the
# loads of the killed runs, on a busy machine, take longer than the reference's).
LOAD_DELAY_SPAN = 3.0
POLL_SECONDS = 0.02  # of the corpus, loaded before the incremental runs
EDITED_PARAGRAPH = "\nA paragraph added later, which makes this page a new article version.\n"
# Where a kill lands, from what the run left on disk (its staging folder and the manifest).
PHASES = (
    "start-up and planning",
    "reading files",
    "cleaning",
    "extracting",
    "validating",
    "loading",
    "between commit and manifest",
    "after the load",
    "run had ended",
)


@dataclass
class Scenario:
    """A raw directory and the warehouse a run starts from, with the result of one run."""

    name: str
    raw: Path
    start: Path  # folder holding the starting warehouse (none for an empty start)
    before: dict[str, tuple]
    reference: dict[str, tuple] = field(default_factory=dict)
    seconds: float = 0.0
    # When the reference run entered each phase, in seconds from its start.
    phase_starts: dict[str, float] = field(default_factory=dict)

    def load_seconds(self) -> float:
        """How long the reference run took from the start of validation to the batch loaded."""
        start = self.phase_starts.get(PHASES[4], self.seconds * 0.8)
        return max(self.phase_starts.get(PHASES[7], self.seconds) - start, POLL_SECONDS)


@dataclass
class Trial:
    scenario: str
    delay: float  # seconds after the run started, or after it started validating
    near_load: bool
    phase: str
    at_kill: str  # "before" (nothing of the batch), "after" (all of it) or "PARTIAL"
    rerun_exit: int
    recovered: bool
    differences: list[str]
    exit_seconds: float | None = None  # from the signal to the process's end
    said_truly: bool = True  # for SIGINT and SIGTERM: the exit code and message fit the state


def run(raw: Path, warehouse: Path, log: Path) -> subprocess.Popen:
    return start_run(run_env(raw, warehouse), log)


def run_to_end(raw: Path, warehouse: Path, log: Path) -> int:
    return run(raw, warehouse, log).wait()


def copy_start(scenario: Scenario, folder: Path) -> Path:
    """A fresh copy of the scenario's starting warehouse (and manifest) in ``folder``."""
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(scenario.start, folder, ignore=shutil.ignore_patterns("staging"))
    return folder / WAREHOUSE_NAME


def prepare(work: Path, pages: int, seed: int, empty_start: bool = True) -> list[Scenario]:
    """The starting points (the empty one unless not ``empty_start``), each with its
    reference run."""
    corpus = work / "corpus"
    corpus.mkdir()
    build_corpus(corpus, pages, seed=seed)
    files = sorted(corpus.iterdir())
    base = files[: max(2, int(len(files) * BASE_SHARE))]

    raw = work / "raw"
    raw.mkdir()
    for f in base:
        shutil.copy2(f, raw / f.name)
    empty = Scenario("first load", raw, work / "start-empty", table_digests(Path("/nonexistent")))
    empty.start.mkdir()
    partial = work / "start-partial"
    if run_to_end(raw, partial / WAREHOUSE_NAME, work / "start-partial.log") != 0:
        sys.exit(f"loading the base failed:\n{(work / 'start-partial.log').read_text()[-3000:]}")
    incremental = Scenario("incremental", raw, partial, table_digests(partial / WAREHOUSE_NAME))
    for f in files[len(base) :]:
        shutil.copy2(f, raw / f.name)
    edited, deleted = raw / base[0].name, raw / base[1].name
    edited.write_text(edited.read_text(encoding="utf-8") + EDITED_PARAGRAPH, encoding="utf-8")
    deleted.unlink()
    # The empty start sees the same final raw directory as the incremental one.
    scenarios = [empty, incremental] if empty_start else [incremental]
    for scenario in scenarios:
        folder = work / f"reference-{scenario.start.name}"
        db = copy_start(scenario, folder)
        scenario.seconds, scenario.phase_starts = watched_run(raw, db, folder.with_suffix(".log"))
        scenario.reference = table_digests(db)
    return scenarios


def watched_run(raw: Path, db: Path, log: Path) -> tuple[float, dict[str, float]]:
    """Run to the end, noting when each phase was first seen; the run's duration too."""
    had_manifest = manifest_path(db).exists()
    start = time.monotonic()
    proc = run(raw, db, log)
    seen: dict[str, float] = {}
    while proc.poll() is None:
        seen.setdefault(phase_at_kill(db, had_manifest), round(time.monotonic() - start, 2))
        time.sleep(POLL_SECONDS)
    if proc.returncode != 0:
        sys.exit(f"reference run failed:\n{log.read_text()[-3000:]}")
    return time.monotonic() - start, seen


def phase_at_kill(warehouse: Path, had_manifest: bool) -> str:
    """Which phase the run was in, from the staging folder of its batch and the manifest."""
    staging = warehouse.parent / "staging"
    batches = [d for d in staging.iterdir() if d.is_dir()] if staging.is_dir() else []
    if not batches:
        return PHASES[0]
    batch = batches[0]
    if (batch / LOADED_MARKER).exists():
        return PHASES[7]

    def parts(layer: str, table: str) -> int:
        return len(list((batch / layer / table).glob("part-*.parquet")))

    documents = parts("stage", "documents")
    if not parts("stage", "article_texts"):
        return PHASES[1]
    if parts("stage", "article_texts") < documents or not parts("stage", "actor_mentions"):
        return PHASES[2]
    if not (batch / "valid").is_dir():
        return PHASES[3]
    if parts("valid", "rejects") < max(documents, 1):
        return PHASES[4]
    if had_manifest and not manifest_path(warehouse).exists():
        return PHASES[6]
    return PHASES[5]


def kill_trial(
    scenario: Scenario,
    folder: Path,
    delay: float,
    near_load: bool,
    signum: int = signal.SIGKILL,
) -> Trial:
    """Start a run, send it ``signum`` ``delay`` seconds after it starts (or, ``near_load``,
    after it starts validating), rerun and compare."""
    db = copy_start(scenario, folder)
    had_manifest = manifest_path(db).exists()
    log = folder / "killed.log"
    proc = run(scenario.raw, db, log)
    if near_load:
        while proc.poll() is None and PHASES.index(phase_at_kill(db, had_manifest)) < 4:
            time.sleep(POLL_SECONDS)
    exit_seconds = None
    try:
        proc.wait(timeout=delay)
        phase = PHASES[8]
    except subprocess.TimeoutExpired:
        phase = phase_at_kill(db, had_manifest)
        sent = time.monotonic()
        proc.send_signal(signum)
        proc.wait()
        exit_seconds = round(time.monotonic() - sent, 2)
    state = table_digests(db)
    at_kill = (
        "before"
        if state == scenario.before
        else "after"
        if state == scenario.reference
        else "PARTIAL"
    )
    said_truly = (
        exit_seconds is None
        or signum == signal.SIGKILL
        or says_truly(log.read_text(errors="replace"), proc.returncode, signum, at_kill)
    )
    rerun_exit = run_to_end(scenario.raw, db, folder / "rerun.log")
    diffs = differences(scenario.reference, table_digests(db))
    recovered = rerun_exit == 0 and not diffs and at_kill != "PARTIAL" and said_truly
    return Trial(
        scenario.name,
        round(delay, 2),
        near_load,
        phase,
        at_kill,
        rerun_exit,
        recovered,
        diffs,
        exit_seconds,
        said_truly,
    )


def says_truly(output: str, returncode: int, signum: int, at_kill: str) -> bool:
    """Whether an interrupted run exited with 128 + the signal and said what it left."""
    if returncode != SIGNAL_EXIT_BASE + signum:
        return False
    if at_kill == "after":
        return "after this run's batch was loaded" in output
    return "nothing of this batch was loaded" in output


def kill_trials(
    scenarios: list[Scenario], work: Path, kills: int, seed: int, signum: int = signal.SIGKILL
) -> list[Trial]:
    rng = random.Random(seed)
    trials = []
    for i in range(kills):
        scenario = scenarios[i % len(scenarios)]
        near_load = i % 4 >= 2
        if near_load:
            delay = rng.uniform(0, LOAD_DELAY_SPAN * scenario.load_seconds())
        else:
            delay = rng.uniform(0, 1.1 * scenario.seconds)
        trial = kill_trial(scenario, work / f"trial-{i}", delay, near_load, signum)
        when = "validation +" if near_load else "start +"
        print(
            f"kill {i + 1:>3}/{kills} {scenario.name:<11} {when:>12} {trial.delay:>5.2f} s  "
            f"{trial.phase:<28} warehouse held {trial.at_kill:<7} "
            + ("" if trial.exit_seconds is None else f"exit after {trial.exit_seconds:.2f} s ")
            + ("recovered" if trial.recovered else f"NOT RECOVERED {trial.differences}"),
            flush=True,
        )
        trials.append(trial)
    return trials


def report(trials: list[Trial]) -> None:
    by_phase = Counter(t.phase for t in trials)
    recovered = Counter(t.phase for t in trials if t.recovered)
    print("\nphase                         kills  recovered")
    for phase in PHASES:
        if by_phase[phase]:
            print(f"{phase:<29} {by_phase[phase]:>5}  {recovered[phase]:>9}")
    print(
        f"{sum(recovered.values())}/{len(trials)} kills recovered to the reference tables; "
        f"{sum(t.at_kill == 'PARTIAL' for t in trials)} left a partial batch; "
        f"{sum(not t.said_truly for t in trials)} said something untrue on the way out"
    )
    exits = sorted(t.exit_seconds for t in trials if t.exit_seconds is not None)
    if exits:
        print(
            f"exit after the signal: median {exits[len(exits) // 2]:.2f} s, "
            f"longest {exits[-1]:.2f} s"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--kills", type=int, default=30)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--signal",
        choices=["KILL", "INT", "TERM"],
        default="KILL",
        help="what to send: SIGKILL, or Ctrl-C's SIGINT or SIGTERM (then the exit code, the "
        "message and the time to exit are checked too)",
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        scenarios = prepare(work, args.pages, args.seed)
        for s in scenarios:
            print(f"reference run, {s.name}: {s.seconds:.1f} s; phases from {s.phase_starts}")
        signum = signal.Signals[f"SIG{args.signal}"]
        trials = kill_trials(scenarios, work, args.kills, args.seed, signum)
    report(trials)
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "pages": args.pages,
                    "seed": args.seed,
                    "signal": args.signal,
                    "reference_seconds": {s.name: round(s.seconds, 1) for s in scenarios},
                    "trials": [asdict(t) for t in trials],
                },
                indent=2,
            )
        )
    sys.exit(0 if all(t.recovered for t in trials) else 1)


if __name__ == "__main__":
    main()
