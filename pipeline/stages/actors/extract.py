"""The stage's entry points: an article's candidates found, typed and resolved
(``find_candidates``), turned into ``ActorMention`` records (``extract_actor_mentions``); the
key of a canonical name (``canonical_actor_key``) and the cross-article surname merges
(``surname_merges``) used at load."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, cast

import regex

from pipeline.ids import stable_id
from pipeline.stages.actors import gazetteers as gaz
from pipeline.stages.actors.actor_types import apposition_role, type_by_rules
from pipeline.stages.actors.candidate import Candidate
from pipeline.stages.actors.candidates import line_candidates
from pipeline.stages.actors.resolve import (
    clean_name,
    dedupe,
    default_keys,
    extend_to_acronyms,
    person_key,
    resolve_acronyms,
    resolve_capitals,
    resolve_coalitions,
    resolve_people,
    resolve_teams,
)
from pipeline.stages.actors.tokens import is_acronym
from schemas.records import ActorMention, ActorType, ArticleText

WORD_RE: Final = regex.compile(r"\b\p{L}{2,}\b")
# Runs of letters: \p{L} is the Unicode category that str.isalpha tests.
LETTERS_RE: Final = regex.compile(r"\p{L}+")
CAPS_PAIR_RE: Final = regex.compile(r"\b\p{Lu}{2,}\b\W{1,3}\p{Lu}{2,}\b")
# A line mostly in capitals is a headline: only names known elsewhere count in it.
SHOUTING_SHARE: Final = 0.6  # share of all-caps words that marks a headline-style line
SHOUTING_PREFIX_CHARS: Final = 200  # judged on the start of the line: headlines are short
# Company words written as abbreviations, whose full stop is part of the name.
ABBREVIATED_COMPANY_WORDS: Final = frozenset({"Inc", "Corp", "Ltd", "Co", "Bros", "Plc"})
# Evidence too weak to keep a name the article also writes in lower case.
WEAK_EVIDENCE: Final = frozenset({"gazetteer place", "family name", "name shape"})


def canonical_actor_key(name: str, type: str) -> str:
    """The cross-article key of an actor given its canonical name and type."""
    c = Candidate(0, 0, len(name), name, name)
    type_by_rules(c)
    if type == "person":
        return person_key(name)
    if c.key:
        return c.key
    group = "org" if type in ("organization", "government_body", "armed_group") else type
    return f"{group}:{gaz.norm_name(name)}"


def surname_merges(person_keys: Iterable[str]) -> dict[str, str]:
    """Across articles, a person named by surname alone is the one full-name person who has
    that surname, if there is exactly one.

    An article that only writes "Ryder said" keys its person "person:<surname form>:" (no given
    name); when exactly one full-name key shares that surname form ("person:<form>:<given>"),
    the surname-only key is that person. Two full-name people sharing the surname leave it
    ambiguous, so it stays apart. Returns surname-only key -> full-name key.
    """
    full: dict[str, set[str]] = {}
    bare: list[str] = []
    for key in person_keys:
        kind, _, rest = key.partition(":")
        if kind != "person":
            continue
        surname, _, given = rest.partition(":")
        if given:
            full.setdefault(surname, set()).add(key)
        elif surname:
            bare.append(key)
    merges = {}
    for key in bare:
        candidates = full.get(key.split(":")[1], set())
        if len(candidates) == 1:
            merges[key] = next(iter(candidates))
    return merges


def find_candidates(article: ArticleText) -> list[Candidate]:
    """Typed and resolved candidates of an article (before conversion to records)."""
    cands: list[Candidate] = []
    shouted: list[tuple[int, str]] = []
    for line_no, line in article.body_lines():
        if _is_shouting(line):
            shouted.append((line_no, line))
        else:
            cands.extend(line_candidates(line_no, line))
    for c in cands:
        type_by_rules(c)
    if shouted:
        doc_names = _doc_names([c for c in cands if c.type != "other"])
        for line_no, line in shouted:
            cands.extend(line_candidates(line_no, line, doc_names))
        for c in cands:
            if not c.type or (c.type == "other" and not c.evidence):
                type_by_rules(c)
        cands.sort(key=lambda c: (c.line_no, c.start))
    _drop_common_words(cands, article)
    cands = extend_to_acronyms(cands)
    for c in cands:
        if c.evidence == ["expansion of an acronym"]:
            type_by_rules(c)
            if c.type in ("", "other") and len(c.evidence) == 1:
                c.type = "organization"  # a name with an acronym of its own is a body's
    resolve_acronyms(cands)
    resolve_people(cands)
    resolve_teams(cands)
    cands = [c for c in cands if c.type != "other" or _kept_other(c)]
    resolve_capitals(cands)
    resolve_coalitions(cands)
    default_keys(cands)
    for c in cands:
        if c.type == "person":
            # A title before the name and a description after it are both its role.
            roles = [r for r in (c.role, apposition_role(c)) if r]
            c.role = ", ".join(roles) or None
    for c in cands:
        _keep_abbreviation_dot(c)
    return dedupe(cands)


def _keep_abbreviation_dot(c: Candidate) -> None:
    """ "Tempus Inc.": a company word's abbreviation keeps its full stop."""
    last = c.text.rsplit(" ", 1)[-1]
    if last in ABBREVIATED_COMPANY_WORDS and c.line[c.end : c.end + 1] == ".":
        c.end += 1
        c.text += "."


def _is_shouting(line: str) -> bool:
    """A headline in capitals ("SOCCER - JAPAN GET LUCKY WIN")."""
    if not CAPS_PAIR_RE.search(line, 0, SHOUTING_PREFIX_CHARS):
        return False  # no two capitalised words in a row: the common, fast case
    words = WORD_RE.findall(line, 0, SHOUTING_PREFIX_CHARS)
    if len(words) < 2:
        return False
    caps = sum(1 for w in words if w.isupper())
    return caps / len(words) >= SHOUTING_SHARE


def _drop_common_words(cands: list[Candidate], article: ArticleText) -> None:
    """Weakly typed names that the article itself also writes in lower case are ordinary
    words: "Come" starting a sentence is not the town of Comé, nor "Biggest Blow" a person."""
    weak = [c for c in cands if _may_be_common_words(c)]
    if not weak:
        return
    text = "\n".join(line for _, line in article.body_lines())
    written = _written_lower(text, {w.lower() for c in weak for w in c.text.split()})
    for c in weak:
        if any(w.lower() in written for w in c.text.split()):
            c.type = "other"
            c.evidence.append("written in lower case elsewhere in the article")


def _may_be_common_words(c: Candidate) -> bool:
    """Whether ``c`` is typed on evidence weak enough to yield to a lower-case use."""
    if not c.evidence or c.evidence[0] not in WEAK_EVIDENCE:
        return False
    # Only a town name opening a sentence can be an ordinary word.
    return c.evidence[0] != "gazetteer place" or (
        c.type == "location" and len(c.text.split()) == 1 and c.sentence_initial
    )


def _written_lower(text: str, words: set[str]) -> set[str]:
    """Those of ``words`` (lower case, no spaces) that occur in ``text`` as whole words, that
    is with no letter just before or after.

    Searching the text once per word would make the stage quadratic. A whole-word occurrence
    holds each run of letters of the word as a whole run of letters of the text, so the
    text's runs are read once and only where one is a word's longest run ("sudani" for
    "al-sudani") is the word compared in place. Words are grouped by where that run sits in
    them, so each run of the text is compared once per such place, not once per word.
    """
    anchored: dict[str, dict[tuple[int, int], set[str]]] = {}  # run -> (offset, length) -> words
    found: set[str] = set()
    for word in words:
        runs = LETTERS_RE.findall(word)
        if not runs:
            if _has_whole_word(text, word):  # no letters ("&"): few such words, searched
                found.add(word)
            continue
        run = max(runs, key=len)
        place = (word.index(run), len(word))
        anchored.setdefault(run, {}).setdefault(place, set()).add(word)
    for m in LETTERS_RE.finditer(text):
        for (offset, length), group in anchored.get(m.group(), {}).items():
            at = m.start() - offset
            if at >= 0 and text[at : at + length] in group and _whole_word(text, at, length):
                found.add(text[at : at + length])
    return found


def _has_whole_word(text: str, word: str) -> bool:
    """Whether ``word`` occurs in ``text`` as a whole word."""
    at = text.find(word)
    while at != -1:
        if _whole_word(text, at, len(word)):
            return True
        at = text.find(word, at + 1)
    return False


def _whole_word(text: str, at: int, length: int) -> bool:
    """Whether ``text[at : at + length]`` has no letter just before or after it."""
    end = at + length
    return (at == 0 or not text[at - 1].isalpha()) and (end == len(text) or not text[end].isalpha())


def _kept_other(c: Candidate) -> bool:
    """An untyped candidate is still an actor when a gazetteer names it ("X") or when it is
    an acronym; events and demonyms are not actors."""
    return "known actor" in c.evidence or (is_acronym(c.text) and not c.evidence)


def _doc_names(cands: list[Candidate]) -> frozenset[str]:
    """Folded names found in mixed-case lines, and the surnames of multiword ones."""
    names: set[str] = set()
    for c in cands:
        folded = gaz.fold(clean_name(c.text))
        names.add(folded)
        words = folded.split()
        if len(words) > 1 and words[-1] not in gaz.common_words():
            names.add(words[-1])
    return frozenset(names)


def preload_gazetteers() -> None:
    """Load every gazetteer now (about a second) rather than on the first article."""
    gaz.known_actors()
    gaz.places()
    gaz.multiword_first_words()
    gaz.known_or_place_keys()
    gaz.given_names()
    gaz.surnames()
    gaz.demonyms()
    gaz.titles()
    gaz.org_heads()


def extract_actor_mentions(article: ArticleText) -> list[ActorMention]:
    """Every mention of a named actor in the article's body lines, resolved."""
    out = []
    actor_ids: dict[str, str] = {}  # an article names its few actors many times
    for c in find_candidates(article):
        actor_id = actor_ids.get(c.key)
        if actor_id is None:
            actor_id = actor_ids[c.key] = stable_id("actor", c.key)
        out.append(
            ActorMention(
                article_id=article.article_id,
                line_no=c.line_no,
                start=c.start,
                end=c.end,
                text=c.text,
                actor_id=actor_id,
                actor_key=c.key,
                name=c.name,
                type=cast(ActorType, c.type),  # every kept candidate is typed; pydantic checks
                role=c.role,
            )
        )
    return out
