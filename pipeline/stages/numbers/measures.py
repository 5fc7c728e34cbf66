"""What a figure counts and whose it is: the unit noun after it, the event ("killed" ->
deaths, "came under attack ... times" -> attacks), the owner, the attacked target, what money
or a percentage is of; and the measure key made of them."""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from pipeline.stages.gazetteer import demonyms, fold
from pipeline.stages.numbers.context import _looks_plural
from pipeline.stages.numbers.grammar import (
    HYPHENS,
    ORDINAL_WORDS,
    TEEN_WORDS,
    TENS_WORDS,
    UNIT_WORDS,
)
from pipeline.stages.numbers.lexicon import DATA_DIR, lexicon
from pipeline.stages.numbers.places import (
    _find_places,
    _is_place_word,
    _locative_before,
    _place_in,
    _SentenceView,
)
from pipeline.stages.numbers.quantities import Quantity
from pipeline.stages.numbers.reading import NUMBER_START_WORDS
from pipeline.stages.numbers.spots import _MONTH_NAMES
from pipeline.stages.numbers.subjects import RateContext
from pipeline.stages.numbers.tokens import Token, _glued, _token_index_at

NON_SLUG: Final = re.compile(r"[^a-z0-9]+")
LETTERS_RE: Final = re.compile(r"[a-z]+")
# How far before "N times" the event it counts may be named, in characters.
EVENT_REACH: Final = 120
PARTICIPLE_MIN: Final = 4  # a longer word in -ed is read as a verb of its own
# How far before a figure its owner ("The US has ...") and an attacked target ("US forces
# ... came under attack ...") are looked for, in characters.
OWNER_REACH: Final = 300
TARGET_REACH: Final = 300


def _unit_noun(
    sentence: str, tokens: list[Token], k: int, q: Quantity
) -> tuple[str | None, int, bool]:
    """(unit noun, end offset, anaphoric) after the figure: '2,500 American troops' -> troops."""
    lex = lexicon()
    sets = lex.sets
    if q.kind in {"currency", "percent", "dimension", "temperature"}:
        return q.unit, q.end, False
    single = _single_count_noun(tokens, k, q)
    if single is not None:
        return single  # "one person" -> people
    if _refers_back(tokens, k):
        return None, tokens[k + 1].end, True  # "two of them": what was counted before
    modifiers: list[Token] = []
    j = _after_partitive(tokens, k)
    reach = j + UNIT_REACH
    limit = j + UNIT_REACH_MAX  # what extends the reach never reads on without end
    while j < len(tokens) and j < min(reach, limit):
        tok = tokens[j]
        low = tok.low
        if tok.kind == "num" and _numeric_modifier(tokens, j):
            j += 3  # "650 18-hole golf courses"
            reach += 3
            continue
        if _quote_mark(tokens, j):
            j += 1  # "100 'unbound' delegates": the quoted modifier is read, not its marks
            reach += 1
            continue
        if tok.kind not in {"word", "abbr"} and not (tok.text in HYPHENS and _glued(tokens, j)):
            break
        if tok.text in HYPHENS:
            j += 1
            if j < len(tokens) and tokens[j].kind == "word" and _glued(tokens, j):
                if _hyphened_head(tokens, j):
                    # "15 co-defendants", "250 uber-volunteers": the plural is the noun
                    return _hyphened_word(sentence, tokens, j, k - 1), tokens[j].end, False
                modifiers.append(tokens[j])  # "40 laid-off employees": one modifier
                j += 1
                reach += 1  # "20 new coal-fired power plants": one modifier, one word
            elif _number_in_name(tokens, j):
                j += 1  # "3,000 new COVID-19 cases", "two F-16 fighter jets": a name
                reach += 2
            continue
        if low in ADDING_MODIFIERS and _noun_next(tokens, j):
            modifiers.append(tok)  # "5,500 more pages", "20 additional victims"
            j += 1
            continue
        if low in sets["anaphoric_units"] and low.endswith("s"):
            return None, tok.end, True
        if low in COORDINATORS and modifiers and _adjective_conjunct(tokens, j + 1):
            reach += 2  # "100 Russian and Ukrainian miners"
            j += 1
            continue
        if (low in sets["not_units"] and low != "times") or low in sets["verbs_read_as_plurals"]:
            break  # "a reading above 50 indicates growth": a verb, no noun
        if low == "every":
            break  # "10 fold every five years": how often, not what
        if low == "times":
            return "times", tok.end, False
        if _is_people_demonym(tok.text):
            return tok.text, tok.end, False  # "four Americans", "27 million Latinos"
        hyphened = j + 1 < len(tokens) and tokens[j + 1].text in HYPHENS and _glued(tokens, j + 1)
        heads = not _noun_next(tokens, j) and not hyphened  # not "four Sanders-linked accounts"
        if ACRONYM_PLURAL.fullmatch(tok.text) and heads:
            return tok.text, tok.end, False  # "two super PACs", "5,000 SUVs"
        if PEOPLE_OF_A_PLACE.fullmatch(tok.text) and heads:
            # "60,000 Hong Kongers", "two New Yorkers" (not "1,000 Rangers fans")
            return _with_name_before(sentence, tokens, j, modifiers), tok.end, False
        if low in sets["casualty_adjectives"]:
            if not _noun_next(tokens, j):
                return "people", tok.end, False  # "200 wounded": people; the event says more
            modifiers.append(tok)  # "20 injured civilians"
            j += 1
            continue
        if _looks_plural(low) and tok.text[0].islower() and not _is_place_word(tok.text):
            compound = (modifiers[-1].low + " " + low) if modifiers else ""
            if compound in sets["compound_units"] or compound in lex.raw["unit_synonyms"]:
                return compound, tok.end, False
            head = tokens[j + 1] if j + 1 < len(tokens) else None
            if (
                head is not None
                and head.kind == "word"
                and head.text[0].islower()
                and _looks_plural(head.low)
                and head.low not in sets["not_units"]
                and head.low not in sets["verbs_read_as_plurals"]
            ):
                pair = f"{low} {head.low}"  # "five police officers" is one listed unit
                if pair in sets["compound_units"] or pair in lex.raw["unit_synonyms"]:
                    return pair, head.end, False
                return head.low, head.end, False  # "three news articles": articles
            return low, tok.end, False
        modifiers.append(tok)
        j += 1
    return None, q.end, False


QUOTE_MARKS: Final = frozenset("'\"\u2018\u2019\u201c\u201d")


def _quote_mark(tokens: list[Token], j: int) -> bool:
    """A quotation mark around a modifier ("100 'unbound' delegates"), not the apostrophe of
    a plural possessive ("20 senators' aides")."""
    tok = tokens[j]
    if tok.kind != "sym" or tok.text not in QUOTE_MARKS or j + 1 >= len(tokens):
        return False
    possessive = j > 0 and _glued(tokens, j) and tokens[j - 1].low.endswith("s")
    return not possessive and tokens[j + 1].kind in {"word", "sym"}


def _hyphened_head(tokens: list[Token], j: int) -> bool:
    """Is the word at j, glued after a hyphen, a plural noun that ends the noun phrase ("15
    co-defendants"), not a modifier of a noun after it ("12 anti-government protesters")?"""
    tok = tokens[j]
    if not (_looks_plural(tok.low) and tok.text[0].islower()):
        return False
    if tok.low in lexicon().sets["not_units"] or tok.low in lexicon().sets["time_units"]:
        return False
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    return nxt is None or not (
        nxt.kind == "word" and nxt.text[0].islower() and _looks_plural(nxt.low)
    )


def _hyphened_word(sentence: str, tokens: list[Token], j: int, after: int) -> str:
    """The whole hyphened word that ends at token j ("co-defendants", "18-year-olds"),
    lower-cased; it starts after token ``after`` (the figure's)."""
    first = j
    while first > after + 1 and _glued(tokens, first):
        first -= 1
    return sentence[tokens[first].start : tokens[j].end].lower()


# Words read after a figure for its noun: "50 of the nation's top Republican national
# security officers".
UNIT_REACH: Final = 6
UNIT_REACH_MAX: Final = 16  # tokens, with the hyphens and quotation marks that extend it
# The plural of an acronym: "PACs", "SUVs", "NGOs".
ACRONYM_PLURAL: Final = re.compile(r"[A-Z]{2,}s")
# The people of a place or a movement, capitalised: "New Yorkers", "Hong Kongers",
# "Chicagoans", "Bostonians", "Trotskyites", "Peronists".
PEOPLE_OF_A_PLACE: Final = re.compile(r"[A-Z][a-z]+(?:ers|ians|ans|ites|ists)")


def _number_in_name(tokens: list[Token], j: int) -> bool:
    """Digits glued by a hyphen to the word before them: "COVID-19", "F-16"."""
    return (
        j < len(tokens)
        and tokens[j].kind == "num"
        and _glued(tokens, j)
        and tokens[j - 2].kind in {"word", "abbr"}
        and _glued(tokens, j - 1)
    )


def _with_name_before(sentence: str, tokens: list[Token], j: int, modifiers: list[Token]) -> str:
    """The capitalised plural at j with the capitalised words right before it that make one
    name with it: "Hong Kongers", "New Yorkers"."""
    first = j
    while first - 1 >= 0 and tokens[first - 1] in modifiers and tokens[first - 1].text[0].isupper():
        if sentence[tokens[first - 1].end : tokens[first].start] != " ":
            break
        first -= 1
    return sentence[tokens[first].start : tokens[j].end]


# Words that join two modifiers of one counted noun: "Latin American and Caribbean countries".
COORDINATORS: Final = frozenset({"and", "or"})


def _adjective_conjunct(tokens: list[Token], j: int) -> bool:
    """Is the word at j a modifier with a noun after it (so no noun of its own)?"""
    if j + 1 >= len(tokens) or tokens[j].kind != "word" or tokens[j + 1].kind != "word":
        return False
    return not _looks_plural(tokens[j].low) and tokens[j].low not in lexicon().sets["not_units"]


# Words that add to a count before its noun: "5,500 more pages".
ADDING_MODIFIERS: Final = frozenset({"more", "additional", "other", "further", "extra", "new"})


def _numeric_modifier(tokens: list[Token], j: int) -> bool:
    """'18-hole', '10-year': a number glued by a hyphen to a word, modifying the noun."""
    if j + 2 >= len(tokens) or tokens[j + 1].text not in HYPHENS:
        return False
    glued = _glued(tokens, j + 1) and _glued(tokens, j + 2)
    return glued and tokens[j + 2].kind == "word" and not _looks_plural(tokens[j + 2].low)


def _noun_next(tokens: list[Token], j: int) -> bool:
    """Is the word after j a plural noun ("20 injured civilians")?"""
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    return nxt is not None and nxt.kind == "word" and _looks_plural(nxt.low)


def _is_people_demonym(word: str) -> bool:
    """A capitalised plural that names people of a country, party or faith: "Americans",
    "Iraqis", "Hispanic-Americans", "Democrats"."""
    last = re.split(r"[-\u2010-\u2013]", word)[-1]
    if not last[:1].isupper() or not last.endswith("s"):
        return False
    if last.lower() in lexicon().sets["capitalised_count_nouns"]:
        return True  # "10 Democrats", "27 million Latinos"
    known = demonyms()
    return fold(last) in known or fold(last[:-1]) in known


NUMBER_WORDS: Final = frozenset({*UNIT_WORDS, *TEEN_WORDS, *TENS_WORDS})

# "three of those companies", "46 of their close contacts": the noun after them is counted.
PARTITIVE_DETERMINERS: Final = frozenset(
    {"the", "those", "these", "their", "its", "his", "her", "our", "your", "my"}
)


def _after_partitive(tokens: list[Token], k: int) -> int:
    """The token after 'of the'/'of their' following the figure at token k, else k."""
    partitive = (
        k + 2 < len(tokens) and tokens[k].low == "of" and tokens[k + 1].low in PARTITIVE_DETERMINERS
    )
    possessor = _possessor_end(tokens, k + 1) if k < len(tokens) and tokens[k].low == "of" else None
    if possessor is not None:
        # "20,000 of Saudi Arabia's 70,000 mosques", "30 of the country's 50 states"
        return possessor + 1 if tokens[possessor].kind == "num" else possessor
    if not partitive:
        if k + 1 < len(tokens) and tokens[k].low == "of" and tokens[k + 1].kind == "num":
            return k + 2  # "eight of 12 states"
        if k + 1 < len(tokens) and tokens[k].low == "of" and tokens[k + 1].low in NUMBER_WORDS:
            return k + 1  # "eight of nine states": the number word reads as a modifier
        return k
    if tokens[k + 2].kind == "num" and k + 3 < len(tokens):
        return k + 3  # "11 of the 12 miners"
    return k + 2 if tokens[k + 2].kind == "word" else k


POSSESSOR_REACH: Final = 4  # words of a possessor after "of" ("the United States'")
POSSESSIVE_END: Final = re.compile(r"(?:'s|\u2019s|s'|s\u2019)$", re.IGNORECASE)


def _possessor_end(tokens: list[Token], i: int) -> int | None:
    """The token after a possessor that starts at i ("Saudi Arabia's", "the country's",
    "Sanders'"), when a number or a word follows it; else None."""
    for j in range(i, min(i + POSSESSOR_REACH, len(tokens) - 1)):
        if tokens[j].kind != "word":
            return None
        end = j + 1
        if _apostrophe_after(tokens, j):
            end = j + 2  # "Sanders' colleagues": the apostrophe a token of its own
        elif not POSSESSIVE_END.search(tokens[j].text):
            continue
        if end < len(tokens) and tokens[end].kind in {"num", "word"}:
            return end
        return None
    return None


APOSTROPHES: Final = frozenset("'\u2019")


def _apostrophe_after(tokens: list[Token], j: int) -> bool:
    """A plural's possessive apostrophe glued after the word at j ("Sanders'")."""
    return (
        j + 1 < len(tokens)
        and tokens[j].low.endswith("s")
        and tokens[j + 1].text in APOSTROPHES
        and _glued(tokens, j + 1)
        and not (j + 2 < len(tokens) and _glued(tokens, j + 2))
    )


# "two of them", "one of those": a part of a group counted before.
BACK_REFERENCES: Final = frozenset({"them", "those", "these"})


def _refers_back(tokens: list[Token], k: int) -> bool:
    """'of them', or 'of those' with no noun after it ('three of those farms' counts farms)."""
    if k + 1 >= len(tokens) or tokens[k].low != "of" or tokens[k + 1].low not in BACK_REFERENCES:
        return False
    return tokens[k + 1].low == "them" or not _noun_ahead(tokens, k + 2)


DEMONSTRATIVE_NOUN_REACH: Final = 3  # words after "of those" read for its noun


def _noun_ahead(tokens: list[Token], j: int) -> bool:
    """Does a plural noun follow within a few lower-case modifiers ("those farms", "those
    first appointments"), rather than a participle or a verb ("those killed", "those who")?"""
    sets = lexicon().sets
    for tok in tokens[j : j + DEMONSTRATIVE_NOUN_REACH]:
        if tok.kind != "word" or not tok.text[0].islower() or tok.low in sets["not_units"]:
            return False
        if _looks_plural(tok.low):
            return tok.low not in sets["verbs_read_as_plurals"]
        if tok.low.endswith("ed"):
            return False  # "two of those arrested": people named before
    return False


def _single_count_noun(tokens: list[Token], k: int, q: Quantity) -> tuple[str, int, bool] | None:
    """'one person', 'a single soldier': the listed singular noun after a count of one, as
    its plural (the unit is a plural noun)."""
    if q.value != 1 or k >= len(tokens):
        return None
    plural = lexicon().raw["singular_count_nouns"].get(tokens[k].low)
    return (plural, tokens[k].end, False) if plural and tokens[k].text[0].islower() else None


# How far before a figure a noun that says what it counts may stand ("the death toll rose
# to 52"), in characters.
UNIT_BEFORE_REACH: Final = 60


def _unit_before(sentence: str, q: Quantity) -> str | None:
    """What a figure with no noun after it counts, named before it in its clause: 'the death
    toll rose to 52' -> deaths."""
    before = _text_before(sentence, q.start, UNIT_BEFORE_REACH).lower()
    clause = re.split(r"[,;:]", before)[-1]
    phrases = lexicon().raw["unit_before_phrases"]
    found = [(clause.rfind(p), unit) for p, unit in phrases.items() if p in clause]
    for m in NUMBER_OF.finditer(clause):
        found.append((m.start(), m.group("noun")))  # "the number of cases rose to 3,000"
    subject = COUNTED_SUBJECT.search(clause)
    sets = lexicon().sets
    if subject and subject.group("noun") in sets["counted_subjects"]:
        verb = subject.group("verb")
        if verb in sets["change_verbs"] or verb in {
            "reached",
            "stood",
            "hit",
            "totalled",
            "totaled",
        }:
            found.append((subject.start(), subject.group("noun")))  # "cases rose to 150"
    return max(found)[1] if found else None


INDEX_REACH: Final = 150  # characters before a level read for the index it is of
INDEX_LEVEL_LINKS: Final = frozenset({"at", "to", "from"})


def index_points(sentence: str, q: Quantity) -> str | None:
    """'The Nikkei closed at 21,341.74', 'the Hang Seng lost 120.5 to 26,100': a bare figure
    after a level link or a change verb, in a clause about a stock index, counts points."""
    if q.kind != "number" or q.spelled:
        return None
    sets = lexicon().sets
    before = _text_before(sentence, q.start, INDEX_REACH).lower()
    words = before.split()
    if not words or not (words[-1] in INDEX_LEVEL_LINKS or words[-1] in sets["change_verbs"]):
        return None
    clause = re.split(r"[;:]", before)[-1]
    named = any(
        re.search(rf"(?<![\w&]){re.escape(w)}(?![\w&])", clause) for w in sets["index_words"]
    )
    return "points" if named else None


# "cases rose from 100 to 150", "deaths have climbed to 52": a plural subject, its verb, then
# only link words, qualifiers and figures up to the figure.
COUNTED_SUBJECT: Final = re.compile(
    r"\b(?P<noun>[a-z]+s)\s+(?:(?:has|have|had)\s+)?(?:\w+ly\s+)?(?P<verb>[a-z]+)"
    r"(?:\s+(?:from|to|by|at|about|around|nearly|almost|some|more|than|over|an|estimated"
    r"|[\d][\d,.]*))*\s*$"
)


# "the number of cases", "the total of new infections": the plural noun a figure counts
# (never the verb after it: "the number of cases has risen to 300").
NUMBER_OF: Final = re.compile(
    r"\b(?:number|total|tally|count)\s+of\s+(?:[a-z-]+\s+)?"
    r"(?!(?:has|was|is|does)\b)(?P<noun>[a-z]+[^s\W]s)\b"
)


# Words after a figure that say when it held, never what it is of: "a year earlier".
TIME_ADVERBS: Final = frozenset({"earlier", "ago", "before", "later", "previously"})
TOPIC_DETERMINERS: Final = frozenset({"the", "a", "an", "its", "their", "all", "his", "her"})


def _topic(tokens: list[Token], q: Quantity) -> str | None:
    """What money or a percentage is of: '$2 billion surplus', '51 percent of voters'."""
    sets = lexicon().sets
    j = _token_index_at(tokens, q.end, q.token_last - 1)
    phrase: list[str] = []  # the noun phrase after the figure; its last word is the head
    for tok in tokens[j : j + 6]:
        low = tok.low
        if tok.kind != "word" or not tok.text[0].islower():
            break
        if not phrase and (low in sets["topic_links"] or low in TOPIC_DETERMINERS):
            continue
        if low.endswith("ly"):
            if phrase:
                break
            continue  # "of the roughly 54,000 pages"
        if low in sets["not_units"] or low in NUMBER_START_WORDS or low in ORDINAL_WORDS:
            break
        if low in sets["time_units"] or low in TIME_ADVERBS:
            break  # "$3.05 billion a year earlier": when, not what
        phrase.append(low)
        if len(phrase) == 3:
            break
    while phrase and (phrase[-1].endswith("ed") or len(phrase[-1]) < 3):
        phrase.pop()  # "stashed", "registered": not the head
    return phrase[-1] if phrase else None


def _event_before(sentence: str, q: Quantity) -> str | None:
    """'came under attack more than 120 times' -> attacks (nearest event word before)."""
    events = lexicon().raw["event_units"]
    before = sentence[max(0, q.start - EVENT_REACH) : q.start]
    words: list[str] = LETTERS_RE.findall(before.lower())
    for word in reversed(words):
        unit = events.get(word)
        if unit:
            return unit
        if len(word) > PARTICIPLE_MIN and word.endswith("ed"):
            return None  # "attacked him over a rating downgraded nine times": its own verb
    return None


def _event_verb(tokens: list[Token], q: Quantity, unit: str) -> str | None:
    """'killed nearly 100 people' / '100 people were killed' -> deaths."""
    lex = lexicon()
    verbs = lex.raw["event_verbs"]
    if lex.raw["unit_synonyms"].get(unit, unit) not in lex.sets["victim_units"]:
        return None
    k = _token_index_at(tokens, q.start, 0)
    for j in range(k - 1, max(-1, k - 3), -1):
        if tokens[j].low in verbs:
            return verbs[tokens[j].low]
        if tokens[j].low in {"and", "or"}:
            break  # "killed and two others injured": the verb of the conjunct before
    for j in range(q.token_last, min(len(tokens), q.token_last + 5)):
        if tokens[j].low in verbs:
            return verbs[tokens[j].low]
        if tokens[j].kind == "sym" and tokens[j].text in ",;.":
            break
    return None


# Verbs of "killed 12", "arrested 14" that take no count of people as their object.
INTRANSITIVE_EVENT_VERBS: Final = frozenset({"dead", "died", "die", "dies", "dying", "missing"})


def people_counted(sentence: str, q: Quantity) -> str | None:
    """The unit "people" for a bare figure that a verb befalling people counts: as its
    object ("police arrested 14") or its subject ("84 were killed", "12 died")."""
    return _people_object(sentence, q) or _people_subject(sentence, q)


def _people_object(sentence: str, q: Quantity) -> str | None:
    """'police arrested 14', 'gunmen killed at least 12': a bare figure right after a verb
    that befalls people counts people."""
    word = _text_before(sentence, q.start, EVENT_REACH).split()[-1:]
    verb = word[0].lower() if word else ""
    lex = lexicon()
    befalls = verb in lex.raw["event_verbs"] and verb not in INTRANSITIVE_EVENT_VERBS
    if not (befalls or verb in lex.sets["people_object_verbs"]):
        return None  # ("the plant employs about 1,500": people too)
    # only the figure's own phrase: "arrested 14, two days after" has no noun of its own
    phrase = CLAUSE_END.split(sentence[q.end : q.end + EVENT_REACH], maxsplit=1)[0]
    after = LETTERS_RE.findall(phrase.lower())[:2]
    nouns = [w for w in after if w not in lex.sets["not_units"] and w not in lex.raw["event_verbs"]]
    if any(_looks_plural(w) for w in nouns):
        return None  # "released 5,500 more pages": a noun of its own that was not read
    return "people"


CLAUSE_END: Final = re.compile(r"[,;:.!?()\u2013\u2014]")

# Auxiliaries between a bare figure and the verb that befell it: "84 were killed", "some
# 40,000 have been displaced".
PASSIVE_AUXILIARIES: Final = frozenset({"were", "was", "are", "is", "have", "has", "had", "been"})
SUBJECT_VERB_REACH: Final = 3  # words after the figure read for it


def _people_subject(sentence: str, q: Quantity) -> str | None:
    """'84 were killed', '12 died', 'some 40,000 have been displaced', '11 million who
    entered', 'over 500 have signed up', '12 were hired': a bare figure that is the subject of
    a verb that befalls people or that people do, or of "who", counts people."""
    words = LETTERS_RE.findall(sentence[q.end : q.end + EVENT_REACH].lower())
    if words[:1] == ["who"] and sentence[q.end : q.end + 1].isspace():
        return "people"  # "the estimated 11 million who entered the country"
    lex = lexicon()
    verbs = lex.raw["event_verbs"]
    people_verbs = lex.sets["people_subject_verbs"]
    for n, word in enumerate(words[:SUBJECT_VERB_REACH]):
        if word in verbs or word in people_verbs:
            return "people"
        if n and word in lex.sets["people_object_verbs"]:
            return "people"  # passive: "12 were hired"
        if word not in PASSIVE_AUXILIARIES:
            return None
    return None


def _owner(sentence: str, tokens: list[Token], q: Quantity, unit_end: int) -> str | None:
    """Whose figure: a demonym or country before the unit noun, or the subject of 'has'."""
    lex = lexicon()
    for _, _, key in _find_places(sentence[q.number_end : unit_end]):
        return key
    k = _token_index_at(tokens, q.start, 0)
    for j in range(k - 1, max(-1, k - 4), -1):
        if tokens[j].low in lex.sets["owner_verbs"]:
            before = _text_before(sentence, tokens[j].start, OWNER_REACH)
            places = _find_places(before)
            if places and not _locative_before(before, places[-1].start):
                return places[-1].key
            break
    return None


def _text_before(text: str, end: int, reach: int) -> str:
    """The last ``reach`` characters before ``end``, starting at a word: the look-backs read
    no further, so a figure late in a long line costs no more than an early one."""
    start = end - reach
    if start <= 0:
        return text[:end]
    space = text.find(" ", start, end)
    return text[space + 1 : end] if space >= 0 else ""


def _target(view: _SentenceView, q: Quantity, unit_end: int) -> str | None:
    """'attacks on US forces' / 'U.S. forces ... have come under attack' -> us_forces."""
    lex = lexicon()
    sentence = view.text
    m = lex.target_after.match(sentence, unit_end)
    if m:
        owner_text = m.group("np").strip()
        owner = _place_in(owner_text)
        if owner is None and owner_text.lower() in lex.sets["possessive_pronouns"]:
            owner = view.first_place()  # "its forces": the sentence's own country
        return "_".join(p for p in (owner, m.group("head")) if p)
    before = _text_before(sentence, q.start, TARGET_REACH)
    m = lex.target_before.search(before) if " under " in before else None
    if m:
        owner = _place_in(m.group("np"))
        return "_".join(p for p in (owner, m.group("head")) if p)
    return None


def _slug(text: str) -> str:
    return NON_SLUG.sub("_", text.lower()).strip("_")


def measure_key(
    unit: str,
    owner: str | None,
    event: str | None,
    target: str | None,
    places: tuple[str, ...],
    topic: str | None = None,
    rate: RateContext | None = None,
) -> str:
    """'us_troops_in_iraq', 'attacks_on_us_forces_in_iraq_syria', 'deaths_in_iran',
    'dollars_surplus' (money and percentages take what they are of); with a ``rate``
    context, money, percentages and points take their subject and whether they are a change:
    'dow_jones_industrial_average_change', 'brent_dollars', 'percent_white'."""
    synonyms = lexicon().raw["unit_synonyms"]
    # ("2,200 Marines": a capitalised unit takes its synonym too -> troops)
    canonical = event or synonyms.get(unit, synonyms.get(unit.lower(), unit))
    if rate is not None:
        return _rate_key(canonical, places, topic, rate)
    parts = []
    if owner and not target:
        parts.append(owner)
    parts.append(_slug(canonical))
    if topic:
        parts.append(_slug(synonyms.get(topic, topic)))
    if target:
        parts += ["on", target]
    if places:
        parts += ["in", *sorted(places)]
    return "_".join(parts)


def _rate_key(canonical: str, places: tuple[str, ...], topic: str | None, rate: RateContext) -> str:
    parts = [_slug(rate.subject)] if rate.subject else []
    if rate.change:
        if not rate.subject:
            parts.append(_slug(canonical))  # "It lost $1bn": at least what was lost
        parts.append("change")
    else:
        parts.append(_slug(canonical))
        what = topic or rate.predicate
        if what and _says_when(what):
            what = None  # "$3.05 billion a year earlier": when it held, not what it is
        if what and not (rate.subject and set(what.split()) <= set(rate.subject.split())):
            parts.append(_slug(what))  # (not "profit_dollars_profit", nor a name twice)
    if places:
        parts += ["in", *sorted(places)]
    return "_".join(parts)


def _says_when(phrase: str) -> bool:
    """Is a phrase only a time ("year earlier", "year ago")?"""
    time_words = lexicon().sets["time_units"] | TIME_ADVERBS
    return all(w in time_words or w in {"a", "the", "last", "this"} for w in phrase.split())


# "108.55 per dollar", "83.2 to the dollar": an exchange rate, in units of the currency the
# clause is about ("The yen weakened to 110.5 per dollar").
PER_CURRENCY: Final = re.compile(
    r"\s+(?:per|a|to\s+the|against\s+the)\s+(?:dollar|euro|pound|greenback|yen|yuan)\b",
    re.IGNORECASE,
)
EXCHANGE_REACH: Final = 80  # characters before the rate read for its currency


def _exchange_currency(sentence: str, q: Quantity) -> str | None:
    """The currency an exchange rate is counted in: the currency named before it in its
    clause, when the rate is written 'per dollar' or 'to the dollar'."""
    if not PER_CURRENCY.match(sentence, q.end):
        return None
    clause = re.split(r"[,;:]", _text_before(sentence, q.start, EXCHANGE_REACH))[-1]
    units = lexicon().units
    for word in reversed(LETTERS_RE.findall(clause.lower())):
        entry = units.get(word)
        if entry is not None and "currency" in entry.kinds and len(word) > 2:
            return entry.canonical
    return None


@cache
def unit_class(unit: str | None) -> str | None:
    """'currency', 'percent', 'measurement' (a unit of length, weight, temperature...),
    'people' (a count of people, or of what befalls them: patients, deaths, cases) or 'count'
    (any other noun: attacks, points); None for a figure without a unit."""
    if unit is None:
        return None
    kinds: set[str] = set()
    for entry in lexicon().units.values():
        if entry.canonical == unit:
            kinds |= entry.kinds
    if "currency" in kinds:
        return "currency"
    if "percent" in kinds:
        return "percent"
    if kinds:
        return "measurement"
    return "people" if unit in _people_units() else "count"


@cache
def _people_units() -> frozenset[str]:
    lex = lexicon()
    sets, synonyms = lex.sets, lex.raw["unit_synonyms"]
    people = sets["victim_units"] | sets["age_group_nouns"]
    people |= {word for word, canonical in synonyms.items() if canonical in people}
    return people | frozenset(lex.raw["event_verbs"].values())


def is_generic_measure(measure: str, unit: str | None) -> bool:
    """Whether a key names only what is counted ('people', 'deaths', 'dollars'), with no
    owner, place, topic or subject: such a key does not tell one measure from another."""
    if measure in _event_keys():
        return True
    synonyms = lexicon().raw["unit_synonyms"]
    return unit is not None and measure in {_slug(unit), _slug(synonyms.get(unit, unit))}


@cache
def _event_keys() -> frozenset[str]:
    raw = lexicon().raw
    return frozenset(_slug(e) for e in (*raw["event_units"].values(), *raw["event_verbs"].values()))


# What may stand between a level and the earlier level it is set against, in one clause:
# "52, up from 40", "3.5% in October from 3.7%", "$3.2 billion, compared with $3.05 billion",
# "1.786%, down from 1.808%", "20 versus 14". A time phrase may come first ("in October",
# "on Monday", "last year"), then a direction word, then the link itself.
# (A month, not any capitalised word: "5% in Paris, compared with 4% in London" are two places.)
TIME_PHRASE: Final = (
    r"(?:(?:in|on|at|during|for|by|as\s+of|at\s+the\s+end\s+of)\s+(?:the\s+)?"
    rf"(?:{_MONTH_NAMES}\.?|\w+day|(?:first|second|third|fourth|last|previous|prior|same)\s+\w+"
    r"|\d{4})(?:\s+\d{4})?|(?:last|this)\s+\w+|a\s+(?:year|month|week|day|quarter)\s+"
    r"(?:earlier|ago|before))"
)
DIRECTIONS: Final = r"up|down|rising|falling|higher|lower|increasing|decreasing"
EARLIER_LEVEL_GAP: Final = re.compile(
    rf"\s*(?:[,;(\u2014\u2013]|\.\s+(?:That|This|It)(?:['\u2019]s|\s+is|\s+was)(?=\s+(?:{DIRECTIONS})\b))?"
    rf"\s*(?P<time>{TIME_PHRASE}\s*,?\s*)?(?:(?:which|that)\s+(?:was|is)\s+)?"
    rf"(?P<direction>(?:(?:{DIRECTIONS})\s+)?)"
    r"(?P<link>from|compared\s+(?:with|to)|versus|vs\.?|(?:as\s+)?against)\s+"
    r"(?:(?:a|an|the)\s+)?(?:(?:revised|previous|prior|year-earlier|year-ago|record|estimated"
    r"|initial|reported|usual|regular|original|typical|normal|average)\s+)*"
    r"(?:(?:high|low|peak|level|total|figure)\s+of\s+)?",
)
# A gap longer than this holds more than one clause: no link is read across it (and no
# regex runs over a long stretch of a very long line).
LINK_GAP_MAX_CHARS: Final = 200
# A time phrase right after the earlier level: "$3.05 billion a year earlier", "10,500 in 2017".
TIME_AFTER: Final = re.compile(rf"\s*,?\s*(?:{TIME_PHRASE}|earlier|previously|before)\b")
# Between a figure and the same figure in another unit: "71,350 euros ($78,770)", "300 kW
# (402 hp)", "£38m, or about $50m", "1 million yuan, roughly $140,000".
ABOUT: Final = r"(?:about|around|roughly|approximately|some|nearly|almost)"
CONVERSION_GAP: Final = re.compile(
    rf"\s*(?:[(\[]|,?\s+or)\s*(?:{ABOUT}\s+)?"
    rf"|\s*[,\u2014\u2013]\s*(?:{ABOUT}|equivalent\s+to|worth(?:\s+{ABOUT})?)\s+"
)


def is_conversion(line: str, first_end: int, second_start: int) -> bool:
    """Is the second figure the first one converted ("71,350 euros ($78,770)")? The caller
    checks that the two are of one kind (money, a measurement) in different units."""
    if second_start - first_end > LINK_GAP_MAX_CHARS:
        return False
    if CONVERSION_GAP.fullmatch(line, first_end, second_start) is not None:
        return True
    # "1 million yuan, roughly $140,000": the second figure's text holds its "roughly"
    comma = re.fullmatch(r"\s*[,\u2014\u2013]\s*", line[first_end:second_start]) is not None
    return comma and CONVERTED_START.match(line, second_start) is not None


CONVERTED_START: Final = re.compile(rf"(?:{ABOUT}|equivalent\s+to|worth)\s", re.IGNORECASE)


CHANGE_MARKERS: Final = frozenset({"by"})  # "rose by 37 percent": a change, not a level
LEVEL_QUALIFIER_WORDS: Final = frozenset(
    {"about", "around", "some", "nearly", "almost", "roughly", "approximately", "over", "under",
     "than", "more", "less", "fewer", "at", "least", "most", "estimated", "an", "a", "just"}
)  # fmt: skip


def earlier_level_link(
    line: str, first_start: int, first_end: int, second_start: int, second_end: int | None = None
) -> bool:
    """Do two figures of one line measure the same thing, the second being the level the first
    is set against ("rose to 52 from 40", "3.5%, down from 3.7%", "$3.2 billion, compared with
    $3.05 billion a year earlier")? Not when the first is a change and the link a bare "from"
    ("rose by 37 percent, from 0.90 percent": the change and a level of the thing changed).
    A link that compares ("compared with", "versus", "against") sets one thing against an
    earlier level only with a direction or a time ("12,000 last year, against 10,500 in
    2017"); without one it sets two things side by side ("52 percent versus 48 percent for
    Trump", "5% among men, compared with 4% among women")."""
    if second_start - first_end > LINK_GAP_MAX_CHARS:
        return False
    gap = EARLIER_LEVEL_GAP.fullmatch(line, first_end, second_start)
    if gap is None:
        return False
    if gap.group("link") != "from":
        timed = gap.group("time") is not None or (
            second_end is not None and TIME_AFTER.match(line, second_end) is not None
        )
        return bool(gap.group("direction")) or timed
    return bool(gap.group("direction")) or not _is_change_amount(line, first_start)


def _is_change_amount(line: str, start: int) -> bool:
    """Is the figure at ``start`` an amount of change ("fell 3%", "rose by 37 percent")?"""
    words = LETTERS_RE.findall(_text_before(line, start, UNIT_BEFORE_REACH).lower())
    while words and words[-1] in LEVEL_QUALIFIER_WORDS:
        words.pop()  # "rose more than 3%", "fell about 2%"
    verb = words[-1] if words else ""
    return verb in CHANGE_MARKERS or verb in lexicon().sets["change_verbs"]


# Between the two sides of a result: "beat Trump 46 to 40 percent", "leads 45 percent to 18
# percent", "the Senate voted 51 to 49".
RESULT_GAP: Final = re.compile(r"\s+to\s+")
# Words before the first figure that make "A to B" a change of one thing ("from 52 to 40").
RESULT_NOT_AFTER: Final = frozenset({"from", "by"})


def is_result_second(line: str, first_start: int, first_end: int, second_start: int) -> bool:
    """Is the second figure the other side of a result the first one leads ("Clinton would
    beat Trump 46 to 40 percent": Trump's 40 is not Clinton's share)? The leader comes first,
    so the first is the larger; "from 52 to 40" or "fell 52 to 40" is one thing changing."""
    if RESULT_GAP.fullmatch(line, first_end, second_start) is None:
        return False
    words = LETTERS_RE.findall(_text_before(line, first_start, UNIT_BEFORE_REACH).lower())
    while words and words[-1] in LEVEL_QUALIFIER_WORDS:
        words.pop()
    before = words[-1] if words else ""
    return before not in RESULT_NOT_AFTER and before not in lexicon().sets["change_verbs"]


# Between the two ends of a change: "from 0.90 percent to 1.23 percent", "from an estimated
# 450 million down to 350 million".
FROM_TO_GAP: Final = re.compile(r"\s+(?:(?:up|down)\s+)?to\s+")
# Words before "from" that make "from A to B" a range of one figure, not a change ("estimates
# range from 100,000 to 250,000", "anywhere from 5 to 10").
RANGE_BEFORE_FROM: Final = frozenset(
    {"range", "ranges", "ranged", "ranging", "vary", "varies", "varied", "varying", "anywhere"}
)


def is_from_to(line: str, first_start: int, first_end: int, second_start: int) -> bool:
    """Are two figures the two ends of a change, "from A to B"? A is the level before and B
    the level after: two states, each with figures of its own in other reports ("the rate
    rose from 0.90 percent to 1.23 percent after legalization")."""
    if FROM_TO_GAP.fullmatch(line, first_end, second_start) is None:
        return False
    words = LETTERS_RE.findall(_text_before(line, first_start, UNIT_BEFORE_REACH).lower())
    while words and words[-1] in LEVEL_QUALIFIER_WORDS:
        words.pop()  # "from an estimated 450 million", "from about 40"
    if not words or words[-1] != "from":
        return False
    return len(words) < 2 or words[-2] not in RANGE_BEFORE_FROM


# Between a part and the whole it is part of: "raised $57 million of the $64 million it
# pledged", "won 30 of the 50 seats", "12 out of 40".
PART_OF_GAP: Final = re.compile(r"\s+(?:out\s+)?of\s+(?:(?:the|a|an|its|their)\s+)?")


def is_part_of(line: str, first_end: int, second_start: int) -> bool:
    """Is the second figure the whole the first is part of ("$57 million of the $64 million")?
    The caller checks that the part is the smaller."""
    return PART_OF_GAP.fullmatch(line, first_end, second_start) is not None


# Determiners before a count that refers back to one given before: "the 12 victims", "these
# two", "all 14 suspects", "of the three plague variants".
BACK_REFERRING_DETERMINERS: Final = frozenset({"the", "these", "those", "all"})


def refers_back(line: str, start: int) -> bool:
    """Is the figure at ``start`` a definite count, referring back to one given before?"""
    words = _text_before(line, start, UNIT_BEFORE_REACH).split()[-1:]
    return bool(words) and words[0].lower() in BACK_REFERRING_DETERMINERS


@cache
def counts_people(unit: str | None) -> bool:
    """Does a count of this unit count people ('victims', 'suspects', 'Democrats')?"""
    if unit is None:
        return False
    if unit_class(unit) == "people" or _is_people_demonym(unit):
        return True
    return unit.lower() in _word_list(PERSON_NOUNS_FILE)


@cache
def _word_list(name: str) -> frozenset[str]:
    """The words of a data file, one a line ('#' lines are comments)."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and w[0] != "#")


PERSON_NOUNS_FILE: Final = "measures_person_nouns.txt"


# Verbs that set a running total to a new level with the level as their object: "cases have
# reached 300", "the toll topped 100".
# (Past forms only: "hits", "tops" are nouns as often: "five hits over six innings".)
LEVEL_OBJECT_VERBS: Final = frozenset({"reached", "hit", "totalled", "totaled", "topped", "passed"})
# Verbs that set a new level only before "to" or "at" ("had risen to 52", "stood at 14"): with
# the figure right after them it is a change or a size ("has risen 5%", "stood 6 feet tall").
LEVEL_TO_VERBS: Final = frozenset(
    {"stood", "risen", "fallen", "grown", "climbed", "swelled", "mounted"}
)


# Words that may stand between the verb and "to": "increased the total of providers to 14".
LEVEL_UPDATE_WORDS: Final = 5


def is_level_update(line: str, start: int) -> bool:
    """Is the figure at ``start`` a new level of a running total ("the death toll rose to 52",
    "increased the total of providers to 14", "cases have reached 300")?"""
    clause = re.split(r"[,;:.]", _text_before(line, start, UNIT_BEFORE_REACH))[-1].lower()
    words = LETTERS_RE.findall(clause)
    while words and words[-1] in LEVEL_QUALIFIER_WORDS - {"at"}:
        words.pop()  # "rose to more than 50", "reached nearly 300"
    if words and words[-1] in LEVEL_OBJECT_VERBS:
        noun = len(words) > 1 and (words[-2] in NUMBER_WORDS or words[-2] in TOPIC_DETERMINERS)
        return not noun  # "allowed one hit over eight innings": a noun
    if len(words) < 2 or words[-1] not in {"to", "at"}:
        return False
    verbs = lexicon().sets["change_verbs"] | LEVEL_OBJECT_VERBS | LEVEL_TO_VERBS
    return any(w in verbs for w in words[-2 - LEVEL_UPDATE_WORDS : -1])


# (Not the tallies of votes, seats or delegates that numbers.context reads: those are a
# standing, these what each player does.)
PLAYER_STAT_NOUNS_FILE: Final = "measures_player_stat_nouns.txt"


def is_player_stat_unit(unit: str | None) -> bool:
    """Is the unit something each player tallies ('goals', 'points', 'saves'), whose equal
    counts in one report are each one's own?"""
    return unit is not None and unit.lower() in _word_list(PLAYER_STAT_NOUNS_FILE)


def event_of(measure: str) -> str | None:
    """What befell the people a key counts, when it names it: 'deaths_in_iran' -> 'deaths',
    'injuries' -> 'injuries'; None for 'people' or 'us_troops_in_iraq'."""
    padded = f"_{measure}_"
    found = [e for e in _event_keys() if f"_{e}_" in padded]
    return min(found, key=lambda e: (padded.index(f"_{e}_"), e)) if found else None
