"""Commands over the linked corpus: ``timeline``, ``person``, ``stories``, ``story``, ``unmerge``.

Each takes ``--db`` and ``--json``; rows come in the stable order their store query states.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from sitrep.records import to_dict
from sitrep.settings import DEFAULT_DB
from sitrep.store.rows import PersonEntityRow, StoryRow, Timeline

EXIT_USAGE = 2

DbOption = Annotated[Path, typer.Option("--db", help="The DuckDB store file.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]

out = Console(width=None if sys.stdout.isatty() else 140)


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command("timeline")(timeline)
    app.command("person")(person)
    app.command("stories")(stories)
    app.command("story")(story)
    app.command("unmerge")(unmerge)


def timeline(
    place: Annotated[
        str, typer.Argument(help="A place as any report spells it, or a gazetteer id.")
    ],
    radius: Annotated[
        float | None, typer.Option("--radius", help="Also places within this many km.", min=0)
    ] = None,
    gazetteer: Annotated[
        Path | None,
        typer.Option(
            "--gazetteer", help="Gazetteer for other spellings (default: the packaged one)."
        ),
    ] = None,
    db: DbOption = Path(DEFAULT_DB),
    as_json: JsonOption = False,
) -> None:
    """Events and figures at a place in date order, each with its sources and date
    precision; the latest value of each quantity with its history."""
    aliases = _gazetteer_ids(place, gazetteer)
    found = _call(lambda: _store(db).timeline(place, radius_km=radius, gazetteer_ids=aliases))
    if found is None:
        _usage_error(f"no stored report names a resolved place {place!r} (see `sitrep places`)")
    if as_json:
        _print_json(to_dict(found))
        return
    _print_timeline(found)


def person(
    name: Annotated[str, typer.Argument(help="A name or part of one (ignoring case).")],
    db: DbOption = Path(DEFAULT_DB),
    as_json: JsonOption = False,
) -> None:
    """People across reports: every record, why it was merged, namesakes kept apart."""
    if not name.strip():
        _usage_error("the name must not be empty")
    rows = _call(lambda: _store(db).person(name))
    if as_json:
        _print_json([to_dict(r) for r in rows])
        return
    if not rows:
        out.print(f"no person named like {name!r}")
    for row in rows:
        _print_person(row)


def stories(
    min_size: Annotated[
        int, typer.Option("--min-size", help="Only stories with at least this many reports.", min=1)
    ] = 1,
    db: DbOption = Path(DEFAULT_DB),
    as_json: JsonOption = False,
) -> None:
    """Stories: each report with its copies, the original first."""
    rows = _call(lambda: _store(db).stories(min_size=min_size))
    if as_json:
        _print_json([to_dict(r) for r in rows])
        return
    table = Table(title=f"Stories ({len(rows)})", title_justify="left")
    for column in ("story", "reports", "original", "copies"):
        table.add_column(column, overflow="fold")
    for row in rows:
        copies = ", ".join(f"{m.path or m.doc_id} ({m.reason})" for m in row.members[1:])
        table.add_row(row.id, str(row.size), escape(row.original_path or row.original),
                      escape(copies))  # fmt: skip
    out.print(table)


def story(
    story_id: Annotated[str, typer.Argument(help="A story id, a prefix, or a member's doc id.")],
    db: DbOption = Path(DEFAULT_DB),
    as_json: JsonOption = False,
) -> None:
    """One story: its original and every copy, with how each was recognised."""
    row = _call(lambda: _store(db).story(story_id))
    if row is None:
        _usage_error(f"no story or report {story_id!r} in {db} (see `sitrep stories`)")
    if as_json:
        _print_json(to_dict(row))
        return
    _print_story(row)


def unmerge(
    person_id: Annotated[
        str, typer.Argument(help="A person record id (DOC:H1), as `person --json` shows.")
    ],
    db: DbOption = Path(DEFAULT_DB),
    as_json: JsonOption = False,
) -> None:
    """Undo a wrong merge: the record becomes a person of its own, for good."""
    from sitrep.errors import SitrepError
    from sitrep.store import Store

    if not db.exists():
        _usage_error(f"no store at {db}; create one with `sitrep ingest PATH --db {db}`")
    try:
        left = Store(db).unmerge_person(person_id)
    except SitrepError as exc:
        _usage_error(str(exc))
    if as_json:
        _print_json({"person_id": person_id, "left": left})
    else:
        out.print(f"{person_id} is now a person of its own (it was merged into {left})")


# ---------------------------------------------------------------------- printing


def _print_timeline(found: Timeline) -> None:
    around = f" within {found.radius_km:g} km" if found.radius_km is not None else ""
    table = Table(title=f"Timeline of {found.place}{around} ({len(found.entries)})",
                  title_justify="left")  # fmt: skip
    for column in ("date", "precision", "kind", "what", "value", "place", "sources"):
        table.add_column(column, overflow="fold")
    for e in found.entries:
        value = _entry_value(e.value, e.unit, e.killed, e.injured, e.discrepancy)
        when = e.date if e.date == e.date_end else f"{e.date}..{e.date_end}" if e.date else "?"
        sources = ", ".join(sorted({s.doc_id[:8] for s in e.sources}))
        table.add_row(when, f"{e.precision or ''} {e.date_basis or ''}".strip(), e.kind, e.what,
                      value, escape(e.place or ""), sources)  # fmt: skip
    out.print(table)
    if found.quantities:
        latest = Table(title="Latest values", title_justify="left")
        for column in ("quantity", "unit", "latest", "as of", "history"):
            latest.add_column(column, overflow="fold")
        for q in found.quantities:
            history = "; ".join(f"{d or '?'}: {v:g}" for d, v, _ in q.history if v is not None)
            value = "" if q.latest is None else f"{q.latest:g}"
            latest.add_row(q.quantity, q.unit or "", value, q.latest_date or "?", history)
        out.print(latest)


def _entry_value(
    value: float | None, unit: str | None, killed: tuple[int, ...], injured: tuple[int, ...],
    discrepancy: bool,
) -> str:
    if value is not None:
        return f"{value:g} {unit or ''}".strip()
    parts = []
    if killed:
        parts.append("killed " + " vs ".join(map(str, killed)))
    if injured:
        parts.append("injured " + " vs ".join(map(str, injured)))
    return ("DISCREPANCY " if discrepancy else "") + ", ".join(parts)


def _print_person(row: PersonEntityRow) -> None:
    table = Table(title=f"{row.name} ({row.id}, {len(row.records)} records)", title_justify="left")
    for column in ("record", "name", "age", "role", "place", "why", "document"):
        table.add_column(column, overflow="fold")
    for r in row.records:
        table.add_row(r.person_id, escape(r.name), "" if r.age is None else str(r.age),
                      escape(r.role or ""), escape(r.place or ""), escape(r.reason),
                      escape(r.path or r.doc_id))  # fmt: skip
    out.print(table)
    for apart in row.kept_apart:
        out.print(f"  kept apart from {escape(apart.other_name)} ({apart.other_id}): "
                  f"{escape(apart.reason)}", highlight=False)  # fmt: skip


def _print_story(row: StoryRow) -> None:
    table = Table(title=f"Story {row.id} ({row.size} reports)", title_justify="left")
    for column in ("", "document", "path", "published", "how", "score", "copy of"):
        table.add_column(column, overflow="fold")
    for m in row.members:
        table.add_row("original" if m.original else "", m.doc_id, escape(m.path or ""),
                      m.published or "", m.reason, "" if m.score is None else f"{m.score:.2f}",
                      m.matched_doc or "")  # fmt: skip
    out.print(table)


def _gazetteer_ids(place: str, path: Path | None) -> list[str]:
    """Every gazetteer entry the name may be, so that "Izium" finds a stored "Izyum"."""
    from sitrep.errors import SitrepError
    from sitrep.gazetteer import load_gazetteer

    try:
        return [c.gazetteer_id for c in load_gazetteer(path).lookup(place)]
    except SitrepError as exc:
        _usage_error(str(exc))


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _store(db: Path) -> Any:
    from sitrep.store import Store

    if not db.exists():
        _usage_error(f"no store at {db}; create one with `sitrep ingest PATH --db {db}`")
    return Store(db, read_only=True)


def _call(query: Any) -> Any:
    from sitrep.errors import SitrepError

    try:
        return query()
    except SitrepError as exc:
        _usage_error(str(exc))


def _usage_error(message: str) -> NoReturn:
    Console(stderr=True).print(f"[bold red]error:[/] {escape(message)}")
    raise typer.Exit(EXIT_USAGE)
