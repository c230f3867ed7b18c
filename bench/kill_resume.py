"""Killed and resumed ingests lose nothing and store nothing twice (issue 9, faults).

Writes a synthetic corpus (``bench/synthetic.py``) as JSONL plus a second file holding
exact copies of some of its reports from other sources, ingests it once without
interruption (the reference), then for each run: starts ``sitrep ingest`` on a fresh
store, SIGKILLs it at a random moment (seeded) after its first commit, so the
first kill lands while it writes (mid-transaction, mid-checkpoint, between batches),
sometimes kills the rerun too (anywhere from model loading on), and finally reruns to
completion. The resumed store must hold the reference's reports exactly: the same ids,
each once, the same records per report and the same rows in every table. Every ingest
runs a snapshot of ``src/`` taken at the start, so edits to the code during the
benchmark cannot make the stores differ. Prints one line per run and, last, one JSON
object:

    python bench/kill_resume.py --runs 20
    python bench/kill_resume.py --runs 3 --reports 60 --workers 1,2
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

from sitrep.store.database import COUNTED_TABLES  # noqa: E402
from synthetic import build_templates, write_corpus  # noqa: E402

SITREP = Path(sys.executable).with_name("sitrep")
# Reports of the corpus also written again from another source (exact copies): the
# duplicate rule's bookkeeping must survive a kill too.
COPIES_EVERY = 10
# A run is killed up to this many times before the rerun that is let finish.
MAX_KILLS = 2
# Runs per table tie rows of a kill to per-report records; ``runs`` is one row per
# attempt and ``failures`` is per run, so neither is compared.
COMPARED_TABLES = tuple(name for name in COUNTED_TABLES if name not in ("runs", "failures"))


@dataclass
class RunResult:
    run: int
    workers: int
    kills: list[float] = field(default_factory=list)
    stored_at_kill: list[int | None] = field(default_factory=list)
    documents: int = 0
    lost: int = 0
    duplicated: int = 0
    differing_reports: int = 0
    differing_tables: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.lost or self.duplicated or self.differing_reports or self.differing_tables)


# --------------------------------------------------------------------------- the corpus


def write_inputs(folder: Path, n: int, seed: int) -> list[Path]:
    """The corpus and a second feed with exact copies of every COPIES_EVERY-th report."""
    folder.mkdir(parents=True, exist_ok=True)
    main = folder / "a-reports.jsonl"
    write_corpus(main, n, build_templates(), seed)
    lines = main.read_text(encoding="utf-8").splitlines()
    copies = []
    for i, line in enumerate(lines[::COPIES_EVERY]):
        record = json.loads(line)
        record["url"] = f"https://mirror.example/copy-{i}"
        copies.append(json.dumps(record, ensure_ascii=False))
    other = folder / "b-mirror.jsonl"
    other.write_text("\n".join(copies) + "\n", encoding="utf-8")
    return [main, other]


# ---------------------------------------------------------------------------- ingesting


# The environment of every ingest: PYTHONPATH set to the snapshot of src/ (``snapshot``).
ENV: dict[str, str] = dict(os.environ)


def snapshot(root: Path) -> Path:
    """A copy of ``src/`` that every ingest of the benchmark imports (PYTHONPATH comes
    before the editable install), so that the code cannot change between runs."""
    copy = root / "src-snapshot"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(REPO / "src", copy, ignore=shutil.ignore_patterns("__pycache__"))
    ENV["PYTHONPATH"] = str(copy)
    return copy


def ingest_command(inputs: list[Path], db: Path, workers: int) -> list[str]:
    return [
        str(SITREP),
        "ingest",
        *map(str, inputs),
        "--db",
        str(db),
        "--json",
        "--workers",
        str(workers),
    ]


# Polling for the first commit, bounded: an ingest that never commits is a failure. Each
# poll is a read-only open, which waits while the writer holds the file (it lets go at
# least every few seconds: ``store.database.MAX_HOLD_S``).
POLL_S = 0.25
COMMIT_DEADLINE_S = 900.0


def wait_for_first_commit(proc: subprocess.Popen[Any], db: Path) -> bool:
    """Wait until the ingest has committed its first batch (so the model is loaded and
    it writes); False if it exited first."""
    deadline = time.monotonic() + COMMIT_DEADLINE_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        if (stored_documents(db) or 0) > 0:
            return True
        time.sleep(POLL_S)
    return False


def run_to_end(inputs: list[Path], db: Path, workers: int) -> tuple[float, float]:
    """Ingest to the end; (seconds in all, seconds until its first commit)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        ingest_command(inputs, db, workers),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
    )
    wait_for_first_commit(proc, db)
    open_s = time.perf_counter() - start
    _, stderr = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"ingest into {db} failed ({proc.returncode}):\n{stderr[-3000:]}")
    return time.perf_counter() - start, open_s


def run_and_kill(
    inputs: list[Path], db: Path, workers: int, after_s: float, *, from_commit: bool
) -> bool:
    """Start an ingest and SIGKILL it (its whole process group: the workers too)
    ``after_s`` seconds after it started, or, ``from_commit``, after its first commit
    (so the kill lands while it writes, not while the model loads); False when it
    finished first."""
    proc = subprocess.Popen(
        ingest_command(inputs, db, workers),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        env=ENV,
    )
    if from_commit and not wait_for_first_commit(proc, db):
        proc.wait()
        return False
    try:
        proc.wait(timeout=after_s)
        return False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return True


# ------------------------------------------------------------------------------ checking


def store_state(db: Path) -> dict[str, Any]:
    """What is compared: rows per table, document ids (with repeats) and a digest of
    each stored report's records."""
    import duckdb

    from sitrep.records import to_json
    from sitrep.store import Store

    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COMPARED_TABLES}  # type: ignore[index]
        ids = [r[0] for r in con.execute("SELECT id FROM documents").fetchall()]
    finally:
        con.close()
    digests = {
        report.id: hashlib.sha256(to_json(report).encode("utf-8")).hexdigest()
        for report in Store(db, read_only=True).iter_reports()
    }
    return {"rows": rows, "ids": ids, "digests": digests}


def stored_documents(db: Path) -> int | None:
    """Documents committed so far (None: the store could not be read yet)."""
    import duckdb

    if not db.exists():
        return 0
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error:
        return None
    try:
        found = con.execute("SELECT count(*) FROM documents").fetchone()
        return int(found[0]) if found else 0
    except duckdb.Error:
        return None  # killed before the schema was committed
    finally:
        con.close()


def compare(result: RunResult, reference: dict[str, Any], resumed: dict[str, Any]) -> None:
    ids = resumed["ids"]
    result.documents = len(ids)
    result.duplicated = len(ids) - len(set(ids))
    result.lost = len(set(reference["ids"]) - set(ids))
    result.differing_reports = sum(
        1
        for doc, digest in reference["digests"].items()
        if resumed["digests"].get(doc) not in (None, digest)
    )
    result.differing_tables = [
        t for t in COMPARED_TABLES if resumed["rows"][t] != reference["rows"][t]
    ]


# ---------------------------------------------------------------------------------- main


def one_run(
    run: int,
    inputs: list[Path],
    root: Path,
    workers: int,
    clean_s: float,
    open_s: float,
    reference: dict[str, Any],
    rng: random.Random,
) -> RunResult:
    db = root / f"run-{run}.duckdb"
    result = RunResult(run=run, workers=workers)
    writing_s = max(clean_s - open_s, 1.0)
    # The first kill lands while the run writes: counted from its first commit, at a
    # random point of the reference's writing time. When the run beat it (the machine's
    # load changed since the reference run), start again on an empty store, kill sooner.
    after = rng.uniform(0.02, 0.95) * writing_s
    while True:
        for leftover in (db, db.with_name(db.name + ".wal")):
            leftover.unlink(missing_ok=True)
        if run_and_kill(inputs, db, workers, after, from_commit=True):
            break
        after /= 2
    result.kills.append(round(after, 2))
    result.stored_at_kill.append(stored_documents(db))
    for _ in range(rng.randint(0, MAX_KILLS - 1)):  # and maybe kill the rerun too
        # The rerun's store exists already: counted from its start, anywhere from model
        # loading (a kill before any write) to the end.
        after = rng.uniform(0.05, 0.9) * clean_s
        if run_and_kill(inputs, db, workers, after, from_commit=False):
            result.kills.append(round(after, 2))
            result.stored_at_kill.append(stored_documents(db))
    run_to_end(inputs, db, workers)
    compare(result, reference, store_state(db))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--reports", type=int, default=120)
    parser.add_argument("--workers", default="1,2", help="Cycled over the runs, e.g. 1,2")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--dir", type=Path, default=None, help="Keep corpus and stores here.")
    args = parser.parse_args()
    workers = [int(w) for w in args.workers.split(",") if w]
    with tempfile.TemporaryDirectory() as tmp:
        root = args.dir or Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        summary = measure(root, args.runs, args.reports, workers, args.seed)
    print(json.dumps(summary))


def measure(root: Path, runs: int, n: int, workers: list[int], seed: int) -> dict[str, Any]:
    code = snapshot(root)
    print(f"code snapshot: {code}", file=sys.stderr)
    inputs = write_inputs(root / "corpus", n, seed)
    reference_db = root / "reference.duckdb"
    reference_db.unlink(missing_ok=True)
    clean_s, open_s = run_to_end(inputs, reference_db, workers[0])
    reference = store_state(reference_db)
    print(
        f"reference: {len(reference['ids'])} documents in {clean_s:.1f} s (first commit "
        f"after {open_s:.1f} s), rows "
        f"{reference['rows']}",
        file=sys.stderr,
    )
    print(
        f"{'run':>3} {'w':>2} {'killed after s':<16} {'stored at kill':<15} {'docs':>5} "
        f"{'lost':>4} {'dup':>4} {'diff':>4} ok"
    )
    rng = random.Random(seed)
    results = []
    for run in range(1, runs + 1):
        result = one_run(
            run,
            inputs,
            root,
            workers[(run - 1) % len(workers)],
            clean_s,
            open_s,
            reference,
            rng,
        )
        results.append(result)
        print(
            f"{run:>3} {result.workers:>2} {','.join(map(str, result.kills)) or '-':<16} "
            f"{','.join('?' if s is None else str(s) for s in result.stored_at_kill) or '-':<15} "
            f"{result.documents:>5} {result.lost:>4} {result.duplicated:>4} "
            f"{result.differing_reports + len(result.differing_tables):>4} "
            f"{'yes' if result.ok else 'NO ' + ','.join(result.differing_tables)}",
            flush=True,
        )
    return {
        "runs": runs,
        "reports": len(reference["ids"]),
        "kills": sum(len(r.kills) for r in results),
        "kills_mid_run": sum(
            1
            for r in results
            for s in r.stored_at_kill
            if s is not None and 0 < s < len(reference["ids"])
        ),
        "lost": sum(r.lost for r in results),
        "duplicated": sum(r.duplicated for r in results),
        "differing_reports": sum(r.differing_reports for r in results),
        "runs_with_differing_tables": sum(1 for r in results if r.differing_tables),
        "ok": all(r.ok for r in results),
        "clean_run_s": round(clean_s, 1),
    }


if __name__ == "__main__":
    main()
