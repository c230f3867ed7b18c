"""The times stage: every time expression of the report, normalised TIMEX3-style.

Expressions come from the patterns of ``times_rules`` (dates, months, years, seasons,
weekdays, deictic and vague references, durations, clock times), from phrases dated by
a well-known event ("the first months of the war"), and from spaCy DATE entities the
patterns miss. Ages ("41-year-old"), which spaCy labels DATE, are not times.

Narrative expressions ("the following year", "later that day") count from the last
time the report stated (``times_narrative``), and a bare clock time falls on the day its
sentence states; both passes run again when the dating stage re-resolves.

Relative expressions are resolved against the publication date when metadata or the
user gave one; otherwise they stay partial ("XXXX-02-24") or null and the dating stage
re-resolves them once it has estimated the date. The parses are kept for it in
``state.scratch[PARSED_KEY]`` (one ``ParsedTime`` per entry of ``state.times``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from sitrep.records import Span, TimeExpression
from sitrep.resources import Resources
from sitrep.stages.dating_anchors import AnchorEvent, context_event, named_event
from sitrep.stages.dating_dateline import report_dateline
from sitrep.stages.registry import stage
from sitrep.stages.state import DocState
from sitrep.stages.times_narrative import in_narrative
from sitrep.stages.times_rules import (
    Match,
    ParsedTime,
    find_times,
    resolve,
    with_year,
    without_overlaps,
)

PARSED_KEY = "times.parsed"
# The anchor event a generic "the war" of the report refers to (or None), for dating.
EVENT_KEY = "times.event"

# Words before an expression that make it about the future ("hope for 2024").
FUTURE_CUES = frozenset(
    {"hope", "hopes", "hoped", "expect", "expected", "plan", "plans", "planned", "upcoming",
     "scheduled", "forecast", "aim", "aims", "target", "ahead", "until", "will", "'ll", "shall"}
)  # fmt: skip
# A date right after these is a deadline ("cutting 30,000 jobs by 2012"): ahead, unless
# the sentence is in the past tense ("had fallen by 1990").
IRREALIS_WORDS = frozenset({"to", "would", "could", "may", "might", "should", "can", "must", "'d"})
DEADLINE_WORDS = frozenset({"by", "until", "till", "through"})
_AGE = re.compile(r"\d+[\s-]*years?[\s-]*olds?\b|\byear[\s-]old|\baged?\s+\d", re.IGNORECASE)
_AGED_BEFORE = re.compile(r"aged?$")
# "the first months of the war": a month after its start (the middle of "first months"
# would be later, but an event told so began early in them).
FIRST_MONTHS_DAYS = 30
_CONTEXT_PHRASE = re.compile(
    r"\b(?P<t>(?:the\s+)?(?:(?:first|early|opening|initial)\s+(?P<part>hours|days|weeks|months|"
    r"stages|phase|year)\s+of|(?P<edge>start|beginning|outbreak|onset|launch|eve)\s+of|"
    r"(?P<early>early)\s+in)\s+(?P<ev>(?:the\s+|this\s+)?(?:[A-Z][\w-]*(?:'s|’s)?\s+)?"
    r"(?:full[- ]scale\s+|military\s+)?(?:war|invasion|conflict|pandemic|fighting|offensive|"
    r"uprising|siege)(?:\s+(?:of|in|on)\s+[A-Z][\w-]+)?))",
    re.IGNORECASE,
)


@stage("times", requires=("doc",), assigns=("times",))
def extract_times(state: DocState, resources: Resources) -> None:
    """Fill ``state.times`` (and the parses the dating stage re-resolves)."""
    text, doc = state.text, state.doc
    event = context_event(text, resources.anchors)
    state.scratch[EVENT_KEY] = event
    found = _context_matches(text, event, resources.anchors)
    found += without_overlaps(find_times(text), found)
    found += without_overlaps(_spacy_years(doc), found)
    found = [m for m in found if not _is_age(text, m)]
    found.sort(key=lambda m: m.start)
    ref = publication_reference(state)
    times: list[TimeExpression] = []
    parses: list[ParsedTime] = []
    for m in found:
        parsed = _with_context(m, doc, event)
        times.append(to_expression(text, m.start, m.end, parsed, ref))
        parses.append(parsed)
    state.times, state.scratch[PARSED_KEY] = narrative_times(text, times, parses)


def narrative_times(
    text: str, times: list[TimeExpression], parses: list[ParsedTime]
) -> tuple[list[TimeExpression], list[ParsedTime]]:
    """The times (and parses) with those the narrative anchors resolved against it: "a
    year ago" after "the third quarter", "the following year" after "June 2, 1995"."""
    times, parses = in_narrative(in_narrative_quarter(text, times, parses), parses)
    return on_stated_days(text, times, parses), parses


_DAY_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Sentence ends for clock times: not the period of "a.m." ("10:35 a.m. (0735 GMT) Friday");
# a line break ends a sentence too (titles, datelines).
_CLOCK_SENTENCE_END = re.compile(r"(?<![ap]\.m)[.!?]\s|\n")


def on_stated_days(
    text: str, times: list[TimeExpression], parses: list[ParsedTime]
) -> list[TimeExpression]:
    """A bare clock time ("at 18:00 UTC") is on the day its sentence states ("a test flight
    Tuesday ... at 18:00 UTC"), the nearest one in the sentence; on the publication day
    only when the sentence states none."""
    ends = [m.start() for m in _CLOCK_SENTENCE_END.finditer(text)]
    sentence_of = [bisect_left(ends, t.span.start) for t in times]
    result = list(times)
    for i, (time, parsed) in enumerate(zip(times, parses, strict=True)):
        if parsed.rule != "clock" or parsed.clock is None:
            continue
        day = _nearest_stated_day(times, sentence_of, i)
        if day is not None:
            result[i] = replace(time, value=f"{day}T{parsed.clock}", anchor="context")
    return result


def _nearest_stated_day(times: list[TimeExpression], sentence_of: list[int], i: int) -> str | None:
    """The day value nearest ``times[i]`` (in characters) in its sentence."""
    span = times[i].span
    best: tuple[int, str] | None = None
    for j in _outward(i, len(times)):
        value, other = times[j].value, times[j].span
        if sentence_of[j] != sentence_of[i] or not value or not _DAY_VALUE.match(value):
            continue
        gap = other.start - span.end if other.start >= span.end else span.start - other.end
        if times[j].kind in ("date", "time") and (best is None or gap < best[0]):
            best = (gap, value[:10])
    return best[1] if best else None


def _outward(i: int, n: int, reach: int = 3) -> list[int]:
    """Indices around ``i``, nearest first, at most ``reach`` on each side (a sentence
    holds few expressions; the bound keeps the pass linear)."""
    order = []
    for step in range(1, reach + 1):
        order += [j for j in (i - step, i + step) if 0 <= j < n]
    return order


# How many sentence ends the narrative quarter outlasts: in TBAQ, "a year ago" within the
# next three sentences after "the third quarter" is annotated 1988-Q3, further on mostly
# 1988 (59 of 72 right with 3, 53 with no limit; `sitrep eval time`, 2026-11-23).
NARRATIVE_QUARTER_SENTENCES = 3
_SENTENCE_END = re.compile(r"[.!?]\s")


def in_narrative_quarter(
    text: str, times: list[TimeExpression], parses: list[ParsedTime]
) -> list[TimeExpression]:
    """ "a year ago", "the year-earlier period" in a report about a quarter's results mean
    that quarter a year back ("1988-Q3" after "the third quarter" of 1989), as TimeML
    annotates them: the narrative time sets the granularity, for a few sentences."""
    ends = [m.start() for m in _SENTENCE_END.finditer(text)]
    result: list[TimeExpression] = []
    quarter, since = None, 0
    for time, parsed in zip(times, parses, strict=True):
        if time.value and re.fullmatch(r"\d{4}-Q[1-4]", time.value):
            quarter, since = time.value, time.span.end
        elif (
            quarter and _counts_years(time, parsed)
            and bisect_left(ends, time.span.start) - bisect_left(ends, since)
            <= NARRATIVE_QUARTER_SENTENCES
        ):  # fmt: skip
            assert parsed.count is not None
            year = int(quarter[:4]) + (parsed.count if parsed.future else -parsed.count)
            time = replace(time, value=f"{year}{quarter[4:]}", anchor="context")
        result.append(time)
    return result


def _counts_years(time: TimeExpression, parsed: ParsedTime) -> bool:
    """ "a year ago", "two years earlier", "year-earlier", resolved to a year."""
    return (
        parsed.rule == "ago" and parsed.unit == "year" and parsed.count is not None
        and time.value is not None and re.fullmatch(r"\d{4}", time.value) is not None
    )  # fmt: skip


def publication_reference(state: DocState) -> date | None:
    """The publication day to resolve against: only a stated one (metadata, the user or
    the report's own dateline), never an estimate."""
    published = state.published
    if published.date and not published.estimated:
        try:
            return date.fromisoformat(published.date)
        except ValueError:
            return None
    dateline = report_dateline(state.text, state.removed)
    return dateline.day if dateline else None


def to_expression(
    text: str, start: int, end: int, parsed: ParsedTime, ref: date | None
) -> TimeExpression:
    return TimeExpression(
        span=Span.of(text, start, end),
        value=resolve(parsed, ref),
        kind=parsed.kind,
        anchor=parsed.anchor,
    )


def _is_age(text: str, m: Match) -> bool:
    # "the 41-year-old", "two years old", "aged 41": spaCy calls these dates.
    window = text[m.start : min(len(text), m.end + 8)]
    return bool(_AGE.search(window)) or _after_aged(text, m.start)


def _after_aged(text: str, start: int) -> bool:
    """Whether "age"/"aged" (a whole word) ends just before ``start``, blanks aside.
    Looks back over the blanks only, not the whole text: linear over a document."""
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    word = _AGED_BEFORE.search(text, max(0, end - 5), end)
    return word is not None and (word.start() == 0 or not _is_word_char(text[word.start() - 1]))


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _context_matches(
    text: str, event: AnchorEvent | None, anchors: Sequence[AnchorEvent]
) -> list[Match]:
    """Phrases dated by the event they name: "the first months of the war"."""
    found = []
    for m in _CONTEXT_PHRASE.finditer(text):
        named = named_event(m["ev"], event, anchors)
        value = _context_value(m, named) if named else None
        parsed = ParsedTime("fixed", value=value, anchor="context")
        found.append(Match(m.start("t"), m.end("t"), parsed))
    return found


def _context_value(m: re.Match[str], event: AnchorEvent) -> str:
    start = event.date
    if m["edge"]:
        day = start - timedelta(days=1) if m["edge"].lower() == "eve" else start
        return day.isoformat()
    part = (m["part"] or "").lower()
    # The first hours/days/weeks fall in the month a few days/two weeks on; "the first
    # months" (or stages) in the month a month on: "occupied by Russia in the first months
    # of the war" is March 2022 (issue 6, seed 000), month precision as the text allows.
    # Only "the first year" stays a year.
    if part in ("hours", "days"):
        return (start + timedelta(days=3)).isoformat()[:7]
    if part == "weeks" or m["early"]:
        return (start + timedelta(days=14)).isoformat()[:7]
    if part == "year":
        return str(start.year)
    return (start + timedelta(days=FIRST_MONTHS_DAYS)).isoformat()[:7]


def _spacy_years(doc: Doc) -> list[Match]:
    """Bare years spaCy labels DATE that the patterns (which need a preposition) miss."""
    return [
        Match(ent.start_char, ent.end_char, ParsedTime("fixed", value=ent.text))
        for ent in doc.ents
        if ent.label_ == "DATE" and re.fullmatch(r"(?:1[89]|20)\d\d", ent.text)
    ]


def _with_context(m: Match, doc: Doc, event: AnchorEvent | None) -> ParsedTime:
    parsed = m.parsed
    sentence = _sentence_text(doc, m.start)
    if parsed.rule == "monthday" and event is not None and _is_event_day(parsed, event, sentence):
        # "He woke up on Feb. 24 to calls ... Kharkiv was being bombarded": in a report
        # about the invasion, its day-month with a cue word is the invasion's day.
        return with_year(parsed, event.date.year)
    if not parsed.future and parsed.rule != "fixed" and _said_of_future(doc, m.start, m.end):
        return _as_future(parsed)
    if parsed.rule == "fixed" and parsed.kind == "date" and _said_of_future(doc, m.start, m.end):
        return _as_future(parsed)
    if parsed.rule in _TENSED_RULES and _said_of_past(doc, m.start, m.end):
        return replace(parsed, past=True)
    if parsed.rule in _TENSED_RULES and _said_in_present(doc, m.start, m.end):
        parsed = replace(parsed, present=True)
    if _irrealis(doc, m.start):
        return replace(parsed, irrealis=True)
    return parsed


# The rules whose year (or week) the tense of their verb decides.
_TENSED_RULES = frozenset({"monthday", "month", "weekday", "season", "fixed", "holiday"})


def _as_future(parsed: ParsedTime) -> ParsedTime:
    return replace(parsed, future=True)


def _is_event_day(parsed: ParsedTime, event: AnchorEvent, sentence: str) -> bool:
    if (parsed.month, parsed.day) != (event.date.month, event.date.day):
        return False
    words = set(re.findall(r"[\w']+", sentence.lower()))
    # An anniversary is a later year's day-month, not the event's.
    return _has_cue(words, event.cues) and "anniversary" not in words


def _has_cue(words: set[str], cues: frozenset[str]) -> bool:
    # Long cues match as stems ("bombard" -> "bombardment"); short ones ("war") exactly.
    return any(w in cues or any(len(c) >= 5 and w.startswith(c) for c in cues) for w in words)


def _sentence_text(doc: Doc, char: int) -> str:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0].sent.text if span is not None and len(span) else ""


def _governing_verb(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    verb = span[0]
    # Compare indices: spaCy makes a new Token object on every access, so "is" never holds.
    while verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


def _irrealis(doc: Doc, char: int) -> bool:
    """Whether the expression's verb is an infinitive or under a modal ("to begin",
    "could close", "would resume")."""
    verb = _governing_verb(doc, char)
    if verb is None:
        return False
    return any(c.dep_ in ("aux", "mark") and c.lower_ in IRREALIS_WORDS for c in verb.children)


def _said_of_past(doc: Doc, char: int, end: int | None = None) -> bool:
    """Whether the expression's verb is in a past tense ("woke up on Feb. 24"). With the
    expression's ``end``, only when it modifies that verb directly (through a preposition
    at most): in "declared a dividend payable Dec. 7" the date is the dividend's, and the
    tense of "declared" says nothing about it."""
    verb = _governing_verb(doc, char)
    if verb is None or (end is not None and not _modifies_directly(doc, char, end, verb)):
        return False
    if any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "'ll", "shall") for c in verb.children
    ):
        return False
    return (
        verb.tag_ == "VBD"
        or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)
        or _past_in_conjunction(verb)
    )


def _past_in_conjunction(verb: Token) -> bool:
    """ "began on Wednesday ... and spread by Thursday": a participle with no auxiliary
    of its own, joined to a past verb, is that verb's past tense mis-tagged ("spread",
    "hit", "put" look alike in both)."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "conj"
        and verb.head.tag_ == "VBD"
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def _modifies_directly(doc: Doc, start: int, end: int, verb: Token) -> bool:
    """Whether the path from the expression up to ``verb`` crosses only the expression's
    own words and prepositions (or other function words), no noun or adjective."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    token = span[0]
    while token.i != verb.i:
        inside = start <= token.idx < end
        if not inside and token.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "PRON"):
            return False
        token = token.head
    return True


def _said_in_present(doc: Doc, char: int, end: int) -> bool:
    """Whether the verb the expression modifies directly is in the simple present ("April
    25 is the deadline", "the offer expires Nov. 6"), which speaks of now or what is set."""
    verb = _governing_verb(doc, char)
    if verb is None or not _modifies_directly(doc, char, end, verb):
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False  # "has fallen", "is expected", "could close": not the simple present
    return verb.tag_ in ("VBZ", "VBP")


def _said_in_perfect(doc: Doc, char: int) -> bool:
    """Whether the expression's verb is in a perfect tense ("has fallen")."""
    verb = _governing_verb(doc, char)
    return verb is not None and any(
        c.dep_ == "aux" and c.lower_ in ("has", "have", "had") for c in verb.children
    )


def _said_of_future(doc: Doc, char: int, end: int) -> bool:
    """Whether the words just before the expression, or its verb, speak of the future."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    token = span[0]
    # "announced the plan Aug. 21", "has fallen this year through Oct. 19": a past or
    # perfect verb the date modifies outweighs a cue word nearby.
    told_before = _said_of_past(doc, char, end) or _said_in_perfect(doc, char)
    before = doc[max(token.sent.start, token.i - 4) : token.i]
    if any(t.lower_ in FUTURE_CUES for t in before):
        return not told_before
    if token.i > 0 and doc[token.i - 1].lower_ in DEADLINE_WORDS:
        return not (_said_of_past(doc, char) or _said_in_perfect(doc, char))
    verb = token
    # Compare indices: spaCy makes a new Token object on every access, so "is" never holds.
    while verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    if any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") for c in verb.children):
        return True
    return _called_for(token, verb, end)


# Verbs that ask for, plan or foresee what they name: "called for a march on Saturday",
# "urged teachers to return before Newroz on Friday", "is expected to hear the first cases
# on Monday", "warned of more rain on Wednesday" (round 21).
FORWARD_VERBS = frozenset(
    {"call", "urge", "plan", "expect", "schedule", "warn", "forecast", "threaten", "vow",
     "promise"}
)  # fmt: skip


def _called_for(token: Token, verb: Token, end: int) -> bool:
    """Whether the expression dates what a forward-looking verb asks for or foresees: the
    expression hangs on that verb's object noun ("called a shutdown ... on Monday") or on
    an infinitive under it ("expected to hear ... on Monday"), not on the verb itself
    ("called on Monday for calm": the call was on Monday)."""
    if verb.i == token.i:
        return False
    if verb.lemma_.lower() in FORWARD_VERBS:
        # The expression reached the forward verb only through a noun ("a march", "rain").
        outside = [a for a in _up_to(token, verb) if a.idx < token.idx or a.idx >= end]
        return any(a.pos_ == "NOUN" and a.dep_ in ("dobj", "pobj") for a in outside)
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    governor = verb.head
    return (
        infinitive
        and verb.dep_ == "xcomp"
        and governor.i != verb.i
        and governor.lemma_.lower() in FORWARD_VERBS
    )


def _up_to(token: Token, verb: Token) -> list[Token]:
    """The tokens on the path from ``token`` up to ``verb``, both left out."""
    path = []
    for node in token.ancestors:
        if node.i == verb.i:
            break
        path.append(node)
    return path
