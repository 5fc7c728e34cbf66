"""Typing one candidate from its own text and immediate context, by the first rule that
fires: a forced type (title, pattern), the curated actors, places, organisation and place
head words, acronyms, given names, speech verbs and appositions, and the shape of the name."""

from __future__ import annotations

from functools import lru_cache
from typing import Final

import regex

from pipeline.stages.actors import gazetteers as gaz
from pipeline.stages.actors.candidate import Candidate
from pipeline.stages.actors.known import is_major_known, lookup_known
from pipeline.stages.actors.patterns import AIRPORT_WORDS
from pipeline.stages.actors.tokens import is_acronym, is_name_like
from pipeline.stages.actors.words import (
    armed_group_words,
    event_heads,
    location_heads,
    place_qualifiers,
    role_nouns,
)

PLACE_PREPOSITIONS: Final = frozenset({"in", "at", "near"})
# Words after a name's head word: "Ministry of Oil", "Islamic Resistance in Iraq".
HEAD_LINKS: Final = frozenset({"of", "in"})  # before an unknown word: a place
# Words after a name that show a person speaking.
PERSON_VERBS: Final = frozenset({"said", "says", "told", "added", "wrote", "tweeted", "stated"})
APPOSITION_ARTICLES: Final = frozenset({"a", "an", "the"})
MAX_UNKNOWN_ACRONYM_LEN: Final = 5  # longer all-caps words are shouted words unless known
MAX_PERSON_TOKENS: Final = 4
CLAUSE_END_RE: Final = regex.compile(r"[,;.()\u201c\u201d\"]")


def type_by_rules(c: Candidate) -> None:
    """Type one candidate from its own text and immediate context (first rule wins)."""
    text = c.text
    if c.forced_type:
        c.type = c.forced_type
        c.key = c.forced_key or ""
        c.name = c.forced_name or ""
        return
    known = lookup_known(text)
    if known:
        c.type, c.key, c.name = known.type, known.key, known.name
        c.evidence.append("known actor")
        return
    place = gaz.place_for(text)
    if place:
        c.type, c.key, c.name = place.type, place.key, place.name
        c.evidence.append("gazetteer place")
        return
    words = text.split()
    if len(words) == 2 and gaz.fold(words[0]) in place_qualifiers() and gaz.place_for(words[1]):
        # "Inner Mongolia", "Upper Egypt": a region of the place, named for it.
        c.type = "location"
        c.evidence.append("region of a place")
        return
    if _has_armed_group_word(words) and gaz.fold(words[0]) not in gaz.given_names():
        # "Kataib Hezbollah", "Jaish al-Adl", "Harakat-al-Nujaba": a militia's own word.
        c.type, c.key = "armed_group", militia_key(text)
        c.evidence.append("armed group word")
        return
    # "Ministry of Oil", "Islamic Resistance in Iraq": the head is the word before "of"/"in".
    inner = next((k for k, w in enumerate(words) if k and w in HEAD_LINKS), None)
    last = words[inner - 1] if inner is not None else words[-1]
    head_type = gaz.org_heads().get(last) or gaz.org_heads().get(last.rstrip("."))
    if head_type and len(words) > 1:
        c.type = head_type
        c.evidence.append(f"head word {last}")
        if head_type == "armed_group" and (
            gaz.fold(words[0]) in gaz.demonyms() or is_major_known(words[0])
        ):
            # "Sudanese Army", "Iraqi Security Forces": a state's forces, not a militia.
            c.type = "government_body"
            c.evidence.append("national forces")
        return
    if len(words) > 1 and (
        gaz.fold(last) in location_heads() or gaz.fold(words[0]) in location_heads()
    ):
        c.type = "location"
        c.evidence.append("place head word")
        city = gaz.place_for(words[0])
        if gaz.fold(last) in AIRPORT_WORDS and city is not None and city.type == "location":
            c.key = f"airport:{city.key}"  # "Baghdad International Airport" = "Baghdad airport"
        return
    if is_acronym(text) and _is_ticker(c):
        c.type = "other"
        c.evidence.append("ticker symbol")
        return
    if is_acronym(text):
        shouted = gaz.fold(text) in gaz.common_words() and not _defined_in_brackets(c)
        if shouted or len(text) > MAX_UNKNOWN_ACRONYM_LEN:
            c.type = "other"  # "UPDATE", "BREAKING": a shouted word, not an acronym
            c.evidence.append("shouted word")
            return
        c.type = "organization"
        c.evidence.append("acronym")
        return
    if gaz.fold(words[-1]) in event_heads() or gaz.fold(text) in gaz.demonyms():
        c.type = "other"
        c.evidence.append("event or demonym, not an actor")
        return
    first = gaz.fold(words[0])
    if 2 <= len(words) <= MAX_PERSON_TOKENS and first in gaz.given_names():
        c.type = "person"
        c.evidence.append("given name")
        return
    if (c.next_word in PERSON_VERBS and (not c.sentence_initial or _known_surname(c.text))) or (
        apposition_role(c)
    ):
        c.type = "person"
        c.evidence.append("speech verb or apposition")
        return
    if "&" in words:
        c.type = "organization"
        c.evidence.append("ampersand")
        return
    if len(words) > 1 and any(_is_major_place(w) for w in words):
        # "Real Madrid", "Air France": a name built on a place is an organisation's.
        c.type = "organization"
        c.evidence.append("place inside a name")
        return
    if (
        2 <= len(words) <= MAX_PERSON_TOKENS
        and is_name_like(last)
        and not any(gaz.fold(w) in gaz.common_words() or _has_digit(w) for w in words)
    ):
        # Two to four capitalised words, none an English word: "Yehia Rasool".
        c.type = "person"
        c.evidence.append("name shape")
        return
    if len(words) == 1:
        _type_single_word(c)
        return
    c.type = "other"


@lru_cache(maxsize=1 << 15)
def _is_major_place(word: str) -> bool:
    """Countries, regions and capitals: places too prominent to be a family name."""
    place = gaz.place_for(word)
    return place is not None and (
        place.type == "country" or place.is_capital or not place.key[4:].isdigit()
    )


def _has_armed_group_word(words: list[str]) -> bool:
    """Whether a word of the name, or a part of a hyphenated one, is a militia's word."""
    armed = armed_group_words()
    return any(
        part.replace("'", "").replace("\u2019", "") in armed
        for word in words
        for part in gaz.fold(word).split("-")
    )


def militia_key(name: str) -> str:
    """The cross-article key of a militia named by its unit's word: that word and the name's
    last word, spelling-insensitive, since transliterations drop and respell the words
    between ("Harakat Hezbollah al-Nujaba", "Harakat al-Nujaba", "Harakat-al-Nujaba")."""
    words = gaz.name_tokens(name)
    ends = (words[0], words[-1]) if len(words) > 1 else words
    return "org:" + " ".join(gaz.skeleton_word(w) for w in ends)


def _defined_in_brackets(c: Candidate) -> bool:
    """An acronym in brackets right after a name ("World Health Organization (WHO)") is
    the name's, even when it spells a word."""
    return (
        c.line[max(0, c.start - 2) : c.start] == " ("
        and c.line[c.end : c.end + 1] == ")"
        and c.line[max(0, c.start - 3) : c.start - 2].isalpha()
    )


def _is_ticker(c: Candidate) -> bool:
    """A market code in capitals: a dotted index code ("(.DJI)", "Average .DJI") or an
    instrument code before "=" ("XAU=", "EUR="), as wire copy writes them after a name."""
    before, after = c.line[max(0, c.start - 2) : c.start], c.line[c.end : c.end + 3]
    # "(AAPL.O)": a share code with its exchange's letter.
    dotted = before in ("(.", " .")  # "(.DJI)", "Average .DJI fell"
    return dotted or after[:1] == "=" or (after[:1] == "." and after[1:2].isupper())


def _has_digit(word: str) -> bool:
    return any(ch.isdigit() for ch in word)


def _known_surname(text: str) -> bool:
    """A family name from the name lists that is no English word: "Ryder said" opening a
    sentence is a person, "Officials said" is not."""
    folded = gaz.fold(text)
    return folded in gaz.surnames() and folded not in gaz.common_words()


def _type_single_word(c: Candidate) -> None:
    """An unknown single capitalised word: a family name, or a place after "in"/"at"."""
    if c.prev_word.lower() in PLACE_PREPOSITIONS:
        c.type = "location"
        c.evidence.append("after a place preposition")
    elif gaz.fold(c.text) in gaz.surnames() and not c.sentence_initial:
        c.type = "person"
        c.evidence.append("family name")
    elif _is_camel_case_brand(c.text) and not _inside_handle_or_link(c):
        c.type = "organization"
        c.evidence.append("capital inside the word")
    else:
        c.type = "other"


# A word with a capital inside it after lower-case letters is a company's or a platform's
# name ("SoftBank", "WeWork", "SpaceX", "WhatsApp"); family names are written so after
# their particle ("McDonald", "DeSantis", "MacArthur"), which this leaves out.
CAMEL_CASE_RE: Final = regex.compile(r"\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}*)+")
SURNAME_PARTICLES: Final = ("Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "O")


def _inside_handle_or_link(c: Candidate) -> bool:
    """A word glued to what precedes it: a hashtag, a handle or a link ("#FeelTheBern",
    "@realDonaldTrump", "pic.twitter.com/OqctxglquI"), not a name in the text."""
    before = c.line[c.start - 1 : c.start]
    return bool(before) and (before.isalnum() or before in "#@/._")


def _is_camel_case_brand(word: str) -> bool:
    if not CAMEL_CASE_RE.fullmatch(word):
        return False
    head = regex.match(r"\p{Lu}\p{Ll}+", word)
    return head is not None and head.group() not in SURNAME_PARTICLES


def apposition_role(c: Candidate) -> str | None:
    """ ", the Pentagon's press secretary," after a name -> its role."""
    if not c.line.startswith(", ", c.end):
        return None
    # The clause up to its end; slicing the rest of a long line for every name would make
    # the stage quadratic in line length.
    stop = CLAUSE_END_RE.search(c.line, c.end + 2)
    clause = c.line[c.end + 2 : stop.start() if stop else len(c.line)].strip()
    words = clause.split()
    if not words or len(words) > 8 or words[0].lower() not in APPOSITION_ARTICLES:
        return None
    if any(gaz.fold(w.rstrip("'s\u2019")) in role_nouns() for w in words[1:]):
        return clause
    return None
