"""More everyday ways news tells an event (session 18), found as round 23's were: by
probing the stage with the team's own invented sentences, not by reading any report.

* bombs that go off where they were left: "a bomb went off near a bus station", "a blast
  ripped through a market" (attacks: ACLED's remote explosives; "a bomb exploded at a
  crowded market" is read by the weapon rule, ``events_triggers._planted_bomb``), while
  "aircraft dropped guided bombs on Kestrel" is an air strike;
* weather that pounds a place: "heavy rains pounded Kestrel" is a disaster, not shelling,
  and so is a storm the report names ("Hurricane Iota" ... "Iota struck Haulover");
* people who leave a place: "villagers abandoned Kestrel" (displacement);
* aid kept out: "aid agencies have been unable to reach Kestrel";
* headlines whose verb the parser reads as a noun: "Thousands flee Kestrel as rebels
  advance", "Landslide buries 30 homes in Kestrel";
* violence by its doer and its object (``_violence_type``): armed people who loot,
  execute or burn down; aircraft that attack; the army killing insurgents (a clash);
  armed irregulars entering a named place, or forces pushing them out of one;
* moves, aid and damage by their frame (``_movement_type``): "rounded up", "uprooted",
  "going home", aid deliveries suspended, a tower that collapses, a town flooded;
* what was fired at a place says its kind (``fired_weapon_kind``), and a flight told
  inside an attack is the attack's (``flight_within_violence``).

Each rule asks for its frame: a blast through a plant or a pipeline stays an accident,
troops that abandon a town withdraw, only aid, its workers or its convoys fail to reach a
place or its people ("could not reach Florence for comment", "unable to reach a deal" are
no events), a town "flooded with tourists" had no flood, and "a storm of criticism"
pounds no one. The session's review (a helper probing each rule with sentences that must
not fire) found those exclusions; tests/test_events_round24.py keeps them.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from sitrep.stages import events_rules as rules
from sitrep.stages.events_implicit import group_moves
from sitrep.stages.events_phrases_r23 import objects_in
from sitrep.stages.events_r16_doers import ARMED_PEOPLE

# Bombs left on the ground or worn, told by what they do where they were left.
_SET_OFF_BOMBS = frozenset({"bomb", "device", "ied", "explosive", "grenade", "mine", "landmine"})
_BLAST_NOUNS = frozenset({"blast", "explosion"})
# "ripped through", "tore through": "rocked" is said as often of a plant's accident.
_BLAST_VERBS = frozenset({"rip", "tear"})
# What is dropped from aircraft onto a place in an air strike.
_DROPPED_WEAPONS = frozenset({"bomb", "missile", "munition", "explosive", "barrel"})
_WEATHER = frozenset(
    {"rain", "downpour", "storm", "wind", "gale", "wave", "snow", "hail", "monsoon",
     "cyclone", "typhoon", "hurricane", "rainfall", "snowstorm", "blizzard", "surge"}
)  # fmt: skip
_POUNDING = frozenset({"pound", "batter", "lash", "hammer", "drench"})
_ABANDONING = frozenset({"abandon", "desert"})
# What a named storm does to a place, and the titles that name a storm.
_STORM_VERBS = frozenset(
    {"strike", "hit", "pound", "batter", "lash", "slam", "ravage", "devastate", "sweep",
     "flatten"}
)  # fmt: skip
_STORM_TITLES = (
    "Hurricane|Typhoon|Super Typhoon|Cyclone|Tropical Cyclone|Storm|Tropical Storm|"
    "Tropical Depression|Windstorm"
)
# Who brings aid: "aid agencies", "relief workers", "the convoy", "humanitarians".
_AID_BEARERS = frozenset(
    {"aid", "agency", "convoy", "humanitarian", "relief", "truck", "worker", "supply",
     "shipment", "organisation", "organization", "ngo"}
)  # fmt: skip
_AID_MARKS = frozenset({"aid", "relief", "humanitarian", "food"})
_UNABLE = frozenset({"unable", "impossible"})
# Armed people who loot, execute or burn down: ``ARMED_PEOPLE`` and the irregulars.
_VIOLENCE_LEMMAS = frozenset(
    {"loot", "plunder", "ransack", "pillage", "execute", "burn", "attack", "strike",
     "target", "kill", "enter", "push", "drive", "force"}
)  # fmt: skip
# Rioters and mobs that loot riot (round 20: a protest).
_ARMED = (ARMED_PEOPLE - {"mob", "rioter"}) | {
    "pirate", "militiaman", "militiamen", "militia", "fighter", "jihadist"
}  # fmt: skip
_LOOTING = frozenset({"loot", "plunder", "ransack", "pillage"})
_AIRCRAFT = frozenset(
    {"helicopter", "gunship", "warplane", "aircraft", "drone"}
)  # fmt: skip
# Government forces, and the armed men they fight: killing them is a clash (ACLED battle).
_FORCES = rules.MILITARY_NOUNS - {"militia", "fighter"}
_FOES = frozenset(
    {"insurgent", "militant", "rebel", "fighter", "terrorist", "jihadist", "bandit",
     "gunman", "assailant", "attacker", "extremist", "separatist"}
)  # fmt: skip
_PEOPLE = frozenset(
    {"people", "person", "villager", "civilian", "resident", "man", "woman", "child",
     "protester", "demonstrator", "student", "youth", "worshipper", "farmer", "herder",
     "passenger", "prisoner", "hostage", "suspect", "migrant", "refugee"}
)  # fmt: skip
_HALTING = frozenset({"suspend", "halt", "stop", "block", "interrupt", "cut"})
_AID_FLOWS = frozenset({"delivery", "distribution", "aid", "convoy", "airlift", "airdrop"})
_FLOODING = frozenset({"flood", "inundate", "submerge", "swamp"})
# Links whose collapse cuts a service or a route: "a transmission tower collapsed near
# Mugling, cutting electricity" (outside writers code it, i and u: `other`).
_LINKS = frozenset({"bridge", "tower", "pylon", "overpass", "viaduct"})
# Headline verbs the parser reads as nouns, with the event each tells.
_HEADLINE_VERBS = {"flee": "displacement", "flees": "displacement"}
_BURYING = frozenset({"bury", "buries", "swamp", "swamps", "flood", "floods"})
_HAZARD_HEADS = frozenset(
    {"landslide", "mudslide", "flood", "floods", "avalanche", "quake", "earthquake", "storm",
     "cyclone", "typhoon", "rains", "mudflow"}
)  # fmt: skip


def phrase_verb_type_r24(verb: Token, lemma: str) -> str | None:
    """The type of the event a verb tells by its frame (module docstring), or None."""
    kind = _violence_type(verb, lemma)
    if kind is not None:
        return kind
    kind = _movement_type(verb, lemma)
    if kind is not None:
        return kind
    if lemma == "go" and _particle(verb, "off") and _subject_in(verb, _SET_OFF_BOMBS):
        return "attack"  # "a bomb went off near a bus station"
    if lemma in _BLAST_VERBS and _subject_in(verb, _BLAST_NOUNS) and not _through_works(verb):
        return "attack"  # "a blast ripped through a market", not "through a gas pipeline"
    if lemma == "drop" and _drops_weapons(verb):
        return "airstrike"  # "Russian aircraft dropped guided bombs on Vovchansk"
    if lemma in _POUNDING and _subject_in(verb, _WEATHER) and not _figurative_subject(verb):
        return "disaster"  # "heavy rains pounded Kestrel", not "a storm of criticism"
    landfall = lemma == "make" and any(_word(c) == "landfall" for c in verb.children)
    if (lemma in _STORM_VERBS or landfall) and _named_storm_subject(verb):
        return "disaster"  # "Hurricane Iota ..." and later "Iota struck Haulover"
    if lemma in _ABANDONING and _place_object(verb) and group_moves(verb):
        return "displacement"  # "villagers abandoned Kestrel"
    if lemma == "reach" and _aid_kept_out(verb):
        return "humanitarian_access_blocked"  # "aid agencies have been unable to reach"
    return None


def _violence_type(verb: Token, lemma: str) -> str | None:
    """ "Pirates looted an aid boat", "jihadists executed 9 villagers", "militiamen burned
    down 40 homes" (attacks); "helicopter gunships attacked positions" (an air strike);
    "the army killed 30 insurgents" (a clash); "M23 fighters entered Kestrel" (ground
    taken); "pushed the rebels out of Kestrel" (ground retaken)."""
    if lemma not in _VIOLENCE_LEMMAS:
        return None  # most verbs: no subject to read
    doers = _subjects(verb)
    armed = any(_word(d) in _ARMED for d in doers)
    if lemma in _LOOTING and armed:
        return "attack"
    if lemma == "execute" and armed and _objects_people(verb):
        return "attack"
    if lemma == "burn" and _particle(verb, "down") and armed:
        return "attack"
    if lemma in ("attack", "target") and doers and all(_word(d) in _AIRCRAFT for d in doers):
        return "airstrike"
    if lemma == "kill" and any(_word(d) in _FORCES for d in doers) and objects_in(verb, _FOES):
        return "armed_clash"
    if lemma == "enter" and armed and not _on_an_errand(verb):
        return "capture" if _place_object(verb) else None
    out = _particle(verb, "out") or any(
        c.dep_ == "prep" and c.lower_ == "out" for c in verb.children
    )
    if lemma in ("push", "drive", "force") and out and objects_in(verb, _FOES):
        return "recapture" if _out_of_a_name(verb) else None
    return None


def _movement_type(verb: Token, lemma: str) -> str | None:
    """ "Police rounded up 40 people" (arrest); "the fighting has uprooted 20,000 people"
    (displacement); "residents started going home" (a return); "aid deliveries have been
    suspended" (aid kept out); "a transmission tower collapsed" (damage); "Kestrel was
    flooded" (a disaster)."""
    if lemma == "round" and _particle(verb, "up") and _objects_people(verb) and _by_law(verb):
        return "arrest"
    if lemma == "uproot" and _objects_people(verb):
        return "displacement"
    if lemma in ("go", "head", "return") and _home(verb) and group_moves(verb):
        return "return"
    if lemma in ("go", "head") and verb.dep_ == "xcomp" and _home(verb) and _a_group(verb.head):
        return "return"  # "residents have started going home", "most were allowed to go home"
    if lemma in _HALTING and _passive_subject_in(verb, _AID_FLOWS) and _of_aid(verb):
        return "humanitarian_access_blocked"
    if lemma == "collapse" and _subject_in(verb, _LINKS):
        return "infrastructure_damage"  # "a transmission tower collapsed near Mugling"
    if lemma in _FLOODING and _passive_place_subject(verb) and not _with_something(verb):
        return "disaster"
    return None


def fired_weapon_kind(verb: Token) -> str | None:
    """ "Separatists fired Grad rockets at Kestrel": what was fired says the kind."""
    fired = [h for c in verb.children if c.dep_ == "dobj" for h in (c, *c.conjuncts)]
    kinds = {rules.WEAPONS[_word(f)] for f in fired if _word(f) in rules.WEAPONS}
    return kinds.pop() if len(kinds) == 1 else None


# Verbs of violence a flight may be told inside: "shooting residents as they fled".
_VIOLENT = frozenset(
    {"shoot", "kill", "attack", "fire", "hack", "gun", "chase", "pursue", "ambush", "stab"}
)  # fmt: skip


def flight_within_violence(verb: Token) -> bool:
    """ "shooting residents as they fled", "killed as they tried to flee": people fleeing
    during an attack the sentence tells; the attack is the event, not a displacement."""
    node = verb.head if verb.dep_ == "xcomp" else verb  # "as they tried to flee"
    if node.dep_ != "advcl" or not any(
        c.dep_ == "mark" and c.lower_ in ("as", "while") for c in node.children
    ):
        return False
    violence = node.head
    # "Residents were killed as they tried to flee": with no doer the violence tells no
    # attack, and the flight stays the event.
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in violence.children)
    doer = not passive or any(c.dep_ == "agent" for c in violence.children)
    return violence.lemma_.lower() in _VIOLENT and doer


# Works a blast goes through by accident: "a blast tore through a gas pipeline".
_WORKS = frozenset(
    {"pipeline", "plant", "factory", "refinery", "mine", "depot", "warehouse", "tanker",
     "boiler", "complex", "facility", "well", "terminal", "workshop", "mill"}
)  # fmt: skip
# What aid or its workers fail to reach: a place or the people in it.
_REACHED = frozenset(
    {"town", "village", "city", "area", "region", "district", "people", "community",
     "family", "camp", "survivor", "victim", "resident", "civilian", "valley"}
)  # fmt: skip
# Who rounds people up to arrest them.
_LAW = frozenset({"police", "policeman", "officer", "authority", "soldier", "troop", "force"})
# An errand that takes no ground: "Soldiers entered Kestrel to deliver food aid".
_ERRANDS = frozenset({"deliver", "distribute", "help", "evacuate", "rescue", "escort"})


def _through_works(verb: Token) -> bool:
    return any(
        _word(o) in _WORKS
        for p in verb.children if p.dep_ == "prep" and p.lower_ == "through"
        for o in p.children if o.dep_ == "pobj"
    )  # fmt: skip


def _figurative_subject(verb: Token) -> bool:
    """ "a storm of criticism", "waves of protesters": a subject that is "of" something."""
    return any(
        p.dep_ == "prep" and p.lower_ == "of"
        for s in verb.children if s.dep_ == "nsubj"
        for p in s.children
    )  # fmt: skip


def _with_something(verb: Token) -> bool:
    """ "flooded with tourists", "swamped with complaints"."""
    return any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)


def _on_an_errand(verb: Token) -> bool:
    return any(c.dep_ in ("xcomp", "advcl") and _word(c) in _ERRANDS for c in verb.children)


def _by_law(verb: Token) -> bool:
    """Those who round people up arrest them only as the police or armed forces (or
    unnamed: "40 people were rounded up")."""
    doers = _subjects(verb)
    return not doers or any(_word(d) in _LAW or _word(d) in _FORCES for d in doers)


def _of_aid(verb: Token) -> bool:
    """ "aid deliveries", "food distributions", "relief convoys" or aid itself, not "mail
    deliveries"."""
    for subject in (c for c in verb.children if c.dep_ in ("nsubjpass", "csubjpass")):
        if _word(subject) in _AID_MARKS or _word(subject) in ("convoy", "airlift", "airdrop"):
            return True  # "Aid" itself (or read as a verb: "Aid deliveries"), a convoy
        if any(_word(m) in _AID_MARKS for m in subject.children if m.dep_ in ("amod", "compound")):
            return True
    return False


# Words that stand for a group told before: "most have been allowed to go home".
_GROUP_WORDS = frozenset({"most", "many", "all", "some", "thousands", "hundreds", "dozens"})


def _a_group(verb: Token) -> bool:
    return group_moves(verb) or any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _GROUP_WORDS for c in verb.children
    )


def _word(token: Token) -> str:
    return token.lemma_.lower()


def _subjects(verb: Token) -> list[Token]:
    found = [c for c in verb.children if c.dep_ == "nsubj"]
    found += [o for a in verb.children if a.dep_ == "agent" for o in a.children]
    return [h for d in found for h in (d, *d.conjuncts)]


def _objects_people(verb: Token) -> bool:
    """A bare count or a people noun as the object: "executed 9 villagers", "rounded up
    40" (not "rounded up 40 stray dogs", "uprooted 200 trees")."""
    return any(c.dep_ == "dobj" and (c.pos_ == "NUM" or _word(c) in _PEOPLE) for c in verb.children)


def _out_of_a_name(verb: Token) -> bool:
    """ "out of Kestrel": a name after "of"."""
    return any(
        t.dep_ == "pobj" and t.pos_ == "PROPN" and t.head.lower_ == "of" for t in verb.subtree
    )


def _home(verb: Token) -> bool:
    return any(
        c.lower_ == "home" and c.dep_ in ("advmod", "dobj", "npadvmod") for c in verb.children
    )


def _passive_subject_in(verb: Token, words: frozenset[str]) -> bool:
    """ "Aid deliveries have been suspended": the parser may read "Aid" as a verb whose
    object is "deliveries"."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubjpass", "csubjpass")]
    subjects += [
        o for s in subjects if s.dep_ == "csubjpass" for o in s.children if o.dep_ == "dobj"
    ]
    return any(_word(s) in words for s in subjects)


def _passive_place_subject(verb: Token) -> bool:
    return any(
        c.dep_ == "nsubjpass" and c.pos_ == "PROPN" and c.ent_type_ != "ORG" for c in verb.children
    )


def headline_noun_type(token: Token) -> str | None:
    """ "Thousands flee Kestrel as rebels advance", "Landslide buries 30 homes in Kestrel":
    a headline's verb the parser read as a noun, in a line that ends in no full stop."""
    word = token.lower_
    # The word first: reading the sentence's text for every noun cost the stage a tenth.
    if token.pos_ != "NOUN" or (word not in _HEADLINE_VERBS and word not in _BURYING):
        return None
    if not _in_headline(token):
        return None
    if word in _HEADLINE_VERBS and token.i > token.sent.start:
        before = token.doc[token.i - 1]
        if before.lemma_.lower() in ("thousand", "hundred", "resident", "villager", "family") or (
            before.pos_ == "NUM"
        ):
            return _HEADLINE_VERBS[word]
    if word in _BURYING and any(
        c.dep_ == "compound" and c.lemma_.lower() in _HAZARD_HEADS for c in token.children
    ):
        return "disaster"
    return None


def _named_storm_subject(verb: Token) -> bool:
    """The verb's subject is a name the report gives a storm elsewhere: "Two weeks
    later Iota, even stronger, struck" after "Hurricane Iota"."""
    if any(c.lower_ == "back" and c.dep_ in ("prt", "advmod") for c in verb.children):
        return False  # "Dennis hit back at critics"
    for subject in (c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"):
        storm = re.compile(rf"\b(?:{_STORM_TITLES})\s+{re.escape(subject.text)}\b")
        if storm.search(verb.doc.text):
            return True
    return False


def _in_headline(token: Token) -> bool:
    sentence = token.sent
    text = sentence.text.strip()
    return bool(text) and "\n" not in text and text[-1] not in ".!?\"”'’:" and len(sentence) <= 16


def _subject_in(verb: Token, words: frozenset[str]) -> bool:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        subjects.append(verb.head)  # "a device detonated": the parser may hang it on the noun
    return any(s.lemma_.lower() in words or s.lower_ in words for s in subjects)


def _particle(verb: Token, word: str) -> bool:
    return any(c.dep_ == "prt" and c.lower_ == word for c in verb.children)


def _drops_weapons(verb: Token) -> bool:
    """ "dropped at least four guided bombs on the town": weapons dropped, not leaflets
    or aid ("food was dropped from the air" is aid's, round 23)."""
    return any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _DROPPED_WEAPONS
        for c in verb.children
    )


def _place_object(verb: Token) -> bool:
    """A name as the object: "abandoned Kestrel" (the model may tag a village a person)."""
    return any(
        c.dep_ == "dobj" and c.pos_ == "PROPN" and c.ent_type_ not in ("ORG", "NORP")
        for c in verb.children
    )


def _aid_kept_out(verb: Token) -> bool:
    """ "Aid agencies have been unable to reach Kestrel", "relief convoys could not reach
    the town": aid, its workers or its convoys fail to reach a place."""
    if not any(
        c.dep_ == "dobj" and (c.pos_ == "PROPN" or _word(c) in _REACHED) for c in verb.children
    ):
        return False  # "unable to reach a deal"
    negated = any(c.dep_ == "neg" for c in verb.children)
    unable = verb.dep_ == "xcomp" and verb.head.lower_ in _UNABLE
    if not (negated or unable):
        return False
    holder = (
        verb.head.head if unable and verb.head.dep_ == "acomp" else verb.head if unable else verb
    )
    subjects = [c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")]
    subjects += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(
        s.lemma_.lower() in _AID_BEARERS
        and (
            s.lemma_.lower() in _AID_MARKS
            or s.lemma_.lower() == "convoy"
            or any(
                m.lemma_.lower() in _AID_MARKS for m in s.children if m.dep_ in ("amod", "compound")
            )
        )
        for s in subjects
    )
