"""Shared helpers of the event tests: invented places pinned by an invented gazetteer, and
the stages up to events run on one text with them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from sitrep.records import Event, Place, Span
from sitrep.stages.dating import date_report
from sitrep.stages.events import extract_events
from sitrep.stages.figures import extract_figures
from sitrep.stages.times import extract_times

# Invented towns, all pinned by an invented gazetteer (the toll tests').
INVENTED_TOWNS = ("Harlow", "Kestrel", "Moravo", "Tindale", "Ostrava Nova")


def invented_places(text: str) -> list[Place]:
    """The invented towns ``text`` names, each pinned."""
    return places_named(
        text, {name: ("town", 10.0 + lat) for lat, name in enumerate(INVENTED_TOWNS)}
    )


def events_in_invented_towns(
    make_state: Any, resources: Any, text: str
) -> list[tuple[str, str | None, Event]]:
    """(type, place name, event) of every event in ``text``, its invented towns pinned."""
    return events_with_places(make_state, resources, text, invented_places(text))


def counts_of(
    events: list[tuple[str, str | None, Event]], kind: str
) -> list[tuple[int | None, int | None]]:
    """(killed, injured) of each event of type ``kind``."""
    return [(e.killed, e.injured) for k, _, e in events if k == kind]


def places_named(text: str, towns: Mapping[str, tuple[str, float | None]]) -> list[Place]:
    """A place for every town of ``towns`` (name -> (kind, lat)) the text names; a town
    with no latitude is one the gazetteer could not pin (an unresolved name)."""
    found: list[Place] = []
    for name, (kind, lat) in towns.items():
        spans = tuple(Span.of(text, m.start(), m.end()) for m in re.finditer(rf"\b{name}\b", text))
        if spans:
            found.append(
                Place(id=f"P{len(found) + 1}", name=name, kind=kind, country="XX",  # type: ignore[arg-type]
                      lat=lat, lon=None if lat is None else 0.0, mentions=spans)
            )  # fmt: skip
    return found


def events_with_places(
    make_state: Any, resources: Any, text: str, places: list[Place], published: str = "2025-03-12"
) -> list[tuple[str, str | None, Event]]:
    """(type, place name, event) of every event the stages find in ``text``."""
    state = make_state(text, published)
    state.places = places
    for run in (extract_times, date_report, extract_figures, extract_events):
        run(state, resources)
    names = {p.id: p.name for p in state.places}
    return [(e.type, names.get(e.place or ""), e) for e in state.events]


def kinds_at(make_state: Any, resources: Any, text: str, town: str = "Kestrel") -> set[str]:
    """The types of the events ``text`` gives at ``town`` (one of the invented towns)."""
    return {k for k, p, _ in events_in_invented_towns(make_state, resources, text) if p == town}
