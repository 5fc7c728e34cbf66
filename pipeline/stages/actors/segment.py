"""Cutting one run of capitalised words into candidates: known names matched whole, titles
taken off as the next person's role, demonyms and sentence-initial common words dropped; and
the cues just before a name (role nouns, "also known as")."""

from __future__ import annotations

from typing import Final, NamedTuple

import regex

from pipeline.stages.actors import gazetteers as gaz
from pipeline.stages.actors.candidate import Candidate
from pipeline.stages.actors.known import is_known, is_major_known
from pipeline.stages.actors.tokens import (
    CONTEXT_CHARS,
    SENTENCE_END,
    Token,
    is_acronym,
    is_name_like,
    line_text,
)
from pipeline.stages.actors.words import place_qualifiers, role_nouns, titles_by_first_word

# Honorifics mark a person but say nothing of their function, so they are not a role.
HONORIFICS: Final = frozenset({"Mr.", "Mrs.", "Ms.", "Miss", "Sir", "Dame"})
ALIAS_CUES: Final = ("also known as", "known as", "aka", "nicknamed", "dubbed")
ALIAS_CUE_ENDS: Final = tuple(sorted({cue.split()[-1] for cue in ALIAS_CUES}))  # last words
MAX_KNOWN_NAME_TOKENS: Final = 6  # longest run of words looked up whole in the gazetteers
MAX_SHOUTED_NAME_TOKENS: Final = 4
# Words of a name after a bare role noun read as a title: a given name and a surname or two.
NAME_AFTER_ROLE_MIN: Final = 2
NAME_AFTER_ROLE_MAX: Final = 3
# A connector after a known name inside a run that makes it the head of a longer one.
HEAD_LINK_WORDS: Final = frozenset({"of", "for"})


class TitleMatch(NamedTuple):
    """A title read at a token: the index of the token after it (0 if there is no title) and
    the title's expansion."""

    end: int
    expansion: str


NO_TITLE: Final = TitleMatch(0, "")


def segment_shouted_run(
    line_no: int, line: str, tokens: list[Token], a: int, b: int, doc_names: frozenset[str]
) -> list[Candidate]:
    """In a headline in capitals every word is capitalised, so only names known from a
    gazetteer or from the article's own mixed-case lines count ("ROBERTO DURAN FIGHTS")."""
    out: list[Candidate] = []
    i = a
    while i < b:
        for stop in range(min(b, i + MAX_SHOUTED_NAME_TOKENS), i, -1):
            text = line_text(tokens, i, stop)
            if gaz.fold(text) in doc_names or (
                is_known(text) and gaz.fold(text) not in gaz.common_words()
            ):
                out.append(_make(line_no, line, tokens, i, stop, True))
                i = stop
                break
        else:
            i += 1
    return out


def segment_run(
    line_no: int, line: str, tokens: list[Token], a: int, b: int, shouting: bool
) -> list[Candidate]:
    """Cut one capitalised run into candidates, taking titles off as roles."""
    stopwords = gaz.word_set("actors_stopwords.txt")
    out: list[Candidate] = []
    role_prefix: list[str] = []  # titles read so far, for the name that follows
    titled = False
    modifier = ""  # a country or demonym just before a title: "U.S. President", "Iraqi PM"
    i = a
    while i < b:
        # A known name starting here, longest first (keeps "U.S. Navy" whole).
        stop = _longest_known(tokens, i, b)
        if stop and titled and not is_major_known(line_text(tokens, i, stop)):
            stop = 0  # after a title comes a person: "President Clinton", not the town
        if stop and not titled and _local_body(tokens, i, stop, b):
            stop = 0  # "Fort Worth Police Department": a city's own body, named whole
        if stop:
            out.append(_make(line_no, line, tokens, i, stop, shouting))
            modifier = out[-1].text if is_major_known(out[-1].text) else ""
            i = stop
            continue
        title_end, title = _title_at(tokens, i, b)
        if title_end and title_end < b:
            if not role_prefix and modifier:
                role_prefix.append(modifier)
            if title not in HONORIFICS:
                role_prefix.append(title)
            titled, modifier = True, ""
            i = title_end
            continue
        word = tokens[i].text
        folded = gaz.fold(word)
        initial = _sentence_initial(tokens, i)
        if (
            (folded in stopwords and not _bracketed_acronym(tokens, i))
            or _is_code(word)
            or (folded in gaz.demonyms() and not _org_head_ends(tokens, i, b))
            or (initial and folded in gaz.common_words() and not is_known(word))
            or (len(word) == 1 and not is_known(word))
        ):
            modifier = word if folded in gaz.demonyms() else ""
            i += 1
            continue
        # An unknown name: up to the next title or known name.
        j = i + 1
        while j < b and (
            not tokens[j - 1].text[0].isupper()  # a connector binds the next word: "Bank of Canada"
            or _qualifies_a_place(tokens, i, j)
            or (
                _title_at(tokens, j, b).end not in _title_ends_outside(tokens, i, j, b)
                and not _starts_known_inside(tokens, j, b)
                and not _is_code(tokens[j].text)
                and not (tokens[j].text[0].isupper() and gaz.fold(tokens[j].text) in stopwords)
            )
        ):
            j += 1
        cand = _make(line_no, line, tokens, i, j, shouting)
        if titled:
            cand.forced_type = "person"
            cand.role = " ".join(role_prefix) or None
            cand.evidence.append("title")
            role_prefix, titled = [], False
        modifier = ""
        out.append(cand)
        i = j
    return out


def _org_head_ends(tokens: list[Token], i: int, b: int) -> bool:
    """Whether the run from ``i`` is a name ending in an organisation head ("Sudanese Army"),
    so a demonym at its start belongs to it."""
    return b - i > 1 and tokens[b - 1].text in gaz.org_heads()


def _title_ends_outside(tokens: list[Token], i: int, j: int, b: int) -> frozenset[int]:
    """Where a title found inside an unknown name may end and still start a person's role:
    anywhere, unless the name so far holds a connector and the title ends the run ("Office
    of the Inspector General" is a body, not an office and a general)."""
    if any(not t.text[:1].isupper() for t in tokens[i:j]):
        return frozenset(range(j + 1, b))
    return frozenset(range(j + 1, b + 1))


# A code of capitals and digits after a name ("London Metal Exchange CMAL3"): a market or
# product code, no part of the name.
CODE_RE: Final = regex.compile(r"\p{Lu}{2,}\d[\p{Lu}\d]*")


def _is_code(word: str) -> bool:
    return CODE_RE.fullmatch(word) is not None


def _bracketed_acronym(tokens: list[Token], i: int) -> bool:
    """An acronym alone in brackets ("(WHO)"): a name's, even when it spells a word."""
    return (
        0 < i < len(tokens) - 1
        and tokens[i - 1].text == "("
        and tokens[i + 1].text == ")"
        and is_acronym(tokens[i].text)
    )


def _local_body(tokens: list[Token], i: int, stop: int, b: int) -> bool:
    """Whether a known place (a city or a state, not a country) at tokens[i:stop] opens a
    longer name that ends in an organisation's head word ("Fort Worth Police Department",
    "Basra Provincial Council"): the body is named whole."""
    if stop >= b or tokens[b - 1].text not in gaz.org_heads():
        return False
    if not all(t.text[:1].isupper() for t in tokens[stop:b]):
        return False  # "Baghdad and Erbil Police": a connector may join two names
    place = gaz.place_for(line_text(tokens, i, stop))
    return place is not None and place.type == "location"


def _qualifies_a_place(tokens: list[Token], i: int, j: int) -> bool:
    """Whether tokens[i:j] are words that open a region's name ("Inner", "Upper") before a
    place: "Inner Mongolia" is one place."""
    return all(gaz.fold(t.text) in place_qualifiers() for t in tokens[i:j])


def _starts_known_inside(tokens: list[Token], j: int, b: int) -> bool:
    # A place or known actor inside a run starts a new candidate only when it is multiword or
    # an acronym-like country code ("U.S. Navy" is whole, but "John Paris" stays one name).
    stop = _longest_known(tokens, j, b)
    if not stop:
        return False
    if stop < b and tokens[stop].text in HEAD_LINK_WORDS:
        return False  # "Washington State Department of Health": the known name heads it
    if stop - j > 1 or tokens[j].text.isupper():
        return True
    # A country or region ends a name before it ("Lebed Chechnya" is two mentions).
    place = gaz.place_for(tokens[j].text)
    return place is not None and not place.key[4:].isdigit()


def _longest_known(tokens: list[Token], i: int, b: int) -> int:
    text = tokens[i].text
    folded = gaz.fold(text)
    if folded in ("the", "a", "an"):
        return 0  # "The Pentagon": the article is not part of the name.
    longest = min(b, i + MAX_KNOWN_NAME_TOKENS)
    if longest > i + 1 and _may_start_multiword(tokens, i, longest):
        for stop in range(longest, i + 1, -1):
            if is_known(line_text(tokens, i, stop)):
                return stop
    # One word.
    if folded in gaz.demonyms() or not is_known(text):
        return 0
    if i + 1 < b and not _splits_off(text, tokens[i + 1].text):
        return 0
    return i + 1


def _may_start_multiword(tokens: list[Token], i: int, stop: int) -> bool:
    """Whether tokens[i:stop] may begin a multiword known name: its first word begins one,
    or a word after it vanishes when normalised ("Gil de" normalises to one word)."""
    first = gaz.name_tokens(tokens[i].text)
    if not first or first[0] in gaz.multiword_first_words():
        return True
    return any(not gaz.name_tokens(t.text) for t in tokens[i + 1 : stop])


def _splits_off(word: str, next_word: str) -> bool:
    """Whether a known single word at the start of a longer run is a name of its own:
    countries and known actors are ("U.S. Navy" aside, which is known whole), cities and
    given names before another name are not ("Abu Mahdi", "Jordan Henderson")."""
    if is_acronym(word):
        return True  # "ISIS Returns", "U.S. Marines"
    if gaz.fold(word) in gaz.given_names() or not is_name_like(next_word):
        return False
    place = gaz.place_for(word)
    if place is not None:
        return place.type == "country"
    return True


def _title_at(tokens: list[Token], i: int, b: int) -> TitleMatch:
    """The longest title starting at ``tokens[i]`` and ending by ``b``."""
    for words, expansion in titles_by_first_word().get(gaz.fold(tokens[i].text), ()):
        k = len(words)
        if i + k <= b and tuple(gaz.fold(t.text) for t in tokens[i : i + k]) == words:
            return TitleMatch(i + k, expansion)
    if _role_noun_title(tokens, i, b):
        return TitleMatch(i + 1, tokens[i].text)
    return NO_TITLE


def _role_noun_title(tokens: list[Token], i: int, b: int) -> bool:
    """A capitalised role noun that no title list holds, before a person's name that ends the
    run: "Attorney Nealy Cox", "Prosecutor Ann Lee" (not "Chief Executives Forum")."""
    rest = tokens[i + 1 : b]
    return (
        gaz.fold(tokens[i].text) in role_nouns()
        and NAME_AFTER_ROLE_MIN <= len(rest) <= NAME_AFTER_ROLE_MAX
        and all(
            is_name_like(t.text)
            and gaz.fold(t.text) not in role_nouns()
            and t.text not in gaz.org_heads()
            and gaz.place_for(t.text) is None
            for t in rest
        )
    )


def _sentence_initial(tokens: list[Token], i: int) -> bool:
    return i == 0 or tokens[i - 1].text in SENTENCE_END or not tokens[i - 1].text


def _make(
    line_no: int, line: str, tokens: list[Token], i: int, j: int, shouting: bool
) -> Candidate:
    start, end = tokens[i].start, tokens[j - 1].end
    text = line[start:end]
    # Positional arguments, in field order.
    return Candidate(
        line_no, start, end, text, line, None, None, None, None, _sentence_initial(tokens, i),
        shouting or (text.isupper() and j - i > 1), False,
        tokens[j].text if j < len(tokens) else "", tokens[i - 1].text if i > 0 else "",
    )  # fmt: skip


def add_context(cands: list[Candidate], line: str) -> None:
    """Role nouns before a name ("top commander X") and alias cues ("also known as X")."""
    if not cands:
        return
    first = cands[0]
    word_before = first.prev_word.lower()
    if (
        len(word_before) < CONTEXT_CHARS // 2
        and not word_before.endswith(ALIAS_CUE_ENDS)
        and word_before not in role_nouns()
    ):
        return  # the common case: neither cue can end just before the name
    written = line[max(0, first.start - CONTEXT_CHARS) : first.start].rstrip()
    before = written.lower()
    if before.endswith(ALIAS_CUES):
        first.alias_of_previous = True
        first.forced_type = first.forced_type or "person"
    prev_words = before.split()[-3:]
    if (
        prev_words
        and prev_words[-1] in role_nouns()
        and first.forced_type is None
        and len(first.text.split()) >= 2
        and not is_known(first.text)
    ):
        first.forced_type = "person"
        first.evidence.append("role noun before")
        # The role noun with the modifiers just before it: "slain Iranian general".
        role_words = written.split()[-len(prev_words) :]
        start = len(role_words) - 1
        while start > 0 and (
            role_words[start - 1].lower() in gaz.word_set("actors_role_modifiers.txt")
            or gaz.fold(role_words[start - 1]) in gaz.demonyms()
        ):
            start -= 1
        first.role = " ".join(role_words[start:])
