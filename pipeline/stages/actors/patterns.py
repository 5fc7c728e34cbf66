"""Descriptive mentions the capitalisation rules miss, found by pattern: coalitions ("U.S.-led
coalition"), a country's institutions ("Iraq's parliament") and city airports ("Baghdad
airport")."""

from __future__ import annotations

from typing import Final

import regex

from pipeline.stages.actors import gazetteers as gaz
from pipeline.stages.actors.candidate import Candidate

# A military coalition: "U.S.-led coalition", "international coalition".
COALITION_RE: Final = regex.compile(
    r"(?:(?P<leader>(?:\p{Lu}\.){2,}|\p{Lu}[\p{L}]+)-led\s+)?"
    r"(?P<mods>(?:(?:international|multinational|military|anti-\p{L}+|global|western)\s+)*)"
    r"(?P<head>[Cc]oalition)\b"
)
# "Baghdad airport": a city's airport.
AIRPORT_WORDS: Final = ("airport", "airbase", "air base")
CITY_AIRPORT_RE: Final = regex.compile(
    r"\b(?P<city>\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+)?)\s+"
    r"(?:international\s+)?(?:airport|air base|airbase)\b"
)
# "Iraq's parliament", "Iraqi parliament": a country's named institution.
BODY_WORDS: Final = ("parliament", "senate", "cabinet", "judiciary", "supreme court")
COUNTRY_BODY_RE: Final = regex.compile(
    r"\b(?P<country>\p{Lu}[\p{L}.]+(?:\s\p{Lu}[\p{L}]+)?)(?P<poss>['\u2019]s)?\s+"
    r"(?P<body>" + "|".join(BODY_WORDS) + r")\b"
)
# Words the descriptive patterns below need (lower case), so lines without one skip them all.
PATTERN_CUES: Final = ("coalition", *BODY_WORDS, *AIRPORT_WORDS)
# Characters a coalition mention can hold before its head word ("U.S.-led international"):
# the last other character before the first "coalition" bounds where a match can start.
COALITION_STOP_RE: Final = regex.compile(r"(?r)[^\p{L}\s.\-]")


def pattern_candidates(line_no: int, line: str) -> list[Candidate]:
    """Descriptive mentions the capitalisation rules miss: coalitions, national bodies."""
    out: list[Candidate] = []
    lowered = line.lower()
    for word in PATTERN_CUES:
        if word in lowered:
            break
    else:
        return out  # the common case: none of the patterns can match
    if "oalition" in line:
        out.extend(_coalition_candidates(line_no, line))
    if any(word in lowered for word in BODY_WORDS):
        out.extend(_national_body_candidates(line_no, line))
    if any(word in lowered for word in AIRPORT_WORDS):
        out.extend(_airport_candidates(line_no, line))
    return out


def _airport_candidates(line_no: int, line: str) -> list[Candidate]:
    """ "Baghdad airport": a city's airport named after it, in lower case."""
    out: list[Candidate] = []
    for m in CITY_AIRPORT_RE.finditer(line):
        place = gaz.place_for(m.group("city"))
        if place is None or place.type != "location":
            continue
        cand = Candidate(line_no, m.start(), m.end(), m.group(), line, forced_type="location")
        cand.forced_key = f"airport:{place.key}"
        cand.forced_name = f"{place.name} airport"
        cand.evidence.append("city airport pattern")
        out.append(cand)
    return out


def _coalition_candidates(line_no: int, line: str) -> list[Candidate]:
    out: list[Candidate] = []
    first, last = line.find("oalition"), line.rfind("oalition")
    if first < 0:
        return out
    # Every match ends at a head word and holds only COALITION_STOP_RE's complement before
    # it, so none starts before the last such stop character ahead of the first head, nor
    # ends after the last head (plus one character for the closing word boundary).
    stop = COALITION_STOP_RE.search(line, 0, first)
    begin = stop.end() if stop else 0
    for m in COALITION_RE.finditer(line, begin, min(len(line), last + len("oalition") + 1)):
        leader, mods = m.group("leader"), m.group("mods").split()
        capital = m.group("head")[0] == "C"
        if not (leader or {"international", "multinational", "global"} & set(mods) or capital):
            continue
        start = m.start("leader") if leader else (m.start("mods") if mods else m.start("head"))
        if capital and not leader and not mods and start > 0 and line[start - 1] != " ":
            continue
        leader_key = ""
        if leader:
            place = gaz.place_for(leader)
            leader_key = place.key if place and place.type == "country" else ""
        cand = Candidate(
            line_no, start, m.end(), line[start : m.end()], line, forced_type="organization"
        )
        cand.forced_key = "coalition:" + (leader_key.split(":")[-1] if leader_key else "")
        cand.evidence.append("coalition pattern")
        out.append(cand)
    return out


def _national_body_candidates(line_no: int, line: str) -> list[Candidate]:
    out: list[Candidate] = []
    for m in COUNTRY_BODY_RE.finditer(line):
        country = m.group("country")
        iso3 = gaz.demonyms().get(gaz.fold(country)) if not m.group("poss") else None
        if iso3 is None:
            place = gaz.place_for(country)
            iso3 = place.country_iso3 if place and place.type == "country" else None
        if not iso3:
            continue
        body = m.group("body").lower()
        name = f"{body.title()} of {gaz.country_names().get(iso3, iso3)}"
        cand = Candidate(
            line_no, m.start(), m.end(), m.group(), line, forced_type="government_body"
        )
        cand.forced_key = f"gov:{iso3}:{body}"
        cand.forced_name = name
        cand.evidence.append("national body pattern")
        out.append(cand)
    return out
