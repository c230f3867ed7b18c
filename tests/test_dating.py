"""Behaviour of the dating stage: keeping stated dates, estimating from content."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from sitrep.records import Published
from sitrep.resources import Resources
from sitrep.stages import dating_anchors
from sitrep.stages.dating import Constraint, date_report, estimate_publication
from sitrep.stages.times import extract_times


def _dated(make_state, resources, text: str, published: str | None = None):  # type: ignore[no-untyped-def]
    state = make_state(text, published)
    extract_times(state, resources)
    date_report(state, resources)
    return state


def _window(published: Published) -> tuple[date, date]:
    assert published.window is not None, published
    lo, hi = published.window
    return date.fromisoformat(lo), date.fromisoformat(hi)


def test_stated_publication_date_is_kept(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    state = _dated(make_state, resources, "Izyum was retaken in September 2022.", "2023-01-05")
    assert state.published.date == "2023-01-05"
    assert state.published.estimated is False


def test_past_date_bounds_publication_from_below(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    state = _dated(make_state, resources, "Izyum was retaken in September 2022.")
    assert state.published.estimated is True
    # The latest stated month bounds it below; the window closes OPEN_WINDOW_DAYS later.
    assert state.published.window == ("2022-09-01", "2023-03-03")
    assert any("2022-09-01" in e for e in state.published.evidence)


@pytest.mark.parametrize(
    ("text", "inside", "outside"),
    [
        ("The town is in ruins, nearly two years since the start of Moscow's invasion of "
         "Ukraine.", date(2024, 1, 10), date(2024, 3, 1)),
        ("It has been more than a year since Russia's invasion of Ukraine.",
         date(2023, 4, 1), date(2023, 2, 1)),
        ("Six months after the Turkey-Syria earthquake, towns lie in ruins.",
         date(2023, 8, 6), date(2023, 12, 31)),
    ],
)  # fmt: skip
def test_elapsed_time_since_a_known_event(  # type: ignore[no-untyped-def]
    make_state, resources, text: str, inside: date, outside: date
) -> None:
    lo, hi = _window(_dated(make_state, resources, text).published)
    assert lo <= inside <= hi
    assert not lo <= outside <= hi


def test_nearly_means_a_bit_less(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = "Nearly two years since the start of Moscow's invasion of Ukraine, the town waits."
    lo, hi = _window(_dated(make_state, resources, text).published)
    assert hi == date(2024, 2, 24)
    assert lo < date(2023, 12, 1)


def test_year_looked_forward_to_bounds_publication_by_the_january_after_it(  # type: ignore[no-untyped-def]
    make_state, resources
) -> None:
    # Year-end results and new-year pieces still speak of the year as ahead.
    text = "Residents were daring to hope for 2024 after the city was retaken in September 2022."
    lo, hi = _window(_dated(make_state, resources, text).published)
    assert lo == date(2022, 9, 1)
    assert hi == date(2025, 1, 31)


def test_contradicting_weak_evidence_is_set_aside() -> None:
    strong = Constraint(date(2023, 10, 1), date(2024, 2, 1), 3, "elapsed")
    weak = Constraint(date(2021, 1, 1), date(2022, 1, 31), 1, "hope for 2022")
    published = estimate_publication([strong, weak], [])
    assert published.window == ("2023-10-01", "2024-02-01")
    assert any(e.startswith("set aside") and "hope for 2022" in e for e in published.evidence)


def test_narrow_window_gets_a_point_estimate_wide_one_does_not() -> None:
    narrow = estimate_publication([Constraint(date(2024, 1, 1), date(2024, 1, 31), 3, "x")], [])
    wide = estimate_publication([Constraint(date(2022, 1, 1), date(2022, 12, 31), 3, "x")], [])
    assert narrow.date == "2024-01-16"
    assert wide.date is None and wide.window == ("2022-01-01", "2022-12-31")


def test_relative_times_are_reresolved_against_the_estimate(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Nearly two years since the start of Moscow's invasion of Ukraine, residents hope for "
        "2024. This winter, some 7,000 people returned."
    )
    state = _dated(make_state, resources, text)
    winter = next(t for t in state.times if t.span.text == "This winter")
    assert (winter.value, winter.anchor) == ("2023-WI", "publication")


def test_user_can_extend_the_anchor_event_table(  # type: ignore[no-untyped-def]
    make_state, resources, tmp_path: Path
) -> None:
    table = {"events": [{"id": "great-flood", "name": "Great Flood of Testland",
                         "date": "2019-06-01", "patterns": ["great flood"]}]}  # fmt: skip
    path = tmp_path / "anchors.json"
    path.write_text(json.dumps(table), encoding="utf-8")
    anchors = dating_anchors.load_anchor_events(path)
    extended = Resources(nlp=resources.nlp, gazetteer=resources.gazetteer,
                         settings=resources.settings, anchors=anchors)  # fmt: skip
    state = _dated(make_state, extended, "Three years after the Great Flood, the dykes hold.")
    lo, hi = _window(state.published)
    assert lo <= date(2022, 6, 1) <= hi
    assert any(e.id == "russian-invasion-of-ukraine" for e in anchors)
    unknown = _dated(make_state, resources, "Three years after the Great Flood, the dykes hold.")
    assert unknown.published.window is None


def test_resources_carry_the_packaged_anchor_table_by_default(resources) -> None:  # type: ignore[no-untyped-def]
    assert {e.id for e in resources.anchors} >= {"russian-invasion-of-ukraine", "sudan-war"}


def test_seed_000_is_dated_to_the_turn_of_2023_and_2024(  # type: ignore[no-untyped-def]
    make_state, resources, seed_000: str
) -> None:
    published = _dated(make_state, resources, seed_000).published
    lo, hi = _window(published)
    assert published.estimated and published.basis == "content"
    assert lo <= date(2023, 12, 20) and date(2024, 1, 15) <= hi
    # The target: within 2023-11-01 .. 2024-02-29 and at most 90 days wide.
    assert date(2023, 11, 1) <= lo and hi <= date(2024, 2, 29)
    assert (hi - lo).days <= 90
    assert published.evidence


def test_seed_003_window_contains_april_2022(make_state, resources, seed_003: str) -> None:  # type: ignore[no-untyped-def]
    lo, hi = _window(_dated(make_state, resources, seed_003).published)
    assert lo <= date(2022, 4, 10) <= hi
    # The target: within 2022-03-01 .. 2022-04-30.
    assert date(2022, 3, 1) <= lo and hi <= date(2022, 4, 30)


@pytest.mark.parametrize(
    ("text", "inside", "outside"),
    [
        # An event the report dates itself, then "nearly a year since" it.
        ("Nearly a year since floodwaters tore through Derna, families wait. The dams burst "
         "in September 2023.", date(2024, 8, 20), date(2024, 11, 1)),
        ("Two years after the storm hit the coast in October 2021, the port reopened.",
         date(2023, 10, 15), date(2023, 1, 1)),
    ],
)  # fmt: skip
def test_elapsed_time_since_an_event_the_report_dates(  # type: ignore[no-untyped-def]
    make_state, resources, text: str, inside: date, outside: date
) -> None:
    lo, hi = _window(_dated(make_state, resources, text).published)
    assert lo <= inside <= hi
    assert not lo <= outside <= hi


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("He woke up on Feb. 24 to calls that Russian troops were bombarding Kharkiv. "
         "She has been stranded there for weeks.", date(2022, 3, 10), date(2022, 4, 27)),
        ("He woke up on Feb. 24 to calls that Russian troops were bombarding Kharkiv. "
         "Aid has not been able to reach the town for months.", date(2022, 4, 25),
         date(2023, 1, 15)),
    ],
)  # fmt: skip
def test_an_ongoing_state_counts_from_the_event_day_the_report_names(  # type: ignore[no-untyped-def]
    make_state, resources, text: str, earliest: date, latest: date
) -> None:
    assert _window(_dated(make_state, resources, text).published) == (earliest, latest)


def test_an_ongoing_state_without_an_event_day_dates_nothing(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    state = _dated(make_state, resources, "She has been stranded there for weeks.")
    assert state.published.window is None


def test_this_season_in_the_past_tense_means_it_has_begun(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Nearly two years since the start of Moscow's invasion of Ukraine, the town waits. "
        "This winter, some 7,000 people returned."
    )
    lo, _ = _window(_dated(make_state, resources, text).published)
    assert lo == date(2023, 12, 1)
