"""``sitrep serve`` (the REST API and web page) and ``sitrep corrections list|undo|export``."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from sitrep.errors import SitrepError
from sitrep.settings import DEFAULT_DB

EXIT_USAGE = 2
TOKEN_ENV = "SITREP_TOKEN"
TILE_ENV = "SITREP_TILE_URL"

DbOption = Annotated[Path, typer.Option("--db", help="The DuckDB store file.")]
err = Console(stderr=True)
corrections_app = typer.Typer(
    help="Analysts' corrections made in the web page's reader.", no_args_is_help=True
)


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.add_typer(corrections_app, name="corrections")


def _usage_error(message: str) -> NoReturn:
    err.print(f"[bold red]error:[/] {message}", highlight=False)
    raise typer.Exit(EXIT_USAGE)


def serve(
    db: DbOption = Path(DEFAULT_DB),
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", help="Port to listen on.", min=0, max=65535)
    ] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            help=f"Accept corrections from clients sending this bearer token (or ${TOKEN_ENV}); "
            "without it the API is read-only.",
        ),
    ] = None,
    tile_url: Annotated[
        str | None,
        typer.Option(
            "--tile-url",
            help=f"Online map tiles, e.g. https://tile.example/{{z}}/{{x}}/{{y}}.png (or "
            f"${TILE_ENV}); off by default: the page draws its own offline basemap.",
        ),
    ] = None,
) -> None:
    """Serve the REST API (/api, schema at /openapi.json) and the analyst's page (/)."""
    import uvicorn

    from sitrep.web import create_app

    if not db.is_file():
        _usage_error(f"no store {db}; create one with `sitrep ingest PATH --db {db}`")
    secret = token or os.environ.get(TOKEN_ENV) or None
    tiles = tile_url or os.environ.get(TILE_ENV) or None
    if tiles and not tiles.startswith(("https://", "http://")):
        _usage_error(f"--tile-url must be an http(s) URL, got {tiles!r}")
    try:
        app = create_app(db, token=secret, tile_url=tiles)
    except SitrepError as exc:
        _usage_error(str(exc))
    mode = "corrections accepted with the token" if secret else "read-only"
    err.print(f"sitrep serving {db} at http://{host}:{port}/ ({mode})", highlight=False)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@corrections_app.command("list")
def list_corrections(
    db: DbOption = Path(DEFAULT_DB),
    doc: Annotated[str | None, typer.Option("--doc", help="Only this report's.")] = None,
    active: Annotated[bool, typer.Option("--active", help="Leave out undone ones.")] = False,
) -> None:
    """Corrections in the order they were made, one JSON object per line."""
    from sitrep.store import corrections
    from sitrep.web.queries import reader

    try:
        with reader(_existing(db)) as con:
            found = corrections.list_corrections(con, doc_id=doc, include_undone=not active)
    except SitrepError as exc:
        _usage_error(str(exc))
    for correction in found:
        sys.stdout.write(json.dumps(correction.to_dict(), ensure_ascii=False) + "\n")


@corrections_app.command("undo")
def undo(
    correction_id: Annotated[int, typer.Argument(help="The correction's id (see `list`).")],
    db: DbOption = Path(DEFAULT_DB),
    who: Annotated[str, typer.Option("--who", help="Who undoes it.")] = "cli",
) -> None:
    """Undo a correction: the record goes back to what was extracted."""
    from sitrep.store import corrections

    try:
        done = corrections.undo(_existing(db), correction_id, who)
    except SitrepError as exc:
        _usage_error(str(exc))
    sys.stdout.write(json.dumps(done.to_dict(), ensure_ascii=False) + "\n")


@corrections_app.command("export")
def export(
    db: DbOption = Path(DEFAULT_DB),
    fmt: Annotated[str, typer.Option("--format", help="Only jsonl.")] = "jsonl",
    include_undone: Annotated[
        bool, typer.Option("--include-undone", help="Also corrections that were undone.")
    ] = False,
) -> None:
    """Corrections as JSON Lines with the text around each, for retraining."""
    from sitrep.store import Store
    from sitrep.web.app import export_jsonl

    if fmt != "jsonl":
        _usage_error(f"unknown format {fmt!r}; corrections export as jsonl")
    try:
        sys.stdout.write(export_jsonl(Store(_existing(db), read_only=True),
                                      include_undone=include_undone))  # fmt: skip
    except SitrepError as exc:
        _usage_error(str(exc))


def _existing(db: Path) -> Path:
    if not db.is_file():
        _usage_error(f"no store {db}")
    return db
