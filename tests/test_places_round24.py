"""Places round 24 (docs/PLACES.md "Round 24"): "the town" after a list of towns names
the town the report itself called a town, not the list's last member; a list member
named with its kind ("and Wudu district") is the place that mention names."""

from __future__ import annotations

from places_support import MakeState, by_mention, run
from sitrep.resources import Resources
from sitrep.stages.events import extract_events
from sitrep.stages.figures import extract_figures
from sitrep.stages.places import extract_places
from sitrep.stages.times import extract_times


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


def test_a_list_member_named_with_its_kind_is_that_place(
    make_state: MakeState, resources: Resources
) -> None:
    text = (
        "A magnitude 6.1 earthquake struck Wenxian county in Gansu province at 3:12 am.\n\n"
        "The quake damaged or destroyed homes in Wenxian, Kangxian and Wudu district, "
        "according to the provincial emergency management department."
    )
    state = make_state(text)
    extract_places(state, resources)
    for run_stage in (extract_times, extract_figures, extract_events):
        run_stage(state, resources)
    names = {p.id: p.name for p in state.places}
    placed = [names.get(e.place or "") for e in state.events if e.type == "disaster"]
    assert "Wudu" not in placed  # the member is the mention "Wudu district", not a new place
    assert any(name and name.startswith("Wudu") for name in placed)


def test_a_disaster_named_after_its_place_names_the_place(
    make_state: MakeState, resources: Resources
) -> None:
    text = (
        "Wenxian sits in a steep valley. It was badly hit by the Wenchuan earthquake of May "
        "2008, which killed nearly 70,000 people across the region."
    )
    places = run(make_state, resources, text)
    assert by_mention(places, "Wenchuan") is not None


def test_a_storm_named_after_a_person_names_no_place(
    make_state: MakeState, resources: Resources
) -> None:
    places = run(make_state, resources, "Homes were flattened by the Maria hurricane.")
    assert by_mention(places, "Maria") is None
