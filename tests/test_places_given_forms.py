"""Given spans, round 5: names unknown to the gazetteer that stand in a known place
("Republic of Armenia", "Colchester General Hospital") and the text's money as a weak
locale prior ("$765,000" in a report naming only "Mansfield")."""

from __future__ import annotations

import pytest

from sitrep.gazetteer import Gazetteer
from sitrep.stages.places_cues import locale_countries
from sitrep.stages.places_given import named_after, resolve_mentions


def _resolve_one(text: str, name: str, gazetteer: Gazetteer) -> tuple[str | None, str | None]:
    start = text.index(name)
    (r,) = resolve_mentions(text, [(start, start + len(name))], gazetteer)
    return (r.candidate.name, r.candidate.country) if r.candidate else (None, None)


@pytest.mark.parametrize(
    ("name", "place", "country"),
    [
        ("Republic of Armenia", "Armenia", "AM"),
        ("the Kingdom of Jordan", "Jordan", "JO"),
        ("Colchester General Hospital", "Colchester", "GB"),
        ("Harare City Council", "Harare", "ZW"),
        ("Nairobi Hospital", "Nairobi", "KE"),
    ],
)
def test_an_unknown_name_standing_in_a_known_place_resolves_there(
    gazetteer: Gazetteer, name: str, place: str, country: str
) -> None:
    text = f"Officials at {name} confirmed the report."
    assert _resolve_one(text, name, gazetteer) == (place, country)


@pytest.mark.parametrize(
    "name",
    [
        # Towns that also answer to "Florida" or "California" are not Florida's.
        "Florida Atlantic University",
        "California State University",
        # Not a head word of a thing named after its town.
        "Abu Shouk Market Street",
        "Holy Redeemer Church",
    ],
)
def test_a_name_without_a_settlement_of_its_own_at_its_start_stays_unresolved(
    gazetteer: Gazetteer, name: str
) -> None:
    assert named_after(name, gazetteer) == ()


def test_a_known_name_is_not_replaced_by_the_place_it_opens_with(gazetteer: Gazetteer) -> None:
    text = "Crowds filled Mexico City on Sunday."
    assert _resolve_one(text, "Mexico City", gazetteer) == ("Mexico City", "MX")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council approved $765,000 for repairs.", {"US"}),
        ("It cost US$ 2 million.", {"US"}),
        ("It cost C$40 and A$30.", {"CA", "AU"}),
        ("The fine was £5,000.", {"GB"}),
        ("Prices rose to 300 hryvnias.", {"UA"}),
        ("The charity raised 2 crore for flood relief.", {"IN"}),
        ("Shelling hit Izyum on Monday.", set()),
    ],
)
def test_money_written_one_countrys_way_gives_the_locale(text: str, expected: set[str]) -> None:
    assert locale_countries(text) == expected


def test_a_dollar_report_naming_one_town_reads_the_us_namesake(gazetteer: Gazetteer) -> None:
    text = "Mansfield council to vote on $765,000 financing package for the Law Center."
    assert _resolve_one(text, "Mansfield", gazetteer)[1] == "US"
    without = "Mansfield council to vote on a financing package for the Law Center."
    assert _resolve_one(without, "Mansfield", gazetteer)[1] == "GB"


def test_the_locale_does_not_override_a_capital(gazetteer: Gazetteer) -> None:
    text = "Athens pledged $2 billion to the fund."
    assert _resolve_one(text, "Athens", gazetteer) == ("Athens", "GR")
