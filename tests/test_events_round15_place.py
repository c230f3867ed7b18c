"""Round 15 (place): which place an event's clause names when the gazetteer could not pin
it. A town a distance is measured from is no event's place, also behind "the town of";
names listed before a plural noun of a kind of place ("the A, B and C camps") are one
place each; a name the text calls a port keeps the event. Sentences and
towns are invented (events_support): "Lotavo", "Zarqa" and "Dunmere" are names the
gazetteer could not pin, "Harlow", "Kestrel" and "Upper Moravo" towns it pinned."""

from __future__ import annotations

from typing import Any

import pytest

from events_support import events_with_places, places_named
from sitrep.records import Event, Place, Span
from sitrep.stages.events_place import measured_from, mention_start

_TOWNS = {"Harlow": ("town", 10.0), "Kestrel": ("town", 11.0), "Upper Moravo": ("town", 12.0)}
_UNPINNED = {"Lotavo": ("other", None), "Zarqa": ("other", None), "Dunmere": ("other", None)}


def _found(make_state: Any, resources: Any, text: str) -> list[tuple[str, str | None, Event]]:
    return events_with_places(make_state, resources, text, places_named(text, _TOWNS | _UNPINNED))


def _places_of(found: list[tuple[str, str | None, Event]], kind: str) -> list[str | None]:
    return [place for k, place, _ in found if k == kind]


# --------------------------------------------------------------- distances


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gunmen stormed Lotavo, about 15 kilometres from the town of Kestrel, late on "
         "Monday, killing 12 villagers.", "Kestrel"),
        ("Gunmen stormed Lotavo, some 20 km from the town of Upper Moravo, late on Monday, "
         "killing 12 villagers.", "Upper Moravo"),
        ("Gunmen stormed Lotavo, 30 miles from Upper Moravo, late on Monday, killing 12 "
         "villagers.", "Upper Moravo"),
    ],
)  # fmt: skip
def test_town_a_distance_is_measured_from_is_not_the_events_place(
    make_state: Any, resources: Any, text: str, name: str
) -> None:
    places = _places_of(_found(make_state, resources, text), "attack")
    assert places == ["Lotavo"], name


def test_unpinned_name_still_gives_way_to_a_town_it_is_not_measured_from(
    make_state: Any, resources: Any
) -> None:
    # Round 9's fallback stays: a name the gazetteer could not pin, told beside a town of
    # the sentence that is no landmark, is placed at the town.
    text = "Gunmen stormed Lotavo market in Kestrel late on Monday, killing 12 traders."
    assert _places_of(_found(make_state, resources, text), "attack") == ["Kestrel"]


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("about 15 kilometres from the town of Kestrel", "Kestrel", True),
        ("some 40 km from Kestrel", "Kestrel", True),
        ("three miles north of the village of Kestrel", "Kestrel", True),
        ("fighting in the town of Kestrel", "Kestrel", False),
        ("the town of Kestrel, 15 km from Harlow", "Kestrel", False),
        ("the road from the town of Kestrel", "Kestrel", True),  # a route's end
    ],
)
def test_measured_from(text: str, name: str, expected: bool) -> None:
    assert measured_from(text, text.index(name)) is expected


def test_mention_start_is_the_start_of_the_whole_name() -> None:
    text = "in Upper Moravo on Monday"
    place = Place(id="P1", name="Upper Moravo", mentions=(Span.of(text, 3, 15),))
    assert mention_start(place, text.index("Moravo")) == 3
    assert mention_start(place, 0) == 0  # no mention there: the offset itself


# --------------------------------------------------------------- names before a kind


def test_names_listed_before_a_plural_place_noun_are_one_event_each(
    make_state: Any, resources: Any
) -> None:
    # Parsed as names modifying "camps" ("Lotavo" nmod, "Dunmere" its conjunct).
    text = "Floods swept through the Lotavo and Dunmere camps on Monday."
    assert _places_of(_found(make_state, resources, text), "disaster") == ["Lotavo", "Dunmere"]


def test_one_name_before_a_singular_place_noun_is_no_list(make_state: Any, resources: Any) -> None:
    text = "Floods swept through the Lotavo camp on Monday."
    assert len(_places_of(_found(make_state, resources, text), "disaster")) == 1


# --------------------------------------------------------------- told as a settlement


def test_port_of_a_name_keeps_its_event(make_state: Any, resources: Any) -> None:
    text = (
        "A navy ship delivered 40 tonnes of food aid at the port of Zarqa on Tuesday, "
        "officials in Kestrel said."
    )
    assert _places_of(_found(make_state, resources, text), "aid") == ["Zarqa"]
