"""Undated reports dated by their story: a copy is published on or after its original.

A report with no publication date (no metadata, no dateline) that joins a story whose
members include a dated report gets an estimated window from the story's earliest dated
member, its original: from the original's date to ``MAX_COPY_LAG_DAYS`` later, narrowed
by the report's own content window when the two agree (``basis="corpus"``, the evidence
names the original). Runs inside the store's write transaction, right after the stories
are linked (``link.link_batch``): the new reports of the batch are dated before people
and events are linked (an undated event takes its report's window), and undated members
stored earlier are dated again when a dated member (or an earlier one) arrives.

A story's original and its undated members are kept in two summary tables updated with
each batch (``story_originals``, ``story_undated``), so a batch reads what it changed,
never every member of the stories it joined (docs/SCALE.md, "Session 5").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta

import duckdb

from sitrep.corpus import sql
from sitrep.corpus.stories import StoryLink
from sitrep.records import Published, Report, from_json, to_json
from sitrep.stages.dating import closed_by_span
from sitrep.store import schema

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
    con: duckdb.DuckDBPyConnection,
    reports: Sequence[Report],
    linked: Mapping[str, StoryLink],
    merged: Mapping[str, str] | None = None,
) -> list[Report]:
    """Date the undated members of every story a report of this batch joined; returns
    ``reports`` with their publication estimates as now stored. ``merged``: the stories
    this batch merged into others (old id -> new id), as ``stories.link_stories`` did.

    Reads what the batch changed, never a whole story: the summary tables are brought up
    to date with the members linked since the last batch, and only the undated members
    whose window does not already follow their story's original are dated again.
    """
    _catch_up(con)
    if merged:
        _merge(con, merged)
    joined = sorted({link.story_id for link in linked.values() if link.reason != "first"})
    if not joined:
        return list(reports)
    changed, settled = _redated(con, _pending(con, joined))
    _update(con, changed.values())
    _settle(con, settled)
    return [changed.get(report.id, report) for report in reports]


# ---------------------------------------------------------------------- helpers


def _content_window(own: Published) -> tuple[date, date] | None:
    # A window set by the corpus before is not the report's own: it is computed again.
    if own.basis != "content" or own.window is None or closed_by_span(own):
        return None
    return date.fromisoformat(own.window[0]), date.fromisoformat(own.window[1])


# ------------------------------------------------------------- per-story summaries
# Derived from story_members and documents, kept by the writer in the same transaction;
# not in ``schema.TABLES``: a store without them (written before session 5) gets them
# built from its members by the first batch that links (``_build``).

# Each story's original: its earliest dated member (the doc id breaks ties).
STORY_ORIGINALS = schema.Table(
    "story_originals",
    (
        ("story_id", "VARCHAR"),
        ("doc_id", "VARCHAR"),
        ("published", "VARCHAR"),
        ("label", "VARCHAR"),
    ),
    ("PRIMARY KEY (story_id)",),
)
# The undated members a story's original may date, and the original whose window each
# holds as a fixed point (NULL: not yet, so dated again when its story is next joined).
STORY_UNDATED = schema.Table(
    "story_undated",
    (("doc_id", "VARCHAR"), ("story_id", "VARCHAR"), ("settled_on", "VARCHAR")),
    ("PRIMARY KEY (doc_id)",),
)
# One row: the last story_members.linked_seq folded into the summaries. linked_seq only
# grows, so the members linked since (by this module or by store/copies.py) are the rows
# above it, and DuckDB's zone maps skip the row groups below. Its own table, not a key in
# ``meta`` (which holds the schema version alone).
SUMMARY_MARK = schema.Table("story_summary_mark", (("seq", "BIGINT"),))
# A title, else a path, else a url, else the doc id, as ``Original.label`` (empty = none).
_LABEL = "coalesce(nullif(title, ''), nullif(source_path, ''), nullif(source_url, ''), id)"
# Dates that are the source's or the user's are never replaced (``_redated``).
_KEPT_BASES = ("metadata", "user")


def _catch_up(con: duckdb.DuckDBPyConnection) -> None:
    """Fold the members linked since the last batch into the summaries."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?",
        [SUMMARY_MARK.name],
    ).fetchone()
    if not exists or not exists[0]:
        _build(con)
        return
    row = con.execute(f"SELECT seq FROM {SUMMARY_MARK.name}").fetchone()
    mark = int(row[0]) if row else 0
    new = sql.fetch(
        con,
        "story_members",
        "SELECT doc_id, story_id, linked_seq FROM story_members WHERE linked_seq > ? "
        "ORDER BY linked_seq",
        [mark],
    )
    if not new:
        return
    story_of = {str(doc): str(story) for doc, story, _ in new}
    docs = sql.rows_by_id(
        con, "documents", "id", f"id, published_date, published_basis, {_LABEL}", story_of
    )
    candidates = {
        story_of[str(doc)]: Original(str(doc), str(published), str(label))
        for doc, published, _, label in sorted(docs, key=lambda r: (r[1] or "", r[0]), reverse=True)
        if published
    }
    _fold_originals(con, candidates)
    undated = [
        (str(doc), story_of[str(doc)], None)
        for doc, published, basis, _ in docs
        if published is None and basis not in _KEPT_BASES
    ]
    sql.insert(con, STORY_UNDATED, undated)
    _set_mark(con, max(int(seq) for _, _, seq in new))


def _build(con: duckdb.DuckDBPyConnection) -> None:
    """Create the summaries from every stored member (a new store, or an older one)."""
    for table in (STORY_ORIGINALS, STORY_UNDATED, SUMMARY_MARK):
        con.execute(table.ddl())
    con.execute(
        f"INSERT INTO {STORY_ORIGINALS.name} "
        f"SELECT m.story_id, d.id, d.published_date, {_LABEL} "
        "FROM story_members m JOIN documents d ON d.id = m.doc_id "
        "WHERE d.published_date IS NOT NULL "
        "QUALIFY row_number() OVER (PARTITION BY m.story_id ORDER BY d.published_date, d.id) = 1"
    )
    con.execute(
        f"INSERT INTO {STORY_UNDATED.name} "
        "SELECT m.doc_id, m.story_id, NULL FROM story_members m JOIN documents d "
        "ON d.id = m.doc_id WHERE d.published_date IS NULL "
        "AND coalesce(d.published_basis, '') NOT IN ('metadata', 'user')"
    )
    row = con.execute("SELECT coalesce(max(linked_seq), 0) FROM story_members").fetchone()
    con.execute(f"INSERT INTO {SUMMARY_MARK.name} VALUES (?)", [int(row[0]) if row else 0])


def _set_mark(con: duckdb.DuckDBPyConnection, seq: int) -> None:
    con.execute(f"UPDATE {SUMMARY_MARK.name} SET seq = ?", [seq])


def _fold_originals(con: duckdb.DuckDBPyConnection, candidates: Mapping[str, Original]) -> None:
    """Each story's original becomes the earlier of its stored one and its candidate."""
    if not candidates:
        return
    stored = _originals(con, candidates)
    better = {
        story: found
        for story, found in candidates.items()
        if story not in stored or _earlier(found, stored[story])
    }
    _write_originals(con, better, replace=[s for s in better if s in stored])


def _merge(con: duckdb.DuckDBPyConnection, merged: Mapping[str, str]) -> None:
    """A story merged into another hands over its original and its undated members."""
    final = {old: _followed(old, merged) for old in merged}
    stored = _originals(con, {*final, *final.values()})
    best: dict[str, Original] = {}
    for old, new in sorted(final.items()):
        for found in (stored.get(old), stored.get(new), best.get(new)):
            if found is not None and (new not in best or _earlier(found, best[new])):
                best[new] = found
    gone = sorted(old for old in final if old in stored)
    if gone:
        con.execute(
            f"DELETE FROM {STORY_ORIGINALS.name} WHERE story_id IN ({sql.ids_literal(gone)})"
        )
    changed = {s: o for s, o in best.items() if stored.get(s) != o}
    _write_originals(con, changed, replace=[s for s in changed if s in stored])
    for old, new in sorted(final.items()):
        con.execute(
            f"UPDATE {STORY_UNDATED.name} SET story_id = ? WHERE story_id = ?", [new, old]
        )


def _followed(story: str, merged: Mapping[str, str]) -> str:
    while story in merged:
        story = merged[story]
    return story


def _earlier(a: Original, b: Original) -> bool:
    # The earliest date; the doc id (not the linking order) breaks ties, as in ``sitrep story``.
    return (a.date, a.doc_id) < (b.date, b.doc_id)


def _originals(con: duckdb.DuckDBPyConnection, stories: Iterable[str]) -> dict[str, Original]:
    rows = sql.rows_by_id(
        con, STORY_ORIGINALS.name, "story_id", "story_id, doc_id, published, label", stories
    )
    return {str(s): Original(str(d), str(p), str(label)) for s, d, p, label in rows}


def _write_originals(
    con: duckdb.DuckDBPyConnection, originals: Mapping[str, Original], replace: list[str]
) -> None:
    if replace:
        con.execute(
            f"DELETE FROM {STORY_ORIGINALS.name} WHERE story_id IN ({sql.ids_literal(replace)})"
        )
    sql.insert(
        con,
        STORY_ORIGINALS,
        [(story, o.doc_id, o.date, o.label) for story, o in sorted(originals.items())],
    )


def _pending(con: duckdb.DuckDBPyConnection, stories: list[str]) -> list[tuple[str, Original]]:
    """The undated members of ``stories`` not settled on their story's original."""
    rows = sql.fetch(
        con,
        STORY_UNDATED.name,
        f"SELECT u.doc_id, o.doc_id, o.published, o.label FROM {STORY_UNDATED.name} u "
        f"JOIN {STORY_ORIGINALS.name} o ON o.story_id = u.story_id "
        f"WHERE u.story_id IN ({sql.ids_literal(stories)}) "
        "AND u.settled_on IS DISTINCT FROM o.doc_id ORDER BY u.doc_id",
    )
    return [(str(doc), Original(str(d), str(p), str(label))) for doc, d, p, label in rows]


def _redated(
    con: duckdb.DuckDBPyConnection, pending: list[tuple[str, Original]]
) -> tuple[dict[str, Report], dict[str, str]]:
    """The reports whose window changes, and the members now settled (doc -> original)."""
    original_of = dict(pending)
    changed: dict[str, Report] = {}
    settled: dict[str, str] = {}
    for doc, report_json in sql.rows_by_id(con, "documents", "id", "id, report_json", original_of):
        report = from_json(Report, report_json)
        if report.published.basis in _KEPT_BASES:
            continue
        original = original_of[str(doc)]
        published = copy_window(report.published, original, report.source.crawled)
        if published != report.published:
            changed[str(doc)] = dataclasses.replace(report, published=published)
        # A window set from the report's own content is narrowed once, then recomputed
        # without it the next time: settled only when dating it again changes nothing.
        if copy_window(published, original, report.source.crawled) == published:
            settled[str(doc)] = original.doc_id
    return changed, settled


def _settle(con: duckdb.DuckDBPyConnection, settled: Mapping[str, str]) -> None:
    if settled:
        con.executemany(
            f"UPDATE {STORY_UNDATED.name} SET settled_on = ? WHERE doc_id = ?",
            [[original, doc] for doc, original in sorted(settled.items())],
        )


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
