"""A gazetteer from a user's GeoNames dump (``sitrep gazetteer build``).

Reads the tab-separated ``geoname`` table (allCountries.zip, cities500.zip, a
country file such as UA.zip, or the .txt inside), optionally the admin1 names
(admin1CodesASCII.txt) and alternate names (alternateNamesV2.zip), and writes the
same index format as the packaged default, with every feature class: regions,
rivers, villages. Unlike the default, ids, points and admin1 names are GeoNames'
own.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from sitrep.errors import ConfigError
from sitrep.gazetteer.default import place_kind, usable_alternate_name
from sitrep.gazetteer.index import write_index
from sitrep.gazetteer.model import Candidate
from sitrep.records import PlaceKind

GEONAME_COLUMNS = 19
COUNTRY_CODES = frozenset({"PCL", "PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "TERR"})
# Alternate-name "languages" that are codes, links or postcodes, not names.
NOT_NAMES = frozenset({"link", "post", "iata", "icao", "faac", "wkdt", "unlc", "tcid"})


@contextmanager
def open_table(path: Path, member: str | None = None) -> Iterator[IO[str]]:
    """A GeoNames table as text lines, from its .txt or the .zip that holds it."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"no GeoNames file at {path}")
    if path.suffix.lower() != ".zip":
        with path.open(encoding="utf-8", newline="") as f:
            yield f
        return
    with zipfile.ZipFile(path) as archive:
        names = [n for n in archive.namelist() if n.endswith(".txt") and "readme" not in n.lower()]
        wanted = member or f"{path.stem}.txt"
        chosen = wanted if wanted in names else (names[0] if names else None)
        if chosen is None:
            raise ConfigError(f"{path} holds no .txt table")
        with archive.open(chosen) as raw:
            yield io.TextIOWrapper(raw, encoding="utf-8", newline="")


def _rows(f: IO[str]) -> Iterator[list[str]]:
    for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
        if row and not row[0].startswith("#"):
            yield row


def read_admin1(path: Path | None) -> dict[str, str]:
    """``{"UA.07": "Kharkiv", ...}`` from admin1CodesASCII.txt."""
    if path is None:
        return {}
    with open_table(path) as f:
        return {row[0]: row[1] for row in _rows(f) if len(row) >= 2}


def read_alternates(path: Path | None, wanted: set[str]) -> dict[str, list[str]]:
    """Alternate names of the ``wanted`` geonameids (alternateNamesV2)."""
    found: dict[str, list[str]] = defaultdict(list)
    if path is None:
        return found
    with open_table(path, "alternateNamesV2.txt") as f:
        for row in _rows(f):
            if len(row) >= 4 and row[1] in wanted and row[2] not in NOT_NAMES:
                found[row[1]].append(row[3])
    return found


def kind_of(feature_class: str, feature_code: str, population: int) -> PlaceKind:
    if feature_class == "P":
        return place_kind(population)
    if feature_class == "A" and feature_code in COUNTRY_CODES:
        return "country"
    if feature_class in {"A", "L"}:
        return "region"
    return "water" if feature_class == "H" else "other"


def dump_entries(
    geonames: Path, admin1: dict[str, str], alternates_path: Path | None = None
) -> Iterator[tuple[Candidate, tuple[str, ...]]]:
    """Every row of the dump as an index entry with its usable names."""
    with open_table(geonames) as f:
        rows = [r for r in _rows(f) if len(r) >= GEONAME_COLUMNS]
    extra = read_alternates(alternates_path, {r[0] for r in rows}) if alternates_path else {}
    for r in rows:
        gid, name, ascii_name, alt = r[0], r[1], r[2], r[3]
        fclass, fcode, country, a1 = r[6], r[7], r[8], r[10]
        population = int(r[14] or 0)
        names = [ascii_name, *alt.split(","), *extra.get(gid, [])]
        own_admin1 = name if fcode == "ADM1" else admin1.get(f"{country}.{a1}")
        yield (
            Candidate(
                gazetteer_id=f"geonames:{gid}",
                name=name,
                lat=float(r[4]),
                lon=float(r[5]),
                country=country or None,
                admin1=own_admin1,
                feature_class=fclass,
                feature_code=fcode,
                population=population,
                kind=kind_of(fclass, fcode, population),
            ),
            tuple(sorted({n for n in names if usable_alternate_name(n, name)})),
        )


def build_from_dump(
    geonames: Path,
    out: Path,
    *,
    admin1_path: Path | None = None,
    alternates_path: Path | None = None,
) -> int:
    """Write an index of the dump to ``out``; returns how many places it holds."""
    admin1 = read_admin1(admin1_path)
    count = 0

    def counted() -> Iterator[tuple[Candidate, tuple[str, ...]]]:
        nonlocal count
        for entry in dump_entries(geonames, admin1, alternates_path):
            count += 1
            yield entry

    meta = {"source": f"GeoNames dump {Path(geonames).name}", "admin1": str(admin1_path or "")}
    write_index(out, counted(), meta)
    return count
