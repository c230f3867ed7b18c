"""An in-process index of ``link_keys`` for the writer: key lookups whose cost does not
grow with the corpus.

Scanning ``link_keys`` once per batch cost 1.9 ms at 100k rows and 21.8 ms at 4M rows
(≈ 100k reports); an ART index probed through a literal ``IN`` list was flat but dearer
below ~1.5M rows (docs/CORPUS.md, third pass). This index is a cache of the table,
derived and rebuildable: ``link_keys`` is append-only, so the index catches up by reading
the rows past its high-water mark (``append_only.AppendOnlyCache``). It therefore follows
writes from other processes and survives a crash or a rolled-back batch without
bookkeeping: rows enter it only once committed.

Layout: sorted numpy runs (a log-structured merge): each catch-up adds one run, and a
run is merged with the one before it while that one is less than ``MERGE_FACTOR`` times
larger, so every row is merged O(log n) times and a lookup binary-searches a handful of
runs. A merge keeps only the newest ``sql.MAX_PER_KEY`` rows per key and kind, the
only ones a lookup returns, so a hot key (a common first name with an age) costs the
same at any corpus size. About 21 bytes a row plus each distinct record id once
(≈ 130 MB at 100k reports, 39 keys each).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import duckdb
import numpy as np
import numpy.typing as npt

from sitrep.corpus.append_only import AppendOnlyCache
from sitrep.corpus.sketch_table import SketchTable
from sitrep.corpus.sql import MAX_PER_KEY

# A run is merged into the one before it while that one holds fewer than this many
# times its rows: ~log4(n / batch) runs (6 at 4M rows in batches of ~1,250 rows).
MERGE_FACTOR = 4

# Rows read per query when catching up: the first read of a large store (4M rows at
# 100k reports) fetches its record ids as Python strings a page at a time.
CATCH_UP_PAGE = 200_000

Int64s = npt.NDArray[np.int64]
Int32s = npt.NDArray[np.int32]
Int8s = npt.NDArray[np.int8]


@dataclass(frozen=True, slots=True)
class _Run:
    """Rows sorted by key, then kind, then rowid (``seq``)."""

    keys: Int64s
    kinds: Int8s
    ids: Int32s
    seq: Int64s

    def __len__(self) -> int:
        return len(self.keys)


class KeyIndex(AppendOnlyCache):
    """What ``sql.lookup_keys_by_kind`` answers, from memory after a catch-up read."""

    def _forget(self) -> None:
        # Stored reports' sketches for story linking: dropped with the rest when the
        # file at the store's path is another one.
        self.sketches = SketchTable()
        self._runs: list[_Run] = []
        self._record_ids: list[str] = []
        self._record_number: dict[str, int] = {}
        self._kinds: list[str] = []
        self._forget_rows()

    def __len__(self) -> int:
        """Rows held (after pruning hot keys to the newest ``MAX_PER_KEY``)."""
        return sum(len(run) for run in self._runs)

    def lookup_by_kind(
        self, con: duckdb.DuckDBPyConnection, keys: Iterable[int]
    ) -> dict[str, dict[int, list[str]]]:
        """Record ids stored under each key, by kind, then key: the newest
        ``MAX_PER_KEY`` per key and kind, sorted (as ``sql.lookup_keys_by_kind``)."""
        self.catch_up(con)
        wanted = np.unique(np.fromiter(keys, dtype=np.int64))
        if not len(wanted) or not self._runs:
            return {}
        return self._grouped(self._matches(wanted))

    def _page_rows(self) -> int:
        return CATCH_UP_PAGE

    def _read_from(self, con: duckdb.DuckDBPyConnection, rowid: int) -> dict[str, Any]:
        return _rows_from(con, rowid)

    def _identity(self, found: dict[str, Any], i: int) -> tuple[Any, ...]:
        return _row(found, i)

    def _add_rows(self, found: dict[str, Any], first: int) -> None:
        self._add(*(found[name][first:] for name in ("rowid", "key", "kind", "record_id")))

    # ------------------------------------------------------------------ building

    def _add(self, rowids: object, keys: object, kinds: object, record_ids: object) -> None:
        kind_numbers = np.fromiter(
            (self._number_of_kind(str(k)) for k in np.asarray(kinds)), dtype=np.int8
        )
        id_numbers = np.fromiter(
            (self._number_of_record(str(r)) for r in np.asarray(record_ids)), dtype=np.int32
        )
        run = _sorted_run(
            np.asarray(keys, dtype=np.int64), kind_numbers, id_numbers,
            np.asarray(rowids, dtype=np.int64),
        )  # fmt: skip
        self._runs.append(_pruned(run))
        while len(self._runs) > 1 and len(self._runs[-2]) < MERGE_FACTOR * len(self._runs[-1]):
            last = self._runs.pop()
            self._runs[-1] = _pruned(_merged(self._runs[-1], last))

    def _number_of_kind(self, kind: str) -> int:
        if kind not in self._kinds:
            self._kinds.append(kind)
        return self._kinds.index(kind)

    def _number_of_record(self, record_id: str) -> int:
        number = self._record_number.get(record_id)
        if number is None:
            number = self._record_number[record_id] = len(self._record_ids)
            self._record_ids.append(record_id)
        return number

    # ------------------------------------------------------------------ lookup

    def _matches(self, wanted: Int64s) -> list[tuple[int, int, int, int]]:
        """(key, kind, seq, record number) of every held row under a wanted key."""
        found: list[tuple[int, int, int, int]] = []
        for run in self._runs:
            starts = np.searchsorted(run.keys, wanted, side="left")
            ends = np.searchsorted(run.keys, wanted, side="right")
            hit = ends > starts
            if not hit.any():
                continue
            rows = _ranges(starts[hit], ends[hit])
            found.extend(
                zip(
                    run.keys[rows].tolist(), run.kinds[rows].tolist(),
                    run.seq[rows].tolist(), run.ids[rows].tolist(), strict=True,
                )
            )  # fmt: skip
        return found

    def _grouped(self, matches: list[tuple[int, int, int, int]]) -> dict[str, dict[int, list[str]]]:
        newest: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for key, kind, seq, number in matches:
            newest.setdefault((key, kind), []).append((seq, number))
        out: dict[str, dict[int, list[str]]] = {}
        for (key, kind), rows in sorted(newest.items()):
            rows.sort(reverse=True)
            ids = sorted(self._record_ids[number] for _, number in rows[:MAX_PER_KEY])
            out.setdefault(self._kinds[kind], {})[key] = ids
        return {kind: out[kind] for kind in sorted(out)}


def _rows_from(con: duckdb.DuckDBPyConnection, rowid: int) -> dict[str, Any]:
    # Rows are never updated or deleted: rowids only grow, and the filter skips every
    # row group below ``rowid`` (1.5 ms for a batch's rows at 4M rows).
    found: dict[str, Any] = con.execute(
        "SELECT rowid, key, kind, record_id FROM link_keys WHERE rowid >= ? "
        f"ORDER BY rowid LIMIT {CATCH_UP_PAGE}",
        [rowid],
    ).fetchnumpy()
    return found


def _row(found: dict[str, Any], i: int) -> tuple[int, int, str]:
    return int(found["rowid"][i]), int(found["key"][i]), str(found["record_id"][i])


def _sorted_run(keys: Int64s, kinds: Int8s, ids: Int32s, seq: Int64s) -> _Run:
    order = np.lexsort((seq, kinds, keys))
    return _Run(keys[order], kinds[order], ids[order], seq[order])


def _merged(older: _Run, newer: _Run) -> _Run:
    return _sorted_run(
        np.concatenate((older.keys, newer.keys)), np.concatenate((older.kinds, newer.kinds)),
        np.concatenate((older.ids, newer.ids)), np.concatenate((older.seq, newer.seq)),
    )  # fmt: skip


def _pruned(run: _Run) -> _Run:
    """Only the newest ``MAX_PER_KEY`` rows of each key and kind: older ones are never
    returned (lookups take the newest), so they need not be held or searched."""
    n = len(run)
    if n <= MAX_PER_KEY:
        return run
    # Rows sharing (key, kind) are adjacent, oldest first: keep a row when the row
    # MAX_PER_KEY places after it belongs to another group (or does not exist).
    later = np.arange(MAX_PER_KEY, n)
    same = (run.keys[later] == run.keys[:-MAX_PER_KEY]) & (
        run.kinds[later] == run.kinds[:-MAX_PER_KEY]
    )
    if not same.any():
        return run
    keep = np.ones(n, dtype=bool)
    keep[: n - MAX_PER_KEY] = ~same
    return _Run(run.keys[keep], run.kinds[keep], run.ids[keep], run.seq[keep])


def _ranges(starts: Int64s, ends: Int64s) -> Int64s:
    """The indexes ``start..end-1`` of every range, concatenated."""
    lengths = ends - starts
    offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
    indexes: Int64s = np.arange(int(lengths.sum()), dtype=np.int64) + offsets
    return indexes
