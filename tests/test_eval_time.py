"""``sitrep eval time``: corpus readers, the TempEval-3 scoring, dating, and the command."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.evaluation.time import (
    PredictedTimex,
    evaluate_system,
    normalise_value,
    score_dating,
    score_document,
)
from sitrep.evaluation.time_corpora import (
    TimeDoc,
    parse_dct,
    read_meantime,
    read_time_corpora,
    read_tml,
)
from sitrep.evaluation.time_taggers import sitrep_stated_near

TIME_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "time"

TML = (
    '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>wsj_test</DOCID>\n'
    '<DCT><TIMEX3 tid="t0" type="DATE" value="1989-11-02"\n'
    ' functionInDocument="CREATION_TIME">11/02/89</TIMEX3></DCT>\n'
    '<TEXT>Profit rose in the <TIMEX3 tid="t1" type="DATE" value="1989-Q3">third quarter'
    '</TIMEX3>, the company said <TIMEX3 tid="t2" type="DATE" value="1989-11-01">yesterday'
    '</TIMEX3> &amp; added that talks lasted <TIMEX3 tid="t3" type="DURATION" value="P2W">'
    "two weeks</TIMEX3>.</TEXT>\n</TimeML>\n"
)

MEANTIME = """<?xml version="1.0" ?><Document doc_id="1" doc_name="test_doc" lang="en">
<token number="0" sentence="0" t_id="1">Airbus</token>
<token number="1" sentence="0" t_id="2">delays</token>
<token number="2" sentence="1" t_id="3">March</token>
<token number="3" sentence="1" t_id="4">3,</token>
<token number="4" sentence="1" t_id="5">2008</token>
<token number="5" sentence="2" t_id="6">Deliveries</token>
<token number="6" sentence="2" t_id="7">slip</token>
<token number="7" sentence="2" t_id="8">to</token>
<token number="8" sentence="2" t_id="9">2009</token>
<token number="9" sentence="6" t_id="10">Tuesday</token>
<Markables>
<TIMEX3 m_id="20" type="DATE" value="2008-03-03" functionInDocument="CREATION_TIME">
<token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/></TIMEX3>
<TIMEX3 m_id="21" type="DATE" value="2009" functionInDocument="NONE">
<token_anchor t_id="9"/></TIMEX3>
<TIMEX3 m_id="22" type="DATE" value="" functionInDocument="NONE"></TIMEX3>
</Markables>
</Document>
"""


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "TBAQ").mkdir()
    (tmp_path / "TBAQ" / "wsj_test.tml").write_text(TML, encoding="utf-8")
    (tmp_path / "MEANTIME" / "corpus_x").mkdir(parents=True)
    (tmp_path / "MEANTIME" / "corpus_x" / "test_doc.xml").write_text(MEANTIME, encoding="utf-8")
    (tmp_path / "input").mkdir()
    (tmp_path / "input" / "wsj_test.tml.TE3input").write_text(TML, encoding="utf-8")
    return tmp_path


def test_timeml_offsets_point_into_the_text_without_tags(corpus: Path) -> None:
    doc = read_tml(corpus / "TBAQ" / "wsj_test.tml", "TBAQ")
    assert doc.dct == date(1989, 11, 2)
    assert [g.text for g in doc.gold] == ["third quarter", "yesterday", "two weeks"]
    assert all(doc.text[g.start : g.end] == g.text for g in doc.gold)
    assert "&" in doc.text and "<" not in doc.text
    assert [(g.type, g.value) for g in doc.gold][2] == ("DURATION", "P2W")


def test_meantime_scores_title_and_body_and_hides_the_dateline(corpus: Path) -> None:
    doc = read_meantime(corpus / "MEANTIME" / "corpus_x" / "test_doc.xml", "MEANTIME")
    assert doc is not None and doc.dct == date(2008, 3, 3)
    assert [(g.text, g.value) for g in doc.gold] == [("2009", "2009")]  # implicit one dropped
    assert doc.text.splitlines()[1] == "March 3, 2008"
    assert "2008" not in doc.text_without_dateline()
    tuesday = doc.text.index("Tuesday")
    assert not doc.in_scope(tuesday, tuesday + 7)  # sentence 6 is not annotated


def test_corpora_are_named_by_their_folder_and_system_input_is_skipped(corpus: Path) -> None:
    docs = list(read_time_corpora(corpus))
    assert sorted(d.corpus for d in docs) == ["MEANTIME", "TBAQ"]


@pytest.mark.parametrize(
    ("value", "day"),
    [("1998-01-14", date(1998, 1, 14)), ("03-02-2009", date(2009, 2, 3)), ("", None),
     ("1998-02-30", None)],
)  # fmt: skip
def test_dct_values_are_read_as_days(value: str, day: date | None) -> None:
    assert parse_dct(value) == day


def test_strict_relaxed_type_and_value_are_counted_as_tempeval_does(corpus: Path) -> None:
    doc = read_tml(corpus / "TBAQ" / "wsj_test.tml", "TBAQ")
    quarter = doc.text.index("third quarter")
    weeks = doc.text.index("two weeks")
    predicted = [
        PredictedTimex(quarter - 4, quarter + 13, "DATE", "1989-Q3"),  # "the third quarter"
        PredictedTimex(weeks, weeks + 9, "DATE", "P2W"),  # exact span, wrong type
        PredictedTimex(0, 6, "DATE", None),  # "Profit": a false positive
    ]
    counts = score_document(doc, predicted)
    assert (counts.gold, counts.system) == (3, 3)
    assert (counts.relaxed, counts.strict) == (2, 1)
    assert (counts.type_correct, counts.value_correct) == (1, 2)
    metrics = counts.metrics()
    assert metrics["relaxed_f1"] == pytest.approx(2 / 3)
    assert metrics["value_f1"] == pytest.approx(2 / 3)


def test_one_prediction_matches_one_gold_only() -> None:
    from sitrep.evaluation.time_corpora import GoldTimex

    gold = (GoldTimex(0, 3, "Mon", "DATE", "x"), GoldTimex(4, 7, "Tue", "DATE", "y"))
    doc = TimeDoc("d", "c", "Mon Tue", None, gold)
    counts = score_document(doc, [PredictedTimex(0, 7, "DATE", "x")])
    assert counts.relaxed == 1


@pytest.mark.parametrize(
    ("window", "covered", "widths"),
    [
        ((date(2024, 1, 1), date(2024, 1, 31)), 1, [30]),
        ((date(2024, 2, 1), date(2024, 2, 29)), 0, [28]),
        (None, 0, []),
    ],
)
def test_dating_counts_a_window_that_holds_the_dct(
    window: tuple[date, date] | None, covered: int, widths: list[int]
) -> None:
    judged = score_dating(date(2024, 1, 15), window)
    assert (judged.documents, judged.covered, judged.widths) == (1, covered, widths)


def test_dating_ceiling_counts_texts_stating_a_date_shortly_before_the_dct() -> None:
    docs = [
        TimeDoc("near", "c", "x", date(2024, 1, 15), ()),
        TimeDoc("far", "c", "y", date(2024, 1, 15), ()),
    ]
    metrics = evaluate_system(
        docs, lambda text, dct: [], lambda text: None, lambda text, dct: text == "x"
    ).metrics()
    assert metrics["dating_stated_within_60d"] == 0.5
    unmeasured = evaluate_system(docs, lambda text, dct: [], lambda text: None).metrics()
    assert unmeasured["dating_stated_within_60d"] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices fell on Nov. 20, 2023, traders said.", True),
        ("Prices fell in December 2023.", True),
        ("Prices fell on Nov. 20, 2022, traders said.", False),
        ("Prices fell on Friday, traders said.", False),
        ("Prices will fall on Feb. 20, 2024.", False),
    ],
)
def test_a_text_can_support_a_narrow_window_only_with_a_dated_recent_day_or_month(
    resources: Any, text: str, expected: bool
) -> None:
    assert sitrep_stated_near(text, date(2024, 1, 15), resources) is expected


def test_week_numbers_compare_without_zero_padding() -> None:
    assert normalise_value("2000-W07") == normalise_value("2000-w7")
    assert normalise_value("2000-W17") != normalise_value("2000-W7")


def test_every_corpus_gets_its_own_figures(corpus: Path) -> None:
    docs = list(read_time_corpora(corpus))
    result = evaluate_system(docs, lambda text, dct: [], lambda text: None).metrics()
    assert set(result["corpora"]) == {"MEANTIME", "TBAQ"}
    assert result["relaxed_f1"] == 0.0 and result["dating_documents"] == 2.0


def test_command_ends_with_a_json_line_of_metrics(corpus: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "time", "--data", str(corpus), "--no-peer"])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.output.strip().splitlines()[-1])
    for key in ("relaxed_f1", "strict_f1", "value_f1", "dating_coverage", "dating_median_days"):
        assert key in metrics
    assert metrics["documents"] == 2
    assert metrics["corpora"]["TBAQ"]["relaxed_f1"] > 0.5
    assert "HeidelTime-t" in metrics["published"]


def test_command_refuses_a_folder_without_documents(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "time", "--data", str(tmp_path), "--no-peer"])
    assert result.exit_code == 2


@pytest.mark.slow
def test_tbaq_sample_reaches_the_issue_extent_targets() -> None:
    if not (TIME_EVAL / "TBAQ-cleaned").is_dir():
        pytest.skip(f"time corpora not found at {TIME_EVAL}")
    result = CliRunner().invoke(
        app,
        ["eval", "time", "--data", str(TIME_EVAL / "TBAQ-cleaned"), "--limit", "60", "--no-peer"],
    )
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.output.strip().splitlines()[-1])
    assert metrics["relaxed_f1"] >= 0.85 and metrics["strict_f1"] >= 0.75
