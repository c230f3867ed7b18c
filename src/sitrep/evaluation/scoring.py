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
    prefer: Callable[[G, P], bool | int] | None = None,
) -> list[tuple[G, P]]:
    """As many (gold, prediction) pairs as can be made, each item in one pair at most.

    A maximum bipartite matching (augmenting paths, in gold order): a gold item takes a
    free prediction, or one an earlier gold item can give up for another it also
    matches. Greedy pairing in gold order undercounts: an earlier gold item could take
    the only prediction a later one matches, though another was free for it (an event
    at one town of a list, matched within 161 km by its neighbour's). With ``prefer``
    (True or a larger number: the same name, the same day) the matching is, among those
    of the largest size, one whose pairs are closest in sum (``_closest_matching``):
    augmenting paths alone could move a gold item off its exact twin to free a
    prediction another gold item did not need. Returned in gold order.
    """
    if prefer is not None:
        pairs = _closest_matching(gold, predicted, matches, prefer)
        return [(gold[g], predicted[p]) for g, p in pairs]
    options = [[i for i, p in enumerate(predicted) if matches(g, p)] for g in gold]
    owner: dict[int, int] = {}  # prediction index -> gold index
    for g in range(len(gold)):
        augment_matching(g, options, owner, set())
    return [(gold[g], predicted[p]) for g, p in sorted((g, p) for p, g in owner.items())]


def _closest_matching(
    gold: Sequence[G],
    predicted: Sequence[P],
    matches: Callable[[G, P], bool],
    prefer: Callable[[G, P], bool | int],
) -> list[tuple[int, int]]:
    """(gold index, prediction index) pairs of a maximum matching of largest summed
    preference: the assignment problem (Hungarian method, O(n^3); a report has tens of
    events) on weights where one more pair outweighs any preference."""
    weight: dict[tuple[int, int], int] = {}
    for g, item in enumerate(gold):
        for p, candidate in enumerate(predicted):
            if matches(item, candidate):
                weight[g, p] = int(prefer(item, candidate))
    if not weight:
        return []
    rows, cols = len(gold), len(predicted)
    # Worth of a pair, in order of weight: being a pair at all, its preference, then an
    # earlier prediction (ties go to the earliest, as without a preference). Each part
    # outweighs any sum of the parts after it.
    rank_worth = rows * cols + 1
    pair_worth = 1 + rows * (max(weight.values()) * rank_worth + cols)
    size = max(rows, cols)
    cost = [[0] * size for _ in range(size)]
    for (g, p), rank in weight.items():
        cost[g][p] = -(pair_worth + rank * rank_worth + cols - p)
    assignment = _assignment(cost)
    return sorted((g, p) for g, p in enumerate(assignment) if (g, p) in weight)


def _assignment(cost: list[list[int]]) -> list[int]:
    """For a square cost matrix, the column of each row in an assignment of least total
    cost (Hungarian method with potentials, rows added one at a time)."""
    n = len(cost)
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (n + 1)
    row_of = [0] * (n + 1)  # column j (1-based) -> its row (1-based), 0: free
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        row_of[0] = i
        j0 = 0
        least = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = row_of[j0], inf, 0
            for j in range(1, n + 1):
                if used[j]:
                    continue
                reduced = cost[i0 - 1][j - 1] - u[i0] - v[j]
                if reduced < least[j]:
                    least[j], way[j] = reduced, j0
                if least[j] < delta:
                    delta, j1 = least[j], j
            for j in range(n + 1):
                if used[j]:
                    u[row_of[j]] += delta
                    v[j] -= delta
                else:
                    least[j] -= delta
            j0 = j1
            if row_of[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            row_of[j0] = row_of[j1]
            j0 = j1
    column = [0] * n
    for j in range(1, n + 1):
        if row_of[j]:
            column[row_of[j] - 1] = j - 1
    return column


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
