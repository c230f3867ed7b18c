"""Protests told by what the protesters do (round 16).

* People who are no armed force blocking a road to demand something protest: "about 200
  residents blocked the main coastal road for three hours to demand a fair schedule"
  (ACLED codes a road blocked by civilians as a protest; docs/EVENT_TYPES.md, protest
  family, round 12, which read only blockades told by the noun). Armed men who block a
  road ("after armed men blocked the road") stop traffic or aid: no protest.
* A human chain is a demonstration: "formed human chains in A, B and C to demand ...".
"""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.stages import events_rules as rules

# Who blocks a road in protest: people who are no armed force. Not protesters: their
# protest is told by its own word, at the place of the protest (a blockade "in the A and
# B neighbourhoods" of the city the team set codes at the city).
_CIVIL_BLOCKERS = (
    rules.BLOCKADERS | rules.CIVILIANS | rules.MARCHERS | frozenset(
        {"tribesman", "tribesmen", "youth", "local", "villager", "relative", "mourner",
         "trader", "dozen", "group",
         # round 23: "Students blocked roads across Dhaka" (students are PROTESTERS)
         "driver", "farmer", "worker", "teacher", "miner"}
    )
) - rules.PROTESTING_PEOPLE  # fmt: skip
# (Round 23: students, activists and crowds blocking a road with a demand protest too;
# the protesters themselves are read by ``events_triggers._protesters_act``.)
# Words that make those who block armed: "armed men", "gunmen", "soldiers".
_ARMED_WORDS = rules.MILITARY_NOUNS | rules.POLICE_NOUNS | frozenset(
    {"armed", "gunman", "militant", "rebel", "gang", "bandit", "attacker", "jihadist",
     "insurgent", "militiaman", "fighter"}
)  # fmt: skip
_CHAIN_VERBS = frozenset({"form", "hold", "stage", "make", "organise", "organize"})


def civilians_block_road(verb: Token) -> bool:
    """Whether ``verb`` is *block* with a road as its object and people who are no armed
    force as its subject."""
    if verb.lemma_.lower() != "block":
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    roads = [h for o in objects for h in (o, *o.conjuncts) if _is_road(h)]
    if not roads:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        return False
    words = [t for s in subjects for t in s.subtree]
    if any(t.lemma_.lower() in _ARMED_WORDS or t.lower_ in _ARMED_WORDS for t in words):
        return False
    heads = [h for s in subjects for h in (s, *s.conjuncts)]
    heads += [o for h in list(heads) for p in h.children if p.dep_ == "prep" and p.lower_ == "of"
              for o in p.children if o.dep_ == "pobj"]  # fmt: skip
    civilians = any(
        h.lemma_.lower() in _CIVIL_BLOCKERS or h.lower_ in _CIVIL_BLOCKERS or h.pos_ == "NUM"
        for h in heads
    )
    return civilians and _with_a_demand(verb)


# What a blockade is for when it is a protest: "to demand a fair schedule", "in protest".
_DEMANDING_VERBS = frozenset(
    {"demand", "protest", "press", "denounce", "oppose", "condemn", "demonstrate", "call",
     "urge", "insist", "seek"}
)  # fmt: skip


def _with_a_demand(verb: Token) -> bool:
    """Whether the blocking is told with its demand: a purpose clause ("to demand ...",
    "to protest against ...") or "in protest". Residents blocking roads in a report's
    account of an outage, with no demand told, one writer of two codes as no protest."""
    for child in verb.children:
        if child.dep_ in ("advcl", "xcomp") and child.lemma_.lower() in _DEMANDING_VERBS:
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ == "in"
            and any(o.lemma_.lower() == "protest" for o in child.children)
        ):
            return True
    return False


def _is_road(noun: Token) -> bool:
    """ "the main coastal road", "highway" (the small model leaves some plurals as is)."""
    return (
        noun.lemma_.lower() in rules.ROAD_WORDS or noun.lower_.removesuffix("s") in rules.ROAD_WORDS
    )


# A human chain that rescues or moves sandbags: "rescued by residents who formed a human
# chain", "a human chain passed sandbags" (session 18, set ac); not "formed a human chain
# ..., carrying banners against the dam".
_CHAIN_WORK = frozenset({"rescue", "save", "sandbag", "rescuer", "evacuate"})


def forms_human_chain(verb: Token) -> bool:
    """ "formed human chains in Sylhet and Habiganj": a demonstration, unless its sentence
    tells a rescue or sandbags."""
    if verb.lemma_.lower() not in _CHAIN_VERBS:
        return False
    if any(t.lemma_.lower() in _CHAIN_WORK for t in verb.sent):
        return False
    return any(
        c.dep_ == "dobj"
        and c.lemma_.lower() == "chain"
        and any(a.lower_ == "human" for a in c.children if a.dep_ in ("amod", "compound"))
        for c in verb.children
    )
