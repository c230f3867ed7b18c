"""An event's killed and injured counts: the sentence's toll, taken by the event
nearest it in the parse."""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep.records import Figure
from sitrep.stages.events_context import context_of
from sitrep.stages.events_document import (
    CASUALTY_TYPES,
    is_part_of_toll,
    is_vague,
    stated_quantity,
)
from sitrep.stages.events_sentence import nearest
from sitrep.stages.events_triggers import Trigger
from sitrep.stages.figures import PEOPLE_NOUNS
from sitrep.stages.state import DocState


def casualty_count(
    state: DocState, trigger: Trigger, quantity: str, rivals: list[Token]
) -> int | None:
    """The sentence's count of ``quantity`` if this event has victims and is, of the
    sentence's such events, the one nearest to the count in the parse."""
    if trigger.type not in CASUALTY_TYPES:
        return None
    sentence = trigger.token.sent
    for figure in context_of(state).figures.between(sentence.start_char, sentence.end_char):
        if figure.value is None or _counted_as(state, figure) != quantity:
            continue
        if is_part_of_toll(state.text, figure) or is_vague(figure):
            continue  # "Two children were among the dead", "dozens killed": no toll
        if len(rivals) > 1:
            span = state.doc.char_span(figure.span.start, figure.span.end, alignment_mode="expand")
            if span is not None and nearest(span.root, rivals) != trigger.token:
                return None
        return round(figure.value)
    victim = single_victim(sentence, quantity)
    if victim is not None and (len(rivals) < 2 or nearest(victim, rivals) == trigger.token):
        return 1
    return None


# Nouns of people by what they do or are: worshippers, herders, parishioners, Christians,
# servicemen, trainees (the figures stage lists the common ones; round 11).
_PERSON_SUFFIX = re.compile(r"(?:[^e]er|or|ist|ian|ant|ent|ee|man|men)$")


def _counted_as(state: DocState, figure: Figure) -> str | None:
    """The figure's quantity, or for a count of people the figures stage does not know
    as people, the harm its verb tells ("gunmen killed 44 worshippers"; round 11)."""
    stated = stated_quantity(state.text, figure)
    if stated != "other":
        return stated
    span = state.doc.char_span(figure.span.start, figure.span.end, alignment_mode="expand")
    if span is None:
        return None
    noun = span.root.head if span.root.dep_ == "nummod" else span.root
    if noun.dep_ not in ("dobj", "nsubjpass") or noun.tag_ != "NNS":
        return None
    if not _PERSON_SUFFIX.search(noun.lemma_.lower()):
        return None  # "drought killed 300 cattle": no one's death
    verb = noun.head.lemma_.lower()
    return next((q for q, verbs in _HARM_VERBS.items() if verb in verbs), None)


_SINGLE = frozenset({"a", "an", "the", "one"})
_HARM_VERBS = {"killed": frozenset({"kill"}), "injured": frozenset({"injure", "wound", "hurt"})}


def single_victim(sentence: SpacySpan, quantity: str) -> Token | None:
    """ "the driver was killed", "killing a woman": one victim told without a number."""
    verbs = _HARM_VERBS.get(quantity, frozenset())
    for token in sentence:
        if token.pos_ != "VERB" or token.lemma_.lower() not in verbs:
            continue
        for child in token.children:
            if child.dep_ in ("nsubjpass", "dobj") and _one_person(child):
                return token
    return None


def _one_person(noun: Token) -> bool:
    return (
        noun.tag_ == "NN"
        and noun.lemma_.lower() in PEOPLE_NOUNS
        and any(c.dep_ in ("det", "nummod") and c.lower_ in _SINGLE for c in noun.children)
        and not any(c.dep_ == "conj" for c in noun.children)
    )
