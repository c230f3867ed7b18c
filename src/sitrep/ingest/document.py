"""What every reader yields: a decoded document with its metadata, or a failure."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

# Lone UTF-16 surrogates: a JSON escape such as "\ud800", or a file name that is not valid
# UTF-8 (Python keeps its bytes as surrogates). No UTF-8 text can hold them, so the model,
# the content id and the store would all fail on them; each becomes U+FFFD, one character
# for one, so that offsets are unchanged.
_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def valid_unicode(value: str) -> str:
    """``value`` with every lone surrogate replaced by U+FFFD (same length)."""
    return _SURROGATE.sub(REPLACEMENT, value) if _SURROGATE.search(value) else value


def _replace_surrogates(record: object) -> None:
    for f in fields(record):  # type: ignore[arg-type]
        value = getattr(record, f.name)
        if isinstance(value, str):
            clean = valid_unicode(value)
            if clean is not value:
                object.__setattr__(record, f.name, clean)


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One report as read from its source, before cleaning.

    ``origin`` names where it came from precisely enough for an error message:
    a path, ``path:line`` for JSONL, ``path#record-id`` for WARC, ``<stdin>``.
    Every string is valid Unicode (lone surrogates become U+FFFD).
    """

    text: str
    origin: str
    path: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    # ISO date (YYYY-MM-DD) from the source's metadata, if it had one.
    published: str | None = None
    # ISO date the page was fetched (WARC-Date): the report was published on or before it.
    crawled: str | None = None
    # How the text was obtained: "text", "html", "jsonl", "warc", "stdin".
    format: str = "text"

    def __post_init__(self) -> None:
        _replace_surrogates(self)


@dataclass(frozen=True, slots=True)
class ReadFailure:
    """A document that could not be read, with a reason a user can act on."""

    origin: str
    reason: str

    def __post_init__(self) -> None:
        _replace_surrogates(self)
