"""Breakdowns by place (round 17): one event at each place a figure is given for.

Reports give a toll or a movement place by place: "An estimated 24,500 people have been
displaced: some 18,400 in A territory and 6,100 in B territory", "nine people have died,
six in A and three in B", "8,400 people had been displaced in A and about 3,100 in B".
The writers code one event per place of such a breakdown, of the kind the figures are
about (a disaster's dead, a displacement, a return), with that place's own count, and no
event for the total (docs/EVENT_TYPES.md, "Conventions added in round 17").

What makes a breakdown here is syntax, not words: two or more figures of one quantity in
one sentence, each owning a different place. A figure owns a place that hangs below its
own phrase ("6,100 in B territory": the gapped conjunct keeps its own "in" phrase), or,
when none does, the place its verb takes where the figure is that verb's subject or object
("8,400 people had been displaced in A", "A recorded 9 deaths", "4,000 people fled A").
A figure with no place of its own, or one that sums the others, is the total: no event.

The pass runs on the report's events after the tolls are assigned; it adds an event only
at a place where the report has no event of that family, and gives a count to an event
already there that lacks one. Linear in the report: one walk up the parse per place
mention of a sentence that holds two figures of one quantity or more.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep.records import Event, Figure, Place, Span
from sitrep.stages.events_clause import NOT_PLACE_ENTITIES, is_name, listed_place
from sitrep.stages.events_context import context_of, mentions_in_sentence
from sitrep.stages.events_document import CASUALTY_TYPES, is_vague, months_agree
from sitrep.stages.events_shares import in_care
from sitrep.stages.state import DocState
from sitrep.stages.times_rules import precision

# The quantities a breakdown is read for, and the event family each makes. A count of the
# dead, hurt or sick makes an event of the kind the report tells them of (``None``).
_MOVES = {"displaced": "displacement", "evacuated": "evacuation", "returned": "return"}
_HARMS = frozenset({"killed", "injured"})
_FAMILY = {"evacuation": "displacement", "flight": "displacement"}
# Prepositions that place what a figure counts: "in A", "at A", "across A", "from A".
_LOCATING = frozenset({"in", "at", "across", "from", "for", "to", "into", "near", "around"})
# How a figure's phrase is tied to its verb, where the verb's place is the figure's own.
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "npadvmod"})
# A place that is the verb's own argument: "4,000 people fled A", "A recorded 9 deaths".
_PLACE_ARGUMENTS = frozenset({"dobj", "nsubj", "nsubjpass"})
_CONFIDENCE = 0.6
# Words that name the kind of an administrative unit after its name ("A district").
_UNIT_WORDS = frozenset(
    {"district", "province", "territory", "region", "county", "department", "governorate",
     "state", "municipality", "prefecture", "township", "upazila", "canton", "division"}
)  # fmt: skip


@dataclasses.dataclass(frozen=True, slots=True)
class _Share:
    """One place's figure in a breakdown: ``count`` of ``quantity`` at ``place``, told
    at ``at`` (the figure's start) in ``sentence``."""

    quantity: str
    count: int
    place: Place
    time: str | None
    sentence: SpacySpan
    at: int


def add_breakdown_events(events: Sequence[Event], state: DocState) -> list[Event]:
    """``events`` with an event at each place of a breakdown the report has none at, and
    the breakdown's counts given to the events there that lack them."""
    result = list(events)
    for share in [*breakdown_shares(state), *line_shares(state)]:
        kind = _kind_of(share, result)
        if kind is None:
            continue
        there = _event_there(result, kind, share.place, state.places, _date_of(share, kind, result))
        if there is not None:
            result[there] = _with_count(result[there], share)
            continue
        result.append(_new_event(state, share, kind, result))
    return result


def breakdown_shares(state: DocState) -> list[_Share]:
    """Every figure of a breakdown by place, with the place it is given for."""
    shares: list[_Share] = []
    for sentence, figures in _figures_by_sentence(state).items():
        owned = _places_owned(state, sentence, figures)
        for quantity in sorted({f.quantity for f in figures if f.quantity is not None}):
            group = [(f, o) for f, o in zip(figures, owned, strict=True)
                     if f.quantity == quantity and o is not None]  # fmt: skip
            shares.extend(_shares_of_group(state, quantity, group, sentence))
    return shares


def _figures_by_sentence(state: DocState) -> dict[SpacySpan, list[Figure]]:
    """The figures of the quantities read here, by sentence; only sentences that hold two
    of one quantity or more can tell a breakdown."""
    found: dict[SpacySpan, list[Figure]] = {}
    for figure in state.figures:
        if figure.quantity not in _MOVES and figure.quantity not in _HARMS:
            continue
        if figure.value is None or figure.value < 1 or is_vague(figure):
            continue  # "thousands fled A": no place's own count
        span = state.doc.char_span(figure.span.start, figure.span.end, alignment_mode="expand")
        if span is not None:
            found.setdefault(span.sent, []).append(figure)
    return {
        sentence: figures for sentence, figures in found.items()
        if any(sum(g.quantity == f.quantity for g in figures) >= 2 for f in figures)
    }  # fmt: skip


def _places_owned(
    state: DocState, sentence: SpacySpan, figures: list[Figure]
) -> list[tuple[Place | None, Token] | None]:
    """For each figure, the place it is given for and the place's token: a place the
    place stage kept, or (place ``None``) a capitalised name after a locating word that
    it did not keep here ("and about 2,300 in Wadi Fira"), made a place only once the
    breakdown is confirmed."""
    heads = [_phrase_head(state, f) for f in figures]
    owner_of = {h.i: n for n, h in enumerate(heads) if h is not None and not _partitive(h)}
    owned: list[tuple[Place | None, Token] | None] = [None] * len(figures)
    known = mentions_in_sentence(state, sentence)
    named = {t.i for t, _ in known} | {c.i for t, _ in known for c in t.subtree}
    candidates: list[tuple[Token, Place | None]] = [(t, p) for t, p in known]
    candidates += [
        (t, None) for t in sentence
        if t.dep_ == "pobj" and t.i not in named and t.head.lower_ in _LOCATING
        and _unkept_name(t, state)
    ]  # fmt: skip
    for token, place in sorted(candidates, key=lambda c: c[0].i):
        if place is not None and place.metonymy:
            continue
        n = _owner(token, owner_of)
        if n is not None and owned[n] is None:
            owned[n] = (place, token)
    # "Kelantan accounts for 61,200 of them and Terengganu for 27,800, with smaller numbers
    # in Kedah (2,100)": a count hung on its place, or the object of the place's "account
    # for" (session 18).
    at = {t.i: (t, p) for t, p in candidates if p is None or not p.metonymy}
    for n, head in enumerate(heads):
        if owned[n] is None and head is not None:
            holder = _place_holding(head)
            if holder is not None and holder.i in at:
                token, place = at[holder.i]
                owned[n] = (place, token)
    return owned


def _place_holding(head: Token) -> Token | None:
    """The word a count hangs on as its place: "Kedah (2,100)" (an apposition),
    "Terengganu for 27,800", "Kelantan accounts for 61,200"."""
    if head.dep_ == "appos":
        return head.head
    if head.dep_ == "pobj" and head.head.lower_ == "for":
        holder = head.head.head
        if holder.lemma_.lower() == "account":
            return _accounting_place(holder, head)
        return holder if holder.pos_ == "PROPN" else None
    return None


def _accounting_place(verb: Token, count: Token) -> Token | None:
    """ "Harlow accounts for 61,200 of them and Kestrel for 27,800": the k-th count of the
    verb's "for" phrases is the k-th place, the subject first, then the names the parser
    joined to the first count."""
    counts = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "for"
              for o in p.children if o.dep_ == "pobj"]  # fmt: skip
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not counts or count not in counts:
        return None
    places = [subject, *(c for c in counts[0].conjuncts if c.pos_ == "PROPN")]
    k = counts.index(count)
    return places[k] if k < len(places) else None


def _partitive(head: Token) -> bool:
    """ "2,300 of them", "six of the displaced": a part of a figure told before, no
    place's own share."""
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" for g in c.children)
        for c in head.children
    )


def _unkept_name(token: Token, state: DocState) -> bool:
    """A capitalised name ("Wadi Fira"), or a unit named by one ("Mahagi territory")."""
    if is_name(token, state):
        return True
    # The unit's word says it is a place, whatever the model calls the name.
    return token.lower_ in _UNIT_WORDS and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" and c.text[:1].isupper() for c in token.children
    )


def _phrase_head(state: DocState, figure: Figure) -> Token | None:
    """The noun a figure counts ("8,400 people": people), or its number standing alone
    ("and about 3,100 in B")."""
    span = state.doc.char_span(figure.span.start, figure.span.end, alignment_mode="expand")
    if span is None:
        return None
    token = span.root
    while token.dep_ in ("nummod", "quantmod") and token.head != token:
        token = token.head
    return token


def _owner(place: Token, owner_of: dict[int, int]) -> int | None:
    """The figure a place is given for: the figure phrase it hangs below through a
    locating word ("3,100 in B"), else the one figure that is the subject or object of
    the verb it is placed by ("displaced in A", "fled A", "A recorded 9 deaths")."""
    if in_care(place):
        return None  # "taken to the hospital in A": where victims were taken, not hurt
    node = place
    while node.head != node:
        parent = node.head
        if parent.i in owner_of:
            return owner_of[parent.i] if _locates(node) else None
        if parent.pos_ in ("VERB", "AUX"):
            return _argument_of(parent, owner_of, node) if _locates(node) else None
        node = parent
    return None


def _locates(node: Token) -> bool:
    """A place reached through "in", "at", "from" ... or as the verb's own subject or
    object."""
    if node.dep_ == "prep":
        return node.lower_ in _LOCATING
    return node.dep_ in _PLACE_ARGUMENTS


def _argument_of(verb: Token, owner_of: dict[int, int], via: Token) -> int | None:
    """The one figure that is the verb's subject or object (not ``via``, the place's own
    branch); none where two are."""
    found = [
        owner_of[child.i] for child in verb.children
        if child.i in owner_of and child.dep_ in _ARGUMENTS and child != via
    ]  # fmt: skip
    return found[0] if len(found) == 1 else None


def _shares_of_group(
    state: DocState,
    quantity: str,
    group: list[tuple[Figure, tuple[Place | None, Token]]],
    sentence: SpacySpan,
) -> list[_Share]:
    """The shares of one quantity's figures in a sentence: two places or more, each with
    its own count, none of them a country (a breakdown is by the units inside one); a
    figure that sums the others is the total."""
    if len({_key(place, token) for _, (place, token) in group}) < 2:
        return []
    if any(place is not None and place.kind == "country" for _, (place, _) in group):
        return []
    values = [int(f.value or 0) for f, _ in group]
    shares = []
    for n, (figure, (place, token)) in enumerate(group):
        if len(group) > 2 and values[n] == sum(values) - values[n]:
            continue  # the total, given a place of its own
        if place is None:  # a name the place stage did not keep here
            place = listed_place(state, token)
        shares.append(_Share(quantity, values[n], place, figure.time, sentence, figure.span.start))
    return shares if len({s.place.id for s in shares}) >= 2 else []


def _key(place: Place | None, token: Token) -> str:
    return place.id if place is not None else token.text.casefold()


# ------------------------------------------------------------ line by line (round 17b)
#
# Situation updates and live pages also give a breakdown a line to a place: bullets or
# rows ("- A district: 34 deaths, 120 injured", "* B — 12 dead"), or a run of short
# paragraphs each opening with its place ("In C, 3,000 people were displaced."). The
# model parses such lines as one run-on sentence, so a line's place is read from the
# line's own form, its label or its opening locative, never from the parse across lines.

# A list item's marker: a bullet or an item number ("- ", "• ", "2. ").
_ITEM_MARK = re.compile(r"[ \t]*(?:[-–—•*▪●◦]|\d{1,2}[.)])[ \t]+")
# A row's label, the place the row is for, closed by a colon or a spaced dash or bar.
_ROW_LABEL = re.compile(r"([^\W\d_][^\d:;,.—–|\n]{0,40}?)[ \t]*(?::|[ \t][—–|-][ \t])[ \t]*")
# A line that opens with where it happened: "In C, ...", "Across D province, ...".
_OPENING = re.compile(r"(?:In|At|Across)[ \t]+([^\d,;:.\n]{1,40}?),[ \t]*")
# A sub-heading inside a list: a few words closed by a colon, no figure ("In Nampula:").
_SUBHEAD = re.compile(r"[^\W\d_][^\d\n.!?]{0,50}:")
# A list's item is short: a longer paragraph tells more than one place's count.
_SHORT_LINE = 250
# Words that label a list's summary row, not a place ("Total: 94 deaths").
_SUMMARY_WORDS = frozenset(
    {"total", "totals", "overall", "other", "others", "elsewhere", "unknown", "national",
     "nationwide", "all", "sum", "subtotal", "combined", "remaining", "rest"}
)  # fmt: skip
# The model's entity labels for a place's name.
_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


@dataclasses.dataclass(frozen=True, slots=True)
class _Item:
    """A line of a list that is for one place (``place``, named at ``name``), its
    figures of the quantities read here, at most one per quantity."""

    place: Place | None  # None: a name the place stage did not keep, made a place
    name: Token  # only once the breakdown is confirmed (``listed_place``)
    figures: dict[str, Figure]
    line: SpacySpan
    row: bool  # a labelled row ("A: 12 dead"), else a line opening with its place
    known: bool  # its place was kept by the place stage or called a place by the model


def line_shares(state: DocState) -> list[_Share]:
    """Every figure of a breakdown told a line to a place: two or more consecutive items
    of a list (only blank lines between them), each for its own place, that give a figure
    of one quantity."""
    by_line = _figures_by_line(state)
    if len(by_line) < 2:
        return []
    shares: list[_Share] = []
    for found in _runs(state, by_line):
        run = _of_places(found)
        for quantity in sorted({q for item in run for q in item.figures}):
            group = [item for item in run if quantity in item.figures]
            shares.extend(_line_group_shares(state, quantity, group))
    return shares


def _of_places(run: list[_Item]) -> list[_Item]:
    """A run's items once it is known to be a list of places: a row labelled with a name
    nobody called a place ("- Metuge: 10 deaths") is one when two rows or more of its
    list are places the report knows; in a list of fewer, only those rows count."""
    known = [item for item in run if item.known]
    return run if len(known) >= 2 else known


def _figures_by_line(state: DocState) -> dict[tuple[int, int], list[Figure]]:
    """The figures of the quantities read here, by the line they are told on."""
    lines = context_of(state).lines
    found: dict[tuple[int, int], list[Figure]] = {}
    for figure in state.figures:
        if figure.quantity not in _MOVES and figure.quantity not in _HARMS:
            continue
        if figure.value is None or figure.value < 1 or is_vague(figure):
            continue
        found.setdefault(lines.bounds(figure.span.start), []).append(figure)
    return found


def _runs(state: DocState, by_line: dict[tuple[int, int], list[Figure]]) -> Iterator[list[_Item]]:
    """The runs of two items or more of one form (a list repeats its form: a headline
    "A: 12 dead" over a lead "In B, ..." is no list) with only blank lines between them."""
    run: list[_Item] = []
    last_end = -1
    for (start, end), figures in sorted(by_line.items()):
        item = _item_of(state, start, end, figures)
        adjacent = last_end >= 0 and _only_subheads(state.text[last_end:start])
        if item is None or not adjacent or (run and run[-1].row != item.row):
            if len(run) >= 2:
                yield run
            run = []
        if item is not None:
            run.append(item)
            last_end = end
        else:
            last_end = -1
    if len(run) >= 2:
        yield run


def _only_subheads(between: str) -> bool:
    """Whether the lines between two items leave them in one list: blank lines, or a
    sub-heading that groups the rows below it ("In Nampula:")."""
    return all(not line.strip() or _SUBHEAD.fullmatch(line.strip()) for line in between.split("\n"))


def _item_of(state: DocState, start: int, end: int, figures: list[Figure]) -> _Item | None:
    """The line as an item for one place: a row with a place's label, or a line opening
    with where it happened; its figures those told after the label (in an opening line,
    in its first sentence), one per quantity."""
    if end - start > _SHORT_LINE:
        return None
    text = state.text
    mark = _ITEM_MARK.match(text, start, end)
    body = mark.end() if mark else start
    label = _ROW_LABEL.match(text, body, end) or _OPENING.match(text, body, end)
    if label is None:
        return None
    named = _place_in(state, label.start(1), label.end(1))
    if named is None:
        return None
    told_to = end
    if label.re is _OPENING:
        opening = state.doc.char_span(label.start(1), label.end(1), alignment_mode="expand")
        told_to = min(end, opening.sent.end_char) if opening is not None else end
    line = state.doc.char_span(start, end, alignment_mode="expand")
    own = [f for f in figures if label.end() <= f.span.start < told_to and not _is_part(state, f)]
    kept = _one_per_quantity(own)
    if not kept or line is None:
        return None
    return _Item(named[0], named[1], kept, line, label.re is _ROW_LABEL, named[2])


def _one_per_quantity(figures: list[Figure]) -> dict[str, Figure]:
    """Each quantity's figure where the line gives it once: two of one quantity on an
    item's line are a breakdown within the line (the sentence reading's), or a total and
    a part."""
    by_quantity: dict[str, list[Figure]] = {}
    for figure in figures:
        if figure.quantity is not None:
            by_quantity.setdefault(figure.quantity, []).append(figure)
    return {q: found[0] for q, found in by_quantity.items() if len(found) == 1}


def _is_part(state: DocState, figure: Figure) -> bool:
    head = _phrase_head(state, figure)
    return head is not None and _partitive(head)


def _place_in(state: DocState, start: int, end: int) -> tuple[Place | None, Token, bool] | None:
    """The one place a label names, its token, and whether it is known as a place: a
    place the place stage kept there, else (place ``None``) a name the model calls a
    place or a name with its unit's word ("Mecufi district"); else, not known, any other
    proper name (a row of a list of places, see ``_of_places``)."""
    span = state.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    known = [(t, p) for t, p in mentions_in_sentence(state, span) if not p.metonymy]
    if known:
        return (known[0][1], known[0][0], True) if len({p.id for _, p in known}) == 1 else None
    root = span[-1]
    if root.lower_ in _UNIT_WORDS and _unkept_name(root, state):
        return None, root, True
    if is_name(root, state):
        return None, root, root.ent_type_ in _PLACE_ENTITIES
    if _capitalised_label(span):
        return None, root, False
    return None


def _capitalised_label(span: SpacySpan) -> bool:
    """A label written as a name, every word capitalised, that is no summary row's word:
    the model tags an unknown name opening a line as a noun ("Ancuabe: 4 deaths")."""
    words = [t for t in span if t.is_alpha]
    return (
        bool(words)
        and all(t.text[:1].isupper() for t in words)
        and not any(t.lower_ in _SUMMARY_WORDS or t.is_stop for t in words)
        and not any(t.ent_type_ in NOT_PLACE_ENTITIES for t in words)
    )


def _line_group_shares(state: DocState, quantity: str, group: list[_Item]) -> list[_Share]:
    """The shares of one quantity's figures over a run's items: each item's own place,
    two places or more, none a country; a figure that sums the others is the total."""
    if len({_key(item.place, item.name) for item in group}) != len(group) or len(group) < 2:
        return []  # a place told twice is no breakdown by place
    if any(item.place is not None and item.place.kind == "country" for item in group):
        return []
    values = [int(item.figures[quantity].value or 0) for item in group]
    shares = []
    for n, item in enumerate(group):
        if len(group) > 2 and values[n] == sum(values) - values[n]:
            continue  # the total, given a place of its own
        figure = item.figures[quantity]
        place = item.place if item.place is not None else listed_place(state, item.name)
        shares.append(_Share(quantity, values[n], place, figure.time, item.line, figure.span.start))
    return shares if len(shares) >= 2 else []


# --------------------------------------------------------------------------- events


def _kind_of(share: _Share, events: Sequence[Event]) -> str | None:
    """The kind of event a share makes: a movement's from its quantity; a harm's from the
    event the report tells it of (the one told last before it, else first after)."""
    if share.quantity in _MOVES:
        return _MOVES[share.quantity]
    about = _event_about(share.sentence, events, CASUALTY_TYPES)
    return about.type if about is not None else None


def _event_about(
    sentence: SpacySpan, events: Sequence[Event], kinds: frozenset[str]
) -> Event | None:
    """The event of ``kinds`` told in the sentence, else told last before it, else first
    after it."""
    before: tuple[int, Event] | None = None
    after: tuple[int, Event] | None = None
    for event in events:
        if event.type not in kinds:
            continue
        for span in event.evidence:
            if span.start <= sentence.end_char and (before is None or span.start > before[0]):
                before = (span.start, event)
            elif span.start > sentence.end_char and (after is None or span.start < after[0]):
                after = (span.start, event)
    chosen = before or after
    return chosen[1] if chosen is not None else None


def _family(kind: str) -> str:
    return _FAMILY.get(kind, kind)


def _event_there(
    events: Sequence[Event], kind: str, place: Place, places: Sequence[Place], date: str | None
) -> int | None:
    """The event of ``kind``'s family the report already has at ``place``, or at a place
    of the same name but for its unit's word ("A" for "A district"), at a time that may
    be ``date`` (an event there years before is another one)."""
    names = {p.id: _bare_name(p.name) for p in places}
    for n, event in enumerate(events):
        if _family(event.type) != _family(kind) or event.place is None:
            continue
        if not months_agree(event.date, date):
            continue
        if event.place == place.id or names.get(event.place) == _bare_name(place.name):
            return n
    return None


def _bare_name(name: str) -> str:
    """A place's name without the word for its kind of unit: "A district" is A."""
    words = name.casefold().split()
    while len(words) > 1 and words[-1] in _UNIT_WORDS:
        words.pop()
    return " ".join(words)


def _with_count(event: Event, share: _Share) -> Event:
    """``event`` with the share's count where it has none of that harm."""
    if share.quantity == "killed" and event.killed is None:
        return dataclasses.replace(event, killed=share.count)
    if share.quantity == "injured" and event.injured is None:
        return dataclasses.replace(event, injured=share.count)
    return event


def _date_of(share: _Share, kind: str, events: Sequence[Event]) -> str | None:
    """The date of the event at a share's place: that of the event its sentence tells of
    that family, else the share's own date, else that of the report's event it is about."""
    in_sentence = [
        e for e in events
        if _family(e.type) == _family(kind)
        and any(share.sentence.start_char <= s.start < share.sentence.end_char for s in e.evidence)
    ]  # fmt: skip
    if in_sentence:
        return in_sentence[0].date
    if share.time is not None:
        return share.time
    about = _event_about(share.sentence, events, CASUALTY_TYPES)
    return about.date if about is not None else None


def _new_event(state: DocState, share: _Share, kind: str, events: Sequence[Event]) -> Event:
    """The event at a share's place, dated by ``_date_of``."""
    date = _date_of(share, kind, events)
    first, last = context_of(state).lines.bounds(share.at)
    start = max(share.sentence.start_char, first)
    end = min(share.sentence.end_char, last)
    while end > start and state.text[end - 1].isspace():
        end -= 1
    while start < end and state.text[start].isspace():
        start += 1
    return Event(
        id=f"E{len(events) + 1}",
        type=kind,
        date=date,
        date_precision=precision(date),
        place=share.place.id,
        killed=share.count if share.quantity == "killed" else None,
        injured=share.count if share.quantity == "injured" else None,
        modality="fact",
        evidence=(Span.of(state.text, start, end),),
        confidence=_CONFIDENCE,
    )
