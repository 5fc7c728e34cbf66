"""Word lists and name normalisation for the actors stage: the curated actors, titles,
head words, given names and family names.

Countries, capitals, places, demonyms and name normalisation are the project's one gazetteer
(``pipeline.stages.gazetteer``), re-exported here for the stage's modules. The rest is loaded
once per process (lazily) from maintained data packages (nicknames for given-name variants,
Faker's per-locale person lists for given and family names) and from the project's own word
lists in ``pipeline/data/actors_*``.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Final, NamedTuple, get_args

from pipeline.stages.gazetteer import (
    Place,
    common_words,
    country_names,
    data_lines,
    data_rows,
    demonyms,
    find,
    fold,
    is_acronym_like,
    lookup_key,
    name_tokens,
    norm_name,
    place_for,
    places,
)
from schemas.records import ActorType

# The shared gazetteer's look-ups the stage's modules reach through this one.
__all__ = ["Place", "country_names", "demonyms", "find", "place_for"]

GIVEN_NAME_KEY_LEN: Final = 3  # letters of a given name kept in a person's cross-article key
# A given name from Faker's lists counts when this many locales list it, or an English one does.
MIN_GIVEN_NAME_LOCALES: Final = 2
ENGLISH_LOCALE_PREFIX: Final = "en"

# Plain ASCII patterns: the standard library's engine substitutes these faster.
_VOWEL_RUN: Final = re.compile(r"[aeiouy]+")
_DOUBLED: Final = re.compile(r"(.)\1+")


def _actor_type(name: str, value: str) -> str:
    """``value`` checked as an actor type read from ``pipeline/data/<name>``."""
    if value not in get_args(ActorType):
        raise ValueError(f"pipeline/data/{name}: unknown actor type {value!r}")
    return value


@lru_cache(maxsize=1 << 16)
def skeleton_word(word: str) -> str:
    """A loose, transliteration-insensitive form of one word for matching against the curated
    actors list: first letter, then consonants, no doubles (Hashed/Hashd -> hshd)."""
    if len(word) <= 3:
        return word
    head = word[0] if word[0] not in "aeiouy" else "a"
    return _DOUBLED.sub(r"\1", head + _VOWEL_RUN.sub("", word[1:]))


@lru_cache(maxsize=1 << 16)
def surname_form(word: str) -> str:
    """A stricter form for family names, which must not collide as easily: every run of
    vowels becomes "a" and doubled letters collapse (Qassem/Qasem/Qasim -> qasam,
    Soleimani/Sulaimani -> salamana, Mohammed/Muhammad/Mohamed -> mahamad)."""
    return _DOUBLED.sub(r"\1", _VOWEL_RUN.sub("a", word))


@lru_cache(maxsize=1 << 16)
def skeleton(text: str) -> str:
    return " ".join(skeleton_word(w) for w in name_tokens(text))


@dataclass(frozen=True)
class KnownActor:
    name: str
    type: str
    key: str


class KnownActors(NamedTuple):
    """The curated well-known actors, by normalised alias and by alias skeleton."""

    by_norm: dict[str, KnownActor]
    by_skel: dict[str, KnownActor]


@cache
def known_actors() -> KnownActors:
    """Curated well-known actors by normalised alias, and by alias skeleton."""
    by_norm: dict[str, KnownActor] = {}
    by_skel: dict[str, KnownActor] = {}
    for parts in data_rows("actors_known.tsv", 2):
        name, typ = parts[0], _actor_type("actors_known.tsv", parts[1])
        aliases = [a for a in (parts[2].split("|") if len(parts) > 2 else []) if a]
        actor = KnownActor(name=name, type=typ, key="kb:" + norm_name(name))
        for alias in [name, *aliases]:
            by_norm.setdefault(lookup_key(alias), actor)
            # Acronyms stay exact: their skeletons collide too easily.
            if not is_acronym_like(alias):
                by_skel.setdefault(skeleton(alias), actor)
    return KnownActors(by_norm, by_skel)


@cache
def known_or_place_keys() -> frozenset[str]:
    """Every key of the curated actors table and of the places table: whether a name is
    known at all is one set lookup."""
    return frozenset(known_actors().by_norm) | frozenset(places())


@cache
def multiword_first_words() -> frozenset[str]:
    """First words of every multiword place or curated actor name (normalised), so a run of
    words that starts with any other word needs no multiword lookups at all."""
    keys = [*places(), *known_actors().by_norm]
    return frozenset(k.split(" ", 1)[0] for k in keys if " " in k and not k.startswith("="))


@cache
def titles() -> dict[str, str]:
    """Title as written (folded) -> expansion, e.g. "maj. gen." -> "Major General"."""
    return {fold(t): e for t, e, *_ in data_rows("actors_titles.tsv", 2)}


@cache
def word_set(name: str) -> frozenset[str]:
    return frozenset(fold(ln.strip()) for ln in data_lines(name))


@cache
def org_heads() -> dict[str, str]:
    name = "actors_org_heads.tsv"
    return {head: _actor_type(name, typ) for head, typ, *_ in data_rows(name, 2)}


@cache
def given_names() -> frozenset[str]:
    """Given names (folded) from Faker's person providers and the nicknames table."""
    import faker.providers.person as person_providers
    from nicknames import NickNamer

    counts: dict[str, int] = {}
    english: set[str] = set()
    for module in pkgutil.iter_modules(person_providers.__path__):
        if not module.ispkg:
            continue
        provider = importlib.import_module(f"{person_providers.__name__}.{module.name}").Provider
        seen: set[str] = set()
        for attr in ("first_names", "first_names_male", "first_names_female"):
            value = next((b.__dict__[attr] for b in provider.__mro__ if attr in b.__dict__), None)
            if isinstance(value, tuple | list | dict):
                seen.update(n for n in value if isinstance(n, str) and n[:1].isupper())
        for n in seen:
            counts[fold(n)] = counts.get(fold(n), 0) + 1
        if module.name.startswith(ENGLISH_LOCALE_PREFIX):
            english.update(fold(n) for n in seen)
    names = {n for n, c in counts.items() if c >= MIN_GIVEN_NAME_LOCALES} | english
    names.update(NickNamer().nickname_lookup)  # canonical names (the table's keys)
    # Names that are also places or common words ("China", "Star") are no evidence of a person.
    names -= common_words()
    names -= set(places())
    return frozenset(names)


@cache
def surnames() -> frozenset[str]:
    """Family names (folded) from Faker's person providers, less common words and places."""
    import faker.providers.person as person_providers

    names: set[str] = set()
    for module in pkgutil.iter_modules(person_providers.__path__):
        if not module.ispkg:
            continue
        provider = importlib.import_module(f"{person_providers.__name__}.{module.name}").Provider
        value = next((b.__dict__["last_names"] for b in provider.__mro__
                      if "last_names" in b.__dict__), None)  # fmt: skip
        if isinstance(value, tuple | list | dict):
            names.update(fold(n) for n in value if isinstance(n, str) and n[:1].isupper())
    return frozenset(names - common_words() - set(places()))


@cache
def _nicknamer():
    from nicknames import NickNamer

    return NickNamer()


def given_name_key(given: str) -> str:
    """A short key of a given name under which its nicknames and spellings agree: the first
    letters of the surname form of its fullest form. Pat, Patrick -> pat; Bill, William ->
    wal; Bob, Robert -> rab; Mohammed, Muhammad -> mah; Joe -> jas but Jill -> jal. The
    nicknames table links names both ways, so the longest linked name is the full form."""
    g = fold(given)
    if not g:
        return ""
    forms = {g, *_nicknamer().canonicals_of(g)}
    fullest = min(forms, key=lambda name: (-len(name), name))
    return surname_form(fullest)[:GIVEN_NAME_KEY_LEN]
