"""HTML pages: the article body and its metadata, extracted by trafilatura."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import trafilatura
from lxml import etree

from sitrep.ingest.dates import normalise_date
from sitrep.ingest.decode import NotText, decode_bytes
from sitrep.ingest.document import RawDocument, ReadFailure
from sitrep.ingest.limits import TooLarge, failure, os_failure, read_file_bounded
from sitrep.settings import Settings

# Only the page's own metadata (meta tags, <time>, the URL) may date it: htmldate's
# extensive search guesses from dates in the body, which the dating stage does with
# more care and marks as an estimate.
_DATE_PARAMS: dict[str, Any] = {"extensive_search": False, "original_date": True}
_HTML_START = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_SPACES = re.compile(r"[^\S\n]+")
# trafilatura's output tree: blocks that hold lines of their own.
_LIST_TAGS = {"list"}
_TABLE_TAGS = {"table"}
_CONTAINER_TAGS = {"quote", "div", "section"}


def looks_like_html(text: str) -> bool:
    return _HTML_START.match(text[:4096]) is not None


def read_html_file(path: Path, settings: Settings) -> RawDocument | ReadFailure:
    origin = str(path)
    try:
        html = decode_bytes(read_file_bounded(path, settings.max_bytes))
    except (NotText, TooLarge) as error:
        return failure(origin, error)
    except OSError as error:
        return os_failure(origin, error)
    return html_document(html, origin=origin, path=origin)


def html_document(
    html: str,
    *,
    origin: str,
    path: str | None,
    url: str | None = None,
    crawled: str | None = None,
    fmt: str = "html",
) -> RawDocument | ReadFailure:
    """The article in ``html`` with title, date, url and outlet; paragraphs are separated
    by blank lines, lines inside a paragraph (``<br>``, list items) by single newlines."""
    try:
        extracted = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as error:  # a bad page must not stop a batch; trafilatura raises many kinds
        return failure(origin, f"HTML could not be parsed: {type(error).__name__}: {error}")
    if extracted is None or isinstance(extracted, dict):
        return failure(origin, "no article text found in the HTML")
    title = _clean_meta(extracted.title)
    text = _body_text(extracted.body, title) if extracted.body is not None else ""
    if not text.strip():
        text = _drop_title_line(_paragraphs_from_lines(extracted.text or ""), title)
    if not text.strip():
        return failure(origin, "no article text found in the HTML")
    return RawDocument(
        text=text,
        origin=origin,
        path=path,
        url=_clean_meta(extracted.url) or url,
        title=title,
        outlet=_clean_meta(extracted.sitename) or _clean_meta(extracted.hostname),
        published=normalise_date(extracted.date),
        crawled=crawled,
        format=fmt,
    )


def _body_text(body: etree._Element, title: str | None) -> str:
    blocks = [b for b in (_block_text(el) for el in _blocks(body)) if b]
    return _drop_title_line("\n\n".join(blocks), title)


def _blocks(element: etree._Element) -> list[etree._Element]:
    """Top-level blocks, descending into containers such as block quotes."""
    found: list[etree._Element] = []
    for child in element:
        if not isinstance(child.tag, str):
            continue
        if child.tag in _CONTAINER_TAGS and any(isinstance(c.tag, str) for c in child):
            found.extend(_blocks(child))
        else:
            found.append(child)
    return found


def _block_text(element: etree._Element) -> str:
    if element.tag in _LIST_TAGS:
        lines = [_inline_text(item) for item in element if isinstance(item.tag, str)]
    elif element.tag in _TABLE_TAGS:
        lines = [
            " | ".join(_inline_text(cell) for cell in row if isinstance(cell.tag, str))
            for row in element
            if isinstance(row.tag, str)
        ]
    else:
        lines = [_inline_text(element)]
    return "\n".join(line for line in lines if line)


def _inline_text(element: etree._Element) -> str:
    """The text of an element, with ``<lb/>`` as a newline and HTML whitespace collapsed."""
    parts: list[str] = []
    for node in element.iter():
        if node.tag == "lb" and node is not element:
            parts.append("\n")
        elif node.text:
            parts.append(node.text)
        if node is not element and node.tail:
            parts.append(node.tail)
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _paragraphs_from_lines(text: str) -> str:
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def _drop_title_line(text: str, title: str | None) -> str:
    """The headline is kept as metadata; repeated as the first line it would be read twice."""
    if not title:
        return text
    first, _, rest = text.partition("\n\n")
    return rest if _SPACES.sub(" ", first).strip() == title else text


def _clean_meta(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = _SPACES.sub(" ", value).strip()
    return value or None
