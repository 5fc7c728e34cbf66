"""The cleaner's word scan: words, function words, normalised text and gate words of a line."""

import re
import sys

import pytest

from pipeline.stages.clean import wordscan


def every_character() -> str:
    return "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)


def test_a_word_is_what_re_calls_one():
    scanner = wordscan.Lexicon(["the"], [])
    assert scanner.scan(every_character()).words == len(re.findall(r"\w+", every_character()))


def test_a_scan_reads_words_function_words_norm_and_gates():
    scanner = wordscan.Lexicon(["the"], ["newsletter"])
    scan = scanner.scan("Sign up: the newsletter, the news!")
    assert scan.words == 6
    assert scan.function_words == 2
    assert scan.norm == "Sign up the newsletter the news"
    assert scan.gates == ("newsletter",)
    assert scanner.scan("one two three four", 2) == wordscan.Scan(2, 0, "one two", ())
    counted = scanner.scan_counting("newsletter: the newsletter")
    assert counted == wordscan.CountingScan(3, 1, "newsletter the newsletter", {"newsletter": 2})
    assert scanner.scan_counting("no gate word").gate_counts == {}


def test_bad_arguments_raise():
    scanner = wordscan.Lexicon(["the"], [])
    with pytest.raises(TypeError):
        scanner.scan(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        scanner.scan("text", -1)


def test_joined_words_are_the_norm_of_a_scan():
    scanner = wordscan.Lexicon(["the"], ["newsletter"])
    for line in ["Sign up: the newsletter, the news!", "", "  --  ", "caf\u00e9 \u65e5\u672c 12.5"]:
        assert wordscan.joined_words(line) == scanner.scan(line).norm
