"""Figures, round 24 (session 18; sentences and towns of our own): people placed in
shelters are displaced, a tally of them too, and counts gapped after a part ("Kestrel
for 27,800", "Moravo (2,100)") count what the part counts."""

from __future__ import annotations

import pytest

from figures_support import figures_of, one_figure

PUBLISHED = "2024-11-30"
TEXT = (
    "The number of people in relief centres nationwide has risen to 94,300, officials said. "
    "Harlow accounts for 61,200 of them and Kestrel for 27,800, with smaller numbers in "
    "Moravo (2,100) and Tindale (about 900)."
)


@pytest.mark.parametrize("span", ["94,300", "61,200", "27,800", "2,100", "about 900"])
def test_a_tally_of_sheltered_people_and_its_parts_are_displaced(
    make_state, resources, span: str
) -> None:  # type: ignore[no-untyped-def]
    figure = one_figure(figures_of(make_state, resources, TEXT, PUBLISHED), span)
    assert figure.quantity == "displaced"


def test_people_who_are_in_relief_centres_are_displaced(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = "More than 90,000 people are in relief centres in Harlow."
    figure = one_figure(figures_of(make_state, resources, text, PUBLISHED), "More than 90,000")
    assert figure.quantity == "displaced"


def test_a_count_in_parentheses_with_no_part_before_it_keeps_its_own_type(
    make_state, resources
) -> None:  # type: ignore[no-untyped-def]
    text = "Prices rose in Harlow (2,100 shillings a sack), traders said."
    figures = figures_of(make_state, resources, text, PUBLISHED)
    assert all(f.quantity != "displaced" for f in figures)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # counts of their own after a part (the session's review)
        (
            "Floods displaced 90,000 people. Harlow accounts for 61,200 of them, and the agency "
            "has appealed for 27,800 tents.",
            "27,800",
        ),
        (
            "Floods displaced 90,000 people; 61,200 of them are in Harlow, whose hospital "
            "(120 beds) is full.",
            "120",
        ),
        # helpers and beds in shelters are not the displaced
        ("About 40 doctors are in relief camps in Harlow.", "About 40"),
        ("The number of volunteers at relief centres in Harlow has risen to 500.", "500"),
        ("The number of beds at evacuation centres in Harlow has risen to 5,000.", "5,000"),
    ],
)
def test_counts_of_their_own_are_not_the_displaced(
    make_state, resources, text: str, span: str
) -> None:  # type: ignore[no-untyped-def]
    figure = one_figure(figures_of(make_state, resources, text, PUBLISHED), span)
    assert figure.quantity != "displaced"


def test_people_who_have_gone_back_returned_and_so_did_their_parts(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Of the roughly 1.2 million people who fled their homes, about 940,000 have gone "
        "back: some 410,000 to Harlow and about 360,000 to Kestrel."
    )
    figures = figures_of(make_state, resources, text, PUBLISHED)
    assert one_figure(figures, "roughly 1.2 million").quantity == "displaced"
    for span in ("about 940,000", "some 410,000", "about 360,000"):
        assert one_figure(figures, span).quantity == "returned"
