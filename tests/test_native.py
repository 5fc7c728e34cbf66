"""The compiled stages: built by the install, and never run when older than their source."""

import importlib.machinery
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import native, wordscan

SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


@pytest.fixture
def package(tmp_path, monkeypatch):
    """A stand-in checkout: a project file and a package folder with a source file for every
    compiled module (mypyc's and the hand-written C ones)."""
    folder = tmp_path / "pipeline"
    folder.mkdir()
    (tmp_path / "pyproject.toml").write_text("")
    monkeypatch.setattr(native, "PACKAGE_DIR", folder)
    for source in native.sources().values():
        (folder / source).write_text("")
    return folder


def build(folder: Path, module: str, age_seconds: float) -> None:
    """An extension file for ``module`` written ``age_seconds`` after its source."""
    extension = folder / f"{module}{SUFFIX}"
    extension.write_bytes(b"")
    source_mtime = (folder / native.sources()[module]).stat().st_mtime
    os.utime(extension, (source_mtime + age_seconds, source_mtime + age_seconds))


def test_a_plain_python_install_has_nothing_stale(package):
    assert native.stale_modules() == []


def test_a_full_fresh_build_has_nothing_stale(package):
    for module in native.sources():
        build(package, module, age_seconds=10)
    assert native.stale_modules() == []


def test_a_c_source_edited_after_its_build_is_stale(package):
    for module in native.sources():
        build(package, module, age_seconds=10 if module != "_wordscan" else -10)
    assert native.stale_modules() == ["_wordscan"]


def test_a_source_edited_after_its_build_is_stale(package):
    for module in native.sources():
        build(package, module, age_seconds=10 if module != "numbers" else -10)
    assert native.stale_modules() == ["numbers"]


def test_an_installed_copy_is_never_stale(package):
    """pip writes a wheel's files in no set order, so a source may look newer than its build."""
    for module in native.sources():
        build(package, module, age_seconds=-10)
    (package.parent / "pyproject.toml").unlink()
    assert native.stale_modules() == []


def test_a_module_left_uncompiled_beside_compiled_ones_is_stale(package):
    for module in native.sources():
        if module != "claims":
            build(package, module, age_seconds=10)
    assert native.stale_modules() == ["claims"]


def test_the_source_finder_imports_only_the_compiled_stages_from_source(package):
    finder = native._SourceFinder()
    spec = finder.find_spec("pipeline.clean")
    assert spec is not None and spec.origin == str(package / "clean.py")
    assert finder.find_spec("pipeline.warehouse") is None
    assert finder.find_spec("clean") is None


@pytest.mark.parametrize("edited", ["numbers.py", "_wordscan.c"])
def test_stale_stages_run_from_source_with_a_warning(tmp_path, edited):
    """In a copy of the package whose numbers.py (or the C word scan's source) is newer than
    its extension, every compiled stage imports from its .py file and the import warns how
    to rebuild."""
    root = Path(__file__).resolve().parent.parent
    if native.extension_file("numbers") is None or native.extension_file("_wordscan") is None:
        pytest.skip("the stages are not compiled in this install")
    copy = tmp_path / "pipeline"
    subprocess.run(["cp", "-a", str(root / "pipeline"), str(copy)], check=True)
    (tmp_path / "pyproject.toml").write_text("")  # a checkout, where sources get edited
    (copy / edited).touch()
    code = (
        "import warnings; warnings.simplefilter('error');\n"
        "try:\n    import pipeline\nexcept UserWarning as w:\n    print('WARNED', w)\n"
        "import warnings; warnings.simplefilter('ignore'); import pipeline, pipeline.clean\n"
        "print('C scan unused:', pipeline.wordscan.NativeLexicon is None)\n"
        "print(pipeline.clean.__file__)"
    )
    env = {**os.environ, "PYTHONPATH": f"{tmp_path}{os.pathsep}{root}"}
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert f"WARNED pipeline/{edited}: changed since compiled" in out
    assert "C scan unused: True" in out
    assert out.strip().endswith(str(copy / "clean.py"))


def test_the_pure_python_switch_imports_the_stages_from_source():
    code = (
        "import pipeline.claims, pipeline.native as n, pipeline.wordscan as w;"
        "print(pipeline.claims.__file__, w.NativeLexicon is None, n.compiled_modules())"
    )
    env = {**os.environ, native.PURE_PYTHON_VARIABLE: "1"}
    out = subprocess.run(
        [sys.executable, "-W", "error", "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert out[0].endswith("pipeline/claims.py")
    assert out[1:] == ["True", "[]"]  # the C word scan is off too


@pytest.mark.skipif(
    bool(os.environ.get("NEWSFACTS_PURE_PYTHON")), reason="compilation turned off on purpose"
)
def test_the_install_compiled_every_stage():
    """tasks.py installs with setup.py's mypyc build: the stages run compiled, not stale."""
    assert native.stale_modules() == []
    assert native.compiled_modules() == list(native.COMPILED_MODULES)
    assert wordscan.NativeLexicon is not None
