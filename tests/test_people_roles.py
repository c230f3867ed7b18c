"""People found by the apposition that describes them, and the role it gives
(regressions from the team's examples, where people_role_acc was 0.58)."""

from __future__ import annotations

from typing import Any

import pytest

from people_support import people_of
from sitrep.stages.people_lexicon import inverse_relation
from sitrep.stages.people_names import looks_like_personal_name


@pytest.mark.parametrize(
    ("text", "name", "role", "age"),
    [
        ("Mehmet, a 52-year-old shopkeeper, got the keys.", "Mehmet", "shopkeeper", 52),
        ("Rasheed, a 40-year-old farmer from a village, said so.", "Rasheed", "farmer", 40),
        ("Khaled, a 37-year-old vegetable seller, said so.", "Khaled", "vegetable seller", 37),
        (
            "Ayse Demir, an architect who grew up in Antakya, said so.",
            "Ayse Demir",
            "architect",
            None,
        ),
        (
            '"We lack all," said Dr Sana Baloch, who leads the clinic.',
            "Sana Baloch",
            "doctor",
            None,
        ),
    ],
)
def test_an_apposition_or_title_gives_the_role(
    make_state: Any, resources: Any, text: str, name: str, role: str, age: int | None
) -> None:
    person = people_of(make_state, resources, text)[name]
    assert (person.role, person.age) == (role, age)


@pytest.mark.parametrize(
    "text",
    [
        "Andriy, a 62-year-old who has signed up, said he would stay.",
        "Olena, a woman in her sixties, said the shelter was full.",
    ],
)
def test_an_apposition_without_an_occupation_gives_no_role(
    make_state: Any, resources: Any, text: str
) -> None:
    found = people_of(make_state, resources, text)
    assert all(p.role is None for p in found.values()), found


@pytest.mark.parametrize(
    ("name", "personal"),
    [
        ("Salem al-Obeidi", True),
        ("Osama bin Laden", True),
        ("Ursula von der Leyen", True),
        ("al-Obeidi Salem", False),
        ("Ctrl + Enter", False),
    ],
)
def test_name_particles_are_parts_of_personal_names(name: str, personal: bool) -> None:
    assert looks_like_personal_name(name) is personal


def test_a_name_with_a_particle_needs_a_person_cue(make_state: Any, resources: Any) -> None:
    text = (
        '"They need roofs," said the mayor of Derna, Salem al-Obeidi, in an interview.\n'
        "Shelling hit Jisr al-Shughur overnight."
    )
    found = people_of(make_state, resources, text)
    assert found["Salem al-Obeidi"].role is not None
    assert "Jisr al-Shughur" not in found


@pytest.mark.parametrize(
    ("relation", "gender", "inverse"),
    [
        ("brother", "f", "sister"),
        ("brother", None, "sibling"),
        ("son", "m", "father"),
        ("mother", "f", "daughter"),
        ("partner", "f", None),
    ],
)
def test_kin_relations_have_an_inverse(relation: str, gender: Any, inverse: str | None) -> None:
    assert inverse_relation(relation, gender) == inverse
