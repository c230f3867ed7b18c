"""Events round 23 (docs/EVENTS.md "Round 23"): damage to buildings at a town of its own,
told after the quake or the attack that did it, is that event's, and a toll told in the
damage's sentence still reaches the event."""

from __future__ import annotations

from typing import Any

import pytest

from events_support import events_in_invented_towns


@pytest.mark.parametrize(
    "text",
    [
        "A strong earthquake struck Harlow on Sunday. In Kestrel, 300 houses were destroyed.",
        "A magnitude 5.9 earthquake struck near Harlow late on Saturday.\n\n"
        "It damaged buildings in Harlow, Kestrel and Moravo and was felt as far away as "
        "Quenby.",
        "Gunmen attacked Harlow on Sunday, killing 12 people.\n\n"
        "In Kestrel, 40 houses were destroyed.",
    ],
)
def test_damage_at_another_town_after_its_event_is_that_event(
    make_state: Any, resources: Any, text: str
) -> None:
    events = events_in_invented_towns(make_state, resources, text)
    assert [k for k, _, _ in events if k == "infrastructure_damage"] == []
    host = next(e for k, _, e in events if k in ("disaster", "attack"))
    assert len(host.evidence) == 2  # the damage's words are the event's evidence


def test_a_toll_in_the_damage_sentence_reaches_the_quake(make_state: Any, resources: Any) -> None:
    text = (
        "A magnitude 5.9 earthquake struck beneath Harlow in February.\n\n"
        "It killed 17 people across the valley and injured more than 60, officials said, "
        "and damaged or destroyed about 1,900 homes in Kestrel.\n"
    )
    events = events_in_invented_towns(make_state, resources, text)
    assert [k for k, _, _ in events if k == "infrastructure_damage"] == []
    quake = next(e for k, _, e in events if k == "disaster")
    assert (quake.killed, quake.injured) == (17, 60)


@pytest.mark.parametrize(
    "text",
    [
        # a utility cut stays an outage of its own
        "A strong earthquake struck Harlow on Sunday. In Kestrel, the water supply was cut.",
        # damage dated apart is its own
        "A strong earthquake struck Harlow on Sunday. In March 2019, 300 houses were "
        "destroyed in Kestrel by a fire.",
        # damage with no event before it to belong to
        "In Kestrel, 300 houses were destroyed on Sunday.",
    ],
)
def test_outages_dated_damage_and_damage_with_no_event_before_stay_events(
    make_state: Any, resources: Any, text: str
) -> None:
    events = events_in_invented_towns(make_state, resources, text)
    assert "infrastructure_damage" in [k for k, _, _ in events]
