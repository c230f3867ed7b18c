"""A hazard that reaches several places in one clause is a disaster at each (round 15d).

"By Tuesday night the river had spilled into A, B, C and D", "Landslides also blocked
the highway near A, the road at B and the pass near C", "New cholera cases were
confirmed in the A, B and C camps": in English news the hazard is the clause's subject
(or what its passive verb is said of), and the places are the clause's locative phrases
or its objects' own locatives. Writers (and ACLED-style coding) make one disaster event
per place named there. The clause's verb becomes the trigger, so the list machinery of
``events_clause`` / ``events_split`` makes one event per member, dated like the clause.
"""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.stages import events_rules as rules
from sitrep.stages.events_lemmas import opens_sentence, singular

# Bodies of water that are a hazard only when a verb of flooding is said of them: "the
# river spilled into A and B", not "the river flows through A and B".
_WATER_NOUNS = frozenset(
    {"river", "sea", "seawater", "water", "lake", "stream", "creek", "dam", "reservoir", "tide"}
)  # fmt: skip
_FLOODING_VERBS = frozenset(
    {"spill", "overflow", "flood", "inundate", "surge", "pour", "swamp", "submerge", "burst",
     "engulf", "sweep", "wash", "rush", "break"}
)  # fmt: skip
# Nouns of an epidemic's count: "New cholera cases were confirmed in A, B and C".
_CASE_NOUNS = frozenset({"case", "infection", "death"})
# Verbs a hazard's clause uses that say nothing happened there: "Floods threatened A and
# B", "the storm missed A and B".
_NOT_REACHING = frozenset({"threaten", "miss", "spare", "approach", "head", "bypass", "avoid"})


def hazard_clause_verb(verb: Token) -> bool:
    """Whether ``verb`` tells a hazard (its subject) reaching places: the hazard noun
    as the subject (active or passive), the verb not negated nor one of sparing."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() in _NOT_REACHING:
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    if _floods_what_it_is_said_of(verb):
        return True
    return any(_is_hazard(s, verb) for s in _subjects_shared(verb))


# Verbs that name the flood themselves when said of what it hit: "Homes, roads and
# bridges were swept away in A, B and C", "villages were flooded in A and B" (round 19).
_FLOODED_VERBS = frozenset({"flood", "inundate", "submerge"})
_CARRIED_OFF_VERBS = frozenset({"sweep", "wash"})


def _floods_what_it_is_said_of(verb: Token) -> bool:
    """A passive verb of flooding, or "swept/washed away" in the passive: the hazard is
    the verb's own meaning, whatever its subject ("were swept away in A and B")."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    lemma = verb.lemma_.lower()
    if lemma in _FLOODED_VERBS:
        return True
    away = any(c.dep_ in ("prt", "advmod") and c.lower_ == "away" for c in verb.children)
    return lemma in _CARRIED_OFF_VERBS and away


def _subjects_shared(verb: Token) -> list[Token]:
    """The verb's subjects; a participle or conjoined verb with none of its own shares
    its head verb's: "The river burst its banks, flooding parts of A, B and C" (round
    19). Bounded: the head chain of one sentence."""
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects or verb.dep_ not in ("advcl", "conj", "xcomp") or verb.head.pos_ != "VERB":
            return subjects
        verb = verb.head
    return []


def _is_hazard(noun: Token, verb: Token) -> bool:
    if noun.pos_ == "PROPN" and any(_names_a_hazard(c) for c in noun.children):
        return True  # "Storm Boris sent a wall of water through A, B and C" (round 19)
    if noun.pos_ == "PROPN" and _bursts_its_banks(_verb_of_subject(noun)):
        return True  # "the Savio and Lamone burst their banks, flooding A and B" (20)
    lemma = noun_lemma(noun)
    if rules.NOUN_TRIGGERS.get(lemma) == "disaster" and lemma not in rules.FIGURATIVE_HAZARDS:
        return True
    if lemma in rules.HAZARD_NOUNS:
        return True
    if lemma in _WATER_NOUNS:
        return verb.lemma_.lower() in _FLOODING_VERBS
    if lemma in _CASE_NOUNS:
        # "cholera cases", "cases of measles": the disease named on the noun itself.
        words = [c.text for c in noun.subtree if c.i != noun.i]
        return any(rules.DISEASE_WORDS.fullmatch(w) for w in words)
    return False


def _names_a_hazard(word: Token) -> bool:
    """ "Storm" in "Storm Boris", "Typhoon" in "Typhoon Wipha": a named storm's kind."""
    lemma = word.lemma_.lower()
    return word.dep_ == "compound" and rules.NOUN_TRIGGERS.get(lemma) == "disaster"


def noun_lemma(noun: Token) -> str:
    """The noun's lemma; a capitalised common noun at a sentence start, which the small
    model tags a proper noun and leaves as is ("Landslides also blocked ..."), by its
    lower-cased singular."""
    lemma = noun.lemma_.lower()
    if noun.pos_ != "PROPN" or not opens_sentence(noun):
        return lemma
    for word in (lemma, singular(lemma)):
        if word in rules.NOUN_TRIGGERS or word in rules.HAZARD_NOUNS or word in _WATER_NOUNS:
            return word
    return lemma


def hazard_reaches_places(verb: Token) -> bool:
    """Whether ``verb`` tells a hazard reaching two places or more its own clause names:
    "Ash fell on A and B", "the river spilled into A, B and C"."""
    if not hazard_clause_verb(verb):
        return False
    # Imported here: the clause module reads the sentence module, which reads triggers.
    from sitrep.stages.events_clause import clause_place_list

    members = clause_place_list(verb)
    return sum(m.pos_ == "PROPN" and m.text[:1].isupper() for m in members) >= 2


# "the river burst its banks", "the Shire overflowed": a body of water leaving its bed.
_BURSTING_VERBS = frozenset({"burst", "break", "overtop"})
_OVERFLOWING_VERBS = frozenset({"overflow", "overspill", "flood"})


def water_leaves_its_bed(verb: Token) -> bool:
    """ "The Shire river burst its banks in Nsanje and Chikwawa districts", "the river
    overflowed along a 60-kilometre stretch": a river or lake flooding is a disaster,
    at one place as at several (round 16). The subject is read as written when the
    parser took it from a line above (a report's header lines run into its first
    sentence: "HIGHLIGHTS - The Shire river burst ...")."""
    if verb.pos_ != "VERB" or any(c.dep_ == "neg" for c in verb.children):
        return False
    lemma = verb.lemma_.lower()
    if lemma in _BURSTING_VERBS:
        if not _bursts_its_banks(verb):
            return False
    elif lemma not in _OVERFLOWING_VERBS or (
        any(c.dep_ == "dobj" for c in verb.children) and not _banks_object(verb)
    ):
        # "floodwater flooded the town" is read by the hazard's own rules; "the river
        # overflowed its banks" is water leaving its bed (round 23).
        return False
    # Where, by name: "overflowed along a 60-kilometre stretch" retells the flood told.
    named = any(t.pos_ == "PROPN" and t.i > verb.i for t in verb.subtree)
    subjects = _subjects_as_written(verb)
    if _bursts_its_banks(verb) and any(s.pos_ == "PROPN" for s in subjects):
        # "the Savio, Montone and Lamone had burst their banks": only water bursts its
        # banks, so a named subject is a river (round 20).
        return named
    return named and any(noun_lemma(s) in _WATER_NOUNS for s in subjects)


def _bursts_its_banks(verb: Token) -> bool:
    """ "burst its banks", "broke their banks": said of water only."""
    return verb.lemma_.lower() in _BURSTING_VERBS and _banks_object(verb)


def _banks_object(verb: Token) -> bool:
    return any(c.dep_ == "dobj" and c.lemma_.lower() == "bank" for c in verb.children)


def _verb_of_subject(noun: Token) -> Token:
    """The verb a (possibly conjoined) subject is the subject of."""
    while noun.dep_ == "conj" and noun.head.i < noun.i:
        noun = noun.head
    return noun.head


def _subjects_as_written(verb: Token) -> list[Token]:
    """The verb's subjects; with one parsed from an earlier line, the noun written just
    before the verb on its own line."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    doc = verb.doc
    before = doc[verb.i - 1] if verb.i > verb.sent.start else None
    on_other_line = any("\n" in doc.text[s.idx : verb.idx] for s in subjects)
    if before is not None and before.pos_ in ("NOUN", "PROPN") and (on_other_line or not subjects):
        subjects.append(before)
    return subjects
