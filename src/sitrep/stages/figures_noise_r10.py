"""Numbers that are no situation figure, told by the characters around them (round 10).

Pages keep numbers a reader does not take as news about the situation: the serial number
of an update ("Situation Update No. 7"), a file's size ("Download PDF (412 KB)"), a phone
number written in groups ("call 0772 000 111"), a time zone ("4:12 PM GMT+7"), a market
ticker ("USD 497.12 ▲"), a weather widget ("Peshawar 34°C"), a clock time written with a
dot ("at 9.40 p.m."), and the first number of a range of time ("three to four days").
Each test reads a few characters on either side of the number, never the whole text.
"""

from __future__ import annotations

import re

# "No. 7", "Update #4", "Number 3": a number that names a document or an item.
_SERIAL_BEFORE = re.compile(r"(?:\bNo\.?|\bNr\.?|\bNumber|#)\s*$")
# "(412 KB)", "2.4 MB": the size of a file.
_FILE_SIZE_AFTER = re.compile(r"\s*(?:[KMG]B|kB|[KMG]iB|bytes)\b")
# "0772 000 111", "0244-000-111": a number with a leading zero, in groups.
_PHONE = re.compile(r"(?<![\d.,])0\d{2,4}(?:[ -]\d{2,4}){1,3}(?![\d,])")
_PHONE_REACH = 16  # characters: longer than any group of a phone number
# "GMT+7", "UTC-3": a time zone's offset.
_OFFSET_BEFORE = re.compile(r"\b(?:GMT|UTC)\s*[+\-−]\s*$")
# Arrows that only price and market tickers use.
_TICKER_MARKS = ("▲", "▼")
# A weather widget is a place and a temperature on a line of its own.
_WIDGET_WORDS = 4
# "at 9.40 p.m.", "7.30am": a clock time, not a decimal.
_CLOCK_AFTER = re.compile(r"\s*(?:[ap]\.m\.|[ap]m\b)", re.I)
# "three to four days", "24-48 hours": the first number of a range of time.
_TIME_RANGE_AFTER = re.compile(
    r"\s*(?:to|or|-|–)\s*(?:\d+|[a-z]+)\s+(?:days?|weeks?|hours?|months?|years?|minutes?)\b",
    re.I,
)


def is_serial_number(text: str, start: int) -> bool:
    return bool(_SERIAL_BEFORE.search(text, max(0, start - 8), start))


def is_file_size(text: str, end: int) -> bool:
    return bool(_FILE_SIZE_AFTER.match(text, end))


def is_phone_group(text: str, start: int, end: int) -> bool:
    """Whether the number is a group of a phone number written with a leading zero."""
    low = max(0, start - _PHONE_REACH)
    return any(
        m.start() <= start and end <= m.end()
        for m in _PHONE.finditer(text, low, min(len(text), end + _PHONE_REACH))
    )


def is_time_zone(text: str, start: int) -> bool:
    return bool(_OFFSET_BEFORE.search(text, max(0, start - 8), start))


def is_ticker(line: str) -> bool:
    return any(mark in line for mark in _TICKER_MARKS)


def is_weather_widget(line: str, unit: str | None) -> bool:
    """ "Changuinola 31°C": a temperature on a line of a few words, with no sentence."""
    return unit in ("celsius", "fahrenheit") and len(line.split()) <= _WIDGET_WORDS


def is_clock_with_dot(text: str, end: int) -> bool:
    return bool(_CLOCK_AFTER.match(text, end))


def starts_a_time_range(text: str, end: int) -> bool:
    return bool(_TIME_RANGE_AFTER.match(text, end))
