"""Victims told without a figure: the people a clause says died or were hurt, counted
from the noun phrase that names them (round 15).

Reports tell a small toll by naming the victims, not by a number: "A village chief was
shot dead", "One man drowned when his car was swept off a bridge", "The strikes killed a
woman and her son", "the body of a 60-year-old man was recovered near the river". Each
person named with a singular determiner counts one, a counted noun its number, and the
nouns of a conjunction add up. The harm is the clause's verb:

* killed: *kill* and *electrocute* (whose sense is death), *die*, *drown*, *perish*,
  *succumb*; any verb with *dead* as its complement ("shot dead", "found dead"), or "to
  death" ("burned to death"); a body found or recovered;
* injured: *injure*, *wound*, *hurt*.

A death of a disease or of want is not counted ("died of cholera": round 6's convention).
"""

from __future__ import annotations

import dataclasses
import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep.stages.events_rules import NON_VIOLENT_DEATHS
from sitrep.stages.figures import PEOPLE_NOUNS, WORD_NUMBERS
from sitrep.stages.times_rules import MONTHS

# Verbs whose subject (active, intransitive) died.
_DYING = frozenset({"die", "drown", "perish", "succumb"})
# Words of harm that say a death told by "die" was violent or an accident's: "died of a
# gunshot wound", "died when the wall collapsed", "died after she was hit by debris" (not
# "died shortly after arriving", a death the report does not count as the event's).
_CAUSES_OF_HARM = frozenset(
    {"wound", "injury", "gunshot", "bullet", "shot", "shoot", "hit", "strike", "struck",
     "crush", "burn", "collapse", "fire", "blast", "explosion", "shell", "shelling", "bomb",
     "drown", "flood", "landslide", "debris", "rubble", "attack", "raid", "clash", "fighting",
     "quake", "earthquake", "storm", "mudslide", "stab", "beat", "torture", "electrocute",
     "sweep", "bury", "trap", "fall"}
)  # fmt: skip
# Verbs whose object (or passive subject) was killed or hurt.
_HARMING = {
    "killed": frozenset({"kill", "electrocute"}),
    "injured": frozenset({"injure", "wound", "hurt"}),
}
# Verbs of finding a body: "the body of a man was recovered".
_FINDING = frozenset({"find", "recover", "retrieve", "pull"})
_TELLING_HARM = _DYING | _FINDING | frozenset().union(*_HARMING.values())
# Nouns of kin and age that name one person where the suffix rule does not.
_KIN = frozenset(
    {"son", "daughter", "mother", "father", "wife", "husband", "brother", "sister", "child",
     "baby", "grandmother", "grandfather", "grandson", "granddaughter", "nephew", "niece",
     "uncle", "aunt", "cousin", "chief", "officer", "guard", "official", "elder"}
)  # fmt: skip
_SINGULAR_DETERMINERS = frozenset({"a", "an", "the", "one", "another", "this", "that"})
# Nouns of people by what they do (worshipper, herder, trader, fisherman; round 11).
_PERSON_SUFFIX = re.compile(r"(?:[^e]er|or|ist|ian|ant|ent|ee|man|men)$")
# Exact counts only: "a dozen", "hundreds" say about how many.
_ROUGH = frozenset({"dozen", "hundred", "a dozen", "a hundred"})


@dataclasses.dataclass(frozen=True, slots=True)
class Victims:
    """People a clause says were killed or injured: ``count`` of ``quantity``, told by
    ``verb``, named by ``noun``."""

    quantity: str
    count: int
    verb: Token
    noun: Token
    total: bool = False  # "A third person has died": the toll is now three


def victims_in(sentence: SpacySpan) -> list[Victims]:
    """Every group of victims the sentence's clauses name, in order."""
    found = []
    for token in sentence:
        told = _victims_of(token)
        if told is not None:
            found.append(told)
    return found


def victim_count(sentence: SpacySpan, quantity: str) -> tuple[Token, int] | None:
    """The first verb of ``sentence`` that tells victims of ``quantity`` and how many
    all its clauses name together ("A woman died and her son drowned": 2)."""
    groups = [v for v in victims_in(sentence) if v.quantity == quantity]
    if not groups:
        return None
    return groups[0].verb, sum(v.count for v in groups)


def _victims_of(verb: Token) -> Victims | None:
    if verb.pos_ != "VERB":
        return None
    lemma = verb.lemma_.lower()
    if lemma not in _TELLING_HARM and not _said_dead(verb):
        return None  # the cheap test first: most verbs tell no harm
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    if _of_another_time(verb) or _not_a_fact(verb):
        return None
    if lemma in _DYING:
        subject = _subject(verb)
        if subject is not None and _rank(subject) is not None:
            return _counted("killed", verb, subject)  # "A third person has died"
        if _of_a_disease(verb) or (lemma == "die" and not _of_harm(verb)):
            return None
        return _counted("killed", verb, subject)
    for quantity, lemmas in _HARMING.items():
        if lemma in lemmas:
            return _counted(quantity, verb, _patient(verb))
    if _said_dead(verb):
        return _counted("killed", verb, _patient(verb))
    if lemma in _FINDING:
        body = _patient(verb)
        if body is not None and body.lemma_.lower() in ("body", "corpse"):
            return _counted("killed", verb, _of_whom(body))
    return None


_MODALS = frozenset({"may", "might", "could", "would", "should", "must", "will", "can"})


def _of_harm(verb: Token) -> bool:
    """Whether a word of harm is told in the clause of ``verb`` (its dependents, not its
    subject), or in a clause that describes the subject ("A driver who was struck by a
    falling pylon died in the evening"; round 16): how the person died."""
    told = [
        t for child in verb.children if child.dep_ not in ("nsubj", "nsubjpass")
        for t in child.subtree
    ]  # fmt: skip
    subject = _subject(verb)
    if subject is not None:
        told += [
            t for child in subject.children if child.dep_ in ("relcl", "acl")
            for t in child.subtree
        ]  # fmt: skip
    return any(t.lemma_.lower() in _CAUSES_OF_HARM or t.lower_ in _CAUSES_OF_HARM for t in told)


def _not_a_fact(verb: Token) -> bool:
    """ "may have died", "feared killed", "officials fear 30 people could have died": a
    toll feared or supposed, not told."""
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children):
        return True
    if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in verb.children):
        return True  # "It did not say whether the man had been killed"
    return any(
        node.lemma_.lower() in ("fear", "feared", "worry")
        for node in (verb, *verb.ancestors)
        if node.pos_ in ("VERB", "ADJ")
    ) or any(c.lower_ in ("feared", "presumed", "believed") for c in verb.children)


def _of_another_time(verb: Token) -> bool:
    """ "memories of October 2024, when landslides killed 27 people": a clause that hangs
    on a date tells the victims of that time, not of the event told around it."""
    for node in (verb, *verb.ancestors):
        if node.dep_ == "relcl":
            return is_date_word(node.head)
        if node.dep_ in ("ROOT", "ccomp"):
            return False
    return False


def is_date_word(token: Token, lemmas: tuple[str, ...] = ("year", "month", "week")) -> bool:
    """ "March", "2022", "last year": the head a clause of an earlier time hangs on
    (``lemmas``: the time nouns that count as such a head)."""
    word = token.lower_
    if word in MONTHS or (token.like_num and len(word) == 4 and word[:2] in ("19", "20")):
        return True
    return token.lemma_.lower() in lemmas or token.ent_type_ == "DATE"


def _counted(quantity: str, verb: Token, noun: Token | None) -> Victims | None:
    if noun is None:
        return None
    rank = _rank(noun)
    if rank is not None:
        return Victims(quantity, rank, verb, noun, total=True)
    count = people_named(noun)
    return Victims(quantity, count, verb, noun) if count else None


_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "eighth": 8, "ninth": 9, "tenth": 10}  # fmt: skip


def _rank(noun: Token) -> int | None:
    """ "a third person", "the fifth victim": the victim's rank, which is the toll so
    far."""
    if noun.tag_ != "NN" or not names_a_person(noun):
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in noun.children):
        return None
    return next((_ORDINALS[c.lower_] for c in noun.children
                 if c.dep_ == "amod" and c.lower_ in _ORDINALS), None)  # fmt: skip


def _subject(verb: Token) -> Token | None:
    """The subject of an intransitive verb; "and a fisherman drowned" parsed as a noun
    the verb modifies counts too."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        return verb.head
    return subject


def _patient(verb: Token) -> Token | None:
    """Who the verb acts on: its passive subject or its object."""
    return next((c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")), None)


def _said_dead(verb: Token) -> bool:
    """ "shot dead", "found dead", "burned to death", "beaten to death"."""
    for child in verb.children:
        if child.dep_ in ("oprd", "acomp", "advmod") and child.lower_ == "dead":
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ == "to"
            and any(o.lower_ == "death" for o in child.children if o.dep_ == "pobj")
        ):
            return True
    return False


def _of_a_disease(verb: Token) -> bool:
    """ "died of cholera", "died from hunger": no event's victim."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "from"):
            for cause in child.children:
                if cause.dep_ == "pobj" and cause.lemma_.lower() in NON_VIOLENT_DEATHS:
                    return True
    return False


def _of_whom(body: Token) -> Token | None:
    """ "the body of a 60-year-old man": the man."""
    for child in body.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((o for o in child.children if o.dep_ == "pobj"), None)
    return None


def people_named(noun: Token) -> int:
    """How many people ``noun`` and the nouns conjoined with it name: one for each person
    named with a singular determiner or a possessive in a conjunction ("a woman and her
    son"), a counted noun's number ("two boys"); 0 when any of them is no person or is
    not counted ("dozens of people", "residents")."""
    total = 0
    # A verb the parser conjoined with the noun ("..., and a fisherman drowned") is no
    # group; any other conjunct must be counted too ("a shopkeeper and two of his sons").
    nouns = [noun, *(c for c in noun.conjuncts if c.pos_ not in ("VERB", "AUX"))]
    for each in nouns:
        count = _one_group(each, conjoined=len(nouns) > 1)
        if count is None:
            return 0
        total += count
    return total


def _one_group(noun: Token, conjoined: bool) -> int | None:
    if not names_a_person(noun) or any(c.lower_ == "of" for c in noun.children):
        return None  # "a number of the assailants", "one of the guards": no count here
    number = next((c for c in noun.children if c.dep_ == "nummod"), None)
    if number is not None:
        # A counted group alone is a figure, which the figures stage reads with its bounds
        # and its parts; here it counts only beside people named ("a woman and two sons").
        word = number.lower_.replace(",", "")
        if word in _ROUGH or any(c.dep_ == "quantmod" for c in number.children):
            return None
        value = int(word) if word.isdigit() else WORD_NUMBERS.get(word)
        if value is None or not (value == 1 or (conjoined and noun.tag_ == "NNS")):
            return None
        return int(value)
    if noun.tag_ != "NN":
        return None
    for child in noun.children:
        if child.dep_ == "det" and child.lower_ in _SINGULAR_DETERMINERS:
            return 1
        if child.dep_ == "poss" and conjoined:
            return 1  # "a woman and her son"
    return None


def names_a_person(noun: Token) -> bool:
    """A noun of people: the figures stage's, kin, or one by what a person does (the
    verbs above already say a life: nothing but a person "drowned" or "was shot dead")."""
    lemma = noun.lemma_.lower()
    return lemma in PEOPLE_NOUNS or lemma in _KIN or bool(_PERSON_SUFFIX.search(lemma))
