"""The boilerplate phrasings of the data file by kind, and which kind a lower-cased line's
phrasing gives away."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from functools import lru_cache
from typing import Final, NamedTuple

from pipeline.stages.clean.alternation import factor_leading_alternation, line_start_alternation
from pipeline.stages.clean.data import FLAGS, PATTERNS

# Longest line a photo-credit phrasing marks as a caption.
CAPTION_MAX_WORDS: Final = 60

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
    """A kind's phrasings: line-start ones (anchored at the line start) in one alternation,
    and gated ones, each tried only on lines that hold one of its words or characters.

    Patterns are written in lower case and matched against the lower-cased line."""

    def __init__(self, patterns: list[str | dict]) -> None:
        line_start = [p for p in patterns if _is_line_start(p)]
        self.plain_patterns = [p if isinstance(p, str) else p["pattern"] for p in line_start]
        # Characters one of which a line must hold for each line-start pattern to match.
        self.plain_needs = ["" if isinstance(p, str) else p["needs"] for p in line_start]
        plain = self.plain_patterns
        self.plain = re.compile("|".join(f"(?:{p})" for p in plain)) if plain else None
        self.gated = [
            _Gate(
                frozenset(p.get("words", ())), tuple(p.get("chars", ())), re.compile(p["pattern"])
            )
            for p in patterns
            if isinstance(p, dict) and not _is_line_start(p)
        ]

    def search_plain(self, text: str) -> bool:
        # Plain patterns are all anchored at the line start: match, don't scan.
        return self.plain is not None and self.plain.match(text) is not None


class _Gate(NamedTuple):
    """A gated phrasing: the words and characters that open it, and its regex."""

    words: frozenset[str]
    chars: tuple[str, ...]
    regex: re.Pattern[str]

    def chars_in(self, text: str) -> bool:
        """Whether the text holds one of the gate's characters."""
        return any(c in text for c in self.chars)


class Kind(NamedTuple):
    """A kind of boilerplate line: its label kind and reason, the longest line in words it
    may be, and its phrasings."""

    kind: str
    reason: str
    max_words: int
    group: PatternGroup


def _is_line_start(pattern: str | dict) -> bool:
    """A plain line-start pattern, or one given with the characters it needs."""
    return isinstance(pattern, str) or "needs" in pattern


def _compile_kind_patterns() -> list[Kind]:
    """Each group of whole-line boilerplate phrasings, in the data file's order."""
    out = []
    for name, spec in PATTERNS["line_kinds"].items():
        kind = spec.get("kind", name)
        reason = spec.get("reason", PATTERN_REASONS.get(kind, kind))
        out.append(Kind(kind, reason, int(spec["max_words"]), PatternGroup(spec["patterns"])))
    return out


class GatedPatterns:
    """The gated phrasings of some kinds, by gate word and character: a line only tries those
    whose gate it holds, in the order of the kinds and of each kind's phrasings."""

    def __init__(self, kinds: list[Kind]) -> None:
        self._entries: list[tuple[Kind, _Gate]] = []
        self._by_word: dict[str, list[int]] = {}
        self._by_char: list[int] = []
        for kind in kinds:
            for gate in kind.group.gated:
                for word in gate.words:
                    self._by_word.setdefault(word, []).append(len(self._entries))
                if gate.chars:
                    self._by_char.append(len(self._entries))
                self._entries.append((kind, gate))
        self.gate_words = frozenset(self._by_word)
        # Any character that opens a gated phrasing: one scan rules them all out for most lines.
        self._gate_char = _any_of("".join(c for _, gate in self._entries for c in gate.chars))

    def first_match(
        self, text: str, words: Iterable[str], length: float | None = None
    ) -> Kind | None:
        """The kind of the first gated phrasing that matches the line, among those whose gate
        the line holds (``words``: its words, or those of them that are gate words) and, with
        ``length`` (the line's length in words), whose kind allows lines that long."""
        held: set[int] = set()
        for word in words:
            held.update(self._by_word.get(word, ()))
        if self._gate_char is not None and self._gate_char.search(text):
            held.update(i for i in self._by_char if self._entries[i][1].chars_in(text))
        if not held:
            return None
        for i in sorted(held):
            kind, gate = self._entries[i]
            if (length is None or length <= kind.max_words) and gate.regex.search(text):
                return kind
        return None


class _LineStartKinds:
    """The line-start phrasings of every kind in one regex: one match attempt per line
    instead of one per kind.

    Each phrasing is one branch, closed by an empty named group that tells which kind matched
    (the data file's phrasings have no capturing groups of their own). Branches that need one
    of a few characters (far-looking ones) are left out for lines holding none of them.
    """

    def __init__(self, kinds: list[Kind]) -> None:
        self.kind_of: dict[str, int] = {}
        self.branches: list[str] = []
        self.needs: dict[int, str] = {}  # branch -> the characters one of which it needs
        for index, kind in enumerate(kinds):
            group = kind.group
            for pattern, needed in zip(group.plain_patterns, group.plain_needs, strict=True):
                if needed:
                    self.needs[len(self.branches)] = needed
                self.kind_of[f"b{len(self.branches)}"] = index
                self.branches.append(pattern.removeprefix("^"))  # ``match`` anchors them
        self._factored = [factor_leading_alternation(b) for b in self.branches]
        self._needed = _any_of("".join(self.needs.values()))
        self._by_held: dict[frozenset[str], re.Pattern[str] | None] = {}

    def regex_for(self, text: str) -> re.Pattern[str] | None:
        """The alternation of the branches a line may match: all but those that need
        characters the line lacks."""
        held = frozenset(self._needed.findall(text)) if self._needed else frozenset()
        if held not in self._by_held:
            parts = [
                f"(?:{branch})(?P<b{i}>)"
                for i, branch in enumerate(self._factored)
                if i not in self.needs or not held.isdisjoint(self.needs[i])
            ]
            self._by_held[held] = re.compile("|".join(parts)) if parts else None
        return self._by_held[held]


def _any_of(chars: str) -> re.Pattern[str] | None:
    """A regex that finds any of the characters, or None for none."""
    return re.compile("|".join(map(re.escape, sorted(set(chars))))) if chars else None


KIND_PATTERNS: Final = _compile_kind_patterns()
LINE_START_KINDS: Final = _LineStartKinds(KIND_PATTERNS)
_GATED_KINDS: Final = GatedPatterns(KIND_PATTERNS)
# Photo captions and credits: tried after every other kind.
CAPTION: Final = Kind(
    "caption",
    PATTERN_REASONS["caption"],
    CAPTION_MAX_WORDS,
    PatternGroup(PATTERNS["caption_patterns"]),
)
_GATED_CAPTIONS: Final = GatedPatterns([CAPTION])
# Every gate word, the captions' too: the word scan picks out those a line holds.
ALL_GATE_WORDS: Final = _GATED_KINDS.gate_words | _GATED_CAPTIONS.gate_words

SCRIPT_PREFIX: Final = re.compile(PATTERNS["script_prefix"], FLAGS)
_SCRIPT_SUFFIX: Final = re.compile(PATTERNS["script_suffix"])


@lru_cache(maxsize=1024)
def strip_code(text: str) -> str:
    """A line without the inline script glued before or after it (``gtag(...); Title``).
    Cached: the title, header and metadata steps each ask it of the page's first line."""
    return _SCRIPT_SUFFIX.sub("", SCRIPT_PREFIX.sub("", text)).strip()


# Lines that open comments, related links or a footer; those that open reader comments.
# Both are matched against lower-cased lines.
BARRIER: Final = line_start_alternation(PATTERNS["barriers"])
COMMENTS_START: Final = line_start_alternation(PATTERNS["comments_start"])
LIST_ITEM: Final = re.compile(PATTERNS["list_item"])
BARE_URL: Final = re.compile(PATTERNS["bare_url"], FLAGS)


def pattern_kind(text: str, words: float, gates: Collection[str]) -> Kind | None:
    """The boilerplate kind a lower-cased line's phrasing gives away, if any: the first kind,
    in the data file's order, with a line-start phrasing that matches and a word limit the
    line keeps; else the first with such a gated phrasing; else a caption.

    ``words`` is the line's length in words, ``gates`` its gate words (those of its words in
    ALL_GATE_WORDS; all of its words will do)."""
    line_start = LINE_START_KINDS.regex_for(text)
    match = line_start.match(text) if line_start is not None else None
    if match is not None:
        kind = KIND_PATTERNS[LINE_START_KINDS.kind_of[match.lastgroup]]  # type: ignore[index]
        if words <= kind.max_words:
            return kind
        # Too long for the first kind that matched: try the others one by one.
        for kind in KIND_PATTERNS:
            if words <= kind.max_words and kind.group.search_plain(text):
                return kind
    kind = _GATED_KINDS.first_match(text, gates, words)
    if kind is None and words <= CAPTION.max_words and is_caption(text, gates):
        return CAPTION
    return kind


def is_caption(text: str, gates: Collection[str]) -> bool:
    """Whether a lower-cased line of any length is phrased like a photo caption or credit
    (``gates`` as for pattern_kind)."""
    if CAPTION.group.search_plain(text):
        return True
    return _GATED_CAPTIONS.first_match(text, gates) is not None
