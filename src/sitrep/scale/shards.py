"""Shard rows (what the Ray engine writes to Parquet) and loading them into the store.

A row is one input document: its place in the run (``file_seq``, ``rec_seq``), the raw
document's fields, and either the Report JSON with its id or a failure reason. Loading
reads the shards back in run order and passes them through the local engine's own
duplicate rule and batch writer, so both engines store the same thing.

On its way from an actor to the loader a row also carries its Report pickled
(``report_pickle``, never written to a shard): the loader rebuilds the Report from it
instead of parsing the JSON, which cost it 3-4 times more CPU (docs/SCALE.md, round 4).
Shards keep only the JSON, readable by any later sitrep version.
"""

from __future__ import annotations

import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitrep.engine import ExactCopy, IngestSummary, Outcome, annotate_safely
from sitrep.ingest.document import RawDocument, ReadFailure
from sitrep.records import Report, from_json, to_json

if TYPE_CHECKING:
    from types import TracebackType

    import pyarrow as pa
    import pyarrow.parquet as pq

    from sitrep.resources import Resources
    from sitrep.store import Store

Row = dict[str, Any]
Item = RawDocument | ReadFailure | ExactCopy
ProgressCallback = Callable[[IngestSummary], None]

RAW_FIELDS = ("text", "origin", "path", "url", "title", "outlet", "published", "format")
# Every column of a shard, in order; all are strings except the two sequence numbers.
SHARD_COLUMNS = ("file_seq", "rec_seq", *RAW_FIELDS, "failure", "doc_id", "report_json")
# The column of a row in transit holding its Report pickled; not a shard column.
REPORT_PICKLE = "report_pickle"
# Rows fetched at a time when loading: memory is bounded by this, not by the corpus.
LOAD_PAGE = 256
# DuckDB sorts the shards by run order within this much memory, spilling beyond it.
LOAD_MEMORY_LIMIT = "512MB"
# Shard rows per Parquet file: fewer, larger files for a later reader to open.
ROWS_PER_SHARD = 2_000
# Rows per Parquet row group: the cluster sends blocks of 2-3 annotated rows (Ray's 32 KB
# block target), and a row group each made 22 groups of 60 rows (docs/SCALE.md, session 5).
ROWS_PER_GROUP = 256


def read_row(file_seq: int, rec_seq: int, item: RawDocument | ReadFailure) -> Row:
    """The row of a document as read (not yet annotated)."""
    row: Row = dict.fromkeys(SHARD_COLUMNS)
    row["file_seq"], row["rec_seq"] = file_seq, rec_seq
    if isinstance(item, ReadFailure):
        row["origin"], row["failure"] = item.origin, item.reason
        return row
    for name in RAW_FIELDS:
        row[name] = getattr(item, name)
    return row


def annotated_row(row: Row, resources: Resources, published: str | None) -> Row:
    """``row`` with its Report (or the local engine's extraction failure) filled in."""
    if row["failure"] is not None:
        return row
    outcome = annotate_safely(raw_document(row), resources, published)
    done = dict(row)
    if isinstance(outcome, tuple):
        report = outcome[1]
        done["doc_id"], done["report_json"] = report.id, to_json(report)
        # For the loader in this run only (the same sitrep on every node of the cluster).
        done[REPORT_PICKLE] = pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL)
    elif isinstance(outcome, ReadFailure):
        done["failure"] = outcome.reason
    return done


def raw_document(row: Row) -> RawDocument:
    return RawDocument(**{name: row[name] for name in RAW_FIELDS})


def outcome_of(row: Row, raw: RawDocument) -> Outcome:
    """What annotating ``raw`` (the document of ``row``) gave: its Report or a failure.
    The Report comes from its pickle when the row carries one (fresh from an actor),
    else from its JSON (a row read back from a shard)."""
    if row["failure"] is not None:
        return ReadFailure(row["origin"], row["failure"])
    pickled = row.get(REPORT_PICKLE)
    if pickled is not None:
        report = pickle.loads(pickled)  # made by this run's own actors
        assert isinstance(report, Report), f"not a Report in the row of {raw.origin}"
        return raw, report
    return raw, from_json(Report, row["report_json"])


class ShardWriter:
    """Appends tables of shard rows to ``part-NNNNN.parquet`` files under ``folder``, a new
    file every ``rows_per_shard`` rows, gathered into row groups of ``rows_per_group``:
    the run's record of what the cluster computed, readable again with
    ``iter_shard_rows``. Rows are on disk once a group is full or the writer closed."""

    def __init__(
        self,
        folder: Path,
        schema: pa.Schema,
        *,
        rows_per_shard: int = ROWS_PER_SHARD,
        rows_per_group: int = ROWS_PER_GROUP,
    ) -> None:
        self.folder = folder
        self.schema = schema
        self.rows_per_shard = rows_per_shard
        self.rows_per_group = rows_per_group
        self.files = 0
        self._rows_in_file = 0
        self._pending: list[pa.Table] = []
        self._pending_rows = 0
        self._writer: pq.ParquetWriter | None = None

    def write(self, table: pa.Table) -> None:
        self._pending.append(table.cast(self.schema))
        self._pending_rows += table.num_rows
        group_full = self._pending_rows >= self.rows_per_group
        if group_full or self._rows_in_file + self._pending_rows >= self.rows_per_shard:
            self._write_group()

    def _write_group(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not self._pending_rows:
            return
        if self._writer is None:
            path = self.folder / f"part-{self.files:05d}.parquet"
            self._writer = pq.ParquetWriter(str(path), self.schema)
            self.files += 1
        self._writer.write_table(pa.concat_tables(self._pending))
        self._rows_in_file += self._pending_rows
        self._pending, self._pending_rows = [], 0
        if self._rows_in_file >= self.rows_per_shard:
            self._close_file()

    def close(self) -> None:
        self._write_group()
        self._close_file()

    def _close_file(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None
            self._rows_in_file = 0

    def __enter__(self) -> ShardWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def iter_shard_rows(folder: Path, *, page: int = LOAD_PAGE) -> Iterator[Row]:
    """Every row of the Parquet shards under ``folder``, in run order, a page at a time."""
    import duckdb

    files = sorted(str(p) for p in folder.rglob("*.parquet"))
    if not files:
        return
    con = duckdb.connect()
    try:
        con.execute(f"SET memory_limit = '{LOAD_MEMORY_LIMIT}'")
        con.execute("SET temp_directory = ?", [str(folder / ".sort")])
        columns = ", ".join(SHARD_COLUMNS)
        con.execute(f"SELECT {columns} FROM read_parquet(?) ORDER BY file_seq, rec_seq", [files])
        while chunk := con.fetchmany(page):
            yield from (dict(zip(SHARD_COLUMNS, values, strict=True)) for values in chunk)
    finally:
        con.close()


def store_rows(
    rows: Iterable[Row],
    store: Store,
    summary: IngestSummary,
    *,
    batch_size: int,
    on_progress: ProgressCallback | None = None,
) -> None:
    """Write rows (in run order) through the local engine's own duplicate rule and
    batch writer, so that both engines store the same thing however those change."""
    from sitrep.engine import UncommittedSources, new_documents, write_in_batches

    pending: deque[tuple[RawDocument, Outcome]] = deque()

    def documents() -> Iterator[RawDocument | ReadFailure]:
        for row in rows:
            if row["text"] is None:  # a read failure: the document has no text
                yield ReadFailure(row["origin"], row["failure"])
                continue
            raw = raw_document(row)
            pending.append((raw, outcome_of(row, raw)))
            yield raw

    def annotated(item: Item) -> Outcome:
        """The outcome the cluster computed for ``item`` (documents the duplicate rule
        dropped are passed over: the rule keeps the order of what it lets through)."""
        if not isinstance(item, RawDocument):
            return item
        while pending:
            raw, outcome = pending.popleft()
            if raw is item:
                return outcome
        raise AssertionError(f"no annotated row for {item.origin}")

    uncommitted = UncommittedSources()
    fresh = new_documents(documents(), store, summary, batch_size, uncommitted)
    write_in_batches(
        (annotated(i) for i in fresh), store, summary, batch_size, on_progress, uncommitted
    )
