"""Events told without a trigger word (round 14, used by ``events_triggers``).

English often tells an event by a noun that names no event alone, or by a verb of
motion, and leaves the event to its frame:

* an event nominal under a verb of occurrence or report, or the object of a light verb:
  "Gunfire was also reported in A, B and C", "clashes erupted", "relatives staged sit-ins
  in A and B"; and the fixed phrase "exchanged fire";
* a moved group and a goal: "2,340 people had been moved to 14 relief centres",
  "families had moved to higher ground" (people: displacement, or evacuation when others
  moved them). A goal named ("moved to schools in B", "arrived in B", "crossed into B")
  is where a flight told elsewhere ended, and so is a border crossed: no event (sets a,
  c, g: each such telling was a flight the report told at its origin);
* a vehicle carrying aid that arrives: "a cargo plane carrying 12 tonnes of food landed
  in B", "a ship carrying medical supplies docked at B", "a Hercules landed at B with 12
  tonnes of supplies" (aid delivery);
* people put up in shelters: "About 300 people spent a second night in shelters at
  schools", "Most are sleeping in three primary schools in B" (displacement where they
  stay, round 23), unless the sentence tells the flight they ended or the stay lasts on.

The trigger is the governing verb, so that the places its clause names are the event's.
"""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.stages import events_rules as rules

# Nouns that tell an event only in such a frame ("the sound of gunfire" tells none).
FRAMED_NOMINALS: dict[str, str] = {
    "gunfire": "armed_clash", "gunbattle": "armed_clash", "firefight": "armed_clash",
    "gunfight": "armed_clash",  # round 16: "Gunfights also broke out in A, B and C"
    "shootout": "armed_clash", "skirmish": "armed_clash", "crossfire": "armed_clash",
    "sit-in": "protest", "vigil": "protest", "walkout": "protest", "picket": "protest",
    "march": "protest",
}  # fmt: skip
# Verbs that say an event happened or was heard of, its noun as the subject.
OCCURRENCE_VERBS = frozenset(
    {"report", "hear", "erupt", "break", "occur", "continue", "resume", "rage", "ring",
     "spread", "flare", "intensify", "echo"}
)  # fmt: skip
# Light verbs whose object is the event: "staged sit-ins", "carried out a raid".
LIGHT_VERBS = frozenset({"stage", "hold", "carry", "launch", "mount", "organise", "organize",
                         "report", "hear"})  # fmt: skip
# "exchanged fire", "traded gunfire": fighting between two sides.
_EXCHANGE_VERBS = frozenset({"exchange", "trade"})
_SHOTS = frozenset({"fire", "gunfire", "shot", "salvo"})

# "had been moved to 14 relief centres", "were relocated to schools": others moved them.
_MOVING_VERBS = frozenset({"move", "relocate", "transfer", "shift"})
# Who a move is told of: people counted or named as a group, not one person or a unit.
MOVED_PEOPLE = frozenset(
    {"people", "person", "resident", "civilian", "family", "refugee", "child", "woman",
     "villager", "inhabitant", "citizen", "thousand", "hundred", "dozen", "household",
     "migrant", "evacuee", "survivor", "local", "displaced", "asylum-seeker"}
)  # fmt: skip
# What aid comes in when it is no aid word itself: planes, ships, flights.
_CARRIERS = frozenset(
    {"plane", "aircraft", "flight", "ship", "vessel", "boat", "helicopter", "airlift",
     "lorry", "train", "ferry", "jet", "freighter", "hercules"}
)  # fmt: skip
_LANDING_VERBS = frozenset({"land", "dock", "arrive", "reach", "berth"})


def implicit_type(verb: Token) -> str | None:
    """The type of the event a verb tells through its frame, or None (module docstring).
    Called for verbs that are no trigger of their own."""
    if any(c.dep_ == "neg" for c in verb.children) or verb.dep_ in ("amod", "relcl", "acl"):
        # "the neighbourhoods where gunmen exchanged fire", "a widow who arrived at B":
        # a relative clause says what a place or person is, not what happened (round 14).
        return None
    if _how_told_event_went(verb):
        return None
    lemma = verb.lemma_.lower()
    framed = _framed_nominal(verb, lemma)
    if framed is not None:
        return framed
    if lemma in _EXCHANGE_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _SHOTS for c in verb.children
    ):
        return "armed_clash"  # "armed groups exchanged fire in Phubala"
    if lemma in _LANDING_VERBS and _carrier_of_aid(verb):
        return "aid"
    if lemma in _MOVING_VERBS and _goal(verb) and group_moves(verb):
        moved_by_others = any(c.dep_ == "auxpass" for c in verb.children)
        return "evacuation" if moved_by_others else "displacement"
    if lemma in _MOVING_VERBS and _moved_out_of_named_place(verb):
        return "evacuation"
    if lemma in _COUNTING_VERBS and _arrivals_counted(verb):
        return "displacement"
    if (
        lemma in _STAYING_VERBS
        and _in_shelters(verb)
        and _people_stay(verb)
        and not _flight_told_with(verb)
    ):
        return "displacement"  # "About 300 people spent a second night in shelters" (23)
    return None


# "slept in evacuation centres", "are staying in schools", "were still in shelters".
_STAYING_VERBS = frozenset({"sleep", "spend", "stay", "shelter", "remain", "live", "be", "crowd",
                            "camp", "take", "pack"})  # fmt: skip
# Where people who left their homes are put up.
_SHELTERS = frozenset(
    {"shelter", "school", "church", "mosque", "tent", "stadium", "gymnasium", "gym",
     "classroom", "hall", "temple", "monastery"}
)  # fmt: skip
# "evacuation centres", "relief camps", "displacement sites": a place named by its use.
_SHELTER_USES = frozenset({"evacuation", "relief", "displacement", "emergency", "temporary"})


def _in_shelters(verb: Token) -> bool:
    """Whether the verb (or "refuge" it takes) puts its subject in shelters: "in shelters
    at schools", "in 60 evacuation centres", "in schools and churches"."""
    places = [
        o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("in", "at", "inside")
        for o in p.children if o.dep_ == "pobj"
    ]  # fmt: skip
    if verb.lemma_.lower() == "take" and not any(
        c.dep_ == "dobj" and c.lower_ == "refuge" for c in verb.children
    ):
        return False
    heads = [h for o in places for h in (o, *o.conjuncts)]
    # Put up in many of them ("in schools and churches", "in three primary schools"), in
    # shelters, or in places named by that use; "stayed at the mosque after prayers" is
    # no one put up.
    shelters = [h for h in heads if h.lemma_.lower() in _SHELTERS]
    many = len(shelters) > 1 or any(h.tag_ == "NNS" for h in shelters)
    return any(
        h.lemma_.lower() == "shelter"
        or (many and h.lemma_.lower() in _SHELTERS)
        or (
            h.lemma_.lower() in ("centre", "center", "camp", "site")
            and any(c.lemma_.lower() in _SHELTER_USES for c in h.children)
        )
        for h in heads
    )


# Verbs of the flight a stay in shelters may end: the flight is the event, told at its
# origin ("families forced from their homes ..., many of them sheltering in schools in B").
_FLIGHT_LEMMAS = frozenset({"flee", "force", "displace", "evacuate", "uproot", "drive"})


def _flight_told_with(verb: Token) -> bool:
    """Whether the sentence tells the flight the stay ends, whom it puts up comes "from"
    somewhere ("1,850 families from A ... were staying in schools in B"), or the stay
    lasts on ("still", "since")."""
    if any(t.lemma_.lower() in _FLIGHT_LEMMAS for t in verb.sent):
        return True
    # "Nearly a year since floodwaters tore through Derna, families are still living in
    # schools": a stay that lasts on from an event told is that event's outcome, not news.
    if any(t.lower_ in ("still", "since") for t in verb.sent):
        return True
    return any(
        p.dep_ == "prep" and p.lower_ == "from"
        for s in verb.children if s.dep_ in ("nsubj", "nsubjpass")
        for p in s.subtree
    )  # fmt: skip


def _people_stay(verb: Token) -> bool:
    """Who stays is people counted or named as a group ("About 300 people", "Most",
    "families"), not soldiers, a named person or one pronoun."""
    if group_moves(verb):
        return True
    return any(
        c.dep_ == "nsubj" and c.lower_ in ("most", "many", "thousands", "hundreds", "others")
        for c in verb.children
    )


# "new arrivals were registered in A", "arrivals are being recorded every week in B".
_COUNTING_VERBS = frozenset({"register", "record", "count", "log", "report"})
_ARRIVALS = frozenset({"arrival", "arrivals", "newcomer", "new-arrival"})


def _arrivals_counted(verb: Token) -> bool:
    """ "Some 9,800 new refugee arrivals were registered in Ouaddaï province": people
    arriving, counted where they arrive, is the displacement there (docs/EVENT_TYPES.md,
    round 15c: with no origin told, the writers place it where the text puts the people;
    round 16 reads the count's verb)."""
    return any(c.dep_ == "nsubjpass" and c.lemma_.lower() in _ARRIVALS for c in verb.children)


def _moved_out_of_named_place(verb: Token) -> bool:
    """ "authorities had moved dozens of women and children from Kut to Vardenis", "We
    moved more than 1,500 people out of Mepe by boat": people others moved away from a
    place named is an evacuation there (round 16; sets i, j: a displacement at the town
    left). The people are the verb's object, or its subject in the passive."""
    moved = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    # The place itself, not a phrase around one: "out of their homes in X Canton" sums
    # up moves told elsewhere (set h's gold codes none of them).
    if not any(
        o.pos_ == "PROPN" or o.ent_type_ in ("GPE", "LOC") for o in _left_places(verb, moved)
    ):
        return False
    words = [w for m in moved for w in (m, *m.conjuncts)]
    words += [o for w in list(words) for p in w.children if p.dep_ == "prep" and p.lower_ == "of"
              for o in p.children]  # fmt: skip
    words += [c for w in list(words) for c in w.conjuncts]
    return any(
        w.lemma_.lower() in MOVED_PEOPLE or w.pos_ == "NUM" or w.lower_ in ("dozens", "thousands")
        for w in words
    )


def _left_places(verb: Token, moved: list[Token]) -> list[Token]:
    """The objects of "from" and "out of" phrases of the verb or of who it moves (the
    parser hangs "from Kut" on "dozens of women" at times)."""
    left = []
    for holder in (verb, *moved):
        for prep in (c for c in holder.children if c.dep_ == "prep"):
            if prep.lower_ == "from":
                left += [o for o in prep.children if o.dep_ == "pobj"]
            elif prep.lower_ == "out":  # "out of Mepe": "of" hangs on "out"
                left += [o for of in prep.children if of.lower_ == "of"
                         for o in of.children if o.dep_ == "pobj"]  # fmt: skip
    return left


def _framed_nominal(verb: Token, lemma: str) -> str | None:
    """ "Gunfire was reported in A", "staged sit-ins in A": the frame's nominal's type."""
    nouns: list[Token] = []
    if lemma in OCCURRENCE_VERBS:
        nouns += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if lemma in LIGHT_VERBS:
        nouns += [c for c in verb.children if c.dep_ == "dobj"]
    for noun in (n for head in nouns for n in (head, *head.conjuncts)):
        kind = FRAMED_NOMINALS.get(_nominal(noun))
        if kind is not None:
            return kind
    return None


def _nominal(noun: Token) -> str:
    """The noun's lemma, hyphenated compounds joined ("sit-ins": sit-in)."""
    lemma = noun.lemma_.lower()
    first = noun.doc[noun.i - 2] if noun.i >= 2 else None
    hyphen = noun.doc[noun.i - 1] if noun.i >= 1 else None
    if first is not None and hyphen is not None and hyphen.text == "-":
        joined = f"{first.lower_}-{noun.lower_}"
        return joined[:-1] if joined.endswith("s") and joined[:-1] in FRAMED_NOMINALS else joined
    return lemma


def _how_told_event_went(verb: Token) -> bool:
    """ "The clashes began on Wednesday when border guards exchanged fire near B": a
    clause hung on a verb whose subject is an event noun tells how that event went."""
    if verb.dep_ != "advcl":
        return False
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in rules.NOUN_TRIGGERS
        for c in verb.head.children
    )


def _carrier_of_aid(verb: Token) -> bool:
    """ "A cargo plane carrying 12 tonnes of food ... landed in B": a vehicle carrying
    aid (what it carries, or what counts it) as the verb's subject."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    # "A New Zealand air force Hercules": the parser makes the aircraft an apposition.
    subjects += [a for s in subjects for a in s.children if a.dep_ == "appos"]
    for subject in subjects:
        if subject.lemma_.lower() not in _CARRIERS:
            continue
        # "a Hercules landed at Nadi with 12 tonnes of supplies" (round 23)
        brought = [
            h for p in verb.children if p.dep_ == "prep" and p.lower_ == "with"
            for o in p.children if o.dep_ == "pobj"
            for h in (o, *o.conjuncts, *(x for q in o.children if q.lower_ == "of"
                                         for x in q.children))
        ]  # fmt: skip
        if any(h.lemma_.lower() in rules.AID_THINGS | rules.AID_OBJECTS for h in brought):
            return True
        for carrying in (c for c in subject.children if c.dep_ == "acl"):
            if carrying.lemma_.lower() not in ("carry", "bring", "transport", "deliver"):
                continue
            carried = [c for c in carrying.children if c.dep_ == "dobj"]
            heads = [h for c in carried for h in (c, *c.conjuncts)]
            heads += [o for h in heads for p in h.children if p.dep_ == "prep"
                      and p.lower_ == "of" for o in p.children]  # fmt: skip
            heads += [c for h in list(heads) for c in h.conjuncts]
            if any(h.lemma_.lower() in rules.AID_THINGS | rules.AID_OBJECTS for h in heads):
                return True
    return False


def _goal(verb: Token) -> bool:
    """A "to" phrase that names no place: "moved to higher ground", "were moved to
    temporary shelters" (not "back": a return is read elsewhere; not "into new flats")."""
    if any(c.lower_ == "back" for c in verb.children):
        return False
    goals = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"]
    # "moved to schools in Athmuqam": the parser may hang the goal's town on the verb.
    where = [
        c for c in verb.children
        if c.dep_ == "prep" and c.lower_ in ("to", "in", "at") and goals and c.i >= goals[0].i
    ]  # fmt: skip
    return bool(goals) and not any(_names_a_place(g) for g in where)


def _names_a_place(phrase: Token) -> bool:
    """Whether a phrase names a place by name. The move's place is then where people
    went, which the stage would take for where the event happened; reports tell the
    flight at its origin (docs/EVENT_TYPES.md), so such a move is the destination of a
    flight told elsewhere, not an event of its own (round 14: sets a, c, g, h)."""
    return any(
        t.ent_type_ in ("GPE", "LOC", "FAC") or (t.pos_ == "PROPN" and t.ent_type_ not in _NO_PLACE)
        for t in phrase.subtree
    )


_NO_PLACE = frozenset({"DATE", "TIME", "NORP"})


def group_moves(verb: Token) -> bool:
    """Whether who moves is a group of people: a count or a people noun, not troops, a
    singular pronoun or a named person."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return False
    subject = subjects[0]
    if subject.lemma_.lower() in rules.MILITARY_NOUNS:
        return False
    words = [subject, *(o for p in subject.children if p.dep_ == "prep" and p.lower_ == "of"
                        for o in p.children)]  # fmt: skip
    return any(
        w.lemma_.lower() in MOVED_PEOPLE or w.ent_type_ == "NORP"
        or (w.pos_ == "NUM" and w.dep_ == "nsubj") or w.lower_ in ("many", "thousands")
        for w in words
    )  # fmt: skip
