"""The line classifier: weights lines as running text, finds the main run of prose (and
runs that belong with it), widens it over its blocks, introduced lists and lone paragraphs,
cuts the header block, and labels every line with its reason."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container
from typing import Final, NamedTuple

import ahocorasick

from pipeline.stages.clean.boxes import box_labels
from pipeline.stages.clean.header import (
    HEADER_SEARCH_LINES,
    HEADLINE_MIN_WORDS,
    TITLE_MAX_WORDS,
    credits_end,
    header_labels,
    is_credit,
    normalised,
    repeats_title,
)
from pipeline.stages.clean.labels import blank_label, line_label
from pipeline.stages.clean.language import stopwords_for
from pipeline.stages.clean.lines import BARRIER_MAX_WORDS, SENTENCE_MIN_WORDS, Line, features
from pipeline.stages.clean.metadata import BYLINE_PREFIX, parse_byline
from pipeline.stages.clean.page import Page
from pipeline.stages.clean.patterns import BARE_URL, COMMENTS_START, LIST_ITEM, strip_code
from schemas import LineLabel

# A line of this many words is prose by length alone (the "20-word rule" baseline uses 20).
LONG_LINE_WORDS: Final = 20

# Below this share a long line is probably a list of names, tags or headlines.
LIST_STOPWORD_SHARE: Final = 0.08
# What a non-prose line costs the body span: the span may cross a few, not a menu.
SHORT_LINE_PENALTY: Final = 12.0
# Weight per word of a medium sentence line, and of a long line that doesn't end like a sentence.
MEDIUM_SENTENCE_FACTOR: Final = 0.5
UNPUNCTUATED_LONG_FACTOR: Final = 0.25
BOILERPLATE_LINE_PENALTY: Final = 8.0
# Ad slots ("Advertisement", "Story continues below") sit inside articles: free to cross.
AD_SLOT_PENALTY: Final = 0.0
AD_SLOT_REASON: Final = "advertisement slot"
# A line that opens comments or related links ("12 comments", "More from ...") ends the body
# unless the text on both sides of it is long.
BARRIER_PENALTY: Final = 60.0

# A secondary run of prose joins the body when it has this share of the main run's weight.
SECONDARY_RUN_SHARE: Final = 0.5
# Lines between two runs that an inline related-links box may take.
INLINE_BOX_MAX_LINES: Final = 8
# A run under the headline is the article when it has this share of the heaviest run's weight
# and a barrier separates the two.
HEADLINE_RUN_SHARE: Final = 0.25
# ... provided the heavier run starts in the last quarter of the page (a footer).
FOOTER_START_SHARE: Final = 0.75

# An all-capitals line of this many words inside the body is a promo or a link to a story.
SHOUTED_MIN_WORDS: Final = 5

# Comments start where a comments heading follows at least this much prose weight.
PROSE_BEFORE_COMMENTS: Final = 80.0


def _prose_weight(line: Line) -> float:
    """How much a line looks like running text: positive for prose, negative for the rest.

    Paragraphs of an article end like sentences; teasers, headlines and link lists mostly
    don't, however long they are.
    """
    if line.barrier:
        return -BARRIER_PENALTY
    if line.pattern_reason == AD_SLOT_REASON:
        # Ad slots ("Advertisement", "Story continues below") sit inside articles.
        return -AD_SLOT_PENALTY
    if line.pattern_kind is not None:
        return -BOILERPLATE_LINE_PENALTY
    known = line.stop_share >= 0
    if known and line.words >= SENTENCE_MIN_WORDS and line.stop_share < LIST_STOPWORD_SHARE:
        return -SHORT_LINE_PENALTY
    if line.ends_sentence:
        if line.words >= LONG_LINE_WORDS:
            return line.words
        if line.words >= SENTENCE_MIN_WORDS:
            return line.words * MEDIUM_SENTENCE_FACTOR
    elif line.words >= LONG_LINE_WORDS:
        return line.words * UNPUNCTUATED_LONG_FACTOR
    return -SHORT_LINE_PENALTY


def _without_comments(
    feats: list[Line], positions: list[int], weights: list[float], lowered: list[str]
) -> list[float]:
    """Weights with everything from the comments heading on made unusable: reader comments
    are prose too, but they come after the article. ``lowered``: the lines lower-cased."""
    # The first line with enough prose weight before it.
    first = len(weights)
    seen = 0.0
    for k, weight in enumerate(weights):
        if seen >= PROSE_BEFORE_COMMENTS:
            first = k
            break
        if weight > 0:
            seen += weight
    for k in range(first, len(positions)):
        i = positions[k]
        if feats[i].words <= BARRIER_MAX_WORDS and COMMENTS_START.match(lowered[i]):
            return weights[:k] + [-BARRIER_PENALTY] * (len(weights) - k)
    return weights


class _Run(NamedTuple):
    """Positions [start, end) of a run of lines, and the sum of their weights."""

    start: int
    end: int
    total: float


def _best_run(weights: list[float], lo: int, hi: int) -> _Run:
    """The run of weights[lo:hi] with the largest sum (Kadane)."""
    best = _Run(lo, lo, 0.0)
    start, total = lo, 0.0
    for i in range(lo, hi):
        if total <= 0:
            start, total = i, 0.0
        total += weights[i]
        if total > best.total:
            best = _Run(start, i + 1, total)
    return best


def _body_runs(
    weights: list[float], barriers: list[bool], headline: int | None
) -> list[tuple[int, int]]:
    """The main run of prose, plus runs almost as heavy on either side of it that no barrier
    (comments, related links) separates from it.

    Positions are indexes into ``weights``. When the page shows its headline, a run right
    under it is the article even if a heavier run (a legal footer, a comment thread) lies
    past a barrier further down.
    """
    main_start, main_end, main_total = _best_run(weights, 0, len(weights))
    if main_total <= 0:
        return []
    if headline is not None and headline + 1 < main_start:
        start, end, total = _best_run(weights, headline + 1, main_start)
        in_footer = main_start >= FOOTER_START_SHARE * len(weights)
        if total >= HEADLINE_RUN_SHARE * main_total and in_footer and any(barriers[end:main_start]):
            main_start, main_end, main_total = start, end, total
    runs = [(main_start, main_end)]
    for lo, hi in ((0, main_start), (main_end, len(weights))):
        start, end, total = _best_run(weights, lo, hi)
        between = barriers[end:main_start] if end <= main_start else barriers[main_end:start]
        # An inline box of related links (a barrier and a few links) may sit between two
        # runs of one article; a barrier followed by a long stretch of other text may not.
        crossable = not any(between) or len(between) <= INLINE_BOX_MAX_LINES
        if total >= SECONDARY_RUN_SHARE * main_total and crossable:
            runs.append((start, end))
    return sorted(runs)


def _headline_position(feats: list[Line], positions: list[int]) -> int | None:
    """Index (into positions) of the headline shown on the page: the first later line that
    repeats the start of the page's first line (its <title>), in the page's first half."""
    if len(positions) < 2:
        return None
    first = normalised(strip_code(feats[positions[0]].text))
    for k in range(1, len(positions) // 2):
        f = feats[positions[k]]
        if HEADLINE_MIN_WORDS <= f.words <= TITLE_MAX_WORDS and f.pattern_kind is None:
            norm = f.norm
            if repeats_title(first, norm):
                return k
    return None


def classify_lines(lines: list[str], language: str = "en") -> list[LineLabel]:
    """One label per line: body, or the boilerplate kind with the reason it was dropped."""
    return classify(Page(lines), language)


def classify(page: Page, language: str) -> list[LineLabel]:
    """classify_lines of a page."""
    lines = page.lines
    stopwords = stopwords_for(language)
    feats = features(page, stopwords)
    positions = [i for i, f in enumerate(feats) if not f.blank]
    weights = [_prose_weight(feats[i]) for i in positions]
    weights = _without_comments(feats, positions, weights, page.lowered)
    barriers = [feats[i].barrier for i in positions]
    headline = _headline_position(feats, positions)
    runs = [(positions[s], positions[e - 1]) for s, e in _body_runs(weights, barriers, headline)]
    runs = _extend_runs_over_their_blocks(feats, runs)
    runs = _extend_over_introduced_lists(feats, runs)
    runs = _extend_over_lone_lines(feats, runs)
    runs = _trim_leading_header_block(feats, runs)
    common = page.common_words(stopwords)
    runs = _cut_headline_and_credits(feats, runs, positions, headline, common, language)
    runs = _extend_back_to_credits(feats, runs, common, language)
    in_body = [False] * len(lines)
    for first, last in runs:
        for i in range(first, last + 1):
            in_body[i] = True
    header = header_labels(feats, in_body, common, language)
    repeats = _repeated_lines(feats, in_body)
    boxes = box_labels(feats, in_body)
    labels: list[LineLabel] = []
    blank = blank_label()
    for i, f in enumerate(feats):
        if f.blank:
            labels.append(blank)
        elif i in header:
            labels.append(header[i])
        elif f.pattern_kind is not None:
            labels.append(line_label(f.pattern_kind, f.pattern_reason))
        elif i in repeats:
            labels.append(repeats[i])
        elif i in boxes:
            labels.append(boxes[i])
        elif in_body[i]:
            labels.append(_inside_label(feats, i))
        else:
            labels.append(_outside_label(feats, i, runs))
    return labels


def _trim_leading_header_block(
    feats: list[Line], runs: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Drop the block of header lines (standfirst, byline, captions) the main run starts with.

    On pages whose paragraphs stand alone between blank lines, the body starts at the first
    lone paragraph; a block of consecutive lines just before it that mixes short and long
    lines is the header under the title, not text.
    """
    if not runs:
        return runs
    first, last = runs[0]
    block = feats[first].block
    near = range(max(0, first - HEADER_SEARCH_LINES), last + 1)
    members = [i for i in near if feats[i].block == block]
    if len(members) < 2 or members[-1] >= last:
        return runs
    has_short = any(feats[i].words < SENTENCE_MIN_WORDS for i in members)
    lone_after = sum(
        1
        for i in range(members[-1] + 1, last + 1)
        if feats[i].lone and feats[i].words >= SENTENCE_MIN_WORDS
    )
    if not has_short or lone_after < 2:
        return runs
    new_first = next((i for i in range(members[-1] + 1, last + 1) if not feats[i].blank), None)
    if new_first is None:
        return runs
    return [(new_first, last), *runs[1:]]


def _cut_headline_and_credits(
    feats: list[Line],
    runs: list[tuple[int, int]],
    positions: list[int],
    headline: int | None,
    stopwords: Container[str],
    language: str,
) -> list[tuple[int, int]]:
    """A main run that starts with the headline, or right under it, starts after the byline
    and date under the headline (with the standfirst between): a headline and standfirst
    long enough to read as prose are still the header. The headline is the one the page
    shows (``headline``, an index into ``positions``), or a line opening the run, or right
    over it, that repeats the page's <title>."""
    if not runs or not positions:
        return runs
    first, last = runs[0]
    above = next((i for i in range(first - 1, -1, -1) if not feats[i].blank), None)
    title_norm = normalised(strip_code(feats[positions[0]].text))
    shown = positions[headline] if headline is not None else None
    head = next(
        (
            i
            for i in (first, above)
            if i is not None
            and i != positions[0]
            and (i == shown or _repeats_the_title(feats[i], title_norm))
        ),
        None,
    )
    if head is None:
        return runs
    under = [i for i in range(head + 1, last + 1) if not feats[i].blank]
    end = credits_end(feats, under, stopwords, language)
    rest = [i for i in under if i > (end if end is not None else head)]
    if not rest:
        return runs
    return [(rest[0], last), *runs[1:]]


def _extend_back_to_credits(
    feats: list[Line], runs: list[tuple[int, int]], stopwords: Container[str], language: str
) -> list[tuple[int, int]]:
    """The opening paragraphs between the byline or date and an image set before the rest of
    the text ("By Jane Doe / Updated ... / Lede. / Second paragraph. / [image, caption] /
    text") belong to the text: the main run starts at them. Only paragraphs that stand alone,
    only image blocks (a caption or a counter among their lines) between them and the run."""
    if not runs:
        return runs
    first, last = runs[0]
    prose: list[int] = []
    crossed_image = False
    i = first - 1
    while i >= 0:
        f = feats[i]
        if f.blank:
            i -= 1
            continue
        if is_credit(f, stopwords, language):
            break
        if f.lone and f.pattern_kind is None and f.ends_sentence and f.words >= SENTENCE_MIN_WORDS:
            prose.append(i)
            i -= 1
            continue
        block = [j for j in range(len(feats)) if feats[j].block == f.block and not feats[j].blank]
        if prose or not _is_image_block(feats, block):
            return runs
        crossed_image = True
        i = block[0] - 1
    else:
        return runs
    if not prose or not crossed_image:
        return runs
    return [(prose[-1], last), *runs[1:]]


def _is_image_block(feats: list[Line], block: list[int]) -> bool:
    """A block of image text: a caption or credit among its lines, or a counter ("6")."""
    return len(block) > 1 and any(
        feats[j].pattern_kind == "caption" or feats[j].text.isdigit() for j in block
    )


def _repeats_the_title(f: Line, title_norm: str) -> bool:
    return (
        HEADLINE_MIN_WORDS <= f.words <= TITLE_MAX_WORDS
        and f.pattern_kind is None
        and repeats_title(title_norm, f.norm)
    )


def _extend_runs_over_their_blocks(
    feats: list[Line], runs: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """A run that starts or ends inside a block of long lines takes in the rest of the block:
    paragraphs written as one block (div or br separated) belong together."""
    out = []
    for first, last in runs:
        while first > 0 and _same_block_prose(feats, first - 1, first):
            first -= 1
        while last + 1 < len(feats) and _same_block_prose(feats, last + 1, last):
            last += 1
        out.append((first, last))
    return out


def _introduces_list(f: Line) -> bool:
    return f.text.endswith(":") and f.words >= SENTENCE_MIN_WORDS and f.pattern_kind is None


def _extend_over_introduced_lists(
    feats: list[Line], runs: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """A run ending on "...these are the offers:" goes on over the list it introduces."""
    out = []
    for first, last in runs:
        if _introduces_list(feats[last]):
            last = _list_end(feats, last)
        out.append((first, last))
    return out


def _extend_over_lone_lines(
    feats: list[Line], runs: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Short paragraphs and headings right after the run, each alone between blank lines
    (how a p or h element is saved), continue the article until boilerplate interrupts; but
    labels left last on the page (a heading over nothing, "Short link:") are no text."""
    out = []
    for first, last in runs:
        taken: list[int] = []
        i = last + 1
        while i < len(feats):
            f = feats[i]
            if f.blank:
                i += 1
                continue
            if not f.lone or f.pattern_kind is not None or f.barrier or _shouted(f):
                break
            taken.append(i)
            i += 1
        if i >= len(feats):
            # The page ends here: a label left last ("Short link:", "More on X") is no text.
            while taken and _is_label(feats[taken[-1]]):
                taken.pop()
        out.append((first, taken[-1] if taken else last))
    return out


def _is_label(f: Line) -> bool:
    """A line that does not end like a sentence, or that ends with a colon."""
    return not f.ends_sentence or f.text.endswith(":")


def _shouted(f: Line) -> bool:
    """An all-capitals line of several words: a promo or a link to another story."""
    return f.words >= SHOUTED_MIN_WORDS and f.text.isupper()


def _list_end(feats: list[Line], last: int) -> int:
    i = last + 1
    while i < len(feats):
        block_start = next((j for j in range(i, len(feats)) if not feats[j].blank), None)
        if block_start is None or block_start - i > 1:
            break
        j = block_start
        while j < len(feats) and not feats[j].blank:
            j += 1
        block = feats[block_start:j]
        if not all(_is_list_line(f) for f in block):
            break
        last, i = j - 1, j
    return last


def _is_list_line(f: Line) -> bool:
    if f.barrier or (f.pattern_kind is not None and f.pattern_kind != "navigation"):
        return False
    return bool(LIST_ITEM.match(f.text) or BARE_URL.match(f.text) or f.words >= SENTENCE_MIN_WORDS)


def _same_block_prose(feats: list[Line], i: int, neighbour: int) -> bool:
    f = feats[i]
    return (
        not f.blank
        and f.block == feats[neighbour].block
        and f.pattern_kind is None
        and f.words >= SENTENCE_MIN_WORDS
    )


# Two consecutive lines that open with this many identical words are two versions of one
# caption (the photo's alt text, then the caption under it).
CAPTION_TWIN_PREFIX_WORDS: Final = 6
CAPTION_TWIN_MIN_WORDS: Final = 4
# A pull quote is a body sentence repeated in large type: at least this many words.
PULLQUOTE_MIN_WORDS: Final = 6
PULLQUOTE_MAX_WORDS: Final = 60
ATTRIBUTION_MAX_WORDS: Final = 10
_ATTRIBUTION: Final = re.compile(r"^[\u2013\u2014\u2015-]{1,2}\s*\S")


def _repeated_lines(feats: list[Line], in_body: list[bool]) -> dict[int, LineLabel]:
    """Lines that repeat another: caption twins, pull quotes, a title or promo shown twice."""
    out: dict[int, LineLabel] = {}
    norms = {i: f.norm for i, f in enumerate(feats) if not f.blank and f.words >= 3}
    _mark_caption_twins(feats, norms, out)
    _mark_pull_quotes(feats, norms, in_body, out)
    seen: dict[str, int] = {}
    for i, norm in norms.items():
        if i in out:
            continue
        if norm in seen and not (in_body[i] and not in_body[seen[norm]]):
            out[i] = line_label("other", "repeats an earlier line")
        elif norm in seen:
            earlier = seen[norm]
            out.setdefault(earlier, line_label("other", "repeated later in the text"))
        else:
            seen[norm] = i
    return out


def _mark_caption_twins(
    feats: list[Line], norms: dict[int, str], out: dict[int, LineLabel]
) -> None:
    """Consecutive lines of one block that open with the same words (at least
    CAPTION_TWIN_MIN_WORDS of their first CAPTION_TWIN_PREFIX_WORDS)."""
    for i, norm in norms.items():
        j = i + 1
        if j not in norms or feats[j].block != feats[i].block:
            continue
        a = norm.split(maxsplit=CAPTION_TWIN_PREFIX_WORDS)[:CAPTION_TWIN_PREFIX_WORDS]
        b = norms[j].split(maxsplit=CAPTION_TWIN_PREFIX_WORDS)[:CAPTION_TWIN_PREFIX_WORDS]
        n = min(len(a), len(b))
        if n >= CAPTION_TWIN_MIN_WORDS and a[:n] == b[:n]:
            reason = "caption shown twice (image text and caption)"
            out[i] = line_label("caption", reason)
            out[j] = line_label("caption", reason)


def _mark_pull_quotes(
    feats: list[Line], norms: dict[int, str], in_body: list[bool], out: dict[int, LineLabel]
) -> None:
    body = [i for i in norms if in_body[i] and i not in out]
    if len(body) < 3:
        return
    texts = [norms[i] for i in body]
    candidates = {
        norm
        for i, norm in zip(body, texts, strict=True)
        if PULLQUOTE_MIN_WORDS <= feats[i].words <= PULLQUOTE_MAX_WORDS
    }
    found = _occurrences(candidates, texts)
    next_nonblank = _next_nonblank_lines(feats)
    for i, norm in zip(body, texts, strict=True):
        if norm not in candidates or found.counts[norm] < 2:
            continue
        attribution = next_nonblank[i]
        has_attribution = (
            attribution is not None
            and feats[attribution].words <= ATTRIBUTION_MAX_WORDS
            and _ATTRIBUTION.match(feats[attribution].text) is not None
        )
        if has_attribution or feats[i].text[0] in "'\u2018" or norm in found.in_longer:
            out[i] = line_label("pullquote", "pull quote repeating a body sentence")
            if has_attribution and attribution is not None:
                out[attribution] = line_label("pullquote", "pull quote attribution")


class _Occurrences(NamedTuple):
    counts: Counter[str]  # non-overlapping occurrences in all texts, as str.count counts them
    in_longer: set[str]  # the patterns found inside a text longer than themselves


def _occurrences(patterns: set[str], texts: list[str]) -> _Occurrences:
    """Where the patterns occur in the texts, in one pass over the texts for all patterns
    (Aho-Corasick), so a page costs time in proportion to its length, not its square."""
    found = _Occurrences(Counter(), set())
    if not patterns:
        return found
    automaton = ahocorasick.Automaton()
    for pattern in patterns:
        automaton.add_word(pattern, pattern)
    automaton.make_automaton()
    for text in texts:
        last_end: dict[str, int] = {}
        for end, pattern in automaton.iter(text):
            if end - len(pattern) < last_end.get(pattern, -1):
                continue  # overlaps the occurrence counted before it
            last_end[pattern] = end
            found.counts[pattern] += 1
            if pattern != text:
                found.in_longer.add(pattern)
    return found


def _next_nonblank_lines(feats: list[Line]) -> list[int | None]:
    """For each line, the index of the next non-blank line after it (one backward pass)."""
    following: list[int | None] = [None] * len(feats)
    upcoming: int | None = None
    for i in range(len(feats) - 1, -1, -1):
        following[i] = upcoming
        if not feats[i].blank:
            upcoming = i
    return following


def _inside_label(feats: list[Line], i: int) -> LineLabel:
    f = feats[i]
    if f.menu_block:
        return line_label("navigation", "menu-like run of short lines")
    if _shouted(f) and not f.ends_sentence:
        return line_label("related", "all-capitals promo or link to another story")
    if f.words >= LONG_LINE_WORDS or f.ends_sentence:
        return line_label("body", "prose in the main run of text")
    if BYLINE_PREFIX.match(f.text) and parse_byline(f.text) is not None:
        return line_label("byline", "author credit inside the main run of text")
    return line_label("body", "short line inside the main run of text")


def _outside_label(feats: list[Line], i: int, runs: list[tuple[int, int]]) -> LineLabel:
    f = feats[i]
    before_body = not runs or i < runs[0][0]
    if f.menu_block:
        return line_label("navigation", "menu-like run of short lines")
    if f.words >= LONG_LINE_WORDS:
        where = "before" if before_body else "after"
        return line_label("other", f"prose {where} the main run of text")
    if before_body:
        return line_label("other", "short line before the main run of text")
    return line_label("related", "short line after the main run of text")
