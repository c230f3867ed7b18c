"""The Ray engine on a real local Ray cluster stores what the local engine stores.

One cluster (2 CPUs) for the module; the same inputs are ingested once with each engine
through the CLI, and every query command must print the same JSON for both stores.
"""

from __future__ import annotations

import itertools
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from sitrep.cli import app

ray = pytest.importorskip("ray", reason="the Ray extra is not installed (pip install sitrep[ray])")
pytestmark = pytest.mark.ray

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
runner = CliRunner()
# Fields that name the run or the moment of writing, not what was stored.
RUN_FIELDS = frozenset({"run_id", "ingested_at", "recorded_at"})


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def local_cluster() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The examples, the seeds when present, and a folder with a copy, a bad JSONL line
    and a file that is not text (so failures and duplicates are compared too)."""
    extra = tmp_path_factory.mktemp("extra")
    first = sorted((REPO / "examples" / "articles").glob("*.txt"))[0]
    copy = json.dumps({"text": first.read_text(encoding="utf-8"), "title": "A copy"})
    (extra / "feed.jsonl").write_text(f"{copy}\n{{not json\n", encoding="utf-8")
    (extra / "blob.txt").write_bytes(b"\x00\x01\x02" * 100)
    (extra / "empty.jsonl").write_text("\n", encoding="utf-8")  # a file that gives no row
    paths = [str(REPO / "examples" / "articles"), str(extra)]
    if SEEDS.is_dir():
        paths.insert(1, str(SEEDS))
    return paths


@pytest.fixture(scope="module")
def stores(
    local_cluster: None, corpus: list[str], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("stores")
    made = {}
    for engine in ("local", "ray"):
        db = folder / f"{engine}.duckdb"
        code, _, stderr = run("ingest", *corpus, "--db", str(db), "--engine", engine,
                                   "--json")  # fmt: skip
        assert code == 1, stderr  # the bad line and the binary file fail, the rest is stored
        made[engine] = db
    return made


def without_run_fields(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: without_run_fields(v) for k, v in value.items() if k not in RUN_FIELDS}
    if isinstance(value, list):
        return [without_run_fields(v) for v in value]
    return value


def query(db: Path, *args: str) -> Any:
    code, stdout, stderr = run(*args, "--db", str(db), "--json")
    assert code == 0, stderr
    return without_run_fields(json.loads(stdout))


def test_both_engines_read_annotate_and_fail_the_same_documents(
    stores: dict[str, Path],
) -> None:
    local, distributed = (query(stores[e], "failures") for e in ("local", "ray"))
    assert len(local) == 2
    assert local == distributed


@pytest.mark.parametrize(
    "command",
    [
        ("summary",),
        ("docs",),
        ("places",),
        ("people",),
        ("organizations",),
        ("quotes",),
        ("times",),
        ("figures",),
        ("events",),
        ("stories",),
        ("search", "killed"),
    ],
    ids=lambda c: "-".join(c),
)
def test_every_query_prints_the_same_rows_after_a_ray_run(
    stores: dict[str, Path], command: tuple[str, ...]
) -> None:
    local = query(stores["local"], *command)
    assert local, f"{command} found nothing: the comparison would prove nothing"
    assert query(stores["ray"], *command) == local


def test_timelines_people_and_stories_are_the_same_after_a_ray_run(
    stores: dict[str, Path],
) -> None:
    places = [p for p in query(stores["local"], "places") if p["gazetteer_id"]]
    people = query(stores["local"], "people")
    stories = query(stores["local"], "stories")
    for args in (
        ("timeline", places[0]["name"]),
        ("person", people[0]["name"]),
        ("story", stories[0]["id"]),
    ):
        assert query(stores["ray"], *args) == query(stores["local"], *args), args


def test_a_ray_rerun_adds_nothing_and_removes_its_shards(
    stores: dict[str, Path], corpus: list[str]
) -> None:
    db = stores["ray"].with_name("rerun.duckdb")
    shutil.copy(stores["ray"], db)
    code, stdout, stderr = run("ingest", *corpus, "--db", str(db), "--engine", "ray", "--json")
    summary = json.loads(stdout)
    assert (code, summary["added"], summary["failed"]) == (1, 0, 2), stderr
    assert summary["skipped"] == summary["seen"] - 2
    assert not Path(f"{db}.shards").exists()


def test_the_ray_engine_refuses_stdin_with_a_usage_error(tmp_path: Path) -> None:
    code, _, stderr = run("ingest", "-", "--db", str(tmp_path / "s.duckdb"), "--engine", "ray")
    assert code == 2
    assert "stdin" in stderr


def test_annotated_rows_stream_in_run_order_and_are_kept_as_shards(
    local_cluster: None, tmp_path: Path
) -> None:
    """Many small blocks over two actors finish in any order; the loader still receives
    them in the local engine's order (its duplicate rule depends on it), and what it
    received is what the shards hold."""
    from sitrep.scale.ray_engine import annotated_rows
    from sitrep.scale.shards import SHARD_COLUMNS, iter_shard_rows
    from sitrep.scale.sources import list_inputs
    from sitrep.settings import Settings

    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(12):
        (inputs / f"r{i:02d}.txt").write_text(
            f"Shelling hit Kherson on Monday, officials said. {i + 2} homes were damaged.\n",
            encoding="utf-8",
        )
    lines = [json.dumps({"text": f"Floods reached Sumy. {i + 3} people were evacuated."})
             for i in range(20)]  # fmt: skip
    (inputs / "z-feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (inputs / "r05b-empty.jsonl").write_text("", encoding="utf-8")  # only an end marker
    folder = tmp_path / "shards"
    rows = list(annotated_rows(list_inputs([inputs]), folder, Settings(), published=None, actors=2))
    order = [(r["file_seq"], r["rec_seq"]) for r in rows]
    assert order == sorted(order)
    assert len(rows) == 32
    assert all(r["report_json"] and r["report_pickle"] for r in rows)
    # The shards keep the JSON alone: the pickle only travels to the loader.
    assert list(iter_shard_rows(folder)) == [
        {name: row[name] for name in SHARD_COLUMNS} for row in rows
    ]


def test_an_actor_takes_two_calls_at_once_but_annotates_one_at_a_time(
    local_cluster: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two calls per actor let Ray fetch the next block while one is annotated (no idle
    gap between calls), and the model must still never see two threads at once."""
    from sitrep.scale import ray_engine
    from sitrep.scale.sources import list_inputs
    from sitrep.settings import Settings

    log_dir = tmp_path / "calls"
    log_dir.mkdir()

    def logged(base: type) -> type:  # a local class: Ray ships it to the actors by value
        class Logged(base):  # type: ignore[valid-type,misc]
            def __call__(self, batch):  # type: ignore[no-untyped-def]
                import os
                import threading
                import time

                start = time.monotonic()
                out = super().__call__(batch)
                with (log_dir / f"{os.getpid()}.log").open("a") as log:
                    log.write(f"{start} {time.monotonic()} {threading.get_ident()}\n")
                return out

        return Logged

    monkeypatch.setattr(ray_engine, "Annotator", logged(ray_engine.Annotator))
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(40):
        (inputs / f"r{i:02d}.txt").write_text(f"Shelling hit Kherson. {i} homes burned.\n",
                                               encoding="utf-8")  # fmt: skip
    assert ray_engine.ACTOR_CONCURRENT_CALLS == 2
    rows = list(ray_engine.annotated_rows(list_inputs([inputs]), tmp_path / "shards", Settings(),
                                          published=None, actors=2))  # fmt: skip
    assert len(rows) == 40
    for log in log_dir.glob("*.log"):
        calls = sorted(tuple(map(float, line.split())) for line in log.read_text().splitlines())
        assert len({thread for _, _, thread in calls}) == 1  # one annotating thread
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(calls)), calls


def test_a_call_never_waits_for_the_driver_to_take_its_blocks(
    local_cluster: None, tmp_path: Path
) -> None:
    """A call yields at most one block per report; Ray Data pauses a call whose blocks the
    driver's executor has not taken beyond its streaming buffer, so the buffer holds a
    whole call: the actors never wait on the driver's GIL-sharing executor thread
    (docs/SCALE.md, session 9)."""
    from sitrep.scale import ray_engine
    from sitrep.scale.sources import list_inputs
    from sitrep.settings import Settings

    (tmp_path / "a.txt").write_text("Shelling hit Kherson on Monday.\n", encoding="utf-8")
    ray_engine.annotated_dataset(list_inputs([tmp_path]), Settings(), published=None, actors=2)
    context = ray.data.DataContext.get_current()
    assert context._max_num_blocks_in_streaming_gen_buffer >= ray_engine.ACTOR_BATCH
