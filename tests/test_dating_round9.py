"""Publication dates a page prints about itself, and windows for undated reports (session 9).

The page texts are written for these tests; none is copied from an evaluation set.
"""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.clean import clean
from sitrep.records import Published
from sitrep.stages.dating import OPEN_WINDOW_DAYS, date_report
from sitrep.stages.dating_dateline import report_dateline
from sitrep.stages.dating_elapsed import is_scheduled, says_up_to_now
from sitrep.stages.dating_pageline import copyright_year, is_furniture, publication_line
from sitrep.stages.times import extract_times

# --------------------------------------------------------------------- publication lines


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("14:35, 4 February 2026", date(2026, 2, 4)),
        ("March 17, 2026 4:12 PM GMT+7 Updated 2 hours ago", date(2026, 3, 17)),
        ("Last updated: Sunday 15 June 2025, 17:05 CEST", date(2025, 6, 15)),
        ("Published: Thursday, 16 October 2025 | 7:45 am", date(2025, 10, 16)),
        ("14.03.2025, 18:47 | Views: 3 912", date(2025, 3, 14)),
        ("Last modified 2024-11-02T10:00:00Z", date(2024, 11, 2)),
        ("By Jane Doe | Posted on Mon 3 March 2025, 10:00 EAT", date(2025, 3, 3)),
        ("12 March 2024 | 3 min read", date(2024, 3, 12)),
    ],
)
def test_a_date_with_only_page_furniture_around_it_is_a_publication_line(
    line: str, day: date
) -> None:
    found = publication_line(line)
    assert found is not None and found.day == day


@pytest.mark.parametrize(
    "line",
    [
        "On 4 February 2026 the army said it had retaken the town.",
        "KHARTOUM, 4 February 2026 — Troops entered the market.",
        "4 February 2026 the day the dam broke",
        "Talks ran from 4 February 2026 to 9 February 2026",  # two days: which one?
        "Flooding since 2 May 2024 | MAP",  # a capitalised word is not a time zone
    ],
)
def test_a_date_inside_a_sentence_is_not_a_publication_line(line: str) -> None:
    assert publication_line(line) is None


@pytest.mark.parametrize(
    ("text", "furniture"),
    [(", 17:05 CEST", True), (" | Views: 1 204", True), (" Updated 5 mins ago", True),
     (" when the dam broke", False), (" the", False), (" MAP of the area", False)],
)  # fmt: skip
def test_furniture_is_clock_times_zones_counts_and_separators(text: str, furniture: bool) -> None:
    assert is_furniture(text) is furniture


def _page_day(raw: str) -> date | None:
    cleaned = clean(raw)
    found = report_dateline(cleaned.text, cleaned.removed)
    return found.day if found else None


BODY = (
    "Floodwater swept through the lower districts of the town overnight, destroying "
    "dozens of houses and forcing hundreds of families onto the roofs of schools and "
    "mosques, local officials and residents told reporters on the scene.\n\n"
    "Rescue teams were still searching for missing people, the civil defence said.\n"
)


@pytest.mark.parametrize(
    ("raw", "day"),
    [
        # The labelled row sits below a menu, a weather strip and a byline.
        ("RIVER TIMES\nHome | News | Region | Sport\nTownsville 24°C Cloudy\nREGION\n"
         "Floods cut the valley road\nBy Ana Ruiz, Townsville\n"
         "Published: Friday, 9 May 2025 | 6:10 am\n\n" + BODY, date(2025, 5, 9)),
        # A live page names only its last update.
        ("Valley floods live: rescuers reach cut-off villages\n"
         "Last updated: Saturday 10 May 2025, 18:40 CEST\n\n18:40\n" + BODY, date(2025, 5, 10)),
        # "Published" wins over "Updated" when both are printed.
        ("Floods cut the valley road\nUpdated 11 May 2025, 09:00\n"
         "Published 9 May 2025, 06:10\n\n" + BODY, date(2025, 5, 9)),
        # A numeric date row with a view counter.
        ("Floods cut the valley road\n09.05.2025, 06:10 | Views: 2 311\n" + BODY, date(2025, 5, 9)),
        # A wire dateline without its year, dated by the one copyright year of the page.
        ("Floods cut the valley road\n\nTOWNSVILLE, May 9 (RNS) — " + BODY
         + "\n(c) 2025 RNS. All rights reserved.\n", date(2025, 5, 9)),
    ],
)  # fmt: skip
def test_the_page_states_its_publication_date(raw: str, day: date) -> None:
    assert _page_day(raw) == day


@pytest.mark.parametrize(
    "raw",
    [
        # A year-less dateline with no copyright year: the year is unknown.
        "Floods cut the valley road\n\nTOWNSVILLE, May 9 (RNS) — " + BODY,
        # Two different copyright years: neither can be trusted.
        "Floods cut the valley road\n\nTOWNSVILLE, May 9 (RNS) — " + BODY
        + "\n(c) 2024 RNS\n© 2025 River Times\n",
        # A related-stories list with dates at the foot says nothing about this story.
        "Floods cut the valley road\n\n" + BODY + "\nRelated\nDam inspection ordered | 2 May 2025\n"
        "Farmers count losses | 28 April 2025\n",
        # An event date in the story's first sentence is not a publication date.
        "Floods cut the valley road\n\nOn 9 May 2025, " + BODY,
    ],
)  # fmt: skip
def test_no_publication_date_is_read_from_content_or_lists(raw: str) -> None:
    assert _page_day(raw) is None


@pytest.mark.parametrize(
    ("text", "year"),
    [("© 2016-2026 Valley News. All rights reserved.", 2026),
     ("(c) 2024 RNS. Reproduction prohibited.", 2024),
     ("Copyright 2023 The Courier", 2023),
     ("(c) 2024 RNS\n© 2025 River Times", None),
     ("No notice here", None)],
)  # fmt: skip
def test_the_copyright_notice_gives_one_year(text: str, year: int | None) -> None:
    assert copyright_year(text, ()) == year


# --------------------------------------------------------------------- windows


def _dated(make_state, resources, text: str) -> Published:  # type: ignore[no-untyped-def]
    state = make_state(text)
    extract_times(state, resources)
    date_report(state, resources)
    published: Published = state.published
    return published


def _window(published: Published) -> tuple[date, date]:
    assert published.window is not None, published
    lo, hi = published.window
    return date.fromisoformat(lo), date.fromisoformat(hi)


def test_a_report_bounded_only_from_below_gets_a_documented_span(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    published = _dated(make_state, resources, "The town was shelled in October 2024.")
    lo, hi = _window(published)
    assert lo == date(2024, 10, 1)
    assert (hi - lo).days == OPEN_WINDOW_DAYS
    assert published.estimated is True and published.basis == "content"
    assert any(f"{OPEN_WINDOW_DAYS} days" in e for e in published.evidence)
    assert published.date is None  # a half-year window is not a day


@pytest.mark.parametrize(
    ("text", "inside", "outside"),
    [
        # An "ago" phrase in apposition to a date: counted from that date.
        ("It recalled the landslide in May 2016, nine years ago, which buried a village.",
         date(2025, 5, 15), date(2024, 6, 1)),
        # An "ago" phrase dated by the "when" clause after it; a winter is a year.
        ("The outage revives memories of two winters ago, when a cold snap in January 2023 "
         "left homes without gas.", date(2025, 1, 15), date(2023, 7, 1)),
        # "N years on" opening a sentence counts from the sentence before it.
        ("In November 2019, security forces killed 30 protesters. More than five years on, "
         "no officer has been convicted.", date(2025, 3, 1), date(2024, 6, 1)),
        # An "ago" phrase after a name an earlier sentence dates (round 20).
        ("Residents measure floods against 2009 and against Cyclone Winston, which killed 44"
         " people in February 2016. Many still repay loans taken out after Winston, nine"
         " years ago.", date(2025, 2, 15), date(2016, 6, 1)),
        # A sentence in the perfect measures up to the report.
        ("The ceasefire took effect in November 2024. Israel has continued to strike the south "
         "more than a year after the ceasefire.", date(2026, 1, 15), date(2025, 6, 1)),
    ],
)  # fmt: skip
def test_time_elapsed_since_a_stated_date_places_the_window(  # type: ignore[no-untyped-def]
    make_state, resources, text: str, inside: date, outside: date
) -> None:
    lo, hi = _window(_dated(make_state, resources, text))
    assert lo <= inside <= hi
    assert not lo <= outside <= hi


def test_an_ago_phrase_elsewhere_in_the_sentence_is_not_counted_from_its_date(  # type: ignore[no-untyped-def]
    make_state, resources
) -> None:
    text = "He was arrested in March 2020 and was released two weeks ago, his lawyer said."
    lo, hi = _window(_dated(make_state, resources, text))
    assert lo == date(2020, 3, 1)
    assert (hi - lo).days == OPEN_WINDOW_DAYS  # no "two weeks after March 2020"


def test_a_date_something_is_due_for_is_still_ahead(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The ceasefire took effect in November 2024. "
        "Politicians warned the strikes threaten parliamentary elections due in May 2026."
    )
    lo, hi = _window(_dated(make_state, resources, text))
    assert lo == date(2024, 11, 1)
    assert hi <= date(2026, 5, 31)  # not "published after May 2026"


@pytest.mark.parametrize(
    ("text", "when", "scheduled"),
    [("elections due in May 2026", "May", True),
     ("a vote scheduled to take place on 3 March", "3 March", True),
     ("the vote, which was due in May 2020, was postponed", "May", False),
     ("troops arrived in May 2026", "May", False),
     ("6% debentures due March 15, 2007, were converted", "March", True),
     ("until the restriction expires on Dec. 31, 1990", "Dec.", True)],
)  # fmt: skip
def test_scheduled_dates_are_told_apart(text: str, when: str, scheduled: bool) -> None:
    assert is_scheduled(text, text.index(when)) is scheduled


@pytest.mark.parametrize(
    ("text", "up_to_now"),
    [("Strikes have continued a year after the truce.", True),
     ("Aid has not been delivered a month after the flood.", True),
     ("The army re-entered the town a year after the truce.", False)],
)  # fmt: skip
def test_the_perfect_measures_time_up_to_the_report(text: str, up_to_now: bool) -> None:
    assert says_up_to_now(text, text.index(" a ")) is up_to_now


def test_the_copyright_year_outranks_an_old_background_date(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Most of the families fled in March 2015, when the crackdown began.\n"
        "Returns have picked up in recent weeks, officials said.\n"
        "© 2025 Valley News. All rights reserved."
    )
    lo, hi = _window(_dated(make_state, resources, text))
    assert (lo, hi) == (date(2025, 1, 1), date(2025, 12, 31))


def test_relative_times_take_a_value_only_where_the_window_fixes_it(  # type: ignore[no-untyped-def]
    make_state, resources
) -> None:
    text = (
        "The river burst its banks in March 2025. Rescuers reached the village on Tuesday. "
        "Similar floods hit the valley last year.\n© 2025 Valley News."
    )
    state = make_state(text)
    extract_times(state, resources)
    date_report(state, resources)
    values = {t.span.text: t.value for t in state.times}
    assert values["last year"] == "2024"  # the whole window lies in 2025
    assert values["Tuesday"] in (None, "XXXX-WXX-2")  # a window is not a day
