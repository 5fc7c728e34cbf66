"""Pages per second of the page cleaner (clean_document on .txt pages) per core (CPU time).

Reads the five seed pages and, when present, the ../shared/bench/boilerplate page dumps at run
time, cleans each page a few times after a warm-up, and prints pages/second and the mean size.
Caches of line verdicts and parsed dates are cleared before each pass, so repeated passes
over the same pages don't flatter the figure; CPU time is measured, so it is per core.

    python bench/clean_speed.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


from pipeline.stages import clean  # noqa: E402
from pipeline.stages.clean import classify_lines, clean_document  # noqa: E402
from schemas import SourceDocument  # noqa: E402

SHARED = REPO.parent / "shared"
PAGE_DIRS = [SHARED / "seeds", SHARED / "bench" / "boilerplate" / "docs"]


def load_pages() -> list[SourceDocument]:
    docs = []
    for folder in PAGE_DIRS:
        for path in sorted(folder.glob("*.txt")):
            docs.append(
                SourceDocument(
                    source_path=str(path),
                    source_id=path.stem,
                    kind="txt",
                    content_hash="",
                    text=path.read_text(encoding="utf-8"),
                )
            )
    return docs


def pages_per_second(docs: list[SourceDocument], rounds: int, full: bool) -> float:
    for doc in docs:  # warm-up: stoplists, regex and dateparser caches
        clean_document(doc)
    elapsed = 0.0
    for _ in range(rounds):
        # Line and date verdicts are cached; start each pass cold, as on pages never seen.
        clean.clear_caches()
        start = time.process_time()
        for doc in docs:
            if full:
                clean_document(doc)
            else:
                classify_lines(doc.text.split("\n"), "en")
        elapsed += time.process_time() - start
    return rounds * len(docs) / elapsed


CALIBRATION_LOOPS = 1_000_000


def python_loop_ms() -> float:
    """CPU milliseconds of a bare Python loop: how fast this machine runs Python right now,
    so figures from a loaded or slow machine can be compared (a 2020s laptop: about 30 ms)."""
    start = time.process_time()
    total = 0
    for i in range(CALIBRATION_LOOPS):
        total += i
    return (time.process_time() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    docs = load_pages()
    if not docs:
        sys.exit("no pages found under ../shared")
    mean_kb = sum(len(d.text.encode()) for d in docs) / len(docs) / 1024
    print(f"{len(docs)} pages, mean {mean_kb:.1f} KB")
    print(
        f"calibration: {CALIBRATION_LOOPS:,} Python loop additions take {python_loop_ms():.0f} ms"
    )
    print(f"line classifier only: {pages_per_second(docs, args.rounds, full=False):,.0f} pages/s")
    print(
        "clean_document (language, labels, metadata): "
        f"{pages_per_second(docs, args.rounds, full=True):,.0f} pages/s"
    )


if __name__ == "__main__":
    main()
