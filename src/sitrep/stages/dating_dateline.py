"""Datelines: the publication date a report states at its top.

Wire and newspaper copy often opens with a dateline ("KHARTOUM, 14 May 2024 — ...",
"IDLIB, Syria, Oct. 9, 2023 — ...") or a byline row ("Published: 12 March 2024"). Such a
date is the day the report was filed, not an estimate, so it anchors relative times
("on Monday") just as metadata would.

Only a full day date counts, and only when what precedes it on its line is a short
run of capitalised place words (or a "published/updated" label) and what follows is a
dash, a colon, a parenthesis or the end of the line: a date inside the first sentence
of the story ("On 14 May 2024, troops ...") is not a dateline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sitrep.records import Removed
from sitrep.stages.dating_pageline import (
    copyright_year,
    is_published_label,
    page_publication_date,
)
from sitrep.stages.times_rules import find_times

# Datelines sit in the first lines of a report; further down a date is story content.
MAX_DATELINE_LINES = 4
MAX_PREFIX_CHARS = 60
MAX_DATELINE_CHARS = MAX_PREFIX_CHARS + 60

# "PORT SUDAN, ", "IDLIB, Syria, ", "Monday, ", "By Jane Doe | " (capitalised words and
# separators only: a verb or lower-case word means the date is part of a sentence).
_SEPARATORS = re.compile(r"[\s,|/·•–—()-]+")
_CONNECTORS = frozenset({"of", "de", "al", "el", "la", "by"})
_LABEL = re.compile(
    r"(?i)\b(?:published|posted|updated|first published|last updated|date|dated)\b"
    # "originally published by Bekaa Notes on 31 October 2024" (round 20)
    r"(?:\s+(?:by|in)\s+[\w.&'’ -]{1,60}?(?=\s+on\b))?"
    r"(?:\s+on)?\s*[:|-]?\s*(?:\w+,\s*)?$"
)
# A clock time may follow the day ("18 Oct 2023 / 09:40 GMT —", "16 Feb 2024, 10:12").
_CLOCK = (
    r"(?:\s*[,/|·•]?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?"
    r"(?:\s*\(?(?:UTC|GMT)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\)?|\s*\(?[A-Z]{2,4}\)?(?![\w]))?)?"
)
_AFTER = re.compile(_CLOCK + r"\s*(?:[—–]|--?\s|\(|:|\||$)")


@dataclass(frozen=True, slots=True)
class Dateline:
    day: date
    line: str


def find_dateline(text: str) -> Dateline | None:
    """The publication date stated in a dateline at the top of ``text``, if any."""
    for line in _first_lines(text):
        for m in find_times(line):
            value = m.parsed.value if m.parsed.rule == "fixed" else None
            if value is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                continue
            if _is_dateline(line, m.start, m.end):
                return Dateline(date.fromisoformat(value), line[: m.end].strip())
    return None


def report_dateline(text: str, removed: Sequence[Removed]) -> Dateline | None:
    """The dateline of a report: in its cleaned text, or else on a header line the cleaner
    took out as page furniture ("Published 20 August 2024" under a headline is a byline
    row to the cleaner and the publication date to dating)."""
    found = find_dateline(text)
    if found is not None:
        return _published_over_updated(found, text, removed)
    header = "\n".join(r.text for r in removed if r.start < _HEADER_CHARS)
    found = find_dateline(header) if header else None
    if found is not None:
        return _published_over_updated(found, text, removed)
    found = _labelled_trailer_date(r.text for r in removed if r.start >= _HEADER_CHARS)
    if found is not None:
        return found
    page = page_publication_date(text, removed)
    if page is not None:
        return Dateline(page.day, page.line)
    return yearless_dateline(text, removed)


def _published_over_updated(found: Dateline, text: str, removed: Sequence[Removed]) -> Dateline:
    """An "Updated …" row gives way to a "Published …" row the page also prints."""
    if not _UPDATE_ROW.match(found.line):
        return found
    page = page_publication_date(text, removed)
    if page is not None and is_published_label(page.label):
        return Dateline(page.day, page.line)
    return found


_UPDATE_ROW = re.compile(r"(?i)\s*(?:last\s+)?(?:updated|modified)\b")


def yearless_dateline(text: str, removed: Sequence[Removed]) -> Dateline | None:
    """A wire dateline without its year ("NAGA, Philippines, Oct 25 (PNS) —") dated by
    the one copyright year the page prints ("(c) 2024 PNS"): wire copy leaves out the
    current year, and a page's notice prints the year it was put out (on the dev sets
    a-h the notice's year was the publication year in all 16 dated or windowed reports
    that print one)."""
    year = copyright_year(text, removed)
    if year is None:
        return None
    for line in _first_lines(text):
        for m in find_times(line):
            parsed = m.parsed
            if parsed.rule != "monthday" or parsed.month is None or parsed.day is None:
                continue
            if _is_dateline(line, m.start, m.end):
                try:
                    day = date(year, parsed.month, parsed.day)
                except ValueError:
                    return None
                evidence = f"{line[: m.end].strip()} (year {year} from the page's copyright)"
                return Dateline(day, evidence)
    return None


def _labelled_trailer_date(lines: Iterable[str]) -> Dateline | None:
    """A "Published …" / "Updated …" row the cleaner removed below the story (some sites
    print the date at the foot). Only when exactly one such day is stated there: a list
    of other stories with their dates says nothing about this one."""
    found = {d.day: d for line in lines if (d := _labelled(line.strip())) is not None}
    return next(iter(found.values())) if len(found) == 1 else None


def _labelled(line: str) -> Dateline | None:
    if len(line) > MAX_DATELINE_CHARS or not _LABEL_START.match(line):
        return None
    return find_dateline(line)


_LABEL_START = re.compile(r"(?i)(?:first\s+|last\s+)?(?:published|posted|updated|date|dated)\b")


# How far into the raw text a removed line can still be part of the report's header.
_HEADER_CHARS = 1000


def _first_lines(text: str) -> list[str]:
    """The report's first lines, each cut to the length a dateline can have (a place
    prefix, a date, the dash after it): a paragraph's rest is never needed."""
    lines = [line for line in text[:4000].splitlines() if line.strip() and not _chrome(line)]
    return [line[:MAX_DATELINE_CHARS] for line in lines[:MAX_DATELINE_LINES]]


def _chrome(line: str) -> bool:
    """A short line with no number and no sentence's end ("Tweet", "Listen", "World
    news") that the cleaner left: it cannot be a dateline and does not count among the
    first lines (round 20). A short sentence ("It resumed.") is story and counts."""
    words = line.split()
    return (
        len(words) <= _CHROME_WORDS
        and not any(ch.isdigit() for ch in line)
        and not line.rstrip().endswith((".", "!", "?", '"', "”", "'"))
    )


_CHROME_WORDS = 3


def _is_dateline(line: str, start: int, end: int) -> bool:
    if _closes_title(line, start, end):
        return True
    prefix = line[:start]
    if _LABEL.search(prefix) and _SENTENCE_END.match(line, end):
        return True  # "This story was originally published by X on 31 October 2024."
    if not _AFTER.match(line, end):
        return False
    if _LABEL.search(prefix) or _is_byline_prefix(prefix):
        return True
    return len(prefix) <= MAX_PREFIX_CHARS and _is_place_prefix(prefix)


def _is_byline_prefix(prefix: str) -> bool:
    """ "Staff reporter | Fri, ", "By Ana Ruiz · ": a byline row's cells before the day,
    the cell right before it empty or a weekday (round 21)."""
    cells = [cell.strip() for cell in _CELL_SEPARATORS.split(prefix)]
    if len(cells) < 2 or (cells[-1] and not _WEEKDAY_CELL.fullmatch(cells[-1])):
        return False
    words = {w.strip(".,:").lower() for cell in cells[:-1] for w in cell.split()}
    return bool(words & _BYLINE_WORDS)


_CELL_SEPARATORS = re.compile(r"[|·•]")
_WEEKDAY_CELL = re.compile(
    r"(?i)(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?"
)
_BYLINE_WORDS = frozenset({"by", "reporter", "reporters", "correspondent", "correspondents",
                           "staff", "writer", "editor", "desk", "bureau"})  # fmt: skip


def _closes_title(line: str, start: int, end: int) -> bool:
    """ "SOMALIA: ... conflict — Situation Update No. 9 (31 August 2023)": a day in
    parentheses closing a title line dates the document (round 20)."""
    return line[:start].rstrip().endswith("(") and line[end:].strip() == ")"


def _is_place_prefix(prefix: str) -> bool:
    """Capitalised words and connectors ("PORT SUDAN, ", "IDLIB, Syria, "), or a title
    with its number ("Situation Update No. 2 — ", round 20)."""
    words = [w for w in _SEPARATORS.split(prefix) if w]
    return all(
        w[0].isupper() or w in _CONNECTORS or (w.isdigit() and i > 0 and words[i - 1] == "No.")
        for i, w in enumerate(words)
    )


_SENTENCE_END = re.compile(r"\.(?:\s|$)")
