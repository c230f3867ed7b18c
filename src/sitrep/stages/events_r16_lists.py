"""Lists of places a delivery or a return names by where it went (round 16).

"boats delivered food and tarpaulins to A, B and C", "delivered 120,000 litres of
drinking water by tanker truck to A, B and C", "families returned to A and B": aid and
returns are placed where they arrive (docs/EVENT_TYPES.md, round 15c), so a list of
arrival places is one arrival at each. ``events_clause`` reads these lists beside its
locatives. (A list of origins, "evacuated from A and B", is left one event: the writers
split on it, one per village in set i, one for a town's neighbourhoods in set k.)
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from sitrep.stages import events_rules as rules

# Verbs whose "to" phrase is where the aid or the people arrived.
_ARRIVING_VERBS = rules.AID_VERBS | {"return"}


def arrival_list_heads(verb: Token) -> Iterator[Token]:
    """The objects of a delivery's or a return's "to" phrases, where a list of the
    places it reached may stand."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _ARRIVING_VERBS:
        return
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "to":
            yield from (o for o in prep.children if o.dep_ == "pobj")
