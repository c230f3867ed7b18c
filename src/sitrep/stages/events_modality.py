"""An event's modality: "may"/"might"/"could" -> hypothetical, "plans to" /
"threatens" -> plan, "denied" -> denial, reported speech -> claim with its speaker."""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.records import Modality
from sitrep.stages import events_rules as rules
from sitrep.stages.events_context import clause_chain, context_of
from sitrep.stages.state import DocState


def event_modality(state: DocState, trigger: Token) -> tuple[Modality, str | None]:
    context = context_of(state)
    chain = clause_chain(trigger, context.lines)
    near = _up_to_factual_clause(chain)[:3]
    for node in near:
        if _goes_on(node):
            break  # "blockades would continue at A, B and C": going on, said of the future
        if any(c.dep_ == "aux" and c.lower_ in rules.HYPOTHETICAL_AUX for c in node.children):
            return "hypothetical", None
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in node.children):
            return "hypothetical", None
    # "Many are expected to return home from Friday if the weather clears" (round 10).
    if any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
        for c in near[0].children
    ):
        return "hypothetical", None
    for node in chain[1:]:
        lemma = node.lemma_.lower()
        if lemma in rules.SPEECH_VERBS and node.pos_ == "VERB":
            break  # "denied X, saying its forces had struck Y": Y is claimed, not denied
        if lemma in rules.DENIAL_VERBS:
            return "denial", _speaker_id(state, node)
        if lemma in rules.PLAN_VERBS:
            return "plan", None
    future = any(c.dep_ == "aux" and c.lower_ in ("will", "shall") for c in near[0].children)
    if future and not any(_goes_on(node) for node in near):
        return "plan", None
    quoted = _enclosing_quote_speaker(state, trigger)
    if quoted is not None:
        return "claim", quoted or None
    start, end = context.lines.bounds(trigger.idx)
    below = trigger
    for node in trigger.ancestors:
        if not start <= node.idx < end:
            break
        # Reported speech: the event sits in what the verb reports ("..., he added").
        if (
            node.lemma_.lower() in rules.SPEECH_VERBS
            and node.pos_ == "VERB"
            and below.dep_ in ("ccomp", "parataxis")
        ):
            return "claim", _speaker_id(state, node)
        below = node
    sentence = state.text[max(start, trigger.sent.start_char) : min(end, trigger.sent.end_char)]
    if "according to" in sentence.lower():
        return "claim", None
    return "fact", None


_CONTINUING = frozenset({"continue", "persist", "go"})


def _goes_on(verb: Token) -> bool:
    """ "would continue", "will go on": an event said to go on is happening already
    (round 12); "could continue" stays a guess."""
    if verb.lemma_.lower() not in _CONTINUING:
        return False
    if verb.lemma_.lower() == "go" and not any(c.lower_ == "on" for c in verb.children):
        return False
    return any(c.dep_ == "aux" and c.lower_ in ("would", "will") for c in verb.children)


# "trains would no longer stop after the tracks were damaged": what the clause these
# marks open tells happened, whatever the mood of the clause above it.
_FACTUAL_MARKS = frozenset({"after", "since", "because", "when", "as", "before", "while"})


def _up_to_factual_clause(chain: list[Token]) -> list[Token]:
    for index, node in enumerate(chain):
        if node.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _FACTUAL_MARKS for c in node.children
        ):
            return chain[: index + 1]
    return chain


def _enclosing_quote_speaker(state: DocState, trigger: Token) -> str | None:
    """The speaker ('' when unknown) of a quote that contains the trigger, else None."""
    quotes = context_of(state).quotes.covering(trigger.idx)
    return (quotes[0].speaker or "") if quotes else None


def _speaker_id(state: DocState, verb: Token) -> str | None:
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        return None
    subject = subjects[0]
    start = min(t.idx for t in subject.subtree)
    end = max(t.idx + len(t.text) for t in subject.subtree)
    context = context_of(state)
    # Mentions that overlap the subject: they start inside it, or cover its start.
    overlapping = context.speakers.overlapping(start, end)
    if overlapping:
        return context.records[min(overlapping)].id
    if subject.pos_ == "PRON":
        return _last_person_before(state, subject.idx)
    return None


def _last_person_before(state: DocState, char: int) -> str | None:
    # max((start, id)) over the mentions before char: the last start, then the largest id.
    named = context_of(state).people.last_before(char)
    return max(named) if named else None
