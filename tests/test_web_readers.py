"""The web app's shared read connection: one open of the file for many requests, let go
when idle or held too long so an ingest in another process gets in, and queries that
answer as before (the timeline selects a place's events before aggregating evidence)."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import ModuleType

import duckdb
import pytest

from sitrep.records import to_dict
from sitrep.store import Store
from sitrep.store import corrections as fix
from sitrep.store.corrections import NewCorrection
from sitrep.web import queries
from sitrep.web.readers import SharedReader, SharedStore
from test_store_concurrency import WRITER
from test_web_corrections import DOC_A, build_store

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("readers") / "template.duckdb").path


@pytest.fixture()
def db(template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "readers.duckdb"
    shutil.copyfile(template, path)
    return path


def shared(db: Path, **policy: float) -> SharedStore:
    return SharedStore(SharedReader(db, timeout_s=20, **policy))


def can_write(db: Path) -> bool:
    """Whether this process could open the file for writing right now."""
    try:
        duckdb.connect(str(db)).close()
    except duckdb.Error:
        return False
    return True


def wait_until(condition: object, timeout_s: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.01)
    return False


# ---------------------------------------------------------------------- sharing


def test_requests_in_a_burst_share_one_open_of_the_file(db: Path) -> None:
    store = shared(db, idle_s=5, max_hold_s=30)
    for _ in range(20):
        assert store.counts()["documents"] == 2
        assert store.timeline("Izyum") is not None
    assert store._readers.opens == 1
    store.close()


def test_parallel_requests_each_get_their_own_cursor(db: Path) -> None:
    store = shared(db, idle_s=5, max_hold_s=30)
    found: list[int] = []
    errors: list[BaseException] = []

    def ask() -> None:
        try:
            for _ in range(10):
                found.append(store.counts()["events"])
        except BaseException as exc:  # reported below, not lost in the thread
            errors.append(exc)

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert found == [3] * 40
    store.close()


# ---------------------------------------------------------------------- letting go


def test_an_idle_reader_lets_go_of_the_file(db: Path) -> None:
    store = shared(db, idle_s=0.05, max_hold_s=30)
    store.counts()
    assert store._readers.is_open
    assert wait_until(lambda: not store._readers.is_open)
    assert can_write(db)
    store.counts()  # and opens it again when asked
    assert store._readers.opens == 2
    store.close()


def test_a_reader_held_too_long_lets_go_even_under_steady_requests(db: Path) -> None:
    store = shared(db, idle_s=5, max_hold_s=0.1, pause_s=0.01)
    # Steady requests until the file was let go twice (0.2 s unloaded; a loaded machine
    # opens slowly, so the deadline is generous and the count is what is checked).
    deadline = time.monotonic() + 20
    while store._readers.opens < 3 and time.monotonic() < deadline:
        store.counts()
    assert store._readers.opens >= 3
    store.close()


def test_closing_lets_go_at_once(db: Path) -> None:
    store = shared(db, idle_s=5, max_hold_s=30)
    store.counts()
    store.close()
    assert can_write(db)


def test_a_correction_written_in_process_is_seen_by_the_next_request(db: Path) -> None:
    store = shared(db, idle_s=5, max_hold_s=30)
    assert {p.name for p in store.places()} >= {"Springfield"}
    with store.writing():
        fix.add(db, NewCorrection(kind="not-a-place", doc_id=DOC_A,
                                  target=f"{DOC_A}:P3"), "tester")  # fmt: skip
    assert "Springfield" not in {p.name for p in store.places()}
    with store.connection() as con:  # the web queries see it too
        names = {r[0] for r in con.execute("SELECT name FROM places").fetchall()}
    assert "Springfield" not in names
    store.close()


def test_reads_go_on_while_another_process_writes(tmp_path: Path) -> None:
    # As tests/test_store_concurrency.py, with the web app's reader asking without pause.
    db = tmp_path / "shared.duckdb"
    Store(db)
    batches, per_batch = 8, 3
    reader = shared(db, idle_s=0.05, max_hold_s=0.2)
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), str(batches), str(per_batch)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "started"
    seen: list[int] = []
    try:
        while writer.poll() is None:
            seen.append(reader.counts()["documents"])
    finally:
        _, errors = writer.communicate(timeout=120)
    assert writer.returncode == 0, errors
    assert any(0 < docs < batches * per_batch for docs in seen)
    assert seen == sorted(seen)
    assert all(docs % per_batch == 0 for docs in seen)
    assert reader.counts()["documents"] == batches * per_batch
    reader.close()


# ---------------------------------------------------------------------- kept answers


def _place_names(store: SharedStore) -> frozenset[str]:
    return store.memo("places", lambda: frozenset(p.name for p in store.places()))


def test_a_repeated_question_is_answered_from_memory_while_the_store_is_unchanged(
    db: Path,
) -> None:
    store = shared(db, idle_s=5, max_hold_s=30)
    calls: list[int] = []
    answers = [store.memo("q", lambda: calls.append(1) or len(calls)) for _ in range(5)]
    assert answers == [1] * 5 and store.memo_hits == 4
    store.close()


@pytest.mark.parametrize("idle_s", [5.0, 0.05])  # the file held, or let go in between
def test_a_correction_written_in_process_changes_a_kept_answer(db: Path, idle_s: float) -> None:
    store = shared(db, idle_s=idle_s, max_hold_s=30)
    assert "Springfield" in _place_names(store)
    with store.writing():
        fix.add(db, NewCorrection(kind="not-a-place", doc_id=DOC_A,
                                  target=f"{DOC_A}:P3"), "tester")  # fmt: skip
    assert "Springfield" not in _place_names(store)
    store.close()


def test_a_write_by_another_process_changes_a_kept_answer(db: Path) -> None:
    store = shared(db, idle_s=0.05, max_hold_s=30)
    assert "Springfield" in _place_names(store)
    assert wait_until(lambda: not store._readers.is_open)
    fix.add(db, NewCorrection(kind="not-a-place", doc_id=DOC_A,
                              target=f"{DOC_A}:P3"), "elsewhere")  # fmt: skip
    assert "Springfield" not in _place_names(store)
    assert list(store._memo) == ["places"]  # what the old content answered is let go
    store.close()


def test_a_file_changed_too_recently_to_tell_is_not_trusted(db: Path) -> None:
    reader = SharedReader(db, timeout_s=20)
    os.utime(db)  # just now: a second write in the same timestamp tick would not show
    assert reader.data_version() != reader.data_version()
    os.utime(db, (time.time() - 10, time.time() - 10))
    assert reader.data_version() == reader.data_version()


@pytest.mark.parametrize(
    ("answer", "kept"),
    [(0, 3), ("x" * 1500, 2), ("x" * 5000, 1)],  # at most 3 answers, 4000 bytes
)
def test_kept_answers_are_bounded_in_number_and_in_text(
    db: Path, answer: object, kept: int
) -> None:
    store = SharedStore(SharedReader(db, timeout_s=20), memo_size=3, memo_bytes=4000)
    for key in range(10):
        store.memo(key, lambda: answer)
    assert list(store._memo) == list(range(10 - kept, 10))  # the most recent ones
    store.close()


# ---------------------------------------------------------------------- same answers


def _web_store() -> ModuleType:
    spec = importlib.util.spec_from_file_location("web_store", REPO / "bench" / "web_store.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """200 synthetic events over 20 towns, one event reported at two towns."""
    path: Path = _web_store().build(tmp_path_factory.mktemp("syn") / "syn.duckdb", 200)
    con = duckdb.connect(str(path))
    try:
        # An event at Town 4 joins one at Town 3: the same event, told at two places.
        town3 = con.execute("SELECT min(entity_id) FROM event_links "
                            "WHERE place_gid = 'geonames:900003'").fetchone()  # fmt: skip
        town4 = con.execute("SELECT min(event_id) FROM event_links "
                            "WHERE place_gid = 'geonames:900004'").fetchone()  # fmt: skip
        assert town3 and town4
        con.execute("UPDATE event_links SET entity_id = ? WHERE event_id = ?",
                    [town3[0], town4[0]])  # fmt: skip
    finally:
        con.close()
    return path


@pytest.mark.parametrize(("place", "other"), [("Town 3", "geonames:900004"),
                                              ("Town 4", "geonames:900003")])  # fmt: skip
def test_a_timeline_keeps_every_account_of_an_event_told_at_another_place_too(
    synthetic: Path, place: str, other: str
) -> None:
    timeline = Store(synthetic, read_only=True).timeline(place)
    assert timeline is not None
    merged = [e for e in timeline.entries if len(e.sources) == 2]
    assert len(merged) == 1
    docs = {s.doc_id for s in merged[0].sources}
    assert len(docs) == 2  # one account from each town's report
    assert all(s.evidence == "Report" for s in merged[0].sources)
    assert sum(len(e.sources) for e in timeline.entries) == 10 + 1


@pytest.mark.parametrize("radius_km", [None, 0.0, 300.0])
def test_plain_gives_what_to_dict_gives(synthetic: Path, radius_km: float | None) -> None:
    timeline = Store(synthetic, read_only=True).timeline("Town 3", radius_km=radius_km)
    assert timeline is not None and timeline.entries
    assert queries.plain(timeline) == to_dict(timeline) == timeline.to_dict()


@pytest.mark.parametrize("bucket", ["day", "week", "month"])
def test_histogram_counts_every_event_once(synthetic: Path, bucket: str) -> None:
    with queries.reader(synthetic) as con:
        buckets, undated = queries.histogram(con, queries.EventFilter(), bucket)
    assert sum(n for _, n in buckets) + undated == 200
    assert [b for b, _ in buckets] == sorted(b for b, _ in buckets)


@pytest.mark.parametrize("offset", [0, 7, 190, 400])
def test_event_pages_follow_one_order(synthetic: Path, offset: int) -> None:
    f = queries.EventFilter(types=("shelling", "airstrike"))
    with queries.reader(synthetic) as con:
        total, everything = queries.events(con, f, limit=1000, offset=0)
        _, page = queries.events(con, f, limit=10, offset=offset)
    assert total == len(everything)
    assert page == everything[offset : offset + 10]
    keys = [(e["date_start"] is None, e["date_start"] or "", e["id"]) for e in everything]
    assert keys == sorted(keys)
