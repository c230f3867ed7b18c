"""A learned confidence for events (round 16, session 11).

Each event the stage produces is described by a few general properties of its record
and its telling (no words of any report): its type's family, whether its trigger is a
verb and stands in the sentence's main clause, the tense of that clause, whether its date
and place are its own words' or inferred, where in the report it is told, whether it is
told in a quotation, how often, with an actor or a toll, and whether the report tells
other events of its type. A logistic regression learned from annotated reports
(``evaluation.train_events``, ``sitrep eval train-events``) turns them into a probability
that the event is right.

Measured by leave-one-set-out over outside sets a-l, withholding the events it scores low
did not raise event F1 on the held-out sets, and it withheld right events of the team's
own sets: the pipeline does not use it (docs/EVENTS.md, "Round 16 — learned event
confidence"). ``all_event_features`` and ``EventModel`` stay for measuring again.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Token

from sitrep.records import Event, Place
from sitrep.stages.events_background import BACKGROUND_AFTER_DAYS, last_day, lead_end, report_day
from sitrep.stages.events_dating import is_inferred
from sitrep.stages.events_document import headline_end
from sitrep.stages.events_triggers import trigger_type
from sitrep.stages.figures_index import Lines
from sitrep.stages.state import DocState

# sitrep's event types grouped into families, as the gold vocabulary groups them
# (evaluation.vocabulary); damage to infrastructure is a family of its own. The rest
# (arrests, releases, restrictions, access blocked: "other") is the base.
_FAMILIES: Mapping[str, str] = {
    "attack": "attack", "shelling": "attack", "airstrike": "attack",
    "armed_clash": "battle", "siege": "battle",
    "capture": "capture", "occupation": "capture", "recapture": "capture",
    "displacement": "displacement", "evacuation": "displacement", "return": "displacement",
    "protest": "protest", "disaster": "disaster", "aid": "aid",
    "infrastructure_damage": "damage",
}  # fmt: skip

FEATURE_NAMES: tuple[str, ...] = (
    "family_attack",
    "family_battle",
    "family_capture",
    "family_displacement",
    "family_protest",
    "family_disaster",
    "family_aid",
    "family_damage",
    "trigger_verb",  # the trigger is a verb (else a noun or an adjective)
    "main_clause",  # the trigger's clause is the sentence's main clause
    "tense_past",  # its clause verb is in the past tense
    "tense_present",  # in the present (or present perfect)
    "date_own",  # the event's own words date it
    "date_inferred",  # dated by the report's day (events_dating)
    "date_day",  # dated to the day
    "date_old",  # its own date ends more than a week before the report's day
    "place_none",
    "place_country",
    "place_region",
    "place_told",  # its place is named in its own evidence
    "place_share",  # share of the report's place mentions that are its place's
    "in_headline",
    "in_lead",
    "position",  # where it is first told, 0 (top) to 1 (end)
    "claim",  # told as someone's claim
    "in_quote",  # first told inside a quotation
    "tellings",  # log(1 + number of evidence spans)
    "has_actor",
    "has_toll",
    "same_type_other",  # the report tells another event of its family
    "same_type_place",  # ... at the same place
    "same_type_near",  # ... at another place of the same province
    "first_of_family",  # the first event of its family the report tells
    "place_in_headline",  # its place is named in the headline
    "place_mentions",  # log(1 + mentions of its place)
    "events_in_report",  # log(1 + the report's events)
    "sentence_words",  # words of its first telling / 50
)


@dataclass(frozen=True, slots=True)
class EventModel:
    """A logistic regression over named features, with the threshold under which an
    event would be withheld."""

    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float
    meta: Mapping[str, Any]

    def probability(self, features: Mapping[str, float]) -> float:
        z = self.bias + sum(
            w * features.get(n, 0.0) for n, w in zip(self.features, self.weights, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> str:
        return json.dumps(
            {
                **self.meta,
                "features": list(self.features),
                "weights": [round(w, 6) for w in self.weights],
                "bias": round(self.bias, 6),
                "threshold": self.threshold,
            },
            indent=1,
        )

    @classmethod
    def from_json(cls, text: str) -> EventModel:
        data = json.loads(text)
        features = tuple(str(n) for n in data["features"])
        weights = tuple(float(w) for w in data["weights"])
        if len(features) != len(weights):
            raise ValueError("event confidence model: one weight per feature expected")
        own = ("features", "weights", "bias", "threshold")
        meta = {k: v for k, v in data.items() if k not in own}
        return cls(features, weights, float(data["bias"]), float(data["threshold"]), meta)


# Only events told as having happened are scored by the gold, and only they would be
# withheld.
WITHHELD_MODALITIES = frozenset({"fact", "claim"})


# --------------------------------------------------------------------------- features


def family(kind: str) -> str:
    """The event type's family ("other" when none)."""
    return _FAMILIES.get(kind, "other")


def all_event_features(events: Sequence[Event], state: DocState) -> list[dict[str, float]]:
    """The features of each event of the report (they depend on the others)."""
    text = state.text
    lines = Lines(text)
    headline = headline_end(lines, text)
    lead = lead_end(text, headline)
    mentions = _mention_counts(state.places)
    total_mentions = sum(mentions.values()) or 1
    today = report_day(state.published)
    families = [family(e.type) for e in events]
    by_id = {p.id: p for p in state.places}
    province = {p.id: (p.country, p.admin1) for p in state.places if p.admin1}
    in_headline = {p.id for p in state.places if any(m.start < headline for m in p.mentions)}
    out = []
    for index, (event, fam) in enumerate(zip(events, families, strict=True)):
        others = [(f, e.place) for f, e in zip(families, events, strict=True) if e is not event]
        area = province.get(event.place or "")
        features = {f"family_{fam}": 1.0} if fam != "other" else {}
        features.update(_trigger_features(event, state))
        features.update(_date_features(event, today))
        features.update(_place_features(event, state.places, mentions, total_mentions))
        first = event.evidence[0].start if event.evidence else len(text)
        features.update(
            in_headline=float(first < headline),
            in_lead=float(headline <= first < lead),
            position=first / max(1, len(text)),
            claim=float(event.modality == "claim"),
            in_quote=float(any(q.span.start <= first < q.span.end for q in state.quotes)),
            tellings=math.log1p(len(event.evidence)),
            has_actor=float(bool(event.actors)),
            has_toll=float(event.killed is not None or event.injured is not None),
            same_type_other=float(any(f == fam for f, _ in others)),
            same_type_place=float(any(f == fam and p == event.place for f, p in others)),
            same_type_near=float(
                area is not None
                and any(
                    f == fam and p != event.place and province.get(p or "") == area
                    for f, p in others
                )
            ),
            first_of_family=float(fam not in families[:index]),
            place_in_headline=float(event.place in in_headline),
            place_mentions=math.log1p(len(by_id[event.place].mentions))
            if event.place in by_id
            else 0.0,
            events_in_report=math.log1p(len(events)),
            sentence_words=len(event.evidence[0].text.split()) / 50 if event.evidence else 0.0,
        )
        out.append({name: v for name, v in features.items() if v})
    return out


def event_features(event: Event, state: DocState) -> dict[str, float]:
    """The features of one event, as if it were the report's only one."""
    return all_event_features([event], state)[0]


def _mention_counts(places: Sequence[Place]) -> dict[str, int]:
    return {p.id: len(p.mentions) for p in places}


def _date_features(event: Event, today: Any) -> dict[str, float]:
    if event.date is None:
        return {}
    if is_inferred(event):
        return {"date_inferred": 1.0}
    last = last_day(event.date)
    old = today is not None and last is not None and (today - last).days > BACKGROUND_AFTER_DAYS
    return {
        "date_own": 1.0,
        "date_day": float(event.date_precision == "day"),
        "date_old": float(old),
    }


def _place_features(
    event: Event, places: Sequence[Place], mentions: Mapping[str, int], total: int
) -> dict[str, float]:
    place = next((p for p in places if p.id == event.place), None) if event.place else None
    if place is None:
        return {"place_none": 1.0}
    told = any(span.start <= m.start < span.end for span in event.evidence for m in place.mentions)
    return {
        "place_country": float(place.kind == "country"),
        "place_region": float(place.kind == "region"),
        "place_told": float(told),
        "place_share": mentions.get(place.id, 0) / total,
    }


def _trigger_features(event: Event, state: DocState) -> dict[str, float]:
    trigger = _trigger(event, state)
    if trigger is None:
        return {}
    verb = _clause_verb(trigger)
    finite = _finite_verb(verb)
    tags = {finite.tag_, *(c.tag_ for c in finite.children if c.dep_ in ("aux", "auxpass"))}
    modal = any(c.tag_ == "MD" for c in finite.children)
    past = not modal and "VBD" in tags
    present = not modal and not past and bool(tags & {"VBZ", "VBP"})
    return {
        "trigger_verb": float(trigger.pos_ == "VERB"),
        "main_clause": float(_in_main_clause(verb)),
        "tense_past": float(past),
        "tense_present": float(present),
    }


def _trigger(event: Event, state: DocState) -> Token | None:
    """The word that tells the event in its first telling: a trigger of its family, else
    any trigger word there, else None."""
    if not event.evidence:
        return None
    span = state.doc.char_span(
        event.evidence[0].start, event.evidence[0].end, alignment_mode="expand"
    )
    if span is None:
        return None
    fam = family(event.type)
    found = [(t, trigger_type(t)) for t in span if t.pos_ in ("VERB", "NOUN", "PROPN", "ADJ")]
    typed = [t for t, kind in found if kind is not None]
    same = [t for t in typed if family(trigger_type(t) or "") == fam]
    candidates = same or typed
    return candidates[0] if candidates else None


def _clause_verb(token: Token) -> Token:
    """The verb whose clause the trigger stands in (itself when a verb)."""
    node = token
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") or node.head is node:
            return node
        node = node.head
    return node


def _finite_verb(verb: Token) -> Token:
    """The verb that carries the tense: "forced thousands to flee" for "flee", "attacked
    X and killed Y" for "killed"."""
    node = verb
    while node.dep_ in ("xcomp", "conj") and node.head is not node and not _has_tense(node):
        node = node.head
    return node


def _has_tense(verb: Token) -> bool:
    return verb.tag_ in ("VBD", "VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ != "TO" for c in verb.children
    )


def _in_main_clause(verb: Token) -> bool:
    """The clause is the sentence's root, joined to it ("attacked X and killed Y") or
    its complement ("forced thousands to flee")."""
    node = verb
    while node.dep_ in ("conj", "xcomp") and node.head is not node:
        node = node.head
    return node.dep_ == "ROOT"
