"""Properties every stage keeps on any input, and the inputs to try them on (hypothesis).

Shared by tests/test_fuzz.py (a short run in CI) and bench/fuzz.py (a long run that reports
how many inputs were tried). Each property takes one generated input and raises
AssertionError (or the stage's own exception) when the stage breaks its contract: no exception
escapes a stage on any text, every located record's ``text`` equals ``line[start:end]``, and
the ingest parsers turn any bytes into documents or explained errors.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from pipeline.stages import actors, claims, clean, dates, ingest, numbers
from pipeline.stages.article import build_article
from pipeline.stages.rejects import InputRejected
from schemas import ArticleText, SourceDocument

# Words and marks the stages look for, so random text reaches their rules, not only their
# first checks.
NEWSY_WORDS = [
    "said",
    "told",
    "according",
    "to",
    "the",
    "minister",
    "President",
    "Joe",
    "Biden",
    "U.S.",
    "Iraq",
    "Reuters",
    "AP",
    "more",
    "than",
    "about",
    "some",
    "at",
    "least",
    "million",
    "bn",
    "$",
    "€",
    "£",
    "%",
    "percent",
    "troops",
    "people",
    "killed",
    "Monday",
    "March",
    "2024",
    "last",
    "week",
    "ago",
    "on",
    "in",
    "of",
    "and",
    "1,200",
    "3.5",
    "12",
    "1990s",
    "one",
    "hundred",
    "thousand",
    "-",
    "\u2013",
    ":",
    ";",
    ",",
    ".",
    "?",
    "!",
    '"',
    "“",
    "”",
    "'",
    "\u2018",
    "\u2019",
    "(",
    ")",
    "Mr.",
    "Dr",
    "Gen.",
    "Ministry",
    "of",
    "Defence",
    "Hamas",
    "UN",
    "NATO",
    "Subscribe",
    "Share",
    "Advertisement",
    "©",
    "By",
    "Photo:",
    "Read",
    "more",
    "\t",
    "  ",
]
newsy_line = st.lists(st.sampled_from(NEWSY_WORDS), max_size=40).map(" ".join)
any_line = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=200).map(
    lambda s: s.replace("\n", " ")
)
lines = st.lists(st.one_of(newsy_line, any_line, st.just("")), min_size=1, max_size=25)
# Lines that once made a stage slow or wrong: long runs of one token.
pathological_line = st.sampled_from(
    ["1,", "12 ", "“", '"', "said ", "Mr. ", "$1 ", "- ", "(", "A. ", "more than "]
).flatmap(lambda unit: st.integers(50, 400).map(lambda n: unit * n))
texts = st.one_of(lines, st.lists(pathological_line, min_size=1, max_size=3))
published = st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31)))


def article_text(page_lines: list[str], published_on: dt.date | None) -> ArticleText:
    body = [n for n, line in enumerate(page_lines, start=1) if line.strip()]
    return ArticleText(
        article_id="fuzz", lines=page_lines, body_line_nos=body, published_on=published_on
    )


def check_spans(records: list[Any], article: ArticleText) -> None:
    for record in records:
        line = article.lines[record.line_no - 1]
        assert record.text == line[record.start : record.end], record
        assert record.line_no in article.body_line_nos, record


def prop_clean(page_lines: list[str]) -> None:
    doc = SourceDocument(
        source_path="fuzz.txt",
        source_id="fuzz",
        kind="txt",
        content_hash="0" * 64,
        text="\n".join(page_lines),
    )
    cleaned = clean.clean_document(doc)
    assert len(cleaned.labels) == len(doc.text.split("\n"))
    # No body, or an error page: a verdict on the input, not a failure.
    with contextlib.suppress(InputRejected):
        build_article(doc, cleaned, dt.datetime.now(dt.UTC))


def prop_extractors(page_lines: list[str], published_on: dt.date | None) -> None:
    article = article_text(page_lines, published_on)
    mentions = actors.extract_actor_mentions(article)
    check_spans(mentions, article)
    figures = numbers.extract_numbers(article)
    check_spans(figures, article)
    found_dates = dates.extract_dates(article)
    check_spans(found_dates, article)
    check_spans(claims.extract_claims(article, mentions, found_dates), article)


def prop_ingest(name: str, data: bytes) -> None:
    docs, errors = ingest.read_source(name, data, ingest.content_hash(data))
    assert docs or errors
    for message, _ in errors:
        assert message.strip()


file_names = st.sampled_from(["page.txt", "page.html", "feed.jsonl", "notes.docx", "page.htm"])
file_bytes = st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=2000).map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.text(max_size=500).map(lambda s: s.encode("utf-16")),
    st.lists(st.sampled_from([*NEWSY_WORDS, "<p>", "</p>", "<html>", "{", "}", '"id"', "\n"]))
    .map(" ".join)
    .map(str.encode),
)

# name -> (property, strategies of its arguments)
TARGETS: dict[str, tuple[Callable[..., None], tuple[st.SearchStrategy[Any], ...]]] = {
    "clean": (prop_clean, (texts,)),
    "extractors": (prop_extractors, (texts, published)),
    "ingest": (prop_ingest, (file_names, file_bytes)),
}
