"""The Python API: sitrep.extract for one text, sitrep.Corpus for a store."""

from __future__ import annotations

from pathlib import Path

import sitrep
from sitrep.records import Report, bad_spans

TEXT = (
    "Floods swept through Jacobabad in Pakistan's Sindh province on Monday.\n\n"
    '"The water came at night," said Sana Baloch, a 38-year-old teacher.\n'
)


def test_extract_returns_a_report_whose_spans_verify() -> None:
    report = sitrep.extract(TEXT, published="2022-08-30")
    assert isinstance(report, Report)
    assert bad_spans(report) == []
    assert report.published.date == "2022-08-30" and report.published.basis == "user"
    assert [(p.name, p.age) for p in report.people] == [("Sana Baloch", 38)]
    assert report.quotes[0].span.text.startswith("The water came at night")
    assert any(p.country == "PK" for p in report.places)


def test_extract_is_deterministic_and_ids_derive_from_content() -> None:
    assert sitrep.extract(TEXT) == sitrep.extract(TEXT)
    assert sitrep.extract(TEXT).id != sitrep.extract(TEXT + "More.\n").id


def test_corpus_ingests_and_answers_queries(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    corpus = sitrep.Corpus(tmp_path / "c.duckdb")
    summary = corpus.ingest([folder])
    assert (summary.added, summary.failed) == (1, 0)
    assert corpus.ingest([folder]).skipped == 1
    assert [p.name for p in corpus.people()] == ["Sana Baloch"]
    assert corpus.counts()["documents"] == 1
