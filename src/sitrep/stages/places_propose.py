"""Proposing mentions: every span that might name a place, from the model's entities
(joined where they touch, split at line breaks, pieces of a longer known name read
whole) and from the gazetteer's names in runs of capitalised words no entity covers;
names the gazetteer lacks where a slot says they are places (``places_slots``). What
can never be a place alone (months, articles, institution and compass words, peoples'
names) is left out here; whether the rest are places is decided in ``places_decide``."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from spacy.tokens import Span as SpacySpan

from sitrep.gazetteer import Gazetteer
from sitrep.stages import places_cues as cues
from sitrep.stages import places_facilities_r15b as facilities
from sitrep.stages import places_fragments as fragments
from sitrep.stages import places_slots as slots
from sitrep.stages.places_given import NAMED_AFTER_HEADS
from sitrep.stages.places_mention import Mention, read_mention
from sitrep.stages.places_words import (
    Words,
    article_glued,
    compound_around,
    longest_matches,
    opens_name,
    run_end,
    without_function_words,
)


def _words(text: str) -> frozenset[str]:
    """A word list written as whitespace-separated text (keeps long lists readable)."""
    return frozenset(text.split())


PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NOT_NAME_LABELS = _words(
    """
    CARDINAL DATE LANGUAGE MONEY ORDINAL PERCENT QUANTITY TIME
    """
)
NEVER_PLACES = _words(
    """
    advertisement afp apr april aug august christmas ctrl dec december easter enter feb
    february friday god jan january jul july jun june mar march may monday nov november
    oct october reuters saturday sep sept september sunday thursday tuesday wednesday
    """
)
# Words that open names but never name a place alone: the Arabic and Spanish articles
# ("Al" of "Al-Rawda" is not Ål, Norway) and the United Nations ("UN" is not Un, India).
NEVER_ALONE = _words("al el ash ar ad az un")
# The Romance articles as written opening a name ("La" of "La Playita" is not LA, Los
# Angeles; "LA" in capitals still is).
ARTICLES_OPENING_NAMES = frozenset({"La", "Le", "Les", "Las", "Los"})
# Heads of institutions' names: alone, never the town that happens to bear the word
# ("the University of Khartoum" is not University, Florida; "Hospital" is an Irish village).
INSTITUTION_WORDS = _words(
    """
    academy airport cathedral center centre church city clinic college council court
    embassy hall hospital hotel institute ministry mosque museum parliament police prison
    road school seminary stadium street university
    """
)
_DEMONYM = re.compile(r"(ian|ians|ean|eans|ese|ish|i|is|an|ans)$", re.IGNORECASE)
COMMON_NOUN_TAGS = frozenset({"NN", "NNS"})
# Endings of peoples' and faiths' names that no town is read by ("Kurdish", "Shiites").
_PEOPLE_SUFFIX = re.compile(r"(ians?|eans?|ese|ish|is|ites?|s)$", re.IGNORECASE)
# Words that place a name within a larger one ("Eastern Ukraine") rather than being
# part of an unknown name.
COMPASS_WORDS = _words(
    """
    north south east west northern southern eastern western central northeast northwest
    southeast southwest northeastern northwestern southeastern southwestern upper lower
    """
)


def propose(words: Words, gazetteer: Gazetteer) -> list[Mention]:
    """Every span that might name a place, from the model's entities and the gazetteer."""
    found: list[Mention] = []
    covered: set[int] = set()
    for ent in _entities(words, gazetteer):
        if ent.start in covered:
            continue  # inside a longer known name taken whole ("Domingo" of "Santo Domingo")
        if ent.label_ == "LANGUAGE" and cues.is_region_form(ent):
            continue  # "the Odesa region" read as a language: left to the untagged names
        if ent.label_ == "NORP" and _place_read_as_people(ent, gazetteer):
            continue  # "in Omdurman" tagged NORP: an untagged name, it needs its own cue
        covered.update(range(ent.start, ent.end))
        if ent.label_ in NOT_NAME_LABELS:
            continue
        slotted = _unknown_names_in_slot(ent, words, gazetteer)
        if slotted:
            found.extend(slotted)
            continue
        whole = _whole_known_name(ent, words, gazetteer)
        if whole is not None:
            covered.update(range(whole.start, whole.end))
            label = "" if ent.label_ in {"PERSON", "NORP"} else ent.label_
            found.append(read_mention(whole, label, words, gazetteer))
            continue
        for span in _entity_names(ent, words, gazetteer):
            found.append(read_mention(span, _part_label(span, ent), words, gazetteer))
    for span in _untagged_names(words, covered, gazetteer):
        found.append(read_mention(span, "", words, gazetteer))
    found.extend(_untagged_names_in_slot(words, covered, gazetteer))
    named_works = facilities.facility_mentions(words, gazetteer)
    named_works += facilities.feature_mentions(words, gazetteer)
    found = facilities.merge_facilities(found, named_works)
    found = [m for m in found if plausible(m, gazetteer)]
    return sorted(found, key=lambda m: m.name.start)


def plausible(m: Mention, gazetteer: Gazetteer) -> bool:
    """A proposed name that may name a place at all: no month, article, institution or
    compass word alone, no people's name, no sentence-opening common noun."""
    return (
        bool(m.key)
        and m.key not in NEVER_PLACES
        and m.key not in NEVER_ALONE
        and m.name.text not in ARTICLES_OPENING_NAMES
        and not _capitalised_common_noun(m)
        and m.key not in INSTITUTION_WORDS
        and m.key not in COMPASS_WORDS
        and not (not m.candidates and fragments.names_peoples(m.name, gazetteer))
        and not _generic_noun_in_longer_name(m)
    )


def _entities(words: Words, gazetteer: Gazetteer) -> list[SpacySpan]:
    """The model's entities, with two place entities that touch joined into one where the
    first is no name the gazetteer knows: "Tchoma" + "Bangou" tagged apart is the village
    Tchoma Bangou, not "Bangou" (an alternate name of a Cameroonian town); an entity that
    is a piece of a name joined by particles is the whole name ("Guzargah" tagged alone
    in "Guzargah-e-Nur")."""
    doc = words.doc
    ents = [
        _whole_compound(piece, words) for ent in doc.ents for piece in _split_at_line_breaks(ent)
    ]
    joined: list[SpacySpan] = []
    k = 0
    while k < len(ents):
        ent = ents[k]
        nxt = ents[k + 1] if k + 1 < len(ents) else None
        if (
            nxt is not None
            and ent.label_ in PLACE_LABELS
            and nxt.label_ in PLACE_LABELS
            and nxt.start == ent.end
            and doc[ent.end - 1].whitespace_ == " "
            and doc[ent.end - 1].is_alpha  # not "Warren County's Hamilton Township"
            and nxt.text[:1].isupper()
            and not gazetteer.lookup(ent.text)
        ):
            joined.append(SpacySpan(doc, ent.start, nxt.end, label=ent.label_))
            k += 2
            continue
        joined.append(ent)
        k += 1
    return joined


def _whole_compound(ent: SpacySpan, words: Words) -> SpacySpan:
    start, end = compound_around(words, ent.start, ent.end)
    if (start, end) == (ent.start, ent.end):
        return ent
    return SpacySpan(ent.doc, start, end, label=ent.label_)


def _split_at_line_breaks(ent: SpacySpan) -> list[SpacySpan]:
    """An entity that runs over a line break is two ("Yatiyantota\n\nEleven": a
    headline's last word and the next paragraph's first; "Mali\n\nBAMAKO": a headline's
    last word and a dateline)."""
    breaks = [t.i for t in ent if t.is_space and "\n" in t.text]
    if not breaks:
        return [ent]
    bounds = [ent.start, *breaks, ent.end]
    pieces = [(a if a == ent.start else a + 1, b) for a, b in itertools.pairwise(bounds)]
    return [SpacySpan(ent.doc, a, b, label=ent.label_) for a, b in pieces if b > a]


def _unknown_names_in_slot(ent: SpacySpan, words: Words, gazetteer: Gazetteer) -> list[Mention]:
    """ "the village of Tadjalalt" tagged PERSON, "the towns of Ancuabe and Metuge" tagged
    as one ORG: names the gazetteer lacks where the text says they are places
    (``places_slots``). A nationality stays one ("the Somali town of ..."): a name the
    model tags NORP counts only after its slot ("the village of Tindirma")."""
    if ent.label_ == "NORP" and slots.kind_before(ent) is None:
        return []
    span = _strip_article(ent, words)
    if not len(span) or fragments.names_peoples(span, gazetteer):
        return []
    found: list[Mention] = []
    for name, kind in slots.unknown_names_in_slot(span, gazetteer):
        m = read_mention(name, "", words, gazetteer)
        m.stated_kind, m.place_cue = kind, True
        found.append(m)
    return found


def _untagged_names_in_slot(words: Words, covered: set[int], gazetteer: Gazetteer) -> list[Mention]:
    """The same for runs of capitalised words no entity covers ("the Al-Rawda
    neighbourhood"), where the gazetteer knows no part of the run."""
    found: list[Mention] = []
    w = words.words
    i = 0
    while i < len(w):
        if i in covered or not opens_name(words, i):
            i += 1
            continue
        j = run_end(words, i, covered, gazetteer)
        run = without_function_words(words, i, j)
        # A hyphenated run is one name even where the gazetteer knows a piece ("Rawda").
        hyphenated = any(t.text in cues.HYPHENS for t in run)
        if len(run) and (hyphenated or not any(longest_matches(words, i, j, gazetteer))):
            found.extend(_unknown_names_in_slot(run, words, gazetteer))
        i = j
    return found


def _generic_noun_in_longer_name(m: Mention) -> bool:
    """ "River" of "the Bicol River", "Lake" of "Lake Kivu" when the gazetteer does not
    know the whole: a kind of place inside a name, not the town that bears the word."""
    return (
        len(m.name) == 1
        and m.key in fragments.GENERIC_PLACE_NOUNS
        and fragments.is_part_of_longer_name(m.name)
    )


def _whole_known_name(ent: SpacySpan, words: Words, gazetteer: Gazetteer) -> SpacySpan | None:
    """The longer capitalised name the entity is a piece of, where the gazetteer knows
    that name whole: "Domingo" tagged alone in "Santo Domingo has continued..."."""
    span = _strip_article(ent, words)
    return fragments.whole_known_name(span, gazetteer) if len(span) else None


def _capitalised_common_noun(m: Mention) -> bool:
    """ "Gunmen abducted...", "Floods have...": a common noun capitalised only because it
    opens a sentence, which the model may still tag GPE (no gazetteer entry). The model
    reads it as a common noun here or at another use of the word in the text."""
    if m.candidates or len(m.name) != 1 or not m.name[0].is_sent_start:
        return False
    word = m.name[0]
    return any(t.tag_ in COMMON_NOUN_TAGS for t in word.doc if t.lower_ == word.lower_)


def _place_read_as_people(ent: SpacySpan, gazetteer: Gazetteer) -> bool:
    """A name the model tags as a nationality that is a known place and reads as no
    people's name ("Omdurman", "YANGON"; not "Sudanese", "Kurdish", "Houthis")."""
    name = ent.text
    if gazetteer.is_demonym(name) or _PEOPLE_SUFFIX.search(name):
        return False
    # "in Hodeidah governorate": an administrative unit's noun after it (round 21).
    return bool(gazetteer.lookup(name)) or slots.stated_kind(ent) == "region"


def _part_label(span: SpacySpan, ent: SpacySpan) -> str:
    """The label a name inside an entity carries: the entity's, unless the name is a part
    of a facility's name that need not be a place ("Webb" of "Webb Street", "Adena" of
    "the Adena Mound"). A facility named after its town keeps it: the town opens the name
    and the name ends in a word such as "library", "hospital" ("the Mansfield Public
    Library", ``NAMED_AFTER_HEADS``)."""
    if ent.label_ != "FAC" or (span.start, span.end) == (ent.start, ent.end):
        return ent.label_
    opens = all(t.lower_ == "the" for t in ent.doc[ent.start : span.start])
    if opens and ent[-1].lower_ in NAMED_AFTER_HEADS:
        return ent.label_
    return ""


def _strip_article(span: SpacySpan, words: Words) -> SpacySpan:
    """The entity without a leading "the" and without the blank lines the model sometimes
    takes in ("Crimea\n\n")."""
    start, end = span.start, span.end
    while start < end and (words.words[start].lower() == "the" or not words.words[start].strip()):
        start += 1
    while end > start and not words.words[end - 1].strip():
        end -= 1
    return span if (start, end) == (span.start, span.end) else span.doc[start:end]


def _entity_names(ent: SpacySpan, words: Words, gazetteer: Gazetteer) -> Iterator[SpacySpan]:
    span = _strip_article(ent, words)
    if len(span) == 0:
        return
    name = words.span_text(span.start, span.end)
    label = ent.label_
    if not name[:1].isupper() and not article_glued(words, span.start):
        return  # "al-Shuhayl" is written with its article, in lower case
    if label == "NORP":
        return  # a nationality ("Russian", "Ukrainians"), never a place
    if gazetteer.lookup(name):
        yield span
        return
    if label != "PERSON" and fragments.unknown_hyphenated_place(span, gazetteer):
        yield span  # "the town of Pont-Sondé": the whole name, not its piece "Pont"
        return
    # "Sur" of "Surigao del Sur" is never matched alone (``longest_matches``).
    parts = list(longest_matches(words, span.start, span.end, gazetteer))
    if label in PLACE_LABELS:
        parts = _unglued(span, parts)
    if label in {"GPE", "LOC"} and not parts:
        yield span
    elif label != "PERSON":
        # "northeast Ukraine", "Izyum, Ukraine": the names inside a place entity, or inside
        # a mistagged one ("Kharkiv to Izyum" as WORK_OF_ART); each still needs evidence.
        yield from parts


def _unglued(span: SpacySpan, parts: list[SpacySpan]) -> list[SpacySpan]:
    """The parts of a place entity that are names on their own. The model read the span
    as one place; a known word glued to unknown capitalised words ("Abu" of "Abu Shouk",
    "North" of "North Darfur") is a piece of that unknown name, not a place far away.
    A compass word before a known name stays apart from it ("Eastern Ukraine")."""
    covered = {i for p in parts for i in range(p.start, p.end)}
    doc = span.doc

    def glued(i: int) -> bool:
        return (
            span.start <= i < span.end
            and i not in covered
            and doc[i].text[:1].isupper()
            and doc[i].lower_ not in COMPASS_WORDS
        )

    def compass_before_name(p: SpacySpan) -> bool:
        return p.text.lower() in COMPASS_WORDS and p.end in covered

    return [p for p in parts if not (glued(p.start - 1) or glued(p.end) or compass_before_name(p))]


def _untagged_names(words: Words, covered: set[int], gazetteer: Gazetteer) -> Iterator[SpacySpan]:
    """Gazetteer names inside runs of capitalised words that no entity covers (a run
    ends where a sentence starts)."""
    w = words.words
    n = len(w)
    i = 0
    while i < n:
        if i in covered or not opens_name(words, i):
            i += 1
            continue
        j = run_end(words, i, covered, gazetteer)
        run = without_function_words(words, i, j)
        if len(run) > 2 and fragments.unknown_hyphenated_place(run, gazetteer):
            yield run  # "the Pétion-Ville district": the whole name, not "Ville"
        else:
            yield from longest_matches(words, i, j, gazetteer)
        i = j


# Kinds of storm named before their name ("Hurricane Maria", "Typhoon Yagi").
_STORM_WORDS = frozenset({"hurricane", "typhoon", "cyclone", "storm", "tornado"})


def names_a_storm(m: Mention) -> bool:
    """ "Hurricane Maria", "Cyclone Winston": a storm's kind and name, not the town of
    Hurricane, Utah (round 20)."""
    first = m.name[0]
    if first.lower_ not in _STORM_WORDS or not first.is_title:
        return False
    if len(m.name) > 1:
        return True
    doc = first.doc
    after = doc[first.i + 1] if first.i + 1 < len(doc) else None
    return after is not None and after.is_title and after.pos_ == "PROPN"


def is_nationality(m: Mention) -> bool:
    """ "Russian", "Ukrainians": nationality words are not places (even when tagged GPE)."""
    if m.label == "NORP":
        return True
    if len(m.name) == 1 and m.name[0].tag_ in {"JJ", "JJR", "JJS", "NNPS"} and not m.candidates:
        return True
    return (
        not m.candidates
        and len(m.name) == 1
        and bool(_DEMONYM.search(m.name.text))
        and (m.name[0].tag_ != "NNP")
    )
