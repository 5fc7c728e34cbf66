"""Page cleaning: label every line of an article's text as body or boilerplate, infer metadata.

Pages saved as text have lost the markup extractors rely on, so the classifier reads the
evidence a person would:

1. Each line's phrasing: menus, share bars, newsletter and cookie prompts, ad slots, credits,
   copyright blurbs and inline scripts (``pipeline/data/clean_patterns.json``).
2. Each line's weight as running text: long lines that end like sentences count for their
   words; short lines, unpunctuated teasers and boilerplate count against.
3. The main run of text is the run of lines with the largest total weight (Kadane). Lines that
   open comments or related links are barriers: reader comments are cut off, and a run under the
   page's headline wins over a heavier legal footer past a barrier.
4. The run is widened over paragraphs of its own block, lists it introduces ("...:"), and short
   lone paragraphs after it; the header block (standfirst, byline, image text) is cut off.
5. Inside the run, menu-like blocks of short lines, caption twins, pull quotes that repeat a
   body sentence and all-capitals promos are dropped. Every line keeps a short reason.

Metadata (title, standfirst, byline, outlet, wire service, date) come from the lines around
the headline and from branding lines. Nothing is learned from data: thresholds are named
constants below, phrasings live in the data file, and function words come from jusText's
stoplists (a dependency of trafilatura).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from operator import itemgetter
from typing import Final

import regex

from pipeline.stages.clean.wordscan import LineScanner, holds_char_from, lexicon
from schemas import ArticleMetadata, CleanedDocument, LineLabel, SourceDocument

# ---------------------------------------------------------------------------- data files


def _load_json(name: str) -> dict:
    return json.loads(resources.files("pipeline").joinpath("data", name).read_text("utf-8"))


_PATTERNS: Final = _load_json("clean_patterns.json")
_LANGUAGES: dict[str, str] = {
    k: v for k, v in _load_json("clean_languages.json").items() if not k.startswith("_")
}

# ---------------------------------------------------------------------------- thresholds

# A line of this many words is prose by length alone (the "20-word rule" baseline uses 20).
LONG_LINE_WORDS: Final = 20
# Shorter lines count as prose when they end like a sentence and have at least this many words.
SENTENCE_MIN_WORDS: Final = 7
# Below this share a long line is probably a list of names, tags or headlines.
LIST_STOPWORD_SHARE: Final = 0.08
# What a non-prose line costs the body span: the span may cross a few, not a menu.
SHORT_LINE_PENALTY: Final = 12.0
# Weight per word of a medium sentence line, and of a long line that doesn't end like a sentence.
MEDIUM_SENTENCE_FACTOR: Final = 0.5
UNPUNCTUATED_LONG_FACTOR: Final = 0.25
BOILERPLATE_LINE_PENALTY: Final = 8.0
# Ad slots ("Advertisement", "Story continues below") sit inside articles: free to cross.
AD_SLOT_PENALTY: Final = 0.0
AD_SLOT_REASON: Final = "advertisement slot"
# A line that opens comments or related links ("12 comments", "More from ...") ends the body
# unless the text on both sides of it is long.
BARRIER_PENALTY: Final = 60.0
BARRIER_MAX_WORDS: Final = 8
# A secondary run of prose joins the body when it has this share of the main run's weight.
SECONDARY_RUN_SHARE: Final = 0.5
# Lines between two runs that an inline related-links box may take.
INLINE_BOX_MAX_LINES: Final = 8
# A run under the headline is the article when it has this share of the heaviest run's weight
# and a barrier separates the two.
HEADLINE_RUN_SHARE: Final = 0.25
# ... provided the heavier run starts in the last quarter of the page (a footer).
FOOTER_START_SHARE: Final = 0.75
HEADLINE_MIN_WORDS: Final = 3
# An all-capitals line of this many words inside the body is a promo or a link to a story.
SHOUTED_MIN_WORDS: Final = 5
# Title/standfirst/byline are searched among this many non-blank lines before the body.
HEADER_SEARCH_LINES: Final = 40
# Lines above and below the body searched for credits and datelines.
EDGE_LINES: Final = 15
# Byline, dateline and standfirst are looked for in this many lines under the headline.
HEADER_ZONE_LINES: Final = 8
# Longest outlet name, in words, and characters no outlet name has (code, markup).
OUTLET_MAX_WORDS: Final = 6
# Branding lines are short; a publisher blurb is a sentence or two.
OUTLET_LINE_MAX_CHARS: Final = 400
OUTLET_FORBIDDEN_CHARS: Final = "=(){};<>|"
# Longest title and standfirst, in words.
TITLE_MAX_WORDS: Final = 40
STANDFIRST_MIN_WORDS: Final = 5
STANDFIRST_MAX_WORDS: Final = 70
BYLINE_MAX_WORDS: Final = 12
# Words a "By ..." line may carry after the names (a date, a place) and still be a byline.
BYLINE_REMAINDER_WORDS: Final = 6
# Function-word language guess looks at this many tokens of the page's longest lines.
LANGUAGE_SAMPLE_TOKENS: Final = 400
# A language guess needs this share of sampled tokens in its stoplist.
LANGUAGE_MIN_SHARE: Final = 0.12
LANGUAGE_SAMPLE_LINES: Final = 12
LANGUAGE_OVER_ENGLISH: Final = 1.5
# Share of English function words that marks a page English without a vote (other languages'
# text stays below 0.2, English prose is above 0.3).
ENGLISH_FAST_SHARE: Final = 0.35
# htmldate settings for HTML input: the date the markup states, no guessing from free text.
HTML_DATE_PARAMS: Final = {"original_date": True, "extensive_search": False}
HTML_TITLE_SEARCH_CHARS: Final = 200_000
# Fewer words than this extracted from HTML is a page without an article (a menu, an error).
HTML_MIN_TEXT_WORDS: Final = 5
# Longest line a photo-credit phrasing marks as a caption.
CAPTION_MAX_WORDS: Final = 60
# Comments start where a comments heading follows at least this much prose weight.
PROSE_BEFORE_COMMENTS: Final = 80.0
# A block of this many short lines or more, none reading as prose, is a menu.
MENU_BLOCK_MIN_LINES: Final = 3
# First characters of lines whose admitted line-start phrasings are kept in memory.
FIRST_CHARACTERS_KEPT: Final = 4096
# Distinct lines whose phrasing verdict is kept in memory.
PHRASING_CACHE_LINES: Final = 65536
# Characters of a CJK line worth one word (no spaces between words in those scripts).
CJK_CHARS_PER_WORD: Final = 2.0

# ASCII and CJK full stops, closing quotes.
SENTENCE_END: Final = '.!?\u3002\uff01\uff1f\u2026"\u201d\u2019\u00bb)]:;'
BLANK_REASON: Final = "blank line"

_WORD: Final = re.compile(r"\w+")
_CJK: Final = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_ANY_SCRIPT_LETTER: Final = re.compile(r"[\uac00-\ud7af\u3040-\u30ff\u4e00-\u9fff\u0e00-\u0e7f]")
# The lowest code point of CJK (and kana and Hangul), and Thai's block, which lies below the
# curly quotes and dashes: texts with no character so wide, and none in that block, skip the
# regexes (most pages: their widest characters are those quotes and dashes).
_FIRST_CJK: Final = 0x3040
_THAI_BLOCK: Final = (0x0E00, 0x0E7F)


def _holds_cjk(text: str) -> bool:
    return holds_char_from(text, _FIRST_CJK) and _CJK.search(text) is not None


def _holds_script_letter(text: str) -> bool:
    """Whether the text holds a letter of CJK, kana, Hangul or Thai."""
    wide = holds_char_from(text, _FIRST_CJK) or holds_char_from(text, *_THAI_BLOCK)
    return wide and _ANY_SCRIPT_LETTER.search(text) is not None


_LETTER_SCRIPT_LANG: Final = [
    (re.compile(r"[\uac00-\ud7af]"), "ko"),
    (re.compile(r"[\u3040-\u30ff]"), "ja"),
    (re.compile(r"[\u4e00-\u9fff]"), "zh"),
    (re.compile(r"[\u0e00-\u0e7f]"), "th"),
]

_FLAGS: Final = re.IGNORECASE | re.UNICODE


_PATTERN_REASONS: Final = {
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


class _PatternGroup:
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


def _compile_kind_patterns() -> list[tuple[str, str, int, _PatternGroup]]:
    """(kind, reason, max words, patterns) for each group of whole-line boilerplate phrasings."""
    out = []
    for name, spec in _PATTERNS["line_kinds"].items():
        kind = spec.get("kind", name)
        reason = spec.get("reason", _PATTERN_REASONS.get(kind, kind))
        out.append((kind, reason, int(spec["max_words"]), _PatternGroup(spec["patterns"])))
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
        for index, (_, _, max_words, group) in enumerate(_KIND_PATTERNS):
            if max_words < min_words:
                continue
            for pattern, needed in zip(group.plain_patterns, group.plain_needs, strict=True):
                self.kind_of[f"b{len(self.branches)}"] = index
                self.branches.append(pattern.removeprefix("^"))  # ``match`` anchors them
                needs.append(needed)
        self._prefixes = [regex.compile(b) for b in self.branches]
        self._compiled = [_factor_leading_alternation(b) for b in self.branches]
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


def _factor_leading_alternation(pattern: str) -> str:
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


def _line_start_alternation(patterns: list[str], flags: int = 0) -> re.Pattern[str]:
    """One regex for ``match`` that matches where any of the line-start patterns does, built
    to fail fast: no capturing groups (each one costs the engine a mark at every try), and
    each pattern's leading alternatives gathered by first character."""
    branches = [
        _factor_leading_alternation(_without_captures(p.removeprefix("^"))) for p in patterns
    ]
    return re.compile("|".join(f"(?:{b})" for b in branches), flags)


def _without_captures(pattern: str) -> str:
    """The pattern with every capturing group made non-capturing (none may be referred to)."""
    if _BACKREFERENCE.search(pattern):
        return pattern
    opening = {i for i, c in _unescaped(pattern) if c == "(" and pattern[i + 1 : i + 2] != "?"}
    return "".join("(?:" if i in opening else char for i, char in enumerate(pattern))


_BACKREFERENCE: Final = re.compile(r"\\[1-9]|\(\?P=")


def _holds_any(text: str, chars: str) -> bool:
    # A loop, not any(): compiled, the generator would cost more than the look-ups.
    for char in chars:  # noqa: SIM110
        if char in text:
            return True
    return False


_KIND_PATTERNS: Final = _compile_kind_patterns()
# Most kinds are short lines (menus, share bars); long lines only need the few long kinds.
SHORT_KINDS_MAX_WORDS: Final = max(m for _, _, m, _ in _KIND_PATTERNS if m <= 16)
_LINE_START_KINDS: Final = _LineStartKinds(0)
_LONG_LINE_START_KINDS: Final = _LineStartKinds(SHORT_KINDS_MAX_WORDS + 1)
# Any word or character that opens a gated pattern: lines with none skip them all.
_GATE_WORDS: Final = frozenset(
    w for _, _, _, group in _KIND_PATTERNS for words, _, _ in group.gated for w in words
)
_GATE_CHARS: Final = tuple(
    sorted({c for _, _, _, group in _KIND_PATTERNS for _, chars, _ in group.gated for c in chars})
)
_CAPTION: Final = _PatternGroup(_PATTERNS["caption_patterns"])
# Every gate word, the captions' too: one set look-up per line finds the few it holds.
_ALL_GATE_WORDS: Final = _GATE_WORDS | _CAPTION.gate_words

# A gated pattern: (kind index, pattern index, longest line in words, kind, reason, regex).
# Kind index len(_KIND_PATTERNS) is the captions, tried after every kind.
_Gated = tuple[int, int, float, str, str, re.Pattern[str]]


def _index_gated_patterns() -> tuple[dict[str, tuple[_Gated, ...]], tuple[_Gated, ...]]:
    """Gated patterns by gate word, and those gated by characters, each in the order they
    are tried: a line only tries the patterns of the gate words it holds."""
    groups = [(kind, reason, float(m), g) for kind, reason, m, g in _KIND_PATTERNS]
    groups.append(("caption", _PATTERN_REASONS["caption"], float(CAPTION_MAX_WORDS), _CAPTION))
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
_SCRIPT_PREFIX: Final = re.compile(_PATTERNS["script_prefix"], _FLAGS)
_SCRIPT_SUFFIX: Final = re.compile(_PATTERNS["script_suffix"])


@lru_cache(maxsize=1024)
def _strip_code(text: str) -> str:
    """A line without the inline script glued before or after it (``gtag(...); Title``).
    Cached: the title, header and metadata steps each ask it of the page's first line."""
    return _SCRIPT_SUFFIX.sub("", _SCRIPT_PREFIX.sub("", text)).strip()


_BARRIER: Final = _line_start_alternation(_PATTERNS["barriers"])  # on lower case
# On lower case too. Each of its phrasings is a barrier's as well (tested), so only lines
# found to be barriers, or not read as lines at all (menus), need trying it.
_COMMENTS_START: Final = _line_start_alternation(_PATTERNS["comments_start"])
_LIST_ITEM: Final = re.compile(_PATTERNS["list_item"])
_BARE_URL: Final = re.compile(_PATTERNS["bare_url"], _FLAGS)
_TITLE_SEPARATORS: Final = re.compile(_PATTERNS["title_separators"])
_DATE_PREFIX: Final = re.compile(_PATTERNS["date_prefix"], _FLAGS)

_BYLINE: Final = _PATTERNS["byline"]
_BYLINE_PREFIX: Final = re.compile(_BYLINE["prefix"], _FLAGS)
_NAME: Final = rf"{_BYLINE['name_token']}(?:\s+{_BYLINE['name_token']}){{0,4}}"
_NAMES: Final = re.compile(rf"^(?P<names>{_NAME}(?:{_BYLINE['joiners']}{_NAME}){{0,4}})")
_NAME_JOINERS: Final = re.compile(_BYLINE["joiners"], _FLAGS)
_BYLINE_ROLE: Final = re.compile(_BYLINE["role_suffix"], _FLAGS)
_BYLINE_NOISE: Final = re.compile(_BYLINE["trailing_noise"], _FLAGS)


def _wire_alias_pattern() -> tuple[str, dict[str, str]]:
    canon = {}
    for name, aliases in _PATTERNS["wire_services"].items():
        for alias in aliases:
            canon[alias.lower()] = name
    alternatives = "|".join(re.escape(a) for a in sorted(canon, key=len, reverse=True))
    return alternatives, canon


_WIRE_ALTS, _WIRE_CANON = _wire_alias_pattern()
# Compiled once: re.match(pattern_text, ...) would hash the whole pattern text at every call
# to find it in re's cache, and the agencies' alternation is long.
_WIRE_BYLINE: Final = re.compile(rf"^\s*\(?({_WIRE_ALTS})\)?\s*(?:[,|\u2013\u2014-]|$)", _FLAGS)
_POSSESSIVE: Final = re.compile(r"['\u2019]s$")
_COPYRIGHT_MARK: Final = re.compile(r"^(?:©|\(c\)|copyright)\s*", re.IGNORECASE)
# The most telling word of each agency name ("associated" of "the associated press"): a page
# without any of them names no agency.
_WIRE_WORDS: Final = frozenset(max(_WORD.findall(alias), key=len) for alias in _WIRE_CANON)
_WIRE_CREDITS: Final = [
    re.compile(t.replace("{wire}", _WIRE_ALTS), _FLAGS) for t in _PATTERNS["wire_credit_templates"]
]
# Agency names are matched case-sensitively when short ("AP", "AFP"), so "ap" in prose is not one.
_WIRE_SHORT_MAX: Final = 5
_OUTLET_TEMPLATES: Final = [re.compile(t, re.UNICODE) for t in _PATTERNS["outlet_templates"]]
_OUTLET_PREFIXES: Final = tuple(_PATTERNS["outlet_cues"]["prefixes"])
_OUTLET_VERB_PHRASES: Final = tuple(_PATTERNS["outlet_cues"]["verbs"])
_OUTLET_VERBS: Final = re.compile("|".join(re.escape(v) for v in _OUTLET_VERB_PHRASES))
_OUTLET_STOP_SUFFIXES: Final = set(_PATTERNS["outlet_stop_suffixes"])


# Labels by kind, then by reason. Both come from fixed sets, so this stays small; a plain
# dict costs a line less than functools.lru_cache.
_LABELS: Final[dict[str, dict[str | None, LineLabel]]] = {}


def _label(kind: str, reason: str | None) -> LineLabel:
    """Labels are immutable, so one instance per (kind, reason) serves every line."""
    by_reason = _LABELS.get(kind)
    if by_reason is None:
        by_reason = _LABELS[kind] = {}
    label = by_reason.get(reason)
    if label is None:
        label = by_reason[reason] = LineLabel(kind=kind, reason=reason)  # type: ignore[arg-type]
    return label


# ---------------------------------------------------------------------------- language


@cache
def _stoplist_index() -> dict[str, tuple[str, ...]]:
    """Function word -> the ISO codes of the languages that use it (from jusText's stoplists)."""
    import justext  # a dependency of trafilatura; imported lazily, it is only needed here

    index: dict[str, list[str]] = {}
    for name, code in _LANGUAGES.items():
        try:
            words = justext.get_stoplist(name)
        except (ValueError, KeyError, OSError):
            continue
        # The stoplists come from Wikipedia and carry English words into languages of other
        # scripts (Marathi, Korean, ...): keep only words in the list's main script.
        ascii_share = sum(w.isascii() for w in words) / (len(words) or 1)
        words = [w.lower() for w in words if _WORD.fullmatch(w)]
        for word in words:
            if ascii_share >= 0.5 or not word.isascii():
                index.setdefault(word, []).append(code)
    return {w: tuple(codes) for w, codes in index.items()}


@cache
def _stoplist_scanner() -> LineScanner:
    """A word scan whose gate words are the function words of every language."""
    return lexicon((), _stoplist_index())


@lru_cache(maxsize=128)
def stopwords_for(language: str) -> frozenset[str]:
    """The function words of a language (ISO 639-1), empty when it has no stoplist."""
    return frozenset(w for w, codes in _stoplist_index().items() if language in codes)


class _Page:
    """A page's lines as given, stripped, and stripped and lower-cased: made once per page,
    shared by the language vote, the line features and the metadata."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.stripped = [raw.strip() for raw in lines]  # also removes non-breaking spaces
        # Line by line: str.lower() has a fast path for ASCII text, which most lines are even
        # on pages with a curly quote somewhere (a whole page would go the slow way).
        self.lowered = [text.lower() for text in self.stripped]


def detect_language(lines: list[str]) -> str:
    """ISO 639-1 code of the page's language: by script for CJK and Thai, else by function words.

    Looks at the longest lines only (prose, not menus), so it is cheap and boilerplate in
    another language (English share bars on a German page) does not sway it.
    """
    return _page_language(_Page(lines))


def _page_language(page: _Page) -> str:
    lines = page.lines
    sample_rows = _longest_rows([len(line) for line in lines], LANGUAGE_SAMPLE_LINES)
    sample = " ".join([lines[i] for i in sample_rows])
    letters = len(sample) - sample.count(" ") or 1
    # One scan finds whether the sample has any letter of those scripts at all (most don't).
    if _holds_script_letter(sample):
        for pattern, code in _LETTER_SCRIPT_LANG:
            if len(pattern.findall(sample)) > 0.3 * letters:
                return code
    # Lower-cased line by line: a space ends any casing context (the Greek final sigma) just
    # as it does in the joined text, and stripping them drops no word.
    lower = " ".join([page.lowered[i] for i in sample_rows])
    words, english, _, _ = _scanner(stopwords_for("en")).scan(lower, LANGUAGE_SAMPLE_TOKENS)
    # Most pages are English: a high share of English function words settles it at once.
    if not words or english >= ENGLISH_FAST_SHARE * words:
        return "en"
    index = _stoplist_index()
    # How often the sample uses each function word of any language, in order of first use.
    _, _, _, counts = _stoplist_scanner().scan(lower, LANGUAGE_SAMPLE_TOKENS, True)
    votes: defaultdict[str, float] = defaultdict(float)
    hits = 0
    for token, count in counts.items():
        codes = index[token]
        hits += count
        # A word shared by many stoplists says little; one that few languages use says a lot.
        for code in codes:
            votes[code] += count / len(codes)
    if not votes:
        return "en"
    code, score = max(votes.items(), key=itemgetter(1))  # the first of any tie, as most_common
    if hits < LANGUAGE_MIN_SHARE * words:
        return "en"
    # Wikipedia-made stoplists of many languages contain English words: English wins unless
    # another language clearly beats it.
    return code if score > LANGUAGE_OVER_ENGLISH * votes.get("en", 0.0) else "en"


def _longest_rows(lengths: list[int], count: int) -> list[int]:
    """Indexes of the ``count`` largest lengths, largest first and earlier first among equals:
    ``sorted(range(len(lengths)), key=lengths.__getitem__, reverse=True)[:count]`` without
    sorting them all (most lines fall short of the kept ones at the first comparison)."""
    kept: list[int] = []
    if count <= 0:
        return kept
    floor = -1  # the shortest kept length, once ``count`` are kept
    for i, length in enumerate(lengths):
        if length <= floor:
            continue  # a tie goes to the earlier line
        at = len(kept)
        while at > 0 and lengths[kept[at - 1]] < length:
            at -= 1
        kept.insert(at, i)
        if len(kept) > count:
            kept.pop()
        if len(kept) == count:
            floor = lengths[kept[-1]]
    return kept


# ---------------------------------------------------------------------------- line features


@dataclass(slots=True)
class _Line:
    text: str  # stripped
    words: float  # word count, CJK characters counted by CJK_CHARS_PER_WORD
    stop_share: float  # share of tokens that are function words (-1 when unknown)
    ends_sentence: bool
    pattern_kind: str | None  # boilerplate kind by phrasing, if any
    pattern_reason: str | None
    block: int  # index of its run of consecutive non-blank lines
    blank: bool
    lone: bool = False  # alone between blank lines (a paragraph or heading, not a list item)
    barrier: bool = False  # opens the comments, related links or footer: the body stops here
    menu_block: bool = False  # its block is 3+ short lines, none reading as prose
    norm: str = ""  # lower-cased words joined by single spaces, to compare lines

    # Written out: compiled, an explicit __init__ is a C call, while the one @dataclass
    # generates stays interpreted Python (about 4% of cleaning, one per line).
    def __init__(
        self,
        text: str,
        words: float,
        stop_share: float,
        ends_sentence: bool,
        pattern_kind: str | None,
        pattern_reason: str | None,
        block: int,
        blank: bool,
        lone: bool = False,
        barrier: bool = False,
        menu_block: bool = False,
        norm: str = "",
    ) -> None:
        self.text = text
        self.words = words
        self.stop_share = stop_share
        self.ends_sentence = ends_sentence
        self.pattern_kind = pattern_kind
        self.pattern_reason = pattern_reason
        self.block = block
        self.blank = blank
        self.lone = lone
        self.barrier = barrier
        self.menu_block = menu_block
        self.norm = norm


_BLANK_LINE: Final = _Line("", 0.0, -1.0, False, None, None, -1, True)


def _word_count(text: str, tokens: int) -> float:
    """Words of a line of ``tokens`` words, each CJK character counting CJK_CHARS_PER_WORD."""
    cjk = len(_CJK.findall(text)) if not text.isascii() else 0
    if cjk:
        return tokens + cjk / CJK_CHARS_PER_WORD
    return float(tokens)


def _pattern_kind(
    text: str, words: float, gate_hits: tuple[str, ...], gate_chars: bool = True
) -> tuple[str | None, str | None]:
    """The boilerplate kind a line's phrasing gives away, and the reason, or (None, None):
    the first kind, in the data file's order, with a line-start phrasing that matches and a
    word limit the line keeps; else the first with such a gated phrasing; else a caption.

    ``gate_hits`` are the gate words the line holds (its words in _ALL_GATE_WORDS);
    ``gate_chars`` False says the page holds none of the gated patterns' characters."""
    starts = _LINE_START_KINDS if words <= SHORT_KINDS_MAX_WORDS else _LONG_LINE_START_KINDS
    line_start = starts.regex_for(text)
    match = line_start.match(text) if line_start is not None else None
    if match is not None:
        kind, reason, max_words, _ = _KIND_PATTERNS[starts.kind_of[match.lastgroup]]  # type: ignore[index]
        if words <= max_words:
            return kind, reason
        # Too long for the first kind that matched: try the others one by one.
        for kind, reason, max_words, patterns in _KIND_PATTERNS:
            if words <= max_words and patterns.search_plain(text):
                return kind, reason
    has_gate_char = gate_chars and _GATE_CHAR is not None and _GATE_CHAR.search(text) is not None
    if not gate_hits and not has_gate_char:  # most lines: no gated pattern to try
        if words <= CAPTION_MAX_WORDS and _CAPTION.search_plain(text):
            return "caption", _PATTERN_REASONS["caption"]
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
                if words <= CAPTION_MAX_WORDS and _CAPTION.search_plain(text):
                    return kind, reason
                caption_plain_tried = True
            if words <= gated_max_words and pattern.search(text):
                return kind, reason
        if caption_plain_tried:
            return None, None
    if words <= CAPTION_MAX_WORDS and _CAPTION.search_plain(text):
        return "caption", _PATTERN_REASONS["caption"]
    return None, None


_CAPTION_INDEX: Final = len(_KIND_PATTERNS)


def _gated_order(entry: _Gated) -> tuple[int, int]:
    return entry[0], entry[1]


@cache
def _gate_chars_of(entry: _Gated) -> tuple[str, ...]:
    k, p = entry[0], entry[1]
    group = _CAPTION if k == _CAPTION_INDEX else _KIND_PATTERNS[k][3]
    return group.gated[p][1]


# Any character that opens a gated pattern, in one regex: one scan of a line or a page.
_ALL_GATE_CHARS: Final = sorted(set(_GATE_CHARS) | set(_CAPTION.gate_chars))
_GATE_CHAR: Final = (
    re.compile("|".join(map(re.escape, _ALL_GATE_CHARS))) if _ALL_GATE_CHARS else None
)


def _has_gate_char(text: str) -> bool:
    return _GATE_CHAR is not None and _GATE_CHAR.search(text) is not None


def _features(page: _Page, stopwords: frozenset[str]) -> list[_Line]:
    stripped = page.stripped
    lowered = page.lowered
    menu_lines = _menu_block_lines(stripped)
    # Page-wide looks that spare most lines a test: CJK characters to count, gate characters.
    text = "\n".join(lowered)
    cjk = _holds_cjk(text)
    gate_chars = _has_gate_char(text)
    readings = _readings_for(stopwords)
    scanner = _scanner(stopwords)
    out: list[_Line] = []
    append = out.append
    block = -1
    block_start = 0  # index of the current block's first line in ``out``
    previous_blank = True
    for i, text in enumerate(stripped):
        if not text:
            if not previous_blank and i - block_start == 1:
                out[block_start].lone = True
            append(_BLANK_LINE)
            previous_blank = True
            continue
        if previous_blank:
            block += 1
            block_start = i
        previous_blank = False
        if i in menu_lines:
            # A run of short lines is a menu whatever its words say: skip the phrasing tests.
            line = _Line(text, float(len(text.split())), -1.0, False, None, None, block, False)
            line.menu_block = True
            line.norm = scanner.scan(lowered[i])[2]
            append(line)
            continue
        lower = lowered[i]
        known = readings.get(lower)
        if known is None:
            if len(readings) >= PHRASING_CACHE_LINES:
                readings.clear()
            known = readings[lower] = _line_reading(
                lower, scanner, bool(stopwords), cjk, gate_chars
            )
        words, stop_share, kind, reason, barrier, norm = known
        append(
            _Line(
                text,
                words,
                stop_share,
                text[-1] in SENTENCE_END,
                kind,
                reason,
                block,
                False,
                False,
                barrier,
                False,
                norm,
            )
        )
    if not previous_blank and len(stripped) - block_start == 1:
        out[block_start].lone = True
    return out


# A menu line has fewer words than this.
MENU_LINE_WORDS: Final = SENTENCE_MIN_WORDS * 2


def _fewer_words(text: str, limit: int) -> bool:
    """len(text.split()) < limit, without splitting a long line all the way."""
    if len(text) < 2 * limit - 1:  # too short to hold ``limit`` words and the spaces between
        return True
    return len(text.split(maxsplit=limit - 1)) < limit


def _menu_block_lines(stripped: list[str]) -> set[int]:
    """Indexes of lines in blocks of 3+ consecutive short lines none of which reads as prose
    (ends with a full stop or is long) and which no sentence ending in ":" introduces."""
    out: set[int] = set()
    start = 0
    n = len(stripped)
    while start < n:
        if not stripped[start]:
            start += 1
            continue
        end = start
        while end < n and stripped[end]:
            end += 1
        block = stripped[start:end]
        before = stripped[start - 2] if start >= 2 and not stripped[start - 1] else ""
        if (
            len(block) >= MENU_BLOCK_MIN_LINES
            and not (before.endswith(":") and len(before.split()) >= SENTENCE_MIN_WORDS)
            and all(not t.endswith((".", ":")) and _fewer_words(t, MENU_LINE_WORDS) for t in block)
        ):
            out.update(range(start, end))
        start = end
    return out


_LineReading = tuple[float, float, str | None, str | None, bool, str]


# Line readings by the page's function words, then by lower-cased line: menus, footers and
# promos repeat within a page and across a site's pages. A plain dict, emptied when full,
# costs a line less than functools.lru_cache's bookkeeping.
_READINGS: Final[dict[frozenset[str], dict[str, _LineReading]]] = {}


def _readings_for(stopwords: frozenset[str]) -> dict[str, _LineReading]:
    """The cached readings for a page of these function words; all are forgotten once the
    languages seen hold PHRASING_CACHE_LINES between them (memory stays bounded)."""
    if sum(map(len, _READINGS.values())) >= PHRASING_CACHE_LINES:
        _READINGS.clear()
    readings = _READINGS.get(stopwords)
    if readings is None:
        readings = _READINGS[stopwords] = {}
    return readings


def _line_reading(
    lower: str,
    scanner: LineScanner,
    has_stoplist: bool,
    cjk: bool = True,
    gate_chars: bool = True,
) -> _LineReading:
    """What a lower-cased line says by itself: (words, share of function words or -1, kind,
    reason, barrier, norm), with the scanner of the page's function words (``has_stoplist``
    False: the language has none). ``cjk`` and ``gate_chars`` False say the page holds no CJK
    character and none of the gated patterns' characters (the answer is the same, sooner),
    so the answer depends on the line and the function words only."""
    tokens, function_words, norm, gate_hits = scanner.scan(lower)
    words = _word_count(lower, tokens) if cjk else float(tokens)
    kind, reason = _pattern_kind(lower, words, gate_hits, gate_chars)
    barrier = words <= BARRIER_MAX_WORDS and _BARRIER.match(lower) is not None
    if barrier and kind is None:
        kind, reason = "related", "opens comments or related links"
    stop_share = function_words / tokens if has_stoplist and tokens else -1.0
    return words, stop_share, kind, reason, barrier, norm


@lru_cache(maxsize=128)
def _scanner(stopwords: frozenset[str]) -> LineScanner:
    """The word scan for a page of these function words (one per language)."""
    return lexicon(stopwords, _ALL_GATE_WORDS)


def _prose_weight(line: _Line) -> float:
    """How much a line looks like running text: positive for prose, negative for the rest.

    Paragraphs of an article end like sentences; teasers, headlines and link lists mostly
    don't, however long they are.
    """
    if line.barrier:
        return -BARRIER_PENALTY
    if line.pattern_reason == AD_SLOT_REASON:
        # Ad slots ("Advertisement", "Story continues below") sit inside articles.
        return -AD_SLOT_PENALTY
    if line.pattern_kind is not None:
        return -BOILERPLATE_LINE_PENALTY
    known = line.stop_share >= 0
    if known and line.words >= SENTENCE_MIN_WORDS and line.stop_share < LIST_STOPWORD_SHARE:
        return -SHORT_LINE_PENALTY
    if line.ends_sentence:
        if line.words >= LONG_LINE_WORDS:
            return line.words
        if line.words >= SENTENCE_MIN_WORDS:
            return line.words * MEDIUM_SENTENCE_FACTOR
    elif line.words >= LONG_LINE_WORDS:
        return line.words * UNPUNCTUATED_LONG_FACTOR
    return -SHORT_LINE_PENALTY


def _without_comments(
    feats: list[_Line], positions: list[int], weights: list[float], lowered: list[str]
) -> list[float]:
    """Weights with everything from the comments heading on made unusable: reader comments
    are prose too, but they come after the article. ``lowered``: the lines lower-cased."""
    # The first line with enough prose weight before it.
    first = len(weights)
    seen = 0.0
    for k, weight in enumerate(weights):
        if seen >= PROSE_BEFORE_COMMENTS:
            first = k
            break
        if weight > 0:
            seen += weight
    for k in range(first, len(positions)):
        i = positions[k]
        f = feats[i]
        if not (f.barrier or f.menu_block) or f.words > BARRIER_MAX_WORDS:
            continue
        if _COMMENTS_START.match(lowered[i]):
            return weights[:k] + [-BARRIER_PENALTY] * (len(weights) - k)
    return weights


def _best_run(weights: list[float], lo: int, hi: int) -> tuple[int, int, float]:
    """The [start, end) range of weights[lo:hi] with the largest sum (Kadane)."""
    best = (lo, lo, 0.0)
    start, total = lo, 0.0
    for i in range(lo, hi):
        if total <= 0:
            start, total = i, 0.0
        total += weights[i]
        if total > best[2]:
            best = (start, i + 1, total)
    return best


def _body_runs(
    weights: list[float], barriers: list[bool], headline: int | None
) -> list[tuple[int, int]]:
    """The main run of prose, plus runs almost as heavy on either side of it that no barrier
    (comments, related links) separates from it.

    Positions are indexes into ``weights``. When the page shows its headline, a run right
    under it is the article even if a heavier run (a legal footer, a comment thread) lies
    past a barrier further down.
    """
    main_start, main_end, main_total = _best_run(weights, 0, len(weights))
    if main_total <= 0:
        return []
    if headline is not None and headline + 1 < main_start:
        start, end, total = _best_run(weights, headline + 1, main_start)
        in_footer = main_start >= FOOTER_START_SHARE * len(weights)
        if total >= HEADLINE_RUN_SHARE * main_total and in_footer and any(barriers[end:main_start]):
            main_start, main_end, main_total = start, end, total
    runs = [(main_start, main_end)]
    for lo, hi in ((0, main_start), (main_end, len(weights))):
        start, end, total = _best_run(weights, lo, hi)
        between = barriers[end:main_start] if end <= main_start else barriers[main_end:start]
        # An inline box of related links (a barrier and a few links) may sit between two
        # runs of one article; a barrier followed by a long stretch of other text may not.
        crossable = not any(between) or len(between) <= INLINE_BOX_MAX_LINES
        if total >= SECONDARY_RUN_SHARE * main_total and crossable:
            runs.append((start, end))
    return sorted(runs)


def _headline_position(feats: list[_Line], positions: list[int]) -> int | None:
    """Index (into positions) of the headline shown on the page: the first later line that
    repeats the start of the page's first line (its <title>), in the page's first half."""
    if len(positions) < 2:
        return None
    first = _normalised(_strip_code(feats[positions[0]].text))
    for k in range(1, len(positions) // 2):
        f = feats[positions[k]]
        if HEADLINE_MIN_WORDS <= f.words <= TITLE_MAX_WORDS and f.pattern_kind is None:
            norm = f.norm
            if _repeats_title(first, norm):
                return k
    return None


# ---------------------------------------------------------------------------- classifier


@lru_cache(maxsize=1024)
def _normalised(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def classify_lines(lines: list[str], language: str = "en") -> list[LineLabel]:
    """One label per line: body, or the boilerplate kind with the reason it was dropped."""
    return _classify(_Page(lines), language)


def _classify(page: _Page, language: str) -> list[LineLabel]:
    lines = page.lines
    stopwords = stopwords_for(language)
    feats = _features(page, stopwords)
    positions = [i for i, f in enumerate(feats) if not f.blank]
    weights = [_prose_weight(feats[i]) for i in positions]
    weights = _without_comments(feats, positions, weights, page.lowered)
    barriers = [feats[i].barrier for i in positions]
    headline = _headline_position(feats, positions)
    runs = [(positions[s], positions[e - 1]) for s, e in _body_runs(weights, barriers, headline)]
    runs = _extend_runs_over_their_blocks(feats, runs)
    runs = _extend_over_introduced_lists(feats, runs)
    runs = _extend_over_lone_lines(feats, runs)
    runs = _trim_leading_header_block(feats, runs)
    in_body = [False] * len(lines)
    for first, last in runs:
        for i in range(first, last + 1):
            in_body[i] = True
    header = _header_lines(feats, in_body, stopwords)
    repeats = _repeated_lines(feats, in_body)
    labels: list[LineLabel] = []
    blank = _blank()
    for i, f in enumerate(feats):
        if f.blank:
            labels.append(blank)
        elif i in header:
            labels.append(header[i])
        elif f.pattern_kind is not None:
            labels.append(_label(f.pattern_kind, f.pattern_reason))
        elif i in repeats:
            labels.append(repeats[i])
        elif in_body[i]:
            labels.append(_inside_label(feats, i))
        else:
            labels.append(_outside_label(feats, i, runs))
    return labels


def _trim_leading_header_block(
    feats: list[_Line], runs: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Drop the block of header lines (standfirst, byline, captions) the main run starts with.

    On pages whose paragraphs stand alone between blank lines, the body starts at the first
    lone paragraph; a block of consecutive lines just before it that mixes short and long
    lines is the header under the title, not text.
    """
    if not runs:
        return runs
    first, last = runs[0]
    block = feats[first].block
    near = range(max(0, first - HEADER_SEARCH_LINES), last + 1)
    members = [i for i in near if feats[i].block == block]
    if len(members) < 2 or members[-1] >= last:
        return runs
    has_short = any(feats[i].words < SENTENCE_MIN_WORDS for i in members)
    lone_after = sum(
        1
        for i in range(members[-1] + 1, last + 1)
        if feats[i].lone and feats[i].words >= SENTENCE_MIN_WORDS
    )
    if not has_short or lone_after < 2:
        return runs
    new_first = next((i for i in range(members[-1] + 1, last + 1) if not feats[i].blank), None)
    if new_first is None:
        return runs
    return [(new_first, last), *runs[1:]]


def _extend_runs_over_their_blocks(
    feats: list[_Line], runs: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """A run that starts or ends inside a block of long lines takes in the rest of the block:
    paragraphs written as one block (div or br separated) belong together."""
    out = []
    for first, last in runs:
        while first > 0 and _same_block_prose(feats, first - 1, first):
            first -= 1
        while last + 1 < len(feats) and _same_block_prose(feats, last + 1, last):
            last += 1
        out.append((first, last))
    return out


def _introduces_list(f: _Line) -> bool:
    return f.text.endswith(":") and f.words >= SENTENCE_MIN_WORDS and f.pattern_kind is None


def _extend_over_introduced_lists(
    feats: list[_Line], runs: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """A run ending on "...these are the offers:" goes on over the list it introduces."""
    out = []
    for first, last in runs:
        if _introduces_list(feats[last]):
            last = _list_end(feats, last)
        out.append((first, last))
    return out


def _extend_over_lone_lines(
    feats: list[_Line], runs: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Short paragraphs and headings right after the run, each alone between blank lines
    (how a p or h element is saved), continue the article until boilerplate interrupts."""
    out = []
    for first, last in runs:
        i = last + 1
        while i < len(feats):
            f = feats[i]
            if f.blank:
                i += 1
                continue
            if not f.lone or f.pattern_kind is not None or f.barrier or _shouted(f):
                break
            last = i
            i += 1
        out.append((first, last))
    return out


def _shouted(f: _Line) -> bool:
    """An all-capitals line of several words: a promo or a link to another story."""
    return f.words >= SHOUTED_MIN_WORDS and f.text.isupper()


def _list_end(feats: list[_Line], last: int) -> int:
    i = last + 1
    while i < len(feats):
        block_start = next((j for j in range(i, len(feats)) if not feats[j].blank), None)
        if block_start is None or block_start - i > 1:
            break
        j = block_start
        while j < len(feats) and not feats[j].blank:
            j += 1
        block = feats[block_start:j]
        if not all(_is_list_line(f) for f in block):
            break
        last, i = j - 1, j
    return last


def _is_list_line(f: _Line) -> bool:
    if f.barrier or (f.pattern_kind is not None and f.pattern_kind != "navigation"):
        return False
    return bool(
        _LIST_ITEM.match(f.text) or _BARE_URL.match(f.text) or f.words >= SENTENCE_MIN_WORDS
    )


def _same_block_prose(feats: list[_Line], i: int, neighbour: int) -> bool:
    f = feats[i]
    return (
        not f.blank
        and f.block == feats[neighbour].block
        and f.pattern_kind is None
        and f.words >= SENTENCE_MIN_WORDS
    )


# Two consecutive lines that open with this many identical words are two versions of one
# caption (the photo's alt text, then the caption under it).
CAPTION_TWIN_PREFIX_WORDS: Final = 6
CAPTION_TWIN_MIN_WORDS: Final = 4
# The shortest text of CAPTION_TWIN_MIN_WORDS words: one character each, single spaces between.
TWIN_PREFIX_CHARS: Final = 2 * CAPTION_TWIN_MIN_WORDS - 1
# A pull quote is a body sentence repeated in large type: at least this many words.
PULLQUOTE_MIN_WORDS: Final = 6
PULLQUOTE_MAX_WORDS: Final = 60
ATTRIBUTION_MAX_WORDS: Final = 10
_ATTRIBUTION: Final = re.compile(r"^[\u2013\u2014\u2015-]{1,2}\s*\S")


def _repeated_lines(feats: list[_Line], in_body: list[bool]) -> dict[int, LineLabel]:
    """Lines that repeat another: caption twins, pull quotes, a title or promo shown twice."""
    out: dict[int, LineLabel] = {}
    norms = {i: f.norm for i, f in enumerate(feats) if not f.blank and f.words >= 3}
    _mark_caption_twins(feats, norms, out)
    _mark_pull_quotes(feats, norms, in_body, out)
    seen: dict[str, int] = {}
    for i, norm in norms.items():
        if i in out:
            continue
        if norm in seen and not (in_body[i] and not in_body[seen[norm]]):
            out[i] = _label("other", "repeats an earlier line")
        elif norm in seen:
            earlier = seen[norm]
            out.setdefault(earlier, _label("other", "repeated later in the text"))
        else:
            seen[norm] = i
    return out


def _mark_caption_twins(
    feats: list[_Line], norms: dict[int, str], out: dict[int, LineLabel]
) -> None:
    for i, norm in norms.items():
        j = i + 1
        if j not in norms or feats[j].block != feats[i].block:
            continue
        # Four shared words are at least seven shared characters: most pairs fail here.
        if norm[:TWIN_PREFIX_CHARS] != norms[j][:TWIN_PREFIX_CHARS]:
            continue
        # Only the first words count: splitting off one more keeps each list's length capped
        # above the prefix (or exact when shorter), so the prefix length below is unchanged.
        a = norm.split(maxsplit=CAPTION_TWIN_PREFIX_WORDS)
        b = norms[j].split(maxsplit=CAPTION_TWIN_PREFIX_WORDS)
        n = min(CAPTION_TWIN_PREFIX_WORDS, len(a), len(b))
        if n >= CAPTION_TWIN_MIN_WORDS and a[:n] == b[:n]:
            reason = "caption shown twice (image text and caption)"
            out[i] = _label("caption", reason)
            out[j] = _label("caption", reason)


def _mark_pull_quotes(
    feats: list[_Line], norms: dict[int, str], in_body: list[bool], out: dict[int, LineLabel]
) -> None:
    body = [i for i in norms if in_body[i] and i not in out]
    if len(body) < 3:
        return
    texts = [norms[i] for i in body]
    joined = "\n" + "\n".join(texts) + "\n"
    for i, norm in zip(body, texts, strict=True):
        f = feats[i]
        if not PULLQUOTE_MIN_WORDS <= f.words <= PULLQUOTE_MAX_WORDS:
            continue
        if joined.count(norm) < 2:
            continue
        attribution = _next_nonblank(feats, i)
        has_attribution = (
            attribution is not None
            and feats[attribution].words <= ATTRIBUTION_MAX_WORDS
            and _ATTRIBUTION.match(feats[attribution].text) is not None
        )
        if has_attribution or f.text[0] in "'\u2018" or _inside_a_longer(norm, texts):
            out[i] = _label("pullquote", "pull quote repeating a body sentence")
            if has_attribution and attribution is not None:
                out[attribution] = _label("pullquote", "pull quote attribution")


def _inside_a_longer(norm: str, texts: list[str]) -> bool:
    """Whether a text holds ``norm`` and more (a loop: compiled, it beats any())."""
    for text in texts:  # noqa: SIM110
        if norm in text and norm != text:
            return True
    return False


def _next_nonblank(feats: list[_Line], i: int) -> int | None:
    return next((j for j in range(i + 1, len(feats)) if not feats[j].blank), None)


def _inside_label(feats: list[_Line], i: int) -> LineLabel:
    f = feats[i]
    if f.menu_block:
        return _label("navigation", "menu-like run of short lines")
    if _shouted(f) and not f.ends_sentence:
        return _label("related", "all-capitals promo or link to another story")
    if f.words >= LONG_LINE_WORDS or f.ends_sentence:
        return _label("body", "prose in the main run of text")
    return _label("body", "short line inside the main run of text")


def _outside_label(feats: list[_Line], i: int, runs: list[tuple[int, int]]) -> LineLabel:
    f = feats[i]
    before_body = not runs or i < runs[0][0]
    if f.menu_block:
        return _label("navigation", "menu-like run of short lines")
    if f.words >= LONG_LINE_WORDS:
        where = "before" if before_body else "after"
        return _label("other", f"prose {where} the main run of text")
    if before_body:
        return _label("other", "short line before the main run of text")
    return _label("related", "short line after the main run of text")


def _header_lines(
    feats: list[_Line], in_body: list[bool], stopwords: frozenset[str]
) -> dict[int, LineLabel]:
    """Title, standfirst, byline and dateline lines at the top of the page."""
    header = _find_header(feats, in_body, stopwords)
    out: dict[int, LineLabel] = {}
    for kind, indexes in header.items():
        for index in indexes:
            out[index] = _label(kind, _HEADER_REASONS[kind])  # type: ignore[arg-type]
    for index in header.title:
        if _SCRIPT_PREFIX.match(feats[index].text):
            out[index] = _label("script", "inline script before the page title")
    start = _first_body(in_body)
    header_lines = [i for _, indexes in header.items() for i in indexes]
    if not header_lines:
        return out
    # Long lines in the header's blocks, or in the block right before the body, are image text.
    blocks = {feats[i].block for i in header_lines}
    before_body = [i for i in range(max(header_lines) + 1, start) if not feats[i].blank]
    if before_body:
        blocks.add(feats[before_body[-1]].block)
    for index in range(min(header_lines) + 1, start):
        f = feats[index]
        if (
            index not in out
            and f.block in blocks
            and f.pattern_kind is None
            and f.words >= SENTENCE_MIN_WORDS
            and not f.lone
        ):
            out[index] = _label("caption", "image text in the header block")
    return out


_HEADER_REASONS: Final = {
    "title": "page title",
    "standfirst": "standfirst under the title",
    "byline": "author byline",
    "dateline": "publication date line",
}


@dataclass(slots=True)
class _Header:
    title: list[int]
    standfirst: list[int]
    byline: list[int]
    dateline: list[int]

    def items(self) -> list[tuple[str, list[int]]]:
        return [
            ("title", self.title),
            ("standfirst", self.standfirst),
            ("byline", self.byline),
            ("dateline", self.dateline),
        ]


def _first_body(in_body: list[bool]) -> int:
    return next((i for i, b in enumerate(in_body) if b), len(in_body))


def _is_byline(text: str, stopwords: frozenset[str]) -> bool:
    return parse_byline(text, stopwords) is not None or _wire_byline([text]) is not None


def _is_dateline(text: str) -> bool:
    if _DATE_PREFIX.match(text):
        return True
    return len(text.split()) <= DATELINE_MAX_WORDS and _date_atom(text) is not None


def _find_header(feats: list[_Line], in_body: list[bool], stopwords: frozenset[str]) -> _Header:
    """Title copies, then byline, dateline and standfirst in the few lines between the
    headline and the body (menus above the headline hold none of them)."""
    header = _Header([], [], [], [])
    start = _first_body(in_body)
    before = [i for i in range(start) if not feats[i].blank]
    title = _find_title(feats, before)
    if title is None:
        return header
    title_norm = feats[title].norm
    header.title = [i for i in before if feats[i].norm == title_norm]
    if before[0] not in header.title and _first_line_holds_title(feats[before[0]].text, title_norm):
        header.title.insert(0, before[0])
    zone = [i for i in before if i > header.title[-1]][:HEADER_ZONE_LINES]
    for i in zone:
        f = feats[i]
        if f.pattern_kind not in (None, "caption") or f.menu_block:
            continue
        if not header.byline and _is_byline(f.text, stopwords):
            header.byline.append(i)
        elif _is_dateline(f.text):
            header.dateline.append(i)
    # The standfirst is the first other line under the headline, or the line between the
    # <title> and a headline repeated just below it.
    taken = set(header.title) | set(header.byline) | set(header.dateline)
    under = [i for i in zone if i not in taken][:1]
    between = [i for i in before if header.title[0] < i < header.title[-1] and i not in taken]
    for candidate in under + between[:1]:
        if _is_standfirst(feats[candidate]):
            header.standfirst.append(candidate)
            break
    return header


def _repeats_title(title_norm: str, norm: str) -> bool:
    """A (normalised) line is the headline of a (normalised) <title> line: its start, or one
    of its parts ("Opinion | Headline - Site")."""
    if not norm:
        return False
    if title_norm.startswith(norm):
        return True
    # Normalised text is words joined by single spaces: its spaces count its words.
    return norm.count(" ") + 1 >= HEADLINE_MIN_WORDS and f" {norm} " in f" {title_norm} "


def _first_line_holds_title(first: str, title_norm: str) -> bool:
    """The page's first line is its <title>: the headline, maybe with the site name."""
    norm = _normalised(_strip_code(first))
    return _repeats_title(norm, title_norm)


def _is_standfirst(f: _Line) -> bool:
    return (
        STANDFIRST_MIN_WORDS <= f.words <= STANDFIRST_MAX_WORDS
        and f.pattern_kind is None
        and not f.menu_block
        and _BYLINE_PREFIX.match(f.text) is None
        and not _CAPTION.search(f.text.lower(), set(_WORD.findall(f.text.lower())))
    )


def _title_parts(text: str) -> list[str]:
    text = _strip_code(text)
    return [p.strip() for p in _TITLE_SEPARATORS.split(text) if p.strip()]


def _find_title(feats: list[_Line], before: list[int]) -> int | None:
    """The headline: the line closest above the body that repeats (the start of) the page's
    first line, its <title>; else the first line that reads like a headline."""
    if not before:
        return None
    first_norm = _normalised(_strip_code(feats[before[0]].text))
    for i in reversed(before[1:][-HEADER_SEARCH_LINES:]):
        norm = feats[i].norm
        if " " in norm and _repeats_title(first_norm, norm):  # two words or more
            return i
    for i in before[:HEADER_SEARCH_LINES]:
        f = feats[i]
        if f.pattern_kind in (None, "script") and 2 <= f.words <= TITLE_MAX_WORDS:
            return i
    return None


# ---------------------------------------------------------------------------- metadata


def parse_byline(text: str, stopwords: frozenset[str] = frozenset()) -> str | None:
    """Author names of a byline line ("By Jane Doe and John Roe", "Jane Doe Avatar"), or None.

    A name has two words or more; a bare line (no "By") counts only when none of its words is
    a common word of the page's language (``stopwords``), so "Black Friday" is no author.
    """
    text = _strip_code(text)
    if len(text.split()) > BYLINE_MAX_WORDS:
        return None
    prefixed = _BYLINE_PREFIX.match(text)
    rest = text[prefixed.end() :] if prefixed else text
    rest = _BYLINE_NOISE.sub("", _BYLINE_ROLE.sub("", rest)).strip(" ,|")
    match = _NAMES.match(rest)
    if not match:
        return None
    names = match.group("names").strip(" ,")
    remainder = rest[match.end() :].strip(" ,|\u2013\u2014-")
    people = [p.strip() for p in _NAME_JOINERS.split(names) if len(p.split()) >= 2]
    if not people:
        return None
    if prefixed:
        if remainder and len(remainder.split()) > BYLINE_REMAINDER_WORDS:
            return None
    else:
        tokens = names.split()
        if remainder or not 2 <= len(tokens) <= 4 or not all(t[0].isupper() for t in tokens):
            return None
        if any(t.lower() in stopwords for t in tokens):
            return None
    return names if len(people) == len(_NAME_JOINERS.split(names)) else ", ".join(people)


def detect_wire_service(lines: list[str]) -> str | None:
    """The agency credited for the copy, from credit lines ("Source: Reuters", "(AFP)", ...)."""
    page = _Page(lines)
    return _wire_service(page.stripped, page.lowered)


def _wire_service(stripped: list[str], lowered: list[str]) -> str | None:
    """detect_wire_service of lines given stripped, and stripped and lower-cased."""
    # One look at the page's words first: most pages name no agency at all.
    scanner = _wire_scanner()
    named = scanner.scan("\n".join(lowered))[3]
    if not named:
        return None
    for text, lower in zip(stripped, lowered, strict=True):
        if not text or len(text) > 400:
            continue
        if not scanner.scan(lower)[3]:
            continue
        for pattern in _WIRE_CREDITS:
            match = pattern.search(text)
            if match and _wire_case_ok(match.group("wire")):
                return _WIRE_CANON[match.group("wire").lower()]
    return None


@cache
def _wire_scanner() -> LineScanner:
    """A word scan whose gate words are the agencies' telling words."""
    return lexicon((), _WIRE_WORDS)


def _wire_case_ok(found: str) -> bool:
    # Short agency names are acronyms: "AP"/"AFP" count, "ap"/"Ap" (words, initials) do not.
    return len(found) > _WIRE_SHORT_MAX or found.isupper() or found.lower() == "reuters"


def detect_outlet(lines: list[str], title_line: str | None = None) -> str | None:
    """The publisher, from the page's own branding: the page title's suffix ("Headline - The
    Outlet"), "Subscribe to X", "X is a ... publication", "© 2024 X", "The latest on X"."""
    page = _Page(lines)
    return _outlet(page.stripped, page.lowered, title_line)


def _outlet(stripped: list[str], lowered: list[str], title_line: str | None) -> str | None:
    """detect_outlet of lines given stripped, and stripped and lower-cased."""
    candidates: Counter[str] = Counter()
    for i in _outlet_cue_rows(stripped, lowered):
        text = stripped[i]
        if len(text) > OUTLET_LINE_MAX_CHARS:
            continue
        for pattern in _OUTLET_TEMPLATES:
            match = pattern.match(text)  # every template is anchored at the line start
            if match:
                name = _trim_outlet(match.group("outlet"))
                if name:
                    candidates[name] += 1
    if title_line:
        parts = _title_parts(title_line)
        if len(parts) >= 2 and _looks_like_a_name(parts[-1]):
            name = _trim_outlet(parts[-1])
            if name:
                candidates[name] += 2
    if not candidates:
        return None
    # A name that is a prefix of other candidates ("Task & Purpose" of "Task & Purpose Today")
    # collects their votes: brands are cited with and without a product suffix.
    scores = {
        name: sum(
            c
            for other, c in candidates.items()
            if other.startswith(name) or _is_acronym_of(other, name)
        )
        for name in candidates
    }
    return max(scores, key=lambda n: (scores[n], len(n)))


def _is_acronym_of(short: str, name: str) -> bool:
    """ "MEE" of "Middle East Eye": brands are cited both ways on their own pages."""
    words = [w for w in name.split() if w[0].isupper()]
    return len(words) >= 2 and short.isupper() and short == "".join(w[0] for w in words)


def _outlet_cue_rows(stripped: list[str], lowered: list[str]) -> list[int]:
    """The rows, in order, of the lines ``_may_name_outlet`` accepts (a branding prefix at the
    start, or a blurb verb anywhere), the verbs found with one scan of the whole text instead
    of one per line. ``lowered`` holds the lines lower-cased."""
    joined = "\n".join(stripped)
    if joined.count("\n") != len(stripped) - 1:  # lines with line breaks of their own
        return [i for i, text in enumerate(stripped) if _may_name_outlet(text, lowered[i])]
    rows = {i for i, lower in enumerate(lowered) if lower.startswith(_OUTLET_PREFIXES)}
    starts = _line_starts(stripped)
    # The verbs all open with a space, which lets one regex scan beat a str.find scan per
    # verb. No verb spans a line break, so a row holds a match exactly when the scan finds
    # one in it (finditer skips overlapping ones, which lie in a row it found).
    rows.update(bisect_right(starts, m.start()) - 1 for m in _OUTLET_VERBS.finditer(joined))
    return sorted(rows)


def _line_starts(lines: list[str]) -> list[int]:
    """Offset of each line in "\\n".join(lines): the lengths before it plus one break each."""
    starts = []
    at = 0
    for line in lines:
        starts.append(at)
        at += len(line) + 1
    return starts


def _may_name_outlet(text: str, lower: str) -> bool:
    """Whether a line may name the outlet: a branding prefix or a blurb verb (``lower``: the
    text lower-cased). The outlet templates are only tried on such lines."""
    return lower.startswith(_OUTLET_PREFIXES) or _OUTLET_VERBS.search(text) is not None


def _looks_like_a_name(text: str) -> bool:
    """A site name in a <title> suffix: a few words, each capitalised or not a word at all
    ("The Beachbody Blog", "CNN", "Express.co.uk"), not a lower-case phrase."""
    words = text.split()
    if not 1 <= len(words) <= OUTLET_MAX_WORDS:
        return False
    small = {"of", "the", "and", "for", "on", "in", "de", "la", "le", "&"}
    return all(w[0].isupper() or not w[0].isalpha() or w in small for w in words)


def _trim_outlet(name: str) -> str | None:
    name = _strip_code(name)
    if any(ch in name for ch in OUTLET_FORBIDDEN_CHARS):
        return None
    name = _POSSESSIVE.sub("", name.strip(" .,:;'\u2019"))  # possessive: "MEE's"
    name = _COPYRIGHT_MARK.sub("", name)
    words = name.split()
    while words and (words[-1] in _OUTLET_STOP_SUFFIXES or words[-1].lower() in {"the", "and"}):
        words.pop()
    while words and words[0].lower() in {"and", "of", "on"}:
        words.pop(0)
    if not words or len(words) > OUTLET_MAX_WORDS:
        return None
    name = " ".join(words)
    return name if any(ch.isalpha() for ch in name) else None


# A date written out: "5 Jan 2024", "5 de enero de 2024", "November 19th, 2019", ISO and
# numeric forms, "2018년 8월 25일".
_DATE_ATOMS: Final = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?[^\W\d]{3,}\.?,?\s+(?:de\s+)?\d{4}"
    r"|[^\W\d]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2}"
    r"|\d{4}[./]\d{1,2}[./]\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4}년\s*\d{1,2}월\s*\d{1,2}일)",
    re.UNICODE,
)
_ASCII_DIGITS: Final = "0123456789"


def _date_atom(text: str) -> re.Match[str] | None:
    """The first date in the text. Every date shape holds a year of four digits, so an ASCII
    line without a digit is settled by a few character look-ups instead of the regex."""
    if text.isascii() and not any(digit in text for digit in _ASCII_DIGITS):
        return None
    return _DATE_ATOMS.search(text)


# Lines that state a date: a labelled dateline, or a short line that is mostly a date.
DATELINE_MAX_WORDS: Final = 14


def detect_published_on(
    lines: list[str], language: str, stop_before: int | None = None
) -> dt.date | None:
    """The publication date the page states in its header, parsed with dateparser."""
    limit = stop_before if stop_before is not None else len(lines)
    for text in lines[:limit]:
        text = text.strip()
        if not text or len(text.split()) > DATELINE_MAX_WORDS:
            continue
        labelled = _DATE_PREFIX.match(text)
        match = _date_atom(text)
        if not match:
            continue
        if not labelled and len(_WORD.findall(text)) > 10:
            continue
        parsed = _parse_date(match.group(0), language)
        if parsed is not None:
            return parsed
    return None


@lru_cache(maxsize=4096)
def _parse_date(text: str, language: str) -> dt.date | None:
    """The day a date string names: common shapes by dateparser's own month names for the
    page's language (fast), anything else by dateparser itself, restricted to that language."""
    quick = _quick_date(text, language)
    if quick is not None:
        return quick
    import dateparser  # slow to import; only pages with an unusual date shape need it

    try:
        parsed = dateparser.parse(
            text,
            languages=[language],
            settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]},
        )
    except (ValueError, TypeError, OverflowError, KeyError):
        parsed = None
    if parsed is None and language != "en":
        return _parse_date(text, "en")
    return parsed.date() if parsed else None


_ISO_DATE: Final = re.compile(r"(\d{4})[-./](\d{1,2})[-./](\d{1,2})")
_NUMERIC_DATE: Final = re.compile(r"(\d{1,2})([./])(\d{1,2})\2(\d{4})")
_KOREAN_DATE: Final = re.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일")
_DAY_MONTH_YEAR: Final = re.compile(
    r"(\d{1,2})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?([^\W\d]+)\.?,?\s+(?:de\s+)?(\d{4})"
)
_MONTH_DAY_YEAR: Final = re.compile(r"([^\W\d]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_MONTH_KEYS: Final = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)


@lru_cache(maxsize=64)
def _month_names(language: str) -> dict[str, int]:
    """Month name (lower-case, no final dot) -> month number, from dateparser's locale data."""
    from dateparser.languages import default_loader

    try:
        info = default_loader.get_locale(language).info
    except (ValueError, KeyError, AttributeError):
        return {}
    names: dict[str, int] = {}
    for number, key in enumerate(_MONTH_KEYS, start=1):
        for name in info.get(key, []):
            names[name.lower().rstrip(".")] = number
    return names


def _quick_date(text: str, language: str) -> dt.date | None:
    for pattern in (_ISO_DATE, _KOREAN_DATE):
        match = pattern.search(text)
        if match:
            return _safe_date(int(match[1]), int(match[2]), int(match[3]))
    match = _NUMERIC_DATE.fullmatch(text)
    if match:
        # Only one order makes a date when one number is over 12; dateparser decides the rest
        # by the language's usual order.
        first, second, year = int(match[1]), int(match[3]), int(match[4])
        if first > 12 >= second:
            return _safe_date(year, second, first)
        if second > 12 >= first:
            return _safe_date(year, first, second)
    months = _month_names(language)
    match = _DAY_MONTH_YEAR.search(text)
    if match and match[2].lower() in months:
        return _safe_date(int(match[3]), months[match[2].lower()], int(match[1]))
    match = _MONTH_DAY_YEAR.search(text)
    if match and match[1].lower() in months:
        return _safe_date(int(match[3]), months[match[1].lower()], int(match[2]))
    return None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def infer_metadata(lines: list[str], labels: list[LineLabel], language: str) -> ArticleMetadata:
    """Metadata a person reads off the page: title, standfirst, byline, outlet, wire, date."""
    return _page_metadata(_Page(lines), labels, language)


def _page_metadata(page: _Page, labels: list[LineLabel], language: str) -> ArticleMetadata:
    lines, stripped, lowered = page.lines, page.stripped, page.lowered
    kinds: list[str] = [label.kind for label in labels]
    if len(kinds) != len(lines):
        raise ValueError(f"{len(labels)} labels for {len(lines)} lines")
    where = _indexes_by_kind(kinds)
    title = _title_text(lines, where.get("title", []))
    standfirst_i = next(iter(where.get("standfirst", [])), None)
    byline_i = next(iter(where.get("byline", [])), None)
    first_line = next((lines[i] for i, text in enumerate(stripped) if text), None)
    body = where.get("body", [])
    body_start = body[0] if body else len(lines)
    body_end = body[-1] + 1 if body else len(lines)
    # Credits and datelines sit at the edges of the text: the lines just above it, its first
    # and last paragraphs, and the lines just below it. Dates in menus are today's date.
    above = _nonblank_before(stripped, body_start, EDGE_LINES)
    below = _nonblank_after(stripped, body_end, EDGE_LINES)
    edges = body[:2] + body[-3:]
    credit_rows = above + edges + below
    wire = _wire_service([stripped[i] for i in credit_rows], [lowered[i] for i in credit_rows])
    stopwords = stopwords_for(language)
    byline = parse_byline(lines[byline_i], stopwords) if byline_i is not None else None
    if byline is None and wire is not None:
        byline = _wire_byline([lines[i] for i in above])
    not_body = [i for i, kind in enumerate(kinds) if kind != "body"]
    return ArticleMetadata(
        outlet=_outlet([stripped[i] for i in not_body], [lowered[i] for i in not_body], first_line),
        wire_service=wire,
        title=title,
        standfirst=stripped[standfirst_i] if standfirst_i is not None else None,
        byline=byline,
        published_on=detect_published_on([stripped[i] for i in above], language),
        language=language,
    )


def _indexes_by_kind(kinds: list[str]) -> dict[str, list[int]]:
    """Positions of each kind in a list of kinds, in one pass."""
    where: dict[str, list[int]] = {}
    for i, kind in enumerate(kinds):
        positions = where.get(kind)
        if positions is None:
            where[kind] = [i]
        else:
            positions.append(i)
    return where


def _nonblank_before(stripped: list[str], end: int, count: int) -> list[int]:
    """Rows of the last ``count`` non-blank lines of stripped[:end], in order."""
    out: list[int] = []
    for i in range(end - 1, -1, -1):
        if len(out) == count:
            break
        if stripped[i]:
            out.append(i)
    out.reverse()
    return out


def _nonblank_after(stripped: list[str], start: int, count: int) -> list[int]:
    """Rows of the first ``count`` non-blank lines of stripped[start:]."""
    out: list[int] = []
    for i in range(start, len(stripped)):
        if len(out) == count:
            break
        if stripped[i]:
            out.append(i)
    return out


def _wire_byline(header_lines: list[str]) -> str | None:
    """An agency credited as author at the top ("AFP , Friday 5 Jan 2024")."""
    for text in header_lines:
        match = _WIRE_BYLINE.match(text)
        if match and _wire_case_ok(match.group(1)):
            return _WIRE_CANON[match.group(1).lower()]
    return None


def _title_text(lines: list[str], title_lines: list[int]) -> str | None:
    """The headline as printed on the page; the <title> line only when it is the sole copy,
    without its site-name suffix."""
    if not title_lines:
        return None
    first_nonblank = next(i for i, ln in enumerate(lines) if ln.strip())
    shown = [i for i in title_lines if i != first_nonblank]
    if shown:
        return unicodedata.normalize("NFC", lines[shown[0]].strip())
    parts = _title_parts(lines[title_lines[0]])
    if len(parts) >= 2 and _trim_outlet(parts[-1]) and len(parts[-1].split()) <= 5:
        text = lines[title_lines[0]]
        text = _strip_code(text)
        text = text[: text.rfind(parts[-1])].rstrip(" |\u2013\u2014-:\u00b7\u2022\u00bb")
        return unicodedata.normalize("NFC", text)
    return unicodedata.normalize("NFC", _strip_code(lines[title_lines[0]]))


# ---------------------------------------------------------------------------- entry points


def kind_counts(labels: list[LineLabel]) -> dict[str, int]:
    """How many non-blank lines got each kind ("body" included), for cleaning reports."""
    counts = Counter(label.kind for label in labels if label.reason != BLANK_REASON)
    return dict(sorted(counts.items()))


def clear_caches() -> None:
    """Forget cached line verdicts and parsed dates (for benchmarks that time cold pages)."""
    _READINGS.clear()
    _strip_code.cache_clear()
    _normalised.cache_clear()
    _parse_date.cache_clear()


def clean_document(doc: SourceDocument) -> CleanedDocument:
    """Label every line of the document's text and infer its metadata."""
    page = _Page(doc.text.split("\n"))
    language = doc.language or _page_language(page)
    if doc.kind == "txt":
        labels = _classify(page, language)
        meta = _page_metadata(page, labels, language)
    elif doc.kind == "jsonl":
        labels = [_label("body", "feed text") if text else _blank() for text in page.stripped]
        meta = _metadata_from_fields(doc, page, labels, language)
    else:
        labels = _html_labels(page, language)
        meta = _metadata_from_fields(doc, page, labels, language)
    return CleanedDocument(labels=labels, metadata=meta)


def _blank() -> LineLabel:
    return _label("other", BLANK_REASON)


def _html_labels(page: _Page, language: str) -> list[LineLabel]:
    """trafilatura already removed the page chrome: keep every line but confident leftovers."""
    feats = _features(page, stopwords_for(language))
    labels = []
    for f in feats:
        if f.blank:
            labels.append(_blank())
        elif f.pattern_kind is not None and f.pattern_kind != "caption":
            labels.append(_label(f.pattern_kind, f.pattern_reason))
        else:
            labels.append(_label("body", "main text found by trafilatura"))
    return labels


def _metadata_from_fields(
    doc: SourceDocument, page: _Page, labels: list[LineLabel], language: str
) -> ArticleMetadata:
    lines = page.lines
    body_start = next((i for i, lab in enumerate(labels) if lab.is_body), len(lines))
    not_body = [i for i, label in enumerate(labels) if not label.is_body]
    return ArticleMetadata(
        outlet=doc.outlet
        or _outlet([page.stripped[i] for i in not_body], [page.lowered[i] for i in not_body], None),
        wire_service=_wire_service(page.stripped, page.lowered),
        title=doc.title,
        standfirst=None,
        byline=_names_only(doc.byline),
        published_on=doc.published_on or detect_published_on(lines, language, body_start),
        language=language,
    )


def _names_only(byline: str | None) -> str | None:
    if not byline:
        return None
    return parse_byline(byline) or byline.strip()


def extract_html(html: str) -> tuple[str, ArticleMetadata]:
    """Main text (paragraphs separated by "\n") and metadata of a saved HTML page.

    trafilatura finds the text, title, author and site name in one pass; the date is the one
    the markup states (meta tags, structured data, <time>), not htmldate's guess from free
    text (a "© 2024" footer is no publication date). Raises ValueError when the page has no
    article text.
    """
    import trafilatura  # heavy import, only HTML input needs it

    if not html or not html.strip():
        raise ValueError("the HTML page is empty")
    try:
        found = trafilatura.bare_extraction(
            html,
            include_comments=False,
            include_tables=False,
            with_metadata=True,
            date_extraction_params=HTML_DATE_PARAMS,
        )
    except Exception as exc:  # trafilatura raises many parser errors on broken markup
        raise ValueError(f"trafilatura could not parse the page: {exc}") from exc
    text = getattr(found, "text", None) or ""
    if len(_WORD.findall(text)) < HTML_MIN_TEXT_WORDS:
        words = len(_WORD.findall(text))
        raise ValueError(f"trafilatura found no article text in the page ({words} words)")
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    page = _Page(lines)
    return "\n".join(lines), ArticleMetadata(
        outlet=getattr(found, "sitename", None)
        or _outlet(page.stripped, page.lowered, _html_title(html)),
        wire_service=_wire_service(page.stripped, page.lowered),
        title=getattr(found, "title", None) or None,
        standfirst=getattr(found, "description", None) or None,
        byline=_names_only(getattr(found, "author", None)),
        published_on=_iso_date(getattr(found, "date", None)),
        language=_page_language(page),
    )


_HTML_TITLE: Final = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


def _html_title(html: str) -> str | None:
    """The raw <title> ("Headline | Site"), whose suffix names the outlet."""
    import html as html_entities

    match = _HTML_TITLE.search(html[:HTML_TITLE_SEARCH_CHARS])
    return " ".join(html_entities.unescape(match.group(1)).split()) if match else None


def _iso_date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None
