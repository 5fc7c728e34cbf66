"""The boilerplate phrasings of the data file by kind, and which kind a lower-cased line's
phrasing gives away."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Final

import regex

from pipeline.stages.clean.alternation import factor_leading_alternation, line_start_alternation
from pipeline.stages.clean.data import FLAGS, PATTERNS

# Longest line a photo-credit phrasing marks as a caption.
CAPTION_MAX_WORDS: Final = 60

# First characters of lines whose admitted line-start phrasings are kept in memory.
FIRST_CHARACTERS_KEPT: Final = 4096

PATTERN_REASONS: Final = {
    "navigation": "menu or navigation phrase",
    "share": "share bar or social link",
    "subscription": "newsletter or subscription prompt",
    "related": "related-content heading",
    "other": "advertising or widget label",
    "publisher_blurb": "copyright or publisher notice",
    "source_credit": "source or reporting credit",
    "script": "inline script or markup",
    "caption": "photo caption or credit",
}


class PatternGroup:
    """Regexes tried together: plain ones (anchored at the line start, so cheap) in one
    alternation, and gated ones only on lines that hold one of their words or characters.

    Patterns are written in lower case and matched against the lower-cased line: case-blind
    matching without re.IGNORECASE is about twice as fast."""

    def __init__(self, patterns: list[str | dict]) -> None:
        line_start = [p for p in patterns if _is_line_start(p)]
        self.plain_patterns = [p if isinstance(p, str) else p["pattern"] for p in line_start]
        # Characters one of which a line must hold for each line-start pattern to match.
        self.plain_needs = ["" if isinstance(p, str) else p["needs"] for p in line_start]
        plain = self.plain_patterns
        self.plain = re.compile("|".join(f"(?:{p})" for p in plain)) if plain else None
        self.gated = [
            (frozenset(p.get("words", ())), tuple(p.get("chars", ())), re.compile(p["pattern"]))
            for p in patterns
            if isinstance(p, dict) and not _is_line_start(p)
        ]
        self.gate_words = frozenset(w for words, _, _ in self.gated for w in words)
        self.gate_chars = tuple(sorted({c for _, chars, _ in self.gated for c in chars}))

    def search_plain(self, text: str) -> bool:
        # Plain patterns are all anchored at the line start: match, don't scan.
        return self.plain is not None and self.plain.match(text) is not None

    def search_gated(self, text: str, tokens: frozenset[str] | set[str]) -> bool:
        if self.gate_words.isdisjoint(tokens) and not any(c in text for c in self.gate_chars):
            return False
        for words, chars, pattern in self.gated:
            gate = not words.isdisjoint(tokens) or (chars and any(c in text for c in chars))
            if gate and pattern.search(text):
                return True
        return False

    def search(self, text: str, tokens: frozenset[str] | set[str]) -> bool:
        return self.search_plain(text) or self.search_gated(text, tokens)


def _is_line_start(pattern: str | dict) -> bool:
    """A plain line-start pattern, or one given with the characters it needs."""
    return isinstance(pattern, str) or "needs" in pattern


def _compile_kind_patterns() -> list[tuple[str, str, int, PatternGroup]]:
    """(kind, reason, max words, patterns) for each group of whole-line boilerplate phrasings."""
    out = []
    for name, spec in PATTERNS["line_kinds"].items():
        kind = spec.get("kind", name)
        reason = spec.get("reason", PATTERN_REASONS.get(kind, kind))
        out.append((kind, reason, int(spec["max_words"]), PatternGroup(spec["patterns"])))
    return out


class _LineStartKinds:
    """The line-start phrasings of every kind that allows lines of ``min_words`` words, in one
    regex: one match attempt per line instead of one per kind.

    Each phrasing is one branch, closed by an empty named group that tells which kind matched
    (the data file's phrasings have no capturing groups of their own). A line only tries the
    branches its first character may start: the ``regex`` package's partial matching tells
    which (Python's ``re`` has none), and the alternation of those is compiled once per set.
    Branches that need one of a few characters (far-looking ones) are left out of the
    alternation for lines holding none of them.
    """

    def __init__(self, min_words: float) -> None:
        self.kind_of: dict[str, int] = {}
        self.branches: list[str] = []
        needs: list[str] = []
        for index, (_, _, max_words, group) in enumerate(KIND_PATTERNS):
            if max_words < min_words:
                continue
            for pattern, needed in zip(group.plain_patterns, group.plain_needs, strict=True):
                self.kind_of[f"b{len(self.branches)}"] = index
                self.branches.append(pattern.removeprefix("^"))  # ``match`` anchors them
                needs.append(needed)
        self._prefixes = [regex.compile(b) for b in self.branches]
        self._compiled = [factor_leading_alternation(b) for b in self.branches]
        # (bit, branch, characters) of each branch that needs characters.
        needy = [(i, chars) for i, chars in enumerate(needs) if chars]
        self._needy = [(1 << k, i, chars) for k, (i, chars) in enumerate(needy)]
        self._by_first: dict[str, tuple[int, ...]] = {}
        self._by_branches: dict[tuple[int, ...], re.Pattern[str] | None] = {}
        self._by_key: dict[str, dict[int, re.Pattern[str] | None]] = {}

    def regex_for(self, text: str) -> re.Pattern[str] | None:
        """The alternation of the branches a line may match, by its first character and the
        needed characters it lacks."""
        lacking = 0
        for bit, _, chars in self._needy:
            if not _holds_any(text, chars):
                lacking |= bit
        first = text[:1]
        # By first character, then by what is lacking: two look-ups cost less than a tuple key.
        by_lacking = self._by_key.get(first)
        if by_lacking is not None and lacking in by_lacking:
            return by_lacking[lacking]
        dropped = {i for bit, i, _ in self._needy if lacking & bit}
        admitted = tuple(i for i in self._admitted_by(first) if i not in dropped)
        if admitted not in self._by_branches:
            parts = [f"(?:{self._compiled[i]})(?P<b{i}>)" for i in admitted]
            self._by_branches[admitted] = re.compile("|".join(parts)) if parts else None
        if by_lacking is None and len(self._by_key) < FIRST_CHARACTERS_KEPT:
            by_lacking = self._by_key[first] = {}
        if by_lacking is not None:
            by_lacking[lacking] = self._by_branches[admitted]
        return self._by_branches[admitted]

    def _admitted_by(self, first: str) -> tuple[int, ...]:
        """The branches a line starting with ``first`` may match."""
        admitted = self._by_first.get(first)
        if admitted is None:
            admitted = tuple(
                i for i, prefix in enumerate(self._prefixes) if prefix.match(first, partial=True)
            )
            if len(self._by_first) < FIRST_CHARACTERS_KEPT:
                self._by_first[first] = admitted
        return admitted


def _holds_any(text: str, chars: str) -> bool:
    # A loop, not any(): compiled, the generator would cost more than the look-ups.
    for char in chars:  # noqa: SIM110
        if char in text:
            return True
    return False


KIND_PATTERNS: Final = _compile_kind_patterns()
# Most kinds are short lines (menus, share bars); long lines only need the few long kinds.
SHORT_KINDS_MAX_WORDS: Final = max(m for _, _, m, _ in KIND_PATTERNS if m <= 16)
LINE_START_KINDS: Final = _LineStartKinds(0)
LONG_LINE_START_KINDS: Final = _LineStartKinds(SHORT_KINDS_MAX_WORDS + 1)
# Any word or character that opens a gated pattern: lines with none skip them all.
_GATE_WORDS: Final = frozenset(
    w for _, _, _, group in KIND_PATTERNS for words, _, _ in group.gated for w in words
)
_GATE_CHARS: Final = tuple(
    sorted({c for _, _, _, group in KIND_PATTERNS for _, chars, _ in group.gated for c in chars})
)
CAPTION: Final = PatternGroup(PATTERNS["caption_patterns"])
# Every gate word, the captions' too: one set look-up per line finds the few it holds.
ALL_GATE_WORDS: Final = _GATE_WORDS | CAPTION.gate_words

# A gated pattern: (kind index, pattern index, longest line in words, kind, reason, regex).
# Kind index len(KIND_PATTERNS) is the captions, tried after every kind.
_Gated = tuple[int, int, float, str, str, re.Pattern[str]]


def _index_gated_patterns() -> tuple[dict[str, tuple[_Gated, ...]], tuple[_Gated, ...]]:
    """Gated patterns by gate word, and those gated by characters, each in the order they
    are tried: a line only tries the patterns of the gate words it holds."""
    groups = [(kind, reason, float(m), g) for kind, reason, m, g in KIND_PATTERNS]
    groups.append(("caption", PATTERN_REASONS["caption"], float(CAPTION_MAX_WORDS), CAPTION))
    by_word: dict[str, list[_Gated]] = {}
    by_char: list[_Gated] = []
    for k, (kind, reason, max_words, group) in enumerate(groups):
        for p, (words, chars, pattern) in enumerate(group.gated):
            entry = (k, p, max_words, kind, reason, pattern)
            for word in words:
                by_word.setdefault(word, []).append(entry)
            if chars:
                by_char.append(entry)
    return {w: tuple(entries) for w, entries in by_word.items()}, tuple(by_char)


_GATED_BY_WORD, _GATED_BY_CHAR = _index_gated_patterns()
SCRIPT_PREFIX: Final = re.compile(PATTERNS["script_prefix"], FLAGS)
_SCRIPT_SUFFIX: Final = re.compile(PATTERNS["script_suffix"])


@lru_cache(maxsize=1024)
def strip_code(text: str) -> str:
    """A line without the inline script glued before or after it (``gtag(...); Title``).
    Cached: the title, header and metadata steps each ask it of the page's first line."""
    return _SCRIPT_SUFFIX.sub("", SCRIPT_PREFIX.sub("", text)).strip()


BARRIER: Final = line_start_alternation(PATTERNS["barriers"])  # on lower case
# On lower case too. Each of its phrasings is a barrier's as well (tested), so only lines
# found to be barriers, or not read as lines at all (menus), need trying it.
COMMENTS_START: Final = line_start_alternation(PATTERNS["comments_start"])
LIST_ITEM: Final = re.compile(PATTERNS["list_item"])
BARE_URL: Final = re.compile(PATTERNS["bare_url"], FLAGS)


def pattern_kind(
    text: str, words: float, gate_hits: tuple[str, ...], gate_chars: bool = True
) -> tuple[str | None, str | None]:
    """The boilerplate kind a line's phrasing gives away, and the reason, or (None, None):
    the first kind, in the data file's order, with a line-start phrasing that matches and a
    word limit the line keeps; else the first with such a gated phrasing; else a caption.

    ``gate_hits`` are the gate words the line holds (its words in ALL_GATE_WORDS);
    ``gate_chars`` False says the page holds none of the gated patterns' characters."""
    starts = LINE_START_KINDS if words <= SHORT_KINDS_MAX_WORDS else LONG_LINE_START_KINDS
    line_start = starts.regex_for(text)
    match = line_start.match(text) if line_start is not None else None
    if match is not None:
        kind, reason, max_words, _ = KIND_PATTERNS[starts.kind_of[match.lastgroup]]  # type: ignore[index]
        if words <= max_words:
            return kind, reason
        # Too long for the first kind that matched: try the others one by one.
        for kind, reason, max_words, patterns in KIND_PATTERNS:
            if words <= max_words and patterns.search_plain(text):
                return kind, reason
    has_gate_char = gate_chars and _GATE_CHAR is not None and _GATE_CHAR.search(text) is not None
    if not gate_hits and not has_gate_char:  # most lines: no gated pattern to try
        if words <= CAPTION_MAX_WORDS and CAPTION.search_plain(text):
            return "caption", PATTERN_REASONS["caption"]
        return None, None
    candidates: list[_Gated] = []
    for word in gate_hits:
        candidates += _GATED_BY_WORD[word]
    if has_gate_char:
        candidates += [g for g in _GATED_BY_CHAR if any(c in text for c in _gate_chars_of(g))]
    if candidates:
        candidates.sort(key=_gated_order)
        caption_plain_tried = False
        for k, _, gated_max_words, kind, reason, pattern in candidates:
            if k == _CAPTION_INDEX and not caption_plain_tried:
                # Captions' line-start phrasings come before their gated ones.
                if words <= CAPTION_MAX_WORDS and CAPTION.search_plain(text):
                    return kind, reason
                caption_plain_tried = True
            if words <= gated_max_words and pattern.search(text):
                return kind, reason
        if caption_plain_tried:
            return None, None
    if words <= CAPTION_MAX_WORDS and CAPTION.search_plain(text):
        return "caption", PATTERN_REASONS["caption"]
    return None, None


_CAPTION_INDEX: Final = len(KIND_PATTERNS)


def _gated_order(entry: _Gated) -> tuple[int, int]:
    return entry[0], entry[1]


@cache
def _gate_chars_of(entry: _Gated) -> tuple[str, ...]:
    k, p = entry[0], entry[1]
    group = CAPTION if k == _CAPTION_INDEX else KIND_PATTERNS[k][3]
    return group.gated[p][1]


# Any character that opens a gated pattern, in one regex: one scan of a line or a page.
_ALL_GATE_CHARS: Final = sorted(set(_GATE_CHARS) | set(CAPTION.gate_chars))
_GATE_CHAR: Final = (
    re.compile("|".join(map(re.escape, _ALL_GATE_CHARS))) if _ALL_GATE_CHARS else None
)


def has_gate_char(text: str) -> bool:
    return _GATE_CHAR is not None and _GATE_CHAR.search(text) is not None
