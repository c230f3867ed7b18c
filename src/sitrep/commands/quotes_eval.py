"""``sitrep eval quotes``: quote extraction scored on PolNeAR, sitrep beside textacy."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from sitrep.settings import DEFAULT_MODEL

EXIT_USAGE = 2
err = Console(stderr=True)


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    eval_app.command("quotes")(eval_quotes)


def eval_quotes(
    data: Annotated[
        Path, typer.Option("--data", help="The PolNeAR folder (holding train/ dev/ test/).")
    ],
    split: Annotated[str, typer.Option("--split", help="train, dev or test.")] = "test",
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="Only the first N articles.")
    ] = None,
    model: Annotated[str, typer.Option("--model", help="spaCy pipeline to use.")] = DEFAULT_MODEL,
    peer: Annotated[
        bool, typer.Option("--peer/--no-peer", help="Also score textacy's direct_quotations.")
    ] = True,
) -> None:
    """Score quotes (content, speaker, cue) on PolNeAR; the last line is JSON."""
    from sitrep.errors import SitrepError
    from sitrep.evaluation.quotes_polnear import PolnearFormatError, read_split
    from sitrep.evaluation.quotes_run import evaluate, format_table
    from sitrep.evaluation.quotes_systems import (
        PEER_NAME,
        Extractor,
        sitrep_extractor,
        textacy_extractor,
    )
    from sitrep.resources import load_resources
    from sitrep.settings import Settings

    try:
        articles = read_split(data, split, limit)
    except (FileNotFoundError, PolnearFormatError) as exc:
        raise _fail(str(exc)) from None
    if not articles:
        raise _fail(f"no articles with annotations under {data / split}")
    try:
        resources = load_resources(Settings(model=model))
    except (SitrepError, ValueError) as exc:
        raise _fail(str(exc)) from None
    systems: dict[str, Extractor] = {"sitrep": sitrep_extractor(resources)}
    if peer:
        try:
            systems[PEER_NAME] = textacy_extractor(resources.nlp)
        except ImportError:
            err.print("textacy is not installed: the peer is not scored (pip install textacy)")
    started = time.perf_counter()
    scores = evaluate(articles, systems)
    metrics: dict[str, Any] = {"split": split, **scores["sitrep"].metrics()}
    if PEER_NAME in scores:
        metrics["peer"] = {"name": PEER_NAME, **scores[PEER_NAME].metrics()}
    metrics["seconds"] = round(time.perf_counter() - started, 1)
    sys.stdout.write(format_table(scores) + "\n")
    sys.stdout.write(json.dumps(metrics) + "\n")


def _fail(message: str) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}")
    return typer.Exit(EXIT_USAGE)
