"""Events, seventh round: general causes of misses found on eight reports written by an
outside writer (clashes between armed groups, a national grid collapse, an exodus, a
blocked convoy, a retaken town, a drone strike, storm floods, protests with arrests).
The sentences here are our own, not the reports'."""

from __future__ import annotations

import pytest
from tests.test_events_round6 import _events, _places, _told

from sitrep.records import Figure, Place, Span
from sitrep.stages.events_document import (
    consolidate,
    dateline_span,
    is_part_of_toll,
    same_named_places,
)


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("Clashes kill dozens\n\nCÚCUTA, Colombia, Jan 21 (Wire) - Fighting went on.",
         "CÚCUTA, Colombia, Jan 21 (Wire) - "),
        ("ÉDÉA, Cameroon, May 2 — Floods hit the town.", "ÉDÉA, Cameroon, May 2 — "),
        ("GAO, Mali, March 3 — Shelling went on.", "GAO, Mali, March 3 — "),
    ],
)  # fmt: skip
def test_a_dateline_in_accented_capitals_is_a_dateline(text: str, dateline: str) -> None:
    start, end = dateline_span(text)
    assert text[start:end] == dateline


def test_a_country_wide_outage_is_placed_at_the_country_not_the_main_city(  # type: ignore[no-untyped-def]
    make_state, resources
) -> None:
    text = (
        "Gao was calm. Gao had water.\n\n"
        "Mali's national grid collapsed on Friday, cutting electricity to millions."
    )
    outages = [
        p for k, p, _ in _events(make_state, resources, text) if k == "infrastructure_damage"
    ]
    assert outages == ["Mali"]


def test_a_date_a_count_is_measured_from_does_not_date_the_event(  # type: ignore[no-untyped-def]
    make_state, resources
) -> None:
    text = "Mali's grid collapsed for the third time since October 2023, cutting electricity."
    dates = [e.date for k, _, e in _events(make_state, resources, text)
             if k == "infrastructure_damage"]  # fmt: skip
    assert dates and "2023-10" not in dates


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Mali's national grid collapsed, cutting electricity to millions.\n\n"
         "The blackout began when the largest plant shut down.", "infrastructure_damage"),
        ("Gunmen attacked a village near Gao on Monday.\n\n"
         "The president described the attacks as a crime.", "attack"),
    ],
)  # fmt: skip
def test_a_definite_noun_adding_nothing_names_an_event_told_already(  # type: ignore[no-untyped-def]
    make_state, resources, text, kind
) -> None:
    assert [k for k, _, _ in _events(make_state, resources, text)].count(kind) == 1


def test_a_definite_noun_telling_something_new_is_kept(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Gunmen attacked a village near Gao on Monday.\n\n"
        "The attack on a market in Kidal on Thursday killed five people."
    )
    attacks = {p for k, p, _ in _events(make_state, resources, text) if k == "attack"}
    assert attacks == {"Gao", "Kidal"}


def test_a_verb_joined_by_and_shares_its_subjects_place(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Bamako was calm. Bamako had water.\n\n"
        "Fighting between two armed groups in Gao has killed 63 people and driven "
        "30,000 from their homes."
    )
    found = _events(make_state, resources, text)
    assert ("displacement", "Gao") in {(k, p) for k, p, _ in found}


def test_a_headline_sums_up_the_event_the_body_dates() -> None:
    text = "Fighting kills dozens in Gao\n\nFighting in Gao has killed 63 people since Thursday."
    places = _places(text)
    gao = next(p.id for p in places if p.name == "Gao")
    events = [
        _told("armed_clash", gao, text, "Fighting kills dozens in Gao", "2024-03-12"),
        _told("armed_clash", gao, text, "Fighting in Gao has killed 63", "2024-03-07"),
    ]
    (merged,) = consolidate(events, places, text)
    assert merged.date == "2024-03-07"


def test_two_days_in_the_body_stay_two_events() -> None:
    text = "Gao calm\n\nShelling hit Gao on Monday.\n\nShelling hit Gao again on Thursday."
    places = _places(text)
    gao = next(p.id for p in places if p.name == "Gao")
    events = [
        _told("shelling", gao, text, "Shelling hit Gao on Monday", "2024-03-11"),
        _told("shelling", gao, text, "Shelling hit Gao again on Thursday", "2024-03-07"),
    ]
    assert len(consolidate(events, places, text)) == 2


def _unresolved(pid: str, name: str, kind: str, country: str = "CO") -> Place:
    return Place(id=pid, name=name, kind=kind, country=country,  # type: ignore[arg-type]
                 mentions=(Span.of(name, 0, len(name)),))  # fmt: skip


@pytest.mark.parametrize(
    ("names", "aliases"),
    [
        ([("Catatumbo", "other"), ("Catatumbo region", "region")], {"P2": "P1"}),
        ([("Gao", "city"), ("Gao region", "region")], {"P2": "P1"}),
        ([("Gao", "city"), ("Kidal", "city")], {}),
        ([("Red Sea", "water"), ("Red Sea State", "region")], {"P2": "P1"}),
    ],
)  # fmt: skip
def test_a_place_named_again_with_a_designator_is_the_same_place(
    names: list[tuple[str, str]], aliases: dict[str, str]
) -> None:
    places = [_unresolved(f"P{i + 1}", n, k) for i, (n, k) in enumerate(names)]
    assert same_named_places(places) == aliases


@pytest.mark.parametrize(
    ("text", "kind", "place"),
    [
        ("Bamako was calm. Bamako had water.\n\nMobile internet has been cut across the "
         "country in Mali since Monday.", "infrastructure_damage", "Mali"),
        ("Gunmen who fired at the lead trucks stopped a convoy near Gao on Tuesday.",
         "attack", "Gao"),
        ("Rebels seized parts of Gao and Kidal before being pushed back by the army.",
         "recapture", "Kidal"),
        ("Rebels seized parts of Gao and Kidal before being pushed back by the army.",
         "capture", "Gao"),
    ],
)  # fmt: skip
def test_round_seven_events_and_their_places(make_state, resources, text, kind, place) -> None:  # type: ignore[no-untyped-def]
    assert (kind, place) in {(k, p) for k, p, _ in _events(make_state, resources, text)}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Mali is struck by about ten storms every year.", "disaster"),
        ("Nobody in Gao knows who is fighting whom any more, he said.", "armed_clash"),
        ("Police guard the parliament from people who want to storm it.", "attack"),
        ("Police fired tear gas at students who marched in Gao.", "attack"),
        ('"They are shooting at us," said a student in Gao.', "attack"),
    ],
)  # fmt: skip
def test_what_recurs_is_asked_or_wanted_tells_no_such_event(  # type: ignore[no-untyped-def]
    make_state, resources, text, kind
) -> None:
    found = _events(make_state, resources, text)
    assert kind not in {k for k, _, e in found if e.modality in ("fact", "claim")}


def test_the_start_of_an_ongoing_protest_is_no_protest_of_its_own(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Police cleared protesters from the square in Gao overnight.\n\n"
        "Some 200 people have been detained since the protests began on Thursday."
    )
    protests = [e for k, _, e in _events(make_state, resources, text) if k == "protest"]
    assert len(protests) == 1


def test_an_event_days_before_is_not_dated_by_the_clause_it_hangs_from(  # type: ignore[no-untyped-def]
    make_state, resources
) -> None:
    text = "Refugees reached Gao on Sunday, days after rebels seized Kidal."
    (capture,) = [e for k, _, e in _events(make_state, resources, text) if k == "capture"]
    assert capture.date != "2024-03-10"


def test_an_event_told_after_another_on_the_same_day_keeps_its_date(  # type: ignore[no-untyped-def]
    make_state, resources
) -> None:
    text = "Flights to Gao were suspended on Monday after gunmen shelled the airport."
    (shelling,) = [e for k, _, e in _events(make_state, resources, text) if k == "shelling"]
    assert shelling.date == "2024-03-11"


@pytest.mark.parametrize(
    ("sentence", "share"),
    [
        ("At least 19 of the deaths were recorded in Gao.", True),
        ("It received 31 wounded, nine of whom were sent to Gao.", True),
        ("The attack killed 12 people in Gao.", False),
    ],
)  # fmt: skip
def test_a_share_of_a_toll_is_no_toll_of_its_own(sentence: str, share: bool) -> None:
    number = next(w for w in ("19", "nine", "12") if w in sentence.split())
    start = sentence.index(number)
    figure = Figure(span=Span.of(sentence, start, start + len(number)), value=1.0)
    assert is_part_of_toll(sentence, figure) is share


def test_people_are_moved_out_of_where_the_event_is(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = "Medics evacuated 20 wounded people from Kidal to hospitals in Bamako on Monday."
    found = {(k, p) for k, p, _ in _events(make_state, resources, text)}
    assert ("evacuation", "Kidal") in found


def test_a_toll_told_after_ground_was_retaken_is_the_retaking_s(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = "Troops retook Gao from the rebels on Monday.\n\nThe army said 23 people were killed."
    found = [(k, e.killed) for k, _, e in _events(make_state, resources, text)]
    assert ("recapture", 23) in found
