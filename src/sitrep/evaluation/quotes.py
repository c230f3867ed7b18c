"""Quote evaluation (``sitrep eval quotes``): content spans, speakers and cues of a
quote extractor against gold attributions, for sitrep and a peer side by side.

Metrics, each on two subsets (``direct``: gold contents in quotation marks and the
predictions marked direct; ``all``: every attribution and every prediction):

* ``content`` P/R/F1, exact: a prediction matches a gold content when both are equal
  once whitespace, quotation marks and edge punctuation are trimmed (corpora differ on
  whether the marks and the comma before the attribution belong to the content).
* ``overlap`` P/R/F1 by tokens: precision is the share of predicted content words that
  lie in some gold content, recall the share of gold content words covered.
* ``speaker`` accuracy on matched quotes (one-to-one, by most shared words): right when
  the predicted speaker phrase, or a mention of the person or organisation it was
  resolved to, overlaps the gold source. Gold attributions without a source are not
  judged.
* ``cue`` P/R/F1: cue spans matched one-to-one by overlap.

In the ``direct`` subset a direct prediction that overlaps only indirect gold contents
(a quoted phrase inside a reported clause) is left out rather than counted wrong: the
subset scores what a direct-quote extractor claims to handle.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sitrep.evaluation.quotes_polnear import CharRange, GoldQuote, iter_word_ranges, trim
from sitrep.evaluation.scoring import PRF, Accuracy

# Characters trimmed from both ends of a content before exact comparison.
_EDGE = re.compile(r"^[\s\"“”‘’'«»„,.;:!?—–-]+|[\s\"“”‘’'«»„,.;:!?—–-]+$")
SUBSETS: tuple[str, ...] = ("direct", "all")


@dataclass(frozen=True, slots=True)
class PredictedQuote:
    """What an extractor claims, as character ranges into the article text."""

    content: CharRange
    direct: bool
    # The speaker phrase and, when it was resolved, the other mentions of that speaker.
    speakers: tuple[CharRange, ...] = ()
    cue: CharRange | None = None


@dataclass(slots=True)
class SubsetScore:
    content: PRF = field(default_factory=PRF)
    overlap: PRF = field(default_factory=PRF)
    speaker: Accuracy = field(default_factory=Accuracy)
    cue: PRF = field(default_factory=PRF)
    # Direct predictions set aside because they lie inside indirect gold contents.
    ignored: int = 0

    def add(self, other: SubsetScore) -> None:
        self.content.add(other.content)
        self.overlap.add(other.overlap)
        self.speaker.add(other.speaker)
        self.cue.add(other.cue)
        self.ignored += other.ignored

    def metrics(self, prefix: str) -> dict[str, Any]:
        return {
            f"{prefix}_content_p": _round(self.content.precision),
            f"{prefix}_content_r": _round(self.content.recall),
            f"{prefix}_content_f1": _round(self.content.f1),
            f"{prefix}_overlap_p": _round(self.overlap.precision),
            f"{prefix}_overlap_r": _round(self.overlap.recall),
            f"{prefix}_overlap_f1": _round(self.overlap.f1),
            f"{prefix}_speaker_acc": _round(self.speaker.value),
            f"{prefix}_speaker_judged": self.speaker.total,
            f"{prefix}_cue_f1": _round(self.cue.f1),
            f"{prefix}_gold": self.content.tp + self.content.fn,
            f"{prefix}_predicted": self.content.tp + self.content.fp,
        }


@dataclass(slots=True)
class QuoteScore:
    """Scores of one extractor over any number of articles."""

    subsets: dict[str, SubsetScore] = field(
        default_factory=lambda: {name: SubsetScore() for name in SUBSETS}
    )
    documents: int = 0
    # Articles the extractor raised on (they score as found nothing).
    failures: int = 0

    def add(self, other: QuoteScore) -> None:
        for name, score in other.subsets.items():
            self.subsets[name].add(score)
        self.documents += other.documents
        self.failures += other.failures

    def metrics(self) -> dict[str, Any]:
        found: dict[str, Any] = {"documents": self.documents, "failures": self.failures}
        for name, score in self.subsets.items():
            found.update(score.metrics(name))
        found["direct_ignored"] = self.subsets["direct"].ignored
        return found


def score_article(
    text: str, gold: Sequence[GoldQuote], predicted: Sequence[PredictedQuote]
) -> QuoteScore:
    """Both subsets of one article."""
    score = QuoteScore(documents=1)
    direct_gold = [g for g in gold if g.direct]
    indirect_gold = [g for g in gold if not g.direct]
    direct_predicted = [
        p
        for p in predicted
        if p.direct
        and (
            any(_overlaps(p.content, g.content) for g in direct_gold)
            or not any(_overlaps(p.content, g.content) for g in indirect_gold)
        )
    ]
    score.subsets["direct"] = score_subset(text, direct_gold, direct_predicted)
    score.subsets["direct"].ignored = sum(p.direct for p in predicted) - len(direct_predicted)
    score.subsets["all"] = score_subset(text, gold, predicted)
    return score


def score_subset(
    text: str, gold: Sequence[GoldQuote], predicted: Sequence[PredictedQuote]
) -> SubsetScore:
    score = SubsetScore()
    gold_keys = [normalized(text, g.content) for g in gold]
    predicted_keys = [normalized(text, p.content) for p in predicted]
    score.content = _exact_prf(gold_keys, predicted_keys)
    score.overlap = _token_prf(text, [g.content for g in gold], [p.content for p in predicted])
    for g, p in match_by_words(text, gold, predicted):
        if g.sources:
            score.speaker.judge(
                any(_overlaps(s, source) for s in p.speakers for source in g.sources)
            )
    gold_cues = sorted({c for g in gold for c in g.cues})
    predicted_cues = sorted({p.cue for p in predicted if p.cue is not None})
    score.cue = _overlap_prf(gold_cues, predicted_cues)
    return score


def normalized(text: str, piece: CharRange) -> CharRange:
    """``piece`` without whitespace, quotation marks and punctuation at its edges."""
    start, end = trim(text, piece)
    words = text[start:end]
    lead = _EDGE.match(words)
    if lead is not None and lead.end() < len(words):
        start += lead.end()
    words = text[start:end]
    tail = _EDGE.search(words)
    if tail is not None and tail.start() > 0:
        end = start + tail.start()
    return start, end


def match_by_words(
    text: str, gold: Sequence[GoldQuote], predicted: Sequence[PredictedQuote]
) -> list[tuple[GoldQuote, PredictedQuote]]:
    """One-to-one pairs, each gold content with the free prediction sharing most words."""
    gold_words = [set(iter_word_ranges(text, g.content)) for g in gold]
    predicted_words = [set(iter_word_ranges(text, p.content)) for p in predicted]
    candidates = [
        (len(gw & pw), gi, pi)
        for gi, gw in enumerate(gold_words)
        for pi, pw in enumerate(predicted_words)
        if gw & pw
    ]
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs: list[tuple[GoldQuote, PredictedQuote]] = []
    for _, gi, pi in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if gi in used_gold or pi in used_predicted:
            continue
        used_gold.add(gi)
        used_predicted.add(pi)
        pairs.append((gold[gi], predicted[pi]))
    return pairs


def _exact_prf(gold: Sequence[CharRange], predicted: Sequence[CharRange]) -> PRF:
    remaining = list(predicted)
    tp = 0
    for g in gold:
        if g in remaining:
            remaining.remove(g)
            tp += 1
    return PRF(tp=tp, fp=len(predicted) - tp, fn=len(gold) - tp)


def _token_prf(text: str, gold: Iterable[CharRange], predicted: Iterable[CharRange]) -> PRF:
    gold_words = {w for piece in gold for w in iter_word_ranges(text, piece)}
    predicted_words = {w for piece in predicted for w in iter_word_ranges(text, piece)}
    shared = len(gold_words & predicted_words)
    return PRF(tp=shared, fp=len(predicted_words) - shared, fn=len(gold_words) - shared)


def _overlap_prf(gold: Sequence[CharRange], predicted: Sequence[CharRange]) -> PRF:
    free = list(predicted)
    tp = 0
    for g in gold:
        hit = next((p for p in free if _overlaps(g, p)), None)
        if hit is not None:
            free.remove(hit)
            tp += 1
    return PRF(tp=tp, fp=len(predicted) - tp, fn=len(gold) - tp)


def _overlaps(a: CharRange, b: CharRange) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
