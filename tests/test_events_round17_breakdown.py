"""Round 17: one event per place of a breakdown by place (docs/EVENTS.md, "Round 17 —
breakdowns by place").

A report that gives a displacement, a return or a toll place by place ("some 7,200 in
Harlow district and 3,300 in Kestrel district") tells an event at each place, with that
place's count; the total is no event of its own, and neither is a part of a figure told
before ("2,000 of them") or a vague count ("thousands"). Sentences and towns are invented
(events_support)."""

from __future__ import annotations

from typing import Any

from events_support import events_in_invented_towns


def _at(make_state: Any, resources: Any, text: str, kind: str) -> list[str | None]:
    found = events_in_invented_towns(make_state, resources, text)
    return sorted({p for k, p, _ in found if k == kind}, key=str)


def test_displaced_given_by_place_is_a_displacement_at_each(
    make_state: Any, resources: Any
) -> None:
    text = (
        "Floods swept the valley on Monday. Officials said 7,200 people had been displaced "
        "in Harlow and about 3,300 in Kestrel."
    )
    assert _at(make_state, resources, text, "displacement") == ["Harlow", "Kestrel"]


def test_a_total_then_its_shares_makes_events_only_at_the_shares(
    make_state: Any, resources: Any
) -> None:
    text = (
        "Fighting broke out on Friday. An estimated 10,500 people have been displaced since "
        "Friday: some 7,200 in Harlow and 3,300 in Moravo."
    )
    assert _at(make_state, resources, text, "displacement") == ["Harlow", "Moravo"]


def test_returns_given_by_place_are_a_return_at_each(make_state: Any, resources: Any) -> None:
    text = "This month 2,400 refugees returned to Tindale and about 1,100 to Moravo."
    assert _at(make_state, resources, text, "return") == ["Moravo", "Tindale"]


def test_a_share_of_a_place_the_report_has_an_event_at_adds_none(
    make_state: Any, resources: Any
) -> None:
    text = (
        "Some 7,200 people fled Harlow on Monday. Officials said 7,200 people had been "
        "displaced in Harlow and about 3,300 in Kestrel."
    )
    found = events_in_invented_towns(make_state, resources, text)
    assert sum(1 for k, p, _ in found if k == "displacement" and p == "Harlow") == 1


def test_a_part_of_a_figure_is_no_share(make_state: Any, resources: Any) -> None:
    text = (
        "Floods hit the region on Monday. In Harlow, more than 9,000 people have left their "
        "homes, and about 2,000 of them are sleeping in schools in Kestrel."
    )
    assert "Kestrel" not in _at(make_state, resources, text, "displacement")


def test_a_vague_count_is_no_share(make_state: Any, resources: Any) -> None:
    text = (
        "Fighting broke out on Monday. Thousands of people fled Harlow, and some 4,000 had "
        "reached Kestrel by Tuesday."
    )
    assert "Kestrel" not in _at(make_state, resources, text, "displacement")


def test_a_single_placed_figure_is_no_breakdown(make_state: Any, resources: Any) -> None:
    text = "Floods hit the region on Monday. Some 3,300 people were displaced in Kestrel."
    found = events_in_invented_towns(make_state, resources, text)
    assert sum(1 for k, p, _ in found if k == "displacement" and p == "Kestrel") <= 1
