"""Events, ninth round: general causes of errors read with ``sitrep eval events --errors``
on reports by two outside writers (a quake's toll told as an attack, damage told as an
event of its own, a coup taken for a capture, a rebel army taken for the state's, a date
line under a headline, villages the gazetteer does not know, places told before the
reporting verb, returns and cash aid missed). The sentences and towns here are our own,
not the reports'."""

from __future__ import annotations

import re

import pytest

from sitrep.evaluation.events import event_errors, score_events_document
from sitrep.records import Event, Figure, Place, Published, Report, Source, Span
from sitrep.stages.dating import date_report
from sitrep.stages.events import extract_events
from sitrep.stages.events_document import headline_end, is_part_of_toll
from sitrep.stages.figures import extract_figures
from sitrep.stages.figures_index import Lines
from sitrep.stages.times import extract_times

# name -> (kind, country, lat): enough of a gazetteer for the rules under test. A place
# with no latitude is one the gazetteer could not pin.
PLACES: dict[str, tuple[str, str, float | None]] = {
    "Gao": ("city", "ML", 16.3),
    "Kidal": ("city", "ML", 18.4),
    "Bamako": ("city", "ML", 12.6),
    "Mali": ("country", "ML", 17.0),
    "Gao region": ("region", "ML", 16.5),
    "Tessit village": ("other", "ML", None),
    "Tanout camp": ("other", "ML", None),
}


def _places(text: str) -> list[Place]:
    found = []
    for name, (kind, country, lat) in PLACES.items():
        pattern = rf"\b{name}\b(?! (?:region|village|camp))"
        spans = tuple(Span.of(text, m.start(), m.end()) for m in re.finditer(pattern, text))
        if spans:
            found.append(
                Place(id=f"P{len(found) + 1}", name=name, kind=kind, country=country,  # type: ignore[arg-type]
                      lat=lat, lon=None if lat is None else 0.0, mentions=spans)
            )  # fmt: skip
    return found


def _events(make_state, resources, text: str):  # type: ignore[no-untyped-def]
    state = make_state(text, "2024-03-12")
    state.places = _places(text)
    for run in (extract_times, date_report, extract_figures, extract_events):
        run(state, resources)
    names = {p.id: p.name for p in state.places}
    return [(e.type, names.get(e.place or ""), e) for e in state.events]


# ------------------------------------------------------------------------- the harness

TEXT = "Shells hit Gao on Monday, killing 3 people. Rebels took Kidal."
GAO = Place(id="P1", name="Gao", mentions=(Span.of(TEXT, 11, 14),), lat=16.3, lon=0.0,
            country="ML", kind="city")  # fmt: skip
KIDAL = Place(id="P2", name="Kidal", mentions=(Span.of(TEXT, 56, 61),), lat=18.4, lon=1.4,
              country="ML", kind="city")  # fmt: skip


def _report(*events: Event) -> Report:
    return Report(id="r", source=Source(), language="en", published=Published(), text=TEXT,
                  places=(GAO, KIDAL), events=events)  # fmt: skip


def test_errors_describe_each_side_with_its_fields_and_evidence() -> None:
    gold = {
        "places": [{"mention": "Gao", "name": "Gao", "lat": 16.3, "lon": 0.0}],
        "events": [
            {"type": "shelling", "date": "2024-03", "place": "Gao", "killed": 3, "injured": 2},
            {"type": "aid", "date": "2024-03", "place": "Gao", "actor": "WFP"},
        ],
    }
    shelling = Event(id="E1", type="shelling", date="2024-03-11", place="P1", killed=3,
                     evidence=(Span.of(TEXT, 0, 24),))  # fmt: skip
    capture = Event(id="E2", type="capture", date="2024-03-11", place="P2",
                    evidence=(Span.of(TEXT, 44, 61),))  # fmt: skip
    errors = event_errors(gold, _report(shelling, capture))
    assert errors.missed == ("aid @ Gao on 2024-03 actor=WFP killed=None injured=None",)
    assert errors.spurious == (
        "capture @ Kidal on 2024-03-11 (None) actor=None killed=None injured=None [fact]"
        " | Rebels took Kidal.",
    )
    (wrong,) = errors.wrong_casualties
    assert "killed=3 injured=2 <> ours killed=3 injured=None" in wrong
    assert wrong.endswith("| Shells hit Gao on Monday, killing 3 people.")


def test_a_missed_event_names_the_nearest_of_its_type_and_what_kept_them_apart() -> None:
    gold = {"events": [{"type": "shelling", "date": "2023-01", "place": "Gao"}]}
    shelling = Event(id="E1", type="shelling", date="2024-03-11", place="P1",
                     evidence=(Span.of(TEXT, 0, 24),))  # fmt: skip
    score = score_events_document(gold, _report(shelling))
    (missed,) = [m for m in score.missed if m.startswith("event")]
    assert missed.endswith("(wrong month)") and "nearest ours: shelling @ Gao" in missed


# ------------------------------------------------------------------------- casualties


def _figure(text: str, words: str, value: float, quantity: str) -> Figure:
    start = text.index(words)
    return Figure(span=Span.of(text, start, start + len(words)), value=value, unit="people",
                  quantity=quantity)  # fmt: skip


@pytest.mark.parametrize(
    ("words", "part"),
    [
        ("three", True),  # "including three children"
        ("two", True),  # "among them two nurses"
        ("nine", False),
        ("40", False),
    ],
)
def test_a_count_named_after_including_is_part_of_the_toll(words: str, part: bool) -> None:
    text = ("Shells hit Gao, killing nine people, including three children, and wounding 40, "
            "among them two nurses.")  # fmt: skip
    figure = _figure(text, words, 1.0, "killed")
    assert is_part_of_toll(text, figure) is part


def test_the_injured_count_is_not_the_part_of_the_dead_named_before_it(  # type: ignore[no-untyped-def]
    make_state, resources
) -> None:
    text = ("Artillery shelled Gao on Monday, killing nine people, including three children, "
            "and wounding 40.")  # fmt: skip
    (shelling,) = [e for k, _, e in _events(make_state, resources, text) if k == "shelling"]
    assert (shelling.killed, shelling.injured) == (9, 40)


def test_a_quakes_toll_told_by_it_killed_is_the_quakes(  # type: ignore[no-untyped-def]
    make_state, resources
) -> None:
    text = ("The magnitude 7.1 earthquake struck Gao late on Monday night. "
            "It killed 120 people and injured 300.")  # fmt: skip
    found = _events(make_state, resources, text)
    assert [k for k, _, _ in found] == ["disaster"]
    assert (found[0][2].killed, found[0][2].injured) == (120, 300)


# ------------------------------------------------------------------------- damage


@pytest.mark.parametrize(
    "text",
    [
        "A car bomb exploded in the market of Gao on Monday. The blast destroyed dozens of "
        "stalls and set fire to two nearby buildings.",
        "A new eruption began near Gao on Monday. A river of lava reached the town and "
        "destroyed five houses.",
        "Storms caused flooding across Gao on Monday, destroying homes and shops.",
        "Gunmen attacked a village near Gao on Monday, killing 12 people and burning the houses.",
    ],
)
def test_damage_the_told_disaster_or_attack_did_is_part_of_it(  # type: ignore[no-untyped-def]
    make_state, resources, text: str
) -> None:
    kinds = [k for k, _, _ in _events(make_state, resources, text)]
    assert kinds and "infrastructure_damage" not in kinds


@pytest.mark.parametrize(
    "text",
    [
        "Several houses in Gao were set on fire on Monday.",  # no cause told
        "Drones struck the power station in Gao on Monday, cutting electricity to the city.",
        "Shelling damaged the railway bridge in Gao on Monday.",  # transport, not buildings
    ],
)
def test_damage_with_no_cause_told_or_to_a_service_is_still_an_event(  # type: ignore[no-untyped-def]
    make_state, resources, text: str
) -> None:
    kinds = [k for k, _, _ in _events(make_state, resources, text)]
    assert "infrastructure_damage" in kinds


# ------------------------------------------------------------------------- types and actors


@pytest.mark.parametrize(
    ("text", "captured"),
    [
        ("The army seized power in Bamako in a coup in May 2021.", False),
        ("The general took office in Bamako in June.", False),
        ("Rebels seized the town of Kidal on Monday.", True),
    ],
)
def test_seizing_power_is_no_capture_of_ground(  # type: ignore[no-untyped-def]
    make_state, resources, text: str, captured: bool
) -> None:
    kinds = [k for k, _, _ in _events(make_state, resources, text)]
    assert ("capture" in kinds) is captured


def test_a_rebel_army_named_after_a_country_is_not_that_countrys_military(  # type: ignore[no-untyped-def]
    make_state, resources
) -> None:
    text = ("The Mali Liberation Front said on Monday that its fighters had overrun the army "
            "base at Kidal.")  # fmt: skip
    found = [(k, e.actors) for k, _, e in _events(make_state, resources, text)]
    assert found and found[0][0] == "capture"
    assert "Mali: military" not in found[0][1]


def test_the_states_own_army_taking_its_town_is_still_a_recapture(  # type: ignore[no-untyped-def]
    make_state, resources
) -> None:
    text = "Mali's army said on Monday that its troops had taken the town of Kidal."
    assert [k for k, _, _ in _events(make_state, resources, text)] == ["recapture"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Many families who fled last year have moved back into their homes in Gao.", "return"),
        ("More than 5,000 families in Gao have received a monthly payment.", "aid"),
        ("A ship brought 300 tonnes of supplies to Gao on Monday.", "aid"),
        ("Internet and mobile phone services in Gao have been cut since Friday.",
         "infrastructure_damage"),
    ],
)  # fmt: skip
def test_returns_cash_aid_and_cut_phone_services_are_events(  # type: ignore[no-untyped-def]
    make_state, resources, text: str, kind: str
) -> None:
    assert kind in [k for k, _, _ in _events(make_state, resources, text)]


def test_nothing_to_go_back_to_is_no_return(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = '"We have nothing to go back to in Gao," said a farmer.'
    assert "return" not in [k for k, _, _ in _events(make_state, resources, text)]


# ------------------------------------------------------------------------- places


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # the village the gazetteer does not know is the place the gold names
        ("Jets bombed a crowd gathered for the opening of a school in Tessit village "
         "near Gao on Monday, killing 30 people.", "Tessit village"),
        # a facility gives way to the town it is in
        ("Some 2,000 families fled Gao on Monday after fighters shelled the Tanout camp.",
         "Gao"),
        ("In the Gao region alone, aid agencies say 30,000 people have fled their homes.",
         "Gao region"),
        ("Residents in Kidal said gunmen on motorcycles fired on the crowd.", "Kidal"),
    ],
)  # fmt: skip
def test_where_an_event_happened(make_state, resources, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    found = _events(make_state, resources, text)
    assert found and found[0][1] == place


def test_a_place_named_after_the_reporting_verb_is_only_where_it_was_said(  # type: ignore[no-untyped-def]
    make_state, resources
) -> None:
    text = "Gunmen fired on a crowd in Kidal, the minister told reporters in Bamako."
    assert [p for _, p, _ in _events(make_state, resources, text)] == ["Kidal"]


# ------------------------------------------------------------------------- headline


def test_the_headline_runs_past_a_menu_line_and_a_date_line() -> None:
    text = "Menu  Search\nDrones strike Gao\nMarch 12, 2024 - 10:05\nGAO — Drones struck."
    assert text[: headline_end(Lines(text), text)].endswith("10:05")
    assert headline_end(Lines(text)) == text.index("\n")  # without the text: line one


def test_a_date_line_under_the_headline_dates_nothing(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = ("Menu  Search\nDrones strike Gao, killing four\nTuesday, March 12, 2024 - 10:05\n"
            "Drones struck a market in Gao on Monday, killing four people and wounding "
            "11.")  # fmt: skip
    strikes = [e for k, _, e in _events(make_state, resources, text) if k == "airstrike"]
    assert [(e.date, e.killed, e.injured) for e in strikes] == [("2024-03-11", 4, 11)]


# ------------------------------------------------------------------------- more causes


def test_an_event_told_as_happening_again_is_not_the_earlier_dated_one(  # type: ignore[no-untyped-def]
    make_state, resources
) -> None:
    text = ("Residents of Gao were evacuated again on Thursday after a new eruption began "
            "north of the town. The town was first evacuated in November 2023, when "
            "earthquakes opened cracks in the streets.")  # fmt: skip
    found = sorted((k, e.date) for k, _, e in _events(make_state, resources, text))
    assert ("evacuation", "2023-11") in found and ("disaster", "2023-11") in found
    assert len([k for k, _ in found if k == "evacuation"]) == 2


def test_the_dead_of_a_disease_are_the_outbreaks_not_the_last_attacks(  # type: ignore[no-untyped-def]
    make_state, resources
) -> None:
    text = ("A cholera outbreak is spreading in Gao. Gao port was damaged by airstrikes in "
            "July. The region has recorded 9,000 suspected cholera cases and 75 deaths "
            "since January.")  # fmt: skip
    tolls = {k: e.killed for k, _, e in _events(make_state, resources, text)}
    assert tolls.get("disaster") == 75 and tolls.get("airstrike") is None


@pytest.mark.parametrize(
    ("text", "displaced"),
    [
        ("Heavy rains caused flooding across Gao in August, destroying homes and displacing "
         "some 20,000 people.", True),
        ("The war, which began in 2023, has displaced more than 2 million people across "
         "Mali.", False),  # a country's tally, not an event (the examples' gold)
    ],
)  # fmt: skip
def test_a_disaster_that_displaces_people_tells_a_displacement(  # type: ignore[no-untyped-def]
    make_state, resources, text: str, displaced: bool
) -> None:
    kinds = [k for k, _, _ in _events(make_state, resources, text)]
    assert ("displacement" in kinds) is displaced


def test_what_someone_calls_a_siege_is_no_siege(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = 'The governor of Gao blamed the shortages on what he called "the siege" of the town.'
    assert "siege" not in [k for k, _, _ in _events(make_state, resources, text)]


def test_a_heatwave_is_a_disaster(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = "A heatwave hit Gao on Monday, pushing temperatures above 48 degrees."
    assert "disaster" in [k for k, _, _ in _events(make_state, resources, text)]


@pytest.mark.parametrize(
    ("text", "kind", "told"),
    [
        # an outbreak is a disease's only when a disease is named
        ("Fighting on the border near Gao killed 40 people on Monday. A similar outbreak "
         "in April 2021 killed more than 50 people.", "disaster", False),
        ("A cholera outbreak in Gao has killed 30 people since January.", "disaster", True),
        # armed men leaving are withdrawing, not displaced
        ("A commander said his men had left Gao by Saturday.", "displacement", False),
        ("Thousands of residents have left their homes in Gao since Saturday.", "displacement",
         True),
        # civilians quarrelling are no battle; forces fighting over ground are
        ("Here people fight over a plate of food, a woman in Gao said.", "armed_clash", False),
        ("The army and the rebels fought over the north of Gao for a week.", "armed_clash",
         True),
        # what a report calls common is no event
        ("Power cuts of up to 20 hours a day were common in Gao even before the war.",
         "infrastructure_damage", False),
    ],
)  # fmt: skip
def test_what_is_told_and_what_is_not(  # type: ignore[no-untyped-def]
    make_state, resources, text: str, kind: str, told: bool
) -> None:
    assert (kind in [k for k, _, _ in _events(make_state, resources, text)]) is told


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("In 2018, clashes in Gao left 12 people dead and protesters set fire to the "
         "governor's office.", "protest"),
        ("In 2018, clashes in Gao between the army and rebels left 12 people dead.",
         "armed_clash"),
    ],
)  # fmt: skip
def test_clashes_that_protesters_fight_are_the_protests(  # type: ignore[no-untyped-def]
    make_state, resources, text: str, kind: str
) -> None:
    kinds = [k for k, _, _ in _events(make_state, resources, text)]
    assert kinds[:1] == [kind]


def test_an_event_named_as_what_a_place_serves_is_not_told(  # type: ignore[no-untyped-def]
    make_state, resources
) -> None:
    text = "Gao has been a base for the government's offensive against the rebels since 2022."
    assert _events(make_state, resources, text) == []


def test_firing_that_resumes_near_villages_the_gazetteer_lacks_is_a_clash_there(  # type: ignore[no-untyped-def]
    make_state, resources
) -> None:
    text = "Firing resumed early on Friday near the villages of Tessit and Anefis, Gao said."
    state = make_state(text, "2024-03-12")
    state.places = [
        Place(id="P1", name="Tessit", kind="other", country="ML",
              mentions=(Span.of(text, 52, 58),)),
        Place(id="P2", name="Gao", kind="city", country="ML", lat=16.3, lon=0.0,
              mentions=(Span.of(text, 71, 74),)),
    ]  # fmt: skip
    for run in (extract_times, date_report, extract_figures, extract_events):
        run(state, resources)
    # One clash at each village of the list (round 19 reads "the villages of A and B");
    # Anefis, which the gazetteer lacks, becomes an unpinned place of its own.
    names = {p.id: p.name for p in state.places}
    assert [(e.type, names[e.place or ""]) for e in state.events] == [
        ("armed_clash", "Tessit"),
        ("armed_clash", "Anefis"),
    ]


@pytest.mark.parametrize(
    ("later", "injured"),
    [
        ("The hospital in Gao said it had received 53 wounded people.", 53),  # refines
        ("The hospital in Gao said it had received 300 wounded people.", 50),  # another count
        ("The hospital in Gao said it had received 40 wounded people.", 50),  # a part of it
    ],
)
def test_a_later_exact_count_makes_a_lower_bound_precise(  # type: ignore[no-untyped-def]
    make_state, resources, later: str, injured: int
) -> None:
    text = ("A car bomb exploded in a market in Gao on Tuesday, killing 19 people and "
            "wounding more than 50, officials said. " + later)  # fmt: skip
    attacks = [e for k, _, e in _events(make_state, resources, text) if e.killed == 19]
    assert [e.injured for e in attacks] == [injured]


def test_an_event_that_spreads_to_named_towns_is_told_at_each(  # type: ignore[no-untyped-def]
    make_state, resources
) -> None:
    text = ("Protests broke out on Monday in Gao and quickly spread to other districts and "
            "to cities including Kidal and Bamako.")  # fmt: skip
    places = sorted(p or "" for k, p, _ in _events(make_state, resources, text) if k == "protest")
    assert places == ["Bamako", "Gao", "Kidal"]


def test_a_place_on_the_road_an_event_spreads_along_is_not_split_off(  # type: ignore[no-untyped-def]
    make_state, resources
) -> None:
    text = "Protests broke out on Monday in Gao, and the army was sent to Kidal."
    places = [p for k, p, _ in _events(make_state, resources, text) if k == "protest"]
    assert places == ["Gao"]
