"""HTML input: newsfacts against trafilatura alone, on the same pages, with the boilerplate scorer.

../shared/bench/boilerplate holds text dumps, not the original HTML, so each dump is turned back
into plain markup the way its README says the dump was made: the first line is the <title>,
each blank-line-separated block a <p> when it is one line, else a <div> of one <div> per line.
The rebuilt pages carry none of the cues real pages give trafilatura (nav, footer, article,
class names), so the scores are lower than on real HTML; what counts is the comparison:

- trafilatura alone: ``trafilatura.extract`` with its defaults, and with the settings newsfacts
  passes (no comments, no tables);
- newsfacts: the HTML path of the pipeline (``ingest.read_html`` then ``clean_document``),
  which keeps trafilatura's text minus the lines its phrasing marks as boilerplate.

Pages where trafilatura finds no text count as an empty body for every system.

    python bench/eval_html.py [--per-doc] [--bench ../shared/bench/boilerplate]
"""

from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path

import trafilatura
from eval_boilerplate import DEFAULT_BENCH, score

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.stages.clean import clean_document  # noqa: E402
from pipeline.stages.ingest import InputError, read_html  # noqa: E402


def rebuilt_html(dump: str) -> str:
    """Plain markup with the dump's blocks and lines, and its first line as the title."""
    lines = dump.split("\n")
    title, rest = lines[0], lines[1:]
    blocks: list[list[str]] = [[]]
    for line in rest:
        if line.strip():
            blocks[-1].append(html.escape(line.strip()))
        elif blocks[-1]:
            blocks.append([])
    parts = []
    for block in filter(None, blocks):
        if len(block) == 1:
            parts.append(f"<p>{block[0]}</p>")
        else:
            parts.append("<div>" + "".join(f"<div>{line}</div>" for line in block) + "</div>")
    return (
        f"<html><head><title>{html.escape(title.strip())}</title></head>"
        f"<body>{''.join(parts)}</body></html>"
    )


def newsfacts_body(page: str, path: Path) -> str:
    try:
        doc = read_html(str(path), page, "")
    except InputError:
        return ""
    labels = clean_document(doc).labels
    lines = doc.text.split("\n")
    return "\n".join(line for line, label in zip(lines, labels, strict=True) if label.is_body)


def trafilatura_body(page: str, **settings: bool) -> str:
    return trafilatura.extract(page, **settings) or ""


SYSTEMS = {
    "trafilatura (defaults)": lambda page, path: trafilatura_body(page),
    "trafilatura (no comments, no tables)": lambda page, path: trafilatura_body(
        page, include_comments=False, include_tables=False
    ),
    "newsfacts HTML path": newsfacts_body,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--per-doc", action="store_true", help="print every page's F1")
    args = parser.parse_args()
    if not (args.bench / "score.py").exists():
        sys.exit(f"benchmark not found at {args.bench}")
    pages = {
        path.stem: (rebuilt_html(path.read_text(encoding="utf-8")), path)
        for path in sorted((args.bench / "docs").glob("*.txt"))
    }
    per_doc: dict[str, dict[str, float]] = {}
    for name, system in SYSTEMS.items():
        preds = {doc_id: system(page, path) for doc_id, (page, path) in pages.items()}
        per_doc[name], summary = score(args.bench, preds)
        print(f"{name}: {summary}")
    if args.per_doc:
        names = list(SYSTEMS)
        print("doc           " + " | ".join(names))
        for doc_id in sorted(pages):
            print(doc_id[:12], " | ".join(f"{per_doc[n].get(doc_id, 0):.3f}" for n in names))


if __name__ == "__main__":
    main()
