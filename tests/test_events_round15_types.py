"""Round 15 (types): which trigger starts which type. Money released is aid, not
captives freed; people on strike fired on are a protest; a diplomatic protest, a headline
verb read as a noun, a return to talks and acts a speaker says keep happening are no
events; aid handed out or clinics deployed are aid. Sentences and towns are invented
(events_support)."""

from __future__ import annotations

from typing import Any

import pytest

from events_support import events_in_invented_towns


def _kinds(make_state: Any, resources: Any, text: str) -> list[tuple[str, str | None]]:
    return [
        (kind, place) for kind, place, _ in events_in_invented_towns(make_state, resources, text)
    ]


# ----------------------------------------------------------------- money is aid


@pytest.mark.parametrize(
    "text",
    [
        "The Treasury released Rs. 400 million for flood relief in Harlow on Monday.",
        "The minister said the cabinet had released $12 million for emergency supplies to Kestrel.",
        "The regional government released GH¢3 million to help families in Moravo.",
    ],
)
def test_money_released_is_aid_not_a_release(make_state: Any, resources: Any, text: str) -> None:
    kinds = {k for k, _ in _kinds(make_state, resources, text)}
    assert "aid" in kinds
    assert "release" not in kinds


def test_captives_released_stay_a_release(make_state: Any, resources: Any) -> None:
    text = "Kidnappers released 14 passengers near Harlow on Sunday."
    kinds = {k for k, _ in _kinds(make_state, resources, text)}
    assert "release" in kinds


# ------------------------------------------------------------- people on strike


def test_police_firing_on_striking_workers_is_a_protest(make_state: Any, resources: Any) -> None:
    text = (
        "The town still mourns the day in 2014 when police opened fire on striking dock "
        "workers in Harlow, killing nine people."
    )
    found = _kinds(make_state, resources, text)
    assert ("protest", "Harlow") in found
    assert not [k for k, _ in found if k == "attack"]


def test_a_strike_on_a_town_stays_an_attack(make_state: Any, resources: Any) -> None:
    found = _kinds(make_state, resources, "Drones were striking Harlow throughout the night.")
    assert not [k for k, _ in found if k == "protest"]


# ------------------------------------------------------------------ no events


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The foreign ministry summoned the envoy in Harlow to lodge a formal protest.",
         "protest"),
        ("Rebel fighters storm barracks to free comrades in Kestrel", "disaster"),
        ("Both governments were urged to return to talks in Moravo next month.", "return"),
        ('"Our brothers are arrested and our fields are burned," a farmer in Harlow said.',
         "arrest"),
    ],
)  # fmt: skip
def test_words_that_tell_no_event_of_their_type_here(
    make_state: Any, resources: Any, text: str, kind: str
) -> None:
    assert not [k for k, _ in _kinds(make_state, resources, text) if k == kind]


def test_a_demonstration_and_a_dated_arrest_in_a_quote_stay_events(
    make_state: Any, resources: Any
) -> None:
    found = _kinds(make_state, resources, "Thousands joined a protest in Harlow on Monday.")
    assert ("protest", "Harlow") in found
    quoted = '"Six men were arrested in Kestrel on Friday," a police spokesman said.'
    assert ("arrest", "Kestrel") in _kinds(make_state, resources, quoted)


# ------------------------------------------------------------------------ aid


@pytest.mark.parametrize(
    ("text", "towns"),
    [
        ("Volunteers handed out hot meals to 2,000 displaced people in Harlow on Tuesday.",
         {"Harlow"}),
        ("The health ministry has deployed mobile clinics to Kestrel and Moravo.",
         {"Kestrel", "Moravo"}),
    ],
)  # fmt: skip
def test_aid_handed_out_or_clinics_deployed_are_aid(
    make_state: Any, resources: Any, text: str, towns: set[str]
) -> None:
    assert {p for k, p in _kinds(make_state, resources, text) if k == "aid"} == towns


@pytest.mark.parametrize(
    "text",
    [
        "The army deployed two battalions to Harlow on Monday.",
        "Mediators urged the rebels to hand over the hostages held in Kestrel.",
        "The clinic in Moravo received 300 patients on Monday.",
    ],
)
def test_troops_deployed_or_people_handed_over_are_no_aid(
    make_state: Any, resources: Any, text: str
) -> None:
    assert not [k for k, _ in _kinds(make_state, resources, text) if k == "aid"]
