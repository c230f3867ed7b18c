"""Building the ``Place`` records: entities resolved to one gazetteer entry become one
place, in order of first mention; unresolved ones keep the kind the text states and the
country most of the document lies in; a metonymic place names the actor it stands for
("Kyiv's forces" -> "Ukraine: military")."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sitrep.gazetteer import Candidate, Gazetteer
from sitrep.records import Place, PlaceKind, Span
from sitrep.stages.events_rules import GOVERNMENT_NOUNS, MILITARY_NOUNS, POLICE_NOUNS
from sitrep.stages.places_mention import Entity, Mention
from sitrep.stages.places_resolve import focus_from


def _words(text: str) -> frozenset[str]:
    """A word list written as whitespace-separated text (keeps long lists readable)."""
    return frozenset(text.split())


# Confidence of a place whose name the gazetteer cannot resolve.
UNRESOLVED_CONFIDENCE = 0.3
WEAK_EVIDENCE_FACTOR = 0.75
# Possessed nouns that make a metonymic place an army ("Kyiv's counteroffensive"), beyond
# the events stage's own military nouns.
MILITARY_ACTIONS = _words(
    """
    advance advances assault attack attacks bombardment counter-offensive counteroffensive
    drone drones fleet missile missiles offensive shelling strike strikes
    """
)


def build_places(entities: Sequence[Entity], text: str, gazetteer: Gazetteer) -> list[Place]:
    """Places in order of first mention; entities resolved to one entry become one place."""
    merged: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        c = e.resolution.candidate if e.resolution else None
        key = c.gazetteer_id if c is not None else f"?{e.mentions[0].key}:{e.region_form}"
        merged[key].append(e)
    ordered = sorted(
        merged.values(), key=lambda es: min(m.out.start for e in es for m in e.mentions)
    )
    home = _majority_country(entities)
    return [_place(f"P{i}", es, gazetteer, home) for i, es in enumerate(ordered, start=1)]


def _majority_country(entities: Sequence[Entity]) -> str | None:
    """The country most of the document's resolved places lie in (a named country counts
    double), if it holds more than half of them: an unknown name there ("the Korabel
    district" in a Kherson report) is most likely in it too."""
    focus = focus_from(
        e.resolution.candidate
        for e in entities
        if e.resolution is not None and e.resolution.candidate is not None
    )
    if not focus:
        return None
    country, count = focus.most_common(1)[0]
    return country if count > sum(focus.values()) / 2 else None


def _place(
    place_id: str, entities: Sequence[Entity], gazetteer: Gazetteer, home: str | None = None
) -> Place:
    mentions = sorted((m for e in entities for m in e.mentions), key=lambda m: m.out.start)
    resolution = entities[0].resolution
    strong = any(e.strong for e in entities)
    spans = tuple(m.out for m in mentions)
    # A place the text calls a village ("Ouirgane, a village ..., is hoping") speaks for
    # no government or army: the actor cue reads the people there, not a state.
    metonymy = (
        any(m.metonymy is True for m in mentions)
        and not any(m.metonymy is False for m in mentions)
        and not any(m.stated_kind == "village" for m in mentions)
    )
    c = resolution.candidate if resolution else None
    if c is None or resolution is None:
        return _unresolved(place_id, mentions, spans, metonymy, home)
    evidence = 1.0 if strong else WEAK_EVIDENCE_FACTOR
    return Place(
        id=place_id,
        name=c.name,
        mentions=spans,
        gazetteer_id=c.gazetteer_id,
        lat=c.lat,
        lon=c.lon,
        country=c.country,
        admin1=c.admin1,
        kind=c.kind,
        metonymy=metonymy,
        confidence=round(evidence * resolution.confidence, 2),
        stands_for=_stands_for(c, mentions, gazetteer) if metonymy else None,
    )


def _stands_for(c: Candidate, mentions: Sequence[Mention], gazetteer: Gazetteer) -> str | None:
    """The actor a metonymic place names, in the events' notation: "Kyiv's forces" ->
    "Ukraine: military", "Moscow said" -> "Russia: government", "war with Russia" ->
    "Russia"."""
    country = c if c.kind == "country" else gazetteer.country(c.country or "")
    if country is None:
        return None
    actor = next((m for m in mentions if m.metonymy is True), mentions[0])
    root = actor.name.root
    noun = root.head.lemma_.lower() if root.dep_ == "poss" else ""
    if noun in MILITARY_NOUNS or noun in MILITARY_ACTIONS:
        return f"{country.name}: military"
    if noun in POLICE_NOUNS:
        return f"{country.name}: police"
    if c.kind != "country" or noun in GOVERNMENT_NOUNS:
        # A capital speaks for its country's government.
        return f"{country.name}: government"
    return country.name


def _unresolved(
    place_id: str,
    mentions: Sequence[Mention],
    spans: tuple[Span, ...],
    metonymy: bool,
    home: str | None = None,
) -> Place:
    first = mentions[0]
    region = any(m.region_form or m.area_word for m in mentions)
    stated = next((m.stated_kind for m in mentions if m.stated_kind), None)
    kind: PlaceKind = "water" if first.water else "region" if region else stated or "other"
    # "the Izyum region": the region around a known town; its country is still known.
    countries = {c.country for c in first.candidates}
    admins = {c.admin1 for c in first.candidates}
    return Place(
        id=place_id,
        # "the Kharkiv region", "the Nahrin valley": the name as recorded, with its word
        # (not "Pibor town": the town's name is "Pibor").
        name=first.out.text if region else first.name.text,
        mentions=spans,
        # The document's country first: listed siblings may be namesakes abroad.
        country=_unresolved_country(countries, home, region) or first.lent_country,
        admin1=admins.pop() if len(admins) == 1 and region else None,
        kind=kind,
        metonymy=metonymy,
        confidence=UNRESOLVED_CONFIDENCE,
    )


def _unresolved_country(countries: set[str | None], home: str | None, region: bool) -> str | None:
    """Unknown to the gazetteer, or its readings left aside: the country most of the
    document's places lie in ("Kanyama" in a report on Lusaka is Zambian, whatever the
    Congolese town of that name), except for the region around a known town."""
    if len(countries) == 1 and (region or home is None):
        return countries.pop()
    return home if home is not None and (not countries or not region) else None


def metonymy_by_start(entities: Sequence[Entity]) -> dict[int, bool | None]:
    return {m.out.start: m.metonymy for e in entities for m in e.mentions}
