"""The stage's word lists from ``pipeline/data/actors_*.txt`` and the titles table, in the
forms the rules read them."""

from __future__ import annotations

from functools import cache

from pipeline.stages.actors import gazetteers as gaz


@cache
def titles_by_first_word() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Titles indexed by their first folded word, longest first."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for title, expansion in gaz.titles().items():
        words = tuple(title.split())
        out.setdefault(words[0], []).append((words, expansion))
    for options in out.values():
        options.sort(key=lambda te: -len(te[0]))
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
