"""Stories at any corpus size (docs/CORPUS.md, eighth pass): a fact is common when many
*recent* stories stated it, so what a copy must share does not drift as the corpus grows;
a report none of whose facts is rare is a copy only when it is a close copy. Reports are
built by hand (no model)."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import duckdb
import pytest

from corpus_support import report, story_of, write
from sitrep.corpus import stories as story_linking
from sitrep.corpus.fingerprint import facts_of, fingerprint
from sitrep.records import content_id
from sitrep.store import Store

# Template sentences of a flood story: the same words in every story filled from them, with
# slots for the story's own values, and fixed names ("the Red Crescent", "the Meteorological
# Agency") that every such story states.
TEMPLATES = (
    "Rescue teams in {town} said on {day} that {n} families had been moved to higher ground "
    "after the river burst its banks in the middle of the night.",
    "The Red Crescent said its volunteers were handing out blankets, drinking water and hot "
    "meals in three schools that had been turned into shelters for the displaced.",
    "{name}, who sells vegetables near the old bridge, said the water rose so fast that she "
    "could save only her papers and a small bag of rice before she climbed onto the roof.",
    "Engineers warned that the dam upstream was still under heavy pressure and that more rain "
    "was forecast for the coming week across the whole of the valley.",
    "The provincial governor said {m} houses had been damaged and promised compensation to "
    "every household that had lost its home or its harvest to the water.",
    "Residents complained that the drainage canals had not been cleared for years despite "
    "repeated warnings from the Meteorological Agency about the risk of floods.",
)
# Sentences of a report's own, with no names or numbers.
OWN = (
    "A second convoy of lorries loaded with tents and clean water is expected to set out at "
    "dawn once the main road has been checked for damage by the army engineers.",
    "Schools across the district will stay closed until the end of the month while the "
    "buildings are cleaned and inspected, the education office said in a short statement.",
)
_FILLER_TEXT = (
    "harvest prices rainfall school fees fuel market season river bridge clinic bread power "
    "weather border field station office council week district blankets shelter driver "
    "farmer winter goats wells seeds radio road bus phone tea salt"
)
FILLER = tuple(_FILLER_TEXT.split())


def filled(templates: list[int], town: str, day: str, n: int, name: str, m: int) -> str:
    values = {"town": town, "day": day, "n": n, "name": name, "m": m}
    return " ".join(TEMPLATES[i].format(**values) for i in templates)


STORY = filled([0, 1, 2, 3, 4, 5], "Sennar", "Tuesday", 340, "Halima Yusuf", 1270)
# Another flood told in four of the story's template sentences and two of its own: another
# town, toll and person, the same weekday and surname (a small pool, as wire copy repeats).
OTHER_STORY = " ".join([filled([0, 1, 2, 4], "Kosti", "Tuesday", 85, "Rania Yusuf", 415), *OWN])
# An edited copy of the story: two template sentences dropped, two sentences added (.71 of
# its shingles are the story's). Its facts are the story's.
EDITED_COPY = " ".join([filled([0, 1, 2, 4], "Sennar", "Tuesday", 340, "Halima Yusuf", 1270), *OWN])


def noise(seed: int, tail: str = "") -> str:
    """A report of its own (random words: a copy of nothing), stating ``tail``'s names."""
    rng = random.Random(seed)
    return " ".join(rng.choice(FILLER) for _ in range(120)).capitalize() + ". " + tail


# ---------------------------------------------------------------------- no rare fact


def test_another_story_in_the_same_words_shares_words_and_most_facts() -> None:
    # The premise: on words and all facts, the other story passes for a copy (.62 of its
    # shingles, .62 of its facts are the story's), as two template-built stories did at 100k.
    assert story_linking.verify(fingerprint(OTHER_STORY), fingerprint(STORY)) is not None


def test_a_report_whose_facts_are_all_common_is_no_loose_copy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    common = facts_of(OTHER_STORY)
    assert story_linking.verify(fingerprint(OTHER_STORY), fingerprint(STORY), common) is None
    # Session 9 judged such a report on all its facts, and took it for a copy.
    monkeypatch.setattr(story_linking, "MIN_RARE_FACTS", 1)
    assert story_linking.verify(fingerprint(OTHER_STORY), fingerprint(STORY), common)


@pytest.mark.parametrize(
    "edit",
    [
        lambda text: "Flood latest: " + text,  # republished under a new headline
        lambda text: text.replace("1270 houses", "1390 houses"),  # an updated figure
        lambda text: text[: len(text) * 2 // 3],  # cut at two thirds
    ],
)
def test_a_close_copy_whose_facts_are_all_common_is_a_copy(edit: object) -> None:
    copy = edit(STORY)  # type: ignore[operator]
    verdict = story_linking.verify(fingerprint(copy), fingerprint(STORY), facts_of(copy))
    assert verdict is not None
    assert verdict[0] == "near-duplicate"
    assert verdict[1] >= story_linking.WITHOUT_RARE_FACTS


def test_a_report_with_no_facts_is_judged_on_its_words() -> None:
    # Nothing to count as common or rare: the words decide, as before rarity.
    text = " ".join(OWN) + " " + TEMPLATES[3]
    copy = text[: len(text) * 3 // 4]
    assert facts_of(text) == set()
    assert story_linking.verify(fingerprint(copy), fingerprint(text), common=()) is not None


# ---------------------------------------------------------------------- rarity over a window


def stated_under(fact: str, seqs: list[int]) -> dict[int, list[str]]:
    return {story_linking._fact_key(fact): [story_linking._stated_record(s) for s in seqs]}


def rarity_of_story(stated: dict[int, list[str]], now: int) -> story_linking.Rarity | None:
    return story_linking._rarity(fingerprint(STORY), stated, Counter(), now)


def test_a_fact_many_stories_stated_recently_is_common() -> None:
    now = 50_000
    recent = list(range(now - 100, now - 100 + story_linking.COMMON_FACT_STORIES))
    rarity = rarity_of_story(stated_under("sennar", recent), now)
    assert rarity is not None
    assert rarity.rare == len(facts_of(STORY)) - 1


def test_a_fact_many_stories_stated_long_ago_is_rare_again() -> None:
    now = 50_000
    old = list(range(story_linking.COMMON_FACT_STORIES))  # the first stories of the corpus
    assert now - story_linking.COMMON_FACT_WINDOW > old[-1]
    assert rarity_of_story(stated_under("sennar", old), now) is None  # nothing common


def test_stories_begun_earlier_in_the_batch_count_as_recent() -> None:
    key = story_linking._fact_key("sennar")
    in_batch = Counter({key: story_linking.COMMON_FACT_STORIES})
    rarity = story_linking._rarity(fingerprint(STORY), {}, in_batch, 50_000)
    assert rarity is not None
    assert rarity.rare == len(facts_of(STORY)) - 1


def test_a_row_stored_before_the_window_existed_counts_whatever_its_age() -> None:
    # Rows of an older store hold the first report's id, a hex hash, and no date.
    old_rows = {story_linking._fact_key("sennar"): [f"{i:016x}" for i in range(20)]}
    assert story_linking._stated_seq(old_rows[story_linking._fact_key("sennar")][0]) is None
    rarity = rarity_of_story(old_rows, 10**9)
    assert rarity is not None
    assert rarity.rare == len(facts_of(STORY)) - 1


def test_a_storys_fact_rows_record_when_its_first_report_was_linked(tmp_path: Path) -> None:
    store = Store(tmp_path / "corpus.duckdb")
    write(store, [report(noise(1), "n.txt")], [report(STORY, "a.txt")],
          [report("Flood latest: " + STORY, "a2.txt")])  # fmt: skip
    with duckdb.connect(str(tmp_path / "corpus.duckdb"), read_only=True) as con:
        seq = con.execute(
            "SELECT linked_seq FROM story_members WHERE doc_id = ?", [content_id(STORY)]
        ).fetchone()
        rows = con.execute(
            "SELECT DISTINCT record_id FROM link_keys WHERE kind = ? AND key IN "
            f"({', '.join(str(story_linking._fact_key(f)) for f in facts_of(STORY))})",
            [story_linking.FACT_KIND],
        ).fetchall()
    assert seq is not None
    assert rows == [(story_linking._stated_record(int(seq[0])),)]  # the copy stated nothing


@pytest.mark.parametrize(("window", "joins"), [(30, True), (2**62, False)])
def test_an_edited_copy_joins_however_many_stories_named_its_town_long_ago(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, window: int, joins: bool
) -> None:
    # Early in the corpus, 20 stories named the story's town, toll and houses; then 30
    # reports about other things; then 20 stories named the fixed names, the weekday and the
    # surname. Counted over the window, the town and figures are rare again, and an edited
    # copy (too loose to be a copy on words alone) shares them. Counted over the whole
    # corpus (``window`` unbounded), everything it states is common, and it starts a story.
    monkeypatch.setattr(story_linking, "COMMON_FACT_WINDOW", window)
    stories = story_linking.COMMON_FACT_STORIES
    town = "Officials in Sennar counted 340 families and 1270 houses."
    early = [noise(i, town) for i in range(stories)]
    between = [noise(100 + i) for i in range(30)]
    fixed = "The Red Crescent, the Meteorological Agency and Yusuf spoke on Tuesday."
    recent = [noise(200 + i, fixed) for i in range(stories)]
    store = Store(tmp_path / "corpus.duckdb")
    write(
        store,
        [report(t, f"early{i}.txt") for i, t in enumerate(early)],
        [report(t, f"between{i}.txt") for i, t in enumerate(between)],
        [report(t, f"recent{i}.txt") for i, t in enumerate(recent)],
        [report(STORY, "story.txt")],
        [report(EDITED_COPY, "copy.txt")],
    )
    assert (story_of(store, EDITED_COPY) == story_of(store, STORY)) is joins


# ---------------------------------------------------------------------- uniting


def test_a_report_whose_facts_are_all_common_unites_no_stories() -> None:
    # It is a close copy of a member of each of two stories: a report with a rare fact
    # would make them one; this one joins the first and leaves the other apart (at 75k
    # synthetic reports, one such report united six stories told in the same words).
    a = story_linking._known("a0", "a", fingerprint(STORY))
    b = story_linking._known("b0", "b", fingerprint(OTHER_STORY))
    close = [(a, "near-duplicate", 0.9), (b, "near-duplicate", story_linking.UNITE_SCORE)]
    best, united = story_linking._choice(close, [a, b], {}, may_unite=False)
    assert best is not None
    assert best[0].story_id == "a"
    assert united == set()
    assert story_linking._choice(close, [a, b], {})[1] == {"b"}
