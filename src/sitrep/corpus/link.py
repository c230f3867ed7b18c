"""One batch of new reports linked to the corpus, in the caller's transaction."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from sitrep.corpus.events import link_events
from sitrep.corpus.people import link_people
from sitrep.corpus.stories import link_stories
from sitrep.records import Report


def link_batch(con: duckdb.DuckDBPyConnection, reports: Sequence[Report]) -> None:
    """Stories first: people and events of copies of one story merge on that ground."""
    if not reports:
        return
    stories = {doc: link.story_id for doc, link in link_stories(con, reports).items()}
    link_people(con, reports, stories)
    link_events(con, reports, stories)
