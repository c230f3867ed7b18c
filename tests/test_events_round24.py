"""Events round 24 (docs/EVENTS.md "Round 24"): everyday phrasings found by probing,
places named as the worst hit, shares a town "accounts for", a renewal that renews only
its own kind of event, and a human chain that rescues."""

from __future__ import annotations

from typing import Any

import pytest

from events_support import events_in_invented_towns, kinds_at


@pytest.mark.parametrize(
    ("kind", "sentence"),
    [
        ("attack", "A bomb exploded at a crowded market in Kestrel on Friday, killing six."),
        ("attack", "At least eight people died when a bomb went off near a bus station in "
                   "Kestrel."),
        ("attack", "A blast ripped through a market in Kestrel on Friday."),
        ("airstrike", "Russian aircraft dropped guided bombs on Kestrel overnight."),
        ("disaster", "Heavy rains pounded Kestrel overnight, flooding hundreds of homes."),
        ("displacement", "Villagers abandoned Kestrel after the attack."),
        ("humanitarian_access_blocked", "Aid agencies have been unable to reach Kestrel for "
                                        "weeks."),
        ("displacement", "Thousands flee Kestrel as rebels advance"),
        ("disaster", "Landslide buries 30 homes in Kestrel"),
        ("shelling", "Shelling hit Kestrel on Monday."),
        ("attack", "Pirates looted an aid boat near Kestrel on Tuesday."),
        ("attack", "Militiamen burned down 40 homes in Kestrel."),
        ("attack", "Jihadists executed 9 villagers in Kestrel on Friday."),
        ("shelling", "Separatists fired Grad rockets at Kestrel on Monday."),
        ("airstrike", "Helicopter gunships attacked positions near Kestrel."),
        ("capture", "M23 fighters entered Kestrel on Sunday without a fight."),
        ("recapture", "Government forces pushed the rebels out of Kestrel on Monday."),
        ("arrest", "Police rounded up 40 people in Kestrel on Monday."),
        ("displacement", "The fighting has uprooted 20,000 people in Kestrel."),
        ("return", "Displaced residents have started going home to Kestrel."),
        ("return", "Around 3,000 people were evacuated from Kestrel on Monday, and most have "
                   "now been allowed to go home."),
        ("humanitarian_access_blocked", "Aid deliveries to Kestrel have been suspended "
                                        "because of the fighting."),
        ("infrastructure_damage", "A transmission tower collapsed near Kestrel, cutting "
                                  "electricity."),
        ("disaster", "Kestrel was flooded on Monday after the river burst its banks."),
        ("disaster", "Forest fires forced evacuations near Kestrel on Monday."),
    ],
)  # fmt: skip
def test_an_everyday_phrasing_tells_its_event(
    make_state: Any, resources: Any, kind: str, sentence: str
) -> None:
    assert kind in kinds_at(make_state, resources, sentence)


@pytest.mark.parametrize(
    ("sentence", "not_kind"),
    [
        # a bomb dropped from the air stays an air strike
        ("Glide bombs exploded over Kestrel on Monday.", "attack"),
        # leaflets are no weapon
        ("Aircraft dropped leaflets on Kestrel urging residents to leave.", "airstrike"),
        # troops who abandon a town withdraw; only people who flee are displaced
        ("Troops abandoned Kestrel after the attack.", "displacement"),
        # a reporter who could not reach someone tells no blocked aid
        ("Reporters could not reach Kestrel officials for comment.",
         "humanitarian_access_blocked"),
        # a blast that rocks a plant is told of accidents as often as of attacks
        ("A huge explosion rocked the fuel terminal in Kestrel.", "attack"),
        # a sentence that ends in a full stop is no headline
        ("Thousands flee.", "displacement"),
        # a suicide bomber is no aircraft
        ("A suicide car bomber struck a checkpoint at Kestrel.", "airstrike"),
        # drones, artillery and a bomb together: an attack of several kinds
        ("Russian drones, artillery and a glide bomb struck Kestrel overnight.", "airstrike"),
        # tank fire is shot, not a blaze
        ("Tank fire destroyed several houses in Kestrel.", "disaster"),
        # soldiers who enter a house take no town; aid workers who enter one neither
        ("Aid workers entered Kestrel on Monday.", "capture"),
        # executing a plan harms no one
        ("Militants executed a plan to cut the road near Kestrel.", "attack"),
        # markets flooded with goods are no disaster
        ("Markets in Kestrel were flooded with cheap imports.", "disaster"),
        # people fleeing while they are shot at: the attack is the event
        ("Gunmen attacked Kestrel late on Saturday, shooting residents as they fled.",
         "displacement"),
        # the review's sentences (session 18): frames that only look like the rules'
        ("Kestrel was flooded with tourists over the weekend.", "disaster"),
        ("A blast tore through a gas pipeline in Kestrel on Friday.", "attack"),
        ("An explosion ripped through a fireworks warehouse in Kestrel, killing four "
         "workers.", "attack"),
        ("Volunteers rounded up 40 stray dogs in Kestrel.", "arrest"),
        ("The storm uprooted 200 trees in Kestrel.", "displacement"),
        ("Relief agencies have been unable to reach a deal with the government in Kestrel.",
         "humanitarian_access_blocked"),
        ("Storm Dennis hit Harlow on Sunday. On Monday, Dennis hit back at critics in "
         "Kestrel.", "disaster"),
        ("Hurricane Maria hit Harlow on Sunday. On Monday, Maria made a speech in Kestrel.",
         "disaster"),
        ("The storm of criticism battered the mayor of Kestrel.", "disaster"),
        ("Soldiers entered Kestrel to deliver food aid.", "capture"),
        ("Forest fires were the topic of a conference in Kestrel.", "disaster"),
        ("Rebels attacked Harlow on Monday. Kestrel and Moravo were among the worst hit by "
         "inflation.", "attack"),
    ],
)  # fmt: skip
def test_frames_that_only_look_alike_tell_no_such_event(
    make_state: Any, resources: Any, sentence: str, not_kind: str
) -> None:
    events = events_in_invented_towns(make_state, resources, sentence)
    assert (not_kind, "Kestrel") not in [(k, p) for k, p, _ in events]


def test_places_named_as_the_worst_hit_get_the_event_and_only_their_own_share(
    make_state: Any, resources: Any
) -> None:
    text = (
        "Floods: death toll climbs to 78\n\n"
        "The death toll from this week's floods in Tindale rose to 78 on Thursday.\n\n"
        "Torrential rain on Monday sent rivers over their banks across the district, with "
        "Harlow, Kestrel and Moravo worst hit. Harlow alone accounts for 57 of the dead.\n\n"
        "She said more than 70 people had been treated in hospital for injuries."
    )
    events = events_in_invented_towns(make_state, resources, text)
    disasters = {p: (e.killed, e.injured) for k, p, e in events if k == "disaster"}
    assert {"Harlow", "Kestrel", "Moravo"} <= set(disasters)
    assert disasters["Harlow"] == (57, None)
    assert disasters["Kestrel"] == (None, None)
    assert disasters["Moravo"] == (None, None)


@pytest.mark.parametrize(
    "text",
    [
        "Shelling hit Harlow on Monday. The worst-hit towns were Kestrel and Moravo.",
        "Shelling hit Harlow on Monday. Kestrel and Moravo were among the hardest-hit areas.",
    ],
)
def test_a_list_after_or_before_the_words_is_read(
    make_state: Any, resources: Any, text: str
) -> None:
    events = events_in_invented_towns(make_state, resources, text)
    assert {p for k, p, _ in events if k == "shelling"} == {"Harlow", "Kestrel", "Moravo"}


def test_worst_hit_places_in_a_sentence_of_another_year_take_no_event_of_today(
    make_state: Any, resources: Any
) -> None:
    text = (
        "Shelling hit Harlow on Monday.\n\n"
        "In 2019, floods swept the valley. Kestrel and Moravo were the worst hit in 2019."
    )
    events = events_in_invented_towns(make_state, resources, text)
    assert ("shelling", "Kestrel") not in [(k, p) for k, p, _ in events]


def test_a_new_offensive_renews_no_shelling_its_sentence_tells(
    make_state: Any, resources: Any
) -> None:
    text = (
        "Artillery hit Harlow and Kestrel on Tuesday, in the heaviest night since Moscow "
        "opened a new offensive there a month ago.\n\n"
        "In Kestrel, two women were wounded when a shell hit a bus stop."
    )
    events = events_in_invented_towns(make_state, resources, text)
    shelling = [e for k, p, e in events if k == "shelling" and p == "Kestrel"]
    assert len(shelling) == 1
    assert shelling[0].injured == 2


@pytest.mark.parametrize(
    ("text", "protest"),
    [
        ("Four children were rescued by residents in Kestrel who formed a human chain.", False),
        ("Students formed human chains in Kestrel on Friday to demand the arrest of the "
         "killers.", True),
        ("Thousands formed a human chain in Kestrel, carrying banners against the dam.", True),
    ],
)  # fmt: skip
def test_a_human_chain_that_rescues_is_no_protest(
    make_state: Any, resources: Any, text: str, protest: bool
) -> None:
    events = events_in_invented_towns(make_state, resources, text)
    assert ("protest" in [k for k, _, _ in events]) is protest


def test_people_forced_from_their_homes_are_not_added_to_the_dead(
    make_state: Any, resources: Any
) -> None:
    text = (
        "Kestrel was hit hardest in December 2014, when floods forced more than 200,000 "
        "people from their homes across the peninsula and killed over 20."
    )
    events = events_in_invented_towns(make_state, resources, text)
    assert [(k, e.killed) for k, _, e in events] == [("disaster", 20)]


def test_a_running_total_since_the_outbreak_began_is_not_the_days_toll(
    make_state: Any, resources: Any
) -> None:
    text = (
        "Two children died of measles complications at the provincial hospital in Kestrel "
        "over the weekend, health officials said on Monday, bringing the number of measles "
        "deaths recorded in the region since the outbreak began to 41."
    )
    events = events_in_invented_towns(make_state, resources, text)
    assert 41 not in [e.killed for _, _, e in events]


def test_a_when_clause_the_parser_hangs_on_a_noun_dates_its_event(
    make_state: Any, resources: Any
) -> None:
    text = (
        "The unrest is the most serious since 2017, when months of demonstrations in Kestrel "
        "and other towns against the ruling family's long hold on power left at least 16 "
        "people dead."
    )
    events = events_in_invented_towns(make_state, resources, text)
    assert [(k, e.date, e.killed) for k, _, e in events] == [("protest", "2017", 16)]


def test_a_toll_told_after_a_list_of_other_towns_goes_to_the_event_told_before_it(
    make_state: Any, resources: Any
) -> None:
    text = (
        "Thousands protested in Harlow on Thursday against the new constitution.\n\n"
        "Protests also broke out in Kestrel, Moravo and Tindale, where police fired tear "
        "gas.\n\n"
        "At least four people have died since the protests began on Wednesday, according "
        "to a coalition of civil society groups."
    )
    events = events_in_invented_towns(make_state, resources, text)
    killed = {p: e.killed for k, p, e in events if k == "protest"}
    assert killed["Harlow"] == 4
    assert killed["Kestrel"] is None


def test_a_list_closed_by_a_singular_kind_gives_an_event_at_each_member(
    make_state: Any, resources: Any
) -> None:
    text = (
        "The quake damaged or destroyed homes in Harlow, Kestrel and Moravo district, "
        "according to the provincial emergency management department."
    )
    events = events_in_invented_towns(make_state, resources, text)
    assert {p for k, p, _ in events if k == "disaster"} >= {"Harlow", "Kestrel", "Moravo"}


def test_a_breakdown_told_with_accounts_for_gives_a_displacement_at_each_place(
    make_state: Any, resources: Any
) -> None:
    text = (
        "The number of people in relief centres nationwide has risen to 94,300, officials "
        "said. Harlow accounts for 61,200 of them and Kestrel for 27,800, with smaller "
        "numbers in Moravo (2,100) and Tindale (about 900)."
    )
    events = events_in_invented_towns(make_state, resources, text)
    moved = {p for k, p, _ in events if k == "displacement"}
    assert moved >= {"Harlow", "Kestrel", "Moravo", "Tindale"}


@pytest.mark.parametrize(
    ("text", "toll_at"),
    [
        # a toll told "there" after the list is the list's own
        ("Thousands protested in Harlow on Thursday.\n\nOn Friday, protests spread to "
         "Kestrel, Moravo and Tindale.\n\nTwo protesters were shot dead there by police.",
         "Kestrel"),
    ],
)  # fmt: skip
def test_a_toll_told_there_after_a_list_stays_with_the_list(
    make_state: Any, resources: Any, text: str, toll_at: str
) -> None:
    events = events_in_invented_towns(make_state, resources, text)
    killed = {p: e.killed for k, p, e in events if k == "protest"}
    assert killed[toll_at] == 2
    assert killed["Harlow"] is None


def test_a_flight_from_violence_with_no_doer_stays_a_displacement(
    make_state: Any, resources: Any
) -> None:
    events = events_in_invented_towns(
        make_state, resources, "Residents were killed as they tried to flee Kestrel."
    )
    assert ("displacement", "Kestrel") in [(k, p) for k, p, _ in events]


def test_places_worst_hit_by_a_hazard_named_with_adjectives_get_the_event(
    make_state: Any, resources: Any
) -> None:
    text = (
        "Floods hit Harlow on Monday. Kestrel and Moravo were among the worst hit by the "
        "heavy rains."
    )
    events = events_in_invented_towns(make_state, resources, text)
    assert {p for k, p, _ in events if k == "disaster"} == {"Harlow", "Kestrel", "Moravo"}
