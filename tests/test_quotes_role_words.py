"""A description ("the surgeon said") finds the person whose role names it as a whole word."""

from __future__ import annotations

import pytest

from sitrep.records import Person, Span
from sitrep.stages.quotes_speakers import SpeakerIndex

TEXT = "Amal Nasser, head of the district office, and Omar Haddad, a surgeon, spoke."


def _person(pid: str, name: str, role: str) -> Person:
    start = TEXT.index(name)
    return Person(id=pid, name=name, mentions=(Span.of(TEXT, start, start + len(name)),), role=role)


PEOPLE = [
    _person("p1", "Amal Nasser", "head of the district office"),
    _person("p2", "Omar Haddad", "surgeon"),
]


@pytest.mark.parametrize(
    ("phrase", "head", "speaker"),
    [
        ("the surgeon", "surgeon", "p2"),
        ("the surgeons", "surgeon", "p2"),
        ("the head", "head", "p1"),
    ],
)
def test_a_description_finds_the_person_whose_role_names_it(
    phrase: str, head: str, speaker: str
) -> None:
    index = SpeakerIndex.build(TEXT + " " + phrase, PEOPLE, [], [])
    span = Span.of(index.text, len(TEXT) + 1, len(index.text))
    assert index._by_description(span, head) == speaker


@pytest.mark.parametrize("head", ["he", "hea", "ice", "office", "district"])
def test_part_of_a_role_word_or_its_complement_is_not_a_description(head: str) -> None:
    # "he" is inside "head"; "office" and "district" only complement "head of ...".
    index = SpeakerIndex.build(TEXT, PEOPLE, [], [])
    assert index._by_description(Span.of(TEXT, 0, 4), head) is None
