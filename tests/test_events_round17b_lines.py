"""Round 17b: a breakdown by place told line by line (docs/EVENTS.md, "Round 17b —
breakdowns line by line").

Situation updates give a toll or a displacement a line to a place: bullets or rows
("- Harlow: 14 dead") or a run of short paragraphs each opening with its place ("In
Harlow, 14 people died."). Each place of such a list is an event with its own count; a
row that sums the others is the total, a list by country is no breakdown, and lines that
are not consecutive items of one list are none. Sentences and towns are invented
(events_support)."""

from __future__ import annotations

from typing import Any

from events_support import (
    counts_of,
    events_in_invented_towns,
    events_with_places,
    invented_places,
    places_named,
)
from sitrep.stages.dating import date_report
from sitrep.stages.events_breakdown import line_shares
from sitrep.stages.figures import extract_figures
from sitrep.stages.times import extract_times

_FLOOD = "Floods swept the valley on Monday after three days of rain, officials said.\n\n"


def _placed(make_state: Any, resources: Any, text: str, kind: str) -> dict[str | None, int | None]:
    """Place name -> killed count of every event of ``kind``."""
    found = events_in_invented_towns(make_state, resources, text)
    return {p: e.killed for k, p, e in found if k == kind}


def test_rows_of_dead_by_district_are_a_disaster_at_each(make_state: Any, resources: Any) -> None:
    text = _FLOOD + "Deaths by district:\n- Harlow district: 14 dead\n- Kestrel district: 9 dead\n"
    text += "- Moravo district: 5 dead\n"
    placed = _placed(make_state, resources, text, "disaster")
    assert placed.get("Kestrel") == 9
    assert placed.get("Moravo") == 5


def test_a_row_gives_each_harm_its_count(make_state: Any, resources: Any) -> None:
    text = _FLOOD + "* Harlow: 34 deaths, 120 injured\n* Kestrel — 12 deaths, 40 injured\n"
    found = events_in_invented_towns(make_state, resources, text)
    kestrel = [(e.killed, e.injured) for k, p, e in found if k == "disaster" and p == "Kestrel"]
    assert kestrel == [(12, 40)]


def test_paragraphs_opening_with_their_place_are_a_breakdown(
    make_state: Any, resources: Any
) -> None:
    text = _FLOOD + "In Harlow, 14 people died.\n\nIn Kestrel, nine people were killed.\n"
    placed = _placed(make_state, resources, text, "disaster")
    assert placed.get("Harlow") == 14
    assert placed.get("Kestrel") == 9


def test_a_row_that_sums_the_others_is_the_total(make_state: Any, resources: Any) -> None:
    text = _FLOOD + "- Harlow: 9 dead\n- Kestrel: 5 dead\n- Moravo: 14 dead\n"
    placed = _placed(make_state, resources, text, "disaster")
    assert placed.get("Kestrel") == 5
    assert "Moravo" not in placed


def _line_shares(make_state: Any, resources: Any, text: str) -> list[tuple[str, int]]:
    """(place name, count) of each share the line reading finds in ``text``."""
    state = make_state(text, "2025-03-12")
    state.places = invented_places(text)
    for run in (extract_times, date_report, extract_figures):
        run(state, resources)
    return [(s.place.name, s.count) for s in line_shares(state)]


def test_consecutive_items_are_read_and_lines_apart_are_not(
    make_state: Any, resources: Any
) -> None:
    items = "In Harlow, 14 people died.\n\nIn Kestrel, nine people were killed.\n"
    assert _line_shares(make_state, resources, _FLOOD + items) == [("Harlow", 14), ("Kestrel", 9)]
    apart = items.replace("\n\n", "\n\nThe river rose again overnight and roads were shut.\n\n")
    assert _line_shares(make_state, resources, _FLOOD + apart) == []


def test_a_headline_row_over_a_lead_is_no_list(make_state: Any, resources: Any) -> None:
    text = "Harlow: 14 dead as floods sweep valley\n\nIn Kestrel, nine people were killed.\n"
    assert _line_shares(make_state, resources, text) == []


def test_rows_by_country_are_no_breakdown(make_state: Any, resources: Any) -> None:
    text = _FLOOD + "- Freedonia: 40 dead\n- Sylvania: 12 dead\n"
    places = places_named(text, {"Freedonia": ("country", 1.0), "Sylvania": ("country", 2.0)})
    found = events_with_places(make_state, resources, text, places)
    assert not [p for k, p, _ in found if k == "disaster" and p == "Sylvania"]
    assert counts_of(found, "disaster") != [(40, None), (12, None)]
