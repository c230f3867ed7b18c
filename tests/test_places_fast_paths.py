"""The places stage's fast paths give what the plain computations they replace give.

Round 4 replaced per-token spaCy access (``Token.sent``, ``Span.text``) with arrays
read once per document, per-pair haversines with one vectorised step per pass, and
the per-name recount of the other names' regions with totals less the name's own.
Each test here states the equivalence on inputs where a slip would show.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable

import pytest

from sitrep.gazetteer import Candidate
from sitrep.stages import places_cues as cues
from sitrep.stages.places import Words
from sitrep.stages.places_resolve import (
    Proximity,
    _coverage_of_others,
    _proximity_bonus,
    distance_km,
)

TEXT = (
    "Russian forces shelled Izyum, in the Kharkiv region, on Monday. The town's mayor said "
    "nine people died.\n\nIn Kryvyi Rih, the governor of Dnipropetrovsk Oblast reported "
    "damage. Residents fled to Kharkiv and Poltava! Was Mariupol next? Nobody knew."
)


def _candidate(i: int, lat: float, lon: float) -> Candidate:
    return Candidate(f"t:{i}", f"P{i}", lat, lon, "XX", None, "P", "PPL", 1000, "town")


@pytest.fixture(scope="module")
def parsed(nlp: Callable[[str], object]) -> object:
    return nlp(TEXT)


def test_words_span_text_is_the_spans_text(parsed: object) -> None:
    words = Words.of(parsed, TEXT)  # type: ignore[arg-type]
    doc = words.doc
    for i in range(len(doc)):
        for j in range(i + 1, min(i + 5, len(doc)) + 1):
            assert words.span_text(i, j) == doc[i:j].text


def test_words_sentences_are_spacys_sentences(parsed: object) -> None:
    words = Words.of(parsed, TEXT)  # type: ignore[arg-type]
    doc = words.doc
    starts = [tok.sent.start for tok in doc]
    assert len(set(starts)) > 3  # the text has several sentences
    for i in range(len(doc)):
        assert words.sentence_start[i] == (starts[i] == i)
        for j in range(len(doc)):
            same = starts[i] == starts[j]
            assert (words.sentence[i] == words.sentence[j]) == same
            assert cues.same_sentence(doc, i, j) == same


def test_words_of_an_empty_document_is_empty(nlp: Callable[[str], object]) -> None:
    words = Words.of(nlp(""), "")  # type: ignore[arg-type]
    assert words.words == [] and words.sentence == []


def test_vectorised_proximity_matches_the_haversine_per_pair() -> None:
    rng = random.Random(4)
    pools = [
        [_candidate(10 * k + i, rng.uniform(-60, 70), rng.uniform(-180, 180)) for i in range(4)]
        for k in range(6)
    ]
    # Anchors near some candidates, so that every bonus band (100/400/1500 km) occurs.
    anchors = [(k, pools[(k + 1) % 6][0]) for k in range(0, 6, 2)]
    anchors += [(1, _candidate(99, pools[0][1].lat + 1.0, pools[0][1].lon))]
    anchors += [(3, _candidate(98, pools[4][2].lat + 3.0, pools[4][2].lon))]
    got = Proximity(pools).bonuses(anchors)
    for k, pool in enumerate(pools):
        for c, bonus in zip(pool, got[k], strict=True):
            others = [a for owner, a in anchors if owner != k]
            nearest = min(distance_km((c.lat, c.lon), (a.lat, a.lon)) for a in others)
            assert bonus == _proximity_bonus(nearest)
    assert {b for row in got for b in row} >= {0.0, 1.0, 0.6}


def test_proximity_without_anchors_gives_nothing() -> None:
    pools = [[_candidate(1, 0.0, 0.0)], [], [_candidate(2, 0.5, 0.5)]]  # 79 km apart
    assert Proximity(pools).bonuses([]) == [[0.0], [], [0.0]]
    # A name's own reading is no anchor for it.
    assert Proximity(pools).bonuses([(0, pools[0][0])]) == [[0.0], [], [1.0]]


def test_coverage_of_others_is_the_share_of_the_other_names() -> None:
    rng = random.Random(7)
    regions = [("US", "Georgia"), ("US", "Texas"), ("US", "Ohio"), ("UA", "Kharkiv Oblast")]
    named = []
    for _ in range(12):
        picked = rng.sample(regions, rng.randint(0, 3))
        weights = [rng.random() for _ in picked]
        named.append({r: w / sum(weights) for r, w in zip(picked, weights, strict=True)})
    got = _coverage_of_others(named)
    for k, own in enumerate(named):
        others = [r for j, r in enumerate(named) if j != k and r]
        votes: Counter[tuple[str, str]] = Counter()
        for r in others:
            votes.update(r)
        expected = {region: n / len(others) for region, n in votes.items()}
        assert set(got[k]) == {r for r, v in expected.items() if v > 1e-9}
        for region, share in got[k].items():
            assert share == pytest.approx(expected[region], abs=1e-12)
        assert own is named[k]


def test_nearby_shares_count_the_other_names_with_a_reading_near() -> None:
    def town(i: int, lat: float, lon: float, admin1: str) -> Candidate:
        return Candidate(f"t:{i}", f"T{i}", lat, lon, "US", admin1, "P", "PPL", 1000, "town")

    state = Candidate("s:1", "Texas", 31.0, -99.0, "US", "Texas", "A", "ADM1", 10**7, "region")
    pools = [
        [town(1, 32.2, -95.9, "Texas"), town(2, 34.0, -83.4, "Georgia")],  # "Athens"
        [
            town(3, 32.3, -95.7, "Texas"),
            town(4, 36.0, -82.0, "Tennessee"),
            town(5, 37.0, -87.6, "Kentucky"),
            town(6, 35.3, -82.5, "North Carolina"),
        ],  # county
        [state],
    ]
    shares = Proximity(pools).nearby_shares()
    # Athens, Texas: the county has one of its four readings near (1 / sqrt(4)); the state
    # has no reading on the map, so the county is the only other name that votes.
    assert shares[0] == pytest.approx([0.5, 0.0])
    # The county in Texas: Athens has one of its two readings near (1 / sqrt(2)).
    assert shares[1][0] == pytest.approx(1 / 2**0.5)
    # A first-level region counts the readings inside it: one of Athens's two, one of the
    # county's four, over the two names.
    assert shares[2] == pytest.approx([(1 / 2**0.5 + 1 / 2) / 2])
