"""Figures, eighth round (session 5, from the errors listed by ``sitrep eval report
--errors`` on eval/outside/a and /b; sentences of our own): what a number counts told by
the counted noun's own modifier, by "a town of N people", by a passive "forced from their
homes", and numbers that count a nationality or a people."""

from __future__ import annotations

import pytest

from figures_support import figures_of, one_figure


@pytest.mark.parametrize(
    ("text", "span", "quantity"),
    [
        ("Doctors in Bentiu treated 48 wounded people overnight.", "48", "injured"),
        ("Helicopters evacuated 17 injured civilians from the valley.", "17", "injured"),
        ("Rescuers recovered the bodies and counted 9 dead villagers.", "9", "killed"),
        ("The camp now shelters 3,200 displaced families.", "3,200", "displaced"),
    ],
)
def test_the_counted_nouns_own_modifier_says_what_it_counts(
    make_state, resources, text: str, span: str, quantity: str
) -> None:  # type: ignore[no-untyped-def]
    figure = one_figure(figures_of(make_state, resources, text, "2024-03-12"), span)
    assert figure.quantity == quantity


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Kassala, a city of about 400,000 people, took in the convoy.", "about 400,000"),
        ("Floodwater reached Bor, a town of some 30,000 residents near the river.", "some 30,000"),
        ("The army shelled Tessit, which had some 8,000 inhabitants before the war.", "some 8,000"),
    ],
)
def test_the_people_of_a_place_are_its_population(
    make_state, resources, text: str, span: str
) -> None:  # type: ignore[no-untyped-def]
    figure = one_figure(figures_of(make_state, resources, text, "2024-03-12"), span)
    assert (figure.quantity, figure.unit) == ("population", "people")


def test_people_a_shelter_is_housing_are_not_its_population(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = "The sports hall was housing about 900 people on Monday."
    figure = one_figure(figures_of(make_state, resources, text, "2024-03-12"), "about 900")
    assert figure.quantity != "population"


def test_people_forced_from_their_homes_in_the_passive_are_displaced(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = "Some 60,000 people in the district were forced from their homes by the floods."
    figure = one_figure(figures_of(make_state, resources, text, "2024-03-12"), "Some 60,000")
    assert figure.quantity == "displaced"


@pytest.mark.parametrize(
    ("text", "span", "quantity"),
    [
        (
            "More than 2.4 million Syrians have left the country since 2011.",
            "More than 2.4 million",
            "displaced",
        ),
        ("Nearly 800,000 Sudanese have fled into Chad.", "Nearly 800,000", "displaced"),
    ],
)
def test_a_nationality_counts_people(
    make_state, resources, text: str, span: str, quantity: str
) -> None:  # type: ignore[no-untyped-def]
    figure = one_figure(figures_of(make_state, resources, text, "2024-03-12"), span)
    assert (figure.quantity, figure.unit) == (quantity, "people")


def test_teenagers_among_detainees_are_arrested(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Lawyers said many detainees, among them at least 40 teenagers, had no access to counsel."
    )
    figure = one_figure(figures_of(make_state, resources, text, "2024-03-12"), "at least 40")
    assert (figure.quantity, figure.unit) == ("arrested", "people")


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("Temperatures reached 48.5C in the shade on Sunday.", "48.5C", 48.5, "celsius"),
        ("The night fell to minus 12 degrees in the camp.", "minus 12 degrees", -12.0, "celsius"),
        ("The heat passed 50 degrees Celsius in Basra.", "50 degrees Celsius", 50.0, "celsius"),
        ("It was 104F in Phoenix at noon.", "104F", 104.0, "fahrenheit"),
    ],
)
def test_a_temperature_is_a_figure(
    make_state, resources, text: str, span: str, value: float, unit: str
) -> None:  # type: ignore[no-untyped-def]
    figure = one_figure(figures_of(make_state, resources, text, "2024-03-12"), span)
    assert (figure.value, figure.unit, figure.quantity) == (value, unit, "temperature")


def test_a_fighter_jets_model_number_is_no_temperature(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = "The air force sent 4 F-16 jets over the border."
    assert all(
        f.quantity != "temperature" for f in figures_of(make_state, resources, text, "2024-03-12")
    )


@pytest.mark.parametrize(
    "text",
    [
        '"We ran," said Tomás Ibáñez, 23, a driver from Petare.',
        '"The water came at night," said Sólveig Ólafsdóttir, 32, a nurse.',
        '"My father is 81 and he cannot walk," said a neighbour.',
        '"She was 9, and she was afraid," her mother said.',
    ],
)
def test_the_age_of_a_named_or_described_person_is_no_figure(
    make_state, resources, text: str
) -> None:  # type: ignore[no-untyped-def]
    assert figures_of(make_state, resources, text, "2024-03-12") == []


def test_a_toll_after_is_stays_a_figure(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = "Officials said the death toll is 81 and rising."
    figure = one_figure(figures_of(make_state, resources, text, "2024-03-12"), "81")
    assert figure.value == 81.0


@pytest.mark.parametrize(
    ("text", "span", "moved"),
    [
        ("Aid groups say over 70 percent of the population has fled.", "over 70 percent", True),
        ("About half of the residents were evacuated on Sunday.", "About half", True),
        # an object, not a mover: the share was left without water
        ("The strike cut the main, leaving about two-thirds of residents without water.",
         "about two-thirds", False),
        # a cue near a share: half the town was flooded, no one fled because of the share
        ("About half of the town was flooded after thousands fled.", "About half", False),
    ],
)  # fmt: skip
def test_a_share_that_moves_is_displaced_or_evacuated(
    make_state, resources, text: str, span: str, moved: bool
) -> None:  # type: ignore[no-untyped-def]
    figure = one_figure(figures_of(make_state, resources, text, "2024-03-12"), span)
    assert (figure.quantity in ("displaced", "evacuated")) is moved
    assert figure.unit == "percent"


@pytest.mark.parametrize(
    ("text", "span", "quantity"),
    [
        ("Shells hit the market, killing 12 people, including two women, and injuring 30.",
         "two", "killed"),
        # round 9: an abduction is no arrest
        ("Gunmen abducted 40 villagers, including six women, and wounded two guards.",
         "six", "abducted"),
    ],
)  # fmt: skip
def test_a_part_included_in_a_count_counts_the_same(
    make_state, resources, text: str, span: str, quantity: str
) -> None:  # type: ignore[no-untyped-def]
    figure = one_figure(figures_of(make_state, resources, text, "2024-03-12"), span)
    assert figure.quantity == quantity


@pytest.mark.parametrize(
    ("text", "span", "quantity"),
    [
        (
            "Clinics in the camp treated more than 500 people for cholera.",
            "more than 500",
            "patients",
        ),
        ("More than 80 were treated for injuries at the city hospital.", "More than 80", "injured"),
        ("The field hospital had 75 patients on Monday.", "75", "patients"),
        ("The navy deployed 9 ships to the coast.", "9", "deployed"),
        ("The shipment will feed 12,000 people for a month.", "12,000", "fed"),
        ("Some 3 million Malawians need food aid, the UN said.", "Some 3 million", "in need"),
    ],
)
def test_verbs_that_count_only_what_they_govern(
    make_state, resources, text: str, span: str, quantity: str
) -> None:  # type: ignore[no-untyped-def]
    figure = one_figure(figures_of(make_state, resources, text, "2024-03-12"), span)
    assert figure.quantity == quantity


def test_a_need_near_a_number_it_does_not_govern_says_nothing(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = "Floods destroyed 300 homes and the villagers need tents."
    figure = one_figure(figures_of(make_state, resources, text, "2024-03-12"), "300")
    assert figure.quantity != "in need"


@pytest.mark.parametrize(
    ("text", "span", "quantity"),
    [
        ("The government promised 50,000 pesos to each family whose house collapsed.",
         "50,000", "aid"),
        ("Families receive a monthly allowance of $120 while they rebuild.", "$120", "aid"),
        ("The kidnappers demanded 5 million naira for the release of the pupils.",
         "5 million", "other"),
        ("A bag of rice cost 900 shillings, twice what it did before the floods damaged homes.",
         "900", "other"),
    ],
)  # fmt: skip
def test_a_sum_of_money_is_aid_when_given_and_never_a_building(
    make_state, resources, text: str, span: str, quantity: str
) -> None:  # type: ignore[no-untyped-def]
    figure = one_figure(figures_of(make_state, resources, text, "2024-03-12"), span)
    assert figure.quantity == quantity
