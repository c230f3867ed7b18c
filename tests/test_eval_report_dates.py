"""Dates the whole-report gold gives that the times stage read wrongly (session 5, on
eval/outside/a and /b; sentences of our own): numeric date lines, "since" a month, and
a past verb mis-tagged as a participle."""

from __future__ import annotations

import pytest

from sitrep.records import TimeExpression
from sitrep.stages.times import extract_times
from sitrep.stages.times_rules import find_times, resolve


def _times(make_state, resources, text: str, published: str | None) -> dict[str, TimeExpression]:  # type: ignore[no-untyped-def]
    state = make_state(text, published)
    extract_times(state, resources)
    return {t.span.text: t for t in state.times}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Posted 14/08/2023 - 18:32", "2023-08-14"),  # day first: 14 is no month
        ("Updated 8/14/2023", "2023-08-14"),  # month first: 14 is no month
        ("19.09.2024", "2024-09-19"),
        ("03.04.2024", "2024-04-03"),  # dotted dates are day first
        ("on 03/04/2024", "2024"),  # either order: only the year is certain
    ],
)
def test_a_numeric_date_is_read_day_or_month_first_where_the_numbers_tell(
    text: str, value: str
) -> None:
    (match,) = find_times(text)
    assert resolve(match.parsed, None) == value


@pytest.mark.parametrize("text", ["version 1.2.2023b", "a ratio of 3/4/2024.5", "31/31/2024"])
def test_numbers_that_only_look_like_a_date_are_none(text: str) -> None:
    assert all("-" not in (resolve(m.parsed, None) or "") for m in find_times(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The clinic has treated 900 patients since January.", "2024-01"),
        ("Prices have doubled since June.", "2024-06"),
    ],
)
def test_since_a_month_is_the_last_such_month(make_state, resources, text: str, value: str) -> None:  # type: ignore[no-untyped-def]
    # Published in September: the nearest January would be the coming one.
    month = text.split()[-1].rstrip(".")
    assert _times(make_state, resources, text, "2024-09-19")[month].value == value


def test_a_participle_joined_to_a_past_verb_is_past(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The fighting began on Monday when troops exchanged fire near the dam, "
        "and spread by Wednesday to four villages."
    )
    # Published on a Friday: "by Wednesday" told in the past is two days before.
    assert _times(make_state, resources, text, "2023-05-12")["Wednesday"].value == "2023-05-10"


def test_by_a_weekday_in_the_future_stays_ahead(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = "The ministry will reopen the road by Wednesday."
    assert _times(make_state, resources, text, "2023-05-12")["Wednesday"].value == "2023-05-17"
