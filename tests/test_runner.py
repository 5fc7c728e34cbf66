"""The per-article guards: bad input is rejected, a bug or a broken stage fails the run."""

import pytest

from pipeline.stages import runner
from pipeline.stages.article import article_id_of

TEXT = "A headline\n\nThe minister said on Monday that 120 people had been evacuated.\n"


def text_rows(count: int) -> list[dict]:
    return [
        {
            "article_id": article_id_of(None, f"{TEXT}{n}"),
            "source_path": f"page{n}.txt",
            "lines": f"{TEXT}{n}".split("\n"),
            "body_line_nos": [3],
            "published_on": None,
            "language": "en",
        }
        for n in range(count)
    ]


def failing_on(bad: set[int], error: type[Exception]):
    def extractor(text):
        if int(text.lines[-1]) in bad:
            raise error("cannot read this article")
        return []

    return extractor


def test_an_article_that_raises_a_data_error_is_rejected_and_the_rest_go_on():
    out = runner.extract_part(text_rows(5), "numbers", failing_on({2}, ValueError))
    assert out.articles == 5
    assert [r["source_path"] for r in out.rows["rejects"]] == ["page2.txt"]
    assert "ValueError: cannot read this article" in out.rows["rejects"][0]["error"]
    summary = runner.PartSummary(articles=out.articles, failures=out.failures)
    runner.check_stage_health("numbers", [summary])  # one in five: bad input, not a bug


def test_an_exception_other_than_a_data_error_is_a_bug_and_propagates():
    with pytest.raises(TypeError):
        runner.extract_part(text_rows(3), "numbers", failing_on({1}, TypeError))


def test_a_stage_failing_on_most_articles_of_a_batch_fails_the_run_naming_it():
    parts = [
        runner.extract_part(rows, "claims", failing_on({0, 1, 2, 3}, ValueError))
        for rows in (text_rows(3), text_rows(3)[1:])
    ]
    summaries = [runner.PartSummary(articles=p.articles, failures=p.failures) for p in parts]
    with pytest.raises(runner.StageFailed) as failed:
        runner.check_stage_health("claims", summaries)
    message = str(failed.value)
    assert "'claims'" in message and "5 of 5 articles" in message
    assert "page0.txt: ValueError: cannot read this article" in message


def test_a_single_failure_never_fails_the_run():
    out = runner.extract_part(text_rows(1), "dates", failing_on({0}, ValueError))
    runner.check_stage_health("dates", [runner.PartSummary(articles=1, failures=out.failures)])


def test_pages_with_no_article_are_input_verdicts_not_stage_failures():
    menus = "Home\nNews\nSport\nWeather\nContact us\n"
    docs = [
        {
            "source_path": f"menu{n}.txt",
            "source_id": f"menu{n}",
            "kind": "txt",
            "content_hash": f"{n:064x}",
            "outlet": None,
            "title": None,
            "url": None,
            "published_on": None,
            "text": f"{menus}{n}",
        }
        for n in range(4)
    ]
    out = runner.clean_part(docs, {})
    assert len(out.rows["rejects"]) == 4
    assert all("no article body found" in r["error"] for r in out.rows["rejects"])
    assert out.failures == []
    runner.check_stage_health("clean", [runner.PartSummary(articles=4, failures=out.failures)])


@pytest.mark.slow
def test_newsfacts_run_fails_naming_a_stage_that_fails_on_every_article(
    sample_raw, tmp_path, monkeypatch, capsys
):
    from pipeline import cli
    from pipeline.stages import numbers

    def broken(text):
        raise ValueError("numbers lexicon is empty")

    monkeypatch.setattr(numbers, "extract_numbers", broken)
    warehouse = tmp_path / "wh" / "news.duckdb"
    code = cli.main(["run", "--raw-dir", str(sample_raw), "--warehouse", str(warehouse)])
    captured = capsys.readouterr()
    out = " ".join((captured.out + captured.err).split())  # rich wraps long lines
    assert code == 1
    assert "stage 'numbers' failed on 5 of 5 articles" in out
    assert "numbers lexicon is empty" in out
    assert not warehouse.exists()  # nothing of the broken batch was loaded
