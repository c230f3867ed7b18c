"""Choosing the gazetteer entry a place name refers to (toponym resolution).

Candidates are scored on what the document says around them: how big and how
important a place is (a prior), whether its country is the one the document is
about, whether it lies near the other places the document names, and whether
the text put it inside a region or country ("Izyum, in the Kharkiv region").
When the best candidate does not stand out, the name stays unresolved: a wrong
pin is worse than none.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

import numpy as np

from sitrep.gazetteer import Candidate, normalize_key

K = TypeVar("K")

# Weights of the score terms. Set by hand on the seed reports and the unit tests
# in tests/test_places.py, except where a comment cites `sitrep eval geoparsing`.
# Per order of magnitude; best of 0.15/0.35/0.6 on `--data lgl.xml --gold-spans --limit 300`.
POPULATION_WEIGHT = 0.35
COUNTRY_PRIOR = 1.2
CAPITAL_PRIOR = 0.6
BARE_REGION_PENALTY = -0.9  # "Kharkiv" alone is the city; "Kharkiv region" the region
REGION_FORM_BONUS = 2.0
FOCUS_WEIGHT = 1.2
CONTAINER_BONUS = 2.0
NEAR_KM, NEAR_BONUS = 100.0, 1.0
CLOSE_KM, CLOSE_BONUS = 400.0, 0.6
FAR_KM, FAR_BONUS = 1500.0, 0.2
# Times the share of the other names with a reading near the candidate (``Proximity.
# nearby_shares``). 0 / 1 / 2 on `--gold-spans` lgl.xml --limit 300: 82.3 / 83.0 / 83.1 %;
# GWN.xml --limit 100: 85.1 / 85.1 / 84.8 %. Votes weighted by 1 (any reading near) or by
# 1/n instead of 1/sqrt(n) (n: the name's readings) read "Paris and London" in Ontario,
# or left Athens beside Henderson County in Greece.
NEARBY_WEIGHT = 1.0
# Per other name (at most NEIGHBOUR_CAP) with a reading within NEIGHBOUR_KM of the
# candidate (``Proximity.nearby``: a town and its county). Weight 0 / 0.3 / 0.6 / 1 on
# `--gold-spans`, first halves of lgl.xml / TR-News.xml / GWN.xml: 1861 / 1871 / 1877 / 1875,
# 488 for all, 1082 / 1082 / 1081 / 1079 toponyms; 0.6 and 1 lost 4-11 on the second halves
# and GeoVirus, 0.3 none. 20 / 30 / 40 / 50 km at 0.3: LGL 85.2 / 85.4 / 85.4 / 85.5 %.
NEIGHBOUR_KM = 40.0
NEIGHBOUR_CAP = 2
NEIGHBOUR_WEIGHT = 0.3
# Candidates per block of the nearby computation (a block x candidates matrix at a time).
NEARBY_BLOCK = 512
EARTH_RADIUS_KM = 6371.0
# The entry's own name is the text's name ("Augusta", not Augsburg's old alternate name
# "Augusta"): cities500's alternate names hold many such historical or foreign names.
NAME_MATCH_BONUS = 0.8
# A city holding this share of its region's people is the region's seat: its name
# alone means the city ("New York"); set on `--data GWN.xml --gold-spans --limit 100`.
SEAT_SHARE = 0.2
# An entry known by the text's name only as an alternate name yields to one this many
# times bigger that bears it as its own name ("Florida"); set on `--data lgl.xml
# --gold-spans --limit 300`, where a ratio of 1 lost 8 local readings ("Raleigh" for
# Raleigh County's seat, 27 times smaller than Raleigh) and 100 loses none.
ALTERNATE_YIELD_RATIO = 100
# Times the share of the document's other names that could lie in the candidate's region.
COVERAGE_WEIGHT = 2.0
# Added to each reading's population when a name's readings vote for regions, so that
# villages of 500 people still count.
COVERAGE_SMOOTHING = 5_000
# A country's own name means the country more often than a namesake town ("Mexico");
# best of 0/0.5/1/1.5 on `--gold-spans` LGL (--limit 300) and GWN (--limit 100).
COUNTRY_NAME_BONUS = 0.5
# ... and over namesake towns only (no region of that name: "Mexico" in a text about
# Missouri is still the country); best of 0.5/1/1.5 on the same runs (GWN +14, LGL 0).
COUNTRY_OVER_TOWN_BONUS = 1.0
# The most the document's focus (country, region, coverage, nearby places) adds to one
# candidate: uncapped, a Missouri town called Mexico outscored the country in a text about
# Missouri's trade with Mexico. The lowest cap that costs nothing on `--gold-spans` LGL
# (--limit 300) and GWN (--limit 100): 3.0 lost 14 LGL toponyms, 2.5 lost 22.
FOCUS_SUPPORT_CAP = 3.5
# Extra focus weight per doubling of a name's mentions (``mention_weight``). 0 / 0.5 / 1 /
# 2 / 4 on `--gold-spans` lgl.xml --limit 300: 83.75 / 84.02 / 84.02 / 83.79 / 83.75 %
# (GWN.xml --limit 100: 85.86 % for all).
MENTION_WEIGHT_SLOPE = 1.0
# The text's other places lie in this candidate's first-level region (state, oblast).
ADMIN_FOCUS_WEIGHT = 1.0
# The text writes money the way this candidate's country does ("$12,000": a local US
# report naming only "Mansfield" means Mansfield, Texas, not Nottinghamshire's). 0 / 0.3 /
# 0.5 / 0.8 / 1.2 on `--gold-spans` lgl.xml --limit 300: 82.95 / 83.39 / 83.39 / 83.39 /
# 82.95 %; GWN.xml --limit 100: 85.07 / 84.99 / 84.99 / 84.99 / 84.91 %. The middle.
LOCALE_WEIGHT = 0.5
# Times the share of the outlet's other reports about the candidate's first-level region
# (``Home``: a local paper's "Paris" is its own town), and about its country. On `sitrep
# eval geoparsing --gold-spans --outlets`, first halves of lgl.xml / TR-News.xml, region
# weight 1.5 / 2 / 2.5: 87.8 / 88.2 / 88.6 % and 90.4 / 90.4 / 90.2 %: 2, the largest
# that costs TR-News nothing. A country weight of 0.5 / 1 lost LGL toponyms at every
# region weight ("Paris" in a US paper is often France's).
HOME_REGION_WEIGHT = 2.0
HOME_COUNTRY_WEIGHT = 0.0

# "the Atlantic", "the tropical Pacific": English puts no article before a town's name, so
# a water body or an area (GeoNames classes H and L) of the name is the likelier reading.
# 0 / 0.5 / 1 / 2 on `--gold-spans` GWN.xml --limit 100: 84.5 / 84.5 / 85.1 / 85.1 %
# (lgl.xml --limit 300: 80.8 % for all four); the smallest that helps.
ARTICLE_BONUS = 1.0
NATURAL_CLASSES = frozenset({"H", "L"})

# A best candidate this far ahead of the runner-up is taken with full confidence.
CLEAR_MARGIN = 1.0
# Below this margin, with no document support, the name stays unresolved.
MIN_MARGIN = 0.25
# A small place with rivals elsewhere needs the document's support to be chosen.
SMALL_PLACE_POPULATION = 20_000
# A populated place under this size, in a country the document places nothing in, is
# left unresolved when at least FOREIGN_FOCUS_MIN of the other names (weighted) lie in
# one other country that holds FOREIGN_FOCUS_SHARE of them (``_abroad_of_focus``).
FOREIGN_TOWN_POPULATION = 100_000
FOREIGN_FOCUS_MIN = 2
FOREIGN_FOCUS_SHARE = 0.5
# A resolution this confident informs the others' focus and anchors in the next pass.
SURE_CONFIDENCE = 0.6
# Passes in all, the first reading each name alone; stops early once a pass changes
# nothing. 2 (one pass in context) -> 4: LGL 79.6 -> 80.3 %, GWN 81.8 -> 82.1 %
# (`--gold-spans`, lgl.xml --limit 300, GWN.xml --limit 100).
MAX_PASSES = 4


@dataclass(frozen=True, slots=True)
class Home:
    """Where a document's outlet reports from, as shares of its other reports' places:
    a Texan paper's "Paris" is Paris, Texas, though the report itself names no other
    place (``places_outlets.learn_homes``)."""

    regions: Mapping[tuple[str, str], float] = field(default_factory=dict)
    countries: Mapping[str, float] = field(default_factory=dict)

    def share(self, c: Candidate) -> float:
        """The weighted share of the outlet's reports about this candidate's region and
        country (a country gains only by its own share: "Jordan" in a Minnesotan paper)."""
        if not c.country:
            return 0.0
        score = HOME_COUNTRY_WEIGHT * self.countries.get(c.country, 0.0)
        # A state is its own first-level region; a county or a town lies in one.
        region = c.admin1 or (c.name if c.kind == "region" else None)
        if c.kind != "country" and region:
            score += HOME_REGION_WEIGHT * self.regions.get((c.country, region), 0.0)
        return score


NO_HOME = Home()


@dataclass(slots=True)
class Context:
    """What the rest of the document says, used to rank one name's candidates."""

    # Countries the document is about, weighted by how often its places lie there.
    focus: Counter[str] = field(default_factory=Counter)
    # First-level regions (country, name) the document is about, weighted likewise.
    admin_focus: Counter[tuple[str, str]] = field(default_factory=Counter)
    # Per first-level region, the share of the other names that could lie in it.
    coverage: dict[tuple[str, str], float] = field(default_factory=dict)
    # Regions (by name) and countries (ISO2) the text said this name lies in.
    container_regions: set[str] = field(default_factory=set)
    container_countries: set[str] = field(default_factory=set)
    # Countries whose conventions the text writes in ("$12,000" in a US local report):
    # ``places_cues.locale_countries``.
    locale: frozenset[str] = frozenset()
    # Where the document's outlet reports from (``Home``).
    home: Home = NO_HOME
    # Sums of ``focus`` and ``admin_focus``, taken once (read for every candidate).
    focus_total: int = field(init=False, default=0)
    admin_total: int = field(init=False, default=0)

    def __post_init__(self) -> None:
        self.focus_total = sum(self.focus.values())
        self.admin_total = sum(self.admin_focus.values())

    def focus_share(self, country: str | None) -> float:
        total = self.focus_total
        return self.focus[country] / total if country and total else 0.0

    def admin_share(self, country: str | None, admin1: str | None) -> float:
        total = self.admin_total
        if not (country and admin1 and total):
            return 0.0
        return self.admin_focus[(country, admin1)] / total


@dataclass(frozen=True, slots=True)
class Resolution:
    candidate: Candidate | None
    confidence: float
    supported: bool  # the document (not only the prior) backs the choice


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def prior(
    c: Candidate,
    region_form: bool,
    seat_cities: frozenset[Candidate],
    key: str = "",
    country_bonus: float = COUNTRY_NAME_BONUS,
) -> float:
    """How likely a news text means this entry, before reading the document.

    ``seat_cities``: main cities of their regions that answer to the text's name. A
    region named after its seat ("Kharkiv") is meant only when the text says "region";
    a region with a name of its own ("Georgia", "Texas", "Indiana") needs no such word.
    ``country_bonus``: what a country gains by bearing the name as its own.
    """
    score = POPULATION_WEIGHT * math.log10(c.population + 10)
    if key and (_own_name(c) == key or c in seat_cities):
        score += NAME_MATCH_BONUS + (country_bonus if c.kind == "country" else 0.0)
    if c.kind == "country":
        score += COUNTRY_PRIOR
    elif c.feature_code == "PPLC":
        score += CAPITAL_PRIOR
    if c.kind == "region" and c.feature_class == "A":
        if region_form:
            score += REGION_FORM_BONUS
        elif (
            (c.country, c.name) in {(s.country, s.admin1) for s in seat_cities}
            or (c.country, _own_name(c)) in {(s.country, _own_name(s)) for s in seat_cities}
            or _own_name(c) != key
        ):
            # "Mexico" is not Mexico City's state, though that state knows the name too. By
            # country and name: Florida, Uruguay's seat says nothing of the US state.
            score += BARE_REGION_PENALTY
    return score


def _own_name(c: Candidate) -> str:
    """The key of the entry's own name ("Kharkiv Oblast" -> "kharkiv oblast")."""
    return _name_key(c.name)


@functools.lru_cache(maxsize=1 << 16)
def _name_key(name: str) -> str:
    # Memoised: every pass asks it of every candidate (a third of resolution time uncached).
    return normalize_key(name)


def seats(candidates: Sequence[Candidate], key: str) -> frozenset[Candidate]:
    """Cities that are their region's main city and answer to the name ("Kharkiv" in
    Kharkiv Oblast, New York City in New York State): a bare name then means the city."""
    people: dict[tuple[str | None, str | None], int] = {
        (c.country, c.name): c.population for c in candidates if c.kind == "region"
    }
    regions_named = {(c.country, _own_name(c)) for c in candidates if c.kind == "region"}

    def is_seat(c: Candidate) -> bool:
        if (c.country, c.admin1) in people:
            share = people[(c.country, c.admin1)]
            return _own_name(c) == key or c.population >= SEAT_SHARE * share
        # A national capital beside a province of its name, the capital being a province
        # of its own ("Maputo": Maputo City, not Maputo Province; round 22).
        return c.feature_code == "PPLC" and (c.country, _own_name(c)) in regions_named

    return frozenset(c for c in candidates if c.feature_class == "P" and is_seat(c))


def support(c: Candidate, ctx: Context, near: float = 0.0) -> float:
    """How much the document backs this entry: what the text says it lies in, plus the
    document's focus, capped (its four measures all say "the text is about here").
    ``near``: the bonus for the confidently resolved place nearest to it
    (``Proximity``)."""
    score = FOCUS_WEIGHT * ctx.focus_share(c.country)
    if c.kind != "country":
        score += ADMIN_FOCUS_WEIGHT * ctx.admin_share(c.country, c.admin1)
        region = c.name if c.kind == "region" else c.admin1
        if c.country and region:
            score += COVERAGE_WEIGHT * ctx.coverage.get((c.country, region), 0.0)
    if c.kind != "country":
        score += near
    if c.country in ctx.locale:
        score += LOCALE_WEIGHT
    score += ctx.home.share(c)
    score = min(score, FOCUS_SUPPORT_CAP)
    if (c.admin1 and c.admin1 in ctx.container_regions and c.kind != "region") or (
        c.country in ctx.container_countries
    ):
        score += CONTAINER_BONUS
    return score


def _proximity_bonus(km: float) -> float:
    if km <= NEAR_KM:
        return NEAR_BONUS
    if km <= CLOSE_KM:
        return CLOSE_BONUS
    return FAR_BONUS if km <= FAR_KM else 0.0


class Proximity:
    """Every candidate of every name of a document as one array of points, so that a pass
    measures their distances to the anchors (the other names' confident readings) in one
    vectorised step: one Python-level haversine per pair and pass was the largest cost of
    resolution."""

    def __init__(self, pools: Sequence[Sequence[Candidate]]) -> None:
        self.bounds = list(
            itertools.pairwise(itertools.accumulate((len(p) for p in pools), initial=0))
        )
        self.owner = np.array([k for k, pool in enumerate(pools) for _ in pool], dtype=np.int64)
        points = [(c.lat, c.lon) for pool in pools for c in pool]
        self.points = np.radians(np.array(points, dtype=np.float64).reshape(-1, 2))
        # Readings that have a place on the map (not a country, not a region across borders).
        self.local = np.array([_is_local(c) for pool in pools for c in pool], dtype=bool)
        # First-level regions ("Florida" the state) and the region each local reading lies in.
        self.adm1 = np.array([c.feature_code == "ADM1" for pool in pools for c in pool], dtype=bool)
        # Each entry's number: another name's reading of the very same entry is no neighbour.
        entries: dict[str, int] = {}
        self.entry = np.array(
            [entries.setdefault(c.gazetteer_id, len(entries)) for pool in pools for c in pool],
            dtype=np.int64,
        )
        ids: dict[tuple[str | None, str | None], int] = {}
        self.region = np.array(
            [ids.setdefault(_region_key(c), len(ids)) for pool in pools for c in pool],
            dtype=np.int64,
        )

    def nearby_shares(self, wanted: Sequence[bool] | None = None) -> list[list[float]]:
        """Per name, per candidate, the share of the document's other names that have a
        reading near it (within ``NEAR_KM``; for a first-level region, inside it): Athens
        and Henderson County are Texas's, though each alone would be read elsewhere. Each
        other name votes with its readings there over the root of its readings' number,
        at most 1: a name with readings in every state ("Springfield") says little, and
        "Paris" and "London" stay in Europe though both lie in Ontario too. Depends on no
        choice, so it is computed once per document; only for the ``wanted`` candidates
        (0 for the rest), since measuring every pair was the largest cost of resolution."""
        return self.nearby(wanted)[0]

    def nearby(
        self, wanted: Sequence[bool] | None = None
    ) -> tuple[list[list[float]], list[list[float]]]:
        """``nearby_shares``, and per candidate the number of the other names that have a
        reading within ``NEIGHBOUR_KM`` of it, at most ``NEIGHBOUR_CAP`` (a town and its
        county, "Paris and Henry County": neighbours by chance are rare at that range, so
        each such name counts whole, however many readings it has)."""
        cols = np.flatnonzero(self.local)
        scored = self.local | self.adm1
        if wanted is not None:
            scored &= np.asarray(wanted, dtype=bool)
        todo = np.flatnonzero(scored)
        if len(cols) == 0 or len(todo) == 0:
            zeros = [[0.0] * (b - a) for a, b in self.bounds]
            return zeros, zeros
        named, starts, readings = np.unique(self.owner[cols], return_index=True, return_counts=True)
        lat2, lon2 = self.points[cols, 0][None, :], self.points[cols, 1][None, :]
        col_region = self.region[cols][None, :]
        share = np.zeros(len(self.owner))
        neighbours = np.zeros(len(self.owner))
        # Rows in blocks: one block's matrix stays small however long the document.
        for r0 in range(0, len(todo), NEARBY_BLOCK):
            rows = todo[r0 : r0 + NEARBY_BLOCK]
            near = _haversine_km(self.points[rows, :1], self.points[rows, 1:], lat2, lon2)
            inside = self.region[rows, None] == col_region
            close = np.where(self.adm1[rows, None], inside, near <= NEAR_KM).astype(np.float64)
            votes = np.minimum(np.add.reduceat(close, starts, axis=1) / np.sqrt(readings), 1.0)
            apart = self.entry[rows, None] != self.entry[cols][None, :]
            beside = np.add.reduceat(
                ((near <= NEIGHBOUR_KM) & apart).astype(np.float64), starts, axis=1
            )
            beside[self.adm1[rows]] = 0.0
            # A name is no evidence for its own reading.
            owner = self.owner[rows]
            at = np.searchsorted(named, owner)
            own = (at < len(named)) & (named[np.minimum(at, len(named) - 1)] == owner)
            votes[np.flatnonzero(own), at[own]] = 0.0
            beside[np.flatnonzero(own), at[own]] = 0.0
            others = len(named) - own.astype(np.int64)
            with np.errstate(divide="ignore", invalid="ignore"):
                share[rows] = np.where(others > 0, votes.sum(axis=1) / others, 0.0)
            neighbours[rows] = np.minimum((beside > 0).sum(axis=1), NEIGHBOUR_CAP)
        flat, counts = share.tolist(), neighbours.tolist()
        return [flat[a:b] for a, b in self.bounds], [counts[a:b] for a, b in self.bounds]

    def bonuses(self, anchors: Sequence[tuple[int, Candidate]]) -> list[list[float]]:
        """Per name, per candidate, the bonus for the nearest anchor of another name."""
        if not anchors or len(self.owner) == 0:
            return [[0.0] * (b - a) for a, b in self.bounds]
        owners = np.array([k for k, _ in anchors], dtype=np.int64)
        at = np.radians(np.array([(c.lat, c.lon) for _, c in anchors], dtype=np.float64))
        lat1, lon1 = self.points[:, :1], self.points[:, 1:]
        km = _haversine_km(lat1, lon1, at[:, 0][None, :], at[:, 1][None, :])
        # A name is no evidence for its own reading.
        km[self.owner[:, None] == owners[None, :]] = np.inf
        nearest = km.min(axis=1)
        bonus = np.select(
            [nearest <= NEAR_KM, nearest <= CLOSE_KM, nearest <= FAR_KM],
            [NEAR_BONUS, CLOSE_BONUS, FAR_BONUS],
            0.0,
        ).tolist()
        return [bonus[a:b] for a, b in self.bounds]


def _haversine_km(
    lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray
) -> np.ndarray:
    """``distance_km`` on arrays of radians (broadcast: rows against columns)."""
    h = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    km: np.ndarray = 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(h)))
    return km


def _region_key(c: Candidate) -> tuple[str | None, str | None]:
    """The first-level region a reading is (ADM1) or lies in."""
    return (c.country, c.name if c.feature_code == "ADM1" else c.admin1)


def _is_local(c: Candidate) -> bool:
    return c.kind != "country" and c.country is not None and c.feature_code != "ADM1"


def resolve(
    candidates: Sequence[Candidate],
    ctx: Context,
    *,
    region_form: bool = False,
    abstain: bool = True,
    key: str = "",
) -> Resolution:
    """The best candidate with a confidence in [0, 1], or an unresolved answer
    (only when ``abstain``: a name known to be a place always gets its best guess)."""
    return rank(prepare(candidates, region_form=region_form, key=key), ctx, abstain=abstain)


@dataclass(frozen=True, slots=True)
class Ranked:
    """A name's candidates worth ranking and their priors: what the document's context
    does not change, so the passes of ``resolve_all`` compute it once per name."""

    pool: tuple[Candidate, ...]
    priors: tuple[float, ...]


def prepare(
    candidates: Sequence[Candidate],
    *,
    region_form: bool = False,
    key: str = "",
    article: bool = False,
) -> Ranked:
    """``article``: the text says "the X" ("the Atlantic", "the tropical Pacific")."""
    pool = [c for c in candidates if c.kind == "region"] if region_form else list(candidates)
    seat_cities = seats(candidates, key)
    pool = _without_lesser_alternates(pool, key, seat_cities)
    country_bonus = COUNTRY_NAME_BONUS if _region_bears_name(pool, key) else COUNTRY_OVER_TOWN_BONUS
    priors = tuple(
        prior(c, region_form, seat_cities, key, country_bonus)
        + (ARTICLE_BONUS if article and c.feature_class in NATURAL_CLASSES else 0.0)
        for c in pool
    )
    return Ranked(tuple(pool), priors)


def rank(
    ranked: Ranked, ctx: Context, *, abstain: bool = True, near: Sequence[float] = ()
) -> Resolution:
    """``resolve`` on a prepared name; ``near``: each candidate's proximity bonus."""
    if not ranked.pool:
        return Resolution(None, 0.0, False)
    near = near or [0.0] * len(ranked.pool)
    backing = [support(c, ctx, n) for c, n in zip(ranked.pool, near, strict=True)]
    scored = sorted(
        ((p + b, b, c) for c, p, b in zip(ranked.pool, ranked.priors, backing, strict=True)),
        key=lambda t: (-t[0], t[2].gazetteer_id),
    )
    best_score, best_support, best = scored[0]
    margin = best_score - scored[1][0] if len(scored) > 1 else CLEAR_MARGIN
    supported = best_support > 0.5
    if abstain and (
        _too_uncertain(best, scored, margin, supported) or _abroad_of_focus(best, ctx, supported)
    ):
        return Resolution(None, 0.0, supported)
    confidence = 0.55 + 0.4 * min(1.0, margin / CLEAR_MARGIN)
    return Resolution(best, round(confidence, 2), supported)


def _region_bears_name(pool: Sequence[Candidate], key: str) -> bool:
    """A first-level region has the name as its own ("Georgia" the US state)."""
    return any(c.feature_code == "ADM1" and _own_name(c) == key for c in pool)


def _without_lesser_alternates(
    pool: Sequence[Candidate], key: str, seat_cities: frozenset[Candidate]
) -> list[Candidate]:
    """Drop entries that answer to the name only through an alternate name when a far
    bigger entry bears it as its own: "Florida" is the state, never a Californian town that
    cities500 also calls "Florida", whatever the document's focus on California. A
    region's main city keeps the region's name ("New York" for New York City)."""
    own = [c.population for c in pool if key and _own_name(c) == key]
    if not own:
        return list(pool)
    biggest = max(own)
    return [
        c
        for c in pool
        if _own_name(c) == key or c.population * ALTERNATE_YIELD_RATIO > biggest or c in seat_cities
    ]


def _too_uncertain(
    best: Candidate,
    scored: Sequence[tuple[float, float, Candidate]],
    margin: float,
    supported: bool,
) -> bool:
    if len(scored) == 1 or supported:
        return False
    if margin < MIN_MARGIN:
        return True
    # "Hilton": several small places in different countries and nothing to choose by.
    rivals_abroad = any(c.country != best.country for _, _, c in scored[1:])
    return best.population < SMALL_PLACE_POPULATION and rivals_abroad


def _abroad_of_focus(best: Candidate, ctx: Context, supported: bool) -> bool:
    """A town in a country where the document places nothing, while it places most of
    its names in one other country: "Kanyama" in a report about Lusaka is a township of
    Lusaka missing from the gazetteer, not the Congolese town of that name."""
    if supported or best.feature_class != "P" or best.population >= FOREIGN_TOWN_POPULATION:
        return False
    if ctx.focus_total < FOREIGN_FOCUS_MIN or ctx.focus[best.country or ""] > 0:
        return False
    _, top = ctx.focus.most_common(1)[0]
    return top / ctx.focus_total >= FOREIGN_FOCUS_SHARE


@dataclass(slots=True)
class NameUse:
    """One name as a document uses it (every mention of it with one reading)."""

    candidates: tuple[Candidate, ...]
    region_form: bool = False
    # The name's lookup key ("kharkiv"), to tell an entry's own name from an alternate one.
    key: str = ""
    # Indexes of the other uses the text says this one lies in ("Izyum, Kharkiv region").
    containers: set[int] = field(default_factory=set)
    # The text puts "the" before the name ("the Atlantic"): towns take no article.
    article: bool = False
    # Every mention stands for a government or army ("Russia's forces", "Moscow said"):
    # where the actor is says nothing about where the text's places lie (Pokrovsk beside
    # "Russia's forces" is still Ukraine's), so it lends no focus, anchor or coverage.
    actor: bool = False
    # How many times the text names it: "Indiana" five times and "Kentucky" once make a
    # text about Indiana (``mention_weight``).
    mentions: int = 1


def resolve_all(
    uses: Sequence[NameUse],
    *,
    abstain: bool = True,
    locale: frozenset[str] = frozenset(),
    home: Home = NO_HOME,
) -> list[Resolution]:
    """Each name alone first, then again with the document's focus, anchors and
    containers (what the other names say: a name is no evidence for its own reading),
    repeated while a pass changes a choice: a name misread alone ("Georgia" the
    country) would otherwise mislead the others ("Atlanta" in Texas) for good."""
    ranked = [
        prepare(u.candidates, region_form=u.region_form, key=u.key, article=u.article) for u in uses
    ]
    previous = [rank(r, Context(locale=locale, home=home)) for r in ranked]
    # What the other names could lie in does not depend on any choice: once per document.
    coverage = _coverage_of_others([{} if u.actor else _regions_named(u.candidates) for u in uses])
    proximity = Proximity([r.pool for r in ranked])
    # Only where there is a choice to make, and only for readings that bear the name as
    # their own: "Mexico" near Acapulco is still the country, not Mexico City (whose
    # alternate names include "Mexico").
    nearby, neighbours = proximity.nearby(
        [
            len(r.pool) > 1 and (not u.key or _own_name(c) == u.key)
            for u, r in zip(uses, ranked, strict=True)
            for c in r.pool
        ]
    )
    for _ in range(MAX_PASSES - 1):
        current = _resolve_in_context(
            uses, ranked, previous, coverage, proximity, nearby, neighbours, abstain, locale, home
        )
        if _choices(current) == _choices(previous):
            return current
        previous = current
    return previous


def _resolve_in_context(
    uses: Sequence[NameUse],
    ranked: Sequence[Ranked],
    previous: Sequence[Resolution],
    coverage: Sequence[dict[tuple[str, str], float]],
    proximity: Proximity,
    nearby: Sequence[Sequence[float]],
    neighbours: Sequence[Sequence[float]],
    abstain: bool,
    locale: frozenset[str] = frozenset(),
    home: Home = NO_HOME,
) -> list[Resolution]:
    """One pass: every name in the context of the others' previous choices (the whole
    document's focus less the name's own contribution: a name is no evidence for itself)."""
    sure: list[Candidate | None] = [
        r.candidate if r.candidate is not None and r.confidence >= SURE_CONFIDENCE else None
        for r in previous
    ]
    # Actors still get resolved, in the light of the others; they only inform no one.
    located = [None if u.actor else c for u, c in zip(uses, sure, strict=True)]
    weights = [mention_weight(u.mentions) for u in uses]
    focus = _weighted(_country_count, located, weights)
    admin = _weighted(_region_count, located, weights)
    near = proximity.bonuses(
        [(k, c) for k, c in enumerate(located) if c is not None and c.kind != "country"]
    )
    resolved: list[Resolution] = []
    for k, use in enumerate(uses):
        own = located[k]
        ctx = Context(
            focus=_less(focus, _weighted(_country_count, [own], [weights[k]])),
            admin_focus=_less(admin, _weighted(_region_count, [own], [weights[k]])),
            coverage=coverage[k],
            locale=locale,
            home=home,
        )
        for j in use.containers:
            _add_container(ctx, previous[j])
        local = [
            n + NEARBY_WEIGHT * share + NEIGHBOUR_WEIGHT * count
            for n, share, count in zip(near[k], nearby[k], neighbours[k], strict=True)
        ]
        resolved.append(rank(ranked[k], ctx, abstain=abstain, near=local))
    return resolved


def mention_weight(mentions: int) -> int:
    """What a name named ``mentions`` times weighs in the document's focus: more than a
    name named once, less than in proportion (a report repeats its main place anyway)."""
    return 1 + int(math.log2(max(1, mentions)) * MENTION_WEIGHT_SLOPE)


def _weighted(
    measure: Callable[[Candidate], tuple[K, int] | None],
    chosen: Sequence[Candidate | None],
    weights: Sequence[int],
) -> Counter[K]:
    """Counts of ``measure`` over the chosen readings, each counted ``weight`` times."""
    total: Counter[K] = Counter()
    for c, w in zip(chosen, weights, strict=True):
        counted = measure(c) if c is not None else None
        if counted is not None:
            total[counted[0]] += counted[1] * w
    return total


def _country_count(c: Candidate) -> tuple[str, int] | None:
    """``focus_from`` of one reading."""
    if not c.country:
        return None
    return c.country, 2 if c.kind == "country" else 1


def _region_count(c: Candidate) -> tuple[tuple[str, str], int] | None:
    """``admin_focus_from`` of one reading."""
    if not (c.country and c.admin1):
        return None
    return (c.country, c.admin1), 2 if c.kind == "region" else 1


def _less(total: Counter[K], part: Counter[K]) -> Counter[K]:
    """``total`` without ``part`` (counts, kept even where they fall to zero)."""
    left = total.copy()
    left.subtract(part)
    return left


def _choices(resolutions: Sequence[Resolution]) -> list[str | None]:
    return [r.candidate.gazetteer_id if r.candidate else None for r in resolutions]


def _regions_named(candidates: Sequence[Candidate]) -> dict[tuple[str, str], float]:
    """The first-level regions in which a name may lie, each with the share of the
    name's readings there (by population: "Louisville" is mostly Kentucky's)."""
    weights: Counter[tuple[str, str]] = Counter()
    for c in candidates:
        region = c.name if c.kind == "region" else c.admin1
        if c.country and region and c.kind != "country":
            weights[(c.country, region)] += c.population + COVERAGE_SMOOTHING
    total = sum(weights.values())
    return {region: w / total for region, w in weights.items()}


def _coverage_of_others(
    regions: Sequence[dict[tuple[str, str], float]],
) -> list[dict[tuple[str, str], float]]:
    """For each name, per region, the share of the document's other names that lie in it:
    a text naming Gainesville, Oakwood and Hall County is about Georgia, though each alone
    is ambiguous. The votes of all names are summed once and each name's own taken out."""
    votes: dict[tuple[str, str], float] = {}
    for r in regions:
        for region, share in r.items():
            votes[region] = votes.get(region, 0.0) + share
    named = sum(1 for r in regions if r)
    return [_shares_without(votes, r, named - (1 if r else 0)) for r in regions]


# Votes left below this after taking a name's own out are rounding residue of that name's.
_RESIDUE = 1e-9


def _shares_without(
    votes: dict[tuple[str, str], float], own: dict[tuple[str, str], float], named: int
) -> dict[tuple[str, str], float]:
    if named <= 0:
        return {}
    shares = {}
    for region, n in votes.items():
        left = n - own.get(region, 0.0)
        if left > _RESIDUE:
            shares[region] = left / named
    return shares


def _add_container(ctx: Context, r: Resolution) -> None:
    if r.candidate is None:
        return
    if r.candidate.kind == "country" and r.candidate.country:
        ctx.container_countries.add(r.candidate.country)
    elif r.candidate.kind == "region":
        ctx.container_regions.add(r.candidate.name)


def focus_from(resolved: Iterable[Candidate]) -> Counter[str]:
    """Countries of the places a document names; a named country counts double."""
    focus: Counter[str] = Counter()
    for c in resolved:
        if c.country:
            focus[c.country] += 2 if c.kind == "country" else 1
    return focus


def admin_focus_from(resolved: Iterable[Candidate]) -> Counter[tuple[str, str]]:
    """First-level regions of the places a document names; a named region counts double."""
    focus: Counter[tuple[str, str]] = Counter()
    for c in resolved:
        if c.country and c.admin1:
            focus[(c.country, c.admin1)] += 2 if c.kind == "region" else 1
    return focus
