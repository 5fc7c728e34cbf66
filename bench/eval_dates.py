"""Run the dates stage (find_dates) on ../shared/bench/dates and score it with its scorer.

usage: python bench/eval_dates.py [--show-fails N]
Writes the predictions to a temporary file; the benchmark data is read at run time only.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO.parent / "shared" / "bench" / "dates"
sys.path.insert(0, str(REPO))

from pipeline.stages.dates import find_dates  # noqa: E402


def predict(cases_path: Path) -> list[dict]:
    predictions = []
    for line in cases_path.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        reference = dt.datetime.fromisoformat(case["reference"])
        found = find_dates(case["input"], reference)
        dates = [f.value.isoformat() for f in found if f.value is not None]
        predictions.append({"case_id": case["case_id"], "dates": dates})
    return predictions


def main() -> None:
    if not BENCH.exists():
        sys.exit(f"benchmark folder {BENCH} is absent")
    predictions = predict(BENCH / "cases.jsonl")
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as out:
        out.write("\n".join(json.dumps(p) for p in predictions) + "\n")
    cmd = [sys.executable, str(BENCH / "score.py"), out.name, *sys.argv[1:]]
    try:
        subprocess.run(cmd, check=True)
    finally:
        Path(out.name).unlink()


if __name__ == "__main__":
    main()
