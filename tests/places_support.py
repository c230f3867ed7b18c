"""What the places tests share: running the places stage on a text, and finding a place
by one of its mentions."""

from __future__ import annotations

from collections.abc import Callable

from sitrep.records import Place
from sitrep.resources import Resources
from sitrep.stages.places import extract_places
from sitrep.stages.state import DocState

MakeState = Callable[[str], DocState]


def run(make_state: MakeState, resources: Resources, text: str) -> list[Place]:
    """The places of ``text``; every mention must verify against it."""
    state = make_state(text)
    extract_places(state, resources)
    for place in state.places:
        assert all(span.verify(text) for span in place.mentions)
    return state.places


def by_mention(places: list[Place], surface: str) -> Place | None:
    """The place one of whose mentions reads ``surface``; at most one may."""
    found = [p for p in places if any(s.text == surface for s in p.mentions)]
    assert len(found) <= 1
    return found[0] if found else None
