"""Coordinated lists of place names: each member is read as a place when the list holds
a place or follows a place cue, in the reading that fits the list's other members."""

from __future__ import annotations

import pytest

from sitrep.stages.places import extract_places


def _places(make_state, resources, text: str) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    state = make_state(text)
    extract_places(state, resources)
    for place in state.places:
        for span in place.mentions:
            assert text[span.start : span.end] == span.text
    return {p.mentions[0].text: p.country for p in state.places}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Protesters marched in Maracay, Barquisimeto, Valencia and Coro on Monday.",
            {"Maracay": "VE", "Barquisimeto": "VE", "Valencia": "VE", "Coro": "VE"},
        ),
        (
            "Crowds gathered in Lagos, Abuja and Kano.",
            {"Lagos": "NG", "Abuja": "NG", "Kano": "NG"},
        ),
        (
            "Strikes were reported across Kharkiv, Sumy, Poltava and Dnipro overnight.",
            {"Kharkiv": "UA", "Sumy": "UA", "Poltava": "UA", "Dnipro": "UA"},
        ),
        (
            "Officials in Houston, Dallas, Austin and Paris said schools would close.",
            {"Houston": "US", "Dallas": "US", "Austin": "US", "Paris": "US"},
        ),
    ],
)
def test_every_member_of_a_list_of_places_is_a_place_in_the_lists_country(
    make_state, resources, text: str, expected: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    found = _places(make_state, resources, text)
    assert {name: found.get(name) for name in expected} == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # Two names only: a firm or a couple as often as two towns.
        ("The report was signed by Ford and Dodge in Detroit.", "Dodge"),
        # No place in the list and no place cue before it.
        ("The firm was founded by Ford, Chrysler and Dodge in Detroit.", "Dodge"),
        # A comma alone does not make a list: "In Kyiv, Zelensky said".
        ("In Kharkiv, Poltava told reporters the shelling had stopped.", "Poltava"),
    ],
)
def test_names_outside_a_closed_list_of_three_gain_nothing_from_it(
    make_state, resources, text: str, name: str
) -> None:  # type: ignore[no-untyped-def]
    assert name not in _places(make_state, resources, text)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "Aid reached Kharkiv, Sumy and Poltava. Poltava, 34, said she had lost her home.",
            "Poltava",
        ),
        (
            "Rallies were held in Lagos, Kano, Abuja and Jos. Mr. Kano said the crowds were calm.",
            "Kano",
        ),
    ],
)
def test_a_member_that_is_a_person_elsewhere_by_its_own_cue_stays_a_person(
    make_state, resources, text: str, person: str
) -> None:  # type: ignore[no-untyped-def]
    assert person not in _places(make_state, resources, text)


@pytest.mark.parametrize(
    "text",
    [
        "Fighting spread to the towns of Goma, Rutshuru and Masisi on Sunday.",
        "Aid reached towns such as Goma, Rutshuru and Bukavu by road.",
    ],
)
def test_a_list_after_a_place_cue_needs_no_tagged_place(make_state, resources, text: str) -> None:  # type: ignore[no-untyped-def]
    found = _places(make_state, resources, text)
    assert found.get("Goma") == "CD" and found.get("Rutshuru") == "CD"


@pytest.mark.parametrize(
    "text",
    [
        "Floods hit Sylhet, Sunamganj, Moulvibazar and Habiganj districts.",
        "Talks were held in Sylhet, Sunamganj and Dhaka.",
    ],
)
def test_a_list_member_never_takes_the_comma_after_it(make_state, resources, text: str) -> None:  # type: ignore[no-untyped-def]
    state = make_state(text)
    extract_places(state, resources)
    rejected = [str(r["text"]) for r in state.scratch["places.rejected"]]
    names = [s.text for p in state.places for s in p.mentions] + rejected
    assert names and not any(n.endswith(",") for n in names)
