"""Finding time expressions is linear in the text: the same output as the all-pairs
search, with work (reads of expressions' positions) proportional to the text."""

from __future__ import annotations

import pytest

from sitrep.stages import times_rules
from sitrep.stages.dating import opens_sentence
from sitrep.stages.times import _after_aged
from sitrep.stages.times_rules import PATTERNS, Match, _with_clock_days, find_times

DENSE = "On Monday, in 2020, 3 March 2022 and two weeks ago; aged 41 at 10 p.m. Friday. "


def all_pairs_find_times(text: str) -> list[Match]:
    """The reference: every match checked against every one taken before it."""
    taken: list[Match] = []
    for pattern, build in PATTERNS:
        for m in pattern.finditer(text):
            start, end = (m.start("t"), m.end("t")) if "t" in pattern.groupindex else m.span()
            if start < 0 or any(start < t.end and t.start < end for t in taken):
                continue
            parsed = build(m)
            if parsed is not None:
                taken.append(Match(start, end, parsed))
    return _with_clock_days(text, sorted(taken, key=lambda t: t.start))


@pytest.mark.parametrize(
    "text",
    [
        DENSE * 20,
        "Early this year, the third quarter of 1989 and the year-earlier quarter rose.",
        "Since May 2019, late January, last March and in March; the 1990s, next week.",
        "He left 10 p.m. EST Nov. 9, returned Christmas Eve, and the past few months ...",
        "2024-02-30 2024-02-28 in 1999 2000 people 3,2021 by 2012 the weekend now soon",
    ],
)
def test_find_times_matches_the_all_pairs_search(text: str) -> None:
    assert find_times(text) == all_pairs_find_times(text)


def test_find_times_matches_the_all_pairs_search_on_the_seeds(seed_000: str, seed_003: str) -> None:
    for text in (seed_000, seed_003):
        assert find_times(text) == all_pairs_find_times(text)


class CountingMatch(Match):
    """A Match that counts how often its position is read: the search's work."""

    reads = 0

    def __getattribute__(self, name: str) -> object:
        if name in ("start", "end"):
            CountingMatch.reads += 1
        return super().__getattribute__(name)


def position_reads(monkeypatch: pytest.MonkeyPatch, text: str) -> int:
    monkeypatch.setattr(times_rules, "Match", CountingMatch)
    CountingMatch.reads = 0
    times_rules.find_times(text)
    return CountingMatch.reads


def test_four_times_the_text_takes_about_four_times_the_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 1,000 vs 4,000 expressions: an all-pairs search reads positions ~16 times as often.
    small = position_reads(monkeypatch, DENSE * 200)
    large = position_reads(monkeypatch, DENSE * 800)
    assert large <= 4.5 * small, (small, large)


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        ("Nearly a year since", 0, True),
        ("It rained. Nearly a year since", 11, True),
        ("It rained.\n  Nearly", 13, True),
        ('He said. "Nearly', 10, True),
        ("rose a year after", 5, False),
        ("rose. a year", 6, True),
        ("rose.a year", 5, False),
    ],
)
def test_a_phrase_opens_a_sentence_after_a_break_and_punctuation_only(
    text: str, start: int, expected: bool
) -> None:
    assert opens_sentence(text, start) is expected


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        ("aged 41", 5, True),
        ("a man aged  41", 12, True),
        ("at age 41", 7, True),
        ("engaged 41", 8, False),
        ("Aged 41", 5, False),
        ("sage 41", 5, False),
    ],
)
def test_a_number_right_after_aged_is_an_age(text: str, start: int, expected: bool) -> None:
    assert _after_aged(text, start) is expected
