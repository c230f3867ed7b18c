"""The position indexes of the figures and events stages: the same answers as a plain scan
over the records, and a number of record visits that grows linearly with the report."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from typing import Any, TypeVar

import pytest

from sitrep.records import Place, Span
from sitrep.stages.dating import date_report
from sitrep.stages.events import extract_events
from sitrep.stages.figures import extract_figures
from sitrep.stages.figures_index import Intervals, Lines, PlaceMentions, Positions
from sitrep.stages.times import extract_times

T = TypeVar("T")


def _random_spans(seed: int, count: int) -> list[tuple[int, int, int]]:
    rng = random.Random(seed)
    spans = []
    for item in range(count):
        start = rng.randrange(0, 60)
        spans.append((start, start + rng.randrange(0, 12), item))
    return spans


@pytest.mark.parametrize("seed", range(5))
def test_positions_between_returns_what_a_scan_returns_in_list_order(seed: int) -> None:
    spans = _random_spans(seed, 40)
    index = Positions((start, item) for start, _, item in spans)
    for low in range(0, 70, 3):
        for high in range(low, 75, 7):
            expected = [item for start, _, item in spans if low <= start < high]
            assert index.between(low, high) == expected


@pytest.mark.parametrize("seed", range(5))
def test_positions_last_before_returns_every_record_at_the_last_start(seed: int) -> None:
    spans = _random_spans(seed, 40)
    index = Positions((start, item) for start, _, item in spans)
    for char in range(0, 70):
        before = [start for start, _, _ in spans if start < char]
        expected = [i for s, _, i in spans if before and s == max(before)]
        assert index.last_before(char) == expected
        assert index.last_before(char, low=char) == []


@pytest.mark.parametrize("seed", range(5))
def test_intervals_answer_what_a_scan_answers(seed: int) -> None:
    spans = _random_spans(seed, 30)
    index = Intervals(spans)
    for char in range(0, 75):
        covering = [item for start, end, item in spans if start <= char < end]
        assert index.covering(char) == covering
        assert index.any_covering(char) == bool(covering)
        for high in (char, char + 1, char + 5):
            starting = any(char <= start < high for start, _, _ in spans)
            assert index.any_starting_in(char, high) == starting
            overlapping = [item for start, end, item in spans if start < high and char < end]
            assert index.overlapping(char, high) == overlapping


@pytest.mark.parametrize("text", ["", "one line", "a\nb\n\ncc\n", "\n\nx", "para one\npara two"])
def test_line_bounds_are_those_of_rfind_and_find(text: str) -> None:
    lines = Lines(text)
    for char in range(len(text) + 1):
        end = text.find("\n", char)
        assert lines.bounds(char) == (text.rfind("\n", 0, char) + 1, len(text) if end < 0 else end)


def test_first_place_in_a_range_and_last_settlement_before_skip_metonymy() -> None:
    text = "Moscow said Izyum and Kharkiv region, then Izyum again."
    places = [
        Place(id="P1", name="Moscow", kind="city", metonymy=True, mentions=(Span.of(text, 0, 6),)),
        Place(id="P2", name="Izyum", kind="city",
              mentions=(Span.of(text, 12, 17), Span.of(text, 43, 48))),
        Place(id="P3", name="Kharkiv", kind="region", mentions=(Span.of(text, 22, 29),)),
    ]  # fmt: skip
    index = PlaceMentions(places)
    assert index.first_in(0, len(text)) is places[1]
    assert index.first_in(18, 40) is places[2]
    assert index.last_settlement_before(40) is places[1]
    assert index.last_settlement_before(10) is None


# --------------------------------------------------------------------------- linear work


class CountingList(list[T]):
    """A list that counts the records handed out by iterating over it."""

    visits = 0

    def __iter__(self) -> Iterator[T]:
        for item in super().__iter__():
            CountingList.visits += 1
            yield item


PARAGRAPH = (
    "Russian forces shelled Izyum on 3 March 2022, killing 12 people and wounding 30, "
    '"we will rebuild," the mayor said. Ukrainian troops recaptured Izyum in September. '
    "Some 7,000 people have returned to the town, about 60 km from the front.\n"
)


def _record_visits(make_state: Any, resources: Any, copies: int) -> int:
    text = PARAGRAPH * copies
    state = make_state(text)
    extract_times(state, resources)
    date_report(state, resources)
    # One record per mention, so that a scan over the places grows with the report.
    state.places = CountingList(
        [Place(id=f"P{i}", name="Izyum", kind="city", mentions=(Span.of(text, *m.span()),))
         for i, m in enumerate(re.finditer("Izyum", text))]
    )  # fmt: skip
    state.times = CountingList(state.times)
    CountingList.visits = 0
    extract_figures(state, resources)
    state.figures = CountingList(state.figures)
    extract_events(state, resources)
    return CountingList.visits


def test_figures_and_events_visit_each_record_a_bounded_number_of_times(
    make_state: Any, resources: Any
) -> None:
    """A stage that scans every time, place or figure for each number or trigger visits
    them copies² times; one that indexes them visits each a fixed number of times."""
    small, large = (_record_visits(make_state, resources, n) for n in (4, 16))
    assert small > 0
    assert large <= 4 * small * 1.25, (small, large)
