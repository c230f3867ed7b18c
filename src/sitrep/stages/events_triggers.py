"""Which words tell an event, and of what type (used by the events stage).

A trigger word of ``events_rules`` makes an event of its type when its clause confirms it:
an aid verb moves aid, "take" takes ground, a movement verb moves people, a damage verb
hits infrastructure. Round 4 added what the new reports showed: weapons as subjects ("shells
fell on", "was hit by a drone"), repelled attacks, protesters storming, people expelled
from their homes or leaving, captives taken, raids that arrest, convoys turned back.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from sitrep.gazetteer.macro_regions import VOLCANO_KEYS
from sitrep.gazetteer.model import normalize_key
from sitrep.stages import events_rules as rules
from sitrep.stages.events_hazard_lists import (
    hazard_reaches_places,
    noun_lemma,
    water_leaves_its_bed,
)
from sitrep.stages.events_implicit import implicit_type
from sitrep.stages.events_lemmas import trigger_lemma
from sitrep.stages.events_phrases_r23 import phrase_noun_type, phrase_verb_type
from sitrep.stages.events_phrases_r24 import (
    fired_weapon_kind,
    flight_within_violence,
    headline_noun_type,
    phrase_verb_type_r24,
)
from sitrep.stages.events_r16_doers import (
    FIGHT_NOUNS,
    arson_by_armed_people,
    killer_type,
    tells_how_fighting_went,
    toll_on_both_sides,
)
from sitrep.stages.events_r16_protest import civilians_block_road, forms_human_chain
from sitrep.stages.events_toll_victims import names_a_person
from sitrep.stages.state import DocState

# Who can be held and set free ("released 137 pupils", "the guards were freed").
_CAPTIVE_PEOPLE = frozenset(
    {"hostage", "captive", "abductee", "prisoner", "detainee", "inmate", "pupil", "student",
     "schoolchild", "child", "girl", "boy", "guard", "worker", "passenger", "people",
     "person", "man", "woman", "civilian", "soldier", "journalist", "staff", "villager"}
)  # fmt: skip
_PEOPLE_SUBJECTS = frozenset(
    {"people", "person", "resident", "civilian", "family", "refugee", "child", "woman",
     "man", "villager", "inhabitant", "citizen", "thousand", "hundred", "dozen", "many"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Trigger:
    token: Token
    type: str


def find_triggers(state: DocState) -> Iterator[Trigger]:
    for token in state.doc:
        kind = trigger_type(token)
        if kind is not None:
            yield Trigger(token, kind)


def trigger_type(token: Token) -> str | None:
    lemma = trigger_lemma(token)
    if _sit_in(token):
        return "protest"  # "Gwadar sit-in enters third day", "staged sit-ins" (round 23)
    # "The army retook Kestrel": the model reads the irregular past as a noun.
    if token.lower_ in _IRREGULAR_PASTS and token.pos_ != "VERB":
        return rules.VERB_TRIGGERS[token.lower_]  # the word is a verb's past and no noun
    if _in_hyphen_compound(token):
        return None  # "war-struck" describes a place; it reports no strike
    if token.pos_ == "VERB":
        if any(c.dep_ == "neg" for c in token.children) or token.dep_ == "amod":
            return None  # "did not attack"; "the surrounding villages" describe, not report
        if hazard_reaches_places(token) or water_leaves_its_bed(token):
            return "disaster"  # "Landslides blocked roads near A and B": one at each (15d)
        # "Gunfire was reported in A", "crossed into B": told by its frame (round 14).
        return _verb_type(token, lemma) or implicit_type(token)
    if _passive_read_as_noun(token, lemma):
        return _verb_type(token, lemma)  # "Marte was first overrun by ISWAP" (round 22)
    if token.pos_ == "AUX" and token.tag_ == "NN":
        # "Shelling hit Harlow": a noun the parser hung as an auxiliary (initial_nouns).
        return _noun_type(token, lemma)
    if token.pos_ in ("NOUN", "PROPN"):
        headline = headline_noun_type(token)
        if headline is not None:
            return headline  # "Thousands flee Kestrel as rebels advance" (session 18)
        return None if _a_name_for(token) else _noun_type(token, lemma)
    if token.pos_ == "ADJ" and token.lower_ in rules.DISPLACED_STATES and token.dep_ == "acomp":
        return "displacement" if _people_move(token.head) else None
    return None


# Irregular pasts of trigger verbs the model may read as nouns (round 23).
_IRREGULAR_PASTS = frozenset({"retook", "overran"})
# Prepositions that put a death or a wound within a fight: "killed in a gunfight".
_DURING = frozenset({"in", "during", "after"})


def _sit_in(token: Token) -> bool:
    """The "sit" of "sit-in(s)", which the tokenizer splits into three words; not "the
    sit-in", which names back one told before ("a jirga would meet to end the sit-in")."""
    doc = token.doc
    return (
        token.lower_ == "sit"
        and (token.i == 0 or doc[token.i - 1].lower_ not in ("the", "that", "this", "its"))
        and token.i + 2 < len(doc)
        and doc[token.i + 1].text == "-"
        and doc[token.i + 2].lower_ in ("in", "ins")
    )


def _passive_read_as_noun(token: Token, lemma: str) -> bool:
    """A passive participle the model reads as a noun: "Marte was first overrun by ISWAP",
    "the town was overrun by militants" (a form of "be" before it, an agent after it)."""
    if token.pos_ != "NOUN" or lemma not in rules.VERB_TRIGGERS or lemma in rules.NOUN_TRIGGERS:
        return False
    if any(c.dep_ in ("det", "poss", "nummod") for c in token.children):
        return False  # "was a strike by teachers": a noun after all
    after_be = token.dep_ == "attr" and token.head.lemma_ == "be"
    passive = after_be or any(c.dep_ == "auxpass" for c in token.children)
    return passive and any(c.lower_ == "by" and c.dep_ in ("agent", "prep") for c in token.children)


def _verb_type(token: Token, lemma: str) -> str | None:
    phrased = phrase_verb_type_r24(token, lemma)
    if phrased is not None:
        return phrased  # "a bomb went off", "heavy rains pounded Kestrel" (session 18)
    weapon = _weapon_kind(token, lemma)
    if weapon is not None:
        return weapon
    killer = killer_type(token)
    if killer is not None:
        return killer  # "when militants killed 28 soldiers", "a fire ... killed 66" (16)
    if lemma == "erupt" and _a_volcano_erupts(token):
        return "disaster"  # "Kanlaon erupted at 3:03pm on Monday" (round 22)
    if lemma in rules.COLLAPSE_VERBS and _harms_people(token):
        return "disaster"  # "a concrete canopy collapsed in 2024, killing 16 people"
    if lemma == "close" and _hub_closed(token):
        return "infrastructure_damage"  # "the international airport closed for nine hours"
    if _counters_attack(token, lemma):
        return "armed_clash"
    if _hurts_people(token, lemma):
        return "attack"  # "set fire to a health post and beat two nurses" (round 20)
    if _crowd_riots(token, lemma):
        return "protest"  # "crowds burned tents and stoned police vehicles" (round 20)
    if _protesters_act(token, lemma):
        return "protest"  # "Protesters also blocked roads in A, B and C" (round 22)
    if _fires_at(token, lemma):
        return fired_weapon_kind(token) or "attack"  # "fired Grad rockets at" (session 18)
    if _expels_from_homes(token, lemma):
        return "displacement"
    phrased = phrase_verb_type(token, lemma)
    if phrased is not None:
        return phrased  # "opened fire on worshippers", "took to the streets" (round 23)
    if _sets_on_fire(token, lemma):
        if arson_by_armed_people(token) and not _part_of_violent_verb(token):
            return "attack"  # "Gunmen also set fire to homes in A, B and C" (round 16)
        return None if _damage_of_told_event(token) else "infrastructure_damage"
    if lemma in rules.RELEASE_VERBS and _releases_money(token):
        return "aid"  # "the Treasury released Rs. 250 million for relief" (round 15)
    if lemma in rules.RELEASE_VERBS and _frees_captives(token):
        return "release"
    if lemma == "strike" and _on_strike(token):
        return "protest"  # "police opened fire on striking oil workers" (round 15)
    if _goes_back(token, lemma):
        return None if _one_person_moves(token) else "return"
    if lemma == "knock" and _knocks_out(token) and _names_infrastructure(token):
        return "infrastructure_damage"  # "The strikes knocked out power in A, B and C" (19)
    if lemma == "leave" and _left_without_service(token):
        return "infrastructure_damage"  # "residents were left without running water"
    if lemma == "leave" and _leaves_in_need(token):
        return "displacement"  # "The storm left 5,000 people homeless": whatever left them
    if lemma == "block" and _blocked_by_nature(token):
        # "Landslides blocked the road to A": the landslide's own damage (round 19).
        return None if _only_transport_links(token) else "infrastructure_damage"
    if civilians_block_road(token) or forms_human_chain(token):
        return "protest"  # "residents blocked the main road", "formed human chains" (16)
    if lemma == "return" and _returns_to_a_state(token):
        return None  # "called on the two sides to return to talks" (round 15)
    if lemma not in rules.VERB_TRIGGERS:
        lemma = token.lower_  # the small model leaves some irregular forms ("retook") as is
    if lemma not in rules.VERB_TRIGGERS:
        return None
    if lemma == "supply":
        return "aid" if _supplied_by_aid(token) else None
    if lemma in rules.AID_VERBS:
        if not _gives_aid(token):
            return None
        return "humanitarian_access_blocked" if _hindered(token) or _no_aid(token) else "aid"
    if lemma == "fight" and _quarrel(token):
        return None
    if lemma == "march":
        subject = _subject(token)
        marchers = subject is not None and any(
            h.lemma_.lower() in rules.MARCHERS for h in _heads_of(subject)
        )
        return "protest" if marchers else None
    if lemma in rules.GROUND_VERBS:
        return "capture" if _takes_ground(token) else None
    kind = rules.VERB_TRIGGERS[lemma]
    if kind == "infrastructure_damage" and not _names_infrastructure(token):
        return None
    if (
        kind == "infrastructure_damage"
        and arson_by_armed_people(token)
        and not _part_of_violent_verb(token)
    ):
        return "attack"  # "bandits torched the market" (round 16)
    if kind == "infrastructure_damage" and _damage_of_told_event(token):
        return None
    if kind in rules.MOVEMENT_TYPES and not (_people_move(token) or _moved_by_disaster(token)):
        return None
    if kind == "displacement" and flight_within_violence(token):
        return None  # "shooting residents as they fled" (session 18)
    if kind == "return" and _one_person_moves(token):
        return None  # "When I came back ...", "a beekeeper moved back in May" (round 19d)
    if lemma == "leave":
        return _leaving_type(token)
    if lemma == "raid" and _arrests_in_clause(token):
        return None  # "raided two villages, arresting 14 men": an arrest operation
    if kind in ("capture", "recapture", "occupation") and (
        _takes_captives(token) or _controls_no_ground(token)
    ):
        return None  # "7 were recaptured", "retook control of two cell blocks": not ground
    subject = _subject(token)
    if kind != "infrastructure_damage" and _disaster_does_it(token, subject):
        return None  # "an earthquake struck": the disaster noun is the event
    protesters = subject is not None and _are_protesters(subject)
    if kind in ("attack", "armed_clash") and protesters:
        return "protest"  # "protesters who stormed parliament", "protesters clashed with police"
    if kind in ("capture", "occupation") and _tried(token) and protesters:
        # "the protesters tried to seize government buildings": their protest (round 23);
        # "Protesters had seized the airport" stays the capture the writers code.
        return "protest"
    if kind == "attack" and (tells_how_fighting_went(token) or toll_on_both_sides(token)):
        return "armed_clash"  # "Fighting resumed on 29 July, when gunmen attacked A" (16)
    return kind


_VIOLENT_OR_DISASTROUS = frozenset({"disaster", "attack", "shelling", "airstrike", "armed_clash"})


def _damage_of_told_event(verb: Token) -> bool:
    """ "The blast destroyed dozens of stalls", "killing 20 civilians and burning the
    market", "heavy rains caused flooding, destroying homes": buildings damaged by the
    disaster or attack its clause tells are that event's damage, not an event of their own
    (round 9). A utility cut is still one ("drones struck the plant, cutting power"), a
    transport link too unless a hazard cut it (round 19c), and so is damage told with no
    cause ("houses were set on fire")."""
    if _only_transport_links(verb) and _by_a_disaster(verb):
        return True
    if any(word.lemma_.lower() in rules.UTILITIES | rules.SERVICES for word in _damaged(verb)):
        return False
    if _caused_by_violence_or_disaster(verb):
        return True
    # "attacked the village, killing ... and burning the market"
    return any(
        (node.pos_ == "VERB" and trigger_type(node) in _VIOLENT_OR_DISASTROUS)
        or _caused_by_violence_or_disaster(node)
        for node in governing_verbs(verb)
    )


def _only_transport_links(verb: Token) -> bool:
    """Whether all the verb damages are roads and bridges ("the bridges", "road links")."""
    damaged = _damaged(verb)
    return bool(damaged) and all(
        word.lemma_.lower() in rules.TRANSPORT_LINKS
        or any(c.dep_ == "compound" and c.lemma_.lower() in rules.TRANSPORT_LINKS
               for c in word.children)
        for word in damaged
    )  # fmt: skip


def _by_a_disaster(verb: Token) -> bool:
    """ "The water destroyed six bridges", "Landslides blocked the road", "heavy rains ...,
    washing away bridges": roads and bridges a hazard cut are its damage; "drones struck
    the bridge" stays an attack's (round 19)."""
    if _done_by_nature(verb):
        return True
    return any(
        (node.pos_ == "VERB" and trigger_type(node) == "disaster") or _done_by_nature(node)
        for node in governing_verbs(verb)
    )


def _done_by_nature(verb: Token) -> bool:
    """The verb's doer is a hazard ("the water", "landslides", "by the floods")."""
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [o for a in verb.children if a.dep_ == "agent" for o in a.children]
    for word in (h for d in doers for h in _heads_of(d)):
        lemma = noun_lemma(word)
        if rules.NOUN_TRIGGERS.get(lemma) == "disaster" or lemma in _NATURAL_CAUSES:
            return True
    return False


# What a hazard is called when it does the damage itself: "the water destroyed six bridges".
_NATURAL_CAUSES = rules.HAZARD_NOUNS | frozenset({"water", "river", "rain", "wave"})


def _part_of_violent_verb(verb: Token) -> bool:
    """Whether the verb is conjoined to (or a clause of) a verb that tells a violent or
    disastrous event: "attacked the village, killing ... and burning the market"."""
    return any(
        node.pos_ == "VERB" and trigger_type(node) in _VIOLENT_OR_DISASTROUS
        for node in governing_verbs(verb)
    )


# How many clauses up a verb's event may be told: "attacked the village, killing 20,
# looting shops and burning the market" hangs "burning" three steps below "attacked".
_CLAUSE_STEPS = 3


def governing_verbs(verb: Token) -> Iterator[Token]:
    """The verbs ``verb``'s clause hangs on, nearest first, through conjunction, adverbial
    clause or complement, at most ``_CLAUSE_STEPS``. A verb of saying put in between
    ("struck the villages, residents said, burning farm stores") is passed over to the
    verb it interrupts (round 20)."""
    node = verb
    for _ in range(_CLAUSE_STEPS):
        if node.dep_ not in ("conj", "advcl", "xcomp") or node.head == node:
            return
        node = node.head
        if node.dep_ == "parataxis" and node.lemma_.lower() in rules.SPEECH_VERBS:
            node = node.head
        yield node


def _damaged(verb: Token) -> list[Token]:
    """What the verb damages: its object or passive subject, their conjuncts, and where
    it sets fire ("set fire to two buildings")."""
    things = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    things += [
        o for p in verb.children if p.dep_ == "prep" and p.lower_ == "to"
        for o in p.children if o.dep_ == "pobj"
    ]  # fmt: skip
    heads = [h for t in things for h in _heads_of(t)]
    return heads + [c for h in heads for c in h.children if c.dep_ == "compound"]


def _caused_by_violence_or_disaster(verb: Token) -> bool:
    """Whether the verb's doer ("the blast", "a wall of lava", "by airstrikes") or what
    it brings about ("caused flooding") is a disaster, an attack or a weapon."""
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [o for a in verb.children if a.dep_ == "agent" for o in a.children]
    if verb.dep_ == "relcl" and any(d.tag_ == "WDT" for d in doers):
        # "the earthquake of 2023, which killed three and damaged 2,000 houses": the
        # relative pronoun is the noun it hangs on (round 12).
        doers.append(verb.head)
    if verb.lemma_.lower() == "cause":
        doers += [c for c in verb.children if c.dep_ == "dobj"]
    for word in (h for d in doers for h in _heads_of(d)):
        lemma = word.lemma_.lower()
        if (
            lemma in rules.DAMAGE_CAUSES
            or lemma in rules.WEAPONS
            or rules.NOUN_TRIGGERS.get(lemma) in _VIOLENT_OR_DISASTROUS
        ):
            return True
    return False


def _moved_by_disaster(verb: Token) -> bool:
    """ "Heavy rains caused flooding ..., displacing 35,000 people": a disaster that
    displaces people, told as the cause (round 9). "The war has displaced 8 million" is a
    country's tally, not an event (the examples' gold)."""
    if verb.lemma_.lower() not in rules.CAUSED_MOVES:
        return False
    node = verb
    for _ in range(3):
        doers = [c for c in node.children if c.dep_ in ("nsubj", "agent")]
        if node.lemma_.lower() == "cause":
            doers += [c for c in node.children if c.dep_ == "dobj"]
        if any(rules.NOUN_TRIGGERS.get(h.lemma_.lower()) == "disaster"
               for d in doers for h in (d, *d.children)):  # fmt: skip
            return True
        if node.dep_ not in ("conj", "advcl") or node.head == node:
            return False
        node = node.head
    return False


def _the_month(noun: Token) -> bool:
    """ "In March", "March was the deadliest month": the month, not a march (round 20)."""
    return noun.lower_ == "march" and not noun.is_lower


def _a_name_for(noun: Token) -> bool:
    """ "He blamed the outbreak on what he called the siege": a name someone gives to a
    state of affairs tells no event (round 9)."""
    verb = noun.head
    return (
        verb.lemma_.lower() in ("call", "describe", "term", "dub", "brand")
        and noun.dep_ in ("oprd", "dobj", "attr", "xcomp", "ccomp")
        and any(c.lower_ == "what" for c in verb.children)
    )


def _goes_back(verb: Token, lemma: str) -> bool:
    """ "Many families have moved back into repaired homes": people going back are
    returning (round 9)."""
    # "We have nothing to go back to": an infinitive describing a noun tells no move.
    if verb.dep_ in ("acl", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to"
                                             for c in verb.children):  # fmt: skip
        return False
    return (
        lemma in rules.RETURNING_VERBS
        and any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in verb.children)
        and _people_move(verb)
    )


# Singular nouns that still name a group of people: "the community returned".
_GROUPS = frozenset({"family", "community", "population", "crowd", "group", "staff", "youth"})


def _one_person_moves(verb: Token) -> bool:
    """ "When I came back, there was no road", "Manana, a beekeeper, moved back in May":
    one person's story, which no coder counts as a return of people (round 19d; neither
    annotator of q and r codes one)."""
    subject = _subject(verb)
    if subject is None:
        return False
    if subject.lower_ in ("i", "he", "she"):
        return True
    if subject.conjuncts or any(c.dep_ == "nummod" for c in subject.children):
        return False  # "a farmer and his sons", "one family"
    if subject.ent_type_ == "PERSON":
        return True
    single = subject.tag_ == "NN" and subject.lemma_.lower() not in _GROUPS
    return single and names_a_person(subject)


def _disaster_does_it(verb: Token, subject: Token | None) -> bool:
    """Whether a disaster noun is the verb's subject. The parser sometimes gives a verb
    two subjects ("The magnitude 6.8 earthquake struck": "magnitude" and "earthquake"),
    so every subject the verb has counts (round 9)."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subject is not None:
        subjects.append(subject)
    # "A magnitude 6.1 aftershock struck": the parser may make the quake an apposition of
    # "magnitude" (round 14, set h).
    subjects += [c for s in subjects for c in s.children if c.dep_ == "appos"]
    # "Typhoon Yagi struck", "Hurricane Maria, which struck": a storm named by its kind
    # (round 20); a relative clause's subject is the noun it describes.
    subjects += [verb.head for s in subjects if s.tag_ == "WDT" and verb.dep_ == "relcl"]
    # "a series of cloudbursts struck": the disaster is what the series is of (round 23).
    subjects += [
        o
        for s in subjects
        if s.lemma_.lower() in _SERIES_NOUNS
        for p in s.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children
        if o.dep_ == "pobj"
    ]
    named = [c for s in subjects for c in s.children if c.dep_ == "compound"]
    return any(rules.NOUN_TRIGGERS.get(s.lemma_.lower()) == "disaster" for s in (*subjects, *named))


def _tried(verb: Token) -> bool:
    """ "tried to seize", "attempted to storm": the verb is what someone tried."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("try", "attempt", "seek")


# Nouns that count what follows "of": "a series of cloudbursts", "a wave of storms".
_SERIES_NOUNS = frozenset({"series", "wave", "spate", "string", "succession", "couple", "pair"})


def _hindered(verb: Token) -> bool:
    """ "unable to deliver aid", "it has been hard to send assistance in"."""
    if verb.dep_ != "xcomp":
        return False
    head = verb.head
    return head.lemma_.lower() in rules.HINDERED or any(
        c.dep_ == "acomp" and c.lemma_.lower() in rules.HINDERED for c in head.children
    )


def _no_aid(verb: Token) -> bool:
    """ "No food aid has reached the city since March": aid that does not arrive."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        for c in verb.children
    )


def _frees_captives(verb: Token) -> bool:
    """ "Gunmen have released 137 pupils and staff", "the guards were freed unharmed",
    "freed 20 hostages": people set free (not "released a statement", "released funds")."""
    return any(
        h.pos_ == "NUM" or h.lemma_.lower() in _CAPTIVE_PEOPLE or h.lower_ in ("them", "him", "her")
        for c in verb.children if c.dep_ in ("dobj", "nsubjpass")
        for h in _heads_of(c)
    )  # fmt: skip


def _blocked_by_nature(verb: Token) -> bool:
    """ "Landslides blocked the main road to Jajarkot": a road cut by a disaster."""
    subject = _subject(verb)
    if subject is None or not _names_infrastructure(verb):
        return False
    words = (subject.lemma_.lower(), subject.lower_.removesuffix("s"))  # "Landslides" (PROPN)
    return any(
        rules.NOUN_TRIGGERS.get(word) == "disaster" or word in rules.NATURAL_BLOCKERS
        for word in words
    )


# Marks of money in a number's phrase: symbols and the common codes and units.
_CURRENCY_SYMBOLS = "$£€¥₹₦¢₵₱₩₽"
_CURRENCY_WORDS = frozenset(
    {"rs", "usd", "eur", "gbp", "dollar", "euro", "pound", "rupee", "naira", "shilling",
     "franc", "cedi", "peso", "birr", "kwacha", "rand", "dinar", "riyal", "yuan", "lira",
     # round 23: "released 1 billion reais in emergency funds"
     "real", "reais", "yen", "won", "ringgit", "rupiah", "baht", "taka", "afghani", "manat",
     "lari", "dram", "som", "tenge", "hryvnia", "ruble", "rouble", "kyat", "dong", "leone",
     "ariary", "kina", "vatu", "quetzal", "lempira", "cordoba", "sol", "boliviano", "guarani",
     "metical", "meticais", "dirham", "pula", "lilangeni", "loti", "dalasi", "ouguiya"}
)  # fmt: skip


def _releases_money(verb: Token) -> bool:
    """ "released GH¢5 million for emergency supplies", "released $3 million": money a
    government or donor releases is aid (writers c and i code it `aid`), not captives."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objects:
        return False
    first = min(t.i for o in objects for t in o.subtree)
    last = max(t.i for o in objects for t in o.subtree)
    return any(
        t.tag_ == "$"
        or any(mark in t.text for mark in _CURRENCY_SYMBOLS)
        or t.lower_.rstrip(".") in _CURRENCY_WORDS
        or t.lower_.removesuffix("s") in _CURRENCY_WORDS
        for t in verb.doc[first : last + 1]
    )


# Who goes on strike: "striking miners", "striking oil workers".
_STRIKERS = frozenset(
    {"worker", "miner", "teacher", "doctor", "nurse", "farmer", "employee", "driver",
     "trucker", "docker", "staff", "student", "labourer", "laborer"}
)  # fmt: skip


def _on_strike(verb: Token) -> bool:
    """ "striking oil workers", parsed as the verb "strike" with the workers its object:
    people on strike, not an attack (the small model reads the adjective as a verb)."""
    if verb.tag_ != "VBG" or verb.i + 1 >= len(verb.doc):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return any(
        o.lemma_.lower() in _STRIKERS
        and all(t.dep_ in ("compound", "amod") for t in verb.doc[verb.i + 1 : o.i])
        for o in objects
    )


def _controls_no_ground(verb: Token) -> bool:
    """ "retook control of two cell blocks": control of something that is not ground;
    "the military seized power in a coup": power is no ground either (round 9: a coup
    took the date of its "since" clause to the capture of a town told around it)."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in rules.NOT_GROUND:
            return True
        if child.dep_ == "dobj" and child.lemma_.lower() == "control":
            held = _of_objects(child)
            # "regained control of Bakhmut": a name is ground, whatever the model tags it
            # (round 23: it tagged the town ORG).
            return bool(held) and not any(
                h.lemma_.lower() in rules.GROUND
                or h.ent_type_ in ("GPE", "LOC", "FAC")
                or (h.pos_ == "PROPN" and h.ent_type_ not in ("PERSON", "NORP"))
                for h in held
            )
    return False


def _are_protesters(subject: Token) -> bool:
    """ "protesters", "thousands of demonstrators"."""
    return any(h.lemma_.lower() in rules.PROTESTERS for h in _heads_of(subject))


def _fires_at(verb: Token, lemma: str) -> bool:
    """ "gunmen who fired at the lead vehicles", "soldiers shot at a car": an attack on
    what they aimed at; police firing on a crowd tells the protest instead (round 5)."""
    if lemma not in ("fire", "shoot"):
        return False
    subject = _subject(verb)
    if subject is not None and subject.lemma_.lower() in rules.POLICE_NOUNS:
        return False  # "police fired tear gas at students": the crackdown on a protest
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("at", "on", "upon"):
            for target in prep.children:
                # "They are shooting at us", a witness says: the event told already.
                if (
                    target.dep_ == "pobj"
                    and target.pos_ != "PRON"
                    and (target.lemma_.lower() not in rules.PROTESTING_PEOPLE)
                ):
                    return True
    return False


def _weapon_kind(verb: Token, lemma: str) -> str | None:
    """ "Shells fell on the market", "was hit by a drone": the weapon says the kind;
    weapons of several kinds ("a glide bomb and four artillery shells") make an attack."""
    if lemma not in rules.WEAPON_VERBS:
        return None
    # A weapon conjoined to the verb is the parser's misreading of "by a bomb and shells".
    doers = [
        c for c in verb.children if c.dep_ == "nsubj" or (c.dep_ == "conj" and c.pos_ == "NOUN")
    ]
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        doers += [c for c in agent.children if c.dep_ == "pobj"]
    # "Artillery fire hit the neighbourhood": the weapon may be the fire's modifier.
    named = [
        word for doer in doers for head in (doer, *doer.conjuncts)
        for token in (head, *(c for c in head.children if c.dep_ == "compound"))
        for word in (token.lemma_.lower(), token.lower_.removesuffix("s"))
        if not _planted_bomb(head, lemma)
    ]  # fmt: skip
    # "A car bomb exploded": a bomb planted on the ground is an explosive, not an air
    # strike (ACLED's remote explosive; round 23).
    named += [
        "explosive"
        for doer in doers
        for head in (doer, *doer.conjuncts)
        if _planted_bomb(head, lemma)
    ]
    kinds = {rules.WEAPONS[word] for word in named if word in rules.WEAPONS}
    kinds |= {kind for doer in doers if (kind := _strikes_kind(doer)) is not None}
    if not kinds and any(_remains_of_weapons(d) for d in doers):
        return "attack"  # "Air defence shot down 27 drones. Debris fell in A, B and C."
    if len(kinds) > 1:
        return "attack"
    return kinds.pop() if kinds else None


# Bombs that are planted or carried, not dropped: "a car bomb", "a roadside bomb".
_PLANTED_BOMB_WORDS = frozenset(
    {"car", "truck", "roadside", "suicide", "pipe", "nail", "letter", "parcel", "motorcycle",
     "motorbike", "vehicle", "homemade", "improvised", "time", "bicycle", "van"}
)  # fmt: skip


# Words that put a bomb in the air: "aerial bombs", "glide bombs", "barrel bombs".
_DROPPED_BOMB_WORDS = rules.AIR_MODIFIERS | frozenset(
    {"aerial", "glide", "guided", "cluster", "barrel", "gliding", "incendiary"}
)
# Verbs of a bomb going off where it was left: "a bomb exploded at a crowded market".
_SETTING_OFF = frozenset({"explode", "detonate"})


def _planted_bomb(noun: Token, verb_lemma: str = "") -> bool:
    """A bomb planted or carried: "a car bomb", "a roadside bomb", or a bomb that
    "exploded" with nothing saying it was dropped (session 18: "a bomb exploded at a
    crowded market" is an attack; "glide bombs exploded over the town" an air strike)."""
    if noun.lemma_.lower() != "bomb":
        return False
    marks = {c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod")}
    if marks & _PLANTED_BOMB_WORDS:
        return True
    return verb_lemma in _SETTING_OFF and not marks & _DROPPED_BOMB_WORDS


def _strikes_kind(doer: Token) -> str | None:
    """ "Strikes also hit A, B and C", "Israeli air strikes killed 12": strikes as the
    doer of a hit (round 10); "a general strike hit the capital" is the workers' (the
    singular needs an air word to be a weapon)."""
    if doer.lemma_.lower() != "strike":
        return None
    aerial = any(c.lemma_.lower() in rules.AIR_MODIFIERS for c in doer.children)
    if aerial:
        return "airstrike"
    return "attack" if doer.tag_ == "NNS" else None


def _remains_of_weapons(doer: Token) -> bool:
    """ "Debris fell in Kalush": remains of drones or missiles the sentence or the one
    before tells were shot down or launched (round 10); debris of a landslide is not."""
    if doer.lemma_.lower() not in rules.FALLING_REMAINS:
        return False
    sentence = doer.sent
    start = doer.doc[sentence.start - 1].sent.start if sentence.start > 0 else 0
    return any(
        t.lemma_.lower() in rules.WEAPONS and rules.WEAPONS[t.lemma_.lower()] == "airstrike"
        for t in doer.doc[start : sentence.end]
    )


def _harms_people(verb: Token) -> bool:
    """ "A concrete canopy collapsed in November 2024, killing 16 people": the collapse
    kills or traps people, told in a clause of its own (round 10; the parser may hang
    "killing" on the clause the collapse's relative clause describes). Talks, truces and
    governments collapse too, and kill no one."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects or any(s.lemma_.lower() in rules.NOT_STRUCTURES for s in subjects):
        return False
    if _when_people_died(verb):
        return True
    return any(
        t.lemma_.lower() in rules.HARM_VERBS and t.tag_ == "VBG" and t.dep_ in ("advcl", "conj")
        for t in verb.doc[verb.i + 1 : verb.sent.end]
    )


def _when_people_died(verb: Token) -> bool:
    """ "13 miners died when a shaft collapsed", "seven were injured when the roof
    caved in": the clause "when" opens is the event the toll above it tells (round 12)."""
    if verb.dep_ != "advcl" or not any(c.lower_ == "when" for c in verb.children):
        return False
    head = verb.head
    return head.lemma_.lower() in ("die", *rules.HARM_VERBS) or any(
        c.lemma_.lower() in ("die", *rules.HARM_VERBS) for c in head.conjuncts
    )


def _hub_closed(verb: Token) -> bool:
    """ "La Aurora International Airport ... closed for nine hours", "the port was closed":
    an airport or port shut (round 10); shops or schools closing are no such event."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in rules.HUBS for c in verb.children
    )


def _counters_attack(verb: Token, lemma: str) -> bool:
    """ "pushed Russian units back", "fended off an assault": fighting told by its end."""
    if any(c.dep_ == "dobj" and c.lemma_.lower() in rules.STOLEN_GOODS for c in verb.children):
        return False  # "driving off livestock": a raid's loot, no fight (round 20)
    return lemma in rules.COUNTERING_VERBS and any(
        c.dep_ in ("prt", "advmod") and c.lower_ in rules.COUNTERING_PARTICLES
        for c in verb.children
    )


def _sets_on_fire(verb: Token, lemma: str) -> bool:
    """ "Part of the parliament building was set on fire", "set fire to a substation"."""
    if lemma != "set":
        return False
    if any(c.dep_ == "dobj" and c.lemma_.lower() in rules.FIRE_WORDS for c in verb.children):
        return any(
            o.lemma_.lower() in rules.INFRASTRUCTURE
            for p in verb.children if p.dep_ == "prep" and p.lower_ == "to"
            for o in p.children if o.dep_ == "pobj"
        )  # fmt: skip
    if not _names_infrastructure(verb, through_of=True):
        return False
    return any(
        t.lower_ in rules.FIRE_WORDS for c in verb.children if c.dep_ in ("prep", "oprd", "acomp")
        for t in c.subtree
    )  # fmt: skip


def _expels_from_homes(verb: Token, lemma: str) -> bool:
    """ "forcing more than 400,000 from their homes"."""
    if lemma not in rules.EXPELLING_VERBS:
        return False
    return any(
        o.dep_ == "pobj" and o.lemma_.lower() in rules.HOMES
        for o in _after_preposition(verb, "from")
    )


def _leaving_type(verb: Token) -> str | None:
    """ "some 1,000 are leaving each day", "ordered families to leave Pokrovsk": people
    leaving a place (not "left 20 dead", not "left the meeting")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if objects and not any(
        o.ent_type_ in ("GPE", "LOC", "FAC") or o.lemma_.lower() in rules.HOMES | rules.GROUND
        for o in objects
    ):
        return None
    subject = _subject(verb)
    if subject is None or (subject.pos_ == "PRON" and subject.lower_ not in ("they", "them")):
        return None
    if _are_combatants(subject):
        return None  # "his men had left the town by Saturday": a withdrawal (round 9)
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_.lower() in rules.ORDERING_VERBS:
        return "evacuation"
    return "displacement"


def _protesters_in_sentence(noun: Token) -> bool:
    """Clashes told with protesters as the doers of the sentence and no armed force named:
    ACLED codes them as the protest's (round 9)."""
    words = list(noun.sent)
    protesters = any(t.dep_ == "nsubj" and t.lemma_.lower() in rules.PROTESTERS for t in words)
    # "Police used water cannon to disperse protesters, in the worst clashes since ...":
    # force used on a crowd in the clashes' sentence is the protest's (round 12).
    dispersed = any(
        t.lemma_.lower() in rules.PROTESTING_PEOPLE and _crowd_met_with_force(t) for t in words
    )
    armed = any(t.lemma_.lower() in rules.MILITARY_NOUNS for t in words)
    return (protesters or dispersed) and not armed


def _crowd_met_with_force(people: Token) -> bool:
    """ "dispersed protesters", "to disperse thousands of protesters", "fired on
    crowds of demonstrators": the verb of force governing the crowd, through at most an
    object and its "of" phrase."""
    node = people
    for _ in range(4):
        if node.dep_ not in ("dobj", "pobj", "prep", "nsubjpass") or node.head == node:
            return False
        node = node.head
        if node.pos_ == "VERB":
            return node.lemma_.lower() in rules.FORCE_VERBS
    return False


# Who a clash with is a protest: "clashes with demonstrators" (round 11, outside d).
_CROWDS = frozenset({"protester", "protestor", "demonstrator", "marcher", "rioter", "crowd"})


def _clash_with_crowd(noun: Token) -> bool:
    """ "Police detained 63 after clashes with demonstrators": police meeting a crowd is
    the protest's violence, as ACLED codes it, not an armed clash."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("with", "between"):
            for other in prep.children:
                if other.dep_ == "pobj" and any(
                    t.lemma_.lower() in _CROWDS for t in (other, *other.conjuncts)
                ):
                    return True
    return False


def _quarrel(verb: Token) -> bool:
    """ "people fight over a plate of food": civilians quarrelling, not armed forces
    fighting over ground ("the army and the RSF fought over the north of the city")."""
    subject = _subject(verb)
    return (
        subject is not None
        and subject.lemma_.lower() in rules.CIVILIANS
        and any(c.dep_ == "prep" and c.lower_ == "over" for c in verb.children)
    )


def _are_combatants(subject: Token) -> bool:
    """ "Russian troops left the city", "his men had left the town": armed men leaving."""
    lemma = subject.lemma_.lower()
    owned = any(c.dep_ == "poss" for c in subject.children)
    return lemma in rules.MILITARY_NOUNS or (lemma == "man" and owned)


def _leaves_in_need(verb: Token) -> bool:
    """ "leaving 12,000 people homeless", "3,000 families left homeless"."""
    states = [c for c in verb.children if c.dep_ in ("oprd", "ccomp", "xcomp", "acomp")]
    states += [a for c in verb.children if c.dep_ == "dobj" for a in c.children if a.dep_ == "amod"]
    return any(s.lower_ in rules.DISPLACED_STATES for s in states)


def _left_without_service(verb: Token) -> bool:
    """ "Residents of the three towns were left without running water": an outage told
    by those it hits, not people leaving (round 10). "The pipe failed, leaving 28,000
    people without hot water" tells the failure's effect: no event of its own."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    # The whole phrase: the parser may read "without running water" as a gerund's object.
    return any(
        o.pos_ == "NOUN" and o.lemma_.lower() in rules.UTILITIES
        for o in _after_preposition(verb, "without", whole=True)
    )


def _after_preposition(verb: Token, preposition: str, whole: bool = False) -> Iterator[Token]:
    """The words a preposition of ``verb`` governs: its children, or (``whole``) its
    whole phrase."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == preposition:
            yield from (prep.subtree if whole else prep.children)


def _arrests_in_clause(verb: Token) -> bool:
    return any(
        c.dep_ in ("advcl", "conj", "xcomp") and c.lemma_.lower() in ("arrest", "detain")
        for c in verb.children
    )


def _takes_captives(verb: Token) -> bool:
    taken = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(taken) and all(
        t.pos_ == "NUM" or t.lemma_.lower() in rules.CAPTIVES or t.lower_ in ("him", "her", "them")
        for t in taken
    )


def _in_hyphen_compound(token: Token) -> bool:
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    joined_before = before is not None and before.text == "-" and not before.whitespace_
    joined_after = after is not None and after.text == "-" and not token.whitespace_
    return joined_before or joined_after


def _gives_aid(verb: Token) -> bool:
    """'delivered food', 'released emergency funds', 'the convoy reached the city',
    'delivered safe water' (water only as what is given)."""
    # "dropped around 1,500 food packets": the parser reads the hedge as a preposition.
    hedged = [
        o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("around", "about")
        for o in p.children if o.dep_ == "pobj" and any(c.pos_ == "NUM" for c in o.children)
    ]  # fmt: skip
    # Water dropped is a fire fought from the air, not aid: "drop" gives aid things only.
    objects = rules.AID_OBJECTS if verb.lemma_.lower() != "drop" else frozenset()
    if any(
        h.lemma_.lower() in rules.AID_THINGS
        or (child.dep_ == "dobj" and h.lemma_.lower() in objects)
        for child in verb.children if child.dep_ in ("dobj", "nsubj", "nsubjpass")
        for h in _heads_of(child)
    ):  # fmt: skip
        return True
    if any(h.lemma_.lower() in rules.AID_THINGS for o in hedged for h in _heads_of(o)):
        return True
    return verb.lemma_.lower() in _BRINGING_VERBS and _brings_aid(verb)


def _supplied_by_aid(verb: Token) -> bool:
    """ "Water trucks began supplying neighbourhoods": supplying is aid when what supplies
    is aid or its vehicle, not a dam or a plant that "supplies water" (round 13, set e)."""
    node = verb.head if verb.dep_ == "xcomp" else verb
    return any(
        h.lemma_.lower() in rules.AID_THINGS
        for child in node.children if child.dep_ == "nsubj"
        for h in _heads_of(child)
    )  # fmt: skip


# "Soldiers arrived ... with food, water and tents": aid told as what comes with them.
_BRINGING_VERBS = frozenset({"arrive", "reach", "enter"})


def _brings_aid(verb: Token) -> bool:
    """A "with" phrase of the verb's clause (the parser may hang it on a noun of the
    clause) whose object is aid."""
    for token in verb.subtree:
        if token.lower_ != "with" or token.dep_ != "prep":
            continue
        node = token.head
        while node != verb and node.pos_ not in ("VERB", "AUX"):
            node = node.head
        if node == verb and any(
            h.lemma_.lower() in rules.AID_THINGS
            for o in token.children if o.dep_ == "pobj"
            for h in _heads_of(o)
        ):  # fmt: skip
            return True
    return False


def _takes_ground(verb: Token) -> bool:
    """ "troops had taken a village", "took control of the town"."""
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            if child.lemma_.lower() in rules.GROUND or child.ent_type_ in ("GPE", "LOC", "FAC"):
                return True
            if child.lemma_.lower() == "control":
                return True
    return False


_BLASTS = frozenset({"explosion", "blast"})
# Where an accident, not a weapon, blows up (ACLED: no attacker, no event of violence).
_INDUSTRIAL_SITES = frozenset(
    {"pipeline", "plant", "factory", "refinery", "mine", "depot", "warehouse", "tanker",
     "boiler", "complex", "facility", "well"}
)  # fmt: skip
# Words that make a blast an attack: a weapon or someone who set it off.
_ATTACK_WORDS = frozenset(
    {"bomb", "bomber", "drone", "missile", "rocket", "shell", "strike", "attack", "attacker",
     "militant", "gunman", "explosive", "suicide", "device", "ied", "mortar", "grenade"}
)  # fmt: skip


def _industrial_blast(blast: Token) -> bool:
    """ "An explosion on a main gas pipeline near the town of Kagan has killed three
    workers": a blast at a pipeline, plant or mine whose sentence names no weapon or
    attacker is an industrial disaster (round 13, set f; the gold's `disaster`)."""
    sites = [
        o for prep in blast.children if prep.dep_ == "prep" and prep.lower_ in ("on", "at", "in")
        for o in prep.children if o.dep_ == "pobj"
    ]  # fmt: skip
    sites += [c for c in blast.children if c.dep_ == "compound"]
    if not any(s.lemma_.lower() in _INDUSTRIAL_SITES for s in sites):
        return False
    return not any(t.lemma_.lower() in _ATTACK_WORDS for t in blast.sent)


def _noun_type(token: Token, lemma: str) -> str | None:
    if _the_month(token):
        return None
    if token.dep_ == "compound":
        if rules.NOUN_TRIGGERS.get(lemma) == "disaster" and token.head.pos_ == "PROPN":
            return "disaster"  # "Cyclone Idai", "Storm Daniel": the storm's name
        return None  # "quake zone", "flood victims": the noun names something else
    if _is_background_duration(token) or _is_repelled(token):
        return None
    if _verb_read_as_noun(token) or _lodged_complaint(token, lemma):
        return None
    phrased = phrase_noun_type(token, lemma)
    if phrased is not None:
        return phrased  # "went on strike" (round 23)
    if lemma in FIGHT_NOUNS and token.dep_ == "pobj" and token.head.lower_ in _DURING:
        return "armed_clash"  # "killed in a gunfight in Kestrel" (round 23)
    if lemma in _BLASTS and _industrial_blast(token):
        return "disaster"  # "an explosion on a main gas pipeline ... killed three workers"
    if lemma in rules.FIRE_NOUNS:
        return "disaster" if _fire_spreads(token) else None
    if lemma in rules.HAZARD_NOUNS and lemma not in rules.NOUN_TRIGGERS:
        return "disaster" if _hazard_strikes(token) else None
    if lemma in rules.FIGURATIVE_HAZARDS and not _made_of_matter(token):
        return None  # "a flood of small arms", "a storm of protest" (round 12)
    if (
        lemma == "raid"
        and token.dep_ == "pobj"
        and token.head.head.lemma_.lower() in ("arrest", "detain")
    ):
        return None  # "arrested 500 people in raids across the city": the arrests
    if lemma in _WORK_STOPPAGES and _stoppage(token):
        return "protest"  # "Shutter-down strikes were observed in A, B and C" (round 23)
    if lemma == "strike" and any(c.dep_ == "prep" and c.lower_ == "on" for c in token.children):
        # "a strike on the Umm Dabakir plant" (not a workers' strike)
        aerial = any(c.lemma_.lower() in rules.AIR_MODIFIERS for c in token.children)
        return "airstrike" if aerial else "attack"
    if lemma in rules.PROTESTING_PEOPLE:
        return "protest" if _force_used_on(token) else None
    if lemma == "rally" and _of_markets(token):
        return None  # "a rally in oil prices"
    if lemma == "return" and _returns_to_a_state(token):
        return None
    if lemma in rules.EPIDEMIC_NOUNS and not rules.DISEASE_WORDS.search(token.sent.text):
        return None  # "A similar outbreak in 2021 killed 50": of the fighting told (round 9)
    if lemma == "outbreak" and any(
        o.lemma_.lower() in rules.VIOLENCE_NOUNS or o.lower_ in rules.VIOLENCE_NOUNS
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for o in prep.children
    ):
        return None  # "an outbreak of fighting": the fighting is told by its own noun
    det_no = any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)
    if lemma in rules.UTILITIES and det_no:
        return "infrastructure_damage"
    if _is_out_of_service(token):
        return "infrastructure_damage"
    modifiers = [c for c in token.children if c.dep_ in ("compound", "amod")]
    if lemma in rules.OUTAGE_NOUNS and any(
        c.lemma_.lower() in rules.UTILITIES | rules.OUTAGE_MODIFIERS for c in modifiers
    ):
        return "infrastructure_damage"
    if lemma in rules.AID_ACCESS_NOUNS and (
        det_no or token.head.lemma_.lower() in rules.BLOCKING_VERBS or _turned_back(token)
    ):
        return "humanitarian_access_blocked"
    if token.lower_ == "firing" and token.dep_ == "nsubj":
        return "armed_clash"  # "firing resumed early on Friday near two villages" (round 9)
    kind = rules.NOUN_TRIGGERS.get(lemma)
    if lemma == "blockade" and _blocks_a_road(token):
        return "protest"  # "police cleared a highway blockade by truckers" (round 12)
    if lemma == "clash" and (_protesters_in_sentence(token) or _clash_with_crowd(token)):
        return "protest"  # "clashes in Basra left 12 dead and protesters set fire to ..."
    if lemma in ("strike", "attack", "raid") and any(
        c.lemma_.lower() in rules.AIR_MODIFIERS for c in token.children
    ):
        return "airstrike"  # "air raids on Kestrel" (round 23: raids)
    if kind == "attack" and toll_on_both_sides(token):
        return "armed_clash"  # "an offensive ... left 300 soldiers dead on both sides" (16)
    if lemma == "bombing" and any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in _PLANTED_BOMB_WORDS
        for c in token.children
    ):
        return "attack"  # "a suicide bombing", "a car bombing": no air strike (round 23)
    return kind


# Stoppages of work and trade, protests in ACLED's sense.
_WORK_STOPPAGES = frozenset({"strike", "shutdown", "hartal", "walkout"})
# What a stoppage is called: "a general strike", "shutter-down strikes", "a wheel-jam strike".
_STOPPAGE_MODIFIERS = frozenset(
    {"general", "shutter", "wheel", "labour", "labor", "hunger", "transport", "teacher",
     "worker", "doctor", "nurse", "trader", "miner", "sit"}
)  # fmt: skip
# What is done with one: "strikes were observed", "called a general strike".
_STOPPAGE_VERBS = frozenset({"observe", "call", "stage", "declare", "enforce", "hold"})


def _stoppage(noun: Token) -> bool:
    """ "a general strike", "shutter-down strikes were observed", "traders called a
    strike": a stoppage of work or trade, not an air or missile strike."""
    if any(c.lemma_.lower() in rules.AIR_MODIFIERS for c in noun.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "on" for c in noun.children):
        return False  # "called the strike on El Obeid a crime": a strike on a place
    words = {
        w.lemma_.lower()
        for c in noun.children
        if c.dep_ in ("compound", "amod", "nmod", "poss")
        for w in c.subtree
    }
    if words & _STOPPAGE_MODIFIERS or any(w.rstrip("s'") in _STRIKERS for w in words):
        return True
    if noun.lemma_.lower() != "strike" and not words:
        return False  # "a nationwide internet shutdown" is an outage (its modifiers say so)
    # "traders called a strike", "strikes were observed"; not "called the strike a war
    # crime" (a strike named back and judged).
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)
    judged = any(c.dep_ in ("oprd", "xcomp", "ccomp") for c in noun.head.children)
    return (
        noun.dep_ in ("dobj", "nsubjpass")
        and noun.head.lemma_.lower() in _STOPPAGE_VERBS
        and not (definite or judged)
    )


def _verb_read_as_noun(noun: Token) -> bool:
    """ "Iraqi forces storm prison to end riot": a headline verb the parser read as a
    noun, with a subject and an object of its own (a noun has neither); what it tells
    is the verb's event, not a storm (round 15, set h)."""
    deps = {c.dep_ for c in noun.children}
    return "nsubj" in deps and "dobj" in deps


# "lodged a protest with the ambassador", "filed a formal protest": a complaint a state
# makes, not a demonstration (round 15, set g).
_COMPLAINING_VERBS = frozenset({"lodge", "file", "register", "submit", "issue", "deliver"})


def _lodged_complaint(noun: Token, lemma: str) -> bool:
    return (
        lemma == "protest"
        and noun.dep_ == "dobj"
        and noun.head.lemma_.lower() in _COMPLAINING_VERBS
    )


def _of_markets(noun: Token) -> bool:
    return any(
        o.lemma_.lower() in rules.MARKET_WORDS
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ in ("in", "of")
        for o in prep.subtree
    ) or any(c.lemma_.lower() in rules.MARKET_WORDS for c in noun.children if c.dep_ == "compound")


def _a_volcano_erupts(verb: Token) -> bool:
    """ "The volcano erupted", "Mount Marapi erupted", and a name that is a volcano's:
    one of the hand table's ("Kanlaon erupted") or one the text calls a volcano ("the
    Orvan volcano" ... "Orvan erupted"). Not "clashes erupted", nor "Gaza erupted in
    celebration" in a report that tells of a shell crater or an eruption of violence."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    if subject.lemma_.lower() in rules.VOLCANO_WORDS:
        return True
    if subject.pos_ != "PROPN":
        return False
    if any(c.lower_ in rules.MOUNTAIN_TITLES for c in subject.children):
        return True
    name = " ".join(t.text for t in subject.children if t.dep_ == "compound" and t.i < subject.i)
    name = f"{name} {subject.text}".strip()
    return normalize_key(name) in VOLCANO_KEYS or _called_a_volcano(verb.doc, subject)


def _called_a_volcano(doc: Doc, name: Token) -> bool:
    """Whether the text writes the name right before "volcano" ("the Orvan volcano")."""
    return any(t.lower_ == "volcano" and t.i > 0 and doc[t.i - 1].text == name.text for t in doc)


# Weapons whose fire is shot, not a blaze; lands a fire of them burns.
_GUNS = frozenset({"tank", "gun", "machine", "sniper", "cannon", "enemy", "cross"})
_WILDLANDS = frozenset({"forest", "bush", "brush", "grass", "wild", "peat", "scrub", "wildland"})


def _fire_spreads(noun: Token) -> bool:
    """ "A fire swept through a camp", "the blaze started in Camp 11", "fire broke out";
    not "artillery fire", "gunfire", "opened fire", "set fire to"."""
    compounds = {c.lemma_.lower() for c in noun.children if c.dep_ == "compound"}
    if compounds & (rules.WEAPONS.keys() | _GUNS):
        return False  # "artillery fire", "tank fire"
    if compounds & _WILDLANDS and noun.head.lemma_.lower() != "be":
        return True  # "Forest fires forced evacuations", not "were the topic" (session 18)
    verbs = [c for c in noun.children if c.dep_ == "acl"]
    if noun.dep_ in ("nsubj", "nsubjpass"):
        verbs.append(noun.head)
    return any(v.lemma_.lower() in rules.FIRE_SPREAD_VERBS for v in verbs)


def _hazard_strikes(noun: Token) -> bool:
    """ "Ash from the volcano fell on A, B and C", "Torrents of mud and boulders tore
    through A, B and C": a hazard as the subject of a verb of impact that names where it
    struck (a locative or a named object) is a disaster there (round 12). Not "ash
    clogged the filters", "a flood of small arms", "torrents of criticism"."""
    if noun.dep_ != "nsubj" or noun.head.lemma_.lower() not in rules.HAZARD_VERBS:
        return False
    if not _made_of_matter(noun):
        return False
    verb = noun.head
    return any(
        (c.dep_ == "prep" and c.lower_ in ("on", "in", "through", "across", "over", "into"))
        or (c.dep_ == "dobj" and c.pos_ == "PROPN")
        for c in verb.children
    )


def _made_of_matter(noun: Token) -> bool:
    """Whether what a hazard noun is "of", if anything, is matter ("torrents of mud and
    boulders") rather than people, things or talk ("a flood of small arms", "torrents of
    criticism"); a date or a name ("the flood of 2010", "of Derna") is no such complement."""
    made_of = [
        o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN"
    ]  # fmt: skip
    return not made_of or any(
        t.lemma_.lower() in rules.HAZARD_MATTER for o in made_of for t in (o, *o.conjuncts)
    )


def _blocks_a_road(noun: Token) -> bool:
    """ "a highway blockade at A", "road blockades by farmers", "blockades at A, B and C"
    told beside protesters or unions: people blocking a road protest (ACLED: a protest;
    the protest family convention, docs/EVENT_TYPES.md). A blockade of a city, a port or
    of aid ("the blockade of the port", "a blockade on aid") stays blocked access."""
    if any(c.lemma_.lower() in rules.ROAD_WORDS for c in noun.children
           if c.dep_ in ("compound", "amod")):  # fmt: skip
        return True
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "on"):
            return any(o.lemma_.lower() in rules.ROAD_WORDS for o in prep.children)
    lemmas = [t.lemma_.lower() for t in noun.sent]
    return any(w in rules.BLOCKADERS or rules.NOUN_TRIGGERS.get(w) == "protest" for w in lemmas)


# Violence done by hand to people: an attack whoever does it (not "beat their rivals").
_HURTING_VERBS = frozenset({"beat", "stab", "hack", "lynch", "whip", "flog", "torture"})


def _hurts_people(verb: Token, lemma: str) -> bool:
    """ "beat two nurses", "stabbed a shopkeeper", "lynched two men": people hurt by
    hand are attacked (ACLED: violence against civilians); police beating protesters is
    the protest's (``_force_used_on``, read first by the protesters' noun)."""
    if lemma not in _HURTING_VERBS or any(c.dep_ == "neg" for c in verb.children):
        return False
    hurt = [h for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for h in _heads_of(c)]
    return any(names_a_person(h) and h.lemma_.lower() not in rules.PROTESTING_PEOPLE for h in hurt)


# What a rioting crowd does to things: ACLED's riots, the protest family.
_RIOT_VERBS = frozenset(
    {"burn", "torch", "loot", "stone", "smash", "ransack", "vandalise", "vandalize", "storm"}
)
_RIOTERS = _CROWDS | {"mob"}  # the crowds a clash with is a protest's, and a mob
_HOMES = frozenset({"home", "house", "neighbourhood", "neighborhood", "village", "temple",
                    "church", "mosque"})  # fmt: skip


def _crowd_riots(verb: Token, lemma: str) -> bool:
    """ "Crowds burned cholera tents and stoned police vehicles", "a mob torched the
    police station": a crowd's violence to things is a riot, coded as the protest."""
    if lemma not in _RIOT_VERBS or any(c.dep_ == "neg" for c in verb.children):
        return False
    hit = [h for c in verb.children if c.dep_ == "dobj" for h in _heads_of(c)]
    if any(h.lemma_.lower() in _HOMES for h in hit):
        return False  # "a mob vandalised 90 Hindu homes": an attack on a community
    subject = _subject(verb)
    return subject is not None and any(h.lemma_.lower() in _RIOTERS for h in _heads_of(subject))


# What protesters do that is their protest: close a road, hold a place, throw things
# ("march" and "rally" are protest triggers of their own).
_PROTEST_ACTS = frozenset(
    {"block", "blockade", "barricade", "occupy", "close", "shut", "throw", "hurl", "gather",
     "converge", "erect"}
)  # fmt: skip


def _protesters_act(verb: Token, lemma: str) -> bool:
    """ "Protesters also blocked roads in A, B and C", "demonstrators threw stones at
    officers", "marchers gathered outside parliament": what people the text calls
    protesters do to roads, places or police is their protest. Not "protesters said" or
    "demanded", not "protesters did not block" (round 22)."""
    if lemma not in _PROTEST_ACTS or any(c.dep_ in ("neg", "auxpass") for c in verb.children):
        return False  # not "did not block", nor "were blocked by police"
    if verb.dep_ == "conj" and verb.head.lemma_.lower() in _PROTEST_ACTS | _RIOT_VERBS:
        return False  # "burned tyres and blocked the road": one protest, told by the first
    subject = _subject(verb)
    return subject is not None and any(
        h.lemma_.lower() in rules.PROTESTING_PEOPLE for h in _heads_of(subject)
    )


def _force_used_on(people: Token) -> bool:
    """ "opened fire on demonstrators", "dispersed protesters": force used on a protest;
    "fired tear gas at thousands of protesters" too (round 23)."""
    head = people.head
    if people.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _MANY_PEOPLE:
        people, head = head.head, head.head.head
    if people.dep_ == "pobj" and head.lower_ in ("on", "at", "against"):
        head = head.head
    elif people.dep_ != "dobj":
        return False
    return head.lemma_.lower() in rules.FORCE_VERBS or head.lower_ in rules.FORCE_VERBS


# Counts of people that head "of protesters": "thousands of protesters".
_MANY_PEOPLE = frozenset({"thousands", "hundreds", "dozens", "scores", "crowds", "groups"})


def _returns_to_a_state(noun: Token) -> bool:
    """ "a return to civilian rule", "to return to talks": what is returned to is a
    state, not a place."""
    return any(
        o.lemma_.lower() in rules.NOT_RETURN_GOALS
        for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "to"
        for o in prep.children if o.dep_ == "pobj"
    )  # fmt: skip


def _turned_back(noun: Token) -> bool:
    """ "an aid convoy was turned back at a checkpoint"."""
    verb = noun.head
    return (
        noun.dep_ in ("nsubjpass", "dobj", "nsubj")
        and verb.lemma_.lower() == "turn"
        and any(c.lower_ == "back" for c in verb.children)
    )


def _is_repelled(token: Token) -> bool:
    """ "repelled an attack on Mubambiro", "fended off 52 assaults": the attack is the
    fighting its verb tells (an armed clash), not an attack of its own."""
    verb = token.head
    return token.dep_ == "dobj" and verb.lemma_.lower() in rules.REPELLING_VERBS


def _is_background_duration(token: Token) -> bool:
    """ "after weeks of heavy fighting", "emptied by years of bombardment", "after seven
    months of occupation": a span of time given as the setting of another event, not an
    event told in its own right (the annotators code none of them)."""
    of = token.head
    duration = of.head
    return (
        token.dep_ == "pobj"
        and of.lower_ == "of"
        and duration.lemma_.lower() in rules.DURATION_NOUNS
        and duration.dep_ in ("pobj", "agent")
    )


# "Power and mobile networks remain down", "the lights went out" (round 19).
_STATE_VERBS = frozenset({"be", "remain", "stay", "go"})


def _is_out_of_service(noun: Token) -> bool:
    """ "Power and phone lines are down", "the water is off": a state of affairs told of
    a utility or a piece of infrastructure."""
    heads = [noun, *noun.conjuncts] if noun.dep_ == "nsubj" else []
    verb = noun.head
    if not heads or verb.lemma_.lower() not in _STATE_VERBS:
        return False
    if not any(h.lemma_.lower() in rules.UTILITIES | rules.INFRASTRUCTURE for h in heads):
        return False
    return any(c.lower_ in rules.OUT_OF_SERVICE for c in verb.children if c.dep_ != "nsubj")


def _knocks_out(verb: Token) -> bool:
    return any(c.dep_ in ("prt", "advmod") and c.lower_ == "out" for c in verb.children)


def _names_infrastructure(verb: Token, *, through_of: bool = False) -> bool:
    """Whether the verb acts on infrastructure; ``through_of`` also looks at what a part
    is of ("Part of the parliament building"). A share ("60 percent of buildings were
    destroyed") is a figure, not an event: the annotators code none."""
    # "Mobile internet has been cut", "cutting electricity to Khartoum": utilities too;
    # "Road links to several villages have been cut": what the noun's compound names.
    return any(
        word.lemma_.lower() in rules.INFRASTRUCTURE | rules.UTILITIES
        for child in verb.children if child.dep_ in ("dobj", "nsubjpass")
        for h in (_heads_of(child) if through_of else [child, *child.conjuncts])
        # "Internet and mobile phone services ... have been cut": what kind of service
        for word in (h, *(c for c in h.children if c.dep_ in ("compound", "nmod")))
    )  # fmt: skip


def _people_move(verb: Token) -> bool:
    subject = _subject(verb)
    if subject is None:
        return True
    # "Most of the town's residents fled": the people are what "most" is of.
    return any(
        s.pos_ in ("PRON", "NUM")
        or s.ent_type_ in ("PERSON", "NORP", "CARDINAL")
        or s.lemma_.lower() in _PEOPLE_SUBJECTS
        for s in [subject, *_of_objects(subject)]
    )


# --------------------------------------------------------------------------- grammar


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or the one it shares with the clause above ("started to return");
    the object of an ordering verb ("ordered families to leave"); the noun a relative
    pronoun stands for ("protesters who stormed", "people, most of whom fled")."""
    for node in (verb, *verb.ancestors):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return _antecedent(node, subjects[0])
        if node.dep_ == "xcomp":
            objects = [c for c in node.head.children if c.dep_ == "dobj"]
            if objects:
                return objects[0]
        if node.dep_ not in ("xcomp", "conj", "advcl", "pcomp", "prep"):
            return None
    return None


_RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that"})


def _antecedent(verb: Token, subject: Token) -> Token:
    """ "protesters who stormed": the protesters; "most of whom fled": the whom's noun."""
    if subject.lower_ not in _RELATIVE_PRONOUNS:
        objects = _of_objects(subject)
        if not objects or objects[0].lower_ not in _RELATIVE_PRONOUNS:
            return subject
    return verb.head if verb.dep_ == "relcl" else subject


def _of_objects(noun: Token) -> list[Token]:
    """What an "of" after ``noun`` names: "tonnes of food", "70 percent of buildings"."""
    of = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
    return [o for prep in of for o in prep.children if o.dep_ == "pobj"]


def _heads_of(child: Token) -> list[Token]:
    """A noun, its conjuncts and what they count or measure ("120 tonnes of food")."""
    heads = [child, *child.conjuncts]
    return heads + [o for h in heads for o in _of_objects(h)]
