"""Ingest throughput into a real DuckDB store with 1 and with N worker processes.

The corpus is synthetic: sentences of ``examples/articles`` recombined into new reports
(each report distinct, so nothing is skipped as a duplicate). Each run ingests the same
files into a fresh store; worker start-up (model loading) is included, as a user sees it.
Compare the ratio, not the absolute figures: the machines are shared and noisy, so
``--repeat R`` alternates R pairs of runs and reports the best of each and the median
ratio of the pairs, with the load average and the CPU seconds each setting used. The
last line printed is one JSON object:

    python bench/ingest.py --docs 300 --workers 2 --repeat 3
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--repeat", type=int, default=1, help="pairs of runs, alternating 1 and N workers"
    )
    args = parser.parse_args()
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
