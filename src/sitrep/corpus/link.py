"""One batch of new reports linked to the corpus, in the caller's transaction."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from sitrep.corpus import dating, events, people, sql, stories
from sitrep.corpus.keyindex import KeyIndex
from sitrep.records import Report


def link_batch(
    con: duckdb.DuckDBPyConnection, reports: Sequence[Report], index: KeyIndex | None = None
) -> None:
    """Stories first: people and events of copies of one story merge on that ground.

    The candidates of every kind are looked up once for the whole batch: from ``index``
    (the writer's in-memory index of ``link_keys``, flat in the corpus size) when given,
    else by one scan of the key table.
    """
    if not reports:
        return
    prints = stories.fingerprints(reports)
    keys = stories.lookup_keys(prints) | people.lookup_keys(reports) | events.lookup_keys(reports)
    stored = (
        index.lookup_by_kind(con, keys) if index is not None
        else sql.lookup_keys_by_kind(con, keys)
    )  # fmt: skip
    merged: dict[str, str] = {}
    sketches = index.sketches if index is not None else None
    linked = stories.link_stories(
        con, reports, stored.get("story", {}), prints, merged, sketches,
        stored.get(stories.FACT_KIND, {}),
    )  # fmt: skip
    # Undated copies take their story's original's date before events use their window.
    reports = dating.date_from_stories(con, reports, linked, merged)
    story_of = {doc: link.story_id for doc, link in linked.items()}
    people.link_people(con, reports, story_of, stored.get("person", {}))
    events.link_events(con, reports, story_of, stored.get("event", {}))
