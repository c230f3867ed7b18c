"""One batch of new reports linked to the corpus, in the caller's transaction."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from sitrep.corpus import dating, events, people, sql, stories
from sitrep.records import Report


def link_batch(con: duckdb.DuckDBPyConnection, reports: Sequence[Report]) -> None:
    """Stories first: people and events of copies of one story merge on that ground.

    The candidates of every kind are looked up with one query for the whole batch: the
    key table is scanned once per batch, whatever the number of reports in it.
    """
    if not reports:
        return
    prints = stories.fingerprints(reports)
    keys = stories.lookup_keys(prints) | people.lookup_keys(reports) | events.lookup_keys(reports)
    stored = sql.lookup_keys_by_kind(con, keys)
    linked = stories.link_stories(con, reports, stored.get("story", {}), prints)
    # Undated copies take their story's original's date before events use their window.
    reports = dating.date_from_stories(con, reports, linked)
    story_of = {doc: link.story_id for doc, link in linked.items()}
    people.link_people(con, reports, story_of, stored.get("person", {}))
    events.link_events(con, reports, story_of, stored.get("event", {}))
