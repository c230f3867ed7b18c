"""What the words right around a person's name say about them.

"Twenty-six-year-old Anastasia", "Andriy, a 62-year-old who … as a soldier",
"the mayor of Izyum, Valery Marchenko", "her brother, Nikita Onishchuk",
"Volodymyr, a resident of the town". Only the apposition touching the name is
read, so one person's age never leaks onto a neighbour in the same sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.records import Span
from sitrep.stages.events_rules import GOVERNMENT_NOUNS, MILITARY_NOUNS, SIDES
from sitrep.stages.people_lexicon import (
    AGE_WORDS,
    FAMILY,
    OFFICE_TITLES,
    OFFICES,
    PERSON_NOUNS,
    RESIDENCE_ROLES,
    ROLE_NOUNS,
    TITLE_ROLES,
    Gender,
    parse_age,
)
from sitrep.stages.people_names import NameCandidate

_AGE_PREMODIFIER = re.compile(r"\b(" + AGE_WORDS + r")[\s-]+years?[\s-]+old\s+$", re.IGNORECASE)
_DESCRIPTOR_BEFORE = re.compile(
    r"(?P<desc>\b(?P<det>(?i:the|a|an|his|her|their|its|my|our)|[A-Z][\w'’-]*['’]s)\s+"
    r"(?P<mods>(?:[\w'’-]+\s+){0,3}?)(?P<noun>[a-z]+)"
    r"(?P<of>\s+(?:of|for|at|in)\s+[^,.;:“”\"\n]{1,90}?)?)\s*,\s*$"
)
_ROLE_PREMODIFIER = re.compile(r"\b(?P<noun>[a-z]+)\s+$")
_APPOSITION = re.compile(r"\s*,\s*(?P<body>[^,.;:“”\"]{1,160})")
_AGE_ALONE = re.compile(r"^(?:aged\s+)?(?P<age>" + AGE_WORDS + r")\s*$", re.IGNORECASE)
_AGE_PHRASE = re.compile(
    r"^(?:(?:a|an)\s+)?(?P<age>" + AGE_WORDS + r")[\s-]+years?[\s-]+old\b", re.IGNORECASE
)
# "a 37-year-old vegetable seller", "an architect who grew up in …": the head of an
# indefinite apposition is the person's role even when the lexicon lacks the noun.
_INDEFINITE_ROLE = re.compile(
    r"^(?:a|an)\s+(?:(?:" + AGE_WORDS + r")[\s-]+years?[\s-]+old\s+)?"
    r"(?P<role>(?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]{2,})"
    r"(?=\s+(?:who|that|which|whose|from|in|at|with|of|for|near|since|and)\b|\s*$)"
)
# Capitalised words right before an office title: "Foreign", "Deputy Prime" …
_TITLE_MODIFIERS = re.compile(r"(?:\b[A-Z][a-z]+\s+){1,2}$")
# Sentence openers and function words that are capitalised but modify nothing.
_NOT_MODIFIERS = frozenset(
    {"The", "A", "An", "And", "But", "Or", "So", "Then", "When", "While", "After", "Before",
     "As", "If", "On", "In", "At", "By", "For", "From", "With", "Said", "Says", "Told",
     "Meanwhile", "Later", "Earlier", "Also", "Yet", "Both", "Even", "Only", "Today"}
)  # fmt: skip
# Heads of "the X of …" that are positions in a list, not roles ("the first of five").
_NOT_ROLES = frozenset(
    {"first", "second", "third", "last", "rest", "eldest", "youngest", "oldest", "one", "two",
     "many", "most", "some", "all", "none", "only", "same", "other"}
)  # fmt: skip
# "the owner of a guesthouse", "the head of the camp committee": a definite apposition
# whose head noun takes an "of" complement names what the person is, lexicon or not.
_DEFINITE_OF_ROLE = re.compile(r"^the\s+(?P<role>[a-z][a-z-]{2,})\s+of\s+\S")
_AS_ROLE = re.compile(r"\bas\s+an?\s+(?P<noun>[a-z]+)\b")
# "Dr Hodan Warsame, 33, one of the two surgeons": one of a group is that group's role.
_ONE_OF = re.compile(r"^one\s+of\s+(?:the|its|their|our)\s+(?:[a-z-]+\s+){0,2}?(?P<noun>[a-z]+)s\b")
_FROM_PLACE = re.compile(r"^(?:from|of)\s+(?P<place>.+)$")
_DETERMINERS = ("a", "an", "the", "his", "her", "their", "my", "our", "its")
# Words that end a role phrase: what follows is a clause about the person, not the role.
_ROLE_STOP = re.compile(r"\s+(?:who|that|which|whose|when|where|near|since)\b.*$")


@dataclass(slots=True)
class LocalFacts:
    """Facts about one named person read from the words touching the name."""

    age: int | None = None
    role: str | None = None
    gender: Gender | None = None
    # A description that is another mention of the person ("the lady, Anastasia …").
    descriptor: Span | None = None
    # (relation type, possessor word): "her brother, X" -> ("brother", "her").
    relation: tuple[str, str] | None = None
    # Where the text says the place of residence/origin is ("of the town", "from Kharkiv").
    place_text: Span | None = None
    # Where an office's organisation is named ("leader of the … administration").
    affiliation_text: Span | None = None
    # The side a nationality word in the role gives ("a Ukrainian soldier" -> "Ukraine:
    # military"), in the events' actor notation; used when no organisation is named.
    side: str | None = None


def local_facts(text: str, candidate: NameCandidate) -> LocalFacts:
    facts = LocalFacts()
    _read_before(text, candidate, facts)
    _read_apposition(text, candidate, facts)
    return facts


def _read_before(text: str, candidate: NameCandidate, facts: LocalFacts) -> None:
    window_start = _sentence_window_start(text, candidate.mention.start)
    before = text[window_start : candidate.mention.start]
    age = _AGE_PREMODIFIER.search(before)
    if age is not None:
        facts.age = parse_age(age.group(1))
    premodifier = _ROLE_PREMODIFIER.search(before)
    if premodifier is not None and premodifier.group("noun") in ROLE_NOUNS - RESIDENCE_ROLES:
        facts.role = premodifier.group("noun")
    match = _DESCRIPTOR_BEFORE.search(before)
    if match is None:
        return
    det, noun = match.group("det"), match.group("noun")
    desc_start = window_start + match.start("desc")
    desc_end = window_start + match.end("desc")
    if noun in FAMILY and det.lower() not in ("the", "a", "an"):
        relation_type, gender = FAMILY[noun]
        facts.relation = (relation_type, det)
        facts.gender = facts.gender or gender
    elif noun in PERSON_NOUNS:
        facts.gender = facts.gender or PERSON_NOUNS[noun]
        if det.lower() == "the":
            facts.descriptor = Span.of(text, desc_start, window_start + match.end("noun"))
    elif noun in ROLE_NOUNS:
        first_word = "mods" if match.group("mods") else "noun"
        role_start = window_start + match.start(first_word)
        # "The opposition says its candidate, X": the role starts after the last determiner.
        for word in re.finditer(r"[\w'’-]+", match.group("mods")):
            if word.group().lower() in _DETERMINERS:
                role_start = window_start + match.start("mods") + word.end() + 1
        _set_role(text, facts, noun, role_start, desc_end, window_start + match.end("noun"))
        if det.lower() == "the":
            facts.descriptor = Span.of(text, desc_start, desc_end)


def _sentence_window_start(text: str, offset: int) -> int:
    """At most 160 characters back, and never into the previous paragraph."""
    start = max(0, offset - 160)
    newline = text.rfind("\n", start, offset)
    return newline + 1 if newline >= 0 else start


def _set_role(text: str, facts: LocalFacts, noun: str, start: int, end: int, noun_end: int) -> None:
    """Offices keep modifiers and their "of X"; residents get X as their place."""
    phrase = text[start:end]
    trimmed = _ROLE_STOP.sub("", phrase).rstrip()
    complement = text[noun_end : start + len(trimmed)]
    facts.side = facts.side or _side_of(text[start:noun_end].lower().split(), noun)
    if noun in RESIDENCE_ROLES:
        facts.role = facts.role or noun
        place = re.match(r"^\s+(?:of|in|from)\s+", complement)
        if place is not None:
            facts.place_text = Span.of(text, noun_end + place.end(), start + len(trimmed))
    elif noun in OFFICES:
        facts.role = facts.role or trimmed
        of = re.match(r"^\s+(?:of|for|at|with)\s+", complement)
        if of is not None:
            facts.affiliation_text = Span.of(text, noun_end + of.end(), start + len(trimmed))
    else:
        facts.role = facts.role or noun


def _side_of(words: list[str], noun: str) -> str | None:
    """ "Ukrainian soldier" -> "Ukraine: military"; "Russian official" -> "Russia: government"."""
    country = next((SIDES[w] for w in words[:-1] if w in SIDES), None)
    if country is None:
        return None
    singular = noun[:-1] if noun.endswith("s") else noun
    if singular in MILITARY_NOUNS:
        return f"{country}: military"
    if singular in GOVERNMENT_NOUNS or singular in ("spokesman", "spokeswoman", "minister"):
        return f"{country}: government"
    return None


def _read_apposition(text: str, candidate: NameCandidate, facts: LocalFacts) -> None:
    match = _APPOSITION.match(text, candidate.name.end)
    if match is None:
        return
    stripped = match.group("body").strip()
    alone = _AGE_ALONE.match(stripped)
    if alone is not None:
        facts.age = facts.age or parse_age(alone.group("age"))
        # Wire style: "Anahit Grigoryan, 36, a nurse from Stepanakert" — the role is the
        # apposition after the age; a bare clause ("…, 36, said") is not one (needs a determiner).
        match = _APPOSITION.match(text, match.end())
        if match is None:
            return
        stripped = match.group("body").strip()
        if stripped.split(" ", 1)[0].lower() not in _DETERMINERS:
            _group_role(facts, match.group("body"))
            return
    body = match.group("body")
    body_start = match.start("body")
    if _group_role(facts, body):
        return
    phrase = _AGE_PHRASE.match(stripped)
    if phrase is not None:
        facts.age = facts.age or parse_age(phrase.group("age"))
    words = re.finditer(r"[\w'’-]+", body)
    tokens = [(w.group().lower(), body_start + w.start(), body_start + w.end()) for w in words]
    if not tokens:
        return
    origin = _FROM_PLACE.match(stripped)
    if origin is not None and len(tokens) <= 5:
        offset = body_start + body.index(stripped) + origin.start("place")
        facts.place_text = Span.of(text, offset, offset + len(origin.group("place")))
        return
    if tokens[0][0] not in _DETERMINERS:
        return
    for word, _, end in tokens[1:5]:
        if word in FAMILY and tokens[0][0] not in ("a", "an", "the"):
            relation_type, _ = FAMILY[word]
            facts.relation = facts.relation or (relation_type, tokens[0][0])
            return
        if word in PERSON_NOUNS:
            facts.gender = facts.gender or PERSON_NOUNS[word]
        if word in ROLE_NOUNS:
            _set_role(text, facts, word, tokens[1][1], body_start + len(body.rstrip()), end)
            return
    as_role = _AS_ROLE.search(body)
    if as_role is not None and as_role.group("noun") in ROLE_NOUNS:
        facts.role = facts.role or as_role.group("noun")
    facts.role = facts.role or _indefinite_role(stripped) or _definite_of_role(stripped)


# "the 31-year-old mother of four": a parent of so many children is what the description
# says the person is (every outside gold gives it as the role when no other is said).
_PARENT_OF = re.compile(
    r"^the\s+(?:(?:" + AGE_WORDS + r")[\s-]+years?[\s-]+old\s+)?"
    r"(?P<noun>mother|father|grandmother|grandfather)\s+of\s+"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b",
    re.IGNORECASE,
)


def parent_role(text: str, start: int) -> str | None:
    """ "mother" for "the 31-year-old mother of four" starting at ``start``."""
    match = _PARENT_OF.match(text[start : start + 80])
    return match.group("noun").lower() if match is not None else None


def _group_role(facts: LocalFacts, body: str) -> bool:
    """An apposition that is one of a group ("one of the two surgeons") sets the role."""
    member = _ONE_OF.match(_ROLE_STOP.sub("", body).rstrip())
    if member is not None and member.group("noun") in ROLE_NOUNS:
        facts.role = facts.role or member.group("noun")
        return True
    return False


def _indefinite_role(apposition: str) -> str | None:
    """The role an indefinite apposition gives, unless it is a kin or generic person noun."""
    match = _INDEFINITE_ROLE.match(apposition)
    if match is None:
        return None
    role = match.group("role")
    if any(word in FAMILY or word in PERSON_NOUNS for word in role.split()):
        return None
    return role


def _definite_of_role(apposition: str) -> str | None:
    """ "the owner of a guesthouse" -> "owner" (not kin or a generic person noun)."""
    match = _DEFINITE_OF_ROLE.match(apposition)
    if match is None:
        return None
    role = match.group("role")
    if role in FAMILY or role in PERSON_NOUNS or role in _NOT_ROLES:
        return None
    return role


def title_role(text: str, candidate: NameCandidate) -> str | None:
    """ "Prime Minister Nikol Pashinyan" -> "prime minister", "Foreign Minister X" ->
    "foreign minister": an office title before the name is the role when no other is said.
    Courtesy and kin titles ("Mr", "Sister") are not roles; abbreviations use TITLE_ROLES."""
    title = candidate.title
    if title is None or title not in OFFICE_TITLES:
        return None
    if title in TITLE_ROLES:
        return TITLE_ROLES[title]
    modifiers = _TITLE_MODIFIERS.search(
        text, max(0, candidate.mention.start - 40), candidate.mention.start
    )
    words = [
        w for w in (modifiers.group(0).split() if modifiers else []) if w not in _NOT_MODIFIERS
    ]
    # Only the capitalised words touching the title: "On Monday, Governor X" keeps "governor".
    return " ".join([*words, title]).lower()
