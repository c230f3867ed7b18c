"""Figures, seventh round: a fraction of a scale is a count, "several hundred" is as vague
as "hundreds", and a figure told again (in the headline, or as a toll brought up to date)
is one figure (found on eight reports by an outside writer; sentences of our own)."""

from __future__ import annotations

import pytest

from figures_support import figures_of


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("More than half a million people remain displaced.", "More than half a million", 5e5),
        ("Half a million people fled the city in a week.", "Half a million", 5e5),
        ("About half of the town was destroyed.", "About half", 50.0),
    ],
)  # fmt: skip
def test_a_fraction_of_a_scale_is_a_count(make_state, resources, text, span, value) -> None:  # type: ignore[no-untyped-def]
    figures = {f.span.text: f for f in figures_of(make_state, resources, text, "2024-03-12")}
    assert figures[span].value == value
    assert (figures[span].unit == "percent") is (value == 50.0)


@pytest.mark.parametrize(
    "text",
    ["Several hundred people blocked the main road.", "A few hundred families crossed."],
)
def test_several_hundred_is_a_vague_count(make_state, resources, text) -> None:  # type: ignore[no-untyped-def]
    (figure,) = figures_of(make_state, resources, text, "2024-03-12")
    assert figure.approximate
    assert figure.span.text.lower().split()[0] in ("several", "a")


def test_a_headline_number_is_listed_but_a_restated_toll_is_not(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    # Round 15: the headline's number is a mention of its own (most outside writers list
    # each occurrence); "bringing the toll to 26" restates the toll and is still dropped.
    text = (
        "Drone strike on market kills 26\n\n"
        "A drone strike on a market killed at least 26 people on Sunday, residents said.\n\n"
        "Two of the wounded died on Monday, bringing the toll to 26, officials said."
    )
    killed = [f.span.text for f in figures_of(make_state, resources, text, "2024-03-12")
              if f.quantity == "killed" and f.value == 26]  # fmt: skip
    assert killed == ["26", "at least 26"]


def test_the_same_number_of_two_different_things_stays_two_figures(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Shelling killed 12 people in the north on Monday.\n\n"
        "On Tuesday an airstrike killed 12 people in the south."
    )
    killed = [f for f in figures_of(make_state, resources, text, "2024-03-12")
              if f.quantity == "killed"]  # fmt: skip
    assert len(killed) == 2
