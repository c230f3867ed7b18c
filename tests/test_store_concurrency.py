"""One process writes while another reads: DuckDB's one-writer-or-many-readers rule.

The store closes the file after every operation and retries on a lock conflict, so a
reader in another process gets its turn between the writer's batches.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from sitrep.store import Store

REPO = Path(__file__).resolve().parents[1]

BATCHES = 30
PER_BATCH = 4

WRITER = textwrap.dedent(
    """
    import sys, time
    from sitrep.ingest.document import RawDocument
    from sitrep.records import Person, Published, Report, Source, Span, content_id
    from sitrep.store import Store

    store = Store(sys.argv[1], lock_timeout_s=20)
    run = store.begin_run({"writer": True})
    print("started", flush=True)
    for batch in range(int(sys.argv[2])):
        items = []
        for n in range(int(sys.argv[3])):
            text = f"Report {batch}-{n}: Olena Kovalenko spoke in Kharkiv."
            person = Person("H1", "Olena Kovalenko", (Span.of(text, text.index("Olena"),
                            text.index("Olena") + 15),))
            report = Report(id=content_id(text), source=Source(), language="en",
                            published=Published(), text=text, people=(person,))
            items.append((RawDocument(text=text, origin=f"r{batch}-{n}"), report))
        store.write_batch(items, [], run)
        time.sleep(0.03)  # the engine annotates the next batch meanwhile
    store.finish_run(run, {"batches": int(sys.argv[2])})
    """
)


def test_reads_succeed_and_only_grow_while_another_process_writes(tmp_path: Path) -> None:
    db = tmp_path / "shared.duckdb"
    reader = Store(db, lock_timeout_s=20)  # creates the schema, then lets go of the file
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), str(BATCHES), str(PER_BATCH)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "started"
    seen: list[tuple[int, int]] = []
    try:
        while writer.poll() is None:
            counts = reader.counts()
            seen.append((counts["documents"], counts["people"]))
            time.sleep(0.01)  # a reader that never pauses could starve the writer
    finally:
        _, errors = writer.communicate(timeout=120)
    assert writer.returncode == 0, errors
    # The reader got in between batches, not only before and after the writer.
    assert any(0 < docs < BATCHES * PER_BATCH for docs, _ in seen)
    assert seen == sorted(seen), "counts went down while the writer wrote"
    # Batches are atomic: a reader sees whole batches only.
    assert all(docs % PER_BATCH == 0 and docs == people for docs, people in seen)
    assert reader.counts()["documents"] == BATCHES * PER_BATCH
    assert reader.runs()[0].counts == {"batches": BATCHES}
