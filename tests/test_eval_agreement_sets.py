"""The second annotations in ``eval/agreement/``: each annotates an article of the outside
set of the same name, in the gold format, with every mention verbatim in its article, so
``sitrep eval agreement`` scores all of it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.evaluation.agreement import evaluate_agreement

ROOT = Path(__file__).resolve().parents[1] / "eval"
SETS = sorted(p.name for p in (ROOT / "agreement").iterdir() if (p / "gold").is_dir())
SECTIONS = ("places", "people", "quotes", "dates", "figures", "events")


@pytest.mark.parametrize("name", SETS)
def test_every_second_annotation_stands_on_its_article(name: str) -> None:
    articles = ROOT / "outside" / name / "articles"
    for path in sorted((ROOT / "agreement" / name / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (articles / gold["doc"]).read_text(encoding="utf-8")
        assert all(section in gold for section in SECTIONS), path.name
        for key, field in (("places", "mention"), ("dates", "mention"), ("figures", "mention")):
            for item in gold[key]:
                assert item[field] in text, (path.name, key, item[field])
        for line in gold["boilerplate_lines"]:
            assert line in text.splitlines(), (path.name, line)


@pytest.mark.parametrize("name", SETS)
def test_the_second_annotation_is_scored_on_every_article(name: str) -> None:
    result = evaluate_agreement(ROOT / "outside" / name, ROOT / "agreement" / name)
    assert len(result.documents) == 8
    assert not [d.name for d in result.documents if d.error]
    # Two careful people agree far above chance and short of identity on events.
    assert 0.5 < result.metrics()["events_f1"] < 1.0
