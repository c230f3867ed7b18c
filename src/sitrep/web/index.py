"""What the timeline and event queries need, held in memory per data version.

A first question (a place's timeline, an events page at a new offset) cost 43-46 ms CPU
at 100k events in SQL, most of it hash probes over every row of the link, event and
evidence tables (docs/WEB.md): at that size each table is one DuckDB row group, so
neither an index nor a sort order lets DuckDB skip rows. Here the same rows are read
once per data version (``SharedStore.event_index``, in the background) into Arrow
tables (compact, and not walked by Python's garbage collector), with per-place numpy
arrays of row numbers and numpy columns for the filters; a question then touches only
its own rows (~45 MB and ~0.5 s CPU to read at 100k events, bench/web_api.py).

Answers are the SQL path's, value for value: the rows come from the same joins (through
the correction views, so corrections apply), and the timeline entries are built by the
same functions (``corpus.queries``). What cannot be matched exactly falls back to SQL
(``Unsupported``): a non-ASCII name or actor (DuckDB's ``lower`` is not Python's), and a
radius whose edge falls within rounding of an event.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import duckdb
import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from sitrep.corpus import queries as corpus
from sitrep.corpus.events import haversine_km
from sitrep.store.rows import Timeline, TimelineEntry
from sitrep.web.queries import _END, _START, EARTH_RADIUS_KM, EventFilter

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]
Bools = npt.NDArray[np.bool_]

# An event this close to a radius's edge (km) may fall either side of it in DuckDB's
# arithmetic and numpy's: such a question is answered in SQL.
EDGE_KM = 1e-6


class Unsupported(Exception):
    """This question cannot be answered exactly from memory: ask SQL."""


# The timeline's event rows (corpus.queries._EVENT_ENTRIES_SQL) for every link, with the
# link's place, in that query's order.
_LINK_ROWS_SQL = f"""
    WITH ev AS (
        SELECT event_id, {corpus.EVIDENCE_TEXT}
        FROM event_evidence GROUP BY event_id)
    SELECT {corpus.EVENT_ENTRY_COLUMNS}, l.place_gid
    FROM event_links l{corpus.EVENT_ENTRY_JOINS}"""
# corpus.queries._figure_entries for every place.
_FIGURE_ROWS_SQL = """
    SELECT f.id, f.doc_id, d.source_path, sm.story_id, f.quantity, f.value, f.unit,
           f.time, f.text, p.name, d.published_date, d.window_start, d.window_end,
           p.gazetteer_id
    FROM figures f
    JOIN places p ON p.id = f.place_id
    JOIN documents d ON d.id = f.doc_id
    LEFT JOIN story_members sm ON sm.doc_id = f.doc_id
    WHERE p.gazetteer_id IS NOT NULL
      AND f.quantity IS NOT NULL AND f.quantity NOT IN ('distance', 'other')
    ORDER BY f.doc_id, f.seq
"""
# What web.queries.events returns per event, in its order, and what its filters read.
_EVENT_ROWS_SQL = f"""
    SELECT e.id, e.doc_id, d.title, e.type, e.date, e.date_precision, {_START} AS date_start,
           {_END} AS date_end, p.name, e.place_id, p.gazetteer_id, p.lat, p.lon, e.actors,
           e.targets, e.killed, e.injured, e.modality, e.confidence,
           lower(array_to_string(list_concat(e.actors, e.targets), ' | ')) AS actor_text
    FROM events e
    LEFT JOIN documents d ON d.id = e.doc_id
    LEFT JOIN places p ON p.id = e.place_id
    LEFT JOIN event_links l ON l.event_id = e.id
    ORDER BY {_START} NULLS LAST, e.id
"""
_EVENT_NAMES = ("id", "doc_id", "title", "type", "date", "date_precision", "date_start",
                "date_end", "place", "place_id", "gazetteer_id", "lat", "lon", "actors",
                "targets", "killed", "injured", "modality", "confidence")  # fmt: skip
# Places a name may mean (corpus.queries._find_place, web.queries.anchor).
_PLACES_SQL = """
    SELECT p.id, lower(p.name), p.name, p.gazetteer_id, p.lat, p.lon
    FROM places p WHERE p.gazetteer_id IS NOT NULL AND NOT p.metonymy
"""
_MENTIONS_SQL = "SELECT DISTINCT lower(text), place_id FROM place_mentions"
# corpus.queries._places_around's candidates.
_AROUND_SQL = """
    SELECT DISTINCT gazetteer_id, lat, lon FROM places
    WHERE gazetteer_id IS NOT NULL AND lat IS NOT NULL AND kind NOT IN ('country', 'water')
"""
_STORIES_SQL = "SELECT DISTINCT story_id FROM story_members WHERE story_id IS NOT NULL"


@dataclass(frozen=True, slots=True)
class Anchor:
    """The place a name means: its gazetteer id, shown name and coordinates."""

    gid: str
    name: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class PlaceFinder:
    """``_find_place``/``anchor`` in memory: hits by lowered name, mention or id."""

    by_name: dict[str, list[int]]
    by_mention: dict[str, list[int]]
    by_gid: dict[str, list[int]]
    by_id: dict[str, int]
    names: list[str]
    ids: list[str]
    gids: list[str]
    coords: list[tuple[float | None, float | None]]

    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection) -> PlaceFinder:
        rows = con.execute(_PLACES_SQL).fetchall()
        by_name: dict[str, list[int]] = defaultdict(list)
        by_gid: dict[str, list[int]] = defaultdict(list)
        for i, (_, lowered, _, gid, _, _) in enumerate(rows):
            by_name[lowered].append(i)
            by_gid[gid].append(i)
        by_id = {str(r[0]): i for i, r in enumerate(rows)}
        by_mention: dict[str, list[int]] = defaultdict(list)
        for lowered, place_id in con.execute(_MENTIONS_SQL).fetchall():
            found = by_id.get(place_id)
            if found is not None and lowered is not None:
                by_mention[lowered].append(found)
        return cls(dict(by_name), dict(by_mention), dict(by_gid), by_id,
                   [r[2] for r in rows], [r[0] for r in rows], [r[3] for r in rows],
                   [(r[4], r[5]) for r in rows])  # fmt: skip

    def find(self, query: str) -> Anchor | None:
        """The most mentioned resolved place this name, spelling or id means."""
        if not query.isascii():
            raise Unsupported("DuckDB lowers non-ASCII text its own way")
        lowered = query.lower()
        hits = {*self.by_name.get(lowered, ()), *self.by_mention.get(lowered, ()),
                *self.by_gid.get(query, ())}  # fmt: skip
        if not hits:
            return None
        counts: dict[str, int] = defaultdict(int)
        for i in hits:
            counts[self.gids[i]] += 1
        gid = min(counts, key=lambda g: (-counts[g], g))
        first = min((i for i in hits if self.gids[i] == gid), key=lambda i: self.ids[i])
        lat, lon = self.coords[first]
        return Anchor(gid, self.names[first], lat, lon)


@dataclass(frozen=True)
class Rows:
    """A query's rows as one Arrow table (compact, not walked by the garbage collector),
    and for each key the numbers of its rows in order."""

    table: pa.Table
    by_key: dict[str, Ints]

    @classmethod
    def load(
        cls, con: duckdb.DuckDBPyConnection, sql: str, key: str, stories: dict[str, str]
    ) -> Rows:
        """``stories``: each story's name, which replaces its stored id (what
        ``corpus.queries._with_story_names`` does to each answer)."""
        table = _named(_arrow(con, sql), stories)
        codes, vocabulary = _encoded(table.column(key))
        order = np.argsort(codes, kind="stable")
        bounds = np.searchsorted(codes[order], np.arange(len(vocabulary) + 1))
        by_key = {k: order[bounds[i] : bounds[i + 1]] for i, k in enumerate(vocabulary)}
        return cls(table.drop_columns([key]), by_key)

    def take(self, numbers: Ints) -> list[tuple[Any, ...]]:
        """These rows as ``fetchall`` gives them."""
        return _tuples(self.table.take(numbers))


class EventIndex:
    """The store's events and figures as one data version saw them; answers the timeline,
    events page and histogram questions as the SQL path does."""

    def __init__(self, con: duckdb.DuckDBPyConnection, version: int) -> None:
        started, cpu = time.perf_counter(), time.thread_time()
        self.version = version
        self.places = PlaceFinder.load(con)
        self._around = con.execute(_AROUND_SQL).fetchall()
        self._around_lat = np.array([r[1] for r in self._around], dtype=np.float64)
        self._around_lon = np.array([r[2] for r in self._around], dtype=np.float64)
        stories = [str(r[0]) for r in con.execute(_STORIES_SQL).fetchall()]
        story_names = corpus._story_names(con, stories)
        self._links = Rows.load(con, _LINK_ROWS_SQL, key="place_gid", stories=story_names)
        self._entities = _entity_groups(self._links.table.column("entity_id"))
        self._entities_at = {
            gid: np.unique(self._entities.row_entity[rows])
            for gid, rows in self._links.by_key.items()
        }
        self._figures = Rows.load(con, _FIGURE_ROWS_SQL, key="gazetteer_id", stories=story_names)
        self._events = EventColumns.load(con)
        # How long reading took, and this thread's CPU (DuckDB's own threads not counted).
        self.build_s = time.perf_counter() - started
        self.build_cpu_s = time.thread_time() - cpu

    # ------------------------------------------------------------------ timeline

    def timeline(self, place: str, radius_km: float | None = None) -> Timeline | None:
        """``corpus.queries.timeline(con, place, radius_km=radius_km)``."""
        found = self.places.find(place)
        if found is None:
            return None
        gids = self._places_around(found, radius_km)
        entries = self._event_entries(gids) + self._figure_entries(gids)
        entries.sort(key=lambda e: (e.date is None, e.date or "", e.date_end or "", e.kind, e.id))
        return Timeline(
            place=found.name,
            gazetteer_ids=tuple(sorted(gids)),
            radius_km=radius_km,
            entries=tuple(entries),
            quantities=tuple(corpus._quantities(entries)),
        )

    def _places_around(self, found: Anchor, radius_km: float | None) -> set[str]:
        if radius_km is None or found.lat is None or found.lon is None:
            return {found.gid}
        # numpy narrows the candidates (with a margin for another rounding, or another
        # Earth radius); the SQL path's own function decides each one.
        near = _haversine(found.lat, found.lon, self._around_lat, self._around_lon)
        gids = {found.gid}
        for i in np.flatnonzero(near <= radius_km * 1.01 + EDGE_KM).tolist():
            other, lat, lon = self._around[i]
            if haversine_km(found.lat, found.lon, lat, lon) <= radius_km:
                gids.add(str(other))
        return gids

    def _event_entries(self, gids: set[str]) -> list[TimelineEntry]:
        found = [self._entities_at[g] for g in gids if g in self._entities_at]
        if not found:
            return []
        entities = np.unique(np.concatenate(found))
        rows = self._links.take(self._entities.rows_of(entities))
        grouped: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
        for row in rows:
            grouped[row[0]].append(row)
        return [corpus._event_entry(entity, members) for entity, members in grouped.items()]

    def _figure_entries(self, gids: set[str]) -> list[TimelineEntry]:
        found = [self._figures.by_key[g] for g in gids if g in self._figures.by_key]
        if not found:
            return []
        rows = self._figures.take(np.unique(np.concatenate(found)))
        return [corpus._figure_entry(r) for r in rows]

    # ------------------------------------------------------------------ events

    def events(
        self, f: EventFilter, *, limit: int, offset: int
    ) -> tuple[int, list[dict[str, Any]]]:
        """``web.queries.events``: (total, one page) by start day, then id."""
        matches = np.flatnonzero(self._events.matching(f, self.places))
        page = _tuples(self._events.rows.take(matches[offset : offset + limit]))
        items = []
        for row in page:
            item = dict(zip(_EVENT_NAMES, row, strict=True))
            item["actors"] = list(item["actors"] or ())
            item["targets"] = list(item["targets"] or ())
            items.append(item)
        return len(matches), items

    def histogram(self, f: EventFilter, bucket: str) -> tuple[list[tuple[str, int]], int]:
        """``web.queries.histogram``: events per day, week or month; and the undated."""
        columns = self._events
        mask = columns.matching(f, self.places)
        days = columns.start_day.codes
        counts = np.bincount(days[mask & (days >= 0)], minlength=len(columns.start_day.vocabulary))
        totals: dict[str, int] = defaultdict(int)
        for day, n in zip(columns.start_day.vocabulary, counts.tolist(), strict=True):
            if n:
                totals[_bucket(day, bucket)] += n
        undated = int(np.count_nonzero(mask & (days < 0)))
        return sorted(totals.items()), undated


@dataclass(frozen=True)
class EntityGroups:
    """Link rows sorted by entity: entity k's rows are ``bounds[k]:bounds[k + 1]``."""

    bounds: Ints
    row_entity: Ints

    def rows_of(self, entities: Ints) -> Ints:
        """The numbers of these entities' rows, in order."""
        ranges = [np.arange(self.bounds[k], self.bounds[k + 1]) for k in entities.tolist()]
        return np.concatenate(ranges) if ranges else np.zeros(0, dtype=np.int64)


def _entity_groups(entity_ids: pa.ChunkedArray) -> EntityGroups:
    n = len(entity_ids)
    if n == 0:
        return EntityGroups(np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.int64))
    changed = pc.not_equal(entity_ids.slice(1), entity_ids.slice(0, n - 1))
    step = np.asarray(pc.fill_null(changed, True).to_numpy(zero_copy_only=False), dtype=np.int64)
    row_entity = np.concatenate([np.zeros(1, dtype=np.int64), np.cumsum(step)])
    starts = np.flatnonzero(np.concatenate([[1], step]))
    return EntityGroups(np.append(starts, n).astype(np.int64), row_entity)


@dataclass(frozen=True)
class Codes:
    """A column of strings as small integers (-1: NULL): comparing 100k Python strings
    costs milliseconds, comparing their codes microseconds."""

    codes: Ints
    vocabulary: dict[str, int]

    @classmethod
    def of(cls, column: pa.ChunkedArray) -> Codes:
        codes, vocabulary = _encoded(column)
        return cls(codes, {v: i for i, v in enumerate(vocabulary)})

    def among(self, wanted: Iterable[str]) -> Bools:
        """Which rows hold one of ``wanted`` (NULL never does)."""
        found = [self.vocabulary[w] for w in wanted if w in self.vocabulary]
        return np.isin(self.codes, np.array(found, dtype=np.int64))


@dataclass(frozen=True)
class EventColumns:
    """Events in the events page's order: their output rows and the filters' columns."""

    rows: pa.Table
    start: pa.ChunkedArray
    end: pa.ChunkedArray
    start_day: Codes
    type: Codes
    doc_id: Codes
    gid: Codes
    lat: Floats
    lon: Floats
    actor_text: pa.ChunkedArray

    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection) -> EventColumns:
        table = _arrow(con, _EVENT_ROWS_SQL)
        return cls(
            rows=table.drop_columns(["actor_text"]),
            start=table.column("date_start"),
            end=table.column("date_end"),
            start_day=Codes.of(table.column("date_start")),
            type=Codes.of(table.column("type")),
            doc_id=Codes.of(table.column("doc_id")),
            gid=Codes.of(table.column("gazetteer_id")),
            lat=_floats(table.column("lat")),
            lon=_floats(table.column("lon")),
            actor_text=table.column("actor_text"),
        )

    def matching(self, f: EventFilter, places: PlaceFinder) -> Bools:
        """Which events ``web.queries._where`` keeps."""
        mask = np.ones(self.rows.num_rows, dtype=np.bool_)
        if f.place:
            mask &= self._at_place(f, places)
        if f.date_from:
            mask &= _bools(pc.greater_equal(self.end, f.date_from))
        if f.date_to:
            mask &= _bools(pc.less_equal(self.start, f.date_to))
        if f.types:
            mask &= self.type.among(f.types)
        if f.actor:
            mask &= self._naming(f.actor)
        if f.doc_id:
            mask &= self.doc_id.among((f.doc_id,))
        if f.bbox:
            west, south, east, north = f.bbox
            mask &= (self.lat >= south) & (self.lat <= north)
            mask &= (self.lon >= west) & (self.lon <= east)
        return mask

    def _at_place(self, f: EventFilter, places: PlaceFinder) -> Bools:
        assert f.place is not None
        found = places.find(f.place)
        if found is None:
            return np.zeros(self.rows.num_rows, dtype=np.bool_)
        if f.radius_km is None or found.lat is None or found.lon is None:
            return self.gid.among((found.gid,))
        distance = _haversine(found.lat, found.lon, self.lat, self.lon)
        if np.any(np.abs(distance - f.radius_km) <= EDGE_KM):
            raise Unsupported("an event lies on the radius's edge, within rounding")
        return np.asarray(distance <= f.radius_km, dtype=np.bool_)  # NaN (no place): False

    def _naming(self, actor: str) -> Bools:
        if not actor.isascii():
            raise Unsupported("DuckDB lowers non-ASCII text its own way")
        return _bools(pc.match_substring(self.actor_text, actor.lower()))


# ---------------------------------------------------------------------- helpers


def _arrow(con: duckdb.DuckDBPyConnection, sql: str) -> pa.Table:
    table: pa.Table = con.sql(sql).to_arrow_table()
    return table


def _named(table: pa.Table, stories: dict[str, str]) -> pa.Table:
    """The table with each ``story_id`` replaced by its story's name where it has one."""
    column = table.column("story_id").to_pylist()
    named = pa.array([stories.get(s, s) if s else s for s in column], type=pa.string())
    return table.set_column(table.column_names.index("story_id"), "story_id", named)


def _tuples(table: pa.Table) -> list[tuple[Any, ...]]:
    """The rows as ``fetchall`` gives them (Arrow's Python values are DuckDB's)."""
    return list(zip(*(column.to_pylist() for column in table.columns), strict=True))


def _encoded(column: pa.ChunkedArray) -> tuple[Ints, list[str]]:
    """Each row's code (-1: NULL) and the values the codes stand for."""
    encoded = pc.dictionary_encode(column.combine_chunks())
    codes = pc.fill_null(encoded.indices, -1).to_numpy(zero_copy_only=False)
    return np.asarray(codes, dtype=np.int64), [str(v) for v in encoded.dictionary.to_pylist()]


def _bools(result: pa.ChunkedArray) -> Bools:
    """A comparison's answers, NULL as false (SQL's WHERE)."""
    return np.asarray(pc.fill_null(result, False).to_numpy(zero_copy_only=False), dtype=np.bool_)


def _floats(column: pa.ChunkedArray) -> Floats:
    return np.asarray(pc.fill_null(pc.cast(column, pa.float64()), math.nan).to_numpy(), np.float64)


def _haversine(lat: float, lon: float, lats: Floats, lons: Floats) -> Floats:
    """Great-circle km as ``web.queries._haversine`` writes it, over arrays."""
    a = (
        np.sin(np.radians(lats - lat) / 2) ** 2
        + math.cos(math.radians(lat))
        * np.cos(np.radians(lats))
        * np.sin(np.radians(lons - lon) / 2) ** 2
    )
    result: Floats = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(a))
    return result


def _bucket(day: str, bucket: str) -> str:
    """DuckDB's ``date_trunc`` of a day to its day, week (from Monday) or month."""
    try:
        parsed = date.fromisoformat(day)
    except ValueError:
        raise Unsupported(f"not a day DuckDB and Python read alike: {day!r}") from None
    if bucket == "week":
        parsed -= timedelta(days=parsed.weekday())
    elif bucket == "month":
        parsed = parsed.replace(day=1)
    return parsed.isoformat()


__all__ = ["EventIndex", "Unsupported"]
