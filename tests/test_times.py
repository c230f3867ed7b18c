"""Behaviour of the times stage: recognition and TIMEX3-like normalisation."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.stages.times import extract_times
from sitrep.stages.times_rules import find_times, precision, resolve, value_bounds


def _times(make_state, resources, text: str, published: str | None = None):  # type: ignore[no-untyped-def]
    state = make_state(text, published)
    extract_times(state, resources)
    return {t.span.text: t for t in state.times}


@pytest.mark.parametrize(
    ("text", "phrase", "value", "kind", "anchor"),
    [
        ("It was retaken in September 2022.", "September 2022", "2022-09", "date", "absolute"),
        ("The blast came on March 3, 2021, at dawn.", "March 3, 2021", "2021-03-03", "date",
         "absolute"),
        ("Talks ended on 4 July 2019 in Geneva.", "4 July 2019", "2019-07-04", "date", "absolute"),
        ("They hope for peace in 2024.", "2024", "2024", "date", "absolute"),
        ("Shelling resumed on Feb. 24.", "Feb. 24", "2024-02-24", "date", "publication"),
        ("This winter, people returned.", "This winter", "2024-WI", "date", "publication"),
        ("On Wednesday, the mayor spoke.", "Wednesday", "2025-01-08", "date", "publication"),
        ("The mayor spoke on Sunday.", "Sunday", "2025-01-05", "date", "publication"),
        ("The mayor will speak on Sunday.", "Sunday", "2025-01-12", "date", "publication"),
        # TimeML leaves approximators out of the span (a modifier), as in "nearly two years".
        ("The war has lasted nearly two years.", "two years", "P2Y", "duration",
         "absolute"),
        ("She has been stranded there for weeks.", "weeks", "PXW", "duration", "absolute"),
        # TimeML: a stretch of unknown length up to now.
        ("Prices rose in recent months.", "recent months", "PXM", "duration", "publication"),
        ("Residents hope for calm in the year ahead.", "the year ahead", "2025", "date",
         "publication"),
        ("The bridge was hit two weeks ago.", "two weeks ago", "2024-W52", "date",
         "publication"),
        ("Troops left yesterday.", "yesterday", "2025-01-09", "date", "publication"),
        ("Fighting resumed at 10 p.m.", "10 p.m.", "2025-01-10T22:00", "time", "publication"),
    ],
)  # fmt: skip
def test_time_expressions_are_normalised(  # type: ignore[no-untyped-def]
    make_state, resources, text, phrase, value, kind, anchor
):
    times = _times(make_state, resources, text, "2025-01-10")
    assert phrase in times, sorted(times)
    found = times[phrase]
    assert (found.value, found.kind, found.anchor) == (value, kind, anchor)


@pytest.mark.parametrize(
    "text",
    [
        "the 41-year-old told AFP",
        "Twenty-six-year-old Anastasia walked home.",
        "Andriy, a 62-year-old who signed up, said so.",
        "a man aged 41 was hurt",
        "she is two years old",
    ],
)
def test_ages_are_not_times(make_state, resources, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _times(make_state, resources, text) == {}


@pytest.mark.parametrize(
    ("text", "phrase", "partial"),
    [
        ("Shelling resumed on Feb. 24 in the east.", "Feb. 24", "XXXX-02-24"),
        ("On Monday, the mayor spoke.", "Monday", "XXXX-WXX-1"),
        ("This winter, people returned.", "This winter", "XXXX-WI"),
        ("Residents hope for calm in the year ahead.", "the year ahead", None),
    ],
)
def test_relative_times_stay_partial_without_publication_date(  # type: ignore[no-untyped-def]
    make_state, resources, text: str, phrase: str, partial: str | None
) -> None:
    assert _times(make_state, resources, text)[phrase].value == partial


def test_counts_and_a_better_year_are_not_times(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    times = _times(make_state, resources, "Some 2000 people hoped for a better year.")
    assert times == {}


def test_context_phrase_is_dated_by_the_war_the_report_is_about(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Izyum, in Ukraine, was occupied by Russia in the first months of the war. "
        "Russian troops captured the city early in the invasion."
    )
    times = _times(make_state, resources, text)
    assert times["the first months of the war"].value == "2022-03"  # issue 6: month precision
    assert times["the first months of the war"].anchor == "context"
    assert times["early in the invasion"].value == "2022-03"


def test_war_without_known_context_is_left_unresolved(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    times = _times(make_state, resources, "The village emptied in the first months of the war.")
    assert times["the first months of the war"].value is None


def test_day_month_of_the_invasion_takes_its_year(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = "In Kharkiv, Ukraine, he woke up on Feb. 24 to hear the Russian bombardment."
    found = _times(make_state, resources, text)["Feb. 24"]
    assert (found.value, found.anchor) == ("2022-02-24", "context")


def test_anniversary_day_month_is_not_the_invasion_day(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = "In Kyiv, Ukraine, Russians and Ukrainians marked the anniversary of the war on Feb. 24."
    assert _times(make_state, resources, text)["Feb. 24"].value == "XXXX-02-24"


@pytest.mark.parametrize(
    ("phrase", "ref", "expected"),
    [
        # Without a tense, the nearest such day: before a Sunday, after a Monday.
        # Without a tense: tomorrow, or else the latest such day (HeidelTime's default).
        ("Tuesday", date(2022, 4, 11), "2022-04-12"),
        ("Wednesday", date(2022, 4, 11), "2022-04-06"),
        ("last Monday", date(2022, 4, 11), "2022-04-04"),
        ("next Monday", date(2022, 4, 11), "2022-04-18"),
        ("Wednesday", date(2022, 4, 7), "2022-04-06"),
        ("last Wednesday", date(2022, 4, 10), "2022-04-06"),
        ("this winter", date(2024, 1, 20), "2023-WI"),
        ("this winter", date(2024, 3, 15), "2023-WI"),  # just after: the winter just gone
        ("last winter", date(2024, 1, 20), "2022-WI"),
        ("the year ahead", date(2024, 1, 5), "2024"),
        ("the year ahead", date(2023, 12, 30), "2024"),
        ("last month", date(2024, 1, 5), "2023-12"),
        ("Dec. 28", date(2024, 1, 5), "2023-12-28"),
        # Decades are their first three digits, with or without a modifier (TimeML).
        ("the late 1970s", date(1998, 2, 19), "197"),
        ("the mid-1990s", date(1989, 10, 26), "199"),
        ("the '80s", date(1989, 10, 26), "198"),
        ("the nineties", date(1998, 3, 3), "199"),
        # A season named with its article: the nearest one, like "this summer".
        ("the summer", date(1989, 10, 26), "1989-SU"),
        ("the early summer", date(1989, 10, 26), "1989-SU"),
        ("this past spring", date(1989, 10, 30), "1989-SP"),
        # A tokenised text's blank before the comma keeps the year.
        ("October 9 , 2002", date(2008, 10, 10), "2002-10-09"),
        ("24 February , 1955", date(2012, 1, 1), "1955-02-24"),
    ],
)
def test_resolution_against_a_reference_day(phrase: str, ref: date, expected: str) -> None:
    (match,) = find_times(phrase)
    assert resolve(match.parsed, ref) == expected


@pytest.mark.parametrize(
    ("value", "first", "last", "name"),
    [
        ("2022-09", date(2022, 9, 1), date(2022, 9, 30), "month"),
        ("2023-WI", date(2023, 12, 1), date(2024, 2, 29), "season"),
        ("2024", date(2024, 1, 1), date(2024, 12, 31), "year"),
        ("2022-02-24", date(2022, 2, 24), date(2022, 2, 24), "day"),
    ],
)
def test_values_cover_their_calendar_stretch(
    value: str, first: date, last: date, name: str
) -> None:
    assert value_bounds(value) == (first, last)
    assert precision(value) == name


def test_every_time_span_matches_the_text(make_state, resources, seed_000: str) -> None:  # type: ignore[no-untyped-def]
    state = make_state(seed_000)
    extract_times(state, resources)
    assert state.times
    assert all(t.span.verify(seed_000) for t in state.times)


def test_seed_000_times(make_state, resources, seed_000: str) -> None:  # type: ignore[no-untyped-def]
    times = _times(make_state, resources, seed_000)
    assert times["September 2022"].value == "2022-09"
    assert times["March 2022"].value == "2022-03"
    assert times["two years"].value == "P2Y"
    assert times["two years"].kind == "duration"
    assert times["This winter"].anchor == "publication"
    assert "41-year-old" not in times and "62-year-old" not in times


def test_seed_003_times(make_state, resources, seed_003: str) -> None:  # type: ignore[no-untyped-def]
    times = _times(make_state, resources, seed_003)
    assert times["Feb. 24"].value == "2022-02-24"
    assert times["recent days"].value == "PXD"
    assert times["weeks"].value == "PXW"
    assert times["Wednesday"].value == "XXXX-WXX-3"


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # Neither past nor future tense: the nearest such day (news names near dates).
        ("The vote is set for Nov. 21.", "Nov. 21", "1989-11-21"),
        ("The deal closes in January.", "January", "1990-01"),
        # Past tense: the latest such day before publication.
        ("The vote was held on Nov. 21.", "Nov. 21", "1988-11-21"),
        ("Talks resumed last Wednesday.", "last Wednesday", "1989-11-01"),
        ("Talks resume next Monday.", "next Monday", "1989-11-06"),
        ("Shares fell this September.", "this September", "1989-09"),
        ("Saturday, April 25 is the deadline.", "Saturday, April 25", "1990-04-25"),
        ("Profit rose in the third quarter.", "the third quarter", "1989-Q3"),
        ("Third-quarter profit rose.", "Third-quarter", "1989-Q3"),
        ("Net income fell in the quarter.", "the quarter", "1989-Q3"),
        ("Sales rose in fiscal 1988.", "fiscal 1988", "1988"),
        ("Prices are now higher.", "now", "PRESENT_REF"),
        ("Prices were higher in the past.", "the past", "PAST_REF"),
        ("It will matter in the future.", "the future", "FUTURE_REF"),
        ("The plant closed two years earlier.", "two years earlier", "1987"),
        ("The plant opens two years later.", "two years later", "1991"),
        ("Traders rested over the weekend.", "the weekend", "1989-W43-WE"),
        ("Earnings fell earlier this year.", "earlier this year", "1989"),
        ("Output rose by the end of 1990.", "the end of 1990", "1990"),
        ("The blast came at 10 p.m. Wednesday.", "10 p.m. Wednesday", "1989-11-01T22:00"),
        ("Trading halted at noon.", "noon", "1989-11-02T12:00"),
        ("Sales fell on Christmas Day.", "Christmas Day", "1988-12-25"),
        ("The talks collapsed in May.", "May", "1989-05"),
        ("A deal is expected soon.", "soon", "FUTURE_REF"),
        ("Prices rose over the past few weeks.", "the past few weeks", "PXW"),
        ("Rates will climb in the coming months.", "the coming months", "PXM"),
        # The tense of another clause's verb says nothing about a noun's date.
        ("The board declared a dividend payable Dec. 7.", "Dec. 7", "1989-12-07"),
        # A past or perfect verb outweighs a cue word ("plan", "through") nearby.
        ("The thrift announced the plan Aug. 21.", "Aug. 21", "1989-08-21"),
        ("The fund has fallen 2% this year through Oct. 19.", "Oct. 19", "1989-10-19"),
        ("Sales rose in January this year.", "January this year", "1989-01"),
        ("Sales rose in June last year.", "June last year", "1988-06"),
        ("Sales will rise in March next year.", "March next year", "1990-03"),
        ("Net fell from the 1988 second quarter.", "the 1988 second quarter", "1988-Q2"),
        ("Net rose 5% in the latest period.", "the latest period", "1989-Q3"),
        ("The talks lasted 2 1/2 years.", "2 1/2 years", "P2Y6M"),
        ("The siege lasted 5 1/2 hours.", "5 1/2 hours", "PT5H30M"),
        ("The war lasted a year and a half.", "a year and a half", "P1Y6M"),
        ("It was built in nineteen ninety-six.", "nineteen ninety-six", "1996"),
        ("It opens in January nineteen ninety-seven.", "January nineteen ninety-seven",
         "1997-01"),
        ("Fears grew before the year two thousand.", "the year two thousand", "2000"),
        ("The offer expires at 5 p.m. EST, Nov. 6.", "5 p.m. EST, Nov. 6", "1989-11-06T17:00"),
    ],
)  # fmt: skip
def test_expressions_resolve_against_a_wednesday_in_november_1989(  # type: ignore[no-untyped-def]
    make_state, resources, text: str, phrase: str, value: str
) -> None:
    times = _times(make_state, resources, text, "1989-11-02")
    assert phrase in times, sorted(times)
    assert times[phrase].value == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Profit rose in the third quarter. A year earlier, it had fallen.", "A year earlier",
         "1988-Q3"),
        ("Sales in the fourth quarter beat the year-earlier period.", "the year-earlier period",
         "1988-Q4"),
        ("A year ago, profit fell.", "A year ago", "1988"),
    ],
)  # fmt: skip
def test_a_year_back_in_a_report_about_a_quarter_is_that_quarter(  # type: ignore[no-untyped-def]
    make_state, resources, text: str, phrase: str, value: str
) -> None:
    times = _times(make_state, resources, text, "1989-11-02")
    assert times[phrase].value == value


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("A quarter of the homes were destroyed.", "quarter"),
        ("Officials may release the figures.", "may"),
        ("Some 2000 people fled.", "2000"),
        ("The 41-year-old nurse stayed.", "41-year"),
        # Not TIMEX3 in TimeML (TBAQ annotates 3 of 23 "previously", 0 of 7 "as soon as").
        ("Previously, the company sold watches.", "previously"),
        ("It was previously reported.", "previously"),
        ("Return the boy as soon as possible.", "soon"),
        ("He died soon after being captured.", "soon"),
        ("Nineteen people died.", "nineteen"),
        ("She was in her 30s.", "30s"),
        ("After the fall of the city, crowds gathered.", "fall"),
        ("They bathed in a hot spring.", "spring"),
        ("It was the summer of love.", "summer"),
    ],
)
def test_counts_and_ages_are_not_times(make_state, resources, text: str, absent: str) -> None:  # type: ignore[no-untyped-def]
    times = _times(make_state, resources, text, "2024-05-01")
    assert not any(absent in phrase.lower() for phrase in times), sorted(times)


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # What a forward-looking verb asks for or foresees lies ahead of the report's day
        # (published Wednesday 31 July 2024).
        ("A court is expected to hear the first cases on Monday.", "Monday", "2024-08-05"),
        ("She urged teachers to return to work before the holiday on Friday.", "Friday",
         "2024-08-02"),
        # The verb's own day stays in the past: the call, the attack were on Monday.
        ("The governor called on Monday for calm.", "Monday", "2024-07-29"),
        ("An earthquake set off a landslide on Monday.", "Monday", "2024-07-29"),
        ("Police said the attack happened on Monday.", "Monday", "2024-07-29"),
    ],
)  # fmt: skip
def test_a_weekday_a_forward_looking_verb_asks_for_lies_ahead(  # type: ignore[no-untyped-def]
    make_state, resources, text: str, phrase: str, value: str
) -> None:
    assert _times(make_state, resources, text, "2024-07-31")[phrase].value == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Rebels took the town in August 2021 and held it until December that year.",
         "December that year", "2021-12"),
        ("Troops surrounded it in February 2022 and withdrew in early April that year.",
         "early April that year", "2022-04"),
        ("Talks broke down in March 2019 and resumed in May the following year.",
         "May the following year", "2020-05"),
    ],
)  # fmt: skip
def test_a_month_of_that_year_is_the_narratives_year(  # type: ignore[no-untyped-def]
    make_state, resources, text: str, phrase: str, value: str
) -> None:
    assert _times(make_state, resources, text, "2024-07-31")[phrase].value == value
