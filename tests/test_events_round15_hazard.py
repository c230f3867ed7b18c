"""Round 15d: a hazard that reaches several places in its own clause is a disaster at
each place named there ("the river spilled into A, B and C", "Landslides blocked the road
near A and the pass at B", "cholera cases were confirmed in the A and B camps"); a hazard
that reaches one place, or a river that only flows, is not split. Sentences and towns are
invented (events_support)."""

from __future__ import annotations

from typing import Any

import pytest

from events_support import events_in_invented_towns


def _disasters(make_state: Any, resources: Any, text: str) -> list[str | None]:
    found = events_in_invented_towns(make_state, resources, text)
    return sorted((p for k, p, _ in found if k == "disaster"), key=str)


@pytest.mark.parametrize(
    "text",
    [
        "By Sunday evening the river had spilled into Harlow, Kestrel and Moravo.",
        "Seawater surged into the streets of Harlow, Kestrel and Moravo on Friday.",
        "New measles cases were confirmed on Friday in Harlow, Kestrel and Moravo.",
    ],
)
def test_a_hazard_reaching_three_places_is_three_disasters(
    make_state: Any, resources: Any, text: str
) -> None:
    assert _disasters(make_state, resources, text) == ["Harlow", "Kestrel", "Moravo"]


def test_a_road_blocked_by_landslides_at_each_place_is_no_outage(
    make_state: Any, resources: Any
) -> None:
    text = "Landslides blocked the main road near Harlow and the old bridge at Kestrel."
    found = events_in_invented_towns(make_state, resources, text)
    assert not [p for k, p, _ in found if k == "infrastructure_damage"]
    assert _disasters(make_state, resources, text) == ["Harlow", "Kestrel"]


def test_a_river_that_flows_through_places_is_no_disaster(make_state: Any, resources: Any) -> None:
    text = "The river flows through Harlow, Kestrel and Moravo before it reaches the sea."
    assert _disasters(make_state, resources, text) == []


def test_a_hazard_that_spares_places_is_no_disaster(make_state: Any, resources: Any) -> None:
    text = "The floodwaters threatened Harlow and Kestrel but did not reach them."
    assert "Kestrel" not in _disasters(make_state, resources, text)


def test_places_outside_the_hazard_clause_get_no_disaster(make_state: Any, resources: Any) -> None:
    text = (
        "The river spilled into Harlow and Kestrel on Monday, and officials from Moravo "
        "met the governor."
    )
    places = _disasters(make_state, resources, text)
    assert "Harlow" in places and "Kestrel" in places
    assert "Moravo" not in places
