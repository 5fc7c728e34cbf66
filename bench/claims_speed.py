"""Articles per second of the claims stage on one core, alone and with the dates it needs.

usage: python bench/claims_speed.py [--repeat N]
Reads the five seed pages (their gold body lines) and, when present, the 420 PolNeAR documents of
../shared/bench/quotes (every non-blank line as body) at run time. Actor mentions are computed
once beforehand with pipeline.stages.actors when it is importable (that stage is timed elsewhere).
Two figures per corpus: extract_claims alone (the pipeline's claims step, given the dates step's
output, computed beforehand) and extract_dates + extract_claims together. Caches are cleared
before each timed pass.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))

from chunk_timing import (  # noqa: E402
    best_chunk_seconds,
    pin_to_one_core,
    repeat_argument,
)
from gold_seeds import seed_articles  # noqa: E402

from pipeline.stages import dates  # noqa: E402
from pipeline.stages.claims import cues as claim_cues  # noqa: E402
from pipeline.stages.claims import extract_claims  # noqa: E402
from schemas import ArticleText  # noqa: E402


def load_articles() -> list[ArticleText]:
    """The seeds, then the quotes benchmark's articles (every non-blank line is body)."""
    articles = seed_articles()
    quotes = SHARED / "bench" / "quotes" / "docs"
    if quotes.exists():
        for doc in sorted(quotes.glob("*.txt")):
            lines = doc.read_text(encoding="utf-8").split("\n")
            body = [n for n, line in enumerate(lines, start=1) if line.strip()]
            articles.append(ArticleText(article_id=doc.stem, lines=lines, body_line_nos=body))
    return articles


def mentions_for(articles: list[ArticleText]) -> list[list]:
    try:
        from pipeline.stages.actors import extract_actor_mentions
    except ImportError:
        return [[] for _ in articles]
    return [extract_actor_mentions(article) for article in articles]


def clear_caches() -> None:
    """Per-line caches must not carry over from one timed pass of the same articles to the next."""
    for module, names in (
        (dates, ("_dateparser_fallback", "_parse_span")),
        (claim_cues, ("line_cue_matches", "_line_cue_index")),
    ):
        for name in names:
            cached = getattr(module, name, None)
            if cached is not None and hasattr(cached, "cache_clear"):
                cached.cache_clear()


def articles_per_second(
    articles: list[ArticleText], mentions: list[list], repeat: int, with_dates: bool
) -> str:
    """Claims found per CPU second, with or without the dates step that feeds them."""
    words = sum(len(" ".join(t for _, t in a.body_lines()).split()) for a in articles)
    found_dates = [dates.extract_dates(article) for article in articles]
    inputs = list(zip(articles, mentions, found_dates, strict=True))

    def run(chunk: Sequence[tuple[ArticleText, list, list]]) -> int:
        found = 0
        for article, article_mentions, precomputed in chunk:
            article_dates = dates.extract_dates(article) if with_dates else precomputed
            found += len(extract_claims(article, article_mentions, article_dates))
        return found

    total, claims = best_chunk_seconds(inputs, run, repeat, clear_caches)
    return (
        f"articles={len(articles)} words={words} claims={claims} cpu_seconds={total:.3f} "
        f"articles_per_second={len(articles) / total:.0f}"
    )


def main() -> None:
    repeat = repeat_argument()
    pin_to_one_core()
    articles = load_articles()
    mentions = mentions_for(articles)
    seeds = [i for i, a in enumerate(articles) if a.article_id[:3].isdigit()]
    others = [i for i in range(len(articles)) if i not in set(seeds)]
    for label, chosen in (
        ("seeds", seeds),
        ("polnear", others),
        ("all", list(range(len(articles)))),
    ):
        if not chosen:
            continue
        picked = [articles[i] for i in chosen]
        for stage, with_dates in (("claims", False), ("dates+claims", True)):
            result = articles_per_second(picked, [mentions[i] for i in chosen], repeat, with_dates)
            print(f"{label} {stage}: {result} (one core, CPU time, best of {repeat} per chunk)")


if __name__ == "__main__":
    main()
