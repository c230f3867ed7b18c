"""Ingest at volume: throughput, peak memory, store size and query latency (issue 9).

Writes a synthetic corpus (``bench/synthetic.py``) of N reports and one of N/10 as JSONL,
then runs ``sitrep ingest`` on each as a user would (a fresh process, model loading
included) with ``--workers 1``, ``--workers 2`` and ``--engine ray`` (a local Ray cluster
of 2 CPUs). Peak memory is that of the whole process tree (workers, Ray's processes),
summed as PSS so that shared pages count once; it must be flat from N/10 to N. Query
latency is measured on the N-report store. Compare ratios within one run, not absolute
figures across machines. The last line printed is one JSON object:

    python bench/volume.py --reports 2000
    python bench/volume.py --reports 100000 --configs w2     # docs/SCALE.md: ~2 h here

``--writer-memory`` instead ingests the N-report corpus in this process (``--workers 2``)
and prints, every 250 reports, where the writer's memory is: RSS, glibc's arenas (bytes
taken from the system, in use, free), DuckDB's jemalloc (resident) and the threads
(Linux, glibc): what found the writer's growth of round 3 (docs/SCALE.md, round 4):

    python bench/volume.py --reports 3000 --writer-memory --dir /tmp/wm

Every run also records the CPU seconds of its process tree by group (the writer or Ray's
driver, local workers, Ray's actors, tasks, raylet, GCS, other Ray helpers), with run-queue
delay and sleep, and ``marginal_cpu_ms_per_report`` compares the N and N/10 runs by group:
CPU, unlike wall time, hardly moves with the load of a shared machine (docs/SCALE.md,
session 9). ``DB.cpu.json`` keeps each group's CPU over the run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

from synthetic import build_templates, write_corpus  # noqa: E402

SITREP = Path(sys.executable).with_name("sitrep")
# Ingest configurations: the extra options of `sitrep ingest`.
CONFIGS: dict[str, list[str]] = {
    "w1": ["--workers", "1"],
    "w2": ["--workers", "2"],
    "ray": ["--engine", "ray", "--workers", "2"],
}
POLL_S = 0.25
# Seconds between the timeline's probes of the store (reports stored so far).
TIMELINE_EVERY_S = 30.0
QUERY_REPEATS = 3
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


# ------------------------------------------------------------------ memory of a process tree


def tree_memory_mb(root: int) -> float:
    """PSS (RSS where PSS cannot be read) of ``root`` and all its descendants, in MB."""
    try:
        import psutil
    except ImportError:
        return sum(_proc_memory(pid) for pid in _descendants(root)) / 1e6
    try:
        parent = psutil.Process(root)
        procs = [parent, *parent.children(recursive=True)]
    except psutil.Error:
        return 0.0
    total = 0
    for proc in procs:
        try:
            info = proc.memory_full_info()
            total += getattr(info, "pss", info.rss)
        except psutil.Error:
            continue
    return total / 1e6


def tree_memory_by_group_mb(root: int) -> dict[str, float]:
    """PSS of ``root``'s tree by ``process_group`` (the writer is "main"), in MB: which
    process holds a rise of the tree's total (docs/SCALE.md, session 10)."""
    groups: dict[str, float] = {}
    for pid in _descendants(root):
        group = process_group(pid, root)
        groups[group] = groups.get(group, 0.0) + _proc_memory(pid) / 1e6
    return {group: round(mb, 1) for group, mb in sorted(groups.items())}


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _proc_memory(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
    except OSError:
        return 0


# ------------------------------------------------------------------- CPU of a process tree

# Ray's worker processes name themselves after what they run ("ray::MapWorker(...)").
ACTOR_MARKS = ("MapWorker", "Annotator")


def process_group(pid: int, root: int) -> str:
    """Which part of an ingest a process is: the root (writer or Ray driver), an annotating
    worker (local pool worker or Ray actor), a Ray task or daemon worker, the raylet,
    the GCS, or Ray's other helpers (agents, log monitor)."""
    if pid == root:
        return "main"
    try:  # Ray's workers rewrite their command line to say what they run
        words = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except (OSError, UnicodeDecodeError):
        return "other"
    if any(mark in words for mark in ACTOR_MARKS):
        return "actors"
    if words.startswith("ray::"):
        return "ray_tasks"  # read tasks, idle workers, Ray Data's stats/autoscaling actors
    if "/raylet" in words:
        return "raylet"
    if "/gcs_server" in words:
        return "gcs"
    if "/ray/" in words:
        return "ray_other"  # scripts of the ray package: agents, log monitor
    return "workers"  # the local engine's pool (forked: the root's own command line)


class CpuByGroup:
    """CPU seconds of a process tree by group (``process_group``), and of the root's threads
    by name, read from /proc: each sample's increase of a process's user + system time is
    charged to the group it is in then (a Ray worker renames itself for another task)."""

    def __init__(self, root: int) -> None:
        self.root = root
        self.seen: dict[int, float] = {}
        self.groups: dict[str, float] = {}
        self.threads: dict[int, tuple[str, float]] = {}
        # Seconds the group's threads waited runnable for a CPU (schedstat's run delay):
        # CPU + run delay is the time a process wanted a CPU; the rest of its life it
        # slept, waiting on another process (the critical path) or on nothing to do.
        self.delay_seen: dict[int, float] = {}
        self.delays: dict[str, float] = {}
        self.alive: dict[str, float] = {}
        self.last_sample: float | None = None
        self.start = time.perf_counter()
        # (seconds since start, CPU seconds so far by group): where each group was busy.
        self.series: list[tuple[float, dict[str, float]]] = []

    def sample(self) -> None:
        now = time.perf_counter()
        since = now - self.last_sample if self.last_sample is not None else 0.0
        self.last_sample = now
        for pid in _descendants(self.root):
            total = process_cpu_s(pid)
            if not total:
                continue
            group = process_group(pid, self.root)
            self.groups[group] = self.groups.get(group, 0.0) + total - self.seen.get(pid, 0.0)
            self.seen[pid] = total
            delay = run_delay_s(pid)
            self.delays[group] = self.delays.get(group, 0.0) + delay - self.delay_seen.get(pid, 0.0)
            self.delay_seen[pid] = delay
            if group in ("main", "actors", "workers"):
                self.alive[f"{group}:{pid}"] = self.alive.get(f"{group}:{pid}", 0.0) + since
        self._sample_threads()
        self.series.append(
            (round(now - self.start, 2), {g: round(c, 2) for g, c in self.groups.items()})
        )

    def wait_and_idle(self) -> dict[str, dict[str, float]]:
        """For the root, the actors and the pool workers: CPU, run delay and sleep seconds
        over their lives (sleep = alive - CPU - run delay, summed over the group's
        processes; a process's run delay counts all its threads)."""
        found: dict[str, dict[str, float]] = {}
        for group in ("main", "actors", "workers"):
            alive = sum(s for key, s in self.alive.items() if key.startswith(group + ":"))
            if not alive:
                continue
            cpu, delay = self.groups.get(group, 0.0), self.delays.get(group, 0.0)
            found[group] = {
                "alive_s": round(alive, 1),
                "cpu_s": round(cpu, 1),
                "run_delay_s": round(delay, 1),
                "sleep_s": round(alive - cpu - delay, 1),
            }
        return found

    def _sample_threads(self) -> None:
        """The root's threads: the main thread (the writer's Python) apart from DuckDB's,
        Ray's and Ray Data's own threads."""
        task = Path(f"/proc/{self.root}/task")
        try:
            tids = [int(t.name) for t in task.iterdir()]
        except OSError:
            return
        for tid in tids:
            try:
                name = (task / str(tid) / "comm").read_text().strip()
                fields = (task / str(tid) / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            self.threads[tid] = ("main" if tid == self.root else name, cpu)

    def by_group(self) -> dict[str, float]:
        return {name: round(s, 2) for name, s in sorted(self.groups.items())}

    def main_threads(self) -> dict[str, float]:
        """The root's CPU seconds by thread name (threads of one name summed)."""
        named: dict[str, float] = {}
        for name, cpu in self.threads.values():
            named[name] = named.get(name, 0.0) + cpu
        return {name: round(s, 2) for name, s in sorted(named.items(), key=lambda x: -x[1])}


# ------------------------------------------------------------------------------ one ingest


def run_ingest(
    corpus: Path, db: Path, options: list[str], *, timeline: bool = False
) -> dict[str, Any]:
    """``sitrep ingest`` in a fresh process: seconds, peak tree memory and its summary;
    with ``timeline``, also the peak reached by each tenth of the run's reports."""
    command = [str(SITREP), "ingest", str(corpus), "--db", str(db), "--json", *options]
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0.0
    points: list[tuple[float, int, float, float]] = []  # (s, reports stored, peak, now)
    # The writer (the root process) alone: (reports stored, anonymous MB, file-backed MB).
    writer: list[tuple[int, float, float]] = []
    # PSS by process group at each probe: (reports stored, {group: MB}).
    by_group: list[tuple[int, dict[str, float]]] = []
    writer_peak = {"anon": 0.0, "file": 0.0}
    writer_cpu_s = 0.0  # the root process's own CPU (the writer; workers are children)
    next_probe = start + TIMELINE_EVERY_S
    cpu = CpuByGroup(proc.pid)
    reaped_cpu_s = 0.0
    while True:
        # wait4 gives the exact CPU of the root and the children it reaped (the local
        # pool's workers, Ray's processes it shut down), which sampling ends short of.
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            reaped_cpu_s = usage.ru_utime + usage.ru_stime
            break
        cpu.sample()
        now_mb = tree_memory_mb(proc.pid)
        peak = max(peak, now_mb)
        anon, file_backed = process_rss_mb(proc.pid)
        writer_cpu_s = process_cpu_s(proc.pid) or writer_cpu_s
        writer_peak["anon"] = max(writer_peak["anon"], anon)
        writer_peak["file"] = max(writer_peak["file"], file_backed)
        if timeline and time.perf_counter() >= next_probe:
            stored = stored_reports(db)
            if stored is not None:
                points.append((round(time.perf_counter() - start, 1), stored, peak, now_mb))
                writer.append((stored, anon, file_backed))
                by_group.append((stored, tree_memory_by_group_mb(proc.pid)))
                print(f"  {points[-1][0]:>7} s  {stored:>7} reports  peak {peak:.0f} MB  "
                      f"now {now_mb:.0f} MB  writer anon {anon:.0f} MB file {file_backed:.0f} MB"
                      f"  pss by group {by_group[-1][1]}",
                      file=sys.stderr, flush=True)  # fmt: skip
            next_probe = time.perf_counter() + TIMELINE_EVERY_S
        time.sleep(POLL_S)
    stdout, stderr = proc.communicate()
    elapsed = time.perf_counter() - start
    # The groups' CPU over time, for reading where a run waited (docs/SCALE.md, session 9).
    db.with_suffix(".cpu.json").write_text(json.dumps(cpu.series))
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({proc.returncode}):\n{stderr[-3000:]}")
    summary = json.loads(stdout.strip().splitlines()[-1])
    result = {
        "seconds": round(elapsed, 1),
        "docs_per_s": round(summary["added"] / elapsed, 2),
        "added": summary["added"],
        "peak_mb": round(peak, 1),
        "writer_peak_anon_mb": round(writer_peak["anon"], 1),
        "writer_peak_file_mb": round(writer_peak["file"], 1),
        "writer_cpu_ms_per_report": round(1000 * writer_cpu_s / max(1, summary["added"]), 2),
        "cpu_s": cpu.by_group(),
        "reaped_cpu_s": round(reaped_cpu_s, 2),
        "wait_and_idle": cpu.wait_and_idle(),
        "main_threads_cpu_s": cpu.main_threads(),
    }
    if timeline:
        result["timeline"] = points
        result["growth_kb_per_report"] = growth_kb_per_report(points)
        result["writer_timeline"] = writer
        result["pss_by_group_timeline"] = by_group
        result["pss_by_group_tenths"] = median_by_tenth(by_group, summary["added"])
        result["pss_growth_kb_per_report"] = {
            group: slope_kb_per_report([(n, mbs[group]) for n, mbs in by_group if group in mbs])
            for group in sorted({g for _, mbs in by_group for g in mbs})
        }
        result["writer_anon_growth_kb_per_report"] = slope_kb_per_report(
            [(n, anon) for n, anon, _ in writer]
        )
    return result


def process_rss_mb(pid: int) -> tuple[float, float]:
    """(anonymous, file-backed) resident MB of one process (Linux ``/proc/PID/status``).

    Anonymous pages (heap, arenas, DuckDB's buffers, numpy arrays) are what a process
    needs; file-backed ones (mapped code, memory-mapped cache files) are page cache that
    the kernel can drop and reread, so the two are reported apart."""
    fields: dict[str, float] = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            name, _, value = line.partition(":")
            if name in ("RssAnon", "RssFile", "RssShmem"):
                fields[name] = int(value.split()[0]) / 1024
    except (OSError, ValueError):
        return 0.0, 0.0
    return fields.get("RssAnon", 0.0), fields.get("RssFile", 0.0) + fields.get("RssShmem", 0.0)


def process_cpu_s(pid: int) -> float:
    """User + system CPU seconds of one process, its threads included (0.0: gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    # utime and stime are fields 14 and 15 of stat(5); fields[0] here is field 3.
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_delay_s(pid: int) -> float:
    """Seconds the threads of ``pid`` spent runnable, waiting for a CPU (schedstat)."""
    total = 0
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return 0.0
    for task in tasks:
        try:
            total += int((task / "schedstat").read_text().split()[1])
        except (OSError, IndexError, ValueError):
            continue
    return total / 1e9


def stored_reports(db: Path) -> int | None:
    """Reports committed so far, read between the writer's holds (None: not now)."""
    from sitrep.store import Store

    try:
        return Store(db, read_only=True, lock_timeout_s=5).counts()["documents"]
    except Exception:  # mid-creation, or the writer kept the lock: next probe
        return None


def growth_kb_per_report(points: list[tuple[float, int, float, float]]) -> float | None:
    """Least-squares slope of the running peak over reports stored, in the second half of
    the run (start-up and the model's first pages excluded): what 100k extrapolates from."""
    return slope_kb_per_report([(n, mb) for _, n, mb, _ in points])


def median_by_tenth(
    by_group: list[tuple[int, dict[str, float]]], reports: int
) -> dict[str, list[float | None]]:
    """Each group's median PSS (MB) over the probes of each tenth of the run's reports:
    which process holds a rise, steadier than single probes (docs/SCALE.md, session 10)."""
    groups = sorted({g for _, mbs in by_group for g in mbs})
    tenths: dict[str, list[float | None]] = {g: [] for g in groups}
    for tenth in range(10):
        low, high = tenth * reports / 10, (tenth + 1) * reports / 10
        probes = [mbs for n, mbs in by_group if low < n <= high]
        for group in groups:
            values = [mbs[group] for mbs in probes if group in mbs]
            tenths[group].append(round(statistics.median(values), 1) if values else None)
    return tenths


def slope_kb_per_report(points: list[tuple[int, float]]) -> float | None:
    """Least-squares slope of MB over reports stored in the second half of ``points``
    (reports, MB), in KB per report."""
    if not points:
        return None
    half = [(n, mb) for n, mb in points if n >= points[-1][0] / 2]
    if len(half) < 2:
        return None
    mean_n = statistics.fmean(n for n, _ in half)
    mean_mb = statistics.fmean(mb for _, mb in half)
    spread = sum((n - mean_n) ** 2 for n, _ in half)
    if spread == 0:
        return None
    slope = sum((n - mean_n) * (mb - mean_mb) for n, mb in half) / spread
    return round(slope * 1000, 2)  # MB per report -> KB per report


# --------------------------------------------------------------------------------- queries


def query_latency_ms(db: Path) -> dict[str, float]:
    """Median milliseconds of the main queries on the store at ``db``."""
    from sitrep.store import Store

    store = Store(db, read_only=True)
    places = store.places()
    busiest = max(places, key=lambda p: p.mentions).name if places else "Kherson"
    queries: dict[str, Callable[[], object]] = {
        "docs": store.documents,
        "places": store.places,
        "timeline": lambda: store.timeline(busiest),
        "search": lambda: store.search("killed"),
    }
    return {name: _median_ms(call) for name, call in queries.items()}


def _median_ms(call: Callable[[], object]) -> float:
    times = []
    for _ in range(QUERY_REPEATS):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return round(statistics.median(times) * 1000, 1)


def store_mb(db: Path) -> float:
    files = [db, db.with_name(db.name + ".wal")]
    return round(sum(f.stat().st_size for f in files if f.exists()) / 1e6, 2)


# ------------------------------------------------------------------- the writer's memory

WRITER_PROBE_EVERY = 250


def writer_memory(
    corpus: Path, db: Path, workers: int = 2, memory_limit: str | None = None
) -> list[dict[str, float]]:
    """Ingest ``corpus`` in this process, sampling the writer's memory as it goes;
    ``memory_limit`` caps DuckDB's buffer instead of the store's default."""
    from sitrep.engine import IngestSummary, ingest
    from sitrep.settings import Settings
    from sitrep.store import Store

    db.unlink(missing_ok=True)
    samples: list[dict[str, float]] = []
    start = time.perf_counter()

    def probe(summary: IngestSummary) -> None:
        if not samples or summary.seen - samples[-1]["reports"] >= WRITER_PROBE_EVERY:
            samples.append(
                {
                    "reports": summary.seen,
                    "s": round(time.perf_counter() - start, 1),
                    **memory_parts(),
                }
            )
            print(json.dumps(samples[-1]), file=sys.stderr, flush=True)  # fmt: skip

    store = Store(db) if memory_limit is None else Store(db, writer_memory_limit=memory_limit)
    summary = ingest([corpus], store, Settings(), workers=workers, on_progress=probe)
    samples.append({"reports": summary.seen, "s": round(time.perf_counter() - start, 1),
                    **memory_parts()})  # fmt: skip
    return samples


# DuckDB's threads are up while the writer writes a batch (13 here) and down between
# batches (4): the writer's memory differs by state, so each is summarised apart.
WRITING_THREADS = 5


def writer_memory_summary(
    samples: list[dict[str, float]], tenths: int = 10, upto: int | None = None
) -> dict[str, Any]:
    """Median of each part of the writer's memory by tenth of the run (or ``tenths``
    equal parts of its first ``upto`` reports), apart for the samples taken while a batch
    was being written and between batches (MB)."""
    if upto is not None:
        samples = [s for s in samples if s["reports"] < upto]
    total = upto or max(s["reports"] for s in samples)
    parts = ("rss", "jemalloc_resident", "glibc_arenas", "glibc_in_use", "glibc_free")
    summary: dict[str, Any] = {"reports": total, "largest_rss": max(s["rss"] for s in samples)}
    for state, writing in (("writing", True), ("between", False)):
        chosen = [s for s in samples if (s["threads"] >= WRITING_THREADS) == writing]
        by_tenth: dict[str, list[float | None]] = {part: [] for part in parts}
        for tenth in range(tenths):
            low, high = total * tenth / tenths, total * (tenth + 1) / tenths
            inside = [s for s in chosen if low <= s["reports"] < high]
            for part in parts:
                values = [s[part] for s in inside]
                by_tenth[part].append(round(statistics.median(values), 1) if values else None)
        summary[state] = by_tenth
    return summary


def memory_parts() -> dict[str, float]:
    """This process's memory, in MB, by holder."""
    import ctypes

    class MallInfo2(ctypes.Structure):
        _fields_ = [(name, ctypes.c_size_t) for name in (
            "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks",
            "uordblks", "fordblks", "keepcost")]  # fmt: skip

    libc = ctypes.CDLL("libc.so.6")
    libc.mallinfo2.restype = MallInfo2
    info = libc.mallinfo2()
    status = Path("/proc/self/status").read_text().splitlines()
    rss_kb = int(next(line for line in status if line.startswith("VmRSS")).split()[1])
    return {
        "rss": round(rss_kb / 1024, 1),
        "glibc_arenas": round(info.arena / 2**20, 1),
        "glibc_in_use": round(info.uordblks / 2**20, 1),
        "glibc_free": round(info.fordblks / 2**20, 1),
        "jemalloc_resident": round(_jemalloc_stat("stats.resident") / 2**20, 1),
        "threads": len(os.listdir("/proc/self/task")),
    }


def _jemalloc_stat(name: str) -> int:
    """A statistic of the jemalloc built into DuckDB (0 where it is not exported)."""
    import ctypes

    import _duckdb  # type: ignore[import-not-found]

    lib = ctypes.CDLL(_duckdb.__file__)
    if not hasattr(lib, "duckdb_je_mallctl"):
        return 0
    size = ctypes.c_size_t(8)
    epoch = ctypes.c_uint64(1)
    lib.duckdb_je_mallctl(b"epoch", None, None, ctypes.byref(epoch), size)
    value, length = ctypes.c_size_t(0), ctypes.c_size_t(8)
    failed = lib.duckdb_je_mallctl(
        name.encode(), ctypes.byref(value), ctypes.byref(length), None, 0
    )
    return 0 if failed else value.value


# ------------------------------------------------------------------------------------ main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--reports", type=int, default=2_000)
    parser.add_argument("--configs", default="w1,w2,ray", help="Of: " + ", ".join(CONFIGS))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--dir", type=Path, default=None, help="Keep corpora and stores here.")
    parser.add_argument(
        "--timeline",
        action="store_true",
        help=f"Print the peak every {TIMELINE_EVERY_S:g} s of the N-report runs, and its growth.",
    )
    parser.add_argument(
        "--full-only",
        action="store_true",
        help="Skip the N/10 run (no marginal rate): the timeline alone shows the peak's course.",
    )
    parser.add_argument(
        "--writer-memory", action="store_true", help="Where the writer's memory is (see above)."
    )
    parser.add_argument(
        "--summarize",
        type=Path,
        default=None,
        help="Summarise a saved --writer-memory output (its JSON line) by tenth and state.",
    )
    parser.add_argument("--parts", type=int, default=10, help="With --summarize: how many.")
    parser.add_argument(
        "--upto", type=int, default=None, help="With --summarize: only the first N reports."
    )
    parser.add_argument(
        "--writer-limit",
        default=None,
        help="With --writer-memory: DuckDB's buffer cap ('128MB'; the store's default else).",
    )
    args = parser.parse_args()
    if args.summarize is not None:
        saved = json.loads(args.summarize.read_text().strip().splitlines()[-1])
        print(json.dumps(writer_memory_summary(saved["samples"], args.parts, args.upto)))
        return
    if args.writer_memory:
        root = args.dir or Path(tempfile.mkdtemp())
        root.mkdir(parents=True, exist_ok=True)
        corpus = root / f"corpus-{args.reports}.jsonl"
        write_corpus(corpus, args.reports, build_templates(), args.seed)
        samples = writer_memory(
            corpus, root / "writer-memory.duckdb", memory_limit=args.writer_limit
        )
        print(json.dumps({"reports": args.reports, "limit": args.writer_limit,
                          "samples": samples,
                          "summary": writer_memory_summary(samples)}))  # fmt: skip
        return
    configs = [c for c in args.configs.split(",") if c]
    unknown = sorted(set(configs) - set(CONFIGS))
    if unknown:
        raise SystemExit(f"unknown configs {unknown}; choose from {sorted(CONFIGS)}")
    with tempfile.TemporaryDirectory() as tmp:
        root = args.dir or Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        result = measure(
            root, args.reports, configs, args.seed, timeline=args.timeline,
            full_only=args.full_only,
        )  # fmt: skip
    print(json.dumps(result))


def measure(
    root: Path,
    n: int,
    configs: list[str],
    seed: int,
    *,
    timeline: bool = False,
    full_only: bool = False,
) -> dict[str, Any]:
    templates = build_templates()
    sizes = {"full": n} if full_only else {"small": max(1, n // 10), "full": n}
    corpora = {}
    for label, count in sizes.items():
        corpora[label] = root / f"corpus-{count}.jsonl"
        mb = write_corpus(corpora[label], count, templates, seed) / 1e6
        print(f"corpus {count} reports: {mb:.1f} MB", file=sys.stderr)
    runs: dict[str, dict[str, Any]] = {}
    for config in configs:
        for label, count in sizes.items():
            db = root / f"{config}-{count}.duckdb"
            db.unlink(missing_ok=True)
            runs[f"{config}_{label}"] = run_ingest(
                corpora[label], db, CONFIGS[config], timeline=timeline and label == "full"
            )
            print(f"{config} {count}: {runs[f'{config}_{label}']}", file=sys.stderr)
    full_db = root / f"{configs[-1]}-{n}.duckdb"
    result: dict[str, Any] = {"reports": n, "cpus": os.cpu_count(), "runs": runs}
    result.update(_ratios(runs))
    result["peak_mb"] = {c: [runs[f"{c}_{label}"]["peak_mb"] for label in sizes] for c in configs}
    result["store_mb"] = store_mb(full_db)
    result["query_ms"] = query_latency_ms(full_db)
    return result


def _marginal_rate(small: dict[str, Any], full: dict[str, Any]) -> float | None:
    """None when noise made the small run the slower one: no rate can be read off."""
    extra_s = full["seconds"] - small["seconds"]
    return round((full["added"] - small["added"]) / extra_s, 2) if extra_s > 0 else None


def marginal_cpu(runs: dict[str, dict[str, Any]]) -> dict[str, dict[str, float]]:
    """CPU milliseconds per extra report of the N-report run over the N/10 one, by process
    group and in all: start-up (model loading, Ray's cluster) cancels out, and unlike wall
    time, CPU time hardly moves with the load of a shared machine."""
    found: dict[str, dict[str, float]] = {}
    for config in CONFIGS:
        small, full = runs.get(f"{config}_small"), runs.get(f"{config}_full")
        if not small or not full or full["added"] <= small["added"]:
            continue
        extra = full["added"] - small["added"]
        groups = sorted({*small.get("cpu_s", {}), *full.get("cpu_s", {})})
        per = {
            g: round(1000 * (full["cpu_s"].get(g, 0.0) - small["cpu_s"].get(g, 0.0)) / extra, 2)
            for g in groups
        }
        per["all"] = round(sum(per.values()), 2)
        found[config] = per
    return found


def _ratios(runs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Throughput ratios to one local worker: end to end (start-up included, as a user
    sees it) and marginal (the N - N/10 extra reports over the extra seconds: start-up,
    model loading and Ray's cluster cancel out, leaving the rate a long run settles at)."""
    marginal = {
        config: rate
        for config in CONFIGS
        if f"{config}_full" in runs
        and f"{config}_small" in runs
        and (rate := _marginal_rate(runs[f"{config}_small"], runs[f"{config}_full"])) is not None
    }
    ratios: dict[str, Any] = {
        "marginal_docs_per_s": marginal,
        "marginal_cpu_ms_per_report": marginal_cpu(runs),
    }
    base = runs.get("w1_full")
    for config in ("w2", "ray"):
        other = runs.get(f"{config}_full")
        if base and other:
            ratios[f"{config}_vs_w1"] = round(other["docs_per_s"] / base["docs_per_s"], 3)
        if "w1" in marginal and config in marginal:
            ratios[f"{config}_vs_w1_marginal"] = round(marginal[config] / marginal["w1"], 3)
    return ratios


if __name__ == "__main__":
    main()
