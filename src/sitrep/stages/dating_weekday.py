"""A day told with its weekday and without its year pins the year (round 20).

"Police fired rubber bullets ... outside Congress on Wednesday, March 12": 12 March is a
Wednesday only every five to eleven years. A report that names years ("since December
2017") was written in or after the latest of them, so the first year from it on in which
the day falls on that weekday is the report's, and news tells such a day within the week
it appeared. A year a comparison reaches back to ("the deadliest since May 2005") is one
the writer gave because it was not the year of writing, so the search then starts the
year after it (round 23: "Friday, 1 July" after "the deadliest since May 2005" is no
longer 1 July 2005; "Since January 2024, ..." alone moves nothing). "Friday, 1
July", which the time stage reads as two expressions, counts as one day with its weekday.
Nothing is inferred where the report names no year: the weekday alone leaves a choice
every few years.
"""

from __future__ import annotations

import calendar
import re
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
    times: Sequence[TimeExpression], parses: Sequence[ParsedTime], text: str = ""
) -> Iterator[Bound]:
    """A window for each day told with its weekday but not its year, in the first year
    from the latest year the report states in which that day falls on that weekday."""
    stated = stated_dates(times, parses)
    if not stated:
        return
    latest = max(s.first.year for s in stated)
    from_year, why = latest, "the latest year the report states"
    # "the deadliest since May 2005": a year a comparison reaches back to is not the
    # year of writing (a writer in 2005 would say "since May"). "Since January 2024,
    # more than 500 people have been killed" may well be written in 2024.
    of_latest = [s for s in stated if s.first.year == latest]
    if text and all(s.first != s.last and _compared_since(text, s.start) for s in of_latest):
        from_year = latest + 1
        why = f"the year after {latest}, which a comparison reaches back to"
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


# "the deadliest since", "the worst ... since", "the first ... since": a superlative
# before "since" in the same sentence.
_COMPARISON_SINCE = re.compile(
    r"(?i)\b(?:\w{3,}est|worst|best|most\s+\w+|first|largest|biggest)\b[^.!?\n]{0,80}"
    r"\bsince\s+(?:early\s+|late\s+|mid-?)?$"
)


def _compared_since(text: str, start: int) -> bool:
    return _COMPARISON_SINCE.search(text, max(0, start - 120), start) is not None


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
