"""What a story page says, worked out from the story's rows: who covered it and when, each
measure's figures side by side with their conflicts, the statements outlets share or carry
alone, and who is quoted by whom. Plain data for the charts and the template."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass, field

from pipeline.report.data import Article, Figure, Statement, StoryData, by_key
from pipeline.stages.numbers.comparison import interval

COPY_SUFFIX = " (copy)"
# An article's address becomes a link only if it is a web address (never "javascript:...").
LINK_SCHEMES = ("https://", "http://")
UNATTRIBUTED = "unattributed"
UNNAMED_SPEAKERS = "unnamed sources"
MAX_SPEAKERS = 14
STATEMENT_LABEL_CHARS = 118
# Room beyond the largest stated figure, so an open interval ("more than 2,000") visibly runs on.
OPEN_END_HEADROOM = 1.3
# Words of a measure key kept in lower case in its title; other words of two letters are
# country codes ("us_troops_in_iraq" -> "US Troops in Iraq").
CONNECTIVES = frozenset({"in", "on", "of", "and", "by", "to", "for", "at", "from", "per"})
CODE_LENGTH = 2

# How a figure is drawn.
AGREES = "agrees or is compatible"
CONFLICTS = "conflicts with another outlet"
COPIED = "in a syndicated copy"


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def measure_title(measure: str) -> str:
    """'attacks_on_us_forces_in_iraq_syria' -> 'Attacks on US Forces in Iraq Syria'."""
    words = []
    for n, word in enumerate(measure.split("_")):
        if word in CONNECTIVES:
            words.append(word if n > 0 else word.capitalize())
        elif len(word) <= CODE_LENGTH:
            words.append(word.upper())
        else:
            words.append(word.capitalize())
    return " ".join(words)


# ---------------------------------------------------------------------------- outlets


def outlet_order(articles: list[Article]) -> list[str]:
    """Outlet keys by first publication (undated last), then by name."""
    first: dict[str, tuple[dt.date, str]] = {}
    for a in articles:
        when = a.published_on or dt.date.max
        key = (when, a.outlet_name.lower())
        first[a.outlet] = min(first.get(a.outlet, key), key)
    return sorted(first, key=first.__getitem__)


def shown_outlet_names(story: StoryData) -> dict[str, str]:
    """Outlet key -> the name charts and tables show; an outlet that only copies is marked."""
    copies = story.copy_outlets()
    names = story.outlet_names()
    return {key: names[key] + (COPY_SUFFIX if key in copies else "") for key in names}


@dataclass(frozen=True)
class CoverageRow:
    outlet: str
    title: str | None
    byline: str | None
    wire_service: str | None
    published_on: dt.date | None
    url: str | None
    source_path: str
    copy_of: str | None  # "Outlet: headline" of the article this one copies
    copy_share: int | None  # percent of this article's text found in that one


def coverage_rows(story: StoryData, names: dict[str, str]) -> list[CoverageRow]:
    by_id = {a.article_id: a for a in story.articles}
    order = {key: n for n, key in enumerate(outlet_order(story.articles))}
    rows = []
    for a in sorted(story.articles, key=lambda a: (order[a.outlet], a.article_id)):
        original = by_id.get(a.copy_of) if a.copy_of else None
        rows.append(
            CoverageRow(
                outlet=names[a.outlet],
                title=a.title,
                byline=a.byline,
                wire_service=a.wire_service,
                published_on=a.published_on,
                url=a.url if a.url and a.url.startswith(LINK_SCHEMES) else None,
                source_path=a.source_path,
                copy_of=(
                    f"{names[original.outlet]}: {original.title or original.source_path}"
                    if original
                    else a.copy_of
                ),
                copy_share=(
                    round(a.copy_similarity * 100) if a.copy_similarity is not None else None
                ),
            )
        )
    return rows


# ---------------------------------------------------------------------------- figures


@dataclass(frozen=True)
class FigureMark:
    """One figure as drawn: the span of values its wording allows, cut to the chart's range."""

    outlet: str
    text: str
    value: float
    low: float
    high: float
    open_low: bool  # runs on past the chart's left edge ("less than 50")
    open_high: bool  # runs on past the right edge ("more than 100")
    status: str


@dataclass(frozen=True)
class ConflictNote:
    outlet_a: str
    text_a: str
    outlet_b: str
    text_b: str


@dataclass
class MeasureView:
    measure: str
    title: str
    unit: str | None
    outlets: int
    marks: list[FigureMark]
    conflicts: list[ConflictNote]

    @property
    def verdict(self) -> str:
        if self.conflicts:
            pairs = len(self.conflicts)
            return f"{pairs} pair{'s' if pairs > 1 else ''} of figures conflict"
        return "no conflict: every pair of figures can be true together"


def figure_marks(
    figures: list[Figure],
    names: dict[str, str],
    copy_outlets: set[str],
    conflicting: set[tuple[str, int, str]],
) -> list[FigureMark]:
    """Marks for one measure's figures; ``conflicting`` holds (article_id, line_no, text) of
    the figures in a conflict."""
    spans = [interval(f.value, f.qualifier, f.value_max) for f in figures]
    finite = [x for s in spans for x in (s.low, s.high) if math.isfinite(x)]
    top = max(finite) * OPEN_END_HEADROOM if max(finite) > 0 else 1.0
    bottom = min(0.0, min(finite) * OPEN_END_HEADROOM)
    marks = []
    for f, span in zip(figures, spans, strict=True):
        if (f.article_id, f.line_no, f.text) in conflicting:
            status = CONFLICTS
        elif f.outlet in copy_outlets:
            status = COPIED
        else:
            status = AGREES
        marks.append(
            FigureMark(
                outlet=names[f.outlet],
                text=f.text,
                value=f.value,
                low=max(span.low, bottom),
                high=min(span.high, top),
                open_low=not math.isfinite(span.low),
                open_high=not math.isfinite(span.high),
                status=status,
            )
        )
    return marks


def measure_views(
    story: StoryData, names: dict[str, str]
) -> tuple[list[MeasureView], list[Figure]]:
    """Measures two or more outlets give a figure for (conflicts first, then the most outlets),
    and the figures of measures only one outlet gives."""
    conflicting = {(c.article_id_a, c.line_no_a, c.text_a) for c in story.conflicts} | {
        (c.article_id_b, c.line_no_b, c.text_b) for c in story.conflicts
    }
    conflicts_by_measure = by_key(story.conflicts, "measure")
    copy_outlets = story.copy_outlets()
    compared: list[MeasureView] = []
    alone: list[Figure] = []
    for measure, figures in by_key(story.figures, "measure").items():
        outlets = {f.outlet for f in figures}
        if len(outlets) < 2:
            alone += figures
            continue
        notes = [
            ConflictNote(names[c.outlet_a], c.text_a, names[c.outlet_b], c.text_b)
            for c in conflicts_by_measure.get(measure, [])
        ]
        units = Counter(f.unit for f in figures if f.unit)
        compared.append(
            MeasureView(
                measure=measure,
                title=measure_title(measure),
                unit=units.most_common(1)[0][0] if units else None,
                outlets=len(outlets),
                marks=figure_marks(figures, names, copy_outlets, conflicting),
                conflicts=notes,
            )
        )
    compared.sort(key=lambda m: (-len(m.conflicts), -m.outlets, m.measure))
    return compared, alone


# ---------------------------------------------------------------------------- statements


@dataclass(frozen=True)
class Wording:
    outlet: str
    text: str
    is_direct: bool


@dataclass
class StatementView:
    group_id: str
    speaker: str
    label: str
    outlets: int
    wordings: list[Wording]


def statement_views(
    statements: list[Statement], names: dict[str, str], outlets: list[str]
) -> list[StatementView]:
    """Each statement (claim group) with its wording per outlet, outlets in the page's order
    (``outlets``: their keys); the most widely carried statements first."""
    rank = {key: n for n, key in enumerate(outlets)}
    views = []
    for group_id, rows in by_key(statements, "group_id").items():
        speaker = next((r.speaker_name for r in rows if r.speaker_name), None) or UNATTRIBUTED
        shortest = min((r.wording for r in rows), key=len)
        views.append(
            StatementView(
                group_id=group_id,
                speaker=speaker,
                label=shorten(f"{speaker} — “{shortest}”", STATEMENT_LABEL_CHARS),
                outlets=rows[0].outlets_in_group,
                wordings=[
                    Wording(names[r.outlet], r.wording, r.is_direct)
                    for r in sorted(rows, key=lambda r: rank[r.outlet])
                ],
            )
        )
    views.sort(key=lambda v: (-v.outlets, v.speaker == UNATTRIBUTED, v.speaker, v.label))
    return views


def exclusive_counts(views: list[StatementView]) -> Counter[str]:
    """Statements only one outlet carries, per outlet (shown name)."""
    return Counter(v.wordings[0].outlet for v in views if v.outlets == 1)


# ---------------------------------------------------------------------------- speakers


@dataclass(frozen=True)
class SpeakerCell:
    speaker: str
    outlet: str
    claims: int


def speaker_cells(story: StoryData, names: dict[str, str]) -> tuple[list[SpeakerCell], int]:
    """Claims per speaker and outlet for the speakers most outlets quote (unresolved speakers
    pooled as one row, last), and how many speakers were left out."""
    claims: Counter[tuple[str, str]] = Counter()
    for q in story.quoted:
        claims[(q.speaker_name or UNNAMED_SPEAKERS, names[q.outlet])] += q.claims
    outlets_per_speaker = Counter(speaker for speaker, _ in claims)
    totals: Counter[str] = Counter()
    for (speaker, _), n in claims.items():
        totals[speaker] += n
    named = sorted(
        (s for s in totals if s != UNNAMED_SPEAKERS),
        key=lambda s: (-outlets_per_speaker[s], -totals[s], s),
    )
    shown = named[:MAX_SPEAKERS] + ([UNNAMED_SPEAKERS] if UNNAMED_SPEAKERS in totals else [])
    rank = {s: n for n, s in enumerate(shown)}
    cells = [
        SpeakerCell(speaker, outlet, n)
        for (speaker, outlet), n in sorted(claims.items(), key=lambda kv: rank.get(kv[0][0], 0))
        if speaker in rank
    ]
    return cells, len(named) - len(named[:MAX_SPEAKERS])


# ---------------------------------------------------------------------------- the page


@dataclass
class StoryPage:
    """Everything one story's page shows."""

    data: StoryData
    names: dict[str, str]
    outlets: list[str]  # shown names, by first publication
    coverage: list[CoverageRow]
    measures: list[MeasureView]
    lone_figures: list[Figure]
    statements: list[StatementView]
    speakers: list[SpeakerCell]
    speakers_left_out: int
    exclusives: Counter[str] = field(default_factory=Counter)

    @property
    def copy_names(self) -> set[str]:
        """Shown names of the outlets that only copy another's article."""
        return {self.names[key] for key in self.data.copy_outlets()}

    @property
    def shared_statements(self) -> list[StatementView]:
        return [s for s in self.statements if s.outlets > 1]

    @property
    def exclusive_statements(self) -> dict[str, list[StatementView]]:
        """Statements only one outlet carries, per outlet in the page's order."""
        alone: dict[str, list[StatementView]] = {name: [] for name in self.outlets}
        for s in self.statements:
            if s.outlets == 1:
                alone[s.wordings[0].outlet].append(s)
        return {name: views for name, views in alone.items() if views}

    @property
    def conflict_count(self) -> int:
        return sum(len(m.conflicts) for m in self.measures)

    @property
    def dated_articles(self) -> int:
        return sum(1 for a in self.data.articles if a.published_on)


def story_page(story: StoryData) -> StoryPage:
    names = shown_outlet_names(story)
    order = outlet_order(story.articles)
    measures, alone = measure_views(story, names)
    statements = statement_views(story.statements, names, order)
    speakers, left_out = speaker_cells(story, names)
    return StoryPage(
        data=story,
        names=names,
        outlets=[names[key] for key in order],
        coverage=coverage_rows(story, names),
        measures=measures,
        lone_figures=alone,
        statements=statements,
        speakers=speakers,
        speakers_left_out=left_out,
        exclusives=exclusive_counts(statements),
    )


def at_a_glance(page: StoryPage) -> list[str]:
    """The page's findings in a few sentences, for the top of the page."""
    story = page.data.story
    copies = len(page.data.copies())
    if copies:
        own = f"{story.independent} independent report{plural(story.independent)} and "
        own += f"{copies} syndicated cop{'ies' if copies > 1 else 'y'}"
    else:
        own = "all independent reports" if story.articles > 1 else "one report"
    lines = [f"{story.outlets} outlets, {story.articles} articles: {own}."]
    undated = story.articles - page.dated_articles
    if page.dated_articles:
        when = format_days(story.first_published, story.last_published)
        lines.append(
            f"Published {when}"
            + (f" ({undated} article{plural(undated)} give no date)." if undated else ".")
        )
    else:
        lines.append("No article states when it was published.")
    if page.measures:
        measures = len(page.measures)
        conflicted = [m.title for m in page.measures if m.conflicts]
        figures = f"{measures} measure{plural(measures)} given by two or more outlets"
        if conflicted:
            lines.append(
                f"Figures: {figures}; {page.conflict_count} conflicting "
                f"pair{plural(page.conflict_count)}, on {', '.join(conflicted)}."
            )
        else:
            lines.append(f"Figures: {figures}; none conflict.")
    else:
        lines.append("Figures: no measure is given by more than one outlet.")
    shared, alone = len(page.shared_statements), len(page.statements) - len(page.shared_statements)
    lines.append(
        f"Statements: {shared} carried by two or more outlets, {alone} by one outlet only."
    )
    top = most_quoted(page)
    if top:
        lines.append(f"Most widely quoted: {top[0]} ({top[1]} outlet{plural(top[1])}).")
    return lines


def most_quoted(page: StoryPage) -> tuple[str, int] | None:
    outlets = Counter(c.speaker for c in page.speakers if c.speaker != UNNAMED_SPEAKERS)
    return outlets.most_common(1)[0] if outlets else None


def plural(n: int) -> str:
    return "" if n == 1 else "s"


def format_day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def format_days(first: dt.date | None, last: dt.date | None) -> str:
    if first is None or last is None:
        return "on an unknown date"
    if first == last:
        return f"on {format_day(first)}"
    return f"from {format_day(first)} to {format_day(last)}"


# ---------------------------------------------------------------------------- the index


@dataclass(frozen=True)
class StorySummary:
    """One line of the index and of the overview chart."""

    story_id: str
    label: str | None
    first_published: dt.date | None
    last_published: dt.date | None
    outlets: int
    articles: int
    own_reports: int
    copies: int
    measures_compared: int
    conflicts: int
    shared_statements: int


def summarise(page: StoryPage) -> StorySummary:
    story = page.data.story
    return StorySummary(
        story_id=story.story_id,
        label=story.label,
        first_published=story.first_published,
        last_published=story.last_published,
        outlets=story.outlets,
        articles=story.articles,
        own_reports=story.independent,
        copies=story.articles - story.independent,
        measures_compared=len(page.measures),
        conflicts=page.conflict_count,
        shared_statements=len(page.shared_statements),
    )
