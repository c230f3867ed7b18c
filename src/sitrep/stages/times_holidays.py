"""Holidays as time expressions: a small table of fixed and floating holidays.

A holiday names a day whose year the context decides, like a day-month ("Christmas")
or a weekday ("Thanksgiving" is the fourth Thursday of November, so its day-month
changes every year). ``holiday_day`` gives the day in a given year; the times stage
picks the year by tense and the reference day as it does for "Feb. 24".

Only holidays whose name says which one is meant are listed: days of the Western
calendar named the same everywhere (Christmas, New Year, Easter by the Gregorian
computus, Halloween), and United States holidays whose name is American
(Thanksgiving, Memorial Day, Labor Day, Veterans Day, the Fourth of July). Names that
differ by country are left out: "Independence Day" (Ukraine's is 24 August), "Election
Day", "Mother's Day".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

HolidayRule = Callable[[int], date]


def _fixed(month: int, day: int) -> HolidayRule:
    return lambda year: date(year, month, day)


def _nth_weekday(month: int, weekday: int, n: int) -> HolidayRule:
    """The ``n``-th ``weekday`` (1 = Monday) of ``month``; ``n`` = -1: the last one."""

    def day(year: int) -> date:
        if n > 0:
            first = date(year, month, 1)
            return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
        following = date(year + month // 12, month % 12 + 1, 1)
        last = following - timedelta(days=1)
        return last - timedelta(days=(last.isoweekday() - weekday) % 7)

    return day


def easter_sunday(year: int) -> date:
    """Western Easter: the Gregorian computus (the anonymous algorithm of 1876)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * weekday_shift) // 433
    month = (h + weekday_shift - 7 * m + 90) // 25
    day = (h + weekday_shift - 7 * m + 33 * month + 19) % 32
    return date(year, month, day)


def _from_easter(days: int) -> HolidayRule:
    return lambda year: easter_sunday(year) + timedelta(days=days)


# Lower-case names (without a trailing "day" where "X Day" and "X" mean the same day).
HOLIDAYS: dict[str, HolidayRule] = {
    "new year's": _fixed(1, 1),
    "new year's day": _fixed(1, 1),
    "new year's eve": _fixed(12, 31),
    "christmas": _fixed(12, 25),
    "christmas eve": _fixed(12, 24),
    "boxing day": _fixed(12, 26),
    "valentine's day": _fixed(2, 14),
    "halloween": _fixed(10, 31),
    "the fourth of july": _fixed(7, 4),
    "veterans day": _fixed(11, 11),
    "thanksgiving": _nth_weekday(11, 4, 4),
    "memorial day": _nth_weekday(5, 1, -1),
    "labor day": _nth_weekday(9, 1, 1),
    "martin luther king day": _nth_weekday(1, 1, 3),
    "easter": easter_sunday,
    "easter sunday": easter_sunday,
    "easter monday": _from_easter(1),
    "good friday": _from_easter(-2),
    "palm sunday": _from_easter(-7),
    "ash wednesday": _from_easter(-46),
}

# The pattern the times stage matches (names capitalised, as holidays are written).
HOLIDAY_PATTERN = (
    r"(?:New Year's (?:Day|Eve)|New Year's|Christmas Eve|Christmas(?: Day)?|Boxing Day|"
    r"Valentine's Day|Halloween|the Fourth of July|Veterans Day|"
    r"Thanksgiving(?: Day)?|Memorial Day|Labor Day|Martin Luther King(?: Jr\.?)? Day|"
    r"Easter(?: Sunday| Monday)?|Good Friday|Palm Sunday|"
    r"Ash Wednesday)"
)


def holiday_key(name: str) -> str | None:
    """The table's key for a matched name ("Thanksgiving Day" -> "thanksgiving")."""
    key = " ".join(name.lower().replace("’", "'").replace(" jr.", "").replace(" jr", "").split())
    if key in HOLIDAYS:
        return key
    if key.endswith(" day") and key[:-4] in HOLIDAYS:
        return key[:-4]
    return None


def holiday_day(key: str, year: int) -> date:
    return HOLIDAYS[key](year)
