"""Articles per second of the dates stage (pipeline.stages.dates.extract_dates) on one core.

usage: python bench/dates_speed.py [--repeat N]
Reads the five seed pages (their gold body lines) and, when present, the pages of
../shared/bench/boilerplate/docs at run time (every non-blank line is body, the language is the
cleaner's guess, the publication date a fixed day), so the non-English pages that go through
dateparser are part of the figure. Caches are cleared before each timed pass.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BOILERPLATE_DOCS = REPO.parent / "shared" / "bench" / "boilerplate" / "docs"
sys.path.insert(0, str(REPO))

from chunk_timing import (  # noqa: E402
    CHUNK,
    best_chunk_seconds,
    pin_to_one_core,
    repeat_argument,
)
from gold_seeds import seed_articles  # noqa: E402

from pipeline.stages import dates  # noqa: E402
from pipeline.stages.clean import detect_language  # noqa: E402
from pipeline.stages.dates.other_languages import _parse_span  # noqa: E402
from pipeline.stages.dates.resolve import _dateparser_fallback  # noqa: E402
from schemas import ArticleText  # noqa: E402

# Publication date given to the boilerplate pages, so relative dates are resolved.
REFERENCE = dt.date(2024, 6, 14)


def boilerplate_articles() -> list[ArticleText]:
    articles = []
    for doc in sorted(BOILERPLATE_DOCS.glob("*.txt")) if BOILERPLATE_DOCS.is_dir() else []:
        lines = doc.read_text(encoding="utf-8").split("\n")
        body = [n for n, line in enumerate(lines, start=1) if line.strip()]
        articles.append(
            ArticleText(
                article_id=doc.stem,
                lines=lines,
                body_line_nos=body,
                published_on=REFERENCE,
                language=detect_language(lines),
            )
        )
    return articles


def clear_caches() -> None:
    _dateparser_fallback.cache_clear()
    _parse_span.cache_clear()


def articles_per_second(articles: list[ArticleText], repeat: int) -> str:
    def run(chunk: Sequence[ArticleText]) -> int:
        return sum(len(dates.extract_dates(article)) for article in chunk)

    total, mentions = best_chunk_seconds(articles, run, repeat, clear_caches)
    return (
        f"articles={len(articles)} dates={mentions} cpu_seconds={total:.3f} "
        f"articles_per_second={len(articles) / total:.0f}"
    )


def main() -> None:
    repeat = repeat_argument()
    pin_to_one_core()
    seeds = seed_articles()
    pages = boilerplate_articles()
    # Warm up once: dateparser loads its language data lazily on first use.
    for article in seeds + pages:
        dates.extract_dates(article)
    groups = {
        "seeds": seeds,
        "boilerplate_en": [a for a in pages if a.language == "en"],
        "boilerplate_other": [a for a in pages if a.language != "en"],
        "all": seeds + pages,
    }
    for label, chosen in groups.items():
        if chosen:
            result = articles_per_second(chosen, repeat)
            print(f"{label}: {result} (one core, CPU time, best of {repeat} per chunk of {CHUNK})")


if __name__ == "__main__":
    main()
