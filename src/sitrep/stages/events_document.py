"""Events across one report: what the clause-level rules leave unsaid, the report says.

A report tells one event several times ("Airstrikes on a market killed nine ... in
one of the deadliest attacks"; "the earthquakes that flattened Antakya ... The twin
quakes of February 2023"). ACLED codes one event per type, place and day; so do we:

* ``merge_mentions``: events of one type (or a generic attack and the shelling or
  airstrike it names) whose places and months agree, or are unknown on one side, are
  one event; it keeps every piece of evidence and fills each unknown field from the
  other telling. Statements of what did not or may happen never merge with facts.
* ``place_from_context``: an event whose clause names no literal place happened where
  the paragraph last placed something, else at the report's main settlement (the one
  it names most). Such a place is inferred, so it lowers the confidence.

Tolls told apart from any event ("Libyan authorities put the death toll at more than
4,300") are given out afterwards, by ``events_tolls``.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sitrep.records import Event, Figure, Place, Span
from sitrep.stages.events_background import background_apart, lead_end, news_and_background
from sitrep.stages.events_consequences import fold_consequences
from sitrep.stages.events_rules import NON_VIOLENT_DEATHS
from sitrep.stages.figures_index import Lines, Positions, is_reference_point
from sitrep.stages.times_rules import precision

# Generic "attack" is the same event as a shelling or an airstrike told in its sentence.
_SPECIFIC_ATTACKS = frozenset({"shelling", "airstrike"})
# Event types whose victims a casualty count may state.
# Protests too: ACLED counts the dead of a protest met with force on the protest.
# Taking or retaking ground too: ACLED counts a battle's dead on "overtakes territory"
# and "regains territory" events ("retook the town ... put the number of insurgents
# killed at 23"; round 7).
CASUALTY_TYPES = frozenset(
    {"attack", "shelling", "airstrike", "armed_clash", "siege", "disaster", "protest",
     "capture", "recapture"}
)  # fmt: skip
_REALIS = frozenset({"fact", "claim"})
# A place the report only implies is less certain than one the clause names.
INFERRED_PLACE_PENALTY = 0.1
_SETTLEMENTS = frozenset({"city", "town", "village"})
# Events told by what they hit: two sentences of them are two events ("the bridges were
# destroyed"; "there is no water"), one sentence is one ("no water, power or gas").
# Arrests and aid merge like the rest: "Police arrested 40 people ..." and "officers
# detained demonstrators ..." in the next sentence are one arrest (examples and team set).
_MERGE_IN_SENTENCE_ONLY = frozenset({"infrastructure_damage", "humanitarian_access_blocked"})
# "IDLIB, Syria, Oct. 9, 2023 —", "PORT SUDAN, 14 May 2024 -": capitals, then a dash.
# "NAIROBI (AP) —", "BAMAKO, Mali, 12 March 2023 (AFP) —"; a headline and a byline may
# come first, so it is looked for at the start of any of the report's first lines.
# Capitals with accents count ("CÚCUTA, Colombia, Jan 21 (Andes Wire) -"; round 7).
_CAPITALS = "A-ZÀ-ÖØ-Þ"
_DATELINE = re.compile(
    rf"^[ \t]*[{_CAPITALS}][{_CAPITALS} .'-]{{1,40}}(?:\s*\([A-Za-z. ]{{1,20}}\))?"
    r"(?:,[^\n—–]{0,40})?\s+[—–-]{1,2}\s",
    re.M,
)
_DATELINE_WITHIN = 600  # characters: a headline, a byline and a date line


def dateline_end(text: str) -> int:
    """Where a dateline near the top ends, else 0: it says where the report was filed,
    not where anything happened."""
    return dateline_span(text)[1]


def dateline_span(text: str) -> tuple[int, int]:
    """Where a dateline near the top starts and ends, else (0, 0). A headline above it
    still tells what happened where ("Aid convoy reaches Yemen's besieged Taiz"; round 5:
    only the dateline's own words are set aside)."""
    match = _DATELINE.search(text[:_DATELINE_WITHIN])
    return (match.start(), match.end()) if match else (0, 0)


def outside(span: tuple[int, int], char: int) -> bool:
    return not span[0] <= char < span[1]


def consolidate(
    events: Sequence[Event],
    places: Sequence[Place],
    text: str,
    *,
    apart: frozenset[frozenset[str]] = frozenset(),
    renewed: frozenset[tuple[str, Span]] = frozenset(),
    collapses: frozenset[int] = frozenset(),
    listed: frozenset[tuple[int, str]] = frozenset(),
    year: int | None = None,
    today: date | None = None,
    referring: frozenset[int] = frozenset(),
) -> list[Event]:
    """The report's events, each told once and placed (see module docstring).
    ``apart``: pairs of place ids told as distinct places of one event ("in Mombasa,
    Kisumu and Nakuru"), never merged into one; ``renewed``: (type, evidence) of tellings
    that say the event happens again ("evacuated again", "a new eruption", ``renewal``);
    ``collapses``: where a disaster is told by a structure collapsing
    (``events_consequences``); ``listed``: (evidence start, place) of the events a list
    of places told, one per place; ``year``: the year the report was written in;
    ``today``: the report's day, ``referring``: where tellings that name an event back
    from a time phrase start (``events_background``, round 14)."""
    context = PlaceContext.of(places, text)
    alias = same_named_places(places)
    events = [dataclasses.replace(e, place=alias.get(e.place or "", e.place)) for e in events]
    countries = {p.id for p in places if p.kind == "country"}
    # "Gunmen kill villagers in north-eastern Mali" (the headline) and "attacked the
    # village of Tadjalalt near Menaka" are one attack: a country is no place to keep
    # two tellings apart. It stays the place of an event told nowhere more precisely.
    by_country = {e.id: e.place for e in events if e.place in countries}
    unplaced = [dataclasses.replace(e, place=None) if e.id in by_country else e for e in events]
    within = regions_holding(places)
    merged = [
        dataclasses.replace(e, place=by_country[e.id]) if e.place is None and e.id in by_country
        else e
        for e in merge_mentions(
            unplaced, apart=apart, lines=context.lines, within=within, text=text,
            renewed=renewed, listed=listed, year=year, today=today, referring=referring,
        )
    ]  # fmt: skip
    placed = [place_from_context(e, context) for e in merged]
    remerged = merge_mentions(
        placed, apart=apart, lines=context.lines, within=within, text=text, renewed=renewed,
        listed=listed, year=year, today=today, referring=referring,
    )  # fmt: skip
    # Consequences folded before tolls are given out (events_tolls): "More than 40 were
    # injured" after "three died when walls collapsed" is the storm's (round 12).
    folded = fold_consequences(remerged, places, text, collapses)
    return [dataclasses.replace(e, id=f"E{i + 1}") for i, e in enumerate(folded)]


# --------------------------------------------------------------------------- merging


_DESIGNATORS = frozenset({"region", "province", "state", "district", "department", "county"})


def same_named_places(places: Sequence[Place]) -> dict[str, str]:
    """Place id -> the id of the place it names again: "Catatumbo" and "the Catatumbo
    region", kept apart by the place stage when the gazetteer knows neither (round 7)."""
    first: dict[tuple[str | None, str], str] = {}
    alias: dict[str, str] = {}
    for place in places:
        words = place.name.lower().split()
        if len(words) > 1 and words[-1] in _DESIGNATORS:
            words = words[:-1]
        key = (place.country, " ".join(words))
        if key in first:
            alias[place.id] = first[key]
        else:
            first[key] = place.id
    return alias


def regions_holding(places: Sequence[Place]) -> frozenset[tuple[str, str]]:
    """(region id, place id) for each place the report names inside a region it names
    ("Odesa" in "the southern Odesa region")."""
    regions = {(p.country, p.name): p.id for p in places if p.kind == "region"}
    return frozenset(
        (regions[(p.country, p.admin1)], p.id) for p in places
        if p.kind != "region" and p.admin1 and (p.country, p.admin1) in regions
    )  # fmt: skip


def merge_mentions(
    events: Iterable[Event],
    *,
    apart: frozenset[frozenset[str]] = frozenset(),
    lines: Lines | None = None,
    within: frozenset[tuple[str, str]] = frozenset(),
    text: str = "",
    renewed: frozenset[tuple[str, Span]] = frozenset(),
    listed: frozenset[tuple[int, str]] = frozenset(),
    year: int | None = None,
    today: date | None = None,
    referring: frozenset[int] = frozenset(),
) -> list[Event]:
    """The events with each one told several times merged into one (see ``same_event``);
    ``lines`` tells which tellings share a paragraph (and, with ``text``, where the
    headline ends); ``within`` pairs a region with a place in it: a telling at each is
    one event, kept at the more precise place."""
    kept: list[Event] = []
    # Each kept event's evidence as a set: a report that tells one event a thousand
    # times would otherwise rebuild a growing set at every comparison (quadratic).
    evidence: list[frozenset[Span]] = []
    headline = headline_end(lines, text)
    lead = lead_end(text, headline)
    # A headline's "after deadly riots" names the news the body tells, not a background
    # event dated years before ("since June 2023, when riots ..."): only the body's
    # time phrases refer back to one.
    titled = headline if text and _title_like(text[:headline].strip()) else 0
    referring = frozenset(start for start in referring if start >= titled)
    for event in events:
        own = frozenset(event.evidence)
        for index, earlier in enumerate(kept):
            shared = bool(evidence[index] & own)
            near = lines is not None and _same_paragraph(lines, earlier, event)
            # A headline sums up what the body tells: "aid convoys are turned back".
            summed = _told_first_in(earlier, headline) and not _told_first_in(event, headline)
            # Only a headline not yet matched to the body sums up a telling of another day:
            # once it has absorbed one, the body's others are its own (round 7).
            undated = summed and _told_only_in(earlier, headline) and _is_title(earlier)
            # A headline not yet matched to the body sums up the listed places' events.
            if not _told_only_in(earlier, headline) and _listed_elsewhere(
                earlier, event, listed, shared
            ):
                continue
            nested = _nested(earlier.place, event.place, within)
            if _one_again_one_before(earlier, event, renewed):
                continue
            if not (shared or near) and _undated_and_years_before(earlier, event, year):
                continue
            # Today's news and a dated background telling, whatever the type (round 14).
            if background_apart(earlier, event, today, lead, referring):
                continue
            # A list's telling is news of its own wherever it stands (round 20).
            if _listed_news_and_background(earlier, event, listed, today, referring):
                continue
            if same_event(
                earlier, event, shared=shared, apart=apart, near=near, summed=summed,
                nested=nested, headline_alone=undated,
            ):  # fmt: skip
                kept[index] = combine(earlier, event, evidence[index])
                if undated and _different_days(earlier.date, event.date):
                    # A headline's present tense is dated by the report; the body's day
                    # is the event's ("Fighting kills dozens"; round 7).
                    kept[index] = dataclasses.replace(
                        kept[index], date=event.date, date_precision=event.date_precision
                    )
                if nested and (earlier.place, event.place) in within:
                    kept[index] = dataclasses.replace(kept[index], place=event.place)
                evidence[index] = evidence[index] | own
                break
        else:
            kept.append(event)
            evidence.append(own)
    return kept


def _listed_elsewhere(a: Event, b: Event, listed: frozenset[tuple[int, str]], shared: bool) -> bool:
    """Whether two tellings are kept apart because one is an event a list of places told
    (``listed``: its sentence's start and place) and the other is elsewhere, or unplaced
    and told in another sentence: "Torrents tore through A, B and C" is told at A, B and
    C, not at the valley or the country of another sentence (round 12)."""
    members = [e for e in (a, b) if _is_listed(e, listed)]
    if not members:
        return False
    if a.place is not None and b.place is not None:
        return a.place != b.place
    return not shared


def _listed_news_and_background(
    a: Event,
    b: Event,
    listed: frozenset[tuple[int, str]],
    today: date | None,
    referring: frozenset[int],
) -> bool:
    """ "Rivers burst their banks, flooding parts of A, B and C" (no date of its own) and
    "On 3 May, heavy rain caused rivers to overflow near B", two weeks before the report:
    a telling a list of places split is news, as its siblings are, not a detail of the
    background event at one of them (``background_apart`` keeps only the lead's)."""
    undated = a if a.date is None else b
    return _is_listed(undated, listed) and news_and_background(a, b, today, referring)


def _is_listed(event: Event, listed: frozenset[tuple[int, str]]) -> bool:
    return event.place is not None and any((s.start, event.place) in listed for s in event.evidence)


def _one_again_one_before(a: Event, b: Event, renewed: frozenset[tuple[str, Span]]) -> bool:
    """ "Residents were evacuated again on Thursday" and "the town was first evacuated in
    November 2023": where a telling says the event happens anew, a telling dated by its
    own words and one that is not are two events, not one event and its date (round 9)."""
    if not any((e.type, span) in renewed for e in (a, b) for span in e.evidence):
        return False
    return (a.date is None) != (b.date is None)


def _undated_and_years_before(a: Event, b: Event, year: int | None) -> bool:
    """ "Fighters seized the town" and, paragraphs on, "fighters briefly seized its base
    in April 2024" (the report written in 2026): a telling with no date of its own and
    one dated to an earlier year are two events, the news and its background, not one
    event and its date (round 13; sets d, e, f). Only for ground taken: towns change
    hands again and again, where an undated "the earthquake" refers back to the one
    dated (examples, b: the same rule over all types split those)."""
    if year is None or (a.date is None) == (b.date is None):
        return False
    if not {a.type, b.type} <= _CHANGES_HANDS:
        return False
    dated = a.date or b.date or ""
    return dated[:4].isdigit() and int(dated[:4]) < year


_CHANGES_HANDS = frozenset({"capture", "recapture", "occupation"})


def same_event(
    a: Event,
    b: Event,
    *,
    shared: bool | None = None,
    apart: frozenset[frozenset[str]] = frozenset(),
    near: bool = False,
    summed: bool = False,
    nested: bool = False,
    headline_alone: bool = False,
) -> bool:
    """Whether ``a`` and ``b`` tell one event; ``shared`` says whether they share a
    sentence of evidence (worked out here when the caller does not know), ``near``
    whether they are told in one paragraph, ``summed`` whether ``a`` is the headline's
    summary of ``b`` (``headline_alone``: and has absorbed no telling of the body yet),
    ``nested`` whether one's place is a region holding the other's;
    ``apart`` holds pairs of places told as distinct places of one event."""
    if shared is None:
        shared = _same_sentence(a, b)
    if a.place is not None and b.place is not None and frozenset((a.place, b.place)) in apart:
        return False
    if (a.modality in _REALIS) != (b.modality in _REALIS):
        return False
    if not months_agree(a.date, b.date):
        return False
    if _different_days(a.date, b.date) and not ({a.type, b.type} & _LASTING or headline_alone):
        return False
    if a.type == b.type and a.type in _MERGE_IN_SENTENCE_ONLY:
        # "setting a transformer on fire and cutting electricity to Khartoum": one
        # sentence, two places, two events (round 6, merowe_dam).
        return (shared or summed) and _agree(a.place, b.place)
    if a.type == b.type:
        # One sentence that names two places for one event names where and around where,
        # unless each place has its own actor ("Russian troops captured Soledar, and
        # Wagner fighters later seized most of Bakhmut").
        if (a.place is None) != (b.place is None) and not (shared or near or summed):
            # An unplaced telling far from a placed one is its own event, placed later by
            # its paragraph ("a minibus was hit by a drone" and, paragraphs on, drones
            # that destroyed tanks near Myrnohrad; round 6, pokrovsk_front).
            return False
        return _agree(a.place, b.place) or nested or (shared and not _distinct_actors(a, b))
    # "Airstrikes on a market ... in one of the deadliest attacks"; "the bombardment of
    # Kupiansk ... wounded in the attack": a generic attack is the specific one told.
    pair = {a.type, b.type}
    if pair == _MOVEMENT_PAIR:
        # "Authorities ordered the evacuation of families ... Some 3,000 people have left
        # since then": one paragraph telling an evacuation and the departures is one move.
        return (shared or near) and _agree(a.place, b.place)
    if not ("attack" in pair and pair & _SPECIFIC_ATTACKS):
        return False
    return shared or (a.place is not None and a.place == b.place)


_MOVEMENT_PAIR = frozenset({"evacuation", "displacement"})


def _nested(x: str | None, y: str | None, within: frozenset[tuple[str, str]]) -> bool:
    return x is not None and y is not None and ((x, y) in within or (y, x) in within)


def headline_end(lines: Lines | None, text: str = "") -> int:
    """Where the report's headline ends (0 when unknown): its first line, or with the
    text, the run of title-like lines it opens with. A scraped page keeps a menu or
    section line above the headline, and a date line below it, that the cleaner may
    leave (round 9: "Menu  Search  Sign in" above "Myanmar rebels say they have captured
    Lashio, junta hits back with airstrikes")."""
    if lines is None:
        return 0
    if not text:
        return lines.bounds(0)[1]
    end = position = 0
    for _ in range(_HEADLINE_LINES):
        start, stop = lines.bounds(position)
        line = text[start:stop].strip()
        if line and not _title_like(line):
            break
        end, position = stop, stop + 1
        if position >= len(text):
            break
    return end or lines.bounds(0)[1]


# Lines read for a headline: a section line, the headline, a standfirst, a date line.
_HEADLINE_LINES = 4


def _title_like(line: str) -> bool:
    return len(line) <= _TITLE_LENGTH and not line.endswith((".", "!", "?"))


def _told_first_in(event: Event, end: int) -> bool:
    return bool(event.evidence) and event.evidence[0].start < end


def _is_title(event: Event) -> bool:
    """Told by a headline proper, not by a first line that is the report's first
    sentence ("HERAT, ... — A quake struck on Saturday ...")."""
    words = event.evidence[0].text.rstrip() if event.evidence else ""
    return bool(words) and len(words) <= _TITLE_LENGTH and not words.endswith((".", "!", "?"))


_TITLE_LENGTH = 160  # characters: longer than any headline of the team and held-out sets


def _told_only_in(event: Event, end: int) -> bool:
    return bool(event.evidence) and all(span.start < end for span in event.evidence)


def _same_paragraph(lines: Lines, a: Event, b: Event) -> bool:
    if not a.evidence or not b.evidence:
        return False
    return lines.bounds(a.evidence[0].start) == lines.bounds(b.evidence[0].start)


def _distinct_actors(a: Event, b: Event) -> bool:
    """Both have actors and no side in common ("Russia" and "Russia: government" share)."""
    sides_a = {actor.split(":")[0] for actor in a.actors}
    sides_b = {actor.split(":")[0] for actor in b.actors}
    return bool(sides_a) and bool(sides_b) and not sides_a & sides_b


def _same_sentence(a: Event, b: Event) -> bool:
    return bool(set(a.evidence) & set(b.evidence))


def _agree(x: str | None, y: str | None) -> bool:
    return x is None or y is None or x == y


# A disaster lasts days ("struck late on Friday ... aftershocks on Sunday"): one event.
_LASTING = frozenset({"disaster", "siege", "occupation"})


def _different_days(x: str | None, y: str | None) -> bool:
    """Two days told apart ("On Thursday, police fired ..."; "22 people were killed on
    Friday"): ACLED codes one event per day, so they are two (round 6, dhaka_curfew)."""
    if x is None or y is None or precision(x) != "day" or precision(y) != "day":
        return False
    return x[:10] != y[:10]


def months_agree(x: str | None, y: str | None) -> bool:
    """Same month (or year, when one says only a year); an ISO week ("2024-W22-WE")
    agrees with each month its days fall in (round 6, taiz_convoy: "over the weekend"
    and "on Saturday" are one shelling)."""
    if x is None or y is None:
        return True
    months_x, months_y = months_of(x), months_of(y)
    k = min(len(x), len(y), 7)
    return bool({m[:k] for m in months_x} & {m[:k] for m in months_y})


_ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?")


def months_of(value: str) -> set[str]:
    """The months (YYYY-MM) a date value covers, or the value itself when not a week."""
    week = _ISO_WEEK.match(value)
    if week is None:
        return {value}
    year, number = int(week.group(1)), int(week.group(2))
    days = (6, 7) if week.group(3) else range(1, 8)
    try:
        return {date.fromisocalendar(year, number, d).isoformat()[:7] for d in days}
    except ValueError:  # week 53 of a year that has 52
        return {value}


def combine(first: Event, second: Event, told: frozenset[Span] | None = None) -> Event:
    """One event from two tellings: the first's fields, completed by the second's.
    ``told`` is the first's evidence as a set, when the caller keeps one."""
    specific = first.type == "attack" and second.type in _SPECIFIC_ATTACKS
    kind = second.type if specific else first.type
    date = _more_precise(first.date, second.date)
    known = told if told is not None else frozenset(first.evidence)
    evidence = first.evidence + tuple(s for s in second.evidence if s not in known)
    return dataclasses.replace(
        first,
        type=kind,
        date=date,
        date_precision=precision(date),
        place=first.place or second.place,
        actors=first.actors + tuple(a for a in second.actors if a not in first.actors),
        targets=first.targets + tuple(t for t in second.targets if t not in first.targets),
        killed=first.killed if first.killed is not None else second.killed,
        injured=first.injured if first.injured is not None else second.injured,
        claimed_by=first.claimed_by or second.claimed_by,
        evidence=evidence,
        confidence=max(first.confidence, second.confidence),
    )


def _more_precise(x: str | None, y: str | None) -> str | None:
    if x is None or y is None:
        return x or y
    return y if len(y) > len(x) and y.startswith(x) else x


# --------------------------------------------------------------------------- places


@dataclass(frozen=True, slots=True)
class PlaceContext:
    """Where the report names places, indexed once: per paragraph, and its main settlement."""

    lines: Lines
    dateline: tuple[int, int]
    named: Positions[str]  # literal places other than countries, by mention start
    main: str | None

    @classmethod
    def of(cls, places: Sequence[Place], text: str) -> PlaceContext:
        dateline = dateline_span(text)
        named = Positions(
            (m.start, p.id) for p in places if not p.metonymy and p.kind != "country"
            for m in p.mentions
            if not is_reference_point(text, m.start) and outside(dateline, m.start)
        )  # fmt: skip
        return cls(Lines(text), dateline, named, main_settlement(places, text))


def place_from_context(event: Event, context: PlaceContext) -> Event:
    if event.place is not None or not event.evidence:
        return event
    at = event.evidence[0].start
    place = paragraph_place(context, at) or context.main
    if place is None:
        return event
    confidence = round(max(0.0, event.confidence - INFERRED_PLACE_PENALTY), 2)
    return dataclasses.replace(event, place=place, confidence=confidence)


def paragraph_place(context: PlaceContext, char: int) -> str | None:
    """The literal place named last before ``char`` in its paragraph (the largest id
    when two start at the same character)."""
    start = context.lines.bounds(char)[0]
    named = context.named.last_before(char, low=start)
    return max(named) if named else None


def main_settlement(places: Sequence[Place], text: str) -> str | None:
    """The settlement the report names most (the first named on a tie); with none named
    outside the dateline, the dateline's."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    at_dateline: list[str] = []
    dateline = dateline_span(text)
    for place in places:
        if place.metonymy or place.kind not in _SETTLEMENTS:
            continue
        # "about 500 km west of Kathmandu" measures from a place; it tells nothing there.
        starts = [
            start for start in _told_at(place, text)
            if outside(dateline, start) and not is_reference_point(text, start)
        ]  # fmt: skip
        if not starts:
            if any(not outside(dateline, m.start) for m in place.mentions):
                at_dateline.append(place.id)
            continue
        counts[place.id] += len(starts)
        first[place.id] = min(starts)
    if not counts:
        # "SUMY, Ukraine, March 4 - A Russian drone hit a residential building": with no
        # other settlement named, the dateline's is where the report's news is (round 23),
        # unless the report names another country ("WASHINGTON - Gunmen killed 20 people
        # in northern Nigeria": the news is Nigeria's).
        abroad = {
            p.country for p in places
            if p.kind == "country" and not p.metonymy
            and any(outside(dateline, m.start) for m in p.mentions)
        }  # fmt: skip
        home = [pid for pid in at_dateline if not abroad - {_country_of(places, pid)}]
        return home[0] if home else None
    # A settlement outside every country the report names is likelier a namesake the
    # gazetteer chose wrongly ("Kanyama" in Congo in a report on Lusaka; round 5).
    named = {p.country for p in places if p.kind == "country" and not p.metonymy}
    country = {p.id: p.country for p in places}
    inside = [pid for pid in counts if country[pid] in named]
    return min(inside or counts, key=lambda pid: (-counts[pid], first[pid]))


def _country_of(places: Sequence[Place], pid: str) -> str | None:
    return next((p.country for p in places if p.id == pid), None)


def _told_at(place: Place, text: str) -> set[int]:
    """Where the report names ``place`` as where something is: each kept mention, and
    each other occurrence of its name (the place stage keeps one mention of some
    unpinned villages; round 12), but not a town named as a speaker ("Juba said": its
    government) or in a credit line ("Reporting by ... in Juba")."""
    starts = {m.start for m in place.mentions}
    names = {m.text for m in place.mentions if m.text[:1].isupper()}
    for name in names:
        for found in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            starts.add(found.start())
    return {s for s in starts if not _speaker_or_credit(text, s)}


# "Juba said", "Kyiv says", "Moscow told": a capital speaking is its government.
_SPEAKS = re.compile(r"[\w'’.-]*\s+(?:said|says|told|announced|claimed|accused|denied)\b")
_CREDIT_LINE = re.compile(r"(?:Additional\s+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting)\s+by\b")


def _speaker_or_credit(text: str, start: int) -> bool:
    if _SPEAKS.match(text, start):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_CREDIT_LINE.match(text, line_start))


# --------------------------------------------------------------------------- casualties


# "Two children were among the dead": a part of a toll told elsewhere.
_PART_OF_TOLL = re.compile(r"\s*(?:[\w-]+\s+){0,3}?(?:were|was|are|is)\s+among\b", re.I)


# "At least 19 of the deaths were recorded in X", "nine of whom were later sent to":
# a share of a toll told elsewhere (round 7).
_SHARE_OF_TOLL = re.compile(
    r"\s*\bof\s+(?:whom|them|those|the\s+(?:deaths|dead|killed|wounded|injured|victims"
    r"|casualties))\b",
    re.I,
)


# "including two women", "among them four children", "of whom three": the count that
# follows names part of the toll just told, not a toll of its own (round 9).
_SUBSET_BEFORE = re.compile(
    r"\b(?:including|includes|included|among\s+(?:them|whom|those)|of\s+(?:whom|them))"
    r"\s+(?:at\s+least\s+|some\s+|about\s+)?$",
    re.I,
)


# "dozens killed": a lower bound, no count a coder would enter.
_VAGUE_WORDS = frozenset({"dozens", "scores", "hundreds", "thousands", "millions"})


def is_vague(figure: Figure) -> bool:
    words = figure.span.text.lower().split()
    return words[-1] in _VAGUE_WORDS or " ".join(words[-2:]) in _VAGUE_PAIRS


# "several hundred people", "a few thousand" (round 7).
_VAGUE_PAIRS = frozenset({"several hundred", "few hundred", "several thousand", "few thousand"})


def is_part_of_toll(text: str, figure: Figure) -> bool:
    """ "Two children were among the dead"; also a count that is no event's toll: deaths
    from want or disease ("63 children have died of malnutrition") and a feared toll
    ("fear more than 670 people may have died"; round 6), and the part of a toll named
    just after it ("killing seven people, including two women, and injuring 29"; round 9)."""
    end = figure.span.end
    if _SUBSET_BEFORE.search(text, max(0, figure.span.start - 30), figure.span.start):
        return True
    if _PART_OF_TOLL.match(text, end, end + 60) or _FEARED.match(text, end, end + 60):
        return True
    if _SHARE_OF_TOLL.search(figure.span.text) or _SHARE_OF_TOLL.match(text, end, end + 40):
        return True
    cause = _DIED_OF.match(text, end, end + 60)
    return cause is not None and cause.group(1).lower() in NON_VIOLENT_DEATHS


_FEARED = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}?(?:may|might|could)\s+have\s+(?:died|been\s+killed|perished)\b",
    re.I,
)
_DIED_OF = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}?(?:died|dead|deaths?)\s+(?:\w+\s+)?(?:of|from)\s+(\w+)", re.I
)


# "left 55 people dead", "leaving 12 dead": a count the figures stage may read as people
# left (displaced) is a toll when "dead" follows it (round 12, outside f).
_DEAD_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?dead\b")


def stated_quantity(text: str, figure: Figure) -> str | None:
    """The figure's quantity, or ``killed`` where the words after it say dead."""
    if text and figure.quantity != "killed" and _DEAD_AFTER.match(text, figure.span.end):
        return "killed"
    return figure.quantity
