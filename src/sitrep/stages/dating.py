"""The dating stage: when was the report published?

A date from metadata or the user is kept. Otherwise the date is estimated from the
content as a window of days the report must have appeared in, built from constraints:

* a past date the report states: published on or after it ("in September 2022");
* a date said of the future: published before it, and for a year in the year before
  it ("hope for 2024": 2023-01-01 .. 2024-01-31, January allowed for new-year pieces);
* elapsed time since a well-known event ("nearly two years since the start of Moscow's
  invasion": 2022-02-24 + 2 years, "nearly" = up to a third of a year less);
* a day-month written without its year, dated by the event it names ("Feb. 24" in a
  report on the invasion): journalists omit the year of dates in the current year, so
  published in that year (until mid-January of the next);
* "this winter" (and other seasons): published during the season or a month either side.

Constraints are applied strongest first; one that contradicts those already applied is
set aside (and named in the evidence) rather than narrowing the window to nothing:
a correct wide window beats a wrong narrow one. Seasons and year-less day-months recur
every year, so they only narrow a window the others have already bounded.

Afterwards the relative time expressions are re-resolved against the window: a value
is given only when every day of the window yields the same one.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sitrep.records import Published, Removed, TimeExpression
from sitrep.resources import Resources
from sitrep.stages.dating_anchors import AnchorEvent, context_event, named_event
from sitrep.stages.dating_dateline import report_dateline
from sitrep.stages.dating_elapsed import (
    Bound,
    apposed_ago_bounds,
    copyright_bound,
    elapsed_window,
    is_scheduled,
    says_up_to_now,
    stated_dates,
    units_on_bounds,
)
from sitrep.stages.dating_weekday import weekday_bounds
from sitrep.stages.registry import stage
from sitrep.stages.state import DocState
from sitrep.stages.times import EVENT_KEY, PARSED_KEY, narrative_times
from sitrep.stages.times_rules import (
    NUMBER_WORDS,
    ParsedTime,
    precision,
    resolve_in_window,
    season_bounds,
    value_bounds,
)

# A window at most this wide also gets a point estimate (its middle) in Published.date.
MAX_POINT_ESTIMATE_DAYS = 124
# A report bounded only from below (its latest stated past date) was published within
# this many days after that bound. The gold windows the outside writers reasoned for
# undated reports (dev sets a-h, examples: 19 windows) are 30-395 days wide, median 180,
# mean 189; and of the 9 windowed reports bounded only from below, 6 have their gold
# window begin within 92 days of that bound (the others 335-883 days after it, beyond
# any honest span). Session 9, docs/TIME.md.
OPEN_WINDOW_DAYS = 183
# The evidence line of a window closed by that span (``closed_by_span`` reads it).
SPAN_EVIDENCE = "no later bound stated"
STRONG, MEDIUM, WEAK = 3, 2, 1
YEAR_AHEAD_GRACE = timedelta(days=31)

_ELAPSED = re.compile(
    r"\b(?P<mod>nearly|almost|about|around|some|over|more than|roughly|just over|just under|"
    r"at least|close to|approximately)?\s*(?P<n>\d+|a|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|fifteen|twenty|thirty)\s+(?P<u>day|week|month|year)s?\s+"
    r"(?P<rel>since|after|into|on from)\s+(?P<rest>[^.;!?]{0,120})",
    re.IGNORECASE,
)
# "two years since then/last/its ..." is not an event of the report's own.
_ELAPSED_NOT_EVENT = re.compile(r"(?i)(?:then|last|its|their|the last|the previous)\b")
_SENTENCE_BREAK = re.compile(r"\n|[.!?]\s")
# An ongoing state measured vaguely: "has been stranded there for weeks".
_ONGOING_FOR = re.compile(
    r"\b(?:has|have)\s+(?:not\s+)?been\b[^.!?;]{0,80}?\bfor\s+(?P<u>days|weeks|months)\b",
    re.IGNORECASE,
)
# How long "for days/weeks/months" can be, in days: from two of the unit to just short
# of the next unit up (past that a writer says "for weeks"/"for months"/"for a year").
ONGOING_SPANS: dict[str, tuple[int, int]] = {
    "days": (2, 13),
    "weeks": (14, 62),
    "months": (60, 365),
}
_AGO = re.compile(
    r"\b(?P<mod>nearly|almost|about|around|some|over|more than|roughly|just over|"
    r"just under)?\s*(?P<n>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve)\s+(?P<u>day|week|month|year)s?\s+ago\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Constraint:
    """The report was published within ``lo..hi`` (either end may be open)."""

    lo: date | None
    hi: date | None
    strength: int
    evidence: str
    # A lower bound from a day or a month the report states (not a year or a decade):
    # only such a date is taken as recent enough to close a window after it.
    precise: bool = False


@dataclass(frozen=True, slots=True)
class Recurring:
    """The report was published within ``stretch(year)`` for some year."""

    stretch: Callable[[int], tuple[date, date]]
    evidence: str


@stage("dating", requires=("times",), assigns=("published",))
def date_report(state: DocState, resources: Resources) -> None:
    """Keep a stated publication date, or estimate one; then re-resolve relative times."""
    if state.published.date:
        return
    dateline = report_dateline(state.text, state.removed)
    if dateline is not None:
        # The times stage already resolved against this day (publication_reference).
        state.published = Published(
            date=dateline.day.isoformat(), estimated=False, basis="content",
            evidence=(f"dateline {dateline.line!r}",),
        )  # fmt: skip
        return
    event = state.scratch.get(EVENT_KEY) or context_event(state.text, resources.anchors)
    times = list(state.times)
    parses: list[ParsedTime] = state.scratch.get(PARSED_KEY, [])
    parses = scheduled_as_future(state.text, times, parses)
    content = list(time_constraints(times, parses))
    stated = stated_dates(times, parses)
    content += [_constraint(b, STRONG) for b in apposed_ago_bounds(state.text, stated)]
    content += [_constraint(b, MEDIUM) for b in units_on_bounds(state.text, stated)]
    content += [_constraint(b, MEDIUM) for b in weekday_bounds(times, parses, state.text)]
    content += elapsed_constraints(state.text, event, resources.anchors)
    content += ongoing_constraints(state.text, times, event)
    content += unnamed_elapsed_constraints(state.text, times, parses, event, resources.anchors)
    constraints = page_constraints(state.text, state.removed) + content + closing(content)
    recurring = list(recurring_constraints(times, parses))
    estimate = estimate_publication(constraints, recurring)
    if estimate.window is None and not estimate.evidence:
        return
    state.published = estimate
    if estimate.window is not None:
        lo, hi = (date.fromisoformat(d) for d in estimate.window)
        # Narrative times ("the following year", a clock time on its sentence's day)
        # count again from the re-resolved times around them.
        stage_parses: list[ParsedTime] = state.scratch.get(PARSED_KEY, [])
        resolved = reresolve(times, stage_parses, lo, hi)
        state.times, state.scratch[PARSED_KEY] = narrative_times(state.text, resolved, stage_parses)


def scheduled_as_future(
    text: str, times: list[TimeExpression], parses: list[ParsedTime]
) -> list[ParsedTime]:
    """The parses, with dates something is due for ("elections due in May 2026") told
    as ahead: for dating only (the times stage keeps its own reading)."""
    return [
        replace(p, future=True, past=False) if is_scheduled(text, t.span.start) else p
        for t, p in zip(times, parses, strict=False)
    ] + parses[len(times) :]


def estimate_publication(constraints: list[Constraint], recurring: list[Recurring]) -> Published:
    lo: date | None = None
    hi: date | None = None
    evidence: list[str] = []
    for c in sorted(constraints, key=lambda c: -c.strength):
        new_lo = max(filter(None, (lo, c.lo)), default=None)
        new_hi = min(filter(None, (hi, c.hi)), default=None)
        if new_lo and new_hi and new_lo > new_hi:
            evidence.append(f"set aside (contradicts stronger evidence): {c.evidence}")
            continue
        lo, hi = new_lo, new_hi
        evidence.append(c.evidence)
    if lo is None and hi is None:
        return Published(estimated=True, basis="content", evidence=tuple(evidence))
    if lo is None or hi is None:
        # One side only (see ``closing`` for when a lower bound gets an upper one).
        bound = f"on or after {lo}" if lo else f"on or before {hi}"
        return Published(
            estimated=True, basis="content", evidence=(f"published {bound}", *evidence)
        )
    lo, hi = _narrowed_by_recurring(lo, hi, recurring, evidence)
    middle = lo + (hi - lo) / 2
    point = middle.isoformat() if (hi - lo).days <= MAX_POINT_ESTIMATE_DAYS else None
    return Published(
        date=point,
        estimated=True,
        window=(lo.isoformat(), hi.isoformat()),
        basis="content",
        evidence=tuple(evidence),
    )


def _narrowed_by_recurring(
    lo: date, hi: date, recurring: list[Recurring], evidence: list[str]
) -> tuple[date, date]:
    for r in recurring:
        narrowed = _narrow(lo, hi, r)
        if narrowed is not None:
            lo, hi = narrowed
            evidence.append(r.evidence)
    return lo, hi


def _narrow(lo: date, hi: date, r: Recurring) -> tuple[date, date] | None:
    pieces = []
    for year in range(lo.year - 1, hi.year + 1):
        start, end = r.stretch(year)
        if start <= hi and end >= lo:
            pieces.append((max(start, lo), min(end, hi)))
    if not pieces:
        return None
    return min(p[0] for p in pieces), max(p[1] for p in pieces)


# --------------------------------------------------------------------------- evidence


def _constraint(bound: Bound, strength: int) -> Constraint:
    return Constraint(bound.lo, bound.hi, strength, bound.evidence)


def closed_by_span(published: Published) -> bool:
    """Whether ``published``'s window ends where ``closing`` put it: a prior, not the
    report's evidence. A dated original of the same story (the corpus) should replace
    such a window rather than be widened to cover it."""
    return published.window is not None and any(
        e.startswith(SPAN_EVIDENCE) for e in published.evidence
    )


def closing(content: list[Constraint]) -> list[Constraint]:
    """Content that bounds the publication only from below (its latest stated past date)
    says nothing of how long after it the report appeared: such a report is taken to
    have appeared within ``OPEN_WINDOW_DAYS`` of that date, when the date is a day or
    a month. Weak: any upper bound the page gives (a copyright year) that contradicts it
    wins."""
    if any(c.hi is not None for c in content):
        return []
    latest = max((c for c in content if c.lo is not None), key=lambda c: c.lo or date.min,
                 default=None)  # fmt: skip
    if latest is None or latest.lo is None or not latest.precise:
        # A year ("in 2019") or a decade says too little of how recent the report is.
        return []
    lo = latest.lo
    hi = lo + timedelta(days=OPEN_WINDOW_DAYS)
    return [Constraint(lo, hi, WEAK, f"{SPAN_EVIDENCE}: taken as within "
                                     f"{OPEN_WINDOW_DAYS} days after {lo} (to {hi})")]  # fmt: skip


def page_constraints(text: str, removed: Sequence[Removed]) -> list[Constraint]:
    """What the page prints about itself besides a date: its copyright year. Listed
    before the content's untensed dates, which it outranks at equal strength."""
    bound = copyright_bound(text, removed)
    return [] if bound is None else [_constraint(bound, MEDIUM)]


def time_constraints(times: list[TimeExpression], parses: list[ParsedTime]) -> Iterator[Constraint]:
    """What the report's resolved dates say about when it appeared."""
    for time, parsed in zip(times, parses, strict=False):
        if time.kind != "date" or time.value is None or parsed.irrealis:
            continue
        bounds = value_bounds(time.value)
        if bounds is None:
            continue
        start, end = bounds
        phrase = repr(time.span.text)
        if parsed.future:
            yield from _future_constraints(phrase, time.value, start, end)
            continue
        lower = _past_date_constraint(phrase, time.value, start, parsed)
        if lower is not None:
            yield lower
        if parsed.anchor == "context" and parsed.day is not None:
            hi = date(start.year + 1, 1, 15)
            yield Constraint(
                None, hi, MEDIUM,
                f"{phrase} written without its year: published in {start.year} (by {hi})",
            )  # fmt: skip


def _past_date_constraint(
    phrase: str, value: str, start: date, parsed: ParsedTime
) -> Constraint | None:
    """A date told in the past tense was before publication. Without a tense, a day or a
    month still most likely was (news reports what happened); a bare year often is not:
    business news forecasts years in the present tense ("sees 1990 growth"; in TBAQ such
    years set wrong lower bounds), so it bounds nothing."""
    evidence = f"{phrase} ({value}) is past: on or after {start}"
    precise = precision(value) in ("day", "week", "month")
    if parsed.past:
        return Constraint(start, None, STRONG, evidence, precise)
    if precision(value) in ("day", "week", "month", "season"):
        return Constraint(start, None, MEDIUM, evidence + " (no tense: weaker)", precise)
    return None


def _future_constraints(phrase: str, value: str, start: date, end: date) -> Iterator[Constraint]:
    if len(value) == 4:
        # A year looked forward to ("hope for 2024", "expects 1989 sales to ...") is
        # spoken of before it ends; how long before is open: forecasts for the current
        # year are common in business news (TBAQ), so no lower bound. January after it
        # is allowed, as the module says: new-year pieces and year-end results still
        # speak of it as ahead ("expects 2009 profit", MEANTIME, published 2010-01-28).
        hi = end + YEAR_AHEAD_GRACE
        yield Constraint(None, hi, WEAK, f"{phrase} looked forward to: published by {hi}")
        return
    margin = timedelta(days=7 if (end - start).days > 0 else 0)
    yield Constraint(None, start + margin, WEAK, f"{phrase} ({value}) is ahead: before {start}")


def elapsed_constraints(
    text: str, event: AnchorEvent | None, anchors: Sequence[AnchorEvent]
) -> list[Constraint]:
    """ "nearly two years since the start of Moscow's invasion" -> around 2024-02-24."""
    found = []
    for m in _ELAPSED.finditer(text):
        named = named_event(m["rest"], event, anchors)
        if named is not None:
            found.append(_elapsed(m, named, m[0].strip()))
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        agos = list(_AGO.finditer(sentence))
        named = named_event(sentence, None, anchors) if agos else None
        if named is not None:
            found += [_elapsed(m, named, sentence.strip()) for m in agos]
    return found


def _elapsed(m: re.Match[str], event: AnchorEvent, phrase: str) -> Constraint:
    lo, hi = _elapsed_window(m, event.date, event.date)
    return Constraint(
        lo, hi, STRONG, f"{phrase!r}: {event.name} ({event.date}) + {m['n']} {m['u']}(s)"
    )


def _elapsed_window(m: re.Match[str], start: date, end: date) -> tuple[date, date]:
    """When "N units since X" was said, X having happened within ``start..end``."""
    count = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"].lower()]
    return elapsed_window(m["mod"] or "", count, m["u"].lower(), start, end)


def ongoing_constraints(
    text: str, times: list[TimeExpression], event: AnchorEvent | None
) -> list[Constraint]:
    """ "has been stranded there for weeks" in a report that names the day of the event it
    is about ("He woke up on Feb. 24 to calls ..."): such states usually began with the
    event, so the report appeared that long after it. Weak: set aside by any contradiction."""
    if event is None or not any(
        t.value == event.date.isoformat() and t.anchor == "context" for t in times
    ):
        return []
    found = []
    for m in _ONGOING_FOR.finditer(text):
        shortest, longest = ONGOING_SPANS[m["u"].lower()]
        lo = event.date + timedelta(days=shortest)
        hi = event.date + timedelta(days=longest)
        found.append(
            Constraint(lo, hi, WEAK, f"{m[0]!r}, since {event.name} ({event.date}): {lo}..{hi}")
        )
    return found


def unnamed_elapsed_constraints(
    text: str,
    times: list[TimeExpression],
    parses: list[ParsedTime],
    event: AnchorEvent | None,
    anchors: Sequence[AnchorEvent],
) -> list[Constraint]:
    """ "Nearly a year since floodwaters tore through Derna" names no known event: it is
    one the report dates itself ("in September 2023"). Without knowing which of its
    dates, the window spans all of them: honest, if wider. When the phrase itself dates
    the event ("Eleven years after Islamic State fighters overran Sinjar in August 2014"),
    its own dates are the stretch."""
    every = _stated_past_stretch(times, parses)
    if every is None:
        return []
    found = []
    for m in _ELAPSED.finditer(text):
        if _says_how_long_ago(text, m) and named_event(m["rest"], event, anchors) is None:
            stretch = _stated_past_stretch(times, parses, m.span("rest")) or every
            lo, hi = _elapsed_window(m, *stretch)
            found.append(
                Constraint(lo, hi, MEDIUM, f"{m[0].strip()!r}: an event the report dates "
                           f"{stretch[0]}..{stretch[1]}, + {m['n']} {m['u']}(s)")
            )  # fmt: skip
    return found


def _says_how_long_ago(text: str, m: re.Match[str]) -> bool:
    """ "Nearly a year since the flood, ..." (opening its sentence) or "... since the flood"
    measures time up to the report, and so does one in a sentence told in the perfect
    ("has continued ... more than a year after the ceasefire"); "re-entered the market a
    year after X" is narrative."""
    if _ELAPSED_NOT_EVENT.match(m["rest"]):
        return False
    if m["rel"].lower() == "since" or opens_sentence(text, m.start()):
        return True
    return says_up_to_now(text, m.start())


def opens_sentence(text: str, start: int) -> bool:
    """Whether only punctuation and blanks stand between ``start`` and the beginning of
    the text, a line break or a sentence end ("." etc. and a blank). Looks back over
    those characters only, not the whole text: linear over a document."""
    first = start
    while first > 0 and not _is_word_char(text[first - 1]):
        first -= 1
    return first == 0 or _SENTENCE_BREAK.search(text, first, start) is not None


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _stated_past_stretch(
    times: list[TimeExpression],
    parses: list[ParsedTime],
    within: tuple[int, int] | None = None,
) -> tuple[date, date] | None:
    """First and last day of the past dates the report states with a month or a day
    (only those inside the ``within`` stretch of text, if given)."""
    start, end = within or (0, sys.maxsize)
    bounds = [
        value_bounds(t.value)
        for t, p in zip(times, parses, strict=False)
        if p.rule == "fixed" and not p.future and t.kind == "date" and t.value
        and re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", t.value)
        and start <= t.span.start and t.span.end <= end
    ]  # fmt: skip
    found = [b for b in bounds if b is not None]
    if not found:
        return None
    return min(b[0] for b in found), max(b[1] for b in found)


def recurring_constraints(
    times: list[TimeExpression], parses: list[ParsedTime]
) -> Iterator[Recurring]:
    for time, parsed in zip(times, parses, strict=False):
        phrase = repr(time.span.text)
        if parsed.rule == "season" and parsed.shift == 0 and parsed.season:
            # Said in the past tense ("This winter, 7,000 people returned"), the season
            # has begun; otherwise it may still be a month ahead.
            lead = 0 if parsed.past else 30
            yield Recurring(
                _season_stretch(parsed.season, lead),
                f"{phrase}: published in that season ({lead} days before it to a month after)",
            )
        elif parsed.rule == "monthday" and parsed.past and parsed.month and parsed.day:
            yield Recurring(
                _same_year_after(parsed.month, parsed.day),
                f"{phrase} written without its year: published later that year",
            )


def _season_stretch(code: str, lead: int) -> Callable[[int], tuple[date, date]]:
    def stretch(year: int) -> tuple[date, date]:
        start, end = season_bounds(year, code)
        return start - timedelta(days=lead), end + timedelta(days=31)

    return stretch


def _same_year_after(month: int, day: int) -> Callable[[int], tuple[date, date]]:
    def stretch(year: int) -> tuple[date, date]:
        start = date(year, month, min(day, 28 if month == 2 else day))
        return start, date(year + 1, 1, 15)

    return stretch


# --------------------------------------------------------------------------- re-resolving


def reresolve(
    times: list[TimeExpression], parses: list[ParsedTime], lo: date, hi: date
) -> list[TimeExpression]:
    """Relative times resolved against the estimated window (see module docstring)."""
    result = []
    for time, parsed in zip(times, parses, strict=False):
        if parsed.rule in ("fixed", "vague"):
            result.append(time)
        else:
            result.append(replace(time, value=resolve_in_window(parsed, lo, hi)))
    return result + times[len(result) :]
