"""Ingestion: find what is new or changed under the raw directory and read it into documents.

Change detection is cheap by design: a file whose size and modification time match the
manifest of the last load is not even read; a file that was touched but whose content hash
is unchanged is not re-processed. Only new and changed files become documents.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from pipeline.stages import clean
from schemas import InputKind, Reject, SourceDocument

INPUT_KINDS: dict[str, InputKind] = {
    ".txt": "txt",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
}
# Files a user's editor or OS leaves behind (hidden files are skipped anyway); not worth a reject.
IGNORED_NAMES = frozenset({"Thumbs.db", "desktop.ini", "README.md"})
# A control character share above this marks a file as binary rather than text.
MAX_CONTROL_CHAR_SHARE = 0.01
# C0 control characters other than the whitespace ones text files use.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
FEED_REQUIRED_FIELDS = ("id", "text")


@dataclass(frozen=True)
class SourceFile:
    """A file under the raw directory as seen now: where it is, its size and its mtime."""

    path: str  # relative to the raw directory, with forward slashes
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class ManifestEntry:
    size: int
    mtime_ns: int
    content_hash: str


@dataclass(frozen=True)
class SourceChange:
    """What the loader must do for one source path."""

    path: str
    action: str  # "replace" (new or changed), "touch" (same content, new stat) or "delete"
    size: int | None = None
    mtime_ns: int | None = None
    content_hash: str | None = None


class InputError(ValueError):
    """A file or record that cannot become an article; the message tells the user why."""


def scan_raw_dir(raw_dir: Path) -> list[SourceFile]:
    """Every regular file below ``raw_dir``, sorted by path; hidden files are skipped."""
    found = []
    for path in raw_dir.rglob("*"):
        rel = path.relative_to(raw_dir)
        if any(part.startswith(".") for part in rel.parts) or path.name in IGNORED_NAMES:
            continue
        if path.is_file():
            stat = path.stat()
            found.append(SourceFile(rel.as_posix(), stat.st_size, stat.st_mtime_ns))
    return sorted(found, key=lambda f: f.path)


def listing_fingerprint(files: Iterable[SourceFile]) -> str:
    """A digest of paths, sizes and mtimes: any added, edited or removed file changes it."""
    digest = hashlib.blake2b(digest_size=16)
    for f in files:
        digest.update(f"{f.path}\0{f.size}\0{f.mtime_ns}\n".encode())
    return digest.hexdigest()


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def plan_changes(
    files: list[SourceFile], manifest: dict[str, ManifestEntry], raw_dir: Path
) -> list[SourceChange]:
    """Compare the raw directory with the manifest of the last load.

    When a file changes or goes, the files that held the same content are read again too:
    they were rejected as duplicates of it, and one of them may now be the copy to load.
    """
    changes: list[SourceChange] = []
    for f in files:
        known = manifest.get(f.path)
        if known and (known.size, known.mtime_ns) == (f.size, f.mtime_ns):
            continue
        try:
            digest: str | None = content_hash((raw_dir / f.path).read_bytes())
        except OSError:  # vanished or unreadable: reading it again will say why, as a reject
            digest = None
        action = "touch" if known and digest and known.content_hash == digest else "replace"
        changes.append(SourceChange(f.path, action, f.size, f.mtime_ns, digest))
    present = {f.path for f in files}
    changes.extend(SourceChange(path, "delete") for path in sorted(set(manifest) - present))
    return changes + duplicates_to_reread(changes, files, manifest)


def duplicates_to_reread(
    changes: list[SourceChange], files: list[SourceFile], manifest: dict[str, ManifestEntry]
) -> list[SourceChange]:
    """Unchanged files whose content equals the old content of a changed or deleted file."""
    gone = {
        manifest[c.path].content_hash for c in changes if c.action != "touch" and c.path in manifest
    }
    if not gone:
        return []
    planned = {c.path for c in changes}
    return [
        SourceChange(f.path, "replace", f.size, f.mtime_ns, manifest[f.path].content_hash)
        for f in files
        if f.path not in planned and f.path in manifest and manifest[f.path].content_hash in gone
    ]


def read_changed(
    raw_dir: Path, changes: Iterable[SourceChange], now: dt.datetime | None = None
) -> Iterator[tuple[list[SourceDocument], list[Reject]]]:
    """Documents and rejects of each new or changed file, one file at a time."""
    now = now or dt.datetime.now(dt.UTC)
    for change in changes:
        if change.action != "replace":
            continue
        try:
            data = (raw_dir / change.path).read_bytes()
        except OSError as exc:  # removed or unreadable since the scan
            docs, errors = [], [(f"cannot read file: {exc.strerror or exc}", None)]
        else:
            docs, errors = read_source(change.path, data, content_hash(data))
        rejects = [
            Reject(
                source_path=change.path, stage="ingest", error=msg, payload=payload, rejected_at=now
            )
            for msg, payload in errors
        ]
        yield docs, rejects


def in_parts(
    results: Iterable[tuple[list[SourceDocument], list[Reject]]], size: int
) -> Iterator[tuple[list[SourceDocument], list[Reject]]]:
    """Regroup per-file results into parts of at most ``size`` documents (a feed file may
    hold thousands); each file's rejects travel with the part its documents start in."""
    docs: list[SourceDocument] = []
    rejects: list[Reject] = []
    for file_docs, file_rejects in results:
        docs.extend(file_docs)
        rejects.extend(file_rejects)
        while len(docs) >= size:
            yield docs[:size], rejects
            docs, rejects = docs[size:], []
    if docs or rejects:
        yield docs, rejects


def read_source(
    path: str, data: bytes, digest: str
) -> tuple[list[SourceDocument], list[tuple[str, str | None]]]:
    """Parse one file by its kind. Returns documents and (error, payload) pairs, never raises."""
    kind = INPUT_KINDS.get(Path(path).suffix.lower())
    if kind is None:
        known = ", ".join(sorted(INPUT_KINDS))
        return [], [
            (f"unsupported file type {Path(path).suffix or '(none)'!r}; expected {known}", None)
        ]
    try:
        text = decode_text(data)
        if kind == "jsonl":
            return read_feed(path, text, digest)
        if kind == "html":
            return [read_html(path, text, digest)], []
        return [read_page_text(path, text, digest)], []
    except InputError as exc:
        return [], [(str(exc), None)]
    except Exception as exc:  # a parser's own failure must not stop the run: report it
        return [], [(f"could not read {kind} file: {type(exc).__name__}: {exc}", None)]


def decode_text(data: bytes) -> str:
    if not data.strip():
        raise InputError("file is empty")
    if b"\x00" in data[:8192]:
        raise InputError("file is binary (it contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"file is not valid UTF-8 (byte {exc.start}: {data[exc.start : exc.start + 1]!r}); "
            "re-save it as UTF-8"
        ) from exc
    controls = len(CONTROL_CHARS.findall(text))
    if controls > MAX_CONTROL_CHAR_SHARE * len(text):
        raise InputError(f"file looks binary: {controls} control characters in {len(text)}")
    # Windows line ends become \n, as in feeds, so a line never ends in a stray \r.
    return text.replace("\r\n", "\n")


def _stem(path: str) -> str:
    return Path(path).stem


def read_page_text(path: str, text: str, digest: str) -> SourceDocument:
    return SourceDocument(
        source_path=path, source_id=_stem(path), kind="txt", content_hash=digest, text=text
    )


def read_html(path: str, html: str, digest: str) -> SourceDocument:
    try:
        text, meta = clean.extract_html(html)
    except ValueError as exc:
        raise InputError(f"no article text found in HTML: {exc}") from exc
    return SourceDocument(
        source_path=path,
        source_id=_stem(path),
        kind="html",
        content_hash=digest,
        text=text,
        title=meta.title,
        outlet=meta.outlet,
        published_on=meta.published_on,
        byline=meta.byline,
        language=meta.language,
    )


def read_feed(
    path: str, text: str, digest: str
) -> tuple[list[SourceDocument], list[tuple[str, str | None]]]:
    """One article per JSON line; a bad line is an error of its own, the rest still load."""
    docs: list[SourceDocument] = []
    errors: list[tuple[str, str | None]] = []
    for line_no, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            docs.append(feed_record(path, line, digest))
        except InputError as exc:
            errors.append((f"line {line_no}: {exc}", line[:2000]))
    return docs, errors


def feed_record(path: str, line: str, digest: str) -> SourceDocument:
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
    published = record.get("published")
    try:
        return SourceDocument(
            source_path=path,
            source_id=str(record["id"]),
            kind="jsonl",
            content_hash=digest,
            text=text.replace("\r\n", "\n"),
            title=optional_text(record.get("title")),
            outlet=optional_text(record.get("outlet")),
            url=optional_text(record.get("url")),
            published_on=parse_iso_date(published) if published else None,
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
