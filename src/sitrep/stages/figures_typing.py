"""What a figure counts, told by the construction around it (figures round 9).

The figures stage types a number by the cue word that governs it or stands nearest. Some
constructions say more than any single cue, and the outside writers' gold (eval/outside/a
to /f, read with ``sitrep eval report --errors``) types them consistently:

* goods counted in a sentence about supplies are aid: "18 trucks carrying food aid",
  "40 tonnes of flour, tents and blankets" (aid, 17 figures in 7 sets);
* people a utility was cut to are without it: "leaving 10 million people without power",
  "cut water to 60 percent of the city", "gas supplies were cut, affecting 340,000
  households" (12 figures in 5 sets);
* people supplies went to are aid recipients: "distributed food to 9,000 people",
  "reached 3,500 families with blankets" (6 figures in 4 sets);
* what "left" put people in: "left 55 people dead" is a toll, not a displacement;
* people living in a shelter are displaced, not a population: "1,500 people have been
  living in evacuation centres", "25,000 people still live in containers" (round 10).

Every function here reads the parse of one number's token; none looks at other reports.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

# Goods that are counted when they are delivered ("Eleven trucks", "380 tonnes", "600
# hygiene kits", "10,000 family food packs", "12 water pumps").
AID_GOODS = frozenset(
    {"truck", "lorry", "tonne", "ton", "kit", "pack", "parcel", "pump", "ration", "litre",
     "liter", "sack", "bag", "box", "carton", "package"}
)  # fmt: skip
# Trucks that carry an army are no aid ("a convoy of a dozen military trucks").
_ARMED = frozenset({"military", "army", "armoured", "armored"})
# Words that make a sentence one about supplies ("carrying food, medicine and water
# purification tablets", "Aid officials said", "a convoy of six trucks").
SUPPLY_WORDS = frozenset(
    {"aid", "supply", "food", "medicine", "medical", "relief", "humanitarian", "flour",
     "rice", "sorghum", "wheat", "grain", "hygiene", "nutrition", "tarpaulin", "blanket",
     "tent", "drinking", "convoy", "distribution", "ration"}
)  # fmt: skip
# Verbs that hand supplies to someone: whom they go "to" received aid.
GIVING_VERBS = frozenset(
    {"distribute", "deliver", "provide", "give", "hand", "supply", "send", "bring",
     "airdrop", "airlift", "donate"}
)  # fmt: skip
# Utilities a report says people are without, as the quantity names them.
UTILITIES: dict[str, str] = {
    "power": "without_power", "electricity": "without_power", "light": "without_power",
    "water": "without_water", "gas": "without_gas", "heating": "without_heating",
}  # fmt: skip
# Verbs that cut a utility off from whom it goes "to" or "for" ("cut water to", "knocked
# out power for").
CUTTING_VERBS = frozenset({"cut", "knock", "shut", "disconnect", "interrupt", "suspend"})
# What "left" people in: "left 55 people dead", "leaving 12,000 people homeless".
LEFT_STATES: dict[str, str] = {
    "dead": "killed", "injured": "injured", "wounded": "injured", "homeless": "displaced",
    "stranded": "stranded", "missing": "missing",
}  # fmt: skip
_STATE_DEPS = frozenset({"oprd", "acomp", "xcomp", "ccomp", "amod", "advcl"})


def counted_token(token: Token) -> Token:
    """The noun a number counts ("7,000" in "7,000 people" counts "people"), or itself."""
    return token.head if token.dep_ in ("nummod", "quantmod") else token


def aid_goods(token: Token, sentence: SpacySpan, counted: str | None) -> str | None:
    """ "Eleven trucks carrying food", "40 tonnes of flour": goods in a sentence about
    supplies are aid; "two trucks" set on fire or "1,500 lorries" stuck are not."""
    if counted not in AID_GOODS:
        return None
    goods = counted_token(token)
    if any(c.lower_ in _ARMED for c in goods.children):
        return None
    lemmas = {t.lemma_.lower() for t in sentence}
    return "aid" if lemmas & SUPPLY_WORDS or _handed_out(goods) else None


def _handed_out(goods: Token) -> bool:
    """ "delivering 4.6 million litres of water", "trucked 1.2 million litres": goods a
    giving verb hands out are aid, whatever they are (round 10, eval/outside/h, j)."""
    lemma = goods.head.lemma_.lower()
    return goods.dep_ == "dobj" and (lemma in GIVING_VERBS or lemma == "truck")


def without_utility(token: Token, sentence: SpacySpan) -> str | None:
    """ "leaving some 10 million people without power", "over 80 percent of homes were
    still without power", "cut water to roughly 60 percent of the city", "affecting
    340,000 households" where gas supplies were cut."""
    counted = counted_token(token)
    for holder in (counted, counted.head):
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ == "without":
                told = _utility_of(child.subtree)
                if told is not None:
                    return told
    verb = counted.head.head
    if counted.dep_ == "pobj" and counted.head.lower_ in ("to", "for") and _cuts(verb):
        cut = ("dobj", "nsubjpass", "prt", "npadvmod")  # "cut water to", "water is cut to"
        return _utility_of(t for t in verb.children if t.dep_ in cut)
    if counted.head.lemma_.lower() == "affect" and counted.dep_ in ("dobj", "nsubjpass"):
        return _nearest_utility(sentence, token)
    return None


def _cuts(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    knocked_out = lemma == "knock" and any(c.lower_ == "out" for c in verb.children)
    return lemma in CUTTING_VERBS or knocked_out


def _utility_of(tokens: Iterable[Token]) -> str | None:
    for t in tokens:
        told = UTILITIES.get(t.lemma_.lower())
        if told is not None:
            return told
    return None


def _nearest_utility(sentence: SpacySpan, token: Token) -> str | None:
    """The utility named nearest the number, in a sentence that says it failed."""
    named = [(abs(t.i - token.i), UTILITIES[t.lemma_.lower()]) for t in sentence
             if t.lemma_.lower() in UTILITIES and t.pos_ == "NOUN"]  # fmt: skip
    return min(named)[1] if named else None


def aid_recipients(token: Token) -> str | None:
    """ "distributed hot meals to more than 9,000 people", "therapeutic food for 4,000
    children", "57,000 families have received payments", "reached 3,500 families with
    blankets": the people supplies went to."""
    counted = counted_token(token)
    head = counted.head
    if counted.dep_ == "pobj" and head.lower_ in ("to", "for"):
        if _given(head):
            return "aid_recipients"
        if head.lower_ == "for" and _supplies(head.head):
            return "aid_recipients"
    if counted.dep_ == "nsubj" and head.lemma_.lower() == "receive":
        return "aid_recipients"
    if counted.dep_ == "dobj" and head.lemma_.lower() == "reach":
        if any(c.dep_ == "nsubj" and c.lemma_.lower() in _TOTALS for c in head.children):
            return None  # "the death toll had reached 102, with 50 being treated" (round 20)
        holders = (*head.children, *counted.children)
        if any(c.dep_ == "prep" and c.lower_ == "with" for c in holders):
            return "aid_recipients"
    return None


def _supplies(word: Token) -> bool:
    """ "food for 2,500 children", "carried food for 2,500 children": supplies, or a verb
    whose object they are."""
    if word.lemma_.lower() in SUPPLY_WORDS:
        return True
    return word.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in SUPPLY_WORDS for c in word.children
    )


# How far up from "to" the giving verb may be: the parser often hangs "to 9,000 people" on
# the last thing given ("distributed meals and kits to ..."), one or two steps below it.
_GIVER_STEPS = 3


# What a giving verb brings "to" a number when it hands nothing out: "bringing the toll
# to 26" (eval/outside/a).
_TOTALS = frozenset({"toll", "total", "number", "count", "tally", "figure"})


def _given(preposition: Token) -> bool:
    node = preposition
    for _ in range(_GIVER_STEPS):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in GIVING_VERBS and node.pos_ == "VERB":
            return not any(c.lemma_.lower() in _TOTALS for c in node.children)
    return False


def left_in_state(verb: Token) -> str | None:
    """What "left"/"leaving" put its object in: "left 55 people dead" (killed), "leaving
    12,000 homeless" (displaced), "left 180,000 households without electricity"."""
    for child in verb.children:
        if child.dep_ in _STATE_DEPS and child.lower_ in LEFT_STATES:
            return LEFT_STATES[child.lower_]
        if child.dep_ == "prep" and child.lower_ == "without":
            return _utility_of(child.subtree)
    return None


# Where people live only when they have lost their homes (round 10: eval/outside/h, j,
# examples: "living in evacuation centres", "still living in containers").
SHELTER_PLACES = frozenset(
    {"shelter", "camp", "tent", "container", "centre", "center", "gymnasium", "hall",
     "school", "church", "mosque", "classroom", "stadium", "site", "settlement"}
)  # fmt: skip
_DWELLING_VERBS = frozenset({"live", "stay", "sleep", "remain"})
_RESIDENTS = frozenset({"population", "resident", "inhabitant"})


def sheltered(verb: Token) -> str | None:
    """ "living in evacuation centres", "staying in tents": a verb of dwelling whose "in"
    names a shelter says its subject is displaced."""
    if verb.lemma_.lower() not in _DWELLING_VERBS:
        return None
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in _RESIDENTS for c in verb.children):
        return None  # "half the population lives in camps" stays a share of the population
    places = (
        o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("in", "at")
        for o in p.children if o.dep_ == "pobj"
    )  # fmt: skip
    return "displaced" if any(o.lemma_.lower() in SHELTER_PLACES for o in places) else None
