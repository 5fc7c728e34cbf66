"""Where in an article's body figures may be, so that only those stretches are tokenised:
the sentences of a line, the digit runs and number words of the whole body (each pattern run
once over it), the candidate spots of a sentence and the windows of text around them."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable
from typing import Final

from pipeline.stages.numbers.grammar import SCALE_WORDS, TEEN_WORDS, TENS_WORDS, UNIT_WORDS
from pipeline.stages.numbers.links import URL_RE, _may_hold_link, _Spans

# A stop, closing quotes, space, then a capital or digit; the sentence ends after the stop.
# (The stop is matched, not looked behind at: re then finds candidates by character search.)
SENTENCE_END: Final = re.compile(r"[.!?][\"\u201d\u2019)]*\s+(?=[\"\u201c\u2018(]?[A-Z0-9])")


def _sentences(line: str) -> list[tuple[int, str]]:
    out = []
    start = 0
    for m in SENTENCE_END.finditer(line):
        stop = m.start() + 1
        if _abbreviation_before(line, stop) or TOKENISED_DECIMAL.match(line, stop - 3):
            continue
        out.append((start, line[start:stop]))
        start = m.end()
    out.append((start, line[start:]))
    return out


# "down 0 . 6 %": in tokenised text (Penn Treebank style) a stop spaced between digits is a
# decimal point; running text never spaces a full stop so.
TOKENISED_DECIMAL: Final = re.compile(r"\d \.(?= \d)")


def _abbreviation_before(line: str, pos: int) -> bool:
    """'U.S. forces', 'Mr. Ryder', 'Jan. 5': a full stop that ends no sentence."""
    word = line[line.rfind(" ", 0, pos) + 1 : pos]
    if not word:
        return False
    w = word.lower().rstrip(".")
    if w in ABBREVIATIONS:
        return True  # "Sept. 11", "Capt. Ryder" (longer than three letters, still no end)
    return (len(w) <= 3 and w.isalpha() and "." in word[:-1]) or bool(INITIALS.fullmatch(w))


INITIALS: Final = re.compile(r"(?:[a-z]\.)+[a-z]?")
ABBREVIATIONS: Final = frozenset(
    {"mr", "mrs", "ms", "dr", "st", "gen", "maj", "lt", "col", "sgt", "capt", "rep", "sen",
     "gov", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
     "no", "vs", "u.s", "u.k", "inc", "ltd", "co", "jr", "sr", "adm", "cpl", "pvt", "rev", "fig",
     "rs", "prof", "corp"}
)  # fmt: skip
CANDIDATE_WORDS: Final = frozenset({*UNIT_WORDS, *TEEN_WORDS, *TENS_WORDS, "hundred", *SCALE_WORDS,
                             "dozen", "half", "quarter", "third", "thirds", "quarters", "fifth",
                             "fifths", "tenth", "tenths"})  # fmt: skip


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
NUMBER_WORD_RE_CI: Final = re.compile(NUMBER_WORD_RE.pattern, re.IGNORECASE)
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
# How much text around a figure its reading needs (qualifier, unit noun, event before it).
WINDOW_BEFORE: Final = 45
WINDOW_AFTER: Final = 75  # "Fifty of the nation's top Republican national security officers"


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
