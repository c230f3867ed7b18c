"""What the fuzz targets share: English sentences to splice fuzzed text into, so that the
language check passes and every stage runs, and the checks every target makes."""

from __future__ import annotations

from sitrep.ingest.document import RawDocument, ReadFailure

# Sentences of the kinds sitrep extracts from: quotes, places, dates, figures, names.
ENGLISH = (
    "KHARKIV, Ukraine (AP) — Russian missiles struck an apartment block on Tuesday.",
    '"We will rebuild," said Mayor Ihor Terekhov.',
    "“They shelled the school,” a resident told reporters.",
    "At least 1,200 people were killed and 3.5 million displaced, the UN said.",
    "Floods hit Sindh province on 24 February 2022, officials said.",
    "The World Health Organization said the hospital in Khan Younis had closed.",
    "Advertisement",
    "Share this article",
)


def spliced(pieces: list[str], picks: list[int]) -> str:
    """Fuzzed pieces interleaved with English sentences chosen by the fuzzer."""
    parts: list[str] = []
    for piece, pick in zip(pieces, picks, strict=False):
        parts.append(ENGLISH[pick % len(ENGLISH)])
        parts.append(piece)
    return "".join(parts)


def check_read(items: list[RawDocument | ReadFailure]) -> None:
    for item in items:
        if isinstance(item, RawDocument):
            assert item.text.strip(), "a document with no text"
            item.text.encode("utf-8")  # valid Unicode: the model and store need it
        else:
            assert isinstance(item, ReadFailure), f"reader yielded {type(item).__name__}"
            assert item.reason, "a failure without a reason"
