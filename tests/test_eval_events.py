"""The events harness: matching, what is not scored, the JSON last line (no model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.evaluation.events import evaluate_events_dir, score_events_document
from sitrep.records import Event, Figure, Place, Published, Report, Source, Span

TEXT = "Shelling of Izyum killed 3 people. Thousands fled. Russia may attack Izyum."
IZYUM = Place(id="P1", name="Izium", mentions=(Span.of(TEXT, 12, 17),), lat=49.2, lon=37.3,
              country="UA", kind="city")  # fmt: skip
GOLD = {
    "doc": "a.txt",
    "places": [{"mention": "Izyum", "name": "Izium", "lat": 49.207, "lon": 37.277}],
    "events": [{"type": "shelling", "date": "2024-01", "place": "Izyum", "killed": 3}],
    "figures": [{"mention": "3 people", "value": 3, "unit": "people", "what": "killed"}],
}


def _report(*events: Event, figures: tuple[Figure, ...] = ()) -> Report:
    return Report(id="r", source=Source(), language="en", published=Published(), text=TEXT,
                  places=(IZYUM,), events=events, figures=figures)  # fmt: skip


def _event(kind: str, *, date: str | None = "2024-01-15", killed: int | None = 3,
           modality: str = "fact") -> Event:  # fmt: skip
    return Event(id="E", type=kind, date=date, place="P1", killed=killed,
                 modality=modality)  # type: ignore[arg-type]  # fmt: skip


@pytest.mark.parametrize(
    ("event", "tp"),
    [
        (_event("shelling"), 1),
        (_event("attack"), 1),  # the umbrella of remote violence
        (_event("shelling", date=None), 1),  # unknown on one side: not judged
        (_event("shelling", date="2023-12-30"), 0),  # another month
        (_event("armed_clash"), 0),
    ],
)
def test_an_event_matches_on_type_place_and_month(event: Event, tp: int) -> None:
    assert score_events_document(GOLD, _report(event)).events.tp == tp


def test_casualties_are_judged_on_matched_events() -> None:
    right = score_events_document(GOLD, _report(_event("shelling")))
    wrong = score_events_document(GOLD, _report(_event("shelling", killed=4)))
    assert (right.casualties.value, wrong.casualties.value) == (1.0, 0.0)


@pytest.mark.parametrize("modality", ["hypothetical", "plan", "denial"])
def test_events_that_did_not_happen_are_not_scored(modality: str) -> None:
    score = score_events_document(
        GOLD, _report(_event("shelling"), _event("attack", modality=modality))
    )
    assert (score.events.tp, score.events.fp, score.unscored_events) == (1, 0, 1)


def test_a_vague_count_is_no_false_positive_but_a_wrong_value_is() -> None:
    three = Figure(span=Span.of(TEXT, 25, 26), value=3, quantity="killed")
    thousands = Figure(span=Span.of(TEXT, 35, 44), value=2000, approximate=True)
    wrong = Figure(span=Span.of(TEXT, 25, 33), value=30, quantity="killed")
    good = score_events_document(GOLD, _report(figures=(three, thousands)))
    assert (good.figures.tp, good.figures.fp, good.figure_what.value) == (1, 0, 1.0)
    bad = score_events_document(GOLD, _report(figures=(wrong,)))
    assert (bad.figures.tp, bad.figures.fp, bad.figures.fn) == (0, 1, 1)


def test_harness_scores_a_folder_and_survives_a_failing_document(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "gold" / "a.json").write_text(json.dumps(GOLD), encoding="utf-8")
    (tmp_path / "gold" / "b.json").write_text(json.dumps({"doc": "b.txt"}), encoding="utf-8")

    def boom(text: str, name: str) -> Report:
        raise RuntimeError("bad page")

    result = evaluate_events_dir(tmp_path, lambda t, n: _report(_event("shelling")))
    metrics = result.metrics()
    assert (metrics["event_f1"], metrics["casualty_acc"], metrics["skipped"]) == (1.0, 1.0, 1)
    failed = evaluate_events_dir(tmp_path, boom).metrics()
    assert (failed["failures"], failed["event_recall"]) == (1, 0.0)
