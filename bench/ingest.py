"""Ingest throughput into a real DuckDB store with 1 and with N worker processes.

The corpus is synthetic: sentences of ``examples/articles`` recombined into new reports
(each report distinct, so nothing is skipped as a duplicate). Each run ingests the same
files into a fresh store; worker start-up (model loading) is included, as a user sees it.
Compare the ratio, not the absolute figures: the machines are shared and noisy. The last
line printed is one JSON object:

    python bench/ingest.py --docs 300 --workers 2
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
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


def timed_ingest(folder: Path, db: Path, workers: int) -> float:
    from sitrep.engine import ingest
    from sitrep.settings import Settings
    from sitrep.store import Store

    start = time.perf_counter()
    summary = ingest([folder], Store(db), Settings(), workers=workers)
    elapsed = time.perf_counter() - start
    if summary.failed:
        raise SystemExit(f"{summary.failed} documents failed: {summary.failures[:3]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        words = synthetic_corpus(root / "in", args.docs)
        one = timed_ingest(root / "in", root / "one.duckdb", 1)
        many = timed_ingest(root / "in", root / "many.duckdb", args.workers)
        store_mb = (root / "many.duckdb").stat().st_size / 1e6
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "docs": args.docs,
        "words": words,
        "workers": args.workers,
        "docs_per_s_1": round(args.docs / one, 2),
        f"docs_per_s_{args.workers}": round(args.docs / many, 2),
        "speedup": round(one / many, 3),
        "store_mb": round(store_mb, 2),
        "peak_rss_mb_main": round(peak_mb, 1),
    }
    print(f"1 worker:   {result['docs_per_s_1']:8.2f} docs/s")
    print(f"{args.workers} workers:  {result[f'docs_per_s_{args.workers}']:8.2f} docs/s")
    print(f"speed-up: {result['speedup']:.2f}x · store {store_mb:.1f} MB")
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
