"""Typed records of sitrep's output contract (docs/OUTPUT.md) and their one JSON form.

Every record is a frozen dataclass. Spans are character offsets into the cleaned
text of their report (``Report.text``); ``Removed`` spans are offsets into the raw
text. ``to_dict``/``from_dict`` are the only (de)serialisation: the CLI, the store
and the exports all go through them.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal, TypeVar, get_args, get_origin, get_type_hints

PlaceKind = Literal["city", "town", "village", "region", "country", "water", "other"]
TimeKind = Literal["date", "time", "duration", "set"]
TimeAnchor = Literal["absolute", "publication", "context"]
Modality = Literal["fact", "claim", "denial", "plan", "hypothetical"]
DateBasis = Literal["metadata", "content", "user", "corpus"]


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``start:end`` of a text, with the text they cover."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"span {start}:{end} outside text of length {len(text)}")
        return cls(start, end, text[start:end])

    def verify(self, text: str) -> bool:
        return text[self.start : self.end] == self.text

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Source:
    path: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    # When a crawler fetched the report (WARC-Date): publication was on or before it.
    crawled: str | None = None


@dataclass(frozen=True, slots=True)
class Published:
    """When the report was published: a date, a window, or nothing known."""

    date: str | None = None
    estimated: bool = False
    window: tuple[str, str] | None = None
    basis: DateBasis | None = None
    # Why the estimate is what it is (the phrases and dates it rests on).
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Removed:
    """A stretch of the raw text that is not article body (offsets into the raw text)."""

    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    mentions: tuple[Span, ...]
    gazetteer_id: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    kind: PlaceKind = "other"
    metonymy: bool = False
    confidence: float = 0.0
    # For a metonymic place, the actor it stands for, in the events' side notation
    # ("Russia: government" for "Moscow said", "Ukraine: military" for "Kyiv's forces").
    stands_for: str | None = None


@dataclass(frozen=True, slots=True)
class Relation:
    type: str
    of: str


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    mentions: tuple[Span, ...]
    age: int | None = None
    role: str | None = None
    affiliation: str | None = None
    place: str | None = None
    relations: tuple[Relation, ...] = ()


@dataclass(frozen=True, slots=True)
class Organization:
    id: str
    name: str
    mentions: tuple[Span, ...]
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class TimeExpression:
    span: Span
    value: str | None
    kind: TimeKind = "date"
    anchor: TimeAnchor = "absolute"


@dataclass(frozen=True, slots=True)
class Quote:
    span: Span
    speaker: str | None = None
    speaker_text: str | None = None
    direct: bool = True
    cue: str | None = None
    speaker_span: Span | None = None
    cue_span: Span | None = None
    # Who passed the statement on ("according to her brother"), a person/org id.
    relayed_by: str | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    span: Span
    value: float | None
    approximate: bool = False
    unit: str | None = None
    quantity: str | None = None
    place: str | None = None
    time: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    type: str
    date: str | None = None
    date_precision: str | None = None
    place: str | None = None
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    killed: int | None = None
    injured: int | None = None
    modality: Modality = "fact"
    claimed_by: str | None = None
    evidence: tuple[Span, ...] = ()
    confidence: float = 0.0


@dataclass(frozen=True, slots=True)
class Report:
    """Everything the per-document stage found in one report."""

    id: str
    source: Source
    language: str | None
    published: Published
    text: str
    removed: tuple[Removed, ...] = ()
    places: tuple[Place, ...] = ()
    people: tuple[Person, ...] = ()
    organizations: tuple[Organization, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    events: tuple[Event, ...] = ()
    # Warnings about the report as a whole, e.g. "non-english", "empty-after-cleaning".
    flags: tuple[str, ...] = ()


def content_id(text: str) -> str:
    """The id of a report: the first 16 hex digits of the SHA-256 of its text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# --------------------------------------------------------------------------- spans


def iter_spans(record: object) -> Iterator[Span]:
    """Every ``Span`` reachable from ``record`` (a Report or any record in it)."""
    if isinstance(record, Span):
        yield record
    elif dataclasses.is_dataclass(record) and not isinstance(record, type):
        for f in dataclasses.fields(record):
            yield from iter_spans(getattr(record, f.name))
    elif isinstance(record, (tuple, list)):
        for item in record:
            yield from iter_spans(item)


def bad_spans(report: Report) -> list[Span]:
    """Spans of the report that do not match its text (the contract's invariant: none)."""
    bad = [s for s in iter_spans(report) if not s.verify(report.text)]
    # Removed spans point into the raw text, which the report does not carry; they are
    # checked by the cleaner's own tests.
    return bad


# --------------------------------------------------------------------------- JSON

T = TypeVar("T")


# Field names of each class ``to_dict`` has met (None: not a dataclass). Asking
# ``dataclasses.fields`` for every record made ``to_dict`` of a 1000-entry timeline 5x
# slower (docs/CORPUS.md); the classes are few, so the cache stays small.
_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}
# Values returned as they are without a call each (most fields are these): another 2x.
_SCALARS: frozenset[type] = frozenset({str, int, float, bool, type(None)})


def to_dict(record: object) -> Any:
    """The JSON-ready form of a record (tuples become lists)."""
    cls = type(record)
    try:
        names = _FIELD_NAMES[cls]
    except KeyError:
        names = _FIELD_NAMES[cls] = _field_names(cls)
    if names is not None:
        values = [getattr(record, name) for name in names]
        return {
            name: v if type(v) in _SCALARS else to_dict(v)
            for name, v in zip(names, values, strict=True)
        }
    if isinstance(record, (tuple, list)):
        return [x if type(x) in _SCALARS else to_dict(x) for x in record]
    return record


def _field_names(cls: type) -> tuple[str, ...] | None:
    # ``type(record)`` is never a dataclass instance, so a dataclass *class* passed as a
    # value (its type is ``type``) stays as it is, as before.
    if dataclasses.is_dataclass(cls):
        return tuple(f.name for f in dataclasses.fields(cls))
    return None


def to_json(record: object, *, indent: int | None = None) -> str:
    return json.dumps(to_dict(record), ensure_ascii=False, indent=indent)


def from_dict(cls: type[T], data: Any) -> T:
    """Rebuild a record of type ``cls`` from its ``to_dict`` form."""
    return typing.cast(T, _convert(cls, data))


def from_json(cls: type[T], text: str) -> T:
    return from_dict(cls, json.loads(text))


def _convert(tp: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in get_args(tp) if a is not type(None)]
        return _convert(options[0], data) if len(options) == 1 else data
    if origin is Literal:
        return data
    if origin is tuple:
        args = get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], x) for x in data)
        return tuple(_convert(a, x) for a, x in zip(args, data, strict=True))
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        known = {f.name for f in dataclasses.fields(tp)}
        # Unknown keys are ignored so that newer files stay readable (fields may be added).
        return tp(**{k: _convert(hints[k], v) for k, v in data.items() if k in known})
    if tp is float and isinstance(data, int):
        return float(data)
    return data


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(tp: type) -> dict[str, Any]:
    if tp not in _HINTS:
        _HINTS[tp] = get_type_hints(tp)
    return _HINTS[tp]
