"""One report as rows of the store's tables (pure: no database here).

Rows are tuples in the column order of ``schema``; ``TableRows`` gathers them per table
so that a whole batch is inserted with one statement per table.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sitrep.ingest.document import RawDocument
from sitrep.records import Report, Span, to_json
from sitrep.store import schema

RowValues = tuple[Any, ...]


class TableRows:
    """Rows waiting to be inserted, per table name."""

    def __init__(self) -> None:
        self.rows: dict[str, list[RowValues]] = {table.name: [] for table in schema.TABLES}

    def add(self, table: schema.Table, row: RowValues) -> None:
        if len(row) != len(table.columns):
            raise ValueError(f"{table.name}: {len(row)} values for {len(table.columns)} columns")
        self.rows[table.name].append(row)

    def non_empty(self) -> list[tuple[schema.Table, list[RowValues]]]:
        return [(schema.TABLES_BY_NAME[name], rows) for name, rows in self.rows.items() if rows]


def global_id(doc_id: str, local_id: str | None) -> str | None:
    return None if local_id is None else f"{doc_id}:{local_id}"


def raw_sha256(raw_text: str) -> str:
    return hashlib.sha256(raw_text.encode("utf-8")).hexdigest()


def in_document_order(spanned: Sequence[Any]) -> list[Any]:
    """Records with a ``span``, by position in the text (ties keep the report's order)."""
    return sorted(spanned, key=lambda record: (record.span.start, record.span.end))


def _span_values(span: Span | None) -> tuple[int | None, int | None, str | None]:
    return (None, None, None) if span is None else (span.start, span.end, span.text)


def add_report(
    out: TableRows, raw: RawDocument, report: Report, *, run_id: str, now: datetime
) -> None:
    """Every row that ``report`` (read from ``raw``) contributes to the store."""
    doc = report.id
    _add_document(out, raw, report, raw_sha256(raw.text), run_id, now)
    for seq, cut in enumerate(report.removed):
        out.add(schema.REMOVED, (doc, seq, cut.start, cut.end, cut.text, cut.reason))
    _add_places(out, report)
    _add_people(out, report)
    _add_organizations(out, report)
    _add_times(out, report)
    _add_quotes(out, report)
    _add_figures(out, report)
    _add_events(out, report)


def _add_document(
    out: TableRows, raw: RawDocument, report: Report, digest: str, run_id: str, now: datetime
) -> None:
    published, source = report.published, report.source
    window = published.window or (None, None)
    out.add(
        schema.DOCUMENTS,
        (
            report.id,
            raw.text,
            report.text,
            digest,
            source.path,
            source.url,
            source.outlet,
            source.title,
            raw.origin,
            raw.format,
            report.language,
            list(report.flags),
            published.date,
            published.estimated,
            window[0],
            window[1],
            published.basis,
            now,
            run_id,
            to_json(report),
        ),
    )


def _add_mentions(
    out: TableRows, table: schema.Table, owner: str, doc: str, mentions: Sequence[Span]
) -> None:
    for seq, span in enumerate(mentions):
        out.add(table, (owner, doc, seq, span.start, span.end, span.text))


def _add_places(out: TableRows, report: Report) -> None:
    doc = report.id
    for seq, place in enumerate(report.places):
        gid = f"{doc}:{place.id}"
        out.add(
            schema.PLACES,
            (
                gid,
                doc,
                seq,
                place.name,
                place.gazetteer_id,
                place.lat,
                place.lon,
                place.country,
                place.admin1,
                place.kind,
                place.metonymy,
                place.confidence,
            ),
        )
        _add_mentions(out, schema.PLACE_MENTIONS, gid, doc, place.mentions)


def _add_people(out: TableRows, report: Report) -> None:
    doc = report.id
    for seq, person in enumerate(report.people):
        gid = f"{doc}:{person.id}"
        out.add(
            schema.PEOPLE,
            (
                gid,
                doc,
                seq,
                person.name,
                person.age,
                person.role,
                person.affiliation,
                global_id(doc, person.place),
            ),
        )
        _add_mentions(out, schema.PERSON_MENTIONS, gid, doc, person.mentions)
        for relation in person.relations:
            out.add(schema.PERSON_RELATIONS, (gid, doc, relation.type, f"{doc}:{relation.of}"))


def _add_organizations(out: TableRows, report: Report) -> None:
    doc = report.id
    for seq, org in enumerate(report.organizations):
        gid = f"{doc}:{org.id}"
        out.add(schema.ORGANIZATIONS, (gid, doc, seq, org.name, org.kind))
        _add_mentions(out, schema.ORGANIZATION_MENTIONS, gid, doc, org.mentions)


def _add_times(out: TableRows, report: Report) -> None:
    doc = report.id
    for seq, time in enumerate(in_document_order(report.times)):
        out.add(
            schema.TIMES,
            (f"{doc}:T{seq + 1}", doc, seq, *_span_values(time.span), time.value, time.kind,
             time.anchor),
        )


def _add_quotes(out: TableRows, report: Report) -> None:
    doc = report.id
    record_ids = _local_record_ids(report)
    for seq, quote in enumerate(in_document_order(report.quotes)):
        speaker_start, speaker_end, _ = _span_values(quote.speaker_span)
        cue_start, cue_end, _ = _span_values(quote.cue_span)
        out.add(
            schema.QUOTES,
            (
                f"{doc}:Q{seq + 1}",
                doc,
                seq,
                *_span_values(quote.span),
                global_id(doc, quote.speaker),
                quote.speaker_text,
                speaker_start,
                speaker_end,
                quote.direct,
                quote.cue,
                cue_start,
                cue_end,
                _record_or_text(doc, quote.relayed_by, record_ids),
            ),
        )


def _add_figures(out: TableRows, report: Report) -> None:
    doc = report.id
    for seq, figure in enumerate(in_document_order(report.figures)):
        out.add(
            schema.FIGURES,
            (
                f"{doc}:F{seq + 1}",
                doc,
                seq,
                *_span_values(figure.span),
                figure.value,
                figure.approximate,
                figure.unit,
                figure.quantity,
                global_id(doc, figure.place),
                figure.time,
            ),
        )


def _add_events(out: TableRows, report: Report) -> None:
    doc = report.id
    record_ids = _local_record_ids(report)
    for seq, event in enumerate(report.events):
        gid = f"{doc}:{event.id}"
        out.add(
            schema.EVENTS,
            (
                gid,
                doc,
                seq,
                event.type,
                event.date,
                event.date_precision,
                global_id(doc, event.place),
                list(event.actors),
                list(event.targets),
                event.killed,
                event.injured,
                event.modality,
                _record_or_text(doc, event.claimed_by, record_ids),
                event.confidence,
            ),
        )
        _add_mentions(out, schema.EVENT_EVIDENCE, gid, doc, event.evidence)


def _local_record_ids(report: Report) -> set[str]:
    """Ids of the report's people and organizations (what a claimant may refer to)."""
    return {p.id for p in report.people} | {o.id for o in report.organizations}


def _record_or_text(doc: str, value: str | None, record_ids: set[str]) -> str | None:
    """A claimant: a global id when it names a record of the report, else the text as given."""
    if value is not None and value in record_ids:
        return f"{doc}:{value}"
    return value
