"""Documents from a file's bytes, by kind: a page saved as text, a saved HTML page (recognised
by its content, whatever the file is named) and a feed of JSON lines, one article a line."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from pydantic import ValidationError

from pipeline.stages import clean
from pipeline.stages.ingest.decode import decode_text
from pipeline.stages.ingest.errors import InputError
from pipeline.stages.ingest.limits import Limits
from schemas import InputKind, SourceDocument

INPUT_KINDS: dict[str, InputKind] = {
    ".txt": "txt",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
}
FEED_REQUIRED_FIELDS = ("id", "text")
# A page saved as text that opens like this is HTML, whatever its name says.
HTML_OPENING = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>])",
    re.IGNORECASE | re.DOTALL,
)
HTML_PROBE_CHARS = 4096
Errors = list[tuple[str, str | None]]


def read_source(
    path: str, data: bytes, digest: str, limits: Limits | None = None
) -> tuple[list[SourceDocument], Errors]:
    """Parse one file by its kind. Returns documents and (error, payload) pairs; bad input
    never raises (a bug in our code still does)."""
    limits = limits or Limits.from_env()
    kind = INPUT_KINDS.get(Path(path).suffix.lower())
    if kind is None:
        known = ", ".join(sorted(INPUT_KINDS))
        return [], [
            (f"unsupported file type {Path(path).suffix or '(none)'!r}; expected {known}", None)
        ]
    try:
        limits.check_file_size(len(data))
        decoded = decode_text(data)
        if kind == "jsonl":
            return read_feed(path, decoded.text, digest, decoded.encoding, limits)
        if kind == "html" or looks_like_html(decoded.text):
            return [read_html(path, decoded.text, digest, decoded.encoding, limits)], []
        return [read_page_text(path, decoded.text, digest, decoded.encoding, limits)], []
    except InputError as exc:
        return [], [(str(exc), None)]


def looks_like_html(text: str) -> bool:
    return HTML_OPENING.match(text[:HTML_PROBE_CHARS]) is not None


def _stem(path: str) -> str:
    return Path(path).stem


def read_page_text(
    path: str, text: str, digest: str, encoding: str = "utf-8", limits: Limits | None = None
) -> SourceDocument:
    (limits or Limits.from_env()).check_text(text)
    return SourceDocument(
        source_path=path,
        source_id=_stem(path),
        kind="txt",
        content_hash=digest,
        text=text,
        encoding=encoding,
    )


def read_html(
    path: str, html: str, digest: str, encoding: str = "utf-8", limits: Limits | None = None
) -> SourceDocument:
    try:
        text, meta, url = clean.read_html_page(html)
    except ValueError as exc:
        raise InputError(f"no article text found in HTML: {exc}") from exc
    (limits or Limits.from_env()).check_text(text)
    return SourceDocument(
        source_path=path,
        source_id=_stem(path),
        kind="html",
        content_hash=digest,
        text=text,
        title=meta.title,
        outlet=meta.outlet,
        url=url,
        published_on=meta.published_on,
        byline=meta.byline,
        language=meta.language,
        encoding=encoding,
    )


def read_feed(
    path: str, text: str, digest: str, encoding: str = "utf-8", limits: Limits | None = None
) -> tuple[list[SourceDocument], Errors]:
    """One article per JSON line; a bad line is an error of its own, the rest still load."""
    limits = limits or Limits.from_env()
    docs: list[SourceDocument] = []
    errors: Errors = []
    for line_no, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            docs.append(feed_record(path, line, digest, encoding, limits))
        except InputError as exc:
            errors.append((f"line {line_no}: {exc}", line[:2000]))
    return docs, errors


def feed_record(
    path: str, line: str, digest: str, encoding: str = "utf-8", limits: Limits | None = None
) -> SourceDocument:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON ({exc.msg} at column {exc.colno})") from exc
    except RecursionError as exc:
        raise InputError("malformed JSON (nested too deeply)") from exc
    if not isinstance(record, dict):
        raise InputError("expected a JSON object per line")
    missing = [f for f in FEED_REQUIRED_FIELDS if record.get(f) in (None, "")]
    if missing:
        raise InputError(f"missing required field(s): {', '.join(missing)}")
    text = record["text"]
    if not isinstance(text, str):
        raise InputError(f"'text' must be a string, not {type(text).__name__}")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(
            f"'text' holds an invalid character at {exc.start} (a lone surrogate)"
        ) from exc
    text = text.replace("\r\n", "\n")
    (limits or Limits.from_env()).check_text(text)
    published = record.get("published")
    try:
        return SourceDocument(
            source_path=path,
            source_id=str(record["id"]),
            kind="jsonl",
            content_hash=digest,
            text=text,
            title=optional_text(record.get("title")),
            outlet=optional_text(record.get("outlet")),
            url=optional_text(record.get("url")),
            published_on=parse_iso_date(published) if published else None,
            encoding=encoding,
        )
    except ValidationError as exc:
        raise InputError(f"invalid field: {exc.errors()[0]['msg']}") from exc


def optional_text(value: object) -> object:
    """Surrounding whitespace dropped, and a blank string is no value: an outlet of "  " would
    otherwise name an outlet of its own (and change the article's id)."""
    if isinstance(value, str):
        return value.strip() or None
    return value  # not a string: the model's validation says what is wrong


def parse_iso_date(value: object) -> dt.date:
    """An ISO date or datetime string, as the feed format defines ``published``."""
    try:
        return dt.datetime.fromisoformat(str(value).replace("Z", "+00:00")).date()
    except ValueError as exc:
        raise InputError(f"'published' is not an ISO date or datetime: {value!r}") from exc
