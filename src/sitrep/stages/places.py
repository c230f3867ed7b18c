"""The places stage: find place names, decide they are places, resolve them.

Recognition combines three sources, because spaCy's small model alone tags
"Kyiv" or "Kharkiv" as PERSON and "Mariupol" as ORG:

1. spaCy's GPE/LOC/FAC entities (and entities of other labels whose whole text
   is a gazetteer name);
2. gazetteer matches over runs of capitalised words the model left untagged;
3. context: place cues ("the city of X", "X region", "in X", "X's mayor"),
   person cues ("X, a 62-year-old", "said X", "X's wife", "Mr. X") and
   document consistency (one string, one reading per document).

A gazetteer match alone on an untagged word is never enough. Accepted names are
then resolved (``places_resolve``) and flagged as metonymy where they stand for
a government or army ("Moscow's invasion"). Names judged to be people are left
in ``state.scratch["places.rejected"]`` for the people stage.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz
from spacy.attrs import IDX, IS_STOP, LENGTH, SENT_START
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from sitrep.gazetteer import Candidate, Gazetteer, normalize_key
from sitrep.records import Place, PlaceKind, Span
from sitrep.resources import Resources
from sitrep.stages import places_coordination as coordination
from sitrep.stages import places_cues as cues
from sitrep.stages import places_fragments as fragments
from sitrep.stages import places_lists as lists
from sitrep.stages import places_slots as slots
from sitrep.stages.events_rules import GOVERNMENT_NOUNS, MILITARY_NOUNS, POLICE_NOUNS
from sitrep.stages.places_given import NAMED_AFTER_HEADS
from sitrep.stages.places_outlets import HOME_KEY, text_locale
from sitrep.stages.places_resolve import (
    NO_HOME,
    Home,
    NameUse,
    Resolution,
    focus_from,
    resolve_all,
)
from sitrep.stages.registry import stage
from sitrep.stages.state import DocState


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
MAX_NGRAM = 4
COMMON_NOUN_TAGS = frozenset({"NN", "NNS"})
# How alike (rapidfuzz ratio, 0-100) a town's region name must be to the name the text
# calls a region for the two to be one: a letter of transliteration apart ("Sagaing" /
# GeoNames' "Sagain": 92), not another name ("Kaduna" / "Kano": 60). The case came from
# eval/events (the Sagaing report, 1 place); the rule is tested on texts of our own.
REGION_SPELLING_RATIO = 85
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
# A name the model tagged but no cue supports is accepted only if it is a sizeable
# place in a country the document is about ("Mariupol" tagged ORG in a Ukraine story).
WEAK_MIN_POPULATION = 10_000
# Actors that speak through their capitals: "Moscow said" is metonymy, not a person.
SPEAKING_KINDS = frozenset({"country"})
# How much text after a name is read for "counties" ending a coordination.
COUNTY_WINDOW = 60
# Confidence of a place whose name the gazetteer cannot resolve.
UNRESOLVED_CONFIDENCE = 0.3
WEAK_EVIDENCE_FACTOR = 0.75
# "the town", "the city": a settlement named earlier, referred back to.
ANAPHOR_NOUNS = frozenset({"town", "city", "village"})
_ANAPHOR_WORD = re.compile(r"\b(?:" + "|".join(sorted(ANAPHOR_NOUNS)) + r")\b", re.IGNORECASE)
SETTLEMENT_KINDS = frozenset({"city", "town", "village"})
# Kinds of place whose coordinated names the stage takes as places of the same kind.
LISTED_KINDS: frozenset[str | None] = frozenset({*SETTLEMENT_KINDS, "region"})
# Plural region words that make each name of the coordination before them a region
# ("Kegalle, Ratnapura and Kalutara districts"); counties are read by their own rule.
REGION_LIST_PLURALS = frozenset({"districts", "provinces", "regions", "governorates", "oblasts"})
# Fewest names in a coordination anchored by a place the gazetteer lacks: two-name ones
# ("Gisec and IoTX", "Scott Newsham and Sheryl Gorsuch") spread junk anchors on the first
# 150 documents of LGL and GWN end to end (`sitrep eval geoparsing --limit 150`).
MIN_UNKNOWN_ANCHORED = 3
# Possessed nouns that make a metonymic place an army ("Kyiv's counteroffensive"), beyond
# the events stage's own military nouns.
MILITARY_ACTIONS = _words(
    """
    advance advances assault attack attacks bombardment counter-offensive counteroffensive
    drone drones fleet missile missiles offensive shelling strike strikes
    """
)


@dataclass(slots=True)
class Mention:
    """One occurrence of a possible place name and what its context says."""

    name: SpacySpan  # the name's tokens ("Kharkiv")
    out: Span  # the recorded mention ("Kharkiv region")
    key: str
    label: str
    candidates: tuple[Candidate, ...]
    region_form: bool = False
    area_word: bool = False
    water: bool = False  # "the Dnipro river": only a body of water may be meant
    place_cue: bool = False
    person_cue: str | None = None
    metonymy: bool | None = None
    containers: list[Mention] = field(default_factory=list)  # the mentions it lies in
    article: bool = False  # "the Atlantic": the text puts "the" before the name
    listed: bool = False  # "in Maracay, Barquisimeto and Coro": a member of a list of places
    stated_kind: PlaceKind | None = None  # "the village of X": the kind the text gives
    # "Khiam, Bint Jbeil and X": the places a name is coordinated with (set on X only).
    siblings: tuple[Mention, ...] = ()
    lent_country: str | None = None  # its resolved siblings' country, where the text has none


@dataclass(slots=True)
class Entity:
    """Mentions that one resolution applies to (same name, same region reading)."""

    mentions: list[Mention]
    strong: bool
    resolution: Resolution | None = None

    @property
    def region_form(self) -> bool:
        return self.mentions[0].region_form

    @property
    def candidates(self) -> tuple[Candidate, ...]:
        return self.mentions[0].candidates


@stage("places", requires=("doc",), assigns=("places",))
def extract_places(state: DocState, resources: Resources) -> None:
    gazetteer = resources.gazetteer
    words = Words.of(state.doc, state.text)
    mentions = [m for m in propose(words, gazetteer) if not _is_nationality(m)]
    _link_containers(mentions, words)
    lists.mark_listed(mentions, _strong_evidence)
    accepted, rejected = decide(mentions)
    accepted, rejected = add_coordinated(accepted, rejected, mentions, words, gazetteer)
    mark_region_lists(accepted, words)
    entities = group_entities(accepted)
    home = state.scratch.get(HOME_KEY)
    resolve_entities(
        entities,
        text_locale(state.text, state.raw.url),
        home if isinstance(home, Home) else NO_HOME,
    )
    lend_sibling_kinds(entities)
    entities, junk = drop_unresolved_junk(entities)
    rejected.extend(junk)
    places = build_places(entities, state.text, gazetteer)
    places, anaphors = attach_anaphors(places, state.doc, state.text)
    state.places = places
    state.scratch["places.rejected"] = rejected
    state.scratch["places.anaphors"] = anaphors
    state.scratch["places.mention_metonymy"] = {
        p.id: tuple(_metonymy_by_start(entities).get(s.start) for s in p.mentions)
        for p in state.places
    }


# --- proposing mentions -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Words:
    """The document's tokens as plain lists, read once. The scans for names visit every
    token, and building a spaCy ``Token`` (or worse, ``Token.sent``) on each visit was
    most of the stage's time."""

    doc: Doc
    text: str
    words: list[str]
    starts: list[int]  # character offset of each token
    sentence_start: list[bool]
    stop: list[bool]
    sentence: list[int]  # the number of each token's sentence

    @classmethod
    def of(cls, doc: Doc, text: str) -> Words:
        """``text`` is the text ``doc`` was parsed from; one array read, no Token objects."""
        if len(doc) == 0:
            return cls(doc, text, [], [], [], [], [])
        rows = doc.to_array([IDX, LENGTH, SENT_START, IS_STOP]).tolist()
        starts = [row[0] for row in rows]
        words = [text[row[0] : row[0] + row[1]] for row in rows]
        sentence_start = [row[2] == 1 for row in rows]
        return cls(
            doc,
            text,
            words,
            starts,
            sentence_start,
            [row[3] == 1 for row in rows],
            list(itertools.accumulate(sentence_start)),
        )

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` without building the span."""
        return self.text[self.starts[start] : self.starts[end - 1] + len(self.words[end - 1])]


def propose(words: Words, gazetteer: Gazetteer) -> list[Mention]:
    """Every span that might name a place, from the model's entities and the gazetteer."""
    found: list[Mention] = []
    covered: set[int] = set()
    for ent in _entities(words.doc, gazetteer):
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
            found.append(_mention(whole, label, words, gazetteer))
            continue
        for span in _entity_names(ent, words, gazetteer):
            found.append(_mention(span, _part_label(span, ent), words, gazetteer))
    for span in _untagged_names(words, covered, gazetteer):
        found.append(_mention(span, "", words, gazetteer))
    found.extend(_untagged_names_in_slot(words, covered, gazetteer))
    found = [m for m in found if _plausible(m, gazetteer)]
    return sorted(found, key=lambda m: m.name.start)


def _plausible(m: Mention, gazetteer: Gazetteer) -> bool:
    """A proposed name that may name a place at all: no month, article, institution or
    compass word alone, no people's name, no sentence-opening common noun."""
    return (
        bool(m.key)
        and m.key not in NEVER_PLACES
        and m.key not in NEVER_ALONE
        and not _capitalised_common_noun(m)
        and m.key not in INSTITUTION_WORDS
        and m.key not in COMPASS_WORDS
        and not (not m.candidates and fragments.names_peoples(m.name, gazetteer))
        and not _generic_noun_in_longer_name(m)
    )


def _entities(doc: Doc, gazetteer: Gazetteer) -> list[SpacySpan]:
    """The model's entities, with two place entities that touch joined into one where the
    first is no name the gazetteer knows: "Tchoma" + "Bangou" tagged apart is the village
    Tchoma Bangou, not "Bangou" (an alternate name of a Cameroonian town)."""
    ents = [piece for ent in doc.ents for piece in _split_at_line_breaks(ent)]
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
        m = _mention(name, "", words, gazetteer)
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
        if i in covered or not _capitalised(w[i]):
            i += 1
            continue
        j = _run_end(words, i, covered, gazetteer)
        run = _without_function_words(words, i, j)
        # A hyphenated run is one name even where the gazetteer knows a piece ("Rawda").
        hyphenated = any(t.text in cues.HYPHENS for t in run)
        if len(run) and (hyphenated or not any(_longest_matches(words, i, j, gazetteer))):
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
    return (
        bool(gazetteer.lookup(name))
        and not gazetteer.is_demonym(name)
        and not _PEOPLE_SUFFIX.search(name)
    )


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
    if not name[:1].isupper():
        return
    if label == "NORP":
        return  # a nationality ("Russian", "Ukrainians"), never a place
    if gazetteer.lookup(name):
        yield span
        return
    if label != "PERSON" and fragments.unknown_hyphenated_place(span, gazetteer):
        yield span  # "the town of Pont-Sondé": the whole name, not its piece "Pont"
        return
    parts = list(_longest_matches(words, span.start, span.end, gazetteer))
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
        if i in covered or not _capitalised(w[i]):
            i += 1
            continue
        j = _run_end(words, i, covered, gazetteer)
        run = _without_function_words(words, i, j)
        if len(run) > 2 and fragments.unknown_hyphenated_place(run, gazetteer):
            yield run  # "the Pétion-Ville district": the whole name, not "Ville"
        else:
            yield from _longest_matches(words, i, j, gazetteer)
        i = j


def _run_end(words: Words, start: int, covered: set[int], gazetteer: Gazetteer) -> int:
    """Where the run of capitalised words opening at ``start`` ends: at the first word
    that is neither capitalised nor joined by a hyphen, before a covered token or a new
    sentence. A run never ends in a hyphen ("Hpa-" of "Hpa-an" was recorded as a place)."""
    w = words.words
    j = start + 1
    while j < len(w) and j not in covered and not words.sentence_start[j]:
        if _capitalised(w[j]):
            j += 1
        elif w[j] in cues.HYPHENS and _hyphen_continues(words, start, j, covered, gazetteer):
            j += 2
        else:
            break
    return j


def _hyphen_continues(
    words: Words, start: int, hyphen: int, covered: set[int], gazetteer: Gazetteer
) -> bool:
    """The hyphen at ``hyphen`` joins the next word to the name: a capitalised word
    ("Kok-Tash"), or a lower-case one glued to it where the gazetteer knows the whole
    hyphenated word ("Hpa-an", Myanmar; not "Kyiv-based")."""
    w = words.words
    nxt = hyphen + 1
    if nxt >= len(w) or nxt in covered or words.sentence_start[nxt]:
        return False
    if _capitalised(w[nxt]):
        return True
    if not w[nxt].isalpha() or not _glued(words, hyphen):
        return False
    first = hyphen - 1
    while first - 2 >= start and w[first - 1] in cues.HYPHENS:
        first -= 2  # the hyphenated word's first piece ("Saint-Jean-de-Luz")
    return bool(gazetteer.lookup(words.span_text(first, nxt + 1)))


def _glued(words: Words, hyphen: int) -> bool:
    """No space on either side of the hyphen at ``hyphen``."""
    before_end = words.starts[hyphen - 1] + len(words.words[hyphen - 1])
    after_start = words.starts[hyphen] + len(words.words[hyphen])
    return before_end == words.starts[hyphen] and after_start == words.starts[hyphen + 1]


def _without_function_words(words: Words, start: int, end: int) -> SpacySpan:
    """Tokens start..end less the capitalised function words opening them ("The")."""
    while start < end and words.stop[start]:
        start += 1
    return words.doc[start:end]


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word.replace("-", "").replace("'", "").isalpha()


def _longest_matches(
    words: Words, start: int, end: int, gazetteer: Gazetteer
) -> Iterator[SpacySpan]:
    """The longest gazetteer names (up to ``MAX_NGRAM`` words) in tokens start..end."""
    w = words.words
    i = start
    while i < end:
        # "The Kyiv-based group": a capitalised article opens the run, not the name.
        if not w[i][:1].isupper() or w[i] == "The":
            i += 1
            continue
        for stop in _name_ends(w, i, end):
            # A capitalised function word ("In", "We") is never a place on its own.
            if stop == i + 1 and words.stop[i]:
                continue
            # Not ending in a line break ("Crimea\n\n" of an entity that runs into the
            # next paragraph) nor in a comma ("Sylhet," of "Sylhet, Sunamganj" tagged whole).
            if _word_like(w[stop - 1]) and gazetteer.lookup(words.span_text(i, stop)):
                yield words.doc[i:stop]
                i = stop
                break
        else:
            i += 1


def _word_like(token: str) -> bool:
    return any(ch.isalnum() for ch in token)


def _name_ends(w: list[str], start: int, end: int) -> list[int]:
    """Where names of 1 to ``MAX_NGRAM`` words opening at token ``start`` end, longest
    first. A hyphen joins words without counting as one ("PORT-AU-PRINCE" is three words
    and five tokens) and never ends a name."""
    ends: list[int] = []
    j = start
    while j < end and len(ends) < MAX_NGRAM:
        if w[j] not in cues.HYPHENS:
            ends.append(j + 1)
        j += 1
    return ends[::-1]


def _mention(span: SpacySpan, label: str, words: Words, gazetteer: Gazetteer) -> Mention:
    name = words.span_text(span.start, span.end)
    water_word = cues.water_word_after(span)
    # "the Kharkiv region" is recorded whole; "the Dnipro river" as "Dnipro", the river's
    # name (the convention of the report gold files, examples/gold).
    word_after = cues.region_word_after(span)
    end = word_after.idx + len(word_after.text) if word_after is not None else span.end_char
    region_form = label != "NORP" and cues.is_region_form(span)
    candidates = gazetteer.lookup(name) if label != "NORP" else ()
    county = cues.county_word_after(words.text[span.end_char : span.end_char + COUNTY_WINDOW])
    if county is not None:
        # "Baker, Charlton and Nassau counties": each name is a county's.
        candidates = gazetteer.lookup(f"{name} {county}") or candidates
    key = normalize_key(name)
    state_word = cues.state_word_after(span) if word_after is None and not region_form else None
    if state_word is not None and any(c.kind == "region" for c in candidates):
        # "White Nile state", "Borno State": a state only where a region bears the name
        # (not "Islamic State"); recorded whole like "the Kharkiv region".
        region_form, end = True, state_word.idx + len(state_word.text)
    if region_form and not any(c.kind == "region" for c in candidates):
        candidates += _region_spelt_otherwise(candidates, key, gazetteer)
    dateline = cues.is_dateline(span)
    if water_word is not None:
        # "the Dnipro river" is not the city of Dnipro: only water entries (a gazetteer
        # built from a GeoNames dump has rivers) may answer, else it stays unresolved.
        candidates = tuple(c for c in candidates if c.kind == "water")
        key = f"{key} {water_word.lower_}"
    return Mention(
        name=span,
        out=Span.of(words.text, span.start_char, end),
        key=key,
        label=label,
        candidates=candidates,
        region_form=region_form,
        area_word=cues.area_word_after(span),
        water=water_word is not None,
        place_cue=(
            county is not None
            or cues.preceded_by_place_word(span)
            or cues.followed_by_place_word(span)
            or dateline
        ),
        person_cue=cues.person_cue(span),
        # Where a report was filed is a location, whatever the parse makes of the dateline.
        metonymy=False if dateline else cues.metonymy_cue(span),
        article=cues.follows_article(words.text, span.start_char),
        stated_kind=slots.stated_kind(span),
    )


def _region_spelt_otherwise(
    candidates: Sequence[Candidate], key: str, gazetteer: Gazetteer
) -> tuple[Candidate, ...]:
    """ "the Sagaing region": no region bears the name, but the town of Sagaing lies in
    GeoNames' "Sagain", a near spelling of it: the region named after its town."""
    regions = {
        (c.admin1, c.country)
        for c in candidates
        if c.kind in SETTLEMENT_KINDS
        and c.admin1
        and fuzz.ratio(normalize_key(c.admin1), key) >= REGION_SPELLING_RATIO
    }
    return tuple(
        r
        for admin1, country in sorted(regions, key=str)
        for r in gazetteer.lookup(admin1)
        if r.kind == "region" and r.country == country
    )


def _is_nationality(m: Mention) -> bool:
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


def _link_containers(mentions: list[Mention], words: Words) -> None:
    """ "Izyum, in Ukraine's northeastern Kharkiv region": Izyum lies in what follows."""
    for i, m in enumerate(mentions):
        last = m.name.end
        for j in range(i + 1, len(mentions)):
            other = mentions[j]
            if words.sentence[other.name.start] != words.sentence[m.name.start]:
                break
            gap = m.name.doc[last : other.name.start]
            if not all(_container_glue(t.lower_, t.pos_) for t in gap):
                break
            if any(t.lower_ in {",", "in"} for t in m.name.doc[m.name.end : other.name.start]):
                m.containers.append(other)
            last = other.name.end
            if cues.region_word_after(other.name) is not None:
                last += 1


def _container_glue(word: str, pos: str) -> bool:
    return word in {",", "in", "the", "'s", "\u2019s", "of"} or pos == "ADJ"


# --- deciding place-hood -------------------------------------------------------------


def _explained_by_metonymy(m: Mention) -> bool:
    """ "Moscow said", "Washington's forces": a country or capital as actor, not a person."""
    if m.metonymy is not True and not (m.person_cue or "").startswith("speech verb"):
        return False
    return any(c.kind in SPEAKING_KINDS or c.feature_code == "PPLC" for c in m.candidates)


def _has_person_cue(m: Mention) -> bool:
    return m.person_cue is not None and not _explained_by_metonymy(m)


def _strong_evidence(m: Mention) -> bool:
    """Evidence that this mention is a place even if its string were seen nowhere else."""
    if _has_person_cue(m):
        return False
    if m.place_cue or m.region_form or m.listed or m.water:
        return True  # "the Oskil river": a name the text calls a river is a place
    if m.label in {"GPE", "LOC"}:
        return True
    if m.label == "FAC" and m.candidates:
        return True
    return m.metonymy is True and _explained_by_metonymy(m)


def decide(mentions: Sequence[Mention]) -> tuple[list[Mention], list[dict[str, object]]]:
    """Keep the mentions that are places; return the rest with the reason they were not."""
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_key[m.key].append(m)
    accepted: list[Mention] = []
    rejected: list[dict[str, object]] = []
    weak: list[list[Mention]] = []
    for group in by_key.values():
        verdict = _group_verdict(group)
        if verdict == "place":
            accepted.extend(m for m in group if not _has_person_cue(m))
            rejected.extend(_rejection(m, m.person_cue or "") for m in group if _has_person_cue(m))
        elif verdict == "weak":
            weak.append(group)
        else:
            rejected.extend(_rejection(m, verdict) for m in group)
    focus = focus_from(m.candidates[0] for m in accepted if len(m.candidates) == 1)
    for group in weak:
        if _sizeable_in_focus(group[0].candidates, set(focus)):
            accepted.extend(group)
        else:
            rejected.extend(_rejection(m, "no place evidence") for m in group)
    return sorted(accepted, key=lambda m: m.name.start), rejected


def _group_verdict(group: Sequence[Mention]) -> str:
    """ "place", "weak" (tagged, unsupported), or the reason it is not a place."""
    person = [m for m in group if _has_person_cue(m)]
    explicit_place = any(m.place_cue and not _has_person_cue(m) for m in group)
    if person and not explicit_place:
        return f"person: {person[0].person_cue}"
    if any(_strong_evidence(m) for m in group):
        return "place"
    if any(m.label for m in group) and group[0].candidates:
        return "weak"
    return "no place evidence"


def _sizeable_in_focus(candidates: Sequence[Candidate], countries: set[str]) -> bool:
    return any(
        c.country in countries
        and c.kind in {"city", "region", "country"}
        and c.population >= WEAK_MIN_POPULATION
        for c in candidates
    )


def _rejection(m: Mention, reason: str) -> dict[str, object]:
    return {"text": m.out.text, "start": m.out.start, "end": m.out.end, "reason": reason}


# --- coordinated names -------------------------------------------------------------------


def add_coordinated(
    accepted: list[Mention],
    rejected: list[dict[str, object]],
    mentions: Sequence[Mention],
    words: Words,
    gazetteer: Gazetteer,
) -> tuple[list[Mention], list[dict[str, object]]]:
    """Names coordinated with a place known on its own evidence are places too
    (``places_coordination``): "Strikes hit Khiam, Bint Jbeil and Aitaroun" (the model
    tags the last two PERSON; the gazetteer lacks Aitaroun). A name the gazetteer lacks is
    recorded unresolved with the kind of its sibling places; one it knows is resolved with
    the others (near them). Not in a list with a person in it, nor a list of countries
    (the gazetteer knows every country: another name there is an organisation)."""
    anchors = [m for m in accepted if _strong_evidence(m) and _sibling_kind(m) is not None]
    if not anchors:
        return accepted, rejected
    accepted_ids = {id(m) for m in accepted}
    others = [m for m in mentions if id(m) not in accepted_ids]
    reasons = {r["start"]: str(r["reason"]) for r in rejected}
    revived: list[Mention] = []
    for chain in _chains_with_anchor(words, anchors, lambda name: bool(gazetteer.lookup(name))):
        added: list[Mention] = []
        for member in chain:
            m = _coordinated_member(member, accepted + revived, others, reasons, words, gazetteer)
            if m is not None:
                added.append(m)
        # Every member is listed, the accepted ones too: an unknown one tagged GPE
        # ("Goma, Kanyaruchinya and Munigi") has its cue in the list, and its country.
        mates = [m for m in accepted if _in_chain(m, chain)] + added
        for m in mates:
            m.listed, m.siblings = True, tuple(s for s in mates if s is not m)
        revived.extend(added)
    if not revived:
        return accepted, rejected
    dropped = {m.out.start for m in others if any(_overlaps(m.name, r.name) for r in revived)}
    kept = [r for r in rejected if r["start"] not in dropped]
    return sorted(accepted + revived, key=lambda m: m.name.start), kept


def _chains_with_anchor(
    words: Words, anchors: Sequence[Mention], known: Callable[[str], bool]
) -> Iterator[tuple[coordination.Member, ...]]:
    """The coordinations in the anchors' sentences that hold an anchor."""
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for m in anchors:
        by_sentence[words.sentence[m.name.start]].append(m)
    for number, members in by_sentence.items():
        start = bisect.bisect_left(words.sentence, number)
        end = bisect.bisect_right(words.sentence, number)
        for chain in coordination.coordinations(words.doc, start, end):
            # A place the gazetteer lacks anchors only a longer list or one after "in":
            # "Khiam, Bint Jbeil and Aitaroun", "in Supiturang and Sumberwuluh", not
            # "Gisec and IoTX have grown" (one unknown name vouching for another).
            long_or_located = (
                len(chain) >= MIN_UNKNOWN_ANCHORED
                or cues.lower_at(words.doc[chain[0].start : chain[0].end], chain[0].start - 1)
                in cues.LOCATIVE_PREPOSITIONS
            )
            if not any(_in_chain(m, chain) and (m.candidates or long_or_located) for m in members):
                continue
            if any(_person_member(words, member) for member in chain):
                continue
            if coordination.names_one_place(words.doc, chain, known):
                continue  # "Trinidad and Tobago"
            if coordination.introduces_other_things(words.doc, chain):
                continue  # "three hurricanes: Harvey, Irma and Maria"
            if not _modifies_other_noun(words.doc[chain[-1].start : chain[-1].end]):
                yield chain


def mark_region_lists(accepted: Sequence[Mention], words: Words) -> None:
    """ "in Kendrapara, Jagatsinghpur and Balasore districts", "Pronojiwo and Candipuro
    sub-districts": a plural region word closing a coordination makes each member a
    region (a district the gazetteer lacks is left unresolved, not read as its town)."""
    by_start = {m.name.start: m for m in accepted}
    keys: set[str] = set()
    for i in _region_plurals(words):
        j = i - 2 if i >= 2 and words.words[i - 1] in cues.HYPHENS else i  # "sub-districts"
        number = words.sentence[i]
        start = bisect.bisect_left(words.sentence, number)
        for chain in coordination.coordinations(words.doc, start, j):
            if chain[-1].end != j:
                continue
            for member in chain:
                m = by_start.get(member.start)
                if m is not None and m.name.end == member.end:
                    keys.add(m.key)
    # One sense per document: "the Kegalle district" elsewhere is the same region. A
    # known name becomes a region only where the gazetteer has one by that name: read as
    # an unresolved region, a town the events are placed at would lose its point (the
    # events stage places events at resolved places only; docs/PLACES.md, round 11).
    for m in accepted:
        if m.key not in keys:
            continue
        if not m.candidates:
            m.area_word, m.stated_kind = True, "region"
        elif any(c.kind == "region" for c in m.candidates):
            m.area_word = m.region_form = True


def _region_plurals(words: Words) -> Iterator[int]:
    for i, word in enumerate(words.words):
        if i and word.lower() in REGION_LIST_PLURALS and not words.sentence_start[i]:
            yield i


def _modifies_other_noun(last: SpacySpan) -> bool:
    """ "Madison Creek and Hampton Hills apartment complexes": the names qualify a noun
    that is no place; "Clarke and Oconee counties", "Lakeview and Harrison streets" are
    places."""
    after = cues.lower_at(last, last.end)
    doc = last.doc
    glued = last.end + 2 < len(doc) and not doc[last.end].whitespace_
    if glued and doc[last.end + 1].text in cues.HYPHENS:
        after = cues.lower_at(last, last.end + 2)  # "Pronojiwo and Candipuro sub-districts"
    return fragments.modifies_other_noun(last) and after not in lists.PLACE_PLURALS | {
        "counties",
        "streets",
        "roads",
        "avenues",
    }


def _in_chain(m: Mention, chain: Sequence[coordination.Member]) -> bool:
    """``m`` is a whole member of ``chain`` ("Kharkiv" or "Kharkiv Region"; not "New
    Concord" of "New Concord Area Arts")."""
    end = m.name.end + (cues.region_word_after(m.name) is not None)
    return any(c.start == m.name.start and c.end in {m.name.end, end} for c in chain)


def _person_member(words: Words, member: coordination.Member) -> bool:
    """A member the context makes a person ("Jones, 45,", "said Smith", "artist Banksy")."""
    span = words.doc[member.start : member.end]
    return cues.person_cue(span) is not None or coordination.person_like(words.doc, member)


def _coordinated_member(
    member: coordination.Member,
    taken: Sequence[Mention],
    others: Sequence[Mention],
    reasons: dict[object, str],
    words: Words,
    gazetteer: Gazetteer,
) -> Mention | None:
    """The place mention a member of a coordination with a place becomes, or None where
    it is one already, may be no place, or was judged a person."""
    span = words.doc[member.start : member.end]
    if any(_overlaps(m.name, span) for m in taken) or not coordination.may_be_place(
        words.doc, member
    ):
        return None
    if coordination.brand_like(words.doc, member) and not gazetteer.lookup(span.text):
        return None
    inside = [m for m in others if _overlaps(m.name, span)]
    if any(reasons.get(m.out.start, "").startswith("person") for m in inside):
        return None
    same = next(
        (m for m in inside if (m.name.start, m.name.end) == (member.start, member.end)), None
    )
    m = same if same is not None else _mention(span, "", words, gazetteer)
    if _is_nationality(m) or not _plausible(m, gazetteer) or _has_person_cue(m):
        return None
    return m


def _overlaps(a: SpacySpan, b: SpacySpan) -> bool:
    return a.start < b.end and b.start < a.end


def _sibling_kind(m: Mention) -> PlaceKind | None:
    """The kind of place an anchor of a coordination may be before resolution: its
    stated kind, a settlement or region reading, "other" for a place the gazetteer lacks;
    None for a country alone (its siblings are countries, all known: another name in a
    list of countries is an organisation, "Britain, France and NATO")."""
    if m.stated_kind is not None:
        return m.stated_kind
    if not m.candidates:
        return "other" if m.label in {"GPE", "LOC"} else None
    if any(c.kind == "country" for c in m.candidates):
        return None
    kinds = [c.kind for c in m.candidates if c.kind in LISTED_KINDS]
    return kinds[0] if kinds else None


def lend_sibling_kinds(entities: Sequence[Entity]) -> None:
    """An unresolved member of a coordination takes the kind and country of its first
    resolved sibling ("Nabatieh and X": X is a Lebanese settlement), else the kind the
    text gives a sibling."""
    resolved = {
        id(m): e.resolution.candidate
        for e in entities
        if e.resolution is not None and e.resolution.candidate is not None
        for m in e.mentions
    }
    for e in entities:
        if e.resolution is not None and e.resolution.candidate is not None:
            continue
        for m in e.mentions:
            found = [resolved[id(s)] for s in m.siblings if id(s) in resolved]
            found = [c for c in found if c.kind in LISTED_KINDS]
            if found:
                m.lent_country = found[0].country
            stated = [s.stated_kind for s in m.siblings if s.stated_kind in LISTED_KINDS]
            kind = found[0].kind if found else stated[0] if stated else None
            if m.stated_kind is None and kind is not None:
                m.stated_kind = kind


# --- resolving -------------------------------------------------------------------------


def group_entities(accepted: Sequence[Mention]) -> list[Entity]:
    """One entity per (name, region reading): one sense per document."""
    groups: dict[tuple[str, bool], list[Mention]] = defaultdict(list)
    for m in accepted:
        groups[(m.key, m.region_form)].append(m)
    return [
        Entity(mentions=ms, strong=any(_strong_evidence(m) for m in ms)) for ms in groups.values()
    ]


def resolve_entities(
    entities: Sequence[Entity], locale: frozenset[str] = frozenset(), home: Home = NO_HOME
) -> None:
    """Resolve every entity, each in the light of the others (``resolve_all``);
    ``locale``: the countries whose conventions the text is written in; ``home``: where
    its outlet reports from."""
    owner = {id(m): k for k, e in enumerate(entities) for m in e.mentions}
    uses = []
    for entity in entities:
        # A container judged no place (rejected) has no entity and says nothing.
        containers = {owner[id(c)] for m in entity.mentions for c in m.containers if id(c) in owner}
        key = entity.mentions[0].key
        article = any(m.article for m in entity.mentions)
        actor = all(m.metonymy is True for m in entity.mentions)
        mentions = len(entity.mentions)
        uses.append(
            NameUse(
                entity.candidates, entity.region_form, key, containers, article, actor, mentions
            )
        )
    resolutions = resolve_all(uses, locale=locale, home=home)
    for entity, resolution in zip(entities, resolutions, strict=True):
        entity.resolution = resolution


def drop_unresolved_junk(
    entities: Sequence[Entity],
) -> tuple[list[Entity], list[dict[str, object]]]:
    """Leave out the entities the gazetteer could not resolve that are no place after all
    (``places_fragments``); return the rest and the rejections."""
    kept: list[Entity] = []
    rejected: list[dict[str, object]] = []
    for entity in entities:
        resolved = entity.resolution is not None and entity.resolution.candidate is not None
        reason = None if resolved else _unresolved_junk(entity.mentions)
        if reason is None:
            kept.append(entity)
        else:
            rejected.extend(_rejection(m, reason) for m in entity.mentions)
    return kept, rejected


def _unresolved_junk(mentions: Sequence[Mention]) -> str | None:
    """Why a name the gazetteer left unresolved is no place, or None if it may be one."""
    first = mentions[0]
    if all(fragments.is_part_of_longer_name(m.name) for m in mentions):
        return "part of a longer name"  # "Pont" of "Pont-Sondé", "Sur" of "Camarines Sur"
    if any(ch.isdigit() for ch in first.name.text):
        return "a code, not a name"  # "M23"
    if len(first.name) != 1:
        return None
    if first.key in fragments.GENERIC_PLACE_NOUNS:
        return "a kind of place, not its name"  # "Camp 11", "the Valley"
    if not any(_unresolved_place_cue(m) for m in mentions):
        return "no place cue"  # "Floods have...", "known internationally as Trami"
    return None


def _unresolved_place_cue(m: Mention) -> bool:
    """What makes a lone word the gazetteer does not know a place: a place cue ("the
    town of X", "in X", "X district"), a river or region reading, "the X" tagged a place
    ("the Indus burst its banks"), or the target of an attack ("an attack on X")."""
    if m.region_form or m.area_word or m.water or fragments.target_of_attack(m.name):
        return True
    if m.listed:
        return True  # "Khiam, Bint Jbeil and Aitaroun": coordinated with a place
    if m.article and m.label in {"GPE", "LOC"}:
        return True
    return m.place_cue and not fragments.modifies_other_noun(m.name)


# --- building records --------------------------------------------------------------------


def build_places(entities: Sequence[Entity], text: str, gazetteer: Gazetteer) -> list[Place]:
    """Places in order of first mention; entities resolved to one entry become one place."""
    merged: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        c = e.resolution.candidate if e.resolution else None
        key = c.gazetteer_id if c is not None else f"?{e.mentions[0].key}:{e.region_form}"
        merged[key].append(e)
    ordered = sorted(
        merged.values(), key=lambda es: min(m.out.start for e in es for m in e.mentions)
    )
    home = _majority_country(entities)
    return [_place(f"P{i}", es, gazetteer, home) for i, es in enumerate(ordered, start=1)]


def _majority_country(entities: Sequence[Entity]) -> str | None:
    """The country most of the document's resolved places lie in (a named country counts
    double), if it holds more than half of them: an unknown name there ("the Korabel
    district" in a Kherson report) is most likely in it too."""
    focus = focus_from(
        e.resolution.candidate
        for e in entities
        if e.resolution is not None and e.resolution.candidate is not None
    )
    if not focus:
        return None
    country, count = focus.most_common(1)[0]
    return country if count > sum(focus.values()) / 2 else None


def _place(
    place_id: str, entities: Sequence[Entity], gazetteer: Gazetteer, home: str | None = None
) -> Place:
    mentions = sorted((m for e in entities for m in e.mentions), key=lambda m: m.out.start)
    resolution = entities[0].resolution
    strong = any(e.strong for e in entities)
    spans = tuple(m.out for m in mentions)
    # A place the text calls a village ("Ouirgane, a village ..., is hoping") speaks for
    # no government or army: the actor cue reads the people there, not a state.
    metonymy = (
        any(m.metonymy is True for m in mentions)
        and not any(m.metonymy is False for m in mentions)
        and not any(m.stated_kind == "village" for m in mentions)
    )
    c = resolution.candidate if resolution else None
    if c is None or resolution is None:
        return _unresolved(place_id, mentions, spans, metonymy, home)
    evidence = 1.0 if strong else WEAK_EVIDENCE_FACTOR
    return Place(
        id=place_id,
        name=c.name,
        mentions=spans,
        gazetteer_id=c.gazetteer_id,
        lat=c.lat,
        lon=c.lon,
        country=c.country,
        admin1=c.admin1,
        kind=c.kind,
        metonymy=metonymy,
        confidence=round(evidence * resolution.confidence, 2),
        stands_for=_stands_for(c, mentions, gazetteer) if metonymy else None,
    )


def _stands_for(c: Candidate, mentions: Sequence[Mention], gazetteer: Gazetteer) -> str | None:
    """The actor a metonymic place names, in the events' notation: "Kyiv's forces" ->
    "Ukraine: military", "Moscow said" -> "Russia: government", "war with Russia" ->
    "Russia"."""
    country = c if c.kind == "country" else gazetteer.country(c.country or "")
    if country is None:
        return None
    actor = next((m for m in mentions if m.metonymy is True), mentions[0])
    root = actor.name.root
    noun = root.head.lemma_.lower() if root.dep_ == "poss" else ""
    if noun in MILITARY_NOUNS or noun in MILITARY_ACTIONS:
        return f"{country.name}: military"
    if noun in POLICE_NOUNS:
        return f"{country.name}: police"
    if c.kind != "country" or noun in GOVERNMENT_NOUNS:
        # A capital speaks for its country's government.
        return f"{country.name}: government"
    return country.name


# --- referring back ------------------------------------------------------------------------


def attach_anaphors(places: Sequence[Place], doc: Doc, text: str) -> tuple[list[Place], list[Span]]:
    """ "the town", "the city", "the village" name the last literal settlement mentioned
    before them: each such phrase becomes a mention of that place."""
    added: dict[str, list[Span]] = defaultdict(list)
    for phrase in _anaphor_phrases(doc, text, places):
        antecedent = _last_settlement_before(places, phrase.start)
        if antecedent is not None:
            added[antecedent.id].append(phrase)
    updated = [
        replace(p, mentions=tuple(sorted((*p.mentions, *added[p.id]), key=lambda s: s.start)))
        if p.id in added
        else p
        for p in places
    ]
    return updated, sorted((s for spans in added.values() for s in spans), key=lambda s: s.start)


def _anaphor_phrases(doc: Doc, text: str, places: Sequence[Place]) -> Iterator[Span]:
    taken = {i for p in places for s in p.mentions for i in range(s.start, s.end)}
    # Found in the text, then checked on the tokens: visiting every token cost more.
    for found in _ANAPHOR_WORD.finditer(text):
        noun = doc.char_span(found.start(), found.end())
        if noun is None:
            continue
        tok = noun[0]
        if tok.i == 0 or doc[tok.i - 1].lower_ != "the":
            continue
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        # "the city of Kharkiv", "the town Izyum": the name follows; not a reference back.
        if after is not None and (after.lower_ == "of" or after.pos_ == "PROPN"):
            continue
        start = doc[tok.i - 1].idx
        if start in taken:
            continue
        yield Span.of(text, start, tok.idx + len(tok.text))


def _last_settlement_before(places: Sequence[Place], offset: int) -> Place | None:
    best: tuple[int, Place] | None = None
    for p in places:
        if p.kind not in SETTLEMENT_KINDS or p.metonymy or p.gazetteer_id is None:
            continue
        starts = [s.start for s in p.mentions if s.end <= offset]
        if starts and (best is None or max(starts) > best[0]):
            best = (max(starts), p)
    return best[1] if best else None


def _unresolved(
    place_id: str,
    mentions: Sequence[Mention],
    spans: tuple[Span, ...],
    metonymy: bool,
    home: str | None = None,
) -> Place:
    first = mentions[0]
    region = any(m.region_form or m.area_word for m in mentions)
    stated = next((m.stated_kind for m in mentions if m.stated_kind), None)
    kind: PlaceKind = "water" if first.water else "region" if region else stated or "other"
    # "the Izyum region": the region around a known town; its country is still known.
    countries = {c.country for c in first.candidates}
    admins = {c.admin1 for c in first.candidates}
    return Place(
        id=place_id,
        name=first.out.text if first.region_form else first.name.text,
        mentions=spans,
        # The document's country first: listed siblings may be namesakes abroad.
        country=_unresolved_country(countries, home, region) or first.lent_country,
        admin1=admins.pop() if len(admins) == 1 and region else None,
        kind=kind,
        metonymy=metonymy,
        confidence=UNRESOLVED_CONFIDENCE,
    )


def _unresolved_country(countries: set[str | None], home: str | None, region: bool) -> str | None:
    """Unknown to the gazetteer, or its readings left aside: the country most of the
    document's places lie in ("Kanyama" in a report on Lusaka is Zambian, whatever the
    Congolese town of that name), except for the region around a known town."""
    if len(countries) == 1 and (region or home is None):
        return countries.pop()
    return home if home is not None and (not countries or not region) else None


def _metonymy_by_start(entities: Sequence[Entity]) -> dict[int, bool | None]:
    return {m.out.start: m.metonymy for e in entities for m in e.mentions}
