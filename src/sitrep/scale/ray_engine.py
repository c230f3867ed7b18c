"""``sitrep ingest --engine ray``: the per-document stage on a Ray cluster (docs/SCALE.md).

Ray Data reads the input files with sitrep's own readers and annotates them in a pool of
actors (each loads the model and gazetteer once). This process streams the annotated rows
back as the actors finish them (no ``preserve_order``: a finished block never waits in Ray
behind a slower one), appends each block to a Parquet shard of the run folder, puts its
rows back in run order (``reorder.RunOrderBuffer``) and loads them into the store at once,
one ``Store.write_batch`` per batch, which runs the cross-document stage: the store ends
exactly as after a local run on the same inputs, and the writer works while the actors
annotate.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitrep.allocator import fix_allocator_thresholds
from sitrep.engine import DEFAULT_BATCH_SIZE, IngestSummary
from sitrep.errors import ConfigError, SitrepError
from sitrep.scale.reorder import FILE_ROWS, RunOrderBuffer, end_marker, is_end_marker
from sitrep.scale.shards import (
    REPORT_PICKLE,
    SHARD_COLUMNS,
    ProgressCallback,
    Row,
    ShardWriter,
    annotated_row,
    read_row,
    store_rows,
)
from sitrep.scale.sources import InputFile, list_inputs, read_input
from sitrep.settings import Settings

if TYPE_CHECKING:
    import pyarrow as pa
    import ray.data

    from sitrep.store import Store

# Ray Data joins a task's output into blocks up to this size, and a block is annotated by
# one actor: small blocks (a few reports each) spread even ten files or a single large
# JSONL file over every actor.
BLOCK_BYTES = 32 * 1024
# Reports per call of an actor: amortises the call, small enough to keep actors even. It
# was 8; with the per-report work ~20 % cheaper since session 9, Ray's marginal rate fell to
# 1.47-1.86x one worker (five runs) and 32 gave 1.59-1.95x (four runs; docs/SCALE.md,
# session 12).
ACTOR_BATCH = 32
# Annotated blocks Ray may hold ready for this process beyond the one being loaded: the
# actors go on annotating while a batch is written and linked (0.3-2 s).
PREFETCH_BLOCKS = 4
# Files named per read task when the inputs are many small files.
FILES_PER_READ_TASK = 64
# Run order is kept by the driver's reorder buffer, not by Ray's ordered output (which
# held finished blocks in Ray's queue instead; either way the actors' idle share was the
# same: docs/SCALE.md, session 5). True only to compare.
PRESERVE_ORDER = False
# Calls an actor takes at once. Ray Data still runs the annotator one call at a time (the
# model sees one thread), but fetches the next input and ships the last output beside it:
# with 1 an actor sat idle ~70-90 ms between calls of 8 reports (~11 % of its time; 0.1-0.4 %
# with 2: `bench/ingest.py --ray-idle`, docs/SCALE.md, session 5).
ACTOR_CONCURRENT_CALLS = 2
# Tasks queued on each actor: None is Ray Data's default (2 per concurrent call).
ACTOR_TASKS_IN_FLIGHT: int | None = None
# Output blocks a call may hold before this process's Ray Data executor takes them. Ray
# Data's default, 2, paused a call of 8 reports (~4 blocks of ~32 KB) until the driver's
# executor thread, which shares the GIL with the store writes, took the first ones; with
# actors faster than the driver they idled 67-77 % of their window, 36-53 % with 16
# (bench/ingest.py --ray-idle --cached-annotation, docs/SCALE.md, session 9). A call
# yields at most one block per report, so with ACTOR_BATCH it never waits on the driver.
STREAMING_GEN_BUFFER_BLOCKS = ACTOR_BATCH


def ingest_with_ray(
    paths: Sequence[str | Path],
    store: Store,
    settings: Settings,
    *,
    workers: int | None = None,
    address: str | None = None,
    shards_dir: Path | None = None,
    keep_shards: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    published: str | None = None,
    on_progress: ProgressCallback | None = None,
) -> IngestSummary:
    """Read, annotate (on Ray) and store every document under ``paths``.

    ``workers`` is the number of annotating actors (default: every CPU of the cluster).
    Without ``address`` and with no Ray already initialised in this process, a local
    cluster of ``workers`` CPUs (default: all of this machine's) is started and shut down
    afterwards. Shards go to ``shards_dir/RUN_ID`` (default: next to the store), a folder
    every node must reach on a real cluster; it is removed once loaded unless
    ``keep_shards``.
    """
    if workers is not None and workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    _require_ray()
    from sitrep.resources import check_resources

    check_resources(settings)  # bad configuration fails before the run is recorded
    fix_allocator_thresholds()  # the driver writes the store: freed large blocks go back
    inputs = list_inputs(paths)
    run_id = store.begin_run(
        {
            "paths": [str(p) for p in paths],
            "workers": workers,
            "model": settings.model,
            "engine": "ray",
            "address": address,
        }
    )
    summary = IngestSummary(run_id=run_id)
    folder = (shards_dir or default_shards_dir(store.path)) / run_id
    # One writer connection for the whole load, as the local engine holds it (docs/CORPUS.md);
    # the rows are loaded as the cluster sends them, while it annotates the next ones.
    with ray_cluster(address, workers) as actors, store.holding():
        rows = annotated_rows(inputs, folder, settings, published=published, actors=actors)
        store_rows(rows, store, summary, batch_size=batch_size, on_progress=on_progress)
        store.finish_run(
            summary.run_id,
            {
                "seen": summary.seen,
                "added": summary.added,
                "skipped": summary.skipped,
                "failed": summary.failed,
            },
        )
    if not keep_shards:
        shutil.rmtree(folder, ignore_errors=True)
        if shards_dir is None:
            with contextlib.suppress(OSError):  # still holds another run's shards
                folder.parent.rmdir()
    return summary


def default_shards_dir(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".shards")


def _require_ray() -> None:
    try:
        import ray.data  # noqa: F401
    except ImportError:
        raise ConfigError(
            "the Ray engine needs Ray Data; install the extra: pip install 'sitrep[ray]'"
        ) from None


@contextmanager
def ray_cluster(address: str | None, workers: int | None) -> Iterator[int]:
    """Ray initialised for this run; yields how many annotating actors to start.

    A Ray already initialised by the caller is used as it is and left running.
    """
    import ray

    started = False
    if not ray.is_initialized():
        if address:
            ray.init(address=address, log_to_driver=False, logging_level=logging.WARNING)
        else:
            ray.init(
                num_cpus=workers or os.cpu_count() or 1,
                include_dashboard=False,
                log_to_driver=False,
                logging_level=logging.WARNING,
            )
        started = True
    try:
        cpus = int(ray.cluster_resources().get("CPU", 0))  # type: ignore[no-untyped-call]
        if cpus < 1:
            raise ConfigError(f"the Ray cluster at {address or 'this machine'} has no CPU")
        yield workers or cpus
    finally:
        if started:
            ray.shutdown()


def annotated_rows(
    inputs: Sequence[InputFile],
    folder: Path,
    settings: Settings,
    *,
    published: str | None,
    actors: int,
) -> Iterator[Row]:
    """Run the read and per-document stages on Ray; yield the shard rows in run order as
    soon as every earlier row is done. Each block is appended to the shards under
    ``folder`` as it arrives (in the order the actors finish: the shards are read back
    sorted), then its rows wait in a reorder buffer until their turn."""
    folder.mkdir(parents=True, exist_ok=True)
    if not inputs:
        return
    dataset = annotated_dataset(inputs, settings, published=published, actors=actors)
    in_order = RunOrderBuffer(len(inputs))
    with ShardWriter(folder, shard_schema()) as shards:
        blocks = iter(dataset.iter_batches(
            batch_size=None, batch_format="pyarrow", prefetch_batches=PREFETCH_BLOCKS
        ))  # fmt: skip
        while (table := _next_block(blocks, folder)) is not None:
            shards.write(shard_part(table))
            for row in table.to_pylist():
                yield from in_order.add(row)
    try:
        in_order.finish()
    except ValueError as exc:
        raise SitrepError(f"the Ray run lost rows (shards in {folder}): {exc}") from None


def shard_part(table: pa.Table) -> pa.Table:
    """What a shard keeps of an annotated block: its documents, without transit columns."""
    import pyarrow.compute as pc

    documents = table.filter(pc.field("rec_seq") >= 0)  # end markers are no documents
    return documents.drop_columns([FILE_ROWS, REPORT_PICKLE])


def _next_block(blocks: Iterator[pa.Table], folder: Path) -> pa.Table | None:
    """The next annotated block, None at the end; Ray's failures as a SitrepError."""
    try:
        return next(blocks, None)
    except Exception as exc:
        raise _as_sitrep_error(exc, folder) from exc


def annotated_dataset(
    inputs: Sequence[InputFile], settings: Settings, *, published: str | None, actors: int
) -> ray.data.Dataset:
    """The lazy Ray Data pipeline: input files -> read tasks -> annotating actors, its
    blocks in the order they finish (the driver restores run order: the loader applies
    the duplicate rule in the local engine's order)."""
    import ray.data

    context = ray.data.DataContext.get_current()
    context.target_max_block_size = BLOCK_BYTES
    context.enable_progress_bars = False
    context.execution_options.preserve_order = PRESERVE_ORDER
    context._max_num_blocks_in_streaming_gen_buffer = STREAMING_GEN_BUFFER_BLOCKS
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    files = ray.data.from_items(
        [asdict(item) for item in inputs],
        override_num_blocks=max(1, -(-len(inputs) // FILES_PER_READ_TASK)),
    )
    # Reading holds no CPU reservation: the actors hold every CPU for the whole run, and
    # a reservation would leave the read tasks waiting for ever.
    documents = files.map_batches(
        read_files,  # type: ignore[arg-type]  # settings comes from fn_kwargs
        fn_kwargs={"settings": settings},
        batch_format="pyarrow",
        batch_size=None,
        num_cpus=0,
        compute=ray.data.TaskPoolStrategy(size=actors),
    )
    return documents.map_batches(
        Annotator,
        fn_constructor_kwargs={"settings": settings, "published": published},
        batch_format="pyarrow",
        batch_size=ACTOR_BATCH,
        num_cpus=1,
        compute=ray.data.ActorPoolStrategy(
            size=actors,
            max_tasks_in_flight_per_actor=ACTOR_TASKS_IN_FLIGHT,
            max_concurrent_calls_per_actor=ACTOR_CONCURRENT_CALLS,
        ),
    )


def shard_schema() -> pa.Schema:
    import pyarrow as pa

    return pa.schema(
        [
            (name, pa.int64() if name in ("file_seq", "rec_seq") else pa.string())
            for name in SHARD_COLUMNS
        ]
    )


def read_schema() -> pa.Schema:
    """A row as read: a shard row and, on a file's last row, how many rows the file gave."""
    import pyarrow as pa

    return shard_schema().append(pa.field(FILE_ROWS, pa.int64()))


def transit_schema() -> pa.Schema:
    """An annotated row on its way to the loader: a read row and its Report pickled."""
    import pyarrow as pa

    return read_schema().append(pa.field(REPORT_PICKLE, pa.binary()))


def read_files(batch: pa.Table, settings: Settings) -> Iterator[pa.Table]:
    """A Ray Data step: input files in, one row per document out (not annotated)."""
    import pyarrow as pa

    schema = read_schema()
    rows: list[dict[str, Any]] = []
    for named in batch.to_pylist():
        for row in file_rows(InputFile(**named), settings):
            rows.append(row)
            if len(rows) >= ACTOR_BATCH:
                yield pa.Table.from_pylist(rows, schema=schema)
                rows = []
    if rows:
        yield pa.Table.from_pylist(rows, schema=schema)


def file_rows(item: InputFile, settings: Settings) -> Iterator[Row]:
    """The rows of one input file in order; the last says how many the file gave (an end
    marker stands for a file that gave none), so the driver can tell when it is done."""
    last: Row | None = None
    for rec_seq, document in enumerate(read_input(item, settings)):
        if last is not None:
            yield last
        last = {**read_row(item.seq, rec_seq, document), FILE_ROWS: None}
    if last is None:
        yield end_marker(item.seq, SHARD_COLUMNS)
    else:
        last[FILE_ROWS] = last["rec_seq"] + 1
        yield last


class Annotator:
    """A Ray Data actor: the model and gazetteer are loaded once, in the constructor."""

    def __init__(self, settings: Settings, published: str | None) -> None:
        from sitrep.resources import load_resources

        self.resources = load_resources(settings)
        self.published = published
        self.schema = transit_schema()

    def __call__(self, batch: pa.Table) -> pa.Table:
        import pyarrow as pa

        rows = [
            row if is_end_marker(row) else annotated_row(row, self.resources, self.published)
            for row in batch.to_pylist()
        ]
        return pa.Table.from_pylist(rows, schema=self.schema)


def _as_sitrep_error(exc: Exception, folder: Path) -> SitrepError:
    """The first SitrepError behind Ray's wrappers (a full disk, say), else a clear one."""
    seen: Exception | BaseException | None = exc
    while seen is not None:
        if isinstance(seen, SitrepError):
            return SitrepError(str(seen).splitlines()[-1] if str(seen) else type(seen).__name__)
        seen = seen.__cause__ or seen.__context__
    return SitrepError(
        f"the Ray run failed; the reports loaded before it are stored, a rerun skips them "
        f"(shards so far in {folder}): "
        f"{type(exc).__name__}: {exc}"
    )
