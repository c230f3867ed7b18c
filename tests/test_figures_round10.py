"""Figures, tenth round (session 10, from the missed, spurious and wrong-field figures that
``sitrep eval report --errors`` lists on eval/outside/a-j; sentences and towns of our
own): a part of a counted group and a toll of one are figures; a headline's number is
one of its own; durations and the page's own numbers are not figures."""

from __future__ import annotations

import pytest

from figures_support import figures_of, one_figure

PUBLISHED = "2024-03-12"


def spans_of(make_state, resources, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.span.text for f in figures_of(make_state, resources, text, PUBLISHED)]


@pytest.mark.parametrize(
    ("text", "span", "quantity"),
    [
        ("Shelling killed eight people in Varosk. Three of the dead were children.", "Three",
         "killed"),
        ("Eleven people were hurt in the blast. Four of the wounded were flown to Tamsk.",
         "Four", "injured"),
        ("The clinic treated 31 wounded people, six of whom were in a critical state.", "six",
         "injured"),
        ("At least 19 protesters were injured, two of them by rubber bullets.", "two",
         "injured"),
        ("Five people died in the fire. Two of the dead were firemen; the other three were "
         "tenants.", "three", "killed"),
        ("Six workers were taken hostage. Two of them were killed and the other four were "
         "freed.", "four", "released"),
    ],
)  # fmt: skip
def test_a_part_of_a_counted_group_counts_what_the_group_counts(
    make_state, resources, text: str, span: str, quantity: str
) -> None:  # type: ignore[no-untyped-def]
    figure = one_figure(figures_of(make_state, resources, text, PUBLISHED), span)
    assert (figure.quantity, figure.unit) == (quantity, "people")


def test_a_part_of_a_group_of_things_is_no_figure(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = "Rioters set fire to nine buses; two of them belonged to the city."
    assert "two" not in spans_of(make_state, resources, text)


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("A drone hit the depot, killing one guard.", "killed"),
        ("Two rebels and one soldier were killed in the fighting.", "killed"),
        ("One fisherman drowned when his boat capsized off Keral.", "killed"),
        ("The rocket struck the yard, wounding one of its drivers.", "injured"),
    ],
)
def test_one_harmed_person_is_a_toll(make_state, resources, text: str, quantity: str) -> None:  # type: ignore[no-untyped-def]
    ones = [f for f in figures_of(make_state, resources, text, PUBLISHED) if f.value == 1]
    assert [(f.quantity, f.unit) for f in ones] == [(quantity, "people")]


@pytest.mark.parametrize(
    "text",
    ["He sent one message to the mayor.", "One convoy reached the camp on Monday."],
)
def test_one_as_an_article_is_no_figure(make_state, resources, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [f for f in figures_of(make_state, resources, text, PUBLISHED) if f.value == 1]


def test_a_headline_number_is_a_figure_beside_the_body(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Landslide kills 14 in hill village\n\n"
        "A landslide killed at least 14 people in Dormel on Sunday, officials said.\n\n"
        "Two more bodies were found on Monday, bringing the toll to 14, police said."
    )
    killed = [f.span.text for f in figures_of(make_state, resources, text, PUBLISHED)
              if f.quantity == "killed" and f.value == 14]  # fmt: skip
    assert killed == ["14", "at least 14"]  # the restated toll stays one figure


@pytest.mark.parametrize(
    "text",
    [
        "Engineers said repairs could take three to four days.",
        "Listen to this article · 6 min",
    ],
)
def test_a_stretch_of_time_not_told_as_how_long_a_state_lasted_is_no_figure(
    make_state, resources, text: str
) -> None:  # type: ignore[no-untyped-def]
    assert spans_of(make_state, resources, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Flood Situation Update No. 9",
        "Download PDF (415 KB)",
        "Advertise with us - call 0312 000 555",
        "March 3, 2025 4:12 PM GMT+5",
        "USD 87.40 ▲  EUR 93.15 ▼  Tarsk +11°C",
        "Dorvik 29°C",
        "The wall gave way at 8.15 p.m., police said.",
        "The mill was built more than half a century ago.",
        "Flags flew at half-mast over the town hall.",
    ],
)
def test_the_pages_own_numbers_are_no_figures(make_state, resources, text: str) -> None:  # type: ignore[no-untyped-def]
    assert spans_of(make_state, resources, text) == []


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("She fled with her three children to the church. Nine people were killed.", "three",
         "Nine"),
        ('"We have two small children," she said. Twelve homes burned.', "two", "Twelve"),
        ("The death rate is 2.5 percent, above the emergency threshold of 1 percent.",
         "1 percent", "2.5 percent"),
        ("The pupils, aged between 12 and 16, were freed. Police arrested 14 people.", "16",
         "14"),
    ],
)  # fmt: skip
def test_families_thresholds_and_ages_are_no_figures(
    make_state, resources, text: str, absent: str, present: str
) -> None:  # type: ignore[no-untyped-def]
    spans = spans_of(make_state, resources, text)
    assert absent not in spans and present in spans


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("Some 2.5 lakh people were moved to shelters.", "Some 2.5 lakh", 250_000, "people"),
        ("The appeal is less than a fifth funded.", "less than a fifth", 20, "percent"),
        ("A tenth of the harvest was lost.", "A tenth", 10, "percent"),
    ],
)
def test_lakhs_and_fifths_have_their_values(
    make_state, resources, text: str, span: str, value: float, unit: str
) -> None:  # type: ignore[no-untyped-def]
    figure = one_figure(figures_of(make_state, resources, text, PUBLISHED), span)
    assert (figure.value, figure.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "span", "quantity"),
    [
        ("Three dead, eight injured as bus plunges into gorge near Kelm\n\nThe bus fell at "
         "dawn.", "Three", "killed"),
        ("Three dead, eight injured as bus plunges into gorge near Kelm\n\nThe bus fell at "
         "dawn.", "eight", "injured"),
        ("Six dead, two missing after boat capsizes\n\nDivers searched the lake.", "two",
         "missing"),
    ],
)  # fmt: skip
def test_a_number_before_the_state_of_those_counted_is_a_toll(
    make_state, resources, text: str, span: str, quantity: str
) -> None:  # type: ignore[no-untyped-def]
    figure = one_figure(figures_of(make_state, resources, text, PUBLISHED), span)
    assert (figure.quantity, figure.unit) == (quantity, "people")


@pytest.mark.parametrize(
    ("text", "span", "quantity"),
    [
        ("Across the region, about 90,000 people remain displaced.", "about 90,000",
         "displaced"),
        ("Some 2,200 people are still living in tents outside Varosk.", "Some 2,200",
         "displaced"),
        ("An estimated 70,000 refugees now live in the border province.", "An estimated 70,000",
         "displaced"),
        ("About 40,000 people live in the district.", "About 40,000", "population"),
        ("More than 900 people were moved from six villages on the slope.", "More than 900",
         "evacuated"),
        ("The clinic treated 23 people for cuts and fractures.", "23", "injured"),
        ("The clinic treated 23 people for exhaustion and dehydration.", "23", "patients"),
        ("Suspected cholera cases rose to 1,480 in the camps.", "1,480", "cases"),
        ("Suspected cholera cases rose to 1,480, with 37 deaths.", "37", "killed"),
        ("The appeal is only 18 percent funded.", "18 percent", "funded"),
        ("Partners trucked 2.5 million litres of water to the camps.", "2.5 million", "aid"),
    ],
)  # fmt: skip
def test_what_a_number_counts(make_state, resources, text: str, span: str, quantity: str) -> None:  # type: ignore[no-untyped-def]
    assert one_figure(figures_of(make_state, resources, text, PUBLISHED), span).quantity == quantity


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("Some 1,200 families fled the fighting.", "Some 1,200", "families"),
        ("About 300 households were evacuated.", "About 300", "households"),
        ("The outbreak has caused 48 deaths.", "48", "people"),
        ("Four firefighters were injured when the roof fell.", "Four", "people"),
    ],
)
def test_the_unit_is_what_is_counted(
    make_state, resources, text: str, span: str, unit: str
) -> None:  # type: ignore[no-untyped-def]
    assert one_figure(figures_of(make_state, resources, text, PUBLISHED), span).unit == unit
