"""Small SQL helpers for the linking tables: index lookups and one-statement inserts.

DuckDB answers ``col IN ('a', 'b')`` from a primary-key index only when the list is
literal (a list parameter or a join scans the table), so lookups by id inline their
values, each checked by ``_literal``. Keys are looked up by one scan (``lookup_keys``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import duckdb

from sitrep.store import schema

_SAFE_TEXT = re.compile(r"^[A-Za-z0-9:_.\-]+$")
# Records kept per key, the most recently stored first: a common name or a busy town
# must not make every new report compare itself with thousands of records (ingest time
# per report stays flat as the corpus grows, bench/corpus_scale.py). A copy or namesake
# older than this many same-key records is not found; the stories' LSH keys, which are
# nearly unique, never reach the cap.
MAX_PER_KEY = 50

# Rows fetched into Python by ``rows_by_id`` and ``fetch``, by table: the work counter with
# which tests check that linking a report reads a bounded number of rows, whatever the
# size of the story it joins (tests/test_link_scale.py). Counting costs one dict update
# per query.
ROWS_READ: Counter[str] = Counter()


def insert(
    con: duckdb.DuckDBPyConnection, table: schema.Table, rows: Sequence[Sequence[Any]]
) -> None:
    """Insert rows with one statement: each column travels as one typed list."""
    if not rows:
        return
    columns = [list(values) for values in zip(*rows, strict=True)]
    select = ", ".join(f"unnest(?::{kind}[])" for _, kind in table.columns)
    names = ", ".join(schema.quoted(name) for name in table.column_names)
    con.execute(f"INSERT INTO {table.name} ({names}) SELECT {select}", columns)


def ids_literal(ids: Iterable[str]) -> str:
    """Record ids as a SQL list; ids are content hashes plus local ids, never free text."""
    return ", ".join(_literal(value) for value in sorted(set(ids)))


def lookup_keys(
    con: duckdb.DuckDBPyConnection, keys: Iterable[int]
) -> dict[int, list[str]]:
    """Record ids stored under each key (by key, then record id), the newest
    ``MAX_PER_KEY`` per key.

    A semi join scanning the key column, without an index: maintaining an ART index over
    millions of random keys cost more per batch (inserts and checkpoints in a store opened
    once per batch) than one scan of the column (bench/corpus_scale.py, docs/CORPUS.md).
    """
    wanted = sorted(set(keys))
    if not wanted:
        return {}
    found: dict[int, list[str]] = {}
    # rowid grows with every insert (rows are never deleted): the newest rows per key.
    rows = con.execute(
        "SELECT key, record_id FROM link_keys SEMI JOIN (SELECT unnest(?::BIGINT[]) AS k) "
        "ON k = key "
        f"QUALIFY row_number() OVER (PARTITION BY key ORDER BY rowid DESC) <= {MAX_PER_KEY} "
        "ORDER BY key, record_id",
        [wanted],
    ).fetchall()
    for key, record_id in rows:
        found.setdefault(int(key), []).append(str(record_id))
    return found


def lookup_keys_by_kind(
    con: duckdb.DuckDBPyConnection, keys: Iterable[int]
) -> dict[str, dict[int, list[str]]]:
    """``lookup_keys`` split by the kind of record stored under each key (``story``,
    ``person``, ``event``): each kind's linking then loads only its own records. Loading
    every kind's ids in every table made the primary-key lookups grow with the corpus
    (each id in a literal list costs an index probe, found or not; bench/corpus_scale.py)."""
    wanted = sorted(set(keys))
    if not wanted:
        return {}
    found: dict[str, dict[int, list[str]]] = {}
    rows = con.execute(
        "SELECT key, kind, record_id FROM link_keys SEMI JOIN (SELECT unnest(?::BIGINT[]) AS k) "
        "ON k = key "
        "QUALIFY row_number() OVER (PARTITION BY key, kind ORDER BY rowid DESC) "
        f"<= {MAX_PER_KEY} ORDER BY kind, key, record_id",
        [wanted],
    ).fetchall()
    for key, kind, record_id in rows:
        found.setdefault(str(kind), {}).setdefault(int(key), []).append(str(record_id))
    return found


def rows_by_id(
    con: duckdb.DuckDBPyConnection, table: str, id_column: str, columns: str, ids: Iterable[str]
) -> list[tuple[Any, ...]]:
    """Rows of ``table`` whose primary key ``id_column`` is one of ``ids``."""
    wanted = ids_literal(ids)
    if not wanted:
        return []
    sql = f"SELECT {columns} FROM {table} WHERE {id_column} IN ({wanted}) ORDER BY {id_column}"
    rows: list[tuple[Any, ...]] = con.execute(sql).fetchall()
    ROWS_READ[table] += len(rows)
    return rows


def fetch(
    con: duckdb.DuckDBPyConnection, table: str, query: str, params: Sequence[Any] = ()
) -> list[tuple[Any, ...]]:
    """The rows of ``query`` (which reads ``table``), counted in ``ROWS_READ``."""
    rows: list[tuple[Any, ...]] = con.execute(query, list(params)).fetchall()
    ROWS_READ[table] += len(rows)
    return rows


def _literal(value: str) -> str:
    if not _SAFE_TEXT.match(value):
        raise ValueError(f"not a record id: {value!r}")
    return f"'{value}'"
