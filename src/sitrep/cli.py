"""The ``sitrep`` command line (docs/CLI.md describes every command).

Exit codes: 0 success; 1 some documents failed (the rest were processed);
2 bad usage or configuration (unknown model, unusable store, missing file).
"""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from sitrep.commands import register_all
from sitrep.errors import SitrepError
from sitrep.evaluation.gate import Floors, check_floors
from sitrep.records import Report, to_dict
from sitrep.settings import DEFAULT_DB, DEFAULT_MAX_BYTES, DEFAULT_MODEL, Settings

app = typer.Typer(
    name="sitrep",
    help="Turn raw news reports about wars, disasters and crises into a situation database.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Score sitrep against annotated data; the last line is JSON.")
app.add_typer(eval_app, name="eval")

# Piped output (make run, CI logs) gets a readable width instead of rich's 80 columns.
out = Console(width=None if sys.stdout.isatty() else 140)
err = Console(stderr=True)

EXIT_SOME_FAILED = 1
EXIT_USAGE = 2

DbOption = Annotated[Path, typer.Option("--db", help="The DuckDB store file.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
ModelOption = Annotated[
    str, typer.Option("--model", help="spaCy pipeline to use (any installed package or path).")
]
GazetteerOption = Annotated[
    Path | None,
    typer.Option(
        "--gazetteer",
        help="A gazetteer built by `sitrep gazetteer build` (default: the packaged one).",
    ),
]
AnchorEventsOption = Annotated[
    Path | None,
    typer.Option(
        "--anchor-events",
        help="JSON file of extra well-known dated events used to date reports (docs/TIME.md).",
    ),
]

F = TypeVar("F", bound=Callable[..., Any])


def _valid_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date of the form YYYY-MM-DD") from None


def _settings(
    *,
    model: str,
    gazetteer: Path | None,
    anchor_events: Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Settings:
    if gazetteer is not None and not gazetteer.is_file():
        raise _fail(f"no gazetteer at {gazetteer}; build one with `sitrep gazetteer build`")
    if anchor_events is not None and not anchor_events.is_file():
        raise _fail(f"no anchor-events file at {anchor_events}")
    try:
        return Settings(
            model=model,
            max_bytes=max_bytes,
            gazetteer_path=gazetteer,
            anchor_events_path=anchor_events,
        )
    except ValueError as exc:
        raise _fail(str(exc)) from None


def _fail(message: str) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}")
    return typer.Exit(EXIT_USAGE)


def _open_store(db: Path, *, must_exist: bool = True) -> Any:
    from sitrep.store import Store

    if must_exist and not db.exists():
        raise _fail(f"no store at {db}; create one with `sitrep ingest PATH --db {db}`")
    try:
        return Store(db, read_only=must_exist)
    except SitrepError as exc:
        raise _fail(str(exc)) from None


# What a table shows of each row type (JSON always carries every field).
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "DocumentRow": (
        "id",
        "title",
        "path",
        "published",
        "published_estimated",
        "language",
        "places",
        "people",
        "quotes",
        "events",
    ),
    "PersonRow": ("name", "age", "role", "place", "mentions", "doc_id"),
    "PlaceRow": (
        "name",
        "kind",
        "country",
        "lat",
        "lon",
        "gazetteer_id",
        "mentions",
        "metonymic_mentions",
        "documents",
    ),
    "OrgRow": ("name", "kind", "mentions", "doc_id"),
    "QuoteRow": ("speaker", "text", "cue", "direct", "doc_id"),
    "TimeRow": ("text", "value", "kind", "anchor", "doc_id"),
    "FigureRow": ("text", "value", "unit", "quantity", "approximate", "place", "time", "doc_id"),
    "EventRow": ("type", "date", "place", "actors", "killed", "injured", "modality", "doc_id"),
    "FailureRow": ("origin", "reason", "run_id"),
    "RunRow": ("id", "started", "finished", "counts"),
    "SearchHit": ("doc_id", "title", "snippet"),
}
# Long cells are cut in tables; the full value is in --json.
MAX_CELL = {"text": 90, "snippet": 90, "reason": 100}
DEFAULT_MAX_CELL = 60


def _print_rows(rows: Sequence[Any], as_json: bool, title: str, *, empty: str) -> None:
    """Rows are dataclasses; JSON prints them whole, the table shows the useful fields."""
    if as_json:
        sys.stdout.write(
            json.dumps([to_dict(r) for r in rows], ensure_ascii=False, indent=2) + "\n"
        )
        return
    if not rows:
        out.print(empty)
        return
    fields = [f.name for f in dataclasses.fields(rows[0])]
    columns = TABLE_COLUMNS.get(type(rows[0]).__name__, tuple(fields))
    table = Table(title=f"{title} ({len(rows)})", title_justify="left")
    for name in columns:
        table.add_column(
            "doc" if name == "doc_id" else name.replace("_", " "),
            overflow="fold",
            no_wrap=name in ("doc_id", "id", "gazetteer_id"),
        )
    for row in rows:
        table.add_row(*(_cell(c, getattr(row, c)) for c in columns))
    out.print(table)


def _cell(column: str, value: Any) -> str:
    if value is None:
        return ""
    if column == "doc_id":
        return str(value)[:8]
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell("", v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k} {v}" for k, v in value.items())
    text = " ".join(str(value).split())
    limit = MAX_CELL.get(column, DEFAULT_MAX_CELL)
    return escape(text if len(text) <= limit else text[: limit - 1] + "…")


# ---------------------------------------------------------------------------- extract


@app.command()
def extract(
    files: Annotated[list[str], typer.Argument(help="Files or folders to read; '-' reads stdin.")],
    as_json: JsonOption = False,
    published: Annotated[
        str | None,
        typer.Option("--published", help="Publication date YYYY-MM-DD for every input."),
    ] = None,
    pretty: Annotated[bool, typer.Option("--pretty", help="Indent the JSON.")] = False,
    model: ModelOption = DEFAULT_MODEL,
    gazetteer: GazetteerOption = None,
    anchor_events: AnchorEventsOption = None,
    max_bytes: Annotated[int, typer.Option("--max-bytes", help="Refuse larger files.")] = (
        DEFAULT_MAX_BYTES
    ),
) -> None:
    """Run the per-document stage and print what each report contains.

    With --json: one JSON object per document (the output contract, docs/OUTPUT.md).
    """
    from sitrep.engine import annotate_safely
    from sitrep.ingest import read_paths
    from sitrep.ingest.document import ReadFailure
    from sitrep.resources import load_resources

    published = _valid_date(published)
    settings = _settings(
        model=model, max_bytes=max_bytes, gazetteer=gazetteer, anchor_events=anchor_events
    )
    try:
        resources = load_resources(settings)
    except SitrepError as exc:
        raise _fail(str(exc)) from None
    failed = 0
    for item in read_paths(files, settings, stdin=sys.stdin.buffer):
        outcome = annotate_safely(item, resources, published)
        if isinstance(outcome, ReadFailure):
            failed += 1
            err.print(f"[red]failed[/] {outcome.origin}: {outcome.reason}")
            continue
        report = outcome[1]
        if as_json:
            sys.stdout.write(
                json.dumps(to_dict(report), ensure_ascii=False, indent=2 if pretty else None) + "\n"
            )
        else:
            _print_report(report)
    if failed:
        raise typer.Exit(EXIT_SOME_FAILED)


def _print_report(report: Report) -> None:
    pub = report.published
    when = pub.date or (f"{pub.window[0]} .. {pub.window[1]}" if pub.window else "unknown")
    out.rule(f"[bold]{report.source.title or report.source.path or report.id}[/]")
    out.print(
        f"id {report.id} · language {report.language} · published {when}"
        f"{' (estimated)' if pub.estimated else ''}"
        f"{' · flags ' + ', '.join(report.flags) if report.flags else ''}"
    )
    if report.removed:
        out.print(
            f"removed {len(report.removed)} boilerplate line(s): "
            + "; ".join(f"{r.reason}: {r.text[:40]!r}" for r in report.removed)
        )
    sections: list[tuple[str, list[str]]] = [
        (
            "places",
            [
                f"{p.name} ({p.kind}, {p.country or '?'}"
                f"{', metonymy' if p.metonymy else ''}) x{len(p.mentions)}"
                for p in report.places
            ],
        ),
        (
            "people",
            [
                f"{h.name}"
                + (f", {h.age}" if h.age is not None else "")
                + (f", {h.role}" if h.role else "")
                for h in report.people
            ],
        ),
        ("organizations", [f"{o.name} ({o.kind or '?'})" for o in report.organizations]),
        ("times", [f"{t.span.text!r} -> {t.value}" for t in report.times]),
        (
            "quotes",
            [
                f"{_speaker_name(report, q.speaker) or q.speaker_text or '?'}: {q.span.text[:80]!r}"
                for q in report.quotes
            ],
        ),
        (
            "figures",
            [
                f"{f.span.text!r} -> {f.value} {f.unit or ''} {f.quantity or ''}".rstrip()
                for f in report.figures
            ],
        ),
        (
            "events",
            [
                f"{e.type} {e.date or ''} at {_place_name(report, e.place) or '?'} "
                f"by {', '.join(e.actors) or '?'}"
                for e in report.events
            ],
        ),
    ]
    for name, lines in sections:
        if lines:
            out.print(f"[bold]{name}[/]: " + " · ".join(lines))


def _speaker_name(report: Report, ref: str | None) -> str | None:
    for group in (report.people, report.organizations):
        for entity in group:
            if entity.id == ref:
                return entity.name
    return None


def _place_name(report: Report, ref: str | None) -> str | None:
    return next((p.name for p in report.places if p.id == ref), None)


# ---------------------------------------------------------------------------- ingest


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to read; '-' reads stdin.")],
    db: DbOption = Path(DEFAULT_DB),
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            help="Worker processes (local; default 1) or annotating actors (ray; default: "
            "every CPU of the cluster).",
        ),
    ] = None,
    engine: Annotated[
        str,
        typer.Option(
            "--engine",
            help="local (processes on this machine) or ray (a Ray cluster; pip install "
            "'sitrep[ray]'; docs/SCALE.md).",
        ),
    ] = "local",
    address: Annotated[
        str | None,
        typer.Option(
            "--address",
            help="With --engine ray: the cluster to join (e.g. HEAD:6379 or 'auto'); "
            "default: start a local one.",
        ),
    ] = None,
    shards: Annotated[
        Path | None,
        typer.Option(
            "--shards",
            help="With --engine ray: folder for the Parquet shards, reachable from every "
            "node (default: DB.shards next to the store).",
        ),
    ] = None,
    published: Annotated[
        str | None, typer.Option("--published", help="Publication date YYYY-MM-DD for all inputs.")
    ] = None,
    model: ModelOption = DEFAULT_MODEL,
    gazetteer: GazetteerOption = None,
    anchor_events: AnchorEventsOption = None,
    max_bytes: Annotated[int, typer.Option("--max-bytes", help="Refuse larger files.")] = (
        DEFAULT_MAX_BYTES
    ),
    as_json: JsonOption = False,
) -> None:
    """Read, annotate and store reports; already stored ones are skipped.

    Per-document failures are listed with their reason and never stop the batch;
    the exit code is 1 when any document failed.
    """
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from sitrep.engine import IngestSummary
    from sitrep.engine import ingest as run_ingest

    if engine not in ("local", "ray"):
        raise _fail(f"unknown engine {engine!r}; use --engine local or --engine ray")
    if engine == "local" and (address is not None or shards is not None):
        raise _fail("--address and --shards need --engine ray")
    published = _valid_date(published)
    settings = _settings(
        model=model, max_bytes=max_bytes, gazetteer=gazetteer, anchor_events=anchor_events
    )
    store = _open_store(db, must_exist=False)
    with Progress(
        SpinnerColumn(),
        BarColumn(),  # pulses: a stream of documents has no known total
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=as_json,
    ) as progress:
        task = progress.add_task("ingesting", total=None)

        def show(summary: IngestSummary) -> None:
            progress.update(
                task,
                description=(
                    f"{summary.seen} read · {summary.added} added · {summary.skipped} skipped · "
                    f"{summary.failed} failed"
                ),
            )

        try:
            if engine == "ray":
                from sitrep.scale.ray_engine import ingest_with_ray

                summary = ingest_with_ray(
                    paths,
                    store,
                    settings,
                    workers=workers,
                    address=address,
                    shards_dir=shards,
                    published=published,
                    on_progress=show,
                )
            else:
                summary = run_ingest(
                    paths,
                    store,
                    settings,
                    workers=workers or 1,
                    published=published,
                    on_progress=show,
                )
        except SitrepError as exc:
            raise _fail(str(exc)) from None
    if as_json:
        sys.stdout.write(
            json.dumps(
                {
                    "run_id": summary.run_id,
                    "seen": summary.seen,
                    "added": summary.added,
                    "skipped": summary.skipped,
                    "failed": summary.failed,
                    "failures": [
                        {"origin": f.origin, "reason": f.reason} for f in summary.failures
                    ],
                },
                ensure_ascii=False,
            )
            + "\n"
        )
    else:
        for failure in summary.failures:
            err.print(f"[red]failed[/] {failure.origin}: {failure.reason}")
        out.print(summary.line())
    if summary.failed:
        raise typer.Exit(EXIT_SOME_FAILED)


# ---------------------------------------------------------------------------- queries


@app.command()
def summary(db: DbOption = Path(DEFAULT_DB), as_json: JsonOption = False) -> None:
    """What the store holds: counts, then the people, quotes and places found."""
    store = _open_store(db)
    counts = store.counts()
    people, quotes, places = store.people(), store.quotes(), store.places()
    if as_json:
        out.print_json(
            json.dumps(
                {
                    "counts": counts,
                    "people": [to_dict(r) for r in people],
                    "quotes": [to_dict(r) for r in quotes],
                    "places": [to_dict(r) for r in places],
                },
                ensure_ascii=False,
            )
        )
        return
    out.print(" · ".join(f"{k} {v}" for k, v in counts.items()))
    _print_rows(people, False, "People", empty="no people found")
    _print_rows(quotes, False, "Quotes", empty="no quotes found")
    _print_rows(places, False, "Places", empty="no places found")


@app.command()
def docs(db: DbOption = Path(DEFAULT_DB), as_json: JsonOption = False) -> None:
    """The stored reports, by id."""
    _print_rows(_open_store(db).documents(), as_json, "Documents", empty="no documents")


@app.command()
def show(
    doc: Annotated[str, typer.Argument(help="A document id or a unique prefix of one.")],
    db: DbOption = Path(DEFAULT_DB),
    as_json: JsonOption = False,
) -> None:
    """One stored report with everything found in it."""
    report = _open_store(db).report(doc)
    if report is None:
        raise _fail(f"no document with id {doc!r} in {db} (see `sitrep docs`)")
    if as_json:
        sys.stdout.write(json.dumps(to_dict(report), ensure_ascii=False, indent=2) + "\n")
    else:
        _print_report(report)


@app.command()
def people(
    db: DbOption = Path(DEFAULT_DB),
    name: Annotated[
        str | None, typer.Option("--name", help="Only people whose name contains this.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """People found in the stored reports."""
    _print_rows(_open_store(db).people(name=name), as_json, "People", empty="no people found")


@app.command()
def places(db: DbOption = Path(DEFAULT_DB), as_json: JsonOption = False) -> None:
    """Places, one row per resolved place (or per name when unresolved)."""
    _print_rows(_open_store(db).places(), as_json, "Places", empty="no places found")


@app.command()
def organizations(db: DbOption = Path(DEFAULT_DB), as_json: JsonOption = False) -> None:
    """Organisations and collective actors."""
    _print_rows(
        _open_store(db).organizations(), as_json, "Organizations", empty="no organizations found"
    )


@app.command()
def quotes(
    db: DbOption = Path(DEFAULT_DB),
    speaker: Annotated[str | None, typer.Option("--speaker", help="Only this speaker.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Quotes with their speakers."""
    _print_rows(_open_store(db).quotes(speaker=speaker), as_json, "Quotes", empty="no quotes found")


@app.command()
def times(db: DbOption = Path(DEFAULT_DB), as_json: JsonOption = False) -> None:
    """Time expressions with their resolved values."""
    _print_rows(_open_store(db).times(), as_json, "Times", empty="no time expressions found")


@app.command()
def figures(db: DbOption = Path(DEFAULT_DB), as_json: JsonOption = False) -> None:
    """Figures (numbers about the situation) with their units and quantities."""
    _print_rows(_open_store(db).figures(), as_json, "Figures", empty="no figures found")


@app.command()
def events(db: DbOption = Path(DEFAULT_DB), as_json: JsonOption = False) -> None:
    """Events with type, date, place and actors."""
    _print_rows(_open_store(db).events(), as_json, "Events", empty="no events found")


@app.command()
def failures(db: DbOption = Path(DEFAULT_DB), as_json: JsonOption = False) -> None:
    """Documents that could not be read or annotated, with the reason."""
    _print_rows(_open_store(db).failures(), as_json, "Failures", empty="no failures")


@app.command()
def runs(db: DbOption = Path(DEFAULT_DB), as_json: JsonOption = False) -> None:
    """Ingest runs with their counts."""
    _print_rows(_open_store(db).runs(), as_json, "Runs", empty="no runs")


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="Text to look for (case-insensitive).")],
    db: DbOption = Path(DEFAULT_DB),
    limit: Annotated[int, typer.Option("--limit", min=1)] = 50,
    as_json: JsonOption = False,
) -> None:
    """Reports whose cleaned text contains TEXT."""
    _print_rows(_open_store(db).search(text, limit=limit), as_json, "Matches", empty="no matches")


@app.command()
def export(
    out_path: Annotated[Path, typer.Argument(metavar="OUT", help="File to write.")],
    fmt: Annotated[
        str, typer.Option("--format", help="jsonl (one report per line); see docs/CLI.md.")
    ] = "jsonl",
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Export the store in a standard format."""
    from sitrep.export import export as run_export
    from sitrep.export import writers

    if fmt not in writers():
        raise _fail(f"format {fmt!r} is not supported; supported: {', '.join(sorted(writers()))}")
    store = _open_store(db)
    count = run_export(store, fmt, out_path)
    err.print(f"wrote {count} records to {out_path} ({fmt})")


# ---------------------------------------------------------------------------- eval


@eval_app.command("report")
def eval_report(
    data: Annotated[Path, typer.Option("--data", help="Folder with articles/ and gold/.")],
    model: ModelOption = DEFAULT_MODEL,
    gazetteer: GazetteerOption = None,
    anchor_events: AnchorEventsOption = None,
    floors: Annotated[
        Path | None,
        typer.Option("--floors", help="Fail (exit 1) if a metric drops below its pinned floor."),
    ] = None,
    errors: Annotated[
        bool,
        typer.Option(
            "--errors",
            help="List per document and section what was missed, what was found wrongly, "
            "and matched items with a wrong field (gold vs ours).",
        ),
    ] = False,
) -> None:
    """Score whole reports against gold files (shared/spec/GOLD_FORMAT.md)."""
    from sitrep.evaluation.report import evaluate_report_dir, format_errors, format_result
    from sitrep.ingest.document import RawDocument
    from sitrep.resources import load_resources
    from sitrep.stages.pipeline import annotate

    if not (data / "gold").is_dir() or not (data / "articles").is_dir():
        raise _fail(f"{data} must hold articles/NAME.txt and gold/NAME.json")
    try:
        resources = load_resources(
            _settings(model=model, gazetteer=gazetteer, anchor_events=anchor_events)
        )
    except SitrepError as exc:
        raise _fail(str(exc)) from None

    def run(text: str, name: str) -> Report:
        return annotate(RawDocument(text=text, origin=name, path=name), resources)

    gate = _read_floors(floors)
    result = evaluate_report_dir(data, run)
    out.print(format_result(result), markup=False, highlight=False)
    if errors:
        out.print(format_errors(result), markup=False, highlight=False)
    problems = check_floors(result.metrics(), gate, data) if gate else []
    for problem in problems:
        err.print(f"[bold red]gate:[/] {escape(problem)}")
    sys.stdout.write(result.to_json() + "\n")
    if problems:
        raise typer.Exit(EXIT_SOME_FAILED)


def _read_floors(path: Path | None) -> Floors | None:
    if path is None:
        return None
    try:
        return Floors.read(path)
    except ValueError as exc:
        raise _fail(str(exc)) from None


def main() -> None:
    app()


register_all(app, eval_app)


if __name__ == "__main__":
    main()
