"""The toll of the fight for a town is its capture's (round 16).

"Government forces said they had retaken the town of Kestrel ... Doctors said at least 25
fighters had been killed in the battle for Kestrel." The battle told *for*
a town the report tells taken or retaken is the fighting that won it: the writers of
outside sets a, e, g and l put such a toll on the capture or the recapture (g's notes: "the
capture of a town carries the fighting's toll"; round 13's convention for fighting told in
the capture's own sentence). The events stage still tells the battle as an armed clash of
its own; this pass moves its toll to the ground taken, where that event has none:

* the count is told in a sentence of the clash whose fighting noun is "for" or "over" a
  town ("the battle for Kestrel", "the fight for control of Kestrel");
* the capture, recapture or occupation is told at that town, of the report's news (not
  "the town fell to the rebels in 2021" dated years before), with no count of that harm;
  of several, the one told first (the report's headline and lead tell the news first).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep.records import Event, Span
from sitrep.stages.events_context import mentions_in_sentence
from sitrep.stages.events_counts import counted_as
from sitrep.stages.state import DocState

_FIGHTS = frozenset({"armed_clash", "siege"})
_GROUND = frozenset({"capture", "recapture", "occupation"})
_FIGHTING_NOUNS = frozenset({"battle", "fight", "fighting", "struggle", "clash", "combat"})
_REALIS = frozenset({"fact", "claim"})


def give_fighting_to_ground(
    state: DocState, events: Sequence[Event], of_the_news: Callable[[Event], bool]
) -> list[Event]:
    """``events`` with the toll of a fight for a town moved to the town's capture (see the
    module docstring)."""
    result = list(events)
    ground = [i for i, e in enumerate(result) if e.type in _GROUND and e.modality in _REALIS]
    if not ground:
        return result
    for index, event in enumerate(result):
        if event.type not in _FIGHTS or (event.killed is None and event.injured is None):
            continue
        for span in event.evidence:
            sentence = _sentence_of(state, span)
            if sentence is None:
                continue
            town = _town_fought_for(state, sentence)
            if town is None:
                continue
            for quantity in ("killed", "injured"):
                count = _count(result[index], quantity)
                if count is None or not _told_in(state, sentence, quantity, count):
                    continue
                taker = _ground_taken(result, ground, town, quantity, of_the_news)
                if taker is None:
                    continue
                result[taker] = _with(result[taker], quantity, count, span)
                result[index] = _with(result[index], quantity, None, None)
    return result


def _sentence_of(state: DocState, span: Span) -> SpacySpan | None:
    found = state.doc.char_span(span.start, span.end, alignment_mode="expand")
    return found.sent if found is not None else None


def _town_fought_for(state: DocState, sentence: SpacySpan) -> str | None:
    """The one place a fighting noun of the sentence is fought "for" or "over" ("the
    battle for Kestrel itself", "the fight for control of Harlow")."""
    fought = {
        place.id for token, place in mentions_in_sentence(state, sentence)
        if not place.metonymy and _object_of_a_fight(token)
    }  # fmt: skip
    return fought.pop() if len(fought) == 1 else None


def _object_of_a_fight(name: Token) -> bool:
    node = name
    for _ in range(6):  # "for [control of] Kestrel": prepositions and nouns only
        head = node.head
        if head.i == node.i:
            return False
        if head.lower_ in ("for", "over") and head.dep_ == "prep":
            return head.head.lemma_.lower() in _FIGHTING_NOUNS
        if head.pos_ in ("VERB", "AUX"):
            return False
        node = head
    return False


def _told_in(state: DocState, sentence: SpacySpan, quantity: str, count: int) -> bool:
    """Whether the sentence states that count of that harm."""
    return any(
        figure.value is not None and round(figure.value) == count
        and sentence.start_char <= figure.span.start < sentence.end_char
        and counted_as(state, figure) == quantity
        for figure in state.figures
    )  # fmt: skip


def _ground_taken(
    events: Sequence[Event],
    ground: list[int],
    town: str,
    quantity: str,
    of_the_news: Callable[[Event], bool],
) -> int | None:
    """The capture of ``town`` told first, of the news, with no count of ``quantity``."""
    found = [
        i for i in ground
        if events[i].place == town and of_the_news(events[i])
        and _count(events[i], quantity) is None
    ]  # fmt: skip
    if not found:
        return None
    return min(found, key=lambda i: events[i].evidence[0].start if events[i].evidence else 0)


def _count(event: Event, quantity: str) -> int | None:
    return event.killed if quantity == "killed" else event.injured


def _with(event: Event, quantity: str, count: int | None, told: Span | None) -> Event:
    evidence = event.evidence
    if told is not None and told not in evidence:
        evidence = (*evidence, told)
    if quantity == "killed":
        return dataclasses.replace(event, killed=count, evidence=evidence)
    return dataclasses.replace(event, injured=count, evidence=evidence)
