"""Plain-text reports, and files named explicitly whose extension says nothing."""

from __future__ import annotations

from pathlib import Path

from sitrep.ingest.decode import BinaryData, NotText, Undecodable, decode_bytes
from sitrep.ingest.document import RawDocument, ReadFailure
from sitrep.ingest.html import html_document, looks_like_html
from sitrep.ingest.limits import TooLarge, failure, os_failure, read_file_bounded
from sitrep.settings import Settings


def read_text_file(path: Path, settings: Settings) -> RawDocument | ReadFailure:
    origin = str(path)
    try:
        text = decode_bytes(read_file_bounded(path, settings.max_bytes))
    except (NotText, TooLarge) as error:
        return failure(origin, error)
    except OSError as error:
        return os_failure(origin, error)
    return RawDocument(text=text, origin=origin, path=origin, format="text")


def read_unknown_file(path: Path, settings: Settings) -> RawDocument | ReadFailure:
    """HTML if it looks like HTML, text if it decodes as text, else an unsupported format."""
    origin = str(path)
    try:
        text = decode_bytes(read_file_bounded(path, settings.max_bytes))
    except (BinaryData, Undecodable):
        kind = path.suffix or "no extension"
        return failure(origin, f"unsupported format ({kind}) and not readable as text")
    except (NotText, TooLarge) as error:
        return failure(origin, error)
    except OSError as error:
        return os_failure(origin, error)
    if looks_like_html(text):
        return html_document(text, origin=origin, path=origin)
    return RawDocument(text=text, origin=origin, path=origin, format="text")
