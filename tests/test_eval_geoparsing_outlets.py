"""`sitrep eval geoparsing --outlets` (an outlet's other articles say where it is) and
`--errors` (the missed toponyms as TSV), on a tiny synthetic LGL-format corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.evaluation.geoparsing import load_corpus

PAPER = "http://www.theparisnews.com/news/{}"
# (text, [(name, lat, lon)]): two Texan reports, then one naming only "Paris" (Paris, Texas).
ARTICLES = [
    ("Storms hit Dallas and Tyler.", [("Dallas", 32.78, -96.81), ("Tyler", 32.35, -95.3)]),
    ("Crews cleared roads in Sherman and Denison.", [("Sherman", 33.64, -96.61)]),
    ("The city council of Paris met on Monday.", [("Paris", 33.66, -95.56)]),
]


def corpus(tmp_path: Path, url: str = PAPER) -> Path:
    parts = ['<?xml version="1.0" encoding="utf-8"?><articles>']
    for i, (text, names) in enumerate(ARTICLES):
        parts.append(f'<article docid="{i}"><url>{url.format(i)}</url>')
        parts.append(f"<text><![CDATA[{text}]]></text><toponyms>")
        for name, lat, lon in names:
            start = text.index(name)
            parts.append(
                f"<toponym><start>{start}</start><end>{start + len(name)}</end>"
                f"<phrase>{name}</phrase><gaztag geonameid='1'><lat>{lat}</lat>"
                f"<lon>{lon}</lon></gaztag></toponym>"
            )
        parts.append("</toponyms></article>")
    parts.append("</articles>")
    path = tmp_path / "lgl.xml"
    path.write_text("".join(parts), encoding="utf-8")
    return path


def missed(tmp_path: Path, data: Path, *options: str) -> list[str]:
    """The toponyms ``--errors`` lists as missed at 161 km."""
    errors = tmp_path / "errors.tsv"
    args = ["eval", "geoparsing", "--data", str(data), "--gold-spans", "--errors", str(errors)]
    result = CliRunner().invoke(app, [*args, *options])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.output.strip().splitlines()[-1])
    assert metrics["outlets"] == ("--outlets" in options)
    header, *rows = errors.read_text(encoding="utf-8").splitlines()
    assert header.split("\t")[:5] == ["doc", "start", "end", "toponym", "what"]
    return [row.split("\t")[3] for row in rows]


def test_the_article_address_is_read(tmp_path: Path) -> None:
    docs = load_corpus(corpus(tmp_path))
    assert [d.url for d in docs] == [PAPER.format(i) for i in range(3)]


def test_errors_lists_what_was_missed(tmp_path: Path) -> None:
    assert missed(tmp_path, corpus(tmp_path)) == ["Paris"]


def test_outlets_place_a_local_papers_paris_at_home(tmp_path: Path) -> None:
    assert missed(tmp_path, corpus(tmp_path), "--outlets") == []


@pytest.mark.parametrize("url", ["http://www.paper{}.com/x", ""])
def test_articles_of_different_or_unknown_outlets_lend_no_home(tmp_path: Path, url: str) -> None:
    assert missed(tmp_path, corpus(tmp_path, url), "--outlets") == ["Paris"]
