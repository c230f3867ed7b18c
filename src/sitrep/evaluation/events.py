"""Event and figure evaluation (``sitrep eval events``) over gold files in the format of
shared/spec/GOLD_FORMAT.md.

It reuses the matching of ``sitrep eval report`` (``evaluation.report``): an event
matches on type (through ``vocabulary.EVENT_TYPES``), place (same name or within
161 km) and month; a figure on an overlapping mention and the same value. Two choices
are its own, both because a gold file cannot state the thing judged:

* Only events told as having happened (modality ``fact`` or ``claim``) are scored. The
  gold lists what happened; an event sitrep marks as denied, planned or hypothetical is
  output on purpose, labelled as such, and is neither a hit nor a false positive.
* A vague count ("thousands", "dozens") has no value a gold file could give, so when no
  gold figure matches it, it is not counted as a false positive either.

Killed/injured accuracy (``casualty_acc``) is judged on matched events whose gold count
is a number: both counts must be exactly right.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.evaluation.gold import GoldFormatError, article_name, read_gold
from sitrep.evaluation.report import (
    _EventContext,
    empty_report,
    event_place_right,
    event_types_agree,
    mention_overlaps,
    same_month,
    values_equal,
)
from sitrep.evaluation.scoring import PRF, Accuracy, match_one_to_one, prf_from_pairs
from sitrep.evaluation.vocabulary import QUANTITY_SYNONYMS
from sitrep.records import Event, Figure, Report

log = logging.getLogger(__name__)

SCORED_MODALITIES = frozenset({"fact", "claim"})
VAGUE_COUNTS = frozenset(
    {"dozens", "scores", "hundreds", "thousands", "millions", "tens of thousands",
     "hundreds of thousands", "many", "several", "a few"}
)  # fmt: skip


@dataclass(slots=True)
class EventsScore:
    """One report's counts."""

    name: str
    events: PRF = field(default_factory=PRF)
    figures: PRF = field(default_factory=PRF)
    killed: Accuracy = field(default_factory=Accuracy)
    injured: Accuracy = field(default_factory=Accuracy)
    casualties: Accuracy = field(default_factory=Accuracy)
    figure_what: Accuracy = field(default_factory=Accuracy)
    unscored_events: int = 0
    error: str | None = None
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)


@dataclass(slots=True)
class EventsResult:
    documents: list[EventsScore] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def total(self, attribute: str) -> Any:
        first = getattr(self.documents[0], attribute) if self.documents else PRF()
        acc = type(first)()
        for doc in self.documents:
            acc.add(getattr(doc, attribute))
        return acc

    def metrics(self) -> dict[str, float | int | None]:
        events, figures = self.total("events"), self.total("figures")
        return {
            "event_precision": _round(events.precision),
            "event_recall": _round(events.recall),
            "event_f1": _round(events.f1),
            "casualty_acc": _round(self.total("casualties").value),
            "killed_acc": _round(self.total("killed").value),
            "injured_acc": _round(self.total("injured").value),
            "figure_precision": _round(figures.precision),
            "figure_recall": _round(figures.recall),
            "figure_f1": _round(figures.f1),
            "figure_what_acc": _round(self.total("figure_what").value),
            "events_tp": events.tp,
            "events_fp": events.fp,
            "events_fn": events.fn,
            "events_unscored": sum(d.unscored_events for d in self.documents),
            "documents": len(self.documents),
            "skipped": len(self.skipped),
            "failures": sum(1 for d in self.documents if d.error),
        }

    def to_json(self) -> str:
        return json.dumps(self.metrics())


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


# --------------------------------------------------------------------------- driver


def evaluate_events_dir(data_dir: Path, extract: Callable[[str, str], Report]) -> EventsResult:
    """Score every ``gold/NAME.json`` of ``data_dir`` against ``extract(text, name)``; a
    document the extractor fails on is scored as empty and listed with its error."""
    gold_dir, article_dir = data_dir / "gold", data_dir / "articles"
    if not gold_dir.is_dir():
        raise GoldFormatError(f"{data_dir} has no gold/ folder (see GOLD_FORMAT.md)")
    result = EventsResult()
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = read_gold(gold_path)
        name = article_name(gold, gold_path)
        article = article_dir / name
        if not article.is_file():
            result.skipped.append(f"{gold_path.name}: no article {name} in {article_dir}")
            continue
        text = article.read_bytes().decode("utf-8", errors="replace")
        error = None
        try:
            report = extract(text, name)
        except Exception as exc:  # one bad document must not end the evaluation
            log.exception("extraction failed on %s", name)
            report, error = empty_report(text), f"{type(exc).__name__}: {exc}"
        score = score_events_document(gold, report)
        score.name, score.error = name, error
        result.documents.append(score)
    return result


def score_events_document(gold: Mapping[str, Any], report: Report) -> EventsScore:
    score = EventsScore(name=str(gold.get("doc") or report.id))
    if "events" in gold:
        _score_events(gold, report, score)
    if "figures" in gold:
        _score_figures(_items(gold, "figures"), report, score)
    return score


def _items(gold: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    return [item for item in gold.get(key) or [] if isinstance(item, Mapping)]


# --------------------------------------------------------------------------- events


def is_scored_event(event: Event) -> bool:
    return event.modality in SCORED_MODALITIES


def _score_events(gold: Mapping[str, Any], report: Report, score: EventsScore) -> None:
    scored = [e for e in report.events if is_scored_event(e)]
    score.unscored_events = len(report.events) - len(scored)
    gold_events = _items(gold, "events")
    # The same context and tests as ``eval report`` (type, place within 161 km, month).
    ctx = _EventContext(report, _items(gold, "places"))

    def matches(g: Mapping[str, Any], e: Event) -> bool:
        return (
            event_types_agree(str(g.get("type", "")), e.type)
            and event_place_right(g.get("place"), e, ctx)
            and same_month(g.get("date"), e.date)
        )

    pairs = match_one_to_one(gold_events, scored, matches)
    score.events = prf_from_pairs(len(gold_events), len(scored), len(pairs))
    for g, e in pairs:
        judge_casualties(g, e, score)
    matched_gold, matched = {id(g) for g, _ in pairs}, {id(e) for _, e in pairs}
    score.missed += [_gold_event_text(g) for g in gold_events if id(g) not in matched_gold]
    score.spurious += [_event_text(e, report) for e in scored if id(e) not in matched]


def judge_casualties(gold: Mapping[str, Any], event: Event, score: EventsScore) -> None:
    killed, injured = _as_int(gold.get("killed")), _as_int(gold.get("injured"))
    if killed is not None:
        score.killed.judge(event.killed == killed)
    if injured is not None:
        score.injured.judge(event.injured == injured)
    if killed is not None or injured is not None:
        right = (killed is None or event.killed == killed) and (
            injured is None or event.injured == injured
        )
        score.casualties.judge(right)


def _as_int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _gold_event_text(g: Mapping[str, Any]) -> str:
    return f"event {g.get('type')} at {g.get('place')} {g.get('date') or ''}".rstrip()


def _event_text(e: Event, report: Report) -> str:
    place = next((p.name for p in report.places if p.id == e.place), None)
    return f"event {e.type} at {place} {e.date or ''}".rstrip()


# --------------------------------------------------------------------------- figures


def is_vague_count(figure: Figure) -> bool:
    words = figure.span.text.lower().split()
    return any(" ".join(words[i:]) in VAGUE_COUNTS for i in range(len(words)))


def _score_figures(gold: Sequence[Mapping[str, Any]], report: Report, score: EventsScore) -> None:
    def matches(g: Mapping[str, Any], f: Figure) -> bool:
        s = f.span
        mention = str(g.get("mention", ""))
        overlaps = mention_overlaps(report.text, mention, s.start, s.end, s.text)
        return overlaps and values_equal(g.get("value"), f.value)

    pairs = match_one_to_one(gold, report.figures, matches)
    matched = {id(f) for _, f in pairs}
    counted = [f for f in report.figures if id(f) in matched or not is_vague_count(f)]
    score.figures = prf_from_pairs(len(gold), len(counted), len(pairs))
    for g, f in pairs:
        if g.get("what"):
            want = _quantity_words(str(g["what"]))
            score.figure_what.judge(bool(want & _quantity_words(f.quantity)))
    matched_gold = {id(g) for g, _ in pairs}
    score.missed += [f"figure {g.get('mention')!r}" for g in gold if id(g) not in matched_gold]
    score.spurious += [f"figure {f.span.text!r}" for f in counted if id(f) not in matched]


def _quantity_words(text: str | None) -> set[str]:
    if not text:
        return set()
    word = text.strip().lower()
    return {QUANTITY_SYNONYMS.get(word, word)}
