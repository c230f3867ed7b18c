"""Parts of a counted group, and the single person a toll names (figures round 10).

A toll is often split after it is told: "23 wounded people, nine of them children",
"Four of the dead were fighters; the other two were civilians", "Two of the wounded were
flown to the capital". The part is a figure of its own, and it counts what its group
counts. A group named by a participle or adjective ("the dead", "the wounded") says it
itself; a pronoun ("of them", "of whom") or a remainder ("the other two") refers back to
the last count of people before it.

A toll of one is told with "one" as a number, not an article: "killed one worker",
"one soldier was wounded", "One man drowned". "one" counts a person there because a
verb of harm governs it.

A number followed by the state its people are in is a toll of its own, whatever the
parser made of a headline: "Two dead, nine injured as drones hit ...", "Eleven dead, four
missing", "17 injured".

Every function here reads the parse of one number's token.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

# Groups named by what happened to them: "of the dead", "of the wounded".
GROUP_QUANTITIES: dict[str, str] = {
    "dead": "killed", "killed": "killed", "wounded": "injured", "injured": "injured",
    "missing": "missing", "detained": "arrested", "arrested": "arrested",
    "displaced": "displaced", "evacuated": "evacuated",
}  # fmt: skip
# Pronouns a part refers back to its group with: "nine of them", "two of whom".
_BACK_PRONOUNS = frozenset({"them", "whom", "those", "these"})
# Verbs whose subject or object, counted as one person, is a toll of one.
HARM_VERBS: dict[str, str] = {
    "kill": "killed", "die": "killed", "drown": "killed", "wound": "injured",
    "injure": "injured", "hurt": "injured", "abduct": "abducted", "kidnap": "abducted",
}  # fmt: skip
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})


def _of_object(token: Token) -> Token | None:
    """The object of the number's own "of": "them" in "nine of them"."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def group_quantity(token: Token) -> str | None:
    """What the group a part is taken from counts: "Two of the dead" (killed), "seven of
    the wounded" (injured); None where the group is no count of harm."""
    group = _of_object(token)
    if group is None:
        return None
    return GROUP_QUANTITIES.get(group.lower_)


def refers_back(token: Token) -> bool:
    """Whether the number is a part or the rest of a group told before it: "nine of
    them", "two of whom", "the other four"."""
    group = _of_object(token)
    if group is not None and group.lower_ in _BACK_PRONOUNS:
        return True
    previous = token.doc[token.i - 1] if token.i > 0 else None
    before = token.doc[token.i - 2] if token.i > 1 else None
    return (
        previous is not None and previous.lower_ == "other"
        and before is not None and before.lower_ == "the"
    )  # fmt: skip


def is_part_of_a_group(token: Token) -> bool:
    """A part of a group of harmed people, or one that refers back to a group."""
    return group_quantity(token) is not None or refers_back(token)


def harmed_one(token: Token, is_person: Callable[[str], bool]) -> str | None:
    """What a verb of harm did to "one" person: "killed one worker", "one soldier was
    wounded", "killing one of its guards", "One man drowned"; None otherwise."""
    if token.lower_ != "one":
        return None
    if token.dep_ == "nummod":
        counted = token.head
        if not is_person(counted.lemma_.lower()):
            return None
    else:
        group = _of_object(token)
        if group is None or not is_person(group.lemma_.lower()):
            return None
        counted = token
    while counted.dep_ == "conj" and counted.head.i != counted.i:
        counted = counted.head  # "Three rebels and one soldier were killed"
    if counted.dep_ not in _ARGUMENT_DEPS or counted.head.pos_ != "VERB":
        return None
    return HARM_VERBS.get(counted.head.lemma_.lower())


# What a state word right after a number says it counts: "Two dead", "nine injured".
STATE_AFTER: dict[str, str] = {
    "dead": "killed", "killed": "killed", "injured": "injured", "wounded": "injured",
    "hurt": "injured", "missing": "missing", "arrested": "arrested", "detained": "arrested",
    "displaced": "displaced", "evacuated": "evacuated", "abducted": "abducted",
    "kidnapped": "abducted", "homeless": "displaced",
}  # fmt: skip


def state_after(token: Token) -> str | None:
    """The quantity the word right after the number names, where that word says what
    befell those counted rather than describing a noun after it ("two injured
    protesters" is told by its noun's modifier, the same answer)."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if following is None or following.is_space:
        return None
    return STATE_AFTER.get(following.lower_)
