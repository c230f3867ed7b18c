"""Memory at volume: the writer's DuckDB cache is capped, whatever the size of the store;
a released writer lets other processes read what it wrote; spills go next to the store."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from sitrep.errors import StoreError
from sitrep.store import Store
from sitrep.store.database import WRITER_MEMORY_LIMIT


def limit_in_bytes(con: duckdb.DuckDBPyConnection, size: str) -> tuple[str, str]:
    """The writer's setting beside what DuckDB makes of ``size`` (it prints MiB)."""
    current = con.execute("SELECT current_setting('memory_limit')").fetchone()
    con.execute("SET memory_limit = ?", [size])
    wanted = con.execute("SELECT current_setting('memory_limit')").fetchone()
    assert current is not None and wanted is not None
    return str(current[0]), str(wanted[0])


@pytest.mark.parametrize("holding", [True, False], ids=["held-writer", "per-write"])
@pytest.mark.parametrize("size", ["64MB", "1GB"])
def test_every_writer_connection_is_capped_at_the_stores_memory_limit(
    tmp_path: Path, holding: bool, size: str
) -> None:
    store = Store(tmp_path / "s.duckdb", writer_memory_limit=size)
    if holding:
        with store.holding(), store._writer() as con:
            current, wanted = limit_in_bytes(con, size)
    else:
        with store._writer() as con:
            current, wanted = limit_in_bytes(con, size)
    assert current == wanted


def test_a_store_caps_its_writer_by_default_not_at_most_of_the_ram(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.duckdb")
    with store._writer() as con:
        current, wanted = limit_in_bytes(con, WRITER_MEMORY_LIMIT)
    assert current == wanted


@pytest.mark.parametrize("size", ["lots", "12 parsecs", ""])
def test_a_bad_memory_limit_is_a_clear_store_error(tmp_path: Path, size: str) -> None:
    with pytest.raises(StoreError, match="memory limit"):
        Store(tmp_path / "s.duckdb", writer_memory_limit=size)


# ------------------------------------------------------------- the held writer's instance

READ_RUNS = """
import sys, duckdb
try:
    con = duckdb.connect(sys.argv[1], read_only=True)
except duckdb.IOException as exc:
    print("locked" if "lock" in str(exc) else exc)
else:
    print(con.execute("SELECT count(*) FROM runs").fetchone()[0])
"""


def other_process_reads_runs(db: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", READ_RUNS, str(db)], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def test_a_released_writer_lets_other_processes_read_what_it_wrote(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    store = Store(db)
    with store.holding():
        store.begin_run({})
        assert other_process_reads_runs(db) == "locked"
        store._release()  # what a write does once the file was held long enough
        assert other_process_reads_runs(db) == "1"
        store.begin_run({})
        assert other_process_reads_runs(db) == "locked"
    assert other_process_reads_runs(db) == "2"


@pytest.mark.parametrize("holding", [True, False], ids=["held-writer", "per-write"])
def test_the_writer_spills_next_to_the_store_not_in_the_working_folder(
    tmp_path: Path, holding: bool
) -> None:
    db = tmp_path / "s.duckdb"
    store = Store(db)
    with contextlib.ExitStack() as stack:
        if holding:
            stack.enter_context(store.holding())
        con = stack.enter_context(store._writer())
        row = con.execute("SELECT current_setting('temp_directory')").fetchone()
    assert row is not None and Path(row[0]) == Path(f"{db}.tmp")
