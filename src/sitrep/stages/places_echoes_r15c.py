"""Every use of a name the text has shown to be a place (round 15c).

"... spilled into Mepe, Battor, Aveyime and Sogakope" makes Battor a place, but the
model tags the same word a person two paragraphs on ("deployed mobile clinics to Battor
and Sogakope") and nothing proposes it there, so that sentence names no place. One name,
one sense per report: each other whole use of an accepted name becomes a mention of it,
read in its own context (a person cue there, "Battor said", keeps it out).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span as SpacySpan

from sitrep.gazetteer import Gazetteer
from sitrep.stages import places_cues as cues
from sitrep.stages import places_fragments as fragments
from sitrep.stages.places_decide import has_person_cue
from sitrep.stages.places_mention import SETTLEMENT_KINDS, Mention, read_mention
from sitrep.stages.places_words import Words


def repeated_mentions(
    accepted: Sequence[Mention], proposed: Sequence[Mention], words: Words, gazetteer: Gazetteer
) -> list[Mention]:
    """Mentions for the other whole uses of accepted names no proposal covers."""
    doc = words.doc
    covered = {i for m in proposed for i in range(m.name.start, m.name.end)}
    covered.update(i for m in accepted for i in range(m.name.start, m.name.end))
    names = {tuple(t.text for t in m.name) for m in accepted if _whole(m) and _may_be_town(m)}
    first_words: dict[str, list[tuple[str, ...]]] = {}
    for name in names:
        first_words.setdefault(name[0], []).append(name)
    found: list[Mention] = []
    for token in doc:
        if token.i in covered or token.text not in first_words:
            continue
        for name in first_words[token.text]:
            span = doc[token.i : token.i + len(name)]
            if tuple(t.text for t in span) != name or any(
                i in covered for i in range(span.start, span.end)
            ):
                continue
            if (
                fragments.capitalised_run(span) != span
                or _modifies_next(span)
                or _in_dateline(span)
                or cues.lower_at(span, span.start - 1) in cues.DIRECTION_ADJECTIVES
            ):
                # "Battor Road", "the Bislig District Hospital", "the Ituri response plan";
                # "southern Surigao del Sur": a part of a province, no town
                continue
            m = read_mention(span, "", words, gazetteer)
            if not has_person_cue(m):
                found.append(m)
                covered.update(range(span.start, span.end))
            break
    return found


def _whole(m: Mention) -> bool:
    """An accepted mention that is a whole capitalised name, recorded as itself."""
    return m.out.end == m.name.end_char and fragments.capitalised_run(m.name) == m.name


def _modifies_next(span: SpacySpan) -> bool:
    """The name qualifies a noun after it ("Mahagi territory", "the Acre river", "the
    Ituri response plan"): that phrase is no use of the place's name alone."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return after is not None and after.tag_ in {"NN", "NNS", "NNP", "NNPS"}


def _in_dateline(span: SpacySpan) -> bool:
    """ "HINATUAN, Surigao del Sur - ...": a dateline's place or the province after it
    says where the report was filed, not where anything it tells happened."""
    if cues.is_dateline(span):
        return True
    doc = span.doc
    return (
        span.start >= 2
        and doc[span.start - 1].text == ","
        and doc[span.start - 2].text.isupper()
        and doc[span.start - 2].is_alpha
        and len(doc[span.start - 2].text) > 1
    )


def _may_be_town(m: Mention) -> bool:
    """A name the gazetteer lacks or knows as a settlement: the model tags the towns and
    villages it has not seen as people or organisations, not the provinces and countries
    ("the coastal towns of southern Surigao del Sur" stays as the model read it)."""
    return not m.candidates or any(c.kind in SETTLEMENT_KINDS for c in m.candidates)
