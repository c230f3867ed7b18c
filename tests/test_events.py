"""Behaviour of the events stage: type, date, place, actors and modality per clause."""

from __future__ import annotations

import re

import pytest

from sitrep.records import Event, Person, Place, Span
from sitrep.stages.dating import date_report
from sitrep.stages.events import extract_events
from sitrep.stages.events_dating import own_date
from sitrep.stages.events_rules import EVENT_TYPES
from sitrep.stages.figures import extract_figures
from sitrep.stages.times import extract_times

PLACES: dict[str, tuple[str, bool]] = {  # name -> (kind, metonymic)
    "Izyum": ("city", False), "Kharkiv": ("region", False), "Bakhmut": ("city", False),
    "Moscow": ("city", True), "Kyiv": ("city", True), "Russia": ("country", True),
}  # fmt: skip


def _events(make_state, resources, text: str, published: str | None = None) -> list[Event]:  # type: ignore[no-untyped-def]
    state = make_state(text, published)
    state.places = [
        Place(id=f"P{i + 1}", name=name, kind=kind, metonymy=metonymic,  # type: ignore[arg-type]
              mentions=tuple(Span.of(text, m.start(), m.end())
                             for m in re.finditer(rf"\b{name}\b", text, re.I)))
        for i, (name, (kind, metonymic)) in enumerate(PLACES.items())
        if re.search(rf"\b{name}\b", text, re.I)
    ]  # fmt: skip
    state.people = [
        Person(id=f"H{i + 1}", name=m.group(0), mentions=(Span.of(text, m.start(), m.end()),))
        for i, m in enumerate(re.finditer(r"\b(?:Mr\. Marchenko|Volodymyr)\b", text))
    ]
    for run in (extract_times, date_report, extract_figures, extract_events):
        run(state, resources)
    return state.events


def _bakhmut(text: str) -> str:
    """The id ``_events`` gives Bakhmut (its position in ``PLACES``)."""
    assert re.search(r"\bBakhmut\b", text, re.I)
    return f"P{list(PLACES).index('Bakhmut') + 1}"


def _one(events: list[Event], kind: str) -> Event:
    matching = [e for e in events if e.type == kind]
    assert len(matching) == 1, events
    return matching[0]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Ukrainian troops retook Bakhmut.", "recapture"),
        ("Russian forces seized Bakhmut.", "capture"),
        ("Russian troops occupied Bakhmut.", "occupation"),
        ("Russian artillery shelled Bakhmut overnight.", "shelling"),
        ("A drone strike hit Bakhmut.", "airstrike"),
        ("Heavy fighting raged in Bakhmut.", "armed_clash"),
        ("Thousands of residents fled Bakhmut.", "displacement"),
        ("Officials evacuated Bakhmut.", "evacuation"),
        ("The bridge in Bakhmut was destroyed.", "infrastructure_damage"),
        ("There is no water in Bakhmut.", "infrastructure_damage"),
        ("There have been no humanitarian corridors out of Bakhmut.",
         "humanitarian_access_blocked"),
        ("An earthquake struck Bakhmut.", "disaster"),
        ("Police arrested dozens of protesters in Bakhmut.", "arrest"),
    ],
)  # fmt: skip
def test_trigger_words_give_the_event_type(make_state, resources, text: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    events = _events(make_state, resources, text)
    assert kind in [e.type for e in events]
    assert all(e.type in EVENT_TYPES for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "The war-struck city of Bakhmut is quiet.",
        "Life has started to return to normal in Bakhmut.",
        "Russian forces did not attack Bakhmut.",
    ],
)
def test_no_event_without_a_real_trigger(make_state, resources, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _events(make_state, resources, text) == []


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Izyum was reclaimed by Ukrainian forces.", "Ukraine: military"),
        ("Russian troops captured Izyum.", "Russia: military"),
        ("Kyiv's forces recaptured Izyum.", "Ukraine: military"),
        ("Moscow attacked Izyum.", "Russia: government"),
    ],
)
def test_actors_are_normalised_to_sides(make_state, resources, text: str, actor: str) -> None:  # type: ignore[no-untyped-def]
    (event,) = _events(make_state, resources, text)
    assert event.actors == (actor,)


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Russian troops shelled Bakhmut.", "fact"),
        ("Russian troops may attack Bakhmut.", "hypothetical"),
        ("Russian troops plan to attack Bakhmut.", "plan"),
        ("Russia threatened to shell Bakhmut.", "plan"),
        ("Moscow denied that its forces shelled Bakhmut.", "denial"),
        ("Bakhmut is being shelled by Russian troops, Mr. Marchenko said.", "claim"),
    ],
)
def test_modality(make_state, resources, text: str, modality: str) -> None:  # type: ignore[no-untyped-def]
    events = _events(make_state, resources, text)
    assert [e.modality for e in events] == [modality]


def test_claim_names_who_made_it(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    (event,) = _events(make_state, resources, "Bakhmut is being shelled, Mr. Marchenko said.")
    assert (event.modality, event.claimed_by) == ("claim", "H1")


def test_date_comes_from_the_clause_never_the_publication(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    events = _events(make_state, resources, "Russian troops are shelling Bakhmut.", "2024-01-10")
    # Told as holding now: the publication day, marked as inferred from it, not silently.
    assert (events[0].date, events[0].date_precision) == ("2024-01-10", "publication")
    assert own_date(events[0]) is None
    # Told in the past with no time of its own: when, the report does not say.
    past = _events(make_state, resources, "Russian troops shelled Bakhmut.", "2024-01-10")
    assert (past[0].date, past[0].date_precision) == (None, None)
    dated = _events(make_state, resources, "Russian troops shelled Bakhmut on Monday.",
                    "2024-01-10")  # fmt: skip
    assert (dated[0].date, dated[0].date_precision) == ("2024-01-08", "day")


def test_killed_and_injured_come_from_the_sentence_figures(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = "Russian shelling of Bakhmut killed 12 people and wounded 30 others."
    event = _one(_events(make_state, resources, text), "shelling")
    assert (event.killed, event.injured) == (12, 30)


def test_metonymic_place_is_never_the_event_place(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    (event,) = _events(make_state, resources, "Moscow attacked the convoy.")
    assert event.place is None


def test_evidence_is_the_sentence(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = "Calm returned.\n\nRussian troops shelled Bakhmut."
    (event,) = [e for e in _events(make_state, resources, text) if e.type == "shelling"]
    assert event.evidence[0].text == "Russian troops shelled Bakhmut."
    assert event.evidence[0].verify(text)


def test_seed_000_events(make_state, resources, seed_000: str) -> None:  # type: ignore[no-untyped-def]
    events = _events(make_state, resources, seed_000)
    izyum = "P1"
    recapture = _one(events, "recapture")
    assert (recapture.place, recapture.date, recapture.date_precision) == (
        izyum,
        "2022-09",
        "month",
    )
    assert recapture.actors == ("Ukraine: military",) and recapture.modality == "fact"
    occupation = _one(events, "occupation")
    assert occupation.place == izyum and occupation.actors[0].startswith("Russia")
    capture = _one(events, "capture")
    assert capture.actors == ("Russia: military",)
    assert capture.place == "P2"  # the Kharkiv region
    assert all(e.evidence[0].verify(seed_000) for e in events)


def test_seed_003_events(make_state, resources, seed_003: str) -> None:  # type: ignore[no-untyped-def]
    events = _events(make_state, resources, seed_003)
    kinds = [e.type for e in events]
    shelled = [e for e in events if e.type == "shelling" and e.place == "P1"]
    assert shelled and shelled[0].modality == "claim"
    captures = [e for e in events if e.type == "capture" and e.actors == ("Russia: military",)]
    assert captures and captures[0].place == "P1"
    assert kinds.count("infrastructure_damage") >= 2


@pytest.mark.slow
def test_issue_events_of_a_report_told_twenty_times_are_merged_with_all_tellings(
    make_state, resources, seed_003: str
) -> None:  # type: ignore[no-untyped-def]
    # Linearity itself is tested structurally in test_figures_index.py (record visits).
    text = (seed_003 + "\n") * 20
    state = make_state(text)
    for run in (extract_times, date_report, extract_figures, extract_events):
        run(state, resources)
    # The twenty copies tell the same events: merged, each keeps all twenty tellings.
    assert max(len(e.evidence) for e in state.events) >= 20


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Airstrikes on Bakhmut killed nine people in one of the deadliest attacks this year.",
         "airstrike"),
        ("Russian troops shelled Bakhmut on Monday. The shelling of Bakhmut went on all night.",
         "shelling"),
    ],
)  # fmt: skip
def test_one_event_told_twice_is_one_event(make_state, resources, text: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    events = _events(make_state, resources, text)
    assert [e.type for e in events] == [kind]


def test_the_city_in_a_relative_clause_refers_back(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = "Bakhmut is quiet.\n\nThe city, which Russian troops occupied in May 2023, is empty."
    occupation = _one(_events(make_state, resources, text), "occupation")
    assert (occupation.place, occupation.date) == (_bakhmut(text), "2023-05")


def test_an_event_without_a_place_in_its_clause_is_placed_by_its_paragraph(
    make_state, resources
) -> None:  # type: ignore[no-untyped-def]
    text = "Bakhmut was calm in the morning. By noon heavy fighting had broken out."
    clash = _one(_events(make_state, resources, text), "armed_clash")
    assert clash.place == _bakhmut(text)


def test_a_death_toll_stated_apart_counts_the_last_event(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = "An earthquake struck Bakhmut on Monday. Officials put the death toll at 41."
    quake = _one(_events(make_state, resources, text), "disaster")
    assert quake.killed == 41


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The first aid convoy reached Bakhmut on Monday.", "aid"),
        ("Russian troops had taken a village near Bakhmut.", "capture"),
    ],
)
def test_aid_and_capture_need_what_moves_or_is_taken(
    make_state, resources, text: str, kind: str
) -> None:  # type: ignore[no-untyped-def]
    assert kind in [e.type for e in _events(make_state, resources, text)]


@pytest.mark.parametrize(
    "text",
    ["The letter reached Bakhmut on Monday.", "The soldiers took a break in Bakhmut.",
     "Shells hit Bakhmut and the surrounding villages."],
)  # fmt: skip
def test_reaching_taking_and_surrounding_are_not_always_events(
    make_state, resources, text: str
) -> None:  # type: ignore[no-untyped-def]
    kinds = [e.type for e in _events(make_state, resources, text)]
    assert "aid" not in kinds and "capture" not in kinds and "siege" not in kinds


def test_a_dateline_places_an_event_only_where_no_other_town_is_named(
    make_state, resources
) -> None:  # type: ignore[no-untyped-def]
    # Round 23 (it placed none before): with no other settlement named, the dateline's
    # town is where the report's news is, as a coder of wire copy records it.
    text = "BAKHMUT, 3 March 2024 — Heavy fighting raged overnight, officials said."
    (clash,) = _events(make_state, resources, text)
    assert clash.place == _bakhmut(text)
    placed = _events(make_state, resources, text.replace("overnight", "in Bakhmut"))
    assert placed[0].place == _bakhmut(text)


# ------------------------------------------------------------- third round: error analysis


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Cyclone Idai tore through Bakhmut on Thursday night.", "disaster"),
        ("Power and phone lines are down across Bakhmut.", "infrastructure_damage"),
        ("The water is off in Bakhmut, officials said.", "infrastructure_damage"),
        ("The road out of Bakhmut has been cut.", "infrastructure_damage"),
        ("Thousands of families remain homeless in Bakhmut.", "displacement"),
        ("Thousands of families remain camped on the embankments near Bakhmut.",
         "displacement"),
        ("Three days of fighting in Bakhmut left 20 soldiers dead.", "armed_clash"),
    ],
)  # fmt: skip
def test_states_of_affairs_and_named_storms_are_events(
    make_state, resources, text: str, kind: str
) -> None:  # type: ignore[no-untyped-def]
    assert kind in [e.type for e in _events(make_state, resources, text)]


@pytest.mark.parametrize(
    ("text", "background"),
    [
        ("Ukrainian troops recaptured Bakhmut in September after seven months of occupation.",
         "occupation"),
        ("The villages near Bakhmut have been emptied by years of bombardment.", "shelling"),
        ("Russian troops captured Bakhmut after weeks of heavy fighting.", "armed_clash"),
    ],
)  # fmt: skip
def test_a_span_of_time_given_as_setting_is_not_an_event(
    make_state, resources, text: str, background: str
) -> None:  # type: ignore[no-untyped-def]
    assert background not in [e.type for e in _events(make_state, resources, text)]


def test_its_troops_take_the_side_of_the_antecedent_country(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = "Russia's defence ministry said on Monday that its troops had taken a village."
    capture = _one(_events(make_state, resources, text), "capture")
    assert capture.actors == ("Russia: military",)


def test_two_captures_in_one_sentence_by_different_sides_stay_two(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = ("Russian troops captured Izyum in March 2022, and Ukrainian fighters later "
            "seized most of Bakhmut.")  # fmt: skip
    captures = [e for e in _events(make_state, resources, text) if e.type == "capture"]
    assert {e.place for e in captures} == {"P1", _bakhmut(text)}


def test_one_arrest_told_in_two_sentences_is_one_event(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = ("Police arrested at least 40 students in Bakhmut on Sunday. Officers fired tear "
            "gas and detained more demonstrators near the city hall.")  # fmt: skip
    arrest = _one(_events(make_state, resources, text), "arrest")
    assert len(arrest.evidence) == 2


@pytest.mark.parametrize("capital", ["KYIV", "WASHINGTON", "DAMASCUS"])
def test_a_dateline_gives_an_event_neither_its_date_nor_an_actor(
    make_state, resources, capital: str
) -> None:  # type: ignore[no-untyped-def]
    text = f"{capital}, 3 March 2024 — The first aid convoy has reached Bakhmut, officials said."
    aid = _one(_events(make_state, resources, text), "aid")
    # Dated by the report it is in (the dateline's day), and marked so: not its own date.
    assert own_date(aid) is None and aid.date_precision == "publication"
    assert aid.actors == ()


def test_the_road_to_a_place_does_not_place_the_event(make_state, resources) -> None:  # type: ignore[no-untyped-def]
    text = "Bakhmut was hit hard. Power lines are down and the road to Izyum has been cut."
    damage = _one(_events(make_state, resources, text), "infrastructure_damage")
    assert damage.place == _bakhmut(text)
