"""Tolls told apart from their event (round 13): a report often tells what happened in
one sentence and how many died in another ("Rebels seized the town on Monday. Health
workers said at least eight civilians were killed during the raid."). This pass runs on
the report's merged events, after each event has taken the toll of its own clause
(``events_counts``), and gives each count stated in a sentence that tells no event able
to have victims to the event the report is telling at that point:

* the event a definite anaphor of the toll's sentence names by its type ("during the
  raid", "in the blast", "in the exchange of fire"), told last before it;
* else the event able to have victims told last before it (the first one told after it,
  for a toll in the lead before any event: "At least five people have been killed since
  Thursday", then the fighting);
* never a toll counted over a period or a whole conflict ("The conflict has killed more
  than 6,000 people since 2017", "a week of protests in which 105 people have been
  killed"), a part of a toll ("Two children were among the dead"), a vague one
  ("dozens"), or the dead of a disease to anything but a disaster;
* the toll of an event's own clause is kept: another sentence's count replaces it only
  where it makes a lower bound exact ("more than 50 wounded", then "53 wounded").

The toll's sentence becomes the event's evidence, so the count can be checked against
the words that state it. Linear in the report's length: each toll looks up the tellings
before it by bisection.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections.abc import Callable, Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep.records import Event, Figure, Span
from sitrep.stages.events_background import last_day, report_day
from sitrep.stages.events_context import context_of, mentions_in_sentence
from sitrep.stages.events_counts import (
    counted_as,
    counted_by_another_clause,
    counted_noun,
    in_a_dated_clause,
    is_added,
    is_updated_toll,
    names_a_part,
    own_line,
    raises_something_else,
    summed_toll,
)
from sitrep.stages.events_document import (
    CASUALTY_TYPES,
    is_part_of_toll,
    is_vague,
    months_of,
    stated_quantity,
)
from sitrep.stages.events_shares import (
    PlacedShare,
    clause_town,
    in_care,
    lists_of,
    news_test,
    placed_shares,
    share_host,
    victim_shares,
)
from sitrep.stages.events_toll_ground import give_fighting_to_ground
from sitrep.stages.events_toll_victims import victims_in
from sitrep.stages.events_triggers import trigger_type
from sitrep.stages.figures_index import Intervals
from sitrep.stages.state import DocState

_QUANTITIES = ("killed", "injured")


@dataclasses.dataclass(frozen=True, slots=True)
class _Toll:
    """A count of the dead or injured told in a sentence of its own."""

    quantity: str
    count: int
    at: int  # where it is told
    figure: Figure | None  # None for one victim told without a number
    sentence: SpacySpan
    evidence: Span
    updated: bool = False  # "the death toll rose to 31": a new total
    added: bool = False  # "Two more died in hospital": to be added to the toll before


def assign_tolls(
    events: Sequence[Event], state: DocState, placed_only: frozenset[str] = frozenset()
) -> list[Event]:
    """``events`` with each toll told apart from any event given to the event the
    report is telling where it stands (see the module docstring). Events whose id is in
    ``placed_only`` (an event at each place named as the worst hit, session 18) take only
    the shares told at their own place ("Mthatha alone accounts for 57 of the dead"),
    never a toll their sentence or its neighbours tell of the whole event."""
    result = list(events)
    tellings = sorted(
        (span.start, i) for i, e in enumerate(result)
        if e.type in CASUALTY_TYPES and e.id not in placed_only
        for span in e.evidence
    )  # fmt: skip
    if not tellings:
        return result
    covered = Intervals(
        (span.start, span.end, i) for i, e in enumerate(result)
        if e.type in CASUALTY_TYPES and e.id not in placed_only
        for span in e.evidence
    )  # fmt: skip
    # Places of no known kind that events are told at are towns for shares (round 16).
    sites = frozenset(e.place for e in result if e.place and e.type in CASUALTY_TYPES)

    # A share is of the report's news: an event at its town dated well before the report's
    # day is background ("the earthquake of December 2, 2023" at the town where the
    # aftershock's victim drowned; round 16).
    current = news_test(state.published)

    # "Three of the dead were in Marhanets": shares of a list's toll by town (round 14).
    victims_placed = [
        share for share in victim_shares(state, sites)
        if _at_an_event(result, share, current) or _after_a_total(state, share)
    ]  # fmt: skip
    shares = placed_shares(state, sites) + victims_placed
    lists = lists_of(result, state.places)
    given: dict[tuple[int, str], _Toll] = {}  # (event, quantity) -> the toll it took here

    # A list's own clause told its total, which no member took ("Shelling hit A, B and
    # C, killing three civilians"): the total is read as a toll apart (round 14).
    def open_list(at: int, quantity: str) -> bool:
        members = covered.covering(at)
        return bool(members) and all(
            i in lists.group and _count(result[i], quantity) is None for i in members
        )

    placed_at = {share.at for share in victims_placed}
    tolls = _tolls_apart(state, covered, open_list, lambda at: at in placed_at)
    towns = _towns_of(state, tolls, sites)
    # Lists the report tells town by town: a total of that harm is then no one town's (a
    # toll placed by its paragraph alone does not say so: round 16).
    told = _towns_of(state, tolls, sites, paragraph=False)
    by_town = {
        quantity: _told_by_town(result, lists.group, shares, tolls, told, quantity, lists.lead)
        for quantity in _QUANTITIES
    }
    for toll in tolls:
        telling = covered.covering(toll.at)
        host = min(telling) if telling else _host(state, result, tellings, toll)
        if host is None:
            continue
        if host in lists.group:
            # "In A, two people were killed": the toll of the member its clause names;
            # else the list's total, which goes to the place the report is about,
            # unless it tells the toll by town (docs/EVENT_TYPES.md, round 14).
            gid = lists.group[host]
            town = towns[toll.at] or _only_settlement(state, toll)
            own = next((i for i in lists.members[gid] if result[i].place == town), None)
            lead = lists.lead[gid]
            if lead is None and toll.count > 0:
                # Named alike: the first of the list, as the outside writers who state a
                # rule for a shared toll put it (round 23: sets ac and ad; ACLED splits it
                # evenly). "No one was hurt" still holds for every member. A toll told in
                # a sentence of its own after "Protests also broke out in A, B and C" is
                # the whole wave's: the event of its kind told before the list, at a place
                # of its own (the headline's Lomé), takes it (session 18).
                lead = _told_before_the_list(result, lists.members[gid], toll)
                if lead is None:
                    lead = min(lists.members[gid])
            if own is not None:
                host = own
            elif gid in by_town[toll.quantity] or lead is None:
                continue
            else:
                host = lead
        told_on = _dates_told(state, toll)
        if not _dates_agree(result[host].date, told_on):
            continue  # "In March, 30 people were killed there": another event's toll
        if result[host].date is None and any(_long_before(state, day) for day in told_on):
            continue  # "In December 2017, six were killed in Ranya": another time's toll
        known = _count(result[host], toll.quantity)
        earlier = given.get((host, toll.quantity))
        if toll.added and known is not None:
            toll = dataclasses.replace(toll, count=known + toll.count)
            known = None  # "Two more died in hospital on Tuesday": the toll grows
        if known is not None and not _refines(known, toll, earlier, state):
            continue  # the toll of its own clause first
        given[(host, toll.quantity)] = toll
        result[host] = _with_toll(result[host], toll)
    result = _give_shares(state, result, tellings, covered, shares, current)
    result = _give_shares_told_apart(state, result, covered, sites, current)
    return give_fighting_to_ground(state, result, current)


# Words by which a toll's sentence points back at the list: "there", "in those towns".
_BACK_TO_THE_LIST = re.compile(
    r"\bthere\b|\b(?:those|these|the\s+three|the\s+four)\s+(?:towns|villages|cities|places)\b",
    re.IGNORECASE,
)


def _told_before_the_list(events: Sequence[Event], members: list[int], toll: _Toll) -> int | None:
    """For a toll told outside the list's own sentence, the event of the list's type told
    first in the report, before the list, at a place not in it; else None."""
    told = {span for i in members for span in events[i].evidence}
    if any(span.start <= toll.at < span.end for span in told):
        return None
    if _BACK_TO_THE_LIST.search(toll.sentence.text):
        return None  # "Two protesters were shot dead there": the list's own toll
    kind = events[members[0]].type
    places = {events[i].place for i in members}
    start = min(span.start for span in told)
    earlier = [
        (e.evidence[0].start, i)
        for i, e in enumerate(events)
        if i not in members
        and e.type == kind
        and e.place not in places
        and e.evidence
        and e.evidence[0].start < start
    ]
    return min(earlier)[1] if earlier else None


def _give_shares(
    state: DocState,
    events: list[Event],
    tellings: list[tuple[int, int]],
    covered: Intervals[int],
    shares: Sequence[PlacedShare],
    current: Callable[[Event], bool],
) -> list[Event]:
    """Each share of a toll by town given to the event at its town, of the time the
    report is telling there (round 14; round 16: not a background event at that town)."""
    result = list(events)
    for share in sorted(shares, key=lambda s: s.at):
        index = share_host(result, share, ANAPHOR_REACH, current)
        if index is None:
            index = _holding_the_total(result, share, shares, current)
        toll = _Toll(share.quantity, share.count, share.at, None, _sentence_at(state, share.at),
                     share.evidence)  # fmt: skip
        if index is not None:
            result[index] = _with_toll(result[index], toll)
        elif (
            share.named
            and not _at_an_event(result, share, current)
            and not covered.overlapping(share.evidence.start, share.evidence.end)
        ):
            # "Four people died. A fisherman drowned in Harlow": the writers code the death
            # at Harlow as an event there, of the kind whose toll the report breaks down.
            told = _told_before(result, tellings, share.at)
            if told is not None:
                result.append(_at_the_town(result[told], share.place, toll))
    return result


def _holding_the_total(
    events: Sequence[Event],
    share: PlacedShare,
    shares: Sequence[PlacedShare],
    current: Callable[[Event], bool],
) -> int | None:
    """The event at the share's town that holds the whole toll the report then tells town
    by town ("A strong aftershock ... killing four people" placed at Kestrel, then "Two of
    the dead were ... in Kestrel", one in Harlow, one in Moravo): the total is no one
    town's (docs/EVENT_TYPES.md, round 14), so that town's event takes its share."""
    by_town: dict[str, int] = {}
    for other in shares:
        if other.quantity == share.quantity:
            by_town[other.place] = max(by_town.get(other.place, 0), other.count)
    if len(by_town) < 2:
        return None
    for index, event in enumerate(events):
        if event.place != share.place or event.type not in CASUALTY_TYPES:
            continue
        known = _count(event, share.quantity)
        whole = known is not None and known > share.count and known >= sum(by_town.values())
        if whole and current(event):
            return index
    return None


def _give_shares_told_apart(
    state: DocState,
    events: list[Event],
    covered: Intervals[int],
    sites: frozenset[str],
    current: Callable[[Event], bool],
) -> list[Event]:
    """A toll its own clause places at another town than the event that took it: in
    "Artillery shelled Harlow, killing two people in Kestrel and wounding 17 in Harlow",
    the two dead are Kestrel's. A toll goes to a town only where the text ties it to
    that town (outside sets f, g, h): the event told at that town takes it, of its time
    and with no count of its own, and the event that took it gives it up."""
    result = list(events)
    for figure in state.figures:
        quantity = counted_as(state, figure)
        if quantity not in _QUANTITIES or figure.value is None or is_vague(figure):
            continue
        takers = [i for i in covered.covering(figure.span.start)
                  if _count(result[i], quantity) == round(figure.value)]  # fmt: skip
        if len(takers) != 1:
            continue
        taker = takers[0]
        town = clause_town(state, figure.span.start, sites)
        if town is None or town == result[taker].place:
            continue
        share = PlacedShare(quantity, round(figure.value), town, figure.span.start,
                            result[taker].evidence[0])  # fmt: skip
        index = _event_at_town(result, share, result[taker], current)
        if index is None:
            continue
        sentence = _sentence_at(state, figure.span.start)
        toll = _toll(state, quantity, share.count, figure.span.start, figure, sentence)
        result[index] = _with_toll(result[index], toll)
        if quantity == "killed":
            result[taker] = dataclasses.replace(result[taker], killed=None)
        else:
            result[taker] = dataclasses.replace(result[taker], injured=None)
    return result


def _event_at_town(
    events: Sequence[Event], share: PlacedShare, like: Event, current: Callable[[Event], bool]
) -> int | None:
    """The event of ``like``'s type told at the share's town, of its time, with no count
    of the share's harm: told before the share, else after it (the list that names the
    town may come later: "Shells also landed in Kestrel and Moravo")."""
    found = [
        i for i, e in enumerate(events)
        if e.place == share.place and e.type == like.type and e.modality in _REALIS
        and current(e) and _count(e, share.quantity) is None
    ]  # fmt: skip
    return found[0] if len(found) == 1 else None


def _at_an_event(
    events: Sequence[Event], share: PlacedShare, current: Callable[[Event], bool]
) -> bool:
    """Whether an event able to have victims is told at the share's town, of the report's
    news (not "the earthquake of December 2, 2023" there)."""
    return any(
        e.place == share.place and e.type in CASUALTY_TYPES and e.modality in _REALIS
        and current(e)
        for e in events
    )  # fmt: skip


_REALIS = frozenset({"fact", "claim"})


def _after_a_total(state: DocState, share: PlacedShare) -> bool:
    """Whether a count of the share's harm at least as large is stated in the sentence
    before it or earlier in its own: the share breaks a total down ("Four people have
    died. Two men were swept away near Kestrel, a woman drowned in Harlow")."""
    sentence = _sentence_at(state, share.at)
    start = state.doc[sentence.start - 1].sent.start_char if sentence.start > 0 else 0
    return any(
        figure.value is not None and figure.value >= share.count and not is_vague(figure)
        and stated_quantity(state.text, figure) == share.quantity
        for figure in context_of(state).figures.between(start, share.at)
    )  # fmt: skip


def _told_before(events: Sequence[Event], tellings: list[tuple[int, int]], at: int) -> int | None:
    before = bisect_left(tellings, (at, -1))
    return tellings[before - 1][1] if before else None


def _at_the_town(event: Event, place: str, toll: _Toll) -> Event:
    """The part of ``event`` told at another town: its kind, date and actors, the
    share's toll and words."""
    return _with_toll(
        dataclasses.replace(event, place=place, killed=None, injured=None, evidence=()), toll
    )


def _told_by_town(
    events: Sequence[Event],
    group: dict[int, int],
    shares: Sequence[PlacedShare],
    tolls: Sequence[_Toll],
    towns: dict[int, str | None],
    quantity: str,
    lead: dict[int, int | None],
) -> set[int]:
    """The lists whose toll of ``quantity`` the report tells town by town: a share or a
    toll of that harm is told at one of its towns ("Three of the dead were in A"), or of
    the other harm at a town other than the list's lead ("five of the dead were in B":
    the wounded are then no one town's either; but one death told at the lead, the town
    the report is about, leaves the wounded to it)."""

    def places(same: bool) -> set[str]:
        found = {s.place for s in shares if (s.quantity == quantity) == same}
        found |= {town for t in tolls if (t.quantity == quantity) == same
                  and (town := towns[t.at])}  # fmt: skip
        return found

    same, other = places(True), places(False)
    return {
        gid for i, gid in group.items()
        if events[i].place in same or (events[i].place in other and lead.get(gid) != i)
    }  # fmt: skip


def _towns_of(
    state: DocState, tolls: Sequence[_Toll], sites: frozenset[str], paragraph: bool = True
) -> dict[int, str | None]:
    """The town each toll's clause is told at; a toll whose clause names none is told at
    the one town the other tolls of its sentence name ("At least nine civilians were
    killed in Kestrel, and about 25 were wounded": both Kestrel's), else, where its
    sentence names no town, at the one town of the sentence before it in its paragraph."""
    towns = {toll.at: clause_town(state, toll.at, sites) for toll in tolls}
    by_sentence: dict[int, set[str]] = {}
    for toll in tolls:
        town = towns[toll.at]
        if town is not None:
            by_sentence.setdefault(toll.sentence.start, set()).add(town)
    for toll in tolls:
        named = by_sentence.get(toll.sentence.start, set())
        if towns[toll.at] is None and len(named) == 1:
            towns[toll.at] = next(iter(named))
        elif paragraph and towns[toll.at] is None and not _settlements_in(state, toll.evidence):
            # "In Kestrel, the river burst its banks. One man drowned": the paragraph's.
            towns[toll.at] = next(iter(_paragraph_town(state, toll)), None)
    return towns


def _sentence_at(state: DocState, char: int) -> SpacySpan:
    span = state.doc.char_span(char, char + 1, alignment_mode="expand")
    return span.sent if span is not None else state.doc[:].sent


def _dates_told(state: DocState, toll: _Toll) -> list[str]:
    """The dates the toll's own clause gives the harm: not the day it was reported ("said
    on Saturday"), nor where a count over a period starts ("148 deaths since January")."""
    low, high = toll.evidence.start, toll.evidence.end
    told = []
    for _, time in context_of(state).times.between(low, high):
        if time.kind != "date" or not time.value:
            continue
        if not _ISO_DATE.match(time.value) or _PERIOD_START.search(
            state.text, max(0, time.span.start - 12), time.span.start
        ):
            continue
        if _COUNTED_BY.search(state.text, max(0, time.span.start - 12), time.span.start) and (
            not state.text.startswith("'s", time.span.end)
        ):
            continue  # "the toll had reached 102 by Monday": when it was counted (round 20)
        span = state.doc.char_span(time.span.start, time.span.end, alignment_mode="expand")
        if span is not None and not _of_speech(span.root):
            told.append(time.value)
    return told


_ISO_DATE = re.compile(r"^\d{4}")
_PERIOD_START = re.compile(r"\b(?:since|from|until|till)\s+(?:the\s+)?$", re.I)
# "by Monday", "as of 16 June": the day a count stood; not "by Monday's strike" (a cause).
_COUNTED_BY = re.compile(r"\b(?:by|as\s+of)\s+(?:the\s+)?$", re.I)
_SPEECH_VERBS = frozenset({"say", "tell", "report", "announce", "confirm", "add", "state"})


def _of_speech(token: Token) -> bool:
    """Whether the first verb above ``token`` is a verb of saying."""
    for node in token.ancestors:
        if node.pos_ in ("VERB", "AUX"):
            return node.lemma_.lower() in _SPEECH_VERBS
    return False


def _dates_agree(date: str | None, told: list[str]) -> bool:
    """Whether the event's date agrees with every date the toll's sentence states (the
    same month, or year where one gives only a year)."""
    if date is None:
        return True
    ours = months_of(date)
    for value in told:
        theirs = months_of(value)
        k = min(len(date), len(value), 7)
        if not {m[:k] for m in ours} & {m[:k] for m in theirs}:
            return False
    return True


def _long_before(state: DocState, value: str) -> bool:
    """Whether the date ``value`` ends a season or more before the report's day: a toll
    so dated is of an earlier episode, not of an undated event the report tells."""
    today, last = report_day(state.published), last_day(value)
    return today is not None and last is not None and (today - last).days > _SEASON_DAYS


# Longer than any news report's look back at what it is telling (weeks), shorter than
# the gap to an earlier episode it recalls (years, mostly).
_SEASON_DAYS = 90


def _count(event: Event, quantity: str) -> int | None:
    return event.killed if quantity == "killed" else event.injured


def _with_toll(event: Event, toll: _Toll) -> Event:
    """The event counted by ``toll``, whose words join its evidence (after its tellings:
    the first piece of evidence stays the telling the later stages key on)."""
    evidence = event.evidence
    if toll.evidence not in evidence:
        evidence = (*evidence, toll.evidence)
    if toll.quantity == "killed":
        return dataclasses.replace(event, killed=toll.count, evidence=evidence)
    return dataclasses.replace(event, injured=toll.count, evidence=evidence)


# --------------------------------------------------------------------------- the tolls


def _tolls_apart(
    state: DocState,
    covered: Intervals[int],
    open_list: Callable[[int, str], bool] = lambda at, quantity: False,
    placed: Callable[[int], bool] = lambda at: False,
) -> list[_Toll]:
    """The tolls told in sentences that tell no event able to have victims, in order."""
    tolls: list[_Toll] = []
    summed: set[int] = set()  # figures already counted as part of a sum
    for figure in state.figures:
        if figure.span.start in summed or figure.value is None:
            continue
        quantity = counted_as(state, figure)
        if quantity not in _QUANTITIES or is_part_of_toll(state.text, figure):
            continue
        if is_vague(figure) or names_a_part(state.text, figure):
            continue
        span = state.doc.char_span(figure.span.start, figure.span.end, alignment_mode="expand")
        if span is None or over_a_period(span.root) or counted_by_another_clause(span.root):
            continue
        if over_many_areas(span.root):
            continue  # "152 people dead nationwide": no one town's toll (round 22)
        if raises_something_else(span.root):
            continue  # "cholera cases rose to 1,246": no one's toll
        if in_a_dated_clause(span.root):
            continue  # "since 2022, when riots left 16 dead": the toll of another time
        # An event told in the toll's sentence took it there, unless it is a new total
        # that the merged event's first telling may lack ("the toll from Saturday's strike
        # has risen to 31").
        if (
            covered.any_covering(figure.span.start)
            and not is_updated_toll(span.root)
            and not open_list(figure.span.start, quantity)
        ):
            continue
        count, parts = summed_toll(state, figure, quantity)
        summed.update(p.span.start for p in parts)
        toll = _toll(state, quantity, count, figure.span.start, figure, span.sent)
        added = is_added(state.text, figure) and _adds_to_same_harm(state, figure, quantity)
        tolls.append(dataclasses.replace(toll, updated=is_updated_toll(span.root), added=added))
    stated = {(t.sentence.start, t.quantity) for t in tolls}
    tolls += _single_victims(state, covered, stated, placed)
    tolls += _no_victims(state, stated)
    return sorted(tolls, key=lambda t: t.at)


def _adds_to_same_harm(state: DocState, figure: Figure, quantity: str) -> bool:
    """Whether "another N" adds to a toll of its own harm: the count told last before it
    (in its sentence or the one before) is of that harm ("Eight were killed. Another 12
    died in hospital"), not of the other ("Three guards were killed. Another 31 people were
    rushed to hospital": 31 hurt besides the dead, not 31 more hurt)."""
    sentence = _sentence_at(state, figure.span.start)
    start = state.doc[sentence.start - 1].sent.start_char if sentence.start > 0 else 0
    before = [
        told for f in context_of(state).figures.between(start, figure.span.start)
        if f.value is not None and (told := counted_as(state, f)) in _QUANTITIES
    ]  # fmt: skip
    return not before or before[-1] == quantity


def _toll(
    state: DocState,
    quantity: str,
    count: int,
    at: int,
    figure: Figure | None,
    sentence: SpacySpan,
) -> _Toll:
    start, end = own_line(state, sentence, at)
    while end > start and state.text[end - 1].isspace():
        end -= 1
    while start < end and state.text[start].isspace():
        start += 1
    return _Toll(quantity, count, at, figure, sentence, Span.of(state.text, start, end))


def _single_victims(
    state: DocState,
    covered: Intervals[int],
    counted: set[tuple[int, str]],
    placed: Callable[[int], bool],
) -> list[_Toll]:
    """ "one worker was killed", "a woman and her son were killed": victims named without
    a number, in a sentence that tells no event and counts no one else of that harm.
    Victims whose clause names their town are shares of a toll by place
    (``events_shares``), not a toll of their own."""
    found = []
    for sentence in state.doc.sents:
        if covered.overlapping(sentence.start_char, sentence.end_char):
            continue
        groups = [v for v in victims_in(sentence) if not over_a_period(v.verb)]
        for quantity in _QUANTITIES:
            if (sentence.start, quantity) in counted:
                continue
            mine = [v for v in groups if v.quantity == quantity]
            if not mine or all(placed(v.verb.idx) for v in mine):
                continue
            ranked = next((v for v in mine if v.total), None)
            if ranked is not None:  # "A third person has died": the toll now stands at 3
                toll = _toll(state, quantity, ranked.count, ranked.verb.idx, None, sentence)
                found.append(dataclasses.replace(toll, updated=True))
                continue
            count = sum(v.count for v in mine)
            found.append(_toll(state, quantity, count, mine[0].verb.idx, None, sentence))
    return found


# "No deaths had been reported", "no one was killed", "there were no casualties": a toll
# of none, which a coder enters as 0 (eval/outside/c, fuego: the only set whose gold says).
_NONE_KILLED = re.compile(
    r"\b(?:no\s+(?:reported\s+|immediate\s+)?(?:deaths|fatalities|casualties|dead)\b"
    r"|no\s+reports\s+of\s+(?:deaths|casualties)"
    r"|(?:no\s+one|nobody)\s+(?:was|were|has\s+been|had\s+been)\s+killed"
    r"|(?:no\s+one|nobody)\s+(?:died|was\s+dead)|no\s+lives\s+were\s+lost)",
    re.I,
)
_NONE_INJURED = re.compile(
    r"\b(?:no\s+(?:reported\s+|immediate\s+)?(?:injuries|casualties)\b"
    r"|no\s+reports\s+of\s+(?:injuries|casualties)"
    r"|(?:no\s+one|nobody)\s+(?:was|were|has\s+been|had\s+been)\s+(?:hurt|injured|wounded))",
    re.I,
)


def _no_victims(state: DocState, stated: set[tuple[int, str]]) -> list[_Toll]:
    """A toll of none: "No deaths had been reported by Monday evening"."""
    found = []
    for quantity, pattern in (("killed", _NONE_KILLED), ("injured", _NONE_INJURED)):
        for match in pattern.finditer(state.text):
            span = state.doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None or (span.sent.start, quantity) in stated:
                continue
            found.append(_toll(state, quantity, 0, match.start(), None, span.sent))
    return found


# Subjects that kill over a whole period, not in one event.
_LASTING_CAUSES = frozenset(
    {"conflict", "war", "insurgency", "violence", "crisis", "unrest", "rebellion",
     "uprising", "campaign", "epidemic", "outbreak", "drought", "famine"}
)  # fmt: skip
# Nouns of a span of time a toll may be counted over ("a week of protests in which ...").
_PERIODS = frozenset({"week", "month", "year", "decade", "day", "weeks", "months", "years"})
_SINCE_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")


def over_a_period(token: Token) -> bool:
    """Whether the clause that counts ``token`` counts the dead of a period or a whole
    conflict: its verb's subject is a lasting cause ("the conflict has killed"), it runs
    "since" a year or "over the past" years, or it hangs on a span of time ("a week of
    protests in which 105 people have been killed")."""
    verb = _verb_of(counted_noun(token))
    if verb is None:
        return False
    for child in verb.children:
        if child.dep_ == "nsubj" and child.lemma_.lower() in _LASTING_CAUSES:
            return True
        if child.dep_ == "prep" and _spans_years(child):
            return True
    if verb.dep_ != "relcl":
        return False
    for node in verb.ancestors:  # "after a week of protests over quotas in which ..."
        if node.pos_ in ("VERB", "AUX"):
            return False
        if node.lemma_.lower() in _PERIODS:
            return True
    return False


# Nouns for the areas a toll may be counted across ("across the country", "in 21 of the
# country's 23 provinces").
_AREA_NOUNS = frozenset(
    {"country", "nation", "province", "region", "governorate", "state", "district", "county"}
)
_NATIONWIDE = frozenset({"nationwide", "countrywide", "nationally"})


def over_many_areas(token: Token) -> bool:
    """Whether the clause that counts ``token`` counts the dead of a whole country or of
    several areas: "152 people dead nationwide", "killed across the governorate", "540
    people have died in 21 of the country's 23 provinces" (round 22)."""
    noun = counted_noun(token)
    verb = _verb_of(noun) or noun
    for word in verb.subtree:
        if word.lower_ in _NATIONWIDE:
            return True
        if word.lemma_.lower() not in _AREA_NOUNS:
            continue
        if word.head.lower_ in ("across", "throughout"):
            return True
        if word.tag_ == "NNS" and any(c.dep_ == "nummod" for c in word.children):
            return True  # "in 21 of the country's 23 provinces" (not "any of its provinces")
    return False


def _verb_of(noun: Token) -> Token | None:
    node = noun
    for _ in range(3):
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return node if node.pos_ in ("VERB", "AUX") else None


def _spans_years(preposition: Token) -> bool:
    """ "since 2017", "over the past decade", "in the past two years"."""
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    word = preposition.lower_
    if word == "since":
        return any(_SINCE_YEAR.match(o.text) or o.lemma_.lower() in ("start", "beginning")
                   for o in objects)  # fmt: skip
    if word in ("over", "in", "during"):
        return any(
            o.lemma_.lower() in ("year", "decade")
            and any(c.lower_ in ("past", "last") for c in o.children)
            for o in objects
        )
    return False


# --------------------------------------------------------------------------- the host


# How many tellings back "the raid" may name its event: a bound that keeps the pass linear
# on a report telling hundreds of events; no report of the dev sets tells more than 20.
ANAPHOR_REACH = 20
_ANAPHOR_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})


def _host(
    state: DocState, events: Sequence[Event], tellings: list[tuple[int, int]], toll: _Toll
) -> int | None:
    """The event the report is telling where ``toll`` stands: the one its sentence names
    by a definite anaphor, else the one told last before it (the first told after it
    when none is told before)."""
    before = bisect_left(tellings, (toll.at, -1))
    named = _anaphor_type(toll.sentence)
    if named is not None:
        for _, index in reversed(tellings[max(0, before - ANAPHOR_REACH) : before]):
            if _family(events[index].type) == _family(named):
                return index
    if toll.figure is not None and _counts_disease(toll.sentence):
        # "31,000 suspected cholera cases and 148 deaths": the outbreak's toll, not that
        # of the airstrike told just before it (round 9).
        return next((i for _, i in reversed(tellings[:before])
                     if events[i].type == "disaster"), None)  # fmt: skip
    if before:
        nearest = _counted_first(events, tellings, before - 1)
        named_places = _settlements_in(state, toll.evidence) or _paragraph_town(state, toll)
        # Only a town the harm was told at, not where the hurt were taken to ("treated in
        # hospitals in Makurdi" names no event's town: round 20).
        harmed_at = {p for p in named_places if not _of_a_hospital(state, p, toll.evidence)}
        if harmed_at and events[nearest].place not in named_places:
            # "Separately, floods hit Kestrel ... In Harlow, 12 people were killed": the
            # toll of the event told at the town its sentence names, told before it, else
            # after it (a live report tells the latest first).
            for _, index in reversed(tellings[max(0, before - ANAPHOR_REACH) : before]):
                if events[index].place in harmed_at:
                    return index
            kind = _family(events[nearest].type)
            for _, index in tellings[before : before + ANAPHOR_REACH]:
                if events[index].place in harmed_at and _family(events[index].type) == kind:
                    return index
        return nearest
    # A toll told before any such event ("At least five people have been killed since
    # Thursday", the lead after "days of fighting") counts the dead of the first one told
    # after it (round 11, outside c).
    return tellings[0][1]


def _counted_first(events: Sequence[Event], tellings: list[tuple[int, int]], last: int) -> int:
    """Of the events told by the sentence at ``tellings[last]``, the one that took a toll
    there ("Gangs seized the town after a night of fighting, killing 11": the seizure,
    not the fighting it tells as its setting, takes "More than 20 were wounded" next),
    else the one told last."""
    start = tellings[last][0]
    index = last
    while index >= 0 and tellings[index][0] == start:
        event = events[tellings[index][1]]
        if event.killed is not None or event.injured is not None:
            return tellings[index][1]
        index -= 1
    return tellings[last][1]


def _paragraph_town(state: DocState, toll: _Toll) -> set[str]:
    """The one town the sentence before the toll, on its line, names: a toll that names
    no town continues the paragraph's ("In Kestrel, a mudslide buried the market road on
    Friday. A bus driver was killed": Kestrel's; round 16)."""
    if toll.sentence.start == 0:
        return set()
    before = state.doc[toll.sentence.start - 1].sent
    first, _ = context_of(state).lines.bounds(toll.evidence.start)
    if before.start_char < first:
        return set()  # the paragraph starts with the toll
    towns = _settlements_in(state, Span.of(state.text, before.start_char, before.end_char))
    return towns if len(towns) == 1 else set()


def _only_settlement(state: DocState, toll: _Toll) -> str | None:
    """The one town the toll's sentence names anywhere, in a clause of how they died too:
    "Four members of one family died when their car was carried away ... near Tissint"
    (round 19)."""
    named = _settlements_in(state, toll.evidence)
    return next(iter(named)) if len(named) == 1 else None


def _settlements_in(state: DocState, span: Span) -> set[str]:
    """The ids of the towns and villages named (not as metonyms) in ``span``."""
    return {p.id for p in context_of(state).places.settlements.between(span.start, span.end)}


def _of_a_hospital(state: DocState, place: str, span: Span) -> bool:
    """Whether every mention of ``place`` in ``span`` hangs on a hospital noun."""
    mentions = [
        t for t, p in mentions_in_sentence(state, _sentence_at(state, span.start))
        if p.id == place and span.start <= t.idx < span.end
    ]  # fmt: skip
    return bool(mentions) and all(in_care(t) for t in mentions)


def _anaphor_type(sentence: SpacySpan) -> str | None:
    """The event type a definite noun of the sentence names back ("during the raid",
    "in the exchange of fire"), if any."""
    for token in sentence:
        if token.pos_ != "NOUN":
            continue
        if not any(c.dep_ == "det" and c.lower_ in _ANAPHOR_DETERMINERS for c in token.children):
            continue
        if _a_counter_move(token):
            return "recapture"  # "The counter-offensive killed 11 more": ground retaken
        kind = trigger_type(token)
        if kind in CASUALTY_TYPES:
            return kind
    return None


_COUNTER_MOVES = frozenset({"counteroffensive", "counterattack", "counter-offensive",
                            "counter-attack"})  # fmt: skip


def _a_counter_move(token: Token) -> bool:
    """ "the counter-offensive", "the counterattack": a move that takes back ground."""
    if token.lower_ in _COUNTER_MOVES:
        return True
    doc = token.doc
    # The parser splits "counter-offensive" and may hang the determiner on "counter".
    return (
        token.lower_ == "counter"
        and token.i + 2 < len(doc)
        and doc[token.i + 1].text == "-"
        and doc[token.i + 2].lower_ in ("offensive", "attack")
    ) or (
        token.lower_ in ("offensive", "attack")
        and token.i >= 2
        and doc[token.i - 1].text == "-"
        and doc[token.i - 2].lower_ == "counter"
    )


def _family(kind: str) -> str:
    """A generic attack and the shelling or airstrike it names are told as one event."""
    return "attack" if kind in ("shelling", "airstrike") else kind


_DISEASE_WORDS = frozenset(
    {"case", "cholera", "measles", "dengue", "malaria", "diphtheria", "ebola", "mpox",
     "infection", "outbreak", "epidemic"}
)  # fmt: skip


def _counts_disease(sentence: SpacySpan) -> bool:
    return any(t.lemma_.lower() in _DISEASE_WORDS for t in sentence)


# --------------------------------------------------------------------------- refining


_LOWER_BOUND = re.compile(r"^(?:more\s+than|over|at\s+least|upwards\s+of)\s", re.I)
# A later exact count refines a bound only up to this multiple of it: "more than 50
# wounded", then "the hospital received 53 wounded" (outside set b); a count several times
# the bound tells of something else.
REFINED_WITHIN = 1.5


def _refines(known: int, toll: _Toll, earlier: _Toll | None, state: DocState) -> bool:
    """Whether an exact count stated later makes a toll given as a lower bound precise."""
    figure = toll.figure
    if toll.updated:
        return toll.count > known  # "by Wednesday the death toll had risen to 31"
    if figure is None or figure.approximate or not known < toll.count <= known * REFINED_WITHIN:
        return False
    if earlier is not None:
        return earlier.figure is not None and bool(_LOWER_BOUND.match(earlier.figure.span.text))
    return any(
        f.value is not None and round(f.value) == known and f.span.start < figure.span.start
        and _LOWER_BOUND.match(f.span.text) and counted_as(state, f) == toll.quantity
        for f in state.figures
    )  # fmt: skip
