"""An event's killed and injured counts: the toll of its own clause, taken by the event
that governs it in the parse (round 13: the trigger's line only, each event of a sentence
its own count, parts summed, a list of outcomes read clause by clause), and the readings
of a count that the document-level pass shares (``events_tolls``): a part of a toll, a
toll that grows, people added to a toll, a clause of an earlier time."""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep.records import Figure
from sitrep.stages.events_context import context_of
from sitrep.stages.events_document import (
    CASUALTY_TYPES,
    is_part_of_toll,
    is_vague,
    stated_quantity,
)
from sitrep.stages.events_sentence import nearest
from sitrep.stages.events_toll_care import counted_by_care
from sitrep.stages.events_toll_victims import is_date_word, victims_in
from sitrep.stages.events_triggers import Trigger
from sitrep.stages.figures import PEOPLE_NOUNS
from sitrep.stages.state import DocState


def own_line(state: DocState, sentence: SpacySpan, at: int) -> tuple[int, int]:
    """The part of ``sentence`` on the line of ``at``: the model's sentences sometimes run
    over a headline and the lead ("Eleven dead, seven injured ... \n ... Eleven miners died
    and seven others were injured": the headline's seven is no count of the lead's)."""
    first, last = context_of(state).lines.bounds(at)
    return max(sentence.start_char, first), min(sentence.end_char, last)


def casualty_count(
    state: DocState, trigger: Trigger, quantity: str, rivals: list[Token]
) -> int | None:
    """The sentence's count of ``quantity`` if this event has victims and is, of the
    sentence's such events, the one nearest to the count in the parse."""
    if trigger.type not in CASUALTY_TYPES:
        return None
    sentence = trigger.token.sent
    low, high = own_line(state, sentence, trigger.token.idx)
    rivals = [r for r in rivals if low <= r.idx < high]  # a headline's trigger is no rival
    candidates: list[tuple[Figure, Token]] = []
    for figure in context_of(state).figures.between(low, high):
        if figure.value is None or counted_as(state, figure) != quantity:
            continue
        span = state.doc.char_span(figure.span.start, figure.span.end, alignment_mode="expand")
        if span is None:
            continue
        if (
            (is_part_of_toll(state.text, figure) and not _victims_of_the_verb(span.root))
            or is_vague(figure)
            or names_a_part(state.text, figure)
        ):
            continue  # "Two children were among the dead", "dozens killed": no toll
        if counted_by_another_clause(span.root) or raises_something_else(span.root):
            continue  # "Twelve came out on their own, seven were rescued with injuries"
        if in_a_dated_clause(span.root, trigger.token):
            continue  # "the deadliest since March, when 44 people died": March's toll
        if running_total(span.root):
            continue  # "bringing the number of deaths since the outbreak began to 41"
        if len(rivals) > 1:
            owner = _owner(span.root, rivals)
            if owner != trigger.token and not _fight_that_took_ground(owner, trigger):
                continue  # another event's of the sentence: that event's count (round 13)
        candidates.append((figure, span.root))
    if candidates:
        total = summed_toll(state, _own_clause_first(candidates, trigger.token), quantity)[0]
        return _with_people_named_beside(sentence, candidates, quantity, total)
    # "A woman and her son were killed", "one man drowned": victims named, not counted.
    named = [
        v.count for v in victims_in(sentence)
        if v.quantity == quantity and low <= v.verb.idx < high
        and (len(rivals) < 2 or nearest(v.verb, rivals) == trigger.token)
    ]  # fmt: skip
    return sum(named) if named else None


def _with_people_named_beside(
    sentence: SpacySpan,
    candidates: list[tuple[Figure, Token]],
    quantity: str,
    total: int | None,
) -> int | None:
    """ "killed a woman and her two children": a counted noun conjoined with people named
    one by one is part of one group of victims, counted whole (three, not two; round 23)."""
    counted = {r.head if r.dep_ in ("nummod", "quantmod") else r for _, r in candidates}
    for victims in victims_in(sentence):
        group = {victims.noun, *victims.noun.conjuncts}
        if (
            victims.quantity == quantity
            and counted <= group
            and len(group) > len(counted)
            and (total is None or victims.count > total)
        ):
            return victims.count
    return total


def _victims_of_the_verb(number: Token) -> bool:
    """ "ambushed security forces, killing 12 of them": a share of a group the verb kills
    or wounds is its toll, not a share of a toll told before (round 20)."""
    verb = number.head
    return (
        number.dep_ == "dobj"
        and verb.pos_ == "VERB"
        and verb.lemma_.lower() in _HARMING_VERBS
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in number.children)
    )


_HARMING_VERBS = frozenset({"kill", "wound", "injure", "hurt", "maim"})


_GROUND_TYPES = frozenset({"capture", "recapture", "occupation"})
# The prepositions a fight is told by as the setting of ground taken ("captured the city
# after a two-month battle that killed more than 400 civilians").
_SETTING_OF_GROUND = frozenset({"after", "following", "during", "amid", "in"})


def _fight_that_took_ground(owner: Token | None, trigger: Trigger) -> bool:
    """Whether ``owner`` is the fighting noun that ``trigger``, a capture, is told after or
    during: its toll is the capture's (the convention of round 13, "the fighting that won
    or lost ground is the capture's", which the writers of a, e, g and l follow; round 16)."""
    if owner is None or trigger.type not in _GROUND_TYPES or owner.dep_ != "pobj":
        return False
    preposition = owner.head
    return preposition.lower_ in _SETTING_OF_GROUND and preposition.head == trigger.token


def _owner(number: Token, rivals: list[Token]) -> Token | None:
    """The trigger whose count ``number`` is: the verb that governs it, if a trigger, or
    that verb's subject ("..., while fighting around Harlow has killed 54 fighters": the
    fighting's), else the trigger nearest it in the parse."""
    verb = _clause_verb(counted_noun(number))
    while verb is not None:
        if verb in rivals:
            return verb
        subjects = [r for r in rivals if r.head == verb and r.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects[0]
        # "Fighting ... killed nine people and wounded more than 40, after gunmen stormed
        # a police station": a verb conjoined without a subject of its own shares the
        # first verb's.
        verb = verb.head if _shares_subject(verb) else None
    return nearest(number, rivals)


def _shares_subject(verb: Token) -> bool:
    return (
        verb.dep_ == "conj"
        and verb.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def _own_clause_first(candidates: list[tuple[Figure, Token]], trigger: Token) -> Figure:
    """The first count the trigger's own verb governs, else the first: "The army said 40
    militants had been killed since the offensive began, and a drone strike killed eight
    civilians" (the strike's eight)."""
    verb = _clause_verb(trigger)
    for figure, number in candidates:
        if verb is not None and _clause_verb(counted_noun(number)) == verb:
            return figure
    return candidates[0][0]


def _clause_verb(token: Token) -> Token | None:
    """The verb of the clause ``token`` is in: itself, or the first verb above it."""
    for node in (token, *token.ancestors):
        if node.pos_ == "VERB":
            return node
    return None


# "Among the dead were four children", "Of the dead, 12 were children": the part told
# first, the whole after it.
_AMONG_BEFORE = re.compile(
    r"\b(?:among|of)\s+(?:the\s+|those\s+)?(?:dead|killed|victims|wounded|injured"
    r"|casualties|fatalities)(?:\s+(?:were|was|are|is)|\s*,)\s+(?:at\s+least\s+|some\s+)?$",
    re.I,
)


def names_a_part(text: str, figure: Figure) -> bool:
    """Whether the words before ``figure`` say it is part of a toll told elsewhere."""
    return bool(_AMONG_BEFORE.search(text, max(0, figure.span.start - 60), figure.span.start))


# Verbs that carry a toll up to a new total: "the death toll rose to 31", "bringing the
# toll to 15", "pushed the number of dead to 40".
_RAISING = frozenset(
    {"rise", "climb", "increase", "jump", "grow", "mount", "bring", "raise", "push", "take"}
)  # fmt: skip


# "another 12", "a further five", "two more", "three other soldiers": people not counted
# yet, to be added to the toll told before (not "more than 30", a bound).
_ADDED_BEFORE = re.compile(r"\b(?:another|a\s+further|an\s+additional)\s+$", re.I)
_ADDED_AFTER = re.compile(r"\s+(?:more|additional|further|others?)\b(?!\s+than)", re.I)


def is_added(text: str, figure: Figure) -> bool:
    """Whether ``figure`` counts people added to a toll told before it."""
    start, end = figure.span.start, figure.span.end
    return bool(
        _ADDED_BEFORE.search(text, max(0, start - 20), start) or _ADDED_AFTER.match(text, end)
    )


# Words that tell harm inside a number's own clause ("seven were rescued with injuries",
# "40 bodies were pulled out", "losing four soldiers", "shot dead").
_HARM_WORDS = frozenset(
    {"kill", "die", "dead", "death", "injure", "injury", "injured", "wound", "wounded", "hurt",
     "perish", "drown", "crush", "shoot", "burn", "lose", "life", "body", "casualty",
     "fatality", "victim", "succumb", "toll", "bury", "trauma", "fracture", "hospitalise",
     "hospitalize"}
)  # fmt: skip
# Dependents that open a clause of their own, whose words say nothing of the number's.
_OTHER_CLAUSES = frozenset({"ccomp", "conj", "advcl", "relcl", "parataxis", "csubj"})


def counted_by_another_clause(number: Token) -> bool:
    """Whether ``number`` is the subject or object of a verb whose own clause tells no
    harm, so that a harm word nearby belongs to another clause: in "Twelve came out on
    their own, seven were rescued with injuries and eleven have died", twelve came out;
    only seven were injured and eleven killed (round 13)."""
    counted = counted_noun(number)
    verb = counted.head
    if counted.dep_ not in ("nsubj", "nsubjpass", "dobj") or verb.pos_ != "VERB":
        return False
    if verb.lemma_.lower() in _SPEECH_VERBS:
        return False  # "killing 100 people, including children, witnesses said": a misparse
    if counted_by_care(counted):
        return False  # "A further 15 people were rushed to hospital": the hurt (round 16)
    return not any(
        t.lemma_.lower() in _HARM_WORDS or t.lower_ in _HARM_WORDS for t in _own_clause(verb)
    )


_SPEECH_VERBS = frozenset({"say", "tell", "report", "announce", "confirm", "add", "state"})


def _own_clause(verb: Token) -> list[Token]:
    """The verb and its dependents, not descending into clauses of their own; a verb
    conjoined that shares the subject is part of it ("Four passengers escaped and were
    taken to hospital with gunshot wounds")."""
    found, stack = [verb], [c for c in verb.children if _same_clause(c)]
    while stack:
        token = stack.pop()
        found.append(token)
        stack.extend(c for c in token.children if _same_clause(c))
    return found


def _same_clause(child: Token) -> bool:
    if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
        return not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
    return child.dep_ not in _OTHER_CLAUSES


def in_a_dated_clause(number: Token, trigger: Token | None = None) -> bool:
    """Whether ``number`` is counted in a clause that hangs on the date something has
    lasted since ("the deadliest since March, when 44 people died") and does not hold
    ``trigger``: the toll of that earlier time, not of the event told around it."""
    for node in (counted_noun(number), *counted_noun(number).ancestors):
        if node.dep_ == "relcl" and node.pos_ in ("VERB", "AUX"):
            since_date = is_date_word(node.head, _DATE_HEAD_LEMMAS)
            if not (since_date and node.head.head.lower_ == "since"):
                return False  # "on Friday, when police killed 22": the day of the event
            return trigger is None or trigger.i not in {t.i for t in node.subtree}
        if node.dep_ in ("ROOT", "ccomp"):
            return False
    return False


# "when" clauses of an earlier time also hang on "time" and "day" ("at the time, when ...").
_DATE_HEAD_LEMMAS = ("year", "month", "week", "time", "day")


def is_updated_toll(number: Token) -> bool:
    """Whether ``number`` is the new total a toll rose to ("the death toll rose to 31"), or
    a toll stated as the whole ("put the death toll at 23", "the toll stood at 40", "the
    number of dead has reached 41"); not a group's count ("put the number of insurgents
    killed at 23")."""
    counted = counted_noun(number)
    head = counted.head
    if counted.dep_ == "pobj" and head.lower_ == "to" and head.head.pos_ == "VERB":
        return head.head.lemma_.lower() in _RAISING
    if counted.dep_ == "pobj" and head.lower_ == "at" and head.head.pos_ == "VERB":
        return _of_the_toll(head.head)
    if counted.dep_ == "dobj" and head.lemma_.lower() == "reach":
        return _of_the_toll(head)
    return False


# "bringing the number of deaths recorded since the outbreak began to": read on the words,
# as the parser hangs "to 41" on "began" as often as on "bringing".
_CARRIED_SINCE = re.compile(
    r"\b(?:bring|bringing|brought|raising|raised|pushing|pushed|taking|took)\b"
    r"[^.;]{0,120}\bsince\b[^.;]{0,80}\bto\s+(?:at\s+least\s+|about\s+|some\s+)?$",
    re.I,
)


def running_total(number: Token) -> bool:
    """Whether ``number`` is a total a toll was carried up to that counts since a start:
    "Two children died ..., bringing the number of measles deaths recorded in the region
    since the outbreak began to 41" (the outbreak's, not the two deaths'; session 18)."""
    before = number.doc.text[number.sent.start_char : number.idx]
    return bool(_CARRIED_SINCE.search(before))


# Nouns a raised count may be the new value of and still be a toll.
_TOLL_NOUNS = frozenset(
    {"toll", "tally", "dead", "death", "casualty", "fatality", "victim", "injury", "wounded",
     "injured", "number", "figure", "count", "total"}
)  # fmt: skip


def raises_something_else(number: Token) -> bool:
    """Whether ``number`` is the new value of something other than a toll: "Suspected
    cholera cases rose to 1,246, with 31 deaths" (cases; the deaths are the toll), "the
    number of cases climbed to 900"."""
    counted = counted_noun(number)
    head = counted.head
    if counted.dep_ != "pobj" or head.lower_ not in ("to", "at") or head.head.pos_ != "VERB":
        return False
    verb = head.head
    if verb.lemma_.lower() not in _RAISING | {"stand", "reach", "put"}:
        return False
    # What the count is the value of: the object of "put the toll at", "brought the number
    # to", else the subject of "rose to", "stood at".
    raised = next((c for c in verb.children if c.dep_ == "dobj"), None) or next(
        (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None
    )
    if raised is None or raised.pos_ in ("PRON", "PROPN"):
        return False
    return not _a_toll_or_people(raised)


def _a_toll_or_people(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    if lemma in ("number", "figure", "count", "total"):
        counted = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                   for o in p.children if o.dep_ == "pobj"]  # fmt: skip
        return all(_a_toll_or_people(o) for o in counted)
    return (
        lemma in _TOLL_NOUNS
        or lemma in PEOPLE_NOUNS
        or bool(_PERSON_SUFFIX.search(lemma))
        or noun.lower_ in _TOLL_NOUNS
    )


def _of_the_toll(verb: Token) -> bool:
    """Whether the verb's subject or object is the toll itself ("the death toll", "the
    number of dead")."""
    for child in verb.children:
        if child.dep_ not in ("nsubj", "nsubjpass", "dobj"):
            continue
        if child.lemma_.lower() in ("toll", "tally"):
            return True
        if child.lemma_.lower() == "number" and any(
            o.lower_ in ("dead", "deaths", "fatalities", "casualties")
            for p in child.children if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children
        ):  # fmt: skip
            return True
    return False


def summed_toll(state: DocState, figure: Figure, quantity: str) -> tuple[int, list[Figure]]:
    """The toll ``figure`` opens, with the parts told beside it summed, and the figures
    summed: "Three fighters and one soldier were killed" (4), "killing 17 rebels and
    losing four soldiers" (21): disjoint groups of one harm, each its own count. A part
    of the whole ("26 killed, including nine children") hangs on "including", never on
    a conjunction, so it is not added."""
    value = round(figure.value or 0)
    span = state.doc.char_span(figure.span.start, figure.span.end, alignment_mode="expand")
    if span is None:
        return value, [figure]
    counted = counted_noun(span.root)
    by_noun = _figures_by_noun(state, span.sent)
    summed = [figure]
    # A headline with no full stop is parsed as one sentence with the lead beneath it:
    # parts are told on the toll's own line.
    low, high = own_line(state, span.sent, figure.span.start)
    for part in _conjoined_counts(counted):
        if not low <= part.idx < high:
            continue
        other = by_noun.get(part.i)
        if other is not None:
            if other.value is None or counted_as(state, other) != quantity or is_vague(other):
                return value, [figure]  # "three killed and dozens of others": no sum
            value += round(other.value)
            summed.append(other)
        else:
            small = _small_count(part)
            if small is None:
                return value, [figure]
            value += small
    return value, summed


def counted_noun(number: Token) -> Token:
    """The noun a number counts ("Three" in "Three fighters"), or the number itself."""
    return number.head if number.dep_ in ("nummod", "quantmod") else number


def _figures_by_noun(state: DocState, sentence: SpacySpan) -> dict[int, Figure]:
    """The sentence's figures by the index of the noun each counts."""
    found: dict[int, Figure] = {}
    for figure in context_of(state).figures.between(sentence.start_char, sentence.end_char):
        span = state.doc.char_span(figure.span.start, figure.span.end, alignment_mode="expand")
        if span is not None:
            found.setdefault(counted_noun(span.root).i, figure)
    return found


def _conjoined_counts(counted: Token) -> list[Token]:
    """The nouns conjoined with ``counted`` that are counted too ("Three fighters and one
    soldier"), and the objects of the verbs conjoined with the one that takes it
    ("killing 17 rebels and losing four soldiers")."""
    parts = [c for c in counted.conjuncts if c.i > counted.i and _is_counted(c)]
    verb = counted.head
    if counted.dep_ in ("dobj", "nsubj", "nsubjpass") and verb.pos_ == "VERB":
        for other in verb.conjuncts:
            if other.i < verb.i:
                continue
            parts += [c for c in other.children if _is_added_part(counted, c)]
    return parts


def _is_added_part(first: Token, other: Token) -> bool:
    """Whether ``other``, an argument of a verb conjoined with the one of ``first``, is a
    further group of the same harm: an object beside an object ("killing 17 rebels and
    losing four soldiers"), or a subject that says it is more ("Eight people were killed
    and another 12 died in hospital")."""
    if not _is_counted(other):
        return False
    if first.dep_ == "dobj":
        return other.dep_ == "dobj"
    return other.dep_ in ("nsubj", "nsubjpass") and any(
        t.lower_ in ("another", "more", "further", "additional", "other")
        for t in other.subtree
        if t.i < other.i + 2
    )


def _is_counted(noun: Token) -> bool:
    return noun.like_num or any(
        c.dep_ in ("nummod", "quantmod") or (c.dep_ == "det" and c.lower_ in ("a", "an"))
        for c in noun.children
    )


_SMALL_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


def _small_count(noun: Token) -> int | None:
    """ "one soldier", "a policeman": a count the figures stage keeps no figure of. Only
    people are a toll's part: "kills 12 ... attacked a market" adds no one."""
    if not _a_toll_or_people(noun):
        return None
    for child in noun.children:
        if child.dep_ == "nummod" and child.lower_ in _SMALL_NUMBERS:
            return _SMALL_NUMBERS[child.lower_]
        if child.dep_ == "det" and child.lower_ in ("a", "an") and noun.tag_ == "NN":
            return 1
    return None


# Nouns of people by what they do or are: worshippers, herders, parishioners, Christians,
# servicemen, trainees (the figures stage lists the common ones; round 11).
_PERSON_SUFFIX = re.compile(r"(?:[^e]er|or|ist|ian|ant|ent|ee|man|men)$")


def counted_as(state: DocState, figure: Figure) -> str | None:
    """The figure's quantity as a toll: its stated quantity; for a count of people the
    figures stage does not know as people, the harm its verb tells ("gunmen killed 44
    worshippers"; round 11); ``injured`` for people treated or taken to hospital, and
    ``killed`` for "cost the lives of eight fighters" (round 16)."""
    stated = stated_quantity(state.text, figure)
    if stated not in ("other", "people", "patients"):
        return stated
    span = state.doc.char_span(figure.span.start, figure.span.end, alignment_mode="expand")
    if span is None:
        return stated
    noun = span.root.head if span.root.dep_ in ("nummod", "quantmod") else span.root
    if counted_by_care(noun):
        return "injured"
    if _lives_lost(noun):
        return "killed"
    if stated != "other" or noun.dep_ not in ("dobj", "nsubjpass") or noun.tag_ != "NNS":
        return stated
    if not (_PERSON_SUFFIX.search(noun.lemma_.lower()) or _beside_other_people(noun)):
        return stated  # "drought killed 300 cattle": no one's death
    verb = noun.head.lemma_.lower()
    return next((q for q, verbs in _HARM_VERBS.items() if verb in verbs), stated)


_HARM_VERBS = {"killed": frozenset({"kill"}), "injured": frozenset({"injure", "wound", "hurt"})}
# "The fighting cost the lives of five fighters", "the floods claimed the lives of 12".
_TAKING_LIVES = frozenset({"cost", "claim", "take"})


def _lives_lost(noun: Token) -> bool:
    """Whether ``noun`` is whose lives a verb of taking says were lost ("cost the lives of
    at least five militia members")."""
    if noun.lemma_.lower() in ("life", "lives") and noun.dep_ == "dobj":
        # "has claimed 18 lives" (round 23): the lives counted themselves.
        return noun.head.lemma_.lower() in _TAKING_LIVES
    of = noun.head
    if noun.dep_ != "pobj" or of.lower_ != "of" or of.head.lemma_.lower() not in ("life", "lives"):
        return False
    lives = of.head
    return lives.dep_ == "dobj" and lives.head.lemma_.lower() in _TAKING_LIVES


def _beside_other_people(noun: Token) -> bool:
    """Whether a conjoined verb counts "other people" beside ``noun``: in "killing two
    nuns and wounding six other people", the nuns are people too."""
    verb = noun.head
    verbs = [verb, *verb.conjuncts]
    return any(
        child.dep_ in ("dobj", "nsubjpass")
        and child.lemma_.lower() in PEOPLE_NOUNS
        and any(c.lower_ == "other" for c in child.children)
        for other in verbs if other is not verb
        for child in other.children
    )  # fmt: skip
