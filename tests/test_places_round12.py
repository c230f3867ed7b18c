"""Places round 12: names joined by particles are one name ("Surigao del Norte",
"Pul-e-Alam"), the Romance article opening a name is no place, "X camp" and "X valley"
are places of their own (not the town X). Sentences and places are our own."""

from __future__ import annotations

import pytest
from tests.places_support import MakeState, by_mention, run

from sitrep.resources import Resources


@pytest.mark.parametrize(
    ("text", "whole", "pieces"),
    [
        # Spaced particles: the known pieces were a town in Samar and a Cape Verdean town.
        ("Floods cut off towns in Surigao del Norte.", "Surigao del Norte", ("Surigao", "Norte")),
        # Hyphenated particles: "Pul" was Pula, Croatia; "Bay" a Somali region.
        ("Trucks were stuck between Pul-e-Alam and Kabul.", "Pul-e-Alam", ("Pul", "Alam")),
        ("A clinic in Bay-e-Sufla was damaged.", "Bay-e-Sufla", ("Bay", "Sufla")),
    ],
)  # fmt: skip
def test_name_joined_by_particles_is_one_name(
    make_state: MakeState, resources: Resources, text: str, whole: str, pieces: tuple[str, ...]
) -> None:
    places = run(make_state, resources, text)
    assert by_mention(places, whole) is not None
    for piece in pieces:
        assert by_mention(places, piece) is None


def test_known_name_with_particles_resolves_whole(
    make_state: MakeState, resources: Resources
) -> None:
    place = by_mention(
        run(make_state, resources, "Trucks were stuck between Pul-e-Alam and Kabul."),
        "Pul-e-Alam",
    )
    assert place is not None and place.country == "AF" and place.lat is not None


def test_pieces_around_a_known_particle_name_are_not_places(
    make_state: MakeState, resources: Resources
) -> None:
    text = "Heavy rain fell across Lanao del Norte overnight, officials in Iligan said."
    places = run(make_state, resources, text)
    assert by_mention(places, "Lanao") is None
    assert by_mention(places, "Iligan") is not None


@pytest.mark.parametrize(
    "text",
    [
        "Residents of La Candelaria said the water had run out, and La Candelaria was dark.",
        "Gunmen opened fire in Los Pinos and Las Flores before dawn.",
    ],
)
def test_romance_article_alone_is_no_place(
    make_state: MakeState, resources: Resources, text: str
) -> None:
    places = run(make_state, resources, text)
    for article in ("La", "Los", "Las"):
        assert by_mention(places, article) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Thousands of families fled to the Kalma camp near Nyala after the attack.", "Kalma"),
        ("Aid workers at Hamadiya camp said the water had run out.", "Hamadiya"),
    ],
)
def test_unknown_name_of_a_camp_after_a_preposition_is_a_place(
    make_state: MakeState, resources: Resources, text: str, name: str
) -> None:
    place = by_mention(run(make_state, resources, text), name)
    assert place is not None and place.gazetteer_id is None and place.kind == "other"


@pytest.mark.parametrize(
    "text",
    ["The Biden camp said the poll was wrong.", "The Kowalski camp rejected the offer."],
)
def test_political_camp_without_a_preposition_is_no_place(
    make_state: MakeState, resources: Resources, text: str
) -> None:
    places = run(make_state, resources, text)
    assert not [p for p in places if p.name in {"Biden", "Kowalski"}]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # "Panjshir" alone is the province; the valley is recorded as such.
        ("Floods swept down the Panjshir valley, officials in Kabul said.", "Panjshir valley"),
        ("Shepherds moved their flocks to the Souss valley before the snow.", "Souss valley"),
    ],
)  # fmt: skip
def test_named_valley_is_recorded_whole_as_an_area(
    make_state: MakeState, resources: Resources, text: str, mention: str
) -> None:
    place = by_mention(run(make_state, resources, text), mention)
    assert place is not None
    assert place.name == mention and place.kind == "region" and place.gazetteer_id is None


def test_capitalised_valley_after_a_town_is_not_the_town(
    make_state: MakeState, resources: Resources
) -> None:
    text = "Tension runs high in the densely farmed Fergana Valley, where three countries meet."
    places = run(make_state, resources, text)
    assert by_mention(places, "Fergana") is None
    valley = by_mention(places, "Fergana Valley")
    assert valley is not None and valley.kind == "region"
