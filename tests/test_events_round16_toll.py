"""Events, round 16: killed and injured on matched events (docs/EVENTS.md, "Round 16 —
tolls (session 11)"). People treated or taken to hospital are the injured; "another N"
adds only to a toll of its own harm; lives lost and "other people" say who was counted;
a victim described by a clause of harm died of it; shares of a toll are placed at places
of no known kind that events are told at, by a description that names the town, and
never on a background event there; the event holding a total that the report tells town
by town takes its town's share; a toll naming no town continues its paragraph's town; a
toll its clause places at another town is that town's; the toll of the fight for a town,
or of the fight a capture is told after, is the capture's. Sentences and towns are our
own."""

from __future__ import annotations

from typing import Any

import pytest

from events_support import counts_of, events_in_invented_towns, events_with_places, places_named
from sitrep.stages.events_toll_care import counted_by_care

_events = events_in_invented_towns
_counts = counts_of


def _by_place(events: list[Any], kind: str) -> dict[str | None, tuple[int | None, int | None]]:
    return {place: (e.killed, e.injured) for k, place, e in events if k == kind}


def _counted_noun(nlp: Any, text: str, word: str) -> Any:
    return next(t for t in nlp(text) if t.text == word)


# ------------------------------------------------------------ people cared for are the hurt


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("Nine people were treated at the regional hospital, a nurse said.", "people"),
        ("Some 60 residents were treated for smoke inhalation after the warehouse fire.",
         "residents"),
        ("A further 15 people were taken to the district hospital with cuts.", "people"),
        ("Medics flew seven workers to the county hospital.", "workers"),
    ],
)  # fmt: skip
def test_people_treated_or_taken_to_hospital_are_counted_by_their_care(nlp, text, noun):  # type: ignore[no-untyped-def]
    assert counted_by_care(_counted_noun(nlp, text, noun))


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("Doctors have treated 150 people for measles this month.", "people"),
        ("Paramedics treated 80 marathon runners for dehydration.", "runners"),
        ("The clinic treats some 500 patients a month.", "patients"),
        ("The mobile unit treats 70 people a day.", "people"),  # a routine
        ("Lorries took 200 people to the sports hall.", "people"),  # no hospital
    ],
)  # fmt: skip
def test_care_for_illness_routine_or_shelter_is_no_harm(nlp, text, noun):  # type: ignore[no-untyped-def]
    assert not counted_by_care(_counted_noun(nlp, text, noun))


def test_people_treated_apart_are_the_events_injured(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "A gas explosion at a bottling plant in Harlow killed three workers on Friday.\n\n"
        "Nine people were treated at the regional hospital for burns and cuts, a nurse said."
    )
    assert _counts(_events(make_state, resources, text), "disaster") == [(3, 9)]


def test_another_count_of_the_other_harm_refines_the_bound(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "Drones hit the rail depot in Harlow on Saturday, killing three guards and wounding "
        "more than 25 people.\n\nThree guards were killed at the gate. Another 31 people were "
        "rushed to hospital, the mayor said."
    )
    assert _counts(_events(make_state, resources, text), "airstrike") == [(3, 31)]


# ------------------------------------------------------------ who the count is of


def test_lives_lost_are_the_killed(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "Militiamen attacked police posts around Harlow on Thursday.\n\nThe clashes that "
        "followed claimed the lives of at least five officers, the police chief said."
    )
    events = _events(make_state, resources, text)
    assert 5 in [e.killed for k, _, e in events]


def test_people_beside_other_people_are_people(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "In Harlow, a bomb hit a convent on Monday, killing two nuns and wounding six other people."
    )
    assert _by_place(_events(make_state, resources, text), "airstrike")["Harlow"] == (2, 6)


def test_a_victim_described_by_a_clause_of_harm_died_of_it(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "Thousands of protesters marched in Harlow on Tuesday, and police fired tear gas.\n\nA "
        "bus driver who was struck by a rubber bullet died in the evening, his union said."
    )
    assert _counts(_events(make_state, resources, text), "protest") == [(1, None)]


# ------------------------------------------------------------ shares of a toll by town


def test_shares_at_places_of_unknown_kind_that_events_are_told_at(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "Floodwater poured into Harlow and Kestrel on Monday, cutting the coast road.\n\n"
        "Two people have died. A farmer drowned at Harlow while moving his goats, and a woman "
        "was electrocuted near Kestrel, the police said."
    )
    places = places_named(text, {"Harlow": ("other", 10.0), "Kestrel": ("other", 11.0)})
    events = events_with_places(make_state, resources, text, places)
    disasters = _by_place(events, "disaster")
    assert disasters["Harlow"] == (1, None)
    assert disasters["Kestrel"] == (1, None)


def test_the_event_holding_a_total_told_town_by_town_takes_its_share(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "A landslide struck Kestrel after days of rain on Tuesday, killing four people.\n\n"
        "Mud also reached houses in Kestrel, Harlow and Moravo. Two of the dead were brothers "
        "who were buried when their shed collapsed on the edge of Kestrel. A teacher died in "
        "Harlow after he was hit by a falling tree, and a herder drowned in Moravo."
    )
    disasters = _by_place(_events(make_state, resources, text), "disaster")
    assert disasters["Kestrel"] == (2, None)
    assert disasters["Harlow"] == (1, None)
    assert disasters["Moravo"] == (1, None)


def test_a_share_at_a_town_is_never_its_background_events(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "A storm lashed the coast on Tuesday, killing three people.\n\nIt was the worst "
        "since the cyclone of March 4, 2022, which killed 40 people in Moravo.\n\nA teacher "
        "died in Harlow after he was hit by a falling tree, a girl was crushed in Kestrel, and "
        "a herder drowned in Moravo."
    )
    events = _events(make_state, resources, text)
    moravo = [(e.date, e.killed) for k, place, e in events if k == "disaster" and place == "Moravo"]
    assert ("2022-03-04", 40) in moravo
    assert any(killed == 1 for _, killed in moravo)


def test_a_toll_naming_no_town_continues_its_paragraphs_town(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "Storms hit Harlow and Kestrel on Friday, officials said.\n\nPhone lines remain down "
        "in much of Harlow after the wind toppled a mast.\n\nIn Kestrel, a mudslide buried "
        "the market road on Friday afternoon. A bus driver was killed, the mayor said."
    )
    disasters = _by_place(_events(make_state, resources, text), "disaster")
    assert disasters["Kestrel"] == (1, None)
    assert disasters["Harlow"] == (None, None)


def test_a_toll_its_clause_places_at_another_town_is_that_towns(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "Artillery shelled Harlow on Sunday, killing two people in Kestrel and wounding 17 in "
        "Harlow, officials said.\n\nShells also landed in Kestrel and Moravo, damaging a school."
    )
    shellings = _by_place(_events(make_state, resources, text), "shelling")
    assert shellings["Kestrel"] == (2, None)
    assert shellings["Harlow"] == (None, 17)


# ------------------------------------------------------------ the fight that took the town


def test_the_toll_of_the_battle_for_a_retaken_town_is_the_recaptures(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "The army said it had retaken Harlow on Sunday, a year after militants overran it.\n\n"
        "The militants spoke of heavy battles near Harlow and said they had pulled back.\n\n"
        "Doctors said at least 25 fighters had been killed in the battle for Harlow."
    )
    events = _events(make_state, resources, text)
    assert _counts(events, "recapture") == [(25, None)]
    assert all(e.killed is None for k, _, e in events if k == "armed_clash")


def test_the_toll_of_the_fight_a_capture_is_told_after_is_the_captures(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "Rebels seized Kestrel on Monday.\n\nThe army captured Harlow from the rebels in May "
        "2019 after a six-week siege that killed some 250 residents, aid groups said."
    )
    captures = _by_place(_events(make_state, resources, text), "capture")
    assert captures["Harlow"] == (250, None)


def test_a_fight_told_apart_from_ground_taken_keeps_its_toll(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "Government forces said they had recaptured the town of Harlow on Wednesday.\n\n"
        "Separately, clashes in Kestrel killed 12 fighters, the army said."
    )
    clashes = _by_place(_events(make_state, resources, text), "armed_clash")
    assert clashes["Kestrel"] == (12, None)
