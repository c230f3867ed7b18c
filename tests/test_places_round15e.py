"""Places round 15e: a news medium's name is no place, wherever the text marks it as one
(before "news agency", in a dateline's parentheses, after a copyright sign, as the one
told something by phone), and every other use of the same name follows. Sentences are
our own."""

from __future__ import annotations

import pytest
from tests.places_support import MakeState, by_mention, run

from sitrep.resources import Resources


@pytest.mark.parametrize(
    ("text", "medium"),
    [
        ("Rescue teams reached the coast, the state-run Hanoi news agency said.", "Hanoi"),
        (
            "QUITO, Mar 3 (Andes Wire) - Floods hit Guayaquil. More from Andes Wire: sport.",
            "Andes Wire",
        ),
        ("The mayor told Lisbon Radio by telephone that Porto was flooded.", "Lisbon Radio"),
    ],
)
def test_medium_name_is_no_place(
    make_state: MakeState, resources: Resources, text: str, medium: str
) -> None:
    places = run(make_state, resources, text)
    assert by_mention(places, medium) is None


def test_place_named_alone_beside_a_medium_stays(
    make_state: MakeState, resources: Resources
) -> None:
    text = (
        "Heavy rain flooded villages north of Davao on Monday.\n"
        "(c) 2023 Davao Evening Star. All rights reserved."
    )
    places = run(make_state, resources, text)
    assert by_mention(places, "Davao") is not None


def test_dateline_town_is_still_a_place(make_state: MakeState, resources: Resources) -> None:
    text = "NAIROBI, May 4 (Reuters) - Floods displaced thousands in Nairobi on Friday."
    places = run(make_state, resources, text)
    assert by_mention(places, "NAIROBI") is not None or by_mention(places, "Nairobi") is not None
