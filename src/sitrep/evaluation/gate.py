"""Evaluation gates: pinned floors per metric and a hash of the evaluation set.

A floors file says which set it was measured on (its SHA-256) and the lowest value each
metric may take. ``check_floors`` returns what is wrong: a metric below its floor, a
metric missing, or a changed set (floors measured on other data mean nothing).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class Floors:
    dataset: str
    corpus_sha256: str
    floors: Mapping[str, float]

    @classmethod
    def read(cls, path: Path) -> Floors:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(
                dataset=str(data["dataset"]),
                corpus_sha256=str(data["corpus_sha256"]),
                floors={str(k): float(v) for k, v in data["floors"].items()},
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"{path}: not a floors file ({exc})") from exc


def corpus_sha256(data_dir: Path, patterns: tuple[str, ...] = ("articles/*", "gold/*")) -> str:
    """A hash of every file of the set, by relative path and content, in path order."""
    digest = hashlib.sha256()
    files = sorted({p for pattern in patterns for p in data_dir.glob(pattern) if p.is_file()})
    for path in files:
        digest.update(path.relative_to(data_dir).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def check_floors(metrics: Mapping[str, Any], floors: Floors, data_dir: Path) -> list[str]:
    """Everything that fails the gate, as messages; an empty list means it passes."""
    problems: list[str] = []
    actual_hash = corpus_sha256(data_dir)
    if actual_hash != floors.corpus_sha256:
        problems.append(
            f"the evaluation set {data_dir} changed (sha256 {actual_hash[:12]}…, floors were "
            f"measured on {floors.corpus_sha256[:12]}…): re-measure and update the floors file"
        )
    for name, floor in sorted(floors.floors.items()):
        value = metrics.get(name)
        if not isinstance(value, (int, float)):
            problems.append(f"{name}: missing from the results (floor {floor})")
        elif value < floor:
            problems.append(f"{name}: {value:.4f} is below its floor {floor}")
    return problems
