"""Short runs of the atheris fuzz targets in fuzz/ (the long runs are `make fuzz`): each
target starts, runs a few hundred inputs and finds no crash. Skipped where atheris is
not installed (it is a dev-only dependency with a compiled part)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FUZZ = REPO / "fuzz"

pytest.importorskip("atheris")

# (target, inputs): annotate runs the model on every input, so it gets fewer.
TARGETS = [("fuzz_clean.py", 2000), ("fuzz_readers.py", 300), ("fuzz_annotate.py", 60)]


@pytest.mark.parametrize(("target", "runs"), TARGETS)
def test_fuzz_target_runs_without_a_crash(target: str, runs: int, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), str(FUZZ)])}
    result = subprocess.run(
        [sys.executable, str(FUZZ / target), f"-runs={runs}", "-seed=1",
         f"-artifact_prefix={tmp_path}/"],
        capture_output=True, text=True, env=env, timeout=300, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    assert f"Done {runs} runs" in result.stderr
    assert not list(tmp_path.glob("crash-*"))
