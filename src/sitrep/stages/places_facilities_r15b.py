"""Named works of infrastructure: "the Tishreen Dam", "the Liberty Bridge", "the Prithvi
Highway", "La Aurora International Airport" (places round 15b).

A capitalised noun for a dam, bridge, road or airport closing a run of capitalised words
is the head of that name: the whole run names one site, a place of kind "other" that the
gazetteer seldom knows (the model tags it FAC, and the stage used to drop it, or record
only a town's name inside it). It is recorded whole, as the text writes it. Buildings
("General Hospital", "High School", "Central Prison") and streets ("Rustaveli Avenue")
are not taken: the writers' conventions count neither as places (g, j; the lead's brief).

Natural features and works named by a lower-case word after the name (round 22): "the
Shabelle river", "the Dumbur dam", "the Bubistskali gorge", "the Micay canyon", "the
Kanlaon volcano", "the Sardoba reservoir". The model seldom tags such a name, or tags only
the name, which the gazetteer then reads as a town ("Micay" of "the Micay canyon" is an old
name of López). The outside writers record a river, a work or a gorge with its word as the
text writes it, and a volcano by its bare name. A work that bears the very name of a known
town ("the Merowe dam") stays that town.
"""

from __future__ import annotations

from sitrep.gazetteer import Gazetteer
from sitrep.gazetteer.admin_tables import DEMONYMS
from sitrep.records import PlaceKind
from sitrep.stages import places_cues as cues
from sitrep.stages.places_mention import SETTLEMENT_KINDS, Mention, read_mention
from sitrep.stages.places_words import ARABIC_ARTICLES, Words, capitalised

# Capitalised heads of the names of works of infrastructure and transport.
FACILITY_HEADS = frozenset(
    {
        *("Airport", "Airfield", "Airbase", "Bridge", "Canal", "Corridor", "Crossing"),
        *("Dam", "Expressway", "Highway", "Motorway", "Reservoir"),
    }
)
# Lower-case words naming the feature before them, with the kind of place they make.
FEATURE_WORDS: dict[str, PlaceKind] = {
    "river": "water",
    "reservoir": "water",
    "wetlands": "water",
    "dam": "other",
    "gorge": "other",
    "canyon": "other",
    "glacier": "other",
    "ravine": "other",
    "volcano": "other",
}
# The features recorded by their bare name ("the Fuego volcano" → "Fuego").
BARE_NAMED = frozenset({"volcano"})
_DEMONYMS = frozenset(name.lower() for name in DEMONYMS)
# The most words a facility's name takes before its head ("Pasang Lhamu", "La Aurora
# International"): longer runs are title-case headlines, not names.
MAX_NAME_WORDS = 4
# Tags of the words of a name (a title-case headline's verbs and prepositions are not).
NAME_TAGS = frozenset({"NNP", "NNPS"})


def facility_mentions(words: Words, gazetteer: Gazetteer) -> list[Mention]:
    """The named facilities of the text, each recorded whole as a place of kind other."""
    found: list[Mention] = []
    for head, word in enumerate(words.words):
        if word not in FACILITY_HEADS or words.sentence_start[head]:
            continue
        start = _name_start(words, head)
        if start is None:
            continue
        m = read_mention(words.doc[start : head + 1], "FAC", words, gazetteer)
        m.stated_kind, m.place_cue = "other", True
        found.append(m)
    return found


def feature_mentions(words: Words, gazetteer: Gazetteer) -> list[Mention]:
    """The natural features and works the text names with a lower-case word after the
    name ("the Shabelle river"), each a place of the word's kind."""
    found: list[Mention] = []
    for head, word in enumerate(words.words):
        kind = FEATURE_WORDS.get(word)
        if kind is None or words.sentence_start[head]:
            continue
        start = _name_start(words, head, adjectives=True)
        if start is None:
            continue
        if word == "river":
            # The river's own reading: only a body of water answers, recorded with its word.
            m = read_mention(words.doc[start:head], "LOC", words, gazetteer)
        elif word in BARE_NAMED:
            m = read_mention(words.doc[start:head], "LOC", words, gazetteer)
            # "the Taal volcano": the volcano by its name with its word, not the town.
            whole = gazetteer.lookup(words.span_text(start, head + 1))
            bare = tuple(c for c in m.candidates if c.kind not in SETTLEMENT_KINDS)
            m.candidates = tuple({c.gazetteer_id: c for c in (*whole, *bare)}.values())
        elif _names_a_settlement(words, start, head, gazetteer):
            continue  # "the Merowe dam": the works of a town the report names by its town
        else:
            m = read_mention(words.doc[start : head + 1], "FAC", words, gazetteer)
        m.stated_kind, m.place_cue = kind, True
        found.append(m)
    return found


def merge_facilities(found: list[Mention], facilities: list[Mention]) -> list[Mention]:
    """The proposed mentions with the facilities added and the pieces of their names
    ("Tishreen" of "Tishreen Dam", "La Aurora" of "La Aurora International Airport")
    left out: a name inside a facility's name is no mention of its own."""
    if not facilities:
        return found
    spans = [(f.name.start, f.name.end) for f in facilities]
    kept = [m for m in found if not any(a <= m.name.start and m.name.end <= b for a, b in spans)]
    return kept + facilities


def _name_start(words: Words, head: int, adjectives: bool = False) -> int | None:
    """Where the name closed by the head at ``head`` opens, or None where no capitalised
    name word stands before it ("the Dam", "a new Bridge") or the run is too long to be
    a name (a title-case headline). With ``adjectives``, a capitalised word the model
    reads as an adjective may open the name unless it is a people's ("the Bubistskali
    gorge", not "the Russian river")."""
    w = words.words
    start, count = head, 0
    k = head - 1
    while k >= 0:
        if _name_word(words, k) or (adjectives and _unknown_adjective(words, k)):
            start, count = k, count + 1
        elif w[k] in cues.HYPHENS and _glued_both(words, k) and capitalised(w[k + 1]):
            start = k  # "Ann-Minbu": the hyphen joins the word before it
        elif w[k].lower() in ARABIC_ARTICLES and start == k + 1 and w[k + 1] in cues.HYPHENS:
            start = k  # "al-" opening the name
        else:
            break
        if words.sentence_start[k]:
            break
        k -= 1
    while start < head and w[start] in cues.HYPHENS:
        start += 1
    if count == 0 or count > MAX_NAME_WORDS:
        return None
    return start


def _name_word(words: Words, k: int) -> bool:
    """A capitalised word of a name: no function word ("The", "In"), no verb or
    preposition of a title-case headline."""
    word = words.words[k]
    if not capitalised(word) or words.stop[k]:
        return False
    return word.isupper() or words.doc[k].tag_ in NAME_TAGS


def _names_a_settlement(words: Words, start: int, head: int, gazetteer: Gazetteer) -> bool:
    """Whether the name before the head is a town's or a city's own name (not another
    name of it: "Micay" of "the Micay canyon" is an old name of López)."""
    name = words.span_text(start, head)
    return any(c.kind in SETTLEMENT_KINDS and c.name == name for c in gazetteer.lookup(name))


def _unknown_adjective(words: Words, k: int) -> bool:
    """A capitalised word read as an adjective that no people is called by."""
    word = words.words[k]
    return (
        capitalised(word)
        and not words.stop[k]
        and not words.sentence_start[k]  # "Heavy river flooding": capitalised as first
        and words.doc[k].tag_ == "JJ"
        and word.lower() not in _DEMONYMS
    )


def _glued_both(words: Words, k: int) -> bool:
    """No space on either side of token ``k``."""
    if k < 1:
        return False
    before = words.starts[k - 1] + len(words.words[k - 1]) == words.starts[k]
    after = (
        k + 1 < len(words.words) and words.starts[k] + len(words.words[k]) == words.starts[k + 1]
    )
    return before and after
