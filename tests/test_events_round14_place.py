"""Round 14 (place, date and toll): where a flight or an event in a quarter is placed,
today's event kept apart from its dated background, and shares and totals of a list's
toll. Sentences and towns are invented (events_support); "Lotavo", "Zarqa" and
"Verdania" are unpinned or regional names of our own."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from events_support import events_with_places, places_named
from sitrep.records import Event, Published, Span
from sitrep.stages.events_background import background_apart, last_day, lead_end, report_day

# Pinned towns, and names the gazetteer could not pin (kind, latitude None).
_TOWNS = {"Harlow": ("town", 10.0), "Kestrel": ("town", 11.0), "Moravo": ("town", 12.0)}
_UNPINNED = {"Lotavo": ("other", None), "Zarqa": ("other", None)}


def _found(
    make_state: Any, resources: Any, text: str, published: str = "2025-03-12"
) -> list[tuple[str, str | None, Event]]:
    places = places_named(text, {**_TOWNS, **_UNPINNED, "Verdania": ("region", None)})
    return events_with_places(make_state, resources, text, places, published)


def _places_of(found: list[tuple[str, str | None, Event]], kind: str) -> list[str | None]:
    return [place for k, place, _ in found if k == kind]


# --------------------------------------------------------------- where people fled from


@pytest.mark.parametrize(
    "text",
    [
        "Officials said about 1,500 people had fled Lotavo since Tuesday, most of them to "
        "relatives in Kestrel.",
        "Some 800 families fled Lotavo on Monday and took shelter with relatives in Kestrel.",
    ],
)
def test_flight_is_placed_where_people_fled_from_not_where_they_went(
    make_state: Any, resources: Any, text: str
) -> None:
    assert _places_of(_found(make_state, resources, text), "displacement") == ["Lotavo"]


@pytest.mark.parametrize(
    "text",
    [
        "Fighting raged in Harlow on Monday. More than 4,000 people have fled the eastern "
        "districts since Monday night, most of them to relatives in Kestrel.",
        "Officials ordered families out of Harlow on Monday. About 1,200 people have left "
        "the border area since the order, most of them for the city of Kestrel.",
    ],
)
def test_destination_of_a_share_of_the_fleeing_is_not_the_flights_place(
    make_state: Any, resources: Any, text: str
) -> None:
    assert _places_of(_found(make_state, resources, text), "displacement") == ["Harlow"]


def test_flight_to_a_named_town_with_no_origin_stays_there(make_state: Any, resources: Any) -> None:
    text = "Hundreds of families fled to Kestrel on Monday after the raid."
    assert _places_of(_found(make_state, resources, text), "displacement") == ["Kestrel"]


# --------------------------------------------------------------- areas and quarters


def test_town_named_before_its_containing_area_is_the_events_place(
    make_state: Any, resources: Any
) -> None:
    text = (
        "At least 32 people were killed after armed bandits stormed the weekly market in "
        "Lotavo, in Harlow Local Government Area, on Tuesday."
    )
    assert _places_of(_found(make_state, resources, text), "attack") == ["Lotavo"]


@pytest.mark.parametrize(
    "text",
    [
        "Harlow has been under siege since June. Artillery fire hit the Zarqa neighbourhood "
        "on Tuesday, killing five people.",
        "Fighting broke out in Harlow on Monday. The clashes began near the Zarqa police "
        "station, residents said.",
    ],
)
def test_event_in_a_named_quarter_is_placed_at_its_town(
    make_state: Any, resources: Any, text: str
) -> None:
    found = _found(make_state, resources, text)
    assert "Zarqa" not in {place for _, place, _ in found}
    assert "Harlow" in {place for _, place, _ in found}


def test_across_the_state_is_the_reports_region(make_state: Any, resources: Any) -> None:
    text = (
        "Floods hit Harlow in Verdania on Sunday. Verdania has been hit before.\n\n"
        "In February 2024, some 27,000 people across the state were forced from their homes."
    )
    found = _found(make_state, resources, text, "2025-03-12")
    assert ("Verdania", "2024-02") in {
        (place, (e.date or "")[:7]) for k, place, e in found if k == "displacement"
    }


# --------------------------------------------------------------- today's event, dated background


def test_headline_event_is_not_merged_into_a_dated_background_event(
    make_state: Any, resources: Any
) -> None:
    text = (
        "Floods kill two in Harlow\n\n"
        "Rising water swept through low-lying streets overnight, officials said.\n\n"
        "In March 2019, floods in Harlow killed 40 people."
    )
    found = [(p, e.date) for k, p, e in _found(make_state, resources, text) if k == "disaster"]
    assert ("Harlow", "2019-03") in found
    assert any(p == "Harlow" and not (d or "").startswith("2019") for p, d in found)


def test_time_phrase_naming_the_background_event_merges_with_it(
    make_state: Any, resources: Any
) -> None:
    text = (
        "Six months after the earthquake that flattened Harlow, families still live in tents.\n\n"
        "The earthquake struck Harlow in September 2024, killing 3,000 people."
    )
    found = [e for k, _, e in _found(make_state, resources, text, "2025-03-12") if k == "disaster"]
    assert len(found) == 1
    assert (found[0].date or "").startswith("2024-09")


def _event(start: int, when: str | None) -> Event:
    text = "x" * (start + 5)
    return Event(
        id="E1", type="disaster", date=when, date_precision=None, place="P1",
        evidence=(Span.of(text, start, start + 5),),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("dated", "today", "apart"),
    [
        ("2019-03", date(2025, 1, 20), True),
        ("2024-12-17", date(2025, 1, 20), True),
        ("2025-01-15", date(2025, 1, 20), False),  # days before the report: the news
        ("2024-12", date(2025, 1, 3), False),  # December may end days before the report
        ("2019-03", None, False),  # no day of the report: nothing to tell them apart by
    ],
)
def test_dated_telling_is_background_when_well_before_the_reports_day(
    dated: str, today: date | None, apart: bool
) -> None:
    assert background_apart(_event(0, None), _event(400, dated), today, lead=200) is apart


def test_undated_telling_below_the_lead_is_no_news_of_its_own() -> None:
    undated, dated = _event(500, None), _event(900, "2019-03")
    assert not background_apart(undated, dated, date(2025, 1, 20), lead=200)


def test_undated_telling_in_a_time_phrase_refers_to_the_background() -> None:
    undated, dated = _event(0, None), _event(400, "2019-03")
    assert not background_apart(undated, dated, date(2025, 1, 20), 200, frozenset({0}))


@pytest.mark.parametrize(
    ("value", "last"),
    [
        ("2024-02", date(2024, 2, 29)),
        ("2024-12", date(2024, 12, 31)),
        ("2019", date(2019, 12, 31)),
        ("2024-12-17", date(2024, 12, 17)),
        ("2024-12-01/2025-01-10", date(2025, 1, 10)),
        ("sometime", None),
    ],
)
def test_last_day_a_date_value_allows(value: str, last: date | None) -> None:
    assert last_day(value) == last


@pytest.mark.parametrize(
    ("published", "day"),
    [
        (Published(date="2025-01-20", basis="user"), date(2025, 1, 20)),
        (Published(window=("2025-01-01", "2025-01-31")), date(2025, 1, 31)),
        (Published(window=("2024-06-01", "2025-01-31")), None),  # too wide to say
        (Published(), None),
    ],
)
def test_reports_day_from_its_publication(published: Published, day: date | None) -> None:
    assert report_day(published) == day


def test_lead_ends_with_the_first_paragraph_after_the_headline() -> None:
    text = "Floods kill two\nBy A Writer\nWater rose overnight. Two died.\nMore later."
    assert text[: lead_end(text, len("Floods kill two"))].endswith("Two died.")


# --------------------------------------------------------------- shares and a list's total


def _counts(found: list[tuple[str, str | None, Event]], kind: str) -> dict[str | None, Any]:
    return {place: (e.killed, e.injured) for k, place, e in found if k == kind}


def test_share_of_the_dead_placed_at_a_town_goes_to_that_towns_event(
    make_state: Any, resources: Any
) -> None:
    text = (
        "Shells landed in Harlow, Kestrel and Moravo on Thursday.\n\n"
        "Four people were killed and 20 wounded, the governor said. Three of the dead were "
        "in Kestrel, where a shell struck a bus stop, and one was a man killed in his "
        "garden in Moravo, he said."
    )
    counts = _counts(_found(make_state, resources, text), "shelling")
    assert counts["Kestrel"][0] == 3
    assert counts["Harlow"][0] is None


def test_share_told_of_people_not_a_place_is_no_toll(make_state: Any, resources: Any) -> None:
    text = (
        "Shelling hit Harlow and Kestrel on Thursday.\n\n"
        "Four people were killed, the governor said. Three of the dead were children."
    )
    counts = _counts(_found(make_state, resources, text), "shelling")
    assert all(killed != 3 for killed, _ in counts.values())


@pytest.mark.parametrize(
    "text",
    [
        "Harlow is the district's largest town. Shells landed in Harlow, Kestrel and Moravo "
        "on Thursday, killing three civilians and injuring at least nine.",
        "Harlow is the district's largest town. Shells landed in Harlow, Kestrel and Moravo "
        "on Thursday.\n\nThree civilians were "
        "killed and at least nine injured, health officials said.",
    ],
)
def test_a_lists_total_goes_to_the_place_the_report_is_about(
    make_state: Any, resources: Any, text: str
) -> None:
    counts = _counts(_found(make_state, resources, text), "shelling")
    assert counts == {"Harlow": (3, 9), "Kestrel": (None, None), "Moravo": (None, None)}


def test_a_lists_total_with_no_place_it_is_about_goes_to_the_first_of_the_list(
    make_state: Any, resources: Any
) -> None:
    # Round 23 (it went to none before): the outside writers of sets ac and ad put a shared
    # toll on the first town named.
    text = "Shells landed in Harlow, Kestrel and Moravo on Thursday, killing three civilians."
    counts = _counts(_found(make_state, resources, text), "shelling")
    assert counts == {"Harlow": (3, None), "Kestrel": (None, None), "Moravo": (None, None)}


def test_a_lists_total_told_by_town_goes_to_no_one_place(make_state: Any, resources: Any) -> None:
    text = (
        "Shells landed in Harlow, Kestrel and Moravo overnight.\n\n"
        "At least seven civilians were killed. Five of the dead were from a single family "
        "in Kestrel; the other two were killed in Moravo."
    )
    counts = _counts(_found(make_state, resources, text), "shelling")
    assert counts["Harlow"][0] is None
    assert counts["Kestrel"][0] == 5
    assert counts["Moravo"][0] == 2


def test_events_told_in_a_state_since_a_date_are_not_dated_by_it(
    make_state: Any, resources: Any
) -> None:
    text = "Harlow has been the scene of repeated clashes since the fall of the old regime in 2011."
    dates = [e.date for k, _, e in _found(make_state, resources, text) if k == "armed_clash"]
    assert dates and not any((d or "").startswith("2011") for d in dates)


def test_event_that_lasts_since_a_date_is_dated_by_it(make_state: Any, resources: Any) -> None:
    text = "Floods have killed 52 people in Harlow since mid-June, officials said on Friday."
    found = _found(make_state, resources, text, "2024-07-05")
    assert [(e.date or "")[:7] for k, _, e in found if k == "disaster"] == ["2024-06"]
