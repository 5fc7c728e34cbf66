"""What an amount of money, a percentage or a number of points is about: the subject of its
clause ("the Dow Jones Industrial Average fell 102.2 points" -> dow jones industrial
average), whether it is a change ("fell", "up", "higher") or a level ("to 27,934.02", "at
$60.73"), and, for a figure that opens its clause, what is said of it ("65 percent were
white" -> white). Such figures share no unit noun that tells them apart, so their measure key
is made of these.

A figure linked to the one before it ("fell 102.2 points, or 0.36%", "up 0.4%" later in the
clause of the same subject) takes that figure's subject: both measure the same thing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Final

from pipeline.stages.numbers.lexicon import lexicon

# Where a clause starts again: punctuation and conjunctions that open a new subject.
CLAUSE_BREAK: Final = re.compile(
    r"[,;:]|\s[\u2013\u2014-]\s|\u2014|\b(?:and|while|but|whereas|as|when|with)\b",
    re.IGNORECASE,
)
BRACKETED: Final = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# Tickers and codes are no subject words: digits, "=" or a leading dot (".DJI", "EUR=", "CLc1").
TICKER: Final = re.compile(r"[\d=]|^\.")
WORD_EDGES: Final = "\"'\u201c\u201d\u2018\u2019.,;:!?()[]"
# A pronoun's contraction is the pronoun: "we're", "you've", "I'm", "they'll" (not "don't").
PRONOUN_CONTRACTION: Final = re.compile(r"^([a-z]+)['\u2019](?:re|ve|m|ll|d)$")
NEGATED_VERB: Final = re.compile(r"^[a-z]+n['\u2019]t$")  # "won't", "don't": a verb
# The most words of a subject in a key, and of what is said of a figure.
SUBJECT_WORDS: Final = 4
PREDICATE_WORDS: Final = 2
PREDICATE_REACH: Final = 60  # characters after a figure read for what is said of it
# Characters before a figure read for its clause (and of a sentence for its opening clause):
# a figure late in a long line costs no more than an early one.
SEGMENT_REACH: Final = 240
# Words after a figure that make it a change: "closed 0.68% higher".
CHANGE_AFTER: Final = re.compile(r"\s*(?:higher|lower|up|down)\b", re.IGNORECASE)
DETERMINERS: Final = frozenset({"the", "a", "an", "its", "their", "his", "her", "this"})
RATE_UNITS: Final = frozenset({"percent", "points", "percentage points", "basis points"})


@dataclass(frozen=True, slots=True)
class RateContext:
    """What a money, percentage or points figure is about: ``subject`` (slug words or
    None), ``change`` (a rise or fall rather than a level) and ``predicate`` (what is said
    of a figure that opens its clause)."""

    subject: str | None
    change: bool
    predicate: str | None = None


def is_rate_like(kind: str, unit: str | None) -> bool:
    """Money, percentages and points: figures whose unit says nothing of what they count
    (a bare figure that takes a currency as its unit too: "108.55 per dollar")."""
    return kind in {"currency", "percent"} or unit in RATE_UNITS or unit in _currencies()


@cache
def _currencies() -> frozenset[str]:
    units = lexicon().units.values()
    return frozenset(e.canonical for e in units if "currency" in e.kinds)


def rate_context(
    sentence: str,
    segment_start: int,
    start: int,
    end: int,
    previous: RateContext | None,
) -> RateContext:
    """The context of the figure at ``sentence[start:end]``; ``segment_start``: where the text
    that belongs to it starts (the end of the figure before it in the sentence, else 0);
    ``previous``: that figure's context, when it was a money, percentage or points figure."""
    segment = BRACKETED.sub(" ", sentence[max(segment_start, start - SEGMENT_REACH) : start])
    breaks = list(CLAUSE_BREAK.finditer(segment))
    clause = segment[breaks[-1].end() :] if breaks else segment
    words = [w for w in (_clean(w) for w in clause.split()) if w]
    change = _is_change(words, sentence, end)
    subject = _subject(words)
    if subject is not None:
        return RateContext(subject, change)
    if not words:
        predicate = _predicate(sentence, end)
        if predicate is not None:  # "65 percent were white": the figure is the subject
            return RateContext(None, change, predicate)
    lex = lexicon()
    if words and words[-1] in lex.sets["clause_links"] and previous is not None:
        return previous  # "fell 102.2 points, or 0.36%"
    content = _subject(words, after_verb=True)
    if content is not None:  # "which it acquired for $200 million": what the clause says
        return RateContext(content, change)
    if previous is not None:  # "... and was last trading up 0.4%": the same subject
        return RateContext(previous.subject, change)
    opening = sentence[: min(start, SEGMENT_REACH)]
    opening = CLAUSE_BREAK.split(BRACKETED.sub(" ", opening), maxsplit=1)[0]
    return RateContext(_subject([w for w in map(_clean, opening.split()) if w]), change)


def _clean(word: str) -> str:
    """A word without edge punctuation or possessive, lower case; '' for a ticker or code."""
    word = word.strip(WORD_EDGES.replace(".", ""))
    if TICKER.search(word):
        return ""
    word = word.strip(WORD_EDGES)
    if word.endswith(("'s", "\u2019s")):
        word = word[:-2]
    contraction = PRONOUN_CONTRACTION.match(word.lower())
    if contraction:
        word = contraction.group(1)
    elif NEGATED_VERB.match(word.lower()):
        word = "not"
    if not word or TICKER.search(word) or not any(c.isalpha() for c in word):
        return ""
    return word.lower()


def _subject(words: list[str], after_verb: bool = False) -> str | None:
    """The subject words of a clause: its content words before its verb (``after_verb``:
    its content words anywhere, for a clause whose subject is a pronoun)."""
    sets = lexicon().sets
    found: list[str] = []
    for k, word in enumerate(words):
        if word in sets["subject_stop_words"] or word in sets["change_verbs"]:
            if after_verb:
                continue
            break
        if word.endswith("ing") and words[k + 1 : k + 2] and words[k + 1] in DETERMINERS:
            continue  # "bringing the total to 45,000": a verb before its object
        if len(word) > 4 and word.endswith("ed") and not after_verb:
            break  # a verb: "controlled", "closed"
        if word in sets["subject_skip_words"] or word in sets["level_links"]:
            continue
        if word in sets["clause_links"]:
            continue
        found.append(word)
        if len(found) == SUBJECT_WORDS:
            break
    return " ".join(found) if found else None


def _is_change(words: list[str], sentence: str, end: int) -> bool:
    """A rise or fall ("fell 3%", "up 0.4%", "closed 0.68% higher"), not a level ("to
    $55.12", "from 1.808%")."""
    sets = lexicon().sets
    if words and words[-1] in sets["level_links"]:
        return False
    if any(w in sets["change_verbs"] for w in words[-3:]):
        return True
    return CHANGE_AFTER.match(sentence, end) is not None


def _predicate(sentence: str, end: int) -> str | None:
    """What is said of a figure that opens its clause: '65 percent were white' -> white."""
    after = sentence[end : end + PREDICATE_REACH]
    clause = CLAUSE_BREAK.split(after, maxsplit=1)[0]
    sets = lexicon().sets
    found: list[str] = []
    for word in map(_clean, clause.split()):
        if not word or word in sets["subject_stop_words"] or word in sets["subject_skip_words"]:
            continue
        if word in sets["clause_links"]:
            continue
        found.append(word)
        if len(found) == PREDICATE_WORDS:
            break
    return " ".join(found) if found else None


# "revenue of $3.2 billion", "a budget of $449,000": the noun the amount is the value of.
NOUN_OF: Final = re.compile(r"([^\W\d_]+)\s+(?:of|worth|totall?ing)\s+$")
NOUN_OF_REACH: Final = 40  # characters before a figure read for it


def noun_before(sentence: str, start: int) -> str | None:
    """The noun an amount is the value of, written right before it: 'revenue of $3.2bn'."""
    m = NOUN_OF.search(sentence, max(0, start - NOUN_OF_REACH), start)
    if m is None:
        return None
    word = m.group(1).lower()
    sets = lexicon().sets
    light = sets["subject_stop_words"] | sets["subject_skip_words"] | sets["change_verbs"]
    if word in light or word.endswith(("ly", "ed")) or not m.group(1)[0].islower():
        return None
    return word
