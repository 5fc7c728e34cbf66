"""Score the numbers stage on the Recognizers-Text cases of ../shared/bench/numbers: money,
percentages, measurements and temperatures, with development and validation cases
(bench/splits.py on the case id) reported apart.

usage: python bench/eval_numbers.py [--show-fails N]

Each case's sentence is read as a one-line article body by ``extract_numbers``, the function
`newsfacts run` calls, in the same mode: every figure it keeps is predicted (a range gives its
two ends), whatever its kind. Nothing is chosen by the case's expected answer or its model.
Two pass rates per split:

* strict (../shared/bench/numbers/score.py): the predicted values equal the expected ones as
  a multiset. Each model's cases list only that model's kind of figure, so a sentence's other
  true figures ("fell 19% to HK$10.05 billion": the currency case expects only the money)
  fail the case; this rate cannot reach 1 for a reader of news figures.
* found: every expected value is among the predicted ones (other figures allowed).

``--show-fails`` lists the development cases that fail the strict rate, only those.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from splits import split_of_id  # noqa: E402

from pipeline.stages.numbers import extract_numbers  # noqa: E402
from schemas.records import ArticleText  # noqa: E402

BENCH = ROOT.parent / "shared" / "bench" / "numbers"
# The case groups scored (case_id prefixes): the currency, percentage, dimension and
# temperature models. The number, number-range and age models count what news figures leave
# out (years, ordinals, bare numbers, ages), so they are not scored here.
SCORED_GROUPS = ("rt-cur", "rt-pct", "rt-pctmode", "rt-dim", "rt-temp")


def predict(sentence: str) -> list[float]:
    """The values the numbers stage keeps from ``sentence`` read as an article's body."""
    lines = sentence.split("\n")
    article = ArticleText(
        article_id="case", lines=lines, body_line_nos=list(range(1, len(lines) + 1))
    )
    return [mention.value for mention in extract_numbers(article)]


def scored_cases() -> list[dict]:
    text = (BENCH / "cases.jsonl").read_text(encoding="utf-8")
    cases = [json.loads(line) for line in text.splitlines() if line.strip()]
    return [c for c in cases if c["case_id"].rsplit("-", 1)[0] in SCORED_GROUPS]


def strict_score(cases: list[dict], rows: list[dict], work: Path, name: str, fails: int) -> str:
    """The benchmark's own scorer's report on ``rows`` (predictions) for ``cases``."""
    cases_file, pred_file = work / f"cases-{name}.jsonl", work / f"pred-{name}.jsonl"
    cases_file.write_text("".join(json.dumps(c) + "\n" for c in cases), encoding="utf-8")
    pred_file.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(BENCH / "score.py"), str(pred_file), "--cases", str(cases_file),
         "--by-source", "--show-fails", str(fails)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return done.stdout


def all_found(expected: list[float], predicted: list[float]) -> bool:
    """Is every expected value among the predicted ones (each predicted value used once)?"""
    left = list(predicted)
    for value in expected:
        match = next((k for k, p in enumerate(left) if math.isclose(p, value, rel_tol=1e-9)), None)
        if match is None:
            return False
        del left[match]
    return True


def found_rate(cases: list[dict], rows: list[dict]) -> float:
    hits = sum(
        all_found(
            [float(e["value"]) for e in c["expected"] if e.get("value") is not None], r["values"]
        )
        for c, r in zip(cases, rows, strict=True)
    )
    return hits / len(cases) if cases else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-fails", type=int, default=0, help="development cases only")
    args = parser.parse_args()
    if not BENCH.is_dir():
        sys.exit(f"benchmark folder {BENCH} is absent")
    cases = scored_cases()
    print(
        "Scoring extract_numbers (as `newsfacts run` calls it, every figure it keeps) on the "
        f"{', '.join(SCORED_GROUPS)} cases of {BENCH}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for split in ("development", "validation"):
            part = [c for c in cases if split_of_id(c["case_id"]) == split]
            rows = [{"case_id": c["case_id"], "values": predict(c["input"])} for c in part]
            fails = args.show_fails if split == "development" else 0
            print(f"\n== {split} ({len(part)} cases), strict:")
            print(strict_score(part, rows, Path(tmp), split, fails), end="")
            print(f"found (every expected value predicted): {found_rate(part, rows):.4f}")


if __name__ == "__main__":
    main()
