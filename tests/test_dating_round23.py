"""Dating an undated report, round 23: a year named with a month only is not the year of
writing, "Friday, 1 July" is a weekday's day, and "N years later" in the present counts
from the date before it (stages/dating_weekday.py, stages/dating_elapsed.py)."""

from __future__ import annotations

from typing import Any

from dating_support import published_of


def test_a_year_named_with_its_month_only_is_not_the_year_of_writing(
    make_state: Any, resources: Any
) -> None:
    # 1 July is a Friday in 2005, 2011, 2016 and 2022: a writer in 2005 would have written
    # "since May", so the report is from 2011 at the earliest.
    text = (
        "Security forces broke up protests in the capital on Friday, 1 July, after thousands"
        " gathered. The violence is the deadliest since May 2005, when troops opened fire on"
        " a crowd.\n"
    )
    published = published_of(make_state, resources, text)
    assert published.window is not None
    lo, hi = published.window
    assert lo >= "2011-07-01"
    assert hi <= "2011-07-08"
    assert any("first Friday" in e and "year after 2005" in e for e in published.evidence)


def test_a_day_told_with_its_year_keeps_that_year_possible(make_state: Any, resources: Any) -> None:
    # 1 July 2022 is a Friday, and 3 May 2022 is told with its day: 2022 stays possible.
    text = (
        "The protests began on 3 May 2022. Security forces broke up a rally in the capital on"
        " Friday, 1 July, residents said.\n"
    )
    published = published_of(make_state, resources, text)
    assert published.window is not None
    lo, hi = published.window
    assert lo <= "2022-07-01" <= hi


def test_years_later_in_the_present_count_from_the_date_before(
    make_state: Any, resources: Any
) -> None:
    text = (
        "The storm is the city's worst disaster since January 2011, when floods killed more"
        " than 900 people. Eleven years later, residents say, many of the slopes that"
        " collapsed then have been built on again.\n"
    )
    published = published_of(make_state, resources, text)
    assert published.window is not None
    lo, hi = published.window
    assert "2021-06-01" <= lo <= "2022-01-31" <= hi <= "2022-12-31"
    assert any("'Eleven years later'" in e for e in published.evidence)


def test_years_later_in_a_past_narrative_dates_no_report(make_state: Any, resources: Any) -> None:
    text = (
        "Floods destroyed the old town in January 2011. Two years later, the town was rebuilt"
        " on higher ground.\n"
    )
    published = published_of(make_state, resources, text)
    assert not any("years later" in e for e in published.evidence)


def test_a_year_a_period_runs_from_may_be_the_year_of_writing(
    make_state: Any, resources: Any
) -> None:
    # 1 March 2024 was a Friday: "Since January 2024" alone does not push the year on.
    text = (
        "Since January 2024, more than 500 people have been killed in attacks across the"
        " region.\n\nOn Friday, March 1, gunmen killed 12 villagers in the town.\n"
    )
    published = published_of(make_state, resources, text)
    assert published.window is not None
    lo, hi = published.window
    assert lo <= "2024-03-01" <= hi


def test_years_later_with_a_present_relative_clause_dates_no_report(
    make_state: Any, resources: Any
) -> None:
    text = (
        "Fighting erupted in the city in March 2011.\n\nTwo years later, rebels seized the"
        " city, which is now in ruins.\n"
    )
    published = published_of(make_state, resources, text)
    assert not any("years later" in e for e in published.evidence)
