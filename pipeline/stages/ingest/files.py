"""The files under the raw directory: listing them, and reading one without ever leaving it.

Nothing outside the raw directory is read. A symbolic link is read only when it resolves to a
file inside the directory; a link that leads out of it, a loop, a dangling link and a link to
a folder are refused with a message naming the link's target. Reading opens the file one path
component at a time and refuses a symbolic link at every step, so a file or folder swapped
for a link after the listing is never followed either. Only regular files are opened (a FIFO
would block the run), and never more bytes than the file limit.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from pipeline.stages.ingest.errors import InputError
from pipeline.stages.ingest.limits import Limits

# Files a user's editor or OS leaves behind (hidden files are skipped anyway); not worth a reject.
IGNORED_NAMES = frozenset({"Thumbs.db", "desktop.ini", "README.md"})
LINK_REFUSED_ERRNOS = (errno.ELOOP, errno.ENOTDIR)


@dataclass(frozen=True)
class SourceFile:
    """A file under the raw directory as seen now: where it is, its size and its mtime (of the
    link itself, for a symbolic link)."""

    path: str  # relative to the raw directory, with forward slashes
    size: int
    mtime_ns: int


def scan_raw_dir(raw_dir: Path) -> list[SourceFile]:
    """Every file below ``raw_dir``, sorted by path; hidden files and folders are skipped.

    Links are listed as themselves and never followed here (so a link to a folder cannot make
    the listing leave the directory or loop); reading one decides whether it is refused.
    """
    found = []
    for folder, dirnames, filenames in os.walk(raw_dir, followlinks=False):
        base = Path(folder)
        linked_dirs = [d for d in dirnames if (base / d).is_symlink()]
        dirnames[:] = [d for d in dirnames if not d.startswith(".") and d not in linked_dirs]
        for name in [*filenames, *linked_dirs]:
            if name.startswith(".") or name in IGNORED_NAMES:
                continue
            path = base / name
            try:
                status = path.lstat()
            except FileNotFoundError:  # removed while we listed
                continue
            rel = path.relative_to(raw_dir).as_posix()
            found.append(SourceFile(rel, status.st_size, status.st_mtime_ns))
    return sorted(found, key=lambda f: f.path)


def listing_fingerprint(files: list[SourceFile]) -> str:
    """A digest of paths, sizes and mtimes: any added, edited or removed file changes it."""
    digest = hashlib.blake2b(digest_size=16)
    for f in files:
        digest.update(f"{f.path}\0{f.size}\0{f.mtime_ns}\n".encode())
    return digest.hexdigest()


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_confined(raw_dir: Path, rel_path: str, limits: Limits) -> bytes:
    """The bytes of ``raw_dir/rel_path``, refusing anything that would read outside raw_dir.

    Raises InputError (the reason, for a reject) or OSError (the file vanished or cannot be
    read: its message says which).
    """
    root = raw_dir.resolve()
    path = root / rel_path
    if path.is_symlink():
        path = _link_target_inside(root, path)
    return _read_below(root, path.relative_to(root).parts, limits)


def _link_target_inside(root: Path, link: Path) -> Path:
    target = os.readlink(link)
    try:
        real = link.resolve(strict=True)
    except (OSError, RuntimeError) as exc:  # RuntimeError: a loop, on Python 3.11
        raise InputError(
            f"symbolic link to {target} leads nowhere (a loop or a missing file): not read"
        ) from exc
    if not real.is_relative_to(root):
        raise InputError(
            f"symbolic link to {real}, outside the raw directory {root}: not read "
            "(copy the file into the raw directory to load it)"
        )
    if real.is_dir():
        raise InputError(
            f"symbolic link to the folder {real}: links to folders are not followed "
            "(its files inside the raw directory are read under their own paths)"
        )
    return real


def _read_below(root: Path, parts: tuple[str, ...], limits: Limits) -> bytes:
    """Open root/parts... one component at a time with O_NOFOLLOW, then read the file."""
    folder = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for part in parts[:-1]:
            inner = os.open(part, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=folder)
            os.close(folder)
            folder = inner
        # O_NONBLOCK: opening a FIFO must not wait for a writer; regular files ignore it.
        fd = os.open(parts[-1], os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=folder)
    except OSError as exc:
        if exc.errno in LINK_REFUSED_ERRNOS:
            raise InputError(
                "the file or a folder on its path became a symbolic link after it was "
                "listed: not read"
            ) from exc
        raise
    finally:
        os.close(folder)
    with os.fdopen(fd, "rb") as file:
        status = os.fstat(file.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise InputError("not a regular file (a FIFO, socket or device): not read")
        limits.check_file_size(status.st_size)
        data = file.read(limits.max_file_bytes + 1)
    limits.check_file_size(len(data))  # it grew while we read
    return data
