"""One measure key per thing measured within a story, across its outlets.

Each article keys its figures from its own words ('us_troops_in_iraq', 'people'). Outlets
word the same fact differently ("two people", "two contractors", "two infected patients"),
and a bare key such as 'people' or 'deaths' names what is counted but not which count it is.
Within one story (one real-world event) the figures are grouped so that:

* figures with the same specific key are one measure (a key with an owner, place, topic or
  subject: 'brent_change', 'us_troops_in_iraq'), apart from the other side of a result
  ("beat Trump 46 to 40 percent", "voted 51 to 49": the 40 and the 49 are not the leader's)
  the level a change starts from ("rose from 0.90 percent to 1.23 percent": the state
  before and the state after) and the whole after a part ("raised $57 million of the $64
  million"), each of which joins only figures of its own role;
* both ends of a range are one measure;
* within one article, a level and the earlier level it is set against in the same clause
  are one measure ("rose to 52 from 40", "3.5%, down from 3.7%"), and so are an amount or a
  measurement and its conversion ("71,350 euros ($78,770)"), and a count or an amount and
  the percentage that restates it as a share ("cut 3,000 jobs, or 2% of its workforce";
  in "12 of 40 patients (30%)" the 12, not the 40);
* figures with the same value and a like unit are one measure, whether two outlets give
  them or one article repeats them: counts of people with counts of people ("two people",
  "two contractors", "two cases"; not deaths with injuries), other counts with the same
  noun, an amount with the same currency; not players' statistics ("two goals", "25 points"),
  each one's own;
* within one article, a definite count and the last like count of the same value before
  it ("12 people were killed" ... "the 12 victims");
* within one article, a new level of a running total and the last figure with its bare key
  ("killed 40 people" ... "the death toll had risen to 52"), unless that figure is where the
  change started ("rose from 40 to 52");
* within one article, a measurement restated with the same value and unit in another line
  is one measure ("up to 277 miles of range" ... "rated for up to 277 miles"). Percentages
  are left out: small ones recur by chance ("rose 0.05%" of two different prices, "lost
  0.06%" of an index and of a metal in one market report).

A bare key never joins figures by itself: two bare 'people' figures that are not joined stay
two measures, 'people' and 'people_2', so the story's comparison never sets them side by side.
Each group takes its most frequent article key (a specific one before a bare one). The result
depends only on the story's figures, not on the order articles came in.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from pipeline.stages.numbers.lexicon import lexicon
from pipeline.stages.numbers.measures import (
    counts_people,
    earlier_level_link,
    event_of,
    is_conversion,
    is_from_to,
    is_generic_measure,
    is_level_update,
    is_part_of,
    is_player_stat_unit,
    is_result_second,
    refers_back,
    unit_class,
)

# Kinds of unit whose equal values, within one story, are one figure.
VALUE_JOINED_CLASSES = frozenset({"people", "count", "currency"})
# Kinds whose equal values are one figure only when one article restates them in another line.
RESTATED_CLASSES = frozenset({"measurement"})  # (percentages recur by chance too often)


@dataclass(frozen=True, slots=True)
class StoryFigure:
    """A figure of one article of the story, with the key its article gave it."""

    article_id: str
    line_no: int
    start: int
    value: float | None
    unit: str | None
    article_measure: str | None
    end: int | None = None  # where the figure's text ends in its line
    line: str | None = None  # the text of its line, when the caller gives it

    @property
    def sort_key(self) -> tuple[str, int, int, float]:
        return (self.article_id, self.line_no, self.start, self.value or 0.0)


class _Groups:
    """Union-find over figure positions."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, members: Sequence[int]) -> None:
        for other in members[1:]:
            a, b = self.find(members[0]), self.find(other)
            if a != b:
                self.parent[max(a, b)] = min(a, b)


def story_measures(figures: Sequence[StoryFigure]) -> list[str | None]:
    """The measure key of each figure of one story, in the order given (None for a figure
    whose article gave it no key)."""
    keyed = sorted(
        (i for i, f in enumerate(figures) if f.article_measure is not None),
        key=lambda i: figures[i].sort_key,
    )
    groups = _Groups(len(figures))
    for members in _joined(figures, keyed):
        groups.join(members)
    by_root: dict[int, list[int]] = defaultdict(list)
    for i in keyed:
        by_root[groups.find(i)].append(i)
    out: list[str | None] = [None] * len(figures)
    taken: Counter[str] = Counter()
    # Groups in the order of their first figure, so the numbering of bare keys is stable.
    for members in sorted(by_root.values(), key=lambda m: figures[m[0]].sort_key):
        key = _group_key([figures[i] for i in members])
        taken[key] += 1
        name = key if taken[key] == 1 else f"{key}_{taken[key]}"
        for i in members:
            out[i] = name
    return out


def _joined(figures: Sequence[StoryFigure], keyed: list[int]) -> list[list[int]]:
    """Lists of figure positions that are one measure by one of the module's rules."""
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_span: dict[tuple[str, int, int], list[int]] = defaultdict(list)
    by_value: dict[tuple[float, str], list[int]] = defaultdict(list)
    restated: dict[tuple[str, float, str], dict[int, int]] = defaultdict(dict)
    roles = _roles(figures, keyed)
    for i in keyed:
        f = figures[i]
        assert f.article_measure is not None
        if not is_generic_measure(f.article_measure, f.unit):
            # the other side of a result, or the level a change started from, joins the
            # figures of its role with its key, not the leader or the level reached
            by_key[(f.article_measure, roles.get(i, ""))].append(i)
        by_span[(f.article_id, f.line_no, f.start)].append(i)
        kind = unit_class(f.unit)
        if f.value is not None and kind in VALUE_JOINED_CLASSES and not is_player_stat_unit(f.unit):
            by_value[(f.value, kind if kind == "people" else _same_unit(f.unit))].append(i)
        elif f.value is not None and kind in RESTATED_CLASSES:
            # the first figure of each line only: two in one line are two things measured
            restated[(f.article_id, f.value, _same_unit(f.unit))].setdefault(f.line_no, i)
    joined = [*by_key.values(), *by_span.values()]
    joined += [m for members in by_value.values() for m in _by_event(figures, members)]
    joined += [list(lines.values()) for lines in restated.values()]
    joined += _earlier_levels(figures, keyed) + _back_references(figures, keyed)
    joined += _level_updates(figures, keyed, roles) + _shares(figures, keyed)
    return joined


# Roles of a figure that keep it apart from another figure of its line with the same key.
RESULT_SECOND = "second"  # "beat Trump 46 to 40 percent": the 40 is the other side's
CHANGE_START = "start"  # "rose from 0.90 percent to 1.23 percent": the 0.90 is the state before
WHOLE = "whole"  # "raised $57 million of the $64 million": the 64 is the whole, not the part


def _roles(figures: Sequence[StoryFigure], keyed: list[int]) -> dict[int, str]:
    """The figures that are the other side of a result led by the figure before them in their
    line ("beat Trump 46 to 40 percent", "voted 51 to 49": the leader is the larger), those
    a change starts from ("from 0.90 percent to 1.23 percent"), and the wholes the figure
    before them is part of ("$57 million of the $64 million")."""
    by_line: dict[tuple[str, int], list[int]] = defaultdict(list)
    for i in keyed:
        if figures[i].line is not None and figures[i].end is not None:
            by_line[(figures[i].article_id, figures[i].line_no)].append(i)
    roles: dict[int, str] = {}
    for members in by_line.values():
        members.sort(key=lambda i: figures[i].sort_key)
        for a, b in pairwise(members):
            first, second = figures[a], figures[b]
            if first.start == second.start:
                continue  # a range's two ends
            assert first.line is not None and first.end is not None
            if is_from_to(first.line, first.start, first.end, second.start):
                roles[a] = CHANGE_START
            elif _leads(first, second) and is_result_second(
                first.line, first.start, first.end, second.start
            ):
                roles[b] = RESULT_SECOND
            elif _leads(second, first) and is_part_of(first.line, first.end, second.start):
                roles[b] = WHOLE
    return roles


def _leads(first: StoryFigure, second: StoryFigure) -> bool:
    """Is the first figure the larger of two with the same key (a result's leader, a whole)?"""
    same_key = first.article_measure == second.article_measure
    return same_key and (first.value or 0) > (second.value or 0)


# Kinds of unit a figure is converted between ("71,350 euros ($78,770)", "300 kW (402 hp)").
CONVERTED_CLASSES = frozenset({"currency", "measurement"})
# Kinds of unit a definite figure may refer back to ("the three plague variants").
BACK_REFERENCE_CLASSES = frozenset({"people", "count", "percent"})
# The least count of things (not people) a definite count refers back to: "the two sides",
# "the two parties" name pairs of their own far more often than they restate a count.
BACK_REFERENCE_MIN_THINGS = 3


def _back_references(figures: Sequence[StoryFigure], keyed: list[int]) -> list[list[int]]:
    """Pairs of a definite count or percentage ("the 12 victims", "of the three plague
    variants", "the 1.5 percent drop") and the last figure of its article before it with the
    same value that counts alike: people, things or a percentage ("12 people were killed",
    "three diseases", "fell 1.5 percent")."""
    by_article: dict[str, list[int]] = defaultdict(list)
    for i in keyed:
        if unit_class(figures[i].unit) in BACK_REFERENCE_CLASSES:
            by_article[figures[i].article_id].append(i)
    pairs = []
    for members in by_article.values():
        members.sort(key=lambda i: figures[i].sort_key)
        for k, b in enumerate(members):
            f = figures[b]
            if f.line is None or not refers_back(f.line, f.start):
                continue
            if _counts_things(f.unit) and (f.value or 0) < BACK_REFERENCE_MIN_THINGS:
                continue
            for a in reversed(members[:k]):
                e = figures[a]
                if e.value == f.value and _alike(e.unit, f.unit):
                    pairs.append([a, b])
                    break
    return pairs


def _level_updates(
    figures: Sequence[StoryFigure], keyed: list[int], roles: dict[int, str]
) -> list[list[int]]:
    """Pairs of a new level of a running total ("the death toll rose to 52") and the last
    figure of its article before it with the same bare key ("40 people were killed": deaths),
    unless that figure is the level the change started from ("rose from 40 to 52") or the
    new one is the other side of a result or a whole ("a vote of 90 to 10"). A specific key
    joins its figures already."""
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in keyed:
        f = figures[i]
        assert f.article_measure is not None
        if is_generic_measure(f.article_measure, f.unit):
            by_key[(f.article_id, f.article_measure)].append(i)
    pairs = []
    for members in by_key.values():
        members.sort(key=lambda i: figures[i].sort_key)
        for a, b in pairwise(members):
            f = figures[b]
            same_span = (figures[a].line_no, figures[a].start) == (f.line_no, f.start)
            # the level a change started from, and the other side of a result or the whole
            # after a part, are no new level of the figure before them
            started = roles.get(a) == CHANGE_START or roles.get(b) in (RESULT_SECOND, WHOLE)
            if (
                not same_span
                and not started
                and f.line is not None
                and is_level_update(f.line, f.start)
            ):
                pairs.append([a, b])
    return pairs


def _counts_things(unit: str | None) -> bool:
    return unit_class(unit) == "count" and not counts_people(unit)


def _alike(unit: str | None, other: str | None) -> bool:
    """Do two units count alike: both people, both things, or both percentages?"""
    same_kind = (unit_class(unit) == "percent") == (unit_class(other) == "percent")
    return same_kind and counts_people(unit) == counts_people(other)


def _by_event(figures: Sequence[StoryFigure], members: list[int]) -> list[list[int]]:
    """Equal counts of people split by what befell them, when their keys name two or more
    events ("killed 12 people" ... "12 people were injured": deaths and injuries); counts whose
    key names no event then join only each other."""
    by_event: dict[str | None, list[int]] = defaultdict(list)
    for i in members:
        by_event[event_of(figures[i].article_measure or "")].append(i)
    if len(by_event.keys() - {None}) <= 1:
        return [members]
    return list(by_event.values())


def _by_line(figures: Sequence[StoryFigure], keyed: list[int]) -> list[list[int]]:
    """The keyed figures whose line text is known, grouped by their line."""
    by_line: dict[tuple[str, int], list[int]] = defaultdict(list)
    for i in keyed:
        if figures[i].line is not None and figures[i].end is not None:
            by_line[(figures[i].article_id, figures[i].line_no)].append(i)
    return list(by_line.values())


def _earlier_levels(figures: Sequence[StoryFigure], keyed: list[int]) -> list[list[int]]:
    """Pairs of figures of one line where the second is the earlier level the first is set
    against ("rose to 52 from 40"), in a like unit, or the first converted to another unit
    ("71,350 euros ($78,770)")."""
    pairs = []
    for members in _by_line(figures, keyed):
        members.sort(key=lambda i: figures[i].sort_key)
        for a, b in pairwise(members):
            first, second = figures[a], figures[b]
            if first.start == second.start:
                continue  # a range's two ends, joined already
            assert first.line is not None and first.end is not None
            if _same_unit(first.unit) == _same_unit(second.unit):
                linked = earlier_level_link(
                    first.line, first.start, first.end, second.start, second.end
                )
            else:
                kind = unit_class(first.unit)
                linked = kind in CONVERTED_CLASSES and kind == unit_class(second.unit)
                linked = linked and is_conversion(first.line, first.end, second.start)
            if linked:
                pairs.append([a, b])
    return pairs


# Kinds of figure a percentage right after it may restate as a share of a whole: "cut 3,000
# jobs, or 2% of its workforce", "12 of 40 patients (30%)", "$3 billion, or 5% of GDP".
SHARED_CLASSES = frozenset({"people", "count", "currency"})


def _shares(figures: Sequence[StoryFigure], keyed: list[int]) -> list[list[int]]:
    """Pairs of a count or an amount and the percentage right after it that restates it as a
    share ("cut 3,000 jobs, or 2% of its workforce", "fell 102.2 points, or 0.36%", "12 of
    40 patients (30%)"). Of figures that end at the same place ("12 of 40 patients" and "40
    patients") the one that starts first is the part restated; the whole is another measure."""
    pairs = []
    for members in _by_line(figures, keyed):
        restated = [i for i in members if unit_class(figures[i].unit) in SHARED_CLASSES]
        for p in members:
            share = figures[p]
            if unit_class(share.unit) != "percent":
                continue
            before = [
                i
                for i in restated
                if figures[i].start < share.start
                and is_conversion(share.line or "", figures[i].end or 0, share.start)
            ]
            if before:
                pairs.append([min(before, key=lambda i: figures[i].start), p])
    return pairs


def _same_unit(unit: str | None) -> str:
    synonyms = lexicon().raw["unit_synonyms"]
    return synonyms.get(unit, unit) if unit else ""


def _group_key(members: list[StoryFigure]) -> str:
    counts: Counter[str] = Counter()
    specific: set[str] = set()
    for f in members:
        if f.article_measure is not None:
            counts[f.article_measure] += 1
            if not is_generic_measure(f.article_measure, f.unit):
                specific.add(f.article_measure)
    return max(counts, key=lambda k: (k in specific, counts[k], len(k), k))
