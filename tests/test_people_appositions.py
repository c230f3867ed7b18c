"""Wire-style descriptions of people: "Name, 36, a nurse from X", "Name, 45, the
agency's director in X", an office title before the name ("Prime Minister X"), and
hyphenated first names ("Jean-Luc"). Each must give the person, their age and role."""

from __future__ import annotations

from typing import Any

import pytest

from people_support import people_of
from sitrep.stages.people import extract_people
from sitrep.stages.people_names import looks_like_personal_name


@pytest.mark.parametrize(
    ("text", "name", "age", "role_word"),
    [
        (
            "Farida Noor, 36, a nurse from Kandahar, said the clinic had closed.",
            "Farida Noor",
            36,
            "nurse",
        ),
        (
            "The convoy was stopped, said Claude Martin, 45, the agency's deputy country "
            "director in Chad.",
            "Claude Martin",
            45,
            "director",
        ),
        (
            '"We lost the bakery," said Tomasz Wrobel, 52, the owner of a bakery on the square.',
            "Tomasz Wrobel",
            52,
            "owner",
        ),
        ("Lena Ortiz, 29, a teacher, said the school was shut.", "Lena Ortiz", 29, "teacher"),
    ],
)
def test_a_role_after_the_age_apposition_is_read(
    make_state: Any, resources: Any, text: str, name: str, age: int, role_word: str
) -> None:
    person = people_of(make_state, resources, text)[name]
    assert person.age == age
    assert person.role is not None and role_word in person.role.split()


def test_an_age_alone_still_gives_no_role(make_state: Any, resources: Any) -> None:
    person = people_of(make_state, resources, "Lena Ortiz, 29, said the school was shut.")[
        "Lena Ortiz"
    ]
    assert (person.age, person.role) == (29, None)


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Prime Minister Ana Lopes said on Monday that aid would come.",
            "Ana Lopes",
            "prime minister",
        ),
        (
            "Foreign Minister Peter Novak said the talks had failed.",
            "Peter Novak",
            "foreign minister",
        ),
        ("On Monday, Governor Maria Hale said the roads were closed.", "Maria Hale", "governor"),
    ],
)
def test_an_office_title_before_the_name_is_the_role(
    make_state: Any, resources: Any, text: str, name: str, role: str
) -> None:
    assert people_of(make_state, resources, text)[name].role == role


def test_a_courtesy_title_is_no_role(make_state: Any, resources: Any) -> None:
    assert (
        people_of(make_state, resources, "Mr Peter Novak said the talks had failed.")[
            "Peter Novak"
        ].role
        is None
    )


@pytest.mark.parametrize("name", ["Jean-Luc Moreau", "Marie-Claire Dupont", "Jean-Luc"])
def test_hyphenated_first_names_look_like_names(name: str) -> None:
    assert looks_like_personal_name(name)


def test_a_sentence_initial_hyphenated_name_with_an_age_is_a_person(
    make_state: Any, resources: Any
) -> None:
    text = "Floods reached the port. Jean-Luc Moreau, 61, a fisherman, said the river had risen."
    person = people_of(make_state, resources, text)["Jean-Luc Moreau"]
    assert (person.age, person.role) == (61, "fisherman")


def names_with_places(make_state: Any, resources: Any, text: str) -> set[str]:
    """The people's names when the places stage has run first, as in the pipeline."""
    from sitrep.stages.places import extract_places

    state = make_state(text)
    extract_places(state, resources)
    extract_people(state, resources)
    return {p.name for p in state.people}


@pytest.mark.parametrize(
    ("text", "not_a_person"),
    [
        ("Days after Azerbaijani forces took control of the region, families left.", "Azerbaijani"),
        ("More than 600 people fled the Delmas and Solino neighbourhoods last week.", "Solino"),
        (
            "The blackout began when the Antonio Guiteras thermoelectric plant shut down.",
            "Antonio Guiteras",
        ),
        (
            "The Public Defender's Office said its staff had visited the cells.",
            "Public Defender's Office",
        ),
    ],
)
def test_nationalities_facilities_and_offices_are_not_people(
    make_state: Any, resources: Any, text: str, not_a_person: str
) -> None:
    assert not_a_person not in names_with_places(make_state, resources, text)


def test_a_name_found_as_a_place_elsewhere_is_no_person_without_a_cue(
    make_state: Any, resources: Any
) -> None:
    text = (
        "Aid reached the town of Kupiansk on Monday. Kupiansk has lived with shelling for a "
        "year, and Kupiansk has no power."
    )
    assert "Kupiansk" not in names_with_places(make_state, resources, text)


def test_a_person_named_like_a_facility_keeps_a_strong_cue(make_state: Any, resources: Any) -> None:
    text = "Anna Petrova, 44, a teacher, said the school had no heating."
    assert "Anna Petrova" in names_with_places(make_state, resources, text)
