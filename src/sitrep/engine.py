"""Runs the per-document stage over a stream of documents and writes the results.

The per-document stage (``annotate``) is pure, so it can run in this process or in
worker processes; results are written by this process alone, one transaction per
batch, in input order — so ``--workers N`` stores exactly what ``--workers 1`` does.
"""

from __future__ import annotations

import errno
import os
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING

from sitrep.errors import SitrepError
from sitrep.ingest import read_paths
from sitrep.ingest.document import RawDocument, ReadFailure
from sitrep.records import Report
from sitrep.settings import Settings
from sitrep.stages.state import report_id

if TYPE_CHECKING:
    from sitrep.resources import Resources
    from sitrep.store import Store

# Documents per write transaction: large enough that opening the store is amortised,
# small enough that a crash loses little work and readers get the lock often.
DEFAULT_BATCH_SIZE = 32
# Documents in flight per worker: keeps workers busy without reading the corpus ahead.
IN_FLIGHT_PER_WORKER = 4
# Errors of the machine, not of the document: every later document would fail the same
# way, so the run stops with one clear message instead of recording each as a failure.
MACHINE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS})

Outcome = tuple[RawDocument, Report] | ReadFailure


@dataclass(slots=True)
class IngestSummary:
    run_id: str
    seen: int = 0
    added: int = 0
    skipped: int = 0
    failures: list[ReadFailure] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def line(self) -> str:
        return (
            f"{self.seen} documents read: {self.added} added, {self.skipped} already stored, "
            f"{self.failed} failed (run {self.run_id})"
        )


ProgressCallback = Callable[[IngestSummary], None]


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
    # Bad configuration fails before the run is recorded or any worker starts.
    if workers == 1 and resources is None:
        from sitrep.resources import load_resources

        resources = load_resources(settings)
    elif workers > 1:
        from sitrep.resources import check_resources

        check_resources(settings)
    run_id = store.begin_run(
        {"paths": [str(p) for p in paths], "workers": workers, "model": settings.model}
    )
    summary = IngestSummary(run_id=run_id)
    fresh = _new_documents(read_paths(paths, settings), store, summary, batch_size)
    if workers == 1 and resources is not None:
        outcomes: Iterator[Outcome] = (_annotate_safely(raw, resources, published) for raw in fresh)
        _write_in_batches(outcomes, store, summary, batch_size, on_progress)
    else:
        ctx = get_context("spawn")  # fork would copy DuckDB's and spaCy's threads' state
        with ProcessPoolExecutor(
            max_workers=workers,
            mp_context=ctx,
            initializer=_init_worker,
            initargs=(settings,),
        ) as pool:
            outcomes = _ordered_parallel(pool, fresh, published, workers * IN_FLIGHT_PER_WORKER)
            _write_in_batches(outcomes, store, summary, batch_size, on_progress)
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


def _new_documents(
    items: Iterable[RawDocument | ReadFailure],
    store: Store,
    summary: IngestSummary,
    chunk: int,
) -> Iterator[RawDocument | ReadFailure]:
    """Drop documents whose content is already stored (or seen earlier in this run)."""
    seen_ids: set[str] = set()
    pending: list[RawDocument | ReadFailure] = []

    def flush() -> Iterator[RawDocument | ReadFailure]:
        ids = [report_id(d.text) for d in pending if isinstance(d, RawDocument)]
        stored = store.known_ids(ids) if ids else set()
        for item in pending:
            summary.seen += 1
            if isinstance(item, ReadFailure):
                yield item
                continue
            doc_id = report_id(item.text)
            if doc_id in stored or doc_id in seen_ids:
                summary.skipped += 1
                continue
            seen_ids.add(doc_id)
            yield item
        pending.clear()

    for item in items:
        pending.append(item)
        if len(pending) >= chunk:
            yield from flush()
    yield from flush()


def _annotate_safely(
    raw: RawDocument | ReadFailure, resources: Resources, published: str | None
) -> Outcome:
    if isinstance(raw, ReadFailure):
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


def _write_in_batches(
    outcomes: Iterable[Outcome],
    store: Store,
    summary: IngestSummary,
    batch_size: int,
    on_progress: ProgressCallback | None,
) -> None:
    items: list[tuple[RawDocument, Report]] = []
    failures: list[ReadFailure] = []

    def flush() -> None:
        if items or failures:
            result = store.write_batch(items, failures, summary.run_id)
            summary.added += result.added
            summary.skipped += result.skipped
            summary.failures.extend(failures)
            items.clear()
            failures.clear()
        if on_progress:
            on_progress(summary)

    for outcome in outcomes:
        if isinstance(outcome, ReadFailure):
            failures.append(outcome)
        else:
            items.append(outcome)
        if len(items) + len(failures) >= batch_size:
            flush()
        elif on_progress:
            on_progress(summary)
    flush()


# ----------------------------------------------------------------------- worker processes

_WORKER_RESOURCES: Resources | None = None


def _init_worker(settings: Settings) -> None:
    """Load the model and gazetteer once per worker process."""
    global _WORKER_RESOURCES
    from sitrep.resources import load_resources

    _WORKER_RESOURCES = load_resources(settings)


def _annotate_in_worker(raw: RawDocument, published: str | None) -> Outcome:
    assert _WORKER_RESOURCES is not None, "worker used before its initializer ran"
    return _annotate_safely(raw, _WORKER_RESOURCES, published)


def _ordered_parallel(
    pool: ProcessPoolExecutor,
    items: Iterable[RawDocument | ReadFailure],
    published: str | None,
    window: int,
) -> Iterator[Outcome]:
    """Annotate in the pool with at most ``window`` documents in flight, in input order."""
    in_flight: deque[Future[Outcome] | ReadFailure] = deque()
    for item in items:
        if isinstance(item, ReadFailure):
            in_flight.append(item)
        else:
            in_flight.append(pool.submit(_annotate_in_worker, item, published))
        while len(in_flight) >= window:
            yield _resolve(in_flight.popleft())
    while in_flight:
        yield _resolve(in_flight.popleft())


def _resolve(entry: Future[Outcome] | ReadFailure) -> Outcome:
    return entry if isinstance(entry, ReadFailure) else entry.result()


def default_workers() -> int:
    return max(1, min(2, os.cpu_count() or 1))
