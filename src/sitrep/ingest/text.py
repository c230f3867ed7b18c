"""Plain-text reports."""

from __future__ import annotations

from pathlib import Path

from sitrep.ingest.decode import NotText, decode_bytes
from sitrep.ingest.document import RawDocument, ReadFailure
from sitrep.ingest.html import looks_like_html, read_html_bytes
from sitrep.ingest.limits import TooLarge, check_size, read_bounded
from sitrep.settings import Settings


def read_text_file(path: Path, settings: Settings) -> RawDocument | ReadFailure:
    origin = str(path)
    try:
        check_size(path.stat().st_size, settings.max_bytes)
        with path.open("rb") as stream:
            data = read_bounded(stream, settings.max_bytes)
        return text_document(decode_bytes(data), origin=origin, path=origin)
    except (NotText, TooLarge) as error:
        return ReadFailure(origin, f"{origin}: {error}")
    except OSError as error:
        return ReadFailure(origin, f"{origin}: cannot read: {error.strerror or error}")


def read_unknown_file(path: Path, settings: Settings) -> RawDocument | ReadFailure:
    """A file named explicitly whose extension says nothing: HTML if it looks like HTML,
    text if it decodes as text, otherwise an unsupported format."""
    result = read_text_file(path, settings)
    if isinstance(result, ReadFailure):
        if result.reason.endswith(("binary file", "not valid text in any known encoding")):
            return ReadFailure(result.origin, f"{result.origin}: unsupported format ({path.suffix or 'no extension'}, not text)")
        return result
    if looks_like_html(result.text):
        return read_html_bytes(result.text.encode("utf-8"), origin=result.origin, path=result.path)
    return result


def text_document(text: str, *, origin: str, path: str | None, fmt: str = "text") -> RawDocument:
    return RawDocument(text=text, origin=origin, path=path, format=fmt)
