"""Exports of the store in standard formats, one module per format.

Each module defines ``FORMAT`` (the ``--format`` name), ``SUFFIX`` and
``write(store, out_path) -> int`` (the number of records written). Writers write to
``out_path`` directly; the command writes through a temporary name and renames it,
so a crash never leaves a half-written file under the real name.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

Writer = Callable[[Any, Path], int]


def writers() -> dict[str, Writer]:
    """``--format`` name -> writer, for every module in this package."""
    found: dict[str, Writer] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        found[module.FORMAT] = module.write
    return found


def export(store: Any, fmt: str, out_path: Path) -> int:
    available = writers()
    if fmt not in available:
        raise KeyError(fmt)
    tmp = out_path.with_name(out_path.name + ".part")
    try:
        count = available[fmt](store, tmp)
        tmp.replace(out_path)
    finally:
        tmp.unlink(missing_ok=True)
    return count
