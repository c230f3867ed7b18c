"""The document's tokens as plain lists, and the runs of capitalised words that place
names are read from: where a run ends (hyphens, sentence starts) and the longest names
the gazetteer knows inside it."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.attrs import IDX, IS_STOP, LENGTH, SENT_START
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from sitrep.gazetteer import Gazetteer
from sitrep.stages import places_cues as cues

# The longest name looked up in the gazetteer, in words.
MAX_NGRAM = 4
# Lower-case words that join the capitalised words of one name ("Surigao del Sur", "Norte
# de Santander", "Trinidad y Tobago"): the pieces on either side are no places alone.
NAME_PARTICLES = frozenset(
    {
        *("al", "bin", "da", "das", "de", "del", "della", "den", "der", "des", "di", "do"),
        *("dos", "du", "el", "ibn", "la", "las", "le", "les", "los", "van", "von", "y"),
    }
)
# The Arabic definite article as transliterated, with its assimilated forms ("ash-Sham",
# "ez-Zor", "ad-Dana"): glued by a hyphen to the word after it, it is part of that word
# ("al-Shuhayl", "Ain al-Hilweh"), never a word of its own.
ARABIC_ARTICLES = frozenset(
    {
        *("al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "er", "es", "ez"),
        *("et", "en", "ud", "ul", "ur", "us", "uz", "adh", "ath", "ech"),
    }
)
# The longest lower-case piece between two hyphens that joins a compound name
# ("Pul-e-Khumri", "Mazar-i-Sharif", "Port-au-Prince", "Stratford-upon-Avon").
HYPHEN_PARTICLE_MAX = 4


@dataclass(frozen=True, slots=True)
class Words:
    """The document's tokens as plain lists, read once. The scans for names visit every
    token, and building a spaCy ``Token`` (or worse, ``Token.sent``) on each visit was
    most of the stage's time."""

    doc: Doc
    text: str
    words: list[str]
    starts: list[int]  # character offset of each token
    sentence_start: list[bool]
    stop: list[bool]
    sentence: list[int]  # the number of each token's sentence

    @classmethod
    def of(cls, doc: Doc, text: str) -> Words:
        """``text`` is the text ``doc`` was parsed from; one array read, no Token objects."""
        if len(doc) == 0:
            return cls(doc, text, [], [], [], [], [])
        rows = doc.to_array([IDX, LENGTH, SENT_START, IS_STOP]).tolist()
        starts = [row[0] for row in rows]
        words = [text[row[0] : row[0] + row[1]] for row in rows]
        sentence_start = [row[2] == 1 for row in rows]
        return cls(
            doc,
            text,
            words,
            starts,
            sentence_start,
            [row[3] == 1 for row in rows],
            list(itertools.accumulate(sentence_start)),
        )

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` without building the span."""
        return self.text[self.starts[start] : self.starts[end - 1] + len(self.words[end - 1])]


def run_end(words: Words, start: int, covered: set[int], gazetteer: Gazetteer) -> int:
    """Where the run of capitalised words opening at ``start`` ends: at the first word
    that is neither capitalised nor joined by a hyphen, before a covered token or a new
    sentence. A run never ends in a hyphen ("Hpa-" of "Hpa-an" was recorded as a place)."""
    w = words.words
    j = start + 1
    while j < len(w) and j not in covered and not words.sentence_start[j]:
        if capitalised(w[j]):
            j += 1
        elif article_glued(words, j) and not covered.intersection((j + 1, j + 2)):
            j += 3  # "Ain al-Hilweh": the article and its word belong to the name
        elif joins_names(words, j) and j + 1 not in covered:
            j += 2  # "Surigao del Sur": the particle and the word after it
        elif w[j] in cues.HYPHENS and _hyphen_continues(words, start, j, covered, gazetteer):
            j += 2
        else:
            break
    return j


def _hyphen_continues(
    words: Words, start: int, hyphen: int, covered: set[int], gazetteer: Gazetteer
) -> bool:
    """The hyphen at ``hyphen`` joins the next word to the name: a capitalised word
    ("Kok-Tash"), or a lower-case one glued to it where the gazetteer knows the whole
    hyphenated word ("Hpa-an", Myanmar; not "Kyiv-based")."""
    w = words.words
    nxt = hyphen + 1
    if nxt >= len(w) or nxt in covered or words.sentence_start[nxt]:
        return False
    if capitalised(w[nxt]):
        return True
    if joins_names(words, nxt):
        return True  # "Pul-e-Khumri": the particle, then the next hyphen and word
    if not w[nxt].isalpha() or not _glued(words, hyphen):
        return False
    first = hyphen - 1
    while first - 2 >= start and w[first - 1] in cues.HYPHENS:
        first -= 2  # the hyphenated word's first piece ("Saint-Jean-de-Luz")
    return bool(gazetteer.lookup(words.span_text(first, nxt + 1)))


def _glued(words: Words, hyphen: int) -> bool:
    """No space on either side of the hyphen at ``hyphen``."""
    before_end = words.starts[hyphen - 1] + len(words.words[hyphen - 1])
    after_start = words.starts[hyphen] + len(words.words[hyphen])
    return before_end == words.starts[hyphen] and after_start == words.starts[hyphen + 1]


def joins_names(words: Words, k: int) -> bool:
    """Token ``k`` is a lower-case particle joining two capitalised words of one name:
    spaced ("Surigao del Sur") or between glued hyphens ("Pul-e-Khumri")."""
    w = words.words
    if k < 1 or k + 1 >= len(w) or not w[k].isalpha() or not w[k].islower():
        return False
    if words.sentence_start[k] or words.sentence_start[k + 1]:
        return False
    if w[k] in NAME_PARTICLES and capitalised(w[k - 1]) and capitalised(w[k + 1]):
        return True
    return (
        k >= 2
        and k + 2 < len(w)
        and len(w[k]) <= HYPHEN_PARTICLE_MAX
        and w[k - 1] in cues.HYPHENS
        and w[k + 1] in cues.HYPHENS
        and _glued(words, k - 1)
        and _glued(words, k + 1)
        and capitalised(w[k - 2])
        and capitalised(w[k + 2])
    )


def article_glued(words: Words, k: int) -> bool:
    """Tokens k..k+2 are one word: an Arabic article glued by a hyphen to a capitalised
    word ("al-Shuhayl", "ez-Zor", "Al-Hasakah"), the article opening a word of its own
    (not "-ul-" inside "Dar-ul-Aman", which ``joins_names`` reads)."""
    w = words.words
    if k + 2 >= len(w) or w[k].lower() not in ARABIC_ARTICLES or w[k + 1] not in cues.HYPHENS:
        return False
    if words.sentence_start[k + 1] or words.sentence_start[k + 2] or not capitalised(w[k + 2]):
        return False
    if k >= 1 and w[k - 1] in cues.HYPHENS and _touching(words, k - 1):
        return False
    return _glued(words, k + 1)


def opens_name(words: Words, k: int) -> bool:
    """Token ``k`` opens a name: a capitalised word, or an Arabic article glued to one
    ("al-Busayrah" as the text writes it, not its piece "Busayrah")."""
    return capitalised(words.words[k]) or article_glued(words, k)


def _article_word_after(words: Words, k: int) -> bool:
    """ "Ain" + "al-Hilweh", "Deir" + "ez-Zor": token ``k`` is an Arabic article glued to
    its word, after a name word of the same sentence (not "The al-Qaeda")."""
    return (
        1 <= k < len(words.words)
        and not words.sentence_start[k]
        and capitalised(words.words[k - 1])
        and not words.stop[k - 1]
        and article_glued(words, k)
    )


def _touching(words: Words, k: int) -> bool:
    """No space between token ``k`` and the token after it."""
    return words.starts[k] + len(words.words[k]) == words.starts[k + 1]


def compound_around(words: Words, start: int, end: int) -> tuple[int, int]:
    """Tokens start..end widened to the whole name their particles join them into:
    "Surigao" -> "Surigao del Sur", "Nur" -> "Guzargah-e-Nur", "Ain" -> "Ain al-Hilweh",
    "Shuhayl" -> "al-Shuhayl"."""
    w = words.words
    while True:
        if _article_word_after(words, end):
            end += 3  # "al-Hilweh" after "Ain"
        elif start >= 2 and article_glued(words, start - 2):
            start -= 2  # "al-" before "Shuhayl"
        elif article_glued(words, start) and _article_word_after(words, start):
            start -= 1  # "Ain" before "al-Hilweh"
        elif end + 1 < len(w) and w[end] in cues.HYPHENS and joins_names(words, end + 1):
            end += 4  # "-e-Nur"
        elif joins_names(words, end):
            end += 2  # "del Sur"
        elif start >= 4 and w[start - 1] in cues.HYPHENS and joins_names(words, start - 2):
            start -= 4  # "Guzargah-e-"
        elif start >= 2 and joins_names(words, start - 1):
            start -= 2  # "Norte de"
        else:
            return start, end


def piece_of_compound(words: Words, start: int, end: int) -> bool:
    """Tokens start..end are part of a longer name joined by particles ("Sur" of
    "Surigao del Sur", "Pul" of "Pul-e-Khumri")."""
    return compound_around(words, start, end) != (start, end)


def without_function_words(words: Words, start: int, end: int) -> SpacySpan:
    """Tokens start..end less the capitalised function words opening them ("The"); an
    Arabic article glued to its word stays ("as-Suwayda")."""
    while start < end and words.stop[start] and not article_glued(words, start):
        start += 1
    return words.doc[start:end]


def capitalised(word: str) -> bool:
    return word[:1].isupper() and word.replace("-", "").replace("'", "").isalpha()


def longest_matches(
    words: Words, start: int, end: int, gazetteer: Gazetteer
) -> Iterator[SpacySpan]:
    """The longest gazetteer names (up to ``MAX_NGRAM`` words) in tokens start..end."""
    w = words.words
    i = start
    while i < end:
        # "The Kyiv-based group": a capitalised article opens the run, not the name.
        if not (w[i][:1].isupper() or article_glued(words, i)) or w[i] == "The":
            i += 1
            continue
        for stop in _name_ends(w, i, end):
            # A capitalised function word ("In", "We") is never a place on its own.
            if stop == i + 1 and words.stop[i]:
                continue
            if article_glued(words, stop - 1):
                continue  # "Ain al" of "Ain al-Hilweh": never cut after the article
            # Not ending in a line break ("Crimea\n\n" of an entity that runs into the
            # next paragraph) nor in a comma ("Sylhet," of "Sylhet, Sunamganj" tagged whole).
            if piece_of_compound(words, i, stop):
                continue  # "Sur" of "Surigao del Sur": only the whole may name a place
            if _word_like(w[stop - 1]) and gazetteer.lookup(words.span_text(i, stop)):
                yield words.doc[i:stop]
                i = stop
                break
        else:
            i += 1


def _word_like(token: str) -> bool:
    return any(ch.isalnum() for ch in token)


def _name_ends(w: list[str], start: int, end: int) -> list[int]:
    """Where names of 1 to ``MAX_NGRAM`` words opening at token ``start`` end, longest
    first. A hyphen joins words without counting as one ("PORT-AU-PRINCE" is three words
    and five tokens) and never ends a name."""
    ends: list[int] = []
    j = start
    while j < end and len(ends) < MAX_NGRAM:
        if w[j] not in cues.HYPHENS:
            ends.append(j + 1)
        j += 1
    return ends[::-1]
