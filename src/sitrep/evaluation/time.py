"""Scoring time expressions (TempEval-3 task A) and document dating.

Extent: strict (the same characters) and relaxed (any overlap, one-to-one, earliest
first) F1. Type and value: judged on the relaxed matches and counted against every
system and every gold expression (P = correct / system, R = correct / gold), as the
TempEval-3 scorer does. Values are compared as strings, normalising only case, blanks
and zero-padded week numbers.

Dating: each document's DCT is hidden and the system estimates the publication window
from the text; a document counts as covered when the window (or the stated date) holds
the DCT. Documents with no window are not covered: a window that is wrong is worse than
a wide one, and no window at all is honest but unhelpful, so both are reported.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sitrep.evaluation.time_corpora import TimeDoc

# Published TempEval-3 platinum scores (UzZaman et al. 2013, Table 3; see
# shared/eval/time/TE3-platinum/README.md): relaxed F1, strict F1, value F1.
PUBLISHED: dict[str, dict[str, float]] = {
    "HeidelTime-t": {"relaxed_f1": 0.9030, "strict_f1": 0.8134, "value_f1": 0.7761},
    "SUTime": {"relaxed_f1": 0.9032, "strict_f1": 0.7957, "value_f1": 0.6738},
}


@dataclass(frozen=True, slots=True)
class PredictedTimex:
    start: int
    end: int
    type: str
    value: str | None


Tagger = Callable[[str, date | None], list[PredictedTimex]]
Dater = Callable[[str], tuple[date, date] | None]
# Whether the text (DCT hidden) states a date, with its year, in the days before the DCT.
StatedNear = Callable[[str, date], bool]
# The window width the issue asks for: a date stated within this many days before the DCT
# is what a window that narrow needs to be built from the text alone.
NEAR_DAYS = 60


@dataclass(slots=True)
class ExtentCounts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_correct: int = 0
    value_correct: int = 0

    def add(self, other: ExtentCounts) -> None:
        for name in ("gold", "system", "strict", "relaxed", "type_correct", "value_correct"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def metrics(self) -> dict[str, float]:
        relaxed_p, relaxed_r = _ratio(self.relaxed, self.system), _ratio(self.relaxed, self.gold)
        return {
            "strict_f1": _f1(_ratio(self.strict, self.system), _ratio(self.strict, self.gold)),
            "relaxed_precision": relaxed_p,
            "relaxed_recall": relaxed_r,
            "relaxed_f1": _f1(relaxed_p, relaxed_r),
            "type_accuracy": _ratio(self.type_correct, self.relaxed),
            "type_f1": _f1(
                _ratio(self.type_correct, self.system), _ratio(self.type_correct, self.gold)
            ),
            "value_f1": _f1(
                _ratio(self.value_correct, self.system), _ratio(self.value_correct, self.gold)
            ),
            "gold": float(self.gold),
            "system": float(self.system),
        }


@dataclass(slots=True)
class DatingCounts:
    documents: int = 0
    covered: int = 0
    widths: list[int] = field(default_factory=list)
    # Documents that state a dated expression within NEAR_DAYS before their DCT: the
    # ceiling of coverage by a window that narrow, from the text alone.
    stated_near: int = 0
    near_judged: int = 0  # documents the ceiling was measured on

    def add(self, other: DatingCounts) -> None:
        self.documents += other.documents
        self.covered += other.covered
        self.widths += other.widths
        self.stated_near += other.stated_near
        self.near_judged += other.near_judged

    def metrics(self) -> dict[str, float | None]:
        return {
            "dating_coverage": _ratio(self.covered, self.documents),
            "dating_answered": _ratio(len(self.widths), self.documents),
            "dating_median_days": float(statistics.median(self.widths)) if self.widths else None,
            "dating_documents": float(self.documents),
            "dating_stated_within_60d": (
                _ratio(self.stated_near, self.near_judged) if self.near_judged else None
            ),
        }


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def normalise_value(value: str | None) -> str:
    """Case, blanks and zero-padded week numbers ("2000-W07" = the gold's "2000-W7")."""
    return re.sub(r"-W0(\d)\b", r"-W\1", (value or "").strip().upper())


def score_document(doc: TimeDoc, predicted: Sequence[PredictedTimex]) -> ExtentCounts:
    """Counts for one document (predictions outside the annotated part are dropped)."""
    system = sorted((p for p in predicted if doc.in_scope(p.start, p.end)), key=_start)
    gold = sorted(doc.gold, key=lambda g: g.start)
    counts = ExtentCounts(gold=len(gold), system=len(system))
    used: set[int] = set()
    for g in gold:
        match = _best_overlap(g.start, g.end, system, used)
        if match is None:
            continue
        used.add(match)
        p = system[match]
        counts.relaxed += 1
        counts.strict += (p.start, p.end) == (g.start, g.end)
        counts.type_correct += p.type.upper() == g.type.upper()
        counts.value_correct += normalise_value(p.value) == normalise_value(g.value)
    return counts


def _start(p: PredictedTimex) -> int:
    return p.start


def _best_overlap(
    start: int, end: int, system: Sequence[PredictedTimex], used: set[int]
) -> int | None:
    best, best_overlap = None, 0
    for i, p in enumerate(system):
        overlap = min(end, p.end) - max(start, p.start)
        if i not in used and overlap > best_overlap:
            best, best_overlap = i, overlap
    return best


def score_dating(
    dct: date, window: tuple[date, date] | None, *, stated_near: bool | None = None
) -> DatingCounts:
    """One document's dating; ``stated_near`` (None: not measured) feeds the ceiling."""
    counts = DatingCounts(
        documents=1, stated_near=int(bool(stated_near)), near_judged=int(stated_near is not None)
    )
    if window is not None:
        lo, hi = window
        counts.covered = int(lo <= dct <= hi)
        counts.widths = [(hi - lo).days]
    return counts


@dataclass(slots=True)
class SystemResult:
    extent: ExtentCounts = field(default_factory=ExtentCounts)
    dating: DatingCounts = field(default_factory=DatingCounts)
    by_corpus: dict[str, tuple[ExtentCounts, DatingCounts]] = field(default_factory=dict)

    def metrics(self) -> dict[str, Any]:
        out: dict[str, Any] = {**self.extent.metrics(), **self.dating.metrics()}
        out["corpora"] = {
            name: {**e.metrics(), **d.metrics()} for name, (e, d) in sorted(self.by_corpus.items())
        }
        return out


def evaluate_system(
    docs: Iterable[TimeDoc],
    tag: Tagger,
    date_text: Dater | None,
    stated_near: StatedNear | None = None,
) -> SystemResult:
    """Run ``tag`` (with the DCT) and ``date_text`` (without it) over ``docs``; with
    ``stated_near``, also count the documents whose text could support a narrow window."""
    result = SystemResult()
    for doc in docs:
        extent, dating = result.by_corpus.setdefault(doc.corpus, (ExtentCounts(), DatingCounts()))
        counts = score_document(doc, tag(doc.text, doc.dct))
        extent.add(counts)
        result.extent.add(counts)
        if date_text is not None and doc.dct is not None:
            text = doc.text_without_dateline()
            near = stated_near(text, doc.dct) if stated_near is not None else None
            judged = score_dating(doc.dct, date_text(text), stated_near=near)
            dating.add(judged)
            result.dating.add(judged)
    return result
