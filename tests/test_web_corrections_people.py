"""Corrections to people and organizations: "not a person", "wrong role/age", "not an
organization". Stored like the others, applied to the store's queries and to the report
(hence every export), undoable, exported as JSON Lines.

A third hand-made report (no model) joins the two of ``test_web_corrections``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

from sitrep.export import export
from sitrep.records import (
    Event,
    Organization,
    Person,
    Place,
    Published,
    Quote,
    Relation,
    Report,
    Source,
    Span,
)
from sitrep.store import Store
from sitrep.store import corrections as fix
from sitrep.store.corrections import CorrectionError, NewCorrection
from test_web_corrections import IZYUM, build_store, span

TEXT_C = (
    '"The city stands," said Red Cross spokesman Ihor Terekhov, 56, in Izyum. '
    "Kharkiv Tractor Plant was hit overnight, the Red Cross said."
)
DOC_C = "c3c3c3c3c3c3c3c3"


def report_c() -> Report:
    t = TEXT_C
    hit = Span.of(t, t.index("Kharkiv Tractor Plant"), len(t))
    return Report(
        id=DOC_C, source=Source(path="c.txt", title="Izyum stands"), language="en",
        published=Published(date="2022-09-14"), text=t,
        places=(Place(id="P1", name="Izyum", mentions=(span(t, "Izyum"),), **IZYUM),),
        people=(
            Person(id="H1", name="Ihor Terekhov", mentions=(span(t, "Ihor Terekhov"),),
                   age=56, role="spokesman", affiliation="O1", place="P1",
                   relations=(Relation(type="member", of="O1"),)),
            # The extractor took the factory's name for a person's.
            Person(id="H2", name="Kharkiv Tractor", mentions=(span(t, "Kharkiv Tractor"),)),
        ),
        organizations=(
            Organization(id="O1", name="Red Cross", kind="ngo",
                         mentions=(span(t, "Red Cross"), span(t, "Red Cross", 1))),
            Organization(id="O2", name="Kharkiv Tractor Plant", kind="company",
                         mentions=(span(t, "Kharkiv Tractor Plant"),)),
        ),
        quotes=(Quote(span=span(t, "The city stands,"), speaker="H1",
                      speaker_text="Ihor Terekhov", speaker_span=span(t, "Ihor Terekhov"),
                      cue="said", relayed_by="O1"),),
        events=(Event(id="E1", type="shelling", place="P1", modality="claim", claimed_by="O1",
                      evidence=(hit,), confidence=0.6),),
    )  # fmt: skip


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("people") / "t.duckdb", (report_c(),)).path


@pytest.fixture()
def store(template: Path, tmp_path: Path) -> Store:
    path = tmp_path / "people.duckdb"
    shutil.copyfile(template, path)
    return Store(path)


def add(store: Store, kind: str, **fields: object) -> fix.Correction:
    new = NewCorrection(kind=kind, doc_id=DOC_C, **fields)  # type: ignore[arg-type]
    return fix.add(store.path, new, "tester")


def people(store: Store) -> dict[str, tuple[int | None, str | None, str | None]]:
    return {p.name: (p.age, p.role, p.affiliation) for p in store.people() if p.doc_id == DOC_C}


def report(store: Store) -> Report:
    found = store.report(DOC_C)
    assert found is not None
    return found


def at(words: str) -> dict[str, int]:
    start = TEXT_C.index(words)
    return {"start": start, "end": start + len(words)}


# ---------------------------------------------------------------------- not a person


@pytest.mark.parametrize("where", [{"target": "H2"}, at("Tractor")])
def test_not_a_person_removes_the_person_from_queries_and_the_report(
    store: Store, where: dict[str, object]
) -> None:
    correction = add(store, "not-a-person", **where)
    assert correction.target == f"{DOC_C}:H2"  # a selection names the person under it
    assert "Kharkiv Tractor" not in people(store) and "Ihor Terekhov" in people(store)
    assert store.person("Kharkiv Tractor") == []
    assert [h.id for h in report(store).people] == ["H1"]


def test_a_speaker_that_is_not_a_person_leaves_its_quotes_unattributed(store: Store) -> None:
    add(store, "not-a-person", target="H1")
    (quote,) = [q for q in store.quotes() if q.doc_id == DOC_C]
    assert quote.speaker_id is None and quote.speaker is None
    assert quote.speaker_text == "Ihor Terekhov"  # the words stay, the record goes
    (in_report,) = report(store).quotes
    assert in_report.speaker is None and in_report.speaker_text == "Ihor Terekhov"


# ---------------------------------------------------------------------- wrong role or age


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"role": "spokesperson"}, (56, "spokesperson")),
        ({"age": 65}, (65, "spokesman")),
        ({"role": "press officer", "age": 57}, (57, "press officer")),
        ({"age": None}, (None, "spokesman")),  # null clears what was extracted
    ],
)
def test_wrong_role_or_age_replaces_what_was_given(
    store: Store, value: dict[str, object], expected: tuple[int | None, str]
) -> None:
    add(store, "wrong-role-age", target="H1", value=value)
    assert people(store)["Ihor Terekhov"][:2] == expected
    (entity,) = store.person("Terekhov")  # across reports too
    assert entity.records[0].age == expected[0] and entity.records[0].role == expected[1]
    person = report(store).people[0]
    assert (person.age, person.role) == expected


def test_the_latest_role_correction_wins(store: Store) -> None:
    add(store, "wrong-role-age", target="H1", value={"role": "spokesperson"})
    add(store, "wrong-role-age", target="H1", value={"role": "director"})
    assert people(store)["Ihor Terekhov"][1] == "director"
    assert report(store).people[0].role == "director"


# ---------------------------------------------------------------------- not an organization


def test_not_an_organization_removes_it_and_every_reference(store: Store) -> None:
    add(store, "not-an-organization", target="O1")
    assert [o.name for o in store.organizations() if o.doc_id == DOC_C] == ["Kharkiv Tractor Plant"]
    assert people(store)["Ihor Terekhov"][2] is None  # affiliation
    found = report(store)
    assert [o.id for o in found.organizations] == ["O2"]
    assert found.people[0].affiliation is None and found.people[0].relations == ()
    assert found.quotes[0].relayed_by is None and found.events[0].claimed_by is None
    with duckdb.connect(str(store.path), read_only=True) as con:
        fix.shadow_tables(con)
        claimed = con.execute("SELECT claimed_by FROM events WHERE doc_id = ?", [DOC_C]).fetchall()
        relations = con.execute("SELECT count(*) FROM person_relations").fetchall()
        relayed = con.execute("SELECT relayed_by FROM quotes WHERE doc_id = ?", [DOC_C]).fetchall()
    assert claimed == [(None,)] and relations == [(0,)] and relayed == [(None,)]


# ---------------------------------------------------------------------- undo, refusals, export


@pytest.mark.parametrize(
    ("kind", "fields"),
    [
        ("not-a-person", {"target": "H1"}),
        ("wrong-role-age", {"target": "H1", "value": {"age": 60}}),
        ("not-an-organization", {"target": "O1"}),
    ],
)
def test_undo_gives_back_the_extracted_people_and_organizations(
    store: Store, kind: str, fields: dict[str, object]
) -> None:
    before = (people(store), store.organizations(), store.quotes(), report(store))
    correction = add(store, kind, **fields)
    assert (people(store), store.organizations(), store.quotes(), report(store)) != before
    fix.undo(store.path, correction.id, "reviewer")
    assert (people(store), store.organizations(), store.quotes(), report(store)) == before


@pytest.mark.parametrize(
    ("kind", "fields", "message"),
    [
        ("not-a-person", {"target": "O1"}, "no record 'O1'"),
        ("not-a-person", at("overnight"), "needs a target"),
        ("not-an-organization", {"target": "H1"}, "no record 'H1'"),
        ("wrong-role-age", {"target": "H1"}, "role and/or value.age"),
        ("wrong-role-age", {"target": "H1", "value": {"age": -1}}, "not a whole number"),
        ("wrong-role-age", {"target": "H1", "value": {"age": 400}}, "not a whole number"),
        ("wrong-role-age", {"target": "H1", "value": {"age": "old"}}, "not a whole number"),
        ("wrong-role-age", {"target": "H1", "value": {"role": "  "}}, "is not words"),
    ],
)
def test_a_people_correction_that_does_not_fit_is_refused(
    store: Store, kind: str, fields: dict[str, object], message: str
) -> None:
    with pytest.raises(CorrectionError, match=message):
        add(store, kind, **fields)


@pytest.mark.parametrize(
    ("kind", "fields"),
    [
        ("not-a-person", {"target": "H1"}),
        ("not-a-person", {"target": "H2"}),
        ("wrong-role-age", {"target": "H1", "value": {"role": "aide", "age": 40}}),
        ("not-an-organization", {"target": "O1"}),
        ("not-an-organization", {"target": "O2"}),
    ],
)
def test_sql_views_and_report_rewrite_agree_on_people_and_organizations(
    store: Store, kind: str, fields: dict[str, object]
) -> None:
    add(store, kind, **fields)
    in_sql = (
        sorted((p.id, p.name, p.age, p.role, p.mentions) for p in store.people()),
        sorted((o.id, o.name, o.mentions) for o in store.organizations()),
        sorted((q.id, q.speaker_id) for q in store.quotes()),
    )
    in_reports: tuple[list[object], list[object], list[object]] = ([], [], [])
    for r in store.iter_reports():
        in_reports[0].extend((f"{r.id}:{h.id}", h.name, h.age, h.role, len(h.mentions))
                             for h in r.people)  # fmt: skip
        in_reports[1].extend((f"{r.id}:{o.id}", o.name, len(o.mentions))
                             for o in r.organizations)  # fmt: skip
        ids = fix.numbered(r.quotes, "Q")
        in_reports[2].extend((f"{r.id}:{ids[id(q)]}", f"{r.id}:{q.speaker}" if q.speaker else None)
                             for q in r.quotes)  # fmt: skip
    assert in_sql == tuple(sorted(x) for x in in_reports)  # type: ignore[type-var]


def test_people_corrections_reach_the_jsonl_export_and_the_retraining_lines(
    store: Store, tmp_path: Path
) -> None:
    add(store, "not-a-person", **at("Kharkiv Tractor"))
    add(store, "wrong-role-age", target="H1", value={"age": 57})
    out = tmp_path / "reports.jsonl"
    export(store, "jsonl", out)
    reports = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert [(h["id"], h["age"]) for h in reports[DOC_C]["people"]] == [("H1", 57)]
    with duckdb.connect(str(store.path), read_only=True) as con:
        found = fix.list_corrections(con)
    lines = [json.loads(line) for line in fix.export_lines(found, {DOC_C: report_c()})]
    assert [line["kind"] for line in lines] == ["not-a-person", "wrong-role-age"]
    assert lines[0]["text"] == "Kharkiv Tractor"
    assert "Kharkiv Tractor Plant was hit" in lines[0]["context"]["text"]
    assert lines[1]["value"] == {"age": 57} and lines[1]["target"] == f"{DOC_C}:H1"
