"""The report a perfect extractor would return for a gold file.

Scoring it must give every section F1 = 1.0: that checks a gold set against the harness
(mentions that occur in the article, event places that are gold places) before any
extractor is blamed for a low score.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from sitrep.evaluation.normalize import same_name
from sitrep.records import (
    Event,
    Figure,
    Person,
    Place,
    Published,
    Quote,
    Removed,
    Report,
    Source,
    Span,
    TimeExpression,
)


class _Locator:
    """Finds mentions in the text, each repeated mention at its next occurrence."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.used: dict[str, int] = defaultdict(int)

    def span(self, mention: str) -> Span:
        start = -1
        for _ in range(self.used[mention] + 1):
            start = self.text.find(mention, start + 1)
            if start < 0:
                start = self.text.find(mention)  # fewer occurrences than mentions: reuse
                break
        if start < 0:
            raise ValueError(f"gold mention not in the article: {mention!r}")
        self.used[mention] += 1
        return Span.of(self.text, start, start + len(mention))


def gold_as_report(gold: Mapping[str, Any], text: str) -> Report:
    """Every gold annotation as the record an ideal extractor would emit, spans into ``text``."""
    where = _Locator(text)
    places = _places(gold.get("places", []), where)
    people = _people(gold.get("people", []), where)
    return Report(
        id=str(gold.get("doc", "")),
        source=Source(path=str(gold.get("doc", ""))),
        language="en",
        published=_published(gold),
        text=text,
        removed=_removed(gold.get("boilerplate_lines", []), text),
        places=places,
        people=people,
        times=tuple(
            TimeExpression(span=where.span(d["mention"]), value=d.get("value"))
            for d in gold.get("dates", [])
        ),
        quotes=_quotes(gold.get("quotes", []), people, where),
        figures=tuple(
            Figure(
                span=where.span(f["mention"]),
                value=None if f.get("value") is None else float(f["value"]),
                unit=f.get("unit"),
                quantity=f.get("what"),
            )
            for f in gold.get("figures", [])
        ),
        events=_events(gold.get("events", []), places),
    )


def _published(gold: Mapping[str, Any]) -> Published:
    window = gold.get("publication_window")
    return Published(
        date=gold.get("publication_date"),
        estimated=gold.get("publication_date") is None,
        window=(str(window[0]), str(window[1])) if window else None,
        basis="content",
    )


def _removed(lines: Sequence[str], text: str) -> tuple[Removed, ...]:
    removed: list[Removed] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body in lines:
            removed.append(Removed(offset, offset + len(body), body, "gold"))
        offset += len(line)
    return tuple(removed)


def _places(gold: Sequence[Mapping[str, Any]], where: _Locator) -> tuple[Place, ...]:
    return tuple(
        Place(
            id=f"P{i}",
            name=str(p.get("name") or p["mention"]),
            mentions=(where.span(p["mention"]),),
            lat=p.get("lat"),
            lon=p.get("lon"),
            country=p.get("country"),
            kind=p.get("kind") or "other",
            metonymy=bool(p.get("metonymy")),
            confidence=1.0,
        )
        for i, p in enumerate(gold, start=1)
    )


def _people(gold: Sequence[Mapping[str, Any]], where: _Locator) -> tuple[Person, ...]:
    return tuple(
        Person(
            id=f"H{i}",
            name=str(p["name"]),
            mentions=(where.span(p["name"]),) if p["name"] in where.text else (),
            age=p.get("age"),
            role=p.get("role"),
            affiliation=p.get("affiliation"),
        )
        for i, p in enumerate(gold, start=1)
    )


def _quotes(
    gold: Sequence[Mapping[str, Any]], people: Sequence[Person], where: _Locator
) -> tuple[Quote, ...]:
    by_name = {p.name: p.id for p in people}
    return tuple(
        Quote(
            span=where.span(q["quote_start"]),
            speaker=by_name.get(q.get("speaker") or ""),
            speaker_text=q.get("speaker"),
            direct=bool(q.get("direct", True)),
        )
        for q in gold
    )


def _events(gold: Sequence[Mapping[str, Any]], places: Sequence[Place]) -> tuple[Event, ...]:
    def place_id(name: Any) -> str | None:
        return next((p.id for p in places if name and same_name(str(name), p.name)), None)

    return tuple(
        Event(
            id=f"E{i}",
            type=str(e["type"]),
            date=e.get("date"),
            place=place_id(e.get("place")),
            actors=(str(e["actor"]),) if e.get("actor") else (),
            targets=(str(e["target"]),) if e.get("target") else (),
            killed=e.get("killed"),
            injured=e.get("injured"),
            confidence=1.0,
        )
        for i, e in enumerate(gold, start=1)
    )
