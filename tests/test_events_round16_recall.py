"""Round 16: events the stage missed (docs/EVENTS.md, "Round 16 — missed events").

Each test states what goes in and what must come out: events told by their doer and
toll ("when militants killed 28 soldiers"), aid delivered to a list of towns, arson by
armed men, an attack told as how fighting went or with a toll on both sides, civilians
blocking a road to demand something, human chains, what protesters demand, hazards with
a noun of their own, a river bursting its banks, people moved out of a town, arrivals
counted where they arrive. Sentences and towns are invented (events_support)."""

from __future__ import annotations

from typing import Any

from events_support import events_in_invented_towns, events_with_places, places_named


def _found(make_state: Any, resources: Any, text: str) -> list[tuple[str, str | None]]:
    found = events_in_invented_towns(make_state, resources, text)
    return sorted(((k, p) for k, p, _ in found), key=str)


def _of_type(make_state: Any, resources: Any, text: str, kind: str) -> list[str | None]:
    return sorted((p for k, p in _found(make_state, resources, text) if k == kind), key=str)


# --------------------------------------------------------------- told by doer and toll


def test_militants_who_killed_soldiers_tell_an_attack(make_state: Any, resources: Any) -> None:
    text = (
        "The raid was the deadliest since March 2023, when militants killed 14 soldiers at "
        "a checkpoint near Harlow."
    )
    found = events_in_invented_towns(make_state, resources, text)
    attacks = [(p, e.date, e.killed) for k, p, e in found if k == "attack" and p == "Harlow"]
    assert ("Harlow", "2023-03", 14) in attacks


def test_a_fire_that_killed_people_is_a_disaster(make_state: Any, resources: Any) -> None:
    text = "In June 2019, a single fire in Kestrel killed 41 people."
    assert _of_type(make_state, resources, text, "disaster") == ["Kestrel"]


def test_a_gunfight_that_killed_guards_is_a_clash(make_state: Any, resources: Any) -> None:
    text = "Last April a gunfight near Moravo killed three border guards."
    assert _of_type(make_state, resources, text, "armed_clash") == ["Moravo"]


def test_an_explosion_in_a_report_about_bombs_is_no_disaster(
    make_state: Any, resources: Any
) -> None:
    text = (
        "Officials blamed militants for the bomb. An explosion in Harlow killed 12 people "
        "on Friday."
    )
    assert _of_type(make_state, resources, text, "disaster") == []


def test_an_explosion_in_a_report_about_an_accident_is_a_disaster(
    make_state: Any, resources: Any
) -> None:
    text = "Residents recall May 2021, when an explosion in the centre of Kestrel killed 19 people."
    assert _of_type(make_state, resources, text, "disaster") == ["Kestrel"]


def test_soldiers_killed_in_an_attack_leave_the_attack_to_its_noun(
    make_state: Any, resources: Any
) -> None:
    text = "Eleven soldiers were killed by militants in an attack on a base near Tindale."
    assert _of_type(make_state, resources, text, "attack") == ["Tindale"]


def test_artillery_fire_that_killed_people_is_no_disaster(make_state: Any, resources: Any) -> None:
    text = "Artillery fire killed four people in Harlow on Sunday."
    assert _of_type(make_state, resources, text, "disaster") == []


# ---------------------------------------------------------------- aid at each arrival


def test_aid_delivered_to_three_villages_is_aid_at_each(make_state: Any, resources: Any) -> None:
    text = (
        "The relief agency said on Monday it had delivered 80,000 litres of water by tanker "
        "truck to Dunmere, Pellow and Tarsk, but villagers said it came too late."
    )
    # Villages the gazetteer could not pin: the list alone says they are places.
    towns = {name: ("village", None) for name in ("Dunmere", "Pellow", "Tarsk")}
    found = events_with_places(make_state, resources, text, places_named(text, towns))
    assert sorted(str(p) for k, p, _ in found if k == "aid") == ["Dunmere", "Pellow", "Tarsk"]


def test_troops_sent_to_two_towns_are_no_aid(make_state: Any, resources: Any) -> None:
    text = "On Monday the army sent soldiers and armoured cars to Harlow and Kestrel."
    assert _of_type(make_state, resources, text, "aid") == []


def test_aid_delivered_to_one_town_is_one_aid(make_state: Any, resources: Any) -> None:
    text = "On Monday, boats delivered rice and blankets to Harlow and to a camp nearby."
    assert _of_type(make_state, resources, text, "aid") == ["Harlow"]


# ---------------------------------------------------------------- arson by armed men


def test_gunmen_setting_fire_to_homes_in_three_towns_attack_each(
    make_state: Any, resources: Any
) -> None:
    text = "Gunmen also set fire to homes in Harlow, Kestrel and Moravo during the night."
    assert _of_type(make_state, resources, text, "attack") == ["Harlow", "Kestrel", "Moravo"]


def test_a_witness_telling_of_houses_burned_on_his_street_adds_no_attack(
    make_state: Any, resources: Any
) -> None:
    text = "A mechanic who fled Harlow said gunmen had set fire to houses on his street."
    assert _of_type(make_state, resources, text, "attack") == []


def test_houses_set_on_fire_by_no_one_named_stay_damage(make_state: Any, resources: Any) -> None:
    text = "Several houses were set on fire in Kestrel on Tuesday."
    assert _of_type(make_state, resources, text, "attack") == []


# ---------------------------------------------------------------- attack or clash


def test_an_attack_telling_how_fighting_resumed_is_a_clash(make_state: Any, resources: Any) -> None:
    text = (
        "Fighting resumed briefly on 4 March, when gunmen attacked positions in Harlow, "
        "Kestrel and Moravo."
    )
    found = _found(make_state, resources, text)
    assert [p for k, p in found if k == "armed_clash"] == ["Harlow", "Kestrel", "Moravo"]
    assert [p for k, p in found if k == "attack"] == []


def test_an_attack_on_positions_with_no_fighting_told_stays_an_attack(
    make_state: Any, resources: Any
) -> None:
    text = "On 4 March gunmen attacked army positions in Harlow and Kestrel."
    assert _of_type(make_state, resources, text, "attack") == ["Harlow", "Kestrel"]


def test_an_offensive_with_dead_on_both_sides_is_a_clash(make_state: Any, resources: Any) -> None:
    text = "In May 2021 an offensive near Moravo left nearly 200 soldiers dead on both sides."
    found = _found(make_state, resources, text)
    assert ("armed_clash", "Moravo") in found and ("attack", "Moravo") not in found


# ---------------------------------------------------------------- protests


def test_residents_blocking_a_road_to_demand_power_protest(make_state: Any, resources: Any) -> None:
    text = (
        "In Tindale on Tuesday, about 300 residents blocked the main road for two hours to "
        "demand a fair schedule of power cuts."
    )
    found = _found(make_state, resources, text)
    assert ("protest", "Tindale") in found
    assert ("infrastructure_damage", "Tindale") not in found


def test_armed_men_blocking_a_road_do_not_protest(make_state: Any, resources: Any) -> None:
    text = "A convoy was sent back on Friday after armed men blocked the road near Harlow."
    assert _of_type(make_state, resources, text, "protest") == []


def test_human_chains_in_three_towns_are_protests(make_state: Any, resources: Any) -> None:
    text = (
        "Students and teachers formed human chains in Harlow, Kestrel and Moravo on Friday "
        "to demand the arrest of the attackers."
    )
    found = _found(make_state, resources, text)
    assert [p for k, p in found if k == "protest"] == ["Harlow", "Kestrel", "Moravo"]
    assert [p for k, p in found if k == "arrest"] == []


def test_an_arrest_called_for_is_no_arrest(make_state: Any, resources: Any) -> None:
    text = "Relatives in Kestrel called for the arrest of the officers on Monday."
    assert _of_type(make_state, resources, text, "arrest") == []


def test_an_arrest_made_is_still_an_arrest(make_state: Any, resources: Any) -> None:
    text = "Police made the arrest of three suspects in Kestrel on Monday."
    assert _of_type(make_state, resources, text, "arrest") == ["Kestrel"]


# ---------------------------------------------------------------- hazards


def test_a_sandstorm_is_a_disaster(make_state: Any, resources: Any) -> None:
    text = "A sandstorm on 3 March tore down dozens of shelters in Moravo."
    assert _of_type(make_state, resources, text, "disaster") == ["Moravo"]


def test_a_river_bursting_its_banks_in_two_districts_is_a_disaster(
    make_state: Any, resources: Any
) -> None:
    text = "The river burst its banks in Harlow on 28 February after five days of rain."
    assert _of_type(make_state, resources, text, "disaster") == ["Harlow"]


def test_a_river_whose_banks_held_is_no_disaster(make_state: Any, resources: Any) -> None:
    text = "The river did not burst its banks in Harlow this year."
    assert _of_type(make_state, resources, text, "disaster") == []


# ---------------------------------------------------------------- moves and arrivals


def test_people_moved_out_of_a_town_are_evacuated_from_it(make_state: Any, resources: Any) -> None:
    text = "By morning, officials had moved dozens of women and children from Kestrel to Harlow."
    assert _of_type(make_state, resources, text, "evacuation") == ["Kestrel"]


def test_goods_moved_out_of_a_town_are_no_evacuation(make_state: Any, resources: Any) -> None:
    text = "Traders moved their stock out of Kestrel on Monday."
    assert _of_type(make_state, resources, text, "evacuation") == []


def test_arrivals_registered_in_a_town_are_displacement_there(
    make_state: Any, resources: Any
) -> None:
    text = "Some 2,400 new refugee arrivals were registered in Moravo in August."
    assert _of_type(make_state, resources, text, "displacement") == ["Moravo"]
