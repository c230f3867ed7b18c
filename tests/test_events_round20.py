"""Round 20: tellings the stage missed or kept apart (docs/EVENTS.md, "Round 20 — words
the model misreads, and country-wide tellings").

The small model tags a capitalised plural noun that opens a sentence or a bullet as a
proper noun ("- Airstrikes on A, B and C killed 60"), and lemmatises "marches" as
"marche": both hid the event. Only water bursts its banks, so named rivers that do
("the Savio and the Lamone burst their banks, flooding A and B") tell a flood at each
place reached. A headline's country-wide telling with a toll ("Libya: nine dead as
rival groups clash") is the one town event the body tells, with that toll. Towns are
invented (events_support)."""

from __future__ import annotations

from typing import Any

import pytest

from events_support import events_in_invented_towns, events_with_places, places_named
from sitrep.records import Event, Place, Span
from sitrep.stages.events_country_tellings import fold_country_tellings


def _placed(make_state: Any, resources: Any, text: str, kind: str) -> set[str | None]:
    found = events_in_invented_towns(make_state, resources, text)
    return {place for k, place, _ in found if k == kind}


# ------------------------------------------------------- a noun the model took for a name


@pytest.mark.parametrize(
    "line",
    [
        "- Airstrikes on Harlow, Kestrel and Moravo killed more than 60 people on Monday.",
        "* Airstrikes on Harlow, Kestrel and Moravo killed more than 60 people on Monday.",
        "- Airstrikes on Harlow killed more than 60 people on Monday.",
    ],
)
def test_a_plural_noun_opening_a_bullet_is_still_a_trigger(
    make_state: Any, resources: Any, line: str
) -> None:
    text = f"The situation worsened this week, officials said.\n\n{line}\n"
    assert "Harlow" in _placed(make_state, resources, text, "airstrike")


def test_a_name_inside_a_sentence_is_not_read_as_a_common_noun(
    make_state: Any, resources: Any
) -> None:
    # "Floods" is a surname here, and not the sentence's first word.
    text = "Police questioned John Floods in Harlow on Monday."
    assert _placed(make_state, resources, text, "disaster") == set()


# ---------------------------------------------------------------------------- marches


@pytest.mark.parametrize(
    "sentence",
    [
        "On Thursday evening, smaller marches were held in Harlow, Kestrel and Moravo.",
        "Marches were held in Harlow, Kestrel and Moravo on Thursday.",
    ],
)
def test_marches_are_protests_at_each_town(make_state: Any, resources: Any, sentence: str) -> None:
    assert _placed(make_state, resources, sentence, "protest") == {"Harlow", "Kestrel", "Moravo"}


@pytest.mark.parametrize(
    "sentence",
    [
        "March was the deadliest month in Harlow since the war began.",
        "In March, the council of Harlow approved a new budget.",
    ],
)
def test_the_month_is_no_march(make_state: Any, resources: Any, sentence: str) -> None:
    assert _placed(make_state, resources, sentence, "protest") == set()


# ----------------------------------------------------------- named rivers over their banks


def test_named_rivers_bursting_their_banks_flood_each_town(make_state: Any, resources: Any) -> None:
    text = (
        "By dawn the Savio, Montone and Lamone had burst their banks, flooding parts of"
        " Harlow, Kestrel and Moravo."
    )
    assert _placed(make_state, resources, text, "disaster") == {"Harlow", "Kestrel", "Moravo"}


def test_a_named_subject_breaking_no_banks_is_no_flood(make_state: Any, resources: Any) -> None:
    text = "By dawn the Savio brigade had broken the siege, reaching parts of Harlow and Kestrel."
    assert _placed(make_state, resources, text, "disaster") == set()


# ------------------------------------------------------------- country-wide tellings


_TOWNS = {"Harlow": ("town", 10.0), "Kestrel": ("town", 11.0), "Norland": ("country", 12.0)}


def _events(make_state: Any, resources: Any, text: str) -> list[tuple[str, str | None, Event]]:
    return events_with_places(make_state, resources, text, places_named(text, _TOWNS))


def test_a_headlines_country_wide_toll_goes_to_the_town_event(
    make_state: Any, resources: Any
) -> None:
    text = (
        "Norland: nine dead as rival armed groups clash\n\n"
        "By Staff Reporter\n\n"
        "Clashes erupted late on Monday in Harlow between two rival armed groups, residents"
        " said. More than 30 people were wounded.\n\n"
        "Schools and shops stayed closed on Tuesday, and the government called for calm.\n"
    )
    clashes = [(place, e.killed, e.injured) for k, place, e in _events(make_state, resources, text)
               if k == "armed_clash"]  # fmt: skip
    assert clashes == [("Harlow", 9, 30)]


def _event(place: str, kind: str = "attack", killed: int | None = None, at: int = 0) -> Event:
    return Event(
        id=f"E{at}", type=kind, place=place, killed=killed, evidence=(Span(at, at + 5, "words"),)
    )


def _place(pid: str, name: str, kind: str, mentions: int = 1) -> Place:
    spans = tuple(Span(i * 10, i * 10 + 4, name[:4]) for i in range(mentions))
    return Place(id=pid, name=name, kind=kind, country="XX", mentions=spans)  # type: ignore[arg-type]


def test_a_country_telling_folds_into_the_one_town_event_of_its_kind() -> None:
    places = [_place("C", "Norland", "country"), _place("T", "Harlow", "town")]
    events = [_event("C", "airstrike", killed=8, at=0), _event("T", "shelling", at=50)]
    folded = fold_country_tellings(events, places)
    assert [(e.place, e.type, e.killed) for e in folded] == [("T", "shelling", 8)]
    assert len(folded[0].evidence) == 2


def test_a_country_telling_stays_where_towns_are_named_alike() -> None:
    places = [
        _place("C", "Norland", "country"),
        _place("T", "Harlow", "town"),
        _place("U", "Kestrel", "town"),
    ]
    events = [_event("C", killed=8), _event("T", at=50), _event("U", at=90)]
    assert fold_country_tellings(events, places) == events


def test_a_country_telling_goes_to_the_town_the_report_names_most() -> None:
    places = [
        _place("C", "Norland", "country"),
        _place("T", "Harlow", "town", mentions=3),
        _place("U", "Kestrel", "town"),
    ]
    events = [_event("C", killed=8), _event("T", at=50), _event("U", at=90)]
    folded = fold_country_tellings(events, places)
    assert [(e.place, e.killed) for e in folded] == [("T", 8), ("U", None)]


def test_a_country_total_unlike_the_towns_toll_is_not_folded() -> None:
    # "more than 4,000 killed in Norland" beside one strike that killed 3: a total.
    places = [_place("C", "Norland", "country"), _place("T", "Harlow", "town")]
    events = [_event("C", killed=4000), _event("T", killed=3, at=50)]
    assert fold_country_tellings(events, places) == events


def test_a_nationwide_outage_stays_the_countrys() -> None:
    places = [_place("C", "Norland", "country"), _place("T", "Harlow", "town")]
    events = [_event("C", "infrastructure_damage"), _event("T", "infrastructure_damage", at=50)]
    assert fold_country_tellings(events, places) == events


# --------------------------------------------------------- where the hurt were taken


def test_a_toll_naming_only_the_hospitals_town_stays_with_the_event_told_before(
    make_state: Any, resources: Any
) -> None:
    text = (
        "Gunmen kill scores in farming town; police arrest protesters in Kestrel\n\n"
        "Gunmen stormed the farming town of Harlow late on Friday, shooting residents as"
        " they slept, officials said.\n\n"
        "The death toll had reached at least 102 by Monday, the emergency agency said, with"
        " more than 50 people being treated for gunshot wounds in hospitals in Kestrel.\n"
    )
    found = events_in_invented_towns(make_state, resources, text)
    tolls = {(kind, place): (e.killed, e.injured) for kind, place, e in found}
    assert tolls[("attack", "Harlow")] == (102, 50)
    assert all(counts == (None, None) for (_, place), counts in tolls.items() if place == "Kestrel")


def test_the_day_a_toll_was_counted_by_does_not_date_the_harm(
    make_state: Any, resources: Any
) -> None:
    # Friday is 28 February, Monday 3 March: "by Monday" says when the count stood.
    text = (
        "Gunmen stormed the farming town of Harlow late on Friday, shooting residents as"
        " they slept, officials said.\n\n"
        "The death toll had reached at least 102 by Monday, the state emergency management"
        " agency said.\n"
    )
    places = places_named(text, _TOWNS)
    found = events_with_places(make_state, resources, text, places, published="2025-03-04")
    assert [(k, e.date, e.killed) for k, _, e in found] == [("attack", "2025-02-28", 102)]


# ------------------------------------------------- a raid's arson and loot are the raid


def test_a_raid_told_around_a_verb_of_saying_keeps_its_arson_and_loot(
    make_state: Any, resources: Any
) -> None:
    text = (
        "The raiders struck the neighbouring villages of Kestrel and Moravo before dawn on"
        " Saturday, residents said, burning farm stores and driving off livestock. No deaths"
        " were reported there.\n"
    )
    found = events_in_invented_towns(make_state, resources, text)
    assert sorted((k, place, e.killed) for k, place, e in found) == [
        ("attack", "Kestrel", 0),
        ("attack", "Moravo", 0),
    ]


def test_attackers_driven_off_are_still_a_fight(make_state: Any, resources: Any) -> None:
    text = "Villagers in Harlow drove off the attackers on Saturday after an hour of shooting."
    kinds = {k for k, _, _ in events_in_invented_towns(make_state, resources, text)}
    assert "armed_clash" in kinds


# --------------------------------------------- a list's telling is news wherever it stands


def test_a_listed_town_keeps_todays_flood_apart_from_its_older_one(
    make_state: Any, resources: Any
) -> None:
    # Published 12 March; the older flood was on 20 February, more than a week before.
    text = (
        "Thousands evacuated as floods hit the valley\n\n"
        "Schools across the region are closed today and tomorrow, officials said.\n\n"
        "This is the second flood to hit the valley this year. On 20 February, heavy rain"
        " caused rivers to overflow near Kestrel, killing two people.\n\n"
        "Rain fell without a break through the night, and by dawn the rivers had burst their"
        " banks, flooding parts of Harlow, Kestrel and Moravo.\n"
    )
    found = events_in_invented_towns(make_state, resources, text)
    at_kestrel = sorted((e.date or "")[:7] for k, place, e in found
                        if k == "disaster" and place == "Kestrel")  # fmt: skip
    assert at_kestrel == ["2025-02", "2025-03"]


# ------------------------------------------------------- a share of the group the verb kills


def test_killing_a_number_of_them_is_the_toll(make_state: Any, resources: Any) -> None:
    text = (
        "Fighters ambushed soldiers near Kestrel on Monday, killing more than a dozen of them"
        " and wounding three of them.\n"
    )
    found = events_in_invented_towns(make_state, resources, text)
    assert [(e.killed, e.injured) for k, _, e in found if k == "attack"] == [(12, 3)]


def test_a_share_of_a_toll_told_before_is_still_no_toll(make_state: Any, resources: Any) -> None:
    text = (
        "Gunmen attacked a market in Kestrel on Monday. Nine of them were later arrested,"
        " police said.\n"
    )
    found = events_in_invented_towns(make_state, resources, text)
    assert [e.killed for k, _, e in found if k == "attack"] == [None]


# ------------------------------------------------------------------- a crowd's riot


@pytest.mark.parametrize(
    "sentence",
    [
        "Last month, crowds burned treatment tents and stoned police vehicles in Harlow.",
        "A mob torched the police station in Harlow on Wednesday.",
        "Rioters looted shops in Harlow on Wednesday.",
    ],
)
def test_a_crowds_violence_to_things_is_a_riot_coded_as_protest(
    make_state: Any, resources: Any, sentence: str
) -> None:
    assert _placed(make_state, resources, sentence, "protest") == {"Harlow"}


def test_a_mob_wrecking_homes_is_no_protest(make_state: Any, resources: Any) -> None:
    text = "In March 2021 a mob vandalised around 90 homes in Harlow over a social media post."
    assert _placed(make_state, resources, text, "protest") == set()


def test_a_mob_that_kills_people_attacks_them(make_state: Any, resources: Any) -> None:
    text = "In November 2024, rioters in Harlow killed three community leaders."
    found = events_in_invented_towns(make_state, resources, text)
    assert [(k, place, e.killed) for k, place, e in found] == [("attack", "Harlow", 3)]


@pytest.mark.parametrize(
    ("sentence", "attacked"),
    [
        ("Residents of Harlow set fire to a health post and beat two nurses on Saturday.", True),
        ("Two men were stabbed in Harlow on Saturday.", True),
        ("The home side beat their rivals 3-1 in Harlow on Saturday.", False),
    ],
)
def test_people_hurt_by_hand_are_attacked(
    make_state: Any, resources: Any, sentence: str, attacked: bool
) -> None:
    assert (_placed(make_state, resources, sentence, "attack") == {"Harlow"}) is attacked


# ------------------------------------------------------------------------ named storms


def test_a_named_storm_that_strikes_is_a_disaster_not_an_attack(
    make_state: Any, resources: Any
) -> None:
    text = "Typhoon Yagi struck Harlow on Saturday, tearing roofs off factories."
    kinds = {k for k, _, _ in events_in_invented_towns(make_state, resources, text)}
    assert "disaster" in kinds
    assert "attack" not in kinds


def test_a_named_storm_that_struck_in_a_relative_clause_is_no_attack(
    make_state: Any, resources: Any
) -> None:
    text = "Residents still measure every outage against Hurricane Maria, which struck Harlow."
    kinds = {k for k, _, _ in events_in_invented_towns(make_state, resources, text)}
    assert "attack" not in kinds
