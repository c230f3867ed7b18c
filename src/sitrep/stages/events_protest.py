"""The protest family (round 12): arrests and releases of people detained at a protest
are part of the protest, as ACLED and the outside writers of sets c, d, e and f code
them (docs/EVENT_TYPES.md, "Protest family convention").

"Police detained 98 people" told of the day and town of a march is the march's telling,
not an arrest of its own; so are "clashes near the government headquarters" told of it,
where no armed group fights (round 23: the outside writers code those clashes as the
protest); "63 of those detained have been released" is too. Arrests
made elsewhere, on another day, or in raids ("arrested 500 people in raids across the
city overnight") are operations of their own and stay events.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from sitrep.records import Event, Place
from sitrep.stages.events_consequences import fold_into

_FOLDED = frozenset({"arrest", "release", "armed_clash"})
# A clash that names fighters other than the police is a fight of its own, not a
# protest's scuffle ("clashes between troops and rebels" beside a march).
_COMBATANTS = re.compile(
    r"\b(?:troops|soldiers?|army|military|militants?|rebels?|insurgents?|fighters?|gunmen|"
    r"gangs?|jihadists?|militias?|militiamen|armed|artillery|gunfire|shelling|guerrillas?)\b",
    re.I,
)
_REALIS = frozenset({"fact", "claim"})
# An arrest told as part of an operation of its own is no part of a protest.
_OPERATION = re.compile(r"\b(?:raids?|raided|sweeps?|manhunt|search(?:es)?)\b", re.I)
# A release is of protesters only when its clause says they were detained.
_RELEASED = re.compile(r"\b(?:released|freed|let go)\b", re.I)
_DETAINED = re.compile(r"\b(?:detain\w*|arrest\w*|held|custody|detention)\b", re.I)


# "the blockades would continue at A, B and C", "the blockades began on Friday": a
# blockade of nothing named, in a report of protests, is the protesters' road blockade.
_BARE_BLOCKADE = re.compile(r"\bblockades?\b(?!\s+(?:of|on|against|around)\b)", re.I)
_ACCESS_WORDS = re.compile(
    r"\b(?:aid|convoys?|humanitarian|sieges?|port|food|fuel\s+trucks)\b", re.I
)


def blockades_as_protests(events: Sequence[Event], text: str) -> list[Event]:
    """``events`` with each blocked-access event told only as a bare blockade retyped as
    a protest, when the report tells a protest (the protest family; round 12)."""
    if not any(e.type == "protest" and e.modality in _REALIS for e in events):
        return list(events)
    return [
        dataclasses.replace(e, type="protest") if _bare_blockade(e, text) else e for e in events
    ]


def _bare_blockade(event: Event, text: str) -> bool:
    if event.type != "humanitarian_access_blocked" or not event.evidence:
        return False
    told = [text[s.start : s.end] for s in event.evidence]
    return all(_BARE_BLOCKADE.search(t) and not _ACCESS_WORDS.search(t) for t in told)


def fold_into_protests(
    events: Sequence[Event], text: str, places: Sequence[Place] = ()
) -> list[Event]:
    """``events`` with each arrest or release of protesters, and each clash with no
    fighters named, folded into the protest told
    at its place and day (its evidence added to the protest's); the rest unchanged. An
    arrest whose sentences do not name its place ("dozens arrested") was placed by its
    context, which does not keep it from the protest told nearest."""
    named = {p.id: [m.start for m in p.mentions] for p in places}
    protests = [i for i, e in enumerate(events) if e.type == "protest" and e.modality in _REALIS]
    if not protests:
        return list(events)
    kept: dict[int, Event] = dict(enumerate(events))
    for index, event in enumerate(events):
        if event.type not in _FOLDED or event.modality not in _REALIS:
            continue
        if not _names(event, event.place, named):
            event = dataclasses.replace(event, place=None)
        where = _protest_of(event, {i: kept[i] for i in protests}, text, named)
        if where is None:
            continue
        fold_into(kept, where, index)
    return [kept[i] for i in sorted(kept)]


def _protest_of(
    event: Event, protests: dict[int, Event], text: str, named: dict[str, list[int]]
) -> int | None:
    """The index of the protest ``event`` is part of: at its place (or it names none,
    or its sentences name the protest's) and day, the one told nearest before it, else
    the first after."""
    told = " ".join(text[s.start : s.end] for s in event.evidence)
    if _OPERATION.search(told):
        return None
    if event.type == "armed_clash" and _COMBATANTS.search(told):
        return None
    if event.type == "release" and not _DETAINED.search(told):
        return None  # "freed 15 hostages": captives, not protesters
    # "30 of those detained were released on Tuesday": a release (and the detention it
    # names) comes days after the protest it ends.
    released = event.type == "release" or bool(_RELEASED.search(told))
    same = {
        i: _first(p) for i, p in protests.items()
        if (event.place is None or p.place == event.place or _names(event, p.place, named))
        and (released or _same_day(event.date, p.date))
    }  # fmt: skip
    if not same:
        return None
    at = _first(event)
    before = [i for i, start in same.items() if start <= at]
    if before:
        return max(before, key=lambda i: same[i])
    return min(same, key=lambda i: same[i])


def _names(event: Event, place: str | None, named: dict[str, list[int]]) -> bool:
    """Whether a sentence of ``event`` names ``place``."""
    starts = named.get(place or "", ())
    return any(span.start <= start < span.end for span in event.evidence for start in starts)


def _first(event: Event) -> int:
    return event.evidence[0].start if event.evidence else 0


def _same_day(arrest: str | None, protest: str | None) -> bool:
    """An undated arrest is of the protest's day; a dated one only of that day."""
    if arrest is None or protest is None:
        return True
    return arrest[:10] == protest[:10]
