"""``sitrep eval copy-lag``: how far apart copies of one report are published.

Every dated text at hand (PolNeAR's articles with their metadata dates, the TimeML
corpora with their DCTs) is fingerprinted as the store does; pairs sharing an LSH band
are verified with the store's own rule (``corpus.stories.verify``), and each verified
pair's date gap is a copy lag. The corpus dating window (``corpus.dating``) is then
scored on those pairs: the later member's date hidden (the undated report is the copy,
as the window assumes) and the earlier member's hidden (the undated report was the
original after all).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from statistics import median
from typing import Any

from sitrep.corpus.dating import MAX_COPY_LAG_DAYS, Original, copy_window
from sitrep.corpus.fingerprint import Fingerprint, fingerprint
from sitrep.corpus.stories import verify
from sitrep.evaluation.corpus import load_polnear
from sitrep.evaluation.time_corpora import read_time_corpora
from sitrep.records import Published

POLNEAR_SPLITS = ("train", "dev", "test")


@dataclass(frozen=True, slots=True)
class DatedText:
    name: str
    text: str
    published: date


@dataclass(frozen=True, slots=True)
class CopyPair:
    earlier: DatedText
    later: DatedText
    reason: str  # exact | near-duplicate | spun

    @property
    def lag_days(self) -> int:
        return (self.later.published - self.earlier.published).days


def dated_texts(data: Path) -> list[DatedText]:
    """PolNeAR (``data/quotes/PolNeAR``) and the TimeML corpora (``data/time``) with dates."""
    texts: list[DatedText] = []
    polnear = data / "quotes" / "PolNeAR"
    for split in POLNEAR_SPLITS:
        if (polnear / split / "text").is_dir():
            for name, text, published in load_polnear(data, split):
                if published:
                    texts.append(DatedText(f"PolNeAR/{name}", text, date.fromisoformat(published)))
    if (data / "time").is_dir():
        for doc in read_time_corpora(data / "time"):
            if doc.dct is not None:
                texts.append(DatedText(f"{doc.corpus}/{doc.name}", doc.text, doc.dct))
    return texts


def copy_pairs(texts: Sequence[DatedText]) -> list[CopyPair]:
    """Pairs the store would put in one story, each with the earlier one first."""
    prints = [fingerprint(t.text) for t in texts]
    pairs: list[CopyPair] = []
    for a, b in sorted(_candidates(prints)):
        verdict = verify(prints[a], prints[b]) or verify(prints[b], prints[a])
        if verdict is None:
            continue
        first, second = sorted((texts[a], texts[b]), key=lambda t: (t.published, t.name))
        pairs.append(CopyPair(first, second, verdict[0]))
    return pairs


def score_windows(pairs: Iterable[CopyPair]) -> dict[str, Any]:
    """Lags, and how often the corpus window holds the hidden date of either member."""
    pairs = list(pairs)
    lags = [p.lag_days for p in pairs]
    copy_hidden = [_holds(p.earlier, p.later.published) for p in pairs]
    original_hidden = [_holds(p.later, p.earlier.published) for p in pairs]
    return {
        "pairs": len(pairs),
        "window_days": MAX_COPY_LAG_DAYS,
        "lag_median_days": median(lags) if lags else None,
        "lag_max_days": max(lags) if lags else None,
        "lag_within_1_day": _share([lag <= 1 for lag in lags]),
        "coverage_copy_undated": _share(copy_hidden),
        "coverage_original_undated": _share(original_hidden),
        "lags": sorted(lags),
    }


def _holds(dated: DatedText, hidden: date) -> bool:
    original = Original(dated.name, dated.published.isoformat(), dated.name)
    window = copy_window(Published(), original).window
    assert window is not None
    return date.fromisoformat(window[0]) <= hidden <= date.fromisoformat(window[1])


def _candidates(prints: Sequence[Fingerprint]) -> set[tuple[int, int]]:
    bands: dict[int, list[int]] = {}
    for i, fp in enumerate(prints):
        for key in fp.band_keys():
            bands.setdefault(key, []).append(i)
    return {pair for members in bands.values() for pair in itertools.combinations(members, 2)}


def _share(flags: list[bool]) -> float | None:
    return round(sum(flags) / len(flags), 4) if flags else None
