"""Commands contributed by feature modules.

Every module in this package defines ``register(app, eval_app)`` and adds its
commands there (``sitrep eval geoparsing``, ``sitrep gazetteer build``, …). They are
discovered in name order, so adding a command never means editing ``cli.py``.
"""

from __future__ import annotations

import importlib
import pkgutil

import typer


def register_all(app: typer.Typer, eval_app: typer.Typer) -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        module.register(app, eval_app)
