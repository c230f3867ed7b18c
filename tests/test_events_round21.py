"""Events round 21 (docs/EVENTS.md "Round 21"): a toll dated to an earlier episode is
not the toll of an undated event the report tells."""

from __future__ import annotations

from typing import Any

import pytest

from events_support import counts_of, events_in_invented_towns


def test_a_toll_dated_seasons_before_the_report_is_not_an_undated_events(
    make_state: Any, resources: Any
) -> None:
    text = (
        "Thousands of teachers marched in Kestrel on Sunday to demand unpaid salaries.\n\n"
        "Protests also took place in Harlow and Tindale.\n\n"
        "Protests over salaries have turned deadly before. In December 2017, at least six "
        "people were killed in Harlow when guards opened fire on crowds.\n"
    )
    events = events_in_invented_towns(make_state, resources, text)
    assert (6, None) not in [
        (e.killed, e.injured) for k, p, e in events if p == "Harlow" and not e.date
    ]


def test_a_toll_dated_days_before_the_report_is_still_the_undated_events(
    make_state: Any, resources: Any
) -> None:
    text = (
        "Gunmen attacked Kestrel, residents said.\n\n"
        "At least six people were killed in the attack on 9 March.\n"
    )
    events = events_in_invented_towns(make_state, resources, text)
    assert counts_of(events, "attack") == [(6, None)]


def test_a_date_written_before_an_event_noun_dates_that_event(
    make_state: Any, resources: Any
) -> None:
    # The parser hangs "Feb. 6, 2018" on "recalled", as it does "on Wednesday".
    text = (
        "Many residents of Kestrel on Wednesday recalled the Feb. 6, 2018, earthquake that "
        "killed 17 people in Kestrel.\n"
    )
    events = events_in_invented_towns(make_state, resources, text)
    assert [(e.date, e.killed) for k, _, e in events if k == "disaster"] == [("2018-02-06", 17)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Helicopters have flown six tonnes of medicine into Kestrel since Monday.",
        "Army helicopters flew food and water to villages near Kestrel on Monday.",
        "The first 20 generators were handed over in Kestrel on Wednesday.",
        "The city trucked water to the camps in Kestrel on Tuesday.",
    ],
)
def test_aid_flown_trucked_or_handed_over_is_aid(
    make_state: Any, resources: Any, sentence: str
) -> None:
    events = events_in_invented_towns(make_state, resources, sentence + "\n")
    assert [(k, p) for k, p, _ in events if k == "aid"] == [("aid", "Kestrel")]


@pytest.mark.parametrize(
    "sentence",
    ["The president flew to Kestrel on Monday.", "The minister flew troops to Kestrel."],
)
def test_flying_people_is_no_aid(make_state: Any, resources: Any, sentence: str) -> None:
    events = events_in_invented_towns(make_state, resources, sentence + "\n")
    assert "aid" not in [k for k, _, _ in events]


def test_a_toll_at_a_town_the_text_also_calls_a_unit_goes_to_that_towns_event(
    make_state: Any, resources: Any
) -> None:
    # Round 22: "Kestrel and Harlow townships" make both unknown names regions; the
    # strikes are still told at them, and the shares and "wounded in Kestrel" are theirs.
    from events_support import events_with_places, places_named

    text = (
        "Air strikes hit Kestrel and Harlow on Monday night, killing at least 11 civilians, "
        "a rescue group said. Eight of the dead were in a school compound in Kestrel, the "
        "group said, and the other three were a farmer and his two daughters in Harlow.\n\n"
        "More than 20 people were wounded in Kestrel.\n\n"
        "Phone services in Kestrel and Harlow townships have been cut since Oct. 12.\n"
    )
    places = places_named(text, {"Kestrel": ("region", None), "Harlow": ("region", None)})
    events = events_with_places(make_state, resources, text, places)
    tolls = {p: (e.killed, e.injured) for k, p, e in events if k == "airstrike"}
    assert tolls == {"Kestrel": (8, 20), "Harlow": (3, None)}
