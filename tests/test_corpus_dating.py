"""Corpus dating: an undated copy of a dated report is dated by its original, in the store."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from sitrep.corpus.dating import MAX_COPY_LAG_DAYS, Original, copy_window
from sitrep.evaluation.corpus_perturb import reorder, synonyms
from sitrep.records import Published
from sitrep.settings import Settings
from sitrep.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"
ORIGINAL = Original("abc123", "2024-06-02", "kupiansk.jsonl")


def content(first: str, last: str) -> Published:
    return Published(estimated=True, window=(first, last), basis="content", evidence=("x",))


@pytest.mark.parametrize(
    ("own", "crawled", "window"),
    [
        # Nothing of its own: from the original's day to the measured lag after it.
        (Published(), None, ("2024-06-02", "2024-07-02")),
        # Its own content window agrees: both hold.
        (content("2024-05-01", "2024-06-20"), None, ("2024-06-02", "2024-06-20")),
        (content("2024-06-10", "2025-01-31"), None, ("2024-06-10", "2024-07-02")),
        # It disagrees: the window covers both rather than trust either.
        (content("2023-01-01", "2023-03-01"), None, ("2023-01-01", "2024-07-02")),
        (content("2024-09-01", "2024-12-31"), None, ("2024-06-02", "2024-12-31")),
        # Fetched before the lag ran out: not published after the fetch.
        (Published(), "2024-06-05", ("2024-06-02", "2024-06-05")),
        # A window the corpus set before is not evidence: computed again from the original.
        (
            Published(estimated=True, window=("2024-08-01", "2024-08-31"), basis="corpus"),
            None,
            ("2024-06-02", "2024-07-02"),
        ),
    ],
)
def test_undated_copy_is_published_on_or_after_its_original(
    own: Published, crawled: str | None, window: tuple[str, str]
) -> None:
    published = copy_window(own, ORIGINAL, crawled)
    assert published.window == window
    assert published.basis == "corpus" and published.estimated and published.date is None
    assert "abc123" in published.evidence[0] and "2024-06-02" in published.evidence[0]


def test_lag_bound_stays_within_the_width_target() -> None:
    assert 8 <= MAX_COPY_LAG_DAYS <= 60


# ---------------------------------------------------------------- through the store

DATED = "2024-06-02"


def write_inputs(folder: Path) -> dict[str, Path]:
    """A dated original (JSONL metadata), an undated spun copy, an undated other report."""
    text = (EXAMPLES / "kupiansk_strike_a.txt").read_text(encoding="utf-8")
    rng = random.Random(3)
    paths = {
        "original": folder / "original.jsonl",
        "copy": folder / "copy.txt",
        "other": folder / "other.txt",
    }
    record = {"text": text, "published": DATED, "url": "https://example.org/kupiansk"}
    paths["original"].write_text(json.dumps(record) + "\n", encoding="utf-8")
    paths["copy"].write_text(reorder(synonyms(text, rng), rng), encoding="utf-8")
    other = (EXAMPLES / "kherson_evacuation.txt").read_text(encoding="utf-8")
    paths["other"].write_text(other, encoding="utf-8")
    return paths


def doc_of(store: Store, path: Path) -> Any:
    (doc,) = [d for d in store.documents() if d.path and d.path.endswith(path.name)]
    return doc


def ingest(paths: list[Path], db: Path, resources: Any) -> Store:
    from sitrep.engine import ingest as run

    store = Store(db)
    summary = run(paths, store, Settings(), resources=resources)
    assert summary.failed == 0
    return store


@pytest.fixture()
def inputs(tmp_path: Path) -> dict[str, Path]:
    if not EXAMPLES.is_dir():
        pytest.skip("examples/articles not found")
    return write_inputs(tmp_path)


@pytest.mark.parametrize("copy_first", [False, True], ids=["original-first", "copy-first"])
def test_undated_copy_in_the_store_is_dated_by_its_original(
    inputs: dict[str, Path], tmp_path: Path, resources: Any, copy_first: bool
) -> None:
    db = tmp_path / "dating.duckdb"
    if copy_first:  # the copy is stored first; the original's arrival dates it
        ingest([inputs["copy"], inputs["other"]], db, resources)
        store = ingest([inputs["original"]], db, resources)
    else:
        store = ingest([inputs["original"], inputs["copy"], inputs["other"]], db, resources)
    original, copy = doc_of(store, inputs["original"]), doc_of(store, inputs["copy"])
    assert original.published == DATED
    assert copy.published is None and copy.published_estimated
    assert copy.published_window is not None and copy.published_window[0] == DATED
    report = store.report(copy.id)
    assert report is not None and report.published.basis == "corpus"
    assert original.id in report.published.evidence[0]
    # The copy's window starts on the original's date; it must not become the original.
    story = store.story(copy.id)
    assert story is not None
    assert [m.doc_id for m in story.members if m.original] == [original.id]


def test_unrelated_undated_report_is_not_dated_by_the_corpus(
    inputs: dict[str, Path], tmp_path: Path, resources: Any
) -> None:
    store = ingest(list(inputs.values()), tmp_path / "other.duckdb", resources)
    other = store.report(doc_of(store, inputs["other"]).id)
    assert other is not None and other.published.basis != "corpus"
