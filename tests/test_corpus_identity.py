"""People and events across reports: merged only on compatible evidence, with a reason;
namesakes kept apart with the contradiction; a wrong person merge undone by the user;
one event's differing death tolls kept side by side. Reports built by hand (no model)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from sitrep.corpus import dates
from sitrep.corpus.events import EventFacts
from sitrep.corpus.events import judge as judge_events
from sitrep.corpus.people import PersonFacts, name_key
from sitrep.corpus.people import judge as judge_people
from sitrep.errors import StoreError
from sitrep.ingest.document import RawDocument
from sitrep.records import Event, Person, Place, Published, Report, Source, Span, content_id
from sitrep.store import Store


def person(name: str, doc: str = "d1", **facts: object) -> PersonFacts:
    base = PersonFacts(
        person_id=f"{doc}:H1", entity_id=f"{doc}:H1", doc_id=doc, name=name,
        name_key=name_key(name), age=None, role=None, place_gid=None, ref_date=None,
    )  # fmt: skip
    return replace(base, **facts)  # type: ignore[arg-type]


# ---------------------------------------------------------------------- people


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Anastasia Onishchuk", "anastasia onishchuk"),
        ("Ms. Onishchuk", "onishchuk"),
        ("Nadiia Bondar", "nadiia bondar"),
        ("Salem al-Obeidi", "salem al-obeidi"),
        ("Ayşe Demir", "ayse demir"),
        ("the head of the Kharkiv regional military administration", None),
    ],
)
def test_name_key_folds_case_accents_and_titles_and_refuses_descriptions(
    name: str, key: str | None
) -> None:
    assert name_key(name) == key


def test_anastasia_26_in_2023_is_not_anastasia_onishchuk_21_in_2022() -> None:
    seed_000 = person("Anastasia", "d0", age=26, ref_date="2023-12-08")
    seed_003 = person("Anastasia Onishchuk", "d3", age=21, role="actor",
                      ref_date="2022-08-05")  # fmt: skip
    verdict = judge_people(seed_000, seed_003)
    assert verdict is not None and not verdict.merge
    assert "ages 21 and 26" in verdict.reason


@pytest.mark.parametrize(
    ("new", "old", "merge"),
    [
        # Same full name, nothing contradicts: one person.
        (dict(name="Valery Marchenko", role="mayor of Izyum"),
         dict(name="Valery Marchenko", role="Izyum mayor"), True),
        # Age drifts with the years between the reports.
        (dict(name="Nadiia Bondar", age=72, ref_date="2025-03-01"),
         dict(name="Nadiia Bondar", age=71, ref_date="2024-02-01"), True),
        # Same full name, different professions: namesakes.
        (dict(name="Olena Kovalchuk", role="teacher"),
         dict(name="Olena Kovalchuk", role="nurse"), False),
        # Same full name, different home towns.
        (dict(name="Olena Kovalchuk", place_gid="geonames:1"),
         dict(name="Olena Kovalchuk", place_gid="geonames:2"), False),
        # A first name alone needs two agreeing descriptors ...
        (dict(name="Olena", age=34, role="nurse"), dict(name="Olena", age=34), False),
        (dict(name="Olena", age=34, role="nurse"), dict(name="Olena", age=34, role="nurse"), True),
        # ... unless both records are in copies of one story.
        (dict(name="Olena", story_id="s1"), dict(name="Olena", story_id="s1"), True),
    ],
)
def test_people_merge_only_on_compatible_evidence(
    new: dict[str, object], old: dict[str, object], merge: bool
) -> None:
    a = person(str(new.pop("name")), "d2", **new)
    b = person(str(old.pop("name")), "d1", **old)
    verdict = judge_people(a, b)
    assert verdict is not None and verdict.merge is merge
    assert verdict.reason


def test_different_full_names_sharing_a_first_name_are_not_even_compared() -> None:
    assert judge_people(person("Olena Kovalchuk", "d2"), person("Olena Bondar", "d1")) is None


# ---------------------------------------------------------------------- events


def event(doc: str, **facts: object) -> EventFacts:
    base = EventFacts(
        event_id=f"{doc}:E1", entity_id=f"{doc}:E1", doc_id=doc, story_id=doc, type="shelling",
        family="attack", place_gid="geonames:703656", lat=49.71, lon=37.616,
        date_start="2024-01-14", date_end="2024-01-14", date_basis="event", killed=None,
        injured=None, actors=(),
    )  # fmt: skip
    return replace(base, **facts)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "same"),
    [
        ({}, True),
        ({"type": "attack"}, True),  # same family
        ({"family": "disaster", "type": "disaster"}, False),
        ({"date_start": "2024-01-15", "date_end": "2024-01-15"}, True),  # a day's slack
        ({"date_start": "2024-01-20", "date_end": "2024-01-20"}, False),
        ({"date_start": "2024-01-01", "date_end": "2024-01-31"}, True),  # month precision
        ({"date_start": "2024-01-01", "date_end": "2024-12-31"}, False),  # a year: too vague
        ({"lat": 49.9, "lon": 37.616, "place_gid": "geonames:2"}, True),  # 21 km away
        ({"lat": 50.2, "lon": 37.616, "place_gid": "geonames:3"}, False),  # 54 km away
        ({"actors": ("Russia: military",)}, True),
        ({"date_start": None, "date_end": None}, False),  # one side undated
    ],
)
def test_events_merge_by_type_family_radius_date_and_actors(
    changes: dict[str, object], same: bool
) -> None:
    old = event("d1", actors=("Russia",))
    assert (judge_events(event("d2", **changes), old) is not None) is same


def test_undated_events_merge_only_when_both_carry_casualties() -> None:
    undated = {"date_start": None, "date_end": None, "date_basis": None}
    assert judge_events(event("d2", **undated), event("d1", **undated)) is None
    assert judge_events(event("d2", killed=14, **undated), event("d1", killed=12, **undated))


@pytest.mark.parametrize(
    ("value", "interval", "precision"),
    [
        ("2022-09", ("2022-09-01", "2022-09-30"), "month"),
        ("2022-09-18", ("2022-09-18", "2022-09-18"), "day"),
        ("2023-WI", ("2023-12-01", "2024-02-29"), "season"),
        ("2022", ("2022-01-01", "2022-12-31"), "year"),
        ("XXXX-WXX-7", None, None),
        ("2022-13", None, None),
    ],
)
def test_dates_are_intervals_that_respect_precision(
    value: str, interval: tuple[str, str] | None, precision: str | None
) -> None:
    found = dates.interval(value)
    assert (None if found is None else (found[0].isoformat(), found[1].isoformat())) == interval
    if interval is not None:
        assert dates.precision(value) == precision


# ---------------------------------------------------------------------- through the store

KUPIANSK = ("geonames:703656", 49.71003, 37.61581)


def strike_report(text: str, killed: int, injured: int, name: str, age: int) -> Report:
    def at(needle: str) -> Span:
        start = text.index(needle)
        return Span.of(text, start, start + len(needle))

    return Report(
        id=content_id(text), source=Source(path=f"{name}.txt"), language="en",
        published=Published(), text=text,
        places=(Place("P1", "Kupiansk", (at("Kupiansk"),), gazetteer_id=KUPIANSK[0],
                      lat=KUPIANSK[1], lon=KUPIANSK[2], kind="city", confidence=0.9),),
        people=(Person("H1", name, (at(name),), age=age, role="nurse"),),
        events=(Event("E1", "shelling", place="P1", killed=killed, injured=injured,
                      evidence=(at("killed"),)),),
    )  # fmt: skip


def write(store: Store, reports: list[Report]) -> None:
    run = store.begin_run({})
    for r in reports:
        store.write_batch([(RawDocument(text=r.text, origin=r.id), r)], [], run)


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "identity.duckdb", lock_timeout_s=0.3)


@pytest.fixture()
def two_strike_reports(store: Store) -> Store:
    write(store, [
        strike_report("Shells killed 12 and injured 31 in Kupiansk. Olena Marchuk, a nurse, "
                      "worked all night.", 12, 31, "Olena Marchuk", 34),
        strike_report("In Kupiansk the toll rose: 14 killed, 29 injured. Olena Marchuk treated "
                      "the wounded.", 14, 29, "Olena Marchuk", 34),
    ])  # fmt: skip
    return store


def test_one_strike_told_twice_is_one_event_with_both_tolls_side_by_side(
    two_strike_reports: Store,
) -> None:
    timeline = two_strike_reports.timeline("Kupiansk")
    assert timeline is not None
    (strike,) = [e for e in timeline.entries if e.kind == "event"]
    assert strike.killed == (12, 14) and strike.injured == (29, 31)
    assert strike.discrepancy
    assert sorted(s.killed for s in strike.sources) == [12, 14]  # type: ignore[type-var]
    assert strike.independent_sources == 2


def test_person_merge_records_why_and_can_be_undone(two_strike_reports: Store) -> None:
    (olena,) = two_strike_reports.person("olena")
    assert len(olena.records) == 2
    merged = next(r for r in olena.records if r.matched_id)
    assert "same full name" in merged.reason and "ages 34 and 34 agree" in merged.reason

    left = two_strike_reports.unmerge_person(merged.person_id)
    assert left == olena.id
    after = two_strike_reports.person("olena")
    assert sorted(len(p.records) for p in after) == [1, 1]
    assert any(r.reason == "unmerged by user" for p in after for r in p.records)
    with pytest.raises(StoreError, match="not merged"):
        two_strike_reports.unmerge_person(merged.person_id)
    with pytest.raises(StoreError, match="no person record"):
        two_strike_reports.unmerge_person("nothing:H9")
