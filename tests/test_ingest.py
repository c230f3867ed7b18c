"""Readers: every good document comes through, every bad one is one failure with its reason."""

from __future__ import annotations

import io
import json
import random
from collections.abc import Iterable
from pathlib import Path

import pytest

from sitrep.ingest import RawDocument, ReadFailure, read_paths
from sitrep.ingest.dates import normalise_date
from sitrep.records import Published
from sitrep.settings import JsonlFields, Settings
from sitrep.stages.pipeline import bounded_by_crawl

SETTINGS = Settings()
ARTICLE = (
    "Shelling hit the eastern districts of Kherson overnight, the governor said.\n\n"
    "Some 3,000 people have left since the evacuation order, officials said on Monday."
)


def read_all(paths: Iterable[str | Path], settings: Settings = SETTINGS) -> list[object]:
    return list(read_paths(list(paths), settings))


def documents(items: list[object]) -> list[RawDocument]:
    return [i for i in items if isinstance(i, RawDocument)]


def failures(items: list[object]) -> dict[str, str]:
    return {i.origin: i.reason for i in items if isinstance(i, ReadFailure)}


def random_high_bytes(count: int) -> bytes:
    rng = random.Random(7)
    return bytes(rng.randrange(0x80, 0x100) for _ in range(count))


# ---------------------------------------------------------------------- the brief's folder


def test_folder_of_good_and_bad_files_yields_every_good_document_and_one_failure_each(
    tmp_path: Path,
) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "invalid.txt").write_bytes(random_high_bytes(4000))
    with (tmp_path / "huge.txt").open("wb") as sparse:
        sparse.truncate(50 * 1024 * 1024)  # 50 MB without writing 50 MB
    lines = [
        json.dumps({"text": "First report from the line.", "title": "One"}),
        '{"text": "broken',
        json.dumps({"content": "Third report, from the content field.", "date": "2023-12-30"}),
    ]
    (tmp_path / "reports.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")

    items = read_all([tmp_path])

    assert [d.origin for d in documents(items)] == [
        str(tmp_path / "good.txt"),
        f"{tmp_path / 'reports.jsonl'}:1",
        f"{tmp_path / 'reports.jsonl'}:3",
    ]
    assert documents(items)[0].text == ARTICLE
    failed = failures(items)
    assert set(failed) == {
        str(tmp_path / "empty.txt"),
        str(tmp_path / "binary.txt"),
        str(tmp_path / "invalid.txt"),
        str(tmp_path / "huge.txt"),
        f"{tmp_path / 'reports.jsonl'}:2",
    }
    assert failed[str(tmp_path / "empty.txt")].endswith("empty file")
    assert failed[str(tmp_path / "binary.txt")].endswith("binary file")
    assert failed[str(tmp_path / "invalid.txt")].endswith("not valid text in any known encoding")
    assert failed[str(tmp_path / "huge.txt")].endswith(
        "file is 52,428,800 bytes; the limit is 5,000,000 (set --max-bytes)"
    )
    assert "malformed JSON" in failed[f"{tmp_path / 'reports.jsonl'}:2"]
    for origin, reason in failed.items():
        assert reason.startswith(origin)


# ------------------------------------------------------------------------- folders, order


def test_folder_walk_is_recursive_sorted_and_takes_known_extensions_only(tmp_path: Path) -> None:
    for name in ["b.txt", "a/z.html", "a/c.text", "notes.md", "data.json", ".hidden/x.txt"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".cache.txt").write_text(ARTICLE, encoding="utf-8")

    origins = [i.origin for i in read_all([tmp_path])]  # type: ignore[attr-defined]

    assert origins == [
        str(tmp_path / "a/c.text"),
        str(tmp_path / "a/z.html"),
        str(tmp_path / "b.txt"),
    ]


def test_reading_is_lazy_one_document_at_a_time(tmp_path: Path) -> None:
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    stream = read_paths([first, second], SETTINGS)
    assert next(stream).origin == str(first)
    second.write_text("Written after reading began.", encoding="utf-8")
    assert next(stream).text == "Written after reading began."  # type: ignore[union-attr]


def test_missing_path_is_a_failure_not_an_exception(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    assert failures(read_all([missing])) == {str(missing): f"{missing}: no such file or folder"}


# --------------------------------------------------------------------------- decoding


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (
            "Kyiv said “no” – again.\r\nSecond line.".encode(),
            "Kyiv said “no” – again.\nSecond line.",
        ),
        (b"\xef\xbb\xbfWith a byte-order mark.", "With a byte-order mark."),
        (
            "The café’s owner said “we hope” – and left Kharkiv.".encode("cp1252"),
            "The café’s owner said “we hope” – and left Kharkiv.",
        ),
        (
            "Місто було звільнене у вересні 2022 року, кажуть мешканці.".encode("cp1251"),
            "Місто було звільнене у вересні 2022 року, кажуть мешканці.",
        ),
        (
            "UTF-16 with its mark, as Windows writes it.".encode("utf-16"),
            "UTF-16 with its mark, as Windows writes it.",
        ),
    ],
)
def test_text_is_decoded_and_newlines_normalised(tmp_path: Path, data: bytes, text: str) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    (document,) = documents(read_all([path]))
    assert document.text == text
    assert document.format == "text"
    assert document.path == str(path)


@pytest.mark.parametrize(
    ("data", "reason"), [(b" \n\t\n ", "empty file"), (b"text\x00more", "binary file")]
)
def test_unreadable_text_files_say_why(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    assert failures(read_all([path])) == {str(path): f"{path}: {reason}"}


def test_max_bytes_setting_is_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("x" * 101, encoding="utf-8")
    (reason,) = failures(read_all([path], Settings(max_bytes=100))).values()
    assert reason.endswith("file is 101 bytes; the limit is 100 (set --max-bytes)")


def test_explicit_file_with_unknown_extension_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "report.article"
    path.write_text(ARTICLE, encoding="utf-8")
    (document,) = documents(read_all([path]))
    assert document.text == ARTICLE


def test_explicit_binary_file_with_unknown_extension_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)))
    (reason,) = failures(read_all([path])).values()
    assert "unsupported format (.jpg)" in reason


# ------------------------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html><html><head>
<title>Kherson evacuates two districts | Southern Courier</title>
<meta property="og:title" content="Kherson evacuates two districts">
<meta property="og:site_name" content="Southern Courier">
<meta property="article:published_time" content="2024-03-07T09:15:00+02:00">
<link rel="canonical" href="https://courier.example/2024/03/kherson-evacuation">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Kherson evacuates two districts</h1>
<p>Russian shelling of Kherson forced the evacuation of two more districts along the Dnipro
   river on Thursday, the city's military administration said.</p>
<p>Olena Kovalchuk, a 61-year-old retired teacher, packed two bags and a cat carrier into a
   minibus in the Korabel district.</p>
<p>"I stayed through the occupation, I stayed through the flood," she said.</p>
</article><footer>Contact us</footer></body></html>"""


def test_html_page_gives_body_paragraphs_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    (document,) = documents(read_all([path]))
    assert document.title == "Kherson evacuates two districts"
    assert document.outlet == "Southern Courier"
    assert document.url == "https://courier.example/2024/03/kherson-evacuation"
    assert document.published == "2024-03-07"
    assert document.format == "html"
    paragraphs = document.text.split("\n\n")
    assert paragraphs[0].startswith("Russian shelling of Kherson forced the evacuation of two")
    assert "the Dnipro river on Thursday" in paragraphs[0]  # HTML whitespace collapsed
    assert (
        paragraphs[-1] == '"I stayed through the occupation, I stayed through the flood," she said.'
    )
    assert "Contact us" not in document.text
    assert "Kherson evacuates two districts" not in document.text  # the title is metadata


def test_html_without_article_text_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>Empty</title></head><body></body></html>", encoding="utf-8")
    (reason,) = failures(read_all([path])).values()
    assert reason == f"{path}: no article text found in the HTML"


# ------------------------------------------------------------------------------ JSONL


def test_jsonl_fields_are_tried_in_order_and_dates_normalised(tmp_path: Path) -> None:
    path = tmp_path / "feed.ndjson"
    records = [
        {
            "body": "From the body field.",
            "headline": "H",
            "link": "https://a.example/1",
            "site": "Wire",
            "published_at": "2023-12-30T10:00:00Z",
        },
        {"text": "", "content": "Empty text falls through to content.", "date": "not a date"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n\n", encoding="utf-8")
    first, second = documents(read_all([path]))
    assert (first.text, first.title, first.url, first.outlet, first.published) == (
        "From the body field.",
        "H",
        "https://a.example/1",
        "Wire",
        "2023-12-30",
    )
    assert first.origin == f"{path}:1" and first.path == str(path) and first.format == "jsonl"
    assert second.text == "Empty text falls through to content."
    assert second.published is None


def test_jsonl_custom_field_names_come_from_settings(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        json.dumps({"article": "Custom field.", "when": "2022-09-10"}), encoding="utf-8"
    )
    settings = Settings(jsonl_fields=JsonlFields(text=("article",), date=("when",)))
    (document,) = documents(read_all([path], settings))
    assert (document.text, document.published) == ("Custom field.", "2022-09-10")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"title": "no text here"}', "no text in any text field (tried text, content, body)"),
        ("[1, 2, 3]", "line is a JSON list, not an object"),
        ('{"text": "unterminated', "malformed JSON: Unterminated string"),
    ],
)
def test_bad_jsonl_line_fails_alone_with_its_line_number(
    tmp_path: Path, line: str, reason: str
) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(f'{{"text": "good one"}}\n{line}\n{{"text": "good two"}}\n', encoding="utf-8")
    items = read_all([path])
    assert [d.text for d in documents(items)] == ["good one", "good two"]
    ((origin, message),) = failures(items).items()
    assert origin == f"{path}:2"
    assert message.startswith(f"{path}:2: {reason}")


def test_jsonl_line_over_the_limit_is_refused_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    long_line = json.dumps({"text": "x" * 500})
    path.write_text(f"{long_line}\n{json.dumps({'text': 'short'})}\n", encoding="utf-8")
    items = read_all([path], Settings(max_bytes=200))
    assert [d.text for d in documents(items)] == ["short"]
    assert list(failures(items)) == [f"{path}:1"]


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2023-12-30", "2023-12-30"),
        ("2023-12-30T10:00:00Z", "2023-12-30"),
        ("2023-12-30 23:30:00-05:00", "2023-12-30"),
        ("20231230", "2023-12-30"),
        ("Sat, 30 Dec 2023 10:00:00 GMT", "2023-12-30"),
        ("30 December 2023", "2023-12-30"),
        ("December 30, 2023", "2023-12-30"),
        (1703930400, "2023-12-30"),
        (1703930400000, "2023-12-30"),
        ("2023-02-30", None),
        ("yesterday", None),
        ("0001-01-01", None),
        (None, None),
        (True, None),
    ],
)
def test_dates_are_normalised_to_iso_days(value: object, iso: str | None) -> None:
    assert normalise_date(value) == iso


# ------------------------------------------------------------------------------- WARC


def write_warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    def response(uri: str, body: bytes, content_type: str, status: str = "200 OK") -> object:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        return writer.create_warc_record(
            uri,
            "response",
            payload=io.BytesIO(body),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2024-03-08T12:00:00Z"},
        )

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=path.name.endswith(".gz"))
        page = PAGE.replace(
            '<meta property="article:published_time" content="2024-03-07T09:15:00+02:00">', ""
        )
        writer.write_record(
            response("https://courier.example/a", page.encode(), "text/html; charset=utf-8")
        )
        writer.write_record(
            response("https://courier.example/a.txt", ARTICLE.encode(), "text/plain")
        )
        writer.write_record(
            response("https://courier.example/logo.png", b"\x89PNG\r\n", "image/png")
        )
        writer.write_record(
            response(
                "https://courier.example/gone",
                b"<html>404</html>",
                "text/html",
                status="404 Not Found",
            )
        )
        writer.write_record(
            writer.create_warc_record(
                "https://courier.example/a",
                "request",
                payload=io.BytesIO(b"GET /a HTTP/1.1\r\n\r\n"),
            )
        )


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_and_text_responses_are_reports_and_the_rest_is_skipped(
    tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    write_warc(path)
    items = read_all([path])
    assert failures(items) == {}
    html, text = documents(items)
    assert html.url == "https://courier.example/2024/03/kherson-evacuation"
    assert html.origin.startswith(f"{path}#<urn:uuid:")
    # No date in the page: the WARC-Date is when it was fetched, not when it was published.
    assert (html.published, html.crawled) == (None, "2024-03-08")
    assert (text.published, text.crawled) == (None, "2024-03-08")
    assert html.text.startswith("Russian shelling of Kherson")
    assert html.format == text.format == "warc"
    assert (text.url, text.text) == ("https://courier.example/a.txt", ARTICLE)


def test_file_that_is_not_a_warc_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_text("this is not a web archive", encoding="utf-8")
    (reason,) = failures(read_all([path])).values()
    assert reason == f"{path}: not a WARC file (no WARC record headers)"


def test_a_response_record_without_a_target_uri_is_a_failure_after_the_good_records(
    tmp_path: Path,
) -> None:
    # warcio raises AttributeError on such a record (found by the property tests).
    path = tmp_path / "crawl.warc"
    write_warc(path)
    good = path.read_bytes()
    body = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nShelling hit the town."
    headless = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
        b"Content-Type: application/http; msgtype=response\r\n"
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body
        + b"\r\n\r\n"
    )
    path.write_bytes(good + headless)
    found = list(read_all([path]))
    documents = [d for d in found if isinstance(d, RawDocument)]
    assert len(documents) == 2  # the two reports before the malformed record
    (reason,) = failures(found).values()
    assert reason.startswith(f"{path}: not a readable WARC file: malformed record")


# ------------------------------------------------------------------------------ stdin


@pytest.mark.parametrize(
    "stream", [io.BytesIO(ARTICLE.encode()), io.StringIO(ARTICLE)], ids=["bytes", "text"]
)
def test_dash_reads_one_report_from_stdin(stream: io.IOBase) -> None:
    (document,) = list(read_paths(["-"], SETTINGS, stdin=stream))  # type: ignore[arg-type]
    assert isinstance(document, RawDocument)
    assert (document.text, document.origin, document.format) == (ARTICLE, "<stdin>", "stdin")


def test_html_on_stdin_goes_through_the_html_reader() -> None:
    (document,) = list(read_paths(["-"], SETTINGS, stdin=io.BytesIO(PAGE.encode())))
    assert isinstance(document, RawDocument)
    assert document.title == "Kherson evacuates two districts"
    assert document.text.startswith("Russian shelling")


# ------------------------------------------------------------------- crawl date as a bound


def test_an_estimated_window_past_the_crawl_date_ends_on_the_crawl_date() -> None:
    estimate = Published(estimated=True, window=("2024-03-01", "2024-04-30"), basis="content")
    bounded = bounded_by_crawl(estimate, "2024-03-20")
    assert bounded.window == ("2024-03-01", "2024-03-20")
    assert bounded.evidence[-1] == "crawled on 2024-03-20: published on or before it"


def test_a_window_wholly_after_the_crawl_date_moves_to_end_on_it_keeping_its_width() -> None:
    estimate = Published(estimated=True, window=("2025-01-01", "2025-01-31"), basis="content")
    assert bounded_by_crawl(estimate, "2024-06-02").window == ("2024-05-03", "2024-06-02")


@pytest.mark.parametrize(
    "published",
    [
        Published(date="2024-03-25", basis="metadata"),
        Published(estimated=True, window=("2024-01-01", "2024-02-01"), basis="content"),
    ],
)
def test_known_dates_and_windows_before_the_crawl_are_left_alone(published: Published) -> None:
    assert bounded_by_crawl(published, "2024-03-20") == published


def test_an_undated_report_records_the_crawl_date_as_evidence_only() -> None:
    bounded = bounded_by_crawl(Published(), "2024-03-20")
    assert (bounded.date, bounded.window) == (None, None)
    assert bounded.evidence == ("crawled on 2024-03-20: published on or before it",)
