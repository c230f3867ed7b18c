"""Position indexes the figures and events stages share: sorted once, asked by bisection.

Both stages ask, for each number or trigger, which places, times, figures, quotes or
mentions fall in its sentence or paragraph. Scanning every record for every question is
quadratic in the report's length (a 150 KB report took seconds); each index here sorts
the records by character offset once and answers a question in O(log n + answer).

Every query returns its records in the order of the list they came from, so callers keep
the tie-breaking of a plain scan over that list: results are identical, only faster.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from itertools import accumulate
from typing import Generic, TypeVar

from sitrep.records import Place, Span

T = TypeVar("T")


class Positions(Generic[T]):
    """Records keyed by one character offset (where a mention or a span starts)."""

    def __init__(self, keyed: Iterable[tuple[int, T]]) -> None:
        ordered = sorted(
            ((start, order, item) for order, (start, item) in enumerate(keyed)),
            key=lambda entry: (entry[0], entry[1]),
        )
        self._starts = [start for start, _, _ in ordered]
        self._orders = [order for _, order, _ in ordered]
        self._items = [item for _, _, item in ordered]

    def __len__(self) -> int:
        return len(self._items)

    def between(self, low: int, high: int) -> list[T]:
        """Records starting in ``[low, high)``, in their original order."""
        first, last = bisect_left(self._starts, low), bisect_left(self._starts, high)
        return self._in_original_order(first, last)

    def last_before(self, char: int, low: int = 0) -> list[T]:
        """The records that start last before ``char`` (all of them, on a tie; none
        when that start is below ``low``), in their original order."""
        last = bisect_left(self._starts, char)
        if last == 0 or self._starts[last - 1] < low:
            return []
        first = bisect_left(self._starts, self._starts[last - 1])
        return self._in_original_order(first, last)

    def _in_original_order(self, first: int, last: int) -> list[T]:
        picked = sorted(range(first, last), key=lambda i: self._orders[i])
        return [self._items[i] for i in picked]


class Intervals(Generic[T]):
    """Records that cover ``[start, end)`` (a time expression, a quote, a sentence)."""

    def __init__(self, spans: Iterable[tuple[int, int, T]]) -> None:
        ordered = sorted(
            ((start, end, order, item) for order, (start, end, item) in enumerate(spans)),
            key=lambda entry: (entry[0], entry[2]),
        )
        self._starts = [start for start, _, _, _ in ordered]
        self._ends = [end for _, end, _, _ in ordered]
        self._orders = [order for _, _, order, _ in ordered]
        self._items = [item for _, _, _, item in ordered]
        # The furthest end among the first i+1 records: no record before a position
        # whose running end is at or below ``char`` can cover ``char``.
        self._reach = list(accumulate(self._ends, max))

    def covering(self, char: int) -> list[T]:
        """Records with ``start <= char < end``, in their original order."""
        found = [(self._orders[i], self._items[i]) for i in self._covering_indexes(char)]
        return [item for _, item in sorted(found, key=lambda entry: entry[0])]

    def _covering_indexes(self, char: int) -> Iterator[int]:
        index = bisect_right(self._starts, char) - 1
        while index >= 0 and self._reach[index] > char:
            if self._ends[index] > char:
                yield index
            index -= 1

    def overlapping(self, low: int, high: int) -> list[T]:
        """Records with ``start < high`` and ``low < end``, in their original order."""
        found = [
            (self._orders[i], self._items[i])
            for i in self._covering_indexes(low)
            if self._starts[i] < high
        ]
        first, last = bisect_right(self._starts, low), bisect_left(self._starts, high)
        found += [(self._orders[i], self._items[i]) for i in range(first, last)]
        return [item for _, item in sorted(found, key=lambda entry: entry[0])]

    def any_covering(self, char: int) -> bool:
        index = bisect_right(self._starts, char) - 1
        return index >= 0 and self._reach[index] > char

    def any_starting_in(self, low: int, high: int) -> bool:
        return bisect_left(self._starts, low) < bisect_left(self._starts, high)


class Lines:
    """Where each line of a text starts and ends (reports put a paragraph on a line)."""

    def __init__(self, text: str) -> None:
        self._length = len(text)
        self._breaks = [match.start() for match in re.finditer("\n", text)]

    def bounds(self, char: int) -> tuple[int, int]:
        """``(start, end)`` of the line around ``char``: the same as
        ``text.rfind("\\n", 0, char) + 1`` and ``text.find("\\n", char)`` (or the end)."""
        before = bisect_left(self._breaks, char)
        start = self._breaks[before - 1] + 1 if before else 0
        end = self._breaks[before] if before < len(self._breaks) else self._length
        return start, end


_SETTLEMENT_KINDS = ("city", "town", "village")
# "about 15 km south-east of Pokrovsk", "40 miles from the border": a place that says
# where something else is. Only the few characters before the mention are read.
_REFERENCE_BEFORE = re.compile(
    r"\b(?:km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?)\s+(?:[\w-]+\s+){0,2}(?:of|from)\s+$",
    re.I,
)


# "cut the roads from El Obeid and Dilling", "the highway to Porgera": the end of a route
# is not where anything told happened, nor the town "the city" refers back to (round 6).
_ROUTE_END_BEFORE = re.compile(
    r"\b(?:roads?|routes?|highways?|motorways?|railways?|corridors?|convoys?|flights?|trucks?"
    r"|buses|paths?|tracks?)\s+(?:from|to|towards?|between)\s+"
    r"(?:[A-Z][\w'’-]*(?:\s+|,\s*))*(?:(?:and|or)\s+)?$"
)


def is_reference_point(text: str, start: int) -> bool:
    """Whether the place mention at ``start`` is the reference point of a distance or
    the end of a route."""
    return bool(
        _REFERENCE_BEFORE.search(text, max(0, start - 48), start)
        or _ROUTE_END_BEFORE.search(text, max(0, start - 64), start)
    )


class PlaceMentions:
    """The mentions of literal (non-metonymic) places, by where they start. With the
    report's ``text``, a place named only as the reference point of a distance ("15 km
    south-east of Pokrovsk") is not a settlement that "the town" can refer back to."""

    def __init__(self, places: Iterable[Place], text: str = "") -> None:
        literal = [p for p in places if not p.metonymy]
        self.literal: Positions[tuple[Span, Place]] = Positions(
            (m.start, (m, p)) for p in literal for m in p.mentions
        )
        self.settlements: Positions[Place] = Positions(
            (m.start, p) for p in literal if p.kind in _SETTLEMENT_KINDS for m in p.mentions
            if not (text and is_reference_point(text, m.start))
        )  # fmt: skip

    def first_in(self, low: int, high: int) -> Place | None:
        """The place named first in ``[low, high)`` (the first listed, on a tie)."""
        found = self.literal.between(low, high)
        if not found:
            return None
        earliest = min(mention.start for mention, _ in found)
        return next(place for mention, place in found if mention.start == earliest)

    def last_settlement_before(self, char: int) -> Place | None:
        """The city, town or village named last before ``char``."""
        found = self.settlements.last_before(char)
        return found[0] if found else None
