"""Validation: records that do not point at what they claim become rejects, the rest pass."""

import datetime as dt

from pipeline.stages.validate import validate_part

NOW = dt.datetime(2024, 1, 5, tzinfo=dt.UTC)
LINES = ["Title", "", "Iraq's prime minister said 2,500 troops would leave."]


def article(article_id: str, path: str) -> dict:
    return {
        "article_id": article_id,
        "source_path": path,
        "source_id": path,
        "kind": "txt",
        "content_hash": "h",
        "outlet": None,
        "wire_service": None,
        "title": "Title",
        "standfirst": None,
        "byline": None,
        "published_on": None,
        "language": "en",
        "url": None,
        "body": LINES[2],
        "ingested_at": NOW,
    }


def text(article_id: str, path: str) -> dict:
    return {
        "article_id": article_id,
        "source_path": path,
        "lines": LINES,
        "body_line_nos": [3],
        "published_on": None,
        "language": "en",
    }


def number(article_id: str, line_no: int, start: int, end: int, value: float) -> dict:
    return {
        "article_id": article_id,
        "line_no": line_no,
        "start": start,
        "end": end,
        "text": LINES[line_no - 1][start:end],
        "value": value,
        "value_max": None,
        "qualifier": "exact",
        "unit": "troops",
        "measure": "troops",
    }


def test_records_are_checked_against_their_article() -> None:
    good = number("a1", 3, 27, 39, 2500)
    wrong_text = {**number("a1", 3, 27, 39, 2500), "text": "2,600 troops"}
    not_body = number("a1", 1, 0, 5, 1)
    bad_qualifier = {**number("a1", 3, 27, 32, 2500), "qualifier": "roughly"}
    orphan = number("zz", 3, 27, 39, 2500)
    out = validate_part(
        {
            "articles": [article("a1", "a.txt")],
            "article_texts": [text("a1", "a.txt")],
            "numbers": [good, wrong_text, not_body, bad_qualifier, orphan],
        },
    )
    assert [a["source_path"] for a in out["articles"]] == ["a.txt"]
    assert out["numbers"] == [good]
    errors = sorted(r["error"] for r in out["rejects"])
    assert errors == sorted(
        [
            "numbers: text '2,600 troops' differs from line 3[27:39] = '2,500 troops'",
            "numbers: line 1 is not body text",
            "numbers: qualifier: Input should be 'exact', 'approximate', 'more_than', "
            "'less_than', 'at_least' or 'at_most'",
            "numbers: article_id zz is not an article of this batch",
        ]
    )


def test_a_claim_speaker_must_be_a_mentioned_actor() -> None:
    claim = {
        "claim_id": "c1",
        "article_id": "a1",
        "line_no": 3,
        "start": 27,
        "end": 51,
        "text": LINES[2][27:51],
        "speaker_actor_id": "nobody",
        "speaker_text": "x",
        "cue": "said",
        "is_direct": False,
        "when_text": None,
        "claimed_on": None,
    }
    out = validate_part(
        {
            "articles": [article("a1", "a.txt")],
            "article_texts": [text("a1", "a.txt")],
            "claims": [claim],
        },
    )
    assert out["claims"] == []
    assert out["rejects"][0]["error"] == (
        "claims: speaker_actor_id nobody is not an actor mentioned in the article"
    )
