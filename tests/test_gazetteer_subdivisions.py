"""Countries' subdivisions by ISO 3166-2 in the default gazetteer (gazetteer.subdivisions)."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.gazetteer import Gazetteer
from sitrep.gazetteer.subdivisions import load_subdivisions, subdivision_entries
from sitrep.ingest.document import RawDocument
from sitrep.resources import Resources
from sitrep.stages import pipeline


def _unit(
    name: str, kind: str, others: str | None = None, parent: str | None = None
) -> dict[str, Any]:
    return {"name": name, "type": kind, "localOtherName": others, "parentCode": parent,
            "latLng": [1.5, 2.5]}  # fmt: skip


def _entries(
    table: dict[str, dict[str, dict[str, Any]]], known: dict[str, dict[str, str]] | None = None
):  # type: ignore[no-untyped-def]
    entries, further = subdivision_entries(table, known or {})
    return {c.gazetteer_id: (c, set(aliases)) for c, aliases in entries}, further


# ----------------------------------------------------------------------------- the table


def test_a_unit_the_country_lacks_is_a_region_named_with_its_type() -> None:
    entries, _ = _entries({"VU": {"VU-SEE": _unit("Shéfa", "Province", "Shefa (eng)")}})
    candidate, aliases = entries["iso3166-2:VU-SEE"]
    assert (candidate.name, candidate.country, candidate.kind) == ("Shéfa Province", "VU", "region")
    assert (candidate.lat, candidate.lon, candidate.feature_code) == (1.5, 2.5, "ADM1")
    assert {"Shéfa", "Shéfa Province", "Shefa", "Shefa Province"} <= aliases


def test_a_second_level_unit_is_adm2_within_its_parent() -> None:
    table = {"MA": {"MA-07": _unit("Marrakech-Safi", "Region"),
                    "MA-HAO": _unit("Al Haouz", "Province", parent="MA-07")}}  # fmt: skip
    entries, _ = _entries(table)
    candidate, _aliases = entries["iso3166-2:MA-HAO"]
    assert (candidate.name, candidate.feature_code) == ("Al Haouz Province", "ADM2")
    assert candidate.admin1 == "Marrakech-Safi Region"


def test_a_unit_the_country_has_only_lends_its_typed_name() -> None:
    known = {"BD": {"sylhet": "geonames-admin1:BD.86"}}
    entries, further = _entries({"BD": {"BD-G": _unit("Sylhet", "Division")}}, known)
    assert entries == {}
    assert further == {"geonames-admin1:BD.86": {"Sylhet", "Sylhet Division"}}


@pytest.mark.parametrize("name", ["Western", "Centre", "North", "Ain"])
def test_a_common_word_or_a_very_short_name_is_indexed_only_with_its_type(name: str) -> None:
    entries, _ = _entries({"FJ": {"FJ-W": _unit(name, "Division")}})
    ((_candidate, aliases),) = entries.values()
    assert aliases == {f"{name} Division"}


@pytest.mark.parametrize(
    ("others", "taken", "left"),
    [
        # Spellings and names of several words are names of the unit.
        ("Hadhramaut (eng)", {"Hadhramaut"}, set()),
        ("Middle Shabelle (eng)", {"Middle Shabelle"}, set()),
        ("Carriacou (eng)", {"Carriacou"}, set()),
        # A translation that is a common word, a nickname, a phrase, two names joined, a
        # code and other languages' names are not.
        ("Middle (eng)", set(), {"Middle"}),
        ("Washington (eng)", set(), {"Washington"}),
        ("The Land of Sweet Surprises (eng)", set(), {"The Land of Sweet Surprises"}),
        ("Shangri-La by the Pacific (eng)", set(), {"Shangri-La by the Pacific"}),
        ("Carriacou and Petite Martinique (eng)", set(), {"Carriacou and Petite Martinique"}),
        ("NSW (eng)", set(), {"NSW"}),
        ("Wadai (fra)", set(), {"Wadai"}),
    ],
)
def test_english_other_names(others: str, taken: set[str], left: set[str]) -> None:
    entries, _ = _entries({"XX": {"XX-1": _unit("Ḩaḑramawt", "Governorate", others)}})
    ((_candidate, aliases),) = entries.values()
    assert taken <= aliases
    assert not left & aliases


def test_a_unit_without_a_point_is_left_out() -> None:
    unit = _unit("Nowhere", "Province")
    unit["latLng"] = None
    assert _entries({"XX": {"XX-1": unit}}) == ({}, {})


def test_the_packaged_table_is_read() -> None:
    table = load_subdivisions()
    assert sum(len(units) for units in table.values()) > 5000
    assert table["PS"]["PS-NGZ"]["name"] == "North Gaza"


# ----------------------------------------------------------------------------- in use


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Shefa Province", "VU"),
        ("North Gaza Governorate", "PS"),
        ("Western Division", "FJ"),
        ("Sylhet Division", "BD"),
        ("Gezira State", "SD"),
        ("Al Haouz Province", "MA"),
        ("Middle Shabelle", "SO"),
    ],
)
def test_the_default_gazetteer_knows_the_units(
    gazetteer: Gazetteer, name: str, country: str
) -> None:
    found = [c for c in gazetteer.lookup(name) if c.kind == "region"]
    assert country in {c.country for c in found}


def test_no_common_word_reads_as_a_unit(gazetteer: Gazetteer) -> None:
    for word in ("Middle", "Currents", "Western Division Road"):
        assert not any(c.gazetteer_id.startswith("iso3166-2:") for c in gazetteer.lookup(word))


@pytest.mark.parametrize(
    ("sentence", "mention", "country"),
    [
        ("More than 1,500 people across Shefa province are living in evacuation centres.",
         "Shefa", "VU"),
        ("The ground operation in North Gaza governorate has displaced 100,000 people.",
         "North Gaza", "PS"),
        # Fiji's, not the Gambia's: the report is about Fiji.
        ("Floods in Fiji killed four people in Ba and nine more in the Western Division.",
         "Western Division", "FJ"),
    ],
)  # fmt: skip
def test_a_report_naming_a_unit_places_it(
    resources: Resources, sentence: str, mention: str, country: str
) -> None:
    report = pipeline.annotate(
        RawDocument(text=f"Relief update\n\n{sentence}\n", origin="t"), resources
    )
    placed = [p for p in report.places if any(m.text.startswith(mention) for m in p.mentions)]
    assert [(p.kind, p.country) for p in placed] == [("region", country)]
