"""What the store's queries return: frozen rows, JSON-ready through ``to_dict``.

Ids are global (``<doc id>:<local id>``); offsets point into the document's cleaned text.
Timestamps are ISO 8601 strings in UTC.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sitrep.records import to_dict


class Row:
    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = to_dict(self)
        return data


@dataclass(frozen=True, slots=True)
class BatchResult(Row):
    """What one ``write_batch`` did: reports added (exact copies of other sources among
    them), reports already stored, failures recorded."""

    added: int
    skipped: int
    failed: int
    copies: int = 0


@dataclass(frozen=True, slots=True)
class DocumentRow(Row):
    id: str
    title: str | None
    path: str | None
    url: str | None
    outlet: str | None
    published: str | None
    published_estimated: bool
    published_window: tuple[str, str] | None
    language: str | None
    flags: tuple[str, ...]
    places: int
    people: int
    quotes: int
    events: int
    ingested_at: str
    run_id: str


@dataclass(frozen=True, slots=True)
class PersonRow(Row):
    doc_id: str
    id: str
    name: str
    age: int | None
    role: str | None
    affiliation: str | None
    place: str | None  # the name of the person's place, resolved through places
    mentions: int


@dataclass(frozen=True, slots=True)
class PlaceRow(Row):
    """One place across the store: all records with its gazetteer id, or its name if unresolved."""

    key: str  # the gazetteer id, or "name:<lower-case name>" for unresolved places
    name: str
    gazetteer_id: str | None
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    kind: str | None
    mentions: int
    documents: int
    # Mentions where the name stands for a government or army, not the location.
    metonymic_mentions: int


@dataclass(frozen=True, slots=True)
class OrgRow(Row):
    doc_id: str
    id: str
    name: str
    kind: str | None
    mentions: int


@dataclass(frozen=True, slots=True)
class QuoteRow(Row):
    doc_id: str
    id: str
    text: str
    speaker: str | None  # the speaker's name, resolved through people and organizations
    speaker_id: str | None
    speaker_text: str | None
    cue: str | None
    direct: bool
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TimeRow(Row):
    doc_id: str
    id: str
    text: str
    value: str | None
    kind: str
    anchor: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class FigureRow(Row):
    doc_id: str
    id: str
    text: str
    value: float | None
    approximate: bool
    unit: str | None
    quantity: str | None
    place: str | None
    time: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class EventRow(Row):
    doc_id: str
    id: str
    type: str
    date: str | None
    date_precision: str | None
    place: str | None
    place_id: str | None
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    killed: int | None
    injured: int | None
    modality: str
    claimed_by: str | None  # a name when the claimant is a person or organization of the report
    confidence: float | None
    evidence: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FailureRow(Row):
    run_id: str
    origin: str
    reason: str
    recorded_at: str


@dataclass(frozen=True, slots=True)
class RunRow(Row):
    id: str
    started: str
    finished: str | None
    args: dict[str, Any]
    counts: dict[str, int] | None


@dataclass(frozen=True, slots=True)
class SearchHit(Row):
    doc_id: str
    title: str | None
    start: int  # offsets of the match in the document's cleaned text
    end: int
    match: str
    snippet: str


# ---------------------------------------------------------------- across reports (sitrep.corpus)


@dataclass(frozen=True, slots=True)
class StoryMember(Row):
    doc_id: str
    path: str | None
    url: str | None
    outlet: str | None
    title: str | None
    published: str | None  # the publication date, or the start of its estimated window
    reason: str  # first | exact | near-duplicate | spun
    score: float | None
    matched_doc: str | None  # the stored report it was found to copy
    original: bool


@dataclass(frozen=True, slots=True)
class StoryRow(Row):
    """Copies of one report: the original (earliest member) first, then the copies."""

    id: str
    original: str
    original_path: str | None
    size: int
    members: tuple[StoryMember, ...]


@dataclass(frozen=True, slots=True)
class PersonRecordRow(Row):
    person_id: str
    doc_id: str
    path: str | None
    name: str
    age: int | None
    role: str | None
    place: str | None
    reason: str  # why this record is this person ("first mention" for the first)
    matched_id: str | None


@dataclass(frozen=True, slots=True)
class KeptApartRow(Row):
    person_id: str
    other_id: str
    other_name: str
    other_entity: str
    reason: str


@dataclass(frozen=True, slots=True)
class PersonEntityRow(Row):
    """One person across reports."""

    id: str
    name: str  # the longest name any report gives
    ages: tuple[int, ...]
    roles: tuple[str, ...]
    records: tuple[PersonRecordRow, ...]
    kept_apart: tuple[KeptApartRow, ...]


@dataclass(frozen=True, slots=True)
class SourceRow(Row):
    """One report's account of a timeline entry."""

    doc_id: str
    path: str | None
    record_id: str
    story_id: str | None
    value: float | None  # a figure's value
    killed: int | None
    injured: int | None
    modality: str | None
    evidence: str | None


@dataclass(frozen=True, slots=True)
class TimelineEntry(Row):
    kind: str  # event | figure
    id: str  # the event's cross-report id, or the figure's id
    date: str | None  # first day the entry may fall on
    date_end: str | None
    precision: str | None  # day | week | month | season | year | window
    date_basis: str | None  # event (stated) | publication (the report's date)
    what: str  # event type, or the figure's quantity
    place: str | None
    value: float | None
    unit: str | None
    killed: tuple[int, ...]  # every distinct count the sources give, never averaged
    injured: tuple[int, ...]
    discrepancy: bool  # sources disagree on a count
    sources: tuple[SourceRow, ...]
    independent_sources: int  # distinct stories among the sources (copies count once)


@dataclass(frozen=True, slots=True)
class QuantityRow(Row):
    """The latest known value of one quantity at the place, with its history."""

    quantity: str
    unit: str | None
    latest: float | None
    latest_date: str | None
    history: tuple[tuple[str | None, float | None, str], ...]  # (date, value, doc id)


@dataclass(frozen=True, slots=True)
class Timeline(Row):
    place: str
    gazetteer_ids: tuple[str, ...]
    radius_km: float | None
    entries: tuple[TimelineEntry, ...]
    quantities: tuple[QuantityRow, ...]
