"""Faults of the machine, not of the input: a read-only store, a store locked by another
process, a disk that refuses writes. Each must end `sitrep ingest` with a non-zero exit
and a message naming the file, and leave what was already stored exactly as it was.

The full disk is real, not mocked: a child process runs the CLI under a file-size limit
(``RLIMIT_FSIZE``), so DuckDB's own write fails in the kernel, as it does on a full disk
(EFBIG instead of ENOSPC; both are "could not write file"). No root or mount is needed.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

import sitrep.store
from sitrep.cli import app
from sitrep.store import Store

REPO = Path(__file__).resolve().parents[1]
runner = CliRunner()

ARTICLES = {
    "kharkiv.txt": (
        "KHARKIV, Ukraine (AP) — Russian missiles struck an apartment block in Kharkiv on "
        "Tuesday, killing four people and wounding 19, regional governor Oleh Syniehubov said.\n\n"
        '"The strike hit the upper floors," Syniehubov said on Telegram.\n'
    ),
    "derna.txt": (
        "DERNA, Libya (AP) — Floodwaters swept through the eastern city of Derna on Monday "
        "after two dams collapsed, and at least 5,300 people were reported dead.\n\n"
        "Rescue teams from Egypt and Turkey arrived on Wednesday, officials said.\n"
    ),
}
LATER_ARTICLES = {
    "gaza.txt": (
        "GAZA CITY (AP) — An airstrike hit a school sheltering displaced families in Gaza City "
        "on Saturday, killing at least 12 people, health officials said.\n"
    ),
    "sindh.txt": (
        "KARACHI, Pakistan (AP) — Monsoon floods in Sindh province have displaced more than "
        "300,000 people since June, the provincial disaster agency said on Friday.\n"
    ),
}


def write_articles(folder: Path, articles: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def ingest(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["ingest", *args])
    return result.exit_code, result.stdout + result.stderr


def document_ids(db: Path) -> list[str]:
    """Every stored document id, duplicates included (a duplicate would show twice)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return sorted(row[0] for row in con.execute("SELECT id FROM documents").fetchall())
    finally:
        con.close()


def flat(message: str) -> str:
    """Rich wraps long lines on stderr; a path must be findable whatever the width."""
    return " ".join(message.split()).replace(" ", "")


@pytest.fixture()
def filled_store(tmp_path: Path) -> Path:
    db = tmp_path / "store.duckdb"
    code, output = ingest(str(write_articles(tmp_path / "first", ARTICLES)), "--db", str(db))
    assert code == 0, output
    assert len(document_ids(db)) == len(ARTICLES)
    return db


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ------------------------------------------------------------------------ read-only store


@pytest.fixture()
def read_only_store(filled_store: Path) -> Iterator[Path]:
    filled_store.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    yield filled_store
    filled_store.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_ingest_into_a_read_only_store_exits_2_naming_it_and_leaves_it_untouched(
    read_only_store: Path, tmp_path: Path
) -> None:
    before = digest(read_only_store)
    later = write_articles(tmp_path / "later", LATER_ARTICLES)
    code, output = ingest(str(later), "--db", str(read_only_store))
    assert code == 2
    assert "read-only" in output
    assert str(read_only_store).replace(" ", "") in flat(output)
    assert digest(read_only_store) == before
    assert not Path(f"{read_only_store}.wal").exists()


# ---------------------------------------------------------------------------- locked store

HOLDER = textwrap.dedent(
    """
    import sys, duckdb
    con = duckdb.connect(sys.argv[1])  # a writer: DuckDB locks the file for this process
    print("ready", flush=True)
    sys.stdin.read()
    con.close()
    """
)


def hold_write_lock(db: Path) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
    return holder


def test_ingest_into_a_locked_store_exits_2_naming_file_and_holder_and_loses_nothing(
    filled_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The CLI waits 30 s for a lock by default; the message is the same after 0.3 s.
    monkeypatch.setattr(
        sitrep.store, "Store", lambda path, **kw: Store(path, **{**kw, "lock_timeout_s": 0.3})
    )
    before = document_ids(filled_store)
    later = write_articles(tmp_path / "later", LATER_ARTICLES)
    holder = hold_write_lock(filled_store)
    try:
        code, output = ingest(str(later), "--db", str(filled_store))
    finally:
        holder.communicate("", timeout=30)
    assert code == 2
    assert f"locked by another process (pid {holder.pid})" in " ".join(output.split())
    assert str(filled_store).replace(" ", "") in flat(output)
    assert document_ids(filled_store) == before
    # Once the other process has let go, the same command stores each report once.
    code, output = ingest(str(later), "--db", str(filled_store))
    assert code == 0, output
    assert len(set(document_ids(filled_store))) == len(before) + len(LATER_ARTICLES)


# ------------------------------------------------------------------------------ full disk

UNDER_FILE_SIZE_LIMIT = textwrap.dedent(
    """
    import resource, signal, sys
    from sitrep.language import detect_language
    # py3langid unpacks its model into a temporary file on first use: do that before the
    # limit, so that the store's own write is the one that fails.
    detect_language("The quick brown fox jumps over the lazy dog by the river today.")
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG instead of being killed
    limit = int(sys.argv[1])
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    from sitrep.cli import app
    app(sys.argv[2:], prog_name="sitrep")
    """
)


def ingest_with_file_size_limit(limit: int, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "COLUMNS": "400"}
    return subprocess.run(
        [sys.executable, "-c", UNDER_FILE_SIZE_LIMIT, str(limit), "ingest", *args],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip


# A batch of two short reports writes several KB to the write-ahead log; the run record
# alone writes about 400 bytes (measured on DuckDB 2.0.0).
FAILS_AT_THE_BATCH = 4096
FAILS_AT_THE_RUN_RECORD = 100


def test_disk_full_during_a_batch_exits_2_naming_the_store_and_nothing_is_lost_or_doubled(
    filled_store: Path, tmp_path: Path
) -> None:
    before = document_ids(filled_store)
    later = write_articles(tmp_path / "later", LATER_ARTICLES)
    result = ingest_with_file_size_limit(FAILS_AT_THE_BATCH, str(later), "--db", str(filled_store))
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "nothing of it was stored" in result.stderr
    assert str(filled_store) in result.stderr
    assert document_ids(filled_store) == before
    # With space again, the rerun stores the new reports exactly once.
    code, output = ingest(str(later), "--db", str(filled_store))
    assert code == 0, output
    after = document_ids(filled_store)
    assert len(after) == len(set(after)) == len(before) + len(LATER_ARTICLES)


def test_disk_full_when_the_run_starts_exits_2_with_a_message_not_a_traceback(
    filled_store: Path, tmp_path: Path
) -> None:
    before = document_ids(filled_store)
    later = write_articles(tmp_path / "later", LATER_ARTICLES)
    result = ingest_with_file_size_limit(
        FAILS_AT_THE_RUN_RECORD, str(later), "--db", str(filled_store)
    )
    assert document_ids(filled_store) == before
    assert "Traceback" not in result.stderr
    assert result.returncode == 2
    assert str(filled_store) in result.stderr


def test_disk_full_while_annotating_stops_the_run_with_one_clear_error(
    filled_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full temporary folder (py3langid unpacks its model there) would otherwise fail
    every document alike and record each as an extraction failure."""
    import sitrep.stages.pipeline

    def no_space(text: str) -> object:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(sitrep.stages.pipeline, "detect_language", no_space)
    before = document_ids(filled_store)
    later = write_articles(tmp_path / "later", LATER_ARTICLES)
    code, output = ingest(str(later), "--db", str(filled_store))
    assert code == 2
    message = " ".join(output.split())
    assert "No space left on device" in message
    assert "gaza.txt" in flat(output)
    assert document_ids(filled_store) == before
    con = duckdb.connect(str(filled_store), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM failures").fetchone() == (0,)
    finally:
        con.close()


@pytest.mark.parametrize("code", [errno.ENOENT, errno.EACCES])
def test_other_os_errors_while_annotating_fail_only_their_document(
    filled_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    import sitrep.stages.pipeline

    def broken(text: str) -> object:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(sitrep.stages.pipeline, "detect_language", broken)
    later = write_articles(tmp_path / "later", LATER_ARTICLES)
    exit_code, output = ingest(str(later), "--db", str(filled_store), "--json")
    assert exit_code == 1
    assert output.count("extraction failed: ") == len(LATER_ARTICLES)
