"""The report's charts as Altair (Vega-Lite) specs, rendered offline to SVG or PNG by vl-convert.

Each builder takes what ``pipeline.report.content`` worked out and returns an Altair chart;
the renderers refuse any external URL, so nothing is fetched while a report is written, and
a page needs nothing but itself to show its charts.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import Any

import altair as alt
import vl_convert

from pipeline.report.content import (
    AGREES,
    CONFLICTS,
    COPIED,
    CoverageRow,
    FigureMark,
    MeasureView,
    SpeakerCell,
    StatementView,
    StorySummary,
    shorten,
)

# One hue for an outlet's own reporting, grey for syndicated copies, red for conflicts.
OWN_COLOUR = "#3a6ea5"
COPY_COLOUR = "#a3a3a3"
CONFLICT_COLOUR = "#d1362f"
DIRECT_COLOUR = "#3a6ea5"
REPORTED_COLOUR = "#a9c8e8"
TEXT_COLOUR = "#333333"
MUTED_COLOUR = "#666666"
GRID_COLOUR = "#e6e6e6"
HEAT_SCHEME = "blues"
FONT = "Helvetica, Arial, sans-serif"
OWN_REPORT = "own report"
SYNDICATED_COPY = "syndicated copy"
KIND_SCALE = alt.Scale(domain=[OWN_REPORT, SYNDICATED_COPY], range=[OWN_COLOUR, COPY_COLOUR])
FIGURE_STATUS_COLOURS = {AGREES: OWN_COLOUR, CONFLICTS: CONFLICT_COLOUR, COPIED: COPY_COLOUR}
DIRECT_QUOTE = "direct quote"
REPORTED_SPEECH = "reported speech"

PLOT_WIDTH = 380
QUOTE_WIDTH = 330
ROW_HEIGHT = 26
MATRIX_CELL = 30
SPEAKER_CELL_WIDTH = 44
DAY_WIDTH = 96
BAR_PANEL_WIDTH = 140
LABEL_LIMIT = 440
STATEMENT_LABEL_LIMIT = 780
OUTLET_LABEL_LIMIT = 200
OUTLET_LABEL_ANGLE = -40
QUOTE_CHARS = 54
STORY_LABEL_CHARS = 64
WHITE_TEXT_FROM_CLAIMS = 3  # heat-map cells with this many claims are dark: white numbers
NO_DATE = "no date"
OVERVIEW_TITLE = "Stories covered by two or more outlets"
OVERVIEW_STORIES = 20  # the overview chart shows the stories with the most outlets
PNG_SCALE = 1.0
FIGURE_AXIS_TICKS = 6
ROW_SEPARATOR = "\u241f"  # joins an outlet and a figure's number into a unique row key

CHART_CONFIG: dict[str, Any] = {
    "font": FONT,
    "view": {"stroke": None},
    "axis": {
        "labelFontSize": 12,
        "labelColor": TEXT_COLOUR,
        "titleFontSize": 12,
        "titleColor": MUTED_COLOUR,
        "titleFontWeight": "normal",
        "grid": False,
        "domainColor": "#999",
        "tickColor": "#999",
    },
    "legend": {"labelFontSize": 12, "orient": "bottom", "direction": "horizontal"},
    "header": {"labelFontSize": 13, "labelColor": TEXT_COLOUR},
    "title": {
        "fontSize": 15,
        "anchor": "start",
        "color": TEXT_COLOUR,
        "subtitleFontSize": 12,
        "subtitleColor": MUTED_COLOUR,
        "offset": 10,
    },
}


# ---------------------------------------------------------------------------- rendering


def configured(chart: alt.TopLevelMixin) -> dict[str, Any]:
    """The Vega-Lite spec with the report's look. Not validated against the schema here (that
    costs more than the rendering); the tests validate every chart."""
    return chart.configure(**CHART_CONFIG).to_dict(validate=False)


def render_svg(chart: alt.TopLevelMixin) -> str:
    """The chart as an SVG document, rendered in-process; external data is refused."""
    return vl_convert.vegalite_to_svg(configured(chart), allowed_base_urls=[])


def render_png(chart: alt.TopLevelMixin, scale: float = PNG_SCALE) -> bytes:
    return vl_convert.vegalite_to_png(configured(chart), scale=scale, allowed_base_urls=[])


def kind(is_copy: bool) -> str:
    return SYNDICATED_COPY if is_copy else OWN_REPORT


def outlet_axis(outlets: Sequence[str], **axis: Any) -> alt.X:
    """Outlets across the top of a matrix, every column shown even where a cell is empty."""
    return alt.X(
        "outlet:N",
        sort=list(outlets),
        scale=alt.Scale(domain=list(outlets)),
        title=None,
        axis=alt.Axis(
            orient="top",
            labelAngle=OUTLET_LABEL_ANGLE,
            labelLimit=OUTLET_LABEL_LIMIT,
            **axis,
        ),
    )


# ---------------------------------------------------------------------------- figures


def figure_rows(marks: Sequence[FigureMark]) -> list[dict[str, Any]]:
    """One row per figure; an outlet with several figures for the measure has several rows."""
    seen: Counter[str] = Counter()
    rows = []
    for m in marks:
        rows.append(
            {
                "row": f"{m.outlet}{ROW_SEPARATOR}{seen[m.outlet]}",
                "outlet": m.outlet,
                "quote": "“" + shorten(m.text, QUOTE_CHARS) + "”",
                "value": m.value,
                "low": m.low,
                "high": m.high,
                "open_low": m.open_low,
                "open_high": m.open_high,
                "status": m.status,
            }
        )
        seen[m.outlet] += 1
    return rows


def measure_chart(view: MeasureView, outlets: Sequence[str]) -> alt.HConcatChart:
    """Each outlet's figures for one measure on one axis: a dot at the stated figure, a bar
    over the values its wording allows (an arrow where it runs on), the words beside it.
    Rows follow ``outlets`` (shown names, in the page's order)."""
    rows = figure_rows(view.marks)
    rank = {name: n for n, name in enumerate(outlets)}
    order = [r["row"] for r in sorted(rows, key=lambda r: (rank.get(r["outlet"], 0), r["row"]))]
    height = ROW_HEIGHT * len(rows)
    y = alt.Y(
        "row:N",
        sort=order,
        title=None,
        axis=alt.Axis(
            labelExpr=f"split(datum.label, '{ROW_SEPARATOR}')[0]",
            labelLimit=OUTLET_LABEL_LIMIT,
            ticks=False,
            domain=False,
        ),
    )
    statuses = [s for s in FIGURE_STATUS_COLOURS if any(r["status"] == s for r in rows)]
    colour = alt.Color(
        "status:N",
        title=None,
        scale=alt.Scale(domain=statuses, range=[FIGURE_STATUS_COLOURS[s] for s in statuses]),
        legend=alt.Legend(symbolOpacity=1),
    )
    unit = f" ({view.unit})" if view.unit else ""
    base = alt.Chart().encode(y=y, color=colour)
    spans = base.mark_rule(strokeWidth=8, opacity=0.35, strokeCap="round").encode(
        x=alt.X(
            "low:Q",
            title=f"figure{unit}; bar: the values its wording allows",
            scale=alt.Scale(nice=True, zero=True),
            axis=alt.Axis(
                tickCount=FIGURE_AXIS_TICKS, labelFlush=False, grid=True, gridColor=GRID_COLOUR
            ),
        ),
        x2="high:Q",
    )
    dots = base.mark_point(filled=True, size=100, opacity=1).encode(x="value:Q")
    runs_on = (
        base.transform_filter("datum.open_high")
        .mark_point(shape="triangle-right", filled=True, size=120, opacity=0.8)
        .encode(x="high:Q")
    )
    runs_back = (
        base.transform_filter("datum.open_low")
        .mark_point(shape="triangle-left", filled=True, size=120, opacity=0.8)
        .encode(x="low:Q")
    )
    plot = alt.layer(spans, dots, runs_on, runs_back).properties(width=PLOT_WIDTH, height=height)
    words = (
        alt.Chart()
        .mark_text(align="left", baseline="middle", fontSize=12)
        .encode(
            x=alt.value(0),
            y=alt.Y("row:N", sort=order, axis=None),
            text="quote:N",
            color=alt.condition(
                f"datum.status == '{CONFLICTS}'",
                alt.value(CONFLICT_COLOUR),
                alt.value(TEXT_COLOUR),
            ),
        )
        .properties(width=QUOTE_WIDTH, height=height)
    )
    return alt.hconcat(plot, words, data=alt.Data(values=rows), spacing=20).resolve_scale(
        y="shared"
    )


# ---------------------------------------------------------------------------- coverage


def timeline_chart(coverage: Sequence[CoverageRow], outlets: Sequence[str]) -> alt.Chart:
    """When each outlet published: one dot per article on the days of the story (undated
    articles in a column of their own), copies grey."""
    dated = [c.published_on for c in coverage if c.published_on]
    first, last = min(dated), max(dated)
    days = [(first + dt.timedelta(days=n)).isoformat() for n in range((last - first).days + 1)]
    domain = days + ([NO_DATE] if len(dated) < len(coverage) else [])
    rows = [
        {
            "outlet": c.outlet,
            "day": c.published_on.isoformat() if c.published_on else NO_DATE,
            "kind": kind(c.copy_of is not None),
        }
        for c in coverage
    ]
    return (
        alt.Chart(alt.Data(values=rows))
        .mark_point(filled=True, size=150, opacity=1)
        .encode(
            x=alt.X(
                "day:O",
                scale=alt.Scale(domain=domain),
                title=None,
                axis=alt.Axis(orient="top", labelAngle=0, grid=True, gridColor=GRID_COLOUR),
            ),
            y=alt.Y(
                "outlet:N",
                sort=list(outlets),
                scale=alt.Scale(domain=list(outlets)),
                title=None,
                axis=alt.Axis(labelLimit=OUTLET_LABEL_LIMIT),
            ),
            color=alt.Color("kind:N", title=None, scale=KIND_SCALE),
        )
        .properties(
            width=DAY_WIDTH * len(domain),
            height=ROW_HEIGHT * len(outlets),
        )
    )


def outlet_profile_chart(
    counts: dict[str, dict[str, int]], copies: set[str], outlets: Sequence[str]
) -> alt.FacetChart:
    """What each outlet carries, as bars side by side: ``counts[panel][outlet]``, one panel
    per key of ``counts`` (figures, statements...); ``copies`` are outlets that only copy."""
    panels = list(counts)
    rows = [
        {
            "outlet": outlet,
            "panel": panel,
            "count": counts[panel].get(outlet, 0),
            "kind": kind(outlet in copies),
        }
        for panel in panels
        for outlet in outlets
    ]
    base = alt.Chart().encode(
        y=alt.Y(
            "outlet:N",
            sort=list(outlets),
            title=None,
            axis=alt.Axis(labelLimit=OUTLET_LABEL_LIMIT, ticks=False),
        )
    )
    bars = base.mark_bar(height=ROW_HEIGHT * 0.6).encode(
        x=alt.X("count:Q", title=None, axis=None),
        color=alt.Color("kind:N", title=None, scale=KIND_SCALE),
    )
    numbers = base.mark_text(align="left", dx=4, fontSize=12, color=TEXT_COLOUR).encode(
        x="count:Q", text="count:Q"
    )
    return (
        alt.layer(bars, numbers, data=alt.Data(values=rows))
        .properties(width=BAR_PANEL_WIDTH, height=ROW_HEIGHT * len(outlets))
        .facet(
            column=alt.Column(
                "panel:N",
                sort=panels,
                title=None,
                header=alt.Header(labelFontWeight="bold", labelAnchor="start", labelOrient="top"),
            ),
            spacing=28,
        )
        .resolve_scale(x="independent")
    )


# ---------------------------------------------------------------------------- statements


def statement_matrix(statements: Sequence[StatementView], outlets: Sequence[str]) -> alt.Chart:
    """Outlet by statement: a square where an outlet carries a statement, dark for a direct
    quote, light for reported speech."""
    cells = [
        {
            "statement": s.label,
            "outlet": w.outlet,
            "form": DIRECT_QUOTE if w.is_direct else REPORTED_SPEECH,
        }
        for s in statements
        for w in s.wordings
    ]
    labels = [s.label for s in statements]
    return (
        alt.Chart(alt.Data(values=cells))
        .mark_square(size=MATRIX_CELL * MATRIX_CELL * 0.5, opacity=1)
        .encode(
            x=outlet_axis(outlets, grid=True, gridColor=GRID_COLOUR),
            y=alt.Y(
                "statement:N",
                sort=labels,
                title=None,
                axis=alt.Axis(
                    orient="right",
                    labelLimit=STATEMENT_LABEL_LIMIT,
                    labelPadding=10,
                    ticks=False,
                    grid=True,
                    gridColor=GRID_COLOUR,
                ),
            ),
            color=alt.Color(
                "form:N",
                title=None,
                scale=alt.Scale(
                    domain=[DIRECT_QUOTE, REPORTED_SPEECH], range=[DIRECT_COLOUR, REPORTED_COLOUR]
                ),
            ),
        )
        .properties(width=MATRIX_CELL * len(outlets), height=MATRIX_CELL * len(labels))
    )


def speaker_matrix(cells: Sequence[SpeakerCell], outlets: Sequence[str]) -> alt.LayerChart:
    """Who is quoted by whom: statements each outlet attributes to each speaker, as a heat map
    with the count in each cell."""
    rows = [{"speaker": c.speaker, "outlet": c.outlet, "claims": c.claims} for c in cells]
    speakers = list(dict.fromkeys(c.speaker for c in cells))
    base = alt.Chart().encode(
        x=outlet_axis(outlets),
        y=alt.Y("speaker:N", sort=speakers, title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT)),
    )
    heat = base.mark_rect(stroke="white", strokeWidth=2).encode(
        color=alt.Color("claims:Q", scale=alt.Scale(scheme=HEAT_SCHEME, domainMin=0), legend=None)
    )
    counts = base.mark_text(fontSize=12).encode(
        text="claims:Q",
        color=alt.condition(
            f"datum.claims >= {WHITE_TEXT_FROM_CLAIMS}", alt.value("white"), alt.value("#222")
        ),
    )
    return alt.layer(heat, counts, data=alt.Data(values=rows)).properties(
        width=SPEAKER_CELL_WIDTH * len(outlets), height=ROW_HEIGHT * len(speakers)
    )


# ---------------------------------------------------------------------------- overview


def story_label(summary: StorySummary) -> str:
    return shorten(summary.label or f"story {summary.story_id}", STORY_LABEL_CHARS)


def overview_chart(
    summaries: Sequence[StorySummary], title: str | None = OVERVIEW_TITLE
) -> alt.LayerChart:
    """Stories covered by several outlets: own reports and copies per story, conflicts noted.
    Titled for where it stands alone (the Dagster UI); a page gives it its own heading."""
    order = [story_label(s) for s in summaries]
    bars = [
        {"story": story_label(s), "kind": k, "articles": n, "rank": r}
        for s in summaries
        for r, (k, n) in enumerate(((OWN_REPORT, s.own_reports), (SYNDICATED_COPY, s.copies)))
    ]
    notes = [
        {
            "story": story_label(s),
            "articles": s.articles,
            "note": (
                f"{s.conflicts} conflicting figure pair{'s' if s.conflicts > 1 else ''}"
                if s.conflicts
                else ""
            ),
        }
        for s in summaries
    ]
    y = alt.Y("story:N", sort=order, title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT))
    stacked = (
        alt.Chart(alt.Data(values=bars))
        .mark_bar(height=ROW_HEIGHT * 0.6)
        .encode(
            y=y,
            x=alt.X("articles:Q", title="articles", stack="zero", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color("kind:N", title=None, scale=KIND_SCALE),
            order=alt.Order("rank:Q"),
        )
    )
    conflicts = (
        alt.Chart(alt.Data(values=notes))
        .mark_text(align="left", dx=6, color=CONFLICT_COLOUR, fontSize=12)
        .encode(y=y, x="articles:Q", text="note:N")
    )
    chart = alt.layer(stacked, conflicts).properties(
        width=PLOT_WIDTH, height=ROW_HEIGHT * len(order)
    )
    return chart.properties(title=alt.Title(title)) if title else chart
