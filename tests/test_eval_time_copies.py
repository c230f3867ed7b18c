"""``sitrep eval copy-lag`` on tiny synthetic corpora written here (never the eval data)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.evaluation.time_copies import copy_pairs, dated_texts, score_windows

runner = CliRunner()
WORDS = [
    "council", "troops", "shelling", "river", "bridge", "mayor", "evacuation", "convoy",
    "winter", "power", "station", "hospital", "market", "village", "ceasefire", "talks",
    "minister", "border", "grain", "harbour", "drone",
]  # fmt: skip


def article(seed: int, words: int = 160) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) + str(rng.randrange(40)) for _ in range(words)) + "."


def write_polnear(root: Path, texts: dict[str, tuple[str, str]]) -> Path:
    """``texts``: name -> (text, date), all in the train split."""
    folder = root / "quotes" / "PolNeAR" / "train" / "text"
    folder.mkdir(parents=True)
    rows = ["filename\tpublication_date"]
    for name, (text, published) in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        rows.append(f"{name}\t{published}")
    (root / "quotes" / "PolNeAR" / "metadata.tsv").write_text("\n".join(rows) + "\n")
    return root


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    original = article(1)
    republished = original + " Updated with the mayor's statement."
    return write_polnear(tmp_path, {
        "a_original": (original, "2016-03-04"),
        "b_republished": (republished, "2016-03-05"),
        "c_distinct": (article(2), "2016-03-04"),
    })  # fmt: skip


def test_a_republication_is_a_copy_pair_one_day_later(corpus: Path) -> None:
    pairs = copy_pairs(dated_texts(corpus))
    assert [(p.earlier.name, p.later.name, p.lag_days) for p in pairs] == [
        ("PolNeAR/a_original", "PolNeAR/b_republished", 1)
    ]


def test_window_holds_a_hidden_copy_date_but_not_an_earlier_original(corpus: Path) -> None:
    scores = score_windows(copy_pairs(dated_texts(corpus)))
    assert scores["pairs"] == 1 and scores["lags"] == [1]
    assert scores["coverage_copy_undated"] == 1.0
    assert scores["coverage_original_undated"] == 0.0


def test_copy_lag_command_ends_with_json(corpus: Path) -> None:
    result = runner.invoke(app, ["eval", "copy-lag", "--data", str(corpus)])
    assert result.exit_code == 0, result.output
    last = json.loads(result.stdout.strip().splitlines()[-1])
    assert last["texts"] == 3 and last["pairs"] == 1 and last["lag_max_days"] == 1


def test_copy_lag_without_dated_texts_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "copy-lag", "--data", str(tmp_path)])
    assert result.exit_code == 2
