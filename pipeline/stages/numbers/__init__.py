"""Numbers stage: every figure in an article's body, with what it counts.

Two layers:

* ``parse_quantities(sentence)`` is lexical and pure: it finds the figures of one piece of
  text (digits with separators and decimals, scales such as "2.5 million" or "$3bn",
  spelled-out numbers and fractions, percentages, money in its written forms ("$1.8M",
  "75 USD million", "USD 75m", "N500m", "Rs. 5 crore"), measures, ranges whose scale is
  written once ("350-375 million"), shares ("one in five")) and classifies each one
  (``kind``: a 4-digit number is a year unless a noun that counts people or events follows;
  "the S&P 500" is a name), with its qualifier ("more than", "about", "up to").
* ``extract_numbers(article)`` keeps the figures the gold guideline counts (no dates, years,
  clock times, durations, ages, ordinals, identifiers or vague magnitudes; a range is two
  records, ``at_least`` its low end and ``at_most`` its high end), finds what each
  one counts (the unit noun, through ellipsis, coordination and gapping, a noun before it
  such as "the death toll rose to 52", or the event for "times"; a spelled share of a group
  is a percentage)
  and derives a ``measure`` key from unit, event and place, so that outlets' figures for the
  same thing share it.

Money, percentages and points take ``[<subject>_]<change | unit[_<topic>]>[_in_<places>]``
instead ("dow_jones_industrial_average_change", "brent_dollars", "percent_white"): their
subject is the clause's ("the Dow ... fell 102.2 points"), shared by a figure linked to the one
before it ("..., or 0.36%"). The measure key of other figures is
``[owner_]<what>[_on_<target>][_in_<places>]``: ``what`` is the unit
normalised through the synonym table (service members, soldiers -> troops) or the event
("killed ... people" -> deaths; "came under attack ... times" -> attacks); ``owner`` is the
country whose figure it is ("American troops", "The US has ..."); ``target`` who an attack
hit ("attacks on US forces"); ``places`` the countries after "in"/"inside"/"throughout"
("the country" resolves to the last place named). All of it comes from the text and the
project's one gazetteer of countries (``pipeline.stages.gazetteer``).

``interval``/``compare`` state the comparison rule that ``sql/views/number_comparison.sql``
applies between outlets (approximate = +-10%).

The grammar is English: an article the cleaner found to be in another language
(``ArticleText.language``) yields no figures, rather than its ages and durations ("3 anos")
read as counts.

Word lists live in ``pipeline/data/numbers_*`` files; the number grammar itself (number
words, scales) is a set of named constants. Only body lines are read, and, for speed, only
the stretches of a sentence around digits and number words are tokenised.

Modules, each using only those above it:

* ``grammar``: the number grammar's constants (number words, scales, signs), ``Kind``, ``Mode``.
* ``lexicon``: the data files, read and compiled once (``lexicon()``).
* ``tokens``: ``tokenize`` and the look-ups on tokens.
* ``links``: links, e-mail addresses and phone numbers, whose digits are no figures.
* ``number_words``: spelled-out numbers and fractions and their values.
* ``units``: the currency or unit written with a figure; letters that make it a code.
* ``reading``: one number read from its first token (digits, scales, fractions, words).
* ``context``: what the words around a number make it (year, date, age...), its qualifier.
* ``quantities``: ``parse_quantities`` and ``Quantity``; ranges.
* ``spots``: sentences, and where in them figures may be (the stretches tokenised).
* ``places``: places named in a text, where a figure is.
* ``subjects``: what money, a percentage or points are about (the clause's subject, a change
  or a level), as their unit says nothing of it.
* ``measures``: what a figure counts, whose it is, and its ``measure_key``.
* ``extract``: ``extract_numbers``, the article layer.
* ``comparison``: ``interval`` and ``compare``, the comparison view's rule.
"""

from pipeline.stages.numbers.comparison import (
    APPROXIMATE_TOLERANCE,
    Interval,
    Verdict,
    compare,
    interval,
)
from pipeline.stages.numbers.extract import extract_numbers
from pipeline.stages.numbers.grammar import COUNTED_KINDS, Kind, Mode
from pipeline.stages.numbers.lexicon import Lexicon
from pipeline.stages.numbers.measures import measure_key
from pipeline.stages.numbers.quantities import Quantity, parse_quantities
from pipeline.stages.numbers.tokens import Token, tokenize

__all__ = [
    "APPROXIMATE_TOLERANCE",
    "COUNTED_KINDS",
    "Interval",
    "Kind",
    "Lexicon",
    "Mode",
    "Quantity",
    "Token",
    "Verdict",
    "compare",
    "extract_numbers",
    "interval",
    "measure_key",
    "parse_quantities",
    "tokenize",
]
