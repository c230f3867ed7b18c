"""Events, round 15: killed and injured on matched events (docs/EVENTS.md, "Round 15 —
tolls"). Victims named without a number are counted (a woman and her son, one man
drowned, a chief shot dead, a body recovered, a third person died); victims named at a
town are a share of the toll there, and where the report breaks a total down by towns it
tells no event at, the share is an event at that town; a toll goes to the event its
clause's verb shares a subject with, to the event that took the sentence's other toll,
to the town its sentence or a sibling clause names; what a count is the new value of
decides whether it is a toll. Sentences and towns are our own."""

from __future__ import annotations

from typing import Any

import pytest

from events_support import counts_of, events_in_invented_towns
from sitrep.stages.events_toll_victims import victims_in

_events = events_in_invented_towns
_counts = counts_of


def _victims(nlp: Any, text: str) -> list[tuple[str, int, bool]]:
    return [(v.quantity, v.count, v.total) for v in victims_in(nlp(text)[:])]


def _by_place(events: list[Any], kind: str) -> dict[str | None, tuple[int | None, int | None]]:
    return {place: (e.killed, e.injured) for k, place, e in events if k == kind}


# ------------------------------------------------------------ victims named, not counted


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        ("The blast killed a teacher and her daughter, neighbours said.", [("killed", 2, False)]),
        ("A fisherman drowned when his boat overturned in the storm.", [("killed", 1, False)]),
        ("A night watchman was shot dead at the gate of the depot.", [("killed", 1, False)]),
        ("The body of an elderly man was recovered from the river on Monday.",
         [("killed", 1, False)]),
        ("A woman was electrocuted in her flooded kitchen.", [("killed", 1, False)]),
        ("A nurse died after she was hit by falling masonry.", [("killed", 1, False)]),
        ("The drone wounded a farmer and his two sons.", [("injured", 3, False)]),
        ("A third person has died, the fire service said.", [("killed", 3, True)]),
    ],
)  # fmt: skip
def test_victims_named_without_a_number_are_counted(nlp, text, victims):  # type: ignore[no-untyped-def]
    assert _victims(nlp, text) == victims


@pytest.mark.parametrize(
    "text",
    [
        "An old man died shortly after arriving at the camp.",  # no harm told
        "Two children died of cholera at the clinic.",  # a disease
        "Officials fear a farmer may have died in the mudslide.",  # feared
        "It was unclear whether the driver had been killed.",  # asked
        "Residents recall May 2019, when a landslide killed a shepherd above the village.",
        "Twelve soldiers were killed in the ambush.",  # a number: the figures stage's
        "A shopkeeper and two of his sons were wounded by shrapnel.",  # a group uncounted
        "More than 300 people may have died.",
    ],
)  # fmt: skip
def test_no_victims_where_the_clause_tells_no_death_of_the_event(nlp, text):  # type: ignore[no-untyped-def]
    assert _victims(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "kind", "counts"),
    [
        ("Rockets hit the market in Harlow on Friday.\n\nThe strike killed a woman and her "
         "son, relatives said.", "shelling", (2, None)),
        ("Floods swept through Harlow on Saturday.\n\nOne man drowned when his car was swept "
         "off a bridge, police said.", "disaster", (1, None)),
        ("Gunmen attacked a checkpoint outside Harlow on Monday.\n\nA village chief was shot "
         "dead, residents said.", "attack", (1, None)),
    ],
)  # fmt: skip
def test_victims_told_apart_are_the_events_toll(make_state, resources, text, kind, counts):  # type: ignore[no-untyped-def]
    assert _counts(_events(make_state, resources, text), kind) == [counts]


def test_a_ranked_victim_states_the_toll_so_far(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "A wildfire spread through the hills above Harlow on Sunday, killing two "
        "firefighters.\n\nA third person has died, the fire service said on Monday."
    )
    assert _counts(_events(make_state, resources, text), "disaster") == [(3, None)]


# ------------------------------------------------------------ victims placed by town


def test_victims_named_at_towns_are_each_towns_event(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "Floods swept through Harlow over the weekend, forcing thousands from their homes.\n\n"
        "Three people have died since the rains began. A fisherman drowned near Kestrel, and "
        "a woman was electrocuted in her home in Moravo, the agency said."
    )
    disasters = _by_place(_events(make_state, resources, text), "disaster")
    assert disasters["Kestrel"] == (1, None)
    assert disasters["Moravo"] == (1, None)


def test_a_victim_at_a_town_with_no_total_makes_no_event(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "Floods swept through Harlow over the weekend.\n\nA fisherman drowned near Kestrel "
        "on Sunday, police said."
    )
    events = _events(make_state, resources, text)
    assert [place for k, place, _ in events if k == "disaster"] == ["Harlow"]


def test_a_victim_at_a_listed_town_goes_to_that_towns_event(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "Fighters raided Harlow, Kestrel and Moravo overnight, torching dozens of houses.\n\n"
        "A village chief was shot dead in Kestrel."
    )
    attacks = _by_place(_events(make_state, resources, text), "attack")
    assert attacks["Kestrel"] == (1, None)
    assert attacks["Harlow"] == (None, None)


def test_where_the_hurt_were_taken_does_not_place_the_toll(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "A drone struck a wedding party in Harlow on Thursday, killing 11 people.\n\n"
        "Most of the injured were taken to the hospital in Kestrel, where at least five were "
        "in a critical condition.\n\nLater on Friday, militants attacked a police post in "
        "Kestrel."
    )
    attacks = _by_place(_events(make_state, resources, text), "attack")
    assert attacks["Kestrel"] == (None, None)


# ------------------------------------------------------------ which event takes the toll


def test_a_verb_conjoined_without_a_subject_shares_the_first_verbs(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "Heavy fighting between rival militias in Harlow killed nine people and wounded more "
        "than 40 on Monday, after gunmen stormed a police station a day earlier."
    )
    events = _events(make_state, resources, text)
    assert _counts(events, "armed_clash") == [(9, 40)]
    assert all(e.injured is None for k, _, e in events if k == "attack")


def test_a_toll_apart_goes_to_the_event_that_took_its_sentences_toll(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "Gangs seized the town of Harlow on Tuesday after a night of fighting with police, "
        "killing at least 11 people.\n\nMore than 20 people were wounded, the mayor said."
    )
    assert _counts(_events(make_state, resources, text), "capture") == [(11, 20)]


def test_a_toll_clause_without_a_town_takes_its_sibling_clauses_town(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "Jets bombed Harlow, Kestrel and Moravo on Sunday, residents said.\n\nAt least nine "
        "civilians were killed in Harlow, and about 25 were wounded, rescuers said. Two "
        "people were killed in Kestrel."
    )
    strikes = _by_place(_events(make_state, resources, text), "airstrike")
    assert strikes["Harlow"] == (9, 25)
    assert strikes["Kestrel"] == (2, None)


def test_a_toll_naming_a_town_told_later_goes_to_that_towns_event(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "18:20\nThousands of miners marched through Kestrel on Monday.\n\n16:55\nMore than "
        "40 people have now been treated for injuries in Harlow, the health office said.\n\n"
        "10:05\nPolice fired tear gas at protesters who blocked the bridge into Harlow at dawn."
    )
    protests = _by_place(_events(make_state, resources, text), "protest")
    assert protests["Harlow"] == (None, 40)
    assert protests["Kestrel"] == (None, None)


def test_one_death_at_the_lead_town_leaves_it_the_wounded(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "Thousands of protesters marched in Harlow and Kestrel on Tuesday and Wednesday over "
        "water cuts, and police fired tear gas.\n\nOne protester died of a gunshot wound "
        "late on Tuesday in Harlow. More than 30 people were injured in the two days of "
        "unrest, the health ministry said."
    )
    protests = _by_place(_events(make_state, resources, text), "protest")
    assert protests["Harlow"] == (1, 30)
    assert protests["Kestrel"] == (None, None)


def test_a_counter_offensive_names_the_recapture(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "Government forces said on Friday they had retaken Harlow, two days after rebels "
        "overran it.\n\nArtillery then pounded rebel positions in Kestrel and Moravo.\n\nThe "
        "counter-offensive killed 11 more people and wounded more than 30, monitors said."
    )
    assert _counts(_events(make_state, resources, text), "recapture") == [(11, 30)]


# ------------------------------------------------------------ what a count is the value of


def test_a_count_of_cases_is_no_toll(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "Suspected cholera cases in Kestrel rose to 2,310, with 44 deaths, since the "
        "outbreak was declared in Kestrel on 3 March."
    )
    assert [e.killed for k, _, e in _events(make_state, resources, text) if k == "disaster"] == [44]


def test_a_toll_put_at_a_figure_is_still_a_toll(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "When two dams above Kestrel burst during the storm in September, floodwaters swept "
        "entire neighbourhoods into the sea. Authorities put the official death toll at more "
        "than 3,100."
    )
    assert [e.killed for k, _, e in _events(make_state, resources, text) if k == "disaster"] == [
        3100
    ]
