"""The DuckDB store: schema, idempotent transactional writes, queries, errors.

Every test uses a real DuckDB file in tmp_path and reports built by hand (no model).
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import duckdb
import pytest

from sitrep.errors import StoreError
from sitrep.ingest.document import RawDocument, ReadFailure
from sitrep.records import (
    Event,
    Figure,
    Organization,
    Person,
    Place,
    Published,
    Quote,
    Removed,
    Report,
    Source,
    Span,
    TimeExpression,
    content_id,
)
from sitrep.store import SCHEMA_VERSION, Store, database

IZYUM_TEXT = (
    "In the war-struck city of Izyum, residents hope for peace. "
    'Volodymyr, a resident, said: "This is our main hope." '
    "Some 7,000 people returned after Ukrainian forces retook Izyum in September 2022. "
    '"We lost the whole family," Volodymyr told AFP.'
)
KYIV_TEXT = (
    "Kyiv's forces pushed back. Anastasia Onishchuk, 21, lives in Izium. "
    '"It is quiet now," Onishchuk told Reuters on Monday. Two people were killed in Kharkiv.'
)


def span(text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span.of(text, start, start + len(needle))


def izyum_report(text: str = IZYUM_TEXT, *, doc_id: str | None = None) -> Report:
    """A report with one of every record, quotes and times given out of document order."""
    return Report(
        id=doc_id or content_id(text),
        source=Source(path="/reports/izyum.txt", url=None, outlet="AFP", title="Izyum hopes"),
        language="en",
        published=Published(
            date=None,
            estimated=True,
            window=("2023-12-01", "2024-01-31"),
            basis="content",
            evidence=("hope for 2024",),
        ),
        text=text,
        removed=(Removed(0, 13, "Advertisement", "ad"),),
        places=(
            Place(
                "P1",
                "Izium",
                (span(text, "Izyum"), span(text, "Izyum", 1)),
                gazetteer_id="geonames:707292",
                lat=49.207,
                lon=37.277,
                country="UA",
                admin1="Kharkiv Oblast",
                kind="city",
                confidence=0.9,
            ),
        ),
        people=(
            Person(
                "H1",
                "Volodymyr",
                (span(text, "Volodymyr"), span(text, "Volodymyr", 1)),
                age=41,
                role="resident",
                place="P1",
            ),
        ),
        organizations=(Organization("O1", "AFP", (span(text, "AFP"),), kind="media"),),
        times=(TimeExpression(span(text, "September 2022"), "2022-09"),),
        quotes=(
            Quote(
                span(text, '"We lost the whole family,"'),
                speaker="H1",
                speaker_text="Volodymyr",
                cue="told",
                speaker_span=span(text, "Volodymyr", 1),
                cue_span=span(text, "told"),
            ),
            Quote(
                span(text, '"This is our main hope."'),
                speaker="H1",
                speaker_text="Volodymyr",
                cue="said",
                cue_span=span(text, "said"),
            ),
        ),
        figures=(
            Figure(
                span(text, "Some 7,000 people returned"),
                7000.0,
                approximate=True,
                unit="people",
                quantity="returned",
                place="P1",
                time="2023-12",
            ),
        ),
        events=(
            Event(
                "E1",
                "recapture",
                date="2022-09",
                date_precision="month",
                place="P1",
                actors=("Ukraine: military",),
                claimed_by="O1",
                evidence=(span(text, "Ukrainian forces retook Izyum in September 2022"),),
                confidence=0.8,
            ),
        ),
        flags=("estimated-date",),
    )


def kyiv_report(text: str = KYIV_TEXT) -> Report:
    return Report(
        id=content_id(text),
        source=Source(path="/reports/kyiv.txt", title="Quiet in Izium"),
        language="en",
        published=Published(date="2024-02-05", basis="metadata"),
        text=text,
        places=(
            Place(
                "P1",
                "Kyiv",
                (span(text, "Kyiv"),),
                gazetteer_id="geonames:703448",
                country="UA",
                kind="city",
                metonymy=True,
                confidence=0.8,
            ),
            Place(
                "P2",
                "Izium",
                (span(text, "Izium"),),
                gazetteer_id="geonames:707292",
                lat=49.207,
                lon=37.277,
                country="UA",
                kind="city",
                confidence=0.9,
            ),
            Place("P3", "Kharkiv", (span(text, "Kharkiv"),)),
        ),
        people=(
            Person(
                "H1",
                "Anastasia Onishchuk",
                (span(text, "Anastasia Onishchuk"), span(text, "Onishchuk", 1)),
                age=21,
            ),
        ),
        organizations=(Organization("O1", "Reuters", (span(text, "Reuters"),), kind="media"),),
        times=(TimeExpression(span(text, "Monday"), "2024-02-05", anchor="publication"),),
        quotes=(
            Quote(
                span(text, '"It is quiet now,"'), speaker="H1", speaker_text="Onishchuk", cue="told"
            ),
        ),
        figures=(
            Figure(
                span(text, "Two people were killed"),
                2.0,
                unit="people",
                quantity="killed",
                place="P3",
            ),
        ),
        events=(
            Event(
                "E1",
                "attack",
                place="P3",
                killed=2,
                modality="claim",
                claimed_by="the governor",
                evidence=(span(text, "Two people were killed in Kharkiv"),),
            ),
        ),
    )


def item(report: Report, raw_text: str | None = None) -> tuple[RawDocument, Report]:
    raw = RawDocument(
        text=raw_text or report.text, origin=report.source.path or "<test>", path=report.source.path
    )
    return raw, report


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return tmp_path / "sitrep.duckdb"


@pytest.fixture()
def store(db: Path) -> Store:
    return Store(db, lock_timeout_s=0.3)


def filled(store: Store) -> tuple[str, Report, Report]:
    run = store.begin_run({"paths": ["/reports"]})
    izyum, kyiv = izyum_report(), kyiv_report()
    store.write_batch([item(izyum), item(kyiv)], [], run)
    return run, izyum, kyiv


# ------------------------------------------------------------------------- schema


def test_new_store_records_schema_version_and_is_empty(store: Store, db: Path) -> None:
    assert set(store.counts().values()) == {0}
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall() == [
            (str(SCHEMA_VERSION),)
        ]
    finally:
        con.close()


def test_opening_an_existing_store_again_changes_nothing(store: Store, db: Path) -> None:
    filled(store)
    before = store.counts()
    again = Store(db)
    assert again.counts() == before
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM meta").fetchone() == (1,)
    finally:
        con.close()


def test_store_of_another_schema_version_is_refused(store: Store, db: Path) -> None:
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    con.close()
    for read_only in (False, True):
        with pytest.raises(StoreError, match="schema version 999"):
            Store(db, read_only=read_only)


def test_duckdb_file_of_another_application_is_refused(db: Path) -> None:
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE sales (amount INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not a sitrep store"):
        Store(db)
    with pytest.raises(StoreError, match="not a sitrep store"):
        Store(db, read_only=True)


# ------------------------------------------------------------------------- writes


def test_report_round_trips_through_the_store(store: Store) -> None:
    _, izyum, kyiv = filled(store)
    assert store.report(izyum.id) == izyum
    assert store.report(kyiv.id) == kyiv


def test_raw_text_is_kept_beside_the_cleaned_text(store: Store) -> None:
    run = store.begin_run({})
    report = izyum_report()
    raw = "Advertisement\n" + report.text
    store.write_batch([item(report, raw)], [], run)
    assert store.raw_text(report.id) == raw
    assert store.raw_text("0000000000000000") is None


@pytest.mark.parametrize("same_batch", [True, False])
def test_writing_the_same_report_twice_adds_nothing(store: Store, same_batch: bool) -> None:
    run = store.begin_run({})
    report = izyum_report()
    if same_batch:
        result = store.write_batch([item(report), item(report)], [], run)
        assert (result.added, result.skipped) == (1, 1)
        before = store.counts()
    else:
        store.write_batch([item(report)], [], run)
        before = store.counts()
        result = store.write_batch([item(report)], [], run)
        assert (result.added, result.skipped, result.failed) == (0, 1, 0)
    assert store.counts() == before
    assert before["documents"] == 1 and before["quotes"] == 2


def test_known_ids_are_the_stored_ones(store: Store) -> None:
    _, izyum, _ = filled(store)
    assert store.known_ids([izyum.id, "ffffffffffffffff"]) == {izyum.id}
    assert store.known_ids([]) == set()


@pytest.mark.parametrize("failing_table", ["documents", "quotes", "event_evidence", "failures"])
def test_a_batch_that_fails_midway_leaves_no_trace(
    store: Store, monkeypatch: pytest.MonkeyPatch, failing_table: str
) -> None:
    _, izyum, kyiv = filled(store)
    before = store.counts()
    real_insert = database.insert_rows

    def insert_or_fail(con: Any, table: Any, rows: Any) -> None:
        if table.name == failing_table:
            raise RuntimeError("disk on fire")
        real_insert(con, table, rows)

    monkeypatch.setattr(database, "insert_rows", insert_or_fail)
    run = store.begin_run({})
    third = izyum_report(IZYUM_TEXT + " More.")
    with pytest.raises(RuntimeError, match="disk on fire"):
        store.write_batch([item(third)], [ReadFailure("bad.html", "not html")], run)
    after = store.counts()
    assert after == {**before, "runs": before["runs"] + 1}
    assert store.known_ids([third.id]) == set()
    # Earlier batches are intact, and the store is writable again.
    assert store.report(izyum.id) == izyum and store.report(kyiv.id) == kyiv
    monkeypatch.setattr(database, "insert_rows", real_insert)
    assert store.write_batch([item(third)], [], run).added == 1


def test_a_duckdb_error_in_a_batch_becomes_a_store_error(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(con: Any, table: Any, rows: Any) -> None:
        con.execute("SELECT * FROM no_such_table")

    monkeypatch.setattr(database, "insert_rows", broken)
    run = store.begin_run({})
    with pytest.raises(StoreError, match="nothing of it was stored"):
        store.write_batch([item(izyum_report())], [], run)
    assert store.counts()["documents"] == 0


def test_the_same_failure_in_the_same_run_is_stored_once(store: Store) -> None:
    first, second = store.begin_run({}), store.begin_run({})
    bad = ReadFailure("feeds/a.jsonl:3", "no text field")
    assert store.write_batch([], [bad, bad], first).failed == 1
    assert store.write_batch([], [ReadFailure(bad.origin, "again")], first).failed == 0
    assert store.write_batch([], [bad, ReadFailure("b.html", "empty")], second).failed == 2
    assert [(f.run_id, f.origin) for f in store.failures()] == [
        (first, "feeds/a.jsonl:3"),
        (second, "b.html"),
        (second, "feeds/a.jsonl:3"),
    ]
    assert [f.reason for f in store.failures(run_id=first)] == ["no text field"]


def test_writing_to_an_unknown_run_is_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="no run 'nope'"):
        store.write_batch([item(izyum_report())], [], "nope")
    with pytest.raises(StoreError, match="no run 'nope'"):
        store.finish_run("nope", {})


def test_runs_record_their_arguments_and_counts(store: Store) -> None:
    run = store.begin_run({"paths": ["a", "b"], "workers": 2})
    assert store.runs()[0].finished is None
    store.finish_run(run, {"seen": 3, "added": 2})
    (row,) = store.runs()
    assert row.id == run
    assert row.args == {"paths": ["a", "b"], "workers": 2}
    assert row.counts == {"added": 2, "seen": 3}
    assert row.finished is not None and row.started <= row.finished


# ------------------------------------------------------------------------- ids and spans


def test_records_get_global_ids_and_quotes_are_numbered_in_document_order(store: Store) -> None:
    _, izyum, _ = filled(store)
    doc = izyum.id
    assert [p.id for p in store.people() if p.doc_id == doc] == [f"{doc}:H1"]
    quotes = [q for q in store.quotes() if q.doc_id == doc]
    assert [q.id for q in quotes] == [f"{doc}:Q1", f"{doc}:Q2"]
    assert [q.text for q in quotes] == ['"This is our main hope."', '"We lost the whole family,"']
    assert [t.id for t in store.times() if t.doc_id == doc] == [f"{doc}:T1"]
    assert [f.id for f in store.figures() if f.doc_id == doc] == [f"{doc}:F1"]
    assert [e.id for e in store.events() if e.doc_id == doc] == [f"{doc}:E1"]


@pytest.mark.parametrize(
    ("table", "owner"),
    [
        ("place_mentions", "place_id"),
        ("person_mentions", "person_id"),
        ("organization_mentions", "organization_id"),
        ("event_evidence", "event_id"),
        ("quotes", "id"),
        ("times", "id"),
        ("figures", "id"),
    ],
)
def test_stored_spans_point_into_the_stored_text(
    store: Store, db: Path, table: str, owner: str
) -> None:
    filled(store)
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            f'SELECT d.text, t.{owner}, t.start, t."end", t.text FROM {table} t '
            "JOIN documents d ON d.id = t.doc_id"
        ).fetchall()
    finally:
        con.close()
    assert rows
    for text, record_id, start, end, covered in rows:
        assert record_id.startswith(content_id(text) + ":")
        assert text[start:end] == covered


# ------------------------------------------------------------------------- queries


def test_counts_cover_every_kind_of_record(store: Store) -> None:
    filled(store)
    assert store.counts() == {
        "documents": 2,
        "places": 4,
        "people": 2,
        "organizations": 2,
        "quotes": 3,
        "times": 2,
        "figures": 2,
        "events": 2,
        "failures": 0,
        "runs": 1,
    }


def test_documents_are_listed_by_id_with_their_record_counts(store: Store) -> None:
    _, izyum, kyiv = filled(store)
    rows = store.documents()
    assert [r.id for r in rows] == sorted([izyum.id, kyiv.id])
    by_id = {r.id: r for r in rows}
    row = by_id[izyum.id]
    assert (row.title, row.path, row.outlet, row.language) == (
        "Izyum hopes",
        "/reports/izyum.txt",
        "AFP",
        "en",
    )
    assert row.published is None and row.published_estimated
    assert row.published_window == ("2023-12-01", "2024-01-31")
    assert row.flags == ("estimated-date",)
    assert (row.places, row.people, row.quotes, row.events) == (1, 1, 2, 1)
    assert by_id[kyiv.id].published == "2024-02-05"
    assert len(store.documents(limit=1)) == 1


def test_report_accepts_a_unique_prefix_only(store: Store) -> None:
    run = store.begin_run({})
    reports = [
        Report(id=doc_id, source=Source(), language="en", published=Published(), text=text)
        for doc_id, text in [("abc1", "first report"), ("abc2", "second report")]
    ]
    store.write_batch([item(r) for r in reports], [], run)
    assert store.report("abc2") == reports[1]
    assert store.report("abc") is None  # ambiguous
    assert store.report("abd") is None
    assert store.report("") is None


def test_people_are_filtered_by_name_ignoring_case(store: Store) -> None:
    _, _, kyiv = filled(store)
    (row,) = store.people(name="onishchuk")
    assert (row.doc_id, row.name, row.age, row.mentions) == (kyiv.id, "Anastasia Onishchuk", 21, 2)
    (volodymyr,) = store.people(name="VOLOD")
    assert (volodymyr.place, volodymyr.role) == ("Izium", "resident")


def test_places_are_merged_by_gazetteer_id_across_reports(store: Store) -> None:
    filled(store)
    rows = {r.key: r for r in store.places()}
    izium = rows["geonames:707292"]
    assert (izium.name, izium.mentions, izium.documents) == ("Izium", 3, 2)
    assert (izium.lat, izium.country) == (49.207, "UA")
    assert rows["geonames:703448"].metonymic_mentions == 1
    unresolved = rows["name:kharkiv"]
    assert (unresolved.gazetteer_id, unresolved.mentions) == (None, 1)
    assert store.places()[0].key == "geonames:707292"  # most mentioned first


def test_quotes_name_their_speaker_and_filter_by_it(store: Store) -> None:
    _, _, kyiv = filled(store)
    assert {q.speaker for q in store.quotes()} == {"Volodymyr", "Anastasia Onishchuk"}
    (quote,) = store.quotes(speaker="anastasia")
    assert (quote.doc_id, quote.speaker_id, quote.cue, quote.direct) == (
        kyiv.id,
        f"{kyiv.id}:H1",
        "told",
        True,
    )
    assert len(store.quotes(speaker="volodymyr")) == 2


def test_events_resolve_place_and_claimant(store: Store) -> None:
    _, izyum, kyiv = filled(store)
    by_doc = {e.doc_id: e for e in store.events()}
    recapture = by_doc[izyum.id]
    assert (recapture.type, recapture.place, recapture.claimed_by) == ("recapture", "Izium", "AFP")
    assert recapture.actors == ("Ukraine: military",)
    assert recapture.evidence == ("Ukrainian forces retook Izyum in September 2022",)
    attack = by_doc[kyiv.id]
    assert (attack.killed, attack.modality, attack.claimed_by) == (2, "claim", "the governor")


def test_organizations_times_and_figures_are_listed_by_document(store: Store) -> None:
    _, izyum, kyiv = filled(store)
    expected_order = sorted([izyum.id, kyiv.id])
    assert [o.doc_id for o in store.organizations()] == expected_order
    assert {o.name for o in store.organizations()} == {"AFP", "Reuters"}
    times = {t.doc_id: t for t in store.times()}
    assert (times[kyiv.id].value, times[kyiv.id].anchor) == ("2024-02-05", "publication")
    figures = {f.doc_id: f for f in store.figures()}
    assert (figures[izyum.id].value, figures[izyum.id].place) == (7000.0, "Izium")


@pytest.mark.parametrize(
    ("query", "expected"),
    [("izyum", ["Izyum", "Izyum"]), ("TOLD", ["told", "told"]), ("nowhere", [])],
)
def test_search_finds_every_occurrence_ignoring_case(
    store: Store, query: str, expected: list[str]
) -> None:
    filled(store)
    hits = store.search(query)
    assert [h.match for h in hits] == expected
    texts = {r.id: r.text for r in store.iter_reports()}
    for hit in hits:
        assert texts[hit.doc_id][hit.start : hit.end] == hit.match
        assert hit.match in hit.snippet
    assert [(h.doc_id, h.start) for h in hits] == sorted((h.doc_id, h.start) for h in hits)


def test_search_stops_at_the_limit(store: Store) -> None:
    filled(store)
    assert len(store.search("e", limit=3)) == 3
    with pytest.raises(ValueError):
        store.search("")


def test_iter_reports_streams_every_report_in_id_order(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "ITER_PAGE", 2)
    run = store.begin_run({})
    reports = [izyum_report(IZYUM_TEXT + f" Update {n}.") for n in range(5)]
    store.write_batch([item(r) for r in reports], [], run)
    assert list(store.iter_reports()) == sorted(reports, key=lambda r: r.id)


def test_rows_serialise_to_plain_dicts(store: Store) -> None:
    filled(store)
    row = store.documents()[0].to_dict()
    assert isinstance(row["flags"], list) and isinstance(row["ingested_at"], str)
    assert store.runs()[0].to_dict()["args"] == {"paths": ["/reports"]}


# ------------------------------------------------------------------------- opening


def test_read_only_store_answers_queries_but_refuses_writes(store: Store, db: Path) -> None:
    run, izyum, _ = filled(store)
    reader = Store(db, read_only=True)
    assert reader.report(izyum.id) == izyum
    with pytest.raises(StoreError, match="opened read-only"):
        reader.begin_run({})
    with pytest.raises(StoreError, match="opened read-only"):
        reader.write_batch([], [], run)


def test_read_only_file_is_refused_for_writing_but_readable(store: Store, db: Path) -> None:
    _, izyum, _ = filled(store)
    os.chmod(db, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    with pytest.raises(StoreError, match=rf"{db.name} is read-only"):
        Store(db)
    with pytest.raises(StoreError, match="read-only"):
        store.begin_run({})
    assert Store(db, read_only=True).report(izyum.id) == izyum


@pytest.mark.parametrize(
    ("make_path", "read_only", "reason"),
    [
        (lambda tmp: tmp / "missing-folder" / "s.duckdb", False, "does not exist"),
        (lambda tmp: tmp, False, "directory"),
        (lambda tmp: tmp / "absent.duckdb", True, "no such file"),
        (lambda tmp: _garbage(tmp / "notes.duckdb"), False, "not a DuckDB database file"),
        (lambda tmp: _garbage(tmp / "notes.duckdb"), True, "not a DuckDB database file"),
    ],
)
def test_unopenable_path_raises_store_error_naming_file_and_reason(
    tmp_path: Path, make_path: Any, read_only: bool, reason: str
) -> None:
    path = make_path(tmp_path)
    with pytest.raises(StoreError, match=reason) as info:
        Store(path, read_only=read_only, lock_timeout_s=0.5)
    assert str(path) in str(info.value)


def _garbage(path: Path) -> Path:
    path.write_text("these are not the bytes of a database\n" * 200)
    return path


def _hold_write_lock(db: Path) -> subprocess.Popen[str]:
    """Another process holding the file open for writing until its stdin closes."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import sys, duckdb
            con = duckdb.connect({str(db)!r})
            print("ready", flush=True)
            sys.stdin.read()
        """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
    return holder


@pytest.mark.parametrize("read_only", [True, False])
def test_a_lock_held_too_long_raises_store_error_naming_the_holder(
    store: Store, db: Path, read_only: bool
) -> None:
    holder = _hold_write_lock(db)
    try:
        with pytest.raises(StoreError, match=rf"locked by another process \(pid {holder.pid}\)"):
            Store(db, read_only=read_only, lock_timeout_s=0.3)
        with pytest.raises(StoreError, match="locked"):
            store.counts() if read_only else store.begin_run({})
    finally:
        holder.communicate("")


@pytest.mark.parametrize("version", [1, 2])
def test_store_written_before_cross_document_linking_is_refused_with_what_to_do(
    store: Store, db: Path, version: int
) -> None:
    # 1: no cross-document tables; 2: events' lookup keys by month, not found by weeks.
    con = duckdb.connect(str(db))
    con.execute(f"UPDATE meta SET value = '{version}' WHERE key = 'schema_version'")
    con.close()
    for read_only in (False, True):
        with pytest.raises(StoreError, match=rf"schema version {version}\b.*re-ingest"):
            Store(db, read_only=read_only)


def test_every_stored_report_is_linked_in_the_same_write(store: Store, db: Path) -> None:
    filled(store)
    con = duckdb.connect(str(db), read_only=True)
    try:
        linked = con.execute(
            "SELECT count(*) FROM documents d JOIN story_members s ON s.doc_id = d.id"
        ).fetchone()
        people = con.execute(
            "SELECT count(*) FROM people h JOIN person_links l ON l.person_id = h.id"
        ).fetchone()
    finally:
        con.close()
    assert linked == (2,) and people == (2,)


def test_a_held_writer_is_let_go_after_each_write_while_releases_are_cheap(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = [100.0]
    monkeypatch.setattr(database.time, "monotonic", lambda: clock[0])
    run = store.begin_run({})
    with store.holding(release_after_s=0.0):
        store.write_batch([item(izyum_report())], [], run)
        assert store._held is None  # released: the last release cost nothing


@pytest.mark.parametrize(
    ("release_cost_s", "held_for_s", "still_held"),
    [
        (0.2, 1.5, True),  # a 0.2 s checkpoint earns 2 s of holding
        (0.2, 2.5, False),
        (60.0, database.MAX_HOLD_S - 0.5, True),  # however costly, readers wait at most
        (60.0, database.MAX_HOLD_S + 0.5, False),  # MAX_HOLD_S for the file
    ],
)
def test_a_costly_release_keeps_the_writer_held_longer_before_the_next(
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
    release_cost_s: float,
    held_for_s: float,
    still_held: bool,
) -> None:
    clock = [100.0]
    monkeypatch.setattr(database.time, "monotonic", lambda: clock[0])
    run = store.begin_run({})
    with store.holding(release_after_s=1.0):
        store.write_batch([item(izyum_report())], [], run)  # opens the writer at t=100
        store._release_cost_s = release_cost_s
        clock[0] += held_for_s
        store.write_batch([item(kyiv_report())], [], run)
        assert (store._held is not None) is still_held


def test_a_version_3_store_is_upgraded_in_place_and_its_reports_still_link(
    store: Store, db: Path
) -> None:
    filled(store)
    con = duckdb.connect(str(db))
    con.execute("ALTER TABLE doc_sketches DROP COLUMN facts_size")
    con.execute("ALTER TABLE doc_sketches DROP COLUMN facts_signature")
    con.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    con.close()
    assert Store(db, read_only=True).counts()["documents"] == 2  # readable before upgrade
    upgraded = Store(db)
    con = duckdb.connect(str(db), read_only=True)
    try:
        version = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        nulls = con.execute("SELECT count(*) FROM doc_sketches WHERE facts_size IS NULL").fetchone()
    finally:
        con.close()
    assert version == (str(SCHEMA_VERSION),) and nulls == (2,)
    text = IZYUM_TEXT + " Officials in Kharkiv said 12 more families came back on Friday."
    copy = Report(id=content_id(text), source=Source(path="/copy.txt"), language="en",
                  published=Published(), text=text)  # fmt: skip
    upgraded.write_batch([item(copy)], [], upgraded.begin_run({}))
    story = upgraded.story(copy.id)
    assert story is not None and {m.doc_id for m in story.members} >= {
        copy.id,
        content_id(IZYUM_TEXT),
    }
