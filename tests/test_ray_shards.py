"""The Ray engine's parts that need no cluster: its inputs, shard rows and the loader."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import duckdb
import pytest

from sitrep.engine import IngestSummary, ingest
from sitrep.errors import ConfigError
from sitrep.records import to_dict
from sitrep.scale.shards import (
    REPORT_PICKLE,
    SHARD_COLUMNS,
    ShardWriter,
    annotated_row,
    iter_shard_rows,
    outcome_of,
    raw_document,
    read_row,
    store_rows,
)
from sitrep.scale.sources import list_inputs, read_input
from sitrep.settings import Settings
from sitrep.store import Store

REPORT = "Shelling hit {town} on Monday, officials said. {n} homes were damaged.\n"


def write_inputs(folder: Path) -> None:
    folder.mkdir()
    (folder / "b.txt").write_text(REPORT.format(town="Kherson", n=3), encoding="utf-8")
    (folder / "a.txt").write_text(REPORT.format(town="Sumy", n=4), encoding="utf-8")
    (folder / "a_copy.txt").write_text(REPORT.format(town="Sumy", n=4), encoding="utf-8")
    odesa = json.dumps({"text": REPORT.format(town="Odesa", n=5), "url": "https://x.example/1"})
    lines = [odesa, "{broken", odesa, ""]  # the same report from the same source, twice
    (folder / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (folder / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (folder / "notes.md").write_text("not an input", encoding="utf-8")


def shard_rows(paths: list[str], resources) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    rows = []
    for item in list_inputs(paths):
        for rec_seq, document in enumerate(read_input(item, Settings())):
            rows.append(annotated_row(read_row(item.seq, rec_seq, document), resources, None))
    return rows


def write_shards(rows: list[dict], folder: Path, files: int) -> None:  # type: ignore[type-arg]
    """Parquet shards written by DuckDB (as any engine could), rows split across files."""
    folder.mkdir(parents=True)
    con = duckdb.connect()
    kinds = {c: "BIGINT" if c.endswith("_seq") else "VARCHAR" for c in SHARD_COLUMNS}
    columns = ", ".join(f"{c} {kind}" for c, kind in kinds.items())
    con.execute(f"CREATE TABLE shard ({columns})")
    for part in range(files):
        con.execute("DELETE FROM shard")
        for row in rows[part::files]:
            con.execute(f"INSERT INTO shard VALUES ({', '.join('?' * len(SHARD_COLUMNS))})",
                        [row[c] for c in SHARD_COLUMNS])  # fmt: skip
        con.execute(f"COPY shard TO '{folder / f'part-{part}.parquet'}' (FORMAT parquet)")
    con.close()


def test_inputs_are_the_local_engines_files_in_its_order(tmp_path: Path) -> None:
    write_inputs(tmp_path / "in")
    (tmp_path / "in" / "part-0.parquet").write_bytes(b"")
    names = [Path(i.given).name for i in list_inputs([tmp_path / "in", tmp_path / "gone.txt"])]
    assert names == ["a.txt", "a_copy.txt", "b.txt", "feed.jsonl", "part-0.parquet", "gone.txt"]


def test_the_ray_engine_cannot_read_stdin() -> None:
    with pytest.raises(ConfigError, match="stdin"):
        list_inputs(["-"])


def test_a_relative_path_names_origins_and_failures_as_the_user_gave_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_inputs(tmp_path / "in")
    monkeypatch.chdir(tmp_path)
    feed = next(i for i in list_inputs(["in"]) if i.given.endswith("feed.jsonl"))
    assert feed.absolute == str(tmp_path / "in" / "feed.jsonl")
    good, bad, _again = read_input(feed, Settings())
    assert (good.origin, good.path) == ("in/feed.jsonl:1", "in/feed.jsonl")  # type: ignore[union-attr]
    assert bad.origin == "in/feed.jsonl:2"
    assert bad.reason.startswith("in/feed.jsonl:2: malformed JSON")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"text": "Floods hit Sindh.", "title": "Floods", "date": "2024-08-01"},
         ("Floods hit Sindh.", "Floods", "2024-08-01", "parquet")),
        ({"body": "Fires near Kharkiv.", "headline": None, "date": None},
         ("Fires near Kharkiv.", None, None, "parquet")),
    ],
)  # fmt: skip
def test_a_parquet_row_is_read_with_the_jsonl_field_names(
    tmp_path: Path, record: dict, expected: tuple  # type: ignore[type-arg]
) -> None:
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    path = tmp_path / "part.parquet"
    pq.write_table(pa.Table.from_pylist([record, {k: None for k in record}]), path)
    item = list_inputs([path])[0]
    document, missing = read_input(item, Settings())
    got = (document.text, document.title, document.published, document.format)  # type: ignore[union-attr]
    assert got == expected
    assert document.origin == f"{path}:1"
    assert missing.origin == f"{path}:2" and "no text" in missing.reason  # type: ignore[union-attr]


def test_a_corrupt_parquet_file_fails_alone(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    path = tmp_path / "part.parquet"
    path.write_bytes(b"PAR1 this is not parquet")
    (failure,) = read_input(list_inputs([path])[0], Settings())
    assert "not a readable Parquet file" in failure.reason  # type: ignore[union-attr]


def test_shards_in_any_order_and_files_store_what_the_local_engine_stores(
    tmp_path: Path, resources  # type: ignore[no-untyped-def]
) -> None:
    write_inputs(tmp_path / "in")
    rows = shard_rows([str(tmp_path / "in")], resources)
    random.Random(7).shuffle(rows)
    write_shards(rows, tmp_path / "shards", files=3)
    loaded = list(iter_shard_rows(tmp_path / "shards", page=2))
    assert [(r["file_seq"], r["rec_seq"]) for r in loaded] == sorted(
        (r["file_seq"], r["rec_seq"]) for r in rows
    )

    local = Store(tmp_path / "local.duckdb")
    expected = ingest([tmp_path / "in"], local, Settings(), resources=resources, batch_size=2)
    sharded = Store(tmp_path / "sharded.duckdb")
    summary = IngestSummary(run_id=sharded.begin_run({}))
    store_rows(loaded, sharded, summary, batch_size=2)

    # a.txt's text again in a_copy.txt is a copy from another source; feed.jsonl's third
    # line is its first again, from the same url: skipped.
    assert (summary.seen, summary.added, summary.copies, summary.skipped, summary.failed) == (
        expected.seen, expected.added, expected.copies, expected.skipped, expected.failed
    ) == (6, 4, 1, 1, 1)  # fmt: skip
    assert [to_dict(r) for r in sharded.iter_reports()] == [
        to_dict(r) for r in local.iter_reports()
    ]
    assert sharded.counts() == local.counts()


def test_a_second_load_of_the_same_shards_stores_nothing_twice(
    tmp_path: Path, resources  # type: ignore[no-untyped-def]
) -> None:
    write_inputs(tmp_path / "in")
    write_shards(shard_rows([str(tmp_path / "in")], resources), tmp_path / "shards", files=1)
    store = Store(tmp_path / "s.duckdb")
    for expected_added in (4, 0):
        summary = IngestSummary(run_id=store.begin_run({}))
        store_rows(iter_shard_rows(tmp_path / "shards"), store, summary, batch_size=32)
        assert summary.added == expected_added
    assert store.counts()["documents"] == 4  # three reports and one copy


@pytest.mark.parametrize("rows_per_shard, files", [(2, 3), (4, 2), (100, 1)])
def test_the_shard_writer_rolls_files_and_its_shards_read_back_in_run_order(
    tmp_path: Path, resources, rows_per_shard: int, files: int  # type: ignore[no-untyped-def]
) -> None:
    pa = pytest.importorskip("pyarrow")

    from sitrep.scale.ray_engine import shard_schema

    write_inputs(tmp_path / "in")
    rows = shard_rows([str(tmp_path / "in")], resources)
    (tmp_path / "shards").mkdir()
    kept = [as_kept(row) for row in rows]
    with ShardWriter(tmp_path / "shards", shard_schema(), rows_per_shard=rows_per_shard) as out:
        for start in range(0, len(kept), 2):  # blocks of two rows, as the cluster sends them
            out.write(pa.Table.from_pylist(kept[start : start + 2], schema=shard_schema()))
    assert len(list((tmp_path / "shards").glob("part-*.parquet"))) == files
    assert list(iter_shard_rows(tmp_path / "shards")) == kept


@pytest.mark.parametrize("rows_per_group, groups", [(1, 3), (4, 2), (256, 1)])
def test_small_blocks_from_the_cluster_are_gathered_into_row_groups(
    tmp_path: Path, resources, rows_per_group: int, groups: int  # type: ignore[no-untyped-def]
) -> None:
    """The cluster sends 2-3 rows a block; a Parquet row group each would make the shards
    mostly metadata."""
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")

    from sitrep.scale.ray_engine import shard_schema

    write_inputs(tmp_path / "in")
    kept = [as_kept(row) for row in shard_rows([str(tmp_path / "in")], resources)]
    assert len(kept) == 6  # blocks of 2, 2, 2 rows
    (tmp_path / "shards").mkdir()
    with ShardWriter(tmp_path / "shards", shard_schema(), rows_per_group=rows_per_group) as out:
        for start in range(0, len(kept), 2):
            out.write(pa.Table.from_pylist(kept[start : start + 2], schema=shard_schema()))
    (shard,) = (tmp_path / "shards").glob("part-*.parquet")
    assert pq.ParquetFile(shard).metadata.num_row_groups == groups
    assert list(iter_shard_rows(tmp_path / "shards")) == kept


def as_kept(row: dict) -> dict:  # type: ignore[type-arg]
    """A row as a shard keeps it: without the pickle it carried to the loader."""
    return {name: row[name] for name in SHARD_COLUMNS}


def test_a_fresh_row_carries_its_report_pickled_and_a_shard_row_only_its_json(
    tmp_path: Path, resources  # type: ignore[no-untyped-def]
) -> None:
    write_inputs(tmp_path / "in")
    rows = [row for row in shard_rows([str(tmp_path / "in")], resources) if row["doc_id"]]
    assert rows and all(isinstance(row[REPORT_PICKLE], bytes) for row in rows)
    assert REPORT_PICKLE not in SHARD_COLUMNS
    for row in rows:
        raw = raw_document(row)
        from_pickle, from_json = outcome_of(row, raw), outcome_of(as_kept(row), raw)
        assert isinstance(from_pickle, tuple) and isinstance(from_json, tuple)
        assert from_pickle[1] == from_json[1]
        assert to_dict(from_pickle[1]) == json.loads(row["report_json"])


def test_the_loader_never_parses_json_for_a_row_that_carries_its_pickle(
    tmp_path: Path, resources, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    write_inputs(tmp_path / "in")
    rows = shard_rows([str(tmp_path / "in")], resources)
    monkeypatch.setattr("sitrep.scale.shards.from_json", _no_json)
    store = Store(tmp_path / "s.duckdb")
    summary = IngestSummary(run_id=store.begin_run({}))
    store_rows(rows, store, summary, batch_size=2)
    assert summary.added == 4  # Kherson, Sumy, its copy from another file, Odesa


def _no_json(*args: object) -> None:
    raise AssertionError("the loader parsed a Report's JSON")


def test_an_empty_shard_folder_loads_nothing(tmp_path: Path) -> None:
    (tmp_path / "shards").mkdir()
    assert list(iter_shard_rows(tmp_path / "shards")) == []


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--engine", "spark"], "unknown engine 'spark'"),
        (["--address", "auto"], "--address and --shards need --engine ray"),
        (["--shards", "elsewhere"], "--address and --shards need --engine ray"),
    ],
)
def test_bad_engine_options_are_usage_errors(
    tmp_path: Path, options: list[str], message: str
) -> None:
    from typer.testing import CliRunner

    from sitrep.cli import app

    result = CliRunner().invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "s"),
                                      *options])  # fmt: skip
    assert result.exit_code == 2
    assert message in " ".join(result.stderr.split())
    assert not (tmp_path / "s").exists()


def test_without_ray_installed_the_ray_engine_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitrep.scale.ray_engine import ingest_with_ray

    monkeypatch.setitem(sys.modules, "ray", None)  # makes `import ray` fail
    monkeypatch.setitem(sys.modules, "ray.data", None)
    store = Store(tmp_path / "s.duckdb")
    with pytest.raises(ConfigError, match=r"pip install 'sitrep\[ray\]'"):
        ingest_with_ray([tmp_path], store, Settings())
    assert store.runs() == []  # nothing recorded
