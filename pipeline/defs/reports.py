"""The analyst's report as a Dagster asset: after each load, one HTML page per story that two
or more outlets covered, and an index, under ``reports/`` beside the warehouse. Its
materialization carries the overview (a chart and a table) so the UI shows it."""

import base64

import dagster as dg

from pipeline.defs.resources import NewsfactsPaths
from pipeline.markdown_tables import markdown_table
from pipeline.report import write
from pipeline.report.charts import OVERVIEW_STORIES
from pipeline.report.content import StorySummary

REPORTS_GROUP = "reports"
# The warehouse tables (and the views over them) a page is made from.
REPORT_SOURCES = ["stories", "articles", "numbers", "claims", "claim_groups", "actors"]
OVERVIEW_ROWS = OVERVIEW_STORIES  # as many as the overview chart shows
OVERVIEW_COLUMNS = (
    "story",
    "story_id",
    "published",
    "outlets",
    "articles",
    "copies",
    "measures compared",
    "conflicts",
    "shared statements",
)


def overview_table(summaries: list[StorySummary]) -> str:
    rows = [
        (
            s.label,
            s.story_id,
            s.first_published,
            s.outlets,
            s.articles,
            s.copies,
            s.measures_compared,
            s.conflicts,
            s.shared_statements,
        )
        for s in summaries[:OVERVIEW_ROWS]
    ]
    more = len(summaries) - len(rows)
    table = markdown_table(OVERVIEW_COLUMNS, rows)
    return table + (f"\n\n_and {more} more stories: see the index page_" if more > 0 else "")


def overview_image(summaries: list[StorySummary]) -> str:
    """The overview chart as a markdown image with a PNG data URI (the UI renders data URIs)."""
    png = write.overview_png(summaries)
    if png is None:
        return "_no story has two or more outlets yet_"
    encoded = base64.b64encode(png).decode("ascii")
    return f"![Stories covered by two or more outlets](data:image/png;base64,{encoded})"


@dg.asset(
    group_name=REPORTS_GROUP,
    kinds={"html"},
    deps=REPORT_SOURCES,
    description="The analyst's report: for each story two or more outlets covered, a static "
    "HTML page (who covered it and when, each measure's figures per outlet with conflicts, "
    "the outlet-by-statement matrix, who is quoted by whom, syndicated copies marked), and an "
    "index page, under reports/ beside the warehouse. Pages work offline.",
)
def story_reports(context: dg.AssetExecutionContext, paths: NewsfactsPaths) -> dg.MaterializeResult:
    result = write.write_reports(paths.warehouse_path())
    context.log.info(
        f"reports in {result.folder}: {result.rendered} pages written, {result.unchanged} "
        f"unchanged, {result.removed} removed; {len(result.summaries)} stories in the index"
    )
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": len(result.summaries),
            "pages_written": result.rendered,
            "pages_unchanged": result.unchanged,
            "pages_removed": result.removed,
            "conflicting_figure_pairs": sum(s.conflicts for s in result.summaries),
            "index": dg.MetadataValue.path(str(result.index)),
            "overview": dg.MetadataValue.md(overview_table(result.summaries)),
            "overview_chart": dg.MetadataValue.md(overview_image(result.summaries)),
        }
    )
