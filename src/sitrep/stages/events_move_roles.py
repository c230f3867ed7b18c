"""Where aid and returning people arrive, read off the preposition (round 15c).

Writers place aid and a return where it arrives ("sent tarpaulins ... to Dhading",
"returned to Harlow"; docs/EVENT_TYPES.md, "Where a movement happened"), and a
displacement where people fled from (``events_place._origin_of_move``). A place plays
its preposition's role through the nouns it hangs from ("to relatives in Gusau", "to
camps near X"), not through a verb with a subject of its own; the nearest "to", "into",
"towards", "for" or "from"/"out of" above it decides.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from sitrep.records import Place

# "fled to X", "crossed into X", "headed towards X", "left for X": where people went.
TOWARDS = frozenset({"to", "towards", "toward", "into", "for"})
# "from X", "out of X": where people or goods came from.
AWAY_FROM = frozenset({"from"})


def _preposition_above(token: Token) -> Token | None:
    """The preposition whose phrase holds ``token``, through nouns only ("to relatives
    in Gusau": "to"; "from camps around Duhok": "from"), or None. A locative inside the
    phrase ("in", "around", "near") is read through; a verb ends the search."""
    node = token
    while node.head != node and node.pos_ not in ("VERB", "AUX"):
        # "left for Sumy", but not "held for four days at Nizi": "for" says where only
        # of the place itself.
        if (
            node.dep_ == "pobj"
            and (node.head.lower_ in TOWARDS | AWAY_FROM or _out_of(node.head))
            and (node.head.lower_ != "for" or node is token)
        ):
            return node.head
        node = node.head
    return None


def _out_of(preposition: Token) -> bool:
    """ "out of Mepe": "of" after "out"."""
    return (
        preposition.lower_ == "of"
        and preposition.i > 0
        and (preposition.doc[preposition.i - 1].lower_ == "out")
    )


def goes_to(token: Token) -> bool:
    """Whether the place is where people or goods went ("to relatives in X")."""
    prep = _preposition_above(token)
    return prep is not None and prep.lower_ in TOWARDS


def delivered_to(trigger: Token, mentions: Sequence[tuple[Token, Place]]) -> Place | None:
    """Where the trigger's aid or returning people arrive: a place in a "to"/"into"
    phrase of the trigger's own clause, however the parser hung it ("sent dry food for
    300 families to Dhading" read as the families' "to"). None when there is none."""
    for token, place in mentions:
        if goes_to(token) and _within_clause(token, trigger):
            return place
    return None


def _within_clause(token: Token, trigger: Token) -> bool:
    """``token`` hangs from ``trigger`` through no subject and no verb with a subject of
    its own (a clause of its own); a verb without one is read through, as the parser
    makes verbs of nouns ("dry food and drinking water for 300 families")."""
    node = token
    while node != trigger:
        if node.head == node or node.dep_ in ("nsubj", "nsubjpass", "agent"):
            return False
        if node.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in node.children
        ):
            return False
        node = node.head
    return True
