"""The Python API: ``sitrep.extract`` for one text, ``sitrep.Corpus`` for a store.

This is an edge of the system, like the CLI: it builds the resources (model and
gazetteer) once per process and passes them into the pure per-document stage.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from sitrep.engine import IngestSummary, ProgressCallback, ingest
from sitrep.ingest.document import RawDocument
from sitrep.records import Report
from sitrep.resources import Resources, load_resources
from sitrep.settings import DEFAULT_DB, Settings
from sitrep.store import Store


@lru_cache(maxsize=4)
def shared_resources(settings: Settings) -> Resources:
    """Resources for ``settings``, loaded at most once per process."""
    return load_resources(settings)


def extract(
    text: str,
    published: str | None = None,
    *,
    title: str | None = None,
    url: str | None = None,
    settings: Settings | None = None,
) -> Report:
    """Run the per-document stage on ``text`` and return its Report.

    ``published`` (YYYY-MM-DD) anchors relative dates; without it the date is
    estimated from the content.
    """
    from sitrep.stages.pipeline import annotate

    resources = shared_resources(settings or Settings())
    raw = RawDocument(text=text.replace("\r\n", "\n"), origin="<api>", title=title, url=url)
    return annotate(raw, resources, published=published)


class Corpus:
    """A situation database in one DuckDB file.

    >>> corpus = Corpus("sitrep.duckdb")          # doctest: +SKIP
    >>> corpus.ingest(["reports/"])               # doctest: +SKIP
    >>> corpus.people()                           # doctest: +SKIP
    """

    def __init__(self, path: str | Path = DEFAULT_DB, *, settings: Settings | None = None) -> None:
        self.path = Path(path)
        self.settings = settings or Settings()
        self.store = Store(self.path)

    def ingest(
        self,
        paths: Sequence[str | Path],
        *,
        workers: int = 1,
        published: str | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> IngestSummary:
        resources = shared_resources(self.settings) if workers == 1 else None
        return ingest(
            paths,
            self.store,
            self.settings,
            workers=workers,
            published=published,
            resources=resources,
            on_progress=on_progress,
        )

    def __getattr__(self, name: str) -> Any:
        # Queries (documents, report, people, places, quotes, search, counts, ...) are the store's.
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.store, name)
