"""Common ways news tells an event that no single trigger word carries (round 23).

Found by probing the stage with everyday crisis phrasing, not by reading any one report:

* violence: "gunmen opened fire on worshippers", "armed men abducted 30 schoolchildren",
  "five civilians were massacred", "a suicide bomber blew himself up", "an improvised
  explosive device detonated", "a grenade was thrown into a bar" (attacks);
* ground: "Kestrel fell to the militants", "Russia claimed full control of Avdiivka"
  (captures); "Zaporizhzhia came under heavy artillery fire" (shelling);
* people on the move: "residents abandoned their homes", "villagers have sought refuge in
  the forest" (displacement); "residents trickled back" (a return);
* protest: "thousands took to the streets", "angry residents set up roadblocks",
  "workers went on strike";
* disaster: "a boat capsized off Kestrel", "a dam burst above Derna";
* aid: "the Red Cross set up a field hospital", "MSF opened a cholera treatment centre".

"Kestrel has been without electricity since Monday" as an outage was tried and dropped:
"without power" is mostly said of a state an outage told elsewhere left (on the
development sets a-ab it added 43 wrong events for 6 right). So was "dengue cases have
surged" as a disaster: epidemic updates say so of places the writers code no event at.

Each rule asks for the frame, not the word alone: fire opened by the police or on
demonstrators is a protest's crackdown, not an attack; "came under fire from lawmakers"
is criticism; a device detonated by bomb disposal experts is no attack; only a place
"falls to" someone. A "field hospital" or "treatment centre" set up is aid whoever sets
it up.
"""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.stages import events_rules as rules
from sitrep.stages.events_implicit import group_moves
from sitrep.stages.events_r16_doers import ARMED_PEOPLE

# Verbs that carry off people: an abduction is violence against civilians (ACLED).
_ABDUCTING = frozenset({"abduct", "kidnap"})
# Who abducts: armed people ("armed men", "gunmen", "separatist fighters").
_ABDUCTORS = ARMED_PEOPLE | {"armed", "fighter", "militia", "militiaman", "separatist"}
# What explodes or is set off when a bomb is planted, thrown or worn.
_PLANTED_EXPLOSIVES = frozenset(
    {"device", "ied", "bomb", "explosive", "bomber", "grenade", "mine", "landmine"}
)  # fmt: skip
_SETTING_OFF = frozenset({"detonate", "explode", "blow"})
_THROWING = frozenset({"throw", "hurl", "lob", "toss"})
_THROWN = frozenset({"grenade", "explosive", "bomb"})
# Who a town falls to.
_TAKERS = ARMED_PEOPLE | rules.MILITARY_NOUNS | {"group", "jihadist", "separatist"}
# Homes left: "abandoned their homes", "deserted the village".
_LEFT_HOMES = frozenset({"home", "house", "village", "town", "farm", "land"})
_ABANDONING = frozenset({"abandon", "desert"})
_REFUGE = frozenset({"refuge", "shelter", "safety", "sanctuary"})
# Motion back that is no "go"/"come": "trickled back", "drifted back".
_TRICKLING = frozenset({"trickle", "drift", "filter", "pour", "flood", "start", "begin"})
_BARRIERS = frozenset({"roadblock", "barricade", "blockade"})
_ERECTING = frozenset({"set", "erect", "mount", "put"})
_STRIKE_STAYS = frozenset({"go", "be", "remain", "stay", "continue"})
_VESSELS = frozenset(
    {"boat", "ship", "vessel", "ferry", "canoe", "dinghy", "launch", "trawler", "barge"}
)  # fmt: skip
_SINKING = frozenset({"capsize", "sink", "overturn"})
# Works holding water back that give way: "a dam burst above Derna".
_BARRIERS_OF_WATER = frozenset({"dam", "levee", "dyke", "dike", "embankment", "reservoir"})
_GIVING_WAY = frozenset({"burst", "collapse", "fail", "breach", "break", "give"})
# What a place "came under": shells or bombs from the air.
_SHELLS = frozenset({"artillery", "mortar", "rocket", "shell", "tank"})
_AIR = frozenset({"air", "drone", "missile", "aerial"})
_SITES = frozenset({"neighbourhood", "neighborhood", "market", "hospital", "school", "port"})
# Fire a place comes under when its weapon or weight is named: "heavy fire", "sniper fire".
_GUNFIRE_MARKS = frozenset({"heavy", "sniper", "machine", "gun", "enemy", "intense", "sustained"})
_CRITICS = frozenset({"lawmaker", "critic", "opposition", "activist", "group", "rival"})
# Posts of an armed force: fire they come under is a fight (ACLED: an armed clash).
_MILITARY_SITES = frozenset(
    {"position", "base", "outpost", "checkpoint", "garrison", "barracks", "post", "patrol"}
)  # fmt: skip
# Care set up where people are: "a field hospital", "a cholera treatment centre".
_CARE_PLACES = frozenset({"hospital", "clinic", "centre", "center", "post", "unit", "kitchen"})
_CARE_MARKS = frozenset(
    {"field", "treatment", "mobile", "cholera", "feeding", "health", "medical", "emergency",
     "community", "stabilisation", "stabilization", "nutrition"}
)  # fmt: skip
_SETTING_UP = frozenset({"set", "open", "establish", "erect", "build"})


def phrase_verb_type(verb: Token, lemma: str) -> str | None:
    """The type of the event a verb tells by its frame (module docstring), or None."""
    if _opens_fire(verb, lemma):
        return "armed_clash" if _forces_fire_on_forces(verb) else "attack"
    if _abducts(verb, lemma) or lemma == "massacre":
        return "attack"
    if _sets_off_explosive(verb, lemma) or _throws_explosive(verb, lemma):
        return "attack"
    if lemma == "fall" and _falls_to(verb) and _place_subject(verb):
        return "capture"
    if (lemma in _ABANDONING and objects_in(verb, _LEFT_HOMES)) or _seeks_refuge(verb, lemma):
        return "displacement"
    if lemma in _TRICKLING and _back(verb) and group_moves(verb):
        return "return"
    if _takes_to_streets(verb, lemma) or _puts_up_barriers(verb, lemma):
        return "protest"
    if lemma in _SINKING and _subject_in(verb, _VESSELS) and not _passive(verb):
        return "disaster"  # not "five uncrewed boats had been sunk by the navy"
    gives_way = lemma != "give" or objects_in(verb, frozenset({"way"}))
    if (
        lemma in _GIVING_WAY
        and gives_way
        and _subject_in(verb, _BARRIERS_OF_WATER)
        and not _storm_told(verb)
    ):
        return "disaster"  # "a dam burst above Derna", "the levee gave way"
    under = _came_under(verb, lemma)
    if under is not None:
        return under  # "Zaporizhzhia came under heavy artillery fire"
    if lemma == "claim" and _control_of_a_name(verb):
        return "capture"  # "Russia claimed full control of Avdiivka"
    if lemma in _SETTING_UP and _care_place_object(verb):
        return "aid"
    return None


def phrase_noun_type(noun: Token, lemma: str) -> str | None:
    """The type a noun tells by its frame: "went on strike"."""
    if lemma == "strike" and _on_strike(noun):
        return "protest"
    return None


def _opens_fire(verb: Token, lemma: str) -> bool:
    """ "Gunmen opened fire on worshippers": not the police firing on a crowd, which is
    the protest's crackdown (round 5), and not "opened fire" at no one named."""
    if lemma != "open" or not any(
        c.dep_ == "dobj" and c.lemma_.lower() == "fire" for c in verb.children
    ):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lemma_.lower() in rules.POLICE_NOUNS:
        return False
    targets = [
        o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("on", "at", "upon")
        for o in p.children
        if o.dep_ == "pobj" and o.pos_ != "PRON" and o.ent_type_ not in ("DATE", "TIME")
    ]  # fmt: skip
    if any(t.lemma_.lower() in rules.PROTESTING_PEOPLE for o in targets for t in o.subtree):
        return False  # "security forces opened fire on demonstrators": the crackdown
    return bool(targets)


def _forces_fire_on_forces(verb: Token) -> bool:
    """ "Iranian forces had opened fire first on Afghan guards", "soldiers opened fire on
    militants": armed forces firing on armed people fight them."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    targets = [
        o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("on", "at", "upon")
        for o in p.children if o.dep_ == "pobj"
    ]  # fmt: skip
    armed = rules.MILITARY_NOUNS | rules.POLICE_NOUNS | ARMED_PEOPLE | {"border"}
    return any(s.lemma_.lower() in rules.MILITARY_NOUNS for s in subjects) and any(
        t.lemma_.lower() in armed for t in targets
    )


def _abducts(verb: Token, lemma: str) -> bool:
    """ "Armed men abducted 30 schoolchildren", "bandits kidnapped 15 travellers": armed
    people carrying others off. Not a passive ("more than 1,400 students have been
    abducted since 2014" sums up what other tellings tell), nor those the report names
    by what they did ("the kidnappers had demanded 1 billion naira")."""
    if lemma not in _ABDUCTING:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    words = [t for s in subjects for t in s.subtree]
    return any(t.lemma_.lower() in _ABDUCTORS for t in words)


def _sets_off_explosive(verb: Token, lemma: str) -> bool:
    """ "An improvised explosive device detonated", "a suicide bomber blew himself up"."""
    if lemma not in _SETTING_OFF:
        return False
    if lemma == "blow" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if any(s.lemma_.lower() not in _PLANTED_EXPLOSIVES | ARMED_PEOPLE for s in subjects):
        return False  # "bomb disposal experts detonated the device": no attack
    doers = [*subjects, *(c for c in verb.children if c.dep_ in ("nsubjpass", "dobj"))]
    # "An improvised explosive device detonated": the parser may hang the verb on the noun.
    if verb.dep_ == "acl":
        doers.append(verb.head)
    return any(d.lemma_.lower() in _PLANTED_EXPLOSIVES for d in doers)


def _throws_explosive(verb: Token, lemma: str) -> bool:
    """ "A grenade was thrown into a bar", "attackers hurled explosives at a bus"."""
    return lemma in _THROWING and any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _THROWN for c in verb.children
    )


def _falls_to(verb: Token) -> bool:
    """ "Kestrel fell to the militants": a place falling to an armed group."""
    takers = [
        o for p in verb.children if p.dep_ == "prep" and p.lower_ == "to"
        for o in p.children if o.dep_ == "pobj"
    ]  # fmt: skip
    return any(
        t.lemma_.lower() in _TAKERS or (t.pos_ == "PROPN" and t.ent_type_ in ("ORG", "NORP"))
        for t in takers
    )


def _place_subject(verb: Token) -> bool:
    """ "Kidal fell to the rebels" (a name or a place noun), not "Responsibility fell to
    the army"."""
    return any(
        c.dep_ == "nsubj" and (c.pos_ == "PROPN" or c.lemma_.lower() in rules.GROUND)
        for c in verb.children
    )


def objects_in(verb: Token, nouns: frozenset[str]) -> bool:
    """Whether a direct object of ``verb`` (or one conjoined to it) has a lemma in ``nouns``."""
    return any(
        h.lemma_.lower() in nouns
        for c in verb.children if c.dep_ == "dobj"
        for h in (c, *c.conjuncts)
    )  # fmt: skip


def _seeks_refuge(verb: Token, lemma: str) -> bool:
    """ "Villagers have sought refuge in the forest", "found safety across the river"."""
    return lemma in ("seek", "find") and objects_in(verb, _REFUGE) and group_moves(verb)


def _back(verb: Token) -> bool:
    return any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in verb.children)


def _takes_to_streets(verb: Token, lemma: str) -> bool:
    """ "Thousands of people took to the streets of Kestrel"."""
    return lemma == "take" and any(
        o.lemma_.lower() == "street"
        for p in verb.children if p.dep_ == "prep" and p.lower_ == "to"
        for o in p.children if o.dep_ == "pobj"
    )  # fmt: skip


def _puts_up_barriers(verb: Token, lemma: str) -> bool:
    """ "Angry residents set up roadblocks": barriers people, not an armed force or the
    police, put up."""
    if lemma not in _ERECTING or not objects_in(verb, _BARRIERS):
        return False
    if lemma in ("set", "put") and not any(c.dep_ == "prt" and c.lower_ == "up"
                                           for c in verb.children):  # fmt: skip
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    armed = rules.MILITARY_NOUNS | rules.POLICE_NOUNS | ARMED_PEOPLE
    return bool(subjects) and not any(
        t.lemma_.lower() in armed for s in subjects for t in s.subtree
    )


def _on_strike(noun: Token) -> bool:
    """ "Workers went on strike", "teachers have been on strike since May"."""
    head = noun.head
    return (
        noun.dep_ == "pobj"
        and noun.lower_ == "strike"  # "on strike"; not "the focus was on strikes against"
        and not any(c.dep_ in ("det", "prep") for c in noun.children)
        and head.lower_ == "on"
        and head.head.lemma_.lower() in _STRIKE_STAYS
        and not any(c.lemma_.lower() in rules.AIR_MODIFIERS for c in noun.children)
    )


def _storm_told(verb: Token) -> bool:
    """Whether the sentence tells the disaster the dam gave way in ("when two dams burst
    during the storm"): the burst is that disaster's."""
    return any(
        t.lemma_.lower() in rules.NOUN_TRIGGERS
        and rules.NOUN_TRIGGERS[t.lemma_.lower()] == "disaster"
        and t.lemma_.lower() not in _BARRIERS_OF_WATER
        for t in verb.sent
    )


def _came_under(verb: Token, lemma: str) -> str | None:
    """ "came under heavy artillery fire": the kind of what the place came under."""
    if lemma != "come":
        return None
    nouns = [
        o for p in verb.children if p.dep_ == "prep" and p.lower_ == "under"
        for o in p.children if o.dep_ == "pobj" and _of_weapons(o)
    ]  # fmt: skip
    if not nouns:
        return None  # "came under fire from lawmakers": criticism, not fire
    subjects = [c.lemma_.lower() for c in verb.children if c.dep_ == "nsubj"]
    if any(s in _MILITARY_SITES for s in subjects):
        return "armed_clash"  # "army positions near Isfara came under heavy fire"
    # A place came under it (a name, a town, a market), not troops or the police.
    if not any(
        c.dep_ == "nsubj" and (c.pos_ == "PROPN" or c.lemma_.lower() in rules.GROUND | _SITES)
        for c in verb.children
    ):
        return None
    noun = nouns[0]
    words = {noun.lemma_.lower(), *(c.lemma_.lower() for c in noun.children)}
    if noun.lemma_.lower() in ("shelling", "bombardment") or words & _SHELLS:
        return "shelling"
    if words & _AIR:
        return "airstrike"
    return "siege" if noun.lemma_.lower() == "siege" else "attack"


def _of_weapons(noun: Token) -> bool:
    """What a place comes under when it is shot at: shelling, an attack, or fire with
    its weapon or force named ("heavy artillery fire"; not bare "fire", said of critics
    as often as of guns, nor fire "from lawmakers")."""
    lemma = noun.lemma_.lower()
    if lemma in ("shelling", "bombardment", "attack", "assault", "siege"):
        return True
    if lemma != "fire":
        return False
    if any(
        o.ent_type_ in ("PERSON", "ORG", "NORP") or o.lemma_.lower() in _CRITICS
        for p in noun.children if p.dep_ == "prep" and p.lower_ == "from"
        for o in p.children if o.dep_ == "pobj"
    ):  # fmt: skip
        return False
    return any(c.lemma_.lower() in _SHELLS | _AIR | _GUNFIRE_MARKS for c in noun.children)


def _control_of_a_name(verb: Token) -> bool:
    """ "claimed (full) control of Avdiivka": control of a place named."""
    return any(
        o.pos_ == "PROPN"
        for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() == "control"
        for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children if o.dep_ == "pobj"
    )  # fmt: skip


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "agent") for c in verb.children)


def _subject_in(verb: Token, nouns: frozenset[str]) -> bool:
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in nouns for c in verb.children
    )


def _care_place_object(verb: Token) -> bool:
    """ "set up a field hospital", "opened a cholera treatment centre"."""
    if verb.lemma_.lower() == "set" and not any(
        c.dep_ == "prt" and c.lower_ == "up" for c in verb.children
    ):
        return False
    return any(
        o.lemma_.lower() in _CARE_PLACES
        and any(m.lemma_.lower() in _CARE_MARKS for m in o.children
                if m.dep_ in ("compound", "amod"))
        for o in (c for c in verb.children if c.dep_ == "dobj")
    )  # fmt: skip
