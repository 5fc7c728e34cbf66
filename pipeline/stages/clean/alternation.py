"""Rewriting line-start patterns into one alternation that fails fast: leading
alternatives gathered by first character, capturing groups made non-capturing."""

from __future__ import annotations

import re
from typing import Final


def factor_leading_alternation(pattern: str) -> str:
    """The pattern with the alternatives of its leading group gathered by first character:
    "(?:home|help|menu)x" becomes "(?:h(?:ome|elp)|m(?:enu))x".

    ``re`` tries the alternatives of a group one by one, so a line pays for every one of the
    hundred words a menu pattern lists; gathered, it pays for one per first letter. The
    alternatives are the same, only in another order, so whether the pattern matches a text
    is unchanged (which alternative a match went through may differ: for callers that only
    ask whether it matches, as the line classifier does).
    """
    if not pattern.startswith("(?:"):
        return pattern
    end = _group_end(pattern)
    if end is None:
        return pattern
    by_first: dict[str, list[str]] = {}
    others: list[str] = []
    for alternative in _top_level_alternatives(pattern[3:end]):
        first = alternative[:1]
        if first.isalnum() and alternative[1:2] not in _QUANTIFIERS:
            by_first.setdefault(first, []).append(alternative[1:])
        else:
            others.append(alternative)
    parts = [f"{first}(?:{'|'.join(rests)})" for first, rests in by_first.items()]
    return "(?:" + "|".join(parts + others) + ")" + pattern[end + 1 :]


_QUANTIFIERS: Final = ("?", "*", "+", "{")


def _group_end(pattern: str) -> int | None:
    """Index of the parenthesis closing the group the pattern opens with."""
    return next((i for i, char, depth in _nesting(pattern) if char == ")" and depth == 0), None)


def _top_level_alternatives(body: str) -> list[str]:
    """A group's alternatives: its text split at the "|" outside inner groups and classes."""
    bars = [i for i, char, depth in _nesting(body) if char == "|" and depth == 0]
    return [body[a + 1 : b] for a, b in zip([-1, *bars], [*bars, len(body)], strict=True)]


def _nesting(pattern: str) -> list[tuple[int, str, int]]:
    """(index, character, groups around it) of the pattern's characters outside escapes and
    character classes; a group's own parentheses count as outside it."""
    out: list[tuple[int, str, int]] = []
    depth = 0
    for i, char in _unescaped(pattern):
        if char == ")":
            depth -= 1
        out.append((i, char, depth))
        if char == "(":
            depth += 1
    return out


def _unescaped(pattern: str) -> list[tuple[int, str]]:
    """(index, character) of the pattern's characters outside escapes and character classes."""
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _class_end(pattern, i) + 1
            continue
        out.append((i, char))
        i += 1
    return out


def _class_end(pattern: str, start: int) -> int:
    """Index of the "]" closing the character class opened at ``start``."""
    i = start + 1
    if pattern[i : i + 1] == "^":
        i += 1
    if pattern[i : i + 1] == "]":  # a "]" first in a class is a member
        i += 1
    while i < len(pattern) and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i


def line_start_alternation(patterns: list[str], flags: int = 0) -> re.Pattern[str]:
    """One regex for ``match`` that matches where any of the line-start patterns does, built
    to fail fast: no capturing groups (the engine records a group's span at every try), and
    each pattern's leading alternatives gathered by first character."""
    branches = [factor_leading_alternation(without_captures(p.removeprefix("^"))) for p in patterns]
    return re.compile("|".join(f"(?:{b})" for b in branches), flags)


def without_captures(pattern: str) -> str:
    """The pattern with every capturing group made non-capturing (none may be referred to)."""
    if _BACKREFERENCE.search(pattern):
        return pattern
    opening = {i for i, c in _unescaped(pattern) if c == "(" and pattern[i + 1 : i + 2] != "?"}
    return "".join("(?:" if i in opening else char for i, char in enumerate(pattern))


_BACKREFERENCE: Final = re.compile(r"\\[1-9]|\(\?P=")
