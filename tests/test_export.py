"""Exports of a real DuckDB store: ACLED CSV, GeoJSON and Parquet (reports built by hand)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pytest

from sitrep.export import export, writers
from sitrep.export.acled_csv import (
    COLUMNS,
    acled_actor,
    acled_date,
    acled_row,
    event_id_cnty,
)
from sitrep.ingest.document import RawDocument
from sitrep.records import Event, Organization, Place, Published, Report, Source, Span
from sitrep.store import Store

TEXT = (
    "Ukrainian forces recaptured Izyum in September 2022, the ministry said. "
    "Russian troops may attack Izyum again."
)


def _report() -> Report:
    recapture = Span.of(TEXT, 0, TEXT.index(" Russian"))
    threat = Span.of(TEXT, TEXT.index("Russian"), len(TEXT))
    izyum = Place(id="P1", name="Izium", mentions=(Span.of(TEXT, 28, 33),),
                  gazetteer_id="geonames:707292", lat=49.207, lon=37.277, country="UA",
                  admin1="Kharkiv Oblast", kind="city", confidence=0.9)  # fmt: skip
    events = (
        Event(id="E1", type="recapture", date="2022-09", date_precision="month", place="P1",
              actors=("Ukraine: military",), modality="claim", claimed_by="O1",
              evidence=(recapture,), confidence=0.8),
        Event(id="E2", type="attack", place="P1", actors=("Russia: military",),
              modality="hypothetical", evidence=(threat,), confidence=0.4),
    )  # fmt: skip
    return Report(
        id="r1", source=Source(path="izyum.txt", outlet="Example Wire"), language="en",
        published=Published(), text=TEXT, places=(izyum,), events=events,
        organizations=(Organization(id="O1", name="the ministry", mentions=()),),
    )  # fmt: skip


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    db = Store(tmp_path / "s.duckdb")
    run = db.begin_run({})
    db.write_batch([(RawDocument(text=TEXT, origin="izyum.txt", path="izyum.txt"), _report())],
                   [], run)  # fmt: skip
    return db


def test_every_format_is_registered() -> None:
    assert {"acled-csv", "geojson", "parquet", "jsonl"} <= set(writers())


def test_acled_csv_has_acleds_columns_and_only_what_happened(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    assert export(store, "acled-csv", out) == 1  # the hypothetical attack is left out
    with out.open(encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == COLUMNS
        (row,) = list(reader)
    assert (row["event_type"], row["sub_event_type"]) == ("Battles", "Government regains territory")
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2022-09-01", "2022", "3")
    assert (row["country"], row["iso"], row["location"]) == ("Ukraine", "804", "Izium")
    assert (row["actor1"], row["inter1"], row["interaction"]) == (
        "Military Forces of Ukraine",
        "1",
        "10",
    )
    assert row["event_id_cnty"] == "UA-r1-E1"
    assert row["region"] == "Europe" and row["geo_precision"] == "1"
    assert row["notes"].startswith("Ukrainian forces recaptured Izyum")
    assert row["source"] == "Example Wire" and row["fatalities"] == "0"
    assert "claimed_by=the ministry" in row["tags"]


def test_geojson_has_events_and_places_as_points(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "map.geojson"
    export(store, "geojson", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    kinds = [f["properties"]["kind"] for f in data["features"]]
    assert data["type"] == "FeatureCollection" and kinds == ["event", "event", "place"]
    event = data["features"][0]
    assert event["geometry"] == {"type": "Point", "coordinates": [37.277, 49.207]}
    assert event["properties"]["modality"] == "claim"


def test_parquet_holds_the_reports_with_nested_events(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "reports.parquet"
    assert export(store, "parquet", out) == 1
    rows = duckdb.sql(
        f"SELECT e.type, e.date FROM (SELECT unnest(events) AS e FROM '{out}') ORDER BY 1"
    ).fetchall()
    assert rows == [("attack", None), ("recapture", "2022-09")]
    assert not out.with_name(out.name + ".jsonl").exists()


@pytest.mark.parametrize("fmt", ["acled-csv", "geojson", "parquet"])
def test_an_empty_store_exports_an_empty_file(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"empty.{fmt}"
    assert export(Store(tmp_path / "e.duckdb"), fmt, out) == 0
    assert out.exists()


# ----------------------------------------------------------------------- ACLED's codebook

ACLED_CODEBOOK_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
]  # fmt: skip


def test_the_columns_are_acleds_31_in_codebook_order() -> None:
    assert list(COLUMNS) == ACLED_CODEBOOK_COLUMNS


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2024-05-13", "2024-05-13"),
        ("2019-03-14TNI", "2019-03-14"),
        ("2024-W19", "2024-05-06"),  # the Monday of ISO week 19
        ("2024-W19-WE", "2024-05-11"),  # the Saturday of its weekend
        ("2022-09", "2022-09-01"),
        ("2022-SU", "2022-06-01"),
        ("2022", "2022-01-01"),
        ("202", None),
        (None, None),
    ],
)
def test_event_dates_become_the_day_acled_codes(value: str | None, day: str | None) -> None:
    found = acled_date(value)
    assert (found.isoformat() if found else None) == day


@pytest.mark.parametrize(
    ("actor", "name"),
    [
        ("Ukraine: military", "Military Forces of Ukraine"),
        ("Russia: police", "Police Forces of Russia"),
        ("Syria: government", "Government of Syria"),
        ("Wagner", "Wagner"),
    ],
)
def test_sides_take_acleds_actor_names(actor: str, name: str) -> None:
    assert acled_actor(actor) == name


def _row(event: Event, country: str = "UA") -> dict[str, object]:
    place = Place(id="P1", name="Izium", mentions=(Span.of(TEXT, 28, 33),), lat=49.2,
                  lon=37.3, country=country, kind="city")  # fmt: skip
    report = Report(id="r1", source=Source(path="x.txt"), language="en", published=Published(),
                    text=TEXT, places=(place,), events=(event,))  # fmt: skip
    return acled_row(report, event, place, 0)


@pytest.mark.parametrize(
    ("actors", "targets", "inters", "interaction"),
    [
        (("Ukraine: military",), (), (1, ""), 10),  # sole military action
        (("Russia: military",), (), (8, ""), 80),  # foreign forces: external
        (("Ukraine: military",), ("Russia: military",), (1, 8), 18),
        (("Russia: military",), ("civilians",), (8, 7), 78),
    ],
)
def test_inter_codes_and_interaction_follow_the_codebook(
    actors: tuple[str, ...], targets: tuple[str, ...], inters: tuple[object, object],
    interaction: int,
) -> None:  # fmt: skip
    event = Event(id="E1", type="shelling", place="P1", actors=actors, targets=targets,
                  evidence=(Span.of(TEXT, 0, 10),))  # fmt: skip
    row = _row(event)
    assert (row["inter1"], row["inter2"], row["interaction"]) == (*inters, interaction)
    assert row["civilian_targeting"] == ("Civilian targeting" if "civilians" in targets else "")


def test_a_week_date_is_coded_with_time_precision_2() -> None:
    event = Event(id="E1", type="displacement", date="2024-W19-WE", date_precision="week",
                  place="P1", evidence=(Span.of(TEXT, 0, 10),))  # fmt: skip
    row = _row(event, country="SD")
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2024-05-11", 2024, 2)
    assert (row["region"], row["country"]) == ("Northern Africa", "Sudan")
    assert row["event_id_cnty"] == "SD-r1-E1"


def test_event_ids_are_stable_and_traceable_to_the_report() -> None:
    first = event_id_cnty("UA", "r1", "E1")
    assert first == event_id_cnty("UA", "r1", "E1") == "UA-r1-E1"
    assert first != event_id_cnty("UA", "r1", "E2") != event_id_cnty("UA", "r2", "E1")
    assert event_id_cnty(None, "r1", "E1") == "XX-r1-E1"
