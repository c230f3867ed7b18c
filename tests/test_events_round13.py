"""Events, thirteenth round (docs/EVENTS.md, "Round 13: events"): where an event told of
a share of a place or of a region named by its noun alone happened, and which sentences
tell no event of their own. The sentences and towns here are our own, not the reports'."""

from __future__ import annotations

import pytest

from events_support import events_with_places, places_named
from sitrep.records import Event

# name -> (kind, lat): invented places; no latitude = a name the gazetteer could not pin.
TOWNS: dict[str, tuple[str, float | None]] = {
    "Harlow": ("city", 10.0),
    "Kestrel": ("town", 11.0),
    "Moravo": ("city", 12.0),
    "Quenby": ("other", None),
    "Tolvern": ("other", None),
    "Morrow valley": ("region", None),
    "Vessa province": ("region", None),
    "Ostria region": ("region", None),
    "Velland": ("country", 5.0),
}


def _run(make_state, resources, text: str) -> list[tuple[str, str | None, Event]]:  # type: ignore[no-untyped-def]
    return events_with_places(make_state, resources, text, places_named(text, TOWNS))


def _places_of(events: list[tuple[str, str | None, Event]], kind: str) -> list[str | None]:
    return [place for k, place, _ in events if k == kind]


# ----------------------------------------------------------- (a) a share of a place


@pytest.mark.parametrize(
    ("text", "kind", "towns"),
    [
        # the share is what the verb of impact hits: the town after "of" is the place
        ("Gas supplies were cut in Harlow and Kestrel, the company said. Boiler houses stopped, "
         "and blackouts hit parts of Moravo on Sunday.", "infrastructure_damage",
         ["Harlow", "Kestrel", "Moravo"]),
        # "(parts of A) and B" as the parser joins it: both towns are listed
        ("Mobile networks are also down in parts of Harlow and Kestrel after towers lost power.",
         "infrastructure_damage", ["Harlow", "Kestrel"]),
        # unpinned names listed after the share are places too
        ("Shelling hit parts of Quenby and Tolvern.", "shelling", ["Quenby", "Tolvern"]),
    ],
)  # fmt: skip
def test_parts_of_a_town_place_the_event_at_the_town(  # type: ignore[no-untyped-def]
    make_state, resources, text, kind, towns
):
    assert sorted(p for p in _places_of(_run(make_state, resources, text), kind) if p) == sorted(
        towns
    )


# ------------------------------------------------ (b) a region named by its noun alone


@pytest.mark.parametrize(
    ("text", "kind", "region"),
    [
        # the bare "the valley" is the valley the report named, not the shelter's town
        ("Flash floods struck the Morrow valley on Monday. Some 3,000 families have been forced "
         "from their homes across the valley, many of them sheltering in schools in Harlow.",
         "displacement", "Morrow valley"),
        # a background event told of "the province" is the province named before
        ("Heavy rain fell on the Vessa province on Monday, flooding Kestrel. In 2011, a flood "
         "destroyed dozens of bridges in the province and took months to repair.",
         "disaster", "Vessa province"),
    ],
)  # fmt: skip
def test_a_bare_region_noun_is_the_region_the_report_named_with_it(  # type: ignore[no-untyped-def]
    make_state, resources, text, kind, region
):
    assert region in _places_of(_run(make_state, resources, text), kind)


@pytest.mark.parametrize(
    "text",
    [
        # "the upper valley" is a part of it the report does not name: no region
        "Flash floods struck the Morrow valley on Monday, cutting off Harlow. Power has been "
        "down across the upper valley since Monday night.",
        # the region named only after the anaphor is not what it refers back to
        "Drones struck Harlow on Friday. The army said it had struck targets in the region in "
        "response to attacks on the Ostria region.",
    ],
)
def test_a_region_noun_with_no_antecedent_of_its_name_is_not_that_region(  # type: ignore[no-untyped-def]
    make_state, resources, text
):
    events = _run(make_state, resources, text)
    assert events
    assert not any(place in ("Morrow valley", "Ostria region") for _, place, _ in events)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # "across the country" on what the verb acts on: the country's event
        ("Gas was cut in Harlow on Monday, Velland officials said. Last winter a storm left "
         "thousands of homes across the country without power for days.", "Velland"),
        # "in the country" is where the homes are, not a country-wide event
        ("Gas was cut in Harlow on Monday, Velland officials said. Last winter a storm left "
         "thousands of homes in the country without power for days.", "Harlow"),
    ],
)  # fmt: skip
def test_across_the_country_on_what_the_verb_acts_on_is_the_country(  # type: ignore[no-untyped-def]
    make_state, resources, text, place
):
    assert _places_of(_run(make_state, resources, text), "disaster") == [place]


# ------------------------------------------------ (c) ground taken: the news and its past


def test_an_undated_capture_is_not_the_capture_of_an_earlier_year(  # type: ignore[no-untyped-def]
    make_state, resources
):
    text = (
        "Rebel fighters said they had taken full control of Harlow, the border town.\n\n"
        "Aid workers said the market had reopened.\n\n"
        "Harlow has changed hands before. Rebels briefly seized the army base there in "
        "April 2019 but withdrew within weeks."
    )
    dates = sorted(str(e.date) for k, _, e in _run(make_state, resources, text) if k == "capture")
    assert dates == ["2019-04", "None"]


def test_an_undated_quake_told_again_with_its_date_stays_one_event(  # type: ignore[no-untyped-def]
    make_state, resources
):
    text = (
        "Six months after the earthquake that flattened Kestrel, families still live in tents."
        "\n\nAid workers said the market had reopened.\n\n"
        "The earthquake struck late at night in September 2019, killing 3,000 people."
    )
    quakes = [e for k, _, e in _run(make_state, resources, text) if k == "disaster"]
    assert [e.date for e in quakes] == ["2019-09"]


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("Malian troops took control of Harlow on Monday.", ("Mali: military",)),
        # a country's name beside a non-state word is where the group fights
        ("Malian rebel fighters took control of Harlow on Monday.", ()),
        # or who backs it
        ("Turkish-backed Syrian fighters took control of Harlow on Monday.", None),
    ],
)
def test_a_group_named_with_a_country_and_a_non_state_word_is_not_that_states_forces(  # type: ignore[no-untyped-def]
    make_state, resources, text, actors
):
    (event,) = [e for k, _, e in _run(make_state, resources, text) if k in ("capture", "recapture")]
    if actors is not None:
        assert event.actors == actors
    assert not any(a.endswith(": military") and not a.startswith("Mali") for a in event.actors)


@pytest.mark.parametrize(
    "text",
    [
        "Rebels took full control of Harlow on Monday after two days of fighting.",
        "Soldiers withdrew towards Kestrel after several hours of fighting.",
        "Rebel fighters said they had taken full control of Harlow after two days of fighting "
        "around the last army base on its outskirts.",
    ],
)
def test_fighting_that_won_or_lost_the_ground_is_no_battle_of_its_own(  # type: ignore[no-untyped-def]
    make_state, resources, text
):
    assert "armed_clash" not in [k for k, _, _ in _run(make_state, resources, text)]


def test_fighting_before_a_flight_is_kept_where_the_report_tells_it(  # type: ignore[no-untyped-def]
    make_state, resources
):
    text = (
        "Fighting raged in Kestrel for two days, and thousands of residents fled after two "
        "days of fighting."
    )
    kinds = [k for k, _, _ in _run(make_state, resources, text)]
    assert "armed_clash" in kinds
    assert "displacement" in kinds


# ------------------------------------------------------------- (d) aid told by its carrier


@pytest.mark.parametrize(
    "text",
    [
        "The army said it had deployed 12 aircraft and dozens of trucks to deliver food packs "
        "to isolated areas of Harlow.",
        "Water trucks sent from Kestrel began supplying neighbourhoods of Harlow on Monday.",
        "Water tankers from the regional company are delivering about 60,000 litres a day to "
        "Harlow.",
    ],
)
def test_aid_told_by_its_packs_tankers_or_trucks_is_an_aid_delivery(  # type: ignore[no-untyped-def]
    make_state, resources, text
):
    assert _places_of(_run(make_state, resources, text), "aid") == ["Harlow"]


@pytest.mark.parametrize(
    "text",
    ["The dam supplies water to Harlow.", "The plant supplies electricity to Kestrel and Harlow."],
)
def test_a_dam_or_plant_that_supplies_a_town_is_no_aid(make_state, resources, text):  # type: ignore[no-untyped-def]
    assert "aid" not in [k for k, _, _ in _run(make_state, resources, text)]


# --------------------------------------- (e) events watched, filmed or recounted are told


@pytest.mark.parametrize(
    "text",
    [
        "Jovana, who watched the clashes from her balcony near the bridge, said she had never "
        "seen so much tear gas in Harlow.",
        "Her office would examine video footage of the clashes in Harlow.",
        '"I have seen many protests in this city," she said in Harlow.',
        "Residents gave a different account of Monday's fighting in Harlow.",
    ],
)
def test_an_event_someone_watched_or_recounts_is_no_new_event(make_state, resources, text):  # type: ignore[no-untyped-def]
    assert _run(make_state, resources, text) == []


def test_an_event_watched_is_kept_as_the_event_told_in_its_own_right(  # type: ignore[no-untyped-def]
    make_state, resources
):
    text = (
        "Protesters clashed with police in Harlow on Friday. Jovana watched the clashes from "
        "her balcony in Harlow."
    )
    assert _places_of(_run(make_state, resources, text), "protest") == ["Harlow"]


def test_a_past_event_recalled_as_a_memory_is_still_told(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "A landslide buried three houses in Harlow on Monday. It brought back memories of the "
        "Kestrel landslide in May 2016."
    )
    dates = [e.date for k, _, e in _run(make_state, resources, text) if k == "disaster"]
    assert "2016-05" in dates


# ------------------------------------------- (f) damage told in the sentence of its cause


def test_damage_told_in_the_quakes_own_sentence_is_the_quakes(make_state, resources):  # type: ignore[no-untyped-def]
    text = (
        "The earthquake of December 2, 2019, which killed three people and damaged some 7,000 "
        "houses in Harlow, was the strongest in decades."
    )
    kinds = [k for k, _, _ in _run(make_state, resources, text)]
    assert "disaster" in kinds
    assert "infrastructure_damage" not in kinds


def test_undated_destruction_beside_shelling_going_on_stays_a_state_of_the_town(  # type: ignore[no-untyped-def]
    make_state, resources
):
    text = (
        "In Harlow, schools and clinics have been destroyed, and the town is being shelled by "
        "artillery, he said."
    )
    assert "infrastructure_damage" in [k for k, _, _ in _run(make_state, resources, text)]


def test_an_outage_told_in_the_storms_sentence_stays_an_event(make_state, resources):  # type: ignore[no-untyped-def]
    text = "The storm struck Harlow on Monday, damaging 300 houses and cutting power to the town."
    assert _places_of(_run(make_state, resources, text), "infrastructure_damage") == ["Harlow"]


# ------------------------------------------- (g) the towns an "including" names


@pytest.mark.parametrize(
    ("text", "kind", "towns"),
    [
        ("The insurgents have retaken a string of towns in the region since February, "
         "including Quenby and Tolvern.", "recapture", ["Quenby", "Tolvern"]),
        ("Rebels seized several villages, including Quenby, Tolvern and Harlow, on Monday.",
         "capture", ["Quenby", "Tolvern", "Harlow"]),
    ],
)  # fmt: skip
def test_places_an_including_names_are_one_event_each(  # type: ignore[no-untyped-def]
    make_state, resources, text, kind, towns
):
    assert _places_of(_run(make_state, resources, text), kind) == towns


def test_people_an_including_names_are_no_places(make_state, resources):  # type: ignore[no-untyped-def]
    text = "Gunmen killed 12 people in Harlow, including Quenby Tolvern and Arno Smith, on Monday."
    assert _places_of(_run(make_state, resources, text), "attack") == ["Harlow"]


# ------------------------------------------- (h) an industrial blast is a disaster


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("An explosion on a main gas pipeline near the town of Harlow has killed three workers "
         "and cut gas supplies to thousands of homes.", "disaster"),
        ("A blast at a chemical plant in Kestrel injured 14 workers on Monday.", "disaster"),
        # a weapon named in the sentence makes it an attack
        ("A drone strike caused an explosion at the fuel depot in Harlow.", "airstrike"),
    ],
)  # fmt: skip
def test_a_blast_at_a_pipeline_or_plant_with_no_weapon_is_a_disaster(  # type: ignore[no-untyped-def]
    make_state, resources, text, kind
):
    kinds = [k for k, _, _ in _run(make_state, resources, text)]
    assert kind in kinds
    assert ("disaster" in kinds) == (kind == "disaster")


# --------------------------------- (i) an event told of many unnamed areas is the region's


@pytest.mark.parametrize(
    ("text", "kind", "place"),
    [
        ("Storms hit Harlow in the Vessa province on Monday. Officials said 150,000 people were "
         "evacuated from low-lying villages in six coastal districts to nearly 2,000 shelters.",
         "evacuation", "Vessa province"),
        ("Shelling hit Harlow in the Vessa province on Monday. Officials ordered the evacuation "
         "of children from a dozen villages near the border.", "evacuation", "Vessa province"),
        # a named town with its villages is the town's
        ("Shelling hit Harlow in the Vessa province on Monday. People fled Kestrel and nearby "
         "villages.", "displacement", "Kestrel"),
    ],
)  # fmt: skip
def test_an_event_told_of_many_unnamed_areas_is_at_the_reports_region(  # type: ignore[no-untyped-def]
    make_state, resources, text, kind, place
):
    assert _places_of(_run(make_state, resources, text), kind) == [place]
