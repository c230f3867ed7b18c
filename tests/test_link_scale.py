"""Linking a report into a large story reads a bounded number of rows, whatever the story's
size: the story's original and its undated members are kept in per-story summary tables
(``corpus/dating.py``) updated with each batch, never re-read member by member. The
summaries must give the store the same content as reading the whole story did: the same
as built from scratch, and the same after a resume from a store that had none.

Reports are built by hand (no model) and written through ``Store.write_batch``; the work
counter is ``sql.ROWS_READ`` (rows fetched into Python, by table), never wall time.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from sitrep.corpus import dating, fingerprint, sql
from sitrep.ingest.document import RawDocument
from sitrep.records import Published, Report, Source, content_id
from sitrep.store import Store

WORDS = re.findall(
    r"\w+",
    "shelling town officials regional said killed injured artillery market hospital "
    "evacuation families children settlements administration residents front line "
    "troops bridge power station water supply convoy aid volunteers winter heating "
    "village road school damaged destroyed drone attack overnight morning governor",
)


def base_text(rng: random.Random, sentences: int = 10) -> str:
    out = []
    for _ in range(sentences):
        words = [rng.choice(WORDS) for _ in range(rng.randint(10, 16))]
        words.insert(rng.randrange(len(words)), str(rng.randint(2, 5000)))
        out.append(" ".join(words).capitalize() + ".")
    return " ".join(out)


def near_copy(text: str, rng: random.Random, edits: int = 3) -> str:
    words = text.split()
    for at in rng.sample(range(len(words)), edits):
        words[at] = f"{rng.choice(WORDS)}{rng.randint(2, 10**6)}"
    return " ".join(words)


def report(text: str, n: int, dated: bool, day: int) -> tuple[RawDocument, Report]:
    published = (
        Published(date=f"2024-03-{day:02d}", basis="metadata")
        if dated
        else Published(estimated=True, window=("2024-03-01", "2024-03-28"), basis="content")
    )
    rep = Report(
        id=content_id(text), source=Source(path=f"copies/{n}.txt"), language="en",
        published=published, text=text,
    )  # fmt: skip
    return RawDocument(text=text, origin=rep.source.path or ""), rep


def one_story(n: int, seed: int = 5, undated: float = 0.2) -> Iterator[tuple[RawDocument, Report]]:
    """``n`` near-copies of one text: one story of ``n`` members, some undated. The first
    is the earliest: when a story's original changes, every undated member's window
    changes and is rewritten (as much work as the output), which is not what is measured."""
    rng = random.Random(seed)
    text = base_text(rng)
    for i in range(n):
        dated = i == 0 or rng.random() >= undated
        yield report(near_copy(text, rng), i, dated, 1 if i == 0 else rng.randint(2, 28))


def reads_per_batch(store: Store, items: list[tuple[RawDocument, Report]], batch: int) -> list[Any]:
    """``sql.ROWS_READ`` counted for each batch written (a Counter per batch)."""
    counts = []
    with store.holding():
        run = store.begin_run({"test": "link_scale"})
        for start in range(0, len(items), batch):
            before = sql.ROWS_READ.copy()
            store.write_batch(items[start : start + batch], [], run)
            counts.append(sql.ROWS_READ - before)
    return counts


def largest_story(store: Store) -> int:
    rows = store._rows("SELECT count(*) n FROM story_members GROUP BY story_id ORDER BY n DESC")
    return int(rows[0][0])


def check_bounded_reads(tmp_path: Path, members: int, batch: int) -> None:
    store = Store(tmp_path / "story.duckdb")
    counts = reads_per_batch(store, list(one_story(members)), batch)
    assert largest_story(store) >= 0.9 * members  # the copies did make one large story
    for per_batch in counts:
        # Dating reads the batch's own documents and its undated members' reports, not
        # every member of the story (reading them made the writer quadratic in story size).
        assert per_batch["documents"] <= 2 * batch
        assert per_batch["story_undated"] <= batch
        # Story linking's candidates are the newest MAX_PER_KEY records under each lookup
        # key (a report's exact hash and its LSH bands), however large the story: their
        # stories are read (a merge changes them), their sketches only once (the
        # writer's cache), so a batch reads the sketches of about one batch.
        candidates = sql.MAX_PER_KEY * (fingerprint.BANDS + 1)
        assert per_batch["doc_sketches"] <= batch
        assert per_batch["story_members"] <= candidates + batch


def test_a_report_joining_a_large_story_reads_a_bounded_number_of_rows(tmp_path: Path) -> None:
    check_bounded_reads(tmp_path, members=320, batch=32)


@pytest.mark.slow
def test_two_thousand_near_copies_cost_the_same_rows_per_batch(tmp_path: Path) -> None:
    check_bounded_reads(tmp_path, members=2000, batch=50)


# --------------------------------------------------------------- same content as before


def mixed_corpus(seed: int = 9) -> list[tuple[RawDocument, Report]]:
    """Stories of several sizes, undated copies, and stories that merge: two halves of a
    text stored first (two stories), then the whole text joins them into one."""
    rng = random.Random(seed)
    texts = [base_text(rng) for _ in range(6)]
    items: list[tuple[RawDocument, Report]] = []
    for i in range(120):
        if i % 20 == 5:
            whole = base_text(rng, 14)
            words = whole.split()
            half = len(words) // 2
            for part in (words[: half + 4], words[half - 4 :]):
                items.append(report(" ".join(part), len(items), False, 1))
            items.append(report(whole, len(items), True, rng.randint(1, 28)))
        else:
            text = near_copy(rng.choice(texts), rng)
            items.append(report(text, len(items), rng.random() < 0.6, rng.randint(1, 28)))
    return items


def snapshot(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    return {
        "members": store._rows("SELECT * FROM story_members ORDER BY doc_id"),
        "documents": store._rows(
            "SELECT id, published_date, window_start, window_end, published_basis, report_json "
            "FROM documents ORDER BY id"
        ),
        "originals": store._rows("SELECT * FROM story_originals ORDER BY story_id"),
        "undated": store._rows("SELECT doc_id, story_id FROM story_undated ORDER BY doc_id"),
    }


def write(store: Store, items: list[tuple[RawDocument, Report]], sizes: list[int]) -> None:
    """Write ``items`` in batches of the ``sizes`` in turn."""
    with store.holding():
        run = store.begin_run({"test": "link_scale"})
        start, turn = 0, 0
        while start < len(items):
            size = sizes[turn % len(sizes)]
            store.write_batch(items[start : start + size], [], run)
            start, turn = start + size, turn + 1


def forget_summaries(path: Path, rebuild: bool = False) -> None:
    """Make the store look like one written before the summaries existed; ``rebuild``:
    then build them from its members, as the next batch would."""
    with duckdb.connect(str(path)) as con:
        for table in (dating.STORY_ORIGINALS, dating.STORY_UNDATED, dating.SUMMARY_MARK):
            con.execute(f"DROP TABLE {table.name}")
        if rebuild:
            dating.date_from_stories(con, [], {})


def test_undated_members_of_merged_stories_are_dated_by_the_merged_original(
    tmp_path: Path,
) -> None:
    store = Store(tmp_path / "m.duckdb")
    write(store, mixed_corpus(), [7])
    merged = store._rows(
        "SELECT count(*) FROM story_members WHERE reason = 'first' AND doc_id <> story_id"
    )
    assert merged[0][0] >= 3  # halves' stories were merged by the whole text
    corpus_dated = store._rows("SELECT count(*) FROM documents WHERE published_basis = 'corpus'")
    assert corpus_dated[0][0] >= 20


@pytest.mark.parametrize("sizes", [[1], [7], [32, 3, 11]], ids=["one", "seven", "mixed"])
def test_incremental_summaries_equal_summaries_built_from_scratch(
    tmp_path: Path, sizes: list[int]
) -> None:
    store = Store(tmp_path / "inc.duckdb")
    write(store, mixed_corpus(), sizes)
    incremental = snapshot(store)
    forget_summaries(store.path, rebuild=True)
    rebuilt = snapshot(store)
    assert rebuilt["originals"] == incremental["originals"]
    assert rebuilt["undated"] == incremental["undated"]


def test_the_sketch_table_changes_nothing_stored_and_holds_every_stored_sketch(
    tmp_path: Path,
) -> None:
    items = mixed_corpus()
    without = Store(tmp_path / "scan.duckdb", key_index=False)  # no index, sketches read
    write(without, items, [9])
    held = Store(tmp_path / "held.duckdb")
    write(held, items, [9])
    index = held._keys()
    assert index is not None
    stored = held._rows("SELECT count(*) FROM doc_sketches")[0][0]
    # Every stored sketch but the last batch's (caught up by the next batch) is held.
    assert stored - 9 <= len(index.sketches) <= stored
    assert snapshot(held) == snapshot(without)


@pytest.mark.parametrize("stop", [3, 9], ids=["early", "late"])
def test_resuming_a_store_without_summaries_stores_what_one_run_stores(
    tmp_path: Path, stop: int
) -> None:
    items = mixed_corpus()
    one_run = Store(tmp_path / "one.duckdb")
    write(one_run, items, [11])
    resumed = Store(tmp_path / "resumed.duckdb")
    write(resumed, items[: 11 * stop], [11])
    forget_summaries(resumed.path)  # as a store written before session 5
    write(resumed, items[11 * stop :], [11])
    ours, theirs = snapshot(one_run), snapshot(resumed)
    assert ours["members"] == theirs["members"]
    assert ours["documents"] == theirs["documents"]
    assert ours["originals"] == theirs["originals"]
