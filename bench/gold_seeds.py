"""The five seed articles as the extraction stages see them, with their gold body lines.

Shared by the per-stage speed scripts; reads ../shared at run time.
"""

import datetime as dt
import json
from pathlib import Path

from schemas import ArticleText

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def gold_articles(shared: Path = SHARED) -> list[tuple[dict, ArticleText]]:
    """(gold annotation, article) for each seed, body lines taken from the gold."""
    out = []
    for path in sorted((shared / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        lines = (shared / "seeds" / gold["file"]).read_text(encoding="utf-8").split("\n")
        published = gold.get("published_on")
        article = ArticleText(
            article_id=path.stem,
            lines=lines,
            body_line_nos=gold["lines"]["body"],
            published_on=dt.date.fromisoformat(published) if published else None,
        )
        out.append((gold, article))
    return out


def seed_articles(shared: Path = SHARED) -> list[ArticleText]:
    return [article for _, article in gold_articles(shared)]
