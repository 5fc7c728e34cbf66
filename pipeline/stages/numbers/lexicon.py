"""The stage's data files (``pipeline/data/numbers_*``), read and compiled once into a
``Lexicon``: units, the word lists of ``numbers_lexicon.json``, and the countries of the
project's one gazetteer (``pipeline.stages.gazetteer``)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Final

from pipeline.stages import gazetteer

DATA_DIR: Final = resources.files("pipeline") / "data"
# The word lists of numbers_lexicon.json read as lower-case sets (``Lexicon.sets``) ...
WORD_SETS: Final = (
    "change_words", "time_units", "months", "clock_words", "identifier_nouns",
    "pronoun_one_before", "pronoun_one_after", "compound_units", "irregular_plurals",
    "anaphoric_units", "not_units", "owner_verbs", "locative_prepositions",
    "possessive_pronouns", "target_prepositions", "victim_units",
    "year_prepositions", "street_words", "topic_links", "change_verbs", "subject_skip_words",
    "subject_stop_words", "level_links", "clause_links", "counted_subjects", "part_positions",
    "duration_adjectives", "age_group_nouns", "casualty_adjectives",
    "tally_verbs", "capitalised_count_nouns", "index_words", "lowercase_identifier_nouns",
    "verbs_read_as_plurals", "people_subject_verbs", "people_object_verbs",
)  # fmt: skip
# ... and all that the stage reads from it: word lists, and tables from words to readings.
LEXICON_LISTS: Final = (*WORD_SETS, "target_heads", "under_attack_verbs")
LEXICON_TABLES: Final = (
    "qualifiers_before", "qualifiers_after", "unit_synonyms", "singular_count_nouns",
    "event_units", "event_verbs", "unit_before_phrases",
)  # fmt: skip


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
    glued_currencies: dict[str, UnitEntry]  # "N" of "N500m": letters against the digits
    suffix_ci: re.Pattern[str]
    suffix_cs: re.Pattern[str]
    prefix_re: re.Pattern[str]
    prefix_words: frozenset[str]
    suffix_starts: frozenset[str]
    place_by_surface: dict[str, str]
    place_max_words: int  # the most words a place's name has
    qualifiers_before: dict[tuple[str, ...], str]
    qualifier_lengths: tuple[int, ...]
    qualifier_last_words: frozenset[str]
    qualifiers_after: dict[str, str]
    target_after: re.Pattern[str]
    target_before: re.Pattern[str]
    sets: dict[str, frozenset[str]]


class DataFileError(ValueError):
    """A data file of the stage is missing, unreadable or malformed (the message names it)."""


def _read_text(name: str) -> str:
    path = DATA_DIR / name
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(f"cannot read {path}: {error}") from error


def _read_tsv(name: str, columns: int) -> list[list[str]]:
    """The rows of a tab-separated file ('#' lines are comments), each of ``columns`` fields."""
    rows = []
    for line_no, line in enumerate(_read_text(name).splitlines(), 1):
        if line and not line.startswith("#"):
            row = line.split("\t")
            if len(row) != columns:
                raise DataFileError(
                    f"{DATA_DIR / name}, line {line_no}: {len(row)} fields, not {columns}"
                )
            rows.append(row)
    return rows


def _read_lexicon(name: str) -> dict:
    """The JSON word lists and tables, checked to hold every entry the stage reads."""
    path = DATA_DIR / name
    try:
        raw = json.loads(_read_text(name))
    except json.JSONDecodeError as error:
        raise DataFileError(f"{path} is not valid JSON: {error}") from error
    if not isinstance(raw, dict):
        raise DataFileError(f"{path} does not hold a JSON object")
    expected = {**dict.fromkeys(LEXICON_LISTS, list), **dict.fromkeys(LEXICON_TABLES, dict)}
    for key, kind in expected.items():
        if not isinstance(raw.get(key), kind):
            raise DataFileError(f"{path}: {key!r} is missing or not a JSON {kind.__name__}")
    return raw


def _read_units(name: str) -> dict[str, UnitEntry]:
    """The units by surface (lower-cased unless the surface is case-sensitive)."""
    units: dict[str, UnitEntry] = {}
    for surface, kinds, canonical, position, case, multiplier in _read_tsv(name, 6):
        try:
            factor = float(multiplier)
        except ValueError as error:
            raise DataFileError(f"{DATA_DIR / name}: {surface!r}: {error}") from error
        units[surface if case.startswith("cs") else surface.lower()] = UnitEntry(
            surface, frozenset(kinds.split("|")), canonical, position, case, factor
        )
    return units


LEADING_LETTERS: Final = re.compile(r"[^\W\d_]+")


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
    """The data files, read once; one that fails to load raises ``DataFileError``."""
    raw = _read_lexicon("numbers_lexicon.json")
    units = _read_units("numbers_units.tsv")
    places = [Place(c.key, c.names, c.demonyms, c.capitals) for c in gazetteer.countries().values()]
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
    after = [e for e in units.values() if e.position in {"suffix", "both"}]
    suffix_ci = [e.surface for e in after if e.case == "ci"]
    suffix_cs = [e.surface for e in after if e.case != "ci"]
    prefix = [e.surface for e in units.values() if e.position in {"prefix", "both"}]
    # A closing bracket is the unit's only where it opened one: "10 (dollars)", not "(402 hp)".
    # Possessive spaces ("*+"): no unit starts with a space, so giving spaces back never
    # helps, and trying each split of a long run of them was quadratic in its length.
    tail = r"[ \t\u00a0]*+(?:[-\u2010\u2011][ \t]*+)?(?P<open>[({])?[ \t]*+"
    suffix_re_ci = re.compile(
        tail
        + rf"(?:(?P<adj>{adjective_alt})\s+)?(?P<u>{_unit_pattern(suffix_ci)})"
        + r"(?(open)[)}]?)(?![^\W_])",
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
    sets = {name: frozenset(w.lower() for w in raw[name]) for name in WORD_SETS}
    sets["locative_or_source"] = sets["locative_prepositions"] | {"of", "from"}
    return Lexicon(
        raw=raw,
        units={k: e for k, e in units.items() if e.position != "glued"},
        glued_currencies={e.surface: e for e in units.values() if e.position == "glued"},
        suffix_ci=suffix_re_ci,
        suffix_cs=suffix_re_cs,
        prefix_re=prefix_re,
        prefix_words=frozenset(
            re.sub(r"^.*?([a-z.]+)\$?$", r"\1", p.lower())
            for p in prefix
            if p[-1:].isalpha() or p[-1] in "$."
        ),
        suffix_starts=frozenset(
            [re.split(r"\s+", x.lower())[0] for x in suffix_ci + suffix_cs]
            # the letters a dotted or hyphened unit starts with ("cu.ft.", "lb-ft"): the word
            # that the cheap test reads
            + [m.group().lower() for x in suffix_ci + suffix_cs if (m := LEADING_LETTERS.search(x))]
            + [x.lower() for x in suffix_ci + suffix_cs if not x[:1].isalnum()]
            + [x[0] for x in suffix_ci + suffix_cs if not x[:1].isalnum()]
            + [a.split()[0] for a in adjectives]
            + [m.group() for a in adjectives if (m := LEADING_LETTERS.match(a))]  # "u.s."
        ),
        place_by_surface=place_by_surface,
        place_max_words=max((s.count(" ") + 1 for s in place_by_surface), default=1),
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
