"""The duplicate rule remembers a run's reports only until they are committed: after that
the store answers for them, so the writer's memory is the in-flight window, not the run
(issue 9: memory flat at 100k reports), and what is stored is the same as before."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from sitrep import engine
from sitrep.engine import IngestSummary, UncommittedSources, new_documents, write_in_batches
from sitrep.ingest.document import RawDocument, ReadFailure
from sitrep.resources import Resources
from sitrep.stages import pipeline
from sitrep.store import Store

BATCH = 4


def report(i: int, url: str | None = None) -> RawDocument:
    return RawDocument(
        text=f"Floods cut the road to Kassala on Monday, report {i} said.",
        origin=f"feed.jsonl:{i}",
        url=url or f"https://wire.example/{i}",
    )


def run(
    items: Sequence[RawDocument | ReadFailure], store: Store, resources: Resources
) -> tuple[IngestSummary, UncommittedSources, list[int]]:
    """Ingest ``items`` through the engine's own rule and writer, noting how many reports
    the rule remembers each time it hands one on."""
    summary = IngestSummary(run_id=store.begin_run({}))
    uncommitted = UncommittedSources()
    remembered: list[int] = []

    def watched() -> Iterator[engine.Item]:
        for item in new_documents(items, store, summary, BATCH, uncommitted):
            remembered.append(len(uncommitted.keys) + len(uncommitted.copies))
            yield item

    outcomes = (engine.annotate_safely(i, resources, None) for i in watched())
    with store.holding():
        write_in_batches(outcomes, store, summary, BATCH, None, uncommitted)
    return summary, uncommitted, remembered


def test_committed_reports_are_forgotten_and_memory_stays_within_a_batch_and_a_chunk(
    tmp_path: Path, resources: Resources
) -> None:
    store = Store(tmp_path / "s.duckdb")
    summary, uncommitted, remembered = run([report(i) for i in range(30)], store, resources)
    assert summary.added == 30
    assert uncommitted.keys == {} and uncommitted.copies == set()
    # Never more than what the writer holds plus the chunk the rule is reading.
    assert max(remembered) <= 2 * BATCH


def test_a_report_read_again_after_its_batch_was_committed_is_still_skipped(
    tmp_path: Path, resources: Resources
) -> None:
    store = Store(tmp_path / "s.duckdb")
    items = [report(i) for i in range(12)] + [report(1)]
    summary, _, _ = run(items, store, resources)
    assert (summary.added, summary.skipped) == (12, 1)
    assert len(store.documents()) == 12


def test_a_copy_from_another_outlet_after_the_original_was_committed_is_stored_once(
    tmp_path: Path, resources: Resources
) -> None:
    store = Store(tmp_path / "s.duckdb")
    copy = report(0, url="https://daily.example/0")
    items = [report(i) for i in range(10)] + [copy] * 2
    summary, uncommitted, _ = run(items, store, resources)
    assert (summary.added, summary.copies, summary.skipped) == (11, 1, 1)
    assert uncommitted.copies == set()


def test_a_report_whose_annotation_failed_is_remembered_so_its_copies_are_skipped(
    tmp_path: Path, resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = pipeline.annotate

    def failing_on_report_3(raw, resources, published=None):  # type: ignore[no-untyped-def]
        if "report 3 " in raw.text:
            raise ValueError("a bad document")
        return real(raw, resources, published=published)

    monkeypatch.setattr(pipeline, "annotate", failing_on_report_3)
    store = Store(tmp_path / "s.duckdb")
    items = [report(i) for i in range(10)] + [report(3)]
    summary, uncommitted, _ = run(items, store, resources)
    assert (summary.added, summary.failed, summary.skipped) == (9, 1, 1)
    # Not in the store, so the rule keeps it: the store could not answer for it.
    assert list(uncommitted.keys.values()) == ["https://wire.example/3"]
