"""The size limit, checked before anything is read."""

from __future__ import annotations

from typing import BinaryIO


class TooLarge(ValueError):
    """A document over ``Settings.max_bytes``; the message says how to lift the limit."""

    def __init__(self, size: int | None, limit: int) -> None:
        stated = f"is {size:,} bytes" if size is not None else f"is over {limit:,} bytes"
        super().__init__(f"file {stated}; the limit is {limit:,} (set --max-bytes)")


def check_size(size: int, limit: int) -> None:
    if size > limit:
        raise TooLarge(size, limit)


def read_bounded(stream: BinaryIO, limit: int) -> bytes:
    """At most ``limit`` bytes of ``stream``; ``TooLarge`` if there is more."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(None, limit)
    return data
