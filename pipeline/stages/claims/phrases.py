"""Speaker phrases: whether a stretch of a line may be a speaker, and trimming its edges.

A speaker phrase is a pronoun, a name or a phrase with a head word ("the prime minister", "a
government official") of at most MAX_SPEAKER_WORDS words. Its edges lose leading noise ("But",
"In a statement,", a date) and trailing words ("on Friday", "also", "in a statement").
"""

from __future__ import annotations

import re as stdre
from typing import Final

from pipeline.stages.claims.lexicon import (
    ALL_HEAD_WORDS,
    AUXILIARIES,
    CLAUSE_CUES,
    COLLECTIVE_HEADS,
    DETERMINERS,
    OBJECT_CUES,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    SPEAKER_TRAILING_WORDS,
    STATEMENT_HEADS,
    THING_PRONOUNS,
    UNNAMED_HEADS,
    alternation,
)
from pipeline.stages.claims.spans import Span

# A speaker phrase longer than this many words is not a speaker but a clause.
MAX_SPEAKER_WORDS: Final = 14
# Patterns anchored at a cue look back at most this many characters.
TAIL_WINDOW: Final = 80

# Lower case only: a capitalised word before the cue is a name ("Instead, Will said").
_TRAILING: Final = stdre.compile(rf"(?:[\s,]+(?:{alternation(SPEAKER_TRAILING_WORDS)})\b)+$|,\s*$")
LEADING_NOISE: Final = stdre.compile(
    r"(?:[A-Z][A-Z/ .]{2,}\s*[\u2013\u2014-]+\s+"
    r"|(?i:(?:and|but|still|yet|so|also|meanwhile|however|once|when|whenever|although|though|"
    r"because|then)"
    r"\s*,?\s+|(?:in|on)\s+(?:a|an|the|his|her|its|their)\s+(?:\w+\s+){0,3}"
    r"(?:statement|post|interview|briefing|speech|letter|message|tweet)\s*,\s*))"
)
_COMMA_SPACE: Final = stdre.compile(r",\s*")
# A past-tense reporting verb ("called again for ...", "urged") opens a verb phrase, not a
# speaker phrase.
_PAST_CUE_WORDS: Final = frozenset(
    cue.split()[0] for cue in [*CLAUSE_CUES, *OBJECT_CUES] if cue.split()[0].endswith("ed")
)
_TRAILING_LAST_WORDS: Final = frozenset(w.split()[-1].lower() for w in SPEAKER_TRAILING_WORDS)
_DATE_TAIL_LAST_WORDS: Final = frozenset(["week", "month", "year", "days", "weeks", "months"])
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
DATE_LEAD: Final = stdre.compile(
    r"\s*(?i:on|in|at|during|last|this|earlier|late|early)\s+(?:the\s+)?"
    rf"(?:{_DATE_ATOM}(?:,\s*)?)+\s*,?\s*"
)
# Words a speaker phrase does not start with.
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


def strip_trailing(line: str, start: int, end: int) -> int:
    """The end of ``line[start:end]`` without trailing words ("also", "in a statement") or date."""
    while True:
        while end > start and line[end - 1].isspace():
            end -= 1
        window = max(start, end - TAIL_WINDOW)
        # The end-anchored patterns are tried at every position of the window: only when the
        # last word could end them.
        last = last_letters(line, window, end)
        match = (
            _TRAILING.search(line, window, end)
            if last.lower() in _TRAILING_LAST_WORDS or line[end - 1 : end] == ","
            else None
        )
        date_tail = _DATE_TAIL.search(line, window, end) if _may_end_date(line, end) else None
        if match and match.end() == end and match.start() < end:
            end = match.start()
        elif (
            _is_manner_adverb(last) and end - len(last) > start and line[end - len(last) - 1] == " "
        ):
            end -= len(last)  # "Brooke tearfully asked": the manner is no part of the speaker
        elif date_tail and date_tail.end() == end and date_tail.start() > start:
            end = date_tail.start()
        else:
            return end


# Nouns and adjectives ending in "-ly" that may end a speaker phrase ("the national assembly").
_LY_NOUNS: Final = frozenset(
    [
        "assembly",
        "family",
        "ally",
        "rally",
        "daily",
        "weekly",
        "monthly",
        "quarterly",
        "supply",
        "bully",
        "monopoly",
        "anomaly",
        "elderly",
        "friendly",
    ]
)


def _is_manner_adverb(word: str) -> bool:
    """A lower-case "-ly" word of more than four letters that is no noun: a manner adverb."""
    return len(word) > 4 and word.islower() and word.endswith("ly") and word not in _LY_NOUNS


def last_letters(line: str, start: int, end: int) -> str:
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
    last = last_letters(line, max(0, end - 20), end)
    return bool(last) and (last[0].isupper() or last in _DATE_TAIL_LAST_WORDS)


def comma_parts(line: str, start: int, end: int) -> list[Span]:
    """The non-blank parts of ``line[start:end]`` between commas."""
    parts, cursor = [], start
    for match in _COMMA_SPACE.finditer(line[start:end]):
        parts.append(Span(cursor, start + match.start()))
        cursor = start + match.end()
    parts.append(Span(cursor, end))
    return [part for part in parts if line[part.start : part.end].strip()]


def is_capitalised_phrase(text: str) -> bool:
    """Whether every word but name particles ("al", "bin", "of") is capitalised."""
    words = [
        w for w in text.split() if w.lower() not in ("al", "bin", "de", "von", "van", "of", "the")
    ]
    return bool(words) and all(w[0].isupper() for w in words)


def _capitalised_mid_sentence(line: str, start: int) -> bool:
    """Whether the word at ``start`` is capitalised though it does not open its sentence:
    a name, even one spelt like an auxiliary ("Instead, Will called ...")."""
    before = line[:start].rstrip()
    return line[start].isupper() and bool(before) and (before[-1].isalpha() or before[-1] == ",")


# Finite verbs that do not stand inside a speaker phrase, unless a relative clause holds them
# ("an expert who was not involved").
_FINITE_VERBS: Final = frozenset(
    ["was", "were", "is", "are", "could", "would", "can", "cannot", "should", "might", "must"]
)
_RELATIVE_WORDS: Final = frozenset(["who", "which", "that", "whose", "whom", "where", "when"])


def _finite_verb_inside(lowered: list[str]) -> bool:
    """Whether a finite verb stands after the first word of the phrase, outside a relative
    clause."""
    for word in lowered[1:]:
        if word in _RELATIVE_WORDS:
            return False
        if word in _FINITE_VERBS:
            return True
    return False


def valid_speaker(line: str, start: int, end: int) -> Span | None:
    """``line[start:end]`` without edge punctuation, if it may be a speaker phrase."""
    while start < end and line[start] in " ,(\u201c\u201d\"'":
        start += 1
    while end > start and line[end - 1] in " ,)":
        if line[end - 1] == ")" and line.count("(", start, end) >= line.count(")", start, end):
            break  # "Rep. Trey Gowdy (R-S.C.)" keeps its closing parenthesis
        end -= 1
    text = line[start:end]
    words = text.split()
    if not words or len(words) > MAX_SPEAKER_WORDS:
        return None
    lowered = [w.lower().strip(".,\u2019'") for w in words]
    if any(q in text for q in '\u201c\u201d"!?'):
        return None  # a quotation or a sentence's end is no part of a speaker phrase
    if len(words) == 1 and lowered[0] in PERSON_PRONOUNS | PLURAL_PRONOUNS | THING_PRONOUNS:
        return Span(start, end)
    has_name = any(w[0].isupper() for w in words[1:]) or (
        words[0][0].isupper() and lowered[0] not in DETERMINERS
    )
    has_head = any(
        w in UNNAMED_HEADS or w in STATEMENT_HEADS or w in ALL_HEAD_WORDS for w in lowered
    )
    if not (has_name or has_head):
        return None
    acronym = len(words[0]) > 1 and words[0].isupper()  # "WHO said", not "who said"
    auxiliary = lowered[0] in AUXILIARIES and not _capitalised_mid_sentence(line, start)
    if (lowered[0] in _FUNCTION_STARTS or auxiliary) and not acronym:
        return None
    if words[0] in _PAST_CUE_WORDS:
        return None
    if _finite_verb_inside(lowered):
        return None  # "the candidate could be", "Comey cannot": a clause, not a speaker
    if lowered[-1] == "worth":
        return None  # "It's worth noting that ...": no one speaks
    return Span(start, end)


# What may follow the head word of a speaker phrase: a prepositional phrase or a coordination.
_AFTER_HEAD_WORDS: Final = frozenset(["of", "for", "at", "in", "on", "from", "with", "to", "and"])


def _verb_after_head(words: list[str]) -> bool:
    """Whether a lower-case word other than a preposition follows the phrase's first head
    word: a clause ("the campaign failed"), not a speaker ("the head of the agency")."""
    lowered = [w.lower().strip(".,\u2019'") for w in words]
    heads: set[str] = UNNAMED_HEADS | STATEMENT_HEADS | ALL_HEAD_WORDS
    for index, word in enumerate(lowered[1:-1], start=1):
        if word in heads:
            following = lowered[index + 1]
            return (
                words[index + 1][:1].islower()
                and following not in _AFTER_HEAD_WORDS | heads
                and (following.endswith(("ed", "s")) or following in AUXILIARIES)
            )
    return False


def is_inverted_speaker(text: str) -> bool:
    """Whether the phrase after an inverted cue (", said X") names a speaker rather than
    starting a clause: a name ("Juan Perez", "WHO"), a description led by a determiner with no
    verb ("the company's chief executive"), or a bare plural source ("officials", "police")."""
    text = text.split(",")[0]  # the name before its appositive ("X, an economist at ...")
    words = text.split()
    if not words or any(w.lower() in AUXILIARIES for w in words):
        return False
    first = words[0].lower()
    if is_capitalised_phrase(text):
        return True
    if first in DETERMINERS:
        return not _verb_after_head(words)
    last = words[-1].lower().strip(".,")
    return len(words) <= 3 and (
        last in COLLECTIVE_HEADS or (last.endswith("s") and last in UNNAMED_HEADS)
    )


# Next to a quotation ("“...,” the host said", "said the 46-year-old") a description led by a
# determiner names its speaker whatever its head noun: no list of heads can hold them all.
_QUOTE_SIDE_DETERMINERS: Final = frozenset(
    ["the", "a", "an", "this", "that", "another", "one", "his", "her", "their", "our"]
)
# Adverbs and conjunctions that are no part of a description ("The so called ...").
_NOT_NOUNS: Final = frozenset(
    ["so", "very", "too", "also", "just", "only", "even", "still", "then", "and", "or", "but"]
)
# At most this many words in such a description (the determiner included).
MAX_QUOTE_SIDE_WORDS: Final = 5
_LOWER_WORD: Final = stdre.compile(r"[a-z0-9][\w\u2019'-]*")
# Head nouns of a time, not a speaker ("“...,” the next day said" is no attribution).
_TIME_HEADS: Final = frozenset(
    [
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "time",
        "morning",
        "afternoon",
        "evening",
        "night",
        "moment",
        "while",
    ]
)


def quote_side_nominal(line: str, start: int, end: int) -> Span | None:
    """``line[start:end]`` (edge spaces and commas aside) when it is a short lower-case
    description led by a determiner: the speaker of a quotation it stands next to."""
    while start < end and line[start] in " ,":
        start += 1
    while end > start and line[end - 1] in " ,.":
        end -= 1
    words = line[start:end].split()
    if not 2 <= len(words) <= MAX_QUOTE_SIDE_WORDS:
        return None
    if words[0].lower() not in _QUOTE_SIDE_DETERMINERS:
        return None
    rest = [w.lower() for w in words[1:]]
    if not all(_LOWER_WORD.fullmatch(w) for w in words[1:]):
        return None
    if any(w in AUXILIARIES or w in _QUOTE_SIDE_DETERMINERS or w in _NOT_NOUNS for w in rest):
        return None
    if rest[-1] in _TIME_HEADS or rest[-1] in PERSON_PRONOUNS | PLURAL_PRONOUNS | THING_PRONOUNS:
        return None
    return Span(start, end)
