"""Names coordinated with a place: "Strikes also hit Khiam, Bint Jbeil and Aitaroun".

Coordinated names share their slot in the sentence, so a name joined by "and"/"or" (or
by the commas of a list closed by "and"/"or") to a place known on its own evidence is a
place too, whatever the model tagged it (villages of crisis reports are tagged PERSON or
ORG, or not at all) and whether or not the gazetteer knows it. This module finds the
coordinations of capitalised names in a sentence, token by token, and says which members
could be places; ``places`` decides with the mentions it has.

A coordination is "A and B" (two names, no comma: "Smith, of Oakwood, and Jones" is no
list), or "A, B and C" / "A, B, and C" (three or more, closed by "and"/"or"). A name is a
run of capitalised words, with the lower-case particles of place names between them
("Sangre de Cristo", "Bint Jbeil", "Deir al Zor"), glued hyphens ("Hpa-an") and a closing
Roman numeral ("Panimaché I").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from sitrep.stages import places_cues as cues
from sitrep.stages.places_words import ARABIC_ARTICLES


def _words(text: str) -> frozenset[str]:
    """A word list written as whitespace-separated text (keeps long lists readable)."""
    return frozenset(text.split())


# Lower-case words inside place names, between two capitalised words ("Sangre de Cristo",
# "Mazra'at bin Ali", "Bergen op Zoom"): Romance, Arabic and Dutch/German particles.
NAME_PARTICLES = _words(
    """
    al an ar as ash ad az bin bint da das de del della der di do dos du e el en ibn la las
    le les los op sur ul um umm van von y
    """
)
# A Roman numeral closing a name ("Panimaché I", "Camp II"): numbered settlements.
ROMAN_NUMERALS = _words("I II III IV V VI VII VIII IX X")
# Last words of organisations' and groups' names: such a member is no place.
ORGANISATION_HEADS = _words(
    """
    academy agency airlines airways alliance army association authority bank battalion
    brigade center centre church coalition college command commission committee company
    corporation corps council court department federation forces foundation front fund
    group guard guards holdings hospital inc institute league ltd management media
    militia ministry movement network news office organisation organization partners
    party police programme program school service services society systems team trust
    union university
    """
)
# Titles inside a member make it a person ("State Minister Palitha Range Bandara").
TITLE_WORDS = cues.TITLES | _words("chairman chairwoman deputy secretary selectman")
# "CoreCivic", "IoTX": a capital inside a word is a brand's, not a village's.
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")
COORDINATORS = cues.COORDINATORS
# Words that introduce a list of examples of what a plural noun before them names.
INTRODUCERS = frozenset({":", "including", "like"})
PLACE_PLURAL_NOUNS = cues.PLACE_NOUN_PLURALS | _words(
    "areas camps communities counties localities municipalities regions settlements states"
)


@dataclass(frozen=True, slots=True)
class Member:
    """One name of a coordination: tokens ``start`` to ``end`` of the document."""

    start: int
    end: int


def coordinations(doc: Doc, start: int, end: int) -> Iterator[tuple[Member, ...]]:
    """The coordinations of names in tokens ``start``..``end`` (one sentence)."""
    items = list(_items(doc, start, end))
    chain: list[Member] = []
    separators: list[tuple[str, ...]] = []
    pending: list[str] = []
    for item in items:
        if isinstance(item, Member):
            if chain and _separator(pending) is not None:
                separators.append(tuple(pending))
                chain.append(item)
            else:
                yield from _closed(chain, separators)
                chain, separators = [item], []
            pending = []
        elif item in {",", "and", "or"}:
            pending.append(item)
            if len(pending) > 2:
                yield from _closed(chain, separators)
                chain, separators, pending = [], [], []
        else:
            yield from _closed(chain, separators)
            chain, separators, pending = [], [], []
    yield from _closed(chain, separators)


def _separator(words: list[str]) -> str | None:
    """ "," / "and" / ", and": what may stand between two members."""
    if words in ([","], ["and"], ["or"]):
        return words[0]
    if len(words) == 2 and words[0] == "," and words[1] in COORDINATORS:
        return words[1]
    return None


def _closed(chain: list[Member], separators: list[tuple[str, ...]]) -> Iterator[tuple[Member, ...]]:
    """The well-formed coordinations inside a run of names: "A and B"; "A, B(,) and C".
    A run "X, A, B and C" whose first comma is an apposition ("Izyum, Kharkiv") still
    yields its closed tail."""
    if len(chain) < 2:
        return
    last = separators[-1]
    if last[-1] not in COORDINATORS:
        return
    if len(chain) == 2:
        if last != ("and",) and last != ("or",):
            return
        yield tuple(chain)
        return
    # Members joined by bare commas, back from the closing "and"/"or".
    first = len(chain) - 2
    while first > 0 and separators[first - 1] == (",",):
        first -= 1
    if len(chain) - first == 2 and len(last) != 1:
        return  # "..., Smith, and Jones": two names need a bare "and"
    yield tuple(chain[first:])


def _items(doc: Doc, start: int, end: int) -> Iterator[Member | str]:
    """The sentence as names, separators (",", "and", "or") and other words ("")."""
    i = start
    while i < end:
        tok = doc[i]
        opens = _opens_name(tok.text) or _article_glued(doc, i, end)
        if opens and not (tok.is_sent_start and tok.is_stop and tok.text[:1].isupper()):
            j = _name_end(doc, i, end)
            yield Member(i, j)
            i = j
            continue
        word = tok.lower_
        yield word if word in {",", "and", "or"} else ""
        i += 1


def _opens_name(word: str) -> bool:
    return word[:1].isupper() and word.replace("'", "").replace("\u2019", "").isalpha()


def _name_end(doc: Doc, start: int, end: int) -> int:
    """Where the name opening at ``start`` ends."""
    j = start + 1
    while j < end and not doc[j].is_sent_start:
        word = doc[j].text
        if _opens_name(word) and word not in ROMAN_NUMERALS:
            j += 1
        elif _article_glued(doc, j, end):
            j += 3  # "Ain al-Hilweh": the article belongs to the word it is glued to
        elif word in cues.HYPHENS and _glued_word_after(doc, j, end):
            j += 2
        elif word.lower() in NAME_PARTICLES and j + 1 < end and _opens_name(doc[j + 1].text):
            j += 1
        elif word in ROMAN_NUMERALS:
            return j + 1  # "Panimaché I": the numeral closes the name
        else:
            break
    return j


def _article_glued(doc: Doc, i: int, end: int) -> bool:
    """ "al-Shuhayl", "ez-Zor": an Arabic article glued by a hyphen to a capitalised word
    opens the name, written as the text writes it."""
    return (
        i + 2 < end
        and doc[i].lower_ in ARABIC_ARTICLES
        and (i == 0 or doc[i - 1].text not in cues.HYPHENS)
        and _glued_word_after(doc, i + 1, end)
        and _opens_name(doc[i + 2].text)
        and not doc[i + 1].is_sent_start
    )


def _glued_word_after(doc: Doc, hyphen: int, end: int) -> bool:
    """ "Hpa-an", "Kok-Tash": a word follows the hyphen with no space on either side."""
    nxt = hyphen + 1
    return (
        nxt < end
        and doc[nxt].is_alpha
        and not doc[hyphen - 1].whitespace_
        and not doc[hyphen].whitespace_
    )


def may_be_place(doc: Doc, member: Member) -> bool:
    """A member that could be a place: no organisation's name ("National News Agency"),
    no acronym ("CONRED"), no title of honour ("Citizen of the Year"), no person."""
    tokens = doc[member.start : member.end]
    if tokens[-1].lower_ in ORGANISATION_HEADS:
        return False
    if len(tokens) == 1 and tokens.text.isupper():
        return False
    if cues.lower_at(tokens, member.end) == "of":
        return False
    return not person_like(doc, member)


def person_like(doc: Doc, member: Member) -> bool:
    """A member the words around it make a person: a title before or inside it
    ("President Ruto", "State Minister Bandara"), a person noun before it ("street artist
    Banksy"), an initial ("J. Crew")."""
    tokens = doc[member.start : member.end]
    if _initial(doc, member.start - 1) or _initial(doc, member.start - 2):
        return True
    before = cues.lower_at(tokens, member.start - 1).rstrip(".")
    if before in cues.PERSON_NOUNS or before in TITLE_WORDS:
        return True
    return any(t.lower_.rstrip(".") in TITLE_WORDS for t in tokens)


def _initial(doc: Doc, i: int) -> bool:
    """Token ``i`` is an initial: "J." as one token, or "J" then "."."""
    if i < 0 or i + 1 >= len(doc):
        return False
    word = doc[i].text
    return (len(word) == 1 and word.isupper() and doc[i + 1].text == ".") or (
        len(word) == 2 and word[0].isupper() and word[1] == "."
    )


def introduces_other_things(doc: Doc, chain: tuple[Member, ...]) -> bool:
    """ "three hurricanes struck: Harvey, Irma and Maria", "storms such as Harvey and
    Irma": a list introduced after a plural noun that is no kind of place."""
    i = chain[0].start - 1
    word = doc[i].lower_ if i >= 0 else ""
    if word not in INTRODUCERS and not (word == "as" and i > 0 and doc[i - 1].lower_ == "such"):
        return False
    j = i - 1
    while j >= 0 and not doc[j + 1].is_sent_start:
        if doc[j].tag_ == "NNS":
            return doc[j].lower_ not in PLACE_PLURAL_NOUNS
        j -= 1
    return False


def brand_like(doc: Doc, member: Member) -> bool:
    """ "CoreCivic", "IoTX": a capital letter inside a word (for names the gazetteer
    does not know; "McAllen", "DeKalb" are known)."""
    return any(_INNER_CAPITAL.search(t.text) for t in doc[member.start : member.end])


def names_one_place(doc: Doc, chain: tuple[Member, ...], known: Callable[[str], bool]) -> bool:
    """ "Trinidad and Tobago", "Bosnia and Herzegovina": the coordination is itself one
    name the gazetteer knows."""
    return known(doc[chain[0].start : chain[-1].end].text)
