"""What the per-document stage reads besides the document: model, gazetteer, settings.

Built once at the edge (CLI, Python API, each worker process) and passed in; never a
hidden global.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language

from sitrep.gazetteer import Gazetteer, load_gazetteer
from sitrep.nlp import load_model
from sitrep.settings import Settings


@dataclass(frozen=True, slots=True)
class Resources:
    nlp: Language
    gazetteer: Gazetteer
    settings: Settings


def load_resources(settings: Settings | None = None) -> Resources:
    settings = settings or Settings()
    return Resources(
        nlp=load_model(settings.model),
        gazetteer=load_gazetteer(settings.gazetteer_path),
        settings=settings,
    )
