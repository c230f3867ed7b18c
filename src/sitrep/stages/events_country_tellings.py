"""A country-wide telling of an event the report places in one of its towns (round 20).

"Libya: nine dead as rival armed groups clash in eastern Tripoli" (the headline) and
"Clashes erupted late on Monday in Tajoura" (the body) tell one clash. Consolidation
keeps a country-placed telling apart from a placed one told far from it (an unplaced
telling may be another event), so the toll the headline gives stays with a second,
country-wide event while the town's event has none. A careful coder records one event,
at the town, with the headline's toll.

The pass folds such a telling into the town's event when the report leaves no doubt
which one it is: one event of the same kind (shelling, airstrikes and attacks are one
kind) in that country agrees with it in month and modality, or several do and the report
names one of their places most. A telling whose counts disagree with the town's is a
total over several events ("more than 4,000 people had been killed in Lebanon"), not
folded.

A region-wide telling of fighting folds the same way (round 23): "Glide bombs and drones
hit three Donbas cities overnight" over the strikes the body tells at Kramatorsk, Sloviansk
and Druzhkivka, with the town of the region's province (or, where either lacks one, within
``REGION_REACH_KM`` of its point) as the candidates. As for a country, the two must be
told with one modality: in that report the headline states as fact what the body
attributes to officials, so they stay apart (joining fact and claim lost three right
events on the development sets a-ab).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from sitrep.records import Event, Place
from sitrep.stages.events_document import months_agree
from sitrep.stages.places_resolve import distance_km

# Kinds told as one event by their tellings: a generic attack and the shelling or
# airstrike it names.
_ATTACKS = frozenset({"attack", "shelling", "airstrike"})
# A blackout, a shutdown or a curfew may truly hold country-wide ("internet access was
# cut across Bangladesh") beside a town's own: never folded.
_MAY_BE_NATIONWIDE = frozenset({"infrastructure_damage", "restriction"})
# A region-wide telling folds only for fighting ("Glide bombs and drones hit three Donbas
# cities overnight" over the strikes told at Kramatorsk, Sloviansk and Druzhkivka; round
# 23): a region's displacement, disaster or aid is often coded beside its towns'.
_FIGHTING = frozenset({"attack", "shelling", "airstrike", "armed_clash", "capture", "recapture"})
# How far from a region's point a town of no known province may lie to be in it.
REGION_REACH_KM = 150.0


def fold_country_tellings(events: Sequence[Event], places: Sequence[Place]) -> list[Event]:
    """The events with each country-wide telling folded into the one town event it
    tells, where the report names that event unambiguously (module docstring)."""
    by_id = {p.id: p for p in places}
    result = list(events)
    for told in events:
        country = by_id.get(told.place or "")
        if country is None or country.country is None:
            continue
        if country.kind == "region" and told.type not in _FIGHTING:
            continue
        if country.kind not in ("country", "region") or told.type in _MAY_BE_NATIONWIDE:
            continue
        host = _the_town_event(told, country, result, by_id)
        if host is None:
            continue
        index = next(i for i, e in enumerate(result) if e is host)
        result[index] = _folded(host, told)
        result = [e for e in result if e is not told]
    return result


def _the_town_event(
    told: Event, country: Place, events: Sequence[Event], by_id: dict[str, Place]
) -> Event | None:
    candidates = [
        e for e in events
        if e is not told and _same_kind(e.type, told.type) and e.modality == told.modality
        and _in_country(by_id.get(e.place or ""), country) and months_agree(e.date, told.date)
    ]  # fmt: skip
    if not candidates:
        return None
    if len(candidates) > 1:
        named = sorted(candidates, key=lambda e: -len(by_id[e.place or ""].mentions))
        first, second = (len(by_id[e.place or ""].mentions) for e in named[:2])
        if first == second:
            return None  # no town the report is about more than the others
        candidates = named[:1]
    host = candidates[0]
    if not _counts_agree(host.killed, told.killed) or not _counts_agree(host.injured, told.injured):
        return None
    return host


def _same_kind(a: str, b: str) -> bool:
    return a == b or (a in _ATTACKS and b in _ATTACKS)


def _in_country(place: Place | None, country: Place) -> bool:
    """Whether ``place`` is a town or region inside ``country`` (a country, or a region:
    then a settlement of its province, or within ``REGION_REACH_KM`` of its point where
    either has no province)."""
    if place is None or place.kind == "country" or place.country != country.country:
        return False
    if country.kind == "country":
        return True
    if place.kind == "region" or place is country:
        return False
    if place.admin1 and country.admin1:
        return place.admin1 == country.admin1
    if None in (place.lat, place.lon, country.lat, country.lon):
        return False
    near = distance_km(
        (place.lat or 0.0, place.lon or 0.0), (country.lat or 0.0, country.lon or 0.0)
    )
    return near <= REGION_REACH_KM


def _counts_agree(town: int | None, country: int | None) -> bool:
    return town is None or country is None or town == country


def _folded(host: Event, told: Event) -> Event:
    """The town's event with the country-wide telling's evidence and the counts it lacked."""
    evidence = tuple(sorted(set(host.evidence) | set(told.evidence), key=lambda s: s.start))
    return dataclasses.replace(
        host,
        killed=host.killed if host.killed is not None else told.killed,
        injured=host.injured if host.injured is not None else told.injured,
        date=host.date if host.date is not None else told.date,
        date_precision=host.date_precision if host.date is not None else told.date_precision,
        actors=host.actors or told.actors,
        evidence=evidence,
    )
