"""Every stage's work grows linearly with its input: the same page at sizes n and 10n.

Nothing is timed: the work is the number of lines of our code executed (a trace counts them),
which a quadratic loop multiplies by about 100 at ten times the size, where linear work takes
about 10. (Work inside one C call, a regex or str.count over the whole page, is not counted
here: bench/size_scaling.py times each stage from 1x to 1,000x a page for those.)
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from conftest import RAW
from scaled_pages import LINE_UNIT, scaled_page

from pipeline.stages import actors, claims, clean, dates, numbers
from pipeline.stages.article import build_article
from schemas import ArticleText, SourceDocument

PIPELINE_DIR = str(Path(__file__).resolve().parent.parent / "pipeline")
SMALL, LARGE = 4, 40
# Linear work at 10x the size is about 10x; this leaves room for fixed costs and noise while
# a quadratic step (about 100x) fails.
MAX_GROWTH = 13
SAMPLE = sorted(RAW.glob("*.txt"))[1].read_text(encoding="utf-8")


def executed_lines(fn: Callable[[], Any]) -> int:
    """How many lines of pipeline/ code running ``fn`` executes."""
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame: FrameType, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename.startswith(PIPELINE_DIR) else None

    previous = sys.gettrace()
    sys.settrace(calls)
    try:
        fn()
    finally:
        sys.settrace(previous)
    return count


def page(shape: str, copies: int, tag: str) -> str:
    return scaled_page(SAMPLE, shape, copies, tag)


def document(text: str) -> SourceDocument:
    return SourceDocument(
        source_path="p.txt", source_id="p", kind="txt", content_hash="0" * 64, text=text
    )


def article(text: str) -> ArticleText:
    doc = document(text)
    return build_article(doc, clean.clean_document(doc), dt.datetime.now(dt.UTC))[2]


def run_stage(stage: str, text: str) -> Callable[[], Any]:
    if stage == "clean":
        doc = document(text)
        return lambda: clean.clean_document(doc)
    art = article(text)
    if stage == "claims":
        mentions, found = actors.extract_actor_mentions(art), dates.extract_dates(art)
        return lambda: claims.extract_claims(art, mentions, found)
    extractor = {
        "actors": actors.extract_actor_mentions,
        "numbers": numbers.extract_numbers,
        "dates": dates.extract_dates,
    }[stage]
    return lambda: extractor(art)


CASES = [
    (stage, shape)
    for stage in ("clean", "actors", "numbers", "dates", "claims")
    for shape in ("repeated", "distinct", "line")
] + [(stage, "figures") for stage in ("numbers", "dates")]


@pytest.mark.parametrize(("stage", "shape"), CASES)
def test_work_grows_linearly_with_the_page(stage: str, shape: str) -> None:
    run_stage(stage, page(shape, 1, "warm"))()  # word lists and caches loaded once
    small = executed_lines(run_stage(stage, page(shape, SMALL, "s")))
    large = executed_lines(run_stage(stage, page(shape, LARGE, "l")))
    growth = large / max(small, 1)
    assert growth <= MAX_GROWTH, f"{stage} on a {shape} page: {small:,} -> {large:,} lines"


# One long run-on sentence of each kind the claims stage reads per cue, pronoun or quotation
# mark: work done per item over the whole sentence is quadratic there. The stage reads a few
# hundred characters or a few cues around each item, so the sentence is measured from 40
# copies, where those windows are full, to 400.
RUN_ON_UNITS = {
    "no full stop": LINE_UNIT.replace("October 17. ", "October 17, and "),
    "coordinated cues": "The minister declined to comment and said the talks would go on and ",
    "pronouns after a role": "the prime minister met them on Friday and he said it would go on, ",
    "pronouns after a name": "Pat Ryder sent troops to Iraq on a mission he says will go on and ",
    "single marks left open": "\u2018a \u201d ",
    "double marks left open": "\u201cwe don\u2019t stay ",
}
RUN_ON_SMALL, RUN_ON_LARGE = LARGE, 10 * LARGE


@pytest.mark.parametrize("unit", RUN_ON_UNITS)
def test_claims_work_grows_linearly_with_a_run_on_sentence(unit: str) -> None:
    def sentence(copies: int, tag: str) -> str:
        return f"A headline\n\n{tag}: " + RUN_ON_UNITS[unit] * copies + "\n"

    run_stage("claims", sentence(RUN_ON_SMALL, "Warm"))()  # word lists loaded once
    small = executed_lines(run_stage("claims", sentence(RUN_ON_SMALL, "Small")))
    large = executed_lines(run_stage("claims", sentence(RUN_ON_LARGE, "Large")))
    growth = large / max(small, 1)
    assert growth <= MAX_GROWTH, f"claims on a run-on sentence ({unit}): {small:,} -> {large:,}"


# A line naming the same person (in full, then by surname), a coalition and an acronym: the
# actors stage resolves each mention against the article's other names, and must do so
# without comparing it with every one of them.
NAMES_UNIT = (
    "Gen. Pat Ryder told the U.S.-led coalition in Baghdad that Ryder and the Popular "
    "Mobilisation Forces (PMF) would meet, line {tag}{n}."
)
NAMES_LINES_PER_COPY = 10


def names_article(copies: int, tag: str) -> ArticleText:
    """``NAMES_LINES_PER_COPY`` lines per copy, built directly: cleaning would drop such
    alike lines as boilerplate."""
    count = copies * NAMES_LINES_PER_COPY
    lines = ["A headline", "", *(NAMES_UNIT.format(tag=tag, n=n) for n in range(count))]
    return ArticleText(article_id="a", lines=lines, body_line_nos=list(range(3, len(lines) + 1)))


def test_actors_work_grows_linearly_with_repeated_names() -> None:
    actors.extract_actor_mentions(names_article(1, "warm"))
    small_art, large_art = names_article(SMALL, "s"), names_article(LARGE, "l")
    small = executed_lines(lambda: actors.extract_actor_mentions(small_art))
    large = executed_lines(lambda: actors.extract_actor_mentions(large_art))
    growth = large / max(small, 1)
    assert growth <= MAX_GROWTH, f"actors on repeated names: {small:,} -> {large:,} lines"


# One run-on sentence of market and survey figures: each reads its clause, the figure before
# it and what follows it (issue 21's subjects, shares, gaps and ellipsis), never the whole
# sentence.
FIGURE_RUN_UNITS = {
    "market": "the main index fell 12.5 points, or 0.4%, to 3,100.2 and the euro was up 0.1% ",
    "survey": "while 65 percent were white, 7 of another group and one in five adults ",
    "gapping": "as the UK has 900 troops, France 500 and the Conservatives 121 seats ",
}


@pytest.mark.parametrize("unit", FIGURE_RUN_UNITS)
def test_numbers_work_grows_linearly_with_a_run_on_sentence(unit: str) -> None:
    def sentence(copies: int, tag: str) -> str:
        return f"A headline\n\n{tag}: " + FIGURE_RUN_UNITS[unit] * copies + "\n"

    run_stage("numbers", sentence(RUN_ON_SMALL, "Warm"))()
    small = executed_lines(run_stage("numbers", sentence(RUN_ON_SMALL, "Small")))
    large = executed_lines(run_stage("numbers", sentence(RUN_ON_LARGE, "Large")))
    growth = large / max(small, 1)
    assert growth <= MAX_GROWTH, f"numbers on a run-on sentence ({unit}): {small:,} -> {large:,}"
