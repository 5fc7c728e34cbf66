#!/usr/bin/env python3
"""How the outlet holds up when a page's title does not name the site: the outlet the cleaner
finds on each development page of ../shared/bench/boilerplate/docs, and the one it finds once
the title lines (the first line and the lines labelled title, wherever they recur) are blank.
Where ../shared/gold-news has the page, its gold outlet is shown and counted.

Only development pages (bench/splits.py) are read or printed.

    python bench/outlet_title_dropped.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from splits import is_validation  # noqa: E402

from pipeline.stages.clean.classify import classify  # noqa: E402
from pipeline.stages.clean.labels import blank_label  # noqa: E402
from pipeline.stages.clean.language import page_language  # noqa: E402
from pipeline.stages.clean.metadata import page_metadata  # noqa: E402
from pipeline.stages.clean.page import Page  # noqa: E402

SHARED = REPO.parent / "shared"
DOCS = SHARED / "bench" / "boilerplate" / "docs"
GOLD = SHARED / "gold-news"


def outlets(path: Path) -> tuple[str | None, str | None]:
    """The page's outlet, and its outlet once its title lines are blank."""
    lines = path.read_text(encoding="utf-8").split("\n")
    page = Page(lines)
    language = page_language(page)
    labels = classify(page, language)
    found = page_metadata(page, labels, language).outlet
    first = next((i for i, text in enumerate(page.stripped) if text), None)
    titles = {page.stripped[i] for i, label in enumerate(labels) if label.kind == "title"}
    titles |= {page.stripped[first]} if first is not None else set()
    dropped = [i for i, text in enumerate(page.stripped) if text and text in titles]
    for i in dropped:
        lines[i] = ""
        labels[i] = blank_label()
    return found, page_metadata(Page(lines), labels, language).outlet


def main() -> None:
    rows, right, gold_pages, same = [], 0, 0, 0
    for path in sorted(DOCS.glob("*.txt")):
        if is_validation(path.name):
            continue
        gold_file = GOLD / f"{path.stem}.json"
        gold = json.loads(gold_file.read_text())["outlet"] if gold_file.exists() else None
        found, dropped = outlets(path)
        rows.append((path.stem[:8], gold, found, dropped))
        same += (found or "").lower() == (dropped or "").lower()
        if gold_file.exists():
            gold_pages += 1
            right += (dropped or "").lower() == (gold or "").lower()
    for row in rows:
        print(" | ".join(str(x) for x in row))
    print(f"title dropped, gold outlet kept: {right}/{gold_pages} gold-news development pages")
    print(f"title dropped, same outlet (case aside): {same}/{len(rows)} development pages")


if __name__ == "__main__":
    main()
