"""The REST API in-process (FastAPI's TestClient) over a store of hand-made reports."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
from pathlib import Path
from typing import Any, get_args

import pytest

pytest.importorskip("fastapi", reason="the web API needs fastapi (pip install fastapi)")
pytest.importorskip("httpx2", reason="FastAPI's TestClient needs httpx2")

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from sitrep.cli import app as cli_app
from sitrep.store import corrections as fix
from sitrep.store.rows import DocumentRow, FigureRow, PersonRow, PlaceRow, QuoteRow, SearchHit
from sitrep.web import create_app
from sitrep.web.app import STATIC
from sitrep.web.models import CorrectionKind, EventItem
from test_web_corrections import DOC_A, DOC_B, TEXT_A, build_store

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("api") / "template.duckdb").path


@pytest.fixture()
def db(template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "api.duckdb"
    shutil.copyfile(template, path)
    return path


@pytest.fixture()
def client(db: Path) -> TestClient:
    return TestClient(create_app(db, token=TOKEN))


@pytest.fixture()
def read_only(db: Path) -> TestClient:
    return TestClient(create_app(db))


def _words(words: str) -> dict[str, int]:
    start = TEXT_A.index(words)
    return {"start": start, "end": start + len(words)}


def get(client: TestClient, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, response.text
    return response.json()


# ---------------------------------------------------------------------- reading


def test_openapi_schema_lists_every_resource(client: TestClient) -> None:
    paths = get(client, "/openapi.json")["paths"]
    for path in ("/api/documents", "/api/documents/{doc_id}", "/api/places", "/api/people",
                 "/api/events", "/api/quotes", "/api/figures", "/api/stories", "/api/timeline",
                 "/api/search", "/api/corrections", "/api/events/histogram"):  # fmt: skip
        assert path in paths


def test_documents_page_with_a_total(client: TestClient) -> None:
    page = get(client, "/api/documents?limit=1&offset=1")
    assert (page["total"], page["limit"], page["offset"]) == (2, 1, 1)
    assert [d["id"] for d in page["items"]] == [DOC_B]


def test_a_document_comes_with_its_records_and_other_sources(client: TestClient) -> None:
    doc = get(client, f"/api/documents/{DOC_A}")
    assert doc["report"]["text"] == TEXT_A
    records = doc["records"]
    assert records["P1"]["kind"] == "place" and records["Q1"]["kind"] == "quote"
    for record in records.values():
        for s in record["spans"]:
            assert 0 <= s["start"] < s["end"] <= len(TEXT_A)
    assert doc["other_sources"]["P1"] == [DOC_B]  # Izyum is in both reports


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {f"{DOC_A}:E1", f"{DOC_A}:E2", f"{DOC_B}:E1"}),
        ("type=shelling", {f"{DOC_A}:E2", f"{DOC_B}:E1"}),
        ("type=shelling&type=recapture", {f"{DOC_A}:E1", f"{DOC_A}:E2", f"{DOC_B}:E1"}),
        ("date_from=2022-09-11&date_to=2022-09-15", {f"{DOC_A}:E2"}),
        ("place=Izyum", {f"{DOC_A}:E1", f"{DOC_B}:E1"}),
        ("place=Izyum&radius_km=100", {f"{DOC_A}:E1", f"{DOC_A}:E2", f"{DOC_B}:E1"}),
        ("place=Atlantis", set()),
        ("actor=ukraine", {f"{DOC_A}:E1"}),
        ("bbox=37.5,49.5,38,50", {f"{DOC_A}:E2"}),
        (f"doc_id={DOC_B}", {f"{DOC_B}:E1"}),
    ],
)
def test_events_filter_by_place_radius_dates_type_actor_and_area(
    client: TestClient, query: str, expected: set[str]
) -> None:
    page = get(client, f"/api/events?{query}")
    assert {e["id"] for e in page["items"]} == expected and page["total"] == len(expected)


def test_events_come_by_date_and_page(client: TestClient) -> None:
    first = get(client, "/api/events?limit=2")
    rest = get(client, "/api/events?limit=2&offset=2")
    dates = [e["date_start"] for e in first["items"] + rest["items"]]
    assert dates == ["2022-09-10", "2022-09-12", "2022-09-20"] and first["total"] == 3


def test_histogram_counts_events_per_day(client: TestClient) -> None:
    data = get(client, "/api/events/histogram?bucket=day")
    assert [(b["start"], b["count"]) for b in data["buckets"]] == [
        ("2022-09-10", 1), ("2022-09-12", 1), ("2022-09-20", 1)]  # fmt: skip


def test_map_columns_have_one_value_per_event(client: TestClient) -> None:
    events = get(client, "/api/map")["events"]
    assert len({len(column) for column in events.values()}) == 1 and len(events["id"]) == 3


@pytest.mark.parametrize(
    ("url", "needle"),
    [
        ("/api/places?q=kup", "Kupiansk"),
        ("/api/people?name=marchenko", "Valerii Marchenko"),
        ("/api/quotes?doc_id=" + DOC_A, "We will rebuild,"),
        ("/api/figures?quantity=killed", "people"),
        ("/api/stories", DOC_A),
    ],
)
def test_record_lists_filter(client: TestClient, url: str, needle: str) -> None:
    page = get(client, url)
    assert page["total"] >= 1 and needle in json.dumps(page["items"])


def test_timeline_of_a_place_and_an_unknown_place(client: TestClient) -> None:
    timeline = get(client, "/api/timeline?place=Izyum&date_from=2022-09-15")
    assert [e["date"] for e in timeline["entries"] if e["kind"] == "event"] == ["2022-09-20"]
    assert "no stored report" in get(client, "/api/timeline?place=Atlantis", 404)["error"]


def test_search_finds_text_people_and_places(client: TestClient) -> None:
    found = get(client, "/api/search?q=Izyum")
    assert {h["doc_id"] for h in found["text"]["items"]} == {DOC_A, DOC_B}
    assert [p["name"] for p in found["places"]] == ["Izyum"]


# ---------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("url", "status", "message"),
    [
        ("/api/events?limit=0", 422, "limit"),
        ("/api/events?limit=5000", 422, "limit"),
        ("/api/events?offset=-1", 422, "offset"),
        ("/api/events?date_from=yesterday", 422, "date_from"),
        ("/api/events?date_from=2022-10-01&date_to=2022-09-01", 422, "is after"),
        ("/api/events?radius_km=10", 422, "needs a place"),
        ("/api/events?bbox=1,2", 422, "bbox"),
        ("/api/events?bbox=10,0,5,1", 422, "bbox"),
        ("/api/search?q=", 422, "q"),
        ("/api/documents/ffffffff", 404, "no report"),
        ("/api/nowhere", 404, "no such resource"),
    ],
)
def test_bad_requests_get_a_json_error_with_the_right_status(
    client: TestClient, url: str, status: int, message: str
) -> None:
    assert message in get(client, url, status)["error"]


# ---------------------------------------------------------------------- corrections


def test_a_read_only_server_refuses_corrections(read_only: TestClient) -> None:
    response = read_only.post("/api/corrections", json={"kind": "not-a-place", "doc_id": DOC_A,
                                                         "target": "P3"}, headers=AUTH)  # fmt: skip
    assert response.status_code == 403 and "read-only" in response.json()["error"]
    assert get(read_only, "/api/config")["writable"] is False


@pytest.mark.parametrize(
    "headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}]
)
def test_corrections_need_the_bearer_token(client: TestClient, headers: dict[str, str]) -> None:
    body = {"kind": "not-a-place", "doc_id": DOC_A, "target": "P3"}
    response = client.post("/api/corrections", json=body, headers=headers)
    assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"kind": "not-a-place", "doc_id": DOC_A, "target": "P9"}, 400),
        ({"kind": "delete-everything", "doc_id": DOC_A}, 422),
        ({"kind": "not-a-place", "doc_id": "'; DROP TABLE places; --"}, 422),
        ({"kind": "not-a-place", "doc_id": DOC_A, "target": "P1", "extra": 1}, 422),
        ({"kind": "not-a-place", "doc_id": DOC_A, "start": -1, "end": 3}, 422),
    ],
)
def test_invalid_corrections_are_refused(
    client: TestClient, body: dict[str, Any], status: int
) -> None:
    response = client.post("/api/corrections", json=body, headers=AUTH)
    assert response.status_code == status and response.json()["error"]


def test_a_correction_changes_the_answers_until_it_is_undone(client: TestClient) -> None:
    names = lambda: {p["name"] for p in get(client, "/api/places")["items"]}  # noqa: E731
    assert "Springfield" in names()
    at = TEXT_A.index("Springfield")
    body = {"kind": "not-a-place", "doc_id": DOC_A, "start": at, "end": at + 11, "who": "olena"}
    response = client.post("/api/corrections", json=body, headers=AUTH)
    assert response.status_code == 201, response.text
    saved = response.json()
    assert (saved["who"], saved["target"], saved["text"]) == ("olena", f"{DOC_A}:P3", "Springfield")
    assert "Springfield" not in names()
    assert [c["id"] for c in get(client, f"/api/corrections?doc_id={DOC_A}")] == [saved["id"]]
    undo = client.post(f"/api/corrections/{saved['id']}/undo?who=lead", headers=AUTH)
    assert undo.status_code == 200 and undo.json()["undone"] is True
    assert "Springfield" in names()
    again = client.post(f"/api/corrections/{saved['id']}/undo", headers=AUTH)
    assert again.status_code == 409
    assert client.post("/api/corrections/999/undo", headers=AUTH).status_code == 404


def test_corrections_export_as_json_lines(client: TestClient) -> None:
    body = {"kind": "wrong-date", "doc_id": DOC_A, "target": "E1", "value": {"date": "2022-09"}}
    assert client.post("/api/corrections", json=body, headers=AUTH).status_code == 201
    response = client.get("/api/corrections/export")
    assert response.headers["content-type"].startswith("application/x-ndjson")
    (line,) = response.text.splitlines()
    assert json.loads(line)["value"]["date"] == "2022-09"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"kind": "not-a-person", "target": "H1"}, None),
        ({"kind": "wrong-role-age", "target": "H1", "value": {"role": "deputy mayor"}},
         ("Valerii Marchenko", "deputy mayor")),
        ({"kind": "wrong-role-age", "value": {"age": 61}, **_words("Marchenko")},
         ("Valerii Marchenko", "mayor")),
    ],
)  # fmt: skip
def test_a_person_correction_changes_people_and_the_report_until_undone(
    client: TestClient, body: dict[str, Any], expected: tuple[str, str] | None
) -> None:
    def person() -> tuple[str, str] | None:
        found = get(client, f"/api/people?doc_id={DOC_A}")["items"]
        in_report = get(client, f"/api/documents/{DOC_A}")["report"]["people"]
        assert [(p["name"], p["role"]) for p in found] == [(h["name"], h["role"])
                                                           for h in in_report]  # fmt: skip
        return (found[0]["name"], found[0]["role"]) if found else None

    before = person()
    response = client.post("/api/corrections", json={"doc_id": DOC_A, **body}, headers=AUTH)
    assert response.status_code == 201, response.text
    assert person() == expected
    if "age" in body.get("value", {}):
        assert get(client, f"/api/people?doc_id={DOC_A}")["items"][0]["age"] == 61
    undo = client.post(f"/api/corrections/{response.json()['id']}/undo", headers=AUTH)
    assert undo.status_code == 200 and person() == before


@pytest.mark.parametrize(
    "body",
    [
        {"kind": "not-an-organization", "target": "H1"},
        {"kind": "wrong-role-age", "target": "H1", "value": {"age": 1000}},
        {"kind": "wrong-role-age", "target": "H1"},
    ],
)
def test_a_people_correction_that_does_not_fit_gets_400(
    client: TestClient, body: dict[str, Any]
) -> None:
    response = client.post("/api/corrections", json={"doc_id": DOC_A, **body}, headers=AUTH)
    assert response.status_code == 400 and response.json()["error"]


def test_people_corrections_export_as_json_lines(client: TestClient) -> None:
    body = {"kind": "not-a-person", "doc_id": DOC_A, **_words("Valerii")}
    assert client.post("/api/corrections", json=body, headers=AUTH).status_code == 201
    (line,) = client.get("/api/corrections/export").text.splitlines()
    data = json.loads(line)
    assert (data["kind"], data["target"]) == ("not-a-person", f"{DOC_A}:H1")
    assert data["text"] == "Valerii"
    assert "said Mayor Valerii Marchenko" in data["context"]["text"]


# ---------------------------------------------------------------------- one field list


@pytest.mark.parametrize(
    ("schema_name", "row"),
    [("PlaceRow", PlaceRow), ("PersonRow", PersonRow), ("DocumentRow", DocumentRow),
     ("QuoteRow", QuoteRow), ("FigureRow", FigureRow), ("SearchHit", SearchHit),
     ("Correction", fix.Correction)],
)  # fmt: skip
def test_the_schema_documents_the_store_rows_own_fields(
    client: TestClient, schema_name: str, row: type
) -> None:
    schemas = get(client, "/openapi.json")["components"]["schemas"]
    assert list(schemas[schema_name]["properties"]) == [f.name for f in dataclasses.fields(row)]


def test_the_api_accepts_every_correction_kind_the_store_knows() -> None:
    assert get_args(CorrectionKind) == fix.KINDS


def test_event_rows_have_the_fields_the_schema_gives(client: TestClient) -> None:
    (item, *_) = get(client, "/api/events")["items"]
    assert list(item) == list(EventItem.model_fields)


# ---------------------------------------------------------------------- the page


def test_every_response_carries_a_strict_content_security_policy(client: TestClient) -> None:
    for url in ("/", "/api/config", "/static/app.js", "/api/nowhere"):
        policy = client.get(url).headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert "unsafe-eval" not in policy


def test_the_page_has_no_inline_script_and_the_script_never_parses_html() -> None:
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == []
    assert not re.search(r"\son[a-z]+=", html)  # no inline event handlers
    script = (STATIC / "app.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                 "new Function"):  # fmt: skip
        assert sink not in script


def test_the_page_asks_nothing_of_other_hosts(client: TestClient) -> None:
    for url in ("/", "/static/app.js", "/static/app.css"):
        text = client.get(url).text
        assert not re.search(r"(src|href)=\"https?://", text)
        assert "cdn" not in text.lower()


# ---------------------------------------------------------------------- command line


def test_cli_lists_undoes_and_exports_corrections(client: TestClient, db: Path) -> None:
    body = {"kind": "not-a-place", "doc_id": DOC_A, "target": "P3"}
    saved = client.post("/api/corrections", json=body, headers=AUTH).json()
    runner = CliRunner()
    listed = runner.invoke(cli_app, ["corrections", "list", "--db", str(db)])
    assert listed.exit_code == 0 and json.loads(listed.stdout)["id"] == saved["id"]
    exported = runner.invoke(cli_app, ["corrections", "export", "--db", str(db)])
    assert exported.exit_code == 0 and json.loads(exported.stdout)["kind"] == "not-a-place"
    undone = runner.invoke(cli_app, ["corrections", "undo", str(saved["id"]), "--db", str(db)])
    assert undone.exit_code == 0 and json.loads(undone.stdout)["undone"] is True
    again = runner.invoke(cli_app, ["corrections", "undo", str(saved["id"]), "--db", str(db)])
    assert again.exit_code == 2 and "already undone" in again.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["serve", "--db", "missing.duckdb"], "no store"),
        (["corrections", "export", "--format", "csv", "--db", "{db}"], "unknown format"),
    ],
)
def test_cli_bad_usage_exits_2_with_a_message(db: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli_app, [a.replace("{db}", str(db)) for a in args])
    assert result.exit_code == 2 and message in result.stderr


@pytest.mark.parametrize(
    ("tile_url", "allowed"),
    [(None, "img-src 'self' data:;"),
     ("https://tiles.example.org/{z}/{x}/{y}.png", "img-src 'self' data: https://tiles.example.org;")],
)  # fmt: skip
def test_images_come_only_from_here_or_the_chosen_tile_server(
    tile_url: str | None, allowed: str
) -> None:
    from sitrep.web.app import content_security_policy

    assert allowed in content_security_policy(tile_url)
