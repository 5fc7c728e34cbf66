"""Tokens: a sentence split into words, numbers and symbols with their offsets, and the
small look-ups on them (glued tokens, the token at an offset, the last word before one)."""

from __future__ import annotations

import bisect
import re
import unicodedata
from typing import Final

# Words are tried first, as most tokens are words; a word starts with no fraction character
# and no "U.S"-like abbreviation (those go on to their own alternatives).
TOKEN_RE: Final = re.compile(
    r"(?P<word>(?![A-Za-z]\.[A-Za-z])[^\W\d_¼½¾⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞][^\W\d_]*(?:['\u2019][^\W\d_]+)?)"
    r"|(?P<chain>\d+(?:[./-]\d+){2,}(?![\d]))"
    r"|(?P<num>\d{1,3}(?:,\d{3}(?!\d))+(?:\.\d+)?"
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3}(?!\d)){2,}(?:\.\d+)?"
    r"|\d{1,3}(?:\u202f\d{3}(?!\d))+(?:\.\d+)?"
    r"|\d+ \. \d+(?![\d.])"  # a tokenised decimal: "0 . 6"
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


DIGIT_SEPARATORS: Final = re.compile(r"[,\s\u202f\u00a0]")
# What a number token may group its thousands with ("2,500", "2 500 000").
THOUSANDS_SEPARATORS: Final = (",", " ", "\u00a0", "\u202f")


def _digits_value(text: str) -> float:
    if len(text) == 1 and not text.isdigit():
        return unicodedata.numeric(text)  # "½"
    if any(separator in text for separator in THOUSANDS_SEPARATORS):
        return float(DIGIT_SEPARATORS.sub("", text))
    return float(text)


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
