"""Behaviour of the times stage, round 5: holidays, narrative anchoring, parts of the
day and clock times on their sentence's day, tense defaults, TimeML durations."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.records import TimeExpression
from sitrep.stages.times import extract_times
from sitrep.stages.times_holidays import easter_sunday, holiday_day
from sitrep.stages.times_rules import find_times, resolve


def _times(make_state, resources, text: str, published: str | None) -> dict[str, TimeExpression]:  # type: ignore[no-untyped-def]
    state = make_state(text, published)
    extract_times(state, resources)
    return {t.span.text: t for t in state.times}


@pytest.mark.parametrize(
    ("year", "easter"),
    [(1818, date(1818, 3, 22)), (2000, date(2000, 4, 23)), (2019, date(2019, 4, 21)),
     (2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)), (2038, date(2038, 4, 25))],
)  # fmt: skip
def test_easter_follows_the_gregorian_computus(year: int, easter: date) -> None:
    assert easter_sunday(year) == easter


@pytest.mark.parametrize(
    ("key", "year", "day"),
    [("thanksgiving", 1999, date(1999, 11, 25)), ("thanksgiving", 2024, date(2024, 11, 28)),
     ("memorial day", 2023, date(2023, 5, 29)), ("labor day", 2022, date(2022, 9, 5)),
     ("martin luther king day", 2021, date(2021, 1, 18)), ("good friday", 2025, date(2025, 4, 18)),
     ("christmas eve", 2022, date(2022, 12, 24))],
)  # fmt: skip
def test_floating_holidays_fall_on_their_day_of_each_year(key: str, year: int, day: date) -> None:
    assert holiday_day(key, year) == day


@pytest.mark.parametrize(
    ("text", "phrase", "published", "value"),
    [
        # A holiday is a day whose year the tense decides, like "Feb. 24".
        ("The boy was rescued on Thanksgiving Day.", "Thanksgiving Day", "2000-01-10",
         "1999-11-25"),
        ("The boy was rescued last Thanksgiving.", "last Thanksgiving", "2000-04-02",
         "1999-11-25"),
        ("The ceasefire will begin on Christmas Eve.", "Christmas Eve", "2023-11-30",
         "2023-12-24"),
        ("Pilgrims gathered for Easter Sunday.", "Easter Sunday", "2024-04-02", "2024-03-31"),
        ("Markets reopen after Labor Day.", "Labor Day", "2022-08-30", "2022-09-05"),
    ],
)  # fmt: skip
def test_holidays_resolve_to_the_right_year(  # type: ignore[no-untyped-def]
    make_state, resources, text, phrase, published, value
) -> None:
    times = _times(make_state, resources, text, published)
    assert times[phrase].value == value


@pytest.mark.parametrize(
    "text", ["Troops moved into Eastern Europe.", "The Independence Day parade was cancelled."]
)
def test_words_like_holidays_and_names_that_differ_by_country_are_not_holidays(
    text: str,
) -> None:
    assert not any(m.parsed.rule == "holiday" for m in find_times(text))


@pytest.mark.parametrize(
    ("text", "phrase", "published", "value"),
    [
        ("He was promoted on June 2, 1995, and the following year he was posted abroad.",
         "the following year", "1998-04-18", "1996"),
        ("She fled to Florida in June 1998 and returned to Cuba later that year.",
         "later that year", "2000-01-28", "1998"),
        ("In March the firm received an offer. The following month, it put itself up for sale.",
         "The following month", "1989-10-27", "1989-04"),
        ("Imports reached $37 million in 1988, a small share of all imports that year.",
         "that year", "1989-11-02", "1988"),
        ("The hearing was on Tuesday. He appeared in court again the next morning.",
         "the next morning", "2000-02-24", "2000-02-23TMO"),
        ("The index closed higher on Friday, up 4% from the previous Friday.",
         "the previous Friday", "1989-10-30", "1989-10-20"),
        ("Shares fell on March 3 and recovered two weeks later. The same day, rates rose.",
         "The same day", "2021-04-01", "2021-03-03"),
    ],
)  # fmt: skip
def test_narrative_expressions_count_from_the_last_stated_time(  # type: ignore[no-untyped-def]
    make_state, resources, text, phrase, published, value
) -> None:
    found = _times(make_state, resources, text, published)[phrase]
    assert (found.value, found.anchor) == (value, "context")


def test_a_narrative_expression_without_a_stated_time_counts_from_publication(  # type: ignore[no-untyped-def]
    make_state, resources
) -> None:
    found = _times(make_state, resources, "Later that day, the convoy left.", "2024-03-05")
    assert (found["Later that day"].value, found["Later that day"].anchor) == (
        "2024-03-05",
        "publication",
    )


def test_the_next_year_said_of_the_future_counts_from_publication(  # type: ignore[no-untyped-def]
    make_state, resources
) -> None:
    text = "The firm was founded in 1950. Sales will grow over the next year, it said."
    assert _times(make_state, resources, text, "1989-10-26")["the next year"].value == "1990"


def test_narrative_expressions_resolve_from_stated_dates_without_a_publication_date(  # type: ignore[no-untyped-def]
    make_state, resources
) -> None:
    text = "The dam burst on 10 September 2023. The following month, aid arrived."
    assert _times(make_state, resources, text, None)["The following month"].value == "2023-10"


@pytest.mark.parametrize(
    ("text", "phrase", "published", "value"),
    [
        ("The rocket lifted off Tuesday in Florida at 18:00 UTC.", "18:00 UTC", "2009-12-16",
         "2009-12-15T18:00Z"),
        ("The blast occurred at about 10:35 a.m. (0735 GMT) Friday.", "10:35 a.m.",
         "1998-08-08", "1998-08-07T10:35"),
        ("At 0800 UTC, central banks cut rates.", "0800 UTC", "2008-09-18", "2008-09-18T08:00Z"),
        ("The court sits at 12:00 UTC Monday.", "12:00 UTC Monday", "2009-06-01",
         "2009-06-01T12:00Z"),
    ],
)  # fmt: skip
def test_clock_times_fall_on_the_day_their_sentence_states(  # type: ignore[no-untyped-def]
    make_state, resources, text, phrase, published, value
) -> None:
    times = _times(make_state, resources, text, published)
    assert times[phrase].value == value
    assert "0735 GMT" not in times  # a time restated in parentheses is not another time


@pytest.mark.parametrize(
    ("text", "phrase", "published", "value", "kind"),
    [
        # TimeML: the stretch before "later"/"earlier" is a duration, the word a signal.
        ("A few days later, the firm reported a loss.", "A few days", "1989-10-27", "PXD",
         "duration"),
        # ... but results news compares with "a year earlier" as a date.
        ("Profit rose from $3 million a year earlier.", "a year earlier", "1989-10-26", "1988",
         "date"),
        ("Revenue was $76 million for the year ended March 31.", "the year", "1989-11-01",
         "P1Y", "duration"),
        ("The sale should close by year-end.", "year-end", "1989-11-02", "1989", "date"),
        ("The index is up 8% since year-end.", "year-end", "1989-10-30", "1988", "date"),
        ("Troops should arrive by the end of the month.", "the end of the month", "1990-08-13",
         "1990-08", "date"),
        ("It was the worst war of the 20th century.", "the 20th century", "1998-02-13", "19",
         "date"),
        ("The Dow fell 3% to end the day at 7,114.", "the day", "2009-02-23", "2009-02-23",
         "date"),
    ],
)  # fmt: skip
def test_timeml_conventions(  # type: ignore[no-untyped-def]
    make_state, resources, text, phrase, published, value, kind
) -> None:
    found = _times(make_state, resources, text, published)[phrase]
    assert (found.value, found.kind) == (value, kind)


@pytest.mark.parametrize("text", ["Year-end net was below the 1987 level.", "Its year-end bonus."])
def test_year_end_as_an_adjective_is_not_a_time(text: str) -> None:
    assert not any(text[m.start : m.end].lower().startswith("year") for m in find_times(text))


@pytest.mark.parametrize(
    ("phrase", "ref", "expected"),
    [
        # Without a tense a month or day-month is the nearest, the past favoured: said in
        # late October, "April" is the April before (the next is only a little nearer).
        ("in April", date(1989, 10, 26), "1989-04"),
        ("on Oct. 23", date(1999, 5, 6), "1998-10-23"),
        ("in January", date(1989, 11, 2), "1990-01"),
        # "last"/"next" with the reference day's own weekday: a week away.
        ("last Wednesday", date(1989, 11, 1), "1989-10-25"),
        ("next Wednesday", date(1989, 11, 1), "1989-11-08"),
    ],
)
def test_untensed_dates_lean_to_the_past(phrase: str, ref: date, expected: str) -> None:
    (match,) = find_times(phrase)
    assert resolve(match.parsed, ref) == expected


def test_a_date_in_the_simple_present_is_the_nearest_either_way(  # type: ignore[no-untyped-def]
    make_state, resources
) -> None:
    times = _times(make_state, resources, "Saturday, April 25 is the deadline.", "1989-11-02")
    assert times["Saturday, April 25"].value == "1990-04-25"
