"""The header above the body: the headline and its copies (the page title), the byline,
dateline and standfirst under it, and image text in the header's blocks."""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from pipeline.stages.clean.labels import line_label
from pipeline.stages.clean.lines import SENTENCE_MIN_WORDS, Line
from pipeline.stages.clean.metadata import (
    BYLINE_PREFIX,
    BYLINE_PREFIX_ONLY,
    credit_names,
    headline_of_title,
    is_credit_noise,
    names_lines,
    parse_byline,
    wire_byline,
)
from pipeline.stages.clean.patterns import SCRIPT_PREFIX, is_caption, strip_code
from pipeline.stages.clean.published import (
    DATE_PREFIX,
    DATELINE_MAX_WORDS,
    date_atom,
    is_time_stamp,
)
from pipeline.stages.clean.wordscan import WORD, joined_words
from schemas import LineLabel

# A headline shown on the page has at least this many words.
HEADLINE_MIN_WORDS: Final = 3

# A credit's date may follow its name past this many lines of handles and roles.
CREDIT_NOISE_LINES: Final = 2

# A lone "By" has its names on at most this many lines after it, with their joiners.
CREDIT_MAX_LINES: Final = 7
# Co-authors credited one a line over a bare credit, at most.
CO_AUTHOR_LINES: Final = 3

# Title/standfirst/byline are searched among this many non-blank lines before the body.
HEADER_SEARCH_LINES: Final = 40

# Byline, dateline and standfirst are looked for in this many lines under the headline.
HEADER_ZONE_LINES: Final = 8

# A headline the body's run starts with is cut off with the credits (byline, date) found in
# this many lines under it, and the standfirst before them.
HEADER_CREDIT_LINES: Final = 4

# A credit printed over the headline is looked for in this many lines above it, and must
# have a date line at most this many lines under it.
HEADER_OVER_LINES: Final = 3
CREDIT_DATE_GAP: Final = 2

# A headline printed apart from the <title> shares this many words with it.
TITLE_SHARED_WORDS: Final = 2
# A line that shares this share of its words and of the <title>'s retells the title.
RETOLD_SHARE: Final = 0.6

# Longest title and standfirst, in words.
TITLE_MAX_WORDS: Final = 40
STANDFIRST_MIN_WORDS: Final = 5
STANDFIRST_MAX_WORDS: Final = 70


@lru_cache(maxsize=1024)
def normalised(text: str) -> str:
    """The text's words, lower-cased and joined by single spaces (a line's norm)."""
    return joined_words(text.lower())


def header_labels(
    feats: list[Line], in_body: list[bool], stopwords: Container[str], language: str = "en"
) -> dict[int, LineLabel]:
    """Title, standfirst, byline and dateline lines at the top of the page (``stopwords``:
    the common words of the page, which a bare line of names does not hold)."""
    header = _find_header(feats, in_body, stopwords, language)
    out: dict[int, LineLabel] = {}
    for kind, indexes in header.items():
        for index in indexes:
            out[index] = line_label(kind, _HEADER_REASONS[kind])  # type: ignore[arg-type]
    for index in header.title:
        if SCRIPT_PREFIX.match(feats[index].text):
            out[index] = line_label("script", "inline script before the page title")
    start = _first_body(in_body)
    header_lines = [i for _, indexes in header.items() for i in indexes]
    if not header_lines:
        return out
    # Long lines in the header's blocks, or in the block right before the body, are image text.
    blocks = {feats[i].block for i in header_lines}
    before_body = [i for i in range(max(header_lines) + 1, start) if not feats[i].blank]
    if before_body:
        blocks.add(feats[before_body[-1]].block)
    for index in range(min(header_lines) + 1, start):
        f = feats[index]
        if (
            index not in out
            and f.block in blocks
            and f.pattern_kind is None
            and f.words >= SENTENCE_MIN_WORDS
            and not f.lone
        ):
            out[index] = line_label("caption", "image text in the header block")
    return out


_HEADER_REASONS: Final = {
    "title": "page title",
    "standfirst": "standfirst under the title",
    "byline": "author byline",
    "dateline": "publication date line",
}


@dataclass(slots=True)
class _Header:
    title: list[int]
    standfirst: list[int]
    byline: list[int]
    dateline: list[int]

    def items(self) -> list[tuple[str, list[int]]]:
        return [
            ("title", self.title),
            ("standfirst", self.standfirst),
            ("byline", self.byline),
            ("dateline", self.dateline),
        ]


def _first_body(in_body: list[bool]) -> int:
    return next((i for i, b in enumerate(in_body) if b), len(in_body))


def _credit_lines(
    feats: list[Line],
    rows: list[int],
    stopwords: Container[str],
    language: str,
    dated: bool = False,
) -> list[int]:
    """The byline at rows[0]: that row, or with the next when it is a lone "By" or
    "Author:" (the names on the next line, and on more a joiner links: "By / Jane Doe /
    and / John Roe"); none when it credits no author. ``dated``: a date stands next to it."""
    texts = [feats[i].text for i in rows]
    if not texts or credit_names(texts, stopwords, language, dated) is None:
        return rows[:1] if texts and wire_byline(texts[:1]) is not None else []
    if BYLINE_PREFIX_ONLY.match(texts[0]) and len(rows) > 1:
        return rows[: 1 + names_lines(texts, stopwords, language)]
    return rows[:1]


def _is_byline(text: str, stopwords: Container[str], language: str) -> bool:
    return parse_byline(text, stopwords, language) is not None or wire_byline([text]) is not None


def _is_dateline(text: str, language: str = "en") -> bool:
    """A line that dates the article: labelled ("Updated: ..."), short and holding a date,
    or a weekday and a time ("Monday 5:30PM")."""
    if DATE_PREFIX.match(text):
        return True
    if len(text.split()) <= DATELINE_MAX_WORDS and date_atom(text) is not None:
        return True
    return is_time_stamp(text, language)


def _find_header(
    feats: list[Line], in_body: list[bool], stopwords: Container[str], language: str
) -> _Header:
    """Title copies, then byline, dateline and standfirst in the few lines between the
    headline and the body (menus above the headline hold none of them)."""
    header = _Header([], [], [], [])
    start = _first_body(in_body)
    before = [i for i in range(start) if not feats[i].blank]
    title = _find_title(feats, before, stopwords, language)
    if title is None:
        return header
    title_norm = feats[title].norm
    header.title = [i for i in before if feats[i].norm == title_norm]
    if before[0] not in header.title and _first_line_holds_title(feats[before[0]].text, title_norm):
        header.title.insert(0, before[0])
    # A headline printed again lower down (over an image gallery) has its credits under
    # its first printed copy: the zone under the last copy that holds any is the header's.
    printed = [i for i in header.title if i != before[0]] or header.title[-1:]
    zone = [i for i in before if i > header.title[-1]][:HEADER_ZONE_LINES]
    story = f" {' '.join(f.norm for f, body in zip(feats, in_body, strict=True) if body)} "
    byline, dateline, credited = _credits_in_zone(feats, zone, stopwords, language, story)
    for anchor in reversed(printed[:-1]):
        if byline or dateline or credited:
            break
        earlier = [i for i in before if i > anchor][:HEADER_ZONE_LINES]
        byline, dateline, credited = _credits_in_zone(feats, earlier, stopwords, language, story)
        zone = earlier if byline or dateline else zone
    header.byline, header.dateline = byline, dateline
    between = [i for i in before if header.title[0] < i < header.title[-1]]
    if not header.byline and not credited:
        # "By ..." between the <title> line and the headline repeated under it.
        for k, i in enumerate(between):
            if BYLINE_PREFIX.match(feats[i].text) or BYLINE_PREFIX_ONLY.match(feats[i].text):
                credit = _credit_lines(
                    feats, between[k : k + CREDIT_MAX_LINES], stopwords, language
                )
                if credit:
                    header.byline += credit
                    break
    if not header.byline and not credited:
        # Magazines print the credit over the headline: "Jane Doe / Ideas / 11.14.2019".
        over = [i for i in before if i < header.title[-1] and i not in header.title]
        header.byline += _credit_over_headline(
            feats, over[-HEADER_OVER_LINES:], stopwords, language
        )
    # The standfirst is the first other line under the headline, or the line between the
    # <title> and a headline repeated just below it.
    taken = set(header.title) | set(header.byline) | set(header.dateline)
    # A standfirst sits between the headline and its credits, not under them.
    credits = header.byline + header.dateline
    under = [i for i in zone if i not in taken and (not credits or i < min(credits))][:1]
    between = [i for i in between if i not in taken]
    for candidate in under + between[:1]:
        if _is_standfirst(feats[candidate]):
            header.standfirst.append(candidate)
            break
    return header


def _credits_in_zone(
    feats: list[Line],
    zone: list[int],
    stopwords: Container[str],
    language: str,
    story: str = "",
) -> tuple[list[int], list[int], bool]:
    """The byline and dateline rows among the lines under a headline (``zone``), and
    whether an "Author:" there credits no one by name. ``story``: the body's normalised
    words, space-padded: a bare name it tells of is a caption's, not the author's."""
    byline: list[int] = []
    dateline: list[int] = []
    taken: set[int] = set()
    credited = False
    for k, i in enumerate(zone):
        f = feats[i]
        if i in taken:
            continue
        if f.pattern_kind not in (None, "caption"):
            # "First published on Mon 18 Nov 2019" reads like a credit but dates the article.
            if DATE_PREFIX.match(f.text) and date_atom(f.text) is not None:
                dateline.append(i)
            continue
        prefixed = BYLINE_PREFIX.match(f.text) or BYLINE_PREFIX_ONLY.match(f.text)
        dated = _next_to_a_date(feats, zone, k, language)
        # A byline may share a block with share buttons and tags (when it says "By" or a
        # date stands next to it); a date in a menu is today's.
        if f.menu_block and not (prefixed or dated):
            continue
        if not byline and not credited:
            credit = _credit_lines(
                feats, zone[k : k + CREDIT_MAX_LINES], stopwords, language, dated
            )
            if credit and not prefixed and _told_of(feats, credit, stopwords, language, story):
                credit = []
            if credit:
                if not prefixed:
                    credit = _names_over(feats, zone[:k], credit[0], stopwords, language) + credit
                credit += _names_under(feats, zone, credit[-1], stopwords, language)
                byline += credit
                taken.update(credit)
                continue
            # "Author:" over no person's name: the page credits no one by name.
            credited = BYLINE_PREFIX_ONLY.match(f.text) is not None
        # Right under the headline a date in a block of short lines is the article's.
        near = k < HEADER_CREDIT_LINES
        if (near or not f.menu_block) and _is_dateline(f.text, language):
            dateline.append(i)
    return byline, dateline, credited


def _names_over(
    feats: list[Line], rows: list[int], credit: int, stopwords: Container[str], language: str
) -> list[int]:
    """The rows right over a bare credit (row ``credit``) that hold a person's name alone, as
    it does: its co-authors, one a line ("Jane Doe / John Roe / Nov 19, 2019")."""
    if not _bare_name(feats[credit].text, stopwords, language):
        return []  # "Jane Doe 19/11/2019" credits its own line's name
    over: list[int] = []
    for i in reversed(rows[-CO_AUTHOR_LINES:]):
        if i != (over[0] if over else credit) - 1:
            break
        if not _bare_name(feats[i].text, stopwords, language):
            break
        over.insert(0, i)
    return over


def _bare_name(text: str, stopwords: Container[str], language: str) -> bool:
    """A line that holds a person's name and nothing else."""
    text = " ".join(text.split())
    return parse_byline(text, stopwords, language) == text


def _names_under(
    feats: list[Line], zone: list[int], credit: int, stopwords: Container[str], language: str
) -> list[int]:
    """The rows right under a credit (row ``credit``) that hold a person's name alone, when a
    date line follows them: co-authors credited one a line ("By Jane Doe / John Roe / Nov 19,
    2019"); a name with no date under it may be a related story's or a caption's."""
    under: list[int] = []
    for i in zone[zone.index(credit) + 1 :][: CO_AUTHOR_LINES + 1]:
        if i != (under[-1] if under else credit) + 1:
            break
        if not _bare_name(feats[i].text, stopwords, language):
            return under if under and _is_dateline(feats[i].text, language) else []
        under.append(i)
    return []


def _told_of(
    feats: list[Line], rows: list[int], stopwords: Container[str], language: str, story: str
) -> bool:
    """Whether a bare credit without a date of its own ("Jane Doe North Diving" over a
    gallery) names a person the story tells of: a caption, since reporters do not name
    themselves in their stories."""
    texts = [feats[i].text for i in rows]
    if date_atom(texts[0]) is not None:
        return False
    names = credit_names(texts, stopwords, language, dated=True)
    if not names:
        return False
    people = re.split(r",\s*|\s+(?:and|&|und|et|y|e)\s+", names)
    # A name and what the caption says of its person may run together ("North Diving"):
    # the first two words name the person.
    heads = [" ".join(normalised(person).split()[:2]) for person in people]
    return any(f" {head} " in story for head in heads if " " in head)


def _next_to_a_date(feats: list[Line], rows: list[int], k: int, language: str) -> bool:
    """Whether rows[k] holds a date, or the line under or over it is a date line ("Nov 19,
    2019 / Jane Doe / ESPN Staff Writer"), or one under the handles and roles under it."""
    if date_atom(feats[rows[k]].text) is not None:
        return True
    if any(_is_dateline(feats[j].text, language) for j in rows[max(k - 1, 0) : k]):
        return True
    # Under it, past a handle or a role ("Jane Doe / @janedoe / Tuesday 19 November 2019").
    for j in rows[k + 1 : k + 2 + CREDIT_NOISE_LINES]:
        if _is_dateline(feats[j].text, language):
            return True
        if not is_credit_noise(feats[j].text, language):
            return False
    return False


def _credit_over_headline(
    feats: list[Line], rows: list[int], stopwords: Container[str], language: str
) -> list[int]:
    """A credit among the few lines right over the headline: a byline that a date line
    follows within CREDIT_DATE_GAP lines (a bare name there could be a menu's or a
    related story's; the date ties it to this article)."""
    for k, i in enumerate(rows):
        if feats[i].pattern_kind not in (None, "caption"):
            continue
        following = rows[k + 1 : k + 1 + CREDIT_DATE_GAP]
        if not any(_is_dateline(feats[j].text, language) for j in following):
            continue
        credit = _credit_lines(feats, rows[k : k + CREDIT_MAX_LINES], stopwords, language)
        if credit:
            return credit
    return []


def repeats_title(title_norm: str, norm: str) -> bool:
    """A (normalised) line is the headline of a (normalised) <title> line: its start, or one
    of its parts ("Opinion | Headline - Site")."""
    if not norm:
        return False
    if title_norm.startswith(norm):
        return True
    # Normalised text is words joined by single spaces: its spaces count its words.
    return norm.count(" ") + 1 >= HEADLINE_MIN_WORDS and f" {norm} " in f" {title_norm} "


def retells_title(title_norm: str, norm: str) -> bool:
    """A (normalised) line tells the story of a (normalised) <title> line in mostly its
    words, worded a little apart ("Atkins diet - lose up to 10 kilograms in 14 days" under
    "Atkins diet (14 days) - lose up to 10 kg. Reviews"): most words of each are the other's."""
    words, title = set(norm.split()), set(title_norm.split())
    shared = len(words & title)
    return shared >= HEADLINE_MIN_WORDS and shared >= RETOLD_SHARE * max(len(words), len(title))


def _first_line_holds_title(first: str, title_norm: str) -> bool:
    """The page's first line is its <title>: the headline, maybe with the site name."""
    norm = normalised(strip_code(first))
    return repeats_title(norm, title_norm)


def _is_standfirst(f: Line) -> bool:
    lower = f.text.lower()
    return (
        STANDFIRST_MIN_WORDS <= f.words <= STANDFIRST_MAX_WORDS
        and f.pattern_kind is None
        and not f.menu_block
        and BYLINE_PREFIX.match(f.text) is None
        and not is_caption(lower, WORD.findall(lower))
    )


def _find_title(
    feats: list[Line], before: list[int], stopwords: Container[str], language: str
) -> int | None:
    """The headline: the line closest above the body that repeats (the start of) the page's
    first line, its <title>; else the line over the byline and date closest above the body
    (a headline printed apart from the <title>); else the first line that reads like one."""
    if not before:
        return None
    first_text = strip_code(feats[before[0]].text)
    first_norm = normalised(first_text)
    search = before[1:][-HEADER_SEARCH_LINES:]
    whole = _whole_headline(feats, before[1:], first_text)
    if whole is not None and whole in search:
        return whole
    for i in reversed(search):
        norm = feats[i].norm
        if " " in norm and (repeats_title(first_norm, norm) or retells_title(first_norm, norm)):
            return i  # two words or more
    if whole is not None:
        return whole  # printed over a long menu (a list of brands) that precedes the text
    over_credits = _headline_over_credits(feats, search, first_norm, stopwords, language)
    if over_credits is not None:
        return over_credits
    for i in before[:HEADER_SEARCH_LINES]:
        f = feats[i]
        if f.pattern_kind in (None, "script") and 2 <= f.words <= TITLE_MAX_WORDS:
            return i
    return None


def _whole_headline(feats: list[Line], rows: list[int], first_text: str) -> int | None:
    """The line closest above the body that prints the whole headline of the <title>
    (``first_text``) without the site name: it beats a line that holds only the start of it
    ("[Show name]" under "[Show name] Show opens the festival")."""
    head_norm = normalised(headline_of_title(first_text))
    if head_norm.count(" ") + 1 < HEADLINE_MIN_WORDS:
        return None
    whole = {head_norm, normalised(first_text)}
    return next((i for i in reversed(rows) if feats[i].norm in whole), None)


def _headline_over_credits(
    feats: list[Line],
    search: list[int],
    first_norm: str,
    stopwords: Container[str],
    language: str,
) -> int | None:
    """The headline right over a byline or dateline ("Headline / By Jane Doe / Updated
    November 19, 2019"): of such runs of lines, the one closest above the body whose headline
    tells the story the <title> (``first_norm``) tells, in some of the same words: lists of
    other stories have credits too."""
    title_words = {w for w in first_norm.split() if w not in stopwords}
    closest: int | None = None
    k = len(search) - 1
    while k > 0:
        f = feats[search[k]]
        if f.pattern_kind is not None or not (
            _is_dateline(f.text, language)
            or (BYLINE_PREFIX.match(f.text) and _is_byline(f.text, stopwords, language))
        ):
            k -= 1
            continue
        j = k - 1
        while j >= 0 and _is_credit(feats[search[j]], stopwords, language):
            j -= 1
        head = _headline_above(feats, search, j)
        if head is not None and _shares_words(feats[head].norm, title_words):
            return head
        if closest is None and head is not None:
            # The run closest above the text, kept should no run share more words with the
            # <title> (a search-engine title that words the story anew).
            closest = head if _shares_words(feats[head].norm, title_words, 1) else -1
        k = j
    return closest if closest is not None and closest >= 0 else None


def _headline_above(feats: list[Line], search: list[int], j: int) -> int | None:
    """The headline at search[j], over a run of credits; or over it when search[j] is a
    sentence (a standfirst: "Headline / The story in a sentence. / By Jane Doe")."""
    if j < 0 or not _reads_like_headline(feats[search[j]]):
        return None
    if feats[search[j]].text.endswith(".") and j > 0:
        above = feats[search[j - 1]]
        if _reads_like_headline(above) and not above.text.endswith("."):
            return search[j - 1]
    return search[j]


def _shares_words(norm: str, title_words: set[str], least: int = TITLE_SHARED_WORDS) -> bool:
    """Whether a headline shares ``least`` words with the <title>, common words and
    one-letter words aside."""
    words = {w for w in norm.split() if len(w) > 1} & title_words
    return len(words) >= least


def _reads_like_headline(f: Line) -> bool:
    return f.pattern_kind is None and HEADLINE_MIN_WORDS <= f.words <= TITLE_MAX_WORDS


def is_credit(f: Line, stopwords: Container[str], language: str) -> bool:
    """A byline or dateline (``stopwords``: the page's common words)."""
    return _is_credit(f, stopwords, language)


def _is_credit(f: Line, stopwords: Container[str], language: str) -> bool:
    """A byline or dateline."""
    return f.pattern_kind is None and (
        _is_dateline(f.text, language) or _is_byline(f.text, stopwords, language)
    )


def credits_end(
    feats: list[Line], rows: list[int], stopwords: Container[str], language: str
) -> int | None:
    """The last byline or date line among the first HEADER_CREDIT_LINES of ``rows`` (the
    non-blank lines under a headline), if any: a "By ..." line or a date line (a bare name
    could be a heading). A line that ends like a sentence is text, whatever date it
    mentions."""
    end = None
    for i in rows[:HEADER_CREDIT_LINES]:
        f = feats[i]
        if f.text.endswith((".", "!", "?")) or f.pattern_kind is not None:
            continue
        if _is_dateline(f.text, language) or (
            BYLINE_PREFIX.match(f.text) and parse_byline(f.text, stopwords, language)
        ):
            end = i
    return end
