"""The events in memory (web/index.py) answer first questions as SQL does, value for
value and byte for byte through the API: timelines (with a radius), event pages and
histograms, on a synthetic store and on the hand-made reports with corrections applied;
read once per data version, again after a correction."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient

from sitrep.corpus import queries as corpus
from sitrep.corpus.events import haversine_km
from sitrep.store import corrections as fix
from sitrep.store.corrections import NewCorrection
from sitrep.web import create_app, queries, readers
from sitrep.web.index import EventIndex, Unsupported
from sitrep.web.readers import SharedReader, SharedStore
from test_web_corrections import DOC_A, IZYUM, KUPIANSK, build_store
from test_web_readers import _web_store

EF = queries.EventFilter
FILTERS = [
    EF(),
    EF(types=("shelling", "airstrike")),
    EF(date_from="2022-09-11"),
    EF(date_to="2023-06-30", date_from="2023-01-01"),
    EF(place="Izyum"),
    EF(place="town 3"),
    EF(place="geonames:900004", types=("shelling",)),
    EF(place="Izyum", radius_km=60.0),
    EF(place="Town 3", radius_km=300.0),
    EF(place="Nowhere"),
    EF(actor="russia"),
    EF(actor="Military", date_from="2022-01-01"),
    EF(doc_id=DOC_A),
    EF(bbox=(30.0, 45.0, 40.0, 52.0)),
    EF(bbox=(37.0, 49.0, 37.5, 49.5), types=("shelling",)),
]
PLACES = ["Izyum", "izyum", "Kupiansk", "geonames:704147", "Springfield", "Town 3", "Town 4",
          "geonames:900011", "Nowhere"]  # fmt: skip
RADII = [None, 0.0, 60.0, 300.0]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """200 synthetic events over 20 towns (bench/web_store.py)."""
    path: Path = _web_store().build(tmp_path_factory.mktemp("idx") / "syn.duckdb", 200)
    return path


@pytest.fixture(scope="module")
def desk_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("idx-desk") / "desk.duckdb").path


@pytest.fixture()
def desk(desk_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "desk.duckdb"
    shutil.copyfile(desk_template, path)
    return path


@pytest.fixture(scope="module", params=["synthetic", "desk_template"])
def both(request: pytest.FixtureRequest) -> Iterator[tuple[duckdb.DuckDBPyConnection, EventIndex]]:
    """A connection to a store and its events in memory (read once: the store is not
    changed here)."""
    path = request.getfixturevalue(request.param)
    with queries.reader(path) as connection:
        yield connection, EventIndex(connection, 1)


def correct(path: Path, kind: str, **fields: object) -> None:
    new = NewCorrection(kind=kind, doc_id=str(fields.pop("doc_id", DOC_A)), **fields)  # type: ignore[arg-type]
    fix.add(path, new, "tester")


# ---------------------------------------------------------------------- same answers


@pytest.mark.parametrize("radius_km", RADII)
@pytest.mark.parametrize("place", PLACES)
def test_a_timeline_from_memory_is_the_sql_timeline(
    both: tuple[duckdb.DuckDBPyConnection, EventIndex], place: str, radius_km: float | None
) -> None:
    con, index = both
    assert index.timeline(place, radius_km) == corpus.timeline(con, place, radius_km=radius_km)


@pytest.mark.parametrize("offset", [0, 3, 95])
@pytest.mark.parametrize("f", FILTERS)
def test_an_events_page_from_memory_is_the_sql_page(
    both: tuple[duckdb.DuckDBPyConnection, EventIndex], f: queries.EventFilter, offset: int
) -> None:
    con, index = both
    assert index.events(f, limit=10, offset=offset) == queries.events(
        con, f, limit=10, offset=offset
    )


@pytest.mark.parametrize("bucket", ["day", "week", "month"])
@pytest.mark.parametrize("f", FILTERS)
def test_a_histogram_from_memory_is_the_sql_histogram(
    both: tuple[duckdb.DuckDBPyConnection, EventIndex], f: queries.EventFilter, bucket: str
) -> None:
    con, index = both
    assert index.histogram(f, bucket) == queries.histogram(con, f, bucket)


CORRECTIONS = [
    ("not-an-event", {"target": "E2"}),
    ("wrong-date", {"target": "E1", "value": {"date": "2022-09-01"}}),
    ("wrong-place", {"target": "P3", "value": {**IZYUM, "gazetteer_id": "geonames:1"}}),
    ("not-a-place", {"target": "P2"}),
    ("add-place", {"start": 0, "end": 9, "value": KUPIANSK}),
]


@pytest.mark.parametrize(("kind", "fields"), CORRECTIONS, ids=[c[0] for c in CORRECTIONS])
def test_corrected_events_in_memory_are_the_corrected_sql_answers(
    desk: Path, kind: str, fields: dict[str, object]
) -> None:
    correct(desk, kind, **fields)
    with queries.reader(desk) as con:
        index = EventIndex(con, 1)
        for place in ("Izyum", "Kupiansk", "Springfield"):
            assert index.timeline(place, 60.0) == corpus.timeline(con, place, radius_km=60.0)
        for f in (EF(), EF(place="Izyum", radius_km=60.0), EF(date_from="2022-09-11")):
            assert index.events(f, limit=50, offset=0) == queries.events(con, f, limit=50, offset=0)
            assert index.histogram(f, "week") == queries.histogram(con, f, "week")


# ---------------------------------------------------------------------- what SQL answers


@pytest.mark.parametrize("ask", [
    lambda index: index.timeline("Izjum\u0307"),
    lambda index: index.events(EF(actor="Росія"), limit=5, offset=0),
    lambda index: index.histogram(EF(place="İzyum"), "day"),
])  # fmt: skip
def test_names_that_duckdb_lowers_its_own_way_are_left_to_sql(desk: Path, ask: object) -> None:
    with queries.reader(desk) as con:
        index = EventIndex(con, 1)
    with pytest.raises(Unsupported):
        ask(index)  # type: ignore[operator]


def test_a_radius_on_an_events_edge_is_left_to_sql(desk: Path) -> None:
    edge = haversine_km(IZYUM["lat"], IZYUM["lon"], KUPIANSK["lat"], KUPIANSK["lon"])  # type: ignore[arg-type]
    with queries.reader(desk) as con:
        index = EventIndex(con, 1)
    with pytest.raises(Unsupported):
        index.events(EF(place="Izyum", radius_km=edge), limit=5, offset=0)
    # a kilometre either side is answered from memory
    assert index.events(EF(place="Izyum", radius_km=edge + 1), limit=5, offset=0)[0] == 3
    assert index.events(EF(place="Izyum", radius_km=edge - 1), limit=5, offset=0)[0] == 2


# ---------------------------------------------------------------------- once per version


@pytest.fixture()
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Trust a file's stamp at once: a file written within RACY_S otherwise gets a new
    version at each look (test_web_readers.py tests that), and more readings here."""
    monkeypatch.setattr(readers, "RACY_S", 0.0)


@pytest.mark.usefixtures("settled")
def test_the_events_are_read_once_per_data_version(desk: Path) -> None:
    store = SharedStore(SharedReader(desk, timeout_s=20))
    first = store.event_index(wait=True)
    assert first is not None
    for _ in range(5):
        assert store.event_index() is first
    assert store.index_builds == 1
    with store.writing():
        fix.add(desk, NewCorrection(kind="not-an-event", doc_id=DOC_A, target="E2"), "tester")
    assert store.event_index() is not first  # being read again: SQL answers meanwhile
    second = store.event_index(wait=True)
    assert second is not None and second.version > first.version
    assert store.index_builds == 2
    assert (
        second.events(EF(), limit=10, offset=0)[0] == first.events(EF(), limit=10, offset=0)[0] - 1
    )
    store.close()


@pytest.mark.usefixtures("settled")
def test_a_store_that_keeps_changing_is_not_read_again_at_once(
    desk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(readers, "INDEX_GAP", 1e6)
    store = SharedStore(SharedReader(desk, timeout_s=20))
    assert store.event_index(wait=True) is not None
    with store.writing():
        fix.add(desk, NewCorrection(kind="not-an-event", doc_id=DOC_A, target="E2"), "tester")
    for _ in range(3):
        assert store.event_index() is None  # SQL answers: no reading started
    assert store.index_builds == 1
    assert store.event_index(wait=True) is not None  # unless asked to wait for it
    assert store.index_builds == 2
    store.close()


def test_a_store_without_the_index_answers_from_sql(desk: Path) -> None:
    store = SharedStore(SharedReader(desk, timeout_s=20), use_index=False)
    assert store.event_index(wait=True) is None
    store.close()


# ---------------------------------------------------------------------- through the API

PATHS = [
    "/api/timeline?place=Izyum",
    "/api/timeline?place=Izyum&radius_km=60",
    "/api/timeline?place=Kupiansk&type=shelling&date_from=2022-09-01",
    "/api/timeline?place=geonames:4409896",
    "/api/timeline?place=Nowhere",
    "/api/events?limit=2&offset=1",
    "/api/events?place=Izyum&radius_km=60&date_from=2022-09-11",
    "/api/events?actor=russia&type=shelling",
    "/api/events/histogram?bucket=month",
    "/api/events/histogram?bucket=week&place=Izyum",
]


@pytest.mark.usefixtures("settled")
@pytest.mark.parametrize("corrected", [False, True])
def test_the_api_answers_byte_for_byte_as_from_sql(desk: Path, corrected: bool) -> None:
    if corrected:
        correct(desk, "wrong-date", target="E1", value={"date": "2022-09-01"})
        correct(desk, "not-a-place", target="P2")
    memory, sql = create_app(desk), create_app(desk)
    sql.state.store.use_index = False
    with TestClient(memory) as fast, TestClient(sql) as slow:
        assert memory.state.store.event_index(wait=True) is not None
        for path in PATHS:
            a, b = fast.get(path), slow.get(path)
            assert (a.status_code, a.content) == (b.status_code, b.content), path
        assert memory.state.store.index_builds == 1
