"""The API's own queries: events filtered and paged in SQL, the date histogram, the
map's columns and a report's links to other reports.

Every connection is read-only and sees the analysts' corrections
(``corrections.shadow_tables``), as the store's queries do: the app's requests get one
from ``readers.SharedReader``, the CLI from ``reader``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from sitrep.records import Report
from sitrep.store import corrections
from sitrep.store.connection import connect

EARTH_RADIUS_KM = 6371.0088
# What a "place" filter matches when it names no stored place: nothing (not everything).
NO_MATCH = "1 = 0"


@contextmanager
def reader(path: Path, timeout_s: float = 10.0) -> Iterator[duckdb.DuckDBPyConnection]:
    with connect(path, read_only=True, timeout_s=timeout_s) as con:
        corrections.shadow_tables(con)
        yield con


# Field names per record class, for ``plain``; and the types it passes through as they are.
_FIELDS: dict[type, tuple[str, ...]] = {}
_ATOMS = frozenset({str, int, float, bool, type(None)})


def plain(value: object) -> Any:
    """``records.to_dict`` with each class's field names looked up once: the same JSON
    values, in a fifth of the time on a 1000-entry timeline (bench/web_api.py); passing
    strings and numbers through first roughly halved that again (profiled, docs/WEB.md)."""
    cls = type(value)
    if cls in _ATOMS:  # most values: asking whether they were dataclasses was half the time
        return value
    names = _FIELDS.get(cls)
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        return {name: plain(getattr(value, name)) for name in names}
    if isinstance(value, (tuple, list)):
        return [plain(item) for item in value]
    return value


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What the analyst narrowed the events to; every field is optional."""

    place: str | None = None
    radius_km: float | None = None
    date_from: str | None = None
    date_to: str | None = None
    types: tuple[str, ...] = ()
    actor: str | None = None
    doc_id: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north


_EVENTS_FROM = """
    FROM events e
    JOIN documents d ON d.id = e.doc_id
    LEFT JOIN places p ON p.id = e.place_id
    LEFT JOIN event_links l ON l.event_id = e.id
"""
# Counting needs no titles, nor places unless a filter names one: fewer joins on 100k rows.
_COUNT_FROM = """
    FROM events e
    LEFT JOIN event_links l ON l.event_id = e.id
"""
# The day an event starts: its own date when it has one, else what linking derived.
_START = "coalesce(l.date_start, CASE WHEN length(e.date) = 10 THEN e.date END)"
_END = "coalesce(l.date_end, CASE WHEN length(e.date) = 10 THEN e.date END)"


def _haversine(lat: str, lon: str) -> str:
    return (
        f"2 * {EARTH_RADIUS_KM} * asin(sqrt(pow(sin(radians(p.lat - {lat}) / 2), 2) + "
        f"cos(radians({lat})) * cos(radians(p.lat)) * pow(sin(radians(p.lon - {lon}) / 2), 2)))"
    )


def anchor(
    con: duckdb.DuckDBPyConnection, place: str
) -> tuple[str, float | None, float | None] | None:
    """The most mentioned stored place with this name, spelling or gazetteer id."""
    row = con.execute(
        """SELECT p.gazetteer_id, first(p.lat), first(p.lon), count(*) AS n
           FROM places p
           WHERE p.gazetteer_id IS NOT NULL AND NOT p.metonymy
             AND (lower(p.name) = lower(?) OR p.gazetteer_id = ?
                  OR p.id IN (SELECT place_id FROM place_mentions WHERE lower(text) = lower(?)))
           GROUP BY p.gazetteer_id ORDER BY n DESC, p.gazetteer_id LIMIT 1""",
        [place, place, place],
    ).fetchone()
    return None if row is None else (str(row[0]), row[1], row[2])


def _from_for(f: EventFilter) -> str:
    needs_place = f.place is not None or f.bbox is not None
    return (
        _EVENTS_FROM.replace("JOIN documents d ON d.id = e.doc_id", "")
        if needs_place
        else _COUNT_FROM
    )


def _where(con: duckdb.DuckDBPyConnection, f: EventFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if f.place:
        found = anchor(con, f.place)
        if found is None:
            clauses.append(NO_MATCH)
        elif f.radius_km is not None and found[1] is not None and found[2] is not None:
            clauses.append(f"p.lat IS NOT NULL AND {_haversine('?', '?')} <= ?")
            # The formula names the anchor's latitude twice and its longitude once.
            params += [found[1], found[1], found[2], f.radius_km]
        else:
            clauses.append("p.gazetteer_id = ?")
            params.append(found[0])
    if f.date_from:
        clauses.append(f"{_END} >= ?")
        params.append(f.date_from)
    if f.date_to:
        clauses.append(f"{_START} <= ?")
        params.append(f.date_to)
    if f.types:
        clauses.append("e.type IN (SELECT unnest(?::VARCHAR[]))")
        params.append(list(f.types))
    if f.actor:
        clauses.append(
            "strpos(lower(array_to_string(list_concat(e.actors, e.targets), ' | ')), lower(?)) > 0"
        )
        params.append(f.actor)
    if f.doc_id:
        clauses.append("e.doc_id = ?")
        params.append(f.doc_id)
    if f.bbox:
        west, south, east, north = f.bbox
        clauses.append("p.lat BETWEEN ? AND ? AND p.lon BETWEEN ? AND ?")
        params += [south, north, west, east]
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def events(
    con: duckdb.DuckDBPyConnection, f: EventFilter, *, limit: int, offset: int
) -> tuple[int, list[dict[str, Any]]]:
    """(total, one page of events): by start day (undated last), then id."""
    where, params = _where(con, f)
    total_row = con.execute(f"SELECT count(*) {_from_for(f)} {where}", params).fetchone()
    # The page's ids first, from only the tables the filters need; titles and places are
    # joined to those rows alone (joining them to every match first cost ~twice as much,
    # bench/web_api.py).
    rows = con.execute(
        f"""WITH page AS MATERIALIZED (
                SELECT e.id, {_START} AS day {_from_for(f)} {where}
                ORDER BY day NULLS LAST, e.id LIMIT ? OFFSET ?)
            SELECT e.id, e.doc_id, d.title, e.type, e.date, e.date_precision, {_START}, {_END},
                   p.name, e.place_id, p.gazetteer_id, p.lat, p.lon, e.actors, e.targets,
                   e.killed, e.injured, e.modality, e.confidence
            FROM page JOIN events e ON e.id = page.id
            LEFT JOIN documents d ON d.id = e.doc_id
            LEFT JOIN places p ON p.id = e.place_id
            LEFT JOIN event_links l ON l.event_id = e.id
            ORDER BY page.day NULLS LAST, e.id""",
        [*params, limit, offset],
    ).fetchall()
    names = ("id", "doc_id", "title", "type", "date", "date_precision", "date_start",
             "date_end", "place", "place_id", "gazetteer_id", "lat", "lon", "actors",
             "targets", "killed", "injured", "modality", "confidence")  # fmt: skip
    items = [dict(zip(names, r, strict=True)) for r in rows]
    for item in items:
        item["actors"] = list(item["actors"] or ())
        item["targets"] = list(item["targets"] or ())
    return (int(total_row[0]) if total_row else 0), items


def histogram(
    con: duckdb.DuckDBPyConnection, f: EventFilter, bucket: str
) -> tuple[list[tuple[str, int]], int]:
    """Events per day, week (from Monday) or month of their start day; and the undated."""
    where, params = _where(con, f)
    # Counted per start day first, then bucketed: casting and truncating the ~1000 days
    # instead of 100k events halved the query (bench/web_api.py, docs/WEB.md).
    rows = con.execute(
        f"""WITH days AS (SELECT {_START} AS day, count(*) AS n {_from_for(f)} {where}
                          GROUP BY day)
            SELECT strftime(date_trunc('{bucket}', CAST(day AS DATE)), '%Y-%m-%d') AS b,
                   sum(n)::BIGINT
            FROM days GROUP BY b ORDER BY b NULLS LAST""",
        params,
    ).fetchall()
    dated = [(str(b), int(n)) for b, n in rows if b is not None]
    undated = sum(int(n) for b, n in rows if b is None)
    return dated, undated


def map_columns(con: duckdb.DuckDBPyConnection, f: EventFilter, limit: int) -> dict[str, list[Any]]:
    """Events with coordinates, as columns: what the page's map and timeline draw."""
    where, params = _where(con, f)
    where += (" AND " if where else " WHERE ") + "p.lat IS NOT NULL"
    rows = con.execute(
        f"""SELECT e.id, e.doc_id, e.type, {_START}, {_END}, p.name, p.lat, p.lon, e.modality,
                   coalesce(d.title, d.source_path, d.id)
            {_EVENTS_FROM} {where}
            ORDER BY {_START} NULLS LAST, e.id LIMIT ?""",
        [*params, limit],
    ).fetchall()
    names = ("id", "doc_id", "type", "date_start", "date_end", "place", "lat", "lon", "modality",
             "title")  # fmt: skip
    return {name: [r[i] for r in rows] for i, name in enumerate(names)}


def other_sources(con: duckdb.DuckDBPyConnection, doc_id: str) -> dict[str, list[str]]:
    """Local record id -> other reports naming the same place, person or event."""
    rows = con.execute(
        """SELECT p.id, list(DISTINCT o.doc_id ORDER BY o.doc_id)
           FROM places p JOIN places o ON o.gazetteer_id = p.gazetteer_id AND o.doc_id <> p.doc_id
           WHERE p.doc_id = ? GROUP BY p.id
           UNION ALL
           SELECT l.person_id, list(DISTINCT o.doc_id ORDER BY o.doc_id)
           FROM person_links l JOIN person_links o
             ON o.entity_id = l.entity_id AND o.doc_id <> l.doc_id
           WHERE l.doc_id = ? GROUP BY l.person_id
           UNION ALL
           SELECT l.event_id, list(DISTINCT o.doc_id ORDER BY o.doc_id)
           FROM event_links l JOIN event_links o
             ON o.entity_id = l.entity_id AND o.doc_id <> l.doc_id
           WHERE l.doc_id = ? GROUP BY l.event_id""",
        [doc_id, doc_id, doc_id],
    ).fetchall()
    return {str(gid).rsplit(":", 1)[-1]: list(docs) for gid, docs in rows}


def record_index(report: Report) -> dict[str, dict[str, Any]]:
    """Every extraction of a report by local id: its kind, spans and resolved values,
    what the reader highlights and shows on hover."""
    out: dict[str, dict[str, Any]] = {}
    places = {p.id: p for p in report.places}
    for place in report.places:
        out[place.id] = _entry("place", place.mentions, name=place.name,
                               gazetteer_id=place.gazetteer_id, lat=place.lat, lon=place.lon,
                               country=place.country, admin1=place.admin1, place_kind=place.kind,
                               metonymy=place.metonymy, stands_for=place.stands_for)  # fmt: skip
    for person in report.people:
        out[person.id] = _entry("person", person.mentions, name=person.name, age=person.age,
                                role=person.role, affiliation=person.affiliation,
                                place=_name(places, person.place))  # fmt: skip
    for org in report.organizations:
        out[org.id] = _entry("organization", org.mentions, name=org.name, org_kind=org.kind)
    ids = corrections.numbered
    for time, local in _numbered(report.times, "T", ids):
        out[local] = _entry("time", (time.span,), value=time.value, time_kind=time.kind,
                            anchor=time.anchor)  # fmt: skip
    for quote, local in _numbered(report.quotes, "Q", ids):
        out[local] = _entry("quote", (quote.span,), speaker=quote.speaker,
                            speaker_text=quote.speaker_text, cue=quote.cue,
                            direct=quote.direct)  # fmt: skip
    for figure, local in _numbered(report.figures, "F", ids):
        out[local] = _entry("figure", (figure.span,), value=figure.value, unit=figure.unit,
                            quantity=figure.quantity, approximate=figure.approximate,
                            place=_name(places, figure.place), time=figure.time)  # fmt: skip
    for event in report.events:
        out[event.id] = _entry("event", event.evidence, type=event.type, date=event.date,
                               place=_name(places, event.place), actors=list(event.actors),
                               targets=list(event.targets), killed=event.killed,
                               injured=event.injured, modality=event.modality)  # fmt: skip
    return out


def _numbered(records: Any, prefix: str, ids: Any) -> list[tuple[Any, str]]:
    local = ids(records, prefix)
    return [(r, local[id(r)]) for r in records]


def _name(places: dict[str, Any], place_id: str | None) -> str | None:
    place = places.get(place_id or "")
    return None if place is None else str(place.name)


def _entry(kind: str, spans: Any, **values: Any) -> dict[str, Any]:
    return {
        "kind": kind,
        "spans": [{"start": s.start, "end": s.end} for s in spans],
        "values": {k: v for k, v in values.items() if v not in (None, "", [])},
    }
