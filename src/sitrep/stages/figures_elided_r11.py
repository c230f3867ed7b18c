"""Counts whose noun is elided in a list (figures round 11).

English gives a count place by place without saying again what it counts: "nine people
have died, six in A and three in B", "1,150 refugees crossed back; about 480 of them were
bound for A, 390 for B", "2,000 were displaced in A, 1,500 in B". The later counts of such
a list drop the counted noun and its verb (gapping): what is left is the number, the
phrase that places it ("in B", "for B") and the comma, colon or coordinator that ties it to
the list. The elided count means what its antecedent, the count told before it in the
sentence, means: the same quantity and the same unit, at its own place.

The shape is read from the characters and tokens right around the number, never from a
list of words of any report:

* a list's joint right before it (",", ";", ":", a dash, "and", "while", "but", "with"),
  so that "a mother of three from A" (a family described) and "kills four in A" (a verb's
  object) are no elided counts;
* a locating preposition right after it ("in", "at", "for", "across", "from", "to"), so
  that a count with its own noun ("six boats") is none;
* a name after that preposition (a proper noun, not a date), the count's own place.

A small word number of that shape is kept as a figure though it has no counted noun ("and
three in B"), if the sentence tells a count of something before it; one whose antecedent
is a measure, a share or no count at all is dropped again.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from sitrep.records import Figure
from sitrep.stages.figures_index import PlaceMentions

# The joint of a list right before the count (after its approximate modifier, which the
# number's span holds): "…, six in A", "…: some 18,400 in A", "… and about 3,100 in B".
_LIST_JOINT_BEFORE = re.compile(
    r"(?:[,;:–—]|\b(?:and|while|but|with|plus))\s+(?:(?:another|a\s+further)\s+)?$", re.I
)
_JOINT_REACH = 24  # characters: longer than any joint and "a further"
# Prepositions that place what a count counts: "six in A", "390 for A", "12 from A".
_LOCATING = frozenset({"in", "at", "for", "across", "from", "to"})
# Determiners the place's name may follow: "in the A district".
_DETERMINERS = frozenset({"the"})
# Entity types of a capitalised word that is no place: "in March", "at Christmas".
_NOT_PLACES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL"})
# Quantities an elided count may take from its antecedent: counts of people, of things
# and of cases. A measure (distance, temperature, speed), a share or an untyped number
# says nothing the count after it can mean.
_COUNTABLE = frozenset(
    {"killed", "injured", "missing", "displaced", "returned", "evacuated", "population",
     "arrested", "abducted", "released", "affected", "stranded", "aid_recipients",
     "patients", "fed", "in need", "deployed", "cases", "destroyed", "damaged",
     "buildings_destroyed", "buildings_damaged", "munitions", "aid", "people",
     "without_power", "without_water", "without_gas", "without_heating"}
)  # fmt: skip
# Units that measure rather than count: a count after them is no elided count of theirs.
_MEASURES = frozenset(
    {"percent", "km", "mi", "m", "hour", "minute", "celsius", "fahrenheit", "km/h", "mph",
     "magnitude", "days", "weeks", "hours"}
)  # fmt: skip
# A figure's own typing that says nothing, even under its own verb.
_UNTYPED = frozenset({"other", "people"})


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def place_token(doc: Doc, end: int) -> Token | None:
    """The first word of the name that the locating preposition right after a number
    (ending at character ``end``) governs: "A" in "six in A", "Kirundo" in "390 for
    Kirundo province"; None where no such phrase follows."""
    last = _token_at(doc, end - 1)
    if last is None or last.i + 2 >= len(doc):
        return None
    preposition = doc[last.i + 1]
    if preposition.lower_ not in _LOCATING or preposition.sent.start != last.sent.start:
        return None
    name = doc[preposition.i + 1]
    if name.lower_ in _DETERMINERS and name.i + 1 < len(doc):
        name = doc[name.i + 1]
    capitalised = name.text[:1].isupper() and name.is_alpha
    if not (capitalised or name.pos_ == "PROPN") or name.ent_type_ in _NOT_PLACES:
        return None
    return name


def is_elided_count(doc: Doc, text: str, start: int, end: int) -> bool:
    """Whether the number at ``start:end`` has the shape of a later count of a list whose
    noun is elided: a list's joint before it, "in/for/at A" after it."""
    before = text[max(0, start - _JOINT_REACH) : start]
    return bool(_LIST_JOINT_BEFORE.search(before)) and place_token(doc, end) is not None


def _antecedent(doc: Doc, figure: Figure, earlier: Sequence[Figure]) -> Figure | None:
    """The count told last before ``figure`` in its sentence, if it counts something."""
    token = _token_at(doc, figure.span.start)
    if token is None:
        return None
    sentence_start = token.sent.start_char
    for previous in reversed(earlier):
        if previous.span.start < sentence_start:
            return None
        if previous.unit in _MEASURES or previous.quantity not in _COUNTABLE:
            return None  # "45 percent in A, 30 in B": the share says nothing of a count
        if previous.unit is not None:
            return previous
    return None


def typed_elided_counts(
    doc: Doc, places: PlaceMentions, figures: list[Figure], elided: set[int], rescued: set[int]
) -> list[Figure]:
    """``figures`` with each elided count (its start in ``elided``) given its
    antecedent's quantity and unit and the place its own phrase names; a count kept only
    for its shape (its start in ``rescued``) that has no antecedent is dropped."""
    result: list[Figure] = []
    for figure in figures:
        start = figure.span.start
        if start not in elided:
            result.append(figure)
            continue
        antecedent = _antecedent(doc, figure, result)
        if antecedent is None:
            if start not in rescued:
                result.append(figure)
            continue
        result.append(_as_told_by(doc, places, figure, antecedent))
    return result


def _as_told_by(doc: Doc, places: PlaceMentions, figure: Figure, antecedent: Figure) -> Figure:
    """The elided count with its antecedent's meaning, unless a verb of its own after it
    says what it counts ("…, and 30 in B were injured")."""
    own_place = _own_place(doc, places, figure)
    place = own_place if own_place is not None else figure.place
    if _has_own_verb(doc, figure) and figure.quantity not in _UNTYPED:
        return dataclasses.replace(figure, place=place)
    return dataclasses.replace(
        figure, quantity=antecedent.quantity, unit=antecedent.unit, place=place
    )


def _has_own_verb(doc: Doc, figure: Figure) -> bool:
    """Whether the count is the subject of a verb told after it: then it is no gapped
    conjunct, and what it counts is its verb's to say."""
    token = _token_at(doc, figure.span.end - 1)
    if token is None:
        return False
    return (
        token.dep_ in ("nsubj", "nsubjpass")
        and token.head.pos_ in ("VERB", "AUX")
        and (token.head.i > token.i)
    )


def _own_place(doc: Doc, places: PlaceMentions, figure: Figure) -> str | None:
    """The place the count's own "in/for/at" phrase names, as the place stage kept it."""
    name = place_token(doc, figure.span.end)
    if name is None:
        return None
    mention = places.first_in(name.idx, name.idx + len(name.text))
    return mention.id if mention is not None else None
