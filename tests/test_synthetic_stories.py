"""The synthetic corpus comes in many stories of a power-law size, not one chained story:
reports of a story share most of its sentences, stories share none of their values, and
the store's linker finds about the stories the generator meant (no model: reports are
built from the generated text and written through ``Store.write_batch``)."""

from __future__ import annotations

import random
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import synthetic
from sitrep.ingest.document import RawDocument
from sitrep.records import Published, Report, Source, content_id
from sitrep.store import Store
from synthetic import Template, reports, size_distribution, story_size, write_corpus

VOCABULARY = re.findall(
    r"\w+",
    "officials said the convoy reached town after weeks of fighting near river bridge "
    "residents fled shelling overnight while rescuers searched rubble for survivors "
    "hospital reported wounded civilians power cut water supply damaged governor warned",
)


def templates(count: int = 40, seed: int = 1) -> list[Template]:
    """Sentences of distinct words with a person, a place and a figure in each."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        words = [" ".join(rng.choices(VOCABULARY, k=rng.randint(4, 7))) for _ in range(4)]
        out.append(
            Template(
                (words[0].capitalize() + " ", " in ", " as ", " " + words[3] + "."),
                (("person", "Iryna Melnyk"), ("place", "Kherson"), ("figure", "12")),
            )
        )
    return out


TEMPLATES = templates()


def test_story_sizes_follow_a_capped_power_law() -> None:
    rng = random.Random(3)
    sizes = Counter(story_size(rng) for _ in range(20_000))
    assert max(sizes) == synthetic.MAX_STORY  # the cap is reached, never passed
    assert sizes[1] > 0.4 * 20_000  # most stories are a single report
    assert sum(c for s, c in sizes.items() if s >= 20) > 100  # and some are large


def test_the_intended_sizes_add_up_to_the_reports_written(tmp_path: Path) -> None:
    sizes: Counter[int] = Counter()
    write_corpus(tmp_path / "c.jsonl", 500, TEMPLATES, 5, sizes=sizes)
    assert sum(size * count for size, count in sizes.items()) == 500
    distribution = size_distribution(sizes)
    assert distribution["stories"] > 50
    assert distribution["largest"] <= synthetic.MAX_STORY


@pytest.mark.parametrize("mode", ["stories", "recombine"])
def test_each_mode_is_deterministic_by_seed(tmp_path: Path, mode: str) -> None:
    paths = [tmp_path / f"{n}.jsonl" for n in range(3)]
    for path, seed in zip(paths, (4, 4, 5), strict=True):
        write_corpus(path, 60, TEMPLATES, seed, mode=mode)
    a, b, c = (p.read_bytes() for p in paths)
    assert a == b and a != c


def test_an_unknown_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown mode"):
        next(reports(1, TEMPLATES, mode="chain"))


def test_at_most_the_active_stories_are_held_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    held: list[int] = []
    new_story = synthetic._new_story

    def counted(
        rng: random.Random, templates: list[Template], places: list[str]
    ) -> synthetic._Story:
        story = new_story(rng, templates, places)
        held.append(1)
        return story

    monkeypatch.setattr(synthetic, "_new_story", counted)
    monkeypatch.setattr(synthetic, "ACTIVE_STORIES", 5)
    sizes: Counter[int] = Counter()
    for _ in reports(400, TEMPLATES, 2, sizes=sizes):
        # Stories started minus stories ended: what the generator holds.
        assert len(held) - sum(sizes.values()) <= 5


def as_report(record: dict[str, str], n: int) -> tuple[RawDocument, Report]:
    text = record["text"]
    report = Report(
        id=content_id(text), source=Source(path=f"synthetic/{n}.txt"), language="en",
        published=Published(date=record["date"], basis="metadata"), text=text,
    )  # fmt: skip
    return RawDocument(text=text, origin=f"synthetic/{n}.txt"), report


def test_the_linker_finds_about_the_stories_the_generator_meant(tmp_path: Path) -> None:
    sizes: Counter[int] = Counter()
    items = [as_report(r, n) for n, r in enumerate(reports(400, TEMPLATES, 8, sizes=sizes))]
    store = Store(tmp_path / "s.duckdb")
    with store.holding():
        run = store.begin_run({"test": "synthetic stories"})
        for start in range(0, len(items), 32):
            store.write_batch(items[start : start + 32], [], run)
    found = store._rows("SELECT count(*) FROM story_members GROUP BY story_id")
    found_sizes = sorted(int(n) for (n,) in found)
    meant = size_distribution(sizes)
    # The reports of a story link (not one story each), stories do not chain into one:
    # about as many stories as meant, none much larger than the largest meant.
    assert 0.8 * meant["stories"] <= len(found_sizes) <= 1.2 * meant["stories"]
    assert found_sizes[-1] <= 1.5 * meant["largest"]
