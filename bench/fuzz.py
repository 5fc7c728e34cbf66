#!/usr/bin/env python3
"""A long property-based run of every stage and the ingest parsers (see fuzz_targets.py).

    python bench/fuzz.py [--examples 5000] [--seconds 600] [--target extractors]

Prints, per target, how many inputs were tried, how long it took and the failures found (the
smallest failing input hypothesis could shrink each to).
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fuzz_targets import TARGETS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


def run_target(name: str, examples: int, seconds: float) -> tuple[int, list[str]]:
    prop, strategies = TARGETS[name]
    tried = 0
    deadline = time.monotonic() + seconds

    def counted(args: tuple[object, ...]) -> None:
        nonlocal tried
        tried += 1
        if time.monotonic() > deadline:
            return  # out of time: the remaining examples pass untried
        prop(*args)

    test = settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )(given(st.tuples(*strategies))(counted))
    try:
        test()
    except Exception:
        return tried, [traceback.format_exc(limit=8)]
    return tried, []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=5000, help="inputs per target")
    parser.add_argument("--seconds", type=float, default=600, help="time per target")
    parser.add_argument("--target", choices=sorted(TARGETS), action="append")
    args = parser.parse_args()
    failed = False
    for name in args.target or sorted(TARGETS):
        started = time.monotonic()
        tried, failures = run_target(name, args.examples, args.seconds)
        took = time.monotonic() - started
        print(f"{name:<11} {tried:>7,} inputs tried in {took:6.1f} s, {len(failures)} failures")
        for failure in failures:
            failed = True
            print(failure)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
