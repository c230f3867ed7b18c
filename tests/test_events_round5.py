"""Events, fifth round: undated events dated by the report (marked as inferred), and the
general causes of misses found on eight reports the team wrote and annotated before any
rule was tried on them (outbreaks, marches and crackdowns, aid convoys, headline places,
a place inside the country a clause names, reference points)."""

from __future__ import annotations

import re

import pytest

from sitrep.corpus.events import _facts
from sitrep.evaluation.report import event_date_agrees
from sitrep.export.acled_csv import acled_date, acled_row
from sitrep.records import Event, Place, Published, Report, Source, Span
from sitrep.stages.dating import date_report
from sitrep.stages.events import extract_events
from sitrep.stages.events_dating import date_from_report, is_inferred, own_date, report_date
from sitrep.stages.figures import extract_figures
from sitrep.stages.times import extract_times

# name -> (kind, country, lat): enough of a gazetteer for the rules under test.
PLACES = {
    "Zambia": ("country", "ZM", -14.0), "Lusaka": ("city", "ZM", -15.4),
    "Taiz": ("city", "YE", 13.6), "Aden": ("city", "YE", 12.8), "Yemen": ("country", "YE", 15.5),
    "Kathmandu": ("city", "NP", 27.7), "Jajarkot district": ("other", "NP", None),
    "Conakry": ("city", "GN", 9.5), "Bakhmut": ("city", "UA", 48.6),
}  # fmt: skip


def _events(make_state, resources, text: str, published: str | None = "2024-06-03"):  # type: ignore[no-untyped-def]
    state = make_state(text, published)
    state.places = [
        Place(id=f"P{i + 1}", name=name, kind=kind, country=country, lat=lat,  # type: ignore[arg-type]
              lon=None if lat is None else 0.0,
              mentions=tuple(Span.of(text, m.start(), m.end())
                             for m in re.finditer(rf"\b{name}\b", text)))
        for i, (name, (kind, country, lat)) in enumerate(PLACES.items())
        if re.search(rf"\b{name}\b", text)
    ]  # fmt: skip
    for run in (extract_times, date_report, extract_figures, extract_events):
        run(state, resources)
    return state.events, {p.id: p.name for p in state.places}


def _event(**fields: object) -> Event:
    return Event(id="E1", type=str(fields.pop("type", "shelling")), **fields)  # type: ignore[arg-type]


# ------------------------------------------------------------------ dates from the report


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        (Published(date="2024-01-10"), ("2024-01-10", "publication")),
        (Published(date="2022-04-03", estimated=True, window=("2022-03-10", "2022-04-27")),
         ("2022-03-10/2022-04-27", "window")),
        (Published(date="2022-04-03", estimated=True, window=("2022-04-03", "2022-04-03")),
         ("2022-04-03", "publication")),
        (Published(date="2024-01-10", window=("2023-12-01", "2024-02-01")),
         ("2024-01-10", "publication")),
        (Published(), None),
    ],
)  # fmt: skip
def test_an_undated_event_takes_the_reports_day_or_window(published, expected) -> None:  # type: ignore[no-untyped-def]
    assert report_date(published) == expected


@pytest.mark.parametrize(
    ("event", "dated"),
    [
        (_event(), True),
        (_event(modality="claim"), True),
        (_event(modality="denial"), True),
        (_event(modality="plan"), False),
        (_event(modality="hypothetical"), False),
    ],
)
def test_plans_and_hypotheticals_are_not_dated_by_the_report(event: Event, dated: bool) -> None:
    (result,) = date_from_report([event], Published(date="2024-01-10"))
    assert (result.date is not None) is dated
    assert is_inferred(result) is dated and own_date(result) is None


def test_an_events_own_date_is_kept() -> None:
    own = _event(date="2022-09", date_precision="month")
    (result,) = date_from_report([own], Published(date="2024-01-10"))
    assert result == own and own_date(result) == "2022-09" and not is_inferred(result)


@pytest.mark.parametrize(
    ("gold", "date", "precision", "agrees"),
    [
        ("2022-03", "2022-03-10/2022-04-27", "window", True),
        ("2022-01", "2022-03-10/2022-04-27", "window", True),  # on or before
        ("2022-05-02", "2022-03-10/2022-04-27", "window", False),  # after publication
        ("2023-09", "2024-07-01", "publication", True),
        ("2024-08", "2024-07-01", "publication", False),
        ("2023-09", "2024-07", "month", False),  # an own date is compared by month
        (None, "2024-07-01", "publication", True),
    ],
)
def test_the_harness_reads_an_inferred_date_as_on_or_before(  # type: ignore[no-untyped-def]
    gold, date, precision, agrees
) -> None:
    event = _event(date=date, date_precision=precision)
    assert event_date_agrees(gold, event) is agrees


def _report(event: Event, published: Published) -> Report:
    return Report(id="r1", source=Source(path="a.txt"), language="en", published=published,
                  text="x", events=(event,))  # fmt: skip


@pytest.mark.parametrize(
    ("date", "precision", "day", "code"),
    [("2024-01-10", "publication", "2024-01-10", 2),
     ("2022-03-10/2022-04-27", "window", "2022-03-10", 3)],
)  # fmt: skip
def test_acled_export_codes_an_inferred_date_as_approximate(date, precision, day, code) -> None:  # type: ignore[no-untyped-def]
    event = _event(date=date, date_precision=precision)
    row = acled_row(_report(event, Published(date="2024-01-10")), event, None, 0)
    assert (row["event_date"], row["time_precision"]) == (day, code)
    assert f"date_precision={precision}" in row["tags"]
    assert str(acled_date(date)) == day


def test_the_timeline_dates_an_inferred_event_by_its_publication_window() -> None:
    event = _event(date="2022-03-10/2022-04-27", date_precision="window")
    facts = _facts("r1", event, None, None, None)
    assert facts.date_basis is None and facts.date_start is None  # not the event's own date
    own = _event(date="2022-09", date_precision="month")
    assert _facts("r1", own, None, None, None).date_basis == "event"


def test_seed_003s_states_of_affairs_are_dated_by_its_window(seed_003, make_state, resources):  # type: ignore[no-untyped-def]
    state = make_state(seed_003, None)
    for run in (extract_times, date_report, extract_figures, extract_events):
        run(state, resources)

    def told_in(words: str) -> Event:
        (event,) = [
            e
            for e in state.events
            if words in e.evidence[0].text
            and e.type in ("infrastructure_damage", "humanitarian_access_blocked")
        ]
        return event

    for words in ("Now there is no water", "have been destroyed", "no humanitarian passages",
                  "since the bridges"):  # fmt: skip
        event = told_in(words)
        assert event.date_precision == "window" and "/" in (event.date or ""), words


@pytest.mark.parametrize(
    "sentence",
    [
        "Nearly a year since floodwaters tore through Derna, families are still living in schools.",
        "Some 40,000 people were displaced by the flood in Derna.",
    ],
)
def test_an_event_told_in_the_past_is_not_dated_by_the_report(  # type: ignore[no-untyped-def]
    make_state, resources, sentence: str
) -> None:
    state = make_state(sentence, "2024-08-20")
    for run in (extract_times, date_report, extract_figures, extract_events):
        run(state, resources)
    assert state.events
    assert all(e.date is None for e in state.events if e.type in ("disaster", "displacement"))


# ------------------------------------------------------------------------- triggers


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A cholera outbreak has killed 41 people in Lusaka.", "disaster"),
        ("The epidemic has spread across Lusaka.", "disaster"),
        ("Thousands marched through Conakry to demand civilian rule.", "protest"),
        ("Security forces opened fire on demonstrators in Conakry.", "protest"),
        ("Police dispersed protesters in Conakry with tear gas.", "protest"),
        ("A convoy of 14 trucks carrying flour entered Taiz on Sunday.", "aid"),
        ("UNICEF delivered 200,000 litres of safe water to Lusaka.", "aid"),
    ],
)
def test_round5_triggers_tell_their_events(make_state, resources, text, kind) -> None:  # type: ignore[no-untyped-def]
    events, _ = _events(make_state, resources, text)
    assert kind in [e.type for e in events]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("An outbreak of fighting forced families out of Bakhmut.", "disaster"),
        ("Troops marched into Bakhmut.", "protest"),
        ("The opposition called for a return to civilian rule in Conakry.", "return"),
        ("The floodwater reached the rooftops in Lusaka.", "aid"),
        ("Protesters gathered peacefully in Conakry.", "attack"),
    ],
)
def test_round5_lookalikes_tell_no_such_event(make_state, resources, text, kind) -> None:  # type: ignore[no-untyped-def]
    events, _ = _events(make_state, resources, text)
    assert kind not in [e.type for e in events]


# --------------------------------------------------------------------------- places


def _place_of(make_state, resources, text: str, kind: str) -> str | None:  # type: ignore[no-untyped-def]
    events, names = _events(make_state, resources, text)
    found = [e for e in events if e.type == kind]
    assert found, events
    return names.get(found[0].place or "")


def test_a_place_in_the_named_country_is_the_more_precise(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = "A cholera outbreak in Zambia has killed 41 people in Lusaka since January."
    assert _place_of(make_state, resources, text, "disaster") == "Lusaka"


def test_a_headline_above_the_dateline_places_its_event(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Aid convoy reaches Yemen's besieged Taiz\n\n"
        "ADEN, Yemen, 3 June 2024 — Officials said the situation remained difficult.\n"
    )
    assert _place_of(make_state, resources, text, "aid") == "Taiz"


def test_a_reference_point_does_not_stand_in_for_an_unresolved_place(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "The earthquake struck at night. The quake's epicentre was in Jajarkot district, "
        "about 500 km west of Kathmandu."
    )
    events, names = _events(make_state, resources, text)
    assert all(names.get(e.place or "") != "Kathmandu" for e in events)


def test_first_months_of_the_war_date_the_occupation_by_month(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Izyum was reclaimed by Ukrainian forces in September 2022, after being occupied by "
        "Russia in the first months of the war."
    )
    events, _ = _events(make_state, resources, text, "2024-01-12")
    occupation = [e for e in events if e.type == "occupation"]
    assert [(e.date, e.date_precision) for e in occupation] == [("2022-03", "month")]


def test_set_fire_to_a_building_is_damage(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    events, _ = _events(make_state, resources, "Debris set fire to a substation in Bakhmut.")
    assert "infrastructure_damage" in [e.type for e in events]


def test_the_city_of_a_place_places_the_event(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = "Floods have killed 52 people in the northeastern city of Lusaka since June."
    assert _place_of(make_state, resources, text, "disaster") == "Lusaka"


@pytest.mark.parametrize(
    "text",
    [
        "The mayor said it has been hard to send assistance into Bakhmut.",
        "Agencies were unable to deliver aid to Bakhmut for weeks.",
    ],
)
def test_aid_that_cannot_get_through_is_blocked_access(make_state, resources, text) -> None:  # type: ignore[no-untyped-def]
    kinds = [e.type for e in _events(make_state, resources, text)[0]]
    assert "humanitarian_access_blocked" in kinds and "aid" not in kinds
