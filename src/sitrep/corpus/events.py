"""Reports of the same event merged into one event with all its sources.

Two event records are one event when they are of one type family (a "shelling" and an
"attack" on a town are often the same strike), their places lie within
``EVENT_RADIUS_KM``, their dates are compatible and their actors do not contradict.
Dates are intervals (``dates``): an event's own date, or else the window of its report's
publication (an undated event in a news report is a recent one). Vague intervals are not
evidence of sameness: both sides must be precise to a month or better. Two undated events merge
only when both carry casualty counts, the mark of one specific incident.

Figures are never averaged: the merged event keeps every source's killed/injured, and the
queries flag a discrepancy when they differ.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

import duckdb

from sitrep.corpus import dates, sql
from sitrep.corpus.fingerprint import stable_key
from sitrep.records import Event, Place, Report
from sitrep.stages.events_dating import own_date
from sitrep.store import schema

# Places closer than this are one place for merging (a strike on a town's outskirts is
# named by the town or by its district). Cells of GRID_DEGREES hold the lookup keys.
EVENT_RADIUS_KM = 25.0
GRID_DEGREES = 0.5
EARTH_KM = 6371.0
KM_PER_DEGREE = math.pi * EARTH_KM / 180  # along a meridian
# The radius a neighbour cell must come within, with a margin for rounding.
_REACH_KM = EVENT_RADIUS_KM + 0.5
# Days of publication a report's undated events may precede it.
RECENT_DAYS = 7
# An interval wider than this (a season, a year, a long publication window) is too vague
# to say two events are one: both sides must be this precise.
MAX_VAGUE_DAYS = 31
# Slack for reporting across midnight and time zones.
SLACK_DAYS = 1
# Days per time bucket of the lookup keys. An event is stored under every bucket its
# interval covers and looks up the buckets of its interval widened by the slack: two
# events whose intervals overlap share a day, hence a bucket. Months as buckets loaded
# every same-cell event of two months for a day-precise event (candidates grew with
# the corpus: 150 per batch at 30k synthetic reports against 6 at 1k); weeks load a
# sixth of that (24 per batch at 30k), at most 6 keys per cell (docs/CORPUS.md).
BUCKET_DAYS = 7

FAMILIES: dict[str, str] = {
    "attack": "attack", "shelling": "attack", "airstrike": "attack",
    "capture": "control", "occupation": "control",
}  # fmt: skip
# Places too coarse to say two events happened at the same spot.
COARSE_KINDS = frozenset({"country", "water"})


@dataclass(frozen=True, slots=True)
class EventFacts:
    event_id: str
    entity_id: str
    doc_id: str
    story_id: str | None
    type: str
    family: str
    place_gid: str | None
    lat: float | None
    lon: float | None
    date_start: str | None
    date_end: str | None
    date_basis: str | None
    killed: int | None
    injured: int | None
    actors: tuple[str, ...]

    @property
    def span(self) -> dates.Interval | None:
        return dates.window(self.date_start, self.date_end)

    @property
    def mergeable(self) -> bool:
        return self.place_gid is not None and self.lat is not None and self.lon is not None


def lookup_keys(reports: Sequence[Report]) -> set[int]:
    """The keys whose stored records are the reports' candidates (see ``link.link_batch``)."""
    return {k for report in reports for f in _facts_of(report, None) for k in _lookup_keys(f)}


def link_events(
    con: duckdb.DuckDBPyConnection,
    reports: Sequence[Report],
    stories: Mapping[str, str],
    stored: Mapping[int, Sequence[str]] | None = None,
) -> None:
    """Link every event of the new reports to a cross-report event. ``stored``: the
    records under the keys, when looked up already."""
    new = [f for report in reports for f in _facts_of(report, stories.get(report.id))]
    lookups = {f.event_id: _lookup_keys(f) for f in new}
    stored_ids = stored if stored is not None else sql.lookup_keys(
        con, (k for keys in lookups.values() for k in keys)
    )
    known = _load(con, {i for ids in stored_ids.values() for i in ids})
    rows: list[tuple[EventFacts, str, str | None]] = []
    batch_keys: dict[int, list[str]] = {}
    for facts in new:
        ids = {i for k in lookups[facts.event_id]
               for i in (*stored_ids.get(k, ()), *batch_keys.get(k, ()))}  # fmt: skip
        linked, reason, matched = _link_one(facts, [known[i] for i in sorted(ids) if i in known])
        rows.append((linked, reason, matched))
        known[facts.event_id] = linked
        if facts.mergeable and matched is None:
            for key in _home_keys(facts):
                batch_keys.setdefault(key, []).append(facts.event_id)
    _write(con, rows)


def judge(new: EventFacts, old: EventFacts) -> str | None:
    """Why ``new`` and ``old`` are one event, or None when they are not."""
    if new.doc_id == old.doc_id or new.family != old.family:
        return None
    if not (new.mergeable and old.mergeable):
        return None
    distance = _km(new, old)
    if distance > EVENT_RADIUS_KM:
        return None
    where = "same place" if new.place_gid == old.place_gid else f"{distance:.0f} km apart"
    if new.story_id is not None and new.story_id == old.story_id:
        return f"copy of the same story; {new.type}, {where}"
    if not _actors_compatible(new.actors, old.actors):
        return None
    when = _dates_compatible(new, old)
    if when is None:
        return None
    return f"{new.type}/{old.type}, {where}, {when}"


# ---------------------------------------------------------------------- deciding


def _link_one(
    facts: EventFacts, candidates: list[EventFacts]
) -> tuple[EventFacts, str, str | None]:
    for old in candidates:
        reason = judge(facts, old)
        if reason:
            return replace(facts, entity_id=old.entity_id), reason, old.event_id
    return facts, "first report" if facts.mergeable else "no precise place: not merged", None


def _dates_compatible(new: EventFacts, old: EventFacts) -> str | None:
    # A window wider than MAX_VAGUE_DAYS (an undated report's publication window) says no
    # more than no date at all.
    a, b = _precise(new.span), _precise(old.span)
    if a is None and b is None:
        if _has_casualties(new) and _has_casualties(old):
            return "both undated, both with casualties"
        return None
    if a is None or b is None:
        return None
    if not dates.overlaps(a, b, slack_days=SLACK_DAYS):
        return None
    return f"dates {new.date_start}..{new.date_end} and {old.date_start}..{old.date_end} overlap"


def _precise(span: dates.Interval | None) -> dates.Interval | None:
    return span if span is not None and _days(span) <= MAX_VAGUE_DAYS else None


def _actors_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Actors are compatible when either side names none, or they share a side."""
    sides_a, sides_b = _sides(a), _sides(b)
    return not sides_a or not sides_b or bool(sides_a & sides_b)


def _sides(actors: tuple[str, ...]) -> set[str]:
    return {actor.split(":")[0].strip().lower() for actor in actors if actor}


def _has_casualties(facts: EventFacts) -> bool:
    return bool(facts.killed) or bool(facts.injured)


def _days(span: dates.Interval) -> int:
    return (span[1] - span[0]).days + 1


def _km(a: EventFacts, b: EventFacts) -> float:
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


# ---------------------------------------------------------------------- keys


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / GRID_DEGREES), math.floor(lon / GRID_DEGREES)


def _buckets(span: dates.Interval | None, slack_days: int = 0) -> list[int | None]:
    """The time buckets an interval (widened by ``slack_days`` each side) covers; [None]
    when undated or too vague to merge (then only undated events are candidates)."""
    if span is None or (span[1] - span[0]).days + 1 > MAX_VAGUE_DAYS:
        return [None]
    first = (span[0] - timedelta(days=slack_days)).toordinal() // BUCKET_DAYS
    last = (span[1] + timedelta(days=slack_days)).toordinal() // BUCKET_DAYS
    return list(range(first, last + 1))


def _key(family: str, row: int, col: int, bucket: int | None) -> int:
    when = "undated" if bucket is None else f"w{bucket}"
    return stable_key("event", family, str(row), str(col), when)


def _home_keys(facts: EventFacts) -> list[int]:
    """The keys an event is stored under: its cell, in every bucket its interval covers."""
    assert facts.lat is not None and facts.lon is not None
    row, col = _cell(facts.lat, facts.lon)
    return [_key(facts.family, row, col, b) for b in _buckets(facts.span)]


def _lookup_keys(facts: EventFacts) -> list[int]:
    """The event's cell and those of its eight neighbours that come within the radius of
    it (a cell is wider than the radius), in the buckets its interval covers with the
    slack. Leaving out the neighbours out of reach halves the candidates loaded in a
    busy region (bench/corpus_scale.py)."""
    if not facts.mergeable:
        return []
    assert facts.lat is not None and facts.lon is not None
    row, col = _cell(facts.lat, facts.lon)
    buckets = _buckets(facts.span, SLACK_DAYS)
    rows, cols = _rows_in_reach(facts.lat, row), _cols_in_reach(facts.lat, facts.lon, col)
    return [_key(facts.family, row + dr, col + dc, b)
            for dr in rows for dc in cols for b in buckets]  # fmt: skip


def _rows_in_reach(lat: float, row: int) -> list[int]:
    """Row offsets whose cells hold points within the radius (north-south distance)."""
    south = (lat - row * GRID_DEGREES) * KM_PER_DEGREE
    north = ((row + 1) * GRID_DEGREES - lat) * KM_PER_DEGREE
    return [d for d, edge in ((-1, south), (0, 0.0), (1, north)) if edge <= _REACH_KM]


def _cols_in_reach(lat: float, lon: float, col: int) -> list[int]:
    """Column offsets whose cells hold points within the radius: the great-circle distance
    to a meridian is R * asin(sin(delta lon) * cos(lat)), shortest at the poleward edge of
    the reach, so the latitude taken is the one the radius reaches nearest the pole."""
    poleward = min(90.0, abs(lat) + EVENT_RADIUS_KM / KM_PER_DEGREE)

    def km_to(meridian: float) -> float:
        delta = math.radians(min(90.0, abs(lon - meridian)))
        return EARTH_KM * math.asin(math.sin(delta) * math.cos(math.radians(poleward)))

    west, east = km_to(col * GRID_DEGREES), km_to((col + 1) * GRID_DEGREES)
    return [d for d, edge in ((-1, west), (0, 0.0), (1, east)) if edge <= _REACH_KM]


# ---------------------------------------------------------------------- storage


def _facts_of(report: Report, story_id: str | None) -> list[EventFacts]:
    places = {p.id: p for p in report.places}
    recent = _recent_window(report)
    return [_facts(report.id, event, places.get(event.place or ""), recent, story_id)
            for event in report.events]  # fmt: skip


def _facts(
    doc: str, event: Event, place: Place | None, recent: dates.Interval | None,
    story_id: str | None,
) -> EventFacts:
    own = dates.interval(own_date(event))  # a date inferred from the report is not its own
    span, basis = (own, "event") if own else (recent, "publication" if recent else None)
    precise = place is not None and not place.metonymy and place.kind not in COARSE_KINDS
    gid = f"{doc}:{event.id}"
    return EventFacts(
        event_id=gid, entity_id=gid, doc_id=doc, story_id=story_id, type=event.type,
        family=FAMILIES.get(event.type, event.type),
        place_gid=place.gazetteer_id if precise and place else None,
        lat=place.lat if precise and place else None, lon=place.lon if precise and place else None,
        date_start=dates.iso(span[0]) if span else None,
        date_end=dates.iso(span[1]) if span else None, date_basis=basis,
        killed=event.killed, injured=event.injured, actors=tuple(event.actors),
    )  # fmt: skip


def _recent_window(report: Report) -> dates.Interval | None:
    """The days an undated event of this report may fall on."""
    published = report.published
    span = dates.interval(published.date) if published.date else None
    if span is None and published.window:
        span = dates.window(*published.window)
    if span is None:
        return None
    start: date = span[0] - timedelta(days=RECENT_DAYS)
    return start, span[1]


def _load(con: duckdb.DuckDBPyConnection, ids: set[str]) -> dict[str, EventFacts]:
    rows = sql.rows_by_id(
        con,
        "event_links",
        "event_id",
        "event_id, entity_id, doc_id, story_id, type, family, place_gid, lat, lon, "
        "date_start, date_end, date_basis, killed, injured, actors",
        ids,
    )
    return {
        r[0]: EventFacts(
            event_id=r[0], entity_id=r[1], doc_id=r[2], story_id=r[3], type=r[4], family=r[5],
            place_gid=r[6], lat=r[7], lon=r[8], date_start=r[9], date_end=r[10],
            date_basis=r[11], killed=r[12], injured=r[13], actors=tuple(r[14] or ()),
        )
        for r in rows
    }


def _write(
    con: duckdb.DuckDBPyConnection, rows: list[tuple[EventFacts, str, str | None]]
) -> None:
    sql.insert(
        con,
        schema.EVENT_LINKS,
        [
            (f.event_id, f.entity_id, f.doc_id, f.story_id, f.type, f.family, f.place_gid, f.lat,
             f.lon, f.date_start, f.date_end, f.date_basis, f.killed, f.injured, list(f.actors),
             reason, matched)
            for f, reason, matched in rows
        ],
    )
    # An event joining a known one adds no key: the first report of it stands for it.
    sql.insert(
        con,
        schema.LINK_KEYS,
        [(key, "event", f.event_id) for f, _, matched in rows
         if f.mergeable and matched is None for key in _home_keys(f)],
    )  # fmt: skip
