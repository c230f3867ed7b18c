"""A day told with its weekday and without its year pins the year (round 20).

"Police fired rubber bullets ... outside Congress on Wednesday, March 12": 12 March is a
Wednesday only every five to eleven years. A report that names years ("since December
2017") was written in or after the latest of them, so the first year from it on in which
the day falls on that weekday is the report's, and news tells such a day within the week
it appeared. Nothing is inferred where the report names no year: the weekday alone
leaves a choice every few years.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator, Sequence
from datetime import date, timedelta

from sitrep.records import TimeExpression
from sitrep.stages.dating_elapsed import Bound, stated_dates
from sitrep.stages.times_rules import ParsedTime

# Weekday and day come back together within eleven years (28 with leap days at worst).
_YEARS_SEARCHED = 28
# News tells the weekday of a day within the week it appeared.
_TOLD_WITHIN = timedelta(days=7)


def weekday_bounds(
    times: Sequence[TimeExpression], parses: Sequence[ParsedTime]
) -> Iterator[Bound]:
    """A window for each day told with its weekday but not its year, in the first year
    from the latest year the report states in which that day falls on that weekday."""
    stated = stated_dates(times, parses)
    if not stated:
        return
    latest = max(s.first.year for s in stated)
    for time, parsed in zip(times, parses, strict=False):
        if parsed.rule != "monthday" or parsed.future:
            continue
        if parsed.weekday is None or parsed.month is None or parsed.day is None:
            continue
        day = _first_on_weekday(latest, parsed.month, parsed.day, parsed.weekday)
        if day is None:
            continue
        name = calendar.day_name[parsed.weekday - 1]
        # A day said of what may not have happened yet ("would march on Wednesday,
        # March 12") may lie ahead: a week either way.
        lo = day - _TOLD_WITHIN if parsed.irrealis else day
        yield Bound(
            lo, day + _TOLD_WITHIN,
            f"{time.span.text!r}: {day} is the first {name} of that date from {latest}, the"
            " latest year the report states; told within a week of it",
        )  # fmt: skip


def _first_on_weekday(year: int, month: int, day: int, weekday: int) -> date | None:
    for candidate in range(year, year + _YEARS_SEARCHED):
        try:
            found = date(candidate, month, day)
        except ValueError:
            continue  # 29 February
        if found.isoweekday() == weekday:
            return found
    return None
