"""The places stage, round 22: natural features and works named by a lower-case word after
the name ("the Shabelle river", "the Dumbur dam", "the Kamarob gorge", "the Fuego volcano")."""

from __future__ import annotations

import pytest

from places_support import MakeState, by_mention, run
from sitrep.resources import Resources


@pytest.mark.parametrize(
    ("text", "mention", "kind"),
    [
        ("Floods along the Ngadda river cut the road on Sunday.", "Ngadda river", "water"),
        ("Water poured from the Dumbur dam after days of rain.", "Dumbur dam", "other"),
        ("Rescuers searched the Kamarob gorge for the missing.", "Kamarob gorge", "other"),
        ("Climbers were caught on the Kazbek glacier on Monday.", "Kazbek glacier", "other"),
        ("Army units sealed the Micay canyon overnight.", "Micay canyon", "other"),
        ("The level of the Sardoba reservoir rose again.", "Sardoba reservoir", "water"),
        ("Smugglers crossed the Hamoun wetlands at night.", "Hamoun wetlands", "water"),
    ],
)
def test_a_name_with_a_feature_word_is_that_feature_recorded_as_written(
    make_state: MakeState, resources: Resources, text: str, mention: str, kind: str
) -> None:
    place = by_mention(run(make_state, resources, text), mention)
    assert place is not None and place.kind == kind and place.lat is None


def test_the_name_inside_a_feature_is_no_town_of_its_own(
    make_state: MakeState, resources: Resources
) -> None:
    # "Micay" is another name of López, a village; of the canyon it names nothing else.
    places = run(make_state, resources, "Army units sealed the Micay canyon overnight.")
    assert by_mention(places, "Micay") is None


def test_a_name_the_model_reads_as_an_adjective_still_names_the_feature(
    make_state: MakeState, resources: Resources
) -> None:
    places = run(make_state, resources, "Rescuers searched the Bubistskali gorge on Monday.")
    assert by_mention(places, "Bubistskali gorge") is not None


def test_a_peoples_adjective_before_a_feature_word_names_no_feature(
    make_state: MakeState, resources: Resources
) -> None:
    places = run(make_state, resources, "Patrols crossed the Russian river at dawn.")
    assert by_mention(places, "Russian river") is None


def test_a_volcano_is_recorded_by_its_bare_name(
    make_state: MakeState, resources: Resources
) -> None:
    places = run(make_state, resources, "The Kanlaon volcano erupted on Monday evening.")
    volcano = by_mention(places, "Kanlaon")
    assert volcano is not None and volcano.kind == "other"
    assert by_mention(places, "Kanlaon volcano") is None


def test_the_works_of_a_known_town_stay_the_town(
    make_state: MakeState, resources: Resources
) -> None:
    # A report that names a dam by its town places what happens there at the town.
    places = run(make_state, resources, "Drones struck the Merowe dam in northern Sudan.")
    town = by_mention(places, "Merowe")
    assert town is not None and town.country == "SD"
    assert by_mention(places, "Merowe dam") is None


def test_an_unknown_capitalised_river_is_water(make_state: MakeState, resources: Resources) -> None:
    places = run(make_state, resources, "The Chari River burst its banks in N'Djamena.")
    river = by_mention(places, "Chari River")
    assert river is not None and river.kind == "water"


def test_a_capital_beside_a_province_of_its_name_is_the_capital(
    make_state: MakeState, resources: Resources
) -> None:
    # Maputo City is a province of its own; Maputo Province, around Matola, bears the name.
    text = (
        "Updated 7 November 2024\n\n"
        "- At least three people were killed in Maputo and Matola, according to a "
        "Maputo-based monitoring group.\n\n"
        "16:02 — Maputo Central Hospital said it had received 47 people with injuries.\n\n"
        "15:10 — In Matola, a young man was shot dead when police opened fire on a crowd "
        "blocking the N4 highway near Machava.\n\n"
        "13:05 — Protests have also been reported in Xai-Xai, Quelimane and Chimoio, where "
        "police used tear gas to disperse crowds.\n"
    )
    maputo = by_mention(run(make_state, resources, text), "Maputo")
    assert maputo is not None and maputo.kind == "city" and maputo.country == "MZ"


def test_a_province_named_with_its_word_is_still_the_province(
    make_state: MakeState, resources: Resources
) -> None:
    places = run(make_state, resources, "Floods hit Maputo province and Gaza province.")
    province = by_mention(places, "Maputo province")
    assert province is not None and province.kind == "region"
