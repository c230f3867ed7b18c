"""Event and figure evaluation (``sitrep eval events``) over gold files in the format of
shared/spec/GOLD_FORMAT.md.

It is a view of ``sitrep eval report`` (``evaluation.report``) restricted to events and
figures, so both harnesses always agree: an event matches on type (through
``vocabulary.EVENT_TYPES``), place (same name or within 161 km) and month; a figure on an
overlapping mention and the same value. The scoring policy lives there too:

* only events told as having happened (modality ``fact`` or ``claim``) are scored; a
  denied, planned or hypothetical event is neither a hit nor a false positive;
* a vague count ("thousands", "dozens") that matches no gold figure is not a false positive.

``casualty_acc`` is judged on matched events whose gold gives a number: every stated count
(killed, injured) must be exactly right.

For reading errors (``--errors``), ``event_errors`` describes each missed gold event with
its fields, each spurious event with its fields and evidence sentence, and each matched
event whose counts are wrong with both sides; a missed event also names the predicted
event of its type that came nearest and what kept them apart (place or month).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.evaluation.gold import article_name, read_gold
from sitrep.evaluation.report import (
    DocumentScore,
    EvalResult,
    EventContext,
    evaluate_report_dir,
    event_closeness,
    event_date_agrees,
    event_matches,
    event_place_right,
    event_types_agree,
    is_scored_event,
    score_document,
)
from sitrep.evaluation.scoring import PRF, Accuracy, match_one_to_one
from sitrep.records import Event, Report

# The gold sections this harness reads (places are needed to place the gold events).
SECTIONS = ("doc", "places", "events", "figures")


@dataclass(frozen=True, slots=True)
class EventErrors:
    """One report's event errors, each a line for reading."""

    missed: tuple[str, ...] = ()
    spurious: tuple[str, ...] = ()
    wrong_casualties: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EventsScore:
    """One report's event and figure scores (a view of its ``DocumentScore``)."""

    doc: DocumentScore
    errors: EventErrors | None = None

    @property
    def name(self) -> str:
        return self.doc.name

    @property
    def error(self) -> str | None:
        return self.doc.error

    @property
    def events(self) -> PRF:
        return self.doc.prf.get("events", PRF())

    @property
    def figures(self) -> PRF:
        return self.doc.prf.get("figures", PRF())

    @property
    def casualties(self) -> Accuracy:
        return self.doc.acc.get("events_casualty_acc", Accuracy())

    @property
    def figure_what(self) -> Accuracy:
        return self.doc.acc.get("figures_what_acc", Accuracy())

    @property
    def unscored_events(self) -> int:
        return self.doc.unscored_events

    @property
    def missed(self) -> list[str]:
        if self.errors is None:
            events = [f"event {m}" for m in self.doc.missed.get("events", [])]
        else:
            events = [f"event {m}" for m in self.errors.missed]
        return events + [f"figure {m}" for m in self.doc.missed.get("figures", [])]

    @property
    def spurious(self) -> list[str]:
        if self.errors is None:
            events = [f"event {m}" for m in self.doc.spurious.get("events", [])]
        else:
            events = [f"event {m}" for m in self.errors.spurious]
        return events + [f"figure {m}" for m in self.doc.spurious.get("figures", [])]

    @property
    def wrong_casualties(self) -> list[str]:
        return [] if self.errors is None else [f"event {m}" for m in self.errors.wrong_casualties]


@dataclass(slots=True)
class EventsResult:
    report: EvalResult
    documents: list[EventsScore] = field(default_factory=list)

    @property
    def skipped(self) -> list[str]:
        return self.report.skipped

    def metrics(self) -> dict[str, float | int | None]:
        m = self.report.metrics()
        events = self.report.section_totals()["events"]
        return {
            "event_precision": m["events_precision"],
            "event_recall": m["events_recall"],
            "event_f1": m["events_f1"],
            "casualty_acc": m["events_casualty_acc"],
            "killed_acc": m["events_killed_acc"],
            "injured_acc": m["events_injured_acc"],
            "figure_precision": m["figures_precision"],
            "figure_recall": m["figures_recall"],
            "figure_f1": m["figures_f1"],
            "figure_what_acc": m["figures_what_acc"],
            "events_tp": events.tp,
            "events_fp": events.fp,
            "events_fn": events.fn,
            "events_unscored": m["events_unscored"],
            "documents": m["documents"],
            "skipped": m["skipped"],
            "failures": m["failures"],
        }

    def to_json(self) -> str:
        return json.dumps(self.metrics())


def score_events_document(gold: Mapping[str, Any], report: Report) -> EventsScore:
    doc = score_document({k: gold[k] for k in SECTIONS if k in gold}, report)
    return EventsScore(doc, event_errors(gold, report))


def evaluate_events_dir(data_dir: Path, extract: Callable[[str, str], Report]) -> EventsResult:
    """Score every ``gold/NAME.json`` of ``data_dir`` against ``extract(text, name)``; a
    document the extractor fails on is scored as empty and listed with its error."""
    reports: dict[str, Report] = {}

    def remembered(text: str, name: str) -> Report:
        reports[name] = extract(text, name)
        return reports[name]

    result = evaluate_report_dir(data_dir, remembered)
    golds = _golds_by_article(data_dir)
    documents = [
        EventsScore(d, _errors_of(golds.get(d.name), reports.get(d.name))) for d in result.documents
    ]
    return EventsResult(result, documents)


def _golds_by_article(data_dir: Path) -> dict[str, dict[str, Any]]:
    golds = {}
    for path in sorted((data_dir / "gold").glob("*.json")):
        gold = read_gold(path)
        golds[article_name(gold, path)] = gold
    return golds


def _errors_of(gold: Mapping[str, Any] | None, report: Report | None) -> EventErrors | None:
    return None if gold is None or report is None else event_errors(gold, report)


# ----------------------------------------------------------------------------- errors


def event_errors(gold: Mapping[str, Any], report: Report) -> EventErrors:
    """The event errors of one report, matched exactly as ``score_events`` matches them."""
    gold_events = _gold_items(gold, "events")
    ctx = EventContext(report, _gold_items(gold, "places"))
    scored = [e for e in report.events if is_scored_event(e)]
    pairs = match_one_to_one(
        gold_events, scored, lambda g, e: event_matches(g, e, ctx),
        prefer=lambda g, e: event_closeness(g, e, ctx),
    )  # fmt: skip
    matched_gold = {id(g) for g, _ in pairs}
    matched = {id(e) for _, e in pairs}
    missed = tuple(
        describe_gold_event(g) + _nearest(g, scored, ctx)
        for g in gold_events
        if id(g) not in matched_gold
    )
    spurious = tuple(
        f"{describe_event(e, report)} | {evidence_sentence(e, report)}"
        for e in scored
        if id(e) not in matched
    )
    wrong = tuple(
        f"{describe_gold_event(g)} <> ours killed={e.killed} injured={e.injured}"
        f" | {evidence_sentence(e, report)}"
        for g, e in pairs
        if not _casualties_right(g, e)
    )
    return EventErrors(missed, spurious, wrong)


def describe_gold_event(g: Mapping[str, Any]) -> str:
    return (
        f"{g.get('type')} @ {g.get('place')} on {g.get('date')} actor={g.get('actor')}"
        f" killed={g.get('killed')} injured={g.get('injured')}"
    )


def describe_event(e: Event, report: Report) -> str:
    place = next((p.name for p in report.places if p.id == e.place), None)
    actors = ",".join(e.actors) or None
    return (
        f"{e.type} @ {place} on {e.date} ({e.date_precision}) actor={actors}"
        f" killed={e.killed} injured={e.injured} [{e.modality}]"
    )


def evidence_sentence(e: Event, report: Report) -> str:
    """The first evidence span widened to its sentence (cut at line breaks and full stops)."""
    if not e.evidence:
        return "(no evidence)"
    text, span = report.text, e.evidence[0]
    stop = text.rfind(". ", 0, span.start)
    start = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, span.start) + 1)
    ends = [i for i in (text.find(". ", span.end), text.find("\n", span.end)) if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    return " ".join(text[start:end].split())


def _nearest(g: Mapping[str, Any], scored: list[Event], ctx: EventContext) -> str:
    """The predicted event of the gold's type that disagrees least, and on what."""
    candidates = [
        (_disagreements(g, e, ctx), e)
        for e in scored
        if event_types_agree(str(g.get("type", "")), e.type)
    ]
    if not candidates:
        return ""
    wrong, e = min(candidates, key=lambda c: len(c[0]))
    why = f"wrong {'+'.join(wrong)}" if wrong else "matched to another gold event"
    return f" ~ nearest ours: {describe_event(e, ctx.report)} ({why})"


def _disagreements(g: Mapping[str, Any], e: Event, ctx: EventContext) -> list[str]:
    checks = (
        ("place", event_place_right(g.get("place"), e, ctx)),
        ("month", event_date_agrees(g.get("date"), e)),
    )
    return [what for what, right in checks if not right]


def _casualties_right(g: Mapping[str, Any], e: Event) -> bool:
    killed, injured = _as_count(g.get("killed")), _as_count(g.get("injured"))
    return (killed is None or e.killed == killed) and (injured is None or e.injured == injured)


def _as_count(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _gold_items(gold: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    section = gold.get(key)
    return [item for item in section if isinstance(item, Mapping)] if section else []
