"""``sitrep eval corpus --data DIR``: story grouping on perturbed copies; the last line is JSON."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.table import Table

EXIT_USAGE = 2
SPLITS = ("train", "dev", "test")


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    eval_app.command("corpus")(eval_corpus)


def eval_corpus(
    data: Annotated[
        Path, typer.Option("--data", help="The shared eval folder (holds quotes/PolNeAR).")
    ],
    split: Annotated[str, typer.Option("--split", help="train, dev or test.")] = "test",
    limit: Annotated[
        int | None, typer.Option("--limit", help="Use only the first N originals.", min=2)
    ] = None,
    copies: Annotated[
        int, typer.Option("--copies", help="Perturbed copies per original.", min=1)
    ] = 3,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the perturbations.")] = 0,
    errors: Annotated[
        bool, typer.Option("--errors", help="List the false merges.")
    ] = False,
    twins: Annotated[
        bool,
        typer.Option(
            "--twins",
            help="Add each original's other-facts twin (same words, other names and "
            "numbers): a distinct story, never to be merged.",
        ),
    ] = False,
) -> None:
    """Score story grouping: copies made by documented perturbations must join their
    original's story, distinct articles (also of the same week) must not."""
    from sitrep.evaluation.corpus import build_corpus, evaluate, load_polnear

    if split not in SPLITS:
        _usage_error(f"--split must be one of {', '.join(SPLITS)}, got {split!r}")
    try:
        originals = load_polnear(data, split)
    except FileNotFoundError as exc:
        _usage_error(f"{exc}; pass --data pointing at the shared eval folder")
    if limit is not None:
        originals = originals[:limit]
    result = evaluate(build_corpus(originals, copies=copies, seed=seed, twins=twins))
    out = Console(width=None if sys.stdout.isatty() else 140)
    metrics = result.metrics()
    table = Table(title=f"sitrep eval corpus: PolNeAR {split}, {metrics['reports']} reports")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for key, value in metrics.items():
        table.add_row(key, "-" if value is None else f"{value:.4g}" if isinstance(value, float)
                      else str(value))  # fmt: skip
    out.print(table)
    if errors:
        for a, b in result.false_merges:
            out.print(f"false merge: {a} + {b}", markup=False, highlight=False)
    sys.stdout.write(result.to_json() + "\n")


def _usage_error(message: str) -> NoReturn:
    Console(stderr=True).print(f"[bold red]error:[/] {message}", markup=True)
    raise typer.Exit(EXIT_USAGE)
