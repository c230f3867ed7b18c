"""``sitrep gazetteer build``: an index from the user's GeoNames dump."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from sitrep.errors import SitrepError

EXIT_USAGE = 2
err = Console(stderr=True)
gazetteer_app = typer.Typer(help="Build gazetteer indexes.", no_args_is_help=True)


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("build")
def build(
    geonames: Annotated[
        Path, typer.Option("--geonames", help="allCountries.zip, cities500.zip, UA.zip or a .txt")
    ],
    admin1: Annotated[
        Path | None, typer.Option("--admin1", help="admin1CodesASCII.txt (region names).")
    ] = None,
    alternate: Annotated[
        Path | None, typer.Option("--alternate", help="alternateNamesV2.zip (more spellings).")
    ] = None,
    out: Annotated[Path, typer.Option("--out", help="Index file to write.")] = Path(
        "gazetteer.sqlite"
    ),
) -> None:
    """Write a gazetteer index from GeoNames files; use it with --gazetteer PATH."""
    from sitrep.gazetteer.geonames_dump import build_from_dump

    try:
        count = build_from_dump(geonames, out, admin1_path=admin1, alternates_path=alternate)
    except (SitrepError, ValueError, IndexError) as exc:
        err.print(f"[bold red]error:[/] {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    err.print(f"wrote {count} places to {out}")
