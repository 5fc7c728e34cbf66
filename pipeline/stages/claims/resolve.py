"""Speaker resolution: the actor a speaker phrase names, through the article's actor mentions.

A name inside the phrase is its actor; a pronoun is the nearest person (or the sentence's
subject, for "it"); a role ("the prime minister") is the person described so; a capital speaking
for its government ("Baghdad said") is its country. Unnamed sources ("a government official",
"officials") resolve to no actor.
"""

from __future__ import annotations

import re as stdre
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Final, NamedTuple

from pipeline.stages.actors.words import role_nouns
from pipeline.stages.claims.lexicon import (
    ALL_HEAD_WORDS,
    ANTECEDENT_HEADS,
    COLLECTIVE_HEADS,
    COUNTRY_FOLD_HEADS,
    DETERMINERS,
    PERSON_HEADS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    STATEMENT_HEADS,
    THING_PRONOUNS,
    UNNAMED_HEADS,
    alternation,
    first_name_genders,
)
from pipeline.stages.claims.records import FoundClaim
from pipeline.stages.claims.spans import Span, is_abbreviation
from pipeline.stages.gazetteer import capital_country, country_names, person_nouns, place_for
from schemas import ActorMention, ArticleText

# How far before a pronoun its sentence is read for a role ("the prime minister ... he said"):
# a long run-on sentence is not read from its start for each of its pronouns.
ROLE_LOOKBACK: Final = 1000
_APPOSITIVE: Final = stdre.compile(r",\s+((?:a|an|the)\s[^,.;]{0,80})")
_NON_WORD: Final = stdre.compile(r"[^\w\s-]")
_CAPITALISED_WORD: Final = stdre.compile(r"[A-Z][\w.-]+")
_STATEMENT_OF: Final = stdre.compile(
    r"(?:a|an|the)\s+(?:\w+\s+)?(?:statement|post|message|letter|tweet|communique|release)\s+"
    r"(?:from|by|of|issued\s+by|released\s+by|published\s+by)\s+",
    stdre.I,
)


class _RoleText:
    """A person's role words as padded text (" the defence minister "), looked up by phrase.

    The text grows with every mention of the person, so a phrase is looked up in the set of
    its word sequences of that length (built once per length), not searched for in the text.
    """

    def __init__(self, padded: str) -> None:
        self.padded = padded
        self._words = padded.split(" ")
        self._phrases: dict[int, set[str]] = {}

    def has(self, phrase: str) -> bool:
        """``f" {phrase} " in self.padded``, for a phrase with no space at either end."""
        length = phrase.count(" ") + 1
        if length not in self._phrases:
            words = self._words
            self._phrases[length] = {
                " ".join(words[i : i + length]) for i in range(len(words) - length + 1)
            }
        return phrase in self._phrases[length]


class _LineMentions(NamedTuple):
    """Some of a line's mentions in order of start, with their starts for bisection."""

    mentions: list[ActorMention]
    starts: list[int]


_NO_MENTIONS: Final = _LineMentions([], [])


def _by_line(mentions: Sequence[ActorMention]) -> dict[int, _LineMentions]:
    """Mentions sorted by line and start, grouped by line."""
    by_line: dict[int, _LineMentions] = {}
    for mention in mentions:
        line = by_line.setdefault(mention.line_no, _LineMentions([], []))
        line.mentions.append(mention)
        line.starts.append(mention.start)
    return by_line


@dataclass
class _ActorIndex:
    """What we know of the article's actors, to resolve speaker phrases.

    Everything a claim asks is answered by bisection or a cached look-up: a long article has
    many mentions on a line and many mentions of one person.
    """

    by_line: dict[int, _LineMentions]
    persons_by_line: dict[int, _LineMentions]  # the mentions of persons
    others_by_line: dict[int, _LineMentions]  # the mentions of all other actors
    types: dict[str, str]
    country_names: dict[str, str]  # lower-case country name -> actor_id
    article: ArticleText
    mentions: Sequence[ActorMention]
    # Lower-case name word (or _COUNTRY_KEY, _BODY_KEY) -> where such actors are mentioned.
    by_name_word: dict[str, _Positions]
    genders: dict[str, str]  # person actor_id -> "f" or "m", where a title or role says
    # Filled on first use: most articles never need them.
    roles_cache: dict[str, _RoleText] | None = None
    holders_cache: dict[str, frozenset[str]] = field(default_factory=dict)
    narrowed_cache: dict[tuple[str, tuple[str, ...]], frozenset[str]] = field(default_factory=dict)
    countries_cache: dict[str, str | None] = field(default_factory=dict)

    def last_named_with(self, word: str, line_no: int, before: int) -> str | None:
        """The last body (not a person) named before the position whose name holds the word
        ("Xinhua News Agency" for "the agency")."""
        return _last_before(self.by_name_word.get(word), line_no, before)

    def last_country(self, line_no: int, before: int) -> str | None:
        """The last country mentioned before the position."""
        return _last_before(self.by_name_word.get(_COUNTRY_KEY), line_no, before)

    def last_body(self, line_no: int, before: int) -> str | None:
        """The last organisation or government body mentioned before the position."""
        return _last_before(self.by_name_word.get(_BODY_KEY), line_no, before)

    def starting_in(self, line_no: int, start: int, end: int) -> list[ActorMention]:
        """The line's mentions with ``start <= m.start < end``, in order."""
        line = self.by_line.get(line_no, _NO_MENTIONS)
        first, stop = bisect_left(line.starts, start), bisect_left(line.starts, end)
        return line.mentions[first:stop]

    def last_person(self, line_no: int, start: int, end: int) -> ActorMention | None:
        """The line's last person mention that lies within ``[start, end)``."""
        line = self.persons_by_line.get(line_no, _NO_MENTIONS)
        # A mention ending by ``end`` starts before it (a span is never empty).
        for at in range(bisect_left(line.starts, end) - 1, -1, -1):
            if line.starts[at] < start:
                break
            if line.mentions[at].end <= end:
                return line.mentions[at]
        return None

    def last_subject_person(self, line_no: int, start: int, end: int) -> ActorMention | None:
        """The line's last person mention within ``[start, end)`` that stands as its clause's
        subject ("Hollande denounced Trump's remarks": Hollande, not Trump)."""
        line = self.persons_by_line.get(line_no, _NO_MENTIONS)
        text = self.article.lines[line_no - 1] if line_no <= len(self.article.lines) else ""
        last = bisect_left(line.starts, end) - 1
        # Only the last few persons are read: a run-on line may name thousands.
        for at in range(last, max(-1, last - SUBJECT_CANDIDATES), -1):
            mention = line.mentions[at]
            if mention.start < start:
                break
            if mention.end <= end and in_subject_position(text, mention.start, mention.end):
                return mention
        return None

    def last_mention_of(self, actor_id: str | None, line_no: int, end: int) -> ActorMention | None:
        """The last of the line's few last person mentions before ``end`` naming the actor."""
        line = self.persons_by_line.get(line_no, _NO_MENTIONS)
        last = bisect_left(line.starts, end) - 1
        for at in range(last, max(-1, last - SUBJECT_CANDIDATES), -1):
            if actor_id is not None and line.mentions[at].actor_id == actor_id:
                return line.mentions[at]
        return None

    def first_other(self, line_no: int, start: int, end: int, skip: Span) -> ActorMention | None:
        """The line's first mention of a non-person starting in ``[start, end)`` but not in
        ``skip``."""
        line = self.others_by_line.get(line_no, _NO_MENTIONS)
        first = bisect_left(line.starts, start)
        if first < len(line.starts) and skip.start <= line.starts[first] < skip.end:
            first = bisect_left(line.starts, skip.end)
        if first < len(line.starts) and line.starts[first] < end:
            return line.mentions[first]
        return None

    @property
    def person_roles(self) -> dict[str, _RoleText]:
        """actor_id -> role words seen with its mentions (lower case, padded with spaces)."""
        if self.roles_cache is None:
            texts = _person_roles(self.article, self.mentions)
            self.roles_cache = {actor_id: _RoleText(text) for actor_id, text in texts.items()}
        return self.roles_cache

    def role_holders(self, group: str) -> frozenset[str]:
        """The persons seen with a role word of the group (PERSON_HEADS)."""
        if group not in self.holders_cache:
            words = PERSON_HEADS[group]
            self.holders_cache[group] = frozenset(
                actor_id
                for actor_id, roles in self.person_roles.items()
                if any(roles.has(w) for w in words)
            )
        return self.holders_cache[group]

    def role_holders_with(self, group: str, qualifiers: tuple[str, ...]) -> frozenset[str]:
        """The role's holders seen with every qualifier ("iraqi", "foreign") too."""
        key = (group, qualifiers)
        if key not in self.narrowed_cache:
            self.narrowed_cache[key] = frozenset(
                a
                for a in self.role_holders(group)
                if all(self.person_roles[a].has(q) for q in qualifiers)
            )
        return self.narrowed_cache[key]

    def country_in_roles(self, actor_id: str) -> str | None:
        """The country the person's role words name first ("the iraqi prime minister")."""
        if actor_id not in self.countries_cache:
            roles = self.person_roles.get(actor_id)
            words = roles.padded.split() if roles else []
            self.countries_cache[actor_id] = _country_in(words, self.country_names)
        return self.countries_cache[actor_id]


_COUNTRY_KEY: Final = " country"
_BODY_KEY: Final = " body"
_BODY_TYPES: Final = frozenset(["organization", "government_body", "armed_group"])


class _Positions(NamedTuple):
    """Mentions in reading order: their (line_no, start) keys and actor_ids."""

    keys: list[tuple[int, int]]
    actor_ids: list[str]


_SENTENCE_STOP: Final = stdre.compile(r"[.!?][\u201d\"')\u2019]*\s+")
_ABBREVIATED_WORD: Final = stdre.compile(r"([\w.]+)\.$")
# Lower-case words that put a name after them out of subject position: a preposition, a
# conjunction, a relative or a reporting verb ("attacks from Bush", "who met Trump").
_NOT_BEFORE_SUBJECT: Final = frozenset(
    [
        "from", "with", "to", "by", "of", "for", "about", "against", "at", "in", "on", "over",
        "and", "but", "or", "than", "as", "who", "which", "that", "whom", "said", "told",
        "says", "tells", "asked", "called", "like", "between", "after", "before", "under",
    ]
)  # fmt: skip
# How many of the persons named last before a pronoun are tried as its subject.
SUBJECT_CANDIDATES: Final = 6
_APPOSITIVE_END: Final = stdre.compile(r"\s*[.;!?]")
# At most this many lower-case words before a subject in its clause ("the F.B.I. director").
SUBJECT_LEAD_WORDS: Final = 3


def in_subject_position(line: str, start: int, end: int) -> bool:
    """Whether the name at ``line[start:end]`` opens its clause: only a title, a role or a
    short lead ("Last week, the F.B.I. director,") stands between it and its sentence's start,
    and it is not an appositive ending the sentence ("... for his sister, Martha Fry.")."""
    window_start = max(0, start - ROLE_LOOKBACK)
    lead_start = window_start
    for stop in _SENTENCE_STOP.finditer(line, window_start, start):
        word = _ABBREVIATED_WORD.search(line, max(0, stop.start() - 12), stop.start() + 1)
        if line[stop.start()] == "." and word and is_abbreviation(word.group(1)):
            continue  # "Mr. Trump": no sentence ends at the title's full stop
        lead_start = stop.end()
    lead = line[lead_start:start]
    words = lead[lead.rfind(",") + 1 :].split()
    if not words and "," in lead and _APPOSITIVE_END.match(line, end):
        return False
    lower = [w.strip(",;:()").lower() for w in words if w[:1].islower()]
    if len(lower) > SUBJECT_LEAD_WORDS or any(
        w in _NOT_BEFORE_SUBJECT or w.endswith("ed") for w in lower
    ):
        return False
    # A lower-case word after a capitalised one is a verb or an object ("Berg met Trump"),
    # unless a role noun ends its run ("Obama pollster Cornell Belcher").
    seen_capital = False
    for word, following in pairwise([*words, "X"]):
        if word[:1].isupper():
            seen_capital = True
        elif seen_capital and word[:1].isalpha() and following[:1].islower():
            continue  # the run goes on: judged by its last word
        elif seen_capital and word[:1].isalpha() and not _is_role_noun(word):
            return False
    return True


def _is_role_noun(word: str) -> bool:
    word = word.strip(",;:()").lower()
    return word in ALL_HEAD_WORDS or word in role_nouns()


def _outside_quotation(claim: FoundClaim) -> list[tuple[int, int]]:
    """The stretches of the claim's sentence before its pronoun speaker, nearest first, without
    the quotation it speaks: a person the quoted words name ("“Trump is wrong,” he said") is
    not who speaks them."""
    start, end = claim.sentence.start, claim.speaker_start or 0
    if claim.is_direct and start <= claim.start and claim.end <= end:
        return [(claim.end, end), (start, claim.start)]
    return [(start, end)]


def _last_before(positions: _Positions | None, line_no: int, before: int) -> str | None:
    if positions is None:
        return None
    at = bisect_left(positions.keys, (line_no, before))
    return positions.actor_ids[at - 1] if at else None


def _name_word_index(mentions: Sequence[ActorMention]) -> dict[str, _Positions]:
    """Where actors whose name holds each word are mentioned (mentions in reading order)."""
    index: dict[str, _Positions] = {}
    for mention in mentions:
        if mention.type == "person":
            continue
        keys = set(_NON_WORD.sub(" ", mention.name.lower()).split())
        if mention.type == "country":
            keys.add(_COUNTRY_KEY)
        if mention.type in _BODY_TYPES:
            keys.add(_BODY_KEY)
        for key in keys:
            positions = index.setdefault(key, _Positions([], []))
            positions.keys.append((mention.line_no, mention.start))
            positions.actor_ids.append(mention.actor_id)
    return index


_TITLE_BEFORE: Final = stdre.compile(r"\b(Mrs|Ms|Miss|Mr|Sir|Dame|Lady|Lord)\.?\s*$", stdre.I)
_TITLE_GENDER: Final = {
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "dame": "f",
    "lady": "f",
    "mr": "m",
    "sir": "m",
    "lord": "m",
}
_GENDERED_WORD: Final = stdre.compile(
    r"\b(?:(?P<f>\w*woman|mother|wife|daughter|sister|queen|princess|actress|widow)"
    r"|(?P<m>\w*man|father|husband|son|brother|king|prince|actor|widower))\b",
    stdre.I,
)
_TITLE_START: Final = stdre.compile(r"(Mrs|Ms|Miss|Mr)\.?\s")
_PRONOUN_GENDER: Final = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}


def _genders(article: ArticleText, mentions: Sequence[ActorMention]) -> dict[str, str]:
    """actor_id -> "f" or "m" for persons whose title ("Mrs.", "Mr.") or role ("spokeswoman")
    says so; a person seen with both is left out."""
    seen: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.type != "person":
            continue
        line = article.lines[mention.line_no - 1] if mention.line_no <= len(article.lines) else ""
        found = set()
        title = _TITLE_BEFORE.search(line, max(0, mention.start - 8), mention.start)
        head = _TITLE_START.match(mention.text)  # a title inside the mention ("Mr. Trump")
        for word in (title.group(1) if title else "", head.group(1) if head else ""):
            if word:
                found.add(_TITLE_GENDER[word.lower()])
        for match in _GENDERED_WORD.finditer(mention.role or ""):
            found.add("f" if match.group("f") else "m")
        if not found:
            # No title or role says: a first name borne by one gender does ("Ruth Ginsburg").
            first = mention.name.split()[0].lower() if mention.name.split() else ""
            gender = first_name_genders().get(first)
            if gender is not None:
                found.add(gender)
        if found:
            seen.setdefault(mention.actor_id, set()).update(found)
    return {actor_id: next(iter(g)) for actor_id, g in seen.items() if len(g) == 1}


def _index_actors(article: ArticleText, mentions: Sequence[ActorMention]) -> _ActorIndex:
    """The article's mentions by line, actor types and country names."""
    mentions = sorted(mentions, key=lambda m: (m.line_no, m.start))
    types: dict[str, str] = {}
    countries: dict[str, str] = {}
    for mention in mentions:
        types[mention.actor_id] = mention.type
        if mention.type == "country":
            countries[mention.name.lower()] = mention.actor_id
    return _ActorIndex(
        _by_line(mentions),
        _by_line([m for m in mentions if m.type == "person"]),
        _by_line([m for m in mentions if m.type != "person"]),
        types,
        countries,
        article,
        mentions,
        _name_word_index(mentions),
        _genders(article, mentions),
    )


def _country_in(words: Sequence[str], country_names: dict[str, str]) -> str | None:
    """The country of the first word that begins like a country's name ("iraqi": Iraq)."""
    for word in words:
        for name, actor_id in country_names.items():
            if len(name) >= 4 and word.startswith(name[:4]):
                return actor_id
    return None


def _person_roles(article: ArticleText, mentions: Sequence[ActorMention]) -> dict[str, str]:
    """actor_id -> the role words seen with its mentions: the role given, title, appositive."""
    roles: dict[str, list[str]] = {}
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
        roles.setdefault(mention.actor_id, [" "]).append(padded)
    return {actor_id: "".join(parts) for actor_id, parts in roles.items()}


def _appositive(line: str, end: int) -> str:
    match = _APPOSITIVE.match(line, end)  # not line[end:]: a copy of the rest of a long line
    return match.group(1) if match else ""


def _plural_head_before(line: str, start: int, end: int) -> bool:
    """Whether an unnamed plural ("authors", "officials") stands before a preposition in
    ``line[start:end]``: what follows it modifies that plural."""
    words = _NON_WORD.sub(" ", line[start:end]).split()
    for word, following in pairwise(words):
        if (
            word.islower()
            and word.endswith("s")
            and word in UNNAMED_HEADS
            and following in _PREPOSITIONS
        ):
            return True
    return False


def _indefinite_role_of(line: str, start: int, end: int) -> bool:
    """Whether ``line[start:end]`` is an indefinite noun phrase ending in a preposition ("a
    lawyer for", "an aide to"): a name after it says whom the unnamed person serves."""
    words = _NON_WORD.sub(" ", line[start:end]).split()
    return (
        len(words) >= 3
        and words[0].lower() in ("a", "an")
        and words[-1] in ("for", "of", "to")
        and all(w.islower() for w in words[1:])
    )


_PREPOSITIONS: Final = frozenset(["of", "in", "at", "from", "for", "with", "to", "close"])
_INDEFINITES: Final = frozenset(["a", "an", "one", "another"])


def _unnamed_individual(phrase: str) -> bool:
    """Whether the phrase is an indefinite common noun before a preposition ("one user on
    Weibo", "a resident of Paris"): an unnamed person; a place or platform after it only
    says where. A role noun ("a spokesman for the ministry") is left to the roles."""
    words = phrase.split()
    if len(words) < 3 or words[0].lower() not in _INDEFINITES:
        return False
    for at, word in enumerate(words[1:], start=1):
        if word in _PREPOSITIONS or word == "on":
            head = words[at - 1].lower().strip(".,\u2019'")
            return at >= 2 and words[at - 1].islower() and head not in _ROLE_LIKE_HEADS
        if not word.islower():
            return False
    return False


# Heads the word lists know: a description with one is resolved by them, not by variation.
_KNOWN_HEADS: Final = frozenset(
    UNNAMED_HEADS | ALL_HEAD_WORDS | STATEMENT_HEADS | ANTECEDENT_HEADS | COLLECTIVE_HEADS
)
# At most this many words in a description that varies a person's name ("the 46-year-old").
MAX_VARIATION_WORDS: Final = 4


def _is_person_variation(words: list[str], phrase: str) -> bool:
    """Whether a speaker phrase is a definite singular description of a person that no other
    word list resolves ("the Portuguese midfielder", "the host", "the 46-year-old"): no owner,
    no preposition. Any other head ("the embassy", "the lender") names no person."""
    if not 2 <= len(words) <= MAX_VARIATION_WORDS or words[0] != "the":
        return False
    if "\u2019s" in phrase or "'s" in phrase or any(w in _PREPOSITIONS for w in words):
        return False
    head = words[-1]
    if head in _KNOWN_HEADS or head in COUNTRY_FOLD_HEADS:
        return False
    return head in person_nouns() or head.endswith("-year-old")


# Documents that speak for whoever issued them ("the statement said").
_DOCUMENT_HEADS: Final = frozenset(["statement", "letter", "post", "tweet", "release", "message"])


_OWNED_HEAD: Final = stdre.compile(r"[\u2019']s\s+(?:[\w-]+\s+){0,2}?(?P<head>[a-z]+)\b")


def _owns_a_relation(line: str, mention: ActorMention) -> bool:
    """Whether a person mention owns the noun after it ("Ford's now-deceased father") and
    that noun is no statement head ("Sudani's office", "Trump's spokesman" speak for them)."""
    if mention.type != "person":
        return False
    owned = _OWNED_HEAD.match(line, mention.end)
    return owned is not None and owned.group("head") not in STATEMENT_HEADS


def head_of(words: list[str]) -> str:
    """A phrase's head: its last word."""
    return words[-1] if words else ""


_ROLE_LIKE_HEADS: Final = frozenset(ALL_HEAD_WORDS | STATEMENT_HEADS)
_GROUP_OF_ROLE_WORD: Final = {w: group for group, words in PERSON_HEADS.items() for w in words}
# Every role word, between spaces, longest first (one pass finds the last one).
_ROLE_WORD: Final = stdre.compile(rf"(?<= )(?:{alternation(_GROUP_OF_ROLE_WORD)})(?= )")


def _role_group(phrase: str) -> str | None:
    """The role group (PERSON_HEADS) of the phrase's last role word, if any."""
    lowered = " " + _NON_WORD.sub(" ", phrase.lower()) + " "
    last = None
    for last in _ROLE_WORD.finditer(lowered):  # noqa: B007 (the last one is wanted)
        pass
    return _GROUP_OF_ROLE_WORD[" ".join(last.group().split())] if last else None


class SpeakerResolver:
    """Resolves an article's speaker phrases in reading order, remembering the last speakers."""

    def __init__(self, article: ArticleText, mentions: Sequence[ActorMention]) -> None:
        self.article = article
        self.index = _index_actors(article, mentions)
        self.last_person: str | None = None
        self.last_speaker: str | None = None
        self.last_by_gender: dict[str, str] = {}

    def resolve(self, claim: FoundClaim) -> str | None:
        """The actor_id of the claim's speaker phrase; None when unnamed or unknown."""
        if claim.speaker_start is None or claim.speaker_end is None:
            return None
        line = self.article.lines[claim.line_no - 1]
        phrase = line[claim.speaker_start : claim.speaker_end]
        words = [w.lower().strip(".,\u2019'") for w in phrase.split()]
        # Mentions starting in the phrase ("the Islamic Resistance" of "... in Iraq") count too.
        inside = self.index.starting_in(claim.line_no, claim.speaker_start, claim.speaker_end)
        statement_of = _STATEMENT_OF.match(phrase)
        if statement_of:
            # "a statement from the prime minister's office": the speaker is whose statement it is.
            inner = replace(claim, speaker_start=claim.speaker_start + statement_of.end())
            return self.resolve(inner)
        if _unnamed_individual(phrase):
            # "one user on Weibo", "a resident of Paris": no one the article names.
            return None
        # "Ford's father", "Berg's lawyer, Anna Kowalski": a person owning the speaker's
        # relation to them does not speak (their office or spokesman does speak for them).
        inside = [m for m in inside if not _owns_a_relation(line, m)]
        persons = [m for m in inside if m.type == "person"]
        if persons and head_of(words) == "government":
            pass
        elif persons and _plural_head_before(line, claim.speaker_start, persons[0].start):
            # "The authors of the study in JAMA": a name after the unnamed plural modifies it.
            return None
        elif persons and _indefinite_role_of(line, claim.speaker_start, persons[0].start):
            # "A lawyer for Berg": someone unnamed who acts for the person, not the person.
            return None
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
        phrase_key = " ".join(words[-2:])
        indefinite = words and words[0] in ("a", "an", "some", "several", "many", "two", "three")
        # Lower-case words and the first: "the United States" is no unnamed plural.
        common = [
            w.lower().strip(".,\u2019'")
            for i, w in enumerate(phrase.split())
            if i == 0 or w[:1].islower()
        ]
        plural = any(w.endswith("s") and w in UNNAMED_HEADS for w in common) or (
            head in COLLECTIVE_HEADS and head in common and not inside
        )
        if indefinite or plural:
            return None
        if any(w in ("his", "her") for w in words) and head in STATEMENT_HEADS:
            return self._nearest_person(claim)
        if len(words) == 2 and words[0] == "the" and head in _DOCUMENT_HEADS:
            # "“...,” the statement said": the statement of the speaker just reported.
            return self.last_speaker
        group = _role_group(phrase)
        named_head = inside[-1] if inside else None
        if (
            group is not None
            and named_head is not None
            and named_head.end == claim.speaker_end
            and _role_group(named_head.text) == group
        ):
            # "NASA's Office of the Inspector General": the role word is part of a body's name.
            return self._country_of(named_head, capital_only=True)
        if group is not None and (head in ALL_HEAD_WORDS or head in STATEMENT_HEADS or not inside):
            return self._by_role(group, claim, phrase)
        if head == "government" or (head in STATEMENT_HEADS and "government" in words):
            # The country in the phrase, else the first one the persons' role words name.
            in_roles = (self.index.country_in_roles(m.actor_id) for m in persons)
            return _country_in(words, self.index.country_names) or next(
                (country for country in in_roles if country), None
            )
        folds = head in COUNTRY_FOLD_HEADS or phrase_key in COUNTRY_FOLD_HEADS
        if inside:
            chosen = inside[-1] if head in STATEMENT_HEADS else inside[0]
            if folds and head in common and chosen.type == "location":
                # "the Inner Mongolia health authority": an unnamed institution of a region
                # speaks for the region's country, as "the health commission" does.
                return (
                    self._country_of(chosen)
                    or self.index.last_country(claim.line_no, claim.speaker_start or 0)
                    or chosen.actor_id
                )
            return self._country_of(chosen, capital_only=True)
        # A description in lower case ("the news agency"), not a name ("The We Company").
        described = len(common) == len(words)
        if described and words[0] in ("the", "its", "their") and head in ANTECEDENT_HEADS:
            # "the agency", "the company": the body the article named before.
            named = self.index.last_named_with(head, claim.line_no, claim.speaker_start or 0)
            if named is not None:
                return named
        if described and words[0] == "the" and folds:
            # "the health commission": an unnamed institution folds into its country.
            return _country_in(words, self.index.country_names) or self.index.last_country(
                claim.line_no, claim.speaker_start or 0
            )
        if described and words[0] == "the" and head in ANTECEDENT_HEADS:
            return self.index.last_body(claim.line_no, claim.speaker_start or 0)
        if not inside and _is_person_variation(words, phrase):
            # "the Portuguese midfielder", "the 46-year-old": news names a person once, then
            # varies the description; it refers back to the person named last.
            return self._nearest_person(claim)
        return None

    def _country_of(self, mention: ActorMention, capital_only: bool = False) -> str | None:
        """The actor of the country a place lies in, when the article names it.

        With ``capital_only`` only a capital or seat of government counts ("Baghdad declared"
        speaks for Iraq) and any other mention stays itself; without it any region or city
        counts ("the Inner Mongolia health authority" speaks for China) and a mention that is
        no such place gives None.
        """
        if capital_only:
            if mention.type != "location":
                return mention.actor_id
            country = capital_country(mention.name) or capital_country(mention.text)
            if country is None:
                return mention.actor_id
        else:
            place = place_for(mention.name) or place_for(mention.text)
            if place is None or place.country_iso3 is None:
                return None
            country = country_names().get(place.country_iso3)
            if not country:
                return None
        return self.index.country_names.get(country.lower())

    def _sentence_subject_actor(self, claim: FoundClaim) -> str | None:
        """ "The U.S. has troops on a mission it says": the sentence's first non-person actor."""
        first = self.index.first_other(
            claim.line_no,
            claim.sentence.start,
            claim.speaker_start or 0,
            Span(claim.start, claim.end),
        )
        return self._country_of(first, capital_only=True) if first else None

    def _nearest_person(self, claim: FoundClaim) -> str | None:
        """The person a "he" or "she" names; never one whose title or role says otherwise."""
        line = self.article.lines[claim.line_no - 1]
        pronoun = line[claim.speaker_start or 0 : claim.speaker_end or 0].split()[:1]
        gender = _PRONOUN_GENDER.get(pronoun[0].lower()) if pronoun else None
        found = self._nearest_person_any(claim, line)
        if gender is None or found is None or self.index.genders.get(found) in (None, gender):
            return found
        # "Mr. Smith met Mrs. Jones ... she said": the last person of that gender instead.
        return self.last_by_gender.get(gender)

    def _nearest_person_any(self, claim: FoundClaim, line: str) -> str | None:
        outside = _outside_quotation(claim)
        for start, end in outside:
            before = self.index.last_subject_person(
                claim.line_no, start, end
            ) or self.index.last_person(claim.line_no, start, end)
            if before:
                return before.actor_id
        if claim.speaker_start is not None:
            # "The prime minister ... he said": a role named before the pronoun (not one the
            # quotation names).
            context = " ".join(
                line[max(start, claim.speaker_start - ROLE_LOOKBACK) : end]
                for start, end in reversed(outside)
            )
            group = _role_group(context)
            if group is not None:
                resolved = self._by_role(group, claim, context)
                if resolved:
                    return resolved
        # "Webb confessed ... . Later that evening, he admitted": a person earlier in the
        # paragraph, before the last one of earlier paragraphs.
        earlier = self.index.last_subject_person(claim.line_no, 0, claim.sentence.start)
        speaker = self.index.last_mention_of(self.last_person, claim.line_no, claim.sentence.start)
        if speaker is not None and (earlier is None or speaker.start > earlier.start):
            # "“...,” said Gov. Branstad, who used Mr. Ailes. He added": the last speaker, named
            # after the last subject.
            return speaker.actor_id
        earlier = earlier or self.index.last_person(claim.line_no, 0, claim.sentence.start)
        if earlier:
            return earlier.actor_id
        return self.last_person

    def _by_role(self, group: str, claim: FoundClaim, phrase: str) -> str | None:
        candidates = self.index.role_holders(group)
        if not candidates:
            return None
        qualifiers = tuple(
            _NON_WORD.sub(" ", w.lower()).strip()
            for w in _CAPITALISED_WORD.findall(phrase)
            if w.lower() not in DETERMINERS
        )
        if qualifiers:
            candidates = self.index.role_holders_with(group, qualifiers) or candidates
        if len(candidates) == 1:
            return next(iter(candidates))
        for actor_id in (self.last_speaker, self.last_person):
            if actor_id in candidates:
                return actor_id
        return None

    def remember(self, claim: FoundClaim, actor_id: str | None) -> None:
        if actor_id is None:
            return
        self.last_speaker = actor_id
        if self.index.types.get(actor_id) == "person":
            self.last_person = actor_id
            self._note_gender(actor_id)

    def _note_gender(self, actor_id: str) -> None:
        gender = self.index.genders.get(actor_id)
        if gender:
            self.last_by_gender[gender] = actor_id

    def note_line(self, line_no: int) -> None:
        """Persons named in a line become candidates for a later "he"."""
        persons = self.index.persons_by_line.get(line_no, _NO_MENTIONS).mentions
        line = self.article.lines[line_no - 1] if line_no <= len(self.article.lines) else ""
        subject = self.index.last_subject_person(line_no, 0, len(line)) if persons else None
        if subject is not None:
            # The paragraph's last subject is what a "he" of the next one most likely names.
            self.last_person = subject.actor_id
        elif persons and self.last_person not in {m.actor_id for m in persons}:
            self.last_person = persons[0].actor_id
        for mention in persons:
            self._note_gender(mention.actor_id)
