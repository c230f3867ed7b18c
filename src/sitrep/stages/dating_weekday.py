"""A day told with its weekday and without its year pins the year (round 20).

"Police fired rubber bullets ... outside Congress on Wednesday, March 12": 12 March is a
Wednesday only every five to eleven years. A report that names years ("since December
2017") was written in or after the latest of them, so the first year from it on in which
the day falls on that weekday is the report's, and news tells such a day within the week
it appeared. A year given only with a month ("since May 2005") is one the writer wrote
because it was not the year of writing, so the search then starts the year after it
(round 23: "Friday, 1 July" after "since May 2005" is no longer 1 July 2005). "Friday, 1
July", which the time stage reads as two expressions, counts as one day with its weekday.
Nothing is inferred where the report names no year: the weekday alone leaves a choice
every few years.
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
    from_year, why = latest, "the latest year the report states"
    # A writer gives the year of a month or a bare year ("since May 2005") when it is not
    # the year of writing; only a day told with its year may be in the report's own year.
    if not any(s.first.year == latest and s.first == s.last for s in stated):
        from_year = latest + 1
        why = f"the year after {latest}, which the report names without a day"
    pairs = list(zip(times, parses, strict=False))
    for index, (time, parsed) in enumerate(pairs):
        if parsed.rule != "monthday" or parsed.future:
            continue
        weekday = parsed.weekday or _weekday_before(pairs, index)
        if weekday is None or parsed.month is None or parsed.day is None:
            continue
        day = _first_on_weekday(from_year, parsed.month, parsed.day, weekday)
        if day is None:
            continue
        name = calendar.day_name[weekday - 1]
        # A day said of what may not have happened yet ("would march on Wednesday,
        # March 12") may lie ahead: a week either way.
        lo = day - _TOLD_WITHIN if parsed.irrealis else day
        yield Bound(
            lo, day + _TOLD_WITHIN,
            f"{time.span.text!r}: {day} is the first {name} of that date from {from_year},"
            f" {why}; told within a week of it",
        )  # fmt: skip


def _weekday_before(pairs: Sequence[tuple[TimeExpression, ParsedTime]], index: int) -> int | None:
    """The weekday of "Friday, 1 July", which the time stage reads as two expressions: a
    bare weekday ending just before the day, with nothing but a comma or a space between."""
    if index == 0:
        return None
    before, parsed = pairs[index - 1]
    gap = pairs[index][0].span.start - before.span.end
    if parsed.weekday is None or parsed.month is not None or not 0 < gap <= 2:
        return None
    return parsed.weekday


def _first_on_weekday(year: int, month: int, day: int, weekday: int) -> date | None:
    for candidate in range(year, year + _YEARS_SEARCHED):
        try:
            found = date(candidate, month, day)
        except ValueError:
            continue  # 29 February
        if found.isoweekday() == weekday:
            return found
    return None
