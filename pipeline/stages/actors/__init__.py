"""Actor mentions: find every named actor in an article's body lines, type it, and resolve it.

The engine is rules over gazetteers, chosen for speed and explainability:

1. Each body line is tokenised and split into runs of capitalised tokens ("candidates"),
   joined across connectors only where the name needs them ("Department of Defense"). Only
   the stretches around capitalised words are read, and how such a stretch splits into
   names is computed once per distinct stretch (it recurs within and across articles).
2. Each run is segmented: titles ("Maj. Gen.") become the person's role, demonyms and
   sentence-initial common words are dropped, known names are matched whole.
3. Each candidate is typed by the first rule that fires, in order: a title or role noun
   beside it (person), the curated well-known actors list, countries/places, an acronym
   defined in the article, organisation and place head words, given names, surnames of
   people already named in the article, and the shape of the name.
4. Within the article, surnames resolve to full names and acronyms to their expansion;
   across articles, ``actor_key`` is a normalised identity computed from the mention alone
   (country code, geonames id, curated entry, or surname form plus given-name key),
   so no global clustering pass is needed. The one exception is a person named only by
   surname in an article: ``surname_merges`` joins them, at load, to the one full-name
   person with that surname, if there is exactly one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Final, cast

import regex

from pipeline.ids import stable_id
from pipeline.stages.actors import gazetteers as gaz
from schemas.records import ActorMention, ActorType, ArticleText

# --- tokenising --------------------------------------------------------------------------
# Tokens: dotted abbreviations (U.S.), words with inner apostrophes and hyphens, numbers,
# single punctuation marks.
TOKEN_RE: Final = regex.compile(
    r"(?:\p{Lu}\.){2,}|[\p{L}][\p{L}\p{M}\p{N}'\u2019\-&]*[\p{L}\p{N}]|\p{L}|\d[\d,.]*|\S"
)
# A stretch of a line that may hold names: capitalised words (or "al-Sudani", "U.S."),
# possibly joined by connectors. Only these stretches are tokenised, for speed.
_NAME_WORD: Final = (
    r"(?:\p{Lu}\.){2,}|(?:(?:al|el|ad|as|ash|at|az|an|ar)-)?\p{Lu}[\p{L}\p{M}\p{N}'\u2019&.\-]*"
)
_CONNECTOR_WORDS: Final = (
    "of|for|in|and|on|the|de|du|des|da|di|del|la|le|van|von|der|den|bin|ibn|bint|al|el|y|&"
)
# The lookahead (the first letters of connectors and of name words) only fails faster.
_JOIN: Final = rf"(?=\s+[\p{{Lu}}ofiatdlvbye&])(?:\s+(?:(?:{_CONNECTOR_WORDS})\s+){{0,2}})"
# A region starts at a capital (scanning for "al-" at every "a" and "e" of a line is slow); a
# particle just before it ("al-Sudani") is added by looking back (``_regions``).
_FIRST_NAME_WORD: Final = r"(?:\p{Lu}\.){2,}|\p{Lu}[\p{L}\p{M}\p{N}'\u2019&.\-]*"
# The leading lookahead changes nothing matched but lets the engine skip to capitals fast.
REGION_RE: Final = regex.compile(rf"(?=\p{{Lu}})(?:{_FIRST_NAME_WORD})(?:{_JOIN}(?:{_NAME_WORD}))*")
NAME_PREFIX_RE: Final = regex.compile(r"(?:al|el|ad|as|ash|at|az|an|ar)-")
# The last token before a position (a word, or one punctuation mark), searched backwards.
PREV_TOKEN_RE: Final = regex.compile(r"(?r)([\p{L}\p{N}]+|[^\s\p{L}\p{N}])")
# Punctuation after a word that no token continues over ("said," -> "said").
WORD_END_MARKS: Final = ',.;:!?)"'
CONTEXT_CHARS: Final = 40  # how far back to look for the token or role words before a name
SIMPLE_WORD_RE: Final = regex.compile(r"\p{Lu}\p{Ll}+")  # a region that needs no tokenising
ABBREVIATION_END_RE: Final = regex.compile(r"\p{L}+\.$")
WORD_RE: Final = regex.compile(r"\b\p{L}{2,}\b")
CAPS_PAIR_RE: Final = regex.compile(r"\b\p{Lu}{2,}\b\W{1,3}\p{Lu}{2,}\b")
# "Iran-backed", "U.S.-led": the part before the hyphen is a mention.
HYPHEN_SUFFIXES: Final = frozenset(
    {"led", "backed", "aligned", "linked", "based", "allied", "sponsored", "controlled",
     "funded", "brokered", "run", "owned", "affiliated", "supported", "made", "born",
     "bound", "style", "era"}
)  # fmt: skip
POSSESSIVES: Final = ("'s", "\u2019s")
# Lower-case particles that may begin a name ("al-Sudani", "al-Qaeda").
NAME_PREFIXES: Final = ("al-", "el-", "ad-", "as-", "ash-", "at-", "az-", "an-", "ar-")
SENTENCE_END: Final = frozenset(
    {".", "!", "?", "\u201c", '"', "\u2018", ":", ";", "\u2014", "\u2013", "(", "-", "|"}
)
# A line mostly in capitals is a headline: only names known elsewhere count in it.
SHOUTING_SHARE: Final = 0.6  # share of all-caps words that marks a headline-style line
SHOUTING_PREFIX_CHARS: Final = 200  # judged on the start of the line: headlines are short
MAX_SHOUTED_NAME_TOKENS: Final = 4

# --- joining words into names ---------------------------------------------------------------
# Connectors joined into a name only when the name ends in a head word ("Bank of Canada").
HEAD_CONNECTORS: Final = frozenset({"of", "for"})
# Connectors joined only when the whole result is a known name ("Bosnia and Herzegovina").
KNOWN_ONLY_CONNECTORS: Final = frozenset({"in", "and", "on", "the", "of the", "for the"})
# Connectors always kept inside a name.
NAME_CONNECTORS: Final = frozenset(
    {"&", "de", "du", "des", "da", "di", "del", "la", "le", "van", "von", "der", "den",
     "bin", "ibn", "bint", "al", "el", "y"}
)  # fmt: skip

# --- context words ---------------------------------------------------------------------------
# Words before a place name that show it used as a place (a capital city not standing for its
# government; a town that is the venue, not the team).
LOCATIVE_WORDS: Final = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "around", "into", "over", "downtown",
     "central", "southern", "northern", "eastern", "western", "to", "capital", "city"}
)  # fmt: skip
PLACE_PREPOSITIONS: Final = frozenset({"in", "at", "near"})  # before an unknown word: a place
# Words after a name that show a person speaking.
PERSON_VERBS: Final = frozenset({"said", "says", "told", "added", "wrote", "tweeted", "stated"})
# Verbs after a place name that show it acting as its government ("Tehran wants").
AGENT_VERBS: Final = frozenset(
    {"wants", "has", "had", "will", "would", "could", "should", "must", "can", "may",
     "sent", "says", "said", "denied", "rejected", "warned", "urged", "accused",
     "blamed", "labelled", "labeled", "condemned", "announced", "insists", "agreed"}
)  # fmt: skip
APPOSITION_ARTICLES: Final = frozenset({"a", "an", "the"})
ALIAS_CUES: Final = ("also known as", "known as", "aka", "nicknamed", "dubbed")
ALIAS_CUE_ENDS: Final = tuple(sorted({cue.split()[-1] for cue in ALIAS_CUES}))  # last words
# Honorifics mark a person but say nothing of their function, so they are not a role.
HONORIFICS: Final = frozenset({"Mr.", "Mrs.", "Ms.", "Miss", "Sir", "Dame"})
# Sports results: "Karlsruhe 2 Nice 1", "Surrey v Kent".
SCORE_RE: Final = regex.compile(r"^\d+(?:-\d+)?$")
YEAR_RE: Final = regex.compile(r"^(?:19|20)\d\d$")
DATE_RE: Final = regex.compile(r"^\d{4}-\d\d-\d\d$")
VERSUS_WORDS: Final = frozenset({"v", "vs", "vs.", "v."})
MIN_TEAMS_FOR_SPORTS_ARTICLE: Final = 2

# --- typing ------------------------------------------------------------------------------------
MAX_ACRONYM_LEN: Final = 7
MAX_UNKNOWN_ACRONYM_LEN: Final = 5  # longer all-caps words are shouted words unless known
MAX_PERSON_TOKENS: Final = 4
MAX_KNOWN_NAME_TOKENS: Final = 6  # longest run of words looked up whole in the gazetteers
# Types a lone word may have before it turns out to be the surname of a person named in full
# in the article ("Michael Jordan ... Jordan scored").
SURNAME_OVERRIDABLE: Final = frozenset({"other", "person", "location", "organization", "country"})
# Evidence too weak to keep a name the article also writes in lower case.
WEAK_EVIDENCE: Final = frozenset({"gazetteer place", "family name", "name shape"})

# --- descriptive mentions ------------------------------------------------------------------
# A military coalition: "U.S.-led coalition", "international coalition".
COALITION_RE: Final = regex.compile(
    r"(?:(?P<leader>(?:\p{Lu}\.){2,}|\p{Lu}[\p{L}]+)-led\s+)?"
    r"(?P<mods>(?:(?:international|multinational|military|anti-\p{L}+|global|western)\s+)*)"
    r"(?P<head>[Cc]oalition)\b"
)
ACRONYM_IN_PARENS_RE: Final = regex.compile(r"\s*\((\p{Lu}[\p{Lu}.&-]{1,8})\)")
CLAUSE_END_RE: Final = regex.compile(r"[,;.()\u201c\u201d\"]")
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


@dataclass(slots=True)
class Token:
    """A token of a line; ``text == line[start:end]``."""

    text: str
    start: int
    end: int

    # Written out: compiled, an explicit __init__ is a C call; the one dataclass generates
    # stays interpreted Python (measured: the constructors were 5% of this stage).
    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end


@dataclass(slots=True)
class Candidate:
    """A span that may name an actor, with the context the typing rules read. ``evidence``
    lists, in order, the rules that typed and resolved it (for explaining a decision)."""

    line_no: int
    start: int
    end: int
    text: str
    line: str
    forced_type: str | None = None
    forced_key: str | None = None
    forced_name: str | None = None
    role: str | None = None
    sentence_initial: bool = False
    shouted: bool = False
    alias_of_previous: bool = False
    next_word: str = ""
    prev_word: str = ""
    # Filled in by typing and resolution.
    type: str = ""
    key: str = ""
    name: str = ""
    evidence: list[str] = field(default_factory=list)

    def __init__(  # written out, as Token's
        self,
        line_no: int,
        start: int,
        end: int,
        text: str,
        line: str,
        forced_type: str | None = None,
        forced_key: str | None = None,
        forced_name: str | None = None,
        role: str | None = None,
        sentence_initial: bool = False,
        shouted: bool = False,
        alias_of_previous: bool = False,
        next_word: str = "",
        prev_word: str = "",
        type: str = "",
        key: str = "",
        name: str = "",
        evidence: list[str] | None = None,
    ) -> None:
        self.line_no = line_no
        self.start = start
        self.end = end
        self.text = text
        self.line = line
        self.forced_type = forced_type
        self.forced_key = forced_key
        self.forced_name = forced_name
        self.role = role
        self.sentence_initial = sentence_initial
        self.shouted = shouted
        self.alias_of_previous = alias_of_previous
        self.next_word = next_word
        self.prev_word = prev_word
        self.type = type
        self.key = key
        self.name = name
        self.evidence = [] if evidence is None else evidence


# --- word lists -------------------------------------------------------------------------


@cache
def _titles_by_first_word() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Titles indexed by their first folded word, longest first."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for title, expansion in gaz.titles().items():
        words = tuple(title.split())
        out.setdefault(words[0], []).append((words, expansion))
    for options in out.values():
        options.sort(key=lambda te: -len(te[0]))
    return out


@cache
def _role_nouns() -> frozenset[str]:
    return gaz.word_set("actors_role_nouns.txt")


@cache
def _location_heads() -> frozenset[str]:
    return gaz.word_set("actors_location_heads.txt")


# --- tokenising -------------------------------------------------------------------------


def tokenize(line: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of a line, with possessives and "-led"-style suffixes split off and title
    abbreviations kept with their full stop ("Maj.")."""
    end = len(line) if end is None else end
    raw = [Token(m[0], *m.span()) for m in TOKEN_RE.finditer(line, start, end)]
    out: list[Token] = []
    titles = gaz.titles()
    i = 0
    while i < len(raw):
        tok = raw[i]
        nxt = raw[i + 1] if i + 1 < len(raw) else None
        if (
            nxt is not None
            and nxt.text == "."
            and nxt.start == tok.end
            and (gaz.fold(tok.text + ".") in titles or _is_initial(tok.text, raw, i))
        ):
            out.append(Token(tok.text + ".", tok.start, nxt.end))
            i += 2
            continue
        if "-" in tok.text or tok.text[-2:] in POSSESSIVES:
            out.extend(_split_word(tok))
        else:
            out.append(tok)  # nothing to split off, the common case
        i += 1
    return out


def _is_initial(word: str, raw: list[Token], i: int) -> bool:
    """ "S." in "S. Waugh": one capital letter with a full stop, before a name."""
    return len(word) == 1 and word.isupper() and i + 2 < len(raw) and raw[i + 2].text[:1].isupper()


def _split_word(tok: Token) -> list[Token]:
    """Split a possessive ("Sudani's") or a "-led"-style suffix ("Iran-backed") off a word."""
    text = tok.text
    if len(text) > 2 and text[-2:] in POSSESSIVES and _is_name_like(text):
        return [Token(text[:-2], tok.start, tok.end - 2), Token(text[-2:], tok.end - 2, tok.end)]
    if "-" in text:
        head, _, suffix = text.rpartition("-")
        if suffix.lower() in HYPHEN_SUFFIXES and head and head[0].isupper():
            cut = tok.start + len(head)
            return [Token(head, tok.start, cut), Token(text[len(head) :], cut, tok.end)]
    return [tok]


def _is_name_like(text: str) -> bool:
    """Capitalised, or a capitalised name behind a lower-case particle ("al-Sudani")."""
    if not text or not text[0].isalpha():
        return False
    if text[0].isupper():
        return True
    if "-" not in text[1:4]:
        return False
    low = text.lower()
    return any(low.startswith(p) and len(text) > len(p) and text[len(p)].isupper()
               for p in NAME_PREFIXES)  # fmt: skip


def _is_shouting(line: str) -> bool:
    """A headline in capitals ("SOCCER - JAPAN GET LUCKY WIN")."""
    if not CAPS_PAIR_RE.search(line, 0, SHOUTING_PREFIX_CHARS):
        return False  # no two capitalised words in a row: the common, fast case
    words = WORD_RE.findall(line, 0, SHOUTING_PREFIX_CHARS)
    if len(words) < 2:
        return False
    caps = sum(1 for w in words if w.isupper())
    return caps / len(words) >= SHOUTING_SHARE


# --- candidate finding ------------------------------------------------------------------


@lru_cache(maxsize=1 << 15)
def _known(text: str) -> bool:
    """Whether a curated actor or a place has this name (one set holds both tables' keys)."""
    keys = gaz.known_or_place_keys()
    return "=" + text in keys or gaz.norm_name(text) in keys


def _line_candidates(
    line_no: int, line: str, doc_names: frozenset[str] | None = None
) -> list[Candidate]:
    """Candidates of one line. Only the regions around capitalised words are tokenised
    (most of a line is lower-case words that cannot start a name), for speed. A line in
    capitals is only read with ``doc_names`` (names seen in the article's other lines)."""
    shouting = doc_names is not None
    out: list[Candidate] = []
    stopwords = gaz.word_set("actors_stopwords.txt")
    common = gaz.common_words()
    for start, end in _regions(line):
        word = line[start:end].lower()
        if word in stopwords:
            continue  # "The", "But": by far the most common capitalised words
        if word in common and _at_sentence_start(line, start) and not _known(word):
            continue  # "Still, ..." "Government is ..."
        if doc_names is None:
            out.extend(_region_candidates(line_no, line, start, end))
            continue
        tokens = _region_tokens(line, start, end)
        for a, b in _capitalised_runs(tokens, shouting):
            out.extend(_segment_shouted_run(line_no, line, tokens, a, b, doc_names))
    out.extend(_pattern_candidates(line_no, line))
    return out


def _regions(line: str) -> list[tuple[int, int]]:
    """Spans of the stretches of a line that may hold names: capitalised words (with a name
    particle before the first, "al-Sudani") joined by connectors."""
    spans = [m.span() for m in REGION_RE.finditer(line)]
    if "-" not in line:
        return spans  # no particle: the common case
    out = []
    last_end = 0
    for start, end in spans:
        if start and line[start - 1] == "-":  # a particle ends in a hyphen: "al-Sudani"
            particle = NAME_PREFIX_RE.search(line, max(last_end, start - 4), start)
            if particle is not None and particle.end() == start:
                start = particle.start()
        out.append((start, end))
        last_end = end
    return out


def _region_candidates(line_no: int, line: str, start: int, end: int) -> list[Candidate]:
    """Candidates of one region of a mixed-case line. How a region splits into names depends
    on its own words and on whether it starts a sentence, so that split is computed once per
    distinct region (``_region_plan``) and only placed here; the rare region with a name-like
    word just outside it is segmented in full."""
    prev_word, next_word = _prev_word(line, start), _next_word(line, end)
    if _is_name_like(prev_word) or _is_name_like(next_word):
        prev, nxt = _prev_token(line, start), _next_token(line, end)
        tokens = [prev, *tokenize(line, start, end), nxt]
        out = []
        for a, b in _capitalised_runs(tokens, False):
            run = _segment_run(line_no, line, tokens, a, b, False)
            _add_context(run, line)
            out.extend(run)
        return out
    text = line[start:end]
    initial = prev_word in SENTENCE_END or not prev_word
    out = []
    for runs in _region_plan(text, initial):
        run = [_placed(p, line_no, line, start, prev_word, next_word, end - start) for p in runs]
        _add_context(run, line)
        out.extend(run)
    return out


def _placed(
    planned: PlannedCandidate,
    line_no: int,
    line: str,
    start: int,
    prev_word: str,
    next_word: str,
    length: int,
) -> Candidate:
    """A planned candidate of the region at ``start`` (``length`` characters long) of
    ``line``, its context words being the region's where it touches the region's edges."""
    a, b, text, forced_type, role, initial, shouted, next_inside, prev_inside, evidence = planned
    # Positional arguments, in field order: this runs for every mention of every article.
    return Candidate(
        line_no, start + a, start + b, text, line, forced_type, None, None, role, initial,
        shouted, False, next_word if b == length else next_inside,
        prev_word if a == 0 else prev_inside, "", "", "", list(evidence),
    )  # fmt: skip


# Stand-ins for the words around a region in ``_region_plan``: neither is name-like, and the
# first is a sentence end.
_PLAN_SENTENCE_END: Final = Token(".", -2, -1)
_PLAN_MID_SENTENCE: Final = Token("x", -2, -1)


# A candidate of a region read alone: start, end, text, forced type, role, sentence-initial,
# shouted, next word, previous word, evidence. Plain values only, so that the cache holds no
# objects the garbage collector must scan.
PlannedCandidate = tuple[
    int, int, str, str | None, str | None, bool, bool, str, str, tuple[str, ...]
]


@lru_cache(maxsize=1 << 14)
def _region_plan(text: str, initial: bool) -> tuple[tuple[PlannedCandidate, ...], ...]:
    """The candidates of a region read alone (offsets within ``text``), one tuple per run of
    names. Their context words are filled in where the region occurs."""
    prev = _PLAN_SENTENCE_END if initial else _PLAN_MID_SENTENCE
    words = [Token(text, 0, len(text))] if SIMPLE_WORD_RE.fullmatch(text) else tokenize(text)
    tokens = [prev, *words, Token("x", len(text) + 1, len(text) + 2)]
    return tuple(
        tuple(
            (c.start, c.end, c.text, c.forced_type, c.role, c.sentence_initial, c.shouted,
             c.next_word, c.prev_word, tuple(c.evidence))
            for c in _segment_run(0, text, tokens, a, b, False)
        )
        for a, b in _capitalised_runs(tokens, False)
    )  # fmt: skip


def _at_sentence_start(line: str, start: int) -> bool:
    before = line[max(0, start - 3) : start].rstrip()
    return not before or before[-1] in SENTENCE_END


def _region_tokens(line: str, start: int, end: int) -> list[Token]:
    """Tokens of line[start:end] with one token of context on each side; an empty token
    stands for the start or end of the line."""
    text = line[start:end]
    if SIMPLE_WORD_RE.fullmatch(text):
        inner = [Token(text, start, end)]  # one plain word, the common case
    else:
        inner = tokenize(line, start, end)
    return [_prev_token(line, start), *inner, _next_token(line, end)]


def _prev_word(line: str, start: int) -> str:
    """``_prev_token(line, start).text``, without the regex in the common cases: a plain
    word or one punctuation mark, then at most one space, before ``start``. (Every regex
    white-space character is ``isspace``, so a character that is not is a token.)"""
    if start == 0:
        return ""
    char = line[start - 1]
    if char == " " and start >= 2:
        char = line[start - 2]
        if char.isalnum():
            low = max(0, start - CONTEXT_CHARS)
            space = line.rfind(" ", low, start - 1)
            word = line[space + 1 if space >= 0 else low : start - 1]
            if word.isalnum():
                return word
            return _prev_token(line, start).text
    if char != "." and not char.isalnum() and not char.isspace():
        return char  # "." may end a title abbreviation: the full rule decides
    return _prev_token(line, start).text


def _next_word(line: str, end: int) -> str:
    """``_next_token(line, end).text``, without the regex in the common cases: one space
    then a lower-case ASCII word (maybe followed by punctuation that no token continues
    over), or one punctuation mark, at ``end``."""
    if end == len(line):
        return ""
    char = line[end]
    if char == " ":
        space = line.find(" ", end + 1)
        word = (line[end + 1 : space] if space >= 0 else line[end + 1 :]).rstrip(WORD_END_MARKS)
        if word.isascii() and word.isalpha() and word.islower():
            return word
    elif not char.isalnum() and not char.isspace():
        return char
    return _next_token(line, end).text


def _prev_token(line: str, start: int) -> Token:
    """The token before ``start`` (empty at the start of the line)."""
    last = PREV_TOKEN_RE.search(line, max(0, start - CONTEXT_CHARS), start)
    prev = Token(last.group(1), last.start(1), last.end(1)) if last else Token("", 0, 0)
    if prev.text == "." and last is not None:
        # "Gen." before a name: keep the title abbreviation whole.
        word = ABBREVIATION_END_RE.search(line, max(0, last.end(1) - 12), last.end(1))
        if word and gaz.fold(word.group()) in gaz.titles():
            prev = Token(word.group(), word.start(), word.end())
    return prev


def _next_token(line: str, end: int) -> Token:
    """The token from ``end`` on (empty at the end of the line)."""
    after = TOKEN_RE.search(line, end)
    if after is None:
        return Token("", len(line), len(line))
    return _split_word(Token(after.group(), after.start(), after.end()))[0]


def _capitalised_runs(tokens: list[Token], shouting: bool) -> list[tuple[int, int]]:
    """Maximal [a, b) token ranges of name-like tokens, joined over allowed connectors."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(tokens)
    while i < n:
        if not _is_name_like(tokens[i].text):
            i += 1
            continue
        j = i + 1
        while j < n:
            if _is_name_like(tokens[j].text) and tokens[j].start - tokens[j - 1].end <= 1:
                j += 1
                continue
            # Try joining over one or two connector words.
            joined = _join_connector(tokens, i, j)
            if joined:
                j = joined
                continue
            break
        runs.append((i, j))
        i = j
    return runs


def _join_connector(tokens: list[Token], a: int, j: int) -> int:
    """End of the run if tokens[j:] starts with a connector that may join the name, else 0."""
    n = len(tokens)
    for width in (1, 2):
        if j + width >= n or not _is_name_like(tokens[j + width].text):
            continue
        conn = " ".join(t.text.lower() for t in tokens[j : j + width])
        end = j + width + 1
        while end < n and _is_name_like(tokens[end].text) and tokens[end].text[0].isupper():
            end += 1
        if conn in NAME_CONNECTORS:
            return end
        left_last = tokens[j - 1].text
        if conn in HEAD_CONNECTORS and (
            left_last in gaz.org_heads()
            or gaz.fold(left_last) in _location_heads()
            or gaz.fold(left_last) in gaz.titles()
        ):
            return end
        if conn in KNOWN_ONLY_CONNECTORS | HEAD_CONNECTORS:
            # Accept the shortest known name across the connector.
            for stop in range(j + width + 1, end + 1):
                text = " ".join(t.text for t in tokens[a:stop])
                if _known(text):
                    return stop
    return 0


def _segment_shouted_run(
    line_no: int, line: str, tokens: list[Token], a: int, b: int, doc_names: frozenset[str]
) -> list[Candidate]:
    """In a headline in capitals every word is capitalised, so only names known from a
    gazetteer or from the article's own mixed-case lines count ("ROBERTO DURAN FIGHTS")."""
    out: list[Candidate] = []
    i = a
    while i < b:
        for stop in range(min(b, i + MAX_SHOUTED_NAME_TOKENS), i, -1):
            text = line_text(tokens, i, stop)
            if gaz.fold(text) in doc_names or (
                _known(text) and gaz.fold(text) not in gaz.common_words()
            ):
                out.append(_make(line_no, line, tokens, i, stop, True))
                i = stop
                break
        else:
            i += 1
    return out


def _segment_run(
    line_no: int, line: str, tokens: list[Token], a: int, b: int, shouting: bool
) -> list[Candidate]:
    """Cut one capitalised run into candidates, taking titles off as roles."""
    stopwords = gaz.word_set("actors_stopwords.txt")
    out: list[Candidate] = []
    role_prefix: list[str] = []  # titles read so far, for the name that follows
    titled = False
    modifier = ""  # a country or demonym just before a title: "U.S. President", "Iraqi PM"
    i = a
    while i < b:
        # A known name starting here, longest first (keeps "U.S. Navy" whole).
        stop = _longest_known(tokens, i, b)
        if stop and titled and not _is_major_known(line_text(tokens, i, stop)):
            stop = 0  # after a title comes a person: "President Clinton", not the town
        if stop:
            out.append(_make(line_no, line, tokens, i, stop, shouting))
            modifier = out[-1].text if _is_major_known(out[-1].text) else ""
            i = stop
            continue
        title_end, title = _title_at(tokens, i, b)
        if title_end and title_end < b:
            if not role_prefix and modifier:
                role_prefix.append(modifier)
            if title not in HONORIFICS:
                role_prefix.append(title)
            titled, modifier = True, ""
            i = title_end
            continue
        word = tokens[i].text
        folded = gaz.fold(word)
        initial = _sentence_initial(tokens, i)
        if (
            folded in stopwords
            or (folded in gaz.demonyms() and not _org_head_ends(tokens, i, b))
            or (initial and folded in gaz.common_words() and not _known(word))
            or (len(word) == 1 and not _known(word))
        ):
            modifier = word if folded in gaz.demonyms() else ""
            i += 1
            continue
        # An unknown name: up to the next title or known name.
        j = i + 1
        while j < b and (
            not tokens[j - 1].text[0].isupper()  # a connector binds the next word: "Bank of Canada"
            or (
                not _title_at(tokens, j, b)[0]
                and not _starts_known_inside(tokens, j, b)
                and not (tokens[j].text[0].isupper() and gaz.fold(tokens[j].text) in stopwords)
            )
        ):
            j += 1
        cand = _make(line_no, line, tokens, i, j, shouting)
        if titled:
            cand.forced_type = "person"
            cand.role = " ".join(role_prefix) or None
            cand.evidence.append("title")
            role_prefix, titled = [], False
        modifier = ""
        out.append(cand)
        i = j
    return out


def _org_head_ends(tokens: list[Token], i: int, b: int) -> bool:
    """Whether the run from ``i`` is a name ending in an organisation head ("Sudanese Army"),
    so a demonym at its start belongs to it."""
    return b - i > 1 and tokens[b - 1].text in gaz.org_heads()


def _starts_known_inside(tokens: list[Token], j: int, b: int) -> bool:
    # A place or known actor inside a run starts a new candidate only when it is multiword or
    # an acronym-like country code ("U.S. Navy" is whole, but "John Paris" stays one name).
    stop = _longest_known(tokens, j, b)
    if not stop:
        return False
    if stop - j > 1 or tokens[j].text.isupper():
        return True
    # A country or region ends a name before it ("Lebed Chechnya" is two mentions).
    place = gaz.place_for(tokens[j].text)
    return place is not None and not place.key[4:].isdigit()


def _longest_known(tokens: list[Token], i: int, b: int) -> int:
    text = tokens[i].text
    folded = gaz.fold(text)
    if folded in ("the", "a", "an"):
        return 0  # "The Pentagon": the article is not part of the name.
    longest = min(b, i + MAX_KNOWN_NAME_TOKENS)
    if longest > i + 1 and _may_start_multiword(tokens, i, longest):
        for stop in range(longest, i + 1, -1):
            if _known(line_text(tokens, i, stop)):
                return stop
    # One word.
    if folded in gaz.demonyms() or not _known(text):
        return 0
    if i + 1 < b and not _splits_off(text, tokens[i + 1].text):
        return 0
    return i + 1


def _may_start_multiword(tokens: list[Token], i: int, stop: int) -> bool:
    """Whether tokens[i:stop] may begin a multiword known name: its first word begins one,
    or a word after it vanishes when normalised ("Gil de" normalises to one word)."""
    first = gaz.name_tokens(tokens[i].text)
    if not first or first[0] in gaz.multiword_first_words():
        return True
    return any(not gaz.name_tokens(t.text) for t in tokens[i + 1 : stop])


@lru_cache(maxsize=1 << 15)
def _is_major_known(text: str) -> bool:
    """Countries and curated actors, which a title can precede ("U.S. President")."""
    if _lookup_known(text):
        return True
    place = gaz.place_for(text)
    return place is not None and place.type == "country"


def _splits_off(word: str, next_word: str) -> bool:
    """Whether a known single word at the start of a longer run is a name of its own:
    countries and known actors are ("U.S. Navy" aside, which is known whole), cities and
    given names before another name are not ("Abu Mahdi", "Jordan Henderson")."""
    if _is_acronym(word):
        return True  # "ISIS Returns", "U.S. Marines"
    if gaz.fold(word) in gaz.given_names() or not _is_name_like(next_word):
        return False
    place = gaz.place_for(word)
    if place is not None:
        return place.type == "country"
    return True


def line_text(tokens: list[Token], i: int, j: int) -> str:
    if j == i + 1:
        return tokens[i].text  # one token, the common case
    return " ".join([t.text for t in tokens[i:j]])


def _title_at(tokens: list[Token], i: int, b: int) -> tuple[int, str]:
    for words, expansion in _titles_by_first_word().get(gaz.fold(tokens[i].text), ()):
        k = len(words)
        if i + k <= b and tuple(gaz.fold(t.text) for t in tokens[i : i + k]) == words:
            return i + k, expansion
    return 0, ""


def _sentence_initial(tokens: list[Token], i: int) -> bool:
    return i == 0 or tokens[i - 1].text in SENTENCE_END or not tokens[i - 1].text


def _make(
    line_no: int, line: str, tokens: list[Token], i: int, j: int, shouting: bool
) -> Candidate:
    start, end = tokens[i].start, tokens[j - 1].end
    text = line[start:end]
    # Positional arguments, in field order.
    return Candidate(
        line_no, start, end, text, line, None, None, None, None, _sentence_initial(tokens, i),
        shouting or (text.isupper() and j - i > 1), False,
        tokens[j].text if j < len(tokens) else "", tokens[i - 1].text if i > 0 else "",
    )  # fmt: skip


def _add_context(cands: list[Candidate], line: str) -> None:
    """Role nouns before a name ("top commander X") and alias cues ("also known as X")."""
    if not cands:
        return
    first = cands[0]
    word_before = first.prev_word.lower()
    if (
        len(word_before) < CONTEXT_CHARS // 2
        and not word_before.endswith(ALIAS_CUE_ENDS)
        and word_before not in _role_nouns()
    ):
        return  # the common case: neither cue can end just before the name
    written = line[max(0, first.start - CONTEXT_CHARS) : first.start].rstrip()
    before = written.lower()
    if before.endswith(ALIAS_CUES):
        first.alias_of_previous = True
        first.forced_type = first.forced_type or "person"
    prev_words = before.split()[-3:]
    if (
        prev_words
        and prev_words[-1] in _role_nouns()
        and first.forced_type is None
        and len(first.text.split()) >= 2
        and not _known(first.text)
    ):
        first.forced_type = "person"
        first.evidence.append("role noun before")
        # The role noun with the modifiers just before it: "slain Iranian general".
        role_words = written.split()[-len(prev_words) :]
        start = len(role_words) - 1
        while start > 0 and (
            role_words[start - 1].lower() in gaz.word_set("actors_role_modifiers.txt")
            or gaz.fold(role_words[start - 1]) in gaz.demonyms()
        ):
            start -= 1
        first.role = " ".join(role_words[start:])


def _pattern_candidates(line_no: int, line: str) -> list[Candidate]:
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


# --- typing -----------------------------------------------------------------------------


@lru_cache(maxsize=1 << 14)
def _is_acronym(text: str) -> bool:
    letters = text.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= MAX_ACRONYM_LEN and letters.isupper() and letters.isalpha()


@lru_cache(maxsize=1 << 15)
def _lookup_known(text: str) -> gaz.KnownActor | None:
    by_norm, by_skel = gaz.known_actors()
    hit = gaz.find(by_norm, text)
    if hit is None and not gaz.is_acronym_like(text) and len(gaz.norm_name(text)) > 4:
        hit = by_skel.get(gaz.skeleton(text))
    return hit


def _type_by_rules(c: Candidate) -> None:
    """Type one candidate from its own text and immediate context (first rule wins)."""
    text = c.text
    if c.forced_type:
        c.type = c.forced_type
        c.key = c.forced_key or ""
        c.name = c.forced_name or ""
        return
    known = _lookup_known(text)
    if known:
        c.type, c.key, c.name = known.type, known.key, known.name
        c.evidence.append("known actor")
        return
    place = gaz.place_for(text)
    if place:
        c.type, c.key, c.name = place.type, place.key, place.name
        c.evidence.append("gazetteer place")
        return
    words = text.split()
    # "Ministry of Oil": the head is the word before "of".
    last = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    head_type = gaz.org_heads().get(last) or gaz.org_heads().get(last.rstrip("."))
    if head_type and len(words) > 1:
        c.type = head_type
        c.evidence.append(f"head word {last}")
        if head_type == "armed_group" and (
            gaz.fold(words[0]) in gaz.demonyms() or _is_major_known(words[0])
        ):
            # "Sudanese Army", "Iraqi Security Forces": a state's forces, not a militia.
            c.type = "government_body"
            c.evidence.append("national forces")
        return
    if len(words) > 1 and (
        gaz.fold(last) in _location_heads() or gaz.fold(words[0]) in _location_heads()
    ):
        c.type = "location"
        c.evidence.append("place head word")
        city = gaz.place_for(words[0])
        if gaz.fold(last) in AIRPORT_WORDS and city is not None and city.type == "location":
            c.key = f"airport:{city.key}"  # "Baghdad International Airport" = "Baghdad airport"
        return
    if _is_acronym(text):
        if gaz.fold(text) in gaz.common_words() or len(text) > MAX_UNKNOWN_ACRONYM_LEN:
            c.type = "other"  # "UPDATE", "BREAKING": a shouted word, not an acronym
            c.evidence.append("shouted word")
            return
        c.type = "organization"
        c.evidence.append("acronym")
        return
    if gaz.fold(words[-1]) in _event_heads() or gaz.fold(text) in gaz.demonyms():
        c.type = "other"
        c.evidence.append("event or demonym, not an actor")
        return
    first = gaz.fold(words[0])
    if 2 <= len(words) <= MAX_PERSON_TOKENS and first in gaz.given_names():
        c.type = "person"
        c.evidence.append("given name")
        return
    if (c.next_word in PERSON_VERBS and (not c.sentence_initial or _known_surname(c.text))) or (
        _apposition_role(c)
    ):
        c.type = "person"
        c.evidence.append("speech verb or apposition")
        return
    if "&" in words:
        c.type = "organization"
        c.evidence.append("ampersand")
        return
    if len(words) > 1 and any(_is_major_place(w) for w in words):
        # "Real Madrid", "Air France": a name built on a place is an organisation's.
        c.type = "organization"
        c.evidence.append("place inside a name")
        return
    if (
        2 <= len(words) <= MAX_PERSON_TOKENS
        and _is_name_like(last)
        and not any(gaz.fold(w) in gaz.common_words() or _has_digit(w) for w in words)
    ):
        # Two to four capitalised words, none an English word: "Yehia Rasool".
        c.type = "person"
        c.evidence.append("name shape")
        return
    if len(words) == 1:
        _type_single_word(c)
        return
    c.type = "other"


@lru_cache(maxsize=1 << 15)
def _is_major_place(word: str) -> bool:
    """Countries, regions and capitals: places too prominent to be a family name."""
    place = gaz.place_for(word)
    return place is not None and (
        place.type == "country" or place.is_capital or not place.key[4:].isdigit()
    )


def _has_digit(word: str) -> bool:
    return any(ch.isdigit() for ch in word)


def _known_surname(text: str) -> bool:
    """A family name from the name lists that is no English word: "Ryder said" opening a
    sentence is a person, "Officials said" is not."""
    folded = gaz.fold(text)
    return folded in gaz.surnames() and folded not in gaz.common_words()


def _type_single_word(c: Candidate) -> None:
    """An unknown single capitalised word: a family name, or a place after "in"/"at"."""
    if c.prev_word.lower() in PLACE_PREPOSITIONS:
        c.type = "location"
        c.evidence.append("after a place preposition")
    elif gaz.fold(c.text) in gaz.surnames() and not c.sentence_initial:
        c.type = "person"
        c.evidence.append("family name")
    else:
        c.type = "other"


@cache
def _event_heads() -> frozenset[str]:
    return gaz.word_set("actors_event_heads.txt")


def _apposition_role(c: Candidate) -> str | None:
    """ ", the Pentagon's press secretary," after a name -> its role."""
    if not c.line.startswith(", ", c.end):
        return None
    # The clause up to its end; slicing the rest of a long line for every name would make
    # the stage quadratic in line length.
    stop = CLAUSE_END_RE.search(c.line, c.end + 2)
    clause = c.line[c.end + 2 : stop.start() if stop else len(c.line)].strip()
    words = clause.split()
    if not words or len(words) > 8 or words[0].lower() not in APPOSITION_ARTICLES:
        return None
    if any(gaz.fold(w.rstrip("'s\u2019")) in _role_nouns() for w in words[1:]):
        return clause
    return None


# --- resolution within the article -------------------------------------------------------


@lru_cache(maxsize=1 << 14)
def _surname(text: str) -> str:
    toks = [t for t in gaz.name_tokens(text) if t not in {"jr", "sr", "ii", "iii"}]
    return gaz.surname_form(toks[-1]) if toks else ""


def _same_surname(word: str, full_name: str) -> bool:
    """ "Sudani" and "al-Sudani" name the same family; "Carsonian" and "Carson" do not,
    though their skeletons agree: spellings may differ by one letter at most."""
    a, b = gaz.name_tokens(word), gaz.name_tokens(full_name)
    if not a or not b:
        return False
    return a[-1] == b[-1] or abs(len(a[-1]) - len(b[-1])) <= 1


@lru_cache(maxsize=1 << 14)
def _person_key(full_name: str) -> str:
    """ "person:<surname form>:<given-name initial>"; religious and honorific words before
    the given name ("Sayyed Razi Mousavi") are skipped, as outlets drop them."""
    toks = gaz.name_tokens(full_name)
    while len(toks) > 2 and toks[0] in gaz.word_set("actors_name_honorifics.txt"):
        toks = toks[1:]
    if len(toks) < 2:
        return f"person:{_surname(full_name)}:"
    return f"person:{_surname(full_name)}:{gaz.given_name_key(toks[0])}"


def _clean_name(text: str) -> str:
    return text[:-2] if text[-2:] in ("'s", "\u2019s") else text


def _resolve_people(cands: list[Candidate]) -> None:
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
        matches = [f for f in full.get(sur, ()) if _same_surname(c.text, f.text)] if single else []
        if matches and c.type in SURNAME_OVERRIDABLE:
            # The most recent full name before this mention, else the first one.
            earlier = [f for f in matches if (f.line_no, f.start) < (c.line_no, c.start)]
            target = earlier[-1] if earlier else matches[0]
            c.type = "person"
            c.name = _longest_name(full, sur, target, best_names)
            c.key = _person_key(c.name)
            c.evidence.append("surname of a person in the article")
        elif single and sur in titled and c.type in ("other", "location", "organization"):
            c.type, c.name, c.key = "person", _clean_name(c.text), _person_key(c.text)
            c.evidence.append("surname of a titled person in the article")
        elif c.type == "person":
            if single:
                c.name = _clean_name(c.text)
                c.key = _person_key(c.text)
            else:
                c.name = _longest_name(full, sur, c, best_names)
                c.key = _person_key(c.name)
        if c.type == "person":
            last_person = c


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
        return _clean_name(target.text)
    by_key = best_names.get(sur)
    if by_key is None:
        by_key = best_names[sur] = _longest_names_by_key(full[sur])
    name = by_key.get(_person_key(target.text))
    return _clean_name(target.text) if name is None else name


def _longest_names_by_key(group: list[Candidate]) -> dict[str, str]:
    """Person key -> the name of the group's longest full name with that key (the earliest
    line among equals, then the first in the group)."""
    best: dict[str, tuple[tuple[int, int], str]] = {}
    for g in group:
        key = _person_key(g.text)
        score = (len(gaz.name_tokens(g.text)), -g.line_no)
        if key not in best or score > best[key][0]:
            best[key] = (score, g.text)
    return {key: _clean_name(text) for key, (_, text) in best.items()}


def _resolve_acronyms(cands: list[Candidate]) -> None:
    """ "Popular Mobilisation Forces (PMF)": the acronym and its expansion are one actor; a
    bare acronym also matches any article name whose initials spell it."""
    acronyms = [_is_acronym(c.text) for c in cands]
    if not any(acronyms):
        return  # nothing to resolve
    by_acr: dict[str, Candidate] = {}
    for c, is_acronym in zip(cands, acronyms, strict=True):
        if is_acronym:
            continue
        m = ACRONYM_IN_PARENS_RE.match(c.line, c.end) if "(" in c.line else None
        if m:
            by_acr.setdefault(m.group(1).replace(".", ""), c)
        if c.type not in ("person", "other"):
            initials = _initials(c.text)
            if len(initials) >= 2:
                by_acr.setdefault(initials, c)
    for c, is_acronym in zip(cands, acronyms, strict=True):
        if not is_acronym:
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
            c.type, c.key, c.name = long.type, long.key, long.name or _clean_name(long.text)
            c.evidence.append("acronym of a name in the article")


@lru_cache(maxsize=1 << 14)
def _initials(text: str) -> str:
    """ "Kurdistan Democratic Party" -> "KDP" (function words skipped)."""
    return "".join(w[0] for w in gaz.name_tokens(text) if w not in {"of", "for", "and"}).upper()


def _resolve_capitals(cands: list[Candidate]) -> None:
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


def _resolve_teams(cands: list[Candidate]) -> None:
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


def _resolve_coalitions(cands: list[Candidate]) -> None:
    """Generic coalition mentions join the article's led coalition, if it names one."""
    coalitions = [c for c in cands if c.key.startswith("coalition:")]
    if not coalitions:
        return  # the common case; without a led coalition nothing else changes either
    led = [c for c in coalitions if c.key != "coalition:"]
    counts: dict[str, int] = {}  # a plain dict: Counter's set-up costs more than the count
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


def _default_keys(cands: list[Candidate]) -> None:
    for c in cands:
        if not c.name:
            c.name = (
                _clean_name(c.text)
                if not c.text.isupper() or _is_acronym(c.text)
                else (c.text.title())
            )
        if not c.key:
            group = (
                "org" if c.type in ("organization", "government_body", "armed_group") else c.type
            )
            c.key = f"{group}:{gaz.norm_name(c.name)}"


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    """Drop a candidate covered by a longer pattern candidate unless it names a country or a
    known actor of its own ("U.S." inside "U.S.-led coalition" stays)."""
    patterns = [c for c in cands if c.forced_key]
    pattern_lines = {p.line_no for p in patterns}
    out = []
    # Sorting puts equal spans next to each other, so a span was kept before iff it is the
    # last one kept.
    last_kept = (0, -1, -1)
    for c in sorted(cands, key=lambda c: (c.line_no, c.start, c.start - c.end)):
        span = (c.line_no, c.start, c.end)
        if span == last_kept:
            continue
        covered = c.line_no in pattern_lines and any(
            p is not c and p.line_no == c.line_no and p.start <= c.start and c.end <= p.end
            for p in patterns
        )
        if covered and not c.forced_key and not c.key.startswith(("country:", "kb:", "loc:")):
            continue
        last_kept = span
        out.append(c)
    return out


# --- public API --------------------------------------------------------------------------


def canonical_actor_key(name: str, type: str) -> str:
    """The cross-article key of an actor given its canonical name and type."""
    c = Candidate(0, 0, len(name), name, name)
    _type_by_rules(c)
    if type == "person":
        return _person_key(name)
    if c.key:
        return c.key
    group = "org" if type in ("organization", "government_body", "armed_group") else type
    return f"{group}:{gaz.norm_name(name)}"


def surname_merges(person_keys: Iterable[str]) -> dict[str, str]:
    """Across articles, a person named by surname alone is the one full-name person who has
    that surname, if there is exactly one.

    An article that only writes "Ryder said" keys its person "person:<surname form>:" (no given
    name); when exactly one full-name key shares that surname form ("person:<form>:<given>"),
    the surname-only key is that person. Two full-name people sharing the surname leave it
    ambiguous, so it stays apart. Returns surname-only key -> full-name key.
    """
    full: dict[str, set[str]] = {}
    bare: list[str] = []
    for key in person_keys:
        kind, _, rest = key.partition(":")
        if kind != "person":
            continue
        surname, _, given = rest.partition(":")
        if given:
            full.setdefault(surname, set()).add(key)
        elif surname:
            bare.append(key)
    merges = {}
    for key in bare:
        candidates = full.get(key.split(":")[1], set())
        if len(candidates) == 1:
            merges[key] = next(iter(candidates))
    return merges


def find_candidates(article: ArticleText) -> list[Candidate]:
    """Typed and resolved candidates of an article (before conversion to records)."""
    cands: list[Candidate] = []
    shouted: list[tuple[int, str]] = []
    for line_no, line in article.body_lines():
        if _is_shouting(line):
            shouted.append((line_no, line))
        else:
            cands.extend(_line_candidates(line_no, line))
    for c in cands:
        _type_by_rules(c)
    if shouted:
        doc_names = _doc_names([c for c in cands if c.type != "other"])
        for line_no, line in shouted:
            cands.extend(_line_candidates(line_no, line, doc_names))
        for c in cands:
            if not c.type or (c.type == "other" and not c.evidence):
                _type_by_rules(c)
        cands.sort(key=lambda c: (c.line_no, c.start))
    _drop_common_words(cands, article)
    _resolve_acronyms(cands)
    _resolve_people(cands)
    _resolve_teams(cands)
    cands = [c for c in cands if c.type != "other" or _kept_other(c)]
    _resolve_capitals(cands)
    _resolve_coalitions(cands)
    _default_keys(cands)
    for c in cands:
        if c.type == "person":
            # A title before the name and a description after it are both its role.
            roles = [r for r in (c.role, _apposition_role(c)) if r]
            c.role = ", ".join(roles) or None
    return _dedupe(cands)


def _drop_common_words(cands: list[Candidate], article: ArticleText) -> None:
    """Weakly typed names that the article itself also writes in lower case are ordinary
    words: "Come" starting a sentence is not the town of Comé, nor "Biggest Blow" a person."""
    text: str | None = None
    for c in cands:
        if not c.evidence or c.evidence[0] not in WEAK_EVIDENCE:
            continue
        words = c.text.split()
        if c.evidence[0] == "gazetteer place" and (
            c.type != "location" or len(words) > 1 or not c.sentence_initial
        ):
            continue  # only a town name opening a sentence can be an ordinary word
        if text is None:
            text = "\n".join(line for _, line in article.body_lines())
        if any(_written_lower(w.lower(), text) for w in words):
            c.type = "other"
            c.evidence.append("written in lower case elsewhere in the article")


def _written_lower(word: str, text: str) -> bool:
    """Whether ``word`` (lower case) occurs in ``text`` as a whole word."""
    at = text.find(word)
    while at != -1:
        end = at + len(word)
        if (at == 0 or not text[at - 1].isalpha()) and (
            end == len(text) or not text[end].isalpha()
        ):
            return True
        at = text.find(word, at + 1)
    return False


def _kept_other(c: Candidate) -> bool:
    """An untyped candidate is still an actor when a gazetteer names it ("X") or when it is
    an acronym; events and demonyms are not actors."""
    return "known actor" in c.evidence or (_is_acronym(c.text) and not c.evidence)


def _doc_names(cands: list[Candidate]) -> frozenset[str]:
    """Folded names found in mixed-case lines, and the surnames of multiword ones."""
    names: set[str] = set()
    for c in cands:
        folded = gaz.fold(_clean_name(c.text))
        names.add(folded)
        words = folded.split()
        if len(words) > 1 and words[-1] not in gaz.common_words():
            names.add(words[-1])
    return frozenset(names)


def preload_gazetteers() -> None:
    """Load every gazetteer now (about a second) rather than on the first article."""
    gaz.known_actors()
    gaz.places()
    gaz.multiword_first_words()
    gaz.known_or_place_keys()
    gaz.given_names()
    gaz.surnames()
    gaz.demonyms()
    gaz.titles()
    gaz.org_heads()


def extract_actor_mentions(article: ArticleText) -> list[ActorMention]:
    """Every mention of a named actor in the article's body lines, resolved."""
    out = []
    actor_ids: dict[str, str] = {}  # an article names its few actors many times
    for c in find_candidates(article):
        actor_id = actor_ids.get(c.key)
        if actor_id is None:
            actor_id = actor_ids[c.key] = stable_id("actor", c.key)
        out.append(
            ActorMention(
                article_id=article.article_id,
                line_no=c.line_no,
                start=c.start,
                end=c.end,
                text=c.text,
                actor_id=actor_id,
                actor_key=c.key,
                name=c.name,
                type=cast(ActorType, c.type),  # every kept candidate is typed; pydantic checks
                role=c.role,
            )
        )
    return out
