"""Every stored report's copy-detection sketch, in the writer's memory as numpy arrays.

Verifying a new report's candidates needs their sketches. Reading them back from
``doc_sketches`` cost the writer 36 % of its time at 34k reports, even behind an LRU cache
of 8,192 (a report of a large story has hundreds of candidates, most of them older than
the cache: docs/SCALE.md, session 5). Held here, a sketch is never read twice: about 800
bytes of arrays a report (three signatures of 64 32-bit minima and their sizes), 80 MB
at 100k, plus each doc id and text hash as a string.

Like ``KeyIndex`` this is a cache of an append-only table (a report's sketch row is
written once, with the report, and never changes): ``append_only.AppendOnlyCache``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb
import numpy as np
import numpy.typing as npt

from sitrep.corpus import sql
from sitrep.corpus.append_only import AppendOnlyCache
from sitrep.corpus.fingerprint import NUM_PERM

# Rows read per query when catching up (a first read of a large store pages through it).
CATCH_UP_PAGE = 50_000
# Rows the arrays hold before they first grow; they double when full.
FIRST_CAPACITY = 4096

Signatures = npt.NDArray[np.uint32]
Sizes = npt.NDArray[np.int32]


@dataclass(frozen=True, slots=True)
class StoredSketch:
    """One stored report's sketch as verification reads it (signatures as arrays; an
    empty array where the report had no shingles or no names and numbers)."""

    text_hash: str
    shingles: int
    signature: npt.NDArray[np.int64]
    skeleton_size: int
    skeleton_signature: npt.NDArray[np.int64]
    facts_size: int
    facts_signature: npt.NDArray[np.int64]


class SketchTable(AppendOnlyCache):
    """What ``doc_sketches`` holds, by doc id, from memory after a catch-up read."""

    def _forget(self) -> None:
        self._row_of: dict[str, int] = {}
        self._hashes: list[str] = []
        self._shingles: Sizes = np.zeros(FIRST_CAPACITY, dtype=np.int32)
        self._skeleton_sizes: Sizes = np.zeros(FIRST_CAPACITY, dtype=np.int32)
        self._signatures: Signatures = np.zeros((FIRST_CAPACITY, NUM_PERM), dtype=np.uint32)
        self._skeletons: Signatures = np.zeros((FIRST_CAPACITY, NUM_PERM), dtype=np.uint32)
        self._fact_sizes: Sizes = np.zeros(FIRST_CAPACITY, dtype=np.int32)
        self._facts: Signatures = np.zeros((FIRST_CAPACITY, NUM_PERM), dtype=np.uint32)
        self._forget_rows()

    def __len__(self) -> int:
        return len(self._hashes)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._row_of

    @property
    def nbytes(self) -> int:
        """Bytes of the arrays (the doc ids and hashes are Python strings on top)."""
        arrays = (
            self._shingles, self._skeleton_sizes, self._fact_sizes,
            self._signatures, self._skeletons, self._facts,
        )  # fmt: skip
        return sum(a.nbytes for a in arrays)

    def get(self, doc_id: str) -> StoredSketch | None:
        row = self._row_of.get(doc_id)
        if row is None:
            return None
        shingles, skeleton = int(self._shingles[row]), int(self._skeleton_sizes[row])
        facts = int(self._fact_sizes[row])
        return StoredSketch(
            self._hashes[row],
            shingles,
            self._signatures[row].astype(np.int64) if shingles else _EMPTY,
            skeleton,
            self._skeletons[row].astype(np.int64) if skeleton else _EMPTY,
            facts,
            self._facts[row].astype(np.int64) if facts else _EMPTY,
        )

    def _page_rows(self) -> int:
        return CATCH_UP_PAGE

    def _read_from(self, con: duckdb.DuckDBPyConnection, rowid: int) -> dict[str, Any]:
        return _rows_from(con, rowid)

    def _identity(self, found: dict[str, Any], i: int) -> tuple[Any, ...]:
        return int(found["rowid"][i]), str(found["doc_id"][i])

    def _add_rows(self, found: dict[str, Any], first: int) -> None:
        count = len(found["rowid"]) - first
        at = len(self._hashes)
        self._reserve(at + count)
        for i in range(first, len(found["rowid"])):
            row = at + i - first
            self._row_of[str(found["doc_id"][i])] = row
            self._hashes.append(str(found["text_hash"][i]))
            self._shingles[row] = int(found["shingles"][i])
            self._skeleton_sizes[row] = int(found["skeleton_size"][i])
            _put(self._signatures, row, found["signature"][i])
            _put(self._skeletons, row, found["skeleton_signature"][i])
            # A sketch stored before schema version 4 has no facts (NULL): size 0.
            facts = found["facts_size"][i]
            self._fact_sizes[row] = 0 if _missing(facts) else int(facts)
            _put(self._facts, row, found["facts_signature"][i])
        sql.ROWS_READ["doc_sketches"] += count

    def _reserve(self, rows: int) -> None:
        capacity = len(self._shingles)
        if rows <= capacity:
            return
        while capacity < rows:
            capacity *= 2
        self._shingles = _grown(self._shingles, capacity)
        self._skeleton_sizes = _grown(self._skeleton_sizes, capacity)
        self._signatures = _grown(self._signatures, capacity)
        self._skeletons = _grown(self._skeletons, capacity)
        self._fact_sizes = _grown(self._fact_sizes, capacity)
        self._facts = _grown(self._facts, capacity)


_EMPTY: npt.NDArray[np.int64] = np.zeros(0, dtype=np.int64)


def _put(into: Signatures, row: int, signature: Any) -> None:
    # MinHash minima are below 2**32 (datasketch's hash range): uint32 holds them exactly.
    if not _missing(signature) and len(signature):
        into[row] = np.asarray(signature, dtype=np.uint32)


def _missing(value: Any) -> bool:
    return value is None or value is np.ma.masked or bool(np.ma.is_masked(value))


def _grown(array: Any, capacity: int) -> Any:
    grown = np.zeros((capacity, *array.shape[1:]), dtype=array.dtype)
    grown[: len(array)] = array
    return grown


def _rows_from(con: duckdb.DuckDBPyConnection, rowid: int) -> dict[str, Any]:
    # Rows are never updated or deleted: rowids only grow, and the filter skips every
    # row group below ``rowid``.
    found: dict[str, Any] = con.execute(
        "SELECT rowid, doc_id, text_hash, shingles, signature, skeleton_size, "
        "skeleton_signature, facts_size, facts_signature FROM doc_sketches "
        f"WHERE rowid >= ? ORDER BY rowid "
        f"LIMIT {CATCH_UP_PAGE}",
        [rowid],
    ).fetchnumpy()
    return found
