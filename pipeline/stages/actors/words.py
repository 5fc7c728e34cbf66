"""The stage's word lists from ``pipeline/data/actors_*.txt`` and the titles table, in the
forms the rules read them."""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from pipeline.stages.actors import gazetteers as gaz


class Title(NamedTuple):
    """A title as its folded words ("maj.", "gen.") and its expansion ("Major General")."""

    words: tuple[str, ...]
    expansion: str


@cache
def titles_by_first_word() -> dict[str, list[Title]]:
    """Titles indexed by their first folded word, longest first."""
    out: dict[str, list[Title]] = {}
    for title, expansion in gaz.titles().items():
        words = tuple(title.split())
        out.setdefault(words[0], []).append(Title(words, expansion))
    for options in out.values():
        options.sort(key=lambda option: -len(option.words))
    return out


@cache
def role_nouns() -> frozenset[str]:
    return gaz.word_set("actors_role_nouns.txt")


@cache
def location_heads() -> frozenset[str]:
    return gaz.word_set("actors_location_heads.txt")


@cache
def event_heads() -> frozenset[str]:
    return gaz.word_set("actors_event_heads.txt")


@cache
def armed_group_words() -> frozenset[str]:
    return gaz.word_set("actors_armed_group_words.txt")


@cache
def place_qualifiers() -> frozenset[str]:
    return gaz.word_set("actors_place_qualifiers.txt")
