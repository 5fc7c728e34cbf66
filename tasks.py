#!/usr/bin/env python3
"""The two commands of the README, with nothing but Python needed beforehand.

    python3 tasks.py run     # install newsfacts into .venv, build warehouse/news.duckdb from raw/
    python3 tasks.py test    # install newsfacts with its dev tools into .venv, lint and test

Both are safe to repeat: the install step is skipped while pyproject.toml is unchanged (the
install is editable, so edited sources run at once), and the pipeline only processes files
that are new or changed since its last load.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
MIN_PYTHON = (3, 11)


def sh(*args: str | Path) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], cwd=ROOT, check=True)


def install(extras: str) -> None:
    """Create .venv and install the project (editable) unless it is already up to date."""
    if sys.version_info < MIN_PYTHON:
        sys.exit(f"newsfacts needs Python {'.'.join(map(str, MIN_PYTHON))} or newer")
    if not (BIN / "python").exists():
        venv.create(VENV, with_pip=True)
    spec = f".[{extras}]" if extras else "."
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + spec.encode()).hexdigest()
    stamp = VENV / f".installed-{extras or 'base'}"
    if stamp.exists() and stamp.read_text() == digest:
        return
    # -qq: the build backend's notes on editable installs are noise to a newcomer.
    sh(BIN / "python", "-m", "pip", "install", "-qq", "--upgrade", "pip")
    sh(BIN / "python", "-m", "pip", "install", "-qq", "--editable", spec)
    stamp.write_text(digest)


def run() -> None:
    install("")
    sh(BIN / "newsfacts", "run", *sys.argv[2:])


def test() -> None:
    install("dev")
    sh(BIN / "ruff", "check", ".")
    sh(BIN / "ruff", "format", "--check", ".")
    sh(BIN / "python", "-m", "pytest", *sys.argv[2:])


COMMANDS = {"run": run, "test": test}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(f"usage: python3 tasks.py {{{'|'.join(COMMANDS)}}} [args...]")
    try:
        COMMANDS[sys.argv[1]]()
    except subprocess.CalledProcessError as exc:
        sys.exit(exc.returncode)
