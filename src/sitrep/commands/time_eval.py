"""``sitrep eval time``: time expressions and document dating on TimeML corpora."""

from __future__ import annotations

import json
import sys
from functools import partial
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from sitrep.settings import DEFAULT_MODEL

err = Console(stderr=True)
EXIT_USAGE = 2
SHOWN = ("relaxed_f1", "strict_f1", "type_accuracy", "value_f1", "dating_coverage",
         "dating_answered", "dating_median_days", "dating_stated_within_60d")  # fmt: skip


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    eval_app.command("time")(eval_time)
    eval_app.command("copy-lag")(eval_copy_lag)


def eval_time(
    data: Annotated[
        Path, typer.Option("--data", help="Folder of TimeML .tml / MEANTIME .xml files.")
    ],
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="Only the first N documents.")
    ] = None,
    peer: Annotated[
        bool, typer.Option("--peer/--no-peer", help="Also measure dateparser's search_dates.")
    ] = True,
    model: Annotated[str, typer.Option("--model", help="spaCy model.")] = DEFAULT_MODEL,
) -> None:
    """Extent (strict, relaxed), type and value F1 with the DCT as publication date, and
    dating with the DCT hidden; published HeidelTime/SUTime figures printed beside."""
    from sitrep.evaluation.time import PUBLISHED, evaluate_system
    from sitrep.evaluation.time_corpora import read_time_corpora
    from sitrep.evaluation.time_taggers import (
        dateparser_date,
        dateparser_tag,
        sitrep_date,
        sitrep_stated_near,
        sitrep_tag,
    )
    from sitrep.resources import load_resources
    from sitrep.settings import Settings

    if not data.is_dir():
        err.print(f"[bold red]error:[/] {data} is not a folder")
        raise typer.Exit(EXIT_USAGE)
    docs = list(read_time_corpora(data))[:limit]
    if not docs:
        err.print(f"[bold red]error:[/] no .tml or MEANTIME .xml documents under {data}")
        raise typer.Exit(EXIT_USAGE)
    resources = load_resources(Settings(model=model))
    ours = evaluate_system(
        docs,
        partial(sitrep_tag, resources=resources),
        partial(sitrep_date, resources=resources),
        partial(sitrep_stated_near, resources=resources),
    ).metrics()
    theirs = evaluate_system(docs, dateparser_tag, dateparser_date).metrics() if peer else None
    _print_table(ours, theirs, PUBLISHED)
    result: dict[str, Any] = {**ours, "documents": len(docs)}
    if theirs is not None:
        result["peer"] = {"name": "dateparser 1.5.0 search_dates", **theirs}
    result["published"] = PUBLISHED
    sys.stdout.write(json.dumps(result, sort_keys=False) + "\n")


def eval_copy_lag(
    data: Annotated[
        Path, typer.Option("--data", help="The eval folder (quotes/PolNeAR, time/...).")
    ],
) -> None:
    """Date gaps between copies (pairs the store puts in one story) among dated texts,
    and how often the corpus dating window holds a copy's hidden date."""
    from sitrep.evaluation.time_copies import copy_pairs, dated_texts, score_windows

    texts = dated_texts(data) if data.is_dir() else []
    if not texts:
        err.print(f"[bold red]error:[/] no dated PolNeAR or TimeML texts under {data}")
        raise typer.Exit(EXIT_USAGE)
    pairs = copy_pairs(texts)
    for pair in pairs:
        err.print(
            f"{pair.lag_days:>4} d  {pair.reason:<14} {pair.earlier.name}  {pair.later.name}",
            soft_wrap=True,
        )
    result = {"texts": len(texts), **score_windows(pairs)}
    sys.stdout.write(json.dumps(result, sort_keys=False) + "\n")


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) and value <= 1 else f"{value:g}"


def _print_table(
    ours: dict[str, Any], theirs: dict[str, Any] | None, published: dict[str, dict[str, float]]
) -> None:
    out = Console(width=140, color_system=None, force_terminal=False)
    table = Table(title="time expressions (DCT given) and dating (DCT hidden)")
    table.add_column("system / corpus")
    for name in SHOWN:
        table.add_column(name, justify="right")
    rows: list[tuple[str, dict[str, Any]]] = [("sitrep (all)", ours)]
    rows += [(f"sitrep {c}", m) for c, m in ours["corpora"].items()]
    if theirs is not None:
        rows.append(("dateparser (all)", theirs))
        rows += [(f"dateparser {c}", m) for c, m in theirs["corpora"].items()]
    rows += [(f"{name} (published, TE3-platinum)", m) for name, m in published.items()]
    for label, metrics in rows:
        table.add_row(label, *(_cell(metrics.get(n)) for n in SHOWN))
    out.print(table)
