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

Session 9 added: ``--corpus jsonl`` (bench/volume.py's one-file corpus), the share of the
actors' idle time inside the driver's store writes (``critical_path``), a row's transit
and reorder waits (``row_waits``), and ``--cached-annotation``: actors look Reports up
instead of annotating, so a run measures the rest of the pipeline's ceiling (a variant's
``SLEEP_MS_PER_REPORT=n`` makes each report take n ms without a CPU):

    python bench/ingest.py --ray-idle --corpus jsonl --docs 600 --repeat 2 --cached-annotation \
      --variants "gb2:STREAMING_GEN_BUFFER_BLOCKS=2" "gb8:STREAMING_GEN_BUFFER_BLOCKS=8"
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


def cached_annotator(cache: Path, sleep_ms: float = 0.0) -> type:
    """An Annotator that looks each document's Report up in ``cache`` (text -> Report,
    pickled, made by ``annotate_once``) instead of running the model: with the actors'
    work near zero, a run measures what the rest of the pipeline (read task, Ray Data,
    the driver's load) can carry at most, the ceiling of Ray's rate (session 9). With
    ``sleep_ms``, each report takes that long without using a CPU: actors as fast as on
    an idle machine, whatever the load of a shared one."""
    import pickle as pickle_module

    from sitrep.records import to_json
    from sitrep.scale.ray_engine import Annotator, transit_schema
    from sitrep.scale.reorder import is_end_marker
    from sitrep.scale.shards import REPORT_PICKLE

    class CachedAnnotator(Annotator):
        def __init__(self, settings, published):  # type: ignore[no-untyped-def]
            self.reports = pickle_module.loads(cache.read_bytes())
            self.published = published
            self.schema = transit_schema()

        def __call__(self, batch):  # type: ignore[no-untyped-def]
            import pyarrow as pa

            time.sleep(sleep_ms * batch.num_rows / 1000)
            rows = []
            for row in batch.to_pylist():
                report = None if is_end_marker(row) else self.reports.get(row["text"])
                if report is not None:
                    row = {**row, "doc_id": report.id, "report_json": to_json(report),
                           REPORT_PICKLE: pickle_module.dumps(report, protocol=5)}  # fmt: skip
                rows.append(row)
            return pa.Table.from_pylist(rows, schema=self.schema)

    return CachedAnnotator


def annotate_once(folder: Path, cache: Path) -> None:
    """Every document under ``folder`` annotated here, once: text -> Report, pickled."""
    import pickle

    from sitrep.engine import annotate_safely
    from sitrep.ingest import read_paths
    from sitrep.ingest.document import RawDocument
    from sitrep.resources import load_resources
    from sitrep.settings import Settings

    settings = Settings()
    resources = load_resources(settings)
    reports = {}
    for raw in read_paths([folder], settings):
        if isinstance(raw, RawDocument):
            outcome = annotate_safely(raw, resources, None)
            if isinstance(outcome, tuple):
                reports[raw.text] = outcome[1]
    cache.write_bytes(pickle.dumps(reports, protocol=5))


def probed_annotator(log_dir: Path, base: type | None = None) -> type:
    """The engine's Annotator (or ``base``), logging each call's wall start and end to
    ``log_dir`` (one file per actor process): defined here, so Ray ships it to the actors
    by value."""
    from sitrep.scale.ray_engine import Annotator

    class ProbedAnnotator(base or Annotator):  # type: ignore[misc]
        def __call__(self, batch):  # type: ignore[no-untyped-def]
            start, cpu = time.time(), time.process_time()
            out = super().__call__(batch)
            with (log_dir / f"actor-{os.getpid()}.log").open("a") as log:
                first = min(batch.column("rec_seq").to_pylist(), default=-1)
                log.write(
                    f"{start} {time.time()} {cpu} {time.process_time()} {batch.num_rows} {first}\n"
                )
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


def idle_during_writes(log_dir: Path, writes: list[tuple[float, float]]) -> dict[str, float]:
    """How the actors' idle time lines up with the driver's store writes (session 9): the
    share of the actors' idle seconds (between their first and last call) that fall while
    the driver is inside ``write_batch``, against the share of that window the driver
    spends writing. Equal shares: the actors idle whatever the driver does; a much larger
    first share: they wait on the driver (its writes are on their critical path)."""
    calls = [_calls(path) for path in sorted(log_dir.glob("actor-*.log"))]
    if not calls or not writes:
        return {}
    first = min(c[0][0] for c in calls)
    last = max(c[-1][1] for c in calls)
    writing = _merged([(max(a, first), min(b, last)) for a, b in writes if b > first and a < last])
    idle_s = during = 0.0
    for times in calls:
        gaps = [(a[1], b[0]) for a, b in itertools.pairwise(times) if b[0] > a[1]]
        idle_s += sum(b - a for a, b in gaps)
        during += sum(_overlap(gap, writing) for gap in gaps)
    window = last - first
    return {
        "actor_idle_s": round(idle_s, 2),
        "idle_share_during_writes": round(during / idle_s, 3) if idle_s else 0.0,
        "writing_share_of_window": round(sum(b - a for a, b in writing) / window, 3),
    }


def row_waits(
    log_dir: Path,
    arrivals: list[tuple[float, int, list[int]]],
    writes: list[tuple[float, float]],
) -> dict[str, float]:
    """Where an annotated row spends its time before the store (one input file): from the
    end of the actor call that made it to its arrival in the driver (Ray's transit and the
    driver not asking), then waiting in the reorder buffer for an earlier row (median and
    90th percentile, ms); and the seconds the driver spent writing after the last call."""
    made: dict[int, float] = {}
    for path in log_dir.glob("actor-*.log"):
        for call in _calls(path):
            if len(call) > 5 and call[5] >= 0:
                for rec in range(int(call[5]), int(call[5]) + int(call[4])):
                    made[rec] = call[1]
    transit = sorted(t - made[rec] for t, rec, _ in arrivals if rec in made)
    arrived = {rec: t for t, rec, _ in arrivals}
    released = [t - arrived[rec] for t, _, ready in arrivals for rec in ready if rec in arrived]
    last_call = max(made.values(), default=0.0)
    tail = sum(max(0.0, b - max(a, last_call)) for a, b in writes if b > last_call)

    def ms(values: list[float], q: float) -> float:
        return round(1000 * sorted(values)[int(q * (len(values) - 1))], 1) if values else 0.0

    return {
        "transit_median_ms": ms(transit, 0.5),
        "transit_p90_ms": ms(transit, 0.9),
        "reorder_wait_median_ms": ms(released, 0.5),
        "reorder_wait_p90_ms": ms(released, 0.9),
        "writing_after_last_call_s": round(tail, 2),
    }


def _merged(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    merged: list[tuple[float, float]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _overlap(span: tuple[float, float], spans: list[tuple[float, float]]) -> float:
    return sum(max(0.0, min(span[1], b) - max(span[0], a)) for a, b in spans)


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

    arrivals: list[tuple[float, int, list[int]]] = []  # (wall, rec_seq, rows it released)

    class CountedBuffer(reorder.RunOrderBuffer):
        def __init__(self, files: int) -> None:
            super().__init__(files)
            buffers.append(self)

        def add(self, row):  # type: ignore[no-untyped-def]
            ready = super().add(row)
            arrivals.append((time.time(), row["rec_seq"], [r["rec_seq"] for r in ready]))
            return ready

    store = Store(db)
    writes: list[tuple[float, float]] = []  # the driver's write_batch calls, wall start/end
    write_batch = store.write_batch

    def timed_write(*args, **kwargs):  # type: ignore[no-untyped-def]
        start = time.time()
        try:
            return write_batch(*args, **kwargs)
        finally:
            writes.append((start, time.time()))

    store.write_batch = timed_write  # type: ignore[method-assign]
    cache = constants.pop("CACHE", None)
    sleep_ms = float(str(constants.pop("SLEEP_MS_PER_REPORT", 0)))
    base = cached_annotator(Path(str(cache)), sleep_ms) if cache else None
    patches = {"Annotator": probed_annotator(log_dir, base), "_next_block": next_block,
               "RunOrderBuffer": CountedBuffer, **constants}  # fmt: skip
    saved = {name: getattr(ray_engine, name) for name in patches}
    next_block_of_engine = ray_engine._next_block
    for name, value in patches.items():
        setattr(ray_engine, name, value)
    start = time.perf_counter()
    try:
        ray_engine.ingest_with_ray([folder], store, Settings(), workers=workers,
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
        "driver_writing": round(sum(b - a for a, b in writes) / total, 3),
        "critical_path": idle_during_writes(log_dir, writes),
        "row_waits": row_waits(log_dir, arrivals, writes),
        "reorder_peak_rows": buffers[-1].peak if buffers else 0,
        "tree_cpu_ms_per_report": round((marks[-1][1] - first[1]) / reports * 1000, 2),
        "docs_per_s_from_first_stored": round(reports / (marks[-1][2] - first[2]), 2),
    }


def write_inputs(folder: Path, docs: int, corpus: str) -> None:
    """The ingest's input: the examples' sentences as text files (``txt``), or the volume
    benchmark's synthetic stories as one JSONL file (``jsonl``: what ``bench/volume.py``
    ingests, a single read task for the whole run)."""
    if corpus == "txt":
        synthetic_corpus(folder, docs)
        return
    sys.path.insert(0, str(REPO / "bench"))
    from synthetic import build_templates, write_corpus

    folder.mkdir(parents=True, exist_ok=True)
    write_corpus(folder / "corpus.jsonl", docs, build_templates(), 7)


def ray_idle_main(
    docs: int,
    workers: int,
    repeat: int,
    variants: list[str],
    corpus: str = "txt",
    *,
    cached: bool = False,
) -> None:
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
            write_inputs(root / "in", docs, corpus)
            if cached:
                annotate_once(root / "in", root / "reports.pickle")
                for values in settings.values():
                    values["CACHE"] = str(root / "reports.pickle")
            for _ in range(repeat):
                for name in runs:
                    got = ray_idle_run(root / "in", root / f"{name}.duckdb", workers,
                                       dict(settings[name]))  # fmt: skip
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
    parser.add_argument(
        "--corpus",
        choices=("txt", "jsonl"),
        default="txt",
        help="with --ray-idle: example sentences as text files, or bench/volume.py's JSONL",
    )
    parser.add_argument(
        "--cached-annotation",
        action="store_true",
        help="with --ray-idle: actors look Reports up instead of annotating (Ray's ceiling)",
    )
    args = parser.parse_args()
    if args.ray_idle:
        ray_idle_main(args.docs, args.workers, args.repeat, args.variants, args.corpus,
                      cached=args.cached_annotation)  # fmt: skip
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
