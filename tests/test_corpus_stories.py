"""Copies into stories: exact, near-duplicate and spun copies join their original's story;
distinct reports about the same town do not. Reports are built by hand (no model) and
written through ``Store.write_batch``, where linking happens."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import duckdb
import pytest

from corpus_support import story_of, write
from sitrep.corpus import stories as story_linking
from sitrep.corpus.fingerprint import fingerprint, skeleton_of
from sitrep.corpus.sketch_table import SketchTable
from sitrep.errors import StoreError
from sitrep.evaluation.corpus_perturb import PERTURBATIONS, reorder, synonyms
from sitrep.ingest.document import RawDocument
from sitrep.records import Published, Report, Source, content_id
from sitrep.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"

STRIKE = (
    "At least 12 people were killed and 31 injured when Russian artillery struck the centre "
    "of Kupiansk on Sunday, according to regional officials, as the offensive in the "
    "northeast of the Kharkiv region gathered pace.\n\n"
    "The town, which Ukrainian troops recaptured in September 2022 after seven months of "
    "occupation, lies barely 8 kilometres from the front line. Shells hit the covered market, "
    "a pharmacy and two apartment blocks, officials said.\n\n"
    '"We had people lying in the corridors because there was nowhere else to put them," '
    "said Olena, a 34-year-old nurse at the town's only working hospital.\n\n"
    "Authorities ordered the evacuation of families with children from 37 settlements around "
    "the town last Tuesday. Some 3,000 people have left since then, the regional "
    "administration said. Before the invasion Kupiansk was home to about 27,000 people."
)
# Another report on the same town and week: distinct, must stay a story of its own.
SAME_TOWN = (
    "Volunteers in Kupiansk handed out firewood and bread on Monday as temperatures fell "
    "below freezing and the town's heating network remained out of action.\n\n"
    '"People come every morning, some walk for an hour," said Serhiy, a 58-year-old '
    "volunteer driver who has made the trip to Kharkiv nine times this week.\n\n"
    "The regional administration said 600 people were taken to Kharkiv on Monday alone, "
    "and that schools in the district would stay closed until the spring."
)


def report(text: str, *, path: str, published: str | None = None) -> tuple[RawDocument, Report]:
    doc = Report(
        id=content_id(text), source=Source(path=path), language="en",
        published=Published(date=published, basis="metadata") if published else Published(),
        text=text,
    )  # fmt: skip
    return RawDocument(text=text, origin=path, path=path), doc


def spin(text: str, seed: int = 7) -> str:
    """A spun copy as a spinner makes one: synonyms swapped, clauses reordered."""
    rng = random.Random(seed)
    return reorder(synonyms(text, rng), rng)


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "corpus.duckdb", lock_timeout_s=0.3)


# ---------------------------------------------------------------------- stories


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("headline", "near-duplicate"),
        ("boilerplate", "near-duplicate"),
        ("truncate", "near-duplicate"),
        ("synonyms", "near-duplicate"),
        ("spun", None),  # near-duplicate or spun, depending on how much survived
    ],
)
def test_perturbed_copy_in_a_later_batch_joins_its_originals_story(
    store: Store, kind: str, reason: str | None
) -> None:
    copy = PERTURBATIONS[kind](STRIKE, random.Random(3))
    write(store, [report(STRIKE, path="a.txt", published="2024-01-14")],
          [report(copy, path="b.txt", published="2024-01-15")])  # fmt: skip
    found = store.story(content_id(copy))
    assert found is not None and found.size == 2
    assert found.original == content_id(STRIKE)
    member = next(m for m in found.members if m.doc_id == content_id(copy))
    assert member.matched_doc == content_id(STRIKE)
    assert member.reason in ({reason} if reason else {"near-duplicate", "spun"})


def test_same_text_under_other_boilerplate_is_an_exact_copy(store: Store) -> None:
    # The cleaned texts are equal up to case and punctuation: one hash.
    copy = STRIKE.replace("\n\n", "\n").upper()
    write(store, [report(STRIKE, path="a.txt"), report(copy, path="b.txt")])
    found = store.story(content_id(copy))
    assert found is not None and [m.reason for m in found.members] == ["first", "exact"]


def test_spun_copy_joins_and_unrelated_report_on_the_same_town_does_not(store: Store) -> None:
    spun = spin(STRIKE)
    assert spun != STRIKE
    write(store, [report(STRIKE, path="a.txt", published="2024-01-14"),
                  report(SAME_TOWN, path="c.txt", published="2024-01-15"),
                  report(spun, path="b.txt", published="2024-01-16")])  # fmt: skip
    assert story_of(store, spun) == story_of(store, STRIKE)
    assert story_of(store, SAME_TOWN) != story_of(store, STRIKE)
    assert [s.size for s in store.stories()] == [2, 1]


def test_original_is_the_earliest_published_member_whatever_the_arrival_order(
    store: Store,
) -> None:
    copy = PERTURBATIONS["boilerplate"](STRIKE, random.Random(1))
    write(store, [report(copy, path="late.txt", published="2024-01-20")],
          [report(STRIKE, path="early.txt", published="2024-01-14")])  # fmt: skip
    found = store.story(content_id(STRIKE))
    assert found is not None
    assert found.original == content_id(STRIKE)
    assert [m.original for m in found.members] == [True, False]


@pytest.mark.parametrize(
    ("order", "published"),
    [
        ("copy first", ("2024-01-14", "2024-01-20", "2024-01-21")),
        ("original first", ("2024-01-14", "2024-01-20", "2024-01-21")),
        ("copy first", (None, None, None)),  # undated: the smallest doc id names it
        ("original first", (None, None, None)),
    ],
)
def test_a_story_is_named_by_its_original_whatever_the_arrival_order(
    tmp_path: Path, order: str, published: tuple[str | None, ...]
) -> None:
    texts = [STRIKE, PERTURBATIONS["boilerplate"](STRIKE, random.Random(1)), spin(STRIKE)]
    items = [report(t, path=f"{i}.txt", published=d)
             for i, (t, d) in enumerate(zip(texts, published, strict=True))]  # fmt: skip
    arrivals = items[::-1] if order == "copy first" else items
    store = Store(tmp_path / "corpus.duckdb")
    write(store, *([item] for item in arrivals))
    expected = content_id(STRIKE) if published[0] else min(content_id(t) for t in texts)
    assert [(s.id, s.size) for s in store.stories()] == [(expected, 3)]
    assert story_of(store, texts[1]) == expected


def test_two_copies_linked_apart_are_united_by_an_original_matching_both(store: Store) -> None:
    head, tail = STRIKE[: len(STRIKE) // 2], STRIKE[len(STRIKE) // 2 :]
    write(store, [report(head, path="head.txt")], [report(tail, path="tail.txt")],
          [report(STRIKE, path="full.txt")])  # fmt: skip
    assert story_of(store, head) == story_of(store, tail) == story_of(store, STRIKE)


def test_stories_list_is_stable_largest_first(store: Store) -> None:
    write(store, [report(SAME_TOWN, path="c.txt"), report(STRIKE, path="a.txt"),
                  report(spin(STRIKE), path="b.txt")])  # fmt: skip
    first = [(s.id, s.size) for s in store.stories()]
    assert first == [(s.id, s.size) for s in store.stories()]
    assert [size for _, size in first] == [2, 1]
    assert [s.size for s in store.stories(min_size=2)] == [2]


def test_story_is_found_by_any_members_id(store: Store) -> None:
    spun = spin(STRIKE)
    write(store, [report(STRIKE, path="a.txt"), report(spun, path="b.txt")])
    by_copy = store.story(content_id(spun)[:10])
    assert by_copy is not None and by_copy.id == content_id(STRIKE)
    assert store.story("ffffffffffffffff") is None


# ---------------------------------------------------------------------- incremental, atomic


def test_linking_failure_stores_nothing_of_the_batch(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object) -> None:
        raise duckdb.ConstraintException("linking failed")

    monkeypatch.setattr("sitrep.corpus.link.link_batch", broken)
    with pytest.raises(StoreError, match="nothing of it was stored"):
        write(store, [report(STRIKE, path="a.txt")])
    assert store.counts()["documents"] == 0


def test_a_new_report_loads_only_the_candidates_its_keys_select(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(store, [report(SAME_TOWN, path="c.txt")], [report(STRIKE, path="a.txt")])
    loaded: list[set[str]] = []
    original = story_linking._load_known

    def spy(
        con: duckdb.DuckDBPyConnection,
        doc_ids: set[str],
        table: SketchTable | None = None,
    ) -> dict[str, object]:
        loaded.append(set(doc_ids))
        return original(con, doc_ids, table)  # type: ignore[return-value]

    monkeypatch.setattr(story_linking, "_load_known", spy)
    write(store, [report(spin(STRIKE), path="b.txt")])
    assert loaded == [{content_id(STRIKE)}]


# ---------------------------------------------------------------------- signals


def test_verify_rejects_distinct_reports_and_accepts_a_spun_copy() -> None:
    original, other = fingerprint(STRIKE), fingerprint(SAME_TOWN)
    assert story_linking.verify(other, original) is None
    assert story_linking.verify(fingerprint(spin(STRIKE)), original) is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anastasia Onishchuk, 21, fled Kharkiv.", ["onishchuk", "21", "kharkiv"]),
        ("The mayor said 7,000 returned.", ["7000"]),
        ('He said: "There is basically no city."', ["there", "basically", "city"]),
        ("Izium and Изюм.", ["изюм"]),
    ],
)
def test_skeleton_keeps_names_numbers_and_quoted_words_in_order(
    text: str, expected: list[str]
) -> None:
    assert skeleton_of(text) == expected


@pytest.mark.skipif(not EXAMPLES.is_dir(), reason="examples/articles not found")
def test_distinct_example_reports_never_verify_as_copies() -> None:
    prints = [fingerprint(p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*.txt"))]
    assert len(prints) >= 2
    for i, a in enumerate(prints):
        for b in prints[i + 1 :]:
            assert story_linking.verify(a, b) is None


def test_short_reports_sharing_an_outlets_standing_footer_are_not_copies() -> None:
    # Regression (PolNeAR test, 6 copies): a short article's shingles were half footer,
    # so its containment in any long article of the same outlet passed 0.5.
    footer = (
        "\n\nEditor's note: this outlet reminds readers that the candidate regularly incites "
        "political violence and has repeatedly pledged to ban all members of an entire "
        "religion, 1.6 billion people, from entering the country, and that he is a serial "
        "liar, a rampant xenophobe and a misogynist who questioned the birthplace of a "
        "president."
    )
    short = (
        "The candidate told supporters in Florida on Tuesday evening that the election is on "
        'Nov. 28, twenty days after the actual election day. "Go register," he implored the '
        "crowd."
    ) + footer
    long = STRIKE + "\n\n" + SAME_TOWN + footer
    assert story_linking.verify(fingerprint(short), fingerprint(long)) is None
    assert story_linking.verify(fingerprint(long), fingerprint(short)) is None


# ---------------------------------------------------------------------- facts


def casualty_statement(town: str, killed: int, hurt: int, day: str, official: str) -> str:
    """A formulaic statement: the same words every day, other names and numbers."""
    return (
        f"At least {killed} people were killed and {hurt} wounded when missiles struck "
        f"{town} on {day}, the regional governor {official} said on the messaging app. "
        "Rescue teams were still searching the rubble of two apartment blocks and a school "
        "late in the evening, and the emergency service said the number of victims could "
        "rise further as the work went on. The city council opened temporary shelters for "
        "families whose homes were damaged, and volunteers handed out water, blankets and "
        "hot food to those who had spent the night outside."
    )


def test_the_same_words_about_another_town_and_toll_are_another_story(store: Store) -> None:
    monday = casualty_statement("Sumy", 9, 24, "Monday", "Oleh Hryhorov")
    tuesday = casualty_statement("Kherson", 4, 11, "Tuesday", "Roman Mrochko")
    assert story_linking.verify(fingerprint(tuesday), fingerprint(monday)) is None
    write(store, [report(monday, path="mon.txt"), report(tuesday, path="tue.txt")])
    assert story_of(store, monday) != story_of(store, tuesday)


def test_a_copy_with_its_toll_updated_is_still_the_same_story(store: Store) -> None:
    first = casualty_statement("Sumy", 9, 24, "Monday", "Oleh Hryhorov")
    updated = first.replace("At least 9 people", "At least 11 people")
    verdict = story_linking.verify(fingerprint(updated), fingerprint(first))
    assert verdict is not None and verdict[0] == "near-duplicate"
    write(store, [report(first, path="a.txt")], [report(updated, path="b.txt")])
    assert story_of(store, first) == story_of(store, updated)


def test_a_sketch_without_facts_is_judged_on_its_words_alone() -> None:
    monday = fingerprint(casualty_statement("Sumy", 9, 24, "Monday", "Oleh Hryhorov"))
    tuesday = fingerprint(casualty_statement("Kherson", 4, 11, "Tuesday", "Roman Mrochko"))
    stored_before_facts = dataclasses.replace(monday, facts_size=0, facts_signature=())
    assert story_linking.verify(tuesday, stored_before_facts) is not None
