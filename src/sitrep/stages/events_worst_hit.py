"""Places named as the worst hit are places the event hit (session 18).

"Torrential rain sent rivers over their banks across the district, with Mthatha,
Ngqeleni and Libode worst hit"; "The worst-hit towns were A and B"; "A and B were among
the hardest-hit areas". A reader, and an ACLED-style coder, records the event at each
place so named: the report says the hazard or the shelling reached them. No trigger word
stands at the places, so the clause-level rules place nothing there.

Where a sentence says "worst hit", "hardest hit", "worst affected" or "most affected",
the list of places nearest to those words (names joined by commas and "and", ending just
before them or starting just after them) is read, and each listed place that has no event
of the kind gets one. The kind, its date and its actors are those of the event the
sentence itself tells (a disaster, a shelling, an air strike or an attack), else of the
one told last before it in its paragraph, else (where the sentence names no year of its
own) of the report's first such event: the worst-hit places are where that event struck.
Only shares told at such a place ("Mthatha alone accounts for 57 of the dead") are its
toll (``events_tolls``): the sentence's own counts are the whole event's. Countries
are left out: "worst hit" among countries sums a region's disaster, which the report
tells at its own places. A cause named after the words that is no event ("among the
worst hit by inflation") makes no event. The events are added before tolls are given out,
and take only the shares told at their own place (above).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from sitrep.records import Event, Place, Span
from sitrep.stages import events_rules as rules
from sitrep.stages.events_document import months_agree
from sitrep.stages.state import DocState

_WORST = re.compile(r"\b(?:worst|hardest|most)[\s-]+(?:hit|affected)\b", re.IGNORECASE)
# "worst hit by inflation": a cause named after the words that is no hazard or violence.
_BY_CAUSE = re.compile(r"\s+by\s+(?:the\s+|a\s+|an\s+)?((?:[\w-]+\s+){0,2}[\w-]+)", re.I)
# Causes that are hazards though no trigger word: "worst hit by the heavy rains".
_HAZARDS = frozenset({"rain", "rains", "rainfall", "monsoon", "downpour", "downpours", "wind"})
# Between two members of a list: ", ", " and ", ", and ", " & ".
_JOINT = re.compile(r"^(?:\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+)$")
# How far a list may end before the words, or start after them (characters): "A and B
# were among the hardest hit"; "the worst-hit towns were A and B".
_BEFORE = 40
_AFTER = 40
# The kinds of event whose reach a "worst hit" list tells.
_STRIKING = ("disaster", "shelling", "airstrike", "attack")
_CONFIDENCE = 0.6
# A sentence that names a year tells of its own time, not the report's first event's.
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def add_worst_hit_events(events: Sequence[Event], state: DocState) -> list[Event]:
    """``events`` with an event at each place a sentence names as the worst hit."""
    result = list(events)
    if not any(e.type in _STRIKING for e in events):
        return result
    for phrase in _WORST.finditer(state.text):
        sentence = _sentence_at(state, phrase.start())
        if sentence is None or _other_cause(state.text, phrase.end()):
            continue
        model = (
            _event_of(result, sentence)
            or _told_before_in_paragraph(result, sentence, state.text)
            or (None if _YEAR.search(state.text[slice(*sentence)]) else _first_striking(result))
        )
        if model is None:
            continue
        for place in _listed_near(state, phrase, sentence):
            if any(
                e.type == model.type and e.place == place.id and months_agree(e.date, model.date)
                for e in result
            ):
                continue
            result.append(
                dataclasses.replace(
                    model,
                    id=f"E{len(result) + 1}",
                    place=place.id,
                    killed=None,
                    injured=None,
                    evidence=(Span.of(state.text, *sentence),),
                    confidence=_CONFIDENCE,
                )
            )
    return result


def _other_cause(text: str, end: int) -> bool:
    """ "among the worst hit by inflation": the words name a cause that is no event's."""
    cause = _BY_CAUSE.match(text, end)
    if cause is None:
        return False
    words = cause.group(1).lower().split()
    return not any(
        w in _HAZARDS or w in rules.NOUN_TRIGGERS or w.removesuffix("s") in rules.NOUN_TRIGGERS
        for w in words
    )


def _sentence_at(state: DocState, char: int) -> tuple[int, int] | None:
    token = state.doc.char_span(char, char + 1, alignment_mode="expand")
    if token is None:
        return None
    sent = token[0].sent
    start, end = sent.start_char, sent.end_char
    while end > start and state.text[end - 1].isspace():
        end -= 1
    return start, end


def _event_of(events: Sequence[Event], sentence: tuple[int, int]) -> Event | None:
    """The striking event the sentence itself tells, if any."""
    start, end = sentence
    return next(
        (
            e
            for e in events
            if e.type in _STRIKING and any(start <= s.start < end for s in e.evidence)
        ),
        None,
    )


def _told_before_in_paragraph(
    events: Sequence[Event], sentence: tuple[int, int], text: str
) -> Event | None:
    """The striking event told last before the sentence in its paragraph: "... when an
    offensive left 300 soldiers dead. Sotk and Jermuk were among the places worst hit"."""
    start = sentence[0]
    paragraph = text.rfind("\n\n", 0, start) + 2 if "\n\n" in text[:start] else 0
    told = [
        (span.start, e)
        for e in events
        if e.type in _STRIKING
        for span in e.evidence
        if paragraph <= span.start < start
    ]
    return max(told, key=lambda pair: pair[0])[1] if told else None


def _first_striking(events: Sequence[Event]) -> Event | None:
    told = [e for e in events if e.type in _STRIKING and e.evidence]
    return min(told, key=lambda e: e.evidence[0].start) if told else None


def _listed_near(state: DocState, phrase: re.Match[str], sentence: tuple[int, int]) -> list[Place]:
    """The places of the list of names nearest before or after the phrase, within its
    sentence; countries and metonymic mentions left out."""
    start, end = sentence
    mentions = sorted(
        (
            (s.start, s.end, p)
            for p in state.places
            if not p.metonymy and p.kind != "country"
            for s in p.mentions
            if start <= s.start and s.end <= end
        ),
        key=lambda m: m[0],
    )
    runs: list[list[tuple[int, int, Place]]] = []
    for mention in mentions:
        if runs and _JOINT.match(state.text[runs[-1][-1][1] : mention[0]]):
            runs[-1].append(mention)
        else:
            runs.append([mention])
    before = [r for r in runs if 0 <= phrase.start() - r[-1][1] <= _BEFORE]
    after = [r for r in runs if 0 <= r[0][0] - phrase.end() <= _AFTER]
    chosen = before[-1] if before else after[0] if after else []
    seen: list[Place] = []
    for _, _, place in chosen:
        if place not in seen:
            seen.append(place)
    return seen
