"""Events, tenth round: the general causes the blind sets c and d showed (docs/EVENTS.md,
"Round 10"): one event per place of a list, unresolved members and lists an event
spreads to included; trigger words that tell no event where they stand (a modifier, a
figurative phrase, a fire fought, participation denied, nobody doing it, the flight of an
attack's victims, a state lasting since long before); the place chosen within the
sentence (not a force's name, a possessor's town, "the territory" as the country);
outages told by those left without a service; offers, expectations and conditions as
no fact. The sentences and
towns here are our own, not the reports'."""

from __future__ import annotations

import pytest

from events_support import events_with_places, places_named
from sitrep.records import Event, Place

# name -> (kind, lat): invented towns; a place with no latitude is one the gazetteer
# could not pin (the place stage keeps it as an unresolved name).
TOWNS: dict[str, tuple[str, float | None]] = {
    "Harlow": ("city", 10.0),
    "Kestrel": ("town", 11.0),
    "Moravo": ("city", 12.0),
    "Tindale": ("town", 13.0),
    "Quenby": ("other", None),
    "Tolvern": ("other", None),
    "Veloria": ("country", 5.0),
    # a force's name the place stage took for a place
    "Northern Defence Forces": ("other", None),
}


def _places(text: str) -> list[Place]:
    return places_named(text, TOWNS)


def _events(make_state, resources, text: str) -> list[tuple[str, str | None, Event]]:  # type: ignore[no-untyped-def]
    return events_with_places(make_state, resources, text, _places(text))


def _told(events: list[tuple[str, str | None, Event]]) -> list[tuple[str, str | None]]:
    """(type, place) of the events told as having happened (fact or claim)."""
    return [(kind, place) for kind, place, e in events if e.modality in ("fact", "claim")]


# ------------------------------------------------------------- 1. one event per listed place


@pytest.mark.parametrize(
    ("text", "kind", "towns"),
    [
        ("Protests spread on Tuesday to Harlow, Kestrel and Moravo.", "protest",
         {"Harlow", "Kestrel", "Moravo"}),
        ("Riots broke out in Tindale on Monday. Riots spread on Tuesday to Harlow and Kestrel.",
         "protest", {"Tindale", "Harlow", "Kestrel"}),
    ],
)  # fmt: skip
def test_an_event_that_spreads_to_listed_towns_is_told_at_each_even_with_no_place_of_its_own(  # type: ignore[no-untyped-def]
    make_state, resources, text, kind, towns
):
    assert {place for k, place in _told(_events(make_state, resources, text)) if k == kind} == towns


@pytest.mark.parametrize(
    ("text", "kind", "towns"),
    [
        ("Protesters marched in Harlow, Kestrel and Quenby on Monday.", "protest",
         {"Harlow", "Kestrel", "Quenby"}),
        ("Artillery shelled Quenby, Harlow and Tolvern on Sunday.", "shelling",
         {"Quenby", "Harlow", "Tolvern"}),
    ],
)  # fmt: skip
def test_an_unresolved_name_listed_with_a_resolved_town_is_a_place_of_its_own(  # type: ignore[no-untyped-def]
    make_state, resources, text, kind, towns
):
    assert {place for k, place in _told(_events(make_state, resources, text)) if k == kind} == towns


# Round 12 replaced the rule that a list of names none of which resolves is not split:
# a list in the trigger's own clause is split, pinned or not (tests/test_events_round12.py).


def test_a_list_the_parser_hangs_as_an_apposition_is_still_a_list(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "Jets also struck villages near Harlow, Quenby and Moravo on Monday, local media reported."
    )
    struck = {place for k, place in _told(_events(make_state, resources, text)) if k == "airstrike"}
    assert struck == {"Harlow", "Quenby", "Moravo"}


# ------------------------------------------------------- 3. trigger words that tell no event


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a trigger noun opening a run of nouns names the last of them
        ("The ministry said it was sending 300 soldiers and riot police units to Harlow.",
         "protest"),
        # seizing on something takes no ground
        ("Opposition leaders have seized on the unrest in Harlow to criticise the minister.",
         "capture"),
        # a fire fought is no clash
        ("Hundreds of firefighters were fighting the blaze near Harlow on Monday.",
         "armed_clash"),
        # participation denied
        ("The minister said its soldiers were not involved in the fighting in Harlow.",
         "armed_clash"),
        # nobody does it
        ("The governor said no one should try to return to Harlow tonight.", "return"),
        # the flight of an attack's victims is part of the attack
        ("Gunmen raided Kestrel on Monday, shooting villagers who tried to flee.",
         "displacement"),
        # a state lived through since long before the report, or since a turning point
        ("Harlow has endured fighting since 1975.", "armed_clash"),
        ("The Kestrel valley has seen clashes since 1998.", "armed_clash"),
        ("Harlow has suffered shelling and clashes since 2019.", "shelling"),
        # the end of an event is no telling of it
        ("Harlow was calm on Monday, although fighting has largely subsided in recent years.",
         "armed_clash"),
        ("More than 2 million people have been displaced across the country since the coup.",
         "displacement"),
        ("The movement, which has been fighting the state for more than 20 years, still "
         "controls Harlow.", "armed_clash"),
    ],
)  # fmt: skip
def test_a_trigger_word_that_tells_no_event_here_makes_none(  # type: ignore[no-untyped-def]
    make_state, resources, text, kind
):
    assert kind not in {k for k, _ in _told(_events(make_state, resources, text))}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("More than 4,000 people have fled towards Harlow since the start of the week.",
         "displacement"),
        ("Rebel forces have besieged Harlow since 2016, closing the main roads.", "siege"),
        ("Gunmen raided Kestrel on Monday, shooting villagers who tried to flee.", "attack"),
    ],
)  # fmt: skip
def test_the_event_told_beside_such_words_is_still_told(  # type: ignore[no-untyped-def]
    make_state, resources, text, kind
):
    assert kind in {k for k, _ in _told(_events(make_state, resources, text))}


def test_people_left_without_a_service_tell_an_outage_not_a_flight(make_state, resources):  # type: ignore[no-untyped-def]
    text = "Residents of Harlow were left without running water on Monday."
    kinds = {k for k, _ in _told(_events(make_state, resources, text))}
    assert "infrastructure_damage" in kinds
    assert "displacement" not in kinds


def test_a_service_lost_as_the_effect_of_a_told_failure_is_no_event_of_its_own(  # type: ignore[no-untyped-def]
    make_state, resources
):
    text = "The dam gave way on Monday, leaving 9,000 people in Harlow without electricity."
    kinds = [k for k, _ in _told(_events(make_state, resources, text))]
    assert "displacement" not in kinds
    assert kinds.count("infrastructure_damage") <= 1


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Many residents are expected to return to Harlow on Friday if the weather clears.",
         "return"),
        ("Neighbouring states offered to send helicopters and relief supplies to Harlow.", "aid"),
    ],
)  # fmt: skip
def test_an_expected_offered_or_conditional_event_is_not_told_as_having_happened(  # type: ignore[no-untyped-def]
    make_state, resources, text, kind
):
    assert kind not in {k for k, _ in _told(_events(make_state, resources, text))}


# ------------------------------------------------------- 2. the place chosen in the sentence


@pytest.mark.parametrize(
    ("text", "kind", "place"),
    [
        # a name ending in a force's noun names who fights, not where
        ("Fighting between the Northern Defence Forces and armed youth in Quenby flared on "
         "Monday.", "armed_clash", "Quenby"),
        # the owner of what was hit places the event
        ("Aid reached Kestrel on Sunday. On Monday, jets bombed the area around Harlow's "
         "main market.", "airstrike", "Harlow"),
        # "the territory", "the country": the report's country
        ("Protesters blocked roads in Harlow in Veloria on Monday. The territory has been "
         "tense since the riots of May 2023, in which nine people were killed.", "protest",
         "Veloria"),
    ],
)  # fmt: skip
def test_the_place_chosen_in_the_sentence_is_where_the_event_happened(  # type: ignore[no-untyped-def]
    make_state, resources, text, kind, place
):
    assert (kind, place) in _told(_events(make_state, resources, text))


# ------------------------------------------------------------------ 4. trigger words missed


@pytest.mark.parametrize(
    ("text", "kind", "places"),
    [
        ("Smaller rallies took place on Saturday in Harlow and Kestrel.", "protest",
         {"Harlow", "Kestrel"}),
        ("Strikes also hit Harlow and Kestrel on Sunday, the agency said.", "attack",
         {"Harlow", "Kestrel"}),
        ("Air defences shot down 12 drones overnight. Debris fell in Harlow and Kestrel, "
         "damaging homes.", "attack", {"Harlow", "Kestrel"}),
        ("A footbridge collapsed in Harlow on Monday, killing nine people.", "disaster",
         {"Harlow"}),
        ("The international airport in Harlow closed for six hours on Sunday because of ash.",
         "infrastructure_damage", {"Harlow"}),
        ("Medical teams have vaccinated over 20,000 people in Harlow since Monday.", "aid",
         {"Harlow"}),
        ("A navy supply ship unloaded 300,000 litres of diesel at the port of Harlow on "
         "Tuesday.", "aid", {"Harlow"}),
    ],
)  # fmt: skip
def test_words_that_tell_an_event_are_read_as_its_trigger(  # type: ignore[no-untyped-def]
    make_state, resources, text, kind, places
):
    assert {
        place for k, place in _told(_events(make_state, resources, text)) if k == kind
    } == places


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A rally in oil prices lifted shares in Harlow on Monday.", "protest"),
        ("A general strike hit Harlow on Monday.", "attack"),
        ("Heavy rain loosened the hillside. Debris fell on the road near Harlow.", "attack"),
        ("Talks collapsed in Harlow on Monday, killing hopes of a deal.", "disaster"),
        ("Shops in Harlow closed early on Sunday.", "infrastructure_damage"),
    ],
)  # fmt: skip
def test_the_same_words_in_another_sense_tell_no_event(  # type: ignore[no-untyped-def]
    make_state, resources, text, kind
):
    assert kind not in {k for k, _ in _told(_events(make_state, resources, text))}


def test_a_bare_weapon_is_no_actor(make_state, resources):  # type: ignore[no-untyped-def]
    events = _events(make_state, resources, "Strikes also hit Harlow on Sunday.")
    assert [e.actors for k, _, e in events if k == "attack"] == [()]


# ---------------------------------------------- 5. background kept apart: dates, places, tolls


def test_a_when_clause_after_a_date_is_an_event_of_that_date_with_its_own_toll(  # type: ignore[no-untyped-def]
    make_state, resources
):
    text = (
        "Protesters clashed with police in Harlow in northern Veloria on Monday. It was the "
        "worst unrest in the city since June 2023, when riots that followed a court ruling "
        "left at least 16 people dead across the country."
    )
    protests = {(place, e.date, e.killed) for k, place, e in _events(make_state, resources, text)
                if k == "protest"}  # fmt: skip
    assert protests == {("Harlow", "2025-03-10", None), ("Veloria", "2023-06", 16)}


def test_the_village_an_event_noun_acts_on_is_its_place(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "Residents recalled June 2018, when a massive eruption buried the village of Quenby "
        "and killed more than 200 people."
    )
    [(kind, place, event)] = _events(make_state, resources, text)
    assert (kind, place, event.date, event.killed) == ("disaster", "Quenby", "2018-06", 200)


def test_a_toll_told_apart_goes_to_the_event_told_last_before_it(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "Rebels seize Harlow; army jets strike town\n\n"
        "Rebel fighters said on Tuesday they had taken Harlow after two days of fighting "
        "around the army base.\n\n"
        "Hours later, army jets bombed the eastern quarter of Harlow. At least 11 civilians "
        "were killed, a doctor said."
    )
    tolls = {
        k: e.killed
        for k, _, e in _events(make_state, resources, text)
        if k in ("airstrike", "armed_clash")
    }
    assert tolls.get("airstrike") == 11
    assert tolls.get("armed_clash") is None
