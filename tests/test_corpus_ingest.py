"""The cross-document stage end to end: the seeds and the examples ingested with the real
pipeline into a DuckDB file, then queried through the store and the command line."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from sitrep.evaluation.corpus_perturb import reorder, synonyms
from sitrep.records import content_id
from sitrep.settings import Settings
from sitrep.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"
KUPIANSK_A = EXAMPLES / "kupiansk_strike_a.txt"
runner = CliRunner()


@pytest.fixture(scope="module")
def corpus(
    tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path, resources: Any
) -> tuple[Store, Path, str]:
    """Seeds, examples, and a spun copy of an example written here, in one store."""
    from sitrep.engine import ingest

    if not EXAMPLES.is_dir():
        pytest.skip("examples/articles not found")
    folder = tmp_path_factory.mktemp("corpus")
    rng = random.Random(11)
    # A spinner's copy: synonyms swapped, clauses and sentences reordered.
    spun = reorder(synonyms(KUPIANSK_A.read_text(encoding="utf-8"), rng), rng)
    spun_path = folder / "spun_copy.txt"
    spun_path.write_text(spun, encoding="utf-8")
    db = folder / "corpus.duckdb"
    store = Store(db)
    summary = ingest([seeds_dir, EXAMPLES, spun_path], store, Settings(), resources=resources)
    assert summary.failed == 0
    return store, db, spun


def doc_id_of(store: Store, path: Path) -> str:
    (doc,) = [d for d in store.documents() if d.path and d.path.endswith(path.name)]
    return doc.id


def test_spun_copy_joins_its_originals_story_and_same_town_report_does_not(
    corpus: tuple[Store, Path, str],
) -> None:
    store, _, _ = corpus
    original = doc_id_of(store, KUPIANSK_A)
    spun = doc_id_of(store, Path("spun_copy.txt"))
    other_report = doc_id_of(store, EXAMPLES / "kupiansk_strike_b.txt")
    story = store.story(original)
    assert story is not None
    assert {m.doc_id for m in story.members} == {original, spun}
    other = store.story(other_report)
    assert other is not None and other.size == 1


def test_izyum_is_one_place_with_mentions_from_both_seeds(
    corpus: tuple[Store, Path, str],
) -> None:
    store, _, _ = corpus
    izyum = [p for p in store.places() if p.gazetteer_id == "geonames:707292"]
    assert len(izyum) == 1 and izyum[0].documents == 2


def test_the_two_anastasias_are_two_people(corpus: tuple[Store, Path, str]) -> None:
    store, _, _ = corpus
    people = store.person("Anastasia")
    assert len(people) == 2
    assert {p.ages for p in people} == {(26,), (21,)}
    assert all(len(p.records) == 1 and p.records[0].matched_id is None for p in people)


def test_timeline_of_izyum_runs_in_date_order_from_2022_to_the_winter_returns(
    corpus: tuple[Store, Path, str],
) -> None:
    store, _, _ = corpus
    timeline = store.timeline("Izyum")
    assert timeline is not None
    dated = [e.date for e in timeline.entries if e.date]
    assert dated == sorted(dated)
    assert dated[0].startswith("2022")
    assert any(e.what == "recapture" and e.date == "2022-09-01" for e in timeline.entries)
    returns = [e for e in timeline.entries if e.what == "returned"]
    assert returns and returns[0].date == "2023-12-01"
    assert {s.doc_id for e in timeline.entries for s in e.sources} >= {
        content_id_of_seed(store, "000"), content_id_of_seed(store, "003")
    }


def content_id_of_seed(store: Store, prefix: str) -> str:
    (doc,) = [d for d in store.documents() if d.path and Path(d.path).name.startswith(prefix)]
    return doc.id


def test_the_kupiansk_strike_is_one_event_with_12_and_14_killed(
    corpus: tuple[Store, Path, str],
) -> None:
    store, _, _ = corpus
    timeline = store.timeline("Kupiansk")
    assert timeline is not None
    merged = [e for e in timeline.entries if e.kind == "event" and 12 in e.killed]
    assert len(merged) == 1 and merged[0].killed == (12, 14) and merged[0].discrepancy
    # The spun copy is a source of the same event but not independent evidence.
    assert merged[0].independent_sources == 2


@pytest.mark.parametrize(
    "args",
    [
        ["timeline", "Izyum", "--json"],
        ["timeline", "Izium", "--radius", "50", "--json"],
        ["person", "Anastasia", "--json"],
        ["stories", "--json"],
        ["stories", "--min-size", "2", "--json"],
    ],
)
def test_corpus_commands_print_stable_json(
    corpus: tuple[Store, Path, str], args: list[str]
) -> None:
    from sitrep.cli import app

    _, db, _ = corpus
    first = runner.invoke(app, [*args, "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)
    second = runner.invoke(app, [*args, "--db", str(db)])
    assert second.stdout == first.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["timeline", "Atlantis"], "no stored report names"),
        (["story", "ffffffff"], "no story or report"),
        (["unmerge", "nothing:H1"], "no person record"),
    ],
)
def test_corpus_commands_fail_with_a_clear_message(
    corpus: tuple[Store, Path, str], args: list[str], message: str
) -> None:
    from sitrep.cli import app

    _, db, _ = corpus
    result = runner.invoke(app, [*args, "--db", str(db)])
    assert result.exit_code == 2
    assert message in result.output


def test_story_command_shows_the_original_first(corpus: tuple[Store, Path, str]) -> None:
    from sitrep.cli import app

    _, db, spun = corpus
    result = runner.invoke(app, ["story", content_id(spun)[:10], "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    story = json.loads(result.stdout)
    assert story["size"] == 2 and story["members"][0]["original"] is True
    assert {m["reason"] for m in story["members"][1:]} <= {"near-duplicate", "spun"}
