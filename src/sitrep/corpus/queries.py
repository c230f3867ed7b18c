"""Queries over the linked corpus: stories, people, timelines, and undoing a person merge.

Read-side functions take an open connection and return rows in a stable order (stated in
each docstring). They read whole link tables: queries are for people, not for the ingest
loop, which never calls them.

Ids shown are derived from content, not from the order reports arrived in: a story is
named by its original (earliest published member, then smallest doc id), a cross-report
person or event by its smallest record id (record ids are content hashes plus local ids).
The stored link ids (the first linked record) stay internal: two stores that linked the
same reports into the same groups in any order print the same ids.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from typing import Any

import duckdb

from sitrep.corpus import dates
from sitrep.corpus.events import haversine_km
from sitrep.errors import StoreError
from sitrep.store.copies import COPY_FLAG
from sitrep.store.rows import (
    KeptApartRow,
    PersonEntityRow,
    PersonRecordRow,
    QuantityRow,
    SourceRow,
    StoryMember,
    StoryRow,
    Timeline,
    TimelineEntry,
)

# ---------------------------------------------------------------------- stories

_MEMBERS_SQL = """
    SELECT s.story_id, s.doc_id, d.source_path, d.source_url, d.outlet, d.title,
           coalesce(d.published_date, d.window_start) AS published, s.reason, s.score,
           s.matched_doc, s.linked_seq,
           coalesce(d.published_basis = 'corpus', false) AS dated_from_story,
           list_contains(coalesce(d.flags, []), ?) AS engine_copy
    FROM story_members s JOIN documents d ON d.id = s.doc_id
"""


def stories(con: duckdb.DuckDBPyConnection, *, min_size: int = 1) -> list[StoryRow]:
    """Stories with at least ``min_size`` members: largest first, then by id."""
    sql = _MEMBERS_SQL + """
        WHERE s.story_id IN (
            SELECT story_id FROM story_members GROUP BY story_id HAVING count(*) >= ?)
    """
    rows = con.execute(sql, [COPY_FLAG, min_size]).fetchall()
    grouped: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for row in rows:
        grouped[row[0]].append(row)
    built = [_story(story_id, members) for story_id, members in grouped.items()]
    return sorted(built, key=lambda s: (-s.size, s.id))


def story(con: duckdb.DuckDBPyConnection, id_or_prefix: str) -> StoryRow | None:
    """The story with this id (or the one story id starting with it), or the story of the
    report with this id. Members: the original, then copies by publication, then linking."""
    story_id = _resolve_story(con, id_or_prefix)
    if story_id is None:
        return None
    rows = con.execute(_MEMBERS_SQL + " WHERE s.story_id = ?", [COPY_FLAG, story_id]).fetchall()
    return _story(story_id, rows) if rows else None


def _resolve_story(con: duckdb.DuckDBPyConnection, value: str) -> str | None:
    if not value:
        return None
    for column in ("story_id", "doc_id"):
        rows = con.execute(
            f"SELECT DISTINCT story_id FROM story_members WHERE starts_with({column}, ?) "
            f"ORDER BY story_id LIMIT 2",
            [value],
        ).fetchall()
        if len(rows) == 1:
            return str(rows[0][0])
    return None


def _story(story_id: str, rows: list[tuple[Any, ...]]) -> StoryRow:
    """The story named by its original (see ``_original_key``); ``story_id``, the stored
    link id, depends on arrival order and is not shown."""
    ordered = sorted(rows, key=_original_key)
    members = tuple(
        StoryMember(
            doc_id=r[1], path=r[2], url=r[3], outlet=r[4], title=r[5], published=r[6],
            reason=r[7], score=r[8], matched_doc=r[9], original=i == 0,
        )
        for i, r in enumerate(ordered)
    )  # fmt: skip
    return StoryRow(members[0].doc_id, members[0].doc_id, members[0].path, len(members), members)


def _original_key(r: tuple[Any, ...]) -> tuple[bool, str, bool, bool, str]:
    # The original is the earliest published member; undated members come after dated
    # ones. A member dated from the story itself starts its window on the original's
    # date, so it ties with it and must not win the tie; nor does an exact copy the
    # engine stored without records (the annotated report has the text's own id in any
    # arrival order); then the doc id (a content hash, not the linking order).
    return r[6] is None, r[6] or "", r[11], r[12], r[1]


def _story_names(con: duckdb.DuckDBPyConnection, story_ids: Iterable[str]) -> dict[str, str]:
    """Stored story link id -> the id shown (its original's doc id)."""
    wanted = sorted({s for s in story_ids if s})
    if not wanted:
        return {}
    rows = con.execute(
        _MEMBERS_SQL + " WHERE s.story_id IN (SELECT unnest(?::VARCHAR[]))", [COPY_FLAG, wanted]
    ).fetchall()
    grouped: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for row in rows:
        grouped[row[0]].append(row)
    return {sid: str(min(members, key=_original_key)[1]) for sid, members in grouped.items()}


def _entity_names(
    con: duckdb.DuckDBPyConnection, table: str, record_column: str, entity_ids: Iterable[str]
) -> dict[str, str]:
    """Stored entity link id -> the id shown: its smallest record id."""
    wanted = sorted(set(entity_ids))
    if not wanted:
        return {}
    rows = con.execute(
        f"SELECT entity_id, min({record_column}) FROM {table} "
        "WHERE entity_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY entity_id",
        [wanted],
    ).fetchall()
    return {str(entity): str(first) for entity, first in rows}


# ---------------------------------------------------------------------- people


def person(con: duckdb.DuckDBPyConnection, name: str) -> list[PersonEntityRow]:
    """People across reports with a record whose name contains ``name`` (ignoring case):
    by name, then id; records by doc id."""
    if not name.strip():
        raise ValueError("person name must not be empty")
    entity_ids = [
        r[0]
        for r in con.execute(
            "SELECT DISTINCT entity_id FROM person_links "
            "WHERE strpos(lower(name), lower(?)) > 0 ORDER BY entity_id",
            [name.strip()],
        ).fetchall()
    ]
    if not entity_ids:
        return []
    records = con.execute(
        """SELECT l.entity_id, l.person_id, l.doc_id, d.source_path, l.name, l.age, l.role,
                  p.name, l.reason, l.matched_id
           FROM person_links l
           JOIN documents d ON d.id = l.doc_id
           LEFT JOIN people h ON h.id = l.person_id
           LEFT JOIN places p ON p.id = h.place_id
           WHERE l.entity_id IN (SELECT unnest(?::VARCHAR[]))
           ORDER BY l.entity_id, l.doc_id, l.person_id""",
        [entity_ids],
    ).fetchall()
    apart = con.execute(
        """SELECT a.person_id, l.name, l.entity_id, a.other_id, o.name, o.entity_id, a.reason
           FROM person_apart a
           JOIN person_links l ON l.person_id = a.person_id
           JOIN person_links o ON o.person_id = a.other_id
           WHERE l.entity_id IN (SELECT unnest(?::VARCHAR[]))
              OR o.entity_id IN (SELECT unnest(?::VARCHAR[]))
           ORDER BY a.person_id, a.other_id""",
        [entity_ids, entity_ids],
    ).fetchall()
    by_entity: dict[str, list[PersonRecordRow]] = defaultdict(list)
    for r in records:
        by_entity[r[0]].append(PersonRecordRow(*r[1:]))
    linked = [*entity_ids, *(a[2] for a in apart), *(a[5] for a in apart)]
    shown = _entity_names(con, "person_links", "person_id", linked)
    apart = [(a[0], a[1], shown.get(a[2], a[2]), a[3], a[4], shown.get(a[5], a[5]), a[6])
             for a in apart]  # fmt: skip
    rows = [_person_entity(shown.get(eid, eid), by_entity[eid], apart) for eid in entity_ids]
    return sorted(rows, key=lambda p: (p.name.lower(), p.id))


def _person_entity(
    entity_id: str, records: list[PersonRecordRow], apart: list[tuple[Any, ...]]
) -> PersonEntityRow:
    mine = {r.person_id for r in records}
    kept = []
    for person_id, name, entity, other_id, other_name, other_entity, reason in apart:
        if person_id in mine:
            kept.append(KeptApartRow(person_id, other_id, other_name, other_entity, reason))
        elif other_id in mine:
            kept.append(KeptApartRow(other_id, person_id, name, entity, reason))
    names = sorted({r.name for r in records}, key=lambda n: (-len(n), n))
    return PersonEntityRow(
        id=entity_id,
        name=names[0],
        ages=tuple(sorted({r.age for r in records if r.age is not None})),
        roles=tuple(sorted({r.role for r in records if r.role})),
        records=tuple(records),
        kept_apart=tuple(kept),
    )


def unmerge_person(con: duckdb.DuckDBPyConnection, person_id: str, now: datetime) -> str:
    """Split one person record off its cross-report person; returns the entity it left.

    The record becomes a person of its own, blocked from that entity for good. When it was
    the entity's first record, the others keep their person under the next record's id.
    """
    row = con.execute(
        "SELECT entity_id FROM person_links WHERE person_id = ?", [person_id]
    ).fetchone()
    if row is None:
        raise StoreError(f"no person record {person_id!r}; `sitrep person NAME --json` lists ids")
    entity = str(row[0])
    others = [
        str(r[0])
        for r in con.execute(
            "SELECT person_id FROM person_links WHERE entity_id = ? AND person_id <> ? "
            "ORDER BY doc_id, person_id",
            [entity, person_id],
        ).fetchall()
    ]
    if not others:
        raise StoreError(f"person record {person_id} is not merged with any other record")
    remaining = others[0] if entity == person_id else entity
    con.execute(
        "UPDATE person_links SET entity_id = ? WHERE entity_id = ? AND person_id <> ?",
        [remaining, entity, person_id],
    )
    con.execute(
        "UPDATE person_links SET entity_id = ?, reason = 'unmerged by user', matched_id = NULL "
        "WHERE person_id = ?",
        [person_id, person_id],
    )
    for blocked in sorted({entity, remaining}):
        con.execute(
            "INSERT INTO person_blocks VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            [person_id, blocked, now],
        )
    # Named as ``person`` names it (its smallest record id), not by its stored link id.
    return _entity_names(con, "person_links", "person_id", [remaining]).get(remaining, remaining)


# ---------------------------------------------------------------------- timelines


def timeline(
    con: duckdb.DuckDBPyConnection,
    place: str,
    *,
    radius_km: float | None = None,
    gazetteer_ids: Iterable[str] = (),
) -> Timeline | None:
    """Events and figures at ``place`` (a name or spelling any report used, a gazetteer
    id, or one of ``gazetteer_ids``: what a gazetteer says the name may be), and within
    ``radius_km`` of it: by date (undated last), then kind, then id."""
    anchor = _find_place(con, place, sorted(set(gazetteer_ids)))
    if anchor is None:
        return None
    name, gid, lat, lon = anchor
    gids = _places_around(con, gid, lat, lon, radius_km)
    entries = _with_story_names(con, _event_entries(con, gids) + _figure_entries(con, gids))
    entries.sort(key=lambda e: (e.date is None, e.date or "", e.date_end or "", e.kind, e.id))
    return Timeline(
        place=name,
        gazetteer_ids=tuple(sorted(gids)),
        radius_km=radius_km,
        entries=tuple(entries),
        quantities=tuple(_quantities(entries)),
    )


def _find_place(
    con: duckdb.DuckDBPyConnection, query: str, gazetteer_ids: list[str]
) -> tuple[str, str, float | None, float | None] | None:
    """The most mentioned resolved place whose name, gazetteer id or a mention matches."""
    rows = con.execute(
        """WITH hits AS (
               SELECT p.id FROM places p
               WHERE lower(p.name) = lower(?) OR p.gazetteer_id = ?
                  OR p.gazetteer_id IN (SELECT unnest(?::VARCHAR[]))
               UNION
               SELECT m.place_id FROM place_mentions m WHERE lower(m.text) = lower(?)
           )
           SELECT p.gazetteer_id, first(p.name ORDER BY p.id), first(p.lat), first(p.lon),
                  count(*) AS n
           FROM places p JOIN hits ON hits.id = p.id
           WHERE p.gazetteer_id IS NOT NULL AND NOT p.metonymy
           GROUP BY p.gazetteer_id ORDER BY n DESC, p.gazetteer_id LIMIT 1""",
        [query, query, gazetteer_ids, query],
    ).fetchall()
    if not rows:
        return None
    gid, name, lat, lon, _ = rows[0]
    return str(name), str(gid), lat, lon


def _places_around(
    con: duckdb.DuckDBPyConnection, gid: str, lat: float | None, lon: float | None,
    radius_km: float | None,
) -> set[str]:
    if radius_km is None or lat is None or lon is None:
        return {gid}
    found = {gid}
    for other, olat, olon in con.execute(
        "SELECT DISTINCT gazetteer_id, lat, lon FROM places "
        "WHERE gazetteer_id IS NOT NULL AND lat IS NOT NULL AND kind NOT IN ('country', 'water')"
    ).fetchall():
        if haversine_km(lat, lon, olat, olon) <= radius_km:
            found.add(str(other))
    return found


# The place's events first (every record of each cross-report event there), then their
# evidence only: aggregating the evidence of every stored event first made this query
# 75-170 ms at 100k events (bench/web_store.py's store, loaded 2-core machine); selected
# first, 22-45 ms (docs/WEB.md). MATERIALIZED: the selection is read by two joins.
# An event entry's columns, over links ``l`` and evidence ``ev``, and the joins that give
# them in the timeline's order: shared with the web server's in-memory copy (web/index.py).
EVIDENCE_TEXT = "string_agg(text, ' … ' ORDER BY seq) AS evidence"
EVENT_ENTRY_COLUMNS = """l.entity_id, l.event_id, l.doc_id, d.source_path, sm.story_id, l.type,
           l.date_start, l.date_end, l.date_basis, e.date, l.killed, l.injured,
           e.modality, ev.evidence, p.name"""
EVENT_ENTRY_JOINS = """
    JOIN events e ON e.id = l.event_id
    JOIN documents d ON d.id = l.doc_id
    LEFT JOIN story_members sm ON sm.doc_id = l.doc_id
    LEFT JOIN places p ON p.id = e.place_id
    LEFT JOIN ev ON ev.event_id = l.event_id
    ORDER BY l.entity_id, l.doc_id, l.event_id
"""
_EVENT_ENTRIES_SQL = f"""
    WITH sel AS MATERIALIZED (
        SELECT * FROM event_links
        WHERE entity_id IN (
            SELECT entity_id FROM event_links
            WHERE place_gid IN (SELECT unnest(?::VARCHAR[])))),
    ev AS (
        SELECT event_id, {EVIDENCE_TEXT}
        FROM event_evidence
        WHERE event_id IN (SELECT event_id FROM sel)
        GROUP BY event_id)
    SELECT {EVENT_ENTRY_COLUMNS}
    FROM sel l{EVENT_ENTRY_JOINS}"""


def _event_entries(con: duckdb.DuckDBPyConnection, gids: set[str]) -> list[TimelineEntry]:
    rows = con.execute(_EVENT_ENTRIES_SQL, [sorted(gids)]).fetchall()
    grouped: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for row in rows:
        grouped[row[0]].append(row)
    return [_event_entry(entity, members) for entity, members in grouped.items()]


def _with_story_names(
    con: duckdb.DuckDBPyConnection, entries: list[TimelineEntry]
) -> list[TimelineEntry]:
    """The entries with each source's story named as ``stories`` names it."""
    names = _story_names(con, (s.story_id or "" for e in entries for s in e.sources))
    return [
        replace(e, sources=tuple(
            replace(s, story_id=names.get(s.story_id, s.story_id)) if s.story_id else s
            for s in e.sources))
        for e in entries
    ]  # fmt: skip


def _event_entry(entity: str, rows: list[tuple[Any, ...]]) -> TimelineEntry:
    # The most precise account dates the event: its own date before a publication date,
    # then the narrowest interval. (A lone account needs no comparison: parsing every
    # date was a tenth of a timeline's time at 100k events.)
    best = rows[0] if len(rows) == 1 else min(rows, key=_precision_key)
    killed = tuple(sorted({r[10] for r in rows if r[10] is not None}))
    injured = tuple(sorted({r[11] for r in rows if r[11] is not None}))
    sources = tuple(
        SourceRow(doc_id=r[2], path=r[3], record_id=r[1], story_id=r[4], value=None,
                  killed=r[10], injured=r[11], modality=r[12], evidence=r[13])
        for r in rows
    )  # fmt: skip
    return TimelineEntry(
        # Named by its smallest record id: the stored entity id is its first linked one.
        kind="event", id=min(r[1] for r in rows), date=best[6], date_end=best[7],
        precision=(dates.precision(best[9]) if best[8] == "event" else "window")
        if best[6] else None,
        date_basis=best[8], what=best[5], place=best[14], value=None, unit=None,
        killed=killed, injured=injured, discrepancy=len(killed) > 1 or len(injured) > 1,
        sources=sources, independent_sources=len({r[4] or r[2] for r in rows}),
    )  # fmt: skip


def _precision_key(r: tuple[Any, ...]) -> tuple[bool, int, str]:
    return r[8] != "event", _width(r[6], r[7]), r[1]


def _figure_entries(con: duckdb.DuckDBPyConnection, gids: set[str]) -> list[TimelineEntry]:
    rows = con.execute(
        """SELECT f.id, f.doc_id, d.source_path, sm.story_id, f.quantity, f.value, f.unit,
                  f.time, f.text, p.name, d.published_date, d.window_start, d.window_end
           FROM figures f
           JOIN places p ON p.id = f.place_id
           JOIN documents d ON d.id = f.doc_id
           LEFT JOIN story_members sm ON sm.doc_id = f.doc_id
           WHERE p.gazetteer_id IN (SELECT unnest(?::VARCHAR[]))
             AND f.quantity IS NOT NULL AND f.quantity NOT IN ('distance', 'other')
           ORDER BY f.doc_id, f.seq""",
        [sorted(gids)],
    ).fetchall()
    return [_figure_entry(r) for r in rows]


def _figure_entry(r: tuple[Any, ...]) -> TimelineEntry:
    own = dates.interval(r[7])
    published = dates.interval(r[10]) or dates.window(r[11], r[12])
    span, basis = (own, "event") if own else (published, "publication" if published else None)
    source = SourceRow(doc_id=r[1], path=r[2], record_id=r[0], story_id=r[3], value=r[5],
                       killed=None, injured=None, modality=None, evidence=r[8])  # fmt: skip
    return TimelineEntry(
        kind="figure", id=r[0], date=dates.iso(span[0]) if span else None,
        date_end=dates.iso(span[1]) if span else None,
        precision=(dates.precision(r[7]) if own else "window") if span else None,
        date_basis=basis, what=r[4], place=r[9], value=r[5], unit=r[6], killed=(), injured=(),
        discrepancy=False, sources=(source,), independent_sources=1,
    )  # fmt: skip


def _quantities(entries: Iterable[TimelineEntry]) -> list[QuantityRow]:
    """Per (quantity, unit): the history in date order and its latest dated value."""
    groups: dict[tuple[str, str | None], list[TimelineEntry]] = defaultdict(list)
    for entry in entries:
        if entry.kind == "figure":
            groups[(entry.what, entry.unit)].append(entry)
    rows = []
    for (quantity, unit), items in _by_quantity(groups):
        history = tuple((e.date, e.value, e.sources[0].doc_id) for e in items)
        dated = [e for e in items if e.date]
        latest = max(dated, key=lambda e: (e.date_end or "", e.date or "")) if dated else items[-1]
        rows.append(QuantityRow(quantity, unit, latest.value, latest.date, history))
    return rows


def _by_quantity(
    groups: dict[tuple[str, str | None], list[TimelineEntry]],
) -> list[tuple[tuple[str, str | None], list[TimelineEntry]]]:
    return sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1] or ""))


def _width(start: str | None, end: str | None) -> int:
    span = dates.window(start, end)
    return 10**6 if span is None else (span[1] - span[0]).days
