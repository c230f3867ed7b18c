"""Exact copies: the same text from another outlet is a source of the story, not evidence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.engine import ingest
from sitrep.settings import Settings
from sitrep.store import Store
from sitrep.store.copies import COPY_FLAG

TEXT = (
    "Shelling hit Kharkiv on Monday, killing 3 people, officials said.\n\n"
    '"We counted 12 damaged homes," said Iryna Melnyk, a 41-year-old volunteer.\n'
)


def write_jsonl(path: Path, outlets: list[tuple[str, str]], text: str = TEXT) -> Path:
    path.write_text(
        "".join(
            json.dumps({"text": text, "url": url, "title": f"{outlet} report", "outlet": outlet})
            + "\n"
            for outlet, url in outlets
        ),
        encoding="utf-8",
    )
    return path


@pytest.fixture
def three_outlets(tmp_path: Path) -> Path:
    return write_jsonl(
        tmp_path / "wire.jsonl",
        [("Wire", "https://wire.example/a"), ("Daily", "https://daily.example/b"),
         ("Herald", "https://herald.example/c")],
    )  # fmt: skip


def test_an_identical_text_from_other_outlets_joins_the_story_as_exact_copies(
    tmp_path: Path, three_outlets: Path, resources  # type: ignore[no-untyped-def]
) -> None:
    store = Store(tmp_path / "s.duckdb")
    summary = ingest([three_outlets], store, Settings(), resources=resources)
    assert (summary.added, summary.copies, summary.skipped) == (3, 2, 0)
    (story,) = store.stories()
    assert story.size == 3
    assert sorted(m.url for m in story.members) == [
        "https://daily.example/b", "https://herald.example/c", "https://wire.example/a"
    ]  # fmt: skip
    copies = [m for m in story.members if m.reason == "exact"]
    assert len(copies) == 2
    assert {m.matched_doc for m in copies} == {story.original}
    assert {m.title for m in copies} == {"Daily report", "Herald report"}


def test_an_exact_copy_adds_no_evidence_and_is_not_annotated(
    tmp_path: Path, three_outlets: Path, resources  # type: ignore[no-untyped-def]
) -> None:
    alone = write_jsonl(tmp_path / "alone.jsonl", [("Wire", "https://wire.example/a")])
    one, three = Store(tmp_path / "one.duckdb"), Store(tmp_path / "three.duckdb")
    ingest([alone], one, Settings(), resources=resources)
    ingest([three_outlets], three, Settings(), resources=resources)
    evidence = ("places", "people", "quotes", "figures", "events", "times", "organizations")
    assert {k: three.counts()[k] for k in evidence} == {k: one.counts()[k] for k in evidence}
    assert one.counts()["people"] > 0
    copies = [d for d in three.documents() if COPY_FLAG in d.flags]
    assert len(copies) == 2
    assert all((d.places, d.people, d.quotes, d.events) == (0, 0, 0, 0) for d in copies)
    for doc in copies:
        report = three.report(doc.id)
        assert report is not None and report.text == (three.report(copies[0].id) or report).text
        assert report.people == () and report.source.outlet in {"Daily", "Herald"}


@pytest.mark.parametrize("batch_size", [1, 32])  # copies in the original's batch or later
def test_rereading_the_copies_stores_nothing_twice(
    tmp_path: Path, three_outlets: Path, resources, batch_size: int  # type: ignore[no-untyped-def]
) -> None:
    store = Store(tmp_path / "s.duckdb")
    first = ingest([three_outlets], store, Settings(), resources=resources, batch_size=batch_size)
    assert (first.added, first.copies) == (3, 2)
    again = ingest([three_outlets], store, Settings(), resources=resources, batch_size=batch_size)
    assert (again.added, again.copies, again.skipped) == (0, 0, 3)
    assert store.counts()["documents"] == 3
    assert [s.size for s in store.stories()] == [3]


def test_a_copy_in_a_later_run_joins_the_stored_original(
    tmp_path: Path, resources  # type: ignore[no-untyped-def]
) -> None:
    store = Store(tmp_path / "s.duckdb")
    first = write_jsonl(tmp_path / "first.jsonl", [("Wire", "https://wire.example/a")])
    later = write_jsonl(tmp_path / "later.jsonl", [("Daily", "https://daily.example/b")])
    ingest([first], store, Settings(), resources=resources)
    summary = ingest([later], store, Settings(), resources=resources)
    assert (summary.added, summary.copies) == (1, 1)
    (story,) = store.stories()
    assert [m.reason for m in story.members] == ["first", "exact"]


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["a.txt", "b.txt"], (2, 1)),  # two files, two sources
        (["a.txt"], (1, 0)),
    ],
)
def test_identical_files_at_two_paths_are_two_sources(
    tmp_path: Path, resources, names: list[str], expected: tuple[int, int]  # type: ignore[no-untyped-def]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in names:
        (folder / name).write_text(TEXT, encoding="utf-8")
    store = Store(tmp_path / "s.duckdb")
    summary = ingest([folder], store, Settings(), resources=resources)
    assert (summary.added, summary.copies) == expected
    assert store.counts()["documents"] == expected[0]


def test_an_undated_exact_copy_of_a_dated_original_is_dated_from_it(
    tmp_path: Path, resources  # type: ignore[no-untyped-def]
) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"text": TEXT, "url": "https://wire.example/a", "published": "2024-06-02"})
        + "\n"
        + json.dumps({"text": TEXT, "url": "https://daily.example/b"})
        + "\n",
        encoding="utf-8",
    )
    store = Store(tmp_path / "s.duckdb")
    ingest([feed], store, Settings(), resources=resources)
    (copy,) = [d for d in store.documents() if d.url == "https://daily.example/b"]
    report = store.report(copy.id)
    assert report is not None and report.published.basis == "corpus"
    assert report.published.window is not None and report.published.window[0] == "2024-06-02"
    (story,) = store.stories()
    assert story.original != copy.id
