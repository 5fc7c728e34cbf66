"""Tests of the numbers stage: the lexical parser, units and measures, the gold seeds, the
comparison view."""

from __future__ import annotations

import importlib.util
import random
from collections import Counter
from collections.abc import Callable
from itertools import combinations
from pathlib import Path

import duckdb
import pytest
from conftest import gold_articles

from pipeline.stages import numbers
from pipeline.stages.numbers import grammar, lexicon, links, measures, places, spots, tokens, units
from schemas.records import ArticleText, NumberMention

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"
VIEW = ROOT / "sql" / "views" / "number_comparison.sql"


def values(sentence: str, mode: numbers.Mode = "news") -> list[float]:
    return [q.value for q in numbers.parse_quantities(sentence, mode)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The ministry counted 2,500 cases and 1,234,567.5 euros.", [2500, 1234567.5]),
        ("Turnout was 2.5 million, and the plan costs $3bn.", [2.5e6, 3e9]),
        ("They pledged 1.2bn euros and 40 pct more.", [1.2e9, 40]),
        ("Twenty-five soldiers and a dozen medics arrived.", [25, 12]),
        ("Six-million people and two-hundred-fifty others lost it.", [6e6, 250]),
        ("A hundred people and two hundred and six others.", [100, 206]),
        ("One hundred and sixty-one boxes, three dozen eggs.", [161, 36]),
        ("Two thirds of voters and a quarter of staff.", [2 / 3, 0.25]),
        ("Prices rose 20% and 7.5 percent.", [20, 7.5]),
        ("It costs 10 us dollars or £ 50 million.", [10, 50e6]),
        ("It only cost 3 dollars 50 cents.", [3.5]),
        ("The mine is 200 miles away and 1.6 km deep.", [200, 1.6]),
    ],
)
def test_values(sentence: str, expected: list[float]) -> None:
    assert values(sentence) == pytest.approx(expected)


@pytest.mark.parametrize(
    "sentence",
    [
        "The strike happened on Jan. 4 and on 22 December 2023.",
        "In 2014 the group seized large areas; by 2019 it was defeated.",
        "The talks ended two days after the vote and lasted three months.",
        "The meeting started at 10:30 and ended at 5 p.m.",
        "The 3rd Cavalry Regiment drove M2A2 vehicles; it was the fourth time.",
        "Call +1-222-333-4444 or use tracking code 123456789012.",
        "Dozens were hurt, thousands of people fled and scores died.",
        "She was one of the leaders, and no one else came.",
        "The 28-year-old man was released after 48 hours.",
        "Article 5 of Resolution 2334 applies to Flight 752.",
        "The team won 3-2 at their ground, 100 Haven Avenue.",
        "Call (202) 555-0143 or +44 20 7946 0958 today.",
        "The No. 1 seed visited Task Force 51.",
        "It met on July 18-21 at an 18-hole course after a year and a half.",
        "See https://example.com/news/7-key-questions or write to desk2@example.com.",
    ],
)
def test_not_figures(sentence: str) -> None:
    assert values(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "qualifier", "value", "value_max"),
    [
        ("Some 2,500 troops are there.", "approximate", 2500, None),
        ("It has about 900 soldiers.", "approximate", 900, None),
        ("Nearly 100 people died.", "approximate", 100, None),
        ("There were more than 120 attacks.", "more_than", 120, None),
        ("It happened over 100 times.", "more_than", 100, None),
        ("Fewer than 50 homes remain.", "less_than", 50, None),
        ("At least two rockets hit.", "at_least", 2, None),
        ("Up to 300 people could attend.", "at_most", 300, None),
        ("The deal has a maximum value of $40m.", "at_most", 40e6, None),
        ("Fees are capped at $500.", "at_most", 500, None),
        ("Between 10 and 15 people were hurt.", "exact", 10, 15),
        ("It costs 10-15 dollars.", "exact", 10, 15),
        ("Some 10 to 15 boats sank.", "approximate", 10, 15),
    ],
)
def test_qualifiers_and_ranges(
    sentence: str, qualifier: str, value: float, value_max: float | None
) -> None:
    (q,) = numbers.parse_quantities(sentence)
    assert (q.qualifier, q.value, q.value_max) == (qualifier, value, value_max)
    assert q.text == sentence[q.start : q.end]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("one hundred thirty-fifths", [100 / 35]),
        ("one hundred and thirty fifths", [26]),
        ("five and a quarter", [5.25]),
        ("two hundred point zero three", [200.03]),
        ("1 over three", [1 / 3]),
        ("- 1 4/5", [-1.8]),
        ("1.1^23", [1.1**23]),
        ("I can give you 10M.", [1e7]),
        ("4 thousand 3 hundred and 21", [4321]),
        ("the 4th of May, the fourth", [4]),
        ("192.168.1.2", [192, 168, 1, 2]),
        ("The answer is minus one", [-1]),
    ],
)
def test_all_mode(sentence: str, expected: list[float]) -> None:
    assert values(sentence, "all") == pytest.approx(expected)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("He turned 5 years old", "age"),
        ("It lasted 3 years", "duration"),
        ("It is 98.6 degrees fahrenheit", "temperature"),
        ("It was built in 1934", "year"),
        ("the 180ml liquid", "dimension"),
    ],
)
def test_kinds(sentence: str, kind: str) -> None:
    assert [q.kind for q in numbers.parse_quantities(sentence, "all")] == [kind]


def article(*lines: str) -> ArticleText:
    return ArticleText(
        article_id="a", lines=list(lines), body_line_nos=list(range(1, 1 + len(lines)))
    )


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            ["The UK has 900 troops in Syria and 2,500 in Iraq."],
            [(900, "exact", "troops", "uk_troops_in_syria"),
             (2500, "exact", "troops", "uk_troops_in_iraq")],
        ),
        (
            ["Some 300 French soldiers are in Mali. About 90 others are stationed in Chad."],
            [(300, "approximate", "soldiers", "france_troops_in_mali"),
             (90, "approximate", "soldiers", "france_troops_in_chad")],
        ),
        (
            ["The blast in Kenya killed nearly 40 people."],
            [(40, "approximate", "people", "deaths_in_kenya")],
        ),
        (
            ["German forces in Mali have come under attack more than 20 times."],
            [(20, "more_than", "attacks", "attacks_on_germany_forces_in_mali")],
        ),
        (
            ["Officials said 1,200 British service members were deployed."],
            [(1200, "exact", "service members", "uk_troops")],
        ),
    ],
)  # fmt: skip
def test_units_and_measures(lines: list[str], expected: list[tuple]) -> None:
    got = numbers.extract_numbers(article(*lines))
    assert [(m.value, m.qualifier, m.unit, m.measure) for m in got] == expected
    for m in got:
        assert m.text == lines[m.line_no - 1][m.start : m.end]


@pytest.mark.parametrize(
    ("line", "measure"),
    [
        ("The group raised $2 billion in revenue.", "group_dollars_revenue"),
        ("Turnout was 51% of the registered voters.", "turnout_percent_voters"),
        ("It has $16 million stashed away.", "dollars"),
        ("Gold closed 1.2% higher on the day.", "gold_change"),
        ("The unemployment rate held at 3.6%.", "unemployment_rate_percent"),  # a verb ends it
        ("After hitting $5 billion, sales fell.", "dollars"),  # no subject before the figure
    ],
)
def test_money_and_percent_measures_take_their_subject_and_topic(line: str, measure: str) -> None:
    (got,) = numbers.extract_numbers(article(line))
    assert got.measure == measure


def test_the_country_and_its_forces_resolve_to_places() -> None:
    got = numbers.extract_numbers(
        article(
            "The strike hit a base in Baghdad.",
            "Some 500 Turkish soldiers are deployed throughout the country.",
            "Ankara says there have been more than 30 attacks on its forces in Iraq.",
        )
    )
    assert [m.measure for m in got] == ["turkey_troops_in_iraq", "attacks_on_turkey_forces_in_iraq"]


def test_compound_unit_and_ellipsis_stay_in_their_line() -> None:
    got = numbers.extract_numbers(
        article("He linked three news articles and 12 in total.", "Then 40 more came.")
    )
    assert [(m.value, m.unit) for m in got] == [(3, "articles"), (12, "articles")]


def mention_rows(line: str) -> list[tuple]:
    return [
        (m.start, m.end, m.value, m.qualifier, m.unit, m.measure, m.value_max)
        for m in numbers.extract_numbers(article(line))
    ]


@pytest.mark.parametrize(
    ("piece", "per_piece", "first"),
    [
        (
            "About 2,500 troops in Iraq, 900 in Syria and 12 drones; ",
            3,
            (2500, "approximate", "troops", "troops_in_iraq"),
        ),
        (
            "Some 3.5 million dollars, five soldiers and 40 percent of voters, ",
            3,
            (3.5e6, "approximate", "dollars", "dollars"),
        ),
        (
            "between 10 and 15 attacks on US forces in the country; ",
            2,
            (10, "at_least", "attacks", "attacks_on_us_forces"),
        ),
        ("12 troops, 15 drones, ", 2, (12, "exact", "troops", "troops")),
    ],
)  # fmt: skip
def test_a_long_line_full_of_figures_reads_like_its_pieces(
    piece: str, per_piece: int, first: tuple
) -> None:
    """A feed record can be one 40,000-character paragraph: every piece of it must read as
    it does alone (the look-backs stay local; speed is measured in bench/numbers_speed.py)."""
    alone = mention_rows(piece)
    assert len(alone) == per_piece
    assert alone[0][2:6] == first
    repeats = 40_000 // len(piece)
    got = mention_rows(piece * repeats)
    assert len(got) == per_piece * repeats
    shift = len(piece)
    expected = [
        (s + k * shift, e + k * shift, *rest) for k in range(repeats) for s, e, *rest in alone
    ]
    assert got == expected


# Lines on which a pattern once read a long run of spaces, of non-spaces or of capitalised
# words again from many positions (quadratic, or worse, in the run's length): each must read
# as its short form does, and at once.
LONG_RUN = 100_000
LONG_RUN_SECONDS = 10


@pytest.mark.timeout(LONG_RUN_SECONDS)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5{spaces}per cent", [(5.0, "percent", "percent")]),
        ("5{spaces}per capita", [(5.0, "number", None)]),
        ("It was 5{spaces}", [(5.0, "number", None)]),
        ("It was 5 -{spaces}", [(5.0, "number", None)]),
        ("5 years{spaces}old", [(5.0, "age", None)]),
        ("5 years{spaces}later", [(5.0, "duration", None)]),
    ],
)
def test_long_runs_of_spaces_read_like_short_ones(text: str, expected: list[tuple]) -> None:
    for spaces in (" \t ", " " * LONG_RUN):
        found = numbers.parse_quantities(text.format(spaces=spaces), "all")
        assert [(q.value, q.kind, q.unit) for q in found] == expected


@pytest.mark.timeout(LONG_RUN_SECONDS)
def test_links_next_to_a_long_run_without_spaces() -> None:
    run = "1,000,000," * (LONG_RUN // 10)
    text = f"{run} mail me@x.com {run} see www.x.org/{run} or x{run}@y"
    found = [m.span() for m in links.URL_RE.finditer(text)]
    mail, www, last = text.index("me@"), text.index("www."), text.index(" or ") + 4
    assert found == [(mail, mail + 8), (www, last - 4), (last, len(text))]


@pytest.mark.timeout(LONG_RUN_SECONDS)
def test_places_in_a_long_capitalised_run() -> None:
    names = "United States " * (LONG_RUN // 14)
    assert [p.key for p in places._find_places(f"in {names}and Iraq")] == [
        *["us"] * (LONG_RUN // 14),
        "iraq",
    ]
    for run in ("United States ", names):
        assert mention_rows(f"5 troops in {run}") == [
            (0, 25, 5.0, "exact", "troops", "troops_in_us", None)
        ]
    for repeats in (1, LONG_RUN // 20):
        assert mention_rows("He said 5 troops" + " in Iraq and in Syria" * repeats) == [
            (8, 24, 5.0, "exact", "troops", "troops_in_iraq_syria", None)
        ]


def _code_before_walk(found: list[tokens.Token], first: int) -> bool:
    """Letters glued on the left of token ``first``, read by walking back token by token."""
    numerals = {*grammar.UNIT_WORDS, *grammar.TEEN_WORDS, *grammar.TENS_WORDS}
    k = first
    while k > 0 and found[k].start == found[k - 1].end:
        prev = found[k - 1]
        if prev.kind in {"word", "abbr"}:
            return not (prev.low in numerals and k < first)
        if prev.kind == "sym" and prev.text not in grammar.HYPHENS:
            return False
        k -= 1
    return False


def test_codes_before_are_the_walk_back() -> None:
    rng = random.Random(3)
    pieces = ["1", "22", "-", "\u2013", "(", ",", "M", "F", "three", "twenty", "U.S.", " ", "1-2-3"]
    for _ in range(3000):
        found = tokens.tokenize("".join(rng.choice(pieces) for _ in range(rng.randint(0, 9))))
        codes = units._codes_before(found)
        assert codes == [_code_before_walk(found, k) for k in range(len(found))]


@pytest.mark.timeout(LONG_RUN_SECONDS)
@pytest.mark.parametrize(
    ("run", "plain"), [("1\u20132", 1), ("12\u2014", 1), ("5-F-", 1), ("1--", None)]
)
def test_a_long_glued_run_of_figures(run: str, plain: int | None) -> None:
    """Each figure of a run of digits and dashes once walked back over all of the run (34 s
    for 40,000 characters): every figure glued to one before it is a code, bar the first."""
    repeats = 2 * (30_000 // len(run) // 2) + 1
    found = Counter(q.kind for q in numbers.parse_quantities(run * repeats, "all"))
    plain = repeats if plain is None else plain
    assert found == Counter({"number": plain, "code": repeats - plain})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Some ONE and twenty-five, not someone or oneself.", [5, 13, 20]),
        (
            "caf\u00e9one, one\u00e9, na\u00efve ten, one\u2019s",
            [21, 26],
        ),  # accented letters are letters
        ("thirty_one, x2one, Hundred", [19]),
        ("LAKH and LA\u212aH", [0, 9]),  # the Kelvin sign lower-cases to "k"
        ("\u0130 two", [2]),  # lower-casing changes the length: the slow path
        ("", []),
    ],
)
def test_number_word_starts_match_the_word_pattern(text: str, expected: list[int]) -> None:
    assert spots._number_word_starts(text) == expected
    lower = text.lower()
    if len(lower) == len(text):
        assert expected == [m.start() for m in spots.NUMBER_WORD_RE.finditer(lower)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2,500 troops in 2019", [(0, 1), (2, 5), (16, 20)]),
        ("1\u00bd miles and \u0663\u0660 more", [(0, 2), (13, 15)]),  # other numerals
        ("no digits", []),
    ],
)
def test_digit_runs(text: str, expected: list[tuple[int, int]]) -> None:
    assert spots._digit_runs(text) == expected


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("the talks were between 10", 23, "between"),
        ("Between   ", 10, "between"),
        ("   ", 3, ""),
        ("x" * 100 + " between", 108, "between"),
        ("a" + " " * 130 + "to", 133, "to"),  # long blanks: read further back
        (
            "a" * 70 + "between ",
            78,
            "\x00" + "a" * 56 + "between",
        ),  # a cut long word matches no list
        ("a" * 70, 70, "\x00" + "a" * 64),
    ],
)
def test_last_word(text: str, end: int, expected: str) -> None:
    assert tokens._last_word(text, end) == expected
    words = text[:end].lower().split()
    if not expected.startswith("\x00"):
        assert expected == (words[-1] if words else "")


@pytest.mark.parametrize(
    ("surface", "expected"),
    [("Iraq's", "Iraq"), ("Gaza\u2019", "Gaza"), ("Syria\u2019s", "Syria"), ("US'S", "US'S"),
     ("Iran", "Iran"), ("X''s", "X'")],
)  # fmt: skip
def test_without_possessive(surface: str, expected: str) -> None:
    assert places._without_possessive(surface) == expected


@pytest.mark.parametrize(
    ("text", "end", "reach", "expected"),
    [
        ("The United States has", 21, 300, "The United States has"),
        ("Alpha Beta Gamma Delta", 22, 10, "Delta"),  # starts at a word, not mid-word
        ("abcdefghijklmnop", 16, 5, ""),
    ],
)
def test_text_before(text: str, end: int, reach: int, expected: str) -> None:
    assert measures._text_before(text, end, reach) == expected


def test_sentence_view_neighbours() -> None:
    sentence = "About 10 troops, 20 drones and 30 ships."
    quantities = numbers.parse_quantities(sentence)
    view = places._SentenceView(sentence, quantities)
    first, middle, last = quantities
    assert view.neighbours(first) == (middle.start, 0)
    assert view.neighbours(middle) == (last.start, first.end)
    assert view.neighbours(last) == (len(sentence), middle.end)


@pytest.mark.parametrize(
    ("name", "damage", "message"),
    [
        ("numbers_lexicon.json", None, "cannot read"),
        ("numbers_lexicon.json", lambda t: t[:-3], "is not valid JSON"),
        ("numbers_lexicon.json", lambda t: t.replace('"months"', '"monthz"'), "'months'"),
        ("numbers_units.tsv", lambda t: t + "x\tdimension\tx\n", "fields, not 6"),
        ("numbers_units.tsv", lambda t: t + "x\tdimension\tx\tsuffix\tci\ttwo\n", "'x'"),
    ],
)
def test_a_broken_data_file_raises_naming_it(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    damage: Callable[[str], str] | None,
    message: str,
) -> None:
    for source in lexicon.DATA_DIR.iterdir():
        if source.name.startswith("numbers_"):
            (tmp_path / source.name).write_text(source.read_text(encoding="utf-8"))
    target = tmp_path / name
    if damage is None:
        target.unlink()
    else:
        target.write_text(damage(target.read_text(encoding="utf-8")))
    monkeypatch.setattr(lexicon, "DATA_DIR", tmp_path)
    with pytest.raises(lexicon.DataFileError, match=message) as error:
        lexicon.lexicon.__wrapped__()  # the cached lexicon() is not read again
    assert name in str(error.value)


BENCH = SHARED / "bench" / "numbers"


@pytest.mark.skipif(not BENCH.is_dir(), reason="shared numbers benchmark absent")
def test_numbers_benchmark_floor() -> None:
    spec = importlib.util.spec_from_file_location(
        "eval_numbers", ROOT / "bench" / "eval_numbers.py"
    )
    assert spec is not None and spec.loader is not None
    evaluation = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(evaluation)
    cases = [
        c
        for c in evaluation.scored_cases()
        if evaluation.split_of_id(c["case_id"]) == "development"
    ]
    rows = [{"case_id": c["case_id"], "values": evaluation.predict(c["input"])} for c in cases]
    assert evaluation.found_rate(cases, rows) >= 0.95


@pytest.mark.skipif(not GOLD.is_dir(), reason="shared gold folder absent")
def test_gold_seeds() -> None:
    tp = predicted = expected = 0
    gold_measure: dict[tuple, str] = {}
    pred_measure: dict[tuple, str] = {}
    for gold, art in gold_articles():
        mentions = numbers.extract_numbers(art)
        key = lambda line, value, qualifier, unit: (line, float(value), qualifier, unit)  # noqa: E731
        g = Counter(key(n["line"], n["value"], n["qualifier"], n["unit"]) for n in gold["numbers"])
        p = Counter(key(m.line_no, m.value, m.qualifier, m.unit) for m in mentions)
        tp += sum((g & p).values())
        predicted += sum(p.values())
        expected += sum(g.values())
        for i, n in enumerate(gold["numbers"]):
            for m in mentions:
                if m.line_no == n["line"] and m.value == float(n["value"]):
                    gold_measure[(art.article_id, i)] = n["measure"]
                    pred_measure[(art.article_id, i)] = m.measure
                    break
    precision, recall = tp / predicted, tp / expected
    assert precision >= 0.95 and recall >= 0.95
    items = list(gold_measure)
    g_pairs = {(a, b) for a, b in combinations(items, 2) if gold_measure[a] == gold_measure[b]}
    p_pairs = {(a, b) for a, b in combinations(items, 2) if pred_measure[a] == pred_measure[b]}
    both = len(g_pairs & p_pairs)
    assert both / len(p_pairs) >= 0.95 and both / len(g_pairs) >= 0.95


COMPARISON_ROWS = [
    # article, outlet, text, value, qualifier, measure
    ("a1", "Outlet A", "more than 100 attacks", 100, "more_than", "attacks"),
    ("a2", "Outlet B", "more than 120 times", 120, "more_than", "attacks"),
    ("a1", "Outlet A", "some 2,500 troops", 2500, "approximate", "troops"),
    ("a2", "Outlet B", "more than 2,000 service members", 2000, "more_than", "troops"),
    ("a3", "Outlet C", "2,500 troops", 2500, "approximate", "troops"),
    ("a1", "Outlet A", "86 countries", 86, "exact", "countries"),
    ("a2", "Outlet B", "80 countries", 80, "exact", "countries"),
    ("a3", "Outlet C", "up to 85 countries", 85, "at_most", "countries"),
    ("a3", "Outlet C", "fewer than 80 countries", 80, "less_than", "countries"),
]


@pytest.fixture
def comparison() -> dict[tuple[str, str, str], str]:
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE articles (article_id VARCHAR, outlet VARCHAR, title VARCHAR, "
        "source_path VARCHAR, source_id VARCHAR, kind VARCHAR, story_id VARCHAR DEFAULT 's1')"
    )
    con.execute(
        'CREATE TABLE numbers (article_id VARCHAR, line_no INTEGER, "start" INTEGER, '
        '"end" INTEGER, text VARCHAR, value DOUBLE, value_max DOUBLE, qualifier VARCHAR, '
        "unit VARCHAR, measure VARCHAR)"
    )
    outlets = {(a, o) for a, o, *_ in COMPARISON_ROWS}
    con.executemany(
        "INSERT INTO articles VALUES (?, ?, NULL, ?, ?, 'txt', 's1')",
        [(a, o, f"{a}.txt", a) for a, o in sorted(outlets)],
    )
    for n, (art, _, text, value, qualifier, measure) in enumerate(COMPARISON_ROWS):
        con.execute(
            "INSERT INTO numbers VALUES (?, ?, 0, ?, ?, ?, NULL, ?, NULL, ?)",
            [art, n + 1, len(text), text, value, qualifier, measure],
        )
    con.execute(VIEW.read_text(encoding="utf-8"))
    rows = con.execute("SELECT measure, text_a, text_b, verdict FROM number_comparison").fetchall()
    return {(m, a, b): v for m, a, b, v in rows} | {(m, b, a): v for m, a, b, v in rows}


@pytest.mark.parametrize(
    ("measure", "a", "b", "verdict"),
    [
        ("attacks", "more than 100 attacks", "more than 120 times", "compatible"),
        ("troops", "some 2,500 troops", "more than 2,000 service members", "compatible"),
        ("troops", "some 2,500 troops", "2,500 troops", "agree"),
        ("countries", "86 countries", "80 countries", "conflict"),
        ("countries", "80 countries", "up to 85 countries", "compatible"),
        ("countries", "86 countries", "up to 85 countries", "conflict"),
        ("countries", "80 countries", "fewer than 80 countries", "conflict"),
    ],
)
def test_comparison_view(comparison: dict, measure: str, a: str, b: str, verdict: str) -> None:
    assert comparison[(measure, a, b)] == verdict


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        ((100, "more_than"), (120, "more_than"), "compatible"),
        ((2500, "approximate"), (2000, "more_than"), "compatible"),
        ((86, "exact"), (80, "exact"), "conflict"),
        ((2500, "approximate"), (2500, "approximate"), "agree"),
        ((80, "less_than"), (80, "exact"), "conflict"),
        ((80, "at_most"), (80, "exact"), "compatible"),
        ((2000, "approximate"), (2250, "at_least"), "conflict"),
    ],
)
def test_compare_matches_view_rule(a: tuple, b: tuple, verdict: str) -> None:
    def mention(value: float, qualifier: str) -> NumberMention:
        return NumberMention(
            article_id="a", line_no=1, start=0, end=1, text="x", value=value, qualifier=qualifier
        )

    assert numbers.compare(mention(*a), mention(*b)) == verdict
    assert numbers.compare(mention(*b), mention(*a)) == verdict


def test_comparison_view_pairs_outlets_once(comparison: dict) -> None:
    # 2 attack pairs... one pair per two figures of a measure from different articles
    assert len(comparison) == 2 * (1 + 3 + 5)


# Issue 21: the written forms of news figures, from general examples.
@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("The start-up raised $1.8M from investors.", 1.8e6, "dollars"),
        ("The start-up raised 1.8M dollars from investors.", 1.8e6, "dollars"),
        ("The loan is worth 75 USD million to the port.", 75e6, "dollars"),
        ("The fund holds USD 75m in bonds.", 75e6, "dollars"),
        ("The bank lent €12bn to the state.", 12e9, "euros"),
        ("Tickets cost Rs 300 each.", 300, "rupees"),
        ("The bridge cost Rs. 5 crore to build.", 5e7, "rupees"),
        ("The court awarded N500m in damages.", 5e8, "naira"),
        ("The agency paid ₦2 billion in fees.", 2e9, "naira"),
        ("The council approved a R2bn upgrade.", 2e9, "rand"),
        ("Farmers were paid Sh40,000 each.", 40000, "shillings"),
        ("The ministry spent 300 INR crore on roads.", 3e9, "rupees"),
        ("The city sold bonds worth 50 EUR billion.", 50e9, "euros"),
        ("Sales reached £3.5bn last year.", 3.5e9, "pounds"),
        ("Temperatures reached 40C in the capital.", 40, "degrees celsius"),
        ("The forecast is 104F for the valley.", 104, "degrees fahrenheit"),
        ("It fell to -5C overnight.", -5, "degrees celsius"),
        ("The board approved a $1.2-billion merger.", 1.2e9, "dollars"),
        ("The fund has RM5 million in cash.", 5e6, "ringgit"),
        ("The port cost Rp 5 trillion.", 5e12, "rupiah"),
        ("It raised S$20 million.", 2e7, "singapore dollars"),
        ("Petrol costs 150p a litre.", 150, "pence"),
        ("Inflation hit 2.5pc in May.", 2.5, "percent"),
        ("The bank cut rates by 25 basis points.", 25, "basis points"),
        ("Yields rose 10bp.", 10, "basis points"),
    ],
)
def test_money_and_measure_forms(sentence: str, value: float, unit: str) -> None:
    (q,) = numbers.parse_quantities(sentence)
    assert (q.value, q.unit) == (pytest.approx(value), unit)
    assert q.text == sentence[q.start : q.end]


@pytest.mark.parametrize(
    "sentence",
    [
        "Nurses wore N95 masks on the ward.",
        "The 1988 sales beat the 1987 figures.",
        "Officials praised the 2020 budget.",
        "The S&P 500 closed the week on a high.",
        "The airline grounded its Boeing 737 fleet.",
        "Operators rolled out 5G networks.",
        "The 777F freighter landed.",
        "The iPhone 11 launch drew crowds.",
        "Emissions are below 1990 levels.",
        "The 2001 attacks changed the city.",
        "John Smith, 45, of Leeds, was charged.",
        "Since the 9/11 attacks the city has changed.",
    ],
)
def test_names_years_and_codes_are_no_figures(sentence: str) -> None:
    assert values(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The army sent 2000 troops.", 2000),
        ("About 1500 cases were found.", 1500),
        ("Researchers surveyed 505,796 people.", 505796),
        ("Apple sold 50m phones last quarter.", 50e6),
    ],
)
def test_counts_that_look_like_years_or_codes(sentence: str, value: float) -> None:
    assert values(sentence) == [value]


def figures_of(line: str) -> list[tuple]:
    return [
        (m.text, m.value, m.qualifier, m.unit, m.measure)
        for m in numbers.extract_numbers(article(line))
    ]


def test_a_range_is_two_records_over_its_whole_text() -> None:
    line = "Between 10 and 20 people were hurt, and the loss was $10-20bn."
    got = figures_of(line)
    assert [(t, v, q, u) for t, v, q, u, _ in got] == [
        ("Between 10 and 20 people", 10, "at_least", "people"),
        ("Between 10 and 20 people", 20, "at_most", "people"),
        ("$10-20bn", 10e9, "at_least", "dollars"),
        ("$10-20bn", 20e9, "at_most", "dollars"),
    ]
    assert got[0][4] == got[1][4] and got[2][4] == got[3][4]


def test_a_range_shares_its_scale_and_keeps_its_qualifier() -> None:
    got = figures_of("The population fell to about 350-375 million people.")
    assert [(v, q) for _, v, q, _, _ in got] == [(350e6, "approximate"), (375e6, "approximate")]


def test_market_figures_take_their_subject_and_link() -> None:
    line = (
        "The main index fell 120.5 points, or 0.4%, to 30,100.2, while the tech index "
        "added 15 points, or 0.2%."
    )
    got = figures_of(line)
    assert [(v, u, m) for _, v, _, u, m in got] == [
        (120.5, "points", "main_index_change"),
        (0.4, "percent", "main_index_change"),
        (30100.2, "points", "main_index_points"),
        (15, "points", "tech_index_change"),
        (0.2, "percent", "tech_index_change"),
    ]


def test_percentages_that_open_their_clause_take_what_is_said_of_them() -> None:
    got = figures_of("Of the members, 60 percent were women and 25 percent were retired.")
    assert [m for *_, m in got] == ["percent_women", "percent_retired"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("One person was killed and two others injured.", [(1, "people"), (2, "people")]),
        ("The death toll from the floods rose to 52.", [(52, "deaths")]),
        # A counted subject before a change verb names what the bare figures count.
        (
            "Unemployment claims fell to 210,000 from 225,000.",
            [(210_000, "claims"), (225_000, "claims")],
        ),
        ("Prices rose to 3,000.", []),
        ("Rescuers freed 11 of the 12 miners.", [(11, "miners"), (12, "miners")]),
        ("Inspectors visited three of those farms.", [(3, "farms")]),
        ("Over 24 hours, 1,200 new cases were reported.", [(1200, "cases")]),
        # A part of a group counted in an earlier sentence.
        ("Five people were hurt. Later two of them died.", [(5, "people"), (2, "people")]),
        ("Five people were hurt. Two of those died.", [(5, "people"), (2, "people")]),
        # What "of them" counts is never money or a share.
        (
            "Some 600,000 jobs pay $15 an hour. Up to 31,000 of them could go.",
            [(600_000, "jobs"), (15, "dollars"), (31_000, "jobs")],
        ),
        # A bare figure after a verb that befalls people counts people...
        ("Police arrested 14 on Monday.", [(14, "people")]),
        ("Gunmen killed at least 12 and wounded 30.", [(12, "people"), (30, "people")]),
        # ...unless a noun of its own follows (it counts that), or the verb takes no object.
        ("The agency released 5,500 more pages on Friday.", [(5500, "pages")]),
        ("He died 3 days later.", []),
    ],
)
def test_units_found_before_or_across_the_figure(line: str, expected: list[tuple]) -> None:
    assert [(v, u) for _, v, _, u, _ in figures_of(line)] == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The number of cases rose to 3,000.", [(3000, "cases", "cases")]),
        ("The number of cases has risen to 300.", [(300, "cases", "cases")]),  # not "has"
        (
            "Some 1,000 people died, up from 800 a week earlier.",
            [(1000, "people", "deaths"), (800, "people", "deaths")],
        ),
    ],
)
def test_what_a_figure_counts_carries_over(line: str, expected: list[tuple]) -> None:
    assert [(v, u, m) for _, v, _, u, m in figures_of(line)] == expected


def test_a_borrowed_unit_in_a_clause_of_its_own_measures_that_clause() -> None:
    line = "Some 40 people died - cutting the village population from 900 down to 860."
    got = figures_of(line)
    assert [(v, u) for _, v, _, u, _ in got] == [(40, "people"), (900, "people"), (860, "people")]
    deaths, before, after = (m for *_, m in got)
    assert deaths == "deaths" and before == after != "people"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Just over half of the staff were women.", [(50, "more_than", "percent")]),
        ("Two-thirds of members voted for it.", [(pytest.approx(200 / 3), "exact", "percent")]),
        ("Nearly a third of adults smoke.", [(pytest.approx(100 / 3), "approximate", "percent")]),
        ("The trip took a year and a half.", []),
        ("Sales were cut in half.", []),
    ],
)
def test_a_spelled_share_of_a_group_is_a_percentage(line: str, expected: list[tuple]) -> None:
    assert [(v, q, u) for _, v, q, u, _ in figures_of(line)] == expected


@pytest.mark.parametrize(
    ("line", "value"),
    [("One in five children lives in poverty.", 20.0), ("Two out of 5 voters agreed.", 40.0)],
)
def test_one_in_five_is_a_share(line: str, value: float) -> None:
    ((text, got, _, unit, _),) = figures_of(line)
    assert (got, unit) == (pytest.approx(value), "percent")
    assert line.startswith(text)


@pytest.mark.parametrize(
    ("line", "measure"),
    [
        ("It lost $1.25 billion in the quarter.", "dollars_change"),
        ("The 10-year yield fell to 1.78%.", "yield_percent"),
    ],
)
def test_a_rate_without_a_named_subject_keeps_its_unit(line: str, measure: str) -> None:
    ((*_, got),) = figures_of(line)
    assert got == measure


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("From 10 to 20 people attended.", [(10, "at_least"), (20, "at_most")]),
        ("Cases rose from 100 to 150.", [(100, "exact"), (150, "exact")]),
        (
            "Use rose 5 percent, from 2 percent to 2.1 percent.",
            [(5, "exact"), (2, "exact"), (2.1, "exact")],
        ),
    ],
)
def test_from_to_is_a_range_unless_it_tells_a_change(line: str, expected: list[tuple]) -> None:
    assert [(v, q) for _, v, q, _, _ in figures_of(line)] == expected


def test_gapped_clauses_keep_their_unit_and_own_place() -> None:
    got = figures_of("The UK has 900 troops, France 500 and Germany 300.")
    assert [(v, u, m) for _, v, _, u, m in got] == [
        (900, "troops", "uk_troops"),
        (500, "troops", "france_troops"),
        (300, "troops", "germany_troops"),
    ]


def test_an_event_carries_over_links() -> None:
    got = figures_of("It killed 14 people in 2019 and 20 in 2020.")
    assert [(v, m) for _, v, _, _, m in got] == [(14, "deaths"), (20, "deaths")]


def test_amounts_take_the_noun_they_are_the_value_of() -> None:
    got = figures_of("The firm reported revenue of $3.2 billion and profit of $500 million.")
    assert [m for *_, m in got] == ["firm_dollars_revenue", "profit_dollars"]


@pytest.mark.parametrize(
    ("line", "measure"),
    [
        ("Two people were diagnosed with the disease.", "cases"),
        ("The first two infected patients recovered.", "cases"),
        ("Five people were hospitalized.", "hospitalisations"),
    ],
)
def test_infection_events_count_cases(line: str, measure: str) -> None:
    ((*_, got),) = figures_of(line)
    assert got == measure


def test_an_exchange_rate_counts_the_currency_of_its_clause() -> None:
    got = figures_of("The rupee fell to 83.2 to the dollar.")
    assert [(v, u) for _, v, _, u, _ in got] == [(83.2, "rupees")]


def test_a_gapped_count_after_a_plural_name() -> None:
    got = figures_of("Labour won 412 seats, the Conservatives 121.")
    assert [(v, u) for _, v, _, u, _ in got] == [(412, "seats"), (121, "seats")]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Of them, 60 percent were women, 30 percent men, and 10 of another group.",
            [(60, "percent"), (30, "percent"), (10, "percent")],
        ),
        ("Copper rose 0.86% to 5,880.", [(0.86, "percent")]),
    ],
)
def test_a_bare_figure_after_percentages(line: str, expected: list[tuple]) -> None:
    assert [(v, u) for _, v, _, u, _ in figures_of(line)] == expected


def test_a_participle_before_its_object_is_no_subject() -> None:
    got = figures_of("Costs rose 5%, lifting the budget to $3bn.")
    assert [m for *_, m in got] == ["costs_change", "budget_dollars"]


@pytest.mark.parametrize(
    "line",
    [
        "Apple plans to release the model in the first half of 2020.",
        "The vote is due in the second half of July.",
        "Cutting off the top half of the roll saves calories.",
        "For more than half a century he has led the group.",
        "The queue lasted half an hour.",
    ],
)
def test_a_half_of_one_thing_is_no_share(line: str) -> None:
    assert figures_of(line) == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Nearly half of voters backed him.", [(50, "approximate", "percent")]),
        ("The other half of the budget is spent.", [(50, "exact", "percent")]),
        (
            "Six in 10 voters trust her, and three-quarters said the same of him.",
            [(60, "exact", "percent"), (75, "exact", "percent")],
        ),
    ],
)
def test_a_spelled_share_is_a_percentage(line: str, expected: list[tuple]) -> None:
    assert [(v, q, u) for _, v, q, u, _ in figures_of(line)] == expected


def test_a_date_written_as_a_fraction_takes_no_unit() -> None:
    got = figures_of("The country lost 3,000 people on 9/11.")
    assert [(v, u) for _, v, _, u, _ in got] == [(3000, "people")]


@pytest.mark.parametrize(
    ("line", "measure"),
    [
        ("We're running a $2 billion surplus.", "dollars_surplus"),
        ("My oxygen saturation level was 97 percent.", "oxygen_saturation_level_percent"),
    ],
)
def test_pronouns_and_their_contractions_stay_out_of_measures(line: str, measure: str) -> None:
    assert [m for *_, m in figures_of(line)] == [measure]


@pytest.mark.parametrize(
    "line",
    ["Nurses work 15 extra minutes.", "The protests lasted three straight days."],
)
def test_a_duration_with_an_adjective_is_no_figure(line: str) -> None:
    assert figures_of(line) == []


def test_a_percent_of_a_count_leaves_the_count_its_noun() -> None:
    got = figures_of("Clinton won 73 percent of 223 votes cast.")
    assert [(v, u) for _, v, _, u, _ in got] == [(73, "percent"), (223, "votes")]


@pytest.mark.parametrize(
    ("line", "measure"),
    [
        (
            "Trump lost six percentage points and Texas Sen. Ted Cruz gaining six.",
            "texas_sen_ted_cruz_percentage_points",
        ),
        ("I won't do the debate unless they pay me $5 million.", "do_debate_unless_pay_dollars"),
    ],
)
def test_a_measure_names_its_subject_once_and_no_negated_verb(line: str, measure: str) -> None:
    assert [m for *_, m in figures_of(line)][-1] == measure


@pytest.mark.parametrize(
    ("line", "unit"),
    [
        ("He attacked the mayor over a rating that was downgraded nine times.", "times"),
        ("Iraqi forces were attacked 12 times last month.", "attacks"),
    ],
)
def test_times_take_the_event_of_their_own_verb(line: str, unit: str) -> None:
    assert [u for *_, u, _ in figures_of(line)] == [unit]


@pytest.mark.parametrize(
    "line",
    [
        "The vaccine is for children under 5 and people over 65.",
        "She won most young voters under 29.",
    ],
)
def test_an_age_bound_after_a_group_is_no_figure(line: str) -> None:
    assert [v for _, v, *_ in figures_of(line)] == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("After the Sept. 11 attacks, 3,000 people had died.", [3000]),
        ("Capt. Smith said 12 soldiers died.", [12]),
    ],
)
def test_a_long_abbreviation_ends_no_sentence(line: str, expected: list[float]) -> None:
    assert [v for _, v, *_ in figures_of(line)] == expected


def test_a_bare_figure_over_a_hundred_is_no_elliptic_percentage() -> None:
    got = figures_of("He needs 61 percent of remaining delegates to reach 1,237.")
    assert [(v, u) for _, v, _, u, _ in got] == [(61, "percent")]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Homeowners paid a 20 or 30 percent premium.", [(20, "percent"), (30, "percent")]),
        (
            "It cost $5 million. If you clear 7, 8, 10 percent, fine.",
            [(5e6, "dollars"), (7, "percent"), (8, "percent"), (10, "percent")],
        ),
    ],
)
def test_bare_figures_listed_before_a_percentage_are_percentages(
    line: str, expected: list[tuple]
) -> None:
    assert [(v, u) for _, v, _, u, _ in figures_of(line)] == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "He has more than 45 million and 33 million followers.",
            [(45e6, "more_than", "followers"), (33e6, "exact", "followers")],
        ),
        (
            "It is not admitting 100,000, 200,000 or 250,000 refugees.",
            [(1e5, "exact", "refugees"), (2e5, "exact", "refugees"), (2.5e5, "exact", "refugees")],
        ),
    ],
)
def test_bare_counts_listed_before_a_counted_noun_count_it(
    line: str, expected: list[tuple]
) -> None:
    assert [(v, q, u) for _, v, q, u, _ in figures_of(line)] == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The attack left nine dead and 12 wounded.", [(9, "people"), (12, "people")]),
        ("At least 20 injured civilians were taken to hospital.", [(20, "civilians")]),
        ("He did not care how four Americans died.", [(4, "Americans")]),
        ("Around 100 Russian and Ukrainian miners were waiting.", [(100, "miners")]),
    ],
)
def test_what_a_count_counts_past_adjectives_and_demonyms(line: str, expected: list[tuple]) -> None:
    assert [(v, u) for _, v, _, u, _ in figures_of(line)] == expected


def test_a_tally_goes_on_from_the_sentence_before() -> None:
    got = figures_of("Trump leads with 221 delegates. Cruz has 69, Rubio has at least 41.")
    assert [(v, q, u) for _, v, q, u, _ in got] == [
        (221, "exact", "delegates"),
        (69, "exact", "delegates"),
        (41, "at_least", "delegates"),
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("In eight of nine states she won.", [(8, "states"), (9, "states")]),
        ("It happened during the 9/11 terrorist attacks.", []),
        ("The war lasted over a quarter of a century.", []),
    ],
)
def test_partitives_and_fractions_of_one_thing(line: str, expected: list[tuple]) -> None:
    assert [(v, u) for _, v, _, u, _ in figures_of(line)] == expected


@pytest.mark.parametrize(
    ("line", "unit"),
    [
        ("Two military analysts said so.", "analysts"),
        ("Three media outlets reported it.", "outlets"),
        ("Five police officers were hurt.", "police officers"),
    ],
)
def test_the_unit_is_the_head_noun_unless_a_listed_compound(line: str, unit: str) -> None:
    assert [u for *_, u, _ in figures_of(line)] == [unit]


def test_an_adverb_or_age_after_the_noun_is_no_unit() -> None:
    got = figures_of("Half of the 7,500 elite troops overseas are in Iraq.")
    assert [(v, u) for _, v, _, u, _ in got] == [(50, "percent"), (7500, "troops")]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("In Nice, 84 were killed on Thursday.", [(84, "people", "deaths")]),
        ("Some 40,000 have been displaced.", [(40000, "people", "displaced")]),
    ],
)
def test_a_bare_figure_befallen_by_its_verb_counts_people(line: str, expected: list[tuple]) -> None:
    assert [(v, u, m) for _, v, _, u, m in figures_of(line)] == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("It rose from 3 to 17 cases.", [(3, "cases"), (17, "cases")]),
        ("Support fell from 45 to 40 percent.", [(45, "percent"), (40, "percent")]),
        ("It found 45 children ages 3 to 17 with autism.", [(45, "children")]),
    ],
)
def test_a_change_from_a_bare_level_and_an_age_range_end(line: str, expected: list[tuple]) -> None:
    assert [(v, u) for _, v, _, u, _ in figures_of(line)] == expected


def test_power_and_energy_units() -> None:
    got = figures_of("The plant adds 1,200 MW, or 1,600 horsepower, and stores 95 kWh.")
    assert [(v, u) for _, v, _, u, _ in got] == [
        (1200, "megawatts"),
        (1600, "horsepower"),
        (95, "kilowatt hours"),
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Police shot two suspects. He said the two were followers.", [2, 2]),
        ("Obama met Clinton. In the excerpt, the two did not discuss it.", [2]),
        ("She asked how these two came to Beijing.", [2]),
        ("Trump and Cruz are the two leading Republicans.", [2]),
        ("He joined the seven member Federal Council.", []),
        ("Being candid are the two last, big hurdles.", []),
    ],
)
def test_a_small_definite_count_with_no_noun_refers_back(line: str, expected: list) -> None:
    assert [v for _, v, *_ in figures_of(line)] == expected
    assert all(u in {"suspects", "people", "Republicans"} for *_, u, _ in figures_of(line))


def test_a_bond_price_fraction_counts_points() -> None:
    got = figures_of("Benchmark notes rose 7/32 in price to yield 1.786%.")
    assert [(v, u) for _, v, _, u, _ in got] == [(0.21875, "points"), (1.786, "percent")]
    assert [m for *_, m in got] == ["notes_change", "notes_percent"]  # the notes' yield


def test_a_singular_percentage_point_and_barrels_per_day() -> None:
    got = figures_of("Prices rose 0.3 percentage point as output fell to 9.8 million bpd.")
    assert [(v, u) for _, v, _, u, _ in got] == [
        (0.3, "percentage points"),
        (9.8e6, "barrels per day"),
    ]


def test_capitalised_party_and_faith_plurals_are_counted() -> None:
    got = figures_of("Five of the 10 Democrats on stage will serve as jurors.")
    assert [(v, u) for _, v, _, u, _ in got] == [(5, "Democrats"), (10, "Democrats")]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The agency released roughly 5,500 more pages of emails.", [(5500, "pages")]),
        ("He spoke to his 40 laid-off employees.", [(40, "employees")]),
        ("Almost 650 18-hole golf courses have closed.", [(650, "courses")]),
        ("The final average put Hillary Clinton 3 points over Sanders.", [(3, "points")]),
    ],
)
def test_a_count_reaches_its_noun_past_more_hyphened_and_numbered_modifiers(
    line: str, expected: list[tuple]
) -> None:
    assert [(v, u) for _, v, _, u, _ in figures_of(line)] == expected


def test_a_bare_figure_before_who_counts_people() -> None:
    got = figures_of("It targets the estimated 11 million who entered illegally.")
    assert [(v, q, u) for _, v, q, u, _ in got] == [(11e6, "approximate", "people")]


def test_a_part_of_a_possessor_s_counted_group_counts_its_noun() -> None:
    got = figures_of("The government monitors 20,000 of Saudi Arabia's 70,000 mosques.")
    assert [(v, u) for _, v, _, u, _ in got] == [(20000, "mosques"), (70000, "mosques")]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The Nikkei index closed at 21,341.74, down 0.3pc.", [(21341.74, "exact", "points")]),
        (
            "Hong Kong's Hang Seng index lost 120.5 to 26,100.",
            [(120.5, "exact", "points"), (26100, "exact", "points")],
        ),
        ("The average age rose to 45.", []),
    ],
)
def test_a_bare_level_of_a_stock_index_counts_points(line: str, expected: list[tuple]) -> None:
    got = [(v, q, u) for _, v, q, u, _ in figures_of(line) if u == "points" or not expected]
    assert got == expected


def test_seconds_are_a_duration_never_halves() -> None:
    assert figures_of("It has 490 lb-ft of torque, lasting for eight seconds.") == [
        ("490 lb-ft", 490, "exact", "pound-feet", "pound_feet_torque")
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Henke carded a four-under 67 and was one stroke back at 18-under 195.",
        "Stricker and Appleby were both five shots off the lead at 14 under.",
    ],
)
def test_golf_scores_are_no_figures(line: str) -> None:
    assert all(v not in {67, 195, 14} for _, v, *_ in figures_of(line))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Police arrested 14 on Friday.", "people"),  # the object of a verb befalling people
        ("In Nice, 84 were killed.", "people"),  # the subject of one
        ("Some 11 million who entered the country.", "people"),  # the subject of "who"
        ("Officials released 5,500 more pages.", None),  # a noun of its own
        ("The index rose 12 points.", None),
    ],
)
def test_people_counted_reads_a_bare_figure_as_object_or_subject(
    sentence: str, expected: str | None
) -> None:
    quantity = next(q for q in numbers.parse_quantities(sentence) if q.kind == "number")
    assert measures.people_counted(sentence, quantity) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("It makes 540 Nm of torque and 414 lb-ft.", [(540, "newton metres"), (414, "pound-feet")]),
        (
            "The trunk holds 21.7 cu.ft., the house 2,400 sq ft.",
            [(21.7, "cubic feet"), (2400, "square feet")],
        ),
        (
            "Add 1 tsp. salt, 2 Tbsp. oil, 1 cup flour.",
            [(1, "teaspoons"), (2, "tablespoons"), (1, "cups")],
        ),
        ("The farm covers 1 acre and 1 hectare.", [(1, "acres"), (1, "hectares")]),
    ],
)
def test_areas_volumes_torque_and_kitchen_units(line: str, expected: list[tuple]) -> None:
    """Each takes its own unit, never the unit of the figure before by ellipsis."""
    assert [(v, u) for _, v, _, u, _ in figures_of(line)] == expected


def test_a_closing_bracket_belongs_to_a_unit_only_when_it_opened_one() -> None:
    assert [t for t, *_ in figures_of("It makes 300 kW (402 hp) of power.")] == ["300 kW", "402 hp"]
    ((q),) = numbers.parse_quantities("It costs 10 (dollars).")
    assert (q.text, q.unit) == ("10 (dollars)", "dollars")


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("He lost by five-and-a-half points.", 5.5),
        ("About a quarter of a million people fled.", 250_000),
        ("Some three quarters of a million voters stayed home.", 750_000),
        ("One and a half million people came.", 1_500_000),
        ("It took 2 and a half million dollars.", 2_500_000),
        ("Some 2 1/2 million refugees fled.", 2_500_000),
        ("A half-dozen people were hurt.", 6),
        ("Its more than half-dozen affiliates met.", 6),
        ("Some half dozen men came.", 6),
    ],
)
def test_spelled_fractions_of_a_whole_or_a_scale(sentence: str, value: float) -> None:
    (q,) = numbers.parse_quantities(sentence)
    assert q.value == pytest.approx(value)


def test_a_tally_goes_on_only_after_a_tally() -> None:
    """A count after "won" in the next sentence takes the unit of a tally before it, not of
    any count ("made 38 saves" is none)."""
    line = "Hellebuyck made 38 saves. Winnipeg has won three in a row."
    assert [(v, u) for _, v, _, u, _ in figures_of(line)] == [(38, "saves")]
    line = "The party took 120 seats. The Greens won 14."
    assert [(v, u) for _, v, _, u, _ in figures_of(line)] == [(120, "seats"), (14, "seats")]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Costs rose by 5 percent to 1,200 schools.",
            [(5, "exact", "percent"), (1200, "exact", "schools")],
        ),
        (
            "Sales rose by 5 percent to 6.2 percent.",
            [(5, "exact", "percent"), (6.2, "exact", "percent")],
        ),
        ("It costs $5 to 10 million.", [(5e6, "at_least", "dollars"), (1e7, "at_most", "dollars")]),
    ],
)
def test_a_change_by_a_share_to_a_level_is_no_range(line: str, expected: list[tuple]) -> None:
    assert [(v, q, u) for _, v, q, u, _ in figures_of(line)] == expected


def test_all_but_a_count_counts_the_group_named_before() -> None:
    line = "The patients had 46 close contacts. All but four have been released."
    assert [(v, u) for _, v, _, u, _ in figures_of(line)] == [(46, "contacts"), (4, "contacts")]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Spending was down 0 . 6 % to 309,381 yen .", [(0.6, "percent"), (309381, "yen")]),
        ("It bought a 30 . 84 % stake .", [(30.84, "percent")]),
        ("He left in 1990. 5 people died.", [(5, "people")]),
    ],
)
def test_a_stop_spaced_between_digits_is_a_tokenised_decimal(line: str, expected: list) -> None:
    assert [(v, u) for _, v, _, u, _ in figures_of(line)] == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('He has a pen that is 10 " long.', [(10, "inches")]),
        ('She bought a 65" TV.', [(65, "inches")]),
        ('He said "I paid 10" and left.', []),  # the quote closes
    ],
)
def test_an_inch_mark_is_inches_unless_it_closes_a_quote(line: str, expected: list) -> None:
    assert [(v, u) for _, v, _, u, _ in figures_of(line)] == expected


def test_one_out_of_three_is_a_share_on_its_own() -> None:
    (got,) = figures_of("The answer was one out of three.")
    assert (got[1], got[3]) == (pytest.approx(100 / 3), "percent")


@pytest.mark.parametrize(
    ("sentence", "units"),
    [
        ("It sold 125 million Australian dollars of bonds.", ["australian dollars"]),
        ("It paid 10 US dollars and 7 U.S. dollars.", ["dollars", "dollars"]),
        ("It cost 5 British pounds and 10 Egyptian pounds.", ["pounds", "egyptian pounds"]),
    ],
)
def test_a_shared_currency_name_keeps_another_country_s_adjective(
    sentence: str, units: list[str]
) -> None:
    assert [q.unit for q in numbers.parse_quantities(sentence)] == units


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("He has a 10-point lead.", [(10, "exact", "points")]),
        ("She held a six-percentage-point lead.", [(6, "exact", "percentage points")]),
        ("The margin is plus or minus 3 percentage points.", [(3, "exact", "percentage points")]),
        ("It fell to minus 5 degrees.", [(-5, "exact", "degrees")]),
        ("At one point, he left.", []),
        ("He unveiled a 10-point plan.", []),  # a kind of plan, no standing
    ],
)
def test_points_as_a_modifier_and_a_margin_either_way(line: str, expected: list) -> None:
    assert [(v, q, u) for _, v, q, u, _ in figures_of(line)] == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The poll of 2047 registered voters was out.", [(2047, "voters")]),
        ("The summer of 2016 was hot.", []),
        ("Trump beat Clinton 45 to 40 percent.", [(45, "percent"), (40, "percent")]),
        ("Cruz trails Trump 458 to 359 delegates.", [(458, "delegates"), (359, "delegates")]),
        ("It lifted the Nikkei 225 to 21,000.", [(21000, "points")]),
    ],
)
def test_a_count_after_of_and_a_tally_that_descends(line: str, expected: list) -> None:
    assert [(v, u) for _, v, _, u, _ in figures_of(line)] == expected


def test_compounds_of_men_are_plural_nouns() -> None:
    line = "Seven candidates, four congressmen and three gunmen came to Yemen."
    assert [(v, u) for _, v, _, u, _ in figures_of(line)] == [
        (7, "candidates"),
        (4, "congressmen"),
        (3, "gunmen"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ericsson wins 1.2 bln SKR order.", [(1.2e9, "kronor")]),
        ("It cost 300 million crowns and DM 5 million.", [(3e8, "crowns"), (5e6, "marks")]),
        ("He paid TRY 500 and 20 USD.", [(500, "lira"), (20, "dollars")]),
        ("I will try 5 times.", [(5, None)]),  # a code only in upper case
        ("It cost 5 million and 40 zlotys.", [(5e6, None), (40, "zloty")]),
    ],
)
def test_more_currency_codes_and_names(sentence: str, expected: list) -> None:
    assert [(q.value, q.unit) for q in numbers.parse_quantities(sentence)] == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("He blamed her for the past decade and a half of policies.", []),
        ("He served two or more years in jail.", []),
        ("It took 10 or so days.", []),
        ("We're now up 400,000 plus jobs.", [(400_000, "more_than", "jobs")]),
        ("Some 50 or more people came.", [(50, "approximate", "people")]),
        ("It is 5 plus 3 in all.", []),
    ],
)
def test_durations_past_a_qualifier_and_qualifiers_written_after(line: str, expected: list) -> None:
    assert [(v, q, u) for _, v, q, u, _ in figures_of(line)] == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The Fed cut rates by a quarter point.", [(0.25, "points")]),
        ("The bank cut by half a percentage point.", [(0.5, "percentage points")]),
        ("Yields fell three quarters of a point.", [(0.75, "points")]),
        ("Some 300,000 barrels per day were lost.", [(300_000, "barrels per day")]),
    ],
)
def test_fractions_of_a_point_and_barrels_per_day(line: str, expected: list) -> None:
    assert [(v, u) for _, v, _, u, _ in figures_of(line)] == expected


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("The company is valued at $US3 billion.", 3e9, "dollars"),
        ("The cost was $A2.5 billion.", 2.5e9, "australian dollars"),
        ("GH¢5 million was paid.", 5e6, "cedis"),
        ("Only one in five voters approve.", 20, "percent"),
    ],
)
def test_dollar_signs_with_a_country_cedis_and_a_share_after_only(
    sentence: str, value: float, unit: str
) -> None:
    (q,) = numbers.parse_quantities(sentence)
    assert (q.value, q.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The bill passed by a vote of 90 to 10.", [(90, "votes"), (10, "votes")]),
        (
            "Sanders will gain at least 20 delegates. Clinton will get at least 11.",
            [(20, "delegates"), (11, "delegates")],
        ),
    ],
)
def test_a_vote_tally_and_delegates_gained_in_the_sentence_after(line: str, expected: list) -> None:
    assert [(v, u) for _, v, _, u, _ in figures_of(line)] == expected


@pytest.mark.parametrize(
    "line", ["A woman, 32, was hurt.", "The driver, 19, was arrested.", "John Smith, 45, left."]
)
def test_an_age_in_apposition_to_a_person_noun_is_no_figure(line: str) -> None:
    assert figures_of(line) == []


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("North of $5 billion was spent.", "more_than"),
        ("Just shy of 40 percent voted.", "less_than"),
        ("Sales were just below 2 million units.", "less_than"),
        ("The toll is nearing 1,000 deaths.", "approximate"),
        ("Perhaps 50,000 people marched.", "approximate"),
    ],
)
def test_more_qualifiers_before_a_figure(sentence: str, qualifier: str) -> None:
    (q,) = numbers.parse_quantities(sentence)
    assert q.qualifier == qualifier


def test_a_year_before_a_singular_noun_stays_a_year() -> None:
    assert figures_of("He cited a 1986 video depicting women.") == []
    assert figures_of("Theories about the Sept. 11, 2001 attacks surfaced.") == []
    assert [v for _, v, *_ in figures_of("The army sent 2000 troops.")] == [2000]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The vote was 52 percent to 48.", [(52, "percent"), (48, "percent")]),
        ("Shares rose 0.86% to 5,880.", [(0.86, "percent")]),  # a level, no share
    ],
)
def test_a_lower_bare_figure_after_to_is_the_other_side_of_a_tally(
    line: str, expected: list
) -> None:
    assert [(v, u) for _, v, _, u, _ in figures_of(line)] == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The rate is 5 percent, down from 6.", [(5, "percent"), (6, "percent")]),
        ("Unemployment rose to 3.5 per cent from 3.2.", [(3.5, "percent"), (3.2, "percent")]),
        ("Shares rose 0.86% to 5,880.", [(0.86, "percent")]),
    ],
)
def test_a_level_after_a_percentage_level_is_a_percentage(line: str, expected: list) -> None:
    assert [(v, u) for _, v, _, u, _ in figures_of(line)] == expected


def test_a_spelled_ordinal_before_a_noun_is_no_share_and_points_keep_their_unit() -> None:
    line = "He got 15 percent, and he may create a third party."
    assert [(v, u) for _, v, _, u, _ in figures_of(line)] == [(15, "percent")]
    line = "He led 10 polls, but his seven-point lead became a three-point loss."
    assert [(v, u) for _, v, _, u, _ in figures_of(line)] == [
        (10, "polls"),
        (7, "points"),
        (3, "points"),
    ]


def test_a_time_after_money_is_not_what_the_money_is_of() -> None:
    got = numbers.extract_numbers(
        article("Sales were $3.2 billion, compared with $3.05 billion a year earlier.")
    )
    assert [m.measure for m in got] == ["sales_dollars", "dollars"]


@pytest.mark.parametrize(
    "line",
    [
        "It would have taken eight to 10 hours.",
        "In the three or six months after a rate rise, stocks fall.",
        "He served between two and three years.",
        "It took 2-3 weeks.",
    ],
)
def test_a_bare_number_ranged_with_a_duration_is_one(line: str) -> None:
    assert figures_of(line) == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("It launched a A$ 100 million three-year bond.", [(1e8, "australian dollars")]),
        ("Pay rose to $11.00 and the workweek fell to 34.3 hours from 34.7.", [(11, "dollars")]),
        ("It took 3 hours from 12 countries.", [(12, "countries")]),
    ],
)
def test_no_cents_after_a_scale_and_a_duration_s_from_level(line: str, expected: list) -> None:
    assert [(v, u) for _, v, _, u, _ in figures_of(line)] == expected


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("Libya refused to hand over two suspects.", "exact"),
        ("He turned over 200 documents.", "exact"),
        ("He won over 3,000 votes.", "more_than"),
    ],
)
def test_over_as_a_particle_of_its_verb_is_no_bound(sentence: str, qualifier: str) -> None:
    (q,) = numbers.parse_quantities(sentence)
    assert q.qualifier == qualifier


@pytest.mark.parametrize(
    ("line", "unit"),
    [
        ("Prosecutors charged 15 co-defendants.", "co-defendants"),
        ("The campaign hired 250 uber-volunteers.", "uber-volunteers"),
        ("Police detained 12 anti-government protesters.", "protesters"),
        ("It named 30 U.S.-based companies.", "companies"),
        ("Some 40 laid-off employees protested.", "employees"),
    ],
)
def test_a_hyphened_plural_is_the_noun_a_hyphened_modifier_is_not(line: str, unit: str) -> None:
    assert [u for _, _, _, u, _ in figures_of(line)] == [unit]


@pytest.mark.parametrize(
    ("line", "unit"),
    [
        ("Nearly 20 of Sanders' colleagues backed him.", "colleagues"),
        ("Three of Trump\u2019s former aides testified.", "aides"),
        ("Fifty of the nation's top health officials signed it.", "officials"),
        ("There are 100 or so 'unbound' delegates.", "delegates"),
        ("There are 100 \u201cunbound\u201d delegates.", "delegates"),
    ],
)
def test_a_possessor_or_quotation_marks_before_the_noun(line: str, unit: str) -> None:
    assert [u for _, _, _, u, _ in figures_of(line)] == [unit]


def test_of_those_with_modifiers_counts_the_noun_after_them() -> None:
    got = figures_of("The firm made 10 hires. Three of those first appointments went to women.")
    assert [(v, u) for _, v, _, u, _ in got] == [(10, "hires"), (3, "appointments")]
    got = figures_of("Police held 12 men. Two of those arrested were charged.")
    assert [(v, u) for _, v, _, u, _ in got] == [(12, "men"), (2, "men")]


def test_a_bare_object_of_a_verb_befalling_people_ends_at_its_clause() -> None:
    got = figures_of("Police arrested 14, two days after the attack.")
    assert [(v, u) for _, v, _, u, _ in got] == [(14, "people")]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("All 12 were trapped underground.", [(12, "people")]),
        ("Twelve miners and 3 rescuers went down. All 12 were trapped.",
         [(12, "miners"), (3, "rescuers"), (12, "miners")]),
        ("They visited all 50 states.", [(50, "states")]),
        ("He lost all 3.", []),
    ],
)  # fmt: skip
def test_all_and_a_bare_count_refers_to_a_group(line: str, expected: list) -> None:
    assert [(v, u) for _, v, _, u, _ in figures_of(line)] == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("A reading above 50 indicates growth.", []),
        ("The bombing of Pan Am flight 103 killed 270 people.", [(270, "people")]),
        ("They met in room 12 with 40 delegates.", [(40, "delegates")]),
    ],
)
def test_no_verb_as_unit_and_no_number_of_a_flight_or_room(line: str, expected: list) -> None:
    assert [(v, u) for _, v, _, u, _ in figures_of(line)] == expected


def test_an_article_in_another_language_has_no_figures() -> None:
    text = ArticleText(
        article_id="a",
        lines=["Ele tem 3 anos e 60 palavras.", "He has 3 dogs."],
        body_line_nos=[1, 2],
        language="pt",
    )
    assert numbers.extract_numbers(text) == []
    english = text.model_copy(update={"language": "en"})
    assert [m.unit for m in numbers.extract_numbers(english)][-1:] == ["dogs"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Two F-16 fighter jets crashed.", [(2, "jets")]),
        ("There were 3,000 new COVID-19 cases.", [(3000, "cases")]),
        ("It plans 20 new coal-fired power plants.", [(20, "plants")]),
        ("Fifty of the nation\u2019s top Republican national security officers signed it.",
         [(50, "officers")]),
        ("Two super PACs are trying to boost him.", [(2, "PACs")]),
        ("Three Britons, 12 Marines and four Navy SEALs were hurt.",
         [(3, "Britons"), (12, "Marines"), (4, "SEALs")]),
        ("I must choose which of these two sides takes precedence.", [(2, "sides")]),
        ("Technology improves by about 10 fold every five years.", []),
        ("More than 60,000 Hong Kongers marched.", [(60000, "Hong Kongers")]),
        ("Over 1,000 Rangers fans came.", [(1000, "fans")]),
    ],
)  # fmt: skip
def test_long_noun_phrases_acronyms_and_verbs_after_the_noun(line: str, expected: list) -> None:
    assert [(v, u) for _, v, _, u, _ in figures_of(line)] == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The plant employs about 1,500, the company said.", [(1500, "people")]),
        ("Over 500 have signed up.", [(500, "people")]),
        ("About 2,000 attended the rally.", [(2000, "people")]),
        ("Twelve were hired last year.", [(12, "people")]),
        ("The island has a population of 54,000.", [(54000, "people")]),
        ("He practises law in Ripley (population 5,000).", [(5000, "people")]),
        ("The rally drew a crowd of 10,000.", [(10000, "people")]),
        ("Police deport over a quarter of immigrants, the estimated 11 million who entered.",
         [(25, "percent"), (11e6, "people")]),
        ("It needs 61 percent of remaining delegates to reach 1,237.", [(61, "percent")]),
    ],
)  # fmt: skip
def test_bare_counts_of_people_by_their_verb_or_a_population(line: str, expected: list) -> None:
    assert [(v, u) for _, v, _, u, _ in figures_of(line)] == expected


def test_a_capitalised_unit_takes_the_measure_of_its_synonym() -> None:
    got = figures_of("About 2,200 Marines arrived in Iraq.")
    assert [(u, m) for *_, u, m in got] == [("Marines", "troops_in_iraq")]
