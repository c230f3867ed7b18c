"""One occurrence of a possible place name and what its context says (a region word
after it, a county word, a place or person cue, a dateline, metonymy), the entity that
groups the mentions one resolution applies to, and the containers a name lies in
("Izyum, in the Kharkiv region")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep.gazetteer import Candidate, Gazetteer, normalize_key
from sitrep.records import PlaceKind, Span
from sitrep.stages import places_cues as cues
from sitrep.stages import places_slots as slots
from sitrep.stages.places_resolve import Resolution
from sitrep.stages.places_words import Words

# How alike (rapidfuzz ratio, 0-100) a town's region name must be to the name the text
# calls a region for the two to be one: a letter of transliteration apart ("Sagaing" /
# GeoNames' "Sagain": 92), not another name ("Kaduna" / "Kano": 60). The case came from
# eval/events (the Sagaing report, 1 place); the rule is tested on texts of our own.
REGION_SPELLING_RATIO = 85
# How much text after a name is read for "counties" ending a coordination.
COUNTY_WINDOW = 60
SETTLEMENT_KINDS = frozenset({"city", "town", "village"})
# Nouns of a tract of land after a name that the name's town does not fill ("the Leizhou
# peninsula", "the Kuyambana forest", "the Lachin corridor"; places round 15b): read like
# "the Swat valley", the whole is the place.
LANDFORM_WORDS = frozenset({"peninsula", "forest", "corridor"})
# Of which those that name a site, kind "other", rather than an area read as a region.
SITE_WORDS = frozenset({"forest", "corridor"})
# A national capital this large is a place by its name alone ("Bangui", "Abuja") and its
# government when it acts ("Jakarta has released funds"); smaller capitals share their
# names with people ("Victoria", Seychelles; "Lewis" is an alternate name of Grenada's
# St George's). Places round 13 (docs/PLACES.md): set on the dev sets' capitals; LGL's
# first 100 end to end lost two mentions of a "Lewis" to the capital without it.
CAPITAL_MIN_POPULATION = 100_000


@dataclass(slots=True)
class Mention:
    """One occurrence of a possible place name and what its context says."""

    name: SpacySpan  # the name's tokens ("Kharkiv")
    out: Span  # the recorded mention ("Kharkiv region")
    key: str
    label: str
    candidates: tuple[Candidate, ...]
    region_form: bool = False
    area_word: bool = False
    water: bool = False  # "the Dnipro river": only a body of water may be meant
    place_cue: bool = False
    person_cue: str | None = None
    metonymy: bool | None = None
    containers: list[Mention] = field(default_factory=list)  # the mentions it lies in
    article: bool = False  # "the Atlantic": the text puts "the" before the name
    listed: bool = False  # "in Maracay, Barquisimeto and Coro": a member of a list of places
    stated_kind: PlaceKind | None = None  # "the village of X": the kind the text gives
    # "Khiam, Bint Jbeil and X": the places a name is coordinated with (set on X only).
    siblings: tuple[Mention, ...] = ()
    lent_country: str | None = None  # its resolved siblings' country, where the text has none


@dataclass(slots=True)
class Entity:
    """Mentions that one resolution applies to (same name, same region reading)."""

    mentions: list[Mention]
    strong: bool
    resolution: Resolution | None = None

    @property
    def region_form(self) -> bool:
        return self.mentions[0].region_form

    @property
    def candidates(self) -> tuple[Candidate, ...]:
        return self.mentions[0].candidates


def read_mention(span: SpacySpan, label: str, words: Words, gazetteer: Gazetteer) -> Mention:
    name = words.span_text(span.start, span.end)
    water_word = cues.water_word_after(span)
    # "the Kharkiv region" and "the Dnipro river" are recorded whole, as the text writes
    # them (the outside writers' convention; round 22).
    word_after = cues.region_word_after(span) or water_word
    candidates = gazetteer.lookup(name) if label != "NORP" else ()
    if word_after is None and _may_be_settlement(candidates):
        # "from Pibor town": recorded whole, one place with the bare name's mentions
        # (not "no U.S. city has": a country's name before a common noun).
        word_after = cues.settlement_word_after(span)
    end = word_after.idx + len(word_after.text) if word_after is not None else span.end_char
    region_form = label != "NORP" and cues.is_region_form(span)
    county = cues.county_word_after(words.text[span.end_char : span.end_char + COUNTY_WINDOW])
    if county is not None:
        # "Baker, Charlton and Nassau counties": each name is a county's.
        candidates = gazetteer.lookup(f"{name} {county}") or candidates
    key = normalize_key(name)
    state_word = cues.state_word_after(span) if word_after is None and not region_form else None
    if state_word is not None and any(c.kind == "region" for c in candidates):
        # "White Nile state", "Borno State": a state only where a region bears the name
        # (not "Islamic State"); recorded whole like "the Kharkiv region".
        region_form, end = True, state_word.idx + len(state_word.text)
    if region_form and not any(c.kind == "region" for c in candidates):
        candidates += _region_spelt_otherwise(candidates, key, gazetteer)
    dateline = cues.is_dateline(span)
    if water_word is not None:
        # "the Dnipro river" is not the city of Dnipro: only water entries (a gazetteer
        # built from a GeoNames dump has rivers) may answer, else it stays unresolved.
        candidates = tuple(c for c in candidates if c.kind == "water")
        key = f"{key} {water_word.lower_}"
    valley = landform_word_after(span) if water_word is None else None
    if valley is not None:
        # "the Fergana Valley", "the Nahrin valley": the valley, recorded whole, not the
        # town it is named after; only an entry for the valley itself may answer.
        whole = gazetteer.lookup(f"{name} {valley.text}")
        candidates = tuple(c for c in whole if c.kind not in SETTLEMENT_KINDS)
        key, end = f"{key} {valley.lower_}", valley.idx + len(valley.text)
    return Mention(
        name=span,
        out=Span.of(words.text, span.start_char, end),
        key=key,
        label=label,
        candidates=candidates,
        region_form=region_form,
        area_word=(valley is not None and valley.lower_ not in SITE_WORDS)
        or cues.area_word_after(span),
        # "the Chari River", unknown to the gazetteer: a river (not "Cross River", a state).
        water=water_word is not None
        or (not candidates and len(span) > 1 and span[-1].lower_ in cues.WATER_WORDS),
        place_cue=(
            county is not None
            or valley is not None
            or cues.preceded_by_place_word(span)
            or cues.followed_by_place_word(span)
            or dateline
        ),
        person_cue=cues.person_cue(span),
        # Where a report was filed is a location, whatever the parse makes of the dateline.
        metonymy=False if dateline else _metonymy(span, candidates),
        article=cues.follows_article(words.text, span.start_char),
        stated_kind="other"
        if valley is not None and valley.lower_ in SITE_WORDS
        else slots.stated_kind(span),
    )


def landform_word_after(span: SpacySpan) -> Token | None:
    """The "valley", "peninsula", "forest" or "corridor" closing a name ("the Swat valley",
    "the Leizhou peninsula", "the Lachin corridor"): a tract of land named after a town or
    a feature, not the town; not a noun's modifier ("the Lachin corridor blockade")."""
    valley = cues.valley_word_after(span)
    if valley is not None:
        return valley
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ not in LANDFORM_WORDS:
        return None
    after = doc[span.end]
    following = doc[span.end + 1] if span.end + 1 < len(doc) else None
    if following is not None and following.tag_ in {"NN", "NNS"}:
        return None
    return after


def is_large_capital(c: Candidate) -> bool:
    return c.feature_code == "PPLC" and c.population >= CAPITAL_MIN_POPULATION


def _may_be_settlement(candidates: Sequence[Candidate]) -> bool:
    """Unknown, or a settlement's name that is no country's ("Us", France, is a town)."""
    kinds = {c.kind for c in candidates}
    return not kinds or (bool(kinds & SETTLEMENT_KINDS) and "country" not in kinds)


def _metonymy(span: SpacySpan, candidates: Sequence[Candidate]) -> bool | None:
    """What the context says of the name standing for a government; a national capital
    acting as a subject is its government whatever the verb ("Jakarta has released
    funds", "Naypyitaw has not confirmed the loss")."""
    cue = cues.metonymy_cue(span)
    if cue is None and any(is_large_capital(c) for c in candidates):
        return True if cues.acts_as_subject(span) else None
    return cue


def _region_spelt_otherwise(
    candidates: Sequence[Candidate], key: str, gazetteer: Gazetteer
) -> tuple[Candidate, ...]:
    """ "the Sagaing region": no region bears the name, but the town of Sagaing lies in
    GeoNames' "Sagain", a near spelling of it: the region named after its town."""
    regions = {
        (c.admin1, c.country)
        for c in candidates
        if c.kind in SETTLEMENT_KINDS
        and c.admin1
        and fuzz.ratio(normalize_key(c.admin1), key) >= REGION_SPELLING_RATIO
    }
    return tuple(
        r
        for admin1, country in sorted(regions, key=str)
        for r in gazetteer.lookup(admin1)
        if r.kind == "region" and r.country == country
    )


def link_containers(mentions: list[Mention], words: Words) -> None:
    """ "Izyum, in Ukraine's northeastern Kharkiv region": Izyum lies in what follows."""
    for i, m in enumerate(mentions):
        last = m.name.end
        for j in range(i + 1, len(mentions)):
            other = mentions[j]
            if words.sentence[other.name.start] != words.sentence[m.name.start]:
                break
            gap = m.name.doc[last : other.name.start]
            if not all(_container_glue(t.lower_, t.pos_) for t in gap):
                break
            if any(t.lower_ in {",", "in"} for t in m.name.doc[m.name.end : other.name.start]):
                m.containers.append(other)
            last = other.name.end
            if cues.region_word_after(other.name) is not None:
                last += 1


def _container_glue(word: str, pos: str) -> bool:
    return word in {",", "in", "the", "'s", "\u2019s", "of"} or pos == "ADJ"
