"""Resolving a speaker phrase ("the 41-year-old", "he", "Mr. Onishchuk") to a person or
organization id of the document.

The order is from surest to least sure: the phrase contains a mention; it repeats a
name or surname; it repeats a description (age, role); it is a pronoun or a generic
noun ("the woman"), taken as the most recent compatible person before it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from sitrep.records import Organization, Person, Span

Gender = Literal["m", "f"]

HONORIFICS: dict[str, Gender | None] = {
    "mr": "m", "mr.": "m", "sir": "m", "mister": "m",
    "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "madam": "f", "dame": "f",
    "dr": None, "dr.": None, "prof": None, "prof.": None,
}  # fmt: skip
# Nouns that say a person's gender when they describe or stand next to a name.
GENDERED_NOUNS: dict[str, Gender] = {
    "man": "m", "boy": "m", "brother": "m", "father": "m", "son": "m", "husband": "m",
    "uncle": "m", "grandfather": "m", "nephew": "m", "boyfriend": "m", "gentleman": "m",
    "king": "m", "priest": "m", "dad": "m", "grandson": "m", "widower": "m",
    "woman": "f", "lady": "f", "girl": "f", "sister": "f", "mother": "f", "daughter": "f",
    "wife": "f", "aunt": "f", "grandmother": "f", "niece": "f", "girlfriend": "f",
    "queen": "f", "mum": "f", "mom": "f", "granddaughter": "f", "widow": "f", "nun": "f",
}  # fmt: skip
PRONOUNS: dict[str, Gender | None] = {"he": "m", "him": "m", "she": "f", "her": "f"}
# Heads of phrases that describe some person without naming them ("the resident said").
PERSON_NOUNS: frozenset[str] = frozenset(GENDERED_NOUNS) | frozenset(
    {
        "resident", "official", "mayor", "governor", "soldier", "volunteer", "doctor",
        "nurse", "teacher", "witness", "survivor", "spokesman", "spokeswoman",
        "spokesperson", "commander", "officer", "minister", "president", "lawmaker",
        "farmer", "pensioner", "student", "worker", "driver", "actor", "actress",
        "father", "mother", "local", "neighbour", "neighbor", "villager", "engineer",
        "chief", "head", "leader", "activist", "journalist", "man", "woman",
    }
)  # fmt: skip
_AGE = re.compile(r"\b(\d{1,3}|[A-Za-z]+(?:-[a-z]+)?)[- ]years?[- ]old\b", re.IGNORECASE)
_NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
))}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}  # fmt: skip
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(slots=True)
class SpeakerIndex:
    """What is known about the document's people while quotes are attributed.

    ``recent`` also records each quote's resolved speaker at its speaker phrase, so a
    later "he" can follow a person who was only ever named in an attribution.
    """

    text: str
    people: Sequence[Person]
    organizations: Sequence[Organization]
    quoted: Sequence[tuple[int, int]]
    genders: dict[str, Gender] = field(default_factory=dict)
    recent: list[tuple[int, str]] = field(default_factory=list)
    # (position of the speaker phrase, id) of each quote attributed so far.
    spoke: list[tuple[int, str]] = field(default_factory=list)

    @classmethod
    def build(
        cls,
        text: str,
        people: Sequence[Person],
        organizations: Sequence[Organization],
        quoted: Sequence[tuple[int, int]],
    ) -> SpeakerIndex:
        index = cls(text, people, organizations, sorted(quoted))
        index.genders = {p.id: g for p in people if (g := person_gender(text, p)) is not None}
        for person in people:
            for mention in person.mentions:
                if not index.inside_quote(mention.start):
                    index.recent.append((mention.start, person.id))
        return index

    def inside_quote(self, pos: int) -> bool:
        i = bisect_right(self.quoted, (pos, len(self.text) + 1)) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]

    def note_speaker(self, pos: int, speaker_id: str) -> None:
        self.recent.append((pos, speaker_id))
        self.spoke.append((pos, speaker_id))

    def resolve(self, phrase: Span, head_lemma: str | None = None) -> str | None:
        """The id of the person or organization that ``phrase`` refers to, if any."""
        return (
            self._by_mention(phrase)
            or self._by_name(phrase)
            or self._by_description(phrase, head_lemma)
            or self._by_recency(phrase, head_lemma)
        )

    def _by_mention(self, phrase: Span) -> str | None:
        inside = [
            (m.start, p.id)
            for p in self.people
            for m in p.mentions
            if m.start >= phrase.start and m.end <= phrase.end
        ]
        overlapping = [
            (m.start, p.id) for p in self.people for m in p.mentions if m.overlaps(phrase)
        ]
        for found in (inside, overlapping):
            if found:
                return min(found)[1]
        for org in self.organizations:
            if any(m.overlaps(phrase) for m in org.mentions):
                return org.id
        return None

    def _by_name(self, phrase: Span) -> str | None:
        words = _words(phrase.text)
        honorific = next((HONORIFICS[w.lower()] for w in words if w.lower() in HONORIFICS), None)
        names = {w for w in words if w[0].isupper() and w.lower() not in HONORIFICS}
        if not names:
            return None
        candidates = [p.id for p in self.people if names & _name_words(p)]
        if honorific is not None:
            candidates = [c for c in candidates if self.genders.get(c) in (None, honorific)]
        if candidates:
            return self._most_recent(candidates, phrase.start) or candidates[0]
        for org in self.organizations:
            if names & set(_words(org.name)):
                return org.id
        return None

    def _by_description(self, phrase: Span, head_lemma: str | None) -> str | None:
        age = parse_age(phrase.text)
        if age is not None:
            aged = [p.id for p in self.people if p.age == age or _mentions_age(p, age)]
            return self._most_recent(aged, phrase.start) or (aged[0] if aged else None)
        if head_lemma and head_lemma not in GENDERED_NOUNS:
            roled = [p.id for p in self.people if p.role and _role_names(p.role, head_lemma)]
            if roled:
                return self._most_recent(roled, phrase.start) or roled[0]
        return None

    def _by_recency(self, phrase: Span, head_lemma: str | None) -> str | None:
        """Pronouns and bare descriptions refer back to the latest compatible person.

        The speaker of an earlier quote outranks people named since whose gender is
        unknown ("…," the mayor said. … her lover, Anton … "…," he added → the mayor),
        but not a later person whose gender matches.
        """
        word = phrase.text.strip().lower()
        if word in PRONOUNS:
            gender = PRONOUNS[word]
        elif parse_age(phrase.text) is not None:
            gender = None
        elif head_lemma in PERSON_NOUNS and len(_words(phrase.text)) <= 3:
            gender = GENDERED_NOUNS.get(head_lemma or "")
        else:
            return None
        if gender is None:
            return self._most_recent([p.id for p in self.people], phrase.start)
        known = [p.id for p in self.people if self.genders.get(p.id) == gender]
        unknown = [p.id for p in self.people if p.id not in self.genders]
        speaker = self._latest(self.spoke, [*known, *unknown], phrase.start)
        matching = self._latest(self.recent, known, phrase.start)
        if speaker is not None and (matching is None or speaker[0] >= matching[0]):
            return speaker[1]
        if matching is not None:
            return matching[1]
        return self._most_recent(unknown, phrase.start)

    def _most_recent(self, ids: Sequence[str], before: int) -> str | None:
        found = self._latest(self.recent, ids, before)
        return found[1] if found else None

    @staticmethod
    def _latest(
        positions: Sequence[tuple[int, str]], ids: Sequence[str], before: int
    ) -> tuple[int, str] | None:
        wanted = set(ids)
        best: tuple[int, str] | None = None
        for pos, pid in positions:
            if pid in wanted and pos < before and (best is None or pos > best[0]):
                best = (pos, pid)
        return best


def person_gender(text: str, person: Person) -> Gender | None:
    """The gender the text gives a person: honorifics, "the lady, X", "her brother, X"."""
    votes: list[Gender] = []
    for mention in person.mentions:
        words = [w.lower() for w in _words(mention.text)]
        before = [w.lower() for w in _words(text[max(0, mention.start - 24) : mention.start])]
        for word in [*words, *before[-2:]]:
            gender = HONORIFICS.get(word) or GENDERED_NOUNS.get(word)
            if gender:
                votes.append(gender)
    for relation in person.relations:
        if relation.type in GENDERED_NOUNS:
            votes.append(GENDERED_NOUNS[relation.type])
    males, females = votes.count("m"), votes.count("f")
    if males == females:
        return None
    return "m" if males > females else "f"


def parse_age(phrase: str) -> int | None:
    """41 for "the 41-year-old", 26 for "Twenty-six-year-old"."""
    match = _AGE.search(phrase)
    if not match:
        return None
    token = match.group(1).lower()
    if token.isdigit():
        return int(token)
    parts = token.split("-")
    if parts[0] in _TENS:
        unit = _NUMBER_WORDS.get(parts[1], -1) if len(parts) > 1 else 0
        return _TENS[parts[0]] + unit if 0 <= unit < 10 else None
    return _NUMBER_WORDS.get(token)


def _mentions_age(person: Person, age: int) -> bool:
    return any(parse_age(m.text) == age for m in person.mentions)


def _role_names(role: str, noun: str) -> bool:
    """Whether ``noun`` (or its plural) is a whole word of the role's head phrase, the words
    before its first preposition: "the surgeon" names "a surgeon from Aleppo", but "he" is
    not "head", and "the office" is not "head of the district office"."""
    words = _words(role.lower())
    head = words[: next((i for i, w in enumerate(words) if w in _ROLE_PREPOSITIONS), len(words))]
    return noun in head or f"{noun}s" in head or f"{noun}es" in head


_ROLE_PREPOSITIONS = frozenset({"of", "at", "for", "from", "in", "with", "on", "to"})


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _name_words(person: Person) -> set[str]:
    return {w for w in _words(person.name) if w[0].isupper() and w.lower() not in HONORIFICS}
