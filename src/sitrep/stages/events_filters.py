"""Trigger words that tell no event where they stand (round 10, from the blind sets c
and d): a word used as a modifier ("riot police units"), a figurative phrase ("seized
on the violence", "fighting the blaze"), an event said not to involve its subject or
done by nobody ("were not involved in the fighting", "no one should return"), the flight
of an attack's victims ("shooting men who tried to flee"), a state that has lasted since a
year or an earlier event ("has endured fighting since 1982"), and an event's end
("fighting has largely subsided").
"""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.stages import events_rules as rules

# Verbs that say who took part: "were not involved in the fighting", "did not join the
# protest" deny the subject's part, not always the event, but the report tells it
# elsewhere if it happened.
_PARTICIPATING = frozenset({"involve", "participate", "engage", "join", "take"})
_NOBODY = frozenset({"nobody", "noone"})
# What people fight that is no enemy: "fighting the blaze", "battling the flames".
_FOUGHT_HAZARDS = rules.FIRE_NOUNS | {"flame", "wildfire", "fire", "flood", "outbreak"}
# Verbs of harm done to people that a flight may be part of: "shooting men who tried to
# flee", "killed civilians who were fleeing".
_HARMING = frozenset({"shoot", "kill", "attack", "wound", "injure", "gun", "target", "hit"})
# What a long-lasting state may be counted since: an earlier turning point of a conflict.
_TURNING_POINTS = frozenset(
    {"coup", "war", "invasion", "independence", "revolution", "takeover", "uprising",
     "occupation", "conflict", "insurgency", "fighting", "offensive"}
)  # fmt: skip
_ENDING = frozenset({"subside", "ease", "abate", "wane", "stop", "cease", "end", "halt", "die"})
_STATIVE = frozenset({"endure", "suffer", "face", "see", "experience", "witness", "be", "remain"})


def tells_no_event(trigger: Token, kind: str, published_year: int | None) -> bool:
    """Whether the trigger, though its word tells an event of ``kind``, tells none here."""
    return (
        _modifies_next_noun(trigger)
        or _figurative_seizure(trigger, kind)
        or _fights_a_hazard(trigger)
        or _participation_denied(trigger)
        or _done_by_nobody(trigger)
        or _flight_of_victims(trigger, kind)
        or _lasting_since(trigger, published_year)
        or _told_ending(trigger)
        or _describes_a_victim(trigger)
        or _charged_with(trigger)
        or _habitual_in_quote(trigger, kind)
        or _what_is_demanded(trigger)
    )


# Verbs of asking for something: "to demand the arrest of everyone involved", "called
# for the release of", "to demand a fair schedule of power cuts".
_DEMANDING = frozenset({"demand", "seek", "urge", "request", "want"})
_ASKING_FOR = frozenset({"call", "press", "appeal", "ask", "push", "campaign", "clamour"})


def _what_is_demanded(trigger: Token) -> bool:
    """Whether the trigger noun is what someone demands: its object ("demand the
    arrest of everyone involved"), what that object is of ("a fair schedule of power
    cuts"), or what is called for ("called for the arrest of the officers"). Asked for
    is not done (round 16: set k's "human chains ... to demand the arrest" told no arrest)."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    node = trigger
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.dep_ in ("dobj", "pobj"):
        node = node.head.head  # "a schedule of power cuts": the schedule is demanded
    if node.dep_ == "dobj":
        return node.head.lemma_.lower() in _DEMANDING
    if node.dep_ == "pobj" and node.head.lower_ == "for":
        return node.head.head.lemma_.lower() in _ASKING_FOR
    return False


# Acts a speaker may tell as what keeps happening: "Our sons are arrested", "someone is
# kidnapped". Utility states stay ("the roads are cut": a state holding now).
_ACTS = frozenset({"arrest", "attack", "release", "capture", "occupation"})
_QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d"})


def _habitual_in_quote(trigger: Token, kind: str) -> bool:
    """ "'Our sons are arrested, our oil is sold,' he said": an act told in the simple
    present passive in a quote, with no time of its own, is what the speaker says keeps
    happening, not an event (round 15: sets h and j code none)."""
    if kind not in _ACTS or trigger.tag_ != "VBN":
        return False
    present = any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in trigger.children)
    if not present or any(t.ent_type_ in ("DATE", "TIME") for t in trigger.subtree):
        return False
    return any(t.text in _QUOTE_MARKS for t in trigger.sent)


# "charged with attacks on public services", "accused of the bombing": a charge names an
# act someone is said to have done, not an event the report tells (round 12).
_CHARGING = frozenset({"charge", "accuse", "convict", "suspect", "indict", "sentence", "jail"})


def _charged_with(trigger: Token) -> bool:
    head = trigger.head
    return (
        trigger.dep_ == "pobj"
        and head.lower_ in ("with", "of", "for", "over")
        and head.head.lemma_.lower() in _CHARGING
    )


def _describes_a_victim(trigger: Token) -> bool:
    """ "30 people were wounded, including a paramedic whose ambulance was hit while
    evacuating families": a clause told of one victim ("whose ...") describes who was hurt
    in the event told already; it is no event and takes no toll (round 12)."""
    node = trigger
    for _ in range(4):
        if node.head == node:
            return False
        if node.dep_ == "relcl":
            return any(t.tag_ == "WP$" for t in node.subtree if t.i < node.i)
        node = node.head
    return False


def _modifies_next_noun(trigger: Token) -> bool:
    """ "soldiers and riot police units": a trigger noun that opens a run of nouns names
    the last of them; the parser sometimes makes it the head instead of a compound."""
    doc = trigger.doc
    if trigger.pos_ != "NOUN" or trigger.i + 1 >= len(doc):
        return False
    after = doc[trigger.i + 1]
    return after.pos_ == "NOUN" and after.dep_ == "compound" and after.head.i > after.i


def _figurative_seizure(trigger: Token, kind: str) -> bool:
    """ "Candidates have seized on the violence": seizing on something takes no ground."""
    if trigger.pos_ != "VERB" or kind not in ("capture", "recapture"):
        return False
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    return not objects and any(
        c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in trigger.children
    )


def _fights_a_hazard(trigger: Token) -> bool:
    """ "310 firefighters are fighting the blaze": a fire fought is no armed clash."""
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in ("fight", "battle", "combat"):
        return False
    return any(
        c.dep_ == "dobj"
        and (
            c.lemma_.lower() in _FOUGHT_HAZARDS
            or rules.NOUN_TRIGGERS.get(c.lemma_.lower()) == "disaster"
        )
        for c in trigger.children
    )


def _participation_denied(trigger: Token) -> bool:
    """ "its troops were not involved in the fighting", "did not take part in the
    protests": the sentence says who was not there, not that the event happened."""
    if trigger.pos_ not in ("NOUN", "PROPN") or trigger.dep_ != "pobj":
        return False
    verb = trigger.head.head
    if verb.lower_ == "part" and verb.dep_ == "dobj":
        verb = verb.head  # "take part in"
    return verb.lemma_.lower() in _PARTICIPATING and any(c.dep_ == "neg" for c in verb.children)


def _done_by_nobody(trigger: Token) -> bool:
    """ "no one should try to return tonight", "nobody fled": no one did it."""
    if trigger.pos_ != "VERB":
        return False
    node = trigger
    for _ in range(3):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return any(_is_nobody(s) for s in subjects)
        if node.dep_ != "xcomp" or node.head == node:
            return False
        node = node.head
    return False


def _is_nobody(subject: Token) -> bool:
    if subject.lower_ in _NOBODY:
        return True
    return subject.lower_ in ("one", "none") and any(
        c.dep_ == "det" and c.lower_ == "no" for c in subject.children
    )


def _flight_of_victims(trigger: Token, kind: str) -> bool:
    """ "shooting men who tried to flee into the fields": the flight of those an attack
    harms is part of the attack, not a displacement of its own."""
    if kind != "displacement" or trigger.pos_ != "VERB":
        return False
    node = trigger
    while node.dep_ in ("xcomp", "conj") and node.head != node:
        node = node.head
    if node.dep_ != "relcl":
        return False
    victims = node.head
    harm = victims.head.head if victims.dep_ == "pobj" else victims.head
    return victims.dep_ in ("dobj", "nsubjpass", "pobj") and harm.lemma_.lower() in _HARMING


def _told_ending(trigger: Token) -> bool:
    """ "although fighting has largely subsided in recent years": the end of an event is
    no telling of it (the report tells the event itself where it happened)."""
    return (
        trigger.pos_ in ("NOUN", "PROPN")
        and trigger.dep_ == "nsubj"
        and trigger.head.lemma_.lower() in _ENDING
    )


def _lasting_since(trigger: Token, published_year: int | None) -> bool:
    """ "The region has endured a separatist insurgency since 1982", "3 million people
    have been displaced across the country since the coup": a state lived through since
    a year before the report's, or a perfect counted from an earlier turning point of
    the conflict, is the background, not an event of the report. "Have fled since the
    start of the week" is one, and so is a siege: "forces have encircled the city since
    2015" is coded by the team set (round 10)."""
    verb = trigger
    # A gerund used as a noun ("has suffered shelling") is read as one.
    if trigger.pos_ in ("NOUN", "PROPN") or trigger.dep_ in ("dobj", "attr"):
        noun = trigger
        while noun.dep_ == "conj" and noun.head != noun:
            noun = noun.head  # "has suffered shelling and clashes since 2019"
        if noun.dep_ not in ("dobj", "nsubj", "nsubjpass", "attr"):
            return False
        verb = noun.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    stative = verb.lemma_.lower() in _STATIVE and verb is not trigger
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
    starts = [
        start
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "since"
        for start in prep.children
        if start.dep_ == "pobj"
    ]
    if perfect and _for_years(verb):
        return True
    return any(
        (stative and _year_before(start, published_year))
        or ((stative or perfect) and _turning_point(start))
        for start in starts
    )


def _for_years(verb: Token) -> bool:
    """ "which has been fighting the government for more than 15 years": a span of years
    ("for three days" is the event told)."""
    # The parser may hang the span on the purpose clause ("fighting to overthrow ...").
    clauses = [verb, *(c for c in verb.children if c.dep_ in ("advcl", "xcomp"))]
    return any(
        o.dep_ == "pobj" and o.lemma_.lower() in ("year", "decade")
        for clause in clauses
        for prep in clause.children if prep.dep_ == "prep" and prep.lower_ == "for"
        for o in prep.children
    )  # fmt: skip


def _year_before(start: Token, published_year: int | None) -> bool:
    if not (len(start.text) == 4 and start.text.isdigit()):
        return False
    return published_year is None or int(start.text) < published_year


def _turning_point(start: Token) -> bool:
    """ "the coup", "the start of the full-scale invasion" (not "the start of the week")."""
    lemma = start.lemma_.lower()
    if lemma in _BEGINNINGS:
        return any(
            o.dep_ == "pobj" and o.lemma_.lower() in _TURNING_POINTS
            for prep in start.children if prep.dep_ == "prep" and prep.lower_ == "of"
            for o in prep.children
        )  # fmt: skip
    return start.pos_ == "NOUN" and lemma in _TURNING_POINTS


_BEGINNINGS = frozenset({"start", "beginning", "onset", "outbreak"})
