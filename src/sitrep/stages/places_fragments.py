"""Fragments and junk among places the gazetteer cannot resolve (round 8).

A name the gazetteer does not know may still be a place ("Kuriga", "Habila"); the places
stage then records it without coordinates. Such a record is only worth keeping when the
text says it is a place. What this module recognises is what is not one:

- a piece of a longer capitalised name: "Pont" of "Pont-Sondé", "Domingo" of "Santo
  Domingo", "Sur" of "Camarines Sur" (the whole name is tried in the gazetteer first);
- a people's name: "Kyrgyz" of "Kyrgyz-Tajik border fighting";
- a lone word the text gives no place cue: "Floods" opening a sentence, "Trami" (a
  storm's name), "M23 rebels" (a name qualifying a noun that is no place), "Camp".
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep.gazetteer import Gazetteer
from sitrep.stages import places_cues as cues


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Nouns for kinds of place or landform: alone and unresolved ("Camp 11", "the Valley"),
# the capitalised noun is part of a name the text did not give whole, not a place.
GENERIC_PLACE_NOUNS = cues.PLACE_NOUNS | _words(
    """
    bay border coast delta desert forest gulf hill hills island islands lake mountain
    mountains neighborhood neighbourhood plain plains river sea township valley
    """
)
# Nouns after a name that still leave it a place ("in Kanyama township", "Kuriga
# residents"): kinds of place and the parts of places.
PLACE_HEAD_NOUNS = (
    GENERIC_PLACE_NOUNS
    | cues.PLACE_PARTS
    | cues.REGION_WORDS
    | cues.REGION_PLURALS
    | _words("neighborhoods neighbourhoods townships villages towns camps areas")
)
# "an attack on Mubambiro", "the assault on Kidal": the target of an attack is a place.
ATTACK_NOUNS = _words(
    """
    advance advances ambush assault assaults attack attacks bombardment offensive push
    raid raids shelling strike strikes
    """
)
# Capitalised words after a name that say what kind of place it is ("Guma Local
# Government Area", "Jajarkot District"): the name before them is whole, not a piece.
KIND_WORDS = cues.REGION_WORDS | _words(
    """
    county district division government lga local municipality state township
    """
)
# Endings that turn a people's name into its country ("Kyrgyz" -> "Kyrgyzstan").
_COUNTRY_ENDINGS = ("stan", "istan")


def _name_word(tok: Token) -> bool:
    """A word that can belong to a capitalised name: not a function word ("In", "The")."""
    bare = tok.text.replace("-", "").replace("'", "")
    return tok.text[:1].isupper() and not tok.is_stop and bare.isalpha()


def _joined_by_hyphen(left: Token, hyphen: Token) -> bool:
    """ "Pont-Sondé": a hyphen with no space on either side."""
    return hyphen.text in cues.HYPHENS and not left.whitespace_ and not hyphen.whitespace_


def capitalised_run(span: SpacySpan) -> SpacySpan:
    """The run of capitalised words around ``span`` within its sentence, joined side by
    side or by hyphens: "Santo Domingo" around "Domingo", "Pont-Sondé" around "Pont".
    It ends before a word for a kind of place ("Guma" of "Guma Local Government Area")."""
    doc = span.doc
    start, end = span.start, span.end
    while start > 0 and not doc[start].is_sent_start:
        if _name_word(doc[start - 1]):
            start -= 1
        elif (
            start > 1
            and not doc[start - 1].is_sent_start
            and _joined_by_hyphen(doc[start - 2], doc[start - 1])
            and _name_word(doc[start - 2])
        ):
            start -= 2
        else:
            break
    while end < len(doc) and not doc[end].is_sent_start and doc[end].lower_ not in KIND_WORDS:
        if _name_word(doc[end]):
            end += 1
        elif (
            end + 1 < len(doc)
            and not doc[end + 1].is_sent_start
            and _joined_by_hyphen(doc[end - 1], doc[end])
            and _name_word(doc[end + 1])
        ):
            end += 2
        else:
            break
    return span if (start, end) == (span.start, span.end) else doc[start:end]


def is_part_of_longer_name(span: SpacySpan) -> bool:
    return len(capitalised_run(span)) > len(span)


def whole_known_name(span: SpacySpan, gazetteer: Gazetteer) -> SpacySpan | None:
    """The longer capitalised name ``span`` is part of, if the gazetteer knows it whole
    ("Santo Domingo" for a "Domingo" the model tagged alone)."""
    run = capitalised_run(span)
    if len(run) == len(span) or not gazetteer.lookup(run.text):
        return None
    return run


def _place_noun_cue(span: SpacySpan) -> bool:
    """ "the town of X", "the village X", "X district": a noun that says what kind of
    place the name is (a preposition alone, "from X", says less)."""
    before = cues.lower_at(span, span.start - 1)
    if before == "of" and cues.lower_at(span, span.start - 2) in cues.PLACE_NOUNS:
        return True
    if before in cues.PLACE_NOUNS and span.start > 0 and span.doc[span.start - 1].is_lower:
        return True
    return cues.followed_by_place_word(span)


def unknown_hyphenated_place(span: SpacySpan, gazetteer: Gazetteer) -> bool:
    """ "the town of Pont-Sondé", "the Pétion-Ville district": a hyphenated name the
    gazetteer does not know, which the text calls a place: recorded whole, unresolved."""
    hyphenated = any(t.text in cues.HYPHENS for t in span[1:-1])
    return hyphenated and not gazetteer.lookup(span.text) and _place_noun_cue(span)


def names_a_people(name: str, gazetteer: Gazetteer) -> bool:
    """ "Kyrgyz", "Tajik", "Uzbek": a people's name, whether or not the gazetteer lists
    it as a demonym, when adding "-stan" names a country."""
    if gazetteer.is_demonym(name):
        return True
    return any(
        c.kind == "country" for ending in _COUNTRY_ENDINGS for c in gazetteer.lookup(name + ending)
    )


def names_peoples(span: SpacySpan, gazetteer: Gazetteer) -> bool:
    """ "Kyrgyz", "Kyrgyz-Tajik": a people's name, or peoples' names joined by hyphens."""
    pieces = [t.text for t in span if t.text not in cues.HYPHENS]
    return bool(pieces) and all(names_a_people(piece, gazetteer) for piece in pieces)


def modifies_other_noun(span: SpacySpan) -> bool:
    """ "M23 rebels", "Wagner convoys": the name qualifies a following noun that is no
    kind of place, so a preposition before it locates the noun, not the name."""
    if span.end >= len(span.doc):
        return False
    after = span.doc[span.end]
    return after.tag_ in {"NN", "NNS"} and after.lower_ not in PLACE_HEAD_NOUNS


def target_of_attack(span: SpacySpan) -> bool:
    """ "an attack on Mubambiro", "the offensive against Kidal"."""
    before = cues.lower_at(span, span.start - 1)
    return before in {"on", "against"} and cues.lower_at(span, span.start - 2) in ATTACK_NOUNS
