"""What a run must do: compare the raw directory with the manifest of the last load.

Change detection is cheap by design: a file whose size and modification time match the
manifest of the last load is not even read; a file that was touched but whose content hash
is unchanged is not re-processed. Only new and changed files become documents.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.stages.ingest.documents import read_source
from pipeline.stages.ingest.errors import InputError
from pipeline.stages.ingest.files import SourceFile, content_hash, read_confined
from pipeline.stages.ingest.limits import Limits
from schemas import Reject, SourceDocument


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


def plan_changes(
    files: list[SourceFile],
    manifest: dict[str, ManifestEntry],
    raw_dir: Path,
    limits: Limits | None = None,
) -> list[SourceChange]:
    """Compare the raw directory with the manifest of the last load.

    When a file changes or goes, the files that held the same content are read again too:
    they were rejected as duplicates of it, and one of them may now be the copy to load.
    """
    limits = limits or Limits.from_env()
    changes: list[SourceChange] = []
    for f in files:
        known = manifest.get(f.path)
        if known and (known.size, known.mtime_ns) == (f.size, f.mtime_ns):
            continue
        try:
            digest: str | None = content_hash(read_confined(raw_dir, f.path, limits))
        except (InputError, OSError):  # refused, vanished or unreadable: reading says why
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
    raw_dir: Path,
    changes: Iterable[SourceChange],
    now: dt.datetime | None = None,
    limits: Limits | None = None,
) -> Iterator[tuple[list[SourceDocument], list[Reject]]]:
    """Documents and rejects of each new or changed file, one file at a time."""
    now = now or dt.datetime.now(dt.UTC)
    limits = limits or Limits.from_env()
    for change in changes:
        if change.action != "replace":
            continue
        try:
            data = read_confined(raw_dir, change.path, limits)
        except InputError as exc:
            docs, errors = [], [(str(exc), None)]
        except OSError as exc:  # removed or unreadable since the scan
            docs, errors = [], [(f"cannot read file: {exc.strerror or exc}", None)]
        else:
            docs, errors = read_source(change.path, data, content_hash(data), limits)
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
