"""Events told by who or what killed (round 16).

English news often tells an event only by its toll and its doer, with no noun or verb
of the event itself: "since January 2025, when militants killed 28 soldiers near A",
"after August 2023, when an explosion in the centre of A killed more than 30 people",
"In June 2017, a single fire in A killed 66", "a gunfight at the same stretch of border
killed two guards". The subject (or the agent of the passive) of *kill* says the kind:

* armed people who are no state's forces (militants, bandits, a bomber): an attack;
* a fight told by a noun no trigger list holds (a gunfight, a shootout): a clash;
* a fire or a blaze, or an explosion in a report that names no weapon and no attacker
  (docs/EVENT_TYPES.md, round 13's industrial blasts): a disaster.

The verb becomes the trigger, so its own clause gives the place, the date and the toll.
A clause that already names its event ("were killed in an attack", "killed in clashes")
is left to that event's word.
"""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.stages import events_rules as rules

# Armed people outside a state's forces whose killing is an attack ("bandits burned the
# outpost and killed four officers"). Not "fighters": two armies' fighters fight battles.
ARMED_PEOPLE = frozenset(
    {"militant", "jihadist", "insurgent", "rebel", "bandit", "attacker", "assailant",
     "bomber", "terrorist", "gangster", "gang", "raider", "extremist", "gunman", "kidnapper",
     # round 20: a mob that kills people attacks them ("rioters killed three leaders")
     "mob", "rioter"}
)  # fmt: skip
# Fights told by a noun of their own ("a gunfight ... killed two guards").
FIGHT_NOUNS = frozenset({"gunfight", "gunbattle", "firefight", "shootout", "skirmish"})
_BLASTS = frozenset({"explosion", "blast"})
# Words that make a blast an attack: a weapon or someone who set it off.
_ATTACK_WORDS = frozenset(
    {"bomb", "bomber", "drone", "missile", "rocket", "shell", "strike", "attack", "attacker",
     "militant", "gunman", "explosive", "suicide", "device", "ied", "mortar", "grenade",
     "airstrike", "shelling", "jihadist", "insurgent", "terrorist"}
)  # fmt: skip
_KILLING_VERBS = frozenset({"kill"})
# Prepositions whose object names the event a death was part of ("killed in an attack").
_EVENT_PREPOSITIONS = frozenset({"in", "during", "by"})


def killer_type(verb: Token) -> str | None:
    """The type of the event a killing verb tells by its doer (module docstring), or
    None when the verb is no killing, its doer says no kind, or its clause names the
    event by a word of its own."""
    if verb.lemma_.lower() not in _KILLING_VERBS or _event_named_in_clause(verb):
        return None
    for doer in _doers(verb):
        kind = _kind_of_doer(doer)
        if kind is not None:
            return kind
    return None


def _doers(verb: Token) -> list[Token]:
    """Who or what kills: the subject (the one the verb shares with the verb it is
    conjoined to: "bandits burned the outpost and killed four officers"), or the
    passive's agent ("were killed by militants"); their conjuncts too."""
    node, doers = verb, []
    for _ in range(3):
        doers = [c for c in node.children if c.dep_ == "nsubj"]
        doers += [o for a in node.children if a.dep_ == "agent" for o in a.children]
        if doers or node.dep_ != "conj" or node.head.pos_ != "VERB":
            break
        node = node.head
    return [h for d in doers for h in (d, *d.conjuncts)]


def _kind_of_doer(doer: Token) -> str | None:
    lemma = doer.lemma_.lower()
    if lemma in ARMED_PEOPLE:
        return "attack"
    if lemma in FIGHT_NOUNS:
        return "armed_clash"
    if lemma in rules.FIRE_NOUNS:
        return None if _weapon_fire(doer) else "disaster"
    if lemma in _BLASTS:
        # An explosion nobody is said to have set off is an accident only in a report
        # that tells of no weapon at all: in one about a war it is likelier a bomb.
        return None if any(t.lemma_.lower() in _ATTACK_WORDS for t in doer.doc) else "disaster"
    return None


def _weapon_fire(fire: Token) -> bool:
    """ "artillery fire", "Azerbaijani fire", "sniper fire": fire shot by someone."""
    return any(
        c.dep_ in ("compound", "amod", "poss")
        and (c.lemma_.lower() in rules.WEAPONS or c.ent_type_ == "NORP" or c.pos_ == "PROPN")
        for c in fire.children
    )


def _event_named_in_clause(verb: Token) -> bool:
    """ "were killed in an attack", "killed during clashes", "killed by shelling": the
    clause tells its event by that noun, which the stage reads as the trigger."""
    return any(
        o.lemma_.lower() in rules.NOUN_TRIGGERS or o.lemma_.lower() in FIGHT_NOUNS
        for p in verb.children if p.dep_ in ("prep", "agent") and p.lower_ in _EVENT_PREPOSITIONS
        for o in p.children if o.dep_ == "pobj"
    )  # fmt: skip


# Verbs of arson: "set fire to homes", "torched houses", "burned the police outpost".
_ARSON_VERBS = frozenset({"set", "torch", "burn"})


def arson_by_armed_people(verb: Token) -> bool:
    """ "Gunmen also set fire to homes in A, B and C", "bandits torched the market": armed
    people burning what others own attack them (set i's and e's gold: `attack` at each
    place), not damage told without a doer. The verb's own event only: one conjoined to
    a violent verb ("attacked the village ... and burned the market") is that event's."""
    if verb.lemma_.lower() not in _ARSON_VERBS or not _names_where(verb):
        return False
    return any(d.lemma_.lower() in ARMED_PEOPLE for d in _doers(verb))


_LOCATIVES = frozenset({"in", "at", "near", "across", "around", "throughout", "inside"})


def _names_where(verb: Token) -> bool:
    """Whether the verb's clause names where by name ("homes in A, B and C"): a witness's
    "gunmen had set fire to houses on his street" is the attack the report tells, seen
    from one street, and names no place of its own."""
    return any(
        t.dep_ == "pobj" and t.pos_ == "PROPN" and t.head.lower_ in _LOCATIVES for t in verb.subtree
    )


def tells_how_fighting_went(verb: Token) -> bool:
    """ "Fighting resumed briefly on 29 July, when gunmen attacked positions in A, B and
    C": a "when" clause on a verb whose subject is fighting (directly, or through the
    date it hangs on) tells how that fighting went; an attack told there is the
    fighting, at the places the clause names (set l's gold: a battle at each)."""
    if not any(c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children):
        return False
    host = verb.head
    if host.ent_type_ == "DATE" and host.dep_ == "pobj":
        host = host.head.head  # "on 29 July, when ...": the date's verb
    if host.pos_ not in ("VERB", "AUX") or host == verb:
        return False
    return any(
        c.dep_ == "nsubj"
        and (
            rules.NOUN_TRIGGERS.get(c.lemma_.lower()) == "armed_clash"
            or c.lemma_.lower() in FIGHT_NOUNS
        )
        for c in host.children
    )


def toll_on_both_sides(trigger: Token) -> bool:
    """ "an Azerbaijani offensive ... left nearly 300 soldiers dead on both sides": a toll
    told on both sides says two armed sides fought, so the attack its sentence tells is
    a clash (ACLED: an armed clash; sets f and j code a battle). "from both sides of the
    road" is where gunmen stood, not who fought."""
    return any(
        t.lemma_.lower() == "side"
        and t.dep_ == "pobj"
        and t.head.lower_ in ("on", "among")
        and any(d.lower_ in ("both", "each", "either") for d in t.children)
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)
        for t in trigger.sent
    )
