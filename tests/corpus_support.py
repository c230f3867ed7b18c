"""Helpers the story-linking tests share: writing batches into a real store and reading
back which story a text joined."""

from __future__ import annotations

from sitrep.ingest.document import RawDocument
from sitrep.records import Published, Report, Source, content_id
from sitrep.store import Store


def write(store: Store, *batches: list[tuple[RawDocument, Report]]) -> None:
    run = store.begin_run({"test": True})
    for batch in batches:
        store.write_batch(batch, [], run)


def story_of(store: Store, text: str) -> str:
    found = store.story(content_id(text))
    assert found is not None
    return found.id


def report(text: str, path: str) -> tuple[RawDocument, Report]:
    """A read document and its bare record (no annotations), as the writer receives them."""
    doc = Report(
        id=content_id(text), source=Source(path=path), language="en", published=Published(),
        text=text,
    )  # fmt: skip
    return RawDocument(text=text, origin=path, path=path), doc
