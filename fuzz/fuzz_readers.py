"""Fuzz target: the readers (text, HTML, JSONL, WARC, gzipped WARC, unknown extensions).
Any bytes become documents or failures, never an exception. The first byte picks the
file's extension; the rest are its contents."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

# sitrep and the parsers it hands bytes to (warcio, charset-normalizer); lxml is compiled.
with atheris.instrument_imports(include=["sitrep", "warcio", "charset_normalizer", "trafilatura"]):
    from sitrep.ingest import read_paths
    from sitrep.settings import Settings

from _common import check_read

EXTENSIONS = (".txt", ".html", ".jsonl", ".warc", ".warc.gz", ".bin")
# Small, so that the size refusal is exercised too.
SETTINGS = Settings(max_bytes=200_000)
FOLDER = Path(tempfile.mkdtemp(prefix="sitrep-fuzz-"))


def test_one_input(data: bytes) -> None:
    if not data:
        return
    path = FOLDER / f"input{EXTENSIONS[data[0] % len(EXTENSIONS)]}"
    path.write_bytes(data[1:])
    try:
        check_read(list(read_paths([path], SETTINGS)))
    finally:
        path.unlink()


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
