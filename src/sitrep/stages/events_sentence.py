"""How the events of one sentence share its words (used by the events stage).

* A sentence that names several places joined by "and" for one event ("Demonstrations
  took place in Mombasa, Kisumu and Nakuru") tells one event at each (ACLED codes one
  event per location): ``conjoined_places``.
* An event named only as the setting of another ("during the battle for the city's
  north", "most of whom fled attacks on villages") is no new event; it is kept only to
  merge with the same event told in its own right elsewhere: ``is_setting``.
* A death or injury count belongs to the event nearest to it in the parse ("Shells fell
  on the market, killing 19, as the army and the RSF fought ..." - the shelling's dead,
  not the fighting's): ``nearest``.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from sitrep.stages import events_rules as rules
from sitrep.stages.events_triggers import trigger_type

# Verbs whose object is what people run from: "fled attacks", "escaping the fighting".
_FLIGHT_VERBS = frozenset({"flee", "escape"})


# "in response to attacks", "in retaliation for the shelling": the reason for another event.
_REPLIES = frozenset({"response", "retaliation", "reprisal", "revenge", "reply"})


def conjoined_places(place_token: Token, mentions: Sequence[tuple[Token, str]]) -> list[str]:
    """The places joined to ``place_token`` by a conjunction, in the text's order
    ("Mombasa, Kisumu and Nakuru" -> Kisumu, Nakuru for Mombasa); ``mentions`` are the
    sentence's (root token, place id) pairs."""
    joined = {t.i for t in list_members(place_token)} - {place_token.i}
    found: list[str] = []
    for token, place_id in mentions:
        if token.i in joined and place_id not in found:
            found.append(place_id)
    return found


def list_members(token: Token) -> set[Token]:
    """The tokens of the list ``token`` stands in, itself included. The parser sometimes
    hangs the second member of "near Kawkareik, Hpa-an and Thingannyinaung" as an
    apposition of the first and the rest as its conjuncts; an apposition with no
    conjunct of its own ("the provincial capital, Wabag") names the same place."""
    members = {token, *token.conjuncts}
    if token.dep_ == "appos" and token.conjuncts:
        members |= {token.head, *token.head.conjuncts}
    for member in list(members):
        for child in member.children:
            if child.dep_ == "appos" and child.conjuncts:
                members |= {child, *child.conjuncts}
    return members


# "Protests broke out in A and spread to B": the event goes on where it spreads.
_SPREADING = frozenset({"spread", "extend"})
# What a "to" phrase may pass through to name places: "to cities including B, C and D".
_LISTING = frozenset({"pobj", "prep", "conj", "appos", "compound", "amod", "det", "cc"})


def spread_places(trigger: Token, mentions: Sequence[tuple[Token, str]]) -> list[str]:
    """The places an event is told to spread to, in the text's order ("Protests broke out
    in Petare and quickly spread to cities including Barquisimeto and Valencia": the
    protests at each; round 9). Only a verb that shares the trigger's clause counts: the
    one the trigger is the subject of ("Protests spread on Monday to A, B and C"; round
    10) or one joined to it."""
    if trigger.dep_ != "nsubj":
        return []
    verbs = [v for v in (trigger.head, *trigger.head.conjuncts) if v.lemma_.lower() in _SPREADING]
    goals = [p for v in verbs for p in v.children if p.dep_ == "prep" and p.lower_ == "to"]
    goals += [c for g in goals for c in g.conjuncts if c.lower_ == "to"]
    found: list[str] = []
    for token, place_id in mentions:
        if place_id not in found and any(_listed_under(token, g) for g in goals):
            found.append(place_id)
    return found


def _listed_under(token: Token, goal: Token) -> bool:
    node = token
    while node != goal:
        if node.dep_ not in _LISTING or node.head == node:
            return False
        node = node.head
    return True


def is_setting(trigger: Token) -> bool:
    """ "during the battle", "amid fighting", "fled attacks": an event noun given as
    the circumstance of another event."""
    if _fighting_before_taking_ground(trigger):  # "of fighting" is at times tagged a verb
        return True
    if _watched_or_recorded(trigger):
        return True
    if elaborates_told_event(trigger):
        return True
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    head = trigger.head
    if trigger.dep_ == "pobj" and head.lower_ in rules.SETTING_PREPOSITIONS:
        return True
    if (
        trigger.dep_ == "pobj"
        and head.lower_ in ("to", "for")
        and head.head.lemma_.lower() in _REPLIES
    ):
        return True  # "struck targets in response to Ukrainian attacks on Belgorod" (round 6)
    if (
        trigger.dep_ == "pobj"
        and head.lower_ == "for"
        and head.head.pos_ == "NOUN"
        and head.head.lemma_.lower() in _PURPOSE_NOUNS
    ):
        return True  # "has been a base for the government's offensive since 2022" (round 9)
    return trigger.dep_ == "dobj" and head.lemma_.lower() in _FLIGHT_VERBS


def elaborates_told_event(trigger: Token) -> bool:
    """A clause that elaborates an event rather than telling one (round 14): the event
    going on around another ("As the fighting for the town intensified, aircraft bombed
    A"), what befell a person the sentence describes ("a woman who was hit by a stray
    bullet", "a relative arrested at a checkpoint", "a farmer who moved his family after
    the shelling"), or the outcome of a hostage-taking or a capture told already ("the
    other four were freed", "moved in to free the hostages", "overran B and freed 500
    inmates")."""
    return (
        _going_on_around(trigger)
        or _befell_a_person(trigger)
        or _outcome_freed(trigger)
        or _surrounded_to_strike(trigger)
    )


_SURROUNDING = frozenset({"surround", "encircle", "cordon"})
# What is besieged, not raided: places people live in ("encircled the town").
_BESIEGED = frozenset(
    {"town", "city", "village", "settlement", "capital", "district", "region", "territory",
     "area", "suburb", "enclave", "pocket", "province"}
)  # fmt: skip


def _surrounded_to_strike(trigger: Token) -> bool:
    """ "The attackers surrounded the market at about 2 p.m. and opened fire on traders",
    "surrounded the camps before dawn and drove off thousands of cattle": a site
    surrounded by those who then strike it is how the attack went, not a siege (round 14;
    sets e, g). A town or city surrounded stays a siege ("encircled Mariupol and are
    pounding the port city")."""
    if trigger.lemma_.lower() not in _SURROUNDING or trigger.pos_ != "VERB":
        return False
    surrounded = [c for c in trigger.children if c.dep_ == "dobj"]
    if not surrounded or any(
        o.pos_ == "PROPN" or o.ent_type_ in ("GPE", "LOC") or o.lemma_.lower() in _BESIEGED
        for o in surrounded
    ):
        return False
    return any(c.dep_ == "conj" and c.pos_ == "VERB" for c in trigger.children)


# "As the fighting intensified", "while clashes continued": an event as a process.
# "since the fighting spread there": a process told as what came before (round 14).
_SUBORDINATORS = frozenset({"as", "while", "whilst", "since"})
_PROCESS_VERBS = frozenset(
    {"intensify", "rage", "continue", "escalate", "grow", "spread", "drag", "worsen",
     "subside", "ease", "unfold", "go", "wear", "heat"}
)  # fmt: skip


def _going_on_around(trigger: Token) -> bool:
    verb = trigger.head
    return (
        trigger.pos_ in ("NOUN", "PROPN")
        and trigger.dep_ in ("nsubj", "nsubjpass")
        and verb.lemma_.lower() in _PROCESS_VERBS
        and any(c.dep_ == "mark" and c.lower_ in _SUBORDINATORS for c in verb.children)
    )


# People a participle or a relative clause may describe ("a relative arrested at ...").
_PERSON_NOUNS = frozenset(
    {"man", "woman", "boy", "girl", "child", "relative", "farmer", "resident", "mother",
     "father", "son", "daughter", "brother", "sister", "wife", "husband", "grandmother",
     "grandfather", "widow", "teacher", "student", "driver", "nurse", "doctor", "trader",
     "worker", "shopkeeper", "official", "neighbour", "neighbor", "friend", "cousin",
     "journalist", "volunteer", "paramedic", "pensioner", "villager", "fisherman"}
)  # fmt: skip
_PERSONAL_RELATIVES = frozenset({"who", "whom", "whose"})


def _befell_a_person(trigger: Token) -> bool:
    """ "a woman who was hit by a stray bullet", "a relative arrested at a checkpoint",
    "a farmer ... who moved his family to a shelter after the shelling": the clause tells
    who a person is; what it names is part of an event told elsewhere, or background."""
    verb = trigger
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return _is_person(verb.head)  # "a relative arrested at a checkpoint"
    if verb.dep_ != "relcl":
        return False
    personal = any(
        c.dep_ in ("nsubj", "nsubjpass", "poss") and c.lower_ in _PERSONAL_RELATIVES
        for c in (*verb.children, *(g for c in verb.children for g in c.children))
    )
    if not personal:
        return False
    if verb == trigger:  # the victim's own clause: "who was hit by a stray bullet"
        return any(c.dep_ == "auxpass" for c in verb.children)
    # An event that dates a person's story ("who moved his family after the shelling");
    # not one the person took part in ("a driver who joined the protest in Zubair").
    return trigger.dep_ == "pobj" and trigger.head.lower_ in _BEFORE_AFTER


_BEFORE_AFTER = frozenset({"after", "before", "since", "following"})


def _is_person(noun: Token) -> bool:
    return noun.ent_type_ == "PERSON" or noun.lemma_.lower() in _PERSON_NOUNS


_RELEASING = frozenset({"free", "release", "rescue"})
_TAKING = frozenset({"capture", "occupation", "attack", "armed_clash", "recapture"})


def _outcome_freed(trigger: Token) -> bool:
    """Captives freed who are told already ("the hostages", "the other four", "22 of
    them"), or freed by the capture the clause tells ("overran B and freed 500 inmates")."""
    if trigger.lemma_.lower() not in _RELEASING or trigger.pos_ != "VERB":
        return False
    if any(t.ent_type_ in ("DATE", "TIME") for t in trigger.subtree):
        return False  # "The guards were freed early on Sunday": a day of its own (team)
    freed = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    for head in freed:
        words = [head, *(o for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                         for o in p.children)]  # fmt: skip
        if any(
            w.pos_ == "PRON"
            or any(c.lower_ in ("the", "these", "those", "other") for c in w.children)
            for w in words
        ):
            return True
    if trigger.dep_ == "conj":
        return trigger_type(trigger.head) in _TAKING
    return False


# "watched the clashes from her balcony", "I have seen many protests in this city".
_PERCEIVING = frozenset({"watch", "see", "witness", "film", "examine", "observe"})
# "video footage of the clashes", "a different account of Monday's fighting".
_RECORDS = frozenset({"footage", "video", "image", "photo", "picture", "account", "recording"})


def _watched_or_recorded(trigger: Token) -> bool:
    """An event noun someone watched, saw or will examine footage of is an event told
    elsewhere (or none), not a new one (round 13; sets d, e, f: "watched the clashes",
    "examine video footage of the clashes", "gave a different account of Monday's
    fighting"). Memories are not here: "memories of the landslide in May 2016" tells a
    past event the report names nowhere else."""
    if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in _PERCEIVING:
        # "traders observed a strike" keeps one (round 23): a stoppage is observed by
        # those who stop work.
        return not (trigger.head.lemma_.lower() == "observe" and trigger.lemma_.lower() == "strike")
    head = trigger.head
    return trigger.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _RECORDS


# "after two days of fighting", "following weeks of clashes", "after a two-month battle".
_FIGHTING = frozenset({"fighting", "fight", "clash", "battle", "combat"})
_SPELLS = frozenset({"hour", "day", "week", "month", "night"})
# Verbs that end a fight: ground taken or given up ("took control ... after two days of
# fighting", "withdrew towards B after several hours of fighting").
_GROUND_CHANGES = frozenset(
    {"take", "seize", "capture", "retake", "recapture", "overrun", "withdraw", "retreat",
     "fall", "enter", "clear", "control", "abandon", "pull"}
)  # fmt: skip


def _fighting_before_taking_ground(trigger: Token) -> bool:
    """ "Rebels took full control of the town after two days of fighting": the fighting
    that won or lost the ground is part of the capture or the withdrawal, not a battle of
    its own (round 13; sets d, e, f; ACLED codes the capture)."""
    if trigger.lemma_.lower() not in _FIGHTING:
        return False
    node = trigger
    spell = node.head.head  # "two days of fighting"
    if node.dep_ == "pobj" and node.head.lower_ == "of" and spell.lemma_.lower() in _SPELLS:
        node = spell
    if node.dep_ != "pobj" or node.head.lower_ not in ("after", "following"):
        return False
    verb = node.head.head
    return verb.pos_ == "VERB" and verb.lemma_.lower() in _GROUND_CHANGES


# Things that serve an event: "a base for the offensive", "funds for the evacuation".
_PURPOSE_NOUNS = frozenset(
    {"base", "hub", "launchpad", "staging", "springboard", "fund", "budget", "plan",
     "preparation", "support", "call", "appeal", "justification", "pretext"}
)  # fmt: skip


def tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens of one sentence in the dependency tree."""
    depth_of_a = {t.i: d for d, t in enumerate((a, *a.ancestors))}
    for d, token in enumerate((b, *b.ancestors)):
        if token.i in depth_of_a:
            return d + depth_of_a[token.i]
    return len(depth_of_a) + d + 1  # different trees: a sentence split wrongly


def nearest(target: Token, candidates: Sequence[Token]) -> Token | None:
    """The candidate nearest to ``target`` in the parse, preferring one whose clause holds
    it ("Shells fell ..., killing 19 and wounding 62, as [they] fought": the parser hangs
    "fought" under "wounding", yet 62 is told of the shelling); the first, on a tie."""
    if not candidates:
        return None
    above = {t.i for t in target.ancestors}
    return min(candidates, key=lambda c: (c.i not in above, tree_distance(target, c), c.i))


# Words of the names non-state armed groups give themselves: "Myanmar National
# Democratic Alliance Army", "Sudan People's Liberation Movement", "Free Syrian Army".
# A state's own forces ("Sudanese Armed Forces", "Afghan National Army") use none.
GROUP_NAME_WORDS = frozenset(
    {"liberation", "democratic", "alliance", "movement", "front", "revolutionary",
     "independence", "free", "resistance", "rebel", "islamic", "patriotic"}
)  # fmt: skip


def in_group_name(token: Token) -> bool:
    """Whether a country word is part of the name of a non-state armed group: such a group
    is not that country's side (round 9: "The Myanmar National Democratic Alliance Army
    said its fighters had overrun ..." is no Myanmar military)."""
    if token.ent_type_ != "ORG":
        return False
    for entity in token.doc.ents:
        if entity.start <= token.i < entity.end:
            return any(t.lower_ in GROUP_NAME_WORDS for t in entity)
    return False


# "evacuated again", "a new eruption", "another attack", "fresh clashes" (round 9).
_AGAIN = frozenset({"again", "anew"})
_ANEW = frozenset({"new", "another", "fresh", "renewed"})


def renewal(trigger: Token) -> bool:
    """Whether the trigger tells its event as happening again: not the same one as an
    earlier telling with a date of its own."""
    node = trigger.head if trigger.dep_ == "dobj" and trigger.head.pos_ == "VERB" else trigger
    return any(c.lower_ in _AGAIN for c in node.children if c.dep_ == "advmod") or any(
        c.lower_ in _ANEW for c in trigger.children if c.dep_ in ("amod", "det")
    )
