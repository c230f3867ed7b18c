"""How the engine feeds its worker pool: a window of documents ahead of the writer, so the
workers keep annotating while this process writes a batch, and never more (bounded memory).

A thread pool stands in for the process pool: what is tested is the dispatch, not the
annotation (tests/test_engine.py compares real runs with one and two workers).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from sitrep import engine
from sitrep.engine import ExactCopy, in_flight_window
from sitrep.ingest.document import RawDocument, ReadFailure


def documents(n: int) -> list[RawDocument]:
    return [RawDocument(text=f"report {i}", origin=f"r{i}.txt") for i in range(n)]


def fake_annotation(raw: RawDocument, published: str | None) -> tuple[RawDocument, str]:
    # Later documents finish first: order must come from the engine, not from the pool.
    number = int(raw.text.split()[1])
    time.sleep(0.002 * (10 - number % 10))
    return raw, f"annotated {raw.text}"


@pytest.fixture
def thread_pool(monkeypatch: pytest.MonkeyPatch) -> Iterator[ThreadPoolExecutor]:
    monkeypatch.setattr(engine, "_annotate_in_worker", fake_annotation)
    with ThreadPoolExecutor(max_workers=4) as pool:
        yield pool


@pytest.mark.parametrize("window", [1, 3, 8, 40])
def test_outcomes_come_back_in_input_order_whatever_finishes_first(
    thread_pool: ThreadPoolExecutor, window: int
) -> None:
    docs = documents(30)
    outcomes: list[object] = list(engine._ordered_parallel(thread_pool, docs, None, window))
    assert outcomes == [(d, f"annotated {d.text}") for d in docs]


@pytest.mark.parametrize("window", [2, 8, 72])
def test_the_pool_gets_a_full_window_ahead_of_the_writer_and_never_more(
    thread_pool: ThreadPoolExecutor, window: int
) -> None:
    pulled = 0

    def counted() -> Iterator[RawDocument]:
        nonlocal pulled
        for doc in documents(100):
            pulled += 1
            yield doc

    ahead = []
    for written, _ in enumerate(engine._ordered_parallel(thread_pool, counted(), None, window)):
        # Documents read but not yet handed to the writer: what the workers live on while
        # it writes, and what bounds memory.
        ahead.append(pulled - written)
    assert max(ahead) == window
    assert ahead[0] == window  # the first write already finds a full window queued


def test_failures_and_copies_keep_their_place_without_going_to_the_pool(
    thread_pool: ThreadPoolExecutor,
) -> None:
    docs = documents(4)
    failure = ReadFailure("bad.jsonl:2", "not JSON")
    copy = ExactCopy(docs[0], "original-id")
    items: list[engine.Item] = [docs[0], failure, docs[1], copy, docs[2]]
    outcomes = list(engine._ordered_parallel(thread_pool, items, None, 2))
    assert outcomes[1] is failure and outcomes[3] is copy
    assert [o[0] for o in outcomes if isinstance(o, tuple)] == [docs[0], docs[1], docs[2]]


@pytest.mark.parametrize(("workers", "batch_size"), [(1, 32), (2, 32), (2, 4), (16, 32)])
def test_the_window_holds_more_than_a_batch_beyond_the_one_being_written(
    workers: int, batch_size: int
) -> None:
    # While one batch is written, every worker still has documents queued.
    assert in_flight_window(workers, batch_size) >= batch_size + workers
