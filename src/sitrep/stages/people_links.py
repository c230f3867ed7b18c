"""Linking mentions to people: names, descriptions ("the 41-year-old") and he/she.

Everything is resolved in text order against the people mentioned so far, so a
pronoun resolved to a person counts as that person's latest mention for what comes
next ("…she added. Her family … her brother, Nikita" -> Nikita is her brother).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from sitrep.records import Span
from sitrep.stages.people_lexicon import (
    AGE_WORDS,
    OCCUPATIONS,
    OFFICES,
    PERSON_NOUNS,
    SPEECH_VERBS,
    TITLE_ROLES,
    Gender,
    parse_age,
)


@dataclass(eq=False)
class PersonDraft:
    """A person while the stage works: mutable, frozen into ``Person`` at the end."""

    words: list[str]
    mentions: list[Span] = field(default_factory=list)
    gender: Gender | None = None
    age: int | None = None
    role: str | None = None
    affiliation: str | None = None
    place: str | None = None
    relations: list[tuple[str, PersonDraft]] = field(default_factory=list)
    titles: set[str] = field(default_factory=set)
    # A person known only by a description ("the leader of the … administration").
    description: str | None = None

    @property
    def name(self) -> str:
        return " ".join(self.words) if self.words else (self.description or "")

    @property
    def last_start(self) -> int:
        return max(m.start for m in self.mentions)


class Sentences:
    """Sentence index of a character offset."""

    def __init__(self, doc: Doc) -> None:
        self._starts = [s.start_char for s in doc.sents] or [0]

    def index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._starts, offset) - 1)


def gender_compatible(a: Gender | None, b: Gender | None) -> bool:
    return a is None or b is None or a == b


# ----------------------------------------------------------------- names


def link_name(
    people: list[PersonDraft], words: list[str], gender: Gender | None
) -> PersonDraft | None:
    """The person a name refers to among ``people``, or None for a new person.

    A full name matches the same full name, or a person so far known by its first
    word alone; one word matches a surname (the most recent compatible bearer, so
    "Mr. Onishchuk" after "Ms. Onishchuk" and her brother Nikita picks Nikita), else
    an unambiguous first name.
    """
    if len(words) > 1:
        same = [p for p in people if p.words == words]
        if same:
            return same[0]
        first_only = [p for p in people if p.words == words[:1]]
        if len(first_only) == 1:
            return first_only[0]
        # A headline names by surname first ("disputed Maduro win" … "President Nicolás
        # Maduro"); a titled surname ("Ms. Onishchuk") may be another bearer's.
        last_only = [p for p in people if p.words == words[-1:] and not p.titles]
        return last_only[0] if len(last_only) == 1 else None
    word = words[0]
    surname = [
        p
        for p in people
        if len(p.words) > 1 and p.words[-1] == word and gender_compatible(p.gender, gender)
    ]
    if surname:
        return max(surname, key=lambda p: p.last_start)
    first = [p for p in people if p.words and p.words[0] == word]
    return first[0] if len(first) == 1 else None


# ----------------------------------------------------------------- recent people


def recent_people(
    people: list[PersonDraft], sentences: Sentences, offset: int
) -> list[PersonDraft]:
    """People mentioned before ``offset`` in its sentence, else in the one before.

    Ordered most recent first.
    """
    here = sentences.index(offset)
    for sentence in (here, here - 1):
        found: list[tuple[int, PersonDraft]] = []
        for p in people:
            starts = [
                m.start
                for m in p.mentions
                if m.start < offset and sentences.index(m.start) == sentence
            ]
            if starts:
                found.append((max(starts), p))
        if found:
            return [p for _, p in sorted(found, key=lambda x: -x[0])]
    return []


def recent_window(
    people: list[PersonDraft], sentences: Sentences, offset: int
) -> list[PersonDraft]:
    """People mentioned in this sentence (before ``offset``) or the previous one."""
    here = sentences.index(offset)
    found: list[tuple[int, PersonDraft]] = []
    for p in people:
        starts = [
            m.start
            for m in p.mentions
            if m.start < offset and here - 1 <= sentences.index(m.start) <= here
        ]
        if starts:
            found.append((max(starts), p))
    return [p for _, p in sorted(found, key=lambda x: -x[0])]


# ----------------------------------------------------------------- pronouns


def resolve_pronoun(
    people: list[PersonDraft], sentences: Sentences, offset: int, gender: Gender
) -> PersonDraft | None:
    """The one person "he"/"she" can mean, or None when two could.

    Candidates are the people of the same sentence before the pronoun, else of the
    previous sentence. One candidate of the pronoun's gender wins; with none, one
    candidate of unknown gender wins.
    """
    candidates = recent_people(people, sentences, offset)
    matching = [p for p in candidates if p.gender == gender]
    if len(matching) == 1:
        return matching[0]
    unknown = [p for p in candidates if p.gender is None]
    if not matching and len(unknown) == 1:
        return unknown[0]
    return None


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Stretches between double quotation marks, within one paragraph."""
    return [m.span() for m in re.finditer(r"[“\"][^“”\"\n]*[”\"]?", text)]


def pronoun_mentions(doc: Doc, text: str) -> list[tuple[Span, Gender]]:
    """Every "he"/"she" outside quotations (inside, they are the speaker's words)."""
    regions = quoted_regions(text)
    found: list[tuple[Span, Gender]] = []
    for token in doc:
        lower = token.lower_
        if lower not in ("he", "she") or token.pos_ != "PRON":
            continue
        start = token.idx
        if any(a <= start < b for a, b in regions):
            continue
        found.append((Span.of(text, start, start + len(token.text)), "m" if lower == "he" else "f"))
    return found


# ----------------------------------------------------------------- descriptions

_AGE_DESCRIPTION = re.compile(
    r"\bthe\s+(?P<age>" + AGE_WORDS + r")[\s-]+years?[\s-]+(?P<old>old)(?:\s+(?P<noun>[a-z]+))?\b",
    re.IGNORECASE,
)
_NOUN_DESCRIPTION = re.compile(r"\b[Tt]he\s+(?:[a-z-]+\s+){0,2}?(?P<noun>[a-z]+)\b")
_SPEECH_AFTER = re.compile(
    r"^\s+(?:(?:has|had|also|then)\s+)?(?:" + "|".join(sorted(SPEECH_VERBS)) + r")\b"
)


@dataclass(frozen=True, slots=True)
class Description:
    """A definite description that may refer back to a person."""

    span: Span
    # The head words ("the leader" of "the leader of the … administration").
    head: Span
    noun: str | None
    age: int | None
    gender: Gender | None
    speaks: bool  # the subject of a speech verb ("the leader … informed")


def find_descriptions(doc: Doc, text: str) -> list[Description]:
    """ "the 41-year-old", "the lady", "the mayor (of X)" — singular person nouns only."""
    found: list[Description] = []
    for match in _AGE_DESCRIPTION.finditer(text):
        noun = match.group("noun")
        described = noun in PERSON_NOUNS or noun in OCCUPATIONS
        end = match.end("noun") if described else match.end("old")
        span = Span.of(text, match.start(), end)
        age = parse_age(match.group("age"))
        found.append(_description(text, span, span, noun if noun in PERSON_NOUNS else None, age))
    for match in _NOUN_DESCRIPTION.finditer(text):
        noun = match.group("noun")
        if noun not in PERSON_NOUNS and noun not in OFFICES and noun not in OCCUPATIONS:
            continue
        if any(d.span.start == match.start() for d in found):
            continue
        token = doc.char_span(match.start("noun"), match.end("noun"))
        if token is None or token.root.pos_ != "NOUN" or token.root.tag_ == "NNS":
            continue
        end = _extend_of_phrase(doc, token.root.i, match.end())
        head = Span.of(text, match.start(), match.end())
        found.append(_description(text, Span.of(text, match.start(), end), head, noun, None))
    found.sort(key=lambda d: d.span.start)
    return found


def _description(
    text: str, span: Span, head: Span, noun: str | None, age: int | None
) -> Description:
    gender = PERSON_NOUNS.get(noun) if noun else None
    speaks = bool(_SPEECH_AFTER.match(text[span.end : span.end + 40]))
    return Description(span, head, noun, age, gender, speaks)


def _extend_of_phrase(doc: Doc, noun_index: int, end: int) -> int:
    """Extend "the leader" to "the leader of the Kharkiv regional military administration"."""
    noun = doc[noun_index]
    for child in noun.rights:
        if child.lower_ == "of" and child.dep_ == "prep":
            last = max(t.i for t in child.subtree)
            return max(end, doc[last].idx + len(doc[last].text))
    return end


def resolve_description(
    people: list[PersonDraft], sentences: Sentences, description: Description
) -> PersonDraft | None:
    """The most recent compatible person of this or the previous sentence."""
    for person in recent_window(people, sentences, description.span.start):
        if description.age is not None and person.age not in (None, description.age):
            continue
        if not gender_compatible(person.gender, description.gender):
            continue
        noun = description.noun
        if noun in OFFICES or noun in OCCUPATIONS:
            titles = {TITLE_ROLES.get(t, t) for t in person.titles}
            role_words = set((person.role or "").lower().split()) | titles
            if noun not in role_words:
                continue
        return person
    return None
