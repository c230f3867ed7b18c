"""Runs the per-document stage over a stream of documents and writes the results.

The per-document stage (``annotate``) is pure, so it can run in this process or in
worker processes; results are written by this process alone, one transaction per
batch, in input order — so ``--workers N`` stores exactly what ``--workers 1`` does.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path
from typing import TYPE_CHECKING, overload

from sitrep.allocator import fix_allocator_thresholds
from sitrep.errors import SitrepError
from sitrep.ingest import read_paths
from sitrep.ingest.document import RawDocument, ReadFailure
from sitrep.records import Report
from sitrep.settings import Settings
from sitrep.stages.state import report_id
from sitrep.store.copies import copy_id, source_key

if TYPE_CHECKING:
    from sitrep.resources import Resources
    from sitrep.store import Store

# Documents per write transaction: large enough that opening the store is amortised,
# small enough that a crash loses little work and readers get the lock often.
DEFAULT_BATCH_SIZE = 32
# Documents in flight per worker: keeps workers busy without reading the corpus ahead.
IN_FLIGHT_PER_WORKER = 4
# ... plus this many batches: while this process writes a batch (0.3-2 s: linking costs
# 5-30 ms per report) the workers annotate what is already queued. With 4 per worker
# alone they ran dry during every write: --workers 2 was 1.16x --workers 1
# (bench/ingest.py --docs 300, docs/SCALE.md).
IN_FLIGHT_BATCHES = 2
# Errors of the machine, not of the document: every later document would fail the same
# way, so the run stops with one clear message instead of recording each as a failure.
MACHINE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS})



@dataclass(frozen=True, slots=True)
class ExactCopy:
    """A document whose text is an already seen report's, from another source: recorded
    as a source of that report's story, not annotated again."""

    raw: RawDocument
    original_id: str


Item = RawDocument | ReadFailure | ExactCopy
Outcome = tuple[RawDocument, Report] | ReadFailure | ExactCopy


@dataclass(slots=True)
class IngestSummary:
    run_id: str
    seen: int = 0
    added: int = 0
    skipped: int = 0
    # Of ``added``: exact copies of another source's text (stored without annotation).
    copies: int = 0
    failures: list[ReadFailure] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def line(self) -> str:
        copies = f" ({self.copies} exact copies of other sources)" if self.copies else ""
        return (
            f"{self.seen} documents read: {self.added} added{copies}, {self.skipped} already "
            f"stored, {self.failed} failed (run {self.run_id})"
        )


ProgressCallback = Callable[[IngestSummary], None]


@dataclass(slots=True)
class UncommittedSources:
    """What the duplicate rule remembers of this run: the source key of each report it
    let through, and each exact copy, until the writer commits them. Once committed the
    store answers for them, so the memory is the in-flight window, not the run: held for
    the whole run it grew by ~0.2 KB a report (19 MB at 100k, docs/SCALE.md, session 11).
    A report whose annotation failed is never committed, so it is remembered to the end
    and a later copy of its text is skipped, as before."""

    keys: dict[str, str] = field(default_factory=dict)  # report id -> source key
    copies: set[str] = field(default_factory=set)  # copy ids

    def committed(
        self, reports: Iterable[Report], copies: Iterable[tuple[RawDocument, str]]
    ) -> None:
        for report in reports:
            self.keys.pop(report.id, None)
        for raw, original_id in copies:
            # A copy of a report that failed is not stored: the store cannot answer for
            # it, so it stays here with its original.
            if original_id not in self.keys:
                self.copies.discard(copy_id(original_id, raw))


def ingest(
    paths: Sequence[str | Path],
    store: Store,
    settings: Settings,
    *,
    workers: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    published: str | None = None,
    resources: Resources | None = None,
    on_progress: ProgressCallback | None = None,
) -> IngestSummary:
    """Read, annotate and store every document under ``paths``.

    Documents already in the store (same content id) are not annotated again, so a
    rerun after a crash resumes where the last committed batch ended.
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    # Before the workers fork, so they inherit it: freed large blocks go back to the system.
    fix_allocator_thresholds()
    # Bad configuration fails before the run is recorded or any worker starts.
    if (workers == 1 or _CAN_FORK) and resources is None:
        from sitrep.resources import load_resources

        resources = load_resources(settings)
    elif workers > 1:
        from sitrep.resources import check_resources

        check_resources(settings)
    with contextlib.ExitStack() as stack:
        pool = None
        if workers > 1:
            # Started before the store is opened: forked workers share this process's
            # loaded model (copy-on-write) and never see a DuckDB connection.
            pool = stack.enter_context(_worker_pool(workers, settings, resources))
        # One writer connection for the whole run: reopening the file per batch made the
        # per-report cost grow with the store (docs/CORPUS.md, bench/corpus_scale.py).
        stack.enter_context(store.holding())
        return _ingest_holding(
            paths, store, settings, workers, batch_size, published, resources, on_progress,
            pool,
        )  # fmt: skip
    raise AssertionError("unreachable")  # for mypy: ExitStack may swallow exceptions


def _worker_pool(
    workers: int, settings: Settings, resources: Resources | None
) -> ProcessPoolExecutor:
    """A pool whose workers have the model loaded: forked from this process when it has
    the resources (no second load: a spawned worker spent seconds loading the model, which
    ate the gain of a second worker on runs of a few hundred reports, bench/ingest.py),
    else spawned and loading them once each."""
    global _WORKER_RESOURCES
    if _CAN_FORK and resources is not None:
        _WORKER_RESOURCES = resources
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=get_context("fork"))
    else:
        pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=get_context("spawn"),
            initializer=_init_worker,
            initargs=(settings,),
        )
    # A forking pool starts all its workers at the first task: make it now. Frozen, the
    # loaded model's objects are never visited by the workers' garbage collector, so
    # their memory pages stay shared with this process instead of being copied.
    gc.freeze()
    try:
        pool.submit(os.getpid).result()
    finally:
        gc.unfreeze()
    return pool


def _ingest_holding(
    paths: Sequence[str | Path],
    store: Store,
    settings: Settings,
    workers: int,
    batch_size: int,
    published: str | None,
    resources: Resources | None,
    on_progress: ProgressCallback | None,
    pool: ProcessPoolExecutor | None,
) -> IngestSummary:
    run_id = store.begin_run(
        {"paths": [str(p) for p in paths], "workers": workers, "model": settings.model}
    )
    summary = IngestSummary(run_id=run_id)
    uncommitted = UncommittedSources()
    fresh = new_documents(read_paths(paths, settings), store, summary, batch_size, uncommitted)
    if pool is None and resources is not None:
        outcomes: Iterator[Outcome] = (annotate_safely(raw, resources, published) for raw in fresh)
    else:
        assert pool is not None
        window = in_flight_window(workers, batch_size)
        outcomes = _ordered_parallel(pool, fresh, published, window)
    write_in_batches(outcomes, store, summary, batch_size, on_progress, uncommitted)
    store.finish_run(
        run_id,
        {
            "seen": summary.seen,
            "added": summary.added,
            "skipped": summary.skipped,
            "failed": summary.failed,
        },
    )
    return summary


def new_documents(
    items: Iterable[RawDocument | ReadFailure],
    store: Store,
    summary: IngestSummary,
    chunk: int,
    uncommitted: UncommittedSources | None = None,
) -> Iterator[Item]:
    """The duplicate rule of every engine: ``items`` in order, without the documents
    already stored (or seen earlier in this run) from the same source; the same text from
    another source becomes an ``ExactCopy``. Counts ``seen`` and ``skipped`` in
    ``summary``; asks the store about ``chunk`` documents at a time. What it lets through
    is remembered in ``uncommitted`` until ``write_in_batches`` commits it (given the
    same object); without one, for the whole run."""
    # Source key of each report let through and not yet in the store, and the copies
    # likewise: what a later document with the same text is compared with.
    uncommitted = uncommitted if uncommitted is not None else UncommittedSources()
    seen, seen_copies = uncommitted.keys, uncommitted.copies
    pending: list[RawDocument | ReadFailure] = []

    def flush() -> Iterator[Item]:
        raws = [d for d in pending if isinstance(d, RawDocument)]
        ids = {id(d): report_id(d.text) for d in raws}
        stored_keys = store.source_keys(set(ids.values()) - seen.keys()) if raws else {}
        # The source each document's text was first seen from (None: it is new).
        first: dict[str, str] = {}
        original_key: dict[int, str | None] = {}
        for d in raws:
            doc_id = ids[id(d)]
            known = seen.get(doc_id) or stored_keys.get(doc_id) or first.get(doc_id)
            original_key[id(d)] = known
            if known is None:
                first[doc_id] = source_key(d)
        copies = {
            id(d): copy_id(ids[id(d)], d)
            for d in raws
            if _is_other_source(d, original_key[id(d)])
        }
        stored_copies = store.known_ids(copies.values()) if copies else set()
        for item in pending:
            summary.seen += 1
            if isinstance(item, ReadFailure):
                yield item
                continue
            doc_id = ids[id(item)]
            if original_key[id(item)] is None:
                seen[doc_id] = source_key(item)
                yield item
            elif id(item) in copies and not (
                copies[id(item)] in stored_copies or copies[id(item)] in seen_copies
            ):
                seen_copies.add(copies[id(item)])
                yield ExactCopy(item, doc_id)
            else:
                summary.skipped += 1
        pending.clear()

    for item in items:
        pending.append(item)
        if len(pending) >= chunk:
            yield from flush()
    yield from flush()


def _is_other_source(raw: RawDocument, original_key: str | None) -> bool:
    return original_key is not None and source_key(raw) != original_key


@overload
def annotate_safely(
    raw: RawDocument | ReadFailure, resources: Resources, published: str | None
) -> tuple[RawDocument, Report] | ReadFailure: ...
@overload
def annotate_safely(raw: Item, resources: Resources, published: str | None) -> Outcome: ...
def annotate_safely(raw: Item, resources: Resources, published: str | None) -> Outcome:
    """The per-document stage of every engine: ``raw`` annotated, or the failure that
    stands for it (a bad document never stops a run; a full disk does, with
    ``SitrepError``). Read failures and exact copies pass through unchanged."""
    if isinstance(raw, ReadFailure | ExactCopy):
        return raw
    from sitrep.stages.pipeline import annotate

    try:
        return raw, annotate(raw, resources, published=published)
    except OSError as exc:
        if exc.errno in MACHINE_ERRNOS:
            raise SitrepError(
                f"cannot annotate {raw.origin}: {exc.strerror or exc} (a temporary or model "
                f"file could not be written); free space and rerun: stored reports are kept"
            ) from exc
        return _extraction_failure(raw, exc)
    except Exception as exc:  # a bad document must not stop the batch
        return _extraction_failure(raw, exc)


def _extraction_failure(raw: RawDocument, exc: Exception) -> ReadFailure:
    where = traceback.extract_tb(exc.__traceback__)[-1]
    return ReadFailure(
        raw.origin,
        f"extraction failed: {type(exc).__name__}: {exc} "
        f"(at {Path(where.filename).name}:{where.lineno})",
    )


def write_in_batches(
    outcomes: Iterable[Outcome],
    store: Store,
    summary: IngestSummary,
    batch_size: int,
    on_progress: ProgressCallback | None,
    uncommitted: UncommittedSources | None = None,
) -> None:
    """The writer of every engine: ``outcomes`` stored in order, ``batch_size`` per
    ``Store.write_batch`` transaction, counts added to ``summary``; each committed batch
    is forgotten by ``uncommitted`` (the duplicate rule's memory, see ``new_documents``)."""
    items: list[tuple[RawDocument, Report]] = []
    failures: list[ReadFailure] = []
    copies: list[tuple[RawDocument, str]] = []

    def flush() -> None:
        if items or failures or copies:
            # The three-argument call unless there are copies: stores wrapped by other
            # engines and tests keep working.
            extra = {"copies": copies} if copies else {}
            result = store.write_batch(items, failures, summary.run_id, **extra)
            summary.added += result.added
            summary.skipped += result.skipped
            summary.copies += result.copies
            summary.failures.extend(failures)
            if uncommitted is not None:
                uncommitted.committed((report for _, report in items), copies)
            items.clear()
            failures.clear()
            copies.clear()
        if on_progress:
            on_progress(summary)

    for outcome in outcomes:
        if isinstance(outcome, ReadFailure):
            failures.append(outcome)
        elif isinstance(outcome, ExactCopy):
            copies.append((outcome.raw, outcome.original_id))
        else:
            items.append(outcome)
        if len(items) + len(failures) + len(copies) >= batch_size:
            flush()
        elif on_progress:
            on_progress(summary)
    flush()


# ----------------------------------------------------------------------- worker processes

_WORKER_RESOURCES: Resources | None = None
# fork (Linux) lets workers inherit the loaded model; spawn elsewhere.
_CAN_FORK = "fork" in get_all_start_methods()


def _init_worker(settings: Settings) -> None:
    """Load the model and gazetteer once per worker process."""
    global _WORKER_RESOURCES
    from sitrep.resources import load_resources

    _WORKER_RESOURCES = load_resources(settings)


def _annotate_in_worker(raw: RawDocument, published: str | None) -> Outcome:
    assert _WORKER_RESOURCES is not None, "worker used before its initializer ran"
    return annotate_safely(raw, _WORKER_RESOURCES, published)


def in_flight_window(workers: int, batch_size: int) -> int:
    """Documents submitted to the pool and not yet written: what bounds memory (documents
    and their reports) and what the workers live on while this process writes."""
    return workers * IN_FLIGHT_PER_WORKER + IN_FLIGHT_BATCHES * batch_size


def _ordered_parallel(
    pool: Executor,
    items: Iterable[Item],
    published: str | None,
    window: int,
) -> Iterator[Outcome]:
    """Annotate in the pool with at most ``window`` documents in flight, in input order."""
    in_flight: deque[Future[Outcome] | ReadFailure | ExactCopy] = deque()
    for item in items:
        if isinstance(item, ReadFailure | ExactCopy):
            in_flight.append(item)
        else:
            in_flight.append(pool.submit(_annotate_in_worker, item, published))
        while len(in_flight) >= window:
            yield _resolve(in_flight.popleft())
    while in_flight:
        yield _resolve(in_flight.popleft())


def _resolve(entry: Future[Outcome] | ReadFailure | ExactCopy) -> Outcome:
    return entry if isinstance(entry, ReadFailure | ExactCopy) else entry.result()


def default_workers() -> int:
    return max(1, min(2, os.cpu_count() or 1))
