"""An event's date from its own words: a time expression attached to the trigger's
clause or to a clause above it, never the publication date (which ``events_dating``
lends, marked, only to events told as holding now)."""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.records import TimeExpression
from sitrep.stages.events_context import clause_chain, context_of, predicate_of
from sitrep.stages.events_document import outside
from sitrep.stages.state import DocState
from sitrep.stages.times import PARSED_KEY
from sitrep.stages.times_rules import ParsedTime, precision

# An event named after one of these is dated apart from the clause around it.
_TIME_PREPOSITIONS = frozenset({"after", "before", "since", "during", "through", "until"})


def _date_a_when_clause_follows(state: DocState, trigger: Token) -> str | None:
    """ "the worst unrest since June 2023, when riots left 16 people dead", "memories of
    June 2018, when an eruption buried the village": the clause that "when" opens after a
    date happened on that date, whatever the parser hangs it on (round 10)."""
    # The trigger, the words above it and the first verb above it: the parser may hang
    # "when" on a noun ("since 2017, when months of demonstrations ... left 16 dead").
    clause = [trigger]
    for node in trigger.ancestors:
        clause.append(node)
        if node.pos_ in ("VERB", "AUX"):
            break
    when = next(
        (c for node in clause for c in node.children
         if c.lower_ == "when" and c.tag_ == "WRB" and c.i < trigger.i),
        None,
    )  # fmt: skip
    if when is None or when.i == 0:
        return None
    before = trigger.doc[when.i - 1]
    if before.is_punct and before.i > 0:
        before = trigger.doc[before.i - 1]
    end = before.idx + len(before.text)
    for _, time in context_of(state).times.between(max(0, end - 40), end + 1):
        if time.span.end == end and time.kind in ("date", "time") and precision(time.value):
            return str(time.value)
    return None


def _time_root(state: DocState, time: TimeExpression) -> Token | None:
    span = state.doc.char_span(time.span.start, time.span.end, alignment_mode="expand")
    return span.root if span is not None else None


def event_date(state: DocState, trigger: Token, *, future_ok: bool = False) -> str | None:
    """A date attached to the trigger's clause, or else to the nearest clause above it.
    Dates said of the future ("hope for an end to fighting in the year ahead") date
    only planned or hypothetical events."""
    context = context_of(state)
    named = _date_a_when_clause_follows(state, trigger)
    if named is not None:
        return named
    own = _date_before_the_noun(state, trigger)
    if own is not None:
        return own
    chain = _up_to_time_clause(clause_chain(trigger, context.lines))
    if _in_time_phrase(trigger):
        chain = [trigger]  # "recaptured in September after months of occupation"
    predicate = predicate_of(trigger)
    if predicate is not None:
        chain = [predicate, *chain]  # "A fire swept through the camp on Sunday"
    sentence = trigger.sent
    best: tuple[float, str] | None = None
    parses: list[ParsedTime] = state.scratch.get(PARSED_KEY, [])
    future = {i for i, p in enumerate(parses) if p.future}
    # A dateline's date says when the report was filed, not when its events happened.
    for index, time in context.times.between(sentence.start_char, sentence.end_char):
        if time.kind not in ("date", "time") or precision(time.value) is None:
            continue
        if not outside(context.dateline, time.span.start) or _on_date_line(state, time):
            continue
        if index in future and not future_ok:
            continue
        root = _time_root(state, time)
        if root is None:
            continue
        level = _attachment_level(root, trigger, chain)
        if level is not None and (best is None or level < best[0]):
            best = (level, str(time.value))
    return best[1] if best else None


def _date_before_the_noun(state: DocState, trigger: Token) -> str | None:
    """ "the Feb. 6, 2018, earthquake", "the 2015 floods": a day, month or year written
    right before an event noun is that event's, whatever verb the parser hangs it on
    ("residents on Wednesday recalled the Feb. 6, 2018, earthquake", round 21)."""
    if trigger.pos_ != "NOUN":
        return None
    before = state.text[: trigger.idx].rstrip(" ,")
    for _, time in context_of(state).times.between(max(0, len(before) - 40), len(before)):
        if time.span.end != len(before) or time.kind != "date" or not precision(time.value):
            continue
        # Inside the noun's phrase: "the Feb. 6, 2018, earthquake", not "in September,
        # floodwaters swept" (a clause's time before its subject).
        opener = state.text[max(0, time.span.start - 12) : time.span.start].split()
        if opener and opener[-1].lower() in _DETERMINERS:
            return str(time.value)
    return None


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})


def _on_date_line(state: DocState, time: TimeExpression) -> bool:
    """ "Tuesday, August 6, 2024 - 4:12 PM" under a headline: a line that is a date and
    little else says when the page was posted, like a dateline; the parser runs it into
    the headline's sentence (round 9)."""
    context = context_of(state)
    start, end = context.lines.bounds(time.span.start)
    line = list(state.text[start:end])
    for _, other in context.times.between(start, end):
        line[other.span.start - start : other.span.end - start] = " " * len(other.span.text)
    words = [w for w in "".join(line).split() if any(c.isalpha() for c in w)]
    return len(words) <= _DATE_LINE_WORDS and not "".join(line).rstrip().endswith(".")


# "Posted", "Updated", "Published on": words a date line may hold besides its date.
_DATE_LINE_WORDS = 2


_TIME_MARKS = frozenset({"after", "before", "since", "until"})


def _up_to_time_clause(chain: list[Token]) -> list[Token]:
    """ "Refugees arrived on Sunday, days after forces took the region": a clause that a
    time mark opens at a stated distance happened at another time (round 7)."""
    for index, node in enumerate(chain):
        marks = [c for c in node.children if c.dep_ == "mark" and c.lower_ in _TIME_MARKS]
        # "suspended on 3 November after a helicopter was hit": with no span between
        # them the two are told as one day (team set, djibo_access); "days after" is not.
        if marks and any(_measures_time(t) for t in (node, *marks)):
            return chain[: index + 1]
    return chain


_TIME_UNITS = frozenset({"day", "week", "month", "year", "hour"})


def _measures_time(node: Token) -> bool:
    return any(c.dep_ == "npadvmod" and c.lemma_.lower() in _TIME_UNITS for c in node.children)


def _in_time_phrase(trigger: Token) -> bool:
    node = trigger
    while node.dep_ in ("pobj", "prep", "compound", "amod", "nmod", "npadvmod"):
        node = node.head
        if node.dep_ == "prep" or node.pos_ == "ADP":
            if node.lower_ in _TIME_PREPOSITIONS:
                return True
        elif node.pos_ in ("VERB", "AUX"):
            return False
    return False


def _attachment_level(root: Token, trigger: Token, chain: list[Token]) -> float | None:
    head = root
    while head.head != head:
        head = head.head
        if head == trigger or head.pos_ in ("VERB", "AUX"):
            break
        if _counts_since(head, trigger):
            return None
    if head in chain:
        return chain.index(head)
    return _shared_by_conjuncts(head, chain)


def _shared_by_conjuncts(verb: Token, chain: list[Token]) -> float | None:
    """ "Fighting killed nine people and forced hundreds from their homes over the
    weekend": a time phrase at the end of the last of two conjoined predicates dates
    both (round 19), below a date of the clause's own and above one of a verb it hangs
    on ("..., the ambulance service said on Monday")."""
    if verb.dep_ != "conj" or verb.head not in chain or verb.i < verb.head.i:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None  # "..., and the army retook the town on Sunday": a clause of its own
    head = verb.head
    if not any(c.dep_ == "cc" and head.i < c.i < verb.i for c in head.children):
        return None  # no "and": a misparse ("A convoy blocked ... reached X on Monday")
    return chain.index(verb.head) + 0.5


def _counts_since(node: Token, trigger: Token) -> bool:
    """ "for the third time since October", "the worst since 2010": a date that starts
    the span a count or a superlative is measured over, not the event's (round 7).
    "the scene of repeated clashes since the fall of Gaddafi in 2011": many events told
    in a state that began on a date, none of them on it (round 14)."""
    if node.lower_ != "since" or node.dep_ != "prep":
        return False
    if trigger.tag_ == "NNS" and node.head.pos_ in ("VERB", "AUX"):
        # "Sabha has been the scene of repeated clashes since ... 2011": the state of the
        # clause's subject began then; not "Floods have killed 52 since mid-June".
        return not any(c == trigger for c in node.head.children if c.dep_.startswith("nsubj"))
    return node.head != trigger and node.head.pos_ in ("NOUN", "ADJ")
