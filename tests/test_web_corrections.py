"""Analysts' corrections: stored, applied to every query and export, undoable.

The store is built from hand-made reports (no model), so each rule is checked exactly.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import duckdb
import pytest

from sitrep.export import export
from sitrep.ingest.document import RawDocument
from sitrep.records import (
    Event,
    Figure,
    Person,
    Place,
    Published,
    Quote,
    Report,
    Source,
    Span,
    TimeExpression,
)
from sitrep.store import Store
from sitrep.store import corrections as fix
from sitrep.store.corrections import CorrectionError, NewCorrection

TEXT_A = (
    "Ukrainian forces recaptured Izyum on 10 September 2022, the ministry said. "
    '"We will rebuild," said Mayor Valerii Marchenko. '
    "Shelling hit Kupiansk on 12 September 2022, killing 3 people. "
    "Springfield residents fled."
)
TEXT_B = "Izyum was shelled again on 20 September 2022, officials said."
DOC_A = "a1a1a1a1a1a1a1a1"
DOC_B = "b2b2b2b2b2b2b2b2"
IZYUM = {"gazetteer_id": "geonames:707292", "lat": 49.207, "lon": 37.277, "country": "UA",
         "admin1": "Kharkiv Oblast", "kind": "city"}  # fmt: skip
KUPIANSK = {"gazetteer_id": "geonames:704147", "lat": 49.71, "lon": 37.61, "country": "UA",
            "admin1": "Kharkiv Oblast", "kind": "city"}  # fmt: skip
SPRINGFIELD = {"gazetteer_id": "geonames:4409896", "lat": 37.215, "lon": -93.298,
               "country": "US", "admin1": "Missouri", "kind": "city"}  # fmt: skip


def span(text: str, words: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Span.of(text, start, start + len(words))


def report_a() -> Report:
    t = TEXT_A
    sentence = Span.of(t, 0, t.index(" the ministry"))
    shelling = Span.of(t, t.index("Shelling"), t.index(" Springfield"))
    return Report(
        id=DOC_A, source=Source(path="a.txt", outlet="Example Wire", title="Izyum retaken"),
        language="en", published=Published(date="2022-09-13"), text=t,
        places=(
            Place(id="P1", name="Izyum", mentions=(span(t, "Izyum"),), **IZYUM),
            Place(id="P2", name="Kupiansk", mentions=(span(t, "Kupiansk"),), **KUPIANSK),
            Place(id="P3", name="Springfield", mentions=(span(t, "Springfield"),), **SPRINGFIELD),
        ),
        people=(Person(id="H1", name="Valerii Marchenko", mentions=(span(t, "Valerii Marchenko"),),
                       role="mayor"),),
        times=(TimeExpression(span=span(t, "10 September 2022"), value="2022-09-10"),
               TimeExpression(span=span(t, "12 September 2022"), value="2022-09-12")),
        quotes=(Quote(span=span(t, "We will rebuild,")),),
        figures=(Figure(span=span(t, "3"), value=3.0, unit="people", quantity="killed",
                        place="P2"),),
        events=(
            Event(id="E1", type="recapture", date="2022-09-10", date_precision="day",
                  place="P1", actors=("Ukraine: military",), evidence=(sentence,),
                  confidence=0.8),
            Event(id="E2", type="shelling", date="2022-09-12", date_precision="day",
                  place="P2", actors=("Russia: military",), killed=3, evidence=(shelling,),
                  confidence=0.7),
        ),
    )  # fmt: skip


def report_b() -> Report:
    t = TEXT_B
    return Report(
        id=DOC_B, source=Source(path="b.txt", title="Izyum shelled"), language="en",
        published=Published(date="2022-09-21"), text=t,
        places=(Place(id="P1", name="Izyum", mentions=(span(t, "Izyum"),), **IZYUM),),
        times=(TimeExpression(span=span(t, "20 September 2022"), value="2022-09-20"),),
        events=(Event(id="E1", type="shelling", date="2022-09-20", date_precision="day",
                      place="P1", actors=("Russia: military",),
                      evidence=(Span.of(t, 0, len(t)),), confidence=0.7),),
    )  # fmt: skip


def build_store(path: Path, extra: tuple[Report, ...] = ()) -> Store:
    """A store with the two hand-made reports (and ``extra``), linked as ingest links them."""
    store = Store(path)
    run = store.begin_run({"test": True})
    items = [
        (RawDocument(text=r.text, origin=r.source.path or r.id, path=r.source.path), r)
        for r in (report_a(), report_b(), *extra)
    ]
    store.write_batch(items, [], run)
    return store


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("desk") / "template.duckdb").path


@pytest.fixture()
def store(template: Path, tmp_path: Path) -> Store:
    """A fresh copy of the built store for each test (building and linking costs more)."""
    path = tmp_path / "desk.duckdb"
    shutil.copyfile(template, path)
    return Store(path)


def add(store: Store, kind: str, **fields: object) -> fix.Correction:
    new = NewCorrection(kind=kind, doc_id=str(fields.pop("doc_id", DOC_A)), **fields)  # type: ignore[arg-type]
    return fix.add(store.path, new, "tester")


def place_names(store: Store) -> dict[str, int]:
    return {p.name: p.mentions for p in store.places()}


def start_of(words: str) -> dict[str, int]:
    at = TEXT_A.index(words)
    return {"start": at, "end": at + len(words)}


# ---------------------------------------------------------------------- not a place


@pytest.mark.parametrize(
    "how",
    [{"target": "P3"}, {"target": f"{DOC_A}:P3"}, start_of("Springfield"), start_of("Springf")],
    ids=["local-id", "global-id", "selected-words", "part-of-the-words"],
)
def test_not_a_place_removes_springfield_from_every_query(
    store: Store, how: dict[str, object]
) -> None:
    assert "Springfield" in place_names(store)
    add(store, "not-a-place", **how)
    assert "Springfield" not in place_names(store)
    report = store.report(DOC_A)
    assert report is not None and [p.id for p in report.places] == ["P1", "P2"]


def test_a_place_that_loses_its_only_mention_leaves_its_events_and_figures(store: Store) -> None:
    add(store, "not-a-place", target="P2")
    events = {e.id: e for e in store.events()}
    assert events[f"{DOC_A}:E2"].place is None and events[f"{DOC_A}:E1"].place == "Izyum"
    assert [f.place for f in store.figures() if f.doc_id == DOC_A] == [None]
    report = store.report(DOC_A)
    assert report is not None
    assert [e.place for e in report.events] == ["P1", None]
    assert report.figures[0].place is None


# ---------------------------------------------------------------------- wrong place, add place


def test_wrong_place_moves_the_place_in_queries_report_and_geojson(
    store: Store, tmp_path: Path
) -> None:
    add(store, "wrong-place", target="P3", value={**IZYUM, "gazetteer_id": "geonames:1"})
    moved = {p.name: p for p in store.places()}["Springfield"]
    assert (moved.gazetteer_id, moved.country) == ("geonames:1", "UA")
    out = tmp_path / "map.geojson"
    export(store, "geojson", out)
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    spring = [f for f in features if f["properties"].get("name") == "Springfield"]
    assert spring and spring[0]["geometry"]["coordinates"] == [IZYUM["lon"], IZYUM["lat"]]


def test_add_place_turns_the_selected_words_into_a_place(store: Store) -> None:
    correction = add(store, "add-place", **start_of("Ukrainian forces"), value=KUPIANSK)
    assert place_names(store)["Kupiansk"] == 2  # the extracted mention and the added one
    report = store.report(DOC_A)
    assert report is not None
    added = report.places[-1]
    assert (added.id, added.name) == (f"PC{correction.id}", "Ukrainian forces")
    assert TEXT_A[added.mentions[0].start : added.mentions[0].end] == added.mentions[0].text


# ---------------------------------------------------------------------- quotes, dates, events


def test_quote_speaker_names_the_person_under_the_selection(store: Store) -> None:
    add(store, "quote-speaker", target="Q1", **start_of("Valerii Marchenko"))
    (quote,) = [q for q in store.quotes() if q.doc_id == DOC_A]
    assert (quote.speaker, quote.speaker_text) == ("Valerii Marchenko", "Valerii Marchenko")
    report = store.report(DOC_A)
    assert report is not None and report.quotes[0].speaker == "H1"
    assert report.quotes[0].speaker_span == span(TEXT_A, "Valerii Marchenko")


@pytest.mark.parametrize(("value", "precision"), [("2022-08-30", "day"), ("2022-08", "month")])
def test_wrong_date_redates_the_event_in_queries_timeline_and_acled(
    store: Store, tmp_path: Path, value: str, precision: str
) -> None:
    add(store, "wrong-date", target="E1", value={"date": value})
    event = {e.id: e for e in store.events()}[f"{DOC_A}:E1"]
    assert (event.date, event.date_precision) == (value, precision)
    timeline = store.timeline("Izyum")
    assert timeline is not None
    entry = next(e for e in timeline.entries if e.kind == "event" and e.what == "recapture")
    assert entry.date is not None and entry.date.startswith("2022-08")
    out = tmp_path / "acled.csv"
    export(store, "acled-csv", out)
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    (recapture,) = [r for r in rows if r["notes"].startswith("Ukrainian forces recaptured")]
    assert recapture["event_date"].startswith("2022-08")


def test_wrong_date_of_a_time_expression_changes_its_value(store: Store) -> None:
    add(store, "wrong-date", target="T2", value={"date": "2022-09-11"})
    values = [t.value for t in store.times() if t.doc_id == DOC_A]
    assert values == ["2022-09-10", "2022-09-11"]
    report = store.report(DOC_A)
    assert report is not None and [t.value for t in report.times] == ["2022-09-10", "2022-09-11"]


def test_not_an_event_leaves_it_out_of_queries_and_exports(store: Store, tmp_path: Path) -> None:
    add(store, "not-an-event", target="E2")
    assert f"{DOC_A}:E2" not in {e.id for e in store.events()}
    out = tmp_path / "out.jsonl"
    export(store, "jsonl", out)
    reports = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert [e["id"] for e in reports[DOC_A]["events"]] == ["E1"]


# ---------------------------------------------------------------------- undo, refusals, export


def test_undo_gives_back_what_was_extracted(store: Store) -> None:
    before = place_names(store)
    correction = add(store, "not-a-place", target="P3")
    undone = fix.undo(store.path, correction.id, "reviewer")
    assert undone.undone and undone.undone_by == "reviewer"
    assert place_names(store) == before
    with pytest.raises(CorrectionError, match="already undone"):
        fix.undo(store.path, correction.id, "reviewer")


@pytest.mark.parametrize(
    ("kind", "fields", "message"),
    [
        ("not-a-town", {"target": "P1"}, "unknown correction kind"),
        ("not-a-place", {"start": 5, "end": 9999}, "outside the report"),
        ("not-a-place", {"start": 5}, "both start and end"),
        ("not-a-place", {"target": "E1"}, "no record 'E1'"),
        ("not-a-place", {"target": "P9"}, "no record 'P9'"),
        ("not-a-place", {"target": f"{DOC_B}:P1"}, "is not in report"),
        ("not-a-place", {}, "needs a target"),
        ("wrong-date", {"target": "E1", "value": {"date": "next week"}}, "is not a date"),
        ("wrong-place", {"target": "P1", "value": {"gazetteer_id": "x"}}, "coordinates"),
        ("wrong-place", {"target": "P1", "value": {**IZYUM, "lat": 123}}, "not on Earth"),
        ("add-place", {"value": IZYUM}, "needs the selected words"),
        ("not-a-place", {"doc_id": "ffff", "target": "P1"}, "no report 'ffff'"),
    ],
)
def test_a_correction_that_does_not_fit_the_report_is_refused(
    store: Store, kind: str, fields: dict[str, object], message: str
) -> None:
    with pytest.raises(CorrectionError, match=message):
        add(store, kind, **fields)


def test_export_lines_carry_the_sentence_around_the_selection(store: Store) -> None:
    add(store, "not-a-place", **start_of("Springfield"))
    with duckdb.connect(str(store.path), read_only=True) as con:
        found = fix.list_corrections(con)
    (line,) = list(fix.export_lines(found, {DOC_A: report_a()}))
    data = json.loads(line)
    assert data["kind"] == "not-a-place" and data["text"] == "Springfield"
    assert "Springfield residents fled." in data["context"]["text"]


def test_a_store_without_corrections_reads_exactly_as_before(tmp_path: Path) -> None:
    store = build_store(tmp_path / "plain.duckdb")
    reader = Store(store.path, read_only=True)
    assert reader.report(DOC_A) == report_a()
    with duckdb.connect(str(store.path), read_only=True) as con:
        assert fix.list_corrections(con) == [] and not fix.shadow_tables(con)


@pytest.mark.parametrize(
    ("kind", "fields"),
    [
        ("not-a-place", {"target": "P2"}),
        ("not-a-place", start_of("Izyum")),
        ("wrong-place", {"target": "P3", "value": KUPIANSK}),
        ("add-place", {**start_of("residents"), "value": SPRINGFIELD}),
    ],
)
def test_sql_views_and_report_rewrite_agree_on_places(
    store: Store, kind: str, fields: dict[str, object]
) -> None:
    add(store, kind, **fields)
    in_sql = {p.key: p.mentions for p in store.places()}
    in_reports: dict[str, int] = {}
    for report in store.iter_reports():
        for place in report.places:
            key = place.gazetteer_id or f"name:{place.name.lower()}"
            in_reports[key] = in_reports.get(key, 0) + len(place.mentions)
    assert in_sql == in_reports
