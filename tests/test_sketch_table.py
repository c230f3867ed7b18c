"""The writer's table of stored sketches: every committed sketch, as stored, read once."""

from __future__ import annotations

from pathlib import Path

import duckdb
import numpy as np
import pytest

from sitrep.corpus import sql
from sitrep.corpus.fingerprint import fingerprint
from sitrep.corpus.sketch_table import SketchTable
from sitrep.store import schema

TEXTS = {
    "a1": "Shelling hit the market in Kupiansk on Sunday, killing 12 people, officials said.",
    "b2": "Floods cut the road to Dadu; 38 people died and thousands fled, the province said.",
    "c3": "",  # no words: empty signatures
    "d4": "the the the",  # words but no names or numbers: empty skeleton
}


def row(doc: str, text: str) -> tuple[object, ...]:
    fp = fingerprint(text)
    return (doc, fp.text_hash, fp.shingles, list(fp.signature), fp.skeleton_size,
            list(fp.skeleton_signature), fp.facts_size, list(fp.facts_signature))  # fmt: skip


def stored(path: Path, docs: list[str]) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(path))
    con.execute(schema.DOC_SKETCHES.ddl())
    sql.insert(con, schema.DOC_SKETCHES, [row(doc, TEXTS[doc]) for doc in docs])
    return con


def test_every_stored_sketch_comes_back_as_it_was_stored(tmp_path: Path) -> None:
    con = stored(tmp_path / "s.duckdb", sorted(TEXTS))
    table = SketchTable()
    table.catch_up(con)
    assert len(table) == len(TEXTS)
    for doc, text in TEXTS.items():
        fp, held = fingerprint(text), table.get(doc)
        assert held is not None
        assert (held.text_hash, held.shingles, held.skeleton_size) == (
            fp.text_hash, fp.shingles, fp.skeleton_size,
        )  # fmt: skip
        assert held.signature.tolist() == list(fp.signature)
        assert held.skeleton_signature.tolist() == list(fp.skeleton_signature)
        assert held.facts_size == fp.facts_size
        assert held.facts_signature.tolist() == list(fp.facts_signature)
    assert table.get("unknown") is None


def test_catching_up_reads_only_new_rows_and_reads_flushed_records_back_from_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sitrep.corpus.sketch_table as module

    monkeypatch.setattr(module, "BUFFER_ROWS", 1)  # every record goes to the file at once
    con = stored(tmp_path / "s.duckdb", ["a1"])
    table = SketchTable()
    table.catch_up(con)
    before = sql.ROWS_READ["doc_sketches"]
    fp = fingerprint(TEXTS["b2"])
    sql.insert(con, schema.DOC_SKETCHES, [row("b2", TEXTS["b2"])])
    table.catch_up(con)
    assert sql.ROWS_READ["doc_sketches"] - before == 1
    assert len(table) == 2 and "a1" in table and "b2" in table
    held = table.get("b2")
    assert held is not None and np.array_equal(held.signature, np.asarray(fp.signature))


def test_another_file_at_the_path_is_read_afresh(tmp_path: Path) -> None:
    table = SketchTable()
    first = stored(tmp_path / "one.duckdb", ["a1", "b2"])
    table.catch_up(first)
    other = stored(tmp_path / "two.duckdb", ["c3", "d4"])
    table.catch_up(other)
    assert len(table) == 2 and "c3" in table and "a1" not in table


def test_a_sketch_stored_before_facts_were_has_none(tmp_path: Path) -> None:
    con = stored(tmp_path / "s.duckdb", ["a1"])
    con.execute("UPDATE doc_sketches SET facts_size = NULL, facts_signature = NULL")
    table = SketchTable()
    table.catch_up(con)
    held = table.get("a1")
    assert held is not None and held.facts_size == 0 and len(held.facts_signature) == 0
    assert held.shingles == fingerprint(TEXTS["a1"]).shingles
