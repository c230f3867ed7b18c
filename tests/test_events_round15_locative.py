"""Round 15c: unknown places after locating prepositions, every use of a name the text
made a place, and where aid arrives. Sentences and names are invented: "Qorvatsi",
"Belunzo" and "Tamerakh" are names no gazetteer holds; "Harlow" and "Kestrel" are towns an
invented gazetteer pins (events_support)."""

from __future__ import annotations

from typing import Any

import pytest
from tests.places_support import by_mention, run

from events_support import events_with_places, places_named
from sitrep.records import Event

# --------------------------------------------------------------- places: the locative rule


def test_a_name_located_twice_is_a_place(make_state: Any, resources: Any) -> None:
    text = (
        "A nine-year-old boy drowned at Qorvatsi on Wednesday when his canoe capsized. "
        '"We moved more than 1,500 people out of Qorvatsi by boat," a rescuer said.'
    )
    place = by_mention(run(make_state, resources, text), "Qorvatsi")
    assert place is not None
    assert len(place.mentions) == 2


def test_a_name_located_once_beside_a_known_place_is_a_place(
    make_state: Any, resources: Any
) -> None:
    text = "A boy drowned at Kedzoro on Wednesday, and a man was recovered near Accra."
    assert by_mention(run(make_state, resources, text), "Kedzoro") is not None


def test_a_name_located_once_and_alone_is_not_a_place(make_state: Any, resources: Any) -> None:
    text = "A boy drowned at Kedzoro on Wednesday, and a man is still missing."
    assert by_mention(run(make_state, resources, text), "Kedzoro") is None


@pytest.mark.parametrize(
    "text",
    [
        # a possessor, not a place
        "In Qorvatsi's view, the talks failed. Floods hit Accra. In Qorvatsi's words, it was late.",
        # the name qualifies a noun: the place is the school's
        "Families slept at the Qorvatsi school in Accra. Others slept at the Qorvatsi school.",
    ],
)
def test_a_located_name_that_is_no_place_of_its_own_is_left_out(
    make_state: Any, resources: Any, text: str
) -> None:
    assert by_mention(run(make_state, resources, text), "Qorvatsi") is None


# --------------------------------------------------------------- places: every use of a name


def test_every_whole_use_of_a_place_name_is_a_mention(make_state: Any, resources: Any) -> None:
    text = (
        "By Tuesday the river had spilled into Belunzo, Tamerakh and Accra. "
        "The health service has deployed mobile clinics to Tamerakh."
    )
    place = by_mention(run(make_state, resources, text), "Tamerakh")
    assert place is not None
    assert len(place.mentions) == 2


def test_a_name_qualifying_a_noun_is_no_further_mention(make_state: Any, resources: Any) -> None:
    text = (
        "By Tuesday the river had spilled into Belunzo, Tamerakh and Accra. "
        "The injured were taken to the Tamerakh District Hospital."
    )
    place = by_mention(run(make_state, resources, text), "Tamerakh")
    assert place is not None
    assert len(place.mentions) == 1


# --------------------------------------------------------------- events: where aid arrives

_TOWNS = {"Harlow": ("town", 10.0), "Kestrel": ("town", 11.0)}


def _found(make_state: Any, resources: Any, text: str) -> list[tuple[str, str | None, Event]]:
    return events_with_places(make_state, resources, text, places_named(text, _TOWNS))


def _places_of(found: list[tuple[str, str | None, Event]], kind: str) -> list[str | None]:
    return [place for k, place, _ in found if k == kind]


@pytest.mark.parametrize(
    "text",
    [
        "The Red Cross in Kestrel says it has sent tarpaulins, drinking water and dry food "
        "for 300 families to Harlow.",
        "Volunteers from Kestrel delivered blankets and clean water for 200 households to Harlow.",
    ],
)
def test_aid_sent_to_a_town_is_placed_where_it_arrives(
    make_state: Any, resources: Any, text: str
) -> None:
    assert _places_of(_found(make_state, resources, text), "aid") == ["Harlow"]


def test_a_duration_is_no_destination(make_state: Any, resources: Any) -> None:
    text = (
        "A convoy of food aid reached Harlow on Monday after being held for four days at Kestrel."
    )
    assert _places_of(_found(make_state, resources, text), "aid") == ["Harlow"]


def test_a_return_to_a_town_stays_there(make_state: Any, resources: Any) -> None:
    text = "Some 400 families from camps near Kestrel have returned to Harlow this month."
    assert _places_of(_found(make_state, resources, text), "return") == ["Harlow"]
