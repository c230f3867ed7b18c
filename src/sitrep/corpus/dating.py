"""Undated reports dated by their story: a copy is published on or after its original.

A report with no publication date (no metadata, no dateline) that joins a story whose
members include a dated report gets an estimated window from the story's earliest dated
member, its original: from the original's date to ``MAX_COPY_LAG_DAYS`` later, narrowed
by the report's own content window when the two agree (``basis="corpus"``, the evidence
names the original). Runs inside the store's write transaction, right after the stories
are linked (``link.link_batch``): the new reports of the batch are dated before people
and events are linked (an undated event takes its report's window), and undated members
stored earlier are dated again when a dated member (or an earlier one) arrives.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta

import duckdb

from sitrep.corpus import sql
from sitrep.corpus.stories import StoryLink
from sitrep.records import Published, Report, from_json, to_json

# How long after its original a copy may appear. Measured with sitrep's own story
# verification over every text at hand with a date (PolNeAR's 1,008 articles, TBAQ,
# MEANTIME, TE3-platinum: 1,274 documents): 12 copy pairs, 11 of them 0-1 day apart
# (a wire story filed twice, a revised edition the next day) and one 8 days (the same
# AP story filed again; docs/TIME.md). The sample is small and holds no aggregator
# reposts, so the bound is set well above what was seen, and still within the 60 days
# of the width target.
MAX_COPY_LAG_DAYS = 30


@dataclasses.dataclass(frozen=True, slots=True)
class Original:
    """A story's earliest dated member."""

    doc_id: str
    date: str
    label: str  # its title, path or url, for the evidence


def copy_window(own: Published, original: Original, crawled: str | None = None) -> Published:
    """The publication estimate of an undated copy of ``original``.

    ``own`` is the copy's estimate from its own content (kept where it agrees: both must
    hold); ``crawled``, when the page was fetched, ends the window. A content window that
    contradicts the original's (a late republication, or the copy being the original)
    widens the window to cover both: a wrong window is worse than a wide one.
    """
    start = date.fromisoformat(original.date)
    end = start + timedelta(days=MAX_COPY_LAG_DAYS)
    evidence = [
        f"copy of {original.doc_id} ({original.label}), published {original.date}: "
        f"on or after it, within {MAX_COPY_LAG_DAYS} days"
    ]
    content = _content_window(own)
    if content is not None:
        first, last = content
        if first <= end and last >= start:
            start, end = max(start, first), min(end, last)
            evidence += own.evidence
        else:
            start, end = min(start, first), max(end, last)
            evidence.append(f"own content window {first} .. {last} disagrees: both kept")
    if crawled:
        fetched = date.fromisoformat(crawled)
        end = min(end, max(fetched, start))
    return Published(
        date=None,
        estimated=True,
        window=(start.isoformat(), end.isoformat()),
        basis="corpus",
        evidence=tuple(evidence),
    )


def date_from_stories(
    con: duckdb.DuckDBPyConnection, reports: Sequence[Report], linked: Mapping[str, StoryLink]
) -> list[Report]:
    """Date the undated members of every story a report of this batch joined; returns
    ``reports`` with their publication estimates as now stored."""
    joined = sorted({link.story_id for link in linked.values() if link.reason != "first"})
    if not joined:
        return list(reports)
    members = _members(con, joined)
    member_ids = {doc for docs in members.values() for doc in docs}
    columns = "id, published_date, title, source_path, source_url"
    docs = {
        str(doc): (published, title or path or url or doc)
        for doc, published, title, path, url in sql.rows_by_id(
            con, "documents", "id", columns, member_ids
        )
    }
    changed: dict[str, Report] = {}
    for story in joined:
        original = _original(members.get(story, []), docs)
        undated = [doc for doc in members.get(story, []) if doc in docs and docs[doc][0] is None]
        if original is not None and undated:
            changed |= _dated(con, undated, original)
    _update(con, changed.values())
    return [changed.get(report.id, report) for report in reports]


# ---------------------------------------------------------------------- helpers


def _content_window(own: Published) -> tuple[date, date] | None:
    # A window set by the corpus before is not the report's own: it is computed again.
    if own.basis != "content" or own.window is None:
        return None
    return date.fromisoformat(own.window[0]), date.fromisoformat(own.window[1])


def _members(con: duckdb.DuckDBPyConnection, stories: list[str]) -> dict[str, list[str]]:
    # story_id has no index: one scan of two short columns, and only for batches in
    # which a report joined a story.
    rows = con.execute(
        "SELECT story_id, doc_id FROM story_members "
        f"WHERE story_id IN ({sql.ids_literal(stories)}) ORDER BY story_id, linked_seq"
    ).fetchall()
    found: dict[str, list[str]] = {}
    for story, doc in rows:
        found.setdefault(str(story), []).append(str(doc))
    return found


def _original(members: list[str], docs: Mapping[str, tuple[str | None, str]]) -> Original | None:
    dated = [(docs[d][0], d) for d in members if d in docs and docs[d][0]]
    if not dated:
        return None
    # The earliest; the doc id (not the linking order) breaks ties, as in ``sitrep story``.
    published, doc = min(dated)
    return Original(doc, str(published), str(docs[doc][1]))


def _dated(
    con: duckdb.DuckDBPyConnection, undated: list[str], original: Original
) -> dict[str, Report]:
    out: dict[str, Report] = {}
    for doc, report_json in sql.rows_by_id(con, "documents", "id", "id, report_json", undated):
        report = from_json(Report, report_json)
        if report.published.basis in ("metadata", "user"):
            continue  # a date given by the user or the source is never replaced
        published = copy_window(report.published, original, report.source.crawled)
        if published != report.published:
            out[str(doc)] = dataclasses.replace(report, published=published)
    return out


def _update(con: duckdb.DuckDBPyConnection, reports: Iterable[Report]) -> None:
    rows = [
        (
            r.published.window[0] if r.published.window else None,
            r.published.window[1] if r.published.window else None,
            r.published.basis,
            to_json(r),
            r.id,
        )
        for r in reports
    ]
    if rows:
        con.executemany(
            "UPDATE documents SET published_date = NULL, published_estimated = TRUE, "
            "window_start = ?, window_end = ?, published_basis = ?, report_json = ? "
            "WHERE id = ?",
            rows,
        )
