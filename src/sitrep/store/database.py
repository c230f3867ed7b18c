"""``Store``: the situation database in one DuckDB file.

Writes come from one process (the ingest engine), one transaction per batch. Every
operation opens the file, works and closes it, so readers in other processes get their
turn between batches (see ``connection``). Every query returns rows in a stable order,
stated in its docstring.
"""

from __future__ import annotations

import contextlib
import json
import re
import secrets
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from sitrep.errors import StoreError
from sitrep.ingest.document import RawDocument, ReadFailure
from sitrep.records import Report, from_json
from sitrep.store import copies as copies_
from sitrep.store import corrections, schema
from sitrep.store.connection import connect, open_connection
from sitrep.store.flatten import RowValues, TableRows, add_report
from sitrep.store.rows import (
    BatchResult,
    DocumentRow,
    EventRow,
    FailureRow,
    FigureRow,
    OrgRow,
    PersonEntityRow,
    PersonRow,
    PlaceRow,
    QuoteRow,
    RunRow,
    SearchHit,
    StoryRow,
    Timeline,
    TimeRow,
)

if TYPE_CHECKING:
    from sitrep.corpus.keyindex import KeyIndex

# Reports per round trip when streaming: bounded memory, few connections (rebuilding the
# Report objects, not the opens, dominates at this size).
ITER_PAGE = 256
# Seconds a held writer connection stays open before a write lets go of the file, so
# readers in other processes get in (each release costs a checkpoint: ~0.1-0.3 s at
# 30k-100k reports, bench/corpus_scale.py, docs/CORPUS.md).
RELEASE_AFTER_S = 1.0
# A held writer is let go at most this share of the time: after a release that cost c
# seconds (the close's checkpoint, which grows with the store: 70 ms at 1k reports,
# 200-550 ms at 10k-30k on the shared machine), it is held at least c / RELEASE_SHARE
# before the next, so checkpoints cost a bounded share of ingest time at any corpus size
# (held longer, a release costs about the same: 230 ms after 1 batch, 325 ms after 16
# at 10k; bench/corpus_scale.py, docs/CORPUS.md).
RELEASE_SHARE = 0.1
# ... but never longer than this between releases: readers in other processes retry on
# the lock for 30 s (``lock_timeout_s``), and a web page should not wait much longer
# than a few seconds during an ingest.
MAX_HOLD_S = 5.0
# DuckDB memory of the writer connection. DuckDB's default (80 % of RAM) lets its buffer
# cache keep every page a batch touched while the writer is held, so an ingest's memory
# grew with the store; capped, older pages are evicted and reread from the file
# (docs/SCALE.md, bench/volume.py). Spills beyond it go to DuckDB's temp folder.
WRITER_MEMORY_LIMIT = "512MB"
# Characters of context either side of a search match.
SNIPPET_CONTEXT = 60

COUNTED_TABLES = (
    "documents",
    "places",
    "people",
    "organizations",
    "quotes",
    "times",
    "figures",
    "events",
    "failures",
    "runs",
)


class Store:
    """The store at ``path`` (created on first use unless ``read_only``)."""

    def __init__(
        self,
        path: str | Path,
        *,
        read_only: bool = False,
        lock_timeout_s: float = 30.0,
        writer_memory_limit: str = WRITER_MEMORY_LIMIT,
        key_index: bool = True,
    ) -> None:
        if lock_timeout_s < 0:
            raise ValueError(f"lock_timeout_s must not be negative, got {lock_timeout_s}")
        self.path = Path(path)
        self.read_only = read_only
        self.lock_timeout_s = lock_timeout_s
        # DuckDB's syntax ('512MB', '2GiB'); checked when the first writer opens.
        self.writer_memory_limit = writer_memory_limit
        # The writer connection kept open by ``holding`` (None: every operation opens one).
        self._held: duckdb.DuckDBPyConnection | None = None
        self._held_since = 0.0
        self._holding = False
        self._release_after_s = RELEASE_AFTER_S
        # Seconds the last timed release of the held writer took (see RELEASE_SHARE).
        self._release_cost_s = 0.0
        # The writer's index of link_keys (candidate lookups flat in the corpus size),
        # built at the first write and caught up from the table at every batch (False:
        # scan the table at every batch instead, for comparisons). A cache: rebuilt from
        # the store by every new Store object, never trusted across processes.
        self._use_key_index = key_index
        self._key_index: KeyIndex | None = None
        if read_only:
            with self._reader() as con:
                schema.check_schema(con, str(self.path))
        else:
            with self._writer() as con:
                _prepare_schema(con, str(self.path))

    def __repr__(self) -> str:
        mode = "read-only" if self.read_only else "read-write"
        return f"Store({str(self.path)!r}, {mode})"

    # ------------------------------------------------------------------ connections

    def _reader(self) -> AbstractContextManager[duckdb.DuckDBPyConnection]:
        # A query while holding lets go of the writer first: this process cannot open the
        # file read-only beside its own writer, and read connections get temporary views.
        self._release()
        return _corrected(connect(self.path, read_only=True, timeout_s=self.lock_timeout_s))

    def _writer(self) -> AbstractContextManager[duckdb.DuckDBPyConnection]:
        if self.read_only:
            raise StoreError(f"store {self.path} was opened read-only; it cannot be written")
        if self._holding:
            return self._held_writer()
        return self._capped(connect(self.path, read_only=False, timeout_s=self.lock_timeout_s))

    @contextlib.contextmanager
    def _capped(
        self, opened: AbstractContextManager[duckdb.DuckDBPyConnection]
    ) -> Iterator[duckdb.DuckDBPyConnection]:
        with opened as con:
            self._limit_memory(con)
            yield con

    def _limit_memory(self, con: duckdb.DuckDBPyConnection) -> None:
        try:
            con.execute("SET memory_limit = ?", [self.writer_memory_limit])
        except duckdb.Error as exc:
            con.close()
            raise StoreError(
                f"store {self.path}: invalid writer memory limit "
                f"{self.writer_memory_limit!r} (use a size such as '512MB'): {exc}"
            ) from exc

    @contextlib.contextmanager
    def holding(self, *, release_after_s: float = RELEASE_AFTER_S) -> Iterator[Store]:
        """Keep one writer connection open across operations (an ingest run).

        Opening the file costs a cold cache and closing it a checkpoint, both growing with
        the store: held, a batch costs the same at 100k reports as at 1k
        (bench/corpus_scale.py). Other processes cannot read while the file is held, so it
        is let go after a write once it has been held ``release_after_s`` seconds (a
        checkpoint), or longer when the last release was costly (ten times its cost, at
        most ``MAX_HOLD_S``); readers retrying meanwhile get in before the next batch
        opens it again.
        """
        if self.read_only:
            raise StoreError(f"store {self.path} was opened read-only; it cannot be written")
        if release_after_s < 0:
            raise ValueError(f"release_after_s must not be negative, got {release_after_s}")
        outer = (self._holding, self._release_after_s)
        self._holding, self._release_after_s = True, release_after_s
        try:
            yield self
        finally:
            self._holding, self._release_after_s = outer
            if not self._holding:
                self._release()

    @contextlib.contextmanager
    def _held_writer(self) -> Iterator[duckdb.DuckDBPyConnection]:
        if self._held is None:
            held = open_connection(self.path, read_only=False, timeout_s=self.lock_timeout_s)
            self._limit_memory(held)
            self._held = held
            self._held_since = time.monotonic()
        try:
            yield self._held
        except duckdb.Error as exc:
            # After an error of the file (full disk) the connection may be unusable.
            self._release()
            raise StoreError(f"store {self.path}: {exc}") from exc
        except BaseException:
            self._release()
            raise

    def _release_if_held_long(self) -> None:
        if self._held is not None and (
            time.monotonic() - self._held_since >= self._hold_for_s()
        ):
            started = time.monotonic()
            self._release()
            self._release_cost_s = time.monotonic() - started

    def _hold_for_s(self) -> float:
        """How long the writer is held before a write lets go of it: ``release_after_s``,
        longer when releases have become costly (see ``RELEASE_SHARE``)."""
        earned = min(MAX_HOLD_S, self._release_cost_s / RELEASE_SHARE)
        return max(self._release_after_s, earned)

    def _release(self) -> None:
        held, self._held = self._held, None
        if held is not None:
            held.close()

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._reader() as con:
            rows: list[tuple[Any, ...]] = con.execute(sql, list(params)).fetchall()
        return rows

    # ------------------------------------------------------------------ writer side

    def begin_run(self, args: Mapping[str, Any]) -> str:
        """Record the start of an ingest run; returns its id (sortable by start time)."""
        now = _utcnow()
        run_id = f"{now:%Y%m%dT%H%M%S}-{secrets.token_hex(3)}"
        with self._writer() as con:
            con.execute(
                "INSERT INTO runs VALUES (?, ?, NULL, ?, NULL)",
                [run_id, now, json.dumps(dict(args), sort_keys=True, default=str)],
            )
        return run_id

    def finish_run(self, run_id: str, counts: Mapping[str, int]) -> None:
        with self._writer() as con:
            _require_run(con, run_id, self.path)
            con.execute(
                "UPDATE runs SET finished = ?, counts = ? WHERE id = ?",
                [_utcnow(), json.dumps(dict(counts), sort_keys=True), run_id],
            )

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` are stored report ids."""
        wanted = sorted(set(ids))
        if not wanted:
            return set()
        rows = self._rows_while_writing(
            "SELECT id FROM documents WHERE id IN (SELECT unnest(?::VARCHAR[]))", [wanted]
        )
        return {row[0] for row in rows}

    def source_keys(self, ids: Iterable[str]) -> dict[str, str]:
        """For each stored report among ``ids``, its url, else where it was read (what
        tells an exact copy from another source apart from the same file read again)."""
        wanted = sorted(set(ids))
        if not wanted:
            return {}
        rows = self._rows_while_writing(
            "SELECT id, coalesce(source_url, origin) FROM documents "
            "WHERE id IN (SELECT unnest(?::VARCHAR[]))",
            [wanted],
        )
        return {str(doc): str(key) for doc, key in rows}

    def _rows_while_writing(self, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        """Rows of a plain-table query an ingest asks between its batches: while holding,
        on the writer's own connection (no reopening)."""
        if self._held is None:
            # Not reopened for a query: after a release the file stays free for other
            # processes' readers until the next write.
            with connect(self.path, read_only=True, timeout_s=self.lock_timeout_s) as con:
                found: list[tuple[Any, ...]] = con.execute(sql, list(params)).fetchall()
            return found
        with self._writer() as con:
            rows: list[tuple[Any, ...]] = con.execute(sql, list(params)).fetchall()
        return rows

    def write_batch(
        self,
        items: Sequence[tuple[RawDocument, Report]],
        failures: Sequence[ReadFailure],
        run_id: str,
        *,
        copies: Sequence[tuple[RawDocument, str]] = (),
    ) -> BatchResult:
        """Store reports and failures in ONE transaction: all of the batch, or none of it.

        Reports already stored (same id, also twice in one batch) are skipped; a failure
        whose origin is already recorded for this run is not recorded again. ``copies``:
        documents whose text is the text of a stored report or of one in this batch (the
        second item its id), from another source: each is recorded as a source of that
        report's story, without records of its own (``store/copies.py``).
        """
        now = _utcnow()
        with self._writer() as con:
            con.begin()
            try:
                result = _write_in_transaction(
                    con, items, failures, run_id, now, self.path, copies, self._keys()
                )
                con.commit()
            except BaseException as exc:
                _rollback_quietly(con)
                if isinstance(exc, duckdb.Error | OSError):
                    # OSError: the writer's cache files beside the store (a full disk).
                    raise StoreError(
                        f"writing a batch of {len(items)} reports to {self.path} failed, "
                        f"nothing of it was stored: {exc}"
                    ) from exc
                raise
        self._release_if_held_long()
        return result

    def _keys(self) -> KeyIndex | None:
        # Imported here, as in ``_link``: sitrep.corpus imports the store's schema.
        from sitrep.corpus.keyindex import KeyIndex

        if self._key_index is None and self._use_key_index:
            # Its large runs and the sketches go to unlinked files beside the store (on
            # the store's disk, not a RAM-backed /tmp): the writer's memory stays flat.
            self._key_index = KeyIndex(self.path.parent)
        return self._key_index

    # ------------------------------------------------------------------ reader side

    def counts(self) -> dict[str, int]:
        """Rows per kind of record (per-report records, not merged across reports)."""
        sql = " UNION ALL ".join(
            f"SELECT '{name}', count(*) FROM {name}" for name in COUNTED_TABLES
        )
        found = {name: int(n) for name, n in self._rows(sql)}
        return {name: found[name] for name in COUNTED_TABLES}

    def documents(self, *, limit: int | None = None) -> list[DocumentRow]:
        """Stored reports, by id."""
        sql = """
            SELECT d.id, d.title, d.source_path, d.source_url, d.outlet, d.published_date,
                   d.published_estimated, d.window_start, d.window_end, d.language, d.flags,
                   (SELECT count(*) FROM places p WHERE p.doc_id = d.id),
                   (SELECT count(*) FROM people h WHERE h.doc_id = d.id),
                   (SELECT count(*) FROM quotes q WHERE q.doc_id = d.id),
                   (SELECT count(*) FROM events e WHERE e.doc_id = d.id),
                   d.ingested_at, d.run_id
            FROM documents d ORDER BY d.id
        """
        params: list[Any] = []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(max(0, limit))
        return [
            DocumentRow(
                id=r[0], title=r[1], path=r[2], url=r[3], outlet=r[4], published=r[5],
                published_estimated=bool(r[6]),
                published_window=(r[7], r[8]) if r[7] is not None and r[8] is not None else None,
                language=r[9], flags=tuple(r[10] or ()), places=r[11], people=r[12],
                quotes=r[13], events=r[14], ingested_at=_iso(r[15]) or "", run_id=r[16],
            )
            for r in self._rows(sql, params)
        ]

    def report(self, doc_id_or_prefix: str) -> Report | None:
        """The stored report with this id, or with the one id starting with this prefix.

        None when no report, or more than one, matches.
        """
        with self._reader() as con:
            doc_id = _resolve_id(con, doc_id_or_prefix)
            if doc_id is None:
                return None
            row = con.execute("SELECT report_json FROM documents WHERE id = ?", [doc_id]).fetchone()
            fixes = corrections.active_by_doc(con, [doc_id]).get(doc_id, [])
        return None if row is None else corrections.apply(from_json(Report, row[0]), fixes)

    def raw_text(self, doc_id: str) -> str | None:
        """The report's text as read, before cleaning (``removed`` offsets point into it)."""
        with self._reader() as con:
            resolved = _resolve_id(con, doc_id)
            if resolved is None:
                return None
            row = con.execute("SELECT raw_text FROM documents WHERE id = ?", [resolved]).fetchone()
        return None if row is None else str(row[0])

    def people(self, *, name: str | None = None) -> list[PersonRow]:
        """People of every report (not merged across reports), by doc id, then report order.

        ``name`` keeps those whose name contains it, ignoring case.
        """
        sql = """
            SELECT h.doc_id, h.id, h.name, h.age, h.role, h.affiliation, p.name,
                   (SELECT count(*) FROM person_mentions m WHERE m.person_id = h.id)
            FROM people h LEFT JOIN places p ON p.id = h.place_id
        """
        params: list[Any] = []
        if name is not None:
            sql += " WHERE strpos(lower(h.name), lower(?)) > 0"
            params.append(name)
        sql += " ORDER BY h.doc_id, h.seq"
        return [PersonRow(*r) for r in self._rows(sql, params)]

    def places(self) -> list[PlaceRow]:
        """Places across reports, one row per gazetteer id (or per name when unresolved).

        Most mentioned first, then by key. The name is the one of the record with the most
        mentions.
        """
        sql = """
            WITH m AS (SELECT place_id, count(*) AS n FROM place_mentions GROUP BY place_id),
            p AS (
                SELECT coalesce(pl.gazetteer_id, 'name:' || lower(pl.name)) AS key, pl.*,
                       coalesce(m.n, 0) AS n
                FROM places pl LEFT JOIN m ON m.place_id = pl.id
            )
            SELECT key,
                   first(name ORDER BY n DESC, name),
                   first(gazetteer_id ORDER BY n DESC, name),
                   first(lat ORDER BY n DESC, name),
                   first(lon ORDER BY n DESC, name),
                   first(country ORDER BY n DESC, name),
                   first(admin1 ORDER BY n DESC, name),
                   first(kind ORDER BY n DESC, name),
                   sum(n)::BIGINT AS mentions,
                   count(DISTINCT doc_id),
                   sum(CASE WHEN metonymy THEN n ELSE 0 END)::BIGINT
            FROM p GROUP BY key ORDER BY mentions DESC, key
        """
        return [PlaceRow(*r) for r in self._rows(sql)]

    def organizations(self) -> list[OrgRow]:
        """Organizations of every report, by doc id, then report order."""
        sql = """
            SELECT o.doc_id, o.id, o.name, o.kind,
                   (SELECT count(*) FROM organization_mentions m WHERE m.organization_id = o.id)
            FROM organizations o ORDER BY o.doc_id, o.seq
        """
        return [OrgRow(*r) for r in self._rows(sql)]

    def quotes(self, *, speaker: str | None = None) -> list[QuoteRow]:
        """Quotes by doc id, then position. ``speaker`` keeps those whose speaker's name (or
        the words naming the speaker) contain it, ignoring case."""
        sql = """
            SELECT q.doc_id, q.id, q.text, coalesce(h.name, o.name), q.speaker_id,
                   q.speaker_text, q.cue, q.direct, q.start, q."end"
            FROM quotes q
            LEFT JOIN people h ON h.id = q.speaker_id
            LEFT JOIN organizations o ON o.id = q.speaker_id
        """
        params: list[Any] = []
        if speaker is not None:
            sql += """ WHERE strpos(lower(coalesce(h.name, o.name, '')), lower(?)) > 0
                          OR strpos(lower(coalesce(q.speaker_text, '')), lower(?)) > 0"""
            params += [speaker, speaker]
        sql += " ORDER BY q.doc_id, q.seq"
        return [QuoteRow(*r) for r in self._rows(sql, params)]

    def times(self) -> list[TimeRow]:
        """Time expressions by doc id, then position."""
        sql = """
            SELECT doc_id, id, text, value, kind, anchor, start, "end"
            FROM times ORDER BY doc_id, seq
        """
        return [TimeRow(*r) for r in self._rows(sql)]

    def figures(self) -> list[FigureRow]:
        """Figures by doc id, then position; ``place`` is the place's name."""
        sql = """
            SELECT f.doc_id, f.id, f.text, f.value, f.approximate, f.unit, f.quantity, p.name,
                   f.time, f.start, f."end"
            FROM figures f LEFT JOIN places p ON p.id = f.place_id
            ORDER BY f.doc_id, f.seq
        """
        return [FigureRow(*r) for r in self._rows(sql)]

    def events(self) -> list[EventRow]:
        """Events by doc id, then report order; evidence texts in report order."""
        sql = """
            WITH ev AS (
                SELECT event_id, list(text ORDER BY seq) AS texts
                FROM event_evidence GROUP BY event_id
            )
            SELECT e.doc_id, e.id, e.type, e.date, e.date_precision, p.name, e.place_id,
                   e.actors, e.targets, e.killed, e.injured, e.modality,
                   coalesce(h.name, o.name, e.claimed_by), e.confidence, ev.texts
            FROM events e
            LEFT JOIN places p ON p.id = e.place_id
            LEFT JOIN people h ON h.id = e.claimed_by
            LEFT JOIN organizations o ON o.id = e.claimed_by
            LEFT JOIN ev ON ev.event_id = e.id
            ORDER BY e.doc_id, e.seq
        """
        return [
            EventRow(
                doc_id=r[0], id=r[1], type=r[2], date=r[3], date_precision=r[4], place=r[5],
                place_id=r[6], actors=tuple(r[7] or ()), targets=tuple(r[8] or ()), killed=r[9],
                injured=r[10], modality=r[11], claimed_by=r[12], confidence=r[13],
                evidence=tuple(r[14] or ()),
            )
            for r in self._rows(sql)
        ]

    def failures(self, *, run_id: str | None = None) -> list[FailureRow]:
        """Failures by run id (runs sort by start time), then origin."""
        # Run ids share a prefix per second, so order by the run's start time, not its id.
        sql = (
            "SELECT f.run_id, f.origin, f.reason, f.recorded_at FROM failures f "
            "LEFT JOIN runs r ON r.id = f.run_id"
        )
        params: list[Any] = []
        if run_id is not None:
            sql += " WHERE f.run_id = ?"
            params.append(run_id)
        sql += " ORDER BY r.started, f.run_id, f.origin"
        return [FailureRow(r[0], r[1], r[2], _iso(r[3]) or "") for r in self._rows(sql, params)]

    def runs(self) -> list[RunRow]:
        """Ingest runs by start time, then id."""
        sql = "SELECT id, started, finished, args, counts FROM runs ORDER BY started, id"
        return [
            RunRow(
                id=r[0], started=_iso(r[1]) or "", finished=_iso(r[2]),
                args=json.loads(r[3]) if r[3] else {},
                counts=json.loads(r[4]) if r[4] else None,
            )
            for r in self._rows(sql)
        ]

    def search(self, text: str, *, limit: int = 50) -> list[SearchHit]:
        """Occurrences of ``text`` in the cleaned texts, ignoring case: by doc id, then offset."""
        if not text:
            raise ValueError("search text must not be empty")
        pattern = re.compile(re.escape(text), re.IGNORECASE)
        hits: list[SearchHit] = []
        after = ""
        while len(hits) < limit:
            page = self._rows(
                """SELECT id, title, text FROM documents
                   WHERE id > ? AND strpos(lower(text), lower(?)) > 0 ORDER BY id LIMIT ?""",
                [after, text, ITER_PAGE],
            )
            for doc_id, title, body in page:
                hits.extend(_hits_in(doc_id, title, body, pattern, limit - len(hits)))
                if len(hits) >= limit:
                    break
            if len(page) < ITER_PAGE:
                break
            after = page[-1][0]
        return hits

    # ------------------------------------------------------------------ across reports

    def stories(self, *, min_size: int = 1) -> list[StoryRow]:
        """Stories (a report and its copies) of at least ``min_size`` reports: largest
        first, then by id; members with the original first."""
        from sitrep.corpus import queries

        with self._reader() as con:
            return queries.stories(con, min_size=min_size)

    def story(self, id_or_prefix: str) -> StoryRow | None:
        """One story by its id, an id prefix, or the id of one of its reports."""
        from sitrep.corpus import queries

        with self._reader() as con:
            return queries.story(con, id_or_prefix)

    def person(self, name: str) -> list[PersonEntityRow]:
        """People across reports whose records' names contain ``name``, with every record,
        why it was merged, and the namesakes kept apart and why."""
        from sitrep.corpus import queries

        with self._reader() as con:
            return queries.person(con, name)

    def timeline(
        self, place: str, *, radius_km: float | None = None, gazetteer_ids: Sequence[str] = ()
    ) -> Timeline | None:
        """Events and figures at a place (and within ``radius_km``) in date order; None
        when no stored report names such a place. ``gazetteer_ids`` are what a gazetteer
        says the name may be (another spelling of a stored place)."""
        if radius_km is not None and radius_km < 0:
            raise ValueError(f"radius must not be negative, got {radius_km}")
        from sitrep.corpus import queries

        with self._reader() as con:
            return queries.timeline(
                con, place, radius_km=radius_km, gazetteer_ids=gazetteer_ids
            )

    def unmerge_person(self, person_id: str) -> str:
        """Split a person record off the cross-report person it was merged into (for good);
        returns the id of the person it left."""
        from sitrep.corpus import queries

        with self._writer() as con:
            con.begin()
            try:
                left = queries.unmerge_person(con, person_id, _utcnow())
                con.commit()
            except BaseException:
                _rollback_quietly(con)
                raise
        return left

    def _corrections_of(self, doc_ids: list[str]) -> dict[str, list[corrections.Correction]]:
        """Analysts' active corrections of these reports (store/corrections.py)."""
        with self._reader() as con:
            return corrections.active_by_doc(con, doc_ids)

    def iter_reports(self) -> Iterator[Report]:
        """Every stored report, by id, a page at a time (no connection held between pages)."""
        after = ""
        while True:
            page = self._rows(
                "SELECT id, report_json FROM documents WHERE id > ? ORDER BY id LIMIT ?",
                [after, ITER_PAGE],
            )
            fixes = self._corrections_of([row[0] for row in page])
            for doc_id, report_json in page:
                yield corrections.apply(from_json(Report, report_json), fixes.get(doc_id, []))
            if len(page) < ITER_PAGE:
                return
            after = page[-1][0]


# ---------------------------------------------------------------------- writing


def insert_rows(con: duckdb.DuckDBPyConnection, table: schema.Table, rows: list[RowValues]) -> None:
    """Insert rows with one statement: each column travels as one typed list."""
    columns = [list(values) for values in zip(*rows, strict=True)]
    select = ", ".join(f"unnest(?::{kind}[])" for _, kind in table.columns)
    names = ", ".join(schema.quoted(name) for name in table.column_names)
    con.execute(f"INSERT INTO {table.name} ({names}) SELECT {select}", columns)


def _write_in_transaction(
    con: duckdb.DuckDBPyConnection,
    items: Sequence[tuple[RawDocument, Report]],
    failures: Sequence[ReadFailure],
    run_id: str,
    now: datetime,
    path: Path,
    copies: Sequence[tuple[RawDocument, str]] = (),
    key_index: KeyIndex | None = None,
) -> BatchResult:
    _require_run(con, run_id, path)
    ids = sorted({report.id for _, report in items})
    stored = {
        row[0]
        for row in con.execute(
            "SELECT id FROM documents WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids]
        ).fetchall()
    } if ids else set()
    out = TableRows()
    new: list[Report] = []
    skipped = 0
    for raw, report in items:
        if report.id in stored:
            skipped += 1
            continue
        stored.add(report.id)  # a second copy in the same batch is skipped too
        add_report(out, raw, report, run_id=run_id, now=now)
        new.append(report)
    for table, rows in out.non_empty():
        insert_rows(con, table, rows)
    # Linked in the same transaction: a report is never stored without its links.
    _link(con, new, key_index)
    copy_rows = TableRows()
    added_copies = copies_.add_copies(con, copies, copy_rows, run_id=run_id, now=now)
    for table, rows in copy_rows.non_empty():
        insert_rows(con, table, rows)
    copies_.link_copies(con, added_copies)
    failed = _insert_new_failures(con, failures, run_id, now)
    return BatchResult(
        added=len(new) + len(added_copies),
        skipped=skipped + len(copies) - len(added_copies),
        failed=failed,
        copies=len(added_copies),
    )


def _insert_new_failures(
    con: duckdb.DuckDBPyConnection, failures: Sequence[ReadFailure], run_id: str, now: datetime
) -> int:
    """Record failures not yet recorded for this run (one per origin); returns how many."""
    first_reason: dict[str, str] = {}
    for failure in failures:
        first_reason.setdefault(failure.origin, failure.reason)
    if not first_reason:
        return 0
    known = {
        row[0]
        for row in con.execute(
            """SELECT origin FROM failures
               WHERE run_id = ? AND origin IN (SELECT unnest(?::VARCHAR[]))""",
            [run_id, sorted(first_reason)],
        ).fetchall()
    }
    rows = [
        (run_id, origin, reason, now)
        for origin, reason in first_reason.items()
        if origin not in known
    ]
    if rows:
        insert_rows(con, schema.FAILURES, rows)
    return len(rows)


def _link(
    con: duckdb.DuckDBPyConnection, reports: Sequence[Report], key_index: KeyIndex | None
) -> None:
    # Imported here: sitrep.corpus imports the store's schema, so a top-level import
    # would make the two packages' imports circular.
    from sitrep.corpus.link import link_batch

    link_batch(con, reports, key_index)


def _rollback_quietly(con: duckdb.DuckDBPyConnection) -> None:
    # Closing without a commit discards the transaction anyway; never mask the first error.
    with contextlib.suppress(duckdb.Error):
        con.rollback()


def _require_run(con: duckdb.DuckDBPyConnection, run_id: str, path: Path) -> None:
    if con.execute("SELECT 1 FROM runs WHERE id = ?", [run_id]).fetchone() is None:
        raise StoreError(f"no run {run_id!r} in store {path}; start one with begin_run")


def _prepare_schema(con: duckdb.DuckDBPyConnection, path: str) -> None:
    """Create the tables in a new file; check the version of an existing store."""
    version = schema.stored_version(con)
    if version is None:
        tables = con.execute("SELECT count(*) FROM information_schema.tables").fetchone()
        if tables and tables[0]:
            raise StoreError(
                f"{path} is a DuckDB file with other tables, not a sitrep store; "
                f"pass another --db"
            )
    elif version != schema.SCHEMA_VERSION and schema.upgrade_schema(con) is None:
        schema.check_schema(con, path)
    schema.create_schema(con)


# ---------------------------------------------------------------------- reading


@contextlib.contextmanager
def _corrected(
    opened: AbstractContextManager[duckdb.DuckDBPyConnection],
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read connection whose extraction tables show the analysts' corrections."""
    with opened as con:
        corrections.shadow_tables(con)
        yield con


def _resolve_id(con: duckdb.DuckDBPyConnection, id_or_prefix: str) -> str | None:
    """The id itself when stored, else the only id starting with the prefix."""
    if not id_or_prefix:
        return None
    if con.execute("SELECT 1 FROM documents WHERE id = ?", [id_or_prefix]).fetchone():
        return id_or_prefix
    rows = con.execute(
        "SELECT id FROM documents WHERE starts_with(id, ?) ORDER BY id LIMIT 2", [id_or_prefix]
    ).fetchall()
    return str(rows[0][0]) if len(rows) == 1 else None


def _hits_in(
    doc_id: str, title: str | None, body: str, pattern: re.Pattern[str], room: int
) -> list[SearchHit]:
    hits: list[SearchHit] = []
    for match in pattern.finditer(body):
        if len(hits) >= room:
            break
        hits.append(
            SearchHit(
                doc_id=doc_id,
                title=title,
                start=match.start(),
                end=match.end(),
                match=match.group(),
                snippet=_snippet(body, match.start(), match.end()),
            )
        )
    return hits


def _snippet(body: str, start: int, end: int) -> str:
    left = max(0, start - SNIPPET_CONTEXT)
    right = min(len(body), end + SNIPPET_CONTEXT)
    text = " ".join(body[left:right].split())  # one line, whatever the paragraphs
    return ("…" if left > 0 else "") + text + ("…" if right < len(body) else "")


def _utcnow() -> datetime:
    # DuckDB's TIMESTAMP has no zone: store naive UTC and say so when reading.
    return datetime.now(UTC).replace(tzinfo=None)


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat(timespec="seconds") + "Z"
