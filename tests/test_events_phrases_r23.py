"""Common ways news tells an event with no single trigger word (docs/EVENTS.md "Round
23", stages/events_phrases_r23.py): each sentence must give its event at Kestrel, and
the frames that only look alike must not."""

from __future__ import annotations

from typing import Any

import pytest

from events_support import events_in_invented_towns, kinds_at


@pytest.mark.parametrize(
    ("kind", "sentence"),
    [
        ("attack", "An improvised explosive device detonated near a market in Kestrel on "
                   "Monday, killing three."),
        ("attack", "A suicide bomber blew himself up at a mosque in Kestrel on Friday."),
        ("attack", "Armed men abducted 30 schoolchildren from a school in Kestrel on Thursday."),
        ("attack", "Bandits kidnapped 15 travellers on the road near Kestrel on Tuesday."),
        ("attack", "A grenade was thrown into a bar in Kestrel on Saturday, wounding seven."),
        ("attack", "Gunmen opened fire on worshippers in Kestrel on Sunday."),
        ("attack", "Five civilians were massacred in Kestrel on Monday."),
        ("airstrike", "Air raids on Kestrel killed 11 people on Tuesday."),
        ("armed_clash", "Ten soldiers and 20 militants were killed in a gunfight in Kestrel "
                        "on Monday."),
        ("recapture", "The army retook Kestrel on Monday."),
        ("displacement", "Residents abandoned their homes in Kestrel on Monday."),
        ("displacement", "Villagers from Kestrel have sought refuge in the forest since "
                         "Monday."),
        ("return", "Residents trickled back to Kestrel on Monday."),
        ("protest", "Thousands of people took to the streets of Kestrel on Monday."),
        ("protest", "Angry residents set up roadblocks in Kestrel on Monday."),
        ("protest", "Workers went on strike in Kestrel on Monday."),
        ("disaster", "The river overflowed its banks in Kestrel on Monday."),
        ("disaster", "A boat capsized off Kestrel on Monday, drowning 30 migrants."),
        ("aid", "The Red Cross set up a field hospital in Kestrel on Monday."),
        ("aid", "MSF opened a cholera treatment centre in Kestrel on Monday."),
    ],
)  # fmt: skip
def test_an_everyday_phrasing_tells_its_event(
    make_state: Any, resources: Any, kind: str, sentence: str
) -> None:
    assert kind in kinds_at(make_state, resources, sentence)


@pytest.mark.parametrize(
    ("sentence", "not_kind"),
    [
        # the crackdown on a protest, not an attack
        ("Security forces opened fire on demonstrators in Kestrel on Tuesday.", "attack"),
        # a passive sum of abductions, and those named by what they did
        ("More than 1,400 students have been abducted in Kestrel since 2014.", "attack"),
        ("The kidnappers had demanded a ransom from families in Kestrel.", "attack"),
        # boats the navy sank are no disaster
        ("Five uncrewed boats heading for Kestrel had been sunk by the navy.", "disaster"),
        # the police putting up roadblocks is no protest
        ("Police set up roadblocks around Kestrel on Monday.", "protest"),
        # a strike on a town is no stoppage
        ("Drones carried out a strike on Kestrel on Monday.", "protest"),
    ],
)
def test_look_alike_frames_tell_no_such_event(
    make_state: Any, resources: Any, sentence: str, not_kind: str
) -> None:
    events = events_in_invented_towns(make_state, resources, sentence)
    assert not_kind not in [k for k, _, _ in events]


def test_forces_firing_on_border_guards_fight_them(make_state: Any, resources: Any) -> None:
    text = "Harlow's forces opened fire on border guards near Kestrel on Monday."
    events = events_in_invented_towns(make_state, resources, text)
    assert "armed_clash" in [k for k, _, _ in events]
    assert "attack" not in [k for k, _, _ in events]


@pytest.mark.parametrize(
    ("kind", "sentence"),
    [
        ("protest", "Police fired tear gas at thousands of protesters in Kestrel on Tuesday."),
        ("protest", "Students blocked roads across Kestrel on Monday to demand quota reform."),
        ("recapture", "The Harlow army retook Kestrel from the rebels on Saturday."),
    ],
)
def test_force_on_counted_protesters_students_blocking_and_retook_read_as_a_noun(
    make_state: Any, resources: Any, kind: str, sentence: str
) -> None:
    assert kind in kinds_at(make_state, resources, sentence)


@pytest.mark.parametrize(
    ("kind", "sentence"),
    [
        ("shelling", "Kestrel came under heavy artillery fire overnight."),
        ("armed_clash", "Army positions near Kestrel came under heavy fire again on Monday."),
        ("disaster", "A dam burst above Kestrel on Sunday night, sweeping away homes."),
    ],
)
def test_what_a_place_came_under_and_a_dam_that_burst(
    make_state: Any, resources: Any, kind: str, sentence: str
) -> None:
    assert kind in kinds_at(make_state, resources, sentence)


def test_a_place_attacked_is_the_passives_subject_not_its_apposition(
    make_state: Any, resources: Any
) -> None:
    text = "Kestrel, a town of 60,000 in Harlow province, was attacked by jihadists on Sunday."
    events = events_in_invented_towns(make_state, resources, text)
    assert [(k, p) for k, p, _ in events] == [("attack", "Kestrel")]


@pytest.mark.parametrize(
    ("sentence", "not_kind"),
    [
        # criticism, not fire (found by the session-17 review)
        ("Floods killed 40 people in Kestrel on Monday. The minister came under fire "
         "from opposition leaders over the slow response.", "attack"),
        # an internet shutdown is an outage, and a strike judged is no stoppage
        ("Authorities imposed a nationwide internet shutdown in Kestrel on Thursday.",
         "protest"),
        ("The foreign ministry called the strike a war crime, after missiles hit a market "
         "in Kestrel.", "protest"),
        ("The military said its focus was on strikes against militant targets in Kestrel.",
         "protest"),
        # water dropped on a fire is no aid
        ("Firefighting helicopters dropped water on the blaze near Kestrel on Tuesday.", "aid"),
        # only a place falls to someone; "gives" is no giving way
        ("Responsibility for the rescue effort fell to the army in Kestrel.", "capture"),
        ("Officials said the Kestrel dam gives Harlow much of its electricity.", "disaster"),
        # a controlled explosion, and sandbag barricades against a flood
        ("Bomb disposal experts detonated the device in a controlled explosion in Kestrel "
         "on Monday.", "attack"),
        ("Residents built barricades of sandbags to hold back the floodwaters in Kestrel.",
         "protest"),
        # people at a mosque after prayers were put up nowhere
        ("Many people stayed at the mosque in Kestrel after Friday prayers to hear the imam.",
         "displacement"),
    ],
)  # fmt: skip
def test_frames_the_review_found_misfiring_tell_no_such_event(
    make_state: Any, resources: Any, sentence: str, not_kind: str
) -> None:
    events = events_in_invented_towns(make_state, resources, sentence)
    assert not_kind not in [k for k, _, _ in events]


def test_soldiers_firing_on_militants_fight_them(make_state: Any, resources: Any) -> None:
    events = events_in_invented_towns(
        make_state, resources, "Soldiers opened fire on militants near Kestrel on Monday."
    )
    assert [k for k, _, _ in events] == ["armed_clash"]
