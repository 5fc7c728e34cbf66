"""Stories in the warehouse: incremental assignment of each new article, inside the load.

Per load, in the load's transaction (``update_stories``):

1. Articles gone from ``articles`` (deleted or replaced files) leave ``story_features`` and
   ``story_bands``; their stories are *touched*.
2. Articles without a story (just inserted) get their features (computed before the lock from
   the staged batch by ``batch_features``, or else from the warehouse) and LSH band keys.
3. Each new article's candidates are the articles sharing the most bands with it (one join on
   ``story_bands``, whose size does not matter); their stories are touched too.
4. The new articles and every article of the touched stories are grouped again from scratch
   (pipeline.stages.stories.cluster), so the result does not depend on the order articles came
   in; each story keeps its id while most of its articles stay together.
5. Each touched story's articles get their ``story_id`` and copy marks, and its ``stories``
   row is rebuilt.

The cost grows with what is new and with the size of the stories it touches, never with the
warehouse.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

import duckdb
import polars as pl

from pipeline.stages import stories as stage
from pipeline.stages.stories.evidence import MAX_EVENT_GAP_DAYS
from pipeline.stages.stories.features import ActorRef, ArticleEvidence, FigureRef, StoryFeatures
from pipeline.warehouse.staging import Batch
from sql import named_queries, read_sql

QUERIES: Final = named_queries("stories.sql")
# How many candidates one new article brings at most (those sharing the most bands).
CANDIDATES_PER_ARTICLE: Final = 30
# Up to this many band keys, a load looks them up through the index (a new article has 64).
MAX_LISTED_KEYS: Final = 5_000
# Tables the evidence queries read, with the columns they need (for a batch that lacks one).
_EVIDENCE_COLUMNS: Final = {
    "articles": "article_id VARCHAR, outlet VARCHAR, published_on DATE, title VARCHAR, "
    "standfirst VARCHAR, body VARCHAR",
    "actor_mentions": "article_id VARCHAR, actor_key VARCHAR, type VARCHAR, line_no INTEGER, "
    '"start" INTEGER, text VARCHAR',
    "numbers": "article_id VARCHAR, value DOUBLE, unit VARCHAR",
    "claims": "article_id VARCHAR, text VARCHAR, is_direct BOOLEAN",
}
FEATURE_SCHEMA: Final = {
    "article_id": pl.Utf8,
    "story_id": pl.Utf8,
    "outlet": pl.Utf8,
    "published_on": pl.Date,
    "title": pl.Utf8,
    "title_words": pl.List(pl.Utf8),
    "lead_words": pl.List(pl.Utf8),
    "actors": pl.List(pl.Utf8),
    "figures": pl.List(pl.Utf8),
    "quotes": pl.List(pl.Int64),
    "shingles": pl.Int32,
    "text_signature": pl.List(pl.UInt32),
    "event_signature": pl.List(pl.UInt32),
}


@dataclass
class StoryUpdate:
    """What one load changed in the stories."""

    new_articles: int = 0
    removed_articles: int = 0
    stories_written: int = 0
    copies: int = 0


def _temp_ids(con: duckdb.DuckDBPyConnection, table: str, ids: Iterable[str], column: str) -> None:
    frame = pl.DataFrame({column: sorted(set(ids))}, schema={column: pl.Utf8})
    _temp_table(con, table, frame)


def _temp_table(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> None:
    """A temp table of the load's connection holding ``frame``'s rows."""
    con.register("_frame", frame.to_arrow())
    con.execute(f"CREATE OR REPLACE TEMP TABLE {table} AS SELECT * FROM _frame")
    con.unregister("_frame")


def read_evidence(con: duckdb.DuckDBPyConnection) -> list[ArticleEvidence]:
    """The evidence of the articles in temp table story_wanted, from articles and records."""
    mentions: dict[str, list[ActorRef]] = defaultdict(list)
    figures: dict[str, list[FigureRef]] = defaultdict(list)
    quotes: dict[str, list[str]] = defaultdict(list)
    for article_id, *rest in con.execute(QUERIES["evidence_mentions"]).fetchall():
        mentions[article_id].append(ActorRef(*rest))
    for article_id, value, unit in con.execute(QUERIES["evidence_figures"]).fetchall():
        if value is not None:
            figures[article_id].append(FigureRef(value, unit))
    for article_id, text in con.execute(QUERIES["evidence_quotes"]).fetchall():
        quotes[article_id].append(text)
    return [
        ArticleEvidence(
            article_id=a,
            outlet=outlet,
            published_on=published,
            title=title,
            standfirst=standfirst,
            body=body or "",
            actors=tuple(sorted(mentions[a], key=lambda m: (m.line_no, m.start))),
            figures=tuple(figures[a]),
            quotes=tuple(quotes[a]),
        )
        for a, outlet, published, title, standfirst, body in con.execute(
            QUERIES["evidence_articles"]
        ).fetchall()
    ]


def batch_features(batch: Batch) -> list[StoryFeatures]:
    """Story features of a staged batch's valid articles: computed before the load's lock."""
    if not batch.parts("articles", "valid"):
        return []
    with duckdb.connect() as mem:
        for table, columns in _EVIDENCE_COLUMNS.items():
            if batch.parts(table, "valid"):
                source = f"read_parquet('{batch.glob(table, 'valid')}')"
                mem.execute(f"CREATE VIEW {table} AS SELECT * FROM {source}")
            else:
                mem.execute(f"CREATE TABLE {table} ({columns})")
        mem.execute("CREATE TEMP TABLE story_wanted AS SELECT article_id FROM articles")
        return stage.story_features(read_evidence(mem))


def _feature_rows(features: Sequence[StoryFeatures]) -> pl.DataFrame:
    return pl.DataFrame(
        [
            {
                "article_id": f.article_id,
                "story_id": None,
                "outlet": f.outlet,
                "published_on": f.published_on,
                "title": f.title,
                "title_words": sorted(f.title_words),
                "lead_words": sorted(f.lead_words),
                "actors": sorted(f.actors),
                "figures": sorted(f.figures),
                "quotes": sorted(f.quotes),
                "shingles": f.shingles,
                "text_signature": list(f.text_signature),
                "event_signature": list(f.event_signature),
            }
            for f in features
        ],
        schema=FEATURE_SCHEMA,
    )


def _band_rows(features: Sequence[StoryFeatures]) -> pl.DataFrame:
    rows = []
    for f in features:
        for family, signature in (("text", f.text_signature), ("event", f.event_signature)):
            rows += [
                (key, family, f.article_id, f.published_on)
                for key in stage.band_keys(family, signature)
            ]
    return pl.DataFrame(
        rows,
        schema={
            "band_key": pl.Int64,
            "family": pl.Utf8,
            "article_id": pl.Utf8,
            "published_on": pl.Date,
        },
        orient="row",
    )


def _insert(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> None:
    if frame.height:
        con.register("_story_rows", frame.to_arrow())
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _story_rows")
        con.unregister("_story_rows")


def _read_features(con: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> dict[str, StoryFeatures]:
    _temp_ids(con, "story_wanted", ids, "article_id")
    out = {}
    for row in con.execute(QUERIES["features"]).fetchall():
        (a, outlet, published, title, tw, lw, actors, figures, quotes, shingles, ts, es, _) = row
        out[a] = StoryFeatures(
            article_id=a,
            outlet=outlet,
            published_on=published,
            title=title,
            title_words=frozenset(tw or ()),
            lead_words=frozenset(lw or ()),
            actors=frozenset(actors or ()),
            figures=frozenset(figures or ()),
            quotes=frozenset(quotes or ()),
            shingles=shingles or 0,
            text_signature=tuple(ts or ()),
            event_signature=tuple(es or ()),
        )
    return out


def update_stories(
    con: duckdb.DuckDBPyConnection, staged: Sequence[StoryFeatures] = ()
) -> StoryUpdate:
    """Bring the stories up to date with the articles table (see the module docstring)."""
    update = StoryUpdate()
    removed = con.execute(QUERIES["removed"]).fetchall()
    touched = {story for _, story in removed if story}
    update.removed_articles = len(removed)
    if removed:
        _temp_ids(con, "story_gone", (a for a, _ in removed), "article_id")
        con.execute("DELETE FROM story_bands WHERE article_id IN (SELECT * FROM story_gone)")
        con.execute("DELETE FROM story_features WHERE article_id IN (SELECT * FROM story_gone)")
    new_ids = [a for (a,) in con.execute(QUERIES["unassigned"]).fetchall()]
    update.new_articles = len(new_ids)
    candidates: list[tuple[str, str]] = []
    if new_ids:
        _temp_ids(con, "story_new", new_ids, "article_id")
        con.execute("DELETE FROM story_bands WHERE article_id IN (SELECT * FROM story_new)")
        con.execute("DELETE FROM story_features WHERE article_id IN (SELECT * FROM story_new)")
        by_id = {f.article_id: f for f in staged}
        fresh = [by_id[a] for a in new_ids if a in by_id]
        missing = [a for a in new_ids if a not in by_id]
        if missing:
            _temp_ids(con, "story_wanted", missing, "article_id")
            fresh += stage.story_features(read_evidence(con))
        bands = _band_rows(fresh)
        _insert(con, "story_features", _feature_rows(fresh))
        _insert(con, "story_bands", bands)
        candidates = _candidates(con, bands)
    if not new_ids and not touched:
        return update
    # The stories the candidates belong to are touched too; their articles are regrouped.
    candidate_ids = {c for _, c in candidates}
    _temp_ids(con, "story_wanted", candidate_ids, "article_id")
    touched |= {
        s
        for (s,) in con.execute(
            "SELECT DISTINCT story_id FROM story_features "
            "WHERE article_id IN (SELECT * FROM story_wanted) AND story_id IS NOT NULL"
        ).fetchall()
    }
    _temp_ids(con, "story_touched", touched, "story_id")
    previous = dict(con.execute(QUERIES["members"]).fetchall())
    features = _read_features(con, set(new_ids) | candidate_ids | set(previous))
    by_story: dict[str, list[str]] = defaultdict(list)
    for a, s in previous.items():
        if s:
            by_story[s].append(a)
    pairs = set(candidates)
    for members in by_story.values():
        pairs |= set(itertools.combinations(sorted(members), 2))
    scores = stage.PairScores(features)
    clusters = stage.cluster(features, sorted(pairs), scores)
    ids = _story_ids(con, clusters, previous)
    _write(con, clusters, ids, features, scores, update)
    _write_measures(con)
    return update


def _candidates(con: duckdb.DuckDBPyConnection, bands: pl.DataFrame) -> list[tuple[str, str]]:
    """(new article, candidate) pairs: the articles sharing the most LSH bands with each."""
    _temp_table(con, "story_new_bands", bands)
    keys = sorted(set(bands["band_key"].to_list()))
    # A few keys are looked up in the index one by one; a large batch joins the whole table.
    hits = (
        ", ".join(str(int(k)) for k in keys)
        if len(keys) <= MAX_LISTED_KEYS
        else "SELECT band_key FROM story_new_bands"
    )
    sql = QUERIES["candidates"].replace("{hits}", hits or "NULL")
    return con.execute(sql, {"gap": MAX_EVENT_GAP_DAYS, "limit": CANDIDATES_PER_ARTICLE}).fetchall()


def _story_ids(
    con: duckdb.DuckDBPyConnection, clusters: list[list[str]], previous: dict[str, str | None]
) -> list[str]:
    ids = stage.story_ids(clusters, previous)
    _temp_ids(con, "story_proposed", ids, "story_id")
    taken = {s for (s,) in con.execute(QUERIES["taken_ids"]).fetchall()}
    return stage.story_ids(clusters, previous, in_use=taken) if taken else ids


def _write(
    con: duckdb.DuckDBPyConnection,
    clusters: list[list[str]],
    ids: list[str],
    features: dict[str, StoryFeatures],
    scores: stage.PairScores,
    update: StoryUpdate,
) -> None:
    assign, labels = [], []
    for story_id, members in zip(ids, clusters, strict=True):
        copied = (
            {c.article_id: c for c in stage.copies(members, features)} if len(members) > 1 else {}
        )
        update.copies += len(copied)
        for a in members:
            c = copied.get(a)
            assign.append((a, story_id, c.copy_of if c else None, c.similarity if c else None))
        labels.append((story_id, features[stage.medoid(members, scores)].title))
    assign_frame = pl.DataFrame(
        assign,
        schema={
            "article_id": pl.Utf8,
            "story_id": pl.Utf8,
            "copy_of": pl.Utf8,
            "copy_similarity": pl.Float64,
        },
        orient="row",
    )
    label_frame = pl.DataFrame(labels, schema={"story_id": pl.Utf8, "label": pl.Utf8}, orient="row")
    _temp_table(con, "story_assign", assign_frame)
    _temp_table(con, "story_labels", label_frame)
    con.execute(read_sql("story_write.sql"))
    update.stories_written = label_frame.height


def _write_measures(con: duckdb.DuckDBPyConnection) -> None:
    """Give the figures of every story just written their story-wide measure keys."""
    by_story: dict[str, list[tuple]] = defaultdict(list)
    for story_id, *row in con.execute(QUERIES["story_figures"]).fetchall():
        by_story[story_id].append(tuple(row))
    # One string per line, shared by its figures: a long line with many figures is held once.
    line_text = {
        (article_id, line_no): text
        for article_id, line_no, text in con.execute(QUERIES["story_figure_lines"]).fetchall()
    }
    written = []
    for rows in by_story.values():
        figures = [
            stage.StoryFigure(
                article_id,
                line_no,
                start,
                value,
                unit,
                measure,
                end,
                line_text.get((article_id, line_no)),
            )
            for article_id, line_no, start, _, value, unit, measure, end in rows
        ]
        for row, figure, measure in zip(rows, figures, stage.story_measures(figures), strict=True):
            written.append((*row[:5], figure.article_measure, measure))
    frame = pl.DataFrame(
        written,
        schema={
            "article_id": pl.Utf8,
            "line_no": pl.Int32,
            "start": pl.Int32,
            "qualifier": pl.Utf8,
            "value": pl.Float64,
            "article_measure": pl.Utf8,
            "measure": pl.Utf8,
        },
        orient="row",
    )
    _temp_table(con, "story_measures", frame)
    con.execute(QUERIES["write_story_measures"])
