"""The example reports and their gold files are sound and agree with the harness."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sitrep.evaluation.gold import article_name, gold_problems, read_gold
from sitrep.evaluation.oracle import gold_as_report
from sitrep.evaluation.report import SECTIONS, evaluate_report_dir

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ARTICLES = sorted((EXAMPLES / "articles").glob("*.txt"))
GOLDS = sorted((EXAMPLES / "gold").glob("*.json"))


def test_there_are_eight_articles_and_at_least_five_gold_files() -> None:
    assert len(ARTICLES) >= 8
    assert len(GOLDS) >= 5


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_article_is_a_short_report(article: Path) -> None:
    assert 150 <= len(article.read_text(encoding="utf-8").split()) <= 400


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.stem)
def test_gold_file_is_valid_for_its_article(gold_path: Path) -> None:
    gold = read_gold(gold_path)
    article = EXAMPLES / "articles" / article_name(gold, gold_path)
    assert article.is_file(), f"{gold_path.name} names a missing article"
    assert gold_problems(gold, article.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.stem)
def test_gold_coordinates_and_kinds_are_plausible(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    kinds = {"city", "town", "village", "region", "country", "water", "other"}
    for place in gold["places"]:
        assert place["kind"] in kinds
        assert (place["lat"] is None) == (place["lon"] is None)
        if place["lat"] is not None:
            assert -90 <= place["lat"] <= 90 and -180 <= place["lon"] <= 180


def test_a_perfect_extractor_scores_one_on_every_example() -> None:
    golds = {}
    for path in GOLDS:
        gold = read_gold(path)
        golds[article_name(gold, path)] = gold
    result = evaluate_report_dir(EXAMPLES, lambda text, name: gold_as_report(golds[name], text))
    metrics = result.metrics()
    assert metrics["documents"] == len(GOLDS)
    for section in SECTIONS:
        assert metrics[f"{section}_f1"] == 1.0, section


def test_one_event_told_by_two_outlets_has_different_tolls() -> None:
    a = json.loads((EXAMPLES / "gold" / "kupiansk_strike_a.json").read_text(encoding="utf-8"))
    b = json.loads((EXAMPLES / "gold" / "kupiansk_strike_b.json").read_text(encoding="utf-8"))
    attack_a, attack_b = a["events"][0], b["events"][0]
    assert attack_a["place"] == attack_b["place"]
    assert attack_a["killed"] != attack_b["killed"]


def test_two_people_share_a_first_name_across_reports() -> None:
    people = [
        (p["name"], p["age"])
        for path in GOLDS
        for p in json.loads(path.read_text(encoding="utf-8"))["people"]
    ]
    olenas = {(name, age) for name, age in people if name.split()[0] == "Olena"}
    assert len(olenas) == 2 and len({age for _, age in olenas}) == 2


@pytest.mark.slow
def test_real_pipeline_runs_on_every_example(resources: Any) -> None:
    from sitrep.ingest.document import RawDocument
    from sitrep.records import Report, bad_spans
    from sitrep.stages.pipeline import annotate

    reports: list[Report] = []

    def extract(text: str, name: str) -> Report:
        report = annotate(RawDocument(text=text, origin=name, path=name), resources)
        reports.append(report)
        return report

    metrics = evaluate_report_dir(EXAMPLES, extract).metrics()
    assert metrics["documents"] == len(GOLDS) and metrics["failures"] == 0
    assert all(bad_spans(r) == [] for r in reports)
    # Far below today's scores: only a broken stage falls under these.
    assert metrics["boilerplate_f1"] is not None and metrics["boilerplate_f1"] >= 0.5
    assert metrics["places_f1"] is not None and metrics["places_f1"] >= 0.5
