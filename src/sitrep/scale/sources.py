"""The inputs of a distributed ingest: which files, in what order, and how each is read.

The driver lists file *names* only (as the local engine does); each file is read where a
Ray task runs, with sitrep's own readers, so a document read by the Ray engine is exactly
the one the local engine reads. Parquet partitions (a text column, optional title, url,
date and outlet columns, named as in JSONL) are read in record batches, never whole.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitrep.errors import ConfigError
from sitrep.ingest import read_paths, reader_for
from sitrep.ingest.document import RawDocument, ReadFailure
from sitrep.ingest.jsonl import jsonl_document
from sitrep.ingest.limits import failure, os_failure
from sitrep.settings import Settings

PARQUET_SUFFIX = ".parquet"
STDIN = "-"
# Rows decoded at a time from a Parquet file: bounds memory whatever the file's size.
PARQUET_ROWS_PER_READ = 256


@dataclass(frozen=True, slots=True)
class InputFile:
    """One file to read: ``seq`` orders the run, ``given`` is how the local engine names
    it (origins and failures say this), ``absolute`` is what a remote task opens."""

    seq: int
    given: str
    absolute: str


def list_inputs(paths: Sequence[str | Path]) -> list[InputFile]:
    """The files under ``paths`` in the local engine's order, plus Parquet partitions."""
    found: list[str] = []
    for given in paths:
        if str(given) == STDIN:
            raise ConfigError("the Ray engine cannot read stdin; pass files or folders")
        path = Path(given)
        if path.is_dir():
            found.extend(str(p) for p in walk_inputs(path))
        else:
            found.append(str(path))  # a missing file becomes the local engine's failure
    return [InputFile(i, name, os.path.abspath(name)) for i, name in enumerate(found)]


def walk_inputs(folder: Path) -> list[Path]:
    """Like ``sitrep.ingest.walk_folder`` (sorted, hidden entries skipped), with Parquet."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(root, name) for name in files if _is_input_name(name))
    return sorted(found)


def _is_input_name(name: str) -> bool:
    if name.startswith("."):
        return False
    return name.lower().endswith(PARQUET_SUFFIX) or reader_for(Path(name)) is not None


def read_input(item: InputFile, settings: Settings) -> Iterator[RawDocument | ReadFailure]:
    """Every document of one input file, named as the local engine names it."""
    if item.absolute.lower().endswith(PARQUET_SUFFIX):
        documents = read_parquet_file(Path(item.absolute), settings)
    else:
        documents = read_paths([item.absolute], settings)
    for document in documents:
        yield _renamed(document, item.absolute, item.given)


def _renamed(
    document: RawDocument | ReadFailure, absolute: str, given: str
) -> RawDocument | ReadFailure:
    """Origins, paths and failure reasons start with the name the user gave."""
    if absolute == given:
        return document
    changes: dict[str, Any] = {
        name: given + value[len(absolute) :]
        for name in ("origin", "path", "reason")
        if isinstance(value := getattr(document, name, None), str) and value.startswith(absolute)
    }
    return dataclasses.replace(document, **changes) if changes else document


def read_parquet_file(path: Path, settings: Settings) -> Iterator[RawDocument | ReadFailure]:
    """One document per row (origin ``path:row``, counted from 1); a bad row fails alone."""
    import pyarrow.parquet as pq  # the Ray extra brings pyarrow

    origin = str(path)
    try:
        parquet = pq.ParquetFile(path)
        batches = parquet.iter_batches(
            batch_size=PARQUET_ROWS_PER_READ, columns=_wanted_columns(parquet, settings)
        )
        row = 0
        for batch in batches:
            for record in batch.to_pylist():
                row += 1
                yield _parquet_document(record, f"{origin}:{row}", origin, settings)
    except OSError as error:
        yield os_failure(origin, error)
    except Exception as error:  # pyarrow's errors for a corrupt file are not OSErrors
        yield failure(origin, f"not a readable Parquet file: {error}")


def _wanted_columns(parquet: Any, settings: Settings) -> list[str]:
    fields = settings.jsonl_fields
    known = {*fields.text, *fields.title, *fields.url, *fields.date, *fields.outlet}
    return [name for name in parquet.schema_arrow.names if name in known]


def _parquet_document(
    record: dict[str, Any], origin: str, path: str, settings: Settings
) -> RawDocument | ReadFailure:
    """The JSONL reader's field rules applied to a row (dates may be typed values)."""
    line = json.dumps(record, default=str, ensure_ascii=False).encode("utf-8")
    if len(line) > settings.max_bytes:
        return failure(
            origin,
            f"row is over {settings.max_bytes:,} bytes; the limit is "
            f"{settings.max_bytes:,} (set --max-bytes)",
        )
    document = jsonl_document(line, origin=origin, path=path, fields=settings.jsonl_fields)
    if isinstance(document, ReadFailure):
        return document
    return dataclasses.replace(document, format="parquet")
