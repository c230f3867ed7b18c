"""The places stage: recognition with context, resolution, metonymy."""

from __future__ import annotations

import pytest

from places_support import MakeState, by_mention, run
from sitrep.records import Place
from sitrep.resources import Resources
from sitrep.stages.places import extract_places
from sitrep.stages.places_resolve import distance_km
from sitrep.stages.state import DocState


def mentioned(places: list[Place]) -> set[str]:
    return {s.text for p in places for s in p.mentions}


# --- seed 000 ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_000_places(seed_000: str, nlp, resources: Resources) -> list[Place]:  # type: ignore[no-untyped-def]
    from sitrep.ingest.document import RawDocument

    state = DocState(
        raw=RawDocument(text=seed_000, origin="seed"), text=seed_000, doc=nlp(seed_000)
    )
    extract_places(state, resources)
    return state.places


def test_seed_000_izyum_is_resolved_to_geonames_707292(seed_000_places: list[Place]) -> None:
    izyum = by_mention(seed_000_places, "Izyum")
    assert izyum is not None
    assert (izyum.gazetteer_id, izyum.country, izyum.kind) == ("geonames:707292", "UA", "city")
    assert izyum.lat == pytest.approx(49.2, abs=0.05)
    assert izyum.lon == pytest.approx(37.27, abs=0.05)
    assert [s.text for s in izyum.mentions].count("Izyum") == 4 and not izyum.metonymy


def test_seed_000_the_town_and_the_city_are_izyum(seed_000_places: list[Place]) -> None:
    izyum = by_mention(seed_000_places, "Izyum")
    assert izyum is not None
    back = [s.text.lower() for s in izyum.mentions if s.text != "Izyum"]
    assert back and set(back) <= {"the town", "the city"}


def test_seed_000_kharkiv_region_is_the_oblast(seed_000_places: list[Place]) -> None:
    region = by_mention(seed_000_places, "Kharkiv region")
    assert region is not None
    assert (region.kind, region.country, region.name) == ("region", "UA", "Kharkiv Oblast")


def test_seed_000_ukraine_is_a_country(seed_000_places: list[Place]) -> None:
    ukraine = by_mention(seed_000_places, "Ukraine")
    assert ukraine is not None and ukraine.kind == "country" and ukraine.country == "UA"
    assert not ukraine.metonymy  # "in Ukraine's northeastern Kharkiv region" is literal


@pytest.mark.parametrize(
    ("capital", "actor"), [("Moscow", "Russia: government"), ("Kyiv", "Ukraine: military")]
)
def test_seed_000_capitals_standing_for_governments_are_metonymy(
    seed_000_places: list[Place], capital: str, actor: str
) -> None:
    place = by_mention(seed_000_places, capital)
    assert place is not None and place.metonymy and place.gazetteer_id is not None
    assert place.stands_for == actor


@pytest.mark.parametrize(
    "word", ["Volodymyr", "Anastasia", "Andriy", "Advertisement", "Russian", "Ctrl", "AFP"]
)
def test_seed_000_people_and_common_words_are_not_places(
    seed_000_places: list[Place], word: str
) -> None:
    assert not any(word in s.text for p in seed_000_places for s in p.mentions)


def test_seed_000_ids_follow_first_mention(seed_000_places: list[Place]) -> None:
    assert [p.id for p in seed_000_places] == [f"P{i}" for i in range(1, len(seed_000_places) + 1)]
    firsts = [p.mentions[0].start for p in seed_000_places]
    assert firsts == sorted(firsts)


# --- seed 003 ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_003_places(seed_003: str, nlp, resources: Resources) -> list[Place]:  # type: ignore[no-untyped-def]
    from sitrep.ingest.document import RawDocument

    state = DocState(
        raw=RawDocument(text=seed_003, origin="seed"), text=seed_003, doc=nlp(seed_003)
    )
    extract_places(state, resources)
    return state.places


@pytest.mark.parametrize("name", ["Kryvyi Rih", "Kharkiv", "Mariupol", "Izyum"])
def test_seed_003_cities_tagged_as_people_or_orgs_are_places_in_ukraine(
    seed_003_places: list[Place], name: str
) -> None:
    places = [p for p in seed_003_places if any(s.text == name for s in p.mentions)]
    assert places and all(p.country == "UA" for p in places)
    assert any(p.gazetteer_id is not None and p.kind == "city" for p in places)


def test_seed_003_donbas_is_the_region_across_two_oblasts(seed_003_places: list[Place]) -> None:
    # Not a first-level region: the default gazetteer's hand table of macro-regions has it.
    donbas = by_mention(seed_003_places, "Donbas")
    assert donbas is not None and donbas.lat is not None and donbas.lon is not None
    assert donbas.kind == "region"
    assert distance_km((donbas.lat, donbas.lon), (48.0, 38.0)) < 100


@pytest.mark.parametrize("word", ["Onishchuk", "Anastasia", "Glazunov", "Ukrainian", "Western"])
def test_seed_003_people_and_adjectives_are_not_places(
    seed_003_places: list[Place], word: str
) -> None:
    assert not any(word in s.text for p in seed_003_places for s in p.mentions)


# --- rules on short texts ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Paris Hilton said she was happy with the show.",
        "Mr. Volodymyr arrived late.",
        "Volodymyr, 41, lost his home.",
        "Volodymyr's wife was at the market.",
        '"We will rebuild," said Volodymyr.',
    ],
)
def test_person_cues_keep_names_from_becoming_places(
    make_state: MakeState, resources: Resources, text: str
) -> None:
    places = run(make_state, resources, text)
    assert not any(n in mentioned(places) for n in ("Paris", "Volodymyr"))


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        ("Shelling hit the town of Volodymyr overnight.", "Volodymyr", "UA"),
        ("The couple fled to Kharkiv in March.", "Kharkiv", "UA"),
        ("She returned to their home city, Kryvyi Rih.", "Kryvyi Rih", "UA"),
        ("Mariupol's mayor asked for help.", "Mariupol", "UA"),
    ],
)
def test_place_cues_make_names_places(
    make_state: MakeState, resources: Resources, text: str, surface: str, country: str
) -> None:
    place = by_mention(run(make_state, resources, text), surface)
    assert place is not None and place.country == country and not place.metonymy


def test_a_bare_gazetteer_match_without_context_is_not_a_place(
    make_state: MakeState, resources: Resources
) -> None:
    places = run(make_state, resources, "Hope remains. Nikita Onishchuk shared the details.")
    assert mentioned(places) == set()


@pytest.mark.parametrize(
    ("text", "iso", "kind"),
    [
        ("Protesters gathered in Tbilisi, the capital of Georgia, on Sunday.", "GE", "country"),
        ("Storms hit Atlanta and other towns in Georgia on Sunday.", "US", "region"),
    ],
)
def test_georgia_is_read_from_its_neighbours(
    make_state: MakeState, resources: Resources, text: str, iso: str, kind: str
) -> None:
    georgia = by_mention(run(make_state, resources, text), "Georgia")
    assert georgia is not None and (georgia.country, georgia.kind) == (iso, kind)


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Moscow said it would respond to the sanctions.", "Moscow"),
        ("Washington imposed new sanctions on Tuesday.", "Washington"),
        ("Kyiv's forces pushed them back.", "Kyiv"),
        ("The town was occupied by Russia for months.", "Russia"),
    ],
)
def test_places_standing_for_governments_are_metonymy(
    make_state: MakeState, resources: Resources, text: str, surface: str
) -> None:
    place = by_mention(run(make_state, resources, text), surface)
    assert place is not None and place.metonymy and place.lat is not None


def test_a_region_mention_resolves_to_the_region_not_the_city(
    make_state: MakeState, resources: Resources
) -> None:
    places = run(make_state, resources, "Fighting continued in the Donetsk region on Monday.")
    region = by_mention(places, "Donetsk region")
    assert region is not None and region.kind == "region" and region.country == "UA"


def test_a_region_around_a_town_stays_unresolved_but_keeps_its_country(
    make_state: MakeState, resources: Resources
) -> None:
    places = run(make_state, resources, "Troops massed in the Izyum region this week.")
    region = by_mention(places, "Izyum region")
    assert region is not None
    assert (region.gazetteer_id, region.kind, region.country) == (None, "region", "UA")


def test_an_ambiguous_small_place_without_context_stays_unresolved(
    make_state: MakeState, resources: Resources
) -> None:
    place = by_mention(run(make_state, resources, "The storm reached Hilton at dawn."), "Hilton")
    assert place is not None and place.gazetteer_id is None and place.confidence < 0.5


def test_one_place_collects_mentions_under_different_spellings(
    make_state: MakeState, resources: Resources
) -> None:
    places = run(make_state, resources, "Shells fell on Izyum. Residents of Izium fled west.")
    izyum = by_mention(places, "Izyum")
    assert izyum is not None and {s.text for s in izyum.mentions} == {"Izyum", "Izium"}


@pytest.mark.parametrize("text", ["Russian troops advanced.", "Ukrainians fled the fighting."])
def test_nationality_words_are_not_places(
    make_state: MakeState, resources: Resources, text: str
) -> None:
    assert run(make_state, resources, text) == []


def test_names_judged_people_are_left_for_the_people_stage(
    make_state: MakeState, resources: Resources
) -> None:
    state = make_state('"We lost everything," said Volodymyr.')
    extract_places(state, resources)
    assert [r["text"] for r in state.scratch["places.rejected"]] == ["Volodymyr"]


@pytest.mark.parametrize(
    ("text", "surface", "actor"),
    [
        ("Moscow said it would respond to the sanctions.", "Moscow", "Russia: government"),
        ("Kyiv's forces pushed them back.", "Kyiv", "Ukraine: military"),
        ("Kyiv's counteroffensive stalled in the rain.", "Kyiv", "Ukraine: military"),
        ("Fighting with Russia continued through the night.", "Russia", "Russia"),
    ],
)
def test_a_metonymic_place_names_the_actor_it_stands_for(
    make_state: MakeState, resources: Resources, text: str, surface: str, actor: str
) -> None:
    place = by_mention(run(make_state, resources, text), surface)
    assert place is not None and place.metonymy and place.stands_for == actor


def test_a_literal_place_stands_for_no_actor(make_state: MakeState, resources: Resources) -> None:
    place = by_mention(
        run(make_state, resources, "The couple fled to Kharkiv in March."), "Kharkiv"
    )
    assert place is not None and not place.metonymy and place.stands_for is None


@pytest.mark.parametrize("phrase", ["The town", "The city", "The village"])
def test_the_town_refers_back_to_the_last_settlement_named(
    make_state: MakeState, resources: Resources, phrase: str
) -> None:
    text = f"Families fled from Kharkiv to Izyum in March. {phrase} had no power for weeks."
    state = make_state(text)
    extract_places(state, resources)
    izyum = by_mention(state.places, "Izyum")
    assert izyum is not None and phrase in {s.text for s in izyum.mentions}
    assert [s.text for s in state.scratch["places.anaphors"]] == [phrase]
    kharkiv = by_mention(state.places, "Kharkiv")
    assert kharkiv is not None and phrase not in {s.text for s in kharkiv.mentions}


@pytest.mark.parametrize(
    "text",
    [
        "Shells fell on the city of Kharkiv in March.",  # the name follows: no reference back
        "The town was quiet. Families later moved to Kharkiv.",  # nothing named before it
        "Russia said the city would fall.",  # a country is no settlement
    ],
)
def test_the_town_without_a_settlement_before_it_stays_unattached(
    make_state: MakeState, resources: Resources, text: str
) -> None:
    state = make_state(text)
    extract_places(state, resources)
    assert state.scratch["places.anaphors"] == []


# --- third round: glued names, rivers, the document's country -------------------------------


@pytest.mark.parametrize(
    ("text", "whole", "piece"),
    [
        ("Thousands fled to the Abu Shouk camp near El Fasher, Sudan.", "Abu Shouk", "Abu"),
        ("Aid reached North Darfur, Sudan, on Monday.", "North Darfur", "North"),
    ],
)
def test_a_known_word_inside_an_unknown_place_name_is_not_a_place_far_away(
    make_state: MakeState, resources: Resources, text: str, whole: str, piece: str
) -> None:
    places = run(make_state, resources, text)
    assert piece not in mentioned(places)
    whole_place = by_mention(places, whole)
    if whole_place is not None:  # recognised whole: unresolved, or in Sudan (North Darfur
        # is ISO 3166-2's SD-DN), not pinned in India or the US
        assert whole_place.gazetteer_id is None or whole_place.country == "SD"


def test_a_compass_word_before_a_known_name_leaves_the_name(
    make_state: MakeState, resources: Resources
) -> None:
    places = run(make_state, resources, "Fighting continued in Eastern Ukraine on Friday.")
    ukraine = by_mention(places, "Ukraine")
    assert ukraine is not None and ukraine.kind == "country"


def test_the_dnipro_river_is_water_not_the_city(
    make_state: MakeState, resources: Resources
) -> None:
    places = run(make_state, resources, "Ukrainian troops crossed the Dnipro river near Kherson.")
    # Recorded as the text writes it, as the outside writers do ("Dnipro river", water),
    # under the river's own name.
    river = by_mention(places, "Dnipro river")
    assert river is not None and river.kind == "water" and river.lat is None
    assert river.name == "Dnipro"
    city = run(make_state, resources, "Russian missiles hit Dnipro overnight, the governor said.")
    dnipro = by_mention(city, "Dnipro")
    assert dnipro is not None and dnipro.kind == "city" and dnipro.country == "UA"


def test_an_unknown_place_takes_the_country_most_places_lie_in(
    make_state: MakeState, resources: Resources
) -> None:
    text = (
        "Shelling hit Kherson and Mykolaiv in southern Ukraine. Residents of the Korabel "
        "district near Kherson fled on Monday."
    )
    places = run(make_state, resources, text)
    korabel = by_mention(places, "Korabel")
    assert korabel is not None and korabel.lat is None and korabel.country == "UA"


def test_each_name_of_a_county_coordination_is_a_county(
    make_state: MakeState, resources: Resources
) -> None:
    text = "Deputies searched Baker, Charlton and Nassau counties in Florida for the suspect."
    places = run(make_state, resources, text)
    nassau = by_mention(places, "Nassau")
    assert nassau is not None and nassau.name == "Nassau County" and nassau.admin1 == "Florida"


def test_the_atlantic_in_a_us_story_is_the_ocean(
    make_state: MakeState, resources: Resources
) -> None:
    text = "Forecasters in Miami expect an active hurricane season in the Atlantic this year."
    ocean = by_mention(run(make_state, resources, text), "Atlantic")
    assert ocean is not None and (ocean.name, ocean.kind) == ("Atlantic Ocean", "water")


def test_a_place_fled_from_before_a_verb_of_going_on_is_no_speaker(
    make_state: MakeState, resources: Resources
) -> None:
    # "continued" closes quotes too ("..., she continued"), but here the exodus goes on.
    text = "The exodus of ethnic Armenians from Nagorno-Karabakh continued for a fourth day."
    place = by_mention(run(make_state, resources, text), "Nagorno-Karabakh")
    assert place is not None and (place.kind, place.country) == ("region", "AZ")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The road to Parachinar stayed shut. Peshawar said on Wednesday that it would reopen.",
         "Peshawar"),
        ("Floods hit Khyber Pakhtunkhwa in Pakistan. Peshawar said on Wednesday that the road "
         "would reopen.", "Peshawar"),
    ],
)  # fmt: skip
def test_a_large_city_that_says_something_speaks_for_its_authorities(
    make_state: MakeState, resources: Resources, text: str, name: str
) -> None:
    place = by_mention(run(make_state, resources, text), name)
    assert place is not None and place.kind == "city"


def test_the_last_place_of_a_list_before_say_is_no_speaker(
    make_state: MakeState, resources: Resources
) -> None:
    text = "Residents of Kharkiv, Izyum and Kupiansk say the shelling has not stopped."
    assert {"Kharkiv", "Izyum", "Kupiansk"} <= mentioned(run(make_state, resources, text))
