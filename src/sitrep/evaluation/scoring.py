"""Counting primitives for the evaluation harnesses: precision/recall/F1, accuracy,
one-to-one matching and great-circle distance."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

G = TypeVar("G")
P = TypeVar("P")

EARTH_RADIUS_KM = 6371.0088


@dataclass(slots=True)
class PRF:
    """True positives, false positives and false negatives of one section."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        found = self.tp + self.fp
        return self.tp / found if found else None

    @property
    def recall(self) -> float | None:
        wanted = self.tp + self.fn
        return self.tp / wanted if wanted else None

    @property
    def f1(self) -> float | None:
        if self.tp + self.fp + self.fn == 0:
            return None  # nothing expected and nothing found: not scored, not perfect
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass(slots=True)
class Accuracy:
    """How many of the judged items were right."""

    correct: int = 0
    total: int = 0

    def judge(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def add(self, other: Accuracy) -> None:
        self.correct += other.correct
        self.total += other.total


def match_one_to_one(
    gold: Sequence[G],
    predicted: Sequence[P],
    matches: Callable[[G, P], bool],
    prefer: Callable[[G, P], bool] | None = None,
) -> list[tuple[G, P]]:
    """As many (gold, prediction) pairs as can be made, each item in one pair at most.

    A maximum bipartite matching (augmenting paths, in gold order): a gold item takes a
    free prediction, or one an earlier gold item can give up for another it also
    matches. Greedy pairing in gold order undercounts: an earlier gold item could take
    the only prediction a later one matches, though another was free for it (an event
    at one town of a list, matched within 161 km by its neighbour's). Each gold item
    tries the predictions ``prefer`` marks first (the same name), then the rest, each
    group in order, so a gold item takes the earliest, preferred prediction it can.
    Returned in gold order.
    """
    options = [_ordered_options(g, predicted, matches, prefer) for g in gold]
    owner: dict[int, int] = {}  # prediction index -> gold index
    for g in range(len(gold)):
        augment_matching(g, options, owner, set())
    pairs = sorted((g, p) for p, g in owner.items())
    return [(gold[g], predicted[p]) for g, p in pairs]


def _ordered_options(
    g: G,
    predicted: Sequence[P],
    matches: Callable[[G, P], bool],
    prefer: Callable[[G, P], bool] | None,
) -> list[int]:
    found = [i for i, p in enumerate(predicted) if matches(g, p)]
    if prefer is None:
        return found
    return sorted(found, key=lambda i: not prefer(g, predicted[i]))  # stable: order kept


def augment_matching(
    g: int, options: list[list[int]], owner: dict[int, int], seen: set[int]
) -> bool:
    """Find gold item ``g`` a prediction, moving earlier gold items along if they can."""
    for p in options[g]:
        if p in seen:
            continue
        seen.add(p)
        if p not in owner or augment_matching(owner[p], options, owner, seen):
            owner[p] = g
            return True
    return False


def prf_from_pairs(n_gold: int, n_predicted: int, n_pairs: int) -> PRF:
    return PRF(tp=n_pairs, fp=n_predicted - n_pairs, fn=n_gold - n_pairs)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points, in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))
