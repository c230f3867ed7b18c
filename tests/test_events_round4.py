"""Events stage, fourth round: rules found on reports the team wrote before any rule was
tried on them (weapons as subjects, repelled attacks, protests, several places, settings,
captives, aid, evacuations, casualty ownership)."""

from __future__ import annotations

import re

import pytest

from sitrep.records import Event, Place, Span
from sitrep.stages.dating import date_report
from sitrep.stages.events import extract_events
from sitrep.stages.figures import extract_figures
from sitrep.stages.times import extract_times

SETTLEMENTS = ("Bakhmut", "Izyum", "Kupiansk", "Selydove")


def _events(make_state, resources, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    state = make_state(text, "2024-08-20")
    state.places = [
        Place(id=f"P{i + 1}", name=name, kind="city",
              mentions=tuple(Span.of(text, m.start(), m.end())
                             for m in re.finditer(rf"\b{name}\b", text)))
        for i, name in enumerate(SETTLEMENTS) if re.search(rf"\b{name}\b", text)
    ]  # fmt: skip
    for run in (extract_times, date_report, extract_figures, extract_events):
        run(state, resources)
    return state.events


def _pid(name: str) -> str:
    return f"P{SETTLEMENTS.index(name) + 1}"


def _types(events: list[Event]) -> list[str]:
    return sorted(e.type for e in events)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Shells fell on the central market in Bakhmut on Sunday.", "shelling"),
        ("Rockets landed on a school in Bakhmut.", "shelling"),
        ("A minibus carrying evacuees was hit by a drone near Bakhmut.", "airstrike"),
        ("Ukrainian drones destroyed three Russian tanks near Bakhmut.", "airstrike"),
        ("A UN helicopter was hit by gunfire while landing in Bakhmut.", "attack"),
        ("The town of Bakhmut was hit by a glide bomb and four artillery shells.", "attack"),
    ],
)
def test_weapon_as_subject_tells_the_attack_and_its_kind(make_state, resources, text, kind):  # type: ignore[no-untyped-def]
    assert kind in _types(_events(make_state, resources, text))


@pytest.mark.parametrize(
    "text",
    [
        "The army said its soldiers had repelled an attack on Bakhmut.",
        "Ukrainian forces repulsed 52 assaults near Bakhmut over the past day.",
        "Ukrainian forces pushed Russian units back from the outskirts of Bakhmut.",
    ],
)
def test_repelled_attack_is_a_clash_not_an_attack(make_state, resources, text):  # type: ignore[no-untyped-def]
    assert _types(_events(make_state, resources, text)) == ["armed_clash"]


def test_protesters_storming_a_building_is_their_protest(make_state, resources):  # type: ignore[no-untyped-def]
    text = "Police fired tear gas at protesters who stormed parliament in Bakhmut."
    assert "protest" in _types(_events(make_state, resources, text))
    assert "attack" not in _types(_events(make_state, resources, text))


def test_protest_takes_the_death_toll_told_after_it(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "Thousands of protesters stormed parliament in Bakhmut on Tuesday. "
        "At least 17 people were killed and 160 were injured."
    )
    protest = next(e for e in _events(make_state, resources, text) if e.type == "protest")
    assert (protest.killed, protest.injured) == (17, 160)


def test_event_at_conjoined_places_is_one_event_at_each(make_state, resources):  # type: ignore[no-untyped-def]
    text = "Demonstrations also took place in Bakhmut, Izyum and Kupiansk on Tuesday."
    events = _events(make_state, resources, text)
    protests = [e for e in events if e.type == "protest"]
    assert sorted(str(e.place) for e in protests) == sorted(
        _pid(n) for n in ("Bakhmut", "Izyum", "Kupiansk")
    )


@pytest.mark.parametrize(
    ("text", "clashes"),
    [
        ("During the battle for Bakhmut, Russian troops blew up a bridge.", 0),
        ("Fighting raged in Bakhmut. During the battle, troops destroyed a bridge.", 1),
        ("Thousands of villagers, most of whom fled fighting, reached Bakhmut.", 0),
    ],
)
def test_event_named_as_a_setting_is_no_new_event(make_state, resources, text, clashes):  # type: ignore[no-untyped-def]
    events = _events(make_state, resources, text)
    assert _types(events).count("armed_clash") == clashes


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Dozens of prisoners escaped in Bakhmut; 7 were recaptured.", "recapture"),
        ("Ukrainian forces captured 20 soldiers near Bakhmut.", "capture"),
    ],
)
def test_taking_people_is_no_capture_of_ground(make_state, resources, text, kind):  # type: ignore[no-untyped-def]
    assert kind not in _types(_events(make_state, resources, text))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The World Food Programme airlifted 120 tonnes of food to Bakhmut.", "aid"),
        ("In Bakhmut, 5,400 families received cash transfers.", "aid"),
        (
            "Humanitarian flights to Bakhmut were suspended for nine days.",
            "humanitarian_access_blocked",
        ),
        ("Aid agencies suspended food distributions in Bakhmut.", "humanitarian_access_blocked"),
        ("Bakhmut remains under blockade by armed groups.", "humanitarian_access_blocked"),
        ("Part of the parliament building in Bakhmut was set on fire.", "infrastructure_damage"),
        ("Floodwater submerged Bakhmut, forcing 400,000 from their homes.", "displacement"),
        ("Authorities ordered families with children to leave Bakhmut.", "evacuation"),
        ("Some 1,000 people are leaving Bakhmut each day.", "displacement"),
    ],
)
def test_aid_access_damage_and_movement_phrasings(make_state, resources, text, kind):  # type: ignore[no-untyped-def]
    assert kind in _types(_events(make_state, resources, text))


@pytest.mark.parametrize(
    "text",
    [
        "The blast left 20 dead in Bakhmut.",
        "He left the meeting in Bakhmut early.",
        "Residents received warnings in Bakhmut.",
    ],
)
def test_leaving_and_receiving_need_people_and_aid(make_state, resources, text):  # type: ignore[no-untyped-def]
    types = _types(_events(make_state, resources, text))
    assert "displacement" not in types and "aid" not in types


def test_share_of_buildings_destroyed_is_a_figure_not_an_event(make_state, resources):  # type: ignore[no-untyped-def]
    text = "In Bakhmut, over 60 percent of buildings were destroyed."
    assert "infrastructure_damage" not in _types(_events(make_state, resources, text))


def test_subordinate_after_clause_is_told_as_fact(make_state, resources):  # type: ignore[no-untyped-def]
    text = "Trains would no longer stop at Bakhmut station after the tracks were damaged."
    damage = next(e for e in _events(make_state, resources, text) if e.type != "shelling")
    assert damage.type == "infrastructure_damage"
    assert damage.modality == "fact"


def test_casualties_go_to_the_event_nearest_them(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "Shells fell on a crowded market in Bakhmut on Sunday, killing at least 19 people "
        "and wounding 62, as the army and the rebels fought over the north of the city."
    )
    events = {e.type: e for e in _events(make_state, resources, text)}
    assert (events["shelling"].killed, events["shelling"].injured) == (19, 62)
    assert events["armed_clash"].killed is None


def test_part_of_a_toll_is_not_a_toll(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "Army aircraft bombed rebel positions in Bakhmut on Saturday. "
        "Two children were among the dead, a medic said."
    )
    strike = next(e for e in _events(make_state, resources, text) if e.type == "airstrike")
    assert strike.killed is None


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("A minibus was hit by a drone near Bakhmut; the driver was killed.", 1),
        ("A minibus was hit by a drone near Bakhmut; the drivers were killed.", None),
    ],
)
def test_one_victim_without_a_number_counts_one(make_state, resources, text, killed):  # type: ignore[no-untyped-def]
    strike = next(e for e in _events(make_state, resources, text) if e.type == "airstrike")
    assert strike.killed == killed


def test_the_town_is_not_the_reference_point_of_a_distance(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "In Selydove, about 15 km south-east of Bakhmut, the administration spoke.\n\n"
        "The town has had no water since June."
    )
    outage = next(e for e in _events(make_state, resources, text) if e.type != "protest")
    assert outage.type == "infrastructure_damage"
    assert outage.place == _pid("Selydove")


def test_evacuation_order_and_departures_in_one_paragraph_are_one_move(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "Authorities ordered the evacuation of families from Bakhmut last Tuesday. "
        "Some 3,000 people have left since then, officials said."
    )
    moves = [e for e in _events(make_state, resources, text)
             if e.type in ("evacuation", "displacement")]  # fmt: skip
    assert len(moves) == 1


def test_dateline_below_a_headline_places_nothing(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "Gunmen kill villagers\n\n"
        "BAKHMUT (AP) — Gunmen attacked a village on Friday, killing 20 civilians."
    )
    attacks = [e for e in _events(make_state, resources, text) if e.type == "attack"]
    assert [e.place for e in attacks] == [None]


def test_vague_count_is_no_death_toll(make_state, resources):  # type: ignore[no-untyped-def]
    text = "Jets bombed a crowd in Bakhmut, killing dozens of people."
    strike = next(e for e in _events(make_state, resources, text) if e.type == "airstrike")
    assert strike.killed is None


def test_raid_that_arrests_people_is_an_arrest(make_state, resources):  # type: ignore[no-untyped-def]
    text = "Troops raided two villages near Bakhmut on Wednesday, arresting 14 men."
    assert _types(_events(make_state, resources, text)) == ["arrest"]


def test_convoy_turned_back_is_blocked_access(make_state, resources):  # type: ignore[no-untyped-def]
    text = "An aid convoy bound for Bakhmut was turned back at a checkpoint."
    assert "humanitarian_access_blocked" in _types(_events(make_state, resources, text))
