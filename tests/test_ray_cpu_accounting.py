"""Session 9's measures of where a Ray ingest spends CPU and where it waits (bench/)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from ingest import idle_during_writes, row_waits
from volume import CpuByGroup, marginal_cpu, process_group

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")

BUSY = "import time\nend = time.process_time() + 0.4\nwhile time.process_time() < end: pass\n"


def renamed(name: str, *args: str) -> subprocess.Popen[bytes]:
    """A child process whose command line starts with ``name``, as Ray's workers rename
    themselves (``ray::MapWorker(...)``)."""
    return subprocess.Popen(["bash", "-c", 'exec -a "$0" "$@"', name, *args])


@pytest.mark.parametrize(
    ("name", "group"),
    [
        ("ray::MapWorker(MapBatches(Annotator))", "actors"),
        ("ray::IDLE", "ray_tasks"),
        ("ray::_StatsActor", "ray_tasks"),
        ("/venv/lib/python3.11/site-packages/ray/core/src/ray/raylet/raylet", "raylet"),
        ("/venv/lib/python3.11/site-packages/ray/core/src/ray/gcs/gcs_server", "gcs"),
        ("/venv/lib/python3.11/site-packages/ray/dashboard/agent.py", "ray_other"),
        ("/venv/bin/sitrep", "workers"),
    ],
)
def test_a_process_is_grouped_by_what_its_command_line_says_it_runs(name: str, group: str) -> None:
    child = renamed(name, "sleep", "5")
    try:
        time.sleep(0.2)  # let exec rename it
        assert process_group(child.pid, root=os.getpid()) == group
    finally:
        child.kill()
        child.wait()


def test_the_root_is_the_main_group_whatever_its_name() -> None:
    assert process_group(os.getpid(), root=os.getpid()) == "main"


def test_a_busy_child_is_charged_to_its_group_and_the_root_to_main() -> None:
    child = renamed("ray::MapWorker(probe)", sys.executable, "-c", BUSY)
    cpu = CpuByGroup(os.getpid())
    while child.poll() is None:
        cpu.sample()
        time.sleep(0.05)
    groups = cpu.by_group()
    assert groups["actors"] >= 0.2  # the last 50 ms may fall after the last sample
    assert "main" in groups
    assert cpu.series and cpu.series[-1][1]["actors"] == pytest.approx(groups["actors"], abs=0.01)
    assert cpu.wait_and_idle()["main"]["alive_s"] > 0


def test_marginal_cpu_is_the_extra_cpu_of_the_larger_run_per_extra_report() -> None:
    runs = {
        "ray_small": {"added": 60, "cpu_s": {"actors": 10.0, "main": 4.0}},
        "ray_full": {"added": 600, "cpu_s": {"actors": 37.0, "main": 9.4, "raylet": 0.54}},
        "w1_small": {"added": 60, "cpu_s": {"main": 6.0}},
    }
    assert marginal_cpu(runs) == {
        "ray": {"actors": 50.0, "main": 10.0, "raylet": 1.0, "all": 61.0}
    }  # w1 has no full run: no figure


def write_calls(folder: Path, actor: str, calls: list[tuple[float, float, int, int]]) -> None:
    """An actor's call log as the probed annotator writes it: wall start and end, CPU at
    start and end, rows, first rec_seq."""
    folder.mkdir(exist_ok=True)
    lines = [f"{a} {b} 0 0 {rows} {first}" for a, b, rows, first in calls]
    (folder / f"actor-{actor}.log").write_text("\n".join(lines) + "\n")


def test_actor_idle_time_inside_the_drivers_writes_is_told_apart(tmp_path: Path) -> None:
    # One actor: calls 0-1 and 2-3 s (idle 1-2 s); the other: 0-3 s (never idle).
    write_calls(tmp_path, "a", [(0.0, 1.0, 8, 0), (2.0, 3.0, 8, 16)])
    write_calls(tmp_path, "b", [(0.0, 3.0, 8, 8)])
    waiting_on_driver = idle_during_writes(tmp_path, [(1.0, 2.0)])
    elsewhere = idle_during_writes(tmp_path, [(2.5, 3.0)])
    assert waiting_on_driver == {
        "actor_idle_s": 1.0,
        "idle_share_during_writes": 1.0,
        "writing_share_of_window": pytest.approx(0.333, abs=0.001),
    }
    assert elsewhere["idle_share_during_writes"] == 0.0


def test_row_waits_split_transit_from_waiting_for_an_earlier_row(tmp_path: Path) -> None:
    # Rows 0-1 made at 2.0 s, rows 2-3 at 1.0 s: rows 2-3 arrive first and wait for 0-1.
    write_calls(tmp_path, "a", [(0.0, 2.0, 2, 0)])
    write_calls(tmp_path, "b", [(0.0, 1.0, 2, 2)])
    arrivals = [(1.5, 2, []), (1.5, 3, []), (2.5, 0, [0]), (2.5, 1, [1, 2, 3])]
    waits = row_waits(tmp_path, arrivals, [(2.6, 3.0)])
    assert waits["transit_median_ms"] == 500.0
    assert waits["reorder_wait_p90_ms"] == 1000.0  # rows 2-3: arrived at 1.5, out at 2.5
    assert waits["writing_after_last_call_s"] == pytest.approx(0.4)
