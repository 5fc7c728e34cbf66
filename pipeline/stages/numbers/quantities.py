"""``parse_quantities``: every figure of one piece of text, as ``Quantity`` records, each with
its kind, unit and qualifier; two figures that make a range ("10 to 15") become one."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Final, NamedTuple

from pipeline.stages.numbers.context import (
    _number_kind,
    _qualifier_after,
    _qualifier_before,
    _time_kind,
)
from pipeline.stages.numbers.grammar import (
    COUNTED_KINDS,
    HYPHENS,
    IDENTIFIER_MIN_DIGITS,
    PENCE_LETTER,
    PENCE_MAX,
    RANGE_DASHES,
    SCALE_ABBREVIATIONS,
    SCALE_WORDS,
    SIGN_WORDS,
    TEMPERATURE_LETTERS,
    TEMPERATURE_RANGE,
    Kind,
    Mode,
)
from pipeline.stages.numbers.lexicon import lexicon
from pipeline.stages.numbers.links import URL_RE, _may_hold_link, _phone_spans, _Spans
from pipeline.stages.numbers.reading import (
    NUMBER_START_WORDS,
    _plural_noun_at,
    _Read,
    _read_number,
    _starts_number,
)
from pipeline.stages.numbers.tokens import Token, _glued, _last_word, _token_index_at, tokenize
from pipeline.stages.numbers.units import (
    _codes_before,
    _compound_modifier,
    _currency_prefix,
    _glued_currency,
    _letter_before,
    _match_suffix,
    _unit_kind,
)
from schemas.records import Qualifier


@dataclass(frozen=True, slots=True)
class Quantity:
    """One figure found in a sentence. ``text == sentence[start:end]``."""

    start: int
    end: int
    text: str
    value: float
    kind: Kind = "number"
    qualifier: Qualifier = "exact"
    value_max: float | None = None
    unit: str | None = None  # the unit written with the figure (dollars, percent, miles)
    unit_kinds: frozenset[str] = frozenset()
    glued_unit: bool = False
    spelled: bool = False
    number_start: int = 0  # the bare number, without qualifier or unit
    number_end: int = 0
    token_last: int = 0  # index of the first token after the figure
    scale: float = 1.0  # what a scale multiplied the digits by ("2.5 million": 1e6)


def parse_quantities(sentence: str, mode: Mode = "news") -> list[Quantity]:
    """Every figure of ``sentence``.

    ``mode="news"`` keeps what the gold guideline counts as a figure; ``mode="all"`` also
    returns years, dates, clock times, durations, ages, identifiers and vague uses of
    "one"/"half", each with its ``kind``, for benchmarks whose specs count them.
    """
    tokens = tokenize(sentence)
    found = _parse_tokens(sentence, tokens)
    if mode == "news":
        links = _Spans(URL_RE.finditer(sentence)) if _may_hold_link(sentence) else None
        return [
            q
            for q in found
            if q.kind in COUNTED_KINDS and not (links and links.contain(q.number_start))
        ]
    return found


def _parse_tokens(text: str, tokens: list[Token]) -> list[Quantity]:
    out: list[Quantity] = []
    codes = _codes_before(tokens)
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        if tok.kind == "chain":
            out.extend(_chain_quantities(text, tokens, i))
            i += 1
            continue
        if tok.kind == "num" or (tok.low in NUMBER_START_WORDS and _starts_number(tokens, i)):
            read = _read_number(text, tokens, i)
            if read is not None:
                quantity = _decorate(text, tokens, read, codes)
                if quantity is not None:
                    out.append(quantity)
                    i = max(quantity.token_last, i + 1)
                    continue
            i = read.last if read is not None and read.last > i else i + 1
            continue
        i += 1
    if out:
        phones = _phone_spans(text, tokens[0].start, tokens[-1].end)
        if phones:
            out = [
                replace(q, kind="identifier") if phones.contain(q.number_start) else q for q in out
            ]
    return _join_shares(text, _join_ranges(text, tokens, _share_time_kinds(text, tokens, out)))


# Between a bare number and a duration or age whose time unit it shares: "eight to 10
# hours", "three or six months", "two-three years" ("and" only after "between": "arrested
# 14 and two days later ..." is no such pair).
TIME_SHARING_GAP: Final = re.compile(r"\s*(?:[-\u2013\u2014]|to|or)\s*", re.IGNORECASE)
BETWEEN_AND: Final = re.compile(r"\s+and\s+", re.IGNORECASE)
TIME_KINDS: Final = frozenset({"duration", "age"})


def _share_time_kinds(text: str, tokens: list[Token], found: list[Quantity]) -> list[Quantity]:
    """A bare number listed or ranged right before a duration or an age is one too, and so
    is one after a duration's "from" ("shortened to 34.3 hours from 34.7")."""
    out = list(found)
    for k in range(len(out) - 2, -1, -1):
        low, high = out[k], out[k + 1]
        if _bare(tokens, low) and high.kind in TIME_KINDS:
            between = _last_word(text, low.start) == "between"
            gap = BETWEEN_AND if between else TIME_SHARING_GAP
            if high.start > low.end and gap.fullmatch(text, low.end, high.start):
                out[k] = replace(low, kind=high.kind)
    for k in range(1, len(out)):
        before, q = out[k - 1], out[k]
        duration = before.kind == "duration" and q.start > before.end
        if duration and _bare(tokens, q) and TIME_FROM_GAP.fullmatch(text, before.end, q.start):
            out[k] = replace(q, kind="duration")
    return out


# Between a duration and the bare number of the same time unit it changed from.
TIME_FROM_GAP: Final = re.compile(r"\s+from\s+", re.IGNORECASE)


def _bare(tokens: list[Token], q: Quantity) -> bool:
    """A number with no unit and no plural noun after it ("34.7", not "12 countries")."""
    return q.kind == "number" and q.unit is None and not _plural_noun_at(tokens, q.token_last)


def _chain_quantities(text: str, tokens: list[Token], i: int) -> list[Quantity]:
    """'192.168.1.2', '5/17/2018', '+1-222-2222/2222': an identifier or date, one per part."""
    tok = tokens[i]
    is_date = re.fullmatch(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}", tok.text) is not None
    kind: Kind = "date" if is_date else "identifier"
    out = []
    for m in re.finditer(r"\d+", tok.text):
        start, end = tok.start + m.start(), tok.start + m.end()
        out.append(
            Quantity(start, end, m.group(), float(m.group()), kind, number_start=start,
                     number_end=end, token_last=i + 1)
        )  # fmt: skip
    return out


def _sign_before(text: str, tokens: list[Token], i: int) -> tuple[float, int]:
    """(sign, first token) of a '-'/'minus' before the number at token i."""
    if i >= 1 and tokens[i - 1].low in SIGN_WORDS:
        if i >= 3 and (tokens[i - 3].low, tokens[i - 2].low) == ("plus", "or"):
            return 1.0, i  # "plus or minus three points": a margin either way
        return SIGN_WORDS[tokens[i - 1].low], i - 1
    if i >= 1 and tokens[i - 1].text in ("-", "\u2212") and tokens[i].kind == "num":
        before = tokens[i - 2] if i >= 2 else None
        if before is None or (
            (before.kind == "sym" and before.text in "([{:=") or not _glued(tokens, i - 1)
        ):
            if before is not None and before.kind in {"num", "chain"}:
                return 1.0, i  # "10 - 15": a range
            if before is not None and before.kind in {"word", "abbr"} and not _glued(tokens, i):
                return 1.0, i  # "pages - 10": a dash between words, no sign
            if before is not None and before.text in HYPHENS:
                return 1.0, i
            return -1.0, i - 1
    return 1.0, i


PERCENT_OF_BEFORE: Final = re.compile(r"(?:percents?|per\s+cent)\s+of\s+$")
FIGURE_END: Final = re.compile(r"\d\s*$")


def _decorate(text: str, tokens: list[Token], read: _Read, codes: list[bool]) -> Quantity | None:
    """The figure read at ``read``; ``codes``: ``_codes_before(tokens)``."""
    lex = lexicon()
    first, last = read.first, read.last
    value = read.value
    kind: Kind = read.kind
    number_start, number_end = tokens[first].start, tokens[last - 1].end
    if kind == "ordinal":
        return Quantity(
            number_start, number_end, text[number_start:number_end], value, "ordinal",
            number_start=number_start, number_end=number_end, token_last=last,
        )  # fmt: skip
    sign, first = _sign_before(text, tokens, first)
    value *= sign
    start, end = tokens[first].start, number_end
    unit: str | None = None
    unit_kinds: frozenset[str] = frozenset()
    glued = False
    # currency before the digits: "$", "US$", "c $", "USD", "£"
    prefix = _currency_prefix(text, start)
    if prefix and not _letter_before(text, start - (len(prefix.group()))):
        surface = prefix.group("u")
        exact = lex.units.get(surface)  # a code only in upper case ("TRY 500", "DM 5")
        entry = (
            exact
            if exact is not None and exact.case != "ci"
            else lex.units.get(surface.lower().replace(" ", ""))
            or lex.units.get(re.sub(r"\s+", "", surface.lower()))
        )
        if entry is not None and "currency" in entry.kinds:
            unit, unit_kinds = entry.canonical, frozenset({"currency"})
            start -= len(prefix.group())
            if text[start].isspace():
                start += 1
    # a currency letter written against the digits: "N500m", "R2bn" (not "N95", "R2")
    glued_money = _glued_currency(text, start) if codes[first] and unit is None else None
    if glued_money is not None and _written_as_money(tokens, read):
        entry, start = glued_money
        unit, unit_kinds = entry.canonical, frozenset({"currency"})
    # text glued on the left: "M2A2", "scp173", "G7", "F-16"
    if codes[first] and unit is None:
        kind = "code"
    digits = tokens[read.first].text
    if unit is None and len(digits) >= IDENTIFIER_MIN_DIGITS and digits.isdigit():
        kind = "identifier"  # tracking codes, ids: nothing after them is their unit
    # unit after the number
    suffix = _match_suffix(text, number_end)
    if suffix is not None and kind != "code":
        entry, m = suffix
        if unit is not None and "currency" in entry.kinds:
            end = m.end()  # "$10 dollars"
        elif unit is None and (m.groupdict().get("adj") is None or "currency" in entry.kinds):
            unit, unit_kinds = (
                _national_currency(entry.canonical, m.groupdict().get("adj")),
                entry.kinds,
            )
            value *= entry.multiplier
            end = m.end()
            glued = m.start("u") == number_end
            scale = SCALE_AFTER_CURRENCY.match(text, end) if not read.scaled else None
            if scale is not None and "currency" in entry.kinds:
                value *= (
                    SCALE_WORDS.get(scale.group(1).lower())
                    or SCALE_ABBREVIATIONS[scale.group(1).lower()]
                )
                end = scale.end()  # "75 USD million"
    elif kind != "code" and 0 < value < 1 and (point := FRACTION_POINT.match(text, number_end)):
        # "a quarter point", "half a percentage point": a fraction of a point is a figure
        percentage = point.group("u").lower().startswith("percentage")
        unit = "percentage points" if percentage else "points"
        unit_kinds = frozenset({"percent"}) if percentage else POINT_KINDS
        kind, end = "fraction", point.end()
    elif kind != "code" and (inches := _inch_mark(text, number_end)) is not None:
        unit, unit_kinds, end = "inches", frozenset({"dimension"}), inches  # '10 " long'
    elif kind != "code" and last < len(tokens) and _glued(tokens, last):
        nxt = tokens[last]
        temperature = _glued_temperature(tokens, last, value)
        if temperature is not None:
            unit, unit_kinds = temperature, frozenset({"temperature"})
            end = nxt.end  # "40C", "104F"
        elif _glued_pence(tokens, last, value):
            unit, unit_kinds = "pence", frozenset({"currency"})
            end = nxt.end  # "150p"
        elif nxt.kind in {"word", "num"} and nxt.text not in "%":
            kind = "code"  # "24703L202", "1990s", "777F"
        elif _point_modifier(tokens, last):
            unit, end = "points", tokens[last + 1].end  # "a 10-point lead"
            unit_kinds = POINT_KINDS  # its own unit: none borrowed from the figure before
        elif _compound_modifier(tokens, last):
            kind = "code"  # "an 18-hole course", "a 12-member council": a modifier
    # percent written first: "percents of twenty", "per cent of 210"
    if unit is None:
        before = text[max(0, start - 16) : start].lower()
        percent_of = PERCENT_OF_BEFORE.search(before) if "cent" in before else None
        if percent_of and not FIGURE_END.search(before, 0, percent_of.start()):
            # (not "73 percent of 223 votes": that percent is the figure before's)
            unit, unit_kinds = "percent", frozenset({"percent"})
            start -= len(before) - percent_of.start()
    if unit_kinds:
        kind = _unit_kind(unit_kinds)
    elif kind == "number" and read.shape == "fraction":
        kind = "fraction"
    # cents after dollars: "3 dollars 50 cents", "c $ 100 and fifty"
    after = _token_index_at(tokens, end, last)
    if "currency" in unit_kinds and unit and unit.endswith("dollars") and not read.scaled:
        # (no cents after a scale: "$100 million three-year bonds")
        cents = _cents_after(text, tokens, after)
        if cents is not None:
            value += cents.value / 100
            end = tokens[cents.last - 1].end
            after = cents.last
    q_after = _qualifier_after(text, tokens, after)
    time_kind = _time_kind(text, tokens, after, end) if not unit_kinds else None
    if time_kind is None and not unit_kinds and q_after is not None:
        time_kind = _time_kind(text, tokens, q_after[2], end)  # "two or more years"
    if time_kind is not None and kind in {"number", "fraction"}:
        kind, end, after = time_kind
        q_after = _qualifier_after(text, tokens, after)
    if kind == "number":
        kind = _number_kind(text, tokens, read, first, last, value)
    qualifier, q_start = _qualifier_before(text, tokens, first, start)
    if q_after is not None:  # "some 50 or more people": the noun is past both
        qualifier = q_after[0] if qualifier == "exact" else qualifier
        end, after = q_after[1], q_after[2]
    if qualifier != "exact":
        start = q_start
    return Quantity(
        start=start, end=end, text=text[start:end], value=value, kind=kind, qualifier=qualifier,
        unit=unit, unit_kinds=unit_kinds, glued_unit=glued, spelled=read.spelled,
        number_start=number_start, number_end=number_end, token_last=max(after, last),
        scale=read.scale,
    )  # fmt: skip


# Currency names that several countries use, and the adjectives of the one they mean alone
# ("dollars" are US dollars, as "$" is): another country's adjective stays in the unit, as
# its sign does ("C$" -> "canadian dollars").
SHARED_CURRENCY_NAMES: Final = {
    "dollars": frozenset({"us", "u.s.", "american"}),
    "pounds": frozenset({"british", "uk", "u.k.", "english", "sterling"}),
}
SPACE_RUN: Final = re.compile(r"\s+")


def _national_currency(canonical: str, adjective: str | None) -> str:
    """'australian dollars' for "125 million Australian dollars"; 'dollars' for "US dollars"."""
    plain = SHARED_CURRENCY_NAMES.get(canonical)
    if adjective is None or plain is None:
        return canonical
    adjective = SPACE_RUN.sub(" ", adjective.lower())
    return canonical if adjective in plain else f"{adjective} {canonical}"


# A scale written after a currency code or name: "75 USD million", "300 rupees crore".
SCALE_AFTER_CURRENCY: Final = re.compile(
    r"[ \t\u00a0]+(million|billion|trillion|thousand|crore|lakh|bn|mn|mln|tn)\b", re.IGNORECASE
)


# The point a spelled fraction is of: "a quarter point", "a quarter-point cut", "half a
# percentage point", "three quarters of a point".
FRACTION_POINT: Final = re.compile(
    r"(?:\s+of)?(?:\s+an?)?(?:\s+|[-\u2010\u2011])(?P<u>percentage[\s-]+points?|points?)\b",
    re.IGNORECASE,
)
# An inch mark after a figure, before a word: '10 " long', 'a 65" TV', '10″'.
INCH_MARK: Final = re.compile(r" ?(?:\u2033|\")(?=\s+[^\W\d_])")


QUOTE_REACH: Final = 500  # characters before an inch mark read for an open quotation


def _inch_mark(text: str, pos: int) -> int | None:
    """Where an inch mark right after the figure ending at ``pos`` ends; a straight double
    quote is one only where no quotation is open before it (else it closes the quote)."""
    m = INCH_MARK.match(text, pos)
    if m is None:
        return None
    quotes = text.count('"', max(0, pos - QUOTE_REACH), pos)  # (bounded: a long line)
    return None if m.group().strip() == '"' and quotes % 2 else m.end()


def _written_as_money(tokens: list[Token], read: _Read) -> bool:
    """An amount with a scale or grouped thousands ("500m", "2.5 billion", "40,000"): what a
    currency letter against the digits needs, where "N95" or "R2" are names."""
    return read.scaled or "," in tokens[read.first].text


POINT_WORDS: Final = frozenset({"point", "points"})
# What points written as a modifier measure: a standing or a change ("a 10-point lead").
POINT_NOUNS: Final = frozenset(
    {"lead", "leads", "margin", "margins", "advantage", "edge", "gap", "deficit", "spread",
     "victory", "win", "defeat", "loss", "losses", "drop", "drops", "fall", "decline", "slide",
     "slump", "plunge", "dip", "cut", "reduction", "decrease", "gain", "gains", "rise", "jump",
     "increase", "surge", "climb", "rally", "bump", "boost", "swing", "shift", "turnaround",
     "difference", "improvement", "move"}
)  # fmt: skip
# Points written with a figure are a measure of their own, as a dimension's unit is.
POINT_KINDS: Final = frozenset({"dimension"})


def _point_modifier(tokens: list[Token], k: int) -> bool:
    """'a 10-point lead', 'a 3-point drop': points of a standing or a change written as a
    modifier, a figure still (not "a 10-point plan" or "a three-point shot": a kind)."""
    if k + 2 >= len(tokens) or tokens[k].text not in HYPHENS or not _glued(tokens, k + 1):
        return False
    if tokens[k + 1].low not in POINT_WORDS or _glued(tokens, k + 2):
        return False
    return tokens[k + 2].low in POINT_NOUNS


def _glued_temperature(tokens: list[Token], k: int, value: float) -> str | None:
    """'40C', '104F': a temperature letter against the digits, for a plausible weather or body
    temperature ("777F" is a model's name)."""
    unit = TEMPERATURE_LETTERS.get(tokens[k].text)
    if unit is None or (_glued(tokens, k + 1) and tokens[k + 1].kind in {"word", "num"}):
        return None
    low, high = TEMPERATURE_RANGE
    return unit if low <= value <= high else None


def _glued_pence(tokens: list[Token], k: int, value: float) -> bool:
    """'150p a litre': pence written against the digits."""
    if tokens[k].text != PENCE_LETTER or not 0 < value <= PENCE_MAX:
        return False
    return not (_glued(tokens, k + 1) and tokens[k + 1].kind in {"word", "num"})


class _Cents(NamedTuple):
    value: float
    last: int  # the token after the cents


def _cents_after(text: str, tokens: list[Token], k: int) -> _Cents | None:
    """The cents after an amount of dollars at token k: "50 cents", "and fifty"."""
    if k < len(tokens) and tokens[k].low == "and":
        k += 1
    if k >= len(tokens) or tokens[k].kind not in {"num", "word"}:
        return None
    read = _read_number(text, tokens, k)
    if (
        read is None
        or read.value >= 100
        or read.value != int(read.value)
        or read.shape != "integer"
    ):
        return None
    j = read.last
    if j < len(tokens) and tokens[j].low in {"cents", "cent"}:
        return _Cents(read.value, j + 1)
    if _match_suffix(text, tokens[j - 1].end) is not None:
        return None
    if (
        j < len(tokens)
        and tokens[j].kind in {"word", "num", "abbr"}
        and tokens[j].low not in {"and", "or"}
    ):
        return None  # "10 dollars and 7 U.S. dollars": a figure of its own
    return _Cents(read.value, j)


def _word_start_before(text: str, end: int) -> int:
    """Where the last word of ``text[:end]`` starts ("between" of "between 10 and 15")."""
    k = end
    while k > 0 and text[k - 1].isspace():
        k -= 1
    while k > 0 and not text[k - 1].isspace():
        k -= 1
    return k


def _dash_spacing_even(text: str, start: int, end: int) -> bool:
    """'10-15' and '10 - 15' are ranges; '75 -300mm' is not."""
    between = text[start:end]
    return between[:1].isspace() == between[-1:].isspace()


SHARE_LINK: Final = re.compile(r"\s+(?:in|out\s+of)\s+", re.IGNORECASE)


def _join_shares(text: str, found: list[Quantity]) -> list[Quantity]:
    """'one in three adults', '2 out of 5 voters': a share, as a percentage of the group."""
    if len(found) < 2:
        return found
    out: list[Quantity] = []
    k = 0
    while k < len(found):
        part = found[k]
        whole = found[k + 1] if k + 1 < len(found) else None
        if (
            whole is not None
            and part.kind in {"number", "vague", "pronoun"}  # "only one in five"
            and whole.kind == "number"
            and part.value == int(part.value) >= 1
            and whole.value == int(whole.value) > part.value
            and part.value_max is None
            and whole.value_max is None
            and SHARE_LINK.fullmatch(text, part.end, whole.start)
        ):
            out.append(
                replace(
                    part, end=whole.end, text=text[part.start : whole.end], kind="percent",
                    value=100 * part.value / whole.value, unit="percent",
                    unit_kinds=frozenset({"percent"}), token_last=whole.token_last,
                )
            )  # fmt: skip
            k += 2
            continue
        out.append(part)
        k += 1
    return out


def _scaled_like(low: Quantity, high: Quantity) -> Quantity:
    """'350-375 million', '$10-20bn': the scale written once is the low end's too."""
    if low.scale != 1.0 or high.scale == 1.0 or low.spelled:
        return low
    if low.value * high.scale > high.value:
        return low  # "from 500 to 2 million": the low end is complete
    return replace(low, value=low.value * high.scale, scale=high.scale)


def _a_change(text: str, start: int, head: str, change: frozenset[str]) -> bool:
    """Does 'X to Y' starting at ``start`` tell a change ("rose 10 to 15", "rose from 10 to
    15": a value before and after) rather than a range ("from 10 to 15 people attended")?"""
    verbs = lexicon().sets["change_verbs"]
    if head == "by":  # "rose by 5 percent to 6.2 percent": the verb before "by"
        head = _last_word(text, _word_start_before(text, start))
    if head != "from":
        return head in change or head in verbs  # "lost 120.5 to 26,100"
    words = text[max(0, start - CHANGE_REACH) : _word_start_before(text, start)].lower().split()
    if words and words[-1].endswith(","):
        return True  # "rose by 25 percent in the group, from 2.18 percent to 2.72 percent"
    return any(w.strip(",;") in change or w.strip(",;") in verbs for w in words[-CHANGE_WORDS:])


# How far before "from X to Y" a verb makes it a change ("rose by 37 percent, from ..."):
# in words, and in characters read for them.
CHANGE_WORDS: Final = 5
CHANGE_REACH: Final = 60


def _counts_its_own_noun(tokens: list[Token], low: Quantity, high: Quantity) -> bool:
    """Is the high end a bare count of a noun of its own after a low end with a unit
    ("12% to 3,400 students"), so no end of one range?"""
    if low.unit is None or high.unit is not None or high.token_last >= len(tokens):
        return False
    return _plural_noun_at(tokens, high.token_last)


def _join_ranges(text: str, tokens: list[Token], found: list[Quantity]) -> list[Quantity]:
    """'10 to 15', '10-15', 'between 10 and 15': one figure with ``value_max``."""
    if len(found) < 2:
        return found
    change = lexicon().sets["change_words"]
    out: list[Quantity] = []
    k = 0
    while k < len(found):
        low = found[k]
        if k + 1 < len(found):
            high = found[k + 1]
            link = text[low.end : high.start].strip().lower()
            head = _last_word(text, low.start)
            between = head == "between"
            same_kind = low.kind == high.kind or "number" in {low.kind, high.kind}
            is_range = (
                same_kind
                and low.kind in COUNTED_KINDS
                and high.kind in COUNTED_KINDS
                and high.qualifier == "exact"
                and high.value > low.value
                and (
                    (link in RANGE_DASHES and _dash_spacing_even(text, low.end, high.start))
                    or (link == "to" and not _a_change(text, low.start, head, change))
                    or (link == "and" and between)
                )
            )
            score = link in RANGE_DASHES and low.end == high.start - 1 and high.value <= low.value
            if score and not (low.spelled or high.spelled):
                # "won 2-1", "by 3-2": a score or ratio, not two figures
                out += [replace(low, kind="code"), replace(high, kind="code")]
                k += 2
                continue
            if is_range and _counts_its_own_noun(tokens, low, high):
                is_range = False  # "5 percent to 1,200 schools": a level of other things
            if is_range and (low.unit is None or high.unit is None or low.unit == high.unit):
                low = _scaled_like(low, high)
                start = low.start
                if between:
                    start = _word_start_before(text, low.start)
                out.append(
                    replace(
                        low, start=start, end=high.end, text=text[start : high.end],
                        value_max=high.value, unit=low.unit or high.unit,
                        unit_kinds=low.unit_kinds or high.unit_kinds,
                        token_last=high.token_last,
                        kind=high.kind if low.kind == "number" else low.kind,
                    )
                )  # fmt: skip
                k += 2
                continue
        out.append(low)
        k += 1
    return out
