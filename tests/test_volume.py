"""The volume benchmark's parts: the synthetic corpus and the process-tree memory probe."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from sitrep.ingest.document import RawDocument
from sitrep.stages.pipeline import annotate
from synthetic import Template, fill, report_templates, reports, write_corpus
from volume import growth_kb_per_report, tree_memory_mb

TEMPLATES = [
    Template(("", " said ", " people were killed in ", " on ", "."),
             (("person", "Iryna Melnyk"), ("figure", "12"), ("place", "Kherson"),
              ("date", "Monday"))),
    Template(("Rescuers searched the rubble in ", " for a third day."),
             (("place", "Derna"),)),
]  # fmt: skip


def test_the_same_seed_writes_the_same_corpus_and_another_seed_does_not(tmp_path: Path) -> None:
    paths = [tmp_path / name for name in ("a.jsonl", "b.jsonl", "c.jsonl")]
    for path, seed in zip(paths, (7, 7, 8), strict=True):
        write_corpus(path, 20, TEMPLATES, seed)
    a, b, c = (p.read_bytes() for p in paths)
    assert a == b
    assert a != c


def test_every_report_is_distinct_dated_and_filled_with_new_values(tmp_path: Path) -> None:
    records = list(reports(200, TEMPLATES))
    assert len({r["text"] for r in records}) == len(records)
    assert all(r["date"][:2] == "20" and r["text"].endswith("\n") for r in records)
    filled = " ".join(r["text"] for r in records)
    assert "Iryna Melnyk" not in filled and "Kherson" not in filled


@pytest.mark.parametrize(
    ("kind", "original", "check"),
    [
        ("person", "Iryna Melnyk", lambda v: len(v.split()) == 2),
        ("person", "Melnyk", lambda v: len(v.split()) == 1),
        ("figure", "12", str.isdigit),
        ("date", "Monday", lambda v: v[0].isdigit() or v[0].isupper()),
    ],
)
def test_a_slot_is_replaced_by_a_value_of_its_kind(kind, original, check) -> None:  # type: ignore[no-untyped-def]
    import random
    from datetime import date

    template = Template(("<", ">"), ((kind, original),))
    for seed in range(20):
        value = fill(template, random.Random(seed), ["Sumy"], date(2024, 5, 1))[1:-1]
        assert check(value), (kind, value)


def test_the_corpus_is_written_one_line_per_report(tmp_path: Path) -> None:
    size = write_corpus(tmp_path / "c.jsonl", 50, TEMPLATES)
    lines = (tmp_path / "c.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 50
    assert size == (tmp_path / "c.jsonl").stat().st_size
    assert all(set(json.loads(line)) == {"text", "title", "date", "url"} for line in lines)


def test_templates_keep_the_words_and_slot_the_people_places_and_figures(resources) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Shelling hit Kherson on Monday, killing 12 people, officials said. "
        "Iryna Melnyk, a volunteer, said the water was rising fast in Kherson."
    )
    report = annotate(RawDocument(text=text, origin="t"), resources)
    templates = list(report_templates(report))
    kinds = {kind for t in templates for kind, _ in t.slots}
    assert {"place", "figure", "person"} <= kinds
    assert any("Shelling hit " in t.pieces[0] for t in templates)


def test_the_memory_probe_counts_child_processes(tmp_path: Path) -> None:
    grow = "x = b'x' * 200_000_000; import time; time.sleep(30)"  # pages written: resident
    alone = tree_memory_mb(os.getpid())
    child = subprocess.Popen([sys.executable, "-c", grow])
    try:
        for _ in range(100):  # the child needs a moment to allocate and touch its memory
            with_child = tree_memory_mb(os.getpid())
            if with_child > alone + 150:
                break
            time.sleep(0.1)
        assert with_child > alone + 150
    finally:
        child.kill()
        child.wait()


@pytest.mark.parametrize(
    "peaks, expected",
    [
        # (reports stored, running peak MB): flat after start-up -> no growth
        ([(100, 400.0), (1000, 520.0), (2000, 560.0), (3000, 560.0), (4000, 560.0)], 0.0),
        # 17 KB per report all the way: the slope of the second half says so
        ([(n, 400.0 + 0.017 * n) for n in range(0, 10_001, 1000)], 17.0),
    ],
    ids=["flat", "linear"],
)
def test_memory_growth_is_read_off_the_second_half_of_the_run(
    peaks: list[tuple[int, float]], expected: float
) -> None:
    points = [(float(i), n, mb, mb) for i, (n, mb) in enumerate(peaks)]
    assert growth_kb_per_report(points) == pytest.approx(expected, abs=0.01)


def test_no_growth_is_read_off_too_few_points() -> None:
    assert growth_kb_per_report([]) is None
    assert growth_kb_per_report([(1.0, 10, 400.0, 400.0)]) is None


def test_the_writers_memory_is_summarised_by_part_of_the_run_and_by_state() -> None:
    from volume import writer_memory_summary

    def sample(reports: int, rss: float, writing: bool) -> dict[str, float]:
        parts = {"jemalloc_resident": 1.0, "glibc_arenas": 2.0, "glibc_in_use": 3.0}
        threads = 13 if writing else 4
        return {"reports": reports, "rss": rss, "glibc_free": 4.0, "threads": threads, **parts}

    samples = [sample(r, 400 + r / 100, True) for r in (0, 250, 500, 750)]
    samples += [sample(r, 350.0, False) for r in (125, 375, 625, 875, 1000)]
    summary = writer_memory_summary(samples, tenths=2)
    assert summary["writing"]["rss"] == [401.2, 406.2]  # medians of 0,250 and 500,750
    assert summary["between"]["rss"] == [350.0, 350.0]
    assert summary["largest_rss"] == 407.5
    first_half = writer_memory_summary(samples, tenths=1, upto=500)
    assert first_half["writing"]["rss"] == [401.2]
