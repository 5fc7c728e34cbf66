"""Metadata a person reads off a page: the person names of its byline, the wire service
credited, the headline, the date it states, and (by ``outlet``) its publisher; all of it for a
classified page, or from a document's own fields (feeds, HTML)."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Container
from typing import Final

from pipeline.stages import gazetteer
from pipeline.stages.clean.data import FLAGS, PATTERNS
from pipeline.stages.clean.language import stopwords_for
from pipeline.stages.clean.outlet import looks_like_a_name, page_outlet, title_parts, trim_outlet
from pipeline.stages.clean.page import Page
from pipeline.stages.clean.patterns import strip_code
from pipeline.stages.clean.published import (
    DATE_PREFIX,
    date_atom,
    date_words,
    detect_published_on,
    is_time_stamp,
    stated_date,
)
from pipeline.stages.clean.wordscan import WORD, Lexicon
from pipeline.stages.gazetteer import common_words
from schemas import ArticleMetadata, LineLabel, SourceDocument

# A page title's pipes part its headline from section and site names; a site name after a
# dash has at most this many words.
_PIPE: Final = re.compile(r"\s+\|\s+")
TITLE_SITE_MAX_WORDS: Final = 5

# Lines above and below the body searched for credits and datelines.
EDGE_LINES: Final = 15

# A "By <organisation>" credit is looked for in this many lines under the headline.
ORG_CREDIT_LINES: Final = 2

# A "By ..." credit under the text is looked for in this many lines after it.
CREDIT_BELOW_LINES: Final = 3

BYLINE_MAX_WORDS: Final = 24
# Words a "By ..." line may carry after the names besides dates, times and roles (a place, a
# section: "| Topic: Hardware") and still be a byline.
BYLINE_REMAINDER_WORDS: Final = 6
# A person's name has this many words, not counting initials and particles ("Bruce Y. Lee").
NAME_MIN_WORDS: Final = 2
NAME_MAX_WORDS: Final = 4
# A name right after a date, with nothing to say it is one ("By"), has at most this many.
DATED_NAME_MAX_WORDS: Final = 3

_BYLINE: Final = PATTERNS["byline"]
BYLINE_PREFIX: Final = re.compile(_BYLINE["prefix"], FLAGS)
# The prefix alone on its line ("By", "Author:"), the names on the next; and inside a line.
BYLINE_PREFIX_ONLY: Final = re.compile(_BYLINE["prefix"].removesuffix("\\s+") + "$", FLAGS)
_INNER_PREFIX: Final = re.compile(
    r"(?:^|[\s|,\u2022\u00b7\u2013\u2014-])(" + _BYLINE["prefix"].removeprefix("^") + ")", FLAGS
)
_NAME_TOKEN: Final = re.compile(_BYLINE["name_token"])
_PARTICLES: Final = frozenset(_BYLINE["particles"])
_JOINERS: Final = frozenset(_BYLINE["joiners"])
_ROLE_WORDS: Final = frozenset(_BYLINE["role_words"])
_NOT_NAME_WORDS: Final = frozenset(_BYLINE["not_name_words"])
_NOISE_WORDS: Final = frozenset(_BYLINE["noise_words"])
# Titles before a name that are no part of it ("Dr. Jane Doe" is Jane Doe).
_HONORIFICS: Final = frozenset(_BYLINE["honorifics"])
# Words a byline's place follows ("Lily Kuo in Beijing").
_PLACE_WORDS: Final = frozenset(_BYLINE["place_words"])
# What parts a byline's names from the outlet the author writes for, and the longest such
# outlet name and the small words it may hold ("Jane Doe, The Times of London").
_AFFILIATION_SEPARATORS: Final = frozenset(",|/\u2013\u2014-")
OUTLET_NAME_MAX_WORDS: Final = 5
_JOINING_WORDS: Final = frozenset({"of", "the", "and", "&", "for", "on"})
# A byline's tokens: a separator, or a run of other characters.
_BYLINE_TOKEN: Final = re.compile(
    r"[,;|/\u2022\u00b7\u2013\u2014]|[^\s,;|/\u2022\u00b7\u2013\u2014]+"
)
_INITIAL: Final = re.compile(r"^[A-Z\u00C0-\u024F]\.?$")
# A capitalised word glued to the end of a lower-case one ("DoeView More Articles").
_GLUED_WORD: Final = re.compile(r"(?<=[a-z])[A-Z][a-z]+")
# "Jane Doe@janedoe": a handle glued to the name (not an address: "jane.doe@planet.com").
_GLUED_HANDLE: Final = re.compile(r"(?<=[^\W\d_])@(?=\w+(?:\s|$))")
# "ByJane Doe": the prefix glued to the name; "Jane Doe19 November 2019", "Jane Doe2 hours
# ago": a date's number glued to it (not "9to5Mac": the number must open a date or a time).
_GLUED_PREFIX: Final = re.compile(r"^(By)(?=[A-Z])")
_GLUED_NUMBER: Final = re.compile(
    r"(?<=[a-z])(?=\d{1,2}(?:\s|[:/.]\d|st\b|nd\b|rd\b|th\b)|\d{4}\b)"
)
# Tokens a byline may end with that name no one: handles, addresses, numbers, clock times.
_CONTACT_OR_NUMBER: Final = re.compile(
    r"^(?:@\w+|\S+@\S+|(?:https?://|www\.)\S+|[\d()+:./-]*\d[\d()+:./-]*[a-z]{0,2})$",
    re.IGNORECASE,
)


# "Molly Wood (@mollywood) is an Ideas contributor at WIRED": the author's bio under the text
# names the author when no byline does.
_AUTHOR_BIO: Final = re.compile(
    r"^(?P<name>[^\W\d][\w'\u2019.-]*(?: [^\W\d][\w'\u2019.-]*){1,3})(?: \(@\w+\))?,?"
    r" (?:is|was) (?:an?|the|our)\b[^.;]{0,60}?\b(?:"
    + "|".join(PATTERNS["outlet"]["staff_roles"])
    + r")s?\b",
    FLAGS,
)


# Credits of scripts without capitals: a name and a word for the author's role ("홍길동 기자").
_ROLE_CREDITS: Final = [re.compile(p) for p in PATTERNS["role_credits"]["patterns"]]


def role_credit(texts: list[str]) -> str | None:
    """The name of a credit that names the author by a word for the role, in a script
    without capitals ("홍길동 기자 hong@news.co.kr", "记者 张三")."""
    for text in texts:
        for pattern in _ROLE_CREDITS:
            match = pattern.match(text)
            if match:
                return match.group("name")
    return None


# "Contact Jane Doe at 555-0100 or jdoe@planet.com", "Reach Jane Doe at ...": the line
# under a story that tells readers how to reach its author.
_AUTHOR_CONTACT: Final = re.compile(
    r"^(?:contact|reach|e-?mail|write to)\s+(?P<name>[^\W\d][\w'\u2019.-]*"
    r"(?: [^\W\d][\w'\u2019.-]*){1,3}?)\s+(?:at|on|via)\s+\S*(?:@|\d{3})",
    re.IGNORECASE,
)


def _wire_alias_pattern() -> tuple[str, dict[str, str]]:
    canon = {}
    for name, aliases in PATTERNS["wire_services"].items():
        for alias in aliases:
            canon[alias.lower()] = name
    alternatives = "|".join(re.escape(a) for a in sorted(canon, key=len, reverse=True))
    return alternatives, canon


_WIRE_ALTS, _WIRE_CANON = _wire_alias_pattern()
_WIRE_BYLINE: Final = re.compile(
    rf"^\s*(?:by\s+)?\(?({_WIRE_ALTS})\)?(?:\s+staff)?\s*(?:[,|\u2013\u2014-]|$)", FLAGS
)
# The most telling word of each agency name ("associated" of "the associated press"): a page
# without any of them names no agency.
_WIRE_WORDS: Final = frozenset(max(WORD.findall(alias), key=len) for alias in _WIRE_CANON)
_WIRE_SCANNER: Final = Lexicon((), _WIRE_WORDS)
_WIRE_CREDITS: Final = [
    re.compile(t.replace("{wire}", _WIRE_ALTS), FLAGS) for t in PATTERNS["wire_credit_templates"]
]
# Agency names are matched case-sensitively when short ("AP", "AFP"), so "ap" in prose is not one.
_WIRE_SHORT_MAX: Final = 5


def parse_byline(
    text: str,
    stopwords: Container[str] = frozenset(),
    language: str = "en",
    field: bool = False,
    capitals: bool = False,
) -> str | None:
    """The person names of a byline ("By Jane Doe and John Roe", "Jane Doe Avatar",
    "By Jill Disis, CNN Business"), or None when it names no person.

    A name is a run of two to four capitalised words (initials and particles aside) that are
    no dates or times; a run that an organisation's word ends ("Auto News", "European Space
    Agency") is no person. After the names a "By ..." line (or, with ``field``, an author
    field of the markup) may carry a few other words ("On 11/13/19 at 4:00 PM", "is a
    reporter"); a bare line only noise (a role, a handle or address, a date), and no common
    word of the page's language (``stopwords``) in its names, nor (unless ``capitals``: a
    date next to it shows it is a credit) names in capitals.
    """
    # "Jane Doe@janedoe": a handle glued to the name.
    text = _GLUED_HANDLE.sub(" @", " ".join(strip_code(text).split()))
    text = _unglue(text, language)
    if not text or len(text.split()) > BYLINE_MAX_WORDS:
        return None
    prefixed = BYLINE_PREFIX.match(text)
    rest = text[prefixed.end() :] if prefixed else text
    tokens = list(_BYLINE_TOKEN.finditer(rest))
    dates = date_words(language)
    people, end = _name_runs(tokens, dates)
    people = [_once(_without_place(run)) for run in map(_without_honorific, people) if run]
    if not people:
        return None
    remainder = [m.group(0) for m in tokens[end:]]
    if not (prefixed or field) and rest[people[-1][-1].end() :].startswith("/"):
        return None  # "Jane Doe/Getty Images": a photo credit
    other = _content_words(remainder, dates)
    # A bare line may end in the author's outlet after a separator, when a date by it
    # shows it is a credit ("Jane Doe, The Planet Herald").
    outlet_after = capitals and _is_affiliation(remainder)
    if len(other) > (BYLINE_REMAINDER_WORDS if prefixed or field or outlet_after else 0):
        return None
    valid = [run for run in people if _is_person(run)]
    # Names of several people are written alike: "USA TODAY" after "Joey Garrison" is a brand.
    valid = [run for run in valid if _run_case(run) == _run_case(valid[0])] if valid else []
    if not valid:
        return None
    if not (prefixed or field) and any(
        m.group(0).lower() in stopwords or (_capitals(m.group(0)) and not capitals)
        for r in valid
        for m in r
    ):
        return None  # a bare line of common words or capitals is a heading ("CAR REVIEWS")
    if not (prefixed or field) and any(
        _capitals(m.group(0)) and m.group(0).lower() in common_words() for r in valid for m in r
    ):
        return None  # a dated line in capitals still is a heading when its words are English
    if not (prefixed or field) and any(
        all(m.group(0).lower().rstrip(".") in common_words() for m in r) for r in valid
    ):
        return None  # a bare line of English words only is a column's name ("Economic Scene")
    # The names as the line joins them ("Jane Doe and John Roe"), places and organisations
    # ("..., Reuters") left out, and a name written twice ("Jane Doe Jane Doe") once.
    out = _words_of(valid[0])
    seen = {out}
    for run in valid[1:]:
        if _words_of(run) in seen:
            continue
        seen.add(_words_of(run))
        index = next(k for k, m in enumerate(tokens) if m is run[0])
        # The joiner before the name, over any title it had ("and Prof. John Roe").
        joiner = next(
            (m.group(0) for m in reversed(tokens[:index]) if m.group(0).lower() in _JOINERS), ","
        )
        out += f"{joiner} " if joiner in ",;" else f" {joiner} "
        out += _words_of(run)
    return out


def _is_affiliation(remainder: list[str]) -> bool:
    """Whether what follows a byline's names is a separator (or "for") and a name in
    capitalised words ("| Planet News", ", The Planet Herald", "for Planet News"): the
    outlet the author writes for."""
    if len(remainder) < 2 or not (
        remainder[0] in _AFFILIATION_SEPARATORS or remainder[0].lower() == "for"
    ):
        return False
    words = remainder[1:]
    if "," in words:
        # The outlet's bureau after it: "Jane Doe, Planet News, Beijing".
        cut = len(words) - 1 - words[::-1].index(",")
        if gazetteer.place_for(" ".join(words[cut + 1 :])) is not None:
            words = words[:cut]
    return 0 < len(words) <= OUTLET_NAME_MAX_WORDS and all(
        w[:1].isupper() or w.lower() in _JOINING_WORDS for w in words
    )


def _unglue(text: str, language: str = "en") -> str:
    """A byline with what the page glued to the name parted from it: the prefix ("ByJane
    Doe"), the link to the author's page ("Jane DoeView More Articles"), a date ("Jane
    DoeNovember 19, 2019", "Jane Doe19 Nov 2019", "Jane DoeUpdated ..."); names with inner
    capitals ("McDonald") stay whole."""
    text = _GLUED_NUMBER.sub(" ", _GLUED_PREFIX.sub(r"\1 ", text))
    dates = date_words(language)
    for match in _GLUED_WORD.finditer(text):
        tail = text[match.start() :].split()
        glued = match.group(0).lower()
        if (
            glued in dates
            or glued in _NOISE_WORDS
            or all(word.lower().strip(".,:") in _NOISE_WORDS for word in tail)
        ):
            return f"{text[: match.start()]} {text[match.start() :]}"
    return text


def credit_names(
    texts: list[str],
    stopwords: Container[str] = frozenset(),
    language: str = "en",
    dated: bool = False,
) -> str | None:
    """The person names of an author credit: a byline (``texts[0]``), a lone "By" or "Author:"
    with the names on the next line (``texts[1]``), or a line that dates the article and names
    its author ("Monday November 18, 2019 7:45 am PST by Joe Rossignol", "February 1, 2019 |
    BY: Jane Doe", "Jane Doe 27/09/2018"). ``dated``: a date line stands next to it, which
    makes a bare name in capitals a credit ("JANE DOE / 19 NOV 2019"), not a heading."""
    if not texts:
        return None
    text = " ".join(strip_code(texts[0]).split())
    names = parse_byline(text, stopwords, language, capitals=dated)
    if names is not None:
        return _with_co_authors(names, text, texts[1:], stopwords, language)
    if BYLINE_PREFIX_ONLY.match(text) and len(texts) > 1:
        lines = texts[1 : 1 + names_lines(texts, stopwords, language)]
        # The joiner lines between the names, as words: "Jane Doe and John Roe".
        names = " ".join(
            line if k % 2 == 0 else (line.strip(" ,;") or ",") for k, line in enumerate(lines)
        )
        return parse_byline(f"{text} {names}", stopwords, language, field=True)
    date = date_atom(text)
    if date is None:
        # A clock time stamps a post as a date does: "Posted at 11:56 am by Jane Doe".
        clock = _CLOCK_TIME.search(text)
        inner = _INNER_PREFIX.search(text, clock.end()) if clock else None
        return parse_byline(text[inner.start(1) :], stopwords, language) if inner else None
    inner = _INNER_PREFIX.search(text, date.end()) or _INNER_PREFIX.search(text[: date.start()])
    if inner is not None:
        return parse_byline(text[inner.start(1) :], stopwords, language)
    # Names right before the date, and nothing else: the date vouches for them as a credit.
    before = text[: date.start()].strip(" |,\u2013\u2014-")
    names = parse_byline(before, stopwords, language, field=True) if before else None
    if names == before:
        return names
    if before:
        return None
    return _names_after_date(text[date.end() :], stopwords, language)


def _with_co_authors(
    names: str, text: str, after: list[str], stopwords: Container[str], language: str
) -> str:
    """A name alone on its line (but for "By") and the bare names on the lines under it, one
    a line: "Jane Doe and John Roe" ("By Jane Doe / John Roe / Nov 19, 2019")."""
    if names != BYLINE_PREFIX.sub("", text, count=1):
        return names
    people = [names]
    for line in after:
        line = " ".join(strip_code(line).split())
        if parse_byline(line, stopwords, language) != line:
            break
        people.append(line)
    return ", ".join(people[:-1]) + " and " + people[-1] if len(people) > 1 else names


_CLOCK_TIME: Final = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\b\.?)?", re.IGNORECASE)

# A line that only joins the names over and under it ("and", ", and", ",").
_JOINER_LINE: Final = re.compile(r"^[,;&]?\s*(?:and|&|und|et|y|e)?\s*[,;]?$", re.IGNORECASE)


def names_lines(
    texts: list[str], stopwords: Container[str] = frozenset(), language: str = "en"
) -> int:
    """How many lines after a lone "By" (``texts[0]``) hold the names: the next, and any
    more a line of a joiner alone links to it ("By / Jane Doe / and / John Roe")."""
    count = 1
    while count + 2 < len(texts):
        joiner, name = texts[count + 1].strip(), texts[count + 2]
        if not joiner or not _JOINER_LINE.match(joiner):
            break
        if parse_byline(name, stopwords, language, field=True) != " ".join(name.split()):
            break
        count += 2
    return count


def _names_after_date(text: str, stopwords: Container[str], language: str) -> str | None:
    """A person's name right after the date that opens a credit line, alone or before
    section tags ("21/06/2014 Jane Doe News, Reviews"): two or three capitalised words that
    the end of the line, a separator or a list of tags follows ("Nov 19, 2019 Governor Race
    Results" is a heading)."""
    tokens = text.strip(" |,/\u2013\u2014-").split()
    for end in range(DATED_NAME_MAX_WORDS, NAME_MIN_WORDS - 1, -1):
        name = " ".join(tokens[:end]).rstrip(",;|/")
        rest = " ".join(tokens[end:])
        if tokens[end - 1 : end] and tokens[end - 1][-1] in ",;|/":
            rest = ", " + rest
        if rest and not (rest.startswith(("|", "/", "\u2013", "\u2014", "-")) or "," in rest):
            continue
        if any(w.lower() in stopwords or w.lower() in _NOISE_WORDS for w in name.split()):
            continue
        if len(name.split()) == end and parse_byline(name, stopwords, language) == name:
            return name
    return None


def _once(run: list[re.Match[str]]) -> list[re.Match[str]]:
    """A name written twice in a row ("Jane Doe Jane Doe": an avatar's text and the name)
    once."""
    half = len(run) // 2
    words = [m.group(0) for m in run]
    if half and len(run) % 2 == 0 and words[:half] == words[half:]:
        return run[:half]
    return run


def _without_honorific(run: list[re.Match[str]]) -> list[re.Match[str]]:
    """A name run without the titles before it ("Dr.", "Prof")."""
    k = 0
    while k < len(run) - 1 and run[k].group(0).lower().rstrip(".") in _HONORIFICS:
        k += 1
    return run[k:]


def _without_place(run: list[re.Match[str]]) -> list[re.Match[str]]:
    """A name run without the place written after the name ("Jane Doe New York @janedoe"
    is Jane Doe in New York): a country, a capital or a place of two words, when a name of
    two words or more is left."""
    for size in (2, 1):
        if len(run) - size < NAME_MIN_WORDS:
            continue
        place = gazetteer.place_for(_words_of(run[-size:]))
        if place is not None and (size > 1 or place.type == "country" or place.is_capital):
            return run[:-size]
    return run


def _words_of(run: list[re.Match[str]]) -> str:
    return " ".join(m.group(0) for m in run)


def _name_runs(
    tokens: list[re.Match[str]], dates: frozenset[str]
) -> tuple[list[list[re.Match[str]]], int]:
    """The runs of name tokens at the start of a byline, split at joiners ("and", ","), and
    the index of the first token after them."""
    people: list[list[re.Match[str]]] = []
    run: list[re.Match[str]] = []
    i = 0
    while i < len(tokens):
        word = tokens[i].group(0)
        lower = word.lower()
        if _is_name_token(word, lower, not run, dates) and _same_case(run, word):
            run.append(tokens[i])
            i += 1
            continue
        if lower.strip(".") in _NOT_NAME_WORDS and lower not in _ROLE_WORDS:
            run = []  # the run was an organisation's name
            break
        if run and lower in _PLACE_WORDS:
            # "Lily Kuo in Beijing and Verna Yu in Hong Kong": a place after a name.
            j = i + 1
            while j < len(tokens) and tokens[j].group(0)[:1].isupper():
                j += 1
            after = tokens[j].group(0) if j + 1 < len(tokens) else ""
            nxt = tokens[j + 1].group(0) if j + 1 < len(tokens) else ""
            if (
                j > i + 1
                and after.lower() in _JOINERS
                and _is_name_token(nxt, nxt.lower(), True, dates)
            ):
                people.append(run)
                run = []
                i = j + 1
                continue
        nxt = tokens[i + 1].group(0) if i + 1 < len(tokens) else ""
        if run and lower in _JOINERS and _is_name_token(nxt, nxt.lower(), True, dates):
            people.append(run)
            run = []
            i += 1
            continue
        break
    if run:
        people.append(run)
    end = people[-1][-1] if people else None
    index = next((k + 1 for k, m in enumerate(tokens) if m is end), 0)
    return people, index


def _capitals(word: str) -> bool | None:
    """Whether a word is written in capitals ("DOE", "BBC"), None for an initial or a
    particle (either case goes with them)."""
    if _INITIAL.match(word) or word.lower() in _PARTICLES:
        return None
    return len(word) > 1 and word.isupper()


def _same_case(run: list[re.Match[str]], word: str) -> bool:
    """A word in the case of the name it would go on: "BBC" ends "Jonathan Amos"."""
    case = _capitals(word)
    cases = {_capitals(m.group(0)) for m in run} - {None}
    return case is None or not cases or case in cases


def _is_name_token(word: str, lower: str, first: bool, dates: frozenset[str]) -> bool:
    """A word a person's name may hold: capitalised, not a role, organisation or noise word,
    and, unless it opens the name ("June"), no month, weekday or word of time."""
    if lower in _PARTICLES:
        return not first
    if len(lower) > 1 and lower in _JOINERS:
        return False  # "AND" in a byline in capitals joins two names
    if not _NAME_TOKEN.fullmatch(word):
        return False
    if _INITIAL.match(word):
        return True
    key = lower.strip(".")
    if key in _ROLE_WORDS or key in _NOT_NAME_WORDS or key in _NOISE_WORDS:
        return False
    return first or key not in dates


def _is_person(run: list[re.Match[str]]) -> bool:
    """Two to four words besides particles, the last no initial ("J. K. Rowling", not
    "Carrie A"), at most four besides initials."""
    words = [m.group(0) for m in run if m.group(0).lower() not in _PARTICLES]
    core = [w for w in words if not _INITIAL.match(w)]
    if len(words) < NAME_MIN_WORDS or not 1 <= len(core) <= NAME_MAX_WORDS:
        return False
    return not _INITIAL.match(words[-1])


def _run_case(run: list[re.Match[str]]) -> bool:
    return any(_capitals(m.group(0)) for m in run)


def _content_words(remainder: list[str], dates: frozenset[str]) -> list[str]:
    """The words after a byline's names that are not noise: roles, organisations and
    acronyms ("ESPN Staff Writer", "news reporter"), dates and times, handles and addresses,
    and the place after "in" or "at" ("Lily Kuo in Beijing")."""
    out = []
    place = False
    for word in remainder:
        lower = word.lower().strip(".,:()")
        if place and word[:1].isupper():
            continue
        place = lower in _PLACE_WORDS
        if not _is_noise(word, lower, dates):
            out.append(word)
    return out


def is_credit_noise(text: str, language: str = "en") -> bool:
    """A line a credit may carry between its names and its date: roles, handles, addresses,
    "Follow" ("Jane Doe / @janedoe / Tuesday 19 November 2019")."""
    dates = date_words(language)
    tokens = [m.group(0) for m in _BYLINE_TOKEN.finditer(text)]
    return bool(tokens) and all(_is_noise(t, t.lower().strip(".,:()"), dates) for t in tokens)


def _is_noise(word: str, lower: str, dates: frozenset[str]) -> bool:
    """A word a bare byline may carry after the names."""
    return (
        not lower
        or not any(ch.isalnum() for ch in lower)
        or lower in _ROLE_WORDS
        or lower in _NOISE_WORDS
        or lower in _NOT_NAME_WORDS
        or lower in dates
        or (len(word) > 1 and word.isupper())
        or _CONTACT_OR_NUMBER.match(lower) is not None
    )


def detect_wire_service(lines: list[str]) -> str | None:
    """The agency credited for the copy, from credit lines ("Source: Reuters", "(AFP)", ...)."""
    page = Page(lines)
    return page_wire_service(page.stripped, page.lowered)


def page_wire_service(stripped: list[str], lowered: list[str]) -> str | None:
    """detect_wire_service of lines given stripped, and stripped and lower-cased."""
    # One look at the page's words first: most pages name no agency at all.
    if not _WIRE_SCANNER.scan("\n".join(lowered)).gates:
        return None
    for text, lower in zip(stripped, lowered, strict=True):
        if not text or len(text) > 400 or not _WIRE_SCANNER.scan(lower).gates:
            continue
        for pattern in _WIRE_CREDITS:
            match = pattern.search(text)
            if match and _wire_case_ok(match.group("wire")):
                return _WIRE_CANON[match.group("wire").lower()]
    return None


def _wire_case_ok(found: str) -> bool:
    # Short agency names are acronyms: "AP"/"AFP" count, "ap"/"Ap" (words, initials) do not.
    return len(found) > _WIRE_SHORT_MAX or found.isupper() or found.lower() == "reuters"


def detect_outlet(
    lines: list[str], title_line: str | None = None, headline: str | None = None
) -> str | None:
    """The publisher, from the page's own branding: the page title's site part ("Headline -
    The Outlet"; ``headline``: the headline the page prints apart from it), "© 2024 X",
    "X is a ... publication", "Subscribe to X"; None when the page does not say."""
    page = Page(lines)
    return page_outlet(page.stripped, page.lowered, title_line, headline)


def infer_metadata(lines: list[str], labels: list[LineLabel], language: str) -> ArticleMetadata:
    """Metadata a person reads off the page: title, standfirst, byline, outlet, wire, date."""
    return page_metadata(Page(lines), labels, language)


def page_metadata(page: Page, labels: list[LineLabel], language: str) -> ArticleMetadata:
    """infer_metadata of a page."""
    lines, stripped, lowered = page.lines, page.stripped, page.lowered
    kinds: list[str] = [label.kind for label in labels]
    if len(kinds) != len(lines):
        raise ValueError(f"{len(labels)} labels for {len(lines)} lines")
    where = _indexes_by_kind(kinds)
    title = _title_text(lines, where.get("title", []))
    standfirst_i = next(iter(where.get("standfirst", [])), None)
    byline_i = next(iter(where.get("byline", [])), None)
    first_row = next((i for i, text in enumerate(stripped) if text), None)
    first_line = lines[first_row] if first_row is not None else None
    body = where.get("body", [])
    body_start = body[0] if body else len(lines)
    body_end = body[-1] + 1 if body else len(lines)
    # Credits and datelines sit at the edges of the text: the lines just above it, its first
    # and last paragraphs, and the lines just below it. Dates in menus are today's date.
    above = _nonblank_before(stripped, body_start, EDGE_LINES)
    below = _nonblank_after(stripped, body_end, EDGE_LINES)
    edges = body[:2] + body[-3:]
    credit_rows = above + edges + below
    wire = page_wire_service([stripped[i] for i in credit_rows], [lowered[i] for i in credit_rows])
    stopwords = page.common_words(stopwords_for(language))
    byline = None
    if byline_i is not None:
        texts = [stripped[i] for i in where["byline"]]
        # The header vouched for these lines as a credit (a date by a name in capitals).
        byline = credit_names(texts, stopwords, language, dated=True)
    if byline is None and wire is not None:
        byline = wire_byline([lines[i] for i in above])
    if byline is None:
        # Some pages credit the author under the text: "By Jane Doe" there, or a bio.
        under = [stripped[i] for i in body[-1:] + below[:CREDIT_BELOW_LINES]]
        byline = next(
            (
                names
                for text in under
                if BYLINE_PREFIX.match(text) and (names := parse_byline(text, stopwords, language))
            ),
            None,
        ) or bio_author([stripped[i] for i in body[-3:] + below], stopwords, language)
    if byline is None:
        # Scripts without capitals credit the author by a role word, over or under the text.
        under = body[-1:] + below[:CREDIT_BELOW_LINES]
        byline = role_credit([stripped[i] for i in where.get("byline", []) + above + under])
    # Branding sits outside the text; photo credits ("© Jane Doe") name no publisher.
    branding = [i for i, kind in enumerate(kinds) if kind not in ("body", "caption")]
    # The page's first line is its <title> when the headline is printed apart from it.
    shown = [i for i in where.get("title", []) if i != first_row]
    headline = stripped[shown[0]] if shown else None
    # The date under the headline, else one in the lines above the text.
    header_rows = sorted(where.get("dateline", []) + where.get("byline", []))
    published = stated_date([stripped[i] for i in header_rows], language)
    if published is None and not _stamped_by_weekday(stripped, where.get("byline", [])):
        # Dates in the lines above the text, unless the byline's own stamp is a weekday and
        # a time ("Monday 5:30PM"): then dates above it are other stories'.
        published = detect_published_on([stripped[i] for i in above], language)
    if published is None:
        # A labelled date under the text ("First published on November 19, 2019").
        labelled = [stripped[i] for i in below if DATE_PREFIX.match(stripped[i])]
        published = detect_published_on(labelled, language)
    outlet = page_outlet(
        [stripped[i] for i in branding],
        [lowered[i] for i in branding],
        first_line,
        headline=headline,
        language=language,
        account=None if byline else account_credit([stripped[i] for i in header_rows]),
    )
    if byline is None and outlet is not None:
        byline = outlet_credit([stripped[i] for i in header_rows], outlet)
    if byline is None and shown:
        # "by European Space Agency" under the headline: a body credited as the author.
        # "By Planet News Staff" there credits the outlet, by the name the page gives it.
        under = _nonblank_after(stripped, shown[-1] + 1, ORG_CREDIT_LINES)
        credited = outlet_credit([stripped[i] for i in under], outlet) if outlet else None
        byline = credited or next(
            (org for i in under if (org := organisation_credit(stripped[i]))), None
        )
    return ArticleMetadata(
        outlet=outlet,
        wire_service=wire or agency_of(outlet),
        title=title,
        standfirst=stripped[standfirst_i] if standfirst_i is not None else None,
        byline=byline,
        published_on=published,
        language=language,
    )


def _stamped_by_weekday(stripped: list[str], byline_rows: list[int]) -> bool:
    """Whether the line under the byline dates the article by weekday and clock time only."""
    return any(
        is_time_stamp(stripped[i])
        for row in byline_rows[-1:]
        for i in _nonblank_after(stripped, row + 1, 1)
    )


def _indexes_by_kind(kinds: list[str]) -> dict[str, list[int]]:
    """Positions of each kind in a list of kinds."""
    where: defaultdict[str, list[int]] = defaultdict(list)
    for i, kind in enumerate(kinds):
        where[kind].append(i)
    return where


def _nonblank_before(stripped: list[str], end: int, count: int) -> list[int]:
    """Rows of the last ``count`` non-blank lines of stripped[:end], in order."""
    out: list[int] = []
    for i in range(end - 1, -1, -1):
        if len(out) == count:
            break
        if stripped[i]:
            out.append(i)
    out.reverse()
    return out


def _nonblank_after(stripped: list[str], start: int, count: int) -> list[int]:
    """Rows of the first ``count`` non-blank lines of stripped[start:]."""
    out: list[int] = []
    for i in range(start, len(stripped)):
        if len(out) == count:
            break
        if stripped[i]:
            out.append(i)
    return out


def agency_of(outlet: str | None) -> str | None:
    """The agency an outlet is, if it is one: the copy on an agency's own site is the
    agency's ("Reuters" publishing on reuters.com)."""
    return _WIRE_CANON.get(outlet.lower()) if outlet and _wire_case_ok(outlet) else None


# Words after an outlet's name that credit its newsroom ("Planet News Web Desk").
_DESK_WORDS: Final = frozenset({"staff", "bureau", "desk", "web", "online", "team", "newsroom"})
# The parts of a credit line: "Updated on: November 19, 2019 / 10:07 AM / CBS News".
_CREDIT_PARTS: Final = re.compile(r"\s+[/|\u2022\u00b7\u2013\u2014-]\s+|,\s+")


def outlet_credit(header_lines: list[str], outlet: str) -> str | None:
    """The outlet credited as the author in a credit line of the header, where no person
    is ("November 19, 2019 / 10:07 AM / Planet News", "By Planet News Staff", "London,
    Planet News Bureau | Updated ...")."""
    key = " ".join(WORD.findall(outlet.lower())).removeprefix("the ")
    for text in header_lines:
        for part in _CREDIT_PARTS.split(text):
            bare = BYLINE_PREFIX.sub("", part.strip())
            words = WORD.findall(bare.lower())
            words = words[1:] if words[:1] == ["the"] else words
            while len(words) > 1 and words[-1] in _DESK_WORDS:
                words.pop()
            if words and " ".join(words) == key:
                return outlet
    return None


# A brand written as one word with inner capitals or digits ("PlanetNews", "9to5Planet"),
# not a name's prefix ("McDonald", "DeShawn", "O'Neil").
_BRAND_WORD: Final = re.compile(
    r"^(?!(?:Mc|Mac|De|Di|Da|Du|Le|La|Van|Von|O['\u2019])[A-Z])[A-Z0-9][\w-]*?(?:[a-z][A-Z0-9]|\d)[\w-]*$"
)


def account_credit(header_lines: list[str]) -> str | None:
    """A brand credited as the author in the header where no person is: one word with
    inner capitals or digits before the date ("PlanetNews October 06, 2018", "By
    PlanetNews | Nov 19, 2019"), a blog's account named after the site; or a newsroom's
    name in a part of the line ("Updated on: November 19, 2019 / 10:07 AM / Planet News")."""
    for text in header_lines:
        date = date_atom(text)
        credit = text[: date.start()] if date else text
        words = BYLINE_PREFIX.sub("", credit.strip()).strip(" |,/\u2013\u2014-").split()
        if len(words) == 1 and _BRAND_WORD.match(words[0]):
            return words[0]
        # A newsroom credited in a part of the line: "Updated on: Nov 19, 2019 / Planet News".
        for part in _CREDIT_PARTS.split(text):
            name = BYLINE_PREFIX.sub("", part.strip()).strip(" .")
            if date_atom(name) is None and organisation_credit(f"By {name}") == name:
                return name
    return None


def organisation_credit(text: str) -> str | None:
    """The organisation a "By ..." line credits ("by European Space Agency"): a few
    capitalised words, one of them an organisation's word; None for anything else."""
    prefixed = BYLINE_PREFIX.match(text)
    if prefixed is None:
        return None
    name = text[prefixed.end() :].strip(" .")
    words = name.split()
    if not 2 <= len(words) <= OUTLET_NAME_MAX_WORDS or not looks_like_a_name(name):
        return None
    if not any(w.lower().strip(".,") in _NOT_NAME_WORDS for w in words):
        return None
    return name


def wire_byline(header_lines: list[str]) -> str | None:
    """An agency credited as author at the top ("AFP , Friday 5 Jan 2024"), as written."""
    for text in header_lines:
        match = _WIRE_BYLINE.match(text)
        if match and _wire_case_ok(match.group(1)):
            return match.group(1)  # as the page writes it: "AFP", "Associated Press"
    return None


def bio_author(
    texts: list[str], stopwords: Container[str] = frozenset(), language: str = "en"
) -> str | None:
    """The person an author's bio under the text is about ("Jane Doe is a staff writer at
    X"), or its contact line names ("Contact Jane Doe at jdoe@planet.com"), when that is a
    person's name and nothing else."""
    for text in texts:
        match = _AUTHOR_BIO.match(text) or _AUTHOR_CONTACT.match(text)
        if match is None:
            continue
        name = match.group("name")
        if parse_byline(name, stopwords, language, field=True) == name:
            return name
    return None


def _title_text(lines: list[str], title_lines: list[int]) -> str | None:
    """The headline as printed on the page; the <title> line only when it is the sole copy,
    without its site-name suffix."""
    if not title_lines:
        return None
    first_nonblank = next(i for i, ln in enumerate(lines) if ln.strip())
    shown = [i for i in title_lines if i != first_nonblank]
    if shown:
        return unicodedata.normalize("NFC", lines[shown[0]].strip())
    return unicodedata.normalize("NFC", headline_of_title(lines[title_lines[0]]))


def headline_of_title(title: str) -> str:
    """The headline a page title holds, without the site and section names around it:
    "Headline | Politics | Planet News" and "Opinion | Headline - Planet News" -> "Headline".

    Pipes part the headline from sections and the site: the longest part is the headline.
    Then a name after a dash or colon no longer than what precedes it is the site's
    ("Headline - Planet News"), not the end of the headline ("Sport - A Win For Hope")."""
    text = strip_code(title)
    pieces = [p.strip() for p in _PIPE.split(text) if p.strip()]
    if len(pieces) > 1:
        text = max(pieces, key=lambda p: len(p.split()))
    parts = title_parts(text)
    if len(parts) < 2:
        return text
    site = parts[-1]
    head = text[: text.rfind(site)].rstrip(" |\u2013\u2014-:\u00b7\u2022\u00bb")
    if (
        len(site.split()) <= TITLE_SITE_MAX_WORDS
        and len(head.split()) >= len(site.split())
        and looks_like_a_name(site)
        and trim_outlet(site)
    ):
        return head
    return text


def metadata_from_fields(
    doc: SourceDocument, page: Page, labels: list[LineLabel], language: str
) -> ArticleMetadata:
    """Metadata of a document that brings its own fields (a feed item, an HTML page): the
    fields, completed from the page's lines where missing."""
    lines = page.lines
    body_start = next((i for i, lab in enumerate(labels) if lab.is_body), len(lines))
    not_body = [i for i, label in enumerate(labels) if not label.is_body]
    outlet = doc.outlet or page_outlet(
        [page.stripped[i] for i in not_body], [page.lowered[i] for i in not_body], None
    )
    return ArticleMetadata(
        outlet=outlet,
        wire_service=page_wire_service(page.stripped, page.lowered) or agency_of(outlet),
        title=doc.title,
        standfirst=None,
        byline=names_only(doc.byline),
        published_on=doc.published_on or detect_published_on(lines, language, body_start),
        language=language,
    )


def names_only(byline: str | None, language: str = "en") -> str | None:
    """The person names of an author field ("Jane Doe; John Roe", "Phil Helsel is a
    reporter"), or None when it names no person ("Admin", "Staff")."""
    if not byline:
        return None
    return parse_byline(byline, stopwords_for(language), language, field=True)
