"""Publication lines: the date a page prints about itself, above or below the story.

Pages state when they were published in forms a wire dateline does not cover:

* a date on its own line, with page furniture around it: "14:35, 4 February 2026",
  "March 17, 2026 4:12 PM GMT+7 Updated 2 hours ago", "14.03.2025, 18:47 | Views: 3 912",
  "2025-03-14T09:30:00Z";
* a labelled row anywhere in the header or the footer: "Published: Thursday, 16 October
  2025 | 7:45 am", "Last updated: Sunday 15 June 2025, 17:05 CEST", "Last modified
  2024-11-02";
* a wire dateline without its year ("NAGA, Philippines, Oct 25 (PNS) —") on a page whose
  footer prints one copyright year ("(c) 2024 PNS").

A date inside the story's sentences is never one of these: a publication line holds
nothing but the date, its label and furniture (clock times, time zones, weekdays, view
counts, "Updated 2 hours ago"), and only lines above the story's first paragraph or
below its last count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sitrep.records import Removed
from sitrep.stages.times_rules import find_times

# A publication line is short: a label, a date, a clock time and a few furniture words.
MAX_LINE_CHARS = 140
# The header is what stands above the story's first paragraph; these many non-empty
# lines at most (menus, a headline, a standfirst, a byline, the date row).
MAX_HEADER_LINES = 12
# A paragraph of the story: this many words or more (headlines and standfirsts in the
# dev sets a-h run to 20 words; the first story paragraph to 25 and more).
MIN_PARAGRAPH_WORDS = 25
# How far into the raw text a removed line still belongs to the page's header (the
# dev sets' header rows removed as furniture all start within the first 1,000 chars).
HEADER_CHARS = 1000

_WEEKDAY = (
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?"
)
_LABEL = (
    r"(?:first\s+|last\s+|originally\s+)?(?:published|posted|updated|modified|"
    r"dated?|released|filed)(?:\s+(?:on|at))?"
)
# Everything a publication line may hold besides its date and label.
_FURNITURE_TOKEN = re.compile(
    r"(?ix)\s*(?:"
    r"[|,/·•–—:;()\[\]-]+"  # separators
    r"|\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?"  # 14:35, 4:12 PM, 7.45 am
    r"|(?:gmt|utc)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?|z\b"  # GMT+7, UTC
    r"|(?:" + _WEEKDAY + r")\b"
    r"|(?:updated|edited)\b|ago\b|just\s+now\b"
    r"|\d+\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?)\b"  # 2 hours (ago)
    r"|(?:views?|reads?|comments?)\b|\d[\d\s,.]*\d\b|\d\b"  # Views: 12 408
    r"|min(?:ute)?s?\s+read\b|read\b"
    r")"
)
# Time zones in capitals only ("CEST", "EAT", "IST"): in lower case they are words.
_TIME_ZONE = re.compile(r"\s*(?:[A-Z]{2,4}T|[A-Z]{3})\b")
_ISO_DATE = re.compile(
    r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b"
)
_LABEL_BEFORE = re.compile(rf"(?i)\b(?P<label>{_LABEL})\s*[:|-]?\s*(?:(?:{_WEEKDAY})\b,?\s*)?$")
_COPYRIGHT = re.compile(r"(?i)(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(\d{4})\s*[-–]\s*)?(\d{4})\b")


@dataclass(frozen=True, slots=True)
class PageDate:
    """A day the page states about itself, the line it was read from, and whether a
    label said so ("Published", "Updated")."""

    day: date
    line: str
    label: str | None


def line_days(line: str) -> list[tuple[int, int, date]]:
    """Full day dates in ``line`` (start, end, day): written out, numeric or ISO."""
    found = [
        (m.start, m.end, date.fromisoformat(m.parsed.value))
        for m in find_times(line)
        if m.parsed.rule == "fixed" and m.parsed.value and len(m.parsed.value) == 10
    ]
    for m in _ISO_DATE.finditer(line):
        if any(s <= m.start() < e for s, e, _ in found):
            continue
        try:
            found.append((m.start(), m.end(), date(int(m[1]), int(m[2]), int(m[3]))))
        except ValueError:
            continue
    return sorted(found)


def is_furniture(text: str) -> bool:
    """Whether ``text`` holds only what surrounds a date on a publication line."""
    pos = 0
    while pos < len(text):
        m = _FURNITURE_TOKEN.match(text, pos) or _TIME_ZONE.match(text, pos)
        if m is None or m.end() == pos:
            return not text[pos:].strip()
        pos = m.end()
    return True


def publication_line(line: str) -> PageDate | None:
    """The day a publication line states, if ``line`` is one (see the module doc)."""
    line = line.strip()
    if not line or len(line) > MAX_LINE_CHARS:
        return None
    days = line_days(line)
    if len({d for _, _, d in days}) != 1:
        return None
    start, end, day = days[0]
    prefix, suffix = line[:start], line[end:]
    if not is_furniture(suffix):
        return None
    label = _LABEL_BEFORE.search(prefix)
    if label is not None:
        before_label = prefix[: label.start()]
        if len(before_label) <= MAX_LINE_CHARS // 2:
            return PageDate(day, line, label["label"])
        return None
    return PageDate(day, line, None) if is_furniture(prefix) else None


def header_lines(text: str) -> list[str]:
    """The lines above the story's first paragraph (at most ``MAX_HEADER_LINES``)."""
    lines: list[str] = []
    for line in text[:6000].splitlines():
        if not line.strip():
            continue
        if len(line.split()) >= MIN_PARAGRAPH_WORDS or len(lines) >= MAX_HEADER_LINES:
            break
        lines.append(line)
    return lines


def footer_lines(text: str) -> list[str]:
    """The lines below the story's last paragraph (at most ``MAX_HEADER_LINES``)."""
    lines: list[str] = []
    for line in reversed(text[-6000:].splitlines()):
        if not line.strip():
            continue
        if len(line.split()) >= MIN_PARAGRAPH_WORDS or len(lines) >= MAX_HEADER_LINES:
            break
        lines.append(line)
    return lines[::-1]


def page_publication_date(text: str, removed: Sequence[Removed]) -> PageDate | None:
    """The publication day the page prints about itself, from its header (cleaned-text
    lines above the story and furniture rows the cleaner removed there), else from a
    labelled row at its foot. A "Published" row wins over an "Updated" one; a header
    holding several different days that no label tells apart says nothing."""
    top = [*header_lines(text), *(r.text for r in removed if r.start < HEADER_CHARS)]
    found = _best(publication_line(line) for line in top)
    if found is not None:
        return found
    bottom = [*footer_lines(text), *(r.text for r in removed if r.start >= HEADER_CHARS)]
    labelled = [d for line in bottom if (d := publication_line(line)) and d.label]
    return labelled[0] if len({d.day for d in labelled}) == 1 else None


def _best(candidates: Iterable[PageDate | None]) -> PageDate | None:
    found = [c for c in candidates if c is not None]
    for wanted in (is_published_label, _any_label):
        picked = {c.day: c for c in found if wanted(c.label)}
        if len(picked) == 1:
            return next(iter(picked.values()))
        if picked:
            return None
    unlabelled = {c.day: c for c in found}
    return next(iter(unlabelled.values())) if len(unlabelled) == 1 else None


def is_published_label(label: str | None) -> bool:
    """Whether a publication line's label says published/posted, not updated."""
    return label is not None and not re.search(r"(?i)updated|modified", label)


def _any_label(label: str | None) -> bool:
    return label is not None


def copyright_year(text: str, removed: Sequence[Removed]) -> int | None:
    """The one year the page's copyright notice prints ("(c) 2024 PNS", the last year of
    "© 2016-2026"), looked for in the footer and the removed rows; None when absent or
    when the page prints different years."""
    lines = [*footer_lines(text), *(r.text for r in removed)]
    years = {int(m[2]) for line in lines for m in _COPYRIGHT.finditer(line)}
    return years.pop() if len(years) == 1 else None
