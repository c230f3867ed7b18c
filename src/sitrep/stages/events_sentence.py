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

# Verbs whose object is what people run from: "fled attacks", "escaping the fighting".
_FLIGHT_VERBS = frozenset({"flee", "escape"})


# "in response to attacks", "in retaliation for the shelling": the reason for another event.
_REPLIES = frozenset({"response", "retaliation", "reprisal", "revenge", "reply"})


def conjoined_places(place_token: Token, mentions: Sequence[tuple[Token, str]]) -> list[str]:
    """The places joined to ``place_token`` by a conjunction, in the text's order
    ("Mombasa, Kisumu and Nakuru" -> Kisumu, Nakuru for Mombasa); ``mentions`` are the
    sentence's (root token, place id) pairs."""
    joined = {t.i for t in place_token.conjuncts}
    found: list[str] = []
    for token, place_id in mentions:
        if token.i in joined and place_id not in found:
            found.append(place_id)
    return found


def is_setting(trigger: Token) -> bool:
    """ "during the battle", "amid fighting", "fled attacks": an event noun given as
    the circumstance of another event."""
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
    return trigger.dep_ == "dobj" and head.lemma_.lower() in _FLIGHT_VERBS


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
