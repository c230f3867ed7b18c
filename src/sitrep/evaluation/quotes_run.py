"""Running quote extractors over PolNeAR articles and printing their scores side by side."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

from sitrep.evaluation.quotes import SUBSETS, QuoteScore, score_article
from sitrep.evaluation.quotes_polnear import Article
from sitrep.evaluation.quotes_systems import Extractor

log = logging.getLogger(__name__)

# Rows of the side-by-side table: (label, metric key suffix).
_ROWS: tuple[tuple[str, str], ...] = (
    ("content F1 (exact)", "content_f1"),
    ("content P (exact)", "content_p"),
    ("content R (exact)", "content_r"),
    ("content F1 (tokens)", "overlap_f1"),
    ("speaker acc (matched)", "speaker_acc"),
    ("cue F1", "cue_f1"),
    ("gold / predicted", "counts"),
)


def evaluate(
    articles: Sequence[Article], systems: Mapping[str, Extractor]
) -> dict[str, QuoteScore]:
    """Every system's scores over ``articles``; a system failing on an article scores
    nothing for it (its gold counts as missed) and the failure is logged."""
    scores = {name: QuoteScore() for name in systems}
    for article in articles:
        for name, extract in systems.items():
            failed = False
            try:
                predicted = extract(article.text)
            except Exception as exc:  # one bad article must not end the run
                log.warning("%s failed on %s: %s", name, article.name, exc)
                predicted, failed = [], True
            score = score_article(article.text, article.quotes, predicted)
            score.failures = int(failed)
            scores[name].add(score)
    return scores


def format_table(scores: Mapping[str, QuoteScore]) -> str:
    names = list(scores)
    metrics = {name: score.metrics() for name, score in scores.items()}
    lines = [f"{'':28}" + "".join(f"{name:>16}" for name in names)]
    for subset in SUBSETS:
        lines.append(f"{subset} ({metrics[names[0]]['documents']} documents)")
        for label, key in _ROWS:
            cells = [_cell(metrics[name], subset, key) for name in names]
            lines.append(f"  {label:26}" + "".join(f"{c:>16}" for c in cells))
    return "\n".join(lines)


def _cell(metrics: Mapping[str, object], subset: str, key: str) -> str:
    if key == "counts":
        return f"{metrics[f'{subset}_gold']} / {metrics[f'{subset}_predicted']}"
    value = metrics[f"{subset}_{key}"]
    return "-" if value is None else f"{value:.3f}"
