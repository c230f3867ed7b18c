"""Events, sixth round: general causes of misses found on eight new team reports (a
recaptured town, a curfew with arrests, a siege with blocked aid, a prison riot, a
landslide, a camp fire, a strike on a dam, freed hostages), written and annotated before
sitrep was run on them. The sentences here are our own, not the reports'."""

from __future__ import annotations

import re

import pytest

from sitrep.records import Event, Place, Span
from sitrep.stages.dating import date_report
from sitrep.stages.events import extract_events
from sitrep.stages.events_document import consolidate, is_part_of_toll, merge_mentions
from sitrep.stages.figures import extract_figures
from sitrep.stages.times import extract_times

# name -> (kind, country, lat, admin1): enough of a gazetteer for the rules under test.
PLACES = {
    "Gao": ("city", "ML", 16.3, "Gao region"),
    "Kidal": ("city", "ML", 18.4, "Kidal"),
    "Bamako": ("city", "ML", 12.6, "Bamako"),
    "Mali": ("country", "ML", 17.0, None),
    "Gao region": ("region", "ML", 16.5, None),
}


def _places(text: str) -> list[Place]:
    found = []
    for name, (kind, country, lat, admin1) in PLACES.items():
        spans = tuple(
            Span.of(text, m.start(), m.end()) for m in re.finditer(rf"\b{name}\b(?! region)", text)
        )
        if spans:
            found.append(
                Place(id=f"P{len(found) + 1}", name=name, kind=kind, country=country,  # type: ignore[arg-type]
                      lat=lat, lon=0.0, admin1=admin1, mentions=spans)
            )  # fmt: skip
    return found


def _events(make_state, resources, text: str, published: str = "2024-03-12"):  # type: ignore[no-untyped-def]
    state = make_state(text, published)
    state.places = _places(text)
    for run in (extract_times, date_report, extract_figures, extract_events):
        run(state, resources)
    names = {p.id: p.name for p in state.places}
    return [(e.type, names.get(e.place or ""), e) for e in state.events]


def _types(found: list[tuple[str, str | None, Event]]) -> set[str]:
    return {kind for kind, _, _ in found}


# ------------------------------------------------------------------------- triggers


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A fire ripped through the displacement camp outside Gao on Tuesday night.", "disaster"),
        ("Fire broke out in the old market of Gao on Monday.", "disaster"),
        ("Mortar fire struck the main market in Gao on Monday.", "shelling"),
        ("Kidnappers have released 42 villagers held in the forest since May.", "release"),
        ("The three aid workers were freed in Gao on Friday.", "release"),
        ("The junta imposed a night-time curfew in Gao on Monday.", "restriction"),
        ("Prisoners rioted at the central jail in Gao on Sunday.", "protest"),
        ("Demonstrators clashed with police in Gao on Sunday.", "protest"),
        ("Rebels took over the army base in Gao on Monday.", "capture"),
        ("Relief teams arrived in Gao with tents and blankets on Sunday.", "aid"),
        ("The storm left 5,000 people homeless around Gao.", "displacement"),
        ("Most of the village's residents fled to Gao last week.", "displacement"),
        # A road a hazard cut is the hazard's damage: the disaster (round 19c).
        ("Mudslides blocked the highway near Gao on Friday.", "disaster"),
        ("Mobile internet was cut across Gao on Friday.", "infrastructure_damage"),
        ("A drone strike on the power plant in Gao was reported on Monday.", "airstrike"),
        ("Last month a strike on the fuel depot in Gao set it ablaze.", "attack"),
        ("No food aid has entered Gao since April.", "humanitarian_access_blocked"),
        ("Emergency shutdowns were in place in Gao on Friday.", "infrastructure_damage"),
        ("Road links to Gao have been cut by the floods.", "disaster"),
    ],
)
def test_round_six_trigger_words_tell_their_event(make_state, resources, text, kind) -> None:  # type: ignore[no-untyped-def]
    assert kind in _types(_events(make_state, resources, text))


@pytest.mark.parametrize(
    ("text", "not_kind"),
    [
        ("The rebels released a statement in Gao on Friday.", "release"),
        ("Soldiers opened fire on the crowd in Gao.", "disaster"),
        ("Protesters blocked roads with burning tyres in Gao.", "infrastructure_damage"),
        ("Soldiers retook control of the prison wing in Gao after a standoff.", "recapture"),
        ("Police arrested 40 people in raids across Gao overnight.", "attack"),
        ("Teachers went on strike in Gao on Monday.", "attack"),
        ("No food aid has entered Gao since April.", "aid"),
        ("Demonstrators clashed with police in Gao on Sunday.", "armed_clash"),
        ("The budget shutdown in Gao ended on Friday.", "infrastructure_damage"),
    ],
)
def test_words_that_look_like_triggers_but_tell_no_such_event(  # type: ignore[no-untyped-def]
    make_state, resources, text, not_kind
) -> None:
    assert not_kind not in _types(_events(make_state, resources, text))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Mali's army said on Tuesday it had taken control of Kidal.", "recapture"),
        ("Russian troops have taken control of Kidal, the rebels said.", "capture"),
    ],
)
def test_a_state_taking_ground_in_its_own_country_regains_it(  # type: ignore[no-untyped-def]
    make_state, resources, text, kind
) -> None:
    found = [(k, place) for k, place, _ in _events(make_state, resources, text)]
    assert (kind, "Kidal") in found


def test_the_pronoun_of_reported_speech_is_the_speaker(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = "Mali's army said on Tuesday it had taken control of Kidal."
    (event,) = [e for _, _, e in _events(make_state, resources, text)]
    assert "Mali: military" in event.actors


# ------------------------------------------------------------------------- counts


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("officials fear more than 300 people may have died", True),
        ("at least 40 children have died of hunger in the town", True),
        ("some 12 people died from cholera", True),
        ("at least 40 people have died in the shelling", False),
        ("Two women were among the dead", True),
    ],
)
def test_a_feared_toll_or_deaths_from_want_count_no_event(text: str, counts: bool) -> None:
    number = re.search(r"\d+|Two", text)
    assert number is not None
    figure = _figure(text, number.start(), number.end())
    assert is_part_of_toll(text, figure) is counts


def _figure(text: str, start: int, end: int):  # type: ignore[no-untyped-def]
    from sitrep.records import Figure

    return Figure(span=Span.of(text, start, end), value=1.0, quantity="killed")


def test_a_toll_of_hunger_goes_to_no_siege(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Gao has been besieged by armed groups since January.\n\n"
        "At least 40 children have died of malnutrition in the town since May."
    )
    (siege,) = [e for kind, _, e in _events(make_state, resources, text) if kind == "siege"]
    assert siege.killed is None


def test_a_feared_toll_is_not_the_disasters_count(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = "A landslide buried a village near Gao, and officials fear 300 people may have died."
    (disaster,) = [e for kind, _, e in _events(make_state, resources, text) if kind == "disaster"]
    assert disaster.killed is None


# ------------------------------------------------------------------------- places


@pytest.mark.parametrize(
    ("text", "kind", "place"),
    [
        ("Inmates at the central prison in Gao rioted on Sunday.", "protest", "Gao"),
        ("Armed men stopped a food convoy at a checkpoint near Gao on Monday.",
         "humanitarian_access_blocked", "Gao"),
        ("A fire swept through a camp in Gao on Sunday.", "disaster", "Gao"),
        ("Drones hit a fuel depot at the Gao airport on Monday.", "airstrike", "Gao"),
        ("Bamako was calm.\n\n22 people were killed in the capital on Friday as protesters "
         "clashed with police.", "protest", "Bamako"),
    ],
)  # fmt: skip
def test_where_the_event_happened(make_state, resources, text, kind, place) -> None:  # type: ignore[no-untyped-def]
    assert (kind, place) in {(k, p) for k, p, _ in _events(make_state, resources, text)}


@pytest.mark.parametrize(
    ("text", "kind", "not_place"),
    [
        ("Gunmen seized them in Gao. The hostages were freed on Sunday, the minister told "
         "reporters in Bamako.", "release", "Bamako"),
        ("Gao was cut off.\n\nSoldiers arrived from Bamako with food and medicine on Sunday.",
         "aid", "Bamako"),
        ("Fighters have cut the roads from Gao and Kidal.", "infrastructure_damage", "Kidal"),
        ("Floods hit Gao.\n\nThe bridge linking the town to Kidal was destroyed.",
         "infrastructure_damage", "Kidal"),
    ],
)  # fmt: skip
def test_where_someone_spoke_or_came_from_is_not_where_it_happened(  # type: ignore[no-untyped-def]
    make_state, resources, text, kind, not_place
) -> None:
    found = _events(make_state, resources, text)
    assert kind in _types(found)
    assert (kind, not_place) not in {(k, p) for k, p, _ in found}


def test_a_fire_is_dated_by_the_verb_that_tells_it(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = "A fire swept through a camp in Gao on Sunday, destroying hundreds of shelters."
    (fire,) = [e for kind, _, e in _events(make_state, resources, text) if kind == "disaster"]
    assert fire.date == "2024-03-10"


def test_one_sentence_cutting_power_in_two_places_tells_two_outages(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = "Drones hit the dam near Gao on Monday, cutting electricity to Bamako and Kidal."
    outages = {
        p for k, p, _ in _events(make_state, resources, text) if k == "infrastructure_damage"
    }
    assert {"Bamako", "Kidal"} <= outages


# ------------------------------------------------------------------------- merging


def test_protests_on_two_days_are_two_events(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = (
        "On Thursday, police fired tear gas at students who marched in Gao.\n\n"
        "On Friday, protesters clashed with police in Gao again."
    )
    protests = [e for kind, _, e in _events(make_state, resources, text) if kind == "protest"]
    assert sorted(e.date for e in protests) == ["2024-03-07", "2024-03-08"]


def test_a_weekend_and_a_day_in_it_are_one_shelling(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Shelling of Gao continued over the weekend: a shell hit a house in Gao on Saturday, "
        "killing two children."
    )
    shellings = [e for kind, _, e in _events(make_state, resources, text, "2024-03-11")
                 if kind == "shelling"]  # fmt: skip
    assert len(shellings) == 1


def _told(kind: str, place: str | None, text: str, words: str, date: str | None = None) -> Event:
    start = text.index(words)
    return Event(id="E0", type=kind, place=place, date=date,  # type: ignore[arg-type]
                 evidence=(Span.of(text, start, start + len(words)),))  # fmt: skip


def test_a_headline_sums_up_the_blocked_convoy_the_body_tells() -> None:
    text = "Aid convoys turned back at Gao\n\nA convoy was stopped near Gao on Monday."
    events = [
        _told("humanitarian_access_blocked", "P1", text, "Aid convoys turned back at Gao"),
        _told("humanitarian_access_blocked", "P1", text, "A convoy was stopped near Gao"),
    ]
    assert len(consolidate(events, _places(text), text)) == 1


def test_an_event_in_a_region_and_in_a_town_of_it_is_one_kept_at_the_town() -> None:
    text = "Drones hit Gao\n\nRussian drones struck the Gao region overnight."
    places = _places(text)
    ids = {p.name: p.id for p in places}
    events = [
        _told("airstrike", ids["Gao region"], text, "Russian drones struck the Gao region"),
        _told("airstrike", ids["Gao"], text, "Drones hit Gao"),
    ]
    (merged,) = consolidate(events, places, text)
    assert merged.place == ids["Gao"]


def test_an_unplaced_telling_paragraphs_away_is_an_event_of_its_own() -> None:
    text = (
        "A minibus was hit by a drone on Saturday.\n\n"
        "Residents returned.\n\n"
        "Near Kidal, drones destroyed three tanks."
    )
    events = [
        _told("airstrike", None, text, "A minibus was hit by a drone"),
        _told("airstrike", "P1", text, "Near Kidal, drones destroyed three tanks"),
    ]
    assert len(merge_mentions(events)) == 2
