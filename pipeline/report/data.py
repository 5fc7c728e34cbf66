"""A story's rows from the warehouse: coverage, figures, conflicts, statements and speakers.

Every selected story is read in one read-only session of a few queries (``sql/report.sql``),
so a writer waiting for the warehouse is held up for as short a time as possible.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from pipeline.warehouse import connection
from sql import named_queries

QUERIES_FILE = "report.sql"
MIN_OUTLETS = 2
READ_WAIT_SECONDS = 60.0
SHORT_SOURCE_ID = 12

T = TypeVar("T")


@dataclass(frozen=True)
class Story:
    story_id: str
    label: str | None
    first_published: dt.date | None
    last_published: dt.date | None
    articles: int
    outlets: int
    independent: int


@dataclass(frozen=True)
class Article:
    article_id: str
    outlet: str  # the key the comparison views use (the outlet, or the file for an unknown one)
    outlet_known: bool
    source_id: str
    source_path: str
    wire_service: str | None
    title: str | None
    byline: str | None
    published_on: dt.date | None
    url: str | None
    copy_of: str | None
    copy_similarity: float | None

    @property
    def outlet_name(self) -> str:
        return outlet_name(self.outlet if self.outlet_known else None, self.source_id)


@dataclass(frozen=True)
class Figure:
    article_id: str
    outlet: str
    measure: str
    text: str
    value: float
    value_max: float | None
    qualifier: str
    unit: str | None
    line_no: int
    start: int


@dataclass(frozen=True)
class Conflict:
    measure: str
    outlet_a: str
    text_a: str
    outlet_b: str
    text_b: str
    article_id_a: str
    line_no_a: int
    article_id_b: str
    line_no_b: int


@dataclass(frozen=True)
class Statement:
    """One outlet's wording of one statement (a claim group)."""

    group_id: str
    speaker_name: str | None
    speaker_text: str | None
    outlet: str
    wording: str
    is_direct: bool
    outlets_in_group: int


@dataclass(frozen=True)
class Quoted:
    """How many claims one outlet attributes to one speaker (None: no resolved speaker)."""

    speaker_name: str | None
    speaker_type: str | None
    outlet: str
    claims: int
    direct_quotes: int


@dataclass
class StoryData:
    story: Story
    articles: list[Article] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    quoted: list[Quoted] = field(default_factory=list)

    def outlet_names(self) -> dict[str, str]:
        """Outlet key -> the name a reader sees, in order of first publication."""
        return {a.outlet: a.outlet_name for a in self.articles}

    def copies(self) -> list[Article]:
        return [a for a in self.articles if a.copy_of]

    def copy_outlets(self) -> set[str]:
        """Outlets whose every article in the story copies another: no report of their own."""
        own = {a.outlet for a in self.articles if not a.copy_of}
        return {a.outlet for a in self.articles} - own


def outlet_name(outlet: str | None, source_id: str) -> str:
    """The outlet, or for a page that does not name its outlet, its file: 'file 002_7af4cf90'."""
    return outlet or f"file {source_id[:SHORT_SOURCE_ID]}"


@contextmanager
def open_read_only(db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short read-only session, waiting a while if the loader holds the file."""
    if not db.exists():
        raise FileNotFoundError(f"no warehouse at {db}: run 'newsfacts run' first")
    with connection.connect(db, read_only=True, wait_seconds=READ_WAIT_SECONDS) as con:
        yield con


def read_stories(
    db: Path, story_id: str | None = None, min_outlets: int = MIN_OUTLETS
) -> list[StoryData]:
    """Every story with ``min_outlets`` outlets or more, or the one story ``story_id``."""
    with open_read_only(db) as con:
        return fetch_stories(con, story_id, min_outlets)


def fetch_stories(
    con: duckdb.DuckDBPyConnection, story_id: str | None = None, min_outlets: int = MIN_OUTLETS
) -> list[StoryData]:
    queries = named_queries(QUERIES_FILE)
    params = {"story_id": story_id, "min_outlets": min_outlets}

    def rows(name: str) -> list[dict[str, Any]]:
        sql = f"WITH selected AS ({queries['selected']}) {queries[name]}"
        cursor = con.execute(sql, params)
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    stories = {r["story_id"]: StoryData(Story(**r)) for r in rows("stories")}
    for r in rows("articles"):
        stories[r.pop("story_id")].articles.append(Article(**r))
    for r in rows("figures"):
        stories[r.pop("story_id")].figures.append(Figure(**r))
    for r in rows("conflicts"):
        stories[r.pop("story_id")].conflicts.append(Conflict(**r))
    for r in rows("statements"):
        stories[r.pop("story_id")].statements.append(Statement(**r))
    for r in rows("quoted"):
        stories[r.pop("story_id")].quoted.append(Quoted(**r))
    return list(stories.values())


def by_key(items: Iterable[T], key: str) -> dict[Any, list[T]]:
    """Items grouped by one attribute, in order of first appearance."""
    groups: dict[Any, list[T]] = defaultdict(list)
    for item in items:
        groups[getattr(item, key)].append(item)
    return dict(groups)
