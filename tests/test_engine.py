"""Ingest: resumable, idempotent, and the same with one or two worker processes."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.engine import ingest
from sitrep.records import to_dict
from sitrep.settings import Settings
from sitrep.store import Store

TOWNS = ["Kharkiv", "Kherson", "Mykolaiv", "Odesa", "Sumy", "Poltava", "Dnipro", "Zaporizhzhia"]


def write_corpus(folder: Path, n: int) -> list[Path]:
    folder.mkdir()
    paths = []
    for i in range(n):
        town = TOWNS[i % len(TOWNS)]
        path = folder / f"r{i:03d}.txt"
        path.write_text(
            f"Shelling hit {town} on Monday, officials said.\n\n"
            f'"We counted {i + 3} damaged homes," said Iryna Melnyk, '
            f"a {30 + i % 50}-year-old volunteer.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def stored_reports(store: Store) -> list[dict]:  # type: ignore[type-arg]
    return [to_dict(r) for r in store.iter_reports()]


def test_a_crash_mid_ingest_loses_nothing_committed_and_the_rerun_resumes(
    tmp_path: Path,
    resources,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    write_corpus(tmp_path / "in", 6)
    store = Store(tmp_path / "s.duckdb")
    real_write = Store.write_batch
    calls = {"n": 0}

    def crash_on_second_batch(self, items, failures, run_id):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt("simulated crash")
        return real_write(self, items, failures, run_id)

    monkeypatch.setattr(Store, "write_batch", crash_on_second_batch)
    with pytest.raises(KeyboardInterrupt):
        ingest([tmp_path / "in"], store, Settings(), batch_size=2, resources=resources)
    assert store.counts()["documents"] == 2  # the first batch was committed

    monkeypatch.setattr(Store, "write_batch", real_write)
    summary = ingest([tmp_path / "in"], store, Settings(), batch_size=2, resources=resources)
    assert (summary.added, summary.skipped) == (4, 2)
    assert store.counts()["documents"] == 6


def test_two_workers_store_exactly_what_one_worker_stores(tmp_path: Path, resources) -> None:  # type: ignore[no-untyped-def]
    write_corpus(tmp_path / "in", 6)
    one = Store(tmp_path / "one.duckdb")
    two = Store(tmp_path / "two.duckdb")
    ingest([tmp_path / "in"], one, Settings(), workers=1, resources=resources)
    summary = ingest([tmp_path / "in"], two, Settings(), workers=2, batch_size=4)
    assert summary.added == 6
    assert stored_reports(one) == stored_reports(two)
    assert {k: v for k, v in one.counts().items()} == {k: v for k, v in two.counts().items()}


def test_the_same_file_read_twice_in_one_run_is_stored_once(tmp_path: Path, resources) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.txt"
    path.write_text("Floods hit Jacobabad on Monday, officials said.\n")
    store = Store(tmp_path / "s.duckdb")
    summary = ingest([path, path], store, Settings(), resources=resources)
    assert (summary.added, summary.skipped, summary.copies) == (1, 1, 0)
    assert store.counts()["documents"] == 1


def test_an_ingest_killed_with_sigkill_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    write_corpus(tmp_path / "in", 200)
    db = tmp_path / "s.duckdb"
    exe = str(Path(sys.executable).with_name("sitrep"))
    proc = subprocess.Popen(
        [exe, "ingest", str(tmp_path / "in"), "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    stored = 0
    deadline = time.monotonic() + 120
    try:
        # Kill as soon as at least one batch is committed, well before the end.
        while time.monotonic() < deadline and proc.poll() is None:
            if db.exists():
                try:
                    stored = Store(db, read_only=True, lock_timeout_s=5).counts()["documents"]
                except Exception:  # the file may be mid-creation; try again
                    stored = 0
            if stored > 0:
                break
            time.sleep(0.05)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    assert 0 < stored < 200, "the kill should land between the first batch and the end"

    rerun = subprocess.run(
        [exe, "ingest", str(tmp_path / "in"), "--db", str(db), "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert rerun.returncode == 0, rerun.stderr
    store = Store(db, read_only=True)
    assert store.counts()["documents"] == 200
    ids = [d.id for d in store.documents()]
    assert len(ids) == len(set(ids)) == 200
    people = store.people()
    assert len(people) == len({(p.doc_id, p.id) for p in people})
