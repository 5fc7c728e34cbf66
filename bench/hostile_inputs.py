#!/usr/bin/env python3
"""Hostile inputs beside good ones, through a real `newsfacts run`: what happens to each file.

    python bench/hostile_inputs.py [--keep DIR]

Writes the sample pages and about thirty hostile files (empty, binary, mislabelled, legacy
encodings, error pages, oversized, links out of the folder, a FIFO, broken feeds...) into a
fresh raw directory, runs `newsfacts run` in a child process, and prints one row per file:
loaded or rejected, and the message. It fails (exit 1) when a good file is not loaded, a bad
one is not rejected, or anything from outside the raw directory reaches the warehouse.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
from newsfacts_runs import run_to_end

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (
    "Storm closes schools across the region\n\nBy Jane Smith\n\n"
    "The education minister said on Monday that 120 schools would stay closed until Friday "
    "after the storm cut power to some 40,000 homes. \u201cWe will reopen as soon as it is "
    "safe,\u201d she told reporters in the capital.\n\n"
    "More than 300 teachers volunteered to help clear debris, officials said.\n"
)
SECRET = "OUTSIDE-SECRET: this text lives outside the raw directory and must never be loaded.\n"
HTML = (
    "<!DOCTYPE html><html><head><title>Storm closes schools</title></head><body>"
    "<nav>Home | News</nav><article><h1>Storm closes schools</h1>"
    + "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n")[2:])
    + "</article><footer>Contact us</footer></body></html>"
)


def good_files() -> dict[str, bytes]:
    files = {p.name: p.read_bytes() for p in sorted((ROOT / "raw").glob("*.txt"))}
    files |= {
        "good-utf16.txt": ARTICLE.replace("120", "121").encode("utf-16"),
        "good-utf32.txt": ARTICLE.replace("120", "122").encode("utf-32"),
        "good-utf8-bom.txt": b"\xef\xbb\xbf" + ARTICLE.replace("120", "123").encode(),
        "good-cp1252.txt": ARTICLE.replace("120", "124").replace("\n", "\r\n").encode("cp1252"),
        "good-latin1.txt": ARTICLE.replace("120", "125")
        .replace("\u201c", '"')
        .replace("\u201d", '"')
        .encode("latin-1"),
        "good-page.html": HTML.replace("120", "126").encode(),
        "html-named.txt": HTML.replace("120", "127").encode(),
        "feed-mixed.jsonl": "\n".join(
            [
                json.dumps({"id": "ok-1", "text": ARTICLE.replace("120", "128")}),
                '{"id": "broken", "text": "unterminated',
                json.dumps({"id": "no-text"}),
                "[" * 100_000,
                '{"id": "surrogate", "text": "bad \\ud800 char"}',
                json.dumps({"id": "ok-2", "text": ARTICLE.replace("120", "129")}),
            ]
        ).encode(),
    }
    return files


def bad_files() -> dict[str, bytes]:
    page = (ROOT / "raw").glob("*.txt").__next__().read_bytes()
    return {
        "empty.txt": b"",
        "whitespace.txt": b" \r\n\t\n  \n",
        "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        "random.txt": os.urandom(4096),
        "archive.html": b"PK\x03\x04" + bytes(range(256)) * 8,
        "notes.docx": b"PK\x03\x04 word document",
        "README": b"a file with no extension",
        "utf16-no-mark.txt": ARTICLE.encode("utf-16-le"),
        "controls.txt": b"\x01\x02\x03\x04\x05 text \x06\x07\x08" * 50,
        "404.txt": b"404 - Page not found\n\nHome\nNews\nSport\n\nThe page you requested does "
        b"not exist.\n",
        "access-denied.html": b"<html><head><title>Access Denied</title></head><body><h1>Access "
        b"Denied</h1><p>You don't have permission to access this page on this server.</p>"
        b"</body></html>",
        "bot-wall.txt": b"Just a moment...\n\nPlease verify you are a human to continue.\n",
        "menu-only.txt": b"Home\nWorld\nSport\nBusiness\nContact us\nSubscribe\n",
        "script-only.html": b"<html><body><script>var x = 1;</script></body></html>",
        "many-lines.txt": page * 1000,  # one page pasted 1,000 times: past the line limit
        "long-line.txt": b"Headline\n\n" + b"12, " * 60_000 + b"\n",  # 240,000 characters
        "duplicate.txt": page,
        "feed-broken.jsonl": b'{"id": 1, "text": \n[1, 2, 3]\n"just a string"\n',
        "feed-binary.jsonl": b"\x00\x01\x02" * 100,
    }


def write_corpus(raw: Path, outside: Path) -> tuple[set[str], set[str]]:
    """Good and bad file names, written under raw; links point into ``outside``."""
    raw.mkdir(parents=True)
    outside.mkdir(parents=True)
    (outside / "secret.txt").write_text(SECRET)
    (outside / "folder").mkdir()
    (outside / "folder" / "inner.txt").write_text(SECRET)
    good, bad = good_files(), bad_files()
    for name, data in {**good, **bad}.items():
        (raw / name).write_bytes(data)
    links = {
        "link-out.txt": outside / "secret.txt",
        "link-etc.txt": Path("/etc/passwd"),
        "link-folder": outside / "folder",
        "link-dangling.txt": raw / "nothing-here.txt",
        "link-loop.txt": raw / "link-loop.txt",
    }
    for name, target in links.items():
        (raw / name).symlink_to(target)
    os.mkfifo(raw / "fifo.txt")
    with open(raw / "sparse-huge.txt", "wb") as f:  # 300 MB on paper, no disk used
        f.truncate(300_000_000)
    bad_names = set(bad) | set(links) | {"fifo.txt", "sparse-huge.txt"}
    return set(good), bad_names


def run(raw: Path, warehouse: Path) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.monotonic()
    done = run_to_end(raw, warehouse)
    return time.monotonic() - started, done


def outcomes(warehouse: Path) -> tuple[dict[str, list[str]], set[str], bool]:
    """Rejects by file, files that loaded an article, and whether outside text got in."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rejects: dict[str, list[str]] = {}
        for path, error in con.execute("SELECT source_path, error FROM rejects").fetchall():
            rejects.setdefault(path, []).append(error)
        loaded = {p for (p,) in con.execute("SELECT DISTINCT source_path FROM articles").fetchall()}
        leaked = con.execute(
            "SELECT count(*) FROM article_lines WHERE text LIKE '%OUTSIDE-SECRET%' "
            "OR text LIKE 'root:x:0:0%'"
        ).fetchone()[0]
    return rejects, loaded, leaked > 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="build the corpus and warehouse here")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="hostile-"))
    raw, warehouse = work / "raw", work / "wh" / "news.duckdb"
    good, bad = write_corpus(raw, work / "outside")
    seconds, done = run(raw, warehouse)
    rejects, loaded, leaked = outcomes(warehouse)
    failures = []
    print(f"{'file':<34} {'outcome':<9} message")
    for name in sorted(good | bad):
        outcome = "loaded" if name in loaded else "rejected" if name in rejects else "MISSING"
        message = "; ".join(rejects.get(name, []))
        print(f"{name:<34} {outcome:<9} {message[:150]}")
        if name in good and name not in loaded:
            failures.append(f"good file not loaded: {name}")
        if name in bad and (name in loaded or name not in rejects):
            failures.append(f"bad file not rejected: {name}")
    if leaked:
        failures.append("text from outside the raw directory reached the warehouse")
    if done.returncode != 0:
        failures.append(f"newsfacts run exited {done.returncode}: {done.stderr[-2000:]}")
    print(f"\n{len(good)} good and {len(bad)} hostile files; run took {seconds:.1f} s")
    print("\n".join(failures) or "every good file loaded, every bad one rejected, nothing leaked")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
