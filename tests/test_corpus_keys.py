"""Event lookup keys: every stored event that could merge is found, and fewer are loaded."""

from __future__ import annotations

import math
import random
from datetime import date, timedelta

import pytest

from sitrep.corpus import dates, events
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
        misses += not set(events._home_keys(old)) & set(events._lookup_keys(new))
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
    assert set(events._home_keys(old)) & set(events._lookup_keys(new))


def test_a_point_in_the_middle_of_its_cell_looks_in_fewer_cells_than_nine() -> None:
    middle = facts(48.75, 37.75, "2024-03-10", "2024-03-10")
    assert len(events._lookup_keys(middle)) < 9 * 2


def _day(rng: random.Random) -> date:
    return date(2024, 1, 1) + timedelta(days=rng.randrange(120))


@pytest.mark.parametrize("seed", range(4))
def test_events_share_a_key_exactly_when_their_dates_can_merge(seed: int) -> None:
    """Any two intervals of at most a month that overlap with the slack share a week
    key; intervals more than a week apart share none (they are not even loaded)."""
    rng = random.Random(seed)
    for _ in range(3000):
        a_start, b_start = _day(rng), _day(rng)
        a_end = a_start + timedelta(days=rng.choice((0, 0, 0, 2, 6, 13, 30)))
        b_end = b_start + timedelta(days=rng.choice((0, 0, 0, 2, 6, 13, 30)))
        new = facts(48.7, 37.5, a_start.isoformat(), a_end.isoformat())
        old = facts(48.7, 37.5, b_start.isoformat(), b_end.isoformat())
        shared = set(events._home_keys(old)) & set(events._lookup_keys(new))
        if dates.overlaps((a_start, a_end), (b_start, b_end), slack_days=events.SLACK_DAYS):
            assert shared, (new.span, old.span)
        gap = max((b_start - a_end).days, (a_start - b_end).days)
        if gap > events.BUCKET_DAYS + events.SLACK_DAYS:
            assert not shared, (new.span, old.span)


@pytest.mark.parametrize(
    ("span", "most"),
    [(("2024-03-10", "2024-03-10"), 2), (("2024-03-01", "2024-03-31"), 6)],
)
def test_a_day_looks_in_a_week_or_two_and_a_month_in_at_most_six(
    span: tuple[str, str], most: int
) -> None:
    event = facts(48.7, 37.5, *span)
    looked_up = events._buckets(event.span, events.SLACK_DAYS)
    assert 1 <= len(looked_up) <= most
    assert set(events._buckets(event.span)) <= set(looked_up)


def test_a_vague_event_is_stored_under_one_undated_key() -> None:
    # Wider than a month, it never merges on its dates: one key, not a season of weeks.
    season = facts(48.7, 37.5, "2024-01-01", "2024-03-31")
    year = facts(48.7, 37.5, "2023-01-01", "2023-12-31")
    assert events._home_keys(season) == events._home_keys(year)
    assert len(events._home_keys(season)) == 1
