"""Ingest throughput into a real DuckDB store with 1 and with N worker processes.

The corpus is synthetic: sentences of ``examples/articles`` recombined into new reports
(each report distinct, so nothing is skipped as a duplicate). Each run ingests the same
files into a fresh store; worker start-up (model loading) is included, as a user sees it.
Compare the ratio, not the absolute figures: the machines are shared and noisy, so
``--repeat R`` alternates R pairs of runs and reports the best of each and the median
ratio of the pairs, with the load average and the CPU seconds each setting used. The
last line printed is one JSON object:

    python bench/ingest.py --docs 300 --workers 2 --repeat 3

``--ray-driver`` measures the Ray engine's driver instead (one local Ray cluster of
``--workers`` CPUs in this process): the CPU seconds this process (every thread: the
loader, DuckDB, Ray's own) spends per report once rows arrive, with the loader
rebuilding each Report from its pickle (what it does) and from its JSON (what it did
before round 4), alternated ``--repeat`` times. CPU time, unlike wall time, hardly moves
with the load of a shared machine:

    python bench/ingest.py --ray-driver --docs 400 --workers 2 --repeat 2
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sitrep.engine import IngestSummary

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "articles"


def synthetic_corpus(folder: Path, docs: int, seed: int = 7) -> int:
    """Write ``docs`` reports of 6-12 example sentences each; returns the word count."""
    sentences = [
        s.strip()
        for path in sorted(EXAMPLES.glob("*.txt"))
        for s in re.split(r"(?<=[.!?])\s+", path.read_text(encoding="utf-8"))
        if len(s.split()) >= 6
    ]
    rng = random.Random(seed)
    words = 0
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(docs):
        body = " ".join(rng.sample(sentences, rng.randint(6, 12)))
        text = f"Report {i}.\n\n{body}\n"
        words += len(text.split())
        (folder / f"r{i:06d}.txt").write_text(text, encoding="utf-8")
    return words


def timed_ingest(folder: Path, db: Path, workers: int) -> tuple[float, float]:
    """Wall seconds and CPU seconds (this process and its finished workers) of one run."""
    from sitrep.engine import ingest
    from sitrep.settings import Settings
    from sitrep.store import Store

    if db.exists():
        db.unlink()
    cpu_before = _cpu_seconds()
    start = time.perf_counter()
    summary = ingest([folder], Store(db), Settings(), workers=workers)
    elapsed = time.perf_counter() - start
    if summary.failed:
        raise SystemExit(f"{summary.failed} documents failed: {summary.failures[:3]}")
    return elapsed, _cpu_seconds() - cpu_before


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    # The pool's workers are joined when a run ends, so their time is counted here.
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


# Reports between two readings of the whole tree's CPU time (/proc of ~15 processes).
TREE_EVERY = 16
TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


class TreeCpu:
    """CPU seconds used so far by a process and all its descendants (Ray's daemons and
    actors), read from /proc; a process that exits keeps its last reading."""

    def __init__(self, root: int) -> None:
        self.root = root
        self.last: dict[int, float] = {}

    def seconds(self) -> float:
        children: dict[int, list[int]] = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit() and (stat := _stat_fields(int(entry.name))):
                children.setdefault(int(stat[1]), []).append(int(entry.name))
        todo = [self.root]
        while todo:
            pid = todo.pop()
            if stat := _stat_fields(pid):
                self.last[pid] = (int(stat[11]) + int(stat[12])) / TICKS
            todo.extend(children.get(pid, []))
        return sum(self.last.values())


def _stat_fields(pid: int) -> list[str] | None:
    """Fields of /proc/PID/stat after the command name (state, ppid, ...)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def ray_driver_cpu(folder: Path, db: Path, workers: int, *, from_json: bool) -> dict[str, float]:
    """CPU milliseconds per report of one Ray ingest, from the first stored row on (Ray's
    start-up and the actors' model loading excluded): of this process (the driver, every
    thread) and of the whole tree (actors and Ray's daemons too); and the wall rate."""
    from sitrep.scale import ray_engine, shards
    from sitrep.settings import Settings
    from sitrep.store import Store

    db.unlink(missing_ok=True)
    tree = TreeCpu(os.getpid())
    marks: list[tuple[int, float, float, float]] = []  # (reports, driver CPU, tree CPU, wall)

    def mark(summary: IngestSummary) -> None:
        if not marks or summary.seen - marks[-1][0] >= TREE_EVERY:
            marks.append((summary.seen, time.process_time(), tree.seconds(), time.perf_counter()))

    original = shards.outcome_of
    if from_json:  # the loader of rounds 1-3: every Report parsed from its JSON
        shards.outcome_of = lambda row, raw: original({**row, shards.REPORT_PICKLE: None}, raw)
    try:
        ray_engine.ingest_with_ray([folder], Store(db), Settings(), workers=workers,
                                   on_progress=mark)  # fmt: skip
    finally:
        shards.outcome_of = original
    first = next(m for m in marks if m[0] > 0)
    reports = marks[-1][0] - first[0]
    return {
        "driver_cpu_ms_per_report": round((marks[-1][1] - first[1]) / reports * 1000, 2),
        "tree_cpu_ms_per_report": round((marks[-1][2] - first[2]) / reports * 1000, 2),
        "docs_per_s": round(reports / (marks[-1][3] - first[3]), 2),
    }


def local_cpu_per_report(folder: Path, db: Path) -> float:
    """CPU milliseconds per report of one local worker (model loading excluded)."""
    from sitrep.engine import ingest
    from sitrep.settings import Settings
    from sitrep.store import Store

    db.unlink(missing_ok=True)
    marks: list[tuple[int, float]] = []
    ingest([folder], Store(db), Settings(), workers=1,
           on_progress=lambda s: marks.append((s.seen, time.process_time())))  # fmt: skip
    first = next(m for m in marks if m[0] > 0)
    return round((marks[-1][1] - first[1]) / (marks[-1][0] - first[0]) * 1000, 2)


def ray_driver_main(docs: int, workers: int, repeat: int) -> None:
    import logging

    import ray

    ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False,
             logging_level=logging.WARNING)  # fmt: skip
    load_before = os.getloadavg()[0]
    runs: dict[str, list[dict[str, float]]] = {"pickle": [], "json": []}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            synthetic_corpus(root / "in", docs)
            local_ms = local_cpu_per_report(root / "in", root / "local.duckdb")
            print(f"local  1 worker {local_ms:6.2f} ms CPU/report", flush=True)
            for _ in range(repeat):
                for name in ("json", "pickle"):
                    got = ray_driver_cpu(root / "in", root / f"{name}.duckdb", workers,
                                         from_json=name == "json")  # fmt: skip
                    runs[name].append(got)
                    print(f"{name:6} driver {got['driver_cpu_ms_per_report']:6.2f} ms CPU/report, "
                          f"all Ray {got['tree_cpu_ms_per_report']:6.2f}, "
                          f"{got['docs_per_s']:6.2f} docs/s", flush=True)  # fmt: skip
    finally:
        ray.shutdown()
    median = {
        name: statistics.median(r["driver_cpu_ms_per_report"] for r in found)
        for name, found in runs.items()
    }
    tree = statistics.median(r["tree_cpu_ms_per_report"] for r in runs["pickle"])
    result = {
        "docs": docs, "workers": workers, "repeat": repeat,
        "local_cpu_ms_per_report": local_ms,
        "driver_cpu_ms_per_report": median,
        "driver_cpu_saved": round(1 - median["pickle"] / median["json"], 3),
        "ray_tree_cpu_ms_per_report": tree,
        # On `workers` idle cores Ray can do no better than the CPU it needs in all (the
        # tree) nor than its one serial driver allows (the main thread is most of it).
        "ceiling_vs_local": round(
            local_ms * min(workers / tree, 1 / median["pickle"]), 3
        ),
        "docs_per_s": {n: [r["docs_per_s"] for r in found] for n, found in runs.items()},
        "load_avg_1min": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }  # fmt: skip
    sys.stdout.write(json.dumps(result) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--repeat", type=int, default=1, help="pairs of runs, alternating 1 and N workers"
    )
    parser.add_argument(
        "--ray-driver", action="store_true", help="the Ray driver's CPU per report (see above)"
    )
    args = parser.parse_args()
    if args.ray_driver:
        ray_driver_main(args.docs, args.workers, args.repeat)
        return
    n = args.workers
    load_before = os.getloadavg()[0]
    pairs: list[tuple[float, float]] = []
    cpu: dict[int, float] = {1: 0.0, n: 0.0}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        words = synthetic_corpus(root / "in", args.docs)
        for _ in range(args.repeat):
            one, cpu_one = timed_ingest(root / "in", root / "one.duckdb", 1)
            many, cpu_many = timed_ingest(root / "in", root / "many.duckdb", n)
            pairs.append((one, many))
            cpu[1] += cpu_one
            cpu[n] += cpu_many
            print(f"pair: 1 worker {one:6.1f} s, {n} workers {many:6.1f} s, {one / many:.2f}x")
        store_mb = (root / "many.duckdb").stat().st_size / 1e6
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ratios = sorted(one / many for one, many in pairs)
    best_one, best_many = min(p[0] for p in pairs), min(p[1] for p in pairs)
    result = {
        "docs": args.docs,
        "words": words,
        "workers": n,
        "repeat": args.repeat,
        "docs_per_s_1": round(args.docs / best_one, 2),
        f"docs_per_s_{n}": round(args.docs / best_many, 2),
        # Ratio of the best runs, and the median of the ratios of runs taken side by side.
        "speedup": round(best_one / best_many, 3),
        "speedup_median_pair": round(statistics.median(ratios), 3),
        # CPU seconds per run, 1 worker over N: below 1 is the cost of going parallel
        # (pickling, the pool); on N idle cores the speed-up is at most N times this.
        "cpu_efficiency": round(cpu[1] / cpu[n], 3),
        "load_avg_1min": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "store_mb": round(store_mb, 2),
        "peak_rss_mb_main": round(peak_mb, 1),
    }
    print(f"1 worker:   {result['docs_per_s_1']:8.2f} docs/s (best of {args.repeat})")
    print(f"{n} workers:  {result[f'docs_per_s_{n}']:8.2f} docs/s (best of {args.repeat})")
    print(
        f"speed-up: {result['speedup']:.2f}x (median pair {result['speedup_median_pair']:.2f}x), "
        f"CPU efficiency {result['cpu_efficiency']:.2f}, load {result['load_avg_1min']}, "
        f"store {store_mb:.1f} MB"
    )
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
