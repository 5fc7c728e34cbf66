"""Story pages and the index as self-contained HTML: Jinja2 templates with the charts inline
as SVG, the style sheet inline, no script and nothing loaded from anywhere else."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import jinja2
from markupsafe import Markup

from pipeline.report import charts
from pipeline.report.content import (
    MeasureView,
    StoryPage,
    StorySummary,
    at_a_glance,
    format_days,
)

TEMPLATES = jinja2.Environment(
    loader=jinja2.PackageLoader("pipeline.report", "templates"),
    autoescape=jinja2.select_autoescape(["html"]),
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
TEMPLATES.filters["days"] = lambda s: format_days(s.first_published, s.last_published)
INDEX_FILE = "index.html"
STORY_ID_LENGTH = 16
STORY_ID = re.compile(rf"[0-9a-f]{{{STORY_ID_LENGTH}}}")  # a stable_id: 16 hex digits
MIN_DATED_FOR_TIMELINE = 2
PROFILE_PANELS = ("articles", "figures", "statements", "only here")


@dataclass(frozen=True)
class Figure:
    """A rendered chart and the sentence that says what it shows (its accessible name)."""

    svg: Markup
    description: str


def figure(chart: object, description: str) -> Figure:
    return Figure(Markup(charts.render_svg(chart)), description)


def page_file(story_id: str) -> str:
    """'<story_id>.html'; an id that could not be a file name as it is goes by its digest."""
    if STORY_ID.fullmatch(story_id):
        return f"{story_id}.html"
    return f"{hashlib.sha256(story_id.encode()).hexdigest()[:STORY_ID_LENGTH]}.html"


def profile_counts(page: StoryPage) -> dict[str, dict[str, int]]:
    """Per panel of the outlet profile, a count per outlet (shown name)."""
    articles = Counter(page.names[a.outlet] for a in page.data.articles)
    figures = Counter(page.names[f.outlet] for f in page.data.figures)
    statements = Counter(w.outlet for s in page.statements for w in s.wordings)
    counts = (articles, figures, statements, page.exclusives)
    return {panel: dict(c) for panel, c in zip(PROFILE_PANELS, counts, strict=True)}


@dataclass
class StoryFigures:
    """Every chart of a story's page, rendered; a chart with nothing to show is None."""

    profile: Figure
    measures: list[tuple[MeasureView, Figure]]
    timeline: Figure | None = None
    statements: Figure | None = None
    speakers: Figure | None = None


def story_figures(page: StoryPage) -> StoryFigures:
    copies = page.copy_names
    found = StoryFigures(
        profile=figure(
            charts.outlet_profile_chart(profile_counts(page), copies, page.outlets),
            "Bars per outlet: its articles, figures and statements in this story, and the "
            "statements no other outlet carries.",
        ),
        measures=[
            (
                view,
                figure(
                    charts.measure_chart(view, page.outlets),
                    f"{view.title}: each outlet's figures, {view.verdict}.",
                ),
            )
            for view in page.measures
        ],
    )
    if page.dated_articles >= MIN_DATED_FOR_TIMELINE:
        found.timeline = figure(
            charts.timeline_chart(page.coverage, page.outlets),
            "The day each outlet published its article.",
        )
    if page.shared_statements:
        found.statements = figure(
            charts.statement_matrix(page.shared_statements, page.outlets),
            "Matrix of statements carried by two or more outlets against the outlets that "
            "carry them.",
        )
    if page.speakers:
        found.speakers = figure(
            charts.speaker_matrix(page.speakers, page.outlets),
            "Heat map of how many statements each outlet attributes to each speaker.",
        )
    return found


def render_story(page: StoryPage) -> str:
    return TEMPLATES.get_template("story.html").render(
        page=page,
        story=page.data.story,
        glance=at_a_glance(page),
        charts=story_figures(page),
        index_file=INDEX_FILE,
    )


def render_index(summaries: Sequence[StorySummary]) -> str:
    overview = (
        figure(
            charts.overview_chart(summaries[: charts.OVERVIEW_STORIES], title=None),
            "Bars per story: its own reports and syndicated copies, with conflicting figures.",
        )
        if summaries
        else None
    )
    return TEMPLATES.get_template("index.html").render(
        summaries=summaries,
        overview=overview,
        charted=min(len(summaries), charts.OVERVIEW_STORIES),
        page_file=page_file,
    )
