"""Round 14 (structure): events told without a trigger word, and parts of an event that
are no events of their own. Sentences and towns are invented (events_support)."""

from __future__ import annotations

from typing import Any

import pytest

from events_support import events_in_invented_towns


def _events(make_state: Any, resources: Any, text: str) -> list[tuple[str, str | None]]:
    return [
        (kind, place) for kind, place, _ in events_in_invented_towns(make_state, resources, text)
    ]


# --------------------------------------------------------------- told by the frame


@pytest.mark.parametrize(
    ("text", "kind", "towns"),
    [
        ("Gunfire was also reported during the night in Harlow, Kestrel and Moravo.",
         "armed_clash", {"Harlow", "Kestrel", "Moravo"}),
        ("Relatives of the inmates staged sit-ins in Harlow and Kestrel on Monday.",
         "protest", {"Harlow", "Kestrel"}),
        ("Five people were killed when armed groups exchanged fire in Tindale on Saturday.",
         "armed_clash", {"Tindale"}),
    ],
)  # fmt: skip
def test_event_nominal_in_a_reporting_or_light_verb_frame_is_an_event(
    make_state: Any, resources: Any, text: str, kind: str, towns: set[str]
) -> None:
    found = _events(make_state, resources, text)
    assert {place for k, place in found if k == kind} == towns


@pytest.mark.parametrize(
    "text",
    [
        "Residents of Harlow said the sound of gunfire kept them awake.",
        "Residents of Kestrel described the gunfire as terrifying.",
    ],
)
def test_event_nominal_outside_such_a_frame_tells_no_event(
    make_state: Any, resources: Any, text: str
) -> None:
    assert not [k for k, _ in _events(make_state, resources, text) if k == "armed_clash"]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("In Harlow, some 2,340 people had been moved to relief centres on Monday.",
         {"evacuation"}),
        ("Dozens of families in Moravo had moved to higher ground after the landslide.",
         {"displacement", "disaster"}),
    ],
)  # fmt: skip
def test_a_group_of_people_moving_to_a_goal_is_displacement(
    make_state: Any, resources: Any, text: str, kinds: set[str]
) -> None:
    assert {k for k, _ in _events(make_state, resources, text)} == kinds


@pytest.mark.parametrize(
    "text",
    [
        "Russian troops crossed into Kestrel on Monday.",
        "Nasrin, a widow who arrived in Harlow with five children, told our staff her story.",
        "The weekly market has moved to a row of cabins in Moravo.",
        "The first families have moved into new flats in Moravo.",
    ],
)
def test_troops_one_person_or_a_thing_moving_is_no_displacement(
    make_state: Any, resources: Any, text: str
) -> None:
    kinds = {k for k, _ in _events(make_state, resources, text)}
    assert not kinds & {"displacement", "evacuation"}


@pytest.mark.parametrize(
    "text",
    [
        "About 1,200 people had crossed into Kestrel by Wednesday evening.",
        "In Kestrel, about 1,200 people had crossed the border by Wednesday evening.",
        "Some 2,400 people had been moved to schools and tents in Harlow and Tindale.",
        "Some 4,000 people had reached the towns of Harlow and Tindale by Tuesday.",
        "Families arrived in Harlow and Kestrel on Saturday in trucks and on foot.",
    ],
)
def test_arriving_at_a_named_place_is_the_end_of_a_flight_not_an_event(
    make_state: Any, resources: Any, text: str
) -> None:
    kinds = {k for k, _ in _events(make_state, resources, text)}
    assert not kinds & {"displacement", "evacuation"}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Most of the dead were in the Harlow and Kestrel neighbourhoods, where gunmen "
         "exchanged fire across the stilt houses.", "armed_clash"),
        ("Gunfire that was reported in Harlow and Kestrel kept residents awake.",
         "armed_clash"),
    ],
)  # fmt: skip
def test_a_frame_in_a_relative_clause_describes_a_place_and_tells_no_event(
    make_state: Any, resources: Any, text: str, kind: str
) -> None:
    assert kind not in {k for k, _ in _events(make_state, resources, text)}


def test_the_way_a_told_event_began_is_no_second_event(make_state: Any, resources: Any) -> None:
    text = "The clashes began in Harlow on Wednesday when border guards exchanged fire."
    assert [k for k, _ in _events(make_state, resources, text)] == ["armed_clash"]


@pytest.mark.parametrize(
    ("text", "is_aid"),
    [
        ("A cargo plane carrying 12 tonnes of food and hygiene kits landed in Tindale.", True),
        ("A ship carrying medical supplies docked at Harlow on Tuesday.", True),
        ("Two water bombers sent by a neighbour have landed at Harlow.", False),
        ("A plane carrying journalists landed in Kestrel.", False),
    ],
)
def test_a_vehicle_carrying_aid_that_arrives_delivers_aid(
    make_state: Any, resources: Any, text: str, is_aid: bool
) -> None:
    assert ("aid" in {k for k, _ in _events(make_state, resources, text)}) is is_aid


# --------------------------------------------------------------- parts of an event


def test_fighting_going_on_around_a_strike_is_its_setting(make_state: Any, resources: Any) -> None:
    text = "As the fighting for Harlow intensified, aircraft bombed Kestrel and Moravo on Monday."
    kinds = [k for k, _ in _events(make_state, resources, text)]
    assert "armed_clash" not in kinds
    assert kinds.count("airstrike") == 2


def test_fighting_that_spread_before_a_displacement_is_its_setting(
    make_state: Any, resources: Any
) -> None:
    text = "More than 50,000 people have been displaced in Harlow since the fighting spread there."
    assert [k for k, _ in _events(make_state, resources, text)] == ["displacement"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The dead in Harlow included a woman who was hit by a stray bullet on her roof.",
         "attack"),
        ("Gunmen in Harlow had been holding officers to demand the release of a relative "
         "arrested at a checkpoint.", "arrest"),
        ("Abdul, a farmer from Kestrel who moved his family to Harlow after the shelling, "
         "said his children were ill.", "shelling"),
    ],
)  # fmt: skip
def test_what_befell_a_person_a_clause_describes_is_no_event_of_its_own(
    make_state: Any, resources: Any, text: str, kind: str
) -> None:
    assert kind not in {k for k, _ in _events(make_state, resources, text)}


def test_the_victim_clause_still_merges_with_the_event_told_in_its_own_right(
    make_state: Any, resources: Any
) -> None:
    text = (
        "Militiamen attacked Harlow on Monday, killing four people.\n\n"
        "The dead included a woman in Harlow who was hit by a stray bullet on her roof."
    )
    found = events_in_invented_towns(make_state, resources, text)
    attacks = [e for k, _, e in found if k == "attack"]
    assert len(attacks) == 1 and len(attacks[0].evidence) == 2


@pytest.mark.parametrize(
    ("text", "released"),
    [
        ("Inmates took six guards hostage in Harlow on Monday. Two of the hostages died; "
         "the other four were freed, an official said.", False),
        ("Soldiers moved into Kestrel on Monday to free the hostages.", False),
        ("Gangs overran Moravo in March and freed more than 500 inmates from its prison.",
         False),
        ("Gunmen freed 20 hostages in Kestrel on Monday.", True),
        ("Inmates took six guards hostage in Harlow on Saturday. The guards were freed "
         "early on Sunday after negotiations.", True),
    ],
)  # fmt: skip
def test_captives_freed_as_the_outcome_of_an_event_told_are_no_release_of_their_own(
    make_state: Any, resources: Any, text: str, released: bool
) -> None:
    assert ("release" in {k for k, _ in _events(make_state, resources, text)}) is released


def test_a_participle_naming_its_own_list_is_still_told_at_each_place(
    make_state: Any, resources: Any
) -> None:
    text = (
        "Drones struck the Moravo power plant on Monday, setting a transformer on fire and "
        "cutting electricity to Harlow, Kestrel and Tindale."
    )
    found = _events(make_state, resources, text)
    assert {"Harlow", "Kestrel", "Tindale"} <= {p for k, p in found if k == "infrastructure_damage"}


def test_a_consequence_participle_is_not_repeated_at_each_place_of_the_list(
    make_state: Any, resources: Any
) -> None:
    text = (
        "Floodwaters swept into Harlow, Kestrel and Moravo on Sunday, forcing thousands of "
        "people from their homes and cutting the only road to Tindale."
    )
    found = _events(make_state, resources, text)
    assert {p for k, p in found if k == "disaster"} == {"Harlow", "Kestrel", "Moravo"}
    assert len([k for k, _ in found if k == "displacement"]) <= 1
    assert len([k for k, _ in found if k == "infrastructure_damage"]) <= 1


def test_a_quake_the_parser_makes_an_apposition_of_its_magnitude_is_no_attack(nlp: Any) -> None:
    from spacy.tokens import Doc

    from sitrep.stages.events_triggers import trigger_type

    # The parse the small model gives in a whole report (set h): "aftershock" hangs on
    # "magnitude" as an apposition, so "struck" has "magnitude" alone as its subject.
    words = ["A", "magnitude", "6.1", "aftershock", "struck", "off", "the", "coast"]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[1, 4, 3, 1, 4, 4, 7, 5],
        deps=["det", "nsubj", "nummod", "appos", "ROOT", "prep", "det", "pobj"],
        pos=["DET", "NOUN", "NUM", "NOUN", "VERB", "ADP", "DET", "NOUN"],
        lemmas=["a", "magnitude", "6.1", "aftershock", "strike", "off", "the", "coast"],
    )
    assert trigger_type(doc[4]) is None  # the aftershock is the event, not a strike


@pytest.mark.parametrize(
    ("text", "siege"),
    [
        ("Gunmen surrounded the market in Harlow at about 2 p.m. and opened fire on traders.",
         False),
        ("Raiders surrounded the cattle camps near Kestrel before dawn and drove off thousands "
         "of cattle.", False),
        ("Rebel forces have encircled Moravo and are pounding the city with artillery.", True),
    ],
)  # fmt: skip
def test_a_site_surrounded_by_those_who_then_strike_it_is_no_siege(
    make_state: Any, resources: Any, text: str, siege: bool
) -> None:
    assert ("siege" in {k for k, _ in _events(make_state, resources, text)}) is siege
