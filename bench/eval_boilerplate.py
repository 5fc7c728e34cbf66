"""Score the page cleaner on ../shared/bench/boilerplate (article-body extraction from text dumps).

Writes one prediction per page (body = the body lines joined by "\\n") to a temporary file and
runs the benchmark's own score.py on it, for the development pages, the validation pages
(bench/splits.py on the doc_id; the figure that counts) and all of them. Also prints the
20-word-line baseline per page, so a page the cleaner does worse on stands out, and the seeds'
line accuracy against ../shared/gold.

    python bench/eval_boilerplate.py [--per-doc] [--bench ../shared/bench/boilerplate]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from splits import split_jsonl, split_of  # noqa: E402

from pipeline.stages.clean import clean_document  # noqa: E402
from schemas import SourceDocument  # noqa: E402

DEFAULT_BENCH = REPO.parent / "shared" / "bench" / "boilerplate"
SEEDS = REPO.parent / "shared" / "seeds"
GOLD = REPO.parent / "shared" / "gold"
BASELINE_MIN_WORDS = 20
WORSE_THAN_BASELINE = 0.10


def txt_document(path: Path) -> SourceDocument:
    return SourceDocument(
        source_path=str(path),
        source_id=path.stem,
        kind="txt",
        content_hash="",
        text=path.read_text(),
    )


def cleaned_body(text: str, path: Path) -> str:
    doc = txt_document(path)
    labels = clean_document(doc).labels
    return "\n".join(
        ln.strip() for ln, lab in zip(text.split("\n"), labels, strict=True) if lab.is_body
    )


def baseline_body(text: str) -> str:
    return "\n".join(ln for ln in text.split("\n") if len(ln.split()) >= BASELINE_MIN_WORDS)


def score(
    bench: Path, preds: dict[str, str], extra: tuple[str, ...] = (), gold: Path | None = None
) -> tuple[dict[str, float], str]:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as out:
        for doc_id, body in preds.items():
            out.write(json.dumps({"doc_id": doc_id, "body": body}) + "\n")
    result = subprocess.run(
        [
            sys.executable,
            str(bench / "score.py"),
            "--gold",
            str(gold or bench / "gold.jsonl"),
            "--pred",
            out.name,
            *extra,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    Path(out.name).unlink()
    per_doc = {}
    for line in result.stdout.splitlines()[:-1]:
        parts = line.split()
        if len(parts) >= 4 and re.fullmatch(r"[0-9a-f]{64}", parts[0]):
            per_doc[parts[0]] = float(parts[3].split("=")[-1])
    tail = result.stdout.strip().splitlines()
    # With --bootstrap, score.py prints the +- std line just before the overall line.
    summary = " | ".join(tail[-2:]) if extra and tail[-2].startswith("bootstrap") else tail[-1]
    return per_doc, summary


def seed_line_accuracy() -> tuple[int, int]:
    ok = total = 0
    for gold_path in sorted(GOLD.glob("*.json")):
        gold = json.loads(gold_path.read_text())
        seed = SEEDS / gold["file"]
        labels = clean_document(txt_document(seed)).labels
        body = set(gold["lines"]["body"])
        for line_no in body | {int(k) for k in gold["lines"]["other"]}:
            ok += labels[line_no - 1].is_body == (line_no in body)
            total += 1
    return ok, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--per-doc", action="store_true", help="print every page's F1")
    parser.add_argument("--bootstrap", type=int, default=0, help="score.py --bootstrap N (+- std)")
    args = parser.parse_args()
    if not (args.bench / "score.py").exists():
        sys.exit(f"benchmark not found at {args.bench}")
    preds, base = {}, {}
    for path in sorted((args.bench / "docs").glob("*.txt")):
        text = path.read_text()
        preds[path.stem] = cleaned_body(text, path)
        base[path.stem] = baseline_body(text)
    extra = ("--bootstrap", str(args.bootstrap)) if args.bootstrap else ()
    ours, summary = score(args.bench, preds, extra)
    theirs, base_summary = score(args.bench, base)
    worse = {
        d: (ours[d], theirs[d]) for d in ours if ours[d] < theirs.get(d, 0) - WORSE_THAN_BASELINE
    }
    if args.per_doc:
        for doc_id in sorted(ours, key=lambda d: ours[d] - theirs.get(d, 0)):
            print(f"{doc_id[:12]} cleaner={ours[doc_id]:.3f} 20-word={theirs.get(doc_id, 0):.3f}")
    print(f"20-word rule: {base_summary}")
    print(
        f"pages worse than the 20-word rule by > {WORSE_THAN_BASELINE}: "
        + (", ".join(f"{d[:12]} ({a:.2f} vs {b:.2f})" for d, (a, b) in worse.items()) or "none")
    )
    if GOLD.exists() and SEEDS.exists():
        ok, total = seed_line_accuracy()
        print(f"seeds body/non-body line accuracy: {ok}/{total} = {ok / total:.3f}")
    print(f"cleaner, all pages: {summary}")
    with tempfile.TemporaryDirectory() as tmp:
        golds = split_jsonl(args.bench / "gold.jsonl", Path(tmp))
        for split in ("development", "validation"):
            chosen = {d: body for d, body in preds.items() if split_of(d) == split}
            print(f"cleaner, {split} pages: {score(args.bench, chosen, extra, golds[split])[1]}")


if __name__ == "__main__":
    main()
