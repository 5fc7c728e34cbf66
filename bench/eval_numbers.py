"""Score parse_quantities on the numbers benchmark (Recognizers-Text English specs).

usage: python bench/eval_numbers.py [--out PRED.jsonl] [--mode all|news]
Writes predictions and runs ../shared/bench/numbers/score.py --by-source on them.

Each Recognizers-Text model only reports its own kind of figure (the currency model reports
amounts of money, not the percentages in the same sentence), so the kinds kept per case follow
the case's model (its case_id prefix). ``--mode all`` (default) also keeps years, durations
and the like, which the number model counts; ``--mode news`` is the pipeline's own default.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.stages.numbers import Quantity, parse_quantities  # noqa: E402

BENCH = ROOT.parent / "shared" / "bench" / "numbers"
# Kinds the number model never reports: ordinals, codes glued to letters, the pronoun "one".
NOT_NUMBERS = {"ordinal", "code", "pronoun"}
MODEL_KINDS = {
    "rt-cur": {"currency"},
    "rt-dim": {"dimension"},
    "rt-age": {"age"},
    "rt-temp": {"temperature"},
    "rt-pct": {"percent"},
    "rt-pctmode": {"percent"},
}


def keep(quantity: Quantity, model: str) -> bool:
    kinds = MODEL_KINDS.get(model)
    if kinds is None:  # the number models: every number not glued to a unit
        return quantity.kind not in NOT_NUMBERS and not (
            quantity.glued_unit and "currency" not in quantity.unit_kinds
        )
    return quantity.kind in kinds or bool(quantity.unit_kinds & kinds)


def predict(case: dict, mode: str) -> list[float]:
    model = case["case_id"].rsplit("-", 1)[0]
    out: list[float] = []
    for quantity in parse_quantities(case["input"], mode):  # type: ignore[arg-type]
        if keep(quantity, model):
            out.append(quantity.value)
            if quantity.value_max is not None:
                out.append(quantity.value_max)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="/tmp/numbers_pred.jsonl")
    parser.add_argument("--mode", default="all", choices=["all", "news"])
    parser.add_argument("--show-fails", default="0")
    args = parser.parse_args()
    if not BENCH.is_dir():
        sys.exit(f"benchmark folder {BENCH} is absent")
    cases = [json.loads(line) for line in (BENCH / "cases.jsonl").read_text().splitlines() if line]
    with open(args.out, "w", encoding="utf-8") as out:
        for case in cases:
            row = {"case_id": case["case_id"], "values": predict(case, args.mode)}
            out.write(json.dumps(row) + "\n")
    subprocess.run(
        [sys.executable, str(BENCH / "score.py"), args.out, "--by-source",
         "--show-fails", args.show_fails],
        check=True,
    )  # fmt: skip


if __name__ == "__main__":
    main()
