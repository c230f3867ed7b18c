"""``sitrep eval agreement``: a second annotation of the same reports, scored against the
first by the code that scores sitrep. Identical annotations agree fully; each difference
in an event's type, place or toll costs exactly what it would cost sitrep."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.evaluation.agreement import evaluate_agreement, report_from_gold

ARTICLE = (
    "Floods kill four in Harlow\n"
    "Share this story\n"
    "HARLOW, 12 March 2025 - Floods swept through Harlow and Kestrel on Monday, killing four "
    "people, the mayor said. About 1,200 people fled their homes.\n"
    '"The water came at night," said Ana Bell, a 40-year-old teacher.\n'
)

GOLD: dict[str, Any] = {
    "doc": "harlow.txt",
    "publication_date": "2025-03-12",
    "boilerplate_lines": ["Share this story"],
    "places": [
        {
            "mention": "Harlow",
            "name": "Harlow",
            "country": "GB",
            "lat": 51.77,
            "lon": 0.09,
            "kind": "town",
            "metonymy": False,
        },
        {
            "mention": "Kestrel",
            "name": "Kestrel",
            "country": "GB",
            "lat": None,
            "lon": None,
            "kind": "village",
            "metonymy": False,
        },
    ],
    "people": [{"name": "Ana Bell", "age": 40, "role": "teacher", "affiliation": None}],
    "quotes": [{"quote_start": "The water came at night", "speaker": "Ana Bell", "direct": True}],
    "dates": [{"mention": "on Monday", "value": "2025-03-10"}],
    "figures": [
        {"mention": "four people", "value": 4, "unit": "people", "what": "killed"},
        {"mention": "About 1,200 people", "value": 1200, "unit": "people", "what": "displaced"},
    ],
    "events": [
        {
            "type": "disaster",
            "date": "2025-03-10",
            "place": "Harlow",
            "actor": None,
            "target": None,
            "killed": 4,
            "injured": None,
        },
        {
            "type": "disaster",
            "date": "2025-03-10",
            "place": "Kestrel",
            "actor": None,
            "target": None,
            "killed": None,
            "injured": None,
        },
        {
            "type": "displacement",
            "date": "2025-03-10",
            "place": "Harlow",
            "actor": None,
            "target": None,
            "killed": None,
            "injured": None,
        },
    ],
}


def _write(folder: Path, gold: dict[str, Any], article: bool = True) -> Path:
    (folder / "gold").mkdir(parents=True)
    (folder / "gold" / "harlow.json").write_text(json.dumps(gold), encoding="utf-8")
    if article:
        (folder / "articles").mkdir()
        (folder / "articles" / "harlow.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def test_an_annotation_agrees_fully_with_itself(tmp_path: Path) -> None:
    first = _write(tmp_path / "first", GOLD)
    second = _write(tmp_path / "second", GOLD, article=False)
    metrics = evaluate_agreement(first, second).metrics()
    for section in ("boilerplate", "places", "people", "quotes", "dates", "figures", "events"):
        assert metrics[f"{section}_f1"] == 1.0, section
    assert metrics["events_casualty_acc"] == 1.0


def test_each_difference_costs_what_it_would_cost_sitrep(tmp_path: Path) -> None:
    other = copy.deepcopy(GOLD)
    other["events"][1]["type"] = "other"  # a wrong type: one missed, one spurious
    other["events"][0]["killed"] = 5  # a matched event with another toll
    del other["events"][2]  # a missed event
    first = _write(tmp_path / "first", GOLD)
    second = _write(tmp_path / "second", other, article=False)
    metrics = evaluate_agreement(first, second).metrics()
    assert metrics["events_precision"] == 0.5  # 1 of 2
    assert metrics["events_recall"] == pytest.approx(1 / 3, abs=1e-4)
    assert metrics["events_casualty_acc"] == 0.0


def test_every_item_stands_at_the_words_it_names() -> None:
    report = report_from_gold(GOLD, ARTICLE, "harlow.txt")
    for place in report.places:
        assert all(ARTICLE[m.start : m.end] == m.text for m in place.mentions)
    assert [f.span.text for f in report.figures] == ["four people", "About 1,200 people"]
    assert [p.name for p in report.places if p.id == report.events[0].place] == ["Harlow"]


def test_an_article_the_second_annotator_skipped_scores_empty(tmp_path: Path) -> None:
    first = _write(tmp_path / "first", GOLD)
    (tmp_path / "second" / "gold").mkdir(parents=True)
    result = evaluate_agreement(first, tmp_path / "second")
    assert result.metrics()["events_recall"] == 0.0
    assert "no gold for harlow.txt" in (result.documents[0].error or "")


def test_the_command_prints_the_table_and_ends_with_json(tmp_path: Path) -> None:
    first = _write(tmp_path / "first", GOLD)
    second = _write(tmp_path / "second", GOLD, article=False)
    args = ["eval", "agreement", "--data", str(first), "--second", str(second)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output.strip().splitlines()[-1])["events_f1"] == 1.0


def test_a_second_folder_without_gold_is_a_usage_error(tmp_path: Path) -> None:
    first = _write(tmp_path / "first", GOLD)
    (tmp_path / "empty").mkdir()
    args = ["eval", "agreement", "--data", str(first), "--second", str(tmp_path / "empty")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert "empty has no gold/ folder" in result.output
