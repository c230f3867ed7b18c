"""Places round 15b (whole names): an Arabic article glued to its word belongs to the
name ("al-Kharrata", "Tell al-Samra"); a capitalised work of infrastructure is a place
recorded whole ("the Qaraqosh Dam"); a tract of land after a name is recorded with its
noun ("the Ostrava forest"). Sentences are our own."""

from __future__ import annotations

import pytest
from tests.places_support import MakeState, by_mention, run

from sitrep.resources import Resources


@pytest.mark.parametrize(
    ("text", "mention", "piece"),
    [
        ("Artillery pounded the village of al-Kharrata on Sunday.", "al-Kharrata", "Kharrata"),
        ("Residents fled the town of Tell al-Samra after the shelling.", "Tell al-Samra", "Tell"),
        ("Clashes spread across Deir ez-Zor province overnight.", "Deir ez-Zor province", "Deir"),
    ],
)
def test_arabic_article_stays_in_the_name(
    make_state: MakeState, resources: Resources, text: str, mention: str, piece: str
) -> None:
    places = run(make_state, resources, text)
    assert by_mention(places, mention) is not None
    assert by_mention(places, piece) is None


def test_known_name_with_article_is_resolved(make_state: MakeState, resources: Resources) -> None:
    text = "Protesters gathered in al-Rifai, north of Nasiriyah, on Monday."
    place = by_mention(run(make_state, resources, text), "al-Rifai")
    assert place is not None
    assert place.lat is not None


def test_person_name_with_article_is_no_place(make_state: MakeState, resources: Resources) -> None:
    text = "Sheikh Omar al-Jaber, 58, said the town of Hajin was quiet."
    places = run(make_state, resources, text)
    assert not any("Jaber" in s.text for p in places for s in p.mentions)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("A drone struck a convoy near the Qaraqosh Dam on Friday.", "Qaraqosh Dam"),
        ("Police sealed the Mostar Peace Bridge after the protest.", "Mostar Peace Bridge"),
        ("Flights at Kalemie International Airport were halted.", "Kalemie International Airport"),
        ("Rockfall closed the Tamakoshi Highway near Charikot.", "Tamakoshi Highway"),
    ],
)
def test_named_infrastructure_is_a_place_recorded_whole(
    make_state: MakeState, resources: Resources, text: str, mention: str
) -> None:
    place = by_mention(run(make_state, resources, text), mention)
    assert place is not None
    assert place.kind == "other"


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Twelve wounded were taken to Kalemie General Hospital.", "Kalemie General Hospital"),
        ("Protesters marched down Liberation Avenue in the capital.", "Liberation Avenue"),
        ("Officials said the Dam was safe.", "Dam"),
    ],
)
def test_buildings_streets_and_bare_heads_are_not_facilities(
    make_state: MakeState, resources: Resources, text: str, absent: str
) -> None:
    assert by_mention(run(make_state, resources, text), absent) is None


@pytest.mark.parametrize(
    ("text", "mention", "piece"),
    [
        (
            "Convoys stalled along the Sumbar corridor for a second day.",
            "Sumbar corridor",
            "Sumbar",
        ),
        ("Rebels withdrew into the Mbuji forest after the raid.", "Mbuji forest", "Mbuji"),
    ],
)
def test_tract_of_land_is_recorded_with_its_noun(
    make_state: MakeState, resources: Resources, text: str, mention: str, piece: str
) -> None:
    places = run(make_state, resources, text)
    assert by_mention(places, mention) is not None
    assert by_mention(places, piece) is None


def test_tract_noun_modifying_another_noun_is_not_taken(
    make_state: MakeState, resources: Resources
) -> None:
    text = "Residents of Gulu said the Gulu forest reserve office was closed."
    assert by_mention(run(make_state, resources, text), "Gulu forest") is None
