"""Figures, ninth round (session 7, from the figure ``what`` mismatches that ``sitrep eval
report --errors`` lists on examples, eval/events and eval/outside/a-f; sentences and towns
of our own): what a number counts, told by the construction around it."""

from __future__ import annotations

import pytest

from figures_support import figures_of, one_figure

PUBLISHED = "2024-03-12"


def quantity_of(make_state, resources, text: str, span: str) -> str | None:  # type: ignore[no-untyped-def]
    return one_figure(figures_of(make_state, resources, text, PUBLISHED), span).quantity


@pytest.mark.parametrize(
    ("text", "span", "quantity"),
    [
        ("Two days of shelling left 31 people dead and 80 injured in Kessala.", "31", "killed"),
        ("The explosion left 12 workers wounded, the plant's owner said.", "12", "injured"),
        ("The storm left 4,000 people homeless along the coast.", "4,000", "displaced"),
        # "left" with nothing after it is still a departure
        ("Some 2,000 people left Tarvo on foot overnight.", "Some 2,000", "displaced"),
    ],
)
def test_what_left_put_people_in_says_what_they_count(
    make_state, resources, text: str, span: str, quantity: str
) -> None:  # type: ignore[no-untyped-def]
    assert quantity_of(make_state, resources, text, span) == quantity


@pytest.mark.parametrize(
    ("text", "span", "quantity"),
    [
        ("Four people were killed and seven others were injured in the blast.", "seven",
         "injured"),
        ("Two officials were killed when the convoy was ambushed.", "Two", "killed"),
        ("Soldiers killed 14 rebels near the river crossing.", "14", "killed"),
        ("The raid killed 23 parishioners at evening mass.", "23", "killed"),
        ("Around 1,300 Tamils are still missing after the floods.", "Around 1,300", "missing"),
    ],
)  # fmt: skip
def test_a_toll_of_others_or_of_unlisted_persons_is_a_toll(
    make_state, resources, text: str, span: str, quantity: str
) -> None:  # type: ignore[no-untyped-def]
    figure = one_figure(figures_of(make_state, resources, text, PUBLISHED), span)
    assert (figure.quantity, figure.unit) == (quantity, "people")


def test_a_whole_the_parser_misses_still_includes_its_part(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Medics said at least 40 fighters had been killed since the assault began, "
        "including 12 militia members, and that dozens were wounded."
    )
    assert quantity_of(make_state, resources, text, "12") == "killed"


@pytest.mark.parametrize(
    ("text", "span", "quantity"),
    [
        ("Fourteen trucks carrying flour and medicine reached Dombe on Friday.", "Fourteen",
         "aid"),
        ("The agency flew in 75 tonnes of food and tents for the survivors.", "75", "aid"),
        ("Volunteers handed out 900 hygiene kits at the school.", "900", "aid"),
        # goods that no one delivers are not aid
        ("Rioters set fire to 12 trucks on the bypass.", "12", "other"),
        ("A convoy of 20 military trucks carrying troops and supplies left the base.", "20",
         "other"),
    ],
)  # fmt: skip
def test_goods_in_a_sentence_about_supplies_are_aid(
    make_state, resources, text: str, span: str, quantity: str
) -> None:  # type: ignore[no-untyped-def]
    assert quantity_of(make_state, resources, text, span) == quantity


@pytest.mark.parametrize(
    ("text", "span", "quantity"),
    [
        ("The substation fire left some 90,000 homes without electricity.", "some 90,000",
         "without_power"),
        ("By night 40 percent of homes were still without power.", "40 percent",
         "without_power"),
        ("The blast cut water to about 15,000 residents of Ormo.", "about 15,000",
         "without_water"),
        ("Mains water is cut to 3,100 households in the valley.", "3,100", "without_water"),
        ("Gas supplies were halted after the leak, affecting 52,000 households.", "52,000",
         "without_gas"),
        # "affected" with no utility in the sentence is its own count
        ("The floods have affected over 60,000 people in the delta.", "over 60,000",
         "affected"),
    ],
)  # fmt: skip
def test_people_a_utility_was_cut_to_are_without_it(
    make_state, resources, text: str, span: str, quantity: str
) -> None:  # type: ignore[no-untyped-def]
    assert quantity_of(make_state, resources, text, span) == quantity


@pytest.mark.parametrize(
    ("text", "span", "quantity"),
    [
        ("Our teams distributed meals and blankets to more than 6,000 people in the camp.",
         "more than 6,000", "aid_recipients"),
        ("The barge carried therapeutic food for 2,500 children.", "2,500", "aid_recipients"),
        ("A distribution on Monday reached 1,200 families with winter clothes.", "1,200",
         "aid_recipients"),
        # the people's own state outranks the aid sent to them
        ("The ministry will send tents to some 800 families left homeless.", "some 800",
         "displaced"),
        # "bringing the toll to 19" hands no one anything
        ("Two more of the wounded died, bringing the toll to 19.", "19", "killed"),
    ],
)  # fmt: skip
def test_people_supplies_go_to_are_aid_recipients(
    make_state, resources, text: str, span: str, quantity: str
) -> None:  # type: ignore[no-untyped-def]
    figures = figures_of(make_state, resources, text, PUBLISHED)
    assert [f.quantity for f in figures if f.span.text == span] in ([quantity], [])
    if quantity != "killed":  # a restated toll may be dropped; any other must be there
        assert one_figure(figures, span).quantity == quantity


@pytest.mark.parametrize(
    ("text", "span", "quantity"),
    [
        ("Drones destroyed four armoured vehicles near the depot.", "four", "destroyed"),
        ("At least nine bridges on the highway were destroyed by the flood.", "At least nine",
         "destroyed"),
        ("Three footbridges over the canal have collapsed.", "Three", "destroyed"),
        ("The mudslide buried more than 60 houses in Pelto.", "more than 60",
         "buildings_destroyed"),
        ("Over 40 percent of the houses in the quarter remain damaged.", "Over 40 percent",
         "buildings_damaged"),
        ("At least 20 health facilities were damaged in the strikes.", "At least 20",
         "buildings_damaged"),
        ("The cyclone destroyed about 70 percent of the port.", "about 70 percent",
         "destroyed"),
    ],
)  # fmt: skip
def test_a_destroyed_thing_that_is_no_building_is_still_destroyed(
    make_state, resources, text: str, span: str, quantity: str
) -> None:  # type: ignore[no-untyped-def]
    assert quantity_of(make_state, resources, text, span) == quantity


@pytest.mark.parametrize(
    ("text", "span", "quantity"),
    [
        ("Gunmen abducted 41 pupils from a boarding school in Dakra.", "41", "abducted"),
        ("Armed men seized 12 farmers and three herders on the road.", "three", "abducted"),
        ("Nearly 200 people were kidnapped in the district last year.", "Nearly 200",
         "abducted"),
        ("Police arrested 57 protesters outside parliament.", "57", "arrested"),
        ("Police said 30 of those detained were released on Friday.", "30", "released"),
        # money released is no person freed
        ("The treasury released 400 million shillings for the victims.", "400 million",
         "other"),
    ],
)  # fmt: skip
def test_an_abduction_is_no_arrest_and_a_release_frees_people(
    make_state, resources, text: str, span: str, quantity: str
) -> None:  # type: ignore[no-untyped-def]
    assert quantity_of(make_state, resources, text, span) == quantity


@pytest.mark.parametrize(
    ("text", "span", "quantity"),
    [
        ("Officials said some 3,800 people crossed the river into Loma overnight.",
         "some 3,800", "displaced"),
        ("Nearly 90,000 Burundians have crossed back from Tanzania since May.",
         "Nearly 90,000", "returned"),
        ("About 5,000 people had sought shelter in the cathedral by Sunday.", "About 5,000",
         "displaced"),
        ("The town registered 12,300 arrivals in a week.", "12,300", "displaced"),
        ("Buses took the last of about 450 evacuees home on Friday.", "about 450",
         "evacuated"),
        ("The army sent some 2,000 soldiers to the border district.", "some 2,000",
         "deployed"),
        # soldiers who cross a border are not displaced
        ("Some 3,000 troops crossed the border at dawn.", "Some 3,000", "people"),
        ("Most of the city's roughly 40,000 residents fled before the assault.",
         "roughly 40,000", "population"),
        ("Around 2,000 tourists were stranded in the valley.", "Around 2,000", "stranded"),
    ],
)  # fmt: skip
def test_who_moves_and_who_is_sent(
    make_state, resources, text: str, span: str, quantity: str
) -> None:  # type: ignore[no-untyped-def]
    assert quantity_of(make_state, resources, text, span) == quantity


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("Winds of up to 180 km per hour tore roofs off.", "up to 180 km per hour", 180.0,
         "km/h"),
        ("Gusts reached 95 mph on the coast.", "95 mph", 95.0, "mph"),
        ("The storm moved inland at 20 km/h.", "20 km/h", 20.0, "km/h"),
    ],
)  # fmt: skip
def test_a_speed_is_no_distance(
    make_state, resources, text: str, span: str, value: float, unit: str
) -> None:  # type: ignore[no-untyped-def]
    figure = one_figure(figures_of(make_state, resources, text, PUBLISHED), span)
    assert (figure.value, figure.unit, figure.quantity) == (value, unit, "speed")


def test_patients_with_wounds_are_injured(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = "The clinic received 38 patients with gunshot wounds overnight."
    assert quantity_of(make_state, resources, text, "38") == "injured"


def test_a_distance_stays_a_distance(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = "Shelling hit the village, 12 km from the front, on Monday."
    figure = one_figure(figures_of(make_state, resources, text, PUBLISHED), "12 km")
    assert (figure.unit, figure.quantity) == ("km", "distance")
