"""Lenient comparison of texts: the harness forgives form (case, quote marks,
whitespace, punctuation at the edges) but not substance (other words, other names)."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

QUOTE_MARKS = "\"'`´‘’‚‛“”„‟«»‹›"
_EDGE = QUOTE_MARKS + " \t\r\n.,;:!?…-–—()[]{}"
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_WORD = re.compile(r"\w+(?:'\w+)*")
_POSSESSIVE = re.compile(r"'s?$")

# Words that carry no identity in names, roles and speakers ("the mayor of Izyum").
STOPWORDS = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "in",
        "at",
        "on",
        "for",
        "to",
        "and",
        "or",
        "by",
        "from",
        "with",
        "ms",
        "mr",
        "mrs",
        "dr",
        "s",
    }
)

# Names at least this similar (rapidfuzz ratio, 0-100, same number of words) are one name
# written two ways ("Izyum"/"Izium" 80, "Kupyansk"/"Kupiansk" 88, "Kharkivs'ka
# Oblast'"/"Kharkiv Oblast" 85); set by hand on such pairs, where different places
# ("Sumy"/"Sudan" 44, "Derna"/"Darnah" 73) stay below it.
NAME_SIMILARITY = 80.0

# Words that say what kind of place a name is, not which one ("Hatay province" is Hatay).
GENERIC_PLACE_WORDS = frozenset(
    {
        "province",
        "region",
        "oblast",
        "governorate",
        "district",
        "state",
        "city",
        "town",
        "village",
        "river",
        # Other countries' words for their divisions (round 21): "Ishikawa Prefecture",
        # "Artibonite Department", "Gofa Zone", "Feni District" are Ishikawa, Artibonite...
        "prefecture",
        "department",
        "county",
        "municipality",
        "zone",
        "territory",
        "township",
        "upazila",
        "regency",
        "division",
    }
)


def fold(text: str) -> str:
    """Unicode-compatible, lower-cased, one kind of apostrophe, single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).lower()
    return " ".join(text.split())


def norm(text: str) -> str:
    """``fold`` and strip quote marks and punctuation at both edges."""
    return fold(text).strip(_EDGE)


def words(text: str) -> list[str]:
    """The words of a text, folded; punctuation and quote marks dropped."""
    return _WORD.findall(fold(text))


def norm_mention(text: str) -> str:
    """A place or name mention without a leading "the" or a possessive ending."""
    found = words(text)
    if found and found[0] == "the":
        found = found[1:]
    if found:
        found[-1] = _POSSESSIVE.sub("", found[-1])
    return " ".join(w for w in found if w)


def content_words(text: str) -> set[str]:
    return {_POSSESSIVE.sub("", w) for w in words(text)} - STOPWORDS - {""}


def is_sublist(short: list[str], long: list[str]) -> bool:
    """Whether ``short`` occurs as a contiguous run in ``long``."""
    if not short:
        return False
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def mentions_overlap(a: str, b: str) -> bool:
    """One mention's words run inside the other's ("Sunday" in "on Sunday")."""
    wa, wb = words(a), words(b)
    return is_sublist(wa, wb) or is_sublist(wb, wa)


def same_name(a: str | None, b: str | None) -> bool:
    """Two spellings of one name (case, diacritics of form, transliteration variants)."""
    if not a or not b:
        return False
    wa, wb = _specific_words(a), _specific_words(b)
    if not wa or not wb:
        return False
    if wa == wb:
        return True
    return len(wa) == len(wb) and fuzz.ratio(" ".join(wa), " ".join(wb)) >= NAME_SIMILARITY


def _specific_words(name: str) -> list[str]:
    # Transliterations differ in apostrophes (soft signs): "Kharkivs'ka" is "Kharkivska".
    found = norm_mention(name).replace("'", "").split()
    specific = [w for w in found if w not in GENERIC_PLACE_WORDS]
    return specific or found


def names_agree(gold: str, predicted: str) -> bool:
    """A speaker or person named fully or in part: "Tkachenko" agrees with "Mykola
    Tkachenko", "regional administration" with "the regional administration"; two
    different first names with one surname do not agree."""
    g, p = content_words(gold), content_words(predicted)
    if not g or not p:
        return False
    return g <= p or p <= g


def tokens_overlap(a: str | None, b: str | None) -> bool:
    """At least one content word in common ("volunteer driver" / "driver")."""
    if not a or not b:
        return False
    return bool(content_words(a) & content_words(b))
