"""The size limit, checked before anything is read, and failures that name their file."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from sitrep.ingest.document import ReadFailure


class TooLarge(ValueError):
    """A document over ``Settings.max_bytes``; the message says how to lift the limit."""

    def __init__(self, size: int | None, limit: int) -> None:
        stated = f"is {size:,} bytes" if size is not None else f"is over {limit:,} bytes"
        super().__init__(f"file {stated}; the limit is {limit:,} (set --max-bytes)")


def read_file_bounded(path: Path, limit: int) -> bytes:
    """The bytes of ``path``, refusing (from its size on disk) a file over ``limit``."""
    size = path.stat().st_size
    if size > limit:
        raise TooLarge(size, limit)
    with path.open("rb") as stream:
        return read_bounded(stream, limit)


def read_bounded(stream: BinaryIO, limit: int) -> bytes:
    """At most ``limit`` bytes of ``stream``; ``TooLarge`` if there is more."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(None, limit)
    return data


def failure(origin: str, reason: object) -> ReadFailure:
    """A failure whose reason starts with the file it is about."""
    return ReadFailure(origin, f"{origin}: {reason}")


def os_failure(origin: str, error: OSError) -> ReadFailure:
    return failure(origin, f"cannot read: {error.strerror or error}")
