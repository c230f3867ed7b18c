"""`sitrep eval corpus`: the perturbations, the pairwise scoring and the command, on tiny
synthetic texts written here (the real harness data stays in ../shared/eval)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.evaluation.corpus import Item, build_corpus, evaluate, load_polnear, score
from sitrep.evaluation.corpus_perturb import PERTURBATIONS, SYNONYMS, other_facts, truncate

runner = CliRunner()

TEXTS = [
    ("floods",
     "Heavy rains flooded the city of Dadu on Tuesday, officials said. At least 38 people "
     "were killed and thousands fled their homes as the river burst its banks.\n\n"
     "Rescue teams used boats to reach villages cut off by the water, the provincial "
     "government said. Doctors warned of disease in the crowded camps.\n\n"
     '"We lost everything in one night," said Rasheed, a 40-year-old farmer.'),
    ("aid",
     "Eleven trucks carrying food and medicine reached El Fasher on Friday after weeks of "
     "fighting closed the roads, the World Food Programme said.\n\n"
     "Aid workers said more than 800,000 people in the area need help. The convoy left Port "
     "Sudan ten days ago.\n\n"
     '"It is a drop in the ocean," said Amina Hassan, a deputy director of the agency.'),
    ("quake",
     "Rebuilding in Antakya has barely begun a year after the earthquake that killed more "
     "than 50,000 people in Turkey and Syria.\n\n"
     "Over 60 percent of the buildings in the old town were destroyed. Residents live in "
     "containers on the edge of the city.\n\n"
     '"Our street is gone," said Mehmet, a 52-year-old shopkeeper.'),
]  # fmt: skip


@pytest.mark.parametrize("kind", sorted(PERTURBATIONS))
def test_every_perturbation_changes_the_text_reproducibly(kind: str) -> None:
    text = TEXTS[0][1]
    first = PERTURBATIONS[kind](text, random.Random(5))
    assert first != text
    assert first == PERTURBATIONS[kind](text, random.Random(5))


def test_synonym_swaps_keep_capitals_and_come_from_the_documented_table() -> None:
    swapped = PERTURBATIONS["synonyms"]("People said the city was destroyed.", random.Random(0))
    assert swapped[0].isupper()
    assert all(word in SYNONYMS for word in ("people", "said", "city", "destroyed"))


def test_truncation_keeps_the_first_paragraphs() -> None:
    text = "\n\n".join(f"Paragraph {i} says something." for i in range(10))
    assert truncate(text, random.Random(0)) == "\n\n".join(
        f"Paragraph {i} says something." for i in range(6)
    )


def test_pairwise_scores_count_false_merges_and_misses() -> None:
    items = [
        Item("a", "", "2024-01-01", "a", None), Item("a~x", "", None, "a", "synonyms"),
        Item("b", "", "2024-01-03", "b", None), Item("b~x", "", None, "b", "reorder"),
    ]  # fmt: skip
    result = score(items, {"a": "1", "a~x": "1", "b": "1", "b~x": "2"})
    assert (result.pairs.tp, result.pairs.fp, result.pairs.fn) == (1, 2, 1)
    assert result.recall_by_perturbation == {"reorder": (0, 1), "synonyms": (1, 1)}
    assert result.same_week_pairs == 1 and result.same_week_false_merges == 1


def test_copies_join_their_originals_and_distinct_texts_stay_apart() -> None:
    originals = [(name, text, f"2024-01-0{i + 1}") for i, (name, text) in enumerate(TEXTS)]
    result = evaluate(build_corpus(originals, copies=4, seed=1))
    metrics = result.metrics()
    assert metrics["f1"] == 1.0 and metrics["false_merges"] == 0
    assert metrics["same_week_distinct_pairs"] == 3 and metrics["same_week_false_merges"] == 0
    assert metrics["ms_per_report"] > 0


def test_an_other_facts_twin_keeps_the_words_and_changes_every_name_and_number() -> None:
    text = "At least 38 people were killed in Dadu on Tuesday, Governor Ali Shah said."
    twin = other_facts(text, random.Random(2))
    assert twin != text and twin == other_facts(text, random.Random(2))
    for fact in ("38", "Dadu", "Tuesday", "Governor", "Ali", "Shah"):
        assert fact not in twin
    assert twin.startswith("At least ") and " people were killed in " in twin


def test_twins_are_stories_of_their_own_and_merging_one_is_counted() -> None:
    items = [
        Item("a", "", "2024-01-01", "a", None),
        Item("a#other-facts", "", "2024-01-01", "a#other-facts", "other_facts"),
        Item("b", "", "2024-01-02", "b", None),
        Item("b#other-facts", "", "2024-01-02", "b#other-facts", "other_facts"),
    ]  # fmt: skip
    result = score(items, {"a": "1", "a#other-facts": "1", "b": "2", "b#other-facts": "3"})
    assert result.originals == 2
    assert (result.twins, result.twin_false_merges) == (2, 1)
    assert result.metrics()["twin_false_merges"] == 1 and result.pairs.fp == 1


def test_build_corpus_adds_one_twin_per_original_only_when_asked() -> None:
    originals = [(name, text, "2024-01-01") for name, text in TEXTS]
    assert not any(
        i.perturbation == "other_facts" for i in build_corpus(originals, copies=1, seed=0)
    )
    with_twins = build_corpus(originals, copies=1, seed=0, twins=True)
    twins = [i for i in with_twins if i.perturbation == "other_facts"]
    assert sorted(i.gold_story for i in twins) == sorted(f"{n}#other-facts" for n, _ in TEXTS)


def write_polnear(root: Path) -> Path:
    folder = root / "quotes" / "PolNeAR" / "dev" / "text"
    folder.mkdir(parents=True)
    rows = ["compartment\tfilename\tpublication_date"]
    for i, (name, text) in enumerate(TEXTS):
        (folder / f"{name}.txt").write_text(text * 2, encoding="utf-8")
        rows.append(f"dev\t{name}\t2024-02-0{i + 1}")
    (root / "quotes" / "PolNeAR" / "metadata.tsv").write_text("\n".join(rows), encoding="utf-8")
    return root


def test_polnear_texts_are_read_with_their_publication_dates(tmp_path: Path) -> None:
    loaded = load_polnear(write_polnear(tmp_path), "dev")
    assert [(name, published) for name, _, published in loaded] == [
        ("aid", "2024-02-02"),
        ("floods", "2024-02-01"),
        ("quake", "2024-02-03"),
    ]


def test_eval_corpus_command_ends_with_one_json_line(tmp_path: Path) -> None:
    from sitrep.cli import app

    result = runner.invoke(
        app, ["eval", "corpus", "--data", str(write_polnear(tmp_path)), "--split", "dev"]
    )
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.stdout.strip().splitlines()[-1])
    assert metrics["originals"] == 3 and metrics["f1"] == 1.0


@pytest.mark.parametrize(
    ("args", "message"), [(["--split", "nope"], "--split"), ([], "no PolNeAR")]
)
def test_eval_corpus_refuses_bad_usage(tmp_path: Path, args: list[str], message: str) -> None:
    from sitrep.cli import app

    result = runner.invoke(app, ["eval", "corpus", "--data", str(tmp_path), *args])
    assert result.exit_code == 2
    assert message in result.output


def test_republished_source_articles_are_adjudicated_as_one_story() -> None:
    # The source corpus files one article twice under two names: grouping them is right.
    name, text = TEXTS[0]
    originals = [(name, text, "2024-01-01"), (f"{name}-again", text + " Updated.", "2024-01-02"),
                 (TEXTS[1][0], TEXTS[1][1], "2024-01-02")]  # fmt: skip
    metrics = evaluate(build_corpus(originals, copies=2, seed=3)).metrics()
    assert metrics["republications_in_source"] == 1
    assert metrics["raw_precision"] < 1.0 and metrics["f1"] == 1.0
