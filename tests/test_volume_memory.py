"""Memory at volume: the writer's DuckDB cache is capped, whatever the size of the store."""

from __future__ import annotations

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
