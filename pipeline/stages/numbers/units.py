"""The unit written with a figure: a currency before it ("$", "US$", "USD"), a unit after it
("dollars", "percent", "km"), and letters glued to it that make it a code ("M2A2", "F-16",
"an 18-hole course")."""

from __future__ import annotations

import re
from typing import Final

from pipeline.stages.numbers.grammar import HYPHENS, TEEN_WORDS, TENS_WORDS, UNIT_WORDS, Kind
from pipeline.stages.numbers.lexicon import UnitEntry, lexicon
from pipeline.stages.numbers.number_words import _word_atom
from pipeline.stages.numbers.tokens import Token, _glued

SPACES: Final = re.compile(r"\s+")
# The spaces are read possessively ("*+"): giving some back can never let the word match, and
# trying each split of a long run of spaces between the two runs was quadratic in its length.
NEXT_WORD: Final = re.compile(r"[ \t\u00a0]*+[-\u2010\u2011({]?[ \t]*+([^\W\d_]+|\S)")


def _currency_prefix(text: str, start: int) -> re.Match[str] | None:
    before = text[max(0, start - 10) : start].rstrip()
    if not before:
        return None
    last = before[-1]
    word = before.split()[-1].lower().strip("(")
    listed = word in lexicon().prefix_words or word.lstrip("$") in lexicon().prefix_words
    if last.isalpha() and not listed:
        return None  # cheap test before the prefix alternation
    if last.isdigit() or (last in ",.;:!?)" and not listed):  # "Rs. 300" is listed
        return None
    return lexicon().prefix_re.search(text[max(0, start - 10) : start])


# The most letters a currency written against its digits has ("KSh").
GLUED_CURRENCY_MAX: Final = 3


def _glued_currency(text: str, start: int) -> tuple[UnitEntry, int] | None:
    """(currency, where its letters start) of letters written against the digits at
    ``start`` ("N500m", "R2bn", "Sh40m"), if they are a listed currency and a whole word."""
    k = start
    while k > 0 and start - k < GLUED_CURRENCY_MAX and text[k - 1].isalpha():
        k -= 1
    if k == start or (k > 0 and text[k - 1].isalnum()):
        return None
    entry = lexicon().glued_currencies.get(text[k:start])
    return (entry, k) if entry is not None else None


def _letter_before(text: str, pos: int) -> bool:
    return pos > 0 and text[pos - 1].isalnum()


def _codes_before(tokens: list[Token]) -> list[bool]:
    """For each token, whether letters are glued on its left ("M2A2", "scp2-173", "F-16"):
    the first word met going back over glued digits and hyphens, unless it is a number word
    met past one of them ("three-nought-four" is three numbers).

    One pass for all the tokens: a token's walk back goes on as the walk of the token before
    it, so it is read from there (walking back from every figure of a long glued run such as
    "1-2-3-..." read the whole run again each time: quadratic)."""
    codes = [False] * len(tokens)
    walked = [False] * len(tokens)  # the answer of a walk that has stepped back past a token
    for k in range(1, len(tokens)):
        if not _glued(tokens, k):
            continue
        prev = tokens[k - 1]
        if prev.kind in {"word", "abbr"}:
            numeral = prev.low in UNIT_WORDS or prev.low in TEEN_WORDS or prev.low in TENS_WORDS
            codes[k], walked[k] = True, not numeral
        elif prev.kind != "sym" or prev.text in HYPHENS:
            codes[k] = walked[k] = walked[k - 1]
    return codes


def _compound_modifier(tokens: list[Token], k: int) -> bool:
    """A hyphen glued to a lower-case word that is no unit, time or qualifier: '18-hole'."""
    if k + 1 >= len(tokens) or tokens[k].text not in HYPHENS or not _glued(tokens, k + 1):
        return False
    word = tokens[k + 1]
    if word.kind != "word" or not word.text[0].islower():
        return False
    special = lexicon().sets["time_units"] | {"plus", "odd", "year", "old"}
    return word.low not in special and _word_atom(tokens, k + 1) is None


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
