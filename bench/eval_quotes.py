"""Run the claims stage on ../shared/bench/quotes (PolNeAR) and score it with its scorer.

usage: python bench/eval_quotes.py [--all-claims] [score.py options, e.g. --kinds direct]
Each document's paragraphs become the body lines of an article; a quote continued over several
paragraphs is joined back into one prediction, as the benchmark annotates it. By default only
claims with quoted words are predicted (the benchmark scores direct and mixed quotes);
--all-claims also predicts reported speech. The speaker is the claim's speaker string.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO.parent / "shared" / "bench" / "quotes"
sys.path.insert(0, str(REPO))

from pipeline.stages.claims import FoundClaim, find_claims  # noqa: E402
from schemas import ArticleText  # noqa: E402

QUOTE_MARKS = ("\u201c", "\u201d", '"', "''", "\u2018")


def _same_quotation(previous: FoundClaim, claim: FoundClaim) -> bool:
    """A second quoted fragment in the same paragraph that carries no attribution of its own."""
    if previous.line_no != claim.line_no or not previous.is_direct:
        return False
    return claim.extra.get("same_line_source", False) or (
        claim.speaker_start == previous.speaker_start and claim.cue == previous.cue
    )


def predict_document(doc_id: str, text: str, all_claims: bool) -> dict:
    lines = text.split("\n")
    body = [n for n, line in enumerate(lines, start=1) if line.strip()]
    article = ArticleText(article_id=doc_id, lines=lines, body_line_nos=body)
    quotes: list[dict] = []
    previous: FoundClaim | None = None
    for claim in find_claims(article):
        line = lines[claim.line_no - 1]
        claim_text = line[claim.start : claim.end]
        if claim.continues_quote and quotes:
            quotes[-1]["text"] += "\n\n" + claim_text
            continue
        # "“A,” X said. “B.”" is one quotation in two fragments for PolNeAR; we keep two claims.
        if claim.is_direct and previous is not None and _same_quotation(previous, claim) and quotes:
            quotes[-1]["text"] += " " + claim_text
            previous = claim
            continue
        previous = claim
        has_quote = claim.is_direct or any(mark in claim_text for mark in QUOTE_MARKS)
        if not (all_claims or has_quote):
            continue
        speaker = claim.speaker_text or claim.inherited_speaker_text
        quotes.append({"text": claim_text, "speaker": speaker})
    return {"doc_id": doc_id, "quotes": quotes}


def main() -> None:
    if not BENCH.exists():
        sys.exit(f"benchmark folder {BENCH} is absent")
    args = sys.argv[1:]
    all_claims = "--all-claims" in args
    args = [a for a in args if a != "--all-claims"]
    predictions = []
    for line in (BENCH / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        doc_id = json.loads(line)["doc_id"]
        text = (BENCH / "docs" / f"{doc_id}.txt").read_text(encoding="utf-8")
        predictions.append(predict_document(doc_id, text, all_claims))
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as out:
        out.write("\n".join(json.dumps(p) for p in predictions) + "\n")
    gold = BENCH / "gold.jsonl"
    cmd = [sys.executable, str(BENCH / "score.py"), "--gold", str(gold), "--pred", out.name, *args]
    try:
        subprocess.run(cmd, check=True)
    finally:
        Path(out.name).unlink()


if __name__ == "__main__":
    main()
