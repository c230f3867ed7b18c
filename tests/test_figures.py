"""Behaviour of the figures stage: which numbers are figures, and what they count."""

from __future__ import annotations

import re

import pytest

from sitrep.records import Place, Span
from sitrep.stages.dating import date_report
from sitrep.stages.figures import extract_figures
from sitrep.stages.times import extract_times


def _place(text: str, name: str, pid: str, kind: str = "city", metonymy: bool = False) -> Place:
    mentions = tuple(Span.of(text, m.start(), m.end()) for m in re.finditer(name, text))
    return Place(id=pid, name=name, mentions=mentions, kind=kind, metonymy=metonymy)  # type: ignore[arg-type]


def _figures(make_state, resources, text: str, places: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    state = make_state(text)
    state.places = [_place(text, name, f"P{i + 1}") for i, name in enumerate(places)]
    extract_times(state, resources)
    date_report(state, resources)
    extract_figures(state, resources)
    return state.figures


@pytest.mark.parametrize(
    ("text", "span", "value", "approximate", "unit", "quantity"),
    [
        ("Some 7,000 people returned to the town.", "Some 7,000", 7000, True, "people",
         "returned"),
        ("The shelling killed 12 civilians on Monday.", "12", 12, False, "people", "killed"),
        ("At least 30 people were wounded in the blast.", "At least 30", 30, True, "people",
         "injured"),
        ("Thousands of people fled the city.", "Thousands", 2000, True, "people", "displaced"),
        ("The front is just 60 kilometers away.", "60 kilometers", 60, False, "km", "distance"),
        ("Over 80 percent of its residential buildings are in ruins.", "Over 80 percent", 80,
         True, "percent", "buildings_destroyed"),
        # a share that left moved (eval/outside/b's gold: 2 of 2; session 5)
        ("Almost half the population has left.", "Almost half", 50, True, "percent",
         "displaced"),
        ("Dozens of homes were damaged by the storm.", "Dozens", 24, True, "homes",
         "buildings_damaged"),
        ("The town now counts around 25,000, a third of its population.", "around 25,000",
         25000, True, "people", "population"),
        ("Two soldiers are missing.", "Two", 2, False, "people", "missing"),
        ("Officials said 1.5 million were evacuated.", "1.5 million", 1_500_000, False, "people",
         "evacuated"),
    ],
)  # fmt: skip
def test_figures_state_what_they_count(  # type: ignore[no-untyped-def]
    make_state, resources, text, span, value, approximate, unit, quantity
):
    figures = {f.span.text: f for f in _figures(make_state, resources, text)}
    assert span in figures, sorted(figures)
    figure = figures[span]
    assert (figure.value, figure.approximate, figure.unit, figure.quantity) == (
        value, approximate, unit, quantity,
    )  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "the 41-year-old told AFP",
        "Twenty-six-year-old Anastasia walked with her son.",
        "the two, who are both 21 and actors, fled",
        "Anton, 21, said he would stay.",
        "The dead were siblings aged 8 and 11.",
        "Children aged 4, 6 or 9 were taken.",
        "The camp holds children of ages 5 to 12.",
        "The city was retaken in September 2022.",
        "It happened on the first day, at 10 p.m.",
        "In one message on Wednesday she spoke.",
        "Call 555-123-4567 for help.",
        "They have lived there for nearly two years.",
    ],
)
def test_ages_dates_ordinals_and_articles_are_not_figures(  # type: ignore[no-untyped-def]
    make_state, resources, text: str
) -> None:
    assert _figures(make_state, resources, text) == []


def test_parenthetical_conversion_is_the_same_figure(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = "Fighting continues just 60 kilometers (nearly 40 miles) away."
    figures = _figures(make_state, resources, text)
    assert [(f.value, f.unit) for f in figures] == [(60, "km")]


def test_place_is_the_literal_place_of_the_sentence(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = "Izyum was retaken. Its population in Izyum is now around 25,000."
    (figure,) = _figures(make_state, resources, text, places=("Izyum",))
    assert figure.place == "P1"


def test_the_town_refers_back_to_the_last_named_settlement(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = "Residents of Izyum waited. Some 7,000 people returned to the town."
    (figure,) = _figures(make_state, resources, text, places=("Izyum",))
    assert figure.place == "P1"


def test_metonymic_place_is_not_a_figure_place(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = "Moscow said 300 soldiers were killed."
    state = make_state(text)
    state.places = [_place(text, "Moscow", "P1", metonymy=True)]
    extract_times(state, resources)
    extract_figures(state, resources)
    assert [f.place for f in state.figures] == [None]


def test_figure_time_is_the_date_of_its_sentence(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = "In March 2022, some 500 people fled Izyum."
    (figure,) = _figures(make_state, resources, text, places=("Izyum",))
    assert figure.time == "2022-03"


def test_seed_000_figures(make_state, resources, seed_000: str) -> None:  # type: ignore[no-untyped-def]
    figures = _figures(make_state, resources, seed_000, places=("Izyum",))
    by_value = {f.value: f for f in figures}
    assert set(by_value) == {60, 7000, 25000, 50}
    returned = by_value[7000]
    assert (returned.approximate, returned.unit, returned.quantity) == (True, "people", "returned")
    assert returned.place == "P1" and returned.time == "2023-WI"
    assert by_value[25000].quantity == "population"
    assert by_value[60].quantity == "distance"
    assert all(f.span.verify(seed_000) for f in figures)


def test_seed_003_figures(make_state, resources, seed_003: str) -> None:  # type: ignore[no-untyped-def]
    figures = _figures(make_state, resources, seed_003, places=("Izyum",))
    by_value = {f.value: f for f in figures}
    assert set(by_value) == {2000, 80}
    assert by_value[80].quantity == "buildings_destroyed" and by_value[80].approximate
    assert by_value[2000].approximate and by_value[2000].unit == "people"
