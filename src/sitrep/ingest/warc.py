"""Web archives (WARC, optionally gzipped): each HTML or plain-text response is a report."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from sitrep.ingest.dates import normalise_date
from sitrep.ingest.decode import NotText, decode_bytes
from sitrep.ingest.document import RawDocument, ReadFailure
from sitrep.ingest.html import html_document
from sitrep.ingest.limits import TooLarge, failure, os_failure, read_bounded
from sitrep.settings import Settings

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)
# "resource" records hold a fetched file without HTTP headers (wget, browsertrix).
_CONTENT_RECORDS = ("response", "resource")


_WARCIO_PARSE_ERRORS = (
    AttributeError,
    ValueError,
    TypeError,
    KeyError,
    IndexError,
    EOFError,
    zlib.error,
)


def read_warc_file(path: Path, settings: Settings) -> Iterator[RawDocument | ReadFailure]:
    origin = str(path)
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.format != "warc":
                    # warcio reads anything line-shaped as an old ARC file; sitrep reads WARC.
                    yield failure(origin, "not a WARC file (no WARC record headers)")
                    return
                document = warc_record_document(record, origin, settings)
                if document is not None:
                    yield document
    except ArchiveLoadFailed as error:
        yield failure(origin, f"not a readable WARC file: {error}")
    except _WARCIO_PARSE_ERRORS as error:
        # warcio trips over some malformed records instead of refusing them (a response
        # with no WARC-Target-URI raises AttributeError): the records before it are kept.
        yield failure(origin, f"not a readable WARC file: malformed record ({error!r})")
    except OSError as error:
        yield os_failure(origin, error)


def warc_record_document(
    record: Any, path: str, settings: Settings
) -> RawDocument | ReadFailure | None:
    """The report in one record; None for records that hold no report (requests,
    metadata, images, redirects, errors)."""
    if record.rec_type not in _CONTENT_RECORDS or not _succeeded(record):
        return None
    media_type, charset = _content_type(record)
    if media_type not in _HTML_TYPES + _TEXT_TYPES:
        return None
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI")
    record_id = headers.get_header("WARC-Record-ID") or url or "record"
    origin = f"{path}#{record_id}"
    try:
        text = decode_bytes(
            read_bounded(record.content_stream(), settings.max_bytes), declared=charset
        )
    except (NotText, TooLarge) as error:
        return failure(origin, error)
    # WARC-Date is when the crawler fetched the page: an upper bound on the publication
    # date, not the publication date itself.
    crawled = normalise_date(headers.get_header("WARC-Date"))
    if media_type in _HTML_TYPES:
        return html_document(text, origin=origin, path=path, url=url, crawled=crawled, fmt="warc")
    return RawDocument(text=text, origin=origin, path=path, url=url, crawled=crawled, format="warc")


def _succeeded(record: Any) -> bool:
    if record.http_headers is None:
        return True
    status = record.http_headers.get_statuscode() or ""
    return str(status).startswith("2")


def _content_type(record: Any) -> tuple[str, str | None]:
    """The media type (lower case, no parameters) and the declared charset, if any."""
    if record.http_headers is not None:
        raw = record.http_headers.get_header("Content-Type")
    else:
        raw = record.rec_headers.get_header("Content-Type")
    media_type, _, params = (raw or "").partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return media_type.strip().lower(), charset
