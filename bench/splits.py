"""Which labelled pages are held out for validation: a fixed rule, written before any rule of
the stages was tuned on them, so that no one picks the pages a change happens to score well on.

A page is a validation page when the first byte of the SHA-256 of its name's stem is divisible
by 3 (about one page in three). Rules are written while reading development pages only; the
validation figure is the one that counts.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

VALIDATION_EVERY = 3


def is_validation(name: str) -> bool:
    return hashlib.sha256(Path(name).stem.encode()).digest()[0] % VALIDATION_EVERY == 0


def split_of(name: str) -> str:
    return "validation" if is_validation(name) else "development"


def is_validation_id(case_id: str) -> bool:
    """The same rule for a benchmark case or document id, hashed as written (an id may hold
    dots that are not a file suffix)."""
    return hashlib.sha256(case_id.encode()).digest()[0] % VALIDATION_EVERY == 0


def split_of_id(case_id: str) -> str:
    return "validation" if is_validation_id(case_id) else "development"
