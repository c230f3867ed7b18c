"""Places round 11: names coordinated with a place, hyphenated and multi-word names kept
whole, and names that sentences attack the way only places are attacked. Sentences are
our own; the gazetteer (cities500) lacks the villages they name."""

from __future__ import annotations

import pytest
from tests.places_support import MakeState, by_mention, run

from sitrep.resources import Resources
from sitrep.stages.places_coordination import coordinations


@pytest.mark.parametrize(
    ("text", "member", "country"),
    [
        # A town the gazetteer knows, then villages it lacks (tagged PERSON or nothing).
        ("Aid trucks reached Goma, Kanyaruchinya and Munigi on Tuesday.", "Munigi", "CD"),
        ("Aid trucks reached Goma, Kanyaruchinya and Munigi on Tuesday.", "Kanyaruchinya", "CD"),
        # The Oxford comma.
        (
            "Evacuations were ordered in Dhaka, Bhola, and Char Kukri Mukri.",
            "Char Kukri Mukri",
            "BD",
        ),
        # Two names after a preposition.
        ("Fighting was reported on Monday near Mopti and Sévaré.", "Sévaré", "ML"),
        # Lower-case particles and a Roman numeral inside the names.
        (
            "Evacuations were ordered in Escuintla, Yepocapa, Panimaché I and Sangre de Cristo.",
            "Sangre de Cristo",
            "GT",
        ),
        (
            "Evacuations were ordered in Escuintla, Yepocapa, Panimaché I and Sangre de Cristo.",
            "Panimaché I",
            "GT",
        ),
    ],
)
def test_name_coordinated_with_a_place_is_a_place(
    make_state: MakeState, resources: Resources, text: str, member: str, country: str
) -> None:
    place = by_mention(run(make_state, resources, text), member)
    assert place is not None
    assert place.country == country
    assert place.kind in {"city", "town", "village", "other"}


def test_unknown_member_takes_the_kind_of_its_resolved_sibling(
    make_state: MakeState, resources: Resources
) -> None:
    places = run(make_state, resources, "Shells fell on Yepocapa and Zabaleta on Sunday.")
    sibling, member = by_mention(places, "Yepocapa"), by_mention(places, "Zabaleta")
    assert sibling is not None and member is not None
    assert member.gazetteer_id is None and member.lat is None  # unsure: never placed
    assert (member.kind, member.country) == (sibling.kind, sibling.country)


@pytest.mark.parametrize(
    ("text", "not_place"),
    [
        # Organisations, acronyms and brands beside a place.
        ("Talks in Kyiv and the Wagner Group stalled on Monday.", "Wagner Group"),
        ("The agency sent teams to Goma, Bukavu and UNHCR offices.", "UNHCR"),
        ("The company expanded from Goma, Bukavu and Zetatech Holdings.", "Zetatech Holdings"),
        ("Montana and CoreCivic are at an impasse in negotiations.", "CoreCivic"),
        ("Chains such as J. Crew and Banana Republic opened in Cleveland.", "Crew"),
        # A list with a person in it is a list of people.
        ("In Mopti and Ahmed Toure, 45, a trader, said the road was shut.", "Ahmed Toure"),
        # A title inside the name.
        ("Officials from Kherson and State Minister Petro Ivanenko met.", "Petro Ivanenko"),
        # A list of countries: another name there is an organisation.
        ("Leaders of France, Germany and Zelmora met in Brussels.", "Zelmora"),
        # "Citizen of the Year": an honour, not a town beside Arlington.
        ("He was named Young Man of Arlington and Citizen of the Year.", "Citizen"),
        # Two names the gazetteer does not know vouch for nothing.
        ("Gisec and Iotx have grown in tandem over the years.", "Iotx"),
    ],
)
def test_coordination_with_no_place_member_adds_no_place(
    make_state: MakeState, resources: Resources, text: str, not_place: str
) -> None:
    places = run(make_state, resources, text)
    assert not any(not_place in s.text for p in places for s in p.mentions)


def test_country_name_with_and_is_not_split_into_places(
    make_state: MakeState, resources: Resources
) -> None:
    places = run(make_state, resources, "Trinidad and Tobago voted against the resolution.")
    assert by_mention(places, "Tobago") is None


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        # Known to the gazetteer as "Hpa-An": the run of capitalised words no longer
        # stops at the lower-case piece after the hyphen.
        ("Junta aircraft struck villages near Kawkareik, Hpa-an and Myawaddy.", "Hpa-an", "MM"),
        ("Thousands fled to Hpa-an on Monday.", "Hpa-an", "MM"),
        ("The Kyiv-based group said the grid was damaged.", "Kyiv", "UA"),
    ],
)
def test_hyphenated_name_is_read_whole(
    make_state: MakeState, resources: Resources, text: str, mention: str, country: str
) -> None:
    places = run(make_state, resources, text)
    place = by_mention(places, mention)
    assert place is not None and place.country == country
    assert not any(s.text.endswith("-") for p in places for s in p.mentions)


def test_no_mention_ends_in_a_hyphen(make_state: MakeState, resources: Resources) -> None:
    places = run(make_state, resources, "Villagers fled near Mopti and Qorvo-an on Monday.")
    assert not any(s.text.endswith("-") for p in places for s in p.mentions)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Kanyaruchinya and Munigi came under attack on Monday.", ["Kanyaruchinya", "Munigi"]),
        ("Gunmen stormed Tchoma Bangou before dawn on Monday.", ["Tchoma Bangou"]),
        ("Troops overran Dar Zaghawa and Um Kadada on Friday.", ["Dar Zaghawa"]),
        (
            "The rebels have retaken a string of towns in the region since May, including "
            "Adan Yabaal and Moqokori, residents said.",
            ["Adan Yabaal", "Moqokori"],
        ),
    ],
)
def test_name_attacked_or_included_among_towns_is_a_place(
    make_state: MakeState, resources: Resources, text: str, names: list[str]
) -> None:
    places = run(make_state, resources, text)
    for name in names:
        place = by_mention(places, name)
        assert place is not None and not place.metonymy


@pytest.mark.parametrize(
    "text",
    [
        "Mary Jones came under fire from critics on Monday.",
        "Many people, including Ahmed Ali and Fatima Musa, fled the fighting.",
        "Police arrested John Okello and Peter Wafula in the market.",
    ],
)
def test_people_in_attack_like_sentences_stay_people(
    make_state: MakeState, resources: Resources, text: str
) -> None:
    assert run(make_state, resources, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Strikes hit Khiam, Bint Jbeil and Aitaroun.", [["Khiam", "Bint Jbeil", "Aitaroun"]]),
        ("Strikes hit Khiam, Bint Jbeil, and Aitaroun.", [["Khiam", "Bint Jbeil", "Aitaroun"]]),
        ("Roads between Nabatieh and Kfar Roummane closed.", [["Nabatieh", "Kfar Roummane"]]),
        ("Ash fell on Panimaché I and Sangre de Cristo.", [["Panimaché I", "Sangre de Cristo"]]),
        ("Flights to Hpa-an or Myawaddy resumed.", [["Hpa-an", "Myawaddy"]]),
        # "A, and B": two names need a bare "and" ("John Smith, of Oakwood, and Mary").
        ("John Smith, of Oakwood, and Mary Jones, of Dover, were hurt.", []),
        # An unclosed run of commas is an apposition, not a list.
        ("Izyum, Kharkiv, was shelled.", []),
    ],
)
def test_coordinations_of_names(nlp, text: str, expected: list[list[str]]) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    found = [
        [doc[m.start : m.end].text for m in chain] for chain in coordinations(doc, 0, len(doc))
    ]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "member"),
    [
        ("Four people are missing in Pronojiwo and Candipuro sub-districts.", "Pronojiwo"),
        ("Rain fell on the Kegalle, Ratnapura and Kalutara districts.", "Ratnapura"),
    ],
)
def test_plural_region_word_closing_a_coordination_makes_regions(
    make_state: MakeState, resources: Resources, text: str, member: str
) -> None:
    place = by_mention(run(make_state, resources, text), member)
    assert place is not None and place.kind == "region"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Landslide buries houses in Yatiyantota\n\nEleven people were killed.", "Yatiyantota"),
        ("Gunmen kill villagers in Mali\n\nBAMAKO, Mali (AFP) — Gunmen attacked.", "BAMAKO"),
    ],
)
def test_entity_running_over_a_line_break_is_cut_there(
    make_state: MakeState, resources: Resources, text: str, mention: str
) -> None:
    places = run(make_state, resources, text)
    assert by_mention(places, mention) is not None
    assert not any("\n" in s.text for p in places for s in p.mentions)
