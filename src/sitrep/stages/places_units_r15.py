"""A common noun of place written after a name, kept in the recorded mention (round 15).

"in Nahrin district", "the Djugu territory", "Jablanica municipality": a lower-case noun
for an administrative unit after a name the gazetteer knows as a town names the unit,
an area of its own, not the town it is named after. The mention is recorded whole and
read as a region, as "the Kharkiv region" already is. A name the gazetteer does not
know as a settlement ("the Ceja district", "the Korabel district") is the district's own
name and stays as it was: the noun only says what kind of place it is.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from sitrep.records import Span
from sitrep.stages import places_cues as cues
from sitrep.stages import places_fragments as fragments
from sitrep.stages.places_mention import SETTLEMENT_KINDS, Mention
from sitrep.stages.places_words import Words


def widen_unit_mentions(mentions: Sequence[Mention], words: Words) -> None:
    """Record "X district" (X the name of a known town) whole, as a region, in place."""
    for m in mentions:
        if m.label == "NORP" or m.out.end != m.name.end_char:
            continue  # a nationality, or a mention already recorded with its word
        unit = cues.admin_unit_word_after(m.name)
        if unit is not None and _names_a_town(m):
            _take_word(m, unit, words)
            m.region_form, m.stated_kind = True, "region"
            m.candidates = tuple(c for c in m.candidates if c.kind == "region")


def _names_a_town(m: Mention) -> bool:
    """The whole capitalised name (not "Sava" of "Mayo-Sava") is a known town's."""
    run = fragments.capitalised_run(m.name)
    whole = (run.start, run.end) == (m.name.start, m.name.end)
    return whole and any(c.kind in SETTLEMENT_KINDS for c in m.candidates)


def _take_word(m: Mention, word: Token, words: Words) -> None:
    m.out = Span.of(words.text, m.out.start, word.idx + len(word.text))
