"""Events, round 11: killed and injured counts on the right event (docs/EVENTS.md,
"Round 11: casualty counts"): a toll told before any event, a count of people the
figures stage does not know as people, the events of a list in the order it names
them, and clashes with demonstrators as the protest. Sentences and towns are our own."""

from __future__ import annotations

import pytest

from events_support import counts_of, events_in_invented_towns, invented_places

_places = invented_places
_events = events_in_invented_towns
_counts = counts_of


# ------------------------------------------------------------ a toll told before any event


@pytest.mark.parametrize(
    ("text", "kind", "counts"),
    [
        ("Harlow was quiet on Tuesday after a week of fighting between two gangs.\n\n"
         "At least six people have been killed and 14 wounded since Friday, the health "
         "office said.\n\nGang members clashed again in Harlow on Wednesday morning.",
         "armed_clash", (6, 14)),
        ("Schools in Kestrel stayed shut on Monday.\n\nNine people have died since the weekend, "
         "officials said.\n\nThe floods in Kestrel were the worst in decades.",
         "disaster", (9, None)),
    ],
)  # fmt: skip
def test_a_toll_told_before_any_event_counts_the_dead_of_the_first_event_told_after(  # type: ignore[no-untyped-def]
    make_state, resources, text, kind, counts
):
    assert _counts(_events(make_state, resources, text), kind) == [counts]


def test_a_toll_told_after_an_event_still_counts_that_event_not_a_later_one(  # type: ignore[no-untyped-def]
    make_state, resources
):
    text = (
        "Rebels shelled Moravo on Sunday.\n\nFour people have been killed, the mayor said.\n\n"
        "Separately, floods hit Tindale on Monday."
    )
    events = _events(make_state, resources, text)
    assert _counts(events, "shelling") == [(4, None)]
    assert _counts(events, "disaster") == [(None, None)]


def test_a_toll_in_a_report_with_no_violent_event_counts_nobody(make_state, resources):  # type: ignore[no-untyped-def]
    text = "Twelve people have been killed since Friday, the ministry said.\n\nAid reached Harlow."
    assert all(e.killed is None for _, _, e in _events(make_state, resources, text))


# ------------------------------------------- people the figures stage does not know as people


@pytest.mark.parametrize(
    ("text", "kind", "counts"),
    [
        ("Gunmen killed 31 worshippers at a church in Harlow on Sunday.", "attack", (31, None)),
        ("Militants attacked a camp near Kestrel on Monday and wounded 12 herders.",
         "attack", (None, 12)),
        ("Armed men attacked a market in Moravo on Friday, killing 8 traders.", "attack",
         (8, None)),
    ],
)  # fmt: skip
def test_a_count_of_people_named_by_what_they_do_is_the_toll(  # type: ignore[no-untyped-def]
    make_state, resources, text, kind, counts
):
    assert _counts(_events(make_state, resources, text), kind) == [counts]


@pytest.mark.parametrize(
    "text",
    [
        "Raiders attacked Tindale on Monday and killed 40 cattle.",
        "Raiders attacked Tindale on Monday and killed 15 deer.",
    ],
)
def test_a_count_of_animals_killed_is_no_toll(make_state, resources, text):  # type: ignore[no-untyped-def]
    assert _counts(_events(make_state, resources, text), "attack") == [(None, None)]


# --------------------------------------------------- the events of a list, in the order told


@pytest.mark.parametrize(
    ("text", "order"),
    [
        ("Strikes hit Kestrel, Harlow and Moravo on Sunday, killing two people in Harlow.",
         ["Kestrel", "Harlow", "Moravo"]),
        ("Protesters marched in Tindale, Moravo and Kestrel on Friday.",
         ["Tindale", "Moravo", "Kestrel"]),
    ],
)  # fmt: skip
def test_the_events_of_a_list_of_towns_come_in_the_order_the_sentence_names_them(  # type: ignore[no-untyped-def]
    make_state, resources, text, order
):
    events = _events(make_state, resources, text)
    kinds = {k for k, _, _ in events}
    kind = next(k for k in ("airstrike", "attack", "protest") if k in kinds)
    assert [place for k, place, _ in events if k == kind] == order


def test_a_toll_named_for_one_town_of_a_list_stays_with_that_town(make_state, resources):  # type: ignore[no-untyped-def]
    text = "Strikes hit Kestrel, Harlow and Moravo on Sunday, killing two people in Harlow."
    killed = {place: e.killed for _, place, e in _events(make_state, resources, text)}
    assert killed == {"Kestrel": None, "Harlow": 2, "Moravo": None}


# ------------------------------------------------------ clashes with demonstrators: a protest


@pytest.mark.parametrize(
    "text",
    [
        "Police in Harlow detained 40 people on Friday after clashes with demonstrators.",
        "Clashes with protesters and marchers broke out in Kestrel on Friday.",
    ],
)
def test_clashes_with_demonstrators_are_the_protest_not_an_armed_clash(  # type: ignore[no-untyped-def]
    make_state, resources, text
):
    kinds = {k for k, _, _ in _events(make_state, resources, text)}
    assert "protest" in kinds and "armed_clash" not in kinds


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers reported clashes with rebels near Moravo on Tuesday.",
        "There were heavy clashes between the army and militants in Tindale on Monday.",
    ],
)
def test_clashes_with_armed_men_stay_an_armed_clash(make_state, resources, text):  # type: ignore[no-untyped-def]
    kinds = {k for k, _, _ in _events(make_state, resources, text)}
    assert "armed_clash" in kinds and "protest" not in kinds


def test_the_injured_told_after_clashes_with_demonstrators_are_the_protests(  # type: ignore[no-untyped-def]
    make_state, resources
):
    text = (
        "Police in Harlow detained 40 people on Friday after clashes with demonstrators.\n\n"
        "At least 25 people were injured, the city's ambulance service said."
    )
    assert _counts(_events(make_state, resources, text), "protest") == [(None, 25)]
