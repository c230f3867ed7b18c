"""Opening the DuckDB file for one operation, waiting politely for other processes.

DuckDB lets one process write a file or many processes read it, never both. So the store
never holds the file between operations: each opens a connection, works and closes it,
and a lock held by another process is retried with short sleeps until a deadline.
"""

from __future__ import annotations

import os
import random
import re
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from sitrep.errors import StoreError

# First wait after a lock conflict, and the longest single wait. A batch write holds the
# lock for tens of milliseconds and the engine annotates for about a second between
# batches; a failed open costs a few milliseconds, so waits stay short enough to catch
# the gap (measured: tests/test_store_concurrency.py).
FIRST_RETRY_S = 0.005
MAX_RETRY_S = 0.025

# Never fetch extensions at run time: sitrep works offline.
_CONFIG: dict[str, str | bool | int | float | list[str]] = {
    "autoinstall_known_extensions": False
}

_PID = re.compile(r"\(PID (\d+)\)")


@contextmanager
def connect(
    path: Path, *, read_only: bool, timeout_s: float
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to ``path`` for the duration of the ``with`` block."""
    con = open_connection(path, read_only=read_only, timeout_s=timeout_s)
    try:
        yield con
    except duckdb.Error as exc:
        # Whatever the operation, the user gets the file and the reason, not a traceback
        # (a full disk, say, when a run is recorded).
        raise StoreError(f"store {path}: {exc}") from exc
    finally:
        con.close()


def open_connection(path: Path, *, read_only: bool, timeout_s: float) -> duckdb.DuckDBPyConnection:
    """Open ``path``, retrying while another process holds a conflicting lock.

    Raises ``StoreError`` naming the file and the reason when it cannot be opened.
    """
    if not read_only:
        refuse_read_only_file(path)
    deadline = time.monotonic() + timeout_s
    delay = FIRST_RETRY_S
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only, config=_CONFIG)
        except duckdb.Error as exc:
            if not is_lock_conflict(exc):
                raise StoreError(describe_open_error(path, exc, read_only=read_only)) from exc
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise StoreError(describe_lock(path, exc, timeout_s)) from exc
            # Jitter keeps a reader and a writer from retrying in lockstep.
            time.sleep(min(delay * random.uniform(0.5, 1.0), remaining))
            delay = min(delay * 2, MAX_RETRY_S)


def refuse_read_only_file(path: Path) -> None:
    """A file without write permission is not written, even by a user who could override it."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError(f"cannot open store {path}: {exc.strerror or exc}") from exc
    if stat.S_ISREG(mode) and (
        not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK)
    ):
        raise StoreError(
            f"store {path} is read-only (file permissions {stat.filemode(mode)}); "
            f"query it read-only or make it writable to ingest into it"
        )


def is_lock_conflict(exc: duckdb.Error) -> bool:
    message = str(exc)
    return (
        "Could not set lock" in message
        or "Conflicting lock" in message
        # The same file already open in this process with the other access mode.
        or "different configuration" in message
    )


def describe_lock(path: Path, exc: duckdb.Error, timeout_s: float) -> str:
    match = _PID.search(str(exc))
    holder = f"another process (pid {match.group(1)})" if match else "another connection"
    return (
        f"store {path} is locked by {holder}; gave up after {timeout_s:g} s. DuckDB allows one "
        f"writing process or many reading ones: wait for the other to finish and retry"
    )


def describe_open_error(path: Path, exc: duckdb.Error, *, read_only: bool) -> str:
    message = str(exc)
    if "not a valid DuckDB database file" in message:
        reason = "it is not a DuckDB database file"
    elif "database does not exist" in message:
        reason = "no such file"
    elif "Is a directory" in message:
        reason = "it is a directory"
    elif "No such file or directory" in message:
        reason = f"its folder {path.parent} does not exist"
    elif "Permission denied" in message:
        reason = "permission denied"
    else:
        reason = message.removeprefix("IO Error: ")
    mode = "for reading" if read_only else "for writing"
    return f"cannot open store {path} {mode}: {reason}"
