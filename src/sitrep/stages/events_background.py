"""Today's event and its dated background kept apart (round 14).

A report tells the news of its day and, further down, what happened before at the same
place: "Strong aftershock kills two in Mele" and "the magnitude 7.3 earthquake of December
17, 2024, which killed 14 people"; "Nine dead as armed groups clash in Sabha" and "the
scene of repeated clashes since 2011". Merged, the two become one event with the older
date and the wrong toll. A telling dated by its own words to a time well before the
report's day is background, and a telling with no date of its own is the news: they are
two events, whatever their type. Round 13 did this for ground taken only.

A telling with no date that names the dated one back inside a time phrase ("Six months
after the earthquake that flattened her village") refers to the background and may merge
with it: ``referring`` holds where such tellings are told.
"""

from __future__ import annotations

from datetime import date, timedelta

from spacy.tokens import Token

from sitrep.records import Event, Published

# A dated telling ends more than this many days before the report's day to be background:
# reports are filed days after what they tell ("On Friday, gunmen attacked ..." in a
# Monday report that crosses a month's end), so a date a week old is still the news
# (round 14; outside sets a-h, docs/EVENTS.md "Round 14: place, date and toll").
BACKGROUND_AFTER_DAYS = 7
# A publication window wider than this says too little of the report's day.
WIDEST_WINDOW_DAYS = 45


def report_day(published: Published) -> date | None:
    """The report's day: its publication date, else the end of a narrow estimated
    window, else None."""
    if published.date:
        return _parse_day(published.date[:10])
    if published.window is not None:
        first, last = (_parse_day(v[:10]) for v in published.window)
        if first is not None and last is not None and (last - first).days <= WIDEST_WINDOW_DAYS:
            return last
    return None


def background_apart(
    a: Event,
    b: Event,
    today: date | None,
    lead: int,
    referring: frozenset[int] = frozenset(),
) -> bool:
    """Whether one of two tellings is dated by its own words to before the report's day
    (by more than ``BACKGROUND_AFTER_DAYS``) and the other, the news, has no date of its
    own, is told first in the headline or the lead (before ``lead``) and does not refer
    back to it from a time phrase. An undated telling further down is as often a detail
    of the dated event told beside it ("A teacher was killed during the raid")."""
    if (a.date is None) == (b.date is None):
        return False
    undated = b if a.date is not None else a
    if not undated.evidence or undated.evidence[0].start >= lead:
        return False
    return news_and_background(a, b, today, referring)


def news_and_background(
    a: Event, b: Event, today: date | None, referring: frozenset[int] = frozenset()
) -> bool:
    """Whether one of two tellings has no date of its own and does not refer back from a
    time phrase, and the other is dated by its words to before the report's day (by more
    than ``BACKGROUND_AFTER_DAYS``), wherever the undated one is told."""
    if today is None or (a.date is None) == (b.date is None):
        return False
    dated, undated = (a, b) if a.date is not None else (b, a)
    if any(span.start in referring for span in undated.evidence):
        return False
    last = last_day(dated.date or "")
    return last is not None and (today - last).days > BACKGROUND_AFTER_DAYS


def lead_end(text: str, headline: int) -> int:
    """Where the report's lead ends: the first line after the headline (which ends at
    ``headline``) that reads as a paragraph, a sentence ending in a full stop; bylines
    and date lines are skipped."""
    position = headline
    while position < len(text):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        if text[position:end].rstrip().endswith((".", '."', ".”")):
            return end
        position = end + 1
    return len(text)


def refers_from_time_phrase(trigger: Token) -> bool:
    """ "Six months after the earthquake", "since the floods", "before the attack": an
    event noun that measures time from an event names one told elsewhere."""
    node = trigger
    while node.dep_ in ("pobj", "compound", "amod", "nmod", "appos"):
        node = node.head
        if node.pos_ == "ADP" or node.dep_ == "prep":
            return node.lower_ in _TIME_PREPOSITIONS
    return False


_TIME_PREPOSITIONS = frozenset({"after", "since", "before", "until", "following"})


def last_day(value: str) -> date | None:
    """The last day a date value (year, month, day, interval) allows, or None."""
    value = value.rpartition("/")[2]
    year = value[:4]
    if not year.isdigit():
        return None
    if len(value) >= 10:
        return _parse_day(value[:10])
    if len(value) >= 7 and value[5:7].isdigit():
        month = int(value[5:7])
        if not 1 <= month <= 12:
            return None
        first_next = date(int(year) + month // 12, month % 12 + 1, 1)
        return first_next - timedelta(days=1)
    return date(int(year), 12, 31)


def _parse_day(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
