#!/usr/bin/env python3
"""Speed and memory of each stage and of the whole pipeline, on a corpus of a few thousand pages.

The corpus is --articles distinct pages made by bench/corpus.py from the sample pages and the
pages of ../shared/bench (read at run time, never copied into the repo): real page frames whose
body paragraphs are rebuilt from real sentences, so no cache sees a page twice. Each stage is
timed in CPU seconds on one core over the whole corpus. The end-to-end figure is a real
`newsfacts run` (the Dagster job, in-process) into a fresh warehouse, in a child process so its
peak memory is its own (wall time).

    python bench/speed.py [--articles 3000] [--json results.json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus import build_corpus  # noqa: E402

from pipeline.stages import actors, claims, clean, dates, ingest, numbers  # noqa: E402
from pipeline.stages.article import build_article  # noqa: E402
from pipeline.stages.validate import validate_part  # noqa: E402


def timed(label: str, n: int, fn: Callable[[], Any], results: dict[str, Any]) -> Any:
    """Runs fn once; the rate is per CPU second, so other load on the machine doesn't count."""
    wall, cpu = time.perf_counter(), time.process_time()
    value = fn()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    results[label] = {
        "cpu_seconds": round(cpu, 3),
        "wall_seconds": round(wall, 3),
        "articles_per_second": round(n / cpu, 1),
    }
    print(f"{label:<14} {n / cpu:>10,.0f} articles/s per core  ({cpu:.2f} s CPU)", flush=True)
    return value


def stage_speeds(raw: Path) -> dict[str, Any]:
    results: dict[str, Any] = {}
    files = sorted(raw.iterdir())
    n = len(files)
    now = dt.datetime.now(dt.UTC)

    def read_all() -> list:
        docs = []
        for f in files:
            data = f.read_bytes()
            docs.extend(ingest.read_source(f.name, data, ingest.content_hash(data))[0])
        return docs

    docs = timed("ingest", n, read_all, results)
    cleaned = timed("clean", n, lambda: [clean.clean_document(d) for d in docs], results)
    built = []
    for doc, verdict in zip(docs, cleaned, strict=True):
        try:
            built.append(build_article(doc, verdict, now))
        except ValueError:  # a page with no article body: the pipeline rejects it
            continue
    texts = [b[2] for b in built]
    mentions = timed(
        "actors", n, lambda: [actors.extract_actor_mentions(t) for t in texts], results
    )
    figures = timed("numbers", n, lambda: [numbers.extract_numbers(t) for t in texts], results)
    found_dates = timed("dates", n, lambda: [dates.extract_dates(t) for t in texts], results)
    found_claims = timed(
        "claims",
        n,
        lambda: [
            claims.extract_claims(t, m, d)
            for t, m, d in zip(texts, mentions, found_dates, strict=True)
        ],
        results,
    )

    def validate_all() -> None:
        tables = {
            "articles": [b[0].model_dump() for b in built],
            "article_lines": [line.model_dump() for b in built for line in b[1]],
            "article_texts": [
                {**b[2].model_dump(), "source_path": b[0].source_path} for b in built
            ],
            "actor_mentions": [m.model_dump() for ms in mentions for m in ms],
            "numbers": [f.model_dump() for fs in figures for f in fs],
            "claims": [c.model_dump() for cs in found_claims for c in cs],
            "date_mentions": [d.model_dump() for ds in found_dates for d in ds],
        }
        validate_part(tables)

    timed("validate", n, validate_all, results)
    results["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return results


def end_to_end(raw: Path, work: Path) -> dict[str, Any]:
    """A real `newsfacts run` in a child process: wall time and the child's peak memory."""
    env = {
        **os.environ,
        "NEWSFACTS_RAW_DIR": str(raw),
        "NEWSFACTS_WAREHOUSE": str(work / "wh" / "news.duckdb"),
    }
    env.pop("DAGSTER_HOME", None)
    results: dict[str, Any] = {}
    for label in ("first_run", "second_run"):
        start = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", CHILD_RUN],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        results[f"{label}_seconds"] = round(time.perf_counter() - start, 2)
        results[f"{label}_peak_rss_mb"] = round(int(out.stderr.strip().splitlines()[-1]) / 1024, 1)
    return results


# The child reports its own peak RSS from /proc (VmHWM, in kB): getrusage's ru_maxrss would
# include the parent's pages at fork, which Linux keeps across exec.
CHILD_RUN = """
import re, sys
from pipeline.cli import main
code = main(["run"])
status = open("/proc/self/status").read()
print(re.search(r"VmHWM:\\s+(\\d+)", status).group(1), file=sys.stderr)
sys.exit(code)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--skip-end-to-end", action="store_true")
    parser.add_argument("--skip-stages", action="store_true", help="time only the end-to-end run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw"
        raw.mkdir()
        size = build_corpus(raw, args.articles)
        print(f"corpus: {args.articles} pages, {size / 1e6:.1f} MB", flush=True)
        results: dict[str, Any] = {"articles": args.articles, "corpus_mb": round(size / 1e6, 1)}
        if not args.skip_stages:
            results["stages"] = stage_speeds(raw)
            print(f"stage peak RSS {results['stages']['peak_rss_mb']} MB")
        if not args.skip_end_to_end:
            e2e = end_to_end(raw, Path(tmp))
            e2e["articles_per_second"] = round(args.articles / e2e["first_run_seconds"], 1)
            results["end_to_end"] = e2e
            print(
                f"end to end     {e2e['articles_per_second']:>10,.0f} articles/s  "
                f"(first run {e2e['first_run_seconds']} s, second run "
                f"{e2e['second_run_seconds']} s, peak RSS {e2e['first_run_peak_rss_mb']} MB)"
            )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
