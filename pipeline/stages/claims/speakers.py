"""Speaker phrases next to a cue: the subject before it ("Sudani said", "Yehia Rasool, a military
spokesman, said", "he also said", "groups which demanded") or the phrase after an inverted cue
("said Mr. Ryder", "according to the Pentagon")."""

from __future__ import annotations

import re as stdre
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING, Final

from pipeline.stages.actors.words import role_nouns
from pipeline.stages.claims.lexicon import (
    ALL_HEAD_WORDS,
    CLAUSE_CUES,
    DETERMINERS,
    OBJECT_CUES,
    STOPWORDS,
    UNNAMED_HEADS,
)
from pipeline.stages.claims.phrases import (
    DATE_LEAD,
    LEADING_NOISE,
    MAX_SPEAKER_WORDS,
    TAIL_WINDOW,
    comma_parts,
    is_capitalised_phrase,
    last_letters,
    quote_side_nominal,
    strip_trailing,
    valid_speaker,
)
from pipeline.stages.claims.spans import ABBREVIATION_END, NON_SPACE, Span, is_abbreviation

if TYPE_CHECKING:
    from pipeline.stages.claims.cues import Cue

# A speaker phrase is looked for at most this many characters before its cue, so a very long
# line (a feed record can be one 40,000-character paragraph) costs linear time, not quadratic.
SPEAKER_LOOKBACK: Final = 400

_RELATIVE_OPENER_WORDS: Final = (
    r"(?:that|who|which|whom|while|whilst|as|because|after|but|and|though|although|whereas)"
    r"\s+(?=\S)"
)
# A relative opener is one of these words after a space or comma, or at the text's start. The
# two cases are separate patterns: one that begins with a character class lets the engine skip
# straight to the spaces and commas, where "(?:^|[\s,])" would be tried at every position.
_RELATIVE_OPENER_AT_START: Final = stdre.compile(_RELATIVE_OPENER_WORDS, stdre.I)
_RELATIVE_OPENER: Final = stdre.compile(rf"[\s,]{_RELATIVE_OPENER_WORDS}", stdre.I)
_RELATIVE_CLAUSE_START: Final = stdre.compile(r"(?:whose|who|which|where)\s", stdre.I)
# A non-restrictive relative clause closed by a comma just before the cue: "Richard Ross, who
# spent the morning near City Hall, described" - the speaker is the phrase before its comma.
_PARENTHETICAL_RELATIVE: Final = stdre.compile(r",\s*(?:who|whose|which)[\s,][^,]*(?:,[^,]*)*,\s*$")
# A phrase set off by commas between a subject and its cue that tells where, when or who the
# speaker is ("Clinton, during a town hall in Columbus, Ohio, said", "Cory James, 22, of Flint,
# Mich., said"): it opens with one of these lower-case words; a place name may follow it.
_ADVERBIAL_PARENTHESIS: Final = stdre.compile(
    r"(?:during|of|from|in|at|on|while|after|before|with|like|despite|speaking)\s"
)
_PLACE_PART: Final = stdre.compile(r"(?:[A-Z][\w.'\u2019-]*\s?){1,3}$")
# A past-participle phrase set off by commas: "A projection by X, prepared for Y, predicted".
_PARTICIPLE_PHRASE: Final = stdre.compile(
    r"[a-z]+ed\s+(?:(?:on\s+)?(?:[A-Z][a-z]+day|last\s+\w+|this\s+\w+|earlier\s+\w+)\s+)?"
    r"(?:by|for|in|on|at|from|with|to|after|under)\b"
)
_SPEAKER_AFTER_STOP: Final = stdre.compile(
    r"[.;:!?](?:\s|$)|,\s+(?!(?:a|an|the)\s)|\s(?:on|at|in|during|after|before|when|while|as)\s"
)
# A reported subject pronoun, and what may stand between it and the cue reporting it.
_REPORTED_PRONOUNS: Final = frozenset({"he", "she", "it", "they", "we"})
# Between an earlier cue and a pronoun reporting within its statement: a few words of one clause
# ("said Sunday that", "acknowledged that she had misspoken when"), no quotation or stop.
_REPORTED_LINK: Final = stdre.compile(r"(?:[\s,]+[\w\u2019'-]+){0,15}?[\s,]*")
# How many earlier cues of a sentence are read back for the subject a pronoun reports within.
REPORTING_CUES_READ: Final = 2
_PROGRESSIVE_CUE: Final = stdre.compile(r"[a-z]+ing\b")
_PARTICIPLE_START: Final = stdre.compile(r"[a-z]+ing\b")
# An age or a number set off by commas: "Sarandon, 69, told".
_NUMBER_ONLY: Final = stdre.compile(r"\d+\s*$")
_LOWER_START: Final = stdre.compile(r"[a-z]")
_FUNCTION_WORDS: Final = frozenset(
    ["in", "on", "at", "for", "by", "from", "with", "after", "before", "during", "meanwhile"]
)
# An appositive led by an owner's name: "Tim Cook, Apple's chief executive, said".
_POSSESSIVE_START: Final = stdre.compile(
    r"(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*(?:['\u2019]s|s['\u2019])\s+[a-z]"
)
_PAST_VERB_AT: Final = stdre.compile(r"[a-z]+ed\s")
_DETERMINER_START: Final = stdre.compile(r"(?:a|an|the)\s", stdre.I)
_NON_SPACE_RUN: Final = stdre.compile(r"[^\s,][^\s,]*")
_COMMA: Final = stdre.compile(",")
_ADJUNCT_AFTER_NAME: Final = stdre.compile(r"\s(?:on|at|in|during|after|before|when|while|as)\s")
_CLAUSE_STOP: Final = stdre.compile(r"[.;:!?](?:\s|$)|,\s")
# Capitalised words that open an adverbial clause, not a subject.
_CLAUSE_OPENERS: Final = frozenset({"asked", "in", "on", "when", "after", "before"})
# At most this many words in a role-led name ("senior author Dr. Jane Roe").
_ROLE_NAME_MAX_WORDS: Final = 8
_NAME_PARTICLES: Final = {"of", "the", "al", "bin", "de", "von", "van", "la", "le", "du", "el", "&"}
# Four tail patterns, anchored at the cue: a pronoun subject ("he also"), a coordinated verb
# ("... and"), a relative pronoun ("who"), a passive ("was").
_PRONOUN_BEFORE_CUE: Final = stdre.compile(
    r"(?:(?P<embed>\b(?:what|as|whom)\s+)|(?:^|[\s,]))(?P<pronoun>[Hh]e|[Ss]he|[Ii]t|[Tt]hey|[Ww]e|I)"
    r"(?:\s+(?:also|then|later|had|has|have|would|will|once|again|previously|repeatedly|further|"
    r"went\s+on\s+to|appeared\s+to))*\s*$"
)
_COORDINATED: Final = stdre.compile(r"\s(?:and|but)\s*$")
_RELATIVE_BEFORE_CUE: Final = stdre.compile(
    r",?\s+(?:who|which|that)(?:\s+(?:also|then|later|had|has|have|long|in|the|past|once|often|"
    r"previously|repeatedly|frequently|publicly|recently|since|earlier|famously))*\s*$"
)
_PASSIVE_SUBJECT: Final = stdre.compile(
    r"\b(?:was|were|is|are|be|been|being)(?:\s+\w+ly|\s+further|\s+also)?\s*$"
)
# Every word the four tail patterns above can end with, besides the "-ly" adverbs.
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


def speaker_before(
    line: str, clause_start: int, cue_start: int, allow_embedded: bool = False
) -> Span | None:
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
    # The four end-anchored tail patterns are tried at every position of the tail: only when
    # its last word is one they can end with (most cues follow a name: "Smith said").
    last = last_letters(tail, 0, len(tail.rstrip())).lower()
    gated = last in _TAIL_PATTERN_LAST_WORDS or last.endswith("ly")
    pronoun = _PRONOUN_BEFORE_CUE.search(tail) if gated else None
    if pronoun:
        # "what he described as": an embedded report, not a claim of its own.
        if pronoun.group("embed") and not allow_embedded:
            return None
        offset = clause_start + tail_start
        return Span(offset + pronoun.start("pronoun"), offset + pronoun.end("pronoun"))
    if gated and _COORDINATED.search(tail) and cue_start - clause_start > 0:
        # "the prime minister declined to ... and said": the subject opens the sentence.
        return _sentence_subject(line, sentence_start, cue_start)
    antecedent = _RELATIVE_BEFORE_CUE.search(tail) if gated else None
    if antecedent:
        # "groups which demanded", "Mr. Rasool, who blamed": the speaker is the antecedent.
        return _antecedent(line, clause_start, clause_start + tail_start + antecedent.start())
    if gated and _PASSIVE_SUBJECT.search(tail) and not _PROGRESSIVE_CUE.match(line, cue_start):
        # "was said to", not "is calling for" (a progressive cue keeps its subject).
        return None
    parenthetical = _parenthetical_relative_start(left)
    if parenthetical is not None:
        return speaker_before(line, sentence_start, clause_start + parenthetical, allow_embedded)
    # Keep only what follows the last relative opener or semicolon ("... that a U.S. official").
    at_start = _RELATIVE_OPENER_AT_START.match(left)
    cut = at_start.end() if at_start else 0
    subject_relative = False
    for opener in _RELATIVE_OPENER.finditer(left, cut):
        if opener.group().strip(" ,").lower() == "and" and _POSSESSIVE_START.match(
            left, opener.end()
        ):
            continue  # "Teresa's husband and Tor's editor": one appositive of two roles
        if opener.group().strip(" ,").lower() == "and" and _joins_names(
            left, cut, opener.start(), opener.end()
        ):
            continue  # "Smith and Jones said": coordinated authors, one speaker phrase
        if _opener_inside_parenthesis(left, opener.start(), opener.group().strip(" ,").lower()):
            # "X, a Spokane and Seattle design agency, said", "Berg, speaking after the
            # win, said": the word opens no clause of the subject, only a parenthesis.
            continue
        cut = opener.end()
        opener_word = opener.group()[1:].strip().lower()
        subject_relative = opener_word in ("who", "which") or (
            # "lights that formed the name Trump": "that" before a past verb, a relative
            opener_word == "that" and _PAST_VERB_AT.match(left, opener.end()) is not None
        )
    semicolon = max(left.rfind(";"), left.rfind("\u2014"), left.rfind(" - "))
    if semicolon + 1 > cut:
        cut, subject_relative = semicolon + 1, False
    start, end = clause_start + cut, cue_start
    end = strip_trailing(line, start, end)
    parts = comma_parts(line, start, end)
    # "Sudani, whose government relies on ..., has said": skip the relative clause; and
    # "The agency, citing a source, reported": the participle phrase.
    while len(parts) >= 2 and (
        _RELATIVE_CLAUSE_START.match(line, parts[-1].start, parts[-1].end)
        or _PARTICIPLE_START.match(line, parts[-1].start, parts[-1].end)
        or _PARTICIPLE_PHRASE.match(line, parts[-1].start, parts[-1].end)
        or _NUMBER_ONLY.match(line, parts[-1].start, parts[-1].end)
    ):
        parts.pop()
    if parts and line[parts[-1].end : cue_start].strip() == ",":
        # A parenthesis closes right before the cue: "Clinton, during a visit to Ohio, said".
        parts = _without_adverbial_parenthesis(line, parts)
    if not parts:
        return None
    s0, e0 = parts[-1]
    # An appositive after a name belongs to it: "Yehia Rasool, a military spokesman for ...",
    # "Steve Clarke, deputy administrator at NASA".
    role_name = _name_after_role(line, *parts[-2]) if len(parts) >= 2 else None
    if len(parts) >= 2 and (
        _DETERMINER_START.match(line, s0, e0)
        or (_POSSESSIVE_START.match(line, s0, e0) and _is_name(line, *parts[-2]))
        or (
            _LOWER_START.match(line, s0, e0)
            and (_is_name(line, *parts[-2]) or role_name is not None)
        )
    ):
        name_start = parts[-2].start if role_name is None else role_name
        if is_capitalised_phrase(line[name_start : parts[-2].end]):
            s0 = name_start
            if valid_speaker(line, s0, e0) is None:
                # A long appositive: the name alone.
                return valid_speaker(line, s0, parts[-2].end)
        elif _POSSESSIVE_START.match(line, *parts[-2]) and is_capitalised_phrase(line[s0:e0]):
            # "WeWork's parent company, The We Company, announced": the owned description and
            # the name it gives are one speaker phrase.
            s0 = parts[-2].start
            if valid_speaker(line, s0, e0) is None:
                s0 = parts[-1].start
        elif (
            len(parts) >= 3
            and _LOWER_START.match(line, *parts[-2])
            and _is_name(line, *parts[-3])
            and _DETERMINER_START.match(line, s0, e0)
        ):
            # Two appositives: "Jeff Sanborn, president of Verse, a Seattle agency, said".
            s0 = parts[-3].start
            if valid_speaker(line, s0, e0) is None:
                return valid_speaker(line, s0, parts[-3].end)
    if window_start > sentence_start and s0 <= _first_word_end(line, window_start, e0):
        # The phrase runs on before the look-back window: far too long for a speaker.
        return None
    lead = LEADING_NOISE.match(line, s0, e0) or DATE_LEAD.match(line, s0, e0)
    while lead and lead.end() > s0:
        s0 = lead.end()
        lead = LEADING_NOISE.match(line, s0, e0) or DATE_LEAD.match(line, s0, e0)
    if s0 >= e0 and parts and line[start:cue_start].rstrip().endswith(" and"):
        # "the prime minister declined to ... and said": the subject opens the sentence.
        return _sentence_subject(line, sentence_start, cue_start)
    # After "who" or "which" may come the clause's verb phrase ("who now runs HP"), not a
    # subject: the name the clause belongs to, when there is one. (A capitalised or determiner
    # start is the clause's own subject: "who the Pentagon said".)
    verb_phrase = subject_relative and _LOWER_START.match(line, start, end) is not None
    verb_phrase = verb_phrase and not _DETERMINER_START.match(line, start, end)
    named = _name_before_appositive(line, window_start, cue_start) if verb_phrase else None
    found = named or valid_speaker(line, s0, e0)
    if found is None and not line[sentence_start:s0].strip(" ,"):
        # "The striker said", "The 46-year-old told": a short description opening the
        # sentence is its subject whatever its head noun.
        found = quote_side_nominal(line, s0, e0)
    if found is None and cut > 0:
        # "Ian Hamilton, an expert ... who did not work on the study, told": the name before the
        # appositive that the relative clause belongs to.
        return _name_before_appositive(line, window_start, cue_start)
    return found


# Common irregular past forms that end a sentence's subject ("The mother took the stand").
_IRREGULAR_PAST: Final = frozenset(
    [
        "took",
        "gave",
        "made",
        "went",
        "came",
        "held",
        "left",
        "stood",
        "spoke",
        "wrote",
        "sat",
        "ran",
        "met",
        "put",
        "got",
        "began",
        "sent",
        "saw",
        "knew",
        "brought",
        "kept",
        "found",
        "led",
        "won",
        "lost",
    ]
)
_ADVERBIAL_OPENERS: Final = frozenset(
    ["while", "whilst", "as", "after", "before", "because", "though", "although", "when"]
)
_THE_NAME: Final = stdre.compile(r"the\s+[A-Z]")


def _joins_names(left: str, start: int, and_at: int, after: int) -> bool:
    """Whether an "and" joins two names that open the subject ("Smith and Jones",
    "Researchers Anna Lee and Mark Ortiz"): a capitalised word follows it and the words
    before it, from the clause's start, are a name or a role-led name."""
    if not left[after : after + 1].isupper():
        return False
    before = left[start:and_at].strip(" ,")
    if not before or "," in before:
        return False
    return is_capitalised_phrase(before) or _name_after_role(before, 0, len(before)) is not None


def _opener_inside_parenthesis(left: str, at: int, word: str) -> bool:
    """Whether a relative opener at ``at`` stands inside the parenthesis set off by commas
    that closes right before the cue: an appositive opening with an article (for "and"), or
    a participle or adverbial phrase (for any opener)."""
    if not left.rstrip().endswith(","):
        return False
    opening = left.rfind(",", 0, at)
    if opening < 0 or "," in left[at:].rstrip()[:-1]:
        return False
    part = left[opening + 1 : at].lstrip()
    if word == "and" and _DETERMINER_START.match(part):
        return True
    if not part:
        # The opener opens the parenthesis: "Trump, while being interviewed on Fox, called".
        return word in _ADVERBIAL_OPENERS
    return (
        _PARTICIPLE_START.match(part) is not None or _ADVERBIAL_PARENTHESIS.match(part) is not None
    )


def _without_adverbial_parenthesis(line: str, parts: list[Span]) -> list[Span]:
    """The comma parts without a closing adverbial parenthesis and an age before it, when a
    subject-like phrase (capitalised or led by a determiner) stays before it."""
    for index in range(len(parts) - 1, 0, -1):
        part = parts[index]
        if _ADVERBIAL_PARENTHESIS.match(line, part.start, part.end):
            kept = parts[:index]
            while len(kept) >= 2 and _NUMBER_ONLY.match(line, kept[-1].start, kept[-1].end):
                kept.pop()
            head = line[kept[-1].start : kept[-1].end]
            subject_like = head[:1].isupper() or _DETERMINER_START.match(head) is not None
            return kept if subject_like else parts
        if not _PLACE_PART.match(line, part.start, part.end):
            break
    return parts


def _parenthetical_relative_start(left: str) -> int | None:
    """Where the comma opening a relative clause that closes just before the cue stands
    ("Ross, who spent ..., said"), when a phrase precedes it; else None."""
    comma = left.rfind(", who")
    comma = max(comma, left.rfind(", which"))
    if comma <= 0 or not _PARENTHETICAL_RELATIVE.match(left, comma):
        return None
    if any(stop in left[comma:] for stop in (";", "\u2014", " - ")):
        return None  # the clause runs over a semicolon or a dash: not one parenthesis
    return comma


def _is_name(line: str, start: int, end: int) -> bool:
    """A name of two to five capitalised words, not an adverbial opener ("On Tuesday")."""
    words = line[start:end].split()
    return (
        2 <= len(words) <= 5
        and words[0].lower() not in _CLAUSE_OPENERS | _FUNCTION_WORDS
        and is_capitalised_phrase(line[start:end])
    )


def _name_after_role(line: str, start: int, end: int) -> int | None:
    """Where the name starts in a role-led name ("Senior author Dr. Jane Roe", "lead
    researcher John Smith"): a few role words, none a function word, then a capitalised name
    of two or more words; else None."""
    words = list(_NON_SPACE_RUN.finditer(line, start, end))
    if not 3 <= len(words) <= _ROLE_NAME_MAX_WORDS:
        return None
    first_name = len(words)
    while first_name > 0 and words[first_name - 1].group()[0].isupper():
        first_name -= 1
    role = [w.group().lower() for w in words[:first_name]]
    if len(words) - first_name < 2 or not role or role[-1][0].isupper():
        return None
    if any(w in STOPWORDS or w in _CLAUSE_OPENERS or not w.isalpha() for w in role):
        return None
    return words[first_name].start()


def _name_before_appositive(line: str, start: int, end: int) -> Span | None:
    """The name before a last comma part that describes it: an appositive ("X, an expert who
    ..., told") or a relative clause ("Cruz, who says ..., said")."""
    parts = comma_parts(line, start, strip_trailing(line, start, end))
    if len(parts) < 2:
        return None
    name, last = parts[-2], parts[-1]
    relative = _RELATIVE_CLAUSE_START.match(line, last.start, last.end) is not None
    words = line[name.start : name.end].split()
    if _is_name(line, *name):
        return valid_speaker(line, *name)
    role_name = _name_after_role(line, *name)
    if role_name is not None:
        # "Minnesota state delegate Mary Susan, clad in ... that formed ..., said".
        return valid_speaker(line, role_name, name.end)
    if relative and words[0].lower() not in _CLAUSE_OPENERS | _FUNCTION_WORDS:
        # "The complaint, which was filed in May, alleged": any speaker phrase before it.
        return valid_speaker(line, *name)
    return None


def _first_word_end(line: str, start: int, end: int) -> int:
    word = NON_SPACE.search(line, start, end)
    return word.end() if word else start


def _is_capitalised_phrase_start(text: str) -> bool:
    words = text.split()
    if len(words) < 2 or not words[0][0].isupper():
        return False
    return words[0].lower() not in DETERMINERS | _CLAUSE_OPENERS


def _sentence_subject(line: str, start: int, end: int) -> Span | None:
    """A sentence's opening noun phrase: the words before its first past-tense verb."""
    lead = LEADING_NOISE.match(line, start, end) or DATE_LEAD.match(line, start, end)
    while lead and lead.end() > start:
        start = lead.end()
        lead = LEADING_NOISE.match(line, start, end) or DATE_LEAD.match(line, start, end)
    last = _last_comma_part(line, start, end)
    # Only the clause's first words matter: a long sentence is not read to its end.
    if last and _is_capitalised_phrase_start(" ".join(_first_words(line, *last, 2))):
        # "..., Mrs. Clinton shook her head and said": the name opening the last clause.
        run_end = last.start
        # A run longer than a speaker phrase is none: read no further.
        words = list(
            islice(_NON_SPACE_RUN.finditer(line, last.start, last.end), MAX_SPEAKER_WORDS + 1)
        )
        for index, word in enumerate(words):
            if not word.group()[0].isupper() and not _role_word_in_name(words, index):
                if index > 0 and word.group().lower() in UNNAMED_HEADS:
                    run_end = word.end()  # "Sanders protesters", "Trump supporters": the head
                break
            run_end = word.end()
        return valid_speaker(line, last.start, run_end)
    words = list(islice(_NON_SPACE_RUN.finditer(line, start, end), 7))
    for index, word in enumerate(words[1:7], start=1):
        text = word.group()
        if text.islower() and (
            text.endswith("ed")
            or text in CLAUSE_CUES
            or text in OBJECT_CUES
            or text in _IRREGULAR_PAST
        ):
            subject_end = words[index - 1].end()
            # "The victim's mother took the stand": a description whatever its head.
            return valid_speaker(line, words[0].start(), subject_end) or quote_side_nominal(
                line, words[0].start(), subject_end
            )
    return None


def _role_word_in_name(words: Sequence[stdre.Match[str]], index: int) -> bool:
    """Whether a lower-case word inside a capitalised run is a role word that a name follows
    ("Band member Flea", "Texas delegate Bill Eastland"): it belongs to the subject."""
    word = words[index].group().lower()
    following = words[index + 1].group() if index + 1 < len(words) else ""
    return (
        index > 0
        and following[:1].isupper()
        and (word in role_nouns() or word in ALL_HEAD_WORDS or word in UNNAMED_HEADS)
    )


def sentence_subject(line: str, start: int, end: int) -> Span | None:
    """The subject opening ``line[start:end]``, a clause without its cue."""
    return _sentence_subject(line, start, end)


def _first_words(line: str, start: int, end: int, count: int) -> list[str]:
    return [w.group() for w in islice(NON_SPACE.finditer(line, start, end), count)]


def _last_comma_part(line: str, start: int, end: int) -> Span | None:
    """The last non-blank of ``comma_parts(line, start, end)``, read from the end."""
    commas = _comma_positions(line)
    while True:
        # line.rfind(",", start, end), by bisection: a long sentence may have no comma.
        before = bisect_left(commas, end) - 1
        comma = commas[before] if before >= 0 and commas[before] >= start else -1
        part_start = start if comma < 0 else comma + 1
        if comma >= 0:
            while part_start < end and line[part_start].isspace():
                part_start += 1
        if NON_SPACE.search(line, part_start, end):
            return Span(part_start, end)
        if comma < 0:
            return None
        end = comma


@lru_cache(maxsize=256)
def _comma_positions(line: str) -> list[int]:
    """Where the line's commas stand (cached: a line's cues ask in turn)."""
    return [comma.start() for comma in _COMMA.finditer(line)]


def _antecedent(line: str, start: int, end: int) -> Span | None:
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
    return valid_speaker(line, start + words[first].start(), start + words[-1].end())


def reporting_speaker(line: str, s_start: int, cues: Sequence[Cue], speaker: Span) -> Span:
    """For a pronoun subject right after an earlier cue ("Benjamin said he believes ...",
    "the company said it expects ..."), the earlier cue's speaker: the words are reported
    inside that statement, so its speaker is their source."""
    if line[speaker.start : speaker.end].lower() not in _REPORTED_PRONOUNS:
        return speaker
    earlier = bisect_right(cues, speaker.start, key=_cue_end)
    named = None
    # The nearest earlier cue of the sentence with a subject of its own: "X said Sunday that he
    # believed", "X replied, before adding that he thinks" (a participle cue has none).
    for outer in reversed(cues[max(0, earlier - REPORTING_CUES_READ) : earlier]):
        if outer.start < s_start or not _REPORTED_LINK.fullmatch(line, outer.end, speaker.start):
            return speaker
        named = speaker_before(line, s_start, outer.start)
        if named is not None:
            break
    if named is None:
        return speaker
    words = line[named.start : named.end].split()
    # Only a whole subject replaces the pronoun: a name or a phrase led by a determiner, not a
    # fragment cut from a longer subject ("... advertising and design agency").
    whole = words[0][0].isupper() or words[0].lower() in DETERMINERS
    if not whole or words[0].lower() in _REPORTED_PRONOUNS:
        return speaker
    return named


def _cue_end(cue: Cue) -> int:
    return cue.end


def _speaker_after_end(text: str) -> int:
    """Where the phrase after an inverted cue ends in ``text``: at its first stop that is not
    an abbreviation's full stop, however many follow ("said retired Lt. Gen. Mick Ryan, who");
    after an abbreviation only a sentence stop or a comma ends it."""
    stop = _SPEAKER_AFTER_STOP.search(text)
    while stop and text[stop.start()] == ".":
        abbreviation = ABBREVIATION_END.search(text[: stop.start() + 1])
        if not (abbreviation and is_abbreviation(abbreviation.group(1))):
            break
        stop = _CLAUSE_STOP.search(text, stop.start() + 1)
        # "said Rep. Bobby Scott (D-Va.) at the time": a time or place still ends the name.
        adjunct = _ADJUNCT_AFTER_NAME.search(text, abbreviation.end())
        if adjunct and (stop is None or adjunct.start() < stop.start()):
            stop = adjunct
    return stop.start() if stop else len(text.rstrip())


def speaker_after(line: str, start: int, limit: int) -> Span | None:
    """The speaker after an inverted cue: "said Mr. Ryder", "according to the Pentagon"."""
    limit = min(limit, start + SPEAKER_LOOKBACK)  # a longer phrase is no speaker
    text = line[start:limit]
    end = start + _speaker_after_end(text)
    while start < end and line[start].isspace():
        start += 1
    found = valid_speaker(line, start, end)
    comma = line.find(",", start, end)
    if found is None and comma > start:
        # "said Robert Mason, a professor who has researched ...": a long appositive; the name.
        return valid_speaker(line, start, comma)
    return found
