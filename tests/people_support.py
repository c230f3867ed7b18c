"""What the people tests share: running the people stage on a text (places left out) and
finding each person by name."""

from __future__ import annotations

from typing import Any

from sitrep.stages.people import extract_people


def people_of(make_state: Any, resources: Any, text: str) -> dict[str, Any]:
    """The people of ``text`` by name; every mention must verify against it."""
    state = make_state(text)
    state.places = []
    extract_people(state, resources)
    for p in state.people:
        assert all(m.verify(text) for m in p.mentions)
    return {p.name: p for p in state.people}
