"""Stage registry: each stage declares what it requires and what it assigns.

A stage is a function ``(state, resources) -> None`` that fills fields of the
``DocState``. ``check_order`` verifies once, when a pipeline is built, that every
stage's requirements were assigned by an earlier one (as spaCy's pipe analysis does).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.errors import PipelineError

if TYPE_CHECKING:
    from sitrep.resources import Resources
    from sitrep.stages.state import DocState

StageFunc = Callable[["DocState", "Resources"], None]

# What exists before any stage runs.
INITIAL_FIELDS: frozenset[str] = frozenset({"text", "doc", "removed", "language", "published"})


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    func: StageFunc
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, state: DocState, resources: Resources) -> None:
        self.func(state, resources)


_REGISTRY: dict[str, Stage] = {}


def stage(
    name: str, *, requires: Sequence[str] = (), assigns: Sequence[str] = ()
) -> Callable[[StageFunc], StageFunc]:
    """Register ``func`` as the stage ``name``."""

    def register(func: StageFunc) -> StageFunc:
        if name in _REGISTRY and _REGISTRY[name].func is not func:
            raise PipelineError(f"stage {name!r} is registered twice")
        _REGISTRY[name] = Stage(name, func, tuple(requires), tuple(assigns))
        return func

    return register


def registered() -> dict[str, Stage]:
    return dict(_REGISTRY)


def check_order(stages: Sequence[Stage]) -> None:
    """Raise ``PipelineError`` naming the first stage whose requirement is unmet."""
    available = set(INITIAL_FIELDS)
    for s in stages:
        missing = [r for r in s.requires if r not in available]
        if missing:
            raise PipelineError(
                f"stage {s.name!r} requires {', '.join(missing)}, which no earlier stage "
                f"assigns; move it after the stage that does"
            )
        available.update(s.assigns)
