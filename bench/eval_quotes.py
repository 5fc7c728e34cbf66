"""Score the claims `newsfacts run` extracts from ../shared/bench/quotes (PolNeAR) with its
scorer, development and validation documents (bench/splits.py, on the doc id) reported apart.

usage: python bench/eval_quotes.py [--all-claims] [--all-body] [score.py options: --kinds direct]

What is scored: each document's text file goes through the same functions as `newsfacts run`
(pipeline.stages.extract.extract_file: ingest, clean, actors, dates, then claims with the
article's actor and date mentions), and the Claim records that come out are the predictions:
the claim's text, and as speaker its speaker_text, or for a claim whose speaker was carried
over from an earlier one the name of its speaker actor (all a run stores for it). Two
PolNeAR conventions are applied to the records, reading only them and the text: a quotation
continued over several paragraphs is one annotation (a bare direct claim opening a paragraph
after one whose quotation was left open is joined to the previous prediction), and so is
"“A,” X said. “B.”" (a second direct fragment on a line with the same or no attribution,
unless a cue of its own follows it or stands between the two: "“A,” X said. “B,” X added.").
By default only claims with quoted words are predicted (the benchmark scores direct and mixed
quotes); --all-claims predicts reported speech too. --all-body makes every paragraph a body
line instead of running the clean stage (the claims stage alone). Nothing is tuned on or
filtered with the gold.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from splits import split_of_id

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO.parent / "shared" / "bench" / "quotes"
sys.path.insert(0, str(REPO))

from pipeline.stages import actors, dates  # noqa: E402
from pipeline.stages.claims import extract_claims, find_quotes  # noqa: E402
from pipeline.stages.extract import extract_file  # noqa: E402
from schemas import ArticleText  # noqa: E402

# A sentence's end after a fragment: a stop before a space or the line's end, not after an
# initial or a short title ("Mr.", "Sen.").
_SENTENCE_STOP = re.compile(
    r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})[.!?][\u201d\u2019\"']*(?:\s|$)"
)
QUOTE_MARKS = ("\u201c", "\u201d", '"', "''", "\u2018")


def run_records(doc_id: str, text: str, all_body: bool) -> tuple[list[str], list[dict], dict]:
    """The document's lines, its claim records and actor names, as a run makes them."""
    lines = text.split("\n")
    if all_body:
        body = [n for n, line in enumerate(lines, start=1) if line.strip()]
        article = ArticleText(article_id=doc_id, lines=lines, body_line_nos=body)
        mentions = actors.extract_actor_mentions(article)
        claims = extract_claims(article, mentions, dates.extract_dates(article))
        names = {m.actor_id: m.name for m in mentions}
        return lines, [c.model_dump() for c in claims], names
    [result] = extract_file(f"{doc_id}.txt", text.encode("utf-8"))
    if "claims" not in result:  # the page was rejected: no claims
        return lines, [], {}
    names = {m["actor_id"]: m["name"] for m in result["actor_mentions"]}
    return lines, result["claims"], names


def _left_open(line: str) -> bool:
    quotes = find_quotes(line)
    return bool(quotes) and quotes[-1].close_at is None


def _is_bare(claim: dict) -> bool:
    return claim["is_direct"] and claim["cue"] is None and claim["speaker_text"] is None


def _cue_after(line: str, claim: dict) -> bool:
    """Whether a claim's cue follows it in its sentence ("“A,” she said.")."""
    cue = claim["cue"]
    if not cue:
        return False
    after = line[claim["end"] :]
    stop = _SENTENCE_STOP.search(after)
    return bool(_word(cue).search(after[: stop.start() if stop else len(after)]))


def _word(cue: str) -> re.Pattern[str]:
    """The cue's first word ("told" of 'told ABC's "Good Morning America."') as a word."""
    return re.compile(rf"(?<!\w){re.escape(cue.split()[0])}(?!\w)", re.I)


def _cued_apart(line: str, previous: dict, claim: dict) -> bool:
    """Whether a later fragment on a line has a cue of its own: one after it in its sentence
    ("“A,” she said. “B,” she said."), or one between the two that is not the previous
    fragment's ("“A,” she said. “B.” Asked why, she said: “C.”"). Such a fragment is a new
    quotation, not the run-on of the previous one."""
    cue = claim["cue"]
    if not cue:
        return False
    between = len(_word(cue).findall(line[previous["end"] : claim["start"]]))
    return _cue_after(line, claim) or between > (1 if _cue_after(line, previous) else 0)


def predict_document(doc_id: str, text: str, all_claims: bool, all_body: bool) -> dict:
    lines, records, names = run_records(doc_id, text, all_body)
    quotes: list[dict] = []
    previous: dict | None = None
    for claim in sorted(records, key=lambda c: (c["line_no"], c["start"])):
        claim_text = claim["text"]
        first_on_line = previous is None or previous["line_no"] != claim["line_no"]
        if (
            quotes
            and previous is not None
            and first_on_line
            and _is_bare(claim)
            and not lines[claim["line_no"] - 1][: claim["start"]].strip(" \u201c\"'\u2018")
            and _left_open(lines[previous["line_no"] - 1])
        ):
            # A paragraph of a quotation opened in the previous one: one annotation.
            quotes[-1]["text"] += "\n\n" + claim_text
            previous = claim
            continue
        if (
            quotes
            and previous is not None
            and not first_on_line
            and previous["is_direct"]
            and claim["is_direct"]
            and (
                _is_bare(claim)
                or (claim["speaker_text"], claim["cue"])
                == (previous["speaker_text"], previous["cue"])
            )
            and not _cued_apart(lines[claim["line_no"] - 1], previous, claim)
        ):
            # "“A,” X said. “B.”" is one quotation in two fragments for PolNeAR.
            quotes[-1]["text"] += " " + claim_text
            previous = claim
            continue
        previous = claim
        has_quote = claim["is_direct"] or any(mark in claim_text for mark in QUOTE_MARKS)
        if not (all_claims or has_quote):
            continue
        speaker = claim["speaker_text"] or names.get(claim["speaker_actor_id"])
        quotes.append({"text": claim_text, "speaker": speaker})
    return {"doc_id": doc_id, "quotes": quotes}


def score(gold_rows: list[str], predictions: list[dict], options: list[str], work: Path) -> str:
    name = f"{len(list(work.iterdir()))}"
    gold_file, pred_file = work / f"gold-{name}.jsonl", work / f"pred-{name}.jsonl"
    gold_file.write_text("".join(row + "\n" for row in gold_rows), encoding="utf-8")
    pred_file.write_text("".join(json.dumps(p) + "\n" for p in predictions), encoding="utf-8")
    cmd = [sys.executable, str(BENCH / "score.py"), "--gold", str(gold_file)]
    done = subprocess.run(
        [*cmd, "--pred", str(pred_file), *options], capture_output=True, text=True, check=True
    )
    return done.stdout


def main() -> None:
    if not BENCH.exists():
        sys.exit(f"benchmark folder {BENCH} is absent")
    args = sys.argv[1:]
    all_claims, all_body = "--all-claims" in args, "--all-body" in args
    args = [a for a in args if a not in ("--all-claims", "--all-body")]
    gold_rows = (BENCH / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    predictions = {}
    for row in gold_rows:
        doc_id = json.loads(row)["doc_id"]
        text = (BENCH / "docs" / f"{doc_id}.txt").read_text(encoding="utf-8")
        predictions[doc_id] = predict_document(doc_id, text, all_claims, all_body)
    splits = {
        split: [r for r in gold_rows if split_of_id(json.loads(r)["doc_id"]) == split]
        for split in ("development", "validation")
    }
    splits["all"] = gold_rows
    with tempfile.TemporaryDirectory() as tmp:
        for split, rows in splits.items():
            chosen = [predictions[json.loads(r)["doc_id"]] for r in rows]
            out = score(rows, chosen, args, Path(tmp)).strip().splitlines()
            print(f"== {split} ({len(rows)} documents)")
            print("\n".join(out if split != "validation" else out[-1:]))


if __name__ == "__main__":
    main()
