"""Stable output: the same reports always print the same rows, in the same order.

Two stores get the example reports in different ways; every query command must print
exactly the same thing from both. Per-report commands must not depend on the order the
reports arrived in; nor do the cross-report commands (stories, person, timeline): they
name stories, people and events by content (a story's original, an entity's smallest
record id), not by the first linked record.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.engine import ingest
from sitrep.settings import Settings
from sitrep.store import Store

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples" / "articles").glob("*.txt"))

PER_REPORT = [
    ["places"], ["people"], ["people", "--name", "a"], ["organizations"], ["quotes"],
    ["times"], ["figures"], ["events"], ["search", "the"], ["search", "killed", "--limit", "3"],
]  # fmt: skip
ACROSS_REPORTS = [
    ["stories"], ["story", "kupiansk"], ["person", "a"], ["timeline", "Kupiansk"],
    ["timeline", "Kharkiv", "--radius", "200"], ["docs"],
]  # fmt: skip

runner = CliRunner()


def output(db: Path, command: list[str], as_json: bool) -> str:
    args = [*command, "--db", str(db), *(["--json"] if as_json else [])]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory, resources) -> dict[str, Path]:  # type: ignore[no-untyped-def]
    if not EXAMPLES:
        pytest.skip("no example articles")
    root = tmp_path_factory.mktemp("order")
    ways = {
        "in order": (EXAMPLES, 32),
        "reversed": (EXAMPLES[::-1], 32),
        "one per batch": (EXAMPLES, 1),
    }
    paths = {}
    for name, (inputs, batch_size) in ways.items():
        db = root / f"{name.replace(' ', '_')}.duckdb"
        ingest(list(inputs), Store(db), Settings(), resources=resources, batch_size=batch_size)
        paths[name] = db
    return paths


def _story_argument(db: Path, command: list[str]) -> list[str]:
    # `story` takes an id: the story of the first Kupiansk report.
    if command[0] != "story":
        return command
    doc = next(d for d in Store(db, read_only=True).documents() if "kupiansk" in (d.path or ""))
    return ["story", doc.id]


@pytest.mark.parametrize("as_json", [False, True])
@pytest.mark.parametrize("command", PER_REPORT, ids=" ".join)
def test_per_report_commands_print_the_same_whatever_the_arrival_order(
    stores: dict[str, Path], command: list[str], as_json: bool
) -> None:
    first = output(stores["in order"], command, as_json)
    assert first.strip()
    assert output(stores["reversed"], command, as_json) == first


@pytest.mark.parametrize("as_json", [False, True])
@pytest.mark.parametrize("command", PER_REPORT + ACROSS_REPORTS, ids=" ".join)
def test_every_command_prints_the_same_whatever_the_batching(
    stores: dict[str, Path], command: list[str], as_json: bool
) -> None:
    a, b = stores["in order"], stores["one per batch"]
    first = output(a, _story_argument(a, command), as_json)
    assert first.strip()
    second = output(b, _story_argument(b, command), as_json)
    if command == ["docs"]:  # when each was stored and by which run differ, nothing else
        first, second = _without_ingest_stamps(first), _without_ingest_stamps(second)
    assert second == first


@pytest.mark.parametrize("as_json", [False, True])
@pytest.mark.parametrize("command", ACROSS_REPORTS[:-1], ids=" ".join)
def test_cross_report_commands_name_stories_people_and_events_whatever_the_order(
    stores: dict[str, Path], command: list[str], as_json: bool
) -> None:
    """Shown ids come from content (a story's original, an entity's smallest record id),
    not from the first linked record, so reversed arrival prints the same."""
    a, b = stores["in order"], stores["reversed"]
    first = output(a, _story_argument(a, command), as_json)
    assert first.strip()
    assert output(b, _story_argument(b, command), as_json) == first


def _without_ingest_stamps(text: str) -> str:
    import re

    text = re.sub(r"\d{8}T\d{6}-[0-9a-f]{6}", "RUN", text)
    return re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ?", "TIME", text)
