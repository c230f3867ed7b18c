"""Learning the events' confidence from annotated reports (round 16, session 11).

Each event sitrep produces on an annotated report is labelled right or wrong with the
evaluation's own matcher (``evaluation.report``: type, place, month; one gold event per
predicted one), described by ``evaluation.event_features.all_event_features``, and an
L2-regularised logistic regression is fitted to the labels with numpy. The threshold
under which an event would be withheld is the one that maximises event F1 on the
training sets, measured by scoring them again without the withheld events.

``leave_one_set_out`` measures it honestly: trained and thresholded on all sets but one,
applied to that one; ``held_out`` applies a model to other sets. Round 16 (session 11)
found no gain worth wiring into the pipeline (docs/EVENTS.md).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from sitrep.clean import clean
from sitrep.evaluation.event_features import (
    FEATURE_NAMES,
    WITHHELD_MODALITIES,
    EventModel,
    all_event_features,
)
from sitrep.evaluation.gold import article_name, read_gold
from sitrep.evaluation.report import (
    DocumentScore,
    EventContext,
    event_closeness,
    event_matches,
    is_scored_event,
    score_events,
)
from sitrep.evaluation.scoring import PRF, augment_matching, match_one_to_one, prf_from_pairs
from sitrep.ingest.document import RawDocument
from sitrep.language import detect_language
from sitrep.records import Report
from sitrep.resources import Resources
from sitrep.stages.pipeline import bounded_by_crawl, build_pipeline, initial_published
from sitrep.stages.state import DocState

# The L2 penalty on the (standardised) weights: strong, the training sets being small.
DEFAULT_L2 = 1.0
# Thresholds tried, in steps of the confidence's own rounding.
THRESHOLDS: tuple[float, ...] = tuple(round(0.01 * i, 2) for i in range(0, 81))


@dataclass(slots=True)
class Sample:
    """One annotated report: its gold, what sitrep produced (with no event withheld),
    each event's features and label (1 right, 0 wrong, None: not scored)."""

    set_name: str
    name: str
    gold_events: list[Mapping[str, Any]]
    gold_places: list[Mapping[str, Any]]
    report: Report
    features: list[dict[str, float]] = field(default_factory=list)
    labels: list[int | None] = field(default_factory=list)
    # For each gold event, the indices of the scored events it matches, in the order the
    # matcher tries them (same name first): scoring without some events is then a
    # matching over what is left, with no place or date compared again.
    options: list[list[int]] = field(default_factory=list)


# --------------------------------------------------------------------------- data


def annotate_state(raw: RawDocument, resources: Resources) -> DocState:
    """``pipeline.annotate``, keeping the state the events' features are read from."""
    cleaned = clean(raw.text)
    english = detect_language(cleaned.text).code == "en"
    state = DocState(
        raw=raw,
        text=cleaned.text,
        doc=resources.nlp(cleaned.text if english else ""),
        removed=cleaned.removed,
        published=initial_published(raw, None),
    )
    if english:
        for s in build_pipeline():
            s(state, resources)
    state.published = bounded_by_crawl(state.published, raw.crawled)
    return state


def collect_set(data_dir: Path, resources: Resources) -> list[Sample]:
    """The samples of one annotated folder (``articles/`` and ``gold/``)."""
    samples = []
    for gold_path in sorted((data_dir / "gold").glob("*.json")):
        gold = read_gold(gold_path)
        if "events" not in gold:
            continue
        name = article_name(gold, gold_path)
        article = data_dir / "articles" / name
        if not article.is_file():
            continue
        text = article.read_bytes().decode("utf-8", errors="replace")
        state = annotate_state(RawDocument(text=text, origin=name, path=name), resources)
        sample = Sample(
            data_dir.name, name, _items(gold, "events"), _items(gold, "places"), state.to_report()
        )
        sample.features = all_event_features(state.events, state)
        sample.labels = label_events(sample)
        sample.options = match_options(sample)
        samples.append(sample)
    return samples


def label_events(sample: Sample) -> list[int | None]:
    """Each event right (1) or wrong (0) as ``eval report`` matches them; None for the
    events it does not score (denied, planned, hypothetical)."""
    ctx = EventContext(sample.report, sample.gold_places)
    scored = [e for e in sample.report.events if is_scored_event(e)]
    pairs = match_one_to_one(
        sample.gold_events, scored, lambda g, e: event_matches(g, e, ctx),
        prefer=lambda g, e: event_closeness(g, e, ctx),
    )  # fmt: skip
    matched = {id(e) for _, e in pairs}
    return [
        (1 if id(e) in matched else 0) if is_scored_event(e) else None for e in sample.report.events
    ]


def match_options(sample: Sample) -> list[list[int]]:
    """For each gold event, the events it matches (indices into ``report.events``),
    preferred first, as ``score_events`` orders them."""
    ctx = EventContext(sample.report, sample.gold_places)
    scored = [(i, e) for i, e in enumerate(sample.report.events) if is_scored_event(e)]
    options = []
    for g in sample.gold_events:
        found = [(i, e) for i, e in scored if event_matches(g, e, ctx)]
        found.sort(key=lambda pair: -event_closeness(g, pair[1], ctx))
        options.append([i for i, _ in found])
    return options


def _items(gold: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    section = gold.get(key)
    return [item for item in section if isinstance(item, Mapping)] if section else []


# --------------------------------------------------------------------------- fitting


def design(
    samples: Iterable[Sample], names: Sequence[str] = FEATURE_NAMES
) -> tuple[np.ndarray, np.ndarray]:
    """(X, y) over the scored events of ``samples``."""
    rows, labels = [], []
    for sample in samples:
        for features, label in zip(sample.features, sample.labels, strict=True):
            if label is not None:
                rows.append([features.get(n, 0.0) for n in names])
                labels.append(label)
    return np.array(rows, dtype=float).reshape(-1, len(names)), np.array(labels, dtype=float)


def fit_logistic(
    x: np.ndarray, y: np.ndarray, l2: float = DEFAULT_L2, steps: int = 50
) -> tuple[np.ndarray, float]:
    """(weights, bias) of an L2-regularised logistic regression (Newton's method on
    standardised columns; the bias is not penalised), in the columns' own units."""
    mean = x.mean(axis=0) if len(x) else np.zeros(x.shape[1])
    scale = x.std(axis=0) if len(x) else np.ones(x.shape[1])
    scale[scale == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / scale])
    beta = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ beta, -30, 30)))
        gradient = z.T @ (p - y) + penalty * beta
        hessian = (z.T * (p * (1 - p))) @ z + np.diag(penalty) + 1e-9 * np.eye(len(beta))
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    weights = beta[1:] / scale
    return weights, float(beta[0] - (weights * mean).sum())


def probabilities(sample: Sample, model: EventModel) -> list[float]:
    """The confidence the pipeline would give each event (rounded as it is there)."""
    return [round(model.probability(f), 2) for f in sample.features]


def events_prf(samples: Iterable[Sample], report_of: Callable[[Sample], Report]) -> PRF:
    """Event tp/fp/fn over ``samples``, each scored as ``eval report`` scores it."""
    total = PRF()
    for sample in samples:
        score = DocumentScore(sample.name)
        total.add(score_events(sample.gold_events, sample.gold_places, report_of(sample), score))
    return total


def kept_prf(sample: Sample, kept: Sequence[bool]) -> PRF:
    """``events_prf`` of the sample with only the ``kept`` events, from its matches."""
    events = sample.report.events
    predicted = sum(1 for e, k in zip(events, kept, strict=True) if k and is_scored_event(e))
    options = [[i for i in found if kept[i]] for found in sample.options]
    owner: dict[int, int] = {}
    for g in range(len(options)):
        augment_matching(g, options, owner, set())
    return prf_from_pairs(len(sample.gold_events), predicted, len(owner))


def filtered_prf(samples: Iterable[Sample], model: EventModel) -> PRF:
    """Event tp/fp/fn over ``samples`` with the events under the model's threshold
    withheld."""
    total = PRF()
    for sample in samples:
        probs = probabilities(sample, model)
        total.add(kept_prf(sample, kept_events(sample, probs, model.threshold)))
    return total


def kept_events(sample: Sample, probs: Sequence[float], threshold: float) -> list[bool]:
    """Which events stay: all but the facts and claims under ``threshold``."""
    return [
        not (p < threshold and e.modality in WITHHELD_MODALITIES)
        for e, p in zip(sample.report.events, probs, strict=True)
    ]


def choose_threshold(
    scored: Sequence[tuple[Sample, Sequence[float]]],
) -> float:
    """The threshold with the best event F1 over the samples with their events'
    probabilities (the lowest of equals; 0 withholds nothing)."""
    best, best_f1 = 0.0, -1.0
    for threshold in THRESHOLDS:
        prf = PRF()
        for sample, probs in scored:
            prf.add(kept_prf(sample, kept_events(sample, probs, threshold)))
        f1 = prf.f1 or 0.0
        if f1 > best_f1 + 1e-12:
            best, best_f1 = threshold, f1
    return best


def fit(samples: Sequence[Sample], names: Sequence[str], l2: float) -> EventModel:
    """The regression fitted on ``samples``, with no threshold yet."""
    x, y = design(samples, names)
    weights, bias = fit_logistic(x, y, l2)
    return EventModel(tuple(names), tuple(float(w) for w in weights), bias, 0.0, {})


def train(
    samples: Sequence[Sample],
    names: Sequence[str] = FEATURE_NAMES,
    l2: float = DEFAULT_L2,
    *,
    cross_fitted: bool = False,
) -> EventModel:
    """A model fitted on ``samples`` and its threshold chosen on them: on the model's own
    probabilities, or (``cross_fitted``) on each set's probabilities from a model fitted
    on the other sets, which are as confident as on unseen reports."""
    model = fit(samples, names, l2)
    sets = sorted({s.set_name for s in samples})
    if cross_fitted and len(sets) > 1:
        scored: list[tuple[Sample, Sequence[float]]] = []
        for name in sets:
            inner = fit([s for s in samples if s.set_name != name], names, l2)
            scored += [(s, probabilities(s, inner)) for s in samples if s.set_name == name]
    else:
        scored = [(s, probabilities(s, model)) for s in samples]
    labels = [label for s in samples for label in s.labels if label is not None]
    meta = {
        "trained_on": sets,
        "reports": len(samples),
        "events": len(labels),
        "right": sum(labels),
        "l2": l2,
        "cross_fitted_threshold": cross_fitted,
        "date": date.today().isoformat(),
    }
    return dataclasses.replace(model, threshold=choose_threshold(scored), meta=meta)


# --------------------------------------------------------------------------- measuring


@dataclass(frozen=True, slots=True)
class HeldOut:
    """One held-out set: its event counts without and with the filter."""

    set_name: str
    threshold: float
    without: PRF
    with_filter: PRF


def leave_one_set_out(
    samples: Sequence[Sample],
    names: Sequence[str] = FEATURE_NAMES,
    l2: float = DEFAULT_L2,
    *,
    cross_fitted: bool = False,
) -> list[HeldOut]:
    """Train on every set but one, choose the threshold there, apply it to that one."""
    results = []
    for held in sorted({s.set_name for s in samples}):
        rest = [s for s in samples if s.set_name != held]
        model = train(rest, names, l2, cross_fitted=cross_fitted)
        results += held_out(model, [s for s in samples if s.set_name == held])
    return results


def held_out(model: EventModel, samples: Sequence[Sample]) -> list[HeldOut]:
    """Each set of ``samples`` scored without and with the model's filter."""
    results = []
    for name in sorted({s.set_name for s in samples}):
        test = [s for s in samples if s.set_name == name]
        without = events_prf(test, lambda s: s.report)
        results.append(HeldOut(name, model.threshold, without, filtered_prf(test, model)))
    return results


def format_held_out(results: Sequence[HeldOut]) -> str:
    """A table of the held-out sets, their sums and the mean F1 change per set."""
    lines = ["set  threshold  F1 without (tp/fp/fn)  ->  with (tp/fp/fn)   change"]
    changes = []
    for r in results:
        before, after = r.without.f1 or 0.0, r.with_filter.f1 or 0.0
        changes.append(after - before)
        lines.append(
            f"{r.set_name:4} {r.threshold:9.2f}  {before:.3f} ({_counts(r.without)})"
            f"  ->  {after:.3f} ({_counts(r.with_filter)})   {after - before:+.3f}"
        )
    before_all, after_all = PRF(), PRF()
    for r in results:
        before_all.add(r.without)
        after_all.add(r.with_filter)
    mean = sum(changes) / len(changes) if changes else 0.0
    lines.append(
        f"sum       {before_all.f1 or 0.0:.3f} ({_counts(before_all)})"
        f"  ->  {after_all.f1 or 0.0:.3f} ({_counts(after_all)})   mean change per set {mean:+.4f}"
    )
    return "\n".join(lines)


def _counts(prf: PRF) -> str:
    return f"{prf.tp}/{prf.fp}/{prf.fn}"
