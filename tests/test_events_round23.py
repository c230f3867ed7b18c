"""Events round 23 (docs/EVENTS.md "Round 23"): damage to buildings at a town of its own,
told after the quake or the attack that did it, is that event's, and a toll told in the
damage's sentence still reaches the event."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from events_support import events_in_invented_towns
from sitrep.records import Event, Place, Span
from sitrep.stages.events_country_tellings import fold_country_tellings


@pytest.mark.parametrize(
    "text",
    [
        "A strong earthquake struck Harlow on Sunday. In Kestrel, 300 houses were destroyed.",
        "A magnitude 5.9 earthquake struck near Harlow late on Saturday.\n\n"
        "It damaged buildings in Harlow, Kestrel and Moravo and was felt as far away as "
        "Quenby.",
        "Gunmen attacked Harlow on Sunday, killing 12 people.\n\n"
        "In Kestrel, 40 houses were destroyed.",
    ],
)
def test_damage_at_another_town_after_its_event_is_that_event(
    make_state: Any, resources: Any, text: str
) -> None:
    events = events_in_invented_towns(make_state, resources, text)
    assert [k for k, _, _ in events if k == "infrastructure_damage"] == []
    host = next(e for k, _, e in events if k in ("disaster", "attack"))
    assert len(host.evidence) == 2  # the damage's words are the event's evidence


def test_a_toll_in_the_damage_sentence_reaches_the_quake(make_state: Any, resources: Any) -> None:
    text = (
        "A magnitude 5.9 earthquake struck beneath Harlow in February.\n\n"
        "It killed 17 people across the valley and injured more than 60, officials said, "
        "and damaged or destroyed about 1,900 homes in Kestrel.\n"
    )
    events = events_in_invented_towns(make_state, resources, text)
    assert [k for k, _, _ in events if k == "infrastructure_damage"] == []
    quake = next(e for k, _, e in events if k == "disaster")
    assert (quake.killed, quake.injured) == (17, 60)


@pytest.mark.parametrize(
    "text",
    [
        # a utility cut stays an outage of its own
        "A strong earthquake struck Harlow on Sunday. In Kestrel, the water supply was cut.",
        # damage dated apart is its own
        "A strong earthquake struck Harlow on Sunday. In March 2019, 300 houses were "
        "destroyed in Kestrel by a fire.",
        # damage with no event before it to belong to
        "In Kestrel, 300 houses were destroyed on Sunday.",
    ],
)
def test_outages_dated_damage_and_damage_with_no_event_before_stay_events(
    make_state: Any, resources: Any, text: str
) -> None:
    events = events_in_invented_towns(make_state, resources, text)
    assert "infrastructure_damage" in [k for k, _, _ in events]


def test_people_killed_after_a_series_of_cloudbursts_are_the_disasters_dead(
    make_state: Any, resources: Any
) -> None:
    text = (
        "At least 11 people were killed and 34 are missing after a series of cloudbursts "
        "struck the hills above Harlow late on Monday, officials said. Another 17 people "
        "were injured, four of them critically."
    )
    events = events_in_invented_towns(make_state, resources, text)
    assert [k for k, _, _ in events] == ["disaster"]
    assert (events[0][2].killed, events[0][2].injured) == (11, 17)


def test_clashes_told_of_a_protest_with_no_fighters_named_are_the_protest(
    make_state: Any, resources: Any
) -> None:
    text = (
        "Tens of thousands rallied in Harlow on Saturday. Police detained 79 people in "
        "Harlow after clashes near the government headquarters."
    )
    events = events_in_invented_towns(make_state, resources, text)
    assert [k for k, _, _ in events] == ["protest"]
    assert len(events[0][2].evidence) == 2


def test_clashes_between_troops_and_rebels_beside_a_protest_stay_a_clash(
    make_state: Any, resources: Any
) -> None:
    text = (
        "Tens of thousands rallied in Harlow on Saturday. Troops clashed with rebels "
        "in Harlow on Saturday."
    )
    events = events_in_invented_towns(make_state, resources, text)
    assert "armed_clash" in [k for k, _, _ in events]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Security forces broke up protests in Harlow on Friday. Officials say the "
            "protesters tried to seize government buildings.",
            "protest",
        ),
        ("Protesters had seized the airport in Harlow on Wednesday afternoon.", "capture"),
    ],
)
def test_protesters_trying_to_seize_buildings_protest_but_a_seized_airport_is_taken(
    make_state: Any, resources: Any, text: str, kind: str
) -> None:
    events = events_in_invented_towns(make_state, resources, text)
    assert [k for k, _, _ in events] == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "A car bomb exploded outside a building in Kestrel late on Wednesday, killing a guard.",
        "A roadside bomb killed four soldiers near Kestrel on Wednesday.",
        "A suicide bombing killed 12 people at a market in Kestrel on Wednesday.",
    ],
)
def test_a_planted_bomb_is_an_attack_not_an_air_strike(
    make_state: Any, resources: Any, text: str
) -> None:
    events = events_in_invented_towns(make_state, resources, text)
    assert [(k, p) for k, p, _ in events] == [("attack", "Kestrel")]


def test_a_drone_strike_stays_an_air_strike(make_state: Any, resources: Any) -> None:
    events = events_in_invented_towns(
        make_state, resources, "A drone strike hit Kestrel on Monday."
    )
    assert [(k, p) for k, p, _ in events] == [("airstrike", "Kestrel")]


@pytest.mark.parametrize(
    ("text", "towns"),
    [
        ("Shutter-down strikes were observed on Monday in Kestrel, Harlow and Moravo.",
         ["Harlow", "Kestrel", "Moravo"]),
        ("Traders observed a strike in Kestrel on Monday.", ["Kestrel"]),
        ("Relatives staged sit-ins in Kestrel and Harlow on Monday.", ["Harlow", "Kestrel"]),
    ],
)  # fmt: skip
def test_stoppages_and_sit_ins_are_protests_in_each_town(
    make_state: Any, resources: Any, text: str, towns: list[str]
) -> None:
    events = events_in_invented_towns(make_state, resources, text)
    assert sorted(p or "" for k, p, _ in events if k == "protest") == towns


def test_a_strike_on_a_town_is_no_stoppage(make_state: Any, resources: Any) -> None:
    text = "Harlow called the strike on Kestrel a crime against civilians."
    events = events_in_invented_towns(make_state, resources, text)
    assert "protest" not in [k for k, _, _ in events]


def test_the_sit_in_named_back_is_no_new_protest(make_state: Any, resources: Any) -> None:
    text = (
        "Residents of Kestrel blocked the highway on Monday to protest the killings. Elders "
        "would meet in Harlow on Saturday to end the sit-in."
    )
    events = events_in_invented_towns(make_state, resources, text)
    assert [p for k, p, _ in events if k == "protest"] == ["Kestrel"]


@pytest.mark.parametrize(
    "sentence",
    [
        "About 300 people spent a second night in shelters at schools and a stadium in "
        "Kestrel, officials said.",
        "More than 1,100 people are sleeping in schools and churches in Kestrel.",
        "Some 2,000 people are staying in evacuation centres in Kestrel.",
    ],
)
def test_people_put_up_in_shelters_after_a_disaster_are_displaced_there(
    make_state: Any, resources: Any, sentence: str
) -> None:
    text = f"A flood hit Kestrel on Sunday. {sentence}"
    events = events_in_invented_towns(make_state, resources, text)
    assert ("displacement", "Kestrel") in [(k, p) for k, p, _ in events]


@pytest.mark.parametrize(
    "sentence",
    [
        "Soldiers slept in tents in Kestrel.",
        # the flight is told at its origin; the shelters are where it ended
        "Families fled Harlow on Monday, and many are sheltering in schools in Kestrel.",
        "Some 900 families from Harlow were staying in schools and mosques in Kestrel.",
        # a stay lasting on from an event told is its outcome
        "A year since floods hit Harlow, families are still living in schools in Kestrel.",
    ],
)
def test_no_displacement_where_the_shelters_end_a_flight_or_hold_no_civilians(
    make_state: Any, resources: Any, sentence: str
) -> None:
    events = events_in_invented_towns(make_state, resources, sentence)
    assert ("displacement", "Kestrel") not in [(k, p) for k, p, _ in events]


@pytest.mark.parametrize(
    "sentence",
    [
        "An air force helicopter dropped around 1,500 food packets in Kestrel on Tuesday.",
        "A New Zealand air force Hercules landed at Kestrel with 12 tonnes of supplies.",
        "Harlow has released 1 billion reais in emergency funds for Kestrel.",
    ],
)
def test_food_dropped_supplies_flown_in_and_funds_released_are_aid(
    make_state: Any, resources: Any, sentence: str
) -> None:
    events = events_in_invented_towns(make_state, resources, sentence)
    assert ("aid", "Kestrel") in [(k, p) for k, p, _ in events]


@pytest.mark.parametrize(
    "sentence",
    [
        "Police dropped the charges against the men in Kestrel.",
        "A plane landed at Kestrel with 40 passengers on board.",
    ],
)
def test_what_is_dropped_or_landed_must_be_aid(
    make_state: Any, resources: Any, sentence: str
) -> None:
    events = events_in_invented_towns(make_state, resources, sentence)
    assert "aid" not in [k for k, _, _ in events]


# ---------------------------------------------- a region-wide telling of a town's fighting


def _event_at(place: str, kind: str, killed: int | None = None, at: int = 0) -> Event:
    return Event(
        id=f"E{at}", type=kind, place=place, killed=killed, evidence=(Span(at, at + 5, "words"),)
    )


def _place(
    pid: str, kind: str, admin1: str | None = None, lat: float = 48.0, mentions: int = 1
) -> Place:
    spans = tuple(Span(i * 10, i * 10 + 4, pid) for i in range(mentions))
    return Place(
        id=pid, name=pid, kind=kind, country="XX", admin1=admin1,  # type: ignore[arg-type]
        lat=lat, lon=38.0, mentions=spans,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("region", "town"),
    [
        # the town lies in the region's province
        (_place("R", "region", admin1="North"), _place("T", "city", admin1="North", lat=49.5)),
        # neither says a province: the town lies within reach of the region's point
        (_place("R", "region"), _place("T", "city", admin1="North", lat=48.7)),
    ],
)
def test_a_region_wide_telling_of_fighting_folds_into_the_towns_event(
    region: Place, town: Place
) -> None:
    events = [_event_at("R", "airstrike", killed=5, at=0), _event_at("T", "airstrike", at=50)]
    folded = fold_country_tellings(events, [region, town])
    assert [(e.place, e.killed, len(e.evidence)) for e in folded] == [("T", 5, 2)]


@pytest.mark.parametrize(
    ("region", "town", "kind"),
    [
        # a town of another province
        (_place("R", "region", admin1="North"), _place("T", "city", admin1="South"), "airstrike"),
        # a town far from a region of no province
        (_place("R", "region"), _place("T", "city", lat=52.0), "airstrike"),
        # a region's displacement is coded beside its towns'
        (_place("R", "region", admin1="North"), _place("T", "city", admin1="North"),
         "displacement"),
    ],
)  # fmt: skip
def test_a_region_telling_stays_apart_from_towns_outside_it_and_outside_fighting(
    region: Place, town: Place, kind: str
) -> None:
    events = [_event_at("R", kind, at=0), _event_at("T", kind, at=50)]
    assert fold_country_tellings(events, [region, town]) == events


def test_with_no_other_town_named_the_datelines_town_is_the_events(
    make_state: Any, resources: Any
) -> None:
    from events_support import events_with_places, places_named

    text = (
        "KESTREL, March 4 (Wire) - A drone hit a residential building overnight, killing "
        "three people, the regional governor said.\n"
    )
    places = places_named(text, {"KESTREL": ("town", 10.0)})
    events = events_with_places(make_state, resources, text, places)
    assert [(k, p) for k, p, _ in events] == [("airstrike", "KESTREL")]


def test_a_town_named_in_the_body_still_wins_over_the_dateline(
    make_state: Any, resources: Any
) -> None:
    from events_support import events_with_places, places_named

    text = (
        "KESTREL, March 4 (Wire) - Fighting has spread to Harlow, officials said.\n\n"
        "A drone hit a residential building overnight, killing three people.\n"
    )
    places = places_named(text, {"KESTREL": ("town", 10.0), "Harlow": ("town", 11.0)})
    events = events_with_places(make_state, resources, text, places)
    assert ("airstrike", "Harlow") in [(k, p) for k, p, _ in events]


def test_lives_claimed_are_the_dead(make_state: Any, resources: Any) -> None:
    text = "A cholera outbreak in Kestrel has claimed 18 lives since Sunday."
    events = events_in_invented_towns(make_state, resources, text)
    assert [(k, e.killed) for k, _, e in events] == [("disaster", 18)]


def test_damage_with_a_cause_of_its_own_stays_apart(make_state: Any, resources: Any) -> None:
    text = (
        "Gunmen attacked Harlow on Sunday, killing 12 people.\n\n"
        "In Kestrel, 20 houses were destroyed by a fire that broke out at a warehouse."
    )
    events = events_in_invented_towns(make_state, resources, text)
    assert ("infrastructure_damage", "Kestrel") in [(k, p) for k, p, _ in events]


def test_a_dateline_town_gives_way_to_another_country_named(
    make_state: Any, resources: Any
) -> None:
    from events_support import events_with_places, places_named

    text = (
        "KESTREL, March 4 (Wire) - Gunmen killed 20 people in northern Norland on Monday, "
        "officials said.\n"
    )
    places = places_named(text, {"KESTREL": ("town", 10.0), "Norland": ("country", 20.0)})
    places = [dataclasses.replace(p, country="NL") if p.name == "Norland" else p for p in places]
    events = events_with_places(make_state, resources, text, places)
    assert ("attack", "KESTREL") not in [(k, p) for k, p, _ in events]
