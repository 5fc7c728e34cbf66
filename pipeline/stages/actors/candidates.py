"""The candidates of one line: the stretches around capitalised words ("regions"), their
runs of name-like words joined over connectors, each run segmented, plus pattern candidates.
How a region splits into names is computed once per distinct region, as regions recur within
and across articles."""

from __future__ import annotations

from functools import lru_cache
from typing import Final, NamedTuple

import regex

from pipeline.stages.actors import gazetteers as gaz
from pipeline.stages.actors.candidate import Candidate
from pipeline.stages.actors.known import is_known, max_known_words
from pipeline.stages.actors.patterns import pattern_candidates
from pipeline.stages.actors.segment import add_context, segment_run, segment_shouted_run
from pipeline.stages.actors.tokens import (
    CONTEXT_CHARS,
    SENTENCE_END,
    TOKEN_RE,
    Token,
    is_acronym,
    is_name_like,
    line_text,
    split_word,
    tokenize,
)
from pipeline.stages.actors.words import location_heads

# A stretch of a line that may hold names: capitalised words (or "al-Sudani", "U.S."),
# possibly joined by connectors. Only these stretches are tokenised, for speed.
_NAME_WORD: Final = (
    r"(?:\p{Lu}\.){2,}|(?:(?:al|el|ad|as|ash|at|az|an|ar)-)?\p{Lu}[\p{L}\p{M}\p{N}'\u2019&.\-]*"
)
_CONNECTOR_WORDS: Final = (
    "of|for|in|and|on|the|de|du|des|da|di|del|la|le|van|von|der|den|bin|ibn|bint|al|el|y|&"
)
# The lookahead (the first letters of connectors and of name words) only fails faster.
_JOIN: Final = rf"(?=\s+[\p{{Lu}}ofiatdlvbye&])(?:\s+(?:(?:{_CONNECTOR_WORDS})\s+){{0,2}})"
# A region starts at a capital (scanning for "al-" at every "a" and "e" of a line is slow); a
# particle just before it ("al-Sudani") is added by looking back (``_regions``).
_FIRST_NAME_WORD: Final = r"(?:\p{Lu}\.){2,}|\p{Lu}[\p{L}\p{M}\p{N}'\u2019&.\-]*"
# The leading lookahead changes nothing matched but lets the engine skip to capitals fast.
REGION_RE: Final = regex.compile(rf"(?=\p{{Lu}})(?:{_FIRST_NAME_WORD})(?:{_JOIN}(?:{_NAME_WORD}))*")
NAME_PREFIX_RE: Final = regex.compile(r"(?:al|el|ad|as|ash|at|az|an|ar)-")
# The last token before a position (a word, or one punctuation mark), searched backwards.
PREV_TOKEN_RE: Final = regex.compile(r"(?r)([\p{L}\p{N}]+|[^\s\p{L}\p{N}])")
# Punctuation after a word that no token continues over ("said," -> "said").
WORD_END_MARKS: Final = ',.;:!?)"'
SIMPLE_WORD_RE: Final = regex.compile(r"\p{Lu}\p{Ll}+")  # a region that needs no tokenising
ABBREVIATION_END_RE: Final = regex.compile(r"\p{L}+\.$")
# Connectors joined into a name only when the name ends in a head word ("Bank of Canada").
HEAD_CONNECTORS: Final = frozenset({"of", "for"})
# Connectors with an article joined after a head word ("Office of the Inspector General").
HEAD_ARTICLE_CONNECTORS: Final = frozenset({"of the", "for the"})
# Connectors joined only when the whole result is a known name ("Bosnia and Herzegovina").
KNOWN_ONLY_CONNECTORS: Final = frozenset({"in", "and", "on", "the", "of the", "for the"})
# Head words of movements named for the country they fight or work in ("Islamic Resistance
# in Iraq"), which "in" joins to that country's name.
CAUSE_HEADS: Final = frozenset({"Resistance", "Movement"})
# Connectors always kept inside a name.
NAME_CONNECTORS: Final = frozenset(
    {"&", "de", "du", "des", "da", "di", "del", "la", "le", "van", "von", "der", "den",
     "bin", "ibn", "bint", "al", "el", "y"}
)  # fmt: skip


def _is_country(word: str) -> bool:
    place = gaz.place_for(word)
    return place is not None and place.type == "country"


def line_candidates(
    line_no: int, line: str, doc_names: frozenset[str] | None = None
) -> list[Candidate]:
    """Candidates of one line. Only the regions around capitalised words are tokenised
    (most of a line is lower-case words that cannot start a name), for speed. A line in
    capitals is only read with ``doc_names`` (names seen in the article's other lines)."""
    shouting = doc_names is not None
    out: list[Candidate] = []
    stopwords = gaz.word_set("actors_stopwords.txt")
    common = gaz.common_words()
    for start, end in _regions(line):
        word = line[start:end].lower()
        if _in_brackets(line, start, end):
            pass  # "(WHO)": an acronym, even one that spells a word
        elif word in stopwords:
            continue  # "The", "But": by far the most common capitalised words
        elif word in common and _at_sentence_start(line, start) and not is_known(word):
            continue  # "Still, ..." "Government is ..."
        if doc_names is None:
            out.extend(_region_candidates(line_no, line, start, end))
            continue
        tokens = _region_tokens(line, start, end)
        for a, b in _capitalised_runs(tokens, shouting):
            out.extend(segment_shouted_run(line_no, line, tokens, a, b, doc_names))
    out.extend(pattern_candidates(line_no, line))
    return out


def _in_brackets(line: str, start: int, end: int) -> bool:
    """An acronym in brackets ("(WHO)"), which may spell a common word."""
    return (
        line[start - 1 : start] == "("
        and line[end : end + 1] == ")"
        and line[start:end].isupper()
        and end - start > 1
    )


def _regions(line: str) -> list[tuple[int, int]]:
    """Spans of the stretches of a line that may hold names: capitalised words (with a name
    particle before the first, "al-Sudani") joined by connectors."""
    spans = [m.span() for m in REGION_RE.finditer(line)]
    if "-" not in line:
        return spans  # no particle: the common case
    out = []
    last_end = 0
    for start, end in spans:
        if start and line[start - 1] == "-":  # a particle ends in a hyphen: "al-Sudani"
            particle = NAME_PREFIX_RE.search(line, max(last_end, start - 4), start)
            if (
                particle is not None
                and particle.end() == start
                and not line[particle.start() - 1 : particle.start()].isalpha()
            ):
                start = particle.start()  # a particle opens a word ("pan-European" has none)
        out.append((start, end))
        last_end = end
    return out


def _region_candidates(line_no: int, line: str, start: int, end: int) -> list[Candidate]:
    """Candidates of one region of a mixed-case line. How a region splits into names depends
    on its own words and on whether it starts a sentence, so that split is computed once per
    distinct region (``_region_plan``) and only placed here; the rare region with a name-like
    word just outside it is segmented in full."""
    prev_word, next_word = _prev_word(line, start), _next_word(line, end)
    if is_name_like(prev_word) or is_name_like(next_word):
        prev, nxt = _prev_token(line, start), _next_token(line, end)
        tokens = [prev, *tokenize(line, start, end), nxt]
        out = []
        for a, b in _capitalised_runs(tokens, False):
            run = segment_run(line_no, line, tokens, a, b, False)
            add_context(run, line)
            out.extend(run)
        return out
    text = line[start:end]
    initial = prev_word in SENTENCE_END or not prev_word
    out = []
    for runs in _region_plan(text, initial):
        run = [_placed(p, line_no, line, start, prev_word, next_word, end - start) for p in runs]
        add_context(run, line)
        out.extend(run)
    return out


class PlannedCandidate(NamedTuple):
    """A candidate of a region read alone, at offsets within the region. Its context words
    are the region's own, so where it touches the region's edges ``_placed`` puts the words
    around the region in their place."""

    start: int
    end: int
    text: str
    forced_type: str | None
    role: str | None
    sentence_initial: bool
    shouted: bool
    next_word: str
    prev_word: str
    evidence: tuple[str, ...]


def _placed(
    planned: PlannedCandidate,
    line_no: int,
    line: str,
    start: int,
    prev_word: str,
    next_word: str,
    length: int,
) -> Candidate:
    """A planned candidate of the region at ``start`` (``length`` characters long) of
    ``line``, its context words being the region's where it touches the region's edges."""
    p = planned
    # Positional arguments, in Candidate's field order.
    return Candidate(
        line_no, start + p.start, start + p.end, p.text, line, p.forced_type, None, None,
        p.role, p.sentence_initial, p.shouted, False,
        next_word if p.end == length else p.next_word,
        prev_word if p.start == 0 else p.prev_word, "", "", "", list(p.evidence),
    )  # fmt: skip


# Stand-ins for the words around a region in ``_region_plan``: neither is name-like, and the
# first is a sentence end.
_PLAN_SENTENCE_END: Final = Token(".", -2, -1)
_PLAN_MID_SENTENCE: Final = Token("x", -2, -1)


@lru_cache(maxsize=1 << 14)
def _region_plan(text: str, initial: bool) -> tuple[tuple[PlannedCandidate, ...], ...]:
    """The candidates of a region read alone (offsets within ``text``), one tuple per run of
    names. Their context words are filled in where the region occurs."""
    prev = _PLAN_SENTENCE_END if initial else _PLAN_MID_SENTENCE
    words = [Token(text, 0, len(text))] if SIMPLE_WORD_RE.fullmatch(text) else tokenize(text)
    tokens = [prev, *words, Token("x", len(text) + 1, len(text) + 2)]
    return tuple(
        tuple(
            PlannedCandidate(c.start, c.end, c.text, c.forced_type, c.role, c.sentence_initial,
                             c.shouted, c.next_word, c.prev_word, tuple(c.evidence))
            for c in segment_run(0, text, tokens, a, b, False)
        )
        for a, b in _capitalised_runs(tokens, False)
    )  # fmt: skip


def _at_sentence_start(line: str, start: int) -> bool:
    before = line[max(0, start - 3) : start].rstrip()
    return not before or before[-1] in SENTENCE_END


def _region_tokens(line: str, start: int, end: int) -> list[Token]:
    """Tokens of line[start:end] with one token of context on each side; an empty token
    stands for the start or end of the line."""
    text = line[start:end]
    if SIMPLE_WORD_RE.fullmatch(text):
        inner = [Token(text, start, end)]  # one plain word, the common case
    else:
        inner = tokenize(line, start, end)
    return [_prev_token(line, start), *inner, _next_token(line, end)]


def _prev_word(line: str, start: int) -> str:
    """``_prev_token(line, start).text``, without the regex in the common cases: a plain
    word or one punctuation mark, then at most one space, before ``start``. (Every regex
    white-space character is ``isspace``, so a character that is not is a token.)"""
    if start == 0:
        return ""
    char = line[start - 1]
    if char == " " and start >= 2:
        char = line[start - 2]
        if char.isalnum():
            low = max(0, start - CONTEXT_CHARS)
            space = line.rfind(" ", low, start - 1)
            word = line[space + 1 if space >= 0 else low : start - 1]
            if word.isalnum():
                return word
            return _prev_token(line, start).text
    if char != "." and not char.isalnum() and not char.isspace():
        return char  # "." may end a title abbreviation: the full rule decides
    return _prev_token(line, start).text


def _next_word(line: str, end: int) -> str:
    """``_next_token(line, end).text``, without the regex in the common cases: one space
    then a lower-case ASCII word (maybe followed by punctuation that no token continues
    over), or one punctuation mark, at ``end``."""
    if end == len(line):
        return ""
    char = line[end]
    if char == " ":
        space = line.find(" ", end + 1)
        word = (line[end + 1 : space] if space >= 0 else line[end + 1 :]).rstrip(WORD_END_MARKS)
        if word.isascii() and word.isalpha() and word.islower():
            return word
    elif not char.isalnum() and not char.isspace():
        return char
    return _next_token(line, end).text


def _prev_token(line: str, start: int) -> Token:
    """The token before ``start`` (empty at the start of the line)."""
    last = PREV_TOKEN_RE.search(line, max(0, start - CONTEXT_CHARS), start)
    prev = Token(last.group(1), last.start(1), last.end(1)) if last else Token("", 0, 0)
    if prev.text == "." and last is not None:
        # "Gen." before a name: keep the title abbreviation whole.
        word = ABBREVIATION_END_RE.search(line, max(0, last.end(1) - 12), last.end(1))
        if word and gaz.fold(word.group()) in gaz.titles():
            prev = Token(word.group(), word.start(), word.end())
    return prev


def _next_token(line: str, end: int) -> Token:
    """The token from ``end`` on (empty at the end of the line)."""
    after = TOKEN_RE.search(line, end)
    if after is None:
        return Token("", len(line), len(line))
    return split_word(Token(after.group(), after.start(), after.end()))[0]


def _capitalised_runs(tokens: list[Token], shouting: bool) -> list[tuple[int, int]]:
    """Maximal [a, b) token ranges of name-like tokens, joined over allowed connectors."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(tokens)
    while i < n:
        if not is_name_like(tokens[i].text):
            i += 1
            continue
        j = i + 1
        while j < n:
            if is_name_like(tokens[j].text) and tokens[j].start - tokens[j - 1].end <= 1:
                j += 1
                continue
            # Try joining over one or two connector words.
            joined = _join_connector(tokens, i, j)
            if joined:
                j = joined
                continue
            break
        runs.append((i, j))
        i = j
    return runs


def _join_connector(tokens: list[Token], a: int, j: int) -> int:
    """End of the run if tokens[j:] starts with a connector that may join the name, else 0."""
    n = len(tokens)
    for width in (1, 2):
        if j + width >= n or not is_name_like(tokens[j + width].text):
            continue
        conn = " ".join(t.text.lower() for t in tokens[j : j + width])
        end = j + width + 1
        while end < n and is_name_like(tokens[end].text) and tokens[end].text[0].isupper():
            end += 1
        if conn in NAME_CONNECTORS:
            return end
        left_last = tokens[j - 1].text
        if conn in HEAD_CONNECTORS and (
            left_last in gaz.org_heads()
            or gaz.fold(left_last) in location_heads()
            or gaz.fold(left_last) in gaz.titles()
        ):
            return end
        if conn in HEAD_ARTICLE_CONNECTORS and left_last in gaz.org_heads():
            return end  # "Office of the Inspector General", not "President of the Senate"
        if conn == "in" and _cause_in_country(left_last, tokens[j + 1 : end]):
            return end
        if conn == "and" and _one_body_of_two_words(tokens, a, j, end):
            return end
        if conn in KNOWN_ONLY_CONNECTORS | HEAD_CONNECTORS:
            # Accept the shortest known name across the connector.
            stop = _shortest_known(tokens, a, j + width + 1, end)
            if stop:
                return stop
    return 0


def _one_body_of_two_words(tokens: list[Token], a: int, j: int, end: int) -> bool:
    """ "Securities and Exchange Commission", "Department of Health and Human Services": a
    body whose head word ends what "and" joins to one word (the run's first, or one after
    "of", "the" or a country), neither side a name of its own ("Acme Robotics and Zenith
    Systems Inc" are two)."""
    if tokens[end - 1].text not in gaz.org_heads() or end - j < 3:
        return False
    word = tokens[j - 1].text
    if is_acronym(word) or gaz.fold(word) in gaz.given_names():
        return False  # "IRS and Drug Enforcement Administration", "Hillary and Chelsea ..."
    if gaz.fold(tokens[j + 1].text) in gaz.surnames():
        return False  # "CGI and Clinton Foundation"
    before = tokens[j - 2].text if j - a > 1 else ""
    if before and before.lower() not in {*HEAD_CONNECTORS, "the"} and not _is_country(before):
        return False  # the one word after "of" or a country ("U.S. Securities and ...")
    left, right = line_text(tokens, a, j), line_text(tokens, j + 1, end)
    return not is_known(right) and not any(gaz.place_for(part) for part in (left, right))


def _cause_in_country(head: str, after: list[Token]) -> bool:
    """ "Islamic Resistance in Iraq", "Islamic Movement in Nigeria": a cause's head word,
    "in" and a country are one name. Units stay apart from where they are ("Popular
    Mobilisation Forces in Iraq"), and so does any other name ("Hamas in Gaza")."""
    if head not in CAUSE_HEADS:
        return False
    place = gaz.place_for(line_text(after, 0, len(after)))
    return place is not None and place.type == "country"


def _shortest_known(tokens: list[Token], a: int, first: int, last: int) -> int:
    """The least ``stop`` from ``first`` to ``last`` for which ``tokens[a:stop]`` is a known
    name, else 0.

    Looking up every ``stop`` of a long run of capitalised words would join the run once
    per word. A known name has at most ``max_known_words`` words, as written (one per token)
    and normalised (each token adds its own normalised words, or more when joined to the
    others), so the search ends once both counts of ``tokens[a:stop]`` exceed that.
    """
    words = 0  # normalised words of tokens[a:stop], counted token by token
    for stop in range(a + 1, last + 1):
        words += len(gaz.name_tokens(tokens[stop - 1].text))
        if stop - a > max_known_words() and words > max_known_words():
            return 0
        if stop >= first and is_known(line_text(tokens, a, stop)):
            return stop
    return 0
