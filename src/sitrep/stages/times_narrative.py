"""Narrative time: expressions anchored on the last date the report stated.

"He was promoted on June 2, 1995, and the following year he was posted abroad": "the
following year" is 1996, counted from the narrative, not from the publication date.
TimeML resolves such anaphoric expressions ("that year", "later that year", "the
following month", "the next morning", "the previous Friday") against the last
mentioned time of the needed precision, as HeidelTime does; without one they keep
their publication-relative value (``times_rules.resolve``).

The pass reads the expressions left to right, once: linear in their number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sitrep.records import TimeExpression
from sitrep.stages.times_rules import ParsedTime

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})(?![\d:])")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_YEAR = re.compile(r"(\d{4})(?!\d)")


@dataclass(slots=True)
class NarrativeTime:
    """The latest time the narrative stated, at each precision."""

    year: int | None = None
    month: tuple[int, int] | None = None
    day: date | None = None
    quarter: tuple[int, int] | None = None

    def learn(self, value: str) -> None:
        """Take in a stated value ("1995-06-02" sets the day, month and year)."""
        if m := _DAY.match(value):
            try:
                self.day = date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return
        if m := _MONTH.match(value):
            self.month = (int(m[1]), int(m[2]))
        if m := _QUARTER.match(value):
            self.quarter = (int(m[1]), int(m[2]))
        if m := _YEAR.match(value):
            self.year = int(m[1])


def in_narrative(
    times: list[TimeExpression], parses: list[ParsedTime]
) -> tuple[list[TimeExpression], list[ParsedTime]]:
    """``times`` with the narrative expressions resolved against the last stated time,
    and their parses: one resolved so is neither ahead of nor before the publication
    ("the following Monday" of a story told in the past is not a plan)."""
    stated = NarrativeTime()
    result, result_parses = [], []
    for time, parsed in zip(times, parses, strict=True):
        if _is_narrative(parsed):
            value = narrative_value(parsed, stated)
            if value is not None:
                time = replace(time, value=value, anchor="context")
                parsed = replace(parsed, future=False, past=False)
        if time.value and time.kind in ("date", "time"):
            stated.learn(time.value)
        result.append(time)
        result_parses.append(parsed)
    return result, result_parses


def _is_narrative(parsed: ParsedTime) -> bool:
    # "Sales will grow over the next year": said of the future, the next year is the
    # publication's, whatever year the story told before.
    if parsed.rule == "narrative":
        return not parsed.future
    return parsed.rule == "weekday" and parsed.narrative


def narrative_value(parsed: ParsedTime, stated: NarrativeTime) -> str | None:
    """The value counted from the narrative's last time, or None when it stated none of
    the precision needed."""
    if parsed.rule == "weekday":
        return _weekday_after(parsed, stated.day)
    unit, shift = parsed.unit, parsed.shift
    if unit == "year" and stated.year is not None:
        if parsed.month is not None:
            return f"{stated.year + shift}-{parsed.month:02d}"  # "December that year"
        return str(stated.year + shift)
    if unit == "month" and stated.month is not None:
        year, month = divmod(stated.month[0] * 12 + stated.month[1] - 1 + shift, 12)
        return f"{year}-{month + 1:02d}"
    if unit == "quarter" and stated.quarter is not None:
        year, quarter = divmod(stated.quarter[0] * 4 + stated.quarter[1] - 1 + shift, 4)
        return f"{year}-Q{quarter + 1}"
    if unit == "week" and stated.day is not None:
        year, week, _ = (stated.day + timedelta(weeks=shift)).isocalendar()
        return f"{year}-W{week:02d}"
    if unit == "day" and stated.day is not None:
        suffix = f"T{parsed.part_of_day}" if parsed.part_of_day else ""
        return (stated.day + timedelta(days=shift)).isoformat() + suffix
    if unit in ("day", "week") and stated.day is None and stated.month is not None:
        # "In July 2021 … a month later … two days earlier": no day was stated, so the
        # month is as precise as the narrative allows (better than the publication's).
        return f"{stated.month[0]}-{stated.month[1]:02d}"
    return None


def _weekday_after(parsed: ParsedTime, day: date | None) -> str | None:
    """ "the previous Friday": the Friday before the narrative's day; "the following
    Monday": the Monday after it."""
    if day is None or parsed.weekday is None:
        return None
    if parsed.shift > 0:
        found = day + timedelta(days=(parsed.weekday - day.isoweekday() - 1) % 7 + 1)
    else:
        found = day - timedelta(days=(day.isoweekday() - parsed.weekday - 1) % 7 + 1)
    suffix = f"T{parsed.part_of_day}" if parsed.part_of_day else ""
    return found.isoformat() + suffix
