"""Tokens of a line, and the shape of a word: name-like, acronym."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Final

import regex

from pipeline.stages.actors import gazetteers as gaz

# Tokens: dotted abbreviations (U.S.), words with inner apostrophes and hyphens, numbers,
# single punctuation marks.
TOKEN_RE: Final = regex.compile(
    r"(?:\p{Lu}\.){2,}|[\p{L}][\p{L}\p{M}\p{N}'\u2019\-&]*[\p{L}\p{N}]|\p{L}|\d[\d,.]*|\S"
)
CONTEXT_CHARS: Final = 40  # how far back to look for the token or role words before a name
# "Iran-backed", "U.S.-led": the part before the hyphen is a mention.
HYPHEN_SUFFIXES: Final = frozenset(
    {"led", "backed", "aligned", "linked", "based", "allied", "sponsored", "controlled",
     "funded", "brokered", "run", "owned", "affiliated", "supported", "made", "born",
     "bound", "style", "era"}
)  # fmt: skip
POSSESSIVES: Final = ("'s", "\u2019s")
# Lower-case particles that may begin a name ("al-Sudani", "al-Qaeda").
NAME_PREFIXES: Final = ("al-", "el-", "ad-", "as-", "ash-", "at-", "az-", "an-", "ar-")
SENTENCE_END: Final = frozenset(
    {".", "!", "?", "\u201c", '"', "\u2018", ":", ";", "\u2014", "\u2013", "(", "-", "|"}
)
MAX_ACRONYM_LEN: Final = 7


@dataclass(slots=True)
class Token:
    """A token of a line; ``text == line[start:end]``."""

    text: str
    start: int
    end: int

    # Written out rather than generated, a leftover of the compiled build; the two behave
    # the same.
    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end


def tokenize(line: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of a line, with possessives and "-led"-style suffixes split off and title
    abbreviations kept with their full stop ("Maj.")."""
    end = len(line) if end is None else end
    raw = [Token(m[0], *m.span()) for m in TOKEN_RE.finditer(line, start, end)]
    out: list[Token] = []
    titles = gaz.titles()
    i = 0
    while i < len(raw):
        tok = raw[i]
        nxt = raw[i + 1] if i + 1 < len(raw) else None
        if (
            nxt is not None
            and nxt.text == "."
            and nxt.start == tok.end
            and (gaz.fold(tok.text + ".") in titles or _is_initial(tok.text, raw, i))
        ):
            out.append(Token(tok.text + ".", tok.start, nxt.end))
            i += 2
            continue
        if "-" in tok.text or tok.text[-2:] in POSSESSIVES:
            out.extend(split_word(tok))
        else:
            out.append(tok)  # nothing to split off, the common case
        i += 1
    return out


def _is_initial(word: str, raw: list[Token], i: int) -> bool:
    """ "S." in "S. Waugh": one capital letter with a full stop, before a name."""
    return len(word) == 1 and word.isupper() and i + 2 < len(raw) and raw[i + 2].text[:1].isupper()


def split_word(tok: Token) -> list[Token]:
    """Split a possessive ("Sudani's") or a "-led"-style suffix ("Iran-backed") off a word."""
    text = tok.text
    if len(text) > 2 and text[-2:] in POSSESSIVES and is_name_like(text):
        return [Token(text[:-2], tok.start, tok.end - 2), Token(text[-2:], tok.end - 2, tok.end)]
    if "-" in text:
        head, _, suffix = text.rpartition("-")
        if suffix.lower() in HYPHEN_SUFFIXES and head and head[0].isupper():
            cut = tok.start + len(head)
            return [Token(head, tok.start, cut), Token(text[len(head) :], cut, tok.end)]
    return [tok]


def is_name_like(text: str) -> bool:
    """Capitalised, or a capitalised name behind a lower-case particle ("al-Sudani")."""
    if not text or not text[0].isalpha():
        return False
    if text[0].isupper():
        return True
    if "-" not in text[1:4]:
        return False
    low = text.lower()
    return any(low.startswith(p) and len(text) > len(p) and text[len(p)].isupper()
               for p in NAME_PREFIXES)  # fmt: skip


@lru_cache(maxsize=1 << 14)
def is_acronym(text: str) -> bool:
    """ "PMF", "U.S.", "AT&T": two to seven capital letters, with full stops or "&"."""
    letters = text.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= MAX_ACRONYM_LEN and letters.isupper() and letters.isalpha()


def line_text(tokens: list[Token], i: int, j: int) -> str:
    """The text of ``tokens[i:j]``, one space between tokens."""
    if j == i + 1:
        return tokens[i].text  # one token, the common case
    return " ".join([t.text for t in tokens[i:j]])
