"""Analysts' corrections to extractions: stored, applied to every read, undoable.

A correction names a report, the words the analyst selected (a span of the cleaned text)
and, for most kinds, the record it corrects (a global id such as ``<doc>:P2``). The
extracted rows are never edited: every read connection gets temporary views with the
tables' names that apply the active corrections (``shadow_tables``), so the store's
queries, the CLI and the API all see corrected data, and ``apply`` does the same to a
``Report`` for the reader and the exports. Undoing a correction sets its ``undone`` flag.

Kinds (``KINDS``):

* ``not-a-place``: the selected mention (or, without a span, every mention of the target
  place) is not a place; a place left with no mention disappears, and events, figures and
  people lose it.
* ``wrong-place``: the target place is another gazetteer entry (``value``: gazetteer_id,
  lat, lon, country, admin1, kind).
* ``add-place``: the selected words name a place the extractor missed (``value`` as above).
* ``quote-speaker``: the selected words name the target quote's speaker.
* ``wrong-date``: the target event or time expression has this date (``value.date``,
  TIMEX3-style: ``2022-09-10``, ``2022-09``, ``2022``).
* ``not-an-event``: the target event did not come from the text; it is left out.
* ``not-a-person``: the target person (``H…``, or the one under the selected words) is
  not a person: it goes, with its mentions, relations and cross-report links; quotes and
  claims lose it as speaker, relayer or claimant.
* ``wrong-role-age``: the target person's role and/or age (``value.role``, ``value.age``;
  null clears one) replace the extracted ones, across reports too.
* ``not-an-organization``: the target organization (``O…``) is not one: it goes, with its
  mentions; quotes, claims and people's affiliations lose it.
"""

from __future__ import annotations

import dataclasses
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from sitrep.corpus import dates
from sitrep.errors import StoreError
from sitrep.records import (
    Event,
    Figure,
    Organization,
    Person,
    Place,
    Quote,
    Report,
    Span,
    from_json,
)
from sitrep.store import schema
from sitrep.store.connection import connect
from sitrep.store.flatten import in_document_order
from sitrep.store.rows import Row

KINDS = (
    "not-a-place", "wrong-place", "add-place", "quote-speaker", "wrong-date", "not-an-event",
    "not-a-person", "wrong-role-age", "not-an-organization",
)  # fmt: skip
# What each kind needs: a selected span, a target record (by its local id's letter), a value.
NEEDS_SPAN = frozenset({"add-place", "quote-speaker"})
TARGET_PREFIX = {
    "not-a-place": ("P",),
    "wrong-place": ("P",),
    "quote-speaker": ("Q",),
    "wrong-date": ("E", "T"),
    "not-an-event": ("E",),
    "not-a-person": ("H",),
    "wrong-role-age": ("H",),
    "not-an-organization": ("O",),
}
PERSON_FIELDS = ("role", "age")
# Oldest age a correction may give (older is a typo, not a person).
MAX_AGE = 130
GAZETTEER_FIELDS = ("gazetteer_id", "lat", "lon", "country", "admin1", "kind")
PLACE_KINDS = frozenset({"city", "town", "village", "region", "country", "water", "other"})
# Local ids of added places: "PC<correction id>", after every extracted place.
ADDED_PLACE_PREFIX = "PC"
# Added rows sort after the extracted ones in report order.
ADDED_SEQ_BASE = 1_000_000

_DDL = """
CREATE TABLE IF NOT EXISTS corrections (
    id INTEGER PRIMARY KEY,
    who VARCHAR NOT NULL,
    made_at TIMESTAMP NOT NULL,
    kind VARCHAR NOT NULL,
    doc_id VARCHAR NOT NULL,
    start INTEGER,
    "end" INTEGER,
    text VARCHAR,
    target VARCHAR,
    value VARCHAR NOT NULL,
    undone BOOLEAN NOT NULL DEFAULT false,
    undone_by VARCHAR,
    undone_at TIMESTAMP
)
"""
_COLUMNS = (
    'id, who, made_at, kind, doc_id, start, "end", text, target, value, '
    "undone, undone_by, undone_at"
)


_Placed = TypeVar("_Placed", Event, Figure, Person)


class CorrectionError(StoreError):
    """A correction that cannot be stored: unknown report or record, a span that does not
    match the text, a value the kind does not accept."""


@dataclass(frozen=True, slots=True)
class Correction(Row):
    id: int
    who: str
    made_at: str
    kind: str
    doc_id: str
    start: int | None
    end: int | None
    text: str | None
    target: str | None  # a global record id: "<doc id>:P2"
    value: dict[str, Any]
    undone: bool
    undone_by: str | None = None
    undone_at: str | None = None

    @property
    def local_target(self) -> str | None:
        return None if self.target is None else self.target.rsplit(":", 1)[-1]


@dataclass(frozen=True, slots=True)
class NewCorrection:
    kind: str
    doc_id: str
    start: int | None = None
    end: int | None = None
    target: str | None = None
    value: Mapping[str, Any] = dataclasses.field(default_factory=dict)


# ---------------------------------------------------------------------- writing


def add(path: Path, new: NewCorrection, who: str, *, timeout_s: float = 30.0) -> Correction:
    """Validate and store one correction; returns it with its id."""
    with connect(path, read_only=False, timeout_s=timeout_s) as con:
        con.execute(_DDL)
        report = _stored_report(con, new.doc_id)
        checked = validate(report, new)
        row = con.execute("SELECT coalesce(max(id), 0) + 1 FROM corrections").fetchone()
        next_id = int(row[0]) if row else 1
        con.execute(
            f"INSERT INTO corrections ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, "
            "NULL, NULL)",
            [next_id, who, _utcnow(), checked.kind, report.id, checked.start, checked.end,
             _span_text(report, checked), checked.target, json.dumps(dict(checked.value))],
        )  # fmt: skip
        return _one(con, next_id)


def undo(path: Path, correction_id: int, who: str, *, timeout_s: float = 30.0) -> Correction:
    """Mark a correction undone (the record goes back to what was extracted)."""
    with connect(path, read_only=False, timeout_s=timeout_s) as con:
        con.execute(_DDL)
        current = _one_or_none(con, correction_id)
        if current is None:
            raise CorrectionError(f"no correction {correction_id}")
        if current.undone:
            raise CorrectionError(f"correction {correction_id} is already undone")
        con.execute(
            "UPDATE corrections SET undone = true, undone_by = ?, undone_at = ? WHERE id = ?",
            [who, _utcnow(), correction_id],
        )
        return _one(con, correction_id)


def validate(report: Report, new: NewCorrection) -> NewCorrection:
    """The correction with its target made global and its value completed, or an error."""
    if new.kind not in KINDS:
        raise CorrectionError(f"unknown correction kind {new.kind!r}; one of {', '.join(KINDS)}")
    _check_span(report, new)
    target = _check_target(report, new)
    value = _check_value(report, new, target)
    return dataclasses.replace(new, doc_id=report.id, target=target, value=value)


def _check_span(report: Report, new: NewCorrection) -> None:
    if (new.start is None) != (new.end is None):
        raise CorrectionError("give both start and end of the selected span, or neither")
    if new.start is None or new.end is None:
        if new.kind in NEEDS_SPAN:
            raise CorrectionError(f"a {new.kind} correction needs the selected words (start, end)")
        return
    if not 0 <= new.start < new.end <= len(report.text):
        raise CorrectionError(
            f"span {new.start}..{new.end} is outside the report's text (0..{len(report.text)})"
        )


def _check_target(report: Report, new: NewCorrection) -> str | None:
    prefixes = TARGET_PREFIX.get(new.kind)
    if prefixes is None:
        return None
    local = new.target.rsplit(":", 1)[-1] if new.target else _target_from_span(report, new)
    if local is None:
        raise CorrectionError(
            f"a {new.kind} correction needs a target record ({'/'.join(prefixes)}…)"
        )
    if not local.startswith(prefixes) or local not in record_ids(report):
        raise CorrectionError(
            f"report {report.id} has no record {local!r} for a {new.kind} correction"
        )
    if new.target and ":" in new.target and not new.target.startswith(report.id + ":"):
        raise CorrectionError(f"record {new.target} is not in report {report.id}")
    return f"{report.id}:{local}"


def _target_from_span(report: Report, new: NewCorrection) -> str | None:
    """The record under the selection, when the analyst did not name one."""
    if new.start is None or new.end is None:
        return None
    for local, spans in spans_by_record(report).items():
        if local.startswith(TARGET_PREFIX[new.kind]) and any(
            _overlaps(s, new.start, new.end) for s in spans
        ):
            return local
    return None


def _check_value(report: Report, new: NewCorrection, target: str | None) -> dict[str, Any]:
    value = dict(new.value)
    if new.kind in ("wrong-place", "add-place"):
        return _gazetteer_value(value)
    if new.kind == "wrong-date":
        return _date_value(value)
    if new.kind == "wrong-role-age":
        return _person_value(value)
    if new.kind == "quote-speaker":
        assert new.start is not None and new.end is not None  # _check_span demands a span
        speaker = _record_at(report, new.start, new.end, ("H", "O"))
        return {
            "speaker_text": report.text[new.start : new.end],
            "speaker": f"{report.id}:{speaker}" if speaker else None,
        }
    return {}


def _gazetteer_value(value: dict[str, Any]) -> dict[str, Any]:
    gid = value.get("gazetteer_id")
    if not isinstance(gid, str) or not gid:
        raise CorrectionError("give the gazetteer entry: value.gazetteer_id")
    try:
        lat, lon = float(value["lat"]), float(value["lon"])
    except (KeyError, TypeError, ValueError):
        raise CorrectionError("give the entry's coordinates: value.lat and value.lon") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise CorrectionError(f"coordinates {lat}, {lon} are not on Earth")
    kind = value.get("kind") or "other"
    if kind not in PLACE_KINDS:
        raise CorrectionError(f"unknown place kind {kind!r}")
    return {
        "gazetteer_id": gid, "name": _opt_str(value.get("name")), "lat": lat, "lon": lon,
        "country": _opt_str(value.get("country")), "admin1": _opt_str(value.get("admin1")),
        "kind": kind,
    }  # fmt: skip


def _date_value(value: dict[str, Any]) -> dict[str, Any]:
    raw = value.get("date")
    covered = dates.interval(raw) if isinstance(raw, str) else None
    precision = dates.precision(raw) if isinstance(raw, str) else None
    if covered is None or precision is None:
        raise CorrectionError(f"{raw!r} is not a date like 2022-09-10, 2022-09 or 2022")
    return {
        "date": raw, "precision": precision,
        "date_start": covered[0].isoformat(), "date_end": covered[1].isoformat(),
    }  # fmt: skip


def _person_value(value: dict[str, Any]) -> dict[str, Any]:
    """The fields given (null clears one): a role as words, an age in years."""
    given = {k: value[k] for k in PERSON_FIELDS if k in value}
    if not given:
        raise CorrectionError("give the right value.role and/or value.age (null clears one)")
    role = given.get("role")
    if "role" in given and role is not None:
        if not isinstance(role, str) or not role.strip():
            raise CorrectionError(f"role {role!r} is not words")
        given["role"] = role.strip()
    age = given.get("age")
    if age is not None and (isinstance(age, bool) or not isinstance(age, int)
                            or not 0 <= age <= MAX_AGE):  # fmt: skip
        raise CorrectionError(f"age {age!r} is not a whole number of years (0..{MAX_AGE})")
    return given


def _opt_str(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def _span_text(report: Report, new: NewCorrection) -> str | None:
    if new.start is None or new.end is None:
        return None
    return report.text[new.start : new.end]


# ---------------------------------------------------------------------- reading


def list_corrections(
    con: duckdb.DuckDBPyConnection,
    *,
    doc_id: str | None = None,
    include_undone: bool = True,
) -> list[Correction]:
    """Corrections by id (the order they were made); [] for a store that has none."""
    if not has_table(con):
        return []
    sql = f"SELECT {_COLUMNS} FROM {_main(con)}.corrections WHERE true"
    params: list[Any] = []
    if doc_id is not None:
        sql += " AND doc_id = ?"
        params.append(doc_id)
    if not include_undone:
        sql += " AND NOT undone"
    return [_correction(r) for r in con.execute(sql + " ORDER BY id", params).fetchall()]


def active_by_doc(
    con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]
) -> dict[str, list[Correction]]:
    """Active corrections of these reports, in the order they were made."""
    if not doc_ids or not has_table(con):
        return {}
    rows = con.execute(
        f"SELECT {_COLUMNS} FROM {_main(con)}.corrections "
        "WHERE NOT undone AND doc_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY id",
        [list(doc_ids)],
    ).fetchall()
    found: dict[str, list[Correction]] = defaultdict(list)
    for row in rows:
        found[row[4]].append(_correction(row))
    return dict(found)


def export_lines(corrections: Iterable[Correction], reports: Mapping[str, Report]) -> Iterable[str]:
    """One JSON object per correction, with the sentence-sized context a trainer needs."""
    for c in corrections:
        data = c.to_dict()
        report = reports.get(c.doc_id)
        if report is not None and c.start is not None and c.end is not None:
            left, right = _context_bounds(report.text, c.start, c.end)
            data["context"] = {"start": left, "end": right, "text": report.text[left:right]}
        yield json.dumps(data, ensure_ascii=False, sort_keys=True)


def _context_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind("\n", 0, start) + 1, start - 300)
    found = text.find("\n", end)
    right = min(len(text) if found < 0 else found, end + 300)
    return left, right


def has_table(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables "
        "WHERE table_name = 'corrections' AND table_catalog = current_database() "
        "AND table_schema = 'main'"
    ).fetchone()
    return bool(row and row[0])


def _stored_report(con: duckdb.DuckDBPyConnection, doc_id: str) -> Report:
    """The report as extracted (corrections are applied on top, never stored into it)."""
    rows = (
        con.execute(
            "SELECT report_json FROM documents WHERE id = ? OR starts_with(id, ?) "
            "ORDER BY id LIMIT 2",
            [doc_id, doc_id],
        ).fetchall()
        if doc_id
        else []
    )
    if len(rows) != 1:
        raise CorrectionError(
            f"no report {doc_id!r} in the store"
            if not rows
            else f"{doc_id!r} names more than one report; give more of its id"
        )
    return from_json(Report, rows[0][0])


def _one(con: duckdb.DuckDBPyConnection, correction_id: int) -> Correction:
    found = _one_or_none(con, correction_id)
    if found is None:
        raise CorrectionError(f"no correction {correction_id}")
    return found


def _one_or_none(con: duckdb.DuckDBPyConnection, correction_id: int) -> Correction | None:
    row = con.execute(
        f"SELECT {_COLUMNS} FROM corrections WHERE id = ?", [correction_id]
    ).fetchone()
    return None if row is None else _correction(row)


def _correction(r: tuple[Any, ...]) -> Correction:
    return Correction(
        id=int(r[0]), who=r[1], made_at=_iso(r[2]) or "", kind=r[3], doc_id=r[4], start=r[5],
        end=r[6], text=r[7], target=r[8], value=json.loads(r[9]) if r[9] else {},
        undone=bool(r[10]), undone_by=r[11], undone_at=_iso(r[12]),
    )  # fmt: skip


def _main(con: duckdb.DuckDBPyConnection) -> str:
    """The file's own catalog: names there are not shadowed by the temporary views."""
    row = con.execute("SELECT current_database()").fetchone()
    name = str(row[0]) if row else "memory"
    return '"' + name.replace('"', '""') + '".main'


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat(timespec="seconds") + "Z"


# ---------------------------------------------------------------------- applying in SQL


def shadow_tables(con: duckdb.DuckDBPyConnection) -> bool:
    """Give this connection temporary views, named like the extraction tables, that apply
    the active corrections; True when there were any (otherwise nothing is created)."""
    if not has_table(con):
        return False
    main = _main(con)
    row = con.execute(f"SELECT count(*) FROM {main}.corrections WHERE NOT undone").fetchone()
    if not row or not row[0]:
        return False
    for statement in _view_sql(main):
        con.execute(statement)
    return True


def _view_sql(m: str) -> list[str]:
    # Helper views first (prefixed with an underscore), then one view per shadowed table,
    # with the table's columns in the table's order (queries use p.* and positions).
    def j(field: str) -> str:
        return f"json_extract_string(c.value, '$.{field}')"

    return [
        f"""CREATE OR REPLACE TEMP VIEW _k AS
            SELECT id, kind, doc_id, start, "end", text, target, value
            FROM {m}.corrections WHERE NOT undone""",
        f"""CREATE OR REPLACE TEMP VIEW _gone_mentions AS
            SELECT DISTINCT pm.place_id, pm.start FROM {m}.place_mentions pm JOIN _k c
              ON c.kind = 'not-a-place' AND c.doc_id = pm.doc_id
             AND ((c.start IS NOT NULL AND c.start < pm."end" AND pm.start < c."end"
                   AND (c.target IS NULL OR c.target = pm.place_id))
                  OR (c.start IS NULL AND c.target = pm.place_id))""",
        f"""CREATE OR REPLACE TEMP VIEW _gone_places AS
            SELECT pm.place_id AS id FROM {m}.place_mentions pm
            LEFT JOIN _gone_mentions g ON g.place_id = pm.place_id AND g.start = pm.start
            WHERE pm.place_id IN (SELECT place_id FROM _gone_mentions)
            GROUP BY pm.place_id HAVING bool_and(g.place_id IS NOT NULL)
            UNION SELECT target FROM _k WHERE kind = 'not-a-place' AND start IS NULL""",
        f"""CREATE OR REPLACE TEMP VIEW _place_fix AS
            SELECT c.target, {j("gazetteer_id")} AS gazetteer_id,
                   CAST({j("lat")} AS DOUBLE) AS lat, CAST({j("lon")} AS DOUBLE) AS lon,
                   {j("country")} AS country, {j("admin1")} AS admin1, {j("kind")} AS kind
            FROM _k c WHERE c.kind = 'wrong-place'
            QUALIFY row_number() OVER (PARTITION BY c.target ORDER BY c.id DESC) = 1""",
        f"""CREATE OR REPLACE TEMP VIEW _date_fix AS
            SELECT c.target, {j("date")} AS date, {j("precision")} AS date_precision,
                   {j("date_start")} AS date_start, {j("date_end")} AS date_end
            FROM _k c WHERE c.kind = 'wrong-date'
            QUALIFY row_number() OVER (PARTITION BY c.target ORDER BY c.id DESC) = 1""",
        f"""CREATE OR REPLACE TEMP VIEW _speaker_fix AS
            SELECT c.target, {j("speaker")} AS speaker_id, {j("speaker_text")} AS speaker_text,
                   c.start, c."end"
            FROM _k c WHERE c.kind = 'quote-speaker'
            QUALIFY row_number() OVER (PARTITION BY c.target ORDER BY c.id DESC) = 1""",
        """CREATE OR REPLACE TEMP VIEW _gone_records AS
            SELECT target AS id FROM _k
            WHERE kind IN ('not-a-person', 'not-an-organization')""",
        f"""CREATE OR REPLACE TEMP VIEW _person_fix AS
            SELECT c.target, json_exists(c.value, '$.role') AS has_role, {j("role")} AS role,
                   json_exists(c.value, '$.age') AS has_age, CAST({j("age")} AS INTEGER) AS age
            FROM _k c WHERE c.kind = 'wrong-role-age'
            QUALIFY row_number() OVER (PARTITION BY c.target ORDER BY c.id DESC) = 1""",
        _view("places")
        + f"""
            SELECT p.id, p.doc_id, p.seq, p.name,
                   CASE WHEN f.target IS NULL THEN p.gazetteer_id ELSE f.gazetteer_id END,
                   CASE WHEN f.target IS NULL THEN p.lat ELSE f.lat END,
                   CASE WHEN f.target IS NULL THEN p.lon ELSE f.lon END,
                   CASE WHEN f.target IS NULL THEN p.country ELSE f.country END,
                   CASE WHEN f.target IS NULL THEN p.admin1 ELSE f.admin1 END,
                   CASE WHEN f.target IS NULL THEN p.kind ELSE f.kind END,
                   CASE WHEN f.target IS NULL THEN p.metonymy ELSE false END,
                   CASE WHEN f.target IS NULL THEN p.confidence ELSE 1.0 END
            FROM {m}.places p LEFT JOIN _place_fix f ON f.target = p.id
            WHERE p.id NOT IN (SELECT id FROM _gone_places)
            UNION ALL
            SELECT c.doc_id || ':{ADDED_PLACE_PREFIX}' || c.id, c.doc_id,
                   {ADDED_SEQ_BASE} + c.id, c.text, {j("gazetteer_id")},
                   CAST({j("lat")} AS DOUBLE), CAST({j("lon")} AS DOUBLE), {j("country")},
                   {j("admin1")}, {j("kind")}, false, 1.0
            FROM _k c WHERE c.kind = 'add-place'""",
        _view("place_mentions")
        + f"""
            SELECT pm.* FROM {m}.place_mentions pm
            WHERE NOT EXISTS (SELECT 1 FROM _gone_mentions g
                              WHERE g.place_id = pm.place_id AND g.start = pm.start)
            UNION ALL
            SELECT c.doc_id || ':{ADDED_PLACE_PREFIX}' || c.id, c.doc_id, 0, c.start, c."end",
                   c.text
            FROM _k c WHERE c.kind = 'add-place'""",
        _view("events")
        + f"""
            SELECT e.id, e.doc_id, e.seq, e.type, coalesce(d.date, e.date),
                   coalesce(d.date_precision, e.date_precision),
                   CASE WHEN e.place_id IN (SELECT id FROM _gone_places) THEN NULL
                        ELSE e.place_id END,
                   e.actors, e.targets, e.killed, e.injured, e.modality,
                   CASE WHEN e.claimed_by IN (SELECT id FROM _gone_records) THEN NULL
                        ELSE e.claimed_by END,
                   e.confidence
            FROM {m}.events e LEFT JOIN _date_fix d ON d.target = e.id
            WHERE e.id NOT IN (SELECT target FROM _k WHERE kind = 'not-an-event')""",
        _view("event_links")
        + f"""
            SELECT l.event_id, l.entity_id, l.doc_id, l.story_id, l.type, l.family,
                   CASE WHEN ev.place_id IN (SELECT id FROM _gone_places) THEN NULL
                        WHEN f.target IS NOT NULL THEN f.gazetteer_id ELSE l.place_gid END,
                   CASE WHEN ev.place_id IN (SELECT id FROM _gone_places) THEN NULL
                        WHEN f.target IS NOT NULL THEN f.lat ELSE l.lat END,
                   CASE WHEN ev.place_id IN (SELECT id FROM _gone_places) THEN NULL
                        WHEN f.target IS NOT NULL THEN f.lon ELSE l.lon END,
                   coalesce(d.date_start, l.date_start), coalesce(d.date_end, l.date_end),
                   CASE WHEN d.target IS NULL THEN l.date_basis ELSE 'event' END,
                   l.killed, l.injured, l.actors, l.reason, l.matched_id
            FROM {m}.event_links l
            LEFT JOIN {m}.events ev ON ev.id = l.event_id
            LEFT JOIN _place_fix f ON f.target = ev.place_id
            LEFT JOIN _date_fix d ON d.target = l.event_id
            WHERE l.event_id NOT IN (SELECT target FROM _k WHERE kind = 'not-an-event')""",
        _view("times")
        + f"""
            SELECT t.id, t.doc_id, t.seq, t.start, t."end", t.text, coalesce(d.date, t.value),
                   t.kind, t.anchor
            FROM {m}.times t LEFT JOIN _date_fix d ON d.target = t.id""",
        _view("quotes")
        + f"""
            SELECT q.id, q.doc_id, q.seq, q.start, q."end", q.text,
                   CASE WHEN s.target IS NOT NULL THEN s.speaker_id
                        WHEN q.speaker_id IN (SELECT id FROM _gone_records) THEN NULL
                        ELSE q.speaker_id END,
                   coalesce(s.speaker_text, q.speaker_text), coalesce(s.start, q.speaker_start),
                   coalesce(s."end", q.speaker_end), q.direct, q.cue, q.cue_start, q.cue_end,
                   CASE WHEN q.relayed_by IN (SELECT id FROM _gone_records) THEN NULL
                        ELSE q.relayed_by END
            FROM {m}.quotes q LEFT JOIN _speaker_fix s ON s.target = q.id""",
        _view("figures")
        + f"""
            SELECT f.id, f.doc_id, f.seq, f.start, f."end", f.text, f.value, f.approximate,
                   f.unit, f.quantity,
                   CASE WHEN f.place_id IN (SELECT id FROM _gone_places) THEN NULL
                        ELSE f.place_id END,
                   f.time
            FROM {m}.figures f""",
        _view("people")
        + f"""
            SELECT h.id, h.doc_id, h.seq, h.name,
                   CASE WHEN f.has_age THEN f.age ELSE h.age END,
                   CASE WHEN f.has_role THEN f.role ELSE h.role END,
                   CASE WHEN h.doc_id || ':' || h.affiliation IN (SELECT id FROM _gone_records)
                        THEN NULL ELSE h.affiliation END,
                   CASE WHEN h.place_id IN (SELECT id FROM _gone_places) THEN NULL
                        ELSE h.place_id END
            FROM {m}.people h LEFT JOIN _person_fix f ON f.target = h.id
            WHERE h.id NOT IN (SELECT id FROM _gone_records)""",
        _view("person_links")
        + f"""
            SELECT l.person_id, l.entity_id, l.doc_id, l.name, l.name_key,
                   CASE WHEN f.has_age THEN f.age ELSE l.age END,
                   CASE WHEN f.has_role THEN f.role ELSE l.role END,
                   l.place_gid, l.ref_date, l.reason, l.matched_id
            FROM {m}.person_links l LEFT JOIN _person_fix f ON f.target = l.person_id
            WHERE l.person_id NOT IN (SELECT id FROM _gone_records)""",
        _view("person_relations")
        + f"""
            SELECT r.* FROM {m}.person_relations r
            WHERE r.person_id NOT IN (SELECT id FROM _gone_records)
              AND r.of_id NOT IN (SELECT id FROM _gone_records)""",
        _view("organizations")
        + f"""
            SELECT o.* FROM {m}.organizations o
            WHERE o.id NOT IN (SELECT id FROM _gone_records)""",
        *(
            _view(table)
            + f"""
            SELECT x.* FROM {m}.{table} x WHERE x.{column} NOT IN (SELECT id FROM _gone_records)"""
            for table, column in _MENTIONS_OF_RECORDS
        ),
    ]


# Mention tables of people and organizations, and their record column.
_MENTIONS_OF_RECORDS = (
    ("person_mentions", "person_id"),
    ("organization_mentions", "organization_id"),
)


def _view(table: str) -> str:
    """The start of a view shadowing ``table``, with the table's column names."""
    names = ", ".join(schema.quoted(c) for c in schema.TABLES_BY_NAME[table].column_names)
    return f"CREATE OR REPLACE TEMP VIEW {table} ({names}) AS "


# ---------------------------------------------------------------------- applying to a report


def apply(report: Report, corrections: Iterable[Correction]) -> Report:
    """The report as the analysts corrected it (same rules as the SQL views)."""
    active = [c for c in corrections if not c.undone and c.doc_id == report.id]
    if not active:
        return report
    report = _apply_places(report, active)
    report = _apply_dates(report, active)
    report = _apply_speakers(report, active)
    report = _apply_people(report, active)
    gone_events = {c.local_target for c in active if c.kind == "not-an-event"}
    if gone_events:
        report = dataclasses.replace(
            report, events=tuple(e for e in report.events if e.id not in gone_events)
        )
    return report


def _apply_places(report: Report, active: list[Correction]) -> Report:
    places: list[Place] = []
    gone: set[str] = set()
    fixes = {c.local_target: c.value for c in active if c.kind == "wrong-place"}
    for place in report.places:
        mentions = tuple(m for m in place.mentions if not _mention_removed(place.id, m, active))
        if not mentions and (len(place.mentions) > 0 or _whole_place_removed(place.id, active)):
            gone.add(place.id)
            continue
        fix = fixes.get(place.id)
        place = dataclasses.replace(place, mentions=mentions)
        places.append(_relocated(place, fix) if fix else place)
    places.extend(_added_place(report, c) for c in active if c.kind == "add-place")
    if not gone and len(places) == len(report.places) and not fixes:
        return report
    return dataclasses.replace(
        report,
        places=tuple(places),
        events=tuple(_drop_place(e, gone) for e in report.events),
        figures=tuple(_drop_place(f, gone) for f in report.figures),
        people=tuple(_drop_place(h, gone) for h in report.people),
    )


def _mention_removed(place_id: str, mention: Span, active: list[Correction]) -> bool:
    for c in active:
        if c.kind != "not-a-place":
            continue
        if c.start is None or c.end is None:
            if c.local_target == place_id:
                return True
        elif _overlaps(mention, c.start, c.end) and c.local_target in (None, place_id):
            return True
    return False


def _whole_place_removed(place_id: str, active: list[Correction]) -> bool:
    return any(
        c.kind == "not-a-place" and c.start is None and c.local_target == place_id for c in active
    )


def _relocated(place: Place, fix: Mapping[str, Any]) -> Place:
    return dataclasses.replace(
        place, gazetteer_id=fix.get("gazetteer_id"), lat=fix.get("lat"), lon=fix.get("lon"),
        country=fix.get("country"), admin1=fix.get("admin1"), kind=fix.get("kind") or "other",
        metonymy=False, stands_for=None, confidence=1.0,
    )  # fmt: skip


def _added_place(report: Report, c: Correction) -> Place:
    assert c.start is not None and c.end is not None  # add-place needs a span
    return _relocated(
        Place(id=f"{ADDED_PLACE_PREFIX}{c.id}", name=report.text[c.start : c.end],
              mentions=(Span.of(report.text, c.start, c.end),)),
        c.value,
    )  # fmt: skip


def _drop_place(record: _Placed, gone: set[str]) -> _Placed:
    if record.place in gone:
        return dataclasses.replace(record, place=None)
    return record


def _apply_dates(report: Report, active: list[Correction]) -> Report:
    fixes = {c.local_target: c.value for c in active if c.kind == "wrong-date"}
    if not fixes:
        return report
    events = tuple(
        dataclasses.replace(e, date=fixes[e.id]["date"], date_precision=fixes[e.id]["precision"])
        if e.id in fixes else e
        for e in report.events
    )  # fmt: skip
    ids = numbered(report.times, "T")
    times = tuple(
        dataclasses.replace(t, value=fixes[local]["date"])
        if (local := ids[id(t)]) in fixes else t
        for t in report.times
    )  # fmt: skip
    return dataclasses.replace(report, events=events, times=times)


def _apply_speakers(report: Report, active: list[Correction]) -> Report:
    fixes = {c.local_target: c for c in active if c.kind == "quote-speaker"}
    if not fixes:
        return report
    quotes = []
    ids = numbered(report.quotes, "Q")
    for quote in report.quotes:
        fix = fixes.get(ids[id(quote)])
        if fix is not None and fix.start is not None and fix.end is not None:
            speaker = fix.value.get("speaker")
            quote = dataclasses.replace(
                quote, speaker=speaker.rsplit(":", 1)[-1] if speaker else None,
                speaker_text=fix.value.get("speaker_text"),
                speaker_span=Span.of(report.text, fix.start, fix.end),
            )  # fmt: skip
        quotes.append(quote)
    return dataclasses.replace(report, quotes=tuple(quotes))


def _apply_people(report: Report, active: list[Correction]) -> Report:
    """Drop what is not a person or organization (and every reference to it); give people
    their corrected role and age."""
    gone = {c.local_target for c in active if c.kind in ("not-a-person", "not-an-organization")}
    fixes = {c.local_target: c.value for c in active if c.kind == "wrong-role-age"}
    if not gone and not fixes:
        return report
    people = tuple(
        _person_fixed(h, fixes.get(h.id), gone) for h in report.people if h.id not in gone
    )
    return dataclasses.replace(
        report,
        people=people,
        organizations=tuple(o for o in report.organizations if o.id not in gone),
        quotes=tuple(_quote_without(q, gone) for q in report.quotes),
        events=tuple(
            dataclasses.replace(e, claimed_by=None) if e.claimed_by in gone else e
            for e in report.events
        ),
    )


def _person_fixed(person: Person, fix: Mapping[str, Any] | None, gone: set[str | None]) -> Person:
    changes: dict[str, Any] = dict(fix or {})
    if person.affiliation in gone:
        changes["affiliation"] = None
    if any(r.of in gone for r in person.relations):
        changes["relations"] = tuple(r for r in person.relations if r.of not in gone)
    return dataclasses.replace(person, **changes) if changes else person


def _quote_without(quote: Quote, gone: set[str | None]) -> Quote:
    changes: dict[str, Any] = {}
    if quote.speaker in gone:
        changes["speaker"] = None
    if quote.relayed_by in gone:
        changes["relayed_by"] = None
    return dataclasses.replace(quote, **changes) if changes else quote


# ---------------------------------------------------------------------- records and spans


def numbered(records: Sequence[Any], prefix: str) -> dict[int, str]:
    """``id()`` of each spanned record -> its local id as the store numbers it (in
    document order: ``Q1``, ``Q2``…)."""
    return {id(r): f"{prefix}{i + 1}" for i, r in enumerate(in_document_order(records))}


def record_ids(report: Report) -> set[str]:
    """Every local record id of the report, as the store numbers them."""
    return set(spans_by_record(report))


def spans_by_record(report: Report) -> dict[str, tuple[Span, ...]]:
    """Local record id -> the spans that show it in the text (store numbering: Q/T/F by
    position, places, people, organizations and events by their own ids)."""
    found: dict[str, tuple[Span, ...]] = {}
    named: Sequence[Place | Person | Organization] = (
        *report.places, *report.people, *report.organizations,
    )  # fmt: skip
    for record in named:
        found[record.id] = tuple(record.mentions)
    for records, prefix in ((report.quotes, "Q"), (report.times, "T"), (report.figures, "F")):
        ids = numbered(records, prefix)
        for spanned in records:
            found[ids[id(spanned)]] = (spanned.span,)
    for event in report.events:
        found[event.id] = tuple(event.evidence)
    return found


def _record_at(report: Report, start: int, end: int, prefixes: tuple[str, ...]) -> str | None:
    for local, spans in spans_by_record(report).items():
        if local.startswith(prefixes) and any(_overlaps(s, start, end) for s in spans):
            return local
    return None


def _overlaps(span: Span, start: int, end: int) -> bool:
    return span.start < end and start < span.end
