"""The events stage: what happened, where, when, by whom — rule-based over the parse.

A trigger word (``events_rules``) makes an event of its type. Its date is a time
expression attached to the trigger's clause or to a clause above it (never the
publication date); its place a literal (non-metonymic) place of the clause — the
patient of a passive ("Izyum was reclaimed"), an object, a locative ("In Izyum, ..."),
or the settlement that "the city" refers back to; its actors the agent or subject,
normalised to sides ("Ukrainian forces" -> "Ukraine: military", "Moscow" ->
"Russia: government"). Modality: "may"/"might"/"could" -> hypothetical, "plans to" /
"threatens" -> plan, "denied" -> denial, reported speech -> claim with its speaker.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep.records import (
    Event,
    Figure,
    Modality,
    Organization,
    Person,
    Place,
    Quote,
    Span,
    TimeExpression,
)
from sitrep.resources import Resources
from sitrep.stages import events_rules as rules
from sitrep.stages.events_dating import date_from_report, tells_current_state
from sitrep.stages.events_document import (
    CASUALTY_TYPES,
    consolidate,
    dateline_span,
    is_part_of_toll,
    is_vague,
    outside,
)
from sitrep.stages.events_sentence import (
    conjoined_places,
    in_group_name,
    is_setting,
    nearest,
    renewal,
    spread_places,
)
from sitrep.stages.events_triggers import Trigger, find_triggers, trigger_type
from sitrep.stages.figures import PEOPLE_NOUNS
from sitrep.stages.figures_index import (
    Intervals,
    Lines,
    PlaceMentions,
    Positions,
    is_reference_point,
)
from sitrep.stages.registry import stage
from sitrep.stages.state import DocState
from sitrep.stages.times import PARSED_KEY
from sitrep.stages.times_rules import ParsedTime, precision

# Confidence: a trigger alone is a guess; each thing the clause confirms adds to it.
BASE_CONFIDENCE = 0.5
CONFIRMATION_BONUS = 0.1
MAX_CONFIDENCE = 0.95
_SETTLEMENT_NOUNS = frozenset({"city", "town", "village", "settlement"})
_SETTLEMENT_KINDS = frozenset({"city", "town", "village"})
# An event named after one of these is dated apart from the clause around it.
_TIME_PREPOSITIONS = frozenset({"after", "before", "since", "during", "through", "until"})


@dataclass(frozen=True, slots=True)
class EventContext:
    """The report's records indexed by position once (see figures_index), so that each
    trigger asks only about its own sentence: linear in the report's length."""

    lines: Lines
    places: PlaceMentions
    dateline: tuple[int, int]
    times: Positions[tuple[int, TimeExpression]]
    figures: Positions[Figure]
    quotes: Intervals[Quote]
    speakers: Intervals[int]
    people: Positions[str]
    records: tuple[Person | Organization, ...]

    @classmethod
    def of(cls, state: DocState) -> EventContext:
        records: tuple[Person | Organization, ...] = (*state.people, *state.organizations)
        return cls(
            lines=Lines(state.text),
            places=PlaceMentions(state.places, state.text),
            dateline=dateline_span(state.text),
            times=Positions((t.span.start, (i, t)) for i, t in enumerate(state.times)),
            figures=Positions((f.span.start, f) for f in state.figures),
            quotes=Intervals((q.span.start, q.span.end, q) for q in state.quotes),
            speakers=Intervals(
                (m.start, m.end, order) for order, r in enumerate(records) for m in r.mentions
            ),
            people=Positions((m.start, p.id) for p in state.people for m in p.mentions),
            records=records,
        )


_CONTEXT_KEY = "events.context"


def context_of(state: DocState) -> EventContext:
    """The state's EventContext, built again whenever a stage replaced a list it indexes."""
    sources = _indexed_lists(state)
    cached = state.scratch.get(_CONTEXT_KEY)
    if cached is not None and all(a is b for a, b in zip(cached[0], sources, strict=True)):
        return cached[1]  # type: ignore[no-any-return]
    context = EventContext.of(state)
    state.scratch[_CONTEXT_KEY] = (sources, context)
    return context


def _indexed_lists(state: DocState) -> tuple[Any, ...]:
    return (state.places, state.times, state.figures, state.quotes, state.people,
            state.organizations)  # fmt: skip


@stage(
    "events",
    requires=("doc", "places", "people", "times", "published", "figures"),
    assigns=("events",),
)
def extract_events(state: DocState, resources: Resources) -> None:
    """Fill ``state.events``."""
    triggers = list(find_triggers(state))
    rivals = _casualty_triggers_by_sentence(triggers)
    told: list[tuple[Event, bool]] = []  # (event, told only as the setting of another)
    apart: set[frozenset[str]] = set()
    seen: dict[tuple[object, ...], int] = {}
    # (type, first evidence offset) of events told as holding now: only those the report's
    # own date may date (events_dating); the key survives consolidation's renumbering.
    current: set[tuple[str, int]] = set()
    renewed: set[Span] = set()  # tellings of an event happening again (renewal)
    for trigger in triggers:
        event = _event(state, trigger, "E0", rivals.get(trigger.token.sent.start, []))
        if _asks_who(trigger.token) or _habitual(trigger.token):
            continue
        if _refers_back(trigger.token, event, told):
            continue
        setting = is_setting(trigger.token)
        if renewal(trigger.token):
            renewed.update(event.evidence)
        if tells_current_state(trigger.token):
            current.add((event.type, event.evidence[0].start))
        # "in Maracay, Valencia and Coro": one event at each place instead of the one.
        for each in _at_conjoined_places(state, trigger.token, event, apart) or [event]:
            # "energy cuts and internet disruptions": one event, not one per noun.
            key = (each.type, each.date, each.place, each.actors, each.modality,
                   each.evidence)  # fmt: skip
            if key not in seen:
                seen[key] = len(told)
                told.append((each, setting))
            else:  # the toll may belong to the other word of the pair ("... marched")
                told[seen[key]] = (_with_counts_of(told[seen[key]][0], each), told[seen[key]][1])
    events = _without_lone_settings(told)
    events = [dataclasses.replace(e, id=f"E{i + 1}") for i, e in enumerate(events)]
    consolidated = consolidate(
        events,
        state.places,
        state.figures,
        state.text,
        apart=frozenset(apart),
        renewed=frozenset(renewed),
    )
    # After merging: a date inferred from the report must not make two tellings agree.
    state.events = date_from_report(
        consolidated,
        state.published,
        lambda e: any((e.type, span.start) in current for span in e.evidence),
    )


def _asks_who(trigger: Token) -> bool:
    """ "nobody knows who is fighting whom": an indirect question tells no event."""
    return trigger.dep_ == "ccomp" and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "WP" for c in trigger.children
    )


def _habitual(trigger: Token) -> bool:
    """ "The country is struck by about 20 storms every year": what recurs year by year
    is no event ("1,000 people are leaving each day" is one going on); nor is what a
    report calls common ("Power cuts of up to 20 hours a day were common"; round 9)."""
    if trigger.dep_ == "nsubj" and any(
        c.dep_ in ("acomp", "attr") and (c.lemma_.lower() in _ROUTINE or
                                         any(a.lemma_.lower() in _ROUTINE for a in c.children))
        for c in trigger.head.children
    ):  # fmt: skip
        return True
    for node in (trigger, *trigger.ancestors):
        for child in node.children:
            if (
                child.dep_ in ("npadvmod", "advmod")
                and child.lemma_.lower() in _YEARLY
                and any(d.lower_ in ("every", "each") for d in child.children)
            ):
                return True
        if node.pos_ in ("VERB", "AUX"):
            return False
    return False


_YEARLY = frozenset({"year", "decade", "season", "summer", "winter", "spring", "monsoon"})
# "were common", "have become a regular feature of life" (round 9).
_ROUTINE = frozenset({"common", "frequent", "routine", "usual", "regular", "commonplace"})
_BACK_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})


def _refers_back(trigger: Token, event: Event, told: list[tuple[Event, bool]]) -> bool:
    """ "The blackout began when ...", "described the attacks as war crimes": a definite
    noun that adds no place, date or toll names an event the report has told already
    (round 7: five outages where a reader sees two)."""
    family = _family(event.type)
    if _start_of_ongoing(trigger):
        return any(_family(e.type) == family for e, _ in told)
    if trigger.pos_ != "NOUN" or event.place or event.date:
        return False
    if event.killed is not None or event.injured is not None:
        return False
    if not any(c.dep_ == "det" and c.lower_ in _BACK_DETERMINERS for c in trigger.children):
        return False
    if any(
        c.dep_ in ("poss", "compound", "nummod") or (c.dep_ == "prep" and c.lower_ != "as")
        for c in trigger.children
    ):
        return False  # "the October blackout", "the attack on the market": told anew
    return any(_family(e.type) == family for e, _ in told)


_STARTS = frozenset({"begin", "start", "erupt", "break"})


def _start_of_ongoing(trigger: Token) -> bool:
    """ "224 people have been detained since the protests began on Thursday": the start
    of an event the report tells as going on, not an event of its own (round 7)."""
    verb = trigger.head
    return (
        trigger.dep_ == "nsubj"
        and verb.lemma_.lower() in _STARTS
        and any(c.dep_ == "mark" and c.lower_ == "since" for c in verb.children)
    )


def _with_counts_of(kept: Event, same: Event) -> Event:
    """``kept`` with the killed and injured counts ``same`` has and it lacks."""
    return dataclasses.replace(
        kept,
        killed=kept.killed if kept.killed is not None else same.killed,
        injured=kept.injured if kept.injured is not None else same.injured,
    )


def _casualty_triggers_by_sentence(triggers: list[Trigger]) -> dict[int, list[Token]]:
    """The triggers of events that can have victims, by their sentence's first token."""
    found: dict[int, list[Token]] = {}
    for trigger in triggers:
        if trigger.type in CASUALTY_TYPES:
            found.setdefault(trigger.token.sent.start, []).append(trigger.token)
    return found


def _at_conjoined_places(
    state: DocState, trigger: Token, event: Event, apart: set[frozenset[str]]
) -> list[Event]:
    """The event again at each place joined to its own by "and" ("in Mombasa, Kisumu
    and Nakuru"); each pair of those places is recorded in ``apart`` so that merging
    does not fold them back into one."""
    if event.place is None:
        return []
    found = _mentions_in_sentence(state, trigger.sent)
    own = next((t for t, p in found if p.id == event.place and _resolved(p)), None)
    if own is None or not _splits_at(state, own):
        return []
    mentions = [(t, p.id) for t, p in found if _resolved(p)]
    others = [pid for pid in conjoined_places(own, mentions) if pid != event.place]
    others += [
        pid for pid in spread_places(trigger, mentions) if pid not in others and pid != event.place
    ]
    if not others:
        return []
    group = [event.place, *others]
    apart.update(frozenset((a, b)) for a in group for b in group if a != b)
    tolls = _tolls_by_place(state, trigger, event, found, group)
    return [
        dataclasses.replace(event, place=pid, killed=tolls[pid][0], injured=tolls[pid][1])
        for pid in group
    ]


def _resolved(place: Place) -> bool:
    """Only places the place stage pinned or knows the kind of are split over: an
    unresolved name may be a word it misread, and its event would stand nowhere."""
    return place.lat is not None or place.kind != "other"


def _splits_at(state: DocState, own: Token) -> bool:
    """Whether the event's place is where it happens, not where something leads or
    comes from ("the road from A to B", "fled from A and B") or a distance is measured
    from ("20 km from A and B"): only the former is one event per place."""
    node = own.head if own.dep_ in ("appos", "conj") else own
    # "cutting electricity to Khartoum, Port Sudan and ..." is cut at each (team set).
    if _is_origin(own) or _is_route_end(node):
        return False
    return not is_reference_point(state.text, own.idx)


_Tolls = dict[str, list[int | None]]  # place id -> [killed, injured]


def _tolls_by_place(
    state: DocState, trigger: Token, event: Event, found: list[tuple[Token, Place]],
    group: list[str],
) -> _Tolls:  # fmt: skip
    """The killed and injured counts of each place an event is split over. A count goes
    to a place only where its own clause names that place alone ("two people were
    killed in Kisumu"); a total told for all of them ("Airstrikes killed 12 people in
    Aleppo and Idlib") goes to none: split evenly or given to the first, it would state
    a toll at a place the report does not (the figure itself stays in the figures)."""
    tolls: _Tolls = {pid: [None, None] for pid in group}
    for index, (quantity, count) in enumerate(
        (("killed", event.killed), ("injured", event.injured))
    ):
        if count is None:
            continue
        for clause, value in _counts_of_sentence(state, trigger.sent, quantity):
            tied = {p.id for t, p in found if p.id in group and _ties(clause, t)}
            if len(tied) == 1:
                tolls[tied.pop()][index] = value
    return tolls


def _ties(clause: Token, place: Token) -> bool:
    """Whether a count's clause is told of the place: it names it, or it is a relative
    clause on it ("in Chittagong and Rangpur, where a student was killed"; team set)."""
    return _in_own_clause(place, clause) or (clause.dep_ == "relcl" and clause.head == place)


def _counts_of_sentence(
    state: DocState, sentence: SpacySpan, quantity: str
) -> list[tuple[Token, int]]:
    """(the verb of the count's clause, the count) for each toll the sentence states."""
    counts = []
    for figure in context_of(state).figures.between(sentence.start_char, sentence.end_char):
        if figure.quantity != quantity or figure.value is None:
            continue
        if is_part_of_toll(state.text, figure) or is_vague(figure):
            continue
        span = state.doc.char_span(figure.span.start, figure.span.end, alignment_mode="expand")
        if span is not None:
            counts.append((_clause_verb(span.root), round(figure.value)))
    victim = _single_victim(sentence, quantity)
    if victim is not None:
        counts.append((victim, 1))
    return counts


def _clause_verb(token: Token) -> Token:
    while token.pos_ not in ("VERB", "AUX") and token.head != token:
        token = token.head
    return token


def _without_lone_settings(told: list[tuple[Event, bool]]) -> list[Event]:
    """Drop events named only as the setting of another ("during the battle") unless
    the report tells an event of their type at an agreeing place in its own right."""
    placed: dict[str, set[str | None]] = {}
    for event, setting in told:
        if not setting:
            placed.setdefault(_family(event.type), set()).add(event.place)
    kept = []
    for event, setting in told:
        places = placed.get(_family(event.type), set())
        # A setting is kept only where the report tells its event in its own right
        # ("fled attacks on villages" near Kaya is no attack told at Djibo; round 6).
        if not setting or event.place in places:
            kept.append(event)
    return kept


def _family(kind: str) -> str:
    """A generic attack and the shelling or airstrike it names are told as one event."""
    return "attack" if kind in ("shelling", "airstrike") else kind


# --------------------------------------------------------------------------- one event


def _event(state: DocState, trigger: Trigger, event_id: str, rivals: list[Token]) -> Event:
    """One event from its trigger; ``rivals`` are the triggers of its sentence that may
    have victims, of which the one nearest a casualty count takes it."""
    token = trigger.token
    sentence = token.sent
    modality, claimed_by = event_modality(state, token)
    date = event_date(state, token, future_ok=modality in ("plan", "hypothetical"))
    kind = trigger.type
    taken = _ground_taken_before(token) if kind == "armed_clash" else None
    if taken is not None:
        kind = "recapture"  # "seized parts of X before being pushed back by the army"
    place = event_place(state, taken if taken is not None else token, kind)
    actors = event_actors(token, dateline=context_of(state).dateline)
    if kind in ("capture", "occupation") and _regains_own_ground(state, place, actors):
        kind = "recapture"
    killed = _count(state, trigger, "killed", rivals)
    injured = _count(state, trigger, "injured", rivals)
    confirmed = sum(x is not None and x != () for x in (date, place, actors))
    confidence = BASE_CONFIDENCE + CONFIRMATION_BONUS * (confirmed + (token.pos_ == "VERB"))
    if modality == "hypothetical":
        confidence -= CONFIRMATION_BONUS
    first, last = context_of(state).lines.bounds(token.idx)
    start, end = max(sentence.start_char, first), min(sentence.end_char, last)
    while end > start and state.text[end - 1].isspace():
        end -= 1
    while start < end and state.text[start].isspace():
        start += 1
    return Event(
        id=event_id,
        type=kind,
        date=date,
        date_precision=precision(date),
        place=place,
        actors=actors,
        killed=killed,
        injured=injured,
        modality=modality,
        claimed_by=claimed_by,
        evidence=(Span.of(state.text, start, end),),
        confidence=round(min(MAX_CONFIDENCE, confidence), 2),
    )


def _ground_taken_before(trigger: Token) -> Token | None:
    """The capture a counter-attack undid: "Fighters seized parts of X before being
    pushed back by the army" tells X regained, not a clash elsewhere (round 7)."""
    node, before = trigger, False
    for _ in range(3):
        if node.head == node:
            return None
        node = node.head
        before = before or node.lower_ in ("before", "until")
        if node.pos_ == "VERB":
            taken = trigger_type(node) in ("capture", "occupation")
            return node if taken and before else None
    return None


def _regains_own_ground(state: DocState, place_id: str | None, actors: tuple[str, ...]) -> bool:
    """ "Mali's army said it had taken control of Kidal": a state's forces taking ground
    in their own country regain it (ACLED: "Government regains territory"; round 6)."""
    place = next((p for p in state.places if p.id == place_id), None) if place_id else None
    if place is None or not place.country:
        return False
    return any(
        role in ("military", "government", "police")
        and rules.SIDE_COUNTRY_CODES.get(side) == place.country
        for side, _, role in (actor.partition(": ") for actor in actors)
    )


def _clause_chain(token: Token, lines: Lines) -> list[Token]:
    """The trigger and the tokens above it, up to the sentence root or the paragraph's
    edge (the model's sentences sometimes run across paragraphs)."""
    start, end = lines.bounds(token.idx)
    chain = [token]
    node = token
    while node.head != node and start <= node.head.idx < end:
        if node.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            break  # "... but Kyiv's forces pushed them back": a clause of its own
        node = node.head
        chain.append(node)
    return chain


def _time_root(state: DocState, time: TimeExpression) -> Token | None:
    span = state.doc.char_span(time.span.start, time.span.end, alignment_mode="expand")
    return span.root if span is not None else None


def event_date(state: DocState, trigger: Token, *, future_ok: bool = False) -> str | None:
    """A date attached to the trigger's clause, or else to the nearest clause above it.
    Dates said of the future ("hope for an end to fighting in the year ahead") date
    only planned or hypothetical events."""
    context = context_of(state)
    chain = _up_to_time_clause(_clause_chain(trigger, context.lines))
    if _in_time_phrase(trigger):
        chain = [trigger]  # "recaptured in September after months of occupation"
    predicate = _predicate_of(trigger)
    if predicate is not None:
        chain = [predicate, *chain]  # "A fire swept through the camp on Sunday"
    sentence = trigger.sent
    best: tuple[int, str] | None = None
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


def _attachment_level(root: Token, trigger: Token, chain: list[Token]) -> int | None:
    head = root
    while head.head != head:
        head = head.head
        if head == trigger or head.pos_ in ("VERB", "AUX"):
            break
        if _counts_since(head, trigger):
            return None
    return chain.index(head) if head in chain else None


def _counts_since(node: Token, trigger: Token) -> bool:
    """ "for the third time since October", "the worst since 2010": a date that starts
    the span a count or a superlative is measured over, not the event's (round 7)."""
    return (
        node.lower_ == "since"
        and node.dep_ == "prep"
        and node.head != trigger
        and node.head.pos_ in ("NOUN", "ADJ")
    )


def _mentions_in_sentence(state: DocState, sentence: SpacySpan) -> list[tuple[Token, Place]]:
    context = context_of(state)
    found = []
    for mention, place in context.places.literal.between(sentence.start_char, sentence.end_char):
        if not outside(context.dateline, mention.start):
            continue  # a dateline places nothing
        span = state.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            found.append((span.root, place))
    return found


def event_place(state: DocState, trigger: Token, kind: str = "") -> str | None:
    """A literal place of the trigger's clause (see module docstring), or None. A place
    the gazetteer could not pin ("the Abu Shouk camp") gives way to a resolved settlement
    of the same sentence ("... fled El Fasher after the RSF shelled ..."), unless it is
    told as a village or town ("Pazigyi village"): the gold names it (round 9).
    Where aid or returning people come from is not where the event is ("teams arrived
    from the provincial capital, Wabag, with food"; round 6)."""
    mentions = _mentions_in_sentence(state, trigger.sent)
    if kind in _PLACED_AT_DESTINATION:
        mentions = [(t, p) for t, p in mentions if not _is_origin(t)]
    found = _origin_of_move(trigger, mentions) if kind in _MOVES else None
    found = found or _clause_place(state, trigger, mentions)
    if found is None and kind in _PLACED_BY_OWNER:
        found = next((p for t, p in mentions if _possesses_subject(t, trigger)), None)
        found = found or _only_country(mentions)
    if found is None and _across_the_country(trigger):
        found = _report_country(state)
    if found is not None and found.kind == "country":
        found = _place_within(state, trigger, mentions, found) or found
    if found is None or found.lat is not None or _named_as_settlement(state, found):
        return found.id if found else None
    settled = [
        p for t, p in mentions
        if p.lat is not None and p.kind in _SETTLEMENT_KINDS
        and not is_reference_point(state.text, t.idx)  # "500 km west of Kathmandu"
    ]  # fmt: skip
    return settled[0].id if settled else found.id


def _named_as_settlement(state: DocState, place: Place) -> bool:
    """Whether an unresolved place is told as a village or town ("Pazigyi village", "the
    village of Tadjalalt"): the gold names it, so it stays the event's place (round 9)."""
    for mention in place.mentions:
        before = state.text[max(0, mention.start - 20) : mention.start].lower().split()
        words = [w.lower() for w in mention.text.split()]
        if words[-1:] and words[-1] in _SETTLEMENT_NOUNS:
            return True
        if before[-2:] and before[-1] == "of" and before[-2].rstrip("s") in _SETTLEMENT_NOUNS:
            return True  # "the village of X", "the villages of X and Y"
    return False


_PLACED_AT_DESTINATION = frozenset({"aid", "return"})
_MOVES = frozenset({"evacuation", "displacement"})


def _origin_of_move(trigger: Token, mentions: list[tuple[Token, Place]]) -> Place | None:
    """ "evacuated 23 wounded people from Stepanakert to hospitals in Armenia": people
    are moved out of where the event is (round 7)."""
    moved = [trigger, *(c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass"))]
    for token, place in mentions:
        if _is_origin(token) and token.head.head in moved:  # "people from X" too
            return place
    return None


def _is_origin(token: Token) -> bool:
    """ "from the provincial capital, Wabag": the place (or its apposition) after "from"."""
    node = token.head if token.dep_ in ("appos", "conj") else token
    return node.dep_ == "pobj" and node.head.lower_ == "from"


def _place_within(
    state: DocState, trigger: Token, mentions: list[tuple[Token, Place]], country: Place
) -> Place | None:
    """ "A cholera outbreak in Zambia has killed 41 people in Lusaka": a place in the
    country that the clause above the trigger names is the more precise (round 5)."""
    chain = _clause_chain(trigger, context_of(state).lines)
    for token, place in mentions:
        if (
            place.kind != "country"
            and place.country == country.country
            and not place.metonymy
            and (_locative_of(token, chain) or _locative_of(token, _objects_of(chain)))
        ):
            return place
    return None


def _objects_of(chain: list[Token]) -> list[Token]:
    """What the verbs of a clause chain act on: "killed 41 people in Lusaka"."""
    return [c for node in chain for c in node.children if c.dep_ in ("dobj", "nsubjpass")]


def _clause_place(
    state: DocState, trigger: Token, mentions: list[tuple[Token, Place]]
) -> Place | None:
    predicate = _predicate_of(trigger)
    in_clause = [
        (abs(t.i - trigger.i), p.id, p) for t, p in mentions
        if _in_own_clause(t, trigger) or (predicate is not None and _in_own_clause(t, predicate))
    ]  # fmt: skip
    if in_clause:
        return min(in_clause, key=lambda item: item[:2])[2]
    patient = _patient(trigger)
    for token, place in mentions:
        if patient is not None and token in patient.subtree and not _via_route(token, patient):
            return place
    full = _clause_chain(trigger, context_of(state).lines)
    chain = _below_speech(full)
    for token, place in mentions:
        if _locative_of(token, chain):
            return place
    speech = full[len(chain)] if len(chain) < len(full) else None
    for token, place in mentions:
        if speech is not None and _placed_by_speaker(token, speech):
            return place
    acted_on = _objects_of(chain)  # "killed 52 people in ... Assam"
    for token, place in mentions:
        if _locative_of(token, acted_on):
            return place
    # "a school in Tessit village near Gao": the first named is where the target stands.
    for token, place in sorted(mentions, key=lambda m: m[0].i):
        if _where_target_is(token, trigger):
            return place
    for token, place in mentions:
        if _locates_subject(token, trigger):
            return place
    anaphor = _settlement_anaphor(trigger, patient, chain)
    if anaphor is not None:
        return context_of(state).places.last_settlement_before(anaphor.idx)
    return None


def _where_target_is(token: Token, trigger: Token) -> bool:
    """ "bombed a crowd gathered for the opening of a community hall in Pazigyi village":
    where what an attack hits stands is where it happened, however deep in the object's
    phrase (round 9, team set)."""
    if token.dep_ != "pobj" or token.head.lower_ not in _LOCATIVES:
        return False
    if trigger.pos_ != "VERB":
        return False
    targets = {c for c in trigger.children if c.dep_ == "dobj"}
    node = token
    while node.head != node and node not in targets:
        # A participle describing the target ("a crowd gathered for ...") is its phrase,
        # whatever tag the parser gives it; any other verb opens a clause of its own.
        if node.pos_ in ("VERB", "AUX") and node.dep_ != "acl":
            return False
        if node.dep_ in ("nsubj", "agent", "poss") or _is_route_end(node):
            return False
        node = node.head
    return node in targets


def _predicate_of(trigger: Token) -> Token | None:
    """The verb a noun trigger is the subject of in a reduced clause ("A fire swept
    through a camp ... on Sunday", parsed as the fire's ``acl``): its place and date
    are the event's."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return None
    return next((c for c in trigger.children if c.dep_ == "acl" and c.pos_ == "VERB"), None)


def _below_speech(chain: list[Token]) -> list[Token]:
    """The clause chain up to the verb that reports it: "The guards were freed ...,
    the minister told a news conference in Quito" happened not in Quito. A speech verb
    with no speaker tells the event itself ("Protests were reported in Rangpur")."""
    for index, node in enumerate(chain[1:], start=1):
        if (
            node.pos_ == "VERB"
            and node.lemma_.lower() in rules.SPEECH_VERBS
            and any(c.dep_ == "nsubj" for c in node.children)
        ):
            return chain[:index]
    return chain


def _placed_by_speaker(token: Token, speech: Token) -> bool:
    """ "In northern Shan alone, aid agencies say 40,000 people have fled", "Witnesses in
    Petare said armed men fired on crowds": a place put before the reporting verb, or
    where the witnesses are, is where what they report happened (round 9). One after it
    ("..., the minister told a news conference in Quito") is only where it was said."""
    if token.dep_ != "pobj" or token.head.lower_ not in _LOCATIVES:
        return False
    prep = token.head
    if prep.head == speech and prep.i < speech.i:
        return True
    witness = prep.head
    return (
        witness.dep_ == "nsubj"
        and witness.head == speech
        and witness.lemma_.lower() in rules.WITNESSES
    )


def _locates_subject(token: Token, trigger: Token) -> bool:
    """ "Inmates at the Litoral penitentiary in Guayaquil rioted": with no place of its
    own, an event happens where its subject is placed."""
    subjects = _subjects(trigger) if trigger.pos_ == "VERB" else []
    if not subjects or token not in subjects[0].subtree:
        return False
    node = token
    while node != subjects[0]:
        if node.pos_ in ("VERB", "AUX") or _is_route_end(node):
            return False
        node = node.head
    return token.dep_ == "pobj" and token.head.lower_ in ("in", "at", "near", "inside")


def _subjects(verb: Token) -> list[Token]:
    """The verb's subject, or, for a verb joined by "and" with none of its own, the first
    verb's ("Fighting in the X region has killed 63 and driven 32,000 from their homes")."""
    own = [c for c in verb.children if c.dep_ == "nsubj"]
    if own or verb.dep_ != "conj" or verb.head.pos_ != "VERB":
        return own
    return [c for c in verb.head.children if c.dep_ == "nsubj"]


def _possesses_subject(token: Token, trigger: Token) -> bool:
    """ "Cuba's national grid collapsed": the owner of what broke places its breaking."""
    if token.dep_ != "poss":
        return False
    if trigger.pos_ in ("NOUN", "PROPN") and token.head == trigger:
        return True
    # "... grid collapsed, leaving millions without power": the verbs above the trigger.
    verbs = [n for n in (trigger, *trigger.ancestors) if n.pos_ == "VERB"]
    return any(token.head.dep_ in ("nsubj", "nsubjpass") and token.head.head == v for v in verbs)


def _only_country(mentions: list[tuple[Token, Place]]) -> Place | None:
    """ "Cuba's grid collapsed, leaving millions without power" (however it is parsed):
    a sentence naming one country and no place in it tells a country-wide event, not
    one at the report's main city (round 7)."""
    named = {p.id: p for t, p in mentions if not _in_speaker(t)}
    if len(named) == 1 and len({p.id for _, p in mentions}) == 1:
        (place,) = named.values()
        return place if place.kind == "country" else None
    return None


_COUNTRY_NOUNS = frozenset({"country", "nation"})


def _across_the_country(trigger: Token) -> bool:
    """ "Mobile internet has been cut across the country", "a nationwide curfew": the
    event is the country's, not the report's main city's (round 7, team set)."""
    chain = [trigger, *(n for n in trigger.ancestors if n.pos_ in ("VERB", "AUX"))][:2]
    for node in (trigger, *chain):
        if any(c.lower_ == "nationwide" for c in node.children):
            return True
        for prep in node.children:
            if (
                prep.dep_ == "prep"
                and prep.lower_ in ("across", "throughout")
                and any(o.lemma_.lower() in _COUNTRY_NOUNS and _definite(o) for o in prep.children)
            ):
                return True
    return False


def _report_country(state: DocState) -> Place | None:
    """The country the report names most as a place (not as an actor)."""
    countries = [p for p in state.places if p.kind == "country" and not p.metonymy]
    return max(countries, key=lambda p: len(p.mentions), default=None)


def _in_speaker(token: Token) -> bool:
    """In who says it ("said Bangladesh's refugee commissioner"): no place of the event."""
    return any(
        node.dep_ == "nsubj" and node.head.lemma_.lower() in rules.SPEECH_VERBS
        for node in (token, *token.ancestors)
    )


# Outages: where the network that failed belongs is where it failed. Disasters were
# tried too and withdrawn: "Nepal's deadliest quake" then split from its district's
# telling (round 7, team set: jajarkot, herat, mongla tellings).
_PLACED_BY_OWNER = frozenset({"infrastructure_damage"})


def _in_own_clause(token: Token, trigger: Token) -> bool:
    """In the trigger's subtree, but not in its actor or in a clause below it."""
    if token == trigger:
        return False
    node = token
    while node != trigger:
        if node.dep_ in ("agent", "nsubj", "poss"):
            return False
        # "evacuate villagers stranded on rooftops in Morigaon": a participle describing
        # who the event acts on is still its clause (round 6); other verbs are clauses.
        if node.pos_ in ("VERB", "AUX") and not (node.dep_ == "acl" and node.tag_ == "VBN"):
            return False
        if node.head == node or _is_route_end(node):
            return False
        node = node.head
    return True


def _via_route(token: Token, top: Token) -> bool:
    """Whether ``token`` hangs from ``top`` through a route's end ("road to X")."""
    node = token
    while node != top and node.head != node:
        if _is_route_end(node):
            return True
        node = node.head
    return False


def _is_route_end(node: Token) -> bool:
    """ "the road to Chimoio", "a convoy from Port Sudan": where a thing leads, not where
    the event happens (a verb's "returned to Bakhmut" still places it)."""
    prep = node.head
    if node.dep_ == "pobj" and prep.lower_ == "to" and prep.head.lemma_.lower() in _LINKING:
        return True  # "the main bridge linking the city to Damaturu" (round 6)
    return (
        node.dep_ == "pobj"
        and prep.lower_ in ("to", "from", "towards", "toward")
        and prep.head.pos_ in ("NOUN", "PROPN")
        # "cutting electricity to Khartoum": where a utility goes is where it is cut
        and prep.head.lemma_.lower() not in rules.UTILITIES
    )


_LINKING = frozenset({"link", "connect", "join"})


def _patient(trigger: Token) -> Token | None:
    """What a passive trigger acts on: its subject, or its clause's ("after being occupied")."""
    own = [c for c in trigger.children if c.dep_ == "nsubjpass"]
    if own:
        return own[0]
    if trigger.dep_ == "relcl":
        return trigger.head  # "The city, which Ukrainian forces retook in 2022"
    passive = any(c.dep_ == "auxpass" for c in trigger.children)
    if passive and not any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children):
        for ancestor in trigger.ancestors:
            subjects = [c for c in ancestor.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                return subjects[0]
    return None


# "in India's northeastern state of Assam", "in the city of Izmail": the place noun
# stands where the name would (round 5, assam_flood and odesa_grid).
_PLACE_NOUNS = frozenset(
    {"state", "province", "region", "city", "town", "village", "district", "county",
     "country", "area", "capital", "governorate", "oblast", "municipality"}
)  # fmt: skip


def _locative_of(token: Token, chain: list[Token]) -> bool:
    while token.dep_ == "compound" and token.head.pos_ in ("NOUN", "PROPN"):
        token = token.head  # "at the Merowe dam", "in the Al-Sahaba neighbourhood"
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        noun = token.head.head
        if noun.lemma_.lower() in _PLACE_NOUNS:
            token = noun
    # "stopped at a checkpoint near Habila": a locative inside a locative (round 6).
    for _ in range(3):
        prep = token.head
        if token.dep_ != "pobj" or prep.lower_ not in _LOCATIVES:
            return False
        if prep.head in chain:
            return True
        token = prep.head
    return False


# "Protests broke out across Kharkiv and Odesa" (round 8): across/throughout place too.
_LOCATIVES = frozenset({"in", "near", "at", "around", "outside", "inside", "across", "throughout"})


def _settlement_anaphor(
    trigger: Token, patient: Token | None, chain: Sequence[Token] = ()
) -> Token | None:
    """ "the city", "the town" in the trigger's clause; "in the capital" said where the
    clause above it happened ("22 people were killed in the capital ... as protesters
    clashed with police"; round 6)."""
    scope = list(trigger.subtree) + (list(patient.subtree) if patient is not None else [])
    for token in scope:
        if token.lemma_.lower() in _SETTLEMENT_NOUNS and _definite(token):
            return token
    for node in chain[1:]:
        for prep in node.children:
            if prep.dep_ != "prep" or prep.lower_ not in _LOCATIVES:
                continue
            for noun in prep.children:
                if (
                    noun.dep_ == "pobj"
                    and noun.lemma_.lower() in _ANAPHORIC_PLACES
                    and _definite(noun)
                ):
                    return noun
    return None


_ANAPHORIC_PLACES = _SETTLEMENT_NOUNS | {"capital"}


def _definite(noun: Token) -> bool:
    return any(c.lower_ in ("the", "this", "that") for c in noun.children)


# --------------------------------------------------------------------------- actors


def event_actors(trigger: Token, *, dateline: tuple[int, int] = (0, 0)) -> tuple[str, ...]:
    """The sides of the event's actors; words of the dateline, which the parser sometimes
    hangs on the subject ("PORT SUDAN, 14 May — The convoy"), are no actor."""
    actors: list[str] = []
    for head, tokens in _actor_phrases(trigger):
        side = normalise_actor(head, [t for t in tokens if outside(dateline, t.idx)])
        if side and side not in actors:
            actors.append(side)
    return tuple(actors)


def _actor_phrases(trigger: Token) -> list[tuple[Token, list[Token]]]:
    """(head, tokens) of each actor phrase: the agent or subject; for a noun trigger its
    modifiers ("Russian attacks"), else the subject of the verb it hangs from."""
    own: list[Token] = []
    for child in trigger.children:
        if child.dep_ == "agent":
            own += [c for c in child.children if c.dep_ == "pobj"]
        elif (child.dep_ == "nsubj" and trigger.pos_ == "VERB") or (
            child.dep_ in ("poss", "amod", "compound") and trigger.pos_ == "NOUN"
        ):
            own.append(child)
    governing: list[Token] = []
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "pobj"):
        # "troops stepping up attacks", "forces pushed them back in an offensive"
        verb = trigger.head if trigger.dep_ == "dobj" else trigger.head.head
        governing = [c for c in verb.children if c.dep_ == "nsubj"]
    own = [_speaker_for_pronoun(h) or h for h in own]
    phrases = []
    for heads in (own, governing):
        for head in heads:
            for member in (head, *head.conjuncts):
                others = {t.i for c in member.conjuncts for t in c.subtree if c.i > member.i}
                tokens = [t for t in member.subtree if t.i not in others]
                phrases.append((member, tokens))
        if any(normalise_actor(h, t) for h, t in phrases):
            break
    return phrases


def _speaker_for_pronoun(subject: Token) -> Token | None:
    """ "Mali's army said it had taken control of Kidal": "it" (or "they") is who says
    so, the subject of the reporting verb above."""
    if subject.lower_ not in ("it", "they"):
        return None
    for node in subject.head.ancestors:
        if node.pos_ == "VERB" and node.lemma_.lower() in rules.SPEECH_VERBS:
            return next((c for c in node.children if c.dep_ == "nsubj"), None)
    return None


def normalise_actor(head: Token, tokens: list[Token]) -> str | None:
    """ "Ukrainian forces" -> "Ukraine: military"; "Moscow" -> "Russia: government"."""
    lemmas = [t.lemma_.lower() for t in tokens]
    # The side word nearest the head: "Russian troops", not "Ukraine's" further off.
    by_distance = sorted(tokens, key=lambda t: abs(t.i - head.i))
    side = next(
        (rules.SIDES[t.lower_] for t in by_distance
         if t.lower_ in rules.SIDES and not in_group_name(t)),
        None,
    )  # fmt: skip
    capital = next(
        (rules.CAPITALS[t.lower_] for t in by_distance if t.lower_ in rules.CAPITALS), None
    )
    country = side or capital or _antecedent_side(tokens)
    if country is not None:
        if any(lemma in rules.MILITARY_NOUNS for lemma in lemmas):
            return f"{country}: military"
        if any(lemma in rules.POLICE_NOUNS for lemma in lemmas):
            return f"{country}: police"
        if capital is not None or any(lemma in rules.GOVERNMENT_NOUNS for lemma in lemmas):
            return f"{country}: government"
        return country
    named = [t for t in tokens if t.ent_type_ in ("ORG", "NORP", "PERSON")]
    if named:
        return " ".join(t.text for t in named)
    return None


def _antecedent_side(tokens: list[Token]) -> str | None:
    """ "its troops", "their forces": the side named last before the pronoun, in its
    sentence or the one before ("Russia's defence ministry said its troops had taken")."""
    pronoun = next((t for t in tokens if t.lower_ in ("its", "their") and t.dep_ == "poss"), None)
    if pronoun is None:
        return None
    sentence = pronoun.sent
    start = sentence.start
    if start > 0:
        start = pronoun.doc[start - 1].sent.start
    for token in reversed(pronoun.doc[start : pronoun.i]):
        word = token.lower_
        if word in rules.SIDES or word in rules.CAPITALS:
            if in_group_name(token):
                return None  # "The Myanmar National Democratic Alliance Army ... its"
            return rules.SIDES.get(word) or rules.CAPITALS[word]
    return None


# --------------------------------------------------------------------------- modality


def event_modality(state: DocState, trigger: Token) -> tuple[Modality, str | None]:
    context = context_of(state)
    chain = _clause_chain(trigger, context.lines)
    near = _up_to_factual_clause(chain)[:3]
    for node in near:
        if any(c.dep_ == "aux" and c.lower_ in rules.HYPOTHETICAL_AUX for c in node.children):
            return "hypothetical", None
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in node.children):
            return "hypothetical", None
    for node in chain[1:]:
        lemma = node.lemma_.lower()
        if lemma in rules.SPEECH_VERBS and node.pos_ == "VERB":
            break  # "denied X, saying its forces had struck Y": Y is claimed, not denied
        if lemma in rules.DENIAL_VERBS:
            return "denial", _speaker_id(state, node)
        if lemma in rules.PLAN_VERBS:
            return "plan", None
    if any(c.dep_ == "aux" and c.lower_ in ("will", "shall") for c in near[0].children):
        return "plan", None
    quoted = _enclosing_quote_speaker(state, trigger)
    if quoted is not None:
        return "claim", quoted or None
    start, end = context.lines.bounds(trigger.idx)
    below = trigger
    for node in trigger.ancestors:
        if not start <= node.idx < end:
            break
        # Reported speech: the event sits in what the verb reports ("..., he added").
        if (
            node.lemma_.lower() in rules.SPEECH_VERBS
            and node.pos_ == "VERB"
            and below.dep_ in ("ccomp", "parataxis")
        ):
            return "claim", _speaker_id(state, node)
        below = node
    sentence = state.text[max(start, trigger.sent.start_char) : min(end, trigger.sent.end_char)]
    if "according to" in sentence.lower():
        return "claim", None
    return "fact", None


# "trains would no longer stop after the tracks were damaged": what the clause these
# marks open tells happened, whatever the mood of the clause above it.
_FACTUAL_MARKS = frozenset({"after", "since", "because", "when", "as", "before", "while"})


def _up_to_factual_clause(chain: list[Token]) -> list[Token]:
    for index, node in enumerate(chain):
        if node.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _FACTUAL_MARKS for c in node.children
        ):
            return chain[: index + 1]
    return chain


def _enclosing_quote_speaker(state: DocState, trigger: Token) -> str | None:
    """The speaker ('' when unknown) of a quote that contains the trigger, else None."""
    quotes = context_of(state).quotes.covering(trigger.idx)
    return (quotes[0].speaker or "") if quotes else None


def _speaker_id(state: DocState, verb: Token) -> str | None:
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        return None
    subject = subjects[0]
    start = min(t.idx for t in subject.subtree)
    end = max(t.idx + len(t.text) for t in subject.subtree)
    context = context_of(state)
    # Mentions that overlap the subject: they start inside it, or cover its start.
    overlapping = context.speakers.overlapping(start, end)
    if overlapping:
        return context.records[min(overlapping)].id
    if subject.pos_ == "PRON":
        return _last_person_before(state, subject.idx)
    return None


def _last_person_before(state: DocState, char: int) -> str | None:
    # max((start, id)) over the mentions before char: the last start, then the largest id.
    named = context_of(state).people.last_before(char)
    return max(named) if named else None


def _count(state: DocState, trigger: Trigger, quantity: str, rivals: list[Token]) -> int | None:
    """The sentence's count of ``quantity`` if this event has victims and is, of the
    sentence's such events, the one nearest to the count in the parse."""
    if trigger.type not in CASUALTY_TYPES:
        return None
    sentence = trigger.token.sent
    for figure in context_of(state).figures.between(sentence.start_char, sentence.end_char):
        if figure.quantity != quantity or figure.value is None:
            continue
        if is_part_of_toll(state.text, figure) or is_vague(figure):
            continue  # "Two children were among the dead", "dozens killed": no toll
        if len(rivals) > 1:
            span = state.doc.char_span(figure.span.start, figure.span.end, alignment_mode="expand")
            if span is not None and nearest(span.root, rivals) != trigger.token:
                return None
        return round(figure.value)
    victim = _single_victim(sentence, quantity)
    if victim is not None and (len(rivals) < 2 or nearest(victim, rivals) == trigger.token):
        return 1
    return None


_SINGLE = frozenset({"a", "an", "the", "one"})
_HARM_VERBS = {"killed": frozenset({"kill"}), "injured": frozenset({"injure", "wound", "hurt"})}


def _single_victim(sentence: SpacySpan, quantity: str) -> Token | None:
    """ "the driver was killed", "killing a woman": one victim told without a number."""
    verbs = _HARM_VERBS.get(quantity, frozenset())
    for token in sentence:
        if token.pos_ != "VERB" or token.lemma_.lower() not in verbs:
            continue
        for child in token.children:
            if child.dep_ in ("nsubjpass", "dobj") and _one_person(child):
                return token
    return None


def _one_person(noun: Token) -> bool:
    return (
        noun.tag_ == "NN"
        and noun.lemma_.lower() in PEOPLE_NOUNS
        and any(c.dep_ in ("det", "nummod") and c.lower_ in _SINGLE for c in noun.children)
        and not any(c.dep_ == "conj" for c in noun.children)
    )
