"""Pydantic models of every record newsfacts produces.

The processing stages build these models; the validation stage re-checks each one and
sends what fails to ``rejects``. Field names match the warehouse contract's columns.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

InputKind = Literal["txt", "html", "jsonl"]

LineKind = Literal[
    "body",
    "title",
    "standfirst",
    "byline",
    "dateline",
    "caption",
    "pullquote",
    "navigation",
    "subscription",
    "share",
    "script",
    "publisher_blurb",
    "source_credit",
    "related",
    "other",
]

ActorType = Literal[
    "person", "organization", "armed_group", "government_body", "country", "location", "other"
]

Qualifier = Literal["exact", "approximate", "more_than", "less_than", "at_least", "at_most"]

Granularity = Literal["day", "week", "month", "year"]


class Record(BaseModel):
    """Base of all records: immutable, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class SourceDocument(Record):
    """One article as read from the raw directory, before cleaning.

    ``text`` is the article's text as the contract defines it: the raw file for page text,
    the extracted text for HTML, the ``text`` field for a feed record.
    """

    source_path: str
    source_id: str
    kind: InputKind
    content_hash: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published_on: dt.date | None = None
    byline: str | None = None
    language: str | None = None
    encoding: str | None = None  # the text encoding the file was read in, e.g. "utf-8"


class LineLabel(Record):
    """How the cleaner classified one line of an article's text."""

    kind: LineKind
    reason: str | None = None

    @property
    def is_body(self) -> bool:
        return self.kind == "body"


class ArticleMetadata(Record):
    outlet: str | None = None
    wire_service: str | None = None
    title: str | None = None
    standfirst: str | None = None
    byline: str | None = None
    published_on: dt.date | None = None
    language: str = "en"


class CleanedDocument(Record):
    """The cleaner's verdict on a document: one label per line of its text, and metadata."""

    labels: list[LineLabel]
    metadata: ArticleMetadata


class ArticleText(Record):
    """What the extraction stages read: an article's lines and which of them are body.

    ``lines[i]`` is line number ``i + 1``. Extractors only report records on body lines.
    """

    article_id: str
    lines: list[str]
    body_line_nos: list[int]
    published_on: dt.date | None = None
    language: str = "en"

    def body_lines(self) -> list[tuple[int, str]]:
        return [(n, self.lines[n - 1]) for n in self.body_line_nos]


class Span(Record):
    """A piece of one line: ``text == line[start:end]``."""

    article_id: str
    line_no: int = Field(ge=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end <= self.start:
            raise ValueError(f"span end {self.end} is not after start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError(
                f"text {self.text!r} has length {len(self.text)}, "
                f"but start..end spans {self.end - self.start} characters"
            )
        return self


class Article(Record):
    article_id: str
    source_path: str
    source_id: str
    kind: InputKind
    content_hash: str
    outlet: str | None
    wire_service: str | None
    title: str | None
    standfirst: str | None
    byline: str | None
    published_on: dt.date | None
    language: str
    url: str | None
    body: str
    ingested_at: dt.datetime
    encoding: str | None = None


class ArticleLine(Record):
    article_id: str
    line_no: int = Field(ge=1)
    text: str
    is_body: bool
    kind: LineKind
    reason: str | None = None

    @model_validator(mode="after")
    def _body_kind(self) -> ArticleLine:
        if self.is_body != (self.kind == "body"):
            raise ValueError(f"is_body={self.is_body} contradicts kind={self.kind!r}")
        return self


class ActorMention(Span):
    """A mention of an actor, resolved within its article.

    ``actor_key`` is the cross-article identity: two mentions in different articles with
    the same key are the same real-world actor. ``actor_id`` is derived from it.
    """

    actor_id: str
    actor_key: str
    name: str
    type: ActorType
    role: str | None = None


class Actor(Record):
    actor_id: str
    name: str
    type: ActorType
    aliases: list[str]


class NumberMention(Span):
    value: float
    qualifier: Qualifier
    unit: str | None = None
    measure: str | None = None
    # Ranges are two records (at_least, at_most), as the guideline has it: the stage leaves
    # this null; the column stays so older warehouses and queries keep working.
    value_max: float | None = None


class DateMention(Span):
    value: dt.date | None = None
    granularity: Granularity


class Claim(Span):
    claim_id: str
    speaker_actor_id: str | None = None
    speaker_text: str | None = None
    cue: str | None = None
    is_direct: bool
    when_text: str | None = None
    claimed_on: dt.date | None = None


class Reject(Record):
    source_path: str
    article_id: str | None = None
    stage: str
    error: str
    payload: str | None = None
    rejected_at: dt.datetime
