"""`sitrep gazetteer build` on a small dump written in GeoNames' own tab-separated format."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.gazetteer import load_gazetteer
from sitrep.gazetteer.geonames_dump import build_from_dump, kind_of


def _row(
    gid: int,
    name: str,
    alt: str,
    lat: float,
    lon: float,
    fclass: str,
    fcode: str,
    cc: str,
    admin1: str,
    population: int,
) -> str:
    cols = [
        str(gid),
        name,
        name,
        alt,
        str(lat),
        str(lon),
        fclass,
        fcode,
        cc,
        "",
        admin1,
        "",
        "",
        "",
        str(population),
        "",
        "",
        "Europe/Kyiv",
        "2024-01-01",
    ]
    return "\t".join(cols)


DUMP = (
    "\n".join(
        [
            _row(707292, "Izyum", "Izium,Ізюм", 49.21, 37.26, "P", "PPL", "UA", "07", 45_000),
            _row(
                706482,
                "Kharkivs'ka Oblast'",
                "Kharkiv Oblast",
                49.5,
                36.5,
                "A",
                "ADM1",
                "UA",
                "07",
                2_700_000,
            ),
            _row(703448, "Kyiv", "Kiev", 50.45, 30.52, "P", "PPLC", "UA", "12", 2_900_000),
            _row(690000, "Siverskyi Donets", "Donets", 49.0, 38.0, "H", "STM", "UA", "", 0),
            _row(700000, "Kamianka", "", 49.3, 37.1, "P", "PPL", "UA", "07", 120),
            _row(690791, "Ukraine", "Ukraina", 49.0, 32.0, "A", "PCLI", "UA", "00", 44_000_000),
        ]
    )
    + "\n"
)
ADMIN1 = "UA.07\tKharkiv\tKharkiv\t706482\nUA.12\tKyiv City\tKyiv City\t703447\n"


@pytest.fixture()
def dump(tmp_path: Path) -> tuple[Path, Path]:
    archive = tmp_path / "UA.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("UA.txt", DUMP)
        z.writestr("readme.txt", "not a table")
    admin1 = tmp_path / "admin1CodesASCII.txt"
    admin1.write_text(ADMIN1, encoding="utf-8")
    return archive, admin1


def test_every_feature_class_is_indexed_with_its_admin1_name(
    dump: tuple[Path, Path], tmp_path: Path
) -> None:
    out = tmp_path / "ua.sqlite"
    assert build_from_dump(dump[0], out, admin1_path=dump[1]) == 6
    gaz = load_gazetteer(out)
    (izyum,) = gaz.lookup("Izium")
    assert (izyum.gazetteer_id, izyum.admin1, izyum.kind) == ("geonames:707292", "Kharkiv", "city")
    assert gaz.lookup("Donets")[0].kind == "water"
    assert gaz.lookup("Kamianka")[0].kind == "village"
    assert gaz.lookup("Kharkiv Oblast")[0].kind == "region"
    assert gaz.lookup("Ukraina")[0].kind == "country"


@pytest.mark.parametrize(
    ("fclass", "fcode", "population", "kind"),
    [
        ("P", "PPL", 50_000, "city"),
        ("A", "ADM2", 0, "region"),
        ("H", "LK", 0, "water"),
        ("T", "MT", 0, "other"),
        ("A", "PCLI", 1, "country"),
    ],
)
def test_feature_classes_map_to_place_kinds(
    fclass: str, fcode: str, population: int, kind: str
) -> None:
    assert kind_of(fclass, fcode, population) == kind


def test_the_cli_builds_an_index_extract_can_use(dump: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "g.sqlite"
    result = CliRunner().invoke(
        app,
        [
            "gazetteer",
            "build",
            "--geonames",
            str(dump[0]),
            "--admin1",
            str(dump[1]),
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert load_gazetteer(out).lookup("Kiev")[0].feature_code == "PPLC"


def test_a_missing_dump_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "gazetteer",
            "build",
            "--geonames",
            str(tmp_path / "none.zip"),
            "--out",
            str(tmp_path / "x.sqlite"),
        ],
    )
    assert result.exit_code == 2
