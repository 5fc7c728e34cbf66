"""Real `newsfacts run` processes for the benchmarks and the tests, started one way.

The child imports ``pipeline`` from this checkout, whether or not it is installed, and uses
the instance of ``dagster_home`` only when one is given (never the caller's DAGSTER_HOME).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWSFACTS_RUN = (sys.executable, "-m", "pipeline.cli", "run")
RUN_TIMEOUT_SECONDS = 600


def run_env(raw: Path, warehouse: Path, dagster_home: Path | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DAGSTER_HOME"}
    env.update(NEWSFACTS_RAW_DIR=str(raw), NEWSFACTS_WAREHOUSE=str(warehouse))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    if dagster_home:
        env["DAGSTER_HOME"] = str(dagster_home)
    return env


def start_run(env: dict[str, str], log: Path) -> subprocess.Popen:
    """A run in the background, its output (both streams) going to ``log``."""
    with log.open("w") as out:
        return subprocess.Popen(
            NEWSFACTS_RUN, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
        )


def run_to_end(
    raw: Path, warehouse: Path, dagster_home: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """A run waited for, its output captured."""
    return subprocess.run(
        NEWSFACTS_RUN,
        cwd=ROOT,
        env=run_env(raw, warehouse, dagster_home),
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_SECONDS,
    )
