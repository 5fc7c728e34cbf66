"""Articles per second of the actors stage on one core.

Runs extract_actor_mentions over the five seed articles (their gold body lines) and the
CoNLL dev documents, when ../shared is present, after one warm-up pass, and reports the
fastest of --rounds passes (other processes on a shared machine only slow a pass down). By
default each pass starts with name caches that have seen only the other corpus, never the
articles being timed. usage: python bench/actors_speed.py [--rounds 20] [--caches other]
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))

from chunk_timing import pin_to_one_core  # noqa: E402
from gold_seeds import seed_articles  # noqa: E402

from pipeline.stages import actors  # noqa: E402
from pipeline.stages.actors import extract_actor_mentions, preload_gazetteers  # noqa: E402
from schemas.records import ArticleText  # noqa: E402


def conll_articles() -> list[ArticleText]:
    out = []
    for path in sorted((SHARED / "bench" / "ner" / "docs").glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        out.append(ArticleText(article_id=path.stem, lines=lines,
                               body_line_nos=list(range(1, len(lines) + 1))))  # fmt: skip
    return out


def clear_name_caches() -> None:
    """Empty the bounded per-string caches (names, words, lookups) but keep the loaded
    gazetteers, so a pass never profits from having seen the same articles before."""
    modules = [
        importlib.import_module(f"{actors.__name__}.{info.name}")
        for info in pkgutil.iter_modules(actors.__path__)
    ]
    for module in modules:
        for value in vars(module).values():
            params = getattr(value, "cache_parameters", None)
            if params is not None and params()["maxsize"] is not None:
                value.cache_clear()


def rate(
    articles: list[ArticleText], rounds: int, caches: str, others: list[ArticleText]
) -> tuple[float, float]:
    """Articles per CPU second over the fastest of ``rounds`` passes (other processes on a
    shared machine only ever slow a pass down), and mentions per pass. ``caches`` says what
    the name caches hold when a pass starts: "other" (only what ``others``, a different
    corpus, put there: a process that has read other news), "cold" (nothing) or "warm"
    (everything earlier passes over the same articles put there: flattering)."""
    best = float("inf")
    n_mentions = 0
    for _ in range(rounds):
        if caches != "warm":
            clear_name_caches()
        if caches == "other":
            for article in others:
                extract_actor_mentions(article)
        start = time.process_time()
        n_mentions = sum(len(extract_actor_mentions(article)) for article in articles)
        best = min(best, time.process_time() - start)
    return len(articles) / best, n_mentions


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--caches", choices=("other", "cold", "warm"), default="other",
                    help="name caches at the start of a pass: filled by the other corpus "
                         "only (default), empty, or filled by earlier passes")  # fmt: skip
    args = ap.parse_args()
    pin_to_one_core()
    t0 = time.process_time()
    preload_gazetteers()
    print(f"gazetteer load: {time.process_time() - t0:.2f}s CPU (once per process)")
    corpora = (("seeds", seed_articles()), ("conll-dev", conll_articles()))
    for _, articles in corpora:
        rate(articles, 1, "warm", [])  # warm-up pass: imports, regex compilation
    for label, articles in corpora:
        if not articles:
            continue
        others = [a for other, corpus in corpora if other != label for a in corpus]
        words = sum(len(ln.split()) for a in articles for _, ln in a.body_lines()) / len(articles)
        per_s, mentions = rate(articles, args.rounds, args.caches, others)
        print(f"{label}: {len(articles)} articles, {words:.0f} body words/article, "
              f"{mentions:.0f} mentions/pass: {per_s:.0f} articles/s on one core")  # fmt: skip


if __name__ == "__main__":
    main()
