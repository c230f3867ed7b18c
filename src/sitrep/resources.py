"""What the per-document stage reads besides the document: model, gazetteer, settings.

Built once at the edge (CLI, Python API, each worker process) and passed in; never a
hidden global.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language

from sitrep.gazetteer import Gazetteer, load_gazetteer
from sitrep.nlp import load_model
from sitrep.settings import Settings
from sitrep.stages.dating_anchors import AnchorEvent, load_anchor_events, packaged_anchor_events


@dataclass(frozen=True, slots=True)
class Resources:
    nlp: Language
    gazetteer: Gazetteer
    settings: Settings
    # Well-known events that reports date things against (the times and dating stages).
    anchors: tuple[AnchorEvent, ...] = field(default_factory=packaged_anchor_events)


def load_resources(settings: Settings | None = None) -> Resources:
    settings = settings or Settings()
    return Resources(
        nlp=load_model(settings.model),
        gazetteer=load_gazetteer(settings.gazetteer_path),
        settings=settings,
        anchors=load_anchor_events(settings.anchor_events_path),
    )
