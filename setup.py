"""Build hook: compile the text stages with mypyc, and build the C word scan; everything else
is in pyproject.toml.

The modules listed in ``pipeline/native.py`` are plain typed Python. Compiled, they run the
same code with 1.3-1.6x fewer instructions per article. Where no C compiler works, or with
NEWSFACTS_PURE_PYTHON=1, they install as plain Python: same results, slower. The C extensions
listed there (the line classifier's word scan) have Python twins that take over likewise.
"""

import os
import runpy

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

NATIVE = runpy.run_path("pipeline/native.py")


class OptionalBuildExt(build_ext):
    """A missing or broken C compiler leaves a stage in plain Python instead of failing."""

    def build_extension(self, ext):
        try:
            super().build_extension(ext)
        except Exception as exc:  # compilers fail in many ways; every one means "use Python"
            self.warn(f"{ext.name} stays plain Python (slower), its build failed: {exc}")


def compiled_stages():
    if os.environ.get(NATIVE["PURE_PYTHON_VARIABLE"]):
        return []
    from mypyc.build import mypycify

    paths = [f"pipeline/{module}.py" for module in NATIVE["COMPILED_MODULES"]]
    # separate=True: one extension per module, compiled two at a time on two cores (1 min
    # 44 s here), where one shared library is one large C file on one core (about 3 min).
    stages = mypycify(["--ignore-missing-imports", *paths], separate=True)
    handwritten = [
        Extension(f"pipeline.{module}", [f"pipeline/{source}"])
        for module, source in NATIVE["C_EXTENSIONS"].items()
    ]
    return stages + handwritten


setup(
    ext_modules=compiled_stages(),
    cmdclass={"build_ext": OptionalBuildExt},
    options={"build_ext": {"parallel": os.cpu_count() or 1}},  # one module per core at a time
)
