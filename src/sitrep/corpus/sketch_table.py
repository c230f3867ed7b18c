"""Every stored report's copy-detection sketch for the writer, read back without DuckDB.

Verifying a new report's candidates needs their sketches. Reading them back from
``doc_sketches`` cost the writer 36 % of its time at 34k reports, even behind an LRU cache
of 8,192 (a report of a large story has hundreds of candidates, most of them older than
the cache: docs/SCALE.md, session 5). Held here, a sketch is never read from the store
twice. Session 6 held them in memory (~1 KB a report); now each sketch is one fixed-size
record (three signatures of 64 32-bit minima, their sizes, the text hash and the doc id:
~900 bytes) appended to an unlinked temporary file beside the store and read back by
offset (``os.pread``), and the doc id -> record map is a ``spill.SortedRuns`` of 64-bit
hashes of the doc ids: the newest ``BUFFER_ROWS`` records and the map's small runs are
all that stays in memory, whatever the corpus size (docs/SCALE.md, session 7).

Like ``KeyIndex`` this is a cache of an append-only table (a report's sketch row is
written once, with the report, and never changes): ``append_only.AppendOnlyCache``.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import duckdb
import numpy as np
import numpy.typing as npt

from sitrep.corpus import sql
from sitrep.corpus.append_only import AppendOnlyCache
from sitrep.corpus.fingerprint import NUM_PERM
from sitrep.corpus.spill import SortedRuns

# Rows read per query when catching up (a first read of a large store pages through it).
CATCH_UP_PAGE = 50_000
# Records held in memory before they are appended to the file (~3.6 MB).
BUFFER_ROWS = 4096
# Doc id map rows held in memory at most ~4/3 of this (16 bytes a row).
MAP_SPILL_ROWS = 65_536
# Bytes of a doc id and a text hash kept in a record (content ids are 16 hex digits,
# text hashes 64): a longer one is kept whole in memory (``_long``), never cut.
DOC_ID_BYTES = 32
TEXT_HASH_BYTES = 64

RECORD = np.dtype(
    [
        ("shingles", "<i4"), ("skeleton_size", "<i4"), ("facts_size", "<i4"),
        ("signature", "<u4", (NUM_PERM,)), ("skeleton", "<u4", (NUM_PERM,)),
        ("facts", "<u4", (NUM_PERM,)),
        ("text_hash", f"S{TEXT_HASH_BYTES}"), ("doc_id", f"S{DOC_ID_BYTES}"),
    ]
)  # fmt: skip


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
    """What ``doc_sketches`` holds, by doc id, after a catch-up read: records in a file
    in ``folder`` (the system's temporary folder when None)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        super().__init__()

    def _forget(self) -> None:
        # Unlinked at once (no name): gone with the process, even a killed one.
        self._file: IO[bytes] = tempfile.TemporaryFile(dir=self.folder)  # noqa: SIM115
        self._flushed = 0  # records in the file; the rest are in ``_buffer``
        self._buffer = np.zeros(BUFFER_ROWS, dtype=RECORD)
        self._buffered = 0
        self._map = SortedRuns(("doc", "row"), spill_rows=MAP_SPILL_ROWS, folder=self.folder)
        # Doc ids or text hashes too long for a record: by record number (never, for
        # content ids and SHA-256 hashes).
        self._long: dict[int, tuple[str, str]] = {}
        self._forget_rows()

    def __len__(self) -> int:
        return self._flushed + self._buffered

    def __contains__(self, doc_id: object) -> bool:
        return isinstance(doc_id, str) and self._record_of(doc_id) is not None

    @property
    def resident_rows(self) -> int:
        """Records and map rows held in anonymous memory (bounded)."""
        return self._buffered + self._map.resident_rows

    def get(self, doc_id: str) -> StoredSketch | None:
        found = self._record_of(doc_id)
        if found is None:
            return None
        row, raw = found
        # Parsed as one array of 32-bit words (sizes, then the three signatures): a field
        # of a structured scalar costs ~0.4 us, a np.frombuffer ~1 us.
        words = np.frombuffer(raw, dtype="<u4", count=_WORDS)
        shingles, skeleton, facts = words[:3].tolist()  # sizes are never negative
        return StoredSketch(
            self._text(row, raw, "text_hash"),
            shingles,
            words[_SIGNATURE].astype(np.int64) if shingles else _EMPTY,
            skeleton,
            words[_SKELETON].astype(np.int64) if skeleton else _EMPTY,
            facts,
            words[_FACTS].astype(np.int64) if facts else _EMPTY,
        )

    # ------------------------------------------------------------------ reading

    def _record_of(self, doc_id: str) -> tuple[int, bytes] | None:
        """(record number, record bytes) of ``doc_id``: the map's rows under its hash, the
        one whose record holds that doc id."""
        for run, at in self._map.find(_doc_key(doc_id)):
            row = int(run.columns["row"][at])
            raw = self._raw(row)
            if self._text(row, raw, "doc_id") == doc_id:
                return row, raw
        return None

    def _raw(self, row: int) -> bytes:
        if row >= self._flushed:
            data: bytes = self._buffer[row - self._flushed].tobytes()
            return data
        size = RECORD.itemsize
        return os.pread(self._file.fileno(), size, row * size)

    def _text(self, row: int, raw: bytes, name: str) -> str:
        long = self._long.get(row)
        if long:
            return long[0] if name == "doc_id" else long[1]
        at, width = _LAYOUT[name]
        return raw[at : at + width].rstrip(b"\0").decode("utf-8")

    # ------------------------------------------------------------------ catching up

    def _page_rows(self) -> int:
        return CATCH_UP_PAGE

    def _read_from(self, con: duckdb.DuckDBPyConnection, rowid: int) -> dict[str, Any]:
        return _rows_from(con, rowid)

    def _identity(self, found: dict[str, Any], i: int) -> tuple[Any, ...]:
        return int(found["rowid"][i]), str(found["doc_id"][i])

    def _add_rows(self, found: dict[str, Any], first: int) -> None:
        count = len(found["rowid"]) - first
        rows = np.arange(len(self), len(self) + count, dtype=np.int64)
        docs = [str(found["doc_id"][i]) for i in range(first, len(found["rowid"]))]
        for i, row in zip(range(first, len(found["rowid"])), rows.tolist(), strict=True):
            self._append(int(row), _record_of_row(found, i))
        self._map.add({"doc": np.array([_doc_key(d) for d in docs], dtype=np.int64),
                       "row": rows})  # fmt: skip
        sql.ROWS_READ["doc_sketches"] += count

    def _append(self, row: int, values: tuple[Any, ...]) -> None:
        record = self._buffer[self._buffered]
        (record["shingles"], record["skeleton_size"], record["facts_size"],
         signature, skeleton, facts, text_hash, doc_id) = values  # fmt: skip
        _put(record["signature"], signature)
        _put(record["skeleton"], skeleton)
        _put(record["facts"], facts)
        hash_bytes, doc_bytes = text_hash.encode("utf-8"), doc_id.encode("utf-8")
        if len(hash_bytes) > TEXT_HASH_BYTES or len(doc_bytes) > DOC_ID_BYTES:
            self._long[row] = (doc_id, text_hash)
        record["text_hash"] = hash_bytes[:TEXT_HASH_BYTES]
        record["doc_id"] = doc_bytes[:DOC_ID_BYTES]
        self._buffered += 1
        if self._buffered == BUFFER_ROWS:
            self._flush()

    def _flush(self) -> None:
        self._file.seek(self._flushed * RECORD.itemsize)
        self._file.write(self._buffer[: self._buffered].tobytes())
        self._file.flush()  # pread goes past Python's buffer, to the file
        self._flushed += self._buffered
        self._buffer[:] = 0
        self._buffered = 0


# Each field's (offset, width) in bytes within a record.
_LAYOUT = {name: (int(spec[1]), spec[0].itemsize) for name, spec in (RECORD.fields or {}).items()}
# The record's leading 32-bit words: three sizes, then the three signatures, packed.
_SIGNATURE = slice(3, 3 + NUM_PERM)
_SKELETON = slice(3 + NUM_PERM, 3 + 2 * NUM_PERM)
_FACTS = slice(3 + 2 * NUM_PERM, 3 + 3 * NUM_PERM)
_WORDS = 3 + 3 * NUM_PERM
assert _LAYOUT["facts"][0] == 4 * _FACTS.start and _LAYOUT["text_hash"][0] == 4 * _WORDS


def _record_of_row(found: dict[str, Any], i: int) -> tuple[Any, ...]:
    # A sketch stored before schema version 4 has no facts (NULL): size 0.
    facts = found["facts_size"][i]
    return (
        int(found["shingles"][i]), int(found["skeleton_size"][i]),
        0 if _missing(facts) else int(facts),
        found["signature"][i], found["skeleton_signature"][i], found["facts_signature"][i],
        str(found["text_hash"][i]), str(found["doc_id"][i]),
    )  # fmt: skip


def _doc_key(doc_id: str) -> int:
    """A 64-bit hash of a doc id (a match is confirmed on the record's doc id). Python's
    own string hash: the map lives and dies with this process, and a string caches its
    hash, so the ~hundreds of lookups of a batch cost no hashing (blake2b: ~1 us each)."""
    return hash(doc_id)


_EMPTY: npt.NDArray[np.int64] = np.zeros(0, dtype=np.int64)


def _put(into: Any, signature: Any) -> None:
    # MinHash minima are below 2**32 (datasketch's hash range): uint32 holds them exactly.
    if not _missing(signature) and len(signature):
        into[...] = np.asarray(signature, dtype=np.uint32)


def _missing(value: Any) -> bool:
    return value is None or value is np.ma.masked or bool(np.ma.is_masked(value))


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
