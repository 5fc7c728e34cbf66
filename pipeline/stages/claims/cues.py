"""Reporting cues: where a line says "said", "told Reuters", "according to", "described ... as".

Every cue of a line is found once (cached: a line's sentences ask in turn); a sentence then takes
those inside it and outside its quotations.
"""

from __future__ import annotations

import re as stdre
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from pipeline.stages.claims.lexicon import (
    CATENATIVE_CLAUSE_VERBS,
    CATENATIVE_OBJECT_VERBS,
    CATENATIVES,
    CLAUSE_CUES,
    DOCUMENT_CUES,
    DOCUMENT_NOUNS,
    DOCUMENT_VERBS,
    NOT_BEFORE_A_VERB,
    NOUN_LIKE_CUES,
    OBJECT_CUES,
    PASSIVE_CUES,
    QUOTE_REQUIRED_CUES,
    SUBJECT_WORDS,
    TOLD_OBJECTS,
    alternation,
)
from pipeline.stages.claims.quotes import Quote
from pipeline.stages.claims.spans import Span, is_abbreviation
from pipeline.stages.text import word_positions

_TOLD_OBJECT: Final = (
    # "told ABC's “Good Morning America”": a broadcaster and its programme's title.
    r"(?:[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2}[\u2019']s\s+(?:\u201c[^\u201d]{1,40}\u201d|\"[^\"]{1,40}\")"
    rf"|(?i:{alternation(TOLD_OBJECTS)})"
    # "told officers he had", "told the investigators that": a plural noun, then a clause.
    r"|(?:the\s+)?[a-z]+s(?=\s+(?:that|he|she|it|they|we|I|there|his|her|their)\b)"
    r"|(?:the\s+)?[A-Z][\w&.\u2019'-]*(?:\s+(?:&\s+)?[A-Z][\w.\u2019'-]*){0,3})"
)
_CATENATIVE: Final = rf"(?:{alternation(CATENATIVES)})\s+"
# "passed a resolution calling for", "issued a statement urging": a body's document speaks.
_DOCUMENT: Final = (
    rf"(?:{alternation(DOCUMENT_VERBS)})\s+(?:a|an|the|its|their|two|three|several)\s+"
    rf"(?:[\w-]+\s+){{0,2}}?(?:{alternation(DOCUMENT_NOUNS)})s?\s+(?:{alternation(DOCUMENT_CUES)})"
)
CUE_PATTERN: Final = stdre.compile(
    rf"(?<![\w\u2019'-])(?P<cue>(?P<told>told|tells|tell)\s+{_TOLD_OBJECT}"
    rf"|(?P<passive>{alternation(PASSIVE_CUES)})"
    rf"|(?P<according>[Aa]ccording\s+to|[Ii]n\s+the\s+words\s+of)"
    rf"|(?P<catclause>{_CATENATIVE}(?:{alternation(CATENATIVE_CLAUSE_VERBS)}))"
    rf"|(?P<catobject>{_CATENATIVE}(?:{alternation(CATENATIVE_OBJECT_VERBS)}))"
    rf"|(?P<document>{_DOCUMENT})"
    rf"|(?P<object>{alternation(OBJECT_CUES)})"
    rf"|(?P<quoted>{alternation(QUOTE_REQUIRED_CUES)})"
    rf"|(?P<clause>{alternation(CLAUSE_CUES)}))(?![\w-])",
)
CUE_FIRST_WORDS: Final = frozenset(
    ["told", "tells", "tell", "according", "According", "in", "In"]
    + [
        cue.split()[0]
        for cue in (
            *PASSIVE_CUES,
            *OBJECT_CUES,
            *QUOTE_REQUIRED_CUES,
            *CLAUSE_CUES,
            *CATENATIVES,
            *DOCUMENT_VERBS,
        )
    ]
)
# Which kind each named group of CUE_PATTERN gives its cue, in the pattern's order.
_GROUP_KINDS: Final = (
    ("told", "told"),
    ("passive", "passive"),
    ("according", "according"),
    ("catclause", "clause"),
    ("catobject", "object"),
    ("document", "object"),
    ("object", "object"),
    ("quoted", "quoted"),
    ("clause", "clause"),
)
# A quotation closing on one of these marks, or followed by a comma, runs into its cue.
_CLAUSE_END_MARKS: Final = frozenset({",", "?", "!"})
# Words a speaker may take between a closing quotation mark and a cue after it.
MAX_SPEAKER_GAP_WORDS: Final = 6
_SENTENCE_STOP_IN_GAP: Final = stdre.compile(r"[.;:!?](?=\s|$)")
_CLOSING_MARK_BEFORE: Final = stdre.compile(r"[,.?!][\u201d\"']{1,2}\s*$")
_WORD_BEFORE: Final = stdre.compile(r"([\w.\u2019'-]+)[\s,]*$")
# "that" opening a relative clause makes the cue word a noun: a past verb right after it with
# its object ("reports that depicted the ...", "that described “..."); a participle before a
# noun is an adjective of a clause's subject ("notes that armed groups control ...").
_RELATIVE_THAT: Final = (
    r"that\s+[a-z]+ed\s+(?:the|a|an|his|her|its|their|this|these|those|him|them|it|us"
    r"|[\u201c\u2018\"'])"
)
_CLAUSE_AFTER: Final = stdre.compile(
    rf"\s*(?:,\s*)?(?:(?!{_RELATIVE_THAT})that\b|:|[\u201c\u2018\"'])"
)
_CLAUSE_START_AFTER: Final = stdre.compile(
    r"\s+(?:the|a|an|he|she|it|they|we|this|its|his|her|their|there|[A-Z])\b"
)
_NOTHING_BUT_CLOSERS: Final = stdre.compile("[\\s.,;!?\u201d\"')]*")
# Every byte but an ASCII letter becomes a space: the line's runs of [A-Za-z] by bytes.split().
_ASCII_LETTERS_ONLY: Final = bytes(
    code if 0x41 <= code <= 0x5A or 0x61 <= code <= 0x7A else 0x20 for code in range(256)
)
_CUE_FIRST_WORD_BYTES: Final = frozenset(
    word.encode("ascii") for word in CUE_FIRST_WORDS if word.isascii()
)


@dataclass
class Cue:
    """A reporting cue of a line: ``line[start:end]`` is its text."""

    start: int
    end: int
    text: str
    kind: str  # clause | object | according | told | passive (a quoted cue becomes object)


def _cue_matches(line: str, span: Span) -> Iterable[stdre.Match[str]]:
    """Cue matches in a span of a line (found by bisection: a long line has many spans)."""
    matches, starts = _line_cue_index(line)
    first, stop = bisect_left(starts, span.start), bisect_left(starts, span.end)
    return [m for m in matches[first:stop] if m.end() <= span.end]


@lru_cache(maxsize=256)
def _line_cue_index(line: str) -> tuple[tuple[stdre.Match[str], ...], list[int]]:
    matches = line_cue_matches(line)
    return matches, [m.start() for m in matches]


@lru_cache(maxsize=256)
def line_cue_matches(line: str) -> tuple[stdre.Match[str], ...]:
    """Every cue of a line, trying the cue pattern only where a cue's first word stands."""
    hits = _cue_first_words_in(line)
    if not hits:
        return ()
    matches: list[stdre.Match[str]] = []
    cursor = 0
    for at in word_positions(line, hits):
        if at < cursor:
            continue
        match = CUE_PATTERN.match(line, at)
        if match:
            cursor = match.end()
            matches.append(match)
    return tuple(matches)


def _cue_first_words_in(line: str) -> set[str]:
    """``CUE_FIRST_WORDS.intersection(re.findall("[A-Za-z]+", line))`` by byte translation and
    ``split`` (a non-ASCII character becomes "?", then a space), several times faster."""
    letters = line.encode("ascii", "replace").translate(_ASCII_LETTERS_ONLY).split()
    return {word.decode("ascii") for word in _CUE_FIRST_WORD_BYTES.intersection(letters)}


def cues_in(
    line: str, span: Span, quotes: Sequence[Quote], opens: Sequence[int] | None = None
) -> list[Cue]:
    """Cues of a span outside quotations; ``opens`` are the quotes' open_at, in order."""
    if opens is None:
        opens = [q.open_at for q in quotes]
    cues = []
    for match in _cue_matches(line, span):
        holder = bisect_left(opens, match.start()) - 1
        if holder >= 0 and match.start() < (quotes[holder].close_at or len(line)):
            continue
        kind = next(kind for group, kind in _GROUP_KINDS if match.group(group))
        if not _stands_as_verb(line, match, span):
            continue
        if kind == "quoted":
            following = bisect_left(opens, match.end())
            quote_after = following < len(opens) and opens[following] < span.end
            if not quote_after and not _closes_just_before(line, quotes, holder, match.start()):
                continue
            kind = "object"
        end = _without_sentence_stop(line, match.start(), match.end())
        text = match.group("cue")
        text = text[:-1] if end < match.end() and text.endswith(".") else text
        cues.append(Cue(match.start(), end, text, kind))
    return cues


def _closes_just_before(line: str, quotes: Sequence[Quote], index: int, at: int) -> bool:
    """Whether quotation ``index`` ends a clause just before a cue, with at most a short
    speaker between ("“...,” Trump assured Jones", "“...,” scoffed Arianna Gil")."""
    if index < 0 or quotes[index].close_at is None:
        return False
    close = quotes[index].close_at
    gap = line[close + 1 : at]
    ends_clause = line[close - 1 : close] in _CLAUSE_END_MARKS or gap.startswith(",")
    return (
        ends_clause
        and len(gap.split()) <= MAX_SPEAKER_GAP_WORDS
        and not _SENTENCE_STOP_IN_GAP.search(gap)
    )


def _without_sentence_stop(line: str, start: int, end: int) -> int:
    """The cue's end without a full stop that ends the sentence ("told Benioff."), which the
    name pattern takes for an abbreviation's ("told U.S. officials")."""
    if end - start < 2 or line[end - 1] != ".":
        return end
    last_word = line[start : end - 1].split()[-1]
    return end if is_abbreviation(last_word) else end - 1


def _stands_as_verb(line: str, match: stdre.Match[str], span: Span) -> bool:
    """Whether a cue word is used as a verb: not after an article or a preposition ("the
    alleged attack"), and a word that is also a noun ("states", "notes") only after a subject
    pronoun, or before "that", a colon or a quotation, or between a name and a clause, or at
    the end of its sentence ("..., the report notes.")."""
    before = _WORD_BEFORE.search(line, max(span.start, match.start() - 40), match.start())
    previous = before.group(1) if before else ""
    # "to condemn", "to claim responsibility for" still attribute; "to say" does not.
    infinitive_object = previous.lower() == "to" and not (
        match.group("clause") or match.group("catclause")
    )
    if previous.lower() in NOT_BEFORE_A_VERB and not match.group("told") and not infinitive_object:
        return False
    if match.group("cue").lower() not in NOUN_LIKE_CUES:
        return True
    end = match.end()
    return (
        previous.lower() in SUBJECT_WORDS
        # "“...?” reacted Trump", "“...,” reads one": right after a closing quotation mark.
        or _CLOSING_MARK_BEFORE.search(line, max(span.start, match.start() - 3), match.start())
        is not None
        or _CLAUSE_AFTER.match(line, end, span.end) is not None
        or (previous[:1].isupper() and _CLAUSE_START_AFTER.match(line, end, span.end) is not None)
        or (
            _NOTHING_BUT_CLOSERS.fullmatch(line, end, span.end) is not None
            # "..., the report notes." but not "profit missed estimates.": a verb before it
            and not (previous.islower() and previous.endswith("ed"))
        )
    )
