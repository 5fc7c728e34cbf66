"""Date mentions: find date expressions in body lines and resolve them to calendar dates.

Candidate spans come from our own patterns (fast, bounded: never the whole page), and are
resolved against the article's publication date. Forms our resolver does not know are handed to
dateparser, restricted to the article's language with ``RELATIVE_BASE`` set, one short span at a
time (``search_dates`` on whole pages is slow and can hang). News convention: an ambiguous day
("Friday", "Oct. 2") is the latest such day on or before the reference date.

Modules, each using only those above it:

- ``lexicon``: the date words of ``dates_words.json``; word lists as regex alternations.
- ``patterns``: the English date patterns, what each needs and where its matches begin.
- ``features``: where each kind of date word occurs in a line (which patterns can match).
- ``calendar_math``: Easter, nth weekday of a month, holidays in a year, adding months.
- ``spans``: the ``FoundDate`` and candidate records; choosing non-overlapping spans.
- ``candidates``: the candidate spans of one English line.
- ``resolve``: the date a candidate denotes against the reference date.
- ``other_languages``: spans of other languages, parsed by dateparser.
- ``find``: ``find_dates`` on one line of text.
- ``extract``: ``extract_dates`` on an article, resolving what it fixes without a publication date.
"""

from pipeline.stages.dates.extract import extract_dates
from pipeline.stages.dates.find import find_dates
from pipeline.stages.dates.other_languages import _parse_span
from pipeline.stages.dates.resolve import _dateparser_fallback
from pipeline.stages.dates.spans import FoundDate

# The two caches are reached as ``dates._dateparser_fallback`` and ``dates._parse_span`` by
# bench/claims_speed.py, which clears them between timed passes.
__all__ = ["FoundDate", "_dateparser_fallback", "_parse_span", "extract_dates", "find_dates"]
