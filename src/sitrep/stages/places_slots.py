"""Names the gazetteer does not know, in a slot only a place fills.

The small model tags many small towns of crisis reports as PERSON or ORG ("the village
of Tadjalalt", "the towns of Ancuabe and Metuge", "near Katari"), and the gazetteer
(cities500) lacks them, so neither source proposes them. The text itself says what
they are: a settlement noun before ("the village of X") or after ("the X neighbourhood",
"X, a tourist village") the name, or "near X". Such a name is recorded unresolved, with
the kind of place the text gives it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span as SpacySpan

from sitrep.gazetteer import Gazetteer
from sitrep.records import PlaceKind
from sitrep.stages import places_cues as cues

# The nouns that say what kind of place a name is, singular and plural, and the kind the
# report format gives it. A neighbourhood or district has no kind of its own there.
SLOT_NOUNS: dict[str, PlaceKind] = {
    "village": "village",
    "villages": "village",
    "hamlet": "village",
    "hamlets": "village",
    "town": "town",
    "towns": "town",
    "city": "city",
    "cities": "city",
    "neighbourhood": "other",
    "neighbourhoods": "other",
    "neighborhood": "other",
    "neighborhoods": "other",
    "district": "region",
    "districts": "region",
    "province": "region",
    "provinces": "region",
    # Other countries' units (round 21): "in Hodeidah governorate", "Derai upazila",
    # "Hpasawng township", "Kalehe territory", "Wenxian county", "Mimika regency".
    "governorate": "region",
    "governorates": "region",
    "upazila": "region",
    "upazilas": "region",
    "township": "region",
    "townships": "region",
    "territory": "region",
    "county": "region",
    "regency": "region",
    "prefecture": "region",
    "locality": "region",
    "valley": "region",
    "camp": "other",
    "camps": "other",
}
# A name opened by a lower-case Arabic article and a hyphen ("al-Hol camp").
_ARTICLE_OPENED = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an)-[A-Z]")
# Slot nouns that take an unknown name only after a locative preposition: "at Khanke
# camp", "from the al-Hol camp"; not "the Biden camp said" (a political camp).
LOCATED_SLOT_NOUNS = frozenset({"camp", "camps"})
# Prepositions after which an unknown name is taken as a place ("near Katari"): "in",
# "from" or "to" also take organisations and people ("in Hamas", "to Smith").
NEAR_WORDS = frozenset({"near"})
# Words inside a tagged entity that join two names ("Ancuabe and Metuge" tagged as one).
JOINERS = frozenset({"and", "or", ","})
# How many words an apposition's head may stand after ", a" ("a small fishing village").
APPOSITION_REACH = 4
# How many tokens back a coordination of names may begin ("the towns of A, B and C").
COORDINATION_REACH = 10
# Verbs whose object (or passive subject) is a place, never a person: "stormed X",
# "X was shelled". "attack", "capture", "seize" take people too.
PLACE_ATTACK_VERBS = frozenset({"storm", "overrun", "shell", "bombard", "besiege", "raze"})
# "X came under attack / shelling" ("under fire" is what critics put people under).
UNDER_ATTACK_NOUNS = frozenset({"attack", "shelling", "bombardment", "siege", "assault"})


def stated_kind(span: SpacySpan) -> PlaceKind | None:
    """The kind of place the text calls ``span``, or None where it says nothing:
    "the village of X", "the towns of X and Y", "X village", "the X neighbourhood",
    "X, a tourist village", "near X" (a place of no stated kind)."""
    kind = kind_before(span)
    if kind is not None:
        return kind
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.is_lower and after.lower_ in SLOT_NOUNS:
        follower = span.doc[after.i + 1] if after.i + 1 < len(span.doc) else None
        # "the Svartsengi village school": the noun is a modifier, not the name's kind.
        modifier = follower is not None and follower.tag_ in {"NN", "NNS"}
        if not modifier and (after.lower_ not in LOCATED_SLOT_NOUNS or _located(span)):
            return SLOT_NOUNS[after.lower_]
    return _apposed_kind(span)


def _located(span: SpacySpan) -> bool:
    """A locative preposition right before the name or its article ("at X", "from the X")."""
    i = span.start - 1
    if cues.lower_at(span, i) == "the":
        i -= 1
    return cues.lower_at(span, i) in cues.LOCATIVE_PREPOSITIONS


def kind_before(span: SpacySpan) -> PlaceKind | None:
    """ "the village of X", "the towns of Y and X", "near X": the kind a slot before the
    name gives it, past the other names of a coordination."""
    i = _coordination_start(span)
    before = cues.lower_at(span, i - 1)
    if before == "of" and cues.lower_at(span, i - 2) in SLOT_NOUNS:
        return SLOT_NOUNS[cues.lower_at(span, i - 2)]
    if before in NEAR_WORDS:
        return "other"
    if before == "including" or (before == "as" and cues.lower_at(span, i - 2) == "such"):
        return _included_in_place_plural(span, i - 1)
    return _attacked_kind(span)


def _included_in_place_plural(span: SpacySpan, including: int) -> PlaceKind | None:
    """ "a string of towns in Middle Shabelle ..., including Adan Yabaal and Moqokori":
    the names a sentence includes among places, when the nearest plural noun before
    "including" / "such as" in the sentence is a plural kind of place."""
    doc = span.doc
    j = including - 1
    while j >= 0 and cues.same_sentence(doc, j, including):
        tok = doc[j]
        if tok.tag_ == "NNS":
            return SLOT_NOUNS.get(tok.lower_) if tok.lower_.endswith("s") else None
        j -= 1
    return None


def _attacked_kind(span: SpacySpan) -> PlaceKind | None:
    """ "The attackers stormed X", "X and Y came under attack", "X was shelled": a name
    (or the first of a coordination) that the sentence attacks the way only a place is
    attacked. Verbs that also take people ("attacked", "captured") say nothing."""
    root = span.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    head = root.head
    if root.dep_ == "dobj" and head.lemma_ in PLACE_ATTACK_VERBS:
        return "other"
    if root.dep_ == "nsubjpass" and head.lemma_ in PLACE_ATTACK_VERBS:
        return "other"
    if root.dep_ == "nsubj" and head.lemma_ == "come":
        under = [c for c in head.children if c.lower_ == "under"]
        objects = [g for u in under for g in u.children if g.dep_ == "pobj"]
        if any(g.lemma_ in UNDER_ATTACK_NOUNS for g in objects):
            return "other"
    return None


def _coordination_start(span: SpacySpan) -> int:
    """Where the coordination of names that ``span`` closes begins ("Chiure and Mecufi",
    "Ak-Tatyr, Dostuk or X"); ``span.start`` when it closes none."""
    doc = span.doc
    start = span.start
    j = start - 1
    while j >= 0 and start - j <= COORDINATION_REACH:
        word = doc[j].text
        if word[:1].isupper() or word in cues.HYPHENS:
            start = j if doc[j].text[:1].isupper() else start
        elif word.lower() not in JOINERS:
            break
        j -= 1
    return start if start == span.start or doc[start].text[:1].isupper() else span.start


def _apposed_kind(span: SpacySpan) -> PlaceKind | None:
    """ "X, a tourist village on the road": the head noun of an apposition right after
    the name, past its modifiers ("tourist" is a compound here, not the head)."""
    doc = span.doc
    i = span.end
    if cues.lower_at(span, i) != "," or cues.lower_at(span, i + 1) not in {"a", "an", "the"}:
        return None
    for j in range(i + 2, min(i + 2 + APPOSITION_REACH, len(doc))):
        tok = doc[j]
        if tok.lower_ in SLOT_NOUNS:
            return SLOT_NOUNS[tok.lower_]
        if tok.pos_ not in {"ADJ", "NOUN", "PROPN", "ADV", "NUM", "PUNCT"} or (
            tok.pos_ == "NOUN" and tok.dep_ != "compound"
        ):
            return None
    return None


def unknown_names_in_slot(
    span: SpacySpan, gazetteer: Gazetteer
) -> Iterator[tuple[SpacySpan, PlaceKind]]:
    """The names inside an entity (or a run of capitalised words) that the gazetteer
    does not know and the text calls a place, with the kind it gives them. An entity
    "Ancuabe and Metuge" yields both names; a name the gazetteer knows yields nothing
    here (the other sources weigh it)."""
    if not _name_like(span.text) or gazetteer.lookup(span.text):
        return
    kind = stated_kind(span)
    if kind is None:
        return
    for name in _coordinated_names(span):
        if _name_like(name.text) and not gazetteer.lookup(name.text):
            yield name, kind


def _name_like(text: str) -> bool:
    """Capitalised, or opened by a lower-case Arabic article ("al-Hol", "el-Geneina")."""
    return text[:1].isupper() or bool(_ARTICLE_OPENED.match(text))


def _coordinated_names(span: SpacySpan) -> Iterator[SpacySpan]:
    start = span.start
    for tok in span:
        if tok.lower_ in JOINERS:
            if tok.i > start:
                yield span.doc[start : tok.i]
            start = tok.i + 1
    if span.end > start:
        yield span.doc[start : span.end]
