"""Distinct page files for speed benchmarks, made at run time from real pages.

Benchmarks that repeat a few pages measure warm caches: a page seen before costs almost
nothing. Here every page keeps the frame of a real page (its title, menus, footers: the
boilerplate a month of one outlet's coverage really repeats) while each body paragraph is
rebuilt from real sentences drawn at random from the whole pool, so no two pages share their
body text. The sources are the sample pages in raw/ and the pages of ../shared/bench
(boilerplate and quotes), read at run time and never copied into the repository.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_BENCH = ROOT.parent / "shared" / "bench"
SOURCE_FOLDERS = [
    ROOT / "raw",
    SHARED_BENCH / "boilerplate" / "docs",
    SHARED_BENCH / "quotes" / "docs",
]
# A line this long is body prose in nearly every page; shorter lines are kept as the frame.
BODY_LINE_CHARS = 120
SENTENCE_END = re.compile(r"(?<=[.!?\u201d\"])\s+(?=[A-Z\u201c\"])")


def source_pages() -> list[tuple[str, str]]:
    pages = []
    for folder in SOURCE_FOLDERS:
        if folder.is_dir():
            pages += [(p.name, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]
    return pages


def sentence_pool(pages: list[tuple[str, str]]) -> list[str]:
    pool = []
    for _, text in pages:
        for line in text.split("\n"):
            if len(line) >= BODY_LINE_CHARS:
                pool += [s for s in SENTENCE_END.split(line.strip()) if len(s) > 30]
    return pool


def rebuilt_line(line: str, pool: list[str], rng: random.Random) -> str:
    """A paragraph about as long as ``line``, made of sentences drawn from the pool."""
    sentences: list[str] = []
    while sum(len(s) + 1 for s in sentences) < len(line):
        sentences.append(rng.choice(pool))
    return " ".join(sentences)


def build_corpus(folder: Path, n_pages: int, seed: int = 0) -> int:
    """Write n_pages distinct page files into folder; returns their total size in bytes."""
    rng = random.Random(seed)
    pages = source_pages()
    pool = sentence_pool(pages)
    total = 0
    for i in range(n_pages):
        name, text = pages[i % len(pages)]
        if i >= len(pages):  # the first pass keeps every real page as it is
            text = "\n".join(
                rebuilt_line(line, pool, rng) if len(line) >= BODY_LINE_CHARS else line
                for line in text.split("\n")
            )
        data = text.encode()
        (folder / f"{i:06d}_{name}").write_bytes(data)
        total += len(data)
    return total
