"""`sitrep eval geoparsing`: corpus readers, scoring and the command, on tiny synthetic files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.evaluation.geoparsing import GoldDoc, GoldToponym, anchor, load_corpus
from sitrep.evaluation.geoparsing_score import GeoScore, Predicted, judge_document

TEXT = "Shelling hit Izyum, in the Kharkiv region, and Kyiv."

LGL = f"""<?xml version="1.0" encoding="utf-8"?>
<articles><article docid="1"><title>t</title><text><![CDATA[{TEXT}]]></text>
<toponyms>
<toponym><start>13</start><end>18</end><phrase>Izyum</phrase>
<gaztag geonameid="707292"><name>Izyum</name><lat>49.20875</lat><lon>37.24849</lon></gaztag>
</toponym>
<toponym><start>40</start><end>47</end><phrase>Kharkiv</phrase>
<gaztag geonameid="706482"><name>Kharkiv</name><lat>49.5</lat><lon>36.5</lon></gaztag>
</toponym>
</toponyms></article></articles>
"""
GWN = f"""<?xml version="1.0" ?>
<articles><article file="0"><title>t</title><link>x</link><text>{TEXT}</text><toponyms>
<toponym><extractedName>Izyum</extractedName><type>Literal</type><start>13</start><end>18</end>
<geonamesID>707292</geonamesID><latitude>49.20875</latitude><longitude>37.24849</longitude>
</toponym>
<toponym><extractedName>the</extractedName><type>Literal_Expression</type><start>23</start>
<end>26</end><geonamesID/><latitude/><longitude/></toponym>
<toponym><extractedName>Kyiv</extractedName><type>Metonymic</type><start>47</start><end>51</end>
<geonamesID/><latitude/><longitude/></toponym>
</toponyms></article></articles>
"""
GEOVIRUS = f"""<articles><article><source>s</source><text>{TEXT}</text><locations>
<location><name>Kyiv</name><start>48</start><end>52</end><lat>50.45</lat><lon>30.52</lon>
<page>p</page></location></locations></article></articles>
"""


@pytest.fixture()
def files(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for name, body in {"lgl.xml": LGL, "GWN.xml": GWN, "GeoVirus.xml": GEOVIRUS}.items():
        out[name] = tmp_path / name
        out[name].write_text(body, encoding="utf-8")
    full = tmp_path / "gwn_full.txt"
    full.write_text("Izyum,,Izyum,,49.20875,,37.24849,,13,,18||\n", encoding="utf-8")
    out["gwn_full.txt"] = full
    return out


def test_misplaced_offsets_are_reanchored_on_the_phrase() -> None:
    assert anchor(TEXT, 41, 48, "Kharkiv") == (27, 34)
    assert anchor(TEXT, 0, 5, "Odesa") is None


@pytest.mark.parametrize(
    ("name", "spans", "resolvable"),
    [
        ("lgl.xml", [(13, 18), (27, 34)], 2),  # Kharkiv's stated offsets are re-anchored
        ("GWN.xml", [(13, 18), (47, 51)], 1),  # the context expression is not a toponym
        ("GeoVirus.xml", [(47, 51)], 1),  # GeoVirus offsets are one past the name
        ("gwn_full.txt", [(13, 18)], 1),
    ],
)
def test_each_format_reads_into_checked_gold_spans(
    files: dict[str, Path], name: str, spans: list[tuple[int, int]], resolvable: int
) -> None:
    (doc,) = load_corpus(files[name])
    assert [(t.start, t.end) for t in doc.toponyms] == spans
    assert all(doc.text[t.start : t.end] == t.text for t in doc.toponyms)
    assert sum(t.resolvable for t in doc.toponyms) == resolvable


def test_unresolved_and_far_toponyms_count_as_wrong() -> None:
    gold = GoldDoc(
        "d",
        TEXT,
        (
            GoldToponym(13, 18, "Izyum", 49.2, 37.2, "707292"),
            GoldToponym(27, 34, "Kharkiv", 49.5, 36.5),
            GoldToponym(47, 51, "Kyiv", 50.45, 30.52),
        ),
    )
    score = GeoScore()
    predicted = [Predicted(13, 18, 49.21, 37.25, "707292"), Predicted(27, 41, 10.0, 10.0)]
    judge_document(score, gold, predicted, recognition=True)
    assert (score.judged, score.correct, score.exact_id, len(score.errors_km)) == (3, 1, 1, 2)
    assert (score.recognition.tp, score.recognition.fp, score.recognition.fn) == (1, 1, 2)
    assert score.recognition_overlap.tp == 2


def test_the_last_line_is_json_with_the_agreed_metrics(files: dict[str, Path]) -> None:
    result = CliRunner().invoke(
        app, ["eval", "geoparsing", "--data", str(files["lgl.xml"]), "--gold-spans"]
    )
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.output.strip().splitlines()[-1])
    assert metrics["dataset"] == "LGL" and metrics["mordecai3_acc161"] == 0.827
    assert metrics["acc161_gold_spans"] == 1.0
    for key in ("acc161", "recognition_f1", "mean_error_km", "docs_per_s"):
        assert key in metrics


def test_end_to_end_recognises_and_resolves(files: dict[str, Path]) -> None:
    result = CliRunner().invoke(app, ["eval", "geoparsing", "--data", str(files["lgl.xml"])])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.output.strip().splitlines()[-1])
    # "Kharkiv region" is recorded whole but scored on its name, as the corpora annotate it.
    assert metrics["recognition_recall"] >= 0.5
    assert metrics["acc161"] >= 0.5


def test_an_unreadable_file_is_a_usage_error(tmp_path: Path) -> None:
    bad = tmp_path / "x.xml"
    bad.write_text("not xml", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "geoparsing", "--data", str(bad)])
    assert result.exit_code == 2
