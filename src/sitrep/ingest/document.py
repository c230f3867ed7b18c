"""What every reader yields: a decoded document with its metadata, or a failure."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One report as read from its source, before cleaning.

    ``origin`` names where it came from precisely enough for an error message:
    a path, ``path:line`` for JSONL, ``path#record-id`` for WARC, ``<stdin>``.
    """

    text: str
    origin: str
    path: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    # ISO date (YYYY-MM-DD) from the source's metadata, if it had one.
    published: str | None = None
    # How the text was obtained: "text", "html", "jsonl", "warc", "stdin".
    format: str = "text"


@dataclass(frozen=True, slots=True)
class ReadFailure:
    """A document that could not be read, with a reason a user can act on."""

    origin: str
    reason: str
