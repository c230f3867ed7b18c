"""The places stage: find place names, decide they are places, resolve them.

Recognition combines three sources, because spaCy's small model alone tags
"Kyiv" or "Kharkiv" as PERSON and "Mariupol" as ORG:

1. spaCy's GPE/LOC/FAC entities (and entities of other labels whose whole text
   is a gazetteer name);
2. gazetteer matches over runs of capitalised words the model left untagged;
3. context: place cues ("the city of X", "X region", "in X", "X's mayor"),
   person cues ("X, a 62-year-old", "said X", "X's wife", "Mr. X") and
   document consistency (one string, one reading per document).

A gazetteer match alone on an untagged word is never enough. Accepted names are
then resolved (``places_resolve``) and flagged as metonymy where they stand for
a government or army ("Moscow's invasion"). Names judged to be people are left
in ``state.scratch["places.rejected"]`` for the people stage.

This module runs the stage; each step has a module:

* ``places_words`` — the tokens as plain lists, runs of capitalised words;
* ``places_mention`` — one mention and what its context says, entities, containers;
* ``places_propose`` — every span that might name a place;
* ``places_decide`` — which of them are places (place and person cues);
* ``places_siblings`` — names coordinated with a place, region lists;
* ``places_entities`` — one sense per name, resolution, unresolved junk left out;
* ``places_records`` — the ``Place`` records, metonymy's actor;
* ``places_anaphors`` — "the town" referring back to a settlement.
"""

from __future__ import annotations

from sitrep.resources import Resources
from sitrep.stages import places_lists as lists
from sitrep.stages.places_anaphors import ANAPHOR_NOUNS, attach_anaphors
from sitrep.stages.places_decide import (
    SPEAKING_KINDS,
    WEAK_MIN_POPULATION,
    decide,
    strong_evidence,
)
from sitrep.stages.places_echoes_r15c import repeated_mentions
from sitrep.stages.places_entities import drop_unresolved_junk, group_entities, resolve_entities
from sitrep.stages.places_locative_r15c import located_unknown_names
from sitrep.stages.places_media_r15e import without_media_names
from sitrep.stages.places_mention import (
    COUNTY_WINDOW,
    REGION_SPELLING_RATIO,
    SETTLEMENT_KINDS,
    Entity,
    Mention,
    link_containers,
)
from sitrep.stages.places_outlets import HOME_KEY, text_locale
from sitrep.stages.places_propose import (
    COMMON_NOUN_TAGS,
    COMPASS_WORDS,
    INSTITUTION_WORDS,
    NEVER_ALONE,
    NEVER_PLACES,
    NOT_NAME_LABELS,
    PLACE_LABELS,
    is_nationality,
    names_a_storm,
    propose,
)
from sitrep.stages.places_records import (
    MILITARY_ACTIONS,
    UNRESOLVED_CONFIDENCE,
    WEAK_EVIDENCE_FACTOR,
    build_places,
    metonymy_by_start,
)
from sitrep.stages.places_resolve import NO_HOME, Home
from sitrep.stages.places_siblings import (
    LISTED_KINDS,
    MIN_UNKNOWN_ANCHORED,
    REGION_LIST_PLURALS,
    add_coordinated,
    lend_sibling_kinds,
    mark_region_lists,
)
from sitrep.stages.places_units_r15 import widen_unit_mentions
from sitrep.stages.places_words import MAX_NGRAM, Words
from sitrep.stages.registry import stage
from sitrep.stages.state import DocState

# The names code and tests import from this module since before it was split.
__all__ = [
    "ANAPHOR_NOUNS",
    "COMMON_NOUN_TAGS",
    "COMPASS_WORDS",
    "COUNTY_WINDOW",
    "INSTITUTION_WORDS",
    "LISTED_KINDS",
    "MAX_NGRAM",
    "MILITARY_ACTIONS",
    "MIN_UNKNOWN_ANCHORED",
    "NEVER_ALONE",
    "NEVER_PLACES",
    "NOT_NAME_LABELS",
    "PLACE_LABELS",
    "REGION_LIST_PLURALS",
    "REGION_SPELLING_RATIO",
    "SETTLEMENT_KINDS",
    "SPEAKING_KINDS",
    "UNRESOLVED_CONFIDENCE",
    "WEAK_EVIDENCE_FACTOR",
    "WEAK_MIN_POPULATION",
    "Entity",
    "Mention",
    "Words",
    "add_coordinated",
    "attach_anaphors",
    "build_places",
    "decide",
    "drop_unresolved_junk",
    "extract_places",
    "group_entities",
    "lend_sibling_kinds",
    "mark_region_lists",
    "propose",
    "resolve_entities",
]


@stage("places", requires=("doc",), assigns=("places",))
def extract_places(state: DocState, resources: Resources) -> None:
    gazetteer = resources.gazetteer
    words = Words.of(state.doc, state.text)
    mentions = [
        m for m in propose(words, gazetteer) if not is_nationality(m) and not names_a_storm(m)
    ]
    widen_unit_mentions(mentions, words)
    mentions = sorted(
        [*mentions, *located_unknown_names(mentions, words, gazetteer)], key=lambda m: m.name.start
    )
    mentions = without_media_names(mentions, words.doc)
    link_containers(mentions, words)
    lists.mark_listed(mentions, strong_evidence)
    accepted, rejected = decide(mentions)
    accepted, rejected = add_coordinated(accepted, rejected, mentions, words, gazetteer)
    accepted = sorted(
        [*accepted, *repeated_mentions(accepted, mentions, words, gazetteer)],
        key=lambda m: m.name.start,
    )
    mark_region_lists(accepted, words)
    entities = group_entities(accepted)
    home = state.scratch.get(HOME_KEY)
    resolve_entities(
        entities,
        text_locale(state.text, state.raw.url),
        home if isinstance(home, Home) else NO_HOME,
    )
    lend_sibling_kinds(entities)
    entities, junk = drop_unresolved_junk(entities)
    rejected.extend(junk)
    places = build_places(entities, state.text, gazetteer)
    places, anaphors = attach_anaphors(places, state.doc, state.text)
    state.places = places
    state.scratch["places.rejected"] = rejected
    state.scratch["places.anaphors"] = anaphors
    state.scratch["places.mention_metonymy"] = {
        p.id: tuple(metonymy_by_start(entities).get(s.start) for s in p.mentions)
        for p in state.places
    }
