"""The working state of one report while the stages annotate it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from sitrep.ingest.document import RawDocument
from sitrep.records import (
    Event,
    Figure,
    Organization,
    Person,
    Place,
    Published,
    Quote,
    Removed,
    Report,
    Source,
    TimeExpression,
    content_id,
)


@dataclass(slots=True)
class DocState:
    """Mutable while the stages run; frozen into a ``Report`` at the end.

    ``text`` is the cleaned text and never changes once the state exists: every
    span any stage adds points into it.
    """

    raw: RawDocument
    text: str
    doc: Doc
    removed: tuple[Removed, ...] = ()
    language: str | None = "en"
    published: Published = field(default_factory=Published)
    flags: list[str] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # Facts one stage leaves for later ones that are not part of the output
    # (e.g. "places.rejected": names the place stage judged to be people).
    scratch: dict[str, Any] = field(default_factory=dict)

    def to_report(self) -> Report:
        raw = self.raw
        return Report(
            id=report_id(raw.text),
            source=Source(
                path=raw.path,
                url=raw.url,
                outlet=raw.outlet,
                title=raw.title,
                crawled=raw.crawled,
            ),
            language=self.language,
            published=self.published,
            text=self.text,
            removed=self.removed,
            places=tuple(self.places),
            people=tuple(self.people),
            organizations=tuple(self.organizations),
            times=tuple(self.times),
            quotes=tuple(self.quotes),
            figures=tuple(self.figures),
            events=tuple(self.events),
            flags=tuple(self.flags),
        )


def report_id(raw_text: str) -> str:
    """Reports are identified by their raw content, so re-reading a file changes nothing."""
    return content_id(raw_text.replace("\r\n", "\n"))
