#!/usr/bin/env python3
"""Seconds per stage against page size, from 1x to 1,000x a normal page.

    python bench/size_scaling.py [--factors 1 10 100 1000] [--shape repeated|distinct|figures|line]

Shapes: ``repeated`` pastes one sample page k times (the file that once stalled a run for 15
minutes); ``distinct`` numbers each pasted copy's lines so no line repeats; ``line`` makes one
line k times as long (figures, quotes and names, the worst case for the extractors);
``figures`` adds a run of glued figures (bench/scaled_pages.py builds them all). The
stages run directly, past the ingest limits that would reject the larger pages in a real run
(NEWSFACTS_MAX_PAGE_LINES, NEWSFACTS_MAX_LINE_CHARS), so the figures show each stage's own
growth: linear growth keeps seconds per 1x roughly flat.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scaled_pages import SHAPES, scaled_page  # noqa: E402

from pipeline.stages import actors, claims, clean, dates, numbers  # noqa: E402
from pipeline.stages.article import build_article  # noqa: E402
from schemas import SourceDocument  # noqa: E402

T = TypeVar("T")
SAMPLE = sorted((ROOT / "raw").glob("*.txt"))[0]
STAGES = ["clean", "actors", "numbers", "dates", "claims"]


def page_text(shape: str, factor: int) -> str:
    # A line four units long is about as long as the sample page.
    copies = 4 * factor if shape == "line" else factor
    return scaled_page(SAMPLE.read_text(encoding="utf-8"), shape, copies)


def timed(fn: Callable[[], T]) -> tuple[T, float]:
    started = time.process_time()
    value = fn()
    return value, time.process_time() - started


def run(shape: str, factor: int) -> dict[str, float]:
    text = page_text(shape, factor)
    doc = SourceDocument(
        source_path="big.txt", source_id="big", kind="txt", content_hash="0" * 64, text=text
    )
    cleaned, t_clean = timed(lambda: clean.clean_document(doc))
    _, _, article = build_article(doc, cleaned, dt.datetime.now(dt.UTC))
    mentions, t_actors = timed(lambda: actors.extract_actor_mentions(article))
    _, t_numbers = timed(lambda: numbers.extract_numbers(article))
    found_dates, t_dates = timed(lambda: dates.extract_dates(article))
    _, t_claims = timed(lambda: claims.extract_claims(article, mentions, found_dates))
    return {
        "chars": len(text),
        "lines": text.count("\n") + 1,
        "clean": t_clean,
        "actors": t_actors,
        "numbers": t_numbers,
        "dates": t_dates,
        "claims": t_claims,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 10, 100, 1000])
    parser.add_argument("--shape", choices=SHAPES, action="append")
    args = parser.parse_args()
    run("distinct", 1)  # loads word lists and gazetteers, so 1x times the work alone
    for shape in args.shape or ["repeated", "distinct", "line"]:
        print(f"\n{shape}: CPU seconds per stage (seconds per 1x in brackets)")
        header = " ".join(f"{s:>16}" for s in STAGES)
        print(f"{'size':>6} {'chars':>11} {'lines':>8} {header}")
        for factor in args.factors:
            r = run(shape, factor)
            cells = " ".join(f"{r[s]:>7.2f} ({r[s] / factor:6.3f})" for s in STAGES)
            print(f"{factor:>5}x {r['chars']:>11,} {r['lines']:>8,} {cells}", flush=True)


if __name__ == "__main__":
    main()
