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
    gold: Sequence[G], predicted: Sequence[P], matches: Callable[[G, P], bool]
) -> list[tuple[G, P]]:
    """Pairs each gold item with the first still-free prediction it matches.

    Greedy in gold order: annotations are short lists, and a gold item that could
    match two predictions takes the earlier one, as a reader scanning the text would.
    """
    free = list(range(len(predicted)))
    pairs: list[tuple[G, P]] = []
    for g in gold:
        for pos, index in enumerate(free):
            if matches(g, predicted[index]):
                pairs.append((g, predicted[index]))
                del free[pos]
                break
    return pairs


def prf_from_pairs(n_gold: int, n_predicted: int, n_pairs: int) -> PRF:
    return PRF(tp=n_pairs, fp=n_predicted - n_pairs, fn=n_gold - n_pairs)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points, in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))
