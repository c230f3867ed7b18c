"""A day told with its weekday but no year pins the year of an undated report, from the
latest year the report states (stages/dating_weekday.py)."""

from __future__ import annotations

from typing import Any

from dating_support import published_of


def test_a_weekday_and_day_pin_the_first_matching_year_after_the_latest_stated(
    make_state: Any, resources: Any
) -> None:
    # 12 March falls on a Wednesday in 2025, and in no year from 2018 to 2024.
    text = (
        "Police fired tear gas at retirees outside Congress on Wednesday, March 12, in the"
        " worst clash of the protests. Pensions have lost value since December 2017.\n"
    )
    published = published_of(make_state, resources, text)
    assert published.window is not None
    lo, hi = published.window
    assert lo <= "2025-03-12" <= hi
    assert hi <= "2025-03-19"
    assert any("first Wednesday" in e for e in published.evidence)


def test_no_year_stated_leaves_the_weekday_unpinned(make_state: Any, resources: Any) -> None:
    text = "Police fired tear gas at retirees outside Congress on Wednesday, March 12.\n"
    published = published_of(make_state, resources, text)
    assert not any("first Wednesday" in e for e in published.evidence)


def test_a_day_with_its_year_needs_no_pin(make_state: Any, resources: Any) -> None:
    text = (
        "Police fired tear gas outside Congress on Wednesday, March 12, 2025. Pensions have"
        " lost value since December 2017.\n"
    )
    published = published_of(make_state, resources, text)
    assert not any("first Wednesday" in e for e in published.evidence)
