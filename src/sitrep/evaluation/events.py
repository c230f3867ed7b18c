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
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.evaluation.report import (
    DocumentScore,
    EvalResult,
    evaluate_report_dir,
    score_document,
)
from sitrep.evaluation.scoring import PRF, Accuracy
from sitrep.records import Report

# The gold sections this harness reads (places are needed to place the gold events).
SECTIONS = ("doc", "places", "events", "figures")


@dataclass(frozen=True, slots=True)
class EventsScore:
    """One report's event and figure scores (a view of its ``DocumentScore``)."""

    doc: DocumentScore

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
        return [f"{s[:-1]} {m}" for s in ("events", "figures") for m in self.doc.missed.get(s, [])]

    @property
    def spurious(self) -> list[str]:
        return [
            f"{s[:-1]} {m}" for s in ("events", "figures") for m in self.doc.spurious.get(s, [])
        ]


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
    return EventsScore(score_document({k: gold[k] for k in SECTIONS if k in gold}, report))


def evaluate_events_dir(data_dir: Path, extract: Callable[[str, str], Report]) -> EventsResult:
    """Score every ``gold/NAME.json`` of ``data_dir`` against ``extract(text, name)``; a
    document the extractor fails on is scored as empty and listed with its error."""
    result = evaluate_report_dir(data_dir, extract)
    return EventsResult(result, [EventsScore(d) for d in result.documents])
