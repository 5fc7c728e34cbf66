"""What the words around a number say about it: its kind (year, date, clock time, duration,
age, identifier, address, the pronoun or vague "one") and its qualifier ("more than",
"about", "up to", "+")."""

from __future__ import annotations

import re
from typing import Final

from pipeline.stages.gazetteer import person_nouns
from pipeline.stages.numbers.grammar import HYPHENS, IDENTIFIER_MIN_DIGITS, YEAR_RANGE, Kind
from pipeline.stages.numbers.lexicon import lexicon
from pipeline.stages.numbers.reading import _Read
from pipeline.stages.numbers.tokens import Token, _digits_value, _glued, _token_index_at
from schemas.records import Qualifier

# Possessive spaces ("*+"): each split of a long run of spaces was tried (quadratic).
AGE_AFTER: Final = re.compile(r"\s*+[-\u2010\u2011]?\s*+(?:old\b|of\s+age\b)")


def _time_kind(text: str, tokens: list[Token], k: int, end: int) -> tuple[Kind, int, int] | None:
    """A time unit after the figure: a duration, or an age ("five years old", "90 day old")."""
    sets = lexicon().sets
    j = k
    if j < len(tokens) and tokens[j].text in HYPHENS:
        j += 1
    if _adjective_before_time_unit(tokens, j):
        j += 1  # "15 extra minutes", "three straight days", "two more years"
    if j >= len(tokens) or tokens[j].low not in sets["time_units"]:
        return None
    after = j + 1
    m = AGE_AFTER.match(text, tokens[j].end)
    if m:
        return "age", m.end(), _token_index_at(tokens, m.end(), j)
    return "duration", tokens[j].end, after


def _adjective_before_time_unit(tokens: list[Token], j: int) -> bool:
    sets = lexicon().sets
    return (
        j + 1 < len(tokens)
        and tokens[j].low in sets["duration_adjectives"]
        and tokens[j + 1].low in sets["time_units"]
    )


def _number_kind(
    text: str, tokens: list[Token], read: _Read, first: int, last: int, value: float
) -> Kind:
    """Year, date, clock time, identifier or a plain number."""
    sets = lexicon().sets
    tok = tokens[read.first]
    prev = tokens[first - 1] if first > 0 else None
    nxt = tokens[last] if last < len(tokens) else None
    if read.kind != "number":
        return read.kind
    if _clock_colon(tokens, first, last):
        return "clock"
    if tok.start == 0 and nxt is not None and nxt.text in {".", ")"} and _glued(tokens, last):
        return "identifier"  # "5. Jeb Bush": a list marker
    if nxt is not None and (nxt.low in sets["clock_words"] or nxt.low.rstrip(".") in {"am", "pm"}):
        return "clock"
    if _month_near(tokens, first, last):
        return "date"
    if not read.spelled and read.shape == "integer" and not read.scaled:
        digits = tok.text
        if len(digits) == 4 and YEAR_RANGE[0] <= value <= YEAR_RANGE[1]:
            # "1988 sales", "below 1990 levels": a year, unless a noun that counts people or
            # events follows ("2000 troops", "about 1500 cases")
            after_preposition = prev is not None and prev.low in sets["year_prepositions"]
            if after_preposition and prev is not None and prev.low in COUNT_PREPOSITIONS:
                after_preposition = not _counted_noun_after(
                    tokens, last, True, reach=YEAR_NOUN_REACH
                )
            determined = prev is not None and prev.low in YEAR_DETERMINERS  # "the 2001 attacks"
            counted = _counted_noun_after(tokens, last, True, reach=YEAR_NOUN_REACH)
            if after_preposition or determined or not counted or _after_month_day(tokens, first):
                return "year"
        # (a number grouped in thousands, "505,796", is no code however long)
        long_code = digits.isdigit() and len(digits) >= IDENTIFIER_MIN_DIGITS
        if long_code or (len(digits) > 1 and digits.startswith("0")):
            return "identifier"
    if prev is not None and _appositive_age(tokens, read, first, last):
        return "age"  # "John Smith, 45, of Leeds"
    if prev is not None and _after_age_word(tokens, first):
        return "age"  # "aged 12", "aged between 12 and 17", "ages 18 to 24"
    if prev is not None and _identifier_noun(tokens, first):
        return "identifier"
    if prev is not None and _name_part(text, tokens, read, first):
        return "identifier"  # "the S&P 500", "Nikkei 225", "Boeing 737": part of a name
    if _street_after(tokens, last):
        return "identifier"  # "100 Haven Avenue": an address
    if read.spelled and tok.low == "one" and last == read.first + 1:
        if prev is not None and prev.low in sets["pronoun_one_before"]:
            return "pronoun"
        if nxt is None or nxt.low in sets["pronoun_one_after"] or nxt.kind == "sym":
            return "vague"
        if not _counted_noun_after(tokens, last, singular=True):
            return "vague"
    return "number"


WEEKDAYS: Final = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)
# What may come right before a capitalised word that starts a sentence or a quote.
OPENING_MARKS: Final = frozenset(".!?:;\"\u201c\u2018'([\u2014\u2013-")


NAME_LOOKBACK: Final = 32  # characters read before a name for what opens its sentence


def _name_part(text: str, tokens: list[Token], read: _Read, first: int) -> bool:
    """A plain integer right after a capitalised word inside a sentence ends a name ("the
    S&P 500 lost", "the FTSE 100", "a Boeing 737"); a count after a capitalised word is
    written with a comma or follows a word that is no name (a month, a weekday, "Over")."""
    tok = tokens[read.first]
    if read.spelled or read.scaled or read.shape != "integer" or "," in tok.text:
        return False
    prev = tokens[first - 1]
    capitalised = any(c.isupper() for c in prev.text)  # "Nasdaq", "FTSE", "iPhone"
    if prev.kind != "word" or not capitalised or prev.end != tok.start - 1:
        return False
    sets = lexicon().sets
    low = prev.low
    if low in sets["not_units"] or low in sets["months"] or low in WEEKDAYS:
        return False
    if low in lexicon().qualifier_last_words or low in sets["year_prepositions"]:
        return False
    if low in lexicon().place_by_surface or _looks_plural(low):
        return False  # "France 500 and the Conservatives 121": a count after each name
    if _counted_noun_after(tokens, read.last, strict=True) or _tally_noun_next(tokens, read.last):
        return False  # "put Clinton 3 points over Sanders", "Syria 900 troops"
    if _tally_to_lower(tokens, read):
        return False  # "beating Clinton 45 to 40 percent"
    before = text[max(0, prev.start - NAME_LOOKBACK) : prev.start].rstrip()
    return bool(before) and before[-1] not in OPENING_MARKS


# Nouns that count a standing or a tally right after a figure ("Clinton 3 points ahead", "45
# to 40 points"), and that a tally in the next sentence goes on from ("leads with 221 seats").
TALLY_NOUNS: Final = frozenset({"points", "votes", "delegates", "seats", "states", "medals"})


def _tally_to_lower(tokens: list[Token], read: _Read) -> bool:
    """'45 to 40': a tally of two sides, which a name's number does not start ("the Nikkei
    225 to 21,000" ascends)."""
    k = read.last
    if k + 1 >= len(tokens) or tokens[k].low != "to" or tokens[k + 1].kind != "num":
        return False
    return _digits_value(tokens[k + 1].text) < read.value


def _tally_noun_next(tokens: list[Token], k: int) -> bool:
    return k < len(tokens) and tokens[k].low in TALLY_NOUNS


# A year-like number counts only a noun this near ("2000 troops", "2047 registered voters");
# further on, the words between are what the year is of ("a 1986 video depicting women").
YEAR_NOUN_REACH: Final = 2
# Prepositions of a year ("the summer of 2016") that take a count as often: "a poll of 2047
# registered voters" is one when a listed counted noun follows.
COUNT_PREPOSITIONS: Final = frozenset({"of"})
# Before a 4-digit number, words that make it a year ("the 2001 attacks", "last 2019 ...");
# a count after them is written with a comma ("the 2,000 troops").
YEAR_DETERMINERS: Final = frozenset({"the", "this", "that", "its", "their", "his", "her"})
AGE_WORDS: Final = frozenset({"aged", "ages", "age"})
AGE_RANGE_LINKS: Final = frozenset({"between", "from", "of"})
AGE_RANGE_ENDS: Final = frozenset({"to", "and", "-", "\u2013"})


# The ages news gives in apposition to a name ("John Smith, 45, said").
APPOSITIVE_AGES: Final = (1, 120)


def _appositive_age(tokens: list[Token], read: _Read, first: int, last: int) -> bool:
    """A small integer set off by commas right after a capitalised name: an age."""
    if read.spelled or read.shape != "integer" or first < 2 or last >= len(tokens):
        return False
    low, high = APPOSITIVE_AGES
    if not low <= read.value <= high or tokens[first - 1].text != "," or tokens[last].text != ",":
        return False
    name = tokens[first - 2]
    if name.kind != "word":
        return False
    return name.text[0].isupper() or name.low in person_nouns()  # "a woman, 32, was hurt"


def _after_age_word(tokens: list[Token], first: int) -> bool:
    k = first - 1
    if tokens[k].low in AGE_RANGE_LINKS and k >= 1:
        k -= 1
    elif tokens[k].low in AGE_RANGE_ENDS and k >= 2 and tokens[k - 1].kind == "num":
        k -= 2  # "children ages 3 to 17": the high end of an age range
    return tokens[k].low in AGE_WORDS


def _street_after(tokens: list[Token], last: int) -> bool:
    streets = lexicon().sets["street_words"]
    for j in range(last, min(last + 3, len(tokens))):
        tok = tokens[j]
        if tok.kind != "word" or not tok.text[0].isupper():
            return False
        if tok.low in streets and j > last:
            return True
    return False


def _after_month_day(tokens: list[Token], first: int) -> bool:
    """'Sept. 11, 2001 attacks': a year after a month's day and its comma."""
    if first < 3 or tokens[first - 1].text != "," or tokens[first - 2].kind != "num":
        return False
    return _month_near(tokens, first - 2, first - 1)


def _clock_colon(tokens: list[Token], first: int, last: int) -> bool:
    """'10:30': a number glued to a colon and another number."""
    after = last + 1 < len(tokens) and tokens[last].text == ":"
    if after and tokens[last + 1].kind == "num" and _glued(tokens, last + 1):
        return True
    before = first >= 2 and tokens[first - 1].text == ":" and _glued(tokens, first)
    return before and tokens[first - 2].kind == "num"


def _identifier_noun(tokens: list[Token], first: int) -> bool:
    """'No. 1', 'Resolution 2334', 'Task Force 51', '#12': a label, not a count."""
    nouns = lexicon().sets["identifier_nouns"]
    k = first - 1
    if tokens[k].text == "#":
        return True
    dotted = tokens[k].text == "." and k >= 1
    if dotted:
        k -= 1  # "No. 1", "nrs. 22"
    prev = tokens[k]
    if prev.kind != "word":
        return False
    if k >= 1 and f"{tokens[k - 1].low} {prev.low}" in nouns and prev.text[0].isupper():
        return True
    if prev.low in ABBREVIATED_LABELS:
        return dotted
    if prev.low in nouns and prev.text[0].isupper():
        return True
    # "Pan Am flight 103", "room 12": digits right after a noun that numbers its things
    return (
        not dotted
        and prev.low in lexicon().sets["lowercase_identifier_nouns"]
        and tokens[first].kind == "num"
        and not _counted_noun_after(tokens, first + 1)
    )


# Labels that are only labels with their full stop ("No. 1"; "no one" is not one).
ABBREVIATED_LABELS: Final = frozenset({"no", "nos", "nr", "nrs"})


def _month_near(tokens: list[Token], first: int, last: int) -> bool:
    months = lexicon().sets["months"]
    k = first - 1
    if k >= 2 and tokens[k].text in HYPHENS and tokens[k - 1].kind == "num":
        k -= 2  # "July 18-21"
    if k >= 0 and tokens[k].text == ".":
        k -= 1
    if k >= 0 and _is_month(tokens[k], months):
        return True
    j = last
    if j < len(tokens) and tokens[j].low == "of":
        j += 1
    return j < len(tokens) and _is_month(tokens[j], months)


# Month names that are also common words: a month only when capitalised ("may", "march").
MONTHS_ALSO_WORDS: Final = frozenset({"may", "march", "mar", "jan", "sat"})


def _is_month(tok: Token, months: frozenset[str]) -> bool:
    """A month name; in lower case ("as of december 1") only one that is no common word."""
    if tok.low not in months:
        return False
    return tok.text[0].isupper() or tok.low not in MONTHS_ALSO_WORDS


def _counted_noun_after(
    tokens: list[Token], k: int, strict: bool = False, singular: bool = False, reach: int = 3
) -> bool:
    """Does a count noun follow ("2000 troops", "one soldier") within ``reach`` words?
    ``strict``: only a listed count noun ("2000 troops", not "1988 sales")."""
    lex = lexicon()
    sets = lex.sets
    nouns = lex.raw["singular_count_nouns"] if singular else lex.raw["unit_synonyms"]
    for j in range(k, min(k + reach, len(tokens))):
        tok = tokens[j]
        if tok.kind != "word":
            return False
        if tok.text[0].isupper() and not singular:
            return False  # "2019 Dow Jones", "© 2019 Black Friday plans"
        if tok.low in nouns:
            return True
        if strict and (tok.low in sets["victim_units"] or tok.low in sets["counted_subjects"]):
            return True
        if not (singular or strict) and _looks_plural(tok.low) and tok.low not in sets["not_units"]:
            return True
        if tok.low in sets["not_units"]:
            return False
    return False


# Compounds of "men" are plurals ("congressmen", "gunmen", "servicemen"); these words in
# "-men" are not.
NOT_MEN_PLURALS: Final = frozenset(
    {"specimen", "abdomen", "regimen", "acumen", "stamen", "semen", "hymen", "yemen", "dolmen",
     "cyclamen", "omen", "amen", "bitumen", "ramen", "lumen", "albumen", "rumen", "foramen"}
)  # fmt: skip


def _looks_plural(word: str) -> bool:
    if word in lexicon().sets["irregular_plurals"]:
        return True
    if word.endswith("men") and len(word) > len("women") and word not in NOT_MEN_PLURALS:
        return True
    return (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "ous", "'s", "\u2019s"))
    )


def _qualifier_before(
    text: str, tokens: list[Token], first: int, start: int
) -> tuple[Qualifier, int]:
    lex = lexicon()
    k = _token_index_at(tokens, start, 0)
    if k == 0 or tokens[k - 1].low not in lex.qualifier_last_words:
        return "exact", start
    for size in lex.qualifier_lengths:
        if k - size < 0:
            continue
        words = tuple(t.low for t in tokens[k - size : k])
        qualifier = lex.qualifiers_before.get(words)
        if qualifier is not None:
            if words == ("over",) and k >= 2 and tokens[k - 2].low in OVER_PARTICLE_VERBS:
                return "exact", start  # "hand over two suspects": a particle, no bound
            return qualifier, tokens[k - size].start  # type: ignore[return-value]
    return "exact", start


# Verbs whose particle "over" comes before their object: "hand over two suspects".
# ("won over 3,000 votes" is more than 3,000: "win", "take" are not listed.)
OVER_PARTICLE_VERBS: Final = frozenset(
    {"hand", "hands", "handed", "handing", "turn", "turns", "turned", "turning", "fork",
     "forked", "forking", "sign", "signed", "signing"}
)  # fmt: skip


def _qualifier_after(text: str, tokens: list[Token], k: int) -> tuple[Qualifier, int, int] | None:
    lex = lexicon()
    if k < len(tokens) and tokens[k].text == "+" and _glued(tokens, k):
        return "more_than", tokens[k].end, k + 1  # type: ignore[return-value]
    if k + 1 < len(tokens) and tokens[k].text in HYPHENS and _glued(tokens, k):
        phrase = "-" + tokens[k + 1].low
        if phrase in lex.qualifiers_after:
            return lex.qualifiers_after[phrase], tokens[k + 1].end, k + 2  # type: ignore[return-value]
    if k + 1 < len(tokens):
        phrase = tokens[k].low + " " + tokens[k + 1].low
        if phrase in lex.qualifiers_after and phrase != "at least":
            return lex.qualifiers_after[phrase], tokens[k + 1].end, k + 2  # type: ignore[return-value]
        if tokens[k].low in WORD_QUALIFIERS_AFTER and tokens[k + 1].kind == "word":
            # "400,000 plus jobs" (not "5 plus 3"): a word of its own before the noun
            return lex.qualifiers_after[tokens[k].low], tokens[k].end, k + 1  # type: ignore[return-value]
    return None


# One-word qualifiers written after a figure, before its noun.
WORD_QUALIFIERS_AFTER: Final = frozenset({"plus", "odd"})
