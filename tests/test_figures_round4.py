"""Figures stage, fourth round: quantity typing found on reports the team wrote before any
rule was tried on them (populations, displacement, shares, durations, arrests, ordinals)."""

from __future__ import annotations

import pytest

from figures_support import figures_of
from figures_support import one_figure as _figure
from sitrep.records import Figure


def _figures(make_state, resources, text: str) -> list[Figure]:  # type: ignore[no-untyped-def]
    return figures_of(make_state, resources, text, "2024-08-20")


@pytest.mark.parametrize(
    ("text", "span", "quantity"),
    [
        (
            "Access to Djibo, home to some 270,000 people, most of them displaced, is cut.",
            "some 270,000",
            "population",
        ),
        (
            "Floodwater submerged the city, killing at least 30 people and forcing more than "
            "400,000 from their homes.",
            "more than 400,000",
            "displaced",
        ),
        (
            "About 53,000 people still live in Pokrovsk, down from 60,000 before the war.",
            "About 53,000",
            "population",
        ),
        ("More than 2,000 children remain in the city.", "More than 2,000", "population"),
        ("Thousands of families remain homeless.", "Thousands", "displaced"),
        ("Some 1,000 people are leaving the town each day.", "Some 1,000", "displaced"),
        ("At least 17 people were killed and 160 were injured.", "160", "injured"),
        ("Police detained more than 300 people on Tuesday.", "more than 300", "arrested"),
        ("Volunteers have evacuated up to 300 people a day.", "up to 300", "evacuated"),
    ],
)
def test_numbers_of_people_are_typed_by_what_is_told_of_them(  # type: ignore[no-untyped-def]
    make_state, resources, text, span, quantity
):
    assert _figure(_figures(make_state, resources, text), span).quantity == quantity


@pytest.mark.parametrize(
    ("text", "span", "quantity"),
    [
        (
            "Floodwater submerged about half of the city on Tuesday, killing at least 30.",
            "about half",
            "other",
        ),
        (
            "Nearly 70 percent of buildings have been damaged.",
            "Nearly 70 percent",
            "buildings_damaged",
        ),
    ],
)
def test_a_share_is_never_a_death_toll(make_state, resources, text, span, quantity):  # type: ignore[no-untyped-def]
    assert _figure(_figures(make_state, resources, text), span).quantity == quantity


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("Humanitarian flights were suspended for nine days.", "nine days", 9, "days"),
        ("There has been no electricity for five days.", "five days", 5, "days"),
        ("Power was cut for about 12 hours.", "about 12 hours", 12, "hours"),
    ],
)
def test_how_long_a_state_lasted_is_a_duration(make_state, resources, text, span, value, unit):  # type: ignore[no-untyped-def]
    figure = _figure(_figures(make_state, resources, text), span)
    assert (figure.value, figure.unit, figure.quantity) == (value, unit, "duration")


@pytest.mark.parametrize(
    "text",
    [
        "Two years after the earthquakes, families have moved back.",
        "The first aid convoy in six weeks reached the city.",
        "Trucks arrived after a three-day journey.",
        "She has lived beside the market for forty years.",
        "The army and the rebels fought for a third week.",
        "Between 1 and 31 October, partners registered new arrivals.",
        '"The water came in the night," said Fatima Bukar, 52.',
        "He packed two bags and left.",
    ],
)
def test_settings_ordinals_ages_and_incidental_counts_are_not_figures(make_state, resources, text):  # type: ignore[no-untyped-def]
    assert _figures(make_state, resources, text) == []


def test_small_counts_of_materiel_are_figures(make_state, resources):  # type: ignore[no-untyped-def]
    figure = _figure(
        _figures(make_state, resources, "Ukrainian drones destroyed three Russian tanks."),
        "three",
    )
    assert (figure.value, figure.unit) == (3, "tanks")


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("UNICEF said nine out of ten of the dead were women.", "nine out of ten", 90.0),
        ("One in five children is malnourished.", "One in five", 20.0),
    ],
)
def test_ratio_is_a_share(make_state, resources, text, span, value):  # type: ignore[no-untyped-def]
    figure = _figure(_figures(make_state, resources, text), span)
    assert (figure.value, figure.unit) == (value, "percent")
