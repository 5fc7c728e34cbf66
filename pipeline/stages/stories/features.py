"""What a story comparison reads of one article: the evidence a person would weigh.

An article's *story features* are small and fixed once the article is extracted, so the
warehouse stores them and never reads the article's text again to compare it:

- its text as a MinHash signature of word shingles (agency copy republished by several
  outlets shares long runs of words),
- the content words of its headline and of its lead (title, standfirst, first words),
- its salient actors (the ones it names early or often), typed, keyed across outlets,
- its distinctive figures ("30 jets", "2,500 troops": not small counts, not years),
- short runs of words from its direct quotes (the same quote in two outlets),
- its published date, where known.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final, NamedTuple

from pipeline.stages.claims.grouping import content_words
from pipeline.stages.stories.minhash import EVENT_PERMUTATIONS, minhash_signatures, stable_hash

# Words of the body (after the title and standfirst) that make an article's lead.
LEAD_WORDS: Final = 80
# Text shingles: runs of this many words, lower-cased.
TEXT_SHINGLE_WORDS: Final = 5
# Quote shingles: runs of this many words of a direct quote; a shorter quote gives none.
QUOTE_SHINGLE_WORDS: Final = 6
# Salient actors: named at least this often, or among the first this many actors named.
SALIENT_MIN_MENTIONS: Final = 2
SALIENT_FIRST_ACTORS: Final = 8
# How many actors an article can bring at most (the most mentioned first).
MAX_ACTORS: Final = 30
# A figure is distinctive when its value is at least this and it is not a year-like integer.
MIN_DISTINCTIVE_VALUE: Final = 10.0
YEAR_RANGE: Final = (1900.0, 2100.0)
MAX_FIGURES: Final = 40

_WORD: Final = re.compile(r"\w+")


class ActorRef(NamedTuple):
    """One actor mention as story features read it."""

    actor_key: str
    type: str
    line_no: int
    start: int
    text: str = ""


class FigureRef(NamedTuple):
    value: float
    unit: str | None


@dataclass(frozen=True)
class StoryFeatures:
    """One article's story evidence (see the module docstring)."""

    article_id: str
    outlet: str | None
    published_on: dt.date | None
    title: str | None
    title_words: frozenset[str]
    lead_words: frozenset[str]
    actors: frozenset[str]  # "type|key"
    figures: frozenset[str]  # "value|unit"
    quotes: frozenset[int]  # hashes of quote shingles
    shingles: int  # how many distinct text shingles the signature summarises
    text_signature: tuple[int, ...]  # MinHash of the text shingles
    event_signature: tuple[int, ...]  # MinHash of the event tokens (for candidate search)


def person_key(actor_key: str) -> str:
    """A person's key without the given name, so 'Ryder' and 'Pat Ryder' are one actor here."""
    if actor_key.startswith("person:"):
        parts = actor_key.split(":")
        return ":".join(parts[:2])
    return actor_key


def salient_actors(mentions: Iterable[ActorRef]) -> frozenset[str]:
    """Actors named at least twice or among the first few named, as "type|key"."""
    counts: dict[str, int] = {}
    first: dict[str, tuple[int, int]] = {}
    for m in mentions:
        key = f"{m.type}|{person_key(m.actor_key)}"
        counts[key] = counts.get(key, 0) + 1
        first[key] = min(first.get(key, (m.line_no, m.start)), (m.line_no, m.start))
    early = sorted(first, key=lambda k: (first[k], k))[:SALIENT_FIRST_ACTORS]
    chosen = {k for k, n in counts.items() if n >= SALIENT_MIN_MENTIONS} | set(early)
    ranked = sorted(chosen, key=lambda k: (-counts[k], first[k], k))
    return frozenset(ranked[:MAX_ACTORS])


def distinctive_figures(figures: Iterable[FigureRef]) -> frozenset[str]:
    """Figures a second report of the same event would repeat: not small, not a year."""
    out = set()
    for f in figures:
        value = abs(f.value)
        if value < MIN_DISTINCTIVE_VALUE:
            continue
        if YEAR_RANGE[0] <= value <= YEAR_RANGE[1] and value.is_integer() and not f.unit:
            continue
        out.add(f"{f.value:g}|{(f.unit or '').lower()}")
    return frozenset(sorted(out)[:MAX_FIGURES])


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def shingles(tokens: list[str], size: int) -> set[bytes]:
    if len(tokens) < size:
        return {" ".join(tokens).encode()} if tokens else set()
    return {" ".join(tokens[i : i + size]).encode() for i in range(len(tokens) - size + 1)}


def quote_hashes(quotes: Iterable[str]) -> frozenset[int]:
    out: set[int] = set()
    for quote in quotes:
        tokens = words(quote)
        if len(tokens) >= QUOTE_SHINGLE_WORDS:
            out |= {stable_hash(s) for s in shingles(tokens, QUOTE_SHINGLE_WORDS)}
    return frozenset(out)


def event_tokens(
    title_words: frozenset[str], actors: frozenset[str], figures: frozenset[str]
) -> set[bytes]:
    """What the event signature summarises: headline words, specific actors, figures.

    Countries are left out: nearly every report on a region names them.
    """
    tokens = {f"w:{w}" for w in title_words}
    tokens |= {f"a:{a}" for a in actors if not a.startswith("country|")}
    tokens |= {f"f:{f}" for f in figures}
    return {t.encode() for t in tokens}


@dataclass(frozen=True)
class ArticleEvidence:
    """The raw material of story features for one article."""

    article_id: str
    outlet: str | None
    published_on: dt.date | None
    title: str | None
    standfirst: str | None
    body: str
    actors: tuple[ActorRef, ...] = ()
    figures: tuple[FigureRef, ...] = ()
    quotes: tuple[str, ...] = ()


def story_features(articles: list[ArticleEvidence]) -> list[StoryFeatures]:
    """The story features of each article (MinHash signatures computed in one pass)."""
    text_sets, event_sets, parts = [], [], []
    for a in articles:
        body_tokens = words(a.body)
        # Names are "who" evidence, counted with the actors: the wording left is the "what".
        names = content_words(" ".join(m.text for m in a.actors))
        title_words = content_words(a.title or "") - names
        lead_text = " ".join(
            [a.title or "", a.standfirst or "", " ".join(body_tokens[:LEAD_WORDS])]
        )
        actors = salient_actors(a.actors)
        figures = distinctive_figures(a.figures)
        text_sets.append(shingles(body_tokens, TEXT_SHINGLE_WORDS))
        event_sets.append(event_tokens(title_words, actors, figures))
        parts.append((title_words, content_words(lead_text) - names, actors, figures))
    text_sigs = minhash_signatures(text_sets)
    event_sigs = minhash_signatures(event_sets, EVENT_PERMUTATIONS)
    return [
        StoryFeatures(
            article_id=a.article_id,
            outlet=a.outlet,
            published_on=a.published_on,
            title=a.title,
            title_words=title_words,
            lead_words=lead_words,
            actors=actors,
            figures=figures,
            quotes=quote_hashes(a.quotes),
            shingles=len(text_set),
            text_signature=text_sig,
            event_signature=event_sig,
        )
        for a, (title_words, lead_words, actors, figures), text_set, text_sig, event_sig in zip(
            articles, parts, text_sets, text_sigs, event_sigs, strict=True
        )
    ]
