"""Coordinated lists of place names: "in Maracay, Barquisimeto, Valencia and Coro".

spaCy's small model tags list members unevenly (one GPE, the next ORG or PERSON, the
last nothing). A list of capitalised names closed by "and"/"or" in which one member is
already a place, or which follows a place cue ("in", "across", "the cities of", "towns
such as"), lends each other member the place-hood of its neighbours, provided the
gazetteer knows it and its reading fits the list (same country as a place member, or a
sizeable place). A member with its own person cue keeps it; months and weekdays never
become mentions at all (``places.NEVER_PLACES``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Protocol, TypeVar

from spacy.tokens import Span as SpacySpan

from sitrep.gazetteer import Candidate
from sitrep.stages import places_cues as cues

# Fewest names in a list: "A, B and C". Two names ("A and B") are already read by
# ``places_cues`` after a preposition; alone they are too often a firm or a couple.
MIN_MEMBERS = 3
# Plural kinds of place before "such as" ("towns such as Goma, Masisi and Rutshuru").
PLACE_PLURALS = frozenset(
    {f"{noun}s" for noun in cues.PLACE_NOUNS} | {"cities", "counties", "municipalities"}
)
# A member read only through the list must be at least a town this size when it shares
# no country with the list's places (the same floor as a weak tagged name,
# ``places.WEAK_MIN_POPULATION``).
UNRELATED_MIN_POPULATION = 10_000
SIZEABLE_KINDS = frozenset({"city", "region", "country"})
# Words between a plural kind of place and the list it introduces: "the cities of A, B and
# C", "cities including A, B and C", "towns like A, B and C".
EXAMPLE_WORDS = frozenset({"of", "including", "like"})


class ListMember(Protocol):
    """What the list reading needs of a ``places.Mention``."""

    name: SpacySpan
    candidates: tuple[Candidate, ...]
    listed: bool


M = TypeVar("M", bound=ListMember)


def mark_listed(mentions: Sequence[M], is_place: Callable[[M], bool]) -> None:
    """Set ``listed`` on each mention that a coordinated list makes a place candidate.
    ``mentions`` are sorted by start; ``is_place`` says a mention is a place on its own
    evidence (and not a person by its own cue)."""
    for chain in _chains(mentions):
        places = [is_place(m) for m in chain]
        if not any(places) and not _follows_place_cue(chain[0].name):
            continue
        countries = {
            c.country
            for m, place in zip(chain, places, strict=True)
            if place
            for c in m.candidates
            if c.country
        }
        for m, place in zip(chain, places, strict=True):
            if not place and _fits_list(m.candidates, countries):
                m.listed = True


def _chains(mentions: Sequence[M]) -> Iterator[list[M]]:
    """Runs of mentions joined by commas and closed by "and"/"or" (the closing name may
    be one the gazetteer does not know: "Goma, Rutshuru and Walikale")."""
    chain: list[M] = []
    closed = False
    for m in mentions:
        if chain and not closed and _joined(chain[-1].name, m.name):
            closed = _gap_words(chain[-1].name, m.name)[-1] in cues.COORDINATORS
            chain.append(m)
            continue
        yield from _closed(chain, closed)
        chain, closed = [m], False
    yield from _closed(chain, closed)


def _closed(chain: list[M], closed: bool) -> Iterator[list[M]]:
    if not chain:
        return
    if not closed and _closes_with_unknown_name(chain[-1].name):
        closed, size = True, len(chain) + 1
    else:
        size = len(chain)
    if closed and size >= MIN_MEMBERS:
        yield chain


def _gap_words(left: SpacySpan, right: SpacySpan) -> list[str]:
    return [t.lower_ for t in left.doc[_end(left) : right.start]]


def _end(name: SpacySpan) -> int:
    """Where a list member ends: after its "district(s)", "region" word if any."""
    after = cues.region_word_after(name)
    return after.i + 1 if after is not None else name.end


def _joined(left: SpacySpan, right: SpacySpan) -> bool:
    """ "A, B", "A and B", "A, or B": a list separator and nothing else between."""
    gap = _gap_words(left, right)
    if not gap or len(gap) > 2 or not cues.same_sentence(left.doc, left.start, right.start):
        return False
    if len(gap) == 1:
        return gap[0] == "," or gap[0] in cues.COORDINATORS
    return gap[0] == "," and gap[1] in cues.COORDINATORS


def _closes_with_unknown_name(last: SpacySpan) -> bool:
    """ "... Masisi or Walikale": the list's last name is no mention of ours."""
    doc = last.doc
    i = _end(last)
    if i < len(doc) and doc[i].text == ",":
        i += 1
    return (
        i + 1 < len(doc)
        and doc[i].lower_ in cues.COORDINATORS
        and doc[i + 1].text[:1].isupper()
        and doc[i + 1].is_alpha
    )


def _follows_place_cue(first: SpacySpan) -> bool:
    """ "in A, B and C", "the cities of A, B and C", "towns such as A, B and C", "cities
    including A, B and C"."""
    if cues.preceded_by_place_word(first):
        return True
    doc, i = first.doc, first.start
    if i >= 3 and [t.lower_ for t in doc[i - 2 : i]] == ["such", "as"]:
        return doc[i - 3].lower_ in PLACE_PLURALS
    return i >= 2 and doc[i - 1].lower_ in EXAMPLE_WORDS and doc[i - 2].lower_ in PLACE_PLURALS


def _fits_list(candidates: Sequence[Candidate], countries: set[str]) -> bool:
    """A reading that shares a country with the list's places, or a sizeable place
    (a list after a cue alone has no countries to share)."""
    return any(
        c.country in countries
        or (c.kind in SIZEABLE_KINDS and c.population >= UNRELATED_MIN_POPULATION)
        for c in candidates
    )
