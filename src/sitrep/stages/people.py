"""The people and organisations stage.

Fills ``state.people`` (ids "H1", … in order of first mention) and
``state.organizations`` ("O1", …). It runs after the places stage: characters a
place mention claims are never a person or an organisation.

How (each step in its own module):
1. ``people_names``: spaCy PERSON/ORG names and titled names, judged person /
   organisation / neither by shape, person cues and the gazetteer.
2. ``organizations``: named, described and collective organisations.
3. In text order (``people_links``): each name joins the person it refers to (full
   name, surname with a compatible title, unambiguous first name); the words around
   it give age, role, gender, place and relations (``people_facts``); descriptions
   ("the 41-year-old", "the mayor") and he/she join the one compatible person of the
   same or previous sentence, or stay unlinked when two could be meant.
4. Facts about a pair ("the two, who are both 21 and actors", "their home in
   Kharkiv") go to the people just mentioned.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from sitrep.records import Organization, Person, Place, Relation, Span
from sitrep.resources import Resources
from sitrep.stages.organizations import find_organizations, freeze, known_org_spans
from sitrep.stages.people_facts import LocalFacts, local_facts, parent_role, title_role
from sitrep.stages.people_lexicon import (
    AGE_WORDS,
    OCCUPATIONS,
    OFFICES,
    ORG_HEADS,
    SYMMETRIC_RELATIONS,
    Gender,
    inverse_relation,
    parse_age,
)
from sitrep.stages.people_links import (
    Description,
    PersonDraft,
    Sentences,
    find_descriptions,
    link_name,
    pronoun_mentions,
    recent_people,
    recent_window,
    resolve_description,
    resolve_pronoun,
)
from sitrep.stages.people_names import (
    NameCandidate,
    PlaceLookup,
    classify,
    find_name_candidates,
    looks_like_personal_name,
    overlaps_place,
    person_cues,
    place_like_names,
)
from sitrep.stages.registry import stage
from sitrep.stages.state import DocState

_SETTLEMENT_KINDS = ("city", "town", "village")
_ANAPHORIC_SETTLEMENT = re.compile(r"^(?:the|this|that)\s+(?:city|town|village)\b", re.IGNORECASE)
_BOTH = re.compile(
    r"\bboth\s+(?:aged\s+)?(?P<age>" + AGE_WORDS + r")\b(?:\s+and\s+(?P<role>[a-z]+))?"
    r"|\bboth\s+(?P<role_only>[a-z]+)\b",
    re.IGNORECASE,
)
_HOME = re.compile(
    r"\b(?P<poss>his|her|their)\s+home(?:\s+(?:city|town|village))?\s*(?:,|in|at)\s+(?:the\s+)?",
    re.IGNORECASE,
)


@stage("people", requires=("doc", "places"), assigns=("people", "organizations"))
def extract_people(state: DocState, resources: Resources) -> None:
    people, organizations = find_people(
        state.doc, state.text, state.places, resources.gazetteer.lookup
    )
    state.people = people
    state.organizations = organizations


def find_people(
    doc: Doc, text: str, places: Sequence[Place], lookup: PlaceLookup
) -> tuple[list[Person], list[Organization]]:
    """The people and organisations of one report."""
    known_orgs = known_org_spans(text)
    candidates = [
        c
        for c in find_name_candidates(doc, text)
        if not overlaps_place(c.mention, places)
        and not any(c.name.overlaps(o) and c.label != "ORG" for o in known_orgs)
    ]
    place_names = frozenset(m.text for p in places for m in p.mentions)
    person_names, org_names = _split_candidates(text, candidates, lookup, place_names)
    place_spans = [m for p in places for m in p.mentions]
    person_spans = [c.mention for c in person_names]
    organizations = freeze(find_organizations(doc, text, org_names, place_spans + person_spans))
    drafts = _PeopleBuilder(doc, text, places, organizations).build(person_names)
    return _freeze_people(drafts), organizations


def _split_candidates(
    text: str,
    candidates: Sequence[NameCandidate],
    lookup: PlaceLookup,
    place_names: frozenset[str] = frozenset(),
) -> tuple[list[NameCandidate], list[NameCandidate]]:
    """People and organisations among the names; a name already judged a person's
    elsewhere in the report is a person's here too ("Volodymyr's life"), and a name the
    places stage found as a place elsewhere is no person without a cue of its own
    ("the Catatumbo region" … "Catatumbo has lived with armed groups")."""
    cues = {c: person_cues(text, c) for c in candidates}
    verdicts = {c: classify(text, c, cues[c], lookup) for c in candidates}
    for c, verdict in verdicts.items():
        if verdict == "person" and c.name.text in place_names and not cues[c].any:
            verdicts[c] = "neither"
    places_or_storms = place_like_names(text, candidates)
    for c, verdict in verdicts.items():
        if verdict == "person" and c.name.text in places_or_storms and not cues[c].strong:
            verdicts[c] = "neither"
    known_words = {w for c, v in verdicts.items() if v == "person" for w in c.name.text.split()}
    known_names = {c.name.text for c, v in verdicts.items() if v == "person"}
    for c, verdict in verdicts.items():
        name = c.name.text
        if verdict == "person" or not looks_like_personal_name(name):
            continue
        if any(w.lower() in ORG_HEADS for w in name.split()):
            continue
        if name in known_names or (len(name.split()) == 1 and name in known_words):
            verdicts[c] = "person"
    people = [c for c in candidates if verdicts[c] == "person"]
    orgs = [c for c in candidates if verdicts[c] == "org"]
    return people, orgs


@dataclass(frozen=True, slots=True)
class _Item:
    start: int
    name: NameCandidate | None = None
    description: Description | None = None
    pronoun: tuple[Span, Gender] | None = None


class _PeopleBuilder:
    """Walks a report's person references in text order (see the module docstring)."""

    def __init__(
        self, doc: Doc, text: str, places: Sequence[Place], organizations: Sequence[Organization]
    ) -> None:
        self.doc = doc
        self.text = text
        self.places = places
        self.organizations = organizations
        self.sentences = Sentences(doc)
        self.people: list[PersonDraft] = []

    def build(self, names: Sequence[NameCandidate]) -> list[PersonDraft]:
        facts = {c: local_facts(self.text, c) for c in names}
        descriptors = [f.descriptor for f in facts.values() if f.descriptor is not None]
        claimed = [c.mention for c in names] + descriptors
        org_mentions = [m for o in self.organizations for m in o.mentions]
        items = [_Item(c.mention.start, name=c) for c in names]
        items += [
            _Item(d.span.start, description=d)
            for d in find_descriptions(self.doc, self.text)
            if not any(d.span.overlaps(s) for s in claimed)
            and not any(d.head.overlaps(m) for m in org_mentions)
        ]
        items += [_Item(p[0].start, pronoun=p) for p in pronoun_mentions(self.doc, self.text)]
        for item in sorted(items, key=lambda i: i.start):
            if item.name is not None:
                self._add_name(item.name, facts[item.name])
            elif item.description is not None:
                self._add_description(item.description)
            elif item.pronoun is not None:
                self._add_pronoun(*item.pronoun)
        self._pair_facts()
        return [p for p in self.people if p.mentions]

    # -- names

    def _add_name(self, candidate: NameCandidate, facts: LocalFacts) -> None:
        words = candidate.name.text.split()
        cues = person_cues(self.text, candidate)
        gender = cues.gender or facts.gender
        person = link_name(self.people, words, gender)
        relation_owner = self._relation_owner(facts, candidate.mention.start, person)
        if person is None:
            person = PersonDraft(words=words)
            self.people.append(person)
        elif len(words) > len(person.words):
            person.words = words
        person.mentions.append(candidate.mention)
        if facts.descriptor is not None:
            person.mentions.append(facts.descriptor)
        if candidate.title:
            person.titles.add(candidate.title)
            # "Dr Sana Baloch": a title that is an occupation is the role when none is said.
            person.role = person.role or facts.role or title_role(self.text, candidate)
        person.gender = person.gender or gender
        person.age = person.age or facts.age
        person.role = person.role or facts.role
        if facts.place_text is not None:
            person.place = person.place or self._place_in(facts.place_text)
        if facts.affiliation_text is not None:
            person.affiliation = person.affiliation or self._org_in(facts.affiliation_text)
        # No organisation named: the side the role gives ("a Ukrainian soldier").
        person.affiliation = person.affiliation or facts.side
        if facts.relation is not None and relation_owner is not None:
            _relate(person, facts.relation[0], relation_owner)

    def _relation_owner(
        self, facts: LocalFacts, offset: int, person: PersonDraft | None
    ) -> PersonDraft | None:
        """Whose brother/lover the named person is: "her" -> the recent woman."""
        if facts.relation is None:
            return None
        possessor = facts.relation[1]
        if possessor[:1].isupper() and possessor.lower() not in ("her", "his", "their"):
            owner_word = re.sub(r"['’]s?$", "", possessor)
            return link_name(self.people, [owner_word], None)
        pronoun_gender: dict[str, Gender] = {"her": "f", "his": "m"}
        wanted = pronoun_gender.get(possessor.lower())
        if wanted is None:
            return None
        others = [p for p in recent_window(self.people, self.sentences, offset) if p is not person]
        for p in others:
            if p.gender == wanted:
                return p
        unknown = [p for p in others if p.gender is None]
        return unknown[0] if len(unknown) == 1 else None

    # -- descriptions and pronouns

    def _add_description(self, description: Description) -> None:
        person = resolve_description(self.people, self.sentences, description)
        if person is None:
            if description.speaks and (
                description.noun in OFFICES or description.noun in OCCUPATIONS
            ):
                self._add_described_person(description)
            return
        person.mentions.append(description.span)
        person.age = person.age or description.age
        person.gender = person.gender or description.gender
        person.role = person.role or parent_role(self.text, description.span.start)

    def _add_described_person(self, description: Description) -> None:
        """A speaker known only by office ("the leader of the … administration informed")."""
        text = description.span.text
        role = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
        person = PersonDraft(words=[], mentions=[description.span], role=role, description=text)
        person.affiliation = self._org_in(description.span)
        self.people.append(person)

    def _add_pronoun(self, span: Span, gender: Gender) -> None:
        person = resolve_pronoun(self.people, self.sentences, span.start, gender)
        if person is not None:
            person.mentions.append(span)
            person.gender = person.gender or gender

    # -- facts about pairs

    def _pair_facts(self) -> None:
        for match in _BOTH.finditer(self.text):
            pair = recent_people(self.people, self.sentences, match.start())[:2]
            if len(pair) < 2:
                continue
            age = parse_age(match.group("age")) if match.group("age") else None
            role = _singular(match.group("role") or match.group("role_only") or "")
            for person in pair:
                person.age = person.age or age
                if role in OCCUPATIONS:
                    person.role = person.role or role
        for match in _HOME.finditer(self.text):
            place = self._place_at(match.end())
            if place is None:
                continue
            for person in self._owners(match.group("poss").lower(), match.start()):
                person.place = person.place or place

    def _owners(self, possessor: str, offset: int) -> list[PersonDraft]:
        here = self.sentences.index(offset)
        in_sentence = [
            p
            for p in recent_people(self.people, self.sentences, offset)
            if any(self.sentences.index(m.start) == here for m in p.mentions)
        ]
        if possessor == "their":
            return in_sentence if len(in_sentence) >= 2 else []
        wanted = "f" if possessor == "her" else "m"
        return [p for p in in_sentence if p.gender == wanted][:1]

    # -- places and organisations

    def _place_in(self, span: Span) -> str | None:
        """The place a phrase names, or the settlement "the town" refers back to."""
        for place in self.places:
            if any(span.start <= m.start and m.end <= span.end for m in place.mentions):
                return place.id
        if _ANAPHORIC_SETTLEMENT.match(span.text):
            return self._last_settlement_before(span.start)
        return None

    def _place_at(self, offset: int) -> str | None:
        for place in self.places:
            if any(m.start == offset for m in place.mentions):
                return place.id
        return None

    def _last_settlement_before(self, offset: int) -> str | None:
        best: tuple[int, str] | None = None
        for place in self.places:
            if place.kind not in _SETTLEMENT_KINDS or place.metonymy:
                continue
            for m in place.mentions:
                if m.end <= offset and (best is None or m.start > best[0]):
                    best = (m.start, place.id)
        return best[1] if best else None

    def _org_in(self, span: Span) -> str | None:
        for org in self.organizations:
            if any(span.start <= m.start and m.end <= span.end for m in org.mentions):
                return org.id
        return None


def _singular(word: str) -> str:
    lower = word.lower()
    if lower.endswith("esses"):
        return lower[:-2]
    return lower[:-1] if lower.endswith("s") else lower


def _relate(person: PersonDraft, relation_type: str, owner: PersonDraft) -> None:
    """``person`` is ``owner``'s <relation>; symmetric relations go both ways."""
    if owner is person:
        return
    person.relations.append((relation_type, owner))
    if relation_type in SYMMETRIC_RELATIONS:
        owner.relations.append((relation_type, person))


def _add_inverse_relations(drafts: Sequence[PersonDraft]) -> None:
    """ "her brother, Nikita" also makes her Nikita's sister (kin relations only)."""
    for draft in drafts:
        for relation_type, other in list(draft.relations):
            inverse = inverse_relation(relation_type, other.gender)
            if inverse is None or other is draft:
                continue
            if not any(o is draft for _, o in other.relations):
                other.relations.append((inverse, draft))


def _freeze_people(drafts: Sequence[PersonDraft]) -> list[Person]:
    """Records with ids "H1", … in order of first mention; relations point at ids."""
    _add_inverse_relations(drafts)
    ordered = sorted(drafts, key=lambda d: min(m.start for m in d.mentions))
    ids = {id(d): f"H{i}" for i, d in enumerate(ordered, start=1)}
    people: list[Person] = []
    for draft in ordered:
        relations: list[Relation] = []
        for relation_type, other in draft.relations:
            relation = Relation(relation_type, ids[id(other)])
            if id(other) in ids and relation not in relations:
                relations.append(relation)
        people.append(
            Person(
                id=ids[id(draft)],
                name=draft.name,
                mentions=_unique_sorted(draft.mentions),
                age=draft.age,
                role=draft.role,
                affiliation=draft.affiliation,
                place=draft.place,
                relations=tuple(relations),
            )
        )
    return people


def _unique_sorted(spans: Sequence[Span]) -> tuple[Span, ...]:
    return tuple(sorted(set(spans), key=lambda s: (s.start, s.end)))
