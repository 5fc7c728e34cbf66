"""Tests of the actors stage: unit cases written here, plus floors on the seeds' gold and the
CoNLL dev benchmark (skipped when ../shared is absent)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

import pytest

from pipeline.ids import stable_id
from pipeline.stages import gazetteer
from pipeline.stages.actors import (
    canonical_actor_key,
    extract_actor_mentions,
    surname_merges,
    tokenize,
)
from pipeline.stages.actors import gazetteers as gaz
from schemas.records import ArticleText

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def mentions(*lines: str):
    article = ArticleText(
        article_id="t", lines=list(lines), body_line_nos=list(range(1, len(lines) + 1))
    )
    return extract_actor_mentions(article)


def by_text(*lines: str) -> dict[str, tuple[str, str]]:
    """Mention text -> (type, name)."""
    return {m.text: (m.type, m.name) for m in mentions(*lines)}


# --- tokenising and normalising -----------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Maj. Gen. Pat Ryder spoke.", ["Maj.", "Gen.", "Pat", "Ryder", "spoke", "."]),
        ("the U.S.-led coalition", ["the", "U.S.", "-", "led", "coalition"]),
        ("Sudani\u2019s office", ["Sudani", "\u2019s", "office"]),
        ("al-Sudani's office", ["al-Sudani", "'s", "office"]),
        ("Iran-backed groups", ["Iran", "-backed", "groups"]),
        ("Shi\u2019ite parties", ["Shi\u2019ite", "parties"]),
    ],
)
def test_tokenize(line, expected):
    assert [t.text for t in tokenize(line)] == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Popular Mobilisation Forces", "the Popular Mobilization Forces"),
        ("Mohammed Shia al-Sudani", "Mohammed Shia Al-Sudani"),
        ("Harakat-al-Nujaba", "Harakat al-Nujaba"),
    ],
)
def test_norm_name_equal(a, b):
    assert gaz.norm_name(a) == gaz.norm_name(b)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Qassem", "Qasem", True),
        ("Mohammed", "Mohamed", True),
        ("Hashed al-Shaabi", "Hashd al-Shaabi", True),
        ("Ryder", "Rider", True),
        ("Ryder", "Rasool", False),
    ],
)
def test_skeleton(a, b, same):
    assert (gaz.skeleton(a) == gaz.skeleton(b)) is same


# --- typing ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "text", "type_"),
    [
        ("Prime Minister Mohammed Shia al-Sudani said on Friday.", "Mohammed Shia al-Sudani",
         "person"),
        ("Maj. Gen. Pat Ryder, the Pentagon's press secretary, said.", "Pat Ryder", "person"),
        ("Maj. Gen. Pat Ryder, the Pentagon's press secretary, said.", "Pentagon",
         "government_body"),
        ("The strike hit Baghdad on Thursday.", "Baghdad", "location"),
        ("Troops left Iraq and Syria.", "Iraq", "country"),
        ("Troops left Iraq and Syria.", "Syria", "country"),
        ("The U.S. strike killed him.", "U.S.", "country"),
        ("The Islamic State claimed it.", "Islamic State", "armed_group"),
        ("Officials at the Ministry of Oil said.", "Ministry of Oil", "government_body"),
        ("Shares of Acme Widgets Inc rose.", "Acme Widgets Inc", "organization"),
        ("They sailed the Red Sea.", "Red Sea", "location"),
        ("She wrote for Task & Purpose.", "Task & Purpose", "organization"),
        ("a strike in Iraq's capital", "Iraq", "country"),
        ("The Sudanese Army shelled the town.", "Sudanese Army", "government_body"),
        ("The Mahdi Army fought back.", "Mahdi Army", "armed_group"),
    ],
)  # fmt: skip
def test_types(line, text, type_):
    found = by_text(line)
    assert text in found, found
    assert found[text][0] == type_


@pytest.mark.parametrize(
    ("line", "absent"),
    [
        ("Iraqi officials said the Shi'ite parties met.", "Iraqi"),
        ("Still, it was unclear.", "Still"),
        ("The government said on Thursday.", "Thursday"),
        ("Prime Minister Mohammed Shia al-Sudani said.", "Prime Minister"),
        ("The Pentagon said.", "The Pentagon"),
    ],
)
def test_not_mentions(line, absent):
    assert absent not in by_text(line)


def test_headline_capitals_and_dateline():
    found = by_text("BAGHDAD/WASHINGTON \u2013 The Iraqi government said.")
    assert found["BAGHDAD"][0] == "location"
    assert found["WASHINGTON"][0] == "location"


def test_hyphenated_prefix_is_a_mention():
    found = by_text("Sudani, whose government relies on Tehran-aligned parties, spoke.")
    assert "Tehran" in found


@pytest.mark.parametrize(
    ("line", "text", "role"),
    [
        ("U.S. President Joe Biden said.", "Joe Biden", "U.S. President"),
        ("Iraqi PM Sudani has limited control.", "Sudani", "Iraqi Prime Minister"),
        ("a memorial for slain Iranian general Qasem Soleimani", "Qasem Soleimani",
         "slain Iranian general"),
        ("Maj. Gen. Pat Ryder, the Pentagon's press secretary, said.", "Pat Ryder",
         "Major General, the Pentagon's press secretary"),
        ("Mr. Rasool said.", "Rasool", None),
    ],
)  # fmt: skip
def test_roles(line, text, role):
    found = {m.text: m for m in mentions(line)}
    assert found[text].type == "person"
    assert found[text].role == role


@pytest.mark.parametrize(
    ("line", "absent"),
    [
        ("Let them talk, he said.", "Let"),  # not "LeT", Lashkar-e-Taiba
        ("UPDATE: the talks resumed.", "UPDATE"),
        ("He watched Saturday Night Live on Friday.", "Night Live"),
        ("Can Sanders win?", "Can Sanders"),
    ],
)
def test_no_false_actors(line, absent):
    assert absent not in by_text(line)


def test_sentence_initial_town_written_lower_case_elsewhere_is_a_word():
    found = by_text("Come what may, she said.", "They will come back.")
    assert "Come" not in found  # Comé, a town in Benin, is also an English verb


# --- resolution within the article --------------------------------------------------------


def test_surname_resolves_to_full_name_and_keeps_role():
    ms = mentions(
        "Prime Minister Mohammed Shia al-Sudani said on Friday.",
        "Mr. Al-Sudani later added that Sudani would speak.",
    )
    people = {m.text: m for m in ms if m.type == "person"}
    assert people["Mohammed Shia al-Sudani"].role == "Prime Minister"
    assert {people[t].name for t in ("Al-Sudani", "Sudani")} == {"Mohammed Shia al-Sudani"}
    assert len({m.actor_id for m in people.values()}) == 1


def test_acronym_resolves_to_expansion():
    ms = mentions(
        "He was part of the Popular Military Forces (PMF), a group of militias.",
        "The PMF denied it.",
    )
    ids = {m.text: m.actor_id for m in ms}
    assert ids["Popular Military Forces"] == ids["PMF"]


@pytest.mark.parametrize(
    ("lines", "acronym", "name"),
    [
        (("The Kurdistan Democratic Party said so.", "A KDP official agreed."), "KDP",
         "Kurdistan Democratic Party"),
        (("Talks with the Moro National Liberation Front (MNLF) resumed.",), "MNLF",
         "Moro National Liberation Front"),
    ],
)  # fmt: skip
def test_acronym_takes_the_key_and_name_of_its_expansion(lines, acronym, name):
    """Across articles the acronym joins the actor its expansion names elsewhere."""
    by = {m.text: m for m in mentions(*lines)}
    assert by[acronym].actor_key == by[name].actor_key == canonical_actor_key(name, "organization")
    assert by[acronym].name == name


def test_also_known_as_is_an_alias():
    ms = mentions("It killed Mushtaq Jawad Kazim al-Jawari, also known as Abu-Taqwaa, a leader.")
    ids = {m.text: m.actor_id for m in ms}
    assert ids["Abu-Taqwaa"] == ids["Mushtaq Jawad Kazim al-Jawari"]


@pytest.mark.parametrize(
    ("lines", "text", "type_"),
    [
        (["Washington says there were 100 attacks."], "Washington", "country"),
        (["A strike in Baghdad.", "Baghdad condemned it."], "Baghdad", "location"),
    ],
)
def test_capital_metonym(lines, text, type_):
    types = {m.type for m in mentions(*lines) if m.text == text}
    assert types == {type_}


def test_coalition_mentions_join_the_led_coalition():
    ms = mentions(
        "Iraq wants the U.S.-led coalition to leave.",
        "The international coalition was formed in 2014.",
    )
    ids = {m.text: m.actor_id for m in ms}
    assert ids["U.S.-led coalition"] == ids["international coalition"]


def test_derived_word_is_not_a_surname():
    ms = mentions("Ben Carson spoke.", "It was a Carsonian moment, said Carson.")
    names = {m.text: m.name for m in ms}
    assert names["Carson"] == "Ben Carson"
    assert names.get("Carsonian") != "Ben Carson"


def test_sports_team_named_after_a_city():
    ms = mentions(
        "SOCCER - RESULTS.", "Karlsruhe 2 Nice 1", "The Nice coach was sacked.", "Play was in Nice."
    )
    types = [(m.line_no, m.text, m.type) for m in ms]
    assert (2, "Karlsruhe", "organization") in types
    assert (3, "Nice", "organization") in types  # a team again, without a score
    assert (4, "Nice", "location") in types  # the venue is the place


def test_headline_in_capitals_only_keeps_known_names():
    found = by_text("DURAN FIGHTS IN PANAMA TONIGHT", "Roberto Duran will fight in Panama.")
    assert set(found) == {"DURAN", "PANAMA", "Roberto Duran", "Panama"}
    assert found["DURAN"][0] == "person"


def test_different_people_sharing_a_surname_stay_apart():
    ms = mentions("Joe Biden met Hunter Biden on Friday.")
    ids = {m.text: m.actor_id for m in ms}
    assert ids["Joe Biden"] != ids["Hunter Biden"]


# --- cross-article keys -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("Pat Ryder", "person"), ("Patrick Ryder", "person")),
        (("U.S.", "country"), ("United States", "country")),
        (("US", "country"), ("America", "country")),
        (("NATO", "organization"), ("North Atlantic Treaty Organization", "organization")),
        (("Jaish al-Adl", "armed_group"), ("Jaysh al-Adl", "armed_group")),
        (("Harakat Hezbollah al-Nujaba", "armed_group"), ("Harakat-al-Nujaba", "armed_group")),
        (("Qassem Soleimani", "person"), ("Qasem Soleimani", "person")),
        (("Mohammed Shia al-Sudani", "person"), ("Mohamed Shia Al-Sudani", "person")),
        (("ISIS", "armed_group"), ("Islamic State", "armed_group")),
        (("Bill Clinton", "person"), ("William Clinton", "person")),
        (("Yehia Rasool", "person"), ("Yahya Rasool", "person")),
        (("Sayyed Razi Mousavi", "person"), ("Razi Mousavi", "person")),
        (("Baghdad airport", "location"), ("Baghdad International Airport", "location")),
    ],
)
def test_same_actor_same_key(a, b):
    assert canonical_actor_key(*a) == canonical_actor_key(*b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("Joe Biden", "person"), ("Hunter Biden", "person")),
        (("Joe Biden", "person"), ("Jill Biden", "person")),
        (("Hillary Clinton", "person"), ("Bill Clinton", "person")),
        (("Iran", "country"), ("Iraq", "country")),
    ],
)
def test_different_actor_different_key(a, b):
    assert canonical_actor_key(*a) != canonical_actor_key(*b)


def test_mentions_are_valid_spans_with_stable_ids():
    line = "Maj. Gen. Pat Ryder, the Pentagon's press secretary, said Iran-backed groups struck."
    for m in mentions(line):
        assert line[m.start : m.end] == m.text
        assert m.actor_id == stable_id("actor", m.actor_key)


# Sentences of a long paragraph: names alone, after titles, with acronyms, possessives and
# a sentence-initial common word, so each kind of region occurs in many contexts.
LONG_LINE_SENTENCES = (
    "Defense Minister Thabet al-Abbasi met Gen. Erik Kurilla in Baghdad on Monday.",
    "The Popular Mobilization Forces (PMF) said the PMF would not disarm.",
    "Still, Abbasi's office said Washington wants talks with Tehran.",
    "Kurilla told reporters that Iran-backed groups fired at the U.S.-led coalition.",
    "Reuters reported that Kataib Hezbollah denied it.",
)
LONG_LINE_CHARS = 40_000  # a feed record may be one paragraph this long


def _spans(article_lines: list[str]) -> list[tuple[str, str, str, str, str | None]]:
    return [(m.text, m.type, m.actor_key, m.name, m.role) for m in mentions(*article_lines)]


def test_one_long_line_reads_like_its_sentences():
    """A 40,000-character paragraph yields the mentions of its sentences read as lines, at
    the right offsets (no timing: bench/actors_speed.py measures speed)."""
    sentences: list[str] = []
    while sum(len(x) + 1 for x in sentences) < LONG_LINE_CHARS:
        sentences.extend(LONG_LINE_SENTENCES)
    line = " ".join(sentences)
    found = mentions(line)
    assert len(line) >= LONG_LINE_CHARS
    assert [(m.text, m.type, m.actor_key, m.name, m.role) for m in found] == _spans(sentences)
    assert all(line[m.start : m.end] == m.text for m in found)
    per_round = len(_spans(list(LONG_LINE_SENTENCES)))
    assert per_round >= 12 and len(found) == per_round * len(sentences) // 5


@pytest.mark.parametrize(
    ("earlier", "line", "expected"),
    [
        # A sentence-initial common word is dropped, so the same words split differently at
        # the start of a sentence and inside one, whichever was read first.
        ("He said Special Envoy Kurilla met them.", "Special Envoy Kurilla met them.",
         {"Envoy Kurilla": "person"}),
        ("Special Envoy Kurilla met them.", "He said Special Envoy Kurilla met them.", {}),
        # A name-like word just outside a region ("Mosul/Erbil") is read with it.
        ("Erbil hosted talks.", "In Mosul/Erbil, gunmen fired.",
         {"Mosul": "location", "Erbil": "location"}),
    ],
)  # fmt: skip
def test_words_read_in_their_own_context(earlier, line, expected):
    mentions(earlier)  # the same words, read first in another context
    assert {m.text: m.type for m in mentions(line)} == expected


# --- gold seeds --------------------------------------------------------------------------


def _seed_scores() -> dict[str, float]:
    """Alias P/R, type accuracy and cross-article pairwise F1, as seeds_score.py counts them."""
    gold_dir, seeds = SHARED / "gold", SHARED / "seeds"
    golds = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in gold_dir.glob("*.json")}
    found = {}
    actor_types: dict[str, Counter] = defaultdict(Counter)
    for stem, g in golds.items():
        lines = (seeds / g["file"]).read_text(encoding="utf-8").split("\n")
        art = ArticleText(article_id=stem, lines=lines, body_line_nos=g["lines"]["body"])
        found[stem] = extract_actor_mentions(art)
        for m in found[stem]:
            actor_types[m.actor_id][m.type] += 1
    tp = n_pred = n_gold = type_ok = 0
    res_gold, res_pred = {}, {}
    for stem, g in golds.items():
        gold_alias = defaultdict(list)
        for act in g["actors"]:
            for alias in act["aliases"]:
                gold_alias[alias].append(act)
        pred: dict[str, Counter] = {}
        for m in found[stem]:
            pred.setdefault(m.text, Counter())[m.actor_id] += 1
        n_gold, n_pred = n_gold + len(gold_alias), n_pred + len(pred)
        for alias in (a for a in gold_alias if a in pred):
            tp += 1
            actor = pred[alias].most_common(1)[0][0]
            type_ok += actor_types[actor].most_common(1)[0][0] in {
                a["type"] for a in gold_alias[alias]
            }
        for act in g["actors"]:
            ids = Counter()
            for alias in act["aliases"]:
                if len(gold_alias[alias]) == 1:
                    ids.update(pred.get(alias, {}))
            if ids:
                res_gold[(stem, act["name"])] = act["name"]
                res_pred[(stem, act["name"])] = ids.most_common(1)[0][0]
    items = list(res_gold)
    pairs_g = {(a, b) for a, b in combinations(items, 2) if res_gold[a] == res_gold[b]}
    pairs_p = {(a, b) for a, b in combinations(items, 2) if res_pred[a] == res_pred[b]}
    both = len(pairs_g & pairs_p)
    rp, rr = both / len(pairs_p), both / len(pairs_g)
    return {
        "alias_p": tp / n_pred,
        "alias_r": tp / n_gold,
        "type_acc": type_ok / tp,
        "resolve_f1": 2 * rp * rr / (rp + rr),
    }


@pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason="../shared/gold not present")
def test_gold_seeds_floors():
    scores = _seed_scores()
    assert scores["alias_p"] >= 0.98, scores
    assert scores["alias_r"] >= 0.98, scores
    assert scores["type_acc"] >= 0.98, scores
    # Without a curated entry for the samples' own militia, two of its names stay apart from
    # the rest: "Hashed al-Shaabi" (its Arabic name) and "Popular Military Forces" (one
    # page's misspelling). No general rule can join them.
    assert scores["resolve_f1"] >= 0.97, scores


@pytest.mark.skipif(not (SHARED / "bench" / "ner").is_dir(), reason="../shared/bench absent")
def test_conll_dev_floor(tmp_path):
    out = tmp_path / "pred.jsonl"
    run = subprocess.run(
        [sys.executable, str(REPO / "bench" / "eval_ner.py"), "--out", str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    last = run.stdout.strip().splitlines()[-1]
    f1 = float(last.split()[0].removeprefix("F1="))
    assert f1 >= 0.82, last


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        # One full-name person with the surname: the surname-only key is that person.
        (["person:rydar:", "person:rydar:pat"], {"person:rydar:": "person:rydar:pat"}),
        # Two people share the surname: ambiguous, stays apart.
        (["person:rydar:", "person:rydar:pat", "person:rydar:jan"], {}),
        # Nobody named in full, or only someone else: nothing to merge.
        (["person:rydar:"], {}),
        (["person:rydar:", "person:smath:jan", "org:rydar", "loc:rydar"], {}),
        # The same full-name key twice is one person.
        (["person:rydar:pat", "person:rydar:", "person:rydar:pat"],
         {"person:rydar:": "person:rydar:pat"}),
    ],
)  # fmt: skip
def test_surname_merges(keys, expected):
    assert surname_merges(keys) == expected


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("Ryder said the strikes would continue.", [("Ryder", "person")]),
        ('"The strikes will continue," Ryder said.', [("Ryder", "person")]),
        # Opening a sentence before "said", a common word or a place is no surname.
        ("Officials said the strikes would continue.", []),
        ("Police said the strikes would continue.", []),
    ],
)
def test_a_surname_opening_a_sentence_before_a_speech_verb(line, found):
    assert [(m.text, m.type) for m in mentions(line)] == found


# --- data files ----------------------------------------------------------------------------


def test_a_missing_data_file_raises_naming_it():
    with pytest.raises(ValueError, match=re.escape("pipeline/data/actors_absent.txt")):
        gaz.word_set.__wrapped__("actors_absent.txt")


def test_a_data_file_without_entries_raises_naming_it(tmp_path, monkeypatch):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "actors_role_nouns.txt").write_text("# only a comment\n\n")
    monkeypatch.setattr(gazetteer.resources, "files", lambda _package: tmp_path)
    with pytest.raises(
        ValueError, match=re.escape("pipeline/data/actors_role_nouns.txt: no entries")
    ):
        gaz.word_set.__wrapped__("actors_role_nouns.txt")


@pytest.mark.parametrize(
    ("loader", "name", "lines", "message"),
    [
        (gaz.titles, "actors_titles.tsv", ["Gen."], "2 tab-separated columns expected"),
        (gaz.org_heads, "actors_org_heads.tsv", ["Army\tmilitia"], "unknown actor type"),
        (gaz.known_actors, "actors_known.tsv", ["Hamas"], "2 tab-separated columns expected"),
        (gaz.known_actors, "actors_known.tsv", ["Hamas\tgroup\t"], "unknown actor type"),
    ],
)
def test_a_malformed_data_file_raises_naming_it(monkeypatch, loader, name, lines, message):
    monkeypatch.setattr(gazetteer, "data_lines", lambda _name: lines)
    with pytest.raises(ValueError, match=re.escape(f"pipeline/data/{name}: {message}")):
        loader.__wrapped__()


@pytest.mark.parametrize(
    "line",
    [
        "Fighters of Kataib Hezbollah and Jaish al-Adl crossed the border.",
        "A leader of Harakat-al-Nujaba was killed, and Liwa Fatemiyoun fighters fled.",
        "Lashkar-e-Jhangvi claimed the bombing.",
    ],
)
def test_a_militia_named_after_its_unit_is_an_armed_group_without_a_list(line):
    # No curated entry: the transliterated words for army, brigades, movement, etc.
    found = {m.text: m.type for m in mentions(line)}
    assert found and set(found.values()) == {"armed_group"}, found


def test_a_person_whose_surname_is_such_a_word_stays_a_person():
    assert by_text("The report was written by Jane Harakat, a lawyer.")["Jane Harakat"][0] == (
        "person"
    )


def test_a_movement_named_for_its_country_is_one_name_but_a_unit_in_a_place_is_two():
    assert by_text("The Islamic Resistance in Iraq claimed the attack.") == {
        "Islamic Resistance in Iraq": ("armed_group", "Islamic Resistance in Iraq")
    }
    found = by_text("The Popular Mobilisation Forces in Iraq and Hamas in Gaza both said so.")
    assert set(found) == {"Popular Mobilisation Forces", "Iraq", "Hamas", "Gaza"}
    assert found["Popular Mobilisation Forces"][0] == "armed_group"


def test_one_gazetteer_names_countries_capitals_and_seats_for_every_stage():
    countries = gazetteer.countries()
    assert countries["USA"].key == "us" and countries["GBR"].key == "uk"
    assert countries["SAU"].key == "saudi_arabia" and countries["ARE"].key == "uae"
    assert countries["RUS"].name == "Russia"  # the usual name, not pycountry's formal one
    assert "Iraqis" in countries["IRQ"].demonyms and "Chineses" not in countries["CHN"].demonyms
    assert {"Washington", "Pentagon", "White House"} <= set(countries["USA"].capitals)
    assert "Gaza Strip" in countries["PSE"].names  # a region in one country names it
    assert gazetteer.capital_country("Baghdad") == "Iraq"
    assert gazetteer.capital_country("Kiev") == gazetteer.capital_country("Kyiv") == "Ukraine"
    assert gazetteer.capital_country("Tel Aviv") == "Israel"
    assert gazetteer.capital_country("Basra") is None  # a city, not a capital
    # The actors stage reads the same tables.
    assert gaz.place_for("Chad") == gazetteer.place_for("Chad")
    assert gaz.place_for("Chad").type == "country"


def test_a_territory_listed_like_a_country_is_a_place_of_its_state():
    found = by_text("Cases rose in Hong Kong and Puerto Rico, and in China.")
    assert found["Hong Kong"][0] == found["Puerto Rico"][0] == "location"
    assert found["China"][0] == "country"
    assert gazetteer.place_for("Hong Kong").country_iso3 == "CHN"
    assert "HKG" not in gazetteer.countries()  # no country of its own for the numbers stage


def test_acronyms_of_roles_and_diseases_name_no_actor():
    found = by_text("The CEO said HIV drugs and the IPO raised money, NATO said.")
    assert set(found) == {"NATO"}


def test_titles_of_office_before_a_name_are_no_part_of_it():
    found = by_text("Agency Administrator Jim Moe and Attorney General Jane Roe spoke.")
    assert found["Jim Moe"] == ("person", "Jim Moe")
    assert found["Jane Roe"] == ("person", "Jane Roe")


@pytest.mark.parametrize(
    "line",
    [
        '"It is over," said U.S. Attorney Nealy Cox.',
        "Prosecutor Nealy Cox told the court it was over.",
        "Coach Nealy Cox said the team was tired.",
    ],
)
def test_a_capitalised_role_noun_before_a_name_is_a_title(line):
    found = by_text(line)
    assert found["Nealy Cox"] == ("person", "Nealy Cox"), found
    assert not any("Attorney" in text or "Prosecutor" in text for text in found)


def test_a_role_noun_before_an_organisation_s_words_is_no_title():
    found = by_text("Officials met at the Attorney Training Institute in Ohio.")
    assert not any(kind == "person" for kind, _ in found.values()), found


@pytest.mark.parametrize(
    ("line", "whole", "type_", "parts"),
    [
        # A word that opens a region's name and the place it qualifies are one place.
        ("Herders in Upper Egypt said on Tuesday.", "Upper Egypt", "location", ["Egypt"]),
        # A city's own body is named whole, not a city and a body.
        ("The Leeds City Council said.", "Leeds City Council", "government_body", ["Leeds"]),
        # A known name that heads a longer one ("of ...") does not split it.
        ("The Oregon State Department of Energy said.", "Oregon State Department of Energy",
         "government_body", ["State Department"]),
        # "of the" after a head word joins the rest; a title ending such a name is its own.
        ("The Office of the Chief Auditor found delays.", "Office of the Chief Auditor",
         "government_body", ["Office"]),
        # "and" inside a body's name whose head ends it.
        ("The Fish and Wildlife Commission ruled.", "Fish and Wildlife Commission",
         "government_body", ["Wildlife Commission"]),
    ],
)  # fmt: skip
def test_names_kept_whole(line, whole, type_, parts):
    found = by_text(line)
    assert whole in found, found
    assert found[whole][0] == type_
    assert not set(parts) & set(found), found


@pytest.mark.parametrize(
    ("line", "names"),
    [
        # Two companies joined by "and" stay two; a title after "of the" stays a title.
        ("Acme Robotics and Zenith Orbital Systems Inc won.", {"Zenith Orbital Systems Inc"}),
        ("President of the Senate, Bukola Saraki, spoke.", {"Bukola Saraki"}),
        ("Kataib Hezbollah Commander Abu Ali said.", {"Kataib Hezbollah", "Abu Ali"}),
    ],
)
def test_connectors_do_not_join_two_names(line, names):
    found = by_text(line)
    assert names <= set(found), found
    assert not any(" and " in text for text in found)
    assert "Senate" not in found


@pytest.mark.parametrize(
    ("line", "names"),
    [
        # An acronym defined in brackets is the name's alias, even one that spells a word.
        ("The Global Health Office (WHO) said.", {"Global Health Office", "WHO"}),
        # A name the article defines an acronym for is a body's, whatever its head word.
        ("The Centre for Rural Studies (CRS) said.", {"Centre for Rural Studies", "CRS"}),
        # The capitalised words before a name that its acronym spells belong to it.
        ("Staff at the Agency for Marine Research Hubs (AMRH) said.",
         {"Agency for Marine Research Hubs", "AMRH"}),
        # A country that opens the name does not cut it short when the acronym spells it.
        ("The Iraq Body Count (IBC) project said.", {"Iraq Body Count", "IBC"}),
    ],
)  # fmt: skip
def test_acronyms_defined_in_brackets(line, names):
    found = by_text(line)
    assert names <= set(found), found
    keys = {m.actor_key for m in mentions(line) if m.text in names}
    assert len(keys) == 1


@pytest.mark.parametrize(
    ("line", "absent"),
    [
        # Stock indices and their market codes are no actors.
        ("The Dow Jones Industrial Average (.DJI) fell 0.2%.", "Dow Jones Industrial Average"),
        ("The Dow Jones Industrial Average (.DJI) fell 0.2%.", "DJI"),
        ("The Shanghai Composite fell 1%.", "Shanghai Composite"),
        ("The Dow Jones Industrial Average .DJI fell 102.2 points.", "DJI"),
        ("Gold (XAU=) rose.", "XAU"),
        ("Apple Inc (AAPL.O) rose.", "AAPL"),
        # A particle opens a word: "pan-European" holds none.
        ("the pan-European STOXX 600 index lost 0.2%", "an-European STOXX"),
    ],
)
def test_market_codes_and_indices_are_no_actors(line, absent):
    assert absent not in by_text(line)


@pytest.mark.parametrize(
    ("line", "text", "type_"),
    [
        # A capital inside a word marks a company's or a platform's name.
        ("Zenbank and FlyHub agreed a deal, the company said.", "FlyHub", "organization"),
        ("Posts on ChatNest spread quickly.", "ChatNest", "organization"),
        # Family names written with a capital after their particle stay people.
        ("Gov. Ron DeSantis and McAllister met.", "Ron DeSantis", "person"),
        # A company word's abbreviation keeps its full stop.
        ("Shares of Zenbank Inc. rose on Monday.", "Zenbank Inc.", "organization"),
        # A market code after a name is no part of it.
        ("Copper on the Harbour Metal Exchange HMX3 rose.", "Harbour Metal Exchange",
         "organization"),
    ],
)  # fmt: skip
def test_brand_shapes_and_codes(line, text, type_):
    found = by_text(line)
    assert text in found, found
    assert found[text][0] == type_
    assert "HMX3" not in found and "McAllister" not in {
        t for t, (ty, _) in found.items() if ty == "organization"
    }


@pytest.mark.parametrize(
    ("line", "absent"),
    [
        # Hashtags, handles and links are no company names, whatever their capitals.
        ("He backed #FeelTheBern on Monday.", "FeelTheBern"),
        ("A reply from @realJaneRoe came.", "JaneRoe"),
        ("See pic.twitter.com/AbcdefghiJ now.", "AbcdefghiJ"),
        # "and" joins no acronym, given name or family name into a body's name.
        ("The IRS and Drug Enforcement Administration said.",
         "IRS and Drug Enforcement Administration"),
        ("The Hillary and Chelsea Roe Foundation said.", "Hillary and Chelsea Roe Foundation"),
        ("The CGI and Clinton Foundation said.", "CGI and Clinton Foundation"),
    ],
)  # fmt: skip
def test_no_names_from_handles_or_lists_joined_by_and(line, absent):
    assert absent not in by_text(line)
