"""A first-level region's point is the centre of its area, not of its towns' extent."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from sitrep.stages.places_resolve import distance_km


def towns(code: str, points: list[tuple[float, float]]) -> list[dict[str, Any]]:
    return [{"admin1code": code, "latitude": lat, "longitude": lon} for lat, lon in points]


def square(west: float, south: float, east: float, north: float) -> Any:
    from shapely.geometry import box

    return box(west, south, east, north)


def test_a_region_settled_along_one_edge_is_placed_in_the_middle_of_its_area() -> None:
    pytest.importorskip("scipy")
    from sitrep.gazetteer.make_region_points import country_points

    # Region A's towns line the west coast, B's the east: each owns its half of the land.
    west = towns("A", [(lat, 0.3) for lat in np.arange(1.0, 10.0, 1.0)])
    east = towns("B", [(lat, 9.7) for lat in np.arange(1.0, 10.0, 1.0)])
    points = country_points(square(0, 0, 10, 10), west + east)
    assert points["A"][1] == pytest.approx(2.5, abs=0.3)
    assert points["B"][1] == pytest.approx(7.5, abs=0.3)
    assert points["A"][0] == pytest.approx(5.0, abs=0.3)


def test_a_few_stray_towns_far_away_do_not_drag_their_region() -> None:
    pytest.importorskip("scipy")
    from sitrep.gazetteer.make_region_points import country_points, main_groups, unit_vectors

    # Twenty towns in the north-west corner, two miscoded ones in the far south-east.
    core = [(9.0 + i % 5 * 0.2, 0.5 + i // 5 * 0.2) for i in range(20)]
    strays = [(0.5, 19.5), (0.7, 19.3)]
    cities = towns("A", core + strays) + towns("B", [(5.0, 10.0), (1.0, 15.0), (9.0, 15.0)])
    lat, lon = np.array(core + strays).T
    assert main_groups(unit_vectors(lat, lon)).tolist() == [True] * 20 + [False] * 2
    a = country_points(square(0, 0, 20, 10), cities)["A"]
    assert a[0] > 5.0 and a[1] < 6.0


def test_land_far_from_every_town_belongs_to_no_region() -> None:
    pytest.importorskip("scipy")
    from shapely.geometry import MultiPolygon

    from sitrep.gazetteer.make_region_points import country_points

    # An overseas territory (like French Guiana in France's outline) with no towns listed.
    land = MultiPolygon([square(0, 40, 4, 44), square(-55, 2, -51, 6)])
    points = country_points(land, towns("A", [(42.0, 1.0), (41.0, 3.0)]))
    assert distance_km(points["A"], (42.0, 2.0)) < 100


@pytest.mark.parametrize(
    ("name", "point", "km"),
    [
        # Texas's towns crowd its east: the middle of their extent was 183 km off.
        ("Texas", (31.25, -99.25), 161),
        # Queensland carries GeoNames' own point (its area centre is 280 km south).
        ("Queensland", (-20.0, 145.0), 1),
        ("Kharkiv Oblast", (49.5, 36.5), 161),
    ],
)
def test_default_regions_lie_near_their_geonames_points(
    gazetteer: Any, name: str, point: tuple[float, float], km: float
) -> None:
    region = next(c for c in gazetteer.lookup(name) if c.feature_code == "ADM1")
    assert distance_km((region.lat, region.lon), point) < km


def test_a_region_with_stray_towns_stays_where_its_towns_are(gazetteer: Any) -> None:
    # GeoNames codes five Tibetan villages as Hebei's; Hebei stays around Beijing.
    hebei = next(c for c in gazetteer.lookup("Hebei") if c.feature_code == "ADM1")
    assert 36 < hebei.lat < 43 and 113 < hebei.lon < 120


def test_florida_alone_is_the_us_state(gazetteer: Any) -> None:
    """Uruguay's Florida department, whose seat is also Florida, says nothing of the US
    state: a seat only counts in its own country."""
    from sitrep.stages.places_given import resolve_mentions

    text = "He moved to Florida last year."
    start = text.index("Florida")
    (found,) = resolve_mentions(text, [(start, start + len("Florida"))], gazetteer)
    assert found.candidate is not None
    assert (found.candidate.country, found.candidate.kind) == ("US", "region")
