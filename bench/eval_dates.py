"""Score the dates stage as `newsfacts run` uses it on ../shared/bench/dates, development and
validation cases (bench/splits.py, on the case id) reported apart.

usage: python bench/eval_dates.py [--language en] [score.py options, e.g. --show-fails N]

What is scored: each case's input becomes a one-line article whose body is that line, whose
publication date is the case's reference date (what the page's date line gives a real article)
and whose language is the one the clean stage detects for that text (pipeline.stages.clean
detect_language, as `newsfacts run` sets it). The stage's own entry point, extract_dates, reads
that article; every resolved value of its date mentions is a prediction, unresolved ones are
dropped (the benchmark scores values only). Nothing is chosen or filtered with the gold.
--language en skips the detection and reads every case as English (the date stage alone).
The benchmark data is read at run time only; predictions go to a temporary file.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from splits import split_of_id

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO.parent / "shared" / "bench" / "dates"
sys.path.insert(0, str(REPO))

from pipeline.stages.clean.language import detect_language  # noqa: E402
from pipeline.stages.dates import extract_dates  # noqa: E402
from schemas import ArticleText  # noqa: E402


def as_article(case: dict, language: str | None) -> ArticleText:
    """The case as the article the extraction stages read in a run."""
    text = case["input"]
    return ArticleText(
        article_id=case["case_id"],
        lines=[text],
        body_line_nos=[1],
        published_on=dt.datetime.fromisoformat(case["reference"]).date(),
        language=language or detect_language([text]),
    )


def predict(case: dict, language: str | None) -> dict:
    mentions = extract_dates(as_article(case, language))
    dates = [m.value.isoformat() for m in mentions if m.value is not None]
    return {"case_id": case["case_id"], "dates": dates}


def score(cases: list[dict], predictions: list[dict], options: list[str], work: Path) -> str:
    """The scorer's output on these cases only."""
    name = f"{len(list(work.iterdir()))}"
    cases_file, pred_file = work / f"cases-{name}.jsonl", work / f"pred-{name}.jsonl"
    cases_file.write_text("".join(json.dumps(c) + "\n" for c in cases), encoding="utf-8")
    pred_file.write_text("".join(json.dumps(p) + "\n" for p in predictions), encoding="utf-8")
    cmd = [sys.executable, str(BENCH / "score.py"), str(pred_file), "--cases", str(cases_file)]
    done = subprocess.run([*cmd, *options], capture_output=True, text=True, check=True)
    return done.stdout


def main() -> None:
    if not BENCH.exists():
        sys.exit(f"benchmark folder {BENCH} is absent")
    args = sys.argv[1:]
    language = None
    if "--language" in args:
        at = args.index("--language")
        language = args[at + 1]
        del args[at : at + 2]
    cases = [json.loads(line) for line in (BENCH / "cases.jsonl").read_text("utf-8").splitlines()]
    predictions = {c["case_id"]: predict(c, language) for c in cases}
    splits = {
        split: [c for c in cases if split_of_id(c["case_id"]) == split]
        for split in ("development", "validation")
    }
    splits["all"] = cases
    with tempfile.TemporaryDirectory() as tmp:
        for split, chosen in splits.items():
            # Per-case output (--show-fails) is printed for development cases only.
            options = args if split == "development" else [a for a in args if a == "--lenient"]
            out = score(chosen, [predictions[c["case_id"]] for c in chosen], options, Path(tmp))
            body = out.strip().splitlines()
            print(f"== {split} ({len(chosen)} cases)")
            print("\n".join(body if split == "development" else body[-1:]))


if __name__ == "__main__":
    main()
