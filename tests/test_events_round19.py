"""Round 19: a hazard told over a list of places is a disaster at each (docs/EVENTS.md,
"Round 19 — hazards over lists of places").

Writers code one disaster per place a flood, mudflow or storm reached. Round 15d read
the list where the hazard is the clause's own subject ("the river spilled into A, B and
C"); reports also tell it by a participle that shares its subject with the main verb
("The river burst its banks, flooding parts of A, B and C"), by a named storm ("Storm
Boris sent a wall of water through A, B and C"), by a passive verb that names the flood
itself ("Homes were swept away in A, B and C"), and by the villages "of" or "in" a list.
A death told by "drowned" is a toll, and a toll told near one of the listed towns is that
town's. Towns are invented (events_support)."""

from __future__ import annotations

from typing import Any

import pytest

from events_support import events_in_invented_towns


def _disasters(make_state: Any, resources: Any, text: str) -> dict[str | None, int | None]:
    found = events_in_invented_towns(make_state, resources, text)
    return {place: event.killed for kind, place, event in found if kind == "disaster"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The river burst its banks on Sunday night after two days of rain, flooding parts of"
        " Harlow, Kestrel and Moravo.",
        "On Saturday the water reached the valley, flooding the villages of Harlow, Kestrel"
        " and Moravo.",
        "Rescuers reached the valley on Monday, two days after Storm Boris dumped record"
        " rainfall on the hills and sent a wall of water through Harlow, Kestrel and Moravo.",
        "Homes, roads and bridges were swept away in Harlow, Kestrel and Moravo on Saturday.",
        "Hundreds of houses were flooded in Harlow, Kestrel and Moravo on Saturday.",
    ],
)
def test_a_hazard_over_a_list_of_towns_is_a_disaster_at_each(
    make_state: Any, resources: Any, sentence: str
) -> None:
    placed = _disasters(make_state, resources, sentence)
    assert {"Harlow", "Kestrel", "Moravo"} <= set(placed)


@pytest.mark.parametrize(
    "sentence",
    [
        # Not passive: people carry things away, no flood does.
        "Volunteers washed away the mud in Harlow, Kestrel and Moravo on Saturday.",
        # Swept, but not away: a sweep by police is no flood.
        "Police swept through Harlow, Kestrel and Moravo on Saturday.",
        # The shared subject is no hazard.
        "The minister visited the region on Sunday, touring parts of Harlow, Kestrel and Moravo.",
    ],
)
def test_no_disaster_where_nothing_names_a_hazard(
    make_state: Any, resources: Any, sentence: str
) -> None:
    assert _disasters(make_state, resources, sentence) == {}


def test_a_toll_near_one_listed_town_is_that_towns(make_state: Any, resources: Any) -> None:
    text = (
        "Homes, roads and bridges were swept away in Harlow, Kestrel and Moravo on Saturday."
        "\n\nFour members of one family died when their car was carried away as they tried"
        " to cross a flooded wadi near Kestrel, the ministry said.\n"
    )
    placed = _disasters(make_state, resources, text)
    assert placed["Kestrel"] == 4
    assert placed["Harlow"] is None


def test_men_who_drowned_are_a_toll(make_state: Any, resources: Any) -> None:
    text = (
        "Floodwater swept through Harlow, Kestrel and Moravo over the weekend.\n\n"
        "Two men drowned near Moravo on Sunday when their car was carried off a flooded road.\n"
    )
    placed = _disasters(make_state, resources, text)
    assert placed["Moravo"] == 2


# ------------------------------------------------- a date shared by conjoined predicates


def _dates(make_state: Any, resources: Any, text: str) -> dict[str, str | None]:
    found = events_in_invented_towns(make_state, resources, text)
    return {kind: event.date for kind, _, event in found}


def test_a_date_after_the_last_conjoined_predicate_dates_both(
    make_state: Any, resources: Any
) -> None:
    # "over the weekend" hangs on "forced"; "said on Monday" dates only the saying.
    text = (
        "Fighting between rival armed groups in Harlow killed at least nine people and forced"
        " hundreds of families from their homes over the weekend, the ambulance service said"
        " on Monday."
    )
    dates = _dates(make_state, resources, text)
    assert dates["armed_clash"] == "2025-W10-WE"


def test_a_verb_joined_without_and_shares_no_date(make_state: Any, resources: Any) -> None:
    # The parser joins "reached" to "blocked" with no "and": the flood is not Monday's.
    text = "A convoy blocked for four days by floodwater near Harlow reached Kestrel on Monday."
    assert _dates(make_state, resources, text).get("disaster") != "2025-03-10"


# ------------------------------------------------------------------------------ outages


def _outages(make_state: Any, resources: Any, text: str) -> set[str | None]:
    found = events_in_invented_towns(make_state, resources, text)
    return {place for kind, place, _ in found if kind == "infrastructure_damage"}


def test_power_knocked_out_over_a_list_of_towns_is_an_outage_at_each(
    make_state: Any, resources: Any
) -> None:
    text = "The strikes knocked out power in Harlow, Kestrel and Moravo."
    assert _outages(make_state, resources, text) == {"Harlow", "Kestrel", "Moravo"}


def test_a_knockout_that_names_no_infrastructure_is_no_outage(
    make_state: Any, resources: Any
) -> None:
    text = "The champion knocked out his rival in Harlow."
    assert _outages(make_state, resources, text) == set()


def test_networks_that_remain_down_are_an_outage(make_state: Any, resources: Any) -> None:
    text = "Power and mobile networks remain down in Harlow."
    assert _outages(make_state, resources, text) == {"Harlow"}


# --------------------------------------------------- roads and bridges a hazard cut


@pytest.mark.parametrize(
    "sentence",
    [
        "The water destroyed or damaged six bridges along the river near Harlow on Monday.",
        "Landslides blocked the main road to Harlow on Monday.",
        "Heavy rains flooded Harlow on Monday, washing away two bridges near Kestrel.",
    ],
)
def test_roads_and_bridges_a_hazard_cut_are_its_damage_not_an_outage(
    make_state: Any, resources: Any, sentence: str
) -> None:
    assert _outages(make_state, resources, sentence) == set()


def test_a_hazard_that_cuts_a_utility_leaves_an_outage(make_state: Any, resources: Any) -> None:
    text = "The floodwater knocked out the power station in Harlow on Monday."
    assert _outages(make_state, resources, text) == {"Harlow"}


def test_a_bridge_an_attack_destroyed_is_still_told(make_state: Any, resources: Any) -> None:
    found = events_in_invented_towns(
        make_state, resources, "Drones destroyed the bridge at Harlow on Monday."
    )
    assert [(kind, place) for kind, place, _ in found if kind != "disaster"] == [
        ("airstrike", "Harlow")
    ]


# ------------------------------------------------------------ one person's return


def _returns(make_state: Any, resources: Any, text: str) -> list[str | None]:
    found = events_in_invented_towns(make_state, resources, text)
    return [place for kind, place, _ in found if kind == "return"]


@pytest.mark.parametrize(
    "sentence",
    [
        '"When I came back to Harlow, there was no road, no river, no houses," she said.',
        "Manana, a 47-year-old beekeeper from Harlow, moved back in May.",
        "Her son went back to Harlow last week.",
    ],
)
def test_one_persons_return_is_no_return_of_people(
    make_state: Any, resources: Any, sentence: str
) -> None:
    assert _returns(make_state, resources, sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "About 40 families have returned to Harlow since the spring.",
        "Residents went back to Harlow last week.",
        "Many of them moved back to Harlow in May.",
    ],
)
def test_a_group_going_back_is_a_return(make_state: Any, resources: Any, sentence: str) -> None:
    assert _returns(make_state, resources, sentence) == ["Harlow"]


# ------------------------------------------------------- the infected are no toll


def test_the_infected_are_cases_not_the_dead(make_state: Any, resources: Any) -> None:
    text = (
        "The outbreak has revived memories of 2014, when a dengue epidemic in Harlow infected"
        " more than 45,000 people and killed six."
    )
    found = events_in_invented_towns(make_state, resources, text)
    assert [e.killed for kind, _, e in found if kind == "disaster"] == [6]
