"""Figures stage, fifth round: what a number counts, found on eight reports the team wrote
and annotated before any rule was tried on them (magnitudes, counts of things that are not
people, people affected, clock times, headlines run into the lines below)."""

from __future__ import annotations

import pytest

from figures_support import figures_of
from figures_support import one_figure as _figure
from sitrep.records import Figure


def _figures(make_state, resources, text: str) -> list[Figure]:  # type: ignore[no-untyped-def]
    return figures_of(make_state, resources, text, "2024-01-10")


@pytest.mark.parametrize(
    ("text", "span", "quantity"),
    [
        ("A magnitude 6.4 earthquake struck western Nepal, killing 132 people.", "6.4",
         "magnitude"),
        ("The minister said 1,380 new cases had been recorded, and 41 people had died.",
         "1,380", "cases"),
        ("The outbreak has caused more than 7,000 cases and 295 deaths.", "295", "killed"),
        # round 9: "affected" is its own count (the outside writers' gold)
        ("Floods have killed 52 people and affected more than 2.1 million people.",
         "more than 2.1 million", "affected"),
        ("Floods have killed 52 people in 29 districts.", "29", "other"),
        ("Around 53,000 people are staying in 612 relief camps after they fled.", "612", "other"),
        ("Officials said 12 police officers had been injured.", "12", "injured"),
        ("Almost half the population lives in camps.", "Almost half", "population"),
        ("The army evacuated 37 settlements near the front.", "37", "evacuated"),
    ],
)  # fmt: skip
def test_a_number_counts_people_only_when_its_noun_is_people(  # type: ignore[no-untyped-def]
    make_state, resources, text, span, quantity
) -> None:
    assert _figure(_figures(make_state, resources, text), span).quantity == quantity


def test_a_clock_time_is_no_figure(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = "CONAKRY, Guinea, 18 Oct 2023 / 09:40 GMT — Police killed three people."
    spans = [f.span.text for f in _figures(make_state, resources, text)]
    assert "09" not in spans and "40" not in spans and "three" in spans


def test_a_headline_number_is_not_typed_by_the_line_below(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Russian drones hit energy facilities, 250,000 without power\n\n"
        "ODESA, Ukraine — Drones struck a substation overnight, injuring two workers."
    )
    figures = _figures(make_state, resources, text)
    assert _figure(figures, "250,000").quantity != "injured"
    assert _figure(figures, "two").quantity == "injured"
