"""Where a report's outlet is: its web address's country, and the places of its other
reports.

A local paper names its own town without a state ("Paris" in The Paris News is Paris,
Texas) and often nothing else that says where it is. Two things a careful reader knows
do:

* the address's country code (``country_of_url``): "lfpress.ca" writes from Canada,
  "cambridge-news.co.uk" from Britain. It joins the text's locale
  (``places_cues.locale_countries``) as a weak cue.
* the outlet's other reports (``OutletHomes``): the regions and countries their places
  were confidently resolved to. A report is resolved once alone, then again with the
  share of its outlet's *other* reports about each region (``places_resolve.Home``);
  an outlet with fewer than ``MIN_OTHER_REPORTS`` other reports has no home.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol, TypeVar
from urllib.parse import urlsplit

from sitrep.stages.places_cues import locale_countries
from sitrep.stages.places_resolve import NO_HOME, Home

# ``DocState.scratch`` key under which a caller that knows the outlet's other reports
# (``OutletHomes.home``) hands the places stage a ``Home``.
HOME_KEY = "places.home"

K = TypeVar("K")

# Other reports of one outlet needed before their places say where it is (set on
# `sitrep eval geoparsing --data lgl.xml --gold-spans --outlets`, first half).
MIN_OTHER_REPORTS = 2
# Country codes sold as generic names ("news.tv", "example.io"): no country said.
GENERIC_COUNTRY_CODES = frozenset(
    {"ad", "ai", "am", "cc", "co", "fm", "gg", "io", "je", "la", "ly", "me", "nu", "sh"}
    | {"so", "st", "tk", "to", "tv", "vc", "ws"}
)
# Second-level labels under a country code that are not the outlet's own name
# ("bbc.co.uk", "abc.net.au").
_GENERIC_SECOND_LEVEL = frozenset(["ac", "co", "com", "edu", "gov", "net", "org"])
# Country codes that are not the ISO code of their country.
_ISO_OF_CODE = {"uk": "GB"}


def _host(url: str | None) -> str:
    if not url:
        return ""
    if "//" not in url:
        url = "//" + url
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host.lower().removeprefix("www.")


def outlet_of(url: str | None) -> str | None:
    """The outlet's own domain ("news.postbulletin.com" -> "postbulletin.com",
    "www.thisisoxfordshire.co.uk" -> "thisisoxfordshire.co.uk"); None without one."""
    labels = [part for part in _host(url).split(".") if part]
    if len(labels) < 2:
        return None
    keep = 3 if len(labels[-1]) == 2 and labels[-2] in _GENERIC_SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def country_of_url(url: str | None) -> str | None:
    """The ISO2 country of an address's country code ("lfpress.ca" -> "CA"), or None
    (a generic name: ".com", ".org", or a country code sold as one: ".tv", ".io")."""
    labels = _host(url).split(".")
    if len(labels) < 2:
        return None
    code = labels[-1]
    if len(code) != 2 or not code.isalpha() or code in GENERIC_COUNTRY_CODES:
        return None
    return _ISO_OF_CODE.get(code, code.upper())


def text_locale(text: str, url: str | None) -> frozenset[str]:
    """The countries whose conventions a report is written in: its money, and its
    address's country code ("lfpress.ca")."""
    country = country_of_url(url)
    locale = locale_countries(text)
    return locale | {country} if country else locale


class Located(Protocol):
    """A resolved place: a gazetteer ``Candidate`` or a ``records.Place``."""

    @property
    def name(self) -> str: ...
    @property
    def country(self) -> str | None: ...
    @property
    def admin1(self) -> str | None: ...
    @property
    def kind(self) -> str: ...


@dataclass(slots=True)
class _Votes:
    """Sums of the reports' shares, and how many reports voted."""

    regions: dict[tuple[str, str], float] = field(default_factory=dict)
    countries: dict[str, float] = field(default_factory=dict)
    reports: int = 0


def report_votes(resolved: Iterable[Located]) -> _Votes:
    """One report's vote: the shares of its resolved places per region and country
    (each report weighs 1, however many places it names)."""
    countries: Counter[str] = Counter()
    regions: Counter[tuple[str, str]] = Counter()
    for c in resolved:
        if not c.country:
            continue
        countries[c.country] += 1
        region = _first_level_region(c)
        if region:
            regions[(c.country, region)] += 1
    if not countries:
        return _Votes()
    return _Votes(_shares(regions), _shares(countries), 1)


def _first_level_region(c: Located) -> str | None:
    """The state, oblast or province a place is or lies in (a county's is its state's)."""
    if c.kind == "country":
        return None
    return c.admin1 or (c.name if c.kind == "region" else None)


def _shares(counts: Counter[K]) -> dict[K, float]:
    total = sum(counts.values())
    return {k: n / total for k, n in counts.items()}


def _add(total: dict[K, float], part: dict[K, float]) -> None:
    for k, v in part.items():
        total[k] = total.get(k, 0.0) + v


class OutletHomes:
    """The places of every outlet's reports, to say where one report's outlet is from
    its *other* reports (a report is no evidence for itself)."""

    def __init__(self) -> None:
        self._totals: dict[str, _Votes] = defaultdict(_Votes)

    def add(self, url: str | None, resolved: Iterable[Located]) -> None:
        """Record one report's confidently resolved places."""
        outlet = outlet_of(url)
        if outlet is None:
            return
        votes = report_votes(resolved)
        total = self._totals[outlet]
        _add(total.regions, votes.regions)
        _add(total.countries, votes.countries)
        total.reports += votes.reports

    def home(self, url: str | None, own: Iterable[Located] = ()) -> Home:
        """Where the outlet of the report at ``url`` reports from, leaving out that
        report's own places (``own``, as given to ``add``)."""
        outlet = outlet_of(url)
        total = self._totals.get(outlet) if outlet else None
        if total is None:
            return NO_HOME
        mine = report_votes(own)
        others = total.reports - mine.reports
        if others < MIN_OTHER_REPORTS:
            return NO_HOME
        regions = {k: (v - mine.regions.get(k, 0.0)) / others for k, v in total.regions.items()}
        countries = {
            k: (v - mine.countries.get(k, 0.0)) / others for k, v in total.countries.items()
        }
        return Home(
            regions={k: v for k, v in regions.items() if v > _RESIDUE},
            countries={k: v for k, v in countries.items() if v > _RESIDUE},
        )


# Shares left below this after taking a report's own out are rounding residue.
_RESIDUE = 1e-9
