"""Volcanoes (round 22, docs/PLACES.md and docs/EVENTS.md "Round 22"): the hand table
names the volcanoes crisis news reports on, a bare volcano's name in a report about its
country is a place, and an eruption is a disaster placed at the volcano that erupts."""

from __future__ import annotations

from typing import Any

import pytest

from events_support import events_with_places
from places_support import MakeState, by_mention, run
from sitrep.gazetteer import Gazetteer
from sitrep.records import Place, Span
from sitrep.resources import Resources


@pytest.mark.parametrize(
    ("name", "country"),
    [("Kanlaon", "PH"), ("Mount Marapi", "ID"), ("Semeru", "ID"), ("Nyiragongo", "CD"),
     ("Mount Etna", "IT"), ("Volcán de Fuego", "GT"), ("Hunga Tonga", "TO")],
)  # fmt: skip
def test_a_well_known_volcano_is_in_the_default_gazetteer(
    gazetteer: Gazetteer, name: str, country: str
) -> None:
    volcanoes = [c for c in gazetteer.lookup(name) if c.feature_code == "VLC"]
    assert volcanoes and volcanoes[0].country == country and volcanoes[0].kind == "other"


def test_a_volcano_shares_no_bare_name_with_a_province(gazetteer: Gazetteer) -> None:
    # "Cotopaxi" alone is Ecuador's province; the volcano needs its word.
    assert not [c for c in gazetteer.lookup("Cotopaxi") if c.feature_code == "VLC"]
    assert [c for c in gazetteer.lookup("Cotopaxi volcano") if c.feature_code == "VLC"]


def test_a_bare_volcano_name_in_a_report_about_its_country_is_a_place(
    make_state: MakeState, resources: Resources
) -> None:
    text = (
        "Thousands fled their homes in the Philippines on Monday. "
        "Kanlaon last erupted explosively in June, officials in Manila said."
    )
    volcano = by_mention(run(make_state, resources, text), "Kanlaon")
    assert volcano is not None and volcano.kind == "other" and volcano.lat is not None


def _volcano_and_town(text: str) -> list[Place]:
    def at(name: str, kind: str, lat: float, pid: str) -> Place:
        start = text.index(name)
        return Place(id=pid, name=name, kind=kind, country="XX", lat=lat, lon=0.0,  # type: ignore[arg-type]
                     mentions=(Span.of(text, start, start + len(name)),))  # fmt: skip

    return [at("Kestrel", "town", 10.0, "P1"), at("Orvan", "other", 11.0, "P2")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Orvan erupted on Sunday, sending ash over Kestrel; the Orvan volcano had slept for years.",
        "Mount Orvan erupted on Sunday, sending ash over Kestrel.",
        "The eruption of Orvan on Sunday sent ash over Kestrel.",
    ],
)
def test_an_eruption_is_a_disaster_at_the_volcano(
    make_state: Any, resources: Any, sentence: str
) -> None:
    events = events_with_places(make_state, resources, sentence, _volcano_and_town(sentence))
    assert ("disaster", "Orvan") in [(k, p) for k, p, _ in events]


def test_violence_that_erupts_is_no_eruption(make_state: Any, resources: Any) -> None:
    text = "Clashes erupted in Kestrel on Sunday, and Orvan was quiet."
    events = events_with_places(make_state, resources, text, _volcano_and_town(text))
    assert "disaster" not in [k for k, _, _ in events]


def test_gunfire_that_erupts_is_placed_where_it_erupts(make_state: Any, resources: Any) -> None:
    text = "Gunfire from Orvan erupted in Kestrel on Monday."
    events = events_with_places(make_state, resources, text, _volcano_and_town(text))
    assert [(k, p) for k, p, _ in events] == [("armed_clash", "Kestrel")]


def test_a_crater_or_an_eruption_of_joy_makes_no_town_a_volcano(
    make_state: Any, resources: Any
) -> None:
    text = "Shelling left a crater in the road. Orvan erupted in joy on Monday near Kestrel."
    events = events_with_places(make_state, resources, text, _volcano_and_town(text))
    assert "disaster" not in [k for k, _, _ in events]


def test_the_taal_volcano_shares_no_bare_name_with_the_town(gazetteer: Gazetteer) -> None:
    assert [c.kind for c in gazetteer.lookup("Taal")] == ["city"]
    assert [c.feature_code for c in gazetteer.lookup("Taal volcano")] == ["VLC"]


def test_a_capitalised_first_word_names_no_feature(
    make_state: MakeState, resources: Resources
) -> None:
    text = "Major dam failures were reported across Libya on Monday, officials said."
    assert by_mention(run(make_state, resources, text), "Major dam") is None
