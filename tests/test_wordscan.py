"""The cleaner's word scan: words, function words, normalised text and gate words of a line."""

import re
import sys

import pytest

from pipeline.stages.clean import wordscan
from pipeline.stages.clean.language import _ANY_SCRIPT_LETTER, _THAI_BLOCK, _holds_script_letter
from pipeline.stages.clean.lines import CJK, FIRST_CJK


def every_character() -> str:
    return "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)


def test_a_word_is_what_re_calls_one():
    scanner = wordscan.PythonLexicon(["the"], [])
    assert scanner.scan(every_character())[0] == len(re.findall(r"\w+", every_character()))


def test_a_scan_reads_words_function_words_norm_and_gates():
    scanner = wordscan.PythonLexicon(["the"], ["newsletter"])
    assert scanner.scan("Sign up: the newsletter, the news!") == (
        6,
        2,
        "Sign up the newsletter the news",
        ("newsletter",),
    )
    assert scanner.scan("one two three four", 2) == (2, 0, "one two", ())
    counted = scanner.scan("newsletter: the newsletter", None, True)
    assert counted == (3, 1, "newsletter the newsletter", {"newsletter": 2})
    assert scanner.scan("no gate word", None, True)[3] == {}


def test_bad_arguments_raise():
    scanner = wordscan.PythonLexicon(["the"], [])
    with pytest.raises(TypeError):
        scanner.scan(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        scanner.scan("text", -1)


@pytest.mark.parametrize("low", [0, 1, 0x7F, 0x80, 0xFF, 0x100, 0x0E00, 0x3040, 0xFFFF, 0x10000])
def test_holds_char_from_finds_a_character_at_or_above_low(low):
    texts = ["", "plain", "caf\u00e9", "\u201cquoted\u201d", "\u65e5\u672c", "emoji \U0001f600"]
    texts += [chr(c) for c in (0x7F, 0x80, 0xFF, 0x100, 0x0DFF, 0x0E00, 0x303F, 0x3040)]
    for text in texts:
        expected = any(ord(ch) >= low for ch in text)
        assert wordscan.holds_char_from(text, low) == expected, (text, low)


@pytest.mark.parametrize(("low", "high"), [(0, 0), (0x0E00, 0x0E7F), (0x80, 0x7F), (-5, 0x41)])
def test_holds_char_from_finds_a_character_in_a_range(low, high):
    texts = ["", "plain", "caf\u00e9", "\u201cquoted\u201d", "\u0e44\u0e17\u0e22", "\x00"]
    texts += [chr(c) for c in (0x41, 0x0DFF, 0x0E00, 0x0E7F, 0x0E80, 0x10FFFF)]
    for text in texts:
        expected = any(low <= ord(ch) <= high for ch in text)
        assert wordscan.holds_char_from(text, low, high) == expected, (text, low, high)


def test_the_wide_character_thresholds_lie_below_every_character_their_regexes_seek():
    below_cjk = "".join(chr(c) for c in range(FIRST_CJK))
    assert CJK.search(below_cjk) is None
    low, high = _THAI_BLOCK
    outside = "".join(chr(c) for c in range(FIRST_CJK) if not low <= c <= high)
    assert _ANY_SCRIPT_LETTER.search(outside) is None
    assert not _holds_script_letter("\u201cquoted\u201d \u2014 dashed")
    assert _holds_script_letter("\u0e44\u0e17\u0e22") and _holds_script_letter("\u65e5")
