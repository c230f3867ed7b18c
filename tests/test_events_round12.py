"""Events, twelfth round (docs/EVENTS.md, "Round 12"): events built per clause. A list of
places the trigger's clause governs is one event per place, pinned or not, a capitalised
listed name the place stage did not keep included; the protest family (arrests and
releases of protesters are the protest's, road blockades and clashes with a crowd being
dispersed are protests). The sentences and towns here are our own, not the reports'."""

from __future__ import annotations

import pytest

from events_support import events_with_places, places_named
from sitrep.records import Event, Place

# name -> (kind, lat): invented towns; no latitude = a name the gazetteer could not pin.
TOWNS: dict[str, tuple[str, float | None]] = {
    "Harlow": ("city", 10.0),
    "Kestrel": ("town", 11.0),
    "Moravo": ("city", 12.0),
    "Quenby": ("other", None),
    "Tolvern": ("other", None),
}


def _run(make_state, resources, text: str) -> list[tuple[str, str | None, Event]]:  # type: ignore[no-untyped-def]
    return events_with_places(make_state, resources, text, places_named(text, TOWNS))


def _told(events: list[tuple[str, str | None, Event]], kind: str) -> list[str | None]:
    """The places of the events of ``kind`` told as having happened, in order."""
    return [place for k, place, e in events if k == kind and e.modality in ("fact", "claim")]


# ------------------------------------------------------- (a) one event per place of the clause


@pytest.mark.parametrize(
    ("text", "kind", "towns"),
    [
        # all members unpinned: the list in the verb's clause makes each a place
        ("Artillery shelled Quenby and Tolvern on Sunday.", "shelling", ["Quenby", "Tolvern"]),
        # the locative of what the verb acts on
        ("Gunmen attacked farms at Quenby, Harlow and Tolvern on Sunday.", "attack",
         ["Quenby", "Harlow", "Tolvern"]),
        # the direct object of a verb of impact
        ("Flash floods hit Harlow, Kestrel and Moravo on Monday.", "disaster",
         ["Harlow", "Kestrel", "Moravo"]),
        # a trigger noun as the subject of the verb whose clause lists the places
        ("A strong tremor damaged houses in Harlow, Quenby and Moravo on Sunday.", "disaster",
         ["Harlow", "Quenby", "Moravo"]),
    ],
)  # fmt: skip
def test_a_list_of_places_in_the_triggers_clause_is_one_event_per_place(  # type: ignore[no-untyped-def]
    make_state, resources, text, kind, towns
):
    assert sorted(p for p in _told(_run(make_state, resources, text), kind) if p) == sorted(towns)


def test_a_listed_name_the_place_stage_did_not_keep_becomes_an_unpinned_place(  # type: ignore[no-untyped-def]
    make_state, resources
):
    text = "On Sunday the raiders burned homes in Harlow, Dunmore and Pellow as they moved north."
    state = make_state(text, "2025-03-12")
    state.places = places_named(text, TOWNS)
    from sitrep.stages.dating import date_report
    from sitrep.stages.events import extract_events
    from sitrep.stages.figures import extract_figures
    from sitrep.stages.times import extract_times

    for run in (extract_times, date_report, extract_figures, extract_events):
        run(state, resources)
    made = {p.name: p for p in state.places}
    assert {"Dunmore", "Pellow"} <= set(made)
    for name in ("Dunmore", "Pellow"):
        place: Place = made[name]
        assert place.lat is None and place.kind == "other"
        assert all(text[m.start : m.end] == m.text == name for m in place.mentions)
    placed = {made_id for e in state.events for made_id in [e.place]}
    assert {made["Dunmore"].id, made["Pellow"].id, made["Harlow"].id} <= placed


@pytest.mark.parametrize(
    ("text", "kind", "towns"),
    [
        # months are no places, though capitalised and listed
        ("Gunmen attacked farms in Harlow in January and March.", "attack", ["Harlow"]),
        # a lowercase member is a description, not a name
        ("Gunmen attacked farms in Harlow and nearby villages on Sunday.", "attack", ["Harlow"]),
        # a list that is where people went is not where the event happened
        ("Families fled from Harlow to Kestrel and Moravo on Sunday.", "displacement", ["Harlow"]),
    ],
)  # fmt: skip
def test_what_is_not_a_list_of_places_of_the_clause_does_not_split(  # type: ignore[no-untyped-def]
    make_state, resources, text, kind, towns
):
    assert [p for p in _told(_run(make_state, resources, text), kind) if p] == towns


# ------------------------------------------------------------------- (d) the protest family


@pytest.mark.parametrize(
    "text",
    [
        "Thousands marched in Harlow on Monday against fuel prices. "
        "Police detained 40 protesters in Harlow on Monday.",
        "Students protested in Harlow on Monday. Police arrested 40 people at the march.",
        "Thousands protested in Harlow on Monday. On Tuesday, 30 of those detained were "
        "released without charge.",
    ],
)
def test_arrests_and_releases_of_protesters_are_part_of_the_protest(make_state, resources, text):  # type: ignore[no-untyped-def]
    events = _run(make_state, resources, text)
    assert _told(events, "protest") == ["Harlow"]
    assert _told(events, "arrest") == [] and _told(events, "release") == []
    protest = next(e for k, _, e in events if k == "protest")
    assert len(protest.evidence) == 2  # the arrest's sentence is the protest's evidence


@pytest.mark.parametrize(
    "text",
    [
        # arrests in raids are an operation of their own
        "Thousands protested in Harlow on Monday. Police arrested 200 people in raids "
        "across Harlow overnight.",
        # arrests elsewhere are not the protest's
        "Thousands protested in Harlow on Monday. Police arrested 20 smugglers in Kestrel "
        "on Monday.",
    ],
)
def test_arrests_apart_from_a_protest_stay_events(make_state, resources, text):  # type: ignore[no-untyped-def]
    assert _told(_run(make_state, resources, text), "arrest")


def test_arrests_with_no_protest_in_the_report_stay_events(make_state, resources):  # type: ignore[no-untyped-def]
    text = "Police arrested 11 suspects in Harlow on Sunday, the army said."
    assert _told(_run(make_state, resources, text), "arrest") == ["Harlow"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Police cleared a highway blockade at Harlow on Monday.", "protest"),
        ("Truck drivers kept up their blockades at Harlow on Monday.", "protest"),
        ("The army kept up its blockade of the port of Harlow on Monday.",
         "humanitarian_access_blocked"),
    ],
)  # fmt: skip
def test_a_road_blockade_is_a_protest_and_a_blockade_of_a_port_is_not(  # type: ignore[no-untyped-def]
    make_state, resources, text, kind
):
    assert _told(_run(make_state, resources, text), kind) == ["Harlow"]


def test_clashes_told_with_a_crowd_dispersed_are_the_protest(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "Police used water cannon to disperse demonstrators in Harlow on Monday, in the "
        "worst clashes in years."
    )
    events = _run(make_state, resources, text)
    assert _told(events, "armed_clash") == []
    assert _told(events, "protest") == ["Harlow"]


# ------------------------------------------- (c) consequences are attributes of their event


@pytest.mark.parametrize(
    "text",
    [
        "A strong earthquake struck Harlow on Sunday, killing 12 people. "
        "Over 300 houses were destroyed and 1,000 damaged.",
        "Gunmen attacked Harlow on Sunday, killing 12 people.\n\n"
        '"We ran into the fields," said a farmer.\n\n'
        "Over 40 houses were destroyed.",
    ],
)
def test_damage_to_buildings_told_after_its_event_is_that_event(make_state, resources, text):  # type: ignore[no-untyped-def]
    events = _run(make_state, resources, text)
    assert _told(events, "infrastructure_damage") == []
    host = next(e for k, _, e in events if k in ("disaster", "attack"))
    assert len(host.evidence) == 2


def test_an_outage_is_an_event_of_its_own(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "A strong earthquake struck Harlow on Sunday. Power lines were destroyed and "
        "the water supply was cut."
    )
    assert _told(_run(make_state, resources, text), "infrastructure_damage")
    # Damage with a place of its own folds into the quake too since round 23
    # (tests/test_events_round23.py).


def test_the_relative_pronoun_of_a_disaster_is_its_doer(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "Harlow still remembers the earthquake of March 2020, which killed 40 people and "
        "damaged thousands of houses."
    )
    assert _told(_run(make_state, resources, text), "infrastructure_damage") == []


# ------------------------------------- (b) no pin at a town the report names as a speaker


def test_a_town_named_as_speaker_or_in_a_credit_line_is_not_the_main_town() -> None:
    from sitrep.stages.events_document import main_settlement

    text = (
        "Raiders burned Quenby on Sunday, Harlow said. Quenby lies in the hills.\n"
        "Harlow said it would send troops to Quenby.\n"
        "Reporting by A. Writer in Harlow"
    )
    quenby = places_named(text, {"Quenby": ("village", None)})[0]
    # the place stage kept one of the village's three mentions
    quenby = Place(id="P1", name="Quenby", kind="village", mentions=quenby.mentions[:1])
    harlow = places_named(text, {"Harlow": ("city", 10.0)})[0]
    harlow = Place(id="P2", name="Harlow", kind="city", lat=10.0, lon=0.0,
                   mentions=harlow.mentions)  # fmt: skip
    assert main_settlement([quenby, harlow], text) == "P1"


# ------------------------------------------------ (c) a toll goes to its own clause's event


def test_a_clause_describing_a_victim_is_no_event_and_takes_no_toll(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "Fighting broke out in Harlow on Monday. More than 30 people were wounded, "
        "including a driver whose bus was hit while evacuating families."
    )
    events = _run(make_state, resources, text)
    assert _told(events, "evacuation") == [] and _told(events, "attack") == []
    clash = next(e for k, _, e in events if k == "armed_clash")
    assert clash.injured == 30


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("In March 2021, 13 miners died when a shaft collapsed at a mine near Harlow.", 13),
        ("Nine workers were killed when a warehouse roof collapsed in Harlow on Sunday.", 9),
    ],
)  # fmt: skip
def test_people_who_died_when_something_collapsed_are_its_toll(  # type: ignore[no-untyped-def]
    make_state, resources, text, killed
):
    events = _run(make_state, resources, text)
    assert [(p, e.killed) for k, p, e in events if k == "disaster"] == [("Harlow", killed)]


def test_talks_that_collapsed_when_people_died_are_no_disaster(make_state, resources):  # type: ignore[no-untyped-def]
    text = "Two protesters died when the talks collapsed in Harlow on Sunday."
    assert _told(_run(make_state, resources, text), "disaster") == []


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Harlow has been calm since March 2021, when fighting between rival groups "
         "left 55 people dead.", 55),
        ("Heavy fighting in Harlow on Monday left 12 dead.", 12),
    ],
)  # fmt: skip
def test_left_n_dead_is_a_death_toll(make_state, resources, text, killed):  # type: ignore[no-untyped-def]
    events = _run(make_state, resources, text)
    assert [e.killed for k, _, e in events if k == "armed_clash"] == [killed]


# --------------------------------------------- (b) a dated background clause has its own place


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the clause's place is a common noun the place stage may give to any town
        ("Quenby has been tense since December 2022, when gunmen from Harlow attacked "
         "the village and killed 40 people.", "attack"),
        # the clause's own place is the country: the town the sentence is about is more precise
        ("Harlow was among the towns hardest hit in August 2022, when floods across "
         "Veloria killed 1,700 people.", "disaster"),
    ],
)  # fmt: skip
def test_a_when_clause_happens_where_the_clause_it_hangs_on_is_told_of(  # type: ignore[no-untyped-def]
    make_state, resources, text, kind
):
    towns = {**TOWNS, "Veloria": ("country", 5.0)}
    places = places_named(text, towns)
    events = events_with_places(make_state, resources, text, places)
    subject = text.split()[0]
    assert [p for k, p, e in events if k == kind] == [subject]


# --------------------------------------------------------- (d) the protest family, continued


@pytest.mark.parametrize(
    "text",
    [
        # told with who blocks the roads
        "Truckers protested in Harlow on Monday over fuel prices. Their union said the "
        "blockades would continue at Kestrel and Moravo.",
        # a bare blockade, in a report that tells a protest
        "Truckers protested in Harlow on Monday over fuel prices. The confederation said "
        "the blockades would continue at Kestrel and Moravo.",
    ],
)
def test_road_blockades_in_a_report_of_protests_are_protests(make_state, resources, text):  # type: ignore[no-untyped-def]
    events = _run(make_state, resources, text)
    assert sorted(p for p in _told(events, "protest") if p) == ["Harlow", "Kestrel", "Moravo"]
    assert _told(events, "humanitarian_access_blocked") == []


def test_a_blockade_of_a_port_in_a_report_of_protests_stays_blocked_access(  # type: ignore[no-untyped-def]
    make_state, resources
):
    text = (
        "Students protested in Harlow on Monday. The navy kept up its blockade of the port "
        "of Kestrel, stopping aid ships."
    )
    assert _told(_run(make_state, resources, text), "humanitarian_access_blocked") == ["Kestrel"]


def test_an_arrest_told_in_a_headline_folds_into_the_protest_its_sentences_name(  # type: ignore[no-untyped-def]
    make_state, resources
):
    text = (
        "Police clear Quenby road blockade, dozens arrested\n\n"
        "Police broke up a highway blockade at Quenby, west of Harlow, on Monday morning."
    )
    events = _run(make_state, resources, text)
    assert _told(events, "arrest") == []
    assert "Quenby" in _told(events, "protest")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # "west of Harlow" takes a direction from Harlow: the unpinned Quenby is the place
        ("Police broke up a highway blockade at Quenby, west of Harlow, on Monday.",
         "protest"),
    ],
)  # fmt: skip
def test_a_town_a_direction_is_taken_from_is_not_the_place(make_state, resources, text, kind):  # type: ignore[no-untyped-def]
    assert _told(_run(make_state, resources, text), kind) == ["Quenby"]


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("The union said the protests would continue in Harlow.", "claim"),
        ("Officials warned that the eruption could continue near Harlow.", "hypothetical"),
    ],
)
def test_an_event_said_to_go_on_is_happening_and_one_that_could_is_a_guess(  # type: ignore[no-untyped-def]
    make_state, resources, text, modality
):
    assert {e.modality for _, _, e in _run(make_state, resources, text)} == {modality}


def test_an_act_someone_is_charged_with_is_no_event(make_state, resources):  # type: ignore[no-untyped-def]
    text = "The 27 men will appear before a judge in Harlow, charged with attacks on officials."
    assert _told(_run(make_state, resources, text), "attack") == []


# -------------------------------------------------- hazards that strike the places of a list


@pytest.mark.parametrize(
    ("text", "towns"),
    [
        ("Ash from the volcano fell on Harlow, Kestrel and Moravo on Sunday.",
         ["Harlow", "Kestrel", "Moravo"]),
        ("Torrents of mud and boulders tore through Harlow and Quenby on Monday night.",
         ["Harlow", "Quenby"]),
    ],
)  # fmt: skip
def test_a_hazard_that_strikes_listed_towns_is_a_disaster_at_each(  # type: ignore[no-untyped-def]
    make_state, resources, text, towns
):
    assert sorted(p for p in _told(_run(make_state, resources, text), "disaster") if p) == towns


@pytest.mark.parametrize(
    "text",
    [
        "Torrents of criticism poured in on Harlow's mayor on Monday.",
        "The conflict in Harlow is fuelled by a flood of small arms.",
        "Ash clogged the filters of the water plant in Harlow.",
    ],
)
def test_figurative_or_harmless_hazards_are_no_disaster(make_state, resources, text):  # type: ignore[no-untyped-def]
    assert _told(_run(make_state, resources, text), "disaster") == []


def test_the_towns_of_a_list_are_not_folded_into_the_area_of_the_headline(  # type: ignore[no-untyped-def]
    make_state, resources
):
    text = (
        "Flash floods killed 23 people across Veloria on Monday. "
        "Torrents of mud tore through Harlow, Kestrel and Moravo on Monday night."
    )
    towns = {**TOWNS, "Veloria": ("country", 5.0)}
    events = events_with_places(make_state, resources, text, places_named(text, towns))
    assert {"Harlow", "Kestrel", "Moravo"} <= {p for k, p, _ in events if k == "disaster"}


def test_a_collapse_during_a_storm_is_the_storms_and_so_are_the_injured(  # type: ignore[no-untyped-def]
    make_state, resources
):
    text = (
        "Cyclone Arvo made landfall near Harlow on Tuesday, killing nine people.\n\n"
        "Three died when the walls of their homes collapsed in Kestrel. More than 40 people "
        "were admitted to hospitals with injuries."
    )
    events = _run(make_state, resources, text)
    storms = [(p, e.killed, e.injured) for k, p, e in events if k == "disaster"]
    assert storms == [("Harlow", 9, 40)]
