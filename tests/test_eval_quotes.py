"""``sitrep eval quotes``: reading PolNeAR's brat files and scoring quotes against them.

The harness logic runs on tiny synthetic files; the one run on the real corpus is slow
and skips when ``/work/shared`` is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.evaluation.quotes import PredictedQuote, normalized, score_article
from sitrep.evaluation.quotes_polnear import (
    GoldQuote,
    choose_annotators,
    is_direct,
    parse_ann,
    read_split,
)

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "eval" / "quotes" / "PolNeAR"

TEXT = (
    "“We will win,” the mayor said, “and we will rebuild.”\n"
    "The governor said the bridge was closed.\n"
)
MAYOR = (TEXT.index("the mayor"), TEXT.index("the mayor") + len("the mayor"))
GOVERNOR = (TEXT.index("The governor"), TEXT.index("The governor") + len("The governor"))


def ann_line(tid: str, label: str, start: int, end: int) -> str:
    return f"{tid}\t{label} {start} {end}\t{TEXT[start:end]}"


def at(phrase: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def gold_ann() -> str:
    first, second = at("“We will win,”"), at("“and we will rebuild.”")
    said, closed = at("said"), at("the bridge was closed")
    gov_said = (TEXT.index("said", GOVERNOR[1]), TEXT.index("said", GOVERNOR[1]) + 4)
    return "\n".join([
        f"T1\tContent {first[0]} {first[1]};{second[0]} {second[1]}\tboth pieces",
        ann_line("T2", "Source", *MAYOR),
        ann_line("T3", "Cue", *said),
        ann_line("T4", "Attribution", *said),
        "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2",
        ann_line("T5", "Content", *closed),
        ann_line("T6", "Cue", *gov_said),
        ann_line("T7", "Source", *GOVERNOR),
        ann_line("T8", "Attribution", *gov_said),
        "E2\tAttribution:T8 Cue:T6 Source:T7 Content:T5",
        "#1\tAnnotatorNotes T5\ta note the reader skips",
    ])  # fmt: skip


# --------------------------------------------------------------------------- reading


def test_split_content_gives_one_gold_quote_per_piece() -> None:
    quotes = parse_ann(gold_ann(), TEXT)
    assert [TEXT[q.content[0] : q.content[1]] for q in quotes] == [
        "“We will win,”",
        "“and we will rebuild.”",
        "the bridge was closed",
    ]
    assert [q.direct for q in quotes] == [True, True, False]
    assert quotes[0].sources == quotes[1].sources == (MAYOR,)
    assert quotes[2].sources == (GOVERNOR,)


@pytest.mark.parametrize(
    ("text", "content", "direct"),
    [
        ("“Peace and quiet,” she said.", "“Peace and quiet,”", True),
        ("''Hopefully,'' the president said.", "''Hopefully,''", True),
        ('"It is over." Then silence.', '"It is over."', True),
        ("Clinton “is dogged,” the paper wrote.", "Clinton “is dogged,”", False),
        ("“We are not blind” to flaws, she wrote.", "“We are not blind” to flaws", False),
        ("He said the bridge was closed.", "the bridge was closed", False),
    ],
)
def test_direct_means_the_content_is_all_inside_quotation_marks(
    text: str, content: str, direct: bool
) -> None:
    assert is_direct(text, at(content, text)) is direct


def test_a_quotation_paragraph_left_open_is_direct() -> None:
    text = "“We recognize the flaws. They are real.\n“We are not blind,” it wrote."
    assert is_direct(text, (0, text.index("\n")))


def test_an_article_annotated_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a_zed.ann").write_text("", encoding="utf-8")
    (tmp_path / "a_abe.ann").write_text("", encoding="utf-8")
    (tmp_path / "b_x_y_k2.ann").write_text("", encoding="utf-8")
    chosen = choose_annotators(tmp_path)
    assert {name: annotator for name, (_, annotator) in chosen.items()} == {
        "a": "abe",
        "b_x_y": "k2",
    }


def write_split(root: Path, names: list[str]) -> None:
    for name in names:
        (root / "dev" / "text").mkdir(parents=True, exist_ok=True)
        (root / "dev" / "attributions").mkdir(parents=True, exist_ok=True)
        (root / "dev" / "text" / f"{name}.txt").write_text(TEXT, encoding="utf-8")
        (root / "dev" / "attributions" / f"{name}_ann1.ann").write_text(
            gold_ann(), encoding="utf-8"
        )


def test_read_split_keeps_name_order_and_limit(tmp_path: Path) -> None:
    write_split(tmp_path, ["b", "a", "c"])
    articles = read_split(tmp_path, "dev", limit=2)
    assert [a.name for a in articles] == ["a", "b"]
    assert len(articles[0].quotes) == 3


def test_a_missing_split_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="text/ and attributions/"):
        read_split(tmp_path, "test")


# --------------------------------------------------------------------------- scoring


def gold() -> list[GoldQuote]:
    return parse_ann(gold_ann(), TEXT)


def words_of(phrase: str) -> tuple[int, int]:
    """The words of a quotation without its marks and the comma inside them."""
    return normalized(TEXT, at(phrase))


@pytest.mark.parametrize(
    "content",
    [at("“We will win,”"), words_of("“We will win,”"), at("We will win")],
)
def test_exact_match_ignores_quotation_marks_and_edge_commas(content: tuple[int, int]) -> None:
    predicted = [PredictedQuote(content, True, (MAYOR,), at("said"))]
    score = score_article(TEXT, gold(), predicted).subsets["direct"]
    assert (score.content.tp, score.content.fp, score.content.fn) == (1, 0, 1)


def test_token_overlap_gives_partial_credit_for_a_partial_clause() -> None:
    predicted = [PredictedQuote(at("bridge was closed"), False, (GOVERNOR,))]
    score = score_article(TEXT, gold(), predicted).subsets["all"]
    assert score.content.tp == 0
    assert score.overlap.tp == 3
    assert score.overlap.fp == 0
    assert score.overlap.fn == 8  # We will win and we will rebuild the


@pytest.mark.parametrize(
    ("speakers", "right"),
    [
        ((MAYOR,), True),
        ((at("mayor"),), True),
        ((GOVERNOR,), False),
        ((), False),
    ],
)
def test_speaker_is_right_when_a_speaker_mention_overlaps_the_gold_source(
    speakers: tuple[tuple[int, int], ...], right: bool
) -> None:
    predicted = [PredictedQuote(words_of("“We will win,”"), True, speakers)]
    score = score_article(TEXT, gold(), predicted).subsets["direct"]
    assert (score.speaker.correct, score.speaker.total) == (int(right), 1)


def test_a_quoted_phrase_inside_an_indirect_attribution_is_not_held_against_direct() -> None:
    text = "Clinton “is dogged and smart,” the paper wrote.\n"
    content = at("Clinton “is dogged and smart,”", text)
    ann = f"T1\tContent {content[0]} {content[1]}\tx\nE1\tAttribution:T2 Content:T1\n"
    predicted = [PredictedQuote(at("is dogged and smart", text), True)]
    score = score_article(text, parse_ann(ann, text), predicted)
    assert score.subsets["direct"].content.fp == 0
    assert score.subsets["direct"].ignored == 1
    assert score.subsets["all"].content.fp == 1


def test_cues_match_by_overlap_once_each() -> None:
    predicted = [
        PredictedQuote(words_of("“We will win,”"), True, (MAYOR,), at("said")),
        PredictedQuote(words_of("“and we will rebuild.”"), True, (MAYOR,), at("said")),
    ]
    score = score_article(TEXT, gold(), predicted).subsets["all"]
    assert (score.cue.tp, score.cue.fp, score.cue.fn) == (1, 0, 1)


def test_metrics_name_the_contract_keys() -> None:
    metrics = score_article(TEXT, gold(), []).metrics()
    assert {"direct_content_f1", "direct_speaker_acc", "all_overlap_f1"} <= set(metrics)
    assert metrics["direct_gold"] == 2
    assert metrics["all_gold"] == 3


# --------------------------------------------------------------------------- command


def test_eval_quotes_without_the_split_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "quotes", "--data", str(tmp_path)])
    assert result.exit_code == 2


def test_eval_quotes_last_line_is_json_with_sitrep_and_peer(tmp_path: Path, nlp: object) -> None:
    write_split(tmp_path, ["a"])
    result = CliRunner().invoke(app, ["eval", "quotes", "--data", str(tmp_path), "--split", "dev"])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.output.strip().splitlines()[-1])
    assert metrics["documents"] == 1
    assert metrics["direct_content_f1"] == 1.0
    assert metrics["direct_speaker_acc"] == 1.0
    if "peer" in metrics:
        assert metrics["peer"]["name"] == "textacy"


@pytest.mark.slow
@pytest.mark.skipif(not POLNEAR.is_dir(), reason="PolNeAR is not in ../shared/eval")
def test_polnear_dev_sample_beats_the_direct_targets() -> None:
    result = CliRunner().invoke(
        app,
        ["eval", "quotes", "--data", str(POLNEAR), "--split", "dev", "--limit", "12", "--no-peer"],
    )
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.output.strip().splitlines()[-1])
    assert metrics["failures"] == 0
    assert metrics["direct_content_f1"] >= 0.85
