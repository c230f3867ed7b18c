"""The places stage, round 8: fragments and junk among places the gazetteer cannot
resolve. A whole hyphenated or multi-word name is tried before its pieces, a piece of a
longer name is never a place of its own, a people's name is no place, and a lone unknown
word needs the text to call it a place."""

from __future__ import annotations

import pytest

from places_support import MakeState, by_mention, run
from sitrep.gazetteer import Gazetteer
from sitrep.resources import Resources
from sitrep.stages.places_fragments import names_a_people


@pytest.mark.parametrize(
    ("text", "whole", "country"),
    [
        ("PORT-AU-PRINCE, March 6 — Armed gangs looted a food convoy.", "PORT-AU-PRINCE", "HT"),
        ("Santo Domingo has continued to deport thousands of people.", "Santo Domingo", "DO"),
    ],
)
def test_the_whole_name_is_looked_up_before_its_pieces(
    make_state: MakeState, resources: Resources, text: str, whole: str, country: str
) -> None:
    places = run(make_state, resources, text)
    place = by_mention(places, whole)
    assert place is not None and place.country == country and place.lat is not None
    pieces = [s.text for p in places for s in p.mentions if s.text in whole and s.text != whole]
    assert pieces == []


@pytest.mark.parametrize(
    ("text", "whole", "piece"),
    [
        ("Gangs killed 70 people in the town of Pont-Sondé in October.", "Pont-Sondé", "Pont"),
        ("He slept at a crowded school in the Pétion-Ville district.", "Pétion-Ville", "Ville"),
        ("Militias burned houses in the village of Bir-Tawil on Monday.", "Bir-Tawil", "Bir"),
    ],
)
def test_an_unknown_hyphenated_place_is_kept_whole(
    make_state: MakeState, resources: Resources, text: str, whole: str, piece: str
) -> None:
    places = run(make_state, resources, text)
    place = by_mention(places, whole)
    assert place is not None and place.lat is None
    assert by_mention(places, piece) is None


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        (
            "Floods hit the Philippines. A driver from Camarines Sur lost his boat.",
            ["Camarines", "Sur"],
        ),
        ("Floods hit the Philippines. Nine died in Camarines Sur, it said.", ["Camarines", "Sur"]),
        ("Farmers said the Bicol River burst its banks two days ago.", ["Bicol", "River"]),
    ],
)
def test_a_piece_of_a_longer_unknown_name_is_no_place(
    make_state: MakeState, resources: Resources, text: str, pieces: list[str]
) -> None:
    places = run(make_state, resources, text)
    assert all(by_mention(places, piece) is None for piece in pieces)


@pytest.mark.parametrize("word", ["Kyrgyz", "Tajik", "Uzbek", "Russian"])
def test_a_peoples_name_is_recognised_as_one(gazetteer: Gazetteer, word: str) -> None:
    assert names_a_people(word, gazetteer)


@pytest.mark.parametrize("word", ["Kuriga", "Kherson", "Pakistan"])
def test_a_place_name_is_no_peoples_name(gazetteer: Gazetteer, word: str) -> None:
    assert not names_a_people(word, gazetteer)


@pytest.mark.parametrize(
    ("text", "peoples"),
    [
        ("Fighting in Kyrgyz-Tajik areas went on for a week.", "Kyrgyz-Tajik"),
        ("Thousands fled Kyrgyz and Tajik border villages after fighting in Batken.", "Kyrgyz"),
    ],
)
def test_peoples_names_are_no_place(
    make_state: MakeState, resources: Resources, text: str, peoples: str
) -> None:
    places = run(make_state, resources, text)
    assert by_mention(places, peoples) is None


@pytest.mark.parametrize(
    ("text", "junk"),
    [
        ("KADUNA, Nigeria (AFP) — Gunmen abducted 37 passengers near Kaduna.", "Gunmen"),
        ("Tags: India, Floods, Assam", "Floods"),
        ("The storm, known internationally as Trami, made landfall on Luzon.", "Trami"),
        ("Fighting between the army and M23 rebels spread to the outskirts of Sake.", "M23"),
        ("The blaze started in Camp 11 and spread quickly in strong winds.", "Camp"),
        ("Rescuers searched the Valley for survivors of the landslide.", "Valley"),
    ],
)
def test_a_lone_word_without_a_place_cue_is_no_unresolved_place(
    make_state: MakeState, resources: Resources, text: str, junk: str
) -> None:
    place = by_mention(run(make_state, resources, text), junk)
    assert place is None or place.lat is not None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gunmen abducted 287 pupils from a school in Kuriga on Thursday.", "Kuriga"),
        ("A convoy was stopped at a checkpoint near Habila on Monday.", "Habila"),
        ("The army said its soldiers had repelled an attack on Mubambiro.", "Mubambiro"),
        ("A landslide buried most of Yambali village in the night.", "Yambali"),
        ("Troops captured the village of Zhelanne and two other villages.", "Zhelanne"),
        ("She fled her home in Guma Local Government Area of Benue.", "Guma"),
    ],
)
def test_an_unknown_name_the_text_calls_a_place_is_kept(
    make_state: MakeState, resources: Resources, text: str, name: str
) -> None:
    place = by_mention(run(make_state, resources, text), name)
    assert place is not None and place.lat is None
