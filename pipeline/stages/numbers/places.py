"""Places: the countries of the gazetteer named in a text (runs of capitalised words looked
up), where a figure is ("in Iraq and Syria", "throughout the country") and the place phrase
its span carries."""

from __future__ import annotations

import bisect
import re
from typing import Final, NamedTuple

from pipeline.stages.numbers.lexicon import lexicon
from pipeline.stages.numbers.quantities import Quantity
from pipeline.stages.numbers.tokens import _last_word

# Where the place phrase of a figure stops ("... in Iraq and Syria since mid-October, in Gaza").
PLACE_BREAK: Final = re.compile(r"[;:,]|\s[\u2014\u2013]\s")
LOCATIVE: Final = re.compile(
    r"\b(?:in|inside|throughout|across|within)\s+(?:the\s+)?(?:(?:eastern|western|northern|"
    r"southern|central|north|south|east|west|neighbouring|neighboring|northeastern|northwestern|"
    r"southeastern|southwestern)\s+)?",
    re.IGNORECASE,
)
PLACE_COORDINATION: Final = re.compile(r"\s*(?:,|and|or)\s+(?:(?:neighbouring|neighboring)\s+)?")
COUNTRY_ANAPHOR: Final = re.compile(r"(?:country|nation)\b", re.IGNORECASE)
PLACE_PHRASE: Final = re.compile(r"\s+(?:in|inside)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?")


class _SentenceView:
    """A sentence and its figures, with what several figures ask of it computed once:
    where the neighbouring figures are, and the first place the sentence names."""

    __slots__ = ("_ends", "_first_place", "_starts", "text")

    def __init__(self, text: str, quantities: list[Quantity]) -> None:
        self.text = text
        self._starts = sorted(q.start for q in quantities)
        self._ends = sorted(q.end for q in quantities)
        self._first_place: str | bool | None = False  # False: not looked up yet

    def neighbours(self, q: Quantity) -> tuple[int, int]:
        """(start of the next figure, end of the previous one): the sentence's ends if none."""
        k = bisect.bisect_left(self._starts, q.end)
        after_end = self._starts[k] if k < len(self._starts) else len(self.text)
        k = bisect.bisect_right(self._ends, q.start)
        return after_end, self._ends[k - 1] if k > 0 else 0

    def first_place(self) -> str | None:
        if self._first_place is False:
            self._first_place = _place_in(self.text)
        return self._first_place  # type: ignore[return-value]


# Places are capitalised: find runs of capitalised words, then look them up (much faster than
# one big case-insensitive alternation over the whole gazetteer).
CAPITALISED_RUN: Final = re.compile(
    r"(?<![\w.])(?:[A-Z][a-z]{0,2}\.(?:[A-Z][a-z]{0,2}\.)+|[A-Z][\w\u2019']*)"
    r"(?:[ ](?:of[ ])?(?:[A-Z][a-z]{0,2}\.(?:[A-Z][a-z]{0,2}\.)+|[A-Z][\w\u2019']*))*"
)


class _PlaceName(NamedTuple):
    """A gazetteer place named in a text: where, and the place's key."""

    start: int
    end: int
    key: str


def _find_places(text: str) -> list[_PlaceName]:
    """Each gazetteer place named in ``text``: in each capitalised run, the longest name from
    each word on (no longer than the gazetteer's longest, so a long run costs its length)."""
    lex = lexicon()
    table = lex.place_by_surface
    out = []
    for run in CAPITALISED_RUN.finditer(text):
        words = _run_words(run.group())
        base = run.start()
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + lex.place_max_words), i, -1):
                start, end = base + words[i][0], base + words[j - 1][1]
                surface = _without_possessive(text[start:end]).lower()
                key = table.get(surface)
                if key is not None:
                    out.append(_PlaceName(start, end, key))
                    i = j
                    break
            else:
                i += 1
    return out


def _run_words(run: str) -> list[tuple[int, int]]:
    """(start, end) of the words of a capitalised run (its words are one space apart)."""
    if " " not in run:
        return [(0, len(run))]
    out = []
    pos = 0
    for word in run.split(" "):
        out.append((pos, pos + len(word)))
        pos += len(word) + 1
    return out


def _without_possessive(surface: str) -> str:
    """'Iraq's' -> 'Iraq', 'Gaza\u2019' -> 'Gaza': a trailing possessive goes."""
    if surface.endswith(("'s", "\u2019s")):
        return surface[:-2]
    if surface.endswith(("'", "\u2019")):
        return surface[:-1]
    return surface


class _PlaceContext:
    """The body text read so far, searched backwards only when 'the country' needs it; each
    text is searched at most once (what the last search found is kept)."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self._searched = 0  # texts[:_searched] have been searched ...
        self._last: str | None = None  # ... and this is the last place they name

    def add(self, text: str) -> None:
        self.texts.append(text)

    def last(self) -> str | None:
        found = self._last
        for text in reversed(self.texts[self._searched :]):
            places = _locative_places(text)
            if places:
                found = places[-1]
                break
        self._searched, self._last = len(self.texts), found
        return found


def _place_at(sentence: str, pos: int) -> _PlaceName | None:
    """The place named right at ``pos``, if any."""
    run = CAPITALISED_RUN.match(sentence, pos)
    if run is None:
        return None
    for place in _find_places(run.group()):
        return _PlaceName(pos, pos + place.end, place.key) if place.start == 0 else None
    return None


def _place_in(text: str) -> str | None:
    places = _find_places(text)
    return places[0].key if places else None


def _is_place_word(word: str) -> bool:
    return word.lower() in lexicon().place_by_surface


def _locative_before(text: str, pos: int) -> bool:
    return _last_word(text, pos) in lexicon().sets["locative_or_source"]


def _locative_places(text: str) -> list[str]:
    """Places named after 'in', 'inside', ... (what 'the country' can refer to)."""
    return [key for start, _, key in _find_places(text) if _locative_before(text, start)]


def _places_for(
    view: _SentenceView, q: Quantity, owner: str | None, context: _PlaceContext
) -> tuple[str, ...]:
    """Where the figure is: locative places after it (up to the next figure), else before it."""
    sentence = view.text
    after_end, before_start = view.neighbours(q)
    clause = PLACE_BREAK.search(sentence, q.end, after_end)
    if clause:
        after_end = clause.start()
    places = _locatives_in(sentence, q.end, after_end, context)
    if not places:
        places = _locatives_in(sentence, before_start, q.start, context)
    return tuple(p for p in dict.fromkeys(places) if p != owner)


def _locatives_in(sentence: str, start: int, end: int, context: _PlaceContext) -> list[str]:
    segment = sentence[start:end]
    out = []
    for m in LOCATIVE.finditer(segment):
        place = _place_at(segment, m.end())
        if place is not None:
            out.append(place.key)
            # coordination: "in Iraq and Syria", "in Iraq and neighbouring Syria" (read in
            # place: a copy of the rest of the segment per place was quadratic)
            c = PLACE_COORDINATION.match(segment, place.end)
            if c:
                more = _place_at(segment, c.end())
                if more is not None:
                    out.append(more.key)
            continue
        anaphor = COUNTRY_ANAPHOR.match(segment, m.end())
        if anaphor:
            named_last = context.last()
            if named_last is not None:
                out.append(named_last)
    return out


def _extend_with_place(sentence: str, end: int) -> int:
    """Let the span carry its place phrase, like the gold's '2,500 troops in Iraq'."""
    m = PLACE_PHRASE.match(sentence, end)
    if m and _place_in(m.group()):
        return m.end()
    return end
