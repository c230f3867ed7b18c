"""Event lookup keys: every stored event that could merge is found, and fewer are loaded."""

from __future__ import annotations

import math
import random

import pytest

from sitrep.corpus import events
from sitrep.corpus.events import EVENT_RADIUS_KM, EventFacts, haversine_km


def facts(lat: float, lon: float, start: str, end: str) -> EventFacts:
    return EventFacts(
        event_id="d:E1", entity_id="d:E1", doc_id="d", story_id=None, type="shelling",
        family="attack", place_gid="g", lat=lat, lon=lon, date_start=start, date_end=end,
        date_basis="event", killed=None, injured=None, actors=(),
    )  # fmt: skip


def point_near(rng: random.Random, lat: float, lon: float, km: float) -> tuple[float, float]:
    bearing, dist = rng.uniform(0, 2 * math.pi), rng.uniform(0, km)
    dlat = dist / 111.2 * math.cos(bearing)
    dlon = dist / (111.2 * math.cos(math.radians(lat))) * math.sin(bearing)
    return lat + dlat, lon + dlon


@pytest.mark.parametrize("latitude", [0.3, 31.5, 48.7, 60.2, -33.9])
def test_every_event_within_the_radius_is_under_one_of_the_new_events_keys(
    latitude: float,
) -> None:
    rng = random.Random(int(latitude * 10))
    misses = 0
    for _ in range(2000):
        lat, lon = latitude + rng.uniform(-0.5, 0.5), rng.uniform(20, 40)
        old_lat, old_lon = point_near(rng, lat, lon, EVENT_RADIUS_KM * 1.2)
        if haversine_km(lat, lon, old_lat, old_lon) > EVENT_RADIUS_KM:
            continue
        new = facts(lat, lon, "2024-03-10", "2024-03-10")
        old = facts(old_lat, old_lon, "2024-03-09", "2024-03-09")
        misses += events._home_key(old) not in events._lookup_keys(new)
    assert misses == 0


@pytest.mark.parametrize(
    ("new_span", "old_span"),
    [
        (("2024-03-01", "2024-03-01"), ("2024-02-28", "2024-02-29")),  # month before
        (("2024-03-31", "2024-03-31"), ("2024-04-01", "2024-04-01")),  # next day, next month
        (("2024-03-20", "2024-04-05"), ("2024-04-03", "2024-04-03")),  # span into next month
    ],
)
def test_dates_that_overlap_across_a_month_boundary_share_a_key(
    new_span: tuple[str, str], old_span: tuple[str, str]
) -> None:
    new, old = facts(48.7, 37.5, *new_span), facts(48.7, 37.5, *old_span)
    assert events._home_key(old) in events._lookup_keys(new)


def test_a_point_in_the_middle_of_its_cell_looks_in_fewer_cells_than_nine() -> None:
    middle = facts(48.75, 37.75, "2024-03-10", "2024-03-10")
    assert len(events._lookup_keys(middle)) < 9 * 2
