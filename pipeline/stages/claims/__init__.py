"""Claims: attributed statements (direct quotes and reported speech) in body lines.

For each body paragraph we find the quotations (curly, straight, doubled '' and single marks,
quotes left open that run into the next paragraph), split the paragraph into sentences outside
quotations, and look for reporting cues ("said", "according to", "told Reuters", "described ...
as"). A cue next to a quotation makes a direct claim; a cue with a clause makes a reported one; a
paragraph that is a bare quotation continues the previous speaker. The speaker phrase is then
resolved to an actor of the article through its mentions, pronouns and role descriptions ("the
prime minister"); unnamed sources ("a government official") keep a null actor.
"""

from __future__ import annotations

import datetime as dt
import json
import re as stdre
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from itertools import islice
from typing import Final

from pipeline.ids import stable_id
from pipeline.stages.text import word_positions
from schemas import ActorMention, ArticleText, Claim, DateMention


def _load_lexicon() -> dict:
    text = resources.files("pipeline").joinpath("data", "claims_lexicon.json").read_text("utf-8")
    return json.loads(text)


LEXICON: Final = _load_lexicon()
CLAUSE_CUES: list[str] = LEXICON["clause_cues"]
OBJECT_CUES: list[str] = LEXICON["object_cues"]
QUOTE_ONLY_CUES: set[str] = set(LEXICON["quote_only_cues"])
TOLD_OBJECTS: list[str] = LEXICON["told_objects"]
PASSIVE_CUES: list[str] = LEXICON["passive_cues"]
# Cues that attribute only when a quotation follows them ("called it ''predatory''").
QUOTE_REQUIRED_CUES: list[str] = LEXICON["quote_required_cues"]
PERSON_PRONOUNS: set[str] = set(LEXICON["pronouns_person"])
PLURAL_PRONOUNS: set[str] = set(LEXICON["pronouns_plural"])
THING_PRONOUNS: set[str] = set(LEXICON["pronouns_thing"])
PERSON_HEADS: dict[str, list[str]] = LEXICON["person_heads"]
UNNAMED_HEADS: set[str] = set(LEXICON["unnamed_heads"])
STATEMENT_HEADS: set[str] = set(LEXICON["statement_heads"])
SPEAKER_TRAILING_WORDS: list[str] = LEXICON["speaker_trailing_words"]
ABBREVIATIONS: set[str] = set(LEXICON["abbreviations"])
CAPITALS: dict[str, str] = {
    city: country
    for city, country in json.loads(
        resources.files("pipeline").joinpath("data", "claims_capitals.json").read_text("utf-8")
    ).items()
    if not city.startswith("_")
}

# A speaker phrase longer than this many words is not a speaker but a clause.
MAX_SPEAKER_WORDS: Final = 14
# Words allowed between a cue and the quotation it introduces ("said in a statement to X").
MAX_WORDS_CUE_TO_QUOTE: Final = 12
# Patterns anchored at a cue look back at most this many characters.
TAIL_WINDOW: Final = 80
# A speaker phrase is looked for at most this many characters before its cue, so a very long
# line (a feed record can be one 40,000-character paragraph) costs linear time, not quadratic.
SPEAKER_LOOKBACK: Final = 400
# A quotation of at most this many words inside reporting prose is a scare quote.
SCARE_QUOTE_MAX_WORDS: Final = 4
# How many body paragraphs back a bare quotation may look for its speaker.
CONTINUATION_PARAGRAPHS: Final = 2
# Characters a quotation may leave outside itself and still be "the whole sentence".
BARE_QUOTE_SLACK: Final = 3

OPEN_MARKS: Final = "\u201c\u201e\u00ab"
CLOSE_MARKS: Final = "\u201d\u00bb"
# Written "[x][x]*" rather than "[x]+" so the engine skips ahead to a possible first character.
WORD: Final = stdre.compile(r"[\w'\u2019.-][\w'\u2019.-]*")
_MARK: Final = stdre.compile("[\"'\u2018\u2019\u201c\u201d\u201e\u00ab\u00bb]")


def _alternation(words: Iterable[str]) -> str:
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(stdre.escape(w).replace(r"\ ", r"\s+") for w in ordered)


_TOLD_OBJECT: Final = (
    rf"(?:(?i:{_alternation(TOLD_OBJECTS)})"
    r"|(?:the\s+)?[A-Z][\w&.\u2019'-]*(?:\s+(?:&\s+)?[A-Z][\w.\u2019'-]*){0,3})"
)
CUE_PATTERN: Final = stdre.compile(
    rf"(?<![\w\u2019'-])(?P<cue>(?P<told>told|tells|tell)\s+{_TOLD_OBJECT}"
    rf"|(?P<passive>{_alternation(PASSIVE_CUES)})"
    rf"|(?P<according>[Aa]ccording\s+to)"
    rf"|(?P<object>{_alternation(OBJECT_CUES)})"
    rf"|(?P<quoted>{_alternation(QUOTE_REQUIRED_CUES)})"
    rf"|(?P<clause>{_alternation(CLAUSE_CUES)}))(?![\w-])",
)
CUE_FIRST_WORDS: Final = frozenset(
    ["told", "tells", "tell", "according", "According"]
    + [cue.split()[0] for cue in (*PASSIVE_CUES, *OBJECT_CUES, *QUOTE_REQUIRED_CUES, *CLAUSE_CUES)]
)
# Every byte but an ASCII letter becomes a space: the line's runs of [A-Za-z] by bytes.split().
_ASCII_LETTERS_ONLY: Final = bytes(
    code if 0x41 <= code <= 0x5A or 0x61 <= code <= 0x7A else 0x20 for code in range(256)
)
_CUE_FIRST_WORD_BYTES: Final = frozenset(
    word.encode("ascii") for word in CUE_FIRST_WORDS if word.isascii()
)
_TRAILING: Final = stdre.compile(
    rf"(?:[\s,]+(?:{_alternation(SPEAKER_TRAILING_WORDS)}))+$|,\s*$", stdre.I
)
_LEADING_NOISE: Final = stdre.compile(
    r"^(?:[A-Z][A-Z/ .]{2,}\s*[\u2013\u2014-]+\s+"
    r"|(?i:(?:and|but|still|yet|so|also|meanwhile|however)"
    r"\s*,?\s+|(?:in|on)\s+(?:a|an|the|his|her|its|their)\s+(?:\w+\s+){0,3}"
    r"(?:statement|post|interview|briefing|speech|letter|message|tweet)\s*,\s*))"
)
# Phrases after a cue that say where or to whom, before the clause or the quotation begins.
_ADJUNCT: Final = stdre.compile(
    r"^\s*(?:(?:in|on|at|during|to|from|via|through|after|before|with|over|earlier|late|early|last|"
    r"this)\s+(?:a|an|the|his|her|its|their|this|that|[\w.\u2019'&-]+)(?:\s+[\w.\u2019'&-]+){0,8}?"
    r"|,)\s*(?=(?:,\s*)?(?:that\b|[:\u201c\"\u2018']|''))",
    stdre.I,
)
_THAT: Final = stdre.compile(r"^\s*,?\s*(?:that|:)\s*", stdre.I)
_RELATIVE_OPENER_WORDS: Final = r"(?:that|who|which|whom|while|as|because|after|but|and)\s+(?=\S)"
# A relative opener is one of these words after a space or comma, or at the text's start. The
# two cases are separate patterns: one that begins with a character class lets the engine skip
# straight to the spaces and commas, where "(?:^|[\s,])" would be tried at every position.
_RELATIVE_OPENER_AT_START: Final = stdre.compile(_RELATIVE_OPENER_WORDS, stdre.I)
_RELATIVE_OPENER: Final = stdre.compile(rf"[\s,]{_RELATIVE_OPENER_WORDS}", stdre.I)
_ABBREVIATION_END: Final = stdre.compile(r"(?:^|[\s(])([A-Za-z](?:\.[A-Za-z])*|[A-Za-z]+)\.$")


# Small patterns used inline below, compiled once.
# "[x][x]*", not "[x]+": a pattern that begins with a character class skips to its candidates.
_SENTENCE_END: Final = stdre.compile(
    r"[.!?][.!?]*[\u201d\u2019\"')\]]*(?=\s+[\u201c\u2018\"'A-Z0-9(]|\s*$)"
)
_RELATIVE_CLAUSE_START: Final = stdre.compile(r"(?:whose|who|which|where)\s", stdre.I)
_SPEAKER_AFTER_STOP: Final = stdre.compile(
    r"[.;:!?](?:\s|$)|,\s+(?!(?:a|an|the)\s)|\s(?:on|at|in|during|after|before|when|while|as)\s"
)
_PASSIVE_BEFORE_CUE: Final = stdre.compile(r"\b(?:was|were|is|are|be|been)\s*$")
_INVERTED_TAIL: Final = stdre.compile(
    r",?\s*(?:according to|in a |speaking|citing|adding|referring)", stdre.I
)
_ADJUNCT_ONLY: Final = stdre.compile(
    r"\s*(?:(?:on|in|at|during|to|from|late|early|last|this)(?:\s+[^\s,;\u201c\"]+){1,6}?)?"
    r"[\s.,\u201d\"']*",
    stdre.I,
)
_DATE_PREPOSITION: Final = stdre.compile(r"(?:\b(?:on|in|at|during)\s+(?:a\s+|the\s+)?)$")
_DATED_EVENT_NOUN: Final = stdre.compile(
    r"\s+(?:statement|press\s+briefing|briefing|news\s+conference|speech|interview)\b"
)
_DETERMINER_START: Final = stdre.compile(r"(?:a|an|the)\s", stdre.I)
_NON_SPACE_RUN: Final = stdre.compile(r"[^\s,][^\s,]*")
_CLAUSE_STOP: Final = stdre.compile(r"[.;:!?](?:\s|$)|,\s")
_COMMA_SPACE: Final = stdre.compile(r",\s*")
_PUNCTUATION_ONLY: Final = stdre.compile(r"[\s.,;:!?\u201d\u2019\"')\]]*")
_DOUBLE_QUOTE_MARK: Final = stdre.compile(r"[\u201c\u201d\"]")
_STOP_BEFORE_SPACE: Final = stdre.compile(r"[.;:!?](?=\s)")
_REPORTING_WORD: Final = stdre.compile(r"\b(?:that|said|says)\b")
_TO_INFINITIVE: Final = stdre.compile(r"\s+to\s")
_TRAILING_CONJUNCTION: Final = stdre.compile(r"\s(?:and|but)\s*$")
_THAT_CLAUSE_START: Final = stdre.compile(r"\s+(?:that|on\s+\w+\s+that)\b")
_WORD_CHAR: Final = stdre.compile(r"\w")
_APPOSITIVE: Final = stdre.compile(r",\s+((?:a|an|the)\s[^,.;]{0,80})")
_NON_WORD: Final = stdre.compile(r"[^\w\s-]")
_CAPITALISED_WORD: Final = stdre.compile(r"[A-Z][\w.-]+")
_LETTER_WORD: Final = stdre.compile(r"[^\W\d_]+")
_NON_SPACE: Final = stdre.compile(r"\S\S*")
_THAT_WORD: Final = stdre.compile(r"\bthat\s")
_ONLY_CLOSERS: Final = stdre.compile("[ .\u201d\"']*")
_INVERTED_TAIL_AT: Final = stdre.compile(
    r"\s*,?\s*(?:according to|in a |speaking|citing|adding|referring)", stdre.I
)


def _more_words_than(line: str, start: int, end: int, limit: int) -> bool:
    """Whether ``line[start:end].split()`` has more than ``limit`` words; reads no further."""
    return next(islice(_NON_SPACE.finditer(line, start, end), limit, None), None) is not None


def _stripped_length(line: str, start: int, end: int) -> int:
    """``len(line[start:end].strip())`` without copying a long span."""
    first = _NON_SPACE.search(line, start, end)
    if first is None:
        return 0
    while end > first.start() and line[end - 1].isspace():
        end -= 1
    return end - first.start()


# ---------------------------------------------------------------- quotations


@dataclass(frozen=True)
class Quote:
    """One top-level quotation on a line: ``line[start:end]`` is its inner text."""

    open_at: int
    start: int
    end: int
    close_at: int | None  # index of the closing mark; None: left open at the line's end


def find_quotes(line: str) -> list[Quote]:
    """Top-level quotations of a line; inner quotations belong to their outer one."""
    quotes: list[Quote] = []
    stack: list[tuple[str, int, int]] = []  # (kind, open_at, inner start)
    n = len(line)
    skip_to = 0
    for mark in _MARK.finditer(line):
        i = mark.start()
        if i < skip_to:
            continue
        ch = line[i]
        prev = line[i - 1] if i else " "
        nxt = line[i + 1] if i + 1 < n else " "
        width, kind, role = 1, "", ""
        if line.startswith("''", i) and not (prev.isalpha() and line[i + 2 : i + 3].isalpha()):
            width, kind = 2, "dd"
            role = "close" if stack and stack[-1][0] == "dd" else "open"
        elif ch in OPEN_MARKS:
            kind, role = "d", "open"
        elif ch in CLOSE_MARKS:
            kind, role = "d", "close"
        elif ch == '"':
            kind = "s"
            role = "close" if stack and stack[-1][0] == "s" else "open"
            if role == "open" and nxt.isspace() and i + 1 < n:
                role = ""
        elif ch == "\u2018":
            kind, role = "q", "open"
        elif ch in "\u2019'":
            opened = any(k == "q" for k, _, _ in stack)
            if opened and not nxt.isalnum() and not prev.isspace():
                kind, role = "q", "close"
            elif (
                not opened
                and (prev.isspace() or prev in "([\u2014\u2013-" or i == 0)
                and nxt.isalpha()
            ):
                kind, role = "q", "open"
        if role == "open":
            stack.append((kind, i, i + width))
        elif role == "close":
            match_at = _last_index(stack, kind)
            if match_at is not None:
                _, open_at, inner = stack[match_at]
                del stack[match_at:]
                if not stack:
                    quotes.append(Quote(open_at, inner, i, i))
        skip_to = i + width
    outer = [entry for entry in stack if entry[0] != "q"] or stack
    if outer:
        _, open_at, inner = outer[0]
        if not quotes or open_at > quotes[-1].end:
            quotes.append(Quote(open_at, inner, len(line.rstrip()), None))
    return quotes


def _last_index(stack: list[tuple[str, int, int]], kind: str) -> int | None:
    for index in range(len(stack) - 1, -1, -1):
        if stack[index][0] == kind or (kind == "d" and stack[index][0] in ("s", "dd")):
            return index
    return None


def quote_text_bounds(line: str, quote: Quote) -> tuple[int, int]:
    """The quote's words without the comma or full stop that closes it."""
    start, end = quote.start, quote.end
    while start < end and line[start].isspace():
        start += 1
    while end > start and (line[end - 1].isspace() or line[end - 1] in ",.;:"):
        end -= 1
    return start, end


# ---------------------------------------------------------------- sentences


# After "U.S." a new sentence still starts with a quotation mark or a pronoun subject.
_ENDS_SENTENCE_ANYWAY: Final = stdre.compile(
    r"\s+(?:[\u201c\"]|(?:The|He|She|It|They|We|But|In|On)\s)"
)


def split_sentences(line: str, quotes: Sequence[Quote]) -> list[tuple[int, int]]:
    """Sentence spans of a line; a full stop inside a quotation does not end the sentence."""
    opens = [q.open_at for q in quotes]
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(line):
        end = match.end()
        # A full stop inside a quotation ends the sentence only when the quotation closes there.
        # Top-level quotations do not overlap: only the last one opened before it can hold it.
        holder = bisect_left(opens, match.start()) - 1
        if holder >= 0:
            close = quotes[holder].close_at
            close = len(line) if close is None else close
            if match.start() < close and end <= close:
                continue
        head = line[max(0, match.start() - 12) : match.start() + 1]
        abbrev = _ABBREVIATION_END.search(head)
        if (
            abbrev
            and _is_abbreviation(abbrev.group(1))
            and not _ENDS_SENTENCE_ANYWAY.match(line, end)
        ):
            continue
        spans.append((start, end))
        start = end
    spans.append((start, len(line)))
    # Each sentence from its first non-blank character; blank ones dropped.
    firsts = (_NON_SPACE.search(line, a, b) for a, b in spans)
    return [(first.start(), b) for first, (_, b) in zip(firsts, spans, strict=True) if first]


# ---------------------------------------------------------------- records being built


@dataclass
class FoundClaim:
    """A claim before it becomes a record; offsets are into the line."""

    line_no: int
    start: int
    end: int
    is_direct: bool
    cue: str | None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_text: str | None = None
    speaker_actor_id: str | None = None
    continues_quote: bool = False  # a paragraph of a quote opened in an earlier paragraph
    inherited_speaker_text: str | None = None  # the speaker string a bare quote continues
    sentence: tuple[int, int] = (0, 0)
    extra: dict = field(default_factory=dict)


@dataclass
class _Cue:
    start: int
    end: int
    text: str
    kind: str  # clause | object | according | told | passive


def _cue_matches(line: str, span: tuple[int, int]) -> Iterable[stdre.Match[str]]:
    """Cue matches in a span of a line (found by bisection: a long line has many spans)."""
    matches, starts = _line_cue_index(line)
    first, stop = bisect_left(starts, span[0]), bisect_left(starts, span[1])
    return [m for m in matches[first:stop] if m.end() <= span[1]]


@lru_cache(maxsize=256)
def _line_cue_index(line: str) -> tuple[tuple[stdre.Match[str], ...], list[int]]:
    matches = _line_cue_matches(line)
    return matches, [m.start() for m in matches]


@lru_cache(maxsize=256)
def _line_cue_matches(line: str) -> tuple[stdre.Match[str], ...]:
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


def _cues_in(
    line: str, span: tuple[int, int], quotes: Sequence[Quote], opens: Sequence[int] | None = None
) -> list[_Cue]:
    """Cues of a span outside quotations; ``opens`` are the quotes' open_at, in order."""
    if opens is None:
        opens = [q.open_at for q in quotes]
    cues = []
    for match in _cue_matches(line, span):
        holder = bisect_left(opens, match.start()) - 1
        if holder >= 0 and match.start() < (quotes[holder].close_at or len(line)):
            continue
        kind = next(
            k
            for k in ("told", "passive", "according", "object", "quoted", "clause")
            if match.group(k)
        )
        if kind == "quoted":
            following = bisect_left(opens, match.end())
            if following == len(opens) or opens[following] >= span[1]:
                continue
            kind = "object"
        cues.append(_Cue(match.start(), match.end(), match.group("cue"), kind))
    return cues


# ---------------------------------------------------------------- speaker phrases


def _speaker_before(
    line: str, clause_start: int, cue_start: int, allow_embedded: bool = False
) -> tuple[int, int] | None:
    """The subject right before a cue: "Iraq's prime minister", "Yehia Rasool, a spokesman"."""
    sentence_start = clause_start
    # Only the last SPEAKER_LOOKBACK characters can hold the speaker phrase (at most
    # MAX_SPEAKER_WORDS words) and the name its appositive belongs to.
    window_start = max(clause_start, cue_start - SPEAKER_LOOKBACK)
    clause_start = window_start
    left = line[clause_start:cue_start]
    # Patterns anchored at the cue only need the text just before it.
    tail_start = max(0, len(left) - TAIL_WINDOW)
    tail = left[tail_start:]
    # The four end-anchored patterns below are tried at every position of the tail: only when
    # its last word is one they can end with (most cues follow a name: "Smith said").
    last = _last_letters(tail, 0, len(tail.rstrip())).lower()
    gated = last in _TAIL_PATTERN_LAST_WORDS or last.endswith("ly")
    pronoun = _PRONOUN_BEFORE_CUE.search(tail) if gated else None
    if pronoun:
        # "what he described as": an embedded report, not a claim of its own.
        if pronoun.group("embed") and not allow_embedded:
            return None
        offset = clause_start + tail_start
        return offset + pronoun.start("pronoun"), offset + pronoun.end("pronoun")
    if gated and _COORDINATED.search(tail) and cue_start - clause_start > 0:
        # "the prime minister declined to ... and said": the subject opens the sentence.
        return _sentence_subject(line, sentence_start, cue_start)
    antecedent = _RELATIVE_BEFORE_CUE.search(tail) if gated else None
    if antecedent:
        # "groups which demanded", "Mr. Rasool, who blamed": the speaker is the antecedent.
        return _antecedent(line, clause_start, clause_start + tail_start + antecedent.start())
    if gated and _PASSIVE_SUBJECT.search(tail):
        return None
    # Keep only what follows the last relative opener or semicolon ("... that a U.S. official").
    at_start = _RELATIVE_OPENER_AT_START.match(left)
    cut = at_start.end() if at_start else 0
    for opener in _RELATIVE_OPENER.finditer(left, cut):
        cut = opener.end()
    semicolon = max(left.rfind(";"), left.rfind("\u2014"), left.rfind(" - "))
    cut = max(cut, semicolon + 1)
    start, end = clause_start + cut, cue_start
    end = _strip_trailing(line, start, end)
    parts = _comma_parts(line, start, end)
    # "Sudani, whose government relies on ..., has said": skip the relative clause.
    while len(parts) >= 2 and _RELATIVE_CLAUSE_START.match(line[parts[-1][0] : parts[-1][1]]):
        parts.pop()
    if not parts:
        return None
    s0, e0 = parts[-1]
    # An appositive after a name belongs to it: "Yehia Rasool, a military spokesman for ...".
    if len(parts) >= 2 and _DETERMINER_START.match(line[s0:e0]):
        name_start, _ = parts[-2]
        if _is_capitalised_phrase(line[name_start : parts[-2][1]]):
            s0 = name_start
    if window_start > sentence_start and s0 <= _first_word_end(line, window_start, e0):
        # The phrase runs on before the look-back window: far too long for a speaker.
        return None
    lead = _LEADING_NOISE.match(line, s0, e0) or _DATE_LEAD.match(line, s0, e0)
    while lead and lead.end() > s0:
        s0 = lead.end()
        lead = _LEADING_NOISE.match(line, s0, e0) or _DATE_LEAD.match(line, s0, e0)
    if s0 >= e0 and parts and line[start:cue_start].rstrip().endswith(" and"):
        # "the prime minister declined to ... and said": the subject opens the sentence.
        return _sentence_subject(line, sentence_start, cue_start)
    return _valid_speaker(line, s0, e0)


def _first_word_end(line: str, start: int, end: int) -> int:
    word = _NON_SPACE.search(line, start, end)
    return word.end() if word else start


# Capitalised words that open an adverbial clause, not a subject.
_CLAUSE_OPENERS: Final = frozenset({"asked", "in", "on", "when", "after", "before"})


def _is_capitalised_phrase_start(text: str) -> bool:
    words = text.split()
    if len(words) < 2 or not words[0][0].isupper():
        return False
    return words[0].lower() not in _DETERMINERS | _CLAUSE_OPENERS


def _sentence_subject(line: str, start: int, end: int) -> tuple[int, int] | None:
    """A sentence's opening noun phrase: the words before its first past-tense verb."""
    lead = _LEADING_NOISE.match(line, start, end) or _DATE_LEAD.match(line, start, end)
    while lead and lead.end() > start:
        start = lead.end()
        lead = _LEADING_NOISE.match(line, start, end) or _DATE_LEAD.match(line, start, end)
    last = _last_comma_part(line, start, end)
    # Only the clause's first words matter: a long sentence is not read to its end.
    if last and _is_capitalised_phrase_start(" ".join(_first_words(line, *last, 2))):
        # "..., Mrs. Clinton shook her head and said": the name opening the last clause.
        run_end = last[0]
        for word in _NON_SPACE_RUN.finditer(line, last[0], last[1]):
            if not word.group()[0].isupper():
                break
            run_end = word.end()
        return _valid_speaker(line, last[0], run_end)
    words = list(islice(_NON_SPACE_RUN.finditer(line, start, end), 7))
    for index, word in enumerate(words[1:7], start=1):
        text = word.group()
        if text.islower() and (text.endswith("ed") or text in CLAUSE_CUES or text in OBJECT_CUES):
            return _valid_speaker(line, words[0].start(), words[index - 1].end())
    return None


def _first_words(line: str, start: int, end: int, count: int) -> list[str]:
    return [w.group() for w in islice(_NON_SPACE.finditer(line, start, end), count)]


def _last_comma_part(line: str, start: int, end: int) -> tuple[int, int] | None:
    """The last non-blank of ``_comma_parts(line, start, end)``, read from the end."""
    while True:
        comma = line.rfind(",", start, end)
        part_start = start if comma < 0 else comma + 1
        if comma >= 0:
            while part_start < end and line[part_start].isspace():
                part_start += 1
        if _NON_SPACE.search(line, part_start, end):
            return part_start, end
        if comma < 0:
            return None
        end = comma


_PRONOUN_BEFORE_CUE: Final = stdre.compile(
    r"(?:(?P<embed>\b(?:what|as|whom)\s+)|(?:^|[\s,]))(?P<pronoun>[Hh]e|[Ss]he|[Ii]t|[Tt]hey|[Ww]e|I)"
    r"(?:\s+(?:also|then|later|had|has|have|would|will|once|again|previously|repeatedly|further|"
    r"went\s+on\s+to|appeared\s+to))*\s*$"
)
_PARTICIPLE_AFTER_COMMA: Final = stdre.compile(r",\s+[a-z]+ing\b")
_COORDINATED: Final = stdre.compile(r"\s(?:and|but)\s*$")
_RELATIVE_BEFORE_CUE: Final = stdre.compile(
    r",?\s+(?:who|which|that)(?:\s+(?:also|then|later|had|has|have|long|in|the|past|once|often|"
    r"previously|repeatedly|frequently|publicly|recently|since|earlier|famously))*\s*$"
)
_PASSIVE_SUBJECT: Final = stdre.compile(
    r"\b(?:was|were|is|are|be|been|being)(?:\s+\w+ly|\s+further|\s+also)?\s*$"
)
# Every word the four patterns above can end with, besides the "-ly" adverbs.
_TAIL_PATTERN_LAST_WORDS: Final = frozenset(
    [
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "also",
        "then",
        "later",
        "had",
        "has",
        "have",
        "would",
        "will",
        "once",
        "again",
        "previously",
        "repeatedly",
        "further",
        "to",
        "and",
        "but",
        "who",
        "which",
        "that",
        "long",
        "in",
        "the",
        "past",
        "often",
        "frequently",
        "publicly",
        "recently",
        "since",
        "earlier",
        "famously",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "being",
    ]
)
_NAME_PARTICLES: Final = {"of", "the", "al", "bin", "de", "von", "van", "la", "le", "du", "el", "&"}


def _antecedent(line: str, start: int, end: int) -> tuple[int, int] | None:
    """The noun phrase ending at ``end``: its head word and the capitalised words before it."""
    words = list(_NON_SPACE_RUN.finditer(line[start:end]))
    if not words:
        return None
    first = len(words) - 1
    while first > 0:
        word = words[first - 1].group()
        if word[0].isupper() or word.lower() in _NAME_PARTICLES:
            first -= 1
        else:
            break
    return _valid_speaker(line, start + words[first].start(), start + words[-1].end())


def _speaker_after(line: str, start: int, limit: int) -> tuple[int, int] | None:
    """The speaker after an inverted cue: "said Mr. Ryder", "according to the Pentagon"."""
    limit = min(limit, start + SPEAKER_LOOKBACK)  # a longer phrase is no speaker
    text = line[start:limit]
    stop = _SPEAKER_AFTER_STOP.search(text)
    end = start + (stop.start() if stop else len(text.rstrip()))
    abbreviation = _ABBREVIATION_END.search(text[: stop.start() + 1]) if stop else None
    if (
        stop
        and text[stop.start()] == "."
        and abbreviation
        and _is_abbreviation(abbreviation.group(1))
    ):
        more = _CLAUSE_STOP.search(text[stop.start() + 1 :])
        end = start + stop.start() + 1 + (more.start() if more else len(text[stop.start() + 1 :]))
    while start < end and line[start].isspace():
        start += 1
    return _valid_speaker(line, start, end)


def _strip_trailing(line: str, start: int, end: int) -> int:
    while True:
        while end > start and line[end - 1].isspace():
            end -= 1
        window = max(start, end - TAIL_WINDOW)
        # The end-anchored patterns are tried at every position of the window: only when the
        # last word could end them.
        last = _last_letters(line, window, end)
        match = (
            _TRAILING.search(line, window, end)
            if last.lower() in _TRAILING_LAST_WORDS or line[end - 1 : end] == ","
            else None
        )
        date_tail = _DATE_TAIL.search(line, window, end) if _may_end_date(line, end) else None
        if match and match.end() == end and match.start() < end:
            end = match.start()
        elif date_tail and date_tail.end() == end and date_tail.start() > start:
            end = date_tail.start()
        else:
            return end


_TRAILING_LAST_WORDS: Final = frozenset(w.split()[-1].lower() for w in SPEAKER_TRAILING_WORDS)
_DATE_TAIL_LAST_WORDS: Final = frozenset(["week", "month", "year", "days", "weeks", "months"])


def _last_letters(line: str, start: int, end: int) -> str:
    """The run of letters ending at ``end`` ("" when the text ends otherwise)."""
    first = end
    while first > start and line[first - 1].isalpha():
        first -= 1
    return line[first:end]


def _may_end_date(line: str, end: int) -> bool:
    """Whether text ending at ``end`` may end with a date: a number, a name, a period word."""
    while end > 0 and (line[end - 1].isspace() or line[end - 1] in ",."):
        end -= 1
    if end == 0:
        return False
    if line[end - 1].isdigit():
        return True
    last = _last_letters(line, max(0, end - 20), end)
    return bool(last) and (last[0].isupper() or last in _DATE_TAIL_LAST_WORDS)


_DATE_TAIL_PATTERN: Final = (
    r"\s+(?:(?:on|in|at|during)\s+)?(?:last|this|earlier|late|early|mid-?)?\s*(?:the\s+)?"
    r"(?:{atom},?\s*)+$"
)


_MONTH_NAME: Final = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DATE_ATOM: Final = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|"
    r"recent\s+(?:days|weeks|months)|"
    rf"{_MONTH_NAME}(?:\s+\d{{1,2}}(?!\d))?(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH_NAME}(?:\s+\d{{4}})?|"
    r"\d{4})"
)
_DATE_TAIL: Final = stdre.compile(_DATE_TAIL_PATTERN.format(atom=_DATE_ATOM))
_DATE_LEAD: Final = stdre.compile(
    r"\s*(?i:on|in|at|during|last|this|earlier|late|early)\s+(?:the\s+)?"
    rf"(?:{_DATE_ATOM}(?:,\s*)?)+\s*,?\s*"
)


def _comma_parts(line: str, start: int, end: int) -> list[tuple[int, int]]:
    parts, cursor = [], start
    for match in _COMMA_SPACE.finditer(line[start:end]):
        parts.append((cursor, start + match.start()))
        cursor = start + match.end()
    parts.append((cursor, end))
    return [(a, b) for a, b in parts if line[a:b].strip()]


def _is_capitalised_phrase(text: str) -> bool:
    words = [
        w for w in text.split() if w.lower() not in ("al", "bin", "de", "von", "van", "of", "the")
    ]
    return bool(words) and all(w[0].isupper() for w in words)


def _valid_speaker(line: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and line[start] in " ,(\u201c\u201d\"'":
        start += 1
    while end > start and line[end - 1] in " ,)":
        end -= 1
    text = line[start:end]
    words = text.split()
    if not words or len(words) > MAX_SPEAKER_WORDS:
        return None
    lowered = [w.lower().strip(".,\u2019'") for w in words]
    if any(q in text for q in '\u201c\u201d"'):
        return None
    if len(words) == 1 and lowered[0] in PERSON_PRONOUNS | PLURAL_PRONOUNS | THING_PRONOUNS:
        return start, end
    has_name = any(w[0].isupper() for w in words[1:]) or (
        words[0][0].isupper() and lowered[0] not in _DETERMINERS
    )
    has_head = any(
        w in UNNAMED_HEADS or w in STATEMENT_HEADS or w in _ALL_HEAD_WORDS for w in lowered
    )
    if not (has_name or has_head):
        return None
    if lowered[0] in _FUNCTION_STARTS:
        return None
    return start, end


_DETERMINERS: Final = {
    "a",
    "an",
    "the",
    "his",
    "her",
    "its",
    "their",
    "our",
    "some",
    "many",
    "several",
}
_FUNCTION_STARTS: Final = {
    "to",
    "of",
    "for",
    "with",
    "by",
    "from",
    "if",
    "when",
    "what",
    "how",
    "why",
    "it's",
    "there",
    "before",
    "after",
    "during",
    "since",
    "until",
    "among",
    "despite",
    "following",
    "in",
    "on",
    "at",
    "this",
    "that",
    "these",
    "those",
    "which",
    "who",
    "whose",
}
_ALL_HEAD_WORDS: Final = {w for words in PERSON_HEADS.values() for w in words}


# ---------------------------------------------------------------- claims in one paragraph


@dataclass
class _Paragraph:
    line_no: int
    line: str
    quotes: list[Quote]
    continues_open_quote: bool


def _claims_in_paragraph(par: _Paragraph) -> list[FoundClaim]:
    line, quotes = par.line, par.quotes
    opens = [q.open_at for q in quotes]
    found: list[FoundClaim] = []
    for sentence in split_sentences(line, quotes):
        in_sentence = quotes[bisect_left(opens, sentence[0]) : bisect_left(opens, sentence[1])]
        cues = _cues_in(line, sentence, quotes, opens)
        found.extend(_claims_in_sentence(line, par.line_no, sentence, in_sentence, cues))
    if par.continues_open_quote and quotes and not any(c.is_direct for c in found):
        first = quotes[0]
        start, end = quote_text_bounds(line, first)
        if end > start:
            found.insert(0, FoundClaim(par.line_no, start, end, True, None, continues_quote=True))
    return _dedupe(found)


def _dedupe(found: list[FoundClaim]) -> list[FoundClaim]:
    kept: list[FoundClaim] = []
    seen: set[tuple[int, int]] = set()
    for claim in found:
        if (claim.start, claim.end) not in seen:
            seen.add((claim.start, claim.end))
            kept.append(claim)
    return kept


def _claims_in_sentence(
    line: str, line_no: int, sentence: tuple[int, int], quotes: list[Quote], cues: list[_Cue]
) -> list[FoundClaim]:
    s_end = sentence[1]
    claims: list[FoundClaim] = []
    if not (quotes or cues):
        return claims  # most sentences of a line with a cue elsewhere
    real_quotes = [q for q in quotes if not _is_scare_quote(line, q, sentence)]
    used_quotes: set[int] = set()
    bounds = _quote_bounds(real_quotes, s_end)
    for cue in cues:
        claim = _direct_claim(line, line_no, sentence, real_quotes, cue, used_quotes, bounds)
        if claim is None:
            claim = _reported_claim(line, line_no, sentence, cue, cues)
        # One statement, one claim: a second cue for the same words ("..., the statement said").
        if claim is not None and any(c.start < claim.end and claim.start < c.end for c in claims):
            claim = None
        if claim is not None:
            claim.sentence = sentence
            claims.append(claim)
    # Quotations no cue claimed: the rest of a split quote, or a bare quoted sentence.
    for index, quote in enumerate(real_quotes):
        if index in used_quotes or any(c.start <= quote.start < c.end for c in claims):
            continue
        start, end = quote_text_bounds(line, quote)
        if end > start and (_outside_length(line, quote, sentence) <= BARE_QUOTE_SLACK or claims):
            claims.append(FoundClaim(line_no, start, end, True, None, sentence=sentence))
            claims[-1].extra["bare"] = not claims[:-1]
    return claims


def _is_scare_quote(line: str, quote: Quote, sentence: tuple[int, int]) -> bool:
    # Counts words only up to the limit: a long quotation is not read to its end.
    words = WORD.finditer(line, quote.start, quote.end)
    if next(islice(words, SCARE_QUOTE_MAX_WORDS, None), None) is not None:
        return False
    inner = line[quote.start : quote.end].strip()
    # A short but whole sentence ("Never again," he said.) is a quotation, not a scare quote.
    if inner[:1].isupper() and inner[-1:] in ".,!?":
        return False
    return _outside_length(line, quote, sentence) > BARE_QUOTE_SLACK


def _outside_length(line: str, quote: Quote, sentence: tuple[int, int]) -> int:
    """How much of the sentence, stripped, lies outside the quotation."""
    after = (quote.close_at or sentence[1]) + 1
    return _stripped_length(line, sentence[0], quote.open_at) + _stripped_length(
        line, after, sentence[1]
    )


@dataclass(frozen=True)
class _QuoteBounds:
    """Where a sentence's quotations open and close, in order, to find those near a cue."""

    opens: list[int]
    closes: list[int]


def _quote_bounds(quotes: Sequence[Quote], s_end: int) -> _QuoteBounds:
    closes = [q.close_at if q.close_at is not None else s_end for q in quotes]
    return _QuoteBounds([q.open_at for q in quotes], closes)


def _direct_claim(
    line: str,
    line_no: int,
    sentence: tuple[int, int],
    quotes: list[Quote],
    cue: _Cue,
    used: set[int],
    bounds: _QuoteBounds | None = None,
) -> FoundClaim | None:
    """A cue next to a quotation: "“...,” X said", "X said: “...”", "“...,” said X"."""
    s_start, s_end = sentence
    if bounds is None:
        bounds = _quote_bounds(quotes, s_end)
    for index in _quotes_near_cue(line, bounds, cue):
        if index in used:
            continue
        quote = quotes[index]
        close = bounds.closes[index]
        if close < cue.start:
            gap = line[close + 1 : cue.start]
            if not _is_attribution_gap(gap):
                continue
            speaker = _speaker_before(line, close + 1, cue.start) if gap.strip(" ,") else None
            if speaker is None:
                speaker = _speaker_after(line, cue.end, s_end)
            if speaker is None and cue.kind != "according":
                continue
            # Text before the quotation is its subject when short ("The premier on Friday “...”").
            before = (
                _speaker_before(line, s_start, quote.open_at) if cue.kind == "according" else None
            )
            has_lead = _NON_SPACE.search(line, s_start, quote.open_at) is not None
            if (
                has_lead
                and cue.kind != "according"
                and not _is_mixed_lead(line, s_start, quote.open_at)
            ):
                if speaker is None or quote.close_at is None:
                    continue
                # Mixed: reported words running into a quotation, "..., X said".
                used.add(index)
                close_end = close + (2 if line.startswith("''", close) else 1)
                return _make_reported(line, line_no, s_start, close_end, cue, speaker)
            speaker = before or speaker
        elif quote.open_at >= cue.end:
            between = line[cue.end : quote.open_at]
            if len(between.split()) > MAX_WORDS_CUE_TO_QUOTE or not _CUE_TO_QUOTE.fullmatch(
                between
            ):
                continue
            if quote.close_at is not None and not _PUNCTUATION_ONLY.fullmatch(
                line, close + 1, s_end
            ):
                continue
            if cue.kind == "according":
                continue
            speaker = _speaker_before(line, s_start, cue.start)
            if speaker is None:
                continue
        else:
            continue
        start, end = quote_text_bounds(line, quote)
        if end <= start:
            continue
        used.add(index)
        return (
            FoundClaim(
                line_no,
                start,
                end,
                True,
                _cue_text(line, cue, s_end),
                *speaker,
                line[speaker[0] : speaker[1]],
            )
            if speaker
            else FoundClaim(line_no, start, end, True, _cue_text(line, cue, s_end))
        )
    return None


# What may stand between a cue and the quotation it introduces: a place, time or audience.
_CUE_TO_QUOTE: Final = stdre.compile(
    r"\s*(?:(?:in|at|on|to|during|from|via|through|with|after|before|earlier|later|last|this|"
    r"while|when|as)\s[^\u201c\"]*?)?\s*[:,]?\s*",
    stdre.I,
)


def _is_attribution_gap(gap: str) -> bool:
    """What sits between a closing quote mark and its cue: a short name, or nothing."""
    words = gap.split()
    if len(words) > MAX_SPEAKER_WORDS or _DOUBLE_QUOTE_MARK.search(gap):
        return False
    for stop in _STOP_BEFORE_SPACE.finditer(gap):
        abbreviation = _ABBREVIATION_END.search(gap[: stop.end()])
        if stop.group() != "." or not abbreviation or not _is_abbreviation(abbreviation.group(1)):
            return False
    return True


def _is_abbreviation(word: str) -> bool:
    return word.lower() in ABBREVIATIONS or len(word) == 1 or "." in word


def _is_mixed_lead(line: str, start: int, end: int) -> bool:
    """A short subject before a quotation ("The Iraqi premier on Friday") still makes it direct."""
    return not _more_words_than(line, start, end, 8) and not _REPORTING_WORD.search(
        line, start, end
    )


def _quotes_near_cue(line: str, bounds: _QuoteBounds, cue: _Cue) -> list[int]:
    """Indices of the quotations that may pair with a cue, in order.

    Before the cue only those closing within a speaker phrase's length of it (the gap grows as we
    go back), after it only those opening within MAX_WORDS_CUE_TO_QUOTE words (likewise), so a
    line with hundreds of quotations is not scanned once per cue.
    """
    before_end = bisect_left(bounds.closes, cue.start)
    first = before_end
    while first > 0 and not _more_words_than(
        line, bounds.closes[first - 1] + 1, cue.start, MAX_SPEAKER_WORDS
    ):
        first -= 1
    after = bisect_left(bounds.opens, cue.end)
    stop = after
    while stop < len(bounds.opens) and not _more_words_than(
        line, cue.end, bounds.opens[stop], MAX_WORDS_CUE_TO_QUOTE
    ):
        stop += 1
    return [*range(first, before_end), *range(after, stop)]


def _cue_text(line: str, cue: _Cue, s_end: int) -> str:
    """The cue as written, with "in a statement ..." kept when the gold-style cue runs on."""
    return line[cue.start : cue.end]


def _reported_claim(
    line: str, line_no: int, sentence: tuple[int, int], cue: _Cue, cues: list[_Cue]
) -> FoundClaim | None:
    """Reported speech: "X said (that) ...", "..., X said", "according to X, ...", "X called Y"."""
    s_start, s_end = sentence
    if cue.text.lower() in QUOTE_ONLY_CUES and cue.kind == "clause":
        return None
    if cue.kind == "according":
        return _according_claim(line, line_no, sentence, cue)
    if cue.kind == "passive" and "claimed by" in cue.text.lower():
        speaker = _speaker_after(line, cue.end, s_end)
        if speaker is None:
            return None
        return _make_reported(line, line_no, s_start, cue.start, cue, speaker)
    # "was said to have been": a passive rumour, not an attribution.
    if _TO_INFINITIVE.match(line, cue.end, s_end) or _PASSIVE_BEFORE_CUE.search(
        line[max(s_start, cue.start - TAIL_WINDOW) : cue.start]
    ):
        return None
    # Nothing but closing marks after the cue, or "according to", "adding": inverted order.
    inverted = _ONLY_CLOSERS.fullmatch(line, cue.end, s_end) or _INVERTED_TAIL_AT.match(
        line, cue.end, s_end
    )
    if inverted or _ends_with_adjunct(line, cue.end, s_end):
        speaker = _speaker_before(line, s_start, cue.start)
        claim_end = speaker[0] if speaker else cue.start
        if speaker is None:
            # Inverted order: "..., said Mr. Ryder."
            speaker = _speaker_after(line, cue.end, s_end)
            claim_end = cue.start
        if speaker is None or claim_end <= s_start:
            return None
        return _make_reported(line, line_no, s_start, claim_end, cue, speaker)
    speaker = _speaker_before(line, s_start, cue.start)
    if speaker is None and _PARTICIPLE_AFTER_COMMA.search(
        line, max(s_start, cue.start - 3), cue.end
    ):
        # "... what he said on Thursday, calling Iraq a partner": the earlier cue's speaker.
        earlier = [c for c in cues if c.end <= cue.start]
        if earlier:
            speaker = _speaker_before(line, s_start, earlier[-1].start, allow_embedded=True)
    if speaker is None:
        return None
    body_start = cue.end
    adjunct = _ADJUNCT.match(line, body_start, s_end)
    if adjunct:
        body_start = adjunct.end()
    date_lead = _DATE_LEAD.match(line, body_start, s_end)
    if date_lead:
        body_start = date_lead.end()
    that = _THAT.match(line, body_start, s_end)
    if that:
        body_start = that.end()
    elif cue.kind in ("clause", "told"):
        that_later = _THAT_WORD.search(line, body_start, min(s_end, body_start + 60))
        if that_later and len(line[body_start : that_later.start()].split()) <= 6:
            body_start = that_later.end()
    body_end = s_end
    for other in cues:
        if other.start <= body_start:
            continue
        other_speaker = _speaker_before(line, body_start, other.start)
        if other_speaker and other_speaker[0] > body_start:
            window = max(body_start, other_speaker[0] - TAIL_WINDOW)
            cut = _CONNECTIVE_TAIL.search(line, window, other_speaker[0])
            body_end = min(body_end, cut.start() if cut else other_speaker[0])
            break
    for other in cues:
        if other.start > cue.end and other.kind == "object":
            window = max(cue.end, other.start - TAIL_WINDOW)
            conjunction = _TRAILING_CONJUNCTION.search(line, window, other.start)
            if conjunction:
                body_end = min(body_end, conjunction.start())
    return _make_reported(line, line_no, body_start, body_end, cue, speaker)


_CONNECTIVE_TAIL: Final = stdre.compile(
    r"(?:[\s,]+(?:while|and|but|that|which|who|whom|as|when|whereas))*[\s,]*$", stdre.I
)


def _ends_with_adjunct(line: str, start: int, end: int) -> bool:
    """After an inverted cue only a place or time remains: "..., the Pentagon said on Thursday."."""
    return bool(_ADJUNCT_ONLY.fullmatch(line, start, end)) and not _THAT_CLAUSE_START.match(
        line, start, end
    )


def _according_claim(
    line: str, line_no: int, sentence: tuple[int, int], cue: _Cue
) -> FoundClaim | None:
    s_start, s_end = sentence
    if _NOTHING_BEFORE_ACCORDING.fullmatch(line, s_start, cue.start):
        # "According to X, CLAUSE."
        comma = line.find(",", cue.end, s_end)
        if comma < 0:
            return None
        speaker = _valid_speaker(line, cue.end, comma)
        if speaker is None:
            return None
        return _make_reported(line, line_no, comma + 1, s_end, cue, speaker)
    speaker = _speaker_after(line, cue.end, s_end)
    if speaker is None:
        return None
    return _make_reported(line, line_no, s_start, cue.start, cue, speaker)


_NOTHING_BEFORE_ACCORDING: Final = stdre.compile(r"[ ,]*(?:(?i:and|but)[ ,]*)?")


def _make_reported(
    line: str, line_no: int, start: int, end: int, cue: _Cue, speaker: tuple[int, int]
) -> FoundClaim | None:
    lead = _LEADING_NOISE.match(line, start, end)
    if lead:
        start = lead.end()
    while start < end and line[start] in " ,:":
        start += 1
    while end > start and line[end - 1] in " ,.;:":
        end -= 1
    if end - start < 2 or not _WORD_CHAR.search(line[start:end]):
        return None
    return FoundClaim(
        line_no,
        start,
        end,
        False,
        line[cue.start : cue.end],
        speaker[0],
        speaker[1],
        line[speaker[0] : speaker[1]],
    )


# ---------------------------------------------------------------- speaker resolution


@dataclass
class _ActorIndex:
    """What we know of the article's actors, to resolve speaker phrases."""

    mentions_by_line: dict[int, list[ActorMention]]
    roles_cache: dict[str, str]  # filled on first use: most articles never need it
    types: dict[str, str]
    country_names: dict[str, str]  # lower-case country name -> actor_id
    article: ArticleText
    mentions: Sequence[ActorMention]

    @property
    def person_roles(self) -> dict[str, str]:
        """actor_id -> role words seen with its mentions (lower case, padded with spaces)."""
        if not self.roles_cache and self.mentions:
            self.roles_cache.update(_person_roles(self.article, self.mentions))
        return self.roles_cache


def _index_actors(article: ArticleText, mentions: Sequence[ActorMention]) -> _ActorIndex:
    by_line: dict[int, list[ActorMention]] = {}
    mentions = sorted(mentions, key=lambda m: (m.line_no, m.start))
    types: dict[str, str] = {}
    countries: dict[str, str] = {}
    for mention in mentions:
        by_line.setdefault(mention.line_no, []).append(mention)
        types[mention.actor_id] = mention.type
        if mention.type == "country":
            countries[mention.name.lower()] = mention.actor_id
    return _ActorIndex(by_line, {}, types, countries, article, mentions)


def _person_roles(article: ArticleText, mentions: Sequence[ActorMention]) -> dict[str, str]:
    """actor_id -> the role words seen with its mentions: the role given, title, appositive."""
    roles: dict[str, str] = {}
    for mention in mentions:
        if mention.type != "person":
            continue
        line = article.lines[mention.line_no - 1] if mention.line_no <= len(article.lines) else ""
        context = " ".join(
            [
                mention.role or "",
                line[max(0, mention.start - 60) : mention.start],
                _appositive(line, mention.end),
            ]
        )
        # Padded, punctuation-free text, so a role word is found as " minister ".
        padded = " " + _NON_WORD.sub(" ", context.lower()) + " "
        roles[mention.actor_id] = roles.get(mention.actor_id, " ") + padded
    return roles


def _appositive(line: str, end: int) -> str:
    match = _APPOSITIVE.match(line[end:])
    return match.group(1) if match else ""


def head_of(words: list[str]) -> str:
    return words[-1] if words else ""


_STATEMENT_OF: Final = stdre.compile(
    r"(?:a|an|the)\s+(?:\w+\s+)?(?:statement|post|message|letter|tweet|communique|release)\s+"
    r"(?:from|by|of|issued\s+by|released\s+by|published\s+by)\s+",
    stdre.I,
)


def _role_group(phrase: str) -> str | None:
    lowered = " " + _NON_WORD.sub(" ", phrase.lower()) + " "
    best = None
    for group, words in PERSON_HEADS.items():
        for word in words:
            at = lowered.rfind(" " + word + " ")
            if at >= 0 and (best is None or at + len(word) > best[1]):
                best = (group, at + len(word))
    return best[0] if best else None


class _SpeakerResolver:
    def __init__(self, article: ArticleText, mentions: Sequence[ActorMention]) -> None:
        self.article = article
        self.index = _index_actors(article, mentions)
        self.last_person: str | None = None
        self.last_speaker: str | None = None
        self.last_thing: str | None = None

    def resolve(self, claim: FoundClaim) -> str | None:
        if claim.speaker_start is None or claim.speaker_end is None:
            return None
        line = self.article.lines[claim.line_no - 1]
        phrase = line[claim.speaker_start : claim.speaker_end]
        words = [w.lower().strip(".,\u2019'") for w in phrase.split()]
        # Mentions starting in the phrase ("the Islamic Resistance" of "... in Iraq") count too.
        inside = [
            m
            for m in self.index.mentions_by_line.get(claim.line_no, [])
            if claim.speaker_start <= m.start < claim.speaker_end
        ]
        statement_of = _STATEMENT_OF.match(phrase)
        if statement_of:
            # "a statement from the prime minister's office": the speaker is whose statement it is.
            inner = replace(claim, speaker_start=claim.speaker_start + statement_of.end())
            return self.resolve(inner)
        persons = [m for m in inside if m.type == "person"]
        if persons and head_of(words) == "government":
            pass
        elif persons:
            return persons[0].actor_id
        if len(words) == 1 and words[0] in PERSON_PRONOUNS:
            return self._nearest_person(claim)
        if len(words) == 1 and words[0] in THING_PRONOUNS:
            return self._sentence_subject_actor(claim) or self.last_speaker
        if words and words[0] in ("his", "her") and words[-1] in STATEMENT_HEADS:
            return self._nearest_person(claim)
        if words and words[0] in PLURAL_PRONOUNS:
            return None
        head = words[-1] if words else ""
        indefinite = words and words[0] in ("a", "an", "some", "several", "many", "two", "three")
        plural = any(w.endswith("s") and w in UNNAMED_HEADS for w in words)
        if indefinite or plural:
            return None
        if any(w in ("his", "her") for w in words) and head in STATEMENT_HEADS:
            return self._nearest_person(claim)
        group = _role_group(phrase)
        if group is not None and (head in _ALL_HEAD_WORDS or head in STATEMENT_HEADS or not inside):
            return self._by_role(group, claim, phrase)
        if head == "government":
            persons_context = " ".join(self.index.person_roles.get(m.actor_id, "") for m in persons)
            return self._country_of(words) or self._country_of(persons_context.split())
        if inside:
            chosen = inside[-1] if head in STATEMENT_HEADS else inside[0]
            return self._capital_to_country(chosen)
        return None

    def _capital_to_country(self, mention: ActorMention) -> str | None:
        """A capital speaking for its government ("Baghdad declared") is the country."""
        if mention.type != "location":
            return mention.actor_id
        country = CAPITALS.get(mention.name) or CAPITALS.get(mention.text)
        if country is None:
            return mention.actor_id
        return self.index.country_names.get(country.lower())

    def _sentence_subject_actor(self, claim: FoundClaim) -> str | None:
        """ "The U.S. has troops on a mission it says": the sentence's first non-person actor."""
        before = [
            m
            for m in self.index.mentions_by_line.get(claim.line_no, [])
            if claim.sentence[0] <= m.start < (claim.speaker_start or 0)
            and m.type != "person"
            and not claim.start <= m.start < claim.end
        ]
        return self._capital_to_country(before[0]) if before else None

    def _nearest_person(self, claim: FoundClaim) -> str | None:
        line = self.article.lines[claim.line_no - 1]
        before = [
            m
            for m in self.index.mentions_by_line.get(claim.line_no, [])
            if m.type == "person"
            and m.end <= (claim.speaker_start or 0)
            and m.start >= claim.sentence[0]
        ]
        if before:
            return before[-1].actor_id
        if claim.speaker_start is not None:
            group = _role_group(line[claim.sentence[0] : claim.speaker_start])
            if group is not None:
                resolved = self._by_role(
                    group, claim, line[claim.sentence[0] : claim.speaker_start]
                )
                if resolved:
                    return resolved
        return self.last_person

    def _by_role(self, group: str, claim: FoundClaim, phrase: str) -> str | None:
        words = PERSON_HEADS[group]
        candidates = [
            actor_id
            for actor_id, roles in self.index.person_roles.items()
            if any(f" {w} " in roles for w in words)
        ]
        if not candidates:
            return None
        qualifiers = [w for w in _CAPITALISED_WORD.findall(phrase) if w.lower() not in _DETERMINERS]
        if qualifiers:
            narrowed = [
                a
                for a in candidates
                if all(
                    f" {_NON_WORD.sub(' ', q.lower()).strip()} " in self.index.person_roles[a]
                    for q in qualifiers
                )
            ]
            candidates = narrowed or candidates
        if len(candidates) == 1:
            return candidates[0]
        for actor_id in (self.last_speaker, self.last_person):
            if actor_id in candidates:
                return actor_id
        return None

    def _country_of(self, words: list[str]) -> str | None:
        for word in words:
            for name, actor_id in self.index.country_names.items():
                if len(name) >= 4 and word.startswith(name[:4]):
                    return actor_id
        return None

    def remember(self, claim: FoundClaim, actor_id: str | None) -> None:
        if actor_id is None:
            return
        self.last_speaker = actor_id
        if self.index.types.get(actor_id) == "person":
            self.last_person = actor_id
        else:
            self.last_thing = actor_id

    def note_line(self, line_no: int) -> None:
        """Persons named in a line become candidates for a later "he"."""
        persons = [m for m in self.index.mentions_by_line.get(line_no, []) if m.type == "person"]
        if persons and self.last_person not in {m.actor_id for m in persons}:
            self.last_person = persons[0].actor_id


# ---------------------------------------------------------------- dates


EVENT_NOUNS: list[str] = LEXICON["event_nouns"]
_EVENTS: Final = _alternation(EVENT_NOUNS)
_EVENT_AFTER_DATE: Final = stdre.compile(rf"\s+(?P<event>{_EVENTS})\b", stdre.I)
_EVENT_BEFORE_DATE: Final = stdre.compile(rf"\b(?P<event>{_EVENTS})\s+(?:on|of)\s+$", stdre.I)
_EVENT_REFERENCE: Final = stdre.compile(
    r"\b(?:(?:shortly|just|soon|hours|minutes)\s+)?(?:before|after|during|at|following|ahead\s+of)"
    r"\s+(?:(?:the|a|an|his|her|their|its)\s+|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*[\u2019']s\s+)"
    rf"(?P<event>{_EVENTS})\b",
    stdre.I,
)


def _event_key(noun: str) -> str:
    return noun.lower().split()[-1]


def dated_events(
    article: ArticleText, dates: Sequence[DateMention]
) -> list[tuple[int, str, dt.date]]:
    """Events the article dates ("a Jan. 4 press briefing", "the speech on Friday")."""
    events = []
    for mention in dates:
        if mention.value is None or mention.granularity != "day":
            continue
        line = article.lines[mention.line_no - 1]
        after = _EVENT_AFTER_DATE.match(line, mention.end)
        before = _EVENT_BEFORE_DATE.search(line[max(0, mention.start - 40) : mention.start])
        for found in (after, before):
            if found:
                events.append((mention.line_no, _event_key(found.group("event")), mention.value))
    return events


def _claim_date_by_event(
    claim: FoundClaim, line: str, events: Sequence[tuple[int, str, dt.date]]
) -> tuple[str | None, dt.date | None]:
    """ "Shortly before Mr. Ryder's press briefing": the date the article gave that event."""
    s_start, s_end = claim.sentence
    for reference in _EVENT_REFERENCE.finditer(line, s_start, s_end):
        if claim.start <= reference.start() < claim.end:
            continue
        key = _event_key(reference.group("event"))
        dated = [value for line_no, event, value in events if event == key]
        earlier = [v for ln, e, v in events if e == key and ln <= claim.line_no]
        if len(set(dated)) == 1 or earlier:
            return reference.group(), (earlier or dated)[-1]
    return None, None


def _claim_date(
    claim: FoundClaim,
    dates: Sequence[DateMention],
    line: str,
    events: Sequence[tuple[int, str, dt.date]] = (),
) -> tuple[str | None, dt.date | None]:
    """The date phrase of the claim's sentence that lies outside the claim text."""
    s_start, s_end = claim.sentence
    candidates = [
        d
        for d in dates
        if d.line_no == claim.line_no
        and s_start <= d.start < s_end
        and not (claim.start <= d.start < claim.end)
        and d.granularity == "day"
    ]
    if not candidates:
        return _claim_date_by_event(claim, line, events) if events else (None, None)
    anchor = claim.speaker_end if claim.speaker_end is not None else claim.start
    best = min(candidates, key=lambda d: abs(d.start - anchor))
    start = best.start
    prep = _DATE_PREPOSITION.search(line[max(0, start - 12) : start])
    if prep:
        start -= len(prep.group())
    end = best.end
    follow = _DATED_EVENT_NOUN.match(line, end)
    if follow and prep:
        end += follow.end()
    return line[start:end], best.value


# ---------------------------------------------------------------- article level


def _quote_introducer(par: _Paragraph) -> FoundClaim | None:
    """A paragraph ending "X said:" introduces the quotation of the next paragraph."""
    line = par.line
    if not line.rstrip().endswith(":"):
        return None
    sentences = split_sentences(line, par.quotes)
    if not sentences:
        return None
    sentence = sentences[-1]
    cues = _cues_in(line, sentence, par.quotes)
    if not cues:
        return None
    speaker = _speaker_before(line, sentence[0], cues[-1].start)
    if speaker is None:
        return None
    end = cues[-1].end
    return FoundClaim(
        par.line_no,
        end,
        end,
        False,
        cues[-1].text,
        speaker[0],
        speaker[1],
        line[speaker[0] : speaker[1]],
        sentence=sentence,
    )


def find_claims(
    article: ArticleText, mentions: Sequence[ActorMention] = (), dates: Sequence[DateMention] = ()
) -> list[FoundClaim]:
    """Claims of an article with speakers resolved, before they become records."""
    resolver = _SpeakerResolver(article, mentions)
    events = dated_events(article, dates)
    dates_by_line: dict[int, list[DateMention]] = {}
    for mention in dates:
        dates_by_line.setdefault(mention.line_no, []).append(mention)
    found: list[FoundClaim] = []
    open_quote = False
    recent: list[tuple[int, FoundClaim]] = []  # (paragraph index, last claim with a speaker)
    for par_index, (line_no, line) in enumerate(article.body_lines()):
        if not line.strip():
            continue
        if not _MARK.search(line) and not _line_cue_matches(line):
            # Neither a quotation mark nor a cue: no claim can start here.
            resolver.note_line(line_no)
            open_quote = False
            continue
        quotes = find_quotes(line)
        starts_with_quote = bool(quotes) and not line[: quotes[0].open_at].strip()
        paragraph = _Paragraph(line_no, line, quotes, open_quote and starts_with_quote)
        claims = _claims_in_paragraph(paragraph)
        for claim in claims:
            if claim.speaker_start is not None:
                claim.speaker_actor_id = resolver.resolve(claim)
                resolver.remember(claim, claim.speaker_actor_id)
                recent = [(par_index, claim)]
            elif (
                claim.is_direct and recent and par_index - recent[-1][0] <= CONTINUATION_PARAGRAPHS
            ):
                source = recent[-1][1]
                if claim.continues_quote or claim.extra.get("bare") or claim.cue is None:
                    claim.speaker_actor_id = source.speaker_actor_id
                    claim.inherited_speaker_text = (
                        source.speaker_text or source.inherited_speaker_text
                    )
                    claim.extra["same_line_source"] = source.line_no == claim.line_no
                    if source.line_no == claim.line_no and claim.cue is None:
                        claim.speaker_start, claim.speaker_end = (
                            source.speaker_start,
                            source.speaker_end,
                        )
                        claim.speaker_text, claim.cue = source.speaker_text, source.cue
                    recent = [(par_index, source)]
            elif claim.is_direct:
                continue
            if claim.speaker_start is None and claim.inherited_speaker_text is None:
                continue
            claim.extra["when"] = _claim_date(claim, dates_by_line.get(line_no, ()), line, events)
            found.append(claim)
        introducer = None if claims else _quote_introducer(paragraph)
        if introducer is not None:
            # "Trump said in a statement:" then a paragraph of quotation: the quote's speaker.
            introducer.speaker_actor_id = resolver.resolve(introducer)
            resolver.remember(introducer, introducer.speaker_actor_id)
            recent = [(par_index, introducer)]
        resolver.note_line(line_no)
        open_quote = bool(quotes) and quotes[-1].close_at is None
    return found


def extract_claims(
    article: ArticleText, mentions: list[ActorMention], dates: list[DateMention]
) -> list[Claim]:
    """Every attributed statement in the article's body lines, as ``Claim`` records."""
    records = []
    for claim in find_claims(article, mentions, dates):
        line = article.lines[claim.line_no - 1]
        when_text, claimed_on = claim.extra.get("when", (None, None))
        records.append(
            Claim(
                article_id=article.article_id,
                line_no=claim.line_no,
                start=claim.start,
                end=claim.end,
                text=line[claim.start : claim.end],
                claim_id=stable_id(
                    "claim", article.article_id, claim.line_no, claim.start, claim.end
                ),
                speaker_actor_id=claim.speaker_actor_id,
                speaker_text=claim.speaker_text,
                cue=claim.cue,
                is_direct=claim.is_direct,
                when_text=when_text,
                claimed_on=claimed_on,
            )
        )
    return records


# ---------------------------------------------------------------- grouping across outlets

STOPWORDS: frozenset[str] = frozenset(LEXICON["stopwords"])
# Two claims of one speaker are one statement when their content words agree (Dice
# coefficient), or when a long shorter claim is mostly found in the longer one (overlap).
SAME_STATEMENT_DICE: Final = 0.5
SAME_STATEMENT_OVERLAP: Final = 0.6
MIN_SHARED_WORDS: Final = 3
MIN_SHARED_WORDS_FOR_OVERLAP: Final = 6
# Claims with no speaker group only on near-identical wording.
UNNAMED_SAME_STATEMENT_DICE: Final = 0.8
UNNAMED_MIN_SHARED_WORDS: Final = 5
# Words carried by more claims than this within one speaker's block are not used to find
# candidate pairs (they would make the comparison quadratic), only to score them.
MAX_POSTING: Final = 200
# How many of a claim's rarest words are used to find candidate pairs.
CANDIDATE_WORDS: Final = 6
_SUFFIXES: Final = (
    "ations",
    "ation",
    "ments",
    "ment",
    "ings",
    "ing",
    "ied",
    "ies",
    "ed",
    "es",
    "s",
)


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> frozenset[str]:
    """The statement's content words, crudely stemmed, so paraphrases share them."""
    words = _LETTER_WORD.findall(text.lower())
    return frozenset(_stem(w) for w in words if w not in STOPWORDS and len(w) > 2)


def _same_statement(a: frozenset[str], b: frozenset[str], named_speaker: bool) -> bool:
    shared = len(a & b)
    dice = 2 * shared / (len(a) + len(b)) if a or b else 0.0
    if not named_speaker:
        return shared >= UNNAMED_MIN_SHARED_WORDS and dice >= UNNAMED_SAME_STATEMENT_DICE
    if shared < MIN_SHARED_WORDS:
        return False
    overlap = shared / min(len(a), len(b))
    return dice >= SAME_STATEMENT_DICE or (
        shared >= MIN_SHARED_WORDS_FOR_OVERLAP and overlap >= SAME_STATEMENT_OVERLAP
    )


def group_statements(claims: list[tuple[str, str | None, str, str | None]]) -> dict[str, str]:
    """claim_id -> statement group id, grouping one statement as reported by several outlets.

    Rows are (claim_id, speaker_actor_id, text, outlet). Claims are compared only within their
    speaker's block (claims without a speaker among themselves, on near-identical wording), and
    only through words rare enough in that block, so a million claims stay tractable. The group
    id is the smallest claim_id of the group, stable across runs.
    """
    claims = sorted(claims, key=lambda row: row[0])  # the same claims always group the same way
    parent: dict[str, str] = {claim_id: claim_id for claim_id, *_ in claims}

    def find(item: str) -> str:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(a: str, b: str) -> None:
        root_a, root_b = find(a), find(b)
        if root_a != root_b:
            parent[max(root_a, root_b)] = min(root_a, root_b)

    blocks: dict[str | None, dict[frozenset[str], list[str]]] = {}
    for claim_id, speaker, text, _outlet in claims:
        # Identical wording (wire copy carried by many outlets) is grouped without comparing.
        blocks.setdefault(speaker, {}).setdefault(content_words(text), []).append(claim_id)
    for speaker, by_words in blocks.items():
        members = list(by_words.items())
        for _, same_words in members:
            for claim_id in same_words[1:]:
                union(same_words[0], claim_id)
        postings: dict[str, list[int]] = {}
        for index, (words, _) in enumerate(members):
            for word in words:
                postings.setdefault(word, []).append(index)
        for index, (words, ids) in enumerate(members):
            # Pairs are looked for through each claim's rarest words only: a paraphrase
            # that shares half its words shares some rare ones.
            rarest = sorted(words, key=lambda w: len(postings[w]))[:CANDIDATE_WORDS]
            candidates: set[int] = set()
            for word in rarest:
                posting = postings[word]
                if len(posting) <= MAX_POSTING:
                    candidates.update(j for j in posting if j > index)
            for other in candidates:
                other_words, other_ids = members[other]
                if _same_statement(words, other_words, speaker is not None):
                    union(ids[0], other_ids[0])
    return {claim_id: find(claim_id) for claim_id in parent}


__all__ = [
    "FoundClaim",
    "Quote",
    "content_words",
    "extract_claims",
    "find_claims",
    "find_quotes",
    "group_statements",
]
