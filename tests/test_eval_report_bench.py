"""The throughput benchmark (bench/throughput.py): options, texts, timing, its JSON line."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench" / "throughput.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("sitrep_bench_throughput", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # dataclasses look their module up in sys.modules while the module runs.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_defaults_time_two_hundred_documents(bench: ModuleType) -> None:
    args = bench.parse_args([])
    assert (args.docs, args.warmup, args.model, args.skip_sitrep) == (200, 5, None, False)


@pytest.mark.parametrize("argv", [["--docs", "0"], ["--docs", "-3"], ["--warmup", "-1"]])
def test_nonsense_counts_are_refused(bench: ModuleType, argv: list[str]) -> None:
    with pytest.raises(SystemExit):
        bench.parse_args(argv)


def test_texts_are_cycled_to_the_requested_count(bench: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("one two", encoding="utf-8")
    (tmp_path / "b.txt").write_text("three", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    texts = bench.load_texts([tmp_path, tmp_path / "missing"], 5)
    assert texts == ["one two", "three", "one two", "three", "one two"]


def test_no_texts_at_all_is_an_error(bench: ModuleType, tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        bench.load_texts([tmp_path], 3)


def test_warm_up_is_not_timed(bench: ModuleType) -> None:
    calls: list[str] = []
    timing = bench.time_runs(calls.append, ["a b", "c"], warmup=3)
    assert len(calls) == 5
    assert (timing.docs, timing.words) == (2, 3)
    assert timing.seconds >= 0


def test_summary_ratio_is_sitrep_over_spacy(bench: ModuleType) -> None:
    spacy_t = bench.Timing(docs=100, words=20_000, seconds=2.0)
    sitrep_t = bench.Timing(docs=100, words=20_000, seconds=8.0)
    out: dict[str, Any] = bench.summary(spacy_t, sitrep_t, "m")
    assert (out["spacy_docs_per_s"], out["docs_per_s"], out["ratio"]) == (50.0, 12.5, 0.25)
    assert out["peak_rss_mb"] > 0
    json.dumps(out)


def test_plain_spacy_run_prints_json_last(
    bench: ModuleType, nlp: Any, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitrep.resources import Resources
    from sitrep.settings import Settings

    fake = Resources(nlp=nlp, gazetteer=None, settings=Settings())  # type: ignore[arg-type]
    monkeypatch.setattr("sitrep.resources.load_resources", lambda settings: fake)
    assert bench.main(["--docs", "3", "--warmup", "1", "--skip-sitrep"]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    result = json.loads(last)
    assert result["docs"] == 3 and result["spacy_docs_per_s"] > 0
    assert result["ratio"] is None
