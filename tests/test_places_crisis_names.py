"""The places stage, round 6: names as crisis reports write them. Arabic names with their
article, coordinated names after one preposition, "according to the X", regions the model
reads as languages, and small namesakes abroad of the document's country."""

from __future__ import annotations

from collections import Counter

import pytest

from places_support import MakeState, by_mention, run
from sitrep.gazetteer import Candidate
from sitrep.resources import Resources
from sitrep.stages.places_resolve import Context, prepare, rank


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked a checkpoint near Al-Mansoura in Aden on Sunday.",
        "Residents of the Al-Nuzha district of Sanaa said the shelling went on all night.",
        "Aid trucks reached El-Geneina after a week of fighting.",
    ],
)
def test_the_arabic_article_alone_is_no_place(
    make_state: MakeState, resources: Resources, text: str
) -> None:
    places = run(make_state, resources, text)
    assert by_mention(places, "Al") is None and by_mention(places, "El") is None
    assert all(p.country != "NO" for p in places)  # "Al" is not Ål, Norway


def test_jisr_al_shughur_is_found_under_geonames_spelling(
    make_state: MakeState, resources: Resources
) -> None:
    text = "Airstrikes hit a market in the town of Jisr al-Shughur in Idlib province, Syria."
    place = by_mention(run(make_state, resources, text), "Jisr al-Shughur")
    assert place is not None and place.country == "SY" and place.lat is not None


@pytest.mark.parametrize(
    "text",
    [
        "The UN said 40 people had died in Kismayo since Friday.",
        "According to the UN, the camp near Baidoa holds 9,000 people.",
    ],
)
def test_the_un_is_no_town(make_state: MakeState, resources: Resources, text: str) -> None:
    assert by_mention(run(make_state, resources, text), "UN") is None


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Shops stayed shut in Bamako and Kayes on Monday.", "Kayes", "ML"),
        ("Fighting was reported in Goma and Bukavu overnight.", "Bukavu", "CD"),
        ("Protests spread to Mombasa, Kisumu and Nakuru by the evening.", "Nakuru", "KE"),
    ],
)
def test_one_preposition_locates_every_name_of_a_coordination(
    make_state: MakeState, resources: Resources, text: str, name: str, country: str
) -> None:
    place = by_mention(run(make_state, resources, text), name)
    assert place is not None and place.country == country


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("In Kyiv, Zelensky said the talks had failed.", "Zelensky"),
        ("Speaking in Nairobi, Ruto said the tax bill would be withdrawn.", "Ruto"),
    ],
)
def test_a_name_after_a_comma_is_not_located_by_the_preposition(
    make_state: MakeState, resources: Resources, text: str, person: str
) -> None:
    assert by_mention(run(make_state, resources, text), person) is None


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("At least 12 people were hurt, according to the Warren Memorial hospital.", "Warren"),
        ("The delay was due to Austin Energy, the utility said.", "Austin"),
    ],
)
def test_according_to_locates_nothing(
    make_state: MakeState, resources: Resources, text: str, word: str
) -> None:
    assert by_mention(run(make_state, resources, text), word) is None


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("Drones struck a port in the southern Odesa region on Tuesday.", "Odesa region", "UA"),
        ("Shelling hit villages in the Kherson region overnight.", "Kherson region", "UA"),
    ],
)
def test_x_region_is_the_first_level_region(
    make_state: MakeState, resources: Resources, text: str, mention: str, country: str
) -> None:
    place = by_mention(run(make_state, resources, text), mention)
    assert place is not None and place.kind == "region" and place.country == country


def test_a_small_namesake_abroad_stays_in_the_reports_country(
    make_state: MakeState, resources: Resources
) -> None:
    text = (
        "Police fired tear gas at protesters in Harare, Zimbabwe, on Monday. In Bulawayo, "
        "shops stayed shut. Residents of Warren Park said water had been cut for a week."
    )
    place = by_mention(run(make_state, resources, text), "Warren Park")
    # Not the 1,500-person Warren Park in Indiana: a place of the report's country.
    assert place is not None and place.lat is None and place.country == "ZW"


def _town(gid: str, country: str, population: int) -> Candidate:
    return Candidate(
        gazetteer_id=gid,
        name="Kanyama",
        lat=0.0,
        lon=0.0,
        country=country,
        admin1=None,
        feature_class="P",
        feature_code="PPL",
        population=population,
        kind="town",
    )


@pytest.mark.parametrize(
    ("focus", "population", "resolved"),
    [
        (Counter({"ZM": 3}), 80_000, False),  # the document is about Zambia
        (Counter({"ZM": 3, "CD": 1}), 80_000, True),  # it places something in Congo too
        (Counter({"ZM": 1}), 80_000, True),  # one other name is too little to go by
        (Counter({"ZM": 3}), 500_000, True),  # a city that size is no township's namesake
        (Counter({"ZM": 2, "MW": 2, "TZ": 2}), 80_000, True),  # no country holds half
    ],
)
def test_a_town_abroad_of_the_documents_country_is_left_unresolved(
    focus: Counter[str], population: int, resolved: bool
) -> None:
    result = rank(prepare([_town("g:1", "CD", population)]), Context(focus=focus))
    assert (result.candidate is not None) == resolved


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("Thousands were trapped in Omdurman as the shelling went on.", "Omdurman", "SD"),
        ("KHARTOUM, Sudan, 12 May 2024 (Reuters) — Fighting resumed at dawn.", "KHARTOUM", "SD"),
        ("MANDALAY — Troops opened fire on a crowd near the palace.", "MANDALAY", "MM"),
    ],
)
def test_a_place_the_model_reads_as_a_people_is_still_found(
    make_state: MakeState, resources: Resources, text: str, mention: str, country: str
) -> None:
    place = by_mention(run(make_state, resources, text), mention)
    assert place is not None and place.country == country and not place.metonymy


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Kurdish fighters held the town of Kobani.", "Kurdish"),
        ("Houthi forces fired drones at ships near Hodeidah.", "Houthi"),
        ("Sudanese troops entered Wad Madani.", "Sudanese"),
    ],
)
def test_peoples_names_stay_no_places(
    make_state: MakeState, resources: Resources, text: str, word: str
) -> None:
    assert by_mention(run(make_state, resources, text), word) is None


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Gunmen stormed a school in Kankara.\nGunmen also attacked a village.", "Gunmen"),
        ("Floods cut the road to Sylhet.\nFloods have displaced thousands.", "Floods"),
    ],
)
def test_a_plural_noun_opening_a_sentence_is_no_place(
    make_state: MakeState, resources: Resources, text: str, word: str
) -> None:
    assert by_mention(run(make_state, resources, text), word) is None


def test_a_region_named_after_its_town_is_found_under_a_near_spelling(
    make_state: MakeState, resources: Resources
) -> None:
    text = "Army jets bombed two villages in the Sagaing region, Myanmar, on Tuesday."
    place = by_mention(run(make_state, resources, text), "Sagaing region")
    # GeoNames calls the region "Sagain"; its town is Sagaing.
    assert place is not None and place.kind == "region" and place.lat is not None


def test_a_town_region_is_not_the_first_level_region_of_another_name(
    make_state: MakeState, resources: Resources
) -> None:
    text = "Shelling hit villages across the Pokrovsk region of Ukraine on Monday."
    place = by_mention(run(make_state, resources, text), "Pokrovsk region")
    assert place is not None and place.kind == "region" and "Donetsk" not in place.name


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Two children died in Kassala, a nurse at the main clinic said.", "Kassala", "SD"),
        ("Four people were hurt in Kherson, a doctor told reporters.", "Kherson", "UA"),
    ],
)
def test_a_subject_after_in_x_comma_is_no_apposition(
    make_state: MakeState, resources: Resources, text: str, name: str, country: str
) -> None:
    place = by_mention(run(make_state, resources, text), name)
    assert place is not None and place.country == country


def test_an_apposed_person_noun_still_names_a_person(
    make_state: MakeState, resources: Resources
) -> None:
    text = "Kingston, a nurse at the clinic, was among the wounded in the raid."
    assert by_mention(run(make_state, resources, text), "Kingston") is None


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("Thousands fled towards Gedaref state last week.", "Gedaref state", "SD"),
        ("Gunmen killed 12 farmers in Zamfara state on Sunday.", "Zamfara state", "NG"),
    ],
)
def test_x_state_is_the_region_recorded_whole(
    make_state: MakeState, resources: Resources, text: str, mention: str, country: str
) -> None:
    place = by_mention(run(make_state, resources, text), mention)
    assert place is not None and place.kind == "region" and place.country == country


def test_a_state_word_after_no_region_name_is_no_region(
    make_state: MakeState, resources: Resources
) -> None:
    places = run(make_state, resources, "The Islamic State claimed the attack in Mosul.")
    assert by_mention(places, "Islamic State") is None
    assert all(p.kind != "region" or p.country == "IQ" for p in places)


@pytest.mark.parametrize(
    "text",
    [
        "Puerto Rico, a territory of the United States, lost power again. Puerto"
        " Ricans still measure every outage against Hurricane Maria, which struck in"
        " September 2017. Hurricane Fiona caused another blackout in San Juan in 2022.",
        "Typhoon Yagi made landfall in Quang Ninh on Saturday.",
    ],
)
def test_a_storms_kind_before_its_name_is_no_place(
    make_state: MakeState, resources: Resources, text: str
) -> None:
    places = run(make_state, resources, text)
    assert by_mention(places, "Hurricane") is None and by_mention(places, "Typhoon") is None
    assert all(p.name not in ("Hurricane", "Typhoon") for p in places)  # not Hurricane, Utah
