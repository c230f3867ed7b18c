"""The web app's read connections: one read-only DuckDB instance kept warm across requests.

Opening the file costs 15-90 ms (more under load) and starts with a cold buffer cache;
a request's own query on 100k events takes about as long. So the app keeps one read-only
instance open while requests come and gives every request its own cursor on it (DuckDB
cursors are separate connections to one instance, safe to use from parallel threads).

DuckDB lets one process write a file or many read it, never both, so the instance must
not keep an ingest in another process out: it is let go when no request came for
``idle_s``, and at the latest ``max_hold_s`` after it was opened, after which new requests
wait ``pause_s`` so that a writer retrying its open (every 5-25 ms,
``store/connection.py``) gets in. A reopened instance sees what was written meanwhile.
Writes from this process (corrections) first let go of the instance (``writing``).
"""

from __future__ import annotations

import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from sitrep.errors import StoreError
from sitrep.store import Store, corrections
from sitrep.store.connection import open_connection
from sitrep.web.index import EventIndex

# Let go after this long without a request: an ingest started meanwhile waits at most
# about this long (plus a request) for the file.
IDLE_S = 0.2
# Let go at least this often under a steady stream of requests, so a waiting ingest
# (which retries for 30 s, store/database.py) is held up at most this long. Each reopen
# costs one request a cold open and cold caches (30-100 ms at 100k events under load):
# at 1 s that was one request in ten in bench/web_api.py, at 3 s under one in thirty.
MAX_HOLD_S = 3.0
# How long requests wait after a forced release before reopening: two or more of a
# waiting writer's retries (store/connection.py: at most 25 ms apart).
PAUSE_S = 0.06
# A file changed this recently may change again within the file system's timestamp tick
# without its stat changing: answers computed from it are not reused (git's "racy clean").
RACY_S = 0.05
# Answers kept per data version, and the most text they may hold together (a map answer
# at 100k events is ~10 MB of JSON, a timeline's ~100 KB). Keep answers as text, not as
# trees of dicts: every kept container is walked by each of Python's full garbage
# collections (kept timelines as dicts cost ~6 ms CPU per request, bench/web_api.py).
MEMO_SIZE = 256
MEMO_BYTES = 64 * 2**20
# What an answer that is not text counts for against MEMO_BYTES (small rows, a page).
OTHER_ANSWER_BYTES = 1024

# After reading the events into memory, wait this many times as long before reading them
# again for a newer version: while an ingest keeps changing the store, reading takes at
# most a fifth of a core (~0.5 s CPU at 100k events, bench/web_api.py); SQL answers
# meanwhile.
INDEX_GAP = 4.0

T = TypeVar("T")
FileStamp = tuple[tuple[int, int, int] | None, ...]


class SharedReader:
    """Read-only cursors on one instance of the store at ``path``, let go regularly."""

    def __init__(
        self,
        path: Path,
        *,
        timeout_s: float = 10.0,
        idle_s: float = IDLE_S,
        max_hold_s: float = MAX_HOLD_S,
        pause_s: float = PAUSE_S,
    ) -> None:
        self.path = path
        self.timeout_s = timeout_s
        self.idle_s = idle_s
        self.max_hold_s = max_hold_s
        self.pause_s = pause_s
        self._cond = threading.Condition()
        self._base: duckdb.DuckDBPyConnection | None = None
        self._opened_at = 0.0
        self._last_used = 0.0
        self._users = 0
        self._closed_until = 0.0  # no reopening before this (a writer's turn)
        self._writers = 0  # writes from this process in progress
        self._reaper: threading.Thread | None = None
        self._corrected: bool | None = None  # the open instance has active corrections
        self.opens = 0  # how many times the file was opened (tests, benchmarks)
        # What the file held when last looked at: its stamp and a number that changes
        # whenever the stamp or this process's writes change it (``data_version``).
        self._stamp: FileStamp = ()
        self._version = 0

    @property
    def is_open(self) -> bool:
        with self._cond:
            return self._base is not None

    @contextmanager
    def connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor for one request, with the analysts' corrections applied."""
        cursor, generation, corrected = self._acquire()
        try:
            try:
                if corrected is not False:
                    self._remember(generation, corrections.shadow_tables(cursor))
                yield cursor
            except duckdb.Error as exc:
                raise StoreError(f"store {self.path}: {exc}") from exc
            finally:
                cursor.close()
        finally:
            self._release_one()

    def data_version(self) -> int:
        """A number that changes whenever the store's content may have changed: another
        process wrote the file (its stat changed, or it changed too recently to tell) or
        this process wrote through ``writing``. Answers computed under one version can
        be reused while it holds (``SharedStore.memo``)."""
        with self._cond:
            # While the instance is open nobody else can write the file (DuckDB's lock)
            # and this process's writes close it first: the version taken at open holds.
            if self._base is None or self._writers:
                self._restamp()
            return self._version

    def _restamp(self) -> None:
        """Called holding the lock: bump the version when the file's stamp changed."""
        stamp, racy = file_stamp(self.path)
        if racy or stamp != self._stamp:
            self._stamp = stamp
            self._version += 1

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Let go of the file while this process writes it (no new cursor meanwhile)."""
        with self._cond:
            self._writers += 1
            if not self._cond.wait_for(lambda: self._users == 0, timeout=self.timeout_s):
                self._writers -= 1
                self._cond.notify_all()
                raise StoreError(
                    f"store {self.path}: reads did not end within {self.timeout_s:g} s; "
                    f"nothing was written"
                )
            self._close_locked(pause=False)
        try:
            yield
        finally:
            with self._cond:
                self._writers -= 1
                self._version += 1  # what this process wrote, whatever the file's stamp
                self._cond.notify_all()

    def close(self) -> None:
        """Let go of the file now (the app's shutdown)."""
        with self._cond:
            self._cond.wait_for(lambda: self._users == 0, timeout=self.timeout_s)
            self._close_locked(pause=False)

    # ------------------------------------------------------------------ internals

    def _acquire(self) -> tuple[duckdb.DuckDBPyConnection, int, bool | None]:
        """A cursor, the instance's number, and whether it has active corrections (None:
        not known yet)."""
        with self._cond:
            self._wait_for_turn()
            if self._base is None:
                self._base = open_connection(self.path, read_only=True, timeout_s=self.timeout_s)
                self._restamp()
                self._opened_at = self._last_used = time.monotonic()
                self.opens += 1
                self._corrected = None
                self._start_reaper()
            cursor = self._base.cursor()
            self._users += 1
            return cursor, self.opens, self._corrected

    def _remember(self, generation: int, corrected: bool) -> None:
        # Nothing writes the file while this instance holds it (DuckDB's lock; this
        # process's own writes close it first), so the answer holds until it is let go:
        # without corrections, later cursors skip the catalogue queries.
        with self._cond:
            if generation == self.opens and self._base is not None:
                self._corrected = corrected

    def _wait_for_turn(self) -> None:
        # Called holding the lock: no cursor while this process writes, during a
        # writer's pause, or while an instance held too long drains its requests.
        deadline = time.monotonic() + self.timeout_s
        while True:
            now = time.monotonic()
            if now >= deadline:
                raise StoreError(f"store {self.path}: no read turn within {self.timeout_s:g} s")
            if self._writers:
                self._cond.wait(deadline - now)
            elif self._base is not None and self._held_too_long(now):
                if self._users == 0:
                    self._close_locked(pause=True)
                else:
                    self._cond.wait(deadline - now)
            elif self._base is None and now < self._closed_until:
                self._cond.wait(self._closed_until - now)
            else:
                return

    def _release_one(self) -> None:
        with self._cond:
            self._users -= 1
            now = time.monotonic()
            self._last_used = now
            if self._users == 0 and self._base is not None and self._held_too_long(now):
                self._close_locked(pause=True)
            self._cond.notify_all()

    def _held_too_long(self, now: float) -> bool:
        return now - self._opened_at >= self.max_hold_s

    def _close_locked(self, *, pause: bool) -> None:
        base, self._base = self._base, None
        if base is not None:
            base.close()
            if pause:
                self._closed_until = time.monotonic() + self.pause_s
        self._cond.notify_all()

    def _start_reaper(self) -> None:
        # Called holding the lock; the reaper clears ``_reaper`` under the lock as it
        # ends, so an instance opened while it ends still gets one.
        if self._reaper is None:
            self._reaper = threading.Thread(
                target=self._reap, name="sitrep-reader-reaper", daemon=True
            )
            self._reaper.start()

    def _reap(self) -> None:
        """Let go of an idle or old instance; ends when no instance is open."""
        with self._cond:
            while self._base is not None:
                now = time.monotonic()
                if self._users == 0 and self._held_too_long(now):
                    self._close_locked(pause=True)
                elif self._users == 0 and now - self._last_used >= self.idle_s:
                    self._close_locked(pause=False)
                else:
                    self._cond.wait(min(self.idle_s, self.max_hold_s) / 2)
            self._reaper = None


def file_stamp(path: Path) -> tuple[FileStamp, bool]:
    """(size, mtime and inode of the store file and its write-ahead log; whether either
    changed within ``RACY_S``, too recently for the stamp to be trusted)."""
    stamps: list[tuple[int, int, int] | None] = []
    newest = 0
    for candidate in (path, path.with_name(path.name + ".wal")):
        try:
            st = os.stat(candidate)
        except OSError:
            stamps.append(None)
            continue
        stamps.append((st.st_size, st.st_mtime_ns, st.st_ino))
        newest = max(newest, st.st_mtime_ns)
    return tuple(stamps), time.time_ns() - newest < RACY_S * 1e9


class SharedStore(Store):
    """A read-only ``Store`` whose queries use the app's shared reader, which keeps the
    answers of repeated questions (``memo``) while the store's content is unchanged, and
    holds the events in memory for first questions (``event_index``, web/index.py)."""

    def __init__(
        self,
        readers: SharedReader,
        *,
        memo_size: int = MEMO_SIZE,
        memo_bytes: int = MEMO_BYTES,
        use_index: bool = True,
    ) -> None:
        self._readers = readers  # before Store's constructor, which reads the schema
        self._memo: OrderedDict[Hashable, tuple[int, Any, int]] = OrderedDict()
        self._memo_size = memo_size
        self._memo_bytes = memo_bytes
        self._memo_weight = 0
        self._memo_version = 0  # the newest data version an answer was kept under
        self._memo_lock = threading.Lock()
        self.memo_hits = 0  # tests, benchmarks
        # The events in memory for first questions (web/index.py): built once per data
        # version, by one thread at a time, in the background.
        self._index: EventIndex | None = None
        self._index_thread: threading.Thread | None = None
        self._index_lock = threading.Lock()
        self.use_index = use_index
        self._next_index_at = 0.0  # no reading before this (the store keeps changing)
        self.index_builds = 0  # tests, benchmarks
        super().__init__(readers.path, read_only=True, lock_timeout_s=readers.timeout_s)

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, or its answer to the same ``key`` under the same data version.

        The version is taken before computing: an answer that saw newer content is
        stored under the older version and never served (the next call sees the newer
        version), never the other way round. Callers must not mutate the answer."""
        version = self._readers.data_version()
        with self._memo_lock:
            found = self._memo.get(key)
            if found is not None and found[0] == version:
                self._memo.move_to_end(key)
                self.memo_hits += 1
                answer: T = found[1]
                return answer
        answer = compute()
        weight = len(answer) if isinstance(answer, (str, bytes)) else OTHER_ANSWER_BYTES
        with self._memo_lock:
            if version < self._memo_version:
                return answer  # computed before a newer version: never to be served
            if version > self._memo_version:  # versions only grow: the rest is stale
                self._memo.clear()
                self._memo_weight = 0
                self._memo_version = version
            old = self._memo.pop(key, None)
            self._memo_weight -= old[2] if old else 0
            self._memo[key] = (version, answer, weight)
            self._memo_weight += weight
            while len(self._memo) > self._memo_size or (
                self._memo_weight > self._memo_bytes and len(self._memo) > 1
            ):
                _, (_, _, dropped) = self._memo.popitem(last=False)
                self._memo_weight -= dropped
        return answer

    def event_index(self, *, wait: bool = False) -> EventIndex | None:
        """The events in memory as the store's current data version holds them, or None
        while they are being read (then ask SQL): a newer version starts reading them in
        the background. ``wait``: for that reading to end (tests, benchmarks)."""
        if not self.use_index:
            return None
        # A reading started for an older version may be under way, and a file changed
        # within RACY_S gets a new version at each look: wait for one that holds.
        deadline = time.monotonic() + self._readers.timeout_s
        while True:
            version = self._readers.data_version()
            index, thread = self._index_or_reading(version, wait=wait)
            if index is not None or not wait or thread is None or time.monotonic() > deadline:
                return index
            thread.join()

    def _index_or_reading(
        self, version: int, *, wait: bool
    ) -> tuple[EventIndex | None, threading.Thread | None]:
        with self._index_lock:
            index, thread = self._index, self._index_thread
            if index is not None and index.version == version:
                return index, None
            # One reading at a time (a newer version waits its turn), and not again too
            # soon after the last one while the store keeps changing (an ingest).
            if thread is None and (wait or time.monotonic() >= self._next_index_at):
                thread = self._index_thread = threading.Thread(
                    target=self._build_index, name="sitrep-event-index",
                    daemon=True,
                )  # fmt: skip
                thread.start()
            return None, thread

    def _build_index(self) -> None:
        started = time.monotonic()
        try:
            with self._readers.connection() as con:
                # Taken with the instance open: nothing can change the file until it is
                # let go, so the rows read are this version's.
                version = self._readers.data_version()
                index: EventIndex | None = EventIndex(con, version)
        except (StoreError, duckdb.Error):
            index, version = None, 0  # the SQL path answers, and reports what is wrong
        with self._index_lock:
            self._index_thread = None
            self._next_index_at = time.monotonic() + INDEX_GAP * (time.monotonic() - started)
            if index is not None and (self._index is None or self._index.version <= version):
                self._index = index
                self.index_builds += 1

    def connection(self) -> AbstractContextManager[duckdb.DuckDBPyConnection]:
        """A cursor for one request's own queries (``web/queries.py``)."""
        return self._readers.connection()

    def writing(self) -> AbstractContextManager[None]:
        """Let go of the file while this process writes a correction."""
        return self._readers.writing()

    def close(self) -> None:
        """Let go of the file (the server stops)."""
        self._readers.close()

    def _reader(self) -> AbstractContextManager[duckdb.DuckDBPyConnection]:
        return self._readers.connection()
