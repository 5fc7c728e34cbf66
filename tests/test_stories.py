"""Stories: articles reporting the same real-world event, grouped across outlets.

Unit tests on small hand-made articles (the clustering, copies, order, deletion) and, marked
slow, end-to-end checks through the Dagster job: the sample pages form one story and
number_comparison pairs only figures of one story.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
import shutil
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
from conftest import RAW
from dagster import DagsterInstance

from pipeline.stages.stories import (
    ActorRef,
    ArticleEvidence,
    FigureRef,
    PairScores,
    StoryFigure,
    cluster,
    copies,
    pair_evidence,
    pair_score,
    story_features,
    story_ids,
    story_measures,
)
from pipeline.warehouse import stories as warehouse_stories
from pipeline.warehouse.load import apply_schema

DAY = dt.date(2024, 3, 4)

# Two events of one topic (a city's water), each told by several outlets in its own words.
FLOOD_WIRE = (
    "Heavy rain flooded the river district of Lakeport on Monday, forcing the evacuation of "
    "about 1,200 residents from low-lying streets, the city's emergency office said. Mayor "
    "Dana Whitfield said pumps were running around the clock and that the Lakeport Fire "
    "Department had rescued 37 people from cars and rooftops. Water levels on the Grey River "
    "peaked at 6.4 metres overnight, the highest since records began, according to the "
    "regional water authority. Schools in the district will stay closed until Thursday."
)
FLOOD_OWN_WORDS = (
    "Some 1,200 people left their homes in Lakeport after the Grey River burst its banks on "
    "Monday. Firefighters from the Lakeport Fire Department pulled 37 people to safety, said "
    'Mayor Dana Whitfield, who called the flooding "the worst this city has seen in my '
    'lifetime". The river reached 6.4 metres, a record. Shelters opened in two gymnasiums.'
)
FLOOD_QUOTE = "the worst this city has seen in my lifetime"
BUDGET_OWN_WORDS = (
    "Lakeport's council approved a water budget of 48 million dollars on Thursday after a "
    "heated debate over rates. Mayor Dana Whitfield said the plan would replace lead pipes in "
    "older neighbourhoods within five years. Councillor Ruth Okafor voted against it, saying "
    "households could not afford a rise of 9 percent in their bills. The Lakeport Fire "
    "Department will get new hydrants under the same plan."
)
BUDGET_WIRE = (
    "The city council of Lakeport voted 7-2 on Thursday to approve a 48 million dollar budget "
    "for its water system, including a 9 percent rate rise. Councillor Ruth Okafor, who "
    "opposed the measure, said families were already struggling. Mayor Dana Whitfield "
    "defended the spending as overdue, pointing to lead service lines that must be replaced."
)

WHITFIELD = ("person:whitfield:dan", "person", "Dana Whitfield")
FIRE_DEPT = ("org:lakeport fire department", "organization", "Lakeport Fire Department")
LAKEPORT = ("loc:lakeport", "location", "Lakeport")
GREY_RIVER = ("loc:grey river", "location", "Grey River")
OKAFOR = ("person:okafor:rut", "person", "Ruth Okafor")


def article(
    article_id: str,
    body: str,
    title: str,
    actors: list[tuple[str, str, str]],
    figures: list[tuple[float, str | None]] = (),
    quotes: tuple[str, ...] = (),
    published_on: dt.date | None = DAY,
    outlet: str | None = None,
) -> ArticleEvidence:
    mentions = tuple(
        ActorRef(key, kind, line_no + 1, 0, text)
        for line_no, (key, kind, text) in enumerate(actors + actors)  # each named twice
    )
    return ArticleEvidence(
        article_id=article_id,
        outlet=outlet or f"outlet-{article_id}",
        published_on=published_on,
        title=title,
        standfirst=None,
        body=body,
        actors=mentions,
        figures=tuple(FigureRef(v, u) for v, u in figures),
        quotes=quotes,
    )


FLOOD_A = article(
    "flood-a",
    FLOOD_WIRE,
    "Floods force 1,200 from homes in Lakeport",
    [LAKEPORT, WHITFIELD, FIRE_DEPT, GREY_RIVER],
    [(1200, "residents"), (37, "people")],
)
# The same agency text, republished by another outlet with its last sentence cut.
FLOOD_COPY = article(
    "flood-copy",
    FLOOD_WIRE.rsplit(" Schools", 1)[0],
    "Lakeport floods: 1,200 evacuated",
    [LAKEPORT, WHITFIELD, FIRE_DEPT, GREY_RIVER],
    [(1200, "residents"), (37, "people")],
    published_on=DAY + dt.timedelta(days=1),
)
FLOOD_B = article(
    "flood-b",
    FLOOD_OWN_WORDS,
    "Record river flooding drives 1,200 from their homes",
    [LAKEPORT, GREY_RIVER, FIRE_DEPT, WHITFIELD],
    [(1200, "people"), (37, "people")],
    quotes=(FLOOD_QUOTE,),
)
BUDGET_A = article(
    "budget-a",
    BUDGET_OWN_WORDS,
    "Council backs 48 million water plan despite rate rise",
    [LAKEPORT, WHITFIELD, OKAFOR, FIRE_DEPT],
    [(48_000_000, "dollars"), (9, "percent")],
    published_on=DAY + dt.timedelta(days=3),
)
BUDGET_B = article(
    "budget-b",
    BUDGET_WIRE,
    "Lakeport council approves water budget, 9 percent rate rise",
    [LAKEPORT, OKAFOR, WHITFIELD],
    [(48_000_000, "dollars"), (9, "percent")],
    published_on=DAY + dt.timedelta(days=3),
)
# One article about both events (a weekly round-up): it links to each, they stay apart.
ROUNDUP = article(
    "roundup",
    FLOOD_OWN_WORDS + " " + BUDGET_OWN_WORDS,
    "Lakeport's week: record flood and a water budget approved",
    [LAKEPORT, WHITFIELD, GREY_RIVER, FIRE_DEPT, OKAFOR],
    [(1200, "people"), (37, "people"), (48_000_000, "dollars"), (9, "percent")],
    quotes=(FLOOD_QUOTE,),
    published_on=DAY + dt.timedelta(days=2),
)


def features(*articles: ArticleEvidence) -> dict:
    return {f.article_id: f for f in story_features(list(articles))}


def all_pairs(found: dict) -> list[tuple[str, str]]:
    return list(itertools.combinations(sorted(found), 2))


def stories_of(found: dict) -> list[list[str]]:
    return cluster(found, all_pairs(found))


def test_agency_copies_are_one_story_and_marked_as_copies() -> None:
    found = features(FLOOD_A, FLOOD_COPY)
    evidence = pair_evidence(found["flood-a"], found["flood-copy"])
    assert evidence.is_copy
    assert pair_score(found["flood-a"], found["flood-copy"]) == 1.0
    assert stories_of(found) == [["flood-a", "flood-copy"]]
    (copy,) = copies(["flood-a", "flood-copy"], found)
    # The earlier publication is the original; the copy's text is nearly all in it.
    assert (copy.article_id, copy.copy_of) == ("flood-copy", "flood-a")
    assert copy.similarity > 0.8


def test_same_event_in_other_words_is_one_story() -> None:
    found = features(FLOOD_A, FLOOD_B)
    evidence = pair_evidence(found["flood-a"], found["flood-b"])
    assert not evidence.is_copy
    assert evidence.same_who
    assert stories_of(found) == [["flood-a", "flood-b"]]
    assert copies(["flood-a", "flood-b"], found) == []


def test_same_topic_and_actors_but_another_event_stays_apart() -> None:
    found = features(FLOOD_A, FLOOD_B, BUDGET_A, BUDGET_B)
    # The same mayor, city and fire department: a topic, not an event.
    assert pair_evidence(found["flood-b"], found["budget-a"]).same_who
    assert pair_score(found["flood-b"], found["budget-a"]) == 0.0
    assert stories_of(found) == [["budget-a", "budget-b"], ["flood-a", "flood-b"]]


def test_dates_far_apart_veto_a_pair_that_is_not_a_copy() -> None:
    later = article(
        "flood-later",
        FLOOD_OWN_WORDS,
        "Record river flooding drives 1,200 from their homes",
        [LAKEPORT, GREY_RIVER, FIRE_DEPT, WHITFIELD],
        [(1200, "people"), (37, "people")],
        published_on=DAY + dt.timedelta(days=60),
    )
    found = features(FLOOD_A, later)
    assert pair_score(found["flood-a"], found["flood-later"]) == 0.0


def test_one_ambiguous_article_does_not_chain_two_events() -> None:
    found = features(FLOOD_A, FLOOD_B, BUDGET_A, BUDGET_B, ROUNDUP)
    scores = PairScores(found)
    assert scores("roundup", "flood-b") > 0 and scores("roundup", "budget-a") > 0
    result = stories_of(found)
    flood = next(s for s in result if "flood-a" in s)
    budget = next(s for s in result if "budget-a" in s)
    assert flood != budget
    assert {"flood-a", "flood-b"} <= set(flood) and {"budget-a", "budget-b"} <= set(budget)


def test_grouping_does_not_depend_on_order() -> None:
    articles = [FLOOD_A, FLOOD_COPY, FLOOD_B, BUDGET_A, BUDGET_B, ROUNDUP]
    expected = stories_of(features(*articles))
    rng = random.Random(7)
    for _ in range(5):
        shuffled = articles[:]
        rng.shuffle(shuffled)
        found = features(*shuffled)
        pairs = all_pairs(found)
        rng.shuffle(pairs)
        assert cluster(found, pairs) == expected


def test_story_ids_stay_with_most_of_their_articles() -> None:
    previous = {"a": "s1", "b": "s1", "c": "s1", "d": "s2"}
    # s1 loses c to a new cluster; d joins a brand-new article e.
    ids = story_ids([["a", "b"], ["c"], ["d", "e"], ["f"]], previous)
    assert ids[0] == "s1" and ids[2] == "s2"
    assert len(set(ids)) == 4
    # A fresh id already held elsewhere is salted, never reused.
    fresh = story_ids([["f"]], {})[0]
    assert story_ids([["f"]], {}, in_use={fresh})[0] != fresh


# ---------------------------------------------------------------------- in the warehouse


def insert_article(con: duckdb.DuckDBPyConnection, a: ArticleEvidence) -> None:
    con.execute(
        "INSERT INTO articles (article_id, source_path, source_id, kind, content_hash, outlet, "
        "title, published_on, body) VALUES (?, ?, ?, 'txt', '', ?, ?, ?, ?)",
        [
            a.article_id,
            f"{a.article_id}.txt",
            a.article_id,
            a.outlet,
            a.title,
            a.published_on,
            a.body,
        ],
    )
    for m in a.actors:
        con.execute(
            'INSERT INTO actor_mentions (article_id, actor_id, line_no, "start", "end", text, '
            "actor_key, type) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                a.article_id,
                m.actor_key,
                m.line_no,
                m.start,
                m.start + len(m.text),
                m.text,
                m.actor_key,
                m.type,
            ],
        )
    for f in a.figures:
        con.execute(
            'INSERT INTO numbers (article_id, line_no, "start", "end", text, value, qualifier, '
            "unit) VALUES (?, 1, 0, 1, 'x', ?, 'exact', ?)",
            [a.article_id, f.value, f.unit],
        )
    for n, q in enumerate(a.quotes):
        con.execute(
            'INSERT INTO claims (claim_id, article_id, line_no, "start", "end", text, is_direct) '
            "VALUES (?, ?, 1, 0, ?, ?, true)",
            [f"{a.article_id}-{n}", a.article_id, len(q), q],
        )


def delete_article(con: duckdb.DuckDBPyConnection, article_id: str) -> None:
    for table in ("claims", "numbers", "actor_mentions", "articles"):
        con.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])


def warehouse() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    apply_schema(con)
    return con


def grouping(con: duckdb.DuckDBPyConnection) -> list[list[str]]:
    rows = con.execute("SELECT story_id, article_id FROM articles").fetchall()
    by_story: dict[str, list[str]] = {}
    for story, a in rows:
        assert story is not None
        by_story.setdefault(story, []).append(a)
    return sorted(sorted(v) for v in by_story.values())


def test_warehouse_assigns_new_articles_incrementally_in_any_order() -> None:
    articles = [FLOOD_A, FLOOD_COPY, FLOOD_B, BUDGET_A, BUDGET_B, ROUNDUP]
    results = []
    for order in (articles, articles[::-1], articles[2:] + articles[:2]):
        con = warehouse()
        for a in order:  # one load per article
            insert_article(con, a)
            update = warehouse_stories.update_stories(con)
            assert update.new_articles == 1
        results.append(grouping(con))
        stories = con.execute(
            "SELECT articles, outlets, independent FROM stories ORDER BY articles DESC"
        ).fetchall()
        assert sum(n for n, _, _ in stories) == len(articles)
    assert results[0] == results[1] == results[2]
    assert ["flood-a", "flood-b", "flood-copy"] in results[0] or [
        "flood-a",
        "flood-b",
        "flood-copy",
        "roundup",
    ] in results[0]


def test_warehouse_marks_copies_and_counts_independent_reports() -> None:
    con = warehouse()
    for a in (FLOOD_A, FLOOD_COPY, FLOOD_B):
        insert_article(con, a)
    warehouse_stories.update_stories(con)
    assert con.execute(
        "SELECT article_id, copy_of FROM articles WHERE copy_of IS NOT NULL"
    ).fetchall() == [("flood-copy", "flood-a")]
    assert con.execute("SELECT articles, outlets, independent FROM stories").fetchall() == [
        (3, 3, 2)
    ]
    first, last = con.execute("SELECT first_published, last_published FROM stories").fetchone()
    assert (first, last) == (DAY, DAY + dt.timedelta(days=1))


def test_a_deleted_or_changed_article_updates_its_story() -> None:
    con = warehouse()
    for a in (FLOOD_A, FLOOD_B, BUDGET_B):
        insert_article(con, a)
    warehouse_stories.update_stories(con)
    assert grouping(con) == [["budget-b"], ["flood-a", "flood-b"]]
    story = con.execute("SELECT story_id FROM articles WHERE article_id = 'flood-a'").fetchone()
    # Deleted: its story shrinks (and keeps its id), the features and bands go with it.
    delete_article(con, "flood-b")
    update = warehouse_stories.update_stories(con)
    assert update.removed_articles == 1
    assert grouping(con) == [["budget-b"], ["flood-a"]]
    assert (
        con.execute("SELECT story_id FROM articles WHERE article_id = 'flood-a'").fetchone()
        == story
    )
    assert con.execute("SELECT count(*) FROM stories").fetchone()[0] == 2
    assert (
        con.execute("SELECT count(*) FROM story_bands WHERE article_id = 'flood-b'").fetchone()[0]
        == 0
    )
    # Changed: a file's new text is a new article version; it joins the story it reports.
    insert_article(con, FLOOD_COPY)
    insert_article(con, BUDGET_A)
    delete_article(con, "flood-a")
    warehouse_stories.update_stories(con)
    assert grouping(con) == [["budget-a", "budget-b"], ["flood-copy"]]
    assert con.execute("SELECT sum(articles) FROM stories").fetchone()[0] == 3


# ---------------------------------------------------------------------- end to end


def materialize(raw: Path, db: Path) -> None:
    from pipeline.definitions import build_definitions
    from pipeline.defs.automation import JOB_NAME
    from pipeline.defs.resources import NewsfactsPaths

    paths = NewsfactsPaths(raw_dir=str(raw), warehouse=str(db))
    job = build_definitions(paths).resolve_job_def(JOB_NAME)
    with DagsterInstance.ephemeral() as instance:
        assert job.execute_in_process(instance=instance, raise_on_error=False).success


OTHER_EVENT = {
    "id": "other-event",
    "outlet": "Example Wire",
    "published": "2019-06-02",
    "title": "Lawmakers debate troop numbers in a 2019 budget hearing",
    "text": "Members of a budget committee questioned defence officials on Tuesday about the "
    "cost of keeping 2,500 US troops in Iraq and 900 in Syria, figures the officials said were "
    "under review. The hearing also covered training programmes and equipment repairs.",
}


@pytest.mark.slow
def test_samples_are_one_story_and_comparisons_stay_within_stories(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    (raw / "other.jsonl").write_text(json.dumps(OTHER_EVENT) + "\n", encoding="utf-8")
    db = tmp_path / "wh" / "news.duckdb"
    materialize(raw, db)
    with duckdb.connect(str(db), read_only=True) as con:
        stories = dict(
            con.execute("SELECT source_id, story_id FROM articles WHERE kind = 'txt'").fetchall()
        )
        assert len(stories) == 5 and len(set(stories.values())) == 1
        other = con.execute(
            "SELECT story_id FROM articles WHERE source_id = 'other-event'"
        ).fetchone()[0]
        assert other not in stories.values()
        label, n, outlets = con.execute(
            "SELECT label, articles, outlets FROM stories WHERE story_id = ?",
            [next(iter(stories.values()))],
        ).fetchone()
        assert (n, outlets) == (5, 5) and label
        # The other event shares measure keys with the samples, yet is never compared to them.
        shared = con.execute(
            "SELECT count(*) FROM numbers n JOIN articles a USING (article_id) "
            "WHERE a.source_id = 'other-event' AND n.measure IN ("
            "SELECT measure FROM numbers JOIN articles USING (article_id) WHERE kind = 'txt')"
        ).fetchone()[0]
        assert shared > 0
        pairs = con.execute(
            "SELECT a.story_id = b.story_id FROM number_comparison c "
            "JOIN articles a ON a.article_id = c.article_id_a "
            "JOIN articles b ON b.article_id = c.article_id_b"
        ).fetchall()
        assert pairs and all(same for (same,) in pairs)
        assert (
            con.execute(
                "SELECT count(*) FROM number_comparison WHERE story_id = ?", [other]
            ).fetchone()[0]
            == 0
        )
        # Statements are set side by side per story too: every row names its story.
        assert (
            con.execute(
                "SELECT count(*) FROM statement_comparison WHERE story_id IS NULL"
            ).fetchone()[0]
            == 0
        )


# ---------------------------------------------------------------------- measures of a story


def figure(
    article_id: str, value: float, unit: str, key: str, line_no: int = 1, start: int = 0
) -> StoryFigure:
    return StoryFigure(article_id, line_no, start, value, unit, key)


def measures_by_article(figures: list[StoryFigure]) -> dict[tuple[str, int, int, float], str]:
    return {f.sort_key: m for f, m in zip(figures, story_measures(figures), strict=True) if m}


def test_outlets_counting_the_same_people_in_their_own_words_share_a_measure() -> None:
    figures = [
        figure("post", 2, "people", "cases_in_china"),
        figure("sun", 2, "patients", "patients"),
        figure("express", 2, "contractors", "contractors"),
    ]
    assert len(set(story_measures(figures))) == 1
    assert story_measures(figures)[0] == "cases_in_china"  # the specific key names the group


def test_equal_values_of_unlike_units_or_percentages_are_not_joined() -> None:
    figures = [
        figure("a", 100, "people", "deaths_in_iran"),
        figure("b", 100, "attacks", "attacks_on_us_forces"),
        figure("a", 0.05, "percent", "dollar_index_change", line_no=2),
        figure("b", 0.05, "percent", "euro_change", line_no=2),
        figure("c", 2, "rockets", "rockets"),
        figure("d", 2, "explosions", "explosions_in_iran"),
    ]
    assert len(set(story_measures(figures))) == len(figures)


def test_bare_keys_do_not_join_figures_but_specific_keys_do() -> None:
    figures = [
        figure("a", 28, "people", "people", line_no=3),
        figure("a", 505_796, "people", "people", line_no=9),
        figure("a", 2500, "troops", "us_troops_in_iraq", line_no=4),
        figure("b", 2000, "troops", "us_troops_in_iraq"),
    ]
    troops = "us_troops_in_iraq"
    assert story_measures(figures) == ["people", "people_2", troops, troops]


def test_a_range_is_one_measure_and_a_figure_an_article_repeats_is_one_measure() -> None:
    figures = [
        figure("a", 30, "percent", "percent_chance", start=5),
        figure("a", 60, "percent", "percent_chance", start=5),
        figure("a", 28, "people", "people", line_no=2),
        figure("a", 28, "people", "people_quarantined", line_no=7),
        figure("a", 3, "people", "people", line_no=8),
    ]
    m = story_measures(figures)
    assert m[0] == m[1] and m[2] == m[3] == "people_quarantined" and m[4] == "people"


def test_story_measures_do_not_depend_on_order_and_keep_figures_without_a_key() -> None:
    figures = [
        figure("a", 2, "people", "people"),
        figure("b", 2, "contractors", "contractors"),
        figure("c", 28, "people", "people", line_no=2),
        figure("b", 28, "people", "people", line_no=5),
        figure("c", 7, "people", "people", line_no=3),
        StoryFigure("c", 4, 0, 1.0, None, None),
    ]
    expected = measures_by_article(figures)
    for seed in range(5):
        shuffled = figures[:]
        random.Random(seed).shuffle(shuffled)
        assert measures_by_article(shuffled) == expected
    assert story_measures(figures)[-1] is None


def test_the_warehouse_rekeys_a_story_when_its_articles_change() -> None:
    con = warehouse()
    keyed = {"flood-a": "residents_in_lakeport", "flood-b": "people"}
    for a in (FLOOD_A, FLOOD_B):
        insert_article(con, a)
        con.execute(
            "UPDATE numbers SET measure = ? WHERE article_id = ? AND value = 1200",
            [keyed[a.article_id], a.article_id],
        )
    warehouse_stories.update_stories(con)
    assert grouping(con) == [["flood-a", "flood-b"]]
    rows = con.execute(
        "SELECT article_id, article_measure, measure FROM numbers WHERE value = 1200 "
        "ORDER BY article_id"
    ).fetchall()
    assert rows == [
        ("flood-a", "residents_in_lakeport", "residents_in_lakeport"),
        ("flood-b", "people", "residents_in_lakeport"),
    ]
    # Alone again, the article's figure takes back the key its own words gave it.
    delete_article(con, "flood-a")
    warehouse_stories.update_stories(con)
    assert con.execute("SELECT measure FROM numbers WHERE value = 1200").fetchall() == [("people",)]


def figures_of_line(line: str, values: list[tuple[str, float, str, str]]) -> list[StoryFigure]:
    """Figures of one line of article "a", each given by its text, value, unit and key."""
    out = []
    for text, value, unit, key in values:
        start = line.index(text)
        out.append(StoryFigure("a", 1, start, value, unit, key, start + len(text), line))
    return out


@pytest.mark.parametrize(
    ("line", "values"),
    [
        ("The death toll rose to 52 from 40.", [("52", 52, "people", "deaths"),
                                                 ("40", 40, "people", "deaths")]),
        ("The rate was 4.5% in May, down from 4.8%.", [("4.5%", 4.5, "percent", "rate_percent"),
                                                        ("4.8%", 4.8, "percent", "may_percent")]),
        ("It had 12,000 staff last year, against 10,500 in 2017.",
         [("12,000 staff", 12000, "staff", "staff"), ("10,500", 10500, "staff", "staff_2")]),
        ("Sales were $3.2 billion, compared with $3.05 billion a year earlier.",
         [("$3.2 billion", 3.2e9, "dollars", "sales_dollars"),
          ("$3.05 billion", 3.05e9, "dollars", "dollars")]),
    ],
)  # fmt: skip
def test_a_level_and_the_earlier_level_it_is_set_against_are_one_measure(
    line: str, values: list[tuple[str, float, str, str]]
) -> None:
    assert len(set(story_measures(figures_of_line(line, values)))) == 1


@pytest.mark.parametrize(
    ("line", "values"),
    [
        ("It rose by 37 percent, from 0.90 percent.", [("37 percent", 37, "percent", "use_change"),
                                                      ("0.90 percent", 0.9, "percent", "use")]),
        ("It killed 52 and wounded 40.", [("52", 52, "people", "deaths"),
                                          ("40", 40, "people", "injuries")]),
        ("It rose to 52 from 40 cases.", [("52", 52, "people", "deaths"),
                                          ("40 cases", 40, "cases", "cases")]),
        # a comparing link with no time nor direction sets two things side by side
        ("Clinton has 52 percent versus 48 percent for Trump.",
         [("52 percent", 52, "percent", "percent"), ("48 percent", 48, "percent", "percent_2")]),
        ("It was 5% among men, compared with 4% among women.",
         [("5%", 5, "percent", "percent"), ("4%", 4, "percent", "percent_2")]),
    ],
)  # fmt: skip
def test_a_change_and_a_level_or_figures_of_unlike_units_are_not_linked(
    line: str, values: list[tuple[str, float, str, str]]
) -> None:
    assert len(set(story_measures(figures_of_line(line, values)))) == len(values)


def test_a_measurement_one_article_restates_in_another_line_is_one_measure() -> None:
    figures = [
        figure("a", 277, "miles", "miles_range", line_no=2),
        figure("a", 277, "miles", "miles", line_no=9),
        figure("a", 16, "feet", "feet_long", line_no=3),
        figure("a", 16, "feet", "feet_wide", line_no=3, start=40),  # the same line: two things
        figure("b", 277, "miles", "miles"),  # another outlet: by chance
        figure("a", 1.5, "percent", "index_change", line_no=4),
        figure("a", 1.5, "percent", "percent_drop", line_no=6),  # percentages recur by chance
    ]
    m = story_measures(figures)
    assert m[0] == m[1] and len({m[0], *m[2:]}) == len(m) - 1


def line_figure(line_no: int, line: str, text: str, value: float, unit: str) -> StoryFigure:
    start = line.index(text)
    return StoryFigure("a", line_no, start, value, unit, unit, start + len(text), line)


def test_a_definite_count_refers_back_to_the_last_like_count_of_its_value() -> None:
    lines = [
        "At least 12 people were killed and three houses burned.",
        "Three patients are in hospital.",
        "The 12 victims included four children.",  # people: the 12 people killed
        "Of the three plague variants, one is fatal.",  # things: not the three patients
        "Police said two rockets hit.",
        "The two sides met.",  # "the two" things name a pair of their own
    ]
    figures = [
        line_figure(1, lines[0], "12 people", 12, "people"),
        line_figure(1, lines[0], "three houses", 3, "houses"),
        line_figure(2, lines[1], "Three patients", 3, "patients"),
        line_figure(3, lines[2], "12 victims", 12, "victims"),
        line_figure(4, lines[3], "three plague variants", 3, "variants"),
        line_figure(5, lines[4], "two rockets", 2, "rockets"),
        line_figure(6, lines[5], "two sides", 2, "sides"),
    ]
    m = story_measures(figures)
    assert m[0] == m[3] and m[1] == m[4]
    assert len(set(m)) == len(m) - 2


def test_a_definite_percentage_refers_back_to_a_percentage_only() -> None:
    lines = ["The index fell 1.5 percent and three firms quit.", "The 1.5 percent drop hurt."]
    lines.append("The three-percentage-point lead held.")
    figures = [
        line_figure(1, lines[0], "1.5 percent", 1.5, "percent"),
        line_figure(1, lines[0], "three firms", 3, "firms"),
        line_figure(2, lines[1], "1.5 percent", 1.5, "percent"),
        line_figure(3, lines[2], "three", 3, "percent"),
    ]
    m = story_measures(figures)
    assert m[0] == m[2] and len(set(m)) == 3


def test_a_new_level_of_a_running_total_is_the_measure_of_the_last_figure_with_its_key() -> None:
    lines = [
        "Gunmen killed 40 people on Monday and a second blast killed 20 people.",
        "By Tuesday the death toll had risen to 52.",
        "He pitched seven innings last week.",
        "He allowed one hit over six innings.",  # "hit" a noun, no verb
        "The old wall was 4 feet tall.",
        "The new one has risen 6 feet.",  # a change: "risen" sets a level only before "to"
    ]
    figures = [
        line_figure(1, lines[0], "40 people", 40, "people"),
        line_figure(1, lines[0], "20 people", 20, "people"),
        line_figure(2, lines[1], "52", 52, "people"),
        line_figure(3, lines[2], "seven innings", 7, "innings"),
        line_figure(4, lines[3], "six innings", 6, "innings"),
        line_figure(5, lines[4], "4 feet", 4, "feet"),
        line_figure(6, lines[5], "6 feet", 6, "feet"),
    ]
    figures = [replace(f, article_measure="deaths") for f in figures[:3]] + figures[3:]
    m = story_measures(figures)
    assert m[1] == m[2] and m[0] != m[1]  # the update of the last count, not of another one
    assert m[3] != m[4] and m[5] != m[6]


@pytest.mark.parametrize(
    ("line", "values", "joined"),
    [
        ("It costs 71,350 euros ($78,770).",
         [("71,350 euros", 71350, "euros"), ("$78,770", 78770, "dollars")], True),
        ("The town lies 10 km (six miles) east.",
         [("10 km", 10, "kilometres"), ("six miles", 6, "miles")], True),
        ("It sells for $150. That's down from the usual $199 price.",
         [("$150", 150, "dollars"), ("$199", 199, "dollars")], True),
        ("The fine was 1 million yuan, roughly $140,000.",
         [("1 million yuan", 1e6, "yuan"), ("roughly $140,000", 140000, "dollars")], True),
        ("Tickets cost 5 euros, $10 for members.",
         [("5 euros", 5, "euros"), ("$10", 10, "dollars")], False),
        # a count and the percentage that restates it as a share
        ("It fell 102.2 points, or 0.36%.",
         [("102.2 points", 102.2, "points"), ("0.36%", 0.36, "percent")], True),
        ("It cut 3,000 jobs (2%).", [("3,000 jobs", 3000, "jobs"), ("2%", 2, "percent")], True),
        ("It cut $3 billion, or about 5% of GDP.",
         [("$3 billion", 3e9, "dollars"), ("5%", 5, "percent")], True),
        # a percentage with words of its own between is another figure
        ("It sold 3,000 units, up 5%.",
         [("3,000 units", 3000, "units"), ("5%", 5, "percent")], False),
        ("It costs $150. That rules out $199 models.",
         [("$150", 150, "dollars"), ("$199", 199, "dollars")], False),
    ],
)  # fmt: skip
def test_a_figure_converted_to_another_unit_or_set_against_an_earlier_one_is_one_measure(
    line: str, values: list[tuple[str, float, str]], joined: bool
) -> None:
    figures = [line_figure(1, line, text, value, unit) for text, value, unit in values]
    assert (len(set(story_measures(figures))) == 1) is joined


def test_a_part_and_its_share_are_one_measure_and_the_whole_another() -> None:
    line = "Of them, 12 of 40 patients, or 30%, recovered."
    values = [
        ("12 of 40 patients", 12, "patients", "patients"),
        ("40 patients", 40, "patients", "patients_2"),
        ("30%", 30, "percent", "percent_recovered"),
    ]
    m = story_measures(figures_of_line(line, values))
    assert m[0] == m[2] != m[1]


@pytest.mark.parametrize(
    ("line", "values", "sides"),
    [
        ("Clinton would beat Trump 46 to 40 percent.",
         [("46", 46, "percent", "clinton_percent"),
          ("40 percent", 40, "percent", "clinton_percent")], 2),
        ("The Senate voted 51 to 49 on the bill.",
         [("51", 51, "votes", "senate_votes"), ("49", 49, "votes", "senate_votes")], 2),
        # a bare key: "to 10" is no new level of a running total
        ("The bill passed by a vote of 90 to 10.",
         [("90", 90, "votes", "votes"), ("10", 10, "votes", "votes")], 2),
        # a part and the whole it is part of
        ("The city has raised $57 million of the $64 million it pledged.",
         [("$57 million", 5.7e7, "dollars", "city_dollars"),
          ("$64 million", 6.4e7, "dollars", "city_dollars")], 2),
        ("It won 30 out of 50 seats.",
         [("30", 30, "seats", "party_seats"), ("50 seats", 50, "seats", "party_seats")], 2),
        # one thing changing, not two sides
        ("The rate fell 5.2 to 4.9 percent.",
         [("5.2", 5.2, "percent", "rate"), ("4.9 percent", 4.9, "percent", "rate")], 1),
    ],
)  # fmt: skip
def test_the_two_sides_of_a_result_or_a_part_and_its_whole_are_two_measures(
    line: str, values: list[tuple[str, float, str, str]], sides: int
) -> None:
    figures = figures_of_line(line, values)
    other = [replace(f, article_id="b") for f in figures]  # another outlet, same words
    m = story_measures([*figures, *other])
    assert len(set(m)) == sides and m[:2] == m[2:]


def test_the_ends_of_a_range_from_one_figure_to_another_are_one_measure() -> None:
    line = "Estimates of the refugees range from 100,000 to 250,000."
    values = [
        ("100,000", 1e5, "refugees", "syrian_refugees"),
        ("250,000", 2.5e5, "refugees", "syrian_refugees"),
    ]
    assert len(set(story_measures(figures_of_line(line, values)))) == 1


@pytest.mark.parametrize(
    ("line", "values"),
    [
        ("The rate fell from 5.2 to 4.9 percent.",
         [("5.2", 5.2, "percent", "rate"), ("4.9 percent", 4.9, "percent", "rate")]),
        ("It cut the population from an estimated 450 million down to 350 million.",
         [("450 million", 4.5e8, "people", "world_population"),
          ("350 million", 3.5e8, "people", "world_population")]),
        # a running total too: the level before is not the level reached
        ("The death toll rose from 40 to 52.",
         [("40", 40, "deaths", "deaths"), ("52", 52, "deaths", "deaths")]),
    ],
)  # fmt: skip
def test_the_two_ends_of_a_change_from_one_level_to_another_are_two_measures(
    line: str, values: list[tuple[str, float, str, str]]
) -> None:
    figures = figures_of_line(line, values)
    other = [replace(f, article_id="b") for f in figures]  # another outlet, same words
    m = story_measures([*figures, *other])
    assert len(set(m)) == 2 and m[:2] == m[2:]


def test_equal_tallies_of_players_are_each_ones_own() -> None:
    figures = [
        figure("a", 2, "goals", "goals", line_no=3),
        figure("a", 2, "goals", "goals", line_no=5),
        figure("a", 15, "games", "games", line_no=1),
        figure("a", 15, "games", "games", line_no=2),  # a team's streak, restated
    ]
    m = story_measures(figures)
    assert m[0] != m[1] and m[2] == m[3]


def test_equal_counts_of_people_that_different_events_befell_are_not_joined() -> None:
    figures = [
        figure("a", 12, "people", "deaths", line_no=1),
        figure("a", 12, "people", "injuries", line_no=2),
        figure("b", 12, "people", "people"),  # says no event: joins neither
        figure("c", 3, "people", "deaths_in_iraq"),
        figure("d", 3, "contractors", "contractors"),  # one event only: one measure
    ]
    m = story_measures(figures)
    assert len({m[0], m[1], m[2]}) == 3 and m[3] == m[4]
