"""'A month later', 'two days earlier': dated from the narrative's last stated time, as a
reader dates them, never as a bare stretch of time and never from the publication day
when the story gave a date."""

from __future__ import annotations

import pytest

from sitrep.api import extract


def values(text: str, published: str = "2024-03-01") -> dict[str, tuple[str | None, str]]:
    report = extract(text, published=published)
    return {t.span.text: (t.value, t.kind) for t in report.times}


@pytest.mark.parametrize(
    ("text", "mention", "value"),
    [
        (
            "The town fell in July 2021. A month later, troops retook it.",
            "A month later",
            "2021-08",
        ),
        (
            "The siege began on June 3, 2022. Three weeks later it ended.",
            "Three weeks later",
            "2022-W25",
        ),
        (
            "The dam burst on May 10, 2023. Two days later the water fell.",
            "Two days later",
            "2023-05-12",
        ),
        (
            "The dam burst on May 10, 2023. Two days earlier it had rained.",
            "Two days earlier",
            "2023-05-08",
        ),
        (
            "The town fell in July 2021. Two days later, troops retook it.",
            "Two days later",
            "2021-07",
        ),
    ],
)
def test_an_offset_counts_from_the_last_stated_time(text: str, mention: str, value: str) -> None:
    assert values(text)[mention] == (value, "date")


def test_without_a_stated_time_an_offset_counts_from_the_publication_day() -> None:
    assert values("Two days later the roads reopened.", "2024-03-01")["Two days later"] == (
        "2024-03-03",
        "date",
    )


def test_an_unsaid_count_stays_a_stretch_of_time() -> None:
    assert values("Several days later the roads reopened.")["Several days"][1] == "duration"
