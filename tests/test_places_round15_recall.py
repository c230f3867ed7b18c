"""Places round 15 (recall): a lower-case noun of an administrative unit after the name of
a known town ("in Mardan district", "the Gulu territory") names the unit, an area of its
own, recorded whole and apart from the town it is named after. Sentences are our own."""

from __future__ import annotations

import pytest
from tests.places_support import MakeState, by_mention, run

from sitrep.resources import Resources


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Flash floods destroyed 300 homes in Mardan district on Tuesday.", "Mardan district"),
        ("Gunmen raided two villages in the Gulu district overnight.", "Gulu district"),
        ("Relief teams handed out tents in Mbale municipality.", "Mbale municipality"),
        ("Clashes were reported across the Kindu territory last week.", "Kindu territory"),
    ],
)
def test_unit_after_a_town_name_is_recorded_whole_as_a_region(
    make_state: MakeState, resources: Resources, text: str, mention: str
) -> None:
    place = by_mention(run(make_state, resources, text), mention)
    assert place is not None
    assert place.kind == "region"


def test_the_unit_and_its_town_are_two_places(make_state: MakeState, resources: Resources) -> None:
    text = (
        "Water reached the centre of Mardan on Monday. "
        "Officials said 12 people died across Mardan district."
    )
    places = run(make_state, resources, text)
    town, district = by_mention(places, "Mardan"), by_mention(places, "Mardan district")
    assert town is not None and district is not None
    assert town.id != district.id
    assert town.kind in {"city", "town", "village"}


@pytest.mark.parametrize(
    ("text", "mention", "absent"),
    [
        # "district" modifies the noun after it: the place is the town.
        ("The Gulu district hospital admitted 40 patients.", "Gulu", "Gulu district"),
        # A name the gazetteer does not know is the district's own name.
        ("Police said the Zarvenka district was calm again.", "Zarvenka", "Zarvenka district"),
        # The plural after a list leaves each member bare.
        (
            "Floods hit Mardan, Swabi and Nowshera districts on Monday.",
            "Mardan",
            "Mardan district",
        ),
    ],
)
def test_unit_word_not_taken_into_the_mention(
    make_state: MakeState, resources: Resources, text: str, mention: str, absent: str
) -> None:
    places = run(make_state, resources, text)
    assert by_mention(places, absent) is None
    assert by_mention(places, mention) is not None


def test_a_piece_of_a_hyphenated_name_does_not_take_the_unit_word(
    make_state: MakeState, resources: Resources
) -> None:
    text = "Aid was delivered across the Upper-Gulu district on Friday."
    assert by_mention(run(make_state, resources, text), "Gulu district") is None
