"""Readers: files, folders, JSONL, WARC and stdin into ``RawDocument``s, streamed.

A document that cannot be read becomes a ``ReadFailure`` whose reason names the
file and what is wrong; it never stops the batch.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, TextIO

from sitrep.ingest.decode import NotText, decode_bytes
from sitrep.ingest.document import RawDocument, ReadFailure
from sitrep.ingest.html import html_document, looks_like_html, read_html_file
from sitrep.ingest.jsonl import read_jsonl_file
from sitrep.ingest.limits import TooLarge, failure, os_failure, read_bounded
from sitrep.ingest.text import read_text_file, read_unknown_file
from sitrep.ingest.warc import read_warc_file
from sitrep.settings import Settings

__all__ = ["KNOWN_EXTENSIONS", "RawDocument", "ReadFailure", "read_paths", "read_stdin"]

STDIN = "-"
STDIN_ORIGIN = "<stdin>"

Reader = Callable[[Path, Settings], Iterator[RawDocument | ReadFailure]]


def _single(
    read: Callable[[Path, Settings], RawDocument | ReadFailure],
) -> Reader:
    def read_one(path: Path, settings: Settings) -> Iterator[RawDocument | ReadFailure]:
        yield read(path, settings)

    return read_one


# Longest suffix first, so ".warc.gz" wins over ".gz".
_READERS: dict[str, Reader] = {
    ".warc.gz": read_warc_file,
    ".warc": read_warc_file,
    ".jsonl": read_jsonl_file,
    ".ndjson": read_jsonl_file,
    ".html": _single(read_html_file),
    ".htm": _single(read_html_file),
    ".txt": _single(read_text_file),
    ".text": _single(read_text_file),
}
KNOWN_EXTENSIONS: tuple[str, ...] = tuple(_READERS)


def read_paths(
    paths: Sequence[str | Path],
    settings: Settings,
    *,
    stdin: TextIO | BinaryIO | None = None,
) -> Iterator[RawDocument | ReadFailure]:
    """Every report under ``paths``, one at a time, in a stable order.

    Folders are walked recursively in sorted path order, taking only files with a
    known extension (hidden files and folders are skipped); a file named explicitly
    is read whatever its extension. ``"-"`` reads stdin (``stdin`` or ``sys.stdin``).
    """
    for given in paths:
        if str(given) == STDIN:
            yield read_stdin(stdin if stdin is not None else sys.stdin.buffer, settings)
            continue
        path = Path(given)
        if path.is_dir():
            for found in walk_folder(path):
                yield from (reader_for(found) or _single(read_unknown_file))(found, settings)
        elif path.exists():
            yield from (reader_for(path) or _single(read_unknown_file))(path, settings)
        else:
            yield failure(str(path), "no such file or folder")


def reader_for(path: Path) -> Reader | None:
    name = path.name.lower()
    return next((read for suffix, read in _READERS.items() if name.endswith(suffix)), None)


def walk_folder(folder: Path) -> list[Path]:
    """Files with a known extension under ``folder``, sorted by path.

    Only the names are held, never the contents; sorting makes runs reproducible.
    """
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(
            Path(root, name)
            for name in files
            if not name.startswith(".") and reader_for(Path(name)) is not None
        )
    return sorted(found)


def read_stdin(stream: TextIO | BinaryIO, settings: Settings) -> RawDocument | ReadFailure:
    """One report from a stream: HTML if it looks like HTML, otherwise text."""
    try:
        data = read_bounded(_binary(stream), settings.max_bytes)
        text = decode_bytes(data)
    except (NotText, TooLarge) as error:
        return failure(STDIN_ORIGIN, error)
    except OSError as error:
        return os_failure(STDIN_ORIGIN, error)
    if looks_like_html(text):
        return html_document(text, origin=STDIN_ORIGIN, path=None, fmt="stdin")
    return RawDocument(text=text, origin=STDIN_ORIGIN, format="stdin")


def _binary(stream: TextIO | BinaryIO) -> BinaryIO:
    """A text stream's underlying bytes (so that size limits count bytes), or its text as
    UTF-8 when it has none (an ``io.StringIO``)."""
    if isinstance(stream, io.TextIOBase):
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            return buffer  # type: ignore[no-any-return]
        return io.BytesIO(stream.read().encode("utf-8"))
    return stream  # type: ignore[return-value]
