"""Resolving: accepted mentions grouped into entities (one sense per name and region
reading), each entity resolved in the light of the others (``places_resolve``), and the
unresolved ones that are no place after all (fragments, codes, lone words without a
cue) left out."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sitrep.stages import places_fragments as fragments
from sitrep.stages import places_slots as slots
from sitrep.stages.places_decide import rejection, strong_evidence
from sitrep.stages.places_mention import Entity, Mention
from sitrep.stages.places_resolve import NO_HOME, Home, NameUse, resolve_all


def group_entities(accepted: Sequence[Mention]) -> list[Entity]:
    """One entity per (name, region reading): one sense per document."""
    groups: dict[tuple[str, bool], list[Mention]] = defaultdict(list)
    for m in accepted:
        groups[(m.key, m.region_form)].append(m)
    return [
        Entity(mentions=ms, strong=any(strong_evidence(m) for m in ms)) for ms in groups.values()
    ]


def resolve_entities(
    entities: Sequence[Entity], locale: frozenset[str] = frozenset(), home: Home = NO_HOME
) -> None:
    """Resolve every entity, each in the light of the others (``resolve_all``);
    ``locale``: the countries whose conventions the text is written in; ``home``: where
    its outlet reports from."""
    owner = {id(m): k for k, e in enumerate(entities) for m in e.mentions}
    uses = []
    for entity in entities:
        # A container judged no place (rejected) has no entity and says nothing.
        containers = {owner[id(c)] for m in entity.mentions for c in m.containers if id(c) in owner}
        key = entity.mentions[0].key
        article = any(m.article for m in entity.mentions)
        actor = all(m.metonymy is True for m in entity.mentions)
        mentions = len(entity.mentions)
        uses.append(
            NameUse(
                entity.candidates, entity.region_form, key, containers, article, actor, mentions
            )
        )
    resolutions = resolve_all(uses, locale=locale, home=home)
    for entity, resolution in zip(entities, resolutions, strict=True):
        entity.resolution = resolution


def drop_unresolved_junk(
    entities: Sequence[Entity],
) -> tuple[list[Entity], list[dict[str, object]]]:
    """Leave out the entities the gazetteer could not resolve that are no place after all
    (``places_fragments``); return the rest and the rejections."""
    kept: list[Entity] = []
    rejected: list[dict[str, object]] = []
    for entity in entities:
        resolved = entity.resolution is not None and entity.resolution.candidate is not None
        reason = None if resolved else _unresolved_junk(entity.mentions)
        if reason is None:
            kept.append(entity)
        else:
            rejected.extend(rejection(m, reason) for m in entity.mentions)
    return kept, rejected


def _unresolved_junk(mentions: Sequence[Mention]) -> str | None:
    """Why a name the gazetteer left unresolved is no place, or None if it may be one."""
    first = mentions[0]
    if all(_piece_of_longer_name(m) for m in mentions):
        return "part of a longer name"  # "Pont" of "Pont-Sondé", "Sur" of "Camarines Sur"
    if any(ch.isdigit() for ch in first.name.text):
        return "a code, not a name"  # "M23"
    if len(first.name) != 1:
        return None
    if first.key in fragments.GENERIC_PLACE_NOUNS:
        return "a kind of place, not its name"  # "Camp 11", "the Valley"
    if not any(_unresolved_place_cue(m) for m in mentions):
        return "no place cue"  # "Floods have...", "known internationally as Trami"
    return None


def _piece_of_longer_name(m: Mention) -> bool:
    """The recorded mention is a piece of a longer capitalised name ("Sur" of "Camarines
    Sur"); not when it takes in the rest ("Fergana" recorded as "Fergana Valley")."""
    run = fragments.capitalised_run(m.name)
    return run.start_char < m.out.start or run.end_char > m.out.end


def _unresolved_place_cue(m: Mention) -> bool:
    """What makes a lone word the gazetteer does not know a place: a place cue ("the
    town of X", "in X", "X district"), a river or region reading, "the X" tagged a place
    ("the Indus burst its banks"), or the target of an attack ("an attack on X")."""
    if m.region_form or m.area_word or m.water or fragments.target_of_attack(m.name):
        return True
    if slots.stated_kind(m.name) == "region":
        return True  # "in Derai upazila", "Kalehe territory" (round 21)
    if m.listed:
        return True  # "Khiam, Bint Jbeil and Aitaroun": coordinated with a place
    if m.article and m.label in {"GPE", "LOC"}:
        return True
    # The noun after a name recorded with it ("the Lachin corridor") is the place's own.
    takes_noun = m.out.end > m.name.end_char
    return m.place_cue and (takes_noun or not fragments.modifies_other_noun(m.name))
