"""The output contract's records: spans verify, and JSON round-trips exactly."""

from __future__ import annotations

import json

import pytest

from contract import CONTRACT_KEYS
from sitrep.records import (
    Event,
    Figure,
    Organization,
    Person,
    Place,
    Published,
    Quote,
    Relation,
    Removed,
    Report,
    Source,
    Span,
    TimeExpression,
    bad_spans,
    content_id,
    from_json,
    iter_spans,
    to_dict,
    to_json,
)

TEXT = 'Izyum was retaken in September 2022. "We are home," said Olena, 34.'


def span(fragment: str) -> Span:
    start = TEXT.index(fragment)
    return Span.of(TEXT, start, start + len(fragment))


def full_report() -> Report:
    return Report(
        id=content_id(TEXT),
        source=Source(path="a.txt", title="A"),
        language="en",
        published=Published(
            date=None,
            estimated=True,
            window=("2022-10-01", "2022-12-31"),
            basis="content",
            evidence=("September 2022",),
        ),
        text=TEXT,
        removed=(Removed(0, 13, "Advertisement", "ad"),),
        places=(
            Place(
                id="P1",
                name="Izium",
                mentions=(span("Izyum"),),
                gazetteer_id="geonames:707292",
                lat=49.2,
                lon=37.3,
                country="UA",
                admin1="Kharkiv Oblast",
                kind="city",
                confidence=0.9,
            ),
        ),
        people=(
            Person(
                id="H1",
                name="Olena",
                mentions=(span("Olena"),),
                age=34,
                relations=(Relation("sister", "H2"),),
            ),
        ),
        organizations=(Organization(id="O1", name="AFP", mentions=(), kind="media"),),
        times=(TimeExpression(span=span("September 2022"), value="2022-09"),),
        quotes=(
            Quote(
                span=span("We are home,"),
                speaker="H1",
                speaker_text="Olena",
                cue="said",
                speaker_span=span("Olena"),
                cue_span=span("said"),
            ),
        ),
        figures=(Figure(span=span("34"), value=34.0, unit="years"),),
        events=(
            Event(
                id="E1",
                type="recapture",
                date="2022-09",
                date_precision="month",
                place="P1",
                actors=("Ukraine: military",),
                evidence=(span("Izyum was retaken"),),
                confidence=0.8,
            ),
        ),
    )


def test_span_of_takes_the_text_it_covers() -> None:
    assert Span.of("abcdef", 1, 3) == Span(1, 3, "bc")


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (3, 2), (0, 99)])
def test_span_of_refuses_offsets_outside_the_text(start: int, end: int) -> None:
    with pytest.raises(ValueError):
        Span.of("abcdef", start, end)


def test_json_round_trip_rebuilds_an_equal_report() -> None:
    report = full_report()
    assert from_json(Report, to_json(report)) == report


def test_json_form_uses_the_contract_field_names() -> None:
    data = json.loads(to_json(full_report()))
    assert set(data) >= CONTRACT_KEYS
    assert data["places"][0]["mentions"][0] == {"start": 0, "end": 5, "text": "Izyum"}
    assert data["published"]["window"] == ["2022-10-01", "2022-12-31"]
    assert data["people"][0]["relations"] == [{"type": "sister", "of": "H2"}]


def test_unknown_fields_in_json_are_ignored_so_newer_files_stay_readable() -> None:
    data = to_dict(full_report())
    data["future_field"] = 1
    data["places"][0]["population"] = 25000
    assert from_json(Report, json.dumps(data)) == full_report()


def test_every_span_is_found_and_verifies() -> None:
    report = full_report()
    assert len(list(iter_spans(report))) == 8
    assert bad_spans(report) == []


def test_a_span_that_does_not_match_the_text_is_reported() -> None:
    wrong = Span(0, 5, "Kyiv!")
    report = full_report()
    broken = Report(
        **{
            **{f: getattr(report, f) for f in report.__slots__},  # type: ignore[attr-defined]
            "times": (TimeExpression(span=wrong, value=None),),
        }
    )
    assert bad_spans(broken) == [wrong]


def test_content_id_is_stable_and_content_derived() -> None:
    assert content_id("abc") == content_id("abc")
    assert content_id("abc") != content_id("abd")
    assert len(content_id("abc")) == 16


def _to_dict_by_fields(record: object) -> object:
    """``to_dict`` as it was before it cached field names: the reference it must equal."""
    import dataclasses

    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {
            f.name: _to_dict_by_fields(getattr(record, f.name))
            for f in dataclasses.fields(record)
        }
    if isinstance(record, (tuple, list)):
        return [_to_dict_by_fields(x) for x in record]
    return record


@pytest.mark.parametrize(
    "value",
    [
        full_report(),
        [full_report(), None, 3, "x", (1.5, ("a",))],
        Span,  # a dataclass class, not an instance, stays as it is
        (Relation("sister", "H2"), Relation("son", None)),
        {"a": 1},  # not a record: returned untouched
    ],
    ids=["report", "mixed-list", "class", "tuple-of-records", "dict"],
)
def test_to_dict_with_cached_field_names_equals_the_field_by_field_form(value: object) -> None:
    assert to_dict(value) == _to_dict_by_fields(value)
    assert to_dict(value) == to_dict(value)  # the second call, from the cache, agrees


def test_to_dict_of_store_rows_keeps_field_order_and_nesting() -> None:
    from sitrep.store.rows import SourceRow, TimelineEntry

    source = SourceRow("d1", "a.txt", "d1:E1", "s1", None, 3, None, None, None)
    entry = TimelineEntry(
        "event", "e1", "2022-09-01", "2022-09-01", "day", "event", "shelling", "Izyum",
        None, None, (3,), (), False, (source,), 1,
    )  # fmt: skip
    data = to_dict(entry)
    assert list(data) == [
        "kind", "id", "date", "date_end", "precision", "date_basis", "what", "place",
        "value", "unit", "killed", "injured", "discrepancy", "sources", "independent_sources",
    ]  # fmt: skip
    assert data["sources"] == [_to_dict_by_fields(source)]
    assert data["killed"] == [3]
