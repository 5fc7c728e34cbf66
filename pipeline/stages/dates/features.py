"""Cheap tests of a line (stdlib ``re``, one pass each) that say where each kind of date word
occurs, so that only the patterns that can match run, and only around those words.
"""

from __future__ import annotations

import re as stdre
from typing import Final

from pipeline.stages.dates.lexicon import (
    EASTER_HOLIDAYS,
    FIXED_HOLIDAYS,
    MONTHS,
    ORDINALS,
    WEEKDAY_HOLIDAYS,
    WEEKDAYS,
)
from pipeline.stages.text import word_positions

# Words of holiday names too common to anchor the holiday pattern on.
COMMON_HOLIDAY_WORDS: Final = frozenset(
    [
        "of",
        "s",
        "day",
        "days",
        "year",
        "years",
        "the",
        "new",
        "may",
        "good",
        "st",
        "saint",
        "international",
        "int",
        "l",
        "eve",
        "sunday",
        "monday",
        "friday",
        "king",
        "martin",
        "fourth",
        "july",
        "workers",
    ]
)
# Date words that count only when capitalised, being ordinary words in lower case.
CAPITALISED_ONLY: Final = frozenset(["may", "march", "mar", "sun", "sat", "wed", "mon"])
# The words of each kind of date word (feature) looked for in a line.
_FEATURE_WORDS: dict[str, frozenset[str]] = {
    "month": frozenset(MONTHS),
    "weekday": frozenset(WEEKDAYS),
    "ordinal": frozenset(words.split()[0] for words in ORDINALS),
    "holiday": frozenset(
        w
        for name in (*FIXED_HOLIDAYS, *WEEKDAY_HOLIDAYS, *EASTER_HOLIDAYS)
        for w in stdre.findall(r"[a-z]+", name)
    )
    - COMMON_HOLIDAY_WORDS,
    "unit": frozenset(
        ["day", "days", "week", "weeks", "month", "months", "year", "years", "business"]
    ),
    "named": frozenset(["today", "yesterday", "tomorrow", "tmrw", "tonight"]),
}
# Holiday names whose words are all common ("New Year", "May Day") are found by this instead.
_HOLIDAY_PAIRS: Final = stdre.compile(
    r"\b(?:new\s+years?|may\s+day|good\s+friday|int'?l\s+workers|international\s+workers)\b",
    stdre.I,
)
_WORD_FEATURES: dict[str, tuple[str, ...]] = {}
for _name, _vocabulary in _FEATURE_WORDS.items():
    for _word in _vocabulary:
        _WORD_FEATURES[_word] = (*_WORD_FEATURES.get(_word, ()), _name)
_HOLIDAY_PAIR_WORDS: Final = frozenset(["new", "may", "good", "international", "workers"])
# Each pair above needs both its words among the line's words ("int'l workers": "workers").
_HOLIDAY_PAIR_TOKENS: Final = (
    ("new", frozenset(["year", "years"])),
    ("may", frozenset(["day"])),
    ("good", frozenset(["friday"])),
    ("workers", frozenset(["workers"])),
)
_ALL_FEATURE_WORDS: Final = frozenset(_WORD_FEATURES) | _HOLIDAY_PAIR_WORDS | {"the"}
# "for the 27", "on the 20th of next month": the only context the day_of_month pattern reads.
# Written to begin with a literal ("the", then the words before it), so the engine jumps from
# one "the" to the next; the same as r"\b(?:for|on)\sthe\s".
_ON_THE: Final = stdre.compile(r"the(?:(?<=\bfor\sthe)|(?<=\bon\sthe))\s")
# Bytes a-z kept, every other byte a space ("?" stands for a non-ASCII character).
_LETTERS_ONLY: Final = bytes(code if 0x61 <= code <= 0x7A else 0x20 for code in range(256))
_FEATURE_WORD_BYTES: Final = {word.encode("ascii"): word for word in _ALL_FEATURE_WORDS}
_FEATURE_BYTES: Final = frozenset(_FEATURE_WORD_BYTES)
# "x" then "x*" rather than "x+": a pattern that begins with a character class lets the engine
# skip to the next candidate character instead of trying a match at every position.
_NUMBER: Final = stdre.compile(r"\d\d*")


def _features(text: str, lowered: str, plain_case: bool = False) -> dict[str, list[int]]:
    """Where each kind of date word occurs, found without running the costly patterns.

    Most lines hold no date word at all: one ``findall`` and a set intersection say so.
    ``lowered`` is ``text.lower()``; ``plain_case``: the text holds none of _CASE_ODDITIES.
    """
    positions: dict[str, list[int]] = {}
    hits = _feature_words_in(lowered)
    feature_hits = hits & _WORD_FEATURES.keys()
    if feature_hits:
        for word in feature_hits:
            for at in word_positions(lowered, [word]):
                # "may", "sun", "wed" in lower case are a verb, a star, a marriage.
                if word in CAPITALISED_ONLY and not text[at].isupper():
                    continue
                for feature in _WORD_FEATURES[word]:
                    positions.setdefault(feature, []).append(at)
    for token in _NUMBER.finditer(text):
        word, at = token.group(), token.start()
        positions.setdefault("digit", []).append(at)
        if len(word) == 4 and word[0] in "12":
            positions.setdefault("year4", []).append(at)
        elif len(word) == 8:
            positions.setdefault("digit8", []).append(at)
        after = text[token.end() : token.end() + 2]
        if len(after) == 2 and after[0] in "/.-" and after[1].isdigit():
            positions.setdefault("digitsep", []).append(at)
    if "the" in hits and _ON_THE.search(lowered):
        positions["on_the"] = []
    if _may_hold_holiday_pair(hits, lowered, plain_case):
        for pair in _HOLIDAY_PAIRS.finditer(text):
            positions.setdefault("holiday", []).append(pair.start())
    return positions


def _feature_words_in(lowered: str) -> set[str]:
    """The feature words among the runs of letters a-z of the lower-cased text.

    The same words as ``_ALL_FEATURE_WORDS.intersection(re.findall("[a-z]+", lowered))``, found by
    byte translation and ``split`` (every other character becomes a space) rather than by a
    pattern that builds a string per word.
    """
    ascii_text = lowered.encode("ascii", "replace").translate(_LETTERS_ONLY)
    return {_FEATURE_WORD_BYTES[word] for word in _FEATURE_BYTES.intersection(ascii_text.split())}


def _may_hold_holiday_pair(hits: set[str], lowered: str, plain_case: bool) -> bool:
    """Whether _HOLIDAY_PAIRS can match: both words of a pair are among the line's words."""
    if plain_case:
        return any(
            first in hits and not hits.isdisjoint(second) for first, second in _HOLIDAY_PAIR_TOKENS
        )
    return bool(hits & _HOLIDAY_PAIR_WORDS) or "int" in lowered
