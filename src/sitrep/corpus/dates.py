"""Dates as intervals: what "2022-09", "2023-WI" or a publication window cover.

Comparing dates of different precision means comparing the intervals they cover: "2022-09"
is compatible with "2022-09-18", not with "2022-11-02". Values the time stage could not
anchor ("XXXX-WXX-7") cover nothing known and return None.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

Interval = tuple[date, date]

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_SEASON = re.compile(r"^(\d{4})-(WI|SP|SU|FA)$")
# Northern-hemisphere meteorological seasons, as TimeML writes them; winter 2023 runs
# into 2024 (December to February).
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def interval(value: str | None) -> Interval | None:
    """The days a TIMEX3-style value covers, or None when it is not an anchored date."""
    if not value:
        return None
    try:
        return _parse(value.strip())
    except ValueError:  # a month 13, a day 31 in April: not a date
        return None


def precision(value: str | None) -> str | None:
    if not value:
        return None
    for name, pattern in (("day", _DAY), ("month", _MONTH), ("year", _YEAR),
                          ("week", _WEEK), ("season", _SEASON)):  # fmt: skip
        if pattern.match(value):
            return name
    return None


def overlaps(a: Interval, b: Interval, *, slack_days: int = 0) -> bool:
    slack = timedelta(days=slack_days)
    return a[0] - slack <= b[1] and b[0] - slack <= a[1]


def window(start: str | None, end: str | None) -> Interval | None:
    first, last = interval(start), interval(end)
    if first is None or last is None:
        return None
    return (first[0], last[1]) if first[0] <= last[1] else None


def iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _parse(value: str) -> Interval | None:
    if match := _DAY.match(value):
        day = date(int(match[1]), int(match[2]), int(match[3]))
        return day, day
    if match := _MONTH.match(value):
        year, month = int(match[1]), int(match[2])
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    if match := _YEAR.match(value):
        return date(int(match[1]), 1, 1), date(int(match[1]), 12, 31)
    if match := _WEEK.match(value):
        monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
        return monday, monday + timedelta(days=6)
    if match := _SEASON.match(value):
        year = int(match[1])
        first, last = _SEASON_MONTHS[match[2]]
        start = date(year, first, 1)
        end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
        return start, date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
    return None
