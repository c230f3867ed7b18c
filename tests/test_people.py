"""Behaviour of the people stage: who is a person, which mentions are theirs, what
the text says about them."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.records import Person, Place, Span
from sitrep.stages.people import extract_people
from sitrep.stages.people_lexicon import parse_age


def run(make_state: Any, resources: Any, text: str, places: list[Place] | None = None) -> Any:
    state = make_state(text)
    state.places = places or []
    extract_people(state, resources)
    for record in [*state.people, *state.organizations]:
        assert all(m.verify(text) for m in record.mentions)
    return state


def person(state: Any, name: str) -> Person:
    found = [p for p in state.people if p.name == name]
    assert found, f"no person {name!r} in {[p.name for p in state.people]}"
    return found[0]


def mention_of(state: Any, text: str, start_after: int = 0) -> str:
    """The name of the person owning the first mention ``text`` after ``start_after``."""
    for p in state.people:
        for m in p.mentions:
            if m.text == text and m.start >= start_after:
                return str(p.name)
    raise AssertionError(f"{text!r} is nobody's mention")


def place(pid: str, name: str, text: str, kind: Any = "city") -> Place:
    spans = []
    start = text.find(name)
    while start >= 0:
        spans.append(Span.of(text, start, start + len(name)))
        start = text.find(name, start + 1)
    return Place(id=pid, name=name, mentions=tuple(spans), kind=kind)


# ----------------------------------------------------------------- seed 003


@pytest.fixture(scope="module")
def state_003(seed_003: str, nlp: Any, resources: Any) -> Any:
    from sitrep.ingest.document import RawDocument
    from sitrep.stages.state import DocState

    state = DocState(
        raw=RawDocument(text=seed_003, origin="<seed>"), text=seed_003, doc=nlp(seed_003)
    )
    extract_people(state, resources)
    return state


@pytest.mark.parametrize(
    ("name", "age", "role"),
    [
        ("Anastasia Onishchuk", 21, "actor"),
        ("Anton Glazunov", 21, "actor"),
        ("Nikita Onishchuk", None, None),
        ("Valery Marchenko", None, "mayor of Izyum"),
    ],
)
def test_seed_003_people_with_their_descriptors(
    state_003: Any, name: str, age: int | None, role: str | None
) -> None:
    p = person(state_003, name)
    assert (p.age, p.role) == (age, role)


@pytest.mark.parametrize(
    ("mention", "owner"),
    [
        ("Ms. Onishchuk", "Anastasia Onishchuk"),
        ("the lady", "Anastasia Onishchuk"),
        ("Mr. Onishchuk", "Nikita Onishchuk"),
        ("Mr. Glazunov", "Anton Glazunov"),
        ("Mr. Marchenko", "Valery Marchenko"),
        ("the mayor of Izyum", "Valery Marchenko"),
    ],
)
def test_seed_003_titles_and_descriptions_join_their_person(
    state_003: Any, mention: str, owner: str
) -> None:
    assert mention_of(state_003, mention) == owner


def test_seed_003_relations_point_at_the_right_person(state_003: Any) -> None:
    anastasia = person(state_003, "Anastasia Onishchuk")
    anton = person(state_003, "Anton Glazunov")
    nikita = person(state_003, "Nikita Onishchuk")
    assert ("brother", anastasia.id) in {(r.type, r.of) for r in nikita.relations}
    assert ("sister", nikita.id) in {(r.type, r.of) for r in anastasia.relations}
    assert ("partner", anton.id) in {(r.type, r.of) for r in anastasia.relations}
    assert ("partner", anastasia.id) in {(r.type, r.of) for r in anton.relations}


@pytest.mark.parametrize("place_name", ["Kryvyi Rih", "Kharkiv"])
def test_seed_003_places_tagged_person_are_not_people(state_003: Any, place_name: str) -> None:
    assert all(m.text != place_name for p in state_003.people for m in p.mentions)
    assert all(p.name != place_name for p in state_003.people)


def test_seed_003_unnamed_official_speaker_is_a_person_with_role(state_003: Any) -> None:
    leader = [p for p in state_003.people if p.role and p.role.startswith("leader of")]
    assert len(leader) == 1
    assert leader[0].affiliation is not None


def test_seed_003_ids_follow_first_mention(state_003: Any) -> None:
    starts = [min(m.start for m in p.mentions) for p in state_003.people]
    assert starts == sorted(starts)
    assert [p.id for p in state_003.people] == [f"H{i}" for i in range(1, len(starts) + 1)]


# ----------------------------------------------------------------- seed 000


@pytest.fixture(scope="module")
def state_000(seed_000: str, nlp: Any, resources: Any) -> Any:
    from sitrep.ingest.document import RawDocument
    from sitrep.stages.state import DocState

    state = DocState(
        raw=RawDocument(text=seed_000, origin="<seed>"), text=seed_000, doc=nlp(seed_000)
    )
    extract_people(state, resources)
    return state


@pytest.mark.parametrize(
    ("name", "age", "role"),
    [("Volodymyr", 41, "resident"), ("Anastasia", 26, None), ("Andriy", 62, "soldier")],
)
def test_seed_000_first_names_tagged_org_are_people_with_ages(
    state_000: Any, name: str, age: int, role: str | None
) -> None:
    p = person(state_000, name)
    assert (p.age, p.role) == (age, role)


def test_seed_000_description_and_possessive_join_volodymyr(state_000: Any) -> None:
    volodymyr = person(state_000, "Volodymyr")
    texts = [m.text for m in volodymyr.mentions]
    assert "the 41-year-old" in texts
    assert texts.count("Volodymyr") == 3


def test_seed_000_keyboard_shortcut_and_places_are_not_people(state_000: Any) -> None:
    names = {p.name for p in state_000.people}
    assert names == {"Volodymyr", "Anastasia", "Andriy"}


def test_seed_000_afp_is_media(state_000: Any) -> None:
    afp = [o for o in state_000.organizations if o.name == "AFP"]
    assert len(afp) == 1 and afp[0].kind == "media"


# ----------------------------------------------------------------- rules on short texts


def test_neighbours_keep_their_own_ages(make_state: Any, resources: Any) -> None:
    state = run(make_state, resources, "Ivan Petrenko, 34, and Olena Kovalenko, 52, were injured.")
    assert person(state, "Ivan Petrenko").age == 34
    assert person(state, "Olena Kovalenko").age == 52


@pytest.mark.parametrize(
    ("text", "name", "age"),
    [
        ("Twenty-six-year-old Oksana Melnyk said she was happy.", "Oksana Melnyk", 26),
        ("Petro Bondar, a 62-year-old farmer, said the war had come.", "Petro Bondar", 62),
        ("Oksana Melnyk and Petro Bondar, who are both 30, fled.", "Oksana Melnyk", 30),
        ("Oksana Melnyk and Petro Bondar, who are both 30, fled.", "Petro Bondar", 30),
    ],
)
def test_age_from_premodifier_apposition_and_both(
    make_state: Any, resources: Any, text: str, name: str, age: int
) -> None:
    assert person(run(make_state, resources, text), name).age == age


@pytest.mark.parametrize(
    ("words", "value"),
    [("41", 41), ("Twenty-six", 26), ("sixty two", 62), ("nineteen", 19), ("1000", None)],
)
def test_ages_written_as_words_count(words: str, value: int | None) -> None:
    assert parse_age(words) == value


def test_place_claimed_by_the_places_stage_is_not_a_person(make_state: Any, resources: Any) -> None:
    text = "Nikita Onishchuk was shelled again on Monday."
    claimed = place("P1", "Nikita Onishchuk", text)
    assert run(make_state, resources, text, [claimed]).people == []


def test_resident_of_the_town_gets_the_town_just_named(make_state: Any, resources: Any) -> None:
    text = (
        "Izyum was recaptured in 2022.\n\nVolodymyr, a resident of the town near the "
        "frontline, wandered around."
    )
    state = run(make_state, resources, text, [place("P1", "Izyum", text, "town")])
    volodymyr = person(state, "Volodymyr")
    assert (volodymyr.role, volodymyr.place) == ("resident", "P1")


def test_their_home_in_a_place_goes_to_both(make_state: Any, resources: Any) -> None:
    text = "Oksana Melnyk and Petro Bondar fled from their home in Kharkiv."
    state = run(make_state, resources, text, [place("P1", "Kharkiv", text)])
    assert person(state, "Oksana Melnyk").place == "P1"
    assert person(state, "Petro Bondar").place == "P1"


def test_ambiguous_pronoun_is_left_unlinked(make_state: Any, resources: Any) -> None:
    state = run(
        make_state, resources, "Ivan Bondar met Petro Sydorenko in the square. He said it ended."
    )
    assert all(m.text != "He" for p in state.people for m in p.mentions)


def test_pronoun_joins_the_one_compatible_person(make_state: Any, resources: Any) -> None:
    state = run(
        make_state, resources, "Ms. Olena Kovalenko met Petro Sydorenko. She said it ended."
    )
    assert mention_of(state, "She") == "Olena Kovalenko"


def test_bare_first_name_links_only_when_first_names_match(make_state: Any, resources: Any) -> None:
    text = "Anna Shevchenko left the city. Olena said she stayed. Anna returned in May."
    state = run(make_state, resources, text)
    assert mention_of(state, "Anna", start_after=40) == "Anna Shevchenko"
    assert {p.name for p in state.people} == {"Anna Shevchenko", "Olena"}


def test_title_description_refers_back(make_state: Any, resources: Any) -> None:
    text = "Dr. Maria Petrova treated the wounded. The doctor said supplies were short."
    state = run(make_state, resources, text)
    assert mention_of(state, "The doctor") == "Maria Petrova"
    assert len(state.people) == 1


def test_family_noun_gives_relation_and_gender(make_state: Any, resources: Any) -> None:
    text = (
        "Ms. Olena Kovalenko stayed in the city. Her son, Taras Kovalenko, left. "
        "Mr. Kovalenko said the roads were closed."
    )
    state = run(make_state, resources, text)
    olena, taras = person(state, "Olena Kovalenko"), person(state, "Taras Kovalenko")
    assert ("son", olena.id) in {(r.type, r.of) for r in taras.relations}
    assert mention_of(state, "Mr. Kovalenko") == "Taras Kovalenko"
