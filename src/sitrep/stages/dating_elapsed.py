"""Time elapsed since a date the report states, and the page's copyright year.

An undated report often says how long ago something it dates happened:

* "the Aranayake landslide in May 2016, nine years ago": published nine years after May
  2016 (the "ago" phrase stands in apposition to the date: nothing but a comma between);
* "two winters ago, when a severe cold snap in January 2023 left ...": the "ago" phrase
  dated by the "when" clause right after it (a winter counts as a year);
* "In November 2019, security forces killed ... More than five years on, no officer has
  been convicted": "N units on" opening a sentence counts from the dates of the sentence
  before it (or its own).

A date elsewhere in the sentence says nothing: in "arrested in March 2020 and released
two weeks ago" the two weeks are not counted from March 2020.

The copyright notice ("© 2025 Zamfara Daily News") bounds the publication to that year:
on the dev sets a-h its year was the publication year of every report printing one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sitrep.records import Removed, TimeExpression
from sitrep.stages.dating_pageline import copyright_year
from sitrep.stages.times_rules import NUMBER_WORDS, ParsedTime, value_bounds

UNIT_DAYS: dict[str, float] = {"day": 1, "week": 7, "month": 30.44, "year": 365.25}
# "nearly two years" may be said up to a third of a unit early ("nearly" = a bit less).
HEDGE_FRACTION = 1 / 3
# A season named as a unit of time ("two winters ago") is a year.
_SEASON_UNITS = {"winter": "year", "summer": "year", "spring": "year", "monsoon": "year"}

_COUNT = (
    r"(?P<mod>nearly|almost|about|around|some|over|more than|roughly|just over|just under|"
    r"at least|close to|approximately)?\s*(?P<n>\d+|a|an|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)\s+"
    r"(?P<u>day|week|month|year|winter|summer|spring|monsoon)s?"
)
_AGO = re.compile(rf"(?i)\b{_COUNT}\s+ago\b")
# "More than five years on, ..." (not "five years on from", "on the run", "on trial").
_UNITS_ON = re.compile(rf"(?i)\b{_COUNT}\s+on\b(?=\s*[,;:—–-])")
# "Eleven years later, residents say, ..." counts the same way, but only where the
# sentence speaks in the present: in a past narrative ("Two years later, the town was
# rebuilt") "later" dates the next event, not the report.
_UNITS_LATER = re.compile(rf"(?i)\b{_COUNT}\s+later\b(?=\s*[,;:—–-])")
_PRESENT = re.compile(r"(?i)\b(?:is|are|has|have|say|says|remain|remains|still)\b")
# Between a date and its "ago" phrase in apposition: only a comma, a dash or a bracket.
_APPOSITION = re.compile(r"\s*[,(—–-]\s*")
# After an "ago" phrase, a clause that dates it: ", when ... January 2023".
_WHEN_CLAUSE = re.compile(r"\s*,?\s*when\b[^.;!?]{0,80}$")
_SCHEDULED = re.compile(
    r"(?i)(?:\b(?:due|scheduled|slated|planned|set|expected|poised)\s+(?:to\s+(?:\w+\s+){1,2})?"
    r"(?:for|in|on|by|before)\s+(?:the\s+)?"
    # "debentures due March 15, 2007", "the restriction expires on Dec. 31, 1990"
    r"|\b(?:due|matur(?:es?|ing)|expir(?:es?|ing))\s+(?:on\s+|in\s+)?)$"
)
_WAS = re.compile(r"(?i)\b(?:was|were|had\s+been)\s+$")
_PERFECT = re.compile(r"(?i)\b(?:has|have)\s+(?:not\s+|still\s+|also\s+)?(?:been|\w+ed)\b")
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
_STATED = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


@dataclass(frozen=True, slots=True)
class Bound:
    """The report was published within ``lo..hi`` (either end may be open)."""

    lo: date | None
    hi: date | None
    evidence: str


@dataclass(frozen=True, slots=True)
class Stated:
    """A past date the report states with its year, where it stands in the text."""

    start: int
    end: int
    first: date
    last: date
    phrase: str


def elapsed_window(mod: str, count: int, unit: str, start: date, end: date) -> tuple[date, date]:
    """When "``mod`` ``count`` ``unit``s since X" was said, X having happened within
    ``start..end`` ("nearly" up to a third of a unit short, "more than" up to a unit
    over, a bare count a third of a unit either way)."""
    unit_days = UNIT_DAYS[unit]
    elapsed = timedelta(days=round(count * unit_days))
    hedge = timedelta(days=max(1, round(unit_days * HEDGE_FRACTION)))
    mod = mod.lower()
    if mod in ("nearly", "almost", "just under", "close to"):
        return start + elapsed - hedge, end + elapsed
    if mod in ("over", "more than", "just over", "at least"):
        return start + elapsed, end + elapsed + timedelta(days=round(unit_days) - 1)
    return start + elapsed - hedge, end + elapsed + hedge


def stated_dates(times: Sequence[TimeExpression], parses: Sequence[ParsedTime]) -> list[Stated]:
    """The past dates told with their year ("May 2016", "2 December 2023", "2019")."""
    found = []
    for time, parsed in zip(times, parses, strict=False):
        if parsed.rule != "fixed" or parsed.future or parsed.irrealis or time.kind != "date":
            continue
        if not time.value or not _STATED.fullmatch(time.value):
            continue
        bounds = value_bounds(time.value)
        if bounds is not None:
            span = time.span
            found.append(Stated(span.start, span.end, bounds[0], bounds[1], span.text))
    return found


def apposed_ago_bounds(text: str, stated: Sequence[Stated]) -> list[Bound]:
    """ "in May 2016, nine years ago" and "two winters ago, when ... January 2023"."""
    found = []
    for m in _AGO.finditer(text):
        dated = _apposed_date(text, m, stated)
        if dated is not None:
            found.append(_bound(m, dated.first, dated.last, f"{dated.phrase!r}, {m[0].strip()!r}"))
    return found


def _apposed_date(text: str, m: re.Match[str], stated: Sequence[Stated]) -> Stated | None:
    before = [s for s in stated if s.end <= m.start()]
    if before and _APPOSITION.fullmatch(text, before[-1].end, m.start()):
        return before[-1]
    after = [s for s in stated if s.start >= m.end()]
    if after and _WHEN_CLAUSE.match(text, m.end(), after[0].start):
        return after[0]
    return _named_earlier(text, m, before)


def _named_earlier(text: str, m: re.Match[str], before: Sequence[Stated]) -> Stated | None:
    """ "loans taken out after Winston, nine years ago", where an earlier sentence dates
    the name ("Cyclone Winston, which killed 44 people in February 2016"): the one date
    told with the name in one sentence (round 20)."""
    name = _NAME_BEFORE.search(text, max(0, m.start() - 40), m.start())
    if name is None or name["name"] in _NOT_NAMES:
        return None
    word = re.compile(rf"\b{re.escape(name['name'])}\b")
    by_sentence: dict[int, list[Stated]] = {}
    for s in before:
        if s.end <= name.start():
            by_sentence.setdefault(sentence_start(text, s.start), []).append(s)
    found = []
    for start, dates in by_sentence.items():
        mention = word.search(text, start, _sentence_end(text, dates[-1].end))
        if mention is not None:
            # The date told after the name, in its clause ("Winston, which killed 44
            # people in February 2016"), else the nearest before it.
            after = [s for s in dates if s.start > mention.end()]
            found.append(after[0] if after else dates[-1])
    return found[0] if len(found) == 1 else None


def _sentence_end(text: str, position: int) -> int:
    found = _SENTENCE_STOP.search(text, position)
    return found.end() if found else len(text)


# "after Winston, nine years ago": a capitalised name just before the "ago" phrase.
_NAME_BEFORE = re.compile(r"\b(?P<name>[A-Z][a-z]{2,})\s*[,(—–-]\s*$")
# Capitalised words that open a clause, not names of events.
_NOT_NAMES = frozenset({"The", "This", "That", "It", "He", "She", "They", "We", "But", "And"})
_SENTENCE_STOP = re.compile(r"[.!?](?:\s|$)")


def units_on_bounds(text: str, stated: Sequence[Stated]) -> list[Bound]:
    """ "More than five years on, ..." opening a sentence, counted from the dates of the
    sentence before it (or of its own sentence, before the phrase); "Eleven years later,
    residents say, ..." likewise where the sentence speaks in the present."""
    found = []
    later = [m for m in _UNITS_LATER.finditer(text) if _main_clause_present(text, m.end())]
    for m in [*_UNITS_ON.finditer(text), *later]:
        opening = sentence_start(text, m.start())
        if text[opening : m.start()].strip().strip("\"'“(") != "":
            continue
        previous_end = opening
        while previous_end > 0 and text[previous_end - 1].isspace():
            previous_end -= 1
        previous_start = sentence_start(text, max(0, previous_end - 1))
        dates = [s for s in stated if previous_start <= s.start < m.start()]
        if dates:
            first = min(s.first for s in dates)
            last = max(s.last for s in dates)
            phrases = ", ".join(repr(s.phrase) for s in dates)
            found.append(_bound(m, first, last, f"{m[0].strip()!r} after {phrases}"))
    return found


# Where a relative clause begins: its present tense is no main verb's ("..., which is now
# in ruins").
_RELATIVE = re.compile(r"(?i),\s*(?:which|who|whose|where|when|that)\b")


def _main_clause_present(text: str, start: int) -> bool:
    """Whether the sentence from ``start`` speaks in the present before any relative
    clause: "residents say, many of the slopes ... have been built on again"; not "rebels
    seized the city, which is now in ruins"."""
    end = _sentence_end(text, start)
    relative = _RELATIVE.search(text, start, end)
    return _PRESENT.search(text, start, relative.start() if relative else end) is not None


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` begins (looks back at most 600 characters)."""
    floor = max(0, pos - 600)
    ends = [e.end() for e in _SENTENCE_END.finditer(text, floor, pos)]
    return ends[-1] if ends else floor


def _bound(m: re.Match[str], first: date, last: date, phrase: str) -> Bound:
    unit = m["u"].lower()
    unit = _SEASON_UNITS.get(unit, unit)
    count = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"].lower()]
    lo, hi = elapsed_window(m["mod"] or "", count, unit, first, last)
    return Bound(lo, hi, f"{phrase}: {first}..{last} + {count} {unit}(s): {lo}..{hi}")


def is_scheduled(text: str, start: int) -> bool:
    """Whether the time at ``start`` is what something is due for ("elections due in May
    2026", "scheduled to take place on 3 March", "notes due March 15, 2007", "expires on
    Dec. 31"): a date still ahead, whatever the tense of the sentence; not "was due in
    May 2020" (once planned, maybe past)."""
    m = _SCHEDULED.search(text, max(0, start - 60), start)
    return m is not None and not _WAS.search(text, max(0, m.start() - 12), m.start())


def says_up_to_now(text: str, start: int) -> bool:
    """Whether the sentence holding ``start`` speaks in the perfect before it ("Israel has
    continued to strike ... more than a year after the ceasefire"): the time it measures
    runs up to the report."""
    return _PERFECT.search(text, sentence_start(text, start), start) is not None


def copyright_bound(text: str, removed: Sequence[Removed]) -> Bound | None:
    """The year of the page's copyright notice, as a bound on the publication."""
    year = copyright_year(text, removed)
    if year is None:
        return None
    return Bound(date(year, 1, 1), date(year, 12, 31), f"the page's copyright notice prints {year}")
