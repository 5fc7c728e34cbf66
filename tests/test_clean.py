"""Tests of the page cleaner: line labels, metadata helpers, feed/HTML paths, the gold seeds."""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from pathlib import Path

import pytest

from pipeline.stages import clean
from pipeline.stages.clean import data as clean_data
from pipeline.stages.clean import language as clean_language
from pipeline.stages.clean.alternation import (
    factor_leading_alternation,
    line_start_alternation,
    without_captures,
)
from pipeline.stages.clean.data import LANGUAGES, PATTERNS, DataFileError
from pipeline.stages.clean.language import StoplistError, _longest_rows
from pipeline.stages.clean.lines import PHRASING_CACHE_LINES, _line_reading, scanner_for
from pipeline.stages.clean.metadata import credit_names, headline_of_title, names_only
from pipeline.stages.clean.outlet import brand_relation, title_candidate
from pipeline.stages.clean.patterns import (
    CAPTION,
    KIND_PATTERNS,
    LINE_START_KINDS,
    pattern_kind,
    strip_code,
)
from pipeline.stages.clean.published import date_atom, is_time_stamp, stated_date
from pipeline.stages.ingest import read_html
from schemas import CleanedDocument, SourceDocument

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"
TOKEN = re.compile(r"\w+")

PROSE = [
    "The council voted on Tuesday to extend the bus lane along the river road, a plan that "
    "residents had opposed for more than two years because of the noise.",
    "Officials said the work would begin in the spring and cost about four million pounds, "
    "which the city expects to recover from a new parking levy within a decade.",
    "Opponents of the scheme said they would take their case to the regional court, arguing "
    "that the council had failed to consult the people who live along the route.",
    "The mayor said she was confident the decision would stand and that the lane would make "
    "journeys quicker for the thousands of people who take the bus to work every day.",
]


def _doc(text: str, kind: str = "txt", **fields: object) -> SourceDocument:
    return SourceDocument(
        source_path="x.txt", source_id="x", kind=kind, content_hash="h", text=text, **fields
    )


def _page(*parts: str) -> str:
    return "\n".join(parts)


def _kinds(text: str) -> list[str]:
    return [label.kind for label in clean.clean_document(_doc(text)).labels]


# ---------------------------------------------------------------------------- line labels


def test_kind_counts_skip_blank_lines() -> None:
    text = _page("Share on Facebook", "", PROSE[0], "", PROSE[1], "", PROSE[2], "", "Advertisement")
    counts = clean.kind_counts(clean.clean_document(_doc(text)).labels)
    assert counts == {"body": 3, "other": 1, "share": 1}


def test_one_label_per_line_and_blank_lines_are_other() -> None:
    text = _page("Council extends bus lane", "", PROSE[0], "   ", PROSE[1], "\u00a0", PROSE[2])
    labels = clean.clean_document(_doc(text)).labels
    assert len(labels) == len(text.split("\n"))
    for i in (1, 3, 5):
        assert (labels[i].kind, labels[i].reason) == ("other", "blank line")


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Skip to main content", "navigation"),
        ("Share on Facebook", "share"),
        ("Follow me on Twitter or LinkedIn.", "share"),
        (
            "Subscribe to The Daily Planet Today. Get the latest news in your inbox daily.",
            "subscription",
        ),
        ("Sign up for our newsletter", "subscription"),
        ("We use cookies to improve your experience. By continuing you accept them.", "other"),
        ("Advertisement", "other"),
        ("Source: Reuters", "source_credit"),
        ("Reuters contributed to this report.", "source_credit"),
        ("gtag('config', 'UA-1234-1');", "script"),
        ("© 2024 Daily Planet. All rights reserved.", "publisher_blurb"),
        ("Related Articles", "related"),
        ("With Planet wires", "source_credit"),
        (
            "Reporting by Jane Doe; additional reporting by John Roe, Ann Poe and Tom Moe; "
            "Editing by Sam Ray and Kim Lee",
            "source_credit",
        ),
        ("Request Reprint & Licensing, Submit Correction", "publisher_blurb"),
    ],
)
def test_boilerplate_phrasing_inside_the_body_is_dropped(line: str, kind: str) -> None:
    text = _page(
        "Council extends bus lane", "", PROSE[0], "", PROSE[1], "", line, "", PROSE[2], "", PROSE[3]
    )
    assert _kinds(text)[6] == kind


def test_menu_run_before_body_is_navigation_and_body_is_kept() -> None:
    menu = ["Home", "World", "Business", "Sport", "Culture", "Travel"]
    text = _page(
        "Council extends bus lane - Daily Planet",
        "",
        *menu,
        "",
        PROSE[0],
        "",
        PROSE[1],
        "",
        "Short subheading",
        "",
        PROSE[2],
        "",
        PROSE[3],
    )
    kinds = _kinds(text)
    assert kinds[2:8] == ["navigation"] * 6
    assert [kinds[i] for i in (9, 11, 13, 15, 17)] == ["body"] * 5


def test_related_headlines_after_body_are_dropped() -> None:
    related = [
        "More from Daily Planet",
        "Mayor opens new library in the east end",
        "Bridge repairs to start next month",
        "Schools close early for summer",
    ]
    text = _page(
        "Council extends bus lane",
        "",
        PROSE[0],
        "",
        PROSE[1],
        "",
        PROSE[2],
        "",
        PROSE[3],
        "",
        *related,
    )
    kinds = _kinds(text)
    assert all(k != "body" for k in kinds[10:])
    assert [kinds[i] for i in (2, 4, 6, 8)] == ["body"] * 4


def test_header_block_title_standfirst_byline_caption() -> None:
    text = _page(
        "Council extends bus lane | Daily Planet",
        "",
        "Council extends bus lane",
        "",
        "Residents lose their fight against the river road scheme.",
        "By Jane Doe and John Roe",
        "Buses queue on the river road in the morning rush hour, as seen from the bridge "
        "over the harbour on a wet day in November last year. Photo: Daily Planet",
        "",
        *[p for para in PROSE for p in (para, "")],
    )
    labels = clean.clean_document(_doc(text)).labels
    assert [lab.kind for lab in labels[:7]] == [
        "title",
        "other",
        "title",
        "other",
        "standfirst",
        "byline",
        "caption",
    ]
    meta = clean.clean_document(_doc(text)).metadata
    assert meta.title == "Council extends bus lane"
    assert meta.standfirst == "Residents lose their fight against the river road scheme."
    assert meta.byline == "Jane Doe, John Roe" or meta.byline == "Jane Doe and John Roe"
    assert meta.outlet == "Daily Planet"


def _body_paragraphs() -> list[str]:
    return [p for para in PROSE for p in (para, "")]


def test_a_headline_printed_apart_from_the_title_is_found_over_its_credits() -> None:
    text = _page(
        "Bus lane row: council pushes river road scheme through - Daily Planet",
        "",
        "Home",
        "News",
        "Sport",
        "",
        "Council extends river road bus lane despite protests",
        "",
        "By Jane Doe, Planet Politics",
        "",
        "Updated 0339 GMT November 19, 2019",
        "",
        *_body_paragraphs(),
    )
    meta = clean.clean_document(_doc(text)).metadata
    assert meta.title == "Council extends river road bus lane despite protests"
    assert meta.byline == "Jane Doe"
    assert meta.published_on == dt.date(2019, 11, 19)
    assert meta.outlet == "Daily Planet"


def test_credits_under_the_first_copy_of_a_headline_printed_again_over_a_gallery() -> None:
    text = _page(
        "Council extends river road bus lane despite protests - Daily Planet",
        "",
        "Home",
        "",
        "Council extends river road bus lane despite protests",
        "",
        "Jane Doe, Planet Political Writer",
        "",
        "Updated 3:27 am PST, Wednesday, November 20, 2019",
        "",
        "Photo: John Roe",
        "",
        "Image 1 of 13",
        "",
        "Council extends river road bus lane despite protests",
        "",
        "1 / 13",
        "",
        *_body_paragraphs(),
    )
    meta = clean.clean_document(_doc(text)).metadata
    assert meta.title == "Council extends river road bus lane despite protests"
    assert meta.byline == "Jane Doe"
    assert meta.published_on == dt.date(2019, 11, 20)


def test_a_headline_reworded_from_the_title_over_a_weekday_stamp() -> None:
    # The tab title words the story anew; the printed headline over the byline is the title,
    # and a related story's date above it is not the article's (its stamp gives no date).
    text = _page(
        "Council vote clears river road lane plan",
        "",
        "Mayor opens a new library in the old market hall",
        "",
        "John Roe",
        "11/12/19 4:40PM",
        "",
        "Why the mayor backs the lane",
        "",
        "Jane Doe",
        "Monday 5:30PM",
        "",
        *_body_paragraphs(),
    )
    meta = clean.clean_document(_doc(text)).metadata
    assert meta.title == "Why the mayor backs the lane"
    assert meta.byline == "Jane Doe"
    assert meta.published_on is None


def test_a_headline_over_credits_must_tell_the_titles_story() -> None:
    text = _page(
        "Council extends bus lane",
        "",
        "Recent from Jane Doe",
        "",
        "Mayor opens a new library in the old market hall",
        "",
        "Jane Doe",
        "Monday 5:30PM",
        "",
        *_body_paragraphs(),
    )
    assert clean.clean_document(_doc(text)).metadata.title == "Council extends bus lane"


def test_the_byline_in_a_block_of_share_buttons_and_a_split_byline() -> None:
    shared = _page(
        "Council extends bus lane",
        "",
        "Council extends bus lane",
        "",
        "By Jane Doe On 11/13/19 at 4:00 PM EST",
        "Share",
        "Politics Transport Buses",
        "",
        *_body_paragraphs(),
    )
    meta = clean.clean_document(_doc(shared)).metadata
    assert (meta.byline, meta.published_on) == ("Jane Doe", dt.date(2019, 11, 13))
    split = _page(
        "Council extends bus lane",
        "",
        "Council extends bus lane",
        "",
        "By",
        "John Roe",
        "Nov. 18, 2019 7:04 pm ET",
        "",
        *_body_paragraphs(),
    )
    assert clean.clean_document(_doc(split)).metadata.byline == "John Roe"


def test_a_dateline_that_names_the_author() -> None:
    text = _page(
        "Council extends bus lane",
        "",
        "Council extends bus lane",
        "",
        "Monday November 18, 2019 7:45 am PST by Ann Poe",
        *_body_paragraphs(),
    )
    cleaned = clean.clean_document(_doc(text))
    assert cleaned.metadata.byline == "Ann Poe"
    assert cleaned.metadata.published_on == dt.date(2019, 11, 18)
    assert not cleaned.labels[4].is_body


def test_a_headline_and_credits_read_as_prose_are_cut_from_the_text() -> None:
    headline = "Council extends the river road bus lane as residents lose a two year fight"
    text = _page(
        headline + " | Politics | Planet.co.uk",
        "",
        "Home",
        "News",
        "",
        headline,
        "",
        "THE council has voted to extend the bus lane along the river road, ending a row that "
        "has split the town for more than two years.",
        "",
        "By Jane Doe",
        "PUBLISHED: 00:01, Tue, Nov 19, 2019 | UPDATED: 10:43, Tue, Nov 19, 2019",
        "",
        *_body_paragraphs(),
    )
    cleaned = clean.clean_document(_doc(text))
    kinds = [lab.kind for lab in cleaned.labels]
    assert kinds[5:11] == ["title", "other", "standfirst", "other", "byline", "dateline"]
    assert cleaned.labels[12].is_body
    assert cleaned.metadata.title == headline
    assert cleaned.metadata.byline == "Jane Doe"
    assert cleaned.metadata.published_on == dt.date(2019, 11, 19)


def test_ledes_between_the_credits_and_an_image_are_text() -> None:
    text = _page(
        "Council extends bus lane",
        "",
        "Council extends bus lane",
        "",
        "Jane Doe",
        "",
        "18 Nov 2019, 19:09",
        "",
        "THE council has voted to extend the bus lane along the river road.",
        "",
        "The decision ends a row that has split the town for more than two years.",
        "",
        "3",
        "The river road at rush hour, where the new lane will run",
        "3",
        "Buses queue at the bridge in the morning",
        "",
        *_body_paragraphs(),
    )
    kinds = [lab.kind for lab in clean.clean_document(_doc(text)).labels]
    assert kinds[8] == kinds[10] == "body"
    assert kinds[12:16] == ["caption"] * 4


def test_boxes_inside_the_text_are_dropped() -> None:
    prose = [_town_sentence(i) for i in range(12)]
    text = _page(
        "Council extends bus lane",
        "",
        *[p for para in prose[:3] for p in (para, "")],
        "Mayor Opens a New Library in the Old Market Hall",
        "Read more",
        "",
        *[p for para in prose[3:6] for p in (para, "")],
        "More:",
        "",
        "The New Bridge Row",
        "",
        "Harbour tolls to rise in spring",
        "",
        *[p for para in prose[6:9] for p in (para, "")],
        "Map of the streets where the new lane will run. Planetmaps",
        "",
        "Two people in the town have complained about the noise,...",
        "",
        *[p for para in prose[9:] for p in (para, "")],
    )
    lines = text.split("\n")
    kinds = dict(zip(lines, _kinds(text), strict=True))
    assert kinds["Mayor Opens a New Library in the Old Market Hall"] == "related"
    assert kinds["The New Bridge Row"] == kinds["Harbour tolls to rise in spring"] == "related"
    assert kinds["Map of the streets where the new lane will run. Planetmaps"] == "caption"
    assert kinds["Two people in the town have complained about the noise,..."] == "related"
    assert all(kinds[p] == "body" for p in prose)


def test_a_label_left_last_on_the_page_is_not_text() -> None:
    text = _page("Council extends bus lane", "", *_body_paragraphs(), "Short link:")
    assert _kinds(text)[-1] != "body"


def test_pull_quote_repeating_a_body_sentence_is_dropped() -> None:
    quote = "We will not let this lane be built without a fight in the courts"
    text = _page(
        "Council extends bus lane",
        "",
        PROSE[0],
        "",
        PROSE[1],
        "",
        f"'{quote}'",
        "",
        "\u2013 A resident of the river road",
        "",
        f'"{quote}," one resident said.',
        "",
        PROSE[2],
        "",
        PROSE[3],
    )
    kinds = _kinds(text)
    assert kinds[6] == "pullquote"
    assert kinds[8] == "pullquote"
    assert kinds[10] == "body"


def test_twin_captions_inside_the_body_are_dropped() -> None:
    caption = "Buses queue on the river road in the morning rush hour near the old bridge"
    text = _page(
        "Council extends bus lane",
        "",
        PROSE[0],
        "",
        PROSE[1],
        "",
        f"{caption}. (Photo by Jane Doe)",
        f"{caption}. Jane Doe",
        "",
        PROSE[2],
        "",
        PROSE[3],
    )
    kinds = _kinds(text)
    assert kinds[6:8] == ["caption", "caption"]
    assert kinds[9] == "body"


def test_non_english_page_keeps_its_body() -> None:
    body = [
        "Der Stadtrat hat am Dienstag beschlossen, die Busspur entlang der Uferstraße zu "
        "verlängern, obwohl die Anwohner seit mehr als zwei Jahren dagegen protestiert haben.",
        "Die Arbeiten sollen im Frühjahr beginnen und rund vier Millionen Euro kosten, die "
        "die Stadt über eine neue Parkgebühr innerhalb von zehn Jahren zurückholen will.",
        "Die Gegner kündigten an, vor das Verwaltungsgericht zu ziehen, weil der Rat die "
        "Menschen entlang der Strecke nicht angehört habe.",
    ]
    text = _page(
        "Busspur wird verlängert",
        "",
        "Startseite",
        "Politik",
        "Wirtschaft",
        "Sport",
        "",
        body[0],
        "",
        body[1],
        "",
        body[2],
        "",
        "Teilen",
        "Drucken",
    )
    cleaned = clean.clean_document(_doc(text))
    assert cleaned.metadata.language == "de"
    assert [lab.is_body for lab in cleaned.labels] == [
        False,
        False,
        False,
        False,
        False,
        False,
        False,
        True,
        False,
        True,
        False,
        True,
        False,
        False,
        False,
    ]


def test_reader_comments_after_the_article_are_dropped() -> None:
    comments = [
        "I think the council got this one completely wrong and the lane will only make the "
        "traffic on the bridge worse for everyone who drives to work in the morning.",
        "Even if it costs more, this is the right decision for the city and I like the "
        "direction the mayor is taking on transport and on the river road in particular.",
        "It would be nice if the council also fixed the potholes on the side streets before "
        "spending millions on a lane that only a few buses will use during the day.",
    ]
    text = _page(
        "Council extends bus lane",
        "",
        *[p for para in PROSE for p in (para, "")],
        "[ 3 comments ]",
        "",
        "Top Rated Comments",
        "",
        *[p for c in comments for p in ("jdoe", "2 days ago at 07:52 am", c, "")],
    )
    kinds = _kinds(text)
    assert [kinds[i] for i in (2, 4, 6, 8)] == ["body"] * 4
    assert all(k != "body" for k in kinds[10:])


def test_list_introduced_by_a_colon_stays_in_the_body() -> None:
    text = _page(
        "Council extends bus lane",
        "",
        PROSE[0],
        "",
        PROSE[1],
        "",
        "These are the streets the lane will run along:",
        "1) River Road",
        "2) Bridge Street",
        "3) Harbour Way",
        "",
        "Related Articles",
        "Mayor opens new library",
        "Schools close early",
    )
    kinds = _kinds(text)
    assert kinds[6:10] == ["body"] * 4
    assert all(k != "body" for k in kinds[11:])


def test_ad_slot_between_paragraphs_does_not_split_the_article() -> None:
    text = _page(
        "Council extends bus lane",
        "",
        PROSE[0],
        "",
        "Advertisement",
        "",
        "Continue reading the main story",
        "",
        PROSE[1],
        "",
        PROSE[2],
    )
    kinds = _kinds(text)
    assert [kinds[i] for i in (2, 8, 10)] == ["body"] * 3
    assert kinds[4] == "other"


def test_article_under_the_headline_beats_a_heavier_legal_footer() -> None:
    footer = (
        "The information provided on this website is for general guidance only and does not "
        "replace the advice of your doctor, and the publisher accepts no liability for any "
        "loss that may arise from the use of the information that is published on this site."
    )
    menu = ["Home", "News", "Sport", "Travel", "Culture", "Weather"] * 4
    text = _page(
        "Council extends bus lane | Daily Planet",
        "",
        *menu,
        "",
        "Council extends bus lane",
        "",
        PROSE[0],
        "",
        PROSE[1],
        "",
        "Related Articles",
        "",
        *menu,
        "",
        footer,
        "",
        footer.replace("general", "broad"),
        "",
        footer.replace("doctor", "lawyer"),
        "",
        footer.replace("loss", "damage"),
    )
    kinds = _kinds(text)
    first_prose = text.split("\n").index(PROSE[0])
    assert kinds[first_prose] == "body"
    assert kinds[-1] != "body"


def test_short_paragraphs_after_the_run_are_kept_until_boilerplate() -> None:
    text = _page(
        "Council extends bus lane",
        "",
        PROSE[0],
        "",
        PROSE[1],
        "",
        PROSE[2],
        "",
        "Now get moving!",
        "",
        "Morning buses",
        "",
        "Every ten minutes",
        "",
        "Related Articles",
        "",
        "Mayor opens new library",
    )
    kinds = _kinds(text)
    assert [kinds[i] for i in (8, 10, 12)] == ["body"] * 3
    assert kinds[14] != "body" and kinds[16] != "body"


def test_html_text_keeps_lines_but_drops_confident_leftovers() -> None:
    text = _page(PROSE[0], "Share on Facebook", PROSE[1], "Sign up for our newsletter")
    labels = clean.clean_document(_doc(text, kind="html")).labels
    assert [lab.kind for lab in labels] == ["body", "share", "body", "subscription"]


# ---------------------------------------------------------------------------- metadata helpers


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("By Jane Doe and John Roe", "Jane Doe and John Roe"),
        ("By Jane Doe, John Roe and Ann Poe", "Jane Doe, John Roe and Ann Poe"),
        ("by JANE DOE, Associated Press", "JANE DOE"),
        ("By TOM SMITH and ANN LEE", "TOM SMITH and ANN LEE"),
        ("Jane Doe Avatar", "Jane Doe"),
        ("Adam Morrow", "Adam Morrow"),
        ("Von Max Mustermann", "Max Mustermann"),
        ("By A. Smith", "A. Smith"),
        ("Bruce Y. Lee Senior Contributor", "Bruce Y. Lee"),
        # What follows the names: dates, times, handles, contact details, roles, outlets.
        ("By Sherif Saed, Wednesday", "Sherif Saed"),
        ("By Sam Ray, Wednesday, 20 November 2019 08:05 GMT", "Sam Ray"),
        ("By Kim Lee On 11/13/19 at 4:00 PM EST", "Kim Lee"),
        ("Tom Moe @tommoe / 2 days", "Tom Moe"),
        ("By Ann Poe annp@example.com (555) 459-5382", "Ann Poe"),
        ("By Jill Ray, Planet Business", "Jill Ray"),
        ("By Tom Moe | Planet News", "Tom Moe"),
        ("By Ann Poe BBC Science Correspondent", "Ann Poe"),
        ("Joey Moe, USA TODAY", "Joey Moe"),
        ("Jane Doe, news reporter", "Jane Doe"),
        ("By Ann Poe | November 18, 2019 -- 19:14 GMT | Topic: Hardware", "Ann Poe"),
        ("Jane Doe in Beijing and John Roe in Hong Kong", "Jane Doe and John Roe"),
        ("By Jane Doe and John Roe, Reuters", "Jane Doe and John Roe"),
        ("Jane Doe Jane Doe", "Jane Doe"),
        # No person: organisations, headings, widgets, broken text.
        ("The council voted on Tuesday", None),
        ("Updated:", None),
        ("More News", None),
        ("Black Friday", None),
        ("Auto News", None),
        ("by European Space Agency", None),
        ("Practical Horseman Editorial Staff", None),
        ("CAR REVIEWS", None),
        ("Admin", None),
        ("Carrie A\nrnold November", None),
        ("Amy K. Dragoo/AIMMEDIA", None),
        ("Jane Doe is a reporter", None),
        # A column's name in English words only; the same words after "By" are a name.
        ("Economic Scene.", None),
        ("Common Sense", None),
        ("By Hope White", "Hope White"),
        ("Jane Stone", "Jane Stone"),
    ],
)
def test_parse_byline_keeps_person_names_only(line: str, names: str | None) -> None:
    assert clean.parse_byline(line, stopwords=frozenset({"more", "news", "the"})) == names


@pytest.mark.parametrize(
    ("field", "names"),
    [
        ("Jane Doe", "Jane Doe"),
        ("Jane Doe; John Roe", "Jane Doe; John Roe"),
        ("Phil Ray is a reporter for Planet News.", "Phil Ray"),
        ("Admin", None),
        ("admin", None),
        ("Planet Staff", None),
        ("Carrie A\nrnold November", None),
        ("", None),
    ],
)
def test_an_author_field_keeps_person_names_only(field: str, names: str | None) -> None:
    assert names_only(field) == names


@pytest.mark.parametrize(
    ("texts", "names"),
    [
        (["Monday November 18, 2019 7:45 am PST by Tom Moe"], "Tom Moe"),
        (["February 1, 2019 | BY: Ann Poe, MS, RDN"], "Ann Poe"),
        (["Carlos Ramos 27/09/2018 Comments"], "Carlos Ramos"),
        (["By", "Randy Ray"], "Randy Ray"),
        (["Author:", "The Water Cooler"], None),
        (["Posted on March 30, 2015 by Admin"], None),
        (["Planetwire October 06, 2018"], None),
        (["November 12, 2018 | BY: Beachbody"], None),
    ],
)
def test_credit_names_in_datelines_and_split_bylines(texts: list[str], names: str | None) -> None:
    assert credit_names(texts) == names


@pytest.mark.parametrize(
    ("lines", "wire"),
    [
        (["Source: Reuters"], "Reuters"),
        (["Reuters contributed to this report."], "Reuters"),
        (["AFP , Friday 5 Jan 2024"], "AFP"),
        (["(AP) \u2014 The council voted on Tuesday."], "AP"),
        (["PARIS (AFP) - The council voted on Tuesday."], "AFP"),
        (["Additional reporting by Reuters"], "Reuters"),
        (["By JANE DOE, Associated Press"], "AP"),
        (["Tom Moe | Reuters"], "Reuters"),
        (["By Reuters Staff"], "Reuters"),
        (["Jane Doe told Reuters"], None),
        (["The map shows the river road."], None),
        (["He took a nap in the afternoon."], None),
    ],
)
def test_detect_wire_service(lines: list[str], wire: str | None) -> None:
    assert clean.detect_wire_service(lines) == wire


@pytest.mark.parametrize(
    ("lines", "title_line", "outlet"),
    [
        # The site part of the page title.
        ([], "Council extends bus lane | Harbour Voice", "Harbour Voice"),
        ([], "Council extends bus lane | Politics | Harbour Voice", "Harbour Voice"),
        # Copyright holders; a company's brand, not its legal name.
        (["© 2024 Harbour Voice. All rights reserved."], None, "Harbour Voice"),
        (["Copyright © 2019 The Harbour Voice. All Rights Reserved."], None, "The Harbour Voice"),
        (["©2019 Harbour Voice Media LLC. All Rights Reserved."], None, "Harbour Voice"),
        (
            ["© 2019 HVP Holdings, Inc. All Rights Reserved", "Harbour Voice Post"],
            None,
            "Harbour Voice Post",
        ),
        (["Copyright Policy"], None, None),
        (["Copyright © 2019 · All Rights Reserved"], None, None),
        # Publisher blurbs and trademarks.
        (["Harbour Voice is an independent news site covering the coast."], None, "Harbour Voice"),
        (["Harbour Voice delivers independent coverage of the coast."], None, "Harbour Voice"),
        (
            ['© 2019 Coast Newspapers. "Harbour Voice" is a registered trademark.'],
            None,
            "Harbour Voice",
        ),
        (["Harbour Voice, A Coast Media Company"], None, "Harbour Voice"),
        # Subscription prompts: the publisher, not the newsletter or the channel.
        (["Subscribe to Daily Planet Today. Get the news daily."], None, "Daily Planet"),
        (["Get Harbour Voice's newsletters"], None, "Harbour Voice"),
        (["Subscribe to the Morning Tide newsletter"], None, None),
        (["Sign Up For Our Newsletter"], None, None),
        (["Subscribe to the Harbour Voice YouTube Channel for the latest videos"], None, None),
        # A staff bio names the employer.
        (["Science writer at Harbour Voice and dog lover elsewhere"], None, "Harbour Voice"),
        (["Jane Doe is a reporter for Harbour Voice."], None, "Harbour Voice"),
        # So does a staff credit.
        (["Harbour Voice Editorial Staff"], None, "Harbour Voice"),
        (["By Harbour Voice Staff"], None, "Harbour Voice"),
        (["The staff were told on Monday"], None, None),
        # Names in running text and headings are no evidence.
        (["Blair is the former prime minister who led the party for a decade."], None, None),
        (["More from Harbour Voice"], None, None),
        (["The latest on Harbour Voice"], None, None),
        (["The council voted on Tuesday."], None, None),
        # The page names itself in its title: other owners' notices don't outvote it.
        (
            ["Dow Planet, a News Corp company", "Copyright ©2019 Dow Planet & Company, Inc."],
            "Is football violence a crime? - HVJ",
            "HVJ",
        ),
        # A brand's domain gives way to its proper name.
        (
            ['Copyright ©2019 Coast Newspapers. "Daily Voice" is a registered trademark.'],
            "Council extends bus lane | News | Voice.co.uk",
            "Daily Voice",
        ),
    ],
)
def test_detect_outlet(lines: list[str], title_line: str | None, outlet: str | None) -> None:
    # A title line with a site part is the <title> over the headline the page prints.
    parts = re.split(r"\s+[|-]\s+", title_line or "")
    headline = parts[0] if len(parts) > 1 else None
    assert clean.detect_outlet(lines, title_line=title_line, headline=headline) == outlet


@pytest.mark.parametrize(
    ("title_line", "headline", "site"),
    [
        ("Council extends bus lane - Harbour Voice", "Council extends bus lane", "Harbour Voice"),
        (
            "The Harbour Review: Council extends bus lane",
            "Council extends bus lane",
            "The Harbour Review",
        ),
        (
            "Opinion | Council extends bus lane - Harbour Voice",
            "Council extends bus lane",
            "Harbour Voice",
        ),
        # The title line is the headline itself: its separators are the headline's.
        ("Iraq prepares to end the mission - PM", "Iraq prepares to end the mission - PM", None),
        (
            "Council extends bus lane | Harbour Voice window.dataLayer = []; gtag('js');",
            None,
            "Harbour Voice",
        ),
        ("Council extends bus lane", None, None),
    ],
)
def test_the_site_part_of_a_title(title_line: str, headline: str | None, site: str | None) -> None:
    candidate = title_candidate(title_line, headline)
    assert (candidate.name if candidate else None) == site


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        ("CBS", "CBS News", "part"),
        ("NYP", "New York Post", "abbreviation"),
        ("express.co.uk", "Daily Express", "abbreviation"),
        ("nbcnews.com", "NBC News", "abbreviation"),
        ("The Sun", "sun", "same"),
        ("Forbes", "Harbour Voice", None),
    ],
)
def test_names_of_one_brand(a: str, b: str, relation: str | None) -> None:
    assert brand_relation(a, b) == relation


@pytest.mark.parametrize(
    ("lines", "language", "date"),
    [
        (["AFP , Friday 5 Jan 2024"], "en", dt.date(2024, 1, 5)),
        (["Updated: March 3, 2023 10:15 am ET"], "en", dt.date(2023, 3, 3)),
        (["Publié le 12 février 2021"], "fr", dt.date(2021, 2, 12)),
        (["기사입력 :[ 2018-08-25 15:24 ]"], "ko", dt.date(2018, 8, 25)),
        (["Updated:", "0:00"], "en", None),
        (["Posted November 19th, 2019"], "en", dt.date(2019, 11, 19)),
        (["Publicado el 5 de enero de 2024"], "es", dt.date(2024, 1, 5)),
        (["Stand: 05.01.2024"], "de", dt.date(2024, 1, 5)),
        (["31 Feb 2020"], "en", None),
        # Numeric dates with a number over 12 read one way only (no dateparser needed).
        (["Published 21/06/2014"], "en", dt.date(2014, 6, 21)),
        (["11.14.2019"], "en", dt.date(2019, 11, 14)),
        (["Stand: 25.01.2024"], "de", dt.date(2024, 1, 25)),
        (["Posted 31/02/2014"], "en", None),
        (["Posted 13/11/19"], "en", dt.date(2019, 11, 13)),
        (["Posted 11-19-2019"], "en", dt.date(2019, 11, 19)),
        (["First published on November 19, 2019 / 8:16 AM"], "en", dt.date(2019, 11, 19)),
        (["version 1/2/345"], "en", None),
    ],
)
def test_detect_published_on(lines: list[str], language: str, date: dt.date | None) -> None:
    assert clean.detect_published_on(lines, language) == date


@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("Monday 5:30PM", True),
        ("Yesterday 2:45 PM", True),
        ("Gestern 14:05", True),
        ("Monday", False),
        ("Room 5:30", False),
    ],
)
def test_a_weekday_and_a_time_stamp_a_post(line: str, stamp: bool) -> None:
    assert is_time_stamp(line, "de") is stamp


def test_a_date_stated_in_a_byline_however_long() -> None:
    line = "By Jane Doe On 11/13/19 at 4:00 PM EST for Planet Politics and Planet Business"
    assert stated_date([line], "en") == dt.date(2019, 11, 13)


@pytest.mark.parametrize(
    ("line", "text"),
    [
        (
            "gtag('config', 'UA-1-1'); Bus lane extended - Daily Planet",
            "Bus lane extended - Daily Planet",
        ),
        (
            "var googletag = googletag || {};googletag.cmd = googletag.cmd || []; Bus lane",
            "Bus lane",
        ),
        ('Bus lane | Planet var gs="";function f(){if(x){y()}}', "Bus lane | Planet"),
        ("Bus lane extended", "Bus lane extended"),
    ],
)
def test_inline_script_is_stripped_from_title_lines(line: str, text: str) -> None:
    assert strip_code(line) == text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (PROSE[0], "en"),
        (
            "Quotes delayed at least 15 minutes. Real-time quotes provided by BATS BZX. "
            "Market Data provided by Interactive Data.",
            "en",
        ),
        (
            "Il black Friday incombe su di noi: per chi non lo sapesse il venerdì nero è il "
            "giorno dopo il Ringraziamento.",
            "it",
        ),
        (
            "Le conseil municipal a voté mardi pour prolonger la voie de bus le long de la route, "
            "un projet auquel les habitants s'opposaient depuis plus de deux ans.",
            "fr",
        ),
        (
            "Совет проголосовал во вторник за продление автобусной полосы вдоль реки, против "
            "чего жители выступали более двух лет.",
            "ru",
        ),
        ("시의회는 화요일 강변 도로를 따라 버스 전용 차로를 연장하기로 결정했다.", "ko"),
    ],
)
def test_detect_language(text: str, language: str) -> None:
    assert clean.detect_language([text]) == language


def test_a_stoplist_that_fails_to_load_raises_naming_the_language(monkeypatch) -> None:
    """A language whose stoplist is missing must not silently leave every page English."""
    import justext

    real = justext.get_stoplist

    def get_stoplist(name: str) -> frozenset[str]:
        if name == "German":
            raise ValueError("Stoplist for language 'German' is missing.")
        return real(name)

    monkeypatch.setattr(justext, "get_stoplist", get_stoplist)
    clean_language._stoplist_index.cache_clear()
    try:
        with pytest.raises(StoplistError, match=r"German \(de\).*missing"):
            clean_language._stoplist_index()
    finally:
        clean_language._stoplist_index.cache_clear()


def test_every_configured_language_has_a_stoplist() -> None:
    index = clean_language._stoplist_index()
    assert set(LANGUAGES.values()) == {code for codes in index.values() for code in codes}


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "cannot load"), ("{", "cannot load"), ("[1, 2]", "not a JSON object")],
)
def test_a_data_file_that_fails_to_load_raises_naming_it(
    monkeypatch, tmp_path, content, message
) -> None:
    (tmp_path / "data").mkdir()
    if content is not None:
        (tmp_path / "data" / "broken.json").write_text(content, encoding="utf-8")
    monkeypatch.setattr(clean_data.resources, "files", lambda package: tmp_path)
    with pytest.raises(DataFileError) as caught:
        clean_data.load_json("broken.json")
    assert "pipeline/data/broken.json" in str(caught.value)
    assert message in str(caught.value)


# ---------------------------------------------------------------------------- other inputs


def test_feed_lines_are_all_body_and_metadata_comes_from_fields() -> None:
    text = _page(PROSE[0], "", PROSE[1], "Reuters contributed to this report.")
    doc = _doc(
        text,
        kind="jsonl",
        title="Bus lane",
        outlet="Daily Planet",
        published_on=dt.date(2024, 1, 5),
        byline="By Jane Doe",
    )
    cleaned = clean.clean_document(doc)
    assert [lab.kind for lab in cleaned.labels] == ["body", "other", "body", "body"]
    assert cleaned.metadata.title == "Bus lane"
    assert cleaned.metadata.outlet == "Daily Planet"
    assert cleaned.metadata.byline == "Jane Doe"
    assert cleaned.metadata.published_on == dt.date(2024, 1, 5)
    assert cleaned.metadata.wire_service == "Reuters"


def test_line_start_phrasings_are_anchored_and_capture_nothing() -> None:
    # One alternation of them all tells which matched by an empty group closing each branch,
    # and the regex engine skips a branch by its first character only without groups.
    for name, spec in PATTERNS["line_kinds"].items():
        for entry in spec["patterns"]:
            pattern = entry if isinstance(entry, str) else entry.get("needs") and entry["pattern"]
            if pattern:
                assert pattern.startswith("^"), (name, pattern)
                assert re.compile(pattern).groups == 0, (name, pattern)


FACTORING_PROBES = ["home", "help", "menu", "hom", "a|z", "b)z", "cez", "xz", "sxz", "12z"]


@pytest.mark.parametrize(
    ("pattern", "factored"),
    [
        ("(?:home|help|menu)$", "(?:h(?:ome|elp)|m(?:enu))$"),
        # Escapes, classes and inner groups stay whole; an optional first letter stays apart.
        (r"(?:a\||b[|)]|c(?:d|e)|s?x|\d+)z", r"(?:a(?:\|)|b(?:[|)])|c(?:(?:d|e))|s?x|\d+)z"),
        ("plain text", "plain text"),
    ],
)
def test_leading_alternatives_are_gathered_by_first_character(pattern, factored) -> None:
    assert factor_leading_alternation(pattern) == factored
    for line in FACTORING_PROBES:
        assert bool(re.match(pattern, line)) == bool(re.match(factored, line)), line


def sample_page_lines() -> list[str]:
    raw = Path(__file__).resolve().parent.parent / "raw"
    pages = [path.read_text(encoding="utf-8") for path in sorted(raw.glob("*.txt"))]
    return [ln.strip() for page in pages for ln in page.split("\n") if ln.strip()]


def lowered_lines() -> list[str]:
    """The sample pages' lines and, when present, the boilerplate benchmark's, lower-cased."""
    pages = sorted((SHARED / "bench" / "boilerplate" / "docs").glob("*.txt"))
    lines = sample_page_lines()
    lines += [ln.strip() for path in pages for ln in path.read_text("utf-8").split("\n")]
    return [ln.lower() for ln in lines if ln]


@pytest.mark.parametrize(("name", "flags"), [("barriers", 0), ("comments_start", 0)])
def test_fast_line_start_alternations_match_where_their_patterns_do(name, flags) -> None:
    patterns = PATTERNS[name]
    plain = re.compile("|".join(f"(?:{p})" for p in patterns), flags)
    fast = line_start_alternation(patterns, flags)
    assert fast.groups == 0
    probes = ["12 comments", "[3 replies]", "Leave a comment", "join the discussion now"]
    probes += ["top rated comments (4):", "related articles", "more from us", "about the author"]
    lines = sample_page_lines() + probes
    lines += [ln.lower() for ln in lines]
    assert sum(plain.match(ln) is not None for ln in lines) >= len(probes)
    for line in lines:
        assert (fast.match(line) is None) == (plain.match(line) is None), line


@pytest.mark.parametrize("count", [0, 1, 3, 12, 50])
def test_longest_rows_are_the_sorted_order_of_lengths_cut_short(count) -> None:
    rng = random.Random(count)
    for size in (0, 1, 5, 40, 300):
        lengths = [rng.choice([0, 1, 2, 3, 10, 80, rng.randrange(400)]) for _ in range(size)]
        expected = sorted(range(size), key=lengths.__getitem__, reverse=True)[:count]
        assert _longest_rows(lengths, count) == expected


def _town_sentence(i: int) -> str:
    words = [
        "council",
        "road",
        "school",
        "gates",
        "budget",
        "mayor",
        "traffic",
        "parents",
        "teachers",
        "lorry",
    ]
    first, second, third = words[i % 10], words[(i * 3 + 1) % 10], words[(i * 7 + 2) % 10]
    return (
        f"On day {i} the {first} said the {second} and the {third} would be discussed again"
        " at length next week by everyone who lives in the town."
    )


@pytest.mark.parametrize(
    ("links", "comments_are_body"),
    [(["Comments", "Share", "Print"], False), (["Share", "Print", "Email"], True)],
)
def test_a_comments_heading_in_a_run_of_links_ends_the_body(links, comments_are_body) -> None:
    """Menu-like lines are not read one by one (so are no barriers); a comments heading among
    them still cuts the reader comments below from the article."""
    article = [_town_sentence(i) for i in range(8)]
    comments = [_town_sentence(i) + " I disagree with all of it." for i in range(20, 26)]
    labels = clean.classify_lines([*article, "", *links, "", *comments])
    assert all(label.is_body for label in labels[:8])
    assert [label.is_body for label in labels[-6:]] == [comments_are_body] * 6


def test_capturing_groups_become_non_capturing_unless_referred_to() -> None:
    assert without_captures(r"(a|b) (?:c)(?P<d>e)[(]\(") == r"(?:a|b) (?:c)(?P<d>e)[(]\("
    assert without_captures(r"(a)\1") == r"(a)\1"


def test_every_date_shape_is_found() -> None:
    dates = ["5 January 2024", "January 5, 2024", "2024-01-05", "2024/1/5", "5.1.2024"]
    for date in dates:
        match = date_atom(f"Posted {date}")
        assert match is not None and match.group(0) == date
        assert date_atom(re.sub(r"\d", "", date)) is None
    assert date_atom("\u0665 \u064a\u0646\u0627\u064a\u0631 \u0662\u0660\u0662\u0664")


def test_a_pattern_without_a_closed_leading_group_is_left_as_it_is() -> None:
    assert factor_leading_alternation("(?:unclosed|open") == "(?:unclosed|open"


def test_line_start_branches_left_out_for_lacking_characters_change_no_match() -> None:
    """A line holding none of a far-looking branch's needed characters matches the
    alternation without that branch exactly as it matches the one with every branch."""
    lines = lowered_lines()
    lines += ["home \u203a world \u203a europe", "updated - 2024-01-05 10:30", "a { b: c }"]
    starts = LINE_START_KINDS
    every = re.compile("|".join(f"(?:{b})(?P<b{i}>)" for i, b in enumerate(starts.branches)))
    assert starts.needs, "no branch needs characters: the test has nothing to check"
    for line in lines:
        chosen = starts.regex_for(line)
        found = chosen.match(line) if chosen is not None else None
        expected = every.match(line)
        assert (found and found.lastgroup) == (expected and expected.lastgroup), line


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("home", "navigation"),
        ("world news > europe > france", "navigation"),
        ("published 2024-01-05 10:30", "other"),
        ("home \u203a world \u203a europe", "navigation"),  # a breadcrumb trail
        ("home \u203a world europe", None),  # one separator is no trail
        (".cookie-bar { display: none; }", "script"),
        ("subscribe to our newsletter for updates", "subscription"),
        # Too long for the first kind that matches ("share", 12 words): none of the others.
        ("share " + "word " * 14, None),
        ("we may not be able to reply to every letter", None),
        ("this article may not be reproduced without permission", "publisher_blurb"),
        ("photo: jane doe", "caption"),
        ("the council met on tuesday to discuss the plan", None),
    ],
)
def test_pattern_kind_of_a_lower_cased_line(line: str, kind: str | None) -> None:
    scan = scanner_for(frozenset()).scan(line)
    found = pattern_kind(line, float(scan.words), scan.gates)
    assert (found.kind if found is not None else None) == kind


def _kind_trying_every_phrasing(line: str, words: float) -> str | None:
    """pattern_kind's rule with no index: each kind's line-start phrasings, then each kind's
    gated phrasings whose word or character the line holds, then the captions' of both."""
    tokens = set(re.findall(r"\w+", line))
    kinds = [k for k in KIND_PATTERNS if words <= k.max_words]
    captions = [CAPTION] if words <= CAPTION.max_words else []
    for group in (kinds, captions):
        for kind in group:
            if kind.group.search_plain(line):
                return kind.kind
        for kind in group:
            for gate in kind.group.gated:
                held = not gate.words.isdisjoint(tokens) or any(c in line for c in gate.chars)
                if held and gate.regex.search(line):
                    return kind.kind
    return None


def test_pattern_kind_tries_the_phrasings_as_trying_every_one_would() -> None:
    lines = lowered_lines()
    lines += [
        "<div class=x>",
        "photo: afp",
        "newsletter sign-up: your email",
        "a \u203a b \u203a c",
    ]
    kinds = set()
    for line in lines:
        scan = scanner_for(frozenset()).scan(line)
        found = pattern_kind(line, float(scan.words), scan.gates)
        expected = _kind_trying_every_phrasing(line, float(scan.words))
        assert (found.kind if found is not None else None) == expected, line
        kinds.add(expected)
    assert {"caption", "script", "navigation"} <= kinds


HTML_PAGE = """<html><head><title>Council extends bus lane | Daily Planet</title>
<meta property="og:site_name" content="Daily Planet">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-01-05T10:00:00Z"></head>
<body><nav><a href="/">Home</a><a href="/world">World</a></nav>
<article><h1>Council extends bus lane</h1>
{paragraphs}
</article><footer>© 2024 Daily Planet</footer></body></html>"""


def test_extract_html_outlet_from_title_and_no_date_guessed_from_a_footer() -> None:
    html = HTML_PAGE.format(paragraphs="".join(f"<p>{p}</p>" for p in PROSE))
    html = html.replace('<meta property="og:site_name" content="Daily Planet">', "")
    html = html.replace(
        '<meta property="article:published_time" content="2024-01-05T10:00:00Z">', ""
    )
    _, meta = clean.extract_html(html)
    assert meta.outlet == "Daily Planet"
    assert meta.published_on is None


def test_extract_html_text_and_metadata() -> None:
    html = HTML_PAGE.format(paragraphs="".join(f"<p>{p}</p>" for p in PROSE))
    text, meta = clean.extract_html(html)
    assert PROSE[0] in text.split("\n")
    assert "Home" not in text.split("\n")
    assert meta.title == "Council extends bus lane"
    assert meta.outlet == "Daily Planet"
    assert meta.byline == "Jane Doe"
    assert meta.published_on == dt.date(2024, 1, 5)
    html_doc = _doc(text, kind="html", title=meta.title, outlet=meta.outlet)
    labels = clean.clean_document(html_doc).labels
    assert sum(lab.is_body for lab in labels) >= len(PROSE)


@pytest.mark.parametrize(
    ("head", "url"),
    [
        (
            '<link rel="canonical" href="https://planet.example/news/bus-lane">',
            "https://planet.example/news/bus-lane",
        ),
        (
            '<meta property="og:url" content="https://planet.example/news/bus-lane">',
            "https://planet.example/news/bus-lane",
        ),
        (
            '<link rel="Canonical" href="https://planet.example/a"><meta property="og:url" content="https://planet.example/b">',
            "https://planet.example/a",
        ),
        ('<link rel="canonical" href="/news/bus-lane">', None),
        ("", None),
    ],
)
def test_an_html_page_states_its_url(head: str, url: str | None) -> None:
    html = HTML_PAGE.format(paragraphs="".join(f"<p>{p}</p>" for p in PROSE))
    html = html.replace("</head>", f"{head}</head>")
    assert clean.read_html_page(html).url == url
    doc = read_html("page.html", html, "h")
    assert doc.url == url


@pytest.mark.parametrize(
    ("author", "byline"),
    [
        ("Jane Doe", "Jane Doe"),
        ("Admin", None),
        ("Phil Ray is a reporter for Planet News.", "Phil Ray"),
    ],
)
def test_an_html_author_field_keeps_person_names_only(author: str, byline: str | None) -> None:
    html = HTML_PAGE.format(paragraphs="".join(f"<p>{p}</p>" for p in PROSE))
    html = html.replace('content="Jane Doe"', f'content="{author}"')
    assert clean.read_html_page(html).metadata.byline == byline


def test_an_html_site_name_taken_from_the_title_is_checked_like_a_titles_site_part() -> None:
    html = HTML_PAGE.format(paragraphs="".join(f"<p>{p}</p>" for p in PROSE))
    html = html.replace('<meta property="og:site_name" content="Daily Planet">', "")
    html = html.replace(
        "<title>Council extends bus lane | Daily Planet</title>",
        "<title>Opening Bell 11.18.19 - Daily Planet</title>",
    )
    assert clean.read_html_page(html).metadata.outlet == "Daily Planet"


def test_an_html_page_named_by_its_url_only() -> None:
    html = HTML_PAGE.format(paragraphs="".join(f"<p>{p}</p>" for p in PROSE))
    html = html.replace('<meta property="og:site_name" content="Daily Planet">', "")
    html = html.replace("<title>Council extends bus lane | Daily Planet</title>", "")
    html = html.replace("<footer>© 2024 Daily Planet</footer>", "")
    html = html.replace(
        "</head>", '<link rel="canonical" href="https://www.planet.example/x"></head>'
    )
    assert clean.read_html_page(html).metadata.outlet == "planet.example"


@pytest.mark.parametrize(
    "html", ["", "   ", "<html><body><nav>Home</nav></body></html>", "\x00\x01garbage<<<>>>", "<p>"]
)
def test_extract_html_rejects_pages_without_text(html: str) -> None:
    with pytest.raises(ValueError):
        clean.extract_html(html)


# ---------------------------------------------------------------------------- gold seeds


def _norm(value: object) -> str:
    return " ".join(TOKEN.findall(str(value or "").lower()))


def _seed_results() -> list[tuple[dict, CleanedDocument]]:
    out = []
    for gold_path in sorted(GOLD.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (SEEDS / gold["file"]).read_text(encoding="utf-8")
        out.append((gold, clean.clean_document(_doc(text))))
    return out


@pytest.mark.skipif(not GOLD.exists() or not SEEDS.exists(), reason="../shared/gold not present")
def test_gold_seed_line_classification() -> None:
    ok = total = tp = pred = gold_n = 0
    for gold, cleaned in _seed_results():
        body = set(gold["lines"]["body"])
        for line_no in body | {int(k) for k in gold["lines"]["other"]}:
            is_body = cleaned.labels[line_no - 1].is_body
            ok += is_body == (line_no in body)
            total += 1
            tp += is_body and line_no in body
            pred += is_body
            gold_n += line_no in body
    assert ok / total >= 0.98
    assert tp / pred >= 0.98
    assert tp / gold_n >= 0.98


@pytest.mark.skipif(not GOLD.exists() or not SEEDS.exists(), reason="../shared/gold not present")
def test_gold_seed_metadata() -> None:
    ok = total = 0
    for gold, cleaned in _seed_results():
        for field in ("outlet", "title", "byline", "wire_service", "published_on"):
            want, got = gold.get(field), getattr(cleaned.metadata, field)
            if want is None and got is None:
                continue
            total += 1
            ok += want is not None and got is not None and _norm(want) == _norm(got)
    # Two of the five pages never name their outlet in the text, so 15/17 is the ceiling.
    assert ok / total >= 0.85


# ---------------------------------------------------------------------------- public benchmark

BOILERPLATE = SHARED / "bench" / "boilerplate"


def _load_scorer():  # type: ignore[no-untyped-def]
    import importlib.util

    spec = importlib.util.spec_from_file_location("boilerplate_score", BOILERPLATE / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not BOILERPLATE.exists(), reason="../shared/bench/boilerplate not present")
def test_boilerplate_benchmark_f1_and_no_page_far_below_the_length_rule() -> None:
    scorer = _load_scorer()
    gold = {}
    for line in (BOILERPLATE / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            gold[record["doc_id"]] = record["body"]
    ours, worse = [], []
    for path in sorted((BOILERPLATE / "docs").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        labels = clean.clean_document(_doc(text)).labels
        lines = text.split("\n")
        body = "\n".join(ln.strip() for ln, lab in zip(lines, labels, strict=True) if lab.is_body)
        rule = "\n".join(ln for ln in lines if len(ln.split()) >= 20)
        row = scorer.tp_fp_fn(gold[path.stem], body)
        ours.append(row)
        if (
            scorer.aggregate([row])[0]
            < scorer.aggregate([scorer.tp_fp_fn(gold[path.stem], rule)])[0] - 0.10
        ):
            worse.append(path.stem[:12])
    f1, precision, recall = scorer.aggregate(ours)
    assert f1 >= 0.95, (f1, precision, recall)
    assert worse == []


def test_a_line_reading_is_cached_by_line_and_function_words() -> None:
    """The same line reads differently on pages of different languages, whatever came first."""
    clean.clear_caches()
    line = "the mayor said that the plan would go ahead in the spring"
    english = _line_reading(line, clean.stopwords_for("en"))
    german = _line_reading(line, clean.stopwords_for("de"))
    assert english.stop_share > german.stop_share > 0
    assert _line_reading(line, clean.stopwords_for("en")) == english
    assert _line_reading.cache_info().maxsize == PHRASING_CACHE_LINES
    clean.clear_caches()
    assert _line_reading.cache_info().currsize == 0


def test_cleaning_a_page_does_not_depend_on_the_pages_cleaned_before() -> None:
    pages = [path.read_text("utf-8") for path in sorted((ROOT / "raw").glob("*.txt"))]
    pages += [path.read_text("utf-8") for path in sorted((BOILERPLATE / "docs").glob("*.txt"))[:20]]
    clean.clear_caches()
    in_order = [clean.clean_document(_doc(text)) for text in pages]
    clean.clear_caches()
    backwards = [clean.clean_document(_doc(text)) for text in reversed(pages)][::-1]
    alone = []
    for text in pages:
        clean.clear_caches()
        alone.append(clean.clean_document(_doc(text)))
    assert in_order == backwards == alone


def test_a_credit_printed_over_the_headline_when_a_date_ties_it_to_the_article() -> None:
    text = _page(
        "Council extends bus lane | Planet Magazine",
        "",
        "Business",
        "Culture",
        "Science",
        "",
        "Jane Doe",
        "Ideas",
        "11.14.2019 09:00 AM",
        "",
        "Council extends bus lane",
        "",
        *_body_paragraphs(),
    )
    meta = clean.clean_document(_doc(text)).metadata
    assert (meta.title, meta.byline) == ("Council extends bus lane", "Jane Doe")
    # A name over the headline without a date under it is a menu's or another story's.
    undated = text.replace("11.14.2019 09:00 AM", "Subscribe")
    assert clean.clean_document(_doc(undated)).metadata.byline is None


def test_an_author_bio_under_the_text_names_the_author_when_no_byline_does() -> None:
    bio = "Jane Doe (@janedoe) is a contributing writer at Planet Magazine and covers cities."
    text = _page("Council extends bus lane", "", *_body_paragraphs(), bio, "", "Related stories")
    assert clean.clean_document(_doc(text)).metadata.byline == "Jane Doe"
    for not_a_bio in (
        "Planet Media is a network of leading companies in news and information.",
        "Jane Doe is a professor of urban planning at the university.",
    ):
        text = _page("Council extends bus lane", "", *_body_paragraphs(), not_a_bio)
        assert clean.clean_document(_doc(text)).metadata.byline is None


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("BY JANE DOE AND JOHN ROE", "JANE DOE AND JOHN ROE"),
        ("Story by Jane Doe", "Jane Doe"),
        ("Reporting by Jane Doe; Editing by John Roe", "Jane Doe"),
        ("By Admin", None),
        ("Posted by Staff", None),
        # Titles are no part of a name.
        ("By Dr. Jane Doe and Prof. John Roe", "Jane Doe and John Roe"),
        ("By Miss Saigon", None),
    ],
)
def test_more_credit_forms_keep_person_names_only(line: str, names: str | None) -> None:
    assert clean.parse_byline(line) == names


@pytest.mark.parametrize(
    ("lines", "outlet"),
    [
        # "X is published by Y": X is the publication, Y the company that owns it.
        (
            [
                "Planet is published by The Planet Group, a Holdings Company.",
                "All contents \u00a9 2019 The Planet Group LLC. All rights reserved.",
            ],
            "Planet",
        ),
        (["The Daily Planet is owned by Planet Media Holdings."], "The Daily Planet"),
        (["It is published by Planet Media."], None),
    ],
)
def test_a_blurb_that_names_the_publication_and_its_owner(lines, outlet) -> None:
    assert clean.detect_outlet(lines) == outlet


@pytest.mark.parametrize(
    ("line", "wire"),
    [
        ("Associated Press writers Jane Doe and John Roe contributed to this report.", "AP"),
        ("With AFP", "AFP"),
        ("\u2014 With files from The Associated Press", "AP"),
        ("\u00a9 Agence France-Presse", "AFP"),
        ("With his AFP colleagues", None),
        ("AP Photo/Jane Doe", None),
    ],
)
def test_more_agency_credits(line: str, wire: str | None) -> None:
    assert clean.detect_wire_service([line]) == wire


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("Council extends bus lane | Politics | Planet News", "Council extends bus lane"),
        ("Opinion | Council extends bus lane - The Daily Planet", "Council extends bus lane"),
        ("Council extends bus lane - Planet News", "Council extends bus lane"),
        ("Brexit - what the vote means | UK news | The Planet", "Brexit - what the vote means"),
        # A dash inside the headline, before words that are no site's name.
        ("Sport - Council extends: a bus lane", "Sport - Council extends: a bus lane"),
        ("Planet - Council Extends Its Bus Lane", "Planet - Council Extends Its Bus Lane"),
        ("Council extends bus lane", "Council extends bus lane"),
    ],
)
def test_the_headline_of_a_page_title(title: str, headline: str) -> None:
    assert headline_of_title(title) == headline


@pytest.mark.parametrize(
    ("lines", "date"),
    [
        (["Published: 19:04 EST, 18 November 2019 | Updated: 20:11 EST, 19 November 2019"], 18),
        (["Updated: 20:11 EST, 19 November 2019 | Published: 19:04 EST, 18 November 2019"], 18),
        (["Tue 19 Nov 2019 07.18 GMT", "First published on Mon 18 Nov 2019 22.01 GMT"], 18),
        (["Updated: Nov 20, 2019", "Nov 19, 2019"], 19),
        (["Updated 0339 GMT (1139 HKT) November 19, 2019"], 19),
    ],
)
def test_the_publication_date_over_the_update_date(lines: list[str], date: int) -> None:
    assert stated_date(lines, "en") == dt.date(2019, 11, date)
    assert clean.detect_published_on(lines, "en") == dt.date(2019, 11, date)


def test_a_first_published_line_under_the_headline_dates_the_article() -> None:
    text = _page(
        "Council extends bus lane | UK news | The Planet",
        "",
        "Council extends bus lane",
        "",
        "Jane Doe in London",
        "",
        "Tue 19 Nov 2019 07.18 GMT",
        "",
        "First published on Mon 18 Nov 2019 22.01 GMT",
        "",
        *_body_paragraphs(),
    )
    meta = clean.clean_document(_doc(text)).metadata
    assert (meta.byline, meta.published_on) == ("Jane Doe", dt.date(2019, 11, 18))


def _header_page(*header: str) -> str:
    return _page(
        "Council extends bus lane | Planet News",
        "",
        "Home",
        "News",
        "Sport",
        "",
        "Council extends bus lane",
        *header,
        "",
        *_body_paragraphs(),
    )


@pytest.mark.parametrize(
    ("header", "byline", "day"),
    [
        # The date in the credit line itself, a handle glued to the name.
        (["Jane Doe @janedoe Tuesday 19 November 2019 15:35"], "Jane Doe", 19),
        (["By Jane Doe@janedoe Nov 19, 2019, 10:00am EST"], "Jane Doe", 19),
        # The date over the name, a role under it, all in one block of short lines.
        (["Nov 19, 2019", "Jane Doe", "Planet Staff Writer"], "Jane Doe", 19),
        # A name in capitals next to a date is a credit; English words in capitals are not.
        (["JANE DOE", "19 NOV 2019"], "JANE DOE", 19),
        (["CAR REVIEWS", "19 NOV 2019"], None, 19),
        # A date line of many numbers: "11/19/2019 05:37 pm ET Updated Nov 19, 2019".
        (["By Jane Doe", "11/19/2019 05:37 pm ET Updated Nov 20, 2019"], "Jane Doe", 19),
    ],
)
def test_credits_and_dates_in_the_block_under_the_headline(header, byline, day) -> None:
    meta = clean.clean_document(_doc(_header_page(*header))).metadata
    assert (meta.byline, meta.published_on) == (byline, dt.date(2019, 11, day))


def test_an_agency_credited_before_a_bullet_and_the_date() -> None:
    assert clean.detect_wire_service(["Reuters\u2022November 19, 2019"]) == "Reuters"


def test_a_by_line_under_the_text_credits_the_author_when_none_is_over_it() -> None:
    text = _page(
        "Council extends bus lane | Planet News",
        "",
        "Council extends bus lane",
        "",
        *_body_paragraphs(),
        "By Jane Doe",
        "",
        "By continuing to use this site you agree to our terms.",
    )
    assert clean.clean_document(_doc(text)).metadata.byline == "Jane Doe"


def test_a_by_line_at_the_end_of_the_text_is_no_body_line() -> None:
    text = _page("Council extends bus lane", "", *_body_paragraphs(), "By Jane Doe", "", "Home")
    cleaned = clean.clean_document(_doc(text))
    kinds = {line: lab.kind for line, lab in zip(text.split("\n"), cleaned.labels, strict=True)}
    assert kinds["By Jane Doe"] == "byline"
    assert cleaned.metadata.byline == "Jane Doe"
    by_the_numbers = _page("Council extends bus lane", "", *_body_paragraphs(), "By the numbers")
    kinds = [lab.kind for lab in clean.clean_document(_doc(by_the_numbers)).labels]
    assert "byline" not in kinds


def test_the_copy_on_an_agencys_own_site_is_the_agencys() -> None:
    text = _page(
        "Council extends bus lane - Reuters",
        "",
        "Council extends bus lane",
        "",
        *_body_paragraphs(),
    )
    meta = clean.clean_document(_doc(text)).metadata
    assert (meta.outlet, meta.wire_service) == ("Reuters", "Reuters")
    other = text.replace("- Reuters", "- Planet News")
    assert clean.clean_document(_doc(other)).metadata.wire_service is None


def test_the_whole_headline_beats_a_line_holding_its_start() -> None:
    text = _page(
        "[Harbour Days] Crowds fill the quay for the opening night - Planet News",
        "",
        "[Harbour Days] Crowds fill the quay for the opening night",
        "",
        "March 3, 2019",
        "",
        "[Harbour Days]",
        "",
        *_body_paragraphs(),
    )
    meta = clean.clean_document(_doc(text)).metadata
    assert meta.title == "[Harbour Days] Crowds fill the quay for the opening night"


def test_a_headline_printed_over_a_long_menu_is_found() -> None:
    brands = [f"Brand {chr(65 + i // 26)}{chr(97 + i % 26)}" for i in range(50)]
    text = _page(
        "Council extends river road bus lane - Planet News",
        "",
        "Council extends river road bus lane",
        "",
        "Jane DoeView More Articles",
        "November 20, 2019 12:32",
        *brands,
        "",
        "Mayor opens a library in the old market hall",
        "",
        "January 14, 2019",
        "",
        *_body_paragraphs(),
    )
    meta = clean.clean_document(_doc(text)).metadata
    assert meta.title == "Council extends river road bus lane"
    assert meta.byline == "Jane Doe"
    assert meta.published_on == dt.date(2019, 11, 20)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("21/06/2014 Jane Doe All, Books, Kit Reviews, News", "Jane Doe"),
        ("June 21, 2014 | Jane Doe", "Jane Doe"),
        ("Nov 18, 2019 Jane Doe, Politics", "Jane Doe"),
        # A heading after a date is no credit.
        ("November 19, 2019 Kentucky Governor Race Results", None),
        ("Nov 19, 2019 Science & Astronomy", None),
        ("November 12, 2018 Breaking News", None),
    ],
)
def test_a_name_right_after_the_date_of_a_credit_line(line: str, names: str | None) -> None:
    assert credit_names([line], clean_language.stopwords_for("en")) == names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Jane DoeView More Articles", "Jane Doe"),
        ("By Jane DoeSee all stories", "Jane Doe"),
        ("Ronald McDonald", "Ronald McDonald"),
    ],
)
def test_a_link_glued_to_a_bylines_name_is_cut_off(line: str, names: str) -> None:
    assert credit_names([line]) == names


def test_the_outlet_credited_in_the_date_line_is_the_byline() -> None:
    meta = clean.clean_document(
        _doc(_header_page("Updated on: November 19, 2019 / 10:07 AM / Planet News"))
    ).metadata
    assert (meta.outlet, meta.byline) == ("Planet News", "Planet News")
    meta = clean.clean_document(_doc(_header_page("November 19, 2019 / 10:07 AM"))).metadata
    assert meta.byline is None


@pytest.mark.parametrize(
    ("line", "dated", "names"),
    [
        ("Jane Doe, The Planet Herald", True, "Jane Doe"),
        ("Jane Doe | Planet News", True, "Jane Doe"),
        ("Jane Doe - Planet News", True, "Jane Doe"),
        # Without a date by it a bare line may be a caption or a heading.
        ("Jane Doe, The Planet Herald", False, None),
        ("Donald Trump, White House official said", True, None),
    ],
)
def test_a_bare_byline_may_end_in_the_authors_outlet(
    line: str, dated: bool, names: str | None
) -> None:
    stopwords = clean_language.stopwords_for("en")
    assert credit_names([line], stopwords, dated=dated) == names


@pytest.mark.parametrize(
    ("title_line", "site"),
    [
        ("Mayor Says Something Unexpected \u2013 It Might Surprise You.", None),
        ("Council extends bus lane - Is This The End?", None),
        ("Council extends bus lane - Planet Media Inc.", "Planet Media"),
        ("Council extends bus lane - Planet News", "Planet News"),
    ],
)
def test_a_title_part_ending_like_a_sentence_names_no_site(
    title_line: str, site: str | None
) -> None:
    found = title_candidate(title_line, None)
    assert (found.name if found else None) == site


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("\u00a9 planet-news.com, 2008", "planet-news.com"),
        ("Copyright \u00a9 2019 planetnews.co.uk", "planetnews.co.uk"),
        ("\u00a9 2019 by our readers", None),
    ],
)
def test_a_copyright_holder_written_as_a_lower_case_domain(line: str, outlet: str | None) -> None:
    assert clean.detect_outlet(["Council extends bus lane", "", line]) == outlet


@pytest.mark.parametrize(
    ("line", "outlet", "byline"),
    [
        ("London, Planet News Bureau | Updated: 19 November 2019", "Planet News", "Planet News"),
        ("By Planet News Staff", "Planet News", "Planet News"),
        ("November 19, 2019 | Planet Newsroom", "Planet News", None),
    ],
)
def test_an_outlets_newsroom_credited_in_the_header(line, outlet, byline) -> None:
    assert clean.metadata.outlet_credit([line], outlet) == byline


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("by European Space Agency", "European Space Agency"),
        ("By the numbers", None),
        ("By continuing to use this site", None),
        ("By Jane Doe", None),
    ],
)
def test_an_organisation_credited_as_the_author(line: str, credit: str | None) -> None:
    assert clean.metadata.organisation_credit(line) == credit


def test_an_organisation_credited_under_the_headline_is_the_byline() -> None:
    meta = clean.clean_document(
        _doc(_header_page("November 19, 2019", "by Planet Space Agency"))
    ).metadata
    assert meta.byline == "Planet Space Agency"


@pytest.mark.parametrize(
    ("line", "dated", "names"),
    [
        # The place after a bare name ("Jane Doe New York @janedoe") is no part of it.
        ("Jane Doe New York @janedoe", False, "Jane Doe"),
        ("Jane Doe Beijing", False, "Jane Doe"),
        ("By Mary Washington", False, "Mary Washington"),
        # "for" the outlet, when a date by the line shows it is a credit.
        ("Jane Doe for Planet News", True, "Jane Doe"),
        ("Jane Doe for Planet News", False, None),
    ],
)
def test_places_and_outlets_after_a_bylines_names(line: str, dated: bool, names) -> None:
    stopwords = clean_language.stopwords_for("en")
    assert credit_names([line], stopwords, dated=dated) == names


def test_a_masthead_spelling_out_the_titles_acronym_names_the_outlet() -> None:
    head = "Council extends river road bus lane"
    spelt = [f"{head} - DPJ", "", head, "", "x", "", "The Daily Planet Journal", "English Edition"]
    assert clean.detect_outlet(spelt, title_line=spelt[0], headline=head) == (
        "The Daily Planet Journal"
    )
    # A copyright notice that spells it out is the company, not the masthead.
    noted = [f"{head} - DPN", "", head, "", "x", "", "© 2019 Daily Planet Network."]
    assert clean.detect_outlet(noted, title_line=noted[0], headline=head) == "DPN"


def test_a_dated_credit_may_name_the_authors_outlet_and_its_bureau() -> None:
    assert credit_names(["Jane Doe, Planet News, Beijing"], dated=True) == "Jane Doe"
    assert credit_names(["Jane Doe, Planet News, Bogus Words"], dated=True) is None


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        # The holder's name before the mark, or after a separator or "by".
        ("Harbour Voice © 2019. All rights reserved.", "Harbour Voice"),
        ("Harbour Voice · © 2013\u20132019", "Harbour Voice"),
        ("© Copyright 2019 - Harbour Voice", "Harbour Voice"),
        ("© 2019 - The Harbour Voice - All rights reserved", "The Harbour Voice"),
        ("Copyright: © 2019 Harbour Voice. Terms of Use", "Harbour Voice"),
        ("Copyright (c) 2019 by The Harbour Voice. All Rights Reserved.", "The Harbour Voice"),
        # A company suffix in dots is the company's, and "www." no part of a domain.
        ("©2019 Harbour Voice L.P. All Rights Reserved", "Harbour Voice"),
        ("Copyright © 2019 www.harbourvoice.com", "harbourvoice.com"),
        # The site's maker is no holder.
        ("Copyright © 2002-2019 - Designed by Coast Digital Media", None),
        ("Copyright © 2019 · Powered by WordPress", None),
    ],
)
def test_copyright_notices_written_in_other_orders(line: str, outlet: str | None) -> None:
    assert clean.detect_outlet(["Council extends bus lane", "", line]) == outlet


def test_a_footer_of_the_sites_name_and_years_names_the_outlet() -> None:
    # The copyright mark lost, the years glued: "Harbour Voice · 20132019 A motto".
    assert clean.detect_outlet(["Council extends bus lane", "", "Harbour Voice · 20132019"]) == (
        "Harbour Voice"
    )
    # A date after the dot is no span of years.
    dated = ["Council extends bus lane", "", "Harbour Voice · 2019.11.19"]
    assert clean.detect_outlet(dated) is None


def test_a_title_part_without_letters_names_no_site() -> None:
    title = "Council extends bus lane | News | HVN | 19.11.2019"
    found = title_candidate(title, "Council extends bus lane")
    assert found is not None and found.name == "HVN"


def test_a_company_that_owns_the_brand_loses_ties_to_the_brand() -> None:
    lines = [
        "Council extends bus lane",
        "",
        "Harbour Voice Editorial Staff",
        "",
        "© 2019 by Coast Publishing, Inc., a Coast Media company",
    ]
    assert clean.detect_outlet(lines) == "Harbour Voice"


@pytest.mark.parametrize(
    ("lines", "outlet"),
    [
        # A company's name alone on a line (an address block): its brand, lower case or not.
        (["planetwrap GmbH", "Harbour Street 12", "Frankfurt"], "planetwrap"),
        (["Harbour Voice Media, Inc."], "Harbour Voice"),
        (["The staff of Harbour Voice Ltd said so"], None),
    ],
)
def test_a_companys_name_alone_on_a_line_names_its_brand(lines, outlet) -> None:
    assert clean.detect_outlet(["Council extends bus lane", "", *lines]) == outlet


@pytest.mark.parametrize(
    ("lines", "outlet"),
    [
        # An address or a bare link to one of the site's pages gives its domain.
        (["E-Mail: desk@harbourvoice.com"], "harbourvoice.com"),
        (["harbourvoice.co.uk/a?a=474349633"], "harbourvoice.co.uk"),
        (["https://news.harbourvoice.com/story/council-extends-bus-lane"], "harbourvoice.com"),
        # Webmail, social networks and link shorteners are many sites'; a bare domain in a
        # list is a link to another site.
        (["Tips: harbourvoice@gmail.com", "https://twitter.com/harbourvoice/status/1"], None),
        (["cbs.com", "metacritic.com"], None),
        # A domain vouches for the brand it spells, and no line holding the brand is a logo.
        (
            ["© 2019 Harbour Voice", "Contact Harbour Voice", "desk@harbourvoice.com"],
            "Harbour Voice",
        ),
    ],
)
def test_domains_of_addresses_and_links_outside_the_text(lines, outlet) -> None:
    assert clean.detect_outlet(["Council extends bus lane", "", *lines]) == outlet


@pytest.mark.parametrize(
    ("line", "names"),
    [
        # The prefix, a date or a link glued to the name.
        ("ByJane Doe", "Jane Doe"),
        ("By Jane DoeNovember 19, 2019", "Jane Doe"),
        ("By Jane DoeUpdated November 19, 2019", "Jane Doe"),
        ("Jane Doe19 November 2019", "Jane Doe"),
        ("Jane Doe2 hours ago", "Jane Doe"),
        ("By Jane Doe Last updated: 19 Nov 2019", "Jane Doe"),
        # Inner capitals and digits of names stay.
        ("By Ronald McDonald", "Ronald McDonald"),
        ("By Byron Smith", "Byron Smith"),
    ],
)
def test_a_byline_with_a_prefix_or_a_date_glued_to_the_name(line: str, names: str) -> None:
    assert credit_names([line], clean_language.stopwords_for("en")) == names


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("By Jane DoeNovember 19, 2019", dt.date(2019, 11, 19)),
        ("Jane Doe19 November 2019", dt.date(2019, 11, 19)),
        ("Jane Doe11/13/19", dt.date(2019, 11, 13)),
        ("iPhone11 launched", None),
    ],
)
def test_a_date_glued_to_the_word_before_it(line: str, day: dt.date | None) -> None:
    assert stated_date([line], "en") == day


def test_an_agency_after_several_names_is_the_wire() -> None:
    assert clean.detect_wire_service(["By Jane Doe and John Roe, Reuters"]) == "Reuters"
    assert clean.detect_wire_service(["Jane Doe, John Roe and Ann Poe | Reuters"]) == "Reuters"
    assert clean.detect_wire_service(["Jane Doe and Reuters"]) is None


def test_bare_names_under_the_headline_that_the_story_tells_of_are_captions() -> None:
    text = _page(
        "State swim results",
        "",
        "State swim results",
        "",
        "Jane Doe 100 backstroke",
        "",
        "John Roe North Diving",
        "",
        "Ann Poe Trinity",
        "",
        "Posted: Fri 6:45 PM, Feb 16, 2018",
        "",
        "Trinity Academy junior Ann Poe added to her collection of state titles on Friday, "
        "winning the 200 yard individual medley at the state championship.",
        "",
        "North's John Roe took home first in diving for the Redskins, and Jane Doe won the "
        "100 yard backstroke ahead of the defending champion.",
        "",
        *_body_paragraphs(),
    )
    meta = clean.clean_document(_doc(text)).metadata
    assert meta.byline is None
    assert meta.published_on == dt.date(2018, 2, 16)
    # A bare name the story does not tell of is the author's.
    credited = text.replace("John Roe North Diving", "Mary Major")
    assert clean.clean_document(_doc(credited)).metadata.byline == "Mary Major"


def test_a_headline_that_retells_the_title_beats_a_menu_link_with_its_start() -> None:
    text = _page(
        "River road bus lane (phase two) - council extends it by 10 km. Reviews",
        "",
        "Bus lanes",
        "River road bus lane",
        "Harbour bus lane",
        "Park bus lane",
        "",
        "River road bus lane - council extends it by 10 kilometres",
        "",
        *_body_paragraphs(),
    )
    meta = clean.clean_document(_doc(text)).metadata
    assert meta.title == "River road bus lane - council extends it by 10 kilometres"


def test_a_blogs_account_credited_in_the_date_line_names_the_site() -> None:
    text = _page(
        "Council extends bus lane",
        "",
        "Home",
        "About",
        "Contact",
        "",
        "Council extends bus lane",
        "",
        "HarbourVoice October 06, 2018",
        "",
        *_body_paragraphs(),
    )
    meta = clean.clean_document(_doc(text)).metadata
    assert (meta.outlet, meta.byline) == ("HarbourVoice", None)
    assert meta.published_on == dt.date(2018, 10, 6)


@pytest.mark.parametrize(
    ("line", "account"),
    [
        ("HarbourVoice October 06, 2018", "HarbourVoice"),
        ("By 9to5Harbour | Nov 19, 2019", "9to5Harbour"),
        # A name's prefix, a lower-case handle or a plain word is no brand.
        ("By McDonald | Nov 19, 2019", None),
        ("jdadmin October 1, 2018", None),
        ("By Admin", None),
        ("Jane Doe October 06, 2018", None),
        # A newsroom's name in a part of the date line.
        ("Updated on: November 19, 2019 / 10:07 AM / Harbour News", "Harbour News"),
        ("November 19, 2019 / Jane Doe", None),
    ],
)
def test_the_brand_a_header_credits_as_its_author(line: str, account: str | None) -> None:
    assert clean.metadata.account_credit([line]) == account


@pytest.mark.parametrize(
    ("title_line", "notice", "outlet"),
    [
        # The site's address in its copyright notice does not spell the title's part: that
        # part is a section of the site.
        (
            "Council extends bus lane - Car News",
            "© 2019 HarbourVoice.com, Inc.",
            "HarbourVoice.com",
        ),
        # It spells it: the title's part is the site's proper name.
        ("Council extends bus lane - Harbour Voice", "© harbourvoice.com", "Harbour Voice"),
        (
            "Council extends bus lane | Harbour Voice Online",
            "© harbourvoice.co.uk",
            "Harbour Voice",
        ),
        # A company's name is no address: an owner's notice leaves the title's part alone.
        ("Council extends bus lane - Harbour Voice", "© 2019 Coast Media, Inc.", "Harbour Voice"),
    ],
)
def test_a_title_part_the_sites_address_does_not_spell_is_a_section(
    title_line: str, notice: str, outlet: str
) -> None:
    lines = [title_line, "", "Council extends bus lane", "", notice]
    assert clean.detect_outlet(lines, title_line, "Council extends bus lane") == outlet


def test_a_domain_spells_a_run_of_a_names_words() -> None:
    assert brand_relation("dailyplanet.co.uk", "Daily Planet Online") == "abbreviation"
    assert brand_relation("planet.co.uk", "Daily Planet") == "abbreviation"
    assert brand_relation("carplanet.com", "Daily Planet") is None


@pytest.mark.parametrize(
    ("line", "name"),
    [
        (
            "\uc815\ub355\ud604 \uce7c\ub7fc\ub2c8\uc2a4\ud2b8 desk@planet.co.kr",
            "\uc815\ub355\ud604",
        ),
        ("[\uc11c\uc6b8=\ud589\uc131] \ud64d\uae38\ub3d9 \uae30\uc790 =", "\ud64d\uae38\ub3d9"),
        ("\uae40\ucca0\uc218\uae30\uc790 kim@planet.co.kr", "\uae40\ucca0\uc218"),
        ("\u8bb0\u8005 \u5f20\u4e09", "\u5f20\u4e09"),
        # The role word inside a sentence ("to the reporters") is no credit.
        ("\uc815\ubd80\ub294 \uae30\uc790\ub4e4\uc5d0\uac8c \ub9d0\ud588\ub2e4", None),
    ],
)
def test_a_credit_by_a_role_word_in_a_script_without_capitals(line: str, name) -> None:
    assert clean.metadata.role_credit([line]) == name


def test_a_role_credit_under_the_text_is_the_byline() -> None:
    korean_prose = [
        "\uc2dc\uc758\ud68c\ub294 \ud654\uc694\uc77c \uac15\ubcc0 \ub3c4\ub85c\uc758 \ubc84\uc2a4 "
        "\uc804\uc6a9\ucc28\ub85c\ub97c \uc5f0\uc7a5\ud558\uae30\ub85c \uc758\uacb0\ud588\ub2e4. "
        * 3
    ] * 4
    text = _page(
        "\ubc84\uc2a4 \uc804\uc6a9\ucc28\ub85c \uc5f0\uc7a5 - Planet",
        "",
        "\ubc84\uc2a4 \uc804\uc6a9\ucc28\ub85c \uc5f0\uc7a5",
        "",
        *[p for para in korean_prose for p in (para, "")],
        "\ud64d\uae38\ub3d9 \uae30\uc790 hong@planet.co.kr",
        "",
        "Copyright \u24d2 Planet.co.kr",
    )
    meta = clean.clean_document(_doc(text)).metadata
    assert meta.byline == "\ud64d\uae38\ub3d9"


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        # A holder's name of common words ("The New York Times Company") is still a name.
        ("© 2019 The Harbour City Times Company", "The Harbour City Times"),
        ("© 2019 The Times", "The Times"),
        # A notice after the page's sentences on the same line.
        (
            "This material may not be published or rewritten. ©2019 Harbour Voice Network, "
            "LLC. All rights reserved.",
            "Harbour Voice",
        ),
        # Common words alone are no holder.
        ("© 2019 All", None),
    ],
)
def test_copyright_holders_of_common_words_and_after_sentences(line: str, outlet) -> None:
    assert clean.detect_outlet(["Council extends bus lane", "", line]) == outlet


def test_an_owners_notices_count_once_however_many() -> None:
    lines = [
        "Council extends bus lane",
        "",
        "By Harbour Voice Staff",
        "desk@harbourvoice.com",
        "© 2019 Coast Communications, Inc.",
        "Coast Newspapers © Copyright Coast Communications, Inc.",
        "© Coast Communications Inc. 2019",
    ]
    assert clean.detect_outlet(lines) == "Harbour Voice"


def _post_page(*header: str) -> str:
    return _page(
        "Council extends river road bus lane - The Harbour Post",
        "",
        "Home",
        "News",
        "Sport",
        "",
        "Council extends river road bus lane",
        "",
        *header,
        "",
        *_body_paragraphs(),
    )


@pytest.mark.parametrize(
    ("header", "byline"),
    [
        # A lone "By" over names that lines of joiners link.
        (("By", "Jane Doe", "and", "John Roe", "", "November 19, 2019"), "Jane Doe and John Roe"),
        (
            ("By", "Jane Doe", ",", "John Roe", ", and", "Ann Poe", "", "November 19, 2019"),
            "Jane Doe, John Roe and Ann Poe",
        ),
        # A handle, "Follow" or a role between the name and its date.
        (("Jane Doe", "@janedoe", "Tuesday 19 November 2019 10:47"), "Jane Doe"),
        (("Jane Doe", "Follow", "Nov 19, 2019 · 5 min read"), "Jane Doe"),
        (("Jane Doe", "Contributor", "November 19, 2019"), "Jane Doe"),
        # An address after the name is no part of it.
        (("Jane Doe jane.doe@harbourpost.com", "November 19, 2019"), "Jane Doe"),
        # The outlet's staff credited: the outlet, as the page names it.
        (("By Harbour Post Staff", "November 19, 2019"), "The Harbour Post"),
    ],
)
def test_credits_over_several_lines_under_the_headline(header, byline: str) -> None:
    meta = clean.clean_document(_doc(_post_page(*header))).metadata
    assert (meta.byline, meta.published_on) == (byline, dt.date(2019, 11, 19))


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        # A site's links to its own pages and accounts name it.
        ("About Harbour Voice", "Harbour Voice"),
        ("Follow Harbour Voice on Facebook and Twitter", "Harbour Voice"),
        ("Welcome to The Harbour Voice!", "The Harbour Voice"),
        # Not the author's page, ours or a menu's.
        ("About Jane Doe", None),
        ("Follow Jane Doe on Twitter", None),
        ("About Us", None),
        ("About Our Ads", None),
        ("Follow by Email", None),
        ("About Advertising", None),
        ("Follow Politics", None),
    ],
)
def test_a_sites_links_to_its_own_pages_name_it(line: str, outlet: str | None) -> None:
    assert clean.detect_outlet(["Council extends bus lane", "", line]) == outlet


@pytest.mark.parametrize(
    ("title_line", "site"),
    [
        # A section's name is no site's: the site is the part that is a name.
        ("Council extends bus lane | Opinion", None),
        ("Council extends bus lane - Latest News", None),
        ("Council extends bus lane | Harbour Voice | World", "Harbour Voice"),
        # A site's name may be made of common words.
        ("Council extends bus lane - The Times", "The Times"),
        ("Council extends bus lane - Sky News", "Sky News"),
    ],
)
def test_a_sections_name_in_the_title_names_no_site(title_line: str, site: str | None) -> None:
    found = title_candidate(title_line, "Council extends bus lane")
    assert (found.name if found else None) == site


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Posted at 11:56 am by Jane Doe", "Jane Doe"),
        ("On 11:56 am In News by Jane Doe", "Jane Doe"),
        ("Updated 10:30 GMT by Jane Doe and John Roe", "Jane Doe and John Roe"),
        ("Trains at 10.30 by the river", None),
    ],
)
def test_a_clock_time_stamps_a_credit_as_a_date_does(line: str, names: str | None) -> None:
    assert credit_names([line]) == names


def test_the_line_under_the_story_that_tells_how_to_reach_its_author() -> None:
    text = _page(
        "Council extends river road bus lane - The Harbour Post",
        "",
        "Council extends river road bus lane",
        "",
        *_body_paragraphs(),
        "Contact Jane Doe at 555-0100 or jdoe@harbourpost.com.",
    )
    assert clean.clean_document(_doc(text)).metadata.byline == "Jane Doe"
    assert clean.metadata.bio_author(["Contact the council at 555-0100"]) is None


def test_a_photo_credit_names_no_wire() -> None:
    # "Photographer/Agency" credits the picture, not the copy.
    assert clean.detect_wire_service(["Jane Doe/AP"]) is None
    assert clean.detect_wire_service(["Jane Doe/Reuters"]) is None
    assert clean.detect_wire_service(["By Jane Doe / Reuters"]) == "Reuters"


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        # A company's brand is never a common word alone: the company is named in full.
        ("© 2019 Breaking Media Inc.", "Breaking Media"),
        ("News Corp", "News Corp"),
        ("© 2019 Harbour Voice Media Inc.", "Harbour Voice"),
        # Joining words left at the end of a brand ("& Company") are no part of it.
        ("Copyright ©2019 Harbour Jones & Company, Inc. All Rights Reserved.", "Harbour Jones"),
    ],
)
def test_a_companys_brand_is_no_common_word_alone(line: str, outlet: str | None) -> None:
    assert clean.detect_outlet(["Council extends bus lane", "", line]) == outlet


@pytest.mark.parametrize(
    ("header", "byline"),
    [
        (["Jane Doe", "John Roe", "November 19, 2019"], "Jane Doe and John Roe"),
        (["By Jane Doe", "John Roe", "November 19, 2019"], "Jane Doe and John Roe"),
        # With no date under it, a name under the credit may be a related story's.
        (["By Jane Doe", "John Roe", ""], "Jane Doe"),
    ],
)
def test_bare_names_one_a_line_over_the_date_are_all_credited(header, byline) -> None:
    story = (
        "The council voted on Tuesday to extend the bus lane along the river road, a change "
        "that officials said would cut journey times for thousands of commuters each day."
    )
    text = _page(
        "Council extends river road bus lane",
        "",
        *header,
        "",
        story,
        "",
        story.replace("council", "board"),
    )
    doc = clean.clean_document(_doc(text))
    assert doc.metadata.byline == byline


@pytest.mark.parametrize(
    ("lines", "outlet"),
    [
        # The title adds words to the brand that the rest of the page names alone.
        (["© 2019 Harbour Voice", "Follow Harbour Voice"], "Harbour Voice"),
        # An owner's company name alone ("Harbour Interactive Inc.") does not shorten it,
        # nor a link named less often than the title's name ("About Harbour": the group).
        (["© 2019 Harbour Interactive Inc."], "Harbour Voice Today"),
        (["About Harbour"], "Harbour Voice Today"),
    ],
)
def test_a_brands_common_name_is_the_one_its_evidence_shares(lines, outlet) -> None:
    title = "Council extends bus lane | Harbour Voice Today"
    page = [title, "", "Council extends bus lane", "", *lines]
    assert clean.detect_outlet(page, page[0], "Council extends bus lane") == outlet


@pytest.mark.parametrize(
    ("site", "outlet"),
    [
        # A brand's web edition ("... Online") is the brand; a one-word brand keeps the word.
        ("Harbour Voice Online", "Harbour Voice"),
        ("Harbour Online", "Harbour Online"),
    ],
)
def test_a_web_editions_word_after_a_brand_is_no_part_of_it(site: str, outlet: str) -> None:
    page = [f"Council extends bus lane | {site}", "", "Council extends bus lane"]
    assert clean.detect_outlet(page, page[0], "Council extends bus lane") == outlet


@pytest.mark.parametrize(
    ("site", "outlet"),
    [
        # A company's legal form after the title's site name is no part of the brand.
        ("Harbour Voice, LLC", "Harbour Voice"),
        ("Harbour Voice Inc.", "Harbour Voice"),
        ("Harbour Voice", "Harbour Voice"),
    ],
)
def test_a_legal_form_after_the_titles_site_name_is_dropped(site: str, outlet: str) -> None:
    page = [f"Council extends bus lane | {site}", "", "Council extends bus lane"]
    assert clean.detect_outlet(page, page[0], "Council extends bus lane") == outlet


def test_a_publisher_named_once_beats_its_owner_named_in_several_notices() -> None:
    # However many lines name the owner company, a page that names its own publication
    # once (with nothing else to weigh) is that publication's.
    lines = [
        "Council extends bus lane",
        "",
        "Coast Media, a Gulf Corp company",
        "© 2019 Coast Media Inc.",
        "Subscribe to Harbour Voice",
    ]
    assert clean.detect_outlet(lines) == "Harbour Voice"
