"""Names in a report and whether each names a person, an organisation or neither.

spaCy's PERSON/ORG labels are the starting point; rules fix its usual errors: first
names tagged ORG ("Volodymyr"), place names tagged PERSON ("Kryvyi Rih") and
keyboard shortcuts tagged PERSON ("Ctrl + Enter"). A name is judged by its shape,
by person cues around it (title, age, role or family apposition, a speech verb)
and, for a name without a cue, by whether the gazetteer knows it as a sizeable place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc

from sitrep.gazetteer.admin_tables import DEMONYMS
from sitrep.records import Place, Span
from sitrep.stages.people_lexicon import (
    AGE_WORDS,
    FAMILY,
    GROUP_NAMES,
    KNOWN_ORGS,
    NOT_NAMES,
    OCCUPATIONS,
    PERSON_NOUNS,
    RESIDENCE_ROLES,
    ROLE_NOUNS,
    SPEECH_VERBS,
    TITLES,
    Gender,
)

Verdict = Literal["person", "org", "neither"]
PlaceLookup = Callable[[str], Sequence[object]]

# A place the gazetteer knows with at least this many people (or a region/country)
# is what a bare name most likely means when nothing marks it as a person: small
# towns share their names with many people ("Anton", "Nikita").
KNOWN_PLACE_MIN_POPULATION = 50_000

_TITLE_ALTERNATION = "|".join(sorted((re.escape(t) for t in TITLES), key=len, reverse=True))
_TITLE_BEFORE = re.compile(r"\b(" + _TITLE_ALTERNATION + r")\.?\s+$", re.IGNORECASE)
_TITLED_NAME = re.compile(
    r"\b(Mr|Ms|Mrs|Miss|Dr|Prof)\.?\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
)
# A sentence-initial name followed by an age or occupation apposition, which spaCy's
# small model often misses on uncommon first names ("Mehmet, a 52-year-old shopkeeper,").
_APPOSED_NAME = re.compile(
    r"(?:^|(?<=[.!?”\"] ))(?P<name>[A-ZÀ-ÖØ-Þ][a-zà-ÿ'’-]+(?:-[A-ZÀ-ÖØ-Þ][a-zà-ÿ'’]+)?"
    r"(?: [A-ZÀ-ÖØ-Þ][a-zà-ÿ'’-]+){0,2})"
    r"(?=,\s+(?:(?:a|an)\s+(?:(?:" + AGE_WORDS + r")[\s-]+years?[\s-]+old\b"
    r"|(?:[a-z-]+\s+){0,2}(?:" + "|".join(sorted(OCCUPATIONS | RESIDENCE_ROLES)) + r")\b)"
    r"|(?:aged\s+)?\d{1,3},))",
    re.MULTILINE,
)
# Lower-case parts of names: "al-Obeidi", "Osama bin Laden", "Ursula von der Leyen".
_PREFIXED_NAME_WORD = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|ibn|bin|abu|ben)-[A-Z][\w'’-]*$")
_NAME_PARTICLES: frozenset[str] = frozenset(
    {"al", "el", "bin", "ibn", "abu", "van", "von", "der", "den", "de", "da", "di", "du", "la",
     "le", "dos", "das", "del"}
)  # fmt: skip
# "Jean-Robert", "Marie-Claire": double first names keep a capital after the hyphen.
# Capitals with accents start names too ("Ólafsdóttir", "Élise").
_CAPITAL = "A-ZÀ-ÖØ-Þ"
_NAME_WORD = re.compile(
    rf"^[{_CAPITAL}][a-zà-ÿ'’-]*[a-zà-ÿ]$|^[A-Z]\.$|^[A-Z][a-z]*[A-Z][a-z]+$"
    rf"|^[{_CAPITAL}][a-zà-ÿ'’]+(?:-[{_CAPITAL}][a-zà-ÿ'’]+)+$"
)
_AGE_BEFORE = re.compile(r"\b(" + AGE_WORDS + r")[\s-]+years?[\s-]+old\s+$", re.IGNORECASE)
_SPEECH_ALTERNATION = "|".join(sorted(SPEECH_VERBS))
_SPEECH_BEFORE = re.compile(r"\b(?:" + _SPEECH_ALTERNATION + r"|according to)\s+$", re.IGNORECASE)
_SPEECH_AFTER = re.compile(
    r"^\s+(?:(?:has|had|have|also|then|later)\s+)?(?:" + _SPEECH_ALTERNATION + r")\b"
)
_APPOSITION_AFTER = re.compile(r"\s*,\s*([^,.;:“”\"]{1,160})")
_DESCRIPTOR_BEFORE = re.compile(
    r"(?P<desc>\b(?P<det>(?i:the|a|an|his|her|their|its|my|our)|[A-Z][\w'’-]*['’]s)\s+"
    r"(?P<mods>(?:[\w'’-]+\s+){0,3}?)(?P<noun>[a-z]+)"
    r"(?P<of>\s+(?:of|for|at|in)\s+[^,.;:“”\"\n]{1,90}?)?)\s*,\s*$"
)
_ROLE_BEFORE = re.compile(r"\b(?P<noun>[a-z]+)\s+$")


_DEMONYMS = frozenset(k.lower() for k in DEMONYMS)
# Last words that make a name an organisation's, not a person's.
_ORG_HEAD_WORDS = frozenset(
    {"office", "ministry", "agency", "committee", "council", "department", "administration",
     "authority", "authorities", "company", "foundation", "government", "parliament", "service",
     "university", "hospital", "school", "army", "forces", "police", "navy", "brigade",
     "battalion", "regiment", "command", "clinic", "charity", "broadcaster", "newspaper"}
)  # fmt: skip
# A name right before a facility or collective noun names that thing, not a person; one
# adjective may stand between ("thermoelectric plant", "central market", "nuclear plant").
_THING_AFTER = re.compile(
    r"\s+(?:[a-z]+(?:ic|al|ar|ary|ive|ian)\s+)?"
    r"(?:plant|power\s+station|station|hospital|airport|bridge|dam|school|university|stadium"
    r"|mosque|church|cathedral|market|camp|prison|port|road|street|avenue|highway|district"
    r"|districts|neighbourhoods?|neighborhoods?|region|province|valley|river|forces|troops"
    r"|army|government|prices|settings|power\s+plant|plant|police|guards?)\b"
)
# Nouns after a name that make it a place's name wherever else it stands, cue or not:
# "Morocco's Al Haouz province, the 31-year-old mother of four …" (the age is hers).
_PLACE_AFTER = re.compile(
    r"\s+(?:province|region|district|governorate|oblast|county|valley|river|mountains"
    r"|peninsula|prefecture|municipality)\b"
    # "Ouirgane, a tourist village on the road south": an apposition saying what place it is
    r"|,\s+(?:a|an)\s+(?:[a-z-]+\s+){0,2}(?:village|town|city|hamlet|port|resort"
    r"|settlement|district|region|province|suburb|township)\b"
)
# A storm's name: "Tropical Storm Kristine", "Hurricane Otis", "Cyclone Freddy".
_STORM_NAME = re.compile(
    r"\b(?P<full>(?:(?:Tropical|Super)\s+)?(?:[Ss]torm|[Hh]urricane|[Tt]yphoon|[Cc]yclone"
    r"|[Dd]epression)\s+(?P<name>[A-Z][a-z]+))\b"
)
# Nouns right before a name that make it an organisation's: "the state utility Unión
# Eléctrica (UNE) said", "the broadcaster Rustavi 2".
_ORG_NOUN_BEFORE = re.compile(
    r"\b(?:utility|company|firm|operator|agency|broadcaster|newspaper|network|group|party"
    r"|militia|movement|charity|organi[sz]ation|alliance|coalition|union)\s+$"
)
# A name cut before its particle ("the Norte | de Santander governor's office").
_PARTICLE_TAIL = re.compile(r"\s+(?:de|del|da|do|dos|das|di|la|el)\s+[A-Z][\w'’-]+")


@dataclass(frozen=True, slots=True)
class NameCandidate:
    """A name in the text: ``name`` without title, ``mention`` as recorded."""

    name: Span
    mention: Span
    label: str
    title: str | None


@dataclass(frozen=True, slots=True)
class Cues:
    """What the words around a name say about its bearer."""

    title: str | None = None
    strong: bool = False  # title, age, a person noun in apposition, family noun
    speech: bool = False  # next to a speech verb (organisations speak too)
    gender: Gender | None = None

    @property
    def any(self) -> bool:
        return self.strong or self.speech


def find_name_candidates(doc: Doc, text: str) -> list[NameCandidate]:
    """PERSON/ORG entities and titled names spaCy missed, in text order, without overlaps."""
    found: list[NameCandidate] = []
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "ORG"):
            candidate = _candidate(text, ent.start_char, ent.end_char, ent.label_)
            if candidate is not None:
                found.append(candidate)
    for match in _TITLED_NAME.finditer(text):
        start, end = match.span(2)
        if not any(c.name.start < end and start < c.name.end for c in found):
            candidate = _candidate(text, start, end, "TITLE")
            if candidate is not None:
                found.append(candidate)
    for match in _APPOSED_NAME.finditer(text):
        start, end = match.span("name")
        if not any(c.name.start < end and start < c.name.end for c in found):
            found.append(
                NameCandidate(Span.of(text, start, end), Span.of(text, start, end), "APPOS", None)
            )
    found.sort(key=lambda c: c.name.start)
    return found


def _candidate(text: str, start: int, end: int, label: str) -> NameCandidate | None:
    """Trim a leading article and a trailing possessive; attach a title standing before."""
    if text[start:end].lower().startswith("the "):
        start += 4
    for suffix in ("'s", "’s", "'", "’"):
        if text[start:end].endswith(suffix):
            end -= len(suffix)
            break
    if start >= end:
        return None
    title_match = _TITLE_BEFORE.search(text, max(0, start - 20), start)
    title = None
    mention_start = start
    if title_match is not None and title_match.end() == start:
        title = title_match.group(1).lower()
        mention_start = title_match.start()
    return NameCandidate(Span.of(text, start, end), Span.of(text, mention_start, end), label, title)


def looks_like_personal_name(name: str) -> bool:
    """Capitalised words only: no symbols ("Ctrl + Enter"), months, or all-caps acronyms."""
    words = name.split()
    if not words or len(words) > 5:
        return False
    if any(w.lower().strip(".") in NOT_NAMES for w in words):
        return False
    inner = set(range(1, len(words) - 1))
    return bool(_NAME_WORD.match(words[0])) and all(
        _NAME_WORD.match(w) or _PREFIXED_NAME_WORD.match(w) or (i in inner and w in _NAME_PARTICLES)
        for i, w in enumerate(words)
    )


def _has_particle(name: str) -> bool:
    return any(w in _NAME_PARTICLES or _PREFIXED_NAME_WORD.match(w) for w in name.split())


def person_cues(text: str, candidate: NameCandidate) -> Cues:
    """The cues around one name; see the module docstring."""
    before = text[max(0, candidate.mention.start - 160) : candidate.mention.start]
    after = text[candidate.name.end : candidate.name.end + 200]
    gender: Gender | None = TITLES.get(candidate.title) if candidate.title else None
    strong = candidate.title is not None and candidate.title in TITLES
    if _AGE_BEFORE.search(before):
        strong = True
    descriptor = _DESCRIPTOR_BEFORE.search(before)
    if descriptor is not None:
        noun = descriptor.group("noun")
        noun_gender = _noun_gender(noun)
        if noun in FAMILY or noun in PERSON_NOUNS or noun in ROLE_NOUNS:
            strong = True
            gender = gender or noun_gender
    role_before = _ROLE_BEFORE.search(before)
    if role_before is not None and role_before.group("noun") in ROLE_NOUNS:
        strong = True
    apposition = _APPOSITION_AFTER.match(after)
    if apposition is not None and _describes_person(apposition.group(1)):
        strong = True
    speech = bool(_SPEECH_BEFORE.search(before) or _SPEECH_AFTER.match(after))
    return Cues(title=candidate.title, strong=strong, speech=speech, gender=gender)


def _noun_gender(noun: str) -> Gender | None:
    if noun in FAMILY:
        return FAMILY[noun][1]
    return PERSON_NOUNS.get(noun)


_AGE_APPOSITION = re.compile(
    r"^(?:(?:a|an)\s+)?(?:" + AGE_WORDS + r")(?:[\s-]+years?[\s-]+old\b|\s*$)|^aged\s+\d",
    re.IGNORECASE,
)


def _describes_person(apposition: str) -> bool:
    """ "a resident of the town", "a 62-year-old who…", "21", "her brother"."""
    words = apposition.strip().lower().split()
    if not words:
        return False
    if _AGE_APPOSITION.match(apposition.strip()):
        return True
    head_window = [w.strip("'’") for w in words[:4]]
    if words[0] in ("a", "an", "the", "his", "her", "their", "my", "our"):
        return any(w in ROLE_NOUNS or w in FAMILY or w in PERSON_NOUNS for w in head_window)
    return False


def is_known_place(name: str, lookup: PlaceLookup) -> bool:
    """Whether the gazetteer knows ``name`` as a country, region or sizeable place."""
    for candidate in lookup(name):
        kind = getattr(candidate, "kind", None)
        population = getattr(candidate, "population", 0) or 0
        if kind in ("country", "region", "water") or population >= KNOWN_PLACE_MIN_POPULATION:
            return True
    return False


def is_demonym(name: str) -> bool:
    """A nationality or people ("Azerbaijani", "Haitians", "Houthis"), or a pair of them
    ("Kyrgyz-Tajik border"), which spaCy sometimes tags PERSON."""
    parts = name.lower().split("-")
    return all(_is_one_demonym(part) for part in parts)


def _is_one_demonym(key: str) -> bool:
    known = _DEMONYMS | GROUP_NAMES
    return key in known or (key.endswith("s") and key[:-1] in known)


def place_like_names(text: str, candidates: Sequence[NameCandidate]) -> frozenset[str]:
    """Names that somewhere in the report name a place or a storm ("Al Haouz province",
    "Ouirgane, a tourist village", "Tropical Storm Kristine"): their other mentions are
    no person without a strong cue of their own."""
    # spaCy may take in the storm word: "Storm Halong", "Tropical Storm Halong".
    storms = {
        name
        for m in _STORM_NAME.finditer(text)
        for name in (m.group("name"), m.group("full"), m.group("full").split(None, 1)[-1])
    }
    # Every occurrence counts, also one the places stage claimed ("Al Haouz province" found
    # as a place leaves "Al Haouz said …" among the candidates).
    # One pass over the place nouns: the words just before each, if a candidate's name.
    names = {c.name.text for c in candidates}
    placed: set[str] = set()
    for m in _PLACE_AFTER.finditer(text):
        words = text[max(0, m.start() - 80) : m.start()].split()
        placed.update(n for k in range(1, 6) if (n := " ".join(words[-k:])) in names)
    return frozenset(storms | placed)


def _is_cut_place_name(text: str, candidate: NameCandidate, lookup: PlaceLookup) -> bool:
    """ "Norte" of "Norte de Santander": the name with its particle tail is a known place."""
    tail = _PARTICLE_TAIL.match(text, candidate.name.end)
    return tail is not None and is_known_place(candidate.name.text + tail.group(0), lookup)


def is_known_org(name: str) -> bool:
    return name.lower() in KNOWN_ORGS


def overlaps_place(span: Span, places: Sequence[Place]) -> bool:
    """Whether a place mention already claims these characters."""
    return any(m.overlaps(span) for p in places for m in p.mentions)


def classify(text: str, candidate: NameCandidate, cues: Cues, lookup: PlaceLookup) -> Verdict:
    """Person, organisation or neither, from the label, the cues and the gazetteer."""
    name = candidate.name.text
    if is_known_org(name):
        return "org"
    if is_demonym(name):
        return "neither"  # "Azerbaijani forces": a nationality, never a person
    if len(name.split()) > 1 and name.split()[-1].lower() in _ORG_HEAD_WORDS:
        return "org"  # "Public Defender's Office", whatever spaCy's label or a "said" after it
    personal = looks_like_personal_name(name)
    if not cues.strong and _ORG_NOUN_BEFORE.search(
        text, max(0, candidate.mention.start - 40), candidate.mention.start
    ):
        return "org"
    if not cues.strong and _is_cut_place_name(text, candidate, lookup):
        return "neither"
    if candidate.label in ("PERSON", "TITLE", "APPOS"):
        if not personal:
            return "neither"
        if not cues.strong and _THING_AFTER.match(text, candidate.name.end):
            return "neither"  # "the Solino neighbourhoods", "the X thermoelectric plant"
        if cues.any:
            return "person"
        if _has_particle(name):
            # "Jisr al-Shughur": place names share the particles; only a cue makes a person.
            return "neither"
        return "neither" if is_known_place(name, lookup) else "person"
    # ORG-tagged: a single capitalised word with a strong cue, or a speech cue when the
    # name is not an acronym and has no organisation-like word in it.
    if personal and (cues.strong or cues.speech):
        return "person"
    if is_known_place(name, lookup):
        return "neither"
    return "org"
