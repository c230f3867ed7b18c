"""The command line, end to end: real files, a real DuckDB store, the real model."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from contract import CONTRACT_KEYS
from sitrep.cli import app
from sitrep.records import Report, bad_spans, from_dict

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def extract_json(path: Path) -> dict:  # type: ignore[type-arg]
    code, stdout, stderr = run("extract", str(path), "--json")
    assert code == 0, stderr
    return json.loads(stdout)  # type: ignore[no-any-return]


def test_extract_prints_the_output_contract_with_verified_spans(seeds_dir: Path) -> None:
    data = extract_json(seeds_dir / "000_57ce0c138cc00894.txt")
    assert set(data) >= CONTRACT_KEYS
    assert set(data["published"]) >= {"date", "estimated", "window", "basis"}
    report = from_dict(Report, data)
    assert bad_spans(report) == []
    assert report.source.path and report.source.path.endswith("000_57ce0c138cc00894.txt")


def test_extract_removes_seed_000_boilerplate_and_no_article_sentence(seeds_dir: Path) -> None:
    path = seeds_dir / "000_57ce0c138cc00894.txt"
    raw = path.read_text(encoding="utf-8")
    data = extract_json(path)
    removed = [r["text"].strip() for r in data["removed"]]
    joined = "\n".join(removed)
    assert sum(1 for r in removed if r == "Advertisement") == 2
    assert "Other Topics of Interest" in joined
    assert joined.count("Kyiv Rejects") == 2
    assert "To suggest a correction" in joined
    assert "highlight the text and press Ctrl + Enter" in joined
    for r in data["removed"]:
        assert raw[r["start"] : r["end"]] == r["text"]
    # Every article sentence survives.
    for sentence in (
        "residents are daring to hope",
        "This is our main hope",
        "some 7,000 people returned",
        "But others are unfazed.",
        "especially recently",
        "- 'No longer alone' -",
    ):
        assert sentence in data["text"]


def people_by_name(data: dict) -> dict[str, dict]:  # type: ignore[type-arg]
    return {p["name"]: p for p in data["people"]}


def test_seed_003_people_are_found_and_cities_are_not_people(seeds_dir: Path) -> None:
    people = people_by_name(extract_json(seeds_dir / "003_f35ac5c8de933015.txt"))
    for name in ("Anastasia Onishchuk", "Anton Glazunov", "Nikita Onishchuk", "Valery Marchenko"):
        assert name in people, sorted(people)
    mentions = {m["text"] for p in people.values() for m in p["mentions"]}
    for city in ("Kryvyi Rih", "Kharkiv", "Mariupol", "Izyum"):
        assert city not in people and city not in mentions, sorted(people)


def test_seed_000_people_have_their_ages(seeds_dir: Path) -> None:
    people = people_by_name(extract_json(seeds_dir / "000_57ce0c138cc00894.txt"))
    assert {n: people[n]["age"] for n in ("Volodymyr", "Anastasia", "Andriy") if n in people} == {
        "Volodymyr": 41,
        "Anastasia": 26,
        "Andriy": 62,
    }


def counts(db: Path) -> dict[str, int]:
    code, stdout, stderr = run("summary", "--db", str(db), "--json")
    assert code == 0, stderr
    return json.loads(stdout)["counts"]  # type: ignore[no-any-return]


def test_ingesting_the_seeds_twice_changes_no_count(seeds_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    code, stdout, stderr = run("ingest", str(seeds_dir), "--db", str(db))
    assert code == 0, stderr
    assert "2 added" in stdout
    first = counts(db)
    assert first["documents"] == 2 and first["people"] >= 7 and first["quotes"] >= 5
    code, stdout, _ = run("ingest", str(seeds_dir), "--db", str(db))
    assert code == 0
    assert "0 added, 2 already stored" in stdout
    assert counts(db)["documents"] == 2
    assert {k: v for k, v in counts(db).items() if k != "runs"} == {
        k: v for k, v in first.items() if k != "runs"
    }


def test_a_folder_of_bad_files_stores_the_good_and_lists_each_bad_one(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(
        "Floods swept through the town of Jacobabad on Monday, officials said.\n", encoding="utf-8"
    )
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "invalid.txt").write_bytes(os.urandom(4000))
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
        handle.seek(0)
        handle.write(b"A very long report. ")
    (folder / "feed.jsonl").write_text(
        json.dumps({"text": "Aid reached Kherson on 3 May 2023, the UN said.", "title": "Aid"})
        + "\n{not json\n"
        + json.dumps({"content": "Shelling hit Kharkiv overnight, the governor said."})
        + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "s.duckdb"
    code, stdout, _ = run("ingest", str(folder), "--db", str(db), "--json")
    assert code == 1
    summary = json.loads(stdout)
    assert summary["added"] == 3
    failed = {Path(f["origin"].split(":")[0]).name: f["reason"] for f in summary["failures"]}
    assert set(failed) == {"empty.txt", "binary.txt", "invalid.txt", "huge.txt", "feed.jsonl"}
    assert "50" in failed["huge.txt"] or "limit" in failed["huge.txt"]
    code, stdout, _ = run("failures", "--db", str(db), "--json")
    assert code == 0 and len(json.loads(stdout)) == 5
    assert counts(db)["documents"] == 3


def test_query_commands_print_json_in_a_stable_order(seeds_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    assert run("ingest", str(seeds_dir), "--db", str(db))[0] == 0
    for command in (
        "docs",
        "people",
        "quotes",
        "places",
        "organizations",
        "times",
        "figures",
        "events",
        "runs",
    ):
        code, first, stderr = run(command, "--db", str(db), "--json")
        assert code == 0, (command, stderr)
        assert isinstance(json.loads(first), list)
        assert run(command, "--db", str(db), "--json")[1] == first or command == "runs"
    docs = json.loads(run("docs", "--db", str(db), "--json")[1])
    code, stdout, _ = run("show", docs[0]["id"][:8], "--db", str(db), "--json")
    assert code == 0 and json.loads(stdout)["id"] == docs[0]["id"]
    code, stdout, _ = run("search", "Marchenko", "--db", str(db), "--json")
    hits = json.loads(stdout)
    # Only seed 003 names Marchenko (several times: one hit per occurrence).
    assert code == 0 and len(hits) >= 2 and len({h["doc_id"] for h in hits}) == 1
    assert all("Marchenko" in h["match"] for h in hits)


def test_export_jsonl_writes_one_verified_report_per_line(seeds_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    assert run("ingest", str(seeds_dir), "--db", str(db))[0] == 0
    out = tmp_path / "out.jsonl"
    code, _, stderr = run("export", "--format", "jsonl", str(out), "--db", str(db))
    assert code == 0, stderr
    reports = [from_dict(Report, json.loads(line)) for line in out.read_text().splitlines()]
    assert len(reports) == 2 and all(bad_spans(r) == [] for r in reports)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "x.txt", "--model", "no_such_model"], "no_such_model"),
        (["extract", "x.txt", "--published", "last week"], "YYYY-MM-DD"),
        (["docs", "--db", "/nonexistent/s.duckdb"], "no store"),
        (["extract", "x.txt", "--gazetteer", "/nonexistent/g.sqlite"], "no gazetteer"),
        (["export", "--format", "xml", "o.xml", "--db", "/nonexistent/s.duckdb"], ""),
    ],
)
def test_bad_usage_exits_2_with_a_clear_message(args: list[str], message: str) -> None:
    code, _, stderr = run(*args)
    assert code == 2
    assert message in stderr


def test_the_installed_console_script_runs(tmp_path: Path) -> None:
    exe = shutil.which("sitrep") or str(Path(sys.executable).with_name("sitrep"))
    text = tmp_path / "r.txt"
    text.write_text('"We will rebuild," said Olena Kovalenko, a 34-year-old nurse in Kharkiv.\n')
    result = subprocess.run(
        [exe, "extract", str(text), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["quotes"]
    assert (
        subprocess.run([exe, "--help"], capture_output=True, timeout=60, check=False).returncode
        == 0
    )


def test_extract_reads_stdin_when_given_a_dash() -> None:
    text = "Shelling hit Kherson on Monday, the regional governor said.\n"
    result = runner.invoke(app, ["extract", "-", "--json"], input=text)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["text"] == text and data["source"]["path"] is None


def test_a_non_english_report_is_stored_and_flagged_not_dropped(tmp_path: Path) -> None:
    report = tmp_path / "fr.txt"
    report.write_text(
        "Des bombardements ont frappé la ville de Kherson lundi, selon le gouverneur régional. "
        "Les habitants ont passé la nuit dans les abris.\n",
        encoding="utf-8",
    )
    db = tmp_path / "s.duckdb"
    assert run("ingest", str(report), "--db", str(db))[0] == 0
    docs = json.loads(run("docs", "--db", str(db), "--json")[1])
    assert [(d["language"], d["flags"]) for d in docs] == [("fr", ["non-english:fr"])]


def test_bad_configuration_fails_before_any_run_is_recorded(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text("Shelling hit Kherson on Monday.\n", encoding="utf-8")
    anchors = tmp_path / "anchors.json"
    anchors.write_text("{not json", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    for extra in (["--anchor-events", str(anchors)], ["--workers", "2", "--model", "nope"]):
        code, _, stderr = run("ingest", str(report), "--db", str(db), *extra)
        assert code == 2, stderr
        assert ("anchors.json" in stderr) or ("'nope'" in stderr)
    code, stdout, _ = run("runs", "--db", str(db), "--json")
    assert code == 0 and json.loads(stdout) == []
