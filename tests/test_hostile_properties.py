"""Property-based tests: whatever the input, the cleaner, the readers, the records and the
per-document stage keep their contracts.

- the cleaner never raises; each ``Removed`` is a whole raw line at its true offsets;
  the cleaned text is the raw text minus those lines, and ``to_raw`` is exact;
- a reader turns any bytes into ``RawDocument``s or ``ReadFailure``s, never an exception;
- a record survives its JSON form unchanged;
- ``annotate`` never raises and every span it makes verifies against the report's text.

Example counts are kept small so each property takes a few seconds; ``fuzz/`` runs the
same targets for as long as one likes. Hypothesis keeps no example database (it would
write into the repository); a failure prints the input that reproduces it.
"""

from __future__ import annotations

import gzip
import io
import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep.clean import clean
from sitrep.ingest import read_paths
from sitrep.ingest.document import RawDocument, ReadFailure
from sitrep.ingest.jsonl import read_jsonl_stream
from sitrep.ingest.warc import read_warc_file
from sitrep.records import (
    Event,
    Figure,
    Organization,
    Person,
    Place,
    Published,
    Quote,
    Removed,
    Report,
    Source,
    Span,
    TimeExpression,
    bad_spans,
    from_json,
    to_json,
)
from sitrep.settings import Settings

FEW = settings(max_examples=60, deadline=None, database=None)
# annotate runs the model: each example costs tens of milliseconds.
SOME = settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# ------------------------------------------------------------------------ text strategies

# Pieces of news prose and of page furniture, recombined: quotes of every kind, numbers,
# dates, capitalised names, right-to-left and other scripts, control characters.
FRAGMENTS = (
    "Officials said",
    '"We will rebuild," said Mayor Ihor Terekhov.',
    "“They shelled the school,” a resident told AP.",
    "‘Nobody came,’ she said.",
    "« Ils ont tiré », a-t-il dit.",
    "„Wir bleiben“, sagte er.",
    '"',
    "“",
    "”",
    "'",
    "At least 1,200 people were killed and 3.5 million displaced.",
    "on 24 February 2022",
    "on Tuesday",
    "last month",
    "2023-10-07",
    "in Kharkiv, Ukraine,",
    "near Khan Younis in Gaza",
    "KYIV, Ukraine (AP) —",
    "Oleh Syniehubov",
    "President Volodymyr Zelenskyy",
    "the World Health Organization",
    "UN",
    "قال المسؤولون إن 12 شخصا قتلوا في غزة",
    "אמר דובר צה״ל",
    "\u202eevil\u202c",
    "\u200f\u200e\u200b\u2066x\u2069",
    "Київ, 3 березня",
    "北京",
    "🙂🇺🇦",
    "e\u0301",
    "\x00",
    "\x07\x1b[31m",
    "\x0c",
    "\r",
    "\u2028",
    "\ufeff",
    "\ud800",
    "Advertisement",
    "Share this article",
    "Read more:",
    "Related Stories",
    "Subscribe to our newsletter",
    "© 2024 The Associated Press. All rights reserved.",
    "Photo: Reuters",
)
SEPARATORS = st.sampled_from((" ", " ", ", ", ". ", "\n", "\n\n", "\t", ""))


@st.composite
def news_like_text(draw: st.DrawFn, max_pieces: int = 40) -> str:
    pieces = draw(
        st.lists(
            st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)),
            max_size=max_pieces,
        )
    )
    separators = draw(st.lists(SEPARATORS, min_size=len(pieces), max_size=len(pieces)))
    return "".join(p + s for p, s in zip(pieces, separators, strict=True))


ANY_TEXT = st.one_of(news_like_text(), st.text(max_size=400))

# ------------------------------------------------------------------------------ cleaner


def removed_lines_are_whole_raw_lines(raw: str, removed: tuple[Removed, ...]) -> None:
    for r in removed:
        assert raw[r.start : r.end] == r.text
        assert r.start == 0 or raw[r.start - 1] == "\n"
        assert r.end == len(raw) or raw[r.end] == "\n"
        assert "\n" not in r.text


@FEW
@given(ANY_TEXT)
def test_cleaner_removes_whole_lines_at_their_raw_offsets(raw: str) -> None:
    removed_lines_are_whole_raw_lines(raw, clean(raw).removed)


@FEW
@given(ANY_TEXT)
def test_cleaned_text_is_the_raw_text_without_the_removed_lines(raw: str) -> None:
    cleaned = clean(raw)
    removed_starts = {r.start for r in cleaned.removed}
    kept: list[str] = []
    offset = 0
    for line in raw.split("\n"):
        if offset not in removed_starts and line.strip():
            kept.append(line)
        offset += len(line) + 1
    # Only blank lines next to a removal may go besides the removed lines themselves.
    assert [line for line in cleaned.text.split("\n") if line.strip()] == kept


@FEW
@given(ANY_TEXT)
def test_every_cleaned_character_maps_back_to_the_same_raw_character(raw: str) -> None:
    cleaned = clean(raw)
    for offset, char in enumerate(cleaned.text):
        assert raw[cleaned.to_raw(offset)] == char
    cleaned.to_raw(len(cleaned.text))  # the end offset is valid too


# ------------------------------------------------------------------------------ readers

EXTENSIONS = (".txt", ".html", ".htm", ".jsonl", ".ndjson", ".warc", ".warc.gz", ".bin", "")
HTML_TAGS = ("p", "div", "article", "span", "br", "table", "tr", "td", "ul", "li", "script",
             "style", "h1", "blockquote", "iframe", "svg", "math", "template")  # fmt: skip


@st.composite
def html_bytes(draw: st.DrawFn) -> bytes:
    """Tag soup: random tags, unclosed and stray ones, with news-like text between."""
    parts = ["<!DOCTYPE html>" if draw(st.booleans()) else "", "<html><head>"]
    if draw(st.booleans()):
        parts.append(f"<title>{draw(news_like_text(5))}</title>")
    if draw(st.booleans()):
        charset = draw(st.sampled_from(("utf-8", "latin-1", "shift_jis", "bogus", "utf-16")))
        parts.append(f'<meta charset="{charset}">')
    parts.append("</head><body>")
    for _ in range(draw(st.integers(0, 30))):
        tag = draw(st.sampled_from(HTML_TAGS))
        closing = draw(st.sampled_from(("open", "close", "both")))
        text = draw(news_like_text(6))
        opened = f"<{tag}>" if closing != "close" else ""
        closed = f"</{tag}>" if closing != "open" else ""
        parts.append(f"{opened}{text}{closed}")
    encoding = draw(st.sampled_from(("utf-8", "utf-16", "cp1252")))
    return "".join(parts).encode(encoding, errors="replace")


def read_file(data: bytes, extension: str) -> list[RawDocument | ReadFailure]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, f"input{extension}")
        path.write_bytes(data)
        return list(read_paths([path], Settings()))


def assert_documents_or_failures(items: list[RawDocument | ReadFailure]) -> None:
    for item in items:
        assert isinstance(item, RawDocument | ReadFailure)
        if isinstance(item, RawDocument):
            assert item.text.strip()
        else:
            assert item.reason.startswith(item.origin.split("#")[0].split(":")[0])


@FEW
@given(st.binary(max_size=2000), st.sampled_from(EXTENSIONS))
def test_random_bytes_in_any_file_become_documents_or_failures(data: bytes, extension: str) -> None:
    items = read_file(data, extension)
    # A container (JSONL, WARC) holds any number of reports, an empty one none at all.
    if extension not in (".jsonl", ".ndjson", ".warc", ".warc.gz"):
        assert len(items) == 1
    assert_documents_or_failures(items)


@settings(max_examples=30, deadline=None, database=None)
@given(html_bytes(), st.sampled_from((".html", ".txt", "")))
def test_any_html_page_becomes_one_document_or_one_failure(data: bytes, extension: str) -> None:
    items = read_file(data, extension)
    assert len(items) == 1
    assert_documents_or_failures(items)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=8,
)
REPORT_KEYS = ("text", "content", "body", "title", "url", "date", "published", "outlet")


@st.composite
def jsonl_line(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(("report", "json", "bytes")))
    if kind == "bytes":
        return draw(st.binary(max_size=200)).replace(b"\n", b" ")
    if kind == "json":
        return json.dumps(draw(JSON_VALUES)).encode()
    record = draw(st.dictionaries(st.sampled_from(REPORT_KEYS), st.one_of(JSON_VALUES, ANY_TEXT)))
    return json.dumps(record, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")


@FEW
@given(st.lists(jsonl_line(), max_size=8), st.sampled_from((b"\n", b"\r\n")))
def test_every_jsonl_line_becomes_one_document_or_one_failure(
    lines: list[bytes], newline: bytes
) -> None:
    data = newline.join(lines)
    items = list(read_jsonl_stream(io.BytesIO(data), "feed.jsonl", Settings()))
    assert_documents_or_failures(items)
    lines_read = data.split(b"\n")
    assert len(items) == sum(1 for line in lines_read if line.strip())
    for item in items:
        assert item.origin.startswith("feed.jsonl:")


MEDIA_TYPES = (
    "text/html",
    "text/html; charset=iso-8859-1",
    "text/html; charset=",
    "text/plain",
    "text/plain; charset=bogus",
    "application/xhtml+xml",
    "image/png",
    "",
)


@st.composite
def warc_bytes(draw: st.DrawFn) -> bytes:
    """A WARC file built with warcio, then perhaps truncated or with bytes overwritten."""
    stream = io.BytesIO()
    writer = WARCWriter(stream, gzip=draw(st.booleans()))
    for n in range(draw(st.integers(0, 4))):
        payload = draw(st.one_of(html_bytes(), st.binary(max_size=300), ANY_TEXT.map(
            lambda t: t.encode("utf-8", "surrogatepass"))))  # fmt: skip
        status = draw(st.sampled_from(("200 OK", "404 Not Found", "301 Moved", "200")))
        headers = [("Content-Type", draw(st.sampled_from(MEDIA_TYPES)))]
        rec_type = draw(st.sampled_from(("response", "resource", "request", "metadata")))
        http = {
            "response": StatusAndHeaders(status, headers, protocol="HTTP/1.1"),
            "request": StatusAndHeaders(f"GET /{n} HTTP/1.1", [], is_http_request=True),
        }.get(rec_type)
        record = writer.create_warc_record(
            f"https://example.org/{n}",
            rec_type,
            payload=io.BytesIO(payload),
            http_headers=http,
            warc_content_type=headers[0][1] if rec_type == "resource" else None,
            # Fixed ids and dates: the same draws must build the same bytes.
            warc_headers_dict={
                "WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{n:012d}>",
                "WARC-Date": "2024-02-29T12:00:00Z",
            },
        )
        writer.write_record(record)
    data = stream.getvalue()
    damage = draw(st.sampled_from(("none", "truncate", "overwrite")))
    at = int(draw(st.floats(0, 1, exclude_max=True)) * len(data))
    if damage == "truncate":
        data = data[:at]
    elif damage == "overwrite":
        data = data[:at] + draw(st.binary(min_size=1, max_size=16)) + data[at + 16 :]
    return data


@settings(max_examples=40, deadline=None, database=None)
@given(warc_bytes(), st.sampled_from((".warc", ".warc.gz")))
def test_any_warc_file_yields_documents_or_failures(data: bytes, extension: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, f"crawl{extension}")
        path.write_bytes(data)
        items = list(read_warc_file(path, Settings()))
    assert_documents_or_failures(items)


def test_a_gzip_bomb_in_a_warc_record_is_refused_by_size_without_inflating_it(
    tmp_path: Path,
) -> None:
    """A record whose body inflates to 200 MB (from about 200 KB on disk) is read up to
    the size limit and refused; the reader never holds the whole body."""
    stream = io.BytesIO()
    writer = WARCWriter(stream, gzip=True)
    bomb = gzip.compress(b" " * 200_000_000, compresslevel=9)
    http = StatusAndHeaders(
        "200 OK",
        [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
        protocol="HTTP/1.1",
    )
    writer.write_record(
        writer.create_warc_record(
            "https://example.org/bomb", "response", payload=io.BytesIO(bomb), http_headers=http
        )
    )
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(stream.getvalue())
    [item] = list(read_warc_file(path, Settings(max_bytes=1_000_000)))
    assert isinstance(item, ReadFailure)
    assert "limit is 1,000,000" in item.reason


# ------------------------------------------------------------------------------ records

SPANS = st.builds(Span, st.integers(0, 10**6), st.integers(0, 10**6), st.text(max_size=20))
FLOATS = st.floats(allow_nan=False)  # NaN is never equal to itself, in JSON or not


REPORTS = st.builds(
    Report,
    id=st.text(max_size=16),
    source=st.builds(Source),
    language=st.none() | st.text(max_size=3),
    published=st.builds(Published, evidence=st.lists(st.text(max_size=10)).map(tuple)),
    text=st.text(max_size=200),
    removed=st.lists(st.builds(Removed), max_size=3).map(tuple),
    places=st.lists(
        st.builds(
            Place,
            mentions=st.lists(SPANS, max_size=2).map(tuple),
            lat=st.none() | FLOATS,
            lon=st.none() | FLOATS,
            confidence=FLOATS,
        ),
        max_size=3,
    ).map(tuple),
    people=st.lists(
        st.builds(Person, mentions=st.lists(SPANS, max_size=2).map(tuple)), max_size=3
    ).map(tuple),
    organizations=st.lists(st.builds(Organization), max_size=2).map(tuple),
    times=st.lists(st.builds(TimeExpression, span=SPANS), max_size=3).map(tuple),
    quotes=st.lists(st.builds(Quote, span=SPANS), max_size=3).map(tuple),
    figures=st.lists(st.builds(Figure, span=SPANS, value=st.none() | FLOATS), max_size=3).map(
        tuple
    ),
    events=st.lists(st.builds(Event, confidence=FLOATS), max_size=3).map(tuple),
    flags=st.lists(st.text(max_size=10), max_size=3).map(tuple),
)


@FEW
@given(REPORTS)
def test_a_report_survives_its_json_form_unchanged(report: Report) -> None:
    assert from_json(Report, to_json(report)) == report


@FEW
@given(REPORTS, st.sampled_from((None, 2)))
def test_a_report_survives_indented_json_too(report: Report, indent: int | None) -> None:
    assert from_json(Report, to_json(report, indent=indent)) == report


# ------------------------------------------------------------------------ the whole stage


@SOME
@given(text=ANY_TEXT, published=st.none() | st.sampled_from(("2022-03-03", "2024-02-29")))
def test_annotate_never_raises_and_every_span_verifies(
    resources: Any, text: str, published: str | None
) -> None:
    from sitrep.stages.pipeline import annotate

    raw = RawDocument(text=text, origin="<generated>")
    report = annotate(raw, resources, published=published)
    assert bad_spans(report) == []
    removed_lines_are_whole_raw_lines(raw.text, report.removed)


@SOME
@given(st.lists(st.sampled_from(FRAGMENTS[:22]), min_size=5, max_size=60), SEPARATORS)
def test_annotate_on_english_news_like_text_verifies_every_span(
    resources: Any, pieces: list[str], separator: str
) -> None:
    """Mostly English fragments, so the language check passes and every stage runs."""
    from sitrep.stages.pipeline import annotate

    text = "The shelling continued overnight, officials said. " + separator.join(pieces)
    report = annotate(RawDocument(text=text, origin="<generated>"), resources)
    assert bad_spans(report) == []


def test_the_english_strategy_really_reaches_the_stages(resources: Any) -> None:
    """Guard for the property above: its texts must be read as English, or it tests nothing."""
    from sitrep.stages.pipeline import annotate

    text = "The shelling continued overnight, officials said. " + " ".join(FRAGMENTS[:22])
    report = annotate(RawDocument(text=text, origin="<generated>"), resources)
    assert report.language == "en"
    assert report.quotes and report.places and report.figures
