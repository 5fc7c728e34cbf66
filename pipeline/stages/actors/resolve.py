"""Resolution within one article, where one string names one actor: surnames to the full
names given elsewhere, acronyms to their expansions, capitals to their countries, towns to
sports teams, generic coalitions to the led one; then default keys and names, and duplicate
spans dropped."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate
from typing import Final, NamedTuple

import regex

from pipeline.stages.actors import gazetteers as gaz
from pipeline.stages.actors.actor_types import PERSON_VERBS
from pipeline.stages.actors.candidate import Candidate
from pipeline.stages.actors.tokens import is_acronym

# Words before a place name that show it used as a place (a capital city not standing for its
# government; a town that is the venue, not the team).
LOCATIVE_WORDS: Final = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "around", "into", "over", "downtown",
     "central", "southern", "northern", "eastern", "western", "to", "capital", "city"}
)  # fmt: skip
# Verbs after a place name that show it acting as its government ("Tehran wants").
AGENT_VERBS: Final = frozenset(
    {"wants", "has", "had", "will", "would", "could", "should", "must", "can", "may",
     "sent", "says", "said", "denied", "rejected", "warned", "urged", "accused",
     "blamed", "labelled", "labeled", "condemned", "announced", "insists", "agreed"}
)  # fmt: skip
# Sports results: "Karlsruhe 2 Nice 1", "Surrey v Kent".
SCORE_RE: Final = regex.compile(r"^\d+(?:-\d+)?$")
YEAR_RE: Final = regex.compile(r"^(?:19|20)\d\d$")
DATE_RE: Final = regex.compile(r"^\d{4}-\d\d-\d\d$")
VERSUS_WORDS: Final = frozenset({"v", "vs", "vs.", "v."})
MIN_TEAMS_FOR_SPORTS_ARTICLE: Final = 2
# Types a lone word may have before it turns out to be the surname of a person named in full
# in the article ("Michael Jordan ... Jordan scored").
SURNAME_OVERRIDABLE: Final = frozenset({"other", "person", "location", "organization", "country"})
ACRONYM_IN_PARENS_RE: Final = regex.compile(r"\s*\((\p{Lu}[\p{Lu}.&-]{1,8})\)")
BRACKETED_ACRONYM_CHARS: Final = 11  # "(" and ")" around at most nine characters
SPACES_RE: Final = regex.compile(r"\s*")


@lru_cache(maxsize=1 << 14)
def _surname(text: str) -> str:
    toks = [t for t in gaz.name_tokens(text) if t not in {"jr", "sr", "ii", "iii"}]
    return gaz.surname_form(toks[-1]) if toks else ""


@lru_cache(maxsize=1 << 14)
def person_key(full_name: str) -> str:
    """ "person:<surname form>:<given-name initial>"; religious and honorific words before
    the given name ("Sayyed Razi Mousavi") are skipped, as outlets drop them."""
    toks = gaz.name_tokens(full_name)
    while len(toks) > 2 and toks[0] in gaz.word_set("actors_name_honorifics.txt"):
        toks = toks[1:]
    if len(toks) < 2:
        return f"person:{_surname(full_name)}:"
    return f"person:{_surname(full_name)}:{gaz.given_name_key(toks[0])}"


def clean_name(text: str) -> str:
    return text[:-2] if text[-2:] in ("'s", "\u2019s") else text


def resolve_people(cands: list[Candidate]) -> None:
    """Surnames and "Mr. X" resolve to the full name given earlier (or later) in the article."""
    full: dict[str, list[Candidate]] = {}
    titled: set[str] = set()  # surnames of people named by title alone ("President Clinton")
    for c in cands:
        if c.type == "person":
            n_tokens = len(gaz.name_tokens(c.text))
            if n_tokens >= 2:
                full.setdefault(_surname(c.text), []).append(c)
            elif n_tokens == 1:
                titled.add(_surname(c.text))
    # Surname -> its full names by the length of their last word.
    by_length: dict[str, dict[int, _SameLength]] = {}
    best_names: dict[str, dict[str, str]] = {}  # surname -> person key -> longest name
    last_person: Candidate | None = None
    for c in cands:
        if c.alias_of_previous and last_person is not None:
            c.type, c.key, c.name = "person", last_person.key, last_person.name
            c.evidence.append("alias cue")
            continue
        toks = gaz.name_tokens(c.text)
        single = len(toks) == 1
        if not single and c.type != "person":
            continue  # no rule below applies to a longer name that is not a person
        sur = _surname(c.text) if toks else ""
        target = None
        if single and sur in full and c.type in SURNAME_OVERRIDABLE:
            if sur not in by_length:
                by_length[sur] = _by_last_word_length(full[sur])
            target = _surname_target(full[sur], by_length[sur], toks[0], c)
        if target is not None:
            c.type = "person"
            c.name = _longest_name(full, sur, target, best_names)
            c.key = person_key(c.name)
            c.evidence.append("surname of a person in the article")
        elif single and sur in titled and c.type in ("other", "location", "organization"):
            c.type, c.name, c.key = "person", clean_name(c.text), person_key(c.text)
            c.evidence.append("surname of a titled person in the article")
        elif c.type == "person":
            if single:
                c.name = clean_name(c.text)
                c.key = person_key(c.text)
            else:
                c.name = _longest_name(full, sur, c, best_names)
                c.key = person_key(c.name)
        if c.type == "person":
            last_person = c


class _SameLength(NamedTuple):
    """The full names of one surname whose last words have one length, by position, so the
    latest one before a mention is found by bisection."""

    positions: list[tuple[int, int]]  # (line_no, start) of each, in order
    latest: list[int]  # the greatest index in the surname's list among positions[: i + 1]
    first: int  # the least index in the surname's list


def _by_last_word_length(group: list[Candidate]) -> dict[int, _SameLength]:
    """A surname's full names (``group``, in article order) by the length of their last
    name word, which decides whether a lone surname matches them (``_surname_target``)."""
    indices_by_length: dict[int, list[int]] = {}
    for i, f in enumerate(group):
        indices_by_length.setdefault(len(gaz.name_tokens(f.text)[-1]), []).append(i)
    out = {}
    for length, indices in indices_by_length.items():
        indices.sort(key=lambda i: (group[i].line_no, group[i].start))
        positions = [(group[i].line_no, group[i].start) for i in indices]
        out[length] = _SameLength(positions, list(accumulate(indices, max)), min(indices))
    return out


def _surname_target(
    group: list[Candidate], by_length: dict[int, _SameLength], word: str, c: Candidate
) -> Candidate | None:
    """The full name that ``c``, the lone surname ``word`` (a name token), stands for: of the
    names in ``group`` with a matching last word, the last in article order of those before
    ``c``, else the first; None if no name matches.

    Names of one surname form ("Sudani" and "al-Sudani" name the same family) match when
    their last words differ in length by one letter at most: "Carsonian" is not "Carson",
    though their skeletons agree.
    """
    latest_before, first = -1, len(group)
    for length in (len(word) - 1, len(word), len(word) + 1):
        names = by_length.get(length)
        if names is None:
            continue
        first = min(first, names.first)
        k = bisect_left(names.positions, (c.line_no, c.start))
        if k:
            latest_before = max(latest_before, names.latest[k - 1])
    if latest_before >= 0:
        return group[latest_before]
    return group[first] if first < len(group) else None


def _longest_name(
    full: dict[str, list[Candidate]],
    sur: str,
    target: Candidate,
    best_names: dict[str, dict[str, str]],
) -> str:
    """The longest full name with surname ``sur`` in the article compatible with ``target``'s
    initial (``target``'s own name if none is). ``best_names`` keeps each surname's answers,
    as an article names the same people many times."""
    if sur not in full:
        return clean_name(target.text)
    by_key = best_names.get(sur)
    if by_key is None:
        by_key = best_names[sur] = _longest_names_by_key(full[sur])
    name = by_key.get(person_key(target.text))
    return clean_name(target.text) if name is None else name


def _longest_names_by_key(group: list[Candidate]) -> dict[str, str]:
    """Person key -> the name of the group's longest full name with that key (the earliest
    line among equals, then the first in the group)."""
    best: dict[str, tuple[tuple[int, int], str]] = {}
    for g in group:
        key = person_key(g.text)
        score = (len(gaz.name_tokens(g.text)), -g.line_no)
        if key not in best or score > best[key][0]:
            best[key] = (score, g.text)
    return {key: clean_name(text) for key, (_, text) in best.items()}


def resolve_acronyms(cands: list[Candidate]) -> None:
    """ "Popular Mobilisation Forces (PMF)": the acronym and its expansion are one actor; a
    bare acronym also matches any article name whose initials spell it."""
    acronyms = [is_acronym(c.text) for c in cands]
    if not any(acronyms):
        return  # nothing to resolve
    by_acr: dict[str, Candidate] = {}
    for c, acronym in zip(cands, acronyms, strict=True):
        if acronym:
            continue
        bracketed = _bracketed_acronym(c)
        if bracketed:
            by_acr.setdefault(bracketed.replace(".", ""), c)
        if c.type not in ("person", "other"):
            initials = _initials(c.text)
            if len(initials) >= 2:
                by_acr.setdefault(initials, c)
    for c, acronym in zip(cands, acronyms, strict=True):
        if not acronym:
            continue
        acr = c.text.replace(".", "")
        if acr not in by_acr:
            continue
        long = by_acr[acr]
        if c.key.startswith(("kb:", "country:")) and not long.key.startswith("kb:"):
            # The acronym is a known actor: its expansion takes the known identity.
            long.type, long.key, long.name = c.type, c.key, c.name
            continue
        if not c.key.startswith(("kb:", "country:")) or long.key.startswith("kb:"):
            # An expansion not in a gazetteer has no key yet: the acronym takes its name, from
            # which both get the same key ("PMF" and "Popular Mobilisation Forces").
            c.type, c.key, c.name = long.type, long.key, long.name or clean_name(long.text)
            c.evidence.append("acronym of a name in the article")


# Words an expansion may hold that its acronym skips ("Centers for Disease Control and
# Prevention" is CDC).
EXPANSION_SKIPPED_WORDS: Final = frozenset({"of", "for", "and", "the", "on", "in", "&"})
_EXPANSION_WORD_RE: Final = regex.compile(r"[\p{L}&][\p{L}\p{M}'\u2019&.-]*")


def extend_to_acronyms(cands: list[Candidate]) -> list[Candidate]:
    """A name followed by an acronym in brackets whose initials it does not spell, because
    the capitalised words before it belong to it ("Centers for Disease Control and
    Prevention (CDC)" read as "Prevention"): the name is widened to the words the acronym
    spells, and the candidates inside the wider name are dropped."""
    covered: list[Candidate] = []
    for c in cands:
        if is_acronym(c.text):
            continue
        acronym = _bracketed_acronym(c)
        if acronym is None:
            continue
        acronym = acronym.replace(".", "").replace("-", "")
        if _initials(c.text) == acronym:
            if c.type == "other" and not c.evidence:
                # "Centre for Disease Control (CDC)": a name with an acronym is a body's.
                c.type = "organization"
                c.evidence.append("named with an acronym")
            continue
        start = _expansion_start(c.line, c.end, acronym)
        if start is None or start >= c.start:
            continue
        c.start, c.text = start, c.line[start : c.end]
        c.type, c.key, c.name, c.forced_type = "", "", "", None
        c.evidence = ["expansion of an acronym"]
        covered.append(c)
    if not covered:
        return cands
    inside = {
        id(o)
        for c in covered
        for o in cands
        if o is not c and o.line_no == c.line_no and c.start <= o.start and o.end <= c.end
    }
    return [o for o in cands if id(o) not in inside]


def _expansion_start(line: str, end: int, acronym: str) -> int | None:
    """Where the capitalised words ending at ``end`` start that spell ``acronym`` with their
    initials (the skipped words aside), or None."""
    words = list(_EXPANSION_WORD_RE.finditer(line, max(0, end - 20 * len(acronym)), end))
    spelled = ""
    for m in reversed(words):
        word = m.group()
        if word.lower() in EXPANSION_SKIPPED_WORDS:
            continue
        if not word[0].isupper():
            return None
        spelled = word[0] + spelled
        if spelled == acronym:
            return m.start()
        if not acronym.endswith(spelled):
            return None
    return None


def _bracketed_acronym(c: Candidate) -> str | None:
    """The acronym in brackets just after ``c`` ("Popular Mobilisation Forces (PMF)")."""
    # The match is given an end just past where the brackets can close: without one, the
    # regex module first looks for them in all the rest of the line, once per name.
    spaces = SPACES_RE.match(c.line, c.end)  # always matches, if only the empty string
    end = (spaces.end() if spaces else c.end) + BRACKETED_ACRONYM_CHARS
    m = ACRONYM_IN_PARENS_RE.match(c.line, c.end, min(end, len(c.line)))
    return m.group(1) if m else None


@lru_cache(maxsize=1 << 14)
def _initials(text: str) -> str:
    """ "Kurdistan Democratic Party" -> "KDP" (function words skipped)."""
    return "".join(w[0] for w in gaz.name_tokens(text) if w not in {"of", "for", "and"}).upper()


def resolve_capitals(cands: list[Candidate]) -> None:
    """A capital never used as a place in the article ("Washington says") is its country;
    one string names one actor per article, so any locative use keeps it the city."""
    capitals = {
        c.text for c in cands if c.type == "location" and _is_capital_location(c.text, c.key)
    }
    if not capitals:
        return  # the common case: no capital city named
    locative: set[str] = set()
    agentive: set[str] = set()
    for c in cands:
        if c.text not in capitals:
            continue  # only the uses of capitals' names matter
        if c.prev_word.lower() in LOCATIVE_WORDS or c.shouted:
            locative.add(c.text)
        elif _acts_like_agent(c):
            agentive.add(c.text)
    for c in cands:
        if c.text not in capitals:
            continue
        place = gaz.place_for(c.text)
        if not (place and place.is_capital and c.type == "location" and c.key == place.key):
            continue
        if c.text in locative or c.text not in agentive or c.text.isupper():
            continue
        iso3 = place.country_iso3 or ""
        c.type, c.key = "country", f"country:{iso3}"
        c.name = gaz.country_names().get(iso3, c.name)
        c.evidence.append("capital used for its country")


def _is_capital_location(text: str, key: str) -> bool:
    place = gaz.place_for(text)
    return place is not None and place.is_capital and key == place.key


def resolve_teams(cands: list[Candidate]) -> None:
    """A city or region followed by a score ("Karlsruhe 2 Nice 1", "Surrey 250") or set
    against another ("Surrey v Kent", "CHICAGO AT NEW YORK") is a sports team; every mention
    of that string in the article is the team (one sense per article). Countries stay
    countries: national sides are reported under the country's name."""
    teams: set[str] = set()
    for c in cands:
        if c.type in ("location", "other") and _looks_like_team(c) and not _is_region(c):
            teams.add(gaz.fold(c.text))
    if not teams:
        return
    sports = len(teams) >= MIN_TEAMS_FOR_SPORTS_ARTICLE
    for c in cands:
        if c.type not in ("location", "other") or _is_region(c):
            continue
        if DATE_RE.match(c.next_word) or YEAR_RE.match(c.next_word):
            continue  # a dateline ("LONDON 1996-08-30") is the place
        if c.prev_word.lower() in LOCATIVE_WORDS:
            continue  # "in Leeds", "AT DETROIT": the venue is the place
        # In a sports report, a town or county not used as a place is a club ("Surrey
        # captain Alec Stewart"); elsewhere only strings seen as a team are.
        if gaz.fold(c.text) in teams or (sports and c.type == "location"):
            c.type, c.key, c.name = "organization", "", ""
            c.evidence.append("sports team")


def _is_region(c: Candidate) -> bool:
    """Regions and home nations (England) field national sides, like countries."""
    return c.key.startswith("loc:") and not c.key[4:].isdigit()


def _looks_like_team(c: Candidate) -> bool:
    nxt, prev = c.next_word, c.prev_word
    if SCORE_RE.match(nxt) and not YEAR_RE.match(nxt):
        return True
    if nxt.lower() in VERSUS_WORDS or prev.lower() in VERSUS_WORDS:
        return True
    return c.shouted and "AT" in (nxt, prev)


def _acts_like_agent(c: Candidate) -> bool:
    """Cues that a place name stands for its government: it heads a verb ("Washington
    says"), is the object of one ("pushed Washington"), or prefixes "-aligned"."""
    nxt, prev = c.next_word, c.prev_word
    if nxt.startswith("-") or nxt in PERSON_VERBS or nxt in AGENT_VERBS:
        return True
    if nxt.islower() and nxt.isalpha() and (nxt.endswith("ed") or nxt.endswith("es")):
        return True
    return prev.islower() and prev.endswith("ed") and prev not in LOCATIVE_WORDS


def resolve_coalitions(cands: list[Candidate]) -> None:
    """Generic coalition mentions join the article's led coalition, if it names one."""
    coalitions = [c for c in cands if c.key.startswith("coalition:")]
    if not coalitions:
        return  # the common case; without a led coalition nothing else changes either
    led = [c for c in coalitions if c.key != "coalition:"]
    counts: dict[str, int] = {}
    for c in led:
        counts[c.key] = counts.get(c.key, 0) + 1
    # The most frequent key, the first seen among equals (as Counter.most_common).
    target = max(counts, key=counts.__getitem__) if counts else "coalition:"
    leader = target.split(":")[1]
    name = (
        f"{gaz.country_names().get(leader, leader)}-led coalition"
        if leader
        else "International coalition"
    )
    for c in cands:
        if c.key.startswith("coalition:") or (led and c.text.lower() == "coalition"):
            c.type, c.key, c.name = "organization", target, name


def default_keys(cands: list[Candidate]) -> None:
    for c in cands:
        if not c.name:
            c.name = (
                clean_name(c.text)
                if not c.text.isupper() or is_acronym(c.text)
                else (c.text.title())
            )
        if not c.key:
            group = (
                "org" if c.type in ("organization", "government_body", "armed_group") else c.type
            )
            c.key = f"{group}:{gaz.norm_name(c.name)}"


def dedupe(cands: list[Candidate]) -> list[Candidate]:
    """Drop a candidate covered by a longer pattern candidate unless it names a country or a
    known actor of its own ("U.S." inside "U.S.-led coalition" stays)."""
    pattern_spans = _PatternSpans([c for c in cands if c.forced_key])
    out = []
    # Sorting puts equal spans next to each other, so a span was kept before iff it is the
    # last one kept.
    last_kept = (0, -1, -1)
    for c in sorted(cands, key=lambda c: (c.line_no, c.start, c.start - c.end)):
        span = (c.line_no, c.start, c.end)
        if span == last_kept:
            continue
        # A pattern candidate is never dropped, so whether another pattern covers it is moot.
        if (
            not c.forced_key
            and not c.key.startswith(("country:", "kb:", "loc:"))
            and pattern_spans.covers(c)
        ):
            continue
        last_kept = span
        out.append(c)
    return out


class _PatternSpans:
    """The spans of an article's pattern candidates, per line, to tell whether one covers a
    candidate without comparing it with every pattern of the article: a pattern starting at
    or before the candidate covers it iff the furthest end among such patterns reaches it."""

    def __init__(self, patterns: list[Candidate]) -> None:
        by_line: dict[int, list[tuple[int, int]]] = {}
        for p in patterns:
            by_line.setdefault(p.line_no, []).append((p.start, p.end))
        # Per line: the patterns' starts in order, and the furthest end of those up to each.
        self.starts: dict[int, list[int]] = {}
        self.reach: dict[int, list[int]] = {}
        for line_no, spans in by_line.items():
            spans.sort()
            self.starts[line_no] = [start for start, _ in spans]
            self.reach[line_no] = list(accumulate((end for _, end in spans), max))

    def covers(self, c: Candidate) -> bool:
        """Whether a pattern candidate other than ``c`` (which is not one) spans ``c``."""
        starts = self.starts.get(c.line_no)
        if starts is None:
            return False
        k = bisect_right(starts, c.start)
        return k > 0 and self.reach[c.line_no][k - 1] >= c.end
