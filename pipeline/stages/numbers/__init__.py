"""Numbers stage: every figure in an article's body, with what it counts.

Two layers:

* ``parse_quantities(sentence)`` is lexical and pure: it finds the figures of one piece of
  text (digits with separators and decimals, scales such as "2.5 million" or "$3bn",
  spelled-out numbers and fractions, percentages, money, measures, ranges) and classifies
  each one (``kind``), with its qualifier ("more than", "about", "up to").
* ``extract_numbers(article)`` keeps the figures the gold guideline counts (no dates, years,
  clock times, durations, ages, ordinals, identifiers or vague magnitudes), finds what each
  one counts (the unit noun, through ellipsis and coordination, or the event for "times")
  and derives a ``measure`` key from unit, event and place, so that outlets' figures for the
  same thing share it.

The measure key is ``[owner_]<what>[_on_<target>][_in_<places>]``: ``what`` is the unit
normalised through the synonym table (service members, soldiers -> troops) or the event
("killed ... people" -> deaths; "came under attack ... times" -> attacks); ``owner`` is the
country whose figure it is ("American troops", "The US has ..."); ``target`` who an attack
hit ("attacks on US forces"); ``places`` the countries after "in"/"inside"/"throughout"
("the country" resolves to the last place named). All of it comes from the text and the
generic gazetteer in ``numbers_places.tsv``.

``interval``/``compare`` state the comparison rule that ``sql/views/number_comparison.sql``
applies between outlets (approximate = +-10%).

Word lists live in ``pipeline/data/numbers_*`` files; the number grammar itself (number
words, scales) is a set of named constants below. Only body lines are read, and, for speed,
only the stretches of a sentence around digits and number words are tokenised.
"""

from __future__ import annotations

import bisect
import itertools
import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Final, Literal

from schemas.records import ArticleText, NumberMention, Qualifier

# ---------------------------------------------------------------------------------------
# Number grammar constants
# ---------------------------------------------------------------------------------------

UNIT_WORDS: Final = {
    "zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9,
}  # fmt: skip
TEEN_WORDS: Final = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS_WORDS: Final = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALE_WORDS: Final = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5,
    "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}  # fmt: skip
# Abbreviated scales written after digits ("$3bn", "10 bln"); these need no case rule.
SCALE_ABBREVIATIONS: Final = {
    "bn": 1e9, "bln": 1e9, "mn": 1e6, "mln": 1e6, "mil": 1e6, "tn": 1e12, "tln": 1e12,
    "trn": 1e12, "MM": 1e6,
}  # fmt: skip
# One-letter scales; "m" means million only after a currency sign ("$3m"), else metres.
SCALE_LETTERS: Final = {"k": 1e3, "K": 1e3, "M": 1e6, "G": 1e9, "B": 1e9, "b": 1e9, "T": 1e12}
DOZEN_WORDS: Final = {"dozen": 12, "dozens": 12, "doz": 12, "dozs": 12}
ORDINAL_WORDS: Final = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1000, "millionth": 1e6, "billionth": 1e9,
}  # fmt: skip
FRACTION_NOUNS: Final = {"half": 2, "halves": 2, "quarter": 4, "quarters": 4}
# Ordinals that never make a fraction on their own ("one second" is a duration).
NON_FRACTION_ORDINALS: Final = {"first", "second"}
ORDINAL_SUFFIXES: Final = {"st", "nd", "rd", "th"}
ARTICLES: Final = {"a", "an"}
SIGN_WORDS: Final = {"minus": -1.0, "negative": -1.0}
FRACTION_LINKS: Final = (("over",), ("out", "of"))
# Words that may follow "one over three" when it is a fraction.
FRACTION_ENDS: Final = frozenset({"is", "are", "and", "or"})
HYPHENS: Final = {"-", "\u2010", "\u2011", "\u2013", "\u2014", "\u2212"}
RANGE_DASHES: Final = {"-", "\u2013", "\u2014", "\u2010", "\u2011"}
SIGN_CHARACTERS: Final = {"-": -1.0, "\u2212": -1.0, "+": 1.0}
# A spaced one-letter scale ("2.33 k") only counts at the end of a phrase.
PHRASE_END: Final = re.compile(r"\s*(?:$|[.,;:!?)\]}])")
# Figures the gold guideline counts; other kinds are kept by parse_quantities(mode="all").
COUNTED_KINDS: Final = frozenset(
    {"number", "percent", "currency", "dimension", "temperature", "fraction"}
)
# Unseparated integers this long are identifiers (tracking codes, phone numbers), not figures.
IDENTIFIER_MIN_DIGITS: Final = 7
# A 4-digit integer in this range is read as a year unless something says it counts.
YEAR_RANGE: Final = (1000, 2100)
# Tolerance used for "approximate" by the comparison view (documented there too).
APPROXIMATE_TOLERANCE: Final = 0.10

Kind = Literal[
    "number", "percent", "currency", "dimension", "temperature", "fraction", "age", "duration",
    "year", "date", "clock", "ordinal", "identifier", "code", "pronoun", "vague",
]  # fmt: skip
Mode = Literal["news", "all"]

# Patterns of the helpers below, compiled once.
DIGIT_SEPARATORS: Final = re.compile(r"[,\s\u202f\u00a0]")
PERCENT_OF_BEFORE: Final = re.compile(r"(?:percents?|per\s+cent)\s+of\s+$")
SPACES: Final = re.compile(r"\s+")
AGE_AFTER: Final = re.compile(r"\s*[-\u2010\u2011]?\s*(?:old\b|of\s+age\b)")
COORDINATION: Final = re.compile(r"\s*(?:,\s*)?and\s*")
PLACE_COORDINATION: Final = re.compile(r"\s*(?:,|and|or)\s+(?:(?:neighbouring|neighboring)\s+)?")
COUNTRY_ANAPHOR: Final = re.compile(r"(?:country|nation)\b", re.IGNORECASE)
PLACE_PHRASE: Final = re.compile(r"\s+(?:in|inside)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?")
NON_SLUG: Final = re.compile(r"[^a-z0-9]+")
LOCATIVE: Final = re.compile(
    r"\b(?:in|inside|throughout|across|within)\s+(?:the\s+)?(?:(?:eastern|western|northern|"
    r"southern|central|north|south|east|west|neighbouring|neighboring|northeastern|northwestern|"
    r"southeastern|southwestern)\s+)?",
    re.IGNORECASE,
)

# ---------------------------------------------------------------------------------------
# Data files
# ---------------------------------------------------------------------------------------

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


# ---------------------------------------------------------------------------------------
# Tokens
# ---------------------------------------------------------------------------------------

# Words are tried first, as most tokens are words; a word starts with no fraction character
# and no "U.S"-like abbreviation (those go on to their own alternatives).
TOKEN_RE: Final = re.compile(
    r"(?P<word>(?![A-Za-z]\.[A-Za-z])[^\W\d_¼½¾⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞][^\W\d_]*(?:['\u2019][^\W\d_]+)?)"
    r"|(?P<chain>\d+(?:[./-]\d+){2,}(?![\d]))"
    r"|(?P<num>\d{1,3}(?:,\d{3}(?!\d))+(?:\.\d+)?"
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3}(?!\d)){2,}(?:\.\d+)?"
    r"|\d{1,3}(?:\u202f\d{3}(?!\d))+(?:\.\d+)?"
    r"|\d+(?:\.\d+)?(?:[eE][+-]?\d+(?!\d))?"
    r"|(?<![\w.])\.\d+|[¼½¾⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])"
    r"|(?P<abbr>[A-Za-z](?:\.[A-Za-z])+\.?)"
    r"|(?P<sym>\S)"
)


class Token:
    """A word, number or symbol of a sentence (a plain slots class: tokens are many)."""

    __slots__ = ("end", "kind", "low", "start", "text")

    def __init__(self, kind: str, text: str, start: int, end: int) -> None:
        self.kind = kind  # chain, num, abbr, word, sym
        self.text = text
        self.low = text.lower()
        self.start = start
        self.end = end

    def __repr__(self) -> str:
        return f"Token({self.kind}, {self.text!r}, {self.start})"


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``.

    Most of a text is words between spaces: a run of letters is one "word" token (the word
    alternative of ``TOKEN_RE`` takes all of it, and no other alternative starts with a
    letter), made without the pattern; the runs of other pieces between them are read by
    ``TOKEN_RE``. No token spans a space next to such a word ("2 500 000" does span spaces,
    but between digits only), so reading the pieces apart finds the same tokens."""
    if end is None:
        end = len(text)
    tokens: list[Token] = []
    pos = start
    piece_start = piece_end = -1  # a run of non-word pieces, not read yet
    for chunk in text[start:end].split():
        at = text.find(chunk, pos)  # only spaces lie between pos and the chunk
        pos = at + len(chunk)
        if not chunk.isalpha():
            if piece_start < 0:
                piece_start = at
            piece_end = pos
            continue
        if piece_start >= 0:
            tokens += _pattern_tokens(text, piece_start, piece_end)
            piece_start = -1
        tokens.append(Token("word", chunk, at, pos))
    if piece_start >= 0:
        tokens += _pattern_tokens(text, piece_start, piece_end)
    return tokens


# TOKEN_RE after any spaces: finditer then makes one attempt per token, not one per space.
SPACED_TOKEN_RE: Final = re.compile(r"\s*(?:" + TOKEN_RE.pattern + ")")
TOKEN_KINDS: Final = {index: name for name, index in SPACED_TOKEN_RE.groupindex.items()}


def _pattern_tokens(text: str, start: int, end: int) -> list[Token]:
    kinds = TOKEN_KINDS
    out = []
    for m in SPACED_TOKEN_RE.finditer(text, start, end):
        k = m.lastindex or 0
        out.append(Token(kinds[k], m.group(k), m.start(k), m.end(k)))
    return out


def _glued(tokens: list[Token], i: int) -> bool:
    """Token i touches token i-1 (no space between them)."""
    return 0 < i < len(tokens) and tokens[i].start == tokens[i - 1].end


def _digits_value(text: str) -> float:
    if len(text) == 1 and not text.isdigit():
        return unicodedata.numeric(text)  # "½"
    if any(separator in text for separator in THOUSANDS_SEPARATORS):
        return float(DIGIT_SEPARATORS.sub("", text))
    return float(text)


# What a number token may group its thousands with ("2,500", "2 500 000").
THOUSANDS_SEPARATORS: Final = (",", " ", "\u00a0", "\u202f")


# ---------------------------------------------------------------------------------------
# Spelled-out numbers
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Atom:
    """One word (or hyphen compound) of a number phrase."""

    cls: str  # unit teen tens comp digits article hundred scale dozen and ord half point
    value: float
    first: int  # token index range [first, last)
    last: int
    plural: bool = False
    word: str = ""


def _word_atom(tokens: list[Token], j: int) -> Atom | None:
    """The number atom that starts at token j, if any (hyphen compounds included)."""
    tok = tokens[j]
    if tok.kind != "word":
        return None
    w = tok.low
    if w in TENS_WORDS:
        # "twenty-one", "fifty - two", "thirty-fifths"
        k = j + 1
        if k + 1 < len(tokens) and tokens[k].text in HYPHENS and tokens[k + 1].kind == "word":
            nxt = tokens[k + 1].low
            if nxt in UNIT_WORDS and UNIT_WORDS[nxt] > 0:
                return Atom("comp", TENS_WORDS[w] + UNIT_WORDS[nxt], j, k + 2, word=w)
            base = nxt[:-1] if nxt.endswith("s") and nxt[:-1] in ORDINAL_WORDS else nxt
            if base in ORDINAL_WORDS and ORDINAL_WORDS[base] < 10:
                value = TENS_WORDS[w] + ORDINAL_WORDS[base]
                return Atom("ord", value, j, k + 2, plural=base != nxt, word=f"{w}-{base}")
        return Atom("tens", TENS_WORDS[w], j, j + 1, word=w)
    if w in UNIT_WORDS:
        return Atom("unit", UNIT_WORDS[w], j, j + 1, word=w)
    if w in TEEN_WORDS:
        return Atom("teen", TEEN_WORDS[w], j, j + 1, word=w)
    if w == "hundred":
        return Atom("hundred", 100, j, j + 1, word=w)
    if w in SCALE_WORDS:
        return Atom("scale", SCALE_WORDS[w], j, j + 1, word=w)
    if w in DOZEN_WORDS:
        return Atom("dozen", 12, j, j + 1, plural=w.endswith("s"), word=w)
    if w in ARTICLES:
        return Atom("article", 1, j, j + 1, word=w)
    if w == "and":
        return Atom("and", 0, j, j + 1, word=w)
    if w == "point":
        return Atom("point", 0, j, j + 1, word=w)
    if w in FRACTION_NOUNS:
        return Atom("half", FRACTION_NOUNS[w], j, j + 1, plural=w[-1] == "s", word=w)
    base = w[:-1] if w.endswith("s") and w[:-1] in ORDINAL_WORDS else w
    if base in ORDINAL_WORDS:
        return Atom("ord", ORDINAL_WORDS[base], j, j + 1, plural=base != w, word=base)
    return None


def _atom_at(tokens: list[Token], j: int) -> Atom | None:
    if j >= len(tokens):
        return None
    tok = tokens[j]
    if tok.kind == "num" and "." not in tok.text and "," not in tok.text and len(tok.text) <= 3:
        return Atom("digits", _digits_value(tok.text), j, j + 1, word=tok.text)
    return _word_atom(tokens, j)


NUMERAL_CLASSES: Final = {"unit", "teen", "tens", "comp", "digits"}
FRACTION_CLASSES: Final = {"ord", "half"}


def _is_denominator(atom: Atom, numerator: list[Atom]) -> bool:
    """RT-style fractions: a plural ordinal after spelled words, a singular one after a/one."""
    if atom.cls not in FRACTION_CLASSES or not numerator:
        return False
    if any(a.cls == "digits" for a in numerator):
        return False
    if atom.plural:
        return True
    if atom.word in NON_FRACTION_ORDINALS:
        return False
    head = [a for a in numerator if a.cls != "and"]
    if numerator[-1].cls == "and":
        return False
    return len(head) >= 1 and head[-1].cls in {"article"} | {"unit"} and head[-1].value == 1


def _fraction_ahead(tokens: list[Token], j: int) -> bool:
    """After an 'and': does a fraction follow ("and a quarter", "and two fifths")?"""
    seen: list[Atom] = []
    while j < len(tokens) and len(seen) < 6:
        atom = _atom_at(tokens, j)
        if atom is None or atom.cls in {"and", "point", "dozen"}:
            return False
        if atom.cls in FRACTION_CLASSES:
            return _is_denominator(atom, seen)
        seen.append(atom)
        j = atom.last
    return False


@dataclass(slots=True)
class _PhraseState:
    """What a number phrase has read so far, for the grammar in ``_can_follow``."""

    count: int
    hundred: bool = False  # a "hundred" since the last scale word
    scale: float = math.inf  # the last scale word's value; the next must be smaller
    and_at: int | None = None  # where an "and" joined a part that may be given back


def _can_follow(prev: Atom | None, atom: Atom, state: _PhraseState) -> bool:
    cls = atom.cls
    if prev is None:
        return cls in NUMERAL_CLASSES or cls in {"article", "half"}
    p = prev.cls
    if cls == "hundred":
        return p in {"unit", "teen", "tens", "comp", "digits", "article"} and not state.hundred
    if cls == "scale":
        return p in NUMERAL_CLASSES | {"hundred", "article", "half"} and atom.value < state.scale
    if cls == "dozen":
        return p in NUMERAL_CLASSES | {"article", "hundred"}
    if cls in FRACTION_CLASSES:
        return p in NUMERAL_CLASSES | {"article", "hundred", "scale"}
    if p == "article":
        return False
    if cls == "unit" or cls == "teen":
        if p == "tens":
            return cls == "unit" and atom.value > 0
        return p in {"hundred", "scale", "and"}
    if cls in {"tens", "comp"}:
        return p in {"hundred", "scale", "and"}
    if cls == "digits":
        return p in {"scale", "and"} or (p == "hundred" and atom.value < 100)
    if cls == "article":
        return p == "and" or (p == "half" and state.count == 1)
    if cls == "half":
        return p in {"and", "article"}
    if cls == "point":
        return p in NUMERAL_CLASSES | {"hundred", "scale"} and p != "digits"
    return False


def _scan_number_words(tokens: list[Token], i: int, first: Atom | None = None) -> list[Atom]:
    """The longest well-formed number phrase from token i (RT's English number grammar)."""
    atoms: list[Atom] = [first] if first else []
    j = first.last if first else i
    state = _PhraseState(count=len(atoms))
    while j < len(tokens):
        atom = _atom_at(tokens, j)
        if atom is None and atoms and tokens[j].text in HYPHENS:
            # "one-eighth", "one - fourth", "hundred-fifths"
            after = _atom_at(tokens, j + 1)
            if after is not None and after.cls in FRACTION_CLASSES:
                atom = after
        if atom is None:
            break
        prev = atoms[-1] if atoms else None
        if atom.cls == "and":
            if prev is None or not (
                (prev.cls in {"hundred", "scale"} and _and_continues(tokens, atom.last))
                or _fraction_ahead(tokens, atom.last)
            ):
                break
            state.and_at = len(atoms)
            atoms.append(atom)
            j = atom.last
            continue
        if atom.cls == "half" and prev is None:
            atoms.append(atom)  # "half a dozen", "half million", a bare "half"
            state.count += 1
            j = atom.last
            continue
        if atom.cls in FRACTION_CLASSES:
            if prev is None or not _is_denominator(atom, atoms):
                break
            atoms.append(atom)
            scale = _atom_at(tokens, atom.last)
            if scale is not None and scale.cls == "scale" and atom.word in FRACTION_NOUNS:
                atoms.append(scale)  # "a quarter million", "three quarters billion"
            break
        if atom.cls == "point":
            decimals = _scan_decimals(tokens, atom.last)
            if prev is None or not decimals or not _can_follow(prev, atom, state):
                break
            atoms.append(atom)
            atoms.extend(decimals)
            break
        if not _can_follow(prev, atom, state):
            # "3 hundred and 2 hundred" is two numbers: give the "and" part back.
            if atom.cls in {"hundred", "scale"} and state.and_at is not None:
                atoms = atoms[: state.and_at]
            break
        if atom.cls == "hundred":
            state.hundred = True
        elif atom.cls == "scale":
            state.scale = atom.value
            state.hundred = False
        atoms.append(atom)
        state.count += 1
        j = atom.last
        if atom.cls == "dozen":
            break
    while atoms and atoms[-1].cls in {"and", "article"}:
        atoms.pop()
    return atoms


def _and_continues(tokens: list[Token], j: int) -> bool:
    atom = _atom_at(tokens, j)
    return atom is not None and atom.cls in NUMERAL_CLASSES


def _scan_decimals(tokens: list[Token], j: int) -> list[Atom]:
    digits: list[Atom] = []
    while j < len(tokens):
        atom = _atom_at(tokens, j)
        if atom is None or atom.cls not in {"unit", "comp", "tens", "teen"}:
            break
        digits.append(atom)
        j = atom.last
    return digits


def _integer_value(atoms: list[Atom]) -> float:
    """Value of a word sequence, RT's GetIntValue: 'and' ignored, ordinals as their number."""
    total = 0.0
    current = 0.0
    tail = 0.0  # what was added since the last hundred/and ("three hundred and two dozens")
    for a in atoms:
        cls = a.cls
        if cls in NUMERAL_CLASSES or cls == "article":
            current += a.value
            tail += a.value
        elif cls == "hundred" or (cls == "ord" and a.value == 100):
            current = (current or 1.0) * 100
            tail = 0.0
        elif cls == "scale" or (cls == "ord" and a.value >= 1000):
            total += (current or 1.0) * a.value
            current = tail = 0.0
        elif cls == "ord" or cls == "half":
            current += a.value
            tail += a.value
        elif cls == "dozen":
            current += tail * 11 if tail else 12.0
            tail = 0.0
        elif cls == "and":
            tail = 0.0
    return total + current


def _is_composable(big: float, small: float) -> bool:
    base = 100 if small > 10 else 10
    return big % base == 0 and big / base >= 1


def _fraction_value(atoms: list[Atom]) -> float:
    """RT's fraction reading: split the words into numerator and ordinal denominator."""
    words = atoms
    if len(words) == 1:
        return 1 / words[0].value
    last = len(words) - 1
    current = words[last].value
    round_value = 1.0
    split = last
    for k in range(last - 1, -1, -1):
        split = k
        if words[k].cls == "and":
            continue
        previous = current
        current = words[k].value if words[k].cls != "and" else 0
        if (previous >= 100 and previous > current) or (
            previous < 100 and _is_composable(current, previous)
        ):
            if previous < 100 and current >= round_value:
                round_value = current
            elif previous < 100 and current < round_value:
                split = k + 1
                break
            if k == 0:
                split = 1
                while split <= last - 1:
                    if (
                        _atom_number(words[split]) >= 100
                        and words[split + 1].cls != "and"
                        and _atom_number(words[split + 1]) < 100
                    ):
                        split += 1
                        break
                    split += 1
                break
            continue
        split = k + 1
        break
    denominator = _integer_value(words[split:])
    head = words[:split]
    numerator = 0.0
    mixed = len(head)
    for k in range(len(head) - 1, -1, -1):
        if k < len(head) - 1 and head[k].cls == "and":
            numerator = _integer_value(head[k + 1 :])
            mixed = k + 1
            break
    whole = _integer_value(head[:mixed])
    if denominator == 0:
        return whole
    if mixed != len(head) and numerator < denominator:
        return whole + numerator / denominator
    return (whole + numerator) / denominator


def _atom_number(atom: Atom) -> float:
    return 0.0 if atom.cls == "and" else atom.value


def _words_value(atoms: list[Atom]) -> tuple[float, str]:
    """(value, shape) of a scanned phrase; shape is 'fraction', 'decimal' or 'integer'."""
    if atoms[-1].cls == "scale" and len(atoms) > 2 and atoms[-2].cls in FRACTION_CLASSES:
        k = max((n for n, a in enumerate(atoms) if a.cls == "and"), default=-1)
        part, _ = _words_value(atoms[k + 1 : -1])
        whole = _integer_value(atoms[:k]) if k > 0 else 0.0
        return whole + part * atoms[-1].value, "integer"
    if atoms[-1].cls in FRACTION_CLASSES and len(atoms) > 1:
        k = max((n for n, a in enumerate(atoms) if a.cls == "and"), default=0)
        if k > 1 and atoms[k - 1].cls == "scale":
            # "two million and three fifths": the fraction is of a million
            part = _fraction_value(atoms[k + 1 :])
            return _integer_value(atoms[:k]) + part * atoms[k - 1].value, "integer"
        return _fraction_value(atoms), "fraction"
    if any(a.cls == "point" for a in atoms):
        k = next(n for n, a in enumerate(atoms) if a.cls == "point")
        whole = _integer_value(atoms[:k])
        decimals = "".join(str(int(a.value)) for a in atoms[k + 1 :])
        return whole + float("0." + decimals), "decimal"
    if atoms[0].cls == "half" and len(atoms) >= 3 and atoms[-1].cls == "dozen":
        return 6.0 * _integer_value(atoms[1:-1]) if len(atoms) > 3 else 6.0, "integer"
    if atoms[0].cls == "half":
        rest = atoms[1:]
        return 0.5 * (_integer_value(rest) if rest else 1.0), "fraction" if not rest else "integer"
    return _integer_value(atoms), "integer"


# ---------------------------------------------------------------------------------------
# Quantities
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Quantity:
    """One figure found in a sentence. ``text == sentence[start:end]``."""

    start: int
    end: int
    text: str
    value: float
    kind: Kind = "number"
    qualifier: Qualifier = "exact"
    value_max: float | None = None
    unit: str | None = None  # the unit written with the figure (dollars, percent, miles)
    unit_kinds: frozenset[str] = frozenset()
    glued_unit: bool = False
    spelled: bool = False
    number_start: int = 0  # the bare number, without qualifier or unit
    number_end: int = 0
    token_last: int = 0  # index of the first token after the figure


@dataclass(slots=True)
class _Read:
    value: float
    first: int
    last: int  # token index after the number
    spelled: bool
    shape: str
    scaled: bool = False
    kind: Kind = "number"


def parse_quantities(sentence: str, mode: Mode = "news") -> list[Quantity]:
    """Every figure of ``sentence``.

    ``mode="news"`` keeps what the gold guideline counts as a figure; ``mode="all"`` also
    returns years, dates, clock times, durations, ages, identifiers and vague uses of
    "one"/"half", each with its ``kind``, for benchmarks whose specs count them.
    """
    tokens = tokenize(sentence)
    found = _parse_tokens(sentence, tokens)
    if mode == "news":
        links = _Spans(URL_RE.finditer(sentence)) if _may_hold_link(sentence) else None
        return [
            q
            for q in found
            if q.kind in COUNTED_KINDS and not (links and links.contain(q.number_start))
        ]
    return found


class _Spans:
    """Sorted, disjoint spans of regex matches (links, phone numbers): membership by
    bisection, so that a line full of them is not read once per figure."""

    __slots__ = ("ends", "starts")

    def __init__(self, matches: Iterable[re.Match[str]]) -> None:
        spans = [m.span() for m in matches]
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]

    def __bool__(self) -> bool:
        return bool(self.starts)

    def contain(self, pos: int) -> bool:
        k = bisect.bisect_right(self.starts, pos) - 1
        return k >= 0 and pos < self.ends[k]


def _may_hold_link(text: str) -> bool:
    return "http" in text or "www." in text or "@" in text


def _parse_tokens(text: str, tokens: list[Token]) -> list[Quantity]:
    out: list[Quantity] = []
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        if tok.kind == "chain":
            out.extend(_chain_quantities(text, tokens, i))
            i += 1
            continue
        if tok.kind == "num" or (tok.low in NUMBER_START_WORDS and _starts_number(tokens, i)):
            read = _read_number(text, tokens, i)
            if read is not None:
                quantity = _decorate(text, tokens, read)
                if quantity is not None:
                    out.append(quantity)
                    i = max(quantity.token_last, i + 1)
                    continue
            i = read.last if read is not None and read.last > i else i + 1
            continue
        i += 1
    if out:
        phones = _phone_spans(text, tokens[0].start, tokens[-1].end)
        if phones:
            out = [
                replace(q, kind="identifier") if phones.contain(q.number_start) else q for q in out
            ]
    return _join_ranges(text, tokens, out)


def _chain_quantities(text: str, tokens: list[Token], i: int) -> list[Quantity]:
    """'192.168.1.2', '5/17/2018', '+1-222-2222/2222': an identifier or date, one per part."""
    tok = tokens[i]
    is_date = re.fullmatch(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}", tok.text) is not None
    kind: Kind = "date" if is_date else "identifier"
    out = []
    for m in re.finditer(r"\d+", tok.text):
        start, end = tok.start + m.start(), tok.start + m.end()
        out.append(
            Quantity(start, end, m.group(), float(m.group()), kind, number_start=start,
                     number_end=end, token_last=i + 1)
        )  # fmt: skip
    return out


NUMBER_START_WORDS: Final = frozenset({*UNIT_WORDS, *TEEN_WORDS, *TENS_WORDS, "half", *ARTICLES})


def _starts_number(tokens: list[Token], i: int) -> bool:
    w = tokens[i].low
    if w not in NUMBER_START_WORDS:
        return False
    if w not in ARTICLES:
        return True
    if w in ARTICLES and i + 1 < len(tokens):
        nxt = _word_atom(tokens, i + 1)
        return nxt is not None and nxt.cls in {"hundred", "scale", "dozen", "ord", "half"}
    return False


def _read_number(text: str, tokens: list[Token], i: int) -> _Read | None:
    tok = tokens[i]
    if tok.kind == "num":
        return _read_digits(text, tokens, i)
    atoms = _scan_number_words(tokens, i)
    if not atoms:
        return None
    if atoms[0].cls == "article" and len(atoms) == 1:
        return None
    value, shape = _words_value(atoms)
    last = atoms[-1].last
    read = _Read(value, i, last, True, shape)
    if all(a.cls in {"half", "article"} for a in atoms):
        followed = last < len(tokens) and tokens[last].low == "of"
        if len(atoms) == 1 or not followed:
            read.kind = "vague"  # a bare "half"; "a year and a half"
    return _read_over_fraction(tokens, read)


def _read_over_fraction(tokens: list[Token], read: _Read) -> _Read:
    """'one over three', '1 out of three': only with a numerator of one."""
    if read.value != 1 or read.shape != "integer":
        return read
    j = read.last
    for link in FRACTION_LINKS:
        if all(j + k < len(tokens) and tokens[j + k].low == w for k, w in enumerate(link)):
            k = j + len(link)
            if k >= len(tokens):
                return read
            denominator = _read_number("", tokens, k) if tokens[k].kind in {"num", "word"} else None
            if denominator is None or denominator.value == 0:
                return read
            after = tokens[denominator.last] if denominator.last < len(tokens) else None
            if after is not None and after.kind == "word" and after.low not in FRACTION_ENDS:
                return read  # "one over three years": not a fraction
            return _Read(1 / denominator.value, read.first, denominator.last, True, "fraction")
    return read


def _read_digits(text: str, tokens: list[Token], i: int) -> _Read:
    tok = tokens[i]
    value = _digits_value(tok.text)
    j = i + 1
    n = len(tokens)
    shape = "integer" if _is_integer_token(tok.text) else "decimal"
    if not tok.text[0].isdigit() and tok.text[0] != ".":
        shape = "fraction"
    scaled = False
    # exponent: "1.1^23", "2.5^-1", "-1.1^--23"
    if j + 1 < n and tokens[j].text == "^" and _glued(tokens, j):
        k = j + 1
        sign = 1.0
        while k < n and tokens[k].text in SIGN_CHARACTERS and _glued(tokens, k):
            sign *= SIGN_CHARACTERS[tokens[k].text]
            k += 1
        if k < n and tokens[k].kind == "num" and _glued(tokens, k):
            try:
                power = math.pow(value, sign * _digits_value(tokens[k].text))
            except (OverflowError, ValueError):
                power = math.inf
            return _Read(power, i, k + 1, False, "power")
    if j < n and tokens[j].kind == "word" and _glued(tokens, j):
        suffix = tokens[j].text
        if suffix.lower() in ORDINAL_SUFFIXES and shape == "integer":
            return _Read(value, i, j + 1, False, "ordinal", kind="ordinal")
        scale = _scale_suffix(suffix, text, tok.start)
        if scale is not None:
            value *= scale
            j += 1
            scaled = True
    elif j < n and tokens[j].kind == "word" and tokens[j].text in SCALE_ABBREVIATIONS:
        value *= SCALE_ABBREVIATIONS[tokens[j].text]
        j += 1
        scaled = True
    elif (
        j < n
        and tokens[j].text in SCALE_LETTERS
        and tokens[j].kind == "word"
        and PHRASE_END.match(text, tokens[j].end)
    ):
        value *= SCALE_LETTERS[tokens[j].text]
        j += 1
        scaled = True
    # mixed number "10 1/2" or fraction "1/4"
    if not scaled and j + 2 < n + 1:
        frac = _slash_fraction(tokens, j) if j < n and not _glued(tokens, j) else None
        if frac is not None and shape == "integer":
            return _Read(value + frac[0], i, frac[1], False, "fraction")
        frac = _slash_fraction(tokens, i)
        if frac is not None:
            return _Read(frac[0], i, frac[1], False, "fraction")
    read = _Read(value, i, j, False, shape, scaled)
    if not scaled and shape == "integer" and "," not in tok.text and len(tok.text) <= 3:
        atoms = _scan_number_words(tokens, i)
        if len(atoms) > 1 and any(a.cls in {"hundred", "scale", "dozen"} for a in atoms):
            value, shape = _words_value(atoms)
            return _Read(value, i, atoms[-1].last, True, shape, True)
    elif j < n and tokens[j].kind == "word" and tokens[j].low in SCALE_WORDS:
        # "1,674.5 million", "2.5 million"
        k = j
        while k < n and tokens[k].kind == "word" and tokens[k].low in SCALE_WORDS:
            value *= SCALE_WORDS[tokens[k].low]
            k += 1
        return _Read(value, i, k, False, shape, True)
    return _read_over_fraction(tokens, read)


def _is_integer_token(text: str) -> bool:
    """A number token without a decimal point or exponent ("2,500", not "2.5" or "1e5");
    a fraction character counts, its shape is set apart by the caller."""
    return "." not in text and "e" not in text and "E" not in text


def _slash_fraction(tokens: list[Token], k: int) -> tuple[float, int] | None:
    """'1/4', '4/5' (three glued tokens) -> (value, token after)."""
    if not (k + 2 < len(tokens) and tokens[k].kind == "num" and tokens[k + 1].text == "/"):
        return None
    if _glued(tokens, k + 1) and _glued(tokens, k + 2) and tokens[k + 2].kind == "num":
        den = _digits_value(tokens[k + 2].text)
        if den:
            return _digits_value(tokens[k].text) / den, k + 3
    return None


def _scale_suffix(suffix: str, text: str, start: int) -> float | None:
    if suffix in SCALE_LETTERS and suffix != "m":
        return SCALE_LETTERS[suffix]
    low = suffix.lower()
    if suffix == "MM":
        return 1e6
    if low in {"bn", "bln", "mn", "mln", "tn", "tln", "trn"}:
        return SCALE_ABBREVIATIONS[low]
    if suffix == "m" and lexicon().prefix_re.search(text[max(0, start - 8) : start]):
        return 1e6  # "$3m"
    return None


def _sign_before(text: str, tokens: list[Token], i: int) -> tuple[float, int]:
    """(sign, first token) of a '-'/'minus' before the number at token i."""
    if i >= 1 and tokens[i - 1].low in SIGN_WORDS:
        return SIGN_WORDS[tokens[i - 1].low], i - 1
    if i >= 1 and tokens[i - 1].text in ("-", "\u2212") and tokens[i].kind == "num":
        before = tokens[i - 2] if i >= 2 else None
        if before is None or (
            (before.kind == "sym" and before.text in "([{:=") or not _glued(tokens, i - 1)
        ):
            if before is not None and before.kind in {"num", "word", "abbr", "chain"}:
                return 1.0, i
            if before is not None and before.text in HYPHENS:
                return 1.0, i
            return -1.0, i - 1
    return 1.0, i


def _decorate(text: str, tokens: list[Token], read: _Read) -> Quantity | None:
    lex = lexicon()
    first, last = read.first, read.last
    value = read.value
    kind: Kind = read.kind
    number_start, number_end = tokens[first].start, tokens[last - 1].end
    if kind == "ordinal":
        return Quantity(
            number_start, number_end, text[number_start:number_end], value, "ordinal",
            number_start=number_start, number_end=number_end, token_last=last,
        )  # fmt: skip
    sign, first = _sign_before(text, tokens, first)
    value *= sign
    start, end = tokens[first].start, number_end
    unit: str | None = None
    unit_kinds: frozenset[str] = frozenset()
    glued = False
    # currency before the digits: "$", "US$", "c $", "USD", "£"
    prefix = _currency_prefix(text, start)
    if prefix and not _letter_before(text, start - (len(prefix.group()))):
        entry = lex.units.get(prefix.group("u").lower().replace(" ", "")) or lex.units.get(
            re.sub(r"\s+", "", prefix.group("u").lower())
        )
        if entry is not None and "currency" in entry.kinds:
            unit, unit_kinds = entry.canonical, frozenset({"currency"})
            start -= len(prefix.group())
            if text[start].isspace():
                start += 1
    # text glued on the left: "M2A2", "scp173", "G7", "F-16"
    if _code_before(text, tokens, first) and unit is None:
        kind = "code"
    digits = tokens[read.first].text
    if unit is None and len(digits) >= IDENTIFIER_MIN_DIGITS and digits.isdigit():
        kind = "identifier"  # tracking codes, ids: nothing after them is their unit
    # unit after the number
    suffix = _match_suffix(text, number_end)
    if suffix is not None and kind != "code":
        entry, m = suffix
        if unit is not None and "currency" in entry.kinds:
            end = m.end()  # "$10 dollars"
        elif unit is None and (m.groupdict().get("adj") is None or "currency" in entry.kinds):
            unit, unit_kinds = entry.canonical, entry.kinds
            value *= entry.multiplier
            end = m.end()
            glued = m.start("u") == number_end
    elif kind != "code" and last < len(tokens) and _glued(tokens, last):
        nxt = tokens[last]
        if nxt.kind in {"word", "num"} and nxt.text not in "%":
            kind = "code"  # "24703L202", "1990s", "777F"
        elif _compound_modifier(tokens, last):
            kind = "code"  # "an 18-hole course", "a 12-member council": a modifier
    # percent written first: "percents of twenty", "per cent of 210"
    if unit is None:
        before = text[max(0, start - 16) : start].lower()
        percent_of = PERCENT_OF_BEFORE.search(before) if "cent" in before else None
        if percent_of:
            unit, unit_kinds = "percent", frozenset({"percent"})
            start -= len(before) - percent_of.start()
    if unit_kinds:
        kind = _unit_kind(unit_kinds)
    elif kind == "number" and read.shape == "fraction":
        kind = "fraction"
    # cents after dollars: "3 dollars 50 cents", "c $ 100 and fifty"
    after = _token_index_at(tokens, end, last)
    if "currency" in unit_kinds and unit and unit.endswith("dollars"):
        cents = _cents_after(text, tokens, after)
        if cents is not None:
            value += cents[0] / 100
            end = tokens[cents[1] - 1].end
            after = cents[1]
    time_kind = _time_kind(text, tokens, after, end) if not unit_kinds else None
    if time_kind is not None and kind in {"number", "fraction"}:
        kind, end, after = time_kind
    if kind == "number":
        kind = _number_kind(text, tokens, read, first, last, value)
    qualifier, q_start = _qualifier_before(text, tokens, first, start)
    q_after = _qualifier_after(text, tokens, after)
    if q_after is not None and qualifier == "exact":
        qualifier, end, after = q_after
    if qualifier != "exact":
        start = q_start
    return Quantity(
        start=start, end=end, text=text[start:end], value=value, kind=kind, qualifier=qualifier,
        unit=unit, unit_kinds=unit_kinds, glued_unit=glued, spelled=read.spelled,
        number_start=number_start, number_end=number_end, token_last=max(after, last),
    )  # fmt: skip


def _currency_prefix(text: str, start: int) -> re.Match[str] | None:
    before = text[max(0, start - 10) : start].rstrip()
    if not before:
        return None
    last = before[-1]
    if last.isalpha() and before.split()[-1].lower().strip("(") not in lexicon().prefix_words:
        return None  # cheap test before the prefix alternation
    if last.isdigit() or last in ",.;:!?)":
        return None
    return lexicon().prefix_re.search(text[max(0, start - 10) : start])


def _compound_modifier(tokens: list[Token], k: int) -> bool:
    """A hyphen glued to a lower-case word that is no unit, time or qualifier: '18-hole'."""
    if k + 1 >= len(tokens) or tokens[k].text not in HYPHENS or not _glued(tokens, k + 1):
        return False
    word = tokens[k + 1]
    if word.kind != "word" or not word.text[0].islower():
        return False
    special = lexicon().sets["time_units"] | {"plus", "odd", "year", "old"}
    return word.low not in special and _word_atom(tokens, k + 1) is None


def _letter_before(text: str, pos: int) -> bool:
    return pos > 0 and text[pos - 1].isalnum()


def _code_before(text: str, tokens: list[Token], first: int) -> bool:
    """Letters glued on the left ("M2A2", "scp2-173", "F-16"), number words aside."""
    k = first
    while k > 0 and _glued(tokens, k):
        prev = tokens[k - 1]
        if prev.kind in {"word", "abbr"}:
            numeral = prev.low in UNIT_WORDS or prev.low in TEEN_WORDS or prev.low in TENS_WORDS
            return not (numeral and k < first)  # "three-nought-four" is three numbers
        if prev.kind == "sym" and prev.text not in HYPHENS:
            return False
        k -= 1
    return False


NEXT_WORD: Final = re.compile(r"[ \t\u00a0]*[-\u2010\u2011({]?[ \t]*([^\W\d_]+|\S)")


def _match_suffix(text: str, pos: int) -> tuple[UnitEntry, re.Match[str]] | None:
    lex = lexicon()
    nxt = NEXT_WORD.match(text, pos)
    word = nxt.group(1).lower() if nxt else ""
    if not word or (word not in lex.suffix_starts and word.isascii()):
        return None  # cheap test before the long unit alternations
    best = None
    for pattern in (lex.suffix_cs, lex.suffix_ci):
        m = pattern.match(text, pos)
        if m and (best is None or m.end() > best.end()):
            best = m
    if best is None:
        return None
    surface = best.group("u")
    key = surface if surface in lex.units and lex.units[surface].case != "ci" else surface.lower()
    key = SPACES.sub(" ", key)
    entry = lex.units.get(key)
    if entry is None:
        return None
    if entry.case == "cs_upper" and not surface.isupper():
        return None
    return entry, best


def _unit_kind(kinds: frozenset[str]) -> Kind:
    for kind in ("currency", "percent", "temperature", "dimension"):
        if kind in kinds:
            return kind
    return "number"


def _token_index_at(tokens: list[Token], pos: int, start_from: int) -> int:
    """The first token from ``start_from`` on that starts at or after ``pos`` (a bisection:
    walking from the start of a long line made every figure cost its whole line)."""
    k = start_from
    near = min(len(tokens), k + 4)  # most answers are a step or two away: walk those first
    while k < near and tokens[k].start < pos:
        k += 1
    if k < near or k >= len(tokens):
        return k
    return bisect.bisect_left(tokens, pos, lo=k, key=_token_start)


def _token_start(token: Token) -> int:
    return token.start


# How far back (characters) the last word before a position is looked for; a longer word is
# returned cut and marked, so that it equals no listed word.
LAST_WORD_CHUNK: Final = 64


def _last_word(text: str, end: int) -> str:
    """``text[:end].lower().split()[-1]`` ('' when there is none), reading only the end of
    the prefix, so that it costs the same at the end of a long line as at its start."""
    k = end
    while k > 0:
        start = max(0, k - LAST_WORD_CHUNK)
        chunk = text[start:k]
        words = chunk.split()
        if words:
            cut = len(words) == 1 and start > 0 and not chunk[0].isspace()
            if cut and not text[start - 1].isspace():
                return "\x00" + words[-1].lower()  # a longer word: matches no list
            return words[-1].lower()
        k = start
    return ""


def _cents_after(text: str, tokens: list[Token], k: int) -> tuple[float, int] | None:
    if k < len(tokens) and tokens[k].low == "and":
        k += 1
    if k >= len(tokens) or tokens[k].kind not in {"num", "word"}:
        return None
    read = _read_number(text, tokens, k)
    if (
        read is None
        or read.value >= 100
        or read.value != int(read.value)
        or read.shape != "integer"
    ):
        return None
    j = read.last
    if j < len(tokens) and tokens[j].low in {"cents", "cent"}:
        return read.value, j + 1
    if _match_suffix(text, tokens[j - 1].end) is not None:
        return None
    if j < len(tokens) and tokens[j].kind in {"word", "num"} and tokens[j].low not in {"and", "or"}:
        return None
    return read.value, j


def _time_kind(text: str, tokens: list[Token], k: int, end: int) -> tuple[Kind, int, int] | None:
    """A time unit after the figure: a duration, or an age ("five years old", "90 day old")."""
    sets = lexicon().sets
    j = k
    if j < len(tokens) and tokens[j].text in HYPHENS:
        j += 1
    if j >= len(tokens) or tokens[j].low not in sets["time_units"]:
        return None
    after = j + 1
    m = AGE_AFTER.match(text, tokens[j].end)
    if m:
        return "age", m.end(), _token_index_at(tokens, m.end(), j)
    return "duration", tokens[j].end, after


def _number_kind(
    text: str, tokens: list[Token], read: _Read, first: int, last: int, value: float
) -> Kind:
    """Year, date, clock time, identifier or a plain number."""
    sets = lexicon().sets
    tok = tokens[read.first]
    prev = tokens[first - 1] if first > 0 else None
    nxt = tokens[last] if last < len(tokens) else None
    if read.kind != "number":
        return read.kind
    if _clock_colon(tokens, first, last):
        return "clock"
    if tok.start == 0 and nxt is not None and nxt.text in {".", ")"} and _glued(tokens, last):
        return "identifier"  # "5. Jeb Bush": a list marker
    if nxt is not None and (nxt.low in sets["clock_words"] or nxt.low.rstrip(".") in {"am", "pm"}):
        return "clock"
    if _month_near(tokens, first, last):
        return "date"
    if not read.spelled and read.shape == "integer" and not read.scaled:
        digits = tok.text
        if len(digits) == 4 and YEAR_RANGE[0] <= value <= YEAR_RANGE[1]:
            after_preposition = prev is not None and prev.low in sets["year_prepositions"]
            if after_preposition or not _counted_noun_after(tokens, last):
                return "year"
        if len(digits) >= IDENTIFIER_MIN_DIGITS or (len(digits) > 1 and digits.startswith("0")):
            return "identifier"
    if prev is not None and _identifier_noun(tokens, first):
        return "identifier"
    if _street_after(tokens, last):
        return "identifier"  # "100 Haven Avenue": an address
    if read.spelled and tok.low == "one" and last == read.first + 1:
        if prev is not None and prev.low in sets["pronoun_one_before"]:
            return "pronoun"
        if nxt is None or nxt.low in sets["pronoun_one_after"] or nxt.kind == "sym":
            return "vague"
        if not _counted_noun_after(tokens, last, singular=True):
            return "vague"
    return "number"


def _street_after(tokens: list[Token], last: int) -> bool:
    streets = lexicon().sets["street_words"]
    for j in range(last, min(last + 3, len(tokens))):
        tok = tokens[j]
        if tok.kind != "word" or not tok.text[0].isupper():
            return False
        if tok.low in streets and j > last:
            return True
    return False


def _clock_colon(tokens: list[Token], first: int, last: int) -> bool:
    """'10:30': a number glued to a colon and another number."""
    after = last + 1 < len(tokens) and tokens[last].text == ":"
    if after and tokens[last + 1].kind == "num" and _glued(tokens, last + 1):
        return True
    before = first >= 2 and tokens[first - 1].text == ":" and _glued(tokens, first)
    return before and tokens[first - 2].kind == "num"


def _identifier_noun(tokens: list[Token], first: int) -> bool:
    """'No. 1', 'Resolution 2334', 'Task Force 51', '#12': a label, not a count."""
    nouns = lexicon().sets["identifier_nouns"]
    k = first - 1
    if tokens[k].text == "#":
        return True
    dotted = tokens[k].text == "." and k >= 1
    if dotted:
        k -= 1  # "No. 1", "nrs. 22"
    prev = tokens[k]
    if prev.kind != "word":
        return False
    if k >= 1 and f"{tokens[k - 1].low} {prev.low}" in nouns and prev.text[0].isupper():
        return True
    if prev.low in ABBREVIATED_LABELS:
        return dotted
    return prev.low in nouns and prev.text[0].isupper()


# Labels that are only labels with their full stop ("No. 1"; "no one" is not one).
ABBREVIATED_LABELS: Final = frozenset({"no", "nos", "nr", "nrs"})
# Phone numbers: with a country code, an area code in brackets, or as 555-123-4567.
PHONE_RE: Final = re.compile(
    r"\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}"
    r"|\(\d{2,5}\)\s?\d{3,4}[\s.-]?\d{3,4}"
    r"|\b\d{3}[.-]\d{3}[.-]\d{4}\b"
)
PHONE_HINT: Final = re.compile(r"\+\d|\(\d{2,5}\)")


def _phone_spans(text: str, start: int, end: int) -> _Spans | None:
    if text.find("+", start, end) < 0 and text.find("(", start, end) < 0:
        return None  # cheap test before the pattern
    if PHONE_HINT.search(text, start, end) is None:
        return None
    return _Spans(PHONE_RE.finditer(text, start, end))


def _month_near(tokens: list[Token], first: int, last: int) -> bool:
    months = lexicon().sets["months"]
    k = first - 1
    if k >= 2 and tokens[k].text in HYPHENS and tokens[k - 1].kind == "num":
        k -= 2  # "July 18-21"
    if k >= 0 and tokens[k].text == ".":
        k -= 1
    if k >= 0 and tokens[k].low in months and tokens[k].text[0].isupper():
        return True
    j = last
    if j < len(tokens) and tokens[j].low == "of":
        j += 1
    return j < len(tokens) and tokens[j].low in months and tokens[j].text[0].isupper()


def _counted_noun_after(tokens: list[Token], k: int, singular: bool = False) -> bool:
    """Does a count noun follow ("2000 troops", "one soldier")? Skips one modifier."""
    lex = lexicon()
    sets = lex.sets
    nouns = lex.raw["singular_count_nouns"] if singular else lex.raw["unit_synonyms"]
    for j in range(k, min(k + 3, len(tokens))):
        tok = tokens[j]
        if tok.kind != "word":
            return False
        if tok.text[0].isupper() and not singular:
            return False  # "2019 Dow Jones", "© 2019 Black Friday plans"
        if tok.low in nouns:
            return True
        if not singular and _looks_plural(tok.low) and tok.low not in sets["not_units"]:
            return True
        if tok.low in sets["not_units"]:
            return False
    return False


def _looks_plural(word: str) -> bool:
    if word in lexicon().sets["irregular_plurals"]:
        return True
    return (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "ous", "'s", "\u2019s"))
    )


def _qualifier_before(
    text: str, tokens: list[Token], first: int, start: int
) -> tuple[Qualifier, int]:
    lex = lexicon()
    k = _token_index_at(tokens, start, 0)
    if k == 0 or tokens[k - 1].low not in lex.qualifier_last_words:
        return "exact", start
    for size in lex.qualifier_lengths:
        if k - size < 0:
            continue
        words = tuple(t.low for t in tokens[k - size : k])
        qualifier = lex.qualifiers_before.get(words)
        if qualifier is not None:
            return qualifier, tokens[k - size].start  # type: ignore[return-value]
    return "exact", start


def _qualifier_after(text: str, tokens: list[Token], k: int) -> tuple[Qualifier, int, int] | None:
    lex = lexicon()
    if k < len(tokens) and tokens[k].text == "+" and _glued(tokens, k):
        return "more_than", tokens[k].end, k + 1  # type: ignore[return-value]
    if k + 1 < len(tokens) and tokens[k].text in HYPHENS and _glued(tokens, k):
        phrase = "-" + tokens[k + 1].low
        if phrase in lex.qualifiers_after:
            return lex.qualifiers_after[phrase], tokens[k + 1].end, k + 2  # type: ignore[return-value]
    if k + 1 < len(tokens):
        phrase = tokens[k].low + " " + tokens[k + 1].low
        if phrase in lex.qualifiers_after and phrase != "at least":
            return lex.qualifiers_after[phrase], tokens[k + 1].end, k + 2  # type: ignore[return-value]
    return None


def _word_start_before(text: str, end: int) -> int:
    """Where the last word of ``text[:end]`` starts ("between" of "between 10 and 15")."""
    k = end
    while k > 0 and text[k - 1].isspace():
        k -= 1
    while k > 0 and not text[k - 1].isspace():
        k -= 1
    return k


def _dash_spacing_even(text: str, start: int, end: int) -> bool:
    """'10-15' and '10 - 15' are ranges; '75 -300mm' is not."""
    between = text[start:end]
    return between[:1].isspace() == between[-1:].isspace()


def _join_ranges(text: str, tokens: list[Token], found: list[Quantity]) -> list[Quantity]:
    """'10 to 15', '10-15', 'between 10 and 15': one figure with ``value_max``."""
    if len(found) < 2:
        return found
    change = lexicon().sets["change_words"]
    out: list[Quantity] = []
    k = 0
    while k < len(found):
        low = found[k]
        if k + 1 < len(found):
            high = found[k + 1]
            link = text[low.end : high.start].strip().lower()
            head = _last_word(text, low.start)
            between = head == "between"
            same_kind = low.kind == high.kind or "number" in {low.kind, high.kind}
            is_range = (
                same_kind
                and low.kind in COUNTED_KINDS
                and high.kind in COUNTED_KINDS
                and high.qualifier == "exact"
                and high.value > low.value
                and (
                    (link in RANGE_DASHES and _dash_spacing_even(text, low.end, high.start))
                    or (link == "to" and head not in change)
                    or (link == "and" and between)
                )
            )
            score = link in RANGE_DASHES and low.end == high.start - 1 and high.value <= low.value
            if score and not (low.spelled or high.spelled):
                # "won 2-1", "by 3-2": a score or ratio, not two figures
                out += [replace(low, kind="code"), replace(high, kind="code")]
                k += 2
                continue
            if is_range and (low.unit is None or high.unit is None or low.unit == high.unit):
                start = low.start
                if between:
                    start = _word_start_before(text, low.start)
                out.append(
                    replace(
                        low, start=start, end=high.end, text=text[start : high.end],
                        value_max=high.value, unit=low.unit or high.unit,
                        unit_kinds=low.unit_kinds or high.unit_kinds,
                        token_last=high.token_last,
                        kind=high.kind if low.kind == "number" else low.kind,
                    )
                )  # fmt: skip
                k += 2
                continue
        out.append(low)
        k += 1
    return out


# ---------------------------------------------------------------------------------------
# Article layer: unit nouns, events, places, measure keys
# ---------------------------------------------------------------------------------------

# A stop, closing quotes, space, then a capital or digit; the sentence ends after the stop.
# (The stop is matched, not looked behind at: re then finds candidates by character search.)
SENTENCE_END: Final = re.compile(r"[.!?][\"\u201d\u2019)]*\s+(?=[\"\u201c\u2018(]?[A-Z0-9])")
# Where the place phrase of a figure stops ("... in Iraq and Syria since mid-October, in Gaza").
PLACE_BREAK: Final = re.compile(r"[;:,]|\s[\u2014\u2013]\s")


class _SentenceView:
    """A sentence and its figures, with what several figures ask of it computed once:
    where the neighbouring figures are, and the first place the sentence names."""

    __slots__ = ("_ends", "_first_place", "_starts", "text")

    def __init__(self, text: str, quantities: list[Quantity]) -> None:
        self.text = text
        self._starts = sorted(q.start for q in quantities)
        self._ends = sorted(q.end for q in quantities)
        self._first_place: str | bool | None = False  # False: not looked up yet

    def neighbours(self, q: Quantity) -> tuple[int, int]:
        """(start of the next figure, end of the previous one): the sentence's ends if none."""
        k = bisect.bisect_left(self._starts, q.end)
        after_end = self._starts[k] if k < len(self._starts) else len(self.text)
        k = bisect.bisect_right(self._ends, q.start)
        return after_end, self._ends[k - 1] if k > 0 else 0

    def first_place(self) -> str | None:
        if self._first_place is False:
            self._first_place = _place_in(self.text)
        return self._first_place  # type: ignore[return-value]


@dataclass(slots=True)
class _Figure:
    line_no: int
    line: str
    quantity: Quantity
    unit: str | None
    owner: str | None
    event: str | None
    target: str | None
    places: tuple[str, ...]
    start: int
    end: int
    topic: str | None = None


def extract_numbers(article: ArticleText) -> list[NumberMention]:
    """Every figure the gold guideline counts in the article's body lines."""
    figures: list[_Figure] = []
    context_places = _PlaceContext()
    body = article.body_lines()
    line_spots = _line_spots([line for _, line in body])
    for index, (line_no, line) in enumerate(body):
        hits = line_spots.get(index)
        if hits is None:
            context_places.add(line)
            continue
        for sentence_start, sentence in _sentences(line):
            spots = _candidate_spots(sentence, sentence_start, hits)
            if not spots:
                context_places.add(sentence)
                continue
            windows = [tokenize(sentence, start, end) for start, end in _windows(sentence, spots)]
            found = [
                (q, tokens)
                for tokens in windows
                for q in _parse_tokens(sentence, tokens)
                if q.kind in COUNTED_KINDS
            ]
            view = _SentenceView(sentence, [q for q, _ in found])
            for quantity, tokens in found:
                figure = _describe(
                    line_no, line, view, sentence_start, tokens, quantity, figures, context_places
                )
                if figure is not None:
                    figures.append(figure)
            context_places.add(sentence)
    return [_mention(article.article_id, f) for f in figures]


# Finding where figures may be: digit runs and number words, each pattern run once over the
# whole body; only the sentences that hold some are split, tokenised and parsed.
CANDIDATE_WORDS: Final = frozenset({*UNIT_WORDS, *TEEN_WORDS, *TENS_WORDS, "hundred", *SCALE_WORDS,
                             "dozen", "half", "quarter"})  # fmt: skip


def _trie_pattern(words: list[str]) -> str:
    """A regex alternation factored by common prefixes: Python's re does not do it itself,
    and a flat 40-word alternation tried at every word is slow."""
    if "" in words and len(words) == 1:
        return ""
    groups: dict[str, list[str]] = {}
    for word in words:
        if word:
            groups.setdefault(word[0], []).append(word[1:])
    parts = [re.escape(first) + _trie_pattern(sorted(rest)) for first, rest in groups.items()]
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    if "" in words:
        return "(?:" + body + ")?"
    return body


NUMBER_WORD_RE: Final = re.compile(r"\b" + _trie_pattern(sorted(CANDIDATE_WORDS)) + r"\b")
# The body is searched in its "shape": one byte per character, a digit as "0", a letter in
# lower case, "_" as itself and anything else (non-ASCII characters too) as a space. re finds
# a pattern that starts with one literal byte by a tight character loop, much faster than by
# a class ("\W", "[0-9]") tested at every character; a non-ASCII neighbour of a hit is then
# checked in the real text.
ASCII_SHAPE: Final = bytes(
    ord("0") if chr(b).isdigit() else ord(chr(b).lower()) if chr(b).isalpha() or b == ord("_")
    else ord(" ")
    for b in range(128)
) + b" " * 128  # fmt: skip
# A number word in the shape (preceded by a space: the shape is searched with one before it).
SHAPE_NUMBER_WORD_RE: Final = re.compile(
    rb" (?:" + _trie_pattern(sorted(CANDIDATE_WORDS)).encode("ascii") + rb")\b"
)
SHAPE_DIGIT_RUN_RE: Final = re.compile(rb"00*")
# Non-ASCII characters whose lower case is ASCII letters ("K" Kelvin sign, "İ").
LOWER_TO_ASCII: Final = tuple(
    c for c in ("\u0130", "\u212a") if any(x.isascii() and x.isalpha() for x in c.lower())
)
NUMERAL_CHARACTERS: Final = "¼½¾⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
# (One class then a repeat of it: re then searches for the class's first character quickly.)
DIGIT_RUN_RE: Final = re.compile(r"[\d¼½¾⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞][\d¼½¾⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]*")
# A non-ASCII digit or fraction character (found fast: a non-ASCII character, then checked).
OTHER_NUMERAL_RE: Final = re.compile(r"[^\x00-\x7f](?<=[\d¼½¾⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])")
# Up to this many non-ASCII characters are checked one by one for numerals, more by pattern.
NON_ASCII_CHECKED_ONE_BY_ONE: Final = 64
LETTERS_RE: Final = re.compile(r"[a-z]+")
URL_RE: Final = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+")
# How much text around a figure its reading needs (qualifier, unit noun, event before it).
WINDOW_BEFORE: Final = 45
WINDOW_AFTER: Final = 55
# How far before "N times" the event it counts may be named, in characters.
EVENT_REACH: Final = 120
# How far before a figure its owner ("The US has ...") and an attacked target ("US forces
# ... came under attack ...") are looked for, in characters.
OWNER_REACH: Final = 300
TARGET_REACH: Final = 300


class _Hits:
    """Where a line may hold figures: digit runs (start, end) and number-word starts, in
    line offsets, each in order."""

    __slots__ = ("digits", "words")

    def __init__(self) -> None:
        self.digits: list[tuple[int, int]] = []
        self.words: list[int] = []


def _line_spots(lines: list[str]) -> dict[int, _Hits]:
    """The digit runs and number words of each line that has any, found by one pass of each
    pattern over the whole body (lines without any are never scanned again)."""
    text = "\n".join(lines)
    line_starts = [0, *itertools.accumulate(len(line) + 1 for line in lines)]
    out: dict[int, _Hits] = {}

    def hits_at(pos: int) -> tuple[_Hits, int]:
        index = bisect.bisect_right(line_starts, pos) - 1
        hits = out.get(index)
        if hits is None:
            hits = out[index] = _Hits()
        return hits, line_starts[index]

    data = text.encode("ascii", "replace")  # one byte per character
    shape = data.translate(ASCII_SHAPE)
    for start, end in _digit_runs(text, data, shape):
        hits, base = hits_at(start)
        hits.digits.append((start - base, end - base))
    for start in _number_word_starts(text, shape):
        hits, base = hits_at(start)
        hits.words.append(start - base)
    return out


def _digit_runs(
    text: str, data: bytes | None = None, shape: bytes | None = None
) -> list[tuple[int, int]]:
    """(start, end) of each run of digits: ASCII digits in the text's shape, unless the text
    holds other numerals (Arabic-Indic digits, "½"), which the full pattern also finds.
    ``data``/``shape``: the text's ASCII copy and shape, when the caller has them."""
    if data is None:
        data = text.encode("ascii", "replace")
    if _has_other_numerals(text, data):
        return [m.span() for m in DIGIT_RUN_RE.finditer(text)]
    if shape is None:
        shape = data.translate(ASCII_SHAPE)
    return [m.span() for m in SHAPE_DIGIT_RUN_RE.finditer(shape)]


def _has_other_numerals(text: str, data: bytes) -> bool:
    """Does the text hold a non-ASCII digit or fraction character? ``data`` is its ASCII
    copy, where each non-ASCII character is a "?"."""
    if len(data) == len(text) and text.isascii():
        return False
    non_ascii = data.count(b"?") - text.count("?")
    if non_ascii > NON_ASCII_CHECKED_ONE_BY_ONE:
        return OTHER_NUMERAL_RE.search(text) is not None
    pos = data.find(b"?")
    while pos >= 0:
        c = text[pos]
        if c != "?" and (c.isdecimal() or c in NUMERAL_CHARACTERS):
            return True
        pos = data.find(b"?", pos + 1)
    return False


def _number_word_starts(text: str, shape: bytes | None = None) -> list[int]:
    """Where the number words of ``text`` start (``NUMBER_WORD_RE`` on the lower-cased text).

    Searched in the text's shape (``ASCII_SHAPE``; offsets hold, one byte per character),
    which re reads much faster than the text itself; a hit next to a non-ASCII letter is then
    dropped, as the word boundary of the real text requires."""
    if any(c in text for c in LOWER_TO_ASCII):
        return _number_word_starts_unicode(text)
    if shape is None:
        shape = text.encode("ascii", "replace").translate(ASCII_SHAPE)
    out = []
    for m in SHAPE_NUMBER_WORD_RE.finditer(b" " + shape):
        start, end = m.start(), m.end() - 1  # offsets in the text (the shape has a space added)
        if start > 0 and _is_word_character(text[start - 1]):
            continue
        if end < len(text) and _is_word_character(text[end]):
            continue
        out.append(start)
    return out


def _is_word_character(c: str) -> bool:
    return c.isalnum() or c == "_"  # what re's \w matches in str patterns


def _number_word_starts_unicode(text: str) -> list[int]:
    lower = text.lower()
    if len(lower) == len(text):
        return [m.start() for m in NUMBER_WORD_RE.finditer(lower)]
    # lower-casing changed offsets (rare letters): search case-insensitively
    return [m.start() for m in NUMBER_WORD_RE_CI.finditer(text)]


def _candidate_spots(sentence: str, offset: int, hits: _Hits) -> list[int]:
    """Offsets in the sentence (at ``offset`` in its line) where a figure may start."""
    end = offset + len(sentence)
    spots = [
        a - offset
        for a, b in _between(hits.digits, offset, end, key=_span_start)
        if not _obvious_non_figure(sentence, a - offset, b - offset)
    ]
    words = _between(hits.words, offset, end)
    if words:
        spots += [w - offset for w in words]
        spots.sort()
    if spots and _may_hold_link(sentence):
        links = _Spans(URL_RE.finditer(sentence))
        spots = [p for p in spots if not links.contain(p)]
    return spots


def _between(items: list, start: int, end: int, key: Callable | None = None) -> list:
    """The items of a sorted list whose key lies in [start, end)."""
    return items[
        bisect.bisect_left(items, start, key=key) : bisect.bisect_left(items, end, key=key)
    ]


def _span_start(span: tuple[int, int]) -> int:
    return span[0]


NUMBER_WORD_RE_CI: Final = re.compile(NUMBER_WORD_RE.pattern, re.IGNORECASE)
_MONTH_NAMES: Final = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# Digits that are surely a date, a year after a preposition, or a clock time: skipped before
# tokenising, for speed (the parser would classify them the same way).
MONTH_BEFORE: Final = re.compile(rf"\b{_MONTH_NAMES}\.?\s$")
MONTH_AFTER: Final = re.compile(rf"\s{_MONTH_NAMES}\b")
YEAR_AFTER_PREPOSITION: Final = re.compile(r"\b(?:in|since)\s$")
NOT_A_YEAR_AFTER: Final = re.compile(r"\s*(?:[-\u2013]|to\b|troops|people)")


def _obvious_non_figure(sentence: str, start: int, end: int) -> bool:
    """Digits that are surely a date, a year after 'in'/'since' or a clock time: skipped
    before tokenising, for speed (the parser would classify them the same way)."""
    size = end - start
    before = sentence[max(0, start - 12) : start]
    spaced_before = before[-1:].isspace()  # cheap tests before the patterns
    if size <= 2:
        if (spaced_before and MONTH_BEFORE.search(before)) or (
            sentence[end : end + 1].isspace() and MONTH_AFTER.match(sentence, end)
        ):
            return True
        clock = sentence[end : end + 1] == ":" and sentence[end + 1 : end + 3].isdigit()
        return clock or (sentence[start - 1 : start] == ":" and before[-2:-1].isdigit())
    year = size == 4 and sentence[start : start + 2] in {"18", "19", "20"}
    return (
        year
        and spaced_before
        and bool(YEAR_AFTER_PREPOSITION.search(before))
        and not NOT_A_YEAR_AFTER.match(sentence, end)
    )


def _windows(sentence: str, spots: list[int]) -> list[tuple[int, int]]:
    """Merged stretches of the sentence around its candidate figures, cut at spaces."""
    windows: list[list[int]] = []
    for spot in spots:
        start, end = max(0, spot - WINDOW_BEFORE), min(len(sentence), spot + WINDOW_AFTER)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = end
        else:
            windows.append([start, end])
    out = []
    for start, end in windows:
        if start > 0:
            space = sentence.find(" ", start, end)
            start = space + 1 if space >= 0 else start
        if end < len(sentence):
            space = sentence.rfind(" ", start, end)
            end = space if space > start else end
        out.append((start, end))
    return out


def _sentences(line: str) -> list[tuple[int, str]]:
    out = []
    start = 0
    for m in SENTENCE_END.finditer(line):
        stop = m.start() + 1
        if _abbreviation_before(line, stop):
            continue
        out.append((start, line[start:stop]))
        start = m.end()
    out.append((start, line[start:]))
    return out


def _abbreviation_before(line: str, pos: int) -> bool:
    """'U.S. forces', 'Mr. Ryder', 'Jan. 5': a full stop that ends no sentence."""
    word = line[line.rfind(" ", 0, pos) + 1 : pos]
    if not word:
        return False
    w = word.lower().rstrip(".")
    return (len(w) <= 3 and w.isalpha() and (w in ABBREVIATIONS or "." in word[:-1])) or bool(
        INITIALS.fullmatch(w)
    )


INITIALS: Final = re.compile(r"(?:[a-z]\.)+[a-z]?")
ABBREVIATIONS: Final = frozenset(
    {"mr", "mrs", "ms", "dr", "st", "gen", "maj", "lt", "col", "sgt", "capt", "rep", "sen",
     "gov", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "no",
     "vs", "u.s", "u.k", "inc", "ltd", "co", "jr", "sr", "adm", "cpl", "pvt", "rev", "fig"}
)  # fmt: skip


def _describe(
    line_no: int, line: str, view: _SentenceView, offset: int, tokens: list[Token], q: Quantity,
    figures: list[_Figure], context_places: _PlaceContext,
) -> _Figure | None:  # fmt: skip
    sentence = view.text
    k = q.token_last
    unit, unit_end, anaphoric = _unit_noun(sentence, tokens, k, q)
    event = None
    if unit == "times":
        event = _event_before(sentence, q)
        unit = event or "times"
    previous = _previous_figure(figures, line_no, offset, anaphoric)
    if unit is None or anaphoric:
        if previous is None or previous.unit is None:
            if unit is None and not q.unit:
                return None
        else:
            if unit is None and q.qualifier == "exact" and _coordinated(line, previous, offset, q):
                # "around 2,500 troops in Iraq and 900 in Syria": the qualifier distributes
                q = replace(q, qualifier=previous.quantity.qualifier)
            unit = previous.unit
    if q.unit and unit is None:
        unit = q.unit
    if unit is None:
        return None
    event = event or _event_verb(tokens, q, unit)
    owner = _owner(sentence, tokens, q, unit_end)
    if owner is None and (anaphoric or _is_elliptic(q, unit_end)) and previous is not None:
        owner = previous.owner
    target = _target(view, q, unit_end)
    places = _places_for(view, q, owner, context_places)
    start, end = q.start, max(q.end, unit_end)
    end = _extend_with_place(sentence, end)
    topic = _topic(tokens, q) if q.unit_kinds else None
    return _Figure(
        line_no, line, q, unit, owner, event, target, places, offset + start, offset + end, topic
    )


TOPIC_DETERMINERS: Final = frozenset({"the", "a", "an", "its", "their", "all", "his", "her"})


def _topic(tokens: list[Token], q: Quantity) -> str | None:
    """What money or a percentage is of: '$2 billion surplus', '51 percent of voters'."""
    sets = lexicon().sets
    j = _token_index_at(tokens, q.end, q.token_last - 1)
    phrase: list[str] = []  # the noun phrase after the figure; its last word is the head
    for tok in tokens[j : j + 6]:
        low = tok.low
        if tok.kind != "word" or not tok.text[0].islower():
            break
        if not phrase and (low in sets["topic_links"] or low in TOPIC_DETERMINERS):
            continue
        if low.endswith("ly"):
            if phrase:
                break
            continue  # "of the roughly 54,000 pages"
        if low in sets["not_units"] or low in NUMBER_START_WORDS or low in ORDINAL_WORDS:
            break
        phrase.append(low)
        if len(phrase) == 3:
            break
    while phrase and (phrase[-1].endswith("ed") or len(phrase[-1]) < 3):
        phrase.pop()  # "stashed", "registered": not the head
    return phrase[-1] if phrase else None


def _unit_noun(
    sentence: str, tokens: list[Token], k: int, q: Quantity
) -> tuple[str | None, int, bool]:
    """(unit noun, end offset, anaphoric) after the figure: '2,500 American troops' -> troops."""
    lex = lexicon()
    sets = lex.sets
    if q.kind in {"currency", "percent", "dimension", "temperature"}:
        return q.unit, q.end, False
    modifiers: list[Token] = []
    j = k
    while j < len(tokens) and j < k + 5:
        tok = tokens[j]
        low = tok.low
        if tok.kind not in {"word", "abbr"} and not (tok.text in HYPHENS and _glued(tokens, j)):
            break
        if tok.text in HYPHENS:
            j += 1
            continue
        if low in sets["anaphoric_units"] and low.endswith("s"):
            return None, tok.end, True
        if low in sets["not_units"] and low != "times":
            break
        if low == "times":
            return "times", tok.end, False
        if _looks_plural(low) and tok.text[0].islower() and not _is_place_word(tok.text):
            compound = (modifiers[-1].low + " " + low) if modifiers else ""
            if compound in sets["compound_units"] or compound in lex.raw["unit_synonyms"]:
                return compound, tok.end, False
            head = tokens[j + 1] if j + 1 < len(tokens) else None
            if (
                head is not None
                and head.kind == "word"
                and head.text[0].islower()
                and _looks_plural(head.low)
                and head.low not in sets["not_units"]
            ):
                return f"{low} {head.low}", head.end, False  # "three news articles"
            return low, tok.end, False
        modifiers.append(tok)
        j += 1
    return None, q.end, False


def _coordinated(line: str, previous: _Figure, offset: int, q: Quantity) -> bool:
    """Is the figure the second conjunct of the previous one, in the same sentence?"""
    if previous.line != line or previous.end > offset + q.start:
        return False
    between = line[previous.end : offset + q.start]
    return bool(COORDINATION.fullmatch(between))


def _is_place_word(word: str) -> bool:
    return word.lower() in lexicon().place_by_surface


def _is_elliptic(q: Quantity, unit_end: int) -> bool:
    return unit_end <= q.end


def _previous_figure(
    figures: list[_Figure], line_no: int, sentence_start: int, anaphoric: bool
) -> _Figure | None:
    """The figure an ellipsis ('and 900 in Syria': same sentence) or 'others' (same or last
    line) refers to."""
    if not figures:
        return None
    figure = figures[-1]
    if figure.line_no == line_no and figure.start >= sentence_start:
        return figure
    if anaphoric and figure.line_no >= line_no - 2:
        return figure
    return None


def _event_before(sentence: str, q: Quantity) -> str | None:
    """'came under attack more than 120 times' -> attacks (nearest event word before)."""
    events = lexicon().raw["event_units"]
    before = sentence[max(0, q.start - EVENT_REACH) : q.start]
    words: list[str] = LETTERS_RE.findall(before.lower())
    for word in reversed(words):
        unit = events.get(word)
        if unit:
            return unit
    return None


def _event_verb(tokens: list[Token], q: Quantity, unit: str) -> str | None:
    """'killed nearly 100 people' / '100 people were killed' -> deaths."""
    lex = lexicon()
    verbs = lex.raw["event_verbs"]
    if lex.raw["unit_synonyms"].get(unit, unit) not in lex.sets["victim_units"]:
        return None
    k = _token_index_at(tokens, q.start, 0)
    for j in range(k - 1, max(-1, k - 3), -1):
        if tokens[j].low in verbs:
            return verbs[tokens[j].low]
    for j in range(q.token_last, min(len(tokens), q.token_last + 5)):
        if tokens[j].low in verbs:
            return verbs[tokens[j].low]
        if tokens[j].kind == "sym" and tokens[j].text in ",;.":
            break
    return None


# Places are capitalised: find runs of capitalised words, then look them up (much faster than
# one big case-insensitive alternation over the whole gazetteer).
CAPITALISED_RUN: Final = re.compile(
    r"(?<![\w.])(?:[A-Z][a-z]{0,2}\.(?:[A-Z][a-z]{0,2}\.)+|[A-Z][\w\u2019']*)"
    r"(?:[ ](?:of[ ])?(?:[A-Z][a-z]{0,2}\.(?:[A-Z][a-z]{0,2}\.)+|[A-Z][\w\u2019']*))*"
)


def _find_places(text: str) -> list[tuple[int, int, str]]:
    """(start, end, place key) of each gazetteer place named in ``text``."""
    table = lexicon().place_by_surface
    out = []
    for run in CAPITALISED_RUN.finditer(text):
        words = _run_words(run.group())
        base = run.start()
        i = 0
        while i < len(words):
            for j in range(len(words), i, -1):
                start, end = base + words[i][0], base + words[j - 1][1]
                surface = _without_possessive(text[start:end]).lower()
                key = table.get(surface)
                if key is not None:
                    out.append((start, end, key))
                    i = j
                    break
            else:
                i += 1
    return out


def _run_words(run: str) -> list[tuple[int, int]]:
    """(start, end) of the words of a capitalised run (its words are one space apart)."""
    if " " not in run:
        return [(0, len(run))]
    out = []
    pos = 0
    for word in run.split(" "):
        out.append((pos, pos + len(word)))
        pos += len(word) + 1
    return out


def _without_possessive(surface: str) -> str:
    """'Iraq's' -> 'Iraq', 'Gaza\u2019' -> 'Gaza': a trailing possessive goes."""
    if surface.endswith(("'s", "\u2019s")):
        return surface[:-2]
    if surface.endswith(("'", "\u2019")):
        return surface[:-1]
    return surface


class _PlaceContext:
    """The body text read so far, searched backwards only when 'the country' needs it; each
    text is searched at most once (what the last search found is kept)."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self._searched = 0  # texts[:_searched] have been searched ...
        self._last: str | None = None  # ... and this is the last place they name

    def add(self, text: str) -> None:
        self.texts.append(text)

    def last(self) -> str | None:
        found = self._last
        for text in reversed(self.texts[self._searched :]):
            places = _locative_places(text)
            if places:
                found = places[-1]
                break
        self._searched, self._last = len(self.texts), found
        return found


def _place_at(sentence: str, pos: int) -> tuple[str, int] | None:
    """The place named right at ``pos``, if any: (key, end)."""
    run = CAPITALISED_RUN.match(sentence, pos)
    if run is None:
        return None
    for start, end, key in _find_places(run.group()):
        return (key, pos + end) if start == 0 else None
    return None


def _owner(sentence: str, tokens: list[Token], q: Quantity, unit_end: int) -> str | None:
    """Whose figure: a demonym or country before the unit noun, or the subject of 'has'."""
    lex = lexicon()
    for _, _, key in _find_places(sentence[q.number_end : unit_end]):
        return key
    k = _token_index_at(tokens, q.start, 0)
    for j in range(k - 1, max(-1, k - 4), -1):
        if tokens[j].low in lex.sets["owner_verbs"]:
            before = _text_before(sentence, tokens[j].start, OWNER_REACH)
            places = _find_places(before)
            if places and not _locative_before(before, places[-1][0]):
                return places[-1][2]
            break
    return None


def _text_before(text: str, end: int, reach: int) -> str:
    """The last ``reach`` characters before ``end``, starting at a word: the look-backs read
    no further, so a figure late in a long line costs no more than an early one."""
    start = end - reach
    if start <= 0:
        return text[:end]
    space = text.find(" ", start, end)
    return text[space + 1 : end] if space >= 0 else ""


def _locative_before(text: str, pos: int) -> bool:
    return _last_word(text, pos) in lexicon().sets["locative_or_source"]


def _target(view: _SentenceView, q: Quantity, unit_end: int) -> str | None:
    """'attacks on US forces' / 'U.S. forces ... have come under attack' -> us_forces."""
    lex = lexicon()
    sentence = view.text
    m = lex.target_after.match(sentence, unit_end)
    if m:
        owner_text = m.group("np").strip()
        owner = _place_in(owner_text)
        if owner is None and owner_text.lower() in lex.sets["possessive_pronouns"]:
            owner = view.first_place()  # "its forces": the sentence's own country
        return "_".join(p for p in (owner, m.group("head")) if p)
    before = _text_before(sentence, q.start, TARGET_REACH)
    m = lex.target_before.search(before) if " under " in before else None
    if m:
        owner = _place_in(m.group("np"))
        return "_".join(p for p in (owner, m.group("head")) if p)
    return None


def _place_in(text: str) -> str | None:
    places = _find_places(text)
    return places[0][2] if places else None


def _locative_places(text: str) -> list[str]:
    """Places named after 'in', 'inside', ... (what 'the country' can refer to)."""
    return [key for start, _, key in _find_places(text) if _locative_before(text, start)]


def _places_for(
    view: _SentenceView, q: Quantity, owner: str | None, context: _PlaceContext
) -> tuple[str, ...]:
    """Where the figure is: locative places after it (up to the next figure), else before it."""
    sentence = view.text
    after_end, before_start = view.neighbours(q)
    clause = PLACE_BREAK.search(sentence, q.end, after_end)
    if clause:
        after_end = clause.start()
    places = _locatives_in(sentence, q.end, after_end, context)
    if not places:
        places = _locatives_in(sentence, before_start, q.start, context)
    return tuple(p for p in dict.fromkeys(places) if p != owner)


def _locatives_in(sentence: str, start: int, end: int, context: _PlaceContext) -> list[str]:
    segment = sentence[start:end]
    out = []
    for m in LOCATIVE.finditer(segment):
        place = _place_at(segment, m.end())
        if place is not None:
            out.append(place[0])
            # coordination: "in Iraq and Syria", "in Iraq and neighbouring Syria"
            rest = segment[place[1] :]
            c = PLACE_COORDINATION.match(rest)
            if c:
                more = _place_at(rest, c.end())
                if more is not None:
                    out.append(more[0])
            continue
        anaphor = COUNTRY_ANAPHOR.match(segment, m.end())
        if anaphor:
            named_last = context.last()
            if named_last is not None:
                out.append(named_last)
    return out


def _extend_with_place(sentence: str, end: int) -> int:
    """Let the span carry its place phrase, like the gold's '2,500 troops in Iraq'."""
    m = PLACE_PHRASE.match(sentence, end)
    if m and _place_in(m.group()):
        return m.end()
    return end


def _slug(text: str) -> str:
    return NON_SLUG.sub("_", text.lower()).strip("_")


def measure_key(
    unit: str,
    owner: str | None,
    event: str | None,
    target: str | None,
    places: tuple[str, ...],
    topic: str | None = None,
) -> str:
    """'us_troops_in_iraq', 'attacks_on_us_forces_in_iraq_syria', 'deaths_in_iran',
    'dollars_surplus' (money and percentages take what they are of)."""
    synonyms = lexicon().raw["unit_synonyms"]
    canonical = event or synonyms.get(unit, unit)
    parts = []
    if owner and not target:
        parts.append(owner)
    parts.append(_slug(canonical))
    if topic:
        parts.append(_slug(synonyms.get(topic, topic)))
    if target:
        parts += ["on", target]
    if places:
        parts += ["in", *sorted(places)]
    return "_".join(parts)


def _mention(article_id: str, f: _Figure) -> NumberMention:
    q = f.quantity
    unit = f.unit
    measure = measure_key(unit, f.owner, f.event, f.target, f.places, f.topic) if unit else None
    return NumberMention(
        article_id=article_id, line_no=f.line_no, start=f.start, end=f.end,
        text=f.line[f.start : f.end], value=q.value, qualifier=q.qualifier, unit=unit,
        measure=measure, value_max=q.value_max,
    )  # fmt: skip


# ---------------------------------------------------------------------------------------
# Comparing figures (the same rule as sql/views/number_comparison.sql)
# ---------------------------------------------------------------------------------------

Verdict = Literal["agree", "compatible", "conflict"]


@dataclass(frozen=True, slots=True)
class Interval:
    low: float
    high: float
    low_open: bool = False
    high_open: bool = False


def interval(value: float, qualifier: Qualifier, value_max: float | None = None) -> Interval:
    """The values a figure allows: 'more than 100' -> (100, inf); 'some 2,500' -> +-10%."""
    top = value if value_max is None else value_max
    if qualifier == "approximate":
        return Interval(
            min(value * (1 - APPROXIMATE_TOLERANCE), value * (1 + APPROXIMATE_TOLERANCE)),
            max(top * (1 + APPROXIMATE_TOLERANCE), top * (1 - APPROXIMATE_TOLERANCE)),
        )
    if qualifier in {"more_than", "at_least"}:
        return Interval(value, math.inf, low_open=qualifier == "more_than")
    if qualifier in {"less_than", "at_most"}:
        return Interval(-math.inf, value, high_open=qualifier == "less_than")
    return Interval(value, top)


def compare(a: NumberMention, b: NumberMention) -> Verdict:
    """'agree' (same figure and qualifier), 'compatible' (both can be true) or 'conflict'."""
    if (a.value, a.value_max, a.qualifier) == (b.value, b.value_max, b.qualifier):
        return "agree"
    x = interval(a.value, a.qualifier, a.value_max)
    y = interval(b.value, b.qualifier, b.value_max)
    return "compatible" if _overlap(x, y) and _overlap(y, x) else "conflict"


def _overlap(x: Interval, y: Interval) -> bool:
    """x starts before y ends."""
    return x.low < y.high or (x.low == y.high and not x.low_open and not y.high_open)
