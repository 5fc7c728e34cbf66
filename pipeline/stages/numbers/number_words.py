"""Spelled-out numbers and fractions ("two hundred and six", "three quarters", "one-eighth"):
the phrase grammar over tokens and the value of a phrase (after Recognizers-Text's English
number grammar, "RT" below)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

from pipeline.stages.numbers.grammar import (
    ARTICLES,
    DOZEN_WORDS,
    FRACTION_NOUNS,
    HYPHENS,
    NON_FRACTION_ORDINALS,
    ORDINAL_WORDS,
    SCALE_WORDS,
    TEEN_WORDS,
    TENS_WORDS,
    UNIT_WORDS,
)
from pipeline.stages.numbers.tokens import Token, _digits_value, _glued


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
    last_and = max((n for n, a in enumerate(numerator) if a.cls == "and"), default=-1)
    if any(a.cls == "digits" for a in numerator[last_and + 1 :]):
        return False  # "3 fifths" is no fraction; "2 and a half" is
    if atom.word in NON_FRACTION_ORDINALS:
        return False  # "eight seconds", "one second": durations, never halves
    if atom.plural:
        return True
    head = [a for a in numerator if a.cls != "and"]
    if numerator[-1].cls == "and":
        return False
    return len(head) >= 1 and head[-1].cls in {"article"} | {"unit"} and head[-1].value == 1


def _hyphened_and(tokens: list[Token], j: int, prev: Atom, after: Atom) -> bool:
    """A hyphen at j inside a glued compound that joins a fraction to its whole: the "and"
    after a numeral and the "a" after that "and" ("five-and-a-half")."""
    if not (_glued(tokens, j) and _glued(tokens, j + 1)):
        return False
    if after.cls == "and":
        return prev.cls in NUMERAL_CLASSES
    return after.cls == "article" and prev.cls == "and"


def _fraction_ahead(tokens: list[Token], j: int) -> bool:
    """After an 'and': does a fraction follow ("and a quarter", "and two fifths", the glued
    "-a-half")?"""
    seen: list[Atom] = []
    while j < len(tokens) and len(seen) < 6:
        if tokens[j].text in HYPHENS and _glued(tokens, j) and _glued(tokens, j + 1):
            j += 1
            continue
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
    digits: bool = False  # the phrase starts with digits ("100 million")
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
        return p in NUMERAL_CLASSES | {"article", "hundred"} or (p == "half" and state.count == 1)
    if cls in FRACTION_CLASSES:
        return p in NUMERAL_CLASSES | {"article", "hundred", "scale"}
    if p == "article":
        return False
    if cls in {"unit", "teen", "tens", "comp"} and p == "scale" and state.digits:
        return False  # "100 million three-year bonds": digits take no spelled part
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
            # "one-eighth", "one - fourth", "hundred-fifths"; "six-million", "five-hundred"
            after = _atom_at(tokens, j + 1)
            if after is not None and after.cls in {*FRACTION_CLASSES, "scale", "hundred"}:
                atom = after
            elif after is not None and atoms[-1].cls in {"hundred", "scale"}:
                atom = after  # "two-hundred-fifty": the grammar below says if it may follow
            elif after is not None and after.cls == "dozen" and atoms[-1].word == "half":
                atom = after  # "half-dozen"
            elif after is not None and _hyphened_and(tokens, j, atoms[-1], after):
                atom = after  # "five-and-a-half"
        if atom is None:
            break
        prev = atoms[-1] if atoms else None
        if atom.cls == "and":
            if prev is None or not (
                (prev.cls in {"hundred", "scale"} and _and_continues(tokens, atom.last, prev))
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
            dozen = _dozen_after(tokens, atom.last) if atom.word == "half" else None
            if dozen is not None:
                atoms.append(dozen)  # "a half-dozen", "a half dozen"
                break
            scale = _scale_of_fraction(tokens, atom.last)
            if scale is not None and atom.word in FRACTION_NOUNS:
                atoms.append(scale)  # "a quarter million", "three quarters of a billion"
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
        if not atoms and atom.cls == "digits":
            state.digits = True
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


def _dozen_after(tokens: list[Token], j: int) -> Atom | None:
    """The "dozen" of "a half dozen" or the glued "a half-dozen", with its span."""
    k = j + 1 if j < len(tokens) and tokens[j].text in HYPHENS and _glued(tokens, j) else j
    if k >= len(tokens) or tokens[k].low != "dozen" or (k > j and not _glued(tokens, k)):
        return None
    return Atom("dozen", 12, j, k + 1, word="dozen")


def _scale_of_fraction(tokens: list[Token], j: int) -> Atom | None:
    """The scale word a fraction noun is of, right after it or after "of a" ("a quarter
    million", "three quarters of a million"), with the span of all those words."""
    k = j + 2 if j + 1 < len(tokens) and tokens[j].low == "of" and tokens[j + 1].low == "a" else j
    scale = _atom_at(tokens, k)
    if scale is None or scale.cls != "scale":
        return None
    return scale if k == j else Atom("scale", scale.value, j, scale.last, word=scale.word)


def _and_continues(tokens: list[Token], j: int, prev: Atom) -> bool:
    """Does a part follow the "and" ("two hundred and six", "3 hundred and 21")? Digits
    after a scale word do not ("5 million and 40 zlotys" is two figures)."""
    atom = _atom_at(tokens, j)
    if atom is None or atom.cls not in NUMERAL_CLASSES:
        return False
    return not (atom.cls == "digits" and prev.cls == "scale")


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
    if atoms[-1].cls == "dozen" and len(atoms) >= 2 and atoms[-2].word == "half":
        return 6.0, "integer"  # "a half-dozen"
    if atoms[-1].cls == "scale" and len(atoms) > 2 and atoms[-2].cls in FRACTION_CLASSES:
        k = max((n for n, a in enumerate(atoms) if a.cls == "and"), default=-1)
        part, _ = _words_value(atoms[k + 1 : -1])
        whole = _integer_value(atoms[:k]) if k > 0 else 0.0
        return (whole + part) * atoms[-1].value, "integer"  # "one and a half million"
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
