"""Agreement between two annotators: a second gold annotation scored as if it were
sitrep's output, by the very code that scores sitrep (``sitrep eval agreement``).

How far two careful people agree on the same reports is the ceiling any extractor can
reach against one of them: an event F1 of 0.75 means little if two coders agree at 0.65.
The second annotation becomes a ``Report`` (its places, people, quotes, dates, figures
and events, each tied to the first place in the article its words occur at), and
``report.evaluate_report_dir`` scores it against the first, so both measures read alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, get_args

from sitrep.evaluation.gold import GoldFormatError, article_name, read_gold
from sitrep.evaluation.report import EvalResult, evaluate_report_dir
from sitrep.records import (
    Event,
    Figure,
    Person,
    Place,
    PlaceKind,
    Published,
    Quote,
    Removed,
    Report,
    Source,
    Span,
    TimeExpression,
)

_PLACE_KINDS: frozenset[str] = frozenset(get_args(PlaceKind))


def evaluate_agreement(first: Path, second: Path) -> EvalResult:
    """Score the gold of ``second`` against the gold of ``first`` (same article names).
    An article the second annotator did not annotate scores as an empty report."""
    if not (second / "gold").is_dir():
        raise GoldFormatError(f"{second} has no gold/ folder (see GOLD_FORMAT.md)")
    others: dict[str, Mapping[str, Any]] = {}
    for path in sorted((second / "gold").glob("*.json")):
        gold = read_gold(path)
        others[article_name(gold, path)] = gold
    return evaluate_report_dir(first, _from_second(others))


def _from_second(others: Mapping[str, Mapping[str, Any]]) -> Callable[[str, str], Report]:
    def extract(text: str, name: str) -> Report:
        other = others.get(name)
        if other is None:
            raise GoldFormatError(f"the second annotation has no gold for {name}")
        return report_from_gold(other, text, name)

    return extract


def report_from_gold(gold: Mapping[str, Any], text: str, name: str = "") -> Report:
    """The report an annotator's gold describes, with every item at the words it names."""
    finder = _Finder(text)
    listed = _places(_items(gold, "places"), finder)
    places = (*listed, *_event_only_places(_items(gold, "events"), listed))
    return Report(
        id=name,
        source=Source(path=name),
        language="en",
        published=_published(gold),
        text=text,
        removed=_removed(gold.get("boilerplate_lines") or [], finder),
        places=places,
        people=tuple(_people(_items(gold, "people"), finder)),
        times=tuple(_dates(_items(gold, "dates"), finder)),
        quotes=tuple(_quotes(_items(gold, "quotes"), finder)),
        figures=tuple(_figures(_items(gold, "figures"), finder)),
        events=tuple(_events(_items(gold, "events"), places)),
    )


class _Finder:
    """The next occurrence of a mention in the text (a mention listed twice is its first
    and second occurrence), whitespace-insensitive; None when it does not occur."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.used: dict[str, int] = {}

    def span(self, mention: str) -> Span | None:
        words = mention.split()
        if not words:
            return None
        pattern = r"\s+".join(re.escape(w) for w in words)
        found = list(re.finditer(pattern, self.text))
        if not found:
            return None
        index = self.used.get(pattern, 0)
        self.used[pattern] = index + 1
        match = found[min(index, len(found) - 1)]
        return Span.of(self.text, match.start(), match.end())


def _items(gold: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    section = gold.get(key)
    return [item for item in section if isinstance(item, Mapping)] if section else []


def _published(gold: Mapping[str, Any]) -> Published:
    window = gold.get("publication_window")
    if isinstance(window, Sequence) and len(window) == 2 and all(window):
        bounds = (str(window[0]), str(window[1]))
    else:
        bounds = None
    date = gold.get("publication_date")
    return Published(date=str(date) if date else None, window=bounds)


def _removed(lines: Sequence[Any], finder: _Finder) -> tuple[Removed, ...]:
    removed = []
    for line in lines:
        span = finder.span(str(line)) if isinstance(line, str) else None
        if span is not None:
            removed.append(Removed(span.start, span.end, span.text, "annotated"))
    return tuple(removed)


def _places(items: Sequence[Mapping[str, Any]], finder: _Finder) -> list[Place]:
    places: list[Place] = []
    for item in items:
        span = finder.span(str(item.get("mention") or ""))
        kind = str(item.get("kind") or "other")
        places.append(
            Place(
                id=f"P{len(places) + 1}",
                name=str(item.get("name") or item.get("mention") or ""),
                mentions=(span,) if span is not None else (),
                lat=_number(item.get("lat")),
                lon=_number(item.get("lon")),
                country=item.get("country"),
                kind=kind if kind in _PLACE_KINDS else "other",  # type: ignore[arg-type]
                metonymy=bool(item.get("metonymy")),
            )
        )
    return places


def _event_only_places(
    events: Sequence[Mapping[str, Any]], places: Sequence[Place]
) -> tuple[Place, ...]:
    """A place an event names that the annotator listed under no mention."""
    known = {p.name for p in places}
    extra: list[Place] = []
    for event in events:
        name = str(event.get("place") or "")
        if name and name not in known:
            known.add(name)
            extra.append(Place(id=f"E{len(extra) + 1}", name=name, mentions=()))
    return tuple(extra)


def _people(items: Sequence[Mapping[str, Any]], finder: _Finder) -> list[Person]:
    people: list[Person] = []
    for item in items:
        name = str(item.get("name") or "")
        span = finder.span(name)
        people.append(
            Person(
                id=f"H{len(people) + 1}",
                name=name,
                mentions=(span,) if span is not None else (),
                age=_integer(item.get("age")),
                role=item.get("role"),
                affiliation=item.get("affiliation"),
            )
        )
    return people


def _dates(items: Sequence[Mapping[str, Any]], finder: _Finder) -> list[TimeExpression]:
    times = []
    for item in items:
        span = finder.span(str(item.get("mention") or ""))
        if span is not None:
            value = item.get("value")
            times.append(TimeExpression(span=span, value=str(value) if value else None))
    return times


def _quotes(items: Sequence[Mapping[str, Any]], finder: _Finder) -> list[Quote]:
    quotes = []
    for item in items:
        span = finder.span(str(item.get("quote_start") or ""))
        if span is not None:
            speaker = item.get("speaker")
            quotes.append(
                Quote(
                    span=span,
                    speaker_text=str(speaker) if speaker else None,
                    direct=bool(item.get("direct", True)),
                )
            )
    return quotes


def _figures(items: Sequence[Mapping[str, Any]], finder: _Finder) -> list[Figure]:
    figures = []
    for item in items:
        span = finder.span(str(item.get("mention") or ""))
        if span is not None:
            figures.append(
                Figure(
                    span=span,
                    value=_number(item.get("value")),
                    unit=item.get("unit"),
                    quantity=item.get("what"),
                )
            )
    return figures


def _events(items: Sequence[Mapping[str, Any]], places: Sequence[Place]) -> list[Event]:
    events: list[Event] = []
    ids: dict[str, str] = {}
    for place in places:  # the first place of a name, as an annotator lists it
        ids.setdefault(place.name, place.id)
    for item in items:
        name = str(item.get("place") or "")
        actor, target = item.get("actor"), item.get("target")
        events.append(
            Event(
                id=f"V{len(events) + 1}",
                type=str(item.get("type") or "other"),
                date=str(item["date"]) if item.get("date") else None,
                place=ids.get(name),
                actors=(str(actor),) if actor else (),
                targets=(str(target),) if target else (),
                killed=_integer(item.get("killed")),
                injured=_integer(item.get("injured")),
            )
        )
    return events


def _number(value: Any) -> float | None:
    try:
        return float(value) if value is not None and not isinstance(value, bool) else None
    except (TypeError, ValueError):
        return None


def _integer(value: Any) -> int | None:
    number = _number(value)
    return round(number) if number is not None else None
