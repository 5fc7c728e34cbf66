"""The claims stage's word lists: claims_lexicon.json (cues, pronouns, heads, stopwords...).
Capitals speaking for their government come from the project's one gazetteer
(``pipeline.stages.gazetteer.capital_country``).

A data file that is missing, unreadable or lacks an entry raises, naming the file.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re as stdre
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any, Final

LEXICON_FILE: Final = "claims_lexicon.json"


def _load_json(name: str) -> dict[str, Any]:
    """A JSON object of pipeline/data/; raises naming the file when it cannot."""
    try:
        text = resources.files("pipeline").joinpath("data", name).read_text("utf-8")
        data = json.loads(text)
    except (OSError, ValueError) as error:
        raise RuntimeError(f"cannot load pipeline/data/{name}: {error}") from error
    if not isinstance(data, dict):
        raise RuntimeError(f"pipeline/data/{name}: expected a JSON object")
    return data


def _entry(key: str) -> Any:
    """One entry of the lexicon; raises naming the file when it is missing."""
    try:
        return LEXICON[key]
    except KeyError:
        raise RuntimeError(f"pipeline/data/{LEXICON_FILE}: no entry {key!r}") from None


LEXICON: Final = _load_json(LEXICON_FILE)
# First name (lower case) -> "f" or "m", for names nearly always borne by one gender.
# Faker's person providers for these locales give the gendered first-name lists.
ENGLISH_NAME_LOCALE_PREFIX: Final = "en"


@cache
def first_name_genders() -> dict[str, str]:
    """Lower-case first names borne by one gender only, "f" or "m": the female and male lists
    of Faker's English person providers less the names on both (Jordan, Taylor), and the
    nicknames (the nicknames package) whose full names are all of one gender ("liz")."""
    import faker.providers.person as person_providers
    from nicknames import NickNamer

    lists: dict[str, set[str]] = {"f": set(), "m": set()}
    for module in pkgutil.iter_modules(person_providers.__path__):
        if not module.name.startswith(ENGLISH_NAME_LOCALE_PREFIX):
            continue
        provider = importlib.import_module(f"{person_providers.__name__}.{module.name}").Provider
        for gender, attr in (("f", "first_names_female"), ("m", "first_names_male")):
            lists[gender].update(n.lower() for n in getattr(provider, attr, ()))
    both = lists["f"] & lists["m"]
    genders = {n: g for g, names in lists.items() for n in names - both}
    by_nickname: dict[str, set[str]] = {}
    table = NickNamer().nickname_lookup
    for full, nicknames in table.items():
        for nickname in nicknames:
            by_nickname.setdefault(nickname, set()).add(genders.get(full, "?"))
    for nickname, found in by_nickname.items():
        # (a nickname that is a given name of its own, "Erin", says nothing more of its gender)
        listed = nickname in lists["f"] or nickname in lists["m"] or nickname in table
        if len(found) == 1 and "?" not in found and not listed:
            genders[nickname] = next(iter(found))
    return genders


CLAUSE_CUES: list[str] = _entry("clause_cues")
OBJECT_CUES: list[str] = _entry("object_cues")
QUOTE_ONLY_CUES: set[str] = set(_entry("quote_only_cues"))
TOLD_OBJECTS: list[str] = _entry("told_objects")
PASSIVE_CUES: list[str] = _entry("passive_cues")
# Cues that attribute only when a quotation follows them ("called it ''predatory''").
QUOTE_REQUIRED_CUES: list[str] = _entry("quote_required_cues")
PERSON_PRONOUNS: set[str] = set(_entry("pronouns_person"))
PLURAL_PRONOUNS: set[str] = set(_entry("pronouns_plural"))
THING_PRONOUNS: set[str] = set(_entry("pronouns_thing"))
PERSON_HEADS: dict[str, list[str]] = _entry("person_heads")
UNNAMED_HEADS: set[str] = set(_entry("unnamed_heads"))
STATEMENT_HEADS: set[str] = set(_entry("statement_heads"))
SPEAKER_TRAILING_WORDS: list[str] = _entry("speaker_trailing_words")
ABBREVIATIONS: set[str] = set(_entry("abbreviations"))
EVENT_NOUNS: list[str] = _entry("event_nouns")
STOPWORDS: frozenset[str] = frozenset(_entry("stopwords"))
# Cues that are also nouns ("the states", "10-year notes"): a cue only where a verb stands.
NOUN_LIKE_CUES: frozenset[str] = frozenset(_entry("noun_like_cues"))
NOT_BEFORE_A_VERB: frozenset[str] = frozenset(_entry("not_before_a_verb"))
SUBJECT_WORDS: frozenset[str] = frozenset(_entry("subject_words"))
# Verbs a speaker phrase does not hold ("Iraq would respond" is a clause, not a speaker).
AUXILIARIES: frozenset[str] = frozenset(_entry("auxiliaries"))
# Cues that make a rumour before "to" ("said to be"); others direct ("urged X to", "told him to").
RUMOUR_BEFORE_TO: frozenset[str] = frozenset(_entry("rumour_before_to"))
# Nouns of what was said, owned by a speaker ("Iraqi government comments suggesting").
STATEMENT_NOUNS: list[str] = _entry("statement_nouns")
CATENATIVES: list[str] = _entry("catenatives")
CATENATIVE_CLAUSE_VERBS: list[str] = _entry("catenative_clause_verbs")
CATENATIVE_OBJECT_VERBS: list[str] = _entry("catenative_object_verbs")
DOCUMENT_VERBS: list[str] = _entry("document_verbs")
DOCUMENT_NOUNS: list[str] = _entry("document_nouns")
DOCUMENT_CUES: list[str] = _entry("document_cues")
# Heads that take a plural verb without an "s" ("police said"): unnamed plurals.
COLLECTIVE_HEADS: frozenset[str] = frozenset(_entry("collective_heads"))
# "the agency", "the company": a body the article named before.
ANTECEDENT_HEADS: frozenset[str] = frozenset(_entry("antecedent_heads"))
# "the ministry", "the health commission": an unnamed institution folds into its country.
COUNTRY_FOLD_HEADS: frozenset[str] = frozenset(_entry("country_fold_heads"))
# Cues of a belief or an estimate ("investigators believe"), not of an utterance.
BELIEF_CUES: frozenset[str] = frozenset(_entry("belief_cues"))

ALL_HEAD_WORDS: Final = {w for words in PERSON_HEADS.values() for w in words}
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


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of the words, longest first, a space matching any run of spaces."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(stdre.escape(w).replace(r"\ ", r"\s+") for w in ordered)
