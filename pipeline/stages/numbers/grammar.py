"""The number grammar: number words, scales, signs and dashes, and the kinds of figure."""

from __future__ import annotations

import re
from typing import Final, Literal

UNIT_WORDS: Final = {
    "zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9,
}  # fmt: skip
TEEN_WORDS: Final = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS_WORDS: Final = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALE_WORDS: Final = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5,
    "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}  # fmt: skip
# Abbreviated scales written after digits ("$3bn", "10 bln"); these need no case rule.
SCALE_ABBREVIATIONS: Final = {
    "bn": 1e9, "bln": 1e9, "mn": 1e6, "mln": 1e6, "mil": 1e6, "tn": 1e12, "tln": 1e12,
    "trn": 1e12, "MM": 1e6,
}  # fmt: skip
# One-letter scales; "m" means million only after a currency sign ("$3m"), else metres.
SCALE_LETTERS: Final = {"k": 1e3, "K": 1e3, "M": 1e6, "G": 1e9, "B": 1e9, "b": 1e9, "T": 1e12}
DOZEN_WORDS: Final = {"dozen": 12, "dozens": 12, "doz": 12, "dozs": 12}
ORDINAL_WORDS: Final = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1000, "millionth": 1e6, "billionth": 1e9,
}  # fmt: skip
FRACTION_NOUNS: Final = {"half": 2, "halves": 2, "quarter": 4, "quarters": 4}
# Ordinals that never make a fraction on their own ("one second" is a duration).
NON_FRACTION_ORDINALS: Final = {"first", "second"}
ORDINAL_SUFFIXES: Final = {"st", "nd", "rd", "th"}
ARTICLES: Final = {"a", "an"}
SIGN_WORDS: Final = {"minus": -1.0, "negative": -1.0}
FRACTION_LINKS: Final = (("over",), ("out", "of"))
# Words that may follow "one over three" when it is a fraction.
FRACTION_ENDS: Final = frozenset({"is", "are", "and", "or"})
HYPHENS: Final = {"-", "\u2010", "\u2011", "\u2013", "\u2014", "\u2212"}
RANGE_DASHES: Final = {"-", "\u2013", "\u2014", "\u2010", "\u2011"}
SIGN_CHARACTERS: Final = {"-": -1.0, "\u2212": -1.0, "+": 1.0}
# A spaced one-letter scale ("2.33 k") only counts at the end of a phrase.
PHRASE_END: Final = re.compile(r"\s*(?:$|[.,;:!?)\]}])")
# Figures the gold guideline counts; other kinds are kept by parse_quantities(mode="all").
COUNTED_KINDS: Final = frozenset(
    {"number", "percent", "currency", "dimension", "temperature", "fraction"}
)
# Unseparated integers this long are identifiers (tracking codes, phone numbers), not figures.
IDENTIFIER_MIN_DIGITS: Final = 7
# A 4-digit integer in this range is read as a year unless something says it counts.
YEAR_RANGE: Final = (1000, 2100)

Kind = Literal[
    "number", "percent", "currency", "dimension", "temperature", "fraction", "age", "duration",
    "year", "date", "clock", "ordinal", "identifier", "code", "pronoun", "vague",
]  # fmt: skip
Mode = Literal["news", "all"]
# A temperature written with one letter against the digits ("40C", "104F"), only within
# this range of values (weather, bodies, ovens): "777F" is a name.
TEMPERATURE_LETTERS: Final = {"C": "degrees celsius", "F": "degrees fahrenheit"}
TEMPERATURE_RANGE: Final = (-90.0, 140.0)
# Pence written against the digits ("150p a litre"), up to this many.
PENCE_LETTER: Final = "p"
PENCE_MAX: Final = 10_000.0
