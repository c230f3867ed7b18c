"""The events stage: what happened, where, when, by whom — rule-based over the parse.

A trigger word (``events_rules``, found by ``events_triggers``) makes an event of its
type. This module runs the stage and builds each event from its trigger; the parts
each have a module:

* ``events_context`` — the report's records indexed by position, clause chains;
* ``events_when`` — the date the trigger's own clause states (``events_dating``: the
  report's date lent to events told as holding now);
* ``events_place`` — the place chosen within the sentence;
* ``events_split`` — one event per place of a list ("in Mombasa, Kisumu and Nakuru"),
  the list of the trigger's own clause first (``events_clause``, round 12);
* ``events_filters`` — trigger words that tell no event where they stand;
* ``events_actors`` — actors normalised to sides;
* ``events_modality`` — fact, claim, denial, plan, hypothetical;
* ``events_counts`` — killed and injured told in the event's own line;
* ``events_document`` — merging the tellings of one event, with consequences folded
  into their event (``events_consequences``);
* ``events_tolls`` — tolls told apart from their event, given to the event told there,
  with the toll's sentence as evidence (round 13);
* ``events_protest`` — arrests and blockades of the protest family (round 12);
* ``events_implicit`` — events told without a trigger word: "Gunfire was reported in
  A", "staged sit-ins", people moved to shelters, aid that lands (round 14).
* ``events_background`` — today's event kept apart from a dated background telling of
  its type and place (round 14);
* ``events_shares`` — shares of a toll told by town ("Three of the dead were in X") and
  the member a list's total goes to (round 14).
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from sitrep.records import Event, Published, Span
from sitrep.resources import Resources
from sitrep.stages import events_rules as rules
from sitrep.stages.events_actors import event_actors, normalise_actor
from sitrep.stages.events_background import refers_from_time_phrase, report_day
from sitrep.stages.events_breakdown import add_breakdown_events
from sitrep.stages.events_clause import clause_place_list
from sitrep.stages.events_consequences import fold_placed_damage
from sitrep.stages.events_context import EventContext, context_of
from sitrep.stages.events_country_tellings import fold_country_tellings
from sitrep.stages.events_counts import casualty_count
from sitrep.stages.events_dating import date_from_report, tells_current_state
from sitrep.stages.events_document import CASUALTY_TYPES, consolidate
from sitrep.stages.events_filters import tells_no_event
from sitrep.stages.events_modality import event_modality
from sitrep.stages.events_no_harm import with_tolls_of_none
from sitrep.stages.events_place import event_place
from sitrep.stages.events_protest import blockades_as_protests, fold_into_protests
from sitrep.stages.events_sentence import is_setting, renewal
from sitrep.stages.events_split import at_conjoined_places
from sitrep.stages.events_tolls import assign_tolls
from sitrep.stages.events_triggers import Trigger, find_triggers, trigger_type
from sitrep.stages.events_when import event_date
from sitrep.stages.events_worst_hit import add_worst_hit_events
from sitrep.stages.registry import stage
from sitrep.stages.state import DocState
from sitrep.stages.times_rules import precision

# The names callers imported from here before the stage was split into modules.
__all__ = [
    "EventContext",
    "context_of",
    "event_actors",
    "event_date",
    "event_modality",
    "event_place",
    "extract_events",
    "normalise_actor",
]

# Confidence: a trigger alone is a guess; each thing the clause confirms adds to it.
BASE_CONFIDENCE = 0.5
CONFIRMATION_BONUS = 0.1
MAX_CONFIDENCE = 0.95


@stage(
    "events",
    requires=("doc", "places", "people", "times", "published", "figures"),
    # It also adds places: a capitalised name listed in a trigger's clause that the place
    # stage dropped becomes an unpinned place, so the event can point at it (events_clause).
    assigns=("events", "places"),
)
def extract_events(state: DocState, resources: Resources) -> None:
    """Fill ``state.events``."""
    year = _year_of(state.published)
    triggers = [t for t in find_triggers(state) if not tells_no_event(t.token, t.type, year)]
    rivals = _casualty_triggers_by_sentence(triggers)
    told: list[tuple[Event, bool]] = []  # (event, told only as the setting of another)
    apart: set[frozenset[str]] = set()
    seen: dict[tuple[object, ...], int] = {}
    # (type, first evidence offset) of events told as holding now: only those the report's
    # own date may date (events_dating); the key survives consolidation's renumbering.
    current: set[tuple[str, int]] = set()
    # (type, telling) of an event told as happening again (renewal): by type, for "since
    # Moscow opened a new offensive" renews no shelling its sentence tells (session 18).
    renewed: set[tuple[str, Span]] = set()
    referring: set[int] = set()  # "six months after the earthquake" (events_background)
    collapses: set[int] = set()  # where a disaster is told by a structure collapsing
    listed: set[tuple[int, str]] = set()  # (telling, place) of events split over a list
    for trigger in triggers:
        event = _event(state, trigger, "E0", rivals.get(trigger.token.sent.start, []))
        if _asks_who(trigger.token) or _habitual(trigger.token):
            continue
        if _refers_back(trigger.token, event, told):
            continue
        setting = is_setting(trigger.token)
        if refers_from_time_phrase(trigger.token):
            referring.update(span.start for span in event.evidence)
        if renewal(trigger.token):
            renewed.update((event.type, span) for span in event.evidence)
        if trigger.type == "disaster" and trigger.token.lemma_.lower() in rules.COLLAPSE_VERBS:
            collapses.add(event.evidence[0].start)
        if tells_current_state(trigger.token):
            current.add((event.type, event.evidence[0].start))
        # "in Maracay, Valencia and Coro": one event at each place instead of the one.
        split = at_conjoined_places(state, trigger.token, event, apart)
        listed.update((each.evidence[0].start, each.place or "") for each in split)
        for each in split or [event]:
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
    merged = consolidate(
        events,
        state.places,
        state.text,
        apart=frozenset(apart),
        renewed=frozenset(renewed),
        collapses=frozenset(collapses),
        listed=frozenset(listed),
        year=year or _latest_year_told(state),
        today=report_day(state.published),
        referring=frozenset(referring),
    )
    # "with A, B and C worst hit": the event at each (session 18), before tolls are given.
    worst_hit = add_worst_hit_events(merged, state)
    added = frozenset(e.id for e in worst_hit[len(merged) :])
    # Tolls told in sentences of their own go to the event told there (round 13).
    consolidated = assign_tolls(worst_hit, state, placed_only=added)
    # Damage at a town of its own after the quake is the quake's (round 23).
    consolidated = fold_placed_damage(consolidated, state.text)
    consolidated = add_breakdown_events(consolidated, state)  # one per place (round 17)
    consolidated = with_tolls_of_none(consolidated, state)  # "no one was hurt" (round 18b)
    consolidated = fold_country_tellings(consolidated, state.places)  # (round 20)
    # Arrests and releases of protesters are the protest's (round 12, EVENT_TYPES.md).
    folded = fold_into_protests(consolidated, state.text, state.places)
    consolidated = [dataclasses.replace(e, id=f"E{i + 1}") for i, e in enumerate(folded)]
    # After merging: a date inferred from the report must not make two tellings agree.
    dated = date_from_report(
        consolidated,
        state.published,
        lambda e: any((e.type, span.start) in current for span in e.evidence),
    )
    # Retyped after dating: the report's date is lent by (type, telling) (round 12).
    state.events = blockades_as_protests(dated, state.text)


def _year_of(published: Published) -> int | None:
    """The year the report was written in, or None when nothing says it."""
    day = published.date or (published.window[1] if published.window else None)
    return int(day[:4]) if day and day[:4].isdigit() else None


def _latest_year_told(state: DocState) -> int | None:
    """With no publication date, the latest year a date of the report states: the report
    was written no earlier ("March 17, 2026 4:12 PM" under a headline; round 13)."""
    years = [
        int(t.value[:4]) for t in state.times
        if t.kind == "date" and t.anchor == "absolute" and t.value and t.value[:4].isdigit()
    ]  # fmt: skip
    return max(years, default=None)


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
    if clause_place_list(trigger):
        return False  # "the blockades would continue at A and B": told anew, at each
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
    killed = casualty_count(state, trigger, "killed", rivals)
    injured = casualty_count(state, trigger, "injured", rivals)
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
