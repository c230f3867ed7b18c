"""The places of a trigger's own clause (round 12): the list of locatives its verb, or
what its verb acts on, governs.

"3R fighters attacked army positions at A, B and C", "the raiders burned homes in A, B
and C", "Flash floods hit A, B and C": in English news a list of places in the clause of
the verb that tells the event is where the event happened, one event per place (ACLED
codes one event per location). Each member is a place whether or not the gazetteer can
pin it: a capitalised name listed with others as the object of a locative preposition
is a place name by the syntax alone, and the scorer matches an unpinned place by name.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from spacy.tokens import Token

from sitrep.records import Place, Span
from sitrep.stages.events_context import mentions_in_sentence
from sitrep.stages.events_hazard_lists import hazard_clause_verb
from sitrep.stages.events_r16_lists import arrival_list_heads
from sitrep.stages.events_rules import HAZARD_VERBS, PARTITIVE_NOUNS
from sitrep.stages.events_sentence import list_members
from sitrep.stages.state import DocState

# Prepositions that say where something happens ("in", "at", "across"), not where it
# leads to or comes from ("to", "from", "towards": events_place handles those).
LOCATIVE_PREPOSITIONS = frozenset(
    {"in", "at", "on", "across", "near", "around", "through", "throughout", "inside"}
)  # fmt: skip
# Verbs whose direct object is the place hit: "Floods hit A, B and C", "shelled A and B".
IMPACT_VERBS = frozenset(
    {"hit", "strike", "batter", "ravage", "flood", "inundate", "shell", "bomb", "attack",
     "raid", "overrun", "pound", "shake", "rock", "devastate", "sweep", "swamp", "target",
     "storm", "seize", "capture", "retake", "recapture", "besiege", "encircle", "evacuate"}
)  # fmt: skip
# Entity labels that are never places, even capitalised in a list ("in January and May",
# "in Muslims and Christians"). Not PERSON: the small model calls many foreign village
# names people ("in Likuangole, Manyabol and Lotila": Lotila PERSON).
NOT_PLACE_ENTITIES = frozenset(
    {"DATE", "TIME", "NORP", "ORG", "MONEY", "PERCENT", "CARDINAL", "ORDINAL",
     "QUANTITY", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT"}
)  # fmt: skip
# Confidence of a place only the syntax of a list names (no gazetteer entry).
LISTED_PLACE_CONFIDENCE = 0.3


def clause_place_list(trigger: Token) -> list[Token]:
    """The members of the longest list of places the trigger's clause governs (two or
    more, in the text's order), or [] when it governs none."""
    best: list[Token] = []
    for head in _list_heads(trigger):
        members = sorted(
            list_members(head) | _joined_to_share(head) | _names_before_kind(head),
            key=lambda t: t.i,
        )
        if len(members) >= 2 and len(members) > len(best):
            best = members
    own = _objects_own_places(_verb_of(trigger))
    return own if len(own) > len(best) else best


def _objects_own_places(verb: Token) -> list[Token]:
    """ "Landslides blocked the highway near A, the road at B and the pass near C": each
    conjoined object of the verb with a locative of its own names one place of the
    clause (round 15d); [] unless two objects or more each name one."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects = [o for first in objects for o in (first, *first.conjuncts)]
    places = [
        o for obj in objects for prep in obj.children
        if prep.dep_ == "prep" and prep.lower_ in LOCATIVE_PREPOSITIONS
        for o in prep.children if o.dep_ == "pobj" and o.pos_ == "PROPN"
    ]  # fmt: skip
    return sorted(set(places), key=lambda t: t.i) if len(places) >= 2 else []


def _list_heads(trigger: Token) -> Iterator[Token]:
    """The objects of locative prepositions of the trigger's verb and of what the verb
    acts on, and the direct object of a verb of impact."""
    verb = _verb_of(trigger)
    # First, so that on a tie the towns named outrank the regions they stand in.
    yield from _places_included(verb)
    holders = [verb, trigger]
    holders += [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    # "Floodwaters swept into A, B and C": what strikes goes into where it strikes
    # (round 14); people who go "into" a place go to it (events_place's destinations).
    # A hazard goes into where it reaches: "the river spilled into A, B and C" (15d).
    strikes = _strikes(verb) or hazard_clause_verb(verb)
    where = LOCATIVE_PREPOSITIONS | ({"into"} if strikes else set())
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in where:
                yield from (_past_partitive(o) for o in prep.children if o.dep_ == "pobj")
    if verb.pos_ == "VERB" and verb.lemma_.lower() in IMPACT_VERBS:
        yield from (_past_partitive(c) for c in verb.children if c.dep_ == "dobj")
    # "delivered food to A, B and C": aid at each place it reached (round 16).
    yield from arrival_list_heads(verb)


def _strikes(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    return verb.pos_ == "VERB" and (lemma in IMPACT_VERBS or lemma in HAZARD_VERBS)


# Nouns of places a list may stand for: "a string of towns ..., including A and B".
_PLACE_KINDS = frozenset(
    {"town", "village", "city", "settlement", "district", "area", "locality", "community",
     "neighbourhood", "neighborhood", "region", "province", "camp"}
)  # fmt: skip


def _places_included(verb: Token) -> Iterator[Token]:
    """ "The insurgents have retaken a string of towns since February, including A and
    B": the members an "including" names of the places the verb acts on (round 13,
    set c). Only places: "killed 12 people, including A and B" names people."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    for noun in objects:
        kinds = {noun.lemma_.lower()} | {
            o.lemma_.lower()
            for p in noun.children
            if p.lower_ == "of"
            for o in p.children
            if o.dep_ == "pobj"
        }  # "a string of towns"
        if not kinds & _PLACE_KINDS:
            continue
        # The parser hangs a late "including" on the verb or, at times, on its subject.
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < noun.i]
        for holder in (verb, noun, *subjects):
            for prep in holder.children:
                if prep.dep_ == "prep" and prep.lower_ == "including" and prep.i > noun.i:
                    yield from (o for o in prep.children if o.dep_ == "pobj")


def _names_before_kind(noun: Token) -> set[Token]:
    """ "in the Farchana, Métché and Arkoum camps", "the Kalma and Otash camps": names
    listed before a plural noun of a kind of place are places of that kind, one each
    (round 15). Only a plural: "the Farchana camp" is one place, "the Pibor road" none;
    but a list of three names or more closed by a singular kind ("in Wenxian, Kangxian
    and Wudu district") is a list whose last member carries its kind (session 18)."""
    if noun.lemma_.lower() not in _PLACE_KINDS:
        return set()
    least = 2 if noun.tag_ == "NNS" else 3
    for child in noun.children:
        if child.i < noun.i and child.dep_ in ("nmod", "compound") and _capitalised(child):
            # The tagger calls some listed names adjectives ("Dunmere" JJ): the capital
            # and the list say they are names.
            listed = {child, *(c for c in child.conjuncts if _capitalised(c))}
            if len(listed) >= least:
                return listed
    return set()


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and token.pos_ in ("PROPN", "ADJ", "NOUN")


# "the streets of A, B and C": a town's streets stand where its name would (round 15d).
_TOWNS_BY_PARTS = frozenset({"street"})


def _past_partitive(noun: Token) -> Token:
    """ "in parts of A and B": the list stands after the share's "of" (round 13); "the
    villages of A, B and C", "villages in the A, B and C districts": after a plural
    kind of place's "of" or "in" (round 19)."""
    kind = noun.tag_ == "NNS" and noun.lemma_.lower() in _PLACE_KINDS
    if kind:
        within = [
            o for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in ("of", "in")
            for o in prep.children if o.dep_ == "pobj"
        ]  # fmt: skip
        return within[0] if within else noun
    if noun.lemma_.lower() not in PARTITIVE_NOUNS | _TOWNS_BY_PARTS:
        return noun
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    objects = [c for c in of.children if c.dep_ == "pobj"] if of is not None else []
    return objects[0] if objects else noun


def _joined_to_share(member: Token) -> set[Token]:
    """ "in parts of A and B" parsed as "(parts of A) and B": B is listed with A."""
    share = member.head.head if member.dep_ == "pobj" and member.head.lower_ == "of" else None
    if share is None or share.lemma_.lower() not in PARTITIVE_NOUNS:
        return set()
    return {c for c in share.conjuncts if c.pos_ == "PROPN"}


def _verb_of(trigger: Token) -> Token:
    """The verb that tells the event: the trigger itself, the verb a trigger noun is the
    subject of ("Floods hit ..."), or the noun itself when it has none."""
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("nsubj", "nsubjpass"):
        return trigger.head
    return trigger


def listed_place_ids(state: DocState, trigger: Token) -> list[str]:
    """The place ids of the trigger's clause list, in the text's order: the place each
    member names, or a new unpinned place for a capitalised member the place stage did
    not keep. [] when the clause lists fewer than two places."""
    members = clause_place_list(trigger)
    if not members:
        return []
    found = mentions_in_sentence(state, trigger.sent)
    ids: list[str] = []
    for member in members:
        place = _place_at(member, found)
        if place is None and is_name(member, state):
            place = listed_place(state, member)
        if place is not None and place.id not in ids and not place.metonymy:
            ids.append(place.id)
    return ids if len(ids) >= 2 else []


def _place_at(member: Token, found: list[tuple[Token, Place]]) -> Place | None:
    """The place a list member names: a mention rooted at it or at a word of its name."""
    words = {member.i, *(c.i for c in member.children if c.dep_ in ("compound", "flat"))}
    rooted = next(
        (p for t, p in found
         if t.i in words or (t.head.i == member.i and t.dep_ == "compound")),
        None,
    )  # fmt: skip
    if rooted is not None:
        return rooted
    # "Wudu" of "in Wenxian, Kangxian and Wudu district": a mention its name opens.
    return next((p for _, p in found for m in p.mentions if m.start <= member.idx < m.end), None)


def is_name(member: Token, state: DocState) -> bool:
    """A capitalised proper name the model does not call a date, person or group."""
    if member.pos_ != "PROPN" or not member.text[:1].isupper():
        return False
    if member.ent_type_ in NOT_PLACE_ENTITIES:
        return False
    rejected = state.scratch.get("places.rejected") or ()
    return _name_span(member)[2] not in rejected


def _name_span(member: Token) -> tuple[int, int, str]:
    """(start, end, text) of the name ``member`` heads: it and the capitalised words
    compounded before it ("De Gaulle", "Souq al-Juma")."""
    start = member
    while True:
        left = start.nbor(-1) if start.i > start.sent.start else None
        if left is None or left.head != member or left.dep_ not in ("compound", "flat"):
            break
        start = left
    text = member.doc.text[start.idx : member.idx + len(member.text)]
    return start.idx, member.idx + len(member.text), text


def listed_place(state: DocState, member: Token) -> Place:
    """The place record of a listed name the place stage did not keep here: the place of
    that name it kept elsewhere (given this mention), else a new unpinned place."""
    start, end, name = _name_span(member)
    mention = Span.of(state.text, start, end)
    same = next((p for p in state.places if p.name.casefold() == name.casefold()), None)
    if same is not None:
        # A name the place stage kept elsewhere but not here: this mention is its too.
        if mention in same.mentions:
            return same
        mentions = tuple(sorted((*same.mentions, mention), key=lambda m: m.start))
        grown = dataclasses.replace(same, mentions=mentions)
        state.places = [grown if p is same else p for p in state.places]
        return grown
    place = Place(
        id=_free_id(state.places),
        name=name,
        mentions=(mention,),
        confidence=LISTED_PLACE_CONFIDENCE,
    )
    # A new list (not an append): the events context re-indexes the places it sees.
    state.places = [*state.places, place]
    return place


def _free_id(places: list[Place]) -> str:
    numbers = [int(p.id[1:]) for p in places if p.id[:1] == "P" and p.id[1:].isdigit()]
    return f"P{max(numbers, default=0) + 1}"
