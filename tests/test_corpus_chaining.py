"""Stories do not chain: a report that shares formulaic sentences and their fixed names with
another story's reports is not a copy of them, and a loose match never unites two stories
(docs/CORPUS.md, sixth pass). Reports are built by hand (no model)."""

from __future__ import annotations

import random
from pathlib import Path

import duckdb
import pytest

from corpus_support import report, story_of, write
from sitrep.corpus import stories as story_linking
from sitrep.corpus.fingerprint import fingerprint
from sitrep.records import content_id
from sitrep.store import Store

# Fixed names a formulaic sentence carries whatever the story: (the words as facts).
FIXED = ("world", "food", "programme", "united", "nations", "rapid", "support", "forces",
         "darfur", "sudan")  # fmt: skip
_FILLER_TEXT = (
    "people morning water roads trucks village families night help market school river "
    "bridge clinic fuel bread power weather border camp field station office council week "
    "district medicine blankets shelter convoy driver teacher nurse farmer price winter"
)
FILLER = tuple(_FILLER_TEXT.split())


def formulaic(town: str, first: str, last: str, trucks: int, people: int) -> str:
    """The same words every time, with the fixed names, and this story's own facts."""
    return (
        f"The first aid convoy in six weeks reached {town} on the road from the north, the "
        "United Nations said, as fighting between the army and the paramilitary Rapid "
        "Support Forces closed in on the last major city in Darfur still held by the "
        f"military. The World Food Programme said {trucks} trucks carried flour, oil and "
        f"medicine for {people} people who had waited for help since the spring, and that "
        "more convoys would follow if the roads stayed open. "
        f"{first} {last}, who runs a kitchen in the camp outside the town, said the queues "
        "began before dawn and that families walked for hours to reach the gates of the "
        "warehouse, because the markets in Sudan had run out of almost everything."
    )


STORY_A = formulaic("Kutum", "Amina", "Idris", 11, 4200)
STORY_B = formulaic("Mellit", "Yusuf", "Haroun", 23, 9100)


def background(i: int) -> str:
    """A report of its own (random words: a copy of nothing) naming the fixed names."""
    rng = random.Random(i)
    words = " ".join(rng.choice(FILLER) for _ in range(150))
    return (
        f"{words.capitalize()}. The World Food Programme and the United Nations said the "
        "Rapid Support Forces had closed the roads in Darfur, Sudan."
    )


# ---------------------------------------------------------------------- rare facts


def test_two_formulaic_stories_share_words_and_most_facts() -> None:
    # The premise: on words and all facts alone, the two stories are copies.
    assert story_linking.verify(fingerprint(STORY_B), fingerprint(STORY_A)) is not None


def test_facts_that_many_stories_state_are_no_evidence_of_a_copy() -> None:
    verdict = story_linking.verify(fingerprint(STORY_B), fingerprint(STORY_A), common=FIXED)
    assert verdict is None


@pytest.mark.parametrize(
    "edit",
    [
        lambda text: text.replace("4200 people", "4600 people"),  # an updated figure
        lambda text: text[: len(text) * 2 // 3],  # a cut copy
        lambda text: "Latest: " + text,  # a new headline
    ],
)
def test_a_copy_keeps_its_rare_facts_when_the_common_ones_are_discounted(edit: object) -> None:
    copy = edit(STORY_A)  # type: ignore[operator]
    assert story_linking.verify(fingerprint(copy), fingerprint(STORY_A), common=FIXED)
    assert story_linking.verify(fingerprint(STORY_A), fingerprint(copy), common=FIXED)


def test_once_many_stories_state_the_fixed_names_formulaic_stories_stay_apart(
    tmp_path: Path,
) -> None:
    store = Store(tmp_path / "corpus.duckdb")
    others = [background(i) for i in range(story_linking.COMMON_FACT_STORIES)]
    write(store, [report(t, f"bg{i}.txt") for i, t in enumerate(others)])
    assert len(store.stories()) == len(others)  # each is a story of its own
    copy = STORY_A.replace("4200 people", "4600 people")
    write(store, [report(STORY_A, "a.txt")], [report(STORY_B, "b.txt")],
          [report(copy, "a2.txt")])  # fmt: skip
    assert story_of(store, STORY_B) != story_of(store, STORY_A)
    assert story_of(store, copy) == story_of(store, STORY_A)


def test_only_a_storys_first_report_counts_as_stating_its_facts(tmp_path: Path) -> None:
    store = Store(tmp_path / "corpus.duckdb")
    copy = "Latest: " + STORY_A
    write(store, [report(STORY_A, "a.txt")], [report(copy, "a2.txt")])
    with duckdb.connect(str(tmp_path / "corpus.duckdb"), read_only=True) as con:
        rows = con.execute(
            "SELECT DISTINCT record_id FROM link_keys WHERE kind = ?", [story_linking.FACT_KIND]
        ).fetchall()
        (first,) = con.execute(
            "SELECT linked_seq FROM story_members WHERE doc_id = ?", [content_id(STORY_A)]
        ).fetchone()
    # Recorded by the first report's place in the linking order (session 11: how recently
    # the story stated the fact decides whether it is common).
    assert rows == [(f"s{first}",)]


# ---------------------------------------------------------------------- which story, uniting


def known(doc: str, story: str) -> story_linking._Known:
    return story_linking._known(doc, story, fingerprint(doc))


@pytest.mark.parametrize(
    ("copied", "seen", "joins"),
    [
        ({"x": [0.9], "y": [0.6, 0.6, 0.6]}, {"x": 1, "y": 3}, "y"),  # most members copied
        ({"x": [0.9], "y": [0.9]}, {"x": 1, "y": 1}, "x"),  # a tie: the first found
        ({"x": [0.9]}, {"x": 5}, None),  # one of five: a bridge, not support
        ({"x": [0.7, 0.7], "y": [0.9]}, {"x": 4, "y": 3}, "x"),  # half of x; a third of y
    ],
)
def test_a_report_joins_the_supported_story_it_copies_most_members_of(
    copied: dict[str, list[float]], seen: dict[str, int], joins: str | None
) -> None:
    candidates, verified = [], []
    for story, count in seen.items():
        members = [known(f"{story}{i}", story) for i in range(count)]
        candidates += members
        scores = copied.get(story, [])
        verified += [
            (m, "near-duplicate", s) for m, s in zip(members[: len(scores)], scores, strict=True)
        ]
    best, _ = story_linking._choice(verified, candidates, {})
    assert (best[0].story_id if best else None) == joins


@pytest.mark.parametrize(("score", "united"), [(0.6, set()), (0.95, {"y"})])
def test_only_a_close_copy_of_a_second_storys_member_unites_it(
    score: float, united: set[str]
) -> None:
    x, y = known("x0", "x"), known("y0", "y")
    verified = [(x, "near-duplicate", 1.0), (y, "near-duplicate", score)]
    best, found = story_linking._choice(verified, [x, y], {})
    assert best is not None and best[0] is x
    assert found == united


def test_an_exact_copy_of_one_member_joins_its_story_whatever_the_others_say() -> None:
    members = [known(f"x{i}", "x") for i in range(5)]
    best, _ = story_linking._choice([(members[0], "exact", 1.0)], members, {})
    assert best is not None and best[0] is members[0]
