"""Round 16 (session 11): a learned event confidence, measured by leave-one-set-out.

The features describe an event by general properties of its record and its telling; the
trainer labels events with the evaluation's matcher, fits a regularised logistic
regression and chooses the threshold that maximises event F1. Reports, towns and gold
are invented (events_support)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner

from events_support import invented_places
from sitrep.cli import app
from sitrep.evaluation.event_features import FEATURE_NAMES, EventModel, all_event_features
from sitrep.evaluation.train_events import (
    Sample,
    events_prf,
    fit_logistic,
    kept_events,
    kept_prf,
    label_events,
    leave_one_set_out,
    match_options,
    train,
)
from sitrep.records import Event, Place, Published, Report, Source, Span
from sitrep.stages.dating import date_report
from sitrep.stages.events import extract_events
from sitrep.stages.figures import extract_figures
from sitrep.stages.times import extract_times

REPORT = (
    "Gunmen kill 12 in Harlow market\n\n"
    "Gunmen attacked a market in Harlow on Monday, killing 12 people, police said.\n\n"
    "The town was also shelled in 2019, residents recalled."
)


def _features(make_state: Any, resources: Any, text: str) -> list[tuple[Event, dict[str, float]]]:
    state = make_state(text, "2025-03-12")
    state.places = invented_places(text)
    for run in (extract_times, date_report, extract_figures, extract_events):
        run(state, resources)
    return list(zip(state.events, all_event_features(state.events, state), strict=True))


# ----------------------------------------------------------------- features


def test_features_of_todays_attack(make_state: Any, resources: Any) -> None:
    (attack, features), *_ = _features(make_state, resources, REPORT)
    assert attack.type == "attack"
    assert set(features) <= set(FEATURE_NAMES)
    assert features["family_attack"] == 1.0
    assert features["date_own"] == 1.0 and features["date_day"] == 1.0  # "on Monday"
    assert "date_old" not in features
    assert features["place_told"] == 1.0  # Harlow is named where it is told
    assert features["in_headline"] == 1.0
    assert features["has_toll"] == 1.0
    assert features["tellings"] > 1.0  # headline and lead: two tellings


def test_features_of_a_background_event(make_state: Any, resources: Any) -> None:
    found = _features(make_state, resources, REPORT)
    shelling = [f for e, f in found if e.type == "shelling"]
    assert len(shelling) == 1
    features = shelling[0]
    assert features["date_old"] == 1.0  # 2019, years before the report
    assert "place_told" not in features  # "the town": placed from the report
    assert "in_headline" not in features and features["position"] > 0.5
    assert features["tense_past"] == 1.0 and features["trigger_verb"] == 1.0
    assert features["same_type_place"] == 1.0  # the attack at Harlow is of its family


def test_tense_of_a_complement_is_its_governing_verb(make_state: Any, resources: Any) -> None:
    text = (
        "Floods in Kestrel\n\n"
        "Flooding forced thousands of families in Kestrel to flee their homes on Tuesday."
    )
    moves = [f for e, f in _features(make_state, resources, text) if e.type == "displacement"]
    assert moves and moves[0]["tense_past"] == 1.0  # "forced ... to flee"
    assert moves[0]["main_clause"] == 1.0


# ----------------------------------------------------------------- trainer


def test_fit_learns_the_sign_of_a_telling_feature() -> None:
    rng = np.random.default_rng(0)
    x = rng.integers(0, 2, size=(200, 2)).astype(float)
    # Right when the first feature is on (mostly); the second is noise.
    y = ((x[:, 0] == 1) ^ (rng.random(200) < 0.1)).astype(float)
    weights, bias = fit_logistic(x, y, l2=1.0)
    assert weights[0] > 2.0
    assert abs(weights[1]) < 1.0
    assert bias < 0


def _town(text: str, name: str, pid: str, lat: float) -> Place:
    start = text.index(name)
    return Place(pid, name, (Span.of(text, start, start + len(name)),), lat=lat, lon=1.0,
                 kind="town")  # fmt: skip


def _sample(set_name: str, right_told: bool) -> Sample:
    """A report with one right event and one wrong one: the right one's place is told
    where it is told (``place_told``), the wrong one's not, unless ``right_told`` is off."""
    text = "A raid hit Harlow. Later Kestrel was named."
    places = (_town(text, "Harlow", "P1", 1.0), _town(text, "Kestrel", "P2", 40.0))
    events = (
        Event("E1", "attack", place="P1", evidence=(Span.of(text, 0, 18),)),
        Event("E2", "attack", place="P2", evidence=(Span.of(text, 19, 43),)),
    )
    report = Report("r", Source(), "en", Published(), text, places=places, events=events)
    sample = Sample(set_name, "r.txt", [{"type": "attack", "place": "Harlow"}], [], report)
    sample.features = [{"place_told": 1.0 if right_told else 0.0}, {}]
    sample.labels = label_events(sample)
    sample.options = match_options(sample)
    return sample


def test_events_are_labelled_by_the_evaluations_matcher() -> None:
    sample = _sample("a", True)
    assert sample.labels == [1, 0]
    assert sample.options == [[0]]


def test_scoring_without_events_agrees_with_the_evaluation() -> None:
    sample = _sample("a", True)
    for kept in ([True, True], [True, False], [False, True], [False, False]):
        fast = kept_prf(sample, kept)
        events = tuple(e for e, k in zip(sample.report.events, kept, strict=True) if k)
        report = Report(**{**_fields(sample.report), "events": events})
        slow = events_prf([Sample("a", "r", sample.gold_events, [], report)], lambda s: s.report)
        assert (fast.tp, fast.fp, fast.fn) == (slow.tp, slow.fp, slow.fn)


def _fields(report: Report) -> dict[str, Any]:
    return {name: getattr(report, name) for name in Report.__dataclass_fields__}


def test_trainer_withholds_what_it_learned_is_wrong() -> None:
    samples = [_sample(name, True) for name in "abc"]
    model = train(samples, ("place_told",), l2=0.1)
    assert model.weights[0] > 0
    assert 0 < model.threshold <= model.probability({"place_told": 1.0})
    kept = kept_events(samples[0], [model.probability(f) for f in samples[0].features],
                       model.threshold)  # fmt: skip
    assert kept == [True, False]
    assert model.meta["trained_on"] == ["a", "b", "c"]


def test_leave_one_set_out_scores_each_set_with_a_model_not_trained_on_it() -> None:
    samples = [_sample("a", True), _sample("b", True), _sample("c", True), _sample("d", False)]
    results = {r.set_name: r for r in leave_one_set_out(samples, ("place_told",), l2=0.1)}
    assert set(results) == {"a", "b", "c", "d"}
    assert results["a"].without.fp == 1 and results["a"].with_filter.fp == 0
    # Set d tells its right event as the others tell their wrong one: both withheld.
    assert results["d"].without.tp == 1 and results["d"].with_filter.tp == 0


def test_a_model_survives_its_json() -> None:
    model = EventModel(("place_told", "has_toll"), (1.5, -0.5), -0.25, 0.4, {"l2": 1.0})
    again = EventModel.from_json(model.to_json())
    assert again.features == model.features and again.threshold == 0.4
    assert again.probability({"place_told": 1.0}) == pytest.approx(
        model.probability({"place_told": 1.0})
    )
    with pytest.raises(ValueError):
        EventModel.from_json('{"features": ["a"], "weights": [], "bias": 0, "threshold": 0}')


def test_train_events_refuses_an_unknown_feature(tmp_path: Any) -> None:
    result = CliRunner().invoke(
        app, ["eval", "train-events", "--data", str(tmp_path), "--features", "no_such_feature"]
    )
    assert result.exit_code == 2
    assert "no_such_feature" in result.output
