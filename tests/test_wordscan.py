"""The C word scan gives what its Python twin gives, on real pages and on every character."""

import re
import sys
from pathlib import Path

import pytest

from pipeline import clean, wordscan

RAW = Path(__file__).resolve().parent.parent / "raw"
FUNCTION_WORDS = clean.stopwords_for("en") | clean.stopwords_for("de") | clean.stopwords_for("ru")
GATE_WORDS = clean._ALL_GATE_WORDS

# test_native checks that the install built it; plain-Python runs have nothing to compare.
pytestmark = pytest.mark.skipif(
    wordscan.NativeLexicon is None,
    reason="the C word scan is not in use (NEWSFACTS_PURE_PYTHON, or a stale or absent build)",
)


@pytest.fixture(scope="module")
def scanners():
    native = wordscan.NativeLexicon(FUNCTION_WORDS, GATE_WORDS)
    return native, wordscan.PythonLexicon(FUNCTION_WORDS, GATE_WORDS)


def every_character() -> str:
    return "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)


def sample_lines() -> list[str]:
    pages = [path.read_text(encoding="utf-8") for path in sorted(RAW.glob("*.txt"))]
    lines = [ln.strip() for page in pages for ln in page.split("\n")]
    return lines + [ln.lower() for ln in lines]


def test_both_scans_agree_on_every_line_of_the_sample_pages(scanners):
    native, python = scanners
    lines = sample_lines()
    assert len(lines) > 500
    assert [native.scan(ln) for ln in lines] == [python.scan(ln) for ln in lines]
    counted = [native.scan(ln, None, True) for ln in lines]
    assert counted == [python.scan(ln, None, True) for ln in lines]


def test_a_word_character_is_what_re_calls_one(scanners):
    native, python = scanners
    text = every_character()
    assert native.scan(text) == python.scan(text)
    assert native.scan(text)[0] == len(re.findall(r"\w+", text))


@pytest.mark.parametrize(
    "line",
    [
        "",
        "   ",
        "...",
        "_",
        "__init__ of the module",
        "The THE the",  # only the lower-case form is a function word
        "subscribe subscribe to our newsletter",  # a gate word is reported once
        "naïve café — über straße",
        "数字 the \U0001d400\U0001d401 emoji \U0001f600 here",  # astral letters; an astral symbol
        "x" * 5000 + " the",  # longer than the C scan's stack buffer
        "the " * 3000,
        "١٢٣ arabic digits, ² superscript, Ⅻ numeral",
    ],
)
def test_both_scans_agree_on_edge_cases(scanners, line):
    native, python = scanners
    assert native.scan(line) == python.scan(line)
    for limit in (0, 1, 3, 10_000):
        assert native.scan(line, limit) == python.scan(line, limit)
        counted = native.scan(line, limit, True)
        assert counted == python.scan(line, limit, True)
        assert list(counted[3]) == list(python.scan(line, limit, True)[3])  # the same order


def test_a_scan_reads_words_function_words_norm_and_gates():
    native = wordscan.NativeLexicon(["the"], ["newsletter"])
    assert native.scan("Sign up: the newsletter, the news!") == (
        6,
        2,
        "Sign up the newsletter the news",
        ("newsletter",),
    )
    assert native.scan("one two three four", 2) == (2, 0, "one two", ())
    counted = native.scan("newsletter: the newsletter", None, True)
    assert counted == (3, 1, "newsletter the newsletter", {"newsletter": 2})
    assert native.scan("no gate word", None, True)[3] == {}


def test_bad_arguments_raise_like_the_python_scan(scanners):
    native, python = scanners
    for scanner in scanners:
        with pytest.raises(TypeError):
            scanner.scan(b"bytes")  # type: ignore[arg-type]
        with pytest.raises(ValueError):
            scanner.scan("text", -1)
    with pytest.raises(TypeError):
        wordscan.NativeLexicon([b"bytes"], [])
    assert native.scan("text", None) == python.scan("text", None)


@pytest.mark.parametrize("low", [0, 1, 0x7F, 0x80, 0xFF, 0x100, 0x0E00, 0x3040, 0xFFFF, 0x10000])
def test_holds_char_from_agrees_with_its_python_twin(low):
    texts = ["", "plain", "caf\u00e9", "\u201cquoted\u201d", "\u65e5\u672c", "emoji \U0001f600"]
    texts += [chr(c) for c in (0x7F, 0x80, 0xFF, 0x100, 0x0DFF, 0x0E00, 0x303F, 0x3040)]
    for text in texts:
        expected = any(ord(ch) >= low for ch in text)
        assert wordscan.holds_char_from(text, low) == expected, (text, low)
        assert wordscan.python_holds_char_from(text, low) == expected, (text, low)


@pytest.mark.parametrize(("low", "high"), [(0, 0), (0x0E00, 0x0E7F), (0x80, 0x7F), (-5, 0x41)])
def test_holds_char_from_a_range_agrees_with_its_python_twin(low, high):
    texts = ["", "plain", "caf\u00e9", "\u201cquoted\u201d", "\u0e44\u0e17\u0e22", "\x00"]
    texts += [chr(c) for c in (0x41, 0x0DFF, 0x0E00, 0x0E7F, 0x0E80, 0x10FFFF)]
    for text in texts:
        expected = any(low <= ord(ch) <= high for ch in text)
        assert wordscan.holds_char_from(text, low, high) == expected, (text, low, high)
        assert wordscan.python_holds_char_from(text, low, high) == expected, (text, low, high)


def test_the_wide_character_thresholds_lie_below_every_character_their_regexes_seek():
    below_cjk = "".join(chr(c) for c in range(clean._FIRST_CJK))
    assert clean._CJK.search(below_cjk) is None
    low, high = clean._THAI_BLOCK
    outside = "".join(chr(c) for c in range(clean._FIRST_CJK) if not low <= c <= high)
    assert clean._ANY_SCRIPT_LETTER.search(outside) is None
    assert not clean._holds_script_letter("\u201cquoted\u201d \u2014 dashed")
    assert clean._holds_script_letter("\u0e44\u0e17\u0e22") and clean._holds_script_letter("\u65e5")
