"""Score the actors stage on the CoNLL-2003 English dev set in ../shared/bench/ner.

Each document's lines are one ArticleText, all lines body. Our types map to CoNLL's:
person -> PER; organization, armed_group, government_body -> ORG; country, location -> LOC;
other is dropped. Research use only: the benchmark is read at run time, never copied.
Scores are printed for the development and validation documents (bench/splits.py on the doc_id)
and for all of them; the validation figure is the one that counts.

usage: python bench/eval_ner.py [--bench ../shared/bench/ner] [--out /tmp/ner_pred.jsonl]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from splits import split_jsonl

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.stages.actors import extract_actor_mentions  # noqa: E402
from schemas.records import ArticleText  # noqa: E402

TYPE_MAP = (
    "person=PER,organization=ORG,armed_group=ORG,government_body=ORG,country=LOC,location=LOC"
)


def predict(doc_id: str, text: str) -> dict:
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    article = ArticleText(
        article_id=doc_id, lines=lines, body_line_nos=list(range(1, len(lines) + 1))
    )
    entities = [
        {
            "text": m.text,
            "type": m.type,
            "start": offsets[m.line_no - 1] + m.start,
            "end": offsets[m.line_no - 1] + m.end,
        }
        for m in extract_actor_mentions(article)
        if m.type != "other"
    ]
    return {"doc_id": doc_id, "entities": entities}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--bench", default=str(REPO.parent / "shared" / "bench" / "ner"))
    ap.add_argument("--out", default="/tmp/ner_pred.jsonl")
    args = ap.parse_args()
    bench = Path(args.bench)
    docs = sorted((bench / "docs").glob("*.txt"))
    with open(args.out, "w", encoding="utf-8") as f:
        for path in docs:
            pred = predict(path.stem, path.read_text(encoding="utf-8"))
            f.write(json.dumps(pred) + "\n")
    with tempfile.TemporaryDirectory() as tmp:
        golds = split_jsonl(bench / "gold.jsonl", Path(tmp))
        preds = split_jsonl(Path(args.out), Path(tmp))
        for split, gold in golds.items():
            print(f"== {split}", flush=True)
            cmd = [sys.executable, str(bench / "score.py"), "--gold", str(gold)]
            subprocess.run([*cmd, "--pred", str(preds[split]), "--map", TYPE_MAP], check=True)


if __name__ == "__main__":
    main()
