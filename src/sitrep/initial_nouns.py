"""Crisis nouns that open a line or sentence, read back as common nouns (round 23).

The small English model tags a capitalised word at the start of a paragraph as a proper
noun more often than not ("\\n\\nGunmen killed five villagers", "Wildfires swept through
Lahaina", "Floodwater entered the pumping station"), and its lemmatizer then keeps the
word as written. Every rule that reads the doer or the hazard by its lemma ("gunman",
"wildfire") misses it, and the event is lost: a probe of everyday crisis sentences found
"Gunmen killed five villagers in Mopti on Monday." gave no event as a report's last
paragraph, and one as its first.

The component below, run after the tagger and before the lemmatizer, retags such a word
as a common noun when its lower-case form is one of the crisis nouns listed here, it
opens a line or a sentence, and no name follows it ("Cyclone Idai", "Typhoon Yagi" stay
names; months never change: "March 2024").
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

COMPONENT = "sitrep_initial_nouns"


def _words(text: str) -> frozenset[str]:
    """A word list written as whitespace-separated text (keeps long lists readable)."""
    return frozenset(text.split())


# Common nouns that open crisis sentences, singular and plural as written.
CRISIS_NOUNS = _words(
    """
    gunman gunmen militant militants rebel rebels insurgent insurgents jihadist jihadists
    bandit bandits attacker attackers assailant assailants fighter fighters troops soldier
    soldiers police policemen protester protesters protestor protestors demonstrator
    demonstrators rioter rioters marcher marchers resident residents villager villagers
    civilians refugees families flood floods floodwater floodwaters landslide landslides
    mudslide mudslides wildfire wildfires fire fires shell shells shelling rocket rockets
    drone drones missile missiles airstrike airstrikes strikes clashes protests riots
    blackout blackouts explosions blasts gangs mobs raiders kidnappers torrents aftershocks
    """
)
# What a common noun's plural is written as.
_PLURAL_TAG = "NNS"
_SINGULAR_TAG = "NN"
# Words before a token that end the sentence before it, or a dateline ("WASHINGTON,
# March 4 (Reuters) - Gunmen killed ...").
_SENTENCE_ENDS = frozenset({".", "!", "?", "\u201d", '"', ":", "-", "\u2014", "\u2013"})


# Crisis nouns in -ing the tagger reads as a participle when they open a sentence before
# its verb: "Shelling hit Harlow on Monday" (session 18; "Shelling hit" gave no event).
_ING_NOUNS = frozenset({"shelling", "bombing", "fighting", "looting", "flooding", "rioting"})
# Tags of the finite verb that follows such a noun as the sentence's subject.
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def retag_initial_nouns(doc: Doc) -> Doc:
    """Retag each crisis noun that opens a line or sentence, tagged a proper noun, as a
    common noun (module docstring); and an -ing crisis noun read as a participle before a
    finite verb ("Shelling hit Harlow")."""
    for token in doc:
        if _ing_noun_as_participle(token):
            token.tag_ = _SINGULAR_TAG
            continue
        if token.tag_ not in ("NNP", "NNPS") or not token.is_title:
            continue
        lower = token.lower_
        if lower not in CRISIS_NOUNS or not _opens(token) or _name_follows(token):
            continue
        plural = lower.endswith(("s", "men")) or lower == "police"
        token.tag_ = _PLURAL_TAG if plural else _SINGULAR_TAG
    return doc


def _ing_noun_as_participle(token: Token) -> bool:
    if token.tag_ != "VBG" or token.lower_ not in _ING_NOUNS or not _opens(token):
        return False
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return after is not None and after.tag_ in _FINITE


def _opens(token: Token) -> bool:
    if token.i == 0:
        return True
    before = token.doc[token.i - 1]
    return (before.is_space and "\n" in before.text) or before.text in _SENTENCE_ENDS


def _name_follows(token: Token) -> bool:
    """ "Cyclone Idai", "Fire Brigade": a capitalised word after it makes one name."""
    if token.i + 1 >= len(token.doc):
        return False
    after = token.doc[token.i + 1]
    return after.is_title and after.tag_ in ("NNP", "NNPS")


@Language.component(COMPONENT)
def initial_nouns(doc: Doc) -> Doc:
    return retag_initial_nouns(doc)


def add_to(nlp: Language) -> None:
    """Put the component right after the tagger (once), so the attribute ruler and the
    lemmatizer read the common noun."""
    if COMPONENT not in nlp.pipe_names and "tagger" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, after="tagger")
