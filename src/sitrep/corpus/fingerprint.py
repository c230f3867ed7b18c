"""What a report looks like to copy detection: hashes and MinHash sketches of its text.

Three signals, from the most literal to the most robust:

* the **exact hash** of the normalised text (case, punctuation and spacing ignored), so
  the same wire copy under another headline or with other boilerplate is one hash;
* a **MinHash over word 3-shingles** (datasketch): near-duplicates and syndicated copy
  with a few edits, injected paragraphs or a cut ending;
* a **MinHash over the facts** (verification only): the set of names and numbers, in
  any order. Copies keep it; another event told in the same words (a formulaic casualty
  statement, a templated update) does not, however many words it shares;
* a **MinHash over the skeleton** (verification only): the sequence of names, numbers
  and quoted words, the part of a text that survives a spinner's synonym swaps
  ("passages" for "corridors" changes shingles, never "Izyum", "21" or "Onishchuk"),
  taken as 2-shingles so that reordered clauses keep most of them.

LSH keys are the bands of each signature hashed to one 64-bit integer; they are stored
in the database, so a new report finds its candidates by lookup, never by scanning.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from datasketch import MinHash

# Permutations per signature. 64 keeps a stored signature at 512 bytes per report while
# the Jaccard estimate's standard error stays near 0.06 (1/sqrt(64)).
NUM_PERM = 64
# Bands x rows: a pair becomes a candidate when one band of 2 rows agrees. At an
# estimated Jaccard of 0.3 that happens with probability 1-(1-0.3^2)^32 = 0.95 (spun
# copies of the examples measured 0.45-0.70, tests/test_corpus_stories.py), at 0.001
# (unrelated reports) with 3e-5: about 3 false candidates per report in a 100k corpus.
# Verification decides, not LSH.
BANDS = 32
ROWS = NUM_PERM // BANDS
# Word shingle length for near-duplicates: 3 words survive light editing better than 5.
TEXT_SHINGLE = 3
SKELETON_SHINGLE = 2
_SEED = 1

_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=_SEED).permutations

# Numbers keep their separators ("7,000" is one token), words their hyphens/apostrophes.
_WORD = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:[-'’]\w+)*", re.UNICODE)
# A sentence starts after ., !, ?, a quote mark or a line break.
_SENTENCE_START = re.compile(r"(?:^|[.!?\n“\"‘]\s*)$")
_QUOTED = re.compile(r"[\"“]([^\"“”]{1,400})[\"”]")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """The copy-detection view of one report."""

    text_hash: str
    shingles: int  # distinct word shingles (for containment from a Jaccard estimate)
    signature: tuple[int, ...]
    skeleton_size: int
    skeleton_signature: tuple[int, ...]
    # The set of its names and numbers (``facts_of``); 0 and () for a sketch stored
    # before schema version 4, which had none.
    facts_size: int = 0
    facts_signature: tuple[int, ...] = ()
    # The facts themselves, for the new report only (rarity is judged on them); never
    # stored: a stored sketch keeps the signature alone.
    facts: frozenset[str] = frozenset()

    def band_keys(self) -> list[int]:
        """LSH keys of the text signature. The skeleton is for verification only: names
        and numbers are shared by every report on a topic, so its buckets would be crowded."""
        return _bands("text", self.signature) if self.shingles else []


def fingerprint(text: str) -> Fingerprint:
    words = words_of(text)
    shingles = _shingles(words, TEXT_SHINGLE)
    skeleton_words, fact_words = _skeleton_and_facts(text)
    skeleton = _shingles(skeleton_words, SKELETON_SHINGLE)
    return Fingerprint(
        text_hash=hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest(),
        shingles=len(shingles),
        signature=_signature(shingles),
        skeleton_size=len(skeleton),
        skeleton_signature=_signature(skeleton),
        facts_size=len(fact_words),
        facts_signature=signature_of_facts(fact_words),
        facts=frozenset(fact_words),
    )


def signature_of_facts(facts: Iterable[str]) -> tuple[int, ...]:
    """The MinHash of a set of facts, comparable with any stored ``facts_signature``
    (the same permutations): a subset's signature estimates how much of the subset
    another report states."""
    return _signature({fact.encode("utf-8") for fact in facts})


def words_of(text: str) -> list[str]:
    """Lower-case words without accents: the spelling differences copies do not share."""
    return [_fold(w) for w in _WORD.findall(text)]


def skeleton_of(text: str) -> list[str]:
    """Names (capitalised words not opening a sentence), numbers, and words in quotes, in order."""
    return _skeleton_and_facts(text)[0]


def facts_of(text: str) -> set[str]:
    """The names and numbers a report states, in any order: what a copy keeps (spun,
    reordered or cut) and another event told in the same words does not."""
    return _skeleton_and_facts(text)[1]


def _skeleton_and_facts(text: str) -> tuple[list[str], set[str]]:
    """Both in one pass over the words: the skeleton is the facts in order plus quoted words."""
    quoted = {m.start(1) for m in _QUOTED.finditer(text)}
    inside = _inside_quotes(text)
    skeleton: list[str] = []
    facts: set[str] = set()
    for match in _WORD.finditer(text):
        token = match.group()
        fact = _fact(text, match)
        if fact is not None:
            skeleton.append(fact)
            facts.add(fact)
        elif (match.start() in quoted or inside[match.start()]) and len(token) > 3:
            # Quoted words are kept verbatim by honest copies; spinners change them too,
            # but only some of them.
            skeleton.append(_fold(token))
    return skeleton, facts


def _fact(text: str, match: re.Match[str]) -> str | None:
    token = match.group()
    if any(ch.isdigit() for ch in token):
        return re.sub(r"\D", "", token) or token  # "7,000" and "7000" agree
    if token[0].isupper() and not _opens_sentence(text, match.start()):
        return _fold(token)
    return None


def containment(jaccard: float, size_a: int, size_b: int) -> float:
    """Share of the smaller set found in the larger, from a Jaccard estimate and the sizes.

    A truncated copy has a low Jaccard with its original but a high containment.
    """
    if size_a == 0 or size_b == 0:
        return 0.0
    common = jaccard * (size_a + size_b) / (1.0 + jaccard)
    return min(1.0, common / min(size_a, size_b))


def jaccard(
    sig_a: Sequence[int] | npt.NDArray[np.int64], sig_b: Sequence[int] | npt.NDArray[np.int64]
) -> float:
    if len(sig_a) == 0 or len(sig_a) != len(sig_b):
        return 0.0
    return float(np.count_nonzero(np.asarray(sig_a) == np.asarray(sig_b))) / len(sig_a)


def stable_key(*parts: str) -> int:
    """A 63-bit key for any tuple of strings (fits DuckDB's BIGINT and UBIGINT)."""
    digest = hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


# ---------------------------------------------------------------------- helpers


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("’", "'")


def _opens_sentence(text: str, start: int) -> bool:
    return bool(_SENTENCE_START.search(text[max(0, start - 4) : start]))


def _inside_quotes(text: str) -> list[bool]:
    flags = [False] * (len(text) + 1)
    for match in _QUOTED.finditer(text):
        for i in range(match.start(1), match.end(1)):
            flags[i] = True
    return flags


def _shingles(tokens: list[str], size: int) -> set[bytes]:
    if len(tokens) < size:
        return {" ".join(tokens).encode("utf-8")} if tokens else set()
    return {" ".join(tokens[i : i + size]).encode("utf-8") for i in range(len(tokens) - size + 1)}


def _signature(shingles: set[bytes]) -> tuple[int, ...]:
    if not shingles:
        return ()
    sketch = MinHash(num_perm=NUM_PERM, seed=_SEED, permutations=_PERMUTATIONS)
    sketch.update_batch(sorted(shingles))
    return tuple(int(v) for v in sketch.hashvalues)


def _bands(kind: str, signature: tuple[int, ...]) -> list[int]:
    return [
        stable_key(kind, str(band), *map(str, signature[band * ROWS : (band + 1) * ROWS]))
        for band in range(BANDS)
    ]
