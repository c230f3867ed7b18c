"""Round 18: lines read as lines (docs/EVENTS.md, "Round 18 — line breaks and list rows").

A situation update's list of tolls by district names some districts the gazetteer does
not know; once two rows or more of the list are known places, a row labelled with any
other name is a place of the list too. A sub-heading inside the list ("In the north:")
does not end it, a row labelled with a summary word ("Total") is no place, and a row at a
place where the report told an event years before is a new event, not that one's count.
A headline's "after deadly riots" is the news, never a background event the body dates
years before. Sentences and towns are invented (events_support)."""

from __future__ import annotations

from typing import Any

from events_support import events_with_places, places_named

_FLOOD = "Floods swept the valley on Monday after three days of rain, officials said.\n\n"
# Harlow and Kestrel are pinned; Zembra and Quillon are names nobody knows.
_KNOWN = {"Harlow": ("town", 10.0), "Kestrel": ("town", 11.0)}


def _killed_by_place(
    make_state: Any, resources: Any, text: str
) -> dict[str | None, list[int | None]]:
    found = events_with_places(make_state, resources, text, places_named(text, _KNOWN))
    placed: dict[str | None, list[int | None]] = {}
    for kind, place, event in found:
        if kind == "disaster":
            placed.setdefault(place, []).append(event.killed)
    return placed


def test_an_unknown_name_in_a_list_of_known_places_is_a_place_of_the_list(
    make_state: Any, resources: Any
) -> None:
    text = _FLOOD + "Deaths by district:\n- Harlow: 14 deaths\n- Zembra: 6 deaths\n"
    text += "- Kestrel: 9 deaths\n"
    placed = _killed_by_place(make_state, resources, text)
    assert placed.get("Zembra") == [6]
    assert placed.get("Kestrel") == [9]


def test_unknown_names_alone_make_no_list_of_places(make_state: Any, resources: Any) -> None:
    # Only one row is a known place: the others may be anything (people, units, clinics).
    text = _FLOOD + "- Harlow: 14 deaths\n- Zembra: 6 deaths\n- Quillon: 9 deaths\n"
    placed = _killed_by_place(make_state, resources, text)
    assert "Zembra" not in placed
    assert "Quillon" not in placed


def test_a_sub_heading_inside_the_list_does_not_end_it(make_state: Any, resources: Any) -> None:
    text = _FLOOD + "In the north:\n- Harlow: 14 deaths\n- Kestrel: 9 deaths\nIn the south:\n"
    text += "- Zembra: 6 deaths\n- Quillon: 2 deaths\n"
    placed = _killed_by_place(make_state, resources, text)
    assert placed.get("Quillon") == [2]


def test_a_total_row_is_no_place(make_state: Any, resources: Any) -> None:
    text = _FLOOD + "- Harlow: 14 deaths\n- Kestrel: 9 deaths\n- Total: 31 deaths\n"
    placed = _killed_by_place(make_state, resources, text)
    assert "Total" not in placed


def test_a_row_at_a_place_of_a_background_event_is_an_event_of_its_own(
    make_state: Any, resources: Any
) -> None:
    text = (
        "In 2019, floods in Kestrel killed 40 people.\n\n"
        "In Harlow, floods swept the valley on Monday after three days of rain.\n\n"
        "- Harlow: 14 deaths\n- Kestrel: 9 deaths\n"
    )
    placed = _killed_by_place(make_state, resources, text)
    assert sorted(placed.get("Kestrel", []), key=lambda n: n or 0) == [9, 40]


def test_a_headline_naming_the_news_by_a_time_phrase_is_no_background_event(
    make_state: Any, resources: Any
) -> None:
    text = (
        "Curfew imposed in Harlow after deadly riots\n18 February 2025\n\n"
        "Authorities imposed a curfew on Harlow on Monday after two nights of unrest.\n\n"
        "It was the worst unrest in the city since June 2023, when riots left 16 people "
        "dead across the country.\n"
    )
    found = events_with_places(make_state, resources, text, places_named(text, _KNOWN))
    background = [e for k, _, e in found if k == "protest" and e.date == "2023-06"]
    assert [e.killed for e in background] == [16]
    assert not any(span.text.startswith("Curfew imposed") for span in background[0].evidence)


def _place_of(make_state: Any, resources: Any, text: str, kind: str) -> list[str | None]:
    found = events_with_places(make_state, resources, text, places_named(text, _KNOWN))
    return [p for k, p, _ in found if k == kind]


def test_the_one_place_after_the_trigger_places_it_when_the_parse_links_none(
    make_state: Any, resources: Any
) -> None:
    # The model reads "hygiene" as a verb: no place hangs below "distributed".
    text = (
        "The cyclone made landfall near Kestrel on Sunday.\n\n"
        "Our teams distributed 1,200 shelter kits and hygiene items in Harlow on Wednesday."
    )
    assert _place_of(make_state, resources, text, "aid") == ["Harlow"]


def test_where_the_event_is_told_is_not_where_it_happened(
    make_state: Any, resources: Any
) -> None:
    text = (
        "Inmates took 40 guards hostage at the prison in Kestrel on Friday.\n\n"
        "The hostages were freed unharmed early on Sunday after negotiations, the interior "
        "minister told a news conference in Harlow."
    )
    assert "Harlow" not in _place_of(make_state, resources, text, "release")
