"""The gazetteer index: one SQLite file, written once, read by many processes.

Why SQLite rather than a pickled dict: opening it costs milliseconds whatever its
size, its pages live in the OS page cache shared by every worker process (a dict
of a million names would be copied into each), and any builder (the packaged
default here, ``sitrep gazetteer build`` from GeoNames dumps later) writes it
with ``write_index``. A lookup is one probe of the ``names`` primary key,
remembered per instance, so repeated names in a corpus cost a dict probe.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path

from sitrep.errors import ConfigError
from sitrep.gazetteer.admin_tables import DEMONYMS
from sitrep.gazetteer.model import Candidate, as_place_kind, normalize_key

# Bump when the schema or the meaning of a column changes: readers refuse other versions.
# 2: keys fold the Arabic article (model.normalize_key); older indexes must be rebuilt.
INDEX_FORMAT = "sitrep-gazetteer-2"

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    row INTEGER PRIMARY KEY,
    gazetteer_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    country TEXT,
    admin1 TEXT,
    feature_class TEXT NOT NULL,
    feature_code TEXT NOT NULL,
    population INTEGER NOT NULL,
    kind TEXT NOT NULL
);
CREATE TABLE names (key TEXT NOT NULL, row INTEGER NOT NULL, PRIMARY KEY (key, row))
    WITHOUT ROWID;
"""

_COLUMNS = (
    "gazetteer_id, name, lat, lon, country, admin1, feature_class, feature_code, population, kind"
)
# Most populous first: the order callers see when nothing else distinguishes candidates.
_LOOKUP = (
    f"SELECT {_COLUMNS} FROM names JOIN places USING (row) WHERE key = ? "
    "ORDER BY population DESC, gazetteer_id"
)
_BY_ID = f"SELECT {_COLUMNS} FROM places WHERE gazetteer_id = ?"
# Every country, read once into a table by ISO2 code (a scan: no index on kind).
_COUNTRIES = (
    f"SELECT {_COLUMNS} FROM places WHERE kind = 'country' ORDER BY population, gazetteer_id"
)
# Demonyms countryinfo lacks or gives to a territory, and the common short forms.
EXTRA_DEMONYMS = {
    "Indian": "IN",
    "Argentine": "AR",
    "Saudi": "SA",
    "Korean": "KR",
    "Philippine": "PH",
    "Bosnian": "BA",
    "Serb": "RS",
    "Croat": "HR",
    "Scottish": "GB",
    "Welsh": "GB",
    "English": "GB",
}
# Demonyms of a country's constituent nations, answered with that first-level region
# ("English" is England's, not all of the United Kingdom's).
REGION_DEMONYMS = {
    "English": ("GB", "England"),
    "Scottish": ("GB", "Scotland"),
    "Welsh": ("GB", "Wales"),
}
# Demonyms of continents, answered with the continent of that name.
CONTINENT_DEMONYMS = {
    "European": "Europe",
    "African": "Africa",
    "Asian": "Asia",
    "North American": "North America",
    "South American": "South America",
    "Latin American": "South America",
}
# Demonyms by lookup key ("russian" -> "RU"); plural forms are tried without their "s".
_DEMONYM_COUNTRY = {normalize_key(k): v for k, v in {**DEMONYMS, **EXTRA_DEMONYMS}.items()}
_DEMONYM_CONTINENT = {normalize_key(k): v for k, v in CONTINENT_DEMONYMS.items()}
_DEMONYM_REGION = {normalize_key(k): v for k, v in REGION_DEMONYMS.items()}

# Names remembered per instance before the memo starts again (a few tens of MB at most).
MEMO_LIMIT = 200_000

Row = tuple[str, str, float, float, str | None, str | None, str, str, int, str]


def _candidate(row: Row) -> Candidate:
    gid, name, lat, lon, country, admin1, fclass, fcode, population, kind = row
    return Candidate(
        gazetteer_id=gid,
        name=name,
        lat=lat,
        lon=lon,
        country=country,
        admin1=admin1,
        feature_class=fclass,
        feature_code=fcode,
        population=population,
        kind=as_place_kind(kind),
    )


class Gazetteer:
    """Read-only access to an index file written by ``write_index``."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise ConfigError(
                f"gazetteer index {self.path} does not exist; build one with "
                "'sitrep gazetteer build' or leave the setting empty for the packaged default"
            )
        # immutable=1: the file is only ever replaced whole (os.replace), never edited,
        # so SQLite may skip locking; an open reader keeps the inode it opened.
        uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1"
        self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._memo: dict[str, tuple[Candidate, ...]] = {}
        self._memo_by_text: dict[str, tuple[Candidate, ...]] = {}
        self._countries: dict[str, Candidate] | None = None
        self.meta = self._read_meta()
        if self.meta.get("format") != INDEX_FORMAT:
            raise ConfigError(
                f"gazetteer index {self.path} has format {self.meta.get('format')!r}, "
                f"this sitrep reads {INDEX_FORMAT!r}; rebuild it with 'sitrep gazetteer build'"
            )

    def _read_meta(self) -> dict[str, str]:
        try:
            return dict(self._db.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.DatabaseError as exc:
            raise ConfigError(f"{self.path} is not a sitrep gazetteer index: {exc}") from exc

    def lookup(self, name: str) -> tuple[Candidate, ...]:
        """Every entry ``name`` may refer to, most populous first; () when unknown."""
        found = self._memo_by_text.get(name)
        if found is None:
            if len(self._memo_by_text) >= MEMO_LIMIT:
                # A long-running process reads unbounded text: forget rather than grow.
                self._memo_by_text.clear()
                self._memo.clear()
            # Normalising costs more than the probe itself: remember the text as given too.
            found = self._lookup_key(normalize_key(name))
            self._memo_by_text[name] = found
        return found

    def _lookup_key(self, key: str) -> tuple[Candidate, ...]:
        found = self._memo.get(key)
        if found is None:
            with self._lock:
                rows = self._db.execute(_LOOKUP, (key,)).fetchall()
            found = tuple(_candidate(r) for r in rows)
            self._memo[key] = found
        return found

    def get(self, geonameid: str) -> Candidate | None:
        """The entry with this id, given with or without its namespace ("707292")."""
        ids = (geonameid,) if ":" in geonameid else (f"geonames:{geonameid}", geonameid)
        with self._lock:
            for gid in ids:
                row = self._db.execute(_BY_ID, (gid,)).fetchone()
                if row is not None:
                    return _candidate(row)
        return None

    def country(self, iso2: str) -> Candidate | None:
        """The country with this ISO 3166 alpha-2 code, or None."""
        if self._countries is None:
            with self._lock:
                rows = self._db.execute(_COUNTRIES).fetchall()
            # Ascending population: the most populous entry of a code is written last.
            self._countries = {c.country: c for c in map(_candidate, rows) if c.country}
        return self._countries.get(iso2)

    def country_of_demonym(self, word: str) -> Candidate | None:
        """The country a demonym names ("Turkish", "Russians" -> the country), or the
        continent ("European"), or None."""
        key = normalize_key(word)
        for k in (key, key.removesuffix("s")):
            if k in _DEMONYM_REGION:
                iso, name = _DEMONYM_REGION[k]
                regions = [c for c in self.lookup(name) if c.kind == "region" and c.country == iso]
                if regions:
                    return regions[0]
            if k in _DEMONYM_COUNTRY:
                return self.country(_DEMONYM_COUNTRY[k])
            if k in _DEMONYM_CONTINENT:
                continents = [c for c in self.lookup(_DEMONYM_CONTINENT[k]) if c.country is None]
                return continents[0] if continents else None
        return None

    def is_demonym(self, word: str) -> bool:
        key = normalize_key(word)
        return any(
            k in _DEMONYM_COUNTRY or k in _DEMONYM_CONTINENT for k in (key, key.removesuffix("s"))
        )

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and bool(self.lookup(name))

    def __len__(self) -> int:
        with self._lock:
            (count,) = self._db.execute("SELECT count(*) FROM places").fetchone()
        return int(count)

    def save(self, path: Path) -> None:
        """Copy this index to ``path`` (atomically: readers never see half a file)."""
        with _atomic_target(Path(path)) as tmp:
            out = sqlite3.connect(tmp)
            try:
                with self._lock:
                    self._db.backup(out)
            finally:
                out.close()

    def close(self) -> None:
        self._db.close()

    def __reduce__(self) -> tuple[type[Gazetteer], tuple[Path]]:
        # Worker processes reopen the file instead of receiving a copy of it.
        return (Gazetteer, (self.path,))

    def __repr__(self) -> str:
        return f"Gazetteer({str(self.path)!r}, source={self.meta.get('source')!r})"


class _atomic_target:
    """A temporary path beside ``target`` that replaces it on success, vanishes on failure."""

    def __init__(self, target: Path) -> None:
        self.target = target

    def __enter__(self) -> Path:
        self.target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(
            prefix=f".{self.target.name}.", suffix=".tmp", dir=self.target.parent
        )
        os.close(fd)
        os.unlink(name)  # SQLite creates the file itself
        self.tmp = Path(name)
        return self.tmp

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            os.replace(self.tmp, self.target)
        else:
            self.tmp.unlink(missing_ok=True)


def write_index(
    path: Path,
    entries: Iterable[tuple[Candidate, Iterable[str]]],
    meta: Mapping[str, str],
) -> None:
    """Write an index of ``entries`` (each a candidate and the names it is known by).

    The candidate's own name is always indexed. Written to a temporary file and
    renamed, so two processes building at once each produce a whole file and the
    last rename wins.
    """
    with _atomic_target(Path(path)) as tmp:
        db = sqlite3.connect(tmp)
        try:
            db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
            keys = _insert_places(db, entries)
            # Sorted insertion keeps the WITHOUT ROWID B-tree appends sequential.
            db.executemany("INSERT INTO names VALUES (?, ?)", sorted(keys))
            db.executemany(
                "INSERT INTO meta VALUES (?, ?)", {**meta, "format": INDEX_FORMAT}.items()
            )
            db.commit()
            db.execute("VACUUM")
        finally:
            db.close()


def _insert_places(
    db: sqlite3.Connection, entries: Iterable[tuple[Candidate, Iterable[str]]]
) -> set[tuple[str, int]]:
    keys: set[tuple[str, int]] = set()
    for row, (c, names) in enumerate(entries):
        db.execute(
            f"INSERT INTO places (row, {_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                row,
                c.gazetteer_id,
                c.name,
                c.lat,
                c.lon,
                c.country,
                c.admin1,
                c.feature_class,
                c.feature_code,
                c.population,
                c.kind,
            ),
        )
        for name in (c.name, *names):
            key = normalize_key(name)
            if key:
                keys.add((key, row))
    return keys
