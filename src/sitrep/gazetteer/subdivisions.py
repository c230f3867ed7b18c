"""Countries' subdivisions by ISO 3166-2, for the regions GeoNames' cities500 leaves out.

The default gazetteer names a region for each (country, admin1 code) that has cities, so
it lacks second-level units ("Al Haouz Province", "Sylhet Division" as Bangladesh's
division, the districts of Bangladesh and Portugal, France's departments) and first-level
ones it names only after their largest city ("Shéfa" in Vanuatu, "North Gaza"). Crisis
reports name such units all the time: aid is counted by district, displacement by
province. ISO 3166-2 lists 5,046 of them with their type ("Province", "Governorate",
"Division"); the ``iso3166-2`` package (MIT) adds a point for each, and English and local
other names. Each unit becomes a region entry, its ISO name with its type ("Shéfa
Province", "North Gaza Governorate"), unless the country already has a region of that
name (GeoNames' admin1, which keeps its own point and id and takes the typed name as
another: "Sylhet Division").

Names that are ordinary words ("Western", "Centre", "North") or of three letters or
fewer ("Ain") are indexed only with their type ("Western Division", "Ain Department"),
so the word alone does not read as a region. English other names are kept where they are
names (``_names``), not nicknames, phrases or common words (``NOT_NAMES``).
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from sitrep.gazetteer.model import Candidate, normalize_key

SOURCE_PACKAGE = "iso3166_2"
SOURCE_FILE = "iso3166-2.json"

# Types that English news writes after the name ("Shéfa Province"); other types
# ("Metropolitan department", "London borough") name the unit by its name alone.
NAMED_WITH_TYPE = frozenset({
    "province", "governorate", "division", "state", "prefecture", "district", "department",
    "region", "county", "zone", "municipality", "oblast", "canton", "parish", "emirate",
})  # fmt: skip
# Words that are a name only with the unit's type after them.
ORDINARY_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "central", "centre", "center", "capital", "upper", "lower", "coast", "coastal",
    "lakes", "islands", "island", "north east", "north west", "south east", "south west",
    "northeast", "northwest", "southeast", "southwest", "far north", "far west",
    "interior", "border", "plateau", "littoral", "nord", "sud", "est", "ouest", "centre est",
    "centre ouest", "centre nord", "centre sud", "north central", "mid west", "midwest",
    "city", "greater", "highlands", "valley", "mountain", "river", "lake", "bay", "gulf",
    "great", "new", "old",
})  # fmt: skip
# A subdivision is an administrative area: sizeable, whatever its people number (the
# source gives none). The places stage accepts a weakly supported name only for a place
# of this size (``places_decide.WEAK_MIN_POPULATION``).
SUBDIVISION_POPULATION = 10_000
# One-word English "other names" of the package that are common words, nicknames,
# people's names or a country's name, read by eye off its 550 one-word English names
# that are no spelling of the ISO name (iso3166-2 1.8.4): indexed, they would read the
# word as the unit ("Middle" for Kândal, "Washington" for the District of Columbia).
NOT_NAMES = frozenset({
    "airport", "albion", "beach", "beautiful", "belle", "blighty", "boston", "brum",
    "bulliesberg", "canton", "cocolandia", "colony", "columbus", "cottonopolis", "currents",
    "fortune", "gabs", "gabz", "gidi", "glos", "grapefruits", "herts", "hills", "insular",
    "johanna", "karen", "kingsmill", "kuwait", "lagoons", "lancs", "lincs", "mancs", "middle",
    "misty", "monasteries", "mountains", "oak", "oases", "oxon", "palace", "paradise",
    "peace", "peach", "pompey", "poplar", "progress", "ripple", "savannahs", "seaside",
    "serenity", "settlement", "skies", "sunrise", "sweet", "tassie", "tobacco", "trad",
    "tranquillity", "vacationland", "victoria", "warks", "washington", "waterfalls",
    "white", "wild", "wolftown", "wolverine", "wolvo", "worcs", "may",
})  # fmt: skip
# Names this short are indexed only with their type ("Ain Department", not "Ain", an
# Arabic word opening many place names).
SHORTEST_BARE_NAME = 3
# Lower-case words inside names ("Surigao del Sur", "Bosnia-Podrinje Canton of Goražde").
NAME_PARTICLES = frozenset({"of", "de", "del", "da", "do", "dos", "das", "la", "le", "el", "al"})
# rapidfuzz ratios (on lookup keys) above which an English name is a spelling of the ISO
# name: "Hadhramaut"/"Ḩaḑramawt" 84, "Lori"/"Loṙi" 100; not "Currents"/"Corrientes" 78
# (a translation), "Silesia"/"Śląskie" 57. Contained: "Gansu" in "Gansu Sheng" (100).
SPELLING_RATIO = 80.0
CONTAINED_RATIO = 90.0
_LANGUAGE_TAG = re.compile(r"\s*\(([a-z]{3})\)\s*$")


def source_path() -> Path | None:
    """The packaged ISO 3166-2 table, or None where the package is not installed. The
    package is located, not imported: its import pulls in modules the gazetteer needs not."""
    spec = importlib.util.find_spec(SOURCE_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / SOURCE_FILE
    return path if path.is_file() else None


def load_subdivisions() -> dict[str, dict[str, dict[str, Any]]]:
    """ISO 3166-2 by country: {"VU": {"VU-SEE": {"name": "Shéfa", "type": ...}}}."""
    path = source_path()
    if path is None:
        return {}
    with path.open(encoding="utf-8") as f:
        table: dict[str, dict[str, dict[str, Any]]] = json.load(f)
    return table


def subdivision_entries(
    table: dict[str, dict[str, dict[str, Any]]],
    known: dict[str, dict[str, str]],
) -> tuple[list[tuple[Candidate, tuple[str, ...]]], dict[str, set[str]]]:
    """A region entry for each subdivision whose country has no region ``known`` by its
    name, and for those it has, the names with the unit's type ("Sylhet Division",
    "Western Division") that the known region is to be indexed by too.

    ``known``: per ISO2 country, the lookup key of each of its regions' names -> the
    region's gazetteer id. Returns (entries, {gazetteer id: further names})."""
    entries: list[tuple[Candidate, tuple[str, ...]]] = []
    further: dict[str, set[str]] = {}
    for country, units in sorted(table.items()):
        for code, unit in sorted(units.items()):
            point = unit.get("latLng")
            if not unit.get("name") or not point or len(point) != 2:
                continue
            names = _names(unit)
            same = next((known[country][k] for n in names
                         if (k := normalize_key(n)) in known.get(country, {})), None)  # fmt: skip
            if same is not None:
                further.setdefault(same, set()).update(_aliases(unit, names))
                continue
            entries.append((_entry(country, code, unit, names, units), _aliases(unit, names)))
    return entries, further


def _names(unit: dict[str, Any]) -> list[str]:
    """The unit's ISO name and its English other names: spellings of the ISO name
    ("Hadhramaut" for "Ḩaḑramawt", "Gansu" for "Gansu Sheng"), names of several words
    ("Middle Shabelle", "Western Greece") and one-word names that are no common word
    ("Carriacou", ``_a_one_word_name``)."""
    iso = str(unit["name"])
    english = []
    for other in str(unit.get("localOtherName") or "").split(","):
        match = _LANGUAGE_TAG.search(other)
        name = _LANGUAGE_TAG.sub("", other).strip()
        if match is None or match.group(1) != "eng" or not name or name in english:
            continue
        if not all(ord(ch) < 0x250 for ch in name) or (name.isupper() and len(name) <= 3):
            continue
        if (" " in name and not _a_proper_name(name)) or name.startswith("The "):
            continue  # a phrase, or a nickname ("The Land of Sweet Surprises")
        if " " in name or _spelling_of(name, iso) or _a_one_word_name(name):
            english.append(name)
    return [iso, *(n for n in english if n != iso)]


def _a_proper_name(name: str) -> bool:
    """Capitalised words, joined only by particles of names ("Middle Shabelle", "Western
    Greece", "Surigao del Sur"): not a phrase ("Shangri-La by the Pacific") nor two
    names joined ("Carriacou and Petite Martinique", which would take a list's two
    places for one)."""
    return all(w[:1].isupper() or w in NAME_PARTICLES for w in name.split())


def _a_one_word_name(name: str) -> bool:
    """A one-word English name that is a name ("Carriacou", "Crimea", "Bavaria"): not
    a code ("NSW", "B&NES"), a common word or a nickname (``NOT_NAMES``)."""
    return (
        len(name) >= 4
        and not name.isupper()
        and name.replace("-", "").isalpha()
        and name.lower() not in NOT_NAMES
        and normalize_key(name) not in ORDINARY_WORDS
    )


def _spelling_of(name: str, iso: str) -> bool:
    a, b = normalize_key(name), normalize_key(iso)
    return fuzz.ratio(a, b) >= SPELLING_RATIO or fuzz.partial_ratio(a, b) >= CONTAINED_RATIO


def _aliases(unit: dict[str, Any], names: Iterable[str]) -> tuple[str, ...]:
    kind = str(unit.get("type") or "")
    found: set[str] = set()
    for name in names:
        if normalize_key(name) not in ORDINARY_WORDS and len(name) > SHORTEST_BARE_NAME:
            found.add(name)
        if kind and not name.lower().endswith(kind.lower()):
            found.add(f"{name} {kind}")
    return tuple(sorted(found))


def _display_name(unit: dict[str, Any]) -> str:
    name, kind = str(unit["name"]), str(unit.get("type") or "")
    if kind.lower() in NAMED_WITH_TYPE and not name.lower().endswith(kind.lower()):
        return f"{name} {kind.title()}"
    return name


def _entry(
    country: str,
    code: str,
    unit: dict[str, Any],
    names: list[str],
    units: dict[str, dict[str, Any]],
) -> Candidate:
    parent = units.get(str(unit.get("parentCode") or ""))
    return Candidate(
        gazetteer_id=f"iso3166-2:{code}",
        name=_display_name(unit),
        lat=round(float(unit["latLng"][0]), 5),
        lon=round(float(unit["latLng"][1]), 5),
        country=country,
        admin1=_display_name(parent) if parent else _display_name(unit),
        feature_class="A",
        feature_code="ADM2" if parent else "ADM1",
        population=SUBDIVISION_POPULATION,
        kind="region",
    )
