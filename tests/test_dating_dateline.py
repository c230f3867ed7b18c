"""Datelines: a date stated at the top of a report is its publication date."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.clean import clean
from sitrep.stages.dating import date_report
from sitrep.stages.dating_dateline import find_dateline, report_dateline
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
        ("CONAKRY, Guinea, 18 Oct 2023 / 09:40 GMT — Security forces fired.", date(2023, 10, 18)),
        ("GOMA, 2 March 2024, 10:15 a.m. — Shells fell.", date(2024, 3, 2)),
        ("Updated 16 Feb 2024, 10:12\nDrones struck Odesa.", date(2024, 2, 16)),
        # Share buttons and a byline the cleaner left above it do not push it out of reach.
        ("Strikes kill five\nBy Continental Press staff\nTweet\nEmail\nWorld news\n\n"
         "KRAMATORSK, 16 July 2024 (CP) — Drones struck.", date(2024, 7, 16)),
        # A situation report's title closes with its day.
        ("SOMALIA: Sool region conflict — Situation Update No. 9 (31 August 2023)\n"
         "This update covers the week ending 30 August 2023.", date(2023, 8, 31)),
        # Its number before the day; a republished story's note on the first telling.
        ("ETHIOPIA: Gofa Zone Landslides\nSituation Update No. 2 — 30 July 2024\n",
         date(2024, 7, 30)),
        ("Baalbek empties\nThis story was originally published by Bekaa Notes on 31 October"
         " 2024. It has been edited for length.", date(2024, 10, 31)),
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
        "Troops entered the town (on 14 May 2024) and stayed.",  # no title's close
        "Route 2 — 14 May 2024 — the road reopened.",  # a number that no "No." opens
        "The report, published by the ministry, said on 14 May 2024. Talks resumed.",
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


@pytest.mark.parametrize(
    ("raw", "day"),
    [
        ("Pokrovsk empties\nPublished 20 August 2024\n\nPOKROVSK — Families left.", "2024-08-20"),
        ("Sitrep\nLast updated: 14 Nov 2023\n\nHIGHLIGHTS\nDjibo is cut off.", "2023-11-14"),
    ],
)
def test_a_dateline_the_cleaner_removed_as_a_byline_row_still_dates_the_report(
    raw: str, day: str
) -> None:
    cleaned = clean(raw)
    found = report_dateline(cleaned.text, cleaned.removed)
    assert found is not None and found.day.isoformat() == day


def test_a_labelled_date_at_the_foot_of_the_story_dates_it() -> None:
    raw = ("Troops moved north on Monday, officials said.\n" * 40
           + "Updated 16 Feb 2024, 10:12\nFollow us on Telegram\n")  # fmt: skip
    cleaned = clean(raw)
    found = report_dateline(cleaned.text, cleaned.removed)
    assert found is not None and found.day == date(2024, 2, 16)


def test_dates_of_other_stories_below_the_page_are_not_its_dateline() -> None:
    raw = ("Troops moved north on Monday, officials said.\n" * 40 + "Related stories\n"
           + "Published 20 August 2024\nPublished 3 July 2024\n")  # fmt: skip
    cleaned = clean(raw)
    assert report_dateline(cleaned.text, cleaned.removed) is None


def test_an_unlabelled_date_deep_in_the_page_is_not_a_dateline() -> None:
    raw = "Troops moved north on Monday, officials said.\n" * 40 + "20 August 2024\n"
    cleaned = clean(raw)
    assert report_dateline(cleaned.text, cleaned.removed) is None


@pytest.mark.parametrize(
    "line",
    [
        "Staff reporter | Fri, Apr 5, 2024 | 16:48",
        "By Staff reporter | April 5, 2024 | 16:48",
        "Our Correspondent | Friday, 5 April 2024",
    ],
)
def test_a_byline_row_with_the_day_in_a_cell_of_its_own_dates_the_report(line: str) -> None:
    text = f"Hualien quake toll rises to 12\n{line}\nThe death toll rose to 12 yesterday.\n"
    found = find_dateline(text)
    assert found is not None and found.day == date(2024, 4, 5)


def test_a_cell_before_the_day_that_is_no_byline_is_no_dateline() -> None:
    text = "Quake toll rises\nHe said in a statement | 5 April 2024\nThe toll rose.\n"
    assert find_dateline(text) is None
