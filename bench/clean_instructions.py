"""Instructions per cold page of the page cleaner (clean_document on .txt pages), counted by
valgrind's callgrind.

Wall-clock figures from a shared machine move 2-3x within an hour; instruction counts for the
same code, pages and Python do not, so this is the figure to compare two versions of the
cleaner by. The script runs itself under valgrind twice, cleaning the pages (the seeds and, when
present, ../shared/bench/boilerplate) once and three times, and reports the difference per
page and pass: start-up, imports and first-use costs cancel out. Line caches are cleared before
each pass, as in clean_speed.py. Takes about three minutes.

    python bench/clean_instructions.py
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from chunk_timing import build_line  # noqa: E402
from clean_speed import load_pages  # noqa: E402

FEW, MANY = 1, 3
_COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def clean_pages(passes: int) -> None:
    from pipeline import clean

    docs = load_pages()
    for _ in range(passes):
        clean.clear_caches()
        for doc in docs:
            clean.clean_document(doc)


def instructions(passes: int) -> int:
    """Instructions of a whole run of this script cleaning the pages ``passes`` times."""
    command = [
        "valgrind",
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        sys.executable,
        __file__,
        "--passes",
        str(passes),
    ]
    # A fixed hash seed: set and dict orders, and so the work, are the same in every run.
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    found = _COLLECTED.search(done.stderr)
    if found is None:
        sys.exit(f"no instruction count in valgrind's output:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--passes", type=int, help=argparse.SUPPRESS)  # the run under valgrind
    args = parser.parse_args()
    if args.passes is not None:
        clean_pages(args.passes)
        return
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (Debian: apt-get install valgrind)")
    print(build_line())
    pages = len(load_pages())
    few, many = instructions(FEW), instructions(MANY)
    per_page = (many - few) / (MANY - FEW) / pages
    print(f"{pages} pages; {per_page / 1e6:.2f} million instructions per cold page")


if __name__ == "__main__":
    main()
