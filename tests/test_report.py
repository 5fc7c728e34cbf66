"""The analyst's report: a story's rows, what its page says, the charts, the files, the asset
and the command, on a small hand-made warehouse; and, marked slow, the sample story's page
opened in headless Chromium (no console error, nothing loaded from the network, charts drawn).
"""

from __future__ import annotations

import base64
import datetime as dt
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import dagster as dg
import duckdb
import pytest
from chromium import Chromium, find_chromium
from conftest import RAW

from pipeline import cli
from pipeline.defs import reports as report_defs
from pipeline.defs.resources import NewsfactsPaths
from pipeline.report import charts, content, data, pages, write
from pipeline.warehouse.load import apply_schema, create_views

FLOOD = "aaaaaaaaaaaaaaaa"  # three outlets, one of them a syndicated copy
ALONE = "bbbbbbbbbbbbbbbb"  # one outlet: no page of its own in the index
DAY = dt.date(2024, 3, 4)
NEXT_DAY = DAY + dt.timedelta(days=1)
UNKNOWN_SOURCE = "b_0123456789abcdef"

# article_id, source_id, outlet, wire_service, title, published_on, story_id, copy_of, similarity
ARTICLES = [
    ("art-a", "a", "Lakeport Daily", None, "Floods force 1,200 from homes", DAY, FLOOD, None, None),
    ("art-b", UNKNOWN_SOURCE, None, "Reuters", "River bursts banks", NEXT_DAY, FLOOD, None, None),
    ("art-c", "c", "Valley Post", None, "Floods force 1,200", NEXT_DAY, FLOOD, "art-a", 0.93),
    ("art-d", "d", "Lakeport Daily", None, "Council passes budget", DAY, ALONE, None, None),
]
STORIES = [
    (FLOOD, "Floods force 1,200 from homes", DAY, NEXT_DAY, 3, 3, 2),
    (ALONE, "Council passes budget", DAY, DAY, 1, 1, 1),
]
# article_id, line_no, text, value, qualifier, unit, measure
NUMBERS = [
    ("art-a", 1, "about 1,200 residents", 1200, "approximate", "residents", "residents_evacuated"),
    ("art-a", 2, "37 people", 37, "exact", "people", "people_rescued"),
    ("art-a", 3, "6.4 metres", 6.4, "exact", "metres", "river_level"),
    ("art-b", 1, "over 1,000 residents", 1000, "more_than", "residents", "residents_evacuated"),
    ("art-b", 2, "30 people", 30, "exact", "people", "people_rescued"),
    ("art-c", 1, "about 1,200 residents", 1200, "approximate", "residents", "residents_evacuated"),
    ("art-c", 2, "37 people", 37, "exact", "people", "people_rescued"),
]
MAYOR = "Dana Whitfield"
# claim_id, article_id, text, speaker_actor_id, speaker_text, is_direct, group_id
CLAIMS = [
    ("c-a1", "art-a", "the worst this city has seen", "act-mayor", MAYOR, True, "g-worst"),
    ("c-b1", "art-b", "the flood was the worst in memory", "act-mayor", "he", False, "g-worst"),
    ("c-c1", "art-c", "the worst this city has seen", "act-mayor", MAYOR, True, "g-worst"),
    ("c-b2", "art-b", "pumps were running all night", None, "a city official", False, "g-pumps"),
    ("c-d1", "art-d", "the budget is balanced", "act-mayor", MAYOR, True, "g-budget"),
]  # fmt: skip


def build_warehouse(db: Path) -> Path:
    db.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(db)) as con:
        apply_schema(con)
        create_views(con)
        for a_id, source_id, *described in ARTICLES:
            con.execute(
                "INSERT INTO articles (article_id, source_path, source_id, kind, content_hash, "
                "outlet, wire_service, title, published_on, story_id, copy_of, copy_similarity) "
                "VALUES (?, ?, ?, 'txt', 'h', ?, ?, ?, ?, ?, ?, ?)",
                [a_id, f"{source_id}.txt", source_id, *described],
            )
        con.executemany("INSERT INTO stories VALUES (?, ?, ?, ?, ?, ?, ?)", STORIES)
        for a_id, line, text, value, qualifier, unit, measure in NUMBERS:
            con.execute(
                'INSERT INTO numbers (article_id, line_no, "start", "end", text, value, '
                "qualifier, unit, measure) VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?)",
                [a_id, line, len(text), text, value, qualifier, unit, measure],
            )
        con.execute(
            "INSERT INTO actors (actor_id, name, type) VALUES ('act-mayor', ?, 'person')", [MAYOR]
        )
        for claim_id, a_id, text, speaker, speaker_text, direct, group in CLAIMS:
            con.execute(
                'INSERT INTO claims (claim_id, article_id, line_no, "start", "end", text, '
                "speaker_actor_id, speaker_text, is_direct) VALUES (?, ?, 9, 0, ?, ?, ?, ?, ?)",
                [claim_id, a_id, len(text), text, speaker, speaker_text, direct],
            )
            con.execute("INSERT INTO claim_groups VALUES (?, ?)", [claim_id, group])
    return db


@pytest.fixture
def warehouse(tmp_path: Path) -> Path:
    """A hand-made warehouse of its own, for a test that writes to it or beside it."""
    return build_warehouse(tmp_path / "wh" / "news.duckdb")


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> write.ReportsWritten:
    """The reports of a hand-made warehouse, written once, for tests that only read them."""
    db = build_warehouse(tmp_path_factory.mktemp("written") / "wh" / "news.duckdb")
    return write.write_reports(db)


@pytest.fixture(scope="module")
def flood_page(written: write.ReportsWritten) -> content.StoryPage:
    (story,) = data.read_stories(written.folder.parent / "news.duckdb")
    return content.story_page(story)


# ---------------------------------------------------------------------- rows and content


def test_reads_stories_with_two_or_more_outlets_or_the_one_asked_for(
    written: write.ReportsWritten,
) -> None:
    warehouse = written.folder.parent / "news.duckdb"
    assert [s.story.story_id for s in data.read_stories(warehouse)] == [FLOOD]
    (alone,) = data.read_stories(warehouse, story_id=ALONE)
    assert [a.article_id for a in alone.articles] == ["art-d"]
    (flood,) = data.read_stories(warehouse)
    assert len(flood.figures) == 7 and len(flood.statements) == 4
    # Each figure of the two that conflict with the unknown outlet's "30 people".
    assert sorted({c.text_a, c.text_b} == {"30 people", "37 people"} for c in flood.conflicts) == [
        True,
        True,
    ]


def test_an_outlet_that_only_copies_is_marked_and_an_unknown_one_named_by_its_file(
    flood_page: content.StoryPage,
) -> None:
    assert flood_page.outlets == ["Lakeport Daily", "file b_0123456789", "Valley Post (copy)"]
    copy = next(row for row in flood_page.coverage if row.copy_of)
    assert (copy.outlet, copy.copy_of, copy.copy_share) == (
        "Valley Post (copy)",
        "Lakeport Daily: Floods force 1,200 from homes",
        93,
    )


@pytest.mark.parametrize(
    ("measure", "title"),
    [
        ("us_troops_in_iraq", "US Troops in Iraq"),
        ("attacks_on_us_forces_in_iraq_syria", "Attacks on US Forces in Iraq Syria"),
        ("deaths_in_iran", "Deaths in Iran"),
        ("countries", "Countries"),
        ("in_flight_meals", "In Flight Meals"),
    ],
)
def test_measure_titles(measure: str, title: str) -> None:
    assert content.measure_title(measure) == title


def test_figures_in_conflict_are_marked_and_copies_grey(flood_page: content.StoryPage) -> None:
    rescued, evacuated = flood_page.measures  # the measure with conflicts first
    assert rescued.measure == "people_rescued" and len(rescued.conflicts) == 2
    assert {m.status for m in rescued.marks} == {content.CONFLICTS}
    statuses = {(m.outlet, m.status) for m in evacuated.marks}
    assert statuses == {
        ("Lakeport Daily", content.AGREES),
        ("file b_0123456789", content.AGREES),
        ("Valley Post (copy)", content.COPIED),
    }
    more_than = next(m for m in evacuated.marks if m.text.startswith("over"))
    about = next(m for m in evacuated.marks if m.text.startswith("about"))
    # "more than 1,000" runs on past the chart's end; "about 1,200" is 1,200 +-10%.
    assert more_than.open_high and more_than.low == 1000
    assert more_than.high == pytest.approx(1200 * 1.1 * content.OPEN_END_HEADROOM)
    assert (about.low, about.high) == (pytest.approx(1080), pytest.approx(1320))
    assert [f.measure for f in flood_page.lone_figures] == ["river_level"]


def test_statements_shared_and_alone_and_who_is_quoted(flood_page: content.StoryPage) -> None:
    (worst,) = flood_page.shared_statements
    assert (worst.speaker, worst.outlets) == (MAYOR, 3)
    assert [(w.outlet, w.is_direct) for w in worst.wordings] == [
        ("Lakeport Daily", True),
        ("file b_0123456789", False),
        ("Valley Post (copy)", True),
    ]
    assert {name: len(v) for name, v in flood_page.exclusive_statements.items()} == {
        "file b_0123456789": 1
    }
    cells = {(c.speaker, c.outlet): c.claims for c in flood_page.speakers}
    assert cells == {
        (MAYOR, "Lakeport Daily"): 1,
        (MAYOR, "file b_0123456789"): 1,
        (MAYOR, "Valley Post (copy)"): 1,
        (content.UNNAMED_SPEAKERS, "file b_0123456789"): 1,
    }


def test_at_a_glance(flood_page: content.StoryPage) -> None:
    assert content.at_a_glance(flood_page) == [
        "3 outlets, 3 articles: 2 independent reports and 1 syndicated copy.",
        "Published from 4 March 2024 to 5 March 2024.",
        "Figures: 2 measures given by two or more outlets; 2 conflicting pairs, on People Rescued.",
        "Statements: 1 carried by two or more outlets, 1 by one outlet only.",
        f"Most widely quoted: {MAYOR} (3 outlets).",
    ]


# ---------------------------------------------------------------------- charts


def every_chart(page: content.StoryPage) -> dict[str, object]:
    copies = page.copy_names
    summaries = [content.summarise(page)]
    return {
        "profile": charts.outlet_profile_chart(pages.profile_counts(page), copies, page.outlets),
        "measure": charts.measure_chart(page.measures[0], page.outlets),
        "timeline": charts.timeline_chart(page.coverage, page.outlets),
        "statements": charts.statement_matrix(page.shared_statements, page.outlets),
        "speakers": charts.speaker_matrix(page.speakers, page.outlets),
        "overview": charts.overview_chart(summaries),
    }


def test_every_chart_is_valid_vega_lite_and_draws_marks(flood_page: content.StoryPage) -> None:
    for name, chart in every_chart(flood_page).items():
        chart.to_dict()  # validates against the Vega-Lite schema
        svg = charts.render_svg(chart)
        assert svg.startswith("<svg"), name
        assert re.search(r'class="mark-\w+ role-mark', svg), name


def test_conflicts_are_drawn_red(flood_page: content.StoryPage) -> None:
    svg = charts.render_svg(charts.measure_chart(flood_page.measures[0], flood_page.outlets))
    assert charts.CONFLICT_COLOUR in svg
    png = charts.render_png(charts.overview_chart([content.summarise(flood_page)]))
    assert png.startswith(b"\x89PNG")


# ---------------------------------------------------------------------- files


class ExternalReferences(HTMLParser):
    """Whatever in a page would load from elsewhere: scripts, style sheets, fonts, images,
    frames; and any script at all (the pages need none)."""

    LOADING_TAGS = frozenset(
        {"script", "link", "img", "iframe", "object", "embed", "source", "audio", "video"}
    )
    LOADING_ATTRIBUTES = frozenset({"src", "srcset", "data", "poster"})

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_style = tag == "style"
        if tag in self.LOADING_TAGS:
            self.found.append(f"<{tag} {dict(attrs)}>")
        for name, value in attrs:
            loads = name in self.LOADING_ATTRIBUTES or (name == "href" and tag != "a")
            if loads and value and not value.startswith("#"):
                self.found.append(f"{tag} {name}={value}")

    def handle_data(self, text: str) -> None:
        if self.in_style and re.search(r"url\(|@import", text):
            self.found.append("a style sheet loading something")


def external_references(html: str) -> list[str]:
    parser = ExternalReferences()
    parser.feed(html)
    return parser.found


def test_pages_are_written_self_contained(written: write.ReportsWritten) -> None:
    result, folder = written, written.folder
    assert result.index == folder / "index.html" and result.pages == {
        FLOOD: folder / f"{FLOOD}.html"
    }
    page = result.pages[FLOOD].read_text(encoding="utf-8")
    index = result.index.read_text(encoding="utf-8")
    for html in (page, index):
        assert external_references(html) == []
    assert page.count("<svg") == 6  # timeline, profile, 2 measures, statements, speakers
    assert "Valley Post (copy)" in page and "93% of its text" in page
    assert '<q>37 people</q> vs <span class="outlet">file b_0123456789</span>' in page
    assert f'href="{FLOOD}.html"' in index and f"{ALONE}.html" not in index
    assert result.pages[FLOOD].stat().st_mode & 0o777 == write.PAGE_MODE


HOSTILE = '<script>alert("x")</script><img src="https://example.com/t.png"></svg>'


def test_text_from_the_pages_is_shown_never_run() -> None:
    """Headlines, outlets, figures and quotes come from web pages: on a report they are text."""
    story = data.StoryData(data.Story(FLOOD, HOSTILE, DAY, DAY, 2, 2, 2))
    for n, outlet in enumerate((HOSTILE, "Plain Outlet")):
        article_id = f"art-{n}"
        story.articles.append(
            data.Article(
                article_id=article_id,
                outlet=outlet,
                outlet_known=True,
                source_id=f"s{n}",
                source_path=f"s{n}.txt",
                wire_service=None,
                title=HOSTILE,
                byline=HOSTILE,
                published_on=DAY,
                url="javascript:alert(1)",
                copy_of=None,
                copy_similarity=None,
            )
        )
        story.figures.append(
            data.Figure(article_id, outlet, "m", HOSTILE, 10 + n, None, "exact", HOSTILE, 1, 0)
        )
        story.statements.append(data.Statement("g", HOSTILE, HOSTILE, outlet, HOSTILE, True, 2))
        story.quoted.append(data.Quoted(HOSTILE, "person", outlet, 1, 1))
    html = pages.render_story(content.story_page(story))
    assert "<script" not in html and "<img" not in html and "javascript:" not in html
    assert external_references(html) == []


def test_unchanged_pages_are_kept_and_stale_pages_removed(warehouse: Path) -> None:
    folder = warehouse.parent / "reports"
    first = write.write_reports(warehouse)
    assert (first.rendered, first.unchanged) == (1, 0)
    again = write.write_reports(warehouse)
    assert (again.rendered, again.unchanged, again.removed) == (0, 1, 0)
    (folder / "notes.html").write_text("mine", encoding="utf-8")
    with duckdb.connect(str(warehouse)) as con:  # the copy and the unknown outlet are gone
        con.execute("UPDATE stories SET outlets = 1 WHERE story_id = ?", [FLOOD])
    gone = write.write_reports(warehouse)
    assert gone.removed == 1 and not (folder / f"{FLOOD}.html").exists()
    assert (folder / "notes.html").exists()
    assert "No story has been covered by two or more outlets yet" in gone.index.read_text()


def test_one_story_by_the_start_of_its_id(warehouse: Path) -> None:
    assert write.resolve_story(warehouse, "bbbb") == ALONE
    with pytest.raises(write.UnknownStory):
        write.resolve_story(warehouse, "cc")
    result = write.write_reports(warehouse, story_id=ALONE)
    assert result.rendered == 1 and result.pages[ALONE].exists()
    assert not result.pages[FLOOD].exists()  # only the one asked for is written


# ---------------------------------------------------------------------- command and asset


@pytest.mark.slow
def test_report_command_prints_the_paths(
    warehouse: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["report", "--warehouse", str(warehouse)]) == 0
    folder = warehouse.parent / "reports"
    assert capsys.readouterr().out.splitlines() == [
        str(folder / "index.html"),
        str(folder / f"{FLOOD}.html"),
    ]
    assert cli.main(["report", "aaaa", "--warehouse", str(warehouse)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == str(folder / f"{FLOOD}.html")
    assert cli.main(["report", "ffff", "--warehouse", str(warehouse)]) == 1
    assert cli.main(["report", "--warehouse", str(warehouse.parent / "none.duckdb")]) == 1


@pytest.mark.slow
def test_asset_writes_the_reports_and_attaches_the_overview(warehouse: Path) -> None:
    paths = NewsfactsPaths(raw_dir=str(warehouse.parent), warehouse=str(warehouse))
    result = dg.materialize([report_defs.story_reports], resources={"paths": paths})
    assert result.success
    (event,) = result.asset_materializations_for_node("story_reports")
    metadata = {k: v.value for k, v in event.metadata.items()}
    assert metadata["dagster/row_count"] == 1 and metadata["conflicting_figure_pairs"] == 2
    assert metadata["index"] == str(warehouse.parent / "reports" / "index.html")
    assert "| Floods force 1,200 from homes | aaaaaaaaaaaaaaaa |" in metadata["overview"]
    image = re.fullmatch(r"!\[[^\]]+\]\(data:image/png;base64,([A-Za-z0-9+/=]+)\)",
                         metadata["overview_chart"])  # fmt: skip
    assert image and base64.b64decode(image.group(1)).startswith(b"\x89PNG")


# ---------------------------------------------------------------------- in a real browser

CHROMIUM = find_chromium()
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)"
)
# What the browser made of a page: its charts (SVG elements), their drawn marks, their sizes.
PAGE_SCRIPT = """JSON.stringify({
  svgs: document.querySelectorAll('svg').length,
  marks: document.querySelectorAll('svg g.role-mark > *').length,
  drawn: [...document.querySelectorAll('svg')].every(s => s.getBoundingClientRect().width > 50),
  title: document.querySelector('h1').textContent
})"""


@pytest.fixture(scope="module")
def sample_reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus through the Dagster job, which writes the reports beside the
    warehouse."""
    root = tmp_path_factory.mktemp("sample")
    shutil.copytree(RAW, root / "raw")
    db = root / "wh" / "news.duckdb"
    assert cli.main(["run", "--raw-dir", str(root / "raw"), "--warehouse", str(db)]) == 0
    return db.parent / "reports"


@pytest.mark.slow
@needs_chromium
def test_sample_story_report_opens_in_headless_chromium(sample_reports: Path) -> None:
    import json

    (page,) = [p for p in sample_reports.glob("*.html") if p.name != "index.html"]
    assert CHROMIUM is not None
    with Chromium(CHROMIUM) as browser:
        story = browser.visit(page.as_uri(), PAGE_SCRIPT)
        index = browser.visit((sample_reports / "index.html").as_uri(), PAGE_SCRIPT)
    for visit in (story, index):
        assert visit.errors == []
        assert all(url.startswith("file://") for url in visit.requests), visit.requests
    shown = json.loads(story.result)
    # profile, three measures the outlets share, statements, speakers
    assert shown["svgs"] >= 6 and shown["marks"] > 100 and shown["drawn"]
    assert "US-led" in shown["title"]
    listed = json.loads(index.result)
    assert listed["svgs"] == 1 and listed["marks"] > 0 and listed["drawn"]
