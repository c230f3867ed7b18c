"""The driver's reorder buffer: rows finished in any order are released in run order."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from sitrep.scale.reorder import FILE_ROWS, RunOrderBuffer, end_marker, is_end_marker
from sitrep.scale.sources import list_inputs
from sitrep.settings import Settings


def rows_of(lengths: list[int]) -> list[dict[str, object]]:
    """The rows a run of files with these row counts gives (a marker for an empty file)."""
    rows: list[dict[str, object]] = []
    for file_seq, length in enumerate(lengths):
        if length == 0:
            rows.append(end_marker(file_seq, ("file_seq", "rec_seq", FILE_ROWS)))
        for rec_seq in range(length):
            last = rec_seq == length - 1
            rows.append({"file_seq": file_seq, "rec_seq": rec_seq,
                         FILE_ROWS: length if last else None})  # fmt: skip
    return rows


def released(buffer: RunOrderBuffer, rows: list[dict[str, object]]) -> list[tuple[int, int]]:
    out = [(r["file_seq"], r["rec_seq"]) for row in rows for r in buffer.add(row)]
    buffer.finish()
    return out  # type: ignore[return-value]


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("lengths", [[3], [1, 0, 2, 0, 0, 5], [0, 0], [8, 8, 1, 17], [2] * 30])
def test_rows_shuffled_by_the_cluster_are_released_in_run_order(
    lengths: list[int], seed: int
) -> None:
    rows = rows_of(lengths)
    expected = [(r["file_seq"], r["rec_seq"]) for r in rows if not is_end_marker(r)]
    random.Random(seed).shuffle(rows)
    assert released(RunOrderBuffer(len(lengths)), rows) == expected


def test_rows_arriving_in_order_are_released_at_once_and_nothing_is_held() -> None:
    buffer = RunOrderBuffer(2)
    for row in rows_of([3, 2]):
        assert buffer.add(row) == [row]
    assert (buffer.held, buffer.peak) == (0, 0)
    buffer.finish()


def test_a_later_row_waits_until_every_earlier_row_has_come() -> None:
    first, second, third = rows_of([2, 1])
    buffer = RunOrderBuffer(2)
    assert buffer.add(third) == []
    assert buffer.add(second) == []
    assert buffer.held == 2
    assert buffer.add(first) == [first, second, third]
    assert (buffer.held, buffer.peak) == (0, 2)


def test_a_file_is_not_done_before_its_last_row_says_how_many_rows_it_gave() -> None:
    """Without the count a reader of the driver could not tell a file's end from a gap."""
    rows = rows_of([3, 1])
    buffer = RunOrderBuffer(2)
    assert buffer.add(rows[0]) == [rows[0]]
    assert buffer.add(rows[1]) == [rows[1]]
    assert buffer.add(rows[3]) == []  # the next file's row waits for row 2 of file 0
    assert buffer.add(rows[2]) == [rows[2], rows[3]]


@pytest.mark.parametrize("lost", [0, 2, 4])
def test_a_run_with_a_lost_row_is_reported_incomplete(lost: int) -> None:
    rows = rows_of([2, 3])
    del rows[lost]
    buffer = RunOrderBuffer(2)
    for row in rows:
        buffer.add(row)
    with pytest.raises(ValueError, match="incomplete"):
        buffer.finish()


@pytest.mark.parametrize("again", [0, 2])
def test_a_row_delivered_twice_is_an_error_not_a_duplicate(again: int) -> None:
    rows = rows_of([1, 2])
    buffer = RunOrderBuffer(2)
    for row in rows:
        buffer.add(row)
    with pytest.raises(ValueError, match="twice"):
        buffer.add(rows[again])


def test_many_files_reorder_in_linear_work() -> None:
    """100k rows in reverse order: each is stored and released once (a quadratic scan
    of the waiting rows would take minutes here)."""
    rows = rows_of([1] * 100_000)
    buffer = RunOrderBuffer(100_000)
    out = [r for row in reversed(rows) for r in buffer.add(row)]
    buffer.finish()
    assert out == rows
    assert buffer.peak == 99_999


def test_a_files_last_row_says_how_many_rows_it_gave_and_an_empty_file_gives_a_marker(
    tmp_path: Path,
) -> None:
    from sitrep.scale.ray_engine import file_rows

    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "One."}\n{broken\n{"text": "Three."}\n', encoding="utf-8")
    (tmp_path / "empty.jsonl").write_text("\n", encoding="utf-8")
    feed_item, empty_item = list_inputs([feed, tmp_path / "empty.jsonl"])
    rows = list(file_rows(feed_item, Settings()))
    assert [(r["rec_seq"], r[FILE_ROWS]) for r in rows] == [(0, None), (1, None), (2, 3)]
    assert rows[1]["failure"]  # a bad line is a row too: it counts
    (marker,) = file_rows(empty_item, Settings())
    assert is_end_marker(marker)
    assert (marker["file_seq"], marker[FILE_ROWS], marker["text"]) == (1, 0, None)
