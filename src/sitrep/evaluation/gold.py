"""Gold files for whole-report evaluation (shared/spec/GOLD_FORMAT.md): reading and checking."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sitrep.errors import ConfigError

# Section name in the scores -> key in a gold file.
SECTION_KEYS: dict[str, str] = {
    "boilerplate": "boilerplate_lines",
    "places": "places",
    "people": "people",
    "quotes": "quotes",
    "dates": "dates",
    "figures": "figures",
    "events": "events",
}

# Which field of each item must occur verbatim in the article.
VERBATIM_FIELDS: dict[str, str] = {
    "places": "mention",
    "dates": "mention",
    "figures": "mention",
    "quotes": "quote_start",
}


class GoldFormatError(ConfigError):
    """A gold file that is not in the documented format."""


def read_gold(path: Path) -> dict[str, Any]:
    """The parsed gold file; raises ``GoldFormatError`` naming the file if it is unusable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldFormatError(f"{path}: not a readable JSON gold file ({exc})") from exc
    if not isinstance(data, dict):
        raise GoldFormatError(f"{path}: a gold file holds one JSON object")
    for section, key in SECTION_KEYS.items():
        if key in data and not isinstance(data[key], list):
            raise GoldFormatError(f"{path}: {key!r} ({section}) must be a list")
    return data


def article_name(gold: Mapping[str, Any], gold_path: Path) -> str:
    """The article a gold file annotates: its ``doc`` field, else the same stem."""
    doc = gold.get("doc")
    return str(doc) if doc else gold_path.stem + ".txt"


def gold_problems(gold: Mapping[str, Any], article: str) -> list[str]:
    """What in a gold file does not agree with its article (empty when it is sound)."""
    problems: list[str] = []
    lines = set(article.splitlines())
    for line in gold.get("boilerplate_lines", []):
        if line not in lines:
            problems.append(f"boilerplate line not in the article: {line!r}")
    for section, field in VERBATIM_FIELDS.items():
        for item in gold.get(section, []):
            value = item.get(field) if isinstance(item, Mapping) else None
            if not isinstance(value, str) or not value:
                problems.append(f"{section}: item without {field!r}: {item!r}")
            elif value not in article:
                problems.append(f"{section}: {field} not in the article: {value!r}")
    for person in gold.get("people", []):
        if not isinstance(person, Mapping) or not person.get("name"):
            problems.append(f"people: item without a name: {person!r}")
    for event in gold.get("events", []):
        if not isinstance(event, Mapping) or not event.get("type"):
            problems.append(f"events: item without a type: {event!r}")
    window = gold.get("publication_window")
    if window is not None and (not isinstance(window, list) or len(window) != 2):
        problems.append(f"publication_window must be [start, end]: {window!r}")
    return problems
