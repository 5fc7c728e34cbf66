"""The publisher of a page, from evidence that names it: the site part of the page title, a
copyright notice, a trademark or publisher blurb, a subscription prompt, and for HTML pages
the site name and URL the markup states. A name in running text is never evidence, and a page
that names no publisher has none.

Each piece of evidence proposes a name with a weight. Names that refer to one another (one
starts or ends the other, one is the other's acronym or domain) are one brand: the brand with
the most evidence wins, and its best-attested proper name is the outlet ("CBS News" of the
title over "CBS" of "CBS Interactive Inc.", "Daily Express" over "Express.co.uk").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final
from urllib.parse import urlsplit

from pipeline.stages.actors.gazetteers import given_names
from pipeline.stages.clean.data import PATTERNS
from pipeline.stages.clean.language import stopwords_for
from pipeline.stages.clean.patterns import strip_code
from pipeline.stages.clean.wordscan import WORD
from pipeline.stages.gazetteer import fold

# Longest outlet name, in words, and characters no outlet name has (code, markup).
OUTLET_MAX_WORDS: Final = 6
# Branding lines are short; a publisher blurb is a sentence or two; a logo's text a few words.
OUTLET_LINE_MAX_CHARS: Final = 400
LOGO_MAX_CHARS: Final = 60
OUTLET_FORBIDDEN_CHARS: Final = "=(){};<>|"

# Weights of the evidence found outside the data file's templates: the site part of a page
# title whose headline the page prints without it (or of an HTML <title>), a site name the
# markup states, the same part when the page shows no headline to compare with, a short line
# that repeats a brand found elsewhere (a logo's text), and an HTML page's URL.
TITLE_SITE_WEIGHT: Final = 3
SITE_NAME_WEIGHT: Final = 3
UNCONFIRMED_TITLE_WEIGHT: Final = 1
LOGO_LINE_WEIGHT: Final = 1
URL_WEIGHT: Final = 1
# A brand credited as the author (a blog's account) names the site as weakly as its URL.
ACCOUNT_WEIGHT: Final = 1
# A copyright holder that is a company ("NYP Holdings, Inc.") vouches for its brand less.
COMPANY_WEIGHT: Final = 1

_SPEC: Final = PATTERNS["outlet"]
_NAME: Final = _SPEC["name"]
_TITLE_SEPARATORS: Final = re.compile(PATTERNS["title_separators"])
# Words that join a name's capitalised words ("Task & Purpose", "Corriere della Sera").
_SMALL_WORDS: Final = frozenset(_SPEC["joining_words"])
_COMPANY_WORDS: Final = frozenset(w.lower() for w in _SPEC["company_words"])
_EDITION_WORDS: Final = frozenset(w.lower() for w in _SPEC["edition_words"])
_PRODUCT_WORDS: Final = frozenset(w.lower() for w in _SPEC["product_words"])
_SECTION_WORDS: Final = frozenset(_SPEC["section_words"])
# A company's legal form after a site's name ("Planet News, LLC"): the brand is without it.
_LEGAL_SUFFIX: Final = re.compile(
    r"(?<=\w),?\s+(?:" + "|".join(_SPEC["company_suffixes"]) + r")\.?$", re.IGNORECASE
)
_MEDIUM_WORDS: Final = frozenset(w.lower() for w in _SPEC["medium_words"])
# A brand keeps at least this many words when its web edition's word is dropped.
MEDIUM_BRAND_MIN_WORDS: Final = 2
_POSSESSIVE: Final = re.compile(r"['\u2019]s$")
_COPYRIGHT_MARK: Final = re.compile(r"^(?:©|ⓒ|\(c\)|copyright)\s*", re.IGNORECASE)
_DOMAIN: Final = re.compile(r"^(?:www\.)?([a-z0-9-]+)(?:\.[a-z]{2,})+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Template:
    kind: str
    weight: int
    edition: bool  # the name may end in a newsletter's edition word
    not_a_person: bool  # the line names a person as readily ("About Jane Doe"): skip those
    cues: tuple[str, ...]  # a line holds one of these (lower-cased) or cannot match
    regex: re.Pattern[str]


def _templates() -> list[_Template]:
    fills = {
        "name": _NAME,
        "publisher_nouns": "|".join(_SPEC["publisher_nouns"]),
        "coverage_nouns": "|".join(_SPEC["coverage_nouns"]),
        "company_suffixes": "|".join(_SPEC["company_suffixes"]),
        "staff_roles": "|".join(_SPEC["staff_roles"]),
        "site_credits": "|".join(_SPEC["site_credits"]),
    }
    out = []
    for spec in _SPEC["evidence"]:
        pattern = spec["pattern"]
        for key, value in fills.items():
            pattern = pattern.replace("{" + key + "}", value)
        out.append(
            _Template(
                spec["kind"],
                int(spec["weight"]),
                bool(spec.get("edition")),
                bool(spec.get("not_a_person")),
                tuple(spec["cues"]),
                re.compile(pattern),
            )
        )
    return out


_TEMPLATES: Final = _templates()
# Every template's cues in one regex: most lines hold none, and one search rules them out.
_CUES: Final = re.compile("|".join(re.escape(c) for c in {c for tp in _TEMPLATES for c in tp.cues}))


@dataclass(slots=True)
class Candidate:
    """A name some evidence proposes for the outlet, the names it was found as (a company's
    full name), and the weight of its evidence."""

    name: str
    forms: frozenset[str]
    weight: int
    primary: bool = False  # the page names itself: its title's site part, its site name
    masthead: bool = False  # a line of its own spells out an acronym the evidence gives
    owner: bool = False  # only a company's name gives it: the brand's owner, maybe not it
    kind: str = ""  # the kind of evidence that gives it ("copyright", ...)

    @property
    def is_domain(self) -> bool:
        return _DOMAIN.match(self.name) is not None


def title_parts(text: str) -> list[str]:
    """The parts of a page title split at its separators ("Headline | Section | Site")."""
    text = strip_code(text)
    return [p.strip() for p in _TITLE_SEPARATORS.split(text) if p.strip()]


def looks_like_a_name(text: str) -> bool:
    """A site name: a few words, each capitalised, a domain or not a word at all ("The
    Beachbody Blog", "CNN", "Express.co.uk", "9to5Mac", "nj.com"), not a lower-case phrase."""
    words = text.split()
    if not 1 <= len(words) <= OUTLET_MAX_WORDS or not any(ch.isalpha() for ch in text):
        return False  # a date ("19.11.2019") names no site
    return all(
        w[0].isupper() or not w[0].isalpha() or w in _SMALL_WORDS or _DOMAIN.match(w) for w in words
    )


def trim_outlet(name: str, edition: bool = False) -> str | None:
    """A name as evidence gives it, without code, a possessive, a copyright mark or joining
    words at its ends (and, with ``edition``, a newsletter's edition word); None when what is
    left is no name."""
    name = strip_code(name)
    if any(ch in name for ch in OUTLET_FORBIDDEN_CHARS):
        return None
    name = _POSSESSIVE.sub("", name.strip(" .,:;'\u2019\"\u201c\u201d"))
    name = _COPYRIGHT_MARK.sub("", name)
    if _DOMAIN.match(name):
        name = name.removeprefix("www.").removeprefix("WWW.")
    words = name.split()
    while words and (
        words[-1].lower() in {"the", "and", "&", "of", "on", "for"}
        or (edition and len(words) > 1 and words[-1].lower() in _EDITION_WORDS)
    ):
        words.pop()
    while words and words[0].lower() in {"and", "of", "on", "for"}:
        words.pop(0)
    if len(words) > MEDIUM_BRAND_MIN_WORDS and words[-1].lower() in _MEDIUM_WORDS:
        words.pop()  # "Daily Mail Online" is the Daily Mail's web edition
    if not words or len(words) > OUTLET_MAX_WORDS:
        return None
    name = " ".join(words)
    return name if any(ch.isalpha() for ch in name) else None


_DOTTED_INITIAL: Final = re.compile(r"\s+[A-Z]$")
_ON_PLATFORM: Final = re.compile(
    r"\s+on\s+(?:Facebook|Twitter|Instagram|LinkedIn|YouTube|Flipboard|Telegram)\b.*$"
)


def _without_dotted_suffix(name: str, after: str) -> tuple[str, bool]:
    """A name cut short inside a dotted company suffix ("Bloomberg L" of "Bloomberg L.P."):
    the name without the suffix's first letter, and whether it was one."""
    if after.startswith(".") and _DOTTED_INITIAL.search(name) and " " in name:
        return _DOTTED_INITIAL.sub("", name), True
    return name, False


def _without_legal_suffix(name: str) -> str:
    """A site's name without a company's legal form after it ("Planet News, LLC"), unless
    nothing but the form would be left."""
    return _LEGAL_SUFFIX.sub("", name.strip()) or name


def _company_brand(name: str, stopwords: frozenset[str] = frozenset()) -> str | None:
    """The brand of a company name: the name without its trailing company words ("Forbes
    Media LLC" -> "Forbes", "Planet & Company" -> "Planet"), or None when it has none. A
    brand is never a common word alone: "Breaking Media Inc." is "Breaking Media", and
    "News Corp" has no brand but itself."""
    words = name.split()
    kept = list(words)
    while len(kept) > 1 and kept[-1].strip(".,").lower() in _COMPANY_WORDS:
        shorter = kept[:-1]
        while len(shorter) > 1 and shorter[-1].lower() in _SMALL_WORDS:
            shorter.pop()  # "Dow Jones & Company"
        if not _proper(" ".join(shorter)) and _generic(" ".join(shorter), stopwords):
            break
        kept = shorter
    return " ".join(kept) if len(kept) < len(words) else None


def _generic(name: str, stopwords: frozenset[str]) -> bool:
    """A name of common words only ("Breaking", "News"): a word of a menu, not a brand."""
    generic = stopwords | _SECTION_WORDS | _EDITION_WORDS | _PRODUCT_WORDS
    return all(w.lower() in generic for w in WORD.findall(name))


def _is_brand(name: str, stopwords: frozenset[str]) -> bool:
    """A name that may be a publisher's: not all common words ("Our", "All"), newsletter
    words or product words ("Newsletter", "Daily")."""
    generic = stopwords | _EDITION_WORDS | _PRODUCT_WORDS
    return not all(w.lower() in generic for w in WORD.findall(name))


def _proper(name: str) -> bool:
    """A name of two or more capitalised words ("The New York Times Company", "The Times"):
    a holder's name, however common its words."""
    words = [w for w in name.split() if w not in _SMALL_WORDS]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


_PAGE_WORDS: Final = frozenset(_SPEC["footer_words"]) | frozenset(_SPEC["section_words"])


def _names_a_page(name: str) -> bool:
    """A name made of the words of a site's pages and sections ("About Advertising",
    "Follow Politics"), not of the site."""
    return all(w in _PAGE_WORDS for w in WORD.findall(name.lower()))


def _opens_with_a_given_name(name: str) -> bool:
    """A name whose first word is a person's given name ("Jane Doe", not "The Planet")."""
    first = name.split()[0]
    return len(name.split()) > 1 and fold(first) in given_names()


def _names_a_product(name: str, text: str, match: re.Match[str]) -> bool:
    """A name that ends in a product word, or that one follows ("Our Newsletter", "the X
    YouTube Channel"): what the line offers is the product, not its publisher."""
    words = WORD.findall(name.lower())
    while words and words[-1] in _SMALL_WORDS:
        words.pop()
    following = WORD.findall(text[match.end("outlet") :].lower())[:1]
    return any(word in _PRODUCT_WORDS for word in words[-1:] + following)


def line_candidates(
    stripped: list[str], lowered: list[str], stopwords: frozenset[str] = frozenset()
) -> list[Candidate]:
    """What the branding lines among these (stripped; and lower-cased) say the outlet is:
    each kind of evidence once per name (a footer repeated is one notice)."""
    out: list[Candidate] = []
    seen: set[tuple[str, str]] = set()
    for text, lower in zip(stripped, lowered, strict=True):
        if not text or len(text) > OUTLET_LINE_MAX_CHARS:
            continue
        if not _CUES.search(lower):
            continue
        cues = set(_CUES.findall(lower))
        for template in _TEMPLATES:
            if cues.isdisjoint(template.cues):
                continue
            match = template.regex.search(text)
            if not match:
                continue
            if _names_a_product(match.group("outlet"), text, match):
                continue
            after = text[match.end("outlet") :]
            found, dotted = _without_dotted_suffix(match.group("outlet"), after)
            found = _ON_PLATFORM.sub("", found)  # "Follow Planet News on Twitter"
            name = trim_outlet(found, template.edition)
            if not name or not (
                _is_brand(name, stopwords) or (template.kind == "copyright" and _proper(name))
            ):
                continue
            if template.not_a_person and (_opens_with_a_given_name(name) or _names_a_page(name)):
                continue
            if (template.kind, name) in seen:
                continue
            seen.add((template.kind, name))
            company = dotted or ("company" in match.groupdict() and match.group("company"))
            brand = _company_brand(name, stopwords)
            if (company or brand) and not _DOMAIN.match(brand or name):
                brand = brand or name
                out.append(Candidate(brand, frozenset({name, brand}), COMPANY_WEIGHT, owner=True))
            else:
                # A company named by the site's address ("Planet.com, Inc.") is the site.
                brand = brand or name
                out.append(
                    Candidate(brand, frozenset({brand}), template.weight, kind=template.kind)
                )
    return out


def title_candidate(
    title_line: str | None, headline: str | None, is_title_tag: bool = False
) -> Candidate | None:
    """The site part of a page title: what the title adds to the headline printed on the
    page ("Headline - Site", "Site: Headline"), else its last part after a separator.

    ``headline`` is the headline the page prints apart from its title line, if any;
    ``is_title_tag``: the title line is known to be the page's <title> (an HTML page). A title
    line that may be the headline itself, separators and all, is weaker evidence; one that is
    the printed headline is none.
    """
    if not title_line:
        return None
    title = strip_code(title_line)
    site = None
    if headline and _norm(headline) != _norm(title):
        site = _site_around(title, headline)
    elif headline and not is_title_tag:
        return None  # the title line is the headline
    if site is None:
        parts = title_parts(title)
        if len(parts) < 2:
            return None
        # The last part that reads like a name: "Headline - Site - A tagline of the site".
        site = next((p for p in reversed(parts[1:]) if _names_a_site(p)), parts[-1])
    confirmed = bool(headline) or is_title_tag
    if not _names_a_site(site) or _ends_a_sentence(site):
        return None
    name = trim_outlet(_without_legal_suffix(site))
    if not name:
        return None
    weight = TITLE_SITE_WEIGHT if confirmed else UNCONFIRMED_TITLE_WEIGHT
    return Candidate(name, frozenset({name}), weight, primary=confirmed)


def _names_a_site(part: str) -> bool:
    """A title part that reads like a name and is not a section's ("Opinion", "World
    News", "Latest News")."""
    words = WORD.findall(part.lower())
    return looks_like_a_name(part) and not all(w in _SECTION_WORDS for w in words)


def _ends_a_sentence(part: str) -> bool:
    """A title part of several words that ends like a sentence is the end of the headline
    ("Headline - It Might Surprise You."), not a site name."""
    words = part.rstrip(" \"'\u2019\u201d").split()
    if len(words) < 2 or words[-1].rstrip(".").lower() in _COMPANY_WORDS:
        return False  # "Planet Media Inc."
    return words[-1].endswith((".", "!", "?"))


def _site_around(title: str, headline: str) -> str | None:
    """The part of the title that is not the headline: its last part after the headline, or
    its first part before it."""
    words, head = WORD.findall(title.lower()), WORD.findall(headline.lower())
    if not head or len(head) >= len(words):
        return None
    n = len(head)
    if words[:n] == head:
        rest = _after_words(title, n)
        parts = [p for p in _split_site(rest) if p]
        return next((p for p in reversed(parts) if _names_a_site(p)), None)
    if words[-n:] == head:
        rest = _before_words(title, len(words) - n)
        parts = [p for p in _split_site(rest) if p]
        return next((p for p in parts if _names_a_site(p)), None)
    return None


def _split_site(text: str) -> list[str]:
    text = text.strip(" |\u2013\u2014-:\u00b7\u2022\u00bb")
    return [
        p.strip() for p in re.split(r"\s+(?:[|\u2013\u2014\u00b7\u2022\u00bb:]|-|::)\s+|:\s", text)
    ]


def _after_words(text: str, count: int) -> str:
    """The text after its first ``count`` words."""
    matches = list(WORD.finditer(text))
    return text[matches[count - 1].end() :] if count else text


def _before_words(text: str, count: int) -> str:
    """The text of its first ``count`` words (and what separates them)."""
    matches = list(WORD.finditer(text))
    return text[: matches[count - 1].end()] if count else ""


def site_candidates(site_name: str | None, url: str | None) -> list[Candidate]:
    """The site name and URL an HTML page states, as evidence."""
    out = []
    if site_name:
        name = trim_outlet(_without_legal_suffix(site_name))
        if name and looks_like_a_name(name):
            out.append(Candidate(name, frozenset({name}), SITE_NAME_WEIGHT, primary=True))
    host = urlsplit(url).hostname if url else None
    if host:
        host = host.removeprefix("www.")
        out.append(Candidate(host, frozenset({host}), URL_WEIGHT))
    return out


# An address in a line outside the text ("E-Mail: news@planet.com"), and a line that is only
# a link to a page ("planet.com/news/story-1234"; a bare domain is a menu's link to another
# site): the page's own domain, unless a service many sites share gives it (webmail, social
# networks, link shorteners).
_EMAIL_HOST: Final = re.compile(r"[\w.+-]+@((?:[a-z0-9-]+\.)+[a-z]{2,})\b", re.IGNORECASE)
_LINK_LINE: Final = re.compile(
    r"^(?:https?://)?((?:[a-z0-9-]+\.)+[a-z]{2,})[/?#]\S+$", re.IGNORECASE
)
_SHARED_DOMAINS: Final = frozenset(_SPEC["shared_domains"])
# Second-level labels under which a country's domains are registered ("planet.co.uk").
_SECOND_LEVEL: Final = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or"})


def site_domain(host: str) -> str:
    """The domain a host name belongs to: "news.planet.co.uk" -> "planet.co.uk"."""
    labels = host.lower().rstrip(".").split(".")
    keep = 3 if len(labels) > 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def domain_candidates(stripped: list[str]) -> list[Candidate]:
    """The domains that addresses and bare links outside the text name, each once."""
    hosts: list[str] = []
    for text in stripped:
        if not text or len(text) > OUTLET_LINE_MAX_CHARS:
            continue
        found = [m.group(1) for m in _EMAIL_HOST.finditer(text)] if "@" in text else []
        link = _LINK_LINE.match(text) if "." in text and " " not in text else None
        hosts += found + ([link.group(1)] if link else [])
    out = []
    for domain in dict.fromkeys(site_domain(h) for h in hosts):
        if domain not in _SHARED_DOMAINS:
            out.append(Candidate(domain, frozenset({domain}), URL_WEIGHT))
    return out


def _norm(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


def _words(name: str) -> list[str]:
    words = WORD.findall(name.lower())
    return words[1:] if len(words) > 1 and words[0] == "the" else words


def _acronym(name: str) -> str:
    """The initials of a name's capitalised words, a leading "The" aside ("The Wall Street
    Journal" -> "WSJ")."""
    words = name.split()
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    return "".join(w[0] for w in words if w[0].isupper())


def _domain_label(name: str) -> str | None:
    match = _DOMAIN.match(name)
    return match.group(1).lower() if match else None


def _spells(label: str, words: list[str]) -> bool:
    """Whether a domain's label is a name's words, or a run of them at its start or end,
    written together ("express" of "Daily Express", "dailymail" of "Daily Mail Online")."""
    return any(label in ("".join(words[:k]), "".join(words[-k:])) for k in range(1, len(words) + 1))


def brand_relation(a: str, b: str) -> str | None:
    """How two names name one brand: "same" (but for case and "The"), "abbreviation" (one is
    the other's acronym, "NYP" of "New York Post", or domain, "nbcnews.com" of "NBC News",
    "express.co.uk" of "Daily Express"), "part" (one's words start or end the other's, "CBS"
    of "CBS News"); None when they name two brands."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return None
    if wa == wb:
        return "same"
    for x, y in ((a, b), (b, a)):
        if x.isupper() and len(x) >= 2 and len(_acronym(y)) >= 2 and x == _acronym(y):
            return "abbreviation"
        label = _domain_label(x)
        if label and "." not in y and _spells(label, _words(y)):
            return "abbreviation"
    short, long = sorted((wa, wb), key=len)
    n = len(short)
    if long[:n] == short or long[-n:] == short:
        return "part"
    return None


def logo_candidates(
    stripped: list[str], lowered: list[str], candidates: list[Candidate], skip: str | None = None
) -> list[Candidate]:
    """Short lines that repeat or spell out a brand the evidence names (a logo's text: "New
    York Post" of "© NYP Holdings"), each distinct one once; ``skip``: the title line. A line
    that only extends a brand ("Forbes Travel Guide") names a section or a product, not the
    publisher."""
    forms = {form for c in candidates for form in c.forms}
    # A line can only relate to a form by a word, an acronym or a domain they share.
    keys = {w for form in forms for w in _words(form)}
    acronyms = {form for form in forms if form.isupper()}
    keys |= {form.lower() for form in acronyms}
    keys |= {label for form in forms if (label := _domain_label(form))}
    seen: set[str] = set()
    out = []
    for text, lower in zip(stripped, lowered, strict=True):
        if not text or len(text) > LOGO_MAX_CHARS or text == skip:
            continue
        if not any(key in lower for key in keys) and _acronym(text) not in acronyms:
            continue  # neither a word of the brands nor an acronym's expansion
        if not looks_like_a_name(text):
            continue
        words = _words(text)
        shared = not keys.isdisjoint(words) or _acronym(text).lower() in keys
        if not shared and "".join(words) not in keys:
            continue
        name = trim_outlet(text)
        if not name or _norm(name) in seen or _company_brand(name):
            continue  # a company's name ("Planet Media GmbH") is the company, not a logo
        relations = {brand_relation(name, form) for form in forms}
        if relations & {"same", "abbreviation"}:
            seen.add(_norm(name))
            spelt = any(
                form.isupper() and brand_relation(name, form) == "abbreviation" for form in forms
            )
            out.append(
                Candidate(
                    name,
                    frozenset({name}),
                    LOGO_LINE_WEIGHT,
                    masthead=spelt and len(name.split()) > 1 and name == text,
                )
            )
    return out


def choose_outlet(candidates: list[Candidate]) -> str | None:
    """The outlet the evidence names. Where the page names itself (its title's site part,
    its site name) the brand is the one it names; else the brand with the most evidence.
    Of the brand's names, the proper name (not a domain) with the most evidence wins, the
    longest of equals."""
    if not candidates:
        return None
    merged: dict[str, Candidate] = {}
    for c in candidates:
        key = _norm(c.name)
        old = merged.get(key)
        merged[key] = (
            c
            if old is None
            else Candidate(
                c.name if c.primary and not old.primary else old.name,  # as the page calls itself
                old.forms | c.forms,
                old.weight + c.weight,
                old.primary or c.primary,
                old.masthead or c.masthead,
                old.owner and c.owner,
            )
        )
    pool = list(merged.values())
    related = {
        c.name: [o for o in pool if any(brand_relation(f, g) for f in c.forms for g in o.forms)]
        for c in pool
    }
    # An owner's notices, however many ("© Planet Media Inc." in two footers), count once.
    score = {
        c.name: sum(o.weight for o in related[c.name] if not o.owner)
        + (COMPANY_WEIGHT if any(o.owner for o in related[c.name]) else 0)
        for c in pool
    }
    anchors = [c for c in pool if c.primary] or pool
    # Of equals, a brand some evidence names beats one only a company's name gives (the
    # owner: "Cruz Bay Publishing, Inc." under "Planet Horseman Editorial Staff").
    best = max(anchors, key=lambda c: (score[c.name], not c.owner, c.weight))
    family = related[best.name]
    support = _support(candidates)
    winner = max(
        family,
        key=lambda c: (not c.is_domain, c.weight, _supported(c.name, support), len(c.name)),
    )
    # A reader names the publisher in full where its masthead spells out the acronym the
    # title gives ("The Wall Street Journal" over "WSJ"); of equals the shortest, the one
    # least likely glued to a menu word.
    spelt = [
        c
        for c in family
        if c.masthead and winner.name.isupper() and brand_relation(c.name, winner.name)
    ]
    return max(spelt, key=lambda c: (c.weight, -len(c.name))).name if spelt else winner.name


def _support(candidates: list[Candidate]) -> dict[tuple[str, ...], int]:
    """The weight of the evidence that spells each name out as the site's own (not an
    owner's company name, a domain or an author's account), by the name's words."""
    support: dict[tuple[str, ...], int] = {}
    for c in candidates:
        if not (c.owner or c.is_domain or c.kind == "account"):
            key = tuple(_words(c.name))
            support[key] = support.get(key, 0) + c.weight
    return support


def _supported(name: str, support: dict[tuple[str, ...], int]) -> int:
    """The evidence for a brand's name: what names it, and what names it with words added
    after it ("Planet" of "Planet Online" or "Planet News Nigeria"), as long as some evidence
    names it alone. Of a brand's names named as often, the one its evidence shares is its
    common name."""
    words = tuple(_words(name))
    if words not in support:
        return 0
    n = len(words)
    return sum(w for key, w in support.items() if key[:n] == words)


def _spelt_by_address(title: Candidate, candidates: list[Candidate]) -> bool:
    """Whether the site's address, where a copyright notice gives it ("© Planet.com"), is
    the brand of the title's site part or names none: a part it does not spell is a
    section of the site ("Headline - Car News" over "© 2019 Planet.com, Inc.")."""
    addresses = [c for c in candidates if c.kind == "copyright" and c.is_domain]
    return not addresses or any(brand_relation(title.name, c.name) for c in addresses)


def page_outlet(
    stripped: list[str],
    lowered: list[str],
    title_line: str | None,
    headline: str | None = None,
    *,
    title_is_tag: bool = False,
    site_name: str | None = None,
    url: str | None = None,
    language: str = "en",
    account: str | None = None,
) -> str | None:
    """The outlet of a page from its branding lines (``stripped``; ``lowered``: the same
    lower-cased), its title line and the headline it prints apart from it, and an HTML page's
    site name and URL. ``title_is_tag``: the title line is the page's <title> (an HTML page);
    ``language``: the page's, whose common words name no publisher; ``account``: a brand the
    page credits as the author (a blog's account, "PlanetNews October 06, 2018")."""
    stopwords = stopwords_for(language) | stopwords_for("en")
    candidates = line_candidates(stripped, lowered, stopwords)
    title = title_candidate(title_line, headline, title_is_tag)
    if title is not None and _spelt_by_address(title, candidates):
        candidates.append(title)
    candidates += site_candidates(site_name, url)
    if account:
        candidates.append(Candidate(account, frozenset({account}), ACCOUNT_WEIGHT, kind="account"))
    skip = title_line.strip() if title_line else None
    if candidates:
        candidates += logo_candidates(stripped, lowered, candidates, skip)
    # Domains in addresses and links vouch for a brand, but no line that holds their name
    # ("Contact PLANET", "Follow Planet on Facebook") is a logo for that.
    candidates += domain_candidates(stripped)
    return choose_outlet(candidates)
