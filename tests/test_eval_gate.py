"""Evaluation gates fail loudly on a drop below a floor or on a changed evaluation set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.evaluation.gate import Floors, check_floors, corpus_sha256

REPO = Path(__file__).resolve().parents[1]


def small_set(root: Path) -> Path:
    (root / "articles").mkdir(parents=True)
    (root / "gold").mkdir()
    (root / "articles" / "a.txt").write_text("Shelling hit Kherson.\n")
    (root / "gold" / "a.json").write_text('{"doc": "a.txt"}')
    return root


def test_metrics_at_or_above_their_floors_pass(tmp_path: Path) -> None:
    data = small_set(tmp_path)
    floors = Floors("t", corpus_sha256(data), {"places_f1": 0.8, "quotes_f1": 0.5})
    assert check_floors({"places_f1": 0.8, "quotes_f1": 0.9}, floors, data) == []


def test_a_metric_below_its_floor_or_missing_fails(tmp_path: Path) -> None:
    data = small_set(tmp_path)
    floors = Floors("t", corpus_sha256(data), {"places_f1": 0.8, "quotes_f1": 0.5})
    problems = check_floors({"places_f1": 0.79}, floors, data)
    assert problems == [
        "places_f1: 0.7900 is below its floor 0.8",
        "quotes_f1: missing from the results (floor 0.5)",
    ]


def test_a_changed_evaluation_set_fails_the_gate(tmp_path: Path) -> None:
    data = small_set(tmp_path)
    floors = Floors("t", corpus_sha256(data), {})
    (data / "gold" / "a.json").write_text('{"doc": "a.txt", "places": []}')
    [problem] = check_floors({}, floors, data)
    assert "changed" in problem


def test_a_broken_floors_file_is_refused_with_its_name(tmp_path: Path) -> None:
    bad = tmp_path / "floors.json"
    bad.write_text(json.dumps({"dataset": "x"}))
    with pytest.raises(ValueError, match=r"floors\.json: not a floors file"):
        Floors.read(bad)


def test_the_examples_floors_file_matches_the_examples() -> None:
    floors = Floors.read(REPO / "eval" / "floors" / "examples.json")
    assert floors.corpus_sha256 == corpus_sha256(REPO / "examples")
