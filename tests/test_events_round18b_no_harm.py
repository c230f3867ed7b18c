"""Round 18b: a toll stated as none is zero (``events_no_harm``; docs/EVENTS.md).

"No one was hurt" states the toll of the event it follows: 0 killed and 0 injured. "No
deaths were reported" states only the dead. The report's own words count; a resident's
quoted "nobody was hurt" and a sentence that tells another event do not. Sentences and
towns are invented (events_support)."""

from __future__ import annotations

from typing import Any

import pytest

from events_support import counts_of, events_in_invented_towns
from sitrep.stages.events_no_harm import harm_stated_as_none


@pytest.mark.parametrize(
    ("sentence", "none"),
    [
        ("No one was hurt, officials said.", (True, True)),
        ("There were no casualties.", (True, True)),
        ("No casualties were reported there.", (True, True)),
        ("No deaths have been reported.", (True, False)),
        ("Nobody was killed, but a dozen people were hurt.", (True, False)),
        ("No injuries were reported.", (False, True)),
        ("Five people were killed and no one knows how many are missing.", (False, False)),
        ('"Nobody was hurt, thank God," a resident said.', (False, False)),
    ],
)
def test_which_harm_a_sentence_says_befell_no_one(sentence: str, none: tuple[bool, bool]) -> None:
    assert harm_stated_as_none(sentence) == none


def test_no_one_hurt_after_an_event_is_a_toll_of_zero(make_state: Any, resources: Any) -> None:
    text = "Artillery shelled Harlow on Monday, damaging houses, but no one was hurt."
    found = events_in_invented_towns(make_state, resources, text)
    assert counts_of(found, "shelling") == [(0, 0)]


def test_no_deaths_in_the_next_sentence_zeroes_only_the_dead(
    make_state: Any, resources: Any
) -> None:
    text = "A landslide buried houses in Harlow on Monday. No deaths have been reported so far."
    found = events_in_invented_towns(make_state, resources, text)
    assert counts_of(found, "disaster") == [(0, None)]


def test_a_quoted_negation_is_no_toll(make_state: Any, resources: Any) -> None:
    text = 'A landslide buried houses in Harlow on Monday. "Nobody was hurt," a resident said.'
    found = events_in_invented_towns(make_state, resources, text)
    # (The figures stage reads the quoted "Nobody was hurt" as an injured count of its own.)
    assert [killed for killed, _ in counts_of(found, "disaster")] == [None]


def test_a_sentence_telling_another_event_zeroes_that_one_only(
    make_state: Any, resources: Any
) -> None:
    text = (
        "Artillery shelled Harlow on Monday. Floods swept Kestrel on Tuesday, but no one "
        "was hurt."
    )
    found = events_in_invented_towns(make_state, resources, text)
    assert counts_of(found, "shelling") == [(None, None)]
    assert counts_of(found, "disaster") == [(0, 0)]
