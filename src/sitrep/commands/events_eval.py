"""``sitrep eval events --data DIR``: event and figure scores; the last line is JSON.
``sitrep eval train-events --data DIR ...``: a learned event confidence, measured."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.table import Table

from sitrep.settings import DEFAULT_MODEL

EXIT_USAGE = 2


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    eval_app.command("events")(eval_events)
    eval_app.command("train-events")(train_events)


def eval_events(
    data: Annotated[Path, typer.Option("--data", help="Folder with articles/ and gold/.")],
    model: Annotated[
        str, typer.Option("--model", help="spaCy pipeline to use (any installed package or path).")
    ] = DEFAULT_MODEL,
    errors: Annotated[
        bool, typer.Option("--errors", help="List what was missed and found wrongly.")
    ] = False,
) -> None:
    """Score events (type + place + month), casualties and figures against gold files."""
    from sitrep.errors import SitrepError
    from sitrep.evaluation.events import evaluate_events_dir
    from sitrep.ingest.document import RawDocument
    from sitrep.records import Report
    from sitrep.resources import load_resources
    from sitrep.settings import Settings
    from sitrep.stages.pipeline import annotate

    if not (data / "gold").is_dir() or not (data / "articles").is_dir():
        _usage_error(f"{data} must hold articles/NAME.txt and gold/NAME.json")
    try:
        resources = load_resources(Settings(model=model))
    except SitrepError as exc:
        _usage_error(str(exc))

    def run(text: str, name: str) -> Report:
        return annotate(RawDocument(text=text, origin=name, path=name), resources)

    result = evaluate_events_dir(data, run)
    out = Console(width=None if sys.stdout.isatty() else 140)
    out.print(_table(result.metrics()))
    if errors:
        for doc in result.documents:
            for line in [*(f"missed   {m}" for m in doc.missed),
                         *(f"spurious {s}" for s in doc.spurious),
                         *(f"counts   {c}" for c in doc.wrong_casualties)]:  # fmt: skip
                out.print(f"{doc.name}: {line}", markup=False, highlight=False)
    for reason in result.skipped:
        out.print(f"skipped: {reason}", markup=False, highlight=False)
    for doc in result.documents:
        if doc.error:
            out.print(f"failed: {doc.name}: {doc.error}", markup=False, highlight=False)
    sys.stdout.write(result.to_json() + "\n")


def train_events(
    data: Annotated[
        list[Path], typer.Option("--data", help="An annotated set (articles/, gold/); repeat.")
    ],
    check: Annotated[
        list[Path] | None,
        typer.Option("--check", help="A set to apply the trained model to; repeat."),
    ] = None,
    cv: Annotated[
        bool, typer.Option("--cv", help="Leave one --data set out at a time first.")
    ] = False,
    features: Annotated[
        str | None, typer.Option("--features", help="Comma-separated feature names (default all).")
    ] = None,
    l2: Annotated[float, typer.Option("--l2", help="L2 penalty on standardised weights.")] = 1.0,
    cross_fitted: Annotated[
        bool,
        typer.Option("--cross-fitted", help="Choose the threshold on out-of-set probabilities."),
    ] = False,
    out: Annotated[
        Path | None, typer.Option("--out", help="Write the model trained on every --data set.")
    ] = None,
    model: Annotated[
        str, typer.Option("--model", help="spaCy pipeline to use (any installed package or path).")
    ] = DEFAULT_MODEL,
) -> None:
    """Learn a confidence for events from annotated sets and measure whether withholding
    the low ones raises event F1 on sets it was not trained on (docs/EVENTS.md, round 16)."""
    from sitrep.errors import SitrepError
    from sitrep.evaluation import train_events as trainer
    from sitrep.evaluation.event_features import FEATURE_NAMES
    from sitrep.resources import load_resources
    from sitrep.settings import Settings

    names = tuple(n.strip() for n in features.split(",")) if features else FEATURE_NAMES
    unknown = [n for n in names if n not in FEATURE_NAMES]
    if unknown:
        _usage_error(f"unknown features {unknown}; known: {', '.join(FEATURE_NAMES)}")
    for folder in [*data, *(check or [])]:
        if not (folder / "gold").is_dir() or not (folder / "articles").is_dir():
            _usage_error(f"{folder} must hold articles/NAME.txt and gold/NAME.json")
    try:
        resources = load_resources(Settings(model=model))
    except SitrepError as exc:
        _usage_error(str(exc))
    samples = [s for folder in data for s in trainer.collect_set(folder, resources)]
    if cv:
        results = trainer.leave_one_set_out(samples, names, l2, cross_fitted=cross_fitted)
        print("leave one set out:\n" + trainer.format_held_out(results))
    trained = trainer.train(samples, names, l2, cross_fitted=cross_fitted)
    print(f"trained on {', '.join(trained.meta['trained_on'])}: threshold {trained.threshold}")
    if check:
        checked = [s for folder in check for s in trainer.collect_set(folder, resources)]
        print("checked:\n" + trainer.format_held_out(trainer.held_out(trained, checked)))
    if out is not None:
        out.write_text(trained.to_json() + "\n", encoding="utf-8")


def _table(metrics: dict[str, float | int | None]) -> Table:
    table = Table(title=f"sitrep eval events: {metrics['documents']} documents")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for key, value in metrics.items():
        shown = "-" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)
        table.add_row(key, shown)
    return table


def _usage_error(message: str) -> NoReturn:
    Console(stderr=True).print(f"[bold red]error:[/] {message}")
    raise typer.Exit(EXIT_USAGE)
