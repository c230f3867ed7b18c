"""Helpers the story-linking tests share: writing batches into a real store and reading
back which story a text joined."""

from __future__ import annotations

from sitrep.ingest.document import RawDocument
from sitrep.records import Report, content_id
from sitrep.store import Store


def write(store: Store, *batches: list[tuple[RawDocument, Report]]) -> None:
    run = store.begin_run({"test": True})
    for batch in batches:
        store.write_batch(batch, [], run)


def story_of(store: Store, text: str) -> str:
    found = store.story(content_id(text))
    assert found is not None
    return found.id
