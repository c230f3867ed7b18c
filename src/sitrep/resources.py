"""What the per-document stage reads besides the document: model, gazetteer, settings.

Built once at the edge (CLI, Python API, each worker process) and passed in; never a
hidden global.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

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


def check_resources(settings: Settings) -> None:
    """Raise the error ``load_resources`` would, without loading the model: worker processes
    load the resources themselves, so the parent checks the settings before starting them."""
    import spacy.util

    from sitrep.errors import ModelNotFound

    if not (spacy.util.is_package(settings.model) or Path(settings.model).is_dir()):
        raise ModelNotFound(settings.model)
    load_gazetteer(settings.gazetteer_path)
    load_anchor_events(settings.anchor_events_path)
