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


def split_of_case(case_id: str) -> str:
    """The split of a benchmark case (``../shared/bench/*`` sets), by the same rule on its id."""
    return (
        "validation"
        if hashlib.sha256(case_id.encode()).digest()[0] % VALIDATION_EVERY == 0
        else "development"
    )
