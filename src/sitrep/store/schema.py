"""The store's tables, versioned by ``meta.schema_version``.

One row per report in ``documents`` (raw text, cleaned text and the full report JSON, so
a ``Report`` can be rebuilt exactly), and one table per kind of record inside a report,
flattened for SQL. Records inside a report get global ids ``<doc id>:<local id>``
(``57ce0c138cc00894:H1``); quotes, times and figures, which have no local id, get
``<doc id>:Q<n>``, ``:T<n>``, ``:F<n>`` numbered in document order. Every span is three
columns: ``start``, ``end`` (a reserved word in SQL: quote it) and ``text``.

Only ``documents``, ``runs``, ``failures`` and ``meta`` carry keys: child rows are unique
because a document is written once (the batch skips known ids in the same transaction),
and fewer indexes keep inserts and opening the file cheap.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from sitrep.errors import StoreError

# Bump when a table changes; ``check_schema`` refuses files of another version.
# 2: the cross-document tables (link_keys, doc_sketches, story_members, person_links,
# person_blocks, person_apart, event_links).
# 3: events' lookup keys by week instead of month (a version-2 store's events would not
# be found by the new keys).
# 4: doc_sketches.facts_size and facts_signature (the names and numbers a copy must share);
# a version-3 store is upgraded in place, its old sketches without facts.
SCHEMA_VERSION = 4


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    # (column, DuckDB type) in insert order.
    columns: tuple[tuple[str, str], ...]
    constraints: tuple[str, ...] = ()

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.columns)

    def ddl(self) -> str:
        parts = [f"{quoted(name)} {kind}" for name, kind in self.columns]
        parts.extend(self.constraints)
        return f"CREATE TABLE IF NOT EXISTS {self.name} ({', '.join(parts)})"


def quoted(column: str) -> str:
    return f'"{column}"'


def _span(prefix: str = "") -> tuple[tuple[str, str], ...]:
    return (
        (f"{prefix}start", "INTEGER"),
        (f"{prefix}end", "INTEGER"),
        (f"{prefix}text", "VARCHAR"),
    )


def _mentions(table: str, owner: str) -> Table:
    return Table(
        table,
        ((owner, "VARCHAR"), ("doc_id", "VARCHAR"), ("seq", "INTEGER"), *_span()),
    )


META = Table("meta", (("key", "VARCHAR"), ("value", "VARCHAR")), ("PRIMARY KEY (key)",))

RUNS = Table(
    "runs",
    (
        ("id", "VARCHAR"),
        ("started", "TIMESTAMP"),
        ("finished", "TIMESTAMP"),
        ("args", "VARCHAR"),  # JSON object
        ("counts", "VARCHAR"),  # JSON object, set by finish_run
    ),
    ("PRIMARY KEY (id)",),
)

FAILURES = Table(
    "failures",
    (
        ("run_id", "VARCHAR"),
        ("origin", "VARCHAR"),
        ("reason", "VARCHAR"),
        ("recorded_at", "TIMESTAMP"),
    ),
    ("PRIMARY KEY (run_id, origin)",),
)

DOCUMENTS = Table(
    "documents",
    (
        ("id", "VARCHAR"),
        ("raw_text", "VARCHAR"),
        ("text", "VARCHAR"),
        ("raw_sha256", "VARCHAR"),
        ("source_path", "VARCHAR"),
        ("source_url", "VARCHAR"),
        ("outlet", "VARCHAR"),
        ("title", "VARCHAR"),
        ("origin", "VARCHAR"),
        ("format", "VARCHAR"),
        ("language", "VARCHAR"),
        ("flags", "VARCHAR[]"),
        ("published_date", "VARCHAR"),
        ("published_estimated", "BOOLEAN"),
        ("window_start", "VARCHAR"),
        ("window_end", "VARCHAR"),
        ("published_basis", "VARCHAR"),
        ("ingested_at", "TIMESTAMP"),
        ("run_id", "VARCHAR"),
        ("report_json", "VARCHAR"),
    ),
    ("PRIMARY KEY (id)",),
)

REMOVED = Table(
    "removed",
    (("doc_id", "VARCHAR"), ("seq", "INTEGER"), *_span(), ("reason", "VARCHAR")),
)

PLACES = Table(
    "places",
    (
        ("id", "VARCHAR"),
        ("doc_id", "VARCHAR"),
        ("seq", "INTEGER"),
        ("name", "VARCHAR"),
        ("gazetteer_id", "VARCHAR"),
        ("lat", "DOUBLE"),
        ("lon", "DOUBLE"),
        ("country", "VARCHAR"),
        ("admin1", "VARCHAR"),
        ("kind", "VARCHAR"),
        ("metonymy", "BOOLEAN"),
        ("confidence", "DOUBLE"),
    ),
)
PLACE_MENTIONS = _mentions("place_mentions", "place_id")

PEOPLE = Table(
    "people",
    (
        ("id", "VARCHAR"),
        ("doc_id", "VARCHAR"),
        ("seq", "INTEGER"),
        ("name", "VARCHAR"),
        ("age", "INTEGER"),
        ("role", "VARCHAR"),
        ("affiliation", "VARCHAR"),
        ("place_id", "VARCHAR"),
    ),
)
PERSON_MENTIONS = _mentions("person_mentions", "person_id")
PERSON_RELATIONS = Table(
    "person_relations",
    (("person_id", "VARCHAR"), ("doc_id", "VARCHAR"), ("type", "VARCHAR"), ("of_id", "VARCHAR")),
)

ORGANIZATIONS = Table(
    "organizations",
    (
        ("id", "VARCHAR"),
        ("doc_id", "VARCHAR"),
        ("seq", "INTEGER"),
        ("name", "VARCHAR"),
        ("kind", "VARCHAR"),
    ),
)
ORGANIZATION_MENTIONS = _mentions("organization_mentions", "organization_id")

TIMES = Table(
    "times",
    (
        ("id", "VARCHAR"),
        ("doc_id", "VARCHAR"),
        ("seq", "INTEGER"),
        *_span(),
        ("value", "VARCHAR"),
        ("kind", "VARCHAR"),
        ("anchor", "VARCHAR"),
    ),
)

QUOTES = Table(
    "quotes",
    (
        ("id", "VARCHAR"),
        ("doc_id", "VARCHAR"),
        ("seq", "INTEGER"),
        *_span(),
        ("speaker_id", "VARCHAR"),
        ("speaker_text", "VARCHAR"),
        ("speaker_start", "INTEGER"),
        ("speaker_end", "INTEGER"),
        ("direct", "BOOLEAN"),
        ("cue", "VARCHAR"),
        ("cue_start", "INTEGER"),
        ("cue_end", "INTEGER"),
        ("relayed_by", "VARCHAR"),
    ),
)

FIGURES = Table(
    "figures",
    (
        ("id", "VARCHAR"),
        ("doc_id", "VARCHAR"),
        ("seq", "INTEGER"),
        *_span(),
        ("value", "DOUBLE"),
        ("approximate", "BOOLEAN"),
        ("unit", "VARCHAR"),
        ("quantity", "VARCHAR"),
        ("place_id", "VARCHAR"),
        ("time", "VARCHAR"),
    ),
)

EVENTS = Table(
    "events",
    (
        ("id", "VARCHAR"),
        ("doc_id", "VARCHAR"),
        ("seq", "INTEGER"),
        ("type", "VARCHAR"),
        ("date", "VARCHAR"),
        ("date_precision", "VARCHAR"),
        ("place_id", "VARCHAR"),
        ("actors", "VARCHAR[]"),
        ("targets", "VARCHAR[]"),
        ("killed", "INTEGER"),
        ("injured", "INTEGER"),
        ("modality", "VARCHAR"),
        # A global person/organization id when the report named one of its records,
        # otherwise the claimant as the report gave it.
        ("claimed_by", "VARCHAR"),
        ("confidence", "DOUBLE"),
    ),
)
EVENT_EVIDENCE = _mentions("event_evidence", "event_id")

# ------------------------------------------------------------ cross-document (sitrep.corpus)
# Lookup keys that select a new report's candidates: LSH bands of its text, the names of
# its people, the places and type families of its events (63-bit hashes). Not indexed:
# one scan per batch is cheaper than an ART index over millions of random keys
# (corpus/sql.py).
LINK_KEYS = Table(
    "link_keys", (("key", "BIGINT"), ("kind", "VARCHAR"), ("record_id", "VARCHAR"))
)

DOC_SKETCHES = Table(
    "doc_sketches",
    (
        ("doc_id", "VARCHAR"),
        ("text_hash", "VARCHAR"),
        ("shingles", "INTEGER"),
        ("signature", "BIGINT[]"),
        ("skeleton_size", "INTEGER"),
        ("skeleton_signature", "BIGINT[]"),
        ("facts_size", "INTEGER"),
        ("facts_signature", "BIGINT[]"),
    ),
    ("PRIMARY KEY (doc_id)",),
)

# One row per report: the story it belongs to (a story's id is its first linked member's
# doc id) and why: "first", "exact", "near-duplicate" or "spun".
STORY_MEMBERS = Table(
    "story_members",
    (
        ("doc_id", "VARCHAR"),
        ("story_id", "VARCHAR"),
        ("reason", "VARCHAR"),
        ("score", "DOUBLE"),
        ("matched_doc", "VARCHAR"),
        ("linked_seq", "BIGINT"),  # order of linking, for a stable "first"
    ),
    ("PRIMARY KEY (doc_id)",),
)

# One row per person record: the cross-report person it is (entity id = the global id
# of its first record), why, and the descriptors later records are compared with.
PERSON_LINKS = Table(
    "person_links",
    (
        ("person_id", "VARCHAR"),
        ("entity_id", "VARCHAR"),
        ("doc_id", "VARCHAR"),
        ("name", "VARCHAR"),
        ("name_key", "VARCHAR"),
        ("age", "INTEGER"),
        ("role", "VARCHAR"),
        ("place_gid", "VARCHAR"),
        ("ref_date", "VARCHAR"),
        ("reason", "VARCHAR"),
        ("matched_id", "VARCHAR"),
    ),
    ("PRIMARY KEY (person_id)",),
)
# A person record the user split off an entity (`sitrep unmerge`): never merged back.
PERSON_BLOCKS = Table(
    "person_blocks",
    (("person_id", "VARCHAR"), ("entity_id", "VARCHAR"), ("recorded_at", "TIMESTAMP")),
    ("PRIMARY KEY (person_id, entity_id)",),
)
# Candidates with the same name kept apart, with the contradiction that decided it.
PERSON_APART = Table(
    "person_apart",
    (("person_id", "VARCHAR"), ("other_id", "VARCHAR"), ("reason", "VARCHAR")),
)

# One row per event record: the cross-report event it belongs to and the facts used to
# compare it (date interval with its basis, casualties, actors).
EVENT_LINKS = Table(
    "event_links",
    (
        ("event_id", "VARCHAR"),
        ("entity_id", "VARCHAR"),
        ("doc_id", "VARCHAR"),
        ("story_id", "VARCHAR"),
        ("type", "VARCHAR"),
        ("family", "VARCHAR"),
        ("place_gid", "VARCHAR"),
        ("lat", "DOUBLE"),
        ("lon", "DOUBLE"),
        ("date_start", "VARCHAR"),
        ("date_end", "VARCHAR"),
        ("date_basis", "VARCHAR"),  # "event" (its own date) or "publication"
        ("killed", "INTEGER"),
        ("injured", "INTEGER"),
        ("actors", "VARCHAR[]"),
        ("reason", "VARCHAR"),
        ("matched_id", "VARCHAR"),
    ),
    ("PRIMARY KEY (event_id)",),
)

TABLES: tuple[Table, ...] = (
    META,
    RUNS,
    FAILURES,
    DOCUMENTS,
    REMOVED,
    PLACES,
    PLACE_MENTIONS,
    PEOPLE,
    PERSON_MENTIONS,
    PERSON_RELATIONS,
    ORGANIZATIONS,
    ORGANIZATION_MENTIONS,
    TIMES,
    QUOTES,
    FIGURES,
    EVENTS,
    EVENT_EVIDENCE,
    LINK_KEYS,
    DOC_SKETCHES,
    STORY_MEMBERS,
    PERSON_LINKS,
    PERSON_BLOCKS,
    PERSON_APART,
    EVENT_LINKS,
)
TABLES_BY_NAME = {table.name: table for table in TABLES}


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create every table that is missing and record the schema version (idempotent)."""
    for table in TABLES:
        con.execute(table.ddl())
    con.execute(
        "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING",
        [str(SCHEMA_VERSION)],
    )


def stored_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """The file's schema version, or None when it has no sitrep tables."""
    has_meta = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
    ).fetchone()
    if not has_meta or not has_meta[0]:
        return None
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else None


# Versions a store is upgraded from in place: (statements, what the upgrade means).
UPGRADES: dict[int, tuple[str, ...]] = {
    3: (
        "ALTER TABLE doc_sketches ADD COLUMN IF NOT EXISTS facts_size INTEGER",
        "ALTER TABLE doc_sketches ADD COLUMN IF NOT EXISTS facts_signature BIGINT[]",
    ),
}


def upgrade_schema(con: duckdb.DuckDBPyConnection) -> int | None:
    """Upgrade a store of an older version that can be upgraded in place, in one
    transaction; returns the version it had, or None when nothing was done."""
    version = stored_version(con)
    if version is None or version not in UPGRADES:
        return None
    con.execute("BEGIN TRANSACTION")
    try:
        for statement in UPGRADES[version]:
            con.execute(statement)
        con.execute(
            "UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION)]
        )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return version


def check_schema(con: duckdb.DuckDBPyConnection, path: str) -> None:
    """Refuse a file that is not a sitrep store of this schema version (or of one its
    next writer upgrades in place: readers see nothing the upgrade changes)."""
    version = stored_version(con)
    if version in UPGRADES:
        return
    if version is None:
        raise StoreError(
            f"{path} is a DuckDB file but not a sitrep store (no meta table); "
            f"pass another --db or create one with `sitrep ingest PATH --db FILE`"
        )
    if version is not None and version < SCHEMA_VERSION:
        before = (
            "before reports were linked across documents"
            if version < 2
            else "with other lookup keys for linking events across reports"
        )
        raise StoreError(
            f"store {path} has schema version {version}, written {before} (version "
            f"{SCHEMA_VERSION}); re-ingest its sources into a new file with `sitrep ingest "
            f"PATH --db NEW_FILE` to get stories, people and events linked across reports"
        )
    if version != SCHEMA_VERSION:
        raise StoreError(
            f"store {path} has schema version {version}, this sitrep reads version "
            f"{SCHEMA_VERSION}; use the sitrep version that wrote it or re-ingest into a new file"
        )
