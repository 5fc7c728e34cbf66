"""Claims: quotations, reported speech, speakers, dates, grouping across outlets, and the view."""

import datetime as dt
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import duckdb
import pytest

from pipeline.ids import stable_id
from pipeline.stages.claims import (
    StatementRow,
    extract_claims,
    find_quotes,
    group_statements,
    lexicon,
)
from pipeline.stages.claims.phrases import valid_speaker
from pipeline.stages.claims.speakers import speaker_after, speaker_before
from pipeline.stages.dates import extract_dates
from schemas import ActorMention, ArticleText
from tests.conftest import GOLD_DIR, ROOT, gold_articles, requires_shared

# Actors of the hand-written articles: surface string -> (name, type, role).
ACTORS = {
    "Mohammed Shia al-Sudani": ("Mohammed Shia al-Sudani", "person", "Prime Minister of Iraq"),
    "Sudani": ("Mohammed Shia al-Sudani", "person", None),
    "Pat Ryder": ("Pat Ryder", "person", "Pentagon spokesman"),
    "Ryder": ("Pat Ryder", "person", None),
    "Yehia Rasool": ("Yehia Rasool", "person", None),
    "Pentagon": ("United States Department of Defense", "government_body", None),
    "Reuters": ("Reuters", "organization", None),
    "Iraq": ("Iraq", "country", None),
    "Baghdad": ("Baghdad", "location", None),
    "U.S.": ("United States", "country", None),
    "United States": ("United States", "country", None),
    "Sara Lind": ("Sara Lind", "person", "Interior Minister"),
    "Lind": ("Sara Lind", "person", None),
    "Anna Kowalski": ("Anna Kowalski", "person", None),
    "Xinhua News Agency": ("Xinhua News Agency", "organization", None),
    "China": ("China", "country", None),
    "Tom Berg": ("Tom Berg", "person", None),
    "Inner Mongolia": ("Inner Mongolia", "location", None),
    "Texas": ("Texas", "location", None),
    "Texas Department of Health": ("Texas Department of Health", "government_body", None),
    "Jane Roe": ("Jane Roe", "person", None),
    "Harvard University": ("Harvard University", "organization", None),
    "Mary Susan": ("Mary Susan", "person", None),
    "Weibo": ("Weibo", "other", None),
    "Ruth Ginsburg": ("Ruth Ginsburg", "person", None),
    "Ginsburg": ("Ruth Ginsburg", "person", None),
    "Donald Trump": ("Donald Trump", "person", None),
    "Paris": ("Paris", "location", None),
    "Office of the Inspector General": ("Office of the Inspector General", "government_body", None),
}


def actor_id(name: str) -> str:
    return stable_id("actor", name)


def article_of(paragraphs: list[str], published_on: dt.date | None = None) -> ArticleText:
    """Paragraphs separated by blank lines, all of them body."""
    lines: list[str] = []
    for paragraph in paragraphs:
        lines.extend([paragraph, ""])
    body = [n for n, line in enumerate(lines, start=1) if line.strip()]
    return ArticleText(article_id="art", lines=lines, body_line_nos=body, published_on=published_on)


def mentions_of(article: ArticleText) -> list[ActorMention]:
    found = []
    for line_no, line in article.body_lines():
        taken: list[tuple[int, int]] = []
        for surface in sorted(ACTORS, key=len, reverse=True):
            name, kind, role = ACTORS[surface]
            for match in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", line):
                if any(a < match.end() and match.start() < b for a, b in taken):
                    continue
                taken.append((match.start(), match.end()))
                found.append(
                    ActorMention(
                        article_id=article.article_id,
                        line_no=line_no,
                        start=match.start(),
                        end=match.end(),
                        text=surface,
                        actor_id=actor_id(name),
                        actor_key=name,
                        name=name,
                        type=kind,
                        role=role,
                    )
                )
    return found


def claims_of(paragraphs: list[str], published_on: dt.date | None = None):
    article = article_of(paragraphs, published_on)
    return article, extract_claims(article, mentions_of(article), extract_dates(article))


QUOTE_CASES = [
    ("\u201cWe stress our position,\u201d Sudani said.", ["We stress our position,"]),
    ('"We stress," he said. "We affirm."', ["We stress,", "We affirm."]),
    (
        "''That wasn't a good way to treat me,'' he complained.",
        ["That wasn't a good way to treat me,"],
    ),
    ("'We condemn the attacks,' the minister said.", ["We condemn the attacks,"]),
    (
        "\u201cHe called it \u2018a blatant attack\u2019 today,\u201d she said.",
        ["He called it \u2018a blatant attack\u2019 today,"],
    ),
    ("Iraq\u2019s prime minister said it was the army\u2019s job.", []),
    ("\u201cWe condemn the attacks on our forces.", ["We condemn the attacks on our forces."]),
]


@pytest.mark.parametrize(("line", "expected"), QUOTE_CASES)
def test_find_quotes(line: str, expected: list[str]) -> None:
    assert [line[q.start : q.end] for q in find_quotes(line)] == expected


# (paragraph, expected [(text, speaker_text, speaker name or None, cue, is_direct)])
CLAIM_CASES = [
    (
        "\u201cWe stress our firm position in ending the coalition,\u201d Sudani said.",
        [
            (
                "We stress our firm position in ending the coalition",
                "Sudani",
                "Mohammed Shia al-Sudani",
                "said",
                True,
            )
        ],
    ),
    (
        "Prime Minister Mohammed Shia al-Sudani said: \u201cWe are setting the date.\u201d",
        [
            (
                "We are setting the date",
                "Prime Minister Mohammed Shia al-Sudani",
                "Mohammed Shia al-Sudani",
                "said",
                True,
            )
        ],
    ),
    (
        "The committee would include representatives of the military coalition, "
        "a government official said.",
        [
            (
                "The committee would include representatives of the military coalition",
                "a government official",
                None,
                "said",
                False,
            )
        ],
    ),
    (
        "The Pentagon said that the commander was involved in planning attacks.",
        [
            (
                "the commander was involved in planning attacks",
                "The Pentagon",
                "United States Department of Defense",
                "said",
                False,
            )
        ],
    ),
    (
        "According to the Pentagon, the strike was an act of self-defense.",
        [
            (
                "the strike was an act of self-defense",
                "the Pentagon",
                "United States Department of Defense",
                "According to",
                False,
            )
        ],
    ),
    (
        "The strike was an act of self-defense, according to Pat Ryder.",
        [
            (
                "The strike was an act of self-defense",
                "Pat Ryder",
                "Pat Ryder",
                "according to",
                False,
            )
        ],
    ),
    (
        "U.S. officials told Reuters the response had been delayed for months.",
        [
            (
                "the response had been delayed for months",
                "U.S. officials",
                None,
                "told Reuters",
                False,
            )
        ],
    ),
    (
        "Yehia Rasool, a military spokesman, described the strike as a "
        "\u201cblatant attack\u201d on Iraq.",
        [
            (
                "the strike as a \u201cblatant attack\u201d on Iraq",
                "Yehia Rasool, a military spokesman",
                "Yehia Rasool",
                "described",
                False,
            )
        ],
    ),
    (
        "\u201cWe will stay focused on the mission,\u201d said Pat Ryder.",
        [("We will stay focused on the mission", "Pat Ryder", "Pat Ryder", "said", True)],
    ),
    (
        "Sudani was quoted as saying in the statement: \u201cThe justifications have ended.\u201d",
        [
            (
                "The justifications have ended",
                "Sudani",
                "Mohammed Shia al-Sudani",
                "was quoted as saying",
                True,
            )
        ],
    ),
    # Scare quotes stay in the surrounding claim; no claim of their own.
    (
        "The Pentagon described Iraq as a \u201cvalued partner\u201d in its briefing.",
        [
            (
                "Iraq as a \u201cvalued partner\u201d in its briefing",
                "The Pentagon",
                "United States Department of Defense",
                "described",
                False,
            )
        ],
    ),
    # A capital speaking for its government is the country (when the country is mentioned).
    (
        "Baghdad declared that Iraq would not back down.",
        [("Iraq would not back down", "Baghdad", "Iraq", "declared", False)],
    ),
    # A rumour in the passive voice is not an attribution.
    ("By 2019, the group was said to have been largely eradicated.", []),
    ("The announcement comes a day after a U.S. strike in Baghdad.", []),
]


@pytest.mark.parametrize(("paragraph", "expected"), CLAIM_CASES)
def test_extract_claims(paragraph: str, expected: list) -> None:
    article, claims = claims_of([paragraph])
    names = {actor_id(name): name for name, _, _ in ACTORS.values()}
    got = [
        (c.text, c.speaker_text, names.get(c.speaker_actor_id), c.cue, c.is_direct) for c in claims
    ]
    assert got == expected
    for claim in claims:
        assert article.lines[claim.line_no - 1][claim.start : claim.end] == claim.text
        assert claim.claim_id == stable_id("claim", "art", claim.line_no, claim.start, claim.end)


def _long_line_claims(unit: str) -> tuple[str, list]:
    """The claims of one 40,000-character paragraph made of ``unit`` repeated."""
    line = unit * (40_000 // len(unit) + 1)
    article = ArticleText(
        article_id="art", lines=[line], body_line_nos=[1], published_on=dt.date(2024, 1, 5)
    )
    return line, extract_claims(article, [], extract_dates(article))


def test_claims_of_a_very_long_paragraph() -> None:
    """A feed record can be one huge paragraph with hundreds of quotes: each claim is found."""
    unit = (
        "\u201cWe will not back down,\u201d Smith said on Friday. "
        "The minister told reporters that the talks had failed. "
    )
    line, claims = _long_line_claims(unit)
    units = line.count(unit)
    got = [(c.text, c.speaker_text, c.cue, c.is_direct, c.when_text) for c in claims]
    assert (
        got
        == [
            ("We will not back down", "Smith", "said", True, "on Friday"),
            ("the talks had failed", "The minister", "told reporters", False, None),
        ]
        * units
    )
    assert all(line[c.start : c.end] == c.text for c in claims)
    starts = [i * len(unit) for i in range(units)]
    assert [c.start - 1 for c in claims[::2]] == starts


def test_claims_of_a_very_long_run_on_sentence() -> None:
    """Clauses joined by semicolons make one 40,000-character sentence: still one report each."""
    unit = (
        "\u201cWe will not back down,\u201d Smith said on Friday, "
        "and the minister told reporters that the talks had failed; "
    )
    line, claims = _long_line_claims(unit)
    units = line.count(unit)
    first = claims[0]
    assert (first.text, first.speaker_text, first.is_direct) == (
        "We will not back down",
        "Smith",
        True,
    )
    reported = [c for c in claims if c.cue == "told reporters"]
    assert len(reported) == units
    assert {c.speaker_text for c in reported} == {"the minister"}
    assert all(c.text.startswith("the talks had failed") for c in reported)
    assert all(line[c.start : c.end] == c.text for c in claims)


def test_pronouns_and_descriptions_resolve_to_the_speaker() -> None:
    _, claims = claims_of(
        [
            "Pentagon spokesman Pat Ryder spoke to reporters on Thursday.",
            "\u201cThese attacks have continued,\u201d he said.",
            "\u201cIraq is a valued partner,\u201d the Pentagon spokesman said.",
            "\u201cWe view this strike as an escalation,\u201d Sudani said.",
            "He said the coalition would leave.",
        ]
    )
    assert [(c.speaker_text, c.speaker_actor_id) for c in claims] == [
        ("he", actor_id("Pat Ryder")),
        ("the Pentagon spokesman", actor_id("Pat Ryder")),
        ("Sudani", actor_id("Mohammed Shia al-Sudani")),
        ("He", actor_id("Mohammed Shia al-Sudani")),
    ]


def test_unknown_description_keeps_a_null_speaker() -> None:
    _, claims = claims_of(
        ["\u201cWe condemn the strike on our forces,\u201d the interior minister said."]
    )
    [claim] = claims
    assert (claim.speaker_text, claim.speaker_actor_id) == ("the interior minister", None)


def test_quote_over_several_paragraphs_is_one_claim_per_paragraph() -> None:
    _, claims = claims_of(
        [
            "\u201cThe forces are part of the state,\u201d the prime minister said of "
            "Sudani\u2019s plan.",
            "\u201cWe condemn the attacks targeting our security forces.",
            "\u201cWe affirm the government\u2019s ability to preserve Iraq\u2019s "
            "sovereignty.\u201d",
            "The Pentagon said on Thursday that the commander planned attacks.",
        ]
    )
    assert [(c.line_no, c.text, c.is_direct) for c in claims] == [
        (1, "The forces are part of the state", True),
        (3, "We condemn the attacks targeting our security forces", True),
        (5, "We affirm the government\u2019s ability to preserve Iraq\u2019s sovereignty", True),
        (7, "the commander planned attacks", False),
    ]
    assert claims[1].speaker_actor_id == claims[2].speaker_actor_id == claims[0].speaker_actor_id
    assert claims[1].cue is None


def test_quote_split_by_its_attribution_gives_two_claims() -> None:
    _, claims = claims_of(
        [
            "\u201cWe will consult closely with the government,\u201d his statement "
            "continued. \u201cOur forces remain focused.\u201d"
        ]
    )
    assert [(c.text, c.is_direct) for c in claims] == [
        ("We will consult closely with the government", True),
        ("Our forces remain focused", True),
    ]


def test_pull_quote_outside_the_body_is_not_a_claim() -> None:
    lines = [
        "'We condemn the attacks,' \u2013 Sudani",
        "",
        "The Pentagon said the strike was lawful.",
    ]
    article = ArticleText(article_id="art", lines=lines, body_line_nos=[3])
    claims = extract_claims(article, [], extract_dates(article))
    assert [c.line_no for c in claims] == [3]


def test_claim_date_comes_from_its_sentence() -> None:
    _, claims = claims_of(
        ["Sudani said on Friday that the coalition would leave after talks on 22 December."],
        published_on=dt.date(2024, 1, 5),
    )
    [claim] = claims
    assert (claim.when_text, claim.claimed_on) == ("on Friday", dt.date(2024, 1, 5))


def test_claim_date_keeps_the_dated_event_after_it() -> None:
    """ "in a Jan. 4 statement": the when text ends with the event, not at the line's end."""
    _, claims = claims_of(
        [
            "The ministry said in a Jan. 4 statement that the talks would resume next month, "
            "and that no date had been set for the committee."
        ],
        published_on=dt.date(2024, 1, 5),
    )
    [claim] = claims
    assert (claim.when_text, claim.claimed_on) == ("in a Jan. 4 statement", dt.date(2024, 1, 4))


# Reporting styles of wire, court and police, science and sport copy:
# (paragraph, expected [(text, speaker_text, cue)]).
REPORTING_STYLE_CASES = [
    (
        "The talks will resume next week, the ministry said on Tuesday.",
        [("The talks will resume next week", "the ministry", "said")],
    ),
    (
        "Negotiators made progress, according to two people familiar with the talks.",
        [("Negotiators made progress", "two people familiar with the talks", "according to")],
    ),
    (
        "The suspect was arrested at his home, police said.",
        [("The suspect was arrested at his home", "police", "said")],
    ),
    (
        "Prosecutors allege that the company hid its losses from investors.",
        [("the company hid its losses from investors", "Prosecutors", "allege")],
    ),
    (
        "The study found that older drivers were more cautious.",
        [("older drivers were more cautious", "The study", "found that")],
    ),
    (
        "Sleep improved in most patients, the researchers wrote.",
        [("Sleep improved in most patients", "the researchers", "wrote")],
    ),
    (
        "The coach told reporters that the team had played its best game.",
        [("the team had played its best game", "The coach", "told reporters")],
    ),
    (
        "Prices will keep rising, said Anna Kowalski, an economist at a Warsaw bank.",
        [("Prices will keep rising", "Anna Kowalski, an economist", "said")],
    ),
    (
        "Anna Kowalski, chief economist at a Warsaw bank, said prices would keep rising.",
        [
            (
                "prices would keep rising",
                "Anna Kowalski, chief economist at a Warsaw bank",
                "said",
            )
        ],
    ),
    (
        "The agency, citing a senior official, reported that the border had been closed.",
        [("the border had been closed", "The agency", "reported")],
    ),
    (
        "Prices rose, though Anna Kowalski noted that wages rose faster.",
        [("wages rose faster", "Anna Kowalski", "noted")],
    ),
    (
        "He went on to insist that the vote had been fair.",
        [("the vote had been fair", "He", "went on to insist")],
    ),
    (
        "Opposition parties were quick to denounce the decision.",
        [("the decision", "Opposition parties", "were quick to denounce")],
    ),
    (
        "The council adopted a resolution urging the government to act.",
        [("the government to act", "The council", "adopted a resolution urging")],
    ),
    (
        "The union is calling for a national strike.",
        [("a national strike", "The union", "calling for")],
    ),
    (
        "The ministry said in a statement that the border would reopen.",
        [("the border would reopen", "The ministry", "said in a statement")],
    ),
    (
        "But the ministry said the border would reopen.",
        [("the border would reopen", "the ministry", "said")],
    ),
    (
        'Untreated, the disease is "almost always fatal", says WHO.',
        [('Untreated, the disease is "almost always fatal"', "WHO", "says")],
    ),
    (
        "The doctor told him to stop taking the pills.",
        [("stop taking the pills", "The doctor", "told him")],
    ),
    (
        "The mayor vowed to rebuild the bridge.",
        [("rebuild the bridge", "The mayor", "vowed")],
    ),
    ("The general is believed to have fled the country.", []),
    (
        "\u201cWhy should we wait?\u201d Anna Kowalski asked.",
        [("Why should we wait?", "Anna Kowalski", "asked")],
    ),
    (
        "\u201cIt was a fair fight,\u201d Anna Kowalski, 54, told reporters.",
        [("It was a fair fight", "Anna Kowalski", "told reporters")],
    ),
    (
        "Anna Kowalski, noting the late hour, said, \u201cWe will vote tomorrow.\u201d",
        [("We will vote tomorrow", "Anna Kowalski", "said")],
    ),
    (
        "\u201cWhat a night!\u201d beamed Anna Kowalski.",
        [("What a night!", "Anna Kowalski", "beamed")],
    ),
    (
        "Anna Kowalski agreed. \u201cThe vote has to wait.\u201d",
        [("The vote has to wait", "Anna Kowalski", "agreed")],
    ),
    (
        "The minister said the talks had failed, adding that a new round was planned.",
        [
            ("the talks had failed", "The minister", "said"),
            ("a new round was planned", "The minister", "adding"),
        ],
    ),
    (
        "The witness testified, describing the driver as \u201ccalm and cold\u201d.",
        [("the driver as \u201ccalm and cold\u201d", "The witness", "describing")],
    ),
    (
        "According to evidence presented at trial, the car was stolen.",
        [("the car was stolen", "evidence presented at trial", "According to")],
    ),
    (
        "The patient mentioned that she had changed her diet.",
        [("she had changed her diet", "The patient", "mentioned")],
    ),
    ("He mentioned the weather.", []),
    (
        "\u201cWe cannot wait,\u201d said Anna Kowalski, a Warsaw University professor who has "
        "studied the effects of floods and droughts for two decades.",
        [("We cannot wait", "Anna Kowalski", "said")],
    ),
    (
        "\u201cWe will find them.\u201d Anna Kowalski said.",
        [("We will find them", "Anna Kowalski", "said")],
    ),
    (
        "A spokesman could only quip: \u201cThe hall was booked.\u201d",
        [("The hall was booked", "A spokesman", "quip")],
    ),
    (
        "The letter was short. \u201cWe will not pay,\u201d it read.",
        [("We will not pay", "it", "read")],
    ),
    ("He read the book on the train.", []),
    # A cue word used as a noun or an adjective, or a verb that reports nothing here.
    ("The alleged attack took place on Monday.", []),
    ("An estimated 500 homes were flooded.", []),
    ("Turnout rose in 12 states and the capital.", []),
    ("Benchmark 10-year notes rose 7/32 in price.", []),
    ("He wrote a book about the war.", []),
    ("He declined to confirm the report.", []),
    (
        "The minister said there was no evidence that the plan had failed.",
        [("there was no evidence that the plan had failed", "The minister", "said")],
    ),
]


@pytest.mark.parametrize(("paragraph", "expected"), REPORTING_STYLE_CASES)
def test_reporting_styles(paragraph: str, expected: list) -> None:
    article, claims = claims_of([paragraph])
    assert [(c.text, c.speaker_text, c.cue) for c in claims] == expected
    for claim in claims:
        assert article.lines[claim.line_no - 1][claim.start : claim.end] == claim.text


def test_single_sentence_phrases_are_not_in_the_lexicon() -> None:
    """Cues lifted from one sample sentence gave way to general patterns."""
    for phrase in ("went on to assert", "were quick to condemn", "passed a resolution calling for"):
        assert phrase not in lexicon.CLAUSE_CUES + lexicon.OBJECT_CUES


def test_role_and_pronoun_after_a_named_speaker() -> None:
    _, claims = claims_of(
        [
            "Interior Minister Sara Lind visited the border on Monday.",
            "\u201cWe will not close it,\u201d the minister said.",
            "She said the checks would continue.",
        ]
    )
    assert [(c.speaker_text, c.speaker_actor_id) for c in claims] == [
        ("the minister", actor_id("Sara Lind")),
        ("She", actor_id("Sara Lind")),
    ]


def test_pronoun_takes_the_person_earlier_in_its_paragraph() -> None:
    _, claims = claims_of(
        [
            "Interior Minister Sara Lind visited the border on Monday.",
            "Anna Kowalski met the press on Tuesday. Later that day, she said the vote was fair.",
        ]
    )
    [claim] = claims
    assert (claim.speaker_text, claim.speaker_actor_id) == ("she", actor_id("Anna Kowalski"))


def test_pronoun_agrees_with_a_title() -> None:
    """ "she" is not the man named last when a title says who is a woman."""
    _, claims = claims_of(
        [
            "Mrs. Sara Lind met Mr. Tom Berg on Monday.",
            "\u201cWe agreed on nothing,\u201d she said.",
            "\u201cWe will meet again,\u201d he said.",
        ]
    )
    assert [(c.speaker_text, c.speaker_actor_id) for c in claims] == [
        ("she", actor_id("Sara Lind")),
        ("he", actor_id("Tom Berg")),
    ]


def test_a_role_nobody_in_the_article_holds_invents_no_name() -> None:
    _, claims = claims_of(
        [
            "Interior Minister Sara Lind visited the border on Monday.",
            "\u201cWe played badly,\u201d the coach said.",
        ]
    )
    [claim] = claims
    assert (claim.speaker_text, claim.speaker_actor_id) == ("the coach", None)


def test_described_bodies_resolve_to_the_body_or_country_named_before() -> None:
    _, claims = claims_of(
        [
            "Xinhua News Agency reported a new case in China on Monday.",
            "The patient is in isolation, the agency said.",
            "The health commission said the risk was low.",
            "Officials in the United States said they were watching closely.",
            "The United States said it was watching closely.",
        ]
    )
    assert [(c.speaker_text, c.speaker_actor_id) for c in claims] == [
        ("Xinhua News Agency", actor_id("Xinhua News Agency")),
        ("the agency", actor_id("Xinhua News Agency")),
        ("The health commission", actor_id("China")),
        ("Officials in the United States", None),
        ("The United States", actor_id("United States")),
    ]


def test_an_unnamed_body_of_a_region_or_city_speaks_for_its_country() -> None:
    _, claims = claims_of(
        [
            "China confirmed a case of plague in the north on Monday.",
            "The Inner Mongolia health authority said the risk was low.",
            "The United States said it was watching closely.",
            "The Texas health authority said there was no case there.",
            "The Texas Department of Health said the same.",
        ]
    )
    assert [(c.speaker_text, c.speaker_actor_id) for c in claims if c.line_no != 1] == [
        ("The Inner Mongolia health authority", actor_id("China")),
        ("The United States", actor_id("United States")),
        ("The Texas health authority", actor_id("United States")),
        ("The Texas Department of Health", actor_id("Texas Department of Health")),
    ]


def test_an_owned_statement_speaks_through_a_participle() -> None:
    """ "Chinese government comments suggesting ...": the government, so the country."""
    _, claims = claims_of(
        [
            "A new case was found in China.",
            "The agency did not respond to Chinese government comments suggesting the case was "
            "isolated.",
        ]
    )
    assert [(c.text, c.speaker_text, c.speaker_actor_id) for c in claims] == [
        ("the case was isolated", "Chinese government comments", actor_id("China"))
    ]


def test_claim_is_dated_by_the_event_it_refers_to() -> None:
    _, claims = claims_of(
        [
            "The minister gave a televised speech on Jan. 4.",
            "Shortly after the minister\u2019s speech, opposition leaders said the plan "
            "would fail.",
        ],
        published_on=dt.date(2024, 1, 6),
    )
    [claim] = claims
    assert (claim.when_text, claim.claimed_on) == (
        "Shortly after the minister\u2019s speech",
        dt.date(2024, 1, 4),
    )


# ---------------------------------------------------------------- grouping across outlets

GROUP_ROWS = [
    (
        "c1",
        "sudani",
        "We stress our firm position in ending the existence of the international coalition "
        "after the justifications for its existence have ended",
        "MEE",
    ),
    (
        "c2",
        "sudani",
        "affirmed his firm position seeking to put an end to the existence of the international "
        "coalition, as the justifications for its existence have ended",
        "AFP",
    ),
    ("c3", "sudani", "We are setting the date for the start of the bilateral committee", "MEE"),
    ("c4", "ryder", "We maintain the inherent right of self-defense", "Epoch"),
    ("c5", "ryder", "Iraq is an important and valued partner", "Epoch"),
    ("c6", "ryder", "calling Iraq an essential and valued partner", "T&P"),
    (
        "c7",
        None,
        "The committee would include representatives of the military coalition",
        "Reuters",
    ),
    (
        "c8",
        None,
        "The committee would include representatives of the military coalition",
        "Zimbabwe Mail",
    ),
    ("c9", None, "The committee will meet soon, with representatives of the military", "AFP"),
]


def test_group_statements() -> None:
    groups = group_statements(GROUP_ROWS)
    assert groups == {
        "c1": "c1",
        "c2": "c1",
        "c3": "c3",
        "c4": "c4",
        "c5": "c5",
        "c6": "c5",
        "c7": "c7",
        "c8": "c7",
        "c9": "c9",
    }


def test_group_statements_never_crosses_speakers() -> None:
    rows = [
        ("a", "x", "We stress our firm position", "o1"),
        ("b", "y", "We stress our firm position", "o2"),
    ]
    assert group_statements(rows) == {"a": "a", "b": "b"}


def test_group_statements_takes_statement_rows() -> None:
    rows = [StatementRow(*row) for row in GROUP_ROWS]
    assert group_statements(rows) == group_statements(GROUP_ROWS)


# Many claims of one speaker whose words are all equally rare: which of a claim's words are
# used to look for its pairs is decided by a tie-break, which must not follow the set's order.
_TIED_WORDS_SCRIPT = """
import hashlib, json, random
from pipeline.stages.claims import group_statements
rng = random.Random(7)
def word():
    return "".join(rng.choice("bcdfghjklmnpqrtvwz") + rng.choice("aeiou") for _ in range(4)) + "x"
rows = []
for g in range(200):
    shared, fillers = [word() for _ in range(4)], [word() for _ in range(8)]
    rows.append((f"g{g:03d}a", "spk", " ".join(shared + fillers), None))
    rows.append((f"g{g:03d}b", "spk", " ".join(shared), None))
    for i, filler in enumerate(fillers):
        rows.append((f"g{g:03d}c{i}", "spk", " ".join([filler, word(), word()]), None))
print(json.dumps(group_statements(rows), sort_keys=True))
"""


def test_group_statements_do_not_depend_on_the_hash_seed() -> None:
    """Two interpreters with different string hashing group the same claims the same way."""
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        done = subprocess.run(
            [sys.executable, "-c", _TIED_WORDS_SCRIPT],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    groups = json.loads(outputs[0])
    assert len({group for claim, group in groups.items() if claim.endswith("b")}) > 100


def test_a_data_file_that_fails_to_load_raises_naming_it(tmp_path, monkeypatch) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "claims_lexicon.json").write_text("{not json", encoding="utf-8")
    monkeypatch.setattr(lexicon.resources, "files", lambda package: tmp_path)
    with pytest.raises(RuntimeError, match=r"claims_lexicon\.json"):
        lexicon._load_json("claims_lexicon.json")
    with pytest.raises(RuntimeError, match=r"claims_missing\.json"):
        lexicon._load_json("claims_missing.json")


def test_a_missing_lexicon_entry_raises_naming_the_file() -> None:
    with pytest.raises(RuntimeError, match=r"claims_lexicon\.json.*'no_such_entry'"):
        lexicon._entry("no_such_entry")


VIEW_SQL = ROOT / "sql" / "views" / "statement_comparison.sql"


def test_statement_comparison_view() -> None:
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE articles (article_id VARCHAR, outlet VARCHAR, title VARCHAR,"
        " source_path VARCHAR, source_id VARCHAR, kind VARCHAR, story_id VARCHAR DEFAULT 's1')"
    )
    con.execute(
        "CREATE TABLE actors (actor_id VARCHAR, name VARCHAR, type VARCHAR, aliases VARCHAR[])"
    )
    con.execute(
        "CREATE TABLE claims (claim_id VARCHAR, article_id VARCHAR, line_no INTEGER,"
        ' "start" INTEGER,'
        ' "end" INTEGER, text VARCHAR, speaker_actor_id VARCHAR, speaker_text VARCHAR, cue VARCHAR,'
        " is_direct BOOLEAN, when_text VARCHAR, claimed_on DATE)"
    )
    con.execute("CREATE TABLE claim_groups (claim_id VARCHAR, group_id VARCHAR)")
    con.execute(
        "INSERT INTO articles VALUES ('a1', 'MEE', 't1', 'raw/a1.txt', 'a1', 'txt', 's1'),"
        " ('a2', 'AFP', 't2', 'raw/a2.txt', 'a2', 'txt', 's1')"
    )
    con.execute("INSERT INTO actors VALUES ('s', 'Mohammed Shia al-Sudani', 'person', ['Sudani'])")
    con.execute(
        "INSERT INTO claims VALUES"
        " ('c1', 'a1', 5, 0, 10, 'We stress our firm position on ending the coalition', 's',"
        "  'Sudani',"
        "  'said', true, NULL, NULL),"
        " ('c2', 'a2', 9, 4, 20, 'affirmed his firm position to end the coalition', 's',"
        "  'The premier',"
        "  'according to', true,"
        "  'on Friday', DATE '2024-01-05'),"
        " ('c3', 'a1', 7, 0, 8, 'We are setting the date', 's', 'Sudani', 'said', true, NULL, NULL)"
    )
    rows = [
        (c, g)
        for c, g in group_statements(
            [
                (c, s, t, None)
                for c, s, t in con.execute(
                    "SELECT claim_id, speaker_actor_id, text FROM claims"
                ).fetchall()
            ]
        ).items()
    ]
    con.executemany("INSERT INTO claim_groups VALUES (?, ?)", rows)
    con.execute(VIEW_SQL.read_text(encoding="utf-8"))
    got = con.execute(
        "SELECT group_id, outlet, speaker_name, wording, outlets_in_group, claimed_on"
        " FROM statement_comparison ORDER BY group_id, outlet"
    ).fetchall()
    assert got == [
        (
            "c1",
            "AFP",
            "Mohammed Shia al-Sudani",
            "affirmed his firm position to end the coalition",
            2,
            dt.date(2024, 1, 5),
        ),
        (
            "c1",
            "MEE",
            "Mohammed Shia al-Sudani",
            "We stress our firm position on ending the coalition",
            2,
            None,
        ),
        ("c3", "MEE", "Mohammed Shia al-Sudani", "We are setting the date", 1, None),
    ]


# ---------------------------------------------------------------- gold seeds

TOKEN = re.compile(r"\w+")


def _gold_alias_mentions(gold: dict, article: ArticleText) -> list[ActorMention]:
    """Mentions made from the gold's own aliases: tests speaker resolution on its own."""
    found = []
    for actor in gold["actors"]:
        for alias in actor["aliases"]:
            for line_no, line in article.body_lines():
                for match in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", line):
                    found.append(
                        ActorMention(
                            article_id=article.article_id,
                            line_no=line_no,
                            start=match.start(),
                            end=match.end(),
                            text=alias,
                            actor_id=actor_id(actor["name"]),
                            actor_key=actor["name"],
                            name=actor["name"],
                            type=actor["type"],
                            role=(actor.get("roles") or [None])[0],
                        )
                    )
    return found


def _surname_match(a: str | None, b: str | None) -> bool:
    ta, tb = TOKEN.findall((a or "").lower()), TOKEN.findall((b or "").lower())
    return bool(
        ta
        and tb
        and (ta[-1] == tb[-1] or " ".join(ta) in " ".join(tb) or " ".join(tb) in " ".join(ta))
    )


def _score_gold(mentions_for) -> Counter:
    """The seeds_score.py claim rules: same line, half the gold tokens, right speaker."""
    m: Counter = Counter()
    for gold, article in gold_articles():
        mentions = mentions_for(gold, article)
        names = {mention.actor_id: mention.name for mention in mentions}
        claims = extract_claims(article, mentions, extract_dates(article))
        m["gold"] += len(gold["claims"])
        m["pred"] += len(claims)
        used: set[int] = set()
        for g in gold["claims"]:
            tokens = Counter(TOKEN.findall(g["text"].lower()))
            best = None
            for j, c in enumerate(claims):
                if j in used or c.line_no != g["line"]:
                    continue
                cover = sum((tokens & Counter(TOKEN.findall(c.text.lower()))).values()) / max(
                    1, sum(tokens.values())
                )
                if cover >= 0.5 and (best is None or cover > best[1]):
                    best = (j, cover)
            if best is None:
                continue
            used.add(best[0])
            claim = claims[best[0]]
            name = names.get(claim.speaker_actor_id)
            ok = (
                name is None
                if g["speaker"] is None
                else name == g["speaker"] or _surname_match(name, g["speaker"])
            )
            m["tp"] += ok
            m["direct"] += g["direct"]
            m["direct_ok"] += g["direct"] and ok
            if g.get("date"):
                m["dated"] += 1
                m["date_ok"] += str(claim.claimed_on) == g["date"]
    return m


@requires_shared(GOLD_DIR)
def test_gold_claims_with_gold_mentions() -> None:
    """Measured: P 1.00, R 0.987, direct-quote speakers 23/23, claim dates 9/9."""
    m = _score_gold(_gold_alias_mentions)
    assert m["tp"] / m["pred"] >= 0.97
    assert m["tp"] / m["gold"] >= 0.96
    assert m["direct_ok"] / m["direct"] >= 0.95
    assert m["date_ok"] == m["dated"] >= 9


@requires_shared(GOLD_DIR)
def test_gold_claims_with_actor_stage() -> None:
    """End to end with pipeline.stages.actors' mentions. Measured: P 0.987, R 0.975, F1 0.981."""
    actors = pytest.importorskip("pipeline.stages.actors")
    m = _score_gold(lambda _gold, article: actors.extract_actor_mentions(article))
    precision, recall = m["tp"] / m["pred"], m["tp"] / m["gold"]
    assert 2 * precision * recall / (precision + recall) >= 0.95
    assert m["direct_ok"] / m["direct"] >= 0.95


def test_view_file_is_shipped() -> None:
    assert Path(VIEW_SQL).read_text(encoding="utf-8").lstrip().startswith("--")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A relative clause set off by commas belongs to the name before it.
        (
            "Fire Chief Dana Holt, who spent the night at the scene, described",
            "Fire Chief Dana Holt",
        ),
        ("Ms. Okafor, whose new firm, Brightline, sells solar panels, said", "Ms. Okafor"),
        # A relative clause closing an appositive: the name, not the clause's verb phrase.
        ("Ann Lee, a former mayor of Springfield who now runs Acme Corp, said", "Ann Lee"),
        # A past-participle phrase set off by commas is skipped.
        (
            "A study by the Harlow Institute, funded by the Grant Trust, found",
            "A study by the Harlow Institute",
        ),
        # A closed parenthesis telling where or who the speaker is, with an age or a place.
        ("Dana Holt, during a visit to Dayton, Ohio, said", "Dana Holt"),
        ("Lee Park, 34, of Tulsa, Okla., said", "Lee Park"),
        ("Ann Lee, who, after a long meeting with Mr. Cole, said", "Ann Lee"),
        # A clause that only starts with such a word keeps its own subject.
        ("Although in May he agreed, at the hearing this week she said", "she"),
        # A past-tense reporting verb opens a verb phrase, not a speaker.
        ("Ann Lee, while on the radio, called again for Mr. Cole to resign for not", None),
        # A relative clause with its own subject keeps it.
        ("a militia leader, who the ministry said", "the ministry"),
        # Restrictive clauses and plain subjects are unchanged.
        ("The union, which represents 4,000 nurses, said", "The union"),
        ("a statement that a city official said", "a city official"),
    ],
)
def test_speaker_before_skips_parenthetical_clauses(text: str, speaker: str | None) -> None:
    cue = text.rfind(" ") + 1
    found = speaker_before(text, 0, cue)
    assert (text[found.start : found.end] if found else None) == speaker


def test_quote_after_a_reported_pronoun_keeps_the_reporting_speaker() -> None:
    # "X said he believes “...”": the quoted words are X's statement.
    _, claims = claims_of(
        ["Mayor Tom Reyes said he believes \u201cthe bridge will open by spring.\u201d"]
    )
    direct = [c for c in claims if c.is_direct]
    assert [c.speaker_text for c in direct] == ["Mayor Tom Reyes"]
    # A fragment of a longer subject does not replace the pronoun.
    _, claims = claims_of(
        [
            "Jo Hart, head of Bright & Co, a Dublin printing and design firm, said he "
            "thought the plan was meant to surprise."
        ]
    )
    assert "design firm" not in [c.speaker_text for c in claims]


def test_inverted_speaker_runs_over_several_abbreviations() -> None:
    line = "\u201cWe disagree,\u201d said retired Army Lt. Gen. Ann Cole, who led the review."
    cue_end = line.index("said") + len("said")
    found = speaker_after(line, cue_end, len(line))
    assert found is not None and line[found.start : found.end] == "retired Army Lt. Gen. Ann Cole"


def test_curly_opening_closed_by_straight_mark() -> None:
    line = '\u201cWe will win," Smith said. \u201cAnd more.\u201d'
    quotes = find_quotes(line)
    assert [line[q.start : q.end] for q in quotes] == ["We will win,", "And more."]
    inner = '\u201cHe called it "nonsense" today,\u201d she said.'
    [quote] = find_quotes(inner)
    assert inner[quote.start : quote.end] == 'He called it "nonsense" today,'


def test_capitalised_auxiliary_inside_a_sentence_is_a_name() -> None:
    _, claims = claims_of(["Instead, Will said the council would vote on the budget in May."])
    assert [c.speaker_text for c in claims] == ["Will"]
    _, claims = claims_of(["Will the council say the budget is ready?"])
    assert [c.speaker_text for c in claims] == []


@pytest.mark.parametrize(
    "introducer",
    [
        "Tom Berg echoed:",
        "Tom Berg issued the following statement:",
        "After the vote, Tom Berg released a statement on Friday:",
    ],
)
def test_paragraph_introducing_the_next_quotation_without_a_say_verb(introducer: str) -> None:
    _, claims = claims_of(
        [
            "The council met on Tuesday.",
            introducer,
            "\u201cOur hearts go out to the families.\u201d",
        ]
    )
    assert [(c.text, c.speaker_actor_id) for c in claims] == [
        ("Our hearts go out to the families", actor_id("Tom Berg"))
    ]


def test_participle_cue_after_a_main_clause_takes_the_sentence_subject() -> None:
    _, claims = claims_of(
        ["Tom Berg stood at his pulpit on Sunday, urging voters to \u201cstand up for life.\u201d"]
    )
    assert [(c.speaker_text, c.cue) for c in claims] == [("Tom Berg", "urging")]
    _, claims = claims_of(["Tom Berg took to Twitter, saying the vote was rigged."])
    assert [(c.text, c.speaker_text) for c in claims] == [("the vote was rigged", "Tom Berg")]
    # A participle phrase between the subject and its verb is no claim of its own.
    _, claims = claims_of(["Anna Kowalski, noting the late hour, said the vote would wait."])
    assert [(c.speaker_text, c.cue) for c in claims] == [("Anna Kowalski", "said")]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Tom Berg said Sunday that he believed the army would \u201cwin this fight.\u201d",
        "\u201cThank you,\u201d Tom Berg replied, before adding that he thinks "
        "\u201cchildren should speak with respect.\u201d",
        "Tom Berg admitted that he had erred when he claimed the army \u201cwas ready.\u201d",
    ],
)
def test_pronoun_reporting_inside_a_named_statement_takes_the_name(paragraph: str) -> None:
    _, claims = claims_of([paragraph])
    assert "he" not in [c.speaker_text for c in claims]
    assert claims[-1].speaker_text == "Tom Berg"


@pytest.mark.parametrize(
    ("paragraph", "clause"),
    [
        (
            "The plant will reopen next year, Tom Berg said Tuesday in a chat with Sara Lind.",
            "The plant will reopen next year",
        ),
        (
            "After the storm, people began leaving the town, Tom Berg said while visiting it.",
            "After the storm, people began leaving the town",
        ),
        (
            "The bridge has been his passion since 1984, Tom Berg said, ever since he moved here.",
            "The bridge has been his passion since 1984",
        ),
    ],
)
def test_inverted_cue_followed_by_a_day_or_subordinate_clause(paragraph: str, clause: str) -> None:
    _, claims = claims_of([paragraph])
    assert [(c.text, c.speaker_text) for c in claims] == [(clause, "Tom Berg")]


def test_told_cue_leaves_the_sentence_stop_out() -> None:
    _, claims = claims_of(["The plant will reopen next year, Tom Berg told Anna Kowalski."])
    assert [(c.text, c.cue) for c in claims] == [
        ("The plant will reopen next year", "told Anna Kowalski")
    ]


def test_worth_noting_has_no_speaker() -> None:
    _, claims = claims_of(["It\u2019s worth noting, though, that the figures are European."])
    assert claims == []


@pytest.mark.parametrize(
    "paragraph",
    [
        "Senior author Dr. Jane Roe, associate professor of epidemiology at Harvard University,"
        ' commented: "The risk is real."',
        "Lead researcher Jane Roe, a professor at Harvard University, said the risk is real.",
    ],
)
def test_role_led_name_before_its_appositive_is_the_speaker(paragraph: str) -> None:
    _, claims = claims_of([paragraph])
    assert [c.speaker_actor_id for c in claims] == [actor_id("Jane Roe")]


@pytest.mark.parametrize(
    "paragraph",
    [
        "\u201cWhy did they come here?\u201d one user on Weibo wrote.",
        "\u201cThis is bad,\u201d a resident of Paris told Reuters.",
    ],
)
def test_an_unnamed_individual_has_no_speaker(paragraph: str) -> None:
    _, claims = claims_of(["Tom Berg said the plant will reopen.", paragraph])
    assert [c.speaker_actor_id for c in claims] == [actor_id("Tom Berg"), None]


def test_a_hypothetical_act_is_no_claim() -> None:
    _, claims = claims_of(["Traders doubted whether China could agree to end the trade war."])
    assert claims == []


@pytest.mark.parametrize(
    "paragraph",
    [
        "Tom Berg said late Friday that the plant will reopen.",
        "Tom Berg said last week that the plant will reopen.",
    ],
)
def test_a_time_between_cue_and_that_leads_into_the_clause(paragraph: str) -> None:
    _, claims = claims_of([paragraph])
    assert [(c.text, c.speaker_text) for c in claims] == [("the plant will reopen", "Tom Berg")]


@pytest.mark.parametrize(
    ("phrase", "valid"),
    [
        ("the candidate could be", False),
        ("Comey cannot", False),
        ("the attacks was like", False),
        ("the Hwajeontae Dance!", False),
        ("an expert who was not involved", True),
        ("the company", True),
    ],
)
def test_a_clause_is_no_speaker_phrase(phrase: str, valid: bool) -> None:
    assert (valid_speaker(phrase, 0, len(phrase)) is not None) is valid


def test_a_quotation_relayed_by_according_to_is_its_utterers() -> None:
    _, claims = claims_of(["According to Reuters, Tom Berg said: \u201cWe will win.\u201d"])
    assert [(c.text, c.speaker_actor_id, c.is_direct) for c in claims] == [
        ("We will win", actor_id("Tom Berg"), True)
    ]


def test_reported_words_after_according_to_stay_the_sources() -> None:
    _, claims = claims_of(["According to Reuters, Tom Berg said the plant would close."])
    assert [c.speaker_actor_id for c in claims] == [actor_id("Reuters")]


def test_a_pronoun_skips_a_person_whose_first_name_says_otherwise() -> None:
    _, claims = claims_of(
        [
            "Ruth Ginsburg spoke on Tuesday.",
            "She joked about Donald Trump. \u201cHe is a faker,\u201d she said.",
        ]
    )
    assert [c.speaker_actor_id for c in claims if c.is_direct] == [actor_id("Ruth Ginsburg")]


@pytest.mark.parametrize(
    "paragraphs",
    [
        [
            "Donald Trump spoke in Texas.",
            "Tom Berg denounced remarks by Donald Trump on Tuesday.",
            "\u201cThey are hurtful,\u201d he said.",
        ],
        [
            "Tom Berg denounced remarks by Donald Trump on Tuesday. \u201cThey are hurtful,\u201d"
            " he said."
        ],
    ],
)
def test_he_names_the_last_subject_not_the_last_object(paragraphs: list[str]) -> None:
    _, claims = claims_of(paragraphs)
    assert [c.speaker_actor_id for c in claims if c.is_direct] == [actor_id("Tom Berg")]


def test_he_in_the_same_sentence_names_its_subject() -> None:
    _, claims = claims_of(
        ["Tom Berg met Donald Trump on Friday, and he said: \u201cThe plan is dead.\u201d"]
    )
    assert [c.speaker_actor_id for c in claims if c.is_direct] == [actor_id("Tom Berg")]


def test_a_person_the_quotation_names_does_not_speak_it() -> None:
    _, claims = claims_of(
        ["Tom Berg spoke on Friday.", "\u201cDonald Trump is wrong,\u201d he said."]
    )
    assert [c.speaker_actor_id for c in claims if c.is_direct] == [actor_id("Tom Berg")]


def test_he_after_an_inverted_speaker_names_that_speaker() -> None:
    _, claims = claims_of(
        [
            "\u201cThe plan is dead,\u201d said Tom Berg, who met Donald Trump."
            " He added: \u201cWe lost.\u201d"
        ]
    )
    assert [c.speaker_actor_id for c in claims] == [actor_id("Tom Berg")] * 2


def test_an_appositive_ending_the_sentence_is_no_subject() -> None:
    _, claims = claims_of(
        [
            "Anna Kowalski gave me an address for her sister, Sara Lind."
            " \u201cI cannot believe it,\u201d she said."
        ]
    )
    assert [c.speaker_actor_id for c in claims] == [actor_id("Anna Kowalski")]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Tom Berg, Reuters\u2019 editor in chief, said the plant will reopen.",
        "Tom Berg, Anna\u2019s husband and Reuters\u2019 editor, said the plant will reopen.",
        "\u201cThe plant will reopen,\u201d Tom Berg, Texas\u2019s top trader, said.",
    ],
)
def test_a_name_before_a_possessive_appositive_is_the_speaker(paragraph: str) -> None:
    _, claims = claims_of([paragraph])
    assert [c.speaker_actor_id for c in claims] == [actor_id("Tom Berg")]


@pytest.mark.parametrize(
    ("paragraph", "texts"),
    [
        (
            "Tom Berg later asked the company to unwind the agreement.",
            ["the company to unwind the agreement"],
        ),
        ("Tom Berg asked about the plan to build a wall.", []),
    ],
)
def test_asking_someone_to_act_is_a_claim(paragraph: str, texts: list[str]) -> None:
    _, claims = claims_of([paragraph])
    assert [c.text for c in claims] == texts


def test_a_quoted_name_between_article_and_noun_is_no_quotation() -> None:
    _, claims = claims_of(
        [
            "While the \u201cMeth. We\u2019re on it.\u201d campaign did not appeal to Tom Berg,"
            " he said he did not want to judge it."
        ]
    )
    assert [(c.text, c.is_direct) for c in claims] == [("he did not want to judge it", False)]


@pytest.mark.parametrize(
    ("paragraph", "texts"),
    [
        ("Tom Berg noted if and how often residents used the bridge.", []),
        ("Tom Berg did not say whether the plant would close.", []),
        (
            "Tom Berg said if the plant closes, 500 jobs will go.",
            ["if the plant closes, 500 jobs will go"],
        ),
    ],
)
def test_an_indirect_question_is_no_claim(paragraph: str, texts: list[str]) -> None:
    _, claims = claims_of([paragraph])
    assert [c.text for c in claims] == texts


def test_a_role_led_name_before_a_participle_phrase_with_a_relative_is_the_speaker() -> None:
    _, claims = claims_of(
        [
            "Texas state delegate Mary Susan, clad in a cape with lights that formed the name"
            " Tom Berg, said the convention could fail."
        ]
    )
    assert [c.speaker_actor_id for c in claims] == [actor_id("Mary Susan")]


def test_in_the_words_of_introduces_a_quotation() -> None:
    _, claims = claims_of(
        ["Here is how bad things got, in the words of Tom Berg: \u201cI was unable to stand.\u201d"]
    )
    assert [(c.text, c.speaker_actor_id, c.is_direct) for c in claims] == [
        ("I was unable to stand", actor_id("Tom Berg"), True)
    ]


def test_first_names_of_one_gender_come_from_faker_and_the_nickname_table() -> None:
    genders = lexicon.first_name_genders()
    assert (genders["ruth"], genders["donald"], genders["liz"], genders["ben"]) == (
        "f",
        "m",
        "f",
        "m",
    )
    # Names both genders bear, and a nickname that is a given name of its own, say nothing.
    assert not {"jordan", "taylor", "erin"} & set(genders)


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ("\u201cWe will keep going,\u201d the host said.", "the host"),
        ("\u201cWe will keep going,\u201d said the 46-year-old.", "the 46-year-old"),
        ("\u201cWe will keep going,\u201d said the designer, who works in Texas.", "the designer"),
    ],
)
def test_a_description_beside_a_quotation_is_its_speaker_whatever_its_head(
    paragraph: str, speaker: str
) -> None:
    _, claims = claims_of([paragraph])
    assert [(c.text, c.speaker_text, c.is_direct) for c in claims] == [
        ("We will keep going", speaker, True)
    ]


def test_a_time_beside_a_quotation_is_no_speaker() -> None:
    _, claims = claims_of(["\u201cWe will keep going,\u201d the next day said nothing."])
    assert all(c.speaker_text != "the next day" for c in claims)


@pytest.mark.parametrize("closing", ["\u201d", "''"])
def test_reported_words_running_into_a_quotation_before_an_inverted_cue(closing: str) -> None:
    opening = "\u201c" if closing == "\u201d" else "''"
    paragraph = f"They {opening}actually had chemistry,{closing} said Tom Berg."
    _, claims = claims_of([paragraph])
    assert [(c.text, c.speaker_text, c.is_direct) for c in claims] == [
        (f"They {opening}actually had chemistry,{closing}", "Tom Berg", False)
    ]


@pytest.mark.parametrize(
    ("paragraph", "speaker", "cue"),
    [
        (
            "Band member Tom Berg shared the news last week, writing \u201cFeels great to"
            " support someone I believe in.\u201d",
            "Band member Tom Berg",
            "writing",
        ),
        (
            "Anna Kowalski offered a retort online, tweeting at him, \u201cYou are a liar.\u201d",
            "Anna Kowalski",
            "tweeting",
        ),
    ],
)
def test_a_participle_cue_after_a_clause_quotes_the_sentence_subject(
    paragraph: str, speaker: str, cue: str
) -> None:
    _, claims = claims_of([paragraph])
    assert [(c.speaker_text, c.cue, c.is_direct) for c in claims] == [(speaker, cue, True)]


def test_a_participle_taking_an_object_reports_nothing() -> None:
    _, claims = claims_of(["The army fired back on Tuesday, responding to an attack."])
    assert claims == []


def test_a_description_opening_the_sentence_says_the_quotation() -> None:
    _, claims = claims_of(["The former pollster said, \u201cShe is behind in the polls.\u201d"])
    assert [(c.speaker_text, c.text) for c in claims] == [
        ("The former pollster", "She is behind in the polls")
    ]


def test_what_a_quotation_is_about_stands_between_cue_and_quote() -> None:
    _, claims = claims_of(["Tom Berg added about the plan: \u201cIt will not work.\u201d"])
    assert [(c.speaker_text, c.text, c.is_direct) for c in claims] == [
        ("Tom Berg", "It will not work", True)
    ]


def test_a_pronoun_and_its_verb_open_the_reported_clause() -> None:
    _, claims = claims_of(["Tom Berg said he thought the campaign was meant to surprise."])
    assert [(c.speaker_text, c.cue, c.text) for c in claims] == [
        ("Tom Berg", "said", "he thought the campaign was meant to surprise")
    ]


def test_a_name_with_two_appositives_is_the_speaker() -> None:
    _, claims = claims_of(
        ["Tom Berg, head of Verse, a Spokane and Seattle design agency, said the plan failed."]
    )
    assert [(c.speaker_actor_id, c.text) for c in claims] == [
        (actor_id("Tom Berg"), "the plan failed")
    ]


@pytest.mark.parametrize(
    ("paragraph", "speaker", "text"),
    [
        ("Tom Berg, head of Verse, said the campaign failed.", "Tom Berg, head of Verse", None),
        ("Prices rose, said the company spokesman.", "the company spokesman", "Prices rose"),
    ],
)
def test_a_clause_after_a_comma_and_cue_is_no_inverted_speaker(
    paragraph: str, speaker: str, text: str | None
) -> None:
    _, claims = claims_of([paragraph])
    assert [c.speaker_text for c in claims] == [speaker]
    if text:
        assert claims[0].text == text


def test_this_opens_the_clause_unless_a_time_follows() -> None:
    _, claims = claims_of(
        [
            "Tom Berg believes this discovery is evidence that the plant will reopen.",
            "Tom Berg said this week that the plant will reopen.",
        ]
    )
    assert [c.text for c in claims] == [
        "this discovery is evidence that the plant will reopen",
        "the plant will reopen",
    ]


def test_a_cue_joined_by_and_to_the_next_leaves_it_the_clause() -> None:
    _, claims = claims_of(["The Pentagon responded and confirmed that the base was hit."])
    assert [(c.cue, c.text) for c in claims] == [("confirmed", "the base was hit")]


def test_a_past_verb_after_a_request_is_the_speakers_own_act() -> None:
    _, claims = claims_of(["Tom Berg asked the company to unwind the deal and returned the money."])
    assert [c.text for c in claims] == ["the company to unwind the deal"]


def test_a_participle_phrase_after_according_to_describes_the_source() -> None:
    _, claims = claims_of(
        ["According to the study, published in a journal last week, the man had a cough."]
    )
    assert [(c.speaker_text, c.text) for c in claims] == [("the study", "the man had a cough")]


def test_a_subordinator_is_no_part_of_the_speaker() -> None:
    _, claims = claims_of(["Once the man said that he felt ill, Tom Berg called a doctor."])
    assert [c.speaker_text for c in claims][:1] == ["the man"]


def test_a_document_released_that_depicted_a_quotation_speaks_for_its_body() -> None:
    _, claims = claims_of(
        [
            "The Office of the Inspector General released two critical reports that depicted"
            " \u201ctechnical challenges, cost increases and delays\u201d."
        ]
    )
    assert [(c.cue, c.text, c.speaker_actor_id) for c in claims] == [
        (
            "released two critical reports that depicted",
            "technical challenges, cost increases and delays",
            actor_id("Office of the Inspector General"),
        )
    ]


def test_a_noun_cue_before_a_relative_that_is_no_cue() -> None:
    _, claims = claims_of(["Tom Berg read the reports that described the plant."])
    assert all(c.cue != "reports" for c in claims)


@pytest.mark.parametrize(
    ("line", "cue", "text"),
    [
        (
            "The study notes that armed groups control the area.",
            "notes",
            "armed groups control the area",
        ),
        (
            "Trump claims that increased spending will help.",
            "claims",
            "increased spending will help",
        ),
    ],
)
def test_a_participle_after_that_opens_the_reported_clause(line: str, cue: str, text: str) -> None:
    _, claims = claims_of([line])
    assert [(c.cue, c.text) for c in claims] == [(cue, text)]


def test_reportedly_takes_the_source_its_paragraph_names() -> None:
    _, claims = claims_of(
        [
            "The plant is reportedly closing. According to Reuters, the owners want to sell.",
            "The plant is reportedly closing.",
        ]
    )
    reportedly = [c for c in claims if c.cue == "reportedly"]
    assert [(c.text, c.speaker_actor_id, c.line_no) for c in reportedly] == [
        ("The plant is reportedly closing", actor_id("Reuters"), 1)
    ]


def test_coordinated_names_are_one_speaker_phrase_spoken_by_the_first() -> None:
    _, claims = claims_of(["Tom Berg and Anna Kowalski said the results were surprising."])
    assert [(c.speaker_text, c.speaker_actor_id) for c in claims] == [
        ("Tom Berg and Anna Kowalski", actor_id("Tom Berg"))
    ]


def test_a_participle_parenthesis_after_a_one_word_name_keeps_the_name() -> None:
    _, claims = claims_of(["Berg, speaking after the 2-1 win, said his side deserved it."])
    assert [(c.speaker_text, c.text) for c in claims] == [("Berg", "his side deserved it")]


def test_a_dated_participle_phrase_is_no_speaker() -> None:
    _, claims = claims_of(
        ["The findings, published Wednesday in the journal Science, suggest the bird is older."]
    )
    assert [c.speaker_text for c in claims] == ["The findings"]


def test_a_base_cue_after_a_modal_is_no_inverted_attribution() -> None:
    _, claims = claims_of(["In a statement, the ministry said it would respond."])
    assert [(c.speaker_text, c.text) for c in claims] == [("the ministry", "it would respond")]


def test_a_plea_is_reported_by_the_inverted_source() -> None:
    _, claims = claims_of(["Tom Berg pleaded guilty to fraud charges, the Pentagon said."])
    assert [(c.speaker_actor_id, c.text) for c in claims] == [
        (
            actor_id("United States Department of Defense"),
            "Tom Berg pleaded guilty to fraud charges",
        )
    ]


@pytest.mark.parametrize(
    ("paragraph", "speaker", "text"),
    [
        ("The striker said he was happy.", "The striker", "he was happy"),
        (
            "The striker, who joined from Chelsea last year, said he was happy.",
            "The striker",
            "he was happy",
        ),
        (
            "The company, which makes chips, said on Tuesday it would cut 500 jobs.",
            "The company",
            "it would cut 500 jobs",
        ),
    ],
)
def test_a_description_opening_the_sentence_is_its_speaker(
    paragraph: str, speaker: str, text: str
) -> None:
    _, claims = claims_of([paragraph])
    assert [(c.speaker_text, c.text) for c in claims] == [(speaker, text)]


def test_an_indefinite_role_for_a_person_is_not_that_person() -> None:
    _, claims = claims_of(["A lawyer for Tom Berg said he would appeal."])
    assert [(c.speaker_text, c.speaker_actor_id) for c in claims] == [
        ("A lawyer for Tom Berg", None)
    ]


def test_an_adverbial_clause_set_off_by_commas_keeps_the_name_before_it() -> None:
    _, claims = claims_of(["Tom Berg, while being interviewed on radio, said the plan failed."])
    assert [c.speaker_text for c in claims] == ["Tom Berg"]


def test_an_inverted_source_reports_a_belief_clause_whole() -> None:
    _, claims = claims_of(
        ["Investigators believe the fire started in the kitchen, Tom Berg said on Friday."]
    )
    assert [(c.speaker_text, c.cue, c.text) for c in claims] == [
        ("Tom Berg", "said", "Investigators believe the fire started in the kitchen")
    ]


def test_an_utterance_relayed_by_an_inverted_source_stays_its_speakers() -> None:
    _, claims = claims_of(["Tom Berg said the talks would resume soon, the statement said."])
    assert [(c.speaker_text, c.text) for c in claims] == [
        ("Tom Berg", "the talks would resume soon")
    ]


def test_told_a_plural_noun_before_a_clause_is_the_audience() -> None:
    _, claims = claims_of(["The suspect told officers he had been drinking."])
    assert [(c.cue, c.text) for c in claims] == [("told officers", "he had been drinking")]


def test_asking_not_to_be_identified_is_no_claim() -> None:
    _, claims = claims_of(
        [
            "The people, who asked not to be identified because talks are private, said a deal"
            " was near."
        ]
    )
    assert [(c.speaker_text, c.text) for c in claims] == [("The people", "a deal was near")]


def test_a_noun_cue_after_a_verb_ending_the_sentence_is_a_noun() -> None:
    _, claims = claims_of(["Shares fell after the company said profit missed estimates."])
    assert [c.cue for c in claims] == ["said"]


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ("\u201cCan I give it to him?\u201d Anna Kowalski tearfully asked.", "Anna Kowalski"),
        ("The national assembly said the vote was valid.", "The national assembly"),
    ],
)
def test_a_manner_adverb_before_the_cue_is_no_part_of_the_speaker(
    paragraph: str, speaker: str
) -> None:
    _, claims = claims_of([paragraph])
    assert [c.speaker_text for c in claims] == [speaker]


def test_a_subject_and_its_name_before_an_inverted_cue_are_no_clause() -> None:
    _, claims = claims_of(["Her lawyer, Anna Kowalski, agreed."])
    assert claims == []


def test_a_varied_description_of_a_person_refers_back_to_them() -> None:
    _, claims = claims_of(
        [
            "The club\u2019s captain, Tom Berg, agreed.",
            "\u201cWe deserved it,\u201d the Portuguese midfielder said.",
        ]
    )
    assert [(c.speaker_text, c.speaker_actor_id) for c in claims] == [
        ("the Portuguese midfielder", actor_id("Tom Berg"))
    ]


@pytest.mark.parametrize("body", ["the embassy", "the lender", "the carmaker", "the league"])
def test_a_description_of_no_person_never_refers_back_to_one(body: str) -> None:
    _, claims = claims_of(
        ["Tom Berg arrived on Friday.", f"\u201cWe are concerned,\u201d {body} said."]
    )
    assert [(c.speaker_text, c.speaker_actor_id) for c in claims] == [(body, None)]


def test_a_known_unnamed_head_is_no_variation() -> None:
    _, claims = claims_of(
        ["Tom Berg arrived on Friday.", "\u201cIt was awful,\u201d the woman said."]
    )
    assert [(c.speaker_text, c.speaker_actor_id) for c in claims] == [("the woman", None)]


@pytest.mark.parametrize(
    ("paragraph", "speaker", "cue"),
    [
        (
            "She then addressed the supporters again: \u201cHere is what I regret.\u201d",
            "She",
            "addressed the supporters again",
        ),
        (
            "Tom Berg has since apologized for what happened: \u201cI was wrong.\u201d",
            "Tom Berg",
            "apologized for what happened",
        ),
    ],
)
def test_a_subject_and_verb_before_a_colon_introduce_a_quoted_sentence(
    paragraph: str, speaker: str, cue: str
) -> None:
    _, claims = claims_of([paragraph])
    assert [(c.speaker_text, c.cue, c.is_direct) for c in claims] == [(speaker, cue, True)]


@pytest.mark.parametrize(
    "paragraph",
    [
        "The rules are simple: \u201cNo phones at the table.\u201d",
        "Wait, it gets better: \u201cBy law, the president sets the number.\u201d",
        "Tom Berg liked the phrase: \u201cself-deportation\u201d.",
    ],
)
def test_a_colon_after_no_person_subject_introduces_no_claim(paragraph: str) -> None:
    _, claims = claims_of([paragraph])
    assert claims == []


def test_a_parenthetical_quote_only_cue_reports_the_clause_after_it() -> None:
    _, claims = claims_of(["But, Tom Berg added, he did not support issuing quarantines."])
    assert [(c.speaker_text, c.cue, c.text) for c in claims] == [
        ("Tom Berg", "added", "he did not support issuing quarantines")
    ]


def test_a_participle_cue_after_a_subordinator_is_the_speakers() -> None:
    _, claims = claims_of(
        ["\u201cThere is danger,\u201d Tom Berg told reporters, before insisting he was right."]
    )
    assert [(c.speaker_text, c.cue) for c in claims] == [
        ("Tom Berg", "told reporters"),
        ("Tom Berg", "insisting"),
    ]


def test_a_titled_programme_after_a_possessive_is_no_quotation() -> None:
    _, claims = claims_of(
        [
            "On Fox News Channel\u2019s \u201cHannity,\u201d Tom Berg said the ticket would win.",
            "He told ABC\u2019s \u201cGood Morning America\u201d that the plan is bad.",
        ]
    )
    assert [(c.cue, c.text, c.is_direct) for c in claims] == [
        ("said", "the ticket would win", False),
        ("told ABC\u2019s \u201cGood Morning America\u201d", "the plan is bad", False),
    ]


def test_a_second_past_cue_after_and_is_a_claim_of_its_own() -> None:
    _, claims = claims_of(["Tom Berg said the plant would close and added that jobs would go."])
    assert [(c.cue, c.text) for c in claims] == [
        ("said", "the plant would close"),
        ("added", "jobs would go"),
    ]


def test_a_present_cue_after_and_goes_on_reporting() -> None:
    _, claims = claims_of(["Anna said she did not want to judge it, and thinks it could work."])
    assert [c.text for c in claims] == ["she did not want to judge it, and thinks it could work"]


def test_the_statement_speaks_for_the_speaker_just_reported() -> None:
    _, claims = claims_of(
        [
            "Sara Lind said in a statement that the border would stay open.",
            "\u201cWe will keep our promise,\u201d the statement said.",
        ]
    )
    assert [c.speaker_actor_id for c in claims] == [actor_id("Sara Lind")] * 2


def test_an_owned_description_and_the_name_it_gives_speak_for_the_owner() -> None:
    _, claims = claims_of(
        ["Harvard University\u2019s parent body, The Harvard Trust, announced it would sell."]
    )
    assert [(c.speaker_text, c.speaker_actor_id) for c in claims] == [
        (
            "Harvard University\u2019s parent body, The Harvard Trust",
            actor_id("Harvard University"),
        )
    ]


@pytest.mark.parametrize(
    ("paragraph", "speaker_id"),
    [
        ("Tom Berg\u2019s father told reporters that the family was proud.", None),
        ("Sara Lind\u2019s office said the border would stay open.", actor_id("Sara Lind")),
    ],
)
def test_a_relative_of_a_person_is_not_that_person(paragraph: str, speaker_id: str | None) -> None:
    _, claims = claims_of([paragraph])
    assert [c.speaker_actor_id for c in claims] == [speaker_id]


def test_a_time_after_an_abbreviated_inverted_speaker_ends_it() -> None:
    _, claims = claims_of(["\u201cIt is not new,\u201d said Rep. Tom Berg (D-Va.) at the time."])
    assert [c.speaker_text for c in claims] == ["Rep. Tom Berg (D-Va.)"]


@pytest.mark.parametrize(
    "paragraph",
    [
        "The governor\u2019s office did not respond to a request for comment.",
        "The ministry has not confirmed that the base was hit.",
        "Tom Berg didn\u2019t say that he would resign.",
    ],
)
def test_a_negated_cue_reports_no_statement(paragraph: str) -> None:
    _, claims = claims_of([paragraph])
    assert claims == []


@pytest.mark.parametrize(
    ("paragraph", "speaker", "text"),
    [
        (
            "Xinhua News Agency quoted Sara Lind as saying that the border would stay open.",
            "Sara Lind",
            "the border would stay open",
        ),
        (
            "Sara Lind was quoted by Xinhua News Agency as saying the border would stay open.",
            "Sara Lind",
            "the border would stay open",
        ),
    ],
)
def test_quoted_as_saying_names_the_quoted_speaker(paragraph: str, speaker: str, text: str) -> None:
    _, claims = claims_of([paragraph])
    assert [(c.speaker_text, c.text) for c in claims] == [(speaker, text)]


def test_an_exclamation_is_uttered_words_and_a_named_plural_its_speaker() -> None:
    _, claims = claims_of(
        ["Berg protesters interrupted her speech, shouting \u201cshe wins, we lose!\u201d"]
    )
    assert [(c.speaker_text, c.speaker_actor_id, c.is_direct) for c in claims] == [
        ("Berg protesters", None, True)
    ]


def test_a_participle_after_a_clause_with_an_irregular_past_quotes_its_subject() -> None:
    _, claims = claims_of(
        [
            "The victim\u2019s mother took the stand, describing her daughter as \u201cbrave\u201d"
            " before describing for the jury the fight."
        ]
    )
    assert [(c.speaker_text, c.text) for c in claims][:1] == [
        ("The victim\u2019s mother", "her daughter as \u201cbrave\u201d")
    ]


@pytest.mark.parametrize(
    ("paragraph", "speaker", "cue"),
    [
        (
            "\u201cThis is a disgrace,\u201d scoffed Tom Berg, who led the protest.",
            "Tom Berg",
            "scoffed",
        ),
        (
            "\u201cThe border will stay open,\u201d Sara Lind assured reporters.",
            "Sara Lind",
            "assured",
        ),
        ("\u201cWe were robbed,\u201d Tom Berg griped.", "Tom Berg", "griped"),
    ],
)
def test_a_quote_bound_cue_after_a_quotation_makes_a_direct_claim(
    paragraph: str, speaker: str, cue: str
) -> None:
    _, claims = claims_of([paragraph])
    assert [(c.speaker_text, c.cue, c.is_direct) for c in claims] == [(speaker, cue, True)]


def test_a_quote_bound_cue_with_no_quotation_near_it_reports_nothing() -> None:
    _, claims = claims_of(["Sara Lind assured her place in the final. Tom Berg cried."])
    assert claims == []


def test_a_closing_quotation_mark_run_into_a_capital_ends_its_sentence() -> None:
    _, claims = claims_of(
        [
            "\u201cWe won,\u201d Tom Berg said. \u201cThey lost!\u201dAfter the rally"
            " the senator went a step further and attacked the press."
        ]
    )
    assert [(c.text, c.speaker_text) for c in claims] == [
        ("We won", "Tom Berg"),
        ("They lost!", "Tom Berg"),
    ]


def test_a_quotation_closed_by_two_apostrophes_takes_an_appositive_speaker() -> None:
    _, claims = claims_of(["''We were robbed,'' Tom Berg, a small-business owner, said."])
    assert [(c.text, c.speaker_text) for c in claims] == [
        ("We were robbed", "Tom Berg, a small-business owner")
    ]


def test_a_tag_introducing_the_next_quotation_does_not_attribute_the_previous_one() -> None:
    _, claims = claims_of(
        [
            "\u201cWe won,\u201d he said. \u201cThey lost.\u201d Sara Lind added,"
            " \u201cThe count was fair.\u201d"
        ]
    )
    assert [(c.text, c.speaker_text) for c in claims] == [
        ("We won", "he"),
        ("They lost", "he"),
        ("The count was fair", "Sara Lind"),
    ]


def test_an_opening_mark_typed_for_a_closing_one_closes_the_quotation() -> None:
    line = "He called them \u201ccriminals\u201d and \u201crapists\u201c while calling for a wall."
    assert [line[q.start : q.end] for q in find_quotes(line)] == ["criminals", "rapists"]
    _, claims = claims_of(["\u201cWe were robbed,\u201c said Tom Berg, a trader."])
    assert [(c.text, c.speaker_text) for c in claims] == [("We were robbed", "Tom Berg, a trader")]


def test_a_closing_mark_run_into_an_opening_one_ends_its_sentence() -> None:
    _, claims = claims_of(
        [
            "Tom Berg cited a study. \u201cIt is new.\u201d"
            "\u201cYour facts are wrong,\u201d Sara Lind wrote."
        ]
    )
    assert ("Your facts are wrong", "Sara Lind") in [(c.text, c.speaker_text) for c in claims]


@pytest.mark.parametrize(
    ("paragraph", "speaker", "cue"),
    [
        ("\u201cIs the border open?\u201d reacted Tom Berg.", "Tom Berg", "reacted"),
        ("\u201cThe count was fair,\u201d notes Sara Lind.", "Sara Lind", "notes"),
        ("\u201cStop it,\u201d Tom Berg barked.", "Tom Berg", "barked"),
    ],
)
def test_a_noun_like_cue_right_after_a_quotation_is_its_verb(
    paragraph: str, speaker: str, cue: str
) -> None:
    _, claims = claims_of([paragraph])
    assert [(c.speaker_text, c.cue, c.is_direct) for c in claims] == [(speaker, cue, True)]


@pytest.mark.parametrize(
    ("paragraph", "text"),
    [
        ("Sara Lind condemned the attack on Monday night.", "the attack"),
        ("Tom Berg criticized the decision last week.", "the decision"),
        ("Sara Lind called for calm on Jan. 5.", "calm"),
        (
            "Tom Berg said the border would stay open on Monday.",
            "the border would stay open on Monday",
        ),
    ],
)
def test_a_time_closing_an_object_claim_dates_the_reporting(paragraph: str, text: str) -> None:
    _, claims = claims_of([paragraph])
    assert [c.text for c in claims] == [text]


@pytest.mark.parametrize(
    ("paragraph", "texts"),
    [
        ("Tom Berg revealed the new model at the Geneva show.", []),
        ("Sara Lind disclosed the figures in a filing.", []),
        ("Tom Berg revealed the new model would cost more.", ["the new model would cost more"]),
        ("Tom Berg revealed that the plant would close.", ["the plant would close"]),
        ("Tom Berg wrote a book that was a hit.", []),
    ],
)
def test_revealing_a_thing_is_no_claim_but_revealing_a_clause_is(
    paragraph: str, texts: list[str]
) -> None:
    _, claims = claims_of([paragraph])
    assert [c.text for c in claims] == texts


def test_a_that_less_clause_needs_its_own_subject_before_the_auxiliary() -> None:
    _, claims = claims_of(["Tom Berg posted losses as sales were weak."])
    assert claims == []
