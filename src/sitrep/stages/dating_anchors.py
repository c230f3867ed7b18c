"""Well-known anchor events ("the start of Moscow's invasion" = 2022-02-24) that reports
date other things against.

The table is packaged as ``sitrep/data/anchor_events.json``; users extend or override it
with a JSON file of the same shape (``Settings.anchor_events_path``). Entries whose id
already exists replace the packaged ones. The table is loaded once at the edge
(``load_resources``) and reaches the stages through ``Resources.anchors``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources as package_data
from pathlib import Path
from typing import Any

from sitrep.errors import ConfigError

# A generic "the war" refers to an event only when the report names at least this many
# distinct context words of it ("Ukraine", "Russian", "Kyiv"): one word alone is too weak.
MIN_CONTEXT_WORDS = 2


@dataclass(frozen=True, slots=True)
class AnchorEvent:
    id: str
    name: str
    date: date
    patterns: tuple[re.Pattern[str], ...]
    context: frozenset[str]
    generic: tuple[str, ...]
    cues: frozenset[str]


@lru_cache(maxsize=1)
def packaged_anchor_events() -> tuple[AnchorEvent, ...]:
    """The table shipped with sitrep."""
    packaged = package_data.files("sitrep").joinpath("data/anchor_events.json").read_text("utf-8")
    return tuple(_parse_table(json.loads(packaged)))


def load_anchor_events(extra: Path | None = None) -> tuple[AnchorEvent, ...]:
    """The packaged table, extended (or overridden, by id) by the user's table ``extra``."""
    by_id = {e.id: e for e in packaged_anchor_events()}
    if extra is not None:
        try:
            table = json.loads(Path(extra).read_text(encoding="utf-8"))
            by_id.update({e.id: e for e in _parse_table(table)})
        except (OSError, ValueError, KeyError, TypeError, AttributeError, re.error) as exc:
            raise ConfigError(
                f"{extra}: not a usable anchor-events table ({type(exc).__name__}: {exc}); "
                'expected {"events": [{"id": …, "date": "YYYY-MM-DD", "patterns": […]}]}'
            ) from exc
    return tuple(by_id.values())


def _parse_table(table: dict[str, Any]) -> list[AnchorEvent]:
    return [
        AnchorEvent(
            id=str(entry["id"]),
            name=str(entry.get("name", entry["id"])),
            date=date.fromisoformat(entry["date"]),
            patterns=tuple(re.compile(r"\b" + p, re.IGNORECASE) for p in entry.get("patterns", [])),
            context=frozenset(w.lower() for w in entry.get("context", [])),
            generic=tuple(g.lower() for g in entry.get("generic", [])),
            cues=frozenset(c.lower() for c in entry.get("cues", [])),
        )
        for entry in table.get("events", [])
    ]


def _words(text: str) -> set[str]:
    return set(re.findall(r"[\w'-]+", text.lower()))


def context_event(text: str, events: Sequence[AnchorEvent]) -> AnchorEvent | None:
    """The event a generic "the war" / "the invasion" of ``text`` most likely refers to:
    one named by a pattern, else the one with the most context words (at least
    ``MIN_CONTEXT_WORDS``)."""
    words = _words(text)
    lowered = text.lower()

    def score(e: AnchorEvent) -> tuple[int, int]:
        named = sum(1 for p in e.patterns if p.search(text))
        hits = sum(1 for c in e.context if (c in words if " " not in c else c in lowered))
        return named, hits

    scored = [(score(e), e) for e in events]
    scored = [(s, e) for s, e in scored if s[0] > 0 or s[1] >= MIN_CONTEXT_WORDS]
    if not scored:
        return None
    return max(scored, key=lambda item: item[0])[1]


def named_event(
    phrase: str, context: AnchorEvent | None, events: Sequence[AnchorEvent]
) -> AnchorEvent | None:
    """The event ``phrase`` ("Moscow's invasion of Ukraine", "the war") names, if any."""
    for event in events:
        if any(p.search(phrase) for p in event.patterns):
            return event
    if context is not None:
        lowered = phrase.lower()
        if any(re.search(rf"\b{re.escape(g)}\b", lowered) for g in context.generic):
            return context
    return None
