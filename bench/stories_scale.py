"""Story assignment at scale: one new article against a warehouse of 100,000 articles.

Builds a synthetic warehouse of distinct articles (bodies rebuilt from real sentences drawn at
random from the sample and benchmark pages, as bench/corpus.py does; no two bodies alike),
grouped into events: each event has its own people, places, figures and headline words and
is told by one to eight outlets over a few days, some as agency copies. Their story features
and LSH bands are computed by the real stage code and bulk-loaded, with each event as a story.
Then new articles (of new and of existing events) are assigned one at a time, each in its own
transaction exactly as a load does (pipeline.warehouse.stories.update_stories), and timed.

    python bench/stories_scale.py [--articles 100000] [--new 30] [--db /tmp/stories_scale.duckdb]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from corpus import sentence_pool, source_pages  # noqa: E402

from pipeline.stages.stories import (  # noqa: E402
    ActorRef,
    ArticleEvidence,
    FigureRef,
    story_features,
)
from pipeline.warehouse import stories as warehouse_stories  # noqa: E402
from pipeline.warehouse.load import apply_schema  # noqa: E402

START = dt.date(2023, 1, 1)
DAYS = 730
CHUNK = 2000
TYPES = ["person", "person", "organization", "location", "government_body", "armed_group"]
UNITS = ["people", "troops", "dollars", "percent", "votes", "homes", "jobs"]


@dataclass
class Event:
    event_id: int
    day: dt.date
    actors: list[tuple[str, str, str]]
    figures: list[tuple[float, str]]
    headline: list[str]
    wire: str  # an agency text that some outlets copy


def make_event(i: int, rng: random.Random, pool: list[str], vocab: list[str]) -> Event:
    # Actors: a few of the event's own plus one or two from a popular head (heads of state...).
    own = [
        (f"{TYPES[k % len(TYPES)]}:e{i}a{k}", TYPES[k % len(TYPES)], f"Name{i}x{k}")
        for k in range(rng.randint(2, 5))
    ]
    popular = [(f"person:popular{j}", "person", f"Popular{j}") for j in rng.sample(range(50), 2)]
    return Event(
        event_id=i,
        day=START + dt.timedelta(days=rng.randrange(DAYS)),
        actors=own + popular,
        figures=[
            (float(rng.randint(11, 90_000)), rng.choice(UNITS)) for _ in range(rng.randint(1, 3))
        ],
        headline=rng.sample(vocab, 4),
        wire=" ".join(rng.choice(pool) for _ in range(12)),
    )


def make_article(
    aid: str, event: Event, rng: random.Random, pool: list[str], vocab: list[str]
) -> ArticleEvidence:
    if rng.random() < 0.2:  # an agency copy, trimmed
        body = event.wire[: int(len(event.wire) * rng.uniform(0.7, 1.0))]
    else:
        body = " ".join(rng.choice(pool) for _ in range(rng.randint(8, 20)))
    title = " ".join(rng.sample(event.headline, 3) + rng.sample(vocab, 3))
    actors = rng.sample(event.actors, max(2, len(event.actors) - 1))
    mentions = tuple(
        ActorRef(k, t, n + 1, 0, name) for n, (k, t, name) in enumerate(actors + actors)
    )
    return ArticleEvidence(
        article_id=aid,
        outlet=f"outlet{rng.randrange(300)}",
        published_on=event.day + dt.timedelta(days=rng.randint(0, 2)),
        title=title,
        standfirst=None,
        body=body,
        actors=mentions,
        figures=tuple(FigureRef(v, u) for v, u in event.figures),
        quotes=(),
    )


def corpus(
    n: int, seed: int
) -> tuple[list[ArticleEvidence], dict[str, int], list[Event], random.Random]:
    rng = random.Random(seed)
    pool = sentence_pool(source_pages())
    vocab = sorted({w.lower() for s in pool for w in s.split() if w.isalpha() and len(w) > 4})
    articles, event_of, events = [], {}, []
    while len(articles) < n:
        event = make_event(len(events), rng, pool, vocab)
        events.append(event)
        for _ in range(min(rng.choice([1, 1, 1, 2, 2, 3, 4, 6, 8]), n - len(articles))):
            aid = f"a{len(articles):07d}"
            articles.append(make_article(aid, event, rng, pool, vocab))
            event_of[aid] = event.event_id
    return articles, event_of, events, rng


def bulk_load(
    con: duckdb.DuckDBPyConnection, articles: list[ArticleEvidence], event_of: dict[str, int]
) -> float:
    """Features and bands of every article, computed by the stage code; each event a story."""
    started = time.perf_counter()
    for i in range(0, len(articles), CHUNK):
        chunk = articles[i : i + CHUNK]
        feats = story_features(chunk)
        frame = warehouse_stories._feature_rows(feats).with_columns(
            pl.Series("story_id", [f"story{event_of[f.article_id]}" for f in feats])
        )
        warehouse_stories._insert(con, "story_features", frame)
        warehouse_stories._insert(con, "story_bands", warehouse_stories._band_rows(feats))
        rows = pl.DataFrame(
            {
                "article_id": [a.article_id for a in chunk],
                "source_path": [f"{a.article_id}.txt" for a in chunk],
                "source_id": [a.article_id for a in chunk],
                "kind": ["txt"] * len(chunk),
                "content_hash": [""] * len(chunk),
                "outlet": [a.outlet for a in chunk],
                "title": [a.title for a in chunk],
                "published_on": [a.published_on for a in chunk],
                "body": [a.body for a in chunk],
                "story_id": [f"story{event_of[a.article_id]}" for a in chunk],
            }
        )
        warehouse_stories._insert(con, "articles", rows)
        print(f"  {i + len(chunk):,} articles loaded", file=sys.stderr, end="\r")
    con.execute(
        "INSERT INTO stories SELECT story_id, min(title), min(published_on), max(published_on), "
        "count(*), count(DISTINCT outlet), count(*) FROM articles GROUP BY story_id"
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--new", type=int, default=30, help="new articles to assign, one by one")
    parser.add_argument("--db", type=Path, default=Path("/tmp/stories_scale.duckdb"))
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    args.db.unlink(missing_ok=True)
    articles, event_of, events, rng = corpus(args.articles, args.seed)
    print(f"{len(articles):,} distinct articles in {len(events):,} events", file=sys.stderr)
    with duckdb.connect(str(args.db)) as con:
        apply_schema(con)
        built = bulk_load(con, articles, event_of)
        print(f"\nbuilt in {built:.0f} s; assigning {args.new} new articles", file=sys.stderr)
        pool = sentence_pool(source_pages())
        vocab = sorted({w.lower() for s in pool for w in s.split() if w.isalpha() and len(w) > 4})
        features_s, assign_s, joined = [], [], 0
        for k in range(args.new):
            # Half join an existing event (a new outlet's report), half are a new event.
            event = (
                rng.choice(events) if k % 2 == 0 else make_event(len(events) + k, rng, pool, vocab)
            )
            new = make_article(f"new{k:04d}", event, rng, pool, vocab)
            t0 = time.perf_counter()
            (feat,) = story_features([new])
            t1 = time.perf_counter()
            con.execute("BEGIN TRANSACTION")
            con.execute(
                "INSERT INTO articles (article_id, source_path, source_id, kind, content_hash, "
                "outlet, title, published_on, body) VALUES (?, ?, ?, 'txt', '', ?, ?, ?, ?)",
                [
                    new.article_id,
                    f"{new.article_id}.txt",
                    new.article_id,
                    new.outlet,
                    new.title,
                    new.published_on,
                    new.body,
                ],
            )
            warehouse_stories.update_stories(con, [feat])
            con.execute("COMMIT")
            t2 = time.perf_counter()
            features_s.append(t1 - t0)
            assign_s.append(t2 - t1)
            if k % 2 == 0:
                story = con.execute(
                    "SELECT story_id FROM articles WHERE article_id = ?", [new.article_id]
                ).fetchone()[0]
                joined += story == f"story{event.event_id}"
        n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    ms = sorted(1000 * s for s in assign_s)
    p90 = ms[int(0.9 * (len(ms) - 1))]
    print(
        f"warehouse {n:,} articles: assignment of one new article (candidate search, regrouping, "
        f"writes, commit) median {statistics.median(ms):.0f} ms, p90 {p90:.0f} ms, "
        f"max {ms[-1]:.0f} ms; its features (before the lock) median "
        f"{1000 * statistics.median(features_s):.1f} ms; {joined} of {(args.new + 1) // 2} reports "
        "of an existing event joined it"
    )


if __name__ == "__main__":
    main()
