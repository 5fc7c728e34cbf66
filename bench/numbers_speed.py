"""Articles per second of the numbers stage on one core.

usage: python bench/numbers_speed.py [--seconds 5] [--long]
CPU time (time.process_time), best of many short passes: on a shared machine a pass that
another process slowed down only loses the contest. Runs extract_numbers over the five seed
articles (body lines from ../shared/gold) and parse_quantities over the numbers benchmark
sentences, and prints the rates. ``--long`` also times one 40,000-character line full of
figures (a feed record that is one paragraph), which must cost about 40,000 / 3,845 times an
article, not its square.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gold_seeds import seed_articles  # noqa: E402

from pipeline.stages.numbers import extract_numbers, parse_quantities  # noqa: E402
from schemas import ArticleText  # noqa: E402

SHARED = ROOT.parent / "shared"


def rate(work, items: list, seconds: float, pass_seconds: float = 0.1) -> float:
    """Items per CPU second of the fastest pass (each pass >= pass_seconds) in ``seconds``."""
    for item in items:  # warm the caches (data files, compiled patterns)
        work(item)
    best = 0.0
    deadline = time.process_time() + seconds
    while time.process_time() < deadline:
        done = 0
        start = time.process_time()
        while (elapsed := time.process_time() - start) < pass_seconds:
            for item in items:
                work(item)
            done += len(items)
        best = max(best, done / elapsed)
    return best


def long_line_seconds(chars: int = 40_000) -> float:
    piece = "About 2,500 troops in Iraq, 900 in Syria and 12 drones; 7 8 9 10 "
    line = piece * (chars // len(piece))
    article = ArticleText(article_id="long", lines=[line], body_line_nos=[1])
    start = time.process_time()
    extract_numbers(article)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--long", action="store_true", help="also time one 40,000-char line")
    args = parser.parse_args()
    articles = seed_articles()
    chars = sum(len(line) for a in articles for _, line in a.body_lines()) / len(articles)
    print(f"extract_numbers: {rate(extract_numbers, articles, args.seconds):,.0f} articles/s "
          f"(seed articles, {chars:,.0f} body characters each)")  # fmt: skip
    cases = SHARED / "bench" / "numbers" / "cases.jsonl"
    if cases.is_file():
        sentences = [json.loads(x)["input"] for x in cases.read_text().splitlines() if x]
        print(
            f"parse_quantities: {rate(parse_quantities, sentences, args.seconds):,.0f} "
            "sentences/s (numbers benchmark inputs)"
        )
    if args.long:
        print(f"one 40,000-character line of figures: {long_line_seconds():.2f} CPU seconds")


if __name__ == "__main__":
    main()
