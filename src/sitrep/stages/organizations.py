"""Organisations: named ones (AFP, NATO, the UN), described ones ("the official
Ukrainian news agency") and collective actors ("Russian troops", "Kyiv's forces",
"local authorities"), each with all its mentions and a kind.

Collective actors get a plain name ("Russian forces", "local authorities"); a later
stage maps them onto the sides of a conflict.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from sitrep.records import Organization, Span
from sitrep.stages.people_lexicon import (
    AUTHORITY_MODIFIERS,
    FORCE_NOUNS,
    KNOWN_ORGS,
    ORG_HEADS,
)
from sitrep.stages.people_names import NameCandidate

# Heads of a description that names an organisation when it has a modifier
# ("the official Ukrainian news agency", "the regional military administration").
_DESCRIBED_HEADS: dict[str, str] = {
    "agency": "government",
    "ministry": "government",
    "administration": "government",
    "government": "government",
    "police": "government",
    "army": "military",
    "military": "military",
}
_MEDIA_WORDS = frozenset({"news", "press", "media", "broadcaster", "television", "radio"})
_KNOWN_ORG_PATTERN = re.compile(
    r"\b("
    + "|".join(sorted((re.escape(n) for n in KNOWN_ORGS if " " in n), key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_CONNECTIVES = frozenset({"of", "the", "for", "and", "without", "sans", "de", "du"})


@dataclass(eq=False)
class OrgDraft:
    name: str
    kind: str | None
    mentions: list[Span] = field(default_factory=list)


def find_organizations(
    doc: Doc, text: str, named: Sequence[NameCandidate], taken: Sequence[Span]
) -> list[OrgDraft]:
    """All organisations of a report; ``taken`` spans (people, places) are never orgs."""
    drafts: list[OrgDraft] = []
    mentions = _known_multiword(text) + [(c.name, None) for c in named]
    mentions += _collective_actors(doc, text) + _described(doc, text)
    inside_taken = _containment_test(taken)
    accepted: list[tuple[Span, str | None]] = []
    for span, canonical in sorted(mentions, key=lambda m: (m[0].start, -m[0].end)):
        # Sorted by start and kept disjoint, so only the last one kept can overlap.
        if accepted and span.start < accepted[-1][0].end:
            continue
        if canonical is None and inside_taken(span):
            continue
        accepted.append((span, canonical))
    for span, canonical in accepted:
        _add(drafts, span, canonical)
    return drafts


def _containment_test(containers: Sequence[Span]) -> Callable[[Span], bool]:
    """A test of "lies inside one of ``containers``" in log time: among the containers
    starting at or before a span, the one reaching furthest decides."""
    ordered = sorted(containers, key=lambda c: c.start)
    starts = [c.start for c in ordered]
    furthest = list(itertools.accumulate((c.end for c in ordered), max))

    def inside(span: Span) -> bool:
        i = bisect.bisect_right(starts, span.start) - 1
        return i >= 0 and furthest[i] >= span.end

    return inside


def known_org_spans(text: str) -> list[Span]:
    """Where the text names an organisation the stage knows by a name of several words."""
    return [span for span, _ in _known_multiword(text)]


def _known_multiword(text: str) -> list[tuple[Span, str | None]]:
    """Known names spaCy splits or mislabels ("Doctors Without Borders")."""
    found: list[tuple[Span, str | None]] = []
    for match in _KNOWN_ORG_PATTERN.finditer(text):
        words = match.group(1).split()
        if all(w[0].isupper() or w.lower() in _CONNECTIVES for w in words):
            found.append((Span.of(text, match.start(1), match.end(1)), None))
    return found


def _nationality(token_text: str, ent_type: str) -> bool:
    return token_text[:1].isupper() and ent_type in ("NORP", "GPE")


def _collective_actors(doc: Doc, text: str) -> list[tuple[Span, str | None]]:
    """ "Russian troops" -> Russian forces; "Kyiv's forces"; "local authorities"."""
    found: list[tuple[Span, str | None]] = []
    for token in doc:
        lower = token.lower_
        if lower in FORCE_NOUNS and token.i > 0:
            previous = doc[token.i - 1]
            if _nationality(previous.text, previous.ent_type_):
                span = Span.of(text, previous.idx, token.idx + len(token.text))
                found.append((span, f"{previous.text} forces"))
            elif previous.tag_ == "POS" and token.i > 1 and doc[token.i - 2].text[:1].isupper():
                owner = doc[token.i - 2]
                span = Span.of(text, owner.idx, token.idx + len(token.text))
                found.append((span, f"{owner.text}'s forces"))
        elif lower in ("authorities", "officials"):
            found.append(_authorities(doc, text, token.i))
    return found


def _authorities(doc: Doc, text: str, i: int) -> tuple[Span, str | None]:
    token = doc[i]
    end = token.idx + len(token.text)
    if i > 0:
        previous = doc[i - 1]
        modifier = previous.lower_ in AUTHORITY_MODIFIERS
        if modifier or _nationality(previous.text, previous.ent_type_):
            return Span.of(text, previous.idx, end), f"{previous.text} {token.lower_}"
    return Span.of(text, token.idx, end), token.lower_


def _described(doc: Doc, text: str) -> list[tuple[Span, str | None]]:
    """Definite noun phrases headed by an organisation noun with a modifier.

    Walks the heads rather than ``doc.noun_chunks``: spaCy's English chunker follows each
    conjunct back along its chain, quadratic in a sentence of thousands of "and"s."""
    found: list[tuple[Span, str | None]] = []
    for head in doc:
        if head.lower_ not in _DESCRIBED_HEADS or head.tag_ == "NNS":
            continue
        if head.pos_ not in ("NOUN", "PROPN") or head.dep_ not in _NOUN_PHRASE_DEPS:
            continue
        first = head.left_edge
        if first.lower_ != "the" or head.i - first.i + 1 < 3:
            continue
        span = Span.of(text, doc[first.i + 1].idx, head.idx + len(head.text))
        found.append((span, span.text))
    return found


# The dependencies spaCy's English noun chunker accepts for a phrase's head.
_NOUN_PHRASE_DEPS = frozenset(
    ("nsubj", "dobj", "nsubjpass", "pcomp", "pobj", "dative", "appos", "attr", "ROOT", "conj")
)


def _kind(name: str) -> str | None:
    lower = name.lower()
    if lower in KNOWN_ORGS:
        return KNOWN_ORGS[lower]
    words = re.findall(r"[\w]+", lower)
    if "agency" in words and _MEDIA_WORDS & set(words):
        return "media"
    if words and words[-1] in ("authorities", "officials"):
        return "government"
    if (words and words[-1] in FORCE_NOUNS) or lower.endswith("forces"):
        return "military"
    kind = None
    for word in words:
        if word in ORG_HEADS:
            kind = ORG_HEADS[word]
    return kind


def _key(name: str) -> str:
    return re.sub(r"^the\s+", "", name.lower()).replace("’", "'")


def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _add(drafts: list[OrgDraft], span: Span, canonical: str | None) -> None:
    """Add a mention to the organisation it names, by name or acronym."""
    name = canonical or span.text
    key = _key(name)
    for draft in drafts:
        other = draft.name
        if _key(other) == key or (
            (name.isupper() and _acronym(other) == name)
            or (other.isupper() and _acronym(name) == other)
        ):
            draft.mentions.append(span)
            if len(name) > len(other) and not name.isupper() and canonical is None:
                draft.name = name
            return
    drafts.append(OrgDraft(name=name, kind=_kind(name), mentions=[span]))


def freeze(drafts: Sequence[OrgDraft]) -> list[Organization]:
    """Records with ids "O1", "O2", … in order of first mention."""
    ordered = sorted(drafts, key=lambda d: min(m.start for m in d.mentions))
    return [
        Organization(
            id=f"O{i}",
            name=d.name,
            mentions=tuple(sorted(d.mentions, key=lambda m: m.start)),
            kind=d.kind or _kind(d.name),
        )
        for i, d in enumerate(ordered, start=1)
    ]
