"""What the gazetteer knows about one place, and the one normalisation of names."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import get_args

from sitrep.records import PlaceKind

PLACE_KINDS: frozenset[str] = frozenset(get_args(PlaceKind))

# Apostrophes and dots vanish ("Kharkivs'ka", "U.S."); hyphens and other punctuation
# separate words ("Guinea-Bissau" == "Guinea Bissau").
_DROPPED = re.compile(r"['\u2019\u02bc\u02b9`\u00b4.]")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015,;:/()]+")
_LEADING_ARTICLE = re.compile(r"^the ")
# The Arabic article is written al-, el- or assimilated to a "sun letter" that opens the
# next word (ash-Shughur, ar-Rawdah, ez-Zor, ed-Damer): one spelling, "al", on both sides of the
# index, so "Jisr al-Shughur" finds GeoNames' "Jisr ash Shughur". An assimilated form
# counts only before its own letter ("Ash Vale" and "Sutton at Hone" stay as they are).
_ARABIC_ARTICLE = re.compile(r"(?<!\S)(el|[ae](sh|th|dh|[tdrzsn])) (?=(\S+))")


def _fold_arabic_article(match: re.Match[str]) -> str:
    article, letter, following = match.group(1, 2, 3)
    if article == "el" or following.startswith(letter):
        return "al "
    return match.group(0)


def normalize_key(name: str) -> str:
    """The lookup key of a name: case-, accent- and punctuation-insensitive.

    NFKD then dropping combining marks folds "Zürich" to "zurich" and "Ізюм"'s
    "й"-style letters consistently on both the indexing and the lookup side.
    A leading "the" is dropped so that "the United States" finds "United States", and
    the Arabic article's spellings are one ("ash Shughur" == "al-Shughur").
    """
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = _DROPPED.sub("", stripped.casefold())
    spaced = _SEPARATORS.sub(" ", folded).strip()
    return _ARABIC_ARTICLE.sub(_fold_arabic_article, _LEADING_ARTICLE.sub("", spaced))


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name may refer to."""

    gazetteer_id: str
    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    feature_class: str
    feature_code: str
    population: int
    kind: PlaceKind

    @property
    def geonameid(self) -> str:
        """The id without its namespace ("geonames:707292" -> "707292")."""
        return self.gazetteer_id.split(":", 1)[-1]


def as_place_kind(value: str) -> PlaceKind:
    """Validate a kind read from an index file."""
    if value not in PLACE_KINDS:
        raise ValueError(f"unknown place kind {value!r}; expected one of {sorted(PLACE_KINDS)}")
    return value  # type: ignore[return-value]
