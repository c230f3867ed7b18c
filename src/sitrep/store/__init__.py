"""The situation database: one embedded DuckDB file (default ``./sitrep.duckdb``).

``Store`` writes batches of reports in one transaction each and answers queries with
frozen rows in a stable order. See ``schema`` for the tables.
"""

from __future__ import annotations

from sitrep.store.database import Store
from sitrep.store.rows import (
    BatchResult,
    DocumentRow,
    EventRow,
    FailureRow,
    FigureRow,
    OrgRow,
    PersonRow,
    PlaceRow,
    QuoteRow,
    RunRow,
    SearchHit,
    TimeRow,
)
from sitrep.store.schema import SCHEMA_VERSION

__all__ = [
    "SCHEMA_VERSION",
    "BatchResult",
    "DocumentRow",
    "EventRow",
    "FailureRow",
    "FigureRow",
    "OrgRow",
    "PersonRow",
    "PlaceRow",
    "QuoteRow",
    "RunRow",
    "SearchHit",
    "Store",
    "TimeRow",
]
