"""The taggers ``sitrep eval time`` compares: sitrep's times and dating stages, and the
peer ``dateparser`` (``search_dates``; installed with trafilatura through htmldate).

The peer finds dates and resolves them to datetimes against a reference day; it has no
TIMEX types or values for durations and sets, so every find is a DATE valued at its day.
It has no dating either: its "window" is the latest date it finds that states a year
(the report was published on or after it), as a single day.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from sitrep.evaluation.time import PredictedTimex
from sitrep.ingest.document import RawDocument
from sitrep.records import Published
from sitrep.resources import Resources
from sitrep.stages.dating import date_report
from sitrep.stages.state import DocState
from sitrep.stages.times import extract_times

TIMEX_TYPES = {"date": "DATE", "time": "TIME", "duration": "DURATION", "set": "SET"}


def _state(text: str, resources: Resources, published: date | None) -> DocState:
    stated = Published(date=published.isoformat(), basis="user") if published else Published()
    return DocState(
        raw=RawDocument(text=text, origin="<eval>"),
        text=text,
        doc=resources.nlp(text),
        published=stated,
    )


def sitrep_tag(text: str, dct: date | None, resources: Resources) -> list[PredictedTimex]:
    """sitrep's time expressions of ``text``, resolved against the DCT."""
    state = _state(text, resources, dct)
    extract_times(state, resources)
    return [
        PredictedTimex(t.span.start, t.span.end, TIMEX_TYPES[t.kind], t.value) for t in state.times
    ]


def sitrep_date(text: str, resources: Resources) -> tuple[date, date] | None:
    """sitrep's publication window for ``text`` (no date given)."""
    state = _state(text, resources, None)
    extract_times(state, resources)
    date_report(state, resources)
    return published_window(state.published)


def published_window(published: Published) -> tuple[date, date] | None:
    if published.window is not None:
        lo, hi = published.window
        return date.fromisoformat(lo), date.fromisoformat(hi)
    if published.date:
        day = date.fromisoformat(published.date)
        return day, day
    return None


def _search_dates(text: str, settings: dict[str, Any]) -> list[tuple[str, datetime]]:
    from dateparser.search import search_dates

    found = search_dates(text, languages=["en"], settings=settings)
    return list(found or [])


def dateparser_tag(text: str, dct: date | None) -> list[PredictedTimex]:
    """``search_dates`` finds, located left to right in ``text``."""
    settings: dict[str, Any] = {}
    if dct is not None:
        settings["RELATIVE_BASE"] = datetime(dct.year, dct.month, dct.day)
    found = []
    cursor = 0
    for phrase, when in _search_dates(text, settings):
        start = text.find(phrase, cursor)
        if start < 0:
            continue
        cursor = start + len(phrase)
        found.append(PredictedTimex(start, cursor, "DATE", when.date().isoformat()))
    return found


def dateparser_date(text: str) -> tuple[date, date] | None:
    """The latest date ``search_dates`` finds whose phrase states a year."""
    days = [
        when.date()
        for phrase, when in _search_dates(text, {})
        if re.search(r"\b(?:1[89]|20)\d\d\b", phrase)
    ]
    if not days:
        return None
    latest = max(days)
    return latest, latest
