"""Resolving given place spans (`resolve_mentions`): what `--gold-spans` measures."""

from __future__ import annotations

import pytest

from sitrep.gazetteer import Gazetteer
from sitrep.stages.places_given import resolve_mentions


def _resolve(text: str, names: list[str], gazetteer: Gazetteer) -> list[str | None]:
    spans = []
    at = 0
    for name in names:
        start = text.index(name, at)
        spans.append((start, start + len(name)))
        at = start + len(name)
    return [
        r.candidate.name if r.candidate else None for r in resolve_mentions(text, spans, gazetteer)
    ]


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        (
            "Shelling hit Izyum, in the Kharkiv region.",
            ["Izyum", "Kharkiv"],
            ["Izyum", "Kharkiv Oblast"],
        ),
        ("Turkish troops crossed the border.", ["Turkish"], ["Turkey"]),
        ("Fighting near Hatay Province.", ["Hatay Province"], ["Hatay"]),
        ("Crowds gathered in Kyiv Oblast.", ["Kyiv Oblast"], ["Kyiv Oblast"]),
        ("He lives in Lexington, Ky.", ["Lexington", "Ky."], ["Lexington", "Kentucky"]),
        ("Born in Evansville, Ind., in 1950.", ["Evansville", "Ind."], ["Evansville", "Indiana"]),
        ("Deputies in Laurel County made an arrest.", ["Laurel County"], ["Laurel County"]),
        ("Voters in DeKalb County went to the polls.", ["DeKalb"], ["DeKalb County"]),
        (
            "Floods hit Baker, Charlton and Nassau counties.",
            ["Baker", "Charlton", "Nassau"],
            ["Baker County", "Charlton County", "Nassau County"],
        ),
        # A town named alone and its county: the namesakes that lie together win (Athens,
        # Texas is Henderson County's seat; Athens, Greece and Athens, Georgia are not).
        (
            "The Athens Police Department took him to the Henderson County Jail.",
            ["Athens", "Henderson County"],
            ["Athens", "Henderson County"],
        ),
    ],
)
def test_given_spans_resolve_with_their_context(
    gazetteer: Gazetteer, text: str, names: list[str], expected: list[str]
) -> None:
    assert _resolve(text, names, gazetteer) == expected


def test_neighbours_choose_between_namesakes(gazetteer: Gazetteer) -> None:
    text = "Protests spread from Tbilisi to Batumi across Georgia."
    assert _resolve(text, ["Tbilisi", "Batumi", "Georgia"], gazetteer)[2] == "Georgia"
    georgia = resolve_mentions(text, [(text.index("Georgia"), len(text) - 1)], gazetteer)
    assert georgia[0].candidate is not None


def test_an_unknown_name_stays_unresolved(gazetteer: Gazetteer) -> None:
    text = "They met in Qwzxplk."
    (r,) = resolve_mentions(text, [(12, 19)], gazetteer)
    assert r.candidate is None


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("She moved to Augusta last year.", "Augusta", "Augusta"),  # not Augsburg's old name
        ("The law passed in Illinois on Monday.", "Illinois", "Illinois"),
        ("He was sent back to Virginia for trial.", "Virginia", "Virginia"),
        ("The wall on the border with Mexico was debated.", "Mexico", "Mexico"),
        ("Rents in New York rose again.", "New York", "New York City"),
    ],
)
def test_an_entrys_own_name_beats_an_alternate_name(
    gazetteer: Gazetteer, text: str, name: str, expected: str
) -> None:
    assert _resolve(text, [name], gazetteer) == [expected]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("American", "United States"),
        ("Americans", "United States"),
        ("Indian", "India"),
        ("German", "Germany"),  # also an alternate name of a Mexican hamlet
        ("Canadian", "Canada"),  # also a town in Texas
        ("European", "Europe"),
    ],
)
def test_demonyms_name_their_country_or_continent(
    gazetteer: Gazetteer, word: str, expected: str
) -> None:
    text = f"The {word} delegation arrived."
    assert _resolve(text, [word], gazetteer) == [expected]


def test_the_region_the_other_names_share_chooses_between_namesakes(gazetteer: Gazetteer) -> None:
    text = "Flooding closed roads in Gainesville, Oakwood and Flowery Branch in Hall County."
    names = ["Gainesville", "Oakwood", "Flowery Branch", "Hall County"]
    spans = []
    for name in names:
        start = text.index(name)
        spans.append((start, start + len(name)))
    gainesville = resolve_mentions(text, spans, gazetteer)[0].candidate
    assert gainesville is not None and gainesville.admin1 == "Georgia"


# --- third round: passes in context, alternate names, countries, rivers ----------------------


@pytest.mark.parametrize(
    ("text", "names", "expected_admin1"),
    [
        # Alone "Georgia" reads as the country; once the others settle it is the state, and
        # Atlanta is Georgia's, not a Texan town of 5,000 the first pass's focus favoured.
        (
            "Officials in Atlanta met on Monday. In Georgia, the plan drew praise, "
            "while Texas declined.",
            ["Atlanta", "Georgia", "Texas"],
            ["Georgia", "Georgia", "Texas"],
        ),
        (
            "Police in Athens, Ga., said the suspect fled to Gainesville, in Hall County.",
            ["Athens", "Ga.", "Gainesville", "Hall County"],
            ["Georgia", "Georgia", "Georgia", "Georgia"],
        ),
    ],
)
def test_a_misread_name_does_not_mislead_the_others(
    gazetteer: Gazetteer, text: str, names: list[str], expected_admin1: list[str]
) -> None:
    spans = []
    at = 0
    for name in names:
        start = text.index(name, at)
        spans.append((start, start + len(name)))
        at = start + len(name)
    chosen = [r.candidate for r in resolve_mentions(text, spans, gazetteer)]
    assert [(c.country, c.admin1) if c else None for c in chosen] == [
        ("US", a) for a in expected_admin1
    ]


def test_a_state_beats_a_town_known_by_its_name_only_as_an_alternate(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "Residents of Hemet, Riverside and San Jacinto, California, said they would move "
        "to Florida."
    )
    names = ["Hemet", "Riverside", "San Jacinto", "California", "Florida"]
    assert _resolve(text, names, gazetteer)[-1] == "Florida"


@pytest.mark.parametrize(
    ("text", "names", "expected_country"),
    [
        # The document is about Missouri, which has a town called Mexico: still the country.
        (
            "Farmers in Columbia and Jefferson City, Missouri, want more trade with Mexico.",
            ["Columbia", "Jefferson City", "Missouri", "Mexico"],
            "MX",
        ),
        # ... unless the text puts it in Missouri.
        ("Police in Mexico, Mo., said the driver was from Columbia.", ["Mexico", "Mo."], "US"),
    ],
)
def test_a_country_name_means_the_country_unless_the_text_places_it(
    gazetteer: Gazetteer, text: str, names: list[str], expected_country: str
) -> None:
    spans = []
    at = 0
    for name in names:
        start = text.index(name, at)
        spans.append((start, start + len(name)))
        at = start + len(name)
    mexico = resolve_mentions(text, spans, gazetteer)[names.index("Mexico")].candidate
    assert mexico is not None and mexico.country == expected_country


def test_a_river_is_not_the_city_of_that_name(gazetteer: Gazetteer) -> None:
    assert _resolve("Troops crossed the Dnipro river near Kherson.", ["Dnipro"], gazetteer) == [
        None
    ]
    assert _resolve("Missiles hit Dnipro overnight.", ["Dnipro"], gazetteer) == ["Dnipro"]


def test_a_town_beside_its_county_is_the_countys_town(gazetteer: Gazetteer) -> None:
    text = "The Athens Police Department took him to the Henderson County Jail."
    spans = [(4, 10), (text.index("Henderson"), text.index("Henderson") + 16)]
    athens, county = (r.candidate for r in resolve_mentions(text, spans, gazetteer))
    assert athens is not None and county is not None
    assert (athens.admin1, county.admin1) == ("Texas", "Texas")


@pytest.mark.parametrize(
    ("text", "names", "countries"),
    [
        # Both have namesakes 100 km apart in Ontario: big, well-known readings still win.
        ("Leaders met in Paris and London on Monday.", ["Paris", "London"], ["FR", "GB"]),
        ("Storms hit Athens and Rome overnight.", ["Athens", "Rome"], ["GR", "IT"]),
    ],
)
def test_namesakes_lying_together_do_not_outweigh_famous_cities(
    gazetteer: Gazetteer, text: str, names: list[str], countries: list[str]
) -> None:
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    found = [
        r.candidate.country if r.candidate else None
        for r in resolve_mentions(text, spans, gazetteer)
    ]
    assert found == countries
