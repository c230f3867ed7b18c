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

from spacy.tokens import Doc

from sitrep.evaluation.time import NEAR_DAYS, PredictedTimex
from sitrep.ingest.document import RawDocument
from sitrep.records import Published
from sitrep.resources import Resources
from sitrep.stages.dating import date_report
from sitrep.stages.state import DocState
from sitrep.stages.times import extract_times
from sitrep.stages.times_rules import precision, value_bounds

TIMEX_TYPES = {"date": "DATE", "time": "TIME", "duration": "DURATION", "set": "SET"}


def _state(text: str, resources: Resources, published: date | None) -> DocState:
    stated = Published(date=published.isoformat(), basis="user") if published else Published()
    return DocState(
        raw=RawDocument(text=text, origin="<eval>"),
        text=text,
        doc=_parse(text, resources),
        published=stated,
    )


_last_parse: dict[str, Doc] = {}


def _parse(text: str, resources: Resources) -> Doc:
    """The spaCy parse of ``text``; the last one is kept, as dating and its ceiling read
    the same text one after the other."""
    if text not in _last_parse:
        _last_parse.clear()
        _last_parse[text] = resources.nlp(text)
    return _last_parse[text]


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


def sitrep_stated_near(text: str, dct: date, resources: Resources) -> bool:
    """Whether ``text`` (DCT hidden) states a day, week or month, with its year, that ends
    within ``NEAR_DAYS`` before ``dct``: without one, no window that narrow can be built
    from the text (a year-less "Oct. 19" cannot say which year)."""
    state = _state(text, resources, None)
    extract_times(state, resources)
    for time in state.times:
        bounds = value_bounds(time.value) if time.value else None
        if bounds and precision(time.value) in ("day", "week", "month"):
            start, end = bounds
            if start <= dct and (dct - end).days <= NEAR_DAYS:
                return True
    return False


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
