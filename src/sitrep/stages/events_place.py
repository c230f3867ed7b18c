"""The choice of an event's place within its sentence: the patient of a passive
("Izyum was reclaimed"), an object, a locative ("In Izyum, ..."), where the target
or the subject stands, or the settlement that "the city" refers back to; always a
literal (non-metonymic) place."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Token

from sitrep.records import Place
from sitrep.stages import events_move_roles as moves
from sitrep.stages import events_rules as rules
from sitrep.stages.events_context import (
    clause_chain,
    context_of,
    mentions_in_sentence,
    predicate_of,
)
from sitrep.stages.figures_index import is_reference_point
from sitrep.stages.state import DocState

_SETTLEMENT_NOUNS = frozenset({"city", "town", "village", "settlement"})
_SETTLEMENT_KINDS = frozenset({"city", "town", "village"})


def event_place(state: DocState, trigger: Token, kind: str = "") -> str | None:
    """A literal place of the trigger's clause (see module docstring), or None. A place
    the gazetteer could not pin ("the Abu Shouk camp") gives way to a resolved settlement
    of the same sentence ("... fled El Fasher after the RSF shelled ..."), unless it is
    told as a village or town ("Pazigyi village"): the gold names it (round 9).
    Where aid or returning people come from is not where the event is ("teams arrived
    from the provincial capital, Wabag, with food"; round 6)."""
    mentions = [
        (t, p) for t, p in mentions_in_sentence(state, trigger.sent) if not _names_a_force(t)
    ]
    if kind in _PLACED_AT_DESTINATION:
        mentions = [(t, p) for t, p in mentions if not is_origin(t)]
        arrived = moves.delivered_to(trigger, mentions)
        if arrived is not None:
            return arrived.id  # "sent food ... to Dhading": where it arrives (round 15c)
    volcano = _erupting(trigger, mentions) if kind == "disaster" else None
    if volcano is not None:
        return volcano.id  # "Kanlaon erupted", "the eruption of Semeru" (round 22)
    country = _report_country(state) if _toll_across_the_country(trigger) else None
    if country is not None:
        return country.id
    if kind in _MOVES:
        origin = _origin_of_move(trigger, mentions)
        if origin is not None:
            return origin.id  # named as what people left: no town of the sentence outranks it
        if _goes_on_to_destination(trigger):
            # "had fled the eastern districts, most of them to relatives in Tripoli": a
            # flight told with where some went is placed where they fled (round 14).
            mentions = [(t, p) for t, p in mentions if not is_destination(t)]
    found = _clause_place(state, trigger, mentions)
    # "Gumuruk has been tense since December 2022, when youths overran the village",
    # "Swat was among the areas hit in August 2022, when floods across Pakistan killed
    # 1,700": a background "when" clause with no town of its own happened at the place
    # the clause it hangs on is told of (round 12).
    host = _when_host(state, trigger, mentions)
    if host is not None and (
        found is None or found.kind == "country" or _not_named_in_clause(found, mentions, trigger)
    ):
        return host.id  # named as the subject: no settlement of the sentence outranks it
    if found is None and kind in _PLACED_BY_OWNER:
        found = next((p for t, p in mentions if _possesses_subject(t, trigger)), None)
        found = found or _only_country(mentions)
    if found is None and (_across_the_country(trigger) or _said_of_the_country(state, trigger)):
        found = _report_country(state)
    region = None if found is not None else _region_referred_to(state, trigger)
    if found is None and region is None and _over_many_areas(trigger):
        region = _main_region(state)
    if region is not None:
        return region.id  # named by its noun alone: no settlement of the sentence outranks it
    if found is None:
        found = _sole_locative_after(trigger, mentions)
    if found is not None and found.kind == "country":
        found = _place_within(state, trigger, mentions, found) or found
    if found is None or found.lat is not None or _named_as_settlement(state, found):
        return found.id if found else None
    town = _town_of_quarter(state, found, trigger)
    if town is not None:
        return town.id
    settled = [
        p for t, p in mentions
        if p.lat is not None and p.kind in _SETTLEMENT_KINDS
        and not measured_from(state.text, mention_start(p, t.idx))  # "500 km west of X"
        and not _DIRECTION_BEFORE.search(
            state.text, max(0, mention_start(p, t.idx) - 24), mention_start(p, t.idx)
        )
        and not names_an_area(state.text, p, t.idx)  # "in Dansadau, in Maru LGA"
        and not (kind in _MOVES and is_destination(t))  # "most of them to Gusau"
    ]  # fmt: skip
    return settled[0].id if settled else found.id


def _erupting(trigger: Token, mentions: list[tuple[Token, Place]]) -> Place | None:
    """The place named as what erupts: the subject of "erupt", what an eruption is "of"
    or whose it is ("Kanlaon erupted", "the eruption of Kanlaon", "Semeru's eruption",
    "the Marapi eruption"); not a country ("Iceland's eruption" is placed as usual)."""
    lemma = trigger.lemma_.lower()
    if lemma == "erupt":
        named = [c for c in trigger.children if c.dep_ == "nsubj"]
    elif lemma == "eruption":
        named = [c for c in trigger.children if c.dep_ in ("poss", "compound")]
        named += [
            o for p in trigger.children if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children if o.dep_ == "pobj"
        ]  # fmt: skip
    else:
        return None
    # The name itself and its compounds ("Mount Marapi"), not a place hung on it
    # ("gunfire from Harlow erupted").
    words = {w.i for n in named for w in (n, *n.children) if w is n or w.dep_ == "compound"}
    return next(
        (p for t, p in mentions if p.kind not in ("country", "region") and t.i in words),
        None,
    )


def _when_host(
    state: DocState, trigger: Token, mentions: list[tuple[Token, Place]]
) -> Place | None:
    """The place that is the subject of the clause a "when" clause holding the trigger
    hangs on, or None when the trigger is in no such clause or the subject is no place.
    A subject the place stage kept elsewhere but not here is matched by its name."""
    clause = next(
        (node for node in (trigger, *trigger.ancestors)
         if node.pos_ in ("VERB", "AUX")),
        None,
    )  # fmt: skip
    if clause is None or not any(c.lower_ == "when" and c.tag_ == "WRB" for c in clause.children):
        return None
    host = next(
        (n for n in clause.ancestors
         if any(c.dep_ in ("nsubj", "nsubjpass") for c in n.children)),
        None,
    )  # fmt: skip
    if host is None:
        return None
    subjects = [c for c in host.children if c.dep_ in ("nsubj", "nsubjpass")]
    named = {m.text.casefold(): p for p in state.places for m in p.mentions}
    named.update({p.name.casefold(): p for p in state.places})
    for subject in subjects:
        place = next((p for t, p in mentions if t.i == subject.i), None)
        if place is None and subject.pos_ == "PROPN":
            place = named.get(subject.text.casefold())
        if place is not None and place.kind != "country" and not place.metonymy:
            return place
    return None


def _not_named_in_clause(place: Place, mentions: list[tuple[Token, Place]], trigger: Token) -> bool:
    """Whether the trigger's clause names ``place`` by no name of its own (only "the
    village", or it came from a town named before)."""
    return not any(
        p.id == place.id and t.text[:1].isupper() and in_own_clause(t, trigger) for t, p in mentions
    )


# "the Al-Sahaba neighbourhood", "near the Al-Manshiya police station": a named part of a
# town. The dev-set writers place such events at the town (team kadugli, taiz; h sabha).
# The quarter word after the name, or after the names coordinated with it ("the Hamdallaye
# and Bambeto neighbourhoods"; round 22).
QUARTER_AFTER = re.compile(
    r"(?:(?:,\s*(?:and\s+)?|\s+and\s+)(?:al-)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)*"
    r"\s+(?i:neighbou?rhoods?|quarters?|suburbs?|police\s+station)\b"
)


def _town_of_quarter(state: DocState, place: Place, trigger: Token) -> Place | None:
    """The town told last before an unpinned place the trigger's sentence names as a
    quarter of a town ("Artillery fire hit the Al-Sahaba neighbourhood"), or None."""
    sentence = trigger.sent
    for mention in place.mentions:
        if sentence.start_char <= mention.start < sentence.end_char and QUARTER_AFTER.match(
            state.text, mention.end
        ):
            town = context_of(state).places.last_settlement_before(mention.start)
            return town if town is not None and town.lat is not None else None
    return None


# "the town of", "the village of": the place noun a name may stand behind.
_NAMED_AS_SETTLEMENT_BEFORE = re.compile(
    r"\bthe\s+(?:(?:small|nearby|neighbouring|neighboring|border|market|district)\s+)?"
    r"(?:city|town|village|settlement|camp)\s+of\s+$",
    re.I,
)


def measured_from(text: str, start: int) -> bool:
    """Whether the place named at ``start`` is where a distance is measured from or a
    route ends, also behind a settlement noun: "about 15 kilometres from the town of
    Bani Bangou" places nothing at Bani Bangou, as "15 km from Bani Bangou" does not
    (round 15)."""
    if is_reference_point(text, start):
        return True
    noun = _NAMED_AS_SETTLEMENT_BEFORE.search(text, max(0, start - 40), start)
    return noun is not None and is_reference_point(text, noun.start())


def mention_start(place: Place, at: int) -> int:
    """Where the mention of ``place`` holding character ``at`` starts ("Bani Bangou" for
    its head word "Bangou"), or ``at`` itself."""
    return next((m.start for m in place.mentions if m.start <= at < m.end), at)


# "a blockade at Parotani, west of Cochabamba": a town a direction is taken from is a
# landmark, not where the event is (round 12).
_DIRECTION_BEFORE = re.compile(
    r"\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
    r"(?:ern)?\s+of\s+$",
    re.I,
)


# The last word of a force's or a body's name: "the South Sudan People's Defence Forces".
_BODY_NOUNS = (
    rules.MILITARY_NOUNS | rules.POLICE_NOUNS | rules.GOVERNMENT_NOUNS
    | {"front", "movement", "party", "group", "agency", "council", "committee"}
)  # fmt: skip


def _names_a_force(token: Token) -> bool:
    """ "Fighting between the South Sudan People's Defence Forces and armed youth in Nasir":
    a name the place stage took for a place but that ends in a force's or a body's noun
    names who acts, not where (round 10)."""
    return token.pos_ == "PROPN" and token.lemma_.lower().removesuffix("s") in _BODY_NOUNS


# "The territory has been tense since the riots": the report's country, referred back to.
_COUNTRY_ANAPHORS = frozenset({"territory", "country", "island", "nation", "archipelago"})


def _said_of_the_country(state: DocState, trigger: Token) -> bool:
    """Whether the clause above the trigger is told of "the territory", "the country" or
    "the island" (its subject): the report's country (round 10)."""
    for node in clause_chain(trigger, context_of(state).lines)[:3]:
        for child in node.children:
            if (
                child.dep_ in ("nsubj", "nsubjpass")
                and child.lemma_.lower() in _COUNTRY_ANAPHORS
                and _definite(child)
            ):
                return True
    return False


def _named_as_settlement(state: DocState, place: Place) -> bool:
    """Whether an unresolved place is told as a village or town ("Pazigyi village", "the
    village of Tadjalalt"): the gold names it, so it stays the event's place (round 9)."""
    for mention in place.mentions:
        before = state.text[max(0, mention.start - 20) : mention.start].lower().split()
        words = [w.lower() for w in mention.text.split()]
        if words[-1:] and words[-1] in _SETTLEMENT_NOUNS:
            return True
        if before[-2:] and before[-1] == "of" and before[-2].rstrip("s") in _SETTLEMENT_NOUNS:
            return True  # "the village of X", "the villages of X and Y"
        if before[-2:] and before[-1] == "of" and before[-2] in _SITE_NOUNS:
            return True  # "at the port of Népoui" (round 15)
    return False


# "the port of X": a place noun a name stands behind, like "the village of X". Not "the X
# camp": the team's gold places "shelled the Abu Shouk camp" at El Fasher (round 15).
_SITE_NOUNS = frozenset({"port"})


_PLACED_AT_DESTINATION = frozenset({"aid", "return"})
_MOVES = frozenset({"evacuation", "displacement"})


def _origin_of_move(trigger: Token, mentions: list[tuple[Token, Place]]) -> Place | None:
    """ "evacuated 23 wounded people from Stepanakert to hospitals in Armenia": people
    are moved out of where the event is (round 7). "had fled Dansadau", "left Kherson",
    "evacuated Grindavik": what a verb of leaving acts on is the place left (round 14;
    ACLED codes displacement where people fled from)."""
    moved = [trigger, *(c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass"))]
    for token, place in mentions:
        if is_origin(token) and token.head.head in moved:  # "people from X" too
            return place
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in _LEAVING_VERBS:
        return None
    for token, place in mentions:
        node = token.head if token.dep_ in ("conj", "appos") else token
        if node.dep_ == "dobj" and node.head == trigger and place.kind != "country":
            return place
    return None


# Verbs whose object is the place left: "fled Dansadau", "abandoned the village of X".
_LEAVING_VERBS = frozenset({"flee", "leave", "abandon", "evacuate", "escape", "desert", "quit"})
# "fled towards Bunia", "left for Sumy", "moved to relatives in Gusau": where people went.
_DESTINATION_PREPOSITIONS = frozenset({"to", "towards", "toward", "into", "for"})
# "most of them to Gusau", "many to relatives": a share of those who fled, and where.
_SHARES = frozenset({"most", "many", "some", "half", "majority", "others", "all", "several"})


def is_destination(token: Token) -> bool:
    """Whether a place hangs from a phrase of where people went ("to relatives in
    Gusau", "towards Bunia and Nizi", "for the city of Sumy"), through nouns only."""
    node = token
    while node.head != node and node.pos_ not in ("VERB", "AUX"):
        if node.dep_ == "pobj" and node.head.lower_ in _DESTINATION_PREPOSITIONS:
            return True
        node = node.head
    return False


def _goes_on_to_destination(trigger: Token) -> bool:
    """ "fled ..., most of them to relatives in Tripoli", "left for Sumy": the trigger
    tells where its people went in a phrase of its own, so the flight is told from its
    origin."""
    clause = [trigger, *(c for c in trigger.children if c.dep_ in ("nsubj", "conj", "npadvmod"))]
    for node in clause:
        for prep in node.children:
            if prep.dep_ != "prep" or prep.lower_ not in _DESTINATION_PREPOSITIONS:
                continue
            if node is not trigger or prep.lower_ in ("towards", "toward", "for"):
                return True
            if any(c.lower_ in _SHARES for c in (*trigger.children, *prep.children)):
                return True  # "most of them to relatives in X", however it is parsed
    return any(c.lower_ in _SHARES and c.dep_ in ("nsubj", "npadvmod") for c in trigger.children)


# "in Maru Local Government Area", "Djugu territory": a name followed by the noun of an
# administrative area names that area, not the town of the same name (round 14).
_AREA_AFTER = re.compile(
    r"\s+(?:local\s+government\s+area|lga|district|county|province|territory|municipality"
    r"|governorate|department|oblast|region|state)\b",
    re.I,
)


def names_an_area(text: str, place: Place, at: int) -> bool:
    """Whether the mention of ``place`` at ``at`` is followed by an area noun."""
    for mention in place.mentions:
        if mention.start <= at < mention.end:
            return bool(_AREA_AFTER.match(text, mention.end))
    return False


def is_origin(token: Token) -> bool:
    """ "from the provincial capital, Wabag": the place (or its apposition) after "from"."""
    node = token.head if token.dep_ in ("appos", "conj") else token
    return node.dep_ == "pobj" and node.head.lower_ == "from"


def _place_within(
    state: DocState, trigger: Token, mentions: list[tuple[Token, Place]], country: Place
) -> Place | None:
    """ "A cholera outbreak in Zambia has killed 41 people in Lusaka": a place in the
    country that the clause above the trigger names is the more precise (round 5)."""
    qualified = _qualified_by_country(mentions, country)
    if qualified is not None:
        return qualified
    chain = clause_chain(trigger, context_of(state).lines)
    for token, place in mentions:
        if (
            place.kind != "country"
            and place.country == country.country
            and not place.metonymy
            and (_locative_of(token, chain) or _locative_of(token, _objects_of(chain)))
        ):
            return place
    return None


def _qualified_by_country(mentions: list[tuple[Token, Place]], country: Place) -> Place | None:
    """ "Yemen's besieged Taiz", "Sudan's El Fasher": a country in the possessive qualifies
    the place of its own that follows within a few words; that place is where it is. Read
    from the words, as the model often parses a headline's possessive wrongly."""
    for token, place in mentions:
        if place.id != country.id or token.i + 1 >= len(token.doc):
            continue
        if token.nbor(1).lower_ not in ("'s", "’s"):
            continue
        following = [
            (t.i, p) for t, p in mentions
            if 0 < t.i - token.i <= _QUALIFIED_WITHIN and p.kind != "country"
            and p.country == country.country and not p.metonymy
            and not any(w.is_punct and w.text != "-" for w in token.doc[token.i + 2 : t.i])
        ]  # fmt: skip
        if following:
            return min(following, key=lambda item: item[0])[1]
    return None


# The words a possessive country may stand before the place it qualifies: "Ukraine's
# eastern Donetsk region" (its "'s", an adjective or two, the name).
_QUALIFIED_WITHIN = 5


def _objects_of(chain: list[Token]) -> list[Token]:
    """What the verbs of a clause chain act on: "killed 41 people in Lusaka"."""
    return [c for node in chain for c in node.children if c.dep_ in ("dobj", "nsubjpass")]


def _clause_place(
    state: DocState, trigger: Token, mentions: list[tuple[Token, Place]]
) -> Place | None:
    patient = _patient(trigger)
    if patient is not None:
        # "Djibo, a town of 60,000 in Soum province, was attacked": the place attacked is
        # the passive's subject itself, before the places of its apposition (round 23).
        named = next((p for t, p in mentions if t == patient), None)
        if named is not None:
            return named
    predicate = predicate_of(trigger)
    in_clause = [
        (abs(t.i - trigger.i), p.id, p) for t, p in mentions
        if in_own_clause(t, trigger) or (predicate is not None and in_own_clause(t, predicate))
    ]  # fmt: skip
    if in_clause:
        return min(in_clause, key=lambda item: item[:2])[2]
    for token, place in mentions:
        if patient is not None and token in patient.subtree and not _via_route(token, patient):
            return place
    full = clause_chain(trigger, context_of(state).lines)
    chain = _below_speech(full)
    for token, place in mentions:
        if _locative_of(token, chain):
            return place
    speech = full[len(chain)] if len(chain) < len(full) else None
    for token, place in mentions:
        if speech is not None and _placed_by_speaker(token, speech):
            return place
    acted_on = _objects_of(chain)  # "killed 52 people in ... Assam"
    for token, place in mentions:
        if _locative_of(token, acted_on):
            return place
    # "a school in Tessit village near Gao": the first named is where the target stands.
    for token, place in sorted(mentions, key=lambda m: m[0].i):
        if _where_target_is(token, trigger):
            return place
    for token, place in mentions:
        if _locates_subject(token, trigger):
            return place
    anaphor = _settlement_anaphor(trigger, patient, chain)
    if anaphor is not None:
        return context_of(state).places.last_settlement_before(anaphor.idx)
    return None


def _sole_locative_after(trigger: Token, mentions: list[tuple[Token, Place]]) -> Place | None:
    """ "Our teams distributed 1,200 shelter kits and hygiene items in Mecufi on
    Wednesday", parsed with "hygiene" as a verb: where the parse links no place to the
    trigger, the one place its sentence names, after it, behind "in" or "at", is where it
    happened. Read from the word order alone, only when the sentence names no other place
    (a second one could be where people came from or went to)."""
    if len({place.id for _, place in mentions}) != 1:
        return None
    for token, place in mentions:
        head = token
        while head.dep_ in ("compound", "flat") and head.head != head:
            head = head.head
        if (
            token.i > trigger.i
            and not place.metonymy
            and head.dep_ == "pobj"
            and head.head.lower_ in ("in", "at")
            and not _told_between(trigger, token)
        ):
            return place
    return None


# Words that open a relative clause, about another time, place or thing, told with its
# own predicate ("since March, when 44 people died in Kestrel").
_CLAUSE_OPENERS = frozenset({"when", "where", "which", "who", "whose"})


def _told_between(trigger: Token, token: Token) -> bool:
    """ "The guards were freed ..., the minister told a news conference in Quito": a verb
    of speech between the trigger and the place places the telling, not the event; a word
    for another event between them ("struck ... in response to a drone attack on an
    academy in Homs") places that event."""
    for t in trigger.doc[trigger.i + 1 : token.i]:
        lemma = t.lemma_.lower()
        if lemma in _CLAUSE_OPENERS:
            return True  # "the deadliest since March, when 44 people died in Kestrel"
        said_or_done = lemma in rules.SPEECH_VERBS or lemma in rules.VERB_TRIGGERS
        if t.pos_ in ("VERB", "AUX") and said_or_done:
            return True
        if t.pos_ == "NOUN" and lemma in rules.NOUN_TRIGGERS:
            return True
    return False


def _where_target_is(token: Token, trigger: Token) -> bool:
    """ "bombed a crowd gathered for the opening of a community hall in Pazigyi village":
    where what an attack hits stands is where it happened, however deep in the object's
    phrase (round 9, team set)."""
    if token.dep_ != "pobj" or token.head.lower_ not in _LOCATIVES:
        return False
    if trigger.pos_ != "VERB":
        return False
    targets = {c for c in trigger.children if c.dep_ == "dobj"}
    node = token
    while node.head != node and node not in targets:
        # A participle describing the target ("a crowd gathered for ...") is its phrase,
        # whatever tag the parser gives it; any other verb opens a clause of its own.
        if node.pos_ in ("VERB", "AUX") and node.dep_ != "acl":
            return False
        if node.dep_ in ("nsubj", "agent", "poss") or is_route_end(node):
            return False
        node = node.head
    return node in targets


def _below_speech(chain: list[Token]) -> list[Token]:
    """The clause chain up to the verb that reports it: "The guards were freed ...,
    the minister told a news conference in Quito" happened not in Quito. A speech verb
    with no speaker tells the event itself ("Protests were reported in Rangpur")."""
    for index, node in enumerate(chain[1:], start=1):
        if (
            node.pos_ == "VERB"
            and node.lemma_.lower() in rules.SPEECH_VERBS
            and any(c.dep_ == "nsubj" for c in node.children)
        ):
            return chain[:index]
    return chain


def _placed_by_speaker(token: Token, speech: Token) -> bool:
    """ "In northern Shan alone, aid agencies say 40,000 people have fled", "Witnesses in
    Petare said armed men fired on crowds": a place put before the reporting verb, or
    where the witnesses are, is where what they report happened (round 9). One after it
    ("..., the minister told a news conference in Quito") is only where it was said."""
    if token.dep_ != "pobj" or token.head.lower_ not in _LOCATIVES:
        return False
    prep = token.head
    if prep.head == speech and prep.i < speech.i:
        return True
    witness = prep.head
    return (
        witness.dep_ == "nsubj"
        and witness.head == speech
        and witness.lemma_.lower() in rules.WITNESSES
    )


def _locates_subject(token: Token, trigger: Token) -> bool:
    """ "Inmates at the Litoral penitentiary in Guayaquil rioted": with no place of its
    own, an event happens where its subject is placed."""
    subjects = _subjects(trigger) if trigger.pos_ == "VERB" else []
    if not subjects or token not in subjects[0].subtree:
        return False
    node = token
    while node != subjects[0]:
        if node.pos_ in ("VERB", "AUX") or is_route_end(node):
            return False
        node = node.head
    return token.dep_ == "pobj" and token.head.lower_ in ("in", "at", "near", "inside")


def _subjects(verb: Token) -> list[Token]:
    """The verb's subject, or, for a verb joined by "and" with none of its own, the first
    verb's ("Fighting in the X region has killed 63 and driven 32,000 from their homes")."""
    own = [c for c in verb.children if c.dep_ == "nsubj"]
    if own or verb.dep_ != "conj" or verb.head.pos_ != "VERB":
        return own
    return [c for c in verb.head.children if c.dep_ == "nsubj"]


def _possesses_subject(token: Token, trigger: Token) -> bool:
    """ "Cuba's national grid collapsed": the owner of what broke places its breaking."""
    if token.dep_ != "poss":
        return False
    if trigger.pos_ in ("NOUN", "PROPN") and token.head == trigger:
        return True
    # "... grid collapsed, leaving millions without power": the verbs above the trigger.
    verbs = [n for n in (trigger, *trigger.ancestors) if n.pos_ == "VERB"]
    return any(token.head.dep_ in ("nsubj", "nsubjpass") and token.head.head == v for v in verbs)


def _only_country(mentions: list[tuple[Token, Place]]) -> Place | None:
    """ "Cuba's grid collapsed, leaving millions without power" (however it is parsed):
    a sentence naming one country and no place in it tells a country-wide event, not
    one at the report's main city (round 7)."""
    named = {p.id: p for t, p in mentions if not _in_speaker(t)}
    if len(named) == 1 and len({p.id for _, p in mentions}) == 1:
        (place,) = named.values()
        return place if place.kind == "country" else None
    return None


_COUNTRY_NOUNS = frozenset({"country", "nation"})


def _toll_across_the_country(trigger: Token) -> bool:
    """ "riots that followed the verdict left 16 people dead across the country": the
    toll the event's clause tells lies across the country, whatever place the clause
    above names ("the worst unrest in the city since June 2023, when ..."; round 10)."""
    chain = [trigger, *(n for n in trigger.ancestors if n.pos_ in ("VERB", "AUX"))][:2]
    objects = [c for node in chain for c in node.children if c.dep_ == "dobj"]
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in ("across", "throughout")
        and any(o.lemma_.lower() in _COUNTRY_NOUNS and _definite(o) for o in prep.children)
        for obj in objects
        for state in obj.children if state.pos_ == "ADJ"
        for prep in state.children
    )  # fmt: skip


def _across_the_country(trigger: Token) -> bool:
    """ "Mobile internet has been cut across the country", "a nationwide curfew": the
    event is the country's, not the report's main city's (round 7, team set)."""
    chain = [trigger, *(n for n in trigger.ancestors if n.pos_ in ("VERB", "AUX"))][:2]
    for node in (trigger, *chain):
        if any(c.lower_ == "nationwide" for c in node.children):
            return True
        for prep in node.children:
            if (
                prep.dep_ == "prep"
                and prep.lower_ in ("across", "throughout")
                and any(o.lemma_.lower() in _COUNTRY_NOUNS and _definite(o) for o in prep.children)
            ):
                return True
    # "left homes across the country without gas": across what the verb acts on (round 13)
    return any(
        noun.lemma_.lower() in _COUNTRY_NOUNS and _bare_definite(noun) and noun.head.lower_ != "in"
        for noun in _clause_locatives(trigger)
    )


# "across the valley", "in the district": a region the report names with that noun.
_REGION_ANAPHORS = frozenset({"valley", "province", "region", "district", "state", "county"})


def _region_referred_to(state: DocState, trigger: Token) -> Place | None:
    """ "Some 4,500 families have been forced from their homes across the valley", "In
    2010, a flood destroyed bridges in the valley": a bare "the valley" (no "upper", no
    "same") where the trigger's clause happened is the one region of the report named
    last named with that noun before it ("the Swat valley"), not the town told last
    (round 13; sets e, f)."""
    for noun in _clause_locatives(trigger):
        if noun.lemma_.lower() not in _REGION_ANAPHORS or not _bare_definite(noun):
            continue
        # The antecedent: the region last named with that noun before it.
        before = [
            (m.start, p) for p in state.places if p.kind == "region" and not p.metonymy
            for m in p.mentions
            if m.start < noun.idx and m.text.lower().split()[-1:] == [noun.lower_]
        ]  # fmt: skip
        if before:
            return max(before, key=lambda item: item[0])[1]
        if noun.head.lower_ in ("across", "throughout"):
            # "27,000 people across the state were forced from their homes", the state
            # never named with its noun: the region the report names most (round 14).
            return _main_region(state)
    return None


# "from low-lying villages in six coastal districts", "from a dozen villages near the
# border": areas counted in the plural.
_AREA_NOUNS = frozenset({"district", "village", "province", "region", "area", "county", "town"})


def _over_many_areas(trigger: Token) -> bool:
    """Whether the trigger's clause tells it of several areas it does not name ("people
    were evacuated from low-lying villages in six coastal districts")."""
    nouns = _clause_locatives(trigger, ("in", "across", "throughout", "from"))
    nouns += [o for n in nouns for p in n.children if p.dep_ == "prep" for o in p.children
              if o.dep_ == "pobj"]  # fmt: skip
    return any(
        n.lemma_.lower() in _AREA_NOUNS and n.tag_ == "NNS" and not _definite(n) for n in nouns
    )


def _main_region(state: DocState) -> Place | None:
    """The region (not a country) the report names most, literally."""
    regions = [p for p in state.places if p.kind == "region" and not p.metonymy]
    return max(regions, key=lambda p: len(p.mentions), default=None)


def _clause_locatives(
    trigger: Token, prepositions: tuple[str, ...] = ("in", "across", "throughout")
) -> list[Token]:
    """The objects of "in", "across" and "throughout" of the trigger, of the verb above
    it, and of what those act on ("left homes across the country without gas")."""
    chain = [trigger, *(n for n in trigger.ancestors if n.pos_ in ("VERB", "AUX"))][:2]
    acted_on = [c for node in chain for c in node.children if c.dep_ in ("dobj", "nsubjpass")]
    holders = chain + acted_on
    return [
        noun for holder in holders for prep in holder.children
        if prep.dep_ == "prep" and prep.lower_ in prepositions
        for noun in prep.children if noun.dep_ == "pobj"
    ]  # fmt: skip


def _bare_definite(noun: Token) -> bool:
    """ "the valley", not "the upper valley" or "the same district"."""
    return _definite(noun) and all(c.dep_ == "det" for c in noun.children if c.i < noun.i)


def _report_country(state: DocState) -> Place | None:
    """The country the report names most as a place (not as an actor)."""
    countries = [p for p in state.places if p.kind == "country" and not p.metonymy]
    return max(countries, key=lambda p: len(p.mentions), default=None)


def _in_speaker(token: Token) -> bool:
    """In who says it ("said Bangladesh's refugee commissioner"): no place of the event."""
    return any(
        node.dep_ == "nsubj" and node.head.lemma_.lower() in rules.SPEECH_VERBS
        for node in (token, *token.ancestors)
    )


# Outages: where the network that failed belongs is where it failed. Disasters were
# tried too and withdrawn: "Nepal's deadliest quake" then split from its district's
# telling (round 7, team set: jajarkot, herat, mongla tellings).
_PLACED_BY_OWNER = frozenset({"infrastructure_damage"})


def in_own_clause(token: Token, trigger: Token) -> bool:
    """In the trigger's subtree, but not in its actor or in a clause below it."""
    if token == trigger:
        return False
    node = token
    while node != trigger:
        if node.dep_ in ("agent", "nsubj", "poss"):
            return False
        # "evacuate villagers stranded on rooftops in Morigaon": a participle describing
        # who the event acts on is still its clause (round 6); other verbs are clauses.
        if node.pos_ in ("VERB", "AUX") and not (node.dep_ == "acl" and node.tag_ == "VBN"):
            return False
        if node.head == node or is_route_end(node):
            return False
        node = node.head
    return True


def _via_route(token: Token, top: Token) -> bool:
    """Whether ``token`` hangs from ``top`` through a route's end ("road to X")."""
    node = token
    while node != top and node.head != node:
        if is_route_end(node):
            return True
        node = node.head
    return False


def is_route_end(node: Token) -> bool:
    """ "the road to Chimoio", "a convoy from Port Sudan": where a thing leads, not where
    the event happens (a verb's "returned to Bakhmut" still places it)."""
    prep = node.head
    if node.dep_ == "pobj" and prep.lower_ == "to" and prep.head.lemma_.lower() in _LINKING:
        return True  # "the main bridge linking the city to Damaturu" (round 6)
    return (
        node.dep_ == "pobj"
        and prep.lower_ in ("to", "from", "towards", "toward")
        and prep.head.pos_ in ("NOUN", "PROPN")
        # "cutting electricity to Khartoum": where a utility goes is where it is cut
        and prep.head.lemma_.lower() not in rules.UTILITIES
    )


_LINKING = frozenset({"link", "connect", "join"})


def _patient(trigger: Token) -> Token | None:
    """What a passive trigger acts on: its subject, or its clause's ("after being occupied")."""
    own = [c for c in trigger.children if c.dep_ == "nsubjpass"]
    if own:
        return own[0]
    if trigger.dep_ == "relcl":
        return trigger.head  # "The city, which Ukrainian forces retook in 2022"
    passive = any(c.dep_ == "auxpass" for c in trigger.children)
    if passive and not any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children):
        for ancestor in trigger.ancestors:
            subjects = [c for c in ancestor.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                return subjects[0]
    return None


# "in India's northeastern state of Assam", "in the city of Izmail": the place noun
# stands where the name would (round 5, assam_flood and odesa_grid).
_PLACE_NOUNS = frozenset(
    {"state", "province", "region", "city", "town", "village", "district", "county",
     "country", "area", "capital", "governorate", "oblast", "municipality"}
)  # fmt: skip


def _locative_of(token: Token, chain: list[Token]) -> bool:
    # "at the Merowe dam", "in the Al-Sahaba neighbourhood", "around Nasir's main market"
    while token.dep_ in ("compound", "poss") and token.head.pos_ in ("NOUN", "PROPN"):
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        noun = token.head.head
        if noun.lemma_.lower() in _PLACE_NOUNS or is_partitive(noun):
            token = noun
            # "a massive eruption buried the village of X": the place noun acted on by
            # the clause the event noun is the subject of (round 10).
            if noun.dep_ == "dobj" and noun.head in chain:
                return True
    # "stopped at a checkpoint near Habila": a locative inside a locative (round 6).
    for _ in range(3):
        prep = token.head
        if token.dep_ != "pobj" or prep.lower_ not in _LOCATIVES:
            return False
        if prep.head in chain:
            return True
        token = prep.head
    return False


def is_partitive(noun: Token) -> bool:
    """ "parts of Navoi", "much of the city": a share of the place that follows "of"."""
    return noun.lemma_.lower() in rules.PARTITIVE_NOUNS and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in noun.children
    )


# "Protests broke out across Kharkiv and Odesa" (round 8): across/throughout place too.
_LOCATIVES = frozenset({"in", "near", "at", "around", "outside", "inside", "across", "throughout"})


def _settlement_anaphor(
    trigger: Token, patient: Token | None, chain: Sequence[Token] = ()
) -> Token | None:
    """ "the city", "the town" in the trigger's clause; "in the capital" said where the
    clause above it happened ("22 people were killed in the capital ... as protesters
    clashed with police"; round 6)."""
    scope = list(trigger.subtree) + (list(patient.subtree) if patient is not None else [])
    for token in scope:
        if token.lemma_.lower() in _SETTLEMENT_NOUNS and _definite(token):
            return token
    for node in chain[1:]:
        for prep in node.children:
            if prep.dep_ != "prep" or prep.lower_ not in _LOCATIVES:
                continue
            for noun in prep.children:
                if (
                    noun.dep_ == "pobj"
                    and noun.lemma_.lower() in _ANAPHORIC_PLACES
                    and _definite(noun)
                ):
                    return noun
    return None


_ANAPHORIC_PLACES = _SETTLEMENT_NOUNS | {"capital"}


def _definite(noun: Token) -> bool:
    return any(c.lower_ in ("the", "this", "that") for c in noun.children)
