"""The stage's data files (``pipeline/data/numbers_*``), read and compiled once into a
``Lexicon``: units, the gazetteer of places, and the word lists of ``numbers_lexicon.json``."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Final

DATA_DIR: Final = resources.files("pipeline") / "data"


@dataclass(frozen=True, slots=True)
class UnitEntry:
    surface: str
    kinds: frozenset[str]
    canonical: str
    position: str
    case: str
    multiplier: float


@dataclass(frozen=True, slots=True)
class Place:
    key: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything read from the data files, compiled once."""

    raw: dict
    units: dict[str, UnitEntry]
    suffix_ci: re.Pattern[str]
    suffix_cs: re.Pattern[str]
    prefix_re: re.Pattern[str]
    prefix_words: frozenset[str]
    suffix_starts: frozenset[str]
    place_by_surface: dict[str, str]
    demonym_surfaces: frozenset[str]
    qualifiers_before: dict[tuple[str, ...], str]
    qualifier_lengths: tuple[int, ...]
    qualifier_last_words: frozenset[str]
    qualifiers_after: dict[str, str]
    target_after: re.Pattern[str]
    target_before: re.Pattern[str]
    sets: dict[str, frozenset[str]]


def _read_tsv(name: str) -> list[list[str]]:
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def _unit_pattern(surfaces: list[str]) -> str:
    """Alternation of unit surfaces, longest first; '$' may be preceded by a space ("us $")."""
    parts = []
    for surface in sorted(surfaces, key=len, reverse=True):
        escaped = re.escape(surface).replace(r"\ ", r"\s+")
        if surface.endswith("$") and len(surface) > 2:  # "us $", "c $" (not "a $": an article)
            escaped = escaped[:-2] + r"\s*\$"
        parts.append(escaped)
    return "|".join(parts)


@cache
def lexicon() -> Lexicon:
    raw = json.loads((DATA_DIR / "numbers_lexicon.json").read_text(encoding="utf-8"))
    units: dict[str, UnitEntry] = {}
    for surface, kinds, canonical, position, case, multiplier in _read_tsv("numbers_units.tsv"):
        units[surface if case.startswith("cs") else surface.lower()] = UnitEntry(
            surface, frozenset(kinds.split("|")), canonical, position, case, float(multiplier)
        )
    places = [
        Place(key, tuple(n.split("|")), tuple(d.split("|")), tuple(c.split("|")))
        for key, n, d, c in _read_tsv("numbers_places.tsv")
    ]
    place_by_surface: dict[str, str] = {}
    for place in places:
        for surface in (*place.names, *place.demonyms, *place.capitals):
            place_by_surface.setdefault(surface.lower(), place.key)
    demonyms = frozenset(d.lower() for p in places for d in p.demonyms)
    # Currency names take a nationality adjective: "125 million australian dollars".
    adjectives = sorted(
        demonyms | {"us", "u.s.", "hong kong", "new zealand"}, key=len, reverse=True
    )
    adjective_alt = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in adjectives)
    suffix_ci = [e.surface for e in units.values() if e.position != "prefix" and e.case == "ci"]
    suffix_cs = [e.surface for e in units.values() if e.position != "prefix" and e.case != "ci"]
    prefix = [e.surface for e in units.values() if e.position != "suffix"]
    tail = r"[ \t\u00a0]*(?:[-\u2010\u2011][ \t]*)?[({]?[ \t]*"
    suffix_re_ci = re.compile(
        tail
        + rf"(?:(?P<adj>{adjective_alt})\s+)?(?P<u>{_unit_pattern(suffix_ci)})[)}}]?(?![^\W_])",
        re.IGNORECASE,
    )
    suffix_re_cs = re.compile(tail + rf"(?P<u>{_unit_pattern(suffix_cs)})(?![^\W_])")
    prefix_re = re.compile(
        rf"(?:^|(?<=[^\w$.]))(?P<u>{_unit_pattern(prefix)})[ \t\u00a0]*$", re.IGNORECASE
    )
    qualifiers = {tuple(k.split()): v for k, v in raw["qualifiers_before"].items()}
    # "attacks on US forces" / "U.S. forces ... have come under attack": who was targeted
    heads = "|".join(map(re.escape, raw["target_heads"]))
    targets = "|".join(map(re.escape, raw["target_prepositions"]))
    under = "|".join(map(re.escape, raw["under_attack_verbs"]))
    sets = {
        name: frozenset(w.lower() for w in raw[name])
        for name in (
            "change_words", "time_units", "months", "clock_words", "identifier_nouns",
            "pronoun_one_before", "pronoun_one_after", "compound_units", "irregular_plurals",
            "anaphoric_units", "not_units", "owner_verbs", "locative_prepositions",
            "place_anaphors", "possessive_pronouns", "target_prepositions", "victim_units",
            "year_prepositions", "street_words", "topic_links",
        )
    }  # fmt: skip
    sets["locative_or_source"] = sets["locative_prepositions"] | {"of", "from"}
    return Lexicon(
        raw=raw,
        units=units,
        suffix_ci=suffix_re_ci,
        suffix_cs=suffix_re_cs,
        prefix_re=prefix_re,
        prefix_words=frozenset(
            re.sub(r"^.*?([a-z.]+)\$?$", r"\1", p.lower())
            for p in prefix
            if p[-1:].isalpha() or p[-1] == "$"
        ),
        suffix_starts=frozenset(
            [re.split(r"\s+", x.lower())[0] for x in suffix_ci + suffix_cs]
            + [x.lower() for x in suffix_ci + suffix_cs if not x[:1].isalnum()]
            + [x[0] for x in suffix_ci + suffix_cs if not x[:1].isalnum()]
            + [a.split()[0] for a in adjectives]
        ),
        place_by_surface=place_by_surface,
        demonym_surfaces=demonyms,
        qualifiers_before=qualifiers,
        qualifier_lengths=tuple(sorted({len(k) for k in qualifiers}, reverse=True)),
        qualifier_last_words=frozenset(k[-1] for k in qualifiers),
        qualifiers_after=raw["qualifiers_after"],
        target_after=re.compile(
            rf"\s+(?:{targets})\s+(?P<np>(?:\w[\w.\u2019'-]*\s+){{0,2}}?)(?P<head>{heads})\b"
        ),
        target_before=re.compile(
            rf"(?P<np>(?:\w[\w.\u2019'-]*\s+){{0,2}}?)(?P<head>{heads})\b"
            rf"[^.;]*?\b(?:{under})\s+under\b"
        ),
        sets=sets,
    )
