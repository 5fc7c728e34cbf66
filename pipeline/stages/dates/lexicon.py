"""The English date words of ``pipeline/data/dates_words.json`` and the helpers that turn word
lists into regular expressions (shared by the English patterns and the other-language lexicons).
"""

from __future__ import annotations

import json
import re as stdre
from collections.abc import Iterable
from importlib import resources
from typing import Final

import regex as re

WORDS_FILE: Final = "dates_words.json"
# The tables the stage reads from the file, and the settings of its "other_languages" table.
_TABLES: Final = (
    "months",
    "weekdays",
    "ordinals",
    "counts",
    "fixed_holidays",
    "weekday_holidays",
    "easter_holidays",
    "other_languages",
)
_OTHER_LANGUAGE_SETTINGS: Final = (
    "connectors",
    "no_word_boundary",
    "min_month_chars",
    "min_weekday_chars",
    "relative_units",
)


def _load_words() -> dict:
    """The word tables of pipeline/data/dates_words.json; a file that cannot be read, is not
    JSON or lacks a table raises, naming the file (the stage never runs on partial words)."""
    where = f"pipeline/data/{WORDS_FILE}"
    try:
        text = resources.files("pipeline").joinpath("data", WORDS_FILE).read_text("utf-8")
        words = json.loads(text)
    except (OSError, ValueError) as error:
        raise RuntimeError(f"cannot load {where}: {error}") from error
    if not isinstance(words, dict):
        raise RuntimeError(f"{where}: expected a JSON object of word tables")
    missing = [table for table in _TABLES if not isinstance(words.get(table), dict)]
    if not missing:
        other = words["other_languages"]
        missing = [f"other_languages.{key}" for key in _OTHER_LANGUAGE_SETTINGS if key not in other]
    if missing:
        raise RuntimeError(f"{where}: missing or malformed {', '.join(missing)}")
    return words


WORDS: Final = _load_words()
MONTHS: dict[str, int] = WORDS["months"]
WEEKDAYS: dict[str, int] = WORDS["weekdays"]
ORDINALS: dict[str, int] = WORDS["ordinals"]
COUNTS: dict[str, int] = WORDS["counts"]
FIXED_HOLIDAYS: dict[str, list[int]] = WORDS["fixed_holidays"]
WEEKDAY_HOLIDAYS: dict[str, list[int]] = WORDS["weekday_holidays"]
EASTER_HOLIDAYS: dict[str, int] = WORDS["easter_holidays"]


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of the words, longest first, with escaped dots and flexible spaces.

    ASCII word lists are written as a prefix tree ("mon(?:day)?" for "monday|mon"): the engine
    tries the same words in the same order, but one test per distinct letter at each step
    instead of one per word.
    """
    ordered = sorted(words, key=len, reverse=True)
    if all(w.isascii() for w in ordered):
        return _prefix_tree_pattern(ordered)
    return "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in ordered)


_WORD_GAP: Final = r"[\s-]+"


def _prefix_tree_pattern(ordered: list[str]) -> str:
    """The longest-first alternation of ASCII words as a prefix tree with the same preference.

    Words sharing a prefix become one branch whose longer continuations are tried first (greedy
    ``?``), as the longest-first alternation tries them; distinct letters never match the same
    character, so the order of sibling branches does not matter.
    """
    root: dict[str, dict] = {}
    for word in ordered:
        node = root
        for index, part in enumerate(word.split(" ")):
            for token in ([_WORD_GAP] if index else []) + [re.escape(ch) for ch in part]:
                node = node.setdefault(token, {})
        node[""] = {}  # the word may end here
    return _tree_pattern(root)


def _tree_pattern(node: dict[str, dict]) -> str:
    branches = [token + _tree_pattern(child) for token, child in node.items() if token]
    if not branches:
        return ""
    if "" in node:
        return f"(?:{'|'.join(branches)})?"
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def _compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """The stdlib engine where it takes the pattern (faster); ``regex`` for variable lookbehind."""
    try:
        return stdre.compile(pattern, flags)  # type: ignore[return-value]
    except stdre.error:
        return re.compile(pattern, flags)
