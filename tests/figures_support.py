"""What the figures tests share: the stages a figure needs, run on a text, and the one
figure a span reads."""

from __future__ import annotations

from sitrep.records import Figure
from sitrep.stages.dating import date_report
from sitrep.stages.figures import extract_figures
from sitrep.stages.times import extract_times


def figures_of(make_state, resources, text: str, published: str) -> list[Figure]:  # type: ignore[no-untyped-def]
    """The figures of ``text`` published on ``published`` (times and dating run first)."""
    state = make_state(text, published)
    for run in (extract_times, date_report, extract_figures):
        run(state, resources)
    return state.figures


def one_figure(figures: list[Figure], text: str) -> Figure:
    """The one figure whose span reads ``text``."""
    found = [f for f in figures if f.span.text == text]
    assert len(found) == 1, figures
    return found[0]
