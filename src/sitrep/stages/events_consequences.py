"""Consequences told as their event's attributes (round 12): "Over 200 houses were
destroyed" told after the quake, the flood or the raid of its paragraph, with no cause,
date or place of its own, is the damage that event did, not an event of its own; so is a
collapse that killed some of the storm's dead.

Only damage to buildings folds: an outage or a cut road is coded as its own event by the
team's and the outside writers' gold alike ("the blast cut gas to three cities").

Damage at a place of its own folds too, once tolls are given (round 23): "It damaged
buildings in Khoy, Salmas and Firuraq" after the quake, "In Kestrel, 300 houses were
destroyed" after the earthquake at Harlow. The outside writers code the quake, not the
buildings it damaged (on the development sets a-ab, 12 such events matched no gold event
and none matched one). The damage's words stay the quake's evidence. It folds after the
tolls are given, because a toll told in the damage's sentence ("It killed 17 people ...
and damaged 1,900 homes") is one told apart from the quake's own telling.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from sitrep.records import Event, Place
from sitrep.stages import events_rules as rules
from sitrep.stages.figures_index import Lines

# What can do damage as part of its own telling.
_HOSTS = frozenset({"disaster", "attack", "shelling", "airstrike", "armed_clash"})
# How far back the event that did the damage may be told: a quote or a figure often
# stands between the telling and its damage (outside f, hinatuan: two paragraphs).
HOST_PARAGRAPHS = 3
# A utility or a link named in the damage's sentence makes it an outage or a cut, which
# the gold codes apart.
_SERVICE_WORDS = re.compile(
    r"\b(?:" + "|".join(sorted(rules.UTILITIES | rules.SERVICES)) + r")s?\b", re.I
)


def fold_consequences(
    events: Sequence[Event],
    places: Sequence[Place],
    text: str,
    collapses: frozenset[int] = frozenset(),
) -> list[Event]:
    """``events`` with each consequence of the violent or disastrous event told before it
    (within ``HOST_PARAGRAPHS``) folded into that event as evidence: damage to buildings
    with no date or place of its own, and a collapse with no date of its own ("three died
    when the walls of their homes collapsed in Bhadrak", after the cyclone; ``collapses``
    holds where the stage found such collapses told)."""
    lines = Lines(text)
    named = sorted(m.start for p in places for m in p.mentions)
    kept: dict[int, Event] = dict(enumerate(events))
    for index, event in enumerate(events):
        if not event.evidence:
            continue
        if event.type == "infrastructure_damage":
            same = _host_in_sentence(kept, index)
            if same is not None:
                fold_into(kept, same, index)
                continue
        if event.date:
            continue
        evidence = event.evidence[0]
        if event.type == "disaster":
            if not any(span.start in collapses for span in event.evidence):
                continue
        elif event.type != "infrastructure_damage" or _SERVICE_WORDS.search(
            text, evidence.start, evidence.end
        ):
            continue
        elif any(evidence.start <= start < evidence.end for start in named):
            continue  # "houses were destroyed in Tolvern": a place of its own
        host = _host_before(
            kept, index, evidence.start, _paragraph_before(text, lines, evidence.start)
        )
        if host is None:
            continue
        fold_into(kept, host, index)
    return [kept[i] for i in sorted(kept)]


# Damage told with a cause of its own ("destroyed by a fire", "in a blaze") is no event's
# told before.
_OWN_CAUSE = re.compile(
    r"\b(?:by|in)\s+(?:a|an|the)\s+(?:\w+\s+)?(?:fire|blaze|explosion|blast)\b", re.I
)


def fold_placed_damage(events: Sequence[Event], text: str) -> list[Event]:
    """``events`` with damage to buildings that names its own place, but no date of its
    own, folded into the violent or disastrous event told before it (within
    ``HOST_PARAGRAPHS``): the quake's damage in the next town is the quake's."""
    lines = Lines(text)
    kept: dict[int, Event] = dict(enumerate(events))
    for index, event in enumerate(events):
        if event.type != "infrastructure_damage" or event.date or not event.evidence:
            continue
        evidence = event.evidence[0]
        if _SERVICE_WORDS.search(text, evidence.start, evidence.end):
            continue
        if _OWN_CAUSE.search(text, evidence.start, evidence.end):
            continue  # "20 houses were destroyed by a fire that broke out at a warehouse"
        host = _host_before(
            kept, index, evidence.start, _paragraph_before(text, lines, evidence.start)
        )
        if host is not None:
            fold_into(kept, host, index)
    return [kept[i] for i in sorted(kept)]


def _host_in_sentence(kept: dict[int, Event], index: int) -> int | None:
    """ "the quake of December 2, which killed three people and damaged 7,000 houses":
    damage to buildings told in the sentence of the event that did it, with the date the
    sentence gives both, is that event's (round 13, set f). An outage stays apart; so does
    undated damage beside a battle going on ("hospitals have been destroyed ... and the
    city is being shelled": seed 003, a state of the city the issue asks for)."""
    damage = kept[index]
    if any(_SERVICE_WORDS.search(span.text) for span in damage.evidence):
        return None
    told = set(damage.evidence)
    for i, event in kept.items():
        if (
            i != index
            and event.type in _HOSTS
            and told & set(event.evidence)
            and damage.date is not None
            and event.date == damage.date
        ):
            return i
    return None


def fold_into(kept: dict[int, Event], host: int, index: int) -> None:
    """Event ``index`` is part of event ``host``: its words become the host's evidence."""
    target, folded = kept[host], kept.pop(index)
    told = sorted({*target.evidence, *folded.evidence}, key=lambda s: s.start)
    kept[host] = dataclasses.replace(target, evidence=tuple(told))


def _paragraph_before(text: str, lines: Lines, at: int) -> int:
    """Where the paragraph ``HOST_PARAGRAPHS`` before the one of ``at`` starts (blank
    lines skipped)."""
    start = lines.bounds(at)[0]
    for _ in range(HOST_PARAGRAPHS):
        end = start - 1
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end <= 0:
            break
        start = lines.bounds(end - 1)[0]
    return start


def _host_before(kept: dict[int, Event], index: int, at: int, since: int) -> int | None:
    """The event told last between ``since`` and ``at`` that can do damage."""
    best: tuple[int, int] | None = None
    for i, event in kept.items():
        if i == index or event.type not in _HOSTS:
            continue
        for span in event.evidence:
            if since <= span.start < at and (best is None or span.start > best[0]):
                best = (span.start, i)
    return None if best is None else best[1]
