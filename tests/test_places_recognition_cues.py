"""The places stage, round 5: "X-based", institutions' head words, "in X said", and actors
that lend no focus to the document's other places."""

from __future__ import annotations

import pytest

from places_support import MakeState, by_mention, run
from sitrep.resources import Resources


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("The Kyiv-based think tank published a report on Monday.", "Kyiv", "UA"),
        ("A Nairobi-based charity sent food.", "Nairobi", "KE"),
        ("The Lagos-born singer returned home.", "Lagos", "NG"),
    ],
)
def test_a_name_before_based_or_born_is_a_place(
    make_state: MakeState, resources: Resources, text: str, name: str, country: str
) -> None:
    place = by_mention(run(make_state, resources, text), name)
    assert place is not None and place.country == country


def test_a_capitalised_article_is_not_part_of_the_name(
    make_state: MakeState, resources: Resources
) -> None:
    places = run(make_state, resources, "The Kyiv-based group said so.")
    assert by_mention(places, "The Kyiv") is None
    assert by_mention(places, "Kyiv") is not None


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("He studied at the University of Khartoum before moving to Port Sudan.", "University"),
        ("Students at Colorado State University protested in Fort Collins.", "University"),
        ("The wounded were taken to the Hospital by ambulances from Gaza City.", "Hospital"),
    ],
)
def test_an_institution_word_alone_is_never_a_town(
    make_state: MakeState, resources: Resources, text: str, word: str
) -> None:
    assert by_mention(run(make_state, resources, text), word) is None


def test_a_name_after_in_is_a_place_though_a_speech_verb_follows(
    make_state: MakeState, resources: Resources
) -> None:
    # The model tags "Khan Younis" PERSON; the doctors are the ones who said.
    text = "Doctors at Nasser Hospital in Khan Younis said the strike killed 12."
    place = by_mention(run(make_state, resources, text), "Khan Younis")
    assert place is not None and place.country == "PS"


def test_a_name_beside_a_speech_verb_without_a_preposition_is_still_a_person(
    make_state: MakeState, resources: Resources
) -> None:
    places = run(make_state, resources, "Speaking to reporters, Regina said the war must end.")
    assert by_mention(places, "Regina") is None


@pytest.mark.parametrize(
    "text",
    [
        "Russia's forces shelled the city of Pokrovsk overnight.",
        "Moscow said its forces had entered Pokrovsk.",
    ],
)
def test_an_actor_country_does_not_pull_places_into_itself(
    make_state: MakeState, resources: Resources, text: str
) -> None:
    # Pokrovsk is a Ukrainian city and a Russian (Sakha) town: the invader is no evidence.
    place = by_mention(run(make_state, resources, text), "Pokrovsk")
    assert place is not None and place.country == "UA"


def test_a_literal_country_still_pulls_its_places(
    make_state: MakeState, resources: Resources
) -> None:
    places = run(make_state, resources, "Floods hit Pokrovsk, a town in Russia's Yakutia.")
    place = by_mention(places, "Pokrovsk")
    assert place is not None and place.country == "RU"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Athens City Council met at the Civic Center in Athens.", "Council"),
        ("The Athens City Council met at the Civic Center in Athens.", "Center"),
        ("Police said the Webb Street fire spread quickly.", "Webb"),
        ("Police said the Webb Street fire spread quickly.", "Street"),
    ],
)
def test_words_of_an_organisation_or_street_name_are_not_places(
    make_state: MakeState, resources: Resources, text: str, name: str
) -> None:
    assert by_mention(run(make_state, resources, text), name) is None


def test_a_facility_named_after_its_town_keeps_the_town(
    make_state: MakeState, resources: Resources
) -> None:
    text = "Readers met at the Mansfield Public Library in Texas on Monday."
    place = by_mention(run(make_state, resources, text), "Mansfield")
    assert place is not None and place.country == "US"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The flood followed the destruction of the Kakhovka dam in June 2023.", "Kakhovka"),
        ("Families fled to the Nuseirat camp in the Gaza Strip.", "Nuseirat"),
    ],
)
def test_a_name_before_dam_or_camp_is_a_place(
    make_state: MakeState, resources: Resources, text: str, name: str
) -> None:
    assert by_mention(run(make_state, resources, text), name) is not None


def test_a_river_is_recorded_as_written_under_its_name(
    make_state: MakeState, resources: Resources
) -> None:
    places = run(make_state, resources, "Shelling forced evacuations along the Dnipro river.")
    river = by_mention(places, "Dnipro river")
    assert river is not None and river.kind == "water" and river.name == "Dnipro"
    assert by_mention(places, "Dnipro") is None


def test_a_compass_word_alone_is_not_a_place(make_state: MakeState, resources: Resources) -> None:
    text = "Northwest of the city, the Syrian army shelled Idlib."
    places = run(make_state, resources, text)
    assert by_mention(places, "Northwest") is None
    assert by_mention(places, "Idlib") is not None


def test_a_mention_never_runs_into_the_next_paragraph(
    make_state: MakeState, resources: Resources
) -> None:
    text = (
        "Related: Ukraine Says It Hit Russian Air Defence System in Crimea\n\nClick here to share"
    )
    places = run(make_state, resources, text)
    assert all(s.text.strip() == s.text for p in places for s in p.mentions)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Missing man found. HUDSON -- Officials in central Illinois say a body was found.",
            "HUDSON",
        ),
        ("Storm hits coast. FAIRFIELD, Conn. -- The storm hit on Monday.", "FAIRFIELD"),
        ("Protests grow. BEIRUT (AP) — Thousands marched on Sunday.", "BEIRUT"),
    ],
)
def test_a_dateline_in_capitals_is_a_literal_place(
    make_state: MakeState, resources: Resources, text: str, name: str
) -> None:
    place = by_mention(run(make_state, resources, text), name)
    assert place is not None and not place.metonymy


def test_capitals_closed_by_a_dash_mid_sentence_are_no_dateline(
    make_state: MakeState, resources: Resources
) -> None:
    places = run(make_state, resources, "Officials said the WHO -- and others -- disagreed.")
    assert by_mention(places, "WHO") is None
