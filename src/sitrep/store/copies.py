"""Exact copies: the same text published by another source.

A report's id is the hash of its text, so a second outlet carrying the very same text
has the id of the first. It is not annotated again and adds no evidence, but it is a
source of the story: it gets a ``documents`` row of its own (its id, path, url, title,
publication date; the original's text, no records) and joins the original's story as an
``exact`` copy. Its id hashes the original's id with the copy's source, so reading the
same file again finds it stored and skips it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import datetime

import duckdb

from sitrep.ingest.document import RawDocument
from sitrep.records import Published, Report, Source, content_id, from_json
from sitrep.store.flatten import TableRows, add_report

# The flag a copy's report carries (``sitrep docs`` shows it).
COPY_FLAG = "exact-copy"


def source_key(raw: RawDocument) -> str:
    """What tells two sources of one text apart: the url, else where it was read."""
    return raw.url or raw.origin


def copy_id(original_id: str, raw: RawDocument) -> str:
    return content_id(f"{original_id}\n{source_key(raw)}")


def add_copies(
    con: duckdb.DuckDBPyConnection,
    copies: Sequence[tuple[RawDocument, str]],
    out: TableRows,
    *,
    run_id: str,
    now: datetime,
) -> list[tuple[str, str]]:
    """Rows for each copy (raw document, original's id) whose original is stored and
    which is not stored yet; returns (copy id, original id) of those added."""
    wanted = {copy_id(original, raw): (raw, original) for raw, original in copies}
    if not wanted:
        return []
    known = {
        str(row[0])
        for row in con.execute(
            "SELECT id FROM documents WHERE id IN (SELECT unnest(?::VARCHAR[]))",
            [sorted(wanted)],
        ).fetchall()
    }
    originals = _stored_reports(con, sorted({original for _, original in wanted.values()}))
    added = []
    for doc_id, (raw, original) in wanted.items():
        if doc_id in known or original not in originals:
            continue  # stored by an earlier run, or its original failed and was not stored
        report, raw_text = originals[original]
        # The original's raw text: the same but for line ends, and ``removed`` points into it.
        same_raw = dataclasses.replace(raw, text=raw_text)
        add_report(out, same_raw, copy_report(doc_id, raw, report), run_id=run_id, now=now)
        known.add(doc_id)
        added.append((doc_id, original))
    return added


def link_copies(con: duckdb.DuckDBPyConnection, added: Sequence[tuple[str, str]]) -> None:
    """Each added copy joins its original's story as an exact copy (score 1)."""
    if not added:
        return
    story_of = dict(
        con.execute(
            "SELECT doc_id, story_id FROM story_members "
            "WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
            [sorted({original for _, original in added})],
        ).fetchall()
    )
    row = con.execute("SELECT coalesce(max(linked_seq), 0) FROM story_members").fetchone()
    seq = int(row[0]) + 1 if row else 1
    con.executemany(
        "INSERT INTO story_members VALUES (?, ?, 'exact', 1.0, ?, ?)",
        [
            [doc_id, story_of.get(original, original), original, seq + i]
            for i, (doc_id, original) in enumerate(added)
        ],
    )


def copy_report(doc_id: str, raw: RawDocument, original: Report) -> Report:
    """The copy as a report: the original's text and language, its own source and date,
    no records (the original holds the evidence)."""
    return dataclasses.replace(
        original,
        id=doc_id,
        source=Source(
            path=raw.path, url=raw.url, outlet=raw.outlet, title=raw.title, crawled=raw.crawled
        ),
        published=_copy_published(raw, original),
        places=(), people=(), organizations=(), times=(), quotes=(), figures=(), events=(),
        flags=(*original.flags, COPY_FLAG),
    )  # fmt: skip


def _copy_published(raw: RawDocument, original: Report) -> Published:
    if raw.published:
        return Published(date=raw.published, basis="metadata")
    stated = original.published
    # A date read from the text holds for every copy of it; the original's metadata
    # does not, but it bounds the copy's date from below, as for any story member.
    if stated.basis == "content":
        return stated
    if stated.date is None:
        return Published()
    label = original.source.title or original.source.url or original.source.path or original.id
    # Imported here: the corpus modules import the store, which imports this module, so
    # at import time whichever side comes first would find the other half-initialised.
    from sitrep.corpus import dating

    return dating.copy_window(
        Published(), dating.Original(original.id, stated.date, label), raw.crawled
    )


def _stored_reports(
    con: duckdb.DuckDBPyConnection, doc_ids: list[str]
) -> dict[str, tuple[Report, str]]:
    rows = con.execute(
        "SELECT id, report_json, raw_text FROM documents "
        "WHERE id IN (SELECT unnest(?::VARCHAR[]))",
        [doc_ids],
    ).fetchall()
    return {str(doc): (from_json(Report, text), str(raw)) for doc, text, raw in rows}
