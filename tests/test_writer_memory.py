"""The writer's caches hold a bounded number of rows in memory however many rows they
index: the large runs and the sketches live in unlinked files beside the store."""

from __future__ import annotations

import itertools
import os
import random
from pathlib import Path

import duckdb
import numpy as np
import pytest

from sitrep.corpus import keyindex, sketch_table, spill, sql
from sitrep.corpus.fingerprint import fingerprint
from sitrep.corpus.keyindex import KeyIndex
from sitrep.corpus.sketch_table import SketchTable
from sitrep.corpus.spill import SortedRuns
from sitrep.errors import StoreError
from sitrep.ingest.document import RawDocument
from sitrep.records import Published, Report, Source, content_id
from sitrep.store import Store, schema

KINDS = ("story", "person", "event")


def _pairs(rng: random.Random, n: int, distinct: int) -> dict[str, np.ndarray]:
    return {
        "key": np.array([rng.randrange(distinct) for _ in range(n)], dtype=np.int64),
        "value": np.array([rng.getrandbits(40) for _ in range(n)], dtype=np.int64),
    }


# ---------------------------------------------------------------------- sorted runs


@pytest.mark.parametrize(("spill_rows", "batch"), [(64, 10), (500, 37), (2048, 300)])
def test_resident_rows_stay_under_four_thirds_of_the_spill_size_as_rows_grow(
    tmp_path: Path, spill_rows: int, batch: int
) -> None:
    rng = random.Random(spill_rows)
    runs = SortedRuns(("key", "value"), spill_rows=spill_rows, folder=tmp_path)
    most = 0
    for _ in range(40 * spill_rows // batch):
        runs.add(_pairs(rng, batch, distinct=10**6))
        most = max(most, runs.resident_rows)
    assert len(runs) >= 40 * spill_rows - batch  # the rows are all there ...
    assert most < 4 * spill_rows / 3 + batch  # ... but few of them in memory
    assert runs.rows_spilled >= len(runs)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_spilled_runs_find_what_a_plain_scan_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    monkeypatch.setattr(spill, "MERGE_CHUNK_ROWS", 50)  # merges of many chunks
    rng = random.Random(seed)
    runs = SortedRuns(("key", "value"), spill_rows=128, folder=tmp_path)
    everything: list[tuple[int, int]] = []
    for _ in range(60):
        pairs = _pairs(rng, rng.randrange(1, 90), distinct=400)
        everything.extend(zip(pairs["key"].tolist(), pairs["value"].tolist(), strict=True))
        runs.add(pairs)
    wanted = np.unique(np.array([rng.randrange(450) for _ in range(60)], dtype=np.int64))
    found = sorted(
        (int(run.columns["key"][i]), int(run.columns["value"][i]))
        for run, rows in runs.search(wanted)
        for i in rows.tolist()
    )
    assert found == sorted(p for p in everything if p[0] in set(wanted.tolist()))
    runs.drop_pages()  # unmapped pages come back from the file on the next touch
    again = sorted(
        (int(run.columns["key"][i]), int(run.columns["value"][i]))
        for run, rows in runs.search(wanted)
        for i in rows.tolist()
    )
    assert again == found


@pytest.mark.parametrize("chunk", [1, 3, 16])
def test_merge_chunks_cover_both_runs_in_order_and_never_split_a_value(chunk: int) -> None:
    rng = random.Random(chunk)
    older = np.sort(np.array([rng.randrange(60) for _ in range(200)], dtype=np.int64))
    newer = np.sort(np.array([rng.randrange(60) for _ in range(70)], dtype=np.int64))
    pieces = list(spill._aligned_chunks(older, newer, chunk))
    assert np.array_equal(np.concatenate([older[a] for a, _ in pieces]), older)
    assert np.array_equal(np.concatenate([newer[b] for _, b in pieces]), newer)
    values = [set(older[a].tolist()) | set(newer[b].tolist()) for a, b in pieces]
    for before, after in itertools.pairwise(values):
        assert not before or not after or max(before) < min(after)
    # Bounded: at most `chunk` rows of each side beyond the copies of the cutting value.
    ties = max(np.unique(older, return_counts=True)[1]) + max(
        np.unique(newer, return_counts=True)[1]
    )
    assert all((a.stop - a.start) + (b.stop - b.start) <= 2 * chunk + ties for a, b in pieces)


def test_spill_files_leave_no_name_in_the_folder(tmp_path: Path) -> None:
    runs = SortedRuns(("key", "value"), spill_rows=16, folder=tmp_path)
    for seed in range(20):
        runs.add(_pairs(random.Random(seed), 10, distinct=100))
    assert runs.rows_spilled and any(run.spilled for run in runs.runs)
    # Unlinked files: a killed writer leaves nothing behind to clean up or mistake.
    assert os.listdir(tmp_path) == []


# ---------------------------------------------------------------------- the key index


def _link_keys() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("CREATE TABLE link_keys (key BIGINT, kind VARCHAR, record_id VARCHAR)")
    return con


def test_the_key_index_holds_bounded_rows_in_memory_and_answers_like_the_scan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keyindex, "SPILL_ROWS", 300)
    monkeypatch.setattr(keyindex, "DROP_PAGES_EVERY", 3)
    rng = random.Random(5)
    con, index = _link_keys(), KeyIndex(tmp_path)
    most, inserted = 0, []
    for step in range(80):
        rows = [
            (rng.randrange(2000) if rng.random() < 0.7 else rng.randrange(20), rng.choice(KINDS),
             f"d{step:03d}{i:03d}:H{rng.randrange(3)}")
            for i in range(rng.randrange(20, 120))
        ]  # fmt: skip
        sql.insert(con, schema.LINK_KEYS, rows)
        inserted.extend(rows)
        wanted = [k for k, _, _ in rng.sample(inserted, 30)] + [10**12]
        assert index.lookup_by_kind(con, wanted) == sql.lookup_keys_by_kind(con, wanted)
        most = max(most, index.runs.resident_rows)
    assert len(inserted) > 15 * keyindex.SPILL_ROWS
    assert most < 4 * keyindex.SPILL_ROWS / 3 + 120


def test_record_ids_of_any_length_come_back_whole(tmp_path: Path) -> None:
    con, index = _link_keys(), KeyIndex(tmp_path)
    ids = ["a:H1", "Ωmega-ünïcode:E7", "x" * 90 + ":H12"]
    sql.insert(con, schema.LINK_KEYS, [(7, "person", record) for record in ids])
    assert index.lookup_by_kind(con, [7]) == {"person": {7: sorted(ids)}}


# ---------------------------------------------------------------------- the sketch table

TEXTS = [
    "Shelling hit the market in Kupiansk on Sunday, killing {n} people, officials said.",
    "Floods cut the road to Dadu; {n} people died and thousands fled, the province said.",
]


def _sketch_row(doc: str, text: str) -> tuple[object, ...]:
    fp = fingerprint(text)
    return (doc, fp.text_hash, fp.shingles, list(fp.signature), fp.skeleton_size,
            list(fp.skeleton_signature), fp.facts_size, list(fp.facts_signature))  # fmt: skip


def test_the_sketch_table_holds_bounded_records_in_memory_and_finds_every_sketch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sketch_table, "BUFFER_ROWS", 16)
    monkeypatch.setattr(sketch_table, "MAP_SPILL_ROWS", 32)
    con = duckdb.connect()
    con.execute(schema.DOC_SKETCHES.ddl())
    table = SketchTable(tmp_path)
    texts: dict[str, str] = {}
    most = 0
    for step in range(40):
        batch = {f"{step:04d}{i:012d}": TEXTS[i % 2].format(n=step * 10 + i) for i in range(7)}
        sql.insert(con, schema.DOC_SKETCHES, [_sketch_row(d, t) for d, t in batch.items()])
        texts |= batch
        table.catch_up(con)
        most = max(most, table.resident_rows)
    assert len(table) == len(texts) == 280
    assert most < sketch_table.BUFFER_ROWS + 4 * sketch_table.MAP_SPILL_ROWS / 3 + 7
    for doc in random.Random(1).sample(sorted(texts), 40):
        held, fp = table.get(doc), fingerprint(texts[doc])
        assert held is not None and held.text_hash == fp.text_hash
        assert held.facts_signature.tolist() == list(fp.facts_signature)
    assert table.get("0000999999999999") is None and "nope" not in table


def test_a_doc_id_longer_than_a_record_holds_is_kept_whole(tmp_path: Path) -> None:
    con = duckdb.connect()
    con.execute(schema.DOC_SKETCHES.ddl())
    long_id = "report-" + "9" * 60
    sql.insert(con, schema.DOC_SKETCHES, [_sketch_row(long_id, TEXTS[0].format(n=3))])
    table = SketchTable(tmp_path)
    table.catch_up(con)
    held = table.get(long_id)
    assert held is not None and held.text_hash == fingerprint(TEXTS[0].format(n=3)).text_hash
    assert table.get(long_id[:32]) is None


# ---------------------------------------------------------------------- a full disk


def _failing_spill(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: object, columns: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(spill._SpillWriter, "write", refuse)


def test_a_spill_that_fails_leaves_an_empty_index_that_rebuilds_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keyindex, "SPILL_ROWS", 50)
    con, index = _link_keys(), KeyIndex(tmp_path)
    rows = [(i % 40, "story", f"d{i:04d}:H1") for i in range(120)]
    sql.insert(con, schema.LINK_KEYS, rows[:30])
    index.catch_up(con)
    sql.insert(con, schema.LINK_KEYS, rows[30:])
    with monkeypatch.context() as full:
        _failing_spill(full)
        with pytest.raises(OSError, match="No space"):
            index.catch_up(con)
    assert len(index) == 0 and index.rows_read == 0
    wanted = list(range(45))
    assert index.lookup_by_kind(con, wanted) == sql.lookup_keys_by_kind(con, wanted)


def _reports(texts: list[str]) -> list[tuple[RawDocument, Report]]:
    out = []
    for i, text in enumerate(texts):
        report = Report(id=content_id(text), source=Source(path=f"r/{i}.txt"), language="en",
                        published=Published(), text=text)  # fmt: skip
        out.append((RawDocument(text=text, origin=f"r/{i}.txt"), report))
    return out


def test_a_full_disk_under_the_writers_cache_stores_nothing_of_the_batch_and_a_rerun_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keyindex, "SPILL_ROWS", 1)  # every run goes to a file
    store = Store(tmp_path / "s.duckdb")
    run = store.begin_run({})
    first = _reports([TEXTS[0].format(n=n) for n in range(3)])
    store.write_batch(first, [], run)
    later = _reports([TEXTS[1].format(n=n) for n in range(3)])
    with monkeypatch.context() as full:
        _failing_spill(full)
        with pytest.raises(StoreError, match="nothing of it was stored"):
            store.write_batch(later, [], run)
    assert store.counts()["documents"] == 3
    assert store.write_batch(later, [], run).added == 3
    assert store.counts()["documents"] == 6
    assert os.listdir(tmp_path) == ["s.duckdb"] or sorted(os.listdir(tmp_path)) == [
        "s.duckdb", "s.duckdb.wal",
    ]  # fmt: skip
