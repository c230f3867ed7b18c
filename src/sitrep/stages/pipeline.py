"""The per-document stage: a pure function of (document, resources) -> Report."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date

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
    state.published = bounded_by_crawl(state.published, raw.crawled)
    return state.to_report()


def bounded_by_crawl(published: Published, crawled: str | None) -> Published:
    """An estimate cut at the crawl date: a page cannot be published after it was
    fetched. Known dates are left alone; with no estimate at all, the crawl date is
    recorded as the only evidence (it bounds the date from above, not below)."""
    if crawled is None or published.date is not None:
        return published
    evidence = (*published.evidence, f"crawled on {crawled}: published on or before it")
    if published.window is None:
        return dataclasses.replace(published, evidence=evidence)
    start, end = published.window
    if end <= crawled:
        return published
    # Content pointing past the crawl date mentions the future (a planned vote, a
    # deadline); the crawl date is the latest the report can be. A window wholly after
    # it keeps its width, ending on the crawl date, rather than shrinking to one day.
    if start > crawled:
        width = date.fromisoformat(end) - date.fromisoformat(start)
        start = (date.fromisoformat(crawled) - width).isoformat()
    window = (start, crawled)
    return dataclasses.replace(published, window=window, evidence=evidence)
