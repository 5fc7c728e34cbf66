"""Metadata a person reads off a page: author names of bylines, the wire service credited,
the outlet's branding, the headline; all of it for a classified page, or from a document's
own fields (feeds, HTML)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from typing import Final

from pipeline.stages.clean.data import FLAGS, PATTERNS
from pipeline.stages.clean.language import stopwords_for
from pipeline.stages.clean.page import Page
from pipeline.stages.clean.patterns import strip_code
from pipeline.stages.clean.published import detect_published_on
from pipeline.stages.clean.wordscan import WORD, Lexicon
from schemas import ArticleMetadata, LineLabel, SourceDocument

# Lines above and below the body searched for credits and datelines.
EDGE_LINES: Final = 15

# Longest outlet name, in words, and characters no outlet name has (code, markup).
OUTLET_MAX_WORDS: Final = 6
# Branding lines are short; a publisher blurb is a sentence or two.
OUTLET_LINE_MAX_CHARS: Final = 400
OUTLET_FORBIDDEN_CHARS: Final = "=(){};<>|"

BYLINE_MAX_WORDS: Final = 12
# Words a "By ..." line may carry after the names (a date, a place) and still be a byline.
BYLINE_REMAINDER_WORDS: Final = 6

_TITLE_SEPARATORS: Final = re.compile(PATTERNS["title_separators"])

_BYLINE: Final = PATTERNS["byline"]
BYLINE_PREFIX: Final = re.compile(_BYLINE["prefix"], FLAGS)
_NAME: Final = rf"{_BYLINE['name_token']}(?:\s+{_BYLINE['name_token']}){{0,4}}"
_NAMES: Final = re.compile(rf"^(?P<names>{_NAME}(?:{_BYLINE['joiners']}{_NAME}){{0,4}})")
_NAME_JOINERS: Final = re.compile(_BYLINE["joiners"], FLAGS)
_BYLINE_ROLE: Final = re.compile(_BYLINE["role_suffix"], FLAGS)
_BYLINE_NOISE: Final = re.compile(_BYLINE["trailing_noise"], FLAGS)


def _wire_alias_pattern() -> tuple[str, dict[str, str]]:
    canon = {}
    for name, aliases in PATTERNS["wire_services"].items():
        for alias in aliases:
            canon[alias.lower()] = name
    alternatives = "|".join(re.escape(a) for a in sorted(canon, key=len, reverse=True))
    return alternatives, canon


_WIRE_ALTS, _WIRE_CANON = _wire_alias_pattern()
_WIRE_BYLINE: Final = re.compile(rf"^\s*\(?({_WIRE_ALTS})\)?\s*(?:[,|\u2013\u2014-]|$)", FLAGS)
_POSSESSIVE: Final = re.compile(r"['\u2019]s$")
_COPYRIGHT_MARK: Final = re.compile(r"^(?:©|\(c\)|copyright)\s*", re.IGNORECASE)
# The most telling word of each agency name ("associated" of "the associated press"): a page
# without any of them names no agency.
_WIRE_WORDS: Final = frozenset(max(WORD.findall(alias), key=len) for alias in _WIRE_CANON)
_WIRE_SCANNER: Final = Lexicon((), _WIRE_WORDS)
_WIRE_CREDITS: Final = [
    re.compile(t.replace("{wire}", _WIRE_ALTS), FLAGS) for t in PATTERNS["wire_credit_templates"]
]
# Agency names are matched case-sensitively when short ("AP", "AFP"), so "ap" in prose is not one.
_WIRE_SHORT_MAX: Final = 5
_OUTLET_TEMPLATES: Final = [re.compile(t, re.UNICODE) for t in PATTERNS["outlet_templates"]]
_OUTLET_PREFIXES: Final = tuple(PATTERNS["outlet_cues"]["prefixes"])
_OUTLET_VERB_PHRASES: Final = tuple(PATTERNS["outlet_cues"]["verbs"])
_OUTLET_VERBS: Final = re.compile("|".join(re.escape(v) for v in _OUTLET_VERB_PHRASES))
_OUTLET_STOP_SUFFIXES: Final = set(PATTERNS["outlet_stop_suffixes"])


def _title_parts(text: str) -> list[str]:
    text = strip_code(text)
    return [p.strip() for p in _TITLE_SEPARATORS.split(text) if p.strip()]


def parse_byline(text: str, stopwords: frozenset[str] = frozenset()) -> str | None:
    """Author names of a byline line ("By Jane Doe and John Roe", "Jane Doe Avatar"), or None.

    A name has two words or more; a bare line (no "By") counts only when none of its words is
    a common word of the page's language (``stopwords``), so "Black Friday" is no author.
    """
    text = strip_code(text)
    if len(text.split()) > BYLINE_MAX_WORDS:
        return None
    prefixed = BYLINE_PREFIX.match(text)
    rest = text[prefixed.end() :] if prefixed else text
    rest = _BYLINE_NOISE.sub("", _BYLINE_ROLE.sub("", rest)).strip(" ,|")
    match = _NAMES.match(rest)
    if not match:
        return None
    names = match.group("names").strip(" ,")
    remainder = rest[match.end() :].strip(" ,|\u2013\u2014-")
    people = [p.strip() for p in _NAME_JOINERS.split(names) if len(p.split()) >= 2]
    if not people:
        return None
    if prefixed:
        if remainder and len(remainder.split()) > BYLINE_REMAINDER_WORDS:
            return None
    else:
        tokens = names.split()
        if remainder or not 2 <= len(tokens) <= 4 or not all(t[0].isupper() for t in tokens):
            return None
        if any(t.lower() in stopwords for t in tokens):
            return None
    return names if len(people) == len(_NAME_JOINERS.split(names)) else ", ".join(people)


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


def detect_outlet(lines: list[str], title_line: str | None = None) -> str | None:
    """The publisher, from the page's own branding: the page title's suffix ("Headline - The
    Outlet"), "Subscribe to X", "X is a ... publication", "© 2024 X", "The latest on X"."""
    page = Page(lines)
    return page_outlet(page.stripped, page.lowered, title_line)


def page_outlet(stripped: list[str], lowered: list[str], title_line: str | None) -> str | None:
    """detect_outlet of lines given stripped, and stripped and lower-cased."""
    candidates: Counter[str] = Counter()
    for text, lower in zip(stripped, lowered, strict=True):
        if len(text) > OUTLET_LINE_MAX_CHARS or not _may_name_outlet(text, lower):
            continue
        for pattern in _OUTLET_TEMPLATES:
            match = pattern.match(text)  # every template is anchored at the line start
            if match:
                name = _trim_outlet(match.group("outlet"))
                if name:
                    candidates[name] += 1
    if title_line:
        parts = _title_parts(title_line)
        if len(parts) >= 2 and _looks_like_a_name(parts[-1]):
            name = _trim_outlet(parts[-1])
            if name:
                candidates[name] += 2
    if not candidates:
        return None
    # A name that is a prefix of other candidates ("Task & Purpose" of "Task & Purpose Today")
    # collects their votes: brands are cited with and without a product suffix.
    scores = {
        name: sum(
            c
            for other, c in candidates.items()
            if other.startswith(name) or _is_acronym_of(other, name)
        )
        for name in candidates
    }
    return max(scores, key=lambda n: (scores[n], len(n)))


def _is_acronym_of(short: str, name: str) -> bool:
    """ "MEE" of "Middle East Eye": brands are cited both ways on their own pages."""
    words = [w for w in name.split() if w[0].isupper()]
    return len(words) >= 2 and short.isupper() and short == "".join(w[0] for w in words)


def _may_name_outlet(text: str, lower: str) -> bool:
    """Whether a line may name the outlet: a branding prefix or a blurb verb (``lower``: the
    text lower-cased). The outlet templates are only tried on such lines."""
    return lower.startswith(_OUTLET_PREFIXES) or _OUTLET_VERBS.search(text) is not None


def _looks_like_a_name(text: str) -> bool:
    """A site name in a <title> suffix: a few words, each capitalised or not a word at all
    ("The Beachbody Blog", "CNN", "Express.co.uk"), not a lower-case phrase."""
    words = text.split()
    if not 1 <= len(words) <= OUTLET_MAX_WORDS:
        return False
    small = {"of", "the", "and", "for", "on", "in", "de", "la", "le", "&"}
    return all(w[0].isupper() or not w[0].isalpha() or w in small for w in words)


def _trim_outlet(name: str) -> str | None:
    name = strip_code(name)
    if any(ch in name for ch in OUTLET_FORBIDDEN_CHARS):
        return None
    name = _POSSESSIVE.sub("", name.strip(" .,:;'\u2019"))  # possessive: "MEE's"
    name = _COPYRIGHT_MARK.sub("", name)
    words = name.split()
    while words and (words[-1] in _OUTLET_STOP_SUFFIXES or words[-1].lower() in {"the", "and"}):
        words.pop()
    while words and words[0].lower() in {"and", "of", "on"}:
        words.pop(0)
    if not words or len(words) > OUTLET_MAX_WORDS:
        return None
    name = " ".join(words)
    return name if any(ch.isalpha() for ch in name) else None


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
    first_line = next((lines[i] for i, text in enumerate(stripped) if text), None)
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
    stopwords = stopwords_for(language)
    byline = parse_byline(lines[byline_i], stopwords) if byline_i is not None else None
    if byline is None and wire is not None:
        byline = wire_byline([lines[i] for i in above])
    not_body = [i for i, kind in enumerate(kinds) if kind != "body"]
    return ArticleMetadata(
        outlet=page_outlet(
            [stripped[i] for i in not_body], [lowered[i] for i in not_body], first_line
        ),
        wire_service=wire,
        title=title,
        standfirst=stripped[standfirst_i] if standfirst_i is not None else None,
        byline=byline,
        published_on=detect_published_on([stripped[i] for i in above], language),
        language=language,
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


def wire_byline(header_lines: list[str]) -> str | None:
    """An agency credited as author at the top ("AFP , Friday 5 Jan 2024")."""
    for text in header_lines:
        match = _WIRE_BYLINE.match(text)
        if match and _wire_case_ok(match.group(1)):
            return _WIRE_CANON[match.group(1).lower()]
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
    parts = _title_parts(lines[title_lines[0]])
    if len(parts) >= 2 and _trim_outlet(parts[-1]) and len(parts[-1].split()) <= 5:
        text = lines[title_lines[0]]
        text = strip_code(text)
        text = text[: text.rfind(parts[-1])].rstrip(" |\u2013\u2014-:\u00b7\u2022\u00bb")
        return unicodedata.normalize("NFC", text)
    return unicodedata.normalize("NFC", strip_code(lines[title_lines[0]]))


def metadata_from_fields(
    doc: SourceDocument, page: Page, labels: list[LineLabel], language: str
) -> ArticleMetadata:
    """Metadata of a document that brings its own fields (a feed item, an HTML page): the
    fields, completed from the page's lines where missing."""
    lines = page.lines
    body_start = next((i for i, lab in enumerate(labels) if lab.is_body), len(lines))
    not_body = [i for i, label in enumerate(labels) if not label.is_body]
    return ArticleMetadata(
        outlet=doc.outlet
        or page_outlet(
            [page.stripped[i] for i in not_body], [page.lowered[i] for i in not_body], None
        ),
        wire_service=page_wire_service(page.stripped, page.lowered),
        title=doc.title,
        standfirst=None,
        byline=names_only(doc.byline),
        published_on=doc.published_on or detect_published_on(lines, language, body_start),
        language=language,
    )


def names_only(byline: str | None) -> str | None:
    """The author names of a byline field, or the field as it is."""
    if not byline:
        return None
    return parse_byline(byline) or byline.strip()
