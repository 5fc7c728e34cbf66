"""Which labelled pages are held out for validation: a fixed rule, written before any rule of
the stages was tuned on them, so that no one picks the pages a change happens to score well on.

A page is a validation page when the first byte of the SHA-256 of its name's stem is divisible
by 3 (about one page in three). Rules are written while reading development pages only; the
validation figure is the one that counts.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

VALIDATION_EVERY = 3


def is_validation(name: str) -> bool:
    return hashlib.sha256(Path(name).stem.encode()).digest()[0] % VALIDATION_EVERY == 0


def split_of(name: str) -> str:
    return "validation" if is_validation(name) else "development"


def split_jsonl(path: Path, folder: Path, key: str = "doc_id") -> dict[str, Path]:
    """Write the lines of a JSON-lines file into one file per split (and "all", the file
    itself), by the split of each line's ``key``: so a benchmark's own scorer can score each
    split from a gold file and a prediction file split alike."""
    lines: dict[str, list[str]] = {"development": [], "validation": []}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            lines[split_of_id(json.loads(line)[key])].append(line)
    files = {}
    for split, chosen in lines.items():
        files[split] = folder / f"{path.stem}.{split}.jsonl"
        files[split].write_text("".join(f"{line}\n" for line in chosen), encoding="utf-8")
    return {**files, "all": path}


def is_validation_id(case_id: str) -> bool:
    """The same rule for a benchmark case or document id, hashed as written (an id may hold
    dots that are not a file suffix)."""
    return hashlib.sha256(case_id.encode()).digest()[0] % VALIDATION_EVERY == 0


def split_of_id(case_id: str) -> str:
    return "validation" if is_validation_id(case_id) else "development"
