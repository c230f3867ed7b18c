"""A page's counters and topic labels ("Views: 12 408", "Tags: …") are not article body."""

from __future__ import annotations

import pytest

from sitrep.clean import clean

HEADLINE = "Drones strike power plant as winter nears\n"
BODY = (
    "Drones struck the thermal power plant overnight, cutting electricity to three towns, "
    "the regional administration said on Tuesday.\n\n"
    "Repair crews were working to restore supplies, and officials said heating would be "
    "back within days.\n"
)


@pytest.mark.parametrize(
    "line",
    [
        "Views: 12 408",
        "Comments: 3",
        "Shares: 1.2k",
        "Tags: Kharkiv, drones, energy",
        "Topics: Europe | Conflict | Energy",
        "Filed under: World",
        "Keywords: power outage, winter",
    ],
)
def test_a_page_counter_or_topic_line_is_furniture(line: str) -> None:
    raw = HEADLINE + line + "\n\n" + BODY + "\n" + line + "\n"
    cleaned = clean(raw)
    assert len([r for r in cleaned.removed if r.text == line]) == 2
    assert line not in cleaned.text


def test_a_view_count_is_removed_as_page_meta() -> None:
    raw = HEADLINE + "Views: 12 408\n\n" + BODY
    assert [(r.text, r.reason) for r in clean(raw).removed] == [("Views: 12 408", "page-meta")]


@pytest.mark.parametrize(
    "line",
    [
        "Views: the regional governor said the strike was the worst this year.",
        "Comments: none were made by the ministry, which declined to answer questions.",
        "Tags on the crates showed they had come from the port: Odesa, Izmail, Reni.",
        "Heat reached 44°C in the camps, where families have no shade or water.",
    ],
)
def test_a_sentence_that_starts_like_a_label_stays(line: str) -> None:
    raw = HEADLINE + "\n" + BODY + "\n" + line + "\n"
    assert line in clean(raw).text


@pytest.mark.parametrize(
    "headline",
    [
        "Tarnow swelters at 41°C as the heatwave cuts water",
        "Temperatures hit 45°C in Velmora camps",
    ],
)
def test_a_headline_with_a_temperature_is_no_weather_widget(headline: str) -> None:
    raw = headline + "\n\n" + BODY
    assert headline in clean(raw).text


@pytest.mark.parametrize(
    "line", ["Tarnow 29°C Light Rain", "KHARKIV -3° Snow", "Port Moresby 31.5 °C Partly Cloudy"]
)
def test_a_weather_widget_between_paragraphs_is_page_meta(line: str) -> None:
    first, second = BODY.split("\n\n")
    raw = HEADLINE + "\n" + first + "\n\n" + line + "\n\n" + second
    assert [(r.text, r.reason) for r in clean(raw).removed] == [(line, "page-meta")]
