"""The writer's in-memory caches of append-only tables, kept exact by reading new rows.

``link_keys`` and ``doc_sketches`` rows are written once, with their report, and never
updated or deleted: rowids only grow. A cache of such a table is exact once it has read
every committed row up to the last rowid, and catching up reads only the rows past its
high-water mark (DuckDB prunes a ``rowid >=`` filter to the newest row groups). Rows enter
only once committed, so a rolled-back batch leaves nothing behind; and the last row read
is read again and compared, so another file at the same path is noticed and read afresh.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

import duckdb


class AppendOnlyCache(ABC):
    """Subclasses say how to read a page of rows from a rowid, what identifies a row,
    how to add rows, and what to forget; ``catch_up`` does the rest."""

    def __init__(self) -> None:
        self._rows = 0  # rows read so far: the high-water mark (rowid < rows)
        self._last: tuple[Any, ...] | None = None  # the identity of the row read last
        self._forget()

    @abstractmethod
    def _forget(self) -> None:
        """Drop everything held (the file at the path is another one); must call
        ``_forget_rows``."""

    @abstractmethod
    def _page_rows(self) -> int:
        """Rows read per query: a first read of a large store holds one page at a time."""

    @abstractmethod
    def _read_from(self, con: duckdb.DuckDBPyConnection, rowid: int) -> dict[str, Any]:
        """Up to ``_page_rows()`` rows from ``rowid`` on, in rowid order, as numpy columns
        (one of them ``rowid``)."""

    @abstractmethod
    def _identity(self, found: dict[str, Any], i: int) -> tuple[Any, ...]:
        """What tells row ``i`` of ``found`` apart from a row of another file."""

    @abstractmethod
    def _add_rows(self, found: dict[str, Any], first: int) -> None:
        """Hold rows ``first`` onwards of ``found``."""

    @property
    def rows_read(self) -> int:
        return self._rows

    def catch_up(self, con: duckdb.DuckDBPyConnection) -> None:
        """Read the committed rows not read yet: all of them the first time, or when the
        last row read is no longer there as read; else only the rows past it, and that
        last row to check."""
        try:
            self._catch_up(con)
        except BaseException:
            # A failed read or a failed write of a cache file (a full disk) may leave
            # part of a page held: start afresh, so the next catch-up rebuilds it whole.
            self._forget()
            raise

    def _catch_up(self, con: duckdb.DuckDBPyConnection) -> None:
        first = 0
        if self._rows:
            found = self._read_from(con, self._rows - 1)
            if len(found["rowid"]) and self._last == self._identity(found, 0):
                first = 1
            else:
                self._forget()
        if not self._rows:
            found = self._read_from(con, 0)
        while True:
            if len(found["rowid"]) > first:
                self._add_rows(found, first)
                self._rows = int(found["rowid"][-1]) + 1
                self._last = self._identity(found, len(found["rowid"]) - 1)
            if len(found["rowid"]) < self._page_rows():
                return
            found, first = self._read_from(con, self._rows), 0

    def _forget_rows(self) -> None:
        self._rows = 0
        self._last = None
