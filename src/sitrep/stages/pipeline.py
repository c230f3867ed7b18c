"""The per-document stage: a pure function of (document, resources) -> Report."""

from __future__ import annotations

from collections.abc import Sequence

from sitrep.clean import clean
from sitrep.ingest.document import RawDocument
from sitrep.language import detect_language
from sitrep.records import Published, Report
from sitrep.resources import Resources

# Importing the stage modules registers them.
from sitrep.stages import (  # noqa: F401
    dating,
    events,
    figures,
    people,
    places,
    quotes,
    times,
)
from sitrep.stages.registry import Stage, check_order, registered
from sitrep.stages.state import DocState

# The order the stages run in; check_order verifies it against their declarations.
DEFAULT_STAGES: tuple[str, ...] = (
    "places",
    "people",
    "times",
    "dating",
    "quotes",
    "figures",
    "events",
)


def build_pipeline(names: Sequence[str] = DEFAULT_STAGES) -> tuple[Stage, ...]:
    available = registered()
    unknown = [n for n in names if n not in available]
    if unknown:
        raise ValueError(f"unknown stage(s) {unknown}; known: {sorted(available)}")
    stages = tuple(available[n] for n in names)
    check_order(stages)
    return stages


def initial_published(raw: RawDocument, override: str | None) -> Published:
    if override:
        return Published(date=override, estimated=False, basis="user")
    if raw.published:
        return Published(date=raw.published, estimated=False, basis="metadata")
    return Published()


def annotate(
    raw: RawDocument,
    resources: Resources,
    *,
    published: str | None = None,
    stages: Sequence[Stage] | None = None,
) -> Report:
    """Clean, detect the language, run the model and every stage over one document.

    A report not in English is returned cleaned, flagged, and without extractions:
    the model would only produce noise on it.
    """
    cleaned = clean(raw.text)
    language = detect_language(cleaned.text)
    flags: list[str] = []
    english = language.code == "en"
    if not english:
        flags.append(f"non-english:{language.code}")
    if not cleaned.text.strip():
        flags.append("empty-after-cleaning")
    doc = resources.nlp(cleaned.text if english else "")
    state = DocState(
        raw=raw,
        text=cleaned.text,
        doc=doc,
        removed=cleaned.removed,
        language=language.code,
        published=initial_published(raw, published),
        flags=flags,
    )
    if english:
        for s in stages if stages is not None else build_pipeline():
            s(state, resources)
    return state.to_report()
