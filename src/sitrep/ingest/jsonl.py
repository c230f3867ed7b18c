"""JSON Lines: one report per line, streamed; a bad line fails alone."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

from sitrep.ingest.dates import normalise_date
from sitrep.ingest.decode import normalise_newlines
from sitrep.ingest.document import RawDocument, ReadFailure
from sitrep.ingest.limits import failure, os_failure
from sitrep.settings import JsonlFields, Settings

# Lines are read in pieces of this size, so a huge line is refused without being held.
_CHUNK = 1 << 16


def read_jsonl_file(path: Path, settings: Settings) -> Iterator[RawDocument | ReadFailure]:
    origin = str(path)
    try:
        with path.open("rb") as stream:
            yield from read_jsonl_stream(stream, origin, settings)
    except OSError as error:
        yield os_failure(origin, error)


def read_jsonl_stream(
    stream: BinaryIO, origin: str, settings: Settings
) -> Iterator[RawDocument | ReadFailure]:
    for number, line in _lines(stream, settings.max_bytes):
        line_origin = f"{origin}:{number}"
        if line is None:
            yield failure(
                line_origin,
                f"line is over {settings.max_bytes:,} bytes; the limit is "
                f"{settings.max_bytes:,} (set --max-bytes)",
            )
        elif line.strip():
            yield jsonl_document(
                line, origin=line_origin, path=origin, fields=settings.jsonl_fields
            )


def jsonl_document(
    line: bytes, *, origin: str, path: str | None, fields: JsonlFields
) -> RawDocument | ReadFailure:
    try:
        record = json.loads(line.rstrip(b"\r\n").decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        return failure(origin, f"line is not valid UTF-8: {error}")
    except json.JSONDecodeError as error:
        return failure(origin, f"malformed JSON: {error}")
    if not isinstance(record, dict):
        return failure(origin, f"line is a JSON {type(record).__name__}, not an object")
    text = _first_string(record, fields.text)
    if text is None:
        return failure(origin, f"no text in any text field (tried {', '.join(fields.text)})")
    return RawDocument(
        text=normalise_newlines(text),
        origin=origin,
        path=path,
        url=_first_string(record, fields.url),
        title=_first_string(record, fields.title),
        outlet=_first_string(record, fields.outlet),
        published=_first_date(record, fields.date),
        format="jsonl",
    )


def _first_string(record: Mapping[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _first_date(record: Mapping[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = normalise_date(record.get(key))
        if value is not None:
            return value
    return None


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) pairs; the line is None when it is longer than ``limit``."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield number, None
        else:
            yield number, line


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while True:
        piece = stream.readline(_CHUNK)
        if not piece or piece.endswith(b"\n"):
            return
