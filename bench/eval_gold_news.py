#!/usr/bin/env python3
"""Score what `newsfacts run` extracts from annotated news pages against their gold, with the
development and validation pages (bench/splits.py) reported side by side.

    python bench/eval_gold_news.py            # ../shared/gold-news: 21 pages of 21 outlets
    python bench/eval_gold_news.py --seeds    # ../shared/gold: the five sample pages

The pages (../shared/bench/boilerplate/docs, or ../shared/seeds) are copied into a fresh raw
directory, loaded by a real `newsfacts run` in a child process, and the warehouse is scored by
../shared/bench/seeds_score.py once per split, each against a folder holding that split's gold
files only. Nothing is tuned or filtered here: the scores are what users get.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from newsfacts_runs import run_to_end
from splits import split_of

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "bench" / "seeds_score.py"
METRICS = [
    "lines_acc",
    "body_lines_P_R_F1",
    "meta_acc",
    "alias_P_R_F1",
    "type_acc",
    "resolve_pair_F1",
    "numbers_P_R_F1",
    "measure_pair_F1",
    "claims_P_R_F1",
    "direct_speaker_acc",
    "claim_date_acc",
]


def build_warehouse(pages: list[Path], work: Path) -> Path:
    raw, warehouse = work / "raw", work / "wh" / "news.duckdb"
    raw.mkdir(parents=True)
    for page in pages:
        shutil.copy(page, raw / page.name)
    done = run_to_end(raw, warehouse)
    if done.returncode != 0:
        sys.exit(f"newsfacts run failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return warehouse


def score(warehouse: Path, gold_files: list[Path], work: Path, name: str) -> dict:
    gold_dir = work / f"gold-{name}"
    gold_dir.mkdir()
    for gold in gold_files:
        shutil.copy(gold, gold_dir / gold.name)
    done = subprocess.run(
        [sys.executable, str(SCORER), str(warehouse), str(gold_dir)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def cell(value: object) -> str:
    if isinstance(value, list):
        return f"F1 {value[-1]:.3f}"
    return "-" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", action="store_true", help="score the five sample pages")
    args = parser.parse_args()
    if args.seeds:
        gold_files = sorted((SHARED / "gold").glob("*.json"))
        pages = [SHARED / "seeds" / f"{g.stem}.txt" for g in gold_files]
        splits = {"all": gold_files}
    else:
        gold_files = sorted((SHARED / "gold-news").glob("*.json"))
        pages = [SHARED / "bench" / "boilerplate" / "docs" / f"{g.stem}.txt" for g in gold_files]
        splits = {
            split: [g for g in gold_files if split_of(g.name) == split]
            for split in ("development", "validation")
        }
        splits["all"] = gold_files
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        warehouse = build_warehouse(pages, work)
        scores = {name: score(warehouse, files, work, name) for name, files in splits.items()}
    header = "".join(f"{name} ({len(splits[name])})".rjust(20) for name in splits)
    print(f"{'metric':<22}{header}")
    for metric in METRICS:
        print(f"{metric:<22}" + "".join(cell(scores[s].get(metric)).rjust(20) for s in splits))


if __name__ == "__main__":
    main()
