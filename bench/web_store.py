"""A store of N synthetic events written straight into DuckDB (no model, no linking run),
for the web benchmarks: 10 events per report, places drawn from a pool with coordinates
in Ukraine and the Levant, dates over three years, one cross-report event per event.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

import duckdb  # noqa: E402

from sitrep.store import Store  # noqa: E402

EVENTS_PER_REPORT = 10
PLACES = 500
TYPES = ("shelling", "airstrike", "armed_clash", "capture", "evacuation", "aid", "protest")


def build(path: Path, events: int) -> Path:
    """Write a store with ``events`` events; returns its path."""
    Store(path)  # creates the schema
    reports = max(1, events // EVENTS_PER_REPORT)
    con = duckdb.connect(str(path))
    try:
        con.execute("BEGIN")
        _fill(con, reports, events)
        con.execute("COMMIT")
    finally:
        con.close()
    return path


def _fill(con: duckdb.DuckDBPyConnection, reports: int, events: int) -> None:
    con.execute(
        f"""CREATE TEMP TABLE pool AS
            SELECT i AS n, 'geonames:' || (900000 + i) AS gid, 'Town ' || i AS name,
                   44.5 + (hash(i) % 700) / 100.0 AS lat, 30.0 + (hash(i * 7) % 900) / 100.0 AS lon
            FROM range({PLACES}) t(i)"""
    )
    con.execute(
        f"""INSERT INTO documents (id, raw_text, text, raw_sha256, source_path, title, origin,
                                   format, language, flags, published_date, published_estimated,
                                   ingested_at, run_id, report_json)
            SELECT printf('%016x', i), 'Report ' || i, 'Report ' || i || ' about Town ' ||
                   (i % {PLACES}) || '.', '', 'synthetic/' || i || '.txt', 'Report ' || i,
                   'synthetic', 'text', 'en', [], NULL, false, now(), 'bench', '{{}}'
            FROM range({reports}) t(i)"""
    )
    con.execute(
        f"""INSERT INTO places (id, doc_id, seq, name, gazetteer_id, lat, lon, country, kind,
                                metonymy, confidence)
            SELECT printf('%016x', i) || ':P1', printf('%016x', i), 0, p.name, p.gid, p.lat,
                   p.lon, 'UA', 'town', false, 0.9
            FROM range({reports}) t(i) JOIN pool p ON p.n = i % {PLACES}"""
    )
    con.execute("""INSERT INTO place_mentions SELECT id, doc_id, 0, 0, 6, 'Report' FROM places""")
    con.execute(
        f"""CREATE TEMP TABLE ev AS
            SELECT i, printf('%016x', i // {EVENTS_PER_REPORT}) AS doc,
                   printf('%016x', i // {EVENTS_PER_REPORT}) || ':E'
                       || (i % {EVENTS_PER_REPORT} + 1) AS id,
                   strftime(DATE '2022-01-01' + CAST(hash(i) % 1095 AS INTEGER), '%Y-%m-%d') AS day,
                   list_extract({list(TYPES)},
                                CAST(hash(i * 3) % {len(TYPES)} AS INTEGER) + 1) AS type
            FROM range({events}) t(i)"""
    )
    con.execute(
        """INSERT INTO events SELECT id, doc, i, type, day, 'day', doc || ':P1',
                  ['Russia: military'], [], NULL, NULL, 'fact', NULL, 0.7 FROM ev"""
    )
    con.execute("""INSERT INTO event_evidence SELECT id, doc, 0, 0, 6, 'Report' FROM ev""")
    con.execute(
        """INSERT INTO event_links
           SELECT e.id, e.id, e.doc, e.doc, e.type, e.type, p.gazetteer_id, p.lat, p.lon, e.day,
                  e.day, 'event', NULL, NULL, ['Russia: military'], 'first', NULL
           FROM ev e JOIN places p ON p.id = e.doc || ':P1'"""
    )
    con.execute(
        "INSERT INTO story_members SELECT id, id, 'first', NULL, NULL, row_number() OVER () "
        "FROM documents"
    )
