"""Figures, round 11 (session 11): a later count of a list whose noun and verb are elided
("nine people died, six in A and three in B") means what the count before it means, at
its own place. Sentences and towns are our own."""

from __future__ import annotations

import pytest

from figures_support import figures_of, one_figure
from sitrep.stages.figures_elided_r11 import is_elided_count

PUBLISHED = "2025-06-10"


@pytest.mark.parametrize(
    ("text", "span", "quantity", "unit"),
    [
        # a small word number with no noun of its own: kept, and a toll like its antecedent
        ("Floods have killed eleven people in the region, seven in Tarvona and four in Melsk.",
         "four", "killed", "people"),
        ("Floods have killed eleven people in the region, seven in Tarvona and four in Melsk.",
         "seven", "killed", "people"),
        # "for A": the share of a total that went to a place
        ("The agency registered 2,400 returnees on Friday: 900 for Ostrava province, 700 for "
         "Lenny province and the rest for the capital.", "900", "returned", "people"),
        # the antecedent's unit travels with its quantity
        ("Some 3,000 families were displaced in Korvi district, 1,200 in Baltan.", "1,200",
         "displaced", "families"),
        ("The storm destroyed 300 houses in Velika, and 120 in Mostan.", "120",
         "buildings_destroyed", "houses"),
        # a verb of its own after it says what it counts
        ("Nine people died in Velika, and 30 in Mostan were injured.", "30", "injured",
         "people"),
    ],
)  # fmt: skip
def test_an_elided_count_means_what_its_antecedent_means(
    make_state, resources, text: str, span: str, quantity: str, unit: str
) -> None:  # type: ignore[no-untyped-def]
    figure = one_figure(figures_of(make_state, resources, text, PUBLISHED), span)
    assert (figure.quantity, figure.unit) == (quantity, unit)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # a family described: "of" is no joint of a list
        ("Mira Olsen, 34, a mother of three from Tarvona, said the water came at night.",
         "three"),
        # no count before it in the sentence: nothing it can mean
        ("The minister toured the camps on Sunday, and three in Mostan were closed.", "three"),
        # a measure before it: the small number is no count of anything
        ("The river rose by two metres in Velika, and three in Mostan.", "three"),
    ],
)  # fmt: skip
def test_a_small_number_of_that_shape_without_a_counted_antecedent_is_no_figure(
    make_state, resources, text: str, span: str
) -> None:  # type: ignore[no-untyped-def]
    figures = figures_of(make_state, resources, text, PUBLISHED)
    assert [f for f in figures if f.span.text == span] == []


def test_a_date_after_the_preposition_is_no_place_of_the_count(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Four people died in Velika in May, and two in June, the mayor said."
    doc = nlp(text)
    start = text.index("two")
    assert not is_elided_count(doc, text, start, start + len("two"))
    placed = "Four people died in Velika, and two in Mostan, the mayor said."
    start = placed.index("two")
    assert is_elided_count(nlp(placed), placed, start, start + len("two"))
