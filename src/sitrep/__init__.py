"""sitrep: raw news reports about wars, disasters and crises -> a situation database.

``sitrep.extract(text)`` annotates one report; ``sitrep.Corpus(path)`` ingests and
queries a store. Both load the model lazily, on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Corpus", "Report", "extract"]

if TYPE_CHECKING:
    from sitrep.api import Corpus, extract
    from sitrep.records import Report


def __getattr__(name: str) -> Any:
    # Importing sitrep must stay cheap (no spaCy) until the API is actually used.
    if name in ("Corpus", "extract"):
        from sitrep import api

        return getattr(api, name)
    if name == "Report":
        from sitrep.records import Report

        return Report
    raise AttributeError(f"module 'sitrep' has no attribute {name!r}")
