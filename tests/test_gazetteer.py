"""The gazetteer: lookup by any spelling, ids, the cached index and its file format."""

from __future__ import annotations

import pickle
import threading
import time
from pathlib import Path

import pytest

from sitrep.errors import ConfigError
from sitrep.gazetteer import Candidate, Gazetteer, load_gazetteer, normalize_key, write_index


@pytest.mark.parametrize("spelling", ["Izyum", "Izium", "IZIUM", "izyum", "Ізюм", "Изюм"])
def test_izyum_is_found_under_every_spelling(gazetteer: Gazetteer, spelling: str) -> None:
    ids = [c.gazetteer_id for c in gazetteer.lookup(spelling)]
    assert ids == ["geonames:707292"]


def test_izyum_candidate_carries_coordinates_country_and_region(gazetteer: Gazetteer) -> None:
    (izyum,) = gazetteer.lookup("Izyum")
    assert izyum.lat == pytest.approx(49.207, abs=0.01)
    assert izyum.lon == pytest.approx(37.277, abs=0.01)
    assert (izyum.country, izyum.admin1, izyum.kind) == ("UA", "Kharkiv Oblast", "city")
    assert izyum.feature_class == "P"


@pytest.mark.parametrize("name", ["Kharkiv region", "Kharkiv Oblast", "Kharkiv oblast"])
def test_region_names_resolve_to_the_oblast(gazetteer: Gazetteer, name: str) -> None:
    (region,) = gazetteer.lookup(name)
    assert (region.kind, region.country, region.name) == ("region", "UA", "Kharkiv Oblast")


def test_a_bare_seat_name_offers_both_city_and_region(gazetteer: Gazetteer) -> None:
    kinds = {c.kind for c in gazetteer.lookup("Kharkiv")}
    assert kinds == {"city", "region"}


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("Ukraine", "UA"),
        ("the United States", "US"),
        ("US", "US"),
        ("USA", "US"),
        ("U.S.", "US"),
        ("Britain", "GB"),
        ("Russia", "RU"),
    ],
)
def test_country_names_and_short_forms_find_the_country(
    gazetteer: Gazetteer, name: str, iso: str
) -> None:
    countries = [c for c in gazetteer.lookup(name) if c.kind == "country"]
    assert [c.country for c in countries] == [iso]


def test_us_states_keep_their_geonames_ids(gazetteer: Gazetteer) -> None:
    states = [c for c in gazetteer.lookup("Georgia") if c.kind == "region"]
    assert [(c.gazetteer_id, c.country) for c in states] == [("geonames:4197000", "US")]


def test_volodymyr_is_a_city_name_too(gazetteer: Gazetteer) -> None:
    # Why the places stage needs person cues: the first name is in cities500.
    assert any(c.country == "UA" for c in gazetteer.lookup("Volodymyr"))


@pytest.mark.parametrize("word", ["Advertisement", "Ctrl", "September", "Anastasia"])
def test_words_that_are_no_entry_find_nothing(gazetteer: Gazetteer, word: str) -> None:
    assert gazetteer.lookup(word) == ()


@pytest.mark.parametrize("given", ["707292", "geonames:707292"])
def test_get_by_id_with_or_without_namespace(gazetteer: Gazetteer, given: str) -> None:
    found = gazetteer.get(given)
    assert found is not None and found.name == "Izyum"


def test_get_unknown_id_is_none(gazetteer: Gazetteer) -> None:
    assert gazetteer.get("geonames:0") is None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Zürich", "zurich"),
        ("Guinea-Bissau", "guinea bissau"),
        ("the Gambia", "gambia"),
        ("Kharkivs'ka", "kharkivska"),
        ("  Kryvyi   Rih ", "kryvyi rih"),
        ("U.S.", "us"),
    ],
)
def test_normalized_keys_ignore_case_accents_and_punctuation(a: str, b: str) -> None:
    assert normalize_key(a) == b


def test_default_index_loads_well_under_a_second(gazetteer: Gazetteer) -> None:
    started = time.perf_counter()
    again = load_gazetteer(None)
    elapsed = time.perf_counter() - started
    print(f"default gazetteer load: {elapsed * 1000:.1f} ms ({len(again)} entries)")
    assert elapsed < 0.5
    assert again.path == gazetteer.path


def _tiny(row: int, name: str, kind: str = "city") -> Candidate:
    return Candidate(
        gazetteer_id=f"geonames:{row}",
        name=name,
        lat=1.0,
        lon=2.0,
        country="XX",
        admin1="Somewhere Region",
        feature_class="P",
        feature_code="PPL",
        population=row,
        kind=kind,  # type: ignore[arg-type]
    )


def test_a_builder_writes_an_index_that_load_gazetteer_reads(tmp_path: Path) -> None:
    target = tmp_path / "g.sqlite"
    write_index(target, [(_tiny(1, "Alpha"), ("Älfa",)), (_tiny(2, "Beta"), ())], {"source": "t"})
    g = load_gazetteer(target)
    assert [c.name for c in g.lookup("ALFA")] == ["Alpha"]
    assert g.meta["source"] == "t"
    copy = tmp_path / "copy.sqlite"
    g.save(copy)
    assert [c.name for c in load_gazetteer(copy).lookup("beta")] == ["Beta"]


def test_a_gazetteer_pickles_by_path_for_worker_processes(tmp_path: Path) -> None:
    target = tmp_path / "g.sqlite"
    write_index(target, [(_tiny(1, "Alpha"), ())], {"source": "t"})
    clone = pickle.loads(pickle.dumps(load_gazetteer(target)))
    assert clone.path == target and clone.lookup("alpha")


def test_concurrent_builders_leave_one_whole_index(tmp_path: Path) -> None:
    target = tmp_path / "g.sqlite"
    entries = [(_tiny(i, f"Place{i}"), ()) for i in range(1, 2000)]
    threads = [
        threading.Thread(target=write_index, args=(target, entries, {"source": "t"}))
        for _ in range(3)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(load_gazetteer(target)) == 1999
    assert [p.name for p in tmp_path.iterdir()] == ["g.sqlite"]  # no temporary left behind


@pytest.mark.parametrize("content", [None, b"not a database"])
def test_a_missing_or_foreign_file_is_a_config_error(tmp_path: Path, content: bytes | None) -> None:
    target = tmp_path / "g.sqlite"
    if content is not None:
        target.write_bytes(content)
    with pytest.raises(ConfigError):
        load_gazetteer(target)


@pytest.mark.parametrize(
    ("name", "admin1"),
    [("Laurel County", "Kentucky"), ("Orange County", "California"), ("Suffolk", "England")],
)
def test_counties_are_regions_inside_their_state(
    gazetteer: Gazetteer, name: str, admin1: str
) -> None:
    counties = [c for c in gazetteer.lookup(name) if c.feature_code == "ADM2"]
    assert counties and counties[0].admin1 == admin1 and counties[0].kind == "region"


@pytest.mark.parametrize(("iso", "name"), [("UA", "Ukraine"), ("US", "United States")])
def test_countries_are_found_by_iso_code(gazetteer: Gazetteer, iso: str, name: str) -> None:
    country = gazetteer.country(iso)
    assert country is not None and (country.name, country.kind) == (name, "country")


def test_an_unknown_iso_code_is_none(gazetteer: Gazetteer) -> None:
    assert gazetteer.country("QQ") is None


@pytest.mark.parametrize(
    ("word", "expected"), [("Turkish", "Turkey"), ("Russians", "Russia"), ("African", "Africa")]
)
def test_demonyms_find_their_place(gazetteer: Gazetteer, word: str, expected: str) -> None:
    place = gazetteer.country_of_demonym(word)
    assert gazetteer.is_demonym(word) and place is not None and place.name == expected


def test_a_place_name_is_no_demonym(gazetteer: Gazetteer) -> None:
    assert not gazetteer.is_demonym("Kharkiv") and gazetteer.country_of_demonym("Kharkiv") is None


@pytest.mark.parametrize(
    ("iso2", "geonames_point"),
    [
        ("US", (39.76, -98.5)),  # the factbook's (38, -97) is 235 km away
        ("CA", (60.10867, -113.64258)),
        ("IN", (22.0, 79.0)),
        ("JP", (35.68536, 139.75309)),
        ("UA", (49.0, 32.0)),
    ],
)
def test_countries_sit_at_geonames_points(
    gazetteer: Gazetteer, iso2: str, geonames_point: tuple[float, float]
) -> None:
    from sitrep.stages.places_resolve import distance_km

    country = gazetteer.country(iso2)
    assert country is not None
    assert distance_km((country.lat, country.lon), geonames_point) < 20


@pytest.mark.parametrize(
    ("name", "geonames_point"),
    [("Ontario", (49.25014, -84.49983)), ("British Columbia", (53.99983, -125.0032))],
)
def test_regions_settled_along_one_edge_sit_at_geonames_points(
    gazetteer: Gazetteer, name: str, geonames_point: tuple[float, float]
) -> None:
    from sitrep.stages.places_resolve import distance_km

    (region,) = [c for c in gazetteer.lookup(name) if c.feature_code == "ADM1"]
    assert distance_km((region.lat, region.lon), geonames_point) < 20
