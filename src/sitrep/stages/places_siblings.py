"""Names coordinated with a place: members of "A, B and C" with a place among them
become places of their siblings' kind and country (``places_coordination`` reads the
coordinations), and a plural region word closing one ("Kendrapara, Jagatsinghpur and
Balasore districts") makes its members regions."""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence

from spacy.tokens import Span as SpacySpan

from sitrep.gazetteer import Gazetteer
from sitrep.records import PlaceKind
from sitrep.stages import places_coordination as coordination
from sitrep.stages import places_cues as cues
from sitrep.stages import places_fragments as fragments
from sitrep.stages import places_lists as lists
from sitrep.stages.places_decide import has_person_cue, strong_evidence
from sitrep.stages.places_mention import SETTLEMENT_KINDS, Entity, Mention, read_mention
from sitrep.stages.places_propose import is_nationality, plausible
from sitrep.stages.places_words import Words

# Kinds of place whose coordinated names the stage takes as places of the same kind.
LISTED_KINDS: frozenset[str | None] = frozenset({*SETTLEMENT_KINDS, "region"})
# Plural region words that make each name of the coordination before them a region
# ("Kegalle, Ratnapura and Kalutara districts"); counties are read by their own rule.
REGION_LIST_PLURALS = frozenset({"districts", "provinces", "regions", "governorates", "oblasts"})
# Fewest names in a coordination anchored by a place the gazetteer lacks: two-name ones
# ("Gisec and IoTX", "Scott Newsham and Sheryl Gorsuch") spread junk anchors on the first
# 150 documents of LGL and GWN end to end (`sitrep eval geoparsing --limit 150`).
MIN_UNKNOWN_ANCHORED = 3


def add_coordinated(
    accepted: list[Mention],
    rejected: list[dict[str, object]],
    mentions: Sequence[Mention],
    words: Words,
    gazetteer: Gazetteer,
) -> tuple[list[Mention], list[dict[str, object]]]:
    """Names coordinated with a place known on its own evidence are places too
    (``places_coordination``): "Strikes hit Khiam, Bint Jbeil and Aitaroun" (the model
    tags the last two PERSON; the gazetteer lacks Aitaroun). A name the gazetteer lacks is
    recorded unresolved with the kind of its sibling places; one it knows is resolved with
    the others (near them). Not in a list with a person in it, nor a list of countries
    (the gazetteer knows every country: another name there is an organisation)."""
    anchors = [m for m in accepted if strong_evidence(m) and _sibling_kind(m) is not None]
    if not anchors:
        return accepted, rejected
    accepted_ids = {id(m) for m in accepted}
    others = [m for m in mentions if id(m) not in accepted_ids]
    reasons = {r["start"]: str(r["reason"]) for r in rejected}
    revived: list[Mention] = []
    for chain in _chains_with_anchor(words, anchors, lambda name: bool(gazetteer.lookup(name))):
        added: list[Mention] = []
        for member in chain:
            m = _coordinated_member(member, accepted + revived, others, reasons, words, gazetteer)
            if m is not None:
                added.append(m)
        # Every member is listed, the accepted ones too: an unknown one tagged GPE
        # ("Goma, Kanyaruchinya and Munigi") has its cue in the list, and its country.
        mates = [m for m in accepted if _in_chain(m, chain)] + added
        for m in mates:
            m.listed, m.siblings = True, tuple(s for s in mates if s is not m)
        revived.extend(added)
    if not revived:
        return accepted, rejected
    dropped = {m.out.start for m in others if any(_overlaps(m.name, r.name) for r in revived)}
    kept = [r for r in rejected if r["start"] not in dropped]
    return sorted(accepted + revived, key=lambda m: m.name.start), kept


def _chains_with_anchor(
    words: Words, anchors: Sequence[Mention], known: Callable[[str], bool]
) -> Iterator[tuple[coordination.Member, ...]]:
    """The coordinations in the anchors' sentences that hold an anchor."""
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for m in anchors:
        by_sentence[words.sentence[m.name.start]].append(m)
    for number, members in by_sentence.items():
        start = bisect.bisect_left(words.sentence, number)
        end = bisect.bisect_right(words.sentence, number)
        for chain in coordination.coordinations(words.doc, start, end):
            # A place the gazetteer lacks anchors only a longer list or one after "in":
            # "Khiam, Bint Jbeil and Aitaroun", "in Supiturang and Sumberwuluh", not
            # "Gisec and IoTX have grown" (one unknown name vouching for another).
            long_or_located = (
                len(chain) >= MIN_UNKNOWN_ANCHORED
                or cues.lower_at(words.doc[chain[0].start : chain[0].end], chain[0].start - 1)
                in cues.LOCATIVE_PREPOSITIONS
            )
            if not any(_in_chain(m, chain) and (m.candidates or long_or_located) for m in members):
                continue
            if any(_person_member(words, member) for member in chain):
                continue
            if coordination.names_one_place(words.doc, chain, known):
                continue  # "Trinidad and Tobago"
            if coordination.introduces_other_things(words.doc, chain):
                continue  # "three hurricanes: Harvey, Irma and Maria"
            if not _modifies_other_noun(words.doc[chain[-1].start : chain[-1].end]):
                yield chain


def mark_region_lists(accepted: Sequence[Mention], words: Words) -> None:
    """ "in Kendrapara, Jagatsinghpur and Balasore districts", "Pronojiwo and Candipuro
    sub-districts": a plural region word closing a coordination makes each member a
    region (a district the gazetteer lacks is left unresolved, not read as its town)."""
    by_start = {m.name.start: m for m in accepted}
    keys: set[str] = set()
    for i in _region_plurals(words):
        j = i - 2 if i >= 2 and words.words[i - 1] in cues.HYPHENS else i  # "sub-districts"
        number = words.sentence[i]
        start = bisect.bisect_left(words.sentence, number)
        for chain in coordination.coordinations(words.doc, start, j):
            if chain[-1].end != j:
                continue
            for member in chain:
                m = by_start.get(member.start)
                if m is not None and m.name.end == member.end:
                    keys.add(m.key)
    # One sense per document: "the Kegalle district" elsewhere is the same region. A
    # known name becomes a region only where the gazetteer has one by that name: read as
    # an unresolved region, a town the events are placed at would lose its point (the
    # events stage places events at resolved places only; docs/PLACES.md, round 11).
    for m in accepted:
        if m.key not in keys:
            continue
        if not m.candidates:
            m.area_word, m.stated_kind = True, "region"
        elif any(c.kind == "region" for c in m.candidates):
            m.area_word = m.region_form = True


def _region_plurals(words: Words) -> Iterator[int]:
    for i, word in enumerate(words.words):
        if i and word.lower() in REGION_LIST_PLURALS and not words.sentence_start[i]:
            yield i


def _modifies_other_noun(last: SpacySpan) -> bool:
    """ "Madison Creek and Hampton Hills apartment complexes": the names qualify a noun
    that is no place; "Clarke and Oconee counties", "Lakeview and Harrison streets" are
    places."""
    after = cues.lower_at(last, last.end)
    doc = last.doc
    glued = last.end + 2 < len(doc) and not doc[last.end].whitespace_
    if glued and doc[last.end + 1].text in cues.HYPHENS:
        after = cues.lower_at(last, last.end + 2)  # "Pronojiwo and Candipuro sub-districts"
    return fragments.modifies_other_noun(last) and after not in lists.PLACE_PLURALS | {
        "counties",
        "streets",
        "roads",
        "avenues",
    }


def _in_chain(m: Mention, chain: Sequence[coordination.Member]) -> bool:
    """``m`` is a whole member of ``chain`` ("Kharkiv" or "Kharkiv Region"; not "New
    Concord" of "New Concord Area Arts")."""
    end = m.name.end + (cues.region_word_after(m.name) is not None)
    return any(c.start == m.name.start and c.end in {m.name.end, end} for c in chain)


def _person_member(words: Words, member: coordination.Member) -> bool:
    """A member the context makes a person ("Jones, 45,", "said Smith", "artist Banksy")."""
    span = words.doc[member.start : member.end]
    return cues.person_cue(span) is not None or coordination.person_like(words.doc, member)


def _coordinated_member(
    member: coordination.Member,
    taken: Sequence[Mention],
    others: Sequence[Mention],
    reasons: dict[object, str],
    words: Words,
    gazetteer: Gazetteer,
) -> Mention | None:
    """The place mention a member of a coordination with a place becomes, or None where
    it is one already, may be no place, or was judged a person."""
    span = words.doc[member.start : member.end]
    if any(_overlaps(m.name, span) for m in taken) or not coordination.may_be_place(
        words.doc, member
    ):
        return None
    if coordination.brand_like(words.doc, member) and not gazetteer.lookup(span.text):
        return None
    inside = [m for m in others if _overlaps(m.name, span)]
    if any(reasons.get(m.out.start, "").startswith("person") for m in inside):
        return None
    same = next(
        (m for m in inside if (m.name.start, m.name.end) == (member.start, member.end)), None
    )
    m = same if same is not None else read_mention(span, "", words, gazetteer)
    if is_nationality(m) or not plausible(m, gazetteer) or has_person_cue(m):
        return None
    return m


def _overlaps(a: SpacySpan, b: SpacySpan) -> bool:
    return a.start < b.end and b.start < a.end


def _sibling_kind(m: Mention) -> PlaceKind | None:
    """The kind of place an anchor of a coordination may be before resolution: its
    stated kind, a settlement or region reading, "other" for a place the gazetteer lacks;
    None for a country alone (its siblings are countries, all known: another name in a
    list of countries is an organisation, "Britain, France and NATO")."""
    if m.stated_kind is not None:
        return m.stated_kind
    if not m.candidates:
        return "other" if m.label in {"GPE", "LOC"} else None
    if any(c.kind == "country" for c in m.candidates):
        return None
    kinds = [c.kind for c in m.candidates if c.kind in LISTED_KINDS]
    return kinds[0] if kinds else None


def lend_sibling_kinds(entities: Sequence[Entity]) -> None:
    """An unresolved member of a coordination takes the kind and country of its first
    resolved sibling ("Nabatieh and X": X is a Lebanese settlement), else the kind the
    text gives a sibling."""
    resolved = {
        id(m): e.resolution.candidate
        for e in entities
        if e.resolution is not None and e.resolution.candidate is not None
        for m in e.mentions
    }
    for e in entities:
        if e.resolution is not None and e.resolution.candidate is not None:
            continue
        for m in e.mentions:
            found = [resolved[id(s)] for s in m.siblings if id(s) in resolved]
            found = [c for c in found if c.kind in LISTED_KINDS]
            if found:
                m.lent_country = found[0].country
            stated = [s.stated_kind for s in m.siblings if s.stated_kind in LISTED_KINDS]
            kind = found[0].kind if found else stated[0] if stated else None
            if m.stated_kind is None and kind is not None:
                m.stated_kind = kind
