"""Dates the report implies for events its clauses leave undated.

"Now there is no water, power, gas" and "the bridges were destroyed" name no time of
their own; a reader dates them by the report: they hold, or had happened, when it was
written. The clause-level rules (``events.event_date``) never guess; this module then
gives each undated event the report's publication day, or the interval its publication
was estimated to fall in, and says so in ``date_precision``:

* ``"publication"``: ``date`` is the report's publication day (stated or estimated);
* ``"window"``: ``date`` is the ISO 8601 interval ``"2022-03-10/2022-04-27"`` the
  publication was estimated to fall in (the dating stage found no single day).

Consumers read these as "on or before that day" rather than as the event's own date
(``is_inferred``). Plans and hypotheticals stay undated: the report's day is not theirs.
So do events told in the past tense ("floodwaters tore through Derna", "40,000 were
displaced"): a report looking back a year dates nothing by its own day, and a reader
would not either. Only what the report tells as holding now ("there is no water", "the
city is being shelled", "have been destroyed") or with no verb to say (a headline) is
dated by it; ``tells_current_state`` decides from the event's trigger word.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

from spacy.tokens import Token

from sitrep.records import Event, Published

PUBLICATION = "publication"
WINDOW = "window"
INFERRED_PRECISIONS = frozenset({PUBLICATION, WINDOW})
# Modalities of events that happened (or are said to have, or not to have): the report's
# day bounds them. A plan or a hypothetical has no such bound.
_DATED_BY_REPORT = frozenset({"fact", "claim", "denial"})


def report_date(published: Published) -> tuple[str, str] | None:
    """(value, precision) an undated event of a report published so takes, or None.
    A stated day first; else an estimated window, kept as an interval when wider than a
    day (an estimated day inside it would claim a precision the estimate lacks)."""
    if published.date and not published.estimated:
        return published.date, PUBLICATION
    if published.window is not None:
        first, last = published.window
        if first == last:
            return first, PUBLICATION
        return f"{first}/{last}", WINDOW
    if published.date:
        return published.date, PUBLICATION
    return None


def date_from_report(
    events: Iterable[Event],
    published: Published,
    told_as_current: Callable[[Event], bool] = lambda event: True,
) -> list[Event]:
    """The events, each undated fact, claim or denial that ``told_as_current`` accepts
    dated by the report (see module docstring); the others are unchanged."""
    inferred = report_date(published)
    if inferred is None:
        return list(events)
    value, kind = inferred
    return [
        dataclasses.replace(e, date=value, date_precision=kind)
        if e.date is None and e.modality in _DATED_BY_REPORT and told_as_current(e)
        else e
        for e in events
    ]


# Verb tags of the present tense; an auxiliary in it makes the perfect and the
# progressive present too ("have been destroyed", "is being shelled").
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
_PAST_TAGS = frozenset({"VBD"})
# Nouns hang from their verb a step or two up ("shelling of the city continued").
_MAX_STEPS_TO_VERB = 4


def tells_current_state(trigger: Token) -> bool:
    """Whether the clause of ``trigger`` tells something as holding at the report's
    time: its verb (the trigger or the nearest verb above it) is in the present, or in
    the present perfect or progressive, or there is no verb (a headline, a label).
    Past-tense clauses ("tore through", "were displaced", "had fled") are not."""
    verb = _clause_verb(trigger)
    if verb is None:
        return True
    if _is_present(verb):
        return True
    if _is_past(verb):
        # "has been cut off since the bridges were destroyed": the cause of a state that
        # holds now is told with it.
        # Not "a year since floodwaters tore through, families are still living ...":
        # there the clause measures time elapsed, and the head is a progressive.
        return _opens_since_clause(verb) and _is_perfect_or_simple_present(verb.head)
    return True


def _is_perfect_or_simple_present(verb: Token) -> bool:
    if verb.tag_ in _PRESENT_TAGS:
        return True
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children
    )


def _verb_tags(verb: Token) -> set[str]:
    return {verb.tag_} | {c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def _is_present(verb: Token) -> bool:
    return bool(_verb_tags(verb) & _PRESENT_TAGS)


def _is_past(verb: Token) -> bool:
    return bool(_verb_tags(verb) & _PAST_TAGS) or verb.tag_ == "VBN"


def _opens_since_clause(verb: Token) -> bool:
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "since" for c in verb.children
    )


def _clause_verb(token: Token) -> Token | None:
    for _ in range(_MAX_STEPS_TO_VERB):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        token = token.head
    return token if token.pos_ in ("VERB", "AUX") else None


def is_inferred(event: Event) -> bool:
    """Whether the event's date is the report's, not one its own words give."""
    return event.date_precision in INFERRED_PRECISIONS


def own_date(event: Event) -> str | None:
    """The date the event's own words give, or None when it was inferred from the report."""
    return None if is_inferred(event) else event.date


def latest_month(value: str | None) -> str:
    """The last month (YYYY-MM) a report-inferred date allows: a window's end, else the
    publication day's month; "" when there is none."""
    return (value or "").rpartition("/")[2][:7]
