"""Events stage, round 8: one event per named place (ACLED's convention). An event whose
own clause names several places joined by "and" is told once at each, with the same
type, date and actors; a toll goes only to the place its clause names, never to all."""

from __future__ import annotations

import re

import pytest

from sitrep.records import Event, Place, Span
from sitrep.stages.dating import date_report
from sitrep.stages.events import extract_events
from sitrep.stages.figures import extract_figures
from sitrep.stages.times import extract_times

# Invented coordinates: only that the gazetteer pinned each place matters here.
TOWNS = ("Arden", "Belmont", "Corvale", "Dunmore", "Eastwick")
UNRESOLVED = "Fenwold"


def _places(text: str) -> list[Place]:
    places = []
    for index, name in enumerate((*TOWNS, UNRESOLVED)):
        found = tuple(Span.of(text, m.start(), m.end()) for m in re.finditer(rf"\b{name}\b", text))
        if not found:
            continue
        resolved = name != UNRESOLVED
        places.append(
            Place(
                id=f"P{index + 1}",
                name=name,
                mentions=found,
                lat=10.0 + index if resolved else None,
                lon=20.0 + index if resolved else None,
                kind="city" if resolved else "other",
            )
        )
    return places


def _events(make_state, resources, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    state = make_state(text, "2024-08-20")
    state.places = _places(text)
    for run in (extract_times, date_report, extract_figures, extract_events):
        run(state, resources)
    return state.events


def _at(events: list[Event], kind: str) -> dict[str, Event]:
    """The events of one type by their place's name."""
    names = {f"P{i + 1}": n for i, n in enumerate((*TOWNS, UNRESOLVED))}
    return {names.get(str(e.place), str(e.place)): e for e in events if e.type == kind}


@pytest.mark.parametrize(
    ("text", "kind", "towns"),
    [
        (
            "Protesters marched in Arden, Belmont, Corvale and Dunmore on Monday.",
            "protest",
            {"Arden", "Belmont", "Corvale", "Dunmore"},
        ),
        ("Demonstrations spread across Arden and Eastwick on Sunday.", "protest",
         {"Arden", "Eastwick"}),
        ("Rebel fighters clashed with the army in Belmont and Corvale on Friday.",
         "armed_clash", {"Belmont", "Corvale"}),
    ],
)  # fmt: skip
def test_an_event_told_at_several_named_places_is_one_event_at_each(  # type: ignore[no-untyped-def]
    make_state, resources, text, kind, towns
):
    events = _at(_events(make_state, resources, text), kind)
    assert set(events) == towns
    told = {(e.date, e.actors, e.modality, e.evidence) for e in events.values()}
    assert len(told) == 1  # same date, actors and evidence at every place


def test_places_split_over_keep_their_actors_and_date(make_state, resources):  # type: ignore[no-untyped-def]
    text = "Ukrainian forces shelled Arden and Belmont on Monday."
    events = _at(_events(make_state, resources, text), "shelling")
    assert set(events) == {"Arden", "Belmont"}
    assert {e.actors for e in events.values()} == {("Ukraine: military",)}
    assert {e.date for e in events.values()} == {"2024-08-19"}


@pytest.mark.parametrize(
    "text",
    [
        "Shells hit Arden and two nearby villages on Tuesday.",
        "Troops shelled the road from Arden to Belmont on Monday.",
        "Thousands of residents fled from Arden and Belmont to Corvale on Monday.",
        "Artillery struck a village 20 km from Arden and Belmont on Monday.",
    ],
)
def test_a_route_an_origin_or_a_reference_point_is_no_place_to_split_over(  # type: ignore[no-untyped-def]
    make_state, resources, text
):
    events = _events(make_state, resources, text)
    assert len(events) == 1


def test_an_unresolved_place_listed_with_resolved_ones_is_split_over(make_state, resources):  # type: ignore[no-untyped-def]
    # Round 10 (was: never split over; that test passed only because the parser hung
    # "and Fenwold" on the verb). A list of names none of which resolves is still not
    # split: tests/test_events_round10.py.
    text = "Protesters marched in Arden, Belmont and Fenwold on Monday."
    assert set(_at(_events(make_state, resources, text), "protest")) == {
        "Arden",
        "Belmont",
        "Fenwold",
    }


@pytest.mark.parametrize(
    ("text", "kind", "killed"),
    [
        # The clause after ";" ties its count to one place of the list.
        (
            "Demonstrators rallied in Arden, Belmont and Corvale on Tuesday; "
            "two people were killed in Corvale.",
            "protest",
            {"Arden": None, "Belmont": None, "Corvale": 2},
        ),
        # A relative clause on one place of the list.
        (
            "Protests were reported in Arden and Belmont, where a student was killed.",
            "protest",
            {"Arden": None, "Belmont": 1},
        ),
        # A total for places named alike goes to the first of the list (round 23; it was
        # no one place's toll before).
        (
            "Airstrikes killed 12 people in Arden and Belmont on Monday.",
            "airstrike",
            {"Arden": 12, "Belmont": None},
        ),
        (
            "Protesters marched in Arden, Belmont and Corvale on Monday. Two people were killed.",
            "protest",
            {"Arden": 2, "Belmont": None, "Corvale": None},
        ),
    ],
)
def test_a_toll_goes_only_to_the_place_the_text_ties_it_to(  # type: ignore[no-untyped-def]
    make_state, resources, text, kind, killed
):
    events = _at(_events(make_state, resources, text), kind)
    assert {name: e.killed for name, e in events.items()} == killed


def test_a_toll_after_a_single_place_event_still_goes_to_it(make_state, resources):  # type: ignore[no-untyped-def]
    text = "Protesters marched in Arden on Monday. Two people were killed."
    assert _at(_events(make_state, resources, text), "protest")["Arden"].killed == 2


def test_merging_keeps_split_events_apart_when_a_place_is_told_again(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "Protesters marched in Arden and Belmont on Monday. "
        "The protest in Arden drew thousands on Monday."
    )
    events = _at(_events(make_state, resources, text), "protest")
    assert set(events) == {"Arden", "Belmont"}
