"""GeoJSON: events and places as features of one FeatureCollection (RFC 7946).

Each event is a Point at its place (``"kind": "event"``); an event whose place has no
coordinates keeps ``"geometry": null`` so nothing is dropped. Each resolved place is one
Point (``"kind": "place"``) however many reports name it, with its mention and document
counts. Coordinates are [longitude, latitude], as the RFC orders them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sitrep.records import Event, Place, Report

FORMAT = "geojson"
SUFFIX = ".geojson"


def write(store: Any, out_path: Path) -> int:
    features = collect_features(store.iter_reports())
    collection = {"type": "FeatureCollection", "features": features}
    out_path.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    return len(features)


def collect_features(reports: Any) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    places: dict[str, dict[str, Any]] = {}
    for report in reports:
        by_id = {p.id: p for p in report.places}
        for event in report.events:
            events.append(event_feature(report, event, by_id.get(event.place or "")))
        for place in report.places:
            if place.lat is None or place.lon is None or place.metonymy:
                continue
            key = place.gazetteer_id or f"name:{place.name.lower()}"
            feature = places.setdefault(key, place_feature(place, key))
            feature["properties"]["mentions"] += len(place.mentions)
            feature["properties"]["documents"].append(report.id)
    return events + [places[key] for key in sorted(places)]


def _point(place: Place | None) -> dict[str, Any] | None:
    if place is None or place.lat is None or place.lon is None:
        return None
    return {"type": "Point", "coordinates": [place.lon, place.lat]}


def event_feature(report: Report, event: Event, place: Place | None) -> dict[str, Any]:
    return {
        "type": "Feature",
        "id": f"{report.id}-{event.id}",
        "geometry": _point(place),
        "properties": {
            "kind": "event",
            "doc_id": report.id,
            "type": event.type,
            "date": event.date,
            "date_precision": event.date_precision,
            "place": place.name if place else None,
            "gazetteer_id": place.gazetteer_id if place else None,
            "actors": list(event.actors),
            "targets": list(event.targets),
            "killed": event.killed,
            "injured": event.injured,
            "modality": event.modality,
            "confidence": event.confidence,
            "evidence": [span.text for span in event.evidence],
            "source": report.source.outlet or report.source.url or report.source.path,
        },
    }


def place_feature(place: Place, key: str) -> dict[str, Any]:
    return {
        "type": "Feature",
        "id": key,
        "geometry": _point(place),
        "properties": {
            "kind": "place",
            "name": place.name,
            "gazetteer_id": place.gazetteer_id,
            "place_kind": place.kind,
            "country": place.country,
            "admin1": place.admin1,
            "mentions": 0,
            "documents": [],
        },
    }
