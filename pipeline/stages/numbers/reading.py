"""Reading one number from its first token: digits with their scale ("2.5 million", "$3bn",
"10M"), powers, slash and "one over three" fractions, ordinals ("4th"), spelled-out numbers."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final, NamedTuple

from pipeline.stages.numbers.grammar import (
    ARTICLES,
    FRACTION_ENDS,
    FRACTION_LINKS,
    HYPHENS,
    ORDINAL_SUFFIXES,
    PHRASE_END,
    SCALE_ABBREVIATIONS,
    SCALE_LETTERS,
    SCALE_WORDS,
    SIGN_CHARACTERS,
    TEEN_WORDS,
    TENS_WORDS,
    UNIT_WORDS,
    Kind,
)
from pipeline.stages.numbers.lexicon import lexicon
from pipeline.stages.numbers.number_words import _scan_number_words, _word_atom, _words_value
from pipeline.stages.numbers.tokens import Token, _digits_value, _glued
from pipeline.stages.numbers.units import _glued_currency


@dataclass(slots=True)
class _Read:
    """A number read from ``tokens[first:last]``, before its unit and context are looked at."""

    value: float
    first: int
    last: int  # token index after the number
    spelled: bool
    shape: str
    scaled: bool = False
    kind: Kind = "number"
    scale: float = 1.0  # what a scale multiplied the digits by ("2.5 million": 1e6)


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
        if _after_time_and(tokens, i):
            read.kind = "duration"  # "the past decade and a half of foreign policy"
        elif len(atoms) == 1 or not followed:
            read.kind = "vague"  # a bare "half"; "a year and a half"
    return _read_over_fraction(tokens, read)


def _after_time_and(tokens: list[Token], i: int) -> bool:
    """'a decade and a half', 'an hour and a half': the half of a time unit before "and"."""
    return (
        i >= 2 and tokens[i - 1].low == "and" and tokens[i - 2].low in lexicon().sets["time_units"]
    )


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
        if scale is None and suffix == "m" and _plural_noun_at(tokens, j + 1):
            scale = 1e6  # "50m iPhones", "3m people" (a length takes no plural noun)
        if scale is not None:
            value *= scale
            j += 1
            scaled = True
    elif (
        j + 1 < n
        and tokens[j].text in HYPHENS
        and _glued(tokens, j)
        and _glued(tokens, j + 1)
        and tokens[j + 1].low in SCALE_WORDS
    ):
        value *= SCALE_WORDS[tokens[j + 1].low]  # "a $1.2-billion deal"
        j += 2
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
            scale = tokens[frac.last].low if frac.last < n else ""
            if scale in SCALE_WORDS:  # "2 1/2 million"
                mixed = (value + frac.value) * SCALE_WORDS[scale]
                return _Read(
                    mixed, i, frac.last + 1, False, "decimal", True, scale=SCALE_WORDS[scale]
                )
            return _Read(value + frac.value, i, frac.last, False, "fraction")
        frac = _slash_fraction(tokens, i)
        if frac is not None and _plural_noun_at(tokens, frac.last):
            # "the 9/11 attacks", "24/7 coverage": a name, not a share of the attacks
            return _Read(frac.value, i, frac.last, False, "fraction", kind="code")
        if frac is not None:
            return _Read(frac.value, i, frac.last, False, "fraction")
    written = _digits_value(tok.text)
    multiplier = value / written if scaled and written else 1.0
    read = _Read(value, i, j, False, shape, scaled, scale=multiplier)
    if not scaled and shape == "integer" and "," not in tok.text and len(tok.text) <= 3:
        atoms = _scan_number_words(tokens, i)
        if len(atoms) > 1 and any(a.cls in {"hundred", "scale", "dozen"} for a in atoms):
            words_value, shape = _words_value(atoms)
            multiplier = words_value / value if value else 1.0  # "375 million"
            return _Read(words_value, i, atoms[-1].last, True, shape, True, scale=multiplier)
    elif j < n and tokens[j].kind == "word" and tokens[j].low in SCALE_WORDS:
        # "1,674.5 million", "2.5 million"
        k = j
        multiplier = 1.0
        while k < n and tokens[k].kind == "word" and tokens[k].low in SCALE_WORDS:
            multiplier *= SCALE_WORDS[tokens[k].low]
            k += 1
        return _Read(value * multiplier, i, k, False, shape, True, scale=multiplier)
    return _read_over_fraction(tokens, read)


def _plural_noun_at(tokens: list[Token], k: int) -> bool:
    """A plural noun starts at token k, apart from the token before it."""
    if k >= len(tokens) or tokens[k].kind != "word" or _glued(tokens, k):
        return False
    word = tokens[k].low
    if word in lexicon().sets["irregular_plurals"]:
        return True
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _is_integer_token(text: str) -> bool:
    """A number token without a decimal point or exponent ("2,500", not "2.5" or "1e5");
    a fraction character counts, its shape is set apart by the caller."""
    return "." not in text and "e" not in text and "E" not in text


class _SlashFraction(NamedTuple):
    value: float
    last: int  # the token after the fraction


def _slash_fraction(tokens: list[Token], k: int) -> _SlashFraction | None:
    """'1/4', '4/5' (three glued tokens)."""
    if not (k + 2 < len(tokens) and tokens[k].kind == "num" and tokens[k + 1].text == "/"):
        return None
    if _glued(tokens, k + 1) and _glued(tokens, k + 2) and tokens[k + 2].kind == "num":
        den = _digits_value(tokens[k + 2].text)
        if den:
            return _SlashFraction(_digits_value(tokens[k].text) / den, k + 3)
    return None


# One-letter scales that only scale an amount of money: "$3m" (else metres), "$5G" (else
# "5G networks", "4G": a generation).
MONEY_ONLY_SCALE_LETTERS: Final = frozenset({"m", "G"})


def _scale_suffix(suffix: str, text: str, start: int) -> float | None:
    if suffix in SCALE_LETTERS and suffix not in MONEY_ONLY_SCALE_LETTERS:
        return SCALE_LETTERS[suffix]
    low = suffix.lower()
    if suffix == "MM":
        return 1e6
    if low in {"bn", "bln", "mn", "mln", "tn", "tln", "trn"}:
        return SCALE_ABBREVIATIONS[low]
    if suffix in MONEY_ONLY_SCALE_LETTERS and (
        lexicon().prefix_re.search(text[max(0, start - 8) : start]) or _glued_currency(text, start)
    ):
        return SCALE_LETTERS.get(suffix, 1e6)  # "$3m", "N500m", "$5G"
    return None
