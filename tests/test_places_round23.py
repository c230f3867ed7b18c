"""The places stage, round 23: a known place named as what an attack, a flight or a capture
is done to ("the shelling of Kherson", "fled Rafah", "retook Wad Madani") is a place even
where the model tags the name a person."""

from __future__ import annotations

import pytest

from places_support import MakeState, by_mention, run
from sitrep.resources import Resources


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("Russian shelling of Kherson killed two people on Sunday.", "Kherson", "UA"),
        ("The Sudanese army retook Wad Madani from the RSF on Saturday.", "Wad Madani", "SD"),
        ("Russian missiles struck Kharkiv overnight.", "Kharkiv", "UA"),
    ],
)
def test_a_known_place_an_attack_or_a_capture_is_done_to_is_a_place(
    make_state: MakeState, resources: Resources, text: str, mention: str, country: str
) -> None:
    place = by_mention(run(make_state, resources, text), mention)
    assert place is not None and place.country == country


def test_a_person_captured_is_no_place(make_state: MakeState, resources: Resources) -> None:
    places = run(make_state, resources, "Rebels captured Ali Musa on Monday.")
    assert by_mention(places, "Ali Musa") is None


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Heavy rain has lashed Sylhet for five days.", "Sylhet"),
    ],
)
def test_a_known_place_a_hazard_lashes_is_a_place(
    make_state: MakeState, resources: Resources, text: str, mention: str
) -> None:
    assert by_mention(run(make_state, resources, text), mention) is not None


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Kharkiv was hit by Russian missiles overnight, the mayor said.", "Kharkiv"),
        ("Israeli strikes on Rafah killed 12 people overnight.", "Rafah"),
        ("Shells rained down on Kherson's central market on Sunday.", "Kherson"),
        ("Zaporizhzhia came under heavy artillery fire overnight.", "Zaporizhzhia"),
        ("Russia claimed full control of Avdiivka on Saturday.", "Avdiivka"),
    ],
)
def test_a_known_place_hit_struck_at_or_held_is_a_place(
    make_state: MakeState, resources: Resources, text: str, mention: str
) -> None:
    assert by_mention(run(make_state, resources, text), mention) is not None


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # people reached, hit by a bullet, or under fire from critics (session-17 review)
        ("Reporters could not reach Florence for comment on the floods in Pakistan.",
         "Florence"),
        ("Jackson was hit by a stray bullet during the clashes, his family said.", "Jackson"),
        ("Lloyd Austin was in Brussels. Austin came under fire from lawmakers on Monday.",
         "Austin"),
    ],
)  # fmt: skip
def test_a_person_reached_hit_or_criticised_is_no_place(
    make_state: MakeState, resources: Resources, text: str, mention: str
) -> None:
    assert by_mention(run(make_state, resources, text), mention) is None
