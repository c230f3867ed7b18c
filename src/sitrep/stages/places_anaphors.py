"""Referring back: "the town", "the city", "the village" (no name after them) become
mentions of the last literal resolved settlement named before them.

A list of settlements is no antecedent a reader would pick one member of: after "Russian
aircraft bombed the border town of Vovchansk while artillery hit Lyptsi, Zolochiv and
Stary Saltiv", "the town's plant" is Vovchansk's, the place the report itself called a
town. So where the last settlement named was one of a list, the last one named with the
anaphor's own noun ("the town of X", "X town") is taken, if there is one (session 18)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import replace

from spacy.tokens import Doc

from sitrep.records import Place, Span
from sitrep.stages.places_mention import SETTLEMENT_KINDS

# "the town", "the city": a settlement named earlier, referred back to.
ANAPHOR_NOUNS = frozenset({"town", "city", "village"})
_ANAPHOR_WORD = re.compile(r"\b(?:" + "|".join(sorted(ANAPHOR_NOUNS)) + r")\b", re.IGNORECASE)


def attach_anaphors(places: Sequence[Place], doc: Doc, text: str) -> tuple[list[Place], list[Span]]:
    """ "the town", "the city", "the village" name the last literal settlement mentioned
    before them: each such phrase becomes a mention of that place."""
    added: dict[str, list[Span]] = defaultdict(list)
    for phrase in _anaphor_phrases(doc, text, places):
        antecedent = _last_settlement_before(places, phrase.start)
        if antecedent is not None and _listed_at(places, antecedent, phrase.start, text):
            noun = phrase.text.split()[-1].lower()
            antecedent = _last_named_as(places, noun, phrase.start, text) or antecedent
        if antecedent is not None:
            added[antecedent.id].append(phrase)
    updated = [
        replace(p, mentions=tuple(sorted((*p.mentions, *added[p.id]), key=lambda s: s.start)))
        if p.id in added
        else p
        for p in places
    ]
    return updated, sorted((s for spans in added.values() for s in spans), key=lambda s: s.start)


def _anaphor_phrases(doc: Doc, text: str, places: Sequence[Place]) -> Iterator[Span]:
    taken = {i for p in places for s in p.mentions for i in range(s.start, s.end)}
    # Found in the text, then checked on the tokens: visiting every token cost more.
    for found in _ANAPHOR_WORD.finditer(text):
        noun = doc.char_span(found.start(), found.end())
        if noun is None:
            continue
        tok = noun[0]
        if tok.i == 0 or doc[tok.i - 1].lower_ != "the":
            continue
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        # "the city of Kharkiv", "the town Izyum": the name follows; not a reference back.
        if after is not None and (after.lower_ == "of" or after.pos_ == "PROPN"):
            continue
        start = doc[tok.i - 1].idx
        if start in taken:
            continue
        yield Span.of(text, start, tok.idx + len(tok.text))


def _last_settlement_before(places: Sequence[Place], offset: int) -> Place | None:
    best: tuple[int, Place] | None = None
    for p in places:
        if p.kind not in SETTLEMENT_KINDS or p.metonymy or p.gazetteer_id is None:
            continue
        starts = [s.start for s in p.mentions if s.end <= offset]
        if starts and (best is None or max(starts) > best[0]):
            best = (max(starts), p)
    return best[1] if best else None


# Between two members of a list of places: ", ", " and ", ", and ", " or ".
_LIST_JOINT = re.compile(r"^(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")


def _settlement_mentions(places: Sequence[Place], offset: int) -> list[tuple[Span, Place]]:
    return [
        (s, p)
        for p in places
        if p.kind in SETTLEMENT_KINDS and not p.metonymy and p.gazetteer_id is not None
        for s in p.mentions
        if s.end <= offset
    ]


def _listed_at(places: Sequence[Place], place: Place, offset: int, text: str) -> bool:
    """Whether ``place``'s last mention before ``offset`` is a member of a list of places."""
    mentions = _settlement_mentions(places, offset)
    last = max((s for s, p in mentions if p.id == place.id), key=lambda s: s.start)
    others = [s for s, p in mentions if p.id != place.id]
    return any(
        _LIST_JOINT.match(text[s.end : last.start]) or _LIST_JOINT.match(text[last.end : s.start])
        for s in others
        if s.end <= last.start or s.start >= last.end
    )


# How far back a town named with its noun may be the antecedent (characters).
_NAMED_AS_REACH = 2000


def _last_named_as(places: Sequence[Place], noun: str, offset: int, text: str) -> Place | None:
    """The settlement last named with ``noun`` before ``offset``: "the border town of
    Vovchansk", "Bokkos town"."""
    introduced = re.compile(rf"\b{noun}\s+of\s+$", re.IGNORECASE)
    # "Bokkos town", not "Harlow town hall"
    after = re.compile(rf"^\s+{noun}\b(?!\s+(?:hall|centre|center|council|square|house))", re.I)
    named = [
        (s.start, p)
        for s, p in _settlement_mentions(places, offset)
        if offset - s.start <= _NAMED_AS_REACH
        and (
            introduced.search(text[max(0, s.start - 20) : s.start])
            or after.match(text[s.end : s.end + 16])
        )
    ]
    return max(named, key=lambda pair: pair[0])[1] if named else None
