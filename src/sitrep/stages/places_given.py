"""Resolving place mentions someone else found (gold toponyms, another recogniser).

``resolve_mentions(text, spans, gazetteer)`` runs the same resolution as the
places stage (``places_resolve.resolve_all``) on given character spans, reading
only the text around them, so it needs no spaCy parse and runs at gazetteer-probe
speed. The cues it reads are the textual ones: a region word after the name
("Kharkiv region"), a container after a comma or "in" ("Izyum, Kharkiv region").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from sitrep.gazetteer import Candidate, Gazetteer, normalize_key
from sitrep.stages.places_cues import county_word_after, follows_article
from sitrep.stages.places_outlets import text_locale
from sitrep.stages.places_resolve import NO_HOME, Home, NameUse, Resolution, resolve_all

# "Kharkiv region", "Donetsk Oblast": the word after a name that makes it a region.
_REGION_AFTER = re.compile(r"\s+(region|oblast|province|governorate)\b", re.IGNORECASE)
# How much text after a name is read for the words that qualify it.
AFTER_WINDOW = 60
# "the Dnipro river": only a body of water may be meant.
_WATER_AFTER = re.compile(r"\s+river\b", re.IGNORECASE)
_REGION_SUFFIX = re.compile(r"^(.+?)\s+(region|oblast|province|governorate)$", re.IGNORECASE)
# What may stand between a place and the place it lies in: "Izyum, Kharkiv", "Izyum in
# Ukraine's", "Lviv, in western Ukraine".
_CONTAINER_GAP = re.compile(
    r"^\s*(,\s*)?(in\s+)?(the\s+)?((north|south|east|west|central)\w*\s+)?$", re.IGNORECASE
)
# A demonym that is also a place's name means the country unless that place is this big
# (set on `--data lgl.xml --gold-spans --limit 300`: "Canadian", "German" are small towns).
DEMONYM_OVER_PLACE_POPULATION = 100_000


def _words(text: str) -> frozenset[str]:
    """A word list written as whitespace-separated text (keeps long lists readable)."""
    return frozenset(text.split())


_POSSESSIVE = re.compile(r"['\u2019]s?$")


# "Republic of Armenia", "the City of London": a state's or town's formal name.
_STATED_FORM = re.compile(
    r"^(?:the\s+)?(?:republic|kingdom|state|city|town|county|province|emirate|principality)"
    r"\s+of\s+(.+)$",
    re.IGNORECASE,
)
# Last words of names of things that stand in the town their name opens with ("Harare City
# Council", "Colchester General Hospital"). Not "river" or "lake": GeoNames puts a river at
# its mouth, far from the town it shares a name with.
NAMED_AFTER_HEADS = _words(
    """
    airport cathedral center centre city college council court fc harbor harbour hospital
    library municipality office park police port prison school stadium station township
    university valley
    """
)


def name_use_for(
    name: str, after: str, gazetteer: Gazetteer, *, article: bool = False
) -> tuple[str, NameUse]:
    """The lookup key and the use of one mention given its text and what follows it
    (``article``: "the" stands before it)."""
    name = _POSSESSIVE.sub("", name.strip())
    region_form = bool(_REGION_AFTER.match(after))
    candidates = gazetteer.lookup(name)
    county = county_word_after(after)
    if county:
        candidates = gazetteer.lookup(f"{name} {county}") or candidates
    suffixed = _REGION_SUFFIX.match(name)
    if suffixed and not _regions(candidates):
        # "Kherson Province" when only "Kherson" is indexed: the region of that name.
        candidates = gazetteer.lookup(suffixed.group(1))
        region_form = True
    elif suffixed:
        region_form = True
    if not candidates:
        candidates = named_after(name, gazetteer)
    if _reads_as_demonym(name, candidates, gazetteer):
        # "Turkish officials": a demonym given as a place names its country ("German" is
        # also a Mexican hamlet's alternate name, "Canadian" a Texan town).
        country = gazetteer.country_of_demonym(name)
        candidates = (country,) if country is not None else ()
    if _WATER_AFTER.match(after):
        candidates = tuple(c for c in candidates if c.kind == "water")
    if name.endswith(".") and _regions(candidates):
        # "Ind.", "Ky.": a dotted abbreviation is a state's, not a country code ("IND").
        region_form = True
    key = normalize_key(name)
    use = NameUse(
        candidates,
        region_form=region_form and bool(_regions(candidates)),
        key=key,
        article=article,
    )
    return key, use


def named_after(name: str, gazetteer: Gazetteer) -> tuple[Candidate, ...]:
    """The readings of a name unknown to the gazetteer that lies in, or is named after, a
    known one: "Republic of Armenia" is Armenia; "Colchester General Hospital", "Harare
    City Council", "Nairobi Hospital" stand in the settlement that opens their
    name (only settlements: "Florida Atlantic University" is nowhere near Florida's
    middle). Empty when neither form fits."""
    stated = _STATED_FORM.match(name)
    if stated:
        return gazetteer.lookup(stated.group(1))
    words = name.split()
    if len(words) < 2 or words[-1].casefold().rstrip(".") not in NAMED_AFTER_HEADS:
        return ()
    for n in range(len(words) - 1, 0, -1):
        prefix = " ".join(words[:n])
        key = normalize_key(prefix)
        # Own names only: towns also known as "Florida" do not count.
        own = [c for c in gazetteer.lookup(prefix) if normalize_key(c.name) == key]
        if not own:
            continue
        towns = tuple(c for c in own if c.feature_class == "P")
        # "California State University": the state is meant, and it may stand anywhere in
        # it (California, Maryland, is a town of that name). A region named after its own
        # main town ("Harare") still leaves the town.
        if own[0].feature_class != "P" and not _seat_of(own[0], towns):
            return ()
        return towns
    return ()


def _seat_of(region: Candidate, towns: Sequence[Candidate]) -> bool:
    return any(c.admin1 == region.name and c.country == region.country for c in towns)


def _reads_as_demonym(name: str, candidates: Sequence[Candidate], gazetteer: Gazetteer) -> bool:
    if not candidates:
        return True
    return gazetteer.is_demonym(name) and all(
        c.population < DEMONYM_OVER_PLACE_POPULATION and c.kind != "country" for c in candidates
    )


def _regions(candidates: Sequence[Candidate]) -> list[Candidate]:
    return [c for c in candidates if c.kind == "region"]


def resolve_mentions(
    text: str,
    spans: Sequence[tuple[int, int]],
    gazetteer: Gazetteer,
    *,
    abstain: bool = False,
    url: str | None = None,
    home: Home = NO_HOME,
) -> list[Resolution]:
    """One resolution per span (``candidate`` None where the name stays unresolved:
    unknown to the gazetteer, or, with ``abstain``, too uncertain). ``url``: the report's
    address (its country code is a locale cue); ``home``: where its outlet reports from
    (``places_outlets.OutletHomes``).

    Mentions of one name with one reading share a resolution (one sense per
    document), and each is resolved in the light of the others.
    """
    order = sorted(range(len(spans)), key=lambda i: spans[i])
    use_of_span: dict[int, int] = {}
    uses: list[NameUse] = []
    index_of_key: dict[tuple[str, bool], int] = {}
    for i in order:
        start, end = spans[i]
        key, use = name_use_for(
            text[start:end],
            text[end : end + AFTER_WINDOW],
            gazetteer,
            article=follows_article(text, start),
        )
        k = index_of_key.setdefault((key, use.region_form), len(uses))
        if k == len(uses):
            uses.append(use)
        else:
            # One sense per document: "the Atlantic" anywhere says what "Atlantic" means.
            uses[k].article = uses[k].article or use.article
            uses[k].mentions += 1
        use_of_span[i] = k
    _link_containers(text, spans, order, use_of_span, uses)
    resolutions = resolve_all(uses, abstain=abstain, locale=text_locale(text, url), home=home)
    return [resolutions[use_of_span[i]] for i in range(len(spans))]


def _link_containers(
    text: str,
    spans: Sequence[tuple[int, int]],
    order: Sequence[int],
    use_of_span: dict[int, int],
    uses: list[NameUse],
) -> None:
    """ "Izyum, Kharkiv region": a name followed by a comma or "in" and another lies in it."""
    for a, b in itertools.pairwise(order):
        gap = text[spans[a][1] : spans[b][0]]
        if _CONTAINER_GAP.match(gap) and use_of_span[a] != use_of_span[b]:
            uses[use_of_span[a]].containers.add(use_of_span[b])
