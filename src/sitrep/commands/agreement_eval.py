"""``sitrep eval agreement --data DIR --second DIR2``: how far two annotators agree, scored
by the code that scores sitrep; the last line is JSON."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

EXIT_USAGE = 2


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    eval_app.command("agreement")(eval_agreement)


def eval_agreement(
    data: Annotated[
        Path, typer.Option("--data", help="Folder with articles/ and the first gold/.")
    ],
    second: Annotated[
        Path,
        typer.Option("--second", help="Folder whose gold/ annotates the same articles again."),
    ],
    errors: Annotated[
        bool, typer.Option("--errors", help="List where the second annotation differs.")
    ] = False,
) -> None:
    """Score a second annotation of the same reports against the first (GOLD_FORMAT.md),
    exactly as `sitrep eval report` scores sitrep: the agreement two people reach."""
    from sitrep.evaluation.agreement import evaluate_agreement
    from sitrep.evaluation.gold import GoldFormatError
    from sitrep.evaluation.report import format_errors, format_result

    for folder, needs in ((data, ("articles", "gold")), (second, ("gold",))):
        missing = [n for n in needs if not (folder / n).is_dir()]
        if missing:
            Console(stderr=True, soft_wrap=True).print(
                f"error: {folder} has no {', '.join(missing)}/ folder"
            )
            raise typer.Exit(EXIT_USAGE)
    try:
        result = evaluate_agreement(data, second)
    except GoldFormatError as exc:
        Console(stderr=True, soft_wrap=True).print(f"error: {exc}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    out = Console(width=None if sys.stdout.isatty() else 140)
    out.print(format_result(result), markup=False, highlight=False)
    if errors:
        out.print(format_errors(result), markup=False, highlight=False)
    sys.stdout.write(result.to_json() + "\n")
