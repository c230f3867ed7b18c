"""What the API accepts and returns (they make /openapi.json).

Rows the store's queries return are served as the store's own dataclasses
(``store/rows.py``; pydantic validates and documents dataclasses as it does models), so a
field added there shows in the API and its schema without a second list here to drift.
The models below are the API's own shapes: pages, errors, a report with its links, the
events query's rows (``web/queries.py``), the histogram, what corrections accept.
"""

from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from sitrep.store.corrections import Correction
from sitrep.store.rows import DocumentRow, FigureRow, PersonRow, PlaceRow, QuoteRow, SearchHit

T = TypeVar("T")

# The store's rows, under the names the routes use.
DocumentItem = DocumentRow
PlaceItem = PlaceRow
PersonItem = PersonRow
QuoteItem = QuoteRow
FigureItem = FigureRow
SearchHitItem = SearchHit
CorrectionOut = Correction

# corrections.KINDS as a type, for the schema's enum (tests/test_web_api.py checks they agree).
CorrectionKind = Literal[
    "not-a-place", "wrong-place", "add-place", "quote-speaker", "wrong-date", "not-an-event",
    "not-a-person", "wrong-role-age", "not-an-organization",
]  # fmt: skip


class Page(BaseModel, Generic[T]):
    """One page of a list: ``total`` rows match, ``items`` are rows offset..offset+limit."""

    total: int
    limit: int
    offset: int
    items: list[T]


class ErrorOut(BaseModel):
    error: str
    details: list[dict[str, Any]] | None = None


class DocumentOut(BaseModel):
    """A report as corrected, with where its records appear in other reports."""

    report: dict[str, Any] = Field(description="the output contract (docs/OUTPUT.md)")
    records: dict[str, dict[str, Any]] = Field(
        description="local record id -> kind, spans and resolved values, for highlighting"
    )
    other_sources: dict[str, list[str]] = Field(
        description="local record id -> ids of other reports naming the same place, person or event"
    )
    story: dict[str, Any] | None
    corrections: list[dict[str, Any]]


class EventItem(BaseModel):
    id: str
    doc_id: str
    title: str | None
    type: str
    date: str | None
    date_precision: str | None
    date_start: str | None = Field(description="first day the event may fall on")
    date_end: str | None
    place: str | None
    place_id: str | None
    gazetteer_id: str | None
    lat: float | None
    lon: float | None
    actors: list[str]
    targets: list[str]
    killed: int | None
    injured: int | None
    modality: str
    confidence: float | None


class Bucket(BaseModel):
    start: str
    count: int


class Histogram(BaseModel):
    bucket: Literal["day", "week", "month"]
    buckets: list[Bucket]
    undated: int


class MapData(BaseModel):
    """Columns (not rows) so that 100k events stay a quick parse for the page."""

    events: dict[str, list[Any]]
    places: list[PlaceItem]


class SearchOut(BaseModel):
    query: str
    text: Page[SearchHitItem]
    people: list[PersonItem]
    places: list[PlaceItem]


class GazetteerEntry(BaseModel):
    gazetteer_id: str
    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    kind: str
    population: int


class CorrectionIn(BaseModel):
    """A correction from the reader: the selected words and what is wrong with them."""

    model_config = ConfigDict(extra="forbid")

    kind: CorrectionKind
    doc_id: str = Field(min_length=4, max_length=64, pattern=r"^[0-9a-f]+$")
    start: int | None = Field(default=None, ge=0)
    end: int | None = Field(default=None, ge=0)
    target: str | None = Field(default=None, max_length=100, pattern=r"^([0-9a-f]+:)?[A-Z]+\d+$")
    value: dict[str, Any] = Field(default_factory=dict)
    who: str = Field(default="analyst", min_length=1, max_length=80)


class ConfigOut(BaseModel):
    writable: bool = Field(description="corrections are accepted (the server has a token)")
    tile_url: str | None
    correction_kinds: list[str]
