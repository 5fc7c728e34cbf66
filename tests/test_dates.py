"""Date mentions: candidate spans, resolution against a reference date, article-level rules."""

import datetime as dt
import json
import random
import re
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest

from pipeline.stages.dates import extract_dates, find_dates, lexicon
from pipeline.stages.dates.candidates import _matches_at_starts
from pipeline.stages.dates.lexicon import COUNTS, MONTHS, ORDINALS, WEEKDAYS
from pipeline.stages.dates.patterns import _START_PATTERNS, PATTERN_STARTS, PATTERNS
from pipeline.stages.dates.resolve import _add_business_days
from pipeline.stages.dates.spans import _non_overlapping
from schemas import ArticleText
from tests.conftest import BENCH_DIR, requires_shared

FRIDAY = dt.date(2024, 1, 5)

# (text, reference, expected [(span, value, granularity)])
FIND_CASES = [
    (
        "The minister said on Friday that talks would resume.",
        FRIDAY,
        [("Friday", "2024-01-05", "day")],
    ),
    ("The strike on Thursday killed a commander.", FRIDAY, [("Thursday", "2024-01-04", "day")]),
    ("Officials met on Monday.", FRIDAY, [("Monday", "2024-01-01", "day")]),
    ("The vote was held on 22 December.", FRIDAY, [("22 December", "2023-12-22", "day")]),
    ("It was announced in a Jan. 5 statement.", FRIDAY, [("Jan. 5", "2024-01-05", "day")]),
    (
        "The deal was signed on March 3, 2019 in Doha.",
        FRIDAY,
        [("March 3, 2019", "2019-03-03", "day")],
    ),
    (
        "The strike on Thursday, Jan. 4 killed him.",
        FRIDAY,
        [("Thursday, Jan. 4", "2024-01-04", "day")],
    ),
    ("Troops returned in 2014 to fight.", FRIDAY, [("2014", "2014-01-01", "year")]),
    ("He visited in January 2020.", FRIDAY, [("January 2020", "2020-01-01", "month")]),
    ("Attacks rose since mid-October 2023.", FRIDAY, [("mid-October 2023", "2023-10-01", "month")]),
    ("The report came out yesterday.", FRIDAY, [("yesterday", "2024-01-04", "day")]),
    (
        "The mortar fire hit the compound last month.",
        FRIDAY,
        [("last month", "2023-12-01", "month")],
    ),
    ("Talks were held last week.", FRIDAY, [("last week", "2023-12-25", "week")]),
    ("He left two days ago.", FRIDAY, [("two days ago", "2024-01-03", "day")]),
    ("The talks resume in 3 weeks.", FRIDAY, [("in 3 weeks", "2024-01-26", "day")]),
    ("The file is dated 2023-11-30.", FRIDAY, [("2023-11-30", "2023-11-30", "day")]),
    ("Filed on 12/05/2023 by the clerk.", FRIDAY, [("12/05/2023", "2023-12-05", "day")]),
    ("They gathered on Christmas Day.", FRIDAY, [("Christmas Day", "2023-12-25", "day")]),
    ("The US has 2,500 troops in Iraq and 900 in Syria.", FRIDAY, []),
    ("Mortgages were at 6.45 percent.", FRIDAY, []),
    ("You may not leave.", FRIDAY, []),
    ("The unit is the 3rd Cavalry Regiment.", FRIDAY, []),
    # Without a reference only absolute dates resolve.
    (
        "He spoke on Friday, not on 4 January 2024.",
        None,
        [("Friday", None, "day"), ("4 January 2024", "2024-01-04", "day")],
    ),
]


@pytest.mark.parametrize(("text", "reference", "expected"), FIND_CASES)
def test_find_dates(text: str, reference: dt.date | None, expected: list) -> None:
    found = find_dates(text, reference)
    got = [(f.text, f.value.isoformat() if f.value else None, f.granularity) for f in found]
    assert got == expected
    for f in found:
        assert text[f.start : f.end] == f.text


# Other languages: (language, text, expected [(span, value, granularity)]) against FRIDAY.
OTHER_LANGUAGE_CASES = [
    (
        "de",
        "Moritz Bachmann publiziert am 25. September 2018",
        [("25. September 2018", "2018-09-25", "day")],
    ),
    (
        "de",
        "Gestern virtueller Datenraum, heute interoperable Kundenlösung",
        [("Gestern", "2024-01-04", "day"), ("heute", "2024-01-05", "day")],
    ),
    ("de", "Bis zum 01.01.2019 sollen alle Ärzte", [("01.01.2019", "2019-01-01", "day")]),
    ("de", "Seit Mai 2017 ist er Teil des Teams.", [("Mai 2017", "2017-05-01", "month")]),
    # Articles and prepositions that abbreviate weekdays ("Di", "Mi") are not dates.
    ("de", "Die elektronische Patientenakte mit dem Potenzial, so die Folge.", []),
    ("pt", "A reunião foi em 14 de junho de 2023.", [("14 de junho de 2023", "2023-06-14", "day")]),
    ("pt", "Carlos Nadalim 27/09/2018 Comente!", [("27/09/2018", "2018-09-27", "day")]),
    # Durations and bare numbers are not dates.
    ("pt", "uma criança de 6 anos deve ler 60 palavras", []),
    ("it", "Complete Collection (Stagioni 1-8) (45 DVD)", []),
    ("fr", "Le sommet a eu lieu le 3 mars 2022 à Paris.", [("3 mars 2022", "2022-03-03", "day")]),
    ("es", "El acuerdo se firmó hace 3 días.", [("hace 3 días", "2024-01-02", "day")]),
    ("es", "El lunes se reunieron.", [("lunes", "2024-01-01", "day")]),
    ("ru", "Встреча прошла 14 июня 2023 года.", [("14 июня 2023", "2023-06-14", "day")]),
    ("ko", "등록년월일 : 2012년 11월 06일", [("2012년 11월 06일", "2012-11-06", "day")]),
    # A language dateparser does not know still gets numeric dates.
    ("xx", "Signed 2019-03-04 in town", [("2019-03-04", "2019-03-04", "day")]),
]


@pytest.mark.parametrize(("language", "text", "expected"), OTHER_LANGUAGE_CASES)
def test_find_dates_other_languages(language: str, text: str, expected: list) -> None:
    found = find_dates(text, FRIDAY, language)
    got = [(f.text, f.value.isoformat() if f.value else None, f.granularity) for f in found]
    assert got == expected
    for f in found:
        assert text[f.start : f.end] == f.text


def test_other_language_relative_dates_need_a_reference() -> None:
    found = find_dates("Am 25. September 2018 und gestern", None, "de")
    assert [(f.text, f.value) for f in found] == [("25. September 2018", dt.date(2018, 9, 25))]


def test_dates_on_a_very_long_line() -> None:
    """A 40,000-character feed paragraph: every date found once, at the right place."""
    unit = "The minister said on Friday that talks failed, and on 22 December 2023 they resumed. "
    line = unit * (40_000 // len(unit) + 1)
    found = find_dates(line, FRIDAY)
    units = line.count(unit)
    assert [(f.text, f.value) for f in found] == [
        ("Friday", FRIDAY),
        ("22 December 2023", dt.date(2023, 12, 22)),
    ] * units
    assert all(line[f.start : f.end] == f.text for f in found)
    assert [f.start for f in found[:2]] == [line.index("Friday"), line.index("22 December")]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "cannot load"),
        ("{oops", "cannot load"),
        ("[]", "expected a JSON object"),
        ('{"months": {}}', "missing or malformed weekdays"),
    ],
)
def test_word_file_that_fails_to_load_raises_naming_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, content: str | None, problem: str
) -> None:
    (tmp_path / "data").mkdir()
    if content is not None:
        (tmp_path / "data" / "dates_words.json").write_text(content, encoding="utf-8")
    monkeypatch.setattr(lexicon, "resources", SimpleNamespace(files=lambda package: tmp_path))
    with pytest.raises(RuntimeError, match=problem) as raised:
        lexicon._load_words()
    assert "pipeline/data/dates_words.json" in str(raised.value)


def _article(lines: list[str], published_on: dt.date | None) -> ArticleText:
    return ArticleText(
        article_id="a1",
        lines=lines,
        body_line_nos=[n for n, line in enumerate(lines, start=1) if line.strip()],
        published_on=published_on,
    )


def test_extract_dates_resolves_against_publication_date() -> None:
    article = _article(
        ["Title line", "", "The premier said on Friday that troops would leave."], FRIDAY
    )
    [mention] = extract_dates(article)
    assert (mention.line_no, mention.text, mention.value) == (3, "Friday", FRIDAY)
    assert article.lines[2][mention.start : mention.end] == "Friday"


def test_extract_dates_only_on_body_lines() -> None:
    article = ArticleText(
        article_id="a1",
        lines=["Photo taken on 4 January 2024", "Nothing dated here."],
        body_line_nos=[2],
    )
    assert extract_dates(article) == []


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # The article pairs Thursday with Jan. 4, so a later bare "Thursday" is fixed too.
        (
            [
                "Attacks rose after October 2023.",
                "The strike on Thursday, Jan. 4 killed him.",
                "He spoke on Thursday.",
            ],
            [
                ("October 2023", "2023-10-01"),
                ("Thursday, Jan. 4", "2024-01-04"),
                ("Thursday", "2024-01-04"),
            ],
        ),
        # A year-less day follows the latest month the article states.
        (
            ["Attacks began in early October 2023.", "In a Jan. 5 statement he spoke."],
            [("early October 2023", "2023-10-01"), ("Jan. 5", "2024-01-05")],
        ),
        # A bare year is too coarse to place a year-less day; a bare weekday stays unresolved.
        (
            ["Troops came in 2014.", "On Jan. 3 police found a missile.", "He spoke on Friday."],
            [("2014", "2014-01-01"), ("Jan. 3", None), ("Friday", None)],
        ),
    ],
)
def test_extract_dates_without_publication_date(lines: list[str], expected: list) -> None:
    mentions = extract_dates(_article(lines, None))
    assert [(m.text, m.value.isoformat() if m.value else None) for m in mentions] == expected


@requires_shared(BENCH_DIR / "dates")
def test_dates_benchmark_pass_rate() -> None:
    """Recognizers-Text date cases (../shared/bench/dates): we pass 0.89; dateparser alone 0.39."""
    cases = [
        json.loads(line)
        for line in (BENCH_DIR / "dates" / "cases.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    passed = 0
    for case in cases:
        found = find_dates(case["input"], dt.datetime.fromisoformat(case["reference"]))
        got = Counter(f.value.isoformat() for f in found if f.value is not None)
        passed += got == Counter(e["date"] for e in case["expected"])
    assert passed / len(cases) >= 0.87


@requires_shared(BENCH_DIR / "dates")
def test_dates_benchmark_through_the_run_path() -> None:
    """The same cases as a run reads them (bench/eval_dates.py): a one-line article with the
    case's reference as publication date and the language the clean stage detects."""
    from pipeline.stages.clean.language import detect_language

    cases = [
        json.loads(line)
        for line in (BENCH_DIR / "dates" / "cases.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    passed = 0
    for case in cases:
        article = ArticleText(
            article_id=case["case_id"],
            lines=[case["input"]],
            body_line_nos=[1],
            published_on=dt.datetime.fromisoformat(case["reference"]).date(),
            language=detect_language([case["input"]]),
        )
        got = Counter(m.value.isoformat() for m in extract_dates(article) if m.value is not None)
        passed += got == Counter(e["date"] for e in case["expected"])
    assert passed / len(cases) >= 0.85


def test_an_event_named_with_its_date_is_one_day_mention() -> None:
    """ "in a Jan. 4 statement", "Friday's speech": the day the claims stage dates them by."""
    article = ArticleText(
        article_id="a",
        lines=["The ministry said in a Jan. 4 statement that Friday's speech was cancelled."],
        body_line_nos=[1],
        published_on=dt.date(2024, 1, 10),
    )
    assert [(m.text, m.value) for m in extract_dates(article)] == [
        ("Jan. 4", dt.date(2024, 1, 4)),
        ("Friday", dt.date(2024, 1, 5)),
    ]


# Spans in order of preference -> indices kept (each kept unless it overlaps a kept one).
NON_OVERLAPPING_CASES = [
    ([], []),
    ([(0, 5), (6, 9)], [0, 1]),
    ([(0, 10), (2, 4), (10, 12)], [0, 2]),
    ([(5, 9), (0, 6), (8, 12), (9, 10)], [0, 3]),
    ([(3, 3), (0, 5)], [0]),
]


@pytest.mark.parametrize(("spans", "kept"), NON_OVERLAPPING_CASES)
def test_non_overlapping(spans: list[tuple[int, int]], kept: list[int]) -> None:
    assert _non_overlapping(spans) == kept


def _overlaps_a_kept_one(span: tuple[int, int], kept: list[tuple[int, int]]) -> bool:
    """The rule, read span by span: a kept span starts within it, or runs on past its start."""
    start, end = span
    return any(a < start < b or start <= a < end for a, b in kept)


def test_non_overlapping_follows_the_rule_on_random_spans() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        spans = []
        for _ in range(rng.randint(0, 8)):
            start = rng.randint(0, 12)
            spans.append((start, start + rng.choice([0, 1, 1, 2, 3, 5])))
        kept: list[tuple[int, int]] = []
        expected = []
        for index, span in enumerate(spans):
            if not _overlaps_a_kept_one(span, kept):
                kept.append(span)
                expected.append(index)
        assert _non_overlapping(spans) == expected, spans


# Lines on which the stage once did work quadratic in their length (a pattern reading a long
# run of spaces or digits again from many positions, the candidates of a line found again for
# each of its dates): each must read as its short form does, and at once.
LONG_RUN = 50_000
LONG_RUN_SECONDS = 10


@pytest.mark.timeout(LONG_RUN_SECONDS)
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("zh", "1{run} 2024\u5e743\u67085\u65e5", [("2024-03-05", "day")]),
        ("ja", "1{run}x 3\u65e5\u524d", [("2024-01-02", "day")]),
        ("ko", "5{spaces}x 2024\ub144 3\uc6d4 5\uc77c", [("2024-03-05", "day")]),
        ("fr", "le 5{spaces}x, le 5 janvier 2024", [("2024-01-05", "day")]),
        ("fr", "le 5{spaces}janvier 2024", [("2024-01-05", "day")]),
        ("fr", "janvier{spaces}x", []),
    ],
)
def test_long_runs_read_like_short_ones(language: str, text: str, expected: list) -> None:
    for run, spaces in (("1", " "), ("1" * LONG_RUN, " " * LONG_RUN)):
        found = find_dates(text.format(run=run, spaces=spaces), FRIDAY, language)
        assert [(f.value.isoformat(), f.granularity) for f in found if f.value] == expected


@pytest.mark.timeout(LONG_RUN_SECONDS)
def test_a_long_line_of_year_less_days_without_publication_date() -> None:
    repeats = 2_000
    line = "It began on January 4, 2024. " + "Thursday, January 4 and " * repeats
    mentions = extract_dates(_article([line], None))
    assert len(mentions) == repeats + 1
    assert {m.value for m in mentions} == {dt.date(2024, 1, 4)}


@pytest.mark.timeout(LONG_RUN_SECONDS)
def test_spaces_after_next_week_read_like_one() -> None:
    """The patterns see at most a window around their words, but one of them once tried each
    split of the spaces in it among four space runs: half a second for each "next week" here."""
    repeats = 40

    def found(spaces: str) -> list[tuple[str, str]]:
        text = "Monday. " + f"next week{spaces}" * repeats + "next week, Tuesday"
        return [(f.value.isoformat(), f.granularity) for f in find_dates(text, FRIDAY) if f.value]

    expected = [("2024-01-08", "day"), *[("2024-01-08", "week")] * (repeats - 1)]
    assert found(" ") == [*expected, ("2024-01-09", "day")]
    assert found(" " * 110) == [*expected, ("2024-01-09", "day")]


def _business_days_step_by_step(day: dt.date, count: int) -> dt.date:
    step = 1 if count >= 0 else -1
    for _ in range(abs(count)):
        day += dt.timedelta(days=step)
        while day.weekday() >= 5:
            day += dt.timedelta(days=step)
    return day


def test_business_days_are_counted_a_week_at_a_time() -> None:
    rng = random.Random(5)
    for _ in range(2000):
        day = dt.date(2000, 1, 1) + dt.timedelta(days=rng.randint(0, 9000))
        count = rng.randint(-400, 400)
        assert _add_business_days(day, count) == _business_days_step_by_step(day, count)
    # Past the calendar's end: no date (and at once, not after a step per day).
    assert find_dates("It ends in 999999999999 business days.", FRIDAY)[0].value is None


# Words and figures the date patterns start with or read, in several cases and with the
# punctuation they meet in text, plus words that merely begin like them ("inside", "mayor").
_START_VOCABULARY = [
    *MONTHS, *(m.capitalize() for m in MONTHS), *WEEKDAYS, *(w.upper() for w in WEEKDAYS),
    *ORDINALS, *COUNTS, "the", "The", "on", "for", "of", "in", "this", "next", "last", "past",
    "previous", "coming", "upcoming", "early", "mid", "late", "end", "beginning", "week",
    "weeks", "month", "day", "days", "year", "business", "today", "Yesterday", "tomorrow",
    "tonight", "earlier", "later", "ago", "inside", "again", "mayor", "Sunday's", "said",
    "5", "05", "12", "31", "2024", "1999", "20240105", "2024-01-05", "5/1/2024", "'24", "3rd",
    "1st", "7.", ",", ".", "-", "/", "(", ")", "\u00e9t\u00e9", "2\u00a0500",
]  # fmt: skip


def _random_lines(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    lines = []
    for _ in range(count):
        words = rng.choices(_START_VOCABULARY, k=rng.randint(1, 12))
        gaps = rng.choices([" ", " ", " ", "", ", ", "-", "  "], k=len(words))
        lines.append("".join(w + g for w, g in zip(words, gaps, strict=True)).strip())
    return lines


@pytest.mark.parametrize("kind", sorted(PATTERN_STARTS))
def test_patterns_tried_at_their_starts_find_what_a_full_scan_finds(kind: str) -> None:
    """PATTERN_STARTS is kept by hand: a pattern that may now begin elsewhere must fail here."""
    pattern = dict(PATTERNS)[kind]
    starts = _START_PATTERNS[kind]
    rng = random.Random(kind)
    for text in _random_lines(3000, seed=len(kind)):
        lowered = text.lower()
        digits = [m.start() for m in re.finditer(r"\d\d*", text)]
        windows = [(0, len(text))]
        windows += [tuple(sorted(rng.sample(range(len(text) + 1), 2))) for _ in range(2)]
        for lo, hi in windows:
            full = [m.span() for m in pattern.finditer(text, lo, hi) if m.end() > m.start()]
            fast = _matches_at_starts(pattern, text, lowered, starts, digits, lo, hi)
            assert [m.span() for m in fast if m.end() > m.start()] == full, (text, lo, hi)
