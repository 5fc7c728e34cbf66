"""Part of the claims stage (moved unchanged from __init__.py; docstring follows)."""

from __future__ import annotations

import json
import re as stdre
from collections.abc import Iterable
from importlib import resources
from typing import Final


def _load_lexicon() -> dict:
    text = resources.files("pipeline").joinpath("data", "claims_lexicon.json").read_text("utf-8")
    return json.loads(text)


LEXICON: Final = _load_lexicon()
CLAUSE_CUES: list[str] = LEXICON["clause_cues"]
OBJECT_CUES: list[str] = LEXICON["object_cues"]
QUOTE_ONLY_CUES: set[str] = set(LEXICON["quote_only_cues"])
TOLD_OBJECTS: list[str] = LEXICON["told_objects"]
PASSIVE_CUES: list[str] = LEXICON["passive_cues"]
# Cues that attribute only when a quotation follows them ("called it ''predatory''").
QUOTE_REQUIRED_CUES: list[str] = LEXICON["quote_required_cues"]
PERSON_PRONOUNS: set[str] = set(LEXICON["pronouns_person"])
PLURAL_PRONOUNS: set[str] = set(LEXICON["pronouns_plural"])
THING_PRONOUNS: set[str] = set(LEXICON["pronouns_thing"])
PERSON_HEADS: dict[str, list[str]] = LEXICON["person_heads"]
UNNAMED_HEADS: set[str] = set(LEXICON["unnamed_heads"])
STATEMENT_HEADS: set[str] = set(LEXICON["statement_heads"])
SPEAKER_TRAILING_WORDS: list[str] = LEXICON["speaker_trailing_words"]
ABBREVIATIONS: set[str] = set(LEXICON["abbreviations"])
CAPITALS: dict[str, str] = {
    city: country
    for city, country in json.loads(
        resources.files("pipeline").joinpath("data", "claims_capitals.json").read_text("utf-8")
    ).items()
    if not city.startswith("_")
}


def alternation(words: Iterable[str]) -> str:
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(stdre.escape(w).replace(r"\ ", r"\s+") for w in ordered)


DETERMINERS: Final = {
    "a",
    "an",
    "the",
    "his",
    "her",
    "its",
    "their",
    "our",
    "some",
    "many",
    "several",
}


ALL_HEAD_WORDS: Final = {w for words in PERSON_HEADS.values() for w in words}


EVENT_NOUNS: list[str] = LEXICON["event_nouns"]


STOPWORDS: frozenset[str] = frozenset(LEXICON["stopwords"])
