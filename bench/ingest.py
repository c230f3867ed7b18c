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

``--ray-idle`` measures where the Ray pipeline waits (session 5), alternating runs with
Ray Data's ``preserve_order`` (before) and without it, the driver reordering (now): the
share of each actor's time between its first and last call spent outside a call (idle:
no block to annotate), the share of the driver's time blocked waiting for the next block,
the reorder buffer's peak (rows held), the CPU of the whole tree per report and the rate
from the first stored row. Idle shares, unlike wall rates, say little about the load:

    python bench/ingest.py --ray-idle --docs 400 --workers 2 --repeat 2
    python bench/ingest.py --ray-idle --variants a:ACTOR_BATCH=8 b:ACTOR_BATCH=32
"""

from __future__ import annotations

import argparse
import itertools
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


def probed_annotator(log_dir: Path) -> type:
    """The engine's Annotator, logging each call's wall start and end to ``log_dir``
    (one file per actor process): defined here, so Ray ships it to the actors by value."""
    from sitrep.scale.ray_engine import Annotator

    class ProbedAnnotator(Annotator):
        def __call__(self, batch):  # type: ignore[no-untyped-def]
            start, cpu = time.time(), time.process_time()
            out = super().__call__(batch)
            with (log_dir / f"actor-{os.getpid()}.log").open("a") as log:
                log.write(f"{start} {time.time()} {cpu} {time.process_time()} {batch.num_rows}\n")
            return out

    return ProbedAnnotator


def _calls(path: Path) -> list[list[float]]:
    """Each call of one actor: wall start, wall end, CPU at start, CPU at end, rows."""
    return sorted([float(x) for x in line.split()] for line in path.read_text().splitlines())


def actor_window_s(log_dir: Path) -> float:
    calls = [call for path in log_dir.glob("actor-*.log") for call in _calls(path)]
    return max(call[1] for call in calls) - min(call[0] for call in calls)


def actor_idle(log_dir: Path) -> dict[str, list[float]]:
    """Per actor: the share of its time from first call to last spent between calls, the
    median gap between two calls (ms) and the CPU the actor process spent in those gaps
    (ms per gap: Ray's own work around a call, not the annotation), the rows per call, and
    how long it went on after the other actors' last call ended (ms: the run's tail)."""
    calls = {path.name: _calls(path) for path in sorted(log_dir.glob("actor-*.log"))}
    keys = ("idle_share", "gap_median_ms", "gap_cpu_median_ms", "rows_per_call", "tail_ms")
    found: dict[str, list[float]] = {key: [] for key in keys}
    last_end = {name: times[-1][1] for name, times in calls.items()}
    for name, times in calls.items():
        span = times[-1][1] - times[0][0]
        busy = sum(call[1] - call[0] for call in times)
        pairs = list(itertools.pairwise(times)) or [(times[0], times[0])]
        others = [end for other, end in last_end.items() if other != name]
        found["idle_share"].append(round(1 - busy / span, 3) if span > 0 else 0.0)
        found["gap_median_ms"].append(
            round(statistics.median(b[0] - a[1] for a, b in pairs) * 1000, 1)
        )
        found["gap_cpu_median_ms"].append(
            round(statistics.median(b[2] - a[3] for a, b in pairs) * 1000, 1)
        )
        found["rows_per_call"].append(round(statistics.mean(call[4] for call in times), 1))
        found["tail_ms"].append(round(max(0.0, last_end[name] - max(others, default=0)) * 1000))
    return found


# ``--ray-idle``'s default comparison: Ray's ordered output (before), the driver's (now).
IDLE_VARIANTS = ["preserve_order:PRESERVE_ORDER=True", "reorder:PRESERVE_ORDER=False"]


def parse_variant(text: str) -> tuple[str, dict[str, object]]:
    """``NAME:CONSTANT=VALUE,...``: a name and the ``ray_engine`` constants it sets."""
    name, _, assignments = text.partition(":")
    values: dict[str, object] = {}
    for assignment in filter(None, assignments.split(",")):
        constant, _, value = assignment.partition("=")
        values[constant] = None if value == "None" else json.loads(value.lower())
    return name, values


def ray_idle_run(
    folder: Path, db: Path, workers: int, constants: dict[str, object]
) -> dict[str, object]:
    """One Ray ingest in this process with these ``ray_engine`` constants (read by the
    driver when it builds the pipeline)."""
    from sitrep.scale import ray_engine, reorder
    from sitrep.settings import Settings
    from sitrep.store import Store

    db.unlink(missing_ok=True)
    log_dir = db.with_suffix(".actors")
    log_dir.mkdir(exist_ok=True)
    for old in log_dir.glob("*.log"):
        old.unlink()
    tree = TreeCpu(os.getpid())
    marks: list[tuple[int, float, float]] = []  # (reports, tree CPU, wall)
    waited = [0.0]
    buffers: list[reorder.RunOrderBuffer] = []

    def mark(summary: IngestSummary) -> None:
        if not marks or summary.seen - marks[-1][0] >= TREE_EVERY:
            marks.append((summary.seen, tree.seconds(), time.perf_counter()))

    def next_block(blocks, folder):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        try:
            return next_block_of_engine(blocks, folder)
        finally:
            waited[0] += time.perf_counter() - start

    class CountedBuffer(reorder.RunOrderBuffer):
        def __init__(self, files: int) -> None:
            super().__init__(files)
            buffers.append(self)

    patches = {"Annotator": probed_annotator(log_dir), "_next_block": next_block,
               "RunOrderBuffer": CountedBuffer, **constants}  # fmt: skip
    saved = {name: getattr(ray_engine, name) for name in patches}
    next_block_of_engine = ray_engine._next_block
    for name, value in patches.items():
        setattr(ray_engine, name, value)
    start = time.perf_counter()
    try:
        ray_engine.ingest_with_ray([folder], Store(db), Settings(), workers=workers,
                                   on_progress=mark)  # fmt: skip
    finally:
        for name, value in saved.items():
            setattr(ray_engine, name, value)
    total = time.perf_counter() - start
    first = next(m for m in marks if m[0] > 0)
    reports = marks[-1][0] - first[0]
    window = actor_window_s(log_dir)
    return {
        # The whole ingest (the actors' start-up included; Ray is already up) and the
        # actors' window, from the first call's start to the last call's end.
        "seconds": round(total, 2),
        "actor_window_s": round(window, 2),
        "docs_per_s_in_window": round(marks[-1][0] / window, 2),
        "actors": actor_idle(log_dir),
        "driver_waiting": round(waited[0] / total, 3),
        "reorder_peak_rows": buffers[-1].peak if buffers else 0,
        "tree_cpu_ms_per_report": round((marks[-1][1] - first[1]) / reports * 1000, 2),
        "docs_per_s_from_first_stored": round(reports / (marks[-1][2] - first[2]), 2),
    }


def ray_idle_main(docs: int, workers: int, repeat: int, variants: list[str]) -> None:
    import logging

    import ray

    ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False,
             logging_level=logging.WARNING)  # fmt: skip
    load_before = os.getloadavg()[0]
    settings = dict(parse_variant(v) for v in variants)
    runs: dict[str, list[dict[str, object]]] = {name: [] for name in settings}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            synthetic_corpus(root / "in", docs)
            for _ in range(repeat):
                for name in runs:
                    got = ray_idle_run(root / "in", root / f"{name}.duckdb", workers,
                                       settings[name])  # fmt: skip
                    runs[name].append(got)
                    print(f"{name:15} {got}  load {os.getloadavg()[0]:.2f}", flush=True)
    finally:
        ray.shutdown()
    result = {
        "docs": docs, "workers": workers, "repeat": repeat, "variants": settings, "runs": runs,
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
    parser.add_argument(
        "--ray-idle", action="store_true", help="where the Ray pipeline waits (see above)"
    )
    parser.add_argument(
        "--variants",
        nargs="+",
        default=IDLE_VARIANTS,
        help="with --ray-idle: NAME:CONSTANT=VALUE,... of sitrep.scale.ray_engine to compare",
    )
    args = parser.parse_args()
    if args.ray_idle:
        ray_idle_main(args.docs, args.workers, args.repeat, args.variants)
        return
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
