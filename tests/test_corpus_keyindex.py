"""The writer's in-memory index of link_keys answers exactly what the table scan answers."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import duckdb
import pytest

from sitrep.corpus import keyindex, sql
from sitrep.corpus.keyindex import KeyIndex
from sitrep.evaluation.corpus_perturb import PERTURBATIONS
from sitrep.ingest.document import RawDocument
from sitrep.records import Published, Report, Source, content_id
from sitrep.store import Store, schema

KINDS = ("story", "person", "event")


def _table() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("CREATE TABLE link_keys (key BIGINT, kind VARCHAR, record_id VARCHAR)")
    return con


def _rows(rng: random.Random, n: int, hot_keys: int) -> list[tuple[int, str, str]]:
    # A few hot keys (far past the per-key cap) among many nearly unique ones.
    return [
        (
            rng.randrange(hot_keys) if rng.random() < 0.5 else rng.getrandbits(60),
            rng.choice(KINDS),
            f"d{rng.randrange(n)}:H{rng.randrange(3)}",
        )
        for _ in range(n)
    ]


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("batch", [7, 120])
def test_index_answers_like_the_scan_as_rows_arrive(seed: int, batch: int) -> None:
    rng = random.Random(seed)
    con, index = _table(), KeyIndex()
    rows = _rows(rng, 1500, hot_keys=12)
    for start in range(0, len(rows), batch):
        sql.insert(con, schema.LINK_KEYS, rows[start : start + batch])
        seen = rows[: start + batch]
        wanted = [k for k, _, _ in rng.sample(seen, min(20, len(seen)))] + [rng.getrandbits(60)]
        assert index.lookup_by_kind(con, wanted) == sql.lookup_keys_by_kind(con, wanted)
    assert index.rows_read == len(rows)


@pytest.mark.parametrize("page", [1, 7, 1000])
def test_a_first_read_of_a_large_table_goes_a_page_at_a_time(
    monkeypatch: pytest.MonkeyPatch, page: int
) -> None:
    monkeypatch.setattr(keyindex, "CATCH_UP_PAGE", page)
    rng = random.Random(page)
    con, index = _table(), KeyIndex()
    rows = _rows(rng, 300, hot_keys=5)
    sql.insert(con, schema.LINK_KEYS, rows)
    wanted = [k for k, _, _ in rows[::3]]
    assert index.lookup_by_kind(con, wanted) == sql.lookup_keys_by_kind(con, wanted)
    assert index.rows_read == len(rows)
    sql.insert(con, schema.LINK_KEYS, rows[:20])  # then the rows past it, also paged
    assert index.lookup_by_kind(con, wanted) == sql.lookup_keys_by_kind(con, wanted)
    assert index.rows_read == len(rows) + 20


def test_hot_keys_are_pruned_to_the_newest_per_key_and_kind() -> None:
    con, index = _table(), KeyIndex()
    rows = [(5, "person", f"d{i:04d}:H1") for i in range(40 * sql.MAX_PER_KEY)]
    for start in range(0, len(rows), 100):
        sql.insert(con, schema.LINK_KEYS, rows[start : start + 100])
        index.catch_up(con)
    # A merge keeps the newest MAX_PER_KEY per run: a handful of runs, not 2,000 rows.
    assert len(index) <= sql.MAX_PER_KEY * 8
    found = index.lookup_by_kind(con, [5])["person"][5]
    assert found == sorted(r for _, _, r in rows[-sql.MAX_PER_KEY :])


def test_runs_stay_few_as_rows_grow() -> None:
    con, index = _table(), KeyIndex()
    rng = random.Random(4)
    for _ in range(200):
        sql.insert(con, schema.LINK_KEYS, _rows(rng, 50, hot_keys=1000))
        index.catch_up(con)
    # Each run is at least MERGE_FACTOR times larger than the next: logarithmically many.
    sizes = [len(run) for run in index.runs.runs]
    assert len(sizes) <= 6
    assert all(a >= keyindex.MERGE_FACTOR * b for a, b in itertools.pairwise(sizes))


def test_rows_written_by_another_connection_are_caught_up() -> None:
    con, index = _table(), KeyIndex()
    sql.insert(con, schema.LINK_KEYS, [(1, "story", "a:H1")])
    assert index.lookup_by_kind(con, [1, 2]) == {"story": {1: ["a:H1"]}}
    sql.insert(con, schema.LINK_KEYS, [(2, "event", "b:E1"), (1, "story", "c:H1")])
    assert index.lookup_by_kind(con, [1, 2]) == {
        "event": {2: ["b:E1"]}, "story": {1: ["a:H1", "c:H1"]},
    }  # fmt: skip


def test_another_table_at_the_same_place_is_read_afresh() -> None:
    index = KeyIndex()
    first = _table()
    sql.insert(first, schema.LINK_KEYS, [(1, "story", "a:H1"), (2, "story", "b:H1")])
    index.catch_up(first)
    other = _table()
    sql.insert(other, schema.LINK_KEYS, [(3, "story", "x:H1"), (1, "person", "y:H1")])
    assert index.lookup_by_kind(other, [1, 2, 3]) == sql.lookup_keys_by_kind(other, [1, 2, 3])


def test_rows_of_a_rolled_back_batch_are_never_seen() -> None:
    con, index = _table(), KeyIndex()
    sql.insert(con, schema.LINK_KEYS, [(1, "story", "a:H1")])
    index.catch_up(con)
    con.begin()
    sql.insert(con, schema.LINK_KEYS, [(1, "story", "z:H1")])
    con.rollback()
    sql.insert(con, schema.LINK_KEYS, [(1, "story", "b:H1")])
    assert index.lookup_by_kind(con, [1]) == {"story": {1: ["a:H1", "b:H1"]}}


def test_no_keys_or_no_rows_find_nothing() -> None:
    con, index = _table(), KeyIndex()
    assert index.lookup_by_kind(con, [1]) == {}
    sql.insert(con, schema.LINK_KEYS, [(1, "story", "a:H1")])
    assert index.lookup_by_kind(con, []) == {}


# ---------------------------------------------------------------------- through the store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"


def _reports_with_copies(seed: int) -> list[tuple[RawDocument, Report]]:
    """Example articles and perturbed copies of them, in a shuffled arrival order."""
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))][:8]
    copies = [
        PERTURBATIONS[name](text, rng) for text in texts for name in sorted(PERTURBATIONS)[:3]
    ]
    everything = texts + copies
    rng.shuffle(everything)
    out = []
    for i, text in enumerate(everything):
        path = f"r/{i}.txt"
        doc = Report(id=content_id(text), source=Source(path=path), language="en",
                     published=Published(), text=text)  # fmt: skip
        out.append((RawDocument(text=text, origin=path, path=path), doc))
    return out


def _stories(db: Path) -> list[tuple[str, tuple[str, ...]]]:
    store = Store(db, read_only=True)
    return [(s.id, tuple(m.doc_id for m in s.members)) for s in store.stories()]


@pytest.mark.parametrize("seed", [1, 2])
def test_stories_are_the_same_with_the_index_and_with_the_scan(tmp_path: Path, seed: int) -> None:
    items = _reports_with_copies(seed)
    for use_index in (True, False):
        store = Store(tmp_path / f"{use_index}.duckdb", key_index=use_index)
        run = store.begin_run({})
        with store.holding():
            for start in range(0, len(items), 5):
                store.write_batch(items[start : start + 5], [], run)
    found = _stories(tmp_path / "True.duckdb")
    assert found == _stories(tmp_path / "False.duckdb")
    assert any(len(members) > 1 for _, members in found)


def test_a_writer_finds_what_another_writer_stored_meanwhile(tmp_path: Path) -> None:
    items = _reports_with_copies(3)
    first, second = Store(tmp_path / "s.duckdb"), Store(tmp_path / "s.duckdb")
    run = first.begin_run({})
    for start in range(0, len(items), 4):
        # Alternating writers: each one's index must catch up with the other's rows.
        (first if start % 8 else second).write_batch(items[start : start + 4], [], run)
    scanned = Store(tmp_path / "scan.duckdb", key_index=False)
    run = scanned.begin_run({})
    for start in range(0, len(items), 4):
        scanned.write_batch(items[start : start + 4], [], run)
    assert _stories(tmp_path / "s.duckdb") == _stories(tmp_path / "scan.duckdb")
