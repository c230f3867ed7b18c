"""Where a report's outlet is: its address's country code, and its other reports' places;
and names that lie beside each other ("Paris and Henry County")."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from places_support import MakeState, by_mention, run
from sitrep.gazetteer import Candidate
from sitrep.stages.places_given import resolve_mentions
from sitrep.stages.places_outlets import (
    HOME_KEY,
    OutletHomes,
    country_of_url,
    outlet_of,
    report_votes,
)
from sitrep.stages.places_resolve import NO_HOME, Proximity


def resolved(text: str, names: list[str], gazetteer: Any, **kwargs: Any) -> list[Candidate]:
    """The readings of ``names`` (their first occurrences in ``text``)."""
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    found = [r.candidate for r in resolve_mentions(text, spans, gazetteer, **kwargs)]
    assert all(c is not None for c in found)
    return [c for c in found if c is not None]


@pytest.mark.parametrize(
    ("url", "country"),
    [
        ("https://lfpress.ca/news/local-news/story", "CA"),
        ("http://www.cambridge-news.co.uk/news/x", "GB"),
        ("https://www.abc.net.au/news/2017", "AU"),
        ("www.kyivindependent.com.ua/x", "UA"),
        ("https://www.example.com/news", None),
        ("https://news.example.org", None),
        ("https://channel.tv/watch", None),  # a country code sold as a generic name
        ("https://startup.io/x", None),
        ("", None),
        (None, None),
        ("not a web address", None),
    ],
)
def test_an_address_country_code_names_its_country(url: str | None, country: str | None) -> None:
    assert country_of_url(url) == country


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("http://news.postbulletin.com/local/1", "postbulletin.com"),
        ("http://www.thisisoxfordshire.co.uk/news/2", "thisisoxfordshire.co.uk"),
        ("https://chronicle.augusta.com/x", "augusta.com"),
        ("https://www.theparisnews.com:8080/a", "theparisnews.com"),
        ("localhost", None),
        (None, None),
    ],
)
def test_an_outlet_is_its_own_domain(url: str | None, outlet: str | None) -> None:
    assert outlet_of(url) == outlet


@pytest.mark.parametrize(
    ("name", "url", "country"),
    [
        ("Richmond", None, "US"),
        ("Richmond", "https://lfpress.ca/x", "CA"),
        ("Richmond", "https://www.bbc.co.uk/news/x", "GB"),
        ("Stratford", "https://lfpress.ca/x", "CA"),
        ("Stratford", "https://www.abc.net.au/x", "AU"),
        ("Cambridge", "https://lfpress.ca/x", "CA"),
        # A weak cue: it settles close namesakes, not a far bigger one.
        ("Perth", "https://www.bbc.co.uk/x", "AU"),
    ],
)
def test_the_address_country_settles_close_namesakes(
    gazetteer: Any, name: str, url: str | None, country: str
) -> None:
    text = f"Police in {name} closed the bridge on Tuesday."
    assert resolved(text, [name], gazetteer, url=url)[0].country == country


def texan_reports(gazetteer: Any) -> list[list[Candidate]]:
    return [
        resolved("Crews repaired roads in Lamar County.", ["Lamar County"], gazetteer),
        resolved("Storms hit Dallas and Tyler overnight.", ["Dallas", "Tyler"], gazetteer),
    ]


def test_a_local_papers_paris_is_where_its_other_reports_are(gazetteer: Any) -> None:
    homes = OutletHomes()
    for report in texan_reports(gazetteer):
        homes.add("https://www.theparisnews.com/news/1", report)
    text = "The council of Paris met on Monday."
    alone = resolved(text, ["Paris"], gazetteer)[0]
    at_home = resolved(text, ["Paris"], gazetteer, home=homes.home("http://theparisnews.com/2"))
    assert (alone.country, at_home[0].country, at_home[0].admin1) == ("FR", "US", "Texas")


def test_another_outlets_reports_say_nothing(gazetteer: Any) -> None:
    homes = OutletHomes()
    for report in texan_reports(gazetteer):
        homes.add("https://www.theparisnews.com/news/1", report)
    assert homes.home("https://www.lemonde.fr/x") is NO_HOME
    assert homes.home(None) is NO_HOME


def test_a_report_is_no_evidence_for_its_own_outlets_home(gazetteer: Any) -> None:
    homes = OutletHomes()
    texas, french = texan_reports(gazetteer)[1], resolved("Riots in Lyon.", ["Lyon"], gazetteer)
    for report in (texas, texas, french):
        homes.add("https://paper.example.com/x", report)
    home = homes.home("https://paper.example.com/y", french)
    assert set(home.regions) == {("US", "Texas")} and set(home.countries) == {"US"}


def test_one_other_report_is_too_few_to_place_an_outlet(gazetteer: Any) -> None:
    homes = OutletHomes()
    report = texan_reports(gazetteer)[1]
    homes.add("https://paper.example.com/x", report)
    homes.add("https://paper.example.com/y", report)
    assert homes.home("https://paper.example.com/y", report) is NO_HOME


def test_each_report_weighs_one_however_many_places_it_names(gazetteer: Any) -> None:
    votes = report_votes(texan_reports(gazetteer)[1] + texan_reports(gazetteer)[0])
    assert votes.reports == 1
    assert votes.regions == {("US", "Texas"): pytest.approx(1.0)}
    assert sum(votes.countries.values()) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # A town and its county, both ambiguous alone: neighbours settle each other.
        (
            "The fair drew visitors from Paris and Henry County on Saturday.",
            ["Paris", "Henry County"],
            [("US", "Tennessee"), ("US", "Tennessee")],
        ),
        # Famous pairs whose namesakes are far apart stay where they are.
        (
            "Flights from Paris and London were cancelled.",
            ["Paris", "London"],
            [("FR", "Ile-de-France"), ("GB", "England")],
        ),
    ],
)
def test_names_lying_side_by_side_settle_each_other(
    gazetteer: Any, text: str, names: list[str], expected: list[tuple[str, str]]
) -> None:
    found = resolved(text, names, gazetteer)
    assert [(c.country, c.admin1) for c in found] == expected


def test_another_name_for_the_same_entry_is_no_neighbour(gazetteer: Any) -> None:
    dc = next(c for c in gazetteer.lookup("Washington") if c.admin1 == "District of Columbia")
    arlington = next(c for c in gazetteer.lookup("Arlington") if c.admin1 == "Virginia")
    _, neighbours = Proximity([[dc], [dc], [arlington]]).nearby()
    assert neighbours == [[1.0], [1.0], [2.0]]


def test_the_stage_reads_the_address_and_a_given_home(
    make_state: MakeState, resources: Any, gazetteer: Any
) -> None:
    from sitrep.stages.places import extract_places

    # Alone, "Cambridge" is too uncertain to place; a Canadian address places it.
    text = "Police in Cambridge closed the bridge. The city council of Cambridge met later."
    alone = by_mention(run(make_state, resources, text), "Cambridge")
    state = make_state(text)
    state.raw = replace(state.raw, url="https://lfpress.ca/news/1")
    extract_places(state, resources)
    canadian = by_mention(state.places, "Cambridge")
    assert alone is not None and alone.lat is None
    assert canadian is not None and (canadian.country, canadian.admin1) == ("CA", "Ontario")

    homes = OutletHomes()
    for report in texan_reports(gazetteer):
        homes.add("https://www.theparisnews.com/1", report)
    text = "Police in Paris closed the bridge. The city council of Paris met later."
    state = make_state(text)
    state.scratch[HOME_KEY] = homes.home("https://www.theparisnews.com/2")
    extract_places(state, resources)
    at_home = by_mention(state.places, "Paris")
    assert at_home is not None and at_home.admin1 == "Texas"
    alone = by_mention(run(make_state, resources, text), "Paris")
    assert alone is not None and alone.country == "FR"
