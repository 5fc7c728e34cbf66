"""Which text stages run compiled, and a guard against running stale compiled code.

The stage modules listed here are plain typed Python that ``setup.py`` also compiles to C
extensions with mypyc at install time (same code, fewer instructions per article). Python
imports an extension before the ``.py`` beside it, so in a checkout (an editable install builds
the extensions beside the sources) an edited stage's old extension would keep running
unnoticed. ``prefer_fresh_sources`` prevents that: when any
source is newer than its extension, every compiled stage is imported from source instead (all
of them, because compiled modules may call each other's compiled code directly), with a
warning saying how to rebuild.

This module is not compiled itself and imports nothing from the project, so ``setup.py`` and
``tasks.py`` can read its list without importing the package.
"""

from __future__ import annotations

import os
import sys
import warnings
from importlib.abc import MetaPathFinder
from importlib.machinery import EXTENSION_SUFFIXES, ModuleSpec
from importlib.util import spec_from_file_location
from pathlib import Path

PACKAGE = "pipeline"
PACKAGE_DIR = Path(__file__).resolve().parent
# Modules of ``pipeline`` compiled by setup.py: the stages and the helpers their loops call.
COMPILED_MODULES = (
    "text",
    "ids",
    "clean",
    "actors_gazetteers",
    "actors",
    "numbers",
    "dates",
    "claims",
)
# Hand-written C extensions of ``pipeline`` (module -> source), also built by setup.py. Each
# has a Python twin that runs where it is not built, stale or switched off (see wordscan.py).
C_EXTENSIONS = {"_wordscan": "_wordscan.c"}
# Set at install: build no extensions. Set at run time: import the stages from source.
PURE_PYTHON_VARIABLE = "NEWSFACTS_PURE_PYTHON"
REBUILD_HINT = "`python3 tasks.py test` or `pip install -e .` recompiles them"


def extension_file(module: str) -> Path | None:
    """The compiled extension of ``pipeline.<module>`` beside its source, if one was built."""
    for suffix in EXTENSION_SUFFIXES:
        path = PACKAGE_DIR / f"{module}{suffix}"
        if path.exists():
            return path
    return None


def is_source_checkout() -> bool:
    """Whether the package is a project checkout (its sources may be edited) rather than an
    installed copy, whose files all carry the install's time in no particular order."""
    return (PACKAGE_DIR.parent / "pyproject.toml").exists()


def sources() -> dict[str, str]:
    """Every module setup.py builds, with the file it is built from."""
    return {module: f"{module}.py" for module in COMPILED_MODULES} | C_EXTENSIONS


def stale_modules() -> list[str]:
    """Compiled modules that must not run: changed after their extension was built, or left
    without one while others have theirs (a partial build). Only a checkout can be stale."""
    built_from = sources()
    extensions = {module: extension_file(module) for module in built_from}
    if not any(extensions.values()) or not is_source_checkout():
        return []  # plain Python, or an installed copy: what is there is what was built
    stale = []
    for module, extension in extensions.items():
        source = PACKAGE_DIR / built_from[module]
        if extension is None or source.stat().st_mtime > extension.stat().st_mtime:
            stale.append(module)
    return stale


def compiled_modules() -> list[str]:
    """The listed modules that are loaded, or will be, from a compiled extension."""
    out = []
    for module in COMPILED_MODULES:
        loaded = sys.modules.get(f"{PACKAGE}.{module}")
        origin = getattr(loaded, "__file__", None) if loaded is not None else None
        if origin is not None:
            if not origin.endswith(".py"):
                out.append(module)
        elif extension_file(module) is not None and not _SourceFinder.active:
            out.append(module)
    return out


def sources_preferred() -> bool:
    """Whether the stages run from source (plain Python, or a stale build): the C extensions
    then stay unused too, so a run is all compiled or all Python."""
    return _SourceFinder.active


def _use_sources() -> None:
    _SourceFinder.active = True
    sys.meta_path.insert(0, _SourceFinder())


class _SourceFinder(MetaPathFinder):
    """Imports the compiled stages from their ``.py`` files."""

    active = False

    def find_spec(
        self, fullname: str, path: object = None, target: object = None
    ) -> ModuleSpec | None:
        package, _, module = fullname.rpartition(".")
        if package != PACKAGE or module not in COMPILED_MODULES:
            return None
        return spec_from_file_location(fullname, PACKAGE_DIR / f"{module}.py")


def prefer_fresh_sources() -> None:
    """Run the stages from source when any compiled one is older than its source, or when
    NEWSFACTS_PURE_PYTHON is set (to compare, or to debug with Python tools)."""
    if _SourceFinder.active:
        return
    if os.environ.get(PURE_PYTHON_VARIABLE):
        _use_sources()
        return
    stale = stale_modules()
    if not stale:
        return
    _use_sources()
    names = ", ".join(f"{PACKAGE}/{sources()[m]}" for m in stale)
    warnings.warn(
        f"{names}: changed since compiled or not compiled, so the text stages run as plain "
        f"Python (same results, slower); {REBUILD_HINT}",
        stacklevel=2,
    )
