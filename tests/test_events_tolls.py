"""Events, round 13: tolls told apart from their event (docs/EVENTS.md, "Round 13:
tolls"): a toll in a later sentence goes to the event the report is telling there, a
toll split into disjoint groups is their sum, a toll over a period or a whole conflict
goes to no event, and the toll's words become the event's evidence. Sentences and towns
are our own."""

from __future__ import annotations

import dataclasses

import pytest

from events_support import counts_of, events_in_invented_towns, invented_places
from sitrep.records import Event, Span
from sitrep.stages.dating import date_report
from sitrep.stages.events_tolls import assign_tolls
from sitrep.stages.figures import extract_figures
from sitrep.stages.times import extract_times

_places = invented_places
_events = events_in_invented_towns
_counts = counts_of


def _with_counts(
    events: list[tuple[str, str | None, Event]],
) -> list[tuple[str, int | None, int | None]]:
    return [(k, e.killed, e.injured) for k, _, e in events if e.killed or e.injured]


# ------------------------------------------------------- a toll in a sentence of its own


@pytest.mark.parametrize(
    ("text", "kind", "counts"),
    [
        ("Gunmen attacked a bus station in Harlow on Monday.\n\nHealth workers said at least "
         "eight civilians were killed and 17 wounded, most of them by gunfire.",
         "attack", (8, 17)),
        ("Floods swept through Kestrel on Thursday night.\n\nThe regional governor said "
         "nine people had drowned. More than 30 people were injured, including a nurse.",
         "disaster", (9, 30)),  # "drowned" counts the dead (round 19)
        ("Artillery shelled the market in Moravo on Friday.\n\nOne vendor was killed, "
         "the mayor said.", "shelling", (1, None)),
    ],
)  # fmt: skip
def test_a_toll_told_after_its_event_counts_that_event(  # type: ignore[no-untyped-def]
    make_state, resources, text, kind, counts
):
    assert _counts(_events(make_state, resources, text), kind) == [counts]


def test_the_toll_sentence_becomes_the_events_evidence(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "Gunmen attacked a bus station in Harlow on Monday.\n\nHealth workers said at least "
        "eight civilians were killed, most of them by gunfire."
    )
    (event,) = [e for k, _, e in _events(make_state, resources, text) if k == "attack"]
    assert event.killed == 8
    assert any("eight civilians were killed" in span.text for span in event.evidence)
    assert all(text[s.start : s.end] == s.text for s in event.evidence)


def test_a_toll_of_its_own_clause_is_kept_over_a_later_sentences(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "A car bomb killed 12 people in Kestrel on Sunday.\n\n"
        "In all, 40 people have been killed in the province this month, officials said."
    )
    # A car bomb is an attack, not an air strike (round 23).
    assert _with_counts(_events(make_state, resources, text)) == [("attack", 12, None)]


# ---------------------------------------------------------- a toll split into its groups


@pytest.mark.parametrize(
    ("text", "kind", "counts"),
    [
        ("Rebels and soldiers clashed near Tindale on Friday. Three rebels and one soldier "
         "were killed in the fighting, the army said.", "armed_clash", (4, None)),
        ("Troops retook Moravo on Tuesday, killing 17 rebels and losing four soldiers.",
         "recapture", (21, None)),
        ("Police clashed with protesters in Harlow on Monday; 14 police officers and 11 "
         "protesters were injured.", "armed_clash", (None, 25)),
    ],
)  # fmt: skip
def test_a_toll_told_in_disjoint_groups_is_their_sum(  # type: ignore[no-untyped-def]
    make_state, resources, text, kind, counts
):
    assert _counts(_events(make_state, resources, text), kind) == [counts]


@pytest.mark.parametrize(
    ("text", "kind", "counts"),
    [
        ("Gunmen attacked a school in Kestrel on Monday, killing 26 people, including nine "
         "children.", "attack", (26, None)),
        ("Gunmen attacked a school in Kestrel on Monday. Two teachers were among the 26 "
         "people killed.", "attack", (26, None)),
    ],
)  # fmt: skip
def test_a_part_of_a_toll_is_not_added_to_it(  # type: ignore[no-untyped-def]
    make_state, resources, text, kind, counts
):
    assert _counts(_events(make_state, resources, text), kind) == [counts]


# ------------------------------------------- a list of outcomes: each number, its own verb


@pytest.mark.parametrize(
    ("text", "kind", "counts"),
    [
        ("A disused shaft collapsed at a gold mine near Tindale on Tuesday, killing miners."
         "\n\nTwelve came out on their own, seven were rescued with injuries and eleven have "
         "died, police said.", "disaster", (11, 7)),
        ("Gunmen attacked a bus near Harlow on Sunday. Twelve passengers fled into the bush, "
         "five were wounded and two were killed.", "attack", (2, 5)),
        ("Gunmen attacked a bus near Harlow on Sunday, killing two drivers. Four passengers "
         "escaped and were taken to hospital with gunshot wounds.", "attack", (2, 4)),
    ],
)  # fmt: skip
def test_each_number_of_a_list_of_outcomes_takes_the_verb_of_its_own_clause(  # type: ignore[no-untyped-def]
    make_state, resources, text, kind, counts
):
    assert _counts(_events(make_state, resources, text), kind) == [counts]


# --------------------------------------------------- tolls over a period: no event's toll


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked a church in Harlow on Sunday.\n\nThe conflict has killed more than "
        "6,000 people since it broke out in 2017.",
        "Gunmen attacked a church in Harlow on Sunday.\n\nMore than 6,000 people have been "
        "killed in the region since 2017, according to monitors.",
        "Gunmen attacked a church in Harlow on Sunday.\n\nThe insurgency has killed 900 "
        "people over the past decade.",
        "The army sealed off Harlow on Friday after a week of protests over fuel prices in "
        "which at least 105 people have been killed.\n\nGunmen attacked a church in Harlow "
        "on Sunday.",
    ],
)
def test_a_toll_counted_over_years_or_a_whole_conflict_is_no_events_toll(  # type: ignore[no-untyped-def]
    make_state, resources, text
):
    assert _counts(_events(make_state, resources, text), "attack") == [(None, None)]


# ----------------------------------------------- two events of one sentence, each its count


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("A drone strike on a convoy near Kestrel killed eight civilians on Monday, while "
         "fighting around Harlow has killed 54 fighters since Sunday.",
         {"airstrike": (8, None), "armed_clash": (54, None)}),
        ("The shelling of Harlow on Monday, which killed three people, came a day after an "
         "airstrike on Kestrel killed 12.", {"shelling": (3, None), "airstrike": (12, None)}),
        ("Rebels attacked Harlow on Monday. The army said 40 militants had been killed since "
         "the offensive began, and a drone strike on a convoy near Kestrel killed eight "
         "civilians.", {"attack": (None, None), "airstrike": (8, None)}),
    ],
)  # fmt: skip
def test_each_event_of_a_sentence_takes_the_count_its_own_clause_states(  # type: ignore[no-untyped-def]
    make_state, resources, text, counts
):
    events = _events(make_state, resources, text)
    assert {k: (e.killed, e.injured) for k, _, e in events} == counts


# ------------------------------------------------- a clause of an earlier time: its own toll


@pytest.mark.parametrize(
    ("text", "kind", "counts"),
    [
        ("Gunmen stormed Harlow on Monday, burning homes.\n\nThe raid was the deadliest in "
         "the region since March, when 44 people died in Kestrel.", "attack", [(None, None)]),
        ("Protesters marched in Kestrel again on Friday, when police killed 22 demonstrators.",
         "protest", [(22, None)]),
    ],
)  # fmt: skip
def test_a_toll_of_the_time_since_which_something_lasts_is_not_the_events(  # type: ignore[no-untyped-def]
    make_state, resources, text, kind, counts
):
    assert _counts(_events(make_state, resources, text), kind) == counts


def test_a_toll_whose_sentence_names_a_town_goes_to_the_event_told_there(  # type: ignore[no-untyped-def]
    make_state, resources
):
    text = (
        "Gunmen attacked Harlow on Monday.\n\nA landslide buried homes in Kestrel on Monday."
        "\n\nIn Harlow, health workers said 12 people were killed."
    )
    events = _events(make_state, resources, text)
    assert [(k, place, e.killed) for k, place, e in events] == [
        ("attack", "Harlow", 12),
        ("disaster", "Kestrel", None),
    ]


def test_a_toll_naming_one_town_of_a_list_goes_to_the_event_there(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "Russian drones hit Harlow, Kestrel and Moravo on Tuesday, the governor said.\n\n"
        "In Harlow, two people were killed. In Moravo, three people were wounded.\n\n"
        "Four more were hurt."
    )
    counts = {place: (e.killed, e.injured) for _, place, e in _events(make_state, resources, text)}
    assert counts == {"Harlow": (2, None), "Kestrel": (None, None), "Moravo": (None, 3)}


# ----------------------------------------------------------- the headline is its own line


def test_a_headlines_count_is_not_the_toll_of_the_lead_below_it(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "Nine dead, four hurt as mine caves in near Tindale\n"
        "Nine miners died and four others were injured when a shaft collapsed near Tindale "
        "on Tuesday, police said."
    )
    assert _counts(_events(make_state, resources, text), "disaster") == [(9, 4)]


# ------------------------------------------------------------------ one victim, no victim


@pytest.mark.parametrize(
    ("text", "kind", "counts"),
    [
        ("Artillery shelled the market in Moravo on Friday.\n\nA street vendor was killed, "
         "the mayor said.", "shelling", (1, None)),
        ("A fire broke out at a chemical plant in Tindale on Tuesday.\n\nOne worker was killed "
         "and 14 people were injured, the fire service said.", "disaster", (1, 14)),
        ("An earthquake struck Kestrel on Sunday. No deaths had been reported by Monday, "
         "the agency said, although 14 people were treated for burns.", "disaster", (0, 14)),
        # "No one was hurt" is no one killed either (round 18b; docs/EVENT_TYPES.md).
        ("A storm hit Harlow on Sunday night. No one was hurt, officials said.", "disaster",
         (0, 0)),
    ],
)  # fmt: skip
def test_one_victim_or_none_told_without_a_number_is_a_toll(  # type: ignore[no-untyped-def]
    make_state, resources, text, kind, counts
):
    assert _counts(_events(make_state, resources, text), kind) == [counts]


def test_a_number_of_people_is_no_single_victim(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "Gunmen attacked Harlow on Friday. The army said it had sent reinforcements and killed "
        "a number of the assailants on Saturday, without giving figures."
    )
    assert all(e.killed is None for _, _, e in _events(make_state, resources, text))


# ------------------------------------------------------------ a toll that grows, or a part


@pytest.mark.parametrize(
    ("text", "kind", "counts"),
    [
        ("Floods hit Harlow on Monday, killing 12 people. By Wednesday the death toll had "
         "risen to 31, the governor said.", "disaster", (31, None)),
        ("Gunmen attacked a market in Harlow on Monday, killing 12 people. Three of the "
         "wounded died in hospital on Tuesday, bringing the toll to 15.", "attack", (15, None)),
        ("Gunmen attacked a market in Harlow on Monday, killing eight people. Two more died "
         "in hospital on Tuesday, officials said.", "attack", (10, None)),
        ("Floods hit Harlow on Monday, killing 12 people.\n\nThe health ministry put the "
         "death toll at 23.", "disaster", (23, None)),
        ("Floods hit Harlow on Monday, killing 12 people.\n\nThe number of dead has "
         "reached 40, officials said.", "disaster", (40, None)),
        ("Floods hit Harlow on Monday, killing 12 people.\n\nThe army put the number of "
         "soldiers killed at 23.", "disaster", (12, None)),
        ("Gunmen attacked a market in Harlow on Monday. Eight people were killed in the attack "
         "and another 12 died in hospital on Tuesday.", "attack", (20, None)),
        ("Jets bombed Harlow on Monday. Among the dead were four children. The health ministry "
         "said 23 people were killed.", "airstrike", (23, None)),
        ("Gunmen attacked a market in Harlow on Monday. Of the dead, 12 were children. The "
         "ministry said 30 people were killed.", "attack", (30, None)),
    ],
)  # fmt: skip
def test_a_toll_that_grows_is_its_new_total_and_a_part_is_not_the_toll(  # type: ignore[no-untyped-def]
    make_state, resources, text, kind, counts
):
    assert _counts(_events(make_state, resources, text), kind) == [counts]


def test_a_toll_dated_in_another_month_is_not_the_events(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "Gunmen attacked a market in Harlow on Monday, burning stalls. It was the second "
        "attack on the town this year. In January, 30 people were killed there."
    )
    assert _counts(_events(make_state, resources, text), "attack") == [(None, None)]


def test_the_day_a_toll_was_reported_does_not_date_it(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "Missiles struck power stations in Harlow overnight on 28 February 2025.\n\n"
        "Two people were killed and 11 injured, officials said on Saturday."
    )
    events = _events(make_state, resources, text)
    assert [(e.killed, e.injured) for _, _, e in events if e.killed or e.injured] == [(2, 11)]


# ------------------------------------------- the pass alone, on events built by hand


def _told(text: str, kind: str, sentence: str, event_id: str, **counts: int) -> Event:
    start = text.index(sentence)
    return Event(id=event_id, type=kind, evidence=(Span.of(text, start, start + len(sentence)),),
                 **counts)  # type: ignore[arg-type]  # fmt: skip


def _tolled(make_state, resources, text: str, events: list[Event]) -> list[Event]:  # type: ignore[no-untyped-def]
    state = make_state(text, "2025-03-12")
    for run in (extract_times, date_report, extract_figures):
        run(state, resources)
    return assign_tolls(events, state)


@pytest.mark.parametrize(
    ("anaphor", "counted"),
    [("in the attack", "E1"), ("in the floods", "E2"), ("on Monday", "E2")],
)
def test_a_definite_anaphor_names_which_event_a_toll_belongs_to(  # type: ignore[no-untyped-def]
    make_state, resources, anaphor, counted
):
    text = (
        "Gunmen attacked a village near Harlow on Monday. Floods hit Kestrel on Monday. "
        f"Eleven people were killed {anaphor}, officials said."
    )
    events = [
        _told(text, "attack", "Gunmen attacked a village near Harlow on Monday.", "E1"),
        _told(text, "disaster", "Floods hit Kestrel on Monday.", "E2"),
    ]
    tolled = {e.id: e.killed for e in _tolled(make_state, resources, text, events)}
    assert tolled == {"E1": 11 if counted == "E1" else None, "E2": 11 if counted == "E2" else None}


def test_a_toll_taken_from_another_sentence_is_in_the_events_evidence(make_state, resources):  # type: ignore[no-untyped-def]
    text = "Gunmen attacked Harlow on Monday. Health workers said 17 people were wounded."
    events = [_told(text, "attack", "Gunmen attacked Harlow on Monday.", "E1")]
    (event,) = _tolled(make_state, resources, text, events)
    assert event.injured == 17
    assert [s.text for s in event.evidence] == [
        "Gunmen attacked Harlow on Monday.",
        "Health workers said 17 people were wounded.",
    ]


def test_a_toll_after_events_told_at_a_list_of_towns_goes_to_the_first(make_state, resources):  # type: ignore[no-untyped-def]
    # Round 23: a toll over towns named alike goes to the first of the list (was: none).
    text = "Protesters marched in Harlow and Kestrel on Friday. Two people were killed."
    sentence = "Protesters marched in Harlow and Kestrel on Friday."
    events = [
        dataclasses.replace(_told(text, "protest", sentence, "E1"), place="P1"),
        dataclasses.replace(_told(text, "protest", sentence, "E2"), place="P2"),
    ]
    assert [e.killed for e in _tolled(make_state, resources, text, events)] == [2, None]
