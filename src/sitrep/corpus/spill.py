"""Sorted runs merged log-structured, the large ones spilled to memory-mapped files.

The writer's caches of ``link_keys`` and ``doc_sketches`` grew with the corpus when held
in memory (~2.5 KB a report: docs/SCALE.md, session 6). Here only the small, newest runs
stay in memory (fewer than ``spill_rows`` rows each, so at most ~4/3 of it in all); a run
that reaches ``spill_rows`` goes to an unlinked temporary file beside the store, one file
per column, read through ``mmap``. Merges of spilled runs go a bounded chunk at a time, so
neither the resident rows nor a merge's working memory depend on the corpus size.

The files have no name (``tempfile.TemporaryFile``, ``O_TMPFILE`` on Linux): they vanish
with the process, even a killed one, so there is nothing to clean up or to find stale;
each writer rebuilds its caches from the store, the only truth, as it did before. Pages
of the mappings are file-backed page cache, not anonymous memory: ``drop_pages`` unmaps
the ones touched so far from the process (they stay in the kernel's cache and come back
on the next touch at the cost of a minor fault).
"""

from __future__ import annotations

import mmap
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import numpy as np
import numpy.typing as npt

Columns = dict[str, npt.NDArray[Any]]
Int64s = npt.NDArray[np.int64]
Pruner = Callable[[Columns], Columns]

# A run is merged into the one before it while that one holds fewer than this many
# times its rows: ~log4(n / batch) runs (6 at 4M rows in batches of ~1,250 rows).
MERGE_FACTOR = 4
# Rows of each input taken per step of a merge that involves a spilled run.
MERGE_CHUNK_ROWS = 65_536


@dataclass(slots=True)
class Run:
    """Rows sorted by the owner's sort columns; ``files`` and ``maps`` when spilled."""

    columns: Columns
    files: list[IO[bytes]] = field(default_factory=list)
    maps: list[mmap.mmap] = field(default_factory=list)

    def __len__(self) -> int:
        return len(next(iter(self.columns.values())))

    @property
    def spilled(self) -> bool:
        return bool(self.maps)


class SortedRuns:
    """Rows sorted by ``sort_by`` (the first column is the one searched), in runs.

    ``prune``, when given, may drop rows of a sorted run (it sees every row sharing a
    value of the first sort column together) and must keep them sorted."""

    def __init__(
        self,
        sort_by: tuple[str, ...],
        *,
        spill_rows: int,
        folder: Path | None = None,
        prune: Pruner | None = None,
    ) -> None:
        self.sort_by = sort_by
        self.spill_rows = spill_rows
        self.folder = folder
        self.prune = prune or (lambda columns: columns)
        self.runs: list[Run] = []
        # Rows ever written to spill files (a work counter for tests and the bench).
        self.rows_spilled = 0

    def __len__(self) -> int:
        return sum(len(run) for run in self.runs)

    @property
    def resident_rows(self) -> int:
        """Rows held in anonymous memory (the runs not spilled)."""
        return sum(len(run) for run in self.runs if not run.spilled)

    def add(self, columns: Columns) -> None:
        """Add rows (any order) as a new run, then merge while the LSM order asks it."""
        if not len(next(iter(columns.values()))):
            return
        self.runs.append(self._stored(self.prune(self._sorted(columns))))
        while len(self.runs) > 1 and len(self.runs[-2]) < MERGE_FACTOR * len(self.runs[-1]):
            newer = self.runs.pop()
            self.runs[-1] = self._merged(self.runs[-1], newer)

    def search(self, wanted: Int64s) -> Iterator[tuple[Run, Int64s]]:
        """For each run, the indexes of its rows whose first sort column is in ``wanted``
        (sorted, unique)."""
        first = self.sort_by[0]
        for run in self.runs:
            keys = run.columns[first]
            starts = np.searchsorted(keys, wanted, side="left")
            ends = np.searchsorted(keys, wanted, side="right")
            hit = ends > starts
            if hit.any():
                yield run, _ranges(starts[hit], ends[hit])

    def find(self, value: int) -> Iterator[tuple[Run, int]]:
        """Each row whose first sort column is ``value``, as (run, index): one scalar
        binary search a run (~1 us, against ~3 us for the vectorised ``search``)."""
        first = self.sort_by[0]
        for run in self.runs:
            keys = run.columns[first]
            at = int(keys.searchsorted(value))
            while at < len(keys) and keys[at] == value:
                yield run, at
                at += 1

    def drop_pages(self) -> None:
        """Unmap the spilled runs' pages touched so far from this process."""
        advice = getattr(mmap, "MADV_DONTNEED", None)  # absent where madvise is
        if advice is None:
            return
        for run in self.runs:
            for mapped in run.maps:
                mapped.madvise(advice)

    # ------------------------------------------------------------------ building

    def _sorted(self, columns: Columns) -> Columns:
        order = np.lexsort(tuple(columns[name] for name in reversed(self.sort_by)))
        return {name: values[order] for name, values in columns.items()}

    def _stored(self, columns: Columns) -> Run:
        if len(next(iter(columns.values()))) < self.spill_rows:
            return Run(columns)
        writer = _SpillWriter(self.folder, {name: v.dtype for name, v in columns.items()})
        writer.write(columns)
        return self._finished(writer)

    def _merged(self, older: Run, newer: Run) -> Run:
        if not older.spilled and not newer.spilled:
            both = {name: np.concatenate((older.columns[name], newer.columns[name]))
                    for name in older.columns}  # fmt: skip
            return self._stored(self.prune(self._sorted(both)))
        # A bounded chunk at a time: every row sharing a first-column value lands in one
        # chunk, so pruning a chunk prunes those rows as a whole run would.
        dtypes = {name: np.result_type(older.columns[name].dtype, newer.columns[name].dtype)
                  for name in older.columns}  # fmt: skip
        writer = _SpillWriter(self.folder, dtypes)
        first = self.sort_by[0]
        for a, b in _aligned_chunks(older.columns[first], newer.columns[first]):
            both = {name: np.concatenate((older.columns[name][a], newer.columns[name][b]))
                    for name in older.columns}  # fmt: skip
            writer.write(self.prune(self._sorted(both)))
        return self._finished(writer)

    def _finished(self, writer: _SpillWriter) -> Run:
        run = writer.finish()
        self.rows_spilled += len(run)
        return run


class _SpillWriter:
    """Columns appended to one unlinked temporary file each, then memory-mapped."""

    def __init__(self, folder: Path | None, dtypes: dict[str, np.dtype[Any]]) -> None:
        self.dtypes = dtypes
        # Kept open by the run that maps them; unlinked at once (no name to clean up).
        self.files = {name: tempfile.TemporaryFile(dir=folder) for name in dtypes}  # noqa: SIM115
        self.rows = 0

    def write(self, columns: Columns) -> None:
        for name, file in self.files.items():
            file.write(np.ascontiguousarray(columns[name], dtype=self.dtypes[name]).tobytes())
        self.rows += len(next(iter(columns.values())))

    def finish(self) -> Run:
        if not self.rows:  # nothing to map (mmap refuses an empty file)
            for file in self.files.values():
                file.close()
            return Run({name: np.zeros(0, dtype=dtype) for name, dtype in self.dtypes.items()})
        columns: Columns = {}
        maps = []
        for name, file in self.files.items():
            file.flush()
            mapped = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
            maps.append(mapped)
            columns[name] = np.frombuffer(mapped, dtype=self.dtypes[name], count=self.rows)
        return Run(columns, list(self.files.values()), maps)


def _aligned_chunks(
    older: npt.NDArray[Any], newer: npt.NDArray[Any], chunk: int | None = None
) -> Iterator[tuple[slice, slice]]:
    """Slices of two sorted arrays, consecutive and covering both, cut between values:
    each pair holds at most about ``chunk`` rows of each side (plus rows equal to the
    cutting value)."""
    step = chunk or MERGE_CHUNK_ROWS
    i = j = 0
    while i < len(older) or j < len(newer):
        cuts = [side[at + step - 1] for side, at in ((older, i), (newer, j))
                if at + step < len(side)]  # fmt: skip
        if cuts:
            cut = min(cuts)
            i_end = int(np.searchsorted(older, cut, side="right"))
            j_end = int(np.searchsorted(newer, cut, side="right"))
        else:
            i_end, j_end = len(older), len(newer)
        yield slice(i, i_end), slice(j, j_end)
        i, j = i_end, j_end


def _ranges(starts: Int64s, ends: Int64s) -> Int64s:
    """The indexes ``start..end-1`` of every range, concatenated."""
    lengths = ends - starts
    offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
    indexes: Int64s = np.arange(int(lengths.sum()), dtype=np.int64) + offsets
    return indexes
