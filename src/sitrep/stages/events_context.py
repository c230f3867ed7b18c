"""What every part of the events stage asks of a report: its records indexed by
position once (so that each trigger looks only at its own sentence), the clause chain
above a trigger, and the literal place mentions of a sentence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep.records import Figure, Organization, Person, Place, Quote, TimeExpression
from sitrep.stages.events_document import dateline_span, outside
from sitrep.stages.figures_index import Intervals, Lines, PlaceMentions, Positions
from sitrep.stages.state import DocState


@dataclass(frozen=True, slots=True)
class EventContext:
    """The report's records indexed by position once (see figures_index), so that each
    trigger asks only about its own sentence: linear in the report's length."""

    lines: Lines
    places: PlaceMentions
    dateline: tuple[int, int]
    times: Positions[tuple[int, TimeExpression]]
    figures: Positions[Figure]
    quotes: Intervals[Quote]
    speakers: Intervals[int]
    people: Positions[str]
    records: tuple[Person | Organization, ...]

    @classmethod
    def of(cls, state: DocState) -> EventContext:
        records: tuple[Person | Organization, ...] = (*state.people, *state.organizations)
        return cls(
            lines=Lines(state.text),
            places=PlaceMentions(state.places, state.text),
            dateline=dateline_span(state.text),
            times=Positions((t.span.start, (i, t)) for i, t in enumerate(state.times)),
            figures=Positions((f.span.start, f) for f in state.figures),
            quotes=Intervals((q.span.start, q.span.end, q) for q in state.quotes),
            speakers=Intervals(
                (m.start, m.end, order) for order, r in enumerate(records) for m in r.mentions
            ),
            people=Positions((m.start, p.id) for p in state.people for m in p.mentions),
            records=records,
        )


_CONTEXT_KEY = "events.context"


def context_of(state: DocState) -> EventContext:
    """The state's EventContext, built again whenever a stage replaced a list it indexes."""
    sources = _indexed_lists(state)
    cached = state.scratch.get(_CONTEXT_KEY)
    if cached is not None and all(a is b for a, b in zip(cached[0], sources, strict=True)):
        return cached[1]  # type: ignore[no-any-return]
    context = EventContext.of(state)
    state.scratch[_CONTEXT_KEY] = (sources, context)
    return context


def _indexed_lists(state: DocState) -> tuple[Any, ...]:
    return (state.places, state.times, state.figures, state.quotes, state.people,
            state.organizations)  # fmt: skip


def clause_chain(token: Token, lines: Lines) -> list[Token]:
    """The trigger and the tokens above it, up to the sentence root or the paragraph's
    edge (the model's sentences sometimes run across paragraphs)."""
    start, end = lines.bounds(token.idx)
    chain = [token]
    node = token
    while node.head != node and start <= node.head.idx < end:
        if node.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            break  # "... but Kyiv's forces pushed them back": a clause of its own
        node = node.head
        chain.append(node)
    return chain


def mentions_in_sentence(state: DocState, sentence: SpacySpan) -> list[tuple[Token, Place]]:
    context = context_of(state)
    found = []
    for mention, place in context.places.literal.between(sentence.start_char, sentence.end_char):
        if not outside(context.dateline, mention.start):
            continue  # a dateline places nothing
        span = state.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            found.append((span.root, place))
    return found


def predicate_of(trigger: Token) -> Token | None:
    """The verb a noun trigger is the subject of in a reduced clause ("A fire swept
    through a camp ... on Sunday", parsed as the fire's ``acl``): its place and date
    are the event's."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return None
    return next((c for c in trigger.children if c.dep_ == "acl" and c.pos_ == "VERB"), None)
