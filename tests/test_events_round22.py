"""Events round 22 (docs/EVENTS.md "Round 22"): what protesters do to roads, places and
police is their protest, and a list of quarters belongs to its town's event."""

from __future__ import annotations

from typing import Any

import pytest

from events_support import events_in_invented_towns, events_with_places, places_named


@pytest.mark.parametrize(
    "sentence",
    [
        "Protesters also blocked roads in Kestrel this morning, the transit authority said.",
        "Demonstrators blocked the main highway at Kestrel on Monday.",
        "Marchers gathered outside the town hall in Kestrel on Monday.",
        "Police arrested 41 people in Kestrel after protesters threw stones at officers.",
    ],
)
def test_what_protesters_do_to_roads_places_or_police_is_a_protest(
    make_state: Any, resources: Any, sentence: str
) -> None:
    events = events_in_invented_towns(make_state, resources, sentence)
    assert ("protest", "Kestrel") in [(k, p) for k, p, _ in events]


def test_each_town_whose_roads_protesters_blocked_has_its_protest(
    make_state: Any, resources: Any
) -> None:
    text = "Protesters also blocked roads in Kestrel, Harlow and Tindale on Tuesday morning."
    events = events_in_invented_towns(make_state, resources, text)
    assert sorted(p or "" for k, p, _ in events if k == "protest") == [
        "Harlow", "Kestrel", "Tindale"
    ]  # fmt: skip


@pytest.mark.parametrize(
    "sentence",
    [
        "Protesters said they would not block the road to Kestrel.",
        "Protesters demanded the release of their leaders in Kestrel.",
    ],
)
def test_what_protesters_say_or_do_not_do_is_no_new_protest(
    make_state: Any, resources: Any, sentence: str
) -> None:
    events = events_in_invented_towns(make_state, resources, sentence)
    assert "protest" not in [k for k, _, _ in events]


def test_quarters_named_together_belong_to_their_towns_protest(
    make_state: Any, resources: Any
) -> None:
    text = (
        "Security forces opened fire on demonstrators in Kestrel on Tuesday, killing three.\n\n"
        "Protesters blocked roads in the Hamdallo and Bambo neighbourhoods and threw stones "
        "at police. At least 27 people were wounded.\n"
    )
    places = places_named(
        text, {"Kestrel": ("town", 10.0), "Hamdallo": ("other", None), "Bambo": ("other", None)}
    )
    events = events_with_places(make_state, resources, text, places)
    protests = [(p, e.killed, e.injured) for k, p, e in events if k == "protest"]
    assert protests == [("Kestrel", 3, 27)]


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("Kestrel was first overrun by militants in February 2021.", "2021-02"),
        ("The garrison town of Kestrel was overrun by insurgents in 2021.", "2021"),
    ],
)
def test_a_town_overrun_by_fighters_is_captured_whatever_the_parse(
    make_state: Any, resources: Any, sentence: str, date: str
) -> None:
    # The model reads "overrun" after "was" as a noun; the agent after it says it is the
    # passive verb.
    events = events_in_invented_towns(make_state, resources, sentence)
    assert [(k, p, e.date) for k, p, e in events] == [("capture", "Kestrel", date)]


def test_an_overrun_noun_with_no_agent_is_no_capture(make_state: Any, resources: Any) -> None:
    text = "Kestrel has seen a cost overrun on its new bridge."
    events = events_in_invented_towns(make_state, resources, text)
    assert "capture" not in [k for k, _, _ in events]


def test_a_noun_after_be_with_a_determiner_is_no_passive(make_state: Any, resources: Any) -> None:
    text = "The stoppage in Kestrel was a strike by teachers over unpaid wages."
    events = events_in_invented_towns(make_state, resources, text)
    assert "attack" not in [k for k, _, _ in events]


def test_protesters_blocked_by_police_do_no_blocking(make_state: Any, resources: Any) -> None:
    text = "Protesters were blocked by police from reaching Kestrel on Monday."
    events = events_in_invented_towns(make_state, resources, text)
    assert "protest" not in [k for k, _, _ in events]


@pytest.mark.parametrize(
    "toll",
    [
        "At least 152 people have died nationwide since Saturday, the agency said.",
        "At least 540 people have died in 21 of the country's 23 provinces since late July.",
        "At least 36 people have been killed across the governorate since dawn.",
    ],
)
def test_a_toll_counted_across_many_areas_is_no_towns(
    make_state: Any, resources: Any, toll: str
) -> None:
    text = f"Floods swept through Kestrel on Sunday, officials said.\n\n{toll}\n"
    events = events_in_invented_towns(make_state, resources, text)
    assert [(e.killed, e.injured) for k, p, e in events if p == "Kestrel"] == [(None, None)]


def test_a_toll_counted_in_one_town_apart_is_still_that_towns(
    make_state: Any, resources: Any
) -> None:
    text = "Floods swept through Kestrel on Sunday.\n\nAt least 12 people have died there.\n"
    events = events_in_invented_towns(make_state, resources, text)
    assert [(e.killed, e.injured) for k, p, e in events if p == "Kestrel"] == [(12, None)]
