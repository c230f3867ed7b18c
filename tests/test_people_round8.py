"""People, eighth round (session 5, from the people ``sitrep eval report --errors``
listed as spurious or wrongly described on eval/outside/a and /b; sentences of our own):
names of peoples, storms, places and utilities are no person; a surname told first
joins the full name told later; accented capitals start names; "one of the surgeons"
is a role."""

from __future__ import annotations

from typing import Any

import pytest

from people_support import people_of
from sitrep.stages.people_names import is_demonym, looks_like_personal_name


@pytest.mark.parametrize(
    "word",
    ["Kyrgyz", "Tajik", "Houthis", "Rohingya", "Kyrgyz-Tajik", "Israeli-Palestinian", "Uzbeks"],
)
def test_a_people_or_a_pair_of_peoples_is_a_demonym(word: str) -> None:
    assert is_demonym(word)


@pytest.mark.parametrize("word", ["Karen", "Asel", "Kyrgyz-Smith"])
def test_a_personal_name_is_no_demonym(word: str) -> None:
    assert not is_demonym(word)


@pytest.mark.parametrize(
    ("text", "not_a_person"),
    [
        (
            "Tropical Storm Halong hit the coast on Friday. Halong is the ninth storm this year.",
            "Halong",
        ),
        (
            "Floods cut roads in Morocco's Tiznit province. Tiznit said help was coming.",
            "Tiznit",
        ),
        (
            "Tafraout, a mountain town on the old road, lost power. Tafraout has one clinic.",
            "Tafraout",
        ),
        ("The state utility Energía Norte (ENO) said the grid failed.", "Energía Norte"),
        ("Riot police fired tear gas at the crowd on Monday.", "Riot"),
    ],
)
def test_names_of_storms_places_and_companies_are_no_person(
    make_state: Any, resources: Any, text: str, not_a_person: str
) -> None:
    people = people_of(make_state, resources, text)
    assert not any(not_a_person in name for name in people), people


def test_a_surname_in_the_headline_joins_the_full_name_below(
    make_state: Any, resources: Any
) -> None:
    text = (
        "Protesters reject Okonkwo victory\n\n"
        "The electoral board declared President Chidi Okonkwo the winner on Monday."
    )
    people = people_of(make_state, resources, text)
    assert list(people) == ["Chidi Okonkwo"]
    assert len(people["Chidi Okonkwo"].mentions) == 2


def test_a_titled_surname_does_not_join_another_bearers_full_name(
    make_state: Any, resources: Any
) -> None:
    text = "Ms. Petrenko said the shelter was full. Her brother, Taras Petrenko, stayed home."
    people = people_of(make_state, resources, text)
    assert "Taras Petrenko" in people
    assert all(m.text != "Petrenko" for m in people["Taras Petrenko"].mentions)


@pytest.mark.parametrize("name", ["Kristín Ólafsdóttir", "Élodie Martin", "Ömer Çelik"])
def test_accented_capitals_start_names(name: str) -> None:
    assert looks_like_personal_name(name)


def test_a_person_named_with_accented_capitals_is_found(make_state: Any, resources: Any) -> None:
    text = '"We sleep in one room," said Sigrún Ólafsdóttir, 29, a nurse in Keflavík.'
    people = people_of(make_state, resources, text)
    assert people["Sigrún Ólafsdóttir"].age == 29


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            '"We lost people," said Dr Amina Noor, 41, one of the two surgeons.',
            "Amina Noor",
            "surgeon",
        ),
        (
            "The opposition says its candidate, Rafael Ortega, won the count.",
            "Rafael Ortega",
            "candidate",
        ),
    ],
)
def test_a_group_membership_or_a_possessed_office_is_the_role(
    make_state: Any, resources: Any, text: str, name: str, role: str
) -> None:
    assert people_of(make_state, resources, text)[name].role == role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Amal Saleh's tent leaks. Six months on, the 34-year-old mother of three still waits.",
         "mother"),
        ("Yusuf Demir's shop burned. The 58-year-old father of five sells bread from a cart.",
         "father"),
    ],
)  # fmt: skip
def test_a_parent_of_so_many_children_is_the_role_a_description_gives(
    make_state: Any, resources: Any, text: str, role: str
) -> None:
    (person,) = people_of(make_state, resources, text).values()
    assert person.role == role


def test_a_mother_of_a_victim_is_no_parent_role(make_state: Any, resources: Any) -> None:
    text = "Amal Saleh waited at the morgue. The 50-year-old mother of the driver said little."
    people = people_of(make_state, resources, text)
    assert people["Amal Saleh"].age == 50
    assert people["Amal Saleh"].role is None
