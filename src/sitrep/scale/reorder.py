"""Put rows that finish in any order back into run order (docs/SCALE.md, session 5).

Ray Data annotates blocks on several actors and, without ``preserve_order``, hands them
to the driver as they finish. Every row carries its place in the run (``file_seq``,
``rec_seq``), and the last row read from a file also says how many rows the file gave
(``file_rows``), so the driver knows when a file is complete without knowing its length
beforehand (a JSONL file's lines are counted only where it is read). A file that gave no
row at all is announced by one end marker (``rec_seq`` = ``END_MARKER_SEQ``).

The buffer holds only rows that arrived before an earlier one: what the cluster finishes
while its slowest unfinished block is still being annotated.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

Row = dict[str, Any]

# The transit column holding, on the last row read from a file, how many rows it gave.
FILE_ROWS = "file_rows"
# ``rec_seq`` of the row that only says its file gave no row (an empty JSONL file).
END_MARKER_SEQ = -1


def is_end_marker(row: Row) -> bool:
    return bool(row["rec_seq"] == END_MARKER_SEQ)


def end_marker(file_seq: int, columns: Iterable[str]) -> Row:
    """The row standing for a file that gave no row: no document, no failure."""
    row: Row = dict.fromkeys(columns)
    row["file_seq"], row["rec_seq"], row[FILE_ROWS] = file_seq, END_MARKER_SEQ, 0
    return row


class RunOrderBuffer:
    """Takes rows in any order; releases them in run order as soon as every earlier row
    of the run has been released. ``files`` is the number of input files of the run."""

    def __init__(self, files: int) -> None:
        self.files = files
        self.next_file = 0
        self.next_rec = 0
        self.waiting: dict[tuple[int, int], Row] = {}
        self.file_rows: dict[int, int] = {}
        self.peak = 0  # the most rows held at once: what the reordering cost in memory

    @property
    def held(self) -> int:
        return len(self.waiting)

    def add(self, row: Row) -> list[Row]:
        """Take ``row``; return the rows (it included) that are now next in run order."""
        file_seq, rec_seq = row["file_seq"], row["rec_seq"]
        if row.get(FILE_ROWS) is not None:
            self._learn_length(file_seq, row[FILE_ROWS])
        if not is_end_marker(row):
            key = (file_seq, rec_seq)
            if key in self.waiting or self._released(file_seq, rec_seq):
                raise ValueError(f"row {key} of the run arrived twice")
            self.waiting[key] = row
        ready = list(self._release())
        self.peak = max(self.peak, len(self.waiting))
        return ready

    def finish(self) -> None:
        """Check that the run is complete: every file ended and no row is left waiting."""
        if self.next_file < self.files or self.waiting:
            missing = f"file {self.next_file}, row {self.next_rec}"
            raise ValueError(
                f"the cluster's output is incomplete: waiting for {missing} "
                f"({len(self.waiting)} later rows held)"
            )

    def _learn_length(self, file_seq: int, rows: int) -> None:
        known = self.file_rows.setdefault(file_seq, rows)
        if known != rows:
            raise ValueError(f"file {file_seq} said it gave {known} rows, then {rows}")

    def _released(self, file_seq: int, rec_seq: int) -> bool:
        return (file_seq, rec_seq) < (self.next_file, self.next_rec)

    def _release(self) -> Iterator[Row]:
        while self.next_file < self.files:
            row = self.waiting.pop((self.next_file, self.next_rec), None)
            if row is not None:
                self.next_rec += 1
                yield row
            elif self.file_rows.get(self.next_file) == self.next_rec:
                del self.file_rows[self.next_file]
                self.next_file, self.next_rec = self.next_file + 1, 0
            else:
                return
