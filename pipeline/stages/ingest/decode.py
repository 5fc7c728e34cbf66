"""Bytes to text, decoded as a person would: a byte-order mark first (UTF-8, UTF-16, UTF-32),
then UTF-8, then the legacy single-byte encoding a detector finds most likely (Windows-1252,
Latin-1, ...). The encoding assumed travels with the text, so the warehouse records it."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from pipeline.stages.ingest.errors import InputError

# Longest marks first: UTF-32 LE's mark begins with UTF-16 LE's.
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Named in preference when they decode a file exactly as the detected encoding does.
COMMON_SINGLE_BYTE = ("cp1252", "iso8859-1")
# NUL bytes this early, with no byte-order mark, mean a binary file (or UTF-16/32 without one).
BINARY_PROBE_BYTES = 8192
# A control character share above this marks a file as binary rather than text.
MAX_CONTROL_CHAR_SHARE = 0.01
# C0 control characters other than the whitespace ones text files use.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


@dataclass(frozen=True)
class DecodedText:
    text: str  # line ends normalised to \n
    encoding: str  # the Python codec name assumed, e.g. "utf-8", "utf-16-le", "cp1252"


def decode_text(data: bytes) -> DecodedText:
    if not data.strip():
        raise InputError("file is empty")
    encoding = _marked_encoding(data)
    if encoding:
        text = _decode_marked(data, encoding)
    elif b"\x00" in data[:BINARY_PROBE_BYTES]:
        raise InputError(
            "file is binary (it contains NUL bytes), not text; a UTF-16 or UTF-32 text file "
            "needs a byte-order mark"
        )
    else:
        text, encoding = _decode_unmarked(data)
    if not text.strip():
        raise InputError("file is empty (only white space)")
    controls = len(CONTROL_CHARS.findall(text))
    if controls > MAX_CONTROL_CHAR_SHARE * len(text):
        raise InputError(f"file looks binary: {controls} control characters in {len(text)}")
    # Windows line ends become \n, as in feeds, so a line never ends in a stray \r.
    return DecodedText(text.replace("\r\n", "\n"), encoding)


def _marked_encoding(data: bytes) -> str | None:
    for mark, encoding in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return encoding
    return None


def _decode_marked(data: bytes, encoding: str) -> str:
    mark = next(m for m, e in BYTE_ORDER_MARKS if e == encoding)
    try:
        return data[len(mark) :].decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"file starts with a {encoding} byte-order mark but is not valid {encoding} "
            f"(byte {exc.start + len(mark)}); re-save it as UTF-8"
        ) from exc


def _decode_unmarked(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    best = from_bytes(data).best()
    if best is None:
        raise InputError(
            f"file is not UTF-8 (byte {utf8_error.start}: "
            f"{data[utf8_error.start : utf8_error.start + 1]!r}) and no other text encoding "
            "fits it; re-save it as UTF-8"
        )
    text = str(best)
    return text, _commonest_name(data, text, codecs.lookup(best.encoding).name)


def _commonest_name(data: bytes, text: str, detected: str) -> str:
    """Several single-byte encodings often decode a short text alike (an "é" is the same byte
    in Latin-1, Windows-1250 and Windows-1252): then say the commonest of those that agree."""
    for common in COMMON_SINGLE_BYTE:
        try:
            if data.decode(common) == text:
                return common
        except UnicodeDecodeError:
            continue
    return detected
