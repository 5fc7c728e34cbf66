"""The page's language: by script for CJK and Thai, else by a vote of the function words
of jusText's stoplists."""

from __future__ import annotations

import heapq
import re
from collections import defaultdict
from functools import cache, lru_cache
from operator import itemgetter
from typing import Final

from pipeline.stages.clean.data import LANGUAGES
from pipeline.stages.clean.lines import scanner_for
from pipeline.stages.clean.page import Page
from pipeline.stages.clean.wordscan import WORD, Lexicon

# Function-word language guess looks at this many tokens of the page's longest lines.
LANGUAGE_SAMPLE_TOKENS: Final = 400
# A language guess needs this share of sampled tokens in its stoplist.
LANGUAGE_MIN_SHARE: Final = 0.12
LANGUAGE_SAMPLE_LINES: Final = 12
LANGUAGE_OVER_ENGLISH: Final = 1.5
# Share of English function words that marks a page English without a vote (other languages'
# text stays below 0.2, English prose is above 0.3).
ENGLISH_FAST_SHARE: Final = 0.35

# A letter of Hangul, kana, CJK or Thai: pages in those scripts are told by script.
_ANY_SCRIPT_LETTER: Final = re.compile(r"[\uac00-\ud7af\u3040-\u30ff\u4e00-\u9fff\u0e00-\u0e7f]")
_LETTER_SCRIPT_LANG: Final = [
    (re.compile(r"[\uac00-\ud7af]"), "ko"),
    (re.compile(r"[\u3040-\u30ff]"), "ja"),
    (re.compile(r"[\u4e00-\u9fff]"), "zh"),
    (re.compile(r"[\u0e00-\u0e7f]"), "th"),
]


class StoplistError(RuntimeError):
    """jusText has no usable stoplist for a language of pipeline/data/clean_languages.json."""


@cache
def _stoplist_index() -> dict[str, tuple[str, ...]]:
    """Function word -> the ISO codes of the languages that use it (from jusText's stoplists).
    Every language of the data file must have a stoplist: without one, its pages would all
    be read as English."""
    import justext  # a dependency of trafilatura; imported lazily, it is only needed here

    index: dict[str, list[str]] = {}
    for name, code in LANGUAGES.items():
        try:
            words = justext.get_stoplist(name)
        except (ValueError, KeyError, OSError, UnicodeDecodeError) as exc:
            raise StoplistError(f"no stoplist for {name} ({code}): {exc}") from exc
        if not words:
            raise StoplistError(f"the stoplist for {name} ({code}) is empty")
        # The stoplists come from Wikipedia and carry English words into languages of other
        # scripts (Marathi, Korean, ...): keep only words in the list's main script.
        ascii_share = sum(w.isascii() for w in words) / len(words)
        words = [w.lower() for w in words if WORD.fullmatch(w)]
        for word in words:
            if ascii_share >= 0.5 or not word.isascii():
                index.setdefault(word, []).append(code)
    return {w: tuple(codes) for w, codes in index.items()}


@cache
def _stoplist_scanner() -> Lexicon:
    """A word scan whose gate words are the function words of every language."""
    return Lexicon((), _stoplist_index())


@lru_cache(maxsize=128)
def stopwords_for(language: str) -> frozenset[str]:
    """The function words of a language (ISO 639-1), empty when it has no stoplist."""
    return frozenset(w for w, codes in _stoplist_index().items() if language in codes)


def detect_language(lines: list[str]) -> str:
    """ISO 639-1 code of the page's language: by script for CJK and Thai, else by function words.

    Looks at the longest lines only (prose, not menus), so boilerplate in another language
    (English share bars on a German page) does not sway it.
    """
    return page_language(Page(lines))


def page_language(page: Page) -> str:
    """detect_language of a page."""
    lines = page.lines
    sample_rows = _longest_rows([len(line) for line in lines], LANGUAGE_SAMPLE_LINES)
    sample = " ".join([lines[i] for i in sample_rows])
    letters = len(sample) - sample.count(" ") or 1
    if _ANY_SCRIPT_LETTER.search(sample) is not None:
        for pattern, code in _LETTER_SCRIPT_LANG:
            if len(pattern.findall(sample)) > 0.3 * letters:
                return code
    # Lower-cased line by line: a space ends any casing context (the Greek final sigma) just
    # as it does in the joined text, and stripping them drops no word.
    lower = " ".join([page.lowered[i] for i in sample_rows])
    scan = scanner_for(stopwords_for("en")).scan(lower, LANGUAGE_SAMPLE_TOKENS)
    words, english = scan.words, scan.function_words
    # Most pages are English: a high share of English function words settles it at once.
    if not words or english >= ENGLISH_FAST_SHARE * words:
        return "en"
    index = _stoplist_index()
    # How often the sample uses each function word of any language, in order of first use.
    counts = _stoplist_scanner().scan_counting(lower, LANGUAGE_SAMPLE_TOKENS).gate_counts
    votes: defaultdict[str, float] = defaultdict(float)
    hits = 0
    for token, count in counts.items():
        codes = index[token]
        hits += count
        # A word shared by many stoplists says little; one that few languages use says a lot.
        for code in codes:
            votes[code] += count / len(codes)
    if not votes:
        return "en"
    code, score = max(votes.items(), key=itemgetter(1))  # the first of any tie, as most_common
    if hits < LANGUAGE_MIN_SHARE * words:
        return "en"
    # Wikipedia-made stoplists of many languages contain English words: English wins unless
    # another language clearly beats it.
    return code if score > LANGUAGE_OVER_ENGLISH * votes.get("en", 0.0) else "en"


def _longest_rows(lengths: list[int], count: int) -> list[int]:
    """Indexes of the ``count`` largest lengths, largest first and earlier first among equals."""
    return heapq.nlargest(count, range(len(lengths)), key=lengths.__getitem__)
