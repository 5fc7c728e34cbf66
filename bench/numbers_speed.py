"""Articles per second of the numbers stage on one core.

usage: python bench/numbers_speed.py [--seconds 5]
CPU time (time.process_time), so other processes on the machine do not skew it. Runs
extract_numbers over the five seed articles (body lines from ../shared/gold) in a loop,
and parse_quantities over the numbers benchmark sentences, and prints the rates.
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

from pipeline.numbers import extract_numbers, parse_quantities  # noqa: E402

SHARED = ROOT.parent / "shared"


def rate(work, items: list, seconds: float) -> float:
    for item in items:  # warm the caches (data files, compiled patterns)
        work(item)
    done = 0
    start = time.process_time()
    while time.process_time() - start < seconds:
        for item in items:
            work(item)
        done += len(items)
    return done / (time.process_time() - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=5.0)
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


if __name__ == "__main__":
    main()
