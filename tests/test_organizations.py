"""Behaviour of the organisations half of the people stage."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep.records import Span
from sitrep.stages.organizations import _containment_test
from sitrep.stages.people import extract_people


def organizations(make_state: Any, resources: Any, text: str) -> dict[str, Any]:
    state = make_state(text)
    extract_people(state, resources)
    for org in state.organizations:
        assert all(m.verify(text) for m in org.mentions)
    return {o.name: o for o in state.organizations}


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("The official told AFP on Monday that the bridge was down.", "AFP", "media"),
        ("NATO ministers met in Brussels.", "NATO", "military alliance"),
        ("The UNHCR said thousands had fled.", "UNHCR", "un agency"),
        ("Doctors Without Borders said the clinic was hit.", "Doctors Without Borders", "ngo"),
        (
            "The Ministry of Defence said the attack was repelled.",
            "Ministry of Defence",
            "government",
        ),
        (
            "The city was hit, the official Ukrainian news agency reported.",
            "official Ukrainian news agency",
            "media",
        ),
    ],
)
def test_named_and_described_organisations_have_a_kind(
    make_state: Any, resources: Any, text: str, name: str, kind: str
) -> None:
    orgs = organizations(make_state, resources, text)
    assert name in orgs and orgs[name].kind == kind


def test_russian_troops_forces_soldiers_are_one_collective_actor(
    make_state: Any, resources: Any
) -> None:
    text = "Russian troops advanced. Russian forces shelled the town. Russian soldiers left."
    orgs = organizations(make_state, resources, text)
    russian = orgs["Russian forces"]
    assert russian.kind == "military"
    assert [m.text for m in russian.mentions] == [
        "Russian troops",
        "Russian forces",
        "Russian soldiers",
    ]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "Some 7,000 people returned, according to local authorities.",
            "local authorities",
            "government",
        ),
        ("Kyiv's forces pushed them back.", "Kyiv's forces", "military"),
    ],
)
def test_collective_actors(
    make_state: Any, resources: Any, text: str, name: str, kind: str
) -> None:
    orgs = organizations(make_state, resources, text)
    assert orgs[name].kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "You can also highlight the text and press Ctrl + Enter",
        "The Russian said nothing in March.",
    ],
)
def test_shortcuts_months_and_nationalities_are_nobody(
    make_state: Any, resources: Any, text: str
) -> None:
    state = make_state(text)
    extract_people(state, resources)
    assert state.people == [] and state.organizations == []


def test_acronym_joins_its_long_name(make_state: Any, resources: Any) -> None:
    text = "The United Nations warned of famine. The UN said aid was blocked."
    orgs = organizations(make_state, resources, text)
    assert len(orgs) == 1
    assert [m.text for m in next(iter(orgs.values())).mentions] == ["United Nations", "UN"]


@given(
    containers=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)), max_size=12),
    probe=st.tuples(st.integers(0, 60), st.integers(0, 20)),
)
def test_the_containment_test_agrees_with_checking_every_container(
    containers: list[tuple[int, int]], probe: tuple[int, int]
) -> None:
    text = "x" * 100
    spans = [Span.of(text, start, start + length) for start, length in containers]
    span = Span.of(text, probe[0], probe[0] + probe[1])
    expected = any(c.start <= span.start and span.end <= c.end for c in spans)
    assert _containment_test(spans)(span) is expected
