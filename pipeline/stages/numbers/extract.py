"""``extract_numbers``: the figures of an article's body lines that the gold guideline counts,
each with what it counts and its measure key, as ``NumberMention`` records."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import partial
from typing import Final

from pipeline.stages.numbers.context import TALLY_NOUNS, _looks_plural
from pipeline.stages.numbers.grammar import COUNTED_KINDS
from pipeline.stages.numbers.lexicon import lexicon
from pipeline.stages.numbers.measures import (
    _event_before,
    _event_verb,
    _exchange_currency,
    _owner,
    _target,
    _topic,
    _unit_before,
    _unit_noun,
    index_points,
    measure_key,
    people_counted,
    unit_class,
)
from pipeline.stages.numbers.places import (
    _extend_with_place,
    _find_places,
    _PlaceContext,
    _places_for,
    _SentenceView,
)
from pipeline.stages.numbers.quantities import Quantity, _parse_tokens
from pipeline.stages.numbers.spots import _candidate_spots, _line_spots, _sentences, _windows
from pipeline.stages.numbers.subjects import (
    RateContext,
    is_rate_like,
    noun_before,
    rate_context,
)
from pipeline.stages.numbers.tokens import Token, _last_word, tokenize
from schemas.records import ArticleText, NumberMention, Qualifier

COORDINATION: Final = re.compile(r"\s*(?:,\s*)?and\s*")
# "All but four have been released": the figure counts the group named before, by exception.
ALL_BUT: Final = re.compile(r"\ball\s+but\s+$", re.IGNORECASE)
ALL_BUT_REACH: Final = 16  # characters read before a figure (a long line costs no more)
# A figure after a determiner modifies the noun after it: "a 15% tariff", "the $2bn deal".
ATTRIBUTIVE: Final = re.compile(r"\b(?:a|an|the|its|their|his|her|this|that|our)\s+$", re.I)
ATTRIBUTIVE_REACH: Final = 16  # characters before a figure read for its determiner
# What money or a percentage is of, when a link word says so: "$2 billion in revenue", "51%
# of voters", "$1,472 an ounce" (not "1.8% late on Monday").
TOPIC_LINK: Final = re.compile(r"\s+(?:of|in|for|worth|a|an|per)\s", re.IGNORECASE)


@dataclass(slots=True)
class _Figure:
    """A counted figure of a body line and what it counts (``start``/``end``: in the line)."""

    line_no: int
    line: str
    quantity: Quantity
    unit: str | None
    owner: str | None
    event: str | None
    target: str | None
    places: tuple[str, ...]
    start: int
    end: int
    topic: str | None = None
    rate: RateContext | None = None  # what money, a percentage or points are about


# The language whose number grammar, unit nouns and time words the stage knows.
READ_LANGUAGE: Final = "en"


def extract_numbers(article: ArticleText) -> list[NumberMention]:
    """Every figure the gold guideline counts in the article's body lines. An article the
    cleaner found to be in another language yields none: its ages and durations ("3 anos")
    would pass for counts and its nouns for units, and a wrong figure misleads a user more
    than a missing one (the article's ``language`` says why it has none)."""
    if article.language != READ_LANGUAGE:
        return []
    figures: list[_Figure] = []
    context_places = _PlaceContext()
    body = article.body_lines()
    line_spots = _line_spots([line for _, line in body])
    for index, (line_no, line) in enumerate(body):
        hits = line_spots.get(index)
        if hits is None:
            context_places.add(line)
            continue
        for sentence_start, sentence in _sentences(line):
            spots = _candidate_spots(sentence, sentence_start, hits)
            if not spots:
                context_places.add(sentence)
                continue
            windows = [tokenize(sentence, start, end) for start, end in _windows(sentence, spots)]
            found = [
                (q, tokens)
                for tokens in windows
                for q in map(partial(_as_share, sentence), _parse_tokens(sentence, tokens))
                if q.kind in COUNTED_KINDS
            ]
            found = _share_listed_percent(sentence, found)
            view = _SentenceView(sentence, [q for q, _ in found])
            unplaced: list[Quantity] = []  # bare counts that may share the unit of a later one
            for quantity, tokens in found:
                figure = _describe(
                    line_no, line, view, sentence_start, tokens, quantity, figures, context_places
                )
                if figure is None:
                    unplaced = [*unplaced, quantity] if quantity.kind == "number" else []
                    continue
                figures.extend(_listed_before(sentence, sentence_start, unplaced, figure))
                unplaced = []
                figures.append(figure)
            context_places.add(sentence)
    return [m for f in figures for m in _mentions(article.article_id, f)]


# Between figures of a list that share the unit after the last: "20 or 30 percent",
# "7, 8, 10 percent", "5 and 6 percent".
LIST_GAP: Final = re.compile(r"\s*,\s*(?:or\s+|and\s+)?|\s+(?:or|and)\s+", re.IGNORECASE)


def _share_listed_percent(
    sentence: str, found: list[tuple[Quantity, list[Token]]]
) -> list[tuple[Quantity, list[Token]]]:
    """Bare figures listed before a percentage are percentages too ("20 or 30 percent")."""
    shared = list(found)
    for k in range(len(shared) - 2, -1, -1):
        q, tokens = shared[k]
        nxt = shared[k + 1][0]
        if q.kind != "number" or q.unit or nxt.kind != "percent" or nxt.start < q.end:
            continue
        if _listed(sentence, q, nxt.start, nxt.value):
            percent = replace(q, kind="percent", unit=nxt.unit, unit_kinds=nxt.unit_kinds)
            shared[k] = (percent, tokens)
    return shared


def _listed_before(
    sentence: str, offset: int, unplaced: list[Quantity], figure: _Figure
) -> list[_Figure]:
    """Bare counts listed right before a count with its own noun count that noun too:
    "100,000, 200,000 or 250,000 refugees", "45 million and 33 million followers", "two or
    three jobs" (money, shares and figures that take their unit by ellipsis excluded)."""
    q = figure.quantity
    if q.kind != "number" or figure.end - offset <= q.end:
        return []
    listed: list[_Figure] = []
    nxt_start, nxt_value = q.start, q.value
    for before in reversed(unplaced):
        if before.value_max is not None or not _listed(sentence, before, nxt_start, nxt_value):
            break
        if before.value * SHARED_SCALE_RATIO < q.value:
            break  # "seven or eight thousand votes": the scale is shared, not read here
        start, end = offset + before.start, offset + before.end
        listed.append(replace(figure, quantity=before, start=start, end=end, topic=None))
        nxt_start, nxt_value = before.start, before.value
    return listed[::-1]


SHARED_SCALE_RATIO: Final = 100  # a listed count this much smaller shares the later's scale
# "from 3 to 17 cases": the level a count changed from counts what the new one counts.
CHANGE_GAP: Final = re.compile(r"\s+to\s+", re.IGNORECASE)


def _listed(sentence: str, before: Quantity, start: int, value: float) -> bool:
    """Is ``before`` listed with the figure of ``value`` at ``start``: a list ("20 or 30"), a
    change ("from 3 to 17") or a tally, whose "to" descends ("beating Clinton 45 to 40
    percent"; a range ascends)?"""
    if LIST_GAP.fullmatch(sentence, before.end, start):
        return True
    if not CHANGE_GAP.fullmatch(sentence, before.end, start):
        return False
    return _last_word(sentence, before.start) == "from" or before.value > value


IN_PRICE: Final = re.compile(r"\s+in\s+price\b", re.IGNORECASE)
OF_AFTER: Final = re.compile(r"\s+of\b", re.IGNORECASE)
OUT_OF: Final = re.compile(r"\sout\s+of\s", re.IGNORECASE)


def _as_share(sentence: str, q: Quantity) -> Quantity:
    """A spelled fraction that is a share of a group is a percentage: "nearly half of
    voters", "two-thirds of members", "just over half were women" (not "a year and a half")."""
    spelled_or_fraction = q.spelled or q.kind == "fraction"  # "half", "1/3"
    if not spelled_or_fraction or q.kind not in {"vague", "fraction"} or not 0 < q.value < 1:
        return q
    out_of = OUT_OF.search(q.text) is not None  # "one out of three": a share by its words
    if q.qualifier == "exact" and not OF_AFTER.match(sentence, q.end) and not out_of:
        return q
    if not out_of and _is_part_not_share(sentence, q):
        return q
    return replace(
        q, kind="percent", value=q.value * 100, unit="percent", unit_kinds=frozenset({"percent"})
    )


# "half a century", "half an hour", "a quarter of a century": a fraction of one thing, not a
# share of a group.
OF_ONE_AFTER: Final = re.compile(r"\s+(?:of\s+)?an?\s", re.IGNORECASE)


def _is_part_not_share(sentence: str, q: Quantity) -> bool:
    """A fraction that names a part of one thing is no share of a group: "the first half of
    2020", "the top half of the bread", "more than half a century"."""
    if OF_ONE_AFTER.match(sentence, q.end):
        return True
    return _last_word(sentence, q.start) in lexicon().sets["part_positions"]


# "voters under 29", "people over 65": a bound on an age, no figure.
AGE_BOUND: Final = re.compile(r"(?:under|over|above|below|aged)\s", re.IGNORECASE)


def _is_age_bound(sentence: str, q: Quantity) -> bool:
    if not AGE_BOUND.match(sentence, q.start):
        return False
    return _last_word(sentence, q.start).strip(",") in lexicon().sets["age_group_nouns"]


# A bare figure above this is no percentage taken through ellipsis from one before it.
PERCENT_ELLIPSIS_MAX: Final = 100


# Golf scores, which are sports scores: "carded a four-under 67", "moved to 19-under 194",
# "were both five shots off the lead at 14 under".
GOLF_BEFORE: Final = re.compile(r"\w-(?:under|over)(?:-par)?\s+$", re.IGNORECASE)
GOLF_WORD: Final = re.compile(r"(?:under|over)\b", re.IGNORECASE)
GOLF_REACH: Final = 20  # characters before a figure read for "four-under"
GOLF_AFTER: Final = re.compile(r"\s*-?\s*(?:under|over)(?:-par|\s+par)?\b(?!\s+(?:a|an|the)\b)")


def _is_golf_score(sentence: str, q: Quantity) -> bool:
    if q.kind != "number":
        return False
    before = sentence[max(0, q.start - GOLF_REACH) : q.start]
    if GOLF_BEFORE.search(before) or (before.endswith("-") and GOLF_WORD.match(sentence, q.start)):
        return True  # "a four-under 67": the qualifier read is the score's "under"
    return bool(GOLF_AFTER.match(sentence, q.end)) and _last_word(sentence, q.start) == "at"


def _is_fraction_of_one(q: Quantity) -> bool:
    return q.kind == "fraction" and 0 < q.value < 1


def _describe(
    line_no: int, line: str, view: _SentenceView, offset: int, tokens: list[Token], q: Quantity,
    figures: list[_Figure], context_places: _PlaceContext,
) -> _Figure | None:  # fmt: skip
    sentence = view.text
    k = q.token_last
    unit, unit_end, anaphoric = _unit_noun(sentence, tokens, k, q)
    definite = unit is None and not q.unit and not anaphoric and _definite_count(sentence, q)
    before = sentence[max(0, q.start - ALL_BUT_REACH) : q.start]
    all_but = unit is None and not q.unit and bool(ALL_BUT.search(before))
    # "All 12 were trapped": the whole of a group named before, people when none was
    definite = definite or (unit is None and not q.unit and _all_count(sentence, before, q))
    anaphoric = anaphoric or definite or all_but  # "the two were arrested", "all but four"
    if unit is None and not q.unit and not anaphoric:
        # "the death toll rose to 52"; "the yen weakened to 110.5 per dollar"
        unit = _unit_before(sentence, q) or _exchange_currency(sentence, q)
    in_price = IN_PRICE.match(sentence, q.end) if q.kind == "fraction" else None
    if unit is None and in_price is not None:
        unit, unit_end = "points", in_price.end()  # "notes rose 7/32 in price": price points
    event = None
    if unit == "times":
        event = _event_before(sentence, q)
        unit = event or "times"
    if unit is None and not q.unit and _is_age_bound(sentence, q):
        return None
    if not q.unit and _is_golf_score(sentence, q):
        return None
    if unit is not None and unit_end > q.end and _is_fraction_of_one(q) and in_price is None:
        return None  # "the 9/11 attacks": no part of one counts things
    previous = _previous_figure(figures, line_no, offset, anaphoric, q.value)
    antecedent = None  # the figure whose unit this one takes
    if unit is None and not q.unit and previous is not None:
        level = _last_word(sentence, q.start) in lexicon().sets["level_links"]
        level = level and not _tally_to(sentence, previous, q)
        previous = _elliptic_antecedent(figures, previous, line_no, offset, level)
    if unit is None and not q.unit and previous is None and not anaphoric:
        previous = _tallied_antecedent(figures, line_no, sentence, q)
    no_share = unit is None and not q.unit and q.value > PERCENT_ELLIPSIS_MAX
    if no_share and previous is not None and previous.unit == "percent":
        # "61 percent of delegates, to reach 1,237": no share; "over a quarter of
        # immigrants, the estimated 11 million who entered": people, by its own verb
        previous = None
    if unit is None or anaphoric:
        if previous is None or previous.unit is None:
            if unit is None and not q.unit:
                unit = people_counted(sentence, q)
                unit = unit or index_points(sentence, q)
                if unit is None and definite:
                    unit = "people"  # "the two did not discuss it": those named before
                if unit is None:
                    return None
        else:
            if _is_fraction_of_one(q):
                if previous.unit != "percent" or not q.spelled or _ordinal_before_noun(sentence, q):
                    return None  # "on 9/11", "a third party": no share of a unit counts things
                q = replace(q, kind="percent", value=q.value * 100)  # "three-quarters said"
            if unit is None and q.qualifier == "exact" and _coordinated(line, previous, offset, q):
                # "around 2,500 troops in Iraq and 900 in Syria": the qualifier distributes
                q = replace(q, qualifier=previous.quantity.qualifier)
            unit = previous.unit
            antecedent = previous
    if q.unit and unit is None:
        unit = q.unit
    if unit is None:
        return None
    event = event or _event_verb(tokens, q, unit)
    linked = antecedent is not None and _linked(line, antecedent, offset + q.start)
    if event is None and linked and antecedent is not None:
        event = antecedent.event  # "1,000 people died, up from 800": deaths too
    owner = _owner(sentence, tokens, q, unit_end)
    owner_of_gap = None
    if owner is None and (anaphoric or _is_elliptic(q, unit_end)) and previous is not None:
        # "The UK has 900 troops, France 500": a place right before a gapped figure owns it
        owner_of_gap = _place_right_before(sentence, q.start)
        owner = owner_of_gap or previous.owner
    target = _target(view, q, unit_end)
    places = _places_for(view, q, owner, context_places)
    start, end = q.start, max(q.end, unit_end)
    end = _extend_with_place(sentence, end)
    topic = _topic(tokens, q) if q.unit_kinds else None
    before = _figure_before(figures, line_no, offset, offset + q.start)
    segment_start = before.end - offset if before is not None else 0
    if antecedent is not None and not linked and not anaphoric:
        # "... perished - reducing the world population from 450 million": a figure that
        # borrows its unit in a clause of its own measures what that clause is about
        topic = rate_context(sentence, segment_start, q.start, q.end, None).subject
        if topic and owner_of_gap:
            topic = None  # "France 500": the place is its owner, not what it is about
    elif linked and antecedent is not None and topic is None:
        topic = antecedent.topic  # "from 450 million down to 350 million": the same thing
    rate = None
    if is_rate_like(q.kind, unit):
        topic = _rate_topic(sentence, q, unit_end, topic)
        previous_rate = before.rate if before is not None else None
        end_of_unit = max(q.end, unit_end)
        rate = rate_context(sentence, segment_start, q.start, end_of_unit, previous_rate)
        if previous_rate is not None and before is not None and _price_fraction(before):
            # "notes rose 7/32 in price to yield 1.786%": the yield of the same notes
            rate = replace(rate, subject=previous_rate.subject)
    return _Figure(
        line_no, line, q, unit, owner, event, target, places, offset + start, offset + end, topic,
        rate,
    )  # fmt: skip


def _price_fraction(figure: _Figure) -> bool:
    """A bond's price change in points written as a fraction ("rose 7/32 in price")."""
    return figure.unit == "points" and figure.quantity.kind == "fraction"


def _rate_topic(sentence: str, q: Quantity, unit_end: int, topic: str | None) -> str | None:
    """What money or a percentage is the value of: the noun before it ("revenue of $3.2
    billion"), else the noun after it when a link word or a determiner says so ("51% of
    voters", "a 15% tariff"; not "1.8% late on Monday")."""
    linked = TOPIC_LINK.match(sentence, max(q.end, unit_end))
    if not (linked or ATTRIBUTIVE.search(sentence, max(0, q.start - ATTRIBUTIVE_REACH), q.start)):
        topic = None
    return noun_before(sentence, q.start) or topic


def _figure_before(
    figures: list[_Figure], line_no: int, sentence_start: int, start: int
) -> _Figure | None:
    """The last figure found before ``start`` in the same sentence (line offsets)."""
    if figures:
        figure = figures[-1]
        if figure.line_no == line_no and sentence_start <= figure.start and figure.end <= start:
            return figure
    return None


# Words that link a figure to the one before it, so that it counts the same event: "died,
# up from 800", "killed 10 and 20 in the north", "compared with 9".
LINK_WORDS: Final = frozenset(
    {"and", "or", "up", "down", "from", "to", "compared", "with", "against", "versus", "than",
     "in", "on", "during", "another", "other", "more", "additional", "further"}
)  # fmt: skip
LINK_REACH: Final = 40  # characters: a link is a few words


def _linked(line: str, antecedent: _Figure, start: int) -> bool:
    """Only link words, and the event verb of the figure before, lie between it and the
    figure at ``start``."""
    if antecedent.line != line or antecedent.end > start or start - antecedent.end > LINK_REACH:
        return False
    verbs = lexicon().raw["event_verbs"]
    words = re.findall(r"[^\W\d_]+", line[antecedent.end : start].lower())
    return all(w in LINK_WORDS or w in verbs for w in words)


# How far before a figure a place that owns it in a gapped clause is looked for.
GAPPED_OWNER_REACH: Final = 40


def _place_right_before(sentence: str, start: int) -> str | None:
    """The place named just before ``start``, with only spaces between ("France 500")."""
    low = max(0, start - GAPPED_OWNER_REACH)
    for place in reversed(_find_places(sentence[low:start])):
        if not sentence[low + place.end : start].strip():
            return place.key
    return None


def _coordinated(line: str, previous: _Figure, offset: int, q: Quantity) -> bool:
    """Is the figure the second conjunct of the previous one, in the same sentence?"""
    if previous.line != line or previous.end > offset + q.start:
        return False
    between = line[previous.end : offset + q.start]
    return bool(COORDINATION.fullmatch(between))


def _is_elliptic(q: Quantity, unit_end: int) -> bool:
    return unit_end <= q.end


# How many figures back a bare figure after a percentage looks for what it counts.
ANTECEDENT_REACH: Final = 6


def _elliptic_antecedent(
    figures: list[_Figure], previous: _Figure, line_no: int, sentence_start: int, level: bool
) -> _Figure | None:
    """What a bare figure counts after a percentage: the figure before that one ("fell 102.2
    points, or 0.36%, to 27,934.02" -> points); with none, the percentage itself in a list
    ("65 percent were white ... and 7.3 of another race"), but not a level after a change
    ("rose 0.86% to 5,880": ``level``)."""
    if previous.quantity.kind != "percent":
        return previous
    for figure in reversed(figures[-ANTECEDENT_REACH:]):  # (a long line costs no more)
        if figure.line_no != line_no or figure.start < sentence_start:
            break
        if figure.quantity.kind != "percent":
            return figure
    return None if level and _a_change_figure(previous) else previous


def _a_change_figure(figure: _Figure) -> bool:
    """Does a change verb lead the figure ("rose 0.86%", "down 2%"), so that a figure after
    "to"/"from" is a level of something else ("... to 5,880"), where after a level ("is 5
    percent, down from 6") it is the same thing's?"""
    sets = lexicon().sets
    word = _last_word(figure.line, figure.start)
    return word != "from" and (word in sets["change_verbs"] or word in sets["change_words"])


ALL_BEFORE: Final = re.compile(r"\ball\s+$", re.IGNORECASE)


def _all_count(sentence: str, before: str, q: Quantity) -> bool:
    """'All 12 were trapped', 'all three died': an exact count after "all" with no noun, the
    subject of the verb after it (not "won all 3": games, by what was said before)."""
    if q.qualifier != "exact" or q.kind != "number" or not ALL_BEFORE.search(before):
        return False
    verb = NEXT_WORD.match(sentence, q.end)
    word = verb.group(1).lower() if verb else ""
    return word in VERBS_AFTER or word in lexicon().raw["event_verbs"]


# "the two", "these three", "the other two" with no noun: people or things named before.
DEFINITE_BEFORE: Final = frozenset({"the", "these", "those", "other"})
DEFINITE_COUNT_MAX: Final = 12  # "the 500" is a name, "the 45" an age or a number worn
# What follows such a count: a punctuation mark, the end, or its verb ("the two met").
CLAUSE_AFTER: Final = re.compile(r"\s*(?:[,.;:!?)\]\u2014\u2013-]|$|([A-Za-z]+)\b(?!-))")
RANK_ADJECTIVES: Final = frozenset(
    {"last", "first", "main", "top", "major", "leading", "remaining", "biggest", "largest",
     "best", "most", "key", "former", "latest", "final", "next", "previous"}
)  # fmt: skip
NEXT_WORD: Final = re.compile(r"\s+([A-Za-z]+)")
VERBS_AFTER: Final = frozenset(
    {"are", "were", "was", "is", "have", "had", "has", "did", "do", "does", "will", "would",
     "could", "can", "should", "may", "might", "must", "also", "both", "all", "then", "later",
     "met", "said", "spoke", "agreed", "talked", "discussed", "sat", "shared", "signed",
     "married", "remain", "remained", "appeared", "face", "faced", "who", "whom", "whose"}
)  # fmt: skip


def _definite_count(sentence: str, q: Quantity) -> bool:
    """A small spelled count after a definite determiner, with no noun of its own."""
    if not q.spelled or q.qualifier != "exact" or q.kind != "number":
        return False
    if not (2 <= q.value <= DEFINITE_COUNT_MAX and q.value.is_integer()):
        return False
    if _last_word(sentence, q.start) not in DEFINITE_BEFORE:
        return False
    after = CLAUSE_AFTER.match(sentence, q.end)
    if after is None or not after.group(1) or after.group(1).lower() in VERBS_AFTER:
        return after is not None
    word = after.group(1)
    if not word.islower() or _looks_plural(word) or word in RANK_ADJECTIVES:
        return False  # "the two last, big hurdles": a modifier of a noun further on
    # "these two came to Beijing" (a verb), not "the two leading Republicans" (a modifier)
    following = NEXT_WORD.match(sentence, after.end())
    return following is None or not (
        following.group(1)[0].isupper() or _looks_plural(following.group(1).lower())
    )


# Verbs a share of a group takes right after it ("three-quarters said", "a third say").
SHARE_VERBS: Final = frozenset(
    {*VERBS_AFTER, "say", "says", "think", "thinks", "thought", "believe", "believes",
     "believed", "agree", "agreed", "support", "supported", "oppose", "opposed", "want",
     "wanted", "voted", "back", "backed", "favor", "favour", "favored", "approve", "approved",
     "disapprove", "reported", "expect", "expected", "live", "lived", "own", "owned"}
)  # fmt: skip
NEXT_LOWER_WORD: Final = re.compile(r"\s+([a-z]+)\b")


def _ordinal_before_noun(sentence: str, q: Quantity) -> bool:
    """'a third party', 'a fourth term': a spelled fraction right before a word that is no
    verb of a share is an ordinal modifying that noun."""
    nxt = NEXT_LOWER_WORD.match(sentence, q.end)
    return nxt is not None and nxt.group(1) not in SHARE_VERBS and nxt.group(1) != "of"


TALLY_TO_REACH: Final = 120  # characters before "to N" read for a change verb


def _tally_to(sentence: str, previous: _Figure, q: Quantity) -> bool:
    """'The vote was 52 percent to 48': a lower bare figure after "to", in a clause with no
    change verb, is the other side of a tally, not the level a change reached."""
    if _last_word(sentence, q.start) != "to" or q.value >= previous.quantity.value:
        return False
    sets = lexicon().sets
    # the clause of both figures, read back a bounded stretch (a long line costs no more)
    words = re.findall(r"[a-z]+", sentence[max(0, q.start - TALLY_TO_REACH) : q.start].lower())
    return not any(w in sets["change_verbs"] or w in sets["change_words"] for w in words)


def _tallied_antecedent(
    figures: list[_Figure], line_no: int, sentence: str, q: Quantity
) -> _Figure | None:
    """A tally that goes on from the sentence before: "Clinton has 866 delegates. Sanders has
    at least 211." / "Cruz won two states. Trump won six." (a count, never money or a share,
    in the same paragraph)."""
    tally_verbs = lexicon().sets["tally_verbs"]
    if not figures or _last_word(sentence, q.start) not in tally_verbs:
        return None
    figure = figures[-1]
    if figure.line_no != line_no or unit_class(figure.unit) not in {"people", "count"}:
        return None
    lead = _last_word(figure.line, figure.start)
    if not (lead in tally_verbs or lead == "with" or figure.unit in TALLY_NOUNS):
        return None  # "Hellebuyck made 38 saves ... Winnipeg has won three in a row": no tally
    return figure


def _previous_figure(
    figures: list[_Figure], line_no: int, sentence_start: int, anaphoric: bool, value: float
) -> _Figure | None:
    """The figure an ellipsis ('and 900 in Syria': same sentence) or 'others' (same or last
    line) refers to; for a count that refers back ("the two", "all 12"), the last one of the
    same value ("12 miners were trapped ... All 12 were freed") before any other."""
    if not figures:
        return None
    figure = figures[-1]
    if anaphoric:
        # "two of them", "900 others": a count of things, never money or a share.
        counts = []
        for figure in reversed(figures[-ANTECEDENT_REACH:]):
            if figure.line_no < line_no - 2:
                break
            if unit_class(figure.unit) in {"people", "count"}:
                counts.append(figure)
        same = [f for f in counts if f.quantity.value == value and f.quantity.value_max is None]
        return (same or counts or [None])[0]
    if figure.line_no == line_no and figure.start >= sentence_start:
        return figure
    return None


# The qualifiers of a range's two ends, when the range itself has none ("10 to 20 people").
RANGE_ENDS: Final[tuple[Qualifier, Qualifier]] = ("at_least", "at_most")


def _mentions(article_id: str, f: _Figure) -> list[NumberMention]:
    """The figure's record; a range ("242 to 330 passengers") is two, as the guideline
    counts it: the low end ``at_least`` and the high end ``at_most`` (an approximate range
    keeps its qualifier at both ends), each over the range's whole text."""
    q = f.quantity
    unit = f.unit
    measure = (
        measure_key(unit, f.owner, f.event, f.target, f.places, f.topic, f.rate) if unit else None
    )
    ends: list[tuple[float, Qualifier]] = [(q.value, q.qualifier)]
    if q.value_max is not None:
        low, high = RANGE_ENDS if q.qualifier == "exact" else (q.qualifier, q.qualifier)
        ends = [(q.value, low), (q.value_max, high)]
    text = f.line[f.start : f.end]
    return [
        NumberMention(
            article_id=article_id,
            line_no=f.line_no,
            start=f.start,
            end=f.end,
            text=text,
            value=value,
            qualifier=qualifier,
            unit=unit,
            measure=measure,
        )
        for value, qualifier in ends
    ]
