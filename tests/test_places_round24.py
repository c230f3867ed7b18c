"""Places round 24 (docs/PLACES.md "Round 24"): "the town" after a list of towns names
the town the report itself called a town, not the list's last member."""

from __future__ import annotations

from places_support import MakeState, by_mention, run
from sitrep.resources import Resources


def test_the_town_after_a_list_is_the_town_called_a_town(
    make_state: MakeState, resources: Resources
) -> None:
    text = (
        "Russian aircraft dropped guided bombs on the border town of Vovchansk overnight "
        "while artillery hit Lyptsi, Zolochiv and Stary Saltiv, officials said.\n\n"
        "The bombs fell on the grounds of the town's aggregate plant."
    )
    places = run(make_state, resources, text)
    vovchansk = by_mention(places, "Vovchansk")
    zolochiv = by_mention(places, "Zolochiv")
    assert vovchansk is not None and zolochiv is not None
    assert "the town" in [s.text for s in vovchansk.mentions]
    assert "the town" not in [s.text for s in zolochiv.mentions]


def test_the_town_after_a_single_town_is_that_town(
    make_state: MakeState, resources: Resources
) -> None:
    text = (
        "Russian aircraft bombed the border town of Vovchansk on Monday. On Tuesday "
        "artillery hit Zolochiv.\n\nThe town's school was destroyed."
    )
    places = run(make_state, resources, text)
    zolochiv = by_mention(places, "Zolochiv")
    assert zolochiv is not None
    assert "The town" in [s.text for s in zolochiv.mentions]
