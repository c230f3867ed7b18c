"""Names of news media are no places (round 15e).

A report names its outlet and the agencies it quotes, and their names are often built on
a place or read as one by the gazetteer ("The Mountain Echo" → Echo, New York; "Xinhua"
→ a Chinese village; "Caribbean Wire"). English marks a medium's name by where it
stands, whatever the name is:

* before "news agency" / "news service" / "wire service" ("the official Xinhua news agency");
* alone in a dateline's parentheses, between the day and the dash ("Jan 22 (X) -");
* after a copyright sign, a year between them or not ("© The Mountain Echo", "(c) 2024 X");
* as the one told something by telephone ("told X by phone").

Once a run of capitalised words names a medium, every other use of the same run names
it too (one name, one sense): "More from X", "told The Mountain Echo". A place inside a
longer medium's name ("Mindanao" of "Mindanao Times Online") is left alone where it
stands by itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from sitrep.stages.places_mention import Mention

# Lower-case nouns after a name that make it a news medium's ("Xinhua news agency").
_MEDIUM_NOUNS = (("news", "agency"), ("news", "service"), ("wire", "service"))
_DASHES = frozenset({"-", "\u2013", "\u2014", "--"})
_COPYRIGHT = frozenset({"\u00a9", "copyright"})
# "told X by telephone": the hearer of a call is a person or a medium, never a site.
_CALL_NOUNS = frozenset({"telephone", "phone"})


def without_media_names(mentions: Sequence[Mention], doc: Doc) -> list[Mention]:
    """``mentions`` less those inside a run of capitalised words that names a medium."""
    names = media_names(doc)
    if not names:
        return list(mentions)
    return [
        m
        for m in mentions
        if _run_text(doc, *_run_around(doc, m.name.start, m.name.end)) not in names
    ]


def media_names(doc: Doc) -> frozenset[str]:
    """The texts of the capitalised runs the document marks as a medium's name."""
    found: set[str] = set()
    for start, end in _capitalised_runs(doc):
        if _marked_as_medium(doc, start, end):
            found.add(_run_text(doc, start, end))
    return frozenset(found)


def _capitalised_runs(doc: Doc) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        if _capitalised(doc, i):
            start, end = _run_around(doc, i, i + 1)
            runs.append((start, end))
            i = end
        else:
            i += 1
    return runs


def _capitalised(doc: Doc, i: int) -> bool:
    return 0 <= i < len(doc) and doc[i].is_alpha and doc[i].text[:1].isupper()


def _run_around(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The contiguous capitalised words around tokens ``start:end`` (on one line)."""
    while _capitalised(doc, start - 1) and "\n" not in doc[start - 1].whitespace_:
        start -= 1
    while _capitalised(doc, end) and "\n" not in doc[end - 1].whitespace_:
        end += 1
    return start, end


def _run_text(doc: Doc, start: int, end: int) -> str:
    """The run's text without an opening "The" ("The Mountain Echo" = "Mountain Echo")."""
    if end - start > 1 and doc[start].lower_ == "the":
        start += 1
    return " ".join(t.text for t in doc[start:end])


def _lower(doc: Doc, i: int) -> str:
    return doc[i].lower_ if 0 <= i < len(doc) else ""


def _marked_as_medium(doc: Doc, start: int, end: int) -> bool:
    after = (_lower(doc, end), _lower(doc, end + 1))
    if after in _MEDIUM_NOUNS:
        return True
    if _lower(doc, start - 1) == "(" and _lower(doc, end) == ")":
        # A dateline: "Jan 22 (X) -", the day's number before, a dash after.
        return start >= 2 and doc[start - 2].like_num and _lower(doc, end + 1) in _DASHES
    before = start - 1
    if before >= 0 and doc[before].like_num and len(doc[before].text) == 4:
        before -= 1  # "(c) 2024 X"
    if _lower(doc, before) in _COPYRIGHT or (
        _lower(doc, before) == ")"
        and _lower(doc, before - 1) == "c"
        and _lower(doc, before - 2) == "("
    ):
        return True
    return (
        _lower(doc, start - 1) == "told"
        and _lower(doc, end) == "by"
        and _lower(doc, end + 1) in _CALL_NOUNS
    )
