"""Figures, sixth round: numbers that are part of a name are no figures, and recovered
bodies are the dead (found on the round-six team reports; sentences of our own)."""

from __future__ import annotations

import pytest

from figures_support import figures_of, one_figure


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The blaze started in Camp 4 in Kutupalong and spread in the wind.", "4"),
        ("Traffic on Route 66. was halted for hours.", "66"),
        ("The fighting reached Sector 9 on Tuesday.", "9"),
        ("Shells fell near Block 12 of the hospital.", "12"),
    ],
)
def test_a_number_that_is_part_of_a_name_is_no_figure(make_state, resources, text, name) -> None:  # type: ignore[no-untyped-def]
    figures = figures_of(make_state, resources, text, "2024-03-12")
    assert name not in [f.span.text for f in figures]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("In Gao 12 people died on Monday.", "12"),
        ("Rescuers pulled 30 survivors from the rubble.", "30"),
    ],
)
def test_a_number_after_a_place_name_still_counts(make_state, resources, text, number) -> None:  # type: ignore[no-untyped-def]
    figures = figures_of(make_state, resources, text, "2024-03-12")
    assert number in [f.span.text for f in figures]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("So far only five bodies have been recovered from the mud.", "five"),
        ("Rescuers have pulled 14 bodies from the river.", "14"),
    ],
)
def test_recovered_bodies_are_counted_as_dead(make_state, resources, text, span) -> None:  # type: ignore[no-untyped-def]
    figure = one_figure(figures_of(make_state, resources, text, "2024-03-12"), span)
    assert figure.quantity == "killed"
