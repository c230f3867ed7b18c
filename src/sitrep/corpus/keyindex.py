"""An in-process index of ``link_keys`` for the writer: key lookups whose cost does not
grow with the corpus.

Scanning ``link_keys`` once per batch cost 1.9 ms at 100k rows and 21.8 ms at 4M rows
(≈ 100k reports); an ART index probed through a literal ``IN`` list was flat but dearer
below ~1.5M rows (docs/CORPUS.md, third pass). This index is a cache of the table,
derived and rebuildable: ``link_keys`` is append-only, so the index catches up by reading
the rows past its high-water mark (``append_only.AppendOnlyCache``). It therefore follows
writes from other processes and survives a crash or a rolled-back batch without
bookkeeping: rows enter it only once committed.

Layout: sorted numpy runs (a log-structured merge, ``spill.SortedRuns``): each catch-up
adds one run, and a run is merged with the one before it while that one is less than
``MERGE_FACTOR`` times larger, so every row is merged O(log n) times and a lookup
binary-searches a handful of runs. A merge keeps only the newest ``sql.MAX_PER_KEY`` rows
per key and kind, the only ones a lookup returns, so a hot key (a common first name with
an age) costs the same at any corpus size. A row is its key, kind, rowid and record id
(as bytes, ~40 bytes in all). Runs of ``SPILL_ROWS`` rows or more live in memory-mapped
temporary files beside the store (session 7): the rows held in memory are bounded
whatever the corpus size (the index held ~1.5 KB a report in memory at 100k before).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import numpy.typing as npt

from sitrep.corpus.append_only import AppendOnlyCache
from sitrep.corpus.sketch_table import SketchTable
from sitrep.corpus.spill import MERGE_FACTOR, Columns, SortedRuns
from sitrep.corpus.sql import MAX_PER_KEY

__all__ = ["CATCH_UP_PAGE", "DROP_PAGES_EVERY", "MERGE_FACTOR", "SPILL_ROWS", "KeyIndex"]

# Rows read per query when catching up: the first read of a large store (4M rows at
# 100k reports) fetches its record ids as Python strings a page at a time.
CATCH_UP_PAGE = 200_000
# A run this large goes to a memory-mapped file: at ~40 bytes a row, at most ~4/3 of
# 65,536 rows (3.5 MB) stay in memory, against 4M rows (~130 MB) at 100k reports before.
SPILL_ROWS = 65_536
# Lookups between two unmappings of the spilled runs' pages (file-backed, but counted in
# the process's RSS while mapped): after every lookup, so at most one batch's touch stays
# mapped. Refaulting them from the page cache costs ~1.8 ms per lookup of 1,800 keys in
# 2M rows (2.26 -> 4.08 ms CPU; 0.06 ms a report: bench/corpus_scale.py --lookup-pages).
DROP_PAGES_EVERY = 1

Int64s = npt.NDArray[np.int64]
# Sort order of a run: a lookup's newest rows of a key and kind are its last ones.
_SORT = ("key", "kind", "seq")


class KeyIndex(AppendOnlyCache):
    """What ``sql.lookup_keys_by_kind`` answers, after a catch-up read, from runs held in
    memory (the small ones) and in memory-mapped files in ``folder`` (the large ones;
    the system's temporary folder when None)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        super().__init__()

    def _forget(self) -> None:
        # Stored reports' sketches for story linking: dropped with the rest when the
        # file at the store's path is another one.
        self.sketches = SketchTable(self.folder)
        self.runs = SortedRuns(_SORT, spill_rows=SPILL_ROWS, folder=self.folder, prune=_pruned)
        self._kinds: list[str] = []
        self._lookups = 0
        self._forget_rows()

    def __len__(self) -> int:
        """Rows held (after pruning hot keys to the newest ``MAX_PER_KEY``)."""
        return len(self.runs)

    @property
    def resident_rows(self) -> int:
        """Rows held in anonymous memory, this index's and its sketch table's: bounded
        whatever the number of rows read."""
        return self.runs.resident_rows + self.sketches.resident_rows

    def lookup_by_kind(
        self, con: duckdb.DuckDBPyConnection, keys: Iterable[int]
    ) -> dict[str, dict[int, list[str]]]:
        """Record ids stored under each key, by kind, then key: the newest
        ``MAX_PER_KEY`` per key and kind, sorted (as ``sql.lookup_keys_by_kind``)."""
        self.catch_up(con)
        wanted = np.unique(np.fromiter(keys, dtype=np.int64))
        if not len(wanted) or not self.runs.runs:
            return {}
        found = self._grouped(self._matches(wanted))
        self._lookups += 1
        if self._lookups % DROP_PAGES_EVERY == 0:
            self.runs.drop_pages()
        return found

    def _page_rows(self) -> int:
        return CATCH_UP_PAGE

    def _read_from(self, con: duckdb.DuckDBPyConnection, rowid: int) -> dict[str, Any]:
        return _rows_from(con, rowid)

    def _identity(self, found: dict[str, Any], i: int) -> tuple[Any, ...]:
        return _row(found, i)

    def _add_rows(self, found: dict[str, Any], first: int) -> None:
        kinds = np.fromiter(
            (self._number_of_kind(str(k)) for k in found["kind"][first:]), dtype=np.int8
        )
        self.runs.add(
            {
                "key": np.asarray(found["key"][first:], dtype=np.int64),
                "kind": kinds,
                "seq": np.asarray(found["rowid"][first:], dtype=np.int64),
                "record": _encoded(found["record_id"][first:]),
            }
        )

    def _number_of_kind(self, kind: str) -> int:
        if kind not in self._kinds:
            self._kinds.append(kind)
        return self._kinds.index(kind)

    # ------------------------------------------------------------------ lookup

    def _matches(self, wanted: Int64s) -> list[tuple[int, int, int, bytes]]:
        """(key, kind, seq, record id) of every held row under a wanted key."""
        found: list[tuple[int, int, int, bytes]] = []
        for run, rows in self.runs.search(wanted):
            columns = run.columns
            found.extend(
                zip(
                    columns["key"][rows].tolist(), columns["kind"][rows].tolist(),
                    columns["seq"][rows].tolist(), columns["record"][rows].tolist(),
                    strict=True,
                )
            )  # fmt: skip
        return found

    def _grouped(
        self, matches: list[tuple[int, int, int, bytes]]
    ) -> dict[str, dict[int, list[str]]]:
        newest: dict[tuple[int, int], list[tuple[int, bytes]]] = {}
        for key, kind, seq, record in matches:
            newest.setdefault((key, kind), []).append((seq, record))
        out: dict[str, dict[int, list[str]]] = {}
        for (key, kind), rows in sorted(newest.items()):
            rows.sort(reverse=True)
            ids = sorted(record.decode("utf-8") for _, record in rows[:MAX_PER_KEY])
            out.setdefault(self._kinds[kind], {})[key] = ids
        return {kind: out[kind] for kind in sorted(out)}


def _encoded(record_ids: Any) -> npt.NDArray[np.bytes_]:
    # Fixed-width bytes, as wide as the longest id (record ids are ASCII content hashes
    # with a local id; UTF-8 keeps any other text exact, and never holds a NUL byte).
    encoded: npt.NDArray[np.bytes_] = np.array(
        [str(r).encode("utf-8") for r in record_ids], dtype=np.bytes_
    )
    return encoded


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


def _pruned(run: Columns) -> Columns:
    """Only the newest ``MAX_PER_KEY`` rows of each key and kind: older ones are never
    returned (lookups take the newest), so they need not be held or searched."""
    keys, kinds = run["key"], run["kind"]
    n = len(keys)
    if n <= MAX_PER_KEY:
        return run
    # Rows sharing (key, kind) are adjacent, oldest first: keep a row when the row
    # MAX_PER_KEY places after it belongs to another group (or does not exist).
    later = np.arange(MAX_PER_KEY, n)
    same = (keys[later] == keys[:-MAX_PER_KEY]) & (kinds[later] == kinds[:-MAX_PER_KEY])
    if not same.any():
        return run
    keep = np.ones(n, dtype=bool)
    keep[: n - MAX_PER_KEY] = ~same
    return {name: values[keep] for name, values in run.items()}
