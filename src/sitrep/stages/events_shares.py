"""Shares of a toll told by place, and a list's total (round 14).

A report tells one toll for an event over several towns, then where the dead were:
"Four people were killed ... Three of the dead were in Marhanets", "Five of the dead were
from a single family in Dudhnial". The share belongs to the event told at that town; the
toll-apart pass (``events_tolls``) skips such shares, since "Of the dead, 12 were
children" is no toll of its own. A share is read here only where its own clause names
one town and no group of people ("12 of the dead were children" stays a part).

Where a list's total is told with no share ("Shelling hit A, B and the village of C,
killing three civilians"), the dev-set writers give it to the place the report is about,
the one it names first and most (docs/EVENT_TYPES.md, "Conventions decided in round 14");
``lists_of`` says which event that is.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from spacy.tokens import Token

from sitrep.records import Event, Place, Published, Span
from sitrep.stages.events_background import BACKGROUND_AFTER_DAYS, last_day, report_day
from sitrep.stages.events_context import mentions_in_sentence
from sitrep.stages.events_document import CASUALTY_TYPES
from sitrep.stages.events_toll_victims import Victims, victims_in
from sitrep.stages.figures import WORD_NUMBERS
from sitrep.stages.state import DocState

# The noun a share is taken of, and the count it is a share of.
_SHARE_NOUNS = {
    "dead": "killed",
    "killed": "killed",
    "deaths": "killed",
    "victims": "killed",
    "wounded": "injured",
    "injured": "injured",
}
_SETTLEMENTS = frozenset({"city", "town", "village"})


@dataclasses.dataclass(frozen=True, slots=True)
class PlacedShare:
    """ "Three of the dead were in Marhanets": ``count`` of ``quantity`` at ``place``."""

    quantity: str
    count: int
    place: str
    at: int
    evidence: Span
    named: bool = False  # victims named at the town ("a fisherman drowned in X")


def placed_shares(state: DocState, sites: frozenset[str] = frozenset()) -> list[PlacedShare]:
    """Every share of a toll whose clause names one town (or one of ``sites``, places of
    no known kind that events are told at), in the report's order."""
    shares: list[PlacedShare] = []
    towns = [p for p in state.places if is_town(p, sites)]
    # The place stage keeps one mention of some unpinned villages: the name names them.
    named = {m.text.casefold(): p for p in towns for m in p.mentions}
    named.update({p.name.casefold(): p for p in towns})
    for token in state.doc:
        share = _share(token)
        if share is None:
            continue
        count, quantity, verb, described = share
        sentence = token.sent
        found = [(t, p) for t, p in mentions_in_sentence(state, sentence) if is_town(p, sites)]
        mentions = found + [
            (t, named[_name(t)]) for t in sentence if t.pos_ == "PROPN" and _name(t) in named
        ]  # fmt: skip
        if described is None:
            places = {p.id for t, p in mentions if _told_by(t, verb)}
        else:  # "Two of the dead were siblings who were crushed ... in the centre of Harlow"
            places = {p.id for t, p in mentions if t in described.subtree and not in_care(t)}
        if len(places) == 1:
            evidence = Span.of(state.text, sentence.start_char, sentence.end_char)
            shares.append(PlacedShare(quantity, count, places.pop(), token.idx, evidence))
    return shares


def _share(token: Token) -> tuple[int, str, Token, Token | None] | None:
    """(count, quantity, verb, description) when ``token`` is the number of "N of the
    dead" that is a clause's subject ("Three of the dead were in X", "the other two were
    killed in X" is told by the clause-level count already); the description is what the
    clause says they were ("siblings who were crushed ... in X"), whose town places them.
    "Mthatha alone accounts for 57 of the dead": the town is the verb's subject."""
    count = _number(token)
    accounted = (
        token.dep_ == "pobj"
        and token.head.lower_ == "for"
        and token.head.head.lemma_.lower() == "account"
    )
    if count is None or (token.dep_ not in ("nsubj", "nsubjpass") and not accounted):
        return None
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    noun = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if noun is None or noun.lower_ not in _SHARE_NOUNS:
        return None
    if not any(c.lower_ == "the" for c in noun.children):
        return None
    if accounted:
        return count, _SHARE_NOUNS[noun.lower_], token.head.head, None
    verb = token.head
    described = next((c for c in verb.children if c.dep_ in ("attr", "acomp")), None)
    # "Three of the dead were children", "were Syrian": a part, unless the description
    # names where they were (round 16).
    return count, _SHARE_NOUNS[noun.lower_], verb, described


def victim_shares(state: DocState, sites: frozenset[str] = frozenset()) -> list[PlacedShare]:
    """Victims named at a town, each a share of the toll at that town (round 15): "A
    70-year-old woman died in Kestrel, and a fisherman drowned in Harlow"; "the body of a
    man was recovered near Arden"."""
    shares = []
    for sentence in state.doc.sents:
        for victims in victims_in(sentence):
            town = victims_town(state, victims, sites)
            if town is not None:
                evidence = Span.of(state.text, sentence.start_char, sentence.end_char)
                shares.append(
                    PlacedShare(victims.quantity, victims.count, town, victims.verb.idx,
                                evidence, named=True)
                )  # fmt: skip
    return shares


def victims_town(
    state: DocState, victims: Victims, sites: frozenset[str] = frozenset()
) -> str | None:
    """The one town the victims' own clause places them at ("drowned in Harlow", "was
    shot dead in Kestrel"), not where they were taken ("died in hospital in Arden")."""
    towns = {
        p.id for t, p in mentions_in_sentence(state, victims.verb.sent)
        if is_town(p, sites) and _told_by(t, victims.verb) and not in_care(t)
    }  # fmt: skip
    return towns.pop() if len(towns) == 1 else None


_CARE_NOUNS = frozenset({"hospital", "clinic", "morgue", "mortuary", "infirmary"})


def in_care(place: Token) -> bool:
    """Whether the name is where the hurt or the dead were taken: it names or hangs on a
    hospital ("the District Hospital in Arden", "Arden hospital")."""
    if any(t.lemma_.lower() in _CARE_NOUNS for t in place.children):
        return True
    preposition = place.head
    # "taken to the hospital in Arden": the parser may hang "in" on the verb.
    if (
        preposition.pos_ == "ADP"
        and preposition.i > 0
        and place.doc[preposition.i - 1].lemma_.lower() in _CARE_NOUNS
    ):
        return True
    node = place
    while node.head != node and node.pos_ not in ("VERB", "AUX"):
        node = node.head
        if node.lemma_.lower() in _CARE_NOUNS:
            return True
    return False


def is_town(place: Place, sites: frozenset[str] = frozenset()) -> bool:
    """A town or village named as such, or a place of no known kind that the report tells
    events at (``sites``: a village the gazetteer lacks, "the river had spilled into Kestrel
    and Harlow"; round 16), or a name unknown to the gazetteer that the text also calls a
    unit ("Hsipaw townships") and tells events at ("Air strikes hit Hsipaw"; round 22)."""
    if place.metonymy:
        return False
    if place.kind in _SETTLEMENTS:
        return True
    unknown_unit = place.kind == "region" and place.lat is None
    return (place.kind == "other" or unknown_unit) and place.id in sites


def clause_town(state: DocState, at: int, sites: frozenset[str] = frozenset()) -> str | None:
    """The one town the clause of the word at ``at`` is told at ("the other two were
    killed in Kel"), or None ("Four people were killed, the governor said")."""
    span = state.doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None:
        return None
    verb = span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    towns = {
        p.id for t, p in mentions_in_sentence(state, span.sent)
        if is_town(p, sites) and _told_by(t, verb)
    }  # fmt: skip
    return towns.pop() if len(towns) == 1 else None


def _name(token: Token) -> str:
    """The name a proper noun heads, its compounds with it ("Kundal Shahi")."""
    words = [t.text for t in token.children if t.dep_ == "compound" and t.i < token.i]
    return " ".join([*words, token.text]).casefold()


def _number(token: Token) -> int | None:
    word = token.lower_.replace(",", "")
    if word.isdigit():
        return int(word)
    value = WORD_NUMBERS.get(word)
    return int(value) if value is not None else None


def _told_by(place: Token, verb: Token) -> bool:
    """Whether the place hangs on ``verb`` through prepositions and nouns only: "were in
    Marhanets", "were from a single family in Dudhnial" (not "and one was ... killed in
    his garden in X", a clause of its own)."""
    node = place
    while node.head != node:
        node = node.head
        if node == verb:
            return True
        if node.pos_ in ("VERB", "AUX"):
            return False
    return False


def share_host(
    events: Sequence[Event], share: PlacedShare, reach: int, of_the_news: NewsTest = None
) -> int | None:
    """The event of a casualty type told last before the share at its place, within
    ``reach`` events, and of the report's news (``of_the_news``; not a background event
    at that town); None when there is none or it already has that count."""
    before = [i for i, e in enumerate(events) if e.evidence and e.evidence[0].start <= share.at]
    for index in reversed(before[-reach:]):
        event = events[index]
        if event.place == share.place and event.type in CASUALTY_TYPES:
            if of_the_news is not None and not of_the_news(event):
                continue  # "the earthquake of December 2, 2023" at that town
            known = event.killed if share.quantity == "killed" else event.injured
            return index if known is None else None
    return None


NewsTest = Callable[[Event], bool] | None


def news_test(published: Published) -> Callable[[Event], bool]:
    """Whether an event is of the report's news: undated by its own words, or ending no
    more than ``BACKGROUND_AFTER_DAYS`` before the report's day (else before the first day
    of its publication window, which the news cannot precede by more)."""
    today = report_day(published)
    if today is None and published.window is not None:
        today = _day(published.window[0])
    if today is None:
        return lambda event: True
    oldest = today - timedelta(days=BACKGROUND_AFTER_DAYS)

    def of_the_news(event: Event) -> bool:
        last = last_day(event.date) if event.date else None
        return last is None or last >= oldest

    return of_the_news


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


@dataclasses.dataclass(frozen=True, slots=True)
class Lists:
    """The events told by one sentence at several places: each member's group, each
    group's members, and the member a total told with no share goes to (None: none)."""

    group: dict[int, int]
    members: dict[int, list[int]]
    lead: dict[int, int | None]


def lists_of(events: Sequence[Event], places: Sequence[Place]) -> Lists:
    """The lists among ``events``: a telling shared by events of one type at different
    places, however each merged since. A list's lead is the member at the place the
    report names most (in the dev sets, the place it names first and is about: Jablanica,
    Tal Tamr, Caracas, Tajoura); with no such place, none (``events_tolls.assign_tolls``
    then gives a count of the dead or hurt to the first member of the list)."""
    tellings: dict[tuple[str, Span], list[int]] = {}
    for index, event in enumerate(events):
        for span in event.evidence:
            tellings.setdefault((event.type, span), []).append(index)
    named = {p.id: len(p.mentions) for p in places}
    group: dict[int, int] = {}
    for told in tellings.values():
        if len({events[i].place for i in told}) > 1:
            gid = min(group.get(i, i) for i in told)
            group.update((i, gid) for i in told if i not in group)
    members: dict[int, list[int]] = {}
    for index, gid in sorted(group.items()):
        members.setdefault(gid, []).append(index)
    lead = {gid: _named_most(events, found, named) for gid, found in members.items()}
    return Lists(group, members, lead)


def _named_most(events: Sequence[Event], members: list[int], named: dict[str, int]) -> int | None:
    counts = sorted(((named.get(events[i].place or "", 0), i) for i in members), reverse=True)
    if len(counts) > 1 and counts[0][0] == counts[1][0]:
        return None
    return counts[0][1]
