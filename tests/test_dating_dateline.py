"""Datelines: a date stated at the top of a report is its publication date."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.stages.dating import date_report
from sitrep.stages.dating_dateline import find_dateline
from sitrep.stages.times import extract_times


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("PORT SUDAN, 14 May 2024 — The first aid convoy arrived.", date(2024, 5, 14)),
        ("IDLIB, Syria, Oct. 9, 2023 — Airstrikes hit a market.", date(2023, 10, 9)),
        ("KYIV (Reuters) - Jan. 5, 2023 - Drones struck the city.", date(2023, 1, 5)),
        ("Published: 12 March 2024\nThe river rose overnight.", date(2024, 3, 12)),
        ("Flood toll rises\nUpdated on 3 June 2023 | 10:00\nRescuers dug.", date(2023, 6, 3)),
        ("Monday, March 4, 2024\nThe talks resumed in Doha.", date(2024, 3, 4)),
    ],
)  # fmt: skip
def test_dateline_at_the_top_is_the_publication_date(text: str, day: date) -> None:
    found = find_dateline(text)
    assert found is not None and found.day == day


@pytest.mark.parametrize(
    "text",
    [
        "On 14 May 2024, troops entered the town.",
        "The war began on Feb. 24, 2022 — a day nobody forgets.",
        "KHARTOUM, May 2024 — Fighting spread.",  # a month is not a day of filing
        "Residents said the shelling stopped.\nIt resumed.\nAgain.\nAnd again.\n"
        "BEIRUT, 4 August 2020 — a later line is story content.",
    ],
)
def test_a_date_inside_the_story_is_not_a_dateline(text: str) -> None:
    assert find_dateline(text) is None


def test_dateline_dates_the_report_and_anchors_weekdays(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = "PORT SUDAN, 14 May 2024 — The convoy reached El Fasher on Monday, the UN said."
    state = make_state(text)
    extract_times(state, resources)
    date_report(state, resources)
    assert state.published.date == "2024-05-14"
    assert state.published.estimated is False
    assert state.published.basis == "content"
    assert any("dateline" in e for e in state.published.evidence)
    monday = next(t for t in state.times if t.span.text == "Monday")
    assert monday.value == "2024-05-13"
