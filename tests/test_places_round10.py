"""Round 10: names the gazetteer lacks, or the model mistags, in a slot only a place
fills ("the village of X", "the towns of X and Y", "near X", "X, a fishing village",
"the X neighbourhood", "in central X", "the X river"). Sentences written for these tests."""

from __future__ import annotations

import pytest

from sitrep.records import Place
from sitrep.stages.places import extract_places


def _places(make_state, resources, text: str) -> dict[str, Place]:  # type: ignore[no-untyped-def]
    state = make_state(text)
    extract_places(state, resources)
    for place in state.places:
        for span in place.mentions:
            assert text[span.start : span.end] == span.text
    return {span.text: p for p in state.places for span in p.mentions}


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "Gunmen raided the village of Tindirma in central Mali on Sunday, killing "
            "nine herders, the army said.",
            "Tindirma",
            "village",
        ),
        (
            "Thousands of families fled to the towns of Chiure and Mecufi in northern "
            "Mozambique after the insurgents returned.",
            "Mecufi",
            "town",
        ),
        (
            "Clashes broke out near the villages of Ak-Tatyr and Dostuk in Kyrgyzstan on "
            "Friday, officials said.",
            "Dostuk",
            "village",
        ),
        (
            "A mortar round struck a house in the Al-Jaili neighbourhood of Khartoum on "
            "Wednesday, witnesses said.",
            "Al-Jaili",
            "other",
        ),
        (
            "Soldiers set up a checkpoint near Gidan Bawa in Katsina state, Nigeria, after "
            "the kidnapping of twenty farmers.",
            "Gidan Bawa",
            "other",
        ),
    ],
)
def test_unknown_name_in_a_place_slot_is_an_unresolved_place_of_the_stated_kind(
    make_state, resources, text: str, name: str, kind: str
) -> None:  # type: ignore[no-untyped-def]
    place = _places(make_state, resources, text)[name]
    assert (place.kind, place.gazetteer_id, place.lat) == (kind, None, None)


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "Gunmen raided the village of Tindirma in central Mali on Sunday, the army said.",
            "Mali",
            "ML",
        ),
        (
            "Thousands of families fled to the towns of Chiure and Mecufi in northern "
            "Mozambique after the insurgents returned.",
            "Mozambique",
            "MZ",
        ),
        (
            "Thousands of families fled to the towns of Chiure and Mecufi in northern "
            "Mozambique after the insurgents returned.",
            "Chiure",
            "MZ",
        ),
    ],
)
def test_known_name_after_a_direction_or_a_plural_place_noun_is_a_place(
    make_state, resources, text: str, name: str, country: str
) -> None:  # type: ignore[no-untyped-def]
    assert _places(make_state, resources, text)[name].country == country


def test_every_name_of_a_tagged_coordination_after_the_towns_of_is_a_town(
    make_state, resources
) -> None:  # type: ignore[no-untyped-def]
    text = (
        "About 4,000 people had reached the towns of Ancuabe and Metuge in Mozambique by Tuesday."
    )
    found = _places(make_state, resources, text)
    assert {found["Ancuabe"].kind, found["Metuge"].kind} == {"town"}


def test_apposition_with_a_compound_noun_gives_the_head_noun_as_kind(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kasane, a small fishing village on the lake shore in Malawi, was flooded after "
        "days of rain."
    )
    assert _places(make_state, resources, text)["Kasane"].kind == "village"


def test_a_name_the_text_calls_a_river_is_a_water_place(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = "Heavy rains pushed the Mangochi river over its banks in southern Malawi on Tuesday."
    assert _places(make_state, resources, text)["Mangochi river"].kind == "water"


@pytest.mark.parametrize(
    ("text", "not_a_place"),
    [
        # A nationality before the slot noun stays a nationality.
        ("The Somali town of Beledweyne was hit by floods this week, the agency said.", "Somali"),
        # A slot noun that modifies another noun says nothing of the name before it.
        ("Officials from the Okonkwo village council met in Lagos, Nigeria, on Monday.", "Okonkwo"),
        # A person's apposition, its head past a compound noun.
        ("Amina Yusuf, a hospital worker, said the ward in Kano was full.", "Amina Yusuf"),
        # No slot: an unknown name as a subject is no place.
        ("Tindirma said on Monday that the talks in Bamako would go on.", "Tindirma"),
    ],
)
def test_names_outside_a_place_slot_are_not_made_places(
    make_state, resources, text: str, not_a_place: str
) -> None:  # type: ignore[no-untyped-def]
    assert not_a_place not in _places(make_state, resources, text)


def test_a_place_the_text_calls_a_village_is_not_an_actor(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kasane, a small fishing village on the lake shore in Malawi, is hoping that "
        "the new road will bring traders back."
    )
    assert _places(make_state, resources, text)["Kasane"].metonymy is False


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Cholera cases rose in Hodeidah governorate, Yemen, on Monday.", "Hodeidah"),
        ("A mob torched homes in Derai upazila, Bangladesh, on Friday.", "Derai"),
        ("The army bombed Hpasawng township after the resistance took it.", "Hpasawng"),
    ],
)
def test_other_countries_units_after_an_unknown_name_make_it_a_region(
    make_state, resources, text: str, name: str
) -> None:  # type: ignore[no-untyped-def]
    found = [p for mention, p in _places(make_state, resources, text).items()
             if mention.startswith(name)]  # fmt: skip
    assert found and all(p.kind == "region" for p in found)
